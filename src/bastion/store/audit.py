"""Append-only, hash-chained audit log.

Each event's ``hash`` is sha256(prev_hash + canonical JSON of its fields), so editing, deleting
or reordering any event breaks the chain from that point on and ``verify`` names the first bad
``seq``. Appenders lock the single ``audit_chain_head`` row, so concurrent appends queue instead
of forking the chain; the head also records the last event, which exposes deletions at the end.
A chain cut or rewritten together with its head is caught against signed checkpoints kept
outside the database (``store.checkpoint``, ``bastion audit checkpoint``).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Final

from sqlalchemy import String, Text, cast, select, type_coerce
from sqlalchemy.orm import Session
from sqlalchemy.orm.util import identity_key

from bastion.store.bulk import sqlite_time
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


def chain_hash(
    prev_hash: str,
    *,
    seq: int,
    tenant_id: int | None,
    actor: str,
    action: str,
    subject: str,
    payload_json: str,
    created_at: datetime,
) -> str:
    """``event_hash`` for a payload already in canonical JSON (``canonical_json(payload)``):
    the body is assembled in the same sorted-key order, so a bulk writer serialises each
    payload once instead of once more per hash. Same digest, tested against ``event_hash``."""
    text = _TEXT.encode
    body = (
        f'{{"action":{text(action)},"actor":{text(actor)},'
        f'"created_at":{text(_timestamp(created_at))},"payload":{payload_json},"seq":{int(seq)},'
        f'"subject":{text(subject)},"tenant":{"null" if tenant_id is None else int(tenant_id)}}}'
    )
    return hashlib.sha256((prev_hash + body).encode("utf-8")).hexdigest()


_TEXT = json.JSONEncoder(ensure_ascii=False)


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
    move_head(session, seq, digest, utcnow())
    return event


_LOCK_HEAD: Final = (
    "INSERT INTO audit_chain_head (id, seq, hash, updated_at) VALUES (1, 0, {0}, {0}) "
    "ON CONFLICT (id) DO UPDATE SET id = excluded.id RETURNING seq, hash"
)
_MOVE_HEAD: Final = (
    "UPDATE audit_chain_head SET seq = {0}, hash = {0}, updated_at = {0} WHERE id = 1"
)
"""The head's two statements, run as raw driver SQL: every flagged check group runs both, and
SQLAlchemy's statement handling (an ORM UPDATE with its session synchronisation, the dialects'
uncacheable ``on_conflict_do_update``) cost more CPU than the statements themselves."""


def _on_head(session: Session, sql: str, *params: Any) -> Any:
    conn = session.connection()
    sqlite = conn.dialect.name == "sqlite"
    values = tuple(
        (sqlite_time(v) if sqlite else v.astimezone(UTC)) if isinstance(v, datetime) else v
        for v in params
    )
    return conn.exec_driver_sql(sql.format("?" if sqlite else "%s"), values)


def lock_head(session: Session) -> tuple[int, str]:
    """Take the chain lock and read the head, in one statement: an upsert that creates the row
    on first use and otherwise rewrites its id, which locks it on PostgreSQL (as ``FOR UPDATE``)
    and, being a write, claims the database write lock on SQLite before the read."""
    row = _on_head(session, _LOCK_HEAD, GENESIS_HASH, utcnow()).one()
    return int(row[0]), str(row[1])


def move_head(session: Session, seq: int, digest: str, when: datetime) -> None:
    """Point the head (locked by ``lock_head``) at the last event appended. An ORM copy of the
    head the session held is dropped, so a later read loads it afresh."""
    if when.tzinfo is None:
        raise ValueError("audit head time must be timezone-aware")
    _on_head(session, _MOVE_HEAD, seq, digest, when)
    held = session.identity_map.get(identity_key(AuditChainHead, 1))
    if held is not None:
        session.expunge(held)


@dataclass(frozen=True, slots=True)
class VerifyReport:
    """Outcome of ``verify``: ``first_bad_seq`` and ``problem`` are None when ``ok``."""

    ok: bool
    events_checked: int
    first_bad_seq: int | None = None
    problem: str | None = None


def verify(
    session: Session, *, batch_size: int = 1000, anchors: Mapping[int, str] | None = None
) -> VerifyReport:
    """Walk the whole chain in ``seq`` order and report the first inconsistency.

    ``anchors`` (seq -> hash, from signed checkpoints kept outside the database) must all be
    met: an anchored event that is gone means the tail was cut off, and an anchored event with
    another hash means the chain was rewritten from some point on. A row that cannot even be
    decoded (unparsable JSON, a date that is not one) is reported at its seq, not raised.
    """
    anchors = dict(anchors or {})
    table = AuditEvent.__table__
    # Raw text for the columns a damaged row could make undecodable; decoded row by row below.
    columns = [c for c in table.c if c.name not in ("payload", "created_at")]
    rows = session.execute(
        select(
            *columns,
            cast(table.c.payload, Text).label("payload"),
            type_coerce(table.c.created_at, String).label("created_at"),
        )
        .order_by(table.c.seq)
        .execution_options(yield_per=batch_size)
    )
    dialect = session.get_bind().dialect
    decode_time = table.c.created_at.type.dialect_impl(dialect).result_processor(dialect, None)
    expected_seq, prev_hash, checked = 1, GENESIS_HASH, 0
    for row in rows:
        problem = None
        if row.seq != expected_seq:
            problem = f"event {expected_seq} is missing: the next event is {row.seq}"
        elif row.prev_hash != prev_hash:
            problem = f"event {row.seq} does not link to event {row.seq - 1}"
        else:
            try:
                digest = _recompute(row, decode_time)
            except (ValueError, TypeError, OverflowError) as exc:
                problem = f"event {row.seq} is unreadable: {str(exc)[:200]}"
            else:
                if row.hash != digest:
                    problem = f"event {row.seq} does not match its hash: it was edited"
                elif anchors.get(row.seq, row.hash) != row.hash:
                    problem = (
                        f"event {row.seq} differs from the checkpoint: the chain was rewritten"
                    )
        if problem is not None:
            rows.close()
            return VerifyReport(False, checked, row.seq, problem)
        anchors.pop(row.seq, None)
        checked += 1
        expected_seq, prev_hash = row.seq + 1, row.hash
    if anchors:
        cut = min(anchors)
        return VerifyReport(
            False,
            checked,
            cut,
            f"the chain ends at event {expected_seq - 1} but a signed checkpoint records event "
            f"{max(anchors)}: events were deleted from the tail",
        )
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


def _recompute(row: Any, decode_time: Callable[[Any], Any] | None) -> str:
    try:
        payload = json.loads(row.payload)
    except (TypeError, ValueError) as exc:
        raise ValueError(f"payload is not JSON ({exc})") from None
    created_at = decode_time(row.created_at) if decode_time else row.created_at
    if not isinstance(created_at, datetime):
        raise ValueError(f"created_at {str(row.created_at)[:40]!r} is not a timestamp")
    return event_hash(
        row.prev_hash,
        seq=row.seq,
        tenant_id=row.tenant_id,
        actor=row.actor,
        action=row.action,
        subject=row.subject,
        payload=payload,
        created_at=created_at,
    )


def _timestamp(value: datetime) -> str:
    if value.tzinfo is None:
        raise ValueError("audit timestamps must be timezone-aware")
    return value.astimezone(UTC).isoformat(timespec="microseconds")
