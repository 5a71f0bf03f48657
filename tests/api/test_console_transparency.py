"""The console's transparency dashboard and the shim's click counts in the transparency report:
the same figures as the public page, charts as server-drawn SVG, hostile labels escaped."""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import timedelta

from bastion.report import render_csv, render_json, transparency_stats
from bastion.store.models import LinkClick
from tests.api.conftest import BastionClient
from tests.api.test_console import HOSTILE, add_user, sign_in

CATEGORY = HOSTILE[:64]


def _clicks(client: BastionClient) -> None:
    """Clicks of yesterday and of a day outside the 30-day window (not counted)."""
    yesterday = client.clock().date() - timedelta(days=1)
    rows = [
        (yesterday, "12bet.com", "gambling", "warn", 7),
        (yesterday, "12bet.com", "gambling", "continue", 2),
        (yesterday, "phish.example", "phishing", "block", 3),
        (yesterday, "example.org", "", "redirect", 40),
        (yesterday, "x.example", CATEGORY, "warn", 1),
        (yesterday - timedelta(days=45), "old.example", "scam", "warn", 100),
    ]
    with client.store.transaction() as session:
        for day, host, category, decision, count in rows:
            session.add(
                LinkClick(
                    tenant_id=client.tenant.id,
                    day=day,
                    host=host,
                    category=category,
                    decision=decision,
                    count=count,
                )
            )
        session.add(
            LinkClick(
                tenant_id=client.other.id,
                day=yesterday,
                host="12bet.com",
                category="gambling",
                decision="warn",
                count=1000,
            )
        )


def test_the_report_counts_shim_clicks_per_category_and_decision(client: BastionClient) -> None:
    _clicks(client)
    now = client.clock()
    day = now.date() - timedelta(days=1)
    stats = client.store.run(
        lambda s: transparency_stats(
            s, date_from=day - timedelta(days=29), date_to=day, tenant_id=client.tenant.id, now=now
        ),
        readonly=True,
    )
    data = json.loads(render_json(stats))["link_clicks"]
    assert data["total"] == 53
    assert data["by_category"]["gambling"] == {"warn": 7, "continue": 2}
    assert data["by_category"]["none"] == {"redirect": 40}
    assert data["by_decision"] == {
        "redirect": 40,
        "warn": 8,
        "block": 3,
        "continue": 2,
        "refuse": 0,
    }
    rows = list(csv.reader(io.StringIO(render_csv(stats))))
    assert ["link_clicks", "category", "gambling", "9"] in rows
    assert ["link_clicks", "total", "count", "53"] in rows


def test_the_dashboard_draws_the_public_pages_figures(client: BastionClient) -> None:
    add_user(client, "alice")
    _clicks(client)
    sign_in(client, "alice")
    page = client.get("/console/transparency")
    assert page.status_code == 200
    assert 'id="chart-clicks"' in page.text and 'id="chart-daily"' in page.text
    assert re.search(r'id="card-clicks">53<', page.text)
    assert "<script>alert" not in page.text and "&lt;script&gt;" in page.text
    assert "style=" not in page.text and "<style" not in page.text  # the console CSP: no inline
    assert "script-src 'self'" in page.headers["content-security-policy"]

    public = client.get(f"/p/{client.tenant.slug}/transparency").text
    assert "53 clicks on rewritten links" in public
    assert 'id="chart-clicks"' in public
    assert "<script>alert" not in public
    reports = re.search(r'id="card-reports">(\d+)<', page.text)
    assert reports is not None and f"{reports.group(1)} reports received" in public
    nav = client.get("/console/queue").text
    assert 'href="/console/transparency"' in nav
