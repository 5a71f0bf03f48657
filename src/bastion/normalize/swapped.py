"""A host written with its two labels swapped, and a message that says so:
``com.sharesome（前后两段调换一下）``, ``com . mature46 (swap the two halves around the dot)``.

The TLD comes first, so no finder sees a host (``sharesome`` is no TLD). Where the message tells
the reader to swap the pieces (:data:`TRIGGER`), :func:`swapped_labels` gives the second reading
(:mod:`bastion.normalize.readings`) of each such pair in order; a host of it counts only when
the intel lists it.
"""

from __future__ import annotations

import re
from typing import Final

from bastion.suffixes import is_tld

_SWAP_ZH: Final = r"调换|对调|互换|交换|颠倒|调过来|調換|對調|互換|交換|顛倒|調過來"
_SWAP_EN: Final = r"swap|switch|flip|exchange|reverse|invert"
_PIECES_EN: Final = r"halves|parts|pieces|sides|labels|words|order|bits"
TRIGGER: Final = (
    rf"前[后後](?:两段|两部分|两个|两边|兩段|兩部分|兩個|兩邊)?(?:{_SWAP_ZH})"
    rf"|[两兩](?:段|边|邊)(?:{_SWAP_ZH})"
    rf"|(?:{_SWAP_ZH})(?:一下)?(?:前后|位置|顺序)"
    rf"|(?i:(?:{_SWAP_EN})[ \t]{{1,2}}(?:the[ \t]{{1,2}})?(?:two[ \t]{{1,2}})?(?:{_PIECES_EN})"
    r"|the[ \t]{1,2}other[ \t]{1,2}way[ \t]{1,2}a?round)"
)
"""RE2 and ``re``: words telling the reader to swap the pieces of a name (the readers' gate
and the pre-check's clause)."""
_CUE_RE: Final = re.compile(TRIGGER)
_PAIR_RE: Final = re.compile(
    r"(?<![A-Za-z0-9\-.])(?P<tld>[A-Za-z]{2,24})[ \t]{0,2}(?:[.。．点點]|(?i:dot))[ \t]{0,2}"
    r"(?P<name>[A-Za-z0-9][A-Za-z0-9\-]{0,62})(?![A-Za-z0-9\-.])"
)
_REACH: Final = 120
"""How far before the swap words a pair may stand (the same sentence or the one before)."""


def swapped_labels(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, host)`` of each TLD-first pair before the swap words, labels in order."""
    out: list[tuple[int, int, str]] = []
    for cue in _CUE_RE.finditer(text):
        for pair in _PAIR_RE.finditer(text, max(0, cue.start() - _REACH), cue.start()):
            tld, name = pair["tld"].lower(), pair["name"]
            if is_tld(tld) and not is_tld(name.lower()):
                out.append((pair.start(), pair.end(), f"{name}.{tld}"))
        if out:
            break
    return out
