"""Codes and ciphers whose key the message names, read as told (red team 10; ``normalize.ciphers``
runs them after :mod:`bastion.normalize.hinted_codes`).

Each reader runs only beside its key (or on a form that is its own key, ``U+0071``,
``in-addr.arpa``), reads a run whole or withholds it (trick ``withheld``: the scanner sends the
item to review, never reports another value):

- ROT47 (``C62=bceC62=]E@A（ROT47解密）``: ``real346real.top``);
- base58 (``3CP25p4asABs5Uhqj（base58解码）``);
- Unicode code points (``U+0071 U+0071 U+006F ...``);
- a 5x5 Polybius square, row then column (``14 31 44 51 52 35 . it``: ``dltvwp.it``; 24 is read
  ``i``, the cell ``i`` shares with ``j``);
- a two-rail fence, odd places first (``wn9i7.com`` beside ``先写第1、3、5…个字符``: ``win79.com``);
- every two characters swapped (``og88.ca``: ``go88.ca``; ``@ibibococ91``: ``bibicoco19``);
- the two halves of the name swapped (``ilfshotm.dk``: ``hotmilfs.dk``); a name of odd length
  can be cut two ways and is withheld;
- Zhuyin (Bopomofo) typed on a QWERTY key map with the IME left on (``ㄘㄟㄘㄟ.com``: ``hoho``);
- Russian ЙЦУКЕН typed for QWERTY (``ййщтща.штащ``: ``qqonof.info``, ``@ишишсщсщ64``);
- alphabet positions in Chinese numerals (``二十三、一、十四，点net``), digits in ``〔7〕``;
- IPv4 octets in binary (``10110100.01110010...``, beside ``binary``/``二进制``) or in Roman
  numerals (``CXVII.LXXXIV.CXIV.CII``, beside ``Roman``/``罗马数字``; without the key the
  dotted numerals are withheld), and a reverse-DNS name (``122.220.55.77.in-addr.arpa``);
- a Vigenère (or other keyed) cipher whose key is kept back (``密钥私聊``, ``DM me for the
  key``): the names beside the kept-back key are withheld (the cipher's name alone is talk).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Final

from bastion.normalize.result import Group
from bastion.normalize.rules import names_host
from bastion.normalize.tables import DOT_CHARS

INSTRUCTION: Final = "instruction"
WITHHELD: Final = "withheld"

_ROT47_HINT: Final = re.compile(r"(?i:\brot[ \-]?47\b)", re.ASCII)
_BASE58_HINT: Final = re.compile(r"(?i:\bbase[ \-]?58\b|\bb58\b)", re.ASCII)
_POLYBIUS_HINT: Final = re.compile(
    r"(?i:polybius|checkerboard[ ]cipher|row[ ](?:then|and)[ ]column)|棋盘密码|棋盤密碼"
    r"|波利比奥斯|行和列|行列坐标",
    re.ASCII,
)
_RAIL_HINT: Final = re.compile(
    r"(?i:rail[ \-]?fence|zig[ \-]?zag[ ](?:cipher|order)|1st,[ ]3rd,[ ]5th"
    r"|odd[ ](?:places|positions|characters)[ ]first)"
    r"|栅栏密码|柵欄密碼|先写第1、3、5|第1、3、5[…]{0,2}个字|交替拼回",
    re.ASCII,
)
_PAIRS_HINT: Final = re.compile(
    r"(?i:(?:every|each)[ ](?:two|2|pair[ ]of)[ ](?:characters|chars|letters)[ ](?:are[ ])?"
    r"swapped|pairs[ ]of[ ](?:characters|letters)[ ](?:are[ ])?swapped"
    r"|swap[ ](?:every|each)[ ](?:two|pair[ ]of)[ ](?:characters|chars|letters))"
    r"|每两个(?:字符|字母|字)(?:都)?(?:调换|交换|对调|互换)|(?:字符|字母)两两(?:调换|交换|对调|互换)",
    re.ASCII,
)
_HALVES_HINT: Final = re.compile(
    r"(?i:(?:two[ ])?halves[ ](?:of[ ]the[ ]name[ ])?(?:are[ ])?swapped|swap(?:ped)?[ ]the"
    r"[ ](?:two[ ])?halves|halves[ ]switched)"
    r"|前后两半(?:对调|调换|交换|互换)|前后(?:对调|调换)|两半(?:对调|调换|交换)",
    re.ASCII,
)
_ZHUYIN_HINT: Final = re.compile(
    r"(?i:zhuyin|bopomofo)|注音|(?:大千|注音)(?:键盘|鍵盤|输入法|輸入法)", re.ASCII
)
_RUSSIAN_HINT: Final = re.compile(
    r"(?i:russian[ ](?:keyboard[ ])?layout|(?:on|with)[ ]a[ ]russian[ ]keyboard|йцукен"
    r"|русск(?:ой|ую|ая)[ ]раскладк|раскладк[аеиу][ ]не[ ]переключ|не[ ]переключил)"
    r"|俄文键盘|俄语键盘|俄文鍵盤|俄語鍵盤|俄文输入法|俄语输入法"
)
_A1Z26_ZH_HINT: Final = re.compile(
    r"字母(?:按|用)?(?:序号|序號|位置|顺序号|编号)|第几个字母|第幾個字母|字母表(?:里|中)?的?(?:位置|序号)"
    r"|一=a|(?i:a1z26)",
    re.ASCII,
)
_IP_BINARY_HINT: Final = re.compile(r"(?i:\bbinary\b)|二进制|二進制", re.ASCII)
_IP_ROMAN_HINT: Final = re.compile(r"(?i:\broman[ ]numerals?\b)|罗马数字|羅馬數字", re.ASCII)
_KEY_KEPT_HINT: Final = re.compile(
    r"(?i:(?:dm|pm|message|ask)[ ]me[ ]for[ ]the[ ](?:key|password)"
    r"|key[ ](?:in|by|via)[ ](?:dm|pm|private))|密钥私聊|密鑰私聊"
    r"|私聊(?:我)?(?:要|拿)?密钥"
    r"|(?:密钥|密鑰)(?:私聊|私信|找我)"
)

HINTS: Final = (
    r"(?i:rot[ \-]?47|base[ \-]?58|polybius|row (?:then|and) column|rail[ \-]?fence|zig[ \-]?zag"
    r"|1st, 3rd, 5th|odd (?:places|positions|characters) first"
    r"|(?:two|2|pair of) (?:characters|chars|letters) (?:are )?swapped|pairs of "
    r"(?:characters|letters) (?:are )?swapped|swap (?:every|each) (?:two|pair of)"
    r"|halves (?:of the name )?(?:are )?swapped|swap(?:ped)? the (?:two )?halves|halves switched"
    r"|zhuyin|bopomofo|russian (?:keyboard )?layout|russian keyboard|йцукен|раскладк"
    r"|korean (?:keyboard|layout|ime)|hangul (?:keyboard|ime)"
    r"|a1z26|roman numeral|in-addr\.arpa|vigen[eè]re|keyed cipher|me for the (?:key|password)"
    r"|U\+00[2-7][0-9A-F][ ,]{1,2}U\+)"
    r"|棋盘密码|棋盤密碼|行和列|栅栏|柵欄|第1、3、5|交替拼回|每两个|两两|前后两半|前后对调|两半|注音"
    r"|俄文|俄语|俄語|韩文键盘|韓文鍵盤|韩语键盘|한영|한/영|자판|영문 ?키보드"
    r"|字母(?:按|用)?序号|字母(?:按|用)?序號|字母(?:按|用)?位置|第几个字母|第幾個字母|一=a"
    r"|二进制|二進制|罗马数字|羅馬數字|维吉尼亚|維吉尼亞|密钥|密鑰|对角线|對角線|斜着读|斜著讀|(?i:diagonal)"
    r"|[01]{8}\.[01]{8}\.[01]{8}\.[01]{8}"
)
"""RE2: the keys and forms of every reader here (the cipher pass's trigger and the pre-check's
clause); each reader still looks for its own key."""

_DOT_SET: Final = "." + DOT_CHARS
_TOKEN_RE: Final = re.compile(r"@?[A-Za-z0-9_\-]{2,80}(?:\.[A-Za-z0-9_\-]{1,40}){0,4}")


def _spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)]


def _outside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return not any(start < e and s < end for s, e in spans)


def _near(spans: list[tuple[int, int]], start: int, end: int, reach: int = 200) -> bool:
    return any(s - reach < end and start < e + reach for s, e in spans)


# --- ROT47 --------------------------------------------------------------------------------------

_ROT47_RUN_RE: Final = re.compile(r"[\x21-\x7e]{4,200}")


def _rot47(s: str) -> str:
    return "".join(chr(33 + (ord(c) - 33 + 47) % 94) if "!" <= c <= "~" else c for c in s)


_HOSTNAME_RE: Final = re.compile(r"[A-Za-z0-9][A-Za-z0-9\-.]{0,250}\.[A-Za-z]{2,24}")


def _rot47_cuts(text: str, start: int, run: str) -> list[tuple[int, int]]:
    """Where the ciphertext may begin and end inside ``run``: a bracket the text closes (or
    opened) after (before) it is punctuation, not a rotated ``W`` or ``X``; then the run whole,
    then the run cut short of a tail (``5:4<6@>2D]4@>_vip``)."""
    lo, hi = 0, len(run)
    if run[:1] == "(" and re.search(r"[)）]", text[start + len(run) :]):
        lo = 1
    if run[-1:] == ")" and re.search(r"[(（]", text[:start]):
        hi -= 1
    cuts = [(lo, hi), (0, len(run))]
    cuts += [(lo, k) for k in range(hi - 1, max(lo + 3, hi - 12), -1)]
    return cuts


def rot47(text: str) -> list[Group]:
    """Runs of printable ASCII beside ``ROT47``: a run whose rotation names a host is read; one
    holding ``]`` (a rotated dot) that names none is withheld."""
    hints = _spans(_ROT47_HINT, text)
    if not hints:
        return []
    groups: list[Group] = []
    for m in _ROT47_RUN_RE.finditer(text):
        start, end = m.span()
        if not _outside(hints, start, end):
            continue
        for k, (a, b) in enumerate(_rot47_cuts(text, start, m[0])):
            read = _rot47(m[0][a:b])
            whole = _HOSTNAME_RE.fullmatch(read) is not None
            if names_host(read) and (k < 2 or whole):
                lo, hi = start + a, start + b
                groups.append((INSTRUCTION, lo, hi, [(lo, hi, f" {read} ")]))
                break
        else:
            if "]" in m[0] and _near(hints, start, end):
                groups.append((WITHHELD, start, end, []))
    return groups


# --- base58 -------------------------------------------------------------------------------------

_B58: Final = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
_B58_INDEX: Final = {c: i for i, c in enumerate(_B58)}
_B58_RUN_RE: Final = re.compile(r"(?<![A-Za-z0-9])[1-9A-HJ-NP-Za-km-z]{6,120}(?![A-Za-z0-9])")
_PRINTABLE_RE: Final = re.compile(r"[\x21-\x7e]+")


def _b58decode(blob: str) -> str | None:
    n = 0
    for ch in blob:
        n = n * 58 + _B58_INDEX[ch]
    raw = n.to_bytes((n.bit_length() + 7) // 8, "big")
    raw = b"\0" * (len(blob) - len(blob.lstrip("1"))) + raw
    try:
        return raw.decode("ascii")
    except UnicodeDecodeError:
        return None


def base58(text: str) -> list[Group]:
    """A base58 blob beside ``base58``: decoded when it decodes to printable ASCII; a blob that
    mixes cases and digits and decodes to nothing printable is withheld."""
    hints = _spans(_BASE58_HINT, text)
    if not hints:
        return []
    groups: list[Group] = []
    for m in _B58_RUN_RE.finditer(text):
        start, end = m.span()
        if not _outside(hints, start, end):
            continue
        word = _b58decode(m[0])
        if word and _PRINTABLE_RE.fullmatch(word) and len(word) >= 4:
            groups.append((INSTRUCTION, start, end, [(start, end, f" {word} ")]))
        elif (
            any(c.isdigit() for c in m[0])
            and any(c.isupper() for c in m[0])
            and any(c.islower() for c in m[0])
        ):
            groups.append((WITHHELD, start, end, []))
    return groups


# --- Unicode code points ------------------------------------------------------------------------

_CODEPOINT_RUN_RE: Final = re.compile(
    r"(?<![A-Za-z0-9])[Uu]\+[0-9A-Fa-f]{4,5}(?:[ ,]{1,2}[Uu]\+[0-9A-Fa-f]{4,5}){2,200}"
    r"(?![0-9A-Fa-f])"
)


def codepoints(text: str) -> list[Group]:
    """``U+0071 U+0071 U+006F ...``: the characters, when all are printable ASCII; a run
    of others is withheld (it may hold a look-alike)."""
    groups: list[Group] = []
    for m in _CODEPOINT_RUN_RE.finditer(text):
        start, end = m.span()
        numbers = [int(h, 16) for h in re.findall(r"[Uu]\+([0-9A-Fa-f]{4,5})", m[0])]
        if all(0x21 <= n <= 0x7E for n in numbers):
            word = "".join(map(chr, numbers))
            groups.append((INSTRUCTION, start, end, [(start, end, f" {word} ")]))
        else:
            groups.append((WITHHELD, start, end, []))
    return groups


# --- Polybius square ----------------------------------------------------------------------------

_POLYBIUS_ROWS: Final = ("abcde", "fghik", "lmnop", "qrstu", "vwxyz")
_POLYBIUS_RUN_RE: Final = re.compile(
    r"(?<![0-9])[1-5][1-5](?:[ ,]{1,2}[1-5][1-5]){2,120}(?![0-9])"
    r"(?P<tld>[ ]{0,2}[.．。][ ]{0,2}[A-Za-z]{2,12}\b)?"
)


def polybius(text: str) -> list[Group]:
    """Two-digit cells beside ``Polybius``/``棋盘密码``: row then column of the 5x5 square."""
    hints = _spans(_POLYBIUS_HINT, text)
    if not hints:
        return []
    groups: list[Group] = []
    for m in _POLYBIUS_RUN_RE.finditer(text):
        start, end = m.span()
        if not _outside(hints, start, end):
            continue
        cells = re.findall(r"[1-5][1-5]", m[0][: m.start("tld") - start if m["tld"] else None])
        word = "".join(_POLYBIUS_ROWS[int(c[0]) - 1][int(c[1]) - 1] for c in cells)
        if m["tld"]:
            word += "." + m["tld"].strip(" .．。").lower()
        groups.append((INSTRUCTION, start, end, [(start, end, f" {word} ")]))
    return groups


# --- transpositions: rail fence, swapped pairs, swapped halves ----------------------------------


def _rail(s: str) -> str | None:
    k = (len(s) + 1) // 2
    odd, even = s[:k], s[k:]
    return "".join(a + b for a, b in zip(odd, even, strict=False)) + (
        odd[-1] if k > len(even) else ""
    )


def _pairs(s: str) -> str | None:
    return "".join(s[i : i + 2][::-1] for i in range(0, len(s), 2))


def _halves(s: str) -> str | None:
    if len(s) % 2:
        return None  # cut two ways: withheld
    k = len(s) // 2
    return s[k:] + s[:k]


def _transposed(text: str, hint: re.Pattern[str], undo: Callable[[str], str | None]) -> list[Group]:
    """The name nearest each hint undone (a plain link elsewhere in the message is no
    ciphertext: read as written, it is withheld by ``extract.unsure`` when near the hint)."""
    hints = _spans(hint, text)
    if not hints:
        return []
    found: list[tuple[int, int, str, str]] = []
    for m in _TOKEN_RE.finditer(text):
        start, end = m.span()
        token = m[0]
        if not _outside(hints, start, end) or not _near(hints, start, end):
            continue
        if token.startswith("@"):
            found.append((start + 1, end, token[1:], ""))
        elif "." in token and names_host(token):
            name, _, tld = token.rpartition(".")
            found.append((start, end, name, "." + tld))
    chosen: set[int] = set()
    for lo, hi in hints:
        near = [
            (max(lo - e, s - hi, 0), k) for k, (s, e, name, _) in enumerate(found) if len(name) >= 3
        ]
        if near:
            chosen.add(min(near)[1])
    groups: list[Group] = []
    for k in sorted(chosen):
        start, end, name, tail = found[k]
        read = undo(name)
        if read is None:
            groups.append((WITHHELD, start, end, []))
        else:
            groups.append((INSTRUCTION, start, end, [(start, end, read + tail)]))
    return groups


def rail_fence(text: str) -> list[Group]:
    """Beside ``1st, 3rd, 5th ... first``/``先写第1、3、5…个``: the name's two rails interleaved."""
    return _transposed(text, _RAIL_HINT, _rail)


