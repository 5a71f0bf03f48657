"""Character tables for unmasking, derived once from ``unicodedata`` and Unicode TR39 confusables.

Generated at first use instead of shipped as a data file so they always match the running Python's
Unicode version; building them costs ~40 ms once per process and only texts with non-ASCII
characters ever need them.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Final

from bastion.normalize.dian_forms import DIAN_FORMS
from bastion.normalize.full_stops import FULL_STOPS, SPOT_DOTS
from bastion.normalize.letter_style_tables import HOOK_OVERRIDES, LETTER_FORMS, hooked_letters
from bastion.normalize.stroke_letters import stroke_letters

CJK_NUMERALS: Final = {
    "〇": "0", "零": "0",
    "一": "1", "壹": "1", "幺": "1",
    "二": "2", "贰": "2", "貳": "2",
    "三": "3", "叁": "3", "參": "3",
    "四": "4", "肆": "4",
    "五": "5", "伍": "5",
    "六": "6", "陆": "6", "陸": "6",
    "七": "7", "柒": "7",
    "八": "8", "捌": "8",
    "九": "9", "玖": "9",
}  # fmt: skip
"""Chinese numerals that spammers substitute for digits in phone numbers and QQ/WeChat ids."""

RING_DOTS: Final = "⊙⊚⦾⦿⨀⸰⏺⠁⠂⠄⠈⠐⠠⡀⢀\U00010101"
"""Dot and circled-dot glyphs from the operator, punctuation and Braille blocks (``bet⊙com``,
``bet⦿com``, ``bet⠂com``: one raised dot, ``bet𐄁com``): each is a dot or a dot in a ring."""

DIGIT_WORDS: Final = (
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
)
"""English digit names, in order (index = digit): spoken phones, ids and host names."""

DOT_HOMOPHONES: Final = (
    "典碘滇店電垫墊殿淀甸奠靛" + "踮惦掂颠巅癫玷钿阽傎顛巔癲鈿佃坫簟癜澱" + DIAN_FORMS
)
"""Characters read diǎn/diàn/diān like 点, written for it to get past keyword filters
(``ginalynn碘com 谐音自己懂``, ``x187x钿com``); 电 is left out, it is too common a word before
Latin names. ``dian_forms.DIAN_FORMS`` adds the variant forms of 点 (``㸃``) and rare characters
with its sound."""
DOT_CHARS: Final = (
    "点點。．丶·、﹒｡・•∙⋅‧°˙⸱ꞏᐧ⸳⦁ꓸ۔։܂᛫･∘︒܁" + DOT_HOMOPHONES + RING_DOTS + FULL_STOPS + SPOT_DOTS
)
"""Characters written in place of a dot between host labels; folded only in host context
(``full_stops.FULL_STOPS``: the full stops of other scripts)."""

DOT_EMOJI: Final = "\u25a0-\u2775\u2794-\u27bf\u2b00-\u2bff\U0001f300-\U0001faff"
"""Regex class ranges of pictographs (shapes, dingbats, emoji) written as a dot: ``bet✨com``.

