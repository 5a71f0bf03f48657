"""Ingest through the real store (SQLite and PostgreSQL): idempotency, the ladder, state, audit."""

from __future__ import annotations

import gc
from datetime import datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import func, select

from bastion import model
from bastion.enforce import Ladder, to_dsa
from bastion.model import InputError, ScanResult
from bastion.service import enforce_batch, enforce_result
from bastion.service import ingest as ingest_module
from bastion.service.accounts import statement_from_dict
from bastion.service.ingest import EnforcementOutcome
from bastion.store import Store, audit
from bastion.store.models import (
    Account,
    Action,
    AuditEvent,
    Case,
    Entity,
    Item,
    Strike,
    Violation,
)
from tests.service.conftest import T0, TenantInfo, clean, make_tenant, scanned


def run(
    store: Store,
    tenant: TenantInfo,
    pairs: list[tuple[model.Item, ScanResult]],
    ladder: Ladder,
    now: datetime = T0,
    **kw: Any,
) -> list[EnforcementOutcome]:
    with store.transaction() as session:
        return enforce_batch(
            session, tenant_id=tenant.id, items=pairs, ladder=ladder, now=now, **kw
        )


def count(store: Store, model: type, *where: Any) -> int:
    with store.transaction(readonly=True) as session:
        return int(session.scalar(select(func.count()).select_from(model).where(*where)) or 0)


def account(store: Store, tenant: TenantInfo, external: str) -> Account:
    with store.transaction(readonly=True) as session:
        return session.scalars(
            select(Account).where(Account.tenant_id == tenant.id, Account.external_id == external)
        ).one()


def test_same_item_twice_adds_one_strike_and_one_action_set(
    store: Store, tenant: TenantInfo, ladder: Ladder
) -> None:
    first = run(store, tenant, [scanned("g1")], ladder)[0]
    assert first.created and not first.duplicate
    assert [a.kind for a in first.actions] == ["disable_link", "warn"]
    assert first.decisions[0].strike_number == 1
    again = run(store, tenant, [scanned("g1")], ladder, now=T0 + timedelta(hours=1))[0]
    assert again.duplicate and not again.created
    assert [a.id for a in again.actions] == [a.id for a in first.actions]
    assert not any(a.created for a in again.actions)
    assert count(store, Strike) == 1
    assert count(store, Action) == 2
    assert count(store, Item) == 1
    assert count(store, Violation) == 1
    assert count(store, Entity) == 1
    with store.transaction(readonly=True) as session:
        assert audit.verify(session).ok
        assert session.scalar(select(func.count()).select_from(AuditEvent)) == 1


def test_duplicate_inside_one_batch_is_processed_once(
    store: Store, tenant: TenantInfo, ladder: Ladder
) -> None:
    outcomes = run(store, tenant, [scanned("g1"), scanned("g1")], ladder)
    assert not outcomes[0].duplicate and outcomes[1].duplicate
    assert [a.id for a in outcomes[1].actions] == [a.id for a in outcomes[0].actions]
    assert count(store, Strike) == 1 and count(store, Action) == 2


def test_ladder_escalates_across_transactions_and_applies_account_state(
    store: Store, tenant: TenantInfo, ladder: Ladder
) -> None:
    steps = []
    for n in range(1, 5):
        now = T0 + timedelta(days=n)
        outcome = run(store, tenant, [scanned(f"g{n}")], ladder, now=now)[0]
        steps.append((outcome.decisions[0].strike_number, [a.kind for a in outcome.actions]))
        state = account(store, tenant, "u-1")
        if n == 2:
            assert state.monetization == "suspended" and state.status == "active"
        if n == 3:
            assert state.status == "suspended"
            assert state.suspended_until == now + timedelta(days=7)
    assert steps == [
        (1, ["disable_link", "warn"]),
        (2, ["disable_link", "suspend_monetization"]),
        (3, ["remove_content", "temp_suspend"]),
        (4, ["disable_link", "ban"]),
    ]
    state = account(store, tenant, "u-1")
    assert state.status == "banned" and state.suspended_until is None
    with store.transaction(readonly=True) as session:
        removed = session.scalars(select(Item).where(Item.external_id == "g3")).one()
        assert removed.content_removed and not removed.link_disabled
        first = session.scalars(select(Item).where(Item.external_id == "g1")).one()
        assert first.link_disabled and not first.content_removed


