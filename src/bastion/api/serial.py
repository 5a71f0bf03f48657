"""``SerialWrites``: a SQLite store whose write transactions queue instead of racing.

SQLite admits one writer; when writers race for it, the losers sleep in SQLite's busy handler
(1, 2, 5 ... 100 ms steps) and find it free only at their next step, which wrecks tail latency
and throughput under load. Queueing them first hands the database over the moment it is free:

- threads of one process queue on an in-process lock;
- processes of one server (``bastion serve --workers N``) queue on an exclusive ``flock`` of a
  lock file beside the database (``bastion.db-writers``), which the kernel hands to the next
  waiter as soon as it is released.

Read-only transactions take neither (WAL readers never block). A process that does not take the
lock file (the CLI, another tool) still meets the busy handler, as before; if the lock file
cannot be opened, writers fall back to that handler too.
"""

from __future__ import annotations

import fcntl
import logging
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy.orm import Session

from bastion.store import Store

LOCK_SUFFIX = "-writers"
log = logging.getLogger("bastion.api")


class SerialWrites(Store):
    """The same database, with write transactions queued (see the module docstring)."""

    def __init__(self, store: Store) -> None:
        super().__init__(store.engine, retry=store.retry)
        self._write_lock = threading.Lock()
        database = store.engine.url.database
        file_backed = store.dialect == "sqlite" and database and database != ":memory:"
        self.lock_path = Path(database + LOCK_SUFFIX) if file_backed and database else None
        self._fd: int | None = None
        self._pid = 0

    @contextmanager
    def transaction(self, *, readonly: bool = False) -> Iterator[Session]:
        if readonly:
            with super().transaction(readonly=True) as session:
                yield session
            return
        with self._write_lock:
            fd = self._lock_fd()
            if fd is not None:
                fcntl.flock(fd, fcntl.LOCK_EX)
            try:
                with super().transaction() as session:
                    yield session
            finally:
                if fd is not None:
                    fcntl.flock(fd, fcntl.LOCK_UN)

    def _lock_fd(self) -> int | None:
        """The lock file, opened once per process (a forked child opens its own: a shared
        open file would share the lock). Called under the thread lock."""
        if self.lock_path is None:
            return None
        if self._fd is None or self._pid != os.getpid():
            try:
                self._fd = os.open(self.lock_path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)
            except OSError as exc:
                log.warning("no write queue across processes (%s): %s", self.lock_path, exc)
                self.lock_path = None
                return None
            self._pid = os.getpid()
        return self._fd

    def close(self) -> None:
        with self._write_lock:
            if self._fd is not None and self._pid == os.getpid():
                os.close(self._fd)
            self._fd = None
        super().close()
