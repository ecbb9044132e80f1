"""The length chart: one dot per turn pair, one language's length against the other's, coloured by score.

A translation keeps a roughly constant length ratio, so pairs sit along one
line on log–log axes; a dot far off it (a dropped sentence, a merged turn, a
misalignment) stands out, and its colour says whether the aligner noticed.
The geometry is computed here; ``templates/chart.svg`` draws it (Jinja2,
autoescaped). Numbers have fixed decimals, so the same pairs give the same
bytes; the chart is inlined in the page and written beside it for the card.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from statistics import median

from ..alignment.model import LOW_SCORE
from ..templating import render
from .rows import Dot

__all__ = ["SCORE_BANDS", "length_chart"]

_WIDTH, _HEIGHT = 520, 380
_LEFT, _RIGHT, _TOP, _BOTTOM = 56, 150, 16, 44
SCORE_BANDS = (
    (0.8, "#1a9850", "score ≥ 0.8"),
    (LOW_SCORE, "#fdae61", f"{LOW_SCORE} – 0.8"),
    (0.0, "#d73027", f"score < {LOW_SCORE} (low)"),
)
"""Lower bound, colour and legend of each score band, best first (colour-blind safe diverging scheme)."""


@dataclass(frozen=True, slots=True)
class _Axis:
    """Log scale from ``[low, high]`` onto pixels ``[start, end]``."""

    low: int
    high: int
    start: float
    end: float

    def __call__(self, value: float) -> str:
        span = math.log10(self.high) - math.log10(self.low)
        return f"{self.start + (math.log10(value) - math.log10(self.low)) / span * (self.end - self.start):.1f}"


def length_chart(interview_id: str, langs: tuple[str, str], dots: Sequence[Dot], link: str = "") -> str:
    """An SVG scatter of ``dots`` (``langs[0]`` across, ``langs[1]`` up); each dot links to ``{link}#p<pair>``.

    >>> svg = length_chart("x", ("de", "zh"), [Dot(0, 120, 40, 0.9, False)])
    >>> svg.count("data-pair="), "pair 0: de 120, zh 40 characters, score 0.90" in svg
    (1, True)
    """
    sizes = [(max(dot.left, 1), max(dot.right, 1)) for dot in dots]
    low, high = _decades([value for size in sizes for value in size])
    x, y = _Axis(low, high, _LEFT, _WIDTH - _RIGHT), _Axis(low, high, _HEIGHT - _BOTTOM, _TOP)
    ticks = [10**k for k in range(round(math.log10(low)), round(math.log10(high)) + 1)]
    return render(
        __package__,
        "chart.svg",
        width=_WIDTH,
        height=_HEIGHT,
        title=f"{interview_id}: characters per turn pair, {langs[0]} against {langs[1]}",
        langs=langs,
        x=x,
        y=y,
        ticks=ticks,
        ratio=_ratio_line(sizes, x, y, langs),
        dots=[_dot(dot, size, x, y, link) for dot, size in zip(dots, sizes, strict=True)],
        legend=[
            (_WIDTH - _RIGHT + 16, _TOP + 10 + row * 18, colour, text)
            for row, (_, colour, text) in enumerate(SCORE_BANDS)
        ],
        flagged_at=(_WIDTH - _RIGHT + 16, _TOP + 10 + len(SCORE_BANDS) * 18),
    )


def _decades(values: Sequence[int]) -> tuple[int, int]:
    if not values:
        return 1, 10
    return 10 ** math.floor(math.log10(min(values))), 10 ** math.ceil(math.log10(max(values) + 1))


def _ratio_line(sizes: Sequence[tuple[int, int]], x: _Axis, y: _Axis, langs: tuple[str, str]) -> dict[str, str] | None:
    """The interview's median length ratio as a dashed line: where a faithful pair sits."""
    if not sizes:
        return None
    ratio = median(b / a for a, b in sizes)
    start, end = max(x.low, x.low / ratio), min(x.high, x.high / ratio)
    if start >= end:
        return None
    label_y = f"{float(y(end * ratio)) - 6:.1f}"
    return {
        "x1": x(start),
        "y1": y(start * ratio),
        "x2": x(end),
        "y2": y(end * ratio),
        "label_y": label_y,
        "label": f"median {langs[1]}/{langs[0]} {ratio:.2f}",
    }


def _dot(dot: Dot, size: tuple[int, int], x: _Axis, y: _Axis, link: str) -> dict[str, object]:
    colour = next(colour for bound, colour, _ in SCORE_BANDS if dot.score >= bound)
    return {
        "pair": dot.pair,
        "cx": x(size[0]),
        "cy": y(size[1]),
        "colour": colour,
        "flagged": dot.flagged,
        "href": f"{link}#p{dot.pair}",
        "left": size[0],
        "right": size[1],
        "score": f"{dot.score:.2f}",
    }
