"""The HTML report in a real headless Chromium, offline: charts drawn and visible, nothing fetched,
no script run. Needs Debian's ``chromium`` and the ``playwright`` package (its own browser
download is never used); missing either skips locally and fails under ``CI=true``.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from bastion.report import render_html, transparency_stats
from bastion.store import Store
from tests.report.dataset import FROM, HOSTILE_NAME, TO, build
from tests.support.browser import chromium

SCREENSHOT = Path("/tmp/bastion-report.png")
CHART_IDS = ("chart-reason", "chart-platform", "chart-surface", "chart-source", "chart-daily")


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with chromium() as launched:
        yield launched


@pytest.fixture
def report_file(tmp_path: Path) -> Path:
    with Store.open(home=tmp_path / "home") as store:
        store.run(build)
        stats = store.run(
            lambda s: transparency_stats(
                s, date_from=FROM, date_to=TO, now=datetime(2026, 3, 10, tzinfo=UTC)
            ),
            readonly=True,
        )
    path = tmp_path / "report.html"
    path.write_text(render_html(stats), encoding="utf-8")
    return path


def test_report_renders_offline_in_chromium(browser: Any, report_file: Path) -> None:
    page = browser.new_page(viewport={"width": 1100, "height": 900})
    requested: list[str] = []
    blocked: list[str] = []
    dialogs: list[str] = []
    console_errors: list[str] = []

    def guard(route: Any) -> None:
        url = route.request.url
        requested.append(url)
        if url.startswith("file://"):
            route.continue_()
        else:
            blocked.append(url)
            route.abort()

    def on_dialog(dialog: Any) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    def on_console(message: Any) -> None:
        if message.type == "error":
            console_errors.append(message.text)

    page.route("**/*", guard)
    page.on("dialog", on_dialog)
    page.on("console", on_console)
    page.goto(report_file.as_uri(), wait_until="load")

    assert requested == [report_file.as_uri()], "the page must load nothing but itself"
    assert blocked == []
    assert dialogs == [], "hostile text must never run as script"
    assert console_errors == []
    assert page.title() == "Transparency report 2026-03-01 to 2026-03-03"
    assert HOSTILE_NAME in page.locator("#platforms").inner_text()

    for chart_id in CHART_IDS:
        chart = page.locator(f"svg#{chart_id}")
        assert chart.is_visible(), chart_id
        box = chart.bounding_box()
        assert box is not None and box["width"] > 400 and box["height"] > 100, (chart_id, box)
    bars = page.locator("#chart-reason rect.bar")
    assert bars.count() == 8  # 5 reasons: gambling stacks 3 groups, unspecified 2, the rest 1
    widest = max(bars.nth(i).bounding_box()["width"] for i in range(bars.count()))
    assert widest > 50
    assert page.locator("#chart-daily polyline").count() == 2
    assert page.locator("#chart-daily circle").count() == 6
    assert page.locator("#table-reason tbody tr").count() == 5
    assert page.locator("#card-items_removed .n").inner_text() == "4"

    page.screenshot(path=str(report_file.with_suffix(".png")), full_page=True)
    if SCREENSHOT.parent.is_dir():
        shutil.copyfile(report_file.with_suffix(".png"), SCREENSHOT)
    assert report_file.with_suffix(".png").stat().st_size > 20_000
    page.close()
