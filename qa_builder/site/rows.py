"""What a reader of the site sees of an interview, as plain data in document order.

A :class:`Page` is either two translations side by side (one per language
pair) or, for an interview in one language, its transcript alone. Its rows
follow the turn alignment: one :class:`PairRow` per bead (a pair, or a turn the
other translation lacks), with each side's excluded segments
(:class:`SegmentRow`) placed before the first row whose turns come after them
in that language's file. A turn's text is kept whole, cut into the sentences
the sentence aligner saw (located in the text, not split again), each knowing
its sentence bead, so hovering one sentence can light up its partner.
:mod:`qa_builder.site.pages` lays a page out; :mod:`qa_builder.site.chart` draws its dots.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ..alignment.model import LOW_SCORE
from ..alignment.parallel import PairAlignment, pair_name
from ..alignment.sentencepairs import SentenceAlignment
from ..models import ROLES, Segment, Source, Turn
from ..summary import InterviewSummary, PairSummary, speaker_name
from ..transcripts.interview import Interview, Transcript

__all__ = [
    "Dot",
    "Page",
    "PairRow",
    "Piece",
    "SegmentRow",
    "TurnView",
    "interview_pages",
    "page_name",
    "pages_of",
    "source_ref",
]


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
    issues: list[str]
    sides: dict[str, list[TurnView]]

    @property
    def low(self) -> bool:
        return self.score is not None and self.score < LOW_SCORE


@dataclass(frozen=True, slots=True)
class SegmentRow:
    sides: dict[str, list[Segment]]


@dataclass(frozen=True, slots=True)
class Dot:
    """One turn pair in the length chart: each side's characters, its score, whether it is flagged."""

    pair: int
    left: int
    right: int
    score: float
    flagged: bool


@dataclass(frozen=True, slots=True)
class Page:
    """One page of the site: an interview's pair side by side, or its one language alone."""

    name: str
    summary: InterviewSummary
    langs: tuple[str, ...]
    pair: PairSummary | None
    rows: list[PairRow | SegmentRow]
    dots: list[Dot]
    siblings: list[tuple[str, str]]
    """The interview's pages, as (file name, languages), this one included."""

    def roles(self) -> list[str]:
        """The roles of the page's speakers, in the order :data:`~qa_builder.models.ROLES` lists them."""
        found = {
            turn.role for row in self.rows if isinstance(row, PairRow) for side in row.sides.values() for turn in side
        }
        return [role for role in ROLES if role in found]


def page_name(interview_id: str, langs: Sequence[str]) -> str:
    """The file of an interview's page for a language pair (or its one language), inside the site folder.

    >>> page_name("verge-altman-murati-2023", ("de", "zh"))
    'verge-altman-murati-2023.de-zh.html'
    """
    return f"{interview_id}.{pair_name(langs)}.html"


def pages_of(summary: InterviewSummary) -> list[tuple[str, str]]:
    """An interview's pages as (file name, languages): one per pair, or one for its only language."""
    langs: list[tuple[str, ...]] = [pair.langs for pair in summary.pairs] or [(summary.languages[0],)]
    return [(page_name(summary.id, pair), " – ".join(pair)) for pair in langs]


def interview_pages(interview: Interview, alignments: Sequence[PairAlignment], summary: InterviewSummary) -> list[Page]:
    """The pages of an interview: one per language pair, or one for its only language.

    >>> from pathlib import Path
    >>> from qa_builder.transcripts.interview import load_interview
    >>> from qa_builder.alignment.parallel import align_interview
    >>> from qa_builder.summary import summarize
    >>> interview = load_interview(Path("tests/fixtures/interviews/verge-altman-murati-2023"))
    >>> alignments = align_interview(interview)
    >>> pages = interview_pages(interview, alignments, summarize(interview, alignments))
    >>> [(page.name, page.pair.turn_pairs if page.pair else 0) for page in pages]
    [('verge-altman-murati-2023.de-zh.html', 32)]
    """
    transcripts = interview.transcripts
    siblings = pages_of(summary)
    if not alignments:
        lang = summary.languages[0]
        rows = _rows({lang: transcripts[lang]}, [{lang: [t.turn_index]} for t in transcripts[lang].turns], _plain)
        return [Page(siblings[0][0], summary, (lang,), None, rows, [], siblings)]
    pages = []
    for alignment, pair in zip(alignments, summary.pairs, strict=True):
        sides = {lang: transcripts[lang] for lang in alignment.langs}
        beads = [dict(zip(alignment.langs, (list(b.left), list(b.right)), strict=True)) for b in alignment.beads]
        rows = _rows(sides, beads, _aligned_rows(alignment))
        name = page_name(interview.id, alignment.langs)
        pages.append(Page(name, summary, alignment.langs, pair, rows, _dots(alignment), siblings))
    return pages


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


