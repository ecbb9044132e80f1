"""Where one translation lacks turns next to turns of the same shape, which ones it lacks is a guess.

A print edition cut for length drops an exchange; when the exchange beside it
has the same speakers in the same order, a question and an answer, the turns
left could be either one's translation. Lengths are the aligner's only
evidence there and they often barely differ, so the pairing it chose may be
the wrong one with a high score. This module finds those places and flags
the paired turns ``gap_ambiguous``; :func:`~qa_builder.alignment.translations.check_gaps` warns.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace

from .items import TURN_COSTS, AlignItem, anchor_tokens, item_length
from .model import SPREAD_MIN, Bead, robust_spread

__all__ = ["AMBIGUOUS_GAP", "GAP_MARGIN", "ambiguous_gaps"]

AMBIGUOUS_GAP = "gap_ambiguous"
"""The flag on paired turns that could be the other translation's missing ones instead."""
GAP_MARGIN = 2.0
"""How much more the other placement of a gap must cost in lengths (in the aligner's units: squared log-ratio
deviations over twice the squared spread) for the chosen one to be taken as known. e² ≈ 7 times as likely."""


@dataclass(frozen=True, slots=True)
class _Lengths:
    """A pair's length model, from its own turns, as the aligner's (:func:`~.model.robust_spread`): the ratio of
    all right lengths to all left ones, and the robust spread of the log ratio over its 1–1 beads."""

    left: list[int]
    right: list[int]
    ratio: float
    spread: float

    @classmethod
    def of(cls, beads: Sequence[Bead], items: tuple[Sequence[AlignItem], Sequence[AlignItem]]) -> _Lengths:
        left, right = ([item_length(item.text) for item in side] for side in items)
        ratio = max(sum(right), 1) / max(sum(left), 1)
        model = cls(left, right, ratio, SPREAD_MIN)
        residuals = sorted(abs(model.deviation(b.left[0], b.right[0])) for b in beads if b.kind == "1-1")
        return replace(model, spread=robust_spread(residuals, TURN_COSTS.spread))

    def deviation(self, i: int, j: int) -> float:
        return math.log((self.right[j] + 1) / (self.ratio * (self.left[i] + 1)))

    def cost(self, lefts: Sequence[int], rights: Sequence[int]) -> float:
        return sum(self.deviation(i, j) ** 2 for i, j in zip(lefts, rights, strict=True)) / (2 * self.spread**2)


def ambiguous_gaps(
    beads: Sequence[Bead], items: tuple[Sequence[AlignItem], Sequence[AlignItem]], langs: tuple[str, str] = ("", "")
) -> list[Bead]:
    """``beads`` with the paired ones flagged :data:`AMBIGUOUS_GAP` where an unpaired run of turns beside them has
    the same speakers in the same order and, paired instead, would cost less than :data:`GAP_MARGIN` more in
    lengths and share as many anchors (numbers, names, question marks: :func:`~.items.anchor_tokens`) with the
    other side's turns. ``langs`` are the two sides' languages.

    >>> q, a = AlignItem("Warum?", "interviewer", "E"), AlignItem("Weil es geht, sagt sie.", "interviewee", "V")
    >>> zq, za = AlignItem("为什么？", "interviewer", "E"), AlignItem("因为可以。", "interviewee", "V")
    >>> beads = [Bead((0,), (0,), 0.9, ()), Bead((1,), (1,), 0.9, ()), Bead((2, 3), (), 0.3, ())]
    >>> [b.flags for b in ambiguous_gaps(beads, ([q, a, q, a], [zq, za]))]
    [('gap_ambiguous',), ('gap_ambiguous',), ()]
    """
    flagged = list(beads)
    lengths: _Lengths | None = None
    for start, end in _gaps(beads):
        size = sum(len(bead.left) + len(bead.right) for bead in beads[start:end])
        for near in (range(start - size, start), range(end, end + size)):
            if near.start < 0 or near.stop > len(beads) or not all(beads[k].kind == "1-1" for k in near):
                continue
            lengths = lengths or _Lengths.of(beads, items)
            if _could_swap([beads[k] for k in near], beads[start:end], items, lengths, langs):
                for k in near:
                    flagged[k] = replace(flagged[k], flags=tuple(sorted({*flagged[k].flags, AMBIGUOUS_GAP})))
    return flagged


def _gaps(beads: Sequence[Bead]) -> list[tuple[int, int]]:
    """The runs of beads (start, end) that pair nothing, all on the same side."""
    runs: list[tuple[int, int]] = []
    k = 0
    while k < len(beads):
        if beads[k].paired:
            k += 1
            continue
        side = bool(beads[k].left)
        end = k
        while end < len(beads) and not beads[end].paired and bool(beads[end].left) == side:
            end += 1
        runs.append((k, end))
        k = end
    return runs


def _could_swap(
    paired: Sequence[Bead],
    gap: Sequence[Bead],
    items: tuple[Sequence[AlignItem], Sequence[AlignItem]],
    lengths: _Lengths,
    langs: tuple[str, str],
) -> bool:
    """Whether the gap's turns could stand where ``paired``'s turns of the same side stand: the same speakers in
    the same order, lengths that tell the two placements apart by less than :data:`GAP_MARGIN`, and no more
    anchors shared where they stand than they would share there."""
    left_gap = bool(gap[0].left)
    missing = [i for bead in gap for i in (bead.left if left_gap else bead.right)]
    if len(missing) != len(paired):
        return False
    side = 0 if left_gap else 1
    ours = [bead.left[0] if left_gap else bead.right[0] for bead in paired]
    theirs = [bead.right[0] if left_gap else bead.left[0] for bead in paired]
    who = [(items[side][i].role, items[side][i].speaker) for i in ours]
    if who != [(items[side][i].role, items[side][i].speaker) for i in missing]:
        return False
    if left_gap:
        chosen, other = lengths.cost(ours, theirs), lengths.cost(missing, theirs)
    else:
        chosen, other = lengths.cost(theirs, ours), lengths.cost(theirs, missing)
    if other - chosen >= GAP_MARGIN:
        return False

    def shared(mine: Sequence[int]) -> int:
        tokens = [anchor_tokens(items[side][i].text, langs[side]) for i in mine]
        partners = [anchor_tokens(items[1 - side][j].text, langs[1 - side]) for j in theirs]
        return sum(len(a & b) for a, b in zip(tokens, partners, strict=True))

    return shared(ours) <= shared(missing)
