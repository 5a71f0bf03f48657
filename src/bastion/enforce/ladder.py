"""The penalty ladder: repeat offences within a decay window escalate from a warning to a ban.

Configured in YAML (``src/bastion/policies/ladder.yaml``) per violation category and severity,
with a ``default`` ladder for everything else. ``Ladder.decide`` is pure: it takes the violation,
the item's outcome and the account's prior strikes and returns the actions to apply now.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from importlib import resources
from pathlib import Path
from typing import Final

from bastion.enforce.actions import (
    ACTION_TARGET,
    ActionStep,
    PlannedAction,
    require_aware,
)
from bastion.enforce.in_force import HeldAction, Restriction, holding_reason
from bastion.enforce.ladder_config import COUNT_SCOPES, LadderError, LadderSpec, parse_ladder
from bastion.model import OUTCOMES, SEVERITIES, Violation

STATUSES: Final = ("act", "allow", "review", "shadow")

__all__ = [
    "COUNT_SCOPES",
    "STATUSES",
    "Decision",
    "HeldAction",
    "Ladder",
    "LadderError",
    "StrikeRecord",
]


@dataclass(slots=True, frozen=True)
class StrikeRecord:
    """A strike already on the account, as the store hands it over."""

    category: str
    severity: str
    created_at: datetime
    reversed: bool = False


@dataclass(slots=True, frozen=True)
class Decision:
    """What to do about one violation now.

    ``status`` is ``act`` (actions and a strike), ``allow`` (nothing), ``review`` (queued for a
    human, no strike, no action) or ``shadow`` (recorded only). ``strike_number`` is the position
    of the new strike among the active ones (1 = first), 0 when no strike is added. ``held``
    are the account actions of the step not taken because an equal or stronger restriction is
    already in force (the strike is still added and the content still acted on).
    """

    status: str
    actions: tuple[PlannedAction, ...]
    adds_strike: bool
    strike_number: int
    category: str
    severity: str
    ladder: str
    rule: str
    held: tuple[HeldAction, ...] = ()

    @property
    def kinds(self) -> tuple[str, ...]:
        return tuple(a.kind for a in self.actions)


class Ladder:
    """A validated ladder configuration. Build with ``load``, ``from_text`` or ``default``."""

    __slots__ = ("_spec", "digest", "source")

    def __init__(self, spec: LadderSpec, source: str, digest: str) -> None:
        self._spec = spec
        self.source = source
        self.digest = digest

    @classmethod
    def from_text(cls, text: str, source: str = "<string>") -> Ladder:
        spec = parse_ladder(text, source)
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
        return cls(spec, source, digest)

    @classmethod
    def load(cls, path: str | Path) -> Ladder:
        """Read and validate a ladder file; raise LadderError naming file, line, key and choices."""
        path = Path(path)
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise LadderError([f"{path}: ladder file not found"]) from None
        except (OSError, UnicodeDecodeError) as exc:
            raise LadderError([f"{path}: cannot read ladder file: {exc}"]) from None
        return cls.from_text(text, str(path))

    @classmethod
    def default(cls) -> Ladder:
        """The ladder shipped in the package (``bastion/policies/ladder.yaml``)."""
        ref = resources.files("bastion").joinpath("policies", "ladder.yaml")
        return cls.from_text(ref.read_text(encoding="utf-8"), "bastion/policies/ladder.yaml")

    @property
    def version(self) -> int:
        return self._spec.version

    @property
    def count(self) -> str:
        return self._spec.count

    @property
    def categories(self) -> tuple[str, ...]:
        return tuple(self._spec.ladders)

    def decay_for(self, category: str) -> timedelta:
        override = self._spec.decay_overrides.get(category)
        return override if override is not None else self._spec.decay

    def steps_for(
        self, category: str, severity: str
    ) -> tuple[str, tuple[tuple[ActionStep, ...], ...]]:
        """(ladder key used, steps) for a category and severity, falling back to ``default``."""
        if severity not in SEVERITIES:
            raise ValueError(f"severity {severity!r} is not one of {', '.join(SEVERITIES)}")
        rows = self._spec.ladders.get(category)
        if rows is not None and severity in rows:
            return category, rows[severity]
        return "default", self._spec.ladders["default"][severity]

    def active_strikes(
        self, category: str, prior_strikes: Sequence[StrikeRecord], now: datetime
    ) -> list[StrikeRecord]:
        """Unreversed strikes inside the decay window that count towards ``category``."""
        require_aware(now, "now")
        since = now - self.decay_for(category)
        out = []
        for strike in prior_strikes:
            created = require_aware(strike.created_at, "StrikeRecord.created_at")
            if strike.reversed or created <= since:
                continue
            if self._spec.count == "category" and strike.category != category:
                continue
            out.append(strike)
        return out

    def decide(
        self,
        violation: Violation,
        content_outcome: str | None,
        prior_strikes: Sequence[StrikeRecord],
        now: datetime,
        *,
        confirmed: bool = False,
        in_force: Sequence[Restriction] = (),
    ) -> Decision:
        """Plan the actions for ``violation`` given the account's history.

        ``content_outcome`` is the item's outcome (the strongest of its violations); ``None`` means
        use the violation's own. Shadow violations and ``review``/``allow`` outcomes never strike;
        a ``label`` violation is labelled, without a strike, unless a person ``confirmed`` it:
        then it climbs the category's ladder like any other, its content floor staying a label.
        A ``remove`` or ``disable_link`` outcome always yields at least that content action, even
        when the ladder step holds only account actions. An account action already covered by a
        restriction ``in_force`` (see ``bastion.enforce.in_force``) is held, not planned.
        """
        require_aware(now, "now")
        outcome = violation.outcome if content_outcome is None else content_outcome
        for name, value in (("content_outcome", outcome), ("violation.outcome", violation.outcome)):
            if value not in OUTCOMES:
                raise ValueError(f"{name} {value!r} is not one of {', '.join(OUTCOMES)}")
        key, steps = self.steps_for(violation.category, violation.severity)

        def quiet(status: str) -> Decision:
            return Decision(
                status, (), False, 0, violation.category, violation.severity, key, violation.rule
            )

        if violation.mode == "shadow":
            return quiet("shadow")
        if violation.mode != "enforce":
            raise ValueError(f"violation.mode {violation.mode!r} is not one of enforce, shadow")
        if violation.outcome == "label" and not confirmed:
            # A label informs; it is no penalty: no strike, no ladder step, whatever else the
            # item holds (a removal decided for another category happens on its own).
            why = f"{violation.category}/{violation.severity} label (rule {violation.rule})"
            return Decision(
                "act",
                (PlannedAction("label", ACTION_TARGET["label"], why),),
                False,
                0,
                violation.category,
                violation.severity,
                key,
                violation.rule,
            )
        if "allow" in (outcome, violation.outcome):
            return quiet("allow")
        if "review" in (outcome, violation.outcome):
            return quiet("review")

        number = len(self.active_strikes(violation.category, prior_strikes, now)) + 1
        step = steps[min(number, len(steps)) - 1]
        why = f"{violation.category}/{violation.severity} strike {number} (rule {violation.rule})"
        planned = [_plan(s, why, now) for s in step]
        planned = _ensure_content_action(planned, outcome, violation.rule)
        held = []
        if in_force:
            kept = []
            for action in planned:
                reason = holding_reason(action, in_force)
                if reason is None:
                    kept.append(action)
                else:
                    held.append(HeldAction(action.kind, reason, action.duration))
            planned = kept
        return Decision(
            "act",
            tuple(planned),
            True,
            number,
            violation.category,
            violation.severity,
            key,
            violation.rule,
            tuple(held),
        )


def _plan(step: ActionStep, reason: str, now: datetime) -> PlannedAction:
    expires = now + step.duration if step.duration is not None else None
    return PlannedAction(step.kind, ACTION_TARGET[step.kind], reason, step.duration, expires)


def _ensure_content_action(
    planned: list[PlannedAction], outcome: str, rule: str
) -> list[PlannedAction]:
    """The item's own outcome is a floor: removal subsumes disabling the link inside it."""
    kinds = {a.kind for a in planned}
    why = f"content outcome {outcome} (rule {rule})"
    if outcome == "remove":
        planned = [a for a in planned if a.kind != "disable_link"]
        if "remove_content" not in kinds:
            planned.insert(0, PlannedAction("remove_content", "content", why))
    elif outcome == "disable_link" and not kinds & {"disable_link", "remove_content"}:
        planned.insert(0, PlannedAction("disable_link", "link", why))
    elif outcome == "label" and "label" not in kinds:
        planned.insert(0, PlannedAction("label", "content", why))
    return planned
