"""Inline SVG charts drawn in Python, so the HTML report needs no script and no network.

Every text that reaches the SVG passes through ``markupsafe.escape`` (labels are hostile: they
come from tenant names, violation categories and report reasons). Each chart carries ``role=img``
with a ``<title>``/``<desc>`` pair; the page shows the same numbers in a table beside it.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from markupsafe import Markup, escape

PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#7F7F7F")
"""Okabe-Ito colours, distinguishable with the common colour-vision deficiencies."""

WIDTH = 760
LABEL_WIDTH = 200
ROW_HEIGHT = 26
MAX_LABEL_CHARS = 28
MAX_BARS = 15
MAX_POINT_MARKERS = 62


@dataclass(frozen=True, slots=True)
class Series:
    key: str
    label: str
    color: str


def _fmt(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}"


def _short(label: str) -> str:
    return label if len(label) <= MAX_LABEL_CHARS else label[: MAX_LABEL_CHARS - 1] + "…"


def nice_scale(value: float) -> tuple[float, float]:
    """``(top, step)`` of an axis for counts up to ``value``: a step of 1, 2 or 5 times a power
    of ten (never below 1, counts are whole), at most about five ticks, ``top`` >= ``value``."""
    raw = max(value / 4, 1.0)
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= raw)
    return float(step * max(math.ceil(value / step), 1)), float(step)


def _open_svg(chart_id: str, title: str, desc: str, height: int) -> list[str]:
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" id="{escape(chart_id)}" '
        f'role="img" aria-labelledby="{escape(chart_id)}-t {escape(chart_id)}-d" '
        f'viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}">',
        f'<title id="{escape(chart_id)}-t">{escape(title)}</title>',
        f'<desc id="{escape(chart_id)}-d">{escape(desc)}</desc>',
    ]


def _legend(series: Sequence[Series], y: int) -> tuple[list[str], int]:
    """Legend entries wrapped to the chart width; returns the parts and the y after them."""
    parts, x = [], LABEL_WIDTH
    for s in series:
        item_width = 28 + 7 * len(s.label)
        if x + item_width > WIDTH and x > LABEL_WIDTH:
            x, y = LABEL_WIDTH, y + 18
        parts.append(f'<rect x="{x}" y="{y - 10}" width="12" height="12" fill="{s.color}"/>')
        parts.append(f'<text x="{x + 16}" y="{y}" class="legend">{escape(s.label)}</text>')
        x += item_width
    return parts, y


def bar_chart(
    chart_id: str,
    title: str,
    rows: Mapping[str, Mapping[str, int]],
    series: Sequence[Series],
    *,
    labels: Mapping[str, str] | None = None,
    empty: str = "no actions",
) -> Markup:
    """Horizontal stacked bars, one row per key, largest first; keys past ``MAX_BARS`` are
    summed into one "all others" row so a high-cardinality dimension stays legible."""
    ordered = sorted(rows.items(), key=lambda kv: (-sum(kv[1].values()), kv[0]))
    shown = [(labels.get(k, k) if labels else k, dict(v)) for k, v in ordered[:MAX_BARS]]
    rest = ordered[MAX_BARS:]
    if rest:
        merged = {s.key: sum(v.get(s.key, 0) for _, v in rest) for s in series}
        shown.append((f"all {len(rest)} others", merged))
    total = sum(sum(v.values()) for _, v in shown)
    desc = f"{len(ordered)} rows, {_fmt(total)} in all. " + "; ".join(
        f"{label}: {_fmt(sum(v.values()))}" for label, v in shown
    )
    legend, legend_end = _legend(series, 16)
    top, bar_area = legend_end + 22, WIDTH - LABEL_WIDTH - 70
    height = top + ROW_HEIGHT * max(len(shown), 1) + 28
    scale, step = nice_scale(max((sum(v.values()) for _, v in shown), default=0))
    out = _open_svg(chart_id, title, desc, height) + legend
    axis_y = top + ROW_HEIGHT * max(len(shown), 1)
    for i in range(round(scale / step) + 1):
        x = LABEL_WIDTH + bar_area * i * step / scale
        out.append(f'<line x1="{x:.1f}" y1="{top - 4}" x2="{x:.1f}" y2="{axis_y}" class="grid"/>')
        out.append(
            f'<text x="{x:.1f}" y="{axis_y + 16}" class="tick" text-anchor="middle">'
            f"{_fmt(i * step)}</text>"
        )
    if not shown:
        out.append(
            f'<text x="{LABEL_WIDTH + 8}" y="{top + 17}" class="empty">{escape(empty)}</text>'
        )
    for row, (label, values) in enumerate(shown):
        y = top + row * ROW_HEIGHT
        row_total = sum(values.values())
        out.append(f"<g><title>{escape(label)}: {_fmt(row_total)}</title>")
        out.append(
            f'<text x="{LABEL_WIDTH - 8}" y="{y + 17}" class="label" text-anchor="end">'
            f"{escape(_short(label))}</text>"
        )
        x = float(LABEL_WIDTH)
        for s in series:
            value = values.get(s.key, 0)
            if value <= 0:
                continue
            w = bar_area * value / scale
            out.append(
                f'<rect class="bar" x="{x:.1f}" y="{y + 4}" width="{w:.1f}" '
                f'height="{ROW_HEIGHT - 8}" fill="{s.color}">'
                f"<title>{escape(label)}, {escape(s.label)}: {_fmt(value)}</title></rect>"
            )
            x += w
        out.append(f'<text x="{x + 6:.1f}" y="{y + 17}" class="value">{_fmt(row_total)}</text>')
        out.append("</g>")
    out.append("</svg>")
    return Markup("\n".join(out))


def time_series(
    chart_id: str,
    title: str,
    points: Sequence[tuple[date, Mapping[str, int]]],
    series: Sequence[Series],
) -> Markup:
    """Daily lines, one per series, over the whole period (days without rows are zero)."""
    left, right, top, bottom, height = 60, 50, 36, 40, 260
    plot_w, plot_h = WIDTH - left - right, height - top - bottom
    scale, step = nice_scale(max((v.get(s.key, 0) for _, v in points for s in series), default=0))
    desc = f"{len(points)} days. " + "; ".join(
        f"{s.label}: {_fmt(sum(v.get(s.key, 0) for _, v in points))} in all" for s in series
    )
    out = _open_svg(chart_id, title, desc, height) + _legend(series, 16)[0]
    for i in range(round(scale / step) + 1):
        y = top + plot_h - plot_h * i * step / scale
        out.append(
            f'<line x1="{left}" y1="{y:.1f}" x2="{left + plot_w}" y2="{y:.1f}" class="grid"/>'
        )
        out.append(
            f'<text x="{left - 6}" y="{y + 4:.1f}" class="tick" text-anchor="end">'
            f"{_fmt(i * step)}</text>"
        )
    n = len(points)

    def xy(index: int, value: float) -> tuple[float, float]:
        x = left + (plot_w / 2 if n == 1 else plot_w * index / (n - 1))
        return x, top + plot_h - plot_h * value / scale

    step = max(1, math.ceil(n / 6))
    for index, (day, _) in enumerate(points):
        if index % step == 0 or index == n - 1:
            x, _y = xy(index, 0)
            out.append(
                f'<text x="{x:.1f}" y="{top + plot_h + 18}" class="tick" text-anchor="middle">'
                f"{day.isoformat()}</text>"
            )
    for s in series:
        coords = [xy(i, v.get(s.key, 0)) for i, (_, v) in enumerate(points)]
        path = " ".join(f"{x:.1f},{y:.1f}" for x, y in coords)
        out.append(
            f'<polyline points="{path}" fill="none" stroke="{s.color}" stroke-width="2" '
            f'class="line"><title>{escape(s.label)}</title></polyline>'
        )
        if n <= MAX_POINT_MARKERS:
            for (x, y), (day, v) in zip(coords, points, strict=True):
                out.append(
                    f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3.5" fill="{s.color}"><title>'
                    f"{day.isoformat()}, {escape(s.label)}: {_fmt(v.get(s.key, 0))}"
                    "</title></circle>"
                )
    out.append("</svg>")
    return Markup("\n".join(out))
