"""What every ingest transaction reads of its tenant, cached per process between changes.

``ingest_store.tenant_context`` (the webhook URL and the campaigns live at ``now``) is one
statement per tenant per transaction, about a tenth of a ``POST /v1/check``'s server CPU on
PostgreSQL. ``TenantCache`` keeps, per tenant, the webhook URL and every campaign not yet ended
when it was read (with its bounds), and answers any later ``now`` by filtering those bounds
exactly as the statement does. An entry is trusted only while

- the store's cache generation is the one it was read under (read *before* the rows, so a change
  committed meanwhile is not missed): triggers bump it for any change to a tenant or to a
  campaign's tenant, scope or bounds, whoever makes it (migration 0011); an unknown generation
  (None: the watch is down) trusts nothing;
- it is younger than ``ttl`` seconds (a backstop);
- ``now`` is not earlier than the ``now`` it was read at (campaigns that had ended by then were
  left out).

A tenant that does not exist is never cached.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Final

from sqlalchemy.orm import Session

from bastion.service.ingest_store import TenantContext
from bastion.store.bulk import read_time, sqlite_time

MAX_TENANTS: Final = 10_000


@dataclass(frozen=True, slots=True)
class TenantSetup:
    """A tenant's webhook URL and its campaigns not ended at ``read_at``: ``(id, scope,
    starts_at, ends_at)`` by id."""

    tenant_id: int
    webhook_url: str | None
    campaigns: tuple[tuple[int, Any, datetime, datetime], ...]
    read_at: datetime

    def at(self, now: datetime) -> TenantContext:
        """The tenant as ``tenant_context`` reads it at ``now`` (``now >= read_at``)."""
        live = [(c[0], c[1]) for c in self.campaigns if c[2] <= now < c[3]]
        return TenantContext(self.tenant_id, self.webhook_url, live)


def tenant_setup(session: Session, tenant_id: int, now: datetime) -> TenantSetup | None:
    """Read ``TenantSetup`` at ``now`` in one raw statement; None: no such tenant. A campaign
    without an end is never live (``ends_at > now`` is unknown), as in ``tenant_context``."""
    conn = session.connection()
    if conn.dialect.name == "sqlite":
        rows = conn.exec_driver_sql(_SQLITE_SETUP, (sqlite_time(now), tenant_id)).all()
        campaigns = tuple(
            (r[1], None if r[2] is None else json.loads(r[2]), _time(r[3]), _time(r[4]))
            for r in rows
            if r[1] is not None
        )
    else:
        rows = conn.exec_driver_sql(_PG_SETUP, (now, tenant_id)).all()
        campaigns = tuple((r[1], r[2], _time(r[3]), _time(r[4])) for r in rows if r[1] is not None)
    if not rows:
        return None
    return TenantSetup(tenant_id, rows[0][0], campaigns, now)


def _time(value: Any) -> datetime:
    found = read_time(value)
    if found is None:
        raise ValueError("campaign bounds are never NULL here")
    return found


_SQLITE_SETUP: Final = (
    "SELECT t.webhook_url, c.id, c.scope, c.starts_at, c.ends_at FROM tenants t "
    "LEFT JOIN campaigns c ON c.tenant_id = t.id AND c.ends_at > ? WHERE t.id = ? ORDER BY c.id"
)
_PG_SETUP: Final = _SQLITE_SETUP.replace("?", "%s")


class TenantCache:
    """``TenantSetup`` per tenant, trusted as the module docstring says; thread-safe."""

    def __init__(
        self,
        generation: Callable[[], int | None],
        *,
        ttl: float = 5.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._generation, self.ttl, self._clock = generation, ttl, clock
        self._entries: dict[int, tuple[TenantSetup, float, int]] = {}
        self._lock = threading.Lock()
        self.hits = self.misses = 0

    def cached(self, tenant_id: int, now: datetime) -> TenantContext | None:
        """The tenant at ``now`` when the cache may answer for it; None when it may not (a
        miss: nothing is read)."""
        generation = self._generation() if self.ttl > 0 else None
        if generation is None:
            return None
        with self._lock:
            cached = self._entries.get(tenant_id)
        if (
            cached is not None
            and cached[2] == generation
            and cached[1] > self._clock()
            and now >= cached[0].read_at
        ):
            self.hits += 1
            return cached[0].at(now)
        return None

    def context(self, session: Session, tenant_id: int, now: datetime) -> TenantContext | None:
        """``tenant_context(session, tenant_id, now)``, from the cache when it may answer."""
        generation = self._generation() if self.ttl > 0 else None
        stamp = self._clock()
        with self._lock:
            cached = self._entries.get(tenant_id)
        if (
            cached is not None
            and generation is not None
            and cached[2] == generation
            and cached[1] > stamp
            and now >= cached[0].read_at
        ):
            self.hits += 1
            return cached[0].at(now)
        self.misses += 1
        setup = tenant_setup(session, tenant_id, now)
        if setup is None:
            return None
        if generation is not None:
            with self._lock:
                if len(self._entries) >= MAX_TENANTS:
                    self._entries.clear()
                self._entries[tenant_id] = (setup, stamp + self.ttl, generation)
        return setup.at(now)

    def clear(self) -> None:
        """Drop every entry (this process changed a tenant or a campaign)."""
        with self._lock:
            self._entries.clear()
