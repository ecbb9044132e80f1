"""What a maintainer declares about an interview: ``meta.toml`` in its raw folder.

The metadata is the only place where knowledge about a particular transcript
lives: its speakers' labels as printed, corrections (each with its reason), the
encoding of a legacy file, site-specific patterns, and inferences a maintainer
has reviewed. Adding an interview or a language never needs a code change.

Mistakes in it are the most common thing a maintainer gets wrong, so
:func:`load_meta` reports every problem it finds in one run, each on its own
line with the line of ``meta.toml``, the key, the bad value and what is allowed
(see :mod:`qa_builder.transcripts.metakeys`).
"""

from __future__ import annotations

import datetime as dt
import tomllib
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Annotated, Any, Literal

import regex
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
    field_validator,
    model_validator,
)

from ..errors import MetadataError
from ..languages import two_letter_code
from ..models import FUNCTIONS, ROLES, Function, Role
from .conventions import Conventions, builtin_conventions
from .labels import COLON
from .licenses import HUB_LICENSES, licence_problem
from .metakeys import Problem, problems_of, toml_error
from .read import normalised, read_bytes

__all__ = ["META_FILE", "InterviewMeta", "LabelMeta", "LanguageMeta", "Speaker", "Voice", "code_shaped", "load_meta"]

META_FILE = "meta.toml"


def _eight_digits(digits: str) -> str | None:
    """``20240105`` as the date it spells, ``2024-01-05``; None if it spells none (``20241305``, ``31122023``)."""
    if len(digits) != 8:
        return None
    try:
        return dt.date(int(digits[:4]), int(digits[4:6]), int(digits[6:])).isoformat()
    except ValueError:
        return None


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class LabelMeta(_Strict):
    """A speaker label as printed, and who it stands for: a declared speaker, or only a role."""

    speaker: str | None = Field(default=None, description="The speaker the label stands for, as declared above.")
    role: Role | None = Field(
        default=None, description='Instead of a speaker: the role a label names (`Audience = { role = "audience" }`).'
    )
    reason: str | None = Field(
        default=None, description="Why this label is a correction (e.g. a misspelling); flags its turns."
    )

    @model_validator(mode="after")
    def _speaker_or_role(self) -> LabelMeta:
        if (self.speaker is None) == (self.role is None):
            raise ValueError("give the label either a speaker or a role")
        return self


class Speaker(_Strict):
    name: str
    role: Role


@dataclass(frozen=True, slots=True)
class Voice:
    """Who says a turn: a declared speaker (and their role), or, for a label that names a role, the role alone."""

    speaker: str | None
    role: Role

    @property
    def function(self) -> Function:
        return FUNCTIONS[self.role]


