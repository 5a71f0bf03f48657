"""A host or id written as a line of code that builds it: read as the code would evaluate it.

``['bet888','com'].join('.')`` (JavaScript), ``".".join(["bet", "888"])`` (Python),
``implode('.', ['bet888', 'com'])`` (PHP), ``{{ ['bet888','com']|join('.') }}`` (Jinja),
``String.join(".", "bet888", "com")`` (Java, C#), ``CONCAT('bet888', '.', 'com')`` (SQL) and
plain concatenation ``"bet"+"888"+".com"``; a piece may be a sum (``'bet'+(800+88)``), which
JavaScript appends as its digits. Only short pieces of host and id characters are evaluated;
anything else (a variable, a call) leaves the code as written. Called by
:func:`bastion.normalize.edit_hints.edit_hints_pass` (trick ``instruction``).
"""

from __future__ import annotations

import re
from typing import Final

from bastion.normalize.result import Group

_PIECE: Final = r"[A-Za-z0-9_\-.]{0,32}"
_STR: Final = rf"(?:'{_PIECE}'|\"{_PIECE}\")"
_SUM: Final = r"\([ ]?[0-9]{1,12}(?:[ ]?[+＋][ ]?[0-9]{1,12}){1,3}[ ]?\)"
_TERM: Final = rf"(?:{_STR}|{_SUM}|[0-9]{{1,12}})"
_EXPR: Final = rf"{_TERM}(?:[ ]?\+[ ]?{_TERM}){{0,7}}"
_LIST: Final = rf"\[[ ]?{_EXPR}(?:[ ]?,[ ]?{_EXPR}){{1,7}}[ ]?,?[ ]?\]"
_ARGS: Final = rf"{_EXPR}(?:[ ]?,[ ]?{_EXPR}){{1,7}}"
_SEP: Final = r"""(?:'[_\-.]?'|"[_\-.]?")"""
_FORMS: Final = (
    re.compile(rf"(?P<list>{_LIST})\.join\([ ]?(?P<sep>{_SEP})[ ]?\)"),
    re.compile(
        rf"(?:\{{\{{[ ]?)?(?P<list>{_LIST})[ ]?\|[ ]?join\([ ]?(?P<sep>{_SEP})[ ]?\)(?:[ ]?\}}\}})?"
    ),
    re.compile(rf"(?P<sep>{_SEP})\.join\([ ]?(?P<list>{_LIST})[ ]?\)"),
    re.compile(rf"(?i:implode|join)\([ ]?(?P<sep>{_SEP})[ ]?,[ ]?(?P<list>{_LIST})[ ]?\)"),
    re.compile(rf"String\.join\([ ]?(?P<sep>{_SEP})[ ]?,[ ]?(?P<args>{_ARGS})[ ]?\)"),
    re.compile(rf"(?i:concat)\([ ]?(?P<args>{_ARGS})[ ]?\)"),
    re.compile(rf"(?<![\w'\"])(?P<expr>{_STR}(?:[ ]?\+[ ]?{_TERM}){{1,7}})(?![\w'\"])"),
)
"""The forms, most specific first: a span taken by one is not read again by the next."""
_TERM_RE: Final = re.compile(_TERM)
_EXPR_RE: Final = re.compile(_EXPR)

TRIGGER: Final = r"\.join\(|\|[ ]?join\(|(?i:implode|concat)\(|['\"][ ]?\+[ ]?['\"(0-9]"
"""A superset of every form (``re`` and RE2)."""


def _value(expr: str) -> str:
    """``'bet'+(800+88)`` -> ``bet888``; numbers before any string add up, as in JavaScript."""
    out: str | int = 0
    seen_str = False
    for m in _TERM_RE.finditer(expr):
        term = m[0]
        if term[0] in "'\"":
            out = (str(out) if seen_str or out else "") + term[1:-1]
            seen_str = True
            continue
        number = sum(int(t) for t in re.findall("[0-9]+", term))
        out = f"{out}{number}" if seen_str else int(out) + number
    return str(out)


def joins(text: str) -> list[Group]:
    """Every code join in ``text`` -> the value it builds."""
    groups: list[Group] = []
    taken: list[tuple[int, int]] = []
    for form in _FORMS:
        for m in form.finditer(text):
            start, end = m.span()
            if any(lo < end and start < hi for lo, hi in taken):
                continue
            found = m.groupdict()
            if found.get("list"):
                parts = [_value(e[0]) for e in _EXPR_RE.finditer(found["list"])]
            elif found.get("args"):
                parts = [_value(e[0]) for e in _EXPR_RE.finditer(found["args"])]
            else:
                parts = [_value(found["expr"])]
            sep = found["sep"][1:-1] if found.get("sep") else ""
            if any("." in p for p in parts) and sep == ".":
                continue  # ``['a.b', 'c']``: labels with dots of their own, not one name
            groups.append(("instruction", start, end, [(start, end, sep.join(parts))]))
            taken.append((start, end))
    return sorted(groups, key=lambda g: g[1])
