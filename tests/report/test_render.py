"""JSON, CSV and HTML renderings of the fixture store's report, and the SVG chart helpers."""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import UTC, date, datetime, timedelta
from html.parser import HTMLParser
from pathlib import Path

import pytest

from bastion.report import render, render_csv, render_html, render_json, transparency_stats
from bastion.report.charts import MAX_BARS, Series, bar_chart, nice_scale, time_series
from bastion.report.render import CSV_HEADER, format_rate, format_seconds
from bastion.report.schema import DEFINITIONS, GROUPS, TransparencyStats
from bastion.store import Store
from tests.report.dataset import FORMULA_CATEGORY, FROM, HOSTILE_NAME, HOSTILE_REASON, TO, build

NOW = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def stats(tmp_path_factory: pytest.TempPathFactory) -> TransparencyStats:
    """The fixture store's report (SQLite: rendering does not depend on the backend)."""
    with Store.open(home=tmp_path_factory.mktemp("render")) as store:
        store.run(build)
        return store.run(
            lambda s: transparency_stats(s, date_from=FROM, date_to=TO, now=NOW), readonly=True
        )


def test_json_has_a_stable_schema(stats: TransparencyStats) -> None:
    text = render_json(stats)
    assert text == render(stats, "json")
    data = json.loads(text)
    assert list(data) == [
        "schema",
        "period",
        "generated_at",
        "tenant",
        "platforms",
        "definitions",
        "actions",
        "reversals_in_period",
        "time_to_action",
        "appeals",
        "reports",
        "activity",
        "daily",
        "link_clicks",
    ]
    assert data["schema"] == "bastion.transparency/1"
    assert data["period"] == {
        "from": "2026-03-01",
        "to": "2026-03-03",
        "start": "2026-03-01T00:00:00Z",
        "end_exclusive": "2026-03-04T00:00:00Z",
        "days": 3,
    }
    assert data["generated_at"] == "2026-03-10T12:00:00Z"
    assert data["actions"]["totals"] == {"actions": 12, "reversed": 2, "live": 10}
    assert data["actions"]["groups"]["items_removed"] == {
        "actions": 4,
        "reversed": 0,
        "live": 4,
        "kinds": ["remove_content"],
        "targets": 3,
    }
    assert data["actions"]["breakdowns"]["platform"]["evil"]["accounts_banned"] == 1
    assert data["appeals"]["reversal_rate"] == pytest.approx(2 / 3)
    assert data["reports"]["by_reason"][HOSTILE_REASON] == 1
    assert data["activity"]["strikes"] == {
        "issued": 3,
        "reversed": 1,
        "live": 2,
        "by_category": {"gambling": 1, "porn": 1, "scam": 1},
    }
    assert data["platforms"]["evil"] == HOSTILE_NAME
    assert set(data["definitions"]) == set(DEFINITIONS)
    assert [d["date"] for d in data["daily"]] == ["2026-03-01", "2026-03-02", "2026-03-03"]


def csv_table(stats: TransparencyStats) -> dict[tuple[str, str, str], str]:
    rows = list(csv.reader(io.StringIO(render_csv(stats), newline="")))
    assert tuple(rows[0]) == CSV_HEADER
    assert all(len(r) == 4 for r in rows)
    table = {(m, d, k): v for m, d, k, v in rows[1:]}
    assert len(table) == len(rows) - 1, "every (metric, dimension, key) appears once"
    return table


def test_csv_long_format(stats: TransparencyStats) -> None:
    table = csv_table(stats)
    assert table["report", "period", "from"] == "2026-03-01"
    assert table["all_actions", "total", "live"] == "10"
    assert table["items_removed", "total", "live"] == "4"
    assert table["items_removed", "total", "targets"] == "3"
    assert table["links_disabled", "total", "reversed"] == "1"
    assert table["items_removed", "reason", "gambling"] == "3"
    assert table["all_actions", "platform", "evil"] == "2"
    assert table["all_actions", "source", "automated"] == "6"
    assert table["kind.revoke_monetization", "total", "reversed"] == "1"
    assert table["reversals_in_period", "kind", "remove_content"] == "1"
    assert table["time_to_action", "total", "median_seconds"] == "5400.0"
    assert table["appeals", "total", "reversal_rate"] == repr(2 / 3)
    assert table["appeals.accounts_banned", "status", "open"] == "1"
    assert table["reports", "outcome", "pending"] == "2"
    assert table["reports", "reason", HOSTILE_REASON] == "1"
    assert table["strikes", "total", "issued"] == "3"
    assert table["daily_actions", "date", "2026-03-03"] == "4"
    assert table["daily_reversed", "date", "2026-03-01"] == "1"
    for group in GROUPS:
        by_reason = sum(int(v) for (m, d, _k), v in table.items() if (m, d) == (group, "reason"))
        assert by_reason == int(table[group, "total", "live"])


