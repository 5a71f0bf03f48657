"""Public pages, no account needed: report an item or account, follow a report's outcome, and read
the platform's transparency report. English and Chinese (``?lang=`` or ``Accept-Language``).

Reports go through ``file_report``, the service the API uses, with the client address as the
reporter: its keyed hash carries the per-address limits (10 in 10 minutes, 50 a day by default).
Against scripted abuse without a third-party CAPTCHA, the form also carries a signed issue time
(a post sooner than ``MIN_FORM_SECONDS`` after the form was served, or older than a day, is
refused) and a field people never see (a bot that fills it is refused). Reporters follow their
report with the token they were given; it is posted, never put in a URL.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
from datetime import timedelta
from importlib.resources import files
from typing import Annotated, Any, Final

from fastapi import APIRouter, Form, Path, Query, Request
from fastapi.responses import HTMLResponse, Response
from jinja2 import Environment, FunctionLoader, select_autoescape
from sqlalchemy import select
from sqlalchemy.orm import Session

from bastion.api.deps import context
from bastion.api.routes.reports import report_config
from bastion.public.text import TEXT
from bastion.report import TransparencyStats, render_html, transparency_stats
from bastion.service.accounts import action_view
from bastion.service.appeals import check_appeal_token, file_appeal
from bastion.service.errors import Conflict, InvalidInput, NotFound, RateLimited, ServiceError
from bastion.service.reports import REPORT_REASONS, Reporter, check_token, file_report, get_report
from bastion.service.reversal import affected_account
from bastion.shim.pages import CSP, language
from bastion.store.models import Action, Tenant

router = APIRouter(prefix="/p", include_in_schema=False)
MIN_FORM_SECONDS: Final = 3
MAX_FORM_AGE: Final = timedelta(days=1)
TRANSPARENCY_DAYS: Final = 30
Slug = Annotated[str, Path(pattern=r"^[a-z0-9_-]{1,64}$")]
Lang = Annotated[str, Query(max_length=8)]
ReportId = Annotated[int, Path(ge=1, le=2**63 - 1)]
_HEADERS: Final = {
    "Content-Security-Policy": CSP.replace("form-action 'none'", "form-action 'self'"),
    "X-Frame-Options": "DENY",
    "Cache-Control": "no-store",
    "Referrer-Policy": "no-referrer",
}
_STYLE = re.compile(r"<style>(.*?)</style>", re.DOTALL)


def _template(name: str) -> str:
    return files("bastion.public").joinpath("templates", name).read_text(encoding="utf-8")


_ENV = Environment(loader=FunctionLoader(_template), autoescape=select_autoescape(default=True))


def _page(
    request: Request, lang: str, tenant: str, page: str, status: int = 200, **data: Any
) -> HTMLResponse:
    text = TEXT[language(lang, request.headers.get("accept-language"))]
    body = _ENV.get_template("public.html.j2").render(
        t=text, tenant=tenant, page=page, title=text[f"title_{page}"], **data
    )
    return HTMLResponse(body, status_code=status, headers=_HEADERS)


def _tenant_id(request: Request, slug: str) -> int | None:
    return context(request).store.run(
        lambda s: s.scalar(select(Tenant.id).where(Tenant.slug == slug)), readonly=True
    )


def _issued_mac(secret: bytes, stamp: str) -> str:
    return hmac.new(secret, f"form:{stamp}".encode(), hashlib.sha256).hexdigest()[:32]


def _issued(request: Request) -> str:
    stamp = str(int(context(request).clock().timestamp()))
    return f"{stamp}.{_issued_mac(report_config(request).secret, stamp)}"


def _form_ok(request: Request, issued: str) -> bool:
    stamp, _, mac = issued.partition(".")
    if not stamp.isdigit() or len(stamp) > 12:
        return False
    if not hmac.compare_digest(_issued_mac(report_config(request).secret, stamp), mac):
        return False
    age = context(request).clock().timestamp() - int(stamp)
    return MIN_FORM_SECONDS <= age <= MAX_FORM_AGE.total_seconds()


@router.get("/{tenant}/report")
def report_form(request: Request, tenant: Slug, lang: Lang = "") -> Response:
    if _tenant_id(request, tenant) is None:
        return _page(request, lang, tenant, "missing", 404)
    return _page(request, lang, tenant, "form", reasons=REPORT_REASONS, issued=_issued(request))


@router.post("/{tenant}/report")
def report_send(
    request: Request,
    tenant: Slug,
    kind: Annotated[str, Form(max_length=8)],
    target: Annotated[str, Form(max_length=128)],
    reason: Annotated[str, Form(max_length=64)],
    issued: Annotated[str, Form(max_length=64)],
    details: Annotated[str, Form(max_length=2000)] = "",
    website: Annotated[str, Form(max_length=200)] = "",
    lang: Lang = "",
) -> Response:
    tenant_id = _tenant_id(request, tenant)
    if tenant_id is None:
        return _page(request, lang, tenant, "missing", 404)
    text = TEXT[language(lang, request.headers.get("accept-language"))]

    def again(error: str, status: int) -> HTMLResponse:
        return _page(
            request,
            lang,
            tenant,
            "form",
            status,
            reasons=REPORT_REASONS,
            issued=_issued(request),
            error=error,
        )

    if website or not _form_ok(request, issued):
        return again(text["error_form"], 400)
    if kind not in ("item", "account"):
        return again(text["error_form"], 400)
    ctx = context(request)
    config = report_config(request)
    client = request.client.host if request.client else None

    def work(session: Session) -> tuple[int, str]:
        receipt = file_report(
            session,
            tenant_id,
            reason=reason,
            reporter=Reporter(ip=client),
            now=ctx.clock(),
            config=config,
            item_id=target if kind == "item" else None,
            account_id=target if kind == "account" else None,
            text_=details,
        )
        return receipt.report.id, receipt.token

    try:
        report_id, token = ctx.store.run(work)
    except RateLimited:
        return again(text["error_limit"], 429)
    except NotFound:
        return again(text["error_target"], 404)
    except (InvalidInput, ServiceError):
        return again(text["error_form"], 400)
    return _page(request, lang, tenant, "done", 201, report_id=report_id, token=token)


@router.get("/{tenant}/reports/{report_id}")
def outcome_form(request: Request, tenant: Slug, report_id: ReportId, lang: Lang = "") -> Response:
    return _page(request, lang, tenant, "ask", report_id=report_id)


@router.post("/{tenant}/reports/{report_id}")
def outcome(
    request: Request,
    tenant: Slug,
    report_id: ReportId,
    token: Annotated[str, Form(max_length=128)],
    lang: Lang = "",
) -> Response:
    tenant_id = _tenant_id(request, tenant)
    text = TEXT[language(lang, request.headers.get("accept-language"))]
    if tenant_id is None or not check_token(report_config(request), tenant_id, report_id, token):
        error = text["error_token"]
        return _page(request, lang, tenant, "ask", 404, report_id=report_id, error=error)
    store = context(request).store
    view = store.run(lambda s: get_report(s, tenant_id, report_id), readonly=True)
    shown = {
        "id": view.id,
        "reason": view.reason,
        "status": view.status,
        "created_at": view.created_at.isoformat(timespec="minutes"),
        "decided_at": view.decided_at.isoformat(timespec="minutes") if view.decided_at else None,
    }
    return _page(request, lang, tenant, "outcome", view=shown)


def _appeal_target(
    request: Request, tenant: str, action_id: int, token: str
) -> tuple[int, dict[str, Any], str] | None:
    """The tenant id, what the page shows of the action, and the affected account, when the
    link's token is right; None otherwise (a wrong link learns nothing)."""
    tenant_id = _tenant_id(request, tenant)
    secret = report_config(request).secret
    if tenant_id is None or not check_appeal_token(secret, tenant_id, action_id, token):
        return None

    def load(session: Session) -> tuple[dict[str, Any], str] | None:
        view = action_view(session, tenant_id, action_id)
        row = session.get(Action, action_id)
        account = affected_account(session, row) if row is not None else None
        if account is None:
            return None
        return view, account.external_id

    try:
        found = context(request).store.run(load, readonly=True)
    except NotFound:
        return None
    if found is None:
        return None
    return tenant_id, found[0], found[1]


