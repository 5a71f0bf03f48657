"""A name spelled in regional-indicator letters and keycap digits, one symbol a word
(``🇧 🇪 🇹 8️⃣ 8️⃣  .  🇨 🇴 🇲`` is ``bet88.com``).

A pair of regional indicators side by side renders as a flag, so the spammer spaces them out;
the dot then stands apart with wider gaps than the letters. A finder that reads the symbols as
letters sees ``b e t 8 8  .  c o m``, spaced letters whose gaps differ, and joins nothing. Here a
run of three or more such symbols, each one space from the next, a dot with up to three spaces
each side, and a run of two or more after it is read as one dotted name.
"""

from __future__ import annotations

import re
from typing import Final

from bastion.normalize.result import Group, Work

_SYMBOL: Final = "(?:[\U0001f1e6-\U0001f1ff]|[0-9]\ufe0f?\u20e3)"
_RUN: Final = f"{_SYMBOL}(?:[ ]{_SYMBOL}){{1,62}}"
TRIGGER: Final = "[\U0001f1e6-\U0001f1ff0-9\u20e3][ ]{1,3}[.．。][ ]{1,3}[\U0001f1e6-\U0001f1ff0-9]"
"""RE2: a regional letter or keycap, a spaced dot, a regional letter (the pass runs only then)."""

_NAME_RE: Final = re.compile(
    f"(?P<name>{_SYMBOL}(?:[ ]{_SYMBOL}){{2,62}})[ ]{{1,3}}[.．。][ ]{{1,3}}(?P<tld>{_RUN})"
)


def _letters(run: str) -> str:
    out = []
    for ch in run:
        if "\U0001f1e6" <= ch <= "\U0001f1ff":
            out.append(chr(ord("a") + ord(ch) - 0x1F1E6))
        elif ch.isdigit():
            out.append(ch)
    return "".join(out)


def regional_pass(work: Work) -> None:
    """Read each spaced run of regional letters and keycaps round a spaced dot as one name."""
    groups: list[Group] = []
    for m in _NAME_RE.finditer(work.text):
        read = f"{_letters(m['name'])}.{_letters(m['tld'])}"
        groups.append(("spaced_letters", m.start(), m.end(), [(m.start(), m.end(), read)]))
    work.apply(groups)
