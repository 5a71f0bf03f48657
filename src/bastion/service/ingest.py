"""Turn scan results into stored, explained, counted enforcement: the ingest transaction.

For each item: store it (idempotent by tenant + external id) with its entities and violations,
decide per violated category with the penalty ladder against the account's live strikes, write
the strike, the actions (each carrying its statement of reasons) and the account/content state,
open or merge a review case, queue webhook notices, append audit events and bump the counters of
live campaigns — all in the caller's transaction. Every write is keyed (item external id, strike
per account+item+category, action dedupe key), so replaying an item, or retrying a transaction
that died half way, never adds a second strike or action.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import Any, Final

from sqlalchemy import Connection, select
from sqlalchemy.orm import Session

from bastion.enforce.actions import require_aware
from bastion.enforce.ladder import Ladder
from bastion.enforce.reasons import ReasonsConfig
from bastion.model import Item as ItemRecord
from bastion.model import ScanResult
from bastion.service import ingest_store as rows
from bastion.service.actions import lift_due_suspensions
from bastion.service.campaigns import CampaignTally, Scope
from bastion.service.enforcer import Enforcer
from bastion.service.outcomes import ActionTaken, DecisionOutcome
from bastion.store.bulk import Stamps
from bastion.store.enums import Actor, CaseStatus
from bastion.store.models import Action, Case

__all__ = [
    "ActionTaken",
    "DecisionOutcome",
    "EnforcementOutcome",
    "enforce_batch",
    "enforce_result",
    "lift_due_suspensions",
    "paused_gc",
]

MAX_BATCH: Final = 100_000
TenantReader = Callable[[Session, int, datetime], rows.TenantContext | None]
"""(session, tenant id, now) -> the tenant's webhook and live campaigns; None: no such tenant."""


@dataclass(slots=True)
class EnforcementOutcome:
    """What ingest did with one item. ``duplicate``: already stored and scanned alike, so nothing
    new happened and ``actions`` lists the actions taken earlier."""

    item_id: int
    external_id: str
    account_id: int | None
    created: bool
    duplicate: bool
    decisions: list[DecisionOutcome] = field(default_factory=list)
    actions: list[ActionTaken] = field(default_factory=list)
    case_id: int | None = None
    campaigns: list[int] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "item_id": self.external_id,
            "created": self.created,
            "duplicate": self.duplicate,
            "decisions": [d.to_dict() for d in self.decisions],
            "actions": [a.to_dict() for a in self.actions],
            "case_id": self.case_id,
            "campaigns": list(self.campaigns),
        }


def enforce_result(
    session: Session,
    *,
    tenant_id: int,
    item: ItemRecord,
    result: ScanResult,
    ladder: Ladder,
    now: datetime,
    source: str = "automation",
    campaign_ids: Sequence[int] | None = None,
    reasons: ReasonsConfig | None = None,
) -> EnforcementOutcome:
    """Store and enforce one scanned item; see ``enforce_batch``."""
    return enforce_batch(
        session,
        tenant_id=tenant_id,
        items=[(item, result)],
        ladder=ladder,
        now=now,
        source=source,
        campaign_ids=campaign_ids,
        reasons=reasons,
    )[0]


def enforce_batch(
    session: Session,
    *,
    tenant_id: int,
    items: Sequence[tuple[ItemRecord, ScanResult]],
    ladder: Ladder,
    now: datetime,
    source: str = "automation",
    campaign_ids: Sequence[int] | None = None,
    reasons: ReasonsConfig | None = None,
    tenants: TenantReader | None = None,
) -> list[EnforcementOutcome]:
    """Store and enforce many scanned items in the caller's transaction, in order.

    Outcomes come back in input order; an id repeated within the batch is processed once and
    its later copies report ``duplicate``. ``campaign_ids`` limits counting to those campaigns
    (default: every live campaign of the tenant whose scope matches). ``source`` is the actor
    (automation, reviewer or report). Raises InputError for a record the store cannot hold,
    before anything is written. ``tenants`` reads the tenant's webhook and live campaigns
    (default ``ingest_store.tenant_context``; a ``TenantCache``'s ``context`` serves repeats).
    """
    with paused_gc():
        return _enforce_batch(
            session,
            tenant_id=tenant_id,
            items=items,
            ladder=ladder,
            now=now,
            source=source,
            campaign_ids=campaign_ids,
            reasons=reasons,
            tenants=tenants or rows.tenant_context,
        )


