"""Red team 9: the disguises, each a small pure function (seeded ``random.Random`` in, text out).

Chosen from what neither the README's unmask table nor the family names of red teams 2-8 name:
insular letters (``ꝺ ꝼ ᵹ ꞃ ꞅ ꞇ``), mathematical operators read as letters (``⊂ ∊ ∩ ∪ ∨ ⊤ ∣``),
Latin ligatures that NFKC keeps (``æ œ ꜳ ꜵ ꜷ ꝏ ꜩ ᵫ``), subscript letters, Atbash, a keyboard
shifted one key to the right, per-label reversal, letters named in English (``bee ee tee``),
binary and decimal ASCII codes, base32, Morse in ``嘀/嗒`` or typographic dots and dashes,
counting-rod and Arabic-Indic / Devanagari / Thai digits, Vietnamese and Spanish digit words,
every digit shifted by one (with the hint to undo it), a placeholder filled in by the message
(``XXX.com，XXX=bet888``), a legend of two or three symbols, spreadsheet and shell joins, spot
dots (``ꞏ ⦁ ∙ ⸳ ॱ ‧ ◦``), dot words of languages the README does not list, IPv4 in an
IPv6-mapped literal or in its short ``a.b.c`` form. Every cipher comes with the hint a reader
needs; nothing is left to a guess.
"""

from __future__ import annotations

import base64
import random
from collections.abc import Callable

Rng = random.Random
Fn = Callable[[Rng, str], str]

LOWER = "abcdefghijklmnopqrstuvwxyz"

INSULAR = {"d": "ꝺ", "f": "ꝼ", "g": "ᵹ", "r": "ꞃ", "s": "ꞅ", "t": "ꞇ"}
MATH_LETTERS = {"c": "⊂", "e": "∊", "n": "∩", "u": "∪", "v": "∨", "t": "⊤", "l": "∣"}
LIGATURES = {
    "ae": "æ", "oe": "œ", "aa": "ꜳ", "ao": "ꜵ", "au": "ꜷ", "av": "ꜹ", "oo": "ꝏ", "tz": "ꜩ",
    "ue": "ᵫ",
}  # fmt: skip
SUBSCRIPT = dict(zip("aehijklmnoprstuvx", "ₐₑₕᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓ", strict=True))
QWERTY_RIGHT = dict(zip("qwertyuiopasdfghjklzxcvbnm", "wertyuiop[sdfghjkl;xcvbnm,", strict=True))
LETTER_NAMES = dict(
    zip(
        LOWER,
        [
            "ay",
            "bee",
            "see",
            "dee",
            "ee",
            "ef",
            "gee",
            "aitch",
            "eye",
            "jay",
            "kay",
            "el",
            "em",
            "en",
            "oh",
            "pee",
            "cue",
            "ar",
            "ess",
            "tee",
            "you",
            "vee",
            "double-u",
            "ex",
            "why",
            "zed",
        ],
        strict=True,
    )
)
DIGIT_SCRIPTS = {
    "arabic": (0x0660, "阿拉伯文数字", "Arabic-Indic digits"),
    "devanagari": (0x0966, "印地文数字", "Hindi digits"),
    "thai": (0x0E50, "泰文数字", "Thai digits"),
}
# counting rods, units 1-9 (no zero)
RODS = {str(d): chr(0x1D360 + d - 1) for d in range(1, 10)}
VI_DIGITS = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"]
ES_DIGITS = ["cero", "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve"]
SPOT_DOTS = ("ꞏ", "⦁", "∙", "⸳", "ॱ", "‧", "◦")
# dot words of languages the README's lists leave out
RARE_DOT_WORDS = ("punktur", "pikë", "puntu", "punkto", "nuqta", "цэг", "нүкте", "ຈຸດ", "ነጥብ")
MORSE_TABLE = [
    ".-",
    "-...",
    "-.-.",
    "-..",
    ".",
    "..-.",
    "--.",
    "....",
    "..",
    ".---",
    "-.-",
    ".-..",
    "--",
    "-.",
    "---",
    ".--.",
    "--.-",
    ".-.",
    "...",
    "-",
    "..-",
    "...-",
    ".--",
    "-..-",
    "-.--",
    "--..",
    "-----",
    ".----",
    "..---",
    "...--",
    "....-",
    ".....",
    "-....",
    "--...",
    "---..",
    "----.",
]
MORSE = {**dict(zip(LOWER + "0123456789", MORSE_TABLE, strict=True)), ".": ".-.-.-", "-": "-....-"}
LEGEND_SYMBOLS = ("🍎", "🍋", "🍇", "🌙", "⚡", "🎈", "🐟", "🌵")


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


def has_any(table: dict[str, str]) -> Callable[[str], bool]:
    return lambda s: any(ch in table for ch in s)


