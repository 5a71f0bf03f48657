"""RE2 sets as cheap gates: one DFA pass answers "which of these patterns occur at all?".

Python's ``re`` tries every alternative at every position, so a union of cue words costs
microseconds per message; RE2 scans once. RE2 lacks look-around, so patterns written for
``re`` are rewritten into supersets (:func:`to_re2`); each gate keeps an exact ``re`` twin for
texts too long for a bounded DFA budget.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any, cast

import re2

from bastion.extract._anchors import first_class
from bastion.normalize.unmask import GATE_MEMORY as GATE_MEMORY

GATE_MAX = 4096
"""Longer texts use the ``re`` twin: an RE2 set may exhaust its DFA budget and miss."""


_LOOKAROUND = re.compile(r"\(\?(<!|!|=)(\[[^\]]*\])\)")
_WS = "[\\s\\p{Z}\\x1c-\\x1f\\x85]"
_WORD_BLOCKS = ((0x3041, 0x3096), (0x30A1, 0x30FA), (0x3400, 0x4DBF), (0x4E00, 0x9FFF))
"""Kana and CJK ideograph blocks: word characters to ``re``'s Unicode ``\\w`` (checked at
import), not to RE2's ASCII one. Adding them to ``[^\\w`` keeps Chinese text from reading as
gaps between spaced letters (``x月x.x.x号``)."""
_CJK_WORD = "".join(f"\\x{{{lo:X}}}-\\x{{{hi:X}}}" for lo, hi in _WORD_BLOCKS)
if not all(re.fullmatch(r"\w+", "".join(map(chr, range(lo, hi + 1)))) for lo, hi in _WORD_BLOCKS):
    _CJK_WORD = ""


def to_re2(pattern: str) -> str:
    """RE2 has no look-around and an ASCII ``\\s``; rewrite ``pattern`` to a superset it runs.

    ``(?<![X])`` (only ever at a pattern start) becomes ``(?:^|[^X])``, the same match existence;
    ``(?![X])`` becomes ``(?:$|[^X])`` at the pattern end and is dropped elsewhere (it would
    consume a character the rest needs); ``(?=[X])`` becomes ``[X]``. ``\\s`` widens to Unicode
    spaces, and RE2's ASCII ``\\w`` only widens ``[^\\w]`` classes (less so with the CJK blocks
    added to them).
    """

    def replace(match: re.Match[str]) -> str:
        kind, chars = match.group(1), match.group(2)
        if kind == "=":
            return chars
        negated = "[^" + chars[1:]
        if kind == "<!":
            return f"(?:^|{negated})"
        at_end = pattern[match.end() :].strip(")") == ""
        return f"(?:$|{negated})" if at_end else ""

    converted = _LOOKAROUND.sub(replace, pattern).replace("\\s", _WS)
    converted = converted.replace("[^\\w", "[^\\w" + _CJK_WORD)
    if "(?<" in converted or "(?=" in converted or "(?!" in converted:
        raise ValueError(f"look-around left in gate pattern: {pattern!r}")
    return converted


def _guarded(pattern: str) -> str:
    """``pattern`` behind a look-ahead for its first characters: ``re`` then rejects most
    positions with one class test instead of trying each branch of a long alternation."""
    first = first_class(pattern)
    return pattern if first is None else f"(?={first})(?:{pattern})"


class Gate:
    """Patterns compiled twice: an RE2 set (one DFA pass) and exact ``re`` twins."""

    __slots__ = ("exact", "fast", "patterns")

    def __init__(self, patterns: Sequence[str]) -> None:
        guarded = [_guarded(pattern) for pattern in patterns]
        self.patterns = [re.compile(pattern) for pattern in guarded]
        self.exact = re.compile("|".join(f"(?:{pattern})" for pattern in guarded))
        options = re2.Options()
        options.max_mem = GATE_MEMORY
        self.fast = re2.Set.SearchSet(options)
        for pattern in patterns:
            self.fast.Add(to_re2(pattern).encode())
        self.fast.Compile()

    def matcher(self) -> Callable[[bytes], list[int]]:
        """The compiled set's own match function, skipping the wrapper (hot-path callers)."""
        compiled: Any = self.fast
        return cast("Callable[[bytes], list[int]]", compiled._set.Match)

    def search(self, text: str) -> bool:
        """True when any pattern occurs in ``text``."""
        if len(text) > GATE_MAX:
            return self.exact.search(text) is not None
        return bool(self.fast.Match(text.encode("utf-8", "surrogatepass")))

    def hits(self, text: str) -> frozenset[int]:
        """Indices of the patterns that occur in ``text`` (a superset for RE2-rewritten ones)."""
        if len(text) > GATE_MAX:
            return frozenset(i for i, p in enumerate(self.patterns) if p.search(text))
        return frozenset(self.matcher()(text.encode("utf-8", "surrogatepass")))
