"""The records of the dataset — the plain data the stages pass on — validated strictly: one model per config.

A record that breaks a rule (empty text, an unknown role or segment kind,
lines out of order, a parallel record whose languages disagree) cannot be
built, so it cannot be exported. ``qa-builder schema`` writes these models'
JSON Schema to ``schema/``, and the ``datasets`` features of every config are
derived from them (:mod:`qa_builder.dataset.features`), so a field exists in one
place only.

Parallel records hold one value per language of their pair in a mapping keyed
by language code (``{"de": …, "zh": …}``): :data:`PerLanguage` fields become one
struct column per pair config, :data:`TranslationText` fields a ``datasets``
``Translation`` feature, as the Hub's parallel datasets (opus-100, wmt) have.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated, Literal, TypeVar, get_args

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

__all__ = [
    "FUNCTIONS",
    "PER_LANGUAGE",
    "RECORD_MODELS",
    "ROLES",
    "SEGMENT_KINDS",
    "TRANSLATION",
    "Exchange",
    "Function",
    "InterviewRecord",
    "Issues",
    "ParallelQA",
    "ParallelSentence",
    "ParallelTurn",
    "PerLanguage",
    "Role",
    "Segment",
    "SegmentKind",
    "Source",
    "SpeakerRecord",
    "TranslationText",
    "Turn",
    "Unpaired",
    "pair_langs",
    "pair_name",
]


def pair_name(langs: Sequence[str]) -> str:
    """A language pair's name, as its configs, folders and record ids name it: the codes joined by ``-``, a
    code's own hyphens written ``_`` so that the name splits back (:func:`pair_langs`).

    >>> pair_name(("de", "zh")), pair_name(("en", "zh-CN"))
    ('de-zh', 'en-zh_CN')
    """
    return "-".join(lang.replace("-", "_") for lang in langs)


def pair_langs(name: str) -> tuple[str, ...]:
    """The languages of a pair's name.

    >>> pair_langs("de-zh"), pair_langs("en-zh_CN")
    (('de', 'zh'), ('en', 'zh-CN'))
    """
    return tuple(code.replace("_", "-") for code in name.split("-"))


Role = Literal[
    "interviewer", "host", "questioner", "audience", "interviewee", "guest", "respondent", "moderator", "chair"
]
"""Who a speaker is in the conversation; :data:`FUNCTIONS` says what each role does in an exchange."""
ROLES: tuple[Role, ...] = get_args(Role)
Function = Literal["asks", "answers", ""]
FUNCTIONS: dict[Role, Function] = {
    "interviewer": "asks",
    "host": "asks",
    "questioner": "asks",
    "audience": "asks",
    "interviewee": "answers",
    "guest": "answers",
    "respondent": "answers",
    "moderator": "",
    "chair": "",
}
"""What each role does in an exchange: asks, answers, or neither (a moderator or chair gives the floor)."""

FLOOR_ROLES: frozenset[Role] = frozenset({"questioner", "audience"})
"""Askers who are given the floor (a caller, the audience, a member in question time), as the hosts and
interviewers who give it are not."""

SegmentKind = Literal[
    "preamble",
    "heading",
    "editor_note",
    "link",
    "stage_direction",
    "boilerplate",
    "caption",
    "pull_quote",
    "box",
    "number",
    "timestamp",
    "interjection",
    "comment",
    "front_matter",
    "code",
]
"""What text that is not a turn is. Time codes, interjections and comments are also cut out of turns' text. A box is
a titled list printed between the answers (a fact box: ``Die Linie 7 in Zahlen`` and its ``- …`` lines); a number, a
question's number printed with its label (``Q41 Chair:``, ``Q1:``)."""
SEGMENT_KINDS: tuple[SegmentKind, ...] = get_args(SegmentKind)

