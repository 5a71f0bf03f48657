"""The store's column vocabularies are the scan core's and the ladder's, letter for letter."""

from __future__ import annotations

from bastion.enforce.actions import ACTION_KINDS
from bastion.model import OUTCOMES, SEVERITIES, VERDICTS
from bastion.store.enums import ActionKind, Outcome, Severity, Verdict


def test_store_enums_match_the_shared_vocabulary() -> None:
    assert tuple(ActionKind) == ACTION_KINDS
    assert tuple(Verdict) == VERDICTS
    assert tuple(Outcome) == OUTCOMES
    assert tuple(Severity) == SEVERITIES
