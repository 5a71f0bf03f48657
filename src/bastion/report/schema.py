"""The transparency report's figures as plain data, with the definition of every number.

Counting rules (the same for every figure, so totals reconcile with the store row for row):

- The period is ``[date_from 00:00 UTC, date_to + 1 day 00:00 UTC)``: ``date_to`` is inclusive.
- A row belongs to the period by its own creation time (``actions.created_at``,
  ``appeals.created_at``, ``reports.created_at``...). States (reversed, appeal status, case
  status) are read as they are when the report is generated.
- One action row is one enforcement decision; ``reversed`` means ``actions.reversed_at`` is set,
  ``live`` is ``actions - reversed``. Headline numbers ("items removed") are live actions, so an
  action undone on appeal never counts as a standing removal, and is shown in ``reversed``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any, Final

from bastion.store.enums import ActionKind, Actor

SCHEMA: Final = "bastion.transparency/1"
MAX_DAYS: Final = 3660
"""A longer window is refused: the daily series would stop being readable, not just slow."""

GROUPS: Final[dict[str, tuple[str, ...]]] = {
    "items_removed": ("remove_content",),
    "links_disabled": ("disable_link",),
    "accounts_warned": ("warn",),
    "accounts_demonetized": ("suspend_monetization", "revoke_monetization"),
    "accounts_suspended": ("temp_suspend",),
    "accounts_banned": ("ban",),
    "lighter_penalties": ("label", "remove_followers", "freeze_followers"),
}
"""Headline penalty groups; every action kind belongs to exactly one."""

GROUP_OF: Final[dict[str, str]] = {kind: g for g, kinds in GROUPS.items() for kind in kinds}
if sorted(GROUP_OF) != sorted(k.value for k in ActionKind):  # pragma: no cover - import guard
    raise RuntimeError("report GROUPS must cover every ActionKind exactly once")

CONTENT_KINDS: Final = ("remove_content", "disable_link", "label")
"""Kinds whose target is the item; the other kinds target the account."""

SOURCES: Final[dict[str, str]] = {
    Actor.AUTOMATION.value: "automated",
    Actor.REPORT.value: "report",
    Actor.REVIEWER.value: "review",
}
"""Detection source of an action, from the type of actor that took it."""

DIMENSIONS: Final = ("reason", "platform", "surface", "source", "detected_by")
NO_REASON: Final = "unspecified"
NO_FINDING: Final = "none"
"""``detected_by`` of an action that cites no violation (a report confirmed by a moderator)."""
NO_SURFACE: Final = "account"
REPORT_OUTCOMES: Final = ("actioned", "reversed", "dismissed", "pending")
APPEAL_STATUSES: Final = ("open", "granted", "denied", "withdrawn")
CLICK_DECISIONS: Final = ("redirect", "warn", "block", "continue", "refuse")
NO_CATEGORY: Final = "none"

DEFINITIONS: Final[dict[str, str]] = {
    "period": "from 00:00 UTC on 'from' up to, not including, 00:00 UTC the day after 'to'",
    "actions": "action rows created in the period (one row = one enforcement decision)",
    "reversed": "of those actions, the ones undone since (actions.reversed_at is set)",
    "live": "actions minus reversed: the decisions still standing (an expired temporary "
    "restriction was served, not undone, so it stays live); headline figures use these",
    "targets": "distinct targets with a live action in the group: items for remove_content, "
    "disable_link and label; accounts for the other kinds",
    "items_removed": "live remove_content actions",
    "links_disabled": "live disable_link actions",
    "accounts_warned": "live warn actions",
    "accounts_demonetized": "live suspend_monetization + revoke_monetization actions",
    "accounts_suspended": "live temp_suspend actions",
    "accounts_banned": "live ban actions",
    "lighter_penalties": "live label + remove_followers + freeze_followers actions",
    "reason": f"category of the violation the action cites; '{NO_REASON}' when it cites none",
    "platform": "slug of the tenant (platform) that owns the action",
    "surface": f"surface of the actioned item; '{NO_SURFACE}' for actions on an account only",
    "source": "automated (automation actor), report (report actor) or review (reviewer actor)",
    "detected_by": "what found the violation the action cites (violations.sources): text (the "
    "item's text), qr (a QR code or barcode in a picture), ocr (text read in a picture), "
    "image_hash (a picture matching a listed hash), provenance (a picture's C2PA or XMP "
    "declaration of AI generation); a violation found by several is counted once, under their "
    f"names joined by '+' (e.g. 'qr+text'); '{NO_FINDING}' when the action cites no violation",
    "reversals_in_period": "actions reversed in the period (reversed_at in the period), "
    "whenever they were taken",
    "time_to_action": "per item whose first action ever falls in the period: that action's "
    "created_at minus the item's created_at; items without created_at are counted as unmeasured",
    "appeals": "appeals filed in the period, by their current status",
    "upheld": "appeals denied: the original action stands",
    "appeal_reversed": "appeals granted: the original action is reversed",
    "reversal_rate": "granted / (granted + denied); null when none is decided",
    "decision_time": "decided_at minus created_at of the decided appeals filed in the period",
    "reports": "user and trusted-flagger reports received in the period",
    "report_outcome": "actioned: a live action on the report's case, item or (account-only "
    "report) account; reversed: such actions exist but all were reversed; dismissed: none, and "
    "the case is decided or closed; pending: otherwise",
    "daily": "actions created on each UTC day of the period (all rows, and how many are reversed)",
    "generated_at": "when the figures were read: every state above is as of this instant",
    "activity": "other rows created in the period: items ingested, violations, strikes, cases, "
    "reviews",
    "percentiles": "median as statistics.median; p90 by nearest rank",
    "link_clicks": "clicks on shim links (/l) on the UTC days of the period, by the category "
    f"the link's site had at click time ('{NO_CATEGORY}' when none) and what the shim did "
    "(redirect, warn, block, continue, refuse); counted with no user, address or full URL",
}


@dataclass(frozen=True, slots=True)
class Period:
    """Whole UTC days, both ends inclusive."""

    date_from: date
    date_to: date

    def __post_init__(self) -> None:
        for value in (self.date_from, self.date_to):
            if not isinstance(value, date) or isinstance(value, datetime):
                raise TypeError(f"period bounds must be dates, got {value!r}")
        if self.date_to < self.date_from:
            raise ValueError(f"period ends ({self.date_to}) before it starts ({self.date_from})")
        if self.days > MAX_DAYS:
            raise ValueError(f"period of {self.days} days exceeds the maximum of {MAX_DAYS}")

    @property
    def start(self) -> datetime:
        return datetime.combine(self.date_from, time.min, tzinfo=UTC)

    @property
    def end(self) -> datetime:
        """Exclusive upper bound: midnight UTC after ``date_to``."""
        return datetime.combine(self.date_to + timedelta(days=1), time.min, tzinfo=UTC)

    @property
    def days(self) -> int:
        return (self.date_to - self.date_from).days + 1


@dataclass(frozen=True, slots=True)
class Tally:
    """Actions taken and how many of them were reversed since."""

    actions: int = 0
    reversed: int = 0

    @property
    def live(self) -> int:
        return self.actions - self.reversed


@dataclass(frozen=True, slots=True)
class GroupStats:
    name: str
    kinds: tuple[str, ...]
    tally: Tally
    targets: int


@dataclass(frozen=True, slots=True)
class Durations:
    """Summary of a set of durations in seconds; ``None`` figures when nothing was measured."""

    measured: int
    median_seconds: float | None
    p90_seconds: float | None
    unmeasured: int = 0


@dataclass(frozen=True, slots=True)
class AppealStats:
    by_status: Mapping[str, int]
    by_group: Mapping[str, Mapping[str, int]]
    decision_time: Durations

    @property
    def filed(self) -> int:
        return sum(self.by_status.values())

    @property
    def granted(self) -> int:
        return self.by_status.get("granted", 0)

    @property
    def upheld(self) -> int:
        return self.by_status.get("denied", 0)

    @property
    def decided(self) -> int:
        return self.granted + self.upheld

    @property
    def reversal_rate(self) -> float | None:
        return None if self.decided == 0 else self.granted / self.decided


@dataclass(frozen=True, slots=True)
class ReportStats:
    received: int
    trusted_flagger: int
    by_reason: Mapping[str, int]
    by_platform: Mapping[str, int]
    outcomes: Mapping[str, int]


@dataclass(frozen=True, slots=True)
class ActivityStats:
    items_ingested: int
    violations_by_category: Mapping[str, int]
    violations_by_mode: Mapping[str, int]
    strikes: Tally
    strikes_by_category: Mapping[str, int]
    cases_opened: int
    reviews_by_decision: Mapping[str, int]


@dataclass(frozen=True, slots=True)
class DailyCount:
    day: date
    tally: Tally


@dataclass(frozen=True, slots=True)
class ClickStats:
    """Shim clicks in the period: ``by_category[category][decision]`` counts."""

    by_category: Mapping[str, Mapping[str, int]] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(sum(row.values()) for row in self.by_category.values())

    def by_decision(self) -> dict[str, int]:
        out = dict.fromkeys(CLICK_DECISIONS, 0)
        for row in self.by_category.values():
            for decision, count in row.items():
                out[decision] = out.get(decision, 0) + count
        return out

    def category_totals(self) -> dict[str, int]:
        return {category: sum(row.values()) for category, row in self.by_category.items()}


@dataclass(frozen=True, slots=True)
class TransparencyStats:
    """Everything the report shows; ``breakdowns[dim][key][group]`` counts live actions."""

    period: Period
    generated_at: datetime
    tenant: str | None
    platforms: Mapping[str, str]
    groups: Mapping[str, GroupStats]
    by_kind: Mapping[str, Tally]
    breakdowns: Mapping[str, Mapping[str, Mapping[str, int]]]
    reversals_in_period: Mapping[str, int]
    time_to_action: Durations
    appeals: AppealStats
    reports: ReportStats
    activity: ActivityStats
    daily: tuple[DailyCount, ...]
    clicks: ClickStats = field(default_factory=ClickStats)

    @property
    def totals(self) -> Tally:
        return Tally(
            sum(t.actions for t in self.by_kind.values()),
            sum(t.reversed for t in self.by_kind.values()),
        )

    def dimension_totals(self, dimension: str) -> dict[str, int]:
        """Live actions per key of one dimension, all groups together."""
        return {key: sum(row.values()) for key, row in self.breakdowns[dimension].items()}

    def as_dict(self) -> dict[str, Any]:
        """The stable JSON form (schema ``bastion.transparency/1``): keys never disappear."""
        return {
            "schema": SCHEMA,
            "period": {
                "from": self.period.date_from.isoformat(),
                "to": self.period.date_to.isoformat(),
                "start": _ts(self.period.start),
                "end_exclusive": _ts(self.period.end),
                "days": self.period.days,
            },
            "generated_at": _ts(self.generated_at),
            "tenant": self.tenant,
            "platforms": dict(self.platforms),
            "definitions": dict(DEFINITIONS),
            "actions": {
                "totals": _tally(self.totals),
                "groups": {
                    name: {**_tally(g.tally), "kinds": list(g.kinds), "targets": g.targets}
                    for name, g in self.groups.items()
                },
                "by_kind": {kind: _tally(t) for kind, t in self.by_kind.items()},
                "breakdowns": {
                    dim: {key: dict(row) for key, row in rows.items()}
                    for dim, rows in self.breakdowns.items()
                },
            },
            "reversals_in_period": dict(self.reversals_in_period),
            "time_to_action": _durations(self.time_to_action),
            "appeals": {
                "filed": self.appeals.filed,
                "decided": self.appeals.decided,
                "upheld": self.appeals.upheld,
                "reversed": self.appeals.granted,
                "reversal_rate": self.appeals.reversal_rate,
                "by_status": dict(self.appeals.by_status),
                "by_group": {g: dict(s) for g, s in self.appeals.by_group.items()},
                "decision_time": _durations(self.appeals.decision_time),
            },
            "reports": {
                "received": self.reports.received,
                "trusted_flagger": self.reports.trusted_flagger,
                "by_reason": dict(self.reports.by_reason),
                "by_platform": dict(self.reports.by_platform),
                "outcomes": dict(self.reports.outcomes),
            },
            "activity": {
                "items_ingested": self.activity.items_ingested,
                "violations": {
                    "total": sum(self.activity.violations_by_category.values()),
                    "by_category": dict(self.activity.violations_by_category),
                    "by_mode": dict(self.activity.violations_by_mode),
                },
                "strikes": {
                    "issued": self.activity.strikes.actions,
                    "reversed": self.activity.strikes.reversed,
                    "live": self.activity.strikes.live,
                    "by_category": dict(self.activity.strikes_by_category),
                },
                "cases_opened": self.activity.cases_opened,
                "reviews": {
                    "total": sum(self.activity.reviews_by_decision.values()),
                    "by_decision": dict(self.activity.reviews_by_decision),
                },
            },
            "daily": [{"date": d.day.isoformat(), **_tally(d.tally)} for d in self.daily],
            "link_clicks": {
                "total": self.clicks.total,
                "by_decision": self.clicks.by_decision(),
                "by_category": {
                    category: dict(row) for category, row in self.clicks.by_category.items()
                },
            },
        }


def _tally(tally: Tally) -> dict[str, int]:
    return {"actions": tally.actions, "reversed": tally.reversed, "live": tally.live}


def _durations(value: Durations) -> dict[str, Any]:
    return {
        "measured": value.measured,
        "unmeasured": value.unmeasured,
        "median_seconds": value.median_seconds,
        "p90_seconds": value.p90_seconds,
    }


def _ts(value: datetime) -> str:
    return value.astimezone(UTC).isoformat().replace("+00:00", "Z")
