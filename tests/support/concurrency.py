"""The concurrency harness: run N workers released at once, collect results and errors.

Used by every test that races writers against each other (claims, appeals, reports, upserts, audit
appends, first-start migrations). Ordering is decided by a barrier, never by sleeps.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")

HANG_GUARD_SECONDS = 300.0
"""How long a test waits for a thread or a server before it calls it hung. A guard against a
deadlock, never a speed budget: no correct run on any machine comes near it."""


class Race(Generic[T]):
    """What the workers of one :func:`race` returned and raised, in completion order."""

    def __init__(self) -> None:
        self.results: list[T] = []
        self.errors: list[BaseException] = []
        self._lock = threading.Lock()

    def _record(self, result: T | None, error: BaseException | None) -> None:
        with self._lock:
            if error is not None:
                self.errors.append(error)
            else:
                self.results.append(result)  # type: ignore[arg-type]


def race(n: int, work: Callable[[int], T]) -> Race[T]:
    """Run ``work(0) .. work(n - 1)`` on ``n`` threads released together by a barrier.

    Anything a worker needs that is not part of the race (its own store, say) should be made
    before calling, so that the barrier releases only the contended work. A worker that raises
    is recorded in ``errors`` (the others go on); a thread still running after
    ``HANG_GUARD_SECONDS`` fails the test.
    """
    outcome: Race[T] = Race()
    barrier = threading.Barrier(n)

    def run(i: int) -> None:
        try:
            barrier.wait()
        except threading.BrokenBarrierError as exc:
            outcome._record(None, exc)
            return
        try:
            outcome._record(work(i), None)
        except BaseException as exc:
            outcome._record(None, exc)

    threads = [threading.Thread(target=run, args=(i,), daemon=True) for i in range(n)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=HANG_GUARD_SECONDS)
    hung = [t.name for t in threads if t.is_alive()]
    assert not hung, f"{len(hung)} of {n} workers still running after the hang guard"
    return outcome
