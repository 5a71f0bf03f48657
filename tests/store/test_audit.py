from __future__ import annotations

import itertools
from datetime import UTC, datetime
from functools import partial

import pytest
from sqlalchemy import Engine, select, text
from sqlalchemy.exc import DBAPIError, IntegrityError

from bastion.store import Store, audit
from bastion.store import queries as q
from bastion.store.models import AuditEvent
from tests.support.concurrency import race


def disable_audit_guard(engine: Engine) -> None:
    """What a superuser with write access could do: switch off the append-only triggers."""
    with engine.begin() as conn:
        if engine.dialect.name == "postgresql":
            conn.execute(text("ALTER TABLE audit_events DISABLE TRIGGER USER"))
        else:
            conn.execute(text("DROP TRIGGER IF EXISTS audit_events_no_update"))
            conn.execute(text("DROP TRIGGER IF EXISTS audit_events_no_delete"))


def _append_n(store: Store, n: int, tenant_id: int | None = None) -> None:
    with store.transaction() as session:
        for i in range(n):
            audit.append(
                session,
                actor="reviewer:7",
                action="case.decide",
                subject=f"case:{i}",
                payload={"decision": "uphold", "n": i, "note": "含中文", "score": 0.25},
                tenant_id=tenant_id,
            )


def _verify(store: Store) -> audit.VerifyReport:
    with store.transaction(readonly=True) as session:
        return audit.verify(session)


def _tamper(store: Store, *statements: str) -> None:
    disable_audit_guard(store.engine)
    with store.engine.begin() as conn:
        for statement in statements:
            conn.execute(text(statement))


def test_empty_chain_verifies(store: Store) -> None:
    assert _verify(store) == audit.VerifyReport(ok=True, events_checked=0)


def test_append_links_events_and_verifies(store: Store) -> None:
    with store.transaction() as session:
        tenant_id = q.create_tenant(session, slug="demo", name="Demo").id
    _append_n(store, 5, tenant_id)
    with store.transaction(readonly=True) as session:
        events = session.scalars(select(AuditEvent).order_by(AuditEvent.seq)).all()
    assert [e.seq for e in events] == [1, 2, 3, 4, 5]
    assert events[0].prev_hash == audit.GENESIS_HASH
    assert all(b.prev_hash == a.hash for a, b in itertools.pairwise(events))
    assert events[2].payload == {"decision": "uphold", "n": 2, "note": "含中文", "score": 0.25}
    assert events[0].created_at.tzinfo is not None
    assert _verify(store) == audit.VerifyReport(ok=True, events_checked=5)


def test_hash_covers_every_field() -> None:
    base = {
        "seq": 1,
        "tenant_id": 1,
        "actor": "a",
        "action": "b",
        "subject": "c",
        "payload": {"k": 1},
        "created_at": datetime(2026, 1, 1, tzinfo=UTC),
    }
    reference = audit.event_hash(audit.GENESIS_HASH, **base)  # type: ignore[arg-type]
    changes = {
        "seq": 2,
        "tenant_id": None,
        "actor": "x",
        "action": "x",
        "subject": "x",
        "payload": {"k": 2},
        "created_at": datetime(2026, 1, 1, 0, 0, 0, 1, tzinfo=UTC),
    }
    for field, value in changes.items():
        assert audit.event_hash(audit.GENESIS_HASH, **{**base, field: value}) != reference  # type: ignore[arg-type]
    assert audit.event_hash("1" * 64, **base) != reference  # type: ignore[arg-type]


def test_awkward_json_values_survive_the_round_trip(store: Store) -> None:
    """Numbers and strings a JSON store might rewrite must hash the same after reading back."""
    payload = {
        "big": 1e16,
        "tiny": 1.5e-7,
        "neg_zero": -0.0,
        "huge_int": 2**63 + 1,
        "text": 'line\u2028sep \U0001f600 \\ "q"',
        "nested": {"b": [1, 2.5, None, True], "a": {}},
    }
    with store.transaction() as session:
        audit.append(session, actor="a", action="b", subject="c", payload=payload)
    with store.transaction(readonly=True) as session:
        stored = session.scalars(select(AuditEvent)).one().payload
    assert stored == payload
    assert audit.canonical_json(stored) == audit.canonical_json(payload)
    assert _verify(store) == audit.VerifyReport(ok=True, events_checked=1)