def pairs_swapped(text: str) -> list[Group]:
    """Beside ``every two characters are swapped``/``每两个字符调换``: each pair swapped back."""
    return _transposed(text, _PAIRS_HINT, _pairs)


def halves_swapped(text: str) -> list[Group]:
    """Beside ``the two halves are swapped``/``前后两半对调``: the halves swapped back."""
    return _transposed(text, _HALVES_HINT, _halves)


# --- keyboard layouts ---------------------------------------------------------------------------

_ZHUYIN_KEYS: Final = dict(
    zip(
        "ㄅㄆㄇㄈㄉㄊㄋㄌˇㄍㄎㄏㄐˋㄑㄒㄓㄔㄕㄖˊㄗㄘㄙ˙ㄧㄨㄩㄚㄛㄜㄝㄞㄟㄠㄡㄢㄣㄤㄥㄦ",
        "1qaz2wsx3edcr4fv5tgb6yhn7ujm8ik,9ol.0p;/-",
        strict=True,
    )
)
"""The Daqian (大千) Zhuyin keyboard: the key each symbol is typed with."""
_ZHUYIN_RUN_RE: Final = re.compile(
    "(?P<at>@)?(?P<body>[\u3105-\u3129\u02c7\u02cb\u02ca\u02d9A-Za-z0-9]{0,40}"
    "[\u3105-\u3129][\u3105-\u3129\u02c7\u02cb\u02ca\u02d9A-Za-z0-9]{1,80}"
    "(?:[.][A-Za-z]{2,12}(?![A-Za-z]))?)"
)
_RU_KEYS: Final = dict(
    zip(
        "йцукенгшщзхъфывапролджэячсмитьбюёіїєґў",
        "qwertyuiop[]asdfghjkl;'zxcvbnm,.`s]'`o",
        strict=True,
    )
)
"""Russian ЙЦУКЕН: the QWERTY key each letter is typed with."""
_RU_TOKEN_RE: Final = re.compile(
    "(?P<at>@)?(?P<body>[\u0400-\u045f0-9_\\-]{2,60}(?:[.][\u0400-\u045f0-9_\\-]{1,30}){0,3})"
)


