"""How a print interview without labels sets its questions off from the answers: in bold (most do), as headings
of one level (web Q&As: ``## How did you start?``), in italics, or as blockquotes (a Markdown newsletter's
``> How did you start?``). The parser and ``init`` both ask this module,
each from its own reading of the markup (the parser's conventions may have made a paragraph something else first).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import regex

from .exchanges import QUESTION_END

__all__ = ["BOLD", "Emphasis", "QUESTIONS_MIN", "SetOff", "heading_level", "set_off_questions", "without_hashes"]

BOLD = "in bold"
"""How most print interviews set their questions off (:attr:`SetOff.printed`)."""
QUESTIONS_MIN = 2
"""Paragraphs set off alike a transcript must hold before they are read as its questions."""
_MD_LEVEL = regex.compile(r"^\s{0,3}(#{1,6})\s")
_MD_HASHES = regex.compile(r"^\s{0,3}#{1,6}\s+|\s+#+\s*$")
_HTML_LEVEL = regex.compile(r"^\s*(?:<[^>]+>\s*)*<h([1-6])\b", regex.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Emphasis:
    """What the markup said of one paragraph: ``raw`` as printed, ``text`` without markup, and whether it is wholly
    bold, wholly italic, or a heading."""

    raw: str
    text: str
    bold: bool = False
    italic: bool = False
    heading: bool = False
    quote: bool = False


@dataclass(frozen=True, slots=True)
class SetOff:
    """The paragraphs read as questions (indices) and how they are printed (``in bold``, ``as headings``, …)."""

    printed: str
    questions: list[int]


def set_off_questions(paragraphs: Sequence[Emphasis]) -> SetOff | None:
    """The questions of a transcript without labels: its wholly bold paragraphs, if it has two or more; else its
    headings of the level most of its question-mark headings have (a title above them is another level); else its
    wholly italic paragraphs that end with a question mark, and the italic prompts between answers after the first
    of them; else its blockquotes so. None if it sets off none of these ways.

    >>> title, text = Emphasis("# Why wait?", "Why wait?", heading=True), Emphasis("So.", "So.")
    >>> found = set_off_questions([title, text, Emphasis("## How?", "How?", heading=True), text,
    ...     Emphasis("## Why?", "Why?", heading=True)])
    >>> found.printed, found.questions
    ('as headings', [2, 4])
    """
    bold = [k for k, p in enumerate(paragraphs) if p.bold]
    if len(bold) >= QUESTIONS_MIN:
        return SetOff(BOLD, bold)
    asking = [k for k, p in enumerate(paragraphs) if QUESTION_END.search(p.text)]
    headings = [(k, heading_level(paragraphs[k].raw)) for k in asking if paragraphs[k].heading]
    levels = Counter(level for _, level in headings)
    if headings:
        level = max(levels, key=lambda found: (levels[found], found))
        asked = [k for k, found in headings if found == level]
        if len(asked) >= QUESTIONS_MIN:
            return SetOff("as headings", asked)
    for printed, marked in (("in italics", "italic"), ("as blockquotes", "quote")):
        found = [k for k in asking if getattr(paragraphs[k], marked) and not paragraphs[k].heading]
        if len(found) >= QUESTIONS_MIN:
            return SetOff(printed, sorted({*found, *_prompts(paragraphs, found[0], found[-1], marked)}))
    return None


def _prompts(paragraphs: Sequence[Emphasis], first: int, last: int, marked: str) -> list[int]:
    """In a file whose questions are italic (or blockquoted: ``marked``), such a paragraph without a question mark
    between two paragraphs of answers, after the ``first`` question and before the ``last``, is a prompt (``*You
    once called the kiln a weather system.*``); one after the last question is a note (``*This interview has been
    edited.*``)."""

    def plain(k: int) -> bool:
        p = paragraphs[k] if 0 <= k < len(paragraphs) else None
        return p is not None and not (p.italic or p.bold or p.heading or p.quote)

    return [
        k
        for k in range(first + 1, last)
        if getattr(paragraphs[k], marked)
        and not paragraphs[k].heading
        and plain(k - 1)
        and plain(k + 1)
        and not paragraphs[k - 1].text.rstrip().endswith((":", "："))  # "It puts it in one line:" then a quotation
    ]


def heading_level(raw: str) -> int:
    """A heading's level as Markdown (``## …``) or HTML (``<h2>``) prints it; 0 for no heading.

    >>> heading_level("## How?"), heading_level("<h3>How?</h3>"), heading_level("How?")
    (2, 3, 0)
    """
    found = _MD_LEVEL.match(raw) or _HTML_LEVEL.match(raw)
    if found is None:
        return 0
    return len(found[1]) if found[1].startswith("#") else int(found[1])


def without_hashes(text: str) -> str:
    """A Markdown heading's words without its ``#`` marks.

    >>> without_hashes("## How did you start? ##")
    'How did you start?'
    """
    return _MD_HASHES.sub("", text)
