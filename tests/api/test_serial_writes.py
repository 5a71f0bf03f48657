"""``SerialWrites``: SQLite writers of several server processes queue on a lock file instead of
sleeping in SQLite's busy handler (two stores over one file stand in for two processes: ``flock``
locks belong to the open file, so they exclude each other as two processes would)."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from bastion.api.serial import LOCK_SUFFIX, SerialWrites
from bastion.store import Store
from bastion.store.config import database_url, make_engine

HOLD_SECONDS = 0.3


def _store(home: Path, busy_ms: int = 20) -> Store:
    Store.open(home=home).close()  # migrated
    return Store(make_engine(database_url(home, None), busy_timeout_ms=busy_ms))


def _race(first: Store, second: Store, order: list[str] | None = None) -> BaseException | None:
    """``first`` holds a write transaction while ``second`` tries one; ``second``'s error.
    ``order`` receives ``first releasing`` (the last step inside its transaction) and
    ``second committed`` as they happen."""
    holding = threading.Event()
    events = order if order is not None else []

    def hold() -> None:
        with first.transaction() as session:
            session.execute(text("UPDATE tenants SET name = name"))
            holding.set()
            time.sleep(HOLD_SECONDS)
            events.append("first releasing")  # still inside: second cannot have committed yet

    holder = threading.Thread(target=hold)
    holder.start()
    assert holding.wait(10)
    try:
        with second.transaction() as session:
            session.execute(text("UPDATE tenants SET name = name"))
        events.append("second committed")
    except OperationalError as exc:
        return exc
    finally:
        holder.join()
    return None


def test_without_the_queue_a_second_writer_meets_the_busy_handler(tmp_path: Path) -> None:
    first, second = _store(tmp_path), _store(tmp_path)
    try:
        failed = _race(first, second)
        assert failed is not None and "locked" in str(failed)
    finally:
        first.close()
        second.close()


def test_writers_of_two_processes_queue_on_the_lock_file(tmp_path: Path) -> None:
    first, second = SerialWrites(_store(tmp_path)), SerialWrites(_store(tmp_path))
    try:
        order: list[str] = []
        assert _race(first, second, order) is None
        assert order == ["first releasing", "second committed"]  # it waited its turn
        assert first.lock_path == second.lock_path
        assert first.lock_path is not None and first.lock_path.name == "bastion.db" + LOCK_SUFFIX
        with first.transaction(readonly=True) as session:  # readers take no lock
            assert session.execute(text("SELECT 1")).scalar() == 1
    finally:
        first.close()
        second.close()


def test_an_unopenable_lock_file_falls_back_to_the_busy_handler(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    store = SerialWrites(_store(tmp_path, busy_ms=5_000))
    assert store.lock_path is not None
    store.lock_path.mkdir()  # a directory cannot be opened for writing
    try:
        with store.transaction() as session:
            session.execute(text("UPDATE tenants SET name = name"))
        assert store.lock_path is None and "no write queue" in caplog.text
    finally:
        store.close()
