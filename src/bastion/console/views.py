"""Console pages that read: account, reports, campaigns (live counters), policy, intel.

Each page is one service call or one query the API also answers; nothing here decides.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Annotated, Any, Final

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import Response
from sqlalchemy import case as when
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bastion.api.deps import AppContext, context
from bastion.console.routes import Csrf, _guarded, _page, _signed_in, _to
from bastion.detect.credentials import read as read_credentials
from bastion.entities import KINDS, default_path, read_document, registry_path
from bastion.intel.store import list_feeds
from bastion.model import HOST_KINDS
from bastion.model import Item as ScanItem
from bastion.public.routes import public_stats
from bastion.report.render import GROUP_LABELS, report_charts
from bastion.service.accounts import account_view
from bastion.service.campaigns import list_campaigns
from bastion.service.reporters import (
    MAX_KEY,
    MAX_REASON,
    mute_reporter,
    reporter_key,
    standings,
    unmute_reporter,
)
from bastion.store.models import Case, Report, ReporterMute, Tenant, Violation
from bastion.store.models import Item as StoredItem

router = APIRouter(prefix="/console", include_in_schema=False)
POLICY_DAYS: Final = 7
MAX_LISTED: Final = 500
MAX_REPORTERS: Final = 20
"""Reporters shown per merged case (the count column has them all)."""


def _home(ctx: AppContext) -> Path | None:
    """The home the server was started on (its intel watch knows it); None for an app built
    without one."""
    return ctx.intel.home if ctx.intel is not None else None


@router.get("/accounts/{account_id}")
@_guarded
def account(request: Request, account_id: str) -> Response:
    who = _signed_in(request)
    ctx = context(request)
    view = ctx.store.run(
        lambda s: account_view(s, who.tenant_id, account_id[:128], ctx.clock()), readonly=True
    )
    return _page(request, "account.html.j2", who, account=view)


@router.get("/reports")
@_guarded
def reports(request: Request) -> Response:
    """Reports merged per case (one row per target), most reported first, each reporter with
    their reputation (share of their decided reports upheld); muted reporters and the reports
    they filed since, which never reached the queue."""
    who = _signed_in(request)
    ctx = context(request)

    def rows(session: Session) -> dict[str, Any]:
        found = session.execute(
            select(
                Report.case_id,
                func.count(),
                func.count(func.distinct(Report.reporter_ip_hash)),
                func.sum(when((Report.trusted_flagger.is_(True), 1), else_=0)),
                func.min(Report.created_at),
            )
            .where(Report.tenant_id == who.tenant_id, Report.case_id.is_not(None))
            .group_by(Report.case_id)
            .order_by(func.count().desc())
            .limit(200)
        ).all()
        case_ids = [case_id for case_id, *_ in found]
        authors: dict[int, list[str]] = {}
        for case_id, reporter_id, hashed in session.execute(
            select(Report.case_id, Report.reporter_id, Report.reporter_ip_hash)
            .where(Report.tenant_id == who.tenant_id, Report.case_id.in_(case_ids))
            .distinct()
        ):
            key = reporter_key(reporter_id, hashed)
            if key and key not in authors.setdefault(case_id, []):
                authors[case_id].append(key)
        mutes = session.scalars(
            select(ReporterMute)
            .where(ReporterMute.tenant_id == who.tenant_id)
            .order_by(ReporterMute.created_at.desc())
            .limit(MAX_LISTED)
        ).all()
        every = {k for keys in authors.values() for k in keys} | {m.reporter for m in mutes}
        standing = standings(session, who.tenant_id, every)
        held_back = session.scalar(
            select(func.count()).where(Report.tenant_id == who.tenant_id, Report.case_id.is_(None))
        )
        out = []
        for case_id, count, addresses, trusted, first in found:
            case = session.get(Case, case_id)
            reasons: dict[str, int] = {
                str(reason): int(n)
                for reason, n in session.execute(
                    select(Report.reason, func.count())
                    .where(Report.tenant_id == who.tenant_id, Report.case_id == case_id)
                    .group_by(Report.reason)
                )
            }
            out.append(
                {
                    "case": case_id,
                    "status": str(case.status) if case else "",
                    "count": count,
                    "addresses": addresses,
                    "trusted": int(trusted or 0),
                    "reasons": ", ".join(f"{r} ×{n}" for r, n in sorted(reasons.items())),
                    "first": first.isoformat(timespec="minutes") if first else "",
                    "reporters": [standing[k] for k in authors.get(case_id, [])[:MAX_REPORTERS]],
                }
            )
        muted = [
            {
                "standing": standing[m.reporter],
                "by": m.muted_by,
                "reason": m.reason,
                "at": m.created_at.isoformat(timespec="minutes"),
            }
            for m in mutes
        ]
        return {"rows": out, "muted": muted, "held_back": int(held_back or 0)}

    return _page(
        request,
        "reports.html.j2",
        who,
        flash=request.query_params.get("flash", "")[:200],
        **ctx.store.run(rows, readonly=True),
    )


@router.post("/reporters/mute")
@_guarded
def mute(
    request: Request,
    csrf: Csrf,
    reporter: Annotated[str, Form(max_length=MAX_KEY)],
    reason: Annotated[str, Form(max_length=MAX_REASON)] = "",
) -> Response:
    """Mute a reporter (``mute_reporter``): their reports stop reaching the queue."""
    who = _signed_in(request, csrf)
    ctx = context(request)
    ctx.store.run(
        lambda s: mute_reporter(
            s, who.tenant_id, reporter, moderator=who.moderator, reason=reason, now=ctx.clock()
        )
    )
    return _to("/console/reports", "Reporter muted: their reports no longer reach the queue.")


@router.post("/reporters/unmute")
@_guarded
def unmute(
    request: Request, csrf: Csrf, reporter: Annotated[str, Form(max_length=MAX_KEY)]
) -> Response:
    who = _signed_in(request, csrf)
    ctx = context(request)
    ctx.store.run(
        lambda s: unmute_reporter(
            s, who.tenant_id, reporter, moderator=who.moderator, now=ctx.clock()
        )
    )
    return _to("/console/reports", "Reporter unmuted.")


@router.get("/campaigns")
@_guarded
def campaigns(request: Request) -> Response:
    """Campaigns with their counters; the table refreshes itself every 5 s (htmx)."""
    who = _signed_in(request)
    ctx = context(request)
    views = ctx.store.run(
        lambda s: [v.to_dict() for v in list_campaigns(s, who.tenant_id, ctx.clock())],
        readonly=True,
    )
    return _page(request, "campaigns.html.j2", who, campaigns=views)


@router.get("/policy")
@_guarded
def policy(request: Request) -> Response:
    """The rules in force, and how often each fired (enforced or in shadow) in the last days."""
    who = _signed_in(request)
    ctx = context(request)
    scanner = ctx.current_scanner()
    since = ctx.clock() - timedelta(days=POLICY_DAYS)

    def counts(session: Session) -> dict[tuple[str, str], int]:
        found = session.execute(
            select(Violation.rule, Violation.mode, func.count())
            .where(Violation.tenant_id == who.tenant_id, Violation.created_at >= since)
            .group_by(Violation.rule, Violation.mode)
        ).all()
        return {(rule, mode): int(n) for rule, mode, n in found}

    fired = ctx.store.run(counts, readonly=True)
    rules = [
        {
            "id": rule.id,
            "description": rule.description,
            "mode": rule.mode,
            "enabled": rule.enabled,
            "category": rule.violation.category,
            "outcome": rule.outcome,
            "fired": fired.get((rule.id, rule.mode), 0),
        }
        for rule in scanner.policy.rules
    ]
    return _page(
        request,
        "policy.html.j2",
        who,
        policy=scanner.policy,
        rules=rules,
        days=POLICY_DAYS,
    )


@router.get("/intel")
@_guarded
def intel(request: Request, q: Annotated[str, Query(max_length=500)] = "") -> Response:
    """Imported feeds (counts, last import) and a lookup box: what would Bastion say of this?"""
    who = _signed_in(request)
    ctx = context(request)
    home = _home(ctx)
    feeds = list_feeds(home) if home is not None else []
    found: list[dict[str, Any]] = []
    verdict = ""
    if q:
        result = ctx.current_scanner().scan(ScanItem(id="lookup", text=q))
        verdict = result.verdict
        found = [
            {
                "kind": e.kind,
                "value": e.value,
                "domain": e.registrable_domain or "",
                "categories": ", ".join(e.categories),
                "sources": ", ".join(e.sources),
                "host": e.kind in HOST_KINDS,
            }
            for e in result.entities
        ]
    items = ctx.store.run(
        lambda s: s.scalar(
            select(func.count())
            .select_from(StoredItem)
            .where(StoredItem.tenant_id == who.tenant_id)
        ),
        readonly=True,
    )
    return _page(
        request,
        "intel.html.j2",
        who,
        feeds=feeds,
        home=home is not None,
        q=q,
        found=found,
        verdict=verdict,
        items=items,
    )


@router.get("/entities")
@_guarded
def entities(
    request: Request,
    q: Annotated[str, Query(max_length=200)] = "",
    kind: Annotated[str, Query(max_length=32)] = "",
) -> Response:
    """The protected-entity registry in force (the home's own, else the packaged default)."""
    who = _signed_in(request)
    ctx = context(request)
    home = _home(ctx)
    document = read_document(registry_path(home) if home is not None else default_path())
    needle = q.casefold()
    chosen = [
        e
        for e in document["entries"]
        if (not kind or e["kind"] == kind)
        and (not needle or any(needle in n.casefold() for n in (e["name"], *e["aliases"])))
    ]
    return _page(
        request,
        "entities.html.j2",
        who,
        entries=chosen[:MAX_LISTED],
        shown=min(len(chosen), MAX_LISTED),
        total=len(chosen),
        size=len(document["entries"]),
        version=document.get("version", ""),
        kinds=KINDS,
        q=q,
        kind=kind,
    )


@router.get("/credentials")
@_guarded
def credentials(request: Request, q: Annotated[str, Query(max_length=128)] = "") -> Response:
    """Credentials on file (``bastion credentials import``): who may give which advice."""
    who = _signed_in(request)
    ctx = context(request)
    home = _home(ctx)
    table = read_credentials(home) if home is not None else None
    records = list(table.records) if table is not None else []
    chosen = [r for r in records if not q or q in r.account_id][:MAX_LISTED]
    return _page(
        request,
        "credentials.html.j2",
        who,
        records=chosen,
        total=len(records),
        home=home is not None,
        q=q,
    )


@router.get("/transparency")
@_guarded
def transparency(request: Request) -> Response:
    """The transparency dashboard: the public page's figures (``public_stats``, the last 30
    whole days) drawn with the report's own server-side SVG charts."""
    who = _signed_in(request)
    ctx = context(request)
    stats = public_stats(request, who.tenant_id)
    slug = ctx.store.run(lambda s: s.get(Tenant, who.tenant_id), readonly=True)
    data = stats.as_dict()
    return _page(
        request,
        "transparency.html.j2",
        who,
        data=data,
        charts=report_charts(stats),
        groups=GROUP_LABELS,
        slug=slug.slug if slug is not None else "",
    )
