"""Campaign endpoints: create a time-boxed campaign, list them, read one with its counters."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import JSONResponse

from bastion.api.deps import NowDep, Principal, StoreDep, require_roles, tenants_changed
from bastion.api.schemas import CampaignIn
from bastion.service.campaigns import create_campaign, get_campaign, list_campaigns

router = APIRouter(prefix="/v1/campaigns", tags=["campaigns"])
Reader = Annotated[Principal, Depends(require_roles("platform", "moderator", "admin"))]
Manager = Annotated[Principal, Depends(require_roles("moderator", "admin"))]


@router.get("", summary="The tenant's campaigns, newest first")
def campaigns(
    principal: Reader,
    store: StoreDep,
    now: NowDep,
    live: Annotated[bool, Query(description="only campaigns live now")] = False,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
) -> JSONResponse:
    views = store.run(
        lambda s: list_campaigns(s, principal.tenant_id, now, live_only=live, limit=limit),
        readonly=True,
    )
    return JSONResponse({"campaigns": [v.to_dict() for v in views]})


@router.post("", status_code=201, summary="Create a campaign")
def create(
    body: CampaignIn, principal: Manager, store: StoreDep, now: NowDep, request: Request
) -> JSONResponse:
    view = store.run(
        lambda s: create_campaign(
            s,
            principal.tenant_id,
            name=body.name,
            scope=body.scope.model_dump(),
            starts_at=body.starts_at or now,
            ends_at=body.ends_at,
            now=now,
            actor=principal.actor,
        )
    )
    tenants_changed(request)
    return JSONResponse(
        view.to_dict(), status_code=201, headers={"Location": f"/v1/campaigns/{view.id}"}
    )


@router.get("/{campaign_id}", summary="One campaign with its live counters")
def campaign(
    campaign_id: Annotated[int, Path(ge=1, le=2**63 - 1)],
    principal: Reader,
    store: StoreDep,
    now: NowDep,
) -> JSONResponse:
    view = store.run(
        lambda s: get_campaign(s, principal.tenant_id, campaign_id, now), readonly=True
    )
    return JSONResponse(view.to_dict())
