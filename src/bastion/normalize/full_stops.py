"""Full stops of other scripts written for the dot of a host (``saferxmd።com``, ``sehai꘎org``).

A reader of any script sees a script's full stop as a dot, so spammers pick the rare ones keyword
filters never list: Ethiopic, Mongolian, Canadian syllabics, Khmer, Vai, Lisu, Tifinagh, the
dandas of the Indic scripts. The table is Unicode's ``Sentence_Terminal`` property (question and
exclamation marks left out: ``ok！com`` is no host) plus the separators that read as a dot
(Tifinagh ``⵰``, Ethiopic ``፡``, Tibetan ``།``); the characters join ``tables.DOT_CHARS`` and so
are read only between host labels before a public suffix, like every other dot stand-in.
"""

from __future__ import annotations

from typing import Final

FULL_STOPS: Final = (
    "\u061d\u061e\u0700\u0837\u0839\u083d\u083e"  # Arabic, Syriac, Samaritan
    "\u0964\u0965\u104a\u104b\u1362\u1368\u166e"  # Devanagari dandas, Myanmar, Ethiopic, syllabics
    "\u1735\u1736\u17d4\u17d5\u1803\u1809"  # Philippine, Khmer, Mongolian
    "\u1aa8\u1aa9\u1aaa\u1aab\u1b5a\u1b5b\u1b5e\u1b5f\u1b7d\u1b7e"  # Tai Tham, Balinese
    "\u1c3b\u1c3c\u1c7e\u1c7f\u2cf9\u2e3c"  # Lepcha, Ol Chiki, Old Nubian, stenographic
    "\ua4ff\ua60e\ua6f3\ua876\ua877\ua8ce\ua8cf\ua92f"  # Lisu, Vai, Bamum, Phags-pa, Saurashtra
    "\ua9c8\ua9c9\uaa5d\uaa5e\uaa5f\uaaf0\uaaf1\uabeb"  # Javanese, Cham, Meetei Mayek
    "\U00010a56\U00010a57\U00011047\U00011048\U000110c0\U000110c1"  # Kharoshthi, Brahmi, Kaithi
    "\U00011141\U00011142\U000111c5\U000111c6\U00011238\U00011239"  # Chakma, Sharada, Khojki
    "\U0001144b\U0001144c\U000115c2\U000115c3\U00011641\U00011642"  # Newa, Siddham, Modi
    "\U00011944\U00011a42\U00011a43\U00011a9b\U00011a9c\U00011c41\U00011c42"  # Dives Akuru...
    "\U00016a6e\U00016a6f\U00016af5\U00016e98\U0001bc9f\U0001da88"  # Mro, Bassa Vah, Medefaidrin
    "\u2d70\u1361\u0f0d\u0f0e"  # Tifinagh separator, Ethiopic wordspace, Tibetan shads
)
"""Sentence terminals of other scripts that a reader takes for a dot between host labels."""

SPOT_DOTS: Final = "\u0971\u2056\u2058\u2059\u205b\u205d\u2e2a\u2e2b\u2e2c\u2e2d\u2e31\u2e30"
"""Dot punctuation and "spot" signs drawn as one or a few dots (``bqbbsfdwॱbe``: Devanagari
high spacing dot; ``⁖ ⁘ ⁙ ⁛ ⁝``, ``⸪ ⸫ ⸬ ⸭``, the word separator middle dot ``⸱`` kin ``⸰``):
a reader sees a dot between host labels. They join ``tables.DOT_CHARS`` with the full stops."""
