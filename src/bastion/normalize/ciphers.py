"""Ciphers the message gives the key to: read as told, or withheld.

A spammer writes the link or id in a cipher and names it so a person can undo it:
``bdctuzqesjktms.sv (every letter moved one forward, undo it)``, ``@dvnakvnb4796（ROT13）``,
``2-9-5-12-5-18-20.de（字母表序号 A=1 Z=26）``, ``2 555 555 33 6 999 . com（九宫格按键）``,
``QHhpYW9jb2NvMzkxMg==（base64解码）``, ``gay$porn.com（数字键按了shift）``,
``v★g★tiffin.com (★=e)``. Read as written each is another host or id (``2-9-5-12-5-18-20.de``,
``bet.com``, ``tiffin.com``): Bastion must never report it. Each reader below undoes the cipher
where the message names it and the reading is whole (trick ``cipher``); a value-like token the
reader cannot undo for sure is marked ``withheld`` (the scanner reports nothing for it and sends
the item to review, ``scan.withheld``). Symbols glued inside a name with no legend
(``k🙈live🙈🙈.com``, ``jili❓❓❓.com``: digits masked) withhold the name the same way.
"""

from __future__ import annotations

import base64
import binascii
import re
import unicodedata
from itertools import pairwise
from typing import Final

from bastion.normalize import codes, hinted_codes, keyed_codes
from bastion.normalize.digit_forms import PICTURED
from bastion.normalize.instructions import GATE as INSTRUCTED
from bastion.normalize.result import Group, Work
from bastion.normalize.rules import names_host

_INSTRUCTED_RE: Final = re.compile(INSTRUCTED)
CIPHER: Final = "instruction"
"""The trick name of a value read as the message says (as ``normalize.edit_hints``)."""
WITHHELD: Final = "withheld"

_NUMBER_WORDS: Final = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
}  # fmt: skip
_AMOUNT: Final = r"([1-7]|one|two|three|four|five|six|seven|[一二两三四五六七])"
_ROT_RE: Final = re.compile(r"(?i:\brot[ \-]?13\b)", re.ASCII)
_CAESAR_RE: Final = re.compile(
    rf"(?i:\bcaesar\b|(?:letters?|characters?)\b[^.\n。]{{0,24}}?\b(?:by[ ])?{_AMOUNT}[ ]"
    rf"(?:place|position|step|letter)?s?[ ]?(?:forward|back|along|ahead|later|earlier|on)"
    rf"|(?:shift|move|rotate|roll)[a-z]*[ ](?:each|every|all|the)?[ ]?letters?[ ]"
    rf"(?:back|forward)?[ ]?by[ ]{_AMOUNT})"
    rf"|字母[^，。,\n]{{0,10}}(?:前移|后移|往前|往后|向前|向后|退|进)[^，。,\n]{{0,6}}?{_AMOUNT}位",
    re.ASCII,
)
"""A shift named with its size: ``every letter moved one forward``, ``每个字母往前退一位``."""
_UNDO_RE: Final = re.compile(r"(?i:\bundo\b|\bback\b|\bbackward|\bearlier\b)|退|回|往前", re.ASCII)
"""The words that say which way to undo: back by the amount. Without them the way is unsure."""
_A1Z26_RE: Final = re.compile(
    r"(?i:\ba1z26\b|\ba[ ]?=[ ]?1\b[^\n]{0,12}?\bz[ ]?=[ ]?26\b|letter[ ]numbers?)"
    r"|字母(?:表)?(?:序号|顺序|编号)",
    re.ASCII,
)
_KEYPAD_RE: Final = re.compile(
    r"(?i:\bkey[ ]?pad\b|\bmulti-?tap|\bT9\b|phone[ ]keys?)|九宫格|键盘连按|按键(?:次数)?", re.ASCII
)
_BASE64_RE: Final = re.compile(r"(?i:\bbase[ \-]?64\b|\bb64\b)", re.ASCII)
SHIFT_HINT: Final = re.compile(
    r"(?i:\bshift\b[^\n]{0,16}?\b(?:on|held|key|down)\b|\b(?:typed|pressed|held)\b[^\n]{0,16}?"
    r"\bshift\b)|(?:按着|按住|按了|开着)[ ]?(?i:shift)|(?i:shift)[ ]?(?:键|打的)",
    re.ASCII,
)
_LEGEND_RE: Final = re.compile(
    r"(?<![A-Za-z0-9])(?P<sym>[^\sA-Za-z0-9.,:;!?()\[\]（）【】=＝'\"])[ ]?[=＝][ ]?"
    r"(?P<val>[A-Za-z0-9])(?![A-Za-z0-9])"
)
"""``★=e``, ``(☯=o)``, ``♣=8:``: a symbol the message says stands for one letter or digit.
``<`` and ``>`` never do (``>=e`` is an operator), nor symbols hosts and ids are written with."""
LEGEND_ASCII_GATE: Final = r"[$^|{}~`][ ]?[=＝][ ]?[A-Za-z0-9]"
"""RE2, for the pre-check: a legend whose symbol is ASCII (the others hold a wide character)."""

