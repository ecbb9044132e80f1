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
turn pair (:data:`SENTENCE_COSTS`); :func:`align_many` aligns many pairs of
sequences in one batch with one length model, :func:`align_groups` several
groups of them (a few interviews) in one batch, each with its own. This module holds the model (items, costs, the two
passes); :mod:`qa_builder.alignment.stepcost` prices every bead at every cell with
numpy, and :mod:`qa_builder.alignment.lattice` runs the recurrence. Each bead gets a
score in [0, 1] (``exp(-cost / 3)``). Deterministic: ties break in a fixed
bead order.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from .items import SENTENCE_COSTS, TURN_COSTS, AlignItem, Costs, Problem, name_anchors
from .lattice import Lattice, backtrack, solve
from .stepcost import ShapeSteps, shape_steps

__all__ = [
    "LOW_SCORE",
    "SPREAD_MIN",
    "SENTENCE_COSTS",
    "TURN_COSTS",
    "AlignItem",
    "Bead",
    "Costs",
    "align",
    "Group",
    "align_groups",
    "align_many",
    "bead_pairs",
    "robust_spread",
]

_SCORE_SCALE = 3.0
LOW_SCORE = 0.5
"""A bead scored below this is one the aligner was unsure of: reviewers see it marked."""


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


def align(
    left: Sequence[AlignItem],
    right: Sequence[AlignItem],
    *,
    band: int | None = None,
    costs: Costs = TURN_COSTS,
    langs: tuple[str, str] = ("", ""),
) -> list[Bead]:
    """Align two sequences; every item is in exactly one bead.

    >>> [b.kind for b in align([AlignItem("Q: OpenAI?", "interviewer")], [AlignItem("F: OpenAI?", "interviewer")])]
    ['1-1']
    """
    return align_many([(left, right)], band=band, costs=costs, langs=langs)[0]


def align_many(
    pairs: Sequence[tuple[Sequence[AlignItem], Sequence[AlignItem]]],
    *,
    band: int | None = None,
    costs: Costs = TURN_COSTS,
    langs: tuple[str, str] = ("", ""),
) -> list[list[Bead]]:
    """Align many sequence pairs (say, the sentences of every turn pair) with one length model.

    Gale–Church style, the model is estimated from the data: one length ratio
    (all right-hand lengths over all left-hand ones) and one spread pooled
    over the 1–1 beads of a first pass over all the pairs. A short pair alone
    could not estimate either, and a pair's own ratio would hide a sentence
    its translation dropped. ``langs`` are the two sides' language codes
    (how each writes numbers and names, see :meth:`~qa_builder.alignment.items.Problem.of`; "" for unknown).

    >>> pairs = [([AlignItem("Ja.")], [AlignItem("对。")])]
    >>> [[b.kind for b in beads] for beads in align_many(pairs, costs=SENTENCE_COSTS)]
    [['1-1']]
    """
    return align_groups([Group(pairs, langs)], band=band, costs=costs)[0]


@dataclass(frozen=True, slots=True)
class Group:
    """Sequence pairs that share one length model (one interview's turn pairs, say), and their languages."""

    pairs: Sequence[tuple[Sequence[AlignItem], Sequence[AlignItem]]]
    langs: tuple[str, str] = ("", "")


