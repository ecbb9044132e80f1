"""Names a Chinese text writes in Han and its translation in pinyin: 王丽 is "Wang Li", 河口 "Hekou".

A translation into a language written in Latin letters spells Chinese names
and places in pinyin, the strongest evidence there is that two sentences are
translations of each other, and one neither lengths nor shared tokens see.
The names are taken from the Latin side (capitalised words never written in
lower case, alone or two in a row: ``Xiuying``, ``Wang Li``), cut into pinyin
syllables, and looked for in the Han text under any reading of its
characters; a name found becomes the same anchor token on both sides. Names of
one syllable are left out: ``Wang`` is also 往 and 望, among the commonest
characters.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from functools import cache

import regex

__all__ = ["joined_names", "latin_names", "name_finder"]

NAME_SYLLABLES = (2, 4)
"""The fewest and most pinyin syllables of a name looked for (one syllable is too ambiguous a match)."""
NOUN_NAME_LETTERS = 7
"""Where every noun is capitalised (German), a single word is taken for a name only from this many letters:
``Weile`` and ``Menge`` are pinyin too (为了, 们个), ``Xiuying`` and ``Shanghai`` long enough."""
_CAPITALISED = regex.compile(r"\b[A-Z][a-z]+(?:[ -][A-Z][a-z]+)?\b")
_LOWER = regex.compile(r"\b[a-z]+\b")
_VOWEL = regex.compile(r"[aeiouv]")
_UNIFIED = range(0x4E00, 0xA000)
"""The CJK Unified Ideographs block: the characters names are written in (the extensions are rare ones)."""


def latin_names(texts: Iterable[str], *, nouns_capitalised: bool = False) -> frozenset[str]:
    """Capitalised words (and pairs of them) that the texts never write in lower case, lower-cased and joined;
    with ``nouns_capitalised``, single words of :data:`NOUN_NAME_LETTERS` letters or more only.

    >>> sorted(latin_names(["Wang Li sang. She sang, then Xiuying came."]))
    ['li', 'she', 'wang', 'wangli', 'xiuying']
    >>> sorted(latin_names(["Nach einer Weile kam Xiuying."], nouns_capitalised=True))
    ['xiuying']
    """
    texts = list(texts)
    lower = {word for text in texts for word in _LOWER.findall(text)}
    found: set[str] = set()
    for text in texts:
        for match in _CAPITALISED.finditer(text, overlapped=True):
            words = match.group().lower().replace("-", " ").split()
            shortest = NOUN_NAME_LETTERS if nouns_capitalised else 0
            found.update(word for word in words if word not in lower and len(word) >= shortest)
            if len(words) == 2 and not lower & set(words):
                found.add("".join(words))
    return frozenset(found)


def joined_names(text: str) -> list[str]:
    """The pairs of capitalised words ``text`` writes, each joined as one name (``Wang Li``: ``wangli``).

    >>> joined_names("Then Wang Li and Zhao Jianhua sang.")
    ['thenwang', 'wangli', 'zhaojianhua']
    """
    joined = (match.group().lower() for match in _CAPITALISED.finditer(text, overlapped=True))
    return [name.replace(" ", "").replace("-", "") for name in joined if " " in name or "-" in name]


def name_finder(names: frozenset[str]) -> regex.Pattern[str] | None:
    """A pattern matching the names in Han characters, each match's ``lastgroup`` naming the name by its index in
    ``sorted(names)``; None if no name is pinyin.

    >>> finder = name_finder(frozenset({"xiuying", "sang"}))
    >>> [sorted({"xiuying", "sang"})[int(m.lastgroup[1:])] for m in finder.finditer("秀英来了。")]
    ['xiuying']
    """
    return _finder(tuple(sorted(names)))


@cache
def _finder(names: tuple[str, ...]) -> regex.Pattern[str] | None:
    chars = _characters()
    alternatives = []
    for k, name in enumerate(names):
        spellings = [
            "".join(f"[{chars[syllable]}]" for syllable in cut)
            for cut in _cuts(name)
            if NAME_SYLLABLES[0] <= len(cut) <= NAME_SYLLABLES[1]
        ]
        if spellings:
            alternatives.append((len(name), f"(?P<n{k}>{'|'.join(spellings)})"))
    if not alternatives:
        return None
    return regex.compile("|".join(alt for _, alt in sorted(alternatives, key=lambda a: -a[0])))


def _cuts(name: str) -> list[list[str]]:
    """Every way to cut ``name`` into pinyin syllables, a syllable starting with a, o or e only at its start (pinyin
    writes ``Xi'an``; ``sea`` is no ``se`` + ``a``).

    >>> _cuts("xiuying"), _cuts("xian"), _cuts("sea")
    ([['xiu', 'ying']], [['xian']], [])
    """
    syllables = _characters()
    cuts: list[list[list[str]]] = [[] for _ in range(len(name) + 1)]
    cuts[0] = [[]]
    for end in range(1, len(name) + 1):
        for start in range(max(0, end - 6), end):
            if name[start:end] in syllables and (start == 0 or name[start] not in "aoe"):
                cuts[end] += [cut + [name[start:end]] for cut in cuts[start] if len(cut) < NAME_SYLLABLES[1]]
    return cuts[-1]


@cache
def _characters() -> dict[str, str]:
    """Each toneless pinyin syllable and the characters that have it among their readings."""
    from pypinyin.pinyin_dict import pinyin_dict

    found: dict[str, set[str]] = defaultdict(set)
    for code, readings in pinyin_dict.items():
        if not _UNIFIED.start <= code < _UNIFIED.stop:
            continue
        for reading in readings.split(","):
            found[_toneless(reading)].add(chr(code))
    return {
        syllable: "".join(sorted(chars))
        for syllable, chars in found.items()
        if syllable.isascii() and _VOWEL.search(syllable)  # not the interjections n, ng, m, hm
    }


def _toneless(reading: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", reading) if not unicodedata.combining(c))
