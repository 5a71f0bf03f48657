"""The webhook outbox: deliver queued notices to each tenant's endpoint, retry, dead-letter.

Notices are written in the same transaction as the decision they announce, so a committed action
is always announced and a rolled-back one never is. Delivery is at-least-once: receivers dedupe
on the ``Bastion-Notice-Id`` header. Each POST is signed (``enforce.webhooks.sign``) with the
tenant's secret; failures back off with ``next_attempt`` and, once exhausted or permanently
refused, the notice becomes ``dead`` and is audited.

Webhook URLs are attacker-adjacent input (a tenant admin types them), so by default a URL whose
host resolves to a private, loopback, link-local, CGNAT or otherwise non-global address is
refused (SSRF), by the same ``bastion.netguard`` policy feeds use. The check happens when the
connection is opened and the socket goes to the checked address, so a DNS answer that changes
in between (rebinding) cannot redirect a notice inward. The operator may allow private
addresses per tenant (``webhook_allow_private``), e.g. for an on-premise receiver; those
deliveries use a separate connection pool.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Final
from urllib.parse import urlsplit

from sqlalchemy import select
from sqlalchemy.orm import Session

from bastion.enforce.actions import require_aware
from bastion.enforce.webhooks import DeliveryOutcome, deliver, next_attempt
from bastion.netguard import GuardedClients
from bastion.service.actions import AuditBatch
from bastion.service.errors import InvalidInput, NotFound
from bastion.store import Store, audit
from bastion.store.audit import canonical_json
from bastion.store.enums import NoticeStatus
from bastion.store.models import Notice, Tenant

MAX_URL: Final = 2000
DEFAULT_LEASE: Final = timedelta(minutes=5)


def refusal(url: str) -> str | None:
    """Why ``url`` can never receive notices (its shape), or None. Where it resolves to is
    checked by the guarded transport at connection time."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return "webhook URL must be http(s) with a host"
    if parts.username or parts.password:
        return "webhook URL must not carry credentials"
    return None


def configure_webhook(
    session: Session,
    tenant_id: int,
    *,
    url: str | None,
    actor: str,
    now: datetime,
    allow_private: bool | None = None,
    rotate_secret: bool = False,
) -> str | None:
    """Set (or clear, with None) the tenant's webhook URL; returns a new secret when one was
    created (first URL, or ``rotate_secret``), which is shown once. ``allow_private`` is an
    operator decision: the API never passes it."""
    tenant = session.get(Tenant, tenant_id, with_for_update=True)
    if tenant is None:
        raise NotFound(f"tenant {tenant_id} does not exist")
    if url is not None:
        if len(url) > MAX_URL:
            raise InvalidInput(f"webhook URL is longer than {MAX_URL} characters")
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise InvalidInput("webhook URL must be an http(s) URL with a host")
        if parts.username or parts.password:
            raise InvalidInput("webhook URL must not carry credentials")
    if allow_private is not None:
        tenant.webhook_allow_private = allow_private
    secret = None
    if url is not None and (rotate_secret or not tenant.webhook_secret):
        secret = "whsec_" + secrets.token_urlsafe(32)
        tenant.webhook_secret = secret
    tenant.webhook_url = url
    session.flush()
    audit.append(
        session,
        actor=actor,
        action="tenant.webhook_configured",
        subject=f"tenant:{tenant_id}",
        payload={
            "url": url,
            "secret_rotated": secret is not None,
            "allow_private": tenant.webhook_allow_private,
        },
        tenant_id=tenant_id,
        created_at=now,
    )
    return secret


@dataclass(slots=True, frozen=True)
class NoticeJob:
    """A claimed notice, detached from the session so it can be delivered outside a transaction."""

    id: int
    tenant_id: int
    event: str
    body: bytes
    url: str | None
    secret: bytes | None
    allow_private: bool
    attempts: int

    @property
    def notice_id(self) -> str:
        return f"ntc_{self.id}"


@dataclass(slots=True)
class DispatchReport:
    delivered: int = 0
    retrying: int = 0
    dead: int = 0
    outcomes: list[tuple[int, DeliveryOutcome]] = field(default_factory=list)

    @property
    def attempted(self) -> int:
        return len(self.outcomes)


def notice_body(notice: Notice) -> bytes:
    """The JSON posted for a notice, as canonical bytes so a signature is reproducible."""
    created = notice.created_at.astimezone(UTC).isoformat().replace("+00:00", "Z")
    envelope = {
        "id": f"ntc_{notice.id}",
        "event": notice.event,
        "created_at": created,
        "data": notice.payload,
    }
    return canonical_json(envelope).encode("utf-8")


