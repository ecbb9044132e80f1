"""Parallel records of one interview: every two of its languages, aligned turn, exchange and sentence by sentence.

An interview in N languages has N·(N−1)/2 pairs; each pair's languages are in
alphabetical order (``de-zh``, ``en-zh``), and each pair is a config of its own
in the dataset. Speakers are kept as each translation prints them; where they
differ the row is flagged ``speaker_mismatch`` rather than corrected. Turns,
exchanges and sentences that the other translation lacks are ``unpaired`` rows
(see :mod:`qa_builder.alignment.sentencepairs` for the sentences).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import combinations

from ..models import FUNCTIONS, Exchange, ParallelQA, ParallelSentence, ParallelTurn, Turn, Unpaired, pair_name
from ..transcripts.interview import Interview, Transcript
from .gaps import AMBIGUOUS_GAP, ambiguous_gaps
from .items import SENTENCE_COSTS, AlignItem, Costs
from .model import Bead, Group, align_groups
from .sentencepairs import SentenceAlignment, SentenceGroup, sentence_beads_grouped, sentence_records
from .translations import AlignedTurns, check_gaps, check_lengths, check_missing, check_order, check_speakers

__all__ = [
    "check_translations",
    "PairAlignment",
    "align_interview",
    "align_interviews",
    "align_transcripts",
    "language_pairs",
    "pair_name",
    "turn_items",
]


@dataclass(frozen=True, slots=True)
class PairAlignment:
    """Two translations of an interview aligned: the turn beads, and the records they make."""

    interview_id: str
    langs: tuple[str, str]
    beads: list[Bead]
    """Turn beads, every turn of both sides in exactly one."""
    turns: list[ParallelTurn]
    qa: list[ParallelQA]
    sentences: list[ParallelSentence]
    unpaired: list[Unpaired]
    sentence_alignments: list[SentenceAlignment]
    """Per turn pair (in ``turns`` order): its sentences as split, and their beads."""

    @property
    def name(self) -> str:
        return pair_name(self.langs)

    def unpaired_count(self, level: str) -> dict[str, int]:
        """How many turns, exchanges or sentences of each language have no partner."""
        counts = dict.fromkeys(self.langs, 0)
        for row in self.unpaired:
            if row.level == level:
                counts[row.lang] += len(row.indices)
        return counts


def language_pairs(langs: Iterable[str]) -> list[tuple[str, str]]:
    """Every two languages, each pair in alphabetical order.

    >>> language_pairs(["zh", "en", "de"])
    [('de', 'en'), ('de', 'zh'), ('en', 'zh')]
    """
    return [(a, b) for a, b in combinations(sorted(langs), 2)]


def align_interview(interview: Interview, costs: Costs = SENTENCE_COSTS) -> list[PairAlignment]:
    """Align every two of the interview's translations; none for an interview in one language.

    ``costs`` are the sentence aligner's (they may carry a similarity hook, see
    :class:`~qa_builder.alignment.items.Costs`).
    """
    return align_interviews([interview], costs)[0]


def align_interviews(interviews: Sequence[Interview], costs: Costs = SENTENCE_COSTS) -> list[list[PairAlignment]]:
    """:func:`align_interview` for each interview, with one aligner call for all their turns and one for all their
    sentences (numpy's per-call cost is paid once); each pair keeps its own length models, so the result is the
    same as aligning the interviews one by one."""
    pairs = [
        (interview.id, interview.transcripts[a], interview.transcripts[b])
        for interview in interviews
        for a, b in language_pairs(interview.transcripts)
    ]
    aligned = iter(_align_pairs(pairs, costs))
    return [[next(aligned) for _ in language_pairs(interview.transcripts)] for interview in interviews]


def align_transcripts(
    interview_id: str,
    left: Transcript,
    right: Transcript,
    costs: Costs = SENTENCE_COSTS,
) -> PairAlignment:
    """Align two translations of one interview at every level (``left`` in the first language of the pair)."""
    return _align_pairs([(interview_id, left, right)], costs)[0]


@dataclass(frozen=True, slots=True)
class _TurnLevel:
    """One pair of translations aligned turn by turn and exchange by exchange, before its sentences."""

    interview_id: str
    left: Transcript
    right: Transcript
    beads: list[Bead]
    turns: list[ParallelTurn]
    qa: list[ParallelQA]

    @classmethod
    def of(cls, interview_id: str, left: Transcript, right: Transcript, beads: list[Bead]) -> _TurnLevel:
        langs = (left.lang, right.lang)
        prefix = _prefix(interview_id, langs)
        turns = _parallel_turns(prefix, interview_id, beads, left.turns, right.turns, langs)
        qa = _parallel_qa(prefix, interview_id, beads, left, right, langs)
        return cls(interview_id, left, right, beads, turns, qa)

    @property
    def langs(self) -> tuple[str, str]:
        return self.left.lang, self.right.lang

    @property
    def sentence_group(self) -> SentenceGroup:
        """The turn pairs' texts, to be split into sentences and aligned."""
        langs = self.langs
        return SentenceGroup(
            [(row.translation[langs[0]], row.translation[langs[1]]) for row in self.turns],
            (self.left.sentence_rules, self.right.sentence_rules),
            langs,
        )

    def finished(self, aligned: list[SentenceAlignment]) -> PairAlignment:
        langs, rules = self.langs, (self.left.sentence_rules, self.right.sentence_rules)
        prefix = _prefix(self.interview_id, langs)
        sentences, alone = sentence_records(self.turns, aligned, langs, rules)
        unpaired = (
            _unpaired_turns(prefix, self.beads, self.left, self.right)
            + _unpaired_exchanges(prefix, self.qa, self.left, self.right)
            + alone
        )
        return PairAlignment(self.interview_id, langs, self.beads, self.turns, self.qa, sentences, unpaired, aligned)


def _prefix(interview_id: str, langs: tuple[str, str]) -> str:
    """What the ids of a pair's records start with: ``<interview>/<pair>``."""
    return f"{interview_id}/{pair_name(langs)}"


def _align_pairs(pairs: Sequence[tuple[str, Transcript, Transcript]], costs: Costs) -> list[PairAlignment]:
    levels = _turn_levels(pairs)
    sentences = sentence_beads_grouped([level.sentence_group for level in levels], costs)
    return [level.finished(aligned) for level, aligned in zip(levels, sentences, strict=True)]


def _turn_levels(pairs: Sequence[tuple[str, Transcript, Transcript]]) -> list[_TurnLevel]:
    """The pairs aligned turn by turn, each checked for being translations of one another at all."""
    groups = [
        Group([(turn_items(left.turns), turn_items(right.turns))], (left.lang, right.lang)) for _, left, right in pairs
    ]
    levels = [
        _TurnLevel.of(interview_id, left, right, ambiguous_gaps(beads, group.pairs[0], group.langs))
        for (interview_id, left, right), group, (beads,) in zip(pairs, groups, align_groups(groups), strict=True)
    ]
    aligned = [
        AlignedTurns(
            level.beads,
            (level.left.turns, level.right.turns),
            group.pairs[0],
            level.langs,
            (level.left.notes, level.right.notes),
        )
        for level, group in zip(levels, groups, strict=True)
    ]
    for level, pair in zip(levels, aligned, strict=True):
        if level.right.turns:
            check_lengths(level.turns, level.langs, level.right.notes, level.right.turns[0].source.line_start)
        check_missing(pair)
        check_gaps(pair)
        check_speakers(level.turns, pair)
    check_order(aligned)
    return levels


def check_translations(interview: Interview) -> None:
    """Align ``interview``'s translations turn by turn, only to warn (into their notes) where two of them do not
    read as translations of one another (:func:`~qa_builder.alignment.translations.check_lengths`) or in one order
    (:func:`~qa_builder.alignment.translations.check_order`)."""
    _turn_levels(
        [
            (interview.id, interview.transcripts[a], interview.transcripts[b])
            for a, b in language_pairs(interview.transcripts)
        ]
    )


def turn_items(turns: Sequence[Turn]) -> list[AlignItem]:
    """What the aligner needs of each turn: its text, who says it, and whether it asks or answers."""
    return [AlignItem(turn.text, turn.role, turn.speaker or "", FUNCTIONS[turn.role]) for turn in turns]


def _unique(values: Iterable[str | None]) -> list[str | None]:
    return list(dict.fromkeys(values))


def _parallel_turns(
    prefix: str,
    interview_id: str,
    beads: Sequence[Bead],
    left: Sequence[Turn],
    right: Sequence[Turn],
    langs: tuple[str, str],
) -> list[ParallelTurn]:
    rows: list[ParallelTurn] = []
    for bead in (b for b in beads if b.paired):
        sides = ([left[i] for i in bead.left], [right[j] for j in bead.right])
        index = len(rows)
        rows.append(
            ParallelTurn(
                id=f"{prefix}/p{index:03d}",
                interview_id=interview_id,
                pair_index=index,
                translation={lang: "\n".join(t.text for t in side) for lang, side in zip(langs, sides, strict=True)},
                roles={
                    lang: list(dict.fromkeys(t.role for t in side)) for lang, side in zip(langs, sides, strict=True)
                },
                speakers={lang: _unique(t.speaker for t in side) for lang, side in zip(langs, sides, strict=True)},
                turn_indices={langs[0]: list(bead.left), langs[1]: list(bead.right)},
                bead=bead.kind,
                score=bead.score,
                issues=sorted(bead.flags),
            )
        )
    return rows


def _parallel_qa(
    prefix: str,
    interview_id: str,
    beads: Sequence[Bead],
    left: Transcript,
    right: Transcript,
    langs: tuple[str, str],
) -> list[ParallelQA]:
    """Pair exchanges whose first questions share a bead; score by the weakest bead their turns touch."""
    bead_of_left = {i: bead for bead in beads for i in bead.left}
    bead_of_right = {j: bead for bead in beads for j in bead.right}
    right_by_question = {e.turn_indices[0]: e for e in right.exchanges}
    rows: list[ParallelQA] = []
    for a in left.exchanges:
        partners = [right_by_question[j] for j in bead_of_left[a.turn_indices[0]].right if j in right_by_question]
        if len(partners) != 1:
            continue
        b = partners[0]
        touched = {id(bead_of_left[i]): bead_of_left[i] for i in a.turn_indices}
        touched |= {id(bead_of_right[j]): bead_of_right[j] for j in b.turn_indices}
        index = len(rows)
        rows.append(
            ParallelQA(
                id=f"{prefix}/q{index:03d}",
                interview_id=interview_id,
                pair_index=index,
                question={langs[0]: a.question, langs[1]: b.question},
                answer={langs[0]: a.answer, langs[1]: b.answer},
                question_speakers={langs[0]: a.question_speakers, langs[1]: b.question_speakers},
                answer_speakers={langs[0]: a.answer_speakers, langs[1]: b.answer_speakers},
                exchange_indices={langs[0]: a.exchange_index, langs[1]: b.exchange_index},
                score=round(min(bead.score for bead in touched.values()), 4),
                issues=_qa_issues(a, b, bead_of_left),
            )
        )
    return rows


def _qa_issues(a: Exchange, b: Exchange, bead_of_left: dict[int, Bead]) -> list[str]:
    issues = set()
    if a.answer_speakers != b.answer_speakers or a.question_speakers != b.question_speakers:
        issues.add("speaker_mismatch")
    aligned_right = {j for i in a.turn_indices for j in bead_of_left[i].right}
    if aligned_right != set(b.turn_indices):
        issues.add("answer_turns_differ")
    if any(AMBIGUOUS_GAP in bead_of_left[i].flags for i in a.turn_indices):
        issues.add(AMBIGUOUS_GAP)
    return sorted(issues)


def _unpaired_turns(prefix: str, beads: Sequence[Bead], left: Transcript, right: Transcript) -> list[Unpaired]:
    rows = []
    for bead in (b for b in beads if not b.paired):
        side, indices = (left, bead.left) if bead.left else (right, bead.right)
        rows.append(
            Unpaired(
                id=f"{prefix}/t{side.lang}{indices[0]:03d}",
                interview_id=side.turns[0].interview_id,
                level="turn",
                lang=side.lang,
                text="\n".join(side.turns[i].text for i in indices),
                indices=list(indices),
                pair_index=None,
                bead_index=None,
            )
        )
    return rows


def _unpaired_exchanges(prefix: str, qa: Sequence[ParallelQA], left: Transcript, right: Transcript) -> list[Unpaired]:
    rows = []
    for side in (left, right):
        paired = {row.exchange_indices[side.lang] for row in qa}
        for exchange in side.exchanges:
            if exchange.exchange_index in paired:
                continue
            rows.append(
                Unpaired(
                    id=f"{prefix}/q{side.lang}{exchange.exchange_index:03d}",
                    interview_id=exchange.interview_id,
                    level="exchange",
                    lang=side.lang,
                    text=f"{exchange.question}\n{exchange.answer}",
                    indices=[exchange.exchange_index],
                    pair_index=None,
                    bead_index=None,
                )
            )
    return rows
