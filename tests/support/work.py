"""Work counted in steps, not seconds, so that a bound holds on any machine under any load.

A *step* is one line event of CPython's tracer: every line executed, and every turn of a loop or
comprehension (CPython reports a line event on each backward jump), in every Python frame the
measured call runs, library code included. The count is the same on a fast idle machine and on a
slow busy one, so a unit test can assert it; figures in seconds live in ``bench/``.

Work inside C (a regex engine scanning, ``str`` methods) is not counted, but every call into it is
made from a counted line: quadratic Python around a regex shows, one catastrophic regex does not
(``tests/test_regex_shapes.py`` keeps those out by their shape).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import FrameType
from typing import Any, TypeVar

T = TypeVar("T")


class WorkBudgetExceeded(AssertionError):
    """Raised inside the measured call as soon as it takes more steps than its budget."""


def count_steps(func: Callable[[], T], budget: int | None = None) -> tuple[T, int]:
    """Run ``func()`` and return its result with the steps it took.

    With a ``budget`` the call is stopped (``WorkBudgetExceeded``) the moment it is exceeded, so a
    runaway input fails fast instead of hanging the suite.
    """
    steps = 0
    limit = budget if budget is not None else sys.maxsize

    def local(frame: FrameType, event: str, arg: Any) -> Callable[..., Any]:
        nonlocal steps
        if event == "line":
            steps += 1
            if steps > limit:
                raise WorkBudgetExceeded(f"more than {limit} steps")
        return local

    def start(frame: FrameType, event: str, arg: Any) -> Callable[..., Any]:
        return local

    previous = sys.gettrace()
    sys.settrace(start)
    try:
        result = func()
    finally:
        sys.settrace(previous)
    return result, steps


def steps_of(func: Callable[[], object], budget: int | None = None) -> int:
    """The steps ``func()`` took (its result dropped)."""
    return count_steps(func, budget)[1]


def assert_linear(
    func: Callable[[str], object], unit: str, size: int, factor: int = 8, slack: float = 1.5
) -> tuple[int, int]:
    """Steps on ``unit`` repeated to ``size`` characters and to ``factor`` times that grow at
    most ``slack`` times linearly (quadratic work would grow ``factor`` squared).

    One call on each text runs first, untimed, so that caches warm up outside the count (a text
    over ``GATE_MAX`` compiles the gates' exact ``re`` twins once, on first use). Returns (small,
    large) steps.
    """

    def text(length: int) -> str:
        return (unit * (length // len(unit) + 1))[:length]

    small_text, large_text = text(size), text(size * factor)
    func(small_text)
    func(large_text)
    small = steps_of(lambda: func(small_text))
    large = steps_of(lambda: func(large_text), budget=int(small * factor * slack) + 1000)
    assert large <= small * factor * slack + 1000, (unit[:20], small, large)
    return small, large
