"""Dependencies shared by every router: the injected store/scanner/ladder/clock and the caller.

Nothing is global: ``create_app`` puts one ``AppContext`` on ``app.state`` and these functions
read it from the request, so two apps (two tests, two tenancies) never share state.

Callers authenticate with ``Authorization: Bearer <key>``; only the key's sha256 is looked up
(``tenant_by_key_hash``). A lookup is cached for ``auth_cache_seconds`` (default 5 s), but only
trusted while the store's key generation is unchanged (``keywatch``), so a revoked key stops
working with the next request, whichever process revoked it. Routers guard themselves with
``Depends(require_roles("moderator", "admin"))`` and scope every query to
``principal.tenant_id``.
"""

from __future__ import annotations

import math
import secrets
import threading
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Annotated, Final

from fastapi import Depends, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy.orm import Session

from bastion.api.commit import GroupCommitter
from bastion.api.keywatch import KeyGeneration, NoWatch
from bastion.api.live import IntelWatch
from bastion.enforce import Ladder, ReasonsConfig
from bastion.expand import ShortLinkExpander
from bastion.scanner import Scanner
from bastion.service.clicks import ClickCounter
from bastion.service.errors import Forbidden, RateLimited, ServiceError
from bastion.service.reports import ReportConfig
from bastion.service.tenant_cache import TenantCache
from bastion.shim.signing import LinkSigner
from bastion.store import Store
from bastion.store.enums import KeyRole
from bastion.store.queries import hash_api_key, tenant_by_key_hash

ROLES: Final = tuple(r.value for r in KeyRole)
MAX_KEY_CHARS: Final = 256


class Unauthorized(ServiceError):
    """No usable credentials; carries the ``WWW-Authenticate`` challenge (RFC 6750)."""

    status = 401
    title = "Unauthorized"
    headers: Final = {"WWW-Authenticate": 'Bearer realm="bastion"'}


@dataclass(frozen=True, slots=True)
class Principal:
    """The authenticated caller: a tenant acting through one API key with one role."""

    tenant_id: int
    tenant_slug: str
    role: str
    key_id: int

    @property
    def actor(self) -> str:
        """How audit records name this caller."""
        return f"{self.role}:key-{self.key_id}"


@dataclass(frozen=True, slots=True)
class ApiSettings:
    """Limits and knobs of one app. ``rate_limit`` is requests per second per key (None: off)."""

    max_body_bytes: int = 1 << 20
    max_check_bytes: int = 8 << 20
    """``POST /v1/check`` carries base64 images (5 MiB each at most, 12 MiB an item)."""
    max_batch_bytes: int = 32 << 20
    max_batch_items: int = 1000
    auth_cache_seconds: float = 5.0
    rate_limit: float | None = None
    rate_burst: int = 50
    reasons: ReasonsConfig = field(default_factory=ReasonsConfig)
    reports: ReportConfig | None = None
    """Report settings; None makes one with a random secret for the app's lifetime (tests)."""
    check_group_items: int = 32
    """Most ``/v1/check`` requests written in one shared transaction (1: no group commit)."""
    check_writers: int = 1
    """Shared transactions in flight at once per process. 1 measured best on both backends:
    on PostgreSQL concurrent groups mostly queue on each other's locks and commits."""
    shim_base: str = ""
    """Public address of this app, prefixed to rewritten links (``""``: links start ``/l?``)."""
    shim_continue_on: frozenset[str] = frozenset({"review"})
    """Verdicts whose warning page offers "continue anyway" (``act`` never should)."""
    shim_block_categories: frozenset[str] = frozenset({"phishing", "malware"})
    metrics_token: str | None = None
    """Bearer token for ``GET /metrics``; None serves metrics to loopback clients only."""
    shim_expand: bool = True
    """Follow a known shortener's redirects at click time (``bastion.expand``) and judge where
    the short link leads; off, short links are judged by their own host only."""


class _Bucket:
    __slots__ = ("stamp", "tokens")

    def __init__(self, tokens: float, stamp: float) -> None:
        self.tokens, self.stamp = tokens, stamp


