"""Folded lines of a vCard or iCalendar block joined again (RFC 6350 3.2, RFC 5545 3.1).

A contact card or calendar entry pasted into a message keeps its line folding: a long line is
broken with a line break and one leading space or tab, which a reader's address book removes
(``URL:https://blxbymhjva.in⏎ fo/`` is ``https://blxbymhjva.info/``). Read as prose the break
ends the link: ``blxbymhjva.in``, another site. Inside a ``BEGIN:VCARD`` (or ``VCALENDAR``)
block, each line break followed by one space or tab is dropped with that space, as the RFCs say;
text outside such a block is left alone (a line break and an indent is ordinary prose there).
"""

from __future__ import annotations

import re
from typing import Final

from bastion.normalize.result import Group, Work

TRIGGER: Final = r"(?i:begin:v(?:card|calendar))"
"""RE2: a vCard or iCalendar block begins (the pass runs only then)."""

_BLOCK_RE: Final = re.compile(
    r"(?i:begin:v(?:card|calendar))[\s\S]{0,8000}?(?:(?i:end:v(?:card|calendar))|\Z)"
)
_FOLD_RE: Final = re.compile(r"\r?\n[ \t]")


def unfold_pass(work: Work) -> None:
    """Drop each fold (a line break and one space or tab) inside vCard and iCalendar blocks."""
    text = work.text
    groups: list[Group] = []
    for block in _BLOCK_RE.finditer(text):
        edits = [
            (block.start() + m.start(), block.start() + m.end(), "")
            for m in _FOLD_RE.finditer(block[0])
        ]
        if edits:
            groups.append(("markup", block.start(), block.end(), edits))
    work.apply(groups)
