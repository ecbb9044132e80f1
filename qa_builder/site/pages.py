"""Lay a :class:`~qa_builder.review.Review` out as HTML: one self-contained page per interview, and an index.

Pages carry their style and script inline (from ``templates/report/``) and
load nothing else, so the report opens from disk, offline. All text is
escaped here; the layout itself is data in the templates.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from html import escape
from importlib import resources
from string import Template

from ..models import Segment
from ..transcripts.parse import ParseWarning
from .rows import LOW_SCORE, PairRow, Piece, Review, ReviewSummary, SegmentRow, TurnView, source_ref

__all__ = ["page_name", "render_index", "render_interview"]

_LANGUAGE_NAMES = {"de": "Deutsch", "zh": "中文", "en": "English"}


def page_name(interview_id: str) -> str:
    """The file of an interview's page inside the report folder.

    >>> page_name("verge-altman-murati-2023")
    'verge-altman-murati-2023.html'
    """
    return f"{interview_id}.html"


def render_interview(review: Review, chart: str) -> str:
    """The page of one interview: header, counts, the length chart and the aligned table."""
    summary = review.summary
    langs = summary.languages
    body = [
        '<nav><a href="index.html">← all interviews</a></nav>',
        f"<h1>{escape(summary.title)}</h1>",
        f'<p><code>{escape(summary.interview_id)}</code> · <a href="{escape(summary.url)}">original</a></p>',
        _counts(summary),
        _warnings(summary.warnings),
        f'<div class="overview"><figure class="chart">{chart}</figure>{_legend()}</div>',
        '<label class="filter"><input type="checkbox" id="only-issues"> show only flagged, low-scored and unpaired'
        " turns</label>",
        '<table class="aligned">',
        '<colgroup><col class="meta">' + '<col class="side">' * len(langs) + "</colgroup>",
        "<thead><tr><th>pair</th>"
        + "".join(f'<th lang="{lang}">{_language(lang)}</th>' for lang in langs)
        + "</tr></thead>",
        "<tbody>",
        *(_row(row, langs) for row in review.rows),
        "</tbody></table>",
    ]
    return _page(f"{summary.title} — qa-builder review", "\n".join(body))


def render_index(summaries: Sequence[ReviewSummary]) -> str:
    """The report's front page: every interview with its counts, flags and a link to its page."""
    head = (
        "<tr><th>interview</th><th>title</th><th>turns</th><th>turn pairs</th><th>flagged</th>"
        f"<th>score &lt; {LOW_SCORE}</th><th>inferred speakers</th><th>unpaired turns</th>"
        "<th>excluded segments</th><th>sentence pairs</th></tr>"
    )
    rows = [
        "<tr>"
        f'<td><a href="{escape(page_name(s.interview_id))}">{escape(s.interview_id)}</a></td>'
        f'<td class="title">{escape(s.title)}</td>'
        f"<td>{_per_language(s.turns)}</td><td>{s.pairs}</td>"
        f"{_warn_cell(s.flagged)}{_warn_cell(s.low)}{_warn_cell(sum(s.inferred.values()), _per_language(s.inferred))}"
        f"{_warn_cell(sum(s.unpaired.values()), _per_language(s.unpaired))}"
        f"<td>{_per_language(s.segments)}</td><td>{s.sentence_pairs}</td>"
        "</tr>"
        for s in summaries
    ]
    body = [
        "<h1>Interview review</h1>",
        f"<p>{len(summaries)} interview(s). Open one to read its translations side by side.</p>",
        '<table class="index">',
        f"<thead>{head}</thead>",
        "<tbody>",
        *rows,
        "</tbody></table>",
    ]
    return _page("qa-builder review", "\n".join(body))


def _page(title: str, body: str) -> str:
    return _template("page.html").substitute(
        title=escape(title), style=_asset("report.css"), script=_asset("report.js"), body=body
    )


@cache
def _template(name: str) -> Template:
    return Template(_asset(name))


@cache
def _asset(name: str) -> str:
    return resources.files(__package__).joinpath("templates", name).read_text(encoding="utf-8")


def _counts(summary: ReviewSummary) -> str:
    items = [
        (f"{_per_language(summary.turns)} turns", False),
        (f"{summary.pairs} turn pairs", False),
        (f"{summary.flagged} flagged", summary.flagged > 0),
        (f"{summary.low} with score &lt; {LOW_SCORE}", summary.low > 0),
        (f"{sum(summary.inferred.values())} inferred speakers", sum(summary.inferred.values()) > 0),
        (f"{sum(summary.unpaired.values())} turns without partner", sum(summary.unpaired.values()) > 0),
        (f"{sum(summary.segments.values())} excluded segments", False),
        (f"{summary.sentence_pairs} sentence pairs", False),
    ]
    chips = "".join(f"<li{' class=warn' if warn else ''}>{text}</li>" for text, warn in items)
    return f'<ul class="counts">{chips}</ul>'


