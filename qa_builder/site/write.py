"""``qa-builder site``: a static site of a raw folder, to read each interview's translations side by side.

One page per interview and language pair (:mod:`qa_builder.site.pages`), with
its length chart (:mod:`qa_builder.site.chart`) inline and beside it as an SVG
file, and an index. The build writes the same files into the dataset folder's
``site/``, so the dataset card can link the pages and show the charts.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ..alignment.parallel import PairAlignment, align_interview
from ..outdir import SITE, write_output
from ..summary import InterviewSummary, summarize
from ..transcripts.interview import Interview, each_interview
from .chart import length_chart
from .pages import render_index, render_page
from .rows import interview_pages

__all__ = ["INDEX", "chart_name", "interview_files", "write_files", "write_index", "write_site"]

INDEX = "index.html"


def chart_name(page: str) -> str:
    """The file of a page's length chart inside the site folder.

    >>> chart_name("verge-altman-murati-2023.de-zh.html")
    'verge-altman-murati-2023.de-zh.svg'
    """
    return page.removesuffix(".html") + ".svg"


def interview_files(
    interview: Interview, alignments: Sequence[PairAlignment], summary: InterviewSummary
) -> dict[str, str]:
    """An interview's site files by name: a page per pair (or its one language) and each pair's chart."""
    files = {}
    for page in interview_pages(interview, alignments, summary):
        chart = ""
        if page.pair is not None:
            chart = length_chart(summary.id, page.pair.langs, page.dots, link=page.name)
            files[chart_name(page.name)] = chart
        files[page.name] = render_page(page, chart)
    return files


def write_files(folder: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")


def write_index(folder: Path, summaries: Sequence[InterviewSummary]) -> None:
    (folder / INDEX).write_text(render_index(summaries), encoding="utf-8")


def write_site(raw: Path, out: Path) -> list[InterviewSummary]:
    """Write the site of every interview under ``raw`` into ``out`` (replaced whole).

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as scratch:
    ...     found = write_site(Path("tests/fixtures/interviews"), Path(scratch) / "site")
    >>> [pair.turn_pairs for summary in found if summary.id == "verge-altman-murati-2023" for pair in summary.pairs]
    [32]
    """
    return write_output(out, SITE, lambda staging: _write(raw, staging), protect=[raw])


def _write(raw: Path, out: Path) -> list[InterviewSummary]:
    summaries = []
    for interview in each_interview(raw):
        alignments = align_interview(interview)
        summary = summarize(interview, alignments)
        write_files(out, interview_files(interview, alignments, summary))
        summaries.append(summary)
    write_index(out, summaries)
    return summaries
