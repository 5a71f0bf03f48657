"""Queues scoped by role: a case whose decision would ban an account for good is senior work.

What upholding a case would do is the penalty ladder's plan for the case's finding and the
account's strikes, computed exactly as ``decide_case`` computes it (``proposed_plan``, no
writes). A plan holding a permanent ``ban``, or a moderator's escalation, puts the case in the
senior queue: a moderator does not see it in their queue, ``claim_next`` passes over it for
them, and claiming or deciding it (or changing a decision to a permanent ban) is ``Forbidden``
(403). Appeals are senior work as
well (``bastion.service.appeals``); the console asks for the senior role before listing them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Final

from sqlalchemy.orm import Session

from bastion.enforce import Ladder
from bastion.enforce.actions import ACTION_TARGET, PlannedAction
from bastion.service.decide import is_permanent_ban, prior_strikes
from bastion.service.errors import Conflict, Forbidden, InvalidInput
from bastion.service.findings import LABEL_ONLY, REMOVING_KINDS, finding_for
from bastion.service.review import (
    DEFAULT_CLAIM_TIMEOUT,
    MAX_PAGE,
    claim_case,
    list_queue,
    load_case,
)
from bastion.store.models import Account, Case, Item


@dataclass(frozen=True, slots=True)
class Proposal:
    """What upholding a case would do now: the ladder's actions and the finding they rest on."""

    actions: tuple[PlannedAction, ...]
    category: str
    severity: str
    strike_number: int

    @property
    def senior_only(self) -> bool:
        return any(is_permanent_ban(a) for a in self.actions)

    @property
    def kinds(self) -> tuple[str, ...]:
        return tuple(a.kind for a in self.actions)


def proposed_plan(session: Session, case: Case, ladder: Ladder, now: datetime) -> Proposal | None:
    """The ladder's plan for upholding ``case``, or None when it has nothing to rest on."""
    item = session.get(Item, case.item_id) if case.item_id is not None else None
    account_id = case.account_id if case.account_id is not None else (item and item.account_id)
    account = session.get(Account, account_id) if account_id is not None else None
    try:
        finding, _, _ = finding_for(session, case, item, None, None)
    except InvalidInput:
        return None
    priors = prior_strikes(session, case.tenant_id, account, item, finding.category)
    plan = ladder.decide(finding, finding.outcome, priors, now, confirmed=True)
    label_only = finding.category in LABEL_ONLY
    actions = tuple(
        p
        for p in plan.actions
        if not (label_only and p.kind in REMOVING_KINDS)
        and (
            (ACTION_TARGET[p.kind] == "account" and account is not None)
            or (ACTION_TARGET[p.kind] != "account" and item is not None)
        )
    )
    return Proposal(actions, finding.category, finding.severity, plan.strike_number)


ESCALATED: Final = "escalated by "
"""Reason prefix of a case a moderator escalated: it waits in the senior queue."""


def is_senior_case(session: Session, case: Case, ladder: Ladder, now: datetime) -> bool:
    """Senior work: escalated by a moderator, or upholding it would ban for good."""
    if case.reason.startswith(ESCALATED):
        return True
    proposal = proposed_plan(session, case, ladder, now)
    return proposal is not None and proposal.senior_only


def scoped_queue(
    session: Session,
    tenant_id: int,
    *,
    senior: bool,
    ladder: Ladder,
    now: datetime,
    only_senior: bool = False,
    limit: int = MAX_PAGE,
    claim_timeout: timedelta = DEFAULT_CLAIM_TIMEOUT,
) -> list[tuple[Case, bool]]:
    """Claimable cases this person may work, each with whether it is senior work.

    A moderator never sees senior work; ``only_senior`` lists the senior queue alone (which a
    moderator may not open: Forbidden)."""
    if only_senior and not senior:
        raise Forbidden("the senior queue needs the senior role")
    out = []
    for case in list_queue(session, tenant_id, now=now, limit=limit, claim_timeout=claim_timeout):
        flagged = is_senior_case(session, case, ladder, now)
        if (flagged and not senior) or (only_senior and not flagged):
            continue
        out.append((case, flagged))
    return out


def claim_scoped(
    session: Session,
    tenant_id: int,
    case_id: int,
    moderator: str,
    *,
    senior: bool,
    ladder: Ladder,
    now: datetime,
    claim_timeout: timedelta = DEFAULT_CLAIM_TIMEOUT,
) -> Case:
    """``claim_case``, refused (Forbidden) when a moderator reaches for senior work."""
    if not senior and is_senior_case(session, load_case(session, tenant_id, case_id), ladder, now):
        raise Forbidden(f"case {case_id} proposes a permanent ban: a senior moderator decides it")
    return claim_case(session, tenant_id, case_id, moderator, now=now, claim_timeout=claim_timeout)


def claim_next_scoped(
    session: Session,
    tenant_id: int,
    moderator: str,
    *,
    senior: bool,
    ladder: Ladder,
    now: datetime,
    only_senior: bool = False,
    claim_timeout: timedelta = DEFAULT_CLAIM_TIMEOUT,
) -> Case | None:
    """Claim the top case this person may work (the senior queue's top with ``only_senior``)."""
    for case, _ in scoped_queue(
        session,
        tenant_id,
        senior=senior,
        ladder=ladder,
        now=now,
        only_senior=only_senior,
        claim_timeout=claim_timeout,
    ):
        try:
            return claim_case(
                session, tenant_id, case.id, moderator, now=now, claim_timeout=claim_timeout
            )
        except Conflict:
            continue
    return None
