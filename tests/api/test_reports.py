"""/v1/reports over HTTP: roles, tokens, tenant isolation, rate limits, trusted flaggers."""

from __future__ import annotations

from sqlalchemy import select

from bastion.store.models import ApiKey, Case
from tests.api.conftest import BastionClient

PROBLEM = "application/problem+json"


def post_item(
    api: BastionClient, item_id: str, text: str = "lunch at noon?", account: str = "u-1"
) -> None:
    response = api.post(
        "/v1/check",
        json={"id": item_id, "text": text, "account_id": account},
        headers=api.auth("platform"),
    )
    assert response.status_code == 200, response.text


def test_public_report_and_token_bound_outcome(api: BastionClient) -> None:
    post_item(api, "p-1")
    response = api.post(
        "/v1/reports",
        json={"item_id": "p-1", "reason": "scam", "text": "fake"},
        headers=api.auth("public"),
    )
    assert response.status_code == 201, response.text
    body = response.json()
    assert response.headers["Location"] == f"/v1/reports/{body['id']}"
    assert body["status"] == "open" and body["target"] == {"kind": "item", "id": "p-1"}
    token = body["token"]
    url = f"/v1/reports/{body['id']}"
    mine = api.get(url, headers={**api.auth("public"), "X-Report-Token": token})
    assert mine.status_code == 200 and mine.json()["status"] == "open"
    for headers in (
        api.auth("public"),
        {**api.auth("public"), "X-Report-Token": token[:-1] + "x"},
        {**api.auth("public", other=True), "X-Report-Token": token},
        api.auth("moderator", other=True),
    ):
        denied = api.get(url, headers=headers)
        assert denied.status_code == 404 and denied.headers["content-type"] == PROBLEM
    assert api.get(url, headers=api.auth("moderator")).json()["id"] == body["id"]


def test_platform_reports_on_behalf_of_a_user(api: BastionClient) -> None:
    post_item(api, "p-1")
    missing = api.post(
        "/v1/reports", json={"item_id": "p-1", "reason": "scam"}, headers=api.auth("platform")
    )
    assert missing.status_code == 422 and missing.headers["content-type"] == PROBLEM
    made = api.post(
        "/v1/reports",
        json={
            "item_id": "p-1",
            "reason": "phishing",
            "reporter_id": "user-7",
            "trusted_flagger": True,
        },
        headers=api.auth("platform"),
    )
    assert made.status_code == 201 and made.json()["trusted_flagger"] is True
    url = f"/v1/reports/{made.json()['id']}"
    assert (
        api.get(url, params={"reporter_id": "user-7"}, headers=api.auth("platform")).status_code
        == 200
    )
    assert (
        api.get(url, params={"reporter_id": "user-8"}, headers=api.auth("platform")).status_code
        == 404
    )
    by_account = api.post(
        "/v1/reports",
        json={"account_id": "u-1", "reason": "other", "reporter_id": "user-7"},
        headers=api.auth("admin"),
    )
    assert by_account.status_code == 201
    assert by_account.json()["target"] == {"kind": "account", "id": "u-1"}


def test_bad_requests_are_problems(api: BastionClient) -> None:
    post_item(api, "p-1")
    cases = [
        ({"item_id": "p-1", "reason": "nasty"}, "public", 422),
        ({"item_id": "p-1", "reason": "scam", "text": "x" * 2001}, "public", 422),
        ({"item_id": "p-1", "reason": "scam", "reporter_id": "me"}, "public", 422),
        ({"item_id": "p-1", "account_id": "u-1", "reason": "scam"}, "public", 422),
        ({"item_id": "p-1", "reason": "scam", "extra": 1}, "public", 422),
        ({"item_id": "nope", "reason": "scam"}, "public", 404),
        ({"item_id": "p-1", "reason": "scam"}, "moderator", 403),
    ]
    for body, role, status in cases:
        response = api.post("/v1/reports", json=body, headers=api.auth(role))
        assert response.status_code == status, (body, response.text)
        assert response.headers["content-type"] == PROBLEM
        assert response.json()["status"] == status
    other = api.post(
        "/v1/reports",
        json={"item_id": "p-1", "reason": "scam"},
        headers=api.auth("public", other=True),
    )
    assert other.status_code == 404  # tenant B cannot reach tenant A's item
    assert api.post("/v1/reports", json={"item_id": "p-1", "reason": "scam"}).status_code == 401


def test_rate_limited_public_reporter_gets_429_with_retry_after(api: BastionClient) -> None:
    post_item(api, "p-1")
    for _ in range(10):
        ok = api.post(
            "/v1/reports", json={"item_id": "p-1", "reason": "scam"}, headers=api.auth("public")
        )
        assert ok.status_code == 201
    limited = api.post(
        "/v1/reports", json={"item_id": "p-1", "reason": "scam"}, headers=api.auth("public")
    )
    assert limited.status_code == 429 and limited.headers["content-type"] == PROBLEM
    assert limited.headers["Retry-After"] == "600"
    api.clock.advance(minutes=10, seconds=1)
    again = api.post(
        "/v1/reports", json={"item_id": "p-1", "reason": "scam"}, headers=api.auth("public")
    )
    assert again.status_code == 201


def test_trusted_flagger_key_raises_priority(api: BastionClient) -> None:
    post_item(api, "p-1")
    post_item(api, "p-2")
    with api.store.transaction() as s:
        for key in s.scalars(
            select(ApiKey).where(ApiKey.tenant_id == api.tenant.id, ApiKey.role == "public")
        ):
            key.trusted_flagger = True
    flagged = api.post(
        "/v1/reports", json={"item_id": "p-2", "reason": "gambling"}, headers=api.auth("public")
    )
    assert flagged.json()["trusted_flagger"] is True
    api.post(
        "/v1/reports",
        json={"item_id": "p-1", "reason": "phishing", "reporter_id": "x"},
        headers=api.auth("platform"),
    )
    queue = api.get("/v1/review/queue", headers=api.auth("moderator")).json()["cases"]
    with api.store.transaction(readonly=True) as s:
        top = s.get(Case, queue[0]["id"])
        assert top is not None and top.priority >= 100 and queue[0]["reason"] == "report:gambling"
