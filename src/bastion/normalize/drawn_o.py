"""A drawn circle for the ``o`` of a top-level domain read as ``o`` (``c⚪m``, ``c⭘m``, ``t◍p``).

Spammers draw the ``o`` of ``.com``, ``.org`` or ``.top`` with a circle symbol (a white or black
circle, a dotted or large one, a heavy ring): a finder that reads letters stops at ``.c`` and the
message reads as no link at all. After a dot and among at most three ASCII letters, a circle is
read as ``o`` only where the letters then spell a top-level domain (``.c◯m``: ``.com``); a circle
between words or digits (a bullet, a dot stand-in, ``14 ⚪ 162``) is left alone.
"""

from __future__ import annotations

import re
from typing import Final

from bastion.normalize.result import Group, Work
from bastion.suffixes import is_tld

CIRCLES: Final = "○◯⚪⚬⬤◍◌⭘●◎⊙⚫⦾⦿⭕"
"""Circles drawn for an ``o``."""
TRIGGER: Final = f"[.．。][A-Za-z]{{0,3}}[{CIRCLES}]"
"""RE2: a dot, then at most three letters and a circle (the pass runs only then)."""

_TLD_RE: Final = re.compile(
    f"(?<=[.．。])(?P<tld>[A-Za-z]{{0,3}}[{CIRCLES}][A-Za-z{CIRCLES}]{{0,4}})(?![A-Za-z0-9])"
)


def drawn_o_pass(work: Work) -> None:
    """Read each circle in a TLD-shaped token after a dot as ``o`` where that spells a TLD."""
    groups: list[Group] = []
    for m in _TLD_RE.finditer(work.text):
        tld = m["tld"]
        read = "".join("o" if ch in CIRCLES else ch for ch in tld)
        if is_tld(read.lower()):
            start, end = m.span("tld")
            groups.append(("leet", start, end, [(start, end, read)]))
    work.apply(groups)