_KO_KEYS: Final = {
    **dict(zip("ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ", "rRseEfaqQtTdwWczxvg", strict=True)),
    **dict(
        zip(
            "ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ",
            (
                "k",
                "o",
                "i",
                "O",
                "j",
                "p",
                "u",
                "P",
                "h",
                "hk",
                "ho",
                "hl",
                "y",
                "n",
                "nj",
                "np",
                "nl",
                "b",
                "m",
                "ml",
                "l",
            ),
            strict=True,
        )
    ),
    **dict(
        zip(
            "ㄳㄵㄶㄺㄻㄼㄽㄾㄿㅀㅄ",
            ("rt", "sw", "sg", "fr", "fa", "fq", "ft", "fx", "fv", "fg", "qt"),
            strict=True,
        )
    ),
}
"""Korean two-set (두벌식): the keys each compatibility jamo is typed with."""
_KO_INITIALS: Final = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
_KO_MEDIALS: Final = "ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ"
_KO_FINALS: Final = " ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ"
_KO_HINT: Final = re.compile(
    r"한영(?:키|[ ]?전환)?|한/영|영문[ ]?(?:자판|키보드)|한글[ ]?자판"
    r"|(?:자판|키보드)[^\n]{0,12}영문"
    r"|韩文键盘|韓文鍵盤|韩语键盘"
    r"|(?i:korean[ ](?:keyboard|layout|ime)|hangul[ ](?:keyboard|ime))"
)
_KO_RUN_RE: Final = re.compile(
    "(?P<at>@)?(?P<body>[\uac00-\ud7a3\u3131-\u3163A-Za-z0-9]{0,40}"
    "[\uac00-\ud7a3\u3131-\u3163][\uac00-\ud7a3\u3131-\u3163A-Za-z0-9]{0,80}"
    "(?:[.][A-Za-z\uac00-\ud7a3\u3131-\u3163]{2,12})?)"
)