def _plain(turns: dict[str, list[Turn]], pair: int) -> PairRow:
    """Turns with no partner: whole paragraphs, no sentence beads."""
    views = {
        lang: [_view(turn, [[Piece(p)] for p in turn.text.split("\n")]) for turn in side]
        for lang, side in turns.items()
    }
    return PairRow(None, "-".join(str(len(side)) for side in turns.values()), None, [], views)


def _aligned_rows(alignment: PairAlignment) -> Callable[[dict[str, list[Turn]], int], PairRow]:
    """How a bead of ``alignment`` becomes a row: a turn pair with its sentences, or turns with no partner."""

    def row(turns: dict[str, list[Turn]], pair: int) -> PairRow:
        if not all(turns.values()):
            return _plain(turns, pair)
        record = alignment.turns[pair]
        views = _with_sentences(turns, alignment.sentence_alignments[pair], pair, alignment.langs)
        return PairRow(pair, record.bead, record.score, list(record.issues), views)

    return row


def _take_before(pending: list[Segment], turns: Sequence[Turn]) -> list[Segment]:
    """Remove and return the segments that come before ``turns`` in the file (all of them if no turns)."""
    if not turns:
        return []
    line = turns[0].source.line_start
    taken = [segment for segment in pending if segment.source.line_start < line]
    del pending[: len(taken)]
    return taken


def _with_sentences(
    turns: dict[str, list[Turn]], aligned: SentenceAlignment, pair: int, langs: tuple[str, str]
) -> dict[str, list[TurnView]]:
    """Each side's turns cut into the sentences the aligner paired, each marked with its bead."""
    views: dict[str, list[TurnView]] = {}
    for side, (lang, sentences) in enumerate(zip(langs, (aligned.left, aligned.right), strict=True)):
        marks: dict[int, Piece] = {}
        for local, bead in enumerate(aligned.beads):
            for i in (bead.left, bead.right)[side]:
                marks[i] = Piece(sentences[i], f"p{pair}-s{local}", bead.score, not bead.paired)
        queue = deque(marks[i] for i in range(len(sentences)))
        views[lang] = [_view(turn, [_pieces(p, queue) for p in turn.text.split("\n")]) for turn in turns[lang]]
    return views


def _pieces(paragraph: str, sentences: deque[Piece]) -> list[Piece]:
    """``paragraph`` as the next sentences of ``sentences`` found in it, and the text between them.

    Every character is kept; the sentences found are taken off the queue.
    """
    pieces: list[Piece] = []
    cursor = 0
    while sentences:
        start = paragraph.find(sentences[0].text, cursor)
        if start < 0:
            break
        if start > cursor:
            pieces.append(Piece(paragraph[cursor:start]))
        sentence = sentences.popleft()
        pieces.append(sentence)
        cursor = start + len(sentence.text)
    if cursor < len(paragraph):
        pieces.append(Piece(paragraph[cursor:]))
    return pieces


def _dots(alignment: PairAlignment) -> list[Dot]:
    a, b = alignment.langs
    return [
        Dot(row.pair_index, len(row.translation[a]), len(row.translation[b]), row.score, bool(row.issues))
        for row in alignment.turns
    ]


def source_ref(source: Source) -> str:
    """Where a record is, as a reader looks it up.

    >>> source_ref(Source(path="raw/x/de.txt", line_start=3, line_end=5))
    'raw/x/de.txt:3–5'
    """
    if source.line_start == source.line_end:
        return f"{source.path}:{source.line_start}"
    return f"{source.path}:{source.line_start}–{source.line_end}"


def _view(turn: Turn, paragraphs: list[list[Piece]]) -> TurnView:
    return TurnView(
        index=turn.turn_index,
        speaker=speaker_name(turn),
        role=turn.role,
        label=turn.speaker_label,
        inferred="speaker_inferred" in turn.issues,
        source=source_ref(turn.source),
        paragraphs=paragraphs,
    )