class LanguageMeta(_Strict):
    """One translation of the interview: ``[languages.<lang>]``."""

    source: str = Field(min_length=1, description="Where this translation comes from.")
    title: str | None = Field(default=None, description="This translation's own title, if it has one.")
    encoding: str | None = Field(default=None, description="Declare only for files that are not UTF-8.")
    labels: dict[str, LabelMeta] = Field(
        default_factory=dict,
        description='Each label as printed → its speaker: `Q = "Alex Heath"`, or a table with a reason.',
    )
    markup: Literal["auto", "none", "markdown", "html"] = Field(
        default="auto", description="The file's markup; `auto` decides from the file."
    )
    paragraphs: Literal["auto", "blank-line", "one-per-line", "hard-wrapped"] = Field(
        default="auto", description="How the file lays out paragraphs; `auto` decides from the file."
    )
    layout: Literal["auto", "labels", "bold-questions"] = Field(
        default="auto",
        description="Turns start at printed labels, or (a print interview) questions are in bold and answers "
        "follow unlabelled; `auto` decides from the file.",
    )
    conventions: Conventions = Field(default_factory=Conventions)
    reviewed: dict[int, Annotated[str, StringConstraints(pattern=r"\S")]] = Field(
        default_factory=dict,
        description="Lines whose warning a maintainer has checked, each with what they found; not printed again.",
    )

    @field_validator("reviewed", mode="before")
    @classmethod
    def _line_numbers(cls, value: object) -> object:
        """A review's key is a line number; one copied with the warning's path (``"de.txt:93"``) says how to write
        it."""
        for key in value if isinstance(value, dict) else ():
            copied = regex.match(r"^.*:(\d+)$", str(key))
            if copied is not None:
                raise ValueError(f'{key!r} is a place, the key is its line number alone: {copied[1]} = "…"')
        return value

    @field_validator("labels", mode="before")
    @classmethod
    def _speaker_names(cls, value: object) -> object:
        """``Q = "Alex Heath"`` is short for ``Q = { speaker = "Alex Heath" }``."""
        if isinstance(value, dict):
            return {label: {"speaker": v} if isinstance(v, str) else v for label, v in value.items()}
        return value

    def label(self, printed: str) -> LabelMeta:
        return self.labels[printed]

    def voice(self, printed: str, people: dict[str, Speaker]) -> Voice:
        """Who the label ``printed`` stands for."""
        label = self.labels[printed]
        if label.speaker is not None:
            return Voice(label.speaker, people[label.speaker].role)
        assert label.role is not None
        return Voice(None, label.role)


class InterviewMeta(_Strict):
    title: str = Field(min_length=1, description="The interview's title as published.")
    publisher: str = Field(min_length=1, description="Who published it: 'The Verge'.")
    url: str = Field(min_length=1, description="Where the original is published.")
    published: dt.date = Field(description="Publication date, a TOML date without quotes: 2023-11-29.")
    interviewer: str | list[str] = Field(
        default_factory=list, description='Who asks the questions: a name, or several: ["Carmen Andoh", "Jon Calhoun"].'
    )
    interviewees: list[str] = Field(
        default_factory=list, description='Who answers: ["Sam Altman", "Mira Murati"], or one name.'
    )

    @field_validator("interviewees", mode="before")
    @classmethod
    def _one_interviewee(cls, value: object) -> object:
        """``interviewees = "Sam Altman"`` is one interviewee (several in one string are a cross problem)."""
        return _strings(value) if isinstance(value, str) else value

    @field_validator("published", mode="before")
    @classmethod
    def _a_date(cls, value: object) -> object:
        if isinstance(value, int) and not isinstance(value, bool):
            digits = str(value)
            written = _eight_digits(digits)
            raise ValueError(
                f"a number, not a date: write it {written}"
                if written
                else "a year alone is a number, not a date"
                if len(digits) == 4
                else "a number, not a date: write it YYYY-MM-DD"
            )
        if isinstance(value, dt.datetime):
            raise ValueError(f"a date and a time: give the date alone, {value.date().isoformat()}")
        if isinstance(value, dt.date) and value > dt.date.today() + dt.timedelta(days=1):
            raise ValueError(f"{value.isoformat()} is in the future: give the date it was published")
        return value

    speakers: dict[str, Role] = Field(
        default_factory=dict,
        description="Speakers in other roles, each with their role: "
        + ", ".join(f"`{role}`" for role in ROLES)
        + ' (`"Bärbel Bas" = "chair"`).',
    )
    license: str = Field(
        default="unknown", description="The texts' licence as a Hub id (cc-by-4.0, mit, …), 'other' or 'unknown'."
    )
    license_note: str | None = Field(default=None, description="The terms in words; required with 'other'.")
    default_interviewee: str | None = Field(
        default=None, description="Who answers an answer printed without a label; the first who answers if unset."
    )
    languages: dict[str, LanguageMeta] = Field(
        min_length=1, description="One table per translation, `[languages.de]`; its transcript is `de.txt`."
    )

    @cached_property
    def people(self) -> dict[str, Speaker]:
        """Every declared speaker by name, in the order declared."""
        return {name: Speaker(name=name, role=role) for name, role in _declared(self.model_dump()).items()}

    def voice(self, lang: str, printed: str) -> Voice:
        """Who the label ``printed`` in language ``lang`` stands for."""
        return self.languages[lang].voice(printed, self.people)

    def conventions(self, lang: str) -> Conventions:
        """The built-in conventions of ``lang`` plus what this interview adds for it."""
        return builtin_conventions(lang).merged(self.languages[lang].conventions)

    @cached_property
    def answerer(self) -> Voice | None:
        """Who answers an answer printed without a label: ``default_interviewee``, else the first who answers."""
        if self.default_interviewee is not None:
            return Voice(self.default_interviewee, self.people[self.default_interviewee].role)
        answering = [person for person in self.people.values() if FUNCTIONS[person.role] == "answers"]
        return Voice(answering[0].name, answering[0].role) if answering else None

    @property
    def answering(self) -> list[str]:
        """Declared speakers whose role answers."""
        return [person.name for person in self.people.values() if FUNCTIONS[person.role] == "answers"]


