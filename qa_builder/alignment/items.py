"""What the aligner is given: items, the costs of beads, and each problem as plain lists.

An :class:`AlignItem` is what the aligner needs of a turn or a sentence: its
text, who says it, and whether it asks or answers (a skipped question and its
answer may go as one bead). :class:`Costs` are the beads an alignment may use
and what each part of a bead costs. A :class:`Problem` is one pair of sequences
as the cost engine (:mod:`qa_builder.alignment.stepcost`) reads them.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import chain
from typing import Literal, Protocol

import regex

from ..languages import nouns_capitalised, romanization
from .numbers import han_numerals, normalize_numbers
from .plain import unaccented
from .romanized import NameAnchors
from .transliterated import TransliteratedNames

__all__ = [
    "ANCHOR_BALANCE",
    "SENTENCE_COSTS",
    "TURN_COSTS",
    "AlignItem",
    "Costs",
    "Names",
    "NamesSide",
    "Problem",
    "Side",
    "anchor_tokens",
    "item_length",
    "name_anchors",
]

ANCHOR_BALANCE = 0.5
"""A token shared by both sequences is an anchor only if the rarer side uses it at least this often relative to
the other (a name: 3 and 4 times; ``die`` in German and English: 40 and 2 times, no anchor)."""

Function = Literal["asks", "answers", ""]


@dataclass(frozen=True, slots=True)
class AlignItem:
    """What the aligner needs of a turn (or a sentence)."""

    text: str
    role: str = ""
    speaker: str = ""
    function: Function = ""
    """Whether the item asks, answers, or neither (sentences, a chair's turn)."""


def item_length(text: str) -> int:
    """An item's length as the length model counts it: its characters but spaces (a CJK text has none).

    >>> item_length("Ja, gut."), item_length("好的。")
    (7, 3)
    """
    return len(text) - text.count(" ")


@dataclass(frozen=True, slots=True)
class Costs:
    """The beads an alignment may use and what each part of a bead costs.

    ``exchange_skip`` prices a 2–0 or 0–2 bead, allowed only where the two
    skipped items are a question and its answer (translations drop
    exchanges, and one bead for it beats two loose skips). ``merge`` is paid
    once per item beyond the first on each side (a 2–1 pays it once, a 2–2
    twice); a bead with two or more items on both sides pays ``crossed`` on
    top. Two sentences translated as two are nearly always two 1–1 beads,
    but a 2–2 pays one length and one anchor cost where the two 1–1s pay
    two of each, and a name or number that moved across the sentence
    boundary makes the merged pair look better than either 1–1 (measured on
    ``tests/fixtures/alignment``: without it, 18 of 22 predicted de–fr and
    en–de 2–2 beads were wrong; with it, 7 of 11).

    ``similarity`` is an optional hook for a learnt scorer, never needed:
    given the two sides of candidate beads (each side's texts joined with a
    space), it returns their similarities in [0, 1] — say the cosine of
    multilingual sentence embeddings, as Vecalign and Bertalign use — and
    each bead pays ``similarity_weight × (1 − similarity)`` on top.
    """

    beads: tuple[tuple[int, int], ...]
    tokens: regex.Pattern[str]
    similarity: Callable[[Sequence[str], Sequence[str]], Sequence[float]] | None = None
    similarity_weight: float = 2.0
    skip: float = 3.0
    exchange_skip: float = 3.6
    merge: float = 1.5
    crossed: float = 0.0
    role: float = 2.0
    speaker: float = 1.0
    anchor_weight: float = 2.0
    short_variance: float = 2.0
    spread: float = 0.6


_QUOTES = '"“”„‟«»「」『』＂'
"""Double quotation marks in every language (single ones are left out: ``’`` is also an apostrophe)."""

TURN_COSTS = Costs(
    beads=((1, 1), (1, 0), (0, 1), (2, 1), (1, 2), (2, 0), (0, 2)),
    tokens=regex.compile(r"\d+(?:[.,]\d+)*|\p{Latin}[\p{Latin}\p{N}]*[*+]?|[?？]"),
)
SENTENCE_COSTS = Costs(
    beads=((1, 1), (1, 0), (0, 1), (2, 1), (1, 2), (2, 2), (3, 1), (1, 3)),
    tokens=regex.compile(rf"\d+(?:[.,]\d+)*|\p{{Latin}}[\p{{Latin}}\p{{N}}]*[*+]?|[?？!！{_QUOTES}]"),
    skip=2.5,
    merge=1.0,
    crossed=0.5,
    anchor_weight=2.5,
)


@dataclass(frozen=True, slots=True)
class Side:
    """What the costs need of one sequence, as plain lists."""

    lengths: list[int]  # non-space characters of each item
    anchors: list[dict[int, int]]  # each item's count of each shared token (by column)
    roles: list[int]  # role codes
    speakers: list[int]  # speaker codes
    asks: list[bool]
    answers: list[bool]
    texts: list[str]  # the items' texts

    @property
    def size(self) -> int:
        return len(self.roles)


@dataclass(frozen=True, slots=True)
class Problem:
    """One pair of sequences to align, with the anchor tokens they share weighted by rarity."""

    left: Side
    right: Side
    items: tuple[Sequence[AlignItem], Sequence[AlignItem]]
    weights: list[float]  # idf of each shared token, by column
    costs: Costs

    @property
    def size(self) -> int:
        return self.left.size + self.right.size

    @classmethod
    def of(
        cls,
        left: Sequence[AlignItem],
        right: Sequence[AlignItem],
        costs: Costs,
        langs: tuple[str, str] = ("", ""),
        names: NamesSide | None = None,
    ) -> Problem:
        """The problem of aligning ``left`` with ``right``, in the languages ``langs`` ("" for unknown), with the
        ``names`` of :func:`name_anchors` found over its group.

        Anchors are the tokens both sides use about as often (:data:`ANCHOR_BALANCE`): a name, a number, a
        question mark. A word both languages happen to spell alike (``in``, ``die``, ``de``) is frequent on one
        side only, and is no evidence that two sentences are translations. Numbers count by value, also in Han
        numerals (:func:`~qa_builder.alignment.numbers.han_numerals`), and a Chinese side's names count as
        the pinyin the other side spells them in (:mod:`~qa_builder.alignment.romanized`).
        """
        tokens = [
            _side_tokens(side, costs.tokens, han_numerals(lang))
            for side, lang in zip((left, right), langs, strict=True)
        ]
        if names is not None:
            _add_names(tokens, (left, right), names)
        totals = [Counter(chain.from_iterable(side)) for side in tokens]
        shared = sorted(
            token
            for token in totals[0].keys() & totals[1].keys()
            if min(totals[0][token], totals[1][token]) >= ANCHOR_BALANCE * max(totals[0][token], totals[1][token])
        )
        column = {token: k for k, token in enumerate(shared)}
        anchors = [[_columns(found, column) for found in side] for side in tokens]
        df = Counter(k for side in anchors for bag in side for k in bag)
        weights = [math.log(1 + (len(left) + len(right)) / df[k]) for k in range(len(shared))]
        role_codes: dict[str, int] = {}
        speaker_codes: dict[str, int] = {}
        sides = [
            Side(
                lengths=[item_length(item.text) for item in side],
                anchors=bags,
                roles=[role_codes.setdefault(item.role, len(role_codes)) for item in side],
                speakers=[speaker_codes.setdefault(item.speaker, len(speaker_codes)) for item in side],
                asks=[item.function == "asks" for item in side],
                answers=[item.function == "answers" for item in side],
                texts=[item.text for item in side],
            )
            for side, bags in zip((left, right), anchors, strict=True)
        ]
        return cls(sides[0], sides[1], (left, right), weights, costs)


class Names(Protocol):
    """Names a side writes in its own script that the other side spells in Latin letters, as anchor tokens."""

    def native(self, text: str) -> list[str]: ...

    def latin(self, text: str) -> list[str]: ...


NamesSide = tuple[int, Names]
"""Which side of a pair (0 or 1) writes names in its own script, and the names the other side spells."""


def name_anchors(
    pairs: Sequence[tuple[Sequence[AlignItem], Sequence[AlignItem]]], langs: tuple[str, str]
) -> NamesSide | None:
    """For sequence pairs in the languages ``langs``: where one side writes names in another script than the
    other's Latin letters (``languages.toml``'s ``romanization``: pinyin for Chinese, cyrillic for Russian,
    Ukrainian, Bulgarian, Serbian, greek for Greek), the names the Latin side spells, found over all the pairs at
    once."""
    for native, latin in ((0, 1), (1, 0)):
        system = romanization(langs[native])
        if system is None or romanization(langs[latin]) is not None:
            continue
        texts = (item.text for pair in pairs for item in pair[latin])
        found: Names | None = (
            NameAnchors.of(texts, nouns_capitalised=nouns_capitalised(langs[latin]))
            if system == "pinyin"
            else TransliteratedNames.of(texts, system)
        )
        return (native, found) if found is not None else None
    return None


def _add_names(
    tokens: list[list[list[str]]], sides: tuple[Sequence[AlignItem], Sequence[AlignItem]], names: NamesSide
) -> None:
    """Add to each item the names it writes (``王丽`` and ``Wang Li`` both become ``wangli``)."""
    native, found = names
    for bag, item in zip(tokens[native], sides[native], strict=True):
        bag += found.native(item.text)
    for bag, item in zip(tokens[1 - native], sides[1 - native], strict=True):
        bag += found.latin(item.text)


_CANONICAL = {"？": "?", "！": "!", **dict.fromkeys(_QUOTES, '"')}
"""Marks written alike as one token. Every language's double quotation marks are one: quoted speech is quoted in a
translation too, whatever its marks (``„Ja“``, ``« Oui »``, ``“是的”``, ``「是的」``). Single quotes are left out:
``’`` is also an apostrophe."""


def _side_tokens(side: Sequence[AlignItem], pattern: regex.Pattern[str], han: bool) -> list[list[str]]:
    return [_tokens(item.text, pattern, han=han) for item in side]


def _tokens(text: str, pattern: regex.Pattern[str], *, han: bool = False) -> list[str]:
    """The anchor tokens of ``text``: numbers by value, words without their accents, marks written alike as one.

    Accents are dropped because a translation may spell a word without them (``pétitions`` / ``petitions``,
    ``Zürich`` / ``Zurich``, ``José`` / ``Jose``): measured on ``tests/fixtures/alignment``, en–fr strict F1
    0.816 → 0.850, no other pair changed.

    >>> _tokens("Pétitions: 1.500 „Ja“?", SENTENCE_COSTS.tokens)
    ['petitions', '1500', '"', 'ja', '"', '?']
    """
    text = normalize_numbers(text, han=han).casefold()
    text = unaccented(text)
    return [_CANONICAL.get(token, token) for token in pattern.findall(text)]


def anchor_tokens(text: str, lang: str = "") -> set[str]:
    """The tokens a turn could share with its translation in language ``lang`` (numbers by value, words in Latin
    letters, question marks), as the turn aligner reads them.

    >>> sorted(anchor_tokens("Warum 2013, Frau Voß?", "de")), sorted(anchor_tokens("为什么是二〇一三年？", "zh"))
    (['2013', '?', 'frau', 'voss', 'warum'], ['2013', '?'])
    """
    return set(_tokens(text, TURN_COSTS.tokens, han=han_numerals(lang)))


def _columns(tokens: list[str], column: dict[str, int]) -> dict[int, int]:
    """How often an item uses each shared token, by the token's column."""
    counts: dict[int, int] = {}
    for token in tokens:
        k = column.get(token)
        if k is not None:
            counts[k] = counts.get(k, 0) + 1
    return counts
