"""Restrictions in force: a later finding acts on the content, but an account action already
covered (a ban, an equal or longer suspension, a revocation) is held and said so, not repeated."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bastion.enforce.actions import PlannedAction
from bastion.enforce.in_force import HeldAction, Restriction, holding_reason, restriction_of
from bastion.enforce.ladder import Ladder, StrikeRecord
from bastion.enforce.reasons import ReasonsConfig, build_statement, describe_facts, to_dsa
from bastion.model import Entity, ScanResult, Violation

NOW = datetime(2026, 11, 20, 10, 0, tzinfo=UTC)
DAY = timedelta(days=1)

LADDER = """\
version: 1
decay: 90d
ladders:
  default:
    low: [warn]
    medium: [[warn], [temp_suspend: 3d], [temp_suspend: 7d]]
    high: [[warn], [remove_content, revoke_monetization], [temp_suspend: 7d], [ban]]
    critical: [[remove_content, ban]]
"""


@pytest.fixture
def ladder() -> Ladder:
    return Ladder.from_text(LADDER, "test.yaml")


def violation(severity: str = "critical", outcome: str = "remove") -> Violation:
    return Violation("link.listed", "phishing", severity, 1.0, outcome, [0], "enforce")


def strikes(n: int, severity: str = "critical") -> list[StrikeRecord]:
    return [StrikeRecord("phishing", severity, NOW - timedelta(hours=h + 1)) for h in range(n)]


def suspend(days: int, started: datetime = NOW) -> PlannedAction:
    length = timedelta(days=days)
    return PlannedAction("temp_suspend", "account", "", length, started + length)


def test_a_ban_in_force_holds_every_account_action_but_no_content_action(ladder: Ladder) -> None:
    decision = ladder.decide(violation(), "remove", strikes(1), NOW, in_force=[Restriction("ban")])
    assert decision.status == "act" and decision.adds_strike and decision.strike_number == 2
    assert decision.kinds == ("remove_content",)
    assert decision.held == (HeldAction("ban", "account already banned"),)
    for kind in ("warn", "remove_followers", "revoke_monetization", "freeze_followers"):
        action = PlannedAction(kind, "account", "")
        assert holding_reason(action, [Restriction("ban")]) == "account already banned"
    for kind, target in (("remove_content", "content"), ("disable_link", "link")):
        assert holding_reason(PlannedAction(kind, target, ""), [Restriction("ban")]) is None


def test_nothing_in_force_plans_the_step_as_before(ladder: Ladder) -> None:
    plain = ladder.decide(violation(), "remove", strikes(1), NOW)
    assert plain == ladder.decide(violation(), "remove", strikes(1), NOW, in_force=())
    assert plain.kinds == ("remove_content", "ban") and plain.held == ()


def test_a_suspension_is_never_repeated_while_an_equal_or_longer_one_runs(ladder: Ladder) -> None:
    running = [Restriction("temp_suspend", 7 * DAY, NOW - DAY + 7 * DAY)]  # 6 days left
    same = ladder.decide(violation("high"), "remove", strikes(2, "high"), NOW, in_force=running)
    assert same.kinds == ("remove_content",)
    assert [h.kind for h in same.held] == ["temp_suspend"]
    assert "temp_suspend 7d until 2026-11-26T10:00:00Z already in force" in same.held[0].reason
    # A shorter one running: the ladder's longer step is an escalation and is taken.
    short = [Restriction("temp_suspend", 3 * DAY, NOW + 2 * DAY)]
    longer = ladder.decide(violation("medium"), "remove", strikes(2, "medium"), NOW, in_force=short)
    assert longer.kinds == ("remove_content", "temp_suspend") and longer.held == ()
    # A ban is stronger than any suspension: it is taken while one runs.
    ban = ladder.decide(violation("high"), "remove", strikes(3, "high"), NOW, in_force=running)
    assert ban.kinds == ("remove_content", "ban") and ban.held == ()


def test_coverage_compares_end_and_length() -> None:
    seven = Restriction("temp_suspend", 7 * DAY, NOW + 7 * DAY)
    assert holding_reason(suspend(7), [seven]) is not None  # same end
    assert holding_reason(suspend(3), [seven]) is not None  # shorter
    assert holding_reason(suspend(7, NOW + DAY), [seven]) is not None  # same length, later
    assert holding_reason(suspend(8), [seven]) is None  # longer: an escalation
    ends_later = Restriction("temp_suspend", None, NOW + 30 * DAY)  # length unknown
    assert holding_reason(suspend(14), [ends_later]) is not None
    assert holding_reason(suspend(31), [ends_later]) is None
    freeze = PlannedAction("freeze_followers", "account", "", 7 * DAY, NOW + 7 * DAY)
    assert holding_reason(freeze, [seven]) is None  # another kind of restriction
    undated = PlannedAction("suspend_monetization", "account", "")
    paused = Restriction("suspend_monetization", 30 * DAY, NOW + 30 * DAY)
    assert holding_reason(undated, [paused]) is None  # indefinite outlasts any dated pause
    assert holding_reason(undated, [Restriction("suspend_monetization")]) is not None


def test_revoked_monetization_holds_revocation_and_pauses_not_suspension(ladder: Ladder) -> None:
    revoked = [Restriction("revoke_monetization")]
    decision = ladder.decide(violation("high"), "remove", strikes(1, "high"), NOW, in_force=revoked)
    assert decision.kinds == ("remove_content",)
    assert decision.held == (HeldAction("revoke_monetization", "monetization already revoked"),)
    pause = PlannedAction("suspend_monetization", "account", "", 7 * DAY, NOW + 7 * DAY)
    assert holding_reason(pause, revoked) == "monetization already revoked"
    assert holding_reason(suspend(7), revoked) is None
    assert holding_reason(PlannedAction("warn", "account", ""), revoked) is None


def test_restriction_of_keeps_what_lasts_and_refuses_one_offs() -> None:
    assert restriction_of(suspend(7)) == Restriction("temp_suspend", 7 * DAY, NOW + 7 * DAY)
    assert restriction_of(PlannedAction("ban", "account", "")) == Restriction("ban")
    assert restriction_of(PlannedAction("warn", "account", "")) is None
    assert restriction_of(PlannedAction("remove_content", "content", "")) is None
    with pytest.raises(ValueError, match="not one of"):
        Restriction("warn")


def test_statement_and_dsa_facts_say_the_account_is_already_banned(ladder: Ladder) -> None:
    domain = "login-bank.example"
    entity = Entity(
        kind="domain",
        raw=domain,
        span=(0, len(domain)),
        value=domain,
        host=domain,
        registrable_domain=domain,
        categories=["phishing"],
        sources=["feed:test"],
    )
    result = ScanResult("p-2", "act", [entity], [violation()], policy_version="t-1")
    decision = ladder.decide(violation(), "remove", strikes(1), NOW, in_force=[Restriction("ban")])
    statement = build_statement(
        result,
        violation(),
        decision,
        statement_id="sor-1",
        account_id="u-1",
        now=NOW,
        config=ReasonsConfig(),
    )
    assert statement.held == decision.held
    facts = describe_facts(statement)
    assert "No new account action: ban (account already banned)." in facts
    record = to_dsa(statement)
    assert record["decision_facts"] == facts
    assert "decision_account" not in record  # nothing new was done to the account
