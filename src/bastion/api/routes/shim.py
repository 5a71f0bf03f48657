"""The link shim: ``GET /l`` (public), its two static files, and ``POST /v1/links:rewrite``.

``/l`` follows only links this app signed (``bastion.shim.signing``): an unsigned, altered or
retired link gets the "not valid" page and never a redirect, so the shim is no open redirect. A
signed link is scanned again at click time (``bastion.shim.decide``) against the intel the server
holds now. Clicks are counted per site, category and decision, without any personal data.
"""

from __future__ import annotations

from datetime import UTC
from importlib.resources import files
from time import perf_counter, thread_time
from typing import Annotated, Final
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from pydantic import BaseModel, ConfigDict, Field, model_validator

from bastion.api.deps import AppContext, Principal, context, require_roles
from bastion.model import Item
from bastion.shim.decide import Click, decide
from bastion.shim.pages import CSP, language, render
from bastion.shim.rewrite import rewritten, shim_links
from bastion.shim.signing import MAX_URL_CHARS

router = APIRouter(tags=["link shim"])
Platform = Annotated[Principal, Depends(require_roles("platform", "admin"))]
MAX_REWRITE_URLS: Final = 1000
MAX_REWRITE_TEXT: Final = 100_000
_STATIC: Final = {"shim.js": "text/javascript", "shim.css": "text/css"}
_PAGE_HEADERS: Final = {
    "Content-Security-Policy": CSP,
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
    "X-Frame-Options": "DENY",
}
_STATUS: Final = {"warn": 200, "block": 403, "refuse": 400}


@router.get("/l", include_in_schema=False)
def follow(
    request: Request,
    u: Annotated[str, Query(max_length=MAX_URL_CHARS)] = "",
    s: Annotated[str, Query(max_length=64)] = "",
    t: Annotated[str, Query(max_length=64)] = "",
    go: Annotated[str, Query(max_length=1)] = "",
    lang: Annotated[str, Query(max_length=8)] = "",
) -> Response:
    started = (perf_counter(), thread_time())
    ctx = context(request)
    chosen = language(lang, request.headers.get("accept-language"))
    response: Response
    if not ctx.signer.verify(u, t, s):
        response = _page(Click("refuse", "", "", "", "", False), chosen, request)
        return _timed(response, started)
    click = decide(
        ctx.current_scanner(),
        u,
        continue_on=ctx.settings.shim_continue_on,
        block_categories=ctx.settings.shim_block_categories,
        expander=ctx.expander,
    )
    going = click.decision == "redirect" or (go == "1" and click.can_continue)
    _count(ctx, t, click, "continue" if going and click.decision != "redirect" else None)
    if going:
        response = RedirectResponse(
            click.url,
            status_code=303,
            headers={"Referrer-Policy": "no-referrer", "Cache-Control": "no-store"},
        )
    else:
        response = _page(click, chosen, request)
    return _timed(response, started)


def _timed(response: Response, started: tuple[float, float]) -> Response:
    """Say how long the decision took (signature, click-time scan, page) in ``Server-Timing``,
    so the 1 ms bar can be watched from outside under real load (``bench/pages.py``): ``shim``
    is the wall-clock span, ``cpu`` the CPU this request's thread spent in it. Under concurrent
    clicks the two differ by the time the thread waited for the interpreter lock."""
    wall = (perf_counter() - started[0]) * 1000
    cpu = (thread_time() - started[1]) * 1000
    response.headers["Server-Timing"] = f"shim;dur={wall:.3f}, cpu;dur={cpu:.3f}"
    return response


@router.get("/static/{name}", include_in_schema=False)
def static(name: str) -> Response:
    media = _STATIC.get(name)
    if media is None:
        return Response(status_code=404)
    body = files("bastion.shim").joinpath("static", name).read_bytes()
    return Response(body, media_type=media, headers={"Cache-Control": "public, max-age=3600"})


def _page(click: Click, lang: str, request: Request) -> HTMLResponse:
    params = dict(request.query_params)
    other = "en" if lang == "zh" else "zh"
    continue_link = None
    if click.can_continue:
        continue_link = f"/l?{urlencode({**params, 'go': '1', 'lang': lang})}"
    body = render(
        click.decision,
        lang,
        host=click.host,
        category=click.category,
        reason=click.reason,
        continue_link=continue_link,
        lang_link=f"/l?{urlencode({**params, 'lang': other})}",
    )
    return HTMLResponse(body, status_code=_STATUS[click.decision], headers=_PAGE_HEADERS)


def _count(ctx: AppContext, tenant: str, click: Click, override: str | None) -> None:
    if ctx.clicks is not None and tenant:
        day = ctx.clock().astimezone(UTC).date()
        ctx.clicks.add(tenant, day, click.host, click.category, override or click.decision)


class RewriteIn(BaseModel):
    """Either a text whose links are rewritten in place, or a list of URLs."""

    model_config = ConfigDict(extra="forbid")
    text: str | None = Field(default=None, max_length=MAX_REWRITE_TEXT)
    urls: list[Annotated[str, Field(max_length=MAX_URL_CHARS)]] | None = Field(
        default=None, max_length=MAX_REWRITE_URLS
    )
    surface: str = "post"

    @model_validator(mode="after")
    def one_of(self) -> RewriteIn:
        if (self.text is None) == (self.urls is None):
            raise ValueError("give exactly one of 'text' or 'urls'")
        return self


@router.post(
    "/v1/links:rewrite",
    tags=["link shim"],
    summary="Rewrite the links of a text (or a list of URLs) to signed shim links",
)
def rewrite(body: RewriteIn, principal: Platform, request: Request) -> JSONResponse:
    ctx = context(request)
    tenant = principal.tenant_slug
    base = ctx.settings.shim_base
    if body.urls is not None:
        signed = [
            {"url": url, "shim": ctx.signer.link(url, tenant, base)} for url in body.urls if url
        ]
        return JSONResponse({"links": signed})
    text = body.text or ""
    result = ctx.current_scanner().scan(Item(id="rewrite", text=text, surface=body.surface))
    links = shim_links(result, ctx.signer, tenant, base)
    return JSONResponse({"text": rewritten(text, links), "links": links, "verdict": result.verdict})
