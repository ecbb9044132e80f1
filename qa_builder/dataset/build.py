"""``qa-builder build``: every interview of a raw folder into one dataset folder.

Interviews are independent, so each is processed by :func:`process_interview`
(a pure function of its folder) in worker processes; results come back in
folder order and are streamed to the Parquet writers, so memory holds a few
interviews, and the output is the same bytes whatever the number of workers.
The dataset is written next to ``--out`` and swapped in only once complete.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from ..alignment.parallel import PairAlignment, align_interview
from ..models import PAIR_FAMILIES
from ..outdir import DATASET, check_output, write_output
from ..site.write import interview_files, write_files, write_index
from ..summary import summarize
from ..transcripts.interview import discover, interview_records, load_interview
from .features import config_name
from .pool import cores, few_collections, ordered_map
from .summary import SITE_FOLDER, BuildSummary, FlaggedPair

if TYPE_CHECKING:
    import pyarrow as pa

    from ..summary import InterviewSummary

__all__ = ["InterviewOutput", "build", "check", "process_interview"]

MONOLINGUAL = ("interviews", "turns", "qa", "segments")
"""The configs every dataset has, one row per record of one language."""


@dataclass(frozen=True, slots=True)
class InterviewOutput:
    """What one interview adds to the dataset: rows per config, its site files, and its summary."""

    summary: InterviewSummary
    rows: dict[str, list[dict[str, Any]]]
    files: dict[str, str]
    """Files besides Parquet rows, by path in the dataset folder: the interview's site pages and charts."""
    flagged: list[FlaggedPair]


def process_interview(folder: Path) -> InterviewOutput:
    """Parse, validate and align one interview folder into plain rows."""
    interview = load_interview(folder)
    alignments = align_interview(interview)
    summary = summarize(interview, alignments)
    transcripts = [interview.transcripts[lang] for lang in sorted(interview.transcripts)]
    rows: dict[str, list[dict[str, Any]]] = {
        "interviews": [record.model_dump() for record in interview_records(interview)],
        "turns": [turn.model_dump() for t in transcripts for turn in t.turns],
        "qa": [exchange.model_dump() for t in transcripts for exchange in t.exchanges],
        "segments": [segment.model_dump() for t in transcripts for segment in t.segments],
    }
    for alignment in alignments:
        rows |= _pair_rows(alignment)
    files = {f"{SITE_FOLDER}/{name}": text for name, text in interview_files(interview, alignments, summary).items()}
    flagged = [FlaggedPair.of(alignment, row) for alignment in alignments for row in alignment.turns if row.issues]
    return InterviewOutput(summary, rows, files, flagged)


def _pair_rows(alignment: PairAlignment) -> dict[str, list[dict[str, Any]]]:
    records: tuple[Sequence[BaseModel], ...] = (alignment.turns, alignment.qa, alignment.sentences, alignment.unpaired)
    return {
        config_name(family, alignment.langs): [record.model_dump() for record in found]
        for family, found in zip(PAIR_FAMILIES, records, strict=True)
    }


def build(raw: Path, out: Path, *, jobs: int | None = None) -> BuildSummary:
    """Build the dataset from ``raw`` into ``out``, atomically.

    A failed build leaves an existing ``out`` untouched.
    """
    summary = write_output(out, DATASET, lambda staging: _write(raw, staging, jobs), protect=[raw])
    summary.out = out
    return summary


def check(raw: Path, out: Path, *, jobs: int | None = None) -> None:
    """Raise :class:`~qa_builder.errors.StaleError` unless ``out`` is byte for byte what a build would make."""
    check_output(
        out,
        DATASET,
        lambda fresh: _write(raw, fresh, jobs),
        fix=f"run `qa-builder build --raw {raw} --out {out}` and commit the result",
    )


def _write(raw: Path, out: Path, jobs: int | None) -> BuildSummary:
    from .card import check_card, render_card
    from .export import ParquetSink

    folders = discover(raw)
    sink = ParquetSink(out, MONOLINGUAL)
    summary = BuildSummary(out)
    (out / SITE_FOLDER).mkdir()
    try:
        with few_collections():
            for result, batches in ordered_map(_processed, folders, jobs or cores()):
                for config, batch in batches.items():
                    sink.write(config, batch)
                write_files(out, result.files)
                summary.add(result.summary, result.flagged)
    finally:
        written = sink.close()
    summary.counts = {config: written[config].rows for config in sorted(written, key=_config_order)}
    summary.files = {config: written[config].path for config in summary.counts}
    write_index(out / SITE_FOLDER, summary.interviews)
    card = out / "README.md"
    card.write_text(render_card(summary), encoding="utf-8")
    check_card(card)
    return summary


def _config_order(config: str) -> tuple[int, str]:
    """Monolingual configs first in their own order, then each pair's configs, pair by pair."""
    if config in MONOLINGUAL:
        return MONOLINGUAL.index(config), ""
    family, _, pair = config.partition(".")
    return len(MONOLINGUAL) + PAIR_FAMILIES.index(family), pair


def _processed(folder: Path) -> tuple[InterviewOutput, dict[str, pa.RecordBatch]]:
    """A worker's share: one interview's output without its rows, and its rows as Arrow batches."""
    from .export import record_batches

    result = process_interview(folder)
    return InterviewOutput(result.summary, {}, result.files, result.flagged), record_batches(result.rows)