@contextmanager
def paused_gc() -> Iterator[None]:
    """Hold the cyclic garbage collector off for a batch, then let it run as usual.

    A batch of thousands builds hundreds of thousands of short-lived containers (rows, results,
    statements) that reference counting frees; meanwhile the collector would walk the growing
    set of survivors again and again, a third to a half of bulk ingest's CPU. The pause only
    delays collection: the next allocation after the batch triggers it. Nested or concurrent
    pauses are safe (only the pause that turned the collector off turns it back on), and a
    collector the application disabled stays disabled.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def _enforce_batch(
    session: Session,
    *,
    tenant_id: int,
    items: Sequence[tuple[ItemRecord, ScanResult]],
    ladder: Ladder,
    now: datetime,
    source: str,
    campaign_ids: Sequence[int] | None,
    reasons: ReasonsConfig | None,
    tenants: TenantReader,
) -> list[EnforcementOutcome]:
    require_aware(now, "now")
    actor = Actor(source)
    if len(items) > MAX_BATCH:
        raise ValueError(f"a batch holds at most {MAX_BATCH} items")
    created_at = [rows.check_record(item, result) for item, result in items]
    tenant = tenants(session, tenant_id, now)
    if tenant is None:
        raise ValueError(f"tenant {tenant_id} does not exist")
    if not items:
        return []
    accounts = rows.account_ids(session, tenant_id, (i.account_id for i, _ in items), now)
    first: dict[str, int] = {}
    for index, (item, _) in enumerate(items):
        first.setdefault(item.id, index)

    # Insert first: new items (nearly all of them) cost one statement; only the ids already
    # stored are read back, to tell a replay (nothing to do) from a rescan (overwrite).
    values: dict[str, dict[str, Any]] = {}
    for ext, index in first.items():
        item, result = items[index]
        account_id = accounts.get(item.account_id)
        values[ext] = _item_values(item, result, account_id, created_at[index], now)
    inserted = rows.insert_items(session, tenant_id, values)
    stored: dict[str, rows.StoredItem] = {}
    for ext, item_id in inserted.items():
        stored[ext] = rows.StoredItem(item_id, ext, values[ext]["account_id"], True, True)
    known = [ext for ext in first if ext not in inserted]
    for ext, row in rows.existing_items(session, tenant_id, known).items():
        item, result = items[first[ext]]
        account_id = values[ext]["account_id"]
        if (
            row.scanned_at is not None
            and row.text == item.text
            and row.surface == item.surface
            and row.policy_version == result.policy_version
            and (account_id is None or row.account_id == account_id)
        ):
            stored[ext] = rows.StoredItem(row.id, ext, row.account_id, False, False)
        else:
            position = rows.rescan_item(session, row.id, values[ext])
            stored[ext] = rows.StoredItem(row.id, ext, account_id, False, True, position)
    lost = [ext for ext in known if ext not in stored]
    if lost:
        raise RuntimeError(f"items {lost[:3]} were neither inserted nor found")

    entity_rows: list[tuple[Any, ...]] = []
    violation_rows: list[tuple[Any, ...]] = []
    pictures: list[dict[str, Any]] = []
    rescanned: list[int] = []
    stamp = Stamps(rows.is_sqlite(session))(now)
    for ext, index in first.items():
        entry = stored[ext]
        if not entry.fresh:
            continue
        item, result = items[index]
        if result.entities:
            entity_rows.extend(rows.entity_rows(tenant_id, entry.id, result))
        if result.violations:
            violation_rows.extend(
                rows.violation_rows(tenant_id, entry.id, result, entry.next_position, stamp)
            )
        if item.image_data:
            pictures.extend(rows.image_rows(tenant_id, entry.id, item, result, now))
            if not entry.created:
                rescanned.append(entry.id)
    rows.insert_entities(session, entity_rows)
    violation_ids = rows.insert_violations(session, violation_rows)
    rows.replace_images(session, rescanned, pictures)

    if campaign_ids is None:
        scopes = tenant.campaigns
        tally = CampaignTally(tenant_id, [(cid, Scope.from_dict(raw)) for cid, raw in scopes])
    else:
        tally = CampaignTally.load(session, tenant_id, now, campaign_ids)
    outcomes: dict[str, EnforcementOutcome] = {}
    pending = []
    counting = bool(tally)
    for ext, index in first.items():
        item, result = items[index]
        entry = stored[ext]
        outcome = EnforcementOutcome(
            entry.id, ext, entry.account_id, entry.created, not entry.fresh
        )
        outcomes[ext] = outcome
        if not entry.fresh:
            continue
        if counting:
            outcome.campaigns = tally.item(item.platform, item.surface)
        if result.violations and any(v.mode == "enforce" for v in result.violations):
            ids = [
                violation_ids[(entry.id, entry.next_position + i)]
                for i in range(len(result.violations))
            ]
            pending.append((entry, item, result, ids, created_at[index], outcome))
    if pending:
        enforcer = Enforcer(session, tenant, ladder, now, actor, reasons or ReasonsConfig())
        enforcer.prepare([(p[0], p[1]) for p in pending])
        for entry, item, result, ids, content_date, outcome in pending:
            outcome.decisions = enforcer.decide(entry, item, result, ids, content_date)
        enforcer.finish()
        for entry, _item, _result, _ids, _date, outcome in pending:
            outcome.case_id = enforcer.cases.get(entry.id)
            for decision in outcome.decisions:
                outcome.actions.extend(decision.actions)
                if tally and outcome.campaigns:
                    tally.decision(
                        outcome.campaigns,
                        decision.category,
                        decision.rules,
                        [a.kind for a in decision.actions],
                        entry.account_id,
                    )
    if tally:
        tally.flush(session, now)
    _fill_duplicates(session, tenant_id, [o for o in outcomes.values() if o.duplicate])
    result_list = []
    for index, (item, _) in enumerate(items):
        outcome = outcomes[item.id]
        if first[item.id] != index:
            outcome = EnforcementOutcome(
                outcome.item_id,
                outcome.external_id,
                outcome.account_id,
                False,
                True,
                actions=[replace(a, created=False) for a in outcome.actions],
                case_id=outcome.case_id,
            )
        result_list.append(outcome)
    return result_list


def plain(item: ItemRecord, result: ScanResult) -> bool:
    """An item ``store_plain`` may take: no violation (nothing to decide, no violation row)
    and no picture (their bytes are written by ``enforce_batch``)."""
    return not result.violations and not item.image_data


def store_plain(
    conn: Connection,
    *,
    tenant_id: int,
    items: Sequence[tuple[ItemRecord, ScanResult]],
    now: datetime,
) -> dict[str, EnforcementOutcome]:
    """PostgreSQL, in one statement: store ``plain`` items of a tenant with no live campaign
    (so nothing is counted) as ``enforce_batch`` would, accounts and entities included; the
    outcomes of the items it stored, by external id, each exactly what ``enforce_batch`` answers
    for a new item without violations. The rest (already stored: a replay or a rescan; an
    account another writer was creating) are not written: give them to ``enforce_batch``.

    One statement is one transaction: run it with ``Store.run_autocommit`` and a check group
    of clean items costs one round trip instead of four (``BEGIN``, accounts, items, ``COMMIT``).
    Item ids must be distinct; every item must pass ``check_record`` (raises as it does).
    """
    require_aware(now, "now")
    if len({item.id for item, _ in items}) != len(items):
        raise ValueError("store_plain takes distinct item ids")
    item_values: list[tuple[str | None, dict[str, Any]]] = []
    entities: list[tuple[Any, ...]] = []
    for item, result in items:
        if not plain(item, result):
            raise ValueError(f"item {item.id!r} is not plain")
        values = _item_values(item, result, None, rows.check_record(item, result), now)
        values["external_id"] = item.id
        item_values.append((item.account_id or None, values))
        if result.entities:
            entities.extend(rows.entity_rows(tenant_id, item.id, result))
    stored = rows.insert_plain_pg(conn, tenant_id, now, item_values, entities)
    return {
        ext: EnforcementOutcome(item_id, ext, account_id, True, False)
        for ext, item_id, account_id in stored
    }


def _item_values(
    item: ItemRecord,
    result: ScanResult,
    account_id: int | None,
    created_at: datetime | None,
    now: datetime,
) -> dict[str, Any]:
    detailed = bool(result.entities or result.violations or result.truncated)
    return {
        "account_id": account_id,
        "surface": item.surface,
        "text": item.text,
        "created_at": created_at,
        "ingested_at": now,
        "scanned_at": now,
        "verdict": result.verdict,
        "policy_version": result.policy_version[:64] or None,
        "result": result.to_dict() if detailed else None,
    }


def _fill_duplicates(session: Session, tenant_id: int, outcomes: list[EnforcementOutcome]) -> None:
    """Report the actions and open case already on record for items that were not re-enforced."""
    by_item = {o.item_id: o for o in outcomes}
    for part in rows.chunks(sorted(by_item)):
        actions = session.execute(
            select(Action.item_id, Action.id, Action.kind, Action.expires_at, Action.reversed_at)
            .where(Action.tenant_id == tenant_id, Action.item_id.in_(part))
            .order_by(Action.id)
        )
        for a in actions:
            by_item[a.item_id].actions.append(
                ActionTaken(
                    a.id,
                    str(a.kind),
                    a.expires_at,
                    created=False,
                    reversed=a.reversed_at is not None,
                )
            )
        cases = session.execute(
            select(Case.item_id, Case.id).where(
                Case.tenant_id == tenant_id,
                Case.item_id.in_(part),
                Case.status.in_((CaseStatus.OPEN, CaseStatus.CLAIMED)),
            )
        )
        for c in cases:
            by_item[c.item_id].case_id = c.id


def utc_iso(value: datetime | None) -> str | None:
    return None if value is None else value.astimezone(UTC).isoformat().replace("+00:00", "Z")
