"""A gate read on a long text, window by window, instead of calling every pass.

An RE2 set may exhaust its DFA budget on a long text and report no match, so the unmasker's gate
used to read a text over 4,096 characters as "every pass": such a text then cost about twice
as much a KB as a shorter one (the fuzz run's slowest inputs were all of them). A pattern whose
matches are at most ``w`` characters long matches the text exactly when it matches one of the
windows of 4,096 characters that overlap by more than ``w + 2``: some window holds the match and
the character on each side of it, so ``^``, ``$``, ``\\b`` and ``\\B`` read there as in the whole
text. The gate reads each window as it reads a short text; a pattern of unbounded or unknown
width (a parse this module cannot do) is searched in the whole text as a single RE2 regex, which
unlike a set falls back to its NFA when its DFA budget runs out.
"""

from __future__ import annotations

import re
import re._parser as _sre_parse  # type: ignore[import-not-found]  # no stub; stable since 3.11
from collections.abc import Iterator
from typing import Final

OVERLAP: Final = 256
"""Characters shared by consecutive windows: a pattern wider than ``OVERLAP - 2`` is searched
whole."""

_RE2_ONLY: Final = re.compile(
    r"\\[pP]\{[^}\\]*\}|\\[pP][A-Za-z]|\\x\{[0-9A-Fa-f]{1,6}\}|\[:\^?[a-z]+:\]|\\C"
)
"""RE2 syntax Python's parser lacks, each one character wide: Unicode classes, ``\\x{...}``,
POSIX classes inside brackets, any byte."""


def max_width(pattern: str) -> int | None:
    """The most characters a match of RE2 ``pattern`` spans; None when unbounded or unknown."""
    try:
        widest = _sre_parse.parse(_RE2_ONLY.sub("x", pattern)).getwidth()[1]
    except (re.error, OverflowError, RecursionError, ValueError):
        return None
    return widest if widest < _sre_parse.MAXREPEAT else None


def windows(text: str, size: int) -> Iterator[str]:
    """``text`` in slices of ``size`` characters, each overlapping the next by ``OVERLAP``."""
    step = size - OVERLAP
    for start in range(0, max(1, len(text) - OVERLAP), step):
        yield text[start : start + size]
