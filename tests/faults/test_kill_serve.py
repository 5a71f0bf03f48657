"""``bastion serve`` killed with SIGKILL under load, then restarted: nothing that was
acknowledged is lost, and a client that sends everything again duplicates nothing."""

from __future__ import annotations

import os
import signal
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import func, select
from typer.testing import CliRunner

from bastion.cli import app
from bastion.store import Store
from bastion.store.models import Action, Item, Strike
from tests.faults.conftest import home_with_tenant, listed_or_clean, start_serve
from tests.support.live import free_port, wait_until_serving

TOTAL = 120
runner = CliRunner()


def _send_all(
    base: str, key: str, numbers: list[int], acked: dict[int, dict[str, Any]], stop: threading.Event
) -> None:
    headers = {"Authorization": f"Bearer {key}"}

    def one(n: int) -> None:
        if stop.is_set():
            return
        try:
            response = httpx.post(
                base + "/v1/check", json=listed_or_clean(n), headers=headers, timeout=30
            )
        except httpx.TransportError:
            return
        if response.status_code == 200:
            acked[n] = response.json()

    with ThreadPoolExecutor(8) as pool:
        list(pool.map(one, numbers))


def _counts(home: Path, url: str | None) -> tuple[int, int, int, int]:
    store = Store.open(home=home, url=url)
    try:
        with store.transaction(readonly=True) as session:
            items = session.scalar(select(func.count()).select_from(Item)) or 0
            actions = session.scalar(select(func.count()).select_from(Action)) or 0
            keys = session.scalar(select(func.count(func.distinct(Action.dedupe_key)))) or 0
            strikes = session.scalar(select(func.count()).select_from(Strike)) or 0
    finally:
        store.close()
    return int(items), int(actions), int(keys), int(strikes)


def _kill_and_resend(home: Path, tmp_path: Path, env: dict[str, str], url: str | None) -> None:
    key = home_with_tenant(home, env)
    port, log = free_port(), tmp_path / "serve.log"
    base = f"http://127.0.0.1:{port}"
    server = start_serve(home, port, log, env)
    acked: dict[int, dict[str, Any]] = {}
    try:
        wait_until_serving(base, server, log)
        stop = threading.Event()
        sender = threading.Thread(
            target=_send_all, args=(base, key, list(range(TOTAL)), acked, stop)
        )
        sender.start()
        while len(acked) < TOTAL // 3 and sender.is_alive():
            sender.join(timeout=0.01)
        os.kill(server.pid, signal.SIGKILL)
        server.wait(timeout=60)
        stop.set()
        sender.join(timeout=120)
        assert 0 < len(acked) < TOTAL, "the kill must land mid-run"
        first_acks = dict(acked)
        items_after_kill = _counts(home, url)[0]
        assert items_after_kill >= len(first_acks)
        server = start_serve(home, port, log, env)
        wait_until_serving(base, server, log)
        again: dict[int, dict[str, Any]] = {}
        _send_all(base, key, list(range(TOTAL)), again, threading.Event())
        assert sorted(again) == list(range(TOTAL))
    finally:
        server.kill()
        server.wait(timeout=60)
    for n, first in first_acks.items():
        assert again[n]["verdict"] == first["verdict"]
        taken = {a["id"] for a in first["enforcement"]["actions"]}
        assert {a["id"] for a in again[n]["enforcement"]["actions"]} >= taken
    items, actions, distinct_keys, strikes = _counts(home, url)
    assert items == TOTAL
    assert actions == distinct_keys
    listed = sum(1 for n in range(TOTAL) if n % 3 != 0)
    assert strikes <= listed
    verified = runner.invoke(app, ["audit", "verify", "--home", str(home)], env=env)
    assert verified.exit_code == 0, verified.output


def _env(**extra: str) -> dict[str, str]:
    kept = {k: v for k, v in os.environ.items() if not k.startswith("BASTION_")}
    return {**kept, **extra}


@pytest.mark.slow
def test_kill_9_of_serve_on_sqlite_loses_and_duplicates_nothing(tmp_path: Path) -> None:
    home = tmp_path / "home"
    _kill_and_resend(home, tmp_path, _env(), None)


@pytest.mark.slow
@pytest.mark.postgres
def test_kill_9_of_serve_on_postgresql_loses_and_duplicates_nothing(
    tmp_path: Path, pg_schema_url: str
) -> None:
    home = tmp_path / "home"
    _kill_and_resend(home, tmp_path, _env(BASTION_DATABASE_URL=pg_schema_url), pg_schema_url)
