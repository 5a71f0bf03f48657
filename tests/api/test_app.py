"""Cross-cutting API behaviour: authentication, roles, problem JSON, size and rate limits, docs."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urlsplit

import httpx
import pytest

from bastion.api import ApiSettings
from bastion.store import Store
from bastion.store.models import ApiKey
from bastion.store.types import utcnow
from tests.api.conftest import BastionClient, MakeClient

PROBLEM_FIELDS = {"type", "title", "status", "detail", "instance"}
ITEM = {"id": "p-1", "account_id": "u-1", "text": "see 10bet.com tonight"}


def assert_problem(response: httpx.Response, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    body: dict[str, Any] = response.json()
    assert set(body) >= PROBLEM_FIELDS
    assert body["status"] == status
    return body


@pytest.mark.parametrize("header", [None, "Bearer", "Bearer nope", "Basic dXNlcjpwdw==", "bst_x"])
def test_missing_or_bad_keys_get_401_with_challenge(
    client: BastionClient, header: str | None
) -> None:
    headers = {"Authorization": header} if header else {}
    response = client.post("/v1/check", json=ITEM, headers=headers)
    body = assert_problem(response, 401)
    assert response.headers["www-authenticate"].startswith("Bearer")
    assert body["instance"] == "/v1/check"


def test_revoked_key_stops_working(make_client: MakeClient, store: Store) -> None:
    client = make_client(store, settings=ApiSettings(auth_cache_seconds=0))
    assert client.get("/v1/stats", headers=client.auth()).status_code == 200
    with store.transaction() as session:
        for key in session.query(ApiKey).filter(ApiKey.tenant_id == client.tenant.id):
            key.revoked_at = utcnow()
    assert_problem(client.get("/v1/stats", headers=client.auth()), 401)


@pytest.mark.parametrize(
    ("method", "path", "allowed"),
    [
        ("POST", "/v1/check", {"platform", "admin"}),
        ("POST", "/v1/items:batch", {"platform", "admin"}),
        ("GET", "/v1/stats", {"platform", "moderator", "admin"}),
        ("GET", "/v1/accounts/u-1", {"platform", "moderator", "admin"}),
        ("GET", "/v1/actions/1", {"platform", "moderator", "admin"}),
        ("GET", "/v1/campaigns", {"platform", "moderator", "admin"}),
        ("POST", "/v1/campaigns", {"moderator", "admin"}),
        ("GET", "/v1/cases", {"moderator", "admin"}),
        ("GET", "/v1/cases/1", {"moderator", "admin"}),
        ("PUT", "/v1/webhook", {"admin"}),
    ],
)
def test_roles(client: BastionClient, method: str, path: str, allowed: set[str]) -> None:
    bodies = {
        "/v1/check": ITEM,
        "/v1/items:batch": {"items": [ITEM]},
        "/v1/campaigns": {"name": "c", "ends_at": "2026-12-01T00:00:00Z"},
        "/v1/webhook": {"url": "https://hooks.example/x"},
    }
    for role in ("platform", "moderator", "admin", "public"):
        response = client.request(method, path, json=bodies.get(path), headers=client.auth(role))
        if role in allowed:
            assert response.status_code not in (401, 403), (role, response.text)
        else:
            body = assert_problem(response, 403)
            assert role in body["detail"]


def test_validation_errors_list_every_invalid_field(client: BastionClient) -> None:
    bad = {"id": "", "surface": "fax", "images": "x.png", "colour": "red"}
    body = assert_problem(client.post("/v1/check", json=bad, headers=client.auth()), 422)
    fields = {e["field"] for e in body["errors"]}
    assert {"id", "surface", "images", "colour"} <= fields
    assert all(e["pointer"].startswith("#/") and e["detail"] for e in body["errors"])
    body = assert_problem(client.post("/v1/check", json={"id": "x"}, headers=client.auth()), 422)
    assert "text" in json.dumps(body)


def test_malformed_json_is_a_problem(client: BastionClient) -> None:
    response = client.post(
        "/v1/check",
        content=b"{not json",
        headers={**client.auth(), "Content-Type": "application/json"},
    )
    assert_problem(response, 422)


def test_unknown_route_and_method_are_problems(client: BastionClient) -> None:
    assert_problem(client.get("/v1/nothing", headers=client.auth()), 404)
    assert_problem(client.delete("/v1/check", headers=client.auth()), 405)


def test_body_limits_answer_413(make_client: MakeClient, store: Store) -> None:
    settings = ApiSettings(
        max_body_bytes=1000, max_check_bytes=2000, max_batch_bytes=4000, max_batch_items=3
    )
    client = make_client(store, settings=settings)
    big = {"id": "big", "text": "x" * 5000}
    body = assert_problem(client.post("/v1/check", json=big, headers=client.auth()), 413)
    assert "2000" in body["detail"]
    report = {"item_id": "i1", "reason": "x" * 1500}
    body = assert_problem(client.post("/v1/reports", json=report, headers=client.auth()), 413)
    assert "1000" in body["detail"]

    def chunks() -> Iterator[bytes]:
        for _ in range(10):
            yield b" " * 500

    response = client.post(
        "/v1/check", content=chunks(), headers={**client.auth(), "Content-Type": "application/json"}
    )
    assert_problem(response, 413)
    items = [{"id": f"i{n}", "text": "hello"} for n in range(4)]
    body = assert_problem(
        client.post("/v1/items:batch", json={"items": items}, headers=client.auth()), 413
    )
    assert "at most 3 items" in body["detail"]
    ok = client.post("/v1/items:batch", json={"items": items[:3]}, headers=client.auth())
    assert ok.status_code == 200


def test_rate_limit_answers_429_with_retry_after(make_client: MakeClient, store: Store) -> None:
    """One token back per 1,000 s: no pause of a busy machine refills the bucket mid-test."""
    client = make_client(store, settings=ApiSettings(rate_limit=0.001, rate_burst=2))
    statuses = [client.get("/v1/stats", headers=client.auth()).status_code for _ in range(3)]
    assert statuses == [200, 200, 429]
    response = client.get("/v1/stats", headers=client.auth())
    assert_problem(response, 429)
    assert 1 <= int(response.headers["retry-after"]) <= 1000
    assert client.get("/v1/stats", headers=client.auth("admin")).status_code == 200


def test_unexpected_errors_are_500_problems_without_internals(
    client: BastionClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    def boom(*args: object, **kwargs: object) -> None:
        raise RuntimeError("secret internals")

    monkeypatch.setattr("bastion.api.routes.accounts.tenant_stats", boom)
    response = client.get("/v1/stats", headers=client.auth())
    body = assert_problem(response, 500)
    assert "secret" not in response.text and body["reference"]


def test_openapi_and_docs_are_served(client: BastionClient) -> None:
    spec = client.get("/openapi.json").json()
    for path in ("/v1/check", "/v1/items:batch", "/v1/accounts/{account_id}", "/v1/stats"):
        assert path in spec["paths"]
    assert client.get("/docs").status_code == 200


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.urls += [v for k, v in attrs if k in ("src", "href") and v]


@pytest.mark.parametrize("page", ["/docs", "/redoc"])
def test_docs_load_nothing_from_another_host(client: BastionClient, page: str) -> None:
    html = client.get(page)
    assert html.status_code == 200
    links = _Links()
    links.feed(html.text)
    spec_urls = re.findall(r"""(?:\burl:|spec-url=)\s*['"]([^'"]+)""", html.text)
    referenced = links.urls + spec_urls
    assert any(u.endswith(".js") for u in referenced) and "/openapi.json" in spec_urls
    assert not re.search(r"(?i)https?:|//[a-z0-9-]+\.[a-z]", html.text), "names another host"
    for url in referenced:
        assert not urlsplit(url).netloc, url
        assert client.get(url).status_code == 200, url
    if page == "/docs":
        assert '"validatorUrl": null' in html.text


def test_security_headers_on_every_kind_of_response(client: BastionClient) -> None:
    responses = {
        "stats": client.get("/v1/stats", headers=client.auth()),
        "account": client.get("/v1/accounts/u-1", headers=client.auth()),
        "missing action": client.get("/v1/actions/999", headers=client.auth()),
        "401": client.get("/v1/stats"),
        "413": client.post("/v1/check", content=b"x" * (2 << 20), headers=client.auth()),
        "docs": client.get("/docs"),
        "openapi": client.get("/openapi.json"),
    }
    for name, response in responses.items():
        assert response.headers.get("x-content-type-options") == "nosniff", name
    for name in ("stats", "account", "missing action", "401", "413"):
        assert responses[name].headers.get("cache-control") == "no-store", name
