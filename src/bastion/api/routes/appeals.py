"""``/v1/appeals``: the platform files an appeal for its affected user; another moderator decides.

Appeals are filed with a platform (or admin) key because only the platform can vouch that the
caller is the affected account. Moderators see only the appeals they may decide (not those about
their own decisions or cases they reviewed); admins see all.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Path, Query
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy.orm import Session

from bastion.api.deps import NowDep, Principal, StoreDep, require_roles
from bastion.api.routes.review import moderator_id
from bastion.api.schemas import ExternalId
from bastion.service.appeals import (
    MAX_APPEAL_TEXT,
    MAX_NOTES,
    decide_appeal,
    file_appeal,
    get_appeal,
    list_appeals,
)
from bastion.store.models import Appeal

router = APIRouter(prefix="/v1/appeals", tags=["appeals"])
Filer = Annotated[Principal, Depends(require_roles("platform", "admin"))]
Reader = Annotated[Principal, Depends(require_roles("platform", "moderator", "admin"))]
Moderator = Annotated[Principal, Depends(require_roles("moderator", "admin"))]
AppealId = Annotated[int, Path(ge=1, le=2**63 - 1)]


class AppealIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    action_id: int = Field(ge=1, le=2**63 - 1)
    appellant: ExternalId = Field(description="the account's external id")
    text: str = Field(default="", max_length=MAX_APPEAL_TEXT)


class AppealDecisionIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    decision: Literal["grant", "deny"]
    notes: str = Field(default="", max_length=MAX_NOTES)


def appeal_json(appeal: Appeal) -> dict[str, Any]:
    return {
        "id": appeal.id,
        "action_id": appeal.action_id,
        "appellant": appeal.appellant,
        "text": appeal.text,
        "status": str(appeal.status),
        "decided_by": appeal.decided_by,
        "decided_at": appeal.decided_at.isoformat() if appeal.decided_at else None,
        "created_at": appeal.created_at.isoformat(),
    }


@router.post("", status_code=201, summary="Appeal an action on behalf of the affected account")
def create(body: AppealIn, principal: Filer, store: StoreDep, now: NowDep) -> JSONResponse:
    row = store.run(
        lambda s: appeal_json(
            file_appeal(
                s,
                principal.tenant_id,
                body.action_id,
                appellant=body.appellant,
                text=body.text,
                now=now,
            )
        )
    )
    return JSONResponse(row, status_code=201, headers={"Location": f"/v1/appeals/{row['id']}"})


@router.get("", summary="Appeals by status, oldest first")
def index(
    principal: Moderator,
    store: StoreDep,
    status: Annotated[Literal["open", "granted", "denied", "withdrawn"], Query()] = "open",
    limit: Annotated[int, Query(ge=1, le=100)] = 50,
) -> JSONResponse:
    eligible = moderator_id(principal) if principal.role == "moderator" else None
    rows = store.run(
        lambda s: [
            appeal_json(a)
            for a in list_appeals(
                s, principal.tenant_id, status=status, eligible_for=eligible, limit=limit
            )
        ],
        readonly=True,
    )
    return JSONResponse({"appeals": rows})


@router.get("/{appeal_id:int}", summary="One appeal")
def read(appeal_id: AppealId, principal: Reader, store: StoreDep) -> JSONResponse:
    return JSONResponse(
        store.run(
            lambda s: appeal_json(get_appeal(s, principal.tenant_id, appeal_id)), readonly=True
        )
    )


@router.post(
    "/{appeal_id:int}:decide",
    summary="Grant (reverse the decision and its strike) or deny an appeal",
)
def decide(
    appeal_id: AppealId,
    body: AppealDecisionIn,
    principal: Moderator,
    store: StoreDep,
    now: NowDep,
) -> JSONResponse:
    def work(session: Session) -> dict[str, Any]:
        out = decide_appeal(
            session,
            principal.tenant_id,
            appeal_id,
            moderator=moderator_id(principal),
            grant=body.decision == "grant",
            now=now,
            notes=body.notes,
        )
        return {
            **appeal_json(out.appeal),
            "reversed": out.reversal.operations if out.reversal else [],
            "strikes_reversed": [s.id for s in out.reversal.strikes] if out.reversal else [],
        }

    return JSONResponse(store.run(work))
