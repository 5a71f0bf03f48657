"""Properties of the whole scan core: never crashes, spans are honest, work is linear."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bastion import InputError, Item, Scanner
from bastion.detect.base import DetectContext
from bastion.extract import extract_entities, has_candidates
from bastion.model import Signal
from bastion.normalize import unmask
from bastion.policy import Policy
from tests.support.work import assert_linear, count_steps

OBFUSCATION_ALPHABET = (
    "abcdefghijklmnopqrstuvwxyz0123456789 .:/@-_[](){}"
    "。点．丶·＠ｂｅｔ８８８ｃｏｍаеорсху\u200b\u200d\u202e一二三四五六七八九①②③❶"
    "微信QQ扣扣飞机加Vvx+#%?=&🎲✨"
)


def check_result(text: str, scanner: Scanner) -> None:
    result = scanner.scan(Item(id="x", text=text))
    assert result.verdict in ("allow", "review", "act")
    previous_end = 0
    for entity in result.entities:
        start, end = entity.span
        assert 0 <= start < end <= len(text)
        assert start >= previous_end, "entities overlap or are out of order"
        assert entity.raw == text[start:end]
        previous_end = end
    for violation in result.violations:
        assert all(0 <= i < len(result.entities) for i in violation.entities)
    result.to_dict()


@settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(st.text(max_size=300))
def test_arbitrary_text_never_crashes(scanner: Scanner, text: str) -> None:
    check_result(text, scanner)


@settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(st.text(alphabet=OBFUSCATION_ALPHABET, max_size=300))
def test_obfuscation_soup_never_crashes(scanner: Scanner, text: str) -> None:
    check_result(text, scanner)


ADVERSARIAL = [
    "a." * 10_000,
    "1" * 20_000,
    "a " * 10_000,
    "b e t " * 3_000 + ". c o m",
    "http://" + "a" * 20_000,
    "[.]" * 6_000,
    "一二三四五" * 4_000,
    "微信" * 10_000,
    "\u200b" * 20_000,
    "x@" * 10_000,
    ("12bet.com " * 2_000),
]


@pytest.mark.parametrize("text", ADVERSARIAL, ids=lambda t: repr(t[:12]))
def test_adversarial_text_is_scanned_in_bounded_work(scanner: Scanner, text: str) -> None:
    """At most 300 steps a character of the scanned text (counted after one warm-up scan of
    the same text: tables built on first use, such as the gates' long-text twins, load then)."""
    scanner.scan(Item(id="warm", text=text))
    result, steps = count_steps(lambda: scanner.scan(Item(id="adv", text=text)))
    assert result.verdict in ("allow", "review", "act")
    assert steps <= 300 * len(text), f"{steps} steps for {len(text)} chars"


def test_work_grows_linearly_with_input(scanner: Scanner) -> None:
    """8x the text costs at most 12x the steps; quadratic would be 64x."""
    unit = "访问 １２ｂｅｔ。ｃｏｍ 或 b e t 8 8 8 dot com 加V：abc_123 "
    assert_linear(lambda text: scanner.scan(Item(id="lin", text=text)), unit, len(unit) * 40)


def test_dict_input_is_validated(scanner: Scanner) -> None:
    with pytest.raises(InputError, match="missing required field 'id'"):
        scanner.scan({"text": "hello"})
    with pytest.raises(InputError, match="surface"):
        scanner.scan({"id": "1", "text": "hi", "surface": "billboard"})


def test_listed_domain_in_every_disguise_is_acted_on(scanner: Scanner) -> None:
    disguises = [
        "12bet.com",
        "１２ｂｅｔ．ｃｏｍ",
        "12bet dot com",
        "12bet[.]com",
        "12bet。com",
        "hxxp://12bet.com/x",
        "1 2 b e t . c o m",
        "12b\u200bet.com",
        "12bеt.com",  # Cyrillic e
    ]
    for text in disguises:
        result = scanner.scan(Item(id="d", text=f"注册 {text} 送彩金"))
        assert result.verdict == "act", (text, result.to_dict())
        assert result.entities[0].registrable_domain == "12bet.com"


def test_scan_rejects_non_str_text(scanner: Scanner) -> None:
    with pytest.raises(TypeError, match="must be a str"):
        scanner.scan(Item(id="x", text=None))  # type: ignore[arg-type]


@pytest.mark.parametrize("text", ["Great song :)\ufeff", "今天天气不错", "visit bet888.com\ufeff"])
def test_fast_path_agrees_with_the_full_pipeline(scanner: Scanner, text: str) -> None:
    result = scanner.scan(Item(id="x", text=text))
    assert bool(result.entities) == bool(has_candidates(text) and extract_entities(unmask(text)))


def test_allowed_result_is_the_dataclass_record() -> None:
    """The hot path's hand-built allow result equals the dataclass's, field for field, and owns
    its lists (a caller appending to one result changes no other)."""
    import dataclasses

    from bastion.model import ScanResult
    from bastion.scanner import allowed_result

    built = allowed_result("m1", "v7")
    expected = ScanResult("m1", "allow", policy_version="v7")
    for spec in dataclasses.fields(ScanResult):
        assert getattr(built, spec.name) == getattr(expected, spec.name), spec.name
    assert built == expected
    other = allowed_result("m2", "v7")
    built.entities.append(None)  # type: ignore[arg-type]
    assert other.entities == [] and other.signals == [] and other.images == []


def test_clean_scan_returns_the_allow_record(scanner: Scanner) -> None:
    result = scanner.scan(Item(id="c1", text="今天天气很好"))
    assert result.to_dict() == {
        "id": "c1",
        "verdict": "allow",
        "entities": [],
        "violations": [],
        **({"policy_version": result.policy_version} if result.policy_version else {}),
    }


class _Spy:
    """A detector whose gate says ``wants``, counting gate and detect calls."""

    emits = frozenset({"spied"})

    def __init__(self, name: str, wants: bool) -> None:
        self.name, self.wants, self.gated, self.detected = name, wants, 0, 0

    def gate(self, item: Item) -> bool:
        self.gated += 1
        return self.wants

    def detect(self, context: DetectContext) -> list[Signal]:
        self.detected += 1
        return [Signal(detector=self.name, label="spied", score=0.5, evidence=context.text[:20])]


class _NeverGates(_Spy):
    gates = False


FALSE_ALARM = "K..k..i'm also fine:)when will you complete the course?"
"""Real SMS text: the pre-check fires (spaced letters before dots), unmasking leaves it as
written and nothing is found."""


SPIED_POLICY = """
name: spied
rules:
  - id: link.listed
    when: {kinds: [url, domain], listed: true}
    violation: {category: $category, severity: high, confidence: 1.0}
    outcome: disable_link
"""


def _spied_scanner(scanner: Scanner, *detectors: _Spy) -> Scanner:
    policy = Policy.parse(SPIED_POLICY, signal_labels={"spied"})
    return Scanner(scanner.index, policy, detectors=detectors)


@pytest.mark.parametrize("text", ["see you at five", FALSE_ALARM])
def test_only_detectors_whose_gate_wants_an_item_without_entities_run(
    scanner: Scanner, text: str
) -> None:
    wants, declines, never = _Spy("a", True), _Spy("b", False), _NeverGates("c", True)
    result = _spied_scanner(scanner, wants, declines, never).scan(Item(id="x", text=text))
    assert (wants.detected, declines.detected, never.detected) == (1, 0, 0)
    assert (wants.gated, declines.gated, never.gated) == (1, 1, 0)
    assert [s.detector for s in result.signals] == ["a"]


def test_a_precheck_false_alarm_left_as_written_skips_like_no_candidate(scanner: Scanner) -> None:
    assert has_candidates(FALSE_ALARM)
    unmasked = unmask(FALSE_ALARM, weak=True)
    assert unmasked.text == FALSE_ALARM and not extract_entities(unmasked, prose_like=True)
    declines = _Spy("b", False)
    result = _spied_scanner(scanner, declines).scan(Item(id="x", text=FALSE_ALARM))
    assert declines.detected == 0 and (result.verdict, result.signals) == ("allow", [])


@pytest.mark.parametrize(
    "text", ["visit bet888.com today", "官网 ｂｅｔ８８８。ｃｏｍ", "ｈｅｌｌｏ ｗｏｒｌｄ"]
)
def test_items_with_entities_or_unmasked_text_reach_every_detector(
    scanner: Scanner, text: str
) -> None:
    """Gates only decide for items with nothing found in text left as written."""
    declines, never = _Spy("b", False), _NeverGates("c", False)
    _spied_scanner(scanner, declines, never).scan(Item(id="x", text=text))
    assert (declines.detected, never.detected) == (1, 1)
    assert (declines.gated, never.gated) == (0, 0)


SHORTCUT_TEXTS = [
    FALSE_ALARM,
    "see you at five",
    "ｈｅｌｌｏ ｗｏｒｌｄ",
    "ＤＭ ｍｅ for legal advice, I can help you win in court",
    "Natural healer: I cure diabetes in 30 days, DM me for the remedy",
    "DM me, I can help you move on Saturday",
    "祖传秘方，专治失眠，包治包好，私信咨询",
    "專治糖尿病，祖傳秘方，私信諮詢",
    "代写论文 bet888.com 查重包过",
    "官网 ｂｅｔ８８８。ｃｏｍ 注册送彩金",
]


@pytest.mark.parametrize("text", SHORTCUT_TEXTS)
@pytest.mark.parametrize("surface", ["chat", "bio", "username"])
def test_gate_shortcuts_give_the_full_pipelines_result(
    scanner: Scanner, text: str, surface: str
) -> None:
    """Every registered detector run on the unmasked text and its entities (no gate asked) gives
    the very result ``scan`` gives."""
    item = Item(id="x", text=text, surface=surface)
    unmasked = unmask(text, weak=True)
    found = extract_entities(unmasked, prose_like=True) if has_candidates(text) else []
    full = scanner._decide(item, unmasked.text, found, False)
    assert scanner.scan(item).to_dict() == full.to_dict()
