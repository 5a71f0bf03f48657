"""A dotted quad whose dots are glyphs: ``59 ⦿ 53 ⦿ 223 ⦿ 112``, ``104⚫193⚫128⚫21``.

Left alone, a browser-minded finder reads ``http://59 ⦿ ...`` as the decimal address ``0.0.0.59``
and the spaced-letter pass glues ``14 ⚪ 162 ⚪ 169 ⚪ 106`` into one number: two wrong hosts. Four
numbers of at most 255 with the same dot stand-in (a dot glyph, a ball, any pictograph) between
each pair are one address, so each stand-in becomes a dot. A fifth number after a fourth
stand-in makes the run a list, not an address; four one-digit numbers are a list too.
"""

from __future__ import annotations

import re
from typing import Final

from bastion.normalize.result import Group, Work
from bastion.normalize.tables import CJK_DOTS

_OCTET: Final = r"(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])"
_SEP: Final = rf"[ \t\u3000]{{0,2}}[{CJK_DOTS}]\ufe0f?[ \t\u3000]{{0,2}}"
_QUAD_RE: Final = re.compile(
    rf"(?<![0-9A-Za-z.])({_OCTET})({_SEP})({_OCTET})({_SEP})({_OCTET})({_SEP})({_OCTET})"
    rf"(?![0-9A-Za-z])(?!{_SEP}[0-9])"
)
_NUMBER_BEFORE_RE: Final = re.compile(rf"[0-9]{_SEP}\Z")
_READ_ALREADY: Final = frozenset("。．点點丶")
"""Ideographic dots the finders read in an address as it is."""
_VS16: Final = "\ufe0f"
TRIGGER: Final = rf"[0-9](?:[ \t]{{0,2}}[{CJK_DOTS}]️?[ \t]{{0,2}}[0-9]{{1,3}}){{3}}"
"""RE2: a superset of the quads the pass folds."""


def ip_dots_pass(work: Work) -> None:
    """``59 ⦿ 53 ⦿ 223 ⦿ 112`` -> ``59.53.223.112`` (the same stand-in thrice)."""
    groups: list[Group] = []
    for m in _QUAD_RE.finditer(work.text):
        if _NUMBER_BEFORE_RE.search(work.text, max(0, m.start() - 8), m.start()):
            continue  # a fifth number before the four
        seps = [m[2].strip(" \t\u3000"), m[4].strip(" \t\u3000"), m[6].strip(" \t\u3000")]
        if seps[0] in _READ_ALREADY:
            continue
        if len(set(seps)) != 1 or all(len(m[i]) == 1 for i in (1, 3, 5, 7)):
            continue
        edits = [(*m.span(i), ".") for i in (2, 4, 6)]
        groups.append(("spelled_dot", m.start(), m.end(), edits))
    work.apply(groups)
