"""Red team 8: the disguises, each a small pure function (seeded ``random.Random`` in, text out).

Chosen because no earlier red team named them (README's red-team rows list theirs): Lisu and
Coptic look-alike letters, enclosing combining marks, heavy zalgo, emoji that look like letters
(``⭕ ℹ️ ❌ ©️ ®️``), small Roman-numeral letters (``ⅽⅾⅰⅼⅿ``), Roman-numeral and segmented digits,
tone-marked pinyin digits, shifted-keyboard digits, a symbol with a legend, rare invisibles
(Hangul fillers, Braille blank, Mongolian selectors, Arabic letter mark), right-to-left override,
Braille letters, Morse, A1Z26, Caesar and ROT13, multi-tap keypad, NATO spelt in Chinese, HTML5
named entities, MIME encoded words, base64 and hex bytes, IPs as one integer or in hex and
octal, backslashed schemes, a root dot, flag-emoji TLDs, a dot in Zhuyin or split into its
parts (``占灬``), rare stops (``᛫ ۔ ་ ⸱ ⋅ ꘎``). Each keeps what a careful reader needs (a hint
where a cipher is used), never a guess.
"""

from __future__ import annotations

import base64
import random
import unicodedata
from collections.abc import Callable

Rng = random.Random
Fn = Callable[[Rng, str], str]

LOWER = "abcdefghijklmnopqrstuvwxyz"


def _words(s: str) -> list[str]:
    return s.split()


_MORSE = (
    ".- -... -.-. -.. . ..-. --. .... .. .--- -.- .-.. -- -. --- .--. --.- .-. ... - ..- ...- .-- "
    "-..- -.-- --.. ----- .---- ..--- ...-- ....- ..... -.... --... ---.. ----."
)
_NATO_ZH = (
    "阿尔法 布拉沃 查理 德尔塔 艾可 狐步 高尔夫 霍特尔 印迪亚 朱丽叶 基洛 利马 迈克 诺文伯 "
    "奥斯卡 帕帕 魁北克 罗密欧 锡拉 探戈 尤尼福姆 维克托 威士忌 艾克斯雷 洋基 祖鲁"
)

# Lisu capitals are Latin capitals to the eye (no Q; ``ꓮ`` is A).
LISU = dict(zip("abcdefghijklmnoprstuvwxyz", "ꓮꓐꓚꓓꓰꓝꓖꓧꓲꓙꓗꓡꓟꓠꓳꓑꓣꓢꓔꓴꓦꓪꓫꓬꓜ", strict=True))
# Coptic small letters that read as Latin ones.
COPTIC = dict(zip("aeiknoprtxyc", "ⲁⲉⲓⲕⲛⲟⲣⲅⲧⲭⲩⲥ", strict=True))
ROMAN_LETTERS = dict(zip("cdilmvx", "ⅽⅾⅰⅼⅿⅴⅹ", strict=True))
ROMAN_DIGITS = dict(zip("123456789", "ⅠⅡⅢⅣⅤⅥⅦⅧⅨ", strict=True))
SEGMENTED = {str(d): chr(0x1FBF0 + d) for d in range(10)}
PINYIN_DIGITS = dict(zip("0123456789", _words("líng yāo èr sān sì wǔ liù qī bā jiǔ"), strict=True))
SHIFT_DIGITS = dict(zip("1234567890", "!@#$%^&*()", strict=True))
EMOJI_LETTERS = {
    "o": ("⭕", "🅾️"),
    "i": ("ℹ️",),
    "x": ("❌", "✖️"),
    "c": ("©️",),
    "r": ("®️",),
    "s": ("💲",),
    "a": ("🅰️",),
    "b": ("🅱️",),
    "p": ("🅿️",),
    "m": ("〽️", "Ⓜ️"),
}
ENCLOSING = ("\u20dd", "\u20de", "\u20df", "\u20e0", "\u20e4")
RARE_INVISIBLES = (
    "\u3164",  # Hangul filler
    "\uffa0",  # half-width Hangul filler
    "\u2800",  # Braille pattern blank
    "\u180b",  # Mongolian free variation selector one
    "\u180c",
    "\u034f",  # combining grapheme joiner
    "\u061c",  # Arabic letter mark
    "\U0001d173",  # musical symbol begin beam
    "\U0001d175",
    "\u17b4",  # Khmer vowel inherent aq
)
RARE_STOPS = ("᛫", "۔", "་", "⸱", "⋅", "꘎", "܁", "𐩐")
MORSE = {
    **dict(zip(LOWER + "0123456789", _words(_MORSE), strict=True)),
    ".": ".-.-.-",
    "-": "-....-",
    "_": "..--.-",
}
BRAILLE = dict(zip(LOWER, "⠁⠃⠉⠙⠑⠋⠛⠓⠊⠚⠅⠇⠍⠝⠕⠏⠟⠗⠎⠞⠥⠧⠺⠭⠽⠵", strict=True))
BRAILLE_DIGIT = dict(zip("1234567890", "⠁⠃⠉⠙⠑⠋⠛⠓⠊⠚", strict=True))
NATO_ZH = dict(zip(LOWER, _words(_NATO_ZH), strict=True))
T9 = {
    c: str(k) * (i + 1)
    for k, keys in enumerate(("abc", "def", "ghi", "jkl", "mno", "pqrs", "tuv", "wxyz"), start=2)
    for i, c in enumerate(keys)
}
_CCS = "vn ru in cc tv me pl co ca it de fr nl es id cz hu ro gr pt br jp kr th ph uk se ch at be"
FLAGS = {
    cc: "".join(chr(0x1F1E6 + ord(ch) - 97) for ch in cc)
    for cc in (_CCS + " tr au mx ar dk no fi sk ua cn").split()
}
ZHUYIN_DOT = ("ㄉㄧㄢˇ", "ㄉㄧㄢ", "(ㄉㄧㄢˇ)")
ZHUYIN_COM = "ㄎㄤ ㄇㄨˇ"
CHAIZI_DOT = ("占灬", "占+灬", "(占灬)", "上占下灬")
DOT_WORDS_NEW = ("小数点", "英文句点", "半角句号", "小圆点", "decimal point", "full stop sign")
NAMED_ENTITIES = {".": "&period;", "/": "&sol;", ":": "&colon;", "@": "&commat;", "_": "&lowbar;"}


