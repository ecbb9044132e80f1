"""One transcript as ``init`` reads it: its paragraphs with their emphasis, laid out as the parser will lay them
out, and the label-shaped starts found in it (:class:`Candidate`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import regex

from ...models import Role
from ..conventions import builtin_conventions
from ..labels import BRACKETED_TIME, COLONS, SHORT_LABEL, recurring_starts
from ..markup import Markup, detect, strip
from ..pages import without_line_numbers
from ..paragraphs import Paragraph, paragraph_mode, paragraphs
from ..read import Line, decode, guess_encoding, split_lines, utf16_without_bom
from ..regions import cue_lines, find_regions
from ..setoff import Emphasis, SetOff, heading_level, set_off_questions

__all__ = ["Candidate", "Scan", "scan"]


_NEVER = regex.compile(r"^$")


@dataclass(slots=True)
class Candidate:
    """A label-shaped start found in a transcript: how often, where first, in bold or not."""

    label: str
    count: int = 0
    first_line: int = 0
    bold: int = 0
    speaker: str = ""
    role: Role = "interviewee"
    reason: str | None = None
    variants: list[str] = field(default_factory=list)
    separator: str = ""
    """What follows the label when it is not a colon (``.`` in ``Senator Vance. …``)."""
    questions: int = 0
    """How many of its turns end their first paragraph with a question mark."""
    marked: int = 0
    """How many of its turns hold a question mark anywhere in their first paragraph."""

    @property
    def asks_at_all(self) -> bool:
        """Some turn of it asks, or it speaks once (too little to tell)."""
        return self.questions > 0 or self.count < 2

    @property
    def mostly_asks(self) -> bool:
        """Most of its turns (two at least) ask something: a masthead (``ZEIT ONLINE:``) or a host by name."""
        return self.count >= 2 and self.questions * 2 >= self.count


@dataclass(slots=True)
class Scan:
    lang: str
    encoding: str | None
    markup: Markup
    mode: str
    paragraphs: list[tuple[Paragraph, str, bool, str]]
    """Each paragraph with its plain text, whether it is wholly bold, and the text of a bold start."""
    regions: int
    asides: set[int] = field(default_factory=set)
    """First lines of paragraphs the markup says are captions, headings or links: never labels."""
    cues: int = 0
    """A subtitle file's cue lines (number and time range), left out before reading the labels."""
    set_off: SetOff | None = None
    """The paragraphs set off as questions (in bold, as headings, in italics), read where no label is found."""


def scan(path: Path) -> Scan:
    data = path.read_bytes()
    lang = path.stem
    try:
        text, encoding = decode(data, str(path), lang=lang), None
    except Exception:  # noqa: BLE001 - any file the strict decoder refuses is drafted with a guessed encoding
        encoding = utf16_without_bom(data) or guess_encoding(data, lang)
        text = data.decode(encoding, errors="replace")
    markup = detect(text)
    lines, regions = find_regions(without_line_numbers(split_lines(text, str(path))))
    rest = _without_cues(lines)
    recurring = _recurring_starts(rest)
    first = next((k for k, line in enumerate(rest) if recurring.match(line.text)), None)
    if first is None:
        first = next((k for k, line in enumerate(rest) if SHORT_LABEL.match(line.text)), 0)
    mode = paragraph_mode(rest[first:], recurring)  # the turns' layout, not the masthead's
    found = []
    asides = set()
    emphasis = []
    for paragraph in paragraphs(rest, recurring, mode, builtin_conventions(lang).suspended()):
        marked = strip(paragraph.text, markup)
        if marked.shape in ("caption", "heading", "link"):  # a figure's caption is no turn, whatever it starts with
            asides.add(paragraph.line_start)
        found.append((paragraph, marked.text, marked.bold, marked.bold_start))
        heading = marked.shape == "heading" or heading_level(paragraph.text) > 0
        emphasis.append(Emphasis(paragraph.text, marked.text, marked.bold, marked.italic, heading, marked.quote))
    cues = len(lines) - len(rest)
    return Scan(lang, encoding, markup, mode, found, len(regions), asides, cues, set_off_questions(emphasis))


def _recurring_starts(lines: list[Line]) -> regex.Pattern[str]:
    """Label-shaped line starts that recur (``LT:`` and ``Ahlke:`` in a file without blank lines), not the
    masthead's fields printed once (``Quelle:``, ``Datum:``): where the turns start, and where a paragraph does
    in whatever layout."""
    recurring = sorted(recurring_starts(line.text for line in lines), key=len, reverse=True)
    if not recurring:
        return _NEVER
    keys = "|".join(map(regex.escape, recurring))
    return regex.compile(rf"^(?:{keys})(?:\s+(?:{BRACKETED_TIME}))?\s*(?:{'|'.join(COLONS)})")


def _without_cues(lines: list[Line]) -> list[Line]:
    """The lines without a subtitle file's cue lines (``7`` and ``00:00:41,120 --> 00:00:44,300`` above each cue's
    text, as SRT and WebVTT print them), so the label on the cue's text line is seen."""
    cues = cue_lines(lines)
    return [line for line, cue in zip(lines, cues, strict=True) if not cue]
