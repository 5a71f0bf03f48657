"""Enforcement actions, their inverses and expiry: the vocabulary the ladder plans in.

Plain data only. The store persists applied actions in its own rows; the functions here accept any
object with the attributes they read (see ``ActionLike``), so rows can be passed in as they are.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Final, Protocol, TypeVar

ACTION_KINDS: Final = (
    "remove_content",
    "disable_link",
    "label",
    "warn",
    "remove_followers",
    "freeze_followers",
    "suspend_monetization",
    "revoke_monetization",
    "temp_suspend",
    "ban",
)
"""Everything the ladder can order. Content actions first, then account actions by weight."""

TARGETS: Final = ("content", "link", "account")

ACTION_TARGET: Final[dict[str, str]] = {
    "remove_content": "content",
    "disable_link": "link",
    "label": "content",
    "warn": "account",
    "remove_followers": "account",
    "freeze_followers": "account",
    "suspend_monetization": "account",
    "revoke_monetization": "account",
    "temp_suspend": "account",
    "ban": "account",
}

INVERSE: Final[dict[str, str]] = {
    "remove_content": "restore_content",
    "disable_link": "reenable_link",
    "label": "remove_label",
    "warn": "retract_warning",
    "remove_followers": "restore_followers",
    "freeze_followers": "restore_followers",
    "suspend_monetization": "restore_monetization",
    "revoke_monetization": "restore_monetization",
    "temp_suspend": "lift_suspension",
    "ban": "unban",
}
"""Every action can be undone on appeal; a reversal is planned from this table, never improvised."""

DURATION_REQUIRED: Final = frozenset({"temp_suspend"})
DURATION_ALLOWED: Final = frozenset({"temp_suspend", "suspend_monetization", "freeze_followers"})
"""Only restrictions that are temporary by nature may carry a duration; a ban never expires."""

CONTENT_KINDS: Final = frozenset({"remove_content", "disable_link", "label"})

_DURATION = re.compile(r"([0-9]{1,5})([hdw])")
_UNIT_HOURS: Final = {"h": 1, "d": 24, "w": 24 * 7}
MAX_DURATION: Final = timedelta(days=3650)


def parse_duration(text: str) -> timedelta:
    """``"7d"`` -> 7 days. Units h, d, w; the whole string must match. Raises ValueError."""
    match = _DURATION.fullmatch(text.strip()) if isinstance(text, str) else None
    if match is None:
        raise ValueError(f"duration {text!r} must be a number with unit h, d or w (e.g. 12h, 7d)")
    amount = int(match.group(1))
    if amount == 0:
        raise ValueError(f"duration {text!r} must be positive")
    value = timedelta(hours=amount * _UNIT_HOURS[match.group(2)])
    if value > MAX_DURATION:
        raise ValueError(f"duration {text!r} exceeds the maximum of 3650d")
    return value


def format_duration(value: timedelta) -> str:
    """Inverse of ``parse_duration`` for whole hours: 168h -> '7d'."""
    hours = int(value.total_seconds()) // 3600
    if hours % 24 == 0:
        return f"{hours // 24}d"
    return f"{hours}h"


def require_aware(value: datetime, name: str) -> datetime:
    """Naive datetimes silently shift by the server's zone; refuse them at the edge."""
    if not isinstance(value, datetime):
        raise TypeError(f"{name} must be a datetime, got {type(value).__name__}")
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"{name} must be timezone-aware (e.g. datetime.now(UTC))")
    return value


@dataclass(slots=True, frozen=True)
class ActionStep:
    """One action of a ladder step as configured: kind plus optional duration."""

    kind: str
    duration: timedelta | None = None


@dataclass(slots=True, frozen=True)
class PlannedAction:
    """An action to apply now. ``expires_at`` is set for temporary restrictions."""

    kind: str
    target: str
    reason: str
    duration: timedelta | None = None
    expires_at: datetime | None = None

    @property
    def inverse(self) -> str:
        return INVERSE[self.kind]


@dataclass(slots=True, frozen=True)
class PlannedReversal:
    """The undo of one applied action, e.g. ``lift_suspension`` for ``temp_suspend``."""

    kind: str
    reverses: str
    target: str
    reason: str


class ActionLike(Protocol):
    """What reversal and expiry need from an applied action (a PlannedAction or a store row)."""

    @property
    def kind(self) -> str: ...

    @property
    def target(self) -> str: ...

    @property
    def expires_at(self) -> datetime | None: ...


A = TypeVar("A", bound=ActionLike)


def plan_reversal(
    actions: Sequence[ActionLike], reason: str = "appeal upheld"
) -> list[PlannedReversal]:
    """Inverses of ``actions``, last applied first, so account restrictions lift before content
    is restored and a ban is undone before the suspension it escalated from."""
    out: list[PlannedReversal] = []
    for action in reversed(actions):
        inverse = INVERSE.get(action.kind)
        if inverse is None:
            raise ValueError(
                f"unknown action kind {action.kind!r}; valid: {', '.join(ACTION_KINDS)}"
            )
        out.append(PlannedReversal(inverse, action.kind, action.target, reason))
    return out


def due_expiries(actions: Iterable[A], now: datetime) -> list[A]:
    """Temporary restrictions whose ``expires_at`` has passed, oldest first: lift these now."""
    require_aware(now, "now")
    due = [a for a in actions if a.expires_at is not None and a.expires_at <= now]
    due.sort(key=lambda a: a.expires_at or now)
    return due


def strike_key(tenant: str, account: str, item: str, category: str) -> str:
    """Stable idempotency key: the same item can strike the same account once per category, even
    when a scan is retried or replayed. Fields are length-prefixed so ('a|b','c') != ('a','b|c')."""
    parts = (("tenant", tenant), ("account", account), ("item", item), ("category", category))
    digest = hashlib.sha256()
    for name, value in parts:
        if not isinstance(value, str) or not value:
            raise ValueError(f"strike_key: {name} must be a non-empty string")
        raw = value.encode("utf-8")
        digest.update(len(raw).to_bytes(4, "big"))
        digest.update(raw)
    return "stk_" + digest.hexdigest()[:40]
