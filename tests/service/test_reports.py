"""Reports: merging into one open case, priority, rate limits, trusted flaggers, reporter view."""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from bastion.enforce import Ladder
from bastion.service.errors import InvalidInput, NotFound, RateLimited
from bastion.service.ingest import enforce_result
from bastion.service.reports import (
    PER_EXTRA_REPORTER,
    REASON_WEIGHT,
    REPORT_REASONS,
    TRUSTED_BONUS,
    RateLimit,
    ReportConfig,
    Reporter,
    check_report,
    check_token,
    file_report,
    get_report,
    load_secret,
)
from bastion.service.review import list_queue
from bastion.store import Store, audit
from bastion.store.models import AuditEvent, Case, Report
from tests.service.conftest import T0, TenantInfo, clean, scanned
from tests.support.concurrency import race
from tests.support.work import steps_of

CONFIG = ReportConfig(secret=b"k" * 32)


def seed(store: Store, tenant: TenantInfo, ladder: Ladder, *ids: str, account: str = "u-1") -> None:
    with store.transaction() as s:
        for item_id in ids:
            item, result = clean(item_id, account=account)
            enforce_result(s, tenant_id=tenant.id, item=item, result=result, ladder=ladder, now=T0)


def report(store: Store, tenant: TenantInfo, reporter: Reporter, **kw: object):  # type: ignore[no-untyped-def]
    kw.setdefault("reason", "scam")
    kw.setdefault("now", T0)
    with store.transaction() as s:
        return file_report(s, tenant.id, reporter=reporter, config=CONFIG, **kw)  # type: ignore[arg-type]


def test_report_opens_case_and_reporter_follows_it(
    store: Store, tenant: TenantInfo, ladder: Ladder
) -> None:
    seed(store, tenant, ladder, "p-1")
    receipt = report(
        store, tenant, Reporter(id="alice", ip="203.0.113.9"), item_id="p-1", text_="fake shop"
    )
    assert not receipt.merged
    assert receipt.case.priority == REASON_WEIGHT["scam"]
    assert check_token(CONFIG, tenant.id, receipt.report.id, receipt.token)
    assert not check_token(CONFIG, tenant.id, receipt.report.id + 1, receipt.token)
    with store.transaction(readonly=True) as s:
        view = get_report(s, tenant.id, receipt.report.id)
        row = s.get(Report, receipt.report.id)
        assert row is not None and row.reporter_ip_hash is not None
        assert "203.0.113.9" not in row.reporter_ip_hash and len(row.reporter_ip_hash) == 64
        actions = [e.action for e in s.scalars(select(AuditEvent).order_by(AuditEvent.seq))]
        assert audit.verify(s).ok
    assert (view.status, view.target_kind, view.target_id, view.decided_at) == (
        "open",
        "item",
        "p-1",
        None,
    )
    assert actions[-2:] == ["case.opened", "report.filed"]


def test_duplicates_merge_and_only_distinct_reporters_raise_priority(
    store: Store, tenant: TenantInfo, ladder: Ladder
) -> None:
    seed(store, tenant, ladder, "p-1", "p-2")
    first = report(store, tenant, Reporter(id="a"), item_id="p-1", reason="gambling")
    again = report(store, tenant, Reporter(id="a"), item_id="p-1", reason="gambling")
    assert again.merged and again.case.id == first.case.id
    assert again.case.priority == REASON_WEIGHT["gambling"]  # same reporter twice: no rise
    second = report(store, tenant, Reporter(id="b"), item_id="p-1", reason="gambling")
    worse = report(store, tenant, Reporter(ip="198.51.100.7"), item_id="p-1", reason="phishing")
    assert second.case.priority == REASON_WEIGHT["gambling"] + PER_EXTRA_REPORTER
    assert worse.case.priority == REASON_WEIGHT["phishing"] + 2 * PER_EXTRA_REPORTER
    other = report(store, tenant, Reporter(id="a"), item_id="p-2")
    by_account = report(store, tenant, Reporter(id="a"), account_id="u-1")
    assert len({first.case.id, other.case.id, by_account.case.id}) == 3
    with store.transaction(readonly=True) as s:
        assert s.scalar(select(func.count()).select_from(Case)) == 3
        counts = s.execute(select(Report.case_id, func.count()).group_by(Report.case_id)).all()
    assert {case_id: n for case_id, n in counts} == {
        first.case.id: 4,
        other.case.id: 1,
        by_account.case.id: 1,
    }


