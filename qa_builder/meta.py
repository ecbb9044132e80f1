"""What a maintainer declares about an interview: ``meta.toml`` in its raw folder.

The metadata is the only place where knowledge about a particular transcript
lives: its speakers' labels as printed, corrections (each with its reason), the
encoding of a legacy file and any site-specific patterns. Adding an interview or
a language never needs a code change.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from functools import cached_property
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from .conventions import Conventions, builtin_conventions
from .errors import MetadataError, first_problem

__all__ = ["META_FILE", "InterviewMeta", "LabelMeta", "LanguageMeta", "Role", "Speaker", "load_meta"]

META_FILE = "meta.toml"
Role = Literal["interviewer", "interviewee"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class LabelMeta(_Strict):
    """A speaker label as printed, and who it stands for."""

    speaker: str
    reason: str | None = Field(
        default=None, description="Why this label is a correction (e.g. a misspelling); flags its turns."
    )


class Speaker(_Strict):
    name: str
    role: Role


class LanguageMeta(_Strict):
    """One translation of the interview: ``[languages.<lang>]``."""

    source: str = Field(min_length=1, description="Where this translation comes from.")
    title: str | None = None
    encoding: str | None = Field(default=None, description="Declare only for files that are not UTF-8.")
    labels: dict[str, str | LabelMeta] = Field(min_length=1)
    conventions: Conventions = Field(default_factory=Conventions)

    def label(self, printed: str) -> LabelMeta:
        return self._resolved_labels[printed]

    @cached_property
    def _resolved_labels(self) -> dict[str, LabelMeta]:
        return {
            printed: LabelMeta(speaker=value) if isinstance(value, str) else value
            for printed, value in self.labels.items()
        }


class InterviewMeta(_Strict):
    title: str = Field(min_length=1)
    publisher: str = Field(min_length=1)
    url: str = Field(min_length=1)
    published: dt.date
    interviewer: str = Field(min_length=1)
    interviewees: list[str] = Field(min_length=1)
    license: str = Field(default="other", description="SPDX id or 'other'.")
    license_note: str | None = None
    default_interviewee: str | None = Field(
        default=None, description="Who answers an unlabelled answer; the first interviewee if unset."
    )
    languages: dict[str, LanguageMeta] = Field(min_length=1)

    @field_validator("languages")
    @classmethod
    def _language_codes(cls, value: dict[str, LanguageMeta]) -> dict[str, LanguageMeta]:
        for code in value:
            if not code.isascii() or not code.replace("-", "").isalnum():
                raise ValueError(f"language code {code!r} is not a code like 'de' or 'zh-hans'")
        return value

    @model_validator(mode="after")
    def _labels_name_known_speakers(self) -> InterviewMeta:
        known = {self.interviewer, *self.interviewees}
        for code, language in self.languages.items():
            for printed in language.labels:
                speaker = language.label(printed).speaker
                if speaker not in known:
                    raise ValueError(
                        f"languages.{code}.labels.{printed!r} names {speaker!r}, "
                        f"who is neither the interviewer nor an interviewee"
                    )
        if self.default_interviewee not in (None, *self.interviewees):
            raise ValueError("default_interviewee must be one of the interviewees")
        return self

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


def load_meta(path: Path, where: str) -> InterviewMeta:
    """Read and validate an interview's ``meta.toml``; ``where`` is the path shown in messages."""
    if not path.is_file():
        raise MetadataError(
            "no meta.toml in the interview folder",
            path=where,
            hint="write one (see raw/verge-altman-murati-2023/meta.toml for the fields)",
        )
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise MetadataError(f"not valid TOML: {error}", path=where, hint="fix the syntax") from None
    try:
        return InterviewMeta.model_validate(data)
    except ValidationError as error:
        raise MetadataError(
            first_problem(error), path=where, hint="fix this field (see README, 'Adding an interview')"
        ) from None