@router.get("/{tenant}/appeal/{action_id}")
def appeal_form(
    request: Request,
    tenant: Slug,
    action_id: ReportId,
    k: Annotated[str, Query(max_length=64)] = "",
    lang: Lang = "",
) -> Response:
    target = _appeal_target(request, tenant, action_id, k)
    if target is None:
        return _page(request, lang, tenant, "missing", 404)
    return _page(request, lang, tenant, "appeal", action=target[1], token=k, action_id=action_id)


@router.post("/{tenant}/appeal/{action_id}")
def appeal_send(
    request: Request,
    tenant: Slug,
    action_id: ReportId,
    k: Annotated[str, Form(max_length=64)],
    statement: Annotated[str, Form(max_length=5000)] = "",
    lang: Lang = "",
) -> Response:
    target = _appeal_target(request, tenant, action_id, k)
    if target is None:
        return _page(request, lang, tenant, "missing", 404)
    tenant_id, shown, appellant = target
    ctx = context(request)
    text = TEXT[language(lang, request.headers.get("accept-language"))]
    try:
        ctx.store.run(
            lambda s: file_appeal(
                s, tenant_id, action_id, appellant=appellant, text=statement, now=ctx.clock()
            )
        )
    except Conflict as exc:
        error = text["error_appealed"] if "already appealed" in str(exc) else text["error_closed"]
        return _page(
            request, lang, tenant, "appeal", 409, action=shown, token=k, action_id=action_id,
            error=error,
        )  # fmt: skip
    except ServiceError:
        return _page(
            request, lang, tenant, "appeal", 400, action=shown, token=k, action_id=action_id,
            error=text["error_form"],
        )  # fmt: skip
    return _page(request, lang, tenant, "appealed", 201)


