"""Enforcement: the penalty ladder, statements of reasons and signed webhook notices.

Pure logic on plain data: no database, no clock of its own (``now`` is always passed in). The
store and API layers persist strikes and actions and call these functions to decide what to do.
"""

from bastion.enforce.actions import (
    ACTION_KINDS,
    INVERSE,
    PlannedAction,
    PlannedReversal,
    due_expiries,
    parse_duration,
    plan_reversal,
    strike_key,
)
from bastion.enforce.in_force import HeldAction, Restriction
from bastion.enforce.ladder import Decision, Ladder, LadderError, StrikeRecord
from bastion.enforce.reasons import (
    NotReportable,
    ReasonsConfig,
    StatementOfReasons,
    build_statement,
    to_dsa,
)
from bastion.enforce.webhooks import DeliveryOutcome, deliver, next_attempt, sign, verify

__all__ = [
    "ACTION_KINDS",
    "INVERSE",
    "Decision",
    "DeliveryOutcome",
    "HeldAction",
    "Ladder",
    "LadderError",
    "NotReportable",
    "PlannedAction",
    "PlannedReversal",
    "ReasonsConfig",
    "Restriction",
    "StatementOfReasons",
    "StrikeRecord",
    "build_statement",
    "deliver",
    "due_expiries",
    "next_attempt",
    "parse_duration",
    "plan_reversal",
    "sign",
    "strike_key",
    "to_dsa",
    "verify",
]