def _declared(data: dict[str, Any]) -> dict[str, Role]:
    """Every declared speaker and their role: ``interviewer``, ``interviewees`` and ``speakers``, in that order."""
    people: dict[str, Role] = {}
    for name in _strings(data.get("interviewer")):
        people.setdefault(name, "interviewer")
    for name in _strings(data.get("interviewees")):
        people.setdefault(name, "interviewee")
    speakers = data.get("speakers")
    for name, role in speakers.items() if isinstance(speakers, dict) else []:
        if role in ROLES:
            people.setdefault(name, role)
    return people


_LANGUAGE_CODE = regex.compile(
    r"^(?P<lang>[a-z]{2,3})(?:-(?P<script>[A-Za-z]{4}))?(?:-(?P<region>[A-Za-z]{2}|\d{3}))?"
    r"(?P<variants>(?:-(?:[A-Za-z0-9]{5,8}|\d[A-Za-z0-9]{3}))*)$"
)


def code_shaped(name: str) -> bool:
    """Whether ``name`` is shaped like a language code in any case (``de``, ``zh-cn``, ``pt_BR``; not ``notes``).

    >>> code_shaped("zh-cn"), code_shaped("notes")
    (True, False)
    """
    return name.isascii() and _LANGUAGE_CODE.match(name.casefold().replace("_", "-")) is not None


def _code_problem(code: str) -> Problem | None:
    """What is wrong with a language code: not shaped like BCP 47 (``de``, ``zh-Hant``, ``zh-CN``, ``pt-BR``), or
    not in its canonical case, which would make ``zh-cn`` and ``zh-CN`` two languages of one dataset.

    >>> _code_problem("zh-CN") is None, _code_problem("zh-cn").hint, _code_problem("german").message
    (True, "write it 'zh-CN' (the table [languages.zh-CN] and the file zh-CN.txt)", "language code 'german' is not \
a code like 'de', 'zh-Hant' or 'pt-BR'")
    >>> _code_problem("deu").hint
    "write it 'de' (the table [languages.de] and the file de.txt)"
    """
    shape = _LANGUAGE_CODE.match(code.casefold().replace("_", "-")) if code_shaped(code) else None
    if shape is None:
        return Problem(
            ("languages", code),
            f"language code {code!r} is not a code like 'de', 'zh-Hant' or 'pt-BR'",
            "use the language's ISO 639 code, with a script or region subtag if needed",
        )
    parts = (two_letter_code(shape["lang"]), (shape["script"] or "").title(), (shape["region"] or "").upper())
    canonical = "-".join(part for part in parts if part) + shape["variants"]
    if code == canonical:
        return None
    return Problem(
        ("languages", code),
        f"language code {code!r} is not written as BCP 47 writes it"
        + (" (the two-letter code where there is one)" if parts[0] != shape["lang"] else ""),
        f"write it {canonical!r} (the table [languages.{canonical}] and the file {canonical}.txt)",
    )


