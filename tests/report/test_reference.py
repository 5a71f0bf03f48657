"""The SQL aggregates agree with a plain-Python recount of the same rows on random stores.

``dataset.py`` pins each figure by hand; this test covers the combinations nobody would write
out: several hundred random actions, appeals and reports around the period bounds, recounted
here from the rows themselves with the definitions of ``bastion.report.schema``.
"""

from __future__ import annotations

import random
import statistics
from collections import Counter
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from bastion.report import transparency_stats
from bastion.report.schema import GROUP_OF, NO_REASON, NO_SURFACE, SOURCES
from bastion.store import Store
from bastion.store.enums import ActionKind
from bastion.store.models import (
    Account,
    Action,
    Appeal,
    Case,
    Item,
    Report,
    Tenant,
    Violation,
)

FROM, TO = date(2026, 3, 1), date(2026, 3, 4)
START = datetime(2026, 3, 1, tzinfo=UTC)
END = datetime(2026, 3, 5, tzinfo=UTC)
SURFACES = ("post", "comment", "bio", "chat")
CATEGORIES = ("gambling", "scam", "porn", "<b>x</b>")
CONTENT = {"remove_content", "disable_link", "label"}


def when(rng: random.Random) -> datetime:
    """Mostly inside the period, often right on its edges."""
    if rng.random() < 0.2:
        edge = rng.choice((START, END))
        return edge + timedelta(microseconds=rng.choice((-1, 0, 1)))
    return START + timedelta(seconds=rng.randint(-3 * 86_400, 7 * 86_400))


def populate(session: Session, seed: int) -> None:
    rng = random.Random(seed)
    tenants = []
    for slug in ("t1", "t2"):
        tenant = Tenant(slug=slug, name=slug.upper(), created_at=START)
        session.add(tenant)
        session.flush()
        tenants.append(tenant.id)
    accounts = {t: [] for t in tenants}  # type: dict[int, list[int]]
    items = {t: [] for t in tenants}  # type: dict[int, list[tuple[int, int, list[int]]]]
    for n in range(8):
        t = tenants[n % 2]
        account = Account(tenant_id=t, external_id=f"a{n}", created_at=START)
        session.add(account)
        session.flush()
        accounts[t].append(account.id)
    for n in range(40):
        t = tenants[n % 2]
        created = None if rng.random() < 0.1 else when(rng) - timedelta(hours=rng.randint(0, 48))
        item = Item(
            tenant_id=t,
            external_id=f"i{n}",
            account_id=rng.choice(accounts[t]),
            surface=rng.choice(SURFACES),
            created_at=created,
            ingested_at=created or START,
        )
        session.add(item)
        session.flush()
        violations = []
        for position in range(rng.randint(0, 2)):
            v = Violation(
                tenant_id=t,
                item_id=item.id,
                position=position,
                rule="r",
                category=rng.choice(CATEGORIES),
                severity="high",
                confidence=1.0,
                outcome="remove",
                created_at=START,
                sources=rng.choice(("text", "qr", "ocr", "image_hash", "provenance", "qr,text")),
            )
            session.add(v)
            session.flush()
            violations.append(v.id)
        items[t].append((item.id, item.account_id or 0, violations))
    cases = {}
    for n in range(300):
        t = rng.choice(tenants)
        kind = rng.choice(list(ActionKind)).value
        item_id: int | None
        item_id, account_id, violations = rng.choice(items[t])
        if kind not in CONTENT and rng.random() < 0.3:
            item_id, violations = None, []
        created = when(rng)
        case = None
        if item_id is not None and rng.random() < 0.3:
            case = Case(tenant_id=t, item_id=item_id, status=rng.choice(("open", "decided")))
            session.add(case)
            session.flush()
            cases[case.id] = (t, item_id)
        action = Action(
            tenant_id=t,
            item_id=item_id,
            account_id=account_id,
            violation_id=rng.choice(violations) if violations and rng.random() < 0.8 else None,
            case_id=case.id if case else None,
            dedupe_key=f"k{n}",
            kind=kind,
            actor=rng.choice(("automation", "reviewer", "report")),
            created_at=created,
            reversed_at=created + timedelta(hours=rng.randint(1, 90))
            if rng.random() < 0.3
            else None,
        )
        session.add(action)
        session.flush()
        if rng.random() < 0.4:
            status = rng.choice(("open", "granted", "denied", "withdrawn"))
            filed = created + timedelta(hours=rng.randint(0, 30))
            session.add(
                Appeal(
                    tenant_id=t,
                    action_id=action.id,
                    appellant="u",
                    status=status,
                    created_at=filed,
                    decided_at=filed + timedelta(minutes=rng.randint(1, 5000))
                    if status in ("granted", "denied")
                    else None,
                )
            )
    for _ in range(120):
        t = rng.choice(tenants)
        item_id, account_id, _v = rng.choice(items[t])
        own_cases = [c for c, (ct, _i) in cases.items() if ct == t]
        account_only = rng.random() < 0.2
        session.add(
            Report(
                tenant_id=t,
                item_id=None if account_only else item_id,
                account_id=account_id if account_only else None,
                reason=rng.choice(("spam", "scam", "=x")),
                trusted_flagger=rng.random() < 0.2,
                case_id=rng.choice(own_cases) if own_cases and rng.random() < 0.5 else None,
                created_at=when(rng),
            )
        )
    session.flush()


