"""The detector registry: built-ins, third-party entry points, and policies checked against them."""

from __future__ import annotations

import importlib
import importlib.metadata
from collections.abc import Iterator
from pathlib import Path

import pytest

from bastion import Scanner
from bastion.detect import registry
from bastion.detect.base import Resources
from bastion.detect.registry import DetectorError, declared_labels, registered
from bastion.detect.reputation import ReputationDetector
from bastion.intel import IntelIndex
from bastion.policy import Policy, PolicyError
from tests.service import conftest as _service

feed_home = _service.feed_home

URGENCY_POLICY = """\
name: urgent
rules:
  - id: text.urgency
    when:
      surfaces: [chat, comment]
      signals: [urgency]
      min_score: 0.5
    violation: {category: scam, severity: low, confidence: 0.5}
    outcome: review
"""


@pytest.fixture
def plugins(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[importlib.metadata.EntryPoint]]:
    """Entry points the registry will see; the cache is cleared around the test."""
    points: list[importlib.metadata.EntryPoint] = []

    def fake(*, group: str) -> list[importlib.metadata.EntryPoint]:
        return points if group == registry.ENTRY_POINT_GROUP else []

    monkeypatch.setattr(importlib.metadata, "entry_points", fake)
    registered.cache_clear()
    yield points
    registered.cache_clear()


def _point(name: str, value: str) -> importlib.metadata.EntryPoint:
    return importlib.metadata.EntryPoint(name=name, value=value, group=registry.ENTRY_POINT_GROUP)


def test_reputation_is_a_registered_builtin() -> None:
    assert registered()[0] is ReputationDetector
    assert "listed" in declared_labels()
    assert registry.BUILTIN[0] == "bastion.detect.reputation:ReputationDetector"


def test_a_third_party_detector_plugs_in_through_an_entry_point(
    plugins: list[importlib.metadata.EntryPoint], feed_home: Path, tmp_path: Path
) -> None:
    plugins.append(_point("urgency", "tests.detect.plugins:UrgencyDetector"))
    builtin = [f.name for f in registered()][: len(registry.BUILTIN)]
    assert [f.name for f in registered()] == [*builtin, "urgency"]
    policy = tmp_path / "urgent.yaml"
    policy.write_text(URGENCY_POLICY, encoding="utf-8")
    scanner = Scanner.load(feed_home, policy_path=policy)
    running = [f.name for f in registered() if not getattr(f, "optional", False)]
    assert [d.name for d in scanner.detectors or ()] == running  # optional ones: no rule on them
    result = scanner.scan({"id": "1", "text": "URGENT: pay the fee today", "surface": "chat"})
    assert result.entities == []
    assert result.verdict == "review"
    assert [(v.rule, v.category) for v in result.violations] == [("text.urgency", "scam")]
    signal = result.to_dict()["signals"][0]
    assert signal == {
        "detector": "urgency",
        "label": "urgency",
        "score": 0.7,
        "evidence": "URGENT",
        "span": [0, 6],
    }
    assert scanner.scan({"id": "2", "text": "see you at five", "surface": "chat"}).signals == []


WATCHWORD_POLICY = """\
name: watch
rules:
  - id: text.watchword
    when: {signals: [watchword]}
    violation: {category: scam, severity: low, confidence: 0.5}
    outcome: review
"""


def test_a_detector_reads_its_own_data_from_the_home_at_load(
    plugins: list[importlib.metadata.EntryPoint], feed_home: Path, tmp_path: Path
) -> None:
    plugins.append(_point("watchwords", "tests.detect.plugins:WatchwordDetector"))
    policy = tmp_path / "watch.yaml"
    policy.write_text(WATCHWORD_POLICY, encoding="utf-8")
    item = {"id": "1", "text": "ask for the golden ticket", "surface": "chat"}
    assert Scanner.load(feed_home, policy_path=policy).scan(item).verdict == "allow"
    (feed_home / "watchwords.txt").write_text("golden\n", encoding="utf-8")
    result = Scanner.load(feed_home, policy_path=policy).scan(item)
    assert result.verdict == "review"
    assert [s.evidence for s in result.signals] == ["golden"]


def test_unreadable_detector_data_stops_the_load_with_one_line(
    plugins: list[importlib.metadata.EntryPoint], feed_home: Path
) -> None:
    plugins.append(_point("watchwords", "tests.detect.plugins:WatchwordDetector"))
    (feed_home / "watchwords.txt").write_text("x" * 65, encoding="utf-8")
    with pytest.raises(DetectorError, match=r"^detector 'watchwords' cannot load its data: .*64"):
        Scanner.load(feed_home)


def test_an_asset_of_the_wrong_type_is_an_error() -> None:
    resources = Resources(IntelIndex.empty(), {"watchwords": ["not", "a", "tuple"]})
    with pytest.raises(TypeError, match="not tuple"):
        resources.asset("watchwords", tuple)
    assert resources.asset("missing", tuple) is None


def test_a_policy_naming_an_unknown_signal_fails_at_load(tmp_path: Path) -> None:
    path = tmp_path / "urgent.yaml"
    path.write_text(URGENCY_POLICY, encoding="utf-8")
    with pytest.raises(PolicyError) as caught:
        Policy.load(path)
    labels = ", ".join(sorted(declared_labels()))
    assert f"{path} line 6: rules[0].when.signals[0]: 'urgency' is not one of {labels}" in str(
        caught.value
    )


def test_a_scanner_refuses_a_policy_its_detectors_cannot_serve(feed_home: Path) -> None:
    policy = Policy.parse(URGENCY_POLICY, signal_labels={"urgency"})
    with pytest.raises(ValueError, match="matches signals no detector emits: urgency"):
        Scanner(IntelIndex.open(feed_home), policy)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("tests.detect.nowhere:Gone", "cannot be loaded: ModuleNotFoundError"),
        ("tests.detect.plugins:Unnamed", "a detector needs a 'name'"),
        ("tests.detect.plugins:broken_factory", "two detectors are named 'reputation'"),
    ],
)
def test_a_bad_entry_point_is_one_clear_error(
    plugins: list[importlib.metadata.EntryPoint], value: str, message: str
) -> None:
    plugins.append(_point("bad", value))
    with pytest.raises(DetectorError, match=message) as caught:
        registered()
    assert "\n" not in str(caught.value)
