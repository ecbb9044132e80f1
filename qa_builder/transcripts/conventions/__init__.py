"""Each language's conventions: what is not a turn, and where its sentences end.

Each language's conventions live in one data file here (``zh.toml``, ``de.toml``,
``en.toml``), on top of ``default.toml`` which every language gets. An
interview's ``meta.toml`` may add patterns under ``[languages.<lang>.conventions]``
for a site's own boilerplate (or ``[languages.<lang>.conventions.sentences]``
for its abbreviations); the parsing and segmenting engines know no language.
"""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources
from typing import Any

import regex
from pydantic import BaseModel, ConfigDict, Field, field_validator

__all__ = ["INLINE_RULES", "PARAGRAPH_RULES", "Conventions", "SentenceRules", "builtin_conventions", "compiled"]

PARAGRAPH_RULES = (
    "editor_note",
    "link",
    "boilerplate",
    "footer_start",
    "interjection",
    "timestamp",
    "caption",
    "stage_direction",
    "heading",
)
"""The paragraph patterns of :class:`Conventions`, in the order the parser tries them (first match wins)."""
INLINE_RULES = ("interjection", "timestamp", "comment")
"""The kinds also cut out of a turn's text where they sit inside a paragraph (patterns unanchored)."""
LIST_RULES = (
    *PARAGRAPH_RULES,
    "comment",
    "credit",
    "box_title",
    "courtesy",
    "floor",
    "not_labels",
    "label_separators",
    "asking_labels",
    "answering_labels",
    "audience_labels",
    "chairing_labels",
    "interpreting_labels",
    "honorifics",
    "suspended_hyphen",
)


def _listed(description: str) -> Any:
    """A list field of the conventions, empty unless a file or meta.toml fills it."""
    return Field(default_factory=list, description=description)


class SentenceRules(BaseModel):
    """Where a language's sentences end, for :func:`qa_builder.sentences.split_sentences`.

    A sentence ends after a run of ``end`` punctuation and any ``closing``
    quotes or brackets, unless the word before is an abbreviation or an
    ordinal, or (where ``space_after``) no space follows, or the next text
    does not match ``next_start``.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    end: str = Field(default=r"[.!?…]+", description="Punctuation that ends a sentence (a regex).")
    closing: str = Field(default=r"[\"'”’»«」』）)\]]", description="Closing quotes or brackets that stay with it.")
    space_after: bool = Field(default=True, description="Whether a sentence end must be followed by a space.")
    next_start: str = Field(
        default=r"[\p{Lu}\p{N}\"'„“‘«»(\[¿¡]", description="What the next sentence must start with (a regex)."
    )
    abbreviations: list[str] = _listed("Words written with a final period that does not end a sentence.")
    ordinal_before: list[str] = _listed("Words after which a number with a period is an ordinal ('17. November').")

    @field_validator("end", "closing", "next_start")
    @classmethod
    def _compiles(cls, pattern: str) -> str:
        _check_pattern(pattern)
        return pattern

    def merged(self, other: SentenceRules) -> SentenceRules:
        """``other``'s settings over these; lists add up."""
        values = {name: getattr(self, name) for name in type(self).model_fields}
        for name in other.model_fields_set:
            mine, theirs = getattr(self, name), getattr(other, name)
            values[name] = mine + theirs if isinstance(mine, list) else theirs
        return SentenceRules.model_construct(**values)


def _check_pattern(pattern: str) -> None:
    try:
        regex.compile(pattern)
    except regex.error as error:
        raise ValueError(f"bad regular expression {pattern!r}: {error}") from None


