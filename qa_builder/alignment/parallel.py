"""Parallel records of one interview: aligned turn pairs, exchanges and sentences.

The dataset's parallel configs pair German and Chinese (``PAIR``); an interview
without both languages contributes no parallel rows. Speakers are kept as each
translation prints them; where they differ the row is flagged
``speaker_mismatch`` rather than corrected. Sentences are aligned inside each
turn pair only, so a sentence pair never crosses a turn boundary; each sentence
pair inherits its turn pair's flags.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..models import ROLE_FUNCTIONS, Exchange, LangPair, ParallelQA, ParallelSentence, ParallelTurn, Turn, TurnIndices
from ..transcripts.conventions import SentenceRules
from ..transcripts.interview import Interview, Transcript
from ..transcripts.sentences import split_sentences
from .model import SENTENCE_COSTS, AlignItem, Bead, Costs, align, align_many

__all__ = ["PAIR", "Alignment", "SentenceAlignment", "align_interview", "parallel_sentences", "sentence_beads"]

PAIR = ("de", "zh")


@dataclass(frozen=True, slots=True)
class Alignment:
    interview_id: str
    beads: list[Bead]
    turns: list[ParallelTurn]
    qa: list[ParallelQA]
    sentences: list[ParallelSentence]

    @property
    def unpaired(self) -> dict[str, int]:
        return {
            PAIR[0]: sum(len(b.left) for b in self.beads if not b.right),
            PAIR[1]: sum(len(b.right) for b in self.beads if not b.left),
        }

    @property
    def unpaired_sentences(self) -> dict[str, int]:
        indices = [row.sentence_indices for row in self.sentences]
        return {
            PAIR[0]: sum(len(pair.de) for pair in indices if not pair.zh),
            PAIR[1]: sum(len(pair.zh) for pair in indices if not pair.de),
        }


def align_interview(interview: Interview) -> Alignment | None:
    """Align the interview's German and Chinese turns; None if it lacks one of them."""
    if not all(lang in interview.transcripts for lang in PAIR):
        return None
    left, right = (interview.transcripts[lang] for lang in PAIR)
    beads = align(turn_items(left.turns), turn_items(right.turns))
    turns = _parallel_turns(interview.id, beads, left.turns, right.turns)
    qa = _parallel_qa(interview.id, beads, left, right)
    rules = (interview.meta.conventions(PAIR[0]).sentences, interview.meta.conventions(PAIR[1]).sentences)
    return Alignment(interview.id, beads, turns, qa, parallel_sentences(turns, rules))


def parallel_sentences(
    pairs: Sequence[ParallelTurn], rules: tuple[SentenceRules, SentenceRules], costs: Costs = SENTENCE_COSTS
) -> list[ParallelSentence]:
    """Split each turn pair into sentences and align them; every sentence lands in one row.

    ``rules`` are the sentence rules of ``PAIR``'s two languages, in that order;
    ``costs`` may carry a similarity hook (see :class:`~qa_builder.align.Costs`).
    """
    texts = [(pair.translation[PAIR[0]], pair.translation[PAIR[1]]) for pair in pairs]
    rows: list[ParallelSentence] = []
    for pair, aligned in zip(pairs, sentence_beads(texts, rules, costs), strict=True):
        for local, (bead, joined) in enumerate(zip(aligned.beads, aligned.joined(rules), strict=True)):
            rows.append(
                ParallelSentence(
                    id=f"{pair.id}/s{local:03d}",
                    interview_id=pair.interview_id,
                    pair_index=pair.index,
                    index=len(rows),
                    translation=dict(zip(PAIR, joined, strict=True)),
                    sentence_indices=TurnIndices(de=list(bead.left), zh=list(bead.right)),
                    bead=bead.kind,
                    score=bead.score,
                    flags=list(pair.flags),
                )
            )
    return rows


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
    texts: Sequence[tuple[str, str]], rules: tuple[SentenceRules, SentenceRules], costs: Costs = SENTENCE_COSTS
) -> list[SentenceAlignment]:
    """Split both texts of each pair by their language's rules and align the sentences, all pairs in one batch.

    >>> from qa_builder.transcripts.conventions import builtin_conventions
    >>> rules = (builtin_conventions("de").sentences, builtin_conventions("zh").sentences)
    >>> aligned = sentence_beads([("Ja. Das ist gut.", "是的，这很好。")], rules)[0]
    >>> [bead.kind for bead in aligned.beads], aligned.left
    (['2-1'], ['Ja.', 'Das ist gut.'])
    """
    split = [(split_sentences(left, rules[0]), split_sentences(right, rules[1])) for left, right in texts]
    items = [([AlignItem(s) for s in left], [AlignItem(s) for s in right]) for left, right in split]
    beads = align_many(items, costs=costs)
    return [SentenceAlignment(left, right, found) for (left, right), found in zip(split, beads, strict=True)]


def _joiner(rules: SentenceRules) -> str:
    """Sentences of a language written with spaces between them are joined with one."""
    return " " if rules.space_after else ""


def turn_items(turns: Sequence[Turn]) -> list[AlignItem]:
    """What the aligner needs of each turn: its text, who says it, and whether it asks or answers."""
    return [AlignItem(turn.text, turn.role, turn.speaker, ROLE_FUNCTIONS[turn.role]) for turn in turns]


def _join(values: Sequence[str]) -> str:
    return " & ".join(dict.fromkeys(values))


def _parallel_turns(
    interview_id: str, beads: Sequence[Bead], left: Sequence[Turn], right: Sequence[Turn]
) -> list[ParallelTurn]:
    rows: list[ParallelTurn] = []
    for bead in (b for b in beads if b.paired):
        a, b = [left[i] for i in bead.left], [right[j] for j in bead.right]
        index = len(rows)
        rows.append(
            ParallelTurn(
                id=f"{interview_id}/p{index:03d}",
                interview_id=interview_id,
                index=index,
                translation={PAIR[0]: "\n".join(t.text for t in a), PAIR[1]: "\n".join(t.text for t in b)},
                role=LangPair(de=_join([t.role for t in a]), zh=_join([t.role for t in b])),
                speaker=LangPair(de=_join([t.speaker for t in a]), zh=_join([t.speaker for t in b])),
                turn_indices=TurnIndices(de=list(bead.left), zh=list(bead.right)),
                bead=bead.kind,
                score=bead.score,
                flags=sorted(bead.flags),
            )
        )
    return rows


def _parallel_qa(interview_id: str, beads: Sequence[Bead], left: Transcript, right: Transcript) -> list[ParallelQA]:
    """Pair exchanges whose questions share a bead; score by the beads their turns touch."""
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
                id=f"{interview_id}/pq{index:03d}",
                interview_id=interview_id,
                index=index,
                question={PAIR[0]: a.question, PAIR[1]: b.question},
                answer={PAIR[0]: a.answer, PAIR[1]: b.answer},
                answer_speaker=LangPair(de=a.answer_speaker, zh=b.answer_speaker),
                exchange_indices=TurnIndices(de=[a.index], zh=[b.index]),
                score=round(min(bead.score for bead in touched.values()), 4),
                flags=_qa_flags(a, b, bead_of_left),
            )
        )
    return rows


def _qa_flags(a: Exchange, b: Exchange, bead_of_left: dict[int, Bead]) -> list[str]:
    flags = set()
    if a.answer_speaker != b.answer_speaker or a.question_speaker != b.question_speaker:
        flags.add("speaker_mismatch")
    aligned_right = {j for i in a.turn_indices for j in bead_of_left[i].right}
    if aligned_right != set(b.turn_indices):
        flags.add("answer_turns_differ")
    return sorted(flags)
