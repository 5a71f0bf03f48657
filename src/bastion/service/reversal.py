"""Undo a decision: reverse its actions and its strike, then re-derive account and item state.

A decision is undone as a whole: the actions one decision took (same case, else same violation)
share one finding, so if the finding falls on appeal none of them has a basis any more. The
inverses come from ``enforce.plan_reversal`` (unban, lift_suspension, restore_monetization,
restore_followers, restore_content, reenable_link, ...), last applied first. State is not patched
by hand: the actions are marked reversed and ``recompute_account`` / ``recompute_item`` derive the
restrictions from what is left, so another live ban or suspension on the account still holds.
Each reversal is audited and sent to the platform as a webhook notice, because only the platform
can actually put content back or restore removed followers.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, or_, select
from sqlalchemy.orm import Session

from bastion.enforce import PlannedAction, plan_reversal
from bastion.service.actions import recompute_account, recompute_item, target_of
from bastion.store import audit
from bastion.store.models import Account, Action, Item, Notice, Strike, Tenant
from bastion.store.models import Violation as ViolationRow


@dataclass(frozen=True, slots=True)
class ReversalOutcome:
    actions: list[Action]
    strikes: list[Strike]
    operations: list[dict[str, Any]]
    account_before: dict[str, Any] | None
    account_after: dict[str, Any] | None


def decision_group(session: Session, tenant_id: int, action: Action) -> list[Action]:
    """The actions taken by the decision that took ``action`` (oldest first), reversed or not."""
    query = select(Action).where(Action.tenant_id == tenant_id)
    if action.case_id is not None:
        query = query.where(Action.case_id == action.case_id)
    elif action.violation_id is not None:
        query = query.where(Action.violation_id == action.violation_id)
    else:
        query = query.where(Action.id == action.id)
    return list(session.scalars(query.order_by(Action.id)))


def affected_account(session: Session, action: Action) -> Account | None:
    """The account an action restricts, or whose content it restricts."""
    account_id = action.account_id
    if account_id is None and action.item_id is not None:
        item = session.get(Item, action.item_id)
        account_id = item.account_id if item is not None else None
    return session.get(Account, account_id) if account_id is not None else None


def reverse_decision(
    session: Session,
    tenant_id: int,
    actions: list[Action],
    *,
    actor: str,
    reason: str,
    now: datetime,
) -> ReversalOutcome:
    """Reverse the unreversed ``actions`` of one decision and the strike it added."""
    live = [a for a in actions if a.reversed_at is None]
    account = affected_account(session, actions[0]) if actions else None
    if account is not None:
        account = session.scalars(
            select(Account)
            .where(Account.id == account.id)
            .with_for_update()
            .execution_options(populate_existing=True)
        ).one()
    operations = []
    applied = [
        PlannedAction(str(a.kind), target_of(str(a.kind)), a.reason, None, a.expires_at)
        for a in live
    ]
    for plan, action in zip(plan_reversal(applied, reason), reversed(live), strict=True):
        action.reversed_at, action.reversed_by, action.reversal_reason = now, actor, reason
        operation = {
            "action": action.id,
            "reverses": str(action.kind),
            "operation": plan.kind,
            "target": target_of(str(action.kind)),
        }
        operations.append(operation)
        audit.append(
            session,
            actor=actor,
            action="action.reversed",
            subject=f"action:{action.id}",
            payload={**operation, "reason": reason},
            tenant_id=tenant_id,
            created_at=now,
        )
    strikes = _reverse_strikes(session, tenant_id, actions, account, actor, reason, now)
    session.flush()
    for item_id in sorted({a.item_id for a in live if a.item_id is not None}):
        recompute_item(session, tenant_id, item_id)
    before = after = None
    if account is not None:
        change = recompute_account(session, account, now)
        if change is not None:
            before, after = change.before, change.after
            audit.append(
                session,
                actor=actor,
                action="account.restored",
                subject=f"account:{account.id}",
                payload={"before": before, "after": after, "reason": reason},
                tenant_id=tenant_id,
                created_at=now,
            )
    if operations:
        queue_notice(
            session,
            tenant_id,
            "action.reversed",
            {
                "account": account.external_id if account else None,
                "item": _item_external(session, live),
                "operations": operations,
                "strikes_reversed": [s.id for s in strikes],
                "reason": reason,
            },
            now,
        )
    session.flush()
    return ReversalOutcome(live, strikes, operations, before, after)


def _reverse_strikes(
    session: Session,
    tenant_id: int,
    actions: list[Action],
    account: Account | None,
    actor: str,
    reason: str,
    now: datetime,
) -> list[Strike]:
    """The strike a decision added: by its violation, or by account + item + category."""
    if account is None or not actions:
        return []
    violation_ids = {a.violation_id for a in actions if a.violation_id is not None}
    categories = {
        str(a.statement_of_reasons["category"])
        for a in actions
        if isinstance(a.statement_of_reasons, dict) and "category" in a.statement_of_reasons
    }
    if violation_ids:
        categories |= set(
            session.scalars(select(ViolationRow.category).where(ViolationRow.id.in_(violation_ids)))
        )
    item_ids = {a.item_id for a in actions if a.item_id is not None}
    matches: list[ColumnElement[bool]] = []
    if violation_ids:
        matches.append(Strike.violation_id.in_(violation_ids))
    if item_ids and categories:
        matches.append(Strike.item_id.in_(item_ids) & Strike.category.in_(categories))
    if not matches:
        return []
    strikes = list(
        session.scalars(
            select(Strike)
            .where(
                Strike.tenant_id == tenant_id,
                Strike.account_id == account.id,
                Strike.reversed_at.is_(None),
                or_(*matches),
            )
            .order_by(Strike.id)
        )
    )
    for strike in strikes:
        strike.reversed_at = now
        audit.append(
            session,
            actor=actor,
            action="strike.reversed",
            subject=f"strike:{strike.id}",
            payload={"category": strike.category, "item": strike.item_id, "reason": reason},
            tenant_id=tenant_id,
            created_at=now,
        )
    return strikes


def _item_external(session: Session, actions: list[Action]) -> str | None:
    for action in actions:
        if action.item_id is not None:
            item = session.get(Item, action.item_id)
            return item.external_id if item is not None else None
    return None


def queue_notice(
    session: Session, tenant_id: int, event: str, payload: dict[str, Any], now: datetime
) -> Notice | None:
    """Queue a webhook notice for the tenant, if it has a webhook configured."""
    tenant = session.get(Tenant, tenant_id)
    if tenant is None or not tenant.webhook_url:
        return None
    notice = Notice(
        tenant_id=tenant_id, event=event, payload=payload, next_attempt_at=now, created_at=now
    )
    session.add(notice)
    return notice