class RateLimiter:
    """Token bucket per API key: ``rate`` per second, bursts up to ``burst``."""

    def __init__(self, rate: float, burst: int, now: Callable[[], float] = time.monotonic) -> None:
        if rate <= 0 or burst < 1:
            raise ValueError("rate limit needs rate > 0 and burst >= 1")
        self.rate, self.burst, self._now = rate, burst, now
        self._buckets: dict[int, _Bucket] = {}
        self._lock = threading.Lock()

    def take(self, key_id: int) -> None:
        """Spend one token or raise RateLimited with the seconds until one is back."""
        with self._lock:
            now = self._now()
            bucket = self._buckets.get(key_id)
            if bucket is None:
                bucket = self._buckets[key_id] = _Bucket(float(self.burst), now)
            bucket.tokens = min(self.burst, bucket.tokens + (now - bucket.stamp) * self.rate)
            bucket.stamp = now
            if bucket.tokens < 1.0:
                wait = math.ceil((1.0 - bucket.tokens) / self.rate)
                raise RateLimited(
                    f"rate limit of {self.rate:g} requests/s exceeded", retry_after=wait
                )
            bucket.tokens -= 1.0


@dataclass(slots=True)
class AppContext:
    """Everything a request handler may need, injected once per app."""

    store: Store
    scanner: Scanner
    ladder: Ladder
    clock: Callable[[], datetime]
    settings: ApiSettings
    limiter: RateLimiter | None = None
    key_cache: dict[str, tuple[Principal | None, float, int]] = field(default_factory=dict)
    """digest -> (principal or None for unknown, monotonic expiry, key generation read under)"""
    checks: GroupCommitter | None = None
    keys: KeyGeneration = field(default_factory=NoWatch)
    tenants: TenantCache | None = None
    """What check transactions read of their tenant; routes that change a tenant's webhook or
    campaigns clear it (other processes learn through the key generation)."""
    intel: IntelWatch | None = None
    """Set when the app serves a home: new intel compiles are picked up while running."""
    signer: LinkSigner = field(default_factory=LinkSigner.generate)
    """Signs and checks shim links (``bastion.shim``); ``bastion serve`` loads the home's keys."""
    clicks: ClickCounter | None = None
    console_secret: bytes = field(default_factory=lambda: secrets.token_bytes(32))
    expander: ShortLinkExpander | None = None
    """Opens short links at click time; None when ``ApiSettings.shim_expand`` is off."""
    """Signs console session cookies; ``bastion serve`` derives it from the home's secret."""

    def current_scanner(self) -> Scanner:
        """The scanner over the newest intel (``IntelWatch``), shared with the check committer."""
        if self.intel is not None:
            fresh = self.intel.refreshed(self.scanner)
            if fresh is not self.scanner:
                self.scanner = fresh
                if self.checks is not None:
                    self.checks.scanner = fresh
        return self.scanner


def context(request: Request) -> AppContext:
    ctx: AppContext = request.app.state.bastion
    return ctx


def tenants_changed(request: Request) -> None:
    """Call once this process committed a change to a tenant or its campaigns: the next check
    reads them again (the trigger's generation bump reaches the other processes)."""
    cache = context(request).tenants
    if cache is not None:
        cache.clear()


def get_store(request: Request) -> Store:
    return context(request).store


def get_scanner(request: Request) -> Scanner:
    return context(request).current_scanner()


def get_ladder(request: Request) -> Ladder:
    return context(request).ladder


def get_settings(request: Request) -> ApiSettings:
    return context(request).settings


def get_now(request: Request) -> datetime:
    """The app clock's current time (tests inject a fixed clock)."""
    return context(request).clock()


_bearer = HTTPBearer(auto_error=False, description="API key: `Authorization: Bearer bst_...`")


