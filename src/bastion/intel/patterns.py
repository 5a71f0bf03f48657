"""Keyword and (unfolded) regexp rules over a host: one Aho-Corasick pass, RE2 only when needed.

Most regexp rules are folded into the host trie at compile time (``rxfold``); the rest run
here as one ``re2.Set``. A set match costs ~0.3 us of pybind11 overhead even when nothing
matches, so it is gated: one Aho-Corasick pass over the host finds the keyword rules *and* the
literals one of which every remaining regexp needs (``required_literals``). Only when such a
literal occurs (or some regexp has no known literal) does the set run.

``gate(host)`` is the cheap first check the lookup runs on every host: one C-level search for
any keyword or literal (a plain alternation of escaped literals in ``re`` while there are few of
them, the automaton otherwise). It is truthy whenever ``match`` could find something.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, Final

import ahocorasick
import re2

from bastion.intel.hosts import re2_options
from bastion.intel.rxfold import required_literals

MAX_ALTERNATION: Final = 16


def _always(host: str) -> bool:
    return True


class HostPatterns:
    """``match(host)`` -> ``[(label, gid), ...]``: keywords first (in text order), then regexps.

    Labels are ``keyword:<word>`` and ``regexp:<pattern>``. ``gate`` is ``None`` when there is
    nothing to run, so callers can skip it entirely.
    """

    __slots__ = ("_always", "_automaton", "_regexps", "_set", "gate")

    def __init__(self, keywords: list[tuple[str, int]], regexps: list[tuple[str, int]]) -> None:
        self._regexps = [(f"regexp:{pattern}", gid) for pattern, gid in regexps]
        self._always = False
        self._set: Any = None
        entries: dict[str, tuple[str, int, bool]] = {}
        for word, gid in keywords:
            entries[word] = (f"keyword:{word}", gid, False)
        if regexps:
            compiled = re2.Set.SearchSet(re2_options())
            for pattern, _ in regexps:
                compiled.Add(pattern)
                literals = required_literals(pattern)
                if literals is None:
                    self._always = True
                    continue
                for literal in literals:
                    label, gid, _gate = entries.get(literal, ("", -1, True))
                    entries[literal] = (label, gid, True)
            compiled.Compile()
            # The C set behind the wrapper takes bytes directly (skips a Python-level re-encode).
            self._set = getattr(compiled, "_set", compiled).Match
        self._automaton: Any = None
        if entries:
            automaton = ahocorasick.Automaton()
            for word, value in entries.items():
                automaton.add_word(word, value)
            automaton.make_automaton()
            self._automaton = automaton.iter
        self.gate: Callable[[str], object] | None = None
        if self._always:
            self.gate = _always
        elif len(entries) > MAX_ALTERNATION:
            self.gate = self._first_hit
        elif entries:
            # Literals only, no quantifiers: linear in the host length (times the few literals).
            literals = sorted(entries, key=lambda word: (-len(word), word))
            self.gate = re.compile("|".join(map(re.escape, literals))).search

    def _first_hit(self, host: str) -> bool:
        for _hit in self._automaton(host):
            return True
        return False

    def match(self, host: str) -> list[tuple[str, int]]:
        found: list[tuple[str, int]] = []
        run = self._always
        if self._automaton is not None:
            for _end, (label, gid, gate) in self._automaton(host):
                if gid >= 0:
                    found.append((label, gid))
                run = run or gate
        if run:
            regexps = self._regexps
            for index in self._set(host.encode("ascii", "replace")) or ():
                found.append(regexps[index])
        return found
