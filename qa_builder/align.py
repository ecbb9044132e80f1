"""Pair two translations' items without model weights: a banded dynamic program.

In the spirit of Gale–Church and hunalign, the aligner chooses beads (1–1,
1–0, 0–1, 1–2, 2–1, …; which ones is part of the :class:`Costs`) minimising a
cost that combines what items tell in any language:

* **length** — the log ratio of the two sides' lengths against the ratio
  learnt from the data (all right-hand lengths over all left-hand ones),
  with a spread re-estimated from a first pass's 1–1 beads;
* **who speaks** — role and canonical speaker, mismatches cost but do not
  forbid (translations disagree about who speaks);
* **anchors** — numbers, Latin-script names and terms (``OpenAI``, ``Q*``,
  ``X``) and punctuation such as ``?``: tokens found in both sequences,
  weighted by rarity, compared by weighted Jaccard.

The same engine aligns turns (:data:`TURN_COSTS`) and the sentences inside a
turn pair (:data:`SENTENCE_COSTS`). Costs of every bead at every cell of the
band are computed at once with numpy (prefix sums make merged items cheap);
the recurrence itself is a flat loop. Each bead gets a score in [0, 1]
(``exp(-cost / 3)``). Deterministic: ties break in a fixed bead order.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np
import regex

__all__ = ["SENTENCE_COSTS", "TURN_COSTS", "AlignItem", "Bead", "Costs", "align", "align_many", "bead_pairs"]

_SCORE_SCALE = 3.0
_INTERVIEWER, _INTERVIEWEE = "interviewer", "interviewee"


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
class Costs:
    """The beads an alignment may use and what each part of a bead costs.

    ``exchange_skip`` prices a 2–0 or 0–2 bead, allowed only where the two
    skipped items are a question and its answer (translations drop
    exchanges, and one bead for it beats two loose skips). ``merge`` is paid
    once per item beyond the first on each side (a 2–1 pays it once, a 2–2
    twice).
    """

    beads: tuple[tuple[int, int], ...]
    tokens: regex.Pattern[str]
    skip: float = 3.0
    exchange_skip: float = 3.6
    merge: float = 1.5
    role: float = 2.0
    speaker: float = 1.0
    anchor_weight: float = 2.0
    short_variance: float = 2.0
    spread: float = 0.6


TURN_COSTS = Costs(
    beads=((1, 1), (1, 0), (0, 1), (2, 1), (1, 2), (2, 0), (0, 2)),
    tokens=regex.compile(r"\d+(?:[.,]\d+)*|\p{Latin}[\p{Latin}\p{N}]*[*+]?|[?？]"),
)
SENTENCE_COSTS = Costs(
    beads=((1, 1), (1, 0), (0, 1), (2, 1), (1, 2), (2, 2), (3, 1), (1, 3)),
    tokens=regex.compile(r"\d+(?:[.,]\d+)*|\p{Latin}[\p{Latin}\p{N}]*[*+]?|[?？!！]"),
    skip=2.5,
    merge=1.0,
    anchor_weight=2.5,
)


def align(
    left: Sequence[AlignItem], right: Sequence[AlignItem], *, band: int | None = None, costs: Costs = TURN_COSTS
) -> list[Bead]:
    """Align two sequences; every item is in exactly one bead.

    >>> [b.kind for b in align([AlignItem("Q: OpenAI?", "interviewer")], [AlignItem("F: OpenAI?", "interviewer")])]
    ['1-1']
    """
    return align_many([(left, right)], band=band, costs=costs)[0]


def align_many(
    pairs: Sequence[tuple[Sequence[AlignItem], Sequence[AlignItem]]],
    *,
    band: int | None = None,
    costs: Costs = TURN_COSTS,
) -> list[list[Bead]]:
    """Align many sequence pairs (say, the sentences of every turn pair) with one length model.

    Gale–Church style, the model is estimated from the data: one length ratio
    (all right-hand lengths over all left-hand ones) and one spread pooled
    over the 1–1 beads of a first pass over all the pairs. A short pair alone
    could not estimate either, and a pair's own ratio would hide a sentence
    its translation dropped.

    >>> pairs = [([AlignItem("Ja.")], [AlignItem("对。")])]
    >>> [[b.kind for b in beads] for beads in align_many(pairs, costs=SENTENCE_COSTS)]
    [['1-1']]
    """
    problems = [_Problem.of(left, right, costs) for left, right in pairs]
    left_total = sum(float(problem.left.lengths[-1]) for problem in problems)
    right_total = sum(float(problem.right.lengths[-1]) for problem in problems)
    ratio = max(right_total, 1.0) / max(left_total, 1.0)
    problems = [replace(problem, ratio=ratio) for problem in problems]
    widths = [band if band is not None else max(8, (max(p.left.size, p.right.size) + 4) // 5) for p in problems]
    first = [_solve(problem, width) if problem.size else [] for problem, width in zip(problems, widths, strict=True)]
    spread = _spread(list(zip(first, problems, strict=True)), costs.spread)
    return [
        _solve(replace(problem, spread=spread), width) if problem.size else []
        for problem, width in zip(problems, widths, strict=True)
    ]


def bead_pairs(beads: Sequence[Bead]) -> set[tuple[int, int]]:
    """Every (left, right) link the beads make, for precision and recall."""
    return {(i, j) for bead in beads for i in bead.left for j in bead.right}


@dataclass(frozen=True, slots=True)
class _Side:
    """One sequence as arrays: prefix sums of lengths and anchor counts, role and speaker codes."""

    lengths: np.ndarray  # (k + 1,) prefix sums of non-space characters
    anchors: np.ndarray  # (k + 1, V) prefix sums of shared-token counts
    roles: np.ndarray  # (k,) role codes
    speakers: np.ndarray  # (k,) speaker codes

    @property
    def size(self) -> int:
        return len(self.roles)


@dataclass(frozen=True, slots=True)
class _Problem:
    left: _Side
    right: _Side
    items: tuple[Sequence[AlignItem], Sequence[AlignItem]]
    weights: np.ndarray  # (V,) idf of each shared token
    role_codes: dict[str, int]
    ratio: float
    spread: float
    costs: Costs

    @property
    def size(self) -> int:
        return self.left.size + self.right.size

    @classmethod
    def of(cls, left: Sequence[AlignItem], right: Sequence[AlignItem], costs: Costs) -> _Problem:
        counts = [[_tokens(item.text, costs.tokens) for item in side] for side in (left, right)]
        shared = sorted(set().union(*counts[0], set()) & set().union(*counts[1], set()))
        df = Counter(token for side in counts for bag in side for token in bag)
        weights = np.array([math.log(1 + (len(left) + len(right)) / df[token]) for token in shared])
        role_codes: dict[str, int] = {}
        speaker_codes: dict[str, int] = {}
        sides = [
            _side(side, bags, shared, role_codes, speaker_codes)
            for side, bags in zip((left, right), counts, strict=True)
        ]
        return cls(sides[0], sides[1], (left, right), weights, role_codes, 1.0, costs.spread, costs)


def _tokens(text: str, pattern: regex.Pattern[str]) -> Counter[str]:
    return Counter(pattern.findall(text.casefold().replace("？", "?").replace("！", "!")))


def _side(
    items: Sequence[AlignItem],
    bags: Sequence[Counter[str]],
    shared: list[str],
    role_codes: dict[str, int],
    speaker_codes: dict[str, int],
) -> _Side:
    column = {token: k for k, token in enumerate(shared)}
    counts = np.zeros((len(items) + 1, len(shared)))
    for row, bag in enumerate(bags, start=1):
        for token, count in bag.items():
            if token in column:
                counts[row, column[token]] = count
    lengths = np.array([0] + [len(item.text) - item.text.count(" ") for item in items], dtype=float)
    return _Side(
        lengths=np.cumsum(lengths),
        anchors=np.cumsum(counts, axis=0),
        roles=np.array([role_codes.setdefault(item.role, len(role_codes)) for item in items], dtype=np.int64),
        speakers=np.array(
            [speaker_codes.setdefault(item.speaker, len(speaker_codes)) for item in items], dtype=np.int64
        ),
    )


def _spread(runs: Sequence[tuple[Sequence[Bead], _Problem]], default: float) -> float:
    """A robust spread (1.4826 × median absolute log ratio) of the runs' 1–1 beads."""
    residuals: list[float] = []
    for beads, problem in runs:
        ones = [b for b in beads if b.kind == "1-1"]
        a = np.diff(problem.left.lengths)[[b.left[0] for b in ones]]
        b = np.diff(problem.right.lengths)[[b.right[0] for b in ones]]
        residuals += np.abs(np.log((b + 1) / (problem.ratio * (a + 1)))).tolist()
    if len(residuals) < 4:
        return default
    return max(0.15, 1.4826 * sorted(residuals)[len(residuals) // 2])


@dataclass(frozen=True, slots=True)
class _Band:
    """The cells (i, j) the recurrence visits, row by row, as flat arrays."""

    rows: np.ndarray
    cols: np.ndarray
    start: np.ndarray  # flat index of each row's first cell
    low: np.ndarray  # each row's first column
    high: np.ndarray  # each row's last column

    @classmethod
    def around_diagonal(cls, m: int, n: int, width: int) -> _Band:
        centre = np.arange(m + 1) * n / m if m else np.zeros(1)
        low = np.maximum(0, (centre - width).astype(np.int64))
        high = np.minimum(n, (centre + width).astype(np.int64))
        sizes = high - low + 1
        start = np.concatenate([[0], np.cumsum(sizes)[:-1]])
        rows = np.repeat(np.arange(m + 1), sizes)
        cols = np.arange(int(sizes.sum())) - np.repeat(start, sizes) + np.repeat(low, sizes)
        return cls(rows, cols, start, low, high)

    def index(self, i: np.ndarray, j: np.ndarray) -> np.ndarray:
        """Flat index of each cell (i, j), or -1 where it is outside the band."""
        inside = i >= 0
        i_safe = np.where(inside, i, 0)
        inside &= (j >= self.low[i_safe]) & (j <= self.high[i_safe])
        return np.where(inside, self.start[i_safe] + j - self.low[i_safe], -1)


def _solve(problem: _Problem, width: int) -> list[Bead]:
    m, n = problem.left.size, problem.right.size
    band = _Band.around_diagonal(m, n, width)
    steps = [_step_costs(problem, band, di, dj) for di, dj in problem.costs.beads]
    total, choice = _recurrence(band, problem.costs.beads, steps)
    end = len(band.rows) - 1
    if total[end] == math.inf:
        return _solve(problem, width * 2)
    return _backtrack(problem, band, choice, steps, end)


def _step_costs(problem: _Problem, band: _Band, di: int, dj: int) -> tuple[np.ndarray, np.ndarray]:
    """For one bead shape: each cell's predecessor (-1 if none) and the cost of the step."""
    i, j = band.rows, band.cols
    previous = band.index(i - di, j - dj)
    cost = np.full(len(i), math.inf)
    ok = previous >= 0
    if di and dj:
        cost[ok] = _pair_cost(problem, i[ok], j[ok], di, dj)
    elif di + dj == 1:
        cost[ok] = problem.costs.skip
    else:
        side, ends = (problem.left, i) if di else (problem.right, j)
        ok &= ends >= 2
        first, second = side.roles[np.maximum(ends - 2, 0)], side.roles[np.maximum(ends - 1, 0)]
        exchange = _role_is(problem, first, _INTERVIEWER) & _role_is(problem, second, _INTERVIEWEE)
        cost[ok & exchange] = problem.costs.exchange_skip
    previous[cost == math.inf] = -1
    return previous, cost


def _role_is(problem: _Problem, codes: np.ndarray, role: str) -> np.ndarray:
    return np.asarray(codes == problem.role_codes.get(role, -1))


def _pair_cost(problem: _Problem, i: np.ndarray, j: np.ndarray, di: int, dj: int) -> np.ndarray:
    costs, left, right = problem.costs, problem.left, problem.right
    a = left.lengths[i] - left.lengths[i - di]
    b = right.lengths[j] - right.lengths[j - dj]
    variance = problem.spread**2 + costs.short_variance / (1 + np.minimum(a, b / problem.ratio))
    total = costs.merge * (di + dj - 2) + np.log((b + 1) / (problem.ratio * (a + 1))) ** 2 / (2 * variance)
    roles_differ = _codes_differ(left.roles, right.roles, i, j, di, dj)
    speakers_differ = _codes_differ(left.speakers, right.speakers, i, j, di, dj)
    total += np.where(roles_differ, costs.role, np.where(speakers_differ, costs.speaker, 0.0))
    mine = left.anchors[i] - left.anchors[i - di]
    theirs = right.anchors[j] - right.anchors[j - dj]
    union = np.maximum(mine, theirs) @ problem.weights
    shared = np.minimum(mine, theirs) @ problem.weights
    similarity = np.divide(shared, union, out=np.ones_like(union), where=union > 0)
    return np.asarray(total + costs.anchor_weight * (1 - similarity))


def _codes_differ(left: np.ndarray, right: np.ndarray, i: np.ndarray, j: np.ndarray, di: int, dj: int) -> np.ndarray:
    """Whether the set of codes over left[i-di:i] differs from the set over right[j-dj:j]."""
    mine = [left[i - k] for k in range(1, di + 1)]
    theirs = [right[j - k] for k in range(1, dj + 1)]
    differ = np.zeros(len(i), dtype=bool)
    for code in mine:
        differ |= ~np.logical_or.reduce([code == other for other in theirs])
    for code in theirs:
        differ |= ~np.logical_or.reduce([code == other for other in mine])
    return differ


def _recurrence(
    band: _Band, beads: Sequence[tuple[int, int]], steps: Sequence[tuple[np.ndarray, np.ndarray]]
) -> tuple[np.ndarray, np.ndarray]:
    """Best total cost of every cell, and the bead shape that reaches it, row by row.

    Steps from earlier rows are taken for a whole row at once; steps within the
    row (``0-k`` beads) need the row's earlier cells, so they run cell by cell.
    On a tie the bead listed first wins.
    """
    cells = len(band.rows)
    total = np.full(cells + 1, math.inf)  # the extra last cell is what "no predecessor" (-1) reads
    total[0] = 0.0
    choice = np.full(cells, -1)
    across = [k for k, (di, _) in enumerate(beads) if di]
    within = [(k, steps[k][0].tolist(), steps[k][1].tolist()) for k, (di, _) in enumerate(beads) if not di]
    for row in range(len(band.start)):
        first = int(band.start[row])
        last = first + int(band.high[row] - band.low[row]) + 1
        if row and across:
            candidates = np.stack([total[steps[k][0][first:last]] + steps[k][1][first:last] for k in across])
            best = candidates.argmin(axis=0)
            total[first:last] = candidates[best, np.arange(last - first)]
            choice[first:last] = np.asarray(across)[best]
        if within:
            _within_row(total, choice, within, first, last)
    return total[:cells], choice


def _within_row(
    total: np.ndarray, choice: np.ndarray, within: list[tuple[int, list[int], list[float]]], first: int, last: int
) -> None:
    """Cells ``first..last-1`` of one row, for beads whose predecessor is earlier in the same row."""
    values = total[first:last].tolist()
    picks = choice[first:last].tolist()
    for cell in range(first, last):
        best, pick = values[cell - first], picks[cell - first]
        for shape, previous, cost in within:
            source = previous[cell]
            if source >= 0:
                step = values[source - first] + cost[cell]
                if step < best or (step == best and shape < pick):
                    best, pick = step, shape
        values[cell - first], picks[cell - first] = best, pick
    total[first:last] = values
    choice[first:last] = picks


def _backtrack(
    problem: _Problem, band: _Band, choice: np.ndarray, steps: list[tuple[np.ndarray, np.ndarray]], end: int
) -> list[Bead]:
    beads: list[Bead] = []
    cell = end
    while cell:
        shape = int(choice[cell])
        di, dj = problem.costs.beads[shape]
        i, j = int(band.rows[cell]), int(band.cols[cell])
        a, b = tuple(range(i - di, i)), tuple(range(j - dj, j))
        score = round(math.exp(-float(steps[shape][1][cell]) / _SCORE_SCALE), 4)
        beads.append(Bead(a, b, score, _flags(problem.items, a, b)))
        cell = int(steps[shape][0][cell])
    return beads[::-1]


def _flags(
    items: tuple[Sequence[AlignItem], Sequence[AlignItem]], a: tuple[int, ...], b: tuple[int, ...]
) -> tuple[str, ...]:
    if not a or not b:
        return ()
    who_left = {(items[0][i].role, items[0][i].speaker) for i in a}
    who_right = {(items[1][j].role, items[1][j].speaker) for j in b}
    return ("speaker_mismatch",) if who_left != who_right else ()
