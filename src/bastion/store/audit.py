"""Append-only, hash-chained audit log.

Each event's ``hash`` is sha256(prev_hash + canonical JSON of its fields), so editing, deleting
or reordering any event breaks the chain from that point on and ``verify`` names the first bad
``seq``. Appenders lock the single ``audit_chain_head`` row, so concurrent appends queue instead
of forking the chain; the head also records the last event, which exposes deletions at the end.
A chain rewritten wholesale from some point is only caught against an externally kept head hash.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from bastion.store.models import AuditChainHead, AuditEvent
from bastion.store.types import utcnow

GENESIS_HASH = "0" * 64


def canonical_json(value: Any) -> str:
    """Deterministic JSON: sorted keys, no whitespace, UTF-8 kept, NaN/Infinity refused."""
    try:
        return json.dumps(
            value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
        )
    except (TypeError, ValueError) as exc:
        raise ValueError(f"audit payload is not plain JSON: {exc}") from None


def event_hash(
    prev_hash: str,
    *,
    seq: int,
    tenant_id: int | None,
    actor: str,
    action: str,
    subject: str,
    payload: Any,
    created_at: datetime,
) -> str:
    """The chain hash of one event given the hash of the event before it."""
    body = canonical_json(
        {
            "seq": seq,
            "tenant": tenant_id,
            "actor": actor,
            "action": action,
            "subject": subject,
            "payload": payload,
            "created_at": _timestamp(created_at),
        }
    )
    return hashlib.sha256((prev_hash + body).encode("utf-8")).hexdigest()


def append(
    session: Session,
    *,
    actor: str,
    action: str,
    subject: str,
    payload: dict[str, Any] | None = None,
    tenant_id: int | None = None,
    created_at: datetime | None = None,
) -> AuditEvent:
    """Append one event inside the caller's transaction and return it.

    The caller's commit makes it durable; a rollback discards the event and the head move
    together, so the chain never records work that did not happen.
    """
    for name, value in (("actor", actor), ("action", action), ("subject", subject)):
        if not value:
            raise ValueError(f"audit {name} is empty")
    clean_payload = json.loads(canonical_json({} if payload is None else payload))
    if not isinstance(clean_payload, dict):
        raise ValueError("audit payload must be a JSON object")
    if created_at is not None and created_at.tzinfo is None:
        raise ValueError("audit created_at must be timezone-aware")
    when = (created_at or utcnow()).astimezone(UTC)
    head_seq, head_hash = lock_head(session)
    seq = head_seq + 1
    digest = event_hash(
        head_hash,
        seq=seq,
        tenant_id=tenant_id,
        actor=actor,
        action=action,
        subject=subject,
        payload=clean_payload,
        created_at=when,
    )
    event = AuditEvent(
        seq=seq,
        tenant_id=tenant_id,
        actor=actor,
        action=action,
        subject=subject,
        payload=clean_payload,
        created_at=when,
        prev_hash=head_hash,
        hash=digest,
    )
    session.add(event)
    session.flush()
    session.execute(
        update(AuditChainHead)
        .where(AuditChainHead.id == 1)
        .values(seq=seq, hash=digest, updated_at=utcnow())
    )
    return event


def lock_head(session: Session) -> tuple[int, str]:
    """Take the chain lock and read the head. The insert is a no-op once the row exists, but it
    is a write, so on SQLite it also claims the database write lock before the read."""
    insert = postgresql.insert if session.get_bind().dialect.name == "postgresql" else sqlite.insert
    session.execute(
        insert(AuditChainHead)
        .values(id=1, seq=0, hash=GENESIS_HASH, updated_at=utcnow())
        .on_conflict_do_nothing(index_elements=["id"])
    )
    row = session.execute(
        select(AuditChainHead.seq, AuditChainHead.hash)
        .where(AuditChainHead.id == 1)
        .with_for_update()
    ).one()
    return int(row.seq), str(row.hash)


@dataclass(frozen=True, slots=True)
class VerifyReport:
    """Outcome of ``verify``: ``first_bad_seq`` and ``problem`` are None when ``ok``."""

    ok: bool
    events_checked: int
    first_bad_seq: int | None = None
    problem: str | None = None


def verify(session: Session, *, batch_size: int = 1000) -> VerifyReport:
    """Walk the whole chain in ``seq`` order and report the first inconsistency."""
    table = AuditEvent.__table__
    rows = session.execute(
        select(table).order_by(table.c.seq).execution_options(yield_per=batch_size)
    )
    expected_seq, prev_hash, checked = 1, GENESIS_HASH, 0
    for row in rows:
        problem = None
        if row.seq != expected_seq:
            problem = f"event {expected_seq} is missing: the next event is {row.seq}"
        elif row.prev_hash != prev_hash:
            problem = f"event {row.seq} does not link to event {row.seq - 1}"
        elif row.hash != _recompute(row):
            problem = f"event {row.seq} does not match its hash: it was edited"
        if problem is not None:
            rows.close()
            return VerifyReport(False, checked, row.seq, problem)
        checked += 1
        expected_seq, prev_hash = row.seq + 1, row.hash
    head = session.execute(
        select(AuditChainHead.seq, AuditChainHead.hash).where(AuditChainHead.id == 1)
    ).one_or_none()
    head_seq, head_hash = (0, GENESIS_HASH) if head is None else (head.seq, head.hash)
    if head_seq != expected_seq - 1 or head_hash != prev_hash:
        return VerifyReport(
            False,
            checked,
            expected_seq,
            f"chain ends at event {expected_seq - 1} but the head records event {head_seq}",
        )
    return VerifyReport(True, checked)


def _recompute(row: Any) -> str:
    return event_hash(
        row.prev_hash,
        seq=row.seq,
        tenant_id=row.tenant_id,
        actor=row.actor,
        action=row.action,
        subject=row.subject,
        payload=row.payload,
        created_at=row.created_at,
    )


def _timestamp(value: datetime) -> str:
    if value.tzinfo is None:
        raise ValueError("audit timestamps must be timezone-aware")
    return value.astimezone(UTC).isoformat(timespec="microseconds")
