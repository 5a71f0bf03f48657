"""Ids with a symbol put inside them, joined where the message names the symbol to drop.

``ｔｉａｎ－ｊ🌸ｉａ４１８３８ 是我的威（去掉🌸）``, ``coco💎vip98033 ✌信（去掉💎）``,
``lucky🍓88 (remove the 🍓)``: an emoji planted between two characters of an id, and an aside
telling the reader to take it out. Read as written, a finder that takes the id after the emoji
reports a shorter, wrong id (``ia41838``); the reader drops the symbol and reads
``tian-jia41838``. Only the symbol the message names is dropped, and only where it stands
between two characters of an id (letters, digits, ``_``, ``-``) in a token that is no host (a
dot in it or after it is the link instructions' business, :mod:`bastion.normalize.instructions`).
"""

from __future__ import annotations

import re
from typing import Final

from bastion.normalize.cues import SYMBOLS
from bastion.normalize.result import Edit, Group, Work

_DROP_ZH: Final = "去掉|去除|删掉|删除|删去|拿掉|忽略|不要"
_DROP_EN: Final = "remove|delete|drop|ignore|skip|without|take out|leave out"
_INSTRUCTION_RE: Final = re.compile(
    f"(?:{_DROP_ZH})[ \t]{{0,2}}(?:所有的?|全部的?|那个|这个)?(?P<zh>[{SYMBOLS}])"
    f"|(?i:{_DROP_EN})[ ]{{1,2}}(?:(?i:the|all|every|each|any)[ ]{{1,2}}(?:(?i:the)[ ]{{1,2}})?)?"
    f"(?P<en>[{SYMBOLS}])"
    f"|把[ \t]{{0,2}}(?P<ba>[{SYMBOLS}])\ufe0f?[ \t]{{0,2}}(?:全部|都)?(?:{_DROP_ZH})"
)
"""``（去掉🌸）``, ``(remove the 💎)``, ``（把🍓去掉）``: the symbol the reader is told to drop."""
TRIGGER: Final = (
    f"(?:{_DROP_ZH})[ \t]{{0,2}}(?:所有的?|全部的?|那个|这个)?[{SYMBOLS}]"
    f"|(?i:{_DROP_EN})[ ]{{1,2}}(?:(?i:the|all|every|each|any)[ ]{{1,2}}(?:(?i:the)[ ]{{1,2}})?)?"
    f"[{SYMBOLS}]"
    f"|把[ \t]{{0,2}}[{SYMBOLS}]"
)
"""RE2: a superset of :data:`_INSTRUCTION_RE` (the pass's gate and trigger)."""
_UNIT: Final = "A-Za-z0-9_\\-"
_REACH: Final = 120
"""How far before or after the instruction the id it speaks of may stand."""


def _token_re(symbol: str) -> re.Pattern[str]:
    """An id token that may hold ``symbol`` between its characters (any variation selector
    after the symbol goes with it)."""
    s = re.escape(symbol)
    return re.compile(
        f"(?<![{_UNIT}.{s}])[{_UNIT}]+(?:{s}\ufe0f?[{_UNIT}]+)+(?![{_UNIT}{s}]|[.。点點][A-Za-z])"
    )


def dropped_symbol_pass(work: Work) -> None:
    """Drop the symbol the message names from inside the ids near the instruction."""
    text = work.text
    groups: list[Group] = []
    seen: set[int] = set()
    for instruction in _INSTRUCTION_RE.finditer(text):
        symbol = instruction["zh"] or instruction["en"] or instruction["ba"]
        lo = max(0, instruction.start() - _REACH)
        hi = min(len(text), instruction.end() + _REACH)
        for token in _token_re(symbol).finditer(text, lo, hi):
            if token.start() in seen or instruction.start() <= token.start() < instruction.end():
                continue
            seen.add(token.start())
            edits: list[Edit] = [
                (m.start(), m.end(), "")
                for m in re.finditer(f"{re.escape(symbol)}\ufe0f?", token[0])
            ]
            start = token.start()
            groups.append(
                ("defang", start, token.end(), [(start + a, start + b, e) for a, b, e in edits])
            )
    work.apply(groups)
