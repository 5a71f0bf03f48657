"""PostgreSQL restarted while ``bastion serve`` is under load: the server recovers by itself,
a client that retries what failed gets every item written exactly once."""

from __future__ import annotations

import os
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import func, select
from typer.testing import CliRunner

from bastion.cli import app
from bastion.store import Store
from bastion.store.models import Action, Item
from tests.faults.conftest import OwnPostgres, home_with_tenant, listed_or_clean, start_serve
from tests.support.live import free_port, wait_until_serving

TOTAL = 300
ATTEMPTS = 40
runner = CliRunner()


@pytest.mark.slow
def test_a_postgresql_restart_under_load_loses_no_write(
    tmp_path: Path, own_postgres: OwnPostgres
) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("BASTION_")}
    env["BASTION_DATABASE_URL"] = own_postgres.url
    home = tmp_path / "home"
    key = home_with_tenant(home, env)
    port, log = free_port(), tmp_path / "serve.log"
    base = f"http://127.0.0.1:{port}"
    server = start_serve(home, port, log, env)
    outcomes: Counter[str] = Counter()
    answered: dict[int, dict[str, Any]] = {}
    lock = threading.Lock()
    progress = threading.Event()

    def send(n: int) -> None:
        headers = {"Authorization": f"Bearer {key}"}
        for _ in range(ATTEMPTS):
            try:
                response = httpx.post(
                    base + "/v1/check", json=listed_or_clean(n), headers=headers, timeout=30
                )
            except httpx.TransportError as exc:
                with lock:
                    outcomes[type(exc).__name__] += 1
                time.sleep(0.25)
                continue
            with lock:
                outcomes[str(response.status_code)] += 1
                if len(answered) >= TOTAL // 4:
                    progress.set()
            if response.status_code == 200:
                with lock:
                    answered[n] = response.json()
                return
            time.sleep(0.25)

    try:
        wait_until_serving(base, server, log)
        with ThreadPoolExecutor(8) as pool:
            futures = [pool.submit(send, n) for n in range(TOTAL)]
            assert progress.wait(timeout=300), "load never got going"
            with lock:
                at_restart = len(answered)
            own_postgres.restart()
            for future in futures:
                future.result()
    finally:
        server.kill()
        server.wait(timeout=60)
    assert at_restart < TOTAL, "the restart must land mid-run"
    assert sorted(answered) == list(range(TOTAL)), outcomes
    store = Store.open(home=home, url=own_postgres.url)
    try:
        with store.transaction(readonly=True) as session:
            items = session.scalar(select(func.count()).select_from(Item))
            actions = session.scalar(select(func.count()).select_from(Action))
            keys = session.scalar(select(func.count(func.distinct(Action.dedupe_key))))
    finally:
        store.close()
    assert items == TOTAL
    assert actions == keys
    verified = runner.invoke(app, ["audit", "verify", "--home", str(home)], env=env)
    assert verified.exit_code == 0, verified.output
