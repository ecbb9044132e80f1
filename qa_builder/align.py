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
from dataclasses import dataclass

import numpy as np
import regex

from .lattice import Lattice, backtrack, solve

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
    left_total = sum(sum(problem.left.lengths) for problem in problems)
    right_total = sum(sum(problem.right.lengths) for problem in problems)
    model = _Model(ratio=max(right_total, 1) / max(left_total, 1), spread=costs.spread)
    widths = [band if band is not None else max(8, (max(p.left.size, p.right.size) + 4) // 5) for p in problems]
    solvable = [k for k, problem in enumerate(problems) if problem.size]
    results: list[list[Bead]] = [[] for _ in problems]
    if not solvable:
        return results
    batch, batch_widths = [problems[k] for k in solvable], [widths[k] for k in solvable]
    first = _solve(batch, batch_widths, model)
    model = _Model(model.ratio, _spread(list(zip(first, batch, strict=True)), model))
    for k, beads in zip(solvable, _solve(batch, batch_widths, model), strict=True):
        results[k] = beads
    return results


def bead_pairs(beads: Sequence[Bead]) -> set[tuple[int, int]]:
    """Every (left, right) link the beads make, for precision and recall."""
    return {(i, j) for bead in beads for i in bead.left for j in bead.right}


@dataclass(frozen=True, slots=True)
class _Model:
    """The length model: expected right/left length ratio and the spread of its log."""

    ratio: float
    spread: float


@dataclass(frozen=True, slots=True)
class _Side:
    """What the costs need of one sequence, as plain lists."""

    lengths: list[int]  # non-space characters of each item
    anchors: list[dict[int, int]]  # each item's count of each shared token (by column)
    roles: list[int]  # role codes
    speakers: list[int]  # speaker codes

    @property
    def size(self) -> int:
        return len(self.roles)


@dataclass(frozen=True, slots=True)
class _Problem:
    left: _Side
    right: _Side
    items: tuple[Sequence[AlignItem], Sequence[AlignItem]]
    weights: list[float]  # idf of each shared token, by column
    role_codes: dict[str, int]
    costs: Costs

    @property
    def size(self) -> int:
        return self.left.size + self.right.size

    @classmethod
    def of(cls, left: Sequence[AlignItem], right: Sequence[AlignItem], costs: Costs) -> _Problem:
        counts = [[_tokens(item.text, costs.tokens) for item in side] for side in (left, right)]
        shared = sorted(set().union(*counts[0], set()) & set().union(*counts[1], set()))
        df = Counter(token for side in counts for bag in side for token in bag if token in shared)
        weights = [math.log(1 + (len(left) + len(right)) / df[token]) for token in shared]
        column = {token: k for k, token in enumerate(shared)}
        role_codes: dict[str, int] = {}
        speaker_codes: dict[str, int] = {}
        sides = [
            _Side(
                lengths=[len(item.text) - item.text.count(" ") for item in side],
                anchors=[{column[t]: c for t, c in bag.items() if t in column} for bag in bags],
                roles=[role_codes.setdefault(item.role, len(role_codes)) for item in side],
                speakers=[speaker_codes.setdefault(item.speaker, len(speaker_codes)) for item in side],
            )
            for side, bags in zip((left, right), counts, strict=True)
        ]
        return cls(sides[0], sides[1], (left, right), weights, role_codes, costs)


def _tokens(text: str, pattern: regex.Pattern[str]) -> Counter[str]:
    return Counter(pattern.findall(text.casefold().replace("？", "?").replace("！", "!")))


def _spread(runs: Sequence[tuple[Sequence[Bead], _Problem]], model: _Model) -> float:
    """A robust spread (1.4826 × median absolute log ratio) of the runs' 1–1 beads."""
    residuals = sorted(
        abs(math.log((problem.right.lengths[b.right[0]] + 1) / (model.ratio * (problem.left.lengths[b.left[0]] + 1))))
        for beads, problem in runs
        for b in beads
        if b.kind == "1-1"
    )
    if len(residuals) < 4:
        return model.spread
    return max(0.15, 1.4826 * residuals[len(residuals) // 2])


@dataclass(frozen=True, slots=True)
class _Stack:
    """Every problem's items end to end as arrays, so that one array of cells can address them all."""

    left: _Arrays
    right: _Arrays
    weights: np.ndarray  # (P, V) each problem's anchor weights, zero-padded
    interviewer: np.ndarray  # (P,) each problem's role code of "interviewer", or -1
    interviewee: np.ndarray  # (P,)
    model: _Model

    @classmethod
    def of(cls, problems: Sequence[_Problem], model: _Model) -> _Stack:
        width = max(len(problem.weights) for problem in problems)
        weights = np.zeros((len(problems), width))
        for row, problem in enumerate(problems):
            weights[row, : len(problem.weights)] = problem.weights
        return cls(
            left=_Arrays.of([problem.left for problem in problems], width),
            right=_Arrays.of([problem.right for problem in problems], width),
            weights=weights,
            interviewer=np.array([p.role_codes.get(_INTERVIEWER, -1) for p in problems]),
            interviewee=np.array([p.role_codes.get(_INTERVIEWEE, -1) for p in problems]),
            model=model,
        )


@dataclass(frozen=True, slots=True)
class _Arrays:
    """One side of every problem: prefix sums (one leading zero row per problem) and codes."""

    lengths: np.ndarray  # (sum(k + 1),) prefix sums of lengths, per problem
    anchors: np.ndarray  # (sum(k + 1), V) prefix sums of anchor counts, per problem
    prefix: np.ndarray  # (P,) where each problem's prefix sums start
    roles: np.ndarray  # (sum(k),) role codes
    speakers: np.ndarray  # (sum(k),) speaker codes
    items: np.ndarray  # (P,) where each problem's items start

    @classmethod
    def of(cls, sides: Sequence[_Side], width: int) -> _Arrays:
        rows = [side.size + 1 for side in sides]
        prefix = _starts(rows)
        lengths = np.array([value for side in sides for value in (0, *side.lengths)], dtype=float)
        anchors = np.zeros((sum(rows), width))
        cells = [
            (int(start) + row, column, count)
            for side, start in zip(sides, prefix, strict=True)
            for row, bag in enumerate(side.anchors, start=1)
            for column, count in bag.items()
        ]
        if cells:
            at_rows, at_columns, counts = zip(*cells, strict=True)
            anchors[list(at_rows), list(at_columns)] = counts
        block_start = np.repeat(prefix, rows)
        summed_lengths, summed_anchors = np.cumsum(lengths), np.cumsum(anchors, axis=0)
        return cls(
            lengths=summed_lengths - summed_lengths[block_start],
            anchors=summed_anchors - summed_anchors[block_start],
            prefix=prefix,
            roles=np.array([code for side in sides for code in side.roles], dtype=np.int64),
            speakers=np.array([code for side in sides for code in side.speakers], dtype=np.int64),
            items=_starts([side.size for side in sides]),
        )


def _starts(sizes: Sequence[int]) -> np.ndarray:
    return np.concatenate([[0], np.cumsum(sizes)[:-1]]).astype(np.int64)


def _solve(problems: Sequence[_Problem], widths: Sequence[int], model: _Model) -> list[list[Bead]]:
    """The best beads of every problem, in one pass; a problem its band cannot solve is retried wider."""
    costs = problems[0].costs
    lattice = Lattice.around_diagonals([(p.left.size, p.right.size) for p in problems], widths)
    stack = _Stack.of(problems, model)
    steps = [_step_costs(stack, lattice, costs, di, dj) for di, dj in costs.beads]
    total, choice = solve(lattice, costs.beads, steps)
    stuck = [k for k in range(len(problems)) if total[lattice.ends[k]] == math.inf]
    retried = {}
    if stuck:
        retried = dict(
            zip(stuck, _solve([problems[k] for k in stuck], [widths[k] * 2 for k in stuck], model), strict=True)
        )
    return [
        retried[k]
        if k in retried
        else [
            Bead(a, b, round(math.exp(-cost / _SCORE_SCALE), 4), _flags(problem.items, a, b))
            for a, b, cost in backtrack(lattice, costs.beads, steps, choice, k)
        ]
        for k, problem in enumerate(problems)
    ]


def _step_costs(stack: _Stack, lattice: Lattice, costs: Costs, di: int, dj: int) -> tuple[np.ndarray, np.ndarray]:
    """For one bead shape: each cell's predecessor (-1 if none) and the cost of the step."""
    p, i, j = lattice.problem, lattice.rows, lattice.cols
    previous = lattice.index(i - di, j - dj)
    cost = np.full(len(i), math.inf)
    ok = previous >= 0
    if di and dj:
        cost[ok] = _pair_cost(stack, costs, p[ok], i[ok], j[ok], (di, dj))
    elif di + dj == 1:
        cost[ok] = costs.skip
    else:
        side, ends = (stack.left, i) if di else (stack.right, j)
        roles, items = side.roles, side.items
        ok &= ends >= 2
        if len(roles) and ok.any():
            first = roles[np.minimum(items[p] + np.maximum(ends - 2, 0), len(roles) - 1)]
            second = roles[np.minimum(items[p] + np.maximum(ends - 1, 0), len(roles) - 1)]
            exchange = (first == stack.interviewer[p]) & (second == stack.interviewee[p])
            cost[ok & exchange] = costs.exchange_skip
    previous[cost == math.inf] = -1
    return previous, cost


def _pair_cost(
    stack: _Stack, costs: Costs, p: np.ndarray, i: np.ndarray, j: np.ndarray, shape: tuple[int, int]
) -> np.ndarray:
    di, dj = shape
    left, right = stack.left, stack.right
    li, rj = left.prefix[p] + i, right.prefix[p] + j
    a = left.lengths[li] - left.lengths[li - di]
    b = right.lengths[rj] - right.lengths[rj - dj]
    ratio = stack.model.ratio
    variance = stack.model.spread**2 + costs.short_variance / (1 + np.minimum(a, b / ratio))
    total = costs.merge * (di + dj - 2) + np.log((b + 1) / (ratio * (a + 1))) ** 2 / (2 * variance)
    left_end, right_end = left.items[p] + i, right.items[p] + j
    roles_differ = _codes_differ(left.roles, right.roles, left_end, right_end, shape)
    speakers_differ = _codes_differ(left.speakers, right.speakers, left_end, right_end, shape)
    total += np.where(roles_differ, costs.role, np.where(speakers_differ, costs.speaker, 0.0))
    mine = left.anchors[li] - left.anchors[li - di]
    theirs = right.anchors[rj] - right.anchors[rj - dj]
    weights = stack.weights[p]
    union = (np.maximum(mine, theirs) * weights).sum(axis=1)
    shared = (np.minimum(mine, theirs) * weights).sum(axis=1)
    similarity = np.divide(shared, union, out=np.ones_like(union), where=union > 0)
    return np.asarray(total + costs.anchor_weight * (1 - similarity))


def _codes_differ(
    left: np.ndarray, right: np.ndarray, left_end: np.ndarray, right_end: np.ndarray, shape: tuple[int, int]
) -> np.ndarray:
    """Whether the set of codes over left[left_end-di:left_end] differs from that over right[...]."""
    mine = [left[left_end - k] for k in range(1, shape[0] + 1)]
    theirs = [right[right_end - k] for k in range(1, shape[1] + 1)]
    differ = np.zeros(len(left_end), dtype=bool)
    for code in mine:
        differ |= ~np.logical_or.reduce([code == other for other in theirs])
    for code in theirs:
        differ |= ~np.logical_or.reduce([code == other for other in mine])
    return differ


def _flags(
    items: tuple[Sequence[AlignItem], Sequence[AlignItem]], a: tuple[int, ...], b: tuple[int, ...]
) -> tuple[str, ...]:
    if not a or not b:
        return ()
    who_left = {(items[0][i].role, items[0][i].speaker) for i in a}
    who_right = {(items[1][j].role, items[1][j].speaker) for j in b}
    return ("speaker_mismatch",) if who_left != who_right else ()
