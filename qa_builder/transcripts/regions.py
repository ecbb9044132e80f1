"""Multi-line regions that are never turns: front matter, HTML comments, fenced code.

A translated blog post keeps YAML front matter at its top and, often, the
original text in ``<!-- … -->`` comments that span lines and blank lines; a
fenced block keeps its lines together. Read line by line, their lines would
become paragraphs, "turns" and glue; :func:`find_regions` takes them out
first, as :class:`Region` s, leaving blank lines where they were so the
paragraphs around them stay apart.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import regex

from .read import Line

__all__ = ["CUE_TIMING", "Region", "RegionKind", "cue_lines", "find_regions", "subtitle_cues"]

RegionKind = Literal["front_matter", "comment", "code", "boilerplate", "preamble", "timestamp"]

_FRONT = regex.compile(r"^(?:---|\+\+\+)$")
_COMMENT_OPEN = regex.compile(r"^<!--")
_COMMENT_CLOSE = regex.compile(r"-->\s*$")
_FENCE = regex.compile(r"^(?P<fence>`{3,}|~{3,})")
_FRONT_MATTER_LINES = 80
_FRONT_KEY = regex.compile(r"^[A-Za-z_][\w-]*\s*[:=]")


@dataclass(frozen=True, slots=True)
class Region:
    kind: RegionKind
    line_start: int
    line_end: int
    text: str


def find_regions(lines: Sequence[Line]) -> tuple[list[Line], list[Region]]:
    """``lines`` with every region's lines blanked, and the regions.

    >>> from qa_builder.transcripts.read import split_lines
    >>> rest, regions = find_regions(split_lines("---\\ntitle: x\\n---\\nQ: Hi\\n<!--\\nQ: old\\n-->\\nA: Yo", "x"))
    >>> [(r.kind, r.line_start, r.line_end) for r in regions], [line.text for line in rest if line.text]
    ([('front_matter', 1, 3), ('comment', 5, 7)], ['Q: Hi', 'A: Yo'])
    """
    regions: list[Region] = []
    blanked: set[int] = set()
    end = _front_matter_end(lines)
    if end is not None:
        regions.append(_region("front_matter", lines[: end + 1]))
        blanked.update(range(end + 1))
    k = end + 1 if end is not None else 0
    while k < len(lines):
        close = _region_end(lines, k)
        if close is None:
            k += 1
            continue
        kind: RegionKind = "comment" if _COMMENT_OPEN.match(lines[k].text) else "code"
        regions.append(_region(kind, lines[k : close + 1]))
        blanked.update(range(k, close + 1))
        k = close + 1
    rest = [Line(line.number, "") if k in blanked else line for k, line in enumerate(lines)]
    return rest, regions


def _front_matter_end(lines: Sequence[Line]) -> int | None:
    """The index of the closing ``---`` of front matter opening the file, if it has any."""
    first = next((k for k, line in enumerate(lines) if line.text), None)
    if first is None or not _FRONT.match(lines[first].text):
        return None
    for k in range(first + 1, min(len(lines), first + _FRONT_MATTER_LINES)):
        if lines[k].text == lines[first].text:
            body = [line.text for line in lines[first + 1 : k] if line.text]
            return k if body and _FRONT_KEY.match(body[0]) else None
    return None


def _region_end(lines: Sequence[Line], k: int) -> int | None:
    """Where the comment or fence opening at line ``k`` closes; None if none opens there (or it never closes)."""
    text = lines[k].text
    if _COMMENT_OPEN.match(text):
        if _COMMENT_CLOSE.search(text) and "-->" not in text[4:-3]:
            return k
        return next((j for j in range(k + 1, len(lines)) if "-->" in lines[j].text), None)
    fence = _FENCE.match(text)
    if fence is not None:
        mark = fence["fence"]
        return next((j for j in range(k + 1, len(lines)) if lines[j].text.startswith(mark)), None)
    return None


def _region(kind: RegionKind, lines: Sequence[Line]) -> Region:
    return Region(kind, lines[0].number, lines[-1].number, "\n".join(line.text for line in lines))


CUE_TIMING = regex.compile(
    r"^(?:\d{1,6}\s+)?\d{1,2}:\d{2}:\d{2}[.,]\d{3}\s*-->\s*\d{1,2}:\d{2}:\d{2}[.,]\d{3}(?:[ \t]+[a-z]+:\S+)*$"
)
"""A subtitle cue's timing line, as SRT and WebVTT print it (``00:00:41,120 --> 00:00:44,300``, settings after)."""


def cue_lines(lines: Sequence[Line]) -> list[bool]:
    r"""Which lines are a subtitle file's cue lines: each timing, and the cue number on the line above it.

    >>> from qa_builder.transcripts.read import split_lines
    >>> cue_lines(split_lines("7\n00:00:41,120 --> 00:00:44,300\nJUNE: Hi.", "x.srt"))
    [True, True, False]
    """
    timing = [CUE_TIMING.match(line.text) is not None for line in lines]
    numbered = [line.text.isdigit() and k + 1 < len(lines) and timing[k + 1] for k, line in enumerate(lines)]
    return [a or b for a, b in zip(timing, numbered, strict=True)]


def subtitle_cues(lines: Sequence[Line]) -> tuple[list[Line], list[Region]]:
    """``lines`` with a subtitle file's cue lines blanked, so each cue's text is a paragraph of its own (a credit
    in the last cue is not glued to the timing above it), and the cue lines as ``timestamp`` regions."""
    cues = cue_lines(lines)
    regions: list[Region] = []
    for k, line in enumerate(lines):
        if not cues[k]:
            continue
        if regions and regions[-1].line_end == line.number - 1 and k > 0 and cues[k - 1]:
            last = regions[-1]
            regions[-1] = Region("timestamp", last.line_start, line.number, f"{last.text}\n{line.text}")
        else:
            regions.append(Region("timestamp", line.number, line.number, line.text))
    return [Line(line.number, "") if cues[k] else line for k, line in enumerate(lines)], regions