HINTS: Final = (
    r"(?i:rot[ \-]?13|caesar|a1z26|key ?pad|multi-?tap|base[ \-]?64|shift|pinyin)"
    r"|(?i:letters?\b.{0,24}(?:forward|back|along|ahead))|九宫格|字母|拼音"
    r"|(?i:nato (?:alphabet|words|letters|spelling))|"
    + codes.TRIGGER
    + "|"
    + hinted_codes.HINTS
    + "|"
    + keyed_codes.HINTS
)
"""RE2: the hints alone (the pre-check's clause: ``netflix)!.com`` holds no host before)."""
TRIGGER: Final = (
    r"(?i:rot[ \-]?13|caesar|a1z26|key ?pad|multi-?tap|T9|base[ \-]?64|b64|shift|letter numbers"
    r"|letters?\b.{0,24}(?:forward|back|along|ahead)|=[ ]?26)"
    r"|字母|九宫格|按键|键盘|[āīíèìǔù]|(?i:pinyin)|拼音|[^\sA-Za-z0-9][ ]?[=＝][ ]?[A-Za-z0-9]"
    r"|[A-Za-z0-9][\x{2190}-\x{2bff}\x{1f300}-\x{1faff}]|(?i:\bhex)|十六进制|16进制|十六進制"
    r"|(?i:nato (?:alphabet|words|letters|spelling))|"
    + codes.TRIGGER
    + "|"
    + hinted_codes.HINTS
    + "|"
    + keyed_codes.HINTS
)
"""An RE2 superset of every reader here: the pass runs only when it occurs."""

_VALUE_RE: Final = re.compile(
    r"(?P<scheme>(?i:https?)://)?(?P<at>@)?(?P<body>[A-Za-z0-9][A-Za-z0-9_\-.]*[A-Za-z0-9]"
    r"(?:/[^\s]*)?)"
)
_HOSTY_RE: Final = re.compile(r"[A-Za-z0-9]\.[A-Za-z]")
_LABEL_CHARS: Final = frozenset("abcdefghijklmnopqrstuvwxyz0123456789-_.")


def cipher_pass(work: Work) -> None:
    """Undo the ciphers the message names; withhold what cannot be undone for sure."""
    text = work.text
    groups: list[Group] = []
    taken: list[tuple[int, int]] = []
    readers = [
        *hinted_codes.READERS, *keyed_codes.READERS, _rot, _a1z26, _keypad, _base64, _hex,
        _nato_zh, _shift, _legend, _pinyin, codes.morse, codes.braille,
    ]  # fmt: skip
    if _INSTRUCTED_RE.search(text) is None:
        readers.append(_masked)  # else ``be♥tw♥ay（去掉爱心）``: the instruction pass drops them
    for reader in readers:
        for group in reader(text):
            _, start, end, _ = group
            if any(start < e and s < end for s, e in taken):
                continue
            taken.append((start, end))
            groups.append(group)
    if groups:
        work.apply(sorted(groups, key=lambda g: g[1]))


