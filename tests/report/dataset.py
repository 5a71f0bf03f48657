"""A small store with known actions, appeals, reports and reviews, written as model rows.

Period under test: 2026-03-01 .. 2026-03-03 (UTC, inclusive). Rows just outside it (02-28 and
03-04 00:00) check the bounds. Every expected figure in ``test_stats.py`` is derived by hand from
the tables below; the comments beside each row say what it is there to exercise.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy.orm import Session

from bastion.store.models import (
    Account,
    Action,
    Appeal,
    Case,
    Item,
    Report,
    Review,
    Strike,
    Tenant,
    Violation,
)

FROM = date(2026, 3, 1)
TO = date(2026, 3, 3)
HOSTILE_NAME = "<script>alert(1)</script>"
HOSTILE_REASON = "<svg onload=alert(3)>"
FORMULA_CATEGORY = "=1+1"


def ts(day: int, hour: int = 0, minute: int = 0, second: int = 0, micro: int = 0) -> datetime:
    """A UTC instant in March 2026 (day 28 means February 28, day 27 February 27)."""
    month = 2 if day >= 27 else 3
    return datetime(2026, month, day, hour, minute, second, micro, tzinfo=UTC)


@dataclass
class Ids:
    tenants: dict[str, int] = field(default_factory=dict)
    accounts: dict[str, int] = field(default_factory=dict)
    items: dict[str, int] = field(default_factory=dict)
    violations: dict[str, int] = field(default_factory=dict)
    cases: dict[str, int] = field(default_factory=dict)
    actions: dict[str, int] = field(default_factory=dict)


def build(session: Session) -> Ids:
    """Insert the fixture rows; returns their ids by fixture name."""
    ids = Ids()

    def add(row: Any) -> Any:
        session.add(row)
        session.flush()
        return row

    for key, slug, name in (("alpha", "alpha", "Alpha Social"), ("evil", "evil", HOSTILE_NAME)):
        ids.tenants[key] = add(Tenant(slug=slug, name=name, created_at=ts(27))).id
    alpha, evil = ids.tenants["alpha"], ids.tenants["evil"]
    for key, tenant in (("a1", alpha), ("a2", alpha), ("b1", evil)):
        ids.accounts[key] = add(Account(tenant_id=tenant, external_id=key, created_at=ts(27))).id

    items = {
        # key: tenant, account, surface, created_at, ingested_at
        "i1": (alpha, "a1", "post", ts(1, 9), ts(1, 9)),
        "i2": (alpha, "a1", "comment", ts(1, 10), ts(1, 10)),
        "i3": (alpha, "a2", "bio", ts(2, 0), ts(2, 0)),
        "i4": (evil, "b1", "post", ts(27, 12), ts(27, 12)),  # created before the period
        "i5": (evil, "b1", "chat", None, ts(3, 1)),  # no created_at: unmeasured
        "i6": (alpha, "a2", "post", ts(28), ts(28)),  # first actioned before the period
        "i8": (alpha, "a1", "post", ts(3, 2), ts(3, 2)),  # reported, never actioned
        "i9": (evil, "b1", "comment", ts(3, 2), ts(3, 2)),  # reported, no case yet
    }
    for key, (tenant, owner, surface, created, ingested) in items.items():
        ids.items[key] = add(
            Item(
                tenant_id=tenant,
                external_id=key,
                account_id=ids.accounts[owner],
                surface=surface,
                text=f"text of {key}",
                created_at=created,
                ingested_at=ingested,
            )
        ).id

    violations = {
        # key: item, category, mode, created_at
        "v1": ("i1", "gambling", "enforce", ts(1, 9, 1)),
        "v2": ("i2", "scam", "enforce", ts(1, 10, 1)),
        "v3": ("i3", "gambling", "enforce", ts(2, 0, 1)),
        "v4": ("i4", "porn", "enforce", ts(27, 12, 1)),
        "v5": ("i5", "phishing", "shadow", ts(3, 1, 1)),
        "v6": ("i5", FORMULA_CATEGORY, "enforce", ts(3, 1, 1)),
        "v7": ("i6", "gambling", "enforce", ts(28, 0, 1)),
    }
    position: dict[str, int] = {}
    for key, (item_key, category, mode, created) in violations.items():
        tenant = items[item_key][0]
        position[item_key] = position.get(item_key, -1) + 1
        ids.violations[key] = add(
            Violation(
                tenant_id=tenant,
                item_id=ids.items[item_key],
                position=position[item_key],
                rule="link.listed",
                category=category,
                severity="high",
                confidence=1.0,
                outcome="remove",
                mode=mode,
                created_at=created,
            )
        ).id

    cases = {
        # key: tenant, item, account, status, created_at
        "c1": (alpha, "i2", None, "decided", ts(1, 11)),
        "c2": (alpha, "i3", None, "closed", ts(1, 12)),
        "c3": (evil, None, "b1", "open", ts(2, 5)),
        "c4": (alpha, "i8", None, "decided", ts(3, 3)),
        "c5": (alpha, "i6", None, "closed", ts(28, 1)),  # before the period
    }
    for key, (tenant, item, account, status, created) in cases.items():
        ids.cases[key] = add(
            Case(
                tenant_id=tenant,
                item_id=ids.items[item] if item else None,
                account_id=ids.accounts[account] if account else None,
                status=status,
                created_at=created,
            )
        ).id

    actions = {
        # key: tenant, kind, actor, item, account, violation, created_at, reversed_at
        "A1": (alpha, "remove_content", "automation", "i1", "a1", "v1", ts(1, 9, 5), None),
        "A2": (alpha, "warn", "automation", "i1", "a1", "v1", ts(1, 9, 5), None),
        "A3": (alpha, "disable_link", "report", "i2", "a1", "v2", ts(1, 12), ts(5)),
        "A4": (alpha, "suspend_monetization", "reviewer", "i3", "a2", "v3", ts(2, 1), None),
        "A5": (alpha, "remove_content", "reviewer", "i3", "a2", "v3", ts(2, 2), None),
        "A6": (alpha, "temp_suspend", "automation", None, "a2", None, ts(2, 3), None),
        "A7": (evil, "ban", "automation", "i4", "b1", "v4", ts(3, 5), None),
        "A8": (evil, "label", "automation", "i5", "b1", "v6", ts(3, 6), None),
        "A9": (evil, "revoke_monetization", "reviewer", None, "b1", None, ts(3, 7), ts(3, 9)),
        "A10": (alpha, "remove_content", "automation", "i6", "a2", "v7", ts(28, 10), ts(1, 10)),
        "A11": (alpha, "remove_content", "automation", "i2", "a1", "v2", ts(4), None),
        "A12": (alpha, "freeze_followers", "automation", None, "a1", None, ts(1, 20), None),
        "A13": (
            *(alpha, "remove_content", "report", "i2", "a1", "v2"),
            ts(3, 23, 59, 59, 999_999),  # the last instant of the inclusive end day
            None,
        ),
        "A14": (alpha, "remove_content", "reviewer", "i1", "a1", "v1", ts(1, 9, 30), None),
    }
    for key, (
        tenant,
        kind,
        actor,
        item,
        account,
        violation,
        created,
        reversed_at,
    ) in actions.items():
        ids.actions[key] = add(
            Action(
                tenant_id=tenant,
                item_id=ids.items[item] if item else None,
                account_id=ids.accounts[account] if account else None,
                violation_id=ids.violations[violation] if violation else None,
                dedupe_key=f"fixture:{key}",
                kind=kind,
                actor=actor,
                reason=f"fixture {key}",
                created_at=created,
                reversed_at=reversed_at,
                reversed_by="moderator:m1" if reversed_at else None,
            )
        ).id

    appeals = [
        # action, status, created_at, decided_at
        ("A1", "denied", ts(1, 10), ts(1, 12)),
        ("A3", "granted", ts(2, 9), ts(5)),
        ("A9", "granted", ts(3, 8), ts(3, 9)),
        ("A7", "open", ts(3, 10), None),
        ("A5", "withdrawn", ts(2, 4), None),
        ("A10", "granted", ts(28, 11), ts(1, 10)),  # filed before the period
        ("A12", "open", ts(4), None),  # filed after the period
    ]
    for action, status, created, decided in appeals:
        row = session.get(Action, ids.actions[action])
        assert row is not None
        add(
            Appeal(
                tenant_id=row.tenant_id,
                action_id=row.id,
                appellant="user",
                status=status,
                created_at=created,
                decided_at=decided,
                decided_by="moderator:m2" if decided else None,
            )
        )

    reports = [
        # tenant, item, account, reason, trusted, case, created_at
        (alpha, "i2", None, "scam", False, "c1", ts(1, 11)),  # actioned (A13 live)
        (alpha, "i3", None, "gambling", True, "c2", ts(1, 12)),  # actioned
        (alpha, None, "a2", "spam", False, None, ts(2, 6)),  # account report, actioned (A6)
        (evil, None, "b1", HOSTILE_REASON, False, "c3", ts(2, 5)),  # actioned (A7 ban)
        (alpha, "i6", None, "gambling", False, None, ts(3, 1)),  # reversed (A10 only)
        (alpha, "i8", None, "other", True, "c4", ts(3, 3)),  # dismissed
        (evil, "i9", None, "spam", False, None, ts(3, 4)),  # pending: no case
        (evil, "i9", None, "spam", False, "c3", ts(3, 4, 30)),  # pending: case open
        (alpha, "i1", None, "spam", False, None, ts(28, 23)),  # before the period
        (alpha, "i1", None, "spam", False, None, ts(4)),  # after the period
    ]
    for tenant, item, account, reason, trusted, case, created in reports:
        add(
            Report(
                tenant_id=tenant,
                item_id=ids.items[item] if item else None,
                account_id=ids.accounts[account] if account else None,
                reason=reason,
                trusted_flagger=trusted,
                case_id=ids.cases[case] if case else None,
                reporter_id="reporter",
                created_at=created,
            )
        )

    strikes = [
        # tenant, account, item, category, created_at, reversed_at
        (alpha, "a1", "i1", "gambling", ts(1, 9, 5), None),
        (alpha, "a1", "i2", "scam", ts(1, 12), ts(5)),
        (evil, "b1", "i4", "porn", ts(3, 5), None),
        (alpha, "a2", "i6", "gambling", ts(28, 10), None),
    ]
    for tenant, account, item, category, created, reversed_at in strikes:
        add(
            Strike(
                tenant_id=tenant,
                account_id=ids.accounts[account],
                item_id=ids.items[item],
                category=category,
                severity="high",
                created_at=created,
                reversed_at=reversed_at,
            )
        )

    reviews = [("c1", "uphold", ts(1, 13)), ("c2", "change_action", ts(2, 2)),
               ("c4", "dismiss", ts(3, 3, 30)), ("c5", "uphold", ts(28, 2))]  # fmt: skip
    for case, decision, created in reviews:
        case_row = session.get(Case, ids.cases[case])
        assert case_row is not None
        add(
            Review(
                tenant_id=case_row.tenant_id,
                case_id=case_row.id,
                moderator="m1",
                decision=decision,
                created_at=created,
            )
        )
    return ids
