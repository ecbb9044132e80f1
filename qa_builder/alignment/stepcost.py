"""What each bead costs at each cell of a :class:`~qa_builder.lattice.Lattice`, for :mod:`qa_builder.alignment.model`.

The aligner runs twice (the second time with the spread of lengths re-estimated
from the first), so each step's cost is kept in two parts: what no pass
changes (predecessors, merges, who speaks, anchors), computed once with numpy
over all cells of all problems, and the length term, recomputed per pass from
stored lengths.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from .anchors import AnchorIndex
from .items import Costs, Problem, Side
from .lattice import Lattice

__all__ = ["ShapeSteps", "shape_steps"]


@dataclass(frozen=True, slots=True)
class ShapeSteps:
    """One bead shape at every cell: where the step comes from, and its cost in parts."""

    previous: np.ndarray  # (N,) predecessor cell, -1 where the step is impossible
    fixed: np.ndarray  # (N,) the whole cost of a skip; inf where the step is impossible
    pairs: _PairParts | None  # for a shape that pairs items: the parts of its cost at the possible cells

    def cost(self, squared_spreads: np.ndarray) -> np.ndarray:
        """The cost at every cell, given each problem's squared spread of log length ratios."""
        if self.pairs is None:
            return self.fixed
        parts = self.pairs
        length = parts.squared_log_ratio / (2 * (squared_spreads[parts.problems] + parts.short_variance))
        cost = self.fixed.copy()
        cost[parts.cells] = ((parts.merge + length) + parts.who) + parts.anchors
        return cost


@dataclass(frozen=True, slots=True)
class _PairParts:
    cells: np.ndarray  # which cells the parts below are for
    problems: np.ndarray  # the problem of each of those cells
    merge: float
    squared_log_ratio: np.ndarray  # log(right length / (ratio × left length)) squared
    short_variance: np.ndarray  # extra variance for short items
    who: np.ndarray  # role or speaker mismatch
    anchors: np.ndarray  # anchor weight × (1 - weighted Jaccard of shared tokens)


def shape_steps(problems: Sequence[Problem], lattice: Lattice, costs: Costs, ratios: np.ndarray) -> list[ShapeSteps]:
    """Every shape of ``costs.beads`` at every cell of ``lattice``, whose problems are ``problems``, each with its
    length ratio in ``ratios``."""
    stack = _Stack.of(problems)
    return [_shape(stack, lattice, costs, ratios, di, dj) for di, dj in costs.beads]


def _shape(stack: _Stack, lattice: Lattice, costs: Costs, ratios: np.ndarray, di: int, dj: int) -> ShapeSteps:
    p, i, j = lattice.problem, lattice.rows, lattice.cols
    previous = lattice.index(i - di, j - dj)
    fixed = np.full(len(i), math.inf)
    ok = previous >= 0
    pairs = None
    if di and dj:
        cells = np.flatnonzero(ok)
        pairs = _pair_parts(stack, lattice, costs, ratios, cells, p[cells], i[cells], j[cells], (di, dj))
        fixed[cells] = 0.0
    elif di + dj == 1:
        fixed[ok] = costs.skip
    else:
        side, ends = (stack.left, i) if di else (stack.right, j)
        ok &= ends >= 2
        if len(side.roles) and ok.any():
            last = len(side.roles) - 1
            first = side.asks[np.minimum(side.items[p] + np.maximum(ends - 2, 0), last)]
            second = side.answers[np.minimum(side.items[p] + np.maximum(ends - 1, 0), last)]
            fixed[ok & first & second] = costs.exchange_skip
    previous[fixed == math.inf] = -1
    return ShapeSteps(previous, fixed, pairs)


