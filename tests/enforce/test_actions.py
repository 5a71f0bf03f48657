"""Action vocabulary: durations, inverses, reversal order, expiry and idempotency keys."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pytest

from bastion.enforce.actions import (
    ACTION_KINDS,
    ACTION_TARGET,
    INVERSE,
    TARGETS,
    PlannedAction,
    due_expiries,
    format_duration,
    parse_duration,
    plan_reversal,
    strike_key,
)

NOW = datetime(2026, 11, 20, 10, 0, tzinfo=UTC)


def test_every_action_kind_has_a_target_and_an_inverse() -> None:
    assert set(ACTION_TARGET) == set(ACTION_KINDS) == set(INVERSE)
    assert set(ACTION_TARGET.values()) == set(TARGETS)
    assert {
        "unban",
        "lift_suspension",
        "restore_monetization",
        "restore_followers",
        "restore_content",
        "reenable_link",
        "remove_label",
    } <= set(INVERSE.values())


@pytest.mark.parametrize(
    "text,expected",
    [("12h", timedelta(hours=12)), ("7d", timedelta(days=7)), ("2w", timedelta(days=14))],
)
def test_parse_duration(text: str, expected: timedelta) -> None:
    assert parse_duration(text) == expected
    assert parse_duration(format_duration(expected)) == expected


@pytest.mark.parametrize("text", ["", "7", "d", "7 days", "-1d", "0h", "1.5d", "99999w", "７d"])
def test_parse_duration_rejects(text: str) -> None:
    with pytest.raises(ValueError, match="duration"):
        parse_duration(text)


def test_plan_reversal_undoes_last_first() -> None:
    applied = [
        PlannedAction("remove_content", "content", "strike 3"),
        PlannedAction("temp_suspend", "account", "strike 3", timedelta(days=7), NOW),
        PlannedAction("revoke_monetization", "account", "strike 3"),
    ]
    undo = plan_reversal(applied, reason="appeal 17 upheld")
    assert [(u.kind, u.reverses, u.target) for u in undo] == [
        ("restore_monetization", "revoke_monetization", "account"),
        ("lift_suspension", "temp_suspend", "account"),
        ("restore_content", "remove_content", "content"),
    ]
    assert all(u.reason == "appeal 17 upheld" for u in undo)


@dataclass
class Row:
    """Stands in for a store row: plan_reversal and due_expiries take any such object."""

    id: int
    kind: str
    target: str
    expires_at: datetime | None


def test_store_rows_work_and_unknown_kinds_are_refused() -> None:
    assert plan_reversal([Row(1, "ban", "account", None)])[0].kind == "unban"
    with pytest.raises(ValueError, match="unknown action kind 'shadowban'"):
        plan_reversal([Row(2, "shadowban", "account", None)])


def test_due_expiries_lists_only_lapsed_temporary_actions_oldest_first() -> None:
    rows = [
        Row(1, "temp_suspend", "account", NOW + timedelta(hours=1)),
        Row(2, "temp_suspend", "account", NOW - timedelta(days=1)),
        Row(3, "ban", "account", None),
        Row(4, "suspend_monetization", "account", NOW),
        Row(5, "freeze_followers", "account", NOW - timedelta(days=3)),
    ]
    assert [r.id for r in due_expiries(rows, NOW)] == [5, 2, 4]
    assert [r.id for r in due_expiries(rows, NOW + timedelta(hours=2))] == [5, 2, 4, 1]
    with pytest.raises(ValueError, match="timezone-aware"):
        due_expiries(rows, datetime(2026, 1, 1))


def test_strike_key_is_stable_and_unambiguous() -> None:
    key = strike_key("acme", "u-9", "p-1", "gambling")
    assert key == strike_key("acme", "u-9", "p-1", "gambling")
    assert key.startswith("stk_") and len(key) == 44
    variants = {
        strike_key("acme", "u-9", "p-1", "porn"),
        strike_key("acme", "u-9", "p-2", "gambling"),
        strike_key("acme", "u-8", "p-1", "gambling"),
        strike_key("other", "u-9", "p-1", "gambling"),
        strike_key("acme", "u-9p", "-1", "gambling"),
        strike_key("acme|u-9", "p-1", "x", "gambling"),
    }
    assert key not in variants and len(variants) == 6
    with pytest.raises(ValueError, match="account must be a non-empty string"):
        strike_key("acme", "", "p-1", "gambling")
