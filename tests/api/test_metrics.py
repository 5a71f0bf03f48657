"""GET /metrics (Prometheus) and the JSON log format of ``bastion serve``."""

from __future__ import annotations

import json
import logging
import os
import re
import subprocess
import sys
from pathlib import Path

import httpx
import pytest
from prometheus_client.parser import text_string_to_metric_families
from typer.testing import CliRunner

from bastion.api import create_app
from bastion.api.deps import ApiSettings
from bastion.api.live import IntelWatch
from bastion.api.logs import JsonFormatter, log_config
from bastion.cli import app as bastion_app
from bastion.enforce import Ladder
from bastion.intel.feeds import import_feeds
from bastion.scanner import Scanner
from bastion.store import Store
from tests.api.conftest import BastionClient, MakeClient
from tests.support.homes import EXAMPLE_FEEDS, import_example_feeds
from tests.support.live import free_port, serving, wait_until_serving

TOKEN = "scrape-me"
DIRTY = {"id": "m-1", "account_id": "u-1", "surface": "post", "text": "官网 １８８ｂｅｔ。ｃｏｍ"}


def _samples(text: str) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    found: dict[tuple[str, tuple[tuple[str, str], ...]], float] = {}
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            found[(sample.name, tuple(sorted(sample.labels.items())))] = sample.value
    return found


def _value(text: str, name: str, **labels: str) -> float:
    return _samples(text).get((name, tuple(sorted(labels.items()))), 0.0)


@pytest.fixture
def scraped(store: Store, make_client: MakeClient) -> BastionClient:
    return make_client(store, settings=ApiSettings(metrics_token=TOKEN))


