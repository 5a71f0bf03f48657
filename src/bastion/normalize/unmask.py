"""``unmask(text)``: undo the ways spammers disguise links and contact handles.

One cheap gate decides whether any trick can apply (an ASCII-only regex for ASCII text; a
precompiled class of "interesting" characters for the rest); clean text returns an identity
:class:`Unmasked` without building anything. Otherwise a fixed sequence of passes runs, each a few
regex scans, and the offset map is built only if a pass changes the text's length.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any, Final, cast

import re2

from bastion.normalize import broken, defang, guess, leet, rules
from bastion.normalize.result import Unmasked, Work
from bastion.normalize.tables import (
    CJK_DOTS,
    CJK_NUMERALS,
    DOT_EMOJI,
    Tables,
    char_class,
    tables,
)

(
    _SPACED, _HXXP, _DOT, _AT, _CHARS, _HOMOGLYPH, _CJK, _DEFANG, _LINES, _ROMAN, _DIGITS, _SPLIT
) = (1 << i for i in range(12))
_ALL: Final = (1 << 12) - 1

_WS: Final = r"[\s\p{Z}]"
_ASCII_GATES: Final = (
    (
        r"(?:^|[^A-Za-z0-9])[A-Za-z0-9](?:[^\pL\pN\r\n'’]{1,3}[A-Za-z0-9]){2}(?:[^A-Za-z0-9]|$)",
        _SPACED,
    ),
    (
        rf"(?i:\bh(?:{_WS}{{1,2}}[tx*_]{_WS}{{0,2}}[tx*_]|[tx*_]{_WS}{{1,2}}[tx*_]"
        rf"|[tx*_][tx*_]{_WS}{{1,2}}){_WS}{{0,2}}p)|(?i:\bh(?:[x*_][tx*_]|t[x*_])p)",
        _HXXP,
    ),
    (
        rf"(?i:https?)(?:{_WS}|[;\[({{；：]|:{_WS}{{0,2}}[\\＼]|:{_WS}{{0,2}}[/／]{_WS}|:/?／"
        rf"|:{_WS}{{0,2}}[/／]{_WS}{{0,2}}[/／]{_WS})",
        _HXXP,
    ),
    (r"(?i:[\[({<]\s?h[tx*_]{2}ps?\s?[\])}>]|\bh[tx*_]{2}ps?(?://|__|:/[A-Za-z0-9]))", _HXXP),
    (rf"[\[({{（【]{_WS}?(?:[.:@。点．]|(?i:dot|at))|(?i:\bdot\b)", _DOT | _AT),
    (rf"[A-Za-z0-9]{_WS}{{1,2}}\.{_WS}{{0,2}}[A-Za-z0-9]|(?i:www)\.{_WS}", _DOT | _AT),
    (rf"\.{_WS}{{1,2}}(?:{'|'.join(sorted(rules.COMMON_TLDS))})\b", _DOT | _AT),
    (rf"[A-Za-z0-9]#[A-Za-z0-9]|{_WS}@|@{_WS}|艾特", _AT),
    (defang.GATE, _DEFANG | _DOT | _AT),
    (broken.GATE, _LINES | _DOT),
    (broken.DIGIT_GATE, _DIGITS),
    (guess.SPLIT_GATE, _SPLIT),
)
"""Cheap supersets of each pass's trigger, with the passes they call for.

