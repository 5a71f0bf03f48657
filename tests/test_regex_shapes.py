"""No backtracking blow-up by construction: the shape of every ``re`` pattern of the package.

The step counts of tests/support/work.py do not see inside the C regex engine, so the classic
catastrophic shape is ruled out here instead: an unbounded repeat (``*``, ``+``, ``{n,}``) whose
body itself repeats (``(a+)+``, ``(?:\\w+\\.)*``). RE2 patterns are linear by construction.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined,unused-ignore]
from typing import Any

import pytest

import bastion

_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)


def _children(op: Any, arg: Any) -> list[Any]:
    if op in _REPEATS:
        return [arg[2]]
    if op == sre.SUBPATTERN:
        return [arg[3]]
    if op == sre.BRANCH:
        return list(arg[1])
    if op in (sre.ASSERT, sre.ASSERT_NOT):
        return [arg[1]]
    if op == sre.ATOMIC_GROUP:
        return [arg]
    return []


def _repeats_inside(items: Any) -> bool:
    for op, arg in items:
        if op in _REPEATS and arg[1] > 1:
            return True
        if any(_repeats_inside(child) for child in _children(op, arg)):
            return True
    return False


def nested_unbounded(pattern: str) -> bool:
    """True when an unbounded repeat's body contains another repeat (of more than one)."""

    def walk(items: Any) -> bool:
        for op, arg in items:
            if op in _REPEATS and arg[1] == sre.MAXREPEAT and _repeats_inside(arg[2]):
                return True
            if any(walk(child) for child in _children(op, arg)):
                return True
        return False

    return walk(sre_parse.parse(pattern))


def _patterns() -> dict[str, str]:
    """Every compiled ``re`` pattern held by a module of the package (globals, their containers
    and class attributes), by where it lives."""
    found: dict[str, str] = {}

    def visit(value: object, where: str, depth: int) -> None:
        if isinstance(value, re.Pattern):
            if isinstance(value.pattern, str):
                found.setdefault(where, value.pattern)
        elif depth < 3 and isinstance(value, dict):
            for key, item in value.items():
                visit(item, f"{where}[{key!r}]", depth + 1)
        elif depth < 3 and isinstance(value, (list, tuple, set, frozenset)):
            for index, item in enumerate(value):
                visit(item, f"{where}[{index}]", depth + 1)
        elif depth < 3 and isinstance(value, type) and value.__module__.startswith("bastion"):
            for key, item in vars(value).items():
                visit(item, f"{where}.{key}", depth + 1)

    for info in pkgutil.walk_packages(bastion.__path__, "bastion."):
        if ".migrations." in info.name:
            continue  # alembic scripts run only under alembic
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            visit(value, f"{info.name}.{name}", 0)
    return found


@pytest.mark.parametrize(
    ("pattern", "bad"),
    [(r"(a+)+b", True), (r"(?:\w+\.)*com", True), (r"(?:ab|c{2,})*", True), (r"a+b+", False),
     (r"(?:[a-z0-9-]{0,61}\.){1,8}", False), (r"(?:ab)*x", False), (r"(?=.{4,253}$)\w+", False)],
)  # fmt: skip
def test_the_shape_check_itself(pattern: str, bad: bool) -> None:
    assert nested_unbounded(pattern) is bad


def test_no_package_pattern_nests_an_unbounded_repeat() -> None:
    patterns = _patterns()
    assert len(patterns) >= 50  # the walk does find the package's patterns
    offenders = {where: p for where, p in patterns.items() if nested_unbounded(p)}
    assert offenders == {}
