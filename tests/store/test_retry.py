from __future__ import annotations

import sqlite3
from pathlib import Path

import psycopg.errors
import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError, OperationalError, ProgrammingError
from sqlalchemy.orm import Session

from bastion.store import RetryPolicy, Store, is_transient, make_engine, retry_call
from bastion.store.config import database_url

LOCKED = OperationalError("INSERT", {}, sqlite3.OperationalError("database is locked"))


@pytest.mark.parametrize(
    ("exc", "transient"),
    [
        (LOCKED, True),
        (
            OperationalError("x", {}, psycopg.errors.SerializationFailure("could not serialize")),
            True,
        ),
        (OperationalError("x", {}, psycopg.errors.DeadlockDetected("deadlock")), True),
        (OperationalError("x", {}, psycopg.errors.AdminShutdown("terminating")), True),
        (OperationalError("x", {}, psycopg.OperationalError("server closed the connection")), True),
        (OperationalError("x", {}, sqlite3.OperationalError("no such table: items")), False),
        (IntegrityError("x", {}, psycopg.errors.UniqueViolation("duplicate key")), False),
        (ProgrammingError("x", {}, psycopg.errors.UndefinedTable("no table")), False),
        (ValueError("not a database error"), False),
    ],
)
def test_transient_classification(exc: BaseException, transient: bool) -> None:
    assert is_transient(exc) is transient


def test_backoff_is_exponential_bounded_and_jittered_down() -> None:
    policy = RetryPolicy(attempts=8, base_delay=0.1, max_delay=1.0, jitter=0.5)
    assert [policy.delay(n, 0.0) for n in range(1, 7)] == [0.1, 0.2, 0.4, 0.8, 1.0, 1.0]
    assert policy.delay(3, 0.999) == pytest.approx(0.2, rel=0.01)
    for bad in ({"attempts": 0}, {"base_delay": 2.0, "max_delay": 1.0}, {"jitter": 1.5}):
        with pytest.raises(ValueError):
            RetryPolicy(**bad)


def test_retries_a_transient_error_then_succeeds() -> None:
    calls: list[int] = []
    sleeps: list[float] = []

    def flaky() -> str:
        calls.append(1)
        if len(calls) < 3:
            raise LOCKED
        return "done"

    policy = RetryPolicy(attempts=5, base_delay=0.01, max_delay=1.0)
    assert retry_call(flaky, policy, sleep=sleeps.append, rand=lambda: 0.0) == "done"
    assert len(calls) == 3
    assert sleeps == [0.01, 0.02]


def test_gives_up_after_n_attempts_with_the_last_error() -> None:
    calls, seen = [], []

    def always_locked() -> None:
        calls.append(1)
        raise LOCKED

    policy = RetryPolicy(attempts=4, base_delay=0.01, max_delay=0.02)
    with pytest.raises(OperationalError) as info:
        retry_call(
            always_locked,
            policy,
            sleep=lambda s: None,
            rand=lambda: 0.0,
            on_retry=lambda n, e, w: seen.append((n, w)),
        )
    assert len(calls) == 4
    assert seen == [(1, 0.01), (2, 0.02), (3, 0.02)]
    assert "gave up after 4 attempts" in "".join(info.value.__notes__)


def test_non_transient_error_is_not_retried() -> None:
    calls = []

    def broken() -> None:
        calls.append(1)
        raise IntegrityError("x", {}, sqlite3.IntegrityError("UNIQUE constraint failed"))

    with pytest.raises(IntegrityError):
        retry_call(broken, RetryPolicy(attempts=5), sleep=lambda s: None)
    assert calls == [1]


def test_real_sqlite_lock_is_waited_out(tmp_path: Path) -> None:
    """Another connection holds the write lock longer than the busy timeout; ``run`` retries,
    and succeeds on the first attempt after the lock is released (here: at the second retry,
    so no timer decides the order)."""
    Store.open(home=tmp_path).close()
    store = Store(
        make_engine(database_url(tmp_path, None), busy_timeout_ms=20),
        retry=RetryPolicy(attempts=20, base_delay=0.0, max_delay=0.0),
    )
    holder = sqlite3.connect(tmp_path / "bastion.db", isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")
    events: list[str] = []

    def on_retry(attempt: int, error: BaseException, wait: float) -> None:
        events.append(f"retry {attempt}")
        if attempt == 2:
            holder.execute("COMMIT")
            events.append("released")

    def work(session: Session) -> object:
        value = session.execute(text("SELECT 1")).scalar()
        events.append("ran")
        return value

    try:
        assert store.run(work, on_retry=on_retry) == 1
        assert events == ["retry 1", "retry 2", "released", "ran"]
    finally:
        holder.close()
        store.close()


@pytest.mark.postgres
def test_real_lost_connection_is_retried(pg_schema_url: str, tmp_path: Path) -> None:
    """The server kills our backend mid-transaction; the whole unit is re-run on a new one."""
    store = Store.open(
        home=tmp_path, url=pg_schema_url, retry=RetryPolicy(attempts=3, base_delay=0.01)
    )
    pids: list[int] = []

    def work(session: Session) -> int:
        pid = int(session.execute(text("SELECT pg_backend_pid()")).scalar_one())
        pids.append(pid)
        if len(pids) == 1:
            with store.engine.connect() as other:
                other.execute(text("SELECT pg_terminate_backend(:p)"), {"p": pid})
        return int(session.execute(text("SELECT count(*) FROM tenants")).scalar_one())

    try:
        assert store.run(work) == 0
        assert len(pids) == 2 and pids[0] != pids[1]
    finally:
        store.close()
