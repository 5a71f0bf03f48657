"""More ciphers and codes the message names, read as told (``normalize.ciphers`` runs them).

Each reader runs only beside its key, named in the message, and reads a run whole or withholds
it (trick ``withheld``: the scanner sends the item to review, never reports another value):

- Atbash (``Atbash``, ``a换z``, ``mirror the alphabet``): ``xsilnvyvdup.glk`` is
  ``chromebewfk.top``;
- typed one key to the right on a QWERTY keyboard (``键盘上每个键都往右错了一位``):
  ``s;vpmh[d.vp,`` is ``alcongps.com`` (digits, ``.`` and ``_`` as typed);
- binary or decimal ASCII codes (``01100011 ...``, ``98 101 116 ...``, ``二进制``, ``十进制ASCII``);
- base32 (``ORUWGOBYFZRW63I=``), and base64 written backwards (``先倒过来再base64解码``);
- Morse in 嘀/嗒 (``嘀是点，嗒是划``) or typographic dots and dashes (``·—  ——``);
- every digit one too high (``每位数字减1``, ``subtract one from every digit``): ``w99u3.com`` is
  ``w88u2.com``, 0 is a 9 too high;
- counting-rod numerals (``𝍧𝍥``, ``算筹``): 86; with no key named a name holding them is
  withheld;
- English letter names (``aitch you bee ee tee ... dot com``, ``字母按英文读音``);
- Vietnamese and Spanish digit words (``một hai ba``, ``tám``; ``más seis uno ...``): beside
  ``số đọc bằng chữ`` joined to the name they are written in, or a run of seven or more (a
  phone number); a Vietnamese digit word glued to a dot with no key is withheld;
- a hex number named so (``0x94D13C6（十六进制，转成十进制）``): its decimal value;
- a spreadsheet or shell join (``=CONCATENATE("a","b",".com")``, ``=CONCAT("a";"b")``,
  ``="a"&"b"``, ``("a" "b" ".club")``): the pieces joined;
- a shell ``printf`` (``printf '%s%s.%s' simuranonwoven s com``): the format filled in;
- a ``tel:`` link in percent escapes (``tel:%31%37...``): the number.
"""

from __future__ import annotations

import base64
import binascii
import re
from collections.abc import Callable
from typing import Final
from urllib.parse import unquote

from bastion.normalize.codes import MORSE, MORSE_HINT
from bastion.normalize.result import Group
from bastion.normalize.rules import names_host
from bastion.normalize.tables import DOT_CHARS

INSTRUCTION: Final = "instruction"
WITHHELD: Final = "withheld"

