"""A moderator's decision on a claimed case: uphold, dismiss, or change the action.

Upholding runs the same penalty ladder automation uses (``enforce.Ladder.decide``) on the finding
(the item's worst current violation, else the reported reason), so a human-confirmed report adds
a strike and escalates exactly like an automated one, with actor = the reviewer and the case id
on every action; an account action that a restriction already in force covers (an account
already banned) is held, not repeated, and the statement says so. ``change_action`` keeps the
finding and the strike but replaces the planned actions with the one the moderator picked. Every
decision gets a statement of reasons (``enforce.build_statement``) stored on each action, an
audit event, and a webhook notice.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any, Final

from sqlalchemy import select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from bastion.enforce import Ladder, PlannedAction, ReasonsConfig, StrikeRecord, build_statement
from bastion.enforce.actions import (
    ACTION_TARGET,
    DURATION_ALLOWED,
    DURATION_REQUIRED,
    parse_duration,
)
from bastion.enforce.reasons import statement_to_dict
from bastion.model import SEVERITIES, ScanResult
from bastion.model import Violation as Finding
from bastion.service.actions import account_snapshot, apply_to_account, recompute_item
from bastion.service.errors import Conflict, Forbidden, InvalidInput
from bastion.service.findings import LABEL_ONLY, REMOVING_KINDS, finding_for
from bastion.service.restrictions import load_in_force
from bastion.service.reversal import queue_notice
from bastion.service.review import check_moderator, load_case
from bastion.store import audit
from bastion.store.enums import ActionKind, Actor, CaseStatus, Decision
from bastion.store.models import Account, Action, Case, Item, Report, Review, Strike

MAX_NOTES: Final = 2000
_CATEGORY = re.compile(r"[a-z][a-z0-9_]{0,63}")


@dataclass(frozen=True, slots=True)
class CaseOutcome:
    case: Case
    review: Review
    actions: list[Action]
    strike: Strike | None
    statement: dict[str, Any] | None
    held: list[dict[str, str]] = field(default_factory=list)
    """Account actions the ladder named but a restriction in force covers (not taken)."""


def decide_case(
    session: Session,
    tenant_id: int,
    case_id: int,
    *,
    moderator: str,
    decision: str,
    now: datetime,
    ladder: Ladder,
    reasons: ReasonsConfig | None = None,
    action_kind: str | None = None,
    duration: str | None = None,
    category: str | None = None,
    severity: str | None = None,
    notes: str = "",
    senior: bool = True,
) -> CaseOutcome:
    """Decide a case the moderator holds a claim on (an expired claim still counts if nobody
    took it over). Raises InvalidInput for bad arguments and Conflict for a case in the wrong
    state; Forbidden when ``senior`` is False and the decision would ban an account for good
    (the senior queue, ``bastion.service.queues``)."""
    check_moderator(moderator)
    verdict = _decision(decision)
    planned_kind = check_decision(verdict, action_kind, duration, category, severity, notes)
    case = load_case(session, tenant_id, case_id, lock=True)
    if case.status in (CaseStatus.DECIDED, CaseStatus.CLOSED):
        raise Conflict(f"case {case_id} is already {case.status}")
    if case.status != CaseStatus.CLAIMED or case.claimed_by != moderator:
        raise Conflict(f"claim case {case_id} before deciding it")
    item = session.get(Item, case.item_id) if case.item_id is not None else None
    account_id = case.account_id if case.account_id is not None else (item and item.account_id)
    account = (
        session.scalars(select(Account).where(Account.id == account_id).with_for_update()).one()
        if account_id is not None
        else None
    )
    if planned_kind is not None:
        target = ACTION_TARGET[planned_kind.kind]
        if target == "account" and account is None:
            raise InvalidInput(f"{planned_kind.kind} needs an account; this case has none")
        if target != "account" and item is None:
            raise InvalidInput(f"{planned_kind.kind} needs an item; this case is about an account")
    review = Review(
        tenant_id=tenant_id,
        case_id=case.id,
        moderator=moderator,
        decision=verdict,
        new_action_kind=ActionKind(planned_kind.kind) if planned_kind else None,
        notes=notes,
        created_at=now,
    )
    session.add(review)
    case.status, case.updated_at = CaseStatus.DECIDED, now
    session.flush()
    payload: dict[str, Any] = {"decision": str(verdict), "review": review.id, "notes": notes}
    actions: list[Action] = []
    strike = statement = None
    held: list[dict[str, str]] = []
    if verdict != Decision.DISMISS:
        actions, strike, statement, held = _enforce(
            session,
            case,
            item,
            account,
            moderator,
            planned_kind,
            category,
            severity,
            now,
            ladder,
            reasons or ReasonsConfig(),
            senior,
        )
        payload.update(
            actions=[{"id": a.id, "kind": str(a.kind)} for a in actions],
            strike=strike.id if strike else None,
            statement=statement["statement_id"] if statement else None,
            category=statement["category"] if statement else None,
        )
        if held:
            payload["held"] = held
    audit.append(
        session,
        actor=f"moderator:{moderator}",
        action="case.decided",
        subject=f"case:{case.id}",
        payload=payload,
        tenant_id=tenant_id,
        created_at=now,
    )
    queue_notice(
        session,
        tenant_id,
        "case.decided",
        {
            "case": case.id,
            "decision": str(verdict),
            "item": item.external_id if item else None,
            "account": account.external_id if account else None,
            "actions": [_action_json(a) for a in actions],
            "statement": statement,
        },
        now,
    )
    session.flush()
    return CaseOutcome(case, review, actions, strike, statement, held)


def _enforce(
    session: Session,
    case: Case,
    item: Item | None,
    account: Account | None,
    moderator: str,
    planned_kind: PlannedAction | None,
    category: str | None,
    severity: str | None,
    now: datetime,
    ladder: Ladder,
    reasons: ReasonsConfig,
    senior: bool = True,
) -> tuple[list[Action], Strike | None, dict[str, Any] | None, list[dict[str, str]]]:
    tenant_id = case.tenant_id
    finding, entities, violation_id = finding_for(session, case, item, category, severity)
    outcome = finding.outcome
    priors = prior_strikes(session, tenant_id, account, item, finding.category)
    in_force = (
        load_in_force(session, tenant_id, [account], now).get(account.id, [])
        if account is not None and planned_kind is None
        else []
    )
    plan = ladder.decide(finding, outcome, priors, now, confirmed=True, in_force=in_force)
    label_only = finding.category in LABEL_ONLY
    if planned_kind is None:
        # An operator's ladder may hold a removal for this category: a label-only category
        # (rumour) keeps its content up whatever the ladder says.
        planned = [p for p in plan.actions if not (label_only and p.kind in REMOVING_KINDS)]
    elif label_only and planned_kind.kind in REMOVING_KINDS:
        raise InvalidInput(
            f"{finding.category} content is labelled, never removed: choose label or an "
            "account action instead of " + planned_kind.kind
        )
    else:
        why = f"moderator chose {planned_kind.kind} for {finding.category}/{finding.severity}"
        expires = now + planned_kind.duration if planned_kind.duration is not None else None
        planned = [replace(planned_kind, reason=why, expires_at=expires)]
    planned = [
        p
        for p in planned
        if (ACTION_TARGET[p.kind] == "account" and account is not None)
        or (ACTION_TARGET[p.kind] != "account" and item is not None)
    ]
    if not planned and not plan.held:
        raise InvalidInput("nothing to enforce: the ladder's actions need a target this case lacks")
    if not senior and any(is_permanent_ban(p) for p in planned):
        raise Forbidden(f"case {case.id} would ban the account for good: a senior decides it")
    held = [{"kind": h.kind, "reason": h.reason} for h in plan.held]
    if not planned:  # every action the ladder names is covered: nothing restricts anew
        return [], None, None, held
    plan = replace(plan, actions=tuple(planned))
    reports = session.scalars(
        select(Report.trusted_flagger).where(
            Report.tenant_id == tenant_id, Report.case_id == case.id
        )
    ).all()
    source = "trusted_flagger" if any(reports) else "notice" if reports else "voluntary"
    result = ScanResult(
        id=item.external_id if item else f"account-{account.external_id if account else ''}",
        verdict="act",
        entities=entities,
        policy_version=(item.policy_version or "") if item else "",
    )
    statement = statement_to_dict(
        build_statement(
            result,
            finding,
            plan,
            statement_id=f"case-{case.id}",
            account_id=account.external_id if account else "",
            now=now,
            config=reasons,
            content_date=(item.created_at if item else None),
            source=source,
            automated_detection=not reports,
            automated_decision="none",
        )
    )
    strike = None
    if account is not None and item is not None:
        expires = now + ladder.decay_for(finding.category)
        strike = _add_strike(session, tenant_id, account, item, finding, violation_id, now, expires)
    before = account_snapshot(account) if account is not None else None
    actions = []
    for index, p in enumerate(planned):
        row = Action(
            tenant_id=tenant_id,
            item_id=item.id if item else None,
            account_id=account.id if account else None,
            violation_id=violation_id,
            case_id=case.id,
            dedupe_key=f"case:{case.id}:{index}:{p.kind}",
            kind=ActionKind(p.kind),
            actor=Actor.REVIEWER,
            actor_id=moderator,
            reason=p.reason,
            statement_of_reasons=statement,
            expires_at=p.expires_at,
            created_at=now,
        )
        session.add(row)
        actions.append(row)
        if account is not None and ACTION_TARGET[p.kind] == "account":
            apply_to_account(account, p.kind, p.expires_at)
    session.flush()
    if item is not None:
        recompute_item(session, tenant_id, item.id)
    if account is not None and before is not None:
        account.updated_at = now
        after = account_snapshot(account)
        if after != before:
            audit.append(
                session,
                actor=f"moderator:{moderator}",
                action="account.restricted",
                subject=f"account:{account.id}",
                payload={"case": case.id, "before": before, "after": after},
                tenant_id=tenant_id,
                created_at=now,
            )
    return actions, strike, statement, held


def is_permanent_ban(action: PlannedAction) -> bool:
    """A ban with no end: senior work (``bastion.service.queues``)."""
    return action.kind == "ban" and action.expires_at is None and action.duration is None


def prior_strikes(
    session: Session, tenant_id: int, account: Account | None, item: Item | None, category: str
) -> list[StrikeRecord]:
    """The account's strikes, except one already on this item for this category (the strike
    this decision confirms), so confirming an automated strike does not count it twice."""
    if account is None:
        return []
    rows = session.scalars(
        select(Strike).where(Strike.tenant_id == tenant_id, Strike.account_id == account.id)
    ).all()
    return [
        StrikeRecord(s.category, str(s.severity), s.created_at, s.reversed_at is not None)
        for s in rows
        if not (item is not None and s.item_id == item.id and s.category == category)
    ]


def _add_strike(
    session: Session,
    tenant_id: int,
    account: Account,
    item: Item,
    finding: Finding,
    violation_id: int | None,
    now: datetime,
    expires_at: datetime,
) -> Strike:
    """One strike per account, item and category: re-confirming an existing one reuses it."""
    insert = postgresql.insert if session.get_bind().dialect.name == "postgresql" else sqlite.insert
    session.execute(
        insert(Strike)
        .values(
            tenant_id=tenant_id,
            account_id=account.id,
            item_id=item.id,
            violation_id=violation_id,
            category=finding.category,
            severity=finding.severity,
            expires_at=expires_at,
            created_at=now,
        )
        .on_conflict_do_nothing(index_elements=["account_id", "item_id", "category"])
    )
    return session.scalars(
        select(Strike).where(
            Strike.account_id == account.id,
            Strike.item_id == item.id,
            Strike.category == finding.category,
        )
    ).one()


def _decision(value: str) -> Decision:
    try:
        return Decision(value)
    except ValueError:
        raise InvalidInput(
            f"decision {value!r} is not one of {', '.join(d.value for d in Decision)}"
        ) from None


def check_decision(
    verdict: Decision,
    action_kind: str | None,
    duration: str | None,
    category: str | None,
    severity: str | None,
    notes: str,
) -> PlannedAction | None:
    if len(notes) > MAX_NOTES or "\x00" in notes:
        raise InvalidInput(f"notes are limited to {MAX_NOTES} characters without NUL")
    if category is not None and not _CATEGORY.fullmatch(category):
        raise InvalidInput("category must be 1-64 characters of a-z, 0-9 and _")
    if severity is not None and severity not in SEVERITIES:
        raise InvalidInput(f"severity {severity!r} is not one of {', '.join(SEVERITIES)}")
    if verdict != Decision.CHANGE_ACTION:
        if action_kind is not None or duration is not None:
            raise InvalidInput("action_kind and duration go with decision change_action only")
        return None
    if action_kind not in ACTION_TARGET:
        raise InvalidInput(f"change_action needs action_kind, one of {', '.join(ACTION_TARGET)}")
    if duration is None and action_kind in DURATION_REQUIRED:
        raise InvalidInput(f"{action_kind} needs a duration (e.g. 7d)")
    if duration is not None and action_kind not in DURATION_ALLOWED:
        raise InvalidInput(f"{action_kind} takes no duration")
    try:
        span = parse_duration(duration) if duration is not None else None
    except ValueError as exc:
        raise InvalidInput(str(exc)) from None
    return PlannedAction(action_kind, ACTION_TARGET[action_kind], "moderator's choice", span)


def _action_json(action: Action) -> dict[str, Any]:
    return {
        "id": action.id,
        "kind": str(action.kind),
        "expires_at": action.expires_at.isoformat() if action.expires_at else None,
    }
