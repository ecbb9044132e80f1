"""``qa-builder build``: every interview of a raw folder into one dataset folder.

Interviews are independent, so each is processed by :func:`process_interview`
(a pure function of its folder) in worker processes; results come back in
folder order and are streamed to the Parquet writers, so memory holds a few
interviews, and the output is the same bytes whatever the number of workers.
The dataset is written next to ``--out`` and swapped in only once complete.
"""

from __future__ import annotations

import gc
import os
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, TypeVar

from ..alignment.parallel import align_interview
from ..outdir import DATASET, check_output, write_output
from ..site.rows import ReviewSummary
from ..site.write import interview_files, write_files, write_index
from ..transcripts.interview import Interview, discover, load_interview
from ..transcripts.parse import ParseWarning

__all__ = ["BuildReport", "InterviewResult", "build", "check", "process_interview"]

T = TypeVar("T")
R = TypeVar("R")


@dataclass(frozen=True, slots=True)
class InterviewResult:
    """Everything the build keeps of one interview: rows per config and what the card reports."""

    id: str
    title: str
    publisher: str
    url: str
    published: str
    license: str
    license_note: str | None
    languages: list[str]
    rows: dict[str, list[dict[str, Any]]]
    turns_by_speaker: dict[str, dict[str, int]]
    unpaired_sentences: dict[str, int]
    segments_by_kind: dict[str, int]
    flag_counts: dict[str, dict[str, int]]
    """Per config, how many rows carry each flag."""
    review: ReviewSummary
    files: dict[str, str]
    """Files the interview adds to the dataset folder besides Parquet rows: its review page and chart."""


REPORT = "report"
"""The review site's folder inside the dataset folder (see :mod:`qa_builder.site.write`)."""

KNOWN_ISSUES_SHOWN = 100
"""Flagged turn pairs (and warnings) the card lists; a build keeps no more flagged rows than
that, and counts the rest, so its memory does not grow with the corpus."""


@dataclass(slots=True)
class BuildReport:
    """What a build tells its caller and the card: per interview a summary without rows."""

    out: Path
    counts: dict[str, int] = field(default_factory=dict)
    files: dict[str, str] = field(default_factory=dict)
    """Each config's data file, relative to ``out`` (content-addressed, see :mod:`qa_builder.dataset.export`)."""
    interviews: list[InterviewResult] = field(default_factory=list)
    flagged: list[dict[str, Any]] = field(default_factory=list)
    flagged_total: int = 0

    @property
    def warnings(self) -> list[ParseWarning]:
        return [w for result in self.interviews for w in result.review.warnings]

    def add(self, result: InterviewResult) -> None:
        """Keep ``result``'s summary, its first flagged turn pairs up to :data:`KNOWN_ISSUES_SHOWN`, and no rows."""
        flagged = [row for row in result.rows["parallel_turns"] if row["flags"]]
        self.flagged += flagged[: max(0, KNOWN_ISSUES_SHOWN - len(self.flagged))]
        self.flagged_total += len(flagged)
        self.interviews.append(_without_rows(result))


def process_interview(folder: Path) -> InterviewResult:
    """Parse, validate and align one interview folder into plain rows."""
    return _result(load_interview(folder))


def _result(interview: Interview) -> InterviewResult:
    transcripts = interview.transcripts.values()
    rows: dict[str, list[dict[str, Any]]] = {
        "turns": [turn.model_dump() for t in transcripts for turn in t.turns],
        "qa": [exchange.model_dump() for t in transcripts for exchange in t.exchanges],
        "segments": [segment.model_dump() for t in transcripts for segment in t.segments],
        "parallel_turns": [],
        "parallel_qa": [],
        "parallel_sentences": [],
    }
    alignment = align_interview(interview)
    review, files = interview_files(interview, alignment)
    if alignment is not None:
        rows["parallel_turns"] = [row.model_dump() for row in alignment.turns]
        rows["parallel_qa"] = [row.model_dump() for row in alignment.qa]
        rows["parallel_sentences"] = [row.model_dump() for row in alignment.sentences]
    by_speaker: dict[str, dict[str, int]] = {}
    kinds: dict[str, int] = {}
    for t in transcripts:
        counts = by_speaker.setdefault(t.lang, {})
        for turn in t.turns:
            counts[turn.speaker] = counts.get(turn.speaker, 0) + 1
        for segment in t.segments:
            kinds[segment.kind] = kinds.get(segment.kind, 0) + 1
    meta = interview.meta
    return InterviewResult(
        id=interview.id,
        title=meta.title,
        publisher=meta.publisher,
        url=meta.url,
        published=meta.published.isoformat(),
        license=meta.license,
        license_note=meta.license_note,
        languages=sorted(interview.transcripts),
        rows=rows,
        turns_by_speaker=by_speaker,
        unpaired_sentences=alignment.unpaired_sentences if alignment else {},
        segments_by_kind=dict(sorted(kinds.items())),
        flag_counts=_flag_counts(rows),
        review=review,
        files={f"{REPORT}/{name}": text for name, text in files.items()},
    )


