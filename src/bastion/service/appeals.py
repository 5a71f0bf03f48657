"""Appeals (DSA Art. 20 internal complaints): once per decision, decided by someone else.

The affected account may appeal an action within ``DEFAULT_APPEAL_WINDOW`` of it being taken:
183 days, the six months Art. 20(1) makes the minimum and the window the statements of reasons
already promise (``enforce.ReasonsConfig.appeal_window``); a shorter window would contradict the
statement the user received. One appeal per decision: a second appeal of any action of the same
decision is a Conflict, unless the first was withdrawn. The appeal must be decided by a moderator
who neither took the original decision nor reviewed its case; granting it reverses the whole
decision and its strike (``service.reversal``); denying it keeps them.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Final

from sqlalchemy import and_, exists, not_, select, update
from sqlalchemy.orm import Session

from bastion.enforce import ReasonsConfig
from bastion.service.errors import Conflict, Forbidden, InvalidInput, NotFound
from bastion.service.reversal import (
    ReversalOutcome,
    affected_account,
    decision_group,
    queue_notice,
    reverse_decision,
)
from bastion.service.review import check_moderator
from bastion.store import audit
from bastion.store.enums import Actor, AppealStatus
from bastion.store.models import Action, Appeal, Review

DEFAULT_APPEAL_WINDOW: Final = ReasonsConfig().appeal_window
MAX_APPEAL_TEXT: Final = 5000
MAX_NOTES: Final = 2000
MAX_PAGE: Final = 100


@dataclass(frozen=True, slots=True)
class AppealOutcome:
    appeal: Appeal
    reversal: ReversalOutcome | None


def appeal_token(secret: bytes, tenant_id: int, action_id: int) -> str:
    """The token of an action's public appeal link (``/p/{tenant}/appeal/{action}?k=…``): whoever
    holds the notice may appeal, nobody can forge a link to another action."""
    digest = hmac.new(secret, f"appeal:{tenant_id}:{action_id}".encode(), hashlib.sha256)
    return digest.hexdigest()[:40]


def check_appeal_token(secret: bytes, tenant_id: int, action_id: int, token: str) -> bool:
    return hmac.compare_digest(appeal_token(secret, tenant_id, action_id), token)


def file_appeal(
    session: Session,
    tenant_id: int,
    action_id: int,
    *,
    appellant: str,
    text: str,
    now: datetime,
    window: timedelta = DEFAULT_APPEAL_WINDOW,
) -> Appeal:
    """Appeal ``action_id`` on behalf of the affected account (its external id)."""
    if not 0 < len(appellant) <= 255 or "\x00" in appellant:
        raise InvalidInput("appellant must be 1-255 characters without NUL")
    if len(text) > MAX_APPEAL_TEXT or "\x00" in text:
        raise InvalidInput(f"appeal text is limited to {MAX_APPEAL_TEXT} characters without NUL")
    action = session.scalars(
        select(Action).where(Action.tenant_id == tenant_id, Action.id == action_id)
    ).one_or_none()
    if action is None:
        raise NotFound(f"action {action_id} not found")
    group = decision_group(session, tenant_id, action)
    # Lock the decision's actions in id order: concurrent appeals of it queue here.
    session.scalars(
        select(Action.id)
        .where(Action.id.in_([a.id for a in group]))
        .order_by(Action.id)
        .with_for_update()
    ).all()
    account = affected_account(session, action)
    if account is None or account.external_id != appellant:
        raise Forbidden("only the affected account may appeal this action")
    if all(a.reversed_at is not None for a in group):
        raise Conflict(f"action {action_id} has already been reversed")
    if now > action.created_at + window:
        raise Conflict(
            f"the appeal window of {window.days} days for action {action_id} closed on "
            f"{(action.created_at + window).date().isoformat()}"
        )
    earlier = session.scalar(
        select(Appeal.id)
        .where(
            Appeal.tenant_id == tenant_id,
            Appeal.action_id.in_([a.id for a in group]),
            Appeal.status != AppealStatus.WITHDRAWN,
        )
        .limit(1)
    )
    if earlier is not None:
        raise Conflict(f"this decision was already appealed (appeal {earlier})")
    appeal = Appeal(
        tenant_id=tenant_id,
        action_id=action.id,
        appellant=appellant,
        text=text,
        status=AppealStatus.OPEN,
        created_at=now,
    )
    session.add(appeal)
    session.flush()
    audit.append(
        session,
        actor=f"account:{appellant}",
        action="appeal.filed",
        subject=f"appeal:{appeal.id}",
        payload={"action": action.id, "actions": [a.id for a in group]},
        tenant_id=tenant_id,
        created_at=now,
    )
    return appeal


def involved_moderators(session: Session, tenant_id: int, action: Action) -> set[str]:
    """Who took part in the decision: reviewers who acted, and every reviewer of its case."""
    group = decision_group(session, tenant_id, action)
    names = {a.actor_id for a in group if a.actor == Actor.REVIEWER and a.actor_id}
    case_ids = {a.case_id for a in group if a.case_id is not None}
    if case_ids:
        names |= set(
            session.scalars(
                select(Review.moderator).where(
                    Review.tenant_id == tenant_id, Review.case_id.in_(case_ids)
                )
            )
        )
    return names


def decide_appeal(
    session: Session,
    tenant_id: int,
    appeal_id: int,
    *,
    moderator: str,
    grant: bool,
    now: datetime,
    notes: str = "",
) -> AppealOutcome:
    """Grant (reverse the decision and its strike) or deny an open appeal."""
    check_moderator(moderator)
    if len(notes) > MAX_NOTES or "\x00" in notes:
        raise InvalidInput(f"notes are limited to {MAX_NOTES} characters without NUL")
    appeal = _load(session, tenant_id, appeal_id)
    action = session.get(Action, appeal.action_id)
    assert action is not None
    if moderator in involved_moderators(session, tenant_id, action):
        raise Forbidden(
            "you took part in the original decision; another moderator must decide this appeal"
        )
    status = AppealStatus.GRANTED if grant else AppealStatus.DENIED
    result = session.execute(
        update(Appeal)
        .where(
            Appeal.tenant_id == tenant_id,
            Appeal.id == appeal_id,
            Appeal.status == AppealStatus.OPEN,
        )
        .values(status=status, decided_by=moderator, decided_at=now)
        .execution_options(synchronize_session=False)
    )
    if getattr(result, "rowcount", 0) != 1:
        raise Conflict(f"appeal {appeal_id} is not open")
    appeal = _load(session, tenant_id, appeal_id)
    actor = f"moderator:{moderator}"
    reversal = None
    if grant:
        reversal = reverse_decision(
            session,
            tenant_id,
            decision_group(session, tenant_id, action),
            actor=actor,
            reason=f"appeal {appeal_id} granted",
            now=now,
        )
    audit.append(
        session,
        actor=actor,
        action="appeal.decided",
        subject=f"appeal:{appeal_id}",
        payload={
            "status": str(status),
            "action": action.id,
            "notes": notes,
            "reversed": [a.id for a in reversal.actions] if reversal else [],
        },
        tenant_id=tenant_id,
        created_at=now,
    )
    queue_notice(
        session,
        tenant_id,
        "appeal.decided",
        {"appeal": appeal_id, "status": str(status), "appellant": appeal.appellant},
        now,
    )
    session.flush()
    return AppealOutcome(appeal, reversal)


def get_appeal(session: Session, tenant_id: int, appeal_id: int) -> Appeal:
    return _load(session, tenant_id, appeal_id)


def list_appeals(
    session: Session,
    tenant_id: int,
    *,
    status: str = AppealStatus.OPEN,
    eligible_for: str | None = None,
    limit: int = 50,
) -> list[Appeal]:
    """Appeals by status, oldest first; ``eligible_for`` hides those that moderator may not
    decide (their own decisions and cases they reviewed), so the queue routes appeals to others."""
    if status not in AppealStatus.__members__.values():
        raise InvalidInput(f"status {status!r} is not one of {', '.join(AppealStatus)}")
    if not 0 < limit <= MAX_PAGE:
        raise InvalidInput(f"limit must be 1-{MAX_PAGE}")
    query = (
        select(Appeal)
        .join(Action, and_(Action.tenant_id == Appeal.tenant_id, Action.id == Appeal.action_id))
        .where(Appeal.tenant_id == tenant_id, Appeal.status == status)
    )
    if eligible_for is not None:
        query = query.where(
            not_(and_(Action.actor == Actor.REVIEWER, Action.actor_id == eligible_for)),
            not_(
                exists().where(
                    Review.tenant_id == tenant_id,
                    Review.case_id == Action.case_id,
                    Review.moderator == eligible_for,
                )
            ),
        )
    return list(session.scalars(query.order_by(Appeal.created_at, Appeal.id).limit(limit)))


def _load(session: Session, tenant_id: int, appeal_id: int) -> Appeal:
    appeal = session.scalars(
        select(Appeal)
        .where(Appeal.tenant_id == tenant_id, Appeal.id == appeal_id)
        .execution_options(populate_existing=True)
    ).one_or_none()
    if appeal is None:
        raise NotFound(f"appeal {appeal_id} not found")
    return appeal
