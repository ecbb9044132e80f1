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
    "AlignItem": "alignment.model",
    "Bead": "alignment.model",
    "align": "alignment.model",
    "align_many": "alignment.model",
    "SENTENCE_COSTS": "alignment.model",
    "TURN_COSTS": "alignment.model",
    "evaluate_gold": "alignment.evaluation",
    "score_alignments": "alignment.evaluation",
    "BuildReport": "dataset.build",
    "build": "dataset.build",
    "check": "dataset.build",
    "process_interview": "dataset.build",
    "QABuilderError": "errors",
    "Interview": "transcripts.interview",
    "Transcript": "transcripts.interview",
    "discover": "transcripts.interview",
    "load_interview": "transcripts.interview",
    "parse_file": "transcripts.interview",
    "InterviewMeta": "transcripts.meta",
    "load_meta": "transcripts.meta",
    "Exchange": "models",
    "ParallelQA": "models",
    "ParallelSentence": "models",
    "ParallelTurn": "models",
    "Segment": "models",
    "Source": "models",
    "Turn": "models",
    "align_interview": "alignment.parallel",
    "parallel_sentences": "alignment.parallel",
    "split_sentences": "transcripts.sentences",
    "write_report": "site.write",
    "Review": "site.rows",
    "ReviewSummary": "site.rows",
    "review_interview": "site.rows",
    "length_chart": "site.chart",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module 'qa_builder' has no attribute {name!r}")
    return getattr(import_module(f".{_EXPORTS[name]}", __name__), name)
