"""Align two lists of sentences the caller has already split: the aligner on its own, for any language pair.

The dataset aligns the sentences inside each turn pair of an interview; this
is the same aligner for a document pair whose sentences come from elsewhere
(a benchmark, another segmenter), one sentence per item, indices as given.
``qa-builder align-sentences`` runs it on two one-sentence-per-line files and
writes the beads as the public benchmarks do (:mod:`~qa_builder.alignment.beadfile`).
"""

from __future__ import annotations

from collections.abc import Sequence

from .items import SENTENCE_COSTS, AlignItem, Costs
from .model import Bead, align_many

__all__ = ["align_sentence_lists", "align_sentences"]


def align_sentences(
    left: Sequence[str], right: Sequence[str], *, left_lang: str, right_lang: str, costs: Costs = SENTENCE_COSTS
) -> list[tuple[list[int], list[int]]]:
    """Beads ``(left indices, right indices)`` covering every sentence of both lists once, in order.

    A bead may pair several sentences with several (a 2–1 where two sentences were translated as one), or leave
    one side empty (a sentence the translation dropped or added). The languages say how each side writes
    numbers (``三十`` is 30 in Chinese); anything else the aligner learns from the two texts.

    >>> german = ["Es war 1989.", "Der Winter war kalt.", "Wir blieben."]
    >>> align_sentences(german, ["那是一九八九年，冬天很冷。", "我们留了下来。"], left_lang="de", right_lang="zh")
    [([0, 1], [0]), ([2], [1])]
    """
    (beads,) = align_sentence_lists([(left, right)], left_lang=left_lang, right_lang=right_lang, costs=costs)
    return [(list(bead.left), list(bead.right)) for bead in beads]


def align_sentence_lists(
    documents: Sequence[tuple[Sequence[str], Sequence[str]]],
    *,
    left_lang: str,
    right_lang: str,
    costs: Costs = SENTENCE_COSTS,
) -> list[list[Bead]]:
    """Many document pairs of one language pair at once (one length model over all of them), with scores."""
    items = [([AlignItem(text) for text in left], [AlignItem(text) for text in right]) for left, right in documents]
    return align_many(items, costs=costs, langs=(left_lang, right_lang))
