"""Red team 10: the disguises, each a small pure function (text in, text out; seeded where it
draws).

Chosen from what neither the README's unmask table nor the family names of red teams 2-9 name,
or composed from known tricks in ways no earlier team composed them: letters typed on the wrong
keyboard (Taiwanese Zhuyin, Russian ЙЦУКЕН), digits as Korean, Japanese, Thai, German, French
and Russian words, letters named in katakana, hangul and Thai, ``쩜`` / ``てん`` / ``ดอท`` and
other colloquial dots, TLDs in hangul, katakana, Thai and Cyrillic sounds, a TLD whose ``o`` is
a drawn circle (``c◯m``), Unicode code points (``U+0062``), ROT47, base58, a Polybius square,
a two-rail fence, swapped pairs and swapped halves, a diagonal read out of a letter grid, the
alphabet positions in Chinese numerals, LaTeX markup, vCard line folding, Markdown tables and
code fences written one character a row, keycap digits among regional-indicator letters,
letters alternating full-width and superscript, IPv4 as binary or Roman octets or as its
reverse-DNS ``in-addr.arpa`` name. Every cipher comes with the hint a reader needs.
"""

from __future__ import annotations

import random
from collections.abc import Callable

Rng = random.Random
Fn = Callable[[Rng, str], str]

LOWER = "abcdefghijklmnopqrstuvwxyz"

