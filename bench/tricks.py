"""The obfuscation tricks spammers use to slip links and contact handles past filters.

Each host trick turns a plain domain (``188bet.com``) into the form seen in the wild
(``１８８ｂｅｔ．ｃｏｍ``, ``188bet[.]com``, ``1 8 8 b e t . c o m``...). Handle tricks write a
contact id the way it appears in Chinese spam (``加V：abc123``, ``扣扣 ①②③④⑤⑥``...). The benchmark
suite and the sample content both draw from here, so the demo shows what the benchmark measures.
All randomness comes from the ``random.Random`` passed in, so output is reproducible.
"""

from __future__ import annotations

import random
from collections.abc import Callable

CYRILLIC = {
    "a": "а", "c": "с", "d": "ԁ", "e": "е", "h": "һ", "i": "і", "j": "ј",
    "o": "о", "p": "р", "q": "ԛ", "s": "ѕ", "w": "ԝ", "x": "х", "y": "у",
}  # fmt: skip
GREEK = {"a": "α", "i": "ι", "o": "ο", "p": "ρ", "u": "υ", "v": "ν", "y": "γ"}
ZERO_WIDTH = ("\u200b", "\u200c", "\u200d", "\u2060", "\ufeff")
EMOJI_SEPARATORS = ("🔸", "🔹", "⭐", "🌟", "🔴", "💎", "👉", "✨")
SYMBOL_SEPARATORS = ("*", "|", "^", "~", "_")
CN_DIGITS = "零一二三四五六七八九"
CN_DIGITS_ALT = "〇一二三四五六七八九"
CIRCLED = "⓪①②③④⑤⑥⑦⑧⑨"

HostTrick = Callable[[str, random.Random], str]


def fullwidth(text: str) -> str:
    """ASCII -> full-width forms (U+FF01..U+FF5E); the dot becomes U+FF0E."""
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)


def homoglyphs(text: str, table: dict[str, str], rng: random.Random) -> str:
    """Swap a random non-empty subset of the swappable letters, as a mixed-script attack does."""
    positions = [i for i, c in enumerate(text) if c in table]
    if not positions:
        raise ValueError(f"no letter of {text!r} has a lookalike in this table")
    chosen = set(rng.sample(positions, rng.randint(1, max(1, (len(positions) + 1) // 2))))
    return "".join(table[c] if i in chosen else c for i, c in enumerate(text))


def insert_zero_width(text: str, rng: random.Random) -> str:
    """Invisible characters at 2-3 places between visible ones."""
    slots = sorted(rng.sample(range(1, len(text)), min(len(text) - 1, rng.randint(2, 3))))
    out, last = [], 0
    for slot in slots:
        out += [text[last:slot], rng.choice(ZERO_WIDTH)]
        last = slot
    out.append(text[last:])
    return "".join(out)


def _path(rng: random.Random) -> str:
    return rng.choice(("", "/", "/reg", "/m/index.html", "/?code=8x2k", "/app/download", "/vip"))


def _dots(sep: str) -> HostTrick:
    return lambda d, rng: d.replace(".", sep)


HOST_TRICKS: dict[str, HostTrick] = {
    "plain": lambda d, rng: d,
    "mixed_case": lambda d, rng: "".join(c.upper() if rng.random() < 0.5 else c for c in d),
    "scheme": lambda d, rng: rng.choice(("http://", "https://")) + d + _path(rng),
    "www_path": lambda d, rng: "www." + d + rng.choice(("/", "/reg", "/vip", "/m/")),
    "fullwidth": lambda d, rng: fullwidth(d),
    "homoglyph_cyrillic": lambda d, rng: homoglyphs(d, CYRILLIC, rng),
    "homoglyph_greek": lambda d, rng: homoglyphs(d, GREEK, rng),
    "zero_width": insert_zero_width,
    "dot_word": _dots(" dot "),
    "dot_paren": _dots("(dot)"),
    "dot_bracket": _dots("[.]"),
    "dot_brace": _dots("{.}"),
    "dot_dian": _dots("点"),
    "dot_ideographic": _dots("。"),
    "dot_fullwidth": _dots("．"),
    "dot_dian_stroke": _dots("丶"),
    "dot_middle": _dots("·"),
    "hxxp": lambda d, rng: rng.choice(("hxxp://", "hxxps://")) + d + _path(rng),
    "h_star_p": lambda d, rng: rng.choice(("h**p://", "h**ps://")) + d + _path(rng),
    "spaced_scheme": lambda d, rng: rng.choice(("h t t p : / / ", "h t t p s : / / ")) + d,
    "spaced_letters": lambda d, rng: " ".join(d),
    "emoji_separator": lambda d, rng: d.replace(".", rng.choice(EMOJI_SEPARATORS)),
    "symbol_separated": lambda d, rng: _symbol_join(d, rng.choice(SYMBOL_SEPARATORS)),
}
"""Trick name -> function(domain, rng) -> obfuscated token. Every trick keeps the domain intact."""


def _symbol_join(domain: str, sep: str) -> str:
    """``188bet.com`` -> ``1*8*8*b*e*t.com``: the first label's characters split by a symbol."""
    label, _, rest = domain.partition(".")
    return sep.join(label) + "." + rest


def cn_numerals(digits: str, rng: random.Random) -> str:
    table = CN_DIGITS if rng.random() < 0.5 else CN_DIGITS_ALT
    return "".join(table[int(c)] for c in digits)


def circled(digits: str) -> str:
    return "".join(CIRCLED[int(c)] for c in digits)


def qq_number(rng: random.Random) -> str:
    """A plausible QQ number: 6-10 digits, no leading zero."""
    return str(rng.randint(1, 9)) + "".join(
        str(rng.randint(0, 9)) for _ in range(rng.randint(5, 9))
    )


def cn_mobile(rng: random.Random) -> str:
    """11 digits in a real mainland mobile prefix block (13x-19x)."""
    prefix = rng.choice(("133", "135", "136", "138", "139", "150", "152", "158", "166", "177",
                         "180", "181", "186", "187", "189", "191", "198", "199"))  # fmt: skip
    return prefix + "".join(str(rng.randint(0, 9)) for _ in range(8))


def handle_id(rng: random.Random, *, lo: int = 6, hi: int = 14, style: str = "wechat") -> str:
    """An id that looks like the ones spammers pick: brand-ish stem plus digits or suffix."""
    stems = ("bet", "vip", "kefu", "xiaomei", "lucky", "haoyun", "dafa", "fuli", "tiyu", "caiwu",
             "amy", "linda", "kk", "ace", "jinsha", "yinghe", "meimei", "duchang", "happy",
             "boss")  # fmt: skip
    stem = rng.choice(stems)
    tail = rng.choice(("", "_", "-" if style == "wechat" else "_"))
    body = stem + tail + "".join(str(rng.randint(0, 9)) for _ in range(rng.randint(2, 6)))
    if rng.random() < 0.3:
        body += rng.choice(("a", "x", "vip", "cs", "hk"))
    return body[:hi] if len(body) >= lo else body + "8" * (lo - len(body))