def _ko_keys(ch: str) -> str:
    code = ord(ch) - 0xAC00
    if 0 <= code < 11172:
        initial, rest = divmod(code, 588)
        medial, final = divmod(rest, 28)
        jamo = _KO_INITIALS[initial] + _KO_MEDIALS[medial] + _KO_FINALS[final].strip()
        return "".join(_KO_KEYS[j] for j in jamo)
    return _KO_KEYS.get(ch, ch)


def korean_keys(text: str) -> list[Group]:
    """Hangul beside ``한영키``/``Korean keyboard``: the QWERTY keys of the two-set layout."""
    hints = _spans(_KO_HINT, text)
    if not hints:
        return []
    groups: list[Group] = []
    for m in _KO_RUN_RE.finditer(text):
        start, end = m.span("body")
        if not _outside(hints, start, end) or not _near(hints, start, end):
            continue
        read = "".join(_ko_keys(ch) for ch in m["body"]).lower()
        if m["at"] or names_host(read):
            groups.append((INSTRUCTION, start, end, [(start, end, read)]))
        elif "." in m["body"]:
            groups.append((WITHHELD, start, end, []))
    return groups


def _layout_groups(
    text: str, hints: list[tuple[int, int]], run: re.Pattern[str], keys: dict[str, str]
) -> list[Group]:
    groups: list[Group] = []
    for m in run.finditer(text):
        start, end = m.span("body")
        body = m["body"]
        if not _outside(hints, start, end):
            continue
        read = "".join(keys.get(ch.lower(), ch) for ch in body)
        numbered = any(ch.isdigit() for ch in read) and read.isascii()
        if m["at"] or names_host(read) or (numbered and _near(hints, start, end)):
            groups.append((INSTRUCTION, start, end, [(start, end, read)]))
        elif "." in body and _near(hints, start, end, 120):
            groups.append((WITHHELD, start, end, []))
    return groups


