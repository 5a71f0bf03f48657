"""Applying enforcement actions to stored state, deriving that state back, and batched auditing.

Account and item restrictions are *derived* from the unreversed actions on record
(``recompute_account`` / ``recompute_item``), so a reversal on appeal or an expiry only has to mark
the action and recompute: the state can never drift from the history that explains it. The one
exception is ``remove_followers``, which destroys data; its prior count goes into the audit log.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Final

from sqlalchemy import or_, select, update
from sqlalchemy.orm import Session

from bastion.enforce.actions import ACTION_TARGET, require_aware
from bastion.store.audit import canonical_json, chain_hash, lock_head, move_head
from bastion.store.bulk import BulkInsert, Stamps, read_time
from bastion.store.enums import AccountStatus, ActionKind, Monetization
from bastion.store.models import Account, Action, Item, Notice, Tenant

CONTENT_FLAGS: Final = {
    "remove_content": "content_removed",
    "disable_link": "link_disabled",
    "label": "labeled",
}
EXPIRING_KINDS: Final = ("temp_suspend", "suspend_monetization", "freeze_followers")
ACCOUNT_FIELDS: Final = ("status", "suspended_until", "monetization", "followers_frozen")
_AUDIT_INSERT: Final = BulkInsert(
    "audit_events",
    (
        "seq",
        "tenant_id",
        "actor",
        "action",
        "subject",
        "payload",
        "created_at",
        "prev_hash",
        "hash",
    ),
    ("bigint", "bigint", "text", "text", "text", "json", "timestamptz", "text", "text"),
)
"""``payload`` is plain JSON on PostgreSQL (not JSONB), so the hashed text is stored as is."""


def target_of(kind: str) -> str:
    """``content``, ``link`` or ``account`` for an action kind; ValueError for unknown kinds."""
    try:
        return ACTION_TARGET[kind]
    except KeyError:
        raise ValueError(f"unknown action kind {kind!r}") from None


class AccountState:
    """An account's restriction fields as bulk ingest reads and changes them, without an ORM
    object; ``touched`` says a field was assigned (as the ORM marks an object dirty, even
    when the value stays)."""

    __slots__ = (
        "external_id",
        "follower_count",
        "followers_frozen",
        "id",
        "monetization",
        "status",
        "suspended_until",
        "touched",
    )
    id: int
    external_id: str
    status: str
    suspended_until: datetime | None
    monetization: str
    followers_frozen: bool
    follower_count: int
    touched: bool

    def __init__(
        self,
        id: int,
        external_id: str,
        status: str,
        suspended_until: Any,
        monetization: str,
        followers_frozen: Any,
        follower_count: int,
    ) -> None:
        put = object.__setattr__
        put(self, "id", id)
        put(self, "external_id", external_id)
        put(self, "status", status)
        put(self, "suspended_until", read_time(suspended_until))
        put(self, "monetization", monetization)
        put(self, "followers_frozen", bool(followers_frozen))
        put(self, "follower_count", follower_count)
        put(self, "touched", False)

    def __setattr__(self, name: str, value: Any) -> None:
        object.__setattr__(self, name, value)
        object.__setattr__(self, "touched", True)


def account_snapshot(account: Account | AccountState) -> dict[str, Any]:
    """The restriction fields of an account as plain JSON (for audit before/after)."""
    until = account.suspended_until
    return {
        "status": str(account.status),
        "suspended_until": until.astimezone(UTC).isoformat() if until else None,
        "monetization": str(account.monetization),
        "followers_frozen": bool(account.followers_frozen),
        "follower_count": int(account.follower_count),
    }


def apply_to_account(
    account: Account | AccountState, kind: str, expires_at: datetime | None
) -> None:
    """Apply one newly taken account action on top of the current state (never loosening it)."""
    if kind == ActionKind.BAN:
        account.status, account.suspended_until = AccountStatus.BANNED, None
    elif kind == ActionKind.TEMP_SUSPEND:
        if expires_at is None:
            raise ValueError("temp_suspend needs an expiry")
        if account.status != AccountStatus.BANNED:
            current = account.suspended_until
            account.status = AccountStatus.SUSPENDED
            account.suspended_until = expires_at if current is None else max(current, expires_at)
    elif kind == ActionKind.REVOKE_MONETIZATION:
        account.monetization = Monetization.REVOKED
    elif kind == ActionKind.SUSPEND_MONETIZATION:
        if account.monetization == Monetization.ACTIVE:
            account.monetization = Monetization.SUSPENDED
    elif kind == ActionKind.FREEZE_FOLLOWERS:
        account.followers_frozen = True
    elif kind == ActionKind.REMOVE_FOLLOWERS:
        account.follower_count = 0
    elif kind != ActionKind.WARN:
        raise ValueError(f"{kind!r} is not an account action")


@dataclass(slots=True)
class StateChange:
    """An account whose derived restrictions changed: what they were and what they are now."""

    tenant_id: int
    account_id: int
    external_id: str
    before: dict[str, Any]
    after: dict[str, Any]


def derive_account_state(
    kinds: Iterable[tuple[str, datetime | None]], now: datetime
) -> dict[str, Any]:
    """Restriction fields implied by unreversed actions ``(kind, expires_at)`` at ``now``."""
    banned = False
    until: datetime | None = None
    revoked = suspended_money = frozen = False
    for kind, expires in kinds:
        live = expires is None or expires > now
        if kind == ActionKind.BAN:
            banned = True
        elif kind == ActionKind.TEMP_SUSPEND and expires is not None and expires > now:
            until = expires if until is None else max(until, expires)
        elif kind == ActionKind.REVOKE_MONETIZATION:
            revoked = True
        elif kind == ActionKind.SUSPEND_MONETIZATION and live:
            suspended_money = True
        elif kind == ActionKind.FREEZE_FOLLOWERS and live:
            frozen = True
    if banned:
        status, until = AccountStatus.BANNED, None
    elif until is not None:
        status = AccountStatus.SUSPENDED
    else:
        status = AccountStatus.ACTIVE
    money = (
        Monetization.REVOKED
        if revoked
        else Monetization.SUSPENDED
        if suspended_money
        else Monetization.ACTIVE
    )
    return {
        "status": status,
        "suspended_until": until,
        "monetization": money,
        "followers_frozen": frozen,
    }


def recompute_account(session: Session, account: Account, now: datetime) -> StateChange | None:
    """Re-derive ``account``'s restrictions from its unreversed actions; None if nothing changed.

    Call after reversing or expiring an action. The caller audits the returned change.
    """
    require_aware(now, "now")
    rows = session.execute(
        select(Action.kind, Action.expires_at).where(
            Action.tenant_id == account.tenant_id,
            Action.account_id == account.id,
            Action.reversed_at.is_(None),
            Action.kind.in_([k.value for k in ActionKind if ACTION_TARGET[k.value] == "account"]),
        )
    ).all()
    derived = derive_account_state(((str(r.kind), r.expires_at) for r in rows), now)
    before = account_snapshot(account)
    if all(getattr(account, name) == derived[name] for name in ACCOUNT_FIELDS):
        return None
    for name in ACCOUNT_FIELDS:
        setattr(account, name, derived[name])
    account.updated_at = now
    return StateChange(
        account.tenant_id, account.id, account.external_id, before, account_snapshot(account)
    )


def recompute_item(session: Session, tenant_id: int, item_id: int) -> dict[str, bool]:
    """Re-derive an item's content flags from its unreversed content actions and store them."""
    kinds = set(
        session.scalars(
            select(Action.kind).where(
                Action.tenant_id == tenant_id,
                Action.item_id == item_id,
                Action.reversed_at.is_(None),
                Action.kind.in_(list(CONTENT_FLAGS)),
            )
        )
    )
    flags = {column: kind in kinds for kind, column in CONTENT_FLAGS.items()}
    session.execute(
        update(Item).where(Item.tenant_id == tenant_id, Item.id == item_id).values(**flags)
    )
    return flags


