"""Score an alignment against a gold one: strict and lax precision, recall and F1.

The definitions are those of Vecalign's ``score.py``, which Bertalign reports:
a test bead is a *strict* hit if the gold has exactly that bead, a *lax* hit if
it shares a source sentence and a target sentence with some gold bead.
Precision counts every test bead (null beads included), recall every gold bead
that pairs something (null beads left out). Counts are summed over all the
documents (here: turn pairs) before dividing.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict, ValidationError

from ..errors import InputError, LayoutError, ParseError, first_problem

if TYPE_CHECKING:
    from .parallel import PairAlignment

__all__ = [
    "AlignmentScores",
    "BeadIndices",
    "GoldPair",
    "GoldEvaluation",
    "evaluate_gold",
    "load_gold",
    "score_alignments",
    "score_sentences",
]

BeadIndices = tuple[tuple[int, ...], tuple[int, ...]]


@dataclass(frozen=True, slots=True)
class AlignmentScores:
    strict_precision: float
    strict_recall: float
    lax_precision: float
    lax_recall: float

    @property
    def strict_f1(self) -> float:
        return _f1(self.strict_precision, self.strict_recall)

    @property
    def lax_f1(self) -> float:
        return _f1(self.lax_precision, self.lax_recall)

    def as_dict(self) -> dict[str, dict[str, float]]:
        """The six figures, rounded to three places, as the card prints them."""
        figures = {
            "strict": (self.strict_precision, self.strict_recall, self.strict_f1),
            "lax": (self.lax_precision, self.lax_recall, self.lax_f1),
        }
        return {
            kind: {name: round(value, 3) for name, value in zip(("precision", "recall", "f1"), values, strict=True)}
            for kind, values in figures.items()
        }


def score_alignments(gold: Iterable[Sequence[BeadIndices]], test: Iterable[Sequence[BeadIndices]]) -> AlignmentScores:
    """Strict and lax scores of ``test`` against ``gold``, one bead list per document each.

    >>> s = score_alignments([[((0,), (0,)), ((1,), (1,))]], [[((0, 1), (0, 1))]])
    >>> round(s.strict_f1, 2), round(s.lax_f1, 2)
    (0.0, 1.0)
    """
    precision, recall = [0, 0, 0, 0], [0, 0, 0, 0]
    for gold_beads, test_beads in zip(gold, test, strict=True):
        precision = [a + b for a, b in zip(precision, _hits(gold_beads, test_beads), strict=True)]
        recall = [a + b for a, b in zip(recall, _hits(_paired(test_beads), _paired(gold_beads)), strict=True)]
    return AlignmentScores(
        strict_precision=_ratio(precision[0], precision[1]),
        strict_recall=_ratio(recall[0], recall[1]),
        lax_precision=_ratio(precision[2], precision[3]),
        lax_recall=_ratio(recall[2], recall[3]),
    )


def _paired(beads: Sequence[BeadIndices]) -> list[BeadIndices]:
    return [(a, b) for a, b in beads if a and b]


def _hits(gold: Sequence[BeadIndices], test: Sequence[BeadIndices]) -> tuple[int, int, int, int]:
    """(strict hits, strict misses, lax hits, lax misses) of the test beads."""
    gold_set = {(tuple(a), tuple(b)) for a, b in gold if a or b}
    partners: dict[int, set[int]] = defaultdict(set)
    for a, b in gold_set:
        for i in a:
            partners[i].update(b)
    strict_hits = strict_misses = lax_hits = lax_misses = 0
    for a, b in {(tuple(a), tuple(b)) for a, b in test if a or b}:
        if (a, b) in gold_set:
            strict_hits, lax_hits = strict_hits + 1, lax_hits + 1
        elif set(b) & {j for i in a for j in partners[i]}:
            strict_misses, lax_hits = strict_misses + 1, lax_hits + 1
        else:
            strict_misses, lax_misses = strict_misses + 1, lax_misses + 1
    return strict_hits, strict_misses, lax_hits, lax_misses


def _ratio(hits: int, misses: int) -> float:
    return hits / (hits + misses) if hits + misses else 0.0


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


@dataclass(frozen=True, slots=True)
class GoldPair:
    """One turn pair of a gold file: its sentences as segmented, and the beads a person chose."""

    pair_index: int
    sentences: dict[str, list[str]]
    beads: list[BeadIndices]


@dataclass(frozen=True, slots=True)
class GoldEvaluation:
    """The sentence aligner scored on one interview's gold."""

    interview_id: str
    langs: tuple[str, str]
    pairs: int
    beads: int
    scores: AlignmentScores

    def to_json(self) -> str:
        """What the dataset card prints (``dataset/templates/sentence_quality.json``)."""
        document = {"interview_id": self.interview_id, "pair": "-".join(self.langs), "pairs": self.pairs}
        document |= {"beads": self.beads}
        return json.dumps(document | self.scores.as_dict(), indent=2) + "\n"


