"""``/v1/cases``: read cases of the caller's tenant (reporters are summarised, never named)."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Path, Query
from fastapi.responses import JSONResponse
from sqlalchemy.orm import Session

from bastion.api.deps import NowDep, Principal, StoreDep, require_roles
from bastion.service.review import DEFAULT_CLAIM_TIMEOUT, case_summary, get_case, list_cases

router = APIRouter(prefix="/v1", tags=["cases"])
Reader = Annotated[Principal, Depends(require_roles("moderator", "admin"))]


@router.get("/cases", summary="Cases newest first; page with ?after=<last id>")
def cases(
    principal: Reader,
    store: StoreDep,
    now: NowDep,
    status: Annotated[Literal["open", "claimed", "decided", "closed"] | None, Query()] = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 50,
    after: Annotated[int | None, Query(ge=1, le=2**63 - 1)] = None,
) -> JSONResponse:
    rows = store.run(
        lambda s: [
            case_summary(c, now, DEFAULT_CLAIM_TIMEOUT)
            for c in list_cases(s, principal.tenant_id, status=status, limit=limit, after_id=after)
        ],
        readonly=True,
    )
    return JSONResponse({"cases": rows, "next": rows[-1]["id"] if len(rows) == limit else None})


@router.get("/cases/{case_id}", summary="One case: target, reports summary, reviews, actions")
def case(
    case_id: Annotated[int, Path(ge=1, le=2**63 - 1)],
    principal: Reader,
    store: StoreDep,
    now: NowDep,
) -> JSONResponse:
    def work(session: Session) -> dict[str, Any]:
        detail = get_case(session, principal.tenant_id, case_id)
        return {
            **case_summary(detail.case, now, DEFAULT_CLAIM_TIMEOUT),
            "item_id": detail.item_external_id,
            "account_id": detail.account_external_id,
            "reports": {
                "count": detail.report_count,
                "reasons": detail.reasons,
                "trusted_flagger": detail.trusted_flagger,
            },
            "reviews": [
                {
                    "id": r.id,
                    "moderator": r.moderator,
                    "decision": str(r.decision),
                    "new_action_kind": str(r.new_action_kind) if r.new_action_kind else None,
                    "notes": r.notes,
                    "created_at": r.created_at.isoformat(),
                }
                for r in detail.reviews
            ],
            "actions": [
                {
                    "id": a.id,
                    "kind": str(a.kind),
                    "expires_at": a.expires_at.isoformat() if a.expires_at else None,
                    "reversed_at": a.reversed_at.isoformat() if a.reversed_at else None,
                }
                for a in detail.actions
            ],
        }

    return JSONResponse(store.run(work, readonly=True))
