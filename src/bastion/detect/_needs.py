"""Which characters a match must hold: a sound one-class first test for a set of patterns.

:func:`needed_chars` reads parsed ``re`` patterns and returns characters of which every match
holds at least one, on texts without the ``excluded`` characters (which the caller tests for
apart). A text holding neither cannot match: one character-class search (``re`` scans a class
at about 2 ns a character) then answers for a whole RE2 set, which costs about a microsecond
to encode the text for and call.

Look-arounds count as requiring nothing, character categories and negated classes as any
character, and ``(?i)`` brings every case variant in, so the answer holds for the RE2 form of
the patterns too. Where a sequence leaves a choice, the rarest item in real messages is taken
(:data:`FREQUENT`); that choice changes the speed of the test, never its soundness.
"""

from __future__ import annotations

import _sre  # type: ignore[import-not-found]
import re
from collections.abc import Callable, Iterable, Sequence
from functools import cache
from re import _casefix as casefix  # type: ignore[attr-defined]
from re import _constants as c  # type: ignore[attr-defined]
from re import _parser as parser  # type: ignore[attr-defined,unused-ignore]
from typing import Any, Final

Chars = frozenset[int]
_NULLABLE: Final = "nullable"
"""The item can match without consuming a character (or only by look-around): no need."""
_DEAD: Final = "dead"
"""The item needs an excluded character: on the texts in question it never matches."""
_ANY: Final = "any"
"""The item can consume (nearly) any character: no small set expresses its need."""
_Need = Chars | str
_WIDE_RANGE: Final = 0x3000
"""A class range wider than this counts as any character (it would not make a useful test)."""

FREQUENT: Final = (
    "的[]，！。了是不 这@人一我有？真好大个么eo可a来in要啊t在就还h你吧都子"
    "国会r吃.sl们中家y到小心d天u看g也生以发m为I多能没上转c回得哈p说T~惊"
    "假出下D太如w时A动怒:微去1用您请活博信年事吗L日死G!0过k那无新点b和爱意"
    "话后什-哦E道开他现样Mf…复元全2最行情地C起老美快果实N自本_x想vP品只对"
    "定注特息惠求感优学怎笑打泪机公购给很月理蜡?烛民相更安知手问成送里3高该前即当别"
    "户S汗、谣5车三等法已“被”,费分次此然H需呢女买O力再管电：加方R员价关经城之"
    "万体与尊同种钱订名客店应做受着衰享退儿敬U消期面又正欢8服明让啦亲视节持系些支谢"
    "业乐文推进于主孩重证直所何'取作己外黑观金场恶号或原通B间量折妈百7接解长提难少"
    "利把屎光网联头务报商偷今性任9望马免容内～Y红才二喜满西包待带度觉详者平抢哪思物"
    "十福并养房怕身官线恐东政门围W限但（4呀疑迎专闻收挖两）抓走流值而保社世部其鼻强"
)
"""The 400 characters found in the most messages of the clean sets (``bench.throughput``'s
``clean_messages``: SMS, telecom texts, YouTube and Weibo comments), most frequent first."""
_RANK: Final = {ord(char): rank for rank, char in enumerate(FREQUENT)}


