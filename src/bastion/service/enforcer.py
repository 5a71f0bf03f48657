"""The decision half of ingest: ladder per violated category, then strikes, actions, state, cases,
notices and audit, written set-wise at the end of the batch.

Decisions within a batch see each other: an account's second offending item in the same batch
escalates exactly as if it had arrived in a later transaction. Accounts are locked (``FOR
UPDATE``) before their strikes are read, so two concurrent batches cannot both hand out strike 1.
An account action already covered by a restriction in force (a ban, an equal or longer
suspension: ``bastion.enforce.in_force``) is held, not repeated, and the decision says so.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any, Final

from sqlalchemy import Table, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.util import identity_key

from bastion.enforce.in_force import Restriction, restriction_of
from bastion.enforce.ladder import Ladder, StrikeRecord
from bastion.enforce.reasons import ReasonsConfig
from bastion.enforce.statements import StatementBook
from bastion.model import OUTCOMES, SEVERITIES, ScanResult, Violation
from bastion.model import Item as ItemRecord
from bastion.service.actions import (
    CONTENT_FLAGS,
    AccountState,
    AuditBatch,
    account_snapshot,
    apply_to_account,
)
from bastion.service.ingest_store import StoredItem, TenantContext, chunks
from bastion.service.outcomes import ActionTaken, DecisionOutcome, iso
from bastion.service.restrictions import load_in_force
from bastion.store import enforcement_sql as sql
from bastion.store.bulk import Stamps, read_time
from bastion.store.enums import Actor
from bastion.store.models import Account, Action, Case, Item, Strike

SEVERITY_RANK: Final = {s: i for i, s in enumerate(SEVERITIES)}
OUTCOME_RANK: Final = {o: i for i, o in enumerate(OUTCOMES)}
CASE_PRIORITY: Final = {"low": 10, "medium": 20, "high": 30, "critical": 50}
"""Review cases opened by automation, on the same scale as report-driven cases."""
STATEMENT_SOURCE: Final = {"automation": "voluntary", "reviewer": "voluntary", "report": "notice"}
AUTOMATION: Final = {"automation": "full", "reviewer": "none", "report": "partial"}
_SLUG = re.compile(r"[^A-Za-z0-9_-]")
_CASES: Table = Case.__table__  # type: ignore[assignment]
ITEM_FLAG_COLUMNS: Final = ("content_removed", "link_disabled", "labeled")
"""The order of ``sql.SQLITE_ITEM_FLAGS``' and ``sql.PG_ITEM_FLAGS``' flag columns."""


@dataclass(slots=True)
class _Pending:
    outcome: DecisionOutcome
    entry: StoredItem
    item: ItemRecord
    planned: list[tuple[str, str, datetime | None]]
    before: dict[str, Any] | None
    after: dict[str, Any] | None


class Enforcer:
    """Collects one batch's decisions; ``finish`` writes them. Not reusable across batches."""

    def __init__(
        self,
        session: Session,
        tenant: TenantContext,
        ladder: Ladder,
        now: datetime,
        actor: Actor,
        reasons: ReasonsConfig,
    ) -> None:
        self.session = session
        self.tenant = tenant
        self.ladder = ladder
        self.now = now
        self.actor = actor
        self.reasons = reasons
        self.statements = StatementBook(
            reasons,
            now,
            source=STATEMENT_SOURCE[actor],
            automated_decision=AUTOMATION[actor],
        )
        self.accounts: dict[int, AccountState] = {}
        self.stamps = Stamps(session.get_bind().dialect.name == "sqlite")
        self.prior: dict[int, list[tuple[int, StrikeRecord]]] = defaultdict(list)
        self.in_force: dict[int, list[Restriction]] = defaultdict(list)
        self.struck: set[tuple[int, int, str]] = set()
        self.keys: set[str] = set()
        self.strike_rows: list[tuple[Any, ...]] = []
        self.action_rows: list[tuple[Any, ...]] = []
        self.pending: list[_Pending] = []
        self.flags: dict[int, set[str]] = defaultdict(set)
        self.review: dict[int, tuple[int, str, int | None, str]] = {}
        self.cases: dict[int, int] = {}
        self.audit = AuditBatch()

    def prepare(self, entries: list[tuple[StoredItem, ItemRecord]]) -> None:
        """Lock the accounts involved and load their live strikes and prior enforcement."""
        tid = self.tenant.id
        account_ids = sorted({e.account_id for e, _ in entries if e.account_id is not None})
        since = self.now - max(self.ladder.decay_for(c) for c in self.ladder.categories)
        self.session.flush()  # the raw reads below do not autoflush as ORM queries do
        conn = self.session.connection()
        sqlite = conn.dialect.name == "sqlite"
        cutoff = self.stamps(since)
        for part in chunks(account_ids):
            # One statement: the accounts, locked, each with its live strikes (if any).
            if sqlite:
                query = sql.ACCOUNT_STRIKES.format(
                    ids=f"IN ({', '.join('?' * len(part))})", lock=""
                )
                params: tuple[Any, ...] = (tid, cutoff, tid, *part)
            else:
                query, params = sql.PG_ACCOUNT_STRIKES, (tid, cutoff, tid, list(part))
            for row in conn.exec_driver_sql(query, params):
                account = self.accounts.get(row[0])
                if account is None:
                    account = self.accounts[row[0]] = AccountState(*row[:7])
                if row[7] is not None:
                    created = read_time(row[10])
                    if created is None:
                        raise ValueError(f"strike of account {row[0]} has no created_at")
                    record = StrikeRecord(row[8], str(row[9]), created)
                    self.prior[account.id].append((row[7], record))
        self._load_in_force()
        rescanned = sorted(e.id for e, _ in entries if not e.created)
        for part in chunks(rescanned):
            for held in self.session.execute(
                select(Strike.account_id, Strike.item_id, Strike.category).where(
                    Strike.tenant_id == tid, Strike.item_id.in_(part)
                )
            ):
                self.struck.add((held.account_id, held.item_id, held.category))
            self.keys.update(
                self.session.scalars(
                    select(Action.dedupe_key).where(
                        Action.tenant_id == tid, Action.item_id.in_(part)
                    )
                )
            )

    def decide(
        self,
        entry: StoredItem,
        item: ItemRecord,
        result: ScanResult,
        violation_ids: list[int],
        content_date: datetime | None,
    ) -> list[DecisionOutcome]:
        """Decide every violated category of one item, strongest violation per category."""
        enforced = [(i, v) for i, v in enumerate(result.violations) if v.mode == "enforce"]
        content_outcome = max((v.outcome for _, v in enforced), key=OUTCOME_RANK.__getitem__)
        groups: dict[str, list[tuple[int, Violation]]] = defaultdict(list)
        for index, violation in enforced:
            groups[violation.category].append((index, violation))
        account = self.accounts.get(entry.account_id) if entry.account_id is not None else None
        out = []
        for category, members in groups.items():
            index, rep = max(
                members,
                key=lambda m: (
                    SEVERITY_RANK[m[1].severity],
                    OUTCOME_RANK[m[1].outcome],
                    m[1].confidence,
                ),
            )
            rules = tuple(sorted({v.rule for _, v in members}))
            prior = [
                s for item_id, s in self.prior.get(entry.account_id or 0, ()) if item_id != entry.id
            ]
            in_force = self.in_force.get(account.id, ()) if account is not None else ()
            decision = self.ladder.decide(rep, content_outcome, prior, self.now, in_force=in_force)
            outcome = DecisionOutcome(category, rep.severity, rep.rule, rules, decision.status)
            out.append(outcome)
            if decision.status == "review":
                self._queue_review(entry, item, rep)
            elif rep.outcome == "label":
                # A label is no verdict: a rule of the same category that asks for a person
                # (a rumour is labelled *and* reviewed) still gets one.
                asked = [v for _, v in members if v.outcome == "review"]
                if asked:
                    self._queue_review(entry, item, asked[0])
            if decision.status != "act":
                continue
            if (
                decision.adds_strike
                and account is not None
                and (account.id, entry.id, category) in self.struck
            ):
                outcome.repeat = True
                continue
            planned = []
            for action in decision.actions:
                if action.target == "account" and account is None:
                    continue
                key = (
                    f"enf:{entry.id}:{category}:{action.kind}"
                    if action.target == "account"
                    else f"enf:{entry.id}:{action.kind}"
                )
                if key not in self.keys:
                    self.keys.add(key)
                    planned.append((action, key))
            outcome.held = list(decision.held)
            if not planned:
                outcome.repeat = True
                continue
            effective = (
                decision
                if len(planned) == len(decision.actions)  # all of them, in order: nothing held
                else replace(decision, actions=tuple(a for a, _ in planned))
            )
            statement_id = f"sor-{self.tenant.id}-{entry.id}-{_SLUG.sub('_', category)[:64]}"
            statement_text = self.statements.statement_text(
                result,
                rep,
                effective,
                statement_id=statement_id,
                account_id=item.account_id,
                now=self.now,
                content_date=content_date,
                has_images=bool(item.images),
                surface=item.surface,
            )
            # The text is stored once per decision, not serialised per action row by the type.
            outcome.statement_id = statement_id
            if account is not None and decision.adds_strike:
                outcome.strike_number = decision.strike_number
                self.struck.add((account.id, entry.id, category))
                self.prior[account.id].append(
                    (entry.id, StrikeRecord(category, rep.severity, self.now))
                )
                self.strike_rows.append(
                    (
                        self.tenant.id,
                        account.id,
                        entry.id,
                        violation_ids[index],
                        category,
                        rep.severity,
                        self.stamps(self.now + self.ladder.decay_for(category)),
                        self.stamps(self.now),
                    )
                )
            touches_account = account is not None and any(a.target == "account" for a, _ in planned)
            before = account_snapshot(account) if touches_account and account else None
            for action, key in planned:
                self.action_rows.append(
                    (
                        self.tenant.id,
                        entry.id,
                        account.id if account is not None else None,
                        violation_ids[index],
                        key,
                        action.kind,
                        self.actor.value,
                        action.reason,
                        statement_text,
                        self.stamps(action.expires_at),
                        self.stamps(self.now),
                    )
                )
                if action.target == "account" and account is not None:
                    apply_to_account(account, action.kind, action.expires_at)
                    restriction = restriction_of(action)
                    if restriction is not None:
                        self.in_force[account.id].append(restriction)
                else:
                    self.flags[entry.id].add(CONTENT_FLAGS[action.kind])
            after = account_snapshot(account) if touches_account and account else None
            self.pending.append(
                _Pending(
                    outcome,
                    entry,
                    item,
                    [(key, a.kind, a.expires_at) for a, key in planned],
                    before,
                    after,
                )
            )
        return out

    def _load_in_force(self) -> None:
        """The restrictions in force on the batch's restricted accounts (an unrestricted
        account has none, so it costs no read)."""
        self.in_force.update(
            load_in_force(self.session, self.tenant.id, self.accounts.values(), self.now)
        )

    def _queue_review(self, entry: StoredItem, item: ItemRecord, violation: Violation) -> None:
        priority = CASE_PRIORITY.get(violation.severity, 0)
        reason = f"automation:{violation.category}/{violation.severity} ({violation.rule})"[:200]
        current = self.review.get(entry.id)
        if current is None or priority > current[0]:
            self.review[entry.id] = (priority, reason, entry.account_id, item.id)

    def finish(self) -> None:
        """Write strikes, actions, state, cases, notices and audit events for the batch."""
        session, tid = self.session, self.tenant.id
        conn = session.connection()
        sql.STRIKE_INSERT.run(conn, self.strike_rows)
        ids = {r[0]: r[1] for r in sql.ACTION_INSERT.run(conn, self.action_rows)}
        self._write_accounts()
        session.flush()
        self._write_item_flags()
        self._open_cases()
        notices = []
        for p in self.pending:
            p.outcome.actions = [
                ActionTaken(ids[key], kind, expires)
                for key, kind, expires in p.planned
                if key in ids
            ]
            payload = self._decision_payload(p)
            self.audit.add(
                tenant_id=tid,
                actor=self.actor.value,
                action="enforcement.decision",
                subject=f"item:{p.entry.id}",
                payload=payload,
                plain=True,
            )
            notices.append(self._notice("enforcement.decision", payload))
        _insert_notices(session, notices)
        self.audit.flush(session, self.now)

    def _write_accounts(self) -> None:
        """The restriction fields of every account the batch changed, in one raw statement.

        ``touched``: an action assigned a field (as the ORM would mark the object dirty), so
        ``updated_at`` moves even when the value stayed. An ORM copy of a written account that
        the session already held is dropped, so a later read loads it afresh.
        """
        changed = [a for a in self.accounts.values() if a.touched]
        if not changed:
            return
        now = self.stamps(self.now)
        stamps = self.stamps
        rows = [
            (
                str(a.status),
                stamps(a.suspended_until),
                str(a.monetization),
                bool(a.followers_frozen),
                int(a.follower_count),
                now,
                a.id,
            )
            for a in changed
        ]
        sql.ACCOUNT_UPDATE.run(self.session.connection(), rows)
        held = self.session.identity_map
        if held:
            for account in changed:
                found = held.get(identity_key(Account, account.id))
                if found is not None:
                    self.session.expunge(found)

    def _write_item_flags(self) -> None:
        """Turn on the content flags of the items acted on, in one raw statement: one row (and
        one new row version) per item whatever flags it gets, not one UPDATE per flag. An ORM
        copy of such an item that the session held is dropped, so a later read loads it afresh."""
        if not self.flags:
            return
        tid = self.tenant.id
        rows = [
            (*(column in flags for column in ITEM_FLAG_COLUMNS), tid, item_id)
            for item_id, flags in sorted(self.flags.items())
        ]
        conn = self.session.connection()
        if conn.dialect.name == "sqlite":
            conn.exec_driver_sql(sql.SQLITE_ITEM_FLAGS, rows)
        else:
            columns = [list(column) for column in zip(*rows, strict=True)]
            params = (columns[0], columns[1], columns[2], columns[4], tid)
            conn.exec_driver_sql(sql.PG_ITEM_FLAGS, params)
        held = self.session.identity_map
        if held:
            for item_id in self.flags:
                found = held.get(identity_key(Item, item_id))
                if found is not None:
                    self.session.expunge(found)

    def _decision_payload(self, p: _Pending) -> dict[str, Any]:
        payload: dict[str, Any] = {
            "item": p.item.id,
            "account": p.item.account_id or None,
            "category": p.outcome.category,
            "severity": p.outcome.severity,
            "rule": p.outcome.rule,
            "strike": p.outcome.strike_number,
            "statement_id": p.outcome.statement_id,
            "held": [{"kind": h.kind, "reason": h.reason} for h in p.outcome.held],
            "actions": [
                {"id": a.id, "kind": a.kind, "expires_at": iso(a.expires_at)}
                for a in p.outcome.actions
            ],
            "decided_at": iso(self.now),
        }
        if p.before is not None:
            payload["account_before"], payload["account_after"] = p.before, p.after
        return payload

    def _notice(self, event: str, payload: dict[str, Any]) -> tuple[Any, ...] | None:
        """A pending webhook notice row (``sql.NOTICE_INSERT``), or None without a webhook."""
        if not self.tenant.webhook_url:
            return None
        now = self.stamps(self.now)
        return (self.tenant.id, event, json.dumps(payload), 0, now, "pending", now)

    def _open_cases(self) -> None:
        """One open case per item: merge into an open or claimed one, else open a new one.

        Raw driver SQL (``sql.ITEM_LOCK``, ``sql.OPEN_CASES``, ``sql.CASE_INSERT``): a check
        group with one item for review ran three ORM statements here, more CPU than the rest of
        its transaction. The items are locked first, so two batches cannot both open a case."""
        if not self.review:
            return
        session, tid = self.session, self.tenant.id
        conn = session.connection()
        sqlite = conn.dialect.name == "sqlite"
        wanted = sorted(self.review)
        open_cases: dict[int, tuple[int, int]] = {}
        for part in chunks(wanted):
            if sqlite:
                marks = ", ".join("?" * len(part))
                conn.exec_driver_sql(sql.SQLITE_ITEM_LOCK.format(marks), (tid, *part)).all()
                found = conn.exec_driver_sql(sql.SQLITE_OPEN_CASES.format(marks), (tid, *part))
            else:
                conn.exec_driver_sql(sql.PG_ITEM_LOCK, (tid, list(part))).all()
                found = conn.exec_driver_sql(sql.PG_OPEN_CASES, (tid, list(part)))
            for case_id, item_id, priority in found.all():
                open_cases.setdefault(item_id, (case_id, priority))
        fresh: list[tuple[Any, ...]] = []
        raised: list[tuple[Any, ...]] = []
        now = self.stamps(self.now)
        for item_id in wanted:
            priority, reason, account_id, _ = self.review[item_id]
            held = open_cases.get(item_id)
            if held is not None:
                if priority > held[1]:
                    raised.append((priority, now, held[0]))
                self.cases[item_id] = held[0]
                continue
            fresh.append((tid, item_id, account_id, "open", priority, reason, now, now))
        if raised:
            sql.CASE_PRIORITY.run(conn, raised)
            identities = session.identity_map
            for _, _, case_id in raised:
                copy = identities.get(identity_key(Case, case_id))
                if copy is not None:
                    session.expunge(copy)
        self.cases.update({r[0]: r[1] for r in sql.CASE_INSERT.run(conn, fresh)})
        notices: list[tuple[Any, ...] | None] = []
        for item_id in [row[1] for row in fresh]:
            _, reason, _, external = self.review[item_id]
            case_id = self.cases[item_id]
            payload = {"source": self.actor.value, "reason": reason, "item": external}
            self.audit.add(
                tenant_id=tid,
                actor=self.actor.value,
                action="case.opened",
                subject=f"case:{case_id}",
                payload=payload,
                plain=True,
            )
            notices.append(self._notice("case.opened", {**payload, "case": case_id}))
        _insert_notices(session, notices)


def _insert_notices(session: Session, notices: list[tuple[Any, ...] | None]) -> None:
    sql.NOTICE_INSERT.run(session.connection(), [n for n in notices if n is not None])
