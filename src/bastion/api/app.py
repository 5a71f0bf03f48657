"""The HTTP API application factory.

``create_app`` wires injected dependencies (store, scanner, ladder, clock) into a FastAPI app;
there is no module-level state, so tests and embedders build as many apps as they like.
OpenAPI is served at ``/openapi.json`` and the interactive docs at ``/docs`` (Swagger UI) and
``/redoc``, whose scripts and styles come from the pinned ``fastapi-offline`` package and are
served by the app itself: the docs work on a machine with no internet and load nothing from a CDN.
"""

from __future__ import annotations

import secrets
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from typing import Any

from fastapi import FastAPI
from fastapi_offline import FastAPIOffline
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from bastion import __version__
from bastion.api import keywatch, problems
from bastion.api.commit import GroupCommitter
from bastion.api.deps import ApiSettings, AppContext, RateLimiter
from bastion.api.fastpath import CheckFastPath
from bastion.api.live import IntelWatch
from bastion.api.metrics import RequestMetrics
from bastion.api.routes import (
    accounts,
    appeals,
    campaigns,
    cases,
    check,
    keys,
    metrics,
    reporters,
    reports,
    review,
    shim,
    tenant,
)
from bastion.api.serial import SerialWrites
from bastion.api.workers import Upkeep
from bastion.console import routes as console_routes
from bastion.console import views as console_views
from bastion.enforce import Ladder
from bastion.expand import ShortLinkExpander
from bastion.public import routes as public_routes
from bastion.scanner import Scanner
from bastion.service.clicks import FLUSH_SECONDS, ClickCounter
from bastion.service.tenant_cache import TenantCache
from bastion.service.users import prepare as prepare_sign_in
from bastion.shim.rewrite import shim_links
from bastion.shim.signing import LinkSigner
from bastion.store import Store

BATCH_PATH = "/v1/items:batch"
CHECK_PATH = "/v1/check"


def utc_now() -> datetime:
    return datetime.now(UTC)


def create_app(
    *,
    store: Store,
    scanner: Scanner,
    ladder: Ladder,
    clock: Callable[[], datetime] = utc_now,
    settings: ApiSettings | None = None,
    upkeep_interval: float | None = None,
    signer: LinkSigner | None = None,
    intel: IntelWatch | None = None,
    click_flush_seconds: float = FLUSH_SECONDS,
    console_secret: bytes | None = None,
    expander: ShortLinkExpander | None = None,
) -> FastAPI:
    """Build the API. ``upkeep_interval`` (seconds) starts the background upkeep thread (lifting
    due suspensions, delivering webhooks) for the app's lifetime; None leaves it off.

    ``signer`` signs shim links (None: a fresh key for this app's lifetime, so its links die with
    it); ``intel`` makes the app pick up new intel compiles while it runs. ``expander`` opens
    short links at click time (None: a default one when ``settings.shim_expand``)."""
    settings = settings or ApiSettings()
    limiter = RateLimiter(settings.rate_limit, settings.rate_burst) if settings.rate_limit else None
    upkeep = Upkeep(store, clock, interval=upkeep_interval) if upkeep_interval else None

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        if upkeep is not None:
            upkeep.start()
        clicks.start(click_flush_seconds)
        try:
            yield
        finally:
            if upkeep is not None:
                upkeep.stop()
            clicks.stop()
            key_watch.close()
            if link_expander is not None:
                link_expander.close()

    app = FastAPIOffline(
        title="Bastion",
        version=__version__,
        summary="Scan user content for illegal off-platform links and enforce, with due process.",
        lifespan=lifespan,
        swagger_ui_parameters={"validatorUrl": None},  # no badge fetched from swagger.io
    )
    if store.dialect == "sqlite":
        store = SerialWrites(store)
    checks = GroupCommitter(
        store,
        scanner,
        ladder,
        settings.reasons,
        max_items=settings.check_group_items,
        writers=settings.check_writers,
    )
    key_watch = keywatch.watch(store.engine)
    checks.tenants = TenantCache(key_watch.current, ttl=settings.auth_cache_seconds)
    clicks = ClickCounter(store)
    link_signer = signer or LinkSigner.generate()
    link_expander = expander or (ShortLinkExpander() if settings.shim_expand else None)
    checks.links = lambda tenant, result: shim_links(
        result, link_signer, tenant, settings.shim_base
    )
    app.state.bastion = AppContext(
        store,
        scanner,
        ladder,
        clock,
        settings,
        limiter,
        checks=checks,
        keys=key_watch,
        tenants=checks.tenants,
        intel=intel,
        signer=link_signer,
        clicks=clicks,
        console_secret=console_secret or secrets.token_bytes(32),
        expander=link_expander,
    )
    problems.install(app)
    prepare_sign_in()
    for module in (
        check,
        accounts,
        campaigns,
        tenant,
        keys,
        reports,
        review,
        appeals,
        cases,
        shim,
        metrics,
        reporters,
    ):
        app.include_router(module.router)
    app.include_router(console_routes.router)
    app.include_router(console_views.router)
    app.include_router(public_routes.router)

    def limit_for(path: str) -> int:
        if path == BATCH_PATH:
            return settings.max_batch_bytes
        return settings.max_check_bytes if path == CHECK_PATH else settings.max_body_bytes

    app.add_middleware(BodyLimit, limit_for=limit_for)
    app.add_middleware(SecurityHeaders)
    app.add_middleware(RequestMetrics)
    app.add_middleware(
        CheckFastPath, context=lambda: app.state.bastion, limit=settings.max_check_bytes
    )
    return app


