"""Pair two translations' turns without model weights: a banded dynamic program.

In the spirit of Gale–Church and hunalign, the aligner chooses beads (1–1,
1–0, 0–1, 1–2, 2–1) minimising a cost that combines what turns tell in any
language:

* **length** — the log ratio of the two sides' lengths against the ratio
  learnt from the interview itself (its totals), with a spread re-estimated
  from a first pass's 1–1 beads;
* **who speaks** — role and canonical speaker, mismatches cost but do not
  forbid (translations disagree about who speaks);
* **anchors** — numbers, Latin-script names and terms (``OpenAI``, ``Q*``,
  ``X``) and question marks: tokens found in both documents, weighted by
  rarity, compared by weighted Jaccard.

Each bead gets a score in [0, 1] (``exp(-cost / 3)``). Deterministic: ties
break in a fixed bead order. The band keeps it O((m + n) · band).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import regex

__all__ = ["AlignItem", "Bead", "align", "bead_pairs"]

_TOKEN = regex.compile(r"\d+(?:[.,]\d+)*|\p{Latin}[\p{Latin}\p{N}]*[*+]?|[?？]")
# 2-0 and 0-2 skip a whole exchange (a question and its answer) at once:
# translations drop exchanges, and one bead for it beats two loose skips.
_BEADS = ((1, 1), (1, 0), (0, 1), (2, 1), (1, 2), (2, 0), (0, 2))
_SKIP_COST = 3.0
_EXCHANGE_SKIP_COST = 3.6
_MERGE_COST = 1.5
_ROLE_COST = 2.0
_SPEAKER_COST = 1.0
_ANCHOR_WEIGHT = 2.0
_SHORT_TURN_VARIANCE = 2.0
_SCORE_SCALE = 3.0


@dataclass(frozen=True, slots=True)
class AlignItem:
    """What the aligner needs of a turn (or a sentence)."""

    text: str
    role: str = ""
    speaker: str = ""


@dataclass(frozen=True, slots=True)
class Bead:
    left: tuple[int, ...]
    right: tuple[int, ...]
    score: float
    flags: tuple[str, ...]

    @property
    def kind(self) -> str:
        return f"{len(self.left)}-{len(self.right)}"

    @property
    def paired(self) -> bool:
        return bool(self.left and self.right)


@dataclass(frozen=True, slots=True)
class _Model:
    ratio: float
    spread: float
    weights: dict[str, float]


@dataclass(frozen=True, slots=True)
class _Problem:
    """The two sides, their anchor tokens and the cost model of one alignment run."""

    left: Sequence[AlignItem]
    right: Sequence[AlignItem]
    left_tokens: Sequence[Counter[str]]
    right_tokens: Sequence[Counter[str]]
    model: _Model


def align(left: Sequence[AlignItem], right: Sequence[AlignItem], *, band: int | None = None) -> list[Bead]:
    """Align two sequences; every item is in exactly one bead.

    >>> [b.kind for b in align([AlignItem("Q: OpenAI?", "interviewer")], [AlignItem("F: OpenAI?", "interviewer")])]
    ['1-1']
    """
    if not left and not right:
        return []
    left_tokens = [_tokens(item.text) for item in left]
    right_tokens = [_tokens(item.text) for item in right]
    model = _Model(_length_ratio(left, right), 0.6, _anchor_weights(left_tokens, right_tokens))
    width = band if band is not None else max(8, (max(len(left), len(right)) + 4) // 5)
    beads = _run(_Problem(left, right, left_tokens, right_tokens, model), width)
    model = _Model(model.ratio, _spread(beads, left, right, model.ratio), model.weights)
    return _run(_Problem(left, right, left_tokens, right_tokens, model), width)


def bead_pairs(beads: Sequence[Bead]) -> set[tuple[int, int]]:
    """Every (left, right) link the beads make, for precision and recall."""
    return {(i, j) for bead in beads for i in bead.left for j in bead.right}


def _tokens(text: str) -> Counter[str]:
    return Counter(token.casefold().replace("？", "?") for token in _TOKEN.findall(text))


def _length(items: Sequence[AlignItem]) -> int:
    return sum(len(item.text) - item.text.count(" ") for item in items)


def _length_ratio(left: Sequence[AlignItem], right: Sequence[AlignItem]) -> float:
    return max(_length(right), 1) / max(_length(left), 1)


def _anchor_weights(left: Sequence[Counter[str]], right: Sequence[Counter[str]]) -> dict[str, float]:
    """Tokens in both documents, weighted by rarity (idf over all turns)."""
    shared = set().union(*left, set()) & set().union(*right, set())
    df = Counter(token for counts in (*left, *right) for token in counts if token in shared)
    total = len(left) + len(right)
    return {token: math.log(1 + total / df[token]) for token in sorted(shared)}


def _spread(beads: Sequence[Bead], left: Sequence[AlignItem], right: Sequence[AlignItem], ratio: float) -> float:
    residuals = sorted(abs(_log_ratio([left[b.left[0]]], [right[b.right[0]]], ratio)) for b in beads if b.kind == "1-1")
    if len(residuals) < 4:
        return 0.6
    return max(0.15, 1.4826 * residuals[len(residuals) // 2])


def _log_ratio(a: Sequence[AlignItem], b: Sequence[AlignItem], ratio: float) -> float:
    return math.log((_length(b) + 1) / (ratio * (_length(a) + 1)))


def _run(problem: _Problem, width: int) -> list[Bead]:
    m, n = len(problem.left), len(problem.right)
    inf = math.inf
    cost: dict[tuple[int, int], float] = {(0, 0): 0.0}
    back: dict[tuple[int, int], tuple[int, int, float]] = {}
    for i in range(m + 1):
        centre = i * n / m if m else 0
        for j in range(max(0, int(centre - width)), min(n, int(centre + width)) + 1):
            if i == j == 0:
                continue
            best, choice = inf, (0, 0, 0.0)
            for di, dj in _BEADS:
                previous = cost.get((i - di, j - dj), inf)
                if previous == inf:
                    continue
                step = _bead_cost(problem, i - di, i, j - dj, j)
                if previous + step < best:
                    best, choice = previous + step, (di, dj, step)
            if best < inf:
                cost[(i, j)] = best
                back[(i, j)] = choice
    if (m, n) not in cost:
        return _run(problem, width * 2)
    return _backtrack(back, m, n, problem.left, problem.right)


def _backtrack(
    back: dict[tuple[int, int], tuple[int, int, float]],
    m: int,
    n: int,
    left: Sequence[AlignItem],
    right: Sequence[AlignItem],
) -> list[Bead]:
    beads: list[Bead] = []
    i, j = m, n
    while i or j:
        di, dj, step = back[(i, j)]
        a, b = tuple(range(i - di, i)), tuple(range(j - dj, j))
        beads.append(Bead(a, b, round(math.exp(-step / _SCORE_SCALE), 4), _flags(left, right, a, b)))
        i, j = i - di, j - dj
    return beads[::-1]


def _flags(
    left: Sequence[AlignItem], right: Sequence[AlignItem], a: tuple[int, ...], b: tuple[int, ...]
) -> tuple[str, ...]:
    if not a or not b:
        return ()
    who_left = {(left[i].role, left[i].speaker) for i in a}
    who_right = {(right[j].role, right[j].speaker) for j in b}
    return ("speaker_mismatch",) if who_left != who_right else ()


def _bead_cost(problem: _Problem, i0: int, i1: int, j0: int, j1: int) -> float:
    left, right, model = problem.left, problem.right, problem.model
    if i0 == i1 or j0 == j1:
        skipped = left[i0:i1] or right[j0:j1]
        if len(skipped) == 1:
            return _SKIP_COST
        is_exchange = skipped[0].role == "interviewer" and skipped[1].role == "interviewee"
        return _EXCHANGE_SKIP_COST if is_exchange else math.inf
    a, b = left[i0:i1], right[j0:j1]
    total = 0.0 if len(a) == len(b) == 1 else _MERGE_COST
    variance = model.spread**2 + _SHORT_TURN_VARIANCE / (1 + min(_length(a), _length(b) / model.ratio))
    total += _log_ratio(a, b, model.ratio) ** 2 / (2 * variance)
    if {x.role for x in a} != {y.role for y in b}:
        total += _ROLE_COST
    elif {x.speaker for x in a} != {y.speaker for y in b}:
        total += _SPEAKER_COST
    similarity = _anchor_similarity(
        sum(problem.left_tokens[i0:i1], Counter()), sum(problem.right_tokens[j0:j1], Counter()), model
    )
    if similarity is not None:
        total += _ANCHOR_WEIGHT * (1 - similarity)
    return total


def _anchor_similarity(a: Counter[str], b: Counter[str], model: _Model) -> float | None:
    weights = model.weights
    keys = {t for t in a if t in weights} | {t for t in b if t in weights}
    if not keys:
        return None
    shared = sum(weights[t] * min(a[t], b[t]) for t in keys)
    union = sum(weights[t] * max(a[t], b[t]) for t in keys)
    return shared / union