def test_many_reporters_raise_priority_only_up_to_a_cap(
    store: Store, tenant: TenantInfo, ladder: Ladder
) -> None:
    seed(store, tenant, ladder, "p-1")
    for n in range(30):
        last = report(store, tenant, Reporter(id=f"r{n}"), item_id="p-1", reason="other")
    assert last.case.priority == 10 + PER_EXTRA_REPORTER * 10


def test_trusted_flagger_jumps_the_queue(store: Store, tenant: TenantInfo, ladder: Ladder) -> None:
    seed(store, tenant, ladder, "p-1", "p-2")
    crowd = [
        report(store, tenant, Reporter(id=f"r{n}"), item_id="p-1", reason="phishing")
        for n in range(12)
    ]
    flagged = report(
        store, tenant, Reporter(id="ngo", trusted=True), item_id="p-2", reason="gambling"
    )
    assert flagged.case.priority == REASON_WEIGHT["gambling"] + TRUSTED_BONUS
    assert flagged.case.priority > crowd[-1].case.priority
    with store.transaction(readonly=True) as s:
        queue = list_queue(s, tenant.id, now=T0)
        assert [c.id for c in queue] == [flagged.case.id, crowd[0].case.id]
        assert s.get(Report, flagged.report.id).trusted_flagger  # type: ignore[union-attr]


def test_bad_input_is_refused(
    store: Store, tenant: TenantInfo, other_tenant: TenantInfo, ladder: Ladder
) -> None:
    seed(store, tenant, ladder, "p-1")
    who = Reporter(id="a")
    with pytest.raises(InvalidInput, match="reason"):
        report(store, tenant, who, item_id="p-1", reason="ugly")
    with pytest.raises(InvalidInput, match="2000"):
        report(store, tenant, who, item_id="p-1", text_="x" * 2001)
    with pytest.raises(InvalidInput, match="NUL"):
        report(store, tenant, who, item_id="p-1", text_="a\x00b")
    with pytest.raises(InvalidInput, match="exactly one target"):
        report(store, tenant, who, item_id="p-1", account_id="u-1")
    with pytest.raises(InvalidInput, match="exactly one target"):
        report(store, tenant, who)
    with pytest.raises(InvalidInput, match="rate limits"):
        report(store, tenant, Reporter(), item_id="p-1")
    with pytest.raises(NotFound):
        report(store, tenant, who, item_id="nope")
    with pytest.raises(NotFound):  # tenant B cannot reach tenant A's item
        report(store, other_tenant, who, item_id="p-1")
    ok = report(store, tenant, who, item_id="p-1", text_="x" * 2000)
    with store.transaction(readonly=True) as s, pytest.raises(NotFound):
        get_report(s, other_tenant.id, ok.report.id)
    assert not check_token(CONFIG, other_tenant.id, ok.report.id, ok.token)


def test_sliding_window_rate_limit_by_reporter_and_by_ip(
    store: Store, tenant: TenantInfo, ladder: Ladder
) -> None:
    seed(store, tenant, ladder, *(f"p-{n}" for n in range(12)))
    minute = timedelta(minutes=1)
    for n in range(10):
        report(store, tenant, Reporter(id="spammer"), item_id=f"p-{n}", now=T0 + n * minute)
    with pytest.raises(RateLimited) as caught:
        report(store, tenant, Reporter(id="spammer"), item_id="p-10", now=T0 + 9 * minute)
    # The oldest of the 10 leaves the 10-minute window at T0 + 10 min: one minute from now.
    assert caught.value.retry_after == 60
    report(
        store,
        tenant,
        Reporter(id="spammer"),
        item_id="p-10",
        now=T0 + 10 * minute + timedelta(seconds=1),
    )
    # A new id does not escape the limit when the address is the same.
    for n in range(10):
        report(store, tenant, Reporter(id=f"sock{n}", ip="192.0.2.1"), item_id="p-11", now=T0)
    with pytest.raises(RateLimited):
        report(store, tenant, Reporter(id="sock-new", ip="192.0.2.1"), item_id="p-11", now=T0)
    report(store, tenant, Reporter(id="sock-new", ip="192.0.2.2"), item_id="p-11", now=T0)


