"""``CheckFastPath``: a check answered ahead of the middleware stack and the router must look
exactly like one the full stack answers (headers, metrics, errors), and anything it cannot
answer must reach the full stack with its body intact."""

from __future__ import annotations

import json
from typing import Any

from prometheus_client import REGISTRY

from bastion.api import ApiSettings
from bastion.api.fastpath import CheckFastPath
from tests.api.conftest import BastionClient, MakeClient
from tests.api.test_keys import _cached, _until

ITEM = {"id": "f-1", "account_id": "u-1", "text": "官网 １８８ｂｅｔ。ｃｏｍ 注册送彩金"}


def _answered(client: BastionClient) -> float:
    value = REGISTRY.get_sample_value(
        "bastion_http_requests_total",
        {"method": "POST", "route": "/v1/check", "status": "200"},
    )
    return value or 0.0


def _spy(client: BastionClient, monkeypatch: Any) -> list[str]:
    """Records, per check, whether the fast path answered it ("fast") or passed it on."""
    seen: list[str] = []
    original = CheckFastPath.__call__

    async def watched(self: CheckFastPath, scope: Any, receive: Any, send: Any) -> None:
        if scope.get("path") != "/v1/check":
            await original(self, scope, receive, send)
            return
        inner = self.app

        async def passed(scope: Any, receive: Any, send: Any) -> None:
            seen.append("passed")
            await inner(scope, receive, send)

        self.app = passed
        try:
            before = len(seen)
            await original(self, scope, receive, send)
            if len(seen) == before:
                seen.append("fast")
        finally:
            self.app = inner

    monkeypatch.setattr(CheckFastPath, "__call__", watched)
    return seen


def test_a_cached_key_is_answered_fast_with_every_header_and_counted(
    client: BastionClient, monkeypatch: Any
) -> None:
    assert _until(lambda: _cached(client, "platform")), "auth cache never used"
    seen = _spy(client, monkeypatch)
    counted = _answered(client)
    first = client.post("/v1/check", json=ITEM, headers=client.auth())
    assert seen == ["fast"]
    assert first.status_code == 200
    assert first.headers["content-type"] == "application/json"
    assert first.headers["x-content-type-options"] == "nosniff"
    assert first.headers["cache-control"] == "no-store"
    assert int(first.headers["content-length"]) == len(first.content)
    body = first.json()
    assert body["verdict"] == "act" and body["enforcement"]["created"]
    assert _answered(client) == counted + 1
    again = client.post("/v1/check", json=ITEM, headers=client.auth())
    assert again.json()["enforcement"]["duplicate"]


def test_the_same_check_answers_alike_on_either_path(
    client: BastionClient, monkeypatch: Any
) -> None:
    """A moderator key (declared path: 403) shows the fall-through; a platform key's answer
    through the fast path equals the declared path's answer for an equal item."""
    seen = _spy(client, monkeypatch)
    uncached = client.post("/v1/check", json={**ITEM, "id": "f-2"}, headers=client.auth())
    assert seen == ["passed"] or seen == ["fast"]
    assert _until(lambda: _cached(client, "platform"))
    cached = client.post("/v1/check", json={**ITEM, "id": "f-3"}, headers=client.auth())
    assert seen[-1] == "fast"
    assert uncached.status_code == cached.status_code == 200
    one, two = uncached.json(), cached.json()
    for body in (one, two):
        body.pop("id")
        body["enforcement"].pop("item_id")
        for action in body["enforcement"]["actions"]:
            action.pop("id")
        body["enforcement"].pop("case_id")
    assert one["verdict"] == two["verdict"] and one["entities"] == two["entities"]
    assert set(uncached.headers) == set(cached.headers)
    refused = client.post("/v1/check", json=ITEM, headers=client.auth("moderator"))
    assert refused.status_code == 403 and seen[-1] == "passed"


def test_an_error_raised_by_the_check_is_the_handlers_problem(
    client: BastionClient, monkeypatch: Any
) -> None:
    """A record the store refuses (a NUL in its text) fails in the committer: the fast path
    answers with the problem the app's handlers give, headers included."""
    assert _until(lambda: _cached(client, "platform"))
    seen = _spy(client, monkeypatch)
    bad = client.post(
        "/v1/check", json={**ITEM, "id": "f-4", "text": "a\x00b"}, headers=client.auth()
    )
    assert seen == ["fast"]
    assert bad.status_code == 422, bad.text
    assert bad.headers["content-type"] == "application/problem+json"
    assert bad.headers["x-content-type-options"] == "nosniff"
    assert bad.json()["type"] == "/problems/invalid-input"


def test_what_the_fast_path_cannot_answer_reaches_the_app_with_its_body(
    tmp_path: Any, make_client: MakeClient, monkeypatch: Any
) -> None:
    from bastion.store import Store

    store = Store.open(home=tmp_path / "home")
    small = make_client(store, settings=ApiSettings(max_check_bytes=2048))
    try:
        assert _until(lambda: _cached(small, "platform"))
        seen = _spy(small, monkeypatch)
        big = json.dumps({**ITEM, "text": "x" * 4096}).encode()
        headers = {**small.auth(), "Content-Type": "application/json"}
        assert small.post("/v1/check", content=big, headers=headers).status_code == 413
        chunked = small.post(
            "/v1/check", content=iter([json.dumps({**ITEM, "id": "f-5"}).encode()]), headers=headers
        )
        assert chunked.status_code == 200, chunked.text
        assert chunked.json()["enforcement"]["created"]
        bad_json = small.post("/v1/check", content=b"{", headers=headers)
        assert bad_json.status_code == 422
        assert seen == ["passed", "passed", "passed"]
    finally:
        store.close()
