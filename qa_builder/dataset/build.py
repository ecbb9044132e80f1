"""``qa-builder build``: every interview of a raw folder into one dataset folder.

Interviews are independent, so each is processed by :func:`process_interview`
(a pure function of its folder) in worker processes, a few at a time
(:func:`process_interviews` aligns them in one batch, with the same result);
results come back in folder order and are streamed to the Parquet writers, so
memory holds a few chunks of interviews, and the output is the same bytes
whatever the number of workers.
The dataset is written next to ``--out`` and swapped in only once complete.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import partial
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from pydantic import BaseModel

from ..alignment.parallel import PairAlignment, align_interviews
from ..errors import InterviewErrors, QABuilderError, StaleError
from ..models import PAIR_FAMILIES
from ..outdir import DATASET, check_output, write_output
from ..site.write import interview_files, write_files, write_index
from ..summary import summarize
from ..transcripts.interview import RECORD_FOLDER, Interview, discover, interview_records, load_interview
from ..transcripts.meta import META_FILE
from .features import config_name
from .pool import few_collections, ordered_map, worker_count
from .summary import SITE_AUTO_MAX, SITE_FOLDER, BuildSummary, FlaggedPair

if TYPE_CHECKING:
    import pyarrow as pa

    from ..summary import InterviewSummary
    from .export import ParquetSink

__all__ = ["InterviewOutput", "Progress", "build", "check", "process_interview", "process_interviews"]

MONOLINGUAL = ("interviews", "turns", "qa", "segments")
"""The configs every dataset has, one row per record of one language."""

R = TypeVar("R")

Progress = Callable[[int, int], None]
"""Called as ``progress(done, total)`` after each interview is written."""


@dataclass(frozen=True, slots=True)
class InterviewOutput:
    """What one interview adds to the dataset: rows per config, its site files, and its summary."""

    summary: InterviewSummary
    rows: dict[str, list[dict[str, Any]]]
    files: dict[str, str]
    """Files besides Parquet rows, by path in the dataset folder: the interview's site pages and charts."""
    flagged: list[FlaggedPair]
    sources: list[Path]
    """The raw files read (meta.toml and the transcripts), copied byte for byte into the dataset's ``raw/``."""


Processed = tuple[InterviewOutput, dict[str, "pa.RecordBatch"]]
"""An interview's output without its rows, and its rows as Arrow batches: what a worker sends back."""


def process_interview(folder: Path, *, site: bool = True) -> InterviewOutput:
    """Parse, validate and align one interview folder into plain rows (and its site files, with ``site``)."""
    return process_interviews([folder], site=site)[0]


def process_interviews(folders: Sequence[Path], *, site: bool = True) -> list[InterviewOutput]:
    """:func:`process_interview` for each folder, the interviews aligned in one batch (the same output, faster)."""
    return _outputs(folders, [load_interview(folder) for folder in folders], site=site)


def _outputs(folders: Sequence[Path], interviews: Sequence[Interview], *, site: bool) -> list[InterviewOutput]:
    return [
        _output(folder, interview, alignments, site=site)
        for folder, interview, alignments in zip(folders, interviews, align_interviews(interviews), strict=True)
    ]


def _output(folder: Path, interview: Interview, alignments: list[PairAlignment], *, site: bool) -> InterviewOutput:
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
    pages = interview_files(interview, alignments, summary) if site else {}
    files = {f"{SITE_FOLDER}/{name}": text for name, text in pages.items()}
    flagged = [FlaggedPair.of(alignment, row) for alignment in alignments for row in alignment.turns if row.issues]
    sources = [folder / META_FILE, *(folder / Path(t.record_path).name for t in transcripts)]
    return InterviewOutput(summary, rows, files, flagged, sources)


def _pair_rows(alignment: PairAlignment) -> dict[str, list[dict[str, Any]]]:
    records: tuple[Sequence[BaseModel], ...] = (alignment.turns, alignment.qa, alignment.sentences, alignment.unpaired)
    return {
        config_name(family, alignment.langs): [record.model_dump() for record in found]
        for family, found in zip(PAIR_FAMILIES, records, strict=True)
    }


def build(
    raw: Path,
    out: Path,
    *,
    jobs: int | None = None,
    progress: Progress | None = None,
    site: bool | None = None,
    ray: str | None = None,
) -> BuildSummary:
    """Build the dataset from ``raw`` into ``out``, atomically; ``progress(done, total)`` after each interview.

    ``site`` writes the review site into ``out/site/``; by default, for up to
    :data:`~qa_builder.dataset.summary.SITE_AUTO_MAX` interviews. ``ray`` runs the interviews on Ray Data
    (``"local"`` or a cluster's address, see :mod:`qa_builder.dataset.onray`) instead of local processes; the
    output is the same bytes. A failed build leaves an existing ``out`` untouched.
    """
    summary = write_output(out, DATASET, lambda staging: _write(raw, staging, jobs, progress, site, ray), protect=[raw])
    summary.out = out
    return summary


def check(raw: Path, out: Path, *, jobs: int | None = None, site: bool | None = None) -> None:
    """Raise :class:`~qa_builder.errors.StaleError` unless ``out`` is byte for byte what a build would make.

    When the versions the card records differ from the installed ones, the error names them: the
    difference may be theirs, not the raw folder's.
    """
    fix = f"run `qa-builder build --raw {raw} --out {out}` and commit the result"
    try:
        check_output(out, DATASET, lambda fresh: _write(raw, fresh, jobs, None, site), fix=fix)
    except StaleError as error:
        differ = _other_versions(out)
        if not differ:
            raise
        raise StaleError(
            f"{error.message}; it was built with {differ}",
            path=error.path,
            hint="install the versions it was built with (pip install -c constraints.txt -e .), or, to move to "
            f"these, {fix}",
        ) from None


