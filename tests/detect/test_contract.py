"""The contract every registered detector must pass (and an example third-party one, so the suite
is seen to bite): declared labels only, pure (no I/O during gate or detect), deterministic, a
false gate really lets the scanner skip, and empty or huge text handled within bounds."""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from bastion import Scanner
from bastion.canon import canonicalize_entity
from bastion.detect.base import DetectContext, Detector, DetectorFactory, Resources
from bastion.detect.registry import registered
from bastion.extract import extract_entities, has_candidates
from bastion.intel import IntelIndex
from bastion.model import Item, Signal
from bastion.normalize import unmask
from bastion.policy import Policy
from tests.detect.plugins import UrgencyDetector
from tests.service import conftest as _service

feed_home = _service.feed_home

FACTORIES: list[DetectorFactory] = [*registered(), UrgencyDetector]
IDS = [
    f"{factory.name}{'' if factory in registered() else ' (example plugin)'}"
    for factory in FACTORIES
]

CORPUS = [
    "",
    "see you at five, bring the report.pdf",
    "今天天气很好，我们去公园散步吧。",
    "官网 188bet.com 注册送彩金",
    "官网 １８８ｂｅｔ。ｃｏｍ URGENT 紧急",
    "login at https://000mnnv.wcomhost.com/x and 12bet.com",
    "加V：bet_8899 百家乐 扣扣 ①②③④⑤⑥⑦⑧⑨",
    "URGENT: your account is locked, reply now",
    "kefu@188bet.com 1.2.3.4 tg://resolve?domain=x",
]
HUGE = "188bet.com 今天天气很好 urgent bet_8899 example.org " * 1_500
_NAME = re.compile(r"[a-z][a-z0-9_.\-]{0,63}")
ENTITY_ONLY_POLICY = """
name: contract
rules:
  - id: link.listed
    when: {kinds: [url, domain], listed: true}
    violation: {category: $category, severity: high, confidence: 1.0}
    outcome: disable_link
"""
"""A policy naming no signal, so a scanner can be built over any one detector alone."""

_IO_PREFIXES = (
    "socket.",
    "subprocess.",
    "os.system",
    "os.exec",
    "os.spawn",
    "os.posix_spawn",
    "os.fork",
    "os.remove",
    "os.rename",
    "os.mkdir",
    "os.listdir",
    "os.scandir",
    "shutil.",
    "sqlite3.",
    "urllib.",
    "http.client.",
    "ctypes.",
    "mmap.",
)
_guard: dict[str, Any] = {"on": False, "seen": []}


def _audit(event: str, args: tuple[Any, ...]) -> None:
    if _guard["on"] and (event in ("open", "import") or event.startswith(_IO_PREFIXES)):
        _guard["seen"].append(event)
        raise PermissionError(f"I/O inside a detector: {event}")


sys.addaudithook(_audit)  # inert unless a test is inside no_io()


@contextmanager
def no_io() -> Iterator[None]:
    """Any file, network, process or import event inside the block fails the test."""
    _guard["on"], _guard["seen"] = True, []
    try:
        yield
    finally:
        _guard["on"] = False
    assert not _guard["seen"], f"I/O inside a detector: {_guard['seen']}"


@pytest.fixture(scope="module")
def resources(feed_home: Path) -> Resources:
    return Resources(IntelIndex.open(feed_home))


@pytest.fixture(params=FACTORIES, ids=IDS)
def detector(request: pytest.FixtureRequest, resources: Resources) -> Detector:
    factory: DetectorFactory = request.param
    built = factory(resources)
    assert isinstance(built, Detector)
    return built


def context(text: str, resources: Resources, surface: str = "post") -> DetectContext:
    """What the scanner hands a detector for ``text``."""
    unmasked = unmask(text)
    entities = extract_entities(unmasked) if has_candidates(text) else []
    for entity in entities:
        canonicalize_entity(entity)
    return DetectContext(
        Item("c", text=text, surface=surface), unmasked.text, text, entities, resources
    )


