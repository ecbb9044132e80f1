"""Sentences inside aligned turn pairs: split each side by its language's rules, align them, make records.

Sentences are aligned inside each turn pair only, so a sentence pair never
crosses a turn boundary; the sentences of all turn pairs of an interview are
aligned in one batch with one length model. A bead with both sides becomes a
``parallel_sentences`` row carrying its turn pair's issues; a sentence the other
translation lacks becomes an ``unpaired`` row, so every sentence is in exactly
one row of the two.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..models import ParallelSentence, ParallelTurn, Unpaired
from ..transcripts.conventions import SentenceRules
from ..transcripts.sentences import split_sentences
from .items import SENTENCE_COSTS, AlignItem, Costs
from .model import Bead, Group, align_groups

__all__ = ["SentenceAlignment", "SentenceGroup", "sentence_beads", "sentence_beads_grouped", "sentence_records"]


@dataclass(frozen=True, slots=True)
class SentenceAlignment:
    """One pair of texts split into sentences, and the beads that pair them."""

    left: list[str]
    right: list[str]
    beads: list[Bead]

    def joined(self, rules: tuple[SentenceRules, SentenceRules]) -> list[tuple[str, str]]:
        """Each bead's two sides as text, sentences joined as their language writes them."""
        return [
            (
                _joiner(rules[0]).join(self.left[i] for i in bead.left),
                _joiner(rules[1]).join(self.right[j] for j in bead.right),
            )
            for bead in self.beads
        ]


def sentence_beads(
    texts: Sequence[tuple[str, str]],
    rules: tuple[SentenceRules, SentenceRules],
    costs: Costs = SENTENCE_COSTS,
    langs: tuple[str, str] = ("", ""),
) -> list[SentenceAlignment]:
    """Split both texts of each pair by their language's rules and align the sentences, all pairs in one batch.

    >>> from qa_builder.transcripts.conventions import builtin_conventions
    >>> rules = (builtin_conventions("de").sentences, builtin_conventions("zh").sentences)
    >>> aligned = sentence_beads([("Ja. Das ist gut.", "是的，这很好。")], rules)[0]
    >>> [bead.kind for bead in aligned.beads], aligned.left
    (['2-1'], ['Ja.', 'Das ist gut.'])
    """
    return sentence_beads_grouped([SentenceGroup(texts, rules, langs)], costs)[0]


@dataclass(frozen=True, slots=True)
class SentenceGroup:
    """The text pairs of one pair of translations (one length model), their languages' rules and codes."""

    texts: Sequence[tuple[str, str]]
    rules: tuple[SentenceRules, SentenceRules]
    langs: tuple[str, str] = ("", "")

    def split(self) -> list[tuple[list[str], list[str]]]:
        return [
            (split_sentences(left, self.rules[0]), split_sentences(right, self.rules[1])) for left, right in self.texts
        ]


def sentence_beads_grouped(
    groups: Sequence[SentenceGroup], costs: Costs = SENTENCE_COSTS
) -> list[list[SentenceAlignment]]:
    """:func:`sentence_beads` for several groups in one aligner call, each group with its own length model."""
    splits = [group.split() for group in groups]
    items = [
        Group([([AlignItem(s) for s in left], [AlignItem(s) for s in right]) for left, right in split], group.langs)
        for group, split in zip(groups, splits, strict=True)
    ]
    return [
        [SentenceAlignment(left, right, found) for (left, right), found in zip(split, beads, strict=True)]
        for split, beads in zip(splits, align_groups(items, costs=costs), strict=True)
    ]


def sentence_records(
    pairs: Sequence[ParallelTurn],
    aligned: Sequence[SentenceAlignment],
    langs: tuple[str, str],
    rules: tuple[SentenceRules, SentenceRules],
) -> tuple[list[ParallelSentence], list[Unpaired]]:
    """The ``parallel_sentences`` rows of the turn pairs, and the sentences without a partner."""
    rows: list[ParallelSentence] = []
    alone: list[Unpaired] = []
    for pair, sentences in zip(pairs, aligned, strict=True):
        for local, (bead, joined) in enumerate(zip(sentences.beads, sentences.joined(rules), strict=True)):
            if not bead.paired:
                side = 0 if bead.left else 1
                alone.append(_unpaired(pair, local, langs[side], joined[side], bead.left or bead.right))
                continue
            rows.append(
                ParallelSentence(
                    id=f"{pair.id}/s{local:03d}",
                    interview_id=pair.interview_id,
                    pair_index=pair.pair_index,
                    bead_index=local,
                    translation=dict(zip(langs, joined, strict=True)),
                    sentence_indices={langs[0]: list(bead.left), langs[1]: list(bead.right)},
                    bead=bead.kind,
                    score=bead.score,
                    issues=list(pair.issues),
                )
            )
    return rows, alone


def _unpaired(pair: ParallelTurn, local: int, lang: str, text: str, indices: tuple[int, ...]) -> Unpaired:
    return Unpaired(
        id=f"{pair.id}/s{local:03d}",
        interview_id=pair.interview_id,
        level="sentence",
        lang=lang,
        text=text,
        indices=list(indices),
        pair_index=pair.pair_index,
        bead_index=local,
    )


def _joiner(rules: SentenceRules) -> str:
    """Sentences of a language written with spaces between them are joined with one."""
    return " " if rules.space_after else ""
