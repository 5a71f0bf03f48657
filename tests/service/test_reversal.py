"""Reversal of automated decisions: grouping by violation, strike, state, notices."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from bastion.enforce import Ladder
from bastion.service.appeals import decide_appeal, file_appeal
from bastion.service.ingest import enforce_result
from bastion.service.reversal import decision_group, reverse_decision
from bastion.store import Store, audit
from bastion.store.enums import AccountStatus
from bastion.store.models import Account, Action, Item, Notice, Strike, Tenant
from tests.service.conftest import T0, TenantInfo, scanned


def test_automated_decision_is_reversed_as_a_whole(
    store: Store, tenant: TenantInfo, ladder: Ladder
) -> None:
    with store.transaction() as s:
        s.get(Tenant, tenant.id).webhook_url = "https://hooks.example.com/b"  # type: ignore[union-attr]
        item, result = scanned("p-1", category="phishing", severity="critical", outcome="remove")
        enforce_result(s, tenant_id=tenant.id, item=item, result=result, ladder=ladder, now=T0)
        other, other_result = scanned("p-2", account="u-2", category="phishing", outcome="remove")
        enforce_result(
            s, tenant_id=tenant.id, item=other, result=other_result, ladder=ladder, now=T0
        )
    with store.transaction() as s:
        ids = {
            a.id: str(a.kind)
            for a in s.scalars(select(Action).where(Action.item_id == _item(s, "p-1")))
        }
        assert sorted(ids.values()) == ["ban", "remove_content"]  # phishing/critical
        first = s.get(Action, min(ids))
        assert first is not None
        assert [a.id for a in decision_group(s, tenant.id, first)] == sorted(ids)
        account = s.scalars(select(Account).where(Account.external_id == "u-1")).one()
        assert account.status == AccountStatus.BANNED
        appeal = file_appeal(s, tenant.id, first.id, appellant="u-1", text="", now=T0)
        # automation decided, so any moderator may decide the appeal
        out = decide_appeal(
            s, tenant.id, appeal.id, moderator="ann", grant=True, now=T0 + timedelta(hours=1)
        )
        assert out.reversal is not None
        assert [o["operation"] for o in out.reversal.operations] == ["unban", "restore_content"]
        assert str(account.status) == AccountStatus.ACTIVE  # narrowed to BANNED above
        assert not s.get(Item, _item(s, "p-1")).content_removed  # type: ignore[union-attr]
        strikes = {st.item_id: st.reversed_at for st in s.scalars(select(Strike))}
        assert strikes == {_item(s, "p-1"): T0 + timedelta(hours=1), _item(s, "p-2"): None}
        others = s.scalars(select(Action).where(Action.item_id == _item(s, "p-2"))).all()
        assert others and all(a.reversed_at is None for a in others)
        notices = [
            n
            for n in s.scalars(select(Notice).order_by(Notice.id))
            if n.event != "enforcement.decision"
        ]
        assert [n.event for n in notices] == ["action.reversed", "appeal.decided"]
        assert notices[0].payload["account"] == "u-1" and notices[0].payload["item"] == "p-1"
        assert audit.verify(s).ok


def test_reversing_twice_changes_nothing(store: Store, tenant: TenantInfo, ladder: Ladder) -> None:
    with store.transaction() as s:
        item, result = scanned("p-1", outcome="disable_link")
        enforce_result(s, tenant_id=tenant.id, item=item, result=result, ladder=ladder, now=T0)
        actions = list(s.scalars(select(Action).order_by(Action.id)))
        first = reverse_decision(s, tenant.id, actions, actor="admin:test", reason="error", now=T0)
        again = reverse_decision(s, tenant.id, actions, actor="admin:test", reason="error", now=T0)
        assert len(first.actions) == len(actions) and first.strikes
        assert again.actions == [] and again.strikes == [] and again.operations == []
        assert not s.get(Item, _item(s, "p-1")).link_disabled  # type: ignore[union-attr]


def _item(session: Session, external_id: str) -> int:
    return session.scalars(select(Item.id).where(Item.external_id == external_id)).one()
