"""``qa-builder report``: a static review site of a raw folder, to read translations side by side.

One page per interview (:mod:`qa_builder.site.pages`) with its length chart
(:mod:`qa_builder.site.chart`) inline and beside it as an SVG file, and an index.
The build writes the same files into ``dist/report/``, so the dataset card can
link the pages and show the charts.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ..alignment.parallel import Alignment, align_interview
from ..outdir import SITE, write_output
from ..transcripts.interview import Interview, discover, load_interview
from .chart import length_chart
from .pages import page_name, render_index, render_interview
from .rows import ReviewSummary, review_interview

__all__ = ["INDEX", "chart_name", "interview_files", "write_files", "write_index", "write_report"]

INDEX = "index.html"


def chart_name(interview_id: str) -> str:
    """The file of an interview's length chart inside the report folder.

    >>> chart_name("verge-altman-murati-2023")
    'verge-altman-murati-2023.svg'
    """
    return f"{interview_id}.svg"


def interview_files(interview: Interview, alignment: Alignment | None) -> tuple[ReviewSummary, dict[str, str]]:
    """An interview's summary, and its report files by name: the page and its chart."""
    review = review_interview(interview, alignment)
    chart = length_chart(review.summary, link=page_name(interview.id))
    return review.summary, {page_name(interview.id): render_interview(review, chart), chart_name(interview.id): chart}


def write_files(folder: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")


def write_index(folder: Path, summaries: Sequence[ReviewSummary]) -> None:
    (folder / INDEX).write_text(render_index(summaries), encoding="utf-8")


def write_report(raw: Path, out: Path) -> list[ReviewSummary]:
    """Write the review site of every interview under ``raw`` into ``out`` (replaced whole).

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as scratch:
    ...     [summary.pairs for summary in write_report(Path("raw"), Path(scratch) / "report")]
    [32]
    """
    return write_output(out, SITE, lambda staging: _write(raw, staging), protect=[raw])


def _write(raw: Path, out: Path) -> list[ReviewSummary]:
    summaries = []
    for folder in discover(raw):
        interview = load_interview(folder)
        summary, files = interview_files(interview, align_interview(interview))
        write_files(out, files)
        summaries.append(summary)
    write_index(out, summaries)
    return summaries
