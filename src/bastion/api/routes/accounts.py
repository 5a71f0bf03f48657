"""Read endpoints: an account's standing, one action with its statement of reasons, tenant stats.

Ids of another tenant answer 404 exactly like ids that do not exist.
"""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import JSONResponse

from bastion.api.deps import NowDep, Principal, StoreDep, require_roles
from bastion.api.routes.reports import report_config
from bastion.api.schemas import ExternalId
from bastion.service.accounts import account_view, action_dsa, action_view, tenant_stats
from bastion.service.appeals import appeal_token

router = APIRouter(prefix="/v1", tags=["accounts"])
Reader = Annotated[Principal, Depends(require_roles("platform", "moderator", "admin"))]


@router.get("/accounts/{account_id}", summary="An account's status, strikes and action history")
def get_account(
    account_id: Annotated[ExternalId, Path()],
    principal: Reader,
    store: StoreDep,
    now: NowDep,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
) -> JSONResponse:
    view = store.run(
        lambda s: account_view(s, principal.tenant_id, account_id, now, limit=limit),
        readonly=True,
    )
    return JSONResponse(view)


@router.get(
    "/actions/{action_id}",
    summary="One action with its statement of reasons (format=dsa: Transparency Database record)",
)
def get_action(
    request: Request,
    action_id: Annotated[int, Path(ge=1, le=2**63 - 1)],
    principal: Reader,
    store: StoreDep,
    format: Annotated[Literal["json", "dsa"], Query()] = "json",
) -> JSONResponse:
    if format == "dsa":
        record = store.run(lambda s: action_dsa(s, principal.tenant_id, action_id), readonly=True)
    else:
        record = store.run(lambda s: action_view(s, principal.tenant_id, action_id), readonly=True)
        token = appeal_token(report_config(request).secret, principal.tenant_id, action_id)
        record["appeal_link"] = f"/p/{principal.tenant_slug}/appeal/{action_id}?k={token}"
    return JSONResponse(record)


@router.get("/stats", summary="Counts of items, violations, actions, cases, accounts and notices")
def get_stats(principal: Reader, store: StoreDep, now: NowDep) -> JSONResponse:
    stats = store.run(lambda s: tenant_stats(s, principal.tenant_id, now), readonly=True)
    return JSONResponse({"tenant": principal.tenant_slug, **stats})
