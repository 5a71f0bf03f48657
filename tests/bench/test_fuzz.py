"""A CI-sized smoke of ``make fuzz`` (``bench/fuzz.py``): the same checks on a few hundred inputs.

Timing is not asserted here (the fuzz run and its results file hold the 10 ms per KB budget);
crashes and broken invariants (spans, ``raw``, the pre-check's soundness) are.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bench.fuzz import PIECES, Checker, Report, _valid, compose, random_inputs

_CHECKER = Checker(Report(engine="test"), None)


def test_composed_and_raw_inputs_keep_every_invariant() -> None:
    for text in random_inputs(seed=7, runs=300):
        assert _CHECKER._once(_valid(text)) is None, text


def test_the_generator_is_seeded_and_uses_the_pieces() -> None:
    first = list(random_inputs(seed=1, runs=50))
    assert first == list(random_inputs(seed=1, runs=50))
    assert any(piece in text for text in first for piece in PIECES if len(piece) > 3)


def test_a_broken_invariant_is_reported() -> None:
    report = Report(engine="test")
    checker = Checker(report, None)
    checker.unmask = lambda text, weak: (_ for _ in ()).throw(ValueError("boom"))
    with pytest.raises(ValueError, match="boom"):
        checker.check("bet888.com")
    assert [f["kind"] for f in report.failures] == ["crash"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=10_000), min_size=1, max_size=40))
def test_hypothesis_composed_inputs(choices: list[int]) -> None:
    picks = iter(choices * 8)
    text = compose(lambda n: next(picks, 0) % n, len(choices))
    assert _CHECKER._once(_valid(text)) is None, text


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=200))
def test_hypothesis_any_text(text: str) -> None:
    assert _CHECKER._once(_valid(text)) is None, text
