"""A dot stand-in inside a LINE id read as its dot (``LINE ID guaguaꞏdarling5523``).

LINE ids may hold dots (``guagua.darling5523``), so a spammer who writes the dot as a spot or a
middle dot (``ꞏ ∙ ⸳ ॱ``, :data:`tables.DOT_CHARS`) after a LINE cue means a dot: read so, the id
is whole; left alone, the id was cut at it (``darling``) or the spot dropped as a letter
separator (``xiaoxuelulu61``), another id. Only after a LINE cue (WeChat, Telegram and QQ ids
hold no dots) and between id characters.
"""

from __future__ import annotations

import re
from typing import Final

from bastion.normalize.cues import CUE_LINE, SEP_CHARS
from bastion.normalize.result import Group, Work
from bastion.normalize.tables import DOT_CHARS, char_class

_DOTS: Final = char_class([ord(c) for c in DOT_CHARS + "◦" if c != "."])
_PART: Final = r"[A-Za-z0-9_\-]"
_LINE_ID_RE: Final = re.compile(
    f"(?:{CUE_LINE}){SEP_CHARS}{{0,3}}"
    f"(?P<id>{_PART}{{2,20}}(?:(?:\\.|[{_DOTS}]){_PART}{{1,20}}){{1,3}})"
)
_DOT_RE: Final = re.compile(f"[{_DOTS}]")
TRIGGER: Final = f"(?i:line)[^\\n]{{0,40}}[A-Za-z0-9][{_DOTS}][A-Za-z0-9]|(?:ライン|ไลน์|賴|赖)"
"""RE2: a LINE cue, then a dot stand-in between id characters (the pass runs only then)."""


def line_dots_pass(work: Work) -> None:
    """Read the dot stand-ins inside an id after a LINE cue as dots (trick ``spelled_dot``)."""
    groups: list[Group] = []
    for m in _LINE_ID_RE.finditer(work.text):
        start, end = m.span("id")
        edits = [(start + d.start(), start + d.end(), ".") for d in _DOT_RE.finditer(m["id"])]
        if edits:
            groups.append(("spelled_dot", start, end, edits))
    work.apply(groups)