def _warnings(warnings: Sequence[ParseWarning]) -> str:
    if not warnings:
        return ""
    items = "".join(f"<li><code>{escape(warning.recorded())}</code></li>" for warning in warnings)
    return f'<details class="warnings"><summary>{len(warnings)} parser warning(s)</summary><ul>{items}</ul></details>'


def _legend() -> str:
    return (
        '<dl class="legend">'
        "<dt>Rows</dt><dd>One row per aligned bead of turns. A red edge marks a flagged pair "
        "(its flags are listed), an amber score one the aligner was unsure of, grey rows turns with no partner.</dd>"
        '<dt>Speakers</dt><dd><span class="chip interviewer">interviewer</span> '
        '<span class="chip interviewee">interviewee</span>, with the label as printed; '
        '<span class="inferred">inferred</span> marks a turn printed without a label.</dd>'
        "<dt>Sentences</dt><dd>Hover a sentence to light up its partner. A dotted underline marks a sentence "
        f"pair scored below {LOW_SCORE}, a wavy one a sentence with no partner.</dd>"
        "<dt>Excluded</dt><dd>Grey boxes are paragraphs that are not turns, with their kind; "
        "headings are shown as headings.</dd>"
        "</dl>"
    )


def _row(row: PairRow | SegmentRow, langs: Sequence[str]) -> str:
    if isinstance(row, SegmentRow):
        cells = "".join(
            f'<td lang="{lang}">' + "".join(_segment(s) for s in row.sides.get(lang, [])) + "</td>" for lang in langs
        )
        return f'<tr class="segments"><td class="meta"></td>{cells}</tr>'
    return _pair_row(row, langs)


def _segment(segment: Segment) -> str:
    return (
        f'<div class="segment {segment.kind}" data-kind="{segment.kind}" title="{escape(source_ref(segment.source))}">'
        f'<span class="kind">{segment.kind}</span>{escape(segment.text)}</div>'
    )


def _pair_row(row: PairRow, langs: Sequence[str]) -> str:
    classes = ["pair"]
    if row.pair is None:
        classes.append("alone")
    if row.flags:
        classes.append("flagged")
    if row.low:
        classes.append("low")
    anchor = f' id="p{row.pair}" data-pair="{row.pair}"' if row.pair is not None else ""
    meta = [f'<a href="#p{row.pair}">#{row.pair}</a>' if row.pair is not None else "no partner", f"bead {row.bead}"]
    if row.score is not None:
        meta.append(f'score <span class="score">{row.score:.2f}</span>')
    meta += [f'<span class="flag">{escape(flag)}</span>' for flag in row.flags]
    cells = "".join(f'<td lang="{lang}">{_side(row.sides.get(lang, []))}</td>' for lang in langs)
    flags = f' data-flags="{" ".join(row.flags)}"' if row.flags else ""
    return f'<tr class="{" ".join(classes)}"{anchor}{flags}><td class="meta">{"<br>".join(meta)}</td>{cells}</tr>'


def _side(turns: Sequence[TurnView]) -> str:
    if not turns:
        return '<span class="nopartner">— not in this translation —</span>'
    return "".join(_turn(turn) for turn in turns)


def _turn(turn: TurnView) -> str:
    label = f"{turn.label} · {turn.speaker}" if turn.label and turn.label != turn.speaker else turn.speaker
    inferred = '<span class="inferred">inferred</span>' if turn.inferred else ""
    paragraphs = "".join(f"<p>{''.join(_piece(piece) for piece in paragraph)}</p>" for paragraph in turn.paragraphs)
    return (
        f'<div class="turn" data-turn="{turn.index}" data-speaker="{escape(turn.speaker)}"'
        f"{' data-inferred' if turn.inferred else ''}>"
        f'<span class="chip {turn.role}" title="{turn.role}">{escape(label)}</span>{inferred}'
        f'<span class="source">{escape(turn.source)}</span>{paragraphs}</div>'
    )


def _piece(piece: Piece) -> str:
    if piece.bead is None:
        return escape(piece.text)
    classes = "s"
    if piece.score is not None and piece.score < LOW_SCORE:
        classes += " unsure"
    if piece.alone:
        classes += " alone"
    title = f"sentence pair {piece.bead}, score {piece.score:.2f}" if piece.score is not None else piece.bead
    return f'<span class="{classes}" data-s="{piece.bead}" title="{title}">{escape(piece.text)}</span>'


def _language(lang: str) -> str:
    return f"{escape(_LANGUAGE_NAMES.get(lang, lang))} ({escape(lang)})"


def _per_language(counts: dict[str, int]) -> str:
    return " / ".join(f"{count} {escape(lang)}" for lang, count in counts.items()) or "0"


def _warn_cell(count: int, text: str | None = None) -> str:
    shown = text if text is not None and count else str(count)
    return f'<td class="warn">{shown}</td>' if count else f"<td>{shown}</td>"
