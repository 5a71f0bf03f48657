"""Campaigns: validation, scope matching and exact live counters through ingest."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import pytest

from bastion.enforce import Ladder
from bastion.model import Item, ScanResult
from bastion.service import enforce_batch
from bastion.service.campaigns import Scope, create_campaign, get_campaign, list_campaigns
from bastion.service.errors import Conflict, InvalidInput, NotFound
from bastion.service.ingest import EnforcementOutcome
from bastion.store import Store
from tests.service.conftest import T0, TenantInfo, clean, make_tenant, scanned

END = T0 + timedelta(days=7)


def _create(
    store: Store, tenant: TenantInfo, name: str, scope: dict[str, Any], **kw: object
) -> int:
    with store.transaction() as session:
        view = create_campaign(
            session,
            tenant.id,
            name=name,
            scope=scope,
            starts_at=kw.get("starts_at", T0),  # type: ignore[arg-type]
            ends_at=kw.get("ends_at", END),  # type: ignore[arg-type]
            now=T0,
        )
    return view.id


def _ingest(
    store: Store,
    tenant: TenantInfo,
    pairs: list[tuple[Item, ScanResult]],
    ladder: Ladder,
    now: datetime = T0,
    **kw: Any,
) -> list[EnforcementOutcome]:
    with store.transaction() as session:
        return enforce_batch(
            session, tenant_id=tenant.id, items=pairs, ladder=ladder, now=now, **kw
        )


def _counters(store: Store, tenant: TenantInfo, cid: int, now: datetime = T0) -> dict[str, Any]:
    with store.transaction(readonly=True) as session:
        counters: dict[str, Any] = get_campaign(session, tenant.id, cid, now).to_dict()["counters"]
    return counters


def test_counters_follow_scope_and_count_accounts_once(
    store: Store, tenant: TenantInfo, ladder: Ladder
) -> None:
    gambling = _create(store, tenant, "gambling push", {"categories": ["gambling"]})
    chat = _create(store, tenant, "chat only", {"surfaces": ["chat"], "platforms": ["demo"]})
    pairs = [
        scanned("g1", account="a"),
        scanned("g2", account="a"),
        scanned("g3", account="b", surface="chat"),
        scanned("p1", account="c", category="phishing", outcome="remove"),
        clean("c1", account="d"),
    ]
    outcomes = _ingest(store, tenant, pairs, ladder)
    assert outcomes[0].campaigns == [gambling]
    assert outcomes[2].campaigns == [gambling, chat]
    assert _counters(store, tenant, gambling) == {
        "items_scanned": 5,
        "links_disabled": 3,
        "accounts_actioned": 2,
        "actions_taken": 6,
    }
    assert _counters(store, tenant, chat) == {
        "items_scanned": 1,
        "links_disabled": 1,
        "accounts_actioned": 1,
        "actions_taken": 2,
    }
    _ingest(store, tenant, pairs, ladder, now=T0 + timedelta(hours=1))
    assert _counters(store, tenant, gambling)["items_scanned"] == 5
    _ingest(store, tenant, [scanned("g4", account="a")], ladder, now=T0 + timedelta(hours=2))
    counters = _counters(store, tenant, gambling)
    assert counters["accounts_actioned"] == 2 and counters["items_scanned"] == 6


def test_only_live_campaigns_count(store: Store, tenant: TenantInfo, ladder: Ladder) -> None:
    later = _create(store, tenant, "later", {}, starts_at=T0 + timedelta(days=1))
    _ingest(store, tenant, [scanned("g1")], ladder)
    assert _counters(store, tenant, later)["items_scanned"] == 0
    _ingest(store, tenant, [scanned("g2")], ladder, now=END + timedelta(seconds=1))
    assert _counters(store, tenant, later)["items_scanned"] == 0
    _ingest(store, tenant, [scanned("g3")], ladder, now=T0 + timedelta(days=2))
    assert _counters(store, tenant, later)["items_scanned"] == 1


def test_campaign_ids_limit_counting(store: Store, tenant: TenantInfo, ladder: Ladder) -> None:
    first = _create(store, tenant, "one", {})
    second = _create(store, tenant, "two", {})
    _ingest(store, tenant, [scanned("g1")], ladder, campaign_ids=[second])
    assert _counters(store, tenant, first)["items_scanned"] == 0
    assert _counters(store, tenant, second)["items_scanned"] == 1


def test_validation_conflicts_and_tenant_isolation(store: Store, tenant: TenantInfo) -> None:
    cid = _create(store, tenant, "push", {"rules": ["link.listed"]})
    with pytest.raises(Conflict):
        _create(store, tenant, "push", {})
    for scope, message in (
        ({"colour": ["red"]}, "unknown scope keys"),
        ({"surfaces": ["fax"]}, "unknown surfaces"),
        ({"platforms": "demo"}, "list"),
    ):
        with pytest.raises(InvalidInput, match=message):
            _create(store, tenant, f"bad {message}", scope)
    with pytest.raises(InvalidInput, match="after"):
        _create(store, tenant, "backwards", {}, ends_at=T0 - timedelta(days=1))
    with pytest.raises(InvalidInput, match="366"):
        _create(store, tenant, "forever", {}, ends_at=T0 + timedelta(days=400))
    other = make_tenant(store, "globex")
    with store.transaction(readonly=True) as session, pytest.raises(NotFound):
        get_campaign(session, other.id, cid, T0)
    with store.transaction(readonly=True) as session:
        assert list_campaigns(session, other.id, T0) == []
        assert [c.id for c in list_campaigns(session, tenant.id, T0, live_only=True)] == [cid]
    _create(store, other, "push", {})


def test_scope_matching_rules() -> None:
    scope = Scope.from_dict({"platforms": ["demo"], "rules": ["link.listed"]})
    assert scope.covers_item("demo", "post") and not scope.covers_item("other", "post")
    assert scope.covers_decision("gambling", ["x", "link.listed"])
    assert not scope.covers_decision("gambling", ["keyword"])
    assert Scope().covers_decision("anything", [])
