"""/v1/appeals over HTTP: filing once, routing to another moderator, reversal, isolation."""

from __future__ import annotations

from bastion.store.queries import issue_api_key
from tests.api.conftest import BastionClient

PROBLEM = "application/problem+json"


def decided_actions(api: BastionClient) -> list[int]:
    """Action ids of an upheld scam report decided by the tenant's first moderator key."""
    api.post(
        "/v1/check",
        json={"id": "p-1", "text": "hello", "account_id": "u-1"},
        headers=api.auth("platform"),
    )
    api.post("/v1/reports", json={"item_id": "p-1", "reason": "scam"}, headers=api.auth("public"))
    case_id = api.get("/v1/review/queue", headers=api.auth("moderator")).json()["cases"][0]["id"]
    api.post(f"/v1/review/cases/{case_id}:claim", headers=api.auth("moderator"))
    out = api.post(
        f"/v1/review/cases/{case_id}:decide",
        json={"decision": "uphold"},
        headers=api.auth("moderator"),
    )
    assert out.status_code == 200, out.text
    return [a["id"] for a in out.json()["actions"]]


def other_moderator(api: BastionClient) -> dict[str, str]:
    with api.store.transaction() as s:
        key = issue_api_key(s, api.tenant.id, "moderator", label="appeals")[1]
    return {"Authorization": f"Bearer {key}"}


def test_appeal_is_decided_by_someone_else_and_reverses(api: BastionClient) -> None:
    actions = decided_actions(api)
    filed = api.post(
        "/v1/appeals",
        json={"action_id": actions[0], "appellant": "u-1", "text": "mistake"},
        headers=api.auth("platform"),
    )
    assert filed.status_code == 201, filed.text
    appeal = filed.json()
    assert filed.headers["Location"] == f"/v1/appeals/{appeal['id']}" and appeal["status"] == "open"
    twice = api.post(
        "/v1/appeals",
        json={"action_id": actions[-1], "appellant": "u-1"},
        headers=api.auth("platform"),
    )
    assert twice.status_code == 409 and twice.headers["content-type"] == PROBLEM
    # the moderator who decided neither sees the appeal nor may decide it
    assert api.get("/v1/appeals", headers=api.auth("moderator")).json() == {"appeals": []}
    own = api.post(
        f"/v1/appeals/{appeal['id']}:decide",
        json={"decision": "grant"},
        headers=api.auth("moderator"),
    )
    assert own.status_code == 403 and own.headers["content-type"] == PROBLEM
    bob = other_moderator(api)
    assert [a["id"] for a in api.get("/v1/appeals", headers=bob).json()["appeals"]] == [
        appeal["id"]
    ]
    granted = api.post(
        f"/v1/appeals/{appeal['id']}:decide",
        json={"decision": "grant", "notes": "satire"},
        headers=bob,
    )
    assert granted.status_code == 200, granted.text
    body = granted.json()
    assert body["status"] == "granted" and len(body["strikes_reversed"]) == 1
    assert {op["operation"] for op in body["reversed"]} == {
        "restore_content",
        "retract_warning",
        "restore_monetization",
    }
    account = api.get("/v1/accounts/u-1", headers=api.auth("platform"))
    assert account.status_code == 200
    assert (
        api.get(f"/v1/appeals/{appeal['id']}", headers=api.auth("platform")).json()["decided_at"]
        is not None
    )
    again = api.post(
        f"/v1/appeals/{appeal['id']}:decide",
        json={"decision": "deny"},
        headers=other_moderator(api),
    )
    assert again.status_code == 409


def test_denied_appeal_keeps_the_action(api: BastionClient) -> None:
    actions = decided_actions(api)
    appeal = api.post(
        "/v1/appeals",
        json={"action_id": actions[0], "appellant": "u-1"},
        headers=api.auth("platform"),
    ).json()
    denied = api.post(
        f"/v1/appeals/{appeal['id']}:decide", json={"decision": "deny"}, headers=api.auth("admin")
    )
    assert denied.status_code == 200 and denied.json()["reversed"] == []
    case = api.get("/v1/cases", headers=api.auth("admin")).json()["cases"][0]
    detail = api.get(f"/v1/cases/{case['id']}", headers=api.auth("admin")).json()
    assert all(a["reversed_at"] is None for a in detail["actions"])


def test_appeal_roles_bounds_and_isolation(api: BastionClient) -> None:
    actions = decided_actions(api)
    body = {"action_id": actions[0], "appellant": "u-1"}
    for role in ("public", "moderator"):
        assert api.post("/v1/appeals", json=body, headers=api.auth(role)).status_code == 403
    wrong = api.post("/v1/appeals", json={**body, "appellant": "u-2"}, headers=api.auth("platform"))
    assert wrong.status_code == 403
    long_text = api.post(
        "/v1/appeals", json={**body, "text": "x" * 5001}, headers=api.auth("platform")
    )
    assert long_text.status_code == 422 and long_text.headers["content-type"] == PROBLEM
    theirs = api.post("/v1/appeals", json=body, headers=api.auth("platform", other=True))
    assert theirs.status_code == 404
    appeal = api.post("/v1/appeals", json=body, headers=api.auth("platform")).json()
    for response in (
        api.get(f"/v1/appeals/{appeal['id']}", headers=api.auth("platform", other=True)),
        api.post(
            f"/v1/appeals/{appeal['id']}:decide",
            json={"decision": "grant"},
            headers=api.auth("moderator", other=True),
        ),
    ):
        assert response.status_code == 404 and response.headers["content-type"] == PROBLEM
    assert api.get("/v1/appeals", headers=api.auth("admin", other=True)).json() == {"appeals": []}
    assert (
        api.get(f"/v1/appeals/{appeal['id']}", headers=api.auth("platform")).json()["status"]
        == "open"
    )
