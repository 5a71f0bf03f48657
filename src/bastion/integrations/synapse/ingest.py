"""In-process mode's path into the enforcement service: a worker thread that writes decisions.

Synapse's event loop never waits on the database: the callback scans, decides, and hands the
(item, result) pair to a bounded queue. A daemon thread writes what is queued with
``enforce_batch`` (the same transaction ``POST /v1/check`` uses: strikes, ladder, actions, cases,
webhook notices, audit) and, every ``upkeep_interval`` seconds, runs the server's upkeep (lift due
suspensions, deliver the webhook outbox), so a homeserver with no ``bastion serve`` beside it
still gets its notices. A full queue drops the newest pair and counts it (logged); the scan's
verdict was already applied, only its record is lost.
"""

from __future__ import annotations

import logging
import queue
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Final

from sqlalchemy import select

from bastion.api.workers import Upkeep
from bastion.enforce import Ladder
from bastion.model import InputError, Item, ScanResult
from bastion.netguard import GuardedClients
from bastion.service.ingest import enforce_batch
from bastion.store import Store, settings_from_env
from bastion.store.models import Tenant

log = logging.getLogger("bastion.synapse.ingest")
LADDER_FILE: Final = "ladder.yaml"
MAX_QUEUE: Final = 10_000
MAX_BATCH: Final = 500


@dataclass(slots=True)
class IngestStats:
    written: int = 0
    dropped: int = 0
    refused: int = 0
    failed_batches: int = 0


def tenant_id_of(store: Store, slug: str) -> int:
    """The id of the tenant ``slug``; a missing tenant is a configuration error, said plainly."""
    found = store.run(lambda s: s.scalar(select(Tenant.id).where(Tenant.slug == slug)))
    if found is None:
        raise ValueError(
            f"bastion synapse module: no tenant {slug!r} in the Bastion store; "
            f"create it with `bastion tenants create {slug}`"
        )
    return int(found)


class IngestWorker:
    """``submit`` from any thread; ``start`` / ``stop`` the writer; ``flush`` waits (tests)."""

    def __init__(
        self,
        home: Path,
        tenant: str,
        *,
        upkeep_interval: float = 5.0,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        _, url = settings_from_env(home=home)
        self.store = Store.open(home=home, url=url)
        self.tenant_id = tenant_id_of(self.store, tenant)
        ladder_path = home / LADDER_FILE
        self.ladder = Ladder.load(ladder_path) if ladder_path.is_file() else Ladder.default()
        self.clock = clock
        self.upkeep = Upkeep(self.store, clock, interval=upkeep_interval or 1.0)
        self.upkeep_interval = upkeep_interval
        self.stats = IngestStats()
        self._queue: queue.Queue[tuple[Item, ScanResult] | None] = queue.Queue(MAX_QUEUE)
        self._thread: threading.Thread | None = None
        self._progress = threading.Condition()
        self._submitted = self._done = 0

    def submit(self, item: Item, result: ScanResult) -> None:
        try:
            with self._progress:
                self._queue.put_nowait((item, result))
                self._submitted += 1
        except queue.Full:
            self.stats.dropped += 1
            log.warning(
                "ingest queue full: %s not recorded (%d dropped)", item.id, self.stats.dropped
            )

    def start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="bastion-ingest", daemon=True)
            self._thread.start()

    def stop(self) -> None:
        if self._thread is not None:
            self._queue.put(None)
            self._thread.join(timeout=30)
            self._thread = None
        self.store.engine.dispose()

    def flush(self, timeout: float = 30.0) -> bool:
        """Wait until everything submitted so far is written (True) or ``timeout`` passes."""
        with self._progress:
            target = self._submitted
            return self._progress.wait_for(lambda: self._done >= target, timeout)

    def _take(self, wait: float) -> list[tuple[Item, ScanResult]] | None:
        """A batch (possibly empty after ``wait`` seconds), or None when asked to stop."""
        try:
            first = self._queue.get(timeout=wait)
        except queue.Empty:
            return []
        if first is None:
            return None
        batch = [first]
        while len(batch) < MAX_BATCH:
            try:
                more = self._queue.get_nowait()
            except queue.Empty:
                break
            if more is None:
                self._queue.put(None)
                break
            batch.append(more)
        return batch

    def write(self, batch: list[tuple[Item, ScanResult]]) -> None:
        now = self.clock()
        tid, ladder = self.tenant_id, self.ladder
        try:
            self.store.run(
                lambda s: enforce_batch(s, tenant_id=tid, items=batch, ladder=ladder, now=now)
            )
            self.stats.written += len(batch)
        except InputError:
            for pair in batch:  # one record the store cannot hold must not lose the others
                try:
                    self.store.run(
                        lambda s, p=pair: enforce_batch(  # type: ignore[misc]
                            s, tenant_id=tid, items=[p], ladder=ladder, now=now
                        )
                    )
                    self.stats.written += 1
                except InputError as exc:
                    self.stats.refused += 1
                    log.warning("ingest refused %s: %s", pair[0].id, exc)

    def _run(self) -> None:
        next_upkeep = time.monotonic()
        with GuardedClients() as clients:
            while True:
                wait = 0.2
                if self.upkeep_interval > 0:
                    wait = max(0.0, min(wait, next_upkeep - time.monotonic()))
                batch = self._take(wait)
                if batch is None:
                    return
                if batch:
                    try:
                        self.write(batch)
                    except Exception:
                        self.stats.failed_batches += 1
                        log.exception(
                            "ingest of %d decisions failed; they are not recorded", len(batch)
                        )
                with self._progress:
                    self._done += len(batch)
                    self._progress.notify_all()
                if self.upkeep_interval > 0 and time.monotonic() >= next_upkeep:
                    try:
                        self.upkeep.run_once(clients)
                    except Exception:
                        log.exception("upkeep pass failed")
                    next_upkeep = time.monotonic() + self.upkeep_interval


