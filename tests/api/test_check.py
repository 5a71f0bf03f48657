"""POST /v1/check and /v1/items:batch on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from bastion.store.models import Action, Item, Strike
from tests.api.conftest import BastionClient

DIRTY = {
    "id": "p-1",
    "account_id": "u-9",
    "surface": "post",
    "text": "官网 １８８ｂｅｔ。ｃｏｍ 注册送彩金",
}
CLEAN = {"id": "p-2", "account_id": "u-9", "text": "see you at five, bring the report.pdf"}


def _count(api: BastionClient, model: type) -> int:
    with api.store.transaction(readonly=True) as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def test_check_returns_the_result_record_and_actions(api: BastionClient) -> None:
    response = api.post("/v1/check", json=DIRTY, headers=api.auth())
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["id"] == "p-1" and body["verdict"] == "act"
    assert body["entities"][0]["registrable_domain"] == "188bet.com"
    assert body["violations"][0]["category"] == "gambling"
    enforcement = body["enforcement"]
    assert not enforcement["duplicate"]
    assert [a["kind"] for a in enforcement["actions"]] == ["disable_link", "warn"]
    assert enforcement["decisions"][0]["strike"] == 1
    statement = enforcement["decisions"][0]["statement_id"]
    action_id = enforcement["actions"][0]["id"]
    detail = api.get(f"/v1/actions/{action_id}", headers=api.auth()).json()
    assert detail["statement_of_reasons"]["statement_id"] == statement


def test_check_twice_is_idempotent(api: BastionClient) -> None:
    first = api.post("/v1/check", json=DIRTY, headers=api.auth()).json()
    api.clock.advance(minutes=5)
    again = api.post("/v1/check", json=DIRTY, headers=api.auth()).json()
    assert again["enforcement"]["duplicate"]
    assert [a["id"] for a in again["enforcement"]["actions"]] == [
        a["id"] for a in first["enforcement"]["actions"]
    ]
    assert not any(a["new"] for a in again["enforcement"]["actions"])
    assert _count(api, Strike) == 1 and _count(api, Action) == 2


def test_clean_item_is_allowed_and_stored(api: BastionClient) -> None:
    body = api.post("/v1/check", json=CLEAN, headers=api.auth()).json()
    assert body["verdict"] == "allow" and body["enforcement"]["actions"] == []
    assert _count(api, Item) == 1


def test_ladder_progresses_through_the_api(api: BastionClient) -> None:
    kinds = []
    for n in range(4):
        api.clock.advance(hours=1)
        record = {**DIRTY, "id": f"p-{n}", "text": f"try 10bet.com #{n}"}
        body = api.post("/v1/check", json=record, headers=api.auth()).json()
        kinds.append([a["kind"] for a in body["enforcement"]["actions"]])
    assert kinds[-1] == ["disable_link", "ban"]
    account = api.get("/v1/accounts/u-9", headers=api.auth()).json()
    assert account["status"] == "banned" and account["active_strikes"] == 4


def test_batch_keeps_order_and_runs_in_one_go(api: BastionClient) -> None:
    items = [DIRTY, CLEAN, {**DIRTY, "id": "p-3", "text": "10bet.com again"}, DIRTY]
    response = api.post("/v1/items:batch", json={"items": items}, headers=api.auth())
    assert response.status_code == 200, response.text
    results = response.json()["results"]
    assert [r["id"] for r in results] == ["p-1", "p-2", "p-3", "p-1"]
    assert [r["verdict"] for r in results] == ["act", "allow", "act", "act"]
    assert [r["enforcement"]["duplicate"] for r in results] == [False, False, False, True]
    assert results[2]["enforcement"]["decisions"][0]["strike"] == 2
    assert _count(api, Item) == 3 and _count(api, Strike) == 2


def test_batch_validation_names_the_bad_item(api: BastionClient) -> None:
    items = [CLEAN, {"id": "x", "surface": "fax", "text": "hi"}]
    response = api.post("/v1/items:batch", json={"items": items}, headers=api.auth())
    assert response.status_code == 422
    assert [e["field"] for e in response.json()["errors"]] == ["items.1.surface"]
    assert _count(api, Item) == 0


def test_same_ids_in_two_tenants_stay_apart(api: BastionClient) -> None:
    mine = api.post("/v1/check", json=DIRTY, headers=api.auth()).json()
    theirs = api.post("/v1/check", json=DIRTY, headers=api.auth(other=True)).json()
    assert not theirs["enforcement"]["duplicate"]
    assert theirs["enforcement"]["decisions"][0]["strike"] == 1
    mine_ids = {a["id"] for a in mine["enforcement"]["actions"]}
    assert mine_ids.isdisjoint(a["id"] for a in theirs["enforcement"]["actions"])


@pytest.mark.parametrize("unit", ["\u200b", " ", "\u3000", "\ufe0f"])
def test_filler_before_a_listed_link_does_not_hide_it(client: BastionClient, unit: str) -> None:
    text = unit * 20_000 + "188bet.com"
    item = {"id": "pad", "account_id": "u-9", "text": text}
    response = client.post("/v1/check", json=item, headers=client.auth())
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["verdict"] == "act"
    assert body["entities"][0]["span"] == [20_000, 20_010]


def test_a_truncated_item_is_reviewed(client: BastionClient) -> None:
    text = "今天天气很好，我们去公园散步吧。" * 2_000 + " 188bet.com"
    item = {"id": "long", "account_id": "u-9", "text": text}
    body = client.post("/v1/check", json=item, headers=client.auth()).json()
    assert body["verdict"] == "act" and body["truncated"] is True
    assert [v["rule"] for v in body["violations"]] == ["link.listed", "scan.truncated"]
    clean = {"id": "long2", "account_id": "u-9", "text": "今天天气很好，我们去公园散步吧。" * 2_000}
    assert client.post("/v1/check", json=clean, headers=client.auth()).json()["verdict"] == "review"
