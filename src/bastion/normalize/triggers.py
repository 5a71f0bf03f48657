"""RE2 building blocks for the triggers that unmasking passes declare (see ``unmask.PASSES``).

A pass's trigger is an RE2 pattern that occurs in every text the pass would change: the unmasker
runs the pass only when it does. RE2 knows no look-around and reads ``\\s`` and case differently
from ``re``, so a trigger is written as a superset with these classes, never as the pass's own
regex pasted in.
"""

from __future__ import annotations

import re
from typing import Final

import idna
from publicsuffixlist import PSLFILE

WS: Final = r"[\s\p{Z}\x0b\x1c-\x1f\x85]"
"""Every character ``re``'s ``\\s`` matches in a str (RE2's ``\\s`` is ASCII and lacks ``\\v``)."""

FOLDS_TO_ASCII: Final = r"\x{130}\x{131}\x{17f}\x{212a}"
"""``İ ı ſ K``: what ``re.IGNORECASE`` lets ``[A-Za-z]`` match beyond ASCII."""

LABEL_CHAR: Final = rf"[A-Za-z0-9{FOLDS_TO_ASCII}\-]"
"""A character of a host label, as an ``re.I`` pattern's ``[A-Za-z0-9-]`` may match it."""

ALNUM: Final = rf"[A-Za-z0-9{FOLDS_TO_ASCII}]"
"""An ASCII letter or digit, as an ``re.I`` pattern's ``[A-Za-z0-9]`` may match it."""


def word_trie(words: list[str]) -> str:
    """A prefix-factored alternation of ``words`` (RE2 and ``re`` both handle it fast)."""
    if not words:
        return ""
    heads: dict[str, list[str]] = {}
    for word in words:
        heads.setdefault(word[:1], []).append(word[1:])
    branches: list[str] = []
    optional = False
    for head, tails in sorted(heads.items()):
        if head == "":
            optional = True
            continue
        rest = word_trie([t for t in tails if t])
        if any(t == "" for t in tails):
            rest = f"(?:{rest})?" if rest else ""
        branches.append(re.escape(head) + rest)
    body = "|".join(branches)
    body = f"(?:{body})" if len(branches) > 1 or optional else body
    return body + ("?" if optional else "")


def ascii_tlds() -> list[str]:
    """Every top-level label of the Public Suffix List, ASCII (punycode) form: a superset of the
    ASCII labels ``suffixes.is_tld`` accepts."""
    tlds: set[str] = set()
    with open(PSLFILE, encoding="utf-8") as handle:
        for line in handle:
            rule = line.strip()
            if not rule or rule.startswith("//"):
                continue
            label = rule.rsplit(".", 1)[-1].lstrip("!*")
            if label:
                tlds.add(label if label.isascii() else idna.encode(label).decode("ascii"))
    return sorted(tlds)


TLD: Final = f"(?i:{word_trie(ascii_tlds())})"
"""Any top-level label, any case (RE2's case folding also takes ``K`` for ``k``, as ``re.I``
and ``str.lower`` do)."""