def claim_due(
    session: Session, now: datetime, *, limit: int = 100, lease: timedelta = DEFAULT_LEASE
) -> list[NoticeJob]:
    """Pending notices due at ``now``, oldest first, leased for ``lease`` so that concurrent
    dispatchers (other processes) skip them; PostgreSQL also uses SKIP LOCKED."""
    require_aware(now, "now")
    rows = session.execute(
        select(Notice, Tenant)
        .join(Tenant, Tenant.id == Notice.tenant_id)
        .where(Notice.status == NoticeStatus.PENDING, Notice.next_attempt_at <= now)
        .order_by(Notice.next_attempt_at, Notice.id)
        .limit(limit)
        .with_for_update(skip_locked=True, of=Notice)
    ).all()
    jobs = []
    for notice, tenant in rows:
        notice.next_attempt_at = now + lease
        jobs.append(
            NoticeJob(
                notice.id,
                notice.tenant_id,
                notice.event,
                notice_body(notice),
                tenant.webhook_url,
                tenant.webhook_secret.encode("utf-8") if tenant.webhook_secret else None,
                tenant.webhook_allow_private,
                notice.attempts,
            )
        )
    session.flush()
    return jobs


def deliver_job(clients: GuardedClients, job: NoticeJob, now: datetime) -> DeliveryOutcome:
    """One signed delivery attempt; never raises for network trouble or a refused URL."""
    if not job.url or not job.secret:
        return DeliveryOutcome("failed", None, "tenant has no webhook URL and secret", now)
    why = refusal(job.url)
    if why is not None:
        return DeliveryOutcome("failed", None, f"refused: {why}", now)
    client = clients.get(allow_private=job.allow_private)
    return deliver(client, job.url, job.body, job.secret, now, notice_id=job.notice_id)


def record_outcome(
    session: Session, job: NoticeJob, outcome: DeliveryOutcome, now: datetime, audit_log: AuditBatch
) -> str:
    """Store an attempt's outcome; returns the notice's new status."""
    notice = session.get(Notice, job.id, with_for_update=True)
    if notice is None or notice.status != NoticeStatus.PENDING:
        return "gone" if notice is None else str(notice.status)
    notice.attempts += 1
    notice.last_error = outcome.error[:1000] or None
    if outcome.delivered:
        notice.status, notice.delivered_at = NoticeStatus.DELIVERED, now
    else:
        retry_at = None
        if outcome.status == "retry":
            retry_at = next_attempt(notice.attempts, now, notice_id=job.notice_id)
        if retry_at is None:
            notice.status = NoticeStatus.DEAD
            audit_log.add(
                tenant_id=job.tenant_id,
                actor="system",
                action="notice.dead",
                subject=f"notice:{job.id}",
                payload={"event": job.event, "attempts": notice.attempts, "error": outcome.error},
            )
        else:
            notice.next_attempt_at = retry_at
    return str(notice.status)


def _tally(report: DispatchReport, job: NoticeJob, outcome: DeliveryOutcome, status: str) -> None:
    report.outcomes.append((job.id, outcome))
    if status == NoticeStatus.DELIVERED:
        report.delivered += 1
    elif status == NoticeStatus.DEAD:
        report.dead += 1
    elif status == NoticeStatus.PENDING:
        report.retrying += 1


def dispatch_due(
    session: Session, clients: GuardedClients, now: datetime, *, limit: int = 100
) -> DispatchReport:
    """Claim, deliver and record due notices inside the caller's one transaction.

    Simple, but the transaction stays open during delivery; a long-running server should use
    ``dispatch_due_store``, which delivers between two short transactions.
    """
    report = DispatchReport()
    audit_log = AuditBatch()
    for job in claim_due(session, now, limit=limit):
        outcome = deliver_job(clients, job, now)
        _tally(report, job, outcome, record_outcome(session, job, outcome, now, audit_log))
    session.flush()
    audit_log.flush(session, now)
    return report


def dispatch_due_store(
    store: Store,
    clients: GuardedClients,
    now: datetime,
    *,
    limit: int = 100,
    clock: Callable[[], datetime] | None = None,
) -> DispatchReport:
    """Like ``dispatch_due`` but with no transaction open while waiting on receivers.

    Claimed notices are leased; if this process dies mid-way the lease runs out and another
    dispatcher delivers them again (at-least-once).
    """
    jobs = store.run(lambda s: claim_due(s, now, limit=limit))
    results = []
    for job in jobs:
        when = clock() if clock is not None else now
        results.append((job, deliver_job(clients, job, when)))

    def record(session: Session) -> DispatchReport:
        report = DispatchReport()
        audit_log = AuditBatch()
        finished = clock() if clock is not None else now
        for job, outcome in results:
            _tally(report, job, outcome, record_outcome(session, job, outcome, finished, audit_log))
        session.flush()
        audit_log.flush(session, finished)
        return report

    return store.run(record)