def _pair_parts(
    stack: _Stack,
    lattice: Lattice,
    costs: Costs,
    ratios: np.ndarray,
    cells: np.ndarray,
    p: np.ndarray,
    i: np.ndarray,
    j: np.ndarray,
    shape: tuple[int, int],
) -> _PairParts:
    di, dj = shape
    ratio = ratios[p]
    left, right = stack.left, stack.right
    li, rj = left.prefix[p] + i, right.prefix[p] + j
    a = left.lengths[li] - left.lengths[li - di]
    b = right.lengths[rj] - right.lengths[rj - dj]
    left_end, right_end = left.items[p] + i, right.items[p] + j
    roles_differ = _codes_differ(left.roles, right.roles, left_end, right_end, shape)
    speakers_differ = _codes_differ(left.speakers, right.speakers, left_end, right_end, shape)
    mass = (
        stack.anchors.left.mass[li] - stack.anchors.left.mass[li - di],
        stack.anchors.right.mass[rj] - stack.anchors.right.mass[rj - dj],
    )
    similarity = stack.anchors.similarity(lattice, shape, cells, mass)
    anchors = costs.anchor_weight * (1 - similarity)
    if costs.similarity is not None:
        texts = [_joined(side, ends, size) for side, ends, size in ((left, left_end, di), (right, right_end, dj))]
        scored = np.asarray(costs.similarity(*texts), dtype=float)
        anchors = anchors + costs.similarity_weight * (1 - np.clip(scored, 0.0, 1.0))
    return _PairParts(
        cells=cells,
        problems=p,
        merge=costs.merge * (di + dj - 2) + (costs.crossed if min(di, dj) >= 2 else 0.0),
        squared_log_ratio=np.log((b + 1) / (ratio * (a + 1))) ** 2,
        short_variance=costs.short_variance / (1 + np.minimum(a, b / ratio)),
        who=np.where(roles_differ, costs.role, np.where(speakers_differ, costs.speaker, 0.0)),
        anchors=anchors,
    )


def _joined(side: _Arrays, ends: np.ndarray, size: int) -> list[str]:
    """The texts of items ``end - size`` to ``end - 1`` joined with a space, for each end."""
    return [" ".join(side.texts[end - size : end]) for end in ends.tolist()]


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


@dataclass(frozen=True, slots=True)
class _Stack:
    """Every problem's items end to end as arrays, so that one array of cells can address them all."""

    left: _Arrays
    right: _Arrays
    anchors: AnchorIndex

    @classmethod
    def of(cls, problems: Sequence[Problem]) -> _Stack:
        return cls(
            left=_Arrays.of([problem.left for problem in problems]),
            right=_Arrays.of([problem.right for problem in problems]),
            anchors=AnchorIndex.of(problems),
        )


@dataclass(frozen=True, slots=True)
class _Arrays:
    """One side of every problem: prefix sums (one leading zero row per problem) and codes."""

    lengths: np.ndarray  # (sum(k + 1),) prefix sums of lengths, per problem
    prefix: np.ndarray  # (P,) where each problem's prefix sums start
    roles: np.ndarray  # (sum(k),) role codes
    speakers: np.ndarray  # (sum(k),) speaker codes
    asks: np.ndarray  # (sum(k),) whether each item asks
    answers: np.ndarray  # (sum(k),) whether each item answers
    items: np.ndarray  # (P,) where each problem's items start
    texts: list[str]  # (sum(k),) item texts, for a similarity hook

    @classmethod
    def of(cls, sides: Sequence[Side]) -> _Arrays:
        rows = [side.size + 1 for side in sides]
        prefix = _starts(rows)
        lengths = np.array([value for side in sides for value in (0, *side.lengths)], dtype=float)
        block_start = np.repeat(prefix, rows)
        summed_lengths = np.cumsum(lengths)
        return cls(
            lengths=summed_lengths - summed_lengths[block_start],
            prefix=prefix,
            roles=np.array([code for side in sides for code in side.roles], dtype=np.int64),
            speakers=np.array([code for side in sides for code in side.speakers], dtype=np.int64),
            asks=np.array([flag for side in sides for flag in side.asks], dtype=bool),
            answers=np.array([flag for side in sides for flag in side.answers], dtype=bool),
            items=_starts([side.size for side in sides]),
            texts=[text for side in sides for text in side.texts],
        )


def _starts(sizes: Sequence[int]) -> np.ndarray:
    return np.concatenate([[0], np.cumsum(sizes)[:-1]]).astype(np.int64)