def _flag_counts(rows: dict[str, list[dict[str, Any]]]) -> dict[str, dict[str, int]]:
    counts: dict[str, dict[str, int]] = {}
    for config, records in rows.items():
        found = Counter(flag for record in records for flag in record.get("flags", ()))
        if found:
            counts[config] = dict(sorted(found.items()))
    return counts


def build(raw: Path, out: Path, *, jobs: int | None = None) -> BuildReport:
    """Build the dataset from ``raw`` into ``out``, atomically.

    A failed build leaves an existing ``out`` untouched.
    """
    report = write_output(out, DATASET, lambda staging: _write(raw, staging, jobs), protect=[raw])
    report.out = out
    return report


def _write(raw: Path, out: Path, jobs: int | None) -> BuildReport:
    from .card import check_card, render_card
    from .export import CONFIGS, ParquetSink

    folders = discover(raw)
    sink = ParquetSink(out, CONFIGS)
    report = BuildReport(out)
    (out / REPORT).mkdir()
    try:
        with _few_collections():
            for result, batches in _ordered_map(_processed, folders, jobs or _cores()):
                for config in CONFIGS:
                    sink.write(config, batches[config])
                write_files(out, result.files)
                report.add(result)
    finally:
        written = sink.close()
    report.counts = {config: file.rows for config, file in written.items()}
    report.files = {config: file.path for config, file in written.items()}
    write_index(out / REPORT, [result.review for result in report.interviews])
    card = out / "README.md"
    card.write_text(render_card(report), encoding="utf-8")
    check_card(card)
    return report


def _processed(folder: Path) -> tuple[InterviewResult, dict[str, Any]]:
    """A worker's share: one interview's result with only its flagged turn pairs, and its rows as Arrow batches."""
    from .export import record_batches

    result = process_interview(folder)
    flagged = [row for row in result.rows["parallel_turns"] if row["flags"]]
    kept: dict[str, list[dict[str, Any]]] = {config: [] for config in result.rows} | {"parallel_turns": flagged}
    return InterviewResult(**{**_fields(result), "rows": kept}), record_batches(result.rows)


def _without_rows(result: InterviewResult) -> InterviewResult:
    """What the build keeps of an interview once its rows and files are written: counts, no per-pair data."""
    return InterviewResult(**{**_fields(result), "rows": {}, "files": {}, "review": replace(result.review, lengths=[])})


def _fields(result: InterviewResult) -> dict[str, Any]:
    return {name: getattr(result, name) for name in result.__slots__}


def _cores() -> int:
    """The cores this process may run on (a container's CPU set, not the host's count)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


_BATCH_GC_THRESHOLD = (100_000, 50, 100)


@contextmanager
def _few_collections() -> Iterator[None]:
    """Run the cyclic garbage collector rarely while interviews stream through.

    Records are freed by reference counting; the collector only re-scans the
    heap that importing ``datasets`` left (measured: 12% of a build's CPU in
    ~1,000 collections per 200 interviews, 1% with this).
    """
    threshold = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(*_BATCH_GC_THRESHOLD)
    try:
        yield
    finally:
        gc.set_threshold(*threshold)
        gc.unfreeze()


def _worker_started() -> None:
    gc.freeze()
    gc.set_threshold(*_BATCH_GC_THRESHOLD)


def _ordered_map(function: Callable[[T], R], items: Iterable[T], jobs: int) -> Iterator[R]:
    """``map`` in worker processes, in input order, with a bounded number of results in flight."""
    if jobs <= 1:
        yield from map(function, items)
        return
    with ProcessPoolExecutor(max_workers=jobs, initializer=_worker_started) as pool:
        pending: deque[Future[R]] = deque()
        try:
            for item in items:
                pending.append(pool.submit(function, item))
                if len(pending) >= jobs * 4:
                    yield pending.popleft().result()
            while pending:
                yield pending.popleft().result()
        except BaseException:
            pool.shutdown(wait=True, cancel_futures=True)  # an error stops the build: run nothing more
            raise


def check(raw: Path, out: Path, *, jobs: int | None = None) -> None:
    """Raise :class:`StaleError` unless ``out`` is byte for byte what a build would make."""
    check_output(
        out,
        DATASET,
        lambda fresh: _write(raw, fresh, jobs),
        fix=f"run `qa-builder build --raw {raw} --out {out}` and commit the result",
    )