def _weight(code: int) -> int:
    """How often a character shows up in ordinary messages, relative: by its rank in
    :data:`FREQUENT`, 1 for the rest."""
    rank = _RANK.get(code)
    return 1 if rank is None else max(2, 4000 // (rank + 10))


def _cost(need: _Need) -> float:
    if isinstance(need, str):
        return 0.0 if need == _NULLABLE else float("inf")
    return float(sum(_weight(code) for code in need))


@cache
def _case_orbits() -> dict[int, frozenset[int]]:
    """Lower-case code point -> every code point ``re`` lowers to it (``K``, KELVIN SIGN, for
    ``k``); built once, about 0.1 s."""
    orbits: dict[int, set[int]] = {}
    for code in range(0x110000):
        low = _sre.unicode_tolower(code)
        if low != code:
            orbits.setdefault(low, {low}).add(code)
    return {low: frozenset(codes) for low, codes in orbits.items()}


def _variants(code: int, ignore_case: bool) -> set[int]:
    """``code`` and, under ``(?i)``, every character ``re`` or RE2 matches it with: those of
    the same lower case, and the extra pairs ``re`` knows (``s`` and ``ſ``, ``i`` and ``ı``)."""
    if not ignore_case:
        return {code}
    orbits = _case_orbits()
    found = {code}
    char = chr(code)
    found.update(ord(v) for v in (char.upper(), char.lower(), char.casefold()) if len(v) == 1)
    for known in list(found):
        low = _sre.unicode_tolower(known)
        found.add(low)
        found.update(orbits.get(low, ()))
    for known in list(found):
        found.update(casefix._EXTRA_CASES.get(known, ()))
        found.update(orbits.get(known, ()))
    return found


def _class(av: Any, excluded: Callable[[int], bool], ignore_case: bool) -> _Need:
    if any(kind is c.NEGATE for kind, _ in av):
        return _ANY
    left: set[int] = set()
    for kind, value in av:
        if kind is c.LITERAL:
            codes: Iterable[int] = (value,)
        elif kind is c.RANGE and value[1] - value[0] <= _WIDE_RANGE:
            codes = range(value[0], value[1] + 1)
        else:  # a category (\d, \w, \s) or a wide range: many characters
            return _ANY
        for code in codes:
            left.update(v for v in _variants(code, ignore_case) if not excluded(v))
    return frozenset(left) if left else _DEAD


def _item(op: Any, av: Any, excluded: Callable[[int], bool], ignore_case: bool) -> _Need:
    if op is c.LITERAL:
        left = frozenset(v for v in _variants(av, ignore_case) if not excluded(v))
        return left if left else _DEAD
    if op is c.IN:
        return _class(av, excluded, ignore_case)
    if op is c.SUBPATTERN:
        _, add, remove, inner = av
        case = (ignore_case or bool(add & c.SRE_FLAG_IGNORECASE)) and not (
            remove & c.SRE_FLAG_IGNORECASE
        )
        return _sequence(inner, excluded, case)
    if op is c.ATOMIC_GROUP:
        return _sequence(av, excluded, ignore_case)
    if op is c.BRANCH:
        needs = [_sequence(branch, excluded, ignore_case) for branch in av[1]]
        live = [need for need in needs if need != _DEAD]
        if not live:
            return _DEAD
        for weak in (_NULLABLE, _ANY):
            if weak in live:
                return weak
        union: set[int] = set()
        for need in live:
            if isinstance(need, frozenset):
                union.update(need)
        return frozenset(union)
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
        low, _, inner = av
        need = _sequence(inner, excluded, ignore_case)
        return _NULLABLE if low == 0 else need
    if op in (c.ASSERT, c.ASSERT_NOT, c.AT):
        return _NULLABLE
    return _ANY  # ANY, NOT_LITERAL, CATEGORY, GROUPREF...: any character may do


def _sequence(items: Any, excluded: Callable[[int], bool], ignore_case: bool) -> _Need:
    """A sequence matches only where every item does: its cheapest item's need is its own."""
    best: _Need = _NULLABLE
    for op, av in items:
        need = _item(op, av, excluded, ignore_case)
        if need == _DEAD:
            return _DEAD
        if need != _NULLABLE and (best == _NULLABLE or _cost(need) < _cost(best)):
            best = need
    return best


def needed_chars(patterns: Sequence[str], excluded: Callable[[int], bool]) -> Chars | None:
    """Characters of which every match of every pattern holds one, on texts with no
    ``excluded`` character; None when there is no such set (a pattern can match empty text or
    any character). Patterns that need an excluded character add nothing."""
    union: set[int] = set()
    for pattern in patterns:
        parsed = parser.parse(pattern)
        need = _sequence(parsed, excluded, bool(parsed.state.flags & re.IGNORECASE))
        if need == _DEAD:
            continue
        if isinstance(need, str):
            return None
        union.update(need)
    return frozenset(union)
