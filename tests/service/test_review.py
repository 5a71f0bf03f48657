"""Review queue: ordering, atomic claims under concurrency, expiry, and decisions that stick."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from bastion.enforce import Ladder
from bastion.service.decide import check_decision, decide_case
from bastion.service.errors import Conflict, InvalidInput, NotFound
from bastion.service.ingest import enforce_result
from bastion.service.reports import ReportConfig, Reporter, file_report
from bastion.service.review import (
    claim_case,
    claim_next,
    get_case,
    list_cases,
    list_queue,
    release_case,
)
from bastion.store import Store, audit
from bastion.store.enums import AccountStatus, Actor, CaseStatus, Decision
from bastion.store.models import Account, Action, AuditEvent, Case, Item, Notice, Strike
from tests.service.conftest import T0, TenantInfo, clean, scanned
from tests.support.concurrency import race
from tests.support.work import count_steps

CONFIG = ReportConfig(secret=b"k" * 32)
MIN = timedelta(minutes=1)


def reported_case(
    store: Store,
    tenant: TenantInfo,
    ladder: Ladder,
    item_id: str,
    *,
    reason: str = "scam",
    account: str = "u-1",
    trusted: bool = False,
    review_violation: bool = False,
) -> int:
    """A stored item (clean, or with a violation sent to review) and one report on it."""
    with store.transaction() as s:
        if review_violation:
            item, result = scanned(item_id, account=account, outcome="review")
        else:
            item, result = clean(item_id, account=account)
        enforce_result(s, tenant_id=tenant.id, item=item, result=result, ladder=ladder, now=T0)
        receipt = file_report(
            s,
            tenant.id,
            reason=reason,
            reporter=Reporter(id="r", trusted=trusted),
            now=T0,
            config=CONFIG,
            item_id=item_id,
        )
        return receipt.case.id


def test_queue_orders_by_priority_then_age(
    store: Store, tenant: TenantInfo, ladder: Ladder
) -> None:
    low = reported_case(store, tenant, ladder, "p-1", reason="gambling")
    high = reported_case(store, tenant, ladder, "p-2", reason="phishing")
    low_later = reported_case(store, tenant, ladder, "p-3", reason="gambling")
    with store.transaction() as s:
        s.get(Case, low_later).created_at = T0 + MIN  # type: ignore[union-attr]
    with store.transaction(readonly=True) as s:
        assert [c.id for c in list_queue(s, tenant.id, now=T0)] == [high, low, low_later]
        with pytest.raises(InvalidInput):
            list_queue(s, tenant.id, now=T0, limit=0)


def test_claim_is_exclusive_renewable_and_expires(
    store: Store, tenant: TenantInfo, ladder: Ladder
) -> None:
    case_id = reported_case(store, tenant, ladder, "p-1")
    with store.transaction() as s:
        claim_case(s, tenant.id, case_id, "ann", now=T0)
        assert list_queue(s, tenant.id, now=T0) == []
    with store.transaction() as s, pytest.raises(Conflict, match="claimed"):
        claim_case(s, tenant.id, case_id, "bob", now=T0 + 5 * MIN)
    with store.transaction() as s:
        claim_case(s, tenant.id, case_id, "ann", now=T0 + 10 * MIN)  # renew
    with store.transaction() as s, pytest.raises(Conflict):
        claim_case(s, tenant.id, case_id, "bob", now=T0 + 20 * MIN)
    with store.transaction() as s:
        assert [c.id for c in list_queue(s, tenant.id, now=T0 + 26 * MIN)] == [case_id]
        case = claim_case(s, tenant.id, case_id, "bob", now=T0 + 26 * MIN)
        assert case.claimed_by == "bob"
    with store.transaction() as s, pytest.raises(Conflict, match="claim case"):
        decide_case(
            s,
            tenant.id,
            case_id,
            moderator="ann",
            decision="dismiss",
            now=T0 + 27 * MIN,
            ladder=ladder,
        )
    with store.transaction() as s:
        release_case(s, tenant.id, case_id, "bob", now=T0 + 28 * MIN)
        assert s.get(Case, case_id).status == CaseStatus.OPEN  # type: ignore[union-attr]
        with pytest.raises(Conflict):
            release_case(s, tenant.id, case_id, "bob", now=T0 + 28 * MIN)
    with store.transaction() as s, pytest.raises(NotFound):
        claim_case(s, tenant.id, 999_999, "bob", now=T0)


def test_other_tenant_cannot_see_or_claim(
    store: Store, tenant: TenantInfo, other_tenant: TenantInfo, ladder: Ladder
) -> None:
    case_id = reported_case(store, tenant, ladder, "p-1")
    with store.transaction() as s:
        assert list_queue(s, other_tenant.id, now=T0) == []
        assert list_cases(s, other_tenant.id) == []
        assert claim_next(s, other_tenant.id, "eve", now=T0) is None
        with pytest.raises(NotFound):
            claim_case(s, other_tenant.id, case_id, "eve", now=T0)
        with pytest.raises(NotFound):
            get_case(s, other_tenant.id, case_id)


def _race(
    open_store: Callable[..., Store], n: int, work: Callable[[Store, int], object]
) -> tuple[list[object], list[BaseException]]:
    """``work(store, i)`` on ``n`` threads at once, each with a store of its own."""
    stores = [open_store() for _ in range(n)]
    outcome = race(n, lambda i: work(stores[i], i))
    return outcome.results, outcome.errors


def test_concurrent_claimers_of_one_case_one_wins(
    open_store: Callable[..., Store], store: Store, tenant: TenantInfo, ladder: Ladder
) -> None:
    case_id = reported_case(store, tenant, ladder, "p-1")
    results, errors = _race(
        open_store,
        8,
        lambda own, i: own.run(
            lambda s: claim_case(s, tenant.id, case_id, f"m{i}", now=T0).claimed_by
        ),
    )
    assert len(results) == 1 and len(errors) == 7
    assert all(isinstance(e, Conflict) for e in errors)
    with store.transaction(readonly=True) as s:
        assert s.get(Case, case_id).claimed_by == results[0]  # type: ignore[union-attr]


def test_concurrent_claim_next_never_hands_out_a_case_twice(
    open_store: Callable[..., Store], store: Store, tenant: TenantInfo, ladder: Ladder
) -> None:
    ids = {reported_case(store, tenant, ladder, f"p-{n}") for n in range(5)}

    def work(own: Store, i: int) -> list[int]:
        got: list[int] = []
        while True:
            case = own.run(lambda s: claim_next(s, tenant.id, f"m{i}", now=T0))
            if case is None:
                return got
            got.append(case.id)

    results, errors = _race(open_store, 6, work)
    assert errors == []
    claimed = [c for r in results for c in r]  # type: ignore[attr-defined]
    assert sorted(claimed) == sorted(ids)


def test_dismiss_takes_no_action(store: Store, tenant: TenantInfo, ladder: Ladder) -> None:
    case_id = reported_case(store, tenant, ladder, "p-1")
    with store.transaction() as s:
        claim_case(s, tenant.id, case_id, "ann", now=T0)
        out = decide_case(
            s,
            tenant.id,
            case_id,
            moderator="ann",
            decision="dismiss",
            notes="fine",
            now=T0,
            ladder=ladder,
        )
        assert out.actions == [] and out.strike is None
        assert s.scalars(select(Action)).all() == []
    with store.transaction() as s, pytest.raises(Conflict, match="already decided"):
        decide_case(
            s, tenant.id, case_id, moderator="ann", decision="uphold", now=T0, ladder=ladder
        )


def test_uphold_runs_the_ladder_like_automation_and_escalates(
    store: Store, tenant: TenantInfo, ladder: Ladder
) -> None:
    first = reported_case(store, tenant, ladder, "p-1", review_violation=True)
    second = reported_case(store, tenant, ladder, "p-2", reason="gambling")
    with store.transaction() as s:
        claim_case(s, tenant.id, first, "ann", now=T0)
        one = decide_case(
            s, tenant.id, first, moderator="ann", decision="uphold", now=T0, ladder=ladder
        )
        claim_case(s, tenant.id, second, "ann", now=T0 + MIN)
        two = decide_case(
            s, tenant.id, second, moderator="ann", decision="uphold", now=T0 + MIN, ladder=ladder
        )
    # gambling/high ladder: strike 1 disable_link + warn, strike 2 + suspend_monetization. The
    # first finding is a listed link (disable it); the second is only a report (remove the post).
    assert [str(a.kind) for a in one.actions] == ["disable_link", "warn"]
    assert [str(a.kind) for a in two.actions] == ["remove_content", "suspend_monetization"]
    assert one.statement is not None and two.statement is not None
    assert (one.statement["strike_number"], two.statement["strike_number"]) == (1, 2)
    assert one.statement["source"] == "notice" and one.statement["automated_detection"] is False
    assert one.statement["automated_decision"] == "none"
    assert [f["registrable_domain"] for f in one.statement["facts"]] == ["bet-example.com"]
    with store.transaction(readonly=True) as s:
        for action in s.scalars(select(Action)):
            assert action.actor == Actor.REVIEWER and action.actor_id == "ann"
            assert action.case_id in (first, second)
            assert action.statement_of_reasons is not None
            assert action.statement_of_reasons["statement_id"] == f"case-{action.case_id}"
        strikes = s.scalars(select(Strike).order_by(Strike.id)).all()
        assert [(st.category, str(st.severity)) for st in strikes] == [("gambling", "high")] * 2
        assert strikes[0].violation_id is not None and strikes[1].violation_id is None
        assert all(st.expires_at == st.created_at + ladder.decay_for("gambling") for st in strikes)
        account = s.scalars(select(Account).where(Account.external_id == "u-1")).one()
        assert str(account.monetization) == "suspended"
        assert s.scalars(select(Item).where(Item.external_id == "p-1")).one().link_disabled
        events = [
            (e.action, e.subject) for e in s.scalars(select(AuditEvent).order_by(AuditEvent.seq))
        ]
        assert ("case.decided", f"case:{first}") in events
        assert ("account.restricted", f"account:{account.id}") in events
        assert audit.verify(s).ok
        detail = get_case(s, tenant.id, first)
        assert detail.report_count == 1 and [str(r.decision) for r in detail.reviews] == ["uphold"]
        assert str(detail.case.status) == "decided"


def test_change_action_applies_the_moderators_choice(
    store: Store, tenant: TenantInfo, ladder: Ladder
) -> None:
    case_id = reported_case(store, tenant, ladder, "p-1", reason="phishing")
    with store.transaction() as s:
        claim_case(s, tenant.id, case_id, "ann", now=T0)
        with pytest.raises(InvalidInput, match="duration"):
            decide_case(
                s,
                tenant.id,
                case_id,
                moderator="ann",
                decision="change_action",
                action_kind="temp_suspend",
                now=T0,
                ladder=ladder,
            )
        with pytest.raises(InvalidInput, match="takes no duration"):
            decide_case(
                s,
                tenant.id,
                case_id,
                moderator="ann",
                decision="change_action",
                action_kind="ban",
                duration="3d",
                now=T0,
                ladder=ladder,
            )
        with pytest.raises(InvalidInput, match="change_action only"):
            decide_case(
                s,
                tenant.id,
                case_id,
                moderator="ann",
                decision="uphold",
                action_kind="ban",
                now=T0,
                ladder=ladder,
            )
        with pytest.raises(InvalidInput, match="decision"):
            decide_case(
                s, tenant.id, case_id, moderator="ann", decision="maybe", now=T0, ladder=ladder
            )
        out = decide_case(
            s,
            tenant.id,
            case_id,
            moderator="ann",
            decision="change_action",
            action_kind="temp_suspend",
            duration="3d",
            severity="medium",
            now=T0,
            ladder=ladder,
        )
        assert [(str(a.kind), a.expires_at) for a in out.actions] == [
            ("temp_suspend", T0 + timedelta(days=3))
        ]
        account = s.scalars(select(Account).where(Account.external_id == "u-1")).one()
        assert (
            account.status == AccountStatus.SUSPENDED
            and account.suspended_until == T0 + timedelta(days=3)
        )
        assert out.strike is not None and (out.strike.category, str(out.strike.severity)) == (
            "phishing",
            "medium",
        )
        assert s.scalars(select(Notice)).all() == []  # no webhook configured: nothing queued


def test_account_case_applies_account_actions_only(
    store: Store, tenant: TenantInfo, ladder: Ladder
) -> None:
    with store.transaction() as s:
        item, result = clean("p-1", account="u-9")
        enforce_result(s, tenant_id=tenant.id, item=item, result=result, ladder=ladder, now=T0)
        receipt = file_report(
            s,
            tenant.id,
            reason="malware",
            reporter=Reporter(id="r"),
            now=T0,
            config=CONFIG,
            account_id="u-9",
        )
        claim_case(s, tenant.id, receipt.case.id, "ann", now=T0)
        out = decide_case(
            s, tenant.id, receipt.case.id, moderator="ann", decision="uphold", now=T0, ladder=ladder
        )
        # malware/high strike 1: remove_content + temp_suspend 7d; no item, so only the suspension
        assert [str(a.kind) for a in out.actions] == ["temp_suspend"]
        assert out.strike is None
        with pytest.raises(InvalidInput, match="needs an item"):
            other = file_report(
                s,
                tenant.id,
                reason="scam",
                reporter=Reporter(id="q"),
                now=T0,
                config=CONFIG,
                account_id="u-9",
            )
            claim_case(s, tenant.id, other.case.id, "ann", now=T0)
            decide_case(
                s,
                tenant.id,
                other.case.id,
                moderator="ann",
                decision="change_action",
                action_kind="remove_content",
                now=T0,
                ladder=ladder,
            )


def test_webhook_notice_is_queued_when_configured(
    store: Store, tenant: TenantInfo, ladder: Ladder
) -> None:
    case_id = reported_case(store, tenant, ladder, "p-1")
    with store.transaction() as s:
        from bastion.store.models import Tenant

        s.get(Tenant, tenant.id).webhook_url = "https://hooks.example.com/bastion"  # type: ignore[union-attr]
        claim_case(s, tenant.id, case_id, "ann", now=T0)
        decide_case(
            s, tenant.id, case_id, moderator="ann", decision="uphold", now=T0, ladder=ladder
        )
        notices = s.scalars(select(Notice)).all()
    assert [n.event for n in notices] == ["case.decided"]
    assert notices[0].payload["decision"] == "uphold" and notices[0].payload["item"] == "p-1"


@settings(max_examples=200, deadline=None)
@given(
    decision=st.sampled_from(["uphold", "dismiss", "change_action"]),
    action_kind=st.one_of(st.none(), st.sampled_from(["ban", "temp_suspend", "warn"]), st.text()),
    duration=st.one_of(st.none(), st.text(max_size=40), st.sampled_from(["9" * 50_000, "7d"])),
    category=st.one_of(st.none(), st.text(max_size=80), st.just("a_" * 25_000)),
    notes=st.one_of(st.text(max_size=2100), st.just("n" * 50_000)),
)
def test_decision_arguments_never_crash_and_are_fast(
    decision: str, action_kind: str | None, duration: str | None, category: str | None, notes: str
) -> None:
    """Validation work does not grow with the arguments: 50,000-character ones cost no more."""
    try:
        planned, _ = count_steps(
            lambda: check_decision(
                Decision(decision), action_kind, duration, category, None, notes
            ),
            budget=2_000,
        )
    except InvalidInput as exc:
        assert str(exc)
    else:
        assert (planned is None) == (decision != "change_action")
        assert category is None or len(category) <= 64


def test_uphold_holds_an_account_action_already_in_force(
    store: Store, tenant: TenantInfo, ladder: Ladder
) -> None:
    """Upheld reports on one account: a suspension covered by the one in force is not taken
    again, nor a ban on a banned account; the decision and its audit event say why."""

    def uphold(reason: str, at: timedelta, **choice: str) -> tuple[list[str], list[dict[str, str]]]:
        with store.transaction() as s:
            receipt = file_report(
                s,
                tenant.id,
                reason=reason,
                reporter=Reporter(id=f"r-{at.seconds}"),
                now=T0 + at,
                config=CONFIG,
                account_id="u-9",
            )
            claim_case(s, tenant.id, receipt.case.id, "ann", now=T0 + at)
            out = decide_case(
                s,
                tenant.id,
                receipt.case.id,
                moderator="ann",
                decision="change_action" if choice else "uphold",
                now=T0 + at,
                ladder=ladder,
                **choice,  # type: ignore[arg-type]
            )
            assert (out.statement is None) == (not out.actions)
            return [str(a.kind) for a in out.actions], out.held

    with store.transaction() as s:
        item, result = clean("p-1", account="u-9")
        enforce_result(s, tenant_id=tenant.id, item=item, result=result, ladder=ladder, now=T0)
    assert uphold("malware", timedelta(0)) == (["temp_suspend"], [])
    kinds, held = uphold("malware", MIN)
    assert kinds == [] and [h["kind"] for h in held] == ["temp_suspend"]
    assert "already in force" in held[0]["reason"]
    assert uphold("phishing", 2 * MIN, action_kind="ban", notes="repeat")[0] == ["ban"]
    assert uphold("malware", 3 * MIN) == (
        [],
        [{"kind": "temp_suspend", "reason": "account already banned"}],
    )
    with store.transaction(readonly=True) as s:
        taken = [str(a.kind) for a in s.scalars(select(Action).order_by(Action.id))]
        assert taken == ["temp_suspend", "ban"]
        decided = s.scalars(
            select(AuditEvent).where(AuditEvent.action == "case.decided").order_by(AuditEvent.seq)
        ).all()
        assert [bool(e.payload.get("held")) for e in decided] == [False, True, False, True]
