"""``/v1/review``: the moderators' queue, claims and decisions.

A moderator is identified by their API key (``key-<id>``): give every moderator their own key, so
claims, decisions and the rule that an appeal goes to someone else mean what they say.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Path, Query
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy.orm import Session

from bastion.api.deps import LadderDep, NowDep, Principal, SettingsDep, StoreDep, require_roles
from bastion.service.decide import MAX_NOTES, decide_case
from bastion.service.review import (
    DEFAULT_CLAIM_TIMEOUT,
    case_summary,
    claim_case,
    claim_next,
    list_queue,
    release_case,
)

router = APIRouter(prefix="/v1/review", tags=["review"])
Moderator = Annotated[Principal, Depends(require_roles("moderator", "admin"))]
CaseId = Annotated[int, Path(ge=1, le=2**63 - 1)]
TIMEOUT = DEFAULT_CLAIM_TIMEOUT


def moderator_id(principal: Principal) -> str:
    return f"key-{principal.key_id}"


class DecisionIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    decision: Literal["uphold", "dismiss", "change_action"]
    action_kind: str | None = Field(default=None, max_length=32)
    duration: str | None = Field(default=None, max_length=16, examples=["7d"])
    category: str | None = Field(default=None, max_length=64)
    severity: Literal["low", "medium", "high", "critical"] | None = None
    notes: str = Field(default="", max_length=MAX_NOTES)


@router.get("/queue", summary="Claimable cases, highest priority first, then oldest")
def queue(
    principal: Moderator,
    store: StoreDep,
    now: NowDep,
    limit: Annotated[int, Query(ge=1, le=100)] = 50,
) -> JSONResponse:
    cases = store.run(
        lambda s: [
            case_summary(c, now, TIMEOUT)
            for c in list_queue(s, principal.tenant_id, now=now, limit=limit)
        ],
        readonly=True,
    )
    return JSONResponse({"cases": cases})


@router.post("/next", summary="Claim the top case of the queue (204 when it is empty)")
def next_case(principal: Moderator, store: StoreDep, now: NowDep) -> Response:
    def work(session: Session) -> dict[str, Any] | None:
        case = claim_next(session, principal.tenant_id, moderator_id(principal), now=now)
        return None if case is None else case_summary(case, now, TIMEOUT)

    found = store.run(work)
    if found is None:
        return Response(status_code=204)
    return JSONResponse(found)


@router.post("/cases/{case_id:int}:claim", summary="Claim a case (409 if someone else holds it)")
def claim(case_id: CaseId, principal: Moderator, store: StoreDep, now: NowDep) -> JSONResponse:
    return JSONResponse(
        store.run(
            lambda s: case_summary(
                claim_case(s, principal.tenant_id, case_id, moderator_id(principal), now=now),
                now,
                TIMEOUT,
            )
        )
    )


@router.post("/cases/{case_id:int}:release", summary="Give a claimed case back to the queue")
def release(case_id: CaseId, principal: Moderator, store: StoreDep, now: NowDep) -> JSONResponse:
    return JSONResponse(
        store.run(
            lambda s: case_summary(
                release_case(s, principal.tenant_id, case_id, moderator_id(principal), now=now),
                now,
                TIMEOUT,
            )
        )
    )


@router.post(
    "/cases/{case_id:int}:decide",
    summary="Uphold (ladder action + strike), dismiss, or change the action of a claimed case",
)
def decide(
    case_id: CaseId,
    body: DecisionIn,
    principal: Moderator,
    store: StoreDep,
    ladder: LadderDep,
    settings: SettingsDep,
    now: NowDep,
) -> JSONResponse:
    def work(session: Session) -> dict[str, Any]:
        out = decide_case(
            session,
            principal.tenant_id,
            case_id,
            moderator=moderator_id(principal),
            decision=body.decision,
            now=now,
            ladder=ladder,
            reasons=settings.reasons,
            action_kind=body.action_kind,
            duration=body.duration,
            category=body.category,
            severity=body.severity,
            notes=body.notes,
        )
        return {
            "case": case_summary(out.case, now, TIMEOUT),
            "decision": body.decision,
            "actions": [
                {
                    "id": a.id,
                    "kind": str(a.kind),
                    "expires_at": a.expires_at.isoformat() if a.expires_at else None,
                }
                for a in out.actions
            ],
            "strike": (
                {"id": out.strike.id, "category": out.strike.category} if out.strike else None
            ),
            "statement": out.statement,
        }

    return JSONResponse(store.run(work))
