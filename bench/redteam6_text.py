"""Red team 6: text helpers shared by the family modules (numerals, spacing, wrappers)."""

from __future__ import annotations

import random
import re

from bench.redteam6 import Draft, Host

ZH_DIGITS = "〇一二三四五六七八九"
FIN_DIGITS = "零壹贰叁肆伍陆柒捌玖"
EN_DIGITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
EN_TEENS = [
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
EN_TENS = ["_", "_", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
KEYCAP = "\ufe0f\u20e3"
DIGIT_RUN = re.compile(r"[0-9]+")

ZH_WRAP = (
    "官网{h} 注册就送88元",
    "最新地址：{h}，收藏不迷路",
    "{h} 首充百分百返还",
    "想看的都在{h}，懂的来",
    "老铁们，{h} 今晚开奖，冲！",
    "防走失网址 {h} 每日更新",
)
EN_WRAP = (
    "Join now at {h} and get 100 free spins",
    "new link (old one got banned): {h}",
    "hot videos every night -> {h}",
    "claim your bonus today {h}",
    "support desk moved to {h}, log in there",
    "only real ones know {h} 🔥",
)


def wrap(rng: random.Random, h: str, lang: str) -> str:
    return rng.choice(ZH_WRAP if lang == "zh" else EN_WRAP).format(h=h)


def lang_of(rng: random.Random) -> str:
    return rng.choice(("zh", "en"))


def link(
    text: str,
    h: Host,
    lang: str,
    surface: str = "post",
    template: str = "",
    others: tuple[str, ...] = (),
) -> Draft:
    return Draft(
        text=text,
        expected=(h.host,),
        kind="host",
        surface=surface,
        others=tuple(others),
        lang=lang,
        template=template,
        source=h.source,
    )


def has_digits(h: Host) -> bool:
    return any(c.isdigit() for c in h.name)


def one_run(h: Host, lo: int = 2, hi: int = 4) -> bool:
    """One digit run of ``lo``-``hi`` digits, no leading zero (read as a number)."""
    runs = DIGIT_RUN.findall(h.name)
    return len(runs) == 1 and lo <= len(runs[0]) <= hi and runs[0][0] != "0"


def zh_place_value(n: int) -> str:
    """``888`` -> 八百八十八, ``2024`` -> 二千零二十四, ``10`` -> 十 (below 10,000)."""
    if n == 0:
        return "零"
    units = ("千", "百", "十", "")
    s = f"{n:04d}"
    out = ""
    zero = False
    for d, u in zip(s, units, strict=True):
        if d == "0":
            zero = bool(out)
            continue
        if zero:
            out += "零"
            zero = False
        out += ZH_DIGITS[int(d)] + u
    if out.startswith("一十"):
        out = out[1:]
    return out


def en_place_value(n: int) -> str:
    """``888`` -> eight hundred eighty-eight (below 10,000)."""
    parts: list[str] = []
    if n >= 1000:
        parts.append(EN_DIGITS[n // 1000] + " thousand")
        n %= 1000
    if n >= 100:
        parts.append(EN_DIGITS[n // 100] + " hundred")
        n %= 100
    if n >= 20:
        parts.append(EN_TENS[n // 10] + ("-" + EN_DIGITS[n % 10] if n % 10 else ""))
    elif n >= 10:
        parts.append(EN_TEENS[n - 10])
    elif n or not parts:
        parts.append(EN_DIGITS[n])
    return " ".join(parts)


def digits_with(s: str, table: str) -> str:
    return "".join(table[int(c)] if c.isdigit() else c for c in s)


def keycaps(s: str) -> str:
    return "".join(c + KEYCAP if c.isdigit() else c for c in s)


def spaced(s: str, sep: str = " ") -> str:
    return sep.join(s)


def fullwidth(s: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in s)


CYR = {"a": "а", "c": "с", "e": "е", "o": "о", "p": "р", "x": "х", "y": "у", "i": "і"}
GREEK = {"o": "ο", "v": "ν", "a": "α", "i": "ι", "k": "κ", "t": "τ"}


def cyrillic_some(rng: random.Random, s: str, share: float = 0.6) -> str:
    return "".join(CYR[c] if c in CYR and rng.random() < share else c for c in s)
