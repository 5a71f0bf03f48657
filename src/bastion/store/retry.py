"""Retry a unit of work on transient database errors with bounded exponential backoff.

Only errors where trying the *whole transaction* again can succeed count as transient: a lost
connection, a serialization failure or deadlock, a locked SQLite file. Constraint violations and
programming errors are raised at once.
"""

from __future__ import annotations

import random
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from sqlalchemy.exc import DBAPIError

T = TypeVar("T")

_TRANSIENT_SQLSTATES = frozenset(
    {
        "40001",  # serialization_failure
        "40P01",  # deadlock_detected
        "55P03",  # lock_not_available
        "57P01",  # admin_shutdown
        "57P02",  # crash_shutdown
        "57P03",  # cannot_connect_now
        "53300",  # too_many_connections
    }
)


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """``attempts`` tries in all; the wait before try n+1 is ``base_delay * 2**(n-1)``, capped.

    ``jitter`` takes up to that fraction off each wait so clients that failed together do not
    retry in lockstep.
    """

    attempts: int = 5
    base_delay: float = 0.05
    max_delay: float = 2.0
    jitter: float = 0.5

    def __post_init__(self) -> None:
        if self.attempts < 1:
            raise ValueError(f"attempts must be >= 1, got {self.attempts}")
        if self.base_delay < 0 or self.max_delay < self.base_delay:
            raise ValueError("need 0 <= base_delay <= max_delay")
        if not 0.0 <= self.jitter <= 1.0:
            raise ValueError(f"jitter must be within [0, 1], got {self.jitter}")

    def delay(self, failed_attempt: int, rand: float) -> float:
        """Seconds to wait after attempt number ``failed_attempt`` (1-based); ``rand`` in [0, 1)."""
        backoff: float = min(self.max_delay, self.base_delay * 2.0 ** (failed_attempt - 1))
        return backoff * (1.0 - self.jitter * rand)


def is_transient(exc: BaseException) -> bool:
    """True when the failed transaction may succeed if run again from the start."""
    if not isinstance(exc, DBAPIError):
        return False
    if exc.connection_invalidated:
        return True
    orig = exc.orig
    if isinstance(orig, sqlite3.OperationalError):
        message = str(orig).lower()
        return "database is locked" in message or "database table is locked" in message
    sqlstate = getattr(orig, "sqlstate", None)
    if isinstance(sqlstate, str):
        return sqlstate in _TRANSIENT_SQLSTATES or sqlstate.startswith("08")
    # psycopg reports a dropped connection as OperationalError without a SQLSTATE.
    kind = type(orig)
    return kind.__module__.startswith("psycopg") and kind.__name__ == "OperationalError"


def retry_call(
    fn: Callable[[], T],
    policy: RetryPolicy,
    *,
    sleep: Callable[[float], None] = time.sleep,
    rand: Callable[[], float] = random.random,
    on_retry: Callable[[int, BaseException, float], None] | None = None,
) -> T:
    """Call ``fn`` until it succeeds, a non-transient error occurs, or attempts run out.

    ``fn`` must be safe to repeat: run a whole transaction in it, never half of one. After the
    last attempt the final error is re-raised with a note saying how many attempts were made.
    """
    attempt = 1
    while True:
        try:
            return fn()
        except Exception as exc:
            if not is_transient(exc):
                raise
            if attempt >= policy.attempts:
                exc.add_note(f"bastion.store: gave up after {attempt} attempts")
                raise
            wait = policy.delay(attempt, rand())
            if on_retry is not None:
                on_retry(attempt, exc, wait)
            sleep(wait)
            attempt += 1
