"""What is not a turn, per language: the patterns of notes, links, headings and boilerplate.

Each language's conventions live in one data file here (``zh.toml``, ``de.toml``,
``en.toml``), on top of ``default.toml`` which every language gets. An
interview's ``meta.toml`` may add patterns under ``[languages.<lang>.conventions]``
for a site's own boilerplate; the parsing engine itself knows no language.
"""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources

import regex
from pydantic import BaseModel, ConfigDict, Field, field_validator

__all__ = ["Conventions", "builtin_conventions"]

SegmentKind = str


class Conventions(BaseModel):
    """Regular expressions (``regex`` syntax), each matched against a whole normalised paragraph."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    editor_note: list[str] = Field(default_factory=list, description="An editor's or translator's note.")
    link: list[str] = Field(default_factory=list, description="A 'related reading' link.")
    stage_direction: list[str] = Field(default_factory=list, description="What happens, not what is said.")
    heading: list[str] = Field(default_factory=list, description="A section heading; names the section.")
    boilerplate: list[str] = Field(default_factory=list, description="Site furniture wherever it appears.")
    footer_start: list[str] = Field(
        default_factory=list,
        description="First paragraph of the site footer after the last turn; all after it is boilerplate.",
    )

    @field_validator("*")
    @classmethod
    def _compiles(cls, patterns: list[str]) -> list[str]:
        for pattern in patterns:
            try:
                regex.compile(pattern)
            except regex.error as error:
                raise ValueError(f"bad regular expression {pattern!r}: {error}") from None
        return patterns

    def merged(self, other: Conventions) -> Conventions:
        # Both sides are validated already, so their concatenation needs no second check.
        return Conventions.model_construct(
            **{name: getattr(self, name) + getattr(other, name) for name in type(self).model_fields}
        )

    def compiled(self, kind: str) -> regex.Pattern[str] | None:
        """One pattern matching any of this kind's patterns, or None when there are none."""
        patterns: list[str] = getattr(self, kind)
        return _compile(tuple(patterns)) if patterns else None


@cache
def _compile(patterns: tuple[str, ...]) -> regex.Pattern[str]:
    return regex.compile("|".join(f"(?:{p})" for p in patterns), regex.V1)


@cache
def _load(name: str) -> Conventions:
    path = resources.files(__package__).joinpath(f"{name}.toml")
    if not path.is_file():
        return Conventions()
    return Conventions.model_validate(tomllib.loads(path.read_text(encoding="utf-8")))


@cache
def builtin_conventions(lang: str) -> Conventions:
    """The default conventions plus the language's own (``zh-hans`` uses ``zh.toml``).

    >>> builtin_conventions("zh").editor_note[0]
    '^[(（]?(编者注|编者按|编注|译者注|译注)\\\\s*[:：]'
    """
    return _load("default").merged(_load(lang.split("-")[0].lower()))
