"""Jump to where a pattern can start: ``re`` tries every alternative at every position otherwise.

A cue pattern is a long alternation (homophones, pinyin, emoji...), and CPython's ``re`` has no
first-character skip for an alternation whose branches start with classes, so ``finditer`` costs
tens of microseconds on a short message. :func:`anchored_finditer` computes the set of characters
a match can begin with from the parsed pattern, finds those with one class search (which ``re``
does scan fast), and tries the pattern only there. Results equal ``finditer``'s (a property test
checks it).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from re import _constants as c  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined,unused-ignore]
from typing import Any

_Ranges = list[tuple[int, int]]


class _Unbounded(Exception):
    """The pattern can start with any character (``.``, a negated class...): no anchor."""


def _first(items: Any) -> tuple[_Ranges, bool]:
    """Ranges of first characters of a parsed sequence, and whether it can match empty."""
    ranges: _Ranges = []
    for op, av in items:
        got, nullable = _first_item(op, av)
        ranges.extend(got)
        if not nullable:
            return ranges, False
    return ranges, True


def _first_item(op: Any, av: Any) -> tuple[_Ranges, bool]:
    if op is c.LITERAL:
        return [(av, av)], False
    if op is c.IN:
        ranges: _Ranges = []
        for kind, value in av:
            if kind is c.LITERAL:
                ranges.append((value, value))
            elif kind is c.RANGE:
                ranges.append(value)
            else:
                raise _Unbounded
        return ranges, False
    if op is c.SUBPATTERN:
        if av[1] & c.SRE_FLAG_IGNORECASE:
            raise _Unbounded
        return _first(av[3])
    if op is c.BRANCH:
        ranges = []
        nullable = False
        for branch in av[1]:
            got, empty = _first(branch)
            ranges.extend(got)
            nullable = nullable or empty
        return ranges, nullable
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
        low, _, inner = av
        got, empty = _first(inner)
        return got, empty or low == 0
    if op in (c.ASSERT, c.ASSERT_NOT, c.AT):
        return [], True
    raise _Unbounded


def first_class(pattern: str) -> str | None:
    """A character class (``[...]``) of every character a match of ``pattern`` can start with;
    None when any character can (or the pattern can match empty)."""
    try:
        parsed = _parser.parse(pattern)
        if parsed.state.flags & re.IGNORECASE:
            return None
        ranges, nullable = _first(parsed)
    except _Unbounded:
        return None
    if nullable or not ranges:
        return None
    body = "".join(
        re.escape(chr(lo)) if lo == hi else f"{re.escape(chr(lo))}-{re.escape(chr(hi))}"
        for lo, hi in sorted(set(ranges))
    )
    return f"[{body}]"


def anchored_finditer(pattern: re.Pattern[str]) -> Callable[[str], Iterator[re.Match[str]]]:
    """``pattern.finditer`` that tries ``pattern`` only where its first character occurs."""
    cls = first_class(pattern.pattern)
    if cls is None or pattern.flags & re.IGNORECASE:
        return pattern.finditer
    starts = re.compile(cls).search
    match = pattern.match

    def finditer(text: str) -> Iterator[re.Match[str]]:
        pos = 0
        while (start := starts(text, pos)) is not None:
            at = start.start()
            found = match(text, at)
            if found is None:
                pos = at + 1
                continue
            yield found
            pos = found.end() if found.end() > at else at + 1

    return finditer
