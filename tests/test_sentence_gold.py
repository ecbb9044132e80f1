"""The sentence aligner against the hand-made gold alignment (tests/gold/README.md says how it was made).

Run with -s to see the figures. The bars are the issue's: strict F1 ≥ 0.90 and
lax F1 ≥ 0.97 (Bertalign's definitions, as in :mod:`qa_builder.alignment.evaluation`).
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

import pytest

from qa_builder.alignment.evaluation import (
    AlignmentScores,
    BeadIndices,
    GoldPair,
    evaluate_gold,
    load_gold,
    score_alignments,
    score_sentences,
)
from qa_builder.alignment.model import SENTENCE_COSTS, AlignItem, align_many
from qa_builder.alignment.parallel import PairAlignment, align_interview
from qa_builder.transcripts.interview import Interview
from qa_builder.transcripts.sentences import split_sentences

ROOT = Path(__file__).resolve().parent.parent
INTERVIEWS = ROOT / "tests" / "fixtures" / "interviews"
GOLD = ROOT / "tests" / "gold" / "verge-altman-murati-2023.sentences.json"
QUALITY = ROOT / "qa_builder" / "dataset" / "templates" / "sentence_quality.json"


PAIR = ("de", "zh")


@pytest.fixture(scope="module")
def gold() -> list[GoldPair]:
    return load_gold(GOLD)[2]


@pytest.fixture(scope="module")
def alignment(interview: Interview) -> PairAlignment:
    (found,) = align_interview(interview)
    return found


def show(name: str, scores: AlignmentScores) -> None:
    print(
        f"\n{name}: strict P {scores.strict_precision:.3f} R {scores.strict_recall:.3f} F1 {scores.strict_f1:.3f}"
        f" | lax P {scores.lax_precision:.3f} R {scores.lax_recall:.3f} F1 {scores.lax_f1:.3f}"
    )


def test_gold_sentences_are_the_segmenter_s(
    interview: Interview, gold: list[GoldPair], alignment: PairAlignment
) -> None:
    assert [pair.pair_index for pair in gold] == [pair.pair_index for pair in alignment.turns]
    for pair, row in zip(gold, alignment.turns, strict=True):
        for lang in PAIR:
            rules = interview.meta.conventions(lang).sentences
            assert split_sentences(row.translation[lang], rules) == pair.sentences[lang], (pair.pair_index, lang)


def test_aligner_meets_the_bars(gold: list[GoldPair], alignment: PairAlignment) -> None:
    scores = score_sentences(gold, alignment)
    show("aligner vs gold", scores)
    assert scores.strict_f1 >= 0.90
    assert scores.lax_f1 >= 0.97


def test_the_card_s_figures_are_what_the_aligner_scores() -> None:
    evaluation = evaluate_gold(GOLD, INTERVIEWS)
    assert QUALITY.read_text(encoding="utf-8") == evaluation.to_json(), (
        "run `qa-builder evaluate tests/gold/verge-altman-murati-2023.sentences.json "
        "--write qa_builder/dataset/templates/sentence_quality.json`, then `qa-builder build`"
    )


def test_every_sentence_is_in_exactly_one_row(gold: list[GoldPair], alignment: PairAlignment) -> None:
    """Each sentence of each side is in one `parallel_sentences` row or one `unpaired` row, not both."""
    for pair in gold:
        rows = [row.sentence_indices for row in alignment.sentences if row.pair_index == pair.pair_index]
        alone = [row for row in alignment.unpaired if row.level == "sentence" and row.pair_index == pair.pair_index]
        for lang in PAIR:
            found = [i for row in rows for i in row[lang]] + [
                i for row in alone if row.lang == lang for i in row.indices
            ]
            assert sorted(found) == list(range(len(pair.sentences[lang]))), (pair.pair_index, lang)
    assert all(row.translation[lang] for row in alignment.sentences for lang in PAIR)


# --- variants: a translation that drops a sentence -------------------------------------------------


def _drop(pair: GoldPair, side: int, victim: int) -> tuple[list[list[str]], list[BeadIndices]]:
    """The pair without one sentence of one side, and the gold beads that follow from it."""
    texts = [list(pair.sentences[lang]) for lang in PAIR]
    del texts[side][victim]

    def shift(indices: Sequence[int], own: int) -> tuple[int, ...]:
        return tuple(i - (own == side and i > victim) for i in indices if not (own == side and i == victim))

    beads = [(shift(a, 0), shift(b, 1)) for a, b in pair.beads]
    return texts, [bead for bead in beads if bead[0] or bead[1]]


def _dropped_variants(gold: list[GoldPair]) -> tuple[list[list[BeadIndices]], list[list[BeadIndices]]]:
    rng = random.Random(6)
    inputs, golds = [], []
    for pair in gold:
        for side in (0, 1):
            sentences = pair.sentences[PAIR[side]]
            if len(sentences) >= 2:
                texts, beads = _drop(pair, side, rng.randrange(len(sentences)))
                inputs.append(([AlignItem(s) for s in texts[0]], [AlignItem(s) for s in texts[1]]))
                golds.append(beads)
    results = align_many(inputs, costs=SENTENCE_COSTS)
    tests = [[(bead.left, bead.right) for bead in beads] for beads in results]
    for (left, right), beads in zip(inputs, tests, strict=True):
        assert sorted(i for a, _ in beads for i in a) == list(range(len(left)))
        assert sorted(j for _, b in beads for j in b) == list(range(len(right)))
    return golds, tests


def test_a_dropped_sentence_does_not_derail_the_rest(gold: list[GoldPair]) -> None:
    """One sentence deleted from one side of each pair that has two or more (37 variants).

    Harder than the real pairs, and not part of the issue's bars: these are regression
    guards a little below what the aligner scored when this test was written (strict F1
    0.630, lax F1 0.840). The usual miss: the sentence left without a partner is merged
    into a neighbour's bead (a 2–1) instead of standing alone (a 1–0), because in a free
    translation a merge often costs less than a skip.
    """
    golds, tests = _dropped_variants(gold)
    scores = score_alignments(golds, tests)
    show(f"one sentence dropped ({len(golds)} variants)", scores)
    assert len(golds) == 37
    assert scores.strict_f1 >= 0.60
    assert scores.lax_f1 >= 0.80


def test_strict_and_lax_by_hand() -> None:
    gold = [((0,), (0,)), ((1, 2), (1,)), ((3,), ())]
    test = [((0,), (0,)), ((1,), (1,)), ((2,), ()), ((3,), ())]
    scores = score_alignments([gold], [test])
    # precision over 4 test beads: (0)(0) and (3)() exact; (1)(1) lax; (2)() neither
    assert (scores.strict_precision, scores.lax_precision) == (2 / 4, 3 / 4)
    # recall over the 2 paired gold beads, against the 2 paired test beads: (0)(0) exact, (1 2)(1) lax
    assert (scores.strict_recall, scores.lax_recall) == (1 / 2, 2 / 2)


def test_a_similarity_hook_is_used_when_given(gold: list[GoldPair]) -> None:
    """An oracle scorer that knows the gold's beads (the hook's most helpful possible input) makes
    the aligner reproduce every gold bead its shapes can express: all but the one 4–1."""
    known = {
        (" ".join(pair.sentences["de"][i] for i in a), " ".join(pair.sentences["zh"][j] for j in b))
        for pair in gold
        for a, b in pair.beads
    }

    def oracle(left: Sequence[str], right: Sequence[str]) -> list[float]:
        return [1.0 if (a, b) in known else 0.0 for a, b in zip(left, right, strict=True)]

    costs = replace(SENTENCE_COSTS, similarity=oracle, similarity_weight=10.0)
    inputs = [
        ([AlignItem(s) for s in pair.sentences["de"]], [AlignItem(s) for s in pair.sentences["zh"]]) for pair in gold
    ]
    tests = [[(bead.left, bead.right) for bead in beads] for beads in align_many(inputs, costs=costs)]
    misses = [
        (pair.pair_index, bead)
        for pair, beads in zip(gold, tests, strict=True)
        for bead in pair.beads
        if bead not in beads
    ]
    assert misses == [(28, ((0, 1, 2, 3), (0,)))]
