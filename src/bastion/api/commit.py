"""Group commit for ``POST /v1/check``: concurrent requests share one ingest transaction.

One item per transaction spends nearly all its time on fixed costs (BEGIN, a dozen statements
each carrying ORM and driver overhead, COMMIT; on SQLite also the queue for the single write
lock), while ``enforce_batch`` handles sixteen items for little more than the cost of one. So
requests that arrive while a transaction is running queue here, and the next transaction takes
them all (up to ``max_items``). Each request still returns only after the transaction holding
its item has committed, and gets exactly the outcome it would have had alone:

- the scan and the record checks run per request, so a bad record fails only its request;
- an item id already in the group (same tenant) waits for the next transaction, so a replay
  sees the first copy committed, exactly as if the two requests had run one after the other;
- if the shared transaction fails for a reason other than a transient one (those are retried
  whole by ``Store.run``), every request in it is re-run alone, so one poisoned item never fails
  its neighbours and each request remains all-or-nothing;
- a tenant's items in one group are enforced at the latest of their requests' clock readings.

The queue lives on the event loop (no locks); each group crosses to a worker thread once.
``writers`` groups may be in flight at once: 1 on SQLite (one writer anyway), more on
PostgreSQL, where a group waits on network round trips that another group can use.
"""

from __future__ import annotations

import asyncio
import functools
import json
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from anyio import to_thread
from sqlalchemy.orm import Session

from bastion.api.metrics import GROUP_FALLBACKS, GROUP_ITEMS, count_verdict
from bastion.enforce import Ladder, ReasonsConfig
from bastion.model import Item, ScanResult
from bastion.scanner import Scanner
from bastion.service.ingest import EnforcementOutcome, enforce_batch, plain, store_plain
from bastion.service.ingest_store import check_record
from bastion.service.tenant_cache import TenantCache
from bastion.store import Store

_dumps = json.JSONEncoder(ensure_ascii=False, allow_nan=False, separators=(",", ":")).encode
"""Encodes exactly as Starlette's ``JSONResponse`` does."""


@dataclass(slots=True)
class _Job:
    tenant_id: int
    item: Item
    now: datetime
    future: asyncio.Future[bytes]
    loop: asyncio.AbstractEventLoop
    result: ScanResult | None = None
    body: bytes | None = None
    error: BaseException | None = None
    tenant_slug: str = ""


@dataclass(slots=True)
class _Stats:
    groups: int = 0
    items: int = 0
    fallbacks: int = 0
    largest: int = 0
    plain: int = 0
    """Checks answered by one autocommitted statement (``GroupCommitter._write_plain``)."""


LinkRewriter = Callable[[str, ScanResult], list[dict[str, Any]]]
"""(tenant slug, result) -> the result's shim links (``bastion.shim.rewrite.shim_links``)."""


