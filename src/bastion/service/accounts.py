"""Read side of enforcement: an account's standing, one action with its statement of reasons,
the DSA export of that statement, and per-tenant counts.

Every query filters on the tenant first; an id of another tenant is reported as not found, never
as forbidden, so ids leak nothing about other tenants.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bastion.enforce.actions import ACTION_TARGET, PlannedAction
from bastion.enforce.dsa import DsaCategory
from bastion.enforce.in_force import HeldAction
from bastion.enforce.reasons import (
    EntityFact,
    GroundSpec,
    NotReportable,
    ProvenanceFact,
    Redress,
    StatementOfReasons,
    to_dsa,
)
from bastion.service.errors import Conflict, NotFound
from bastion.store.enums import CaseStatus, NoticeStatus
from bastion.store.models import Account, Action, Case, Item, Notice, Strike, Violation


def _iso(value: datetime | None) -> str | None:
    return None if value is None else value.astimezone(UTC).isoformat().replace("+00:00", "Z")


def _time(value: Any) -> datetime:
    if not isinstance(value, str):
        raise ValueError("statement timestamp must be an ISO 8601 string")
    parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    if parsed.tzinfo is None:
        raise ValueError(f"statement timestamp {value!r} has no time zone")
    return parsed


def _box(value: Any) -> tuple[int, int, int, int] | None:
    """A stored fact's box (a list of four numbers), or None for a fact found in text."""
    if not isinstance(value, list | tuple) or len(value) != 4:
        return None
    return (int(value[0]), int(value[1]), int(value[2]), int(value[3]))


def statement_from_dict(raw: dict[str, Any]) -> StatementOfReasons:
    """Rebuild a stored statement (``statement_to_dict`` form); ValueError when malformed."""
    try:
        actions = tuple(
            PlannedAction(
                a["kind"],
                a["target"],
                a["reason"],
                None if a.get("duration") is None else timedelta(seconds=int(a["duration"])),
                None if a.get("expires_at") is None else _time(a["expires_at"]),
            )
            for a in raw["actions"]
        )
        ground, mapped, redress = raw["ground"], raw["dsa_category"], raw["redress"]
        return StatementOfReasons(
            statement_id=raw["statement_id"],
            item_id=raw["item_id"],
            account_id=raw["account_id"],
            decided_at=_time(raw["decided_at"]),
            content_date=_time(raw["content_date"]),
            actions=actions,
            category=raw["category"],
            severity=raw["severity"],
            strike_number=int(raw["strike_number"]),
            ground=GroundSpec(
                ground["ground"],
                ground["reference"],
                ground["explanation"],
                ground.get("reference_url", ""),
            ),
            dsa_category=DsaCategory(
                mapped["category"], tuple(mapped.get("keywords", ())), mapped.get("other", "")
            ),
            facts=tuple(
                EntityFact(
                    f["kind"],
                    f["raw"],
                    (int(f["span"][0]), int(f["span"][1])),
                    f["value"],
                    f.get("registrable_domain"),
                    tuple(f.get("categories", ())),
                    tuple(f.get("sources", ())),
                    f.get("origin", "text"),
                    _box(f.get("box")),
                )
                for f in raw["facts"]
            ),
            rules=tuple(raw["rules"]),
            policy_version=raw.get("policy_version", ""),
            automated_detection=bool(raw["automated_detection"]),
            automated_decision=raw["automated_decision"],
            territorial_scope=tuple(raw["territorial_scope"]),
            source=raw["source"],
            redress=Redress(
                _time(redress["appeal_deadline"]),
                redress["appeal_url"],
                tuple(redress.get("options", ())),
            ),
            content_types=tuple(raw.get("content_types", ("text",))),
            account_type=raw.get("account_type"),
            surface=str(raw.get("surface", "")),
            provenance=tuple(
                ProvenanceFact(
                    int(p["image"]),
                    str(p.get("source", "")),
                    p.get("digital_source_type"),
                    p.get("generator"),
                    p.get("signer"),
                    p.get("validation"),
                    p.get("error"),
                )
                for p in raw.get("provenance") or ()
            ),
            held=tuple(
                HeldAction(
                    str(h["kind"]),
                    str(h["reason"]),
                    None if h.get("duration") is None else timedelta(seconds=int(h["duration"])),
                )
                for h in raw.get("held") or ()
            ),
        )
    except (KeyError, TypeError, IndexError) as exc:
        raise ValueError(f"stored statement of reasons is malformed: {exc!r}") from None


def _action_dict(action: Action, item_external: str | None) -> dict[str, Any]:
    statement = action.statement_of_reasons or {}
    return {
        "id": action.id,
        "kind": str(action.kind),
        "target": ACTION_TARGET.get(str(action.kind), "account"),
        "item_id": item_external,
        "actor": str(action.actor),
        "reason": action.reason,
        "created_at": _iso(action.created_at),
        "expires_at": _iso(action.expires_at),
        "reversed_at": _iso(action.reversed_at),
        "reversal_reason": action.reversal_reason,
        "statement_id": statement.get("statement_id"),
    }