class Conventions(BaseModel):
    """Regular expressions (``regex`` V1 syntax) that say what a paragraph is, and words that are no labels.

    Paragraph patterns match at the start of a paragraph (without its markup); interjection, time code and
    comment patterns are found anywhere: a paragraph of nothing else is a segment of that kind, and inside
    a turn they are cut out of its text.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    editor_note: list[str] = _listed("An editor's or translator's note.")
    link: list[str] = _listed("A 'related reading' link.")
    stage_direction: list[str] = _listed("What happens, not what is said.")
    heading: list[str] = _listed("A section heading; names the section.")
    boilerplate: list[str] = _listed("Site furniture wherever it appears.")
    footer_start: list[str] = _listed(
        "First paragraph of the site footer after the last turn; all after it is boilerplate."
    )
    interjection: list[str] = _listed(
        "What the audience does, in brackets: '(Beifall bei der SPD)', '[laughter]'; cut out of turns too."
    )
    timestamp: list[str] = _listed("A time code: '[00:04:22]'; cut out of turns too.")
    comment: list[str] = _listed("A comment inside a line: '<!-- … -->'.")
    caption: list[str] = _listed("An image caption or credit.")
    credit: list[str] = _listed("A photo credit line ('Bild: …'); a short line just before it is its caption.")
    box_title: list[str] = _listed(
        "The title of a box between the answers ('Zur Person'); it and the paragraph after it are a box."
    )
    courtesy: list[str] = _listed(
        "What thanks or a greeting starts with ('Thank you', 'Danke', '谢谢'): a run of turns that asks nothing, "
        "answered only so and briefly, is a welcome or a goodbye, in no exchange."
    )
    floor: list[str] = _listed(
        "What an answerer says to give the floor to the next asker ('Go ahead, Priya.', 'Bitte schön.', '请提问。'): "
        "such a short turn after an answer, with the thanks before it, is in no exchange."
    )
    not_labels: list[str] = _listed(
        "Words that start a paragraph with a colon but are no speaker label ('Note', 'Fazit'); one ending in '*' "
        "is a prefix ('以下*' for '以下为访谈实录：')."
    )
    label_separators: list[str] = _listed("What may follow a label besides a colon (e.g. '.' for 'Q. Why?').")
    asking_labels: list[str] = _listed("Labels that name whoever asks ('Q', 'F', '记者'): `init` guesses them asking.")
    answering_labels: list[str] = _listed(
        "Labels that name whoever answers ('A', 'Antwort', '答'): `init` keeps them as labels."
    )
    audience_labels: list[str] = _listed(
        "Labels that name someone in the audience ('From the audience', 'Aus dem Publikum', '观众'): a label wherever "
        "they start a paragraph with a colon, though not shaped like a name; `init` guesses them audience."
    )
    chairing_labels: list[str] = _listed(
        "First words of a chair's label ('Präsidentin'): `init` guesses them chairing."
    )
    interpreting_labels: list[str] = _listed(
        "Labels of an interpreter ('Interpreter', 'Dolmetscherin', '翻译'), who neither asks nor answers: `init` "
        "guesses them moderator."
    )
    honorifics: list[str] = _listed(
        "Titles before a name ('Senator', 'Dr'): `init` finds labels ending in a period by them."
    )
    suspended_hyphen: list[str] = _listed(
        "Words after which a hyphen ending a hard-wrapped line stays, with a space ('Klima-' / 'und Bauämter'); "
        "before any other lower-case word it is a word broken at the line end and is dropped."
    )
    sentences: SentenceRules = Field(default_factory=SentenceRules, description="Where sentences end.")

    @field_validator(*PARAGRAPH_RULES, "comment", "credit", "courtesy", "floor")
    @classmethod
    def _compiles(cls, patterns: list[str]) -> list[str]:
        for pattern in patterns:
            _check_pattern(pattern)
        return patterns

    def merged(self, other: Conventions) -> Conventions:
        # Both sides are validated already, so their concatenation needs no second check.
        lists = {name: getattr(self, name) + getattr(other, name) for name in LIST_RULES}
        return Conventions.model_construct(**lists, sentences=self.sentences.merged(other.sentences))

    def posts(self) -> tuple[str, ...]:
        """The role words that ask, answer or chair, as a label may print them before a name (``主持人 林静``)."""
        return (*self.asking_labels, *self.answering_labels, *self.chairing_labels)

    def suspended(self) -> frozenset[str]:
        """The ``suspended_hyphen`` words, case-folded."""
        return frozenset(word.casefold() for word in self.suspended_hyphen)

    def compiled(self, kind: str) -> regex.Pattern[str] | None:
        """One pattern matching a paragraph of this kind, or None when the kind has no patterns.

        A paragraph kind's patterns match at the start of the paragraph; an inline kind's
        (:data:`INLINE_RULES`) must fill the whole paragraph, once or more.
        """
        patterns: tuple[str, ...] = tuple(getattr(self, kind))
        if not patterns:
            return None
        if kind in INLINE_RULES:
            return _filling(patterns)
        return _compile(patterns)

    def inline(self, kind: str) -> regex.Pattern[str] | None:
        """One pattern finding this kind anywhere in a paragraph, or None when the kind has no patterns."""
        patterns: tuple[str, ...] = tuple(getattr(self, kind))
        return _compile(patterns) if patterns else None


@cache
def compiled(pattern: str) -> regex.Pattern[str]:
    """``pattern`` compiled once per process: the one cache for every pattern from conventions, labels and rules.

    >>> compiled(r"\\p{Han}+").match("中文").group()
    '中文'
    """
    return regex.compile(pattern, regex.V1)


@cache
def _compile(patterns: tuple[str, ...]) -> regex.Pattern[str]:
    return compiled("|".join(f"(?:{p})" for p in patterns))


@cache
def _filling(patterns: tuple[str, ...]) -> regex.Pattern[str]:
    return compiled(rf"^(?:(?:{'|'.join(patterns)})\s*)+$")


@cache
def _load(name: str) -> Conventions:
    path = resources.files(__package__).joinpath(f"{name}.toml")
    if not path.is_file():
        return Conventions()
    return Conventions.model_validate(tomllib.loads(path.read_text(encoding="utf-8")))


@cache
def builtin_conventions(lang: str) -> Conventions:
    """The default conventions plus the language's own (``zh-hans`` uses ``zh.toml``).

    >>> builtin_conventions("zh-hant").link[0][:17]
    '^(?:相[关關][阅閱][读讀]'
    """
    return _load("default").merged(_load(lang.split("-")[0].lower()))