def test_csv_cells_cannot_run_as_spreadsheet_formulas(stats: TransparencyStats) -> None:
    table = csv_table(stats)
    assert table["lighter_penalties", "reason", "'" + FORMULA_CATEGORY] == "1"
    assert table["violations", "category", "'" + FORMULA_CATEGORY] == "1"
    for cells in table:
        assert not any(cell.startswith(("=", "+", "-", "@")) for cell in cells)


class _Collector(HTMLParser):
    """Tags, attributes and text of the page, to check structure without a browser."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_html_escapes_hostile_text(stats: TransparencyStats) -> None:
    page = render_html(stats)
    assert "<script" not in page.lower()
    assert HOSTILE_NAME not in page
    assert HOSTILE_REASON not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;svg onload=alert(3)&gt;" in page
    parsed = _Collector()
    parsed.feed(page)
    assert not any(name.startswith("on") for _tag, attrs in parsed.tags for name in attrs)
    assert HOSTILE_NAME in "".join(parsed.text)  # shown to the reader as text


def test_html_is_self_contained_with_accessible_charts(stats: TransparencyStats) -> None:
    page = render_html(stats)
    parsed = _Collector()
    parsed.feed(page)
    tags = [t for t, _a in parsed.tags]
    for banned in ("script", "link", "img", "iframe", "object"):
        assert banned not in tags
    urls = re.findall(r"https?://[^\s\"'<>]+", page)
    assert set(urls) == {"http://www.w3.org/2000/svg"}  # the SVG namespace, never fetched
    assert "default-src 'none'" in page
    charts = [a for t, a in parsed.tags if t == "svg"]
    assert [a["id"] for a in charts] == [
        "chart-reason",
        "chart-platform",
        "chart-surface",
        "chart-source",
        "chart-detected_by",
        "chart-daily",
        "chart-clicks",
    ]
    for attrs in charts:
        assert attrs["role"] == "img"
        assert attrs["aria-labelledby"] == f"{attrs['id']}-t {attrs['id']}-d"
        assert f'<title id="{attrs["id"]}-t">' in page
        assert f'<desc id="{attrs["id"]}-d">' in page
    table_ids = {a.get("id") for t, a in parsed.tags if t == "table"}
    assert {"table-reason", "table-platform", "table-surface", "table-source", "table-daily"} <= (
        table_ids
    )
    assert "Alpha Social (alpha)" in page
    assert "1 h 30 min" in page  # median time to action, 5400 s
    assert "66.7%" in page  # appeal reversal rate


def test_render_refuses_an_unknown_format(stats: TransparencyStats) -> None:
    with pytest.raises(ValueError, match="json, csv, html"):
        render(stats, "xml")


@pytest.mark.parametrize(
    ("seconds", "text"),
    [
        (None, "n/a"),
        (0, "0 s"),
        (59.4, "59 s"),
        (5400, "1 h 30 min"),
        (320_400, "3 d 17 h"),
        (90_061, "1 d 1 h"),
        (-120, "-2 min"),
    ],
)
def test_format_seconds(seconds: float | None, text: str) -> None:
    assert format_seconds(seconds) == text


def test_format_rate() -> None:
    assert format_rate(None) == "n/a"
    assert format_rate(2 / 3) == "66.7%"


@pytest.mark.parametrize(
    ("value", "scale"),
    [(0, (1.0, 1.0)), (1, (1.0, 1.0)), (5, (6.0, 2.0)), (8, (8.0, 2.0)), (97, (100.0, 50.0)),
     (1234, (1500.0, 500.0))],
)  # fmt: skip
def test_nice_scale(value: float, scale: tuple[float, float]) -> None:
    assert nice_scale(value) == scale
    top, step = scale
    assert top >= value and top / step <= 5


def test_bar_chart_merges_the_long_tail_and_escapes_labels() -> None:
    series = [Series("a", "A", "#000"), Series("b", "B", "#111")]
    rows = {f"<k{i}>": {"a": i, "b": 1} for i in range(MAX_BARS + 10)}
    svg = str(bar_chart("c", "Title <x>", rows, series))
    assert "all 10 others" in svg
    assert "<k" not in svg and "&lt;k24&gt;" in svg
    assert '<title id="c-t">Title &lt;x&gt;</title>' in svg
    empty = str(bar_chart("e", "Empty", {}, series))
    assert "no actions" in empty


def test_time_series_stays_small_over_a_long_period() -> None:
    start = date(2020, 1, 1)
    points = [(start + timedelta(days=i), {"n": i % 7}) for i in range(3660)]
    svg = str(time_series("d", "Daily", points, [Series("n", "N", "#000")]))
    assert "<circle" not in svg  # markers only for short periods
    assert svg.count("<polyline") == 1
    assert len(svg) < 100_000
    short = str(time_series("s", "Daily", points[:3], [Series("n", "N", "#000")]))
    assert short.count("<circle") == 3


def test_written_report_roundtrips(stats: TransparencyStats, tmp_path: Path) -> None:
    path = tmp_path / "r.json"
    path.write_text(render_json(stats), encoding="utf-8")
    assert json.loads(path.read_text(encoding="utf-8")) == json.loads(json.dumps(stats.as_dict()))
