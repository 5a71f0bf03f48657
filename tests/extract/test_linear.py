"""Adversarial input: no crash, and work linear in the length (counted in steps, not seconds)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bastion.extract import extract_entities, find_entities, has_candidates
from bastion.normalize import unmask
from tests.extract.test_api import Plain
from tests.support.work import assert_linear, steps_of

UNITS = [
    "a.",
    "ab.",
    "1",
    "1.",
    "1 ",
    "a@",
    ":",
    "a:",
    "1:2:3:4:5:6:7:8:",
    "http://a",
    "微信 ",
    "vx:",
    "飞机 @",
    "a b ",
    "a dot ",
    "+1 ",
    "a",
    "www.",
    "a" * 70 + ".",
    "a." * 40 + "@",
    "QQ 1",
    "(",
    ")",
    "bet888.com 微信 abc123 @x 1381234 ::1 http://x ",
    "tomorrow.call ",
    "playiwin丶in ",
    "a✨b",
    "l o - ",
    "x^-^",
    "Q：1",
]


def _counted(func: Callable[[str], object], text: str) -> int:
    """Steps of ``func(text)`` after one warm-up call on the same text (lazy tables, such as
    the exact twins of the gates that only texts over ``GATE_MAX`` read, load outside)."""
    func(text)
    return steps_of(lambda: func(text))


@pytest.mark.parametrize("unit", UNITS)
def test_adversarial_text_is_fast(unit: str) -> None:
    """Bounded work a character (worst seen: 73 steps for find_entities, 58 for extraction);
    the gate does a constant amount of Python work (it scans in C)."""
    text = (unit * (10_000 // len(unit) + 1))[:10_000]
    assert _counted(lambda t: extract_entities(Plain(t)), text) <= 100 * len(text)
    assert _counted(find_entities, text) <= 150 * len(text)
    assert _counted(has_candidates, text) <= 100


@pytest.mark.parametrize("unit", ["a.", "1.", "a@", "a b ", "http://a", "a." * 40 + "@"])
def test_time_grows_linearly(unit: str) -> None:
    """8x the text costs at most 12x the steps; quadratic would be 64x."""
    assert_linear(lambda t: extract_entities(Plain(t)), unit, 1_500)


@pytest.mark.slow
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from([*UNITS, "。", "点", "[.]", "@", "1381234", "com"]), min_size=1))
def test_random_repetitions_do_not_crash(units: list[str]) -> None:
    text = ("".join(units) * 20_000)[:20_000]
    entities = find_entities(text)
    assert all(text[e.span[0] : e.span[1]] == e.raw for e in entities)
    assert _counted(find_entities, text[:4_000]) <= 150 * 4_000


@pytest.mark.parametrize(
    "unit", ["deca[.]bet ", "bet888✨com ", "p_a_f.com ", "ab1 at cd dot com ", "ab。cd。"]
)
def test_many_disguised_hosts_stay_linear(unit: str) -> None:
    """Every host here carries a trick: looking tricks up per entity must not cost tricks x
    entities."""
    assert_linear(find_entities, unit, 1_500)


def _scanned(text: str) -> object:
    """The scanner's text path: weak folds, the guessed reading, prose-like hosts."""
    return extract_entities(unmask(text, weak=True), prose_like=True)


@pytest.mark.parametrize(
    "unit",
    [
        "ab_com ",
        "abdiancom ",
        "x 后缀 com ",
        "x🀄yz.com ",
        "ab. world ",
        "四k.com ",
        "https://a\nb.com ",
        "www.today,in ",
        "https://g.com/url?q=https://a.com&u=https://b.com ",
        "unip ulp . ru ",
    ],
)
def test_guessed_readings_stay_linear(unit: str) -> None:
    """Each guess adds a host beside the main reading's: matching them must not cost hosts x
    hosts (sizes above the gate's limit, so both texts run every pass)."""
    assert_linear(_scanned, unit, 5_000)