def ligatures(_rng: Rng, s: str) -> str:
    """Every pair with a ligature of its own, left to right."""
    out: list[str] = []
    i = 0
    while i < len(s):
        pair = s[i : i + 2]
        if pair in LIGATURES:
            out.append(LIGATURES[pair])
            i += 2
        else:
            out.append(s[i])
            i += 1
    return "".join(out)


def has_ligature(s: str) -> bool:
    return any(p in s for p in LIGATURES)


def atbash(s: str) -> str:
    return "".join(chr(219 - ord(ch)) if ch in LOWER else ch for ch in s)


def keyboard_right(s: str) -> str:
    return "".join(QWERTY_RIGHT.get(ch, ch) for ch in s)


def labels_reversed(s: str) -> str:
    return ".".join(label[::-1] for label in s.split("."))


def letter_names(s: str) -> str:
    """``bet888`` -> ``bee ee tee eight eight eight`` (letters named, digits said)."""
    words = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
    marks = {"_": "underscore", "-": "dash", ".": "dot"}
    return " ".join(
        LETTER_NAMES[c] if c in LETTER_NAMES else marks[c] if c in marks else words[int(c)]
        for c in s
    )


def binary(s: str) -> str:
    return " ".join(f"{b:08b}" for b in s.encode())


def ascii_codes(s: str) -> str:
    return " ".join(str(b) for b in s.encode())


def b32(s: str) -> str:
    return base64.b32encode(s.encode()).decode()


def b64(s: str) -> str:
    return base64.b64encode(s.encode()).decode()


def morse_didah(s: str) -> str:
    """Morse with 嘀 for a dot and 嗒 for a dash, letters apart by ``/``."""
    return " / ".join(MORSE[ch].replace(".", "嘀").replace("-", "嗒") for ch in s)


def morse_typographic(s: str) -> str:
    return "  ".join(MORSE[ch].replace(".", "·").replace("-", "—") for ch in s)


def script_digits(script: str) -> Fn:
    base = DIGIT_SCRIPTS[script][0]
    return lambda _rng, s: "".join(chr(base + int(c)) if c.isdigit() else c for c in s)


def rods(_rng: Rng, s: str) -> str:
    return "".join(RODS.get(c, c) for c in s)


def digit_words(words: list[str]) -> Fn:
    """Each digit as a word, spaced off the letters around it."""

    def fn(_rng: Rng, s: str) -> str:
        out = "".join(f" {words[int(c)]} " if c.isdigit() else c for c in s)
        return " ".join(out.split())

    return fn


def digits_plus_one(s: str) -> str:
    return "".join(str((int(c) + 1) % 10) if c.isdigit() else c for c in s)


def percent_all(s: str) -> str:
    return "".join(f"%{b:02X}" for b in s.encode())


def multi_legend(rng: Rng, s: str, k: int) -> tuple[str, str]:
    """Replace ``k`` distinct letters or digits by symbols; return (text, the legend)."""
    chars = sorted({ch for ch in s if ch.isalnum()})
    picked = rng.sample(chars, min(k, len(chars)))
    syms = rng.sample(LEGEND_SYMBOLS, len(picked))
    table = dict(zip(picked, syms, strict=True))
    return "".join(table.get(ch, ch) for ch in s), " ".join(
        f"{v}={c}" for c, v in sorted(table.items())
    )


def code_join(rng: Rng, name: str, tld: str) -> str:
    """A spreadsheet formula, adjacent string literals or a shell ``printf`` that builds it."""
    cut = rng.randint(1, len(name) - 1)
    a, b = name[:cut], name[cut:]
    return rng.choice(
        (
            f'=CONCATENATE("{a}","{b}",".{tld}")',
            f'=CONCAT("{a}";"{b}";".{tld}")',
            f'url = ("{a}" "{b}" ".{tld}")',
            f"printf '%s%s.%s' {a} {b} {tld}",
            f'="{a}"&"{b}"&".{tld}"',
        )
    )


def ip_v6_mapped(rng: Rng, ip: str) -> str:
    a, b, c, d = (int(x) for x in ip.split("."))
    if rng.random() < 0.5:
        return f"[::ffff:{ip}]"
    return f"[::ffff:{(a << 8) | b:x}:{(c << 8) | d:x}]"


def ip_short(ip: str) -> str:
    """``a.b.c.d`` as ``a.b.N`` with N = c * 256 + d (a form every browser accepts)."""
    a, b, c, d = (int(x) for x in ip.split("."))
    return f"{a}.{b}.{(c << 8) | d}"


def ip_from_short(s: str) -> str:
    a, b, n = (int(x) for x in s.split("."))
    return f"{a}.{b}.{n >> 8}.{n & 255}"
