"""Penalty ladder decisions: escalation, decay, reversal, shadow/review, content floor."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bastion.enforce.ladder import Ladder, StrikeRecord
from bastion.model import Violation

NOW = datetime(2026, 11, 20, 10, 0, tzinfo=UTC)

GAMBLING = """\
version: 1
decay: 90d
ladders:
  default:
    low: [warn]
    medium: [warn]
    high: [[warn], [temp_suspend: 1d]]
    critical: [ban]
  gambling:
    high:
      - [disable_link, warn]
      - [disable_link, suspend_monetization]
      - [remove_content, temp_suspend: 7d]
      - [ban]
  scam:
    decay: 10d
    high: [warn, [temp_suspend: 2d], ban]
"""


@pytest.fixture
def ladder() -> Ladder:
    return Ladder.from_text(GAMBLING, "test.yaml")


def violation(
    category: str = "gambling",
    severity: str = "high",
    outcome: str = "disable_link",
    mode: str = "enforce",
) -> Violation:
    return Violation("link.listed", category, severity, 1.0, outcome, [0], mode)


def strike(days_ago: float, category: str = "gambling", reversed_: bool = False) -> StrikeRecord:
    return StrikeRecord(category, "high", NOW - timedelta(days=days_ago), reversed_)


def test_gambling_high_escalates_through_four_strikes(ladder: Ladder) -> None:
    history: list[StrikeRecord] = []
    seen = []
    for day in range(5):
        now = NOW + timedelta(days=day)
        decision = ladder.decide(violation(), "disable_link", history, now)
        assert decision.status == "act" and decision.adds_strike
        assert decision.strike_number == day + 1
        seen.append(decision.kinds)
        history.append(StrikeRecord("gambling", "high", now))
    assert seen == [
        ("disable_link", "warn"),
        ("disable_link", "suspend_monetization"),
        ("remove_content", "temp_suspend"),
        ("disable_link", "ban"),
        ("disable_link", "ban"),
    ]


def test_third_strike_suspension_expires_after_seven_days(ladder: Ladder) -> None:
    decision = ladder.decide(violation(), "disable_link", [strike(3), strike(2)], NOW)
    suspend = next(a for a in decision.actions if a.kind == "temp_suspend")
    assert suspend.target == "account"
    assert suspend.duration == timedelta(days=7)
    assert suspend.expires_at == NOW + timedelta(days=7)
    removal = next(a for a in decision.actions if a.kind == "remove_content")
    assert removal.expires_at is None and removal.target == "content"
    assert "strike 3" in suspend.reason and "link.listed" in suspend.reason


def test_strikes_older_than_the_decay_window_do_not_count(ladder: Ladder) -> None:
    old = [strike(90), strike(120), strike(365)]
    assert ladder.decide(violation(), "disable_link", old, NOW).strike_number == 1
    mixed = [strike(89.9), strike(91)]
    assert ladder.decide(violation(), "disable_link", mixed, NOW).strike_number == 2


def test_category_decay_override(ladder: Ladder) -> None:
    assert ladder.decay_for("scam") == timedelta(days=10)
    assert ladder.decay_for("gambling") == timedelta(days=90)
    scams = [strike(9, "scam"), strike(11, "scam")]
    decision = ladder.decide(violation("scam", outcome="remove"), "remove", scams, NOW)
    assert decision.strike_number == 2
    assert decision.kinds == ("remove_content", "temp_suspend")


def test_reversed_strikes_do_not_count(ladder: Ladder) -> None:
    history = [strike(1, reversed_=True), strike(2, reversed_=True), strike(3)]
    decision = ladder.decide(violation(), "disable_link", history, NOW)
    assert decision.strike_number == 2
    assert decision.kinds == ("disable_link", "suspend_monetization")


def test_other_categories_count_only_with_account_scope() -> None:
    per_category = Ladder.from_text(GAMBLING, "a.yaml")
    per_account = Ladder.from_text(GAMBLING.replace("decay: 90d", "decay: 90d\ncount: account"))
    others = [strike(1, "porn"), strike(2, "scam")]
    assert per_category.decide(violation(), None, others, NOW).strike_number == 1
    assert per_account.decide(violation(), None, others, NOW).strike_number == 3


@pytest.mark.parametrize("mode,outcome", [("shadow", "remove"), ("shadow", "disable_link")])
def test_shadow_mode_never_strikes_or_acts(ladder: Ladder, mode: str, outcome: str) -> None:
    decision = ladder.decide(violation(mode=mode, outcome=outcome), outcome, [], NOW)
    assert decision.status == "shadow"
    assert decision.actions == () and not decision.adds_strike and decision.strike_number == 0


@pytest.mark.parametrize(
    "own,content,status",
    [
        ("review", "review", "review"),
        ("disable_link", "review", "review"),
        ("review", "remove", "review"),
        ("allow", "allow", "allow"),
        ("disable_link", "allow", "allow"),
    ],
)
def test_review_and_allow_never_strike(ladder: Ladder, own: str, content: str, status: str) -> None:
    decision = ladder.decide(violation(outcome=own), content, [strike(1)], NOW)
    assert decision.status == status
    assert decision.actions == () and not decision.adds_strike


def test_remove_outcome_is_a_floor_even_for_account_only_steps(ladder: Ladder) -> None:
    decision = ladder.decide(violation("porn", "low", "remove"), "remove", [], NOW)
    assert decision.ladder == "default"
    assert decision.kinds == ("remove_content", "warn")
    assert "content outcome remove" in decision.actions[0].reason


def test_remove_outcome_subsumes_disable_link(ladder: Ladder) -> None:
    decision = ladder.decide(violation(outcome="remove"), "remove", [], NOW)
    assert decision.kinds == ("remove_content", "warn")


def test_disable_link_outcome_adds_link_action_when_step_lacks_it(ladder: Ladder) -> None:
    decision = ladder.decide(violation("porn", "medium"), "disable_link", [], NOW)
    assert decision.kinds == ("disable_link", "warn")
    assert decision.actions[0].target == "link"


def test_content_outcome_none_uses_the_violation_outcome(ladder: Ladder) -> None:
    assert ladder.decide(violation(outcome="remove"), None, [], NOW).kinds[0] == "remove_content"


def test_unknown_category_and_missing_severity_fall_back_to_default(ladder: Ladder) -> None:
    assert ladder.steps_for("crypto_pump", "high")[0] == "default"
    assert ladder.steps_for("gambling", "critical")[0] == "default"
    assert ladder.steps_for("gambling", "high")[0] == "gambling"
    decision = ladder.decide(violation("gambling", "critical", "remove"), "remove", [], NOW)
    assert decision.kinds == ("remove_content", "ban")


def test_bad_inputs_are_refused(ladder: Ladder) -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        ladder.decide(violation(), None, [], datetime(2026, 1, 1))
    with pytest.raises(ValueError, match="timezone-aware"):
        naive = StrikeRecord("gambling", "high", datetime(2026, 1, 1))
        ladder.decide(violation(), None, [naive], NOW)
    with pytest.raises(ValueError, match="severity 'huge'"):
        ladder.decide(violation(severity="huge"), None, [], NOW)
    with pytest.raises(ValueError, match="content_outcome 'ban'"):
        ladder.decide(violation(), "ban", [], NOW)
    with pytest.raises(ValueError, match="mode 'dry'"):
        ladder.decide(violation(mode="dry"), None, [], NOW)


def test_shipped_default_ladder_loads_and_matches_the_brief(tmp_path: Path) -> None:
    shipped = Ladder.default()
    assert shipped.version == 1
    assert set(shipped.categories) >= {"default", "gambling", "porn", "scam", "phishing"}
    kinds = []
    history: list[StrikeRecord] = []
    for _ in range(4):
        decision = shipped.decide(violation(), "disable_link", history, NOW)
        kinds.append(decision.kinds)
        history.append(StrikeRecord("gambling", "high", NOW))
    assert kinds[0] == ("disable_link", "warn")
    assert kinds[2] == ("remove_content", "temp_suspend")
    assert "ban" in kinds[3]
    copy = tmp_path / "ladder.yaml"
    source = Path(__file__).resolve().parents[2] / "src/bastion/policies/ladder.yaml"
    copy.write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    assert Ladder.load(copy).digest == shipped.digest
