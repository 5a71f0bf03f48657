"""Background upkeep: one pass lifts due suspensions and delivers the outbox."""

from __future__ import annotations

import threading
from datetime import timedelta

from sqlalchemy import select

from bastion.api.workers import Upkeep
from bastion.enforce import Ladder
from bastion.netguard import GuardedClients
from bastion.service import enforce_batch
from bastion.service.notices import configure_webhook
from bastion.store import Store
from bastion.store.models import Account, Notice
from tests.api.conftest import ManualClock
from tests.service.conftest import T0, make_tenant, scanned
from tests.support.concurrency import HANG_GUARD_SECONDS
from tests.support.loopback import LoopbackReceiver


def test_one_pass_lifts_and_dispatches(store: Store, loopback_receiver: LoopbackReceiver) -> None:
    ladder = Ladder.from_text(
        "version: 1\ndecay: 90d\ncount: category\nladders:\n  default:\n"
        "    low: [warn]\n    medium: [warn]\n    high: [[temp_suspend: 1d]]\n    critical: [ban]\n"
    )
    tenant = make_tenant(store, "acme")
    with store.transaction() as session:
        secret = configure_webhook(
            session, tenant.id, url=loopback_receiver.url(), actor="t", now=T0, allow_private=True
        )
        enforce_batch(session, tenant_id=tenant.id, items=[scanned("g1")], ladder=ladder, now=T0)
    loopback_receiver.secret = (secret or "").encode()
    clock = ManualClock(T0 + timedelta(days=2))
    loopback_receiver.now = clock.now
    upkeep = Upkeep(store, clock, interval=60)
    with GuardedClients() as clients:
        upkeep.run_once(clients)
    with store.transaction(readonly=True) as session:
        assert session.scalars(select(Account.status)).one() == "active"
        notices = session.scalars(select(Notice).order_by(Notice.id)).all()
        # the decision, then the lift when the day ran out (a platform lifts what it applied)
        assert [(n.event, n.status) for n in notices] == [
            ("enforcement.decision", "delivered"),
            ("account.restored", "delivered"),
        ]
        assert notices[1].payload["after"]["status"] == "active"
    assert upkeep.passes == 1


def test_upkeep_thread_starts_and_stops(store: Store) -> None:
    """The first pass is awaited on an event, not a sleep (the guard only catches a hang)."""
    upkeep = Upkeep(store, ManualClock(), interval=0.05)
    passed = threading.Event()
    run_once = upkeep.run_once

    def observed(client: GuardedClients) -> None:
        run_once(client)
        passed.set()

    upkeep.run_once = observed  # type: ignore[method-assign, assignment]
    upkeep.start()
    try:
        assert passed.wait(timeout=HANG_GUARD_SECONDS), "upkeep thread never ran a pass"
    finally:
        upkeep.stop()
    assert upkeep.passes >= 1
