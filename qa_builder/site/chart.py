"""The length chart: one dot per turn pair, German length against Chinese, coloured by score.

A translation keeps a roughly constant length ratio, so pairs sit along one
line on log–log axes; a dot far off it (a dropped sentence, a merged turn, a
misalignment) stands out, and its colour says whether the aligner noticed.
The SVG is plain text with fixed decimals, so the same pairs give the same
bytes; it is inlined in the review page and written beside it for the card.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from html import escape
from statistics import median

from .rows import LOW_SCORE, ReviewSummary

__all__ = ["SCORE_BANDS", "length_chart"]

_WIDTH, _HEIGHT = 520, 380
_LEFT, _RIGHT, _TOP, _BOTTOM = 56, 150, 16, 44
SCORE_BANDS = (
    (0.8, "#1a9850", "score ≥ 0.8"),
    (LOW_SCORE, "#fdae61", f"{LOW_SCORE} – 0.8"),
    (0.0, "#d73027", f"score < {LOW_SCORE} (low)"),
)
"""Lower bound, colour and legend of each score band, best first (colour-blind safe diverging scheme)."""


def length_chart(summary: ReviewSummary, link: str = "") -> str:
    """An SVG scatter of ``summary.lengths``; each dot links to ``{link}#p<pair>``.

    >>> from qa_builder.site.rows import ReviewSummary
    >>> svg = length_chart(ReviewSummary("x", "X", "", ["de", "zh"], {}, lengths=[(120, 40, 0.9, False)]))
    >>> svg.count("data-pair="), "pair 0: de 120, zh 40 characters, score 0.90" in svg
    (1, True)
    """
    points = [(max(de, 1), max(zh, 1), score, flagged) for de, zh, score, flagged in summary.lengths]
    low, high = _decades([v for de, zh, _, _ in points for v in (de, zh)])
    x = _axis(low, high, _LEFT, _WIDTH - _RIGHT)
    y = _axis(low, high, _HEIGHT - _BOTTOM, _TOP)
    title = f"{summary.interview_id}: characters per turn pair, de against zh"
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {_WIDTH} {_HEIGHT}" width="{_WIDTH}" '
        f'height="{_HEIGHT}" role="img" aria-label="{escape(title)}" class="length-chart" '
        'font-family="sans-serif" font-size="11">',
        f"<title>{escape(title)}</title>",
        '<rect width="100%" height="100%" fill="#fff"/>',
        *_grid(low, high, x, y),
        *_ratio_line(points, low, high, x, y),
        *(_dot(index, point, x, y, link) for index, point in enumerate(points)),
        *_legend(),
        "</svg>",
    ]
    return "\n".join(parts) + "\n"


def _decades(values: Sequence[int]) -> tuple[int, int]:
    if not values:
        return 1, 10
    return 10 ** math.floor(math.log10(min(values))), 10 ** math.ceil(math.log10(max(values) + 1))


class _axis:
    """Log scale from ``[low, high]`` onto pixels ``[start, end]``."""

    def __init__(self, low: int, high: int, start: float, end: float) -> None:
        self.low, self.span = math.log10(low), math.log10(high) - math.log10(low)
        self.start, self.end = start, end

    def __call__(self, value: float) -> float:
        return self.start + (math.log10(value) - self.low) / self.span * (self.end - self.start)


def _grid(low: int, high: int, x: _axis, y: _axis) -> list[str]:
    lines = [
        f'<text x="{(x.start + x.end) / 2:.1f}" y="{_HEIGHT - 8}" text-anchor="middle">de characters (log)</text>',
        f'<text transform="translate(14 {(y.start + y.end) / 2:.1f}) rotate(-90)" text-anchor="middle">'
        "zh characters (log)</text>",
    ]
    tick = low
    while tick <= high:
        lines += [
            f'<line x1="{x(tick):.1f}" y1="{y.start:.1f}" x2="{x(tick):.1f}" y2="{y.end:.1f}" stroke="#ddd"/>',
            f'<line x1="{x.start:.1f}" y1="{y(tick):.1f}" x2="{x.end:.1f}" y2="{y(tick):.1f}" stroke="#ddd"/>',
            f'<text x="{x(tick):.1f}" y="{y.start + 14:.1f}" text-anchor="middle">{tick}</text>',
            f'<text x="{x.start - 4:.1f}" y="{y(tick) + 4:.1f}" text-anchor="end">{tick}</text>',
        ]
        tick *= 10
    return lines


def _ratio_line(points: Sequence[tuple[int, int, float, bool]], low: int, high: int, x: _axis, y: _axis) -> list[str]:
    """The interview's median zh/de ratio as a dashed line: where a faithful pair sits."""
    if not points:
        return []
    ratio = median(zh / de for de, zh, _, _ in points)
    start = max(low, low / ratio)
    end = min(high, high / ratio)
    if start >= end:
        return []
    return [
        f'<line x1="{x(start):.1f}" y1="{y(start * ratio):.1f}" x2="{x(end):.1f}" y2="{y(end * ratio):.1f}" '
        'stroke="#888" stroke-dasharray="4 3"/>',
        f'<text x="{x(end):.1f}" y="{y(end * ratio) - 6:.1f}" text-anchor="end" fill="#666">'
        f"median zh/de {ratio:.2f}</text>",
    ]


def _dot(index: int, point: tuple[int, int, float, bool], x: _axis, y: _axis, link: str) -> str:
    de, zh, score, flagged = point
    colour = next(colour for bound, colour, _ in SCORE_BANDS if score >= bound)
    ring = ' stroke="#000" stroke-width="2.5"' if flagged else ' stroke="#fff" stroke-width="0.8"'
    label = f"pair {index}: de {de}, zh {zh} characters, score {score:.2f}" + (", flagged" if flagged else "")
    return (
        f'<a href="{escape(link)}#p{index}"><circle cx="{x(de):.1f}" cy="{y(zh):.1f}" r="5" fill="{colour}"{ring} '
        f'data-pair="{index}"><title>{escape(label)}</title></circle></a>'
    )


def _legend() -> list[str]:
    left = _WIDTH - _RIGHT + 16
    lines = []
    for row, (_, colour, text) in enumerate(SCORE_BANDS):
        top = _TOP + 10 + row * 18
        lines += [
            f'<circle cx="{left}" cy="{top}" r="5" fill="{colour}"/>',
            f'<text x="{left + 10}" y="{top + 4}">{escape(text)}</text>',
        ]
    top = _TOP + 10 + len(SCORE_BANDS) * 18
    lines += [
        f'<circle cx="{left}" cy="{top}" r="5" fill="#fff" stroke="#000" stroke-width="2.5"/>',
        f'<text x="{left + 10}" y="{top + 4}">flagged</text>',
    ]
    return lines
