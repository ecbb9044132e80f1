"""What a reviewer reads of one aligned interview, as plain data in document order.

The review page (:mod:`qa_builder.site.pages`) and its chart
(:mod:`qa_builder.site.chart`) only lay this out. Rows follow the turn alignment:
one :class:`PairRow` per bead (a pair, or a turn the other translation lacks),
with each side's excluded segments (:class:`SegmentRow`) placed before the
first row whose turns come after them in that language's file. A turn's text
is kept whole, cut into sentence pieces that know their sentence bead, so
hovering one sentence can light up its partner.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from ..alignment.parallel import PAIR, Alignment
from ..models import ParallelSentence, ParallelTurn, Segment, Source, Turn
from ..transcripts.conventions import SentenceRules
from ..transcripts.interview import Interview, Transcript
from ..transcripts.parse import ParseWarning
from ..transcripts.sentences import split_sentences

__all__ = [
    "LOW_SCORE",
    "PairRow",
    "Piece",
    "Review",
    "ReviewSummary",
    "SegmentRow",
    "TurnView",
    "review_interview",
    "source_ref",
]

LOW_SCORE = 0.5
"""A pair (or sentence bead) scored below this is marked: the aligner was unsure."""


@dataclass(frozen=True, slots=True)
class Piece:
    """A run of a paragraph's text: a sentence with its bead id (``p3-s1``), or the space between sentences."""

    text: str
    bead: str | None = None
    score: float | None = None
    alone: bool = False
    """The sentence's bead has nothing on the other side: the other translation lacks it."""


@dataclass(frozen=True, slots=True)
class TurnView:
    index: int
    speaker: str
    role: str
    label: str | None
    inferred: bool
    source: str
    paragraphs: list[list[Piece]]


@dataclass(frozen=True, slots=True)
class PairRow:
    """One turn bead: ``pair`` is its ``parallel_turns`` index, None for a turn with no partner."""

    pair: int | None
    bead: str
    score: float | None
    flags: list[str]
    sides: dict[str, list[TurnView]]

    @property
    def low(self) -> bool:
        return self.score is not None and self.score < LOW_SCORE


@dataclass(frozen=True, slots=True)
class SegmentRow:
    sides: dict[str, list[Segment]]


@dataclass(frozen=True, slots=True)
class ReviewSummary:
    """An interview's line in the report's index and the card."""

    interview_id: str
    title: str
    url: str
    languages: list[str]
    turns: dict[str, int]
    pairs: int = 0
    flagged: int = 0
    low: int = 0
    inferred: dict[str, int] = field(default_factory=dict)
    segments: dict[str, int] = field(default_factory=dict)
    unpaired: dict[str, int] = field(default_factory=dict)
    sentence_pairs: int = 0
    flags: dict[str, int] = field(default_factory=dict)
    warnings: list[ParseWarning] = field(default_factory=list)
    reviewed: int = 0
    """Inferences a maintainer has reviewed in meta.toml."""
    lengths: list[tuple[int, int, float, bool]] = field(default_factory=list)
    """Per turn pair: characters of ``PAIR``'s two sides, score, flagged — what the chart draws."""


@dataclass(frozen=True, slots=True)
class Review:
    summary: ReviewSummary
    rows: list[PairRow | SegmentRow]


def review_interview(interview: Interview, alignment: Alignment | None) -> Review:
    """The review of an interview: its ``PAIR`` side by side if aligned, else each transcript's turns alone.

    >>> from pathlib import Path
    >>> from qa_builder.transcripts.interview import load_interview
    >>> from qa_builder.alignment.parallel import align_interview
    >>> interview = load_interview(Path("raw/verge-altman-murati-2023"))
    >>> summary = review_interview(interview, align_interview(interview)).summary
    >>> summary.pairs, summary.flagged, summary.inferred
    (32, 2, {'de': 2, 'zh': 0})
    """
    if alignment is None:
        transcripts = {lang: interview.transcripts[lang] for lang in sorted(interview.transcripts)}
        beads = [{lang: [turn.index]} for lang, t in transcripts.items() for turn in t.turns]
        rows = _rows(transcripts, beads, lambda turns, pair: _plain_row(turns, list(transcripts)))
    else:
        transcripts = {lang: interview.transcripts[lang] for lang in PAIR}
        rules = {lang: interview.meta.conventions(lang).sentences for lang in PAIR}
        sentences = _sentences_by_pair(alignment.sentences)
        beads = [{PAIR[0]: list(bead.left), PAIR[1]: list(bead.right)} for bead in alignment.beads]

        def aligned_row(turns: dict[str, list[Turn]], pair: int) -> PairRow:
            if not all(turns.values()):
                return _plain_row(turns, list(PAIR))
            record = alignment.turns[pair]
            views = _with_sentences(turns, sentences.get(pair, []), rules)
            return PairRow(pair, record.bead, record.score, list(record.flags), views)

        rows = _rows(transcripts, beads, aligned_row)
    return Review(_summary(interview, transcripts, alignment, rows), rows)


def _rows(
    transcripts: dict[str, Transcript],
    beads: Sequence[dict[str, list[int]]],
    row_of: Callable[[dict[str, list[Turn]], int], PairRow],
) -> list[PairRow | SegmentRow]:
    """A row per bead (``row_of`` its turns and the next pair index), each side's segments before its next turn."""
    pending = {lang: list(t.segments) for lang, t in transcripts.items()}
    rows: list[PairRow | SegmentRow] = []
    pairs = 0
    for bead in beads:
        turns = {lang: [transcripts[lang].turns[i] for i in bead.get(lang, [])] for lang in transcripts}
        before = {lang: _take_before(pending[lang], turns[lang]) for lang in transcripts}
        if any(before.values()):
            rows.append(SegmentRow(before))
        row = row_of(turns, pairs)
        pairs += row.pair is not None
        rows.append(row)
    if any(pending.values()):
        rows.append(SegmentRow(pending))
    return rows


