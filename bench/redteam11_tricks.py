"""Red team 11's tricks: each a pure function of a string (and the seeded ``rng`` where it picks).

Chosen to be what spammers on Chinese and English platforms paste today and what red teams 2-10
did not name: the two "fancy text" generator alphabets that mix scripts (the Thai-looking one and
the "squiggle" one), digits as playing cards, double-circled digits, digits with a full stop
(``⒏`` is ``8.``: the last digit of a name carries the dot), Khmer, Mongolian, Lao and Tibetan
digits beside their name, English letters as their Chinese classroom readings (``比 伊 提``),
colloquial Chinese words for the ASCII dot (``英文句号``, ``半角句号``, ``小黑点``), a symbol the
message says to replace, and a ccTLD said as the country's name. Every trick keeps the value
recoverable by a careful reader: each glyph stands for one character, and the message names the
key wherever the glyph is not plain at sight.
"""

from __future__ import annotations

import random

THAI_FANCY = dict(zip("abcdefghijklmnopqrstuvwxyz", "ค๒ς๔єŦﻮђเןкɭ๓ภ๏קợгรՇยשฬאץչ", strict=True))
"""The "Thai" alphabet of the fancy-text generators (lingojam and its copies)."""

SQUIGGLE = dict(zip("abcdefghijklmnopqrstuvwxyz", "ǟɮƈɖɛʄɢɦɨʝӄʟʍռօքզʀֆȶʊʋաӽʏʐ", strict=True))
"""The "squiggle" alphabet of the same generators (IPA, Armenian and Latin Extended mixed)."""

FINANCIAL = "零壹贰叁肆伍陆柒捌玖"
SCRIPT_DIGITS: dict[str, tuple[int, str, str]] = {
    "khmer": (0x17E0, "高棉数字", "Khmer digits"),
    "mongolian": (0x1810, "蒙古文数字", "Mongolian digits"),
    "lao": (0x0ED0, "老挝数字", "Lao digits"),
    "tibetan": (0x0F20, "藏文数字", "Tibetan digits"),
}
CARD_SUITS = (0x1F0A0, 0x1F0B0, 0x1F0C0, 0x1F0D0)  # + n: ace (1) .. nine of a suit
CARD_BACK = "\U0001f0a0"

ZH_LETTER_NAMES = {
    "a": "诶",
    "b": "比",
    "c": "西",
    "d": "迪",
    "e": "伊",
    "f": "艾弗",
    "g": "吉",
    "h": "艾尺",
    "i": "艾",
    "j": "杰",
    "k": "开",
    "l": "艾勒",
    "m": "艾姆",
    "n": "恩",
    "o": "欧",
    "p": "屁",
    "q": "丘",
    "r": "阿尔",
    "s": "艾丝",
    "t": "提",
    "u": "优",
    "v": "维",
    "w": "达不溜",
    "x": "艾克斯",
    "y": "歪",
    "z": "贼",
}
"""English letters as Chinese classrooms read them aloud (each a distinct token)."""

ZH_DOTS = ("英文句号", "半角句号", "小黑点", "英文的点", "英文小圆点儿")
ZH_DOT_NOTES = {
    "英文句号": "英文句号就是 .",
    "半角句号": "半角句号=.",
    "小黑点": "小黑点=英文的.",
    "英文的点": "",
    "英文小圆点儿": "",
}
REPLACE_SYMBOLS = ("🌸", "🐾", "▲", "◆", "♨", "☯", "🍀", "🐳")

