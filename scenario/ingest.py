"""One simulated day of content: refuse posts by restricted authors, scan, ingest in batches.

A banned account cannot post and a suspended one cannot post until its suspension ends, so an
item whose author is restricted at the item's creation time is refused (counted, not stored), as
the platform would. Everything else is scanned by ``Scanner.scan`` and stored and enforced by
``enforce_batch`` in one transaction per batch, with ``now`` a few seconds after the newest item,
which is when a platform streaming its content would have sent it.
"""

from __future__ import annotations

import time
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Final

from sqlalchemy import select, text

from bastion.enforce.actions import ACTION_TARGET
from bastion.model import Item
from bastion.service import EnforcementOutcome, enforce_batch
from bastion.store.enums import AccountStatus
from bastion.store.models import Account as AccountRow
from scenario.generate import GenItem
from scenario.ledger import Decision
from scenario.world import CAMPAIGN_CATEGORIES, World, insert_accounts

BATCH: Final = 5000
INGEST_LAG: Final = timedelta(seconds=2)
ANALYZE_EVERY: Final = 20
APPEAL_ODDS: Final = {"wrong": 0.8, "occasional": 0.35, "regular": 0.3, "bad": 0.1}
CONTENT_KINDS: Final = ("remove_content", "disable_link")


class Timer:
    """Seconds spent per phase, summed over the days."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = defaultdict(float)

    def add(self, phase: str, began: float) -> None:
        self.seconds[phase] += time.perf_counter() - began


def restricted(world: World) -> dict[str, datetime | None]:
    """Authors who may not post: external id -> suspended until (None: banned)."""
    with world.store.transaction(readonly=True) as session:
        rows = session.execute(
            select(AccountRow.external_id, AccountRow.status, AccountRow.suspended_until).where(
                AccountRow.tenant_id == world.tenant_id,
                AccountRow.status.in_((AccountStatus.BANNED, AccountStatus.SUSPENDED)),
            )
        )
        return {
            r.external_id: None if r.status == AccountStatus.BANNED else r.suspended_until
            for r in rows
        }


@dataclass(slots=True)
class Clock:
    """The simulated time of the last ingest transaction, and how many batches ran."""

    now: datetime
    batches: int = 0


def ingest_day(world: World, day: int, timer: Timer, clock: Clock) -> list[GenItem]:
    """Generate, scan and ingest ``day``; returns the items stored (for reporters to see)."""
    platform = world.platform
    began = time.perf_counter()
    joiners = platform.joining(day)
    items = platform.profile_items(day) + platform.content_items(day)
    for item, _ in items:
        item.platform = world.slug
    items.sort(key=lambda e: _created(e[0]))
    timer.add("generate", began)
    began = time.perf_counter()
    with world.store.transaction() as session:
        insert_accounts(session, world.tenant_id, joiners)
    timer.add("ingest", began)
    stored: list[GenItem] = []
    for start in range(0, len(items), BATCH):
        batch = items[start : start + BATCH]
        now = max(_created(batch[-1][0]) + INGEST_LAG, clock.now + timedelta(milliseconds=1))
        clock.now = now
        began = time.perf_counter()
        blocked = restricted(world)
        keep = []
        for item, truth in batch:
            if item.account_id in blocked:
                until = blocked[item.account_id]
                if until is None or until > _created(item):
                    world.ledger.refused[item.surface] += 1
                    continue
            keep.append((item, truth))
        timer.add("ingest", began)
        began = time.perf_counter()
        scan = world.scanner.scan
        results = [scan(item) for item, _ in keep]
        timer.add("scan", began)
        began = time.perf_counter()
        with world.store.transaction() as session:
            outcomes = enforce_batch(
                session,
                tenant_id=world.tenant_id,
                items=[(item, result) for (item, _), result in zip(keep, results, strict=True)],
                ladder=world.ladder,
                now=now,
                campaign_ids=[world.campaign_id],
            )
        clock.batches += 1
        if world.store.dialect == "postgresql" and clock.batches % ANALYZE_EVERY == 1:
            with world.store.engine.connect() as conn:
                conn.execute(text("ANALYZE accounts, items, strikes, actions, violations"))
                conn.commit()
        timer.add("ingest", began)
        for (item, truth), outcome in zip(keep, outcomes, strict=True):
            _record(world, day, item, truth, outcome)
        stored.extend(keep)
    return stored


def _created(item: Item) -> datetime:
    assert item.created_at is not None
    return datetime.fromisoformat(item.created_at)


def _record(world: World, day: int, item: Item, truth: str, outcome: EnforcementOutcome) -> None:
    ledger = world.ledger
    if not outcome.created:
        raise RuntimeError(f"item {item.id} was already stored: the generator repeated an id")
    ledger.items[item.surface] += 1
    in_campaign = world.campaign_id in outcome.campaigns
    ledger.campaign_items += in_campaign
    acted = queued = False
    for decision in outcome.decisions:
        queued |= decision.status == "review"
        new = [a for a in decision.actions if a.created]
        if not new:
            continue
        acted = True
        for action in new:
            ledger.action(action.id, action.kind, "automation", decision.category, item.surface)
        if decision.strike_number > 0:
            ledger.strikes += 1
        if in_campaign and decision.category in CAMPAIGN_CATEGORIES:
            ledger.campaign_actions += len(new)
            ledger.campaign_links += sum(1 for a in new if a.kind == "disable_link")
            if outcome.account_id is not None and any(
                ACTION_TARGET[a.kind] == "account" for a in new
            ):
                ledger.campaign_accounts.add(outcome.account_id)
        if any(a.kind in CONTENT_KINDS for a in new):
            world.acted[item.id] = outcome.item_id
        plan_appeal(world, day, new[0].id, item.account_id, wrong=not truth)
    if truth:
        world.truth[item.id] = truth
        ledger.dirty_items += 1
        ledger.dirty_acted += acted
        ledger.dirty_queued += queued and not acted
    elif acted:
        ledger.clean_acted += 1


def plan_appeal(world: World, day: int, action_id: int, account: str, *, wrong: bool) -> None:
    """Decide now (seeded) whether and when the affected user will appeal this decision."""
    rng = world.appeal_rng
    kind = "wrong" if wrong else world.platform.by_ext[account].kind
    if rng.random() >= APPEAL_ODDS[kind]:
        return
    when = day + rng.randint(0, 3)
    if when < world.platform.config.days:
        world.appeal_plan[when].append(Decision(action_id, account, wrong, day))