def written_scores(text: str) -> bool:
    """Whether ``text`` is a scores document :meth:`GoldEvaluation.to_json` wrote (what ``evaluate --write`` may
    replace).

    >>> written_scores('{"interview_id": "x", "pair": "de-zh", "pairs": 3, "beads": 9, "strict": {}}')
    True
    >>> written_scores("Q: Why?")
    False
    """
    try:
        document = json.loads(text)
    except ValueError:
        return False
    return isinstance(document, dict) and {"interview_id", "pair", "pairs", "beads"} <= document.keys()


def evaluate_gold(gold_path: Path, raw: Path) -> GoldEvaluation:
    """Align the gold's interview (``raw/<interview_id>``) and score its sentence beads against the gold."""
    from ..transcripts.interview import load_interview
    from .parallel import align_interview

    interview_id, langs, gold = load_gold(gold_path)
    folder = raw / interview_id
    if not folder.is_dir():
        raise LayoutError(
            f"no interview folder {folder} for the gold's interview_id {interview_id!r}",
            path=gold_path,
            hint="pass the raw folder that holds it with --raw",
        )
    alignments = align_interview(load_interview(folder))
    found = [a for a in alignments if a.langs == langs or (not any(langs) and len(alignments) == 1)]
    if not found:
        raise ParseError(
            f"the interview has no {'-'.join(langs)} pair to align", path=gold_path, hint="check the gold's languages"
        )
    scores = score_sentences(gold, found[0], path=gold_path)
    return GoldEvaluation(interview_id, langs, len(gold), sum(len(pair.beads) for pair in gold), scores)


class _GoldPairFile(BaseModel):
    """One turn pair: its ``beads`` and, under each language's code, its sentences."""

    model_config = ConfigDict(extra="allow")

    pair_index: int
    beads: list[tuple[list[int], list[int]]]
    __pydantic_extra__: dict[str, list[str]]


class _GoldFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    interview_id: str
    pairs: list[_GoldPairFile]


def load_gold(path: Path) -> tuple[str, tuple[str, str], list[GoldPair]]:
    """Read a gold sentence alignment: its interview id, languages and pairs (format: ``tests/gold/README.md``)."""
    try:
        document = _GoldFile.model_validate_json(path.read_bytes())
    except OSError as error:
        raise InputError(f"cannot read the gold file: {error.strerror}", path=path, hint="check the path") from None
    except ValidationError as error:
        raise InputError(
            f"not a gold alignment file: {first_problem(error)}", path=path, hint="see tests/gold/README.md"
        ) from None
    langs = sorted({lang for pair in document.pairs for lang in (pair.model_extra or {})})
    if len(langs) != 2 and document.pairs:
        raise InputError(
            f"not a gold alignment file: its pairs hold languages {langs}, not two",
            path=path,
            hint="see tests/gold/README.md",
        )
    pairs = [
        GoldPair(pair.pair_index, dict(pair.model_extra or {}), [(tuple(a), tuple(b)) for a, b in pair.beads])
        for pair in document.pairs
    ]
    return document.interview_id, (langs[0], langs[1]) if len(langs) == 2 else ("", ""), pairs


def score_sentences(gold: Sequence[GoldPair], alignment: PairAlignment, *, path: Path | None = None) -> AlignmentScores:
    """Score an alignment's sentence beads against its gold (read from ``path``).

    Raises :class:`ParseError` where the alignment's turn pairs are not the gold's:
    the gold's indices would then point at other sentences.
    """
    found = {
        pair.pair_index: [(bead.left, bead.right) for bead in aligned.beads]
        for pair, aligned in zip(alignment.turns, alignment.sentence_alignments, strict=True)
    }
    if sorted(found) != [pair.pair_index for pair in gold]:
        raise ParseError(
            "the gold aligns other turn pairs than the dataset has",
            path=path,
            hint="remake the gold for the current parallel_turns (see tests/gold/README.md)",
        )
    return score_alignments([pair.beads for pair in gold], [found[pair.pair_index] for pair in gold])
