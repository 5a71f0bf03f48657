"""Scan-and-enforce endpoints for platforms: one item synchronously, or a batch in one transaction.

``/v1/check`` is group-committed with the checks arriving alongside it (``bastion.api.commit``);
it still answers only once its own item is durable. The scan runs before the transaction opens
(it is pure and CPU-bound), so the database is held only for the writes. A retried transaction
(transient DB error) is harmless: ingest is keyed.

``/v1/check`` is the hot path, so its route (``CheckRoute``) first tries the common case without
FastAPI's per-request machinery (dependency solving, content-type parsing): a JSON body that
validates, sent with a cached platform or admin key. Anything else (no or unknown key, a role
without the right, a rate limit reached, a body FastAPI would refuse) takes the ordinary path
unchanged, so every error answer is the one the declared dependencies give.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Coroutine, Iterable
from datetime import datetime
from typing import Annotated, Any, Final

from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse, Response
from fastapi.routing import APIRoute

from bastion.api.commit import render
from bastion.api.deps import (
    MAX_KEY_CHARS,
    AppContext,
    LadderDep,
    NowDep,
    Principal,
    ScannerDep,
    SettingsDep,
    StoreDep,
    cached_principal,
    context,
    require_roles,
)
from bastion.api.metrics import count_verdict
from bastion.api.problems import problem
from bastion.api.schemas import BatchIn, ItemIn
from bastion.service.errors import RateLimited
from bastion.service.ingest import enforce_batch

CHECK_ROLES: Final = ("platform", "admin")
router = APIRouter(prefix="/v1", tags=["scan"])
Platform = Annotated[Principal, Depends(require_roles(*CHECK_ROLES))]
Handler = Callable[[Request], Coroutine[Any, Any, Response]]


class CheckRoute(APIRoute):
    """The ``/v1/check`` route: the common case answered directly (``_direct``), anything else
    by the handler FastAPI builds from the declared dependencies."""

    def get_route_handler(self) -> Handler:
        declared = super().get_route_handler()

        async def handler(request: Request) -> Response:
            answer = await _direct(request)
            return answer if answer is not None else await declared(request)

        return handler


async def check(body: ItemIn, principal: Platform, request: Request, now: NowDep) -> Response:
    """Queued for group commit (``bastion.api.commit``): returns once its item is committed."""
    return await _check(context(request), principal, body, now)


router.add_api_route(
    "/check",
    check,
    methods=["POST"],
    summary="Scan one item and enforce the result",
    response_description="The result record plus the enforcement taken (or already on record).",
    response_class=JSONResponse,
    route_class_override=CheckRoute,
)


async def _check(ctx: AppContext, principal: Principal, body: ItemIn, now: datetime) -> Response:
    ctx.current_scanner()
    checks = ctx.checks
    if checks is None:
        raise RuntimeError("the app was built without a check committer")
    content = await checks.check(
        principal.tenant_id, body.to_item(), now, tenant_slug=principal.tenant_slug
    )
    return Response(content, media_type="application/json")


async def _direct(request: Request) -> Response | None:
    """``direct_check`` for a request as the route receives it."""
    if not _admissible_headers(request.scope["headers"]):
        return None
    return await direct_check(context(request), request.scope["headers"], await request.body())


async def direct_check(
    ctx: AppContext, headers: Iterable[tuple[bytes, bytes]], raw: bytes
) -> Response | None:
    """``check`` for a request the declared dependencies would admit as they stand: a cached
    bearer key of a platform or admin key within its rate limit, a JSON content type and a body
    that parses and validates as FastAPI would parse and validate it (``json.loads``, then the
    model). None for anything else: the declared path then answers, errors included.
    ``headers``: the ASGI scope's (lower-case names)."""
    found = _admissible_headers(headers)
    if found is None:
        return None
    principal = cached_principal(ctx, found)
    if principal is None or principal.role not in CHECK_ROLES:
        return None
    if not raw:
        return None
    try:
        body = ItemIn.model_validate(json.loads(raw), from_attributes=True)
    except Exception:  # the declared path gives the answer (422, 400...)
        return None
    if ctx.limiter is not None:
        try:
            ctx.limiter.take(principal.key_id)
        except RateLimited:
            return None
    return await _check(ctx, principal, body, ctx.clock())


def _admissible_headers(headers: Iterable[tuple[bytes, bytes]]) -> str | None:
    """The bearer key of a request with a JSON content type and a well-formed bearer
    credential (the first of each header, as the declared path reads them); else None."""
    authorization = content_type = None
    for name, value in headers:
        if name == b"authorization" and authorization is None:
            authorization = value.decode("latin-1")
        elif name == b"content-type" and content_type is None:
            content_type = value.decode("latin-1")
    if authorization is None or content_type is None or not _json_type(content_type):
        return None
    scheme, _, credentials = authorization.partition(" ")
    key = credentials.strip()
    if scheme.lower() != "bearer" or not key or len(key) > MAX_KEY_CHARS:
        return None
    return key


def _json_type(value: str) -> bool:
    """``application/json``, with parameters or not, in any case (what FastAPI parses as JSON,
    short of the ``+json`` types, which take the declared path)."""
    media = value.partition(";")[0].strip().lower()
    return media == "application/json"


@router.post(
    "/items:batch",
    summary="Scan and enforce up to max_batch_items items in one transaction",
    response_description="One record per input item, in input order.",
)
def batch(
    body: BatchIn,
    request: Request,
    principal: Platform,
    store: StoreDep,
    scanner: ScannerDep,
    ladder: LadderDep,
    settings: SettingsDep,
    now: NowDep,
) -> JSONResponse:
    if len(body.items) > settings.max_batch_items:
        return problem(
            413,
            f"a batch holds at most {settings.max_batch_items} items, got {len(body.items)}",
            instance="/v1/items:batch",
            title="Batch too large",
            kind="batch-too-large",
        )
    pairs = [(item, scanner.scan(item)) for item in (i.to_item() for i in body.items)]
    for item, result in pairs:
        count_verdict(result.verdict, item.surface)
    outcomes = store.run(
        lambda s: enforce_batch(
            s,
            tenant_id=principal.tenant_id,
            items=pairs,
            ladder=ladder,
            now=now,
            reasons=settings.reasons,
        )
    )
    committer = context(request).checks
    rewrite = committer.links if committer is not None else None
    return JSONResponse(
        {
            "results": [
                render(r, o, rewrite(principal.tenant_slug, r) if rewrite else None)
                for (_, r), o in zip(pairs, outcomes, strict=True)
            ]
        }
    )