def lift_due_suspensions(
    session: Session, now: datetime, *, limit: int = 1000
) -> list[StateChange]:
    """Lift temporary restrictions (suspension, monetization pause, follower freeze) now due.

    Only accounts still showing a restriction are examined, so the cost tracks the number of
    restricted accounts, not the history. Every lift is audited with the state before and after.
    """
    require_aware(now, "now")
    expiring = (
        select(Action.account_id)
        .where(
            Action.kind.in_(EXPIRING_KINDS[1:]),
            Action.expires_at <= now,
            Action.reversed_at.is_(None),
            Action.account_id.is_not(None),
        )
        .scalar_subquery()
    )
    accounts = session.scalars(
        select(Account)
        .where(
            or_(
                (Account.status == AccountStatus.SUSPENDED) & (Account.suspended_until <= now),
                (
                    (Account.monetization == Monetization.SUSPENDED)
                    | Account.followers_frozen.is_(True)
                )
                & Account.id.in_(expiring),
            )
        )
        .order_by(Account.id)
        .limit(limit)
        .with_for_update()
    ).all()
    changes = []
    audit = AuditBatch()
    for account in accounts:
        change = recompute_account(session, account, now)
        if change is None:
            continue
        changes.append(change)
        audit.add(
            tenant_id=account.tenant_id,
            actor="system",
            action="account.restriction_expired",
            subject=f"account:{account.id}",
            payload={
                "account": account.external_id,
                "before": change.before,
                "after": change.after,
            },
        )
        # The platform lifted the restriction when it was taken; it is told when it runs out.
        tenant = session.get(Tenant, account.tenant_id)
        if tenant is not None and tenant.webhook_url:
            session.add(
                Notice(
                    tenant_id=account.tenant_id,
                    event="account.restored",
                    payload={
                        "account": account.external_id,
                        "reason": "restriction expired",
                        "before": change.before,
                        "after": change.after,
                    },
                    next_attempt_at=now,
                    created_at=now,
                )
            )
    session.flush()
    audit.flush(session, now)
    return changes


