"""Prometheus metrics of ``bastion serve`` at ``GET /metrics``.

Counted as things happen (per process): requests by method, route template and status; request
latency; verdicts by surface; group-commit sizes and fallbacks. Read from the store and the
home at scrape time, so every worker reports the same truth: queue depths (open and claimed
cases, open appeals, pending and dead webhook notices) and how old each imported feed is.

With several workers (``bastion serve --workers N``) the counters live in
``PROMETHEUS_MULTIPROC_DIR``, which ``bastion serve`` sets to a fresh folder of the home before
the workers start, and a scrape of any worker adds up all of them (prometheus-client's
multiprocess mode). Route labels are the route templates (``/v1/actions/{action_id}``), never
the raw path, so hostile paths cannot blow up the number of series; query strings are never
recorded (``/l?u=…`` holds the URL a user clicked).
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Final

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Histogram,
    generate_latest,
    multiprocess,
)
from prometheus_client.core import GaugeMetricFamily, Metric
from prometheus_client.registry import Collector
from sqlalchemy import func, select
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from bastion.api.logs import ACCESS_LOGGER
from bastion.intel.store import list_feeds
from bastion.store import Store
from bastion.store.enums import AppealStatus, CaseStatus, NoticeStatus
from bastion.store.models import Appeal, Case, Notice

MULTIPROC_ENV: Final = "PROMETHEUS_MULTIPROC_DIR"
_access: Final = logging.getLogger(ACCESS_LOGGER)
_LATENCY_BUCKETS: Final = (0.001, 0.0025, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5)
_GROUP_BUCKETS: Final = (1, 2, 4, 8, 16, 32, 64, 128)

REQUESTS: Final = Counter(
    "bastion_http_requests", "HTTP requests answered", ["method", "route", "status"]
)
LATENCY: Final = Histogram(
    "bastion_http_request_duration_seconds",
    "Time from request to the end of the response body",
    ["method", "route"],
    buckets=_LATENCY_BUCKETS,
)
VERDICTS: Final = Counter(
    "bastion_verdicts", "Scan verdicts of checked items", ["verdict", "surface"]
)
GROUP_ITEMS: Final = Histogram(
    "bastion_group_commit_items",
    "Items written per shared check transaction",
    buckets=_GROUP_BUCKETS,
)
GROUP_FALLBACKS: Final = Counter(
    "bastion_group_commit_fallbacks", "Groups rewritten item by item after a failed transaction"
)


def exposition(store: Store, home: Path | None) -> tuple[bytes, str]:
    """The text a scrape returns: this process's (or all workers') counters plus live gauges."""
    registry = CollectorRegistry()
    if os.environ.get(MULTIPROC_ENV):
        multiprocess.MultiProcessCollector(registry)  # type: ignore[no-untyped-call]
    else:
        for collector in (REQUESTS, LATENCY, VERDICTS, GROUP_ITEMS, GROUP_FALLBACKS):
            registry.register(collector)
    registry.register(LiveGauges(store, home))
    return generate_latest(registry), CONTENT_TYPE_LATEST


class LiveGauges(Collector):
    """Queue depths from the store and feed ages from the home, read when scraped."""

    def __init__(self, store: Store, home: Path | None, now: Callable[[], float] = time.time):
        self.store, self.home, self.now = store, home, now

    def collect(self) -> Iterator[Metric]:
        cases = GaugeMetricFamily("bastion_cases", "Cases waiting for people", labels=["status"])
        appeals = GaugeMetricFamily("bastion_appeals_open", "Appeals not decided yet")
        notices = GaugeMetricFamily(
            "bastion_webhook_notices", "Webhook notices not delivered", labels=["status"]
        )
        with self.store.transaction(readonly=True) as session:
            counted: dict[CaseStatus, int] = {
                status: count
                for status, count in session.execute(
                    select(Case.status, func.count())
                    .where(Case.status.in_([CaseStatus.OPEN, CaseStatus.CLAIMED]))
                    .group_by(Case.status)
                )
            }
            open_appeals = session.scalar(
                select(func.count()).where(Appeal.status == AppealStatus.OPEN)
            )
            waiting: dict[NoticeStatus, int] = {
                status: count
                for status, count in session.execute(
                    select(Notice.status, func.count())
                    .where(Notice.status.in_([NoticeStatus.PENDING, NoticeStatus.DEAD]))
                    .group_by(Notice.status)
                )
            }
        for status in (CaseStatus.OPEN, CaseStatus.CLAIMED):
            cases.add_metric([status.value], counted.get(status, 0))
        appeals.add_metric([], open_appeals or 0)
        for notice_status in (NoticeStatus.PENDING, NoticeStatus.DEAD):
            notices.add_metric([notice_status.value], waiting.get(notice_status, 0))
        yield from (cases, appeals, notices)
        if self.home is not None:
            yield self._feed_ages(self.home)

    def _feed_ages(self, home: Path) -> Metric:
        ages = GaugeMetricFamily(
            "bastion_feed_age_seconds",
            "Seconds since each feed was last imported",
            labels=["source", "category"],
        )
        now = self.now()
        for feed in list_feeds(home):
            try:
                stamp = datetime.fromisoformat(feed.imported_at)
            except ValueError:
                continue
            if stamp.tzinfo is None:
                stamp = stamp.replace(tzinfo=UTC)
            ages.add_metric([feed.source, feed.category], max(0.0, now - stamp.timestamp()))
        return ages


class RequestMetrics:
    """ASGI middleware that counts each request under its route template when it ends."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 500

        async def watching(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = int(message["status"])
            await send(message)

        try:
            await self.app(scope, receive, watching)
        finally:
            route = scope.get("route")
            template = str(getattr(route, "path", "")) or "other"
            count_request(scope, template, status, time.perf_counter() - started)


_series: dict[tuple[str, str, int], tuple[Counter, Histogram]] = {}
"""The request counter's and latency histogram's child per (method, route, status): a
``labels`` call rebuilds its key and takes the metric's lock, on every request."""
_MAX_SERIES: Final = 4096


def count_request(scope: Scope, template: str, status: int, took: float) -> None:
    """Count one answered request under its route ``template`` (and log it when the access
    log is on); also called by ``bastion.api.fastpath``, which answers outside this middleware."""
    method = str(scope.get("method", ""))
    key = (method, template, status)
    series = _series.get(key)
    if series is None:
        if len(_series) >= _MAX_SERIES:
            _series.clear()
        series = _series[key] = (
            REQUESTS.labels(method, template, str(status)),
            LATENCY.labels(method, template),
        )
    series[0].inc()
    series[1].observe(took)
    if _access.isEnabledFor(logging.INFO):
        fields = {
            "method": method,
            "route": template,
            "path": str(scope.get("path", ""))[:2000],
            "status": status,
            "duration_ms": round(took * 1000, 3),
        }
        _access.info("%s %s %d", method, template, status, extra={"fields": fields})


_verdicts: dict[tuple[str, str], Counter] = {}


def count_verdict(verdict: str, surface: str) -> None:
    """``VERDICTS.labels(verdict, surface).inc()`` through a cache of the children (verdicts and
    surfaces are closed sets)."""
    child = _verdicts.get((verdict, surface))
    if child is None:
        child = _verdicts[(verdict, surface)] = VERDICTS.labels(verdict, surface)
    child.inc()
