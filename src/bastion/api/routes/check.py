"""Scan-and-enforce endpoints for platforms: one item synchronously, or a batch in one transaction.

The scan runs before the transaction opens (it is pure and CPU-bound), so the database is held
only for the writes. A retried transaction (transient DB error) is harmless: ingest is keyed.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends
from fastapi.responses import JSONResponse

from bastion.api.deps import (
    LadderDep,
    NowDep,
    Principal,
    ScannerDep,
    SettingsDep,
    StoreDep,
    require_roles,
)
from bastion.api.problems import problem
from bastion.api.schemas import BatchIn, ItemIn
from bastion.model import ScanResult
from bastion.service.ingest import EnforcementOutcome, enforce_batch, enforce_result

router = APIRouter(prefix="/v1", tags=["scan"])
Platform = Annotated[Principal, Depends(require_roles("platform", "admin"))]


def _record(result: ScanResult, outcome: EnforcementOutcome) -> dict[str, Any]:
    record = result.to_dict()
    record["enforcement"] = outcome.to_dict()
    return record


@router.post(
    "/check",
    summary="Scan one item and enforce the result",
    response_description="The result record plus the enforcement taken (or already on record).",
)
def check(
    body: ItemIn,
    principal: Platform,
    store: StoreDep,
    scanner: ScannerDep,
    ladder: LadderDep,
    settings: SettingsDep,
    now: NowDep,
) -> JSONResponse:
    item = body.to_item()
    result = scanner.scan(item)
    outcome = store.run(
        lambda s: enforce_result(
            s,
            tenant_id=principal.tenant_id,
            item=item,
            result=result,
            ladder=ladder,
            now=now,
            reasons=settings.reasons,
        )
    )
    return JSONResponse(_record(result, outcome))


@router.post(
    "/items:batch",
    summary="Scan and enforce up to max_batch_items items in one transaction",
    response_description="One record per input item, in input order.",
)
def batch(
    body: BatchIn,
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
    return JSONResponse(
        {"results": [_record(r, o) for (_, r), o in zip(pairs, outcomes, strict=True)]}
    )
