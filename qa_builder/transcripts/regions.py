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

__all__ = ["Region", "RegionKind", "find_regions"]

RegionKind = Literal["front_matter", "comment", "code", "boilerplate", "preamble"]

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