def align_groups(
    groups: Sequence[Group], *, band: int | None = None, costs: Costs = TURN_COSTS
) -> list[list[list[Bead]]]:
    """:func:`align_many` for several groups at once, each with its own length model: the same beads as one call
    per group, with numpy's per-call cost paid once for all (the build aligns a few interviews per call).

    >>> one = Group([([AlignItem("Ja.")], [AlignItem("对。")])], langs=("de", "zh"))
    >>> [[[b.kind for b in beads] for beads in group] for group in align_groups([one, one])]
    [[['1-1']], [['1-1']]]
    """
    problems = []
    for group in groups:
        names = name_anchors(group.pairs, group.langs)
        problems.append([Problem.of(left, right, costs, group.langs, names) for left, right in group.pairs])
    models = [_Model.of(found, costs) for found in problems]
    flat = [(g, k, problem) for g, found in enumerate(problems) for k, problem in enumerate(found) if problem.size]
    results: list[list[list[Bead]]] = [[[] for _ in found] for found in problems]
    if not flat:
        return results
    widths, centres = [], []
    for g, k, problem in flat:
        left, right = groups[g].pairs[k]
        width = band if band is not None else max(8, (max(problem.left.size, problem.right.size) + 4) // 5)
        centre = None
        if band is None and max(len(left), len(right)) > LONG_ITEMS:
            centre, width = _coarse_path(left, right, costs, groups[g].langs)
        widths.append(width)
        centres.append(centre)
    owner = [g for g, _, _ in flat]
    batch = _Batch.of([p for _, _, p in flat], widths, np.array([models[g].ratio for g in owner]), centres)
    first = batch.beads(np.array([models[g].spread for g in owner]), scored=False)
    runs: list[list[tuple[list[Bead], Problem]]] = [[] for _ in groups]
    for (g, _, problem), beads in zip(flat, first, strict=True):
        runs[g].append((beads, problem))
    spreads = [_spread(found, model) for found, model in zip(runs, models, strict=True)]
    for (g, k, _), beads in zip(flat, batch.beads(np.array([spreads[g] for g in owner])), strict=True):
        results[g][k] = beads
    return results


LONG_ITEMS = 600
"""Above this many items on a side, a sequence is aligned coarse to fine (:func:`_coarse_path`)."""
COARSE_ITEMS = 300
"""How many blocks a long sequence is cut into for its coarse pass."""


def _coarse_path(
    left: Sequence[AlignItem], right: Sequence[AlignItem], costs: Costs, langs: tuple[str, str]
) -> tuple[np.ndarray, int]:
    """For a long pair: the path of an alignment of blocks of ``k`` items (the column at each row), and a band
    width around it that holds the fine alignment. Time and memory stay linear in the length: the fine band is
    a few blocks wide, not a fifth of the text.
    """
    k = -(-max(len(left), len(right)) // COARSE_ITEMS)
    blocks = [
        [AlignItem(" ".join(item.text for item in side[s : s + k])) for s in range(0, len(side), k)]
        for side in (left, right)
    ]
    (beads,) = align_many([(blocks[0], blocks[1])], costs=costs, langs=langs)
    rows, cols = [0], [0]
    for bead in beads:
        rows.append(min(len(left), rows[-1] + k * len(bead.left)))
        cols.append(min(len(right), cols[-1] + k * len(bead.right)))
    rows[-1], cols[-1] = len(left), len(right)
    path = np.interp(np.arange(len(left) + 1), rows, cols)
    return path, k + 12


def bead_pairs(beads: Sequence[Bead]) -> set[tuple[int, int]]:
    """Every (left, right) link the beads make, for precision and recall."""
    return {(i, j) for bead in beads for i in bead.left for j in bead.right}


@dataclass(frozen=True, slots=True)
class _Model:
    """The length model: expected right/left length ratio and the spread of its log."""

    ratio: float
    spread: float

    @classmethod
    def of(cls, problems: Sequence[Problem], costs: Costs) -> _Model:
        """The ratio of all right-hand lengths to all left-hand ones, and the costs' first guess at the spread."""
        left_total = sum(sum(problem.left.lengths) for problem in problems)
        right_total = sum(sum(problem.right.lengths) for problem in problems)
        return cls(ratio=max(right_total, 1) / max(left_total, 1), spread=costs.spread)


def _spread(runs: Sequence[tuple[Sequence[Bead], Problem]], model: _Model) -> float:
    """A robust spread (1.4826 × median absolute log ratio) of the runs' 1–1 beads."""
    residuals = sorted(
        abs(math.log((problem.right.lengths[b.right[0]] + 1) / (model.ratio * (problem.left.lengths[b.left[0]] + 1))))
        for beads, problem in runs
        for b in beads
        if b.kind == "1-1"
    )
    return robust_spread(residuals, model.spread)


SPREAD_MIN = 0.15
"""The least spread of log length ratios a length model takes, however alike its 1–1 beads' lengths are."""


def robust_spread(residuals: Sequence[float], fallback: float) -> float:
    """1.4826 × the median of sorted absolute log ratios (a standard deviation robust to outliers), at least
    :data:`SPREAD_MIN`; ``fallback`` where fewer than four beads give one.

    >>> round(robust_spread([0.1, 0.2, 0.3, 0.4], 0.6), 4), robust_spread([0.1], 0.6)
    (0.4448, 0.6)
    """
    if len(residuals) < 4:
        return fallback
    return max(SPREAD_MIN, 1.4826 * residuals[len(residuals) // 2])


@dataclass(frozen=True, slots=True)
class _Batch:
    """Problems aligned together: one lattice, and step costs computed once for both passes."""

    problems: Sequence[Problem]
    widths: Sequence[int]
    ratios: np.ndarray  # (P,) each problem's length ratio (its group's)
    centres: Sequence[np.ndarray | None]
    lattice: Lattice
    steps: list[ShapeSteps]

    @classmethod
    def of(
        cls,
        problems: Sequence[Problem],
        widths: Sequence[int],
        ratios: np.ndarray,
        centres: Sequence[np.ndarray | None],
    ) -> _Batch:
        lattice = Lattice.around_diagonals([(p.left.size, p.right.size) for p in problems], widths, centres)
        steps = shape_steps(problems, lattice, problems[0].costs, ratios)
        return cls(problems, widths, ratios, centres, lattice, steps)

    def beads(self, spreads: np.ndarray, *, scored: bool = True) -> list[list[Bead]]:
        """Every problem's best beads, given each problem's spread; a problem its band cannot solve is retried
        with a band twice as wide.

        Without ``scored`` the beads carry no score and no flags (the first pass needs only their shapes).
        """
        shapes = self.problems[0].costs.beads
        squared = np.array([float(spread) ** 2 for spread in spreads.tolist()])
        steps = [(shape.previous, shape.cost(squared)) for shape in self.steps]
        total, choice = solve(self.lattice, shapes, steps)
        stuck = [k for k in range(len(self.problems)) if total[self.lattice.ends[k]] == math.inf]
        retried: dict[int, list[Bead]] = {}
        if stuck:
            wider = _Batch.of(
                [self.problems[k] for k in stuck],
                [self.widths[k] * 2 for k in stuck],
                self.ratios[stuck],
                [self.centres[k] for k in stuck],
            )
            retried = dict(zip(stuck, wider.beads(spreads[stuck], scored=scored), strict=True))
        return [
            retried[k]
            if k in retried
            else [
                Bead(a, b, round(math.exp(-cost / _SCORE_SCALE), 4), _flags(problem.items, a, b))
                if scored
                else Bead(a, b, 0.0, ())
                for a, b, cost in backtrack(self.lattice, shapes, steps, choice, k)
            ]
            for k, problem in enumerate(self.problems)
        ]


def _flags(
    items: tuple[Sequence[AlignItem], Sequence[AlignItem]], a: tuple[int, ...], b: tuple[int, ...]
) -> tuple[str, ...]:
    if not a or not b:
        return ()
    who_left = {(items[0][i].role, items[0][i].speaker) for i in a}
    who_right = {(items[1][j].role, items[1][j].speaker) for j in b}
    return ("speaker_mismatch",) if who_left != who_right else ()