async def current_principal(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> Principal:
    """The caller behind the bearer key; 401 problem when missing, unknown or revoked.

    Async so that a cached key costs no thread hop; a cache miss looks the key up in a worker
    thread, off the event loop.
    """
    if credentials is None or credentials.scheme.lower() != "bearer":
        raise Unauthorized("send an API key as 'Authorization: Bearer <key>'")
    key = credentials.credentials.strip()
    if not key or len(key) > MAX_KEY_CHARS:
        raise Unauthorized("the API key is malformed")
    ctx = context(request)
    digest = hash_api_key(key)
    cached = ctx.key_cache.get(digest)
    now = time.monotonic()
    generation = ctx.keys.current() if ctx.settings.auth_cache_seconds > 0 else None
    if _trusted(cached, now, generation) and cached is not None:
        principal = cached[0]
    else:
        store = ctx.store
        principal = await run_in_threadpool(
            lambda: store.run(lambda s: _lookup(s, digest), readonly=True)
        )
        if generation is not None:  # read before the lookup: a revocation since is not missed
            if len(ctx.key_cache) > 10_000:
                ctx.key_cache.clear()
            ctx.key_cache[digest] = (principal, now + ctx.settings.auth_cache_seconds, generation)
    if principal is None:
        raise Unauthorized("the API key is unknown or revoked")
    if ctx.limiter is not None:
        ctx.limiter.take(principal.key_id)
    return principal


def _trusted(
    cached: tuple[Principal | None, float, int] | None, now: float, generation: int | None
) -> bool:
    """Whether a cached lookup may answer: unexpired, and read under the key generation now in
    force (None, an unknown generation, trusts nothing)."""
    return (
        cached is not None
        and cached[1] > now
        and generation is not None
        and cached[2] == generation
    )


def cached_principal(ctx: AppContext, key: str) -> Principal | None:
    """The caller behind ``key`` when the cache may answer for it (see ``current_principal``);
    None when it may not, or holds the key as unknown: the caller then takes the full path.
    ``key`` is the bearer credential as ``current_principal`` takes it (stripped, non-empty)."""
    if ctx.settings.auth_cache_seconds <= 0:
        return None
    cached = ctx.key_cache.get(hash_api_key(key))
    if cached is None or cached[0] is None:
        return None
    if not _trusted(cached, time.monotonic(), ctx.keys.current()):
        return None
    return cached[0]


def _lookup(session: Session, digest: str) -> Principal | None:
    found = tenant_by_key_hash(session, digest)
    if found is None:
        return None
    tenant, key = found
    return Principal(tenant.id, tenant.slug, str(key.role), key.id)


def require_roles(*roles: str) -> Callable[..., Awaitable[Principal]]:
    """A dependency admitting only keys with one of ``roles`` (403 problem otherwise)."""
    unknown = [r for r in roles if r not in ROLES]
    if unknown or not roles:
        raise ValueError(f"unknown roles {unknown}; valid: {', '.join(ROLES)}")
    allowed = frozenset(roles)

    async def dependency(
        principal: Annotated[Principal, Depends(current_principal)],
    ) -> Principal:
        if principal.role not in allowed:
            needed = ", ".join(sorted(allowed))
            raise Forbidden(f"a {principal.role} key may not do this; needs one of: {needed}")
        return principal

    return dependency


async def _store(request: Request) -> Store:
    return get_store(request)


async def _scanner(request: Request) -> Scanner:
    return get_scanner(request)


async def _ladder(request: Request) -> Ladder:
    return get_ladder(request)


async def _settings(request: Request) -> ApiSettings:
    return get_settings(request)


async def _now(request: Request) -> datetime:
    return get_now(request)


# Async twins of the getters, so resolving them costs no worker-thread hop per request; the
# plain getters above stay callable directly (``get_settings(request)``).
StoreDep = Annotated[Store, Depends(_store)]
ScannerDep = Annotated[Scanner, Depends(_scanner)]
LadderDep = Annotated[Ladder, Depends(_ladder)]
SettingsDep = Annotated[ApiSettings, Depends(_settings)]
NowDep = Annotated[datetime, Depends(_now)]
