"""The parsing engine: a transcript's lines in, speaker turns and segments (everything else) out.

One engine serves every language and layout. What differs between
transcripts — the labels as printed and who they stand for, markup, how
paragraphs are laid out, the shapes of notes, headings, interjections and
site furniture — comes from the interview's metadata and the language's
conventions (:mod:`qa_builder.transcripts.conventions`). Every non-blank line
ends up in exactly one turn or one segment, so nothing is dropped; furniture
inside a turn's text is cut out into segments that point back into the turn.

:mod:`~qa_builder.transcripts.classify` says what each paragraph is;
:mod:`~qa_builder.transcripts.builder` walks them once, opening and closing
turns; :mod:`~qa_builder.transcripts.plausibility` then warns about what looks
wrong though it parsed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..models import Segment, Turn
from .blocks import reading
from .builder import Builder
from .classify import read_blocks
from .meta import InterviewMeta
from .read import Line, split_lines
from .warnings import Noted, Notes, ParseWarning

__all__ = ["ParseWarning", "ParsedTranscript", "parse_lines", "parse_text"]


@dataclass(frozen=True, slots=True)
class ParsedTranscript(Noted):
    turns: list[Turn]
    segments: list[Segment]
    notes: Notes
    """Its warnings; more may be added (the interview's plausibility checks) before they are read."""
    layout: str
    """How the file was read: ``labels`` or ``bold-questions``; its paragraph mode and markup follow."""
    mode: str
    markup: str


def parse_lines(
    lines: Sequence[Line], *, meta: InterviewMeta, lang: str, interview_id: str, path: str, record: str | None = None
) -> ParsedTranscript:
    """Split a transcript's numbered lines into turns and segments.

    ``path`` is the file as messages show it, ``record`` as records point at it (``path`` if not given).
    """
    context = reading(meta, lang, interview_id=interview_id, path=path, record=record or path)
    blocks = read_blocks(lines, context)
    turns, segments, notes = Builder(context).run(blocks)
    for line, message in context.doubts:
        notes.warn(line, message)
    notes.reviewed = meta.languages[lang].reviewed
    return ParsedTranscript(turns, segments, notes, context.layout, context.mode, context.markup)


def parse_text(text: str, *, meta: InterviewMeta, lang: str, path: str = "x.txt") -> ParsedTranscript:
    """Parse a transcript given as text (for tests and tools).

    >>> meta = InterviewMeta.model_validate({"title": "t", "publisher": "p", "url": "u", "published": "2024-01-01",
    ...     "interviewer": "Ann", "interviewees": ["Bo"], "languages": {"en": {"source": "s",
    ...     "labels": {"Q": "Ann", "A": "Bo"}}}})
    >>> [(t.speaker, t.text) for t in parse_text("Q: Why?\\n\\nA: Because.", meta=meta, lang="en").turns]
    [('Ann', 'Why?'), ('Bo', 'Because.')]
    """
    return parse_lines(split_lines(text, path), meta=meta, lang=lang, interview_id="i", path=path)