def zhuyin_keys(text: str) -> list[Group]:
    """Zhuyin symbols beside ``注音``/``Zhuyin``: the QWERTY keys they are typed with."""
    hints = _spans(_ZHUYIN_HINT, text)
    if not hints:
        return []
    return _layout_groups(text, hints, _ZHUYIN_RUN_RE, _ZHUYIN_KEYS)


def russian_keys(text: str) -> list[Group]:
    """Cyrillic names beside ``набрано в русской раскладке``/``俄文键盘``: the QWERTY keys."""
    hints = _spans(_RUSSIAN_HINT, text)
    if not hints:
        return []
    return _layout_groups(text, hints, _RU_TOKEN_RE, _RU_KEYS)


# --- A1Z26 in Chinese numerals ------------------------------------------------------------------

_ZH_DIGIT: Final = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_ZH_NUM: Final = "(?:[二]?十[一二三四五六七八九]?|[一二三四五六七八九])"
_ZH_ITEM: Final = f"(?:{_ZH_NUM}|〔[0-9]〕)"
_A1Z26_ZH_RUN_RE: Final = re.compile(
    f"{_ZH_ITEM}(?:[、，, ]{{1,2}}{_ZH_ITEM}){{2,80}}"
    r"(?P<tld>[、，, ]{0,2}(?:[点點.．。])[ ]?[A-Za-z]{2,12})?"
)