def test_daily_limit_and_trusted_flagger_limits(
    store: Store, tenant: TenantInfo, ladder: Ladder
) -> None:
    seed(store, tenant, ladder, "p-1")
    config = ReportConfig(
        secret=b"k" * 32,
        limits=(RateLimit(3, timedelta(days=1)),),
        trusted_limits=(RateLimit(5, timedelta(days=1)),),
    )
    with store.transaction() as s:
        for n in range(3):
            file_report(
                s,
                tenant.id,
                reason="scam",
                reporter=Reporter(id="u"),
                now=T0 + timedelta(hours=n),
                config=config,
                item_id="p-1",
            )
        with pytest.raises(RateLimited) as caught:
            file_report(
                s,
                tenant.id,
                reason="scam",
                reporter=Reporter(id="u"),
                now=T0 + timedelta(hours=5),
                config=config,
                item_id="p-1",
            )
        assert caught.value.retry_after == 19 * 3600
        for _ in range(5):
            file_report(
                s,
                tenant.id,
                reason="scam",
                reporter=Reporter(id="t", trusted=True),
                now=T0,
                config=config,
                item_id="p-1",
            )
        with pytest.raises(RateLimited):
            file_report(
                s,
                tenant.id,
                reason="scam",
                reporter=Reporter(id="t", trusted=True),
                now=T0,
                config=config,
                item_id="p-1",
            )


def test_concurrent_reports_on_one_target_make_one_case(
    open_store: Callable[..., Store], tenant: TenantInfo, store: Store, ladder: Ladder
) -> None:
    seed(store, tenant, ladder, "p-1")
    stores = [open_store() for _ in range(8)]

    def worker(n: int) -> object:
        return stores[n].run(
            lambda s: file_report(
                s,
                tenant.id,
                reason="scam",
                reporter=Reporter(id=f"r{n}"),
                now=T0,
                config=CONFIG,
                item_id="p-1",
            )
        )

    assert race(8, worker).errors == []
    with store.transaction(readonly=True) as s:
        cases = s.scalars(select(Case)).all()
        assert len(cases) == 1
        assert cases[0].priority == REASON_WEIGHT["scam"] + 7 * PER_EXTRA_REPORTER
        assert s.scalar(select(func.count()).select_from(Report)) == 8


def test_outcome_is_visible_after_decision(
    store: Store, tenant: TenantInfo, ladder: Ladder
) -> None:
    from bastion.service.decide import decide_case
    from bastion.service.review import claim_case

    with store.transaction() as s:
        item, result = scanned("p-1", outcome="review")
        enforce_result(s, tenant_id=tenant.id, item=item, result=result, ladder=ladder, now=T0)
    receipt = report(store, tenant, Reporter(id="a"), item_id="p-1", reason="gambling")
    with store.transaction() as s:
        claim_case(s, tenant.id, receipt.case.id, "mod", now=T0)
        assert get_report(s, tenant.id, receipt.report.id).status == "in_review"
        decide_case(
            s,
            tenant.id,
            receipt.case.id,
            moderator="mod",
            decision="dismiss",
            now=T0,
            ladder=ladder,
        )
        view = get_report(s, tenant.id, receipt.report.id)
    assert (view.status, view.decided_at) == ("dismissed", T0)


def test_load_secret_is_created_private_and_stable(tmp_path: Path) -> None:
    first = load_secret(tmp_path / "h")
    assert load_secret(tmp_path / "h") == first and len(first) >= 32
    mode = stat.S_IMODE(os.stat(tmp_path / "h" / "report-secret.key").st_mode)
    assert mode == 0o600
    (tmp_path / "h" / "report-secret.key").write_bytes(b"short")
    with pytest.raises(ValueError, match="fewer than 16"):
        load_secret(tmp_path / "h")


ADVERSARIAL = st.one_of(
    st.text(max_size=3000),
    st.sampled_from(["a." * 25_000, "1" * 50_000, "\x00" * 10, "é\u200b" * 20_000, "x" * 2000]),
)


@settings(max_examples=200, deadline=None)
@given(
    reason=st.one_of(st.sampled_from(REPORT_REASONS), ADVERSARIAL),
    text_=ADVERSARIAL,
    item_id=st.one_of(st.none(), ADVERSARIAL),
    account_id=st.one_of(st.none(), ADVERSARIAL),
    reporter_id=st.one_of(st.none(), ADVERSARIAL),
)
def test_report_validation_never_crashes_and_is_fast(
    reason: str, text_: str, item_id: str | None, account_id: str | None, reporter_id: str | None
) -> None:
    """Validation work does not grow with the arguments: 50,000-character ones cost no more.
    One call runs first, uncounted: a first call in a process may import or compile lazily."""
    reporter = Reporter(id=reporter_id, ip="::1")
    with contextlib.suppress(InvalidInput):
        check_report(CONFIG, reason, text_, item_id, account_id, reporter)
    try:
        steps_of(
            lambda: check_report(CONFIG, reason, text_, item_id, account_id, reporter),
            budget=2_000,
        )
    except InvalidInput as exc:
        assert str(exc)
    else:
        assert reason in REPORT_REASONS and len(text_) <= 2000 and "\x00" not in text_
        assert (item_id is None) != (account_id is None)
