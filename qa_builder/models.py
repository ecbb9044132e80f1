"""The records the dataset holds, validated strictly: one pydantic model per config.

A record that breaks a rule (empty text, unknown role, a gap in the indices,
missing provenance) cannot be built, so it cannot be exported. ``qa-builder
schema`` writes these models' JSON Schema to ``schema/``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

__all__ = [
    "RECORD_MODELS",
    "Exchange",
    "LangPair",
    "ParallelQA",
    "ParallelSentence",
    "ParallelTurn",
    "Segment",
    "SegmentKind",
    "Source",
    "Turn",
    "check_contiguous",
]

Role = Literal["interviewer", "interviewee"]
ROLE_FUNCTIONS: dict[str, Literal["asks", "answers", ""]] = {"interviewer": "asks", "interviewee": "answers"}
"""What each role does in an exchange: asks, answers, or neither."""
SegmentKind = Literal["preamble", "heading", "editor_note", "link", "stage_direction", "boilerplate"]
Text = Annotated[str, StringConstraints(min_length=1, pattern=r"\S")]
Flags = list[Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$")]]


class _Record(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)


class Source(_Record):
    """Where a record's text is in the raw file: 1-based, inclusive lines."""

    path: Text
    line_start: int = Field(ge=1)
    line_end: int = Field(ge=1)

    @model_validator(mode="after")
    def _ordered(self) -> Source:
        if self.line_end < self.line_start:
            raise ValueError("line_end is before line_start")
        return self


class Turn(_Record):
    """One speaker's uninterrupted turn, paragraphs joined by ``\\n``."""

    id: Text
    interview_id: Text
    lang: Text
    index: int = Field(ge=0, description="0-based position within the transcript.")
    role: Role
    speaker: Text = Field(description="Canonical speaker name.")
    speaker_label: Text | None = Field(description="The label as printed; null when the turn had none.")
    text: Text
    section: Text | None
    flags: Flags
    source: Source

    @model_validator(mode="after")
    def _unlabelled_is_flagged(self) -> Turn:
        if self.speaker_label is None and "speaker_inferred" not in self.flags:
            raise ValueError("a turn without a label must be flagged speaker_inferred")
        return self


class Segment(_Record):
    """A paragraph run that is not a turn, kept so nothing is lost: what it is and where."""

    id: Text
    interview_id: Text
    lang: Text
    index: int = Field(ge=0)
    kind: SegmentKind
    text: Text
    source: Source


class Exchange(_Record):
    """An interviewer's question and the interviewee turn(s) answering it."""

    id: Text
    interview_id: Text
    lang: Text
    index: int = Field(ge=0)
    question: Text
    answer: Text
    question_speaker: Text
    answer_speaker: Text
    turn_indices: list[int] = Field(min_length=2)
    section: Text | None
    flags: Flags

    @model_validator(mode="after")
    def _consecutive_turns(self) -> Exchange:
        first = self.turn_indices[0]
        if self.turn_indices != list(range(first, first + len(self.turn_indices))):
            raise ValueError("turn_indices must be consecutive")
        return self


class LangPair(_Record):
    """The same field in both languages of a parallel record."""

    de: Text | None
    zh: Text | None


class TurnIndices(_Record):
    de: list[int]
    zh: list[int]


class ParallelTurn(_Record):
    """One aligned bead of turns; ``translation`` joins a merged side's turns with ``\\n``."""

    id: Text
    interview_id: Text
    index: int = Field(ge=0)
    translation: dict[str, Text]
    role: LangPair
    speaker: LangPair
    turn_indices: TurnIndices
    bead: Annotated[str, StringConstraints(pattern=r"^[12]-[12]$")]
    score: float = Field(ge=0.0, le=1.0)
    flags: Flags


class ParallelQA(_Record):
    id: Text
    interview_id: Text
    index: int = Field(ge=0)
    question: dict[str, Text]
    answer: dict[str, Text]
    answer_speaker: LangPair
    exchange_indices: TurnIndices
    score: float = Field(ge=0.0, le=1.0)
    flags: Flags


class ParallelSentence(_Record):
    id: Text
    interview_id: Text
    pair_index: int = Field(ge=0)
    index: int = Field(ge=0)
    translation: dict[str, str]
    sentence_indices: TurnIndices
    bead: Annotated[str, StringConstraints(pattern=r"^[0-3]-[0-3]$")]
    score: float = Field(ge=0.0, le=1.0)
    flags: Flags


RECORD_MODELS: dict[str, type[_Record]] = {
    "turns": Turn,
    "qa": Exchange,
    "segments": Segment,
    "parallel_turns": ParallelTurn,
    "parallel_qa": ParallelQA,
    "parallel_sentences": ParallelSentence,
}


def check_contiguous(records: Sequence[Turn | Exchange | Segment | ParallelTurn | ParallelQA]) -> None:
    """Raise ValueError unless ``index`` runs 0, 1, 2, … through the records.

    >>> check_contiguous([])
    """
    for expected, record in enumerate(records):
        if record.index != expected:
            raise ValueError(f"{record.id}: index {record.index}, expected {expected}")
