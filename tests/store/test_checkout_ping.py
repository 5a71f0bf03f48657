"""Pooled PostgreSQL connections are pinged when taken, except by units of work that retry a
lost connection (``Store.run(ping=False)``, the check path): those skip the round trip, and a
connection the server dropped costs them one retry on a fresh connection, never the work."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.orm import Session

from bastion.store import Store
from bastion.store.retry import RetryPolicy

pytestmark = pytest.mark.postgres


def _pid(session: Session) -> int:
    return int(session.execute(text("SELECT pg_backend_pid()")).scalar_one())


def _dropped_pool(pg_schema_url: str, tmp_path: Path) -> tuple[Store, int]:
    """A store of one pooled connection, which the server then terminates."""
    store = Store.open(home=tmp_path, url=pg_schema_url, retry=RetryPolicy(base_delay=0.0))
    store.engine.pool.dispose()
    pid = store.run(_pid)
    with Store.open(home=tmp_path, url=pg_schema_url, migrate=False) as admin:
        assert admin.run(lambda s: s.execute(text(f"SELECT pg_terminate_backend({pid})")).scalar())
    return store, pid


def test_a_pinged_checkout_replaces_a_dropped_connection_unseen(
    pg_schema_url: str, tmp_path: Path
) -> None:
    store, dropped = _dropped_pool(pg_schema_url, tmp_path)
    retries: list[int] = []
    try:
        pid = store.run(_pid, on_retry=lambda n, exc, wait: retries.append(n))
    finally:
        store.close()
    assert pid != dropped and retries == []


def test_an_unpinged_unit_of_work_retries_a_dropped_connection(
    pg_schema_url: str, tmp_path: Path
) -> None:
    store, dropped = _dropped_pool(pg_schema_url, tmp_path)
    retries: list[int] = []
    try:
        pid = store.run(_pid, ping=False, on_retry=lambda n, exc, wait: retries.append(n))
        again = store.run(_pid, ping=False)
    finally:
        store.close()
    assert pid != dropped and retries == [1], "the dead connection was used, then replaced"
    assert again == pid
