"""Size limits that cannot hide a link: filler is collapsed first, and the rest is still searched.

A spammer can push a listed link past any fixed limit with padding: 20,000 zero-width characters,
spaces, U+3000 or U+FE0F before it. So a text over the limit is first compacted: every run of
four or more whitespace / invisible characters becomes one character (a space if the run holds
one, so words stay apart), and every run of more than ``REPEAT_KEEP`` copies of one character
keeps ``REPEAT_KEEP`` (longer than any DNS label, so no host changes). ``Compacted`` keeps a
piece map back to the original code points, so entity spans still index what the user wrote.

If the compacted text still exceeds the limit, the scanner reads it in overlapping windows of the
limit's size, up to ``MAX_SEARCHED_CHARS``, and the item is marked truncated. Every pattern here
is a bounded character-class repeat: one linear pass.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Final

INVISIBLE: Final = (
    "\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e"
    "\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\U000e0000-\U000e0fff"
)
"""Characters that render as nothing (format controls, fillers, variation selectors, tags)."""
REPEAT_KEEP: Final = 64
MAX_RUN: Final = 4096
WINDOW_OVERLAP: Final = 512
"""Windows overlap by more than any host or handle is long, so none is cut in two unseen."""
MAX_SEARCHED_CHARS: Final = 1_000_000
"""Compacted characters searched at most (five times the API's largest text)."""

_FILLER = re.compile(
    f"[\\s{INVISIBLE}]{{4,{MAX_RUN}}}|([^\\s{INVISIBLE}])\\1{{{REPEAT_KEEP},{MAX_RUN}}}"
)
_SPACE = re.compile(r"\s")


class Compacted:
    """``text`` with filler runs collapsed; maps compacted offsets back to ``original``."""

    __slots__ = ("_c_starts", "_kept", "_o_lens", "_o_starts", "original", "text")

    def __init__(self, original: str) -> None:
        self.original = original
        parts: list[str] = []
        c_starts: list[int] = []
        o_starts: list[int] = []
        o_lens: list[int] = []
        kept: list[int] = []
        at = size = 0

        def piece(o_start: int, o_end: int, text: str) -> None:
            nonlocal size
            c_starts.append(size)
            o_starts.append(o_start)
            o_lens.append(o_end - o_start)
            kept.append(len(text))
            parts.append(text)
            size += len(text)

        for match in _FILLER.finditer(original):
            start, end = match.span()
            if start > at:
                piece(at, start, original[at:start])
            run = match.group()
            if match.group(1) is not None:
                piece(start, end, run[:REPEAT_KEEP])
            else:
                space = _SPACE.search(run)
                piece(start, end, space.group() if space else run[0])
            at = end
        if at < len(original) or not parts:
            piece(at, len(original), original[at:])
        self.text = "".join(parts)
        self._c_starts, self._o_starts, self._o_lens, self._kept = c_starts, o_starts, o_lens, kept

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Original ``[start, end)`` of compacted ``[start, end)`` (end > start)."""
        i = bisect_right(self._c_starts, start) - 1
        o_start = self._o_starts[i] + min(start - self._c_starts[i], self._o_lens[i] - 1)
        j = bisect_right(self._c_starts, end - 1) - 1
        offset = end - self._c_starts[j]
        if offset >= self._kept[j]:
            o_end = self._o_starts[j] + self._o_lens[j]
        else:
            o_end = self._o_starts[j] + offset
        return o_start, max(o_end, o_start + 1)

    def windows(self, limit: int) -> list[tuple[int, int]]:
        """Compacted ``[start, end)`` windows of ``limit`` characters covering the text (up to
        ``MAX_SEARCHED_CHARS``), each overlapping the one before by ``WINDOW_OVERLAP``."""
        size = min(len(self.text), MAX_SEARCHED_CHARS)
        if size <= limit:
            return [(0, size)]
        step = limit - min(WINDOW_OVERLAP, limit // 2)
        spans = [(0, limit)]
        while spans[-1][1] < size:
            start = spans[-1][0] + step
            spans.append((start, min(start + limit, size)))
        return spans
