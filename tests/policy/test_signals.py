"""Policy rules over detector signals: matching by label and score, and the ways to get it wrong."""

from __future__ import annotations

from pathlib import Path

import pytest

from bastion import Scanner
from bastion.model import Entity, Item, Signal
from bastion.policy import Policy, PolicyError, verdict_of
from tests.service import conftest as _service

feed_home = _service.feed_home

LABELS = {"lookalike", "urgency", "listed"}


def _policy(when: str, violation: str = "{category: scam, severity: low, confidence: 0.5}") -> str:
    return f"""\
name: t
cues:
  money: [转账, "wire transfer"]
rules:
  - id: r
    when: {when}
    violation: {violation}
    outcome: review
"""


def _signal(label: str, score: float = 0.9, category: str | None = None, *at: int) -> Signal:
    return Signal("test", label, score, category=category, entities=list(at))


def _evaluate(
    when: str, signals: list[Signal], text: str = "", surface: str = "chat", **kw: str
) -> list[tuple[str, str, list[int]]]:
    policy = Policy.parse(_policy(when, **kw), signal_labels=LABELS)
    entities = [
        Entity("domain", "a.com", (0, 5), "a.com"),
        Entity("domain", "b.com", (6, 11), "b.com"),
    ]
    violations = policy.evaluate(Item("i", text=text, surface=surface), text, entities, signals)
    return [(v.rule, v.category, v.entities) for v in violations]


@pytest.mark.parametrize(
    ("when", "signals", "text", "expected"),
    [
        ("{signals: [urgency]}", [_signal("urgency")], "", [("r", "scam", [])]),
        ("{signals: [urgency]}", [_signal("lookalike")], "", []),
        ("{signals: [urgency], min_score: 0.95}", [_signal("urgency", 0.9)], "", []),
        (
            "{signals: [urgency], min_score: 0.9}",
            [_signal("urgency", 0.9)],
            "",
            [("r", "scam", [])],
        ),
        (
            "{signals: [lookalike, urgency]}",
            [_signal("lookalike", 0.9, None, 1), _signal("urgency", 0.9, None, 0, 1)],
            "",
            [("r", "scam", [0, 1])],
        ),
        ("{signals: [urgency], cues: [money]}", [_signal("urgency")], "hello", []),
        (
            "{signals: [urgency], cues: [money]}",
            [_signal("urgency")],
            "请转账",
            [("r", "scam", [])],
        ),
        ("{signals: [urgency], surfaces: [bio]}", [_signal("urgency")], "", []),
    ],
)
def test_signal_rules_match_label_score_cues_and_surface(
    when: str, signals: list[Signal], text: str, expected: list[tuple[str, str, list[int]]]
) -> None:
    assert _evaluate(when, signals, text) == expected


def test_category_comes_from_the_signal_with_dollar_category() -> None:
    signals = [_signal("lookalike", 0.8, "phishing", 0), _signal("lookalike", 0.8, None, 1)]
    got = _evaluate(
        "{signals: [lookalike]}",
        signals,
        violation="{category: $category, severity: high, confidence: 0.9}",
    )
    assert got == [("r", "phishing", [0])]


def test_a_signal_about_allowed_entities_only_matches_nothing() -> None:
    policy = Policy.parse(_policy("{signals: [lookalike]}"), signal_labels=LABELS)
    allowed = Entity("domain", "a.com", (0, 5), "a.com", allowed=True)
    other = Entity("domain", "b.com", (6, 11), "b.com")
    item = Item("i", text="a.com b.com")
    about_allowed = [_signal("lookalike", 0.9, None, 0)]
    assert policy.evaluate(item, "", [allowed, other], about_allowed) == []
    mixed = [_signal("lookalike", 0.9, None, 0, 1)]
    assert [v.entities for v in policy.evaluate(item, "", [allowed, other], mixed)] == [[1]]


def test_no_signals_and_no_entities_is_nothing() -> None:
    policy = Policy.parse(_policy("{signals: [urgency]}"), signal_labels=LABELS)
    assert policy.evaluate(Item("i", text="x"), "x", [], []) == []
    assert policy.signal_labels == {"urgency"}


@pytest.mark.parametrize(
    ("when", "message"),
    [
        (
            "{signals: [urgensy]}",
            "line 6: rules[0].when.signals[0]: 'urgensy' is not one of listed, lookalike, urgency",
        ),
        (
            "{signals: [urgency], kinds: [url]}",
            "rules[0].when.kinds: a rule matches entities or signals, not both",
        ),
        ("{signals: [urgency], min_count: 2}", "'min_count' cannot go with 'signals'"),
        ("{kinds: [url], min_score: 0.5}", "rules[0].when.min_score: 'min_score' needs 'signals'"),
        ("{signals: [urgency], min_score: 1.5}", "less than or equal to 1"),
    ],
)
def test_signal_rule_mistakes_fail_at_load_with_a_line(when: str, message: str) -> None:
    with pytest.raises(PolicyError) as caught:
        Policy.parse(_policy(when), "p.yaml", signal_labels=LABELS)
    assert message in str(caught.value)
    assert "p.yaml line" in str(caught.value)


def test_no_detector_emitting_signals_is_a_load_error() -> None:
    with pytest.raises(PolicyError, match="'urgency': no loaded detector emits signals"):
        Policy.parse(_policy("{signals: [urgency]}"), signal_labels=set())


def test_scan_rule_ids_are_reserved() -> None:
    text = _policy("{kinds: [url]}").replace("id: r", "id: scan.truncated")
    with pytest.raises(PolicyError, match=r"ids starting 'scan\.' are the scanner's own"):
        Policy.parse(text, signal_labels=LABELS)


def test_the_builtin_listed_signal_drives_a_rule_through_the_scanner(
    feed_home: Path, tmp_path: Path
) -> None:
    path = tmp_path / "listed.yaml"
    path.write_text(
        _policy(
            "{signals: [listed]}",
            violation="{category: $category, severity: high, confidence: 1.0}",
        ),
        encoding="utf-8",
    )
    scanner = Scanner.load(feed_home, policy_path=path)
    result = scanner.scan({"id": "1", "text": "官网 188bet.com 和 example.org", "surface": "chat"})
    assert [(s.detector, s.label, s.category, s.entities) for s in result.signals] == [
        ("reputation", "listed", "gambling", [0])
    ]
    assert "feed:sample" in result.signals[0].evidence
    assert [(v.rule, v.category, v.entities) for v in result.violations] == [("r", "gambling", [0])]
    assert verdict_of(result.violations) == result.verdict == "review"
