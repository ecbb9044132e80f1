"""Furniture inside a turn's text: time codes, interjections, comments — cut out, kept with their place.

``(Heiterkeit bei der SPD)`` in the middle of an answer, ``[00:02:31]`` before
it, ``\\[laughter\\]`` after it: none of it was said by the speaker. Each piece
the conventions recognise (``interjection``, ``timestamp``, ``comment``) is cut
out of the text and returned as a :class:`Cut` with where it was, so it becomes
a segment that points back into its turn; nothing is lost.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import regex

__all__ = ["Cut", "cut_furniture"]

_SPACES = regex.compile(r"[ \t]{2,}")


@dataclass(frozen=True, slots=True)
class Cut:
    kind: str
    text: str
    offset: int
    """Where it was in the text that is left."""
    at: int
    """Where it was in the text given (to find its line)."""


def cut_furniture(text: str, rules: Sequence[tuple[str, regex.Pattern[str]]]) -> tuple[str, list[Cut]]:
    """``text`` without what ``rules`` (kind, pattern) find in it, and the pieces cut.

    >>> import regex
    >>> rules = [("interjection", regex.compile(r"\\((?:lacht|Beifall[^)]*)\\)"))]
    >>> left, cuts = cut_furniture("(lacht) Nein. Ja (Beifall bei der SPD) doch.", rules)
    >>> left, [(cut.text, cut.offset) for cut in cuts]
    ('Nein. Ja doch.', [('(lacht)', 0), ('(Beifall bei der SPD)', 9)])
    """
    found = sorted(
        ((match.start(), match.end(), kind) for kind, pattern in rules for match in pattern.finditer(text)),
        key=lambda span: (span[0], -span[1]),
    )
    kept: list[str] = []
    cuts: list[Cut] = []
    cursor = 0
    for start, end, kind in found:
        if start < cursor or start == end:
            continue
        kept.append(text[cursor:start])
        before = _tidy("".join(kept))
        cuts.append(Cut(kind, text[start:end], len(before) + (1 if before else 0), start))
        cursor = end
    if not cuts:
        return text, []
    left = _tidy("".join([*kept, text[cursor:]]))
    return left, [Cut(cut.kind, cut.text, min(cut.offset, len(left)), cut.at) for cut in cuts]


def _tidy(text: str) -> str:
    return _SPACES.sub(" ", text).strip()