COUNTRIES: dict[str, tuple[str, str]] = {
    "de": ("德国", "Germany"),
    "ru": ("俄罗斯", "Russia"),
    "jp": ("日本", "Japan"),
    "fr": ("法国", "France"),
    "it": ("意大利", "Italy"),
    "es": ("西班牙", "Spain"),
    "nl": ("荷兰", "the Netherlands"),
    "pl": ("波兰", "Poland"),
    "br": ("巴西", "Brazil"),
    "uk": ("英国", "the UK"),
    "in": ("印度", "India"),
    "kr": ("韩国", "South Korea"),
    "th": ("泰国", "Thailand"),
    "ph": ("菲律宾", "the Philippines"),
    "cz": ("捷克", "Czechia"),
    "hu": ("匈牙利", "Hungary"),
    "ro": ("罗马尼亚", "Romania"),
    "se": ("瑞典", "Sweden"),
    "ch": ("瑞士", "Switzerland"),
    "at": ("奥地利", "Austria"),
    "be": ("比利时", "Belgium"),
    "pt": ("葡萄牙", "Portugal"),
    "gr": ("希腊", "Greece"),
    "tr": ("土耳其", "Turkey"),
    "ca": ("加拿大", "Canada"),
    "au": ("澳大利亚", "Australia"),
    "mx": ("墨西哥", "Mexico"),
    "ar": ("阿根廷", "Argentina"),
    "dk": ("丹麦", "Denmark"),
    "no": ("挪威", "Norway"),
    "fi": ("芬兰", "Finland"),
    "sk": ("斯洛伐克", "Slovakia"),
    "ua": ("乌克兰", "Ukraine"),
    "cn": ("中国", "China"),
    "vn": ("越南", "Vietnam"),
}
"""ccTLDs a reader maps from the country's everyday name (no dependent territories)."""

EMOJI_POOL = ("🍒", "🍋", "🍇", "🍉", "🥝", "🍑", "🌽", "🥕", "🍄", "🌶")
KAOMOJI_POOL = ("(◕‿◕)", "(≧▽≦)", "(ಥ﹏ಥ)", "(╯°□°)╯", "ヽ(✿ﾟ▽ﾟ)ノ", "(๑•̀ㅂ•́)و")


def thai_fancy(s: str) -> str:
    return "".join(THAI_FANCY.get(c, c) for c in s)


def squiggle(s: str) -> str:
    return "".join(SQUIGGLE.get(c, c) for c in s)


def financial(s: str) -> str:
    return "".join(FINANCIAL[int(c)] if c.isdigit() else c for c in s)


def script_digits(s: str, script: str) -> str:
    base = SCRIPT_DIGITS[script][0]
    return "".join(chr(base + int(c)) if c.isdigit() else c for c in s)


def cards(s: str, rng: random.Random) -> str:
    """Digits 1-9 as a card of that rank (ace is one); the caller keeps zeros out."""
    suit = rng.choice(CARD_SUITS)
    out = []
    for c in s:
        if c.isdigit():
            if c == "0":
                raise ValueError("no card shows zero")
            out.append(chr(suit + int(c)))
        else:
            out.append(c)
    return "".join(out)


def double_circled(s: str) -> str:
    """``⓵``-``⓽`` and, there being no double-circled zero, the negative circled ``⓿``."""
    return "".join(("⓿" if c == "0" else chr(0x24F4 + int(c))) if c.isdigit() else c for c in s)


def fullstop_digit(c: str) -> str:
    """``⒈``-``⒐`` and ``🄀``: one glyph for a digit and the full stop after it."""
    return "\U0001f100" if c == "0" else chr(0x2487 + int(c))


def name_with_stop_digit(name: str, tld: str, other: str = "") -> str:
    """``bet888.com`` -> ``bet88⒏com``: the name's last digit draws the dot; ``other`` styles the
    rest of its digits (``financial``) or leaves them."""
    head = financial(name[:-1]) if other == "financial" else name[:-1]
    return head + fullstop_digit(name[-1]) + tld


def zh_letter_names(s: str) -> str:
    return "·".join(ZH_LETTER_NAMES.get(c, c) for c in s)


def reverse(s: str) -> str:
    return s[::-1]


def legend(s: str, rng: random.Random, pool: tuple[str, ...], n: int = 2) -> tuple[str, str]:
    """Replace every occurrence of ``n`` of the word's letters by a symbol of ``pool``; return the
    masked word and its legend (``🍒=a 🍋=e``)."""
    letters = sorted({c for c in s if c.isalpha()})
    chosen = rng.sample(letters, min(n, len(letters)))
    symbols = rng.sample(list(pool), len(chosen))
    table = dict(zip(chosen, symbols, strict=True))
    masked = "".join(table.get(c, c) for c in s)
    key = " ".join(f"{sym}={ch}" for ch, sym in table.items())
    return masked, key


def has_digit(name: str) -> bool:
    return any(c.isdigit() for c in name)


def card_safe(name: str) -> bool:
    """Digits there, none of them zero (no card shows it)."""
    return has_digit(name) and "0" not in name


def split_at(name: str, rng: random.Random) -> tuple[str, str]:
    k = rng.randint(2, max(2, len(name) - 2))
    return name[:k], name[k:]
