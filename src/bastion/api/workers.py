"""Background upkeep for a running server: lift due suspensions and drain the webhook outbox.

One daemon thread, one pass every ``interval`` seconds; each pass runs in its own short
transactions, and an error in one pass is logged and the next pass tries again. Several server
processes may run it at once: lifts are idempotent and the outbox leases what it claims.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from datetime import datetime

from bastion.netguard import GuardedClients
from bastion.service.actions import lift_due_suspensions
from bastion.service.notices import dispatch_due_store
from bastion.store import Store

log = logging.getLogger("bastion.workers")


class Upkeep:
    """Start with ``start()``, stop with ``stop()`` (waits for the current pass to end)."""

    def __init__(
        self, store: Store, clock: Callable[[], datetime], *, interval: float = 5.0
    ) -> None:
        if interval <= 0:
            raise ValueError("interval must be positive")
        self.store, self.clock, self.interval = store, clock, interval
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.passes = 0

    def run_once(self, clients: GuardedClients) -> None:
        now = self.clock()
        lifted = self.store.run(lambda s: lift_due_suspensions(s, now))
        report = dispatch_due_store(self.store, clients, now, clock=self.clock)
        if lifted or report.attempted:
            log.info(
                "upkeep: %d restrictions lifted, %d notices delivered, %d retrying, %d dead",
                len(lifted),
                report.delivered,
                report.retrying,
                report.dead,
            )
        self.passes += 1

    def _loop(self) -> None:
        with GuardedClients() as clients:
            while not self._stop.is_set():
                try:
                    self.run_once(clients)
                except Exception:
                    log.exception("upkeep pass failed; retrying in %.1f s", self.interval)
                self._stop.wait(self.interval)

    def start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._loop, name="bastion-upkeep", daemon=True)
            self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=30)
            self._thread = None