def _hints(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)]


def _outside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return not any(start < e and s < end for s, e in spans)


def _value_like(text: str, m: re.Match[str]) -> bool:
    """A token that may be a host or an id: dotted, after ``@`` or a scheme, or letters with
    digits or an underscore (``mjohcbp8783``), not a word of the prose."""
    body = m["body"]
    if m["scheme"] or m["at"] or _HOSTY_RE.search(body):
        return True
    letters = any(ch.isalpha() for ch in body)
    return letters and (any(ch.isdigit() for ch in body) or "_" in body)


def _shift_letters(s: str, k: int) -> str:
    out = []
    for ch in s:
        if "a" <= ch <= "z":
            out.append(chr((ord(ch) - 97 + k) % 26 + 97))
        elif "A" <= ch <= "Z":
            out.append(chr((ord(ch) - 65 + k) % 26 + 65))
        else:
            out.append(ch)
    return "".join(out)


def _rot(text: str) -> list[Group]:
    """ROT13 and Caesar shifts named with their size and way: the letters shifted back."""
    hints = _hints(_ROT_RE, text)
    shift: int | None = 13 if hints else None
    if not hints:
        caesar = _CAESAR_RE.search(text)
        if caesar is None:
            return []
        hints = [caesar.span()]
        n = next((g for g in caesar.groups() if g), None)
        around = text[max(0, caesar.start() - 12) : caesar.end() + 16]
        if n and _UNDO_RE.search(around):
            shift = -_amount(n)
    groups: list[Group] = []
    for m in _VALUE_RE.finditer(text):
        if not _outside(hints, *m.span()) or not _value_like(text, m):
            continue
        start, end = m.span("body")
        if shift is None:
            groups.append((WITHHELD, start, end, []))
            continue
        body = m["body"]
        groups.append((CIPHER, start, end, [(start, end, _shift_letters(body, shift))]))
    return groups


def _amount(word: str) -> int:
    return int(word) if word.isdigit() else _NUMBER_WORDS[word.lower()]


_A1Z26_RUN_RE: Final = re.compile(r"(?<![0-9\-])[0-9]{1,3}(?:[\- ,]-?[0-9]{1,3}){1,62}(?![0-9])")
_A1Z26_SPLIT_RE: Final = re.compile(r"[ ,]|(?<=[0-9])-")


def _a1z26(text: str) -> list[Group]:
    """``2-9-5-12-5-18-20`` beside ``A=1 … Z=26``: letter numbers, read as letters."""
    hints = _hints(_A1Z26_RE, text)
    if not hints:
        return []
    groups: list[Group] = []
    for m in _A1Z26_RUN_RE.finditer(text):
        if not _outside(hints, *m.span()):
            continue
        numbers = [int(n) for n in _A1Z26_SPLIT_RE.split(m[0]) if n]
        start, end = m.span()
        if all(1 <= n <= 26 for n in numbers):
            word = "".join(chr(96 + n) for n in numbers)
            groups.append((CIPHER, start, end, [(start, end, word)]))
        else:
            groups.append((WITHHELD, start, end, []))
    return groups


_KEYS: Final = {
    "2": "abc", "3": "def", "4": "ghi", "5": "jkl",
    "6": "mno", "7": "pqrs", "8": "tuv", "9": "wxyz",
}  # fmt: skip
_TAPS_RE: Final = re.compile(
    r"(?<![0-9])(?:([0-9])\1{0,4})(?:[ ]+(?:([0-9])\2{0,4})){2,62}(?![0-9])"
)


def _keypad(text: str) -> list[Group]:
    """``2 555 555 33 6 999`` beside ``keypad taps``: each group of one key pressed k times is
    that key's k-th letter."""
    hints = _hints(_KEYPAD_RE, text)
    if not hints:
        return []
    groups: list[Group] = []
    for m in _TAPS_RE.finditer(text):
        if not _outside(hints, *m.span()):
            continue
        start, end = m.span()
        letters: list[str] = []
        for tap in m[0].split():
            keys = _KEYS.get(tap[0], "")
            if len(tap) > len(keys):
                letters = []
                break
            letters.append(keys[len(tap) - 1])
        if letters:
            groups.append((CIPHER, start, end, [(start, end, "".join(letters))]))
        else:
            groups.append((WITHHELD, start, end, []))
    return groups