def _cross_problems(data: dict[str, Any]) -> list[Problem]:
    """What the models cannot see alone: names that must be declared speakers, codes, the licence.

    Works on the plain TOML data, so these are reported together with the models' problems.
    """
    people = _declared(data)
    found = _role_conflicts(data) + _several_in_one(data)
    if not people and not _role_labels(data):
        found.append(
            Problem(("interviewer",), "no speakers declared", "declare interviewer and interviewees (or [speakers])")
        )
    known = ", ".join(people)
    languages = data.get("languages")
    for code, language in languages.items() if isinstance(languages, dict) else []:
        problem = _code_problem(code)
        if problem is not None:
            found.append(problem)
        labels = language.get("labels") if isinstance(language, dict) else None
        keys = labels if isinstance(labels, dict) else {}
        found += [problem for printed in keys if (problem := _label_key_problem(code, printed)) is not None]
        for printed, value in labels.items() if isinstance(labels, dict) else []:
            speaker = value.get("speaker") if isinstance(value, dict) else value
            if printed in LanguageMeta.model_fields:
                found.append(
                    Problem(
                        ("languages", code, "labels", printed),
                        f"{printed!r} is a key of [languages.{code}], not a label",
                        f"move `{printed} = …` above [languages.{code}.labels]",
                    )
                )
            elif isinstance(speaker, str) and speaker not in people:
                found.append(
                    Problem(
                        ("languages", code, "labels", printed),
                        f"label {printed!r} names {speaker!r}, who is not a declared speaker",
                        f"use one of: {known} (or declare them with interviewer, interviewees or [speakers])"
                        if known
                        else "declare them with interviewer, interviewees or [speakers]",
                    )
                )
    default = data.get("default_interviewee")
    answering = [name for name, role in people.items() if FUNCTIONS[role] == "answers"]
    if isinstance(default, str) and default not in answering:
        found.append(
            Problem(
                ("default_interviewee",),
                f"default_interviewee {default!r} is not one of the speakers who answer",
                f"use one of: {', '.join(answering)}",
            )
        )
    return found + _licence_problems(data) + _url_problems(data)


def _url_problems(data: dict[str, Any]) -> list[Problem]:
    """A url without its scheme (``www.theverge.com/…``) is a relative link in the dataset card and the site."""
    url = data.get("url")
    if not isinstance(url, str) or _HOST_FIRST.match(url.strip()) is None:
        return []
    return [Problem(("url",), f"url {url!r} has no scheme", f'write it as a full address: "https://{url.strip()}"')]


_HOST_FIRST = regex.compile(
    r"^(?:www\.)?[\w-]+(?:\.[\w-]+)*\.(?!(?:pdf|html?|txt|docx?|md|json|xml)(?:[/:?#]|$))[a-z]{2,}(?:[/:?#]|$)",
    regex.IGNORECASE,
)
"""A web address written from its host on (``www.theverge.com/…``, ``spiegel.de/…``)."""


def _role_conflicts(data: dict[str, Any]) -> list[Problem]:
    seen: dict[str, tuple[str, str]] = {}
    found = []
    places = [("interviewer", name, "interviewer") for name in _strings(data.get("interviewer"))]
    places += [("interviewees", name, "interviewee") for name in _strings(data.get("interviewees"))]
    speakers = data.get("speakers")
    places += [("speakers", name, role) for name, role in (speakers.items() if isinstance(speakers, dict) else [])]
    for key, name, role in places:
        if name in seen and seen[name][1] != role:
            found.append(
                Problem(
                    (key,) if key != "speakers" else ("speakers", name),
                    f"{name!r} is declared as {seen[name][1]} under {seen[name][0]} and as {role} under {key}",
                    "give each speaker one role",
                )
            )
        seen.setdefault(name, (key, role))
    return found


def _role_labels(data: dict[str, Any]) -> bool:
    languages = data.get("languages")
    return any(
        isinstance(value, dict) and "role" in value
        for language in (languages.values() if isinstance(languages, dict) else [])
        if isinstance(language, dict) and isinstance(language.get("labels"), dict)
        for value in language["labels"].values()
    )