def in_period(value: datetime | None) -> bool:
    return value is not None and START <= value < END


def recount(session: Session) -> dict[str, Any]:
    """The report's action, appeal and report figures, recounted row by row in Python."""
    actions = session.scalars(select(Action)).all()
    slugs = dict(session.execute(select(Tenant.id, Tenant.slug)).tuples().all())
    items = {i.id: i for i in session.scalars(select(Item))}
    categories = dict(session.execute(select(Violation.id, Violation.category)).tuples().all())
    found_by = dict(session.execute(select(Violation.id, Violation.sources)).tuples().all())
    taken = [a for a in actions if in_period(a.created_at)]
    by_kind = Counter((a.kind.value, a.reversed_at is not None) for a in taken)
    breakdown: Counter[tuple[str, str, str]] = Counter()
    targets: dict[str, set[tuple[str, int | None]]] = {}
    for a in taken:
        if a.reversed_at is not None:
            continue
        group = GROUP_OF[a.kind.value]
        item = items.get(a.item_id) if a.item_id else None
        breakdown["reason", categories.get(a.violation_id or -1, NO_REASON), group] += 1
        breakdown["platform", slugs[a.tenant_id], group] += 1
        breakdown["surface", item.surface if item else NO_SURFACE, group] += 1
        breakdown["source", SOURCES[a.actor.value], group] += 1
        detected = found_by.get(a.violation_id or -1, "none").replace(",", "+")
        breakdown["detected_by", detected, group] += 1
        target = ("i", a.item_id) if a.kind.value in CONTENT else ("a", a.account_id)
        targets.setdefault(group, set()).add(target)
    first: dict[int, datetime] = {}
    for a in actions:
        if a.item_id is not None:
            first[a.item_id] = min(first.get(a.item_id, a.created_at), a.created_at)
    waits = [
        (at - items[i].created_at).total_seconds()  # type: ignore[operator]
        for i, at in first.items()
        if in_period(at) and items[i].created_at is not None
    ]
    appeals = [p for p in session.scalars(select(Appeal)) if in_period(p.created_at)]
    case_status = dict(session.execute(select(Case.id, Case.status)).tuples().all())
    outcomes: Counter[str] = Counter()
    for r in session.scalars(select(Report)):
        if not in_period(r.created_at):
            continue
        hits = [
            a
            for a in actions
            if a.tenant_id == r.tenant_id
            and (
                (r.case_id is not None and a.case_id == r.case_id)
                or (r.item_id is not None and a.item_id == r.item_id)
                or (r.item_id is None and a.account_id == r.account_id)
            )
        ]
        if any(a.reversed_at is None for a in hits):
            outcomes["actioned"] += 1
        elif hits:
            outcomes["reversed"] += 1
        elif r.case_id is not None and case_status[r.case_id] in ("decided", "closed"):
            outcomes["dismissed"] += 1
        else:
            outcomes["pending"] += 1
    return {
        "by_kind": {k: (by_kind[k, False] + by_kind[k, True], by_kind[k, True]) for k in GROUP_OF},
        "breakdown": +breakdown,
        "targets": {g: len(s) for g, s in targets.items()},
        "median_wait": statistics.median(waits) if waits else None,
        "appeals": +Counter(p.status.value for p in appeals),
        "outcomes": +outcomes,
        "daily": +Counter(a.created_at.date() for a in taken),
    }


@pytest.mark.parametrize("seed", [1, 2])
def test_sql_figures_match_a_python_recount(store: Store, seed: int) -> None:
    store.run(lambda s: populate(s, seed))
    stats = store.run(lambda s: transparency_stats(s, date_from=FROM, date_to=TO), readonly=True)
    want = store.run(recount, readonly=True)
    assert {k: (t.actions, t.reversed) for k, t in stats.by_kind.items()} == want["by_kind"]
    got_breakdown = Counter(
        {
            (dim, key, group): n
            for dim, rows in stats.breakdowns.items()
            for key, row in rows.items()
            for group, n in row.items()
            if n
        }
    )
    assert got_breakdown == want["breakdown"]
    assert {g: s.targets for g, s in stats.groups.items() if s.targets} == want["targets"]
    assert stats.time_to_action.median_seconds == want["median_wait"]
    assert Counter({k: n for k, n in stats.appeals.by_status.items() if n}) == want["appeals"]
    assert Counter({k: n for k, n in stats.reports.outcomes.items() if n}) == want["outcomes"]
    assert (
        Counter({d.day: d.tally.actions for d in stats.daily if d.tally.actions}) == want["daily"]
    )
    assert stats.totals.actions > 100  # the random store really exercised the queries