def account_view(
    session: Session, tenant_id: int, external_id: str, now: datetime, *, limit: int = 100
) -> dict[str, Any]:
    """Status, live strikes and the newest ``limit`` actions of one account."""
    account = session.scalars(
        select(Account).where(Account.tenant_id == tenant_id, Account.external_id == external_id)
    ).one_or_none()
    if account is None:
        raise NotFound(f"account {external_id!r} is not known to this tenant")
    strikes = session.scalars(
        select(Strike)
        .where(Strike.tenant_id == tenant_id, Strike.account_id == account.id)
        .order_by(Strike.created_at.desc(), Strike.id.desc())
        .limit(limit)
    ).all()
    actions = session.execute(
        select(Action, Item.external_id)
        .outerjoin(Item, (Item.tenant_id == Action.tenant_id) & (Item.id == Action.item_id))
        .where(Action.tenant_id == tenant_id, Action.account_id == account.id)
        .order_by(Action.id.desc())
        .limit(limit)
    ).all()
    active = [
        s for s in strikes if s.reversed_at is None and (s.expires_at is None or s.expires_at > now)
    ]
    return {
        "id": account.external_id,
        "status": str(account.status),
        "suspended_until": _iso(account.suspended_until),
        "monetization": str(account.monetization),
        "followers_frozen": account.followers_frozen,
        "follower_count": account.follower_count,
        "verified": account.verified,
        "active_strikes": len(active),
        "strikes": [
            {
                "id": s.id,
                "category": s.category,
                "severity": str(s.severity),
                "created_at": _iso(s.created_at),
                "expires_at": _iso(s.expires_at),
                "reversed_at": _iso(s.reversed_at),
                "active": s in active,
            }
            for s in strikes
        ],
        "actions": [_action_dict(a, ext) for a, ext in actions],
    }


def _load_action(session: Session, tenant_id: int, action_id: int) -> tuple[Action, str | None]:
    row = session.execute(
        select(Action, Item.external_id)
        .outerjoin(Item, (Item.tenant_id == Action.tenant_id) & (Item.id == Action.item_id))
        .where(Action.tenant_id == tenant_id, Action.id == action_id)
    ).one_or_none()
    if row is None:
        raise NotFound(f"action {action_id} is not known to this tenant")
    return row[0], row[1]


def action_view(session: Session, tenant_id: int, action_id: int) -> dict[str, Any]:
    """One action with the full statement of reasons it was taken under."""
    action, item_external = _load_action(session, tenant_id, action_id)
    record = _action_dict(action, item_external)
    record["statement_of_reasons"] = action.statement_of_reasons
    return record


def action_dsa(session: Session, tenant_id: int, action_id: int) -> dict[str, Any]:
    """The DSA Transparency Database record for the action's statement of reasons.

    Conflict when the statement restricts nothing (a warning) or the action has no statement.
    """
    action, _ = _load_action(session, tenant_id, action_id)
    if not action.statement_of_reasons:
        raise Conflict(f"action {action_id} has no statement of reasons")
    statement = statement_from_dict(action.statement_of_reasons)
    try:
        return to_dsa(statement)
    except NotReportable as exc:
        raise Conflict(str(exc)) from None


def tenant_stats(session: Session, tenant_id: int, now: datetime) -> dict[str, Any]:
    """Counts for dashboards: items by verdict, violations by category, actions by kind, cases,
    accounts by status, live strikes and the webhook outbox."""

    def grouped(column: Any, *where: Any) -> dict[str, int]:
        query = select(column, func.count()).where(*where).group_by(column)
        return {str(k): int(n) for k, n in session.execute(query) if k is not None}

    return {
        "items": grouped(Item.verdict, Item.tenant_id == tenant_id),
        "violations": grouped(Violation.category, Violation.tenant_id == tenant_id),
        "actions": grouped(
            Action.kind, Action.tenant_id == tenant_id, Action.reversed_at.is_(None)
        ),
        "actions_reversed": int(
            session.scalar(
                select(func.count()).where(
                    Action.tenant_id == tenant_id, Action.reversed_at.is_not(None)
                )
            )
            or 0
        ),
        "cases": grouped(Case.status, Case.tenant_id == tenant_id),
        "open_cases": int(
            session.scalar(
                select(func.count()).where(
                    Case.tenant_id == tenant_id,
                    Case.status.in_((CaseStatus.OPEN, CaseStatus.CLAIMED)),
                )
            )
            or 0
        ),
        "accounts": grouped(Account.status, Account.tenant_id == tenant_id),
        "active_strikes": int(
            session.scalar(
                select(func.count()).where(
                    Strike.tenant_id == tenant_id,
                    Strike.reversed_at.is_(None),
                    (Strike.expires_at.is_(None)) | (Strike.expires_at > now),
                )
            )
            or 0
        ),
        "notices": grouped(Notice.status, Notice.tenant_id == tenant_id),
        "dead_notices": int(
            session.scalar(
                select(func.count()).where(
                    Notice.tenant_id == tenant_id, Notice.status == NoticeStatus.DEAD
                )
            )
            or 0
        ),
    }