Text = Annotated[str, StringConstraints(min_length=1, pattern=r"\S")]
Issues = list[Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$")]]
"""Flags a record carries (``speaker_inferred``, ``speaker_mismatch``, …; explained in the dataset card)."""

PER_LANGUAGE = "per_language"
TRANSLATION = "translation"
T = TypeVar("T")
PerLanguage = Annotated[dict[str, T], PER_LANGUAGE]
"""One value per language of a parallel record's pair: a struct with a field per language."""
TranslationText = Annotated[dict[str, Text], TRANSLATION]
"""A text in both languages of a pair: a ``datasets.Translation`` feature."""


class _Record(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)


class Source(_Record):
    """Where a record's text is in the raw file: 1-based, inclusive lines."""

    path: Text = Field(description="The raw file, `raw/<interview_id>/<lang>.txt`.")
    line_start: int = Field(ge=1, description="First line, 1-based.")
    line_end: int = Field(ge=1, description="Last line, inclusive.")

    @model_validator(mode="after")
    def _ordered(self) -> Source:
        if self.line_end < self.line_start:
            raise ValueError("line_end is before line_start")
        return self


class SpeakerRecord(_Record):
    name: Text = Field(description="The speaker's name as declared in meta.toml.")
    role: Role = Field(description="Their role in the interview.")


class InterviewRecord(_Record):
    """One interview in one language: where it was published, its terms, its speakers, its counts."""

    interview_id: Text = Field(description="The interview's id (its folder name).")
    lang: Text = Field(description="The language code of this translation.")
    title: Text = Field(description="This translation's title, else the interview's.")
    publisher: Text = Field(description="Who published the interview.")
    url: Text = Field(description="Where the original is published.")
    published: Text = Field(description="Publication date, ISO 8601.")
    license: Text = Field(description="A Hugging Face Hub licence id, `other` or `unknown`.")
    license_note: str | None = Field(description="The terms in words, where the licence is `other`.")
    source: Text = Field(description="Where this translation comes from.")
    speakers: list[SpeakerRecord] = Field(description="Everyone declared in meta.toml, with their role.")
    turns: int = Field(ge=0, description="Rows of `turns` for this interview and language.")
    exchanges: int = Field(ge=0, description="Rows of `qa` for this interview and language.")
    segments: int = Field(ge=0, description="Rows of `segments` for this interview and language.")


class Turn(_Record):
    """One speaker's uninterrupted turn, paragraphs joined by ``\\n``."""

    id: Text = Field(description="`<interview_id>/<lang>/t<turn_index>`: positional, stable while the file is.")
    interview_id: Text = Field(description="The interview (join with `interviews`).")
    lang: Text = Field(description="The language code of the transcript.")
    turn_index: int = Field(ge=0, description="0-based position within the transcript.")
    role: Role = Field(description="The speaker's role (see Roles).")
    speaker: Text | None = Field(description="Canonical speaker name; null when the label names only a role.")
    speaker_label: Text | None = Field(description="The label as printed; null when the turn had none.")
    text: Text = Field(description="What was said; paragraphs joined with `\\n`, furniture cut out.")
    section: Text | None = Field(description="The heading the turn is under, if the transcript has headings.")
    issues: Issues = Field(description="Flags on the record (see Issues).")
    source: Source = Field(description="The raw file and lines the turn comes from.")

    @model_validator(mode="after")
    def _unlabelled_is_flagged(self) -> Turn:
        if self.speaker_label is None and not {"speaker_inferred", "speaker_from_layout"} & set(self.issues):
            raise ValueError("a turn without a label must be flagged speaker_inferred or speaker_from_layout")
        return self


class Segment(_Record):
    """A run of text that is not a turn, kept so nothing is lost: what it is and where.

    Furniture cut out of a turn (a timestamp, an interjection) names the turn and
    where in its ``text`` it was (``turn_index``, ``offset``); other segments have nulls there.
    """

    id: Text = Field(description="`<interview_id>/<lang>/s<segment_index>`.")
    interview_id: Text = Field(description="The interview (join with `interviews`).")
    lang: Text = Field(description="The language code of the transcript.")
    segment_index: int = Field(ge=0, description="0-based position among the transcript's segments.")
    kind: SegmentKind = Field(description="What the text is (see Segments).")
    text: Text = Field(description="The text as printed.")
    turn_index: int | None = Field(ge=0, description="The turn it was cut out of, for inline furniture.")
    offset: int | None = Field(ge=0, description="Where in that turn's text it was (characters).")
    source: Source = Field(description="The raw file and lines it comes from.")


class Exchange(_Record):
    """A question and its answer: the asking turn(s) and the answering turn(s) after them."""

    id: Text = Field(description="`<interview_id>/<lang>/q<exchange_index>`.")
    interview_id: Text = Field(description="The interview (join with `interviews`).")
    lang: Text = Field(description="The language code of the transcript.")
    exchange_index: int = Field(ge=0, description="0-based position among the transcript's exchanges.")
    question: Text = Field(description="The asking turns' text.")
    answer: Text = Field(description="The answering turns' text.")
    question_speakers: list[Text | None] = Field(description="Who asks (null for a label naming only a role).")
    answer_speakers: list[Text | None] = Field(description="Who answers.")
    turn_indices: list[int] = Field(min_length=2, description="The question's and the answer's turns, in order.")
    section: Text | None = Field(description="The heading the question is under.")
    issues: Issues = Field(description="Flags on the record (see Issues).")

    @model_validator(mode="after")
    def _increasing_turns(self) -> Exchange:
        if any(a >= b for a, b in zip(self.turn_indices, self.turn_indices[1:], strict=False)):
            raise ValueError("turn_indices must increase")
        return self


class _Parallel(_Record):
    @model_validator(mode="after")
    def _one_pair(self) -> _Parallel:
        """Every per-language field holds the same two languages."""
        pairs = {tuple(sorted(value)) for value in self.__dict__.values() if isinstance(value, dict)}
        if len(pairs) != 1 or len(next(iter(pairs))) != 2:
            raise ValueError(f"per-language fields must hold the same two languages, not {sorted(pairs)}")
        return self


class ParallelTurn(_Parallel):
    """One aligned bead of turns; ``translation`` joins a merged side's turns with ``\\n``."""

    id: Text = Field(description="`<interview_id>/<pair>/p<pair_index>`.")
    interview_id: Text = Field(description="The interview (join with `interviews`).")
    pair_index: int = Field(ge=0, description="0-based position among the interview's turn pairs.")
    translation: TranslationText = Field(description="Each language's turns; a merged side joined with `\\n`.")
    roles: PerLanguage[list[Role]] = Field(description="Each side's roles.")
    speakers: PerLanguage[list[Text | None]] = Field(
        description="Each side's speakers, as each translation prints them."
    )
    turn_indices: PerLanguage[list[int]] = Field(description="Each side's `turn_index` values in `turns`.")
    bead: Annotated[str, StringConstraints(pattern=r"^[12]-[12]$")] = Field(
        description="How many turns each side contributes: `1-1`, `2-1`, `1-2`."
    )
    score: float = Field(ge=0.0, le=1.0, description="The aligner's confidence in [0, 1].")
    issues: Issues = Field(description="Flags on the record (see Issues).")


class ParallelQA(_Parallel):
    """An exchange and its translation: questions whose turns the aligner paired."""

    id: Text = Field(description="`<interview_id>/<pair>/q<pair_index>`.")
    interview_id: Text = Field(description="The interview (join with `interviews`).")
    pair_index: int = Field(ge=0, description="0-based position among the interview's exchange pairs.")
    question: TranslationText = Field(description="The question in both languages.")
    answer: TranslationText = Field(description="The answer in both languages.")
    question_speakers: PerLanguage[list[Text | None]] = Field(description="Who asks, per language.")
    answer_speakers: PerLanguage[list[Text | None]] = Field(description="Who answers, per language.")
    exchange_indices: PerLanguage[int] = Field(description="Each side's `exchange_index` in `qa`.")
    score: float = Field(ge=0.0, le=1.0, description="The weakest score of the turn pairs the exchanges touch.")
    issues: Issues = Field(description="Flags on the record (see Issues).")


class ParallelSentence(_Parallel):
    """Sentences paired inside one ``parallel_turns`` pair (both sides non-empty)."""

    id: Text = Field(description="`<interview_id>/<pair>/p<pair_index>/s<bead_index>`.")
    interview_id: Text = Field(description="The interview (join with `interviews`).")
    pair_index: int = Field(ge=0, description="The `parallel_turns` pair the sentences are in.")
    bead_index: int = Field(ge=0, description="0-based position among that pair's sentence beads, unpaired included.")
    translation: TranslationText = Field(description="The sentences in both languages, joined as each writes them.")
    sentence_indices: PerLanguage[list[int]] = Field(description="Each side's sentences, numbered within the pair.")
    bead: Annotated[str, StringConstraints(pattern=r"^[1-3]-[1-3]$")] = Field(
        description="How many sentences each side contributes (`1-1` … `3-1`)."
    )
    score: float = Field(ge=0.0, le=1.0, description="The aligner's confidence in [0, 1].")
    issues: Issues = Field(description="The turn pair's flags.")


class Unpaired(_Record):
    """A turn, exchange or sentence the other translation of the pair does not have."""

    id: Text = Field(description="Positional id, unique within the pair.")
    interview_id: Text = Field(description="The interview (join with `interviews`).")
    level: Literal["turn", "exchange", "sentence"] = Field(description="What has no partner.")
    lang: Text = Field(description="The language that has it.")
    text: Text = Field(description="Its text (an exchange: question, then answer).")
    indices: list[int] = Field(
        min_length=1, description="Turn indices, the exchange index, or sentence indices within the turn pair."
    )
    pair_index: int | None = Field(ge=0, description="For a sentence: the `parallel_turns` pair it is in.")
    bead_index: int | None = Field(ge=0, description="For a sentence: its bead's position in that pair.")


RECORD_MODELS: dict[str, type[_Record]] = {
    "interviews": InterviewRecord,
    "turns": Turn,
    "qa": Exchange,
    "segments": Segment,
    "parallel_turns": ParallelTurn,
    "parallel_qa": ParallelQA,
    "parallel_sentences": ParallelSentence,
    "unpaired": Unpaired,
}
"""Each config family and its record; the families from ``parallel_turns`` on have one config per language pair."""
PAIR_FAMILIES = ("parallel_turns", "parallel_qa", "parallel_sentences", "unpaired")
