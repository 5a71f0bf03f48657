"""Written forms of 点 beyond the common homophones: its variant characters and rare characters
read like it (``betflag㸃com``, ``hiplegend 㸃 com``).

A keyword filter lists 点 and 點; spammers swap in a variant form a Chinese reader still reads as
点 (``㸃`` and ``奌`` are listed as variants of 點 in the variant-character dictionaries) or a rare
character with its sound (diǎn, diàn, diān). They join ``tables.DOT_HOMOPHONES`` and so count only
between host labels before a public suffix, like the common homophones.
"""

from __future__ import annotations

from typing import Final

DIAN_VARIANTS: Final = "㸃奌"
"""Variant forms of 點/点."""
DIAN_RARE_SOUNDS: Final = "敁蹎攧瘨齻巓婰痶蕇敟嵮磹壂扂橂蜔驔"
"""Rare characters read diān, diǎn or diàn, too rare in prose to be taken for a word."""
DIAN_FORMS: Final = DIAN_VARIANTS + DIAN_RARE_SOUNDS
