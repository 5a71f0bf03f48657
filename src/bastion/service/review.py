"""The review queue: list open cases, claim one atomically, decide it.

A claim is a compare-and-set ``UPDATE ... WHERE status = 'open'`` (or an expired claim), so two
moderators can never hold the same case: on PostgreSQL the second UPDATE waits for the first and
re-checks the WHERE on the new row; on SQLite ``BEGIN IMMEDIATE`` serialises writers. Claims
expire lazily: a claim older than the timeout is simply claimable again, no sweeper needed.
``claim_next`` uses ``FOR UPDATE SKIP LOCKED`` on PostgreSQL so busy moderators do not queue on
the same top case. Deciding is in ``bastion.service.decide``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Final

from sqlalchemy import ColumnElement, and_, func, or_, select, update
from sqlalchemy.orm import Session

from bastion.service.errors import Conflict, InvalidInput, NotFound
from bastion.store import audit
from bastion.store.enums import CaseStatus
from bastion.store.models import Account, Action, Case, Item, Report, Review

DEFAULT_CLAIM_TIMEOUT: Final = timedelta(minutes=15)
MAX_PAGE: Final = 100
MAX_MODERATOR: Final = 255


def claimable(now: datetime, timeout: timedelta) -> ColumnElement[bool]:
    """Open cases, and claimed ones whose claim has expired."""
    return or_(
        Case.status == CaseStatus.OPEN,
        and_(Case.status == CaseStatus.CLAIMED, Case.claimed_at < now - timeout),
    )


def list_queue(
    session: Session,
    tenant_id: int,
    *,
    now: datetime,
    limit: int = 50,
    claim_timeout: timedelta = DEFAULT_CLAIM_TIMEOUT,
) -> list[Case]:
    """Claimable cases, highest priority first, then oldest first."""
    _check_limit(limit)
    return list(
        session.scalars(
            select(Case)
            .where(Case.tenant_id == tenant_id, claimable(now, claim_timeout))
            .order_by(Case.priority.desc(), Case.created_at, Case.id)
            .limit(limit)
        )
    )


def claim_case(
    session: Session,
    tenant_id: int,
    case_id: int,
    moderator: str,
    *,
    now: datetime,
    claim_timeout: timedelta = DEFAULT_CLAIM_TIMEOUT,
) -> Case:
    """Claim one case for ``moderator``; Conflict if someone else holds a live claim on it.

    Claiming a case you already hold renews the claim.
    """
    check_moderator(moderator)
    mine = and_(Case.status == CaseStatus.CLAIMED, Case.claimed_by == moderator)
    result = session.execute(
        update(Case)
        .where(
            Case.tenant_id == tenant_id,
            Case.id == case_id,
            or_(claimable(now, claim_timeout), mine),
        )
        .values(status=CaseStatus.CLAIMED, claimed_by=moderator, claimed_at=now, updated_at=now)
        .execution_options(synchronize_session=False)
    )
    case = load_case(session, tenant_id, case_id)
    if getattr(result, "rowcount", 0) != 1:
        if case.status in (CaseStatus.DECIDED, CaseStatus.CLOSED):
            raise Conflict(f"case {case_id} is already {case.status}")
        raise Conflict(f"case {case_id} is claimed by another moderator")
    audit.append(
        session,
        actor=f"moderator:{moderator}",
        action="case.claimed",
        subject=f"case:{case_id}",
        payload={"expires_at": (now + claim_timeout).isoformat()},
        tenant_id=tenant_id,
        created_at=now,
    )
    return case


def claim_next(
    session: Session,
    tenant_id: int,
    moderator: str,
    *,
    now: datetime,
    claim_timeout: timedelta = DEFAULT_CLAIM_TIMEOUT,
) -> Case | None:
    """Claim the top claimable case, or None when the queue is empty."""
    check_moderator(moderator)
    query = (
        select(Case.id)
        .where(Case.tenant_id == tenant_id, claimable(now, claim_timeout))
        .order_by(Case.priority.desc(), Case.created_at, Case.id)
        .limit(1)
    )
    if session.get_bind().dialect.name == "postgresql":
        query = query.with_for_update(skip_locked=True)
    for _ in range(5):
        case_id = session.scalar(query)
        if case_id is None:
            return None
        try:
            return claim_case(
                session, tenant_id, case_id, moderator, now=now, claim_timeout=claim_timeout
            )
        except Conflict:
            continue
    return None


def release_case(
    session: Session, tenant_id: int, case_id: int, moderator: str, *, now: datetime
) -> Case:
    """Give a claimed case back to the queue; only its holder may."""
    result = session.execute(
        update(Case)
        .where(
            Case.tenant_id == tenant_id,
            Case.id == case_id,
            Case.status == CaseStatus.CLAIMED,
            Case.claimed_by == moderator,
        )
        .values(status=CaseStatus.OPEN, claimed_by=None, claimed_at=None, updated_at=now)
        .execution_options(synchronize_session=False)
    )
    case = load_case(session, tenant_id, case_id)
    if getattr(result, "rowcount", 0) != 1:
        raise Conflict(f"case {case_id} is not claimed by {moderator}")
    audit.append(
        session,
        actor=f"moderator:{moderator}",
        action="case.released",
        subject=f"case:{case_id}",
        tenant_id=tenant_id,
        created_at=now,
    )
    return case


def list_cases(
    session: Session,
    tenant_id: int,
    *,
    status: str | None = None,
    limit: int = 50,
    after_id: int | None = None,
) -> list[Case]:
    """Cases of the tenant newest first, optionally by status; page with ``after_id``."""
    _check_limit(limit)
    query = select(Case).where(Case.tenant_id == tenant_id)
    if status is not None:
        if status not in CaseStatus.__members__.values():
            raise InvalidInput(f"status {status!r} is not one of {', '.join(CaseStatus)}")
        query = query.where(Case.status == status)
    if after_id is not None:
        query = query.where(Case.id < after_id)
    return list(session.scalars(query.order_by(Case.id.desc()).limit(limit)))


@dataclass(frozen=True, slots=True)
class CaseDetail:
    case: Case
    item_external_id: str | None
    account_external_id: str | None
    report_count: int
    reasons: dict[str, int]
    trusted_flagger: bool
    reviews: list[Review]
    actions: list[Action]


def get_case(session: Session, tenant_id: int, case_id: int) -> CaseDetail:
    """One case with its report summary, reviews and actions (reporters are not named)."""
    case = load_case(session, tenant_id, case_id)
    scope = (Report.tenant_id == tenant_id, Report.case_id == case_id)
    reasons = {
        str(reason): int(n)
        for reason, n in session.execute(
            select(Report.reason, func.count()).where(*scope).group_by(Report.reason)
        )
    }
    trusted = session.scalar(select(func.count()).where(*scope, Report.trusted_flagger.is_(True)))
    reviews = session.scalars(
        select(Review)
        .where(Review.tenant_id == tenant_id, Review.case_id == case_id)
        .order_by(Review.id)
    ).all()
    actions = session.scalars(
        select(Action)
        .where(Action.tenant_id == tenant_id, Action.case_id == case_id)
        .order_by(Action.id)
    ).all()
    item = session.get(Item, case.item_id) if case.item_id is not None else None
    account = session.get(Account, case.account_id) if case.account_id is not None else None
    return CaseDetail(
        case=case,
        item_external_id=item.external_id if item else None,
        account_external_id=account.external_id if account else None,
        report_count=sum(reasons.values()),
        reasons=reasons,
        trusted_flagger=bool(trusted),
        reviews=list(reviews),
        actions=list(actions),
    )


def case_summary(case: Case, now: datetime, timeout: timedelta) -> dict[str, Any]:
    """JSON form of a case row; a claim past its timeout shows as expired."""
    expired = (
        case.status == CaseStatus.CLAIMED
        and case.claimed_at is not None
        and case.claimed_at < now - timeout
    )
    return {
        "id": case.id,
        "status": "open" if expired else str(case.status),
        "priority": case.priority,
        "reason": case.reason,
        "claimed_by": None if expired else case.claimed_by,
        "claim_expires_at": (
            (case.claimed_at + timeout).isoformat()
            if case.claimed_at is not None and case.status == CaseStatus.CLAIMED and not expired
            else None
        ),
        "created_at": case.created_at.isoformat(),
        "updated_at": case.updated_at.isoformat(),
    }


def load_case(session: Session, tenant_id: int, case_id: int, *, lock: bool = False) -> Case:
    query = (
        select(Case)
        .where(Case.tenant_id == tenant_id, Case.id == case_id)
        .execution_options(populate_existing=True)
    )
    if lock:
        query = query.with_for_update()
    case = session.scalars(query).one_or_none()
    if case is None:
        raise NotFound(f"case {case_id} not found")
    return case


def check_moderator(moderator: str) -> None:
    if not 0 < len(moderator) <= MAX_MODERATOR:
        raise InvalidInput(f"moderator id must be 1-{MAX_MODERATOR} characters")


def _check_limit(limit: int) -> None:
    if not 0 < limit <= MAX_PAGE:
        raise InvalidInput(f"limit must be 1-{MAX_PAGE}")