RE2 runs them all in one DFA scan and says which matched, so only those passes run.
"""

GATE_MEMORY: Final = 64 << 20
"""RE2's memory budget per set (default 8 MiB). The pre-check's and the unmasker's gate sets
outgrow the default DFA cache on real traffic (disguised cue words and defanging forms add
states): the cache then thrashes, 13 us a message instead of 1.5 us, and a set whose DFA fails
reports no match. The cache is built lazily, so the budget costs memory only as states are met."""

_GATE_MAX: Final = 4096
"""Longer texts skip the gate: an RE2 set may give up on them (DFA budget) and report no match."""


class _Gate:
    """An RE2 set of gate patterns; ``flags(text)`` ORs the pass flags of those that match."""

    __slots__ = ("_flags", "_match")

    def __init__(self, gates: list[tuple[str, int]]) -> None:
        options = re2.Options()
        options.max_mem = GATE_MEMORY
        compiled: Any = re2.Set.SearchSet(options)
        for pattern, _ in gates:
            compiled.Add(pattern.encode())
        compiled.Compile()
        self._match = cast("Callable[[bytes], list[int]]", compiled._set.Match)
        self._flags = [flag for _, flag in gates]

    def flags(self, text: str) -> int:
        if len(text) > _GATE_MAX:
            return _ALL
        hits = self._match(text.encode("utf-8", "surrogatepass"))
        if not hits:
            return 0
        result = 0
        for index in hits:
            result |= self._flags[index]
        return result


_ASCII_GATE: Final = _Gate(list(_ASCII_GATES))


@dataclass(frozen=True, slots=True)
class _Compiled:
    """Gate and regexes over the lazily built character tables."""

    tables: Tables
    gate: _Gate
    chars: re.Pattern[str]
    homoglyph: re.Pattern[str]


@cache
def _compiled() -> _Compiled:
    t = tables()
    cjk = "".join(CJK_NUMERALS)
    gate = _Gate(
        [
            (f"[{t.same_class}{t.other_class}]", _CHARS),
            (f"[{t.homoglyph_class}]", _HOMOGLYPH),
            (rf"[A-Za-z0-9]{_WS}{{0,2}}[{CJK_DOTS}]", _DOT | _AT),
            (rf"\.{_WS}?[{DOT_EMOJI}]|[{DOT_EMOJI}]{_WS}?\.", _DOT),
            (f"[{cjk}][0-9A-Za-z{cjk}\\-.。点點]", _CJK),
            (rules.ROMAN_RE.pattern, _ROMAN),
            *_ASCII_GATES,
        ]
    )
    bmp = [cp for cp in (*t.same, *t.other) if cp <= 0xFFFF]
    chars = re.compile(f"[{char_class(bmp)}\\U00010000-\\U0010ffff]+")
    return _Compiled(t, gate, chars, re.compile(f"[{t.homoglyph_class}]"))


def unmask(text: str, *, explain: bool = False, weak: bool = False) -> Unmasked:
    """Fold disguised links and handles in ``text`` to plain ASCII, keeping a map to ``text``.

    With ``explain=True`` every undone trick is also recorded as an :class:`UnmaskStep`. With
    ``weak=True`` a spelled dot that reads as prose before a final TLD (``ebarus dot me``,
    ``brca。be``) is folded too, as trick ``weak_dot``: the scanner keeps such a host only when
    the intel lists it; and where a guess can apply (``bastion.normalize.guess``) the result
    carries the guessed reading as ``alternate``.
    """
    if not isinstance(text, str):
        raise TypeError(f"unmask() needs a str, got {type(text).__name__}")
    work = _passes(text, explain, weak, False)
    result = Unmasked(text, text) if work is None else work.result()
    split = work is not None and any(trick[0] == "split_word" for trick in work.tricks)
    if weak and (split or guess.GUESS_GATE.search(result.text)):
        alternate = _passes(text, explain, True, True)
        if alternate is not None and alternate.text != result.text:
            result.alternate = alternate.result()
    return result


def _passes(text: str, explain: bool, weak: bool, guessing: bool) -> Work | None:
    """Run the passes whose gate matches ``text``; None when no trick can apply."""
    if text.isascii():
        gate = _ASCII_GATE
        flags = gate.flags(text)
        if not flags and not guessing:
            return None
        work = Work(text, explain, weak, guessing)
    else:
        compiled = _compiled()
        gate = compiled.gate
        flags = gate.flags(text)
        if not flags and not guessing:
            return None
        work = Work(text, explain, weak, guessing)
        if "\u202e" in text:
            rules.bidi_pass(work)
        if flags & _ROMAN:
            rules.roman_pass(work)
        if flags & _CHARS:
            rules.char_pass(work, compiled.tables, compiled.chars)
        if flags & _HOMOGLYPH:
            rules.homoglyph_pass(work, compiled.tables, compiled.homoglyph)
        if work.tricks:
            flags |= gate.flags(work.text)
        if flags & _CJK:
            before = len(work.tricks)
            rules.cjk_numeral_pass(work)
            if len(work.tricks) > before:
                flags |= gate.flags(work.text)
    if guessing:
        flags |= _DOT
    if flags & _SPLIT:
        guess.split_pass(work)
    if flags & _DEFANG:
        defang.defang_pass(work)
        leet.leet_tld_pass(work)
        if work.tricks:
            flags |= gate.flags(work.text)
    if flags & _DIGITS:
        broken.digit_run_pass(work)
    if flags & _LINES:
        broken.broken_host_pass(work)
    if flags & _HXXP:
        rules.hxxp_pass(work)
    if flags & _DOT:
        rules.spelled_dot_pass(work)
    if flags & _SPACED:
        rules.spaced_pass(work)
    if flags & _AT:
        rules.spelled_at_pass(work)
    if guessing:
        guess.guess_pass(work)
    return work


def warm() -> None:
    """Build the character tables now (~80 ms) instead of on the first non-ASCII text."""
    _compiled()
