"""``/v1/reports``: anyone may report an item or account; the reporter follows the outcome.

Public keys (an app's report button) are limited by a keyed hash of the client address; platform
keys report on behalf of a user (``reporter_id``, optionally the user's address) and may assert
that user is a trusted flagger. A key flagged ``trusted_flagger`` makes every report it files a
trusted one. The response carries a token; with it (``X-Report-Token``) the reporter, and only
the reporter, reads the outcome. Moderators and admins read any report of their tenant.
"""

from __future__ import annotations

import secrets
import threading
from typing import Annotated, Any, Final

from fastapi import APIRouter, Depends, Header, Path, Query, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy.orm import Session

from bastion.api.deps import NowDep, Principal, StoreDep, get_settings, require_roles
from bastion.api.schemas import ExternalId
from bastion.service.errors import InvalidInput, NotFound
from bastion.service.reports import (
    MAX_REPORT_TEXT,
    REPORT_REASONS,
    ReportConfig,
    Reporter,
    ReportView,
    check_token,
    file_report,
    get_report,
)
from bastion.store.models import ApiKey, Report

router = APIRouter(prefix="/v1", tags=["reports"])
Reporting = Annotated[Principal, Depends(require_roles("public", "platform", "admin"))]
Reading = Annotated[Principal, Depends(require_roles("public", "platform", "moderator", "admin"))]
STAFF: Final = frozenset({"moderator", "admin"})


class ReportIn(BaseModel):
    """Exactly one of ``item_id`` / ``account_id``; reporter fields only for platform keys."""

    model_config = ConfigDict(extra="forbid")

    item_id: ExternalId | None = None
    account_id: ExternalId | None = None
    reason: str = Field(min_length=1, max_length=64, examples=list(REPORT_REASONS))
    text: str = Field(default="", max_length=MAX_REPORT_TEXT)
    reporter_id: str | None = Field(default=None, min_length=1, max_length=255)
    reporter_ip: str | None = Field(default=None, min_length=2, max_length=64)
    trusted_flagger: bool = False


def report_config(request: Request) -> ReportConfig:
    """The app's report settings: ``ApiSettings.reports``.

    Without it the app makes one with a random secret for its lifetime: reports still work, but
    report tokens and IP hashes do not survive a restart. ``bastion serve`` sets
    ``ReportConfig(secret=load_secret(home))``.
    """
    state = request.app.state
    config = get_settings(request).reports or getattr(state, "bastion_reports", None)
    if isinstance(config, ReportConfig):
        return config
    with _config_lock:
        config = getattr(state, "bastion_reports", None)
        if not isinstance(config, ReportConfig):
            config = ReportConfig(secret=secrets.token_bytes(32))
            state.bastion_reports = config
    return config


_config_lock = threading.Lock()


ConfigDep = Annotated[ReportConfig, Depends(report_config)]


@router.post("/reports", status_code=201, summary="Report an item or account")
def create_report(
    body: ReportIn,
    request: Request,
    principal: Reporting,
    store: StoreDep,
    config: ConfigDep,
    now: NowDep,
) -> JSONResponse:
    client_ip = request.client.host if request.client else None
    if principal.role == "public":
        if body.reporter_id or body.reporter_ip or body.trusted_flagger:
            raise InvalidInput("reporter_id, reporter_ip and trusted_flagger need a platform key")
        reporter_id, reporter_ip, asserted = None, client_ip, False
    else:
        if not body.reporter_id and not body.reporter_ip:
            raise InvalidInput("a platform report needs the user's reporter_id or reporter_ip")
        reporter_id, reporter_ip, asserted = (
            body.reporter_id,
            body.reporter_ip,
            body.trusted_flagger,
        )

    def work(session: Session) -> tuple[dict[str, Any], str]:
        key = session.get(ApiKey, principal.key_id)
        trusted = asserted or bool(key is not None and key.trusted_flagger)
        receipt = file_report(
            session,
            principal.tenant_id,
            reason=body.reason,
            reporter=Reporter(id=reporter_id, ip=reporter_ip, trusted=trusted),
            now=now,
            config=config,
            item_id=body.item_id,
            account_id=body.account_id,
            text_=body.text,
        )
        view = get_report(session, principal.tenant_id, receipt.report.id)
        return _view_json(view, trusted=trusted), receipt.token

    view, token = store.run(work)
    return JSONResponse(
        {**view, "token": token},
        status_code=201,
        headers={"Location": f"/v1/reports/{view['id']}"},
    )


@router.get("/reports/{report_id}", summary="The outcome of one report (the reporter's own)")
def read_report(
    report_id: Annotated[int, Path(ge=1, le=2**63 - 1)],
    principal: Reading,
    store: StoreDep,
    config: ConfigDep,
    token: Annotated[str | None, Header(alias="X-Report-Token", max_length=128)] = None,
    reporter_id: Annotated[str | None, Query(min_length=1, max_length=255)] = None,
) -> JSONResponse:
    """Staff read any report of the tenant; a reporter needs the report's token (platform keys
    may instead name the ``reporter_id`` that filed it). Others get 404, as for a missing id."""

    def work(session: Session) -> dict[str, Any]:
        if principal.role not in STAFF:
            allowed = token is not None and check_token(
                config, principal.tenant_id, report_id, token
            )
            if not allowed and principal.role == "platform" and reporter_id is not None:
                row = session.get(Report, report_id)
                allowed = (
                    row is not None
                    and row.tenant_id == principal.tenant_id
                    and row.reporter_id == reporter_id
                )
            if not allowed:
                raise NotFound(f"report {report_id} not found")
        return _view_json(get_report(session, principal.tenant_id, report_id))

    return JSONResponse(store.run(work, readonly=True))


def _view_json(view: ReportView, *, trusted: bool | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": view.id,
        "reason": view.reason,
        "target": {"kind": view.target_kind, "id": view.target_id},
        "status": view.status,
        "created_at": view.created_at.isoformat(),
        "decided_at": view.decided_at.isoformat() if view.decided_at else None,
    }
    if trusted is not None:
        out["trusted_flagger"] = trusted
    return out
