"""The nights as an inline SVG chart: minutes to fall asleep, and sleep quality, night by night.

Drawn by hand, not with a chart library: the engine runs in Pyodide with the standard library
only, the site allows no scripts or styles from elsewhere (CSP, offline), and two small
panels of points need about a hundred lines. The chart is one image to assistive technology
(role="img" with a title and a description); the table after it has the same numbers.

Colours: only currentColor, so it follows the page's text colour in light and dark mode and
prints black. Mat nights are filled circles and the others open squares, so the difference
never rests on colour. CSS classes (guide-chart__*) let the site's stylesheet refine it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from html import escape
from typing import Any

from guide_engine.diary.fields import MAT_USED
from guide_engine.outputs.wording import day_month
from guide_engine.rules import fill

# A narrow drawing with large type: on a 360 px phone it is shown at about three quarters of
# its size, so its 18-unit text stays readable; on wider screens it simply grows.
WIDTH = 480
LEFT, RIGHT = 40, 14
FONT = 18
KEY_TOP = 22
SOL_TOP, SOL_HEIGHT = 92, 140
QUALITY_TOP, QUALITY_HEIGHT = 292, 100
HEIGHT = 432
MOST_DATE_LABELS = 4
QUALITY_SCALE = (1, 5)


def render_chart(
    nights: Sequence[Mapping[str, Any]], words: Mapping[str, Any], *, prefix: str = "guide-diary"
) -> str:
    """The figure for ``nights`` (in night order, at least one); "" when none has measures."""
    measured = [night for night in nights if night["measures"] is not None]
    if not measured:
        return ""
    chart = words["chart"]
    first, last = date.fromisoformat(nights[0]["night"]), date.fromisoformat(nights[-1]["night"])
    days = (last - first).days
    sol_top = _nice_top(max(int(n["measures"]["sol"]) for n in measured))

    def x(night: Mapping[str, Any]) -> float:
        if days == 0:
            return LEFT + (WIDTH - LEFT - RIGHT) / 2
        offset = (date.fromisoformat(night["night"]) - first).days
        return LEFT + offset * (WIDTH - LEFT - RIGHT) / days

    def sol_y(value: float) -> float:
        return SOL_TOP + SOL_HEIGHT * (1 - value / sol_top)

    def quality_y(value: float) -> float:
        low, high = QUALITY_SCALE
        return QUALITY_TOP + QUALITY_HEIGHT * (1 - (value - low) / (high - low))

    title_id, desc_id = f"{prefix}-chart-title", f"{prefix}-chart-desc"
    description = fill(
        chart["description"],
        count=len(measured),
        first=nights[0]["night"],
        last=nights[-1]["night"],
    )
    parts = [
        '<figure class="guide-chart">',
        f'<svg class="guide-chart__svg" role="img" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'aria-labelledby="{title_id} {desc_id}" fill="currentColor" font-size="{FONT}">',
        f'<title id="{title_id}">{_e(chart["title"])}</title>',
        f'<desc id="{desc_id}">{_e(description)}</desc>',
        *_key(chart),
        *_panel(
            chart["sol_axis"],
            SOL_TOP,
            SOL_HEIGHT,
            [(0, sol_y(0)), (sol_top // 2, sol_y(sol_top / 2)), (sol_top, sol_y(sol_top))],
        ),
        *_panel(
            chart["quality_axis"],
            QUALITY_TOP,
            QUALITY_HEIGHT,
            [(v, quality_y(v)) for v in range(1, 6)],
        ),
        *_line(measured, x, lambda n: sol_y(n["measures"]["sol"])),
        *_line(measured, x, lambda n: quality_y(n["measures"]["quality"])),
        *_points(measured, x, lambda n: sol_y(n["measures"]["sol"])),
        *_points(measured, x, lambda n: quality_y(n["measures"]["quality"])),
        *_dates(nights, x),
        "</svg>",
        "</figure>",
    ]
    return "\n".join(parts)


def _nice_top(highest: int) -> int:
    """The SOL axis top: 30, 60, 90, ... minutes, at least the highest value."""
    return max(30, -(-highest // 30) * 30)


def _key(chart: Mapping[str, Any]) -> list[str]:
    return [
        '<g class="guide-chart__key">',
        f'<circle class="guide-chart__mat" cx="{6}" cy="{KEY_TOP - 6}" r="6"/>',
        f'<text x="{20}" y="{KEY_TOP}">{_e(chart["mat_key"])}</text>',
        f'<rect class="guide-chart__other" x="{1}" y="{KEY_TOP + 14}" width="11" '
        'height="11" fill="none" stroke="currentColor" stroke-width="2"/>',
        f'<text x="{20}" y="{KEY_TOP + 25}">{_e(chart["no_mat_key"])}</text>',
        "</g>",
    ]


def _panel(label: str, top: int, height: int, ticks: list[tuple[float, float]]) -> list[str]:
    bottom = top + height
    parts = [
        '<g class="guide-chart__panel">',
        f'<text class="guide-chart__label" x="0" y="{top - 14}">{_e(label)}</text>',
        f'<line class="guide-chart__axis" x1="{LEFT}" y1="{top}" x2="{LEFT}" y2="{bottom}" '
        'stroke="currentColor"/>',
        f'<line class="guide-chart__axis" x1="{LEFT}" y1="{bottom}" x2="{WIDTH - RIGHT}" '
        f'y2="{bottom}" stroke="currentColor"/>',
    ]
    for value, y in ticks:
        parts += [
            f'<line class="guide-chart__grid" x1="{LEFT}" y1="{_n(y)}" x2="{WIDTH - RIGHT}" '
            f'y2="{_n(y)}" stroke="currentColor" stroke-opacity="0.2"/>',
            f'<text class="guide-chart__tick" x="{LEFT - 8}" y="{_n(y + 5)}" '
            f'text-anchor="end">{_n(value)}</text>',
        ]
    parts.append("</g>")
    return parts


def _line(measured: Sequence[Mapping[str, Any]], x: Any, y: Any) -> list[str]:
    """A thin line through consecutive nights; a missed night leaves a gap."""
    runs: list[list[Mapping[str, Any]]] = []
    for night in measured:
        previous = runs[-1][-1] if runs else None
        if previous is not None and _next_day(previous["night"], night["night"]):
            runs[-1].append(night)
        else:
            runs.append([night])
    return [
        '<polyline class="guide-chart__line" fill="none" stroke="currentColor" '
        f'stroke-opacity="0.5" points="{" ".join(f"{_n(x(n))},{_n(y(n))}" for n in run)}"/>'
        for run in runs
        if len(run) > 1
    ]


def _points(measured: Sequence[Mapping[str, Any]], x: Any, y: Any) -> list[str]:
    parts = []
    for night in measured:
        cx, cy = _n(x(night)), _n(y(night))
        if night["entry"]["mat_used"] == MAT_USED:
            parts.append(f'<circle class="guide-chart__mat" cx="{cx}" cy="{cy}" r="6"/>')
        else:
            parts.append(
                f'<rect class="guide-chart__other" x="{_n(x(night) - 5.5)}" '
                f'y="{_n(y(night) - 5.5)}" width="11" height="11" fill="none" '
                'stroke="currentColor" stroke-width="2"/>'
            )
    return parts


def _dates(nights: Sequence[Mapping[str, Any]], x: Any) -> list[str]:
    """The first night, then one label a week, under the lower panel."""
    first = date.fromisoformat(nights[0]["night"])
    labelled = [n for n in nights if (date.fromisoformat(n["night"]) - first).days % 7 == 0]
    y = QUALITY_TOP + QUALITY_HEIGHT + 26
    step = -(-len(labelled) // MOST_DATE_LABELS)
    return [
        f'<text class="guide-chart__tick" x="{_n(x(n))}" y="{y}" text-anchor="{anchor}">'
        f"{_e(day_month(date.fromisoformat(n['night'])))}</text>"
        for index, n in enumerate(labelled[::step])
        for anchor in ["start" if index == 0 else "middle"]
    ]


def _next_day(earlier: str, later: str) -> bool:
    return (date.fromisoformat(later) - date.fromisoformat(earlier)).days == 1


def _n(value: float) -> str:
    """Coordinates to one decimal, the same digits in every Python."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def _e(text: str) -> str:
    return escape(text, quote=True)