def test_ladder_escalates_within_one_batch_like_across_batches(
    store: Store, tenant: TenantInfo, ladder: Ladder
) -> None:
    outcomes = run(store, tenant, [scanned(f"g{n}") for n in range(1, 5)], ladder)
    assert [o.decisions[0].strike_number for o in outcomes] == [1, 2, 3, 4]
    assert account(store, tenant, "u-1").status == "banned"


FOLLOWERS = """\
version: 1
decay: 90d
ladders:
  default:
    low: [warn]
    medium: [warn]
    high: [[disable_link, remove_followers]]
    critical: [ban]
"""


def test_account_action_moves_updated_at_even_when_the_state_stays(
    store: Store, tenant: TenantInfo, ladder: Ladder
) -> None:
    """Removing the followers of an account that has none changes no field but is a write of
    them (as the ORM marked the account dirty): ``updated_at`` records it; a warning writes
    nothing. (A ban on a banned account is no longer taken at all: see test_in_force_ingest.)"""
    followers = Ladder.from_text(FOLLOWERS, "followers.yaml")
    run(store, tenant, [scanned("g1")], followers)
    first = account(store, tenant, "u-1")
    assert (first.follower_count, first.updated_at) == (0, T0)
    later = T0 + timedelta(days=1)
    outcome = run(store, tenant, [scanned("g2")], followers, now=later)[0]
    assert [a.kind for a in outcome.actions] == ["disable_link", "remove_followers"]
    again = account(store, tenant, "u-1")
    assert (again.status, again.follower_count, again.updated_at) == ("active", 0, later)
    run(store, tenant, [clean("c1", account="u-2")], ladder)
    warned = run(store, tenant, [scanned("w1", account="u-2")], ladder, now=later)
    assert [a.kind for a in warned[0].actions] == ["disable_link", "warn"]
    assert account(store, tenant, "u-2").updated_at == T0


