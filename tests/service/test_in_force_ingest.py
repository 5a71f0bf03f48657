"""Ingest on SQLite and PostgreSQL with restrictions in force: a later finding on a banned
account removes the content and strikes, but bans no one again and says so; after the ban is
reversed on appeal a later finding bans again; a suspension is escalated, never repeated; the
counters count only what was done; one batch and one item per transaction leave the same."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, select

from bastion import model
from bastion.enforce import Ladder
from bastion.model import ScanResult
from bastion.service import enforce_batch
from bastion.service.appeals import decide_appeal, file_appeal
from bastion.service.campaigns import create_campaign, get_campaign
from bastion.service.ingest import EnforcementOutcome
from bastion.store import Store, audit
from bastion.store.models import Account, Action, AuditEvent, Strike
from tests.service.conftest import T0, TenantInfo, scanned

HOUR = timedelta(hours=1)


def run(
    store: Store,
    tenant: TenantInfo,
    pairs: list[tuple[model.Item, ScanResult]],
    ladder: Ladder,
    now: datetime = T0,
) -> list[EnforcementOutcome]:
    with store.transaction() as session:
        return enforce_batch(session, tenant_id=tenant.id, items=pairs, ladder=ladder, now=now)


def phishing(item_id: str, account: str = "u-1") -> tuple[model.Item, ScanResult]:
    """phishing/critical: [remove_content, ban] at every strike."""
    return scanned(
        item_id,
        account=account,
        category="phishing",
        severity="critical",
        outcome="remove",
        domain="login-bank.example",
    )


def kinds(outcome: EnforcementOutcome) -> list[str]:
    return [a.kind for a in outcome.actions]


def bans(store: Store, tenant: TenantInfo) -> int:
    with store.transaction(readonly=True) as session:
        query = select(func.count()).select_from(Action)
        return int(session.scalar(query.where(Action.tenant_id == tenant.id, Action.kind == "ban")))


def test_banned_account_later_finding_acts_on_content_and_says_already_banned(
    store: Store, tenant: TenantInfo, ladder: Ladder
) -> None:
    first = run(store, tenant, [phishing("p-1")], ladder)[0]
    assert kinds(first) == ["remove_content", "ban"]
    later = run(store, tenant, [phishing("p-2")], ladder, now=T0 + HOUR)[0]
    assert kinds(later) == ["remove_content"]
    decision = later.decisions[0]
    assert decision.strike_number == 2 and not decision.repeat
    assert [(h.kind, h.reason) for h in decision.held] == [("ban", "account already banned")]
    assert decision.to_dict()["held"] == [{"kind": "ban", "reason": "account already banned"}]
    assert bans(store, tenant) == 1
    with store.transaction(readonly=True) as session:
        row = session.get(Action, later.actions[0].id)
        assert row is not None
        statement = row.statement_of_reasons
        assert statement is not None
        assert statement["held"] == [
            {"kind": "ban", "reason": "account already banned", "duration": None}
        ]
        assert [a["kind"] for a in statement["actions"]] == ["remove_content"]
        assert session.scalar(select(func.count()).select_from(Strike)) == 2
        payloads = [
            e.payload
            for e in session.scalars(select(AuditEvent).order_by(AuditEvent.seq))
            if e.action == "enforcement.decision"
        ]
        assert [p["held"] for p in payloads] == [
            [],
            [{"kind": "ban", "reason": "account already banned"}],
        ]
        assert audit.verify(session).ok


def test_ban_within_the_same_batch_covers_the_next_items(
    store: Store, tenant: TenantInfo, ladder: Ladder
) -> None:
    outcomes = run(store, tenant, [phishing("p-1"), phishing("p-2"), phishing("p-3")], ladder)
    assert [kinds(o) for o in outcomes] == [["remove_content", "ban"]] + [["remove_content"]] * 2
    assert [o.decisions[0].strike_number for o in outcomes] == [1, 2, 3]
    assert [len(o.decisions[0].held) for o in outcomes] == [0, 1, 1]
    assert bans(store, tenant) == 1


def test_after_the_ban_is_reversed_on_appeal_a_later_finding_bans_again(
    store: Store, tenant: TenantInfo, ladder: Ladder
) -> None:
    first = run(store, tenant, [phishing("p-1")], ladder)[0]
    held = run(store, tenant, [phishing("p-2")], ladder, now=T0 + HOUR)[0]
    assert kinds(held) == ["remove_content"]
    with store.transaction() as session:
        appeal = file_appeal(
            session, tenant.id, first.actions[0].id, appellant="u-1", text="", now=T0 + HOUR
        )
        out = decide_appeal(
            session, tenant.id, appeal.id, moderator="ann", grant=True, now=T0 + 2 * HOUR
        )
        assert out.reversal is not None
        account = session.scalars(select(Account).where(Account.external_id == "u-1")).one()
        assert str(account.status) == "active"
    again = run(store, tenant, [phishing("p-3")], ladder, now=T0 + 3 * HOUR)[0]
    assert kinds(again) == ["remove_content", "ban"]
    assert again.decisions[0].held == []
    assert bans(store, tenant) == 2
    with store.transaction(readonly=True) as session:
        account = session.scalars(select(Account).where(Account.external_id == "u-1")).one()
        assert str(account.status) == "banned"


def test_suspension_in_force_escalates_but_never_repeats(
    store: Store, tenant: TenantInfo, ladder: Ladder
) -> None:
    """default/medium: warn; warn + monetization 14d; suspend 3d; suspend 7d (repeating)."""
    steps = []
    for n, hours in enumerate((0, 1, 2, 3, 4), start=1):
        item = scanned(f"m-{n}", severity="medium", domain="bet-example.com")
        outcome = run(store, tenant, [item], ladder, now=T0 + hours * HOUR)[0]
        held = [h.kind for h in outcome.decisions[0].held]
        steps.append((outcome.decisions[0].strike_number, kinds(outcome), held))
    assert steps == [
        (1, ["disable_link", "warn"], []),
        (2, ["disable_link", "warn", "suspend_monetization"], []),
        (3, ["disable_link", "temp_suspend"], []),
        (4, ["disable_link", "temp_suspend"], []),  # 7d after 3d: stronger, taken
        (5, ["disable_link"], ["temp_suspend"]),  # 7d while 7d runs: held
    ]
    # Once it has expired, the next finding suspends again.
    after = run(store, tenant, [scanned("m-6", severity="medium")], ladder, now=T0 + 9 * 24 * HOUR)
    assert kinds(after[0]) == ["disable_link", "temp_suspend"]


def test_revoked_monetization_is_not_revoked_again(
    store: Store, tenant: TenantInfo, ladder: Ladder
) -> None:
    """clout_chasing/high: [remove, warn, pause 30d]; [remove, revoke]; [remove, revoke,
    suspend 14d]; [ban]."""
    got = []
    for n in range(1, 4):
        item = scanned(f"c-{n}", category="clout_chasing", outcome="remove")
        outcome = run(store, tenant, [item], ladder, now=T0 + n * HOUR)[0]
        got.append((kinds(outcome), [(h.kind, h.reason) for h in outcome.decisions[0].held]))
    assert got == [
        (["remove_content", "warn", "suspend_monetization"], []),
        (["remove_content", "revoke_monetization"], []),
        (
            ["remove_content", "temp_suspend"],
            [("revoke_monetization", "monetization already revoked")],
        ),
    ]


def test_campaign_counters_count_only_actions_taken(
    store: Store, tenant: TenantInfo, ladder: Ladder
) -> None:
    with store.transaction() as session:
        cid = create_campaign(
            session, tenant.id, name="all", scope={}, starts_at=T0, ends_at=T0 + 9 * HOUR, now=T0
        ).id
    run(store, tenant, [phishing("p-1"), phishing("p-2")], ladder)
    run(store, tenant, [phishing("p-3"), phishing("q-1", account="u-2")], ladder, now=T0 + HOUR)
    with store.transaction(readonly=True) as session:
        counters: dict[str, Any] = get_campaign(session, tenant.id, cid, T0).to_dict()["counters"]
        total = session.scalar(select(func.count()).select_from(Action))
    # p-1: remove + ban; p-2, p-3: remove only (u-1 banned); q-1: remove + ban.
    assert counters["actions_taken"] == total == 6
    assert counters["accounts_actioned"] == 2
    assert bans(store, tenant) == 2


def test_one_batch_and_one_item_per_transaction_decide_alike(
    store: Store, tenant: TenantInfo, other_tenant: TenantInfo, ladder: Ladder
) -> None:
    pairs = [
        phishing("p-1"),
        scanned("g-1", account="u-2"),
        phishing("p-2"),
        scanned("g-2", account="u-2"),
        scanned("g-3", account="u-2"),
        scanned("g-4", account="u-2"),
        scanned("g-5", account="u-2"),
        phishing("p-3"),
    ]
    together = run(store, tenant, pairs, ladder)
    apart = [run(store, other_tenant, [pair], ladder)[0] for pair in pairs]

    def seen(outcomes: list[EnforcementOutcome]) -> list[Any]:
        return [
            (
                kinds(o),
                [d.to_dict() | {"action_ids": None, "statement_id": None} for d in o.decisions],
            )
            for o in outcomes
        ]

    assert seen(together) == seen(apart)
    assert any(d.held for o in together for d in o.decisions)
    with store.transaction(readonly=True) as session:

        def statements(tid: int) -> list[str]:
            rows = session.scalars(
                select(Action).where(Action.tenant_id == tid).order_by(Action.id)
            )
            out = []
            for row in rows:
                text = dict(row.statement_of_reasons or {})
                for name in ("statement_id", "redress"):
                    text.pop(name)
                out.append(json.dumps(text, sort_keys=True))
            return out

        assert statements(tenant.id) == statements(other_tenant.id)