def public_stats(request: Request, tenant_id: int) -> TransparencyStats:
    """The figures of the public transparency page: the last 30 whole UTC days of one tenant
    (the console's dashboard draws the same)."""
    ctx = context(request)
    now = ctx.clock()
    until = now.date() - timedelta(days=1)
    return ctx.store.run(
        lambda s: transparency_stats(
            s,
            date_from=until - timedelta(days=TRANSPARENCY_DAYS - 1),
            date_to=until,
            tenant_id=tenant_id,
            now=now,
        ),
        readonly=True,
    )


@router.get("/{tenant}/transparency")
def transparency(request: Request, tenant: Slug) -> Response:
    """The last 30 whole days of the tenant's transparency report (the page ``bastion report``
    writes), served with its one inline style block allowed by hash and no script at all."""
    tenant_id = _tenant_id(request, tenant)
    if tenant_id is None:
        return _page(request, "", tenant, "missing", 404)
    stats = public_stats(request, tenant_id)
    html = render_html(stats)
    styles = [_style_hash(block) for block in _STYLE.findall(html)] or ["'none'"]
    csp = (
        f"default-src 'none'; style-src {' '.join(styles)}; img-src 'self' data:; "
        "form-action 'none'; frame-ancestors 'none'; base-uri 'none'"
    )
    headers = {**_HEADERS, "Content-Security-Policy": csp, "Cache-Control": "public, max-age=300"}
    return HTMLResponse(html, headers=headers)


def _style_hash(block: str) -> str:
    digest = base64.b64encode(hashlib.sha256(block.encode("utf-8")).digest()).decode("ascii")
    return f"'sha256-{digest}'"