_B64_RE: Final = re.compile(r"(?<![A-Za-z0-9+/])[A-Za-z0-9+/]{8,}={0,2}(?![A-Za-z0-9+/=])")
_PRINTABLE_RE: Final = re.compile(r"[\x21-\x7e]+")


def _base64(text: str) -> list[Group]:
    """A blob beside ``base64`` decoded when it gives one printable word (``@xiaococo3912``)."""
    hints = _hints(_BASE64_RE, text)
    if not hints:
        return []
    groups: list[Group] = []
    for m in _B64_RE.finditer(text):
        blob = m[0]
        if not _outside(hints, *m.span()) or (blob.isalpha() and blob.islower()):
            continue
        start, end = m.span()
        try:
            raw = base64.b64decode(blob + "=" * (-len(blob) % 4), validate=True)
            decoded = raw.decode("ascii")
        except (binascii.Error, UnicodeDecodeError, ValueError):
            decoded = ""
        if "://" in decoded or decoded.startswith("www."):
            continue  # a link in base64: ``extract.encoded`` reads it
        if decoded and _PRINTABLE_RE.fullmatch(decoded):
            groups.append((CIPHER, start, end, [(start, end, f" {decoded} ")]))
        elif any(ch.isdigit() for ch in blob) or blob.endswith("="):
            groups.append((WITHHELD, start, end, []))
    return groups


_HEX_HINT_RE: Final = re.compile(
    r"(?i:(?<![a-z])hex(?![a-z])|hexadecimal)|十六进制|16进制|十六進制"
)
_HEX_RUN_RE: Final = re.compile(
    r"(?<![0-9A-Za-z])[0-9A-Fa-f]{2}(?:[ ,:\-]?[0-9A-Fa-f]{2}){3,256}(?![0-9A-Za-z])"
)
HEX_BYTES: Final = r"[0-9A-Fa-f]{2} [0-9A-Fa-f]{2} 2[Ee] [0-9A-Fa-f]{2} [0-9A-Fa-f]{2}"
"""A dot among hex bytes (``… 79 2e 6f 72 …``): a pre-check clause, with no hint word (``hex``
alone is ordinary prose)."""


def _hex(text: str) -> list[Group]:
    """Bytes in hex beside ``hex`` / ``十六进制`` decoded when they give printable ASCII with no
    blank (``70 6c 61 6e 65 74 2e 6f 72 67`` is ``planet.org``)."""
    hints = _hints(_HEX_HINT_RE, text)
    if not hints:
        return []
    groups: list[Group] = []
    for m in _HEX_RUN_RE.finditer(text):
        digits = re.sub(r"[ ,:\-]", "", m[0])
        if len(digits) % 2:
            continue
        decoded = bytes.fromhex(digits).decode("latin-1")
        if _PRINTABLE_RE.fullmatch(decoded) and any(c.isalpha() for c in decoded):
            start, end = m.span()
            groups.append((CIPHER, start, end, [(start, end, f" {decoded} ")]))
    return groups


