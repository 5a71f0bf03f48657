"""Reporter standing and muting, the senior scope of the queue, and kept pictures, on SQLite and
PostgreSQL alike (the ``store`` fixture runs both)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from sqlalchemy import func, select

from bastion.enforce import Ladder
from bastion.model import ImageInput
from bastion.service.decide import decide_case
from bastion.service.errors import Conflict, Forbidden, NotFound
from bastion.service.ingest import enforce_result
from bastion.service.queues import claim_next_scoped, claim_scoped, scoped_queue
from bastion.service.reporters import mute_reporter, standings, unmute_reporter
from bastion.service.reports import ReportConfig, Reporter, file_report
from bastion.service.review import claim_case
from bastion.store import Store
from bastion.store.models import Case, ItemImage, Report
from tests.service.conftest import T0, TenantInfo, clean, scanned

CONFIG = ReportConfig(secret=b"k" * 32)
BAN_ALL = Ladder.from_text(
    """
version: 1
decay: 90d
count: category
ladders:
  default:
    low: [[warn]]
    medium: [[warn]]
    high: [[warn]]
    critical: [[ban]]
"""
)


def _report(store: Store, tenant: TenantInfo, item: str, who: Reporter) -> Report:
    with store.transaction() as s:
        receipt = file_report(
            s, tenant.id, reason="scam", reporter=who, now=T0, config=CONFIG, item_id=item
        )
        return receipt.report


def test_standing_counts_decided_and_upheld_and_a_mute_keeps_reports_out(
    store: Store, tenant: TenantInfo, ladder: Ladder
) -> None:
    with store.transaction() as s:
        for n in range(4):
            item, result = clean(f"p-{n}")
            enforce_result(s, tenant_id=tenant.id, item=item, result=result, ladder=ladder, now=T0)
    noisy, kind = Reporter(id="noisy"), Reporter(ip="203.0.113.7")
    for n, who in enumerate((noisy, noisy, kind)):
        _report(store, tenant, f"p-{n}", who)
    with store.transaction() as s:
        for case in s.scalars(select(Case).order_by(Case.id)).all()[:2]:
            claim_case(s, tenant.id, case.id, "m", now=T0)
            verdict = "dismiss" if case.id % 2 else "uphold"
            decide_case(
                s, tenant.id, case.id, moderator="m", decision=verdict, now=T0, ladder=ladder
            )
    with store.transaction(readonly=True) as s:
        hashed = s.scalars(
            select(Report.reporter_ip_hash).where(Report.reporter_id.is_(None))
        ).one()
        found = standings(s, tenant.id, ["id:noisy", f"ip:{hashed}", "id:nobody"])
    assert (found["id:noisy"].reports, found["id:noisy"].decided, found["id:noisy"].upheld) == (
        2,
        2,
        1,
    )
    assert found["id:noisy"].reputation == 0.5
    assert found[f"ip:{hashed}"].decided == 0 and found[f"ip:{hashed}"].reputation is None
    assert found["id:nobody"].reports == 0

    with store.transaction() as s:
        mute_reporter(s, tenant.id, "id:noisy", moderator="m", reason="floods", now=T0)
        with pytest.raises(Conflict):
            mute_reporter(s, tenant.id, "id:noisy", moderator="m", reason="again", now=T0)
    muted = _report(store, tenant, "p-3", noisy)
    trusted = _report(store, tenant, "p-3", replace(noisy, trusted=True))
    with store.transaction() as s:
        assert s.get(Report, muted.id).case_id is None  # type: ignore[union-attr]
        assert s.get(Report, trusted.id).case_id is not None  # type: ignore[union-attr]
        assert standings(s, tenant.id, ["id:noisy"])["id:noisy"].reports == 4
        unmute_reporter(s, tenant.id, "id:noisy", moderator="m", now=T0)
        with pytest.raises(NotFound):
            unmute_reporter(s, tenant.id, "id:noisy", moderator="m", now=T0)


def test_a_permanent_ban_is_senior_work(store: Store, tenant: TenantInfo) -> None:
    with store.transaction() as s:
        for name, severity in (("ban-me", "critical"), ("warn-me", "high")):
            item, result = scanned(name, account=f"u-{name}", severity=severity, outcome="review")
            enforce_result(s, tenant_id=tenant.id, item=item, result=result, ladder=BAN_ALL, now=T0)
    with store.transaction() as s:
        seen = scoped_queue(s, tenant.id, senior=False, ladder=BAN_ALL, now=T0)
        everything = scoped_queue(s, tenant.id, senior=True, ladder=BAN_ALL, now=T0)
        assert len(seen) == 1 and len(everything) == 2
        ban = next(case for case, senior in everything if senior)
        with pytest.raises(Forbidden):
            claim_scoped(s, tenant.id, ban.id, "m", senior=False, ladder=BAN_ALL, now=T0)
        with pytest.raises(Forbidden):
            scoped_queue(s, tenant.id, senior=False, ladder=BAN_ALL, now=T0, only_senior=True)
        taken = claim_next_scoped(s, tenant.id, "m", senior=False, ladder=BAN_ALL, now=T0)
        assert taken is not None and taken.id != ban.id
        assert claim_next_scoped(s, tenant.id, "m2", senior=False, ladder=BAN_ALL, now=T0) is None
        senior = claim_next_scoped(
            s, tenant.id, "s", senior=True, ladder=BAN_ALL, now=T0, only_senior=True
        )
        assert senior is not None and senior.id == ban.id


def test_pictures_are_kept_only_for_items_not_allowed(store: Store, tenant: TenantInfo) -> None:
    picture = ImageInput("data:image/png (3 bytes)", b"png")
    with store.transaction() as s:
        flagged, flagged_result = scanned("flagged")
        allowed, allowed_result = clean("allowed")
        for item, result in ((flagged, flagged_result), (allowed, allowed_result)):
            with_pictures = replace(item, image_data=(picture, ImageInput("gone", error="x")))
            enforce_result(
                s, tenant_id=tenant.id, item=with_pictures, result=result, ladder=BAN_ALL, now=T0
            )
        assert s.scalar(select(func.count()).select_from(ItemImage)) == 1
        kept = s.scalars(select(ItemImage)).one()
        assert (kept.position, kept.data) == (0, b"png")