def _licence_problems(data: dict[str, Any]) -> list[Problem]:
    licence = data.get("license", "unknown")
    if isinstance(licence, str) and licence not in HUB_LICENSES:
        return [licence_problem(licence)]
    if licence == "other" and not data.get("license_note"):
        return [Problem(("license",), "license 'other' needs a license_note", "say what the terms are")]
    return []


def _label_key_problem(code: str, printed: str) -> Problem | None:
    """A label key written with its colon (``"Q:"``) or with spaces around it never matches a line.

    >>> _label_key_problem("de", "F:").hint, _label_key_problem("de", "F") is None
    ("write it 'F' (the colon after a label is read as its separator)", True)
    """
    bare = printed.strip().rstrip(COLON).strip()
    if bare == printed or not bare:
        return None
    why = "ends in a colon" if printed.strip().endswith(tuple(COLON)) else "has spaces around it"
    return Problem(
        ("languages", code, "labels", printed),
        f"label {printed!r} {why}, so no line matches it",
        f"write it {bare!r}" + (" (the colon after a label is read as its separator)" if "colon" in why else ""),
    )


def _several_in_one(data: dict[str, Any]) -> list[Problem]:
    """``interviewees = "Sam Altman, Mira Murati"``: two names in one string, which would be one speaker."""
    found = []
    for key in ("interviewer", "interviewees"):
        value = data.get(key)
        if isinstance(value, str) and "," in value:
            names = ", ".join(f'"{name}"' for name in _strings(value))
            found.append(
                Problem(
                    (key,), f"{key} = {value!r} holds several names in one string", f"write a list: {key} = [{names}]"
                )
            )
    return found


def _strings(value: object) -> list[str]:
    """The names a key declares: a string is one name, or several if it has commas (an error, said once)."""
    if isinstance(value, str):
        return [name.strip() for name in value.split(",") if name.strip()]
    return [item for item in value if isinstance(item, str)] if isinstance(value, list) else []


def _near_meta(path: Path) -> str | None:
    """A file beside a missing ``meta.toml`` that is meant to be it: ``Meta.toml``, ``meta.toml.txt``,
    ``meta.tml``, ``meta.yaml``."""
    if path.exists() or not path.parent.is_dir():
        return None
    found = sorted(p.name for p in path.parent.iterdir() if p.is_file() and p.name.casefold().startswith("meta."))
    return found[0] if found else None


def load_meta(path: Path, where: str) -> InterviewMeta:
    """Read and validate an interview's ``meta.toml``; ``where`` is the path shown in messages.

    Every problem found is reported at once (:attr:`MetadataError.problems`).
    """
    if path.is_dir() and (path / META_FILE).is_file():
        path, where = path / META_FILE, str(Path(where) / META_FILE)
    if not path.is_file():
        near = _near_meta(path)
        raise MetadataError(
            "no meta.toml in the interview folder" if not path.exists() else "is a folder, not a meta.toml file",
            path=where,
            hint=f"rename {near} to {META_FILE}" if near else "write one (see the README's table of meta.toml keys)",
        )
    try:
        text = read_bytes(path, where).decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise MetadataError(
            f"meta.toml is not UTF-8 (byte 0x{error.object[error.start]:02X})", path=where, hint="save it as UTF-8"
        ) from None
    text = normalised(text)  # names and labels compare as the transcripts' text does
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise toml_error(error, text, where) from None
    found = _cross_problems(data)
    try:
        meta = InterviewMeta.model_validate(data)
    except ValidationError as error:
        found += problems_of(error, InterviewMeta, data)
    if found:
        raise MetadataError.of(where, _in_file_order(found, text))
    return meta


def _in_file_order(problems: list[Problem], text: str) -> list[Problem]:
    located = [problem.located(text) for problem in problems]
    return sorted(located, key=lambda problem: problem.line or 0)
