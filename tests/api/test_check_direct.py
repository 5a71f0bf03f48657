"""``POST /v1/check``'s direct path (``CheckRoute``): the common case skips FastAPI's dependency
solving; everything else must fall through to the declared path, which gives the errors."""

from __future__ import annotations

import asyncio
import json
from typing import Any

from fastapi import Request

from bastion.api import ApiSettings
from bastion.api.routes.check import _direct
from tests.api.conftest import BastionClient, MakeClient
from tests.api.test_keys import _cached, _key_id, _until

ITEM = {"id": "d-1", "account_id": "u-1", "text": "官网 １８８ｂｅｔ。ｃｏｍ 注册送彩金"}


def _direct_answer(
    client: BastionClient,
    body: bytes,
    headers: list[tuple[str, str]],
) -> tuple[int, dict[str, Any]] | None:
    """Run ``_direct`` on a request as uvicorn would hand it over; None: it declined."""
    scope = {
        "type": "http",
        "app": client.app,
        "method": "POST",
        "path": "/v1/check",
        "headers": [(k.lower().encode(), v.encode("latin-1")) for k, v in headers],
        "query_string": b"",
    }
    sent = False

    async def receive() -> dict[str, Any]:
        nonlocal sent
        if sent:
            return {"type": "http.disconnect"}
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    async def run() -> tuple[int, dict[str, Any]] | None:
        answer = await _direct(Request(scope, receive))
        return None if answer is None else (answer.status_code, json.loads(bytes(answer.body)))

    return asyncio.run(run())


def _headers(client: BastionClient, role: str = "platform") -> list[tuple[str, str]]:
    return [
        ("Authorization", client.auth(role)["Authorization"]),
        ("Content-Type", "application/json"),
    ]


def test_a_cached_platform_key_with_a_sound_body_is_answered_directly(
    client: BastionClient,
) -> None:
    assert _until(lambda: _cached(client, "platform")), "auth cache never used"
    answer = _direct_answer(client, json.dumps(ITEM).encode(), _headers(client))
    assert answer is not None
    status, body = answer
    assert status == 200 and body["verdict"] == "act" and body["enforcement"]["created"]
    replay = client.post("/v1/check", json=ITEM, headers=client.auth())
    assert replay.status_code == 200
    assert replay.json()["enforcement"]["duplicate"]
    assert replay.json()["enforcement"]["actions"] == [
        {**a, "new": False} for a in body["enforcement"]["actions"]
    ]
    admin = [("Authorization", client.auth("admin")["Authorization"]), _headers(client)[1]]
    assert _until(lambda: _cached(client, "admin"))
    assert _direct_answer(client, json.dumps({**ITEM, "id": "d-2"}).encode(), admin) is not None


def test_everything_but_the_common_case_takes_the_declared_path(client: BastionClient) -> None:
    assert _until(lambda: _cached(client, "platform")) and _until(
        lambda: _cached(client, "moderator")
    )
    good = json.dumps(ITEM).encode()
    key = client.auth()["Authorization"]
    declined = {
        "no authorization": (good, [("Content-Type", "application/json")]),
        "basic scheme": (good, [("Authorization", "Basic abc"), _headers(client)[1]]),
        "empty key": (good, [("Authorization", "Bearer  "), _headers(client)[1]]),
        "unknown key": (good, [("Authorization", "Bearer bst_nope"), _headers(client)[1]]),
        "moderator key": (good, _headers(client, "moderator")),
        "no content type": (good, [("Authorization", key)]),
        "text content type": (good, [("Authorization", key), ("Content-Type", "text/plain")]),
        "+json content type": (
            good,
            [("Authorization", key), ("Content-Type", "application/problem+json")],
        ),
        "empty body": (b"", _headers(client)),
        "not JSON": (b"{", _headers(client)),
        "not an object": (b"[]", _headers(client)),
        "invalid record": (json.dumps({"id": "a/b", "text": "x"}).encode(), _headers(client)),
        "nested too deep": (b"[" * 100_000 + b"]" * 100_000, _headers(client)),
    }
    for why, (body, headers) in declined.items():
        assert _direct_answer(client, body, headers) is None, why
    assert client.post("/v1/check", json=ITEM, headers=client.auth("moderator")).status_code == 403
    deep = client.post(
        "/v1/check", content=declined["nested too deep"][0], headers=_dict(_headers(client))
    )
    assert deep.status_code in (400, 422), deep.text
    bad = client.post("/v1/check", content=b"{", headers=_dict(_headers(client)))
    assert bad.status_code == 422 and bad.headers["content-type"] == "application/problem+json"


def test_a_revoked_cached_key_is_refused_at_once(client: BastionClient) -> None:
    assert _until(lambda: _cached(client, "platform"))
    assert _direct_answer(client, json.dumps(ITEM).encode(), _headers(client)) is not None
    platform = _key_id(client, "platform")
    revoked = client.post(f"/v1/keys/{platform}:revoke", headers=client.auth("admin"))
    assert revoked.status_code == 200
    again = json.dumps({**ITEM, "id": "d-3"}).encode()
    assert _direct_answer(client, again, _headers(client)) is None
    refused = client.post("/v1/check", content=again, headers=_dict(_headers(client)))
    assert refused.status_code == 401


def test_a_spent_rate_limit_takes_the_declared_path(
    client: BastionClient, make_client: MakeClient
) -> None:
    limited = make_client(client.store, settings=ApiSettings(rate_limit=0.001, rate_burst=2))
    assert _until(lambda: _cached(limited, "platform"))  # spends the first token (GET /v1/stats)
    first = _direct_answer(limited, json.dumps(ITEM).encode(), _headers(limited))
    assert first is not None and first[0] == 200
    second = json.dumps({**ITEM, "id": "d-4"}).encode()
    assert _direct_answer(limited, second, _headers(limited)) is None
    refused = limited.post("/v1/check", content=second, headers=_dict(_headers(limited)))
    assert refused.status_code == 429 and refused.headers["retry-after"]


def test_without_an_auth_cache_every_check_takes_the_declared_path(
    client: BastionClient, make_client: MakeClient
) -> None:
    uncached = make_client(client.store, settings=ApiSettings(auth_cache_seconds=0))
    assert uncached.get("/v1/stats", headers=uncached.auth()).status_code == 200
    assert _direct_answer(uncached, json.dumps(ITEM).encode(), _headers(uncached)) is None
    answered = uncached.post("/v1/check", json=ITEM, headers=uncached.auth())
    assert answered.status_code == 200 and answered.json()["verdict"] == "act"


def _dict(headers: list[tuple[str, str]]) -> dict[str, str]:
    return dict(headers)