def _zh_value(item: str) -> str | None:
    if item.startswith("〔"):
        return item[1]
    if "十" in item:
        tens, _, ones = item.partition("十")
        n = 10 * (_ZH_DIGIT[tens] if tens else 1) + (_ZH_DIGIT[ones] if ones else 0)
    else:
        n = _ZH_DIGIT[item]
    return chr(96 + n) if 1 <= n <= 26 else None


def a1z26_chinese(text: str) -> list[Group]:
    """Alphabet positions in Chinese numerals beside ``字母按序号``: the letters (``〔7〕`` a
    digit), and a ``点com`` after them as ``.com``."""
    hints = _spans(_A1Z26_ZH_HINT, text)
    if not hints:
        return []
    groups: list[Group] = []
    for m in _A1Z26_ZH_RUN_RE.finditer(text):
        start, end = m.span()
        if not _outside(hints, start, end):
            continue
        body = m[0][: m.start("tld") - start] if m["tld"] else m[0]
        items = re.findall(_ZH_ITEM, body)
        letters = [_zh_value(i) for i in items]
        if not all(letters):
            groups.append((WITHHELD, start, end, []))
            continue
        word = "".join(letter or "" for letter in letters)
        if m["tld"]:
            word += "." + re.sub(r"[^A-Za-z]", "", m["tld"]).lower()
        groups.append((INSTRUCTION, start, end, [(start, end, f" {word} ")]))
    return groups


