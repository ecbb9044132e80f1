"""Lines into paragraphs, the way the file lays them out: blank-line separated, one per line, or hard-wrapped.

:func:`paragraph_mode` decides from the file: when lines inside blocks mostly
end mid-sentence they are a hard-wrapped paragraph's lines and are joined;
when they mostly end a sentence each is a paragraph of its own (text pasted
from a web page without blank lines). ``meta.toml`` may say otherwise
(``paragraphs = "one-per-line"``). Lines are joined as their script writes:
with a space between words, with nothing where Chinese or Japanese meets
(``使用它。`` + ``在后端`` → ``使用它。在后端``). A line that starts a speaker label
always starts a paragraph, and a label wrapped over two lines is put together.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from typing import Literal

import regex

from .read import Line

__all__ = [
    "Paragraph",
    "ParagraphMode",
    "continued",
    "join_alone_labels",
    "join_wrapped_labels",
    "line_blocks",
    "paragraph_mode",
    "paragraphs",
]

ParagraphMode = Literal["blank-line", "one-per-line", "hard-wrapped"]

_WIDE = r"\p{Han}\p{Hiragana}\p{Katakana}ー\p{Block=CJK_Symbols_And_Punctuation}\p{Block=Halfwidth_And_Fullwidth_Forms}"
_WIDE_END = regex.compile(rf"[{_WIDE}]$")
_WIDE_START = regex.compile(rf"^[{_WIDE}]")
_SENTENCE_END = regex.compile(r"[.!?…。！？:：;；\"”’'」』）)\]】»«›‹]$")
_RULE = regex.compile(r"^[-=_*~—–#.·]{2,}$")
"""A line of dashes, equals signs or stars (a rule, a signature's ``--``): never joined to another line."""
_TRAILING_MARKUP = regex.compile(r"(?:\*\*|__|</[a-z]+>|-->|\s)+$", regex.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Paragraph:
    line_start: int
    line_end: int
    text: str
    starts: tuple[tuple[int, int], ...] = ()
    """Where each joined line begins: (offset in ``text``, line number); empty for a one-line paragraph."""

    @property
    def first_line(self) -> str:
        """The text of the paragraph's first line."""
        return self.lines[0]

    @property
    def lines(self) -> list[str]:
        """The text of each of the paragraph's lines."""
        cuts = [0, *(start for start, _ in self.starts), len(self.text)]
        return [self.text[a:b].strip() for a, b in zip(cuts, cuts[1:], strict=False)]

    def line_at(self, offset: int) -> int:
        """The file line that holds character ``offset`` of ``text``."""
        line = self.line_start
        for start, number in self.starts:
            if start <= offset:
                line = number
        return line


def paragraph_mode(lines: Sequence[Line], labels: regex.Pattern[str] | None = None) -> ParagraphMode:
    """How a file lays out its paragraphs: mostly one-line blocks are paragraphs (``blank-line``); else by whether
    the lines followed by another line mostly end a sentence (``one-per-line``) or not (``hard-wrapped``). A line
    ``labels`` matches alone (``Marisol (00:00):`` above the words) is no text line: it ends with a colon, not a
    sentence, and is read as a break between blocks.

    >>> from qa_builder.transcripts.read import split_lines
    >>> paragraph_mode(split_lines("Q: Why?\\nA: Because.\\nIt is.", "x"))
    'one-per-line'
    >>> paragraph_mode(split_lines("Q: Why\\nnot?", "x"))
    'hard-wrapped'
    """
    if labels is not None:
        lines = [Line(line.number, "") if _alone(labels, line.text) else line for line in lines]
    followed = [line for line, after in zip(lines, lines[1:], strict=False) if line.text and after.text]
    blocks = sum(1 for line, after in zip([Line(0, ""), *lines], lines, strict=False) if after.text and not line.text)
    if not followed or (blocks - len(followed)) * 3 >= blocks * 2:  # two thirds of the blocks are one line
        return "blank-line"
    open_ends = sum(not _SENTENCE_END.search(_TRAILING_MARKUP.sub("", line.text)) for line in followed)
    return "hard-wrapped" if open_ends * 2 >= len(followed) else "one-per-line"


_LABEL_LINE_MAX = 60


def _alone(labels: regex.Pattern[str], text: str) -> bool:
    """Whether ``text`` is a label line and nothing else (the words on the lines below): it starts with a label
    and ends with its colon (``Marisol (00:00):``)."""
    return len(text) <= _LABEL_LINE_MAX and text.endswith((":", "：")) and labels.match(text) is not None


def line_blocks(lines: Sequence[Line]) -> list[list[Line]]:
    """The runs of non-blank lines between blank ones.

    >>> from qa_builder.transcripts.read import split_lines
    >>> [[line.number for line in block] for block in line_blocks(split_lines("a\\nb\\n\\n\\nc", "x"))]
    [[1, 2], [5]]
    """
    blocks: list[list[Line]] = [[]]
    for line in lines:
        if line.text:
            blocks[-1].append(line)
        elif blocks[-1]:
            blocks.append([])
    return [block for block in blocks if block]


def paragraphs(
    lines: Sequence[Line],
    starts_paragraph: regex.Pattern[str],
    mode: ParagraphMode | None = None,
    suspended: Collection[str] = (),
    after_sentence: Callable[[str], bool] | None = None,
    alone: Callable[[str], bool] | None = None,
) -> list[Paragraph]:
    """Group non-blank lines into paragraphs by ``mode`` (decided from the lines if None).

    Blank lines always separate paragraphs; in ``hard-wrapped`` mode the lines
    of a block are joined, except where a line matches ``starts_paragraph`` (a
    speaker label), or where the line before ends a sentence and ``after_sentence``
    says the line starts one (furniture, or a label nobody declared, to be told), and
    around a line that stands ``alone`` (a box's title).
    A word broken at a line end is put together (``Kommu-`` / ``nen``), unless the
    next word is one of ``suspended`` (``Klima-`` / ``und``) or the text writes the
    hyphenated compound elsewhere (``long-term``).

    >>> from qa_builder.transcripts.read import split_lines
    >>> lines = split_lines("In vielen Kommu-\\nnen fehlen Klima-\\nund Bau-\\nExperten.", "x")
    >>> paragraphs(lines, regex.compile("(?!)"), "hard-wrapped", {"und"})[0].text
    'In vielen Kommunen fehlen Klima- und Bau-Experten.'
    """
    mode = mode or paragraph_mode(lines)
    kept = _Hyphens(frozenset(suspended), _compounds(lines) if mode == "hard-wrapped" else frozenset())
    result: list[Paragraph] = []

    def apart(text: str) -> bool:  # a rule, or a line that stands alone (a box's title)
        return _RULE.match(text) is not None or (alone is not None and alone(text))

    for block in line_blocks(lines):
        current: list[Line] = []
        for line in block:
            rule = apart(line.text)
            if current and (
                mode != "hard-wrapped"
                or rule
                or apart(current[-1].text)
                or starts_paragraph.match(line.text)
                or (after_sentence is not None and _ends_sentence(current[-1].text) and after_sentence(line.text))
            ):
                result.append(_join(current, kept))
                current = []
            current.append(line)
        result.append(_join(current, kept))
    return result


_OPEN_END = regex.compile(r"[\p{Ll}\p{N},]$")
_LOWER_START = regex.compile(r"^\p{Ll}")


def continued(before: str, after: str, suspended: Collection[str] = ()) -> tuple[str, str] | None:
    """``before`` and the seam to ``after`` if ``after`` goes on with the sentence ``before`` breaks off in (a page
    break or a stray blank line in text taken from a PDF), else None: ``before`` ends in a lower-case word, a
    number, a comma or a broken word's hyphen, and ``after`` starts in lower case. Scripts without case never are.

    >>> continued("dass die Ämter plötzlich papierlos", "arbeiten.")
    ('dass die Ämter plötzlich papierlos', ' ')
    >>> continued("die Gebühren abschaf-", "fen.")
    ('die Gebühren abschaf', '')
    >>> continued("Das dauert.", "und dann?"), continued("Zwei Dinge", "Erstens …")
    (None, None)
    """
    if _LOWER_START.match(after) is None:
        return None
    if _BROKEN.search(before) is not None:
        return _dehyphenated(before, after, _Hyphens(frozenset(suspended)))
    return (before, " ") if _OPEN_END.search(before) is not None else None


def join_wrapped_labels(found: Sequence[Paragraph], labels: regex.Pattern[str]) -> list[Paragraph]:
    """Put back together a speaker label that the layout broke over two lines ("…Bildung und" / "Forschung:").

    A paragraph that is no label, but is one together with the next, and whose
    label then starts in it and ends in the next paragraph, is joined with it (a
    time code alone on its line before a label is no part of the label).
    """
    result: list[Paragraph] = []
    k = 0
    while k < len(found):
        here = found[k]
        if k + 1 < len(found) and not labels.match(here.text):
            joined = _join_two(here, found[k + 1])
            match = labels.match(joined.text)
            if match is not None and match.start("label") < len(here.text) < match.end("label"):
                result.append(joined)
                k += 2
                continue
        result.append(here)
        k += 1
    return result


def _ends_sentence(text: str) -> bool:
    return _SENTENCE_END.search(_TRAILING_MARKUP.sub("", text)) is not None


def join_alone_labels(found: Sequence[Paragraph], alone: regex.Pattern[str]) -> list[Paragraph]:
    """Join a paragraph that is only a label to the paragraph on the next line (a script's ``MARIA LOPEZ`` above
    her words, in a file read one paragraph per line); after a blank line the two stay apart."""
    result: list[Paragraph] = []
    k = 0
    while k < len(found):
        here = found[k]
        after = found[k + 1] if k + 1 < len(found) else None
        if after is not None and after.line_start == here.line_end + 1 and alone.match(here.text):
            result.append(_join_two(here, after))
            k += 2
            continue
        result.append(here)
        k += 1
    return result


@dataclass(frozen=True, slots=True)
class _Hyphens:
    """What keeps a hyphen at a line end: the words after which it is suspended (``Klima-`` / ``und``), and the
    hyphenated compounds the text writes elsewhere (``long-term``)."""

    suspended: frozenset[str] = frozenset()
    compounds: frozenset[str] = frozenset()


_COMPOUND = regex.compile(r"\p{L}+(?:-\p{L}+)+")


def _compounds(lines: Sequence[Line]) -> frozenset[str]:
    """The hyphenated words written inside the lines (not broken at a line end), case-folded."""
    return frozenset(found.casefold() for line in lines for found in _COMPOUND.findall(line.text.rstrip("-")))


def _join(lines: Sequence[Line], kept: _Hyphens = _Hyphens()) -> Paragraph:
    text = lines[0].text
    starts = []
    for line in lines[1:]:
        text, seam = _dehyphenated(text, line.text, kept)
        text += seam
        starts.append((len(text), line.number))
        text += line.text
    return Paragraph(lines[0].number, lines[-1].number, text, tuple(starts))


_BROKEN = regex.compile(r"(?<=\p{L})(?:-|\u00ad)$")
"""A hyphen (or a soft hyphen) right after a word at a line end: the word may go on at the next line."""
_NEXT_WORD = regex.compile(r"^\p{L}+")


def _dehyphenated(before: str, after: str, kept: _Hyphens) -> tuple[str, str]:
    """``before`` and the seam to ``after``: a word broken at the hyphen is joined without it (``Kommu-`` /
    ``nen``), a compound's hyphen stays (``Online-`` / ``Formulare``, ``E-`` / ``Akte``, and ``long-`` / ``term``
    where the text writes ``long-term`` elsewhere), and a suspended one keeps its space (``Klima-`` / ``und``)."""
    if (broken := _BROKEN.search(before)) is None or (word := _NEXT_WORD.match(after)) is None:
        return before, _seam(before, after)
    if word[0].casefold() in kept.suspended:
        return before, " "
    stem = _LAST_WORD.search(before[: broken.start()])
    if stem is not None and f"{stem[0]}-{word[0]}".casefold() in kept.compounds:
        return before, ""
    if before.endswith("\u00ad") or word[0][0].islower():
        return before[: broken.start()], ""
    return before, ""


_LAST_WORD = regex.compile(r"\p{L}+$")


def _join_two(first: Paragraph, second: Paragraph) -> Paragraph:
    seam = _seam(first.text, second.text)
    offset = len(first.text) + len(seam)
    shifted = tuple((start + offset, number) for start, number in second.starts)
    starts = (*first.starts, (offset, second.line_start), *shifted)
    return Paragraph(first.line_start, second.line_end, first.text + seam + second.text, starts)


def _seam(before: str, after: str) -> str:
    """What goes between two joined lines: nothing where Chinese or Japanese meets, else a space."""
    return "" if _WIDE_END.search(before) or _WIDE_START.match(after) else " "
