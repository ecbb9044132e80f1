"""How much two spans of items share in anchors, for every cell of a band, in time and memory linear in its size.

The anchor part of a bead's cost is a weighted Jaccard between the tokens of
its two sides: ``Σ w·min(a, b) / Σ w·max(a, b)`` over the anchor tokens, with
``Σ max = Σ a + Σ b − Σ min``. The sums of ``a`` and of ``b`` over a span are
prefix sums (one number per item); the shared part is found from the tokens'
occurrences: each side's token counts are summed over spans ending at each
position, joined by token with the other side's spans ending inside the band,
and added up per cell. Only cells where both sides hold a token are touched,
so a long document costs what its band costs, not what its vocabulary does.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from .items import Problem
from .lattice import Lattice

__all__ = ["AnchorIndex"]


@dataclass(frozen=True, slots=True)
class _Occurrences:
    """One side's anchor tokens: each (problem, item, token, count), tokens numbered across problems."""

    problem: np.ndarray
    item: np.ndarray
    token: np.ndarray
    count: np.ndarray
    mass: np.ndarray  # prefix sums of each item's weighted count, a leading zero per problem (like lengths)

    @classmethod
    def of(cls, bags: Sequence[Sequence[dict[int, int]]], offsets: np.ndarray, weights: np.ndarray) -> _Occurrences:
        rows = [
            (p, k, int(offsets[p]) + column, count)
            for p, side in enumerate(bags)
            for k, bag in enumerate(side)
            for column, count in bag.items()
        ]
        problem, item, token, count = (
            (np.array(values, dtype=np.int64) for values in zip(*rows, strict=True))
            if rows
            else (np.zeros(0, dtype=np.int64),) * 4
        )
        per_item = [
            [sum(weights[int(offsets[p]) + column] * count for column, count in bag.items()) for bag in side]
            for p, side in enumerate(bags)
        ]
        mass = np.concatenate([np.cumsum([0.0, *values]) for values in per_item]) if per_item else np.zeros(0)
        return cls(problem, item, token, count, mass)

    def spans(self, size: int, lengths: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Token counts summed over each span of ``size`` items: (token, span end, count), sorted by token, end."""
        if not len(self.token):
            empty = np.zeros(0, dtype=np.int64)
            return empty, empty, empty
        shift = np.arange(size)
        ends = (self.item[:, None] + 1 + shift[None, :]).ravel()
        keep = (ends >= size) & (ends <= np.repeat(lengths[self.problem], size))
        tokens = np.repeat(self.token, size)[keep]
        ends, counts = ends[keep], np.repeat(self.count, size)[keep]
        base = int(lengths.max()) + 1
        keys, inverse = np.unique(tokens * base + ends, return_inverse=True)
        return keys // base, keys % base, np.bincount(inverse, weights=counts).astype(np.int64)


@dataclass(frozen=True, slots=True)
class AnchorIndex:
    """Both sides' anchor occurrences for a batch of problems, and each token's weight."""

    left: _Occurrences
    right: _Occurrences
    weights: np.ndarray  # (T,) weight of each token, numbered across problems
    token_problem: np.ndarray  # (T,) the problem each token belongs to
    left_sizes: np.ndarray
    right_sizes: np.ndarray

    @classmethod
    def of(cls, problems: Sequence[Problem]) -> AnchorIndex:
        sizes = [len(problem.weights) for problem in problems]
        offsets = np.concatenate([[0], np.cumsum(sizes)[:-1]]).astype(np.int64)
        weights = np.array([w for problem in problems for w in problem.weights], dtype=float)
        return cls(
            left=_Occurrences.of([p.left.anchors for p in problems], offsets, weights),
            right=_Occurrences.of([p.right.anchors for p in problems], offsets, weights),
            weights=weights,
            token_problem=np.repeat(np.arange(len(problems)), sizes),
            left_sizes=np.array([p.left.size for p in problems], dtype=np.int64),
            right_sizes=np.array([p.right.size for p in problems], dtype=np.int64),
        )

    def similarity(
        self, lattice: Lattice, shape: tuple[int, int], cells: np.ndarray, mass: tuple[np.ndarray, np.ndarray]
    ) -> np.ndarray:
        """The weighted Jaccard of the bead ``shape`` ending at each of ``cells`` (1 where neither side has anchors).

        ``mass`` is each side's span mass at those cells (the weighted token counts of the bead's items).
        """
        shared = self._shared(lattice, shape)[cells]
        union = mass[0] + mass[1] - shared
        similarity: np.ndarray = np.divide(shared, union, out=np.ones_like(union), where=union > 1e-12)
        return similarity

    def _shared(self, lattice: Lattice, shape: tuple[int, int]) -> np.ndarray:
        """Σ w·min(a, b) for every cell of the lattice, for beads of ``shape``."""
        total = np.zeros(len(lattice.rows) + 1)
        left_token, left_end, left_count = self.left.spans(shape[0], self.left_sizes)
        right_token, right_end, right_count = self.right.spans(shape[1], self.right_sizes)
        if not len(left_token) or not len(right_token):
            return total
        problem = self.token_problem[left_token]
        key = lattice.key_base[problem] + left_end
        low, high = lattice.low[key], lattice.high[key]
        base = int(max(self.right_sizes.max(), 0)) + 2
        right_keys = right_token * base + right_end
        first = np.searchsorted(right_keys, left_token * base + low, side="left")
        last = np.searchsorted(right_keys, left_token * base + high, side="right")
        reps = last - first
        if not reps.sum():
            return total
        which = np.repeat(np.arange(len(left_token)), reps)
        within = np.arange(int(reps.sum())) - np.repeat(np.cumsum(reps) - reps, reps)
        partner = first[which] + within
        cell = lattice.start[key[which]] + right_end[partner] - low[which]
        value = self.weights[left_token[which]] * np.minimum(left_count[which], right_count[partner])
        total[: len(lattice.rows)] = np.bincount(cell, weights=value, minlength=len(lattice.rows))
        return total
