"""A host whose name and top-level domain sit in two labelled fields, read as the text says.

``型号：vinschgauerland`` / ``规格：com`` / ``详情：型号点规格``, ``Colour: k8sup12`` /
``Size: com`` / ``Note: colour dot size = our new shop``, ``颜色分类：pictocum`` / ``尺码：.com`` /
``备注：网址=颜色+尺码``: a listing's fields each hold a piece, and another field names the two
labels with a dot or a plus between them. A reader looks the labels up and writes the host.
``username: dp533`` / ``bio: my site is my username dot com`` names one field and says the TLD.

The reading is a second reading (:mod:`bastion.normalize.readings`): its host counts where the
intel lists it. Labels match as written or by their first two characters or more
(``颜色`` for ``颜色分类``), case-blind; the name must be a host label and the TLD a real one.
"""

from __future__ import annotations

import re
from typing import Final

from bastion.suffixes import is_tld

_FIELD_RE: Final = re.compile(
    "(?m)(?:^|(?<=[ \t]))(?P<label>[^\\s:：|｜0-9][^\\n:：|｜]{0,14}?)[ \t]*[:：][ \t]*"
    "(?P<value>[^\\n|｜]{1,80}?)[ \t]*(?=$|[|｜])"
)
_NAME_RE: Final = re.compile("[A-Za-z0-9][A-Za-z0-9\\-]{0,62}")
_TLD_RE: Final = re.compile("\\.?(?P<tld>[A-Za-z]{2,24})")
_JOIN: Final = "[ \t]{0,2}(?:点|點|\\.|(?i:dot)|[+＋➕])[ \t]{0,2}"
_SELF_RE: Final = re.compile(
    "(?i:(?:my|the|our)[ ]{1,2}(?P<field>user ?name|name|handle|nick ?name|display ?name|id)"
    "[ ]{1,2}(?:dot|\\.)[ ]{0,2}\\.?(?P<tld>[A-Za-z]{2,24}))(?![A-Za-z0-9])"
)
"""``my site is my username dot com``: a field named, then the TLD after it."""
GATE: Final = "[:：][^\\n]{1,80}\\n[^\\n:：]{1,16}[:：]"
"""RE2: two labelled fields on lines one after the other (a superset of the readings)."""
_MIN_PREFIX: Final = 2
_WINDOW: Final = 400
"""A reading's window from the name's field on (the readings' ``MAX_WINDOW``)."""


def _fields(text: str) -> list[tuple[str, str, int]]:
    """``(label, value, start of the field)`` for each ``label: value`` in ``text``."""
    return [
        (m["label"].strip().lower(), m["value"].strip(), m.start())
        for m in _FIELD_RE.finditer(text)
    ]


def _spellings(label: str) -> list[str]:
    """How a field's label may be named again: whole, or its first characters (two or more for
    Chinese, a whole word for English)."""
    out = [label]
    if not label.isascii():
        out.extend(label[:k] for k in range(len(label) - 1, _MIN_PREFIX - 1, -1))
    return out


def _named(said: str, first: str, second: str) -> bool:
    """Does ``said`` name ``first`` then ``second`` with a dot or a plus between them?"""
    for a in _spellings(first):
        for b in _spellings(second):
            pattern = f"(?<![A-Za-z]){re.escape(a)}{_JOIN}{re.escape(b)}(?![A-Za-z])"
            if re.search(pattern, said, re.IGNORECASE):
                return True
    return False


def field_hosts(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, host)`` for each host the fields of ``text`` make as the text says."""
    fields = _fields(text)
    if len(fields) < 2:
        return []
    out: list[tuple[int, int, str]] = []
    for i, (label_a, value_a, start) in enumerate(fields):
        name = _NAME_RE.fullmatch(value_a)
        if name is None:
            continue
        for label_b, value_b, _ in fields[i + 1 :]:
            tld = _TLD_RE.fullmatch(value_b)
            if tld is None or not is_tld(tld["tld"].lower()) or label_a == label_b:
                continue
            if any(_named(value, label_a, label_b) for _, value, _ in fields):
                out.append(
                    (start, min(len(text), start + _WINDOW), f"{value_a}.{tld['tld'].lower()}")
                )
    for m in _SELF_RE.finditer(text):
        wanted = m["field"].lower().replace(" ", "")
        for label, value, start in fields:
            named = label.replace(" ", "") == wanted and _NAME_RE.fullmatch(value)
            if named and is_tld(m["tld"].lower()):
                out.append((start, m.end(), f"{value}.{m['tld'].lower()}"))
    return out
