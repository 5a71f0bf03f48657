"""Where the database is and how to connect to it.

Environment variables are read in exactly one place, ``settings_from_env``; everything else takes
explicit arguments so tests and embedders never depend on process state.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Mapping
from contextvars import ContextVar
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.exc import ArgumentError, InvalidatePoolError

from bastion.config import resolve_home

ENV_DATABASE_URL = "BASTION_DATABASE_URL"
DB_FILENAME = "bastion.db"
DEFAULT_BUSY_TIMEOUT_MS = 5_000

SQLITE_BEGIN_OPTION = "bastion_sqlite_begin"
"""Execution option naming how a SQLite transaction begins: IMMEDIATE (default) or DEFERRED."""


class StoreConfigError(ValueError):
    """The database URL or home directory cannot be used; the message says why."""


def settings_from_env(
    environ: Mapping[str, str] | None = None, *, home: Path | str | None = None
) -> tuple[Path, str | None]:
    """``(home, url)``: the home as ``bastion.config.resolve_home`` finds it (``home`` first,
    then ``BASTION_HOME``, then ``./.bastion``) and ``BASTION_DATABASE_URL``."""
    env = os.environ if environ is None else environ
    url = env.get(ENV_DATABASE_URL) or None
    return resolve_home(home, env), url


def database_url(home: Path, url: str | None) -> str:
    """The SQLAlchemy URL to use: ``url`` if given (normalised to psycopg 3), else the home file."""
    if url is None:
        return f"sqlite:///{Path(home).expanduser().resolve() / DB_FILENAME}"
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise StoreConfigError(f"cannot parse database URL {url!r}: {exc}") from None
    backend, _, driver = parsed.drivername.partition("+")
    if backend == "postgres":
        backend = "postgresql"
    if backend == "postgresql" and driver in ("", "psycopg"):
        return parsed.set(drivername="postgresql+psycopg").render_as_string(hide_password=False)
    if backend == "sqlite" and driver in ("", "pysqlite"):
        return parsed.render_as_string(hide_password=False)
    raise StoreConfigError(
        f"unsupported database URL scheme {parsed.drivername!r}: use "
        "'postgresql+psycopg://user:pass@host/db' or 'sqlite:///path/to/bastion.db'"
    )


def make_engine(
    url: str, *, busy_timeout_ms: int = DEFAULT_BUSY_TIMEOUT_MS, echo: bool = False
) -> Engine:
    """Create an engine with the per-backend settings the store relies on."""
    if make_url(url).get_backend_name() == "sqlite":
        engine = create_engine(url, echo=echo)
        _configure_sqlite(engine, busy_timeout_ms)
        return engine
    # No server-side prepared statements: PostgreSQL would settle on a generic plan made while
    # the tables were small (an index scan over every row of the tenant), and ingest would slow
    # down as the tables grow; unprepared statements are planned with their real parameters.
    engine = create_engine(url, echo=echo, connect_args={"prepare_threshold": None})
    _ping_on_checkout(engine)
    return engine


UNPINGED: ContextVar[bool] = ContextVar("bastion_unpinged", default=False)
"""True while a unit of work that retries a lost connection takes connections (``Store.run``
with ``ping=False``): their checkout skips the liveness round trip."""


def _ping_on_checkout(engine: Engine) -> None:
    """SQLAlchemy's ``pool_pre_ping``, skippable: every checkout pings the connection (one round
    trip) and a dead one invalidates the pool and is replaced, unless ``UNPINGED`` is set. Such
    a caller's first statement then fails on a dead connection instead, which invalidates the
    pool the same way, and its retry (``Store.run``) gets a fresh connection."""
    dialect = engine.dialect

    @event.listens_for(engine, "checkout")
    def _ping(dbapi_connection: Any, _record: Any, _proxy: Any) -> None:
        if UNPINGED.get():
            return
        try:
            dialect.do_ping(dbapi_connection)
        except Exception as exc:
            if dialect.is_disconnect(exc, dbapi_connection, None):  # type: ignore[arg-type]
                raise InvalidatePoolError() from exc
            raise


def _configure_sqlite(engine: Engine, busy_timeout_ms: int) -> None:
    """WAL, foreign keys, a busy timeout, and explicit BEGIN so transactions really serialise.

    pysqlite's own implicit BEGIN is deferred and skips some statements; taking over BEGIN (the
    SQLAlchemy-documented recipe) lets a write transaction take the write lock up front, so two
    writers queue on the busy timeout instead of failing when one upgrades a read lock.
    """

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
            cursor.execute("PRAGMA foreign_keys = ON")
            cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA synchronous = NORMAL")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        mode = connection.get_execution_options().get(SQLITE_BEGIN_OPTION, "IMMEDIATE")
        if mode not in ("IMMEDIATE", "DEFERRED", "EXCLUSIVE"):
            raise StoreConfigError(f"bad {SQLITE_BEGIN_OPTION} {mode!r}")
        connection.exec_driver_sql(f"BEGIN {mode}")
