"""qa-builder: translated interview transcripts → a validated, aligned HuggingFace dataset.

The stages, each a function from data to data::

    read.py (bytes → lines → paragraphs) → parse.py (→ turns, segments)
    → exchanges.py (→ Q&A) → align.py / parallel.py (→ parallel turns, exchanges;
    sentences.py splits turn pairs into sentences, which align.py pairs too)
    → export.py + card.py (→ Parquet + dataset card), driven by build.py.

The review site: review.py (→ rows in document order) → chart.py (SVG) and
reportpage.py (HTML), written by report.py into report/ or dist/report/.

The public names below are imported on first use, so importing the package
(and so ``qa-builder --help``) stays instant.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

_EXPORTS = {
    "AlignItem": "align",
    "Bead": "align",
    "align": "align",
    "align_many": "align",
    "SENTENCE_COSTS": "align",
    "TURN_COSTS": "align",
    "evaluate_gold": "evaluate",
    "score_alignments": "evaluate",
    "BuildReport": "build",
    "build": "build",
    "check": "build",
    "process_interview": "build",
    "QABuilderError": "errors",
    "Interview": "interview",
    "Transcript": "interview",
    "discover": "interview",
    "load_interview": "interview",
    "parse_file": "interview",
    "InterviewMeta": "meta",
    "load_meta": "meta",
    "Exchange": "models",
    "ParallelQA": "models",
    "ParallelSentence": "models",
    "ParallelTurn": "models",
    "Segment": "models",
    "Source": "models",
    "Turn": "models",
    "align_interview": "parallel",
    "parallel_sentences": "parallel",
    "split_sentences": "sentences",
    "write_report": "report",
    "Review": "review",
    "ReviewSummary": "review",
    "review_interview": "review",
    "length_chart": "chart",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module 'qa_builder' has no attribute {name!r}")
    return getattr(import_module(f".{_EXPORTS[name]}", __name__), name)
