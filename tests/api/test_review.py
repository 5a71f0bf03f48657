"""/v1/review and /v1/cases over HTTP: roles, claims, decisions, tenant isolation."""

from __future__ import annotations

from bastion.store.queries import issue_api_key
from tests.api.conftest import BastionClient

PROBLEM = "application/problem+json"


def second_moderator(api: BastionClient) -> dict[str, str]:
    with api.store.transaction() as s:
        key = issue_api_key(s, api.tenant.id, "moderator", label="second")[1]
    return {"Authorization": f"Bearer {key}"}


def reported(api: BastionClient, item_id: str = "p-1", reason: str = "scam") -> int:
    checked = api.post(
        "/v1/check",
        json={"id": item_id, "text": "hello there", "account_id": "u-1"},
        headers=api.auth("platform"),
    )
    assert checked.status_code == 200, checked.text
    made = api.post(
        "/v1/reports", json={"item_id": item_id, "reason": reason}, headers=api.auth("public")
    )
    assert made.status_code == 201, made.text
    queue = api.get("/v1/review/queue", headers=api.auth("moderator")).json()["cases"]
    return int(next(c["id"] for c in queue if c["reason"] == f"report:{reason}"))


def test_claim_decide_and_read_back(api: BastionClient) -> None:
    case_id = reported(api)
    claimed = api.post(f"/v1/review/cases/{case_id}:claim", headers=api.auth("moderator"))
    assert claimed.status_code == 200 and claimed.json()["status"] == "claimed"
    taken = api.post(f"/v1/review/cases/{case_id}:claim", headers=second_moderator(api))
    assert taken.status_code == 409 and taken.headers["content-type"] == PROBLEM
    early = api.post(
        f"/v1/review/cases/{case_id}:decide",
        json={"decision": "uphold"},
        headers=second_moderator(api),
    )
    assert early.status_code == 409
    decided = api.post(
        f"/v1/review/cases/{case_id}:decide",
        json={"decision": "uphold", "notes": "clear scam"},
        headers=api.auth("moderator"),
    )
    assert decided.status_code == 200, decided.text
    body = decided.json()
    assert [a["kind"] for a in body["actions"]] == [
        "remove_content",
        "warn",
        "suspend_monetization",
    ]
    assert body["strike"]["category"] == "scam" and body["statement"]["source"] == "notice"
    detail = api.get(f"/v1/cases/{case_id}", headers=api.auth("moderator")).json()
    assert detail["status"] == "decided" and detail["item_id"] == "p-1"
    assert detail["reports"] == {"count": 1, "reasons": {"scam": 1}, "trusted_flagger": False}
    assert [r["decision"] for r in detail["reviews"]] == ["uphold"]
    assert len(detail["actions"]) == 3
    listed = api.get(
        "/v1/cases", params={"status": "decided"}, headers=api.auth("moderator")
    ).json()
    assert [c["id"] for c in listed["cases"]] == [case_id]
    again = api.post(
        f"/v1/review/cases/{case_id}:decide",
        json={"decision": "dismiss"},
        headers=api.auth("moderator"),
    )
    assert again.status_code == 409


def test_claims_expire_and_next_hands_out_the_top_case(api: BastionClient) -> None:
    low = reported(api, "p-1", "gambling")
    high = reported(api, "p-2", "phishing")
    bob = second_moderator(api)
    first = api.post("/v1/review/next", headers=api.auth("moderator"))
    assert first.status_code == 200 and first.json()["id"] == high
    second = api.post("/v1/review/next", headers=bob)
    assert second.json()["id"] == low
    assert api.post("/v1/review/next", headers=api.auth("admin")).status_code == 204
    api.clock.advance(minutes=16)
    assert [
        c["id"] for c in api.get("/v1/review/queue", headers=api.auth("admin")).json()["cases"]
    ] == [high, low]
    assert api.post(f"/v1/review/cases/{high}:claim", headers=bob).status_code == 200
    assert (
        api.post(f"/v1/review/cases/{high}:release", headers=api.auth("moderator")).status_code
        == 409
    )
    released = api.post(f"/v1/review/cases/{high}:release", headers=bob)
    assert released.status_code == 200 and released.json()["status"] == "open"


def test_decision_input_is_bounded(api: BastionClient) -> None:
    case_id = reported(api)
    api.post(f"/v1/review/cases/{case_id}:claim", headers=api.auth("moderator"))
    bad = [
        {"decision": "maybe"},
        {"decision": "change_action"},
        {"decision": "change_action", "action_kind": "temp_suspend"},
        {"decision": "change_action", "action_kind": "ban", "duration": "forever"},
        {"decision": "uphold", "notes": "x" * 2001},
        {"decision": "uphold", "category": "Bad Category"},
        {"decision": "uphold", "severity": "extreme"},
    ]
    for body in bad:
        response = api.post(
            f"/v1/review/cases/{case_id}:decide", json=body, headers=api.auth("moderator")
        )
        assert response.status_code == 422, (body, response.text)
        assert response.headers["content-type"] == PROBLEM
    chosen = api.post(
        f"/v1/review/cases/{case_id}:decide",
        json={"decision": "change_action", "action_kind": "temp_suspend", "duration": "2d"},
        headers=api.auth("moderator"),
    )
    assert chosen.status_code == 200
    assert [(a["kind"], a["expires_at"][:10]) for a in chosen.json()["actions"]] == [
        ("temp_suspend", "2026-11-22")
    ]


def test_roles_and_tenant_isolation(api: BastionClient) -> None:
    case_id = reported(api)
    for role in ("platform", "public"):
        assert api.get("/v1/review/queue", headers=api.auth(role)).status_code == 403
        assert (
            api.post(f"/v1/review/cases/{case_id}:claim", headers=api.auth(role)).status_code == 403
        )
    assert api.get("/v1/cases", headers=api.auth("public")).status_code == 403
    theirs = api.auth("moderator", other=True)
    assert api.get("/v1/review/queue", headers=theirs).json() == {"cases": []}
    assert api.get("/v1/cases", headers=theirs).json()["cases"] == []
    assert api.post("/v1/review/next", headers=theirs).status_code == 204
    for response in (
        api.get(f"/v1/cases/{case_id}", headers=theirs),
        api.post(f"/v1/review/cases/{case_id}:claim", headers=theirs),
        api.post(
            f"/v1/review/cases/{case_id}:decide", json={"decision": "dismiss"}, headers=theirs
        ),
    ):
        assert response.status_code == 404 and response.headers["content-type"] == PROBLEM
    # tenant A's case is untouched by tenant B's attempts
    assert api.get(f"/v1/cases/{case_id}", headers=api.auth("moderator")).json()["status"] == "open"
