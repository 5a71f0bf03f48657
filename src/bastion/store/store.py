"""The ``Store``: one engine, sessions as transactions, and retried units of work."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import Any, TypeVar

from sqlalchemy import Connection, Engine
from sqlalchemy.orm import Session, sessionmaker

from bastion.store.config import SQLITE_BEGIN_OPTION, UNPINGED, database_url, make_engine
from bastion.store.migrate import upgrade
from bastion.store.retry import RetryPolicy, retry_call

T = TypeVar("T")


class Store:
    """Repository entry point; holds no global state, so several stores may coexist.

    Prefer ``run(fn)`` for work that may hit transient errors: it re-runs the *whole*
    transaction. ``transaction()`` is the plain context manager for one attempt.
    """

    def __init__(self, engine: Engine, *, retry: RetryPolicy | None = None) -> None:
        self.engine = engine
        self.retry = retry or RetryPolicy()
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    @classmethod
    def open(
        cls,
        *,
        home: Path,
        url: str | None = None,
        migrate: bool = True,
        retry: RetryPolicy | None = None,
    ) -> Store:
        """Connect to ``url``, or to ``home/bastion.db`` when None, and migrate to head."""
        if url is None:
            Path(home).expanduser().mkdir(parents=True, exist_ok=True)
        store = cls(make_engine(database_url(home, url)), retry=retry)
        if migrate:
            store.migrate()
        return store

    @property
    def dialect(self) -> str:
        """``sqlite`` or ``postgresql``."""
        return self.engine.dialect.name

    def migrate(self) -> None:
        """Bring the schema to the newest shipped revision (a no-op when already there)."""
        upgrade(self.engine)

    @contextmanager
    def transaction(self, *, readonly: bool = False) -> Iterator[Session]:
        """A session in one transaction: committed on normal exit, rolled back on any error.

        On SQLite a write transaction starts with ``BEGIN IMMEDIATE`` so concurrent writers
        queue; ``readonly=True`` uses a deferred begin there and a READ ONLY one on PostgreSQL.
        """
        session = self._sessions()
        options: dict[str, Any] = {}
        if self.dialect == "sqlite":
            options[SQLITE_BEGIN_OPTION] = "DEFERRED" if readonly else "IMMEDIATE"
        elif readonly:
            options["postgresql_readonly"] = True
        try:
            session.connection(execution_options=options)
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def run(
        self,
        fn: Callable[[Session], T],
        *,
        readonly: bool = False,
        on_retry: Callable[[int, BaseException, float], None] | None = None,
        ping: bool = True,
    ) -> T:
        """Run ``fn(session)`` in a transaction, retrying it on transient errors per ``retry``.

        ``ping=False`` skips the liveness round trip when taking a pooled PostgreSQL connection
        (``config.UNPINGED``): one left dead by a database restart then fails the first
        statement, a transient error that the retry answers on a fresh connection. For hot
        paths whose ``fn`` is safe to run again (any ``run`` must be).
        """

        def attempt() -> T:
            token = None if ping else UNPINGED.set(True)
            try:
                with self.transaction(readonly=readonly) as session:
                    return fn(session)
            finally:
                if token is not None:
                    UNPINGED.reset(token)

        return retry_call(attempt, self.retry, on_retry=on_retry)

    def run_autocommit(self, fn: Callable[[Connection], T], *, ping: bool = True) -> T:
        """Run ``fn(connection)`` on a connection in autocommit mode, retried as ``run`` retries.

        For a unit of work that is *one* statement: PostgreSQL runs a statement outside a
        transaction block as a transaction of its own, atomic and as durable as any commit
        (``synchronous_commit`` applies), without the ``BEGIN`` and ``COMMIT`` round trips. A
        ``fn`` sending several statements would commit each on its own: do not.
        """

        def attempt() -> T:
            token = None if ping else UNPINGED.set(True)
            try:
                with self.engine.connect() as conn:
                    return fn(conn.execution_options(isolation_level="AUTOCOMMIT"))
            finally:
                if token is not None:
                    UNPINGED.reset(token)

        return retry_call(attempt, self.retry)

    def close(self) -> None:
        """Close every pooled connection."""
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