# --- IPv4 in binary, in Roman numerals, reversed ------------------------------------------------

_IP_BINARY_RE: Final = re.compile(r"(?<![0-9.])[01]{8}(?:\.[01]{8}){3}(?![0-9])")
_ROMAN_OCTET: Final = r"(?:C{0,2}(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3}))"
_IP_ROMAN_RE: Final = re.compile(
    rf"(?i:(?<![A-Za-z0-9.])(?:{_ROMAN_OCTET}\.){{3}}{_ROMAN_OCTET}(?![A-Za-z0-9]|\.[A-Za-z0-9]))"
)
_ROMAN_VALUES: Final = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}
_ARPA_RE: Final = re.compile(
    r"(?<![0-9.])(?P<ip>[0-9]{1,3}(?:\.[0-9]{1,3}){3})\.(?i:in-addr\.arpa)\b"
)


def _roman_value(s: str) -> int:
    total = 0
    values = [_ROMAN_VALUES[c] for c in s.lower()]
    for k, v in enumerate(values):
        total += -v if k + 1 < len(values) and values[k + 1] > v else v
    return total


def ip_forms(text: str) -> list[Group]:
    """An IPv4 address written another way: binary octets (``10110100.01110010...``), Roman
    octets (read beside ``Roman numerals``/``罗马数字``, withheld without), or a reverse-DNS
    name (``122.220.55.77.in-addr.arpa`` is ``77.55.220.122``)."""
    groups: list[Group] = []
    for m in _IP_BINARY_RE.finditer(text):
        ip = ".".join(str(int(part, 2)) for part in m[0].split("."))
        groups.append((INSTRUCTION, m.start(), m.end(), [(m.start(), m.end(), ip)]))
    roman_hinted = _IP_ROMAN_HINT.search(text) is not None
    for m in _IP_ROMAN_RE.finditer(text):
        parts = m[0].split(".")
        if not all(parts) or max(len(p) for p in parts) < 2:
            continue
        values = [_roman_value(p) for p in parts]
        if not roman_hinted or max(values) > 255:
            groups.append((WITHHELD, m.start(), m.end(), []))
            continue
        ip = ".".join(map(str, values))
        groups.append((INSTRUCTION, m.start(), m.end(), [(m.start(), m.end(), ip)]))
    for m in _ARPA_RE.finditer(text):
        octets = m["ip"].split(".")
        if all(int(o) <= 255 for o in octets):
            ip = ".".join(reversed(octets))
            groups.append((INSTRUCTION, m.start(), m.end(), [(m.start(), m.end(), ip)]))
    return groups