def sub_letters(table: dict[str, str], share: float = 1.0) -> Fn:
    """Swap letters found in ``table``; ``share`` < 1 swaps a seeded share (at least one)."""

    def fn(rng: Rng, s: str) -> str:
        idx = [i for i, ch in enumerate(s) if ch in table]
        if not idx:
            return s
        k = max(1, round(len(idx) * share))
        pick = set(rng.sample(idx, k))
        return "".join(table[ch] if i in pick else ch for i, ch in enumerate(s))

    return fn


def emoji_letters(rng: Rng, s: str) -> str:
    idx = [i for i, ch in enumerate(s) if ch in EMOJI_LETTERS]
    pick = set(rng.sample(idx, max(1, (len(idx) + 1) // 2))) if idx else set()
    return "".join(rng.choice(EMOJI_LETTERS[ch]) if i in pick else ch for i, ch in enumerate(s))


def _styled(rng: Rng, ch: str) -> str:
    if ch in LOWER:
        o = ord(ch) - 97
        styles = [
            chr(0xFF41 + o),  # full-width
            chr(0x24D0 + o),  # circled
            chr(0x249C + o),  # parenthesised
            chr(0x1F130 + o),  # squared capital
            chr(0x1D41A + o),  # math bold
            chr(0x1D552 + o),  # double-struck
        ]
        return rng.choice(styles)
    if ch.isdigit():
        d = int(ch)
        styles = [chr(0xFF10 + d), chr(0x1D7D8 + d), chr(0x2460 + d - 1) if d else "⓪"]
        if d:
            styles.append(chr(0x2474 + d - 1))  # parenthesised digit
        return rng.choice(styles)
    return ch


def style_salad(rng: Rng, s: str) -> str:
    """Each character its own style: full-width, circled, parenthesised, squared, math."""
    return "".join(_styled(rng, ch) for ch in s)


def enclosing_marks(rng: Rng, s: str) -> str:
    return "".join(ch + rng.choice(ENCLOSING) if ch.isalnum() else ch for ch in s)


def zalgo(rng: Rng, s: str) -> str:
    """Three to seven marks above and below every letter (diacritics that fold to no letter)."""
    marks = [chr(c) for c in range(0x0300, 0x0363) if c != 0x034F]  # no combining letters
    return "".join(
        ch + "".join(rng.choice(marks) for _ in range(rng.randint(3, 7))) if ch.isalnum() else ch
        for ch in s
    )


def invisibles(rng: Rng, s: str) -> str:
    return (
        rng.choice(RARE_INVISIBLES).join(s)
        if rng.random() < 0.5
        else "".join(ch + rng.choice(RARE_INVISIBLES) for ch in s[:-1]) + s[-1]
    )


def clusters(s: str) -> list[str]:
    """A base character and the marks after it (so a reversal keeps each mark on its letter)."""
    out: list[str] = []
    for ch in s:
        if out and (unicodedata.combining(ch) or ch in ENCLOSING or ch in "\ufe0f\u034f"):
            out[-1] += ch
        else:
            out.append(ch)
    return out


def rlo(_rng: Rng, s: str) -> str:
    """Stored backwards inside RIGHT-TO-LEFT OVERRIDE: shown forwards."""
    return "\u202e" + "".join(reversed(clusters(s))) + "\u202c"


def digits_with(table: dict[str, str], sep: str = "") -> Fn:
    def fn(_rng: Rng, s: str) -> str:
        return "".join(sep + table[ch] + sep if ch in table else ch for ch in s).replace(
            sep + sep, sep
        )

    return fn


def pinyin_digits(rng: Rng, s: str) -> str:
    out: list[str] = []
    run: list[str] = []
    for ch in s + "\0":
        if ch.isdigit():
            run.append(PINYIN_DIGITS[ch] if ch != "1" or rng.random() < 0.6 else "yī")
            continue
        if run:
            out.append(" " + " ".join(run) + " ")
            run = []
        if ch != "\0":
            out.append(ch)
    return "".join(out).strip()


def legend(rng: Rng, s: str) -> tuple[str, str]:
    """Replace one repeated character by a symbol; return (text, the legend a reader needs)."""
    chars = sorted({ch for ch in s if ch.isalnum()}, key=lambda c: (-s.count(c), c))
    ch = chars[0]
    sym = rng.choice(("★", "♥", "◆", "☯", "♣", "✿"))
    return s.replace(ch, sym), f"{sym}={ch}"


def morse(s: str) -> str:
    return " ".join(MORSE[ch] for ch in s)


def braille(s: str) -> str:
    out: list[str] = []
    in_num = False
    for ch in s:
        if ch.isdigit():
            out.append(("" if in_num else "⠼") + BRAILLE_DIGIT[ch])
            in_num = True
        elif ch == ".":
            out.append("⠲")
            in_num = False
        else:
            out.append(("⠰" if in_num and ch in "abcdefghij" else "") + BRAILLE[ch])
            in_num = False
    return "".join(out)


def a1z26(s: str) -> str:
    return "-".join(str(ord(ch) - 96) for ch in s)


def caesar(s: str, k: int) -> str:
    return "".join(chr((ord(ch) - 97 + k) % 26 + 97) if ch in LOWER else ch for ch in s)


def t9(s: str) -> str:
    return " ".join(T9[ch] for ch in s)


def nato_zh(s: str) -> str:
    return "、".join(NATO_ZH[ch] for ch in s)


def b64(s: str) -> str:
    return base64.b64encode(s.encode()).decode()


def hex_bytes(s: str) -> str:
    return " ".join(f"{b:02x}" for b in s.encode())


def named_entities(s: str) -> str:
    return "".join(NAMED_ENTITIES.get(ch, ch) for ch in s)


def mime_q(s: str) -> str:
    body = "".join(
        "_"
        if ch == " "
        else ch
        if ch.isascii() and ch.isalnum()
        else "".join(f"={b:02X}" for b in ch.encode())
        for ch in s
    )
    return f"=?UTF-8?Q?{body}?="


def mime_b(s: str) -> str:
    return f"=?UTF-8?B?{b64(s)}?="


def ip_int(ip: str) -> int:
    a, b, c, d = (int(x) for x in ip.split("."))
    return (a << 24) | (b << 16) | (c << 8) | d


def ip_forms(rng: Rng, ip: str, form: str) -> str:
    parts = [int(x) for x in ip.split(".")]
    if form == "decimal":
        return str(ip_int(ip))
    if form == "hex":
        return f"0x{ip_int(ip):08X}" if rng.random() < 0.5 else f"0x{ip_int(ip):x}"
    if form == "octal":
        return ".".join(f"0{p:o}" if p else "0" for p in parts)
    if form == "dotted_hex":
        return ".".join(f"0x{p:02x}" for p in parts)
    # mixed: every part its own radix, never all four decimal
    radix = [rng.choice("dxo") for _ in parts]
    if set(radix) == {"d"}:
        radix[rng.randrange(4)] = "x"
    return ".".join(
        str(p) if r == "d" else f"0x{p:x}" if r == "x" else f"0{p:o}" if p else "0"
        for p, r in zip(parts, radix, strict=True)
    )
