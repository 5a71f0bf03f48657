"""Hosts laid out over rows a reader reads across: a Markdown table one character a row, and a
name and its TLD answered in two replies between quoted lines.

- ``| # | char |⏎|---|---|⏎| 1 | p |⏎| 2 | o |⏎...⏎| 10 | . |⏎| 11 | c |...``: the cells of the
  table's last column, one or a few characters each, read top to bottom
  (``porn4fuck.com``); joined only when they spell a dotted name, the table is otherwise left as
  it is;
- ``> what's the site again?⏎blxbymhjva⏎> and the ending?⏎.info``: a reply of one name, one
  quoted question, and a reply that begins with a dot and a TLD are one host;
- ``> what's your QQ?⏎730879537, say who sent you``: a quoted question naming a messenger, and
  a reply that begins with an id of that messenger's shape (a QQ number; an id holding a digit
  or ``_``), read as the messenger's cue and the id.
"""

from __future__ import annotations

import re
from typing import Final

from bastion.normalize.result import Group, Work

TRIGGER: Final = (
    r"(?:^|\n)[ \t]{0,3}\|[^\n]{1,24}\|[ \t]*\r?\n[ \t]{0,3}\|"
    r"|(?:^|\n)[ \t]{0,3}>[^\n]{1,80}\r?\n[ \t]{0,3}[.。．][A-Za-z]{2,12}"
    r"|(?:^|\n)[ \t]{0,3}>[^\n]{0,60}(?i:qq|扣扣|[Qq]号|企鹅|wechat|weixin|微信|telegram|电报|飞机"
    r"|whatsapp|line)[^\n]{0,40}\r?\n[ \t]{0,3}[@A-Za-z0-9_]"
)
"""RE2: two table rows, or a quoted line before a reply that starts with a TLD."""

_ROW_RE: Final = re.compile(
    r"(?m)^[ \t]{0,3}\|(?:[ \t]{0,2}[0-9]{1,3}[ \t]{0,2}\|)?[ \t]{0,2}(?P<cell>[^\s|]{1,6})"
    r"[ \t]{0,2}\|[ \t]*$"
)
_HEAD_RE: Final = re.compile(
    r"(?m)^[ \t]{0,3}\|[^\n]{1,40}\|[ \t]*\r?\n[ \t]{0,3}\|(?:[ \t]{0,2}:?-{2,}:?[ \t]{0,2}\|){1,4}"
    r"[ \t]*\r?\n"
)
_DOTTED_RE: Final = re.compile(r"[^.]\.[^.]")
_REPLY_RE: Final = re.compile(
    r"(?m)^[ \t]{0,3}>[^\n]{1,80}\r?\n[ \t]{0,3}(?P<name>[A-Za-z0-9][A-Za-z0-9\-]{0,62})[ \t]*"
    r"\r?\n[ \t]{0,3}>[^\n]{1,80}\r?\n[ \t]{0,3}(?P<tld>[.。．][A-Za-z]{2,12})(?![A-Za-z0-9])"
)

_CUES: Final = (
    ("QQ", r"(?i:qq)|扣扣|[Qq]号|企鹅"),
    ("WeChat", r"(?i:wechat|weixin)|微信"),
    ("Telegram", r"(?i:telegram)|电报|飞机"),
    ("WhatsApp", r"(?i:whatsapp)"),
    ("LINE", r"(?i:\bline\b)"),
)
_ASKED_RE: Final = re.compile(
    r"(?m)^[ \t]{0,3}>(?P<question>[^\n]{0,100})\r?\n[ \t]{0,3}"
    r"(?P<id>@?[A-Za-z0-9_][A-Za-z0-9_\-.]{3,30})(?![A-Za-z0-9_\-])"
)


def _asked_groups(text: str) -> list[Group]:
    groups: list[Group] = []
    for m in _ASKED_RE.finditer(text):
        named = [cue for cue, words in _CUES if re.search(words, m["question"])]
        value = m["id"].lstrip("@").rstrip(".")
        if len(named) != 1:
            continue
        if named[0] == "QQ":
            if not re.fullmatch(r"[1-9][0-9]{4,11}", value):
                continue
        elif not re.search(r"[0-9_]", value) or not re.search(r"[A-Za-z]", value):
            continue
        start, end = m.start(), m.start("id")
        groups.append(("layout", start, end, [(start, end, f"{named[0]}: ")]))
    return groups


def _table_groups(text: str) -> list[Group]:
    rows = list(_ROW_RE.finditer(text))
    groups: list[Group] = []
    k = 0
    while k < len(rows):
        block = [rows[k]]
        while k + len(block) < len(rows):
            nxt = rows[k + len(block)]
            if text[block[-1].end() : nxt.start()].strip(" \t\r") != "\n":
                break
            block.append(nxt)
        k += len(block)
        if len(block) < 4:
            continue
        joined = "".join(m["cell"] for m in block)
        if _DOTTED_RE.search(joined) is None:
            continue
        start, end = block[0].start(), block[-1].end()
        head = None
        for h in _HEAD_RE.finditer(text, max(0, start - 120), start):
            if h.end() == start:
                head = h
        if head is not None:
            start = head.start()
        groups.append(("layout", start, end, [(start, end, f" {joined} ")]))
    return groups


def _reply_groups(text: str) -> list[Group]:
    groups: list[Group] = []
    for m in _REPLY_RE.finditer(text):
        start, end = m.start("name"), m.end("tld")
        tld = "." + m["tld"][1:]
        groups.append(
            (
                "layout",
                start,
                end,
                [(m.end("name"), m.start("tld"), ""), (m.start("tld"), end, tld)],
            )
        )
    return groups


def rows_pass(work: Work) -> None:
    """Join a one-character-a-row table's cells and a name replied apart from its TLD."""
    kept: list[Group] = []
    for group in _table_groups(work.text) + _reply_groups(work.text) + _asked_groups(work.text):
        if all(group[2] <= g[1] or g[2] <= group[1] for g in kept):
            kept.append(group)
    work.apply(sorted(kept, key=lambda g: g[1]))