NATO_ZH: Final = {
    **dict.fromkeys(("阿尔法", "阿爾法", "阿尔发"), "a"),
    **dict.fromkeys(("布拉沃", "布拉伏"), "b"),
    **dict.fromkeys(("查理", "查利"), "c"), **dict.fromkeys(("德尔塔", "德爾塔"), "d"),
    **dict.fromkeys(("艾可", "艾科"), "e"), **dict.fromkeys(("狐步", "狐步舞"), "f"),
    **dict.fromkeys(("高尔夫", "高爾夫"), "g"), **dict.fromkeys(("霍特尔",), "h"),
    **dict.fromkeys(("印迪亚",), "i"), **dict.fromkeys(("朱丽叶", "茱丽叶", "朱麗葉"), "j"),
    **dict.fromkeys(("基洛",), "k"), **dict.fromkeys(("利马", "利馬"), "l"),
    **dict.fromkeys(("迈克", "麦克"), "m"), **dict.fromkeys(("诺文伯",), "n"),
    **dict.fromkeys(("奥斯卡", "奧斯卡"), "o"), **dict.fromkeys(("帕帕",), "p"),
    **dict.fromkeys(("魁北克",), "q"), **dict.fromkeys(("罗密欧", "羅密歐"), "r"),
    **dict.fromkeys(("锡拉", "塞拉"), "s"), **dict.fromkeys(("探戈",), "t"),
    **dict.fromkeys(("尤尼福姆",), "u"), **dict.fromkeys(("维克托",), "v"),
    **dict.fromkeys(("威士忌",), "w"), **dict.fromkeys(("艾克斯雷",), "x"),
    **dict.fromkeys(("洋基",), "y"), **dict.fromkeys(("祖鲁", "祖魯"), "z"),
}  # fmt: skip
"""The NATO alphabet's words as Chinese writes them (``奥斯卡`` Oscar, ``狐步`` foxtrot)."""
_NATO_ZH_HINT_RE: Final = re.compile(
    r"(?i:nato|phonetic alphabet)|北约|北約|航空字母|无线电字母|首字母"
)
_NATO_ZH_WORD: Final = "|".join(sorted(map(re.escape, NATO_ZH), key=lambda w: (-len(w), w)))
_NATO_ZH_SEP: Final = r"[ \t、，,·/\-]{0,3}"
_NATO_ZH_RUN_RE: Final = re.compile(
    rf"(?:{_NATO_ZH_WORD})"
    rf"(?:{_NATO_ZH_SEP}(?:{_NATO_ZH_WORD}|[0-9](?![0-9])|_(?=[ \t]?[^ \t]))){{2,64}}"
)
_NATO_ZH_GAP_RE: Final = re.compile(r"[ \t]{1,2}(?=\.[A-Za-z])")


def _nato_zh(text: str) -> list[Group]:
    """A run of three or more NATO words in Chinese (``奥斯卡、祖鲁、狐步、印迪亚、诺文伯 .ru``),
    when the message says so (``北约字母取首字母``, ``NATO alphabet``): their first letters, with
    the digits and underscores among them as written (``基洛 艾可 _ 印迪亚 1 0 0 7``)."""
    if _NATO_ZH_HINT_RE.search(text) is None:
        return []
    groups: list[Group] = []
    for m in _NATO_ZH_RUN_RE.finditer(text):
        pieces = re.findall(rf"{_NATO_ZH_WORD}|[0-9_]", m[0])
        if sum(p in NATO_ZH for p in pieces) < 3:
            continue
        start, end = m.span()
        letters = "".join(NATO_ZH.get(p, p) for p in pieces)
        gap = _NATO_ZH_GAP_RE.match(text, end)
        if gap:
            end = gap.end()  # ``诺文伯 .ru``: the spelled name and its TLD are one host
        groups.append((CIPHER, start, end, [(start, end, letters)]))
    return groups


_SHIFTED: Final = dict(zip("!@#$%^&*()", "1234567890", strict=True))
_SHIFT_TOKEN_RE: Final = re.compile(
    r"[A-Za-z0-9!@#$%^&*()\-]*[!@#$%^&*()][A-Za-z0-9!@#$%^&*()\-.]*"
)


def _shift(text: str) -> list[Group]:
    """``gay$porn.com`` beside ``digits typed with shift held``: each shifted symbol glued in a
    name is its digit."""
    hints = _hints(SHIFT_HINT, text)
    if not hints:
        return []
    groups: list[Group] = []
    for m in _SHIFT_TOKEN_RE.finditer(text):
        token, (start, end) = m[0], m.span()
        lead = len(token) - len(token.lstrip("()"))
        if lead and (start == 0 or not text[start - 1].isalnum() or not text[start - 1].isascii()):
            token, start = token[lead:], start + lead  # an opening bracket, not a 9
        token = token.rstrip(")") if not any(c.isalnum() for c in token[-1:]) else token
        end = start + len(token)
        if not any(ch.isalnum() for ch in token) or not any(ch in _SHIFTED for ch in token):
            continue
        if not _outside(hints, start, end):
            continue
        edits = [
            (start + i, start + i + 1, _SHIFTED[ch]) for i, ch in enumerate(token) if ch in _SHIFTED
        ]
        groups.append((CIPHER, start, end, edits))
    return groups


