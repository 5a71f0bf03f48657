"""A picture's declared provenance may earn a label or a review, never a removal: the policy
refuses such a rule, the ladder turns a label into the ``label`` action without a strike, and
the ``label`` verdict sits between ``allow`` and ``review``."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bastion.enforce import Ladder, StrikeRecord
from bastion.model import Item, Signal, Violation
from bastion.policy import Policy, PolicyError, verdict_of

LABELS = {"provenance.ai_generated", "provenance.unreadable", "listed"}
NOW = datetime(2026, 12, 1, tzinfo=UTC)


def _policy(outcome: str, *, signals: str = "[provenance.ai_generated]", extra: str = "") -> str:
    return f"""\
name: t
categories: [synthetic_media]
rules:
  - id: media.rule
    when: {{signals: {signals}, ai_label: false}}
    violation: {{category: synthetic_media, severity: low, confidence: 1.0}}
    outcome: {outcome}
{extra}"""


@pytest.mark.parametrize("outcome", ["remove", "disable_link"])
def test_provenance_alone_never_removes(outcome: str) -> None:
    with pytest.raises(PolicyError, match="provenance alone never removes") as caught:
        Policy.parse(_policy(outcome), "p.yaml", signal_labels=LABELS)
    assert "p.yaml line 7: rules[0].outcome" in str(caught.value)
    override = "    overrides:\n      - {surfaces: [post], outcome: remove}\n"
    with pytest.raises(PolicyError, match=r"overrides\[0\]\.outcome: 'remove'"):
        Policy.parse(_policy("label", extra=override), "p.yaml", signal_labels=LABELS)


def test_provenance_may_label_or_review_and_other_signals_may_join() -> None:
    for outcome in ("label", "review", "allow"):
        Policy.parse(_policy(outcome), signal_labels=LABELS)
    # With another detector's signal in the rule, the operator decides (not provenance alone).
    mixed = _policy("remove", signals="[provenance.ai_generated, listed]")
    Policy.parse(mixed, signal_labels=LABELS)


def _evaluate(meta: dict[str, object], surface: str = "post") -> list[Violation]:
    policy = Policy.parse(_policy("label"), signal_labels=LABELS)
    signal = Signal(
        "provenance",
        "provenance.ai_generated",
        1.0,
        category="synthetic_media",
        origin="image:2:provenance",
    )
    return policy.evaluate(Item("i", surface=surface, meta=meta), "", [], [signal])


def test_ai_label_condition_and_origins() -> None:
    [violation] = _evaluate({})
    assert (violation.outcome, violation.entities) == ("label", [])
    assert violation.origins == ["image:2:provenance"] and violation.sources == ["provenance"]
    assert violation.to_dict()["origins"] == ["image:2:provenance"]
    assert verdict_of([violation]) == "label"
    assert _evaluate({"ai_label": True}) == []
    assert len(_evaluate({"ai_label": "yes"})) == 1  # only a JSON true is a label


def test_label_ranks_between_allow_and_review() -> None:
    def made(outcome: str, mode: str = "enforce") -> Violation:
        return Violation("r", "c", "low", 1.0, outcome, mode=mode)

    assert verdict_of([made("label"), made("review")]) == "review"
    assert verdict_of([made("label"), made("remove")]) == "act"
    assert verdict_of([made("label", mode="shadow")]) == "allow"
    assert verdict_of([made("allow"), made("label")]) == "label"


def test_the_ladder_labels_without_a_strike_whatever_the_history() -> None:
    ladder = Ladder.default()
    label = Violation("media.ai_unlabelled", "synthetic_media", "low", 1.0, "label")
    history = [StrikeRecord("synthetic_media", "low", NOW - timedelta(days=n)) for n in (1, 2, 3)]
    for content_outcome in ("label", "review", "remove"):
        decision = ladder.decide(label, content_outcome, history, NOW)
        assert decision.status == "act"
        assert decision.kinds == ("label",)
        assert (decision.adds_strike, decision.strike_number) == (False, 0)
