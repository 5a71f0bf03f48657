"""Every figure of the transparency report on the hand-built store of ``dataset.py``.

The expected numbers are worked out from the row tables in ``dataset.py`` (see the comments
there); each test runs on SQLite and on PostgreSQL.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from bastion.report import (
    Period,
    UnknownTenantError,
    read_snapshot,
    tenant_id_for_slug,
    transparency_stats,
)
from bastion.report.schema import GROUPS, MAX_DAYS, TransparencyStats
from bastion.store import Store
from bastion.store.models import Action
from tests.report.dataset import (
    FORMULA_CATEGORY,
    FROM,
    HOSTILE_NAME,
    HOSTILE_REASON,
    TO,
    Ids,
    build,
)

NOW = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)
ZERO = dict.fromkeys(GROUPS, 0)


def stats_for(store: Store, **kwargs: object) -> TransparencyStats:
    args: dict[str, object] = {"date_from": FROM, "date_to": TO, "now": NOW, **kwargs}
    return read_snapshot(store, lambda s: transparency_stats(s, **args))  # type: ignore[arg-type]


def row(**counts: int) -> dict[str, int]:
    return {**ZERO, **counts}


def test_action_groups_count_live_reversed_and_targets(seeded: tuple[Store, Ids]) -> None:
    stats = stats_for(seeded[0])
    got = {
        g: (s.tally.actions, s.tally.reversed, s.tally.live, s.targets)
        for g, s in stats.groups.items()
    }
    assert got == {
        "items_removed": (4, 0, 4, 3),  # A1 A5 A13 A14; i1 twice
        "links_disabled": (1, 1, 0, 0),  # A3 reversed on appeal: not a live removal
        "accounts_warned": (1, 0, 1, 1),
        "accounts_demonetized": (2, 1, 1, 1),  # A4 live, A9 reversed
        "accounts_suspended": (1, 0, 1, 1),
        "accounts_banned": (1, 0, 1, 1),
        "lighter_penalties": (2, 0, 2, 2),  # label on i5, follower freeze on a1
    }
    assert (stats.totals.actions, stats.totals.reversed, stats.totals.live) == (12, 2, 10)
    assert {k: (t.actions, t.reversed) for k, t in stats.by_kind.items() if t.actions} == {
        "remove_content": (4, 0),
        "disable_link": (1, 1),
        "warn": (1, 0),
        "suspend_monetization": (1, 0),
        "revoke_monetization": (1, 1),
        "temp_suspend": (1, 0),
        "ban": (1, 0),
        "label": (1, 0),
        "freeze_followers": (1, 0),
    }
    assert stats.by_kind["remove_followers"].actions == 0
    assert stats.generated_at == NOW
    assert stats.platforms == {"alpha": "Alpha Social", "evil": HOSTILE_NAME}


def test_breakdowns_of_live_actions(seeded: tuple[Store, Ids]) -> None:
    b = stats_for(seeded[0]).breakdowns
    assert b["reason"] == {
        "gambling": row(items_removed=3, accounts_warned=1, accounts_demonetized=1),
        "unspecified": row(accounts_suspended=1, lighter_penalties=1),
        FORMULA_CATEGORY: row(lighter_penalties=1),
        "porn": row(accounts_banned=1),
        "scam": row(items_removed=1),
    }
    assert list(b["reason"]) == ["gambling", "unspecified", FORMULA_CATEGORY, "porn", "scam"]
    assert b["platform"] == {
        "alpha": row(
            items_removed=4,
            accounts_warned=1,
            accounts_demonetized=1,
            accounts_suspended=1,
            lighter_penalties=1,
        ),
        "evil": row(accounts_banned=1, lighter_penalties=1),
    }
    assert b["surface"] == {
        "post": row(items_removed=2, accounts_warned=1, accounts_banned=1),
        "account": row(accounts_suspended=1, lighter_penalties=1),
        "bio": row(items_removed=1, accounts_demonetized=1),
        "chat": row(lighter_penalties=1),
        "comment": row(items_removed=1),
    }
    assert b["source"] == {
        "automated": row(
            items_removed=1,
            accounts_warned=1,
            accounts_suspended=1,
            accounts_banned=1,
            lighter_penalties=2,
        ),
        "review": row(items_removed=2, accounts_demonetized=1),
        "report": row(items_removed=1),
    }
    for dim in b:
        assert sum(sum(r.values()) for r in b[dim].values()) == 10


def test_reversals_time_to_action_and_daily(seeded: tuple[Store, Ids]) -> None:
    stats = stats_for(seeded[0])
    # A10 (taken 02-28) and A9 were reversed in the period; A3 only on 03-05.
    assert {k: n for k, n in stats.reversals_in_period.items() if n} == {
        "remove_content": 1,
        "revoke_monetization": 1,
    }
    tta = stats.time_to_action
    # i1 300 s, i2 7200 s, i3 3600 s, i4 320400 s; i5 has no created_at; i6 was first actioned
    # before the period.
    assert (tta.measured, tta.unmeasured, tta.median_seconds, tta.p90_seconds) == (
        4,
        1,
        5400.0,
        320400.0,
    )
    assert [(d.day.isoformat(), d.tally.actions, d.tally.reversed) for d in stats.daily] == [
        ("2026-03-01", 5, 1),
        ("2026-03-02", 3, 0),
        ("2026-03-03", 4, 1),  # includes A13 at 23:59:59.999999
    ]


def test_appeals(seeded: tuple[Store, Ids]) -> None:
    appeals = stats_for(seeded[0]).appeals
    assert dict(appeals.by_status) == {"open": 1, "granted": 2, "denied": 1, "withdrawn": 1}
    assert (appeals.filed, appeals.decided, appeals.upheld, appeals.granted) == (5, 3, 1, 2)
    assert appeals.reversal_rate == pytest.approx(2 / 3)
    assert appeals.by_group["items_removed"] == {
        "open": 0,
        "granted": 0,
        "denied": 1,
        "withdrawn": 1,
    }
    assert appeals.by_group["links_disabled"]["granted"] == 1
    assert appeals.by_group["accounts_demonetized"]["granted"] == 1
    assert appeals.by_group["accounts_banned"]["open"] == 1
    decision = appeals.decision_time
    assert (decision.measured, decision.median_seconds, decision.p90_seconds) == (
        3,
        7200.0,
        226800.0,
    )


def test_reports_and_their_outcomes(seeded: tuple[Store, Ids]) -> None:
    reports = stats_for(seeded[0]).reports
    assert (reports.received, reports.trusted_flagger) == (8, 2)
    assert list(reports.by_reason.items()) == [
        ("spam", 3),
        ("gambling", 2),
        (HOSTILE_REASON, 1),
        ("other", 1),
        ("scam", 1),
    ]
    assert dict(reports.by_platform) == {"alpha": 5, "evil": 3}
    assert dict(reports.outcomes) == {"actioned": 4, "reversed": 1, "dismissed": 1, "pending": 2}


def test_other_activity(seeded: tuple[Store, Ids]) -> None:
    activity = stats_for(seeded[0]).activity
    assert activity.items_ingested == 6
    assert dict(activity.violations_by_category) == {
        "gambling": 2,
        FORMULA_CATEGORY: 1,
        "phishing": 1,
        "scam": 1,
    }
    assert dict(activity.violations_by_mode) == {"enforce": 4, "shadow": 1}
    assert (activity.strikes.actions, activity.strikes.reversed) == (3, 1)
    assert dict(activity.strikes_by_category) == {"gambling": 1, "porn": 1, "scam": 1}
    assert activity.cases_opened == 4
    assert dict(activity.reviews_by_decision) == {"change_action": 1, "dismiss": 1, "uphold": 1}


def test_one_tenant(seeded: tuple[Store, Ids]) -> None:
    store, ids = seeded
    stats = stats_for(store, tenant_id=ids.tenants["alpha"])
    assert stats.tenant == "alpha"
    assert stats.platforms == {"alpha": "Alpha Social"}
    assert (stats.totals.actions, stats.totals.reversed) == (9, 1)
    assert list(stats.breakdowns["platform"]) == ["alpha"]
    assert stats.time_to_action.median_seconds == 3600.0  # i1, i2, i3 only
    assert stats.time_to_action.p90_seconds == 7200.0
    assert dict(stats.appeals.by_status) == {"open": 0, "granted": 1, "denied": 1, "withdrawn": 1}
    assert stats.reports.received == 5
    assert dict(stats.reports.outcomes) == {
        "actioned": 3,
        "reversed": 1,
        "dismissed": 1,
        "pending": 0,
    }
    assert [d.tally.actions for d in stats.daily] == [5, 3, 1]
    assert store.run(lambda s: tenant_id_for_slug(s, "evil")) == ids.tenants["evil"]
    with pytest.raises(UnknownTenantError, match="nope"):
        store.run(lambda s: tenant_id_for_slug(s, "nope"))
    with pytest.raises(UnknownTenantError):
        stats_for(store, tenant_id=999_999)


def test_period_bounds(seeded: tuple[Store, Ids]) -> None:
    store = seeded[0]
    day_after = stats_for(store, date_from=date(2026, 3, 4), date_to=date(2026, 3, 4))
    assert day_after.by_kind["remove_content"].actions == 1  # A11 at 03-04 00:00 exactly
    assert day_after.totals.actions == 1
    last_day = stats_for(store, date_from=TO, date_to=TO)
    assert last_day.totals.actions == 4
    empty = stats_for(store, date_from=date(2025, 1, 1), date_to=date(2025, 1, 31))
    assert empty.totals.actions == 0
    assert len(empty.daily) == 31
    assert empty.time_to_action.median_seconds is None
    assert empty.appeals.reversal_rate is None
    assert all(rows == {} for rows in empty.breakdowns.values())


def test_bad_periods_are_refused() -> None:
    with pytest.raises(ValueError, match="before it starts"):
        Period(date(2026, 3, 2), date(2026, 3, 1))
    with pytest.raises(ValueError, match="maximum"):
        Period(date(2000, 1, 1), date(2000, 1, 1) + timedelta(days=MAX_DAYS))
    with pytest.raises(TypeError):
        Period(datetime(2026, 3, 1, tzinfo=UTC), date(2026, 3, 2))


def test_naive_now_is_refused(store: Store) -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        store.run(
            lambda s: transparency_stats(
                s,
                date_from=FROM,
                date_to=TO,
                now=datetime(2026, 3, 1),
            )
        )


def test_read_snapshot_does_not_see_later_commits(seeded: tuple[Store, Ids]) -> None:
    """Figures of one report come from one snapshot even while other writers commit."""
    store, ids = seeded

    def count(session: Session) -> int:
        return int(session.scalar(select(func.count()).select_from(Action)) or 0)

    def write_meanwhile(session: Session) -> tuple[int, int]:
        before = count(session)
        with store.transaction() as other:
            other.add(
                Action(
                    tenant_id=ids.tenants["alpha"],
                    account_id=ids.accounts["a1"],
                    dedupe_key="late",
                    kind="warn",
                    actor="automation",
                    created_at=NOW,
                )
            )
        if store.dialect == "postgresql":
            assert session.scalar(text("SHOW transaction_isolation")) == "repeatable read"
            assert session.scalar(text("SHOW transaction_read_only")) == "on"
        return before, count(session)

    assert read_snapshot(store, write_meanwhile) == (14, 14)
    assert read_snapshot(store, count) == 15


@pytest.mark.postgres
def test_daily_buckets_ignore_the_session_time_zone(pg_schema_url: str, tmp_path: Path) -> None:
    """A session in Tokyo must still put A13 (23:59:59.999999 UTC) on the 3rd, not the 4th."""
    url = make_url(pg_schema_url)
    options = f"{url.query['options']} -ctimezone=Asia/Tokyo"
    tokyo = url.update_query_dict({"options": options}).render_as_string(hide_password=False)
    with Store.open(home=tmp_path, url=tokyo) as store:
        with store.transaction() as session:
            assert session.execute(text("SHOW timezone")).scalar_one() == "Asia/Tokyo"
        store.run(build)
        stats = stats_for(store)
    assert [d.tally.actions for d in stats.daily] == [5, 3, 4]
    assert stats.totals.actions == 12
