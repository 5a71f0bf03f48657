"""Accounts, actions (with statements and the DSA export), stats, campaigns and the webhook
setting over HTTP, including that no tenant can read another's data."""

from __future__ import annotations

from typing import Any

from bastion.enforce.dsa import validate_dsa
from tests.api.conftest import BastionClient

DIRTY = {"id": "p-1", "account_id": "u-9", "text": "官网 １８８ｂｅｔ。ｃｏｍ 注册送彩金"}


def _enforce(api: BastionClient) -> dict[str, Any]:
    response = api.post("/v1/check", json=DIRTY, headers=api.auth())
    assert response.status_code == 200, response.text
    enforcement: dict[str, Any] = response.json()["enforcement"]
    return enforcement


def test_account_view(api: BastionClient) -> None:
    _enforce(api)
    body = api.get("/v1/accounts/u-9", headers=api.auth("moderator")).json()
    assert body["status"] == "active" and body["active_strikes"] == 1
    assert [s["category"] for s in body["strikes"]] == ["gambling"]
    assert [a["kind"] for a in body["actions"]] == ["warn", "disable_link"]
    assert {a["item_id"] for a in body["actions"]} == {"p-1"}
    assert api.get("/v1/accounts/u-404", headers=api.auth()).status_code == 404


def test_action_statement_and_dsa_export(api: BastionClient) -> None:
    enforcement = _enforce(api)
    link = enforcement["actions"][0]
    body = api.get(f"/v1/actions/{link['id']}", headers=api.auth()).json()
    statement = body["statement_of_reasons"]
    assert statement["category"] == "gambling" and statement["strike_number"] == 1
    assert [a["kind"] for a in statement["actions"]] == ["disable_link", "warn"]
    dsa = api.get(f"/v1/actions/{link['id']}?format=dsa", headers=api.auth()).json()
    assert validate_dsa(dsa) == []
    assert dsa["puid"] == statement["statement_id"]
    assert "188bet.com" in dsa["decision_facts"]
    bad = api.get(f"/v1/actions/{link['id']}?format=xml", headers=api.auth())
    assert bad.status_code == 422


def test_stats_count_the_tenants_own_data(api: BastionClient) -> None:
    _enforce(api)
    api.post("/v1/check", json={"id": "c", "text": "hello there"}, headers=api.auth())
    stats = api.get("/v1/stats", headers=api.auth()).json()
    assert stats["items"] == {"act": 1, "allow": 1}
    assert stats["actions"] == {"disable_link": 1, "warn": 1}
    assert stats["violations"] == {"gambling": 1} and stats["active_strikes"] == 1
    other = api.get("/v1/stats", headers=api.auth(other=True)).json()
    assert other["items"] == {} and other["actions"] == {} and other["active_strikes"] == 0


def test_no_tenant_reads_another_tenants_records(api: BastionClient) -> None:
    enforcement = _enforce(api)
    action_id = enforcement["actions"][0]["id"]
    created = api.post(
        "/v1/campaigns",
        json={"name": "push", "ends_at": "2026-12-20T00:00:00Z"},
        headers=api.auth("admin"),
    ).json()
    for path in (
        "/v1/accounts/u-9",
        f"/v1/actions/{action_id}",
        f"/v1/actions/{action_id}?format=dsa",
        f"/v1/campaigns/{created['id']}",
    ):
        mine = api.get(path, headers=api.auth())
        theirs = api.get(path, headers=api.auth(other=True))
        assert mine.status_code == 200, path
        assert theirs.status_code == 404, path
        assert theirs.headers["content-type"].startswith("application/problem+json")
    assert api.get("/v1/campaigns", headers=api.auth(other=True)).json() == {"campaigns": []}


def test_campaigns_over_http(api: BastionClient) -> None:
    body = {
        "name": "gambling week",
        "scope": {"categories": ["gambling"], "surfaces": ["post"]},
        "ends_at": "2026-11-27T12:00:00Z",
    }
    response = api.post("/v1/campaigns", json=body, headers=api.auth("moderator"))
    assert response.status_code == 201, response.text
    created = response.json()
    assert response.headers["location"] == f"/v1/campaigns/{created['id']}"
    assert created["live"] and created["scope"]["categories"] == ["gambling"]
    duplicate = api.post("/v1/campaigns", json=body, headers=api.auth("admin"))
    assert duplicate.status_code == 409
    assert duplicate.headers["content-type"].startswith("application/problem+json")
    _enforce(api)
    counters = api.get(f"/v1/campaigns/{created['id']}", headers=api.auth()).json()["counters"]
    assert counters == {
        "items_scanned": 1,
        "links_disabled": 1,
        "accounts_actioned": 1,
        "actions_taken": 2,
    }
    listed = api.get("/v1/campaigns?live=true", headers=api.auth()).json()["campaigns"]
    assert [c["id"] for c in listed] == [created["id"]]
    bad = api.post(
        "/v1/campaigns",
        json={"name": "x", "ends_at": "2026-11-01T00:00:00Z"},
        headers=api.auth("admin"),
    )
    assert bad.status_code == 422
    missing = api.post("/v1/campaigns", json={"name": "y"}, headers=api.auth("admin"))
    assert [e["field"] for e in missing.json()["errors"]] == ["ends_at"]


def test_webhook_setting_returns_the_secret_once(api: BastionClient) -> None:
    first = api.put(
        "/v1/webhook", json={"url": "https://hooks.example/bastion"}, headers=api.auth("admin")
    ).json()
    assert first["secret"].startswith("whsec_")
    again = api.put(
        "/v1/webhook", json={"url": "https://hooks.example/v2"}, headers=api.auth("admin")
    ).json()
    assert again["secret"] is None
    bad = api.put("/v1/webhook", json={"url": "file:///etc/passwd"}, headers=api.auth("admin"))
    assert bad.status_code == 422
    _enforce(api)
    stats = api.get("/v1/stats", headers=api.auth()).json()
    assert stats["notices"] == {"pending": 1}