# --- a diagonal read out of a letter grid -------------------------------------------------------

_DIAGONAL_HINT: Final = re.compile(
    r"(?i:\bdiagonal(?:ly)?\b)|对角线|對角線|斜着读|斜著讀", re.ASCII
)
_ANTI_DIAGONAL: Final = re.compile(
    r"(?i:top[ \-]right[ ]to[ ]bottom[ \-]left)|从右上|從右上", re.ASCII
)
_GRID_ROW_RE: Final = re.compile(r"(?m)^[ \t]{0,4}[A-Za-z0-9](?:[ ][A-Za-z0-9]){3,30}[ \t]{0,4}$")
_ADD_TLD_RE: Final = re.compile(
    r"(?i:(?:then[ ])?add|append|plus)[ ]{0,2}[.．]([A-Za-z]{2,12})\b"
    r"|(?:后面|後面|最后|再)?加上?[ ]?[.．]([A-Za-z]{2,12})"
)


def grid_diagonal(text: str) -> list[Group]:
    """Beside ``read the diagonal``/``沿对角线读``: a square of spaced letters read along its
    diagonal (top-left to bottom-right unless told otherwise), the TLD the hint adds after it;
    a grid beside the hint that is not square is withheld."""
    hints = _spans(_DIAGONAL_HINT, text)
    if not hints:
        return []
    rows = list(_GRID_ROW_RE.finditer(text))
    groups: list[Group] = []
    k = 0
    while k < len(rows):
        block = [rows[k]]
        while k + len(block) < len(rows) and rows[k + len(block)].start() == block[-1].end() + 1:
            block.append(rows[k + len(block)])
        k += len(block)
        if len(block) < 4:
            continue
        start, end = block[0].start(), block[-1].end()
        cells = [row[0].split() for row in block]
        n = len(cells)
        if any(len(c) != n for c in cells):
            groups.append((WITHHELD, start, end, []))
            continue
        anti = _ANTI_DIAGONAL.search(text) is not None
        word = "".join(cells[i][n - 1 - i if anti else i] for i in range(n)).lower()
        tld = _ADD_TLD_RE.search(text)
        if tld is not None:
            word += "." + (tld[1] or tld[2]).lower()
        groups.append((INSTRUCTION, start, end, [(start, end, f" {word} ")]))
    return groups


# --- a keyed cipher whose key is kept back ------------------------------------------------------


def key_kept(text: str) -> list[Group]:
    """Beside a kept-back key (``密钥私聊``, ``DM me for the key``): the names and ids nearby
    are ciphertext, withheld."""
    hints = _spans(_KEY_KEPT_HINT, text)
    if not hints:
        return []
    groups: list[Group] = []
    for m in _TOKEN_RE.finditer(text):
        start, end = m.span()
        token = m[0]
        if not _outside(hints, start, end) or not _near(hints, start, end, 120):
            continue
        if token.startswith("@") or names_host(token):
            groups.append((WITHHELD, start, end, []))
    return groups


READERS: Final = (
    codepoints,
    ip_forms,
    rot47,
    base58,
    polybius,
    a1z26_chinese,
    zhuyin_keys,
    russian_keys,
    korean_keys,
    rail_fence,
    pairs_swapped,
    halves_swapped,
    grid_diagonal,
    key_kept,
)
"""In order, after :data:`bastion.normalize.hinted_codes.READERS` (a span taken by one reader is
not read by a later one)."""