def test_bad_payloads_are_refused(store: Store) -> None:
    with store.transaction() as session:
        with pytest.raises(ValueError, match="plain JSON"):
            audit.append(session, actor="a", action="b", subject="c", payload={"x": object()})
        with pytest.raises(ValueError, match="plain JSON"):
            audit.append(session, actor="a", action="b", subject="c", payload={"x": float("nan")})
        with pytest.raises(ValueError, match="actor"):
            audit.append(session, actor="", action="b", subject="c")
        with pytest.raises(ValueError, match="timezone"):
            audit.append(
                session, actor="a", action="b", subject="c", created_at=datetime(2026, 1, 1)
            )


def test_edited_payload_is_detected(store: Store) -> None:
    _append_n(store, 5)
    payload = '{"decision": "dismiss", "n": 2, "note": "含中文", "score": 0.25}'
    _tamper(store, f"UPDATE audit_events SET payload = '{payload}' WHERE seq = 3")
    report = _verify(store)
    assert (report.ok, report.first_bad_seq, report.events_checked) == (False, 3, 2)
    assert report.problem is not None and "edited" in report.problem


def test_edit_with_rehash_is_caught_at_the_next_link(store: Store) -> None:
    _append_n(store, 4)
    _tamper(store, "UPDATE audit_events SET hash = '" + "f" * 64 + "' WHERE seq = 2")
    report = _verify(store)
    assert (report.ok, report.first_bad_seq) == (False, 2)
    with store.transaction(readonly=True) as session:
        row = session.get(AuditEvent, 2)
        assert row is not None
        fixed = audit.event_hash(
            row.prev_hash,
            seq=2,
            tenant_id=None,
            actor=row.actor,
            action="case.reopen",
            subject=row.subject,
            payload=row.payload,
            created_at=row.created_at,
        )
    _tamper(
        store, f"UPDATE audit_events SET action = 'case.reopen', hash = '{fixed}' WHERE seq = 2"
    )
    report = _verify(store)
    assert (report.ok, report.first_bad_seq) == (False, 3)
    assert report.problem is not None and "does not link" in report.problem


def test_deleted_event_is_detected(store: Store) -> None:
    _append_n(store, 5)
    _tamper(store, "DELETE FROM audit_events WHERE seq = 3")
    report = _verify(store)
    assert (report.ok, report.first_bad_seq, report.events_checked) == (False, 4, 2)
    assert report.problem is not None and "event 3 is missing" in report.problem


def test_deleted_tail_is_detected_against_the_head(store: Store) -> None:
    _append_n(store, 5)
    _tamper(store, "DELETE FROM audit_events WHERE seq = 5")
    report = _verify(store)
    assert (report.ok, report.first_bad_seq, report.events_checked) == (False, 5, 4)


def test_reordered_events_are_detected(store: Store) -> None:
    _append_n(store, 5)
    _tamper(
        store,
        "UPDATE audit_events SET seq = -1 WHERE seq = 2",
        "UPDATE audit_events SET seq = 2 WHERE seq = 3",
        "UPDATE audit_events SET seq = 3 WHERE seq = -1",
    )
    report = _verify(store)
    assert (report.ok, report.first_bad_seq) == (False, 2)


def test_rolled_back_append_leaves_a_valid_chain(store: Store) -> None:
    _append_n(store, 2)
    with pytest.raises(RuntimeError), store.transaction() as session:
        audit.append(session, actor="a", action="b", subject="c")
        raise RuntimeError("abort")
    _append_n(store, 1)
    assert _verify(store) == audit.VerifyReport(ok=True, events_checked=3)


def test_database_refuses_update_and_delete(store: Store) -> None:
    _append_n(store, 2)
    for statement in (
        "UPDATE audit_events SET actor = 'mallory' WHERE seq = 1",
        "DELETE FROM audit_events WHERE seq = 2",
    ):
        with (
            pytest.raises((DBAPIError, IntegrityError), match="append-only"),
            store.engine.begin() as conn,
        ):
            conn.execute(text(statement))
    if store.dialect == "postgresql":
        with pytest.raises(DBAPIError, match="append-only"), store.engine.begin() as conn:
            conn.execute(text("TRUNCATE audit_events"))
    assert _verify(store) == audit.VerifyReport(ok=True, events_checked=2)


def test_concurrent_appenders_do_not_fork_the_chain(store: Store) -> None:
    def worker(n: int) -> None:
        for i in range(15):
            store.run(partial(audit.append, actor=f"worker:{n}", action="tick", subject=f"n:{i}"))

    assert race(4, worker).errors == []
    assert _verify(store) == audit.VerifyReport(ok=True, events_checked=60)
