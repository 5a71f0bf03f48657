"""Latin letters with a stroke or bar through them, read as the letter under the stroke.

``reldɇalƀet.com``, ``ɍkeħŧo.com``, ``fʉ88fifⱥ.com``: a reader sees ``e``, ``b``, ``r``, ``h``,
``t``, ``u``, ``a`` and a filter sees an IDN, so the host reported is neither the one written
nor one anybody can visit by reading it. TR39's confusables leave most of these out (a stroke is
a different letter in Croatian or Maltese), so they are taken from the Unicode names here: every
``LATIN ... LETTER X WITH`` a stroke, bar or crossing line. The homoglyph pass folds them only in
a token whose every letter then becomes ASCII, as it does the other look-alikes.

The Polish ``ł`` and the Nordic ``ø`` stay out: whole words and real IDNs are written with them
(``łódź.pl``), and neither reads as one Latin letter for sure.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from typing import Final

_STROKED: Final = re.compile(
    r"LATIN (SMALL|CAPITAL) LETTER ([A-Z]) WITH (?:(?:HIGH |DIAGONAL |OBLIQUE |HORIZONTAL )?STROKE"
    r"(?: THROUGH DESCENDER)?|BAR|DOUBLE BAR|(?:SHORT |LONG )?STROKE OVERLAY|CROSSED-TAIL)"
    r"|LATIN (SMALL|CAPITAL) LETTER ([A-Z]) BAR|LATIN (SMALL|CAPITAL) LETTER BARRED ([A-Z])"
)
_BLOCKS: Final = ((0x0180, 0x0250), (0x0250, 0x02B0), (0x1D00, 0x1DC0), (0x2C60, 0x2C80))
_BLOCKS_D: Final = ((0xA720, 0xA800),)
_EXTRA: Final = {"ı": "i", "ȷ": "j", "ɩ": "i"}
"""Dotless letters, whose names say no stroke."""
_LEFT_OUT: Final = frozenset("łŁøØ")


@cache
def stroke_letters() -> dict[int, str]:
    """Code point -> the ASCII letter under its stroke (``ɇ`` -> ``e``, ``Ƀ`` -> ``B``)."""
    result: dict[int, str] = {}
    for lo, hi in (*_BLOCKS, *_BLOCKS_D, (0x0100, 0x0180)):
        for cp in range(lo, hi):
            char = chr(cp)
            if char in _LEFT_OUT:
                continue
            m = _STROKED.fullmatch(unicodedata.name(char, ""))
            if m:
                case, letter = next((m[k], m[k + 1]) for k in (1, 3, 5) if m[k])
                result[cp] = letter if case == "CAPITAL" else letter.lower()
    for char, target in _EXTRA.items():
        result[ord(char)] = target
    return result
