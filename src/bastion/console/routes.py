"""The moderator console: sign-in, the review queue, the case page, appeals.

Server-rendered (Jinja2, htmx for the queue filters), on the same service functions as the API:
``claim_next``, ``decide_case``, ``release_case``, ``list_appeals``, ``decide_appeal`` and
``account_view`` decide everything; the pages only gather forms and show results. A moderator
is ``user:<username>`` in claims, reviews and the audit log, so the rule that an appeal goes to
someone other than the original decider holds across the API and the console.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from importlib.resources import files
from typing import Annotated, Any, Final
from urllib.parse import urlencode

from fastapi import APIRouter, Form, Path, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from jinja2 import Environment, FunctionLoader, select_autoescape
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bastion.api.deps import AppContext, context
from bastion.console import session as cookies
from bastion.console.pictures import pictures, preview_png
from bastion.extract.images.decode import ImageError
from bastion.model import BUILTIN_CATEGORIES, SURFACES
from bastion.service.accounts import account_view
from bastion.service.appeals import decide_appeal, list_appeals
from bastion.service.decide import decide_case
from bastion.service.errors import Forbidden, ServiceError
from bastion.service.queues import (
    ESCALATED,
    claim_next_scoped,
    claim_scoped,
    proposed_plan,
    scoped_queue,
)
from bastion.service.review import get_case, release_case
from bastion.service.users import RANK, authenticate
from bastion.store.models import Action, Case, ConsoleUser, Item, ItemImage, Report, Tenant

router = APIRouter(prefix="/console", include_in_schema=False)
CSP: Final = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
)
HEADERS: Final = {
    "Content-Security-Policy": CSP,
    "X-Frame-Options": "DENY",
    "Cache-Control": "no-store",
    "Referrer-Policy": "same-origin",
}
STATIC: Final = {
    "console.js": "text/javascript",
    "console.css": "text/css",
    "htmx-2.0.11.min.js": "text/javascript",
}
ESCALATION_PRIORITY: Final = 100
HISTORY: Final = 20
"""The account's newest actions shown on a case page (the account page lists up to 100)."""
CaseId = Annotated[int, Path(ge=1, le=2**63 - 1)]
Csrf = Annotated[str, Form(max_length=64)]


def _template(name: str) -> str:
    return files("bastion.console").joinpath("templates", name).read_text(encoding="utf-8")


_ENV = Environment(loader=FunctionLoader(_template), autoescape=select_autoescape(default=True))


@dataclass(frozen=True, slots=True)
class Viewer:
    user_id: int
    tenant_id: int
    username: str
    role: str
    nonce: str

    @property
    def moderator(self) -> str:
        return f"user:{self.username}"

    def at_least(self, role: str) -> bool:
        return RANK[self.role] >= RANK[role]


def _secret(ctx: AppContext) -> bytes:
    return ctx.console_secret


def viewer(request: Request) -> Viewer | None:
    """The signed-in user of this request, re-checked against the store (disabled, reset)."""
    ctx = context(request)
    claims = cookies.read(_secret(ctx), request.cookies.get(cookies.COOKIE), ctx.clock())
    if claims is None:
        return None

    def load(session: Session) -> Viewer | None:
        user = session.get(ConsoleUser, claims.user_id)
        if (
            user is None
            or user.disabled
            or user.tenant_id != claims.tenant_id
            or user.session_version != claims.version
        ):
            return None
        return Viewer(user.id, user.tenant_id, user.username, user.role, claims.nonce)

    return ctx.store.run(load, readonly=True)


def _page(
    request: Request, name: str, who: Viewer | None, status: int = 200, **data: Any
) -> Response:
    ctx = context(request)
    csrf = cookies.csrf_token(_secret(ctx), who.nonce) if who is not None else data.pop("csrf", "")
    body = _ENV.get_template(name).render(user=who, csrf=csrf, **data)
    return HTMLResponse(body, status_code=status, headers=HEADERS)


def _to(path: str, flash: str = "") -> RedirectResponse:
    target = f"{path}?{urlencode({'flash': flash})}" if flash else path
    return RedirectResponse(target, status_code=303, headers={"Cache-Control": "no-store"})


