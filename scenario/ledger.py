"""The run's own bookkeeping, from what each service call returned.

It is the third witness in the final check: the transparency report (``bastion.report``), plain
SQL over the store (``scenario.check``) and this ledger must agree on every headline figure. The
ledger never reads the store; it only adds up return values (ingest outcomes, case outcomes,
appeal outcomes and their reversals), so a figure that is wrong in the store cannot agree here.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from bastion.enforce.actions import ACTION_TARGET
from bastion.report.schema import GROUP_OF, GROUPS, SOURCES


@dataclass(slots=True)
class ActionFact:
    kind: str
    actor: str
    reason: str
    surface: str


@dataclass(slots=True)
class Decision:
    """One decision that may be appealed: an action id of it, who may appeal, was it wrong."""

    action_id: int
    account: str
    wrong: bool
    day: int


@dataclass(slots=True)
class Ledger:
    actions: dict[int, ActionFact] = field(default_factory=dict)
    reversed: set[int] = field(default_factory=set)
    strikes: int = 0
    strikes_reversed: int = 0
    items: Counter[str] = field(default_factory=Counter)
    refused: Counter[str] = field(default_factory=Counter)
    dirty_items: int = 0
    dirty_acted: int = 0
    dirty_queued: int = 0
    clean_acted: int = 0
    campaign_items: int = 0
    campaign_actions: int = 0
    campaign_links: int = 0
    campaign_accounts: set[int] = field(default_factory=set)
    reports: Counter[str] = field(default_factory=Counter)
    report_reasons: Counter[str] = field(default_factory=Counter)
    reviews: Counter[str] = field(default_factory=Counter)
    appeals: Counter[str] = field(default_factory=Counter)
    lifted: int = 0
    decisions: list[Decision] = field(default_factory=list)

    def action(self, action_id: int, kind: str, actor: str, reason: str, surface: str) -> None:
        if action_id in self.actions:
            raise RuntimeError(f"action {action_id} reported as new twice")
        self.actions[action_id] = ActionFact(kind, actor, reason, surface)

    def reverse(self, action_ids: list[int]) -> None:
        for action_id in action_ids:
            if action_id not in self.actions:
                raise RuntimeError(f"reversal of action {action_id} the ledger never saw")
            if action_id in self.reversed:
                raise RuntimeError(f"action {action_id} reversed twice")
            self.reversed.add(action_id)

    def by_kind(self) -> dict[str, dict[str, int]]:
        out = {k: {"actions": 0, "reversed": 0} for k in GROUP_OF}
        for action_id, fact in self.actions.items():
            out[fact.kind]["actions"] += 1
            out[fact.kind]["reversed"] += action_id in self.reversed
        return out

    def groups_live(self) -> dict[str, int]:
        kinds = self.by_kind()
        return {
            g: sum(kinds[k]["actions"] - kinds[k]["reversed"] for k in ks)
            for g, ks in GROUPS.items()
        }

    def breakdown(self, dimension: str) -> dict[str, int]:
        """Live actions per reason, surface or source (all groups together)."""
        out: Counter[str] = Counter()
        for action_id, fact in self.actions.items():
            if action_id in self.reversed:
                continue
            key = {
                "reason": fact.reason,
                "surface": fact.surface,
                "source": SOURCES[fact.actor],
            }[dimension]
            out[key] += 1
        return dict(out)

    def account_actions(self) -> int:
        return sum(1 for f in self.actions.values() if ACTION_TARGET[f.kind] == "account")

    def summary(self) -> dict[str, Any]:
        return {
            "items_ingested": dict(sorted(self.items.items())),
            "posts_refused_restricted_author": dict(sorted(self.refused.items())),
            "dirty_items": self.dirty_items,
            "dirty_acted_at_ingest": self.dirty_acted,
            "dirty_queued_for_review": self.dirty_queued,
            "clean_acted_at_ingest": self.clean_acted,
            "actions": len(self.actions),
            "actions_reversed": len(self.reversed),
            "strikes": self.strikes,
            "strikes_reversed": self.strikes_reversed,
            "reports": dict(sorted(self.reports.items())),
            "reviews": dict(sorted(self.reviews.items())),
            "appeals": dict(sorted(self.appeals.items())),
            "restrictions_lifted": self.lifted,
        }
