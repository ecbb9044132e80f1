"""The dynamic program under :mod:`qa_builder.alignment.model`, for many alignment problems at once.

Each problem (``m`` left items, ``n`` right items) has a band of cells ``(i, j)``
around its diagonal. The cells of all problems are laid out in one flat array,
ordered by row, then problem, then column, so that one row of *every* problem
is one contiguous block: steps from earlier rows are taken for a whole block
with numpy, and only steps within a row (``0–k`` beads) run cell by cell.
Aligning the sentences of 32 turn pairs is then one pass, not 32.

This module knows shapes and costs only as arrays; what a step costs is
computed by the caller.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

__all__ = ["Lattice", "Steps", "backtrack", "solve"]

Steps = Sequence[tuple[np.ndarray, np.ndarray]]
"""Per bead shape: each cell's predecessor cell (-1 if none) and the cost of the step."""


@dataclass(frozen=True, slots=True)
class Lattice:
    problem: np.ndarray  # (N,) problem of each cell
    rows: np.ndarray  # (N,) i of each cell
    cols: np.ndarray  # (N,) j of each cell
    blocks: list[tuple[int, int]]  # [first, last) cells of each row
    origins: np.ndarray  # (P,) cell (0, 0) of each problem
    ends: np.ndarray  # (P,) cell (m, n) of each problem
    key_base: np.ndarray  # (P,) first key of each problem; a key is one (problem, row)
    start: np.ndarray  # (K,) first cell of each key
    low: np.ndarray  # (K,) first column of each key
    high: np.ndarray  # (K,) last column of each key

    @classmethod
    def around_diagonals(
        cls,
        sizes: Sequence[tuple[int, int]],
        widths: Sequence[int],
        centres: Sequence[np.ndarray | None] | None = None,
    ) -> Lattice:
        """The bands of problems of ``sizes`` (m, n), each ``width`` cells either side of its diagonal, or of the
        path ``centres[p]`` gives (the column at each of its m + 1 rows) where it is not None."""
        m = np.array([size[0] for size in sizes], dtype=np.int64)
        n = np.array([size[1] for size in sizes], dtype=np.int64)
        rows_per_problem = m + 1
        key_base = np.concatenate([[0], np.cumsum(rows_per_problem)[:-1]]).astype(np.int64)
        key_problem = np.repeat(np.arange(len(sizes)), rows_per_problem)
        key_row = np.arange(int(rows_per_problem.sum())) - np.repeat(key_base, rows_per_problem)
        key_m, key_n = m[key_problem], n[key_problem]
        key_width = np.asarray(widths, dtype=np.int64)[key_problem]
        centre = key_row * key_n / np.maximum(key_m, 1)
        for problem, path in enumerate(centres or ()):
            if path is not None:
                centre[key_base[problem] : key_base[problem] + rows_per_problem[problem]] = path
        low = np.maximum(0, (centre - key_width).astype(np.int64))
        high = np.where(key_m > 0, np.minimum(key_n, (centre + key_width).astype(np.int64)), key_n)
        width = high - low + 1
        cell_key = np.repeat(np.arange(len(low)), width)
        cell_col = np.arange(len(cell_key)) - np.repeat(np.cumsum(width) - width, width) + np.repeat(low, width)
        order = np.lexsort((cell_col, key_problem[cell_key], key_row[cell_key]))
        keys, rows = cell_key[order], key_row[cell_key][order]
        start = np.empty(len(low), dtype=np.int64)
        start[keys[::-1]] = np.arange(len(keys))[::-1]
        cuts = [0, *(np.flatnonzero(np.diff(rows)) + 1).tolist(), len(rows)]
        ends_key = key_base + rows_per_problem - 1
        return cls(
            problem=key_problem[keys],
            rows=rows,
            cols=cell_col[order],
            blocks=list(zip(cuts[:-1], cuts[1:], strict=True)),
            origins=start[key_base],
            ends=start[ends_key] + high[ends_key] - low[ends_key],
            key_base=key_base,
            start=start,
            low=low,
            high=high,
        )

    def index(self, i: np.ndarray, j: np.ndarray) -> np.ndarray:
        """The cell (i, j) of each cell's own problem, or -1 where it is outside the band."""
        inside = i >= 0
        key = self.key_base[self.problem] + np.where(inside, i, 0)
        inside &= (j >= self.low[key]) & (j <= self.high[key])
        return np.where(inside, self.start[key] + j - self.low[key], -1)


def solve(lattice: Lattice, shapes: Sequence[tuple[int, int]], steps: Steps) -> tuple[np.ndarray, np.ndarray]:
    """Best total cost of every cell and the shape that reaches it. On a tie the shape listed first wins."""
    cells = len(lattice.rows)
    total = np.full(cells + 1, math.inf)  # the extra last cell is what "no predecessor" (-1) reads
    total[lattice.origins] = 0.0
    choice = np.full(cells, -1)
    across = [k for k, (di, _) in enumerate(shapes) if di]
    within = [(k, steps[k][0].tolist(), steps[k][1].tolist()) for k, (di, _) in enumerate(shapes) if not di]
    for block, (first, last) in enumerate(lattice.blocks):
        if block and across:
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


def backtrack(
    lattice: Lattice, shapes: Sequence[tuple[int, int]], steps: Steps, choice: np.ndarray, problem: int
) -> list[tuple[tuple[int, ...], tuple[int, ...], float]]:
    """One problem's best path as (left items, right items, step cost), first bead first."""
    path = []
    cell, origin = int(lattice.ends[problem]), int(lattice.origins[problem])
    while cell != origin:
        shape = int(choice[cell])
        di, dj = shapes[shape]
        i, j = int(lattice.rows[cell]), int(lattice.cols[cell])
        path.append((tuple(range(i - di, i)), tuple(range(j - dj, j)), float(steps[shape][1][cell])))
        cell = int(steps[shape][0][cell])
    return path[::-1]