def _other_versions(out: Path) -> str:
    """``numpy 2.4.6 (here 1.26.4), …`` for each version the card at ``out`` records that differs from here."""
    from ..versions import build_versions
    from .card import recorded_versions

    card = out / "README.md"
    recorded = recorded_versions(card.read_text(encoding="utf-8")) if card.is_file() else {}
    here = build_versions()
    return ", ".join(
        f"{name} {found} (here {here[name]})" for name, found in recorded.items() if here.get(name, found) != found
    )


def _write(
    raw: Path,
    out: Path,
    jobs: int | None,
    progress: Progress | None = None,
    site: bool | None = None,
    ray: str | None = None,
) -> BuildSummary:
    from .card import TERMS_FILE, check_card, render_card, render_terms
    from .export import ParquetSink

    folders = discover(raw)
    sink = ParquetSink(out, MONOLINGUAL)
    summary = BuildSummary(out, site=site if site is not None else len(folders) <= SITE_AUTO_MAX)
    if summary.site:
        (out / SITE_FOLDER).mkdir()
    workers = worker_count(jobs, len(folders))
    results: Iterable[Processed | QABuilderError]
    if ray is None:
        chunks = _chunks(folders, workers)
        results = chain.from_iterable(ordered_map(partial(_processed, site=summary.site), chunks, workers))
    else:
        results = _on_ray(partial(_processed_one, site=summary.site), folders, ray)
    failed: list[QABuilderError] = []
    try:
        with few_collections():
            for done, item in enumerate(results, start=1):
                if isinstance(item, QABuilderError):
                    failed.append(item)
                elif not failed:  # once one has failed, the rest are only read for their errors
                    _add(out, summary, sink, *item)
                if progress is not None:
                    progress(done, len(folders))
        if failed:
            raise InterviewErrors.of(failed)
    finally:
        written = sink.close()
    summary.counts = {config: written[config].rows for config in sorted(written, key=_config_order)}
    summary.files = {config: written[config].path for config in summary.counts}
    if summary.site:
        write_index(out / SITE_FOLDER, summary.interviews)
    (out / RECORD_FOLDER).mkdir(exist_ok=True)
    (out / RECORD_FOLDER / TERMS_FILE).write_text(render_terms(summary), encoding="utf-8")
    card = out / "README.md"
    card.write_text(render_card(summary), encoding="utf-8")
    check_card(card)
    return summary


def _add(
    out: Path, summary: BuildSummary, sink: ParquetSink, result: InterviewOutput, batches: dict[str, pa.RecordBatch]
) -> None:
    """Write one interview's rows, site files and raw copies into the dataset folder, and count it."""
    for config, batch in batches.items():
        sink.write(config, batch)
    write_files(out, result.files)
    _copy_sources(out / RECORD_FOLDER / result.summary.id, result.sources)  # every source.path resolves
    summary.add(result.summary, result.flagged)


def _on_ray(work: Callable[[Path], R], folders: Sequence[Path], address: str) -> Iterator[R]:
    from .onray import ray_map

    return ray_map(work, folders, address)


def _copy_sources(folder: Path, sources: Sequence[Path]) -> None:
    folder.mkdir(parents=True)
    for source in sources:
        shutil.copyfile(source, folder / source.name)


def _config_order(config: str) -> tuple[int, str]:
    """Monolingual configs first in their own order, then each pair's configs, pair by pair."""
    if config in MONOLINGUAL:
        return MONOLINGUAL.index(config), ""
    family, _, pair = config.partition(".")
    return len(MONOLINGUAL) + PAIR_FAMILIES.index(family), pair


CHUNK_INTERVIEWS = 8
"""At most this many interviews go to a worker at once, parsed and then aligned in one batch."""


def _chunks(folders: Sequence[Path], workers: int) -> list[list[Path]]:
    """The folders in order, cut into chunks small enough that every worker gets several."""
    size = max(1, min(CHUNK_INTERVIEWS, len(folders) // (workers * 4)))
    return [list(folders[k : k + size]) for k in range(0, len(folders), size)]


def _processed(folders: Sequence[Path], *, site: bool) -> list[Processed | QABuilderError]:
    """A worker's share: each interview processed, or the error that stops it (the others go on, so that one
    build names every folder that fails)."""
    from .export import record_batches

    loaded = [_loaded(folder) for folder in folders]
    good = [(folder, found) for folder, found in zip(folders, loaded, strict=True) if isinstance(found, Interview)]
    outputs = iter(_outputs([folder for folder, _ in good], [found for _, found in good], site=site))
    processed: list[Processed | QABuilderError] = []
    for found in loaded:
        if isinstance(found, QABuilderError):
            processed.append(found)
            continue
        result = next(outputs)
        rowless = InterviewOutput(result.summary, {}, result.files, result.flagged, result.sources)
        processed.append((rowless, record_batches(result.rows)))
    return processed


def _loaded(folder: Path) -> Interview | QABuilderError:
    try:
        return load_interview(folder)
    except QABuilderError as error:
        return error


def _processed_one(folder: Path, *, site: bool) -> Processed | QABuilderError:
    """:func:`_processed` for one interview, as Ray Data maps it."""
    return _processed([folder], site=site)[0]