def _signed_in(request: Request, csrf: str | None = None, role: str = "moderator") -> Viewer:
    who = viewer(request)
    if who is None:
        raise _Redirect("/console/login")
    if csrf is not None and not cookies.csrf_ok(_secret(context(request)), who.nonce, csrf):
        raise _Redirect("/console/queue", "The form expired; please try again.")
    if not who.at_least(role):
        raise Forbidden(f"That needs the {role} role.")
    return who


class _Redirect(Exception):
    def __init__(self, path: str, flash: str = "") -> None:
        self.response = _to(path, flash)


def _guarded(handler: Any) -> Any:
    """Turn the redirects and service errors a handler raises into pages."""
    from functools import wraps

    @wraps(handler)
    def wrapper(*args: Any, **kwargs: Any) -> Response:
        try:
            response: Response = handler(*args, **kwargs)
        except _Redirect as redirect:
            return redirect.response
        except Forbidden as exc:
            request = kwargs.get("request")
            if request is None:
                raise
            who = viewer(request)
            return _page(request, "forbidden.html.j2", who, 403, message=str(exc)[:200])
        except ServiceError as exc:
            return _to("/console/queue", str(exc)[:200])
        return response

    return wrapper


@router.get("/static/{name}")
def static(name: str) -> Response:
    media = STATIC.get(name)
    if media is None:
        return Response(status_code=404)
    body = files("bastion.console").joinpath("static", name).read_bytes()
    return Response(body, media_type=media, headers={"Cache-Control": "public, max-age=3600"})


@router.get("")
@router.get("/")
def home() -> Response:
    return _to("/console/queue")


@router.get("/login")
def login_form(request: Request, tenant: Annotated[str, Query(max_length=64)] = "") -> Response:
    nonce = request.cookies.get(cookies.LOGIN_COOKIE) or cookies.login_nonce()
    ctx = context(request)
    response = _page(
        request,
        "login.html.j2",
        None,
        tenant=tenant,
        csrf=cookies.csrf_token(_secret(ctx), nonce),
        flash=request.query_params.get("flash", "")[:200],
    )
    response.set_cookie(
        cookies.LOGIN_COOKIE, nonce, httponly=True, samesite="strict", path="/console"
    )
    return response


@router.post("/login")
def login(
    request: Request,
    csrf: Csrf,
    tenant: Annotated[str, Form(max_length=64)],
    username: Annotated[str, Form(max_length=64)],
    password: Annotated[str, Form(max_length=256)],
) -> Response:
    ctx = context(request)
    if not cookies.csrf_ok(_secret(ctx), request.cookies.get(cookies.LOGIN_COOKIE), csrf):
        return _to("/console/login", "The form expired; please try again.")

    def check(session: Session) -> ConsoleUser | None:
        tenant_id = session.scalar(select(Tenant.id).where(Tenant.slug == tenant))
        if tenant_id is None:
            authenticate(session, -1, username, password)  # same cost as a wrong password
            return None
        return authenticate(session, tenant_id, username, password)

    user = ctx.store.run(check)
    if user is None:
        return _to("/console/login", "Wrong organisation, username or password.")
    token = cookies.issue(_secret(ctx), user.id, user.tenant_id, user.session_version, ctx.clock())
    response = _to("/console/queue")
    secure = request.url.scheme == "https"
    response.set_cookie(
        cookies.COOKIE,
        token,
        max_age=int(cookies.TTL.total_seconds()),
        httponly=True,
        secure=secure,
        samesite="strict",
        path="/console",
    )
    response.delete_cookie(cookies.LOGIN_COOKIE, path="/console")
    return response


@router.post("/logout")
@_guarded
def logout(request: Request, csrf: Csrf) -> Response:
    _signed_in(request, csrf)
    response = _to("/console/login")
    response.delete_cookie(cookies.COOKIE, path="/console")
    return response


