"""The human side of a simulated day: reporters, moderators, appellants, and the expiry sweep.

The evening shift (after content stops at 20:00) runs in order: users and trusted flaggers report
what they saw that day (20:00), moderators claim cases by priority and decide them (21:00),
users appeal decisions they planned to appeal and other moderators decide older appeals (22:00),
and due temporary restrictions are lifted (23:50). Ground truth plays the people: reporters
mostly report harmful items and sometimes clean ones, moderators judge by the truth with a small
error rate, and appeals of wrong decisions are usually granted. Every call goes through the
service functions the API uses, each in a savepoint so an expected refusal (rate limit,
conflict) leaves the rest of the shift intact.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from typing import Final

from sqlalchemy.orm import Session

from bastion.service.actions import lift_due_suspensions
from bastion.service.appeals import decide_appeal, file_appeal, involved_moderators
from bastion.service.decide import CaseOutcome, decide_case
from bastion.service.errors import Conflict, Forbidden, InvalidInput, RateLimited
from bastion.service.reports import REPORT_REASONS, Reporter, file_report
from bastion.service.review import claim_next
from bastion.store.models import Account, Action, Item
from scenario.generate import GenItem
from scenario.ingest import plan_appeal, restricted
from scenario.ledger import Decision
from scenario.world import MODERATORS, TRUSTED_FLAGGERS, World

REPORT_ODDS: Final = {"public": 0.25, "chat": 0.3, "trusted": 0.5, "account": 0.04}
FALSE_REPORT_RATE: Final = 0.0003
MODERATOR_ERROR: Final = 0.03
CHANGE_ACTION_RATE: Final = 0.05
GRANT_ODDS: Final = {True: 0.9, False: 0.08}
APPEAL_TEXTS: Final = (
    "This was a joke between friends, not an advert.",
    "I only shared this link to warn people about it.",
    "我没有发过广告，请复核。",
    "Wrong account, I never posted this.",
    "这是正常的分享，不是违规内容。",
)


def capacity(world: World) -> int:
    """Decisions the moderation team makes per evening, scaled to the platform."""
    return max(40, world.platform.config.accounts // 60)


def report_day(world: World, day: int, items: list[GenItem]) -> None:
    rng = world.rng("reports", day)
    accounts = world.platform.accounts
    plan: list[tuple[Reporter, str, str | None, str | None]] = []
    hidden = restricted(world)  # a banned or suspended author's content is not on show
    for item, truth in items:
        if not truth or item.id in world.acted or item.account_id in hidden:
            continue
        reason = truth if truth in REPORT_REASONS and rng.random() > 0.1 else "other"
        odds = REPORT_ODDS["chat" if item.surface == "chat" else "public"]
        if rng.random() < odds:
            for _ in range(1 + (rng.random() < 0.3) + (rng.random() < 0.15)):
                who = rng.choice(accounts).ext
                plan.append((Reporter(id=who), reason, item.id, None))
                if rng.random() < 0.05:  # the same user reports it again: merged, not counted
                    plan.append((Reporter(id=who), reason, item.id, None))
        if item.surface != "chat" and rng.random() < REPORT_ODDS["trusted"]:
            flagger = Reporter(id=rng.choice(TRUSTED_FLAGGERS), trusted=True)
            plan.append((flagger, truth if truth in REPORT_REASONS else "other", item.id, None))
    clean = [i for i, t in items if not t and i.surface != "chat"]
    for item in rng.sample(clean, min(len(clean), round(len(clean) * FALSE_REPORT_RATE) + 1)):
        plan.append(
            (Reporter(id=rng.choice(accounts).ext), rng.choice(REPORT_REASONS), item.id, None)
        )
    for account in world.platform.accounts:
        visible = account.kind == "bad" and account.joined_day <= day and account.ext not in hidden
        if visible and rng.random() < REPORT_ODDS["account"]:
            reason = account.category if account.category in REPORT_REASONS else "other"
            plan.append((Reporter(id=rng.choice(accounts).ext), reason, None, account.ext))
    ledger = world.ledger
    with world.store.transaction() as session:
        for n, (reporter, reason, item_id, account_id) in enumerate(plan):
            now = world.at(day, 20) + timedelta(seconds=n)
            try:
                with session.begin_nested():
                    receipt = file_report(
                        session,
                        world.tenant_id,
                        reason=reason,
                        reporter=reporter,
                        now=now,
                        config=world.reports,
                        item_id=item_id,
                        account_id=account_id,
                    )
            except RateLimited:
                ledger.reports["rate_limited"] += 1
                continue
            ledger.reports["filed"] += 1
            ledger.reports["trusted"] += reporter.trusted
            ledger.reports["merged"] += receipt.merged
            ledger.report_reasons[reason] += 1


def review_day(world: World, day: int) -> None:
    rng = world.rng("review", day)
    with world.store.transaction() as session:
        for n in range(capacity(world)):
            moderator = MODERATORS[n % len(MODERATORS)]
            now = world.at(day, 21) + timedelta(seconds=n)
            case = claim_next(session, world.tenant_id, moderator, now=now)
            if case is None:
                break
            item = session.get(Item, case.item_id) if case.item_id is not None else None
            if item is not None:
                truth = world.truth.get(item.external_id, "")
                harmful = bool(truth)
                scanned = any(
                    v.get("mode", "enforce") == "enforce"
                    for v in (item.result or {}).get("violations") or []
                )
                category = None if scanned else truth or None
            else:
                assert case.account_id is not None
                ext = _account_ext(session, case.account_id)
                account = world.platform.by_ext[ext]
                harmful = account.kind == "bad"
                category = account.category if harmful else None
            if not harmful and rng.random() < MODERATOR_ERROR:
                harmful, category = True, category or _reported_reason(case.reason)
            if not harmful:
                _decide(world, session, case.id, moderator, "dismiss", now, item)
                continue
            change = item is not None and rng.random() < CHANGE_ACTION_RATE
            outcome = _decide(
                world, session, case.id, moderator, "uphold", now, item, category, change
            )
            if outcome is None and item is None:  # the ladder only had content actions
                _decide(world, session, case.id, moderator, "warn", now, item, category)


def _reported_reason(reason: str) -> str:
    """A moderator who wrongly upholds goes with what the case was opened for."""
    tail = reason.partition(":")[2].split("/")[0].split(" ")[0]
    return tail if tail in REPORT_REASONS and tail != "other" else "scam"


def _account_ext(session: Session, account_id: int) -> str:
    row = session.get(Account, account_id)
    if row is None:
        raise RuntimeError(f"account row {account_id} vanished")
    return row.external_id


def _decide(
    world: World,
    session: Session,
    case_id: int,
    moderator: str,
    decision: str,
    now: datetime,
    item: Item | None,
    category: str | None = None,
    change: bool = False,
) -> CaseOutcome | None:
    """Decide one claimed case; None when the ladder had nothing that fits the target."""
    verdict, action_kind = decision, None
    if decision == "warn":
        verdict, action_kind = "change_action", "warn"
    elif change:
        verdict, action_kind = "change_action", "remove_content"
    try:
        with session.begin_nested():
            outcome = decide_case(
                session,
                world.tenant_id,
                case_id,
                moderator=moderator,
                decision=verdict,
                now=now,
                ladder=world.ladder,
                action_kind=action_kind,
                category=category,
            )
    except InvalidInput:
        return None
    _record_case(world, session, outcome, item, now)
    return outcome


def _record_case(
    world: World, session: Session, outcome: CaseOutcome, item: Item | None, now: datetime
) -> None:
    ledger = world.ledger
    ledger.reviews[str(outcome.review.decision)] += 1
    if not outcome.actions:
        return
    category = str(outcome.statement["category"]) if outcome.statement else "unspecified"
    for action in outcome.actions:
        reason = category if action.violation_id is not None else "unspecified"
        surface = item.surface if item is not None and action.item_id is not None else "account"
        ledger.action(action.id, str(action.kind), "reviewer", reason, surface)
    if outcome.strike is not None and outcome.strike.created_at == now:
        ledger.strikes += 1
    if item is not None:
        assert item.account_id is not None
        ext = _account_ext(session, item.account_id)
        wrong = item.external_id not in world.truth
    else:
        assert outcome.case.account_id is not None
        ext = _account_ext(session, outcome.case.account_id)
        wrong = world.platform.by_ext[ext].kind != "bad"
    day = (now.date() - world.platform.config.start).days
    plan_appeal(world, day, outcome.actions[0].id, ext, wrong=wrong)


def appeal_day(world: World, day: int) -> None:
    """File today's planned appeals, then decide the appeals filed on earlier days."""
    rng = world.rng("appeals", day)
    ledger = world.ledger
    with world.store.transaction() as session:
        for n, decision in enumerate(world.appeal_plan.pop(day, [])):
            now = world.at(day, 22) + timedelta(seconds=n)
            try:
                with session.begin_nested():
                    appeal = file_appeal(
                        session,
                        world.tenant_id,
                        decision.action_id,
                        appellant=decision.account,
                        text=rng.choice(APPEAL_TEXTS),
                        now=now,
                    )
            except (Conflict, Forbidden) as exc:
                ledger.appeals[f"refused:{type(exc).__name__}"] += 1
                continue
            ledger.appeals["filed"] += 1
            world.open_appeals.append((appeal.id, decision, day))
        waiting = []
        for n, (appeal_id, decision, filed) in enumerate(world.open_appeals):
            if filed >= day or rng.random() < 0.3:  # a backlog: not every appeal is taken daily
                waiting.append((appeal_id, decision, filed))
                continue
            now = world.at(day, 23) + timedelta(seconds=n)
            _decide_appeal(world, session, appeal_id, decision, now, rng)
        world.open_appeals = waiting


def _decide_appeal(
    world: World,
    session: Session,
    appeal_id: int,
    decision: Decision,
    now: datetime,
    rng: random.Random,
) -> None:
    action = session.get(Action, decision.action_id)
    assert action is not None
    involved = involved_moderators(session, world.tenant_id, action)
    eligible = [m for m in MODERATORS if m not in involved]
    moderator = eligible[rng.randrange(len(eligible))]
    grant = rng.random() < GRANT_ODDS[decision.wrong]
    outcome = decide_appeal(
        session, world.tenant_id, appeal_id, moderator=moderator, grant=grant, now=now
    )
    world.ledger.appeals["granted" if grant else "denied"] += 1
    if outcome.reversal is not None:
        world.ledger.reverse([a.id for a in outcome.reversal.actions])
        world.ledger.strikes_reversed += len(outcome.reversal.strikes)


def lift_day(world: World, day: int) -> None:
    """Lift every temporary restriction due by the end of the day."""
    now = world.at(day, 23.9)
    while True:
        with world.store.transaction() as session:
            changes = lift_due_suspensions(session, now, limit=1000)
        world.ledger.lifted += len(changes)
        if len(changes) < 1000:
            return