def render(
    result: ScanResult,
    outcome: EnforcementOutcome,
    links: list[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """The response record: the scan result plus the enforcement taken (or already on record),
    and the shim link of each web link in the text (``links``) when the app signs them."""
    record = result.to_dict()
    record["enforcement"] = outcome.to_dict()
    if links is not None:
        record["links"] = links
    return record


class GroupCommitter:
    """Queues checks and writes them in shared transactions; see the module docstring."""

    def __init__(
        self,
        store: Store,
        scanner: Scanner,
        ladder: Ladder,
        reasons: ReasonsConfig,
        *,
        max_items: int = 32,
        writers: int = 1,
    ) -> None:
        if max_items < 1 or writers < 1:
            raise ValueError("group commit needs max_items >= 1 and writers >= 1")
        self.store, self.scanner, self.ladder, self.reasons = store, scanner, ladder, reasons
        self.max_items, self.writers = max_items, writers
        self.stats = _Stats()
        self.links: LinkRewriter | None = None
        """Set by the app: each response then carries the text's shim links."""
        self.tenants: TenantCache | None = None
        """Set by the app: each group reads its tenants from this cache (``tenant_cache``)."""
        self._pending: deque[_Job] = deque()
        self._running = 0
        self._tasks: set[asyncio.Task[None]] = set()

    async def check(
        self, tenant_id: int, item: Item, now: datetime, *, tenant_slug: str = ""
    ) -> bytes:
        """Scan and enforce ``item``; returns the JSON response body once it is committed."""
        loop = asyncio.get_running_loop()
        job = _Job(tenant_id, item, now, loop.create_future(), loop, tenant_slug=tenant_slug)
        self._pending.append(job)
        if self._running < self.writers:
            self._running += 1
            task = loop.create_task(self._drain())
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)
        return await job.future

    async def _drain(self) -> None:
        try:
            while self._pending:
                group = self._take()
                try:
                    await to_thread.run_sync(self._write, group)
                except BaseException as exc:  # cancelled or crashed: no job may hang
                    for job in group:
                        if job.body is None and job.error is None:
                            job.error = exc
                    raise
                finally:
                    for job in group:
                        _settle(job)
        finally:
            self._running -= 1

    def _take(self) -> list[_Job]:
        group: list[_Job] = []
        seen: set[tuple[int, str]] = set()
        later: list[_Job] = []
        while self._pending and len(group) < self.max_items:
            job = self._pending.popleft()
            key = (job.tenant_id, job.item.id)
            if key in seen:
                later.append(job)
            else:
                seen.add(key)
                group.append(job)
        self._pending.extendleft(reversed(later))
        return group

    def _write(self, group: list[_Job]) -> None:
        """Worker thread: scan, validate, then write the sound jobs in one transaction."""
        sound = []
        for job in group:
            try:
                job.result = self.scanner.scan(job.item)
                check_record(job.item, job.result)
                sound.append(job)
            except Exception as exc:
                job.error = exc
        if not sound:
            return
        for job in sound:
            count_verdict(_scanned(job).verdict, job.item.surface)
        GROUP_ITEMS.observe(len(sound))
        stats = self.stats
        stats.groups += 1
        stats.items += len(sound)
        stats.largest = max(stats.largest, len(sound))
        if self.tenants is not None and self.store.dialect == "postgresql":
            sound = self._write_plain(sound, self.tenants)
            if not sound:
                return
        try:
            outcomes = self.store.run(self._enforce(sound), ping=False)
        except Exception as exc:
            if len(sound) == 1:
                sound[0].error = exc
                return
            stats.fallbacks += 1
            GROUP_FALLBACKS.inc()
            for job in sound:
                try:
                    outcomes = self.store.run(self._enforce([job]), ping=False)
                except Exception as alone:
                    job.error = alone
                else:
                    _finish(job, outcomes[0], self.links)
            return
        for job, outcome in zip(sound, outcomes, strict=True):
            _finish(job, outcome, self.links)

    def _write_plain(self, jobs: list[_Job], tenants: TenantCache) -> list[_Job]:
        """PostgreSQL: answer a group of plain checks only (no violation, no picture) of
        tenants the cache knows to have no live campaign with one autocommitted statement per
        tenant (``ingest.store_plain``). Returns the jobs left for the group's transaction: all
        of them when one is not plain (that group needs its transaction anyway, where a plain
        item adds no statement), else those of other tenants and those ``store_plain`` did not
        store (a replay, a rescan, an account another writer is creating) or could not (any
        error: the transaction path then gives the answer it always gave, alone if need be)."""
        if not all(plain(job.item, _scanned(job)) for job in jobs):
            return jobs
        rest: list[_Job] = []
        by_tenant: dict[int, list[_Job]] = {}
        for job in jobs:
            by_tenant.setdefault(job.tenant_id, []).append(job)
        for tenant_id, members in by_tenant.items():
            now = max(j.now for j in members)
            tenant = tenants.cached(tenant_id, now)
            if tenant is None or tenant.campaigns:
                rest.extend(members)
                continue
            items = [(j.item, _scanned(j)) for j in members]
            try:
                stored = self.store.run_autocommit(
                    functools.partial(store_plain, tenant_id=tenant_id, items=items, now=now),
                    ping=False,
                )
            except Exception:
                rest.extend(members)
                continue
            self.stats.plain += len(stored)
            for job in members:
                outcome = stored.get(job.item.id)
                if outcome is None:
                    rest.append(job)
                else:
                    _finish(job, outcome, self.links)
        return rest

    def _enforce(self, jobs: list[_Job]) -> Callable[[Session], list[EnforcementOutcome]]:
        by_tenant: dict[int, list[_Job]] = {}
        for job in jobs:
            by_tenant.setdefault(job.tenant_id, []).append(job)

        tenants = self.tenants.context if self.tenants is not None else None

        def work(session: Session) -> list[EnforcementOutcome]:
            found: dict[int, EnforcementOutcome] = {}
            for tenant_id, members in by_tenant.items():
                outcomes = enforce_batch(
                    session,
                    tenant_id=tenant_id,
                    items=[(j.item, _scanned(j)) for j in members],
                    ladder=self.ladder,
                    now=max(j.now for j in members),
                    reasons=self.reasons,
                    tenants=tenants,
                )
                found.update((id(j), o) for j, o in zip(members, outcomes, strict=True))
            return [found[id(j)] for j in jobs]

        return work


def _scanned(job: _Job) -> ScanResult:
    if job.result is None:
        raise RuntimeError("job reached the transaction unscanned")
    return job.result


def _finish(job: _Job, outcome: EnforcementOutcome, rewriter: LinkRewriter | None) -> None:
    try:
        result = _scanned(job)
        links = rewriter(job.tenant_slug, result) if rewriter is not None else None
        job.body = _dumps(render(result, outcome, links)).encode("utf-8")
    except Exception as exc:
        job.error = exc


def _settle(job: _Job) -> None:
    """Hand the job's body or error to its request, on the request's own event loop."""

    def deliver() -> None:
        if job.future.done():
            return
        if job.body is not None:
            job.future.set_result(job.body)
        elif isinstance(job.error, asyncio.CancelledError):
            job.future.cancel()
        else:
            job.future.set_exception(job.error or RuntimeError("check was not processed"))

    try:
        running = asyncio.get_running_loop()
    except RuntimeError:
        running = None
    if running is job.loop:
        deliver()
    elif not job.loop.is_closed():
        job.loop.call_soon_threadsafe(deliver)
