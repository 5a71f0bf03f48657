"""Tenant settings an admin key may change: the webhook endpoint and its signing secret.

Whether notices may go to private or loopback addresses is the operator's call (``bastion
tenants webhook --allow-private``), never the tenant's, so it is not settable here.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse

from bastion.api.deps import NowDep, Principal, StoreDep, require_roles, tenants_changed
from bastion.api.schemas import WebhookIn
from bastion.service.notices import configure_webhook

router = APIRouter(prefix="/v1/webhook", tags=["tenant"])
Admin = Annotated[Principal, Depends(require_roles("admin"))]


@router.put("", summary="Set or clear the webhook URL; a new secret is returned once")
def put_webhook(
    body: WebhookIn, principal: Admin, store: StoreDep, now: NowDep, request: Request
) -> JSONResponse:
    secret = store.run(
        lambda s: configure_webhook(
            s,
            principal.tenant_id,
            url=body.url,
            actor=principal.actor,
            now=now,
            rotate_secret=body.rotate_secret,
        )
    )
    tenants_changed(request)
    return JSONResponse({"url": body.url, "secret": secret})
