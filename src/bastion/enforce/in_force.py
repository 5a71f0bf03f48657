"""Account restrictions already in force, and which planned account actions they make redundant.

A later finding on an account that is already banned still removes the content and still adds
a strike, but it does not ban the account again: the ban in force covers it. Likewise a
temporary restriction is not taken again while an equal or longer one of the same kind runs,
and monetization is not revoked twice; a stronger step (a longer suspension, a ban) is still
taken. Once a restriction is reversed or has expired it no longer covers anything, so later
findings act again as the ladder says. Pure data and functions; the store reads the rows.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Final

from bastion.enforce.actions import ACTION_TARGET, PlannedAction, format_duration

COVERING_KINDS: Final = (
    "ban",
    "temp_suspend",
    "revoke_monetization",
    "suspend_monetization",
    "freeze_followers",
)
"""The account actions that restrict for a while (or for good) and so can cover a later one.
A warning or a follower removal is a one-off event: only a ban covers it."""


@dataclass(slots=True, frozen=True)
class Restriction:
    """An account action on record, unreversed and unexpired at decision time.

    ``duration`` and ``expires_at`` are None for a restriction without an end (a ban, a
    revocation, an undated monetization suspension or follower freeze).
    """

    kind: str
    duration: timedelta | None = None
    expires_at: datetime | None = None

    def __post_init__(self) -> None:
        if self.kind not in COVERING_KINDS:
            raise ValueError(f"{self.kind!r} is not one of {', '.join(COVERING_KINDS)}")


@dataclass(slots=True, frozen=True)
class HeldAction:
    """An account action the ladder's step names that is not taken, and why: an equal or
    stronger restriction is already in force (``reason``, e.g. "account already banned")."""

    kind: str
    reason: str
    duration: timedelta | None = None


def holding_reason(action: PlannedAction, in_force: Sequence[Restriction]) -> str | None:
    """Why ``action`` need not be taken given the restrictions ``in_force``, or None to take it.

    Content actions are never held: each item is acted on for itself.
    """
    if ACTION_TARGET[action.kind] != "account" or not in_force:
        return None
    kinds = {r.kind for r in in_force}
    if "ban" in kinds:
        return "account already banned"
    if action.kind in ("revoke_monetization", "suspend_monetization") and (
        "revoke_monetization" in kinds
    ):
        return "monetization already revoked"
    if action.kind not in COVERING_KINDS:
        return None
    for restriction in in_force:
        if restriction.kind == action.kind and _covers(restriction, action):
            return f"{_describe(restriction)} already in force"
    return None


def _covers(restriction: Restriction, action: PlannedAction) -> bool:
    """The restriction in force lasts at least as long as the new one would, or the new one
    is no longer a step than it (same kind, equal or shorter duration)."""
    if restriction.expires_at is None:
        return True
    if action.expires_at is None:
        return False
    if restriction.expires_at >= action.expires_at:
        return True
    return (
        restriction.duration is not None
        and action.duration is not None
        and restriction.duration >= action.duration
    )


def _describe(restriction: Restriction) -> str:
    name = restriction.kind
    if restriction.duration is not None:
        name += f" {format_duration(restriction.duration)}"
    if restriction.expires_at is not None:
        until = restriction.expires_at.astimezone(UTC).isoformat().replace("+00:00", "Z")
        name += f" until {until}"
    return name


def restriction_of(action: PlannedAction) -> Restriction | None:
    """The restriction a newly taken account action puts in force (None for a one-off)."""
    if action.kind not in COVERING_KINDS:
        return None
    return Restriction(action.kind, action.duration, action.expires_at)
