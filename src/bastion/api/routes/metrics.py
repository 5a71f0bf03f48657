"""``GET /metrics``: Prometheus text for the operator's scraper (``bastion.api.metrics``).

The numbers span every tenant, so no tenant key opens them. With ``ApiSettings.metrics_token``
set, a scrape must send ``Authorization: Bearer <token>``; without one, only a scraper on the
same machine (a loopback client address) is answered.
"""

from __future__ import annotations

import hmac
import ipaddress

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response

from bastion.api.deps import context
from bastion.api.metrics import exposition
from bastion.api.problems import problem

router = APIRouter(tags=["operations"])


@router.get("/metrics", summary="Prometheus metrics (operator scrape token or loopback only)")
async def metrics(request: Request) -> Response:
    ctx = context(request)
    token = ctx.settings.metrics_token
    if token:
        sent = request.headers.get("authorization", "")
        if not hmac.compare_digest(sent.encode(), f"Bearer {token}".encode()):
            return problem(401, "send the metrics token as a bearer token", instance="/metrics")
    elif not _loopback(request.client.host if request.client else ""):
        return problem(
            403, "metrics are served to loopback only unless a token is set", instance="/metrics"
        )
    home = ctx.intel.home if ctx.intel is not None else None
    body, media = await run_in_threadpool(exposition, ctx.store, home)
    return Response(body, media_type=media, headers={"Cache-Control": "no-store"})


def _loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