_ATBASH_HINT: Final = re.compile(
    r"(?i:\batbash\b|mirror(?:ed)?[ ]the[ ]alphabet|\ba[ ]?(?:=|<->|↔|⇔)[ ]?z\b[ ,，]{0,3}b[ ]?"
    r"(?:=|<->|↔|⇔)[ ]?y\b)|a换z|字母表倒过来|字母表反过来|字母表颠倒",
    re.ASCII,
)
_ATBASH_KEY: Final = re.compile(
    r"(?i:\ba[ ]?(?:=|<->|↔|⇔)[ ]?z\b[ ,，]{0,3}b[ ]?(?:=|<->|↔|⇔)[ ]?y\b)", re.ASCII
)
_KEYBOARD_HINT: Final = re.compile(
    r"(?i:one[ ]key[ ]to[ ]the[ ]right|key[ ]to[ ]the[ ]right|each[ ]key[ ]back[ ]left"
    r"|keys?[ ]shifted[ ]right)|往右错了一位|往右偏了一位|右移了一位|往右错一位",
    re.ASCII,
)
_BINARY_HINT: Final = re.compile(r"(?i:\bbinary\b)|二进制", re.ASCII)
_DECIMAL_HINT: Final = re.compile(
    r"(?i:\bdecimal[ ]ascii\b|\bascii[ ](?:codes?|decimal|values?)\b|\bchar(?:acter)?[ ]codes\b)"
    r"|十进制|ASCII码",
    re.ASCII,
)
_BASE32_HINT: Final = re.compile(r"(?i:\bbase[ \-]?32\b)", re.ASCII)
_BASE64_HINT: Final = re.compile(r"(?i:\bbase[ \-]?64\b|\bb64\b)", re.ASCII)
_REVERSE_HINT: Final = re.compile(
    r"(?i:\brevers(?:e|ed)\b|\bbackwards?\b)|倒过来|反过来|倒着|反着|倒序", re.ASCII
)
_DIDAH_HINT: Final = re.compile(r"嘀.{0,4}(?:点|dit)|嘀嗒|(?i:morse)|摩斯|摩尔斯")
_PLUS_ONE_HINT: Final = re.compile(
    r"(?i:subtract[ ]one[ ]from[ ](?:every|each)[ ]digit|(?:every|each)[ ]digit[ ](?:is[ ])?"
    r"one[ ]too[ ]high|(?:every|each)[ ]digit[ ]minus[ ]one|minus[ ]one[ ]from[ ](?:every|each)"
    r"[ ]digit)|(?:每个|每位|所有)?数字(?:都)?加了(?:1|一)|(?:每个|每位)数字减(?:1|一)",
    re.ASCII,
)
_RODS_HINT: Final = re.compile(r"算筹|算籌|(?i:counting[ ]rods?)", re.ASCII)
_LETTER_NAMES_HINT: Final = re.compile(
    r"(?i:spelled[ ]out|letter[ ]by[ ]letter|say[ ]it[ ]out[ ]loud|letter[ ]names)"
    r"|英文读音|字母按|字母念|英文字母读",
    re.ASCII,
)
_VI_HINT: Final = re.compile(r"(?i:số[ ](?:đọc|viết)[ ]bằng[ ]chữ|viết[ ]liền)")
_ES_HINT: Final = re.compile(r"西班牙语|西班牙文|(?i:en[ ]español|spanish)")
_HEX_HINT: Final = re.compile(r"十六进制|(?i:\bhex(?:adecimal)?\b)", re.ASCII)

HINTS: Final = (
    r"(?i:atbash|mirror(?:ed)? the alphabet|key to the right|each key back left|binary"
    r"|decimal ascii|ascii code|ascii value|base[ \-]?32|subtract one from|one too high"
    r"|counting rod|spelled out|letter by letter|say it out loud|số (?:đọc|viết) bằng chữ"
    r"|viết liền|tel:%3)|0[xX][0-9A-Fa-f]{4}"
    r"|a换z|字母表|往右错|往右偏|右移了|二进制|十进制|ASCII码|嘀|数字都加|数字加了|数字减(?:1|一)|算筹|算籌"
    "|英文读音|字母按|[\U0001d360-\U0001d378]"  # counting rods, literal: ``re`` and RE2
    r"|(?i:(?:cero|uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve)[ ]){6}"
    r"|(?i:(?:không|một|hai|ba|bốn|năm|sáu|bảy|tám|chín)[ ]){6}"
    r"|(?i:một|bốn|năm|sáu|bảy|tám|chín)[.][A-Za-z]"
    r"|(?i:concat(?:enate)?)\(|(?i:printf)|\"[ ]?[&;][ ]?\"|\"[ ]{0,2}\"\.[A-Za-z]"
)
"""RE2: the keys and forms of every reader here (the pass's trigger and the pre-check's
clause); each reader still looks for its own key."""

_TOKEN_CHARS: Final = (
    "A-Za-z0-9_\\-@/\\u00c0-\\u024f\\u1d00-\\u1dbf\\u1e00-\\u1eff\\ua720-\\ua7ff"
    "\\u2208\\u220a\\u2223\\u2228\\u2229\\u222a\\u2282\\u22a4"
)
_DOTS: Final = re.escape("." + DOT_CHARS + "◦●○▪")
_TOKEN_RE: Final = re.compile(f"[{_TOKEN_CHARS}](?:[{_TOKEN_CHARS}{_DOTS}]*[{_TOKEN_CHARS}])?")
"""A name as written, its dot any dot stand-in (``ivzo346ivzo‧glk``)."""
_MESSENGER_PATH: Final = re.compile(f"(?i:t|wa)[{_DOTS}]me/")