# Taiwanese Zhuyin (Daqian) keyboard: the bopomofo a key types when the IME is left on
ZHUYIN_KEYS = dict(
    zip(
        "1qaz2wsxedcrfv5tgbyhnujm8ik,9ol.0p;/-",
        "ㄅㄆㄇㄈㄉㄊㄋㄌㄍㄎㄏㄐㄑㄒㄓㄔㄕㄖㄗㄘㄙㄧㄨㄩㄚㄛㄜㄝㄞㄟㄠㄡㄢㄣㄤㄥㄦ",
        strict=True,
    )
)
# Russian ЙЦУКЕН: what a key types with the Russian layout on
RU_KEYS = dict(zip("qwertyuiopasdfghjklzxcvbnm,.", "йцукенгшщзфывапролдячсмитьбю", strict=True))
KO_DIGITS = ["공", "일", "이", "삼", "사", "오", "육", "칠", "팔", "구"]
JA_DIGITS = ["ゼロ", "イチ", "ニ", "サン", "ヨン", "ゴ", "ロク", "ナナ", "ハチ", "キュウ"]
TH_DIGITS = ["ศูนย์", "หนึ่ง", "สอง", "สาม", "สี่", "ห้า", "หก", "เจ็ด", "แปด", "เก้า"]
DE_DIGITS = ["null", "eins", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun"]
FR_DIGITS = ["zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf"]
RU_DIGITS = ["ноль", "один", "два", "три", "четыре", "пять", "шесть", "семь", "восемь", "девять"]
EURO_DIGITS = {"de": DE_DIGITS, "fr": FR_DIGITS, "ru": RU_DIGITS}
EURO_HINT = {
    "de": "Zahlen auf Deutsch, alles zusammen",
    "fr": "chiffres en français, tout attaché",
    "ru": "цифры словами, писать слитно",
}

KATAKANA_LETTERS = dict(
    zip(
        LOWER,
        [
            "エー",
            "ビー",
            "シー",
            "ディー",
            "イー",
            "エフ",
            "ジー",
            "エイチ",
            "アイ",
            "ジェー",
            "ケー",
            "エル",
            "エム",
            "エヌ",
            "オー",
            "ピー",
            "キュー",
            "アール",
            "エス",
            "ティー",
            "ユー",
            "ブイ",
            "ダブリュー",
            "エックス",
            "ワイ",
            "ゼット",
        ],
        strict=True,
    )
)
HANGUL_LETTERS = dict(
    zip(
        LOWER,
        [
            "에이",
            "비",
            "씨",
            "디",
            "이",
            "에프",
            "지",
            "에이치",
            "아이",
            "제이",
            "케이",
            "엘",
            "엠",
            "엔",
            "오",
            "피",
            "큐",
            "알",
            "에스",
            "티",
            "유",
            "브이",
            "더블유",
            "엑스",
            "와이",
            "제트",
        ],
        strict=True,
    )
)
THAI_LETTERS = dict(
    zip(
        LOWER,
        [
            "เอ",
            "บี",
            "ซี",
            "ดี",
            "อี",
            "เอฟ",
            "จี",
            "เอช",
            "ไอ",
            "เจ",
            "เค",
            "แอล",
            "เอ็ม",
            "เอ็น",
            "โอ",
            "พี",
            "คิว",
            "อาร์",
            "เอส",
            "ที",
            "ยู",
            "วี",
            "ดับเบิลยู",
            "เอ็กซ์",
            "วาย",
            "แซด",
        ],
        strict=True,
    )
)
# TLDs as they are said in other languages (only the common ones)
TLD_SOUNDS = {
    "ko": {"com": "컴", "net": "넷", "org": "오알지"},
    "ja": {"com": "コム", "net": "ネット", "org": "オーグ"},
    "th": {"com": "คอม", "net": "เน็ต", "org": "ออร์ก"},
    "ru": {"com": "ком", "net": "нет", "org": "орг"},
}
# colloquial dots: Korean 쩜, Japanese てん / テン, Thai ดอท, Hindi बिंदु, Bengali ডট, Urdu ڈاٹ,
# Tamil புள்ளி, Telugu చుక్క, Ukrainian крапка
COLLOQUIAL_DOTS = {
    "ko": ("쩜",),
    "ja": ("てん", "テン"),
    "th": ("ดอท",),
    "other": ("बिंदु", "ডট", "ڈاٹ", "புள்ளி", "చుక్క", "крапка"),
}
O_SHAPES = ("◯", "⚪", "⚬", "⬤", "◍", "◌", "⭘")  # drawn circles, not letters
KEYCAP = {str(d): f"{d}\ufe0f\u20e3" for d in range(10)}
REGIONAL = {c: chr(0x1F1E6 + i) for i, c in enumerate(LOWER)}
SUPERSCRIPT = dict(zip("abdeghijklmnoprstuvwxyz0123456789",
                       "ᵃᵇᵈᵉᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻ⁰¹²³⁴⁵⁶⁷⁸⁹", strict=True))  # fmt: skip
ZH_NUMS = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]
POLYBIUS_ROWS = ("abcde", "fghik", "lmnop", "qrstu", "vwxyz")
B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
ROMAN = ((100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"),
         (1, "I"))  # fmt: skip
ZALGO_MARKS = [chr(c) for c in range(0x0300, 0x0336)] + [chr(c) for c in range(0x0346, 0x034F)]


def fullwidth(s: str) -> str:
    return "".join(chr(0xFF01 + ord(c) - 0x21) if "!" <= c <= "~" else c for c in s)


def zhuyin_keyboard(s: str) -> str:
    return "".join(ZHUYIN_KEYS.get(c, c) for c in s)


def zhuyin_ok(s: str) -> bool:
    """Digits 3 4 6 7 type tone marks (lost in a post): names without them only."""
    return all(c in ZHUYIN_KEYS for c in s)


def russian_layout(s: str) -> str:
    return "".join(RU_KEYS.get(c, c) for c in s)


def digit_words(words: list[str], s: str, sep: str = " ") -> str:
    out = "".join(f"{sep}{words[int(c)]}{sep}" if c.isdigit() else c for c in s)
    return " ".join(out.split()) if sep == " " else out


def letter_names(table: dict[str, str], s: str, digits: list[str] | None = None) -> str:
    return " ".join(
        table[c] if c in table else (digits[int(c)] if digits and c.isdigit() else c) for c in s
    )


def o_shape_tld(rng: Rng, tld: str) -> str:
    shape = rng.choice(O_SHAPES)
    return tld.replace("o", shape)


def codepoints(s: str) -> str:
    return " ".join(f"U+{ord(c):04X}" for c in s)


def rot47(s: str) -> str:
    return "".join(chr(33 + (ord(c) - 33 + 47) % 94) if "!" <= c <= "~" else c for c in s)


def base58(s: str) -> str:
    n = int.from_bytes(s.encode(), "big")
    out = ""
    while n:
        n, r = divmod(n, 58)
        out = B58[r] + out
    return out


def polybius(s: str) -> str:
    """Letters as row-column pairs of the 5x5 square (i and j share 24); others kept."""
    out: list[str] = []
    for c in s:
        for r, row in enumerate(POLYBIUS_ROWS, 1):
            if c in row:
                out.append(f"{r}{row.index(c) + 1}")
                break
        else:
            out.append(c)
    return " ".join(out)


def polybius_ok(name: str) -> bool:
    return name.isalpha() and "j" not in name


def rail_fence(s: str) -> str:
    """Odd positions first, then even (two rails)."""
    return s[0::2] + s[1::2]


def pairs_swapped(s: str) -> str:
    out = [s[i + 1] + s[i] if i + 1 < len(s) else s[i] for i in range(0, len(s), 2)]
    return "".join(out)


def halves_swapped(s: str) -> str:
    k = len(s) // 2
    return s[k:] + s[:k]


def diagonal_grid(rng: Rng, s: str) -> str:
    """A square of letters whose top-left to bottom-right diagonal is ``s``."""
    n = len(s)
    rows = []
    for i in range(n):
        row = [rng.choice(LOWER) for _ in range(n)]
        row[i] = s[i]
        rows.append(" ".join(row).upper())
    return "\n".join(rows)


def a1z26_zh(s: str) -> str:
    """Letters by alphabet position in Chinese numerals; digits as 零 一 ... in 〔〕."""

    def zh(n: int) -> str:
        if n <= 10:
            return ZH_NUMS[n]
        tens, ones = divmod(n, 10)
        return ("" if tens == 1 else ZH_NUMS[tens]) + "十" + (ZH_NUMS[ones] if ones else "")

    return "、".join(zh(ord(c) - 96) if c.isalpha() else f"〔{c}〕" for c in s)


def latex(rng: Rng, name: str, tld: str) -> str:
    return rng.choice(
        (
            f"\\texttt{{{name}}}\\,.\\,\\texttt{{{tld}}}",
            f"$\\mathtt{{{name}}}.\\mathtt{{{tld}}}$",
            f"\\textbf{{{name[:2]}}}\\textit{{{name[2:]}}}{{.}}{tld}",
            f"\\url{{{name}}}\\verb|.|{tld}",
        )
    )


def tags_inside(rng: Rng, s: str) -> str:
    """Unicode tag characters (invisible) after some letters."""
    out = []
    for c in s:
        out.append(c)
        if c.isalnum() and rng.random() < 0.5:
            out.append(chr(0xE0000 + ord(rng.choice(LOWER))))
    return "".join(out)


def zalgo(rng: Rng, s: str) -> str:
    return "".join(
        c + "".join(rng.choice(ZALGO_MARKS) for _ in range(rng.randint(2, 5))) if c.isalnum() else c
        for c in s
    )


def fw_super_alternating(s: str) -> str:
    out = []
    for i, c in enumerate(s):
        if i % 2 == 0 and c in SUPERSCRIPT:
            out.append(SUPERSCRIPT[c])
        else:
            out.append(fullwidth(c))
    return "".join(out)


def keycap_regional(s: str) -> str:
    """Letters as regional indicators (spaced, so no pair turns into a flag), digits as keycaps."""
    return " ".join(KEYCAP.get(c, REGIONAL.get(c, c)) for c in s)


def roman(n: int) -> str:
    if n == 0:
        return "0"
    out = ""
    for v, sym in ROMAN:
        while n >= v:
            out += sym
            n -= v
    return out


def ip_binary(ip: str) -> str:
    return ".".join(f"{int(p):08b}" for p in ip.split("."))


def ip_roman(ip: str) -> str:
    return ".".join(roman(int(p)) for p in ip.split("."))


def ip_arpa(ip: str) -> str:
    return ".".join(reversed(ip.split("."))) + ".in-addr.arpa"


def vcard_fold(line: str, width: int) -> str:
    """RFC 6350 folding: a long line broken with a newline and one leading space."""
    parts = [line[:width]]
    rest = line[width:]
    while rest:
        parts.append(" " + rest[: width - 1])
        rest = rest[width - 1 :]
    return "\n".join(parts)


def percent_some(rng: Rng, s: str) -> str:
    return "".join(f"%{ord(c):02X}" if c.isalnum() and rng.random() < 0.6 else c for c in s)


GREEK = {"o": "ο", "a": "α", "e": "ε", "i": "ι", "k": "κ", "n": "η", "u": "υ", "v": "ν", "p": "ρ"}


def greek_some(rng: Rng, s: str) -> str:
    idx = [i for i, c in enumerate(s) if c in GREEK]
    pick = set(rng.sample(idx, max(1, len(idx) // 2))) if idx else set()
    return "".join(GREEK[c] if i in pick else c for i, c in enumerate(s))
