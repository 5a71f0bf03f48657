"""Group commit of /v1/check: shared transactions that still answer each request as if alone."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import pytest
from sqlalchemy import func, select

from bastion import Scanner
from bastion.api.commit import GroupCommitter
from bastion.enforce import Ladder, ReasonsConfig
from bastion.model import InputError, Item
from bastion.store import Store
from bastion.store.models import Action, Strike
from bastion.store.models import Item as ItemRow
from tests.service.conftest import T0, make_tenant

DIRTY = "官网 １８８ｂｅｔ。ｃｏｍ 注册送彩金"


def _committer(store: Store, scanner: Scanner, ladder: Ladder, **kw: Any) -> GroupCommitter:
    return GroupCommitter(store, scanner, ladder, ReasonsConfig(), **kw)


def _run(checks: GroupCommitter, jobs: list[tuple[int, Item]]) -> list[Any]:
    async def all_at_once() -> list[Any]:
        return await asyncio.gather(
            *(checks.check(tenant, item, T0) for tenant, item in jobs), return_exceptions=True
        )

    results = asyncio.run(all_at_once())
    return [r if isinstance(r, BaseException) else json.loads(r) for r in results]


def _count(store: Store, model: type) -> int:
    with store.transaction(readonly=True) as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def test_concurrent_checks_share_one_transaction(
    store: Store, scanner: Scanner, ladder: Ladder
) -> None:
    tenant = make_tenant(store, "acme").id
    checks = _committer(store, scanner, ladder)
    items = [Item(id=f"c-{n}", text=f"hello {n}", account_id=f"u-{n % 3}") for n in range(10)]
    bodies = _run(checks, [(tenant, i) for i in items])
    assert [b["id"] for b in bodies] == [i.id for i in items]
    assert all(b["verdict"] == "allow" and b["enforcement"]["created"] for b in bodies)
    assert checks.stats.groups == 1 and checks.stats.largest == 10
    assert _count(store, ItemRow) == 10


def test_group_size_is_capped(store: Store, scanner: Scanner, ladder: Ladder) -> None:
    tenant = make_tenant(store, "acme").id
    checks = _committer(store, scanner, ladder, max_items=4)
    _run(checks, [(tenant, Item(id=f"c-{n}", text="hi", account_id="u")) for n in range(10)])
    assert checks.stats.groups == 3 and checks.stats.largest == 4


def test_repeated_id_waits_for_the_next_group_and_is_a_duplicate(
    store: Store, scanner: Scanner, ladder: Ladder
) -> None:
    tenant = make_tenant(store, "acme").id
    checks = _committer(store, scanner, ladder)
    dirty = Item(id="d-1", text=DIRTY, account_id="u-9")
    clean = Item(id="c", text="hi", account_id="u-9")
    first, allowed, again = _run(checks, [(tenant, dirty), (tenant, clean), (tenant, dirty)])
    assert checks.stats.groups == 2
    assert not first["enforcement"]["duplicate"] and again["enforcement"]["duplicate"]
    assert [a["id"] for a in again["enforcement"]["actions"]] == [
        a["id"] for a in first["enforcement"]["actions"]
    ]
    assert allowed["verdict"] == "allow"
    assert _count(store, Strike) == 1 and _count(store, Action) == 2


def test_a_failing_request_does_not_fail_its_group(
    store: Store, scanner: Scanner, ladder: Ladder
) -> None:
    tenant = make_tenant(store, "acme").id
    checks = _committer(store, scanner, ladder)
    results = _run(
        checks,
        [
            (tenant, Item(id="ok-1", text="hi", account_id="u")),
            (tenant, Item(id="bad", text="nul \x00 inside", account_id="u")),
            (tenant + 999, Item(id="ghost", text="hi", account_id="u")),
            (tenant, Item(id="ok-2", text=DIRTY, account_id="u")),
        ],
    )
    assert results[0]["id"] == "ok-1" and results[3]["verdict"] == "act"
    assert isinstance(results[1], InputError)
    assert isinstance(results[2], ValueError) and "does not exist" in str(results[2])
    assert checks.stats.fallbacks == 1
    assert _count(store, ItemRow) == 2 and _count(store, Strike) == 1


def test_bad_settings_are_refused(store: Store, scanner: Scanner, ladder: Ladder) -> None:
    with pytest.raises(ValueError, match="max_items"):
        _committer(store, scanner, ladder, max_items=0)