def _check_signals(detector: Detector, ctx: DetectContext, signals: list[Signal]) -> None:
    assert isinstance(signals, list)
    for signal in signals:
        assert isinstance(signal, Signal)
        assert signal.detector == detector.name
        assert signal.label in detector.emits, f"{signal.label!r} not declared"
        assert 0.0 <= signal.score <= 1.0
        assert all(0 <= i < len(ctx.entities) for i in signal.entities)
        if signal.span is not None:
            assert 0 <= signal.span[0] < signal.span[1] <= len(ctx.original)
        assert len(signal.evidence) <= 4_096
        signal.to_dict()


def test_declaration(detector: Detector) -> None:
    assert _NAME.fullmatch(detector.name)
    assert isinstance(detector.emits, frozenset)
    assert all(isinstance(label, str) and _NAME.fullmatch(label) for label in detector.emits)
    assert [f.name for f in registered()].count(detector.name) <= 1


@pytest.mark.parametrize("text", CORPUS)
def test_gate_is_pure_and_boolean(detector: Detector, text: str) -> None:
    item = Item("g", text=text or " ", surface="chat")
    with no_io():
        wants = detector.gate(item)
    assert type(wants) is bool


@pytest.mark.parametrize("text", CORPUS)
def test_detect_is_pure_deterministic_and_declared(
    detector: Detector, resources: Resources, text: str
) -> None:
    first, second = context(text, resources), context(text, resources)
    with no_io():
        one = detector.detect(first)
        two = detector.detect(second)
    _check_signals(detector, first, one)
    assert [s.to_dict() for s in one] == [s.to_dict() for s in two]
    assert [e.to_dict() for e in first.entities] == [e.to_dict() for e in second.entities]


class _Spy:
    """Wraps a detector and counts detect calls, so the scanner's skipping can be observed."""

    def __init__(self, inner: Detector) -> None:
        self.inner, self.calls = inner, 0
        self.name, self.emits = inner.name, inner.emits
        self.gate: Callable[[Item], bool] = inner.gate

    def detect(self, ctx: DetectContext) -> list[Signal]:
        self.calls += 1
        return self.inner.detect(ctx)


@pytest.mark.parametrize("text", [t for t in CORPUS if t and not has_candidates(t)])
def test_a_false_gate_lets_the_scanner_skip(
    detector: Detector, resources: Resources, text: str
) -> None:
    spy = _Spy(detector)
    policy = Policy.parse(ENTITY_ONLY_POLICY, signal_labels=detector.emits)
    scanner = Scanner(resources.index, policy, detectors=(spy,))
    item = Item("s", text=text, surface="chat")
    result = scanner.scan(item)
    if detector.gate(item):
        assert spy.calls == 1
    else:
        assert spy.calls == 0
        assert (result.verdict, result.entities, result.signals) == ("allow", [], [])


@pytest.mark.parametrize("surface", ["chat", "post", "bio", "username", "display_name"])
def test_a_detector_that_says_it_never_gates_never_does(detector: Detector, surface: str) -> None:
    """``gates = False`` lets the scanner skip calling the gate: it must then be false on every
    item (a built-in without its data declares it per instance)."""
    if getattr(detector, "gates", True):
        return
    for text in [*CORPUS, HUGE]:
        assert detector.gate(Item("n", text=text or " ", surface=surface)) is False


def test_empty_and_huge_text_within_bounds(detector: Detector, resources: Resources) -> None:
    empty = context("", resources)
    with no_io():
        nothing = detector.detect(empty)
    _check_signals(detector, empty, nothing)
    huge = context(HUGE, resources)
    assert len(huge.entities) > 1_000
    with no_io():
        signals = detector.detect(huge)
    _check_signals(detector, huge, signals)
    assert len(signals) <= 8 * len(huge.entities) + 64


def test_the_purity_guard_bites(tmp_path: Path) -> None:
    with pytest.raises(PermissionError), no_io():
        (tmp_path / "x").write_text("x")
    _guard["seen"] = []
