"""Fixtures that run every store test on SQLite (temp file) and on the local PostgreSQL.

PostgreSQL: one fresh database ``bastion_test_<random>`` per test session (dropped at the end,
from a detached process),
and one fresh schema per test inside it, selected with ``search_path``. When the server cannot
be reached the postgres params are skipped, except under ``CI=true``, where that is a failure.
"""

from __future__ import annotations

import os
import secrets
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError

from bastion.store import RetryPolicy, Store

PG_ADMIN_URL = os.environ.get(
    "BASTION_TEST_PG_ADMIN_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
)


def _unreachable(reason: str) -> None:
    if os.environ.get("CI") == "true":
        pytest.fail(f"PostgreSQL is required under CI=true but unreachable: {reason}")
    pytest.skip(f"PostgreSQL unreachable: {reason}")


@pytest.fixture(scope="session")
def pg_database_url() -> Iterator[str]:
    """A throwaway database for this test session."""
    admin = create_engine(
        PG_ADMIN_URL, isolation_level="AUTOCOMMIT", connect_args={"connect_timeout": 3}
    )
    name = f"bastion_test_{secrets.token_hex(6)}"
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    except OperationalError as exc:
        admin.dispose()
        _unreachable(str(exc.orig).strip().splitlines()[0])
    url = make_url(PG_ADMIN_URL).set(database=name).render_as_string(hide_password=False)
    admin.dispose()
    try:
        yield url
    finally:
        _drop_in_background(name)


_DROP = """
import sys
from sqlalchemy import create_engine, text
engine = create_engine(sys.argv[1], isolation_level="AUTOCOMMIT")
with engine.connect() as conn:
    conn.execute(text(f'DROP DATABASE IF EXISTS "{sys.argv[2]}" WITH (FORCE)'))
"""


def _drop_in_background(name: str) -> None:
    """Drop the session's database from a detached process. ``DROP DATABASE`` waits for a
    checkpoint, and after a whole suite the server's checkpoint may be syncing tens of thousands
    of files (one per table and index of every test's schema): over a minute on a busy disk,
    which the test run need not wait for."""
    quiet = [(os.POSIX_SPAWN_OPEN, fd, os.devnull, os.O_RDWR, 0) for fd in (0, 1, 2)]
    os.posix_spawn(  # no Popen object: nothing waits for it or warns that it still runs
        sys.executable,
        [sys.executable, "-c", _DROP, PG_ADMIN_URL, name],
        dict(os.environ),
        file_actions=quiet,
        setsid=True,
    )


@contextmanager
def fresh_schema(database_url: str) -> Iterator[str]:
    """A URL whose connections see only a fresh, empty schema (dropped on exit)."""
    schema = f"t_{secrets.token_hex(6)}"
    engine = create_engine(database_url, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    url = make_url(database_url).update_query_dict({"options": f"-csearch_path={schema}"})
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        with engine.connect() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        engine.dispose()


@pytest.fixture
def pg_schema_url(pg_database_url: str) -> Iterator[str]:
    """A URL whose connections see only a fresh, empty schema."""
    with fresh_schema(pg_database_url) as url:
        yield url


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def backend_url(request: pytest.FixtureRequest, tmp_path: Path) -> str | None:
    """None means the default: ``$home/bastion.db``."""
    if request.param == "sqlite":
        return None
    url: str = request.getfixturevalue("pg_schema_url")
    return url


@pytest.fixture
def open_store(backend_url: str | None, tmp_path: Path) -> Iterator[Callable[..., Store]]:
    """Factory for stores on the test's backend; every store it made is closed afterwards."""
    made: list[Store] = []

    def factory(*, migrate: bool = True, retry: RetryPolicy | None = None) -> Store:
        store = Store.open(home=tmp_path / "home", url=backend_url, migrate=migrate, retry=retry)
        made.append(store)
        return store

    yield factory
    for store in made:
        store.close()


@pytest.fixture
def store(open_store: Callable[..., Store]) -> Store:
    """A migrated store on the test's backend."""
    return open_store()


@pytest.fixture
def empty_store(open_store: Callable[..., Store]) -> Store:
    """A store on an empty, unmigrated database."""
    return open_store(migrate=False)