def test_gc_is_paused_for_a_batch_and_left_as_the_caller_had_it(
    store: Store, tenant: TenantInfo, ladder: Ladder, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[bool] = []
    real = ingest_module._enforce_batch

    def spy(*args: Any, **kw: Any) -> list[EnforcementOutcome]:
        seen.append(gc.isenabled())
        return real(*args, **kw)

    monkeypatch.setattr(ingest_module, "_enforce_batch", spy)
    assert gc.isenabled()
    run(store, tenant, [clean("c1")], ladder)
    assert seen == [False] and gc.isenabled()
    gc.disable()
    try:
        with ingest_module.paused_gc():
            run(store, tenant, [clean("c2")], ladder)
        assert not gc.isenabled()
    finally:
        gc.enable()
    with pytest.raises(RuntimeError), ingest_module.paused_gc():
        raise RuntimeError("a failed batch")
    assert gc.isenabled()


def test_strikes_decay_and_other_accounts_do_not_count(
    store: Store, tenant: TenantInfo, ladder: Ladder
) -> None:
    run(store, tenant, [scanned("old")], ladder, now=T0)
    other = run(store, tenant, [scanned("x", account="u-2")], ladder, now=T0 + timedelta(days=1))
    assert other[0].decisions[0].strike_number == 1
    later = run(store, tenant, [scanned("new")], ladder, now=T0 + timedelta(days=91))[0]
    assert later.decisions[0].strike_number == 1
    assert [a.kind for a in later.actions] == ["disable_link", "warn"]


def test_edited_item_is_rescanned_without_a_second_strike(
    store: Store, tenant: TenantInfo, ladder: Ladder
) -> None:
    run(store, tenant, [scanned("g1")], ladder)
    edited = scanned("g1", text="now at bet-example.com !!")
    outcome = run(store, tenant, [edited], ladder, now=T0 + timedelta(hours=2))[0]
    assert not outcome.duplicate and not outcome.created
    assert outcome.decisions[0].repeat and outcome.decisions[0].actions == []
    assert count(store, Strike) == 1 and count(store, Action) == 2
    assert count(store, Violation) == 2
    with store.transaction(readonly=True) as session:
        row = session.scalars(select(Item).where(Item.external_id == "g1")).one()
        assert row.text == "now at bet-example.com !!"


def test_new_category_on_edited_item_is_enforced(
    store: Store, tenant: TenantInfo, ladder: Ladder
) -> None:
    run(store, tenant, [scanned("p1")], ladder)
    phish = scanned("p1", category="phishing", outcome="remove", domain="login-bank.example")
    outcome = run(store, tenant, [phish], ladder, now=T0 + timedelta(hours=1))[0]
    assert [a.kind for a in outcome.actions] == ["remove_content", "temp_suspend"]
    assert count(store, Strike) == 2


def test_review_outcome_opens_one_case_per_item_and_merges(
    store: Store, tenant: TenantInfo, ladder: Ladder
) -> None:
    first = run(store, tenant, [scanned("r1", outcome="review", severity="medium")], ladder)[0]
    assert first.decisions[0].status == "review" and first.actions == []
    assert first.case_id is not None
    edited = scanned("r1", outcome="review", severity="high", text="bet-example.com again")
    second = run(store, tenant, [edited], ladder, now=T0 + timedelta(hours=1))[0]
    assert second.case_id == first.case_id
    other = run(store, tenant, [scanned("r2", outcome="review")], ladder)[0]
    assert other.case_id != first.case_id
    assert count(store, Case) == 2 and count(store, Strike) == 0
    with store.transaction(readonly=True) as session:
        case = session.get(Case, first.case_id)
        assert case is not None and case.priority == 30 and case.status == "open"


def test_shadow_violations_are_recorded_not_enforced(
    store: Store, tenant: TenantInfo, ladder: Ladder
) -> None:
    outcome = run(store, tenant, [scanned("s1", mode="shadow")], ladder)[0]
    assert outcome.decisions == [] and outcome.actions == []
    assert count(store, Violation, Violation.mode == "shadow") == 1
    assert count(store, Strike) == 0


def test_item_without_account_gets_content_actions_only(
    store: Store, tenant: TenantInfo, ladder: Ladder
) -> None:
    outcome = run(store, tenant, [scanned("anon", account="")], ladder)[0]
    assert [a.kind for a in outcome.actions] == ["disable_link"]
    assert outcome.decisions[0].strike_number == 0
    assert count(store, Strike) == 0 and count(store, Account) == 0


def test_clean_items_store_verdict_without_details(
    store: Store, tenant: TenantInfo, ladder: Ladder
) -> None:
    outcomes = run(store, tenant, [clean(f"c{i}", account=f"u-{i % 3}") for i in range(10)], ladder)
    assert all(o.created and o.actions == [] for o in outcomes)
    with store.transaction(readonly=True) as session:
        rows = session.scalars(select(Item)).all()
        assert {r.verdict for r in rows} == {"allow"} and {r.result for r in rows} == {None}
    assert count(store, Account) == 3 and count(store, AuditEvent) == 0


def test_statement_is_stored_per_action_and_exports_to_dsa(
    store: Store, tenant: TenantInfo, ladder: Ladder
) -> None:
    outcome = run(store, tenant, [scanned("g1")], ladder)[0]
    with store.transaction(readonly=True) as session:
        rows = session.scalars(select(Action).order_by(Action.id)).all()
    statements = {r.statement_of_reasons["statement_id"] for r in rows if r.statement_of_reasons}
    assert statements == {outcome.decisions[0].statement_id}
    statement = statement_from_dict(rows[0].statement_of_reasons or {})
    assert [a.kind for a in statement.actions] == ["disable_link", "warn"]
    record = to_dsa(statement)
    assert record["puid"] == outcome.decisions[0].statement_id
    assert record["decision_visibility"] == ["DECISION_VISIBILITY_CONTENT_DISABLED"]


def test_tenants_are_independent(store: Store, tenant: TenantInfo, ladder: Ladder) -> None:
    other = make_tenant(store, "globex")
    run(store, tenant, [scanned("g1")], ladder)
    mine = run(store, other, [scanned("g1")], ladder)[0]
    assert mine.created and mine.decisions[0].strike_number == 1
    assert count(store, Item) == 2 and count(store, Strike) == 2


def test_bad_records_are_refused_before_anything_is_written(
    store: Store, tenant: TenantInfo, ladder: Ladder
) -> None:
    item, result = scanned("late")
    item.created_at = "yesterday"
    with pytest.raises(InputError, match="created_at"):
        run(store, tenant, [scanned("g1"), (item, result)], ladder)
    item, _ = scanned("mismatch")
    with pytest.raises(ValueError, match="does not belong"):
        run(store, tenant, [(item, scanned("other")[1])], ladder)
    with pytest.raises(ValueError, match="timezone-aware"):
        run(store, tenant, [scanned("g1")], ladder, now=T0.replace(tzinfo=None))
    with pytest.raises(ValueError):
        run(store, tenant, [scanned("g1")], ladder, source="somebody")
    assert count(store, Item) == 0


def test_crash_mid_transaction_leaves_nothing_and_retry_is_whole(
    store: Store, tenant: TenantInfo, ladder: Ladder, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bastion.service.actions import AuditBatch

    real = AuditBatch.flush

    def crash(self: AuditBatch, session: object, now: object) -> int:
        raise RuntimeError("power cut")

    monkeypatch.setattr(AuditBatch, "flush", crash)
    with pytest.raises(RuntimeError, match="power cut"):
        run(store, tenant, [scanned("g1"), clean("c1")], ladder)
    assert count(store, Item) == 0 and count(store, Action) == 0
    monkeypatch.setattr(AuditBatch, "flush", real)
    outcomes = run(store, tenant, [scanned("g1"), clean("c1")], ladder)
    assert outcomes[0].decisions[0].strike_number == 1
    assert count(store, Action) == 2 and count(store, Strike) == 1


def test_enforce_result_with_the_real_scanner(
    store: Store, tenant: TenantInfo, ladder: Ladder, scanner: object
) -> None:
    from bastion import Item as Record
    from bastion import Scanner

    assert isinstance(scanner, Scanner)
    item = Record(
        id="live", text="官网 １８８ｂｅｔ。ｃｏｍ 注册送彩金", account_id="u-9", platform="demo"
    )
    result = scanner.scan(item)
    with store.transaction() as session:
        outcome = enforce_result(
            session, tenant_id=tenant.id, item=item, result=result, ladder=ladder, now=T0
        )
    assert result.verdict == "act"
    assert outcome.decisions[0].category == "gambling"
    assert "disable_link" in [a.kind for a in outcome.actions] or "remove_content" in [
        a.kind for a in outcome.actions
    ]
    with store.transaction(readonly=True) as session:
        stored = session.scalars(select(Entity)).all()
        assert [e.registrable_domain for e in stored] == ["188bet.com"]


def test_item_flag_columns_are_the_content_flags() -> None:
    from bastion.service.actions import CONTENT_FLAGS
    from bastion.service.enforcer import ITEM_FLAG_COLUMNS

    assert sorted(ITEM_FLAG_COLUMNS) == sorted(CONTENT_FLAGS.values())


def test_plain_audit_payload_is_queued_as_the_checked_one() -> None:
    """``plain=True`` skips only the read-back: the queued canonical text is the same."""
    from bastion.service.actions import AuditBatch

    payload = {
        "item": 'ü-1 \u2028 "q"',
        "strike": 2,
        "account": None,
        "actions": [{"id": 7, "kind": "ban", "expires_at": None}],
        "account_before": {"followers_frozen": False, "follower_count": 0},
    }
    checked, plain = AuditBatch(), AuditBatch()
    checked.add(tenant_id=1, actor="automation", action="a", subject="item:1", payload=payload)
    plain.add(
        tenant_id=1, actor="automation", action="a", subject="item:1", payload=payload, plain=True
    )
    assert plain.events == checked.events
    int_keys: dict[Any, Any] = {10: 1, 9: 2}  # sorted as numbers, then as strings
    checked.add(tenant_id=1, actor="automation", action="a", subject="s", payload=int_keys)
    assert checked.events[-1][4] == '{"10":1,"9":2}'
