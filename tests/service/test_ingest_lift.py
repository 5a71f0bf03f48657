"""Temporary restrictions end on time: suspensions, monetization pauses and follower freezes."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from bastion.enforce import Ladder
from bastion.service import enforce_batch, lift_due_suspensions, recompute_account
from bastion.store import Store, audit
from bastion.store.models import Account, Action, AuditEvent
from tests.service.conftest import T0, TenantInfo, scanned

LADDER = Ladder.from_text(
    """
version: 1
decay: 90d
count: category
ladders:
  default:
    low: [warn]
    medium: [warn]
    high: [[warn, temp_suspend: 2d, suspend_monetization: 1d, freeze_followers: 3d], [ban]]
    critical: [ban]
"""
)


def _account(store: Store, tenant: TenantInfo) -> Account:
    with store.transaction(readonly=True) as session:
        return session.scalars(select(Account).where(Account.tenant_id == tenant.id)).one()


def test_temp_restrictions_lift_when_due_and_are_audited(store: Store, tenant: TenantInfo) -> None:
    with store.transaction() as session:
        enforce_batch(session, tenant_id=tenant.id, items=[scanned("g1")], ladder=LADDER, now=T0)
    state = _account(store, tenant)
    assert (state.status, state.monetization, state.followers_frozen) == (
        "suspended",
        "suspended",
        True,
    )
    assert state.suspended_until == T0 + timedelta(days=2)

    with store.transaction() as session:
        assert lift_due_suspensions(session, T0 + timedelta(hours=23)) == []
    with store.transaction() as session:
        changes = lift_due_suspensions(session, T0 + timedelta(days=1, hours=1))
    assert [c.after["monetization"] for c in changes] == ["active"]
    assert changes[0].after["status"] == "suspended"
    with store.transaction() as session:
        changes = lift_due_suspensions(session, T0 + timedelta(days=2, minutes=1))
    assert [(c.before["status"], c.after["status"]) for c in changes] == [("suspended", "active")]
    assert _account(store, tenant).followers_frozen
    with store.transaction() as session:
        lift_due_suspensions(session, T0 + timedelta(days=3, minutes=1))
        again = lift_due_suspensions(session, T0 + timedelta(days=4))
    assert again == []
    state = _account(store, tenant)
    assert (state.status, state.suspended_until, state.monetization, state.followers_frozen) == (
        "active",
        None,
        "active",
        False,
    )
    with store.transaction(readonly=True) as session:
        events = session.scalars(
            select(AuditEvent.action).where(AuditEvent.action == "account.restriction_expired")
        ).all()
        assert len(events) == 3
        assert audit.verify(session).ok


def test_ban_is_never_lifted_by_expiry(store: Store, tenant: TenantInfo) -> None:
    with store.transaction() as session:
        enforce_batch(
            session,
            tenant_id=tenant.id,
            items=[scanned("g1"), scanned("g2")],
            ladder=LADDER,
            now=T0,
        )
    with store.transaction() as session:
        changes = lift_due_suspensions(session, T0 + timedelta(days=30))
    state = _account(store, tenant)
    assert state.status == "banned"
    assert all(c.after["status"] == "banned" for c in changes)


def test_recompute_after_reversal_restores_the_account(store: Store, tenant: TenantInfo) -> None:
    with store.transaction() as session:
        enforce_batch(session, tenant_id=tenant.id, items=[scanned("g1")], ladder=LADDER, now=T0)
    with store.transaction() as session:
        for action in session.scalars(select(Action)):
            action.reversed_at = T0 + timedelta(hours=1)
        account = session.scalars(select(Account)).one()
        change = recompute_account(session, account, T0 + timedelta(hours=1))
        assert change is not None
        assert change.after["status"] == "active" and change.after["monetization"] == "active"
        assert recompute_account(session, account, T0 + timedelta(hours=1)) is None
