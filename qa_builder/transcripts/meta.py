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
from functools import cached_property
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from ..errors import MetadataError
from ..models import Role
from .conventions import Conventions, builtin_conventions
from .licenses import HUB_LICENSES, licence_problem
from .metakeys import Problem, problems_of, toml_error
from .read import read_bytes

__all__ = ["META_FILE", "InterviewMeta", "LabelMeta", "LanguageMeta", "Role", "Speaker", "load_meta"]

META_FILE = "meta.toml"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class LabelMeta(_Strict):
    """A speaker label as printed, and who it stands for."""

    speaker: str = Field(description="The speaker the label stands for, as declared above.")
    reason: str | None = Field(
        default=None, description="Why this label is a correction (e.g. a misspelling); flags its turns."
    )


class Speaker(_Strict):
    name: str
    role: Role


class LanguageMeta(_Strict):
    """One translation of the interview: ``[languages.<lang>]``."""

    source: str = Field(min_length=1, description="Where this translation comes from.")
    title: str | None = Field(default=None, description="This translation's own title, if it has one.")
    encoding: str | None = Field(default=None, description="Declare only for files that are not UTF-8.")
    labels: dict[str, LabelMeta] = Field(
        min_length=1, description='Each label as printed → its speaker: `Q = "Alex Heath"`, or a table with a reason.'
    )
    conventions: Conventions = Field(default_factory=Conventions)
    reviewed: dict[int, str] = Field(
        default_factory=dict,
        description="Lines whose warning a maintainer has checked, each with what they found; not printed again.",
    )

    @field_validator("labels", mode="before")
    @classmethod
    def _speaker_names(cls, value: object) -> object:
        """``Q = "Alex Heath"`` is short for ``Q = { speaker = "Alex Heath" }``."""
        if isinstance(value, dict):
            return {label: {"speaker": v} if isinstance(v, str) else v for label, v in value.items()}
        return value

    def label(self, printed: str) -> LabelMeta:
        return self.labels[printed]


class InterviewMeta(_Strict):
    title: str = Field(min_length=1, description="The interview's title as published.")
    publisher: str = Field(min_length=1, description="Who published it: 'The Verge'.")
    url: str = Field(min_length=1, description="Where the original is published.")
    published: dt.date = Field(description="Publication date, a TOML date without quotes: 2023-11-29.")
    interviewer: str = Field(min_length=1, description="Who asks the questions.")
    interviewees: list[str] = Field(min_length=1, description='Who answers: ["Sam Altman", "Mira Murati"].')
    license: str = Field(
        default="unknown", description="The texts' licence as a Hub id (cc-by-4.0, mit, …), 'other' or 'unknown'."
    )
    license_note: str | None = Field(default=None, description="The terms in words; required with 'other'.")
    default_interviewee: str | None = Field(
        default=None, description="Who answers an unlabelled answer; the first interviewee if unset."
    )
    languages: dict[str, LanguageMeta] = Field(
        min_length=1, description="One table per translation, `[languages.de]`; its transcript is `de.txt`."
    )

    @cached_property
    def speakers(self) -> dict[str, Speaker]:
        people = [Speaker(name=self.interviewer, role="interviewer")]
        people += [Speaker(name=name, role="interviewee") for name in self.interviewees]
        return {person.name: person for person in people}

    def conventions(self, lang: str) -> Conventions:
        """The built-in conventions of ``lang`` plus what this interview adds for it."""
        return builtin_conventions(lang).merged(self.languages[lang].conventions)

    @property
    def answerer(self) -> str:
        return self.default_interviewee or self.interviewees[0]


def _cross_problems(data: dict[str, Any]) -> list[Problem]:
    """What the models cannot see alone: names that must be declared speakers, codes, the licence.

    Works on the plain TOML data, so these are reported together with the models' problems.
    """
    found: list[Problem] = []
    interviewees = [name for name in _strings(data.get("interviewees"))]
    people = [*_strings(data.get("interviewer")), *interviewees]
    languages = data.get("languages")
    for code, language in languages.items() if isinstance(languages, dict) else []:
        if not code.isascii() or not code.replace("-", "").isalnum():
            found.append(Problem(("languages", code), f"language code {code!r} is not a code like 'de' or 'zh-hans'"))
        labels = language.get("labels") if isinstance(language, dict) else None
        for printed, value in labels.items() if isinstance(labels, dict) else []:
            speaker = value.get("speaker") if isinstance(value, dict) else value
            if isinstance(speaker, str) and speaker not in people:
                found.append(
                    Problem(
                        ("languages", code, "labels", printed),
                        f"label {printed!r} names {speaker!r}, who is not a declared speaker",
                        f"use one of: {', '.join(people)} (or add them to interviewees)",
                    )
                )
    default = data.get("default_interviewee")
    if isinstance(default, str) and default not in interviewees:
        found.append(
            Problem(
                ("default_interviewee",),
                f"default_interviewee {default!r} is not one of the interviewees",
                f"use one of: {', '.join(interviewees)}",
            )
        )
    licence = data.get("license", "unknown")
    if isinstance(licence, str) and licence not in HUB_LICENSES:
        found.append(licence_problem(licence))
    elif licence == "other" and not data.get("license_note"):
        found.append(Problem(("license",), "license 'other' needs a license_note", "say what the terms are"))
    return found


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    return [item for item in value if isinstance(item, str)] if isinstance(value, list) else []


def load_meta(path: Path, where: str) -> InterviewMeta:
    """Read and validate an interview's ``meta.toml``; ``where`` is the path shown in messages.

    Every problem found is reported at once (:attr:`MetadataError.problems`).
    """
    if path.is_dir() and (path / META_FILE).is_file():
        path, where = path / META_FILE, str(Path(where) / META_FILE)
    if not path.is_file():
        raise MetadataError(
            "no meta.toml in the interview folder" if not path.exists() else "is a folder, not a meta.toml file",
            path=where,
            hint="write one (see the README's table of meta.toml keys)",
        )
    try:
        text = read_bytes(path, where).decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise MetadataError(
            f"meta.toml is not UTF-8 (byte 0x{error.object[error.start]:02X})", path=where, hint="save it as UTF-8"
        ) from None
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
