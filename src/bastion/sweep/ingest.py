"""Feed a finished sweep's findings to the enforcement service, attributed to its campaign.

Each batch of findings is one ``enforce_batch`` transaction (retried on transient database
errors) counted in the campaign only (``campaign_ids``), so its counters move with the batch
that committed. The store keys every write (tenant + item id, strike, action dedupe key), so
running ingest again, or after a ``kill -9``, adds nothing for the items already in: they come
back as duplicates and move no counter. A shadow sweep is never ingested.

Batches of thousands are the bulk path: ``enforce_batch`` writes each table set-wise and fills
statements of reasons from per-template copies, and leaves the same records as one finding per
transaction would (tests/sweep/test_ingest_parity.py).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, Final

import pyarrow as pa
import pyarrow.dataset as ds
from sqlalchemy import select
from sqlalchemy.orm import Session

from bastion.enforce import Ladder
from bastion.model import Entity, Item, ScanResult, Signal, Violation
from bastion.service import enforce_batch
from bastion.service.campaigns import create_campaign, get_campaign
from bastion.service.ingest import paused_gc
from bastion.store import Store
from bastion.store.models import Campaign, Tenant
from bastion.sweep.defaults import DEFAULT_BATCH, DEFAULT_CAMPAIGN_DAYS
from bastion.sweep.records import ERROR_VERDICT
from bastion.sweep.results import SweepError, findings_dataset, iter_findings, read_manifest

ITEM_COLUMNS: Final = ("item_id", "platform", "surface", "account_id", "created_at", "text")


@dataclass(slots=True)
class IngestReport:
    tenant: str
    campaign: str
    campaign_id: int
    findings: int = 0
    created: int = 0
    duplicates: int = 0
    actions: int = 0
    seconds: float = 0.0
    counters: dict[str, int] | None = None


def result_from_dict(record: dict[str, Any]) -> ScanResult:
    """A sweep's result JSON back as a ``ScanResult`` (image reports are not carried)."""
    entities = []
    for e in record.get("entities", []):
        categories = e.get("categories") or ([e["category"]] if e.get("category") else [])
        box = e.get("box")
        entities.append(
            Entity(
                kind=e["kind"],
                raw=e.get("raw", ""),
                span=(int(e["span"][0]), int(e["span"][1])),
                value=e["value"],
                host=e.get("host"),
                registrable_domain=e.get("registrable_domain"),
                cue=e.get("cue"),
                flags=list(e.get("flags", [])),
                categories=list(categories),
                sources=list(e.get("sources", [])),
                allowed=bool(e.get("allowed", False)),
                origin=e.get("origin", "text"),
                box=None if box is None else (int(box[0]), int(box[1]), int(box[2]), int(box[3])),
            )
        )
    violations = [
        Violation(
            rule=v["rule"],
            category=v["category"],
            severity=v["severity"],
            confidence=float(v["confidence"]),
            outcome=v["outcome"],
            entities=list(v.get("entities", [])),
            mode=v.get("mode", "enforce"),
            reason=v.get("reason", ""),
            origins=list(v.get("origins", [])),
        )
        for v in record.get("violations", [])
    ]
    signals = [
        Signal(
            detector=s["detector"],
            label=s["label"],
            score=float(s["score"]),
            evidence=s.get("evidence", ""),
            category=s.get("category"),
            entities=list(s.get("entities", [])),
            span=None if s.get("span") is None else (int(s["span"][0]), int(s["span"][1])),
            origin=s.get("origin", "text"),
        )
        for s in record.get("signals", [])
    ]
    return ScanResult(
        id=record["id"],
        verdict=record["verdict"],
        entities=entities,
        violations=violations,
        truncated=bool(record.get("truncated", False)),
        policy_version=record.get("policy_version", ""),
        signals=signals,
    )


