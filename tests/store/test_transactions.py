"""A failed transaction leaves nothing behind; a retried one leaves exactly one copy."""

from __future__ import annotations

import sqlite3
from functools import partial

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session

from bastion.store import RetryPolicy, Store, audit
from bastion.store import queries as q
from bastion.store.config import make_engine
from bastion.store.models import AuditEvent, Item
from tests.store.conftest import PG_ADMIN_URL
from tests.support.concurrency import race


def _count(store: Store, model: type[object]) -> int:
    with store.transaction(readonly=True) as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def _tenant(store: Store) -> int:
    with store.transaction() as session:
        return q.create_tenant(session, slug="demo", name="Demo").id


class Boom(RuntimeError):
    pass


def test_rollback_loses_nothing_committed_and_keeps_nothing_uncommitted(store: Store) -> None:
    tenant_id = _tenant(store)
    with store.transaction() as session:
        q.upsert_item(session, tenant_id, "kept", text="x")
        audit.append(session, actor="t", action="ingest", subject="item:kept")
    with pytest.raises(Boom), store.transaction() as session:
        q.upsert_item(session, tenant_id, "lost-1", text="x")
        q.upsert_item(session, tenant_id, "kept", text="edited")
        audit.append(session, actor="t", action="ingest", subject="item:lost-1")
        raise Boom
    with store.transaction(readonly=True) as session:
        items = {i.external_id: i.text for i in session.scalars(select(Item))}
        assert items == {"kept": "x"}
        assert audit.verify(session).ok
    assert _count(store, AuditEvent) == 1


def test_retried_unit_of_work_leaves_exactly_one_copy(store: Store) -> None:
    tenant_id = _tenant(store)
    attempts = []

    def work(session: Session) -> int:
        attempts.append(1)
        result = q.upsert_item(session, tenant_id, "p-1", text="x")
        audit.append(session, actor="t", action="ingest", subject="item:p-1")
        if len(attempts) < 3:
            # A transient failure after the writes: the whole attempt must vanish.
            raise OperationalError("COMMIT", {}, sqlite3.OperationalError("database is locked"))
        return result.item.id

    store.retry = RetryPolicy(attempts=5, base_delay=0.0, max_delay=0.0)
    item_id = store.run(work)
    assert len(attempts) == 3
    assert _count(store, Item) == 1
    assert _count(store, AuditEvent) == 1
    with store.transaction(readonly=True) as session:
        assert q.get_item(session, tenant_id, "p-1") is not None
        assert session.get(Item, item_id) is not None


def test_concurrent_upserts_of_one_item_make_one_row(store: Store) -> None:
    tenant_id = _tenant(store)

    def upsert(session: Session, external_id: str) -> q.ItemUpsert:
        return q.upsert_item(
            session, tenant_id, external_id, text="same", account_external_id="u-1"
        )

    def worker(n: int) -> None:
        for i in range(10):
            store.run(partial(upsert, external_id=f"p-{i}"))

    assert race(4, worker).errors == []
    assert _count(store, Item) == 10


def test_readonly_transaction_on_postgres_refuses_writes(store: Store) -> None:
    if store.dialect != "postgresql":
        pytest.skip("SQLite read-only transactions are a lock hint, not enforced")
    with pytest.raises(DBAPIError, match="read-only"), store.transaction(readonly=True) as session:
        q.create_tenant(session, slug="demo", name="Demo")
    with store.transaction() as session:
        q.create_tenant(session, slug="demo", name="Demo")


@pytest.mark.postgres
def test_postgres_statements_are_never_server_prepared() -> None:
    """Generic plans made on small tables made ingest slow down as tables grew (see make_engine)."""
    engine = make_engine(PG_ADMIN_URL)
    try:
        with engine.connect() as conn:
            driver = conn.connection.driver_connection
            assert driver is not None
            assert driver.prepare_threshold is None
    except OperationalError as exc:
        pytest.fail(f"PostgreSQL is not reachable at {PG_ADMIN_URL}: {exc}")
    finally:
        engine.dispose()