@dataclass(slots=True)
class AuditBatch:
    """Audit events collected during a unit of work and appended to the chain in one go.

    Same chain and hashing as ``bastion.store.audit.append``, but the head is locked once and the
    events are inserted with one executemany, which keeps bulk ingest fast.
    """

    events: list[tuple[int | None, str, str, str, str]] = field(default_factory=list)
    """(tenant, actor, action, subject, payload as canonical JSON): what is hashed and stored."""

    def add(
        self,
        *,
        tenant_id: int | None,
        actor: str,
        action: str,
        subject: str,
        payload: dict[str, Any],
        plain: bool = False,
    ) -> None:
        """Queue one event. ``plain``: the caller built ``payload`` of string keys, strings,
        numbers, booleans, None, lists and dicts only, so its canonical JSON reads back equal
        and the read-back (a parse and a deep compare per event in bulk ingest) is skipped."""
        for name, value in (("actor", actor), ("action", action), ("subject", subject)):
            if not value:
                raise ValueError(f"audit {name} is empty")
        text = canonical_json(payload)
        if not plain:
            clean = json.loads(text)
            if clean != payload:  # e.g. int keys, which sort another way once they are strings
                text = canonical_json(clean)
        self.events.append((tenant_id, actor[:255], action[:64], subject[:255], text))

    def flush(self, session: Session, now: datetime) -> int:
        """Append the collected events (all stamped ``now``); returns how many were written."""
        if not self.events:
            return 0
        when = require_aware(now, "now").astimezone(UTC)
        seq, prev = lock_head(session)
        stamp = Stamps(session.get_bind().dialect.name == "sqlite")(when)
        rows = []
        for tenant_id, actor, action, subject, text in self.events:
            seq += 1
            digest = chain_hash(
                prev,
                seq=seq,
                tenant_id=tenant_id,
                actor=actor,
                action=action,
                subject=subject,
                payload_json=text,
                created_at=when,
            )
            rows.append((seq, tenant_id, actor, action, subject, text, stamp, prev, digest))
            prev = digest
        _AUDIT_INSERT.run(session.connection(), rows)
        move_head(session, seq, prev, when)
        written = len(self.events)
        self.events.clear()
        return written