def _legend(text: str) -> list[Group]:
    """``v★g★tiffin.com (★=e)``: the symbol read as the letter the legend gives it."""
    groups: list[Group] = []
    for legend in _LEGEND_RE.finditer(text):
        sym, val = legend["sym"], legend["val"]
        if unicodedata.category(sym)[0] not in "SP" or sym in "-_/\\@#&%+*<>":
            continue
        for run in re.finditer(f"{re.escape(sym)}+", text):
            start, end = run.span()
            if legend.start() <= start < legend.end() or not _glued_to_name(text, start, end):
                continue
            groups.append((CIPHER, start, end, [(start, end, val * (end - start))]))
    return groups


_MASK_RUN_RE: Final = re.compile(
    r"(?<=[A-Za-z0-9])(?:[\u2600-\u2793\U0001f300-\U0001faff][\ufe0f]?){1,6}"
    r"(?P<next>\.|[A-Za-z0-9]+)"
)
_MASK_BEFORE_DOT_RE: Final = re.compile(r"[\u2600-\u2793\U0001f300-\U0001faff]\ufe0f?\.")
"""A pictograph right before a name's dot (``ti🌸an🙈🙈.com``): a mask even in a decorated name."""
_NOT_MASKS: Final = frozenset("🐧✈➕✚🛩🛫🛬")
"""Cues and spelled joins (``🐧 563500``, ``v➕ bet_66``): never a masked character."""


def _masked(text: str) -> list[Group]:
    """Pictographs glued inside a name (``k🙈live🙈🙈.com``, ``jili❓❓❓.com``, ``v★g★tiffin``
    with no legend): masked or coded characters no reader can fill; the name is withheld. Not
    a pictograph between a name and its TLD (``bet🔴com``: a dot, ``normalize.rules``)."""
    groups: list[Group] = []
    covered = 0
    for m in _MASK_RUN_RE.finditer(text):
        if m.start() < covered:
            continue  # inside a name already withheld: one group a name keeps this linear
        run = m[0][: len(m[0]) - len(m["next"])]
        if any(ch in _NOT_MASKS or unicodedata.category(ch) not in ("So", "Mn") for ch in run):
            continue
        if all(ch in PICTURED or ch == "\ufe0f" for ch in run):
            continue  # pictured digits (``Ӿhvłd⚂.₵Ø₥``): the digit pass reads them
        after = m.end()
        if text[m.start() - 1].isdigit() and m["next"][0].isdigit():
            continue  # a pictograph between numbers is a dot (``103⚫218⚫231⚫25``)
        if m["next"] == "." and after < len(text) and unicodedata.category(text[after]) == "So":
            continue  # emoji around a real dot (``188bet❤.💋com``): decoration, not a mask
        if (
            m["next"] != "."
            and names_host("x." + m["next"])
            and (after == len(text) or not (text[after].isalnum() and text[after].isascii()))
            and text[after : after + 1] != "."
        ):
            continue
        start, end = _name_around(text, m.start(), m.start() + len(run))
        covered = end
        if (
            m["next"] != "."
            and len(run.replace("\ufe0f", "")) < 2
            and _decoration(text[start:end], run[0])
            and _MASK_BEFORE_DOT_RE.search(text, start, end) is None
        ):
            continue
        groups.append((WITHHELD, start, end, []))
    return groups


