"""Names a Cyrillic or Greek text writes and its translation spells in Latin letters: Путин is "Putin",
Горбачёва "Gorbachev", Παπαδόπουλου "Papadopoulos".

Russian, Ukrainian, Bulgarian, Serbian and Greek texts decline names (Путина, Путину),
and translations spell them in several systems (Gorbachev, Gorbatschow). So a
name is compared by the first letters of its transliteration: a capitalised
Cyrillic word and a capitalised Latin word that the Latin side never writes in
lower case become the same anchor token when their first :data:`PREFIX`
letters agree. A word that starts a sentence (``Почему``) finds no partner on
the other side, so it is no anchor; the aligner's balance rule drops a prefix
that one side uses far more often than the other.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

import regex

from .plain import unaccented

__all__ = ["TransliteratedNames", "transliterated"]

PREFIX = 4
"""Letters of a transliterated name compared: enough to tell most names apart, few enough for endings and
spelling systems (``Путина`` / ``Putin``, ``Горбачёв`` / ``Gorbatschow``: ``gorb``)."""
_LATIN_CAPITALISED = regex.compile(r"\b\p{Lu}\p{Ll}{2,}\b")
_LATIN_LOWER = regex.compile(r"\b\p{Ll}{3,}\b")
_CAPITALISED = {
    "cyrillic": regex.compile(r"\b\p{Script=Cyrillic}(?<=\p{Lu})\p{Script=Cyrillic}{2,}\b"),
    "greek": regex.compile(r"\b\p{Script=Greek}(?<=\p{Lu})[\p{Script=Greek}\p{Mn}]{2,}\b"),
}
"""A capitalised word of three letters or more in each script the names are transliterated from."""
_TABLE = str.maketrans(
    {
        "а": "a", "б": "b", "в": "v", "г": "g", "ґ": "g", "д": "d", "е": "e", "ё": "e", "є": "ye", "ж": "zh",
        "з": "z", "и": "i", "і": "i", "ї": "yi", "й": "y", "ј": "j", "к": "k", "л": "l", "љ": "lj", "м": "m",
        "н": "n", "њ": "nj", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "ћ": "c", "у": "u", "ф": "f",
        "х": "kh", "ц": "ts", "ч": "ch", "џ": "dz", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e",
        "ю": "yu", "я": "ya",
        "α": "a", "β": "v", "γ": "g", "δ": "d", "ε": "e", "ζ": "z", "η": "i", "θ": "th", "ι": "i", "κ": "k",
        "λ": "l", "μ": "m", "ν": "n", "ξ": "x", "ο": "o", "π": "p", "ρ": "r", "σ": "s", "ς": "s", "τ": "t",
        "υ": "y", "φ": "f", "χ": "ch", "ψ": "ps", "ω": "o",
    }
)  # fmt: skip
"""Cyrillic (Russian, Ukrainian, Serbian letters) and Greek, one common scheme each."""
_GREEK = regex.compile(r"\p{Script=Greek}")
_GREEK_PAIRS = (("ου", "ou"), ("αυ", "av"), ("ευ", "ev"), ("γγ", "ng"), ("γκ", "gk"))
"""Greek letter pairs spelt as one sound, before the letters one by one."""


def transliterated(word: str) -> str:
    """A Cyrillic or Greek word in Latin letters, lower case, without accents (names are compared by their start).

    >>> transliterated("Горбачёв"), transliterated("Київ"), transliterated("Παπαδόπουλου")
    ('gorbachev', 'kiyiv', 'papadopoulou')
    """
    lower = unicodedata.normalize("NFC", word.lower())  # Cyrillic й, ї, ё are letters of their own
    if _GREEK.search(lower):
        lower = unaccented(lower)  # the tonos
        for greek, latin in _GREEK_PAIRS:
            lower = lower.replace(greek, latin)
    return lower.translate(_TABLE)


@dataclass(frozen=True, slots=True)
class TransliteratedNames:
    """The names a Latin-letter side writes, by their first letters, found once for a group of sequence pairs.

    >>> found = TransliteratedNames.of(["Putin met Zelensky in Kyiv.", "They met."], "cyrillic")
    >>> found.native("Путина и Зеленского видели в Киеве."), found.latin("Putin met Zelensky.")
    (['~puti', '~zele'], ['~puti', '~zele'])

    (``Киев`` is ``kiev``, not ``Kyiv``: a name spelt another way is no anchor.)
    """

    prefixes: frozenset[str]
    """The Latin side's names, each by its first :data:`PREFIX` letters (without accents)."""
    script: str
    """``cyrillic`` or ``greek``: the other side's."""

    @classmethod
    def of(cls, latin: Iterable[str], script: str) -> TransliteratedNames | None:
        text = "\n".join(latin)
        lower = set(_LATIN_LOWER.findall(text))
        names = {word for word in set(_LATIN_CAPITALISED.findall(text)) if word.lower() not in lower}
        prefixes = frozenset(_prefix(word) for word in names)
        return cls(prefixes, script) if prefixes else None

    def native(self, text: str) -> list[str]:
        """The other side's capitalised words, as tokens where a Latin name starts the same."""
        found = (_token(transliterated(word)) for word in _CAPITALISED[self.script].findall(text))
        return [token for token in found if token[1:] in self.prefixes]

    def latin(self, text: str) -> list[str]:
        return [
            token for word in _LATIN_CAPITALISED.findall(text) if (token := _token(_prefix(word)))[1:] in self.prefixes
        ]


def _prefix(word: str) -> str:
    return unaccented(word.lower())[:PREFIX]


def _token(prefix: str) -> str:
    return "~" + prefix[:PREFIX]
