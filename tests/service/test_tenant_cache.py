"""The per-process cache of what check transactions read of their tenant (webhook, campaigns):
it answers exactly as ``tenant_context`` does, and only while the cache generation, which the
database's triggers bump for any change to a tenant or a campaign's bounds, is unchanged."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import update

from bastion.service.campaigns import create_campaign
from bastion.service.ingest_store import TenantContext, tenant_context
from bastion.service.notices import configure_webhook
from bastion.service.tenant_cache import TenantCache
from bastion.store import Store
from bastion.store.models import Campaign, Tenant
from bastion.store.queries import key_generation
from tests.service.conftest import T0, TenantInfo


def _campaign(store: Store, tenant: TenantInfo, name: str, start: int, end: int) -> int:
    return store.run(
        lambda s: (
            create_campaign(
                s,
                tenant.id,
                name=name,
                scope={"surfaces": ["post"]},
                starts_at=T0 + timedelta(hours=start),
                ends_at=T0 + timedelta(hours=end),
                now=T0 - timedelta(hours=10),
            ).id
        )
    )


def _ids(context: object) -> list[int]:
    assert isinstance(context, TenantContext)
    return [cid for cid, _ in context.campaigns]


def _generation(store: Store) -> int:
    return store.run(key_generation, readonly=True)


def test_tenant_and_campaign_changes_bump_the_generation(store: Store, tenant: TenantInfo) -> None:
    before = _generation(store)
    campaign = _campaign(store, tenant, "spring", 0, 24)
    assert _generation(store) > before
    before = _generation(store)
    counters = Campaign.items_matched + 5
    store.run(lambda s: s.execute(update(Campaign).values(items_matched=counters)))
    assert _generation(store) == before, "counter updates (every check) must not bump it"
    moved = T0 + timedelta(hours=1)
    store.run(
        lambda s: s.execute(update(Campaign).where(Campaign.id == campaign).values(ends_at=moved))
    )
    assert _generation(store) > before
    before = _generation(store)
    store.run(
        lambda s: configure_webhook(
            s, tenant.id, url="https://hooks.example.com/x", actor="admin", now=T0
        )
    )
    assert _generation(store) > before
    before = _generation(store)
    store.run(lambda s: s.execute(update(Tenant).where(Tenant.id == tenant.id).values(name="N")))
    assert _generation(store) > before


def test_cache_answers_as_the_statement_does(store: Store, tenant: TenantInfo) -> None:
    generation = [1]
    cache = TenantCache(lambda: generation[0], ttl=60.0)
    early = _campaign(store, tenant, "early", -2, 1)
    late = _campaign(store, tenant, "late", 2, 5)
    _campaign(store, tenant, "over", -5, -1)
    times = [T0 + timedelta(hours=h, minutes=m) for h in range(-1, 7) for m in (0, 30)]

    def both(now: datetime) -> tuple[object, object]:
        return store.run(
            lambda s: (cache.context(s, tenant.id, now), tenant_context(s, tenant.id, now)),
            readonly=True,
        )

    for now in times:
        cached, fresh = both(now)
        assert cached == fresh, now
    assert cache.misses == 1 and cache.hits == len(times) - 1
    assert _ids(both(T0)[0]) == [early]
    assert _ids(both(T0 + timedelta(hours=3))[0]) == [late]
    before = cache.misses
    both(T0 - timedelta(hours=3))  # earlier than the read: campaigns ended by then were left out
    assert cache.misses == before + 1


def test_a_changed_generation_or_none_trusts_nothing(store: Store, tenant: TenantInfo) -> None:
    generation: list[int | None] = [7]
    cache = TenantCache(lambda: generation[0], ttl=60.0)

    def read() -> object:
        return store.run(lambda s: cache.context(s, tenant.id, T0), readonly=True)

    assert read() is not None and read() is not None
    assert (cache.misses, cache.hits) == (1, 1)
    campaign = _campaign(store, tenant, "new", -1, 1)
    assert _ids(read()) == []  # stale until the bump is seen
    generation[0] = 8
    assert _ids(read()) == [campaign]
    generation[0] = None
    read()
    read()
    assert cache.misses == 4
    assert store.run(lambda s: cache.context(s, 999_999, T0)) is None


def test_entries_expire_after_the_ttl(store: Store, tenant: TenantInfo) -> None:
    clock = [0.0]
    cache = TenantCache(lambda: 1, ttl=5.0, clock=lambda: clock[0])
    for at in (0.0, 4.9, 5.1):
        clock[0] = at
        store.run(lambda s: cache.context(s, tenant.id, T0), readonly=True)
    assert (cache.misses, cache.hits) == (2, 1)
