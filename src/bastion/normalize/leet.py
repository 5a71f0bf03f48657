"""Top-level domains spelt with digits and symbols: ``bet888.c0m``, ``bperbanca.supp0rt``,
``reddit。r3st``, ``instantsolutions.c◯``, ``bet888.corn``.

After a (spelled) dot, a token that mixes letters with look-alike digits or symbols is read
letter by letter; the first reading that is a real top-level domain (Public Suffix List) wins.
The name before the dot must have two characters and hold a letter unless the reading is a
TLD spam favours (``888.c0m``), so numbers (``1.5k``, ``v1.10``) stay numbers. At most
:data:`MAX_READINGS` readings are tried per token.
"""

from __future__ import annotations

import re
from itertools import islice, product
from typing import Final

from bastion.normalize.hostwords import COMMON_TLDS
from bastion.normalize.result import Group, Work
from bastion.normalize.tables import DOT_EMOJI
from bastion.suffixes import is_tld

MAX_READINGS: Final = 64
LOOKALIKES: Final = {
    "0": "o", "〇": "o", "○": "o", "◯": "o", "1": "il", "!": "i", "|": "li", "3": "e",
    "4": "a", "@": "a", "5": "s", "$": "s", "7": "t", "+": "t", "9": "g", "8": "b",
    "¢": "c", "©": "c", "(": "c", "<": "c", "°": "o", "€": "e", "†": "t",
}  # fmt: skip
"""What each digit or symbol stands for inside a word (``¢om``, ``(om``, ``c°m``, ``n€t``)."""
_PAIRS: Final = {"()": "o", "[]": "o", "{}": "o", "<>": "o"}
"""Two symbols drawn as one letter (``c()m``)."""
_LETTER_PAIRS: Final = {"corn": "com", "c0rn": "com"}
"""``rn`` read as ``m`` (``.corn``): only where the result is the one TLD spam favours most."""

_CHARS: Final = "A-Za-z" + "".join(re.escape(c) for c in [*LOOKALIKES, *"".join(_PAIRS)])
_SEP: Final = (
    rf"(?:[ ]{{0,2}}(?:[.。．点點丶·]|[Dd][Oo][Tt])[ ]{{0,2}}"
    rf"|[ ]{{0,2}}(?:[{DOT_EMOJI}][ ]?){{1,3}})"
)
_LEET_TLD_RE: Final = re.compile(
    rf"(?=[ .。．点點丶·Dd{DOT_EMOJI}])(?<=[A-Za-z0-9])(?:{_SEP})(?P<tld>[{_CHARS}]{{2,12}})"
    r"(?![A-Za-z0-9\-])"
)
_NAME_RE: Final = re.compile(r"[A-Za-z0-9][A-Za-z0-9\-]{0,62}$")
_LOOKALIKE_CLASS: Final = "0-9〇○◯!|@$+¢©°€†"
GATE: Final = (
    rf"(?:[.。．点點丶·]|(?i:dot)|[{DOT_EMOJI}]) {{0,2}}"
    rf"(?:[A-Za-z][A-Za-z{_LOOKALIKE_CLASS}]{{0,10}}[{_LOOKALIKE_CLASS}]"
    rf"|[0-9〇○◯¢©][A-Za-z{_LOOKALIKE_CLASS}]{{0,10}}[A-Za-z])|(?i:c[o0]rn)"
    r"|[A-Za-z0-9][.。．点點丶·](?:[(<][A-Za-z]|[A-Za-z]{1,4}(?:\(\)|\[\]|\{\}|<>))"
)
"""A superset of the pass's trigger: after a dot-ish separator, a token holding a letter and a
digit or symbol (the unmasker's gate and the pre-check use it). A token may not start with a
symbol: ``。@name`` is a mention, and no TLD starts with ``@``, ``!``, ``|``, ``$`` or ``+``
in practice."""


def read_tld(token: str) -> str | None:
    """The top-level domain ``token`` spells with look-alike characters, or None."""
    low = token.lower()
    if low in _LETTER_PAIRS:
        return _LETTER_PAIRS[low]
    if not any(c.isalpha() for c in low) or all(c.isalpha() for c in low):
        return None
    if low[0] in "@!|$+":
        return None
    for pair, letter in _PAIRS.items():
        low = low.replace(pair, letter)
    if any(c in "(<" for c in low[1:]):
        return None  # a lone ``(`` or ``<`` is a ``c`` only where a TLD starts (``(om``)
    choices = [LOOKALIKES.get(c, c) for c in low]
    for letters in islice(product(*choices), MAX_READINGS):
        reading = "".join(letters)
        if is_tld(reading):
            return reading
    return None


def leet_tld_pass(work: Work) -> None:
    """Replace each top-level domain spelt with look-alikes by the domain it spells."""
    groups: list[Group] = []
    text = work.text
    for m in _LEET_TLD_RE.finditer(text):
        name = _NAME_RE.search(text, max(0, m.start() - 63), m.start())
        tld = read_tld(m["tld"])
        if name is None or tld is None or len(name[0]) < 2:
            continue
        if any(c.isalpha() for c in name[0]) or tld in COMMON_TLDS:
            start, end = m.span("tld")
            groups.append(("leet", start, end, [(start, end, tld)]))
    work.apply(groups)
