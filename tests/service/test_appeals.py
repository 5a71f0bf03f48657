"""Appeals: once per decision, within the window, by the affected account, to another moderator."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest
from sqlalchemy import select

from bastion.enforce import Ladder
from bastion.service.appeals import (
    DEFAULT_APPEAL_WINDOW,
    decide_appeal,
    file_appeal,
    get_appeal,
    involved_moderators,
    list_appeals,
)
from bastion.service.decide import decide_case
from bastion.service.errors import Conflict, Forbidden, InvalidInput, NotFound
from bastion.service.ingest import enforce_result
from bastion.service.reports import ReportConfig, Reporter, file_report
from bastion.service.review import claim_case
from bastion.store import Store, audit
from bastion.store.enums import AccountStatus, AppealStatus, Monetization
from bastion.store.models import Account, Action, AuditEvent, Item, Strike
from tests.service.conftest import T0, TenantInfo, clean
from tests.support.concurrency import race

CONFIG = ReportConfig(secret=b"k" * 32)


def upheld(
    store: Store,
    tenant: TenantInfo,
    ladder: Ladder,
    item_id: str,
    *,
    moderator: str = "ann",
    reason: str = "scam",
    account: str = "u-1",
) -> list[int]:
    """Action ids of an upheld report on a clean item (scam/high: remove, warn, monetization)."""
    with store.transaction() as s:
        item, result = clean(item_id, account=account)
        enforce_result(s, tenant_id=tenant.id, item=item, result=result, ladder=ladder, now=T0)
        receipt = file_report(
            s,
            tenant.id,
            reason=reason,
            reporter=Reporter(id="r"),
            now=T0,
            config=CONFIG,
            item_id=item_id,
        )
        claim_case(s, tenant.id, receipt.case.id, moderator, now=T0)
        out = decide_case(
            s,
            tenant.id,
            receipt.case.id,
            moderator=moderator,
            decision="uphold",
            now=T0,
            ladder=ladder,
        )
        return [a.id for a in out.actions]


def test_window_default_is_the_dsa_minimum_the_statement_promises() -> None:
    assert timedelta(days=183) == DEFAULT_APPEAL_WINDOW


def test_only_the_affected_account_appeals_once_within_the_window(
    store: Store, tenant: TenantInfo, other_tenant: TenantInfo, ladder: Ladder
) -> None:
    actions = upheld(store, tenant, ladder, "p-1")
    with store.transaction() as s:
        with pytest.raises(Forbidden):
            file_appeal(s, tenant.id, actions[0], appellant="u-2", text="", now=T0)
        with pytest.raises(NotFound):
            file_appeal(s, other_tenant.id, actions[0], appellant="u-1", text="", now=T0)
        with pytest.raises(NotFound):
            file_appeal(s, tenant.id, 999_999, appellant="u-1", text="", now=T0)
        with pytest.raises(InvalidInput):
            file_appeal(s, tenant.id, actions[0], appellant="u-1", text="x" * 5001, now=T0)
        with pytest.raises(Conflict, match="window"):
            file_appeal(
                s, tenant.id, actions[0], appellant="u-1", text="", now=T0 + timedelta(days=184)
            )
    with store.transaction() as s:
        appeal = file_appeal(
            s,
            tenant.id,
            actions[0],
            appellant="u-1",
            text="it was satire",
            now=T0 + timedelta(days=183),
        )
        assert appeal.status == AppealStatus.OPEN
    with store.transaction() as s:
        for action_id in actions:  # any action of the same decision counts as the same appeal
            with pytest.raises(Conflict, match="already appealed"):
                file_appeal(s, tenant.id, action_id, appellant="u-1", text="again", now=T0)
        with pytest.raises(NotFound):
            get_appeal(s, other_tenant.id, appeal.id)


def test_appeal_goes_to_someone_not_involved(
    store: Store, tenant: TenantInfo, ladder: Ladder
) -> None:
    actions = upheld(store, tenant, ladder, "p-1", moderator="ann")
    with store.transaction() as s:
        appeal = file_appeal(s, tenant.id, actions[0], appellant="u-1", text="", now=T0)
        action = s.get(Action, actions[0])
        assert action is not None and involved_moderators(s, tenant.id, action) == {"ann"}
        assert list_appeals(s, tenant.id, eligible_for="ann") == []
        assert [a.id for a in list_appeals(s, tenant.id, eligible_for="bob")] == [appeal.id]
        with pytest.raises(Forbidden, match="another moderator"):
            decide_appeal(s, tenant.id, appeal.id, moderator="ann", grant=True, now=T0)


def test_granted_appeal_reverses_actions_and_strike(
    store: Store, tenant: TenantInfo, ladder: Ladder
) -> None:
    actions = upheld(store, tenant, ladder, "p-1")
    later = T0 + timedelta(days=2)
    with store.transaction() as s:
        appeal = file_appeal(s, tenant.id, actions[1], appellant="u-1", text="", now=T0)
        out = decide_appeal(
            s, tenant.id, appeal.id, moderator="bob", grant=True, notes="context", now=later
        )
        assert out.reversal is not None
        assert sorted(a.id for a in out.reversal.actions) == sorted(actions)
        assert [op["operation"] for op in out.reversal.operations] == [
            "restore_monetization",
            "retract_warning",
            "restore_content",
        ]
    with store.transaction(readonly=True) as s:
        assert all(
            a.reversed_at == later and a.reversed_by == "moderator:bob"
            for a in s.scalars(select(Action))
        )
        strike = s.scalars(select(Strike)).one()
        assert strike.reversed_at == later
        account = s.scalars(select(Account)).one()
        assert account.monetization == Monetization.ACTIVE
        assert not s.scalars(select(Item)).one().content_removed
        row = get_appeal(s, tenant.id, appeal.id)
        assert (row.status, row.decided_by, row.decided_at) == (AppealStatus.GRANTED, "bob", later)
        kinds = [e.action for e in s.scalars(select(AuditEvent).order_by(AuditEvent.seq))]
        assert kinds[-6:] == ["action.reversed"] * 3 + [
            "strike.reversed",
            "account.restored",
            "appeal.decided",
        ]
        assert audit.verify(s).ok
    with store.transaction() as s, pytest.raises(Conflict, match="not open"):
        decide_appeal(s, tenant.id, appeal.id, moderator="cat", grant=False, now=later)
    with store.transaction() as s, pytest.raises(Conflict, match="already been reversed"):
        file_appeal(s, tenant.id, actions[0], appellant="u-1", text="", now=later)


def test_denied_appeal_keeps_everything(store: Store, tenant: TenantInfo, ladder: Ladder) -> None:
    actions = upheld(store, tenant, ladder, "p-1")
    with store.transaction() as s:
        appeal = file_appeal(s, tenant.id, actions[0], appellant="u-1", text="", now=T0)
        out = decide_appeal(s, tenant.id, appeal.id, moderator="bob", grant=False, now=T0)
        assert out.reversal is None and out.appeal.status == AppealStatus.DENIED
    with store.transaction(readonly=True) as s:
        assert all(a.reversed_at is None for a in s.scalars(select(Action)))
        assert s.scalars(select(Strike)).one().reversed_at is None
        assert s.scalars(select(Account)).one().monetization == Monetization.SUSPENDED
        assert list_appeals(s, tenant.id, status="denied")[0].id == appeal.id
        with pytest.raises(InvalidInput):
            list_appeals(s, tenant.id, status="bogus")


def test_reversal_keeps_restrictions_from_other_decisions(
    store: Store, tenant: TenantInfo, ladder: Ladder
) -> None:
    first = upheld(store, tenant, ladder, "p-1", reason="phishing")  # remove + temp_suspend 7d
    second = upheld(store, tenant, ladder, "p-2", reason="phishing")  # strike 2: ban
    with store.transaction() as s:
        account = s.scalars(select(Account)).one()
        assert account.status == AccountStatus.BANNED
        appeal = file_appeal(s, tenant.id, second[0], appellant="u-1", text="", now=T0)
        decide_appeal(
            s, tenant.id, appeal.id, moderator="bob", grant=True, now=T0 + timedelta(days=1)
        )
        account = s.scalars(select(Account).execution_options(populate_existing=True)).one()
        # The ban is gone; the 7-day suspension of the first decision still runs.
        assert account.status == AccountStatus.SUSPENDED
        assert account.suspended_until == T0 + timedelta(days=7)
        assert all(s.get(Action, i).reversed_at is None for i in first)  # type: ignore[union-attr]


def test_concurrent_appeals_of_one_decision_one_wins(
    open_store: Callable[..., Store], store: Store, tenant: TenantInfo, ladder: Ladder
) -> None:
    actions = upheld(store, tenant, ladder, "p-1")
    targets = actions * 2
    stores = [open_store() for _ in targets]

    def appeal(i: int) -> int:
        return stores[i].run(
            lambda s: file_appeal(s, tenant.id, targets[i], appellant="u-1", text="", now=T0).id
        )

    outcome = race(len(targets), appeal)
    ok, errors = outcome.results, outcome.errors
    assert len(ok) == 1
    assert len(errors) == len(actions) * 2 - 1 and all(isinstance(e, Conflict) for e in errors)
