"""Named cue word lists, all matched in one linear-time pass (an RE2 set) over the folded text.

A scan yields a bit mask with one bit per list, so a rule's cue conditions are integer tests.
Words are NFKC-normalized and matched case-insensitively. A word written only in ASCII must stand
as a whole word ("dm me" does not fire inside "admin meeting", "call" not inside "recall"), while a
word with any other script matches anywhere, because Chinese has no spaces between words
("加v" matches "加vx").
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Mapping, Sequence
from typing import Any, cast

import re2

_MAX_MEM = 64 << 20


class CueError(ValueError):
    """Cue lists that RE2 cannot compile (in practice: far too many words)."""


def fold_word(word: str) -> str:
    return unicodedata.normalize("NFKC", word).strip().lower()


def _literal(word: str) -> str:
    """An RE2 pattern matching ``word`` literally, with word boundaries for ASCII-only words."""
    body = "".join(c if c.isalnum() or not c.isascii() else f"\\x{{{ord(c):x}}}" for c in word)
    if word.isascii():
        if word[0].isalnum():
            body = r"\b" + body
        if word[-1].isalnum():
            body += r"\b"
    return body


class CueMatcher:
    """Finds which named cue lists occur in a text."""

    __slots__ = ("_bits", "_match", "_names", "_set")

    def __init__(self, lists: Mapping[str, Sequence[str]]) -> None:
        self._bits = {name: 1 << position for position, name in enumerate(lists)}
        self._names = tuple(lists)
        self._set: re2.Set | None = None
        self._match: Callable[[bytes], list[int]] | None = None
        patterns = []
        for name in self._names:
            words = sorted({folded for folded in map(fold_word, lists[name]) if folded})
            patterns.append("(?i)(?:" + "|".join(map(_literal, words)) + ")" if words else "")
        if not any(patterns):
            return
        options = re2.Options()
        options.max_mem = _MAX_MEM
        cue_set = re2.Set.SearchSet(options)
        try:
            for position, pattern in enumerate(patterns):
                # An empty list keeps its slot with a pattern that can never match.
                if cue_set.Add(pattern or r"[^\x00-\x{10ffff}]") != position:
                    raise CueError(f"cue list {self._names[position]!r} got the wrong slot")
            cue_set.Compile()
        except re2.error as exc:
            raise CueError(f"cannot compile cue lists: {exc}") from None
        self._set = cue_set
        # the compiled set's own match: the wrapper's isinstance test and ``or None`` cost a
        # Python call per scanned message
        self._match = cast("Callable[[bytes], list[int]]", cast(Any, cue_set)._set.Match)

    def mask_of(self, names: Sequence[str] | None) -> int:
        """The bit mask of some list names (0 for none)."""
        mask = 0
        for name in names or ():
            mask |= self._bits[name]
        return mask

    def scan(self, text: str) -> int:
        """Bit mask of the cue lists with at least one word in ``text``."""
        match = self._match
        if match is None or not text:
            return 0
        mask = 0
        for index in match(text.encode("utf-8", "surrogatepass")):
            mask |= 1 << index
        return mask

    def names_in(self, text: str) -> list[str]:
        """The names of the lists found in ``text``, for explanations and tests."""
        found = self.scan(text)
        return [name for name in self._names if found & self._bits[name]]