def _age(created: datetime, now: datetime) -> str:
    minutes = int((now - created).total_seconds() // 60)
    if minutes < 60:
        return f"{minutes} min"
    return f"{minutes // 60} h" if minutes < 48 * 60 else f"{minutes // 1440} d"


@router.get("/queue")
@_guarded
def queue(
    request: Request,
    category: Annotated[str, Query(max_length=64)] = "",
    surface: Annotated[str, Query(max_length=32)] = "",
    min_reports: Annotated[int, Query(ge=0, le=1000)] = 0,
    scope: Annotated[str, Query(pattern="^(|senior)$")] = "",
) -> Response:
    """The queue this person may work; ``scope=senior`` is the senior queue alone (bans that
    would be permanent, escalations), which a moderator may not open (403)."""
    who = _signed_in(request, role="senior" if scope else "moderator")
    ctx = context(request)
    now = ctx.clock()

    def rows(session: Session) -> list[dict[str, Any]]:
        found = []
        for case, senior_work in scoped_queue(
            session,
            who.tenant_id,
            senior=who.at_least("senior"),
            ladder=ctx.ladder,
            now=now,
            only_senior=bool(scope),
        ):
            item = session.get(Item, case.item_id) if case.item_id is not None else None
            result = (item.result or {}) if item is not None else {}
            categories = sorted({v["category"] for v in result.get("violations", ())})
            reports = session.scalar(
                select(func.count()).where(
                    Report.tenant_id == who.tenant_id, Report.case_id == case.id
                )
            )
            row: dict[str, Any] = {
                "id": case.id,
                "priority": case.priority,
                "reason": case.reason,
                "categories": categories,
                "surface": item.surface if item is not None else "",
                "excerpt": (item.text[:160] if item is not None else ""),
                "reports": int(reports or 0),
                "age": _age(case.created_at, now),
                "senior": senior_work,
            }
            if category and category not in categories:
                continue
            if surface and row["surface"] != surface:
                continue
            if row["reports"] < min_reports:
                continue
            found.append(row)
        return found

    cases = ctx.store.run(rows, readonly=True)
    return _page(
        request,
        "queue.html.j2",
        who,
        cases=cases,
        categories=BUILTIN_CATEGORIES,
        surfaces=SURFACES,
        filters={"category": category, "surface": surface, "min_reports": min_reports},
        scope=scope,
        flash=request.query_params.get("flash", "")[:200],
    )


@router.post("/queue/next")
@_guarded
def next_case(
    request: Request,
    csrf: Csrf,
    scope: Annotated[str, Form(pattern="^(|senior)$")] = "",
) -> Response:
    who = _signed_in(request, csrf, role="senior" if scope else "moderator")
    ctx = context(request)
    case = ctx.store.run(
        lambda s: claim_next_scoped(
            s,
            who.tenant_id,
            who.moderator,
            senior=who.at_least("senior"),
            ladder=ctx.ladder,
            now=ctx.clock(),
            only_senior=bool(scope),
        )
    )
    if case is None:
        return _to("/console/queue", "The queue is empty.")
    return _to(f"/console/cases/{case.id}")


MAX_BULK: Final = 100


def _decide(
    session: Session,
    ctx: AppContext,
    who: Viewer,
    case_id: int,
    decision: str,
    notes: str,
    now: datetime,
) -> None:
    """``decide_case`` as the signed-in moderator, with the app's ladder and reasons."""
    decide_case(
        session,
        who.tenant_id,
        case_id,
        moderator=who.moderator,
        decision=decision,
        now=now,
        ladder=ctx.ladder,
        reasons=ctx.settings.reasons,
        notes=notes,
        senior=who.at_least("senior"),
    )


def _claim(session: Session, ctx: AppContext, who: Viewer, case_id: int, now: datetime) -> Case:
    """``claim_scoped`` as the signed-in person: a moderator reaching for senior work gets 403."""
    return claim_scoped(
        session,
        who.tenant_id,
        case_id,
        who.moderator,
        senior=who.at_least("senior"),
        ladder=ctx.ladder,
        now=now,
    )


def _claim_next(session: Session, ctx: AppContext, who: Viewer, now: datetime) -> Case | None:
    return claim_next_scoped(
        session,
        who.tenant_id,
        who.moderator,
        senior=who.at_least("senior"),
        ladder=ctx.ladder,
        now=now,
    )


@router.post("/queue/bulk")
@_guarded
def bulk(
    request: Request,
    csrf: Csrf,
    decision: Annotated[str, Form(max_length=16)],
    cases: Annotated[list[int], Form(max_length=MAX_BULK)],
) -> Response:
    """Claim and decide each selected case in its own transaction: one that someone else holds
    or that was decided meanwhile is skipped and counted, never half-done."""
    who = _signed_in(request, csrf)
    if decision not in ("uphold", "dismiss"):
        raise _Redirect("/console/queue", "Unknown decision.")
    ctx = context(request)
    done = skipped = senior = 0
    for case_id in dict.fromkeys(cases):

        def one(session: Session, case_id: int = case_id) -> None:
            now = ctx.clock()
            _claim(session, ctx, who, case_id, now)
            _decide(session, ctx, who, case_id, decision, "bulk", now)

        try:
            ctx.store.run(one)
            done += 1
        except Forbidden:
            senior += 1
        except ServiceError:
            skipped += 1
    verb = "upheld" if decision == "uphold" else "dismissed"
    note = f"{done} case(s) {verb}" + (f"; {skipped} skipped (taken or decided)" if skipped else "")
    note += f"; {senior} left for a senior" if senior else ""
    return _to("/console/queue", note + ".")


def _pieces(text: str, entities: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The text cut at entity spans, so the page can mark each one (overlaps keep the first)."""
    pieces: list[dict[str, Any]] = []
    last = 0
    ordered = sorted(
        (e for e in entities if e.get("origin", "text") == "text" and e.get("span")),
        key=lambda e: tuple(e["span"]),
    )
    for entity in ordered:
        start, end = entity["span"]
        if start < last or end > len(text):
            continue
        pieces.append({"text": text[last:start], "entity": None})
        pieces.append({"text": text[start:end], "entity": entity, "index": entities.index(entity)})
        last = end
    pieces.append({"text": text[last:], "entity": None})
    return pieces


@router.get("/cases/{case_id}")
@_guarded
def case_page(request: Request, case_id: CaseId) -> Response:
    who = _signed_in(request)
    ctx = context(request)
    now = ctx.clock()

    def gather(session: Session) -> dict[str, Any]:
        detail = get_case(session, who.tenant_id, case_id)
        item = session.get(Item, detail.case.item_id) if detail.case.item_id else None
        result = (item.result or {}) if item is not None else {}
        entities = list(result.get("entities", ()))
        violations = list(result.get("violations", ()))
        account: dict[str, Any] = {"status": "unknown", "active_strikes": 0, "actions": []}
        if detail.account_external_id:
            account = account_view(
                session, who.tenant_id, detail.account_external_id, now, limit=HISTORY
            )
        plan = proposed_plan(session, detail.case, ctx.ladder, now)
        proposed = (
            f"uphold: {', '.join(plan.kinds)} ({plan.category}/{plan.severity}, strike "
            f"{plan.strike_number})"
            if plan is not None and plan.actions
            else "uphold"
        )
        stored = (
            set(
                session.scalars(
                    select(ItemImage.position).where(
                        ItemImage.tenant_id == who.tenant_id, ItemImage.item_id == item.id
                    )
                )
            )
            if item is not None
            else set()
        )
        return {
            "pictures": pictures(result, stored, entities),
            "case": {
                "id": detail.case.id,
                "status": str(detail.case.status),
                "reason": detail.case.reason,
            },
            "mine": detail.case.claimed_by == who.moderator
            and str(detail.case.status) == "claimed",
            "item_id": detail.item_external_id or "",
            "surface": item.surface if item is not None else "",
            "account_id": detail.account_external_id or "",
            "reports": detail.report_count,
            "trusted": detail.trusted_flagger,
            "pieces": _pieces(item.text if item is not None else "", entities),
            "entities": entities,
            "violations": violations,
            "signals": list(result.get("signals", ())),
            "account": account,
            "reviews": [
                {"moderator": r.moderator, "decision": str(r.decision), "notes": r.notes}
                for r in detail.reviews
            ],
            "proposed": proposed,
            "senior_work": (plan is not None and plan.senior_only)
            or detail.case.reason.startswith(ESCALATED),
        }

    data = ctx.store.run(gather, readonly=True)
    return _page(
        request, "case.html.j2", who, flash=request.query_params.get("flash", "")[:200], **data
    )


@router.get("/cases/{case_id}/pictures/{index}")
@_guarded
def picture(
    request: Request, case_id: CaseId, index: Annotated[int, Path(ge=0, le=64)]
) -> Response:
    """One of the case's pictures, re-drawn as a plain PNG (never the stored bytes)."""
    who = _signed_in(request)
    ctx = context(request)

    def load(session: Session) -> bytes | None:
        case = get_case(session, who.tenant_id, case_id).case
        if case.item_id is None:
            return None
        return session.scalar(
            select(ItemImage.data).where(
                ItemImage.tenant_id == who.tenant_id,
                ItemImage.item_id == case.item_id,
                ItemImage.position == index,
            )
        )

    data = ctx.store.run(load, readonly=True)
    headers = {
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
        "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
    }
    if data is None:
        return Response(status_code=404, headers=headers)
    try:
        body = preview_png(data)
    except ImageError:
        return Response(status_code=422, headers=headers)
    return Response(body, media_type="image/png", headers=headers)


@router.post("/cases/{case_id}/claim")
@_guarded
def claim(request: Request, case_id: CaseId, csrf: Csrf) -> Response:
    who = _signed_in(request, csrf)
    ctx = context(request)
    ctx.store.run(lambda s: _claim(s, ctx, who, case_id, ctx.clock()))
    return _to(f"/console/cases/{case_id}")


@router.post("/cases/{case_id}/decide")
@_guarded
def decide(
    request: Request,
    case_id: CaseId,
    csrf: Csrf,
    decision: Annotated[str, Form(max_length=16)],
    notes: Annotated[str, Form(max_length=2000)] = "",
) -> Response:
    who = _signed_in(request, csrf)
    ctx = context(request)
    now = ctx.clock()

    def act(session: Session) -> Case | None:
        if decision in ("uphold", "dismiss"):
            _decide(session, ctx, who, case_id, decision, notes, now)
        elif decision in ("skip", "escalate"):
            case = release_case(session, who.tenant_id, case_id, who.moderator, now=now)
            if decision == "escalate" and not case.reason.startswith(ESCALATED):
                case.priority = max(case.priority, 0) + ESCALATION_PRIORITY
                case.reason = f"{ESCALATED}{who.username}: {case.reason}"[:200]
            senior = who.at_least("senior")
            for other, _ in scoped_queue(
                session, who.tenant_id, senior=senior, ladder=ctx.ladder, now=now, limit=3
            ):
                if other.id != case_id:
                    return _claim(session, ctx, who, other.id, now)
            return None
        else:
            raise _Redirect(f"/console/cases/{case_id}", "Unknown decision.")
        return _claim_next(session, ctx, who, now)

    following = ctx.store.run(act)
    if following is None:
        return _to("/console/queue", "Done: the queue is empty.")
    return _to(f"/console/cases/{following.id}")


@router.get("/appeals")
@_guarded
def appeals(request: Request) -> Response:
    who = _signed_in(request, role="senior")
    ctx = context(request)

    def rows(session: Session) -> list[dict[str, Any]]:
        found = []
        for appeal in list_appeals(session, who.tenant_id, eligible_for=who.moderator):
            action = session.get(Action, appeal.action_id)
            found.append(
                {
                    "id": appeal.id,
                    "action_kind": str(action.kind) if action else "",
                    "action_reason": action.reason if action else "",
                    "statement": appeal.text,
                    "created_at": appeal.created_at.isoformat(timespec="minutes"),
                }
            )
        return found

    return _page(
        request,
        "appeals.html.j2",
        who,
        appeals=ctx.store.run(rows, readonly=True),
        flash=request.query_params.get("flash", "")[:200],
    )


@router.post("/appeals/{appeal_id}/decide")
@_guarded
def appeal_decide(
    request: Request,
    appeal_id: CaseId,
    csrf: Csrf,
    grant: Annotated[str, Form(max_length=1)],
    notes: Annotated[str, Form(max_length=2000)] = "",
) -> Response:
    who = _signed_in(request, csrf, role="senior")
    ctx = context(request)
    ctx.store.run(
        lambda s: decide_appeal(
            s,
            who.tenant_id,
            appeal_id,
            moderator=who.moderator,
            grant=grant == "1",
            now=ctx.clock(),
            notes=notes,
        )
    )
    verb = "granted" if grant == "1" else "denied"
    return _to("/console/appeals", f"Appeal {appeal_id} {verb}.")
