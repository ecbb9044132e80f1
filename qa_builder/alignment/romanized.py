"""Names a Chinese text writes in Han and its translation in pinyin: 王丽 is "Wang Li", 河口 "Hekou".

A translation into a language written in Latin letters spells Chinese names
and places in pinyin, the strongest evidence there is that two sentences are
translations of each other, and one neither lengths nor shared tokens see.
The names are taken from the Latin side (capitalised words never written in
lower case, alone or two in a row: ``Xiuying``, ``Wang Li``), cut into pinyin
syllables, and looked for in the Han text under any reading of its
characters; a name found becomes the same anchor token on both sides. A name of
one syllable is looked for only as a common surname by which someone is
addressed (刘老师 / Teacher Liu, 老吴 / Old Wu): ``Wang`` alone is also 往 and 望,
among the commonest characters.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache

import regex

from .plain import unaccented

__all__ = ["NameAnchors", "latin_names"]

NAME_SYLLABLES = (2, 4)
"""The fewest and most pinyin syllables of a name looked for anywhere (one syllable only as a surname, see
:data:`SURNAMES`)."""
NOUN_NAME_LETTERS = 7
"""Where every noun is capitalised (German), a single word is taken for a name only from this many letters:
``Weile`` and ``Menge`` are pinyin too (为了, 们个), ``Xiuying`` and ``Shanghai`` long enough."""
SURNAMES = (
    "王李张張刘劉陈陳杨楊黄黃赵趙吴吳周徐孙孫马馬朱胡郭何高林罗羅郑鄭梁谢謝宋唐许許韩韓冯馮邓鄧曹彭曾肖萧蕭田董袁潘"
    "于蒋蔣蔡余杜叶葉程苏蘇魏吕呂丁任沈姚卢盧姜崔钟鍾谭譚陆陸汪范金石廖贾賈夏韦韋付方白邹鄒孟熊秦邱江尹薛闫閆段雷侯"
    "龙龍史陶黎贺賀顾顧毛郝龚龔邵万萬钱錢严嚴覃武戴莫孔向汤湯"
)
"""The commonest Chinese surnames, in either script: a name of one syllable (``Liu``, ``He``) is looked for only as
one of these, and only as people are addressed (:data:`ADDRESSED_AFTER`, :data:`ADDRESSED_BEFORE`)."""
ADDRESSED_AFTER = (
    "先生|女士|小姐|老师|老師|师傅|師傅|师父|師父|总|總|书记|書記|主任|大爷|大爺|大妈|大媽|阿姨|医生|醫生|教授|同志|经理|經理|"
    "局长|局長|县长|縣長|市长|市長|部长|部長|叔|伯|姐|哥|嫂|太太|夫人"
)
"""What follows a surname when a person is addressed: 刘老师 is "Teacher Liu", 何师傅 "Master He"."""
ADDRESSED_BEFORE = "老小阿"
"""What precedes a surname when a person is addressed: 老吴 is "Old Wu" or "Lao Wu"."""
_CAPITALISED = regex.compile(r"\b[A-Z][a-z]+(?:[ -][A-Z][a-z]+)?\b")
_SINGLE = regex.compile(r"\b[A-Z][a-z]+\b")
_PAIR = regex.compile(r"\b([A-Z][a-z]+)[ -]([A-Z][a-z]+)\b")
_VOWEL = regex.compile(r"[aeiouv]")
_UNIFIED = range(0x4E00, 0xA000)
"""The CJK Unified Ideographs block: the characters names are written in (the extensions are rare ones)."""


def latin_names(texts: Iterable[str], *, nouns_capitalised: bool = False) -> frozenset[str]:
    """The pinyin names the texts spell: capitalised words (and pairs of them, joined) of two to four pinyin
    syllables, or one that a common surname reads (:data:`SURNAMES`), that the texts never write in lower case;
    with ``nouns_capitalised``, single words of :data:`NOUN_NAME_LETTERS` letters or more only.

    >>> sorted(latin_names(["Wang Li sang. She sang, then Xiuying came to Shanghai. He is here, she said."]))
    ['he', 'li', 'shanghai', 'wang', 'wangli', 'xiuying']
    >>> sorted(latin_names(["Nach einer Weile kam Xiuying."], nouns_capitalised=True))
    ['xiuying']
    """
    text = "\n".join(texts)
    shortest = NOUN_NAME_LETTERS if nouns_capitalised else 0
    single = {word.lower() for word in set(_SINGLE.findall(text)) if len(word) >= shortest}
    pairs = {(first.lower(), second.lower()) for first, second in set(_PAIR.findall(text, overlapped=True))}
    single = {word for word in single if _spelt(word) or _surname(word)}
    pairs = {pair for pair in pairs if _spelt("".join(pair))}
    words = single.union(*pairs)
    if not words:
        return frozenset()
    alternatives = "|".join(sorted(words, key=len, reverse=True))
    lower = set(regex.findall(rf"\b(?:{alternatives})\b", text))  # the words also written in lower case
    return frozenset(single - lower) | {"".join(pair) for pair in pairs if not lower.intersection(pair)}


def _joined_names(text: str) -> list[str]:
    """The pairs of capitalised words ``text`` writes, each joined as one name (``Wang Li``: ``wangli``).

    >>> _joined_names("Then Wang Li and Zhao Jianhua sang.")
    ['thenwang', 'wangli', 'zhaojianhua']
    """
    joined = (match.group().lower() for match in _CAPITALISED.finditer(text, overlapped=True))
    return [name.replace(" ", "").replace("-", "") for name in joined if " " in name or "-" in name]


@dataclass(frozen=True, slots=True)
class NameAnchors:
    """The names one side spells in pinyin, found once for a group of sequence pairs (an interview's turns, or all
    its sentences), and where the Chinese side writes them.

    >>> found = NameAnchors.of(["Xiuying came to see Wang Li.", "Then she sang."])
    >>> found.names, found.native("王丽和秀英来了。"), found.latin("Wang Li came.")
    (('li', 'wang', 'wangli', 'xiuying'), ['wangli', 'xiuying'], ['wangli'])
    >>> found.native("老王往外走。")  # one syllable: only a surname as someone is addressed
    ['wang']
    """

    names: tuple[str, ...]
    """Lower-cased and joined, sorted; only those that cut into two to four pinyin syllables."""
    finder: regex.Pattern[str]

    @classmethod
    def of(cls, latin: Iterable[str], *, nouns_capitalised: bool = False) -> NameAnchors | None:
        """The names the Latin-letter texts ``latin`` spell in pinyin; None if they spell none."""
        names = tuple(sorted(latin_names(latin, nouns_capitalised=nouns_capitalised)))
        return cls(names, _finder(names)) if names else None

    def native(self, text: str) -> list[str]:
        """The names a Chinese text writes, as the Latin side spells them."""
        return [self.names[int(match.lastgroup[1:])] for match in self.finder.finditer(text) if match.lastgroup]

    def latin(self, text: str) -> list[str]:
        """The names of two words a Latin-letter text writes, joined as tokens (one word is a token already)."""
        known = set(self.names)
        return [name for name in _joined_names(text) if name in known]


@lru_cache(maxsize=1 << 16)
def _spelt(name: str) -> str:
    """A pattern for ``name`` written in Han characters under any of their readings; "" if it is no pinyin name."""
    chars = _characters()
    spellings = [
        "".join(f"[{chars[syllable]}]" for syllable in cut)
        for cut in _cuts(name)
        if NAME_SYLLABLES[0] <= len(cut) <= NAME_SYLLABLES[1]
    ]
    return "|".join(spellings)


def _finder(names: tuple[str, ...]) -> regex.Pattern[str]:
    """One pattern for all ``names``, the longest tried first; a match's ``lastgroup`` is ``n<index>``."""
    order = sorted(range(len(names)), key=lambda k: -len(names[k]))
    return regex.compile("|".join(f"(?P<n{k}>{_spelt(names[k]) or _surname(names[k])})" for k in order))


@lru_cache(maxsize=1 << 12)
def _surname(name: str) -> str:
    """A pattern for a one-syllable ``name`` as a surname someone is addressed by (``刘老师``, ``老吴``); "" if no
    common surname reads so.

    >>> bool(regex.search(_surname("liu"), "刘老师来了")), bool(regex.search(_surname("liu"), "刘海很长"))
    (True, False)
    """
    chars = "".join(char for char in _characters().get(name, "") if char in SURNAMES)
    if not chars:
        return ""
    return rf"(?<=[{ADDRESSED_BEFORE}])[{chars}]|[{chars}](?={ADDRESSED_AFTER})"


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
            found[unaccented(reading)].add(chr(code))
    return {
        syllable: "".join(sorted(chars))
        for syllable, chars in found.items()
        if syllable.isascii() and _VOWEL.search(syllable)  # not the interjections n, ng, m, hm
    }