def _scrape(client: BastionClient) -> str:
    response = client.get("/metrics", headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/plain")
    return str(response.text)


def test_metrics_need_the_token(scraped: BastionClient) -> None:
    assert scraped.get("/metrics").status_code == 401
    wrong = scraped.get("/metrics", headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 401
    tenant_key = scraped.get("/metrics", headers=scraped.auth("admin"))
    assert tenant_key.status_code == 401


def test_requests_verdicts_groups_and_queues_are_counted(scraped: BastionClient) -> None:
    """Counters are per process and other tests count too: compare before and after."""
    before = _scrape(scraped)
    assert _value(before, "bastion_cases", status="open") == 0
    for n in range(3):
        answer = scraped.post("/v1/check", json={**DIRTY, "id": f"m-{n}"}, headers=scraped.auth())
        assert answer.status_code == 200 and answer.json()["verdict"] == "act"
    clean = {"id": "c-1", "account_id": "u-2", "text": "lunch at noon?"}
    assert scraped.post("/v1/check", json=clean, headers=scraped.auth()).status_code == 200
    after = _scrape(scraped)

    def grew(name: str, **labels: str) -> float:
        return _value(after, name, **labels) - _value(before, name, **labels)

    assert grew("bastion_http_requests_total", method="POST", route="/v1/check", status="200") == 4
    assert grew("bastion_verdicts_total", verdict="act", surface="post") == 3
    assert grew("bastion_verdicts_total", verdict="allow", surface="post") == 1
    assert grew("bastion_group_commit_items_count") >= 1
    assert grew("bastion_group_commit_items_sum") == 4
    assert (
        grew("bastion_http_request_duration_seconds_count", method="POST", route="/v1/check") == 4
    )
    assert _value(after, "bastion_webhook_notices", status="dead") == 0
    assert _value(after, "bastion_appeals_open") == 0


def test_routes_are_labelled_by_template_never_by_raw_path(scraped: BastionClient) -> None:
    for path in ("/v1/actions/1", "/v1/actions/2", "/x<script>alert(1)</script>", "/l?u=secret"):
        scraped.get(path, headers=scraped.auth())
    text = _scrape(scraped)
    routes = {
        dict(labels).get("route") for (name, labels) in _samples(text) if "route" in dict(labels)
    }
    assert "/v1/actions/{action_id}" in routes and "other" in routes
    assert not any(r and ("script" in r or "secret" in r or r.endswith("/1")) for r in routes)


def test_without_a_token_only_loopback_is_answered(
    scraped: BastionClient, scanner: Scanner, ladder: Ladder, store: Store
) -> None:
    open_app = create_app(store=store, scanner=scanner, ladder=ladder)
    assert BastionClient(open_app).get("/metrics").status_code == 403  # "testclient" address
    with serving(open_app) as base:
        response = httpx.get(base + "/metrics", timeout=30)
    assert response.status_code == 200 and "bastion_cases" in response.text


def test_feed_ages_come_from_the_home(tmp_path: Path, ladder: Ladder, store: Store) -> None:
    home = tmp_path / "aged-home"
    import_feeds(home, EXAMPLE_FEEDS, category="from-file", source="sample")
    app = create_app(
        store=store,
        scanner=Scanner.load(home),
        ladder=ladder,
        settings=ApiSettings(metrics_token=TOKEN),
        intel=IntelWatch(home),
    )
    text = BastionClient(app).get("/metrics", headers={"Authorization": f"Bearer {TOKEN}"}).text
    age = _value(text, "bastion_feed_age_seconds", source="sample", category="gambling")
    assert 0 <= age < 24 * 3600
    assert _value(text, "bastion_feed_age_seconds", source="sample", category="scam") >= 0


def test_json_log_lines_are_one_object_each_and_keep_hostile_text_inside() -> None:
    record = logging.LogRecord(
        "bastion.api", logging.WARNING, __file__, 1, 'bad "x"\n<y>', (), None
    )
    record.fields = {"route": "/v1/check", "status": 500}
    line = JsonFormatter().format(record)
    assert "\n" not in line
    entry = json.loads(line)
    assert entry["msg"] == 'bad "x"\n<y>' and entry["level"] == "warning"
    assert entry["route"] == "/v1/check" and entry["status"] == 500 and entry["pid"] > 0
    with pytest.raises(ValueError, match="log format"):
        log_config("xml", "info", access_log=False)


@pytest.mark.slow
def test_two_workers_share_their_counters_and_log_json(tmp_path: Path) -> None:
    home = tmp_path / "workers-home"
    import_example_feeds(home)
    made = CliRunner().invoke(bastion_app, ["tenants", "create", "Demo", "--home", str(home)])
    key = made.stdout.strip().splitlines()[-1]
    with httpx.Client(timeout=120) as probe:
        port = free_port()
        log_path = tmp_path / "serve.log"
        command = [
            str(Path(sys.executable).parent / "bastion"), "serve", "--port", str(port),
            "--home", str(home), "--workers", "2", "--log-format", "json", "--access-log",
            "--log-level", "info",
        ]  # fmt: skip
        with log_path.open("wb") as log:
            server = subprocess.Popen(
                command,
                stdout=subprocess.DEVNULL,
                stderr=log,
                env={**_env(), "BASTION_METRICS_TOKEN": TOKEN},
            )
            try:
                base = f"http://127.0.0.1:{port}"
                wait_until_serving(base, server, log_path)
                auth = {"Authorization": f"Bearer {key}"}
                sent = 24
                for n in range(sent):
                    body = {**DIRTY, "id": f"w-{n}"}
                    assert (
                        probe.post(base + "/v1/check", json=body, headers=auth).status_code == 200
                    )
                probe.get(base + "/l?u=https%3A%2F%2Fsecret.example%2F&s=x")
                scrape = probe.get(base + "/metrics", headers={"Authorization": f"Bearer {TOKEN}"})
            finally:
                server.terminate()
                server.wait(timeout=60)
    assert scrape.status_code == 200
    route = {"method": "POST", "route": "/v1/check", "status": "200"}
    assert _value(scrape.text, "bastion_http_requests_total", **route) == sent
    lines = [json.loads(line) for line in log_path.read_text().splitlines() if line.startswith("{")]
    access = [entry for entry in lines if entry["logger"] == "bastion.access"]
    assert len([a for a in access if a["route"] == "/v1/check"]) == sent
    assert len({a["pid"] for a in access}) >= 1
    shim = [a for a in access if a["path"] == "/l"]
    assert shim and all("secret" not in json.dumps(a) for a in access)
    assert not re.search(r"secret\.example", log_path.read_text())


def _env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k not in ("PROMETHEUS_MULTIPROC_DIR",)}
