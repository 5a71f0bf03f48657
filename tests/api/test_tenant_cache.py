"""Check transactions read their tenant's webhook and campaigns from a per-process cache; a
campaign created by another process (the CLI, another worker) counts as soon as the cache
generation tells this server, and one created through this server at once."""

from __future__ import annotations

import time
from datetime import timedelta

from bastion.service.campaigns import create_campaign
from bastion.service.tenant_cache import TenantCache
from tests.api.conftest import BastionClient


def _until(condition, attempts: int = 200):  # type: ignore[no-untyped-def]
    """Poll ``condition`` (PostgreSQL's watch starts in the background and learns by NOTIFY)."""
    for _ in range(attempts):
        if condition():
            return True
        time.sleep(0.05)
    return False


def _cache(api: BastionClient) -> TenantCache:
    cache = api.app.state.bastion.tenants  # type: ignore[attr-defined]
    assert isinstance(cache, TenantCache)
    return cache


def _check(api: BastionClient, item: str) -> list[int]:
    body = {"id": item, "text": "hello there", "surface": "post"}
    response = api.post("/v1/check", json=body, headers=api.auth())
    assert response.status_code == 200, response.text
    campaigns: list[int] = response.json()["enforcement"]["campaigns"]
    return campaigns


def test_a_campaign_from_another_process_counts_once_the_generation_moves(
    api: BastionClient,
) -> None:
    cache = _cache(api)
    count = iter(range(1000))
    assert _until(lambda: not _check(api, f"warm-{next(count)}") and cache.hits > 0)
    now = api.clock()
    created = api.store.run(  # as another process would: nothing tells this one but the DB
        lambda s: (
            create_campaign(
                s,
                api.tenant.id,
                name="elsewhere",
                scope={"surfaces": ["post"]},
                starts_at=now - timedelta(minutes=1),
                ends_at=now + timedelta(days=1),
                now=now,
            ).id
        )
    )
    # Well within the entry's 5 s lifetime: only the generation can have told this server.
    assert _until(lambda: _check(api, f"after-{next(count)}") == [created], attempts=40)
    assert _check(api, "settled") == [created]


def test_a_campaign_created_through_this_server_counts_at_once(api: BastionClient) -> None:
    cache = _cache(api)
    count = iter(range(1000))
    assert _until(lambda: not _check(api, f"warm-{next(count)}") and cache.hits > 0)
    body = {"name": "here", "scope": {"surfaces": ["post"]}, "ends_at": "2026-11-27T12:00:00Z"}
    response = api.post("/v1/campaigns", json=body, headers=api.auth("moderator"))
    assert response.status_code == 201, response.text
    assert _check(api, "next") == [response.json()["id"]]
