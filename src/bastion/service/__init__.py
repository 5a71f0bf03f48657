"""The enforcement service: stateful operations over the store (ingest, campaigns, notices...).

Functions take an open ``Session`` and run inside the caller's transaction, so the API, the CLI
and batch jobs decide the unit of work; nothing here commits.
"""

from bastion.service.actions import (
    AuditBatch,
    StateChange,
    lift_due_suspensions,
    recompute_account,
    recompute_item,
)
from bastion.service.ingest import (
    ActionTaken,
    DecisionOutcome,
    EnforcementOutcome,
    enforce_batch,
    enforce_result,
)

__all__ = [
    "ActionTaken",
    "AuditBatch",
    "DecisionOutcome",
    "EnforcementOutcome",
    "StateChange",
    "enforce_batch",
    "enforce_result",
    "lift_due_suspensions",
    "recompute_account",
    "recompute_item",
]
