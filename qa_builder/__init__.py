"""qa-builder: translated interview transcripts → a validated, aligned HuggingFace dataset.

The stages, each a subpackage from data to data::

    transcripts/ (raw folder → parsed interviews: turns, segments, exchanges)
    → alignment/ (→ every language pair aligned: parallel turns, exchanges, sentences)
    → dataset/ (→ Parquet per config, the card, the JSON Schema)
    and site/ (→ the review site), with the records in ``models`` and errors in ``errors``.

The public names below are imported on first use, so importing the package
(and so ``qa-builder --help``) stays instant; type checkers see them as they are.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .alignment.evaluation import evaluate_gold, score_alignments
    from .alignment.items import SENTENCE_COSTS, TURN_COSTS, AlignItem, Costs
    from .alignment.model import Bead, align, align_many
    from .alignment.parallel import PairAlignment, align_interview, align_transcripts
    from .alignment.sentencelists import align_sentences
    from .dataset.build import build, check, process_interview
    from .dataset.summary import BuildSummary
    from .errors import QABuilderError
    from .models import Exchange, InterviewRecord, ParallelQA, ParallelSentence, ParallelTurn, Segment, Turn, Unpaired
    from .site.write import write_site
    from .summary import InterviewSummary, summarize
    from .transcripts.interview import Interview, Transcript, discover, load_interview, parse_file
    from .transcripts.meta import InterviewMeta, load_meta
    from .transcripts.sentences import split_sentences

_EXPORTS = {
    "AlignItem": "alignment.items",
    "Costs": "alignment.items",
    "SENTENCE_COSTS": "alignment.items",
    "TURN_COSTS": "alignment.items",
    "Bead": "alignment.model",
    "align": "alignment.model",
    "align_many": "alignment.model",
    "PairAlignment": "alignment.parallel",
    "align_interview": "alignment.parallel",
    "align_transcripts": "alignment.parallel",
    "align_sentences": "alignment.sentencelists",
    "evaluate_gold": "alignment.evaluation",
    "score_alignments": "alignment.evaluation",
    "BuildSummary": "dataset.summary",
    "build": "dataset.build",
    "check": "dataset.build",
    "process_interview": "dataset.build",
    "QABuilderError": "errors",
    "Exchange": "models",
    "InterviewRecord": "models",
    "ParallelQA": "models",
    "ParallelSentence": "models",
    "ParallelTurn": "models",
    "Segment": "models",
    "Turn": "models",
    "Unpaired": "models",
    "write_site": "site.write",
    "InterviewSummary": "summary",
    "summarize": "summary",
    "Interview": "transcripts.interview",
    "Transcript": "transcripts.interview",
    "discover": "transcripts.interview",
    "load_interview": "transcripts.interview",
    "parse_file": "transcripts.interview",
    "InterviewMeta": "transcripts.meta",
    "load_meta": "transcripts.meta",
    "split_sentences": "transcripts.sentences",
}

__all__ = [
    "AlignItem",
    "Bead",
    "BuildSummary",
    "Costs",
    "Exchange",
    "Interview",
    "InterviewMeta",
    "InterviewRecord",
    "InterviewSummary",
    "PairAlignment",
    "ParallelQA",
    "ParallelSentence",
    "ParallelTurn",
    "QABuilderError",
    "SENTENCE_COSTS",
    "Segment",
    "TURN_COSTS",
    "Transcript",
    "Turn",
    "Unpaired",
    "align",
    "align_interview",
    "align_many",
    "align_sentences",
    "align_transcripts",
    "build",
    "check",
    "discover",
    "evaluate_gold",
    "load_interview",
    "load_meta",
    "parse_file",
    "process_interview",
    "score_alignments",
    "split_sentences",
    "summarize",
    "write_site",
]


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module 'qa_builder' has no attribute {name!r}")
    return getattr(import_module(f".{_EXPORTS[name]}", __name__), name)
