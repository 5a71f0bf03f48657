"""Adversarial input: no crash and time linear in the length (bounded quantifiers everywhere)."""

from __future__ import annotations

import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bastion.extract import extract_entities, find_entities, has_candidates
from tests.extract.test_api import Plain

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


def _seconds(func: object, text: str) -> float:
    assert callable(func)
    best = float("inf")
    for _ in range(2):
        start = time.perf_counter()
        func(text)
        best = min(best, time.perf_counter() - start)
    return best


@pytest.mark.parametrize("unit", UNITS)
def test_adversarial_text_is_fast(unit: str) -> None:
    text = (unit * (50_000 // len(unit) + 1))[:50_000]
    assert _seconds(lambda t: extract_entities(Plain(t)), text) < 1.0
    assert _seconds(find_entities, text) < 3.0
    assert _seconds(has_candidates, text) < 0.2


@pytest.mark.parametrize("unit", ["a.", "1.", "a@", "a b ", "http://a", "a." * 40 + "@"])
def test_time_grows_linearly(unit: str) -> None:
    small = (unit * (12_500 // len(unit) + 1))[:12_500]
    large = (unit * (100_000 // len(unit) + 1))[:100_000]
    extract = lambda t: extract_entities(Plain(t))  # noqa: E731
    ratio = _seconds(extract, large) / max(_seconds(extract, small), 1e-4)
    assert ratio < 24, ratio  # 8x the text; quadratic would be 64x


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from([*UNITS, "。", "点", "[.]", "@", "1381234", "com"]), min_size=1))
def test_random_repetitions_do_not_crash(units: list[str]) -> None:
    text = ("".join(units) * 20_000)[:20_000]
    start = time.perf_counter()
    entities = find_entities(text)
    assert time.perf_counter() - start < 3.0
    assert all(text[e.span[0] : e.span[1]] == e.raw for e in entities)


@pytest.mark.parametrize(
    "unit", ["deca[.]bet ", "bet888✨com ", "p_a_f.com ", "ab1 at cd dot com ", "ab。cd。"]
)
def test_many_disguised_hosts_stay_linear(unit: str) -> None:
    """Every host here carries a trick: looking tricks up per entity must not cost tricks x
    entities."""
    small = (unit * (12_500 // len(unit) + 1))[:12_500]
    large = (unit * (100_000 // len(unit) + 1))[:100_000]
    find_entities(small)
    ratio = _seconds(find_entities, large) / max(_seconds(find_entities, small), 1e-4)
    assert ratio < 24, ratio