def _plain_row(turns: dict[str, list[Turn]], langs: list[str]) -> PairRow:
    """Turns with no partner: whole paragraphs, no sentence beads."""
    views = {
        lang: [_view(turn, [[Piece(p)] for p in turn.text.split("\n")]) for turn in side]
        for lang, side in turns.items()
    }
    return PairRow(None, "-".join(str(len(turns[lang])) for lang in langs), None, [], views)


def _take_before(pending: list[Segment], turns: Sequence[Turn]) -> list[Segment]:
    """Remove and return the segments that come before ``turns`` in the file (all of them if no turns)."""
    if not turns:
        return []
    line = turns[0].source.line_start
    taken = [segment for segment in pending if segment.source.line_start < line]
    del pending[: len(taken)]
    return taken


def _sentences_by_pair(rows: Sequence[ParallelSentence]) -> dict[int, list[ParallelSentence]]:
    grouped: dict[int, list[ParallelSentence]] = {}
    for row in rows:
        grouped.setdefault(row.pair_index, []).append(row)
    return grouped


def _with_sentences(
    turns: dict[str, list[Turn]], beads: Sequence[ParallelSentence], rules: dict[str, SentenceRules]
) -> dict[str, list[TurnView]]:
    """Each side's turns cut into sentence pieces, numbered across the pair as the sentence aligner numbered them."""
    views: dict[str, list[TurnView]] = {}
    for lang in PAIR:
        other = PAIR[1 - PAIR.index(lang)]
        bead_of: dict[int, tuple[str | None, float | None, bool]] = {
            i: (f"p{row.pair_index}-s{local}", row.score, not getattr(row.sentence_indices, other))
            for local, row in enumerate(beads)
            for i in getattr(row.sentence_indices, lang)
        }
        number = 0
        side = []
        for turn in turns[lang]:
            paragraphs = []
            for paragraph in turn.text.split("\n"):
                found = split_sentences(paragraph, rules[lang])
                marked = [Piece(s, *bead_of.get(number + k, (None, None, False))) for k, s in enumerate(found)]
                paragraphs.append(_pieces(paragraph, marked))
                number += len(found)
            side.append(_view(turn, paragraphs))
        views[lang] = side
    return views


def _pieces(paragraph: str, sentences: Sequence[Piece]) -> list[Piece]:
    """``paragraph`` as its sentences and the text between them; every character is kept."""
    pieces: list[Piece] = []
    cursor = 0
    for sentence in sentences:
        start = paragraph.find(sentence.text, cursor)
        if start < 0:
            break
        if start > cursor:
            pieces.append(Piece(paragraph[cursor:start]))
        pieces.append(sentence)
        cursor = start + len(sentence.text)
    if cursor < len(paragraph):
        pieces.append(Piece(paragraph[cursor:]))
    return pieces


def source_ref(source: Source) -> str:
    """Where a record is, as a reviewer looks it up.

    >>> source_ref(Source(path="raw/x/de.txt", line_start=3, line_end=5))
    'raw/x/de.txt:3–5'
    """
    if source.line_start == source.line_end:
        return f"{source.path}:{source.line_start}"
    return f"{source.path}:{source.line_start}–{source.line_end}"


def _view(turn: Turn, paragraphs: list[list[Piece]]) -> TurnView:
    return TurnView(
        index=turn.index,
        speaker=turn.speaker,
        role=turn.role,
        label=turn.speaker_label,
        inferred="speaker_inferred" in turn.flags,
        source=source_ref(turn.source),
        paragraphs=paragraphs,
    )


def _summary(
    interview: Interview,
    transcripts: dict[str, Transcript],
    alignment: Alignment | None,
    rows: Sequence[PairRow | SegmentRow],
) -> ReviewSummary:
    pairs = [row for row in rows if isinstance(row, PairRow) and row.pair is not None]
    flags: Counter[str] = Counter(flag for row in pairs for flag in row.flags)
    meta = interview.meta
    return ReviewSummary(
        interview_id=interview.id,
        title=meta.title,
        url=meta.url,
        languages=list(transcripts),
        turns={lang: len(t.turns) for lang, t in transcripts.items()},
        pairs=len(pairs),
        flagged=sum(bool(row.flags) for row in pairs),
        low=sum(row.low for row in pairs),
        inferred={lang: sum("speaker_inferred" in turn.flags for turn in t.turns) for lang, t in transcripts.items()},
        segments={lang: len(t.segments) for lang, t in transcripts.items()},
        unpaired=alignment.unpaired if alignment else {},
        sentence_pairs=len(alignment.sentences) if alignment else 0,
        flags=dict(sorted(flags.items())),
        warnings=[warning for t in interview.transcripts.values() for warning in t.warnings],
        reviewed=sum(len(t.reviewed) for t in interview.transcripts.values()),
        lengths=[_lengths(record) for record in alignment.turns] if alignment else [],
    )


def _lengths(record: ParallelTurn) -> tuple[int, int, float, bool]:
    left, right = (len(record.translation[lang]) for lang in PAIR)
    return left, right, record.score, bool(record.flags)
