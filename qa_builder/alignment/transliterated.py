"""Names a Cyrillic text writes and its translation spells in Latin letters: Путин is "Putin", Горбачёва "Gorbachev".

Russian, Ukrainian, Bulgarian and Serbian texts decline names (Путина, Путину),
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

__all__ = ["CyrillicNames"]

PREFIX = 4
"""Letters of a transliterated name compared: enough to tell most names apart, few enough for endings and
spelling systems (``Путина`` / ``Putin``, ``Горбачёв`` / ``Gorbatschow``: ``gorb``)."""
_LATIN_CAPITALISED = regex.compile(r"\b\p{Lu}\p{Ll}{2,}\b")
_LATIN_LOWER = regex.compile(r"\b\p{Ll}{3,}\b")
_CYRILLIC_CAPITALISED = regex.compile(r"\b\p{Script=Cyrillic}(?<=\p{Lu})\p{Script=Cyrillic}{2,}\b")
_TABLE = str.maketrans(
    {
        "а": "a", "б": "b", "в": "v", "г": "g", "ґ": "g", "д": "d", "е": "e", "ё": "e", "є": "ye", "ж": "zh",
        "з": "z", "и": "i", "і": "i", "ї": "yi", "й": "y", "ј": "j", "к": "k", "л": "l", "љ": "lj", "м": "m",
        "н": "n", "њ": "nj", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "ћ": "c", "у": "u", "ф": "f",
        "х": "kh", "ц": "ts", "ч": "ch", "џ": "dz", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e",
        "ю": "yu", "я": "ya",
    }
)  # fmt: skip


def transliterated(word: str) -> str:
    """A Cyrillic word in Latin letters, lower case (one common scheme; names are compared by their start).

    >>> transliterated("Горбачёв"), transliterated("Київ")
    ('gorbachev', 'kiyiv')
    """
    return word.lower().translate(_TABLE)


@dataclass(frozen=True, slots=True)
class CyrillicNames:
    """The names a Latin-letter side writes, by their first letters, found once for a group of sequence pairs.

    >>> found = CyrillicNames.of(["Putin met Zelensky in Kyiv.", "They met."])
    >>> found.native("Путина и Зеленского видели в Киеве."), found.latin("Putin met Zelensky.")
    (['~puti', '~zele'], ['~puti', '~zele'])

    (``Киев`` is ``kiev``, not ``Kyiv``: a name spelt another way is no anchor.)
    """

    prefixes: frozenset[str]
    """The Latin side's names, each by its first :data:`PREFIX` letters (without accents)."""

    @classmethod
    def of(cls, latin: Iterable[str]) -> CyrillicNames | None:
        text = "\n".join(latin)
        lower = set(_LATIN_LOWER.findall(text))
        names = {word for word in set(_LATIN_CAPITALISED.findall(text)) if word.lower() not in lower}
        prefixes = frozenset(_prefix(word) for word in names)
        return cls(prefixes) if prefixes else None

    def native(self, text: str) -> list[str]:
        """The Cyrillic side's capitalised words, as tokens where a Latin name starts the same."""
        found = (_token(transliterated(word)) for word in _CYRILLIC_CAPITALISED.findall(text))
        return [token for token in found if token[1:] in self.prefixes]

    def latin(self, text: str) -> list[str]:
        return [
            token for word in _LATIN_CAPITALISED.findall(text) if (token := _token(_prefix(word)))[1:] in self.prefixes
        ]


def _prefix(word: str) -> str:
    plain = "".join(c for c in unicodedata.normalize("NFD", word.lower()) if not unicodedata.combining(c))
    return plain[:PREFIX]


def _token(prefix: str) -> str:
    return "~" + prefix[:PREFIX]
