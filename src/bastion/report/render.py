"""The transparency report as JSON, long-format CSV or one self-contained HTML page.

JSON is ``TransparencyStats.as_dict()`` (schema ``bastion.transparency/1``). CSV has the columns
``metric,dimension,key,value``: ``dimension`` is the breakdown axis (``total`` when none) and
text cells that a spreadsheet would run as a formula (leading ``= + - @``, tab or CR) get a
leading apostrophe. HTML is rendered by an autoescaping Jinja2 template with inline CSS and SVG:
no script, no external resource, and a Content-Security-Policy that would block either anyway.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from typing import Any, Final

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from bastion.report.charts import PALETTE, Series, bar_chart, time_series
from bastion.report.schema import (
    CLICK_DECISIONS,
    DEFINITIONS,
    DIMENSIONS,
    GROUPS,
    TransparencyStats,
)

FORMATS: Final = ("json", "csv", "html")
CSV_HEADER: Final = ("metric", "dimension", "key", "value")
GROUP_LABELS: Final[dict[str, str]] = {
    "items_removed": "Items removed",
    "links_disabled": "Links disabled",
    "accounts_warned": "Accounts warned",
    "accounts_demonetized": "Accounts demonetized",
    "accounts_suspended": "Accounts suspended",
    "accounts_banned": "Accounts banned",
    "lighter_penalties": "Lighter penalties",
}
DIMENSION_LABELS: Final[dict[str, str]] = {
    "reason": "reason (violation category)",
    "platform": "platform",
    "surface": "surface",
    "source": "detection route (automated, report, review)",
    "detected_by": "detection source (text, QR, OCR, image hash, provenance)",
}
GROUP_SERIES: Final = tuple(
    Series(g, GROUP_LABELS[g], PALETTE[i % len(PALETTE)]) for i, g in enumerate(GROUPS)
)
DAILY_SERIES: Final = (
    Series("actions", "Actions taken", PALETTE[0]),
    Series("reversed", "Of which reversed since", PALETTE[1]),
)
CLICK_SERIES: Final = tuple(
    Series(d, d, PALETTE[i % len(PALETTE)]) for i, d in enumerate(CLICK_DECISIONS)
)
_FORMULA_START: Final = ("=", "+", "-", "@", "\t", "\r")


def render(stats: TransparencyStats, fmt: str) -> str:
    """The report in one of ``FORMATS``."""
    if fmt == "json":
        return render_json(stats)
    if fmt == "csv":
        return render_csv(stats)
    if fmt == "html":
        return render_html(stats)
    raise ValueError(f"unknown report format {fmt!r}: use one of {', '.join(FORMATS)}")


def render_json(stats: TransparencyStats) -> str:
    return json.dumps(stats.as_dict(), indent=2, ensure_ascii=False, allow_nan=False) + "\n"


def csv_rows(stats: TransparencyStats) -> Iterator[tuple[str, str, str, Any]]:
    """Every figure as ``(metric, dimension, key, value)``, in a fixed order."""
    data = stats.as_dict()
    period = data["period"]
    yield "report", "schema", "version", data["schema"]
    yield "report", "period", "from", period["from"]
    yield "report", "period", "to", period["to"]
    yield "report", "scope", "tenant", stats.tenant or ""
    yield "report", "generated", "at", data["generated_at"]
    actions = data["actions"]
    totals = {"all_actions": actions["totals"], **actions["groups"]}
    for metric, tally in totals.items():
        for key in ("actions", "reversed", "live", "targets"):
            if key in tally:
                yield metric, "total", key, tally[key]
    for dim in DIMENSIONS:
        for key, total in stats.dimension_totals(dim).items():
            yield "all_actions", dim, key, total
    for group in GROUPS:
        for dim in DIMENSIONS:
            for key, row in stats.breakdowns[dim].items():
                yield group, dim, key, row[group]
    for kind, tally in actions["by_kind"].items():
        for key in ("actions", "reversed", "live"):
            yield f"kind.{kind}", "total", key, tally[key]
    for kind, n in data["reversals_in_period"].items():
        yield "reversals_in_period", "kind", kind, n
    yield from _flat("time_to_action", "total", data["time_to_action"])
    appeals = data["appeals"]
    for key in ("filed", "decided", "upheld", "reversed", "reversal_rate"):
        yield "appeals", "total", key, appeals[key]
    yield from _flat("appeals", "status", appeals["by_status"])
    for group, statuses in appeals["by_group"].items():
        yield from _flat(f"appeals.{group}", "status", statuses)
    yield from _flat("appeal_decision_time", "total", appeals["decision_time"])
    reports = data["reports"]
    yield "reports", "total", "received", reports["received"]
    yield "reports", "total", "trusted_flagger", reports["trusted_flagger"]
    yield from _flat("reports", "reason", reports["by_reason"])
    yield from _flat("reports", "platform", reports["by_platform"])
    yield from _flat("reports", "outcome", reports["outcomes"])
    activity = data["activity"]
    yield "items_ingested", "total", "count", activity["items_ingested"]
    yield "violations", "total", "count", activity["violations"]["total"]
    yield from _flat("violations", "category", activity["violations"]["by_category"])
    yield from _flat("violations", "mode", activity["violations"]["by_mode"])
    for key in ("issued", "reversed", "live"):
        yield "strikes", "total", key, activity["strikes"][key]
    yield from _flat("strikes", "category", activity["strikes"]["by_category"])
    yield "cases_opened", "total", "count", activity["cases_opened"]
    yield "reviews", "total", "count", activity["reviews"]["total"]
    yield from _flat("reviews", "decision", activity["reviews"]["by_decision"])
    for day in data["daily"]:
        yield "daily_actions", "date", day["date"], day["actions"]
        yield "daily_reversed", "date", day["date"], day["reversed"]
    clicks = data["link_clicks"]
    yield "link_clicks", "total", "count", clicks["total"]
    yield from _flat("link_clicks", "decision", clicks["by_decision"])
    yield from _flat(
        "link_clicks", "category", {c: sum(r.values()) for c, r in clicks["by_category"].items()}
    )


def _flat(
    metric: str, dimension: str, values: dict[str, Any]
) -> Iterator[tuple[str, str, str, Any]]:
    for key, value in values.items():
        yield metric, dimension, key, value


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return repr(value)
    text = str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def render_csv(stats: TransparencyStats) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_HEADER)
    for row in csv_rows(stats):
        writer.writerow([_cell(v) for v in row])
    return buffer.getvalue()


def format_seconds(value: float | None) -> str:
    """``5400.0`` -> ``"1 h 30 min"``; ``None`` -> ``"n/a"``. Keeps the two largest units."""
    if value is None:
        return "n/a"
    sign, rest = ("-" if value < 0 else ""), abs(round(value))
    parts = []
    for unit, size in (("d", 86_400), ("h", 3_600), ("min", 60), ("s", 1)):
        if rest >= size:
            parts.append(f"{rest // size} {unit}")
            rest %= size
    return sign + (" ".join(parts[:2]) if parts else "0 s")


def format_rate(value: float | None) -> str:
    return "n/a" if value is None else f"{100 * value:.1f}%"


def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("bastion.report", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["seconds"] = format_seconds
    env.filters["rate"] = format_rate
    env.filters["num"] = lambda v: f"{v:,}"
    return env


def report_charts(stats: TransparencyStats) -> dict[str, Markup]:
    """Every chart of the report as inline SVG (the public page and the console draw these)."""
    platform_labels = {slug: f"{name} ({slug})" for slug, name in stats.platforms.items()}
    charts: dict[str, Markup] = {
        dim: bar_chart(
            f"chart-{dim}",
            f"Live actions by {DIMENSION_LABELS[dim]}",
            stats.breakdowns[dim],
            GROUP_SERIES,
            labels=platform_labels if dim == "platform" else None,
        )
        for dim in DIMENSIONS
    }
    daily_points = [
        (d.day, {"actions": d.tally.actions, "reversed": d.tally.reversed}) for d in stats.daily
    ]
    charts["daily"] = time_series(
        "chart-daily", "Actions taken per day (UTC)", daily_points, DAILY_SERIES
    )
    charts["clicks"] = bar_chart(
        "chart-clicks",
        "Link shim clicks by the site's category at click time",
        stats.clicks.by_category,
        CLICK_SERIES,
        empty="no clicks",
    )
    return charts


def render_html(stats: TransparencyStats) -> str:
    platform_labels = {slug: f"{name} ({slug})" for slug, name in stats.platforms.items()}
    charts = report_charts(stats)
    template = _environment().get_template("report.html.j2")
    return template.render(
        stats=stats,
        data=stats.as_dict(),
        charts=charts,
        groups=GROUPS,
        group_labels=GROUP_LABELS,
        dimensions=DIMENSIONS,
        dimension_labels=DIMENSION_LABELS,
        platform_labels=platform_labels,
        definitions=DEFINITIONS,
    )