def _spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)]


def _outside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return not any(start < e and s < end for s, e in spans)


def _value_like(token: str) -> bool:
    """Dotted (any dot), after ``@``, or letters with digits or ``_``: a host or an id."""
    inner = token.strip(".")
    dotted = any(ch in DOT_CHARS or ch in ".◦●○▪" for ch in inner)
    letters = any(ch.isalpha() for ch in token)
    return (
        dotted
        or token.startswith("@")
        or (letters and (any(ch.isdigit() for ch in token) or "_" in token))
    )


def _tokens(text: str, hints: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """Value-like tokens outside the hints, a ``t.me/`` or ``wa.me/`` prefix left out."""
    out: list[tuple[int, int, str]] = []
    for m in _TOKEN_RE.finditer(text):
        start, end = m.span()
        if not _outside(hints, start, end) or not _value_like(m[0]):
            continue
        prefix = _MESSENGER_PATH.match(text, start)
        if prefix is not None:
            start = prefix.end()
        if text[start : start + 1] == "@":
            start += 1
        if start < end:
            out.append((start, end, text[start:end]))
    return out


# --- Atbash -------------------------------------------------------------------------------------


def _atbash_char(ch: str) -> str:
    if "a" <= ch <= "z":
        return chr(219 - ord(ch))
    if "A" <= ch <= "Z":
        return chr(155 - ord(ch))
    return ch


def atbash(text: str) -> list[Group]:
    """Names beside an Atbash key, each ASCII letter mirrored (a<->z, b<->y)."""
    hints = _spans(_ATBASH_HINT, text)
    if not hints:
        return []
    groups: list[Group] = [
        (INSTRUCTION, m.start(), m.end(), [(m.start(), m.end(), " atbash ")])
        for m in _ATBASH_KEY.finditer(text)
    ]  # the key written as letters (``a=z b=y:``) is no spaced-out name
    for start, end, token in _tokens(text, hints):
        if not all(ch.isascii() or ch in DOT_CHARS or ch in "◦●○▪" for ch in token):
            groups.append((WITHHELD, start, end, []))
            continue
        new = "".join(_atbash_char(ch) for ch in token)
        groups.append((INSTRUCTION, start, end, [(start, end, new)]))
    return groups


# --- one key to the right -----------------------------------------------------------------------

_ROWS: Final = ("qwertyuiop[]", "asdfghjkl;'", "zxcvbnm,./")
_LEFT_OF: Final = {row[i]: row[i - 1] for row in _ROWS for i in range(1, len(row))}
_TYPED_RE: Final = re.compile(r"@?[a-z0-9_\[\];',./\-]*[a-z\[;,][a-z0-9_\[\];',./\-]*", re.I)


def _unshift(token: str) -> str | None:
    out: list[str] = []
    for ch in token.lower():
        if ch.isdigit() or ch in "._-@":
            out.append(ch)  # typed as is (the suite's and the spammers' habit: ``5332``, ``.``)
        elif ch in _LEFT_OF:
            out.append(_LEFT_OF[ch])
        else:
            return None
    return "".join(out)


def keyboard_right(text: str) -> list[Group]:
    """Names beside ``typed one key to the right``: each letter read as the key to its left."""
    hints = _spans(_KEYBOARD_HINT, text)
    if not hints:
        return []
    groups: list[Group] = []
    for m in _TYPED_RE.finditer(text):
        start, end = m.span()
        token = m[0]
        if not _outside(hints, start, end):
            continue
        if not (token.startswith("@") or "." in token.strip(".,") or any(c in token for c in "[;")):
            continue  # a word of the prose (``keyboard,``)
        body_start = start + 1 if token.startswith("@") else start
        body = text[body_start:end]
        best = None
        for cut in (body, body.rstrip(",.")):
            read = _unshift(cut)
            if read and (token.startswith("@") or names_host(read)):
                best = (cut, read)
                break
        if best is None:
            groups.append((WITHHELD, body_start, end, []))
            continue
        cut, read = best
        groups.append((INSTRUCTION, body_start, body_start + len(cut), [
            (body_start, body_start + len(cut), read)
        ]))  # fmt: skip
    return groups


# --- binary, decimal, base32, reversed base64 ---------------------------------------------------

_BINARY_RUN_RE: Final = re.compile(r"(?<![0-9])[01]{8}(?:[ ,]{1,2}[01]{8}){2,253}(?![0-9])")
_DECIMAL_RUN_RE: Final = re.compile(r"(?<![0-9])[0-9]{2,3}(?:[ ,]{1,2}[0-9]{2,3}){3,253}(?![0-9])")
_B32_RE: Final = re.compile(r"(?<![A-Za-z0-9])[A-Z2-7]{8,}={0,6}(?![A-Za-z0-9=])")
_B64_RE: Final = re.compile(r"(?<![A-Za-z0-9+/=])[A-Za-z0-9+/=]{8,}(?![A-Za-z0-9+/=])")
_PRINTABLE_RE: Final = re.compile(r"[\x21-\x7e]+")


def _decoded_groups(
    text: str,
    hint: re.Pattern[str],
    run: re.Pattern[str],
    decode: Callable[[str], str | None],
) -> list[Group]:
    hints = _spans(hint, text)
    if not hints:
        return []
    groups: list[Group] = []
    for m in run.finditer(text):
        start, end = m.span()
        if not _outside(hints, start, end):
            continue
        word = decode(m[0])
        if word and _PRINTABLE_RE.fullmatch(word):
            groups.append((INSTRUCTION, start, end, [(start, end, f" {word} ")]))
        else:
            groups.append((WITHHELD, start, end, []))
    return groups


def _codes_text(numbers: list[int]) -> str | None:
    if all(33 <= n <= 126 for n in numbers):
        return "".join(map(chr, numbers))
    return None


def binary(text: str) -> list[Group]:
    """Eight-bit groups beside ``binary``/``二进制``: ASCII characters."""
    return _decoded_groups(
        text, _BINARY_HINT, _BINARY_RUN_RE,
        lambda run: _codes_text([int(b, 2) for b in re.findall("[01]{8}", run)]),
    )  # fmt: skip


def decimal_codes(text: str) -> list[Group]:
    """Numbers beside ``decimal ASCII``/``十进制ASCII码``: ASCII characters."""
    return _decoded_groups(
        text, _DECIMAL_HINT, _DECIMAL_RUN_RE,
        lambda run: _codes_text([int(n) for n in re.findall("[0-9]+", run)]),
    )  # fmt: skip


def _b32(blob: str) -> str | None:
    try:
        return base64.b32decode(blob + "=" * (-len(blob) % 8)).decode("ascii")
    except (binascii.Error, UnicodeDecodeError, ValueError):
        return None


def base32(text: str) -> list[Group]:
    """A blob of ``A-Z 2-7`` beside ``base32``, decoded."""
    return _decoded_groups(text, _BASE32_HINT, _B32_RE, _b32)


def _b64_reversed(blob: str) -> str | None:
    back = blob[::-1]
    if back.count("=") != len(back) - len(back.rstrip("=")):
        return None
    try:
        return base64.b64decode(back + "=" * (-len(back) % 4), validate=True).decode("ascii")
    except (binascii.Error, UnicodeDecodeError, ValueError):
        return None


def base64_reversed(text: str) -> list[Group]:
    """Beside ``base64`` and ``reversed``: a blob read backwards, then decoded."""
    if _REVERSE_HINT.search(text) is None:
        return []
    return _decoded_groups(text, _BASE64_HINT, _B64_RE, _b64_reversed)


# --- Morse in other signs -----------------------------------------------------------------------

_DIDAH_RUN_RE: Final = re.compile(r"[嘀嗒]{1,7}(?:[ ]{0,3}/?[ ]{0,3}[嘀嗒]{1,7}){1,127}")
_TYPO_DIT: Final = "·•∙⋅・"
_TYPO_DAH: Final = "—–−‒―"
_TYPO_RUN_RE: Final = re.compile(
    f"(?<![{_TYPO_DIT}{_TYPO_DAH}])[{_TYPO_DIT}{_TYPO_DAH}]{{1,7}}"
    f"(?:[ ]{{1,3}}(?:/[ ])?[{_TYPO_DIT}{_TYPO_DAH}]{{1,7}}){{2,127}}"
)


def _morse_groups(text: str, run: re.Pattern[str], table: dict[int, int]) -> list[Group]:
    groups: list[Group] = []
    for m in run.finditer(text):
        start, end = m.span()
        signs = m[0].translate(table)
        if "/" in signs:
            codes = [c for c in re.split(r"[ ]*/[ ]*", signs) if c]
            codes = [part for c in codes for part in c.split()]
        else:
            codes = signs.split()
        letters = [MORSE.get(code) for code in codes]
        if all(letters):
            word = "".join(letter or "" for letter in letters)
            groups.append((INSTRUCTION, start, end, [(start, end, f" {word} ")]))
        else:
            groups.append((WITHHELD, start, end, []))
    return groups


def morse_signs(text: str) -> list[Group]:
    """Morse beside its key in 嘀 (dit) and 嗒 (dah), or in typographic dots and dashes."""
    if MORSE_HINT.search(text) is None and _DIDAH_HINT.search(text) is None:
        return []
    groups = _morse_groups(text, _DIDAH_RUN_RE, str.maketrans("嘀嗒", ".-"))
    if MORSE_HINT.search(text) is not None:
        typo = str.maketrans(_TYPO_DIT + _TYPO_DAH, "." * len(_TYPO_DIT) + "-" * len(_TYPO_DAH))
        groups += _morse_groups(text, _TYPO_RUN_RE, typo)
    return groups


# --- digits one too high ------------------------------------------------------------------------

_DIGIT_RUN_RE: Final = re.compile(r"(?<![0-9])[0-9]{5,15}(?![0-9])")


def plus_one(text: str) -> list[Group]:
    """Beside ``每位数字减1``: each digit of a name, or of a run of five or more, one less."""
    hints = _spans(_PLUS_ONE_HINT, text)
    if not hints:
        return []
    groups: list[Group] = []
    seen: list[tuple[int, int]] = []
    found = [(s, e, t) for s, e, t in _tokens(text, hints) if any(c.isdigit() for c in t)]
    for m in _DIGIT_RUN_RE.finditer(text):
        if _outside(hints, *m.span()) and _outside([(s, e) for s, e, _ in found], *m.span()):
            found.append((m.start(), m.end(), m[0]))
    for start, end, token in found:
        if not _outside(seen, start, end):
            continue
        seen.append((start, end))
        edits = [
            (start + k, start + k + 1, str((int(ch) - 1) % 10))
            for k, ch in enumerate(token)
            if ch.isascii() and ch.isdigit()
        ]
        if edits:
            groups.append((INSTRUCTION, start, end, edits))
    return groups


# --- counting rods ------------------------------------------------------------------------------

_RODS: Final = {0x1D360 + k: str(k + 1) for k in range(9)} | {
    0x1D369 + k: str(k + 1) for k in range(9)
}
_ROD_RUN_RE: Final = re.compile("[\U0001d360-\U0001d371]+")


def counting_rods(text: str) -> list[Group]:
    """Counting-rod digits (unit and tens forms, 1-9): beside ``算筹``/``counting rods`` read
    as digits; with no key named a name holding them is withheld."""
    runs = list(_ROD_RUN_RE.finditer(text))
    if not runs:
        return []
    hinted = _RODS_HINT.search(text) is not None
    groups: list[Group] = []
    for m in runs:
        start, end = m.span()
        if hinted:
            groups.append((INSTRUCTION, start, end, [(start, end, m[0].translate(_RODS))]))
        else:
            groups.append((WITHHELD, start, end, []))
    return groups


# --- spoken letters and digits ------------------------------------------------------------------

_LETTER_NAMES: Final = {
    "ay": "a", "bee": "b", "see": "c", "cee": "c", "dee": "d", "ee": "e", "ef": "f", "eff": "f",
    "gee": "g", "aitch": "h", "haitch": "h", "eye": "i", "jay": "j", "kay": "k", "el": "l",
    "ell": "l", "em": "m", "en": "n", "oh": "o", "pee": "p", "cue": "q", "queue": "q", "ar": "r",
    "ess": "s", "tee": "t", "you": "u", "vee": "v", "double-u": "w", "double u": "w",
    "dubya": "w", "ex": "x", "why": "y", "wye": "y", "zee": "z", "zed": "z",
    "zero": "0", "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6",
    "seven": "7", "eight": "8", "nine": "9", "underscore": "_", "dash": "-", "hyphen": "-",
}  # fmt: skip
_NAME_WORD: Final = "|".join(
    sorted((re.escape(w) for w in _LETTER_NAMES), key=lambda w: (-len(w), w))
)
_NAMES_RUN_RE: Final = re.compile(
    rf"(?<![A-Za-z0-9\-])(?:{_NAME_WORD})(?:[ ](?:{_NAME_WORD})){{2,80}}(?![A-Za-z0-9\-])",
    re.IGNORECASE,
)


def letter_names(text: str) -> list[Group]:
    """Beside ``spelled out letter by letter``: a run of three or more English letter names
    (and digit words) as the letters, joined."""
    hints = _spans(_LETTER_NAMES_HINT, text)
    if not hints:
        return []
    groups: list[Group] = []
    for m in _NAMES_RUN_RE.finditer(text):
        start, end = m.span()
        if not _outside(hints, start, end):
            continue
        words = re.findall(rf"{_NAME_WORD}", m[0], re.IGNORECASE)
        word = "".join(_LETTER_NAMES[w.lower()] for w in words)
        groups.append((INSTRUCTION, start, end, [(start, end, word)]))
    return groups


_VI_DIGITS: Final = {
    "không": "0", "một": "1", "hai": "2", "ba": "3", "bốn": "4", "tư": "4", "năm": "5",
    "lăm": "5", "sáu": "6", "bảy": "7", "tám": "8", "chín": "9",
}  # fmt: skip
_ES_DIGITS: Final = {
    "cero": "0", "uno": "1", "dos": "2", "tres": "3", "cuatro": "4", "cinco": "5",
    "seis": "6", "siete": "7", "ocho": "8", "nueve": "9",
}  # fmt: skip


_LATIN: Final = "A-Za-z\u00c0-\u024f\u1e00-\u1eff"


def _run_re(words: dict[str, str]) -> re.Pattern[str]:
    alt = "|".join(sorted(words, key=lambda w: (-len(w), w)))
    return re.compile(
        rf"(?<![{_LATIN}0-9])(?:{alt})(?:[ ](?:{alt}))*(?![{_LATIN}0-9])", re.IGNORECASE
    )


_VI_RUN_RE: Final = _run_re(_VI_DIGITS)
_ES_RUN_RE: Final = _run_re(_ES_DIGITS)
_ASCII_WORD_LEFT: Final = re.compile(
    rf"(?<![{_LATIN}0-9])[A-Za-z0-9](?:[A-Za-z0-9]|[ ](?=[A-Za-z0-9]))*[ ]$"
)
_ASCII_WORD: Final = re.compile(rf"[A-Za-z0-9]+(?![{_LATIN}0-9])")
_MARKED: Final = frozenset(("một", "bốn", "năm", "sáu", "bảy", "tám", "chín"))
"""Digit words with tone marks: glued to a dot (``tám.tv``) no word of English or pinyin."""
_GLUED_DOT: Final = re.compile(r"\.[A-Za-z]")
_DOT_AFTER: Final = re.compile(f"[ ]?[{_DOTS}][ ]?[A-Za-z]")
_PLUS_BEFORE: Final = re.compile(r"(?i:más|mas)[ ]$")


def vietnamese_digits(text: str) -> list[Group]:
    """Vietnamese digit words: beside ``số đọc bằng chữ``/``viết liền`` joined with the ASCII
    words around them into one name (``hi tám tám vip ba.com``: ``hi88vip3.com``), or a run of
    seven or more as a number; glued to a dot with no key, withheld."""
    hinted = _VI_HINT.search(text) is not None
    groups: list[Group] = []
    covered = 0
    for m in _VI_RUN_RE.finditer(text):
        start, end = m.span()
        if start < covered:
            continue
        words = m[0].split(" ")
        digits = "".join(_VI_DIGITS[w.lower()] for w in words)
        if not hinted:
            if len(words) >= 7:
                groups.append((INSTRUCTION, start, end, [(start, end, digits)]))
            elif words[-1].lower() in _MARKED and _GLUED_DOT.match(text, end):
                groups.append((WITHHELD, start, end, []))
            continue
        lo, hi = start, end
        left = _ASCII_WORD_LEFT.search(text, max(0, start - 64), start)
        if left is not None:
            lo = left.start()
        while text[hi : hi + 1] == " ":
            right = _ASCII_WORD.match(text, hi + 1)
            more = _VI_RUN_RE.match(text, hi + 1)
            if more is not None:
                hi = more.end()
            elif right is not None:
                hi = right.end()
            else:
                break
        if lo == start and hi == end and not _DOT_AFTER.match(text, hi):
            if len(words) >= 5:
                groups.append((INSTRUCTION, start, end, [(start, end, digits)]))
            continue
        joined = "".join(_VI_DIGITS.get(w.lower(), w) for w in text[lo:hi].split(" ") if w)
        covered = hi
        groups.append((INSTRUCTION, lo, hi, [(lo, hi, joined)]))
    return groups


def spanish_digits(text: str) -> list[Group]:
    """Spanish digit words: a run of seven or more (three beside ``西班牙语数字``) as a number,
    ``más`` before it as ``+``."""
    hinted = _ES_HINT.search(text) is not None
    groups: list[Group] = []
    for m in _ES_RUN_RE.finditer(text):
        words = m[0].split(" ")
        if len(words) < (3 if hinted else 7):
            continue
        start, end = m.span()
        digits = "".join(_ES_DIGITS[w.lower()] for w in words)
        plus = _PLUS_BEFORE.search(text, max(0, start - 4), start)
        if plus is not None:
            start, digits = plus.start(), "+" + digits
        groups.append((INSTRUCTION, start, end, [(start, end, digits)]))
    return groups


# --- hex numbers, joins, tel: -------------------------------------------------------------------

_HEX_RE: Final = re.compile(r"(?<![A-Za-z0-9])0[xX]([0-9A-Fa-f]{4,15})(?![A-Za-z0-9])")


def hex_numbers(text: str) -> list[Group]:
    """``0x94D13C6`` beside ``十六进制``/``hex``: the number in decimal."""
    if _HEX_HINT.search(text) is None:
        return []
    return [
        (INSTRUCTION, m.start(), m.end(), [(m.start(), m.end(), str(int(m[1], 16)))])
        for m in _HEX_RE.finditer(text)
    ]


_QUOTED: Final = r"\"[^\"\s]{1,40}\""
_SHEET_JOIN_RES: Final = (
    re.compile(
        rf"=?[ ]?(?i:concat(?:enate)?)\([ ]?"
        rf"(?P<args>{_QUOTED}(?:[ ]?[,;][ ]?{_QUOTED}){{1,15}})[ ]?\)"
    ),
    re.compile(rf"=?[ ]?(?P<args>{_QUOTED}(?:[ ]?&[ ]?{_QUOTED}){{1,15}})"),
    re.compile(rf"\([ ]?(?P<args>{_QUOTED}(?:[ ]{{1,2}}{_QUOTED}){{1,15}})[ ]?\)"),
    re.compile(rf"(?P<args>{_QUOTED}(?:{_QUOTED}){{1,15}})"),
)
_DOTTED_RE: Final = re.compile(r"[A-Za-z0-9]\.[A-Za-z]{2,}")
_PIECE_RE: Final = re.compile(r"\"([^\"\s]{1,40})\"")


def sheet_joins(text: str) -> list[Group]:
    """Spreadsheet and shell string joins: the quoted pieces joined."""
    groups: list[Group] = []
    taken: list[tuple[int, int]] = []
    for form in _SHEET_JOIN_RES:
        for m in form.finditer(text):
            start, end = m.span()
            if not _outside(taken, start, end):
                continue
            joined = "".join(_PIECE_RE.findall(m["args"]))
            if form in _SHEET_JOIN_RES[2:] and _DOTTED_RE.search(joined) is None:
                continue  # quoted words side by side (``"完美""雅芳"``): prose, not a join
            taken.append((start, end))
            groups.append((INSTRUCTION, start, end, [(start, end, f" {joined} ")]))
    return groups


_PRINTF_RE: Final = re.compile(
    r"(?<![A-Za-z0-9_])printf[ ]{1,2}(['\"])(?P<fmt>[A-Za-z0-9_.\-%]{2,40})\1"
    r"(?P<args>(?:[ ]{1,2}[^\s'\"]{1,40}){1,8})"
)
_ARG_RE: Final = re.compile(r"[ ]{1,2}([^\s'\"]{1,40})")


def printf_joins(text: str) -> list[Group]:
    """``printf '%s%s.%s' a b com`` (shell): the format with its ``%s`` filled in order."""
    groups: list[Group] = []
    for m in _PRINTF_RE.finditer(text):
        fmt = m["fmt"]
        slots = fmt.count("%s")
        if slots == 0 or fmt.count("%") != slots:
            continue
        args = list(_ARG_RE.finditer(text, m.start("args"), m.end("args")))
        if len(args) < slots:
            continue
        parts = fmt.split("%s")
        value = parts[0] + "".join(a[1] + part for a, part in zip(args, parts[1:], strict=False))
        start, end = m.start(), args[slots - 1].end()
        groups.append((INSTRUCTION, start, end, [(start, end, value)]))
    return groups


_TEL_RE: Final = re.compile(r"(?i:tel):(?P<num>(?:%[0-9A-Fa-f]{2}|[0-9+\-]){5,60})")


def tel_percent(text: str) -> list[Group]:
    """``tel:%31%37...``: the escapes decoded (a phone number or nothing)."""
    groups: list[Group] = []
    for m in _TEL_RE.finditer(text):
        if "%" not in m["num"]:
            continue
        number = unquote(m["num"])
        start, end = m.span("num")
        if re.fullmatch(r"\+?[0-9\-]{5,30}", number):
            groups.append((INSTRUCTION, start, end, [(start, end, number)]))
        else:
            groups.append((WITHHELD, start, end, []))
    return groups


READERS: Final = (
    sheet_joins,
    printf_joins,
    tel_percent,
    counting_rods,
    base64_reversed,
    base32,
    binary,
    decimal_codes,
    morse_signs,
    atbash,
    keyboard_right,
    plus_one,
    letter_names,
    vietnamese_digits,
    spanish_digits,
    hex_numbers,
)
"""In order: a span taken by one reader is not read by a later one (``ciphers.cipher_pass``)."""
