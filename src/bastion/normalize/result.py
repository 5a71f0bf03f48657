"""The unmasked text, its map back to original code points, and the builder the passes share.

The map is two parallel lists (original start and end of every folded character), built only once
a pass changes the length of the text; until then, and for every clean message, it is ``None`` and
folded offsets *are* original offsets, so the common path allocates nothing per character.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Final

_DELETIONS = frozenset({"invisible", "combining"})
"""Tricks that leave nothing behind; they count for a span they touch (``\u202e`` + host)."""

Edit = tuple[int, int, str]
"""Replace folded ``[start, end)`` with the string."""

Group = tuple[str, int, int, list[Edit]]
"""One applied trick: its name, folded span and the edits inside it (sorted, non-overlapping)."""


@dataclass(slots=True)
class UnmaskStep:
    """One trick undone, for ``bastion explain``: what the spammer wrote and what it became."""

    name: str
    original_span: tuple[int, int]
    before: str
    after: str


@dataclass(slots=True)
class Unmasked:
    """Folded text plus the way back to the original text's code-point offsets."""

    original: str
    text: str
    steps: list[UnmaskStep] = field(default_factory=list)
    starts: list[int] | None = field(default=None, repr=False)
    ends: list[int] | None = field(default=None, repr=False)
    tricks: list[tuple[str, int, int]] = field(default_factory=list, repr=False)
    alternate: Unmasked | None = field(default=None, repr=False)
    """The guessed reading (``bastion.normalize.guess``), when a guess could apply."""
    _index: _TrickIndex | None = field(default=None, init=False, repr=False, compare=False)

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map folded ``[start, end)`` to the original span that produced it (exact at edges)."""
        if not 0 <= start <= end <= len(self.text):
            raise ValueError(f"span [{start}, {end}) outside folded text of {len(self.text)}")
        starts, ends = self.starts, self.ends
        if starts is None or ends is None:
            return start, end
        if start == end:
            pos = starts[start] if start < len(starts) else len(self.original)
            return pos, pos
        return starts[start], ends[end - 1]

    def tricks_in(self, start: int, end: int) -> list[str]:
        """Sorted names of the tricks undone in folded ``[start, end)`` (or deleted at its edge)."""
        if not self.tricks:
            return []
        lo, hi = self.to_original(start, end)
        if len(self.tricks) <= _INDEX_FROM:
            candidates: Iterable[tuple[str, int, int]] = self.tricks
        else:
            if self._index is None:
                self._index = _TrickIndex(self.tricks)
            candidates = self._index.near(lo, hi)
        return sorted(
            {
                name
                for name, s, e in candidates
                if (s < hi and lo < e) or (name in _DELETIONS and s <= hi and lo <= e)
            }
        )

    @property
    def changed(self) -> bool:
        """True when any trick was undone."""
        return bool(self.tricks)


_INDEX_FROM: Final = 16
"""Above this many tricks, ``tricks_in`` looks them up by position instead of scanning all (a
long text full of disguised hosts would otherwise cost tricks x entities)."""


class _TrickIndex:
    """Tricks sorted by original start; those touching ``[lo, hi]`` start in
    ``[lo - longest, hi]``, found by bisection."""

    __slots__ = ("longest", "starts", "tricks")

    def __init__(self, tricks: list[tuple[str, int, int]]) -> None:
        self.tricks = sorted(tricks, key=lambda trick: trick[1])
        self.starts = [s for _, s, _ in self.tricks]
        self.longest = max(e - s for _, s, e in self.tricks)

    def near(self, lo: int, hi: int) -> list[tuple[str, int, int]]:
        first = bisect_left(self.starts, lo - self.longest)
        last = bisect_right(self.starts, hi)
        return self.tricks[first:last]


class Work:
    """Mutable state threaded through the passes: current text, offset map, tricks seen."""

    __slots__ = (
        "_seen",
        "ends",
        "explain",
        "guess",
        "original",
        "starts",
        "steps",
        "text",
        "tricks",
        "weak",
    )

    def __init__(
        self, original: str, explain: bool, weak: bool = False, guess: bool = False
    ) -> None:
        self.original = original
        self.text = original
        self.explain = explain
        self.weak = weak or guess
        self.guess = guess
        self.starts: list[int] | None = None
        self.ends: list[int] | None = None
        self.tricks: list[tuple[str, int, int]] = []
        self._seen: dict[str, _TrickIndex | None] = {}
        self.steps: list[UnmaskStep] = []

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original span of current ``[start, end)`` (``start < end``)."""
        if self.starts is None or self.ends is None:
            return start, end
        return self.starts[start], self.ends[end - 1]

    def touched(self, name: str, start: int, end: int) -> bool:
        """Whether a trick called ``name`` was undone inside current ``[start, end)``."""
        if name not in self._seen:
            named = [trick for trick in self.tricks if trick[0] == name]
            self._seen[name] = _TrickIndex(named) if named else None
        index = self._seen[name]
        if index is None:
            return False
        lo, hi = self.span(start, end)
        return any(s < hi and lo < e for _, s, e in index.near(lo, hi))

    def apply(self, groups: list[Group]) -> None:
        """Apply the edits of every group, record each group as one trick, compose the map."""
        if not groups:
            return
        self._seen.clear()
        text = self.text
        edits = [edit for group in groups for edit in group[3]]
        for name, g_start, g_end, g_edits in groups:
            lo, hi = self.span(g_start, g_end)
            self.tricks.append((name, lo, hi))
            if self.explain:
                after = _splice(text, g_start, g_end, g_edits)
                self.steps.append(UnmaskStep(name, (lo, hi), self.original[lo:hi], after))
        self.text = _splice(text, 0, len(text), edits)
        if all(end - start == len(new) for start, end, new in edits):
            return
        starts = self.starts if self.starts is not None else list(range(len(text)))
        ends = self.ends if self.ends is not None else list(range(1, len(text) + 1))
        new_starts: list[int] = []
        new_ends: list[int] = []
        pos = 0
        for start, end, new in edits:
            new_starts += starts[pos:start]
            new_ends += ends[pos:start]
            if len(new) == end - start:
                new_starts += starts[start:end]
                new_ends += ends[start:end]
            elif new:
                new_starts += [starts[start]] * len(new)
                new_ends += [ends[end - 1]] * len(new)
            pos = end
        new_starts += starts[pos:]
        new_ends += ends[pos:]
        self.starts, self.ends = new_starts, new_ends

    def result(self) -> Unmasked:
        return Unmasked(self.original, self.text, self.steps, self.starts, self.ends, self.tricks)


def _splice(text: str, start: int, end: int, edits: list[Edit]) -> str:
    """``text[start:end]`` with the edits (absolute offsets inside it) applied."""
    parts: list[str] = []
    pos = start
    for e_start, e_end, new in edits:
        parts.append(text[pos:e_start])
        parts.append(new)
        pos = e_end
    parts.append(text[pos:end])
    return "".join(parts)
