"""``/v1/keys``: an admin lists its tenant's API keys (never their secrets) and revokes them.

A revocation is committed with a bump of the key generation, so this process and every other
worker stop accepting the key with their next request (see ``api.keywatch``).
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Request
from fastapi.responses import JSONResponse
from sqlalchemy.orm import Session

from bastion.api.deps import NowDep, Principal, StoreDep, context, require_roles
from bastion.service.errors import NotFound
from bastion.store import audit
from bastion.store.models import ApiKey
from bastion.store.queries import UnknownKey, list_api_keys, revoke_api_key

router = APIRouter(prefix="/v1", tags=["keys"])
Admin = Annotated[Principal, Depends(require_roles("admin"))]


def key_view(key: ApiKey) -> dict[str, Any]:
    return {
        "id": key.id,
        "role": str(key.role),
        "label": key.label,
        "trusted_flagger": key.trusted_flagger,
        "created_at": key.created_at.isoformat(),
        "revoked_at": key.revoked_at.isoformat() if key.revoked_at else None,
    }


@router.get("/keys", summary="The tenant's API keys, live and revoked (ids, roles, labels)")
def keys(principal: Admin, store: StoreDep) -> JSONResponse:
    rows = store.run(
        lambda s: [key_view(k) for k, _ in list_api_keys(s, principal.tenant_id)], readonly=True
    )
    return JSONResponse({"keys": rows})


@router.post("/keys/{key_id}:revoke", summary="Revoke one of the tenant's keys, at once")
def revoke(
    key_id: Annotated[int, Path(ge=1, le=2**63 - 1)],
    principal: Admin,
    store: StoreDep,
    now: NowDep,
    request: Request,
) -> JSONResponse:
    def work(session: Session) -> dict[str, Any]:
        try:
            key, revoked = revoke_api_key(session, key_id, tenant_id=principal.tenant_id, now=now)
        except UnknownKey:
            raise NotFound(f"API key {key_id} does not exist") from None
        if revoked:
            audit.append(
                session,
                actor=principal.actor,
                action="api_key.revoked",
                subject=f"api_key:{key.id}",
                payload={"role": str(key.role)},
                tenant_id=principal.tenant_id,
                created_at=now,
            )
        return key_view(key)

    view = store.run(work)
    context(request).key_cache.clear()
    return JSONResponse(view)