def _decoration(name: str, symbol: str) -> bool:
    """One pictograph between letters is a decoration (``ti🌸an``, ``V❤kiki``) unless it recurs
    in a host name unevenly (``v★g★tiffin.com``), not between every pair of letters
    (``m🌸y🌸a``)."""
    bare = name.replace("\ufe0f", "")
    if "." not in bare:
        return True  # an id in pieces (``fu❤li❤274960``): the pieces are joined
    places = [k for k, ch in enumerate(bare) if ch == symbol]
    if len(places) < 2:
        return True
    return all(b - a == 2 for a, b in pairwise(places))


_PINYIN: Final = {
    "líng": "0", "yāo": "1", "yī": "1", "èr": "2", "sān": "3", "sì": "4",
    "wǔ": "5", "liù": "6", "qī": "7", "bā": "8", "jiǔ": "9",
}  # fmt: skip
_PY: Final = "|".join(sorted(_PINYIN, key=lambda w: (-len(w), w)))
_PINYIN_RUN_RE: Final = re.compile(
    rf"(?<![A-Za-z\u00c0-\u024f])(?:{_PY})(?:[ ](?:{_PY})){{0,31}}(?![A-Za-z\u00c0-\u024f])",
    re.IGNORECASE,
)
PINYIN_NUMBER: Final = rf"(?i:(?:{_PY})(?: (?:{_PY})){{4}})"
"""Five tone-marked pinyin numerals in a row (``yāo sì yī wǔ èr``): a number read aloud, with no
hint needed (a pre-check clause)."""
_PINYIN_NUMBER_MIN: Final = 7
"""Seven numerals or more are a number of their own (``call yāo sì yī wǔ …``), not digits
glued to the word before (``lucky bā bā``)."""
_PINYIN_HINT_RE: Final = re.compile(r"(?i:\bpinyin\b)|拼音", re.ASCII)


def _pinyin(text: str) -> list[Group]:
    """Tone-marked pinyin numerals (``lucky bā bā.win``): beside ``numbers in pinyin``, or as a
    number of five or more, they are digits joined to the name; glued to a dot with no hint
    they are no host Bastion can read for sure (``bā.win`` is not ``xn--b-oha.win``)."""
    hinted = _PINYIN_HINT_RE.search(text) is not None
    groups: list[Group] = []
    for m in _PINYIN_RUN_RE.finditer(text):
        words = m[0].split(" ")
        start, end = m.span()
        if hinted or len(words) >= 5:
            glue = len(words) < _PINYIN_NUMBER_MIN  # a name's digits, not a phone or QQ number
            if glue and start >= 2 and text[start - 1] == " " and _name_char(text[start - 2]):
                start -= 1
            if glue and end + 1 < len(text) and text[end] == " " and _name_char(text[end + 1]):
                end += 1
            digits = "".join(_PINYIN[w.lower()] for w in words)
            groups.append((CIPHER, start, end, [(start, end, digits)]))
        elif text[end : end + 1] == "." or text[start - 1 : start] == ".":
            lo, hi = _name_around(text, start, end)
            groups.append((WITHHELD, lo, hi, []))
    return groups


def _name_char(char: str) -> bool:
    return char.isascii() and (char.isalnum() or char in "._-")


def _glued_to_name(text: str, start: int, end: int) -> bool:
    before = text[start - 1 : start]
    after = text[end : end + 1]
    return (before.isascii() and before.isalnum()) or (
        after.isascii() and (after.isalnum() or (after == "." and before != ""))
    )


_NAME_MOST: Final = 253
"""How far a name runs either way from a mask (a host is at most 253 characters)."""


def _name_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The run of name characters (and the masks in it) around ``[start, end)``."""
    lo, hi = start, end
    while (
        lo > 0
        and start - lo < _NAME_MOST
        and (
            text[lo - 1].lower() in _LABEL_CHARS
            or (not text[lo - 1].isspace() and unicodedata.category(text[lo - 1]) in ("So", "Mn"))
        )
    ):
        lo -= 1
    while (
        hi < len(text)
        and hi - end < _NAME_MOST
        and (
            text[hi].lower() in _LABEL_CHARS
            or (not text[hi].isspace() and unicodedata.category(text[hi]) in ("So", "Mn"))
        )
    ):
        hi += 1
    return lo, hi