def _campaign_id(session: Session, tenant_id: int, name: str, now: datetime, days: int) -> int:
    found = session.scalars(
        select(Campaign).where(Campaign.tenant_id == tenant_id, Campaign.name == name)
    ).one_or_none()
    if found is None:
        view = create_campaign(
            session,
            tenant_id,
            name=name,
            scope=None,
            starts_at=now,
            ends_at=now + timedelta(days=days),
            now=now,
            actor="sweep",
        )
        return view.id
    if not get_campaign(session, tenant_id, found.id, now).live:
        raise SweepError(
            f"campaign {name!r} is not live now (it ran {found.starts_at:%Y-%m-%d} to "
            f"{found.ends_at:%Y-%m-%d}): its counters would not move; use --campaign NAME"
        )
    return found.id


def counters(store: Store, tenant_id: int, campaign_id: int) -> dict[str, int]:
    with store.transaction(readonly=True) as session:
        view = get_campaign(session, tenant_id, campaign_id, datetime.now(UTC))
    return dict(view.to_dict()["counters"])


def ingest_sweep(
    store: Store,
    out: Path,
    *,
    tenant: str,
    campaign: str | None = None,
    ladder: Ladder | None = None,
    batch_rows: int = DEFAULT_BATCH,
    campaign_days: int = DEFAULT_CAMPAIGN_DAYS,
    progress: Callable[[int, int], None] | None = None,
    clock: Callable[[], datetime] = lambda: datetime.now(UTC),
) -> IngestReport:
    """Enforce every finding of the finished sweep at ``out`` for ``tenant`` (a slug)."""
    manifest = read_manifest(out)
    if manifest.get("status") != "complete":
        raise SweepError(f"the sweep at {out} is not complete: finish it before ingesting")
    if manifest.get("shadow"):
        raise SweepError(f"the sweep at {out} is a shadow sweep: it only reports, never enforces")
    name = campaign or str(manifest["campaign"])
    rules = ladder or Ladder.default()
    with store.transaction() as session:
        row = session.scalars(select(Tenant).where(Tenant.slug == tenant)).one_or_none()
        if row is None:
            raise SweepError(f"no tenant {tenant!r} (see `bastion tenants list`)")
        tenant_id = row.id
        campaign_id = _campaign_id(session, tenant_id, name, clock(), campaign_days)
    report = IngestReport(tenant, name, campaign_id)
    total = findings_dataset(out).count_rows(filter=ds.field("verdict") != ERROR_VERDICT)
    for record_batch in iter_findings(out, batch_rows):
        with paused_gc():
            _ingest_batch(store, record_batch, tenant_id, campaign_id, rules, clock, report)
        if progress is not None:
            progress(report.findings, max(total, report.findings))
    report.counters = counters(store, tenant_id, campaign_id)
    return report


def _ingest_batch(
    store: Store,
    record_batch: pa.RecordBatch,
    tenant_id: int,
    campaign_id: int,
    rules: Ladder,
    clock: Callable[[], datetime],
    report: IngestReport,
) -> None:
    """One batch of findings as one ``enforce_batch`` transaction, counted in ``report``."""
    columns = {n: record_batch.column(n).to_pylist() for n in (*ITEM_COLUMNS, "result")}
    items = []
    for i, item_id in enumerate(columns["item_id"]):
        item = Item(
            id=item_id,
            text=columns["text"][i] or "",
            platform=columns["platform"][i] or "",
            surface=columns["surface"][i] or "post",
            account_id=columns["account_id"][i] or "",
            created_at=columns["created_at"][i],
        )
        items.append((item, result_from_dict(json.loads(columns["result"][i]))))

    def write(session: Session, batch: list[tuple[Item, ScanResult]] = items) -> list[Any]:
        return enforce_batch(
            session,
            tenant_id=tenant_id,
            items=batch,
            ladder=rules,
            now=clock(),
            campaign_ids=[campaign_id],
        )

    for outcome in store.run(write):
        report.findings += 1
        if outcome.duplicate:
            report.duplicates += 1
        else:
            report.created += 1
            report.actions += len(outcome.actions)
