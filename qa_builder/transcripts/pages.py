"""The furniture of a printed page in a transcript taken from print or a PDF: line numbers and running lines.

Court and deposition transcripts number every line of a page (``1`` to ``25``),
and a PDF's text keeps each page's running header and footer (``Page 12``, the
reporter's name and telephone number, the interview's title) wherever the page
broke, often in the middle of an answer. Read as they are, the numbers hide
every label and the running lines are glued into the turns around them.
:func:`without_line_numbers` takes the numbers off the lines (the line keeps its
number in the file); :func:`running_lines` finds the running lines, which
become ``boilerplate`` segments before the lines are put into paragraphs.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence

import regex

from .read import Line
from .regions import Region

__all__ = ["running_lines", "without_line_numbers"]

_LINE_NUMBER = regex.compile(r"^(?P<number>\d{1,2})(?:\s+(?P<text>\S.*)|$)")
_NUMBERED_SHARE = 0.6
"""The share of non-blank lines that must start with a line number before the file counts as numbered."""
_IN_ORDER_SHARE = 0.8
"""The share of numbered lines whose number follows the one before (or starts a page at 1)."""
_DIGITS = regex.compile(r"\d+")
_SPEECH_END = regex.compile(r"[.!?…。！？:：;；\"”’'」』）)\]】»«]$")
_RUNNING_MIN_GAP = 3
"""Lines between two occurrences of a running line at least (a short last page has few)."""
_RUNNING_MAX = 100
_RUNNING_MIN = 3
"""Occurrences of a running line without two numbers in it (twice is a line of speech said again)."""


def without_line_numbers(lines: Sequence[Line]) -> list[Line]:
    """``lines`` without the line numbers a numbered transcript prints before each line, if it is one.

    >>> from qa_builder.transcripts.read import split_lines
    >>> [line.text for line in without_line_numbers(split_lines("1 Q. Why?\\n2 A. Because\\n3 it rained.", "x"))]
    ['Q. Why?', 'A. Because', 'it rained.']
    >>> [line.text for line in without_line_numbers(split_lines("Q: In 2019?\\nA: 12 of them.", "x"))]
    ['Q: In 2019?', 'A: 12 of them.']
    """
    texts = [line for line in lines if line.text]
    numbered = [(line, match) for line in texts if (match := _LINE_NUMBER.match(line.text)) is not None]
    if not texts or len(numbered) < max(3, _NUMBERED_SHARE * len(texts)):
        return list(lines)
    numbers = [int(match["number"]) for _, match in numbered]
    in_order = sum(b == a + 1 or b == 1 for a, b in zip(numbers, numbers[1:], strict=False))
    if in_order < _IN_ORDER_SHARE * (len(numbers) - 1):
        return list(lines)
    stripped = {line.number: match["text"] or "" for line, match in numbered}
    return [Line(line.number, stripped.get(line.number, line.text)) for line in lines]


def running_lines(
    lines: Sequence[Line], speech: Callable[[str], bool], page: Callable[[str], bool] = lambda text: False
) -> tuple[list[Line], list[Region]]:
    """``lines`` with the running headers and footers blanked, and each of them as a ``boilerplate`` region.

    A running line recurs, with only its numbers changing, a few lines apart at least: three times (and not
    always alone between blank lines, as a numbered heading stands), or twice holding two numbers (a reporter's
    telephone number, a dateline) or ending in page numbers that count up (``… OHP   2``, ``… OHP   3``); it ends in
    no punctuation, is no Markdown heading and no label (``speech``
    says whether a line starts a turn). A line ``page`` says is a page number
    (``Page 12``) is one wherever it stands. A line of speech said twice (a refrain) is none.

    >>> from qa_builder.transcripts.read import split_lines
    >>> footer = "Reporting Ltd 555 0142\\n"
    >>> text = "Q: Why?\\n" + footer + "Page 2\\n" + "A: Yes.\\n" * 9 + footer + "Page 3\\nA: No."
    >>> speech, page = (lambda line: line[1:2] == ":"), (lambda line: "Page" in line)
    >>> rest, regions = running_lines(split_lines(text, "x"), speech, page)
    >>> [(region.line_start, region.text) for region in regions]
    [(2, 'Reporting Ltd 555 0142'), (3, 'Page 2'), (13, 'Reporting Ltd 555 0142'), (14, 'Page 3')]
    """
    places: dict[str, list[int]] = defaultdict(list)
    for k, line in enumerate(lines):
        if _may_run(line.text, speech):
            places[_DIGITS.sub("#", line.text)].append(k)
    running = {k for k, line in enumerate(lines) if line.text and page(line.text)}

    def alone(k: int) -> bool:  # between blank lines: a heading ("Round 2") stands so; a running line is glued
        return (k == 0 or not lines[k - 1].text) and (k + 1 == len(lines) or not lines[k + 1].text)

    for key, found in places.items():
        numbered = len(found) >= 2 and (key.count("#") >= 2 or _pages_in_order([lines[k].text for k in found]))
        enough = numbered or (len(found) >= _RUNNING_MIN and not all(alone(k) for k in found))
        if enough and all(b - a >= _RUNNING_MIN_GAP for a, b in zip(found, found[1:], strict=False)):
            running.update(found)
    regions = [Region("boilerplate", lines[k].number, lines[k].number, lines[k].text) for k in sorted(running)]
    return [Line(line.number, "") if k in running else line for k, line in enumerate(lines)], regions


def _pages_in_order(texts: Sequence[str]) -> bool:
    """Whether each line ends in the next page's number (``… Riverside Mills OHP   2``, then ``… 3``): a header
    twice is running where its page number counts up."""
    numbers = [_page_number(text) for text in texts]
    pages = [number for number in numbers if number is not None]
    return len(pages) == len(texts) and all(b == a + 1 for a, b in zip(pages, pages[1:], strict=False))


_PAGE_NUMBER = regex.compile(r"^(?P<head>.*\S)(?P<gap>\s+)(?P<page>\d{1,4})$")


def _page_number(text: str) -> int | None:
    """A header's page number at its end: after three words or more, or set apart by a wide gap (``Round 2`` is a
    heading)."""
    found = _PAGE_NUMBER.match(text)
    if found is None or (len(found["head"].split()) < 3 and len(found["gap"]) < 2):
        return None
    return int(found["page"])


def _may_run(text: str, speech: Callable[[str], bool]) -> bool:
    if not text or len(text) > _RUNNING_MAX or _SPEECH_END.search(text) or text.startswith("#") or speech(text):
        return False
    words = len(text.split()) + sum(1 for char in text if "\u3400" <= char <= "\u9fff")
    return words >= 2 and not text.startswith(("(", "[", "（", "【"))
