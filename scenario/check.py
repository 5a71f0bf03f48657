"""The exact check: every headline figure of the transparency report against plain SQL over the
store and against the run's ledger, plus the campaign counters. Any difference is a failure.

The SQL here is written independently of ``bastion.report.stats`` (hand-written text queries,
no shared query builder), so a wrong join or filter there cannot be repeated here. The period
filter is checked separately: no row of the tenant may fall outside the campaign's two months,
which makes "in the period" and "of the tenant" the same set and lets the text queries count
whole tables per tenant.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, or_, select, text
from sqlalchemy.orm import Session

from bastion.report.schema import GROUP_OF, GROUPS, SOURCES, TransparencyStats
from bastion.store.models import Action, Appeal, Campaign, Case, Item, Report, Review, Strike
from bastion.store.models import Violation as ViolationRow
from scenario.ledger import Ledger

MISSING = "-"


@dataclass(slots=True)
class Row:
    figure: str
    report: Any
    sql: Any
    ledger: Any = MISSING

    @property
    def ok(self) -> bool:
        agree: bool = self.report == self.sql
        return agree and (self.ledger == MISSING or bool(self.ledger == self.report))


def _rows(session: Session, sql: str, tenant_id: int) -> list[Any]:
    return list(session.execute(text(sql), {"t": tenant_id}))


def _count(session: Session, sql: str, tenant_id: int) -> int:
    return int(session.execute(text(sql), {"t": tenant_id}).scalar_one() or 0)


def outside_period(session: Session, tenant_id: int, start: datetime, end: datetime) -> int:
    """Rows of the tenant created outside ``[start, end)``: must be zero for the check to hold."""
    total = 0
    for column, tenant_col in (
        (Action.created_at, Action.tenant_id),
        (Action.reversed_at, Action.tenant_id),
        (Appeal.created_at, Appeal.tenant_id),
        (Report.created_at, Report.tenant_id),
        (Strike.created_at, Strike.tenant_id),
        (Case.created_at, Case.tenant_id),
        (Review.created_at, Review.tenant_id),
        (Item.ingested_at, Item.tenant_id),
        (ViolationRow.created_at, ViolationRow.tenant_id),
    ):
        total += int(
            session.scalar(
                select(func.count()).where(
                    tenant_col == tenant_id,
                    column.is_not(None),
                    or_(column < start, column >= end),
                )
            )
            or 0
        )
    return total


def compare(
    session: Session,
    stats: TransparencyStats,
    ledger: Ledger,
    tenant_id: int,
    slug: str,
    campaign_id: int,
) -> list[Row]:
    """Every figure as a Row(report, sql, ledger); callers fail on any ``not row.ok``."""
    t = tenant_id
    rows: list[Row] = []
    period = stats.period
    rows.append(
        Row("rows outside the period", 0, outside_period(session, t, period.start, period.end))
    )

    kinds = {
        str(k): (int(n), int(r or 0))
        for k, n, r in _rows(
            session,
            "SELECT kind, COUNT(*), SUM(CASE WHEN reversed_at IS NULL THEN 0 ELSE 1 END) "
            "FROM actions WHERE tenant_id = :t GROUP BY kind",
            t,
        )
    }
    led_kinds = ledger.by_kind()
    for kind in GROUP_OF:
        n, r = kinds.get(kind, (0, 0))
        rows.append(
            Row(f"actions {kind}", stats.by_kind[kind].actions, n, led_kinds[kind]["actions"])
        )
        rows.append(
            Row(f"reversed {kind}", stats.by_kind[kind].reversed, r, led_kinds[kind]["reversed"])
        )
    led_live = ledger.groups_live()
    for group, members in GROUPS.items():
        sql_live = sum(kinds.get(k, (0, 0))[0] - kinds.get(k, (0, 0))[1] for k in members)
        rows.append(Row(group, stats.groups[group].tally.live, sql_live, led_live[group]))
    targets = {
        str(g): int(n)
        for g, n in _rows(
            session,
            "SELECT grp, COUNT(DISTINCT target) FROM ("
            " SELECT CASE "
            + " ".join(f"WHEN kind = '{k}' THEN '{g}'" for k, g in GROUP_OF.items())
            + " END AS grp, CASE WHEN kind IN ('remove_content', 'disable_link', 'label')"
            " THEN 'i' || CAST(item_id AS TEXT) ELSE 'a' || CAST(account_id AS TEXT) END AS target"
            " FROM actions WHERE tenant_id = :t AND reversed_at IS NULL) AS live GROUP BY grp",
            t,
        )
    }
    for group in GROUPS:
        rows.append(
            Row(f"{group} (distinct targets)", stats.groups[group].targets, targets.get(group, 0))
        )
    rows.append(
        Row(
            "all actions / reversed",
            (stats.totals.actions, stats.totals.reversed),
            (sum(n for n, _ in kinds.values()), sum(r for _, r in kinds.values())),
            (len(ledger.actions), len(ledger.reversed)),
        )
    )
    rows.append(
        Row(
            "reversals in period",
            sum(stats.reversals_in_period.values()),
            sum(r for _, r in kinds.values()),
            len(ledger.reversed),
        )
    )

    live = "FROM actions a {join} WHERE a.tenant_id = :t AND a.reversed_at IS NULL GROUP BY {key}"
    dimension_sql = {
        "reason": live.format(
            join="LEFT JOIN violations v ON v.id = a.violation_id",
            key="COALESCE(v.category, 'unspecified'), a.kind",
        ),
        "surface": live.format(
            join="LEFT JOIN items i ON i.id = a.item_id",
            key="COALESCE(i.surface, 'account'), a.kind",
        ),
        "source": live.format(join="", key="a.actor, a.kind"),
    }
    select_key = {
        "reason": "COALESCE(v.category, 'unspecified')",
        "surface": "COALESCE(i.surface, 'account')",
        "source": "a.actor",
    }
    for dim, tail in dimension_sql.items():
        found: dict[str, dict[str, int]] = {}
        for key, kind, n in _rows(session, f"SELECT {select_key[dim]}, a.kind, COUNT(*) {tail}", t):
            name = SOURCES[str(key)] if dim == "source" else str(key)
            cell = found.setdefault(name, dict.fromkeys(GROUPS, 0))
            cell[GROUP_OF[str(kind)]] += int(n)
        reported = {k: dict(v) for k, v in stats.breakdowns[dim].items()}
        rows.append(Row(f"by {dim} x group", reported, found))
        rows.append(
            Row(
                f"by {dim} (live actions)",
                stats.dimension_totals(dim),
                {k: sum(v.values()) for k, v in found.items()},
                ledger.breakdown(dim),
            )
        )
    platform_live = _count(
        session, "SELECT COUNT(*) FROM actions WHERE tenant_id = :t AND reversed_at IS NULL", t
    )
    rows.append(
        Row(
            "by platform (live actions)",
            stats.dimension_totals("platform"),
            {slug: platform_live} if platform_live else {},
            {slug: len(ledger.actions) - len(ledger.reversed)} if ledger.actions else {},
        )
    )
    rows.append(
        Row(
            "daily sum = all actions",
            sum(d.tally.actions for d in stats.daily),
            sum(n for n, _ in kinds.values()),
        )
    )

    appeal_status = {
        str(s): int(n)
        for s, n in _rows(
            session, "SELECT status, COUNT(*) FROM appeals WHERE tenant_id = :t GROUP BY status", t
        )
    }
    led = ledger.appeals
    rows.append(
        Row("appeals filed", stats.appeals.filed, sum(appeal_status.values()), led["filed"])
    )
    rows.append(
        Row(
            "appeals upheld (denied)",
            stats.appeals.upheld,
            appeal_status.get("denied", 0),
            led["denied"],
        )
    )
    rows.append(
        Row(
            "appeals reversed (granted)",
            stats.appeals.granted,
            appeal_status.get("granted", 0),
            led["granted"],
        )
    )
    rows.append(
        Row(
            "appeals open",
            stats.appeals.by_status.get("open", 0),
            appeal_status.get("open", 0),
            led["filed"] - led["granted"] - led["denied"],
        )
    )

    rep = ledger.reports
    rows.append(
        Row(
            "reports received",
            stats.reports.received,
            _count(session, "SELECT COUNT(*) FROM reports WHERE tenant_id = :t", t),
            rep["filed"],
        )
    )
    rows.append(
        Row(
            "reports by trusted flaggers",
            stats.reports.trusted_flagger,
            _count(
                session, "SELECT COUNT(*) FROM reports WHERE tenant_id = :t AND trusted_flagger", t
            ),
            rep["trusted"],
        )
    )
    by_reason = {
        str(r): int(n)
        for r, n in _rows(
            session, "SELECT reason, COUNT(*) FROM reports WHERE tenant_id = :t GROUP BY reason", t
        )
    }
    rows.append(
        Row(
            "reports by reason",
            dict(stats.reports.by_reason),
            by_reason,
            dict(ledger.report_reasons),
        )
    )
    rows.append(
        Row("report outcomes sum", sum(stats.reports.outcomes.values()), stats.reports.received)
    )

    act = stats.activity
    rows.append(
        Row(
            "items ingested",
            act.items_ingested,
            _count(session, "SELECT COUNT(*) FROM items WHERE tenant_id = :t", t),
            sum(ledger.items.values()),
        )
    )
    strikes = _rows(
        session,
        "SELECT COUNT(*), SUM(CASE WHEN reversed_at IS NULL THEN 0 ELSE 1 END) FROM strikes "
        "WHERE tenant_id = :t",
        t,
    )[0]
    rows.append(Row("strikes issued", act.strikes.actions, int(strikes[0]), ledger.strikes))
    rows.append(
        Row("strikes reversed", act.strikes.reversed, int(strikes[1] or 0), ledger.strikes_reversed)
    )
    rows.append(
        Row(
            "cases opened",
            act.cases_opened,
            _count(session, "SELECT COUNT(*) FROM cases WHERE tenant_id = :t", t),
        )
    )
    reviews = {
        str(d): int(n)
        for d, n in _rows(
            session,
            "SELECT decision, COUNT(*) FROM reviews WHERE tenant_id = :t GROUP BY decision",
            t,
        )
    }
    rows.append(
        Row("reviews by decision", dict(act.reviews_by_decision), reviews, dict(ledger.reviews))
    )
    rows.append(
        Row(
            "violations",
            sum(act.violations_by_category.values()),
            _count(session, "SELECT COUNT(*) FROM violations WHERE tenant_id = :t", t),
        )
    )
    rows.extend(_campaign_rows(session, ledger, t, campaign_id))
    return rows


def _campaign_rows(session: Session, ledger: Ledger, t: int, campaign_id: int) -> list[Row]:
    row = session.get(Campaign, campaign_id)
    assert row is not None
    scope = sorted(row.scope.get("categories") or [])
    in_scope = ", ".join(f"'{c}'" for c in scope)
    automated = (
        "FROM actions a JOIN violations v ON v.id = a.violation_id WHERE a.tenant_id = :t "
        f"AND a.actor = 'automation' AND v.category IN ({in_scope})"
    )
    account_kinds = ", ".join(
        f"'{k}'" for k in GROUP_OF if k not in ("remove_content", "disable_link", "label")
    )
    return [
        Row(
            "campaign items scanned",
            row.items_matched,
            _count(session, "SELECT COUNT(*) FROM items WHERE tenant_id = :t", t),
            ledger.campaign_items,
        ),
        Row(
            "campaign actions taken",
            row.actions_taken,
            _count(session, f"SELECT COUNT(*) {automated}", t),
            ledger.campaign_actions,
        ),
        Row(
            "campaign links disabled",
            row.links_disabled,
            _count(session, f"SELECT COUNT(*) {automated} AND a.kind = 'disable_link'", t),
            ledger.campaign_links,
        ),
        Row(
            "campaign accounts actioned",
            row.accounts_matched,
            _count(
                session,
                f"SELECT COUNT(DISTINCT a.account_id) {automated} AND a.kind IN ({account_kinds})",
                t,
            ),
            len(ledger.campaign_accounts),
        ),
        Row(
            "campaign account rows",
            row.accounts_matched,
            _count(
                session,
                f"SELECT COUNT(*) FROM campaign_accounts WHERE campaign_id = {int(campaign_id)}",
                t,
            ),
        ),
    ]