class SecurityHeaders:
    """Headers every response carries, whichever layer produced it (routes, problems, 413s).

    ``nosniff`` everywhere, so a browser never runs a JSON body that echoes user text as HTML or
    script. ``no-store`` on every ``/v1`` answer: accounts, actions with their statements of
    reasons, cases and reports are personal data that no shared cache or browser history may keep.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        private = str(scope.get("path", "")).startswith("/v1/")
        added = [(b"x-content-type-options", b"nosniff")]
        if private:
            added.append((b"cache-control", b"no-store"))
        replaced = {name for name, _ in added}

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                kept = [(k, v) for k, v in message.get("headers", ()) if k.lower() not in replaced]
                message = {**message, "headers": kept + added}
            await send(message)

        await self.app(scope, receive, send_with_headers)


class BodyLimit:
    """Refuse request bodies over the path's limit with a 413 problem, before any parsing.

    A declared ``Content-Length`` over the limit is refused without reading; otherwise the body
    is read up to the limit (chunked uploads included) and replayed to the app.
    """

    def __init__(self, app: ASGIApp, limit_for: Callable[[str], int]) -> None:
        self.app = app
        self.limit_for = limit_for

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = scope.get("path", "")
        limit = self.limit_for(path)
        declared = _content_length(scope)
        if declared == -1:
            await _send_problem(scope, send, 400, "Content-Length is not a valid number")
            return
        if declared is not None and declared > limit:
            await _send_problem(scope, send, 413, f"request body exceeds {limit} bytes")
            return
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":
                return
            body = message.get("body", b"")
            size += len(body)
            if size > limit:
                await _send_problem(scope, send, 413, f"request body exceeds {limit} bytes")
                return
            chunks.append(body)
            if not message.get("more_body", False):
                break
        replayed = False
        whole = b"".join(chunks)

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": whole, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)


def _content_length(scope: Scope) -> int | None:
    for name, value in scope.get("headers", ()):
        if name == b"content-length":
            text = value.decode("latin-1").strip()
            return int(text) if text.isdigit() and len(text) < 19 else -1
    return None


async def _send_problem(scope: Scope, send: Send, status: int, detail: str) -> None:
    response = problems.problem(
        status,
        detail,
        instance=scope.get("path", ""),
        title="Request body too large" if status == 413 else None,
        kind="body-too-large" if status == 413 else None,
    )
    headers: list[tuple[bytes, bytes]] = [(k, v) for k, v in response.raw_headers]
    headers.append((b"connection", b"close"))
    start: dict[str, Any] = {"type": "http.response.start", "status": status, "headers": headers}
    await send(start)
    await send({"type": "http.response.body", "body": response.body})
