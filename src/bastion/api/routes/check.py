"""Scan-and-enforce endpoints for platforms: one item synchronously, or a batch in one transaction.

``/v1/check`` is group-committed with the checks arriving alongside it (``bastion.api.commit``);
it still answers only once its own item is durable. The scan runs before the transaction opens
(it is pure and CPU-bound), so the database is held only for the writes. A retried transaction
(transient DB error) is harmless: ingest is keyed.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse, Response

from bastion.api.commit import render
from bastion.api.deps import (
    LadderDep,
    NowDep,
    Principal,
    ScannerDep,
    SettingsDep,
    StoreDep,
    context,
    require_roles,
)
from bastion.api.metrics import VERDICTS
from bastion.api.problems import problem
from bastion.api.schemas import BatchIn, ItemIn
from bastion.service.ingest import enforce_batch

router = APIRouter(prefix="/v1", tags=["scan"])
Platform = Annotated[Principal, Depends(require_roles("platform", "admin"))]


@router.post(
    "/check",
    summary="Scan one item and enforce the result",
    response_description="The result record plus the enforcement taken (or already on record).",
    response_class=JSONResponse,
)
async def check(body: ItemIn, principal: Platform, request: Request, now: NowDep) -> Response:
    """Queued for group commit (``bastion.api.commit``): returns once its item is committed."""
    ctx = context(request)
    ctx.current_scanner()
    checks = ctx.checks
    if checks is None:
        raise RuntimeError("the app was built without a check committer")
    content = await checks.check(
        principal.tenant_id, body.to_item(), now, tenant_slug=principal.tenant_slug
    )
    return Response(content, media_type="application/json")


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
        VERDICTS.labels(result.verdict, item.surface).inc()
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
