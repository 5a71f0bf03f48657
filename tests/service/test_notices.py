"""The webhook outbox against a real loopback receiver: signatures, retries, dead letters, SSRF."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from bastion.enforce import Ladder
from bastion.enforce.webhooks import MAX_ATTEMPTS, NOTICE_HEADER
from bastion.netguard import GuardedClients, refusal_reason
from bastion.service import enforce_batch
from bastion.service.errors import InvalidInput
from bastion.service.notices import (
    configure_webhook,
    dispatch_due,
    dispatch_due_store,
)
from bastion.store import Store, audit
from bastion.store.models import AuditEvent, Notice
from tests.service.conftest import T0, TenantInfo, scanned
from tests.support.loopback import LoopbackReceiver


def _subscribe(
    store: Store, tenant: TenantInfo, loopback_receiver: LoopbackReceiver, allow: bool = True
) -> None:
    with store.transaction() as session:
        secret = configure_webhook(
            session,
            tenant.id,
            url=loopback_receiver.url(),
            actor="admin",
            now=T0,
            allow_private=allow,
        )
    assert secret is not None and secret.startswith("whsec_")
    loopback_receiver.secret = secret.encode()


def _enforce(store: Store, tenant: TenantInfo, ladder: Ladder, *ids: str) -> None:
    with store.transaction() as session:
        enforce_batch(
            session, tenant_id=tenant.id, items=[scanned(i) for i in ids], ladder=ladder, now=T0
        )


def _notices(store: Store) -> list[Notice]:
    with store.transaction(readonly=True) as session:
        return list(session.scalars(select(Notice).order_by(Notice.id)))


def test_decisions_are_delivered_signed_once(
    store: Store, tenant: TenantInfo, ladder: Ladder, loopback_receiver: LoopbackReceiver
) -> None:
    _subscribe(store, tenant, loopback_receiver)
    _enforce(store, tenant, ladder, "g1", "g2")
    now = datetime.now(UTC)
    with GuardedClients() as clients, store.transaction() as session:
        report = dispatch_due(session, clients, now)
    assert (report.delivered, report.retrying, report.dead) == (2, 0, 0)
    assert all(r.valid for r in loopback_receiver.received)
    bodies = [r.json() for r in loopback_receiver.received]
    assert [b["event"] for b in bodies] == ["enforcement.decision"] * 2
    assert [b["data"]["item"] for b in bodies] == ["g1", "g2"]
    assert bodies[1]["data"]["strike"] == 2
    assert [r.header(NOTICE_HEADER) for r in loopback_receiver.received] == [
        b["id"] for b in bodies
    ]
    assert {n.status for n in _notices(store)} == {"delivered"}
    with GuardedClients() as clients, store.transaction() as session:
        assert dispatch_due(session, clients, now + timedelta(hours=1)).attempted == 0


def test_failures_retry_with_backoff_then_dead_letter(
    store: Store, tenant: TenantInfo, ladder: Ladder, loopback_receiver: LoopbackReceiver
) -> None:
    _subscribe(store, tenant, loopback_receiver)
    _enforce(store, tenant, ladder, "g1")
    loopback_receiver.statuses = [503] * MAX_ATTEMPTS
    now = datetime.now(UTC)
    with GuardedClients() as clients:
        for attempt in range(1, MAX_ATTEMPTS + 1):
            loopback_receiver.now = now
            report = dispatch_due_store(store, clients, now)
            assert report.attempted == 1, attempt
            notice = _notices(store)[0]
            assert notice.attempts == attempt and notice.last_error == "HTTP 503"
            if attempt < MAX_ATTEMPTS:
                assert notice.status == "pending" and notice.next_attempt_at > now
                assert dispatch_due_store(store, clients, now).attempted == 0
                now = notice.next_attempt_at
    assert _notices(store)[0].status == "dead"
    with store.transaction(readonly=True) as session:
        dead = session.scalars(select(AuditEvent).where(AuditEvent.action == "notice.dead")).all()
        assert len(dead) == 1 and audit.verify(session).ok


def test_permanent_refusal_is_dead_at_once(
    store: Store, tenant: TenantInfo, ladder: Ladder, loopback_receiver: LoopbackReceiver
) -> None:
    _subscribe(store, tenant, loopback_receiver)
    _enforce(store, tenant, ladder, "g1")
    loopback_receiver.statuses = [410]
    with GuardedClients() as clients, store.transaction() as session:
        report = dispatch_due(session, clients, datetime.now(UTC))
    assert report.dead == 1 and _notices(store)[0].attempts == 1


def test_loopback_is_refused_unless_the_operator_allows_it(
    store: Store, tenant: TenantInfo, ladder: Ladder, loopback_receiver: LoopbackReceiver
) -> None:
    _subscribe(store, tenant, loopback_receiver, allow=False)
    _enforce(store, tenant, ladder, "g1")
    with GuardedClients() as clients, store.transaction() as session:
        report = dispatch_due(session, clients, datetime.now(UTC))
    assert report.dead == 1 and loopback_receiver.received == []
    assert "non-public address 127.0.0.1" in (_notices(store)[0].last_error or "")


def test_no_notices_without_a_webhook(store: Store, tenant: TenantInfo, ladder: Ladder) -> None:
    _enforce(store, tenant, ladder, "g1")
    assert _notices(store) == []


def test_rebinding_dns_cannot_turn_a_notice_inward(
    store: Store, tenant: TenantInfo, ladder: Ladder, loopback_receiver: LoopbackReceiver
) -> None:
    """The name passes the check with one answer and would connect with the next one; the
    connection must go to the checked address. 127.0.0.2 stands in for a public host (nothing
    listens there), 127.0.0.1 is the internal receiver the attacker wants to reach."""
    _subscribe(store, tenant, loopback_receiver, allow=False)
    port = loopback_receiver.port
    with store.transaction() as session:
        configure_webhook(
            session, tenant.id, url=f"http://hooks.example:{port}/hooks", actor="a", now=T0
        )
    _enforce(store, tenant, ladder, "g1")
    answers = [["127.0.0.2"], ["127.0.0.1"], ["127.0.0.1"]]
    asked: list[str] = []

    def rebinding(host: str, port: int) -> list[str]:
        asked.append(host)
        return answers[min(len(asked), len(answers)) - 1]

    def stand_in(address: str) -> str | None:
        return None if address == "127.0.0.2" else refusal_reason(address)

    with GuardedClients(resolver=rebinding, policy=stand_in, timeout=2) as clients:
        report = dispatch_due_store(store, clients, datetime.now(UTC))
    assert report.retrying == 1 and loopback_receiver.received == [] and asked == ["hooks.example"]
    assert "ConnectError" in (_notices(store)[0].last_error or "")


def test_name_resolving_to_loopback_is_refused(
    store: Store, tenant: TenantInfo, ladder: Ladder, loopback_receiver: LoopbackReceiver
) -> None:
    _subscribe(store, tenant, loopback_receiver, allow=False)
    with store.transaction() as session:
        configure_webhook(
            session, tenant.id, url="http://metadata.example/hooks", actor="a", now=T0
        )
    _enforce(store, tenant, ladder, "g1")
    with GuardedClients(resolver=lambda h, p: ["93.184.215.14", "100.100.100.200"]) as clients:
        report = dispatch_due_store(store, clients, datetime.now(UTC))
    assert report.dead == 1 and loopback_receiver.received == []
    assert "non-public address 100.100.100.200" in (_notices(store)[0].last_error or "")


def test_webhook_configuration_is_validated(store: Store, tenant: TenantInfo) -> None:
    for url in (
        "ftp://x.example/",
        "https://user:pw@x.example/",
        "notaurl",
        "https://" + "a" * 2000,
    ):
        with store.transaction() as session, pytest.raises(InvalidInput):
            configure_webhook(session, tenant.id, url=url, actor="admin", now=T0)
    with store.transaction() as session:
        first = configure_webhook(session, tenant.id, url="https://a.example/h", actor="a", now=T0)
        same = configure_webhook(session, tenant.id, url="https://b.example/h", actor="a", now=T0)
        rotated = configure_webhook(
            session, tenant.id, url="https://b.example/h", actor="a", now=T0, rotate_secret=True
        )
    assert first and same is None and rotated and rotated != first
