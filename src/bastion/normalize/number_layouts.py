"""A cued number laid out so no finder reads it: a digit a line, or numbered groups.

``联系电话 ⏎1⏎  3⏎    7⏎ ...`` (a staircase, one digit a line) and ``WA：① +63918132  ③ 5
② 327（按序号拼起来）`` (groups out of order, numbered, with a hint to put them in order) are
one number each: ``13721204080``, ``+639181323275``. Only right after a phone, QQ or messenger
cue, only digits (a ``+`` first), and the groups only when every label from one up occurs once
and the message says to put them in order. The reading is trick ``layout`` (the tails reader
then does not take it for a piece).
"""

from __future__ import annotations

import re
from typing import Final

from bastion.normalize.digit_forms import NUMBER_CUE
from bastion.normalize.result import Group, Work

_AFTER_CUE: Final = r"[ \t:：]{0,3}(?:me:?[ ]|加|add[ ])?[ \t:：]{0,2}"
_STAIRS_RE: Final = re.compile(
    rf"{NUMBER_CUE}{_AFTER_CUE}\r?\n[ \t]*(?P<run>\+?[0-9](?:[ \t]*\r?\n[ \t]*[0-9]){{6,14}})"
    r"(?![0-9])"
)
_LABEL: Final = r"(?:[①-⑨]|\([1-9]\)|#[1-9]|第[1-9]段|[1-9]\))"
_PIECES_RE: Final = re.compile(
    rf"{NUMBER_CUE}{_AFTER_CUE}(?P<body>{_LABEL}[ \t]?\+?[0-9]{{0,15}}"
    rf"(?:[ \t]{{1,3}}{_LABEL}[ \t]?\+?[0-9]{{0,15}}){{1,4}})(?![0-9])"
)
_PIECE_RE: Final = re.compile(rf"(?P<label>{_LABEL})[ \t]?(?P<digits>\+?[0-9]{{0,15}})")
_ORDER_HINT_RE: Final = re.compile(r"(?i:in[ ]order|order[ ]of|numbered)|序号|顺序|按编号")
_CIRCLED: Final = "①②③④⑤⑥⑦⑧⑨"

TRIGGER: Final = (
    r"\n[ \t]*[0-9][ \t]*\n[ \t]*[0-9][ \t]*\n[ \t]*[0-9][ \t]*\n"
    rf"|{_LABEL}[ \t]?\+?[0-9][^\n]{{0,40}}{_LABEL}[ \t]?\+?[0-9]"
)
"""A superset of both layouts (``re`` and RE2)."""


def _order(label: str) -> int:
    return _CIRCLED.index(label) + 1 if label in _CIRCLED else int(re.sub("[^0-9]", "", label))


def number_layout_pass(work: Work) -> None:
    """A cued number a digit a line, or in numbered groups -> the number."""
    text = work.text
    groups: list[Group] = []
    for m in _STAIRS_RE.finditer(text):
        start, end = m.span("run")
        groups.append(("layout", start, end, [(start, end, re.sub(r"\s", "", m["run"]))]))
    hinted = _ORDER_HINT_RE.search(text) is not None
    for m in _PIECES_RE.finditer(text) if hinted else ():
        pieces = {_order(p["label"]): p["digits"] for p in _PIECE_RE.finditer(m["body"])}
        if sorted(pieces) != list(range(1, len(pieces) + 1)) or len(pieces) < 2:
            continue
        number = "".join(pieces[k] for k in sorted(pieces))
        digits = number.lstrip("+")
        if "+" in digits or not 7 <= len(digits) <= 15:
            continue
        start, end = m.span("body")
        if any(lo < end and start < hi for _, lo, hi, _ in groups):
            continue
        groups.append(("layout", start, end, [(start, end, number)]))
    work.apply(sorted(groups, key=lambda g: g[1]))
