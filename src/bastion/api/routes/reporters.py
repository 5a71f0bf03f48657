"""``/v1/reporters``: a reporter's standing, and muting an abusive one (moderators and admins).

The same service functions as the console's reports page (``bastion.service.reporters``): a
reporter is ``id:<reporter id>`` or ``ip:<keyed address hash>``; a muted reporter's reports are
stored and counted but never queued; muting and unmuting are audited.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy.orm import Session

from bastion.api.deps import NowDep, Principal, StoreDep, require_roles
from bastion.api.routes.review import moderator_id
from bastion.service.reporters import (
    MAX_KEY,
    MAX_REASON,
    Standing,
    mute_reporter,
    standings,
    unmute_reporter,
)

router = APIRouter(prefix="/v1/reporters", tags=["reporters"])
Moderator = Annotated[Principal, Depends(require_roles("moderator", "admin"))]


class MuteIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    reporter: str = Field(min_length=4, max_length=MAX_KEY, examples=["id:user-42"])
    reason: str = Field(default="", max_length=MAX_REASON)


def _json(standing: Standing) -> dict[str, Any]:
    return {
        "reporter": standing.key,
        "reports": standing.reports,
        "decided": standing.decided,
        "upheld": standing.upheld,
        "reputation": standing.reputation,
        "muted": standing.muted,
    }


@router.get("", summary="A reporter's reports, how many were decided and upheld, and mute state")
def standing(
    principal: Moderator,
    store: StoreDep,
    reporter: Annotated[str, Query(min_length=4, max_length=MAX_KEY)],
) -> JSONResponse:
    found = store.run(
        lambda s: standings(s, principal.tenant_id, [reporter])[reporter], readonly=True
    )
    return JSONResponse(_json(found))


@router.post(":mute", summary="Keep a reporter's future reports out of the queue (audited)")
def mute(body: MuteIn, principal: Moderator, store: StoreDep, now: NowDep) -> JSONResponse:
    def work(session: Session) -> dict[str, Any]:
        mute_reporter(
            session,
            principal.tenant_id,
            body.reporter,
            moderator=moderator_id(principal),
            reason=body.reason,
            now=now,
        )
        return _json(standings(session, principal.tenant_id, [body.reporter])[body.reporter])

    return JSONResponse(store.run(work))


@router.post(":unmute", summary="Let a muted reporter's reports reach the queue again (audited)")
def unmute(body: MuteIn, principal: Moderator, store: StoreDep, now: NowDep) -> JSONResponse:
    def work(session: Session) -> dict[str, Any]:
        unmute_reporter(
            session, principal.tenant_id, body.reporter, moderator=moderator_id(principal), now=now
        )
        return _json(standings(session, principal.tenant_id, [body.reporter])[body.reporter])

    return JSONResponse(store.run(work))
