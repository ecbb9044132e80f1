"""Text without its accents: how the aligner compares words and names a translation may spell without them."""

from __future__ import annotations

import unicodedata

import regex

__all__ = ["unaccented"]

_MARKS = regex.compile(r"\p{Mn}+")


def unaccented(text: str) -> str:
    """``text`` decomposed and without its combining marks (accents, tone marks, the Greek tonos).

    >>> unaccented("Pétitions"), unaccented("zhōng"), unaccented("Παπαδόπουλος")
    ('Petitions', 'zhong', 'Παπαδοπουλος')
    """
    return text if text.isascii() else _MARKS.sub("", unicodedata.normalize("NFD", text))
