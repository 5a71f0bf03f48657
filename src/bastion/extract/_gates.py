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
from bastion.normalize.re2syntax import to_re2 as to_re2
from bastion.normalize.unmask import GATE_MEMORY as GATE_MEMORY

GATE_MAX = 4096
"""Longer texts use the ``re`` twin: an RE2 set may exhaust its DFA budget and miss."""


def _guarded(pattern: str) -> str:
    """``pattern`` behind a look-ahead for its first characters: ``re`` then rejects most
    positions with one class test instead of trying each branch of a long alternation."""
    first = first_class(pattern)
    return pattern if first is None else f"(?={first})(?:{pattern})"


class Gate:
    """Patterns compiled twice: an RE2 set (one DFA pass) and exact ``re`` twins."""

    __slots__ = ("_exact", "_match", "fast", "sources")

    def __init__(self, patterns: Sequence[str]) -> None:
        self.sources = tuple(patterns)
        self._exact: tuple[list[re.Pattern[str]], re.Pattern[str]] | None = None
        options = re2.Options()
        options.max_mem = GATE_MEMORY
        self.fast = re2.Set.SearchSet(options)
        for pattern in patterns:
            self.fast.Add(to_re2(pattern).encode())
        self.fast.Compile()
        compiled: Any = self.fast
        self._match = cast("Callable[[bytes], list[int]]", compiled._set.Match)

    @property
    def patterns(self) -> list[re.Pattern[str]]:
        """The exact ``re`` twin of each pattern."""
        return self._twins()[0]

    @property
    def exact(self) -> re.Pattern[str]:
        """The exact ``re`` twin of the union."""
        return self._twins()[1]

    def _twins(self) -> tuple[list[re.Pattern[str]], re.Pattern[str]]:
        """Compiled on first use: only texts longer than ``GATE_MAX`` need them, and compiling
        every gate's twins with ``re`` cost each process about a second at import."""
        if self._exact is None:
            guarded = [_guarded(pattern) for pattern in self.sources]
            self._exact = (
                [re.compile(pattern) for pattern in guarded],
                re.compile("|".join(f"(?:{pattern})" for pattern in guarded)),
            )
        return self._exact

    def matcher(self) -> Callable[[bytes], list[int]]:
        """The compiled set's own match function, skipping the wrapper (hot-path callers)."""
        return self._match

    def search(self, text: str) -> bool:
        """True when any pattern occurs in ``text``."""
        if len(text) > GATE_MAX:
            return self.exact.search(text) is not None
        return bool(self._match(text.encode("utf-8", "surrogatepass")))

    def hits(self, text: str) -> frozenset[int]:
        """Indices of the patterns that occur in ``text`` (a superset for RE2-rewritten ones)."""
        if len(text) > GATE_MAX:
            return frozenset(i for i, p in enumerate(self.patterns) if p.search(text))
        return frozenset(self._match(text.encode("utf-8", "surrogatepass")))