Dingbat digits (``❶``) are left out: the character pass folds them to digits."""

CJK_DOTS: Final = DOT_CHARS + DOT_EMOJI
"""A regex character-class body of every dot stand-in (the pre-check builds its clause on it)."""

_SCRIPT_RANGES: Final = (
    (0x0250, 0x02AF),  # IPA extensions (ɑ ɡ)
    (0x0370, 0x03FF),  # Greek
    (0x0400, 0x052F),  # Cyrillic + supplement
    (0x0530, 0x058F),  # Armenian
    (0x1C80, 0x1C8F),  # Cyrillic extended-C
    (0x1D00, 0x1D2B),  # Latin small capitals
    (0x1F00, 0x1FFF),  # Greek extended
    (0x2C80, 0x2CFF),  # Coptic (ⲟ ⲣ ⲥ: red team 8)
    (0xA4D0, 0xA4FF),  # Lisu (ꓐ ꓚ ꓳ ꓟ: red team 8)
    (0xA640, 0xA69F),  # Cyrillic extended-B
)
"""Scripts whose letters are folded to Latin look-alikes (never CJK, kana or Hangul)."""

_HOMOGLYPH_OVERRIDES: Final = {"ӏ": "l", "Ӏ": "I", "І": "I", "Ι": "I"} | {
    "κ": "k", "к": "k", "ĸ": "k", "η": "n", "τ": "t", "т": "t", "ω": "w", "μ": "u", "п": "n",
    "м": "m",
} | {"ꓲ": "I", "Ⲓ": "I"} | dict(zip("ⲁⲉⲓⲕⲛⲧⲭⲩ", "aeiknTxy".lower(), strict=True))  # fmt: skip
"""TR39 maps the strokes to ``i``/``l`` by skeleton; in host names they stand for ``l``/``I``.
The Greek and Cyrillic small letters TR39 maps to no ASCII letter (``κ`` to ``ĸ``) but spammers
write for one (``κ8νn58`` is ``k8vn58``): left unfolded they cut the label short and the host
reported would be another (``n58.com``). The Cyrillic ``м`` passes for ``m`` in ``cом``. Lisu
and Coptic capitals are drawn as Latin capitals: their ``I`` is ``i``, not the ``l`` of TR39's
skeleton (``ꓐꓰꓣꓔꓲꓡ`` is ``bertil``); the Coptic small letters TR39 leaves out read as the Latin
ones they are drawn as (``ⲁ ⲉ ⲓ ⲕ ⲛ ⲧ ⲭ ⲩ``)."""

_COMBINING_OVERLAYS: Final = frozenset(
    set(range(0x0300, 0x0370))
    | set(range(0x1AB0, 0x1B00))
    | set(range(0x1DC0, 0x1E00))
    | set(range(0x20D0, 0x2100))
    | set(range(0xFE20, 0xFE30))
    | set(range(0x0483, 0x048A))
)
"""Combining marks for Latin letters: strike-through, underline and enclosing (keycap) marks
used to style letters and digits, and the stacked accents of "Zalgo" text (``b̴̡͝e̷t``), which
also draws on the Cyrillic combining and enclosing marks (U+0483-U+0489, ``v҉``)."""

_EXTRA_INVISIBLE: Final = frozenset(
    {0x034F, 0x115F, 0x1160, 0x3164, 0xFFA0, 0x180B, 0x180C, 0x180D, 0x180F}
    | {0x17B4, 0x17B5, 0x2800, 0x1D159, 0x2062, 0x2063, 0x2064}
    | set(range(0xFE00, 0xFE10))
    | set(range(0xE0100, 0xE01F0))
)
"""Non-Cf characters that render as nothing: joiners, Hangul fillers, variation selectors, the
Khmer inherent vowels, the blank Braille pattern."""

_ENCLOSED_LETTER: Final = re.compile(
    r"(?:NEGATIVE )?(?:CIRCLED|SQUARED|PARENTHESIZED) LATIN (CAPITAL|SMALL) LETTER ([A-Z])"
)
_ENCLOSED_NUMBER: Final = re.compile(r"CIRCLED|PARENTHESIZED|FULL STOP")
_REGIONAL_LETTER: Final = re.compile(r"REGIONAL INDICATOR SYMBOL LETTER ([A-Z])")
_SMALL_CAPITAL: Final = re.compile(r"LATIN LETTER SMALL CAPITAL ([A-Z])")
ROMAN_FIRST: Final = 0x2160
ROMAN_LAST: Final = 0x2188
"""Roman numerals (``Ⅷ``, ``ⅻ``): folded by context in ``rules.roman_pass``, not by table."""
_SINGLE_PUNCT: Final = frozenset("@./-_+")
"""Punctuation whose compatibility forms fold (``＋`` before a WhatsApp number is ``+``)."""

_SCAN_RANGES: Final = (
    (0x80, 0x3400),
    (0xA000, 0xAC00),
    (0xF900, 0x20000),
    (0xE0000, 0xE1000),
)
"""Code points worth scanning; CJK ideographs, Hangul syllables and private use never fold."""


@dataclass(frozen=True, slots=True)
class Tables:
    """Translate tables plus regex classes over their keys (built by :func:`tables`)."""

    same: dict[int, str]  # one char -> one ASCII char ("nfkc")
    other: dict[int, str]  # one char -> "" (invisible/combining) or several ASCII chars ("nfkc")
    other_names: dict[str, str]  # char -> trick name for ``other``
    homoglyph: dict[int, str]  # confusable letter -> ASCII letter/digit, applied per token
    same_class: str  # regex class bodies (no brackets)
    other_class: str
    homoglyph_class: str


def _fold(cp: int) -> tuple[str, str] | None:
    """The unconditional fold of one non-ASCII code point: (replacement, trick name) or None."""
    if cp in _EXTRA_INVISIBLE:
        return "", "invisible"
    char = chr(cp)
    category = unicodedata.category(char)
    if category == "Cf":
        return "", "invisible"
    if cp in _COMBINING_OVERLAYS:
        return "", "combining"
    name = unicodedata.name(char, "")
    letter = _ENCLOSED_LETTER.fullmatch(name)
    if letter:
        return (letter[2] if letter[1] == "CAPITAL" else letter[2].lower()), "nfkc"
    regional = _REGIONAL_LETTER.fullmatch(name) or _SMALL_CAPITAL.fullmatch(name)
    if regional:
        return regional[1].lower(), "nfkc"
    digit = unicodedata.digit(char, None)
    if digit is not None:
        return str(digit), "nfkc"
    value = unicodedata.numeric(char, None)
    if (
        value is not None
        and category == "No"
        and value == int(value)
        and 10 <= value <= 50
        and _ENCLOSED_NUMBER.search(name)
    ):
        return str(int(value)), "nfkc"
    if ROMAN_FIRST <= cp <= ROMAN_LAST:
        return None
    folded = unicodedata.normalize("NFKC", char)
    if folded == char or not folded.isascii():
        return None
    if len(folded) == 1 and (folded.isalnum() or folded in _SINGLE_PUNCT):
        return folded, "nfkc"
    if len(folded) > 1 and folded.isalnum() and category[0] in "LN":
        return folded, "nfkc"
    return None


def char_class(code_points: list[int]) -> str:
    """A compact regex character-class body (ranges) for the given code points."""
    parts: list[str] = []
    ordered = sorted(set(code_points))
    i = 0
    while i < len(ordered):
        j = i
        while j + 1 < len(ordered) and ordered[j + 1] == ordered[j] + 1:
            j += 1
        lo, hi = re.escape(chr(ordered[i])), re.escape(chr(ordered[j]))
        parts.append(lo if i == j else f"{lo}-{hi}")
        i = j + 1
    return "".join(parts)


def _homoglyphs(taken: dict[int, str]) -> dict[int, str]:
    """Letter -> ASCII alnum, from the TR39 confusables that confusable_homoglyphs ships."""
    source = resources.files("confusable_homoglyphs").joinpath("confusables.json")
    data: dict[str, list[dict[str, str]]] = json.loads(source.read_text(encoding="utf-8"))
    result: dict[int, str] = {}

    def consider(char: str, target: str) -> None:
        if len(char) != 1 or len(target) != 1 or char.isascii():
            return
        if not (target.isascii() and target.isalnum()):
            return
        cp = ord(char)
        if cp in taken or not any(lo <= cp <= hi for lo, hi in _SCRIPT_RANGES):
            return
        if unicodedata.normalize("NFKC", char) != char or unicodedata.category(char)[0] != "L":
            return
        result.setdefault(cp, target)

    for key, entries in data.items():
        for entry in entries:
            other = entry["c"].replace("\u200e", "")
            consider(other, key)
            consider(key, other)
    for char, target in (_HOMOGLYPH_OVERRIDES | HOOK_OVERRIDES | LETTER_FORMS).items():
        result[ord(char)] = target
    for cp, target in (*stroke_letters().items(), *hooked_letters().items()):
        if cp not in taken:
            result.setdefault(cp, target)
    return result


@cache
def tables() -> Tables:
    """Build (once per process) every character table the unmasker needs."""
    same: dict[int, str] = {}
    other: dict[int, str] = {}
    names: dict[str, str] = {}
    for lo, hi in _SCAN_RANGES:
        for cp in range(lo, hi):
            folded = _fold(cp)
            if folded is None:
                continue
            replacement, trick = folded
            if len(replacement) == 1:
                same[cp] = replacement
            else:
                other[cp] = replacement
                names[chr(cp)] = trick
    homoglyph = _homoglyphs(same | other)
    return Tables(
        same=same,
        other=other,
        other_names=names,
        homoglyph=homoglyph,
        same_class=char_class(list(same)),
        other_class=char_class(list(other)),
        homoglyph_class=char_class(list(homoglyph)),
    )
