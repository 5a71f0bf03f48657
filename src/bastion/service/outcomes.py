"""What ingest reports back per decision and per action (plain data, JSON-ready)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from bastion.enforce.actions import ACTION_TARGET
from bastion.enforce.in_force import HeldAction


def iso(value: datetime | None) -> str | None:
    return None if value is None else value.astimezone(UTC).isoformat().replace("+00:00", "Z")


@dataclass(slots=True)
class ActionTaken:
    """An action on record. ``created`` is False when it was taken by an earlier call."""

    id: int
    kind: str
    expires_at: datetime | None
    created: bool = True
    reversed: bool = False

    @property
    def target(self) -> str:
        return ACTION_TARGET[self.kind]

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "target": self.target,
            "expires_at": iso(self.expires_at),
            "new": self.created,
            "reversed": self.reversed,
        }


@dataclass(slots=True)
class DecisionOutcome:
    """The ladder's decision for one violated category of an item and what came of it.

    ``repeat`` marks a category this item was already enforced for (nothing new was done).
    ``held`` are the account actions not taken because a restriction in force covers them
    (e.g. the account is already banned): the decision says so rather than staying silent.
    """

    category: str
    severity: str
    rule: str
    rules: tuple[str, ...]
    status: str
    strike_number: int = 0
    statement_id: str | None = None
    actions: list[ActionTaken] = field(default_factory=list)
    repeat: bool = False
    held: list[HeldAction] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "category": self.category,
            "severity": self.severity,
            "rule": self.rule,
            "status": self.status,
            "strike": self.strike_number,
            "statement_id": self.statement_id,
            "action_ids": [a.id for a in self.actions],
            "repeat": self.repeat,
            "held": [{"kind": h.kind, "reason": h.reason} for h in self.held],
        }
