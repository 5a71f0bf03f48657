"""RE2 sets as cheap gates: one DFA pass answers "which of these patterns occur at all?".

Python's ``re`` tries every alternative at every position, so a union of cue words costs
microseconds per message; RE2 scans once. RE2 lacks look-around, so patterns written for
``re`` are rewritten into supersets (:func:`to_re2`); each gate keeps an exact ``re`` twin for
texts too long for a bounded DFA budget. The sets run on Hyperscan where it imports
(:mod:`bastion.normalize.hs_sets`: the same answers, no states built per new text).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Sequence

from bastion.extract._anchors import first_class
from bastion.normalize.hs_sets import compiled_set, on_hyperscan
from bastion.normalize.re2syntax import to_re2 as to_re2
from bastion.normalize.unmask import GATE_MEMORY as GATE_MEMORY

HINT_MAX_CHARS = 32
"""A set apart whose patterns need one of more characters than this is asked without a hint:
measured on the clean messages, such a class search cost half a set call and let most texts
through."""
GATE_MAX = 4096
"""Longer texts use the ``re`` twin: an RE2 set may exhaust its DFA budget and miss."""


def _guarded(pattern: str) -> str:
    """``pattern`` behind a look-ahead for its first characters: ``re`` then rejects most
    positions with one class test instead of trying each branch of a long alternation."""
    first = first_class(pattern)
    return pattern if first is None else f"(?={first})(?:{pattern})"


class Gate:
    """Patterns compiled twice: RE2 sets (one DFA pass each) and exact ``re`` twins.

    ``apart``: groups of ``patterns`` (each pattern as given) that get sets of their own. RE2
    builds one DFA state per combination of the positions every pattern has reached, so a
    pattern that stays alive over many characters (a window like ``[^\\n]{0,60}``, a loop over
    words after a common word) multiplies the states of every other pattern in its set: a new
    message then builds hundreds of states (hundreds of microseconds), and the warm DFA grows
    past the CPU caches. Apart, each set stays small. ``matcher`` and ``hits`` answer for all
    sets together, by index into ``patterns``; ``bench.gate_sets`` finds the patterns to set
    apart. On Hyperscan (``bastion.normalize.hs_sets``) no state is built per text, and
    ``apart`` is ignored: all patterns share one database.
    """

    __slots__ = ("_exact", "_match", "_sets", "groups", "sources")

    def __init__(self, patterns: Sequence[str], apart: Sequence[Sequence[str]] = ()) -> None:
        self.sources = tuple(patterns)
        if on_hyperscan([to_re2(pattern) for pattern in self.sources]):
            apart = ()  # no DFA states to multiply: one database, one scan
        self._exact: tuple[list[re.Pattern[str]], re.Pattern[str]] | None = None
        groups: list[list[int]] = [[] for _ in range(len(apart) + 1)]
        for index, pattern in enumerate(self.sources):
            group = next((k for k, g in enumerate(apart, 1) if pattern in g), 0)
            groups[group].append(index)
        self.groups = tuple(tuple(g) for g in groups if g)
        """Indices into ``patterns`` of each RE2 set, the main set first."""
        self._sets = [(_compiled_set([self.sources[i] for i in g]), g) for g in self.groups]
        self._match = _joined(self._sets)

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
        """The indices of the patterns found in UTF-8 bytes, in no set order: the compiled
        set's own match function when there is one set (hot-path callers skip the wrapper)."""
        return self._match

    def text_matcher(self, weak: Collection[int] | None = None) -> Callable[[str], list[int]]:
        """``matcher`` on a text (up to ``GATE_MAX`` characters) rather than its bytes, where a
        set apart is asked only when the text holds a character every match of its patterns
        needs (``bastion.detect._needs``; one ``re`` class search, against encoding and calling
        a set): most messages in Chinese hold none of a set's English words.

        ``weak`` (indices into ``patterns``): for a caller that asks only whether a pattern
        outside ``weak`` occurs. Once the main set finds one, its hits are returned without
        asking the sets apart (each a DFA of its own to bring into the CPU caches)."""
        if len(self._sets) == 1:
            match = self._match
            return lambda text: match(text.encode("utf-8", "surrogatepass"))
        (first, first_indices), *rest = self._sets
        hinted = [
            (more, indices, _char_search([self.sources[i] for i in indices]))
            for more, indices in rest
        ]
        decisive = None if weak is None else frozenset(first_indices) - frozenset(weak)

        def text_match(text: str) -> list[int]:
            data = text.encode("utf-8", "surrogatepass")
            hits = first(data)
            if hits:
                hits = [first_indices[i] for i in hits]
                if decisive is not None and not decisive.isdisjoint(hits):
                    return hits
            for more, indices, hint in hinted:
                if hint(text) is not None:
                    found = more(data)
                    if found:
                        hits.extend(indices[i] for i in found)
            return hits

        return text_match

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


def _char_search(patterns: Sequence[str]) -> Callable[[str], object]:
    """A search for the characters every match of ``patterns`` needs (always a hit if none)."""
    from bastion.detect._needs import needed_chars
    from bastion.normalize.tables import char_class

    chars = needed_chars(patterns, lambda _: False)
    if chars is None or len(chars) > HINT_MAX_CHARS:
        return lambda _: True
    return re.compile(f"[{char_class(sorted(chars))}]").search


def _compiled_set(patterns: Sequence[str]) -> Callable[[bytes], list[int]]:
    """The set's match function: Hyperscan where it runs, else RE2 (``hs_sets``)."""
    return compiled_set([to_re2(pattern) for pattern in patterns], GATE_MEMORY)


def _joined(
    sets: Sequence[tuple[Callable[[bytes], list[int]], Sequence[int]]],
) -> Callable[[bytes], list[int]]:
    """One match function over several sets: each set's hits mapped to pattern indices."""
    (first, first_indices), *rest = sets
    if not rest and list(first_indices) == list(range(len(first_indices))):
        return first

    def match(data: bytes) -> list[int]:
        hits = first(data)
        if hits:
            hits = [first_indices[i] for i in hits]
        for more, indices in rest:
            found = more(data)
            if found:
                hits.extend(indices[i] for i in found)
        return hits

    return match