def _child(
    home: str, tenant: str, upkeep_interval: float, jobs: Any, done: Any, ready: Any
) -> None:
    """The ingest process: one ``IngestWorker`` fed from ``jobs``; ``done`` counts what is
    written (or refused, or lost to a failed batch), so ``flush`` can wait for it."""
    worker = IngestWorker(Path(home), tenant, upkeep_interval=upkeep_interval)
    worker.start()
    ready.set()
    try:
        while True:
            pair = jobs.get()
            if pair is None:
                break
            worker.submit(*pair)
            if jobs.empty():
                worker.flush(600)
                with done.get_lock():
                    done.value = worker._done
    finally:
        worker.flush(600)
        with done.get_lock():
            done.value = worker._done
        worker.stop()


@contextmanager
def _real_stderr() -> Iterator[None]:
    """Twisted (Synapse) replaces ``sys.stderr`` with a logging file whose descriptor is not a
    real one, and ``multiprocessing`` passes that descriptor to the processes it starts."""
    saved = sys.stderr
    sys.stderr = sys.__stderr__
    try:
        yield
    finally:
        sys.stderr = saved


class ProcessIngest:
    """``IngestWorker`` in a child process: the store's writes (SQLAlchemy, the ladder) never
    hold Synapse's GIL, so they cannot stall its event loop; the callback only queues the pair
    (pickled by the queue's feeder thread). Same ``submit`` / ``start`` / ``stop`` / ``flush``."""

    def __init__(self, home: Path, tenant: str, *, upkeep_interval: float = 5.0) -> None:
        import multiprocessing

        tenant_id_of_store(home, tenant)  # a missing tenant fails here, in Synapse's start-up
        ctx = multiprocessing.get_context("spawn")
        with _real_stderr():
            self._jobs = ctx.Queue(MAX_QUEUE)
            self._done = ctx.Value("q", 0)
            self._ready = ctx.Event()
        self._submitted = 0
        self.stats = IngestStats()
        self._process = ctx.Process(
            target=_child,
            args=(str(home), tenant, upkeep_interval, self._jobs, self._done, self._ready),
            name="bastion-ingest",
            daemon=True,
        )

    def submit(self, item: Item, result: ScanResult) -> None:
        try:
            self._jobs.put_nowait((item, result))
            self._submitted += 1
        except queue.Full:
            self.stats.dropped += 1
            log.warning(
                "ingest queue full: %s not recorded (%d dropped)", item.id, self.stats.dropped
            )

    def start(self) -> None:
        with _real_stderr():
            self._process.start()

    def stop(self) -> None:
        if self._process.is_alive():
            self._jobs.put(None)
            self._process.join(timeout=60)
        if self._process.is_alive():
            self._process.terminate()

    def flush(self, timeout: float = 30.0) -> bool:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self._done.value >= self._submitted:
                return True
            if not self._process.is_alive():
                return False
            time.sleep(0.02)
        return False


def tenant_id_of_store(home: Path, tenant: str) -> int:
    _, url = settings_from_env(home=home)
    store = Store.open(home=home, url=url)
    try:
        return tenant_id_of(store, tenant)
    finally:
        store.engine.dispose()
