"""Lay :class:`~qa_builder.site.rows.Page` s out as HTML: one self-contained page each, and an index.

The layout is in Jinja2 templates (``templates/``, autoescaped); this module
only prepares what they show. Pages carry their style and script inline and
load nothing else, so the site opens from disk, offline.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

from ..alignment.model import LOW_SCORE
from ..languages import language_name
from ..summary import InterviewSummary
from ..templating import render
from .rows import Page, pages_of, source_ref

__all__ = ["render_index", "render_page"]


def render_page(page: Page, chart: str) -> str:
    """The page of one interview's pair (or its one language): header, counts, chart and the rows."""
    summary = page.summary
    return _render(
        "interview.html",
        title=f"{summary.title} ({' – '.join(page.langs)}) — qa-builder",
        page=page,
        chart=chart,
        counts=_counts(page),
        warnings=[warning.recorded() for lang in page.langs for warning in summary.warnings.get(lang, [])],
        roles=page.roles(),
        language=lambda code: language_name(code, native=True),
        source_ref=source_ref,
    )


@dataclass(frozen=True, slots=True)
class _IndexRow:
    id: str
    title: str
    pages: list[tuple[str, str]]
    turns: str
    turn_pairs: int
    flagged: int
    low: int
    inferred: int
    inferred_text: str
    unpaired: int
    unpaired_text: str
    segments: str
    sentence_pairs: int


def render_index(summaries: Sequence[InterviewSummary]) -> str:
    """The site's front page: every interview with its counts, flags and links to its pages."""
    rows = [_index_row(summary) for summary in summaries]
    return _render("index.html", title="Interviews — qa-builder", rows=rows)


def _index_row(summary: InterviewSummary) -> _IndexRow:
    unpaired = {f"{lang} ({pair.name})": n for pair in summary.pairs for lang, n in pair.unpaired["turn"].items()}
    return _IndexRow(
        id=summary.id,
        title=summary.title,
        pages=pages_of(summary),
        turns=_per_language(summary.turns),
        turn_pairs=sum(pair.turn_pairs for pair in summary.pairs),
        flagged=sum(pair.flagged for pair in summary.pairs),
        low=sum(pair.low for pair in summary.pairs),
        inferred=sum(summary.inferred.values()),
        inferred_text=_per_language(summary.inferred),
        unpaired=sum(unpaired.values()),
        unpaired_text=_per_language(unpaired),
        segments=_per_language({lang: sum(kinds.values()) for lang, kinds in summary.segments.items()}),
        sentence_pairs=sum(pair.sentence_pairs for pair in summary.pairs),
    )


def _counts(page: Page) -> list[tuple[str, bool]]:
    summary, pair = page.summary, page.pair
    turns = {lang: summary.turns[lang] for lang in page.langs}
    inferred = sum(summary.inferred[lang] for lang in page.langs)
    segments = sum(sum(summary.segments[lang].values()) for lang in page.langs)
    items = [(f"{_per_language(turns)} turns", False)]
    if pair is not None:
        alone = sum(pair.unpaired["turn"].values())
        items += [
            (f"{pair.turn_pairs} turn pairs", False),
            (f"{pair.flagged} flagged", pair.flagged > 0),
            (f"{pair.low} with score < {LOW_SCORE}", pair.low > 0),
        ]
        items += [(f"{alone} turns without partner", alone > 0), (f"{pair.sentence_pairs} sentence pairs", False)]
    else:
        items.append((f"{sum(summary.exchanges[lang] for lang in page.langs)} exchanges", False))
    items += [(f"{inferred} inferred speakers", inferred > 0), (f"{segments} excluded segments", False)]
    return items


def _per_language(counts: dict[str, int]) -> str:
    return " / ".join(f"{count} {lang}" for lang, count in counts.items()) or "0"


def _render(name: str, **values: object) -> str:
    return render(__package__, name, style=_asset("site.css"), script=_asset("site.js"), low=LOW_SCORE, **values)


@cache
def _asset(name: str) -> str:
    return resources.files(__package__).joinpath("templates", name).read_text(encoding="utf-8")
