"""Counting shim clicks without slowing the click: counts gather in memory and are written in one
upsert per flush (every few seconds, and when the app stops).

Rows are per tenant, day, registrable domain, category and decision (``link_clicks``): no user,
address or URL is kept. A crash loses at most one flush interval of counts, never a redirect.
"""

from __future__ import annotations

import threading
from collections import Counter
from datetime import date
from typing import Any, Final

from sqlalchemy import func, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from bastion.store import Store
from bastion.store.models import LinkClick, Tenant

FLUSH_SECONDS: Final = 5.0
MAX_PENDING: Final = 100_000
"""Distinct keys held before counts are dropped (a flood of distinct hosts cannot eat memory)."""

ClickKey = tuple[str, date, str, str, str]
"""tenant slug, day, host, category, decision"""


class ClickCounter:
    """Thread-safe click counts, flushed to the store by ``flush`` or a background thread."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self._pending: Counter[ClickKey] = Counter()
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.dropped = 0

    def add(self, tenant: str, day: date, host: str, category: str, decision: str) -> None:
        key = (tenant, day, host[:253], category[:64], decision)
        with self._lock:
            if key not in self._pending and len(self._pending) >= MAX_PENDING:
                self.dropped += 1
                return
            self._pending[key] += 1

    def flush(self) -> int:
        """Write the pending counts; returns how many clicks were written."""
        with self._lock:
            pending, self._pending = self._pending, Counter()
        if not pending:
            return 0
        try:
            return self._store.run(lambda session: _upsert(session, pending))
        except Exception:
            with self._lock:
                self._pending.update(pending)
            raise

    def start(self, interval: float = FLUSH_SECONDS) -> None:
        if self._thread is not None:
            return
        self._stop.clear()
        self._thread = threading.Thread(
            target=self._run, args=(interval,), name="bastion-clicks", daemon=True
        )
        self._thread.start()

    def stop(self) -> None:
        if self._thread is not None:
            self._stop.set()
            self._thread.join()
            self._thread = None
        self.flush()

    def _run(self, interval: float) -> None:
        while not self._stop.wait(interval):
            try:
                self.flush()
            except Exception:  # the store is down: the counts stay pending for the next try
                continue


def _upsert(session: Session, pending: Counter[ClickKey]) -> int:
    slugs = {key[0] for key in pending}
    found = session.execute(select(Tenant.slug, Tenant.id).where(Tenant.slug.in_(slugs)))
    ids: dict[str, int] = {slug: tenant_id for slug, tenant_id in found}
    rows: list[dict[str, Any]] = [
        {
            "tenant_id": ids[tenant],
            "day": day,
            "host": host,
            "category": category,
            "decision": decision,
            "count": count,
        }
        for (tenant, day, host, category, decision), count in sorted(pending.items())
        if tenant in ids
    ]
    if not rows:
        return 0
    dialect = session.get_bind().dialect.name
    insert = pg_insert if dialect == "postgresql" else sqlite_insert
    statement = insert(LinkClick).values(rows)
    statement = statement.on_conflict_do_update(
        index_elements=["tenant_id", "day", "host", "category", "decision"],
        set_={"count": LinkClick.count + statement.excluded.count},
    )
    session.execute(statement)
    return sum(row["count"] for row in rows)


def clicks_by_category(
    session: Session, tenant_id: int, since: date, until: date
) -> dict[tuple[str, str], int]:
    """``(category, decision) -> clicks`` for ``since <= day <= until``."""
    rows = session.execute(
        select(LinkClick.category, LinkClick.decision, func.sum(LinkClick.count))
        .where(LinkClick.tenant_id == tenant_id, LinkClick.day >= since, LinkClick.day <= until)
        .group_by(LinkClick.category, LinkClick.decision)
    ).all()
    return {(category, decision): int(total) for category, decision, total in rows}
