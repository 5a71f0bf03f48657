"""Digits and letters said in words of another language, inside hosts and ids.

A spammer writes a host's digits and letters as they are said, in the script of the message:
Korean (Sino-Korean ``팔`` 8, ``공``/``영`` 0; letter names ``에이 비 씨``), Japanese katakana
(``ハチ`` 8, ``ゼロ``/``レイ`` 0; ``エー ビー シー``), Thai (``แปด`` 8; ``เอ บี ซี``), German,
French, Russian, Italian and Portuguese digit words (``acht``, ``huit``, ``восемь``, ``otto``,
``oito``), with the dot said too (``쩜``, ``ドット``, ``ดอท``, ``точка``) and the TLD as it sounds
(``컴``, ``コム``, ``คอม``, ``ком``). ``tf팔팔칠구이.com`` is ``tf88792.com``; read as written it
is an IDN no one registered, or a wrong host (``k huit life.com`` is ``k8life.com``, not
``life.com``).

:func:`said_words` reads a run of such words and ASCII pieces that ends in a dot and a TLD into
one host (trick ``instruction``, as :mod:`bastion.normalize.hinted_codes` reads Vietnamese digit
words), and a run of seven or more digit words into a number (a phone). A run is read only where
no sentence puts it: glued to ASCII letters or digits, or spelled out word by word beside a key
(``숫자는 한글로 읽은 것``, ``英字はカタカナ読み``, ``Zahlen auf Deutsch``, ``цифры словами``).
Where the reading is unsure it is withheld (the scanner sends the item to review, never reports
another host): a spelled run with no key, a Korean ``이``/``오`` that may be a letter or a digit
in a run that has both, European digit words spaced before a host with no key (``k huit
life.com`` must not report ``life.com``).
"""

from __future__ import annotations

import re
from typing import Final

from bastion.normalize.result import Group, Work
from bastion.suffixes import is_tld

INSTRUCTION: Final = "instruction"
WITHHELD: Final = "withheld"

# --- the words ----------------------------------------------------------------------------------

KO_DIGITS: Final = {
    "영": "0", "공": "0", "일": "1", "이": "2", "삼": "3", "사": "4", "오": "5", "육": "6",
    "륙": "6", "칠": "7", "팔": "8", "구": "9",
    "하나": "1", "다섯": "5", "여섯": "6", "일곱": "7", "여덟": "8", "아홉": "9",
}  # fmt: skip
"""Sino-Korean digits, and the native words that are no other word here (``넷`` is ``.net``)."""
JA_DIGITS: Final = {
    "ゼロ": "0", "レイ": "0", "マル": "0", "イチ": "1", "ニ": "2", "サン": "3", "ヨン": "4",
    "シ": "4", "ゴ": "5", "ロク": "6", "ナナ": "7", "シチ": "7", "ハチ": "8", "キュウ": "9",
    "キュー": "9", "ク": "9",
}  # fmt: skip
TH_DIGITS: Final = {
    "ศูนย์": "0", "หนึ่ง": "1", "เอ็ด": "1", "สอง": "2", "สาม": "3", "สี่": "4", "ห้า": "5",
    "หก": "6", "เจ็ด": "7", "แปด": "8", "เก้า": "9",
}  # fmt: skip
EURO_DIGITS: Final = {
    # German
    "null": "0", "eins": "1", "zwei": "2", "zwo": "2", "drei": "3", "vier": "4", "fünf": "5",
    "fuenf": "5", "sechs": "6", "sieben": "7", "acht": "8", "neun": "9",
    # French
    "zéro": "0", "zero": "0", "un": "1", "une": "1", "deux": "2", "trois": "3", "quatre": "4",
    "cinq": "5", "six": "6", "sept": "7", "huit": "8", "neuf": "9",
    # Italian
    "uno": "1", "due": "2", "tre": "3", "quattro": "4", "cinque": "5", "sei": "6",
    "sette": "7", "otto": "8", "nove": "9",
    # Portuguese
    "um": "1", "dois": "2", "duas": "2", "três": "3", "tres": "3", "cinco": "5", "seis": "6",
    "sete": "7", "oito": "8",
    # Russian
    "ноль": "0", "нуль": "0", "один": "1", "одна": "1", "два": "2", "две": "2", "три": "3",
    "четыре": "4", "пять": "5", "шесть": "6", "семь": "7", "восемь": "8", "девять": "9",
}  # fmt: skip
_PROSE_EURO: Final = frozenset(
    [
        "null",
        "zero",
        "un",
        "une",
        "six",
        "sept",
        "neuf",
        "uno",
        "due",
        "tre",
        "sei",
        "otto",
        "um",
        "tres",
        "seis",
        "cinco",
    ]
)
"""European digit words that are also words of prose (articles, ``due``, ``sei``, ``neuf``):
never withheld on their own before a host with no key."""

KATAKANA_LETTERS: Final = {
    "エー": "a", "エイ": "a", "ビー": "b", "ビ": "b", "シー": "c", "ディー": "d", "デー": "d",
    "イー": "e", "エフ": "f", "ジー": "g", "エイチ": "h", "エッチ": "h", "アイ": "i",
    "ジェー": "j", "ジェイ": "j", "ケー": "k", "ケイ": "k", "エル": "l", "エム": "m",
    "エヌ": "n", "オー": "o", "ピー": "p", "アール": "r", "エス": "s",
    "ティー": "t", "テー": "t", "ユー": "u", "ブイ": "v", "ヴィー": "v", "ダブリュー": "w",
    "ダブリュ": "w", "エックス": "x", "ワイ": "y", "ゼット": "z", "ゼッド": "z", "ズィー": "z",
}  # fmt: skip
"""Katakana letter names. ``キュー`` is both Q and a long 9 (``キュウ``): a digit here unless
the run has letters (:data:`_AMBIGUOUS`)."""
HANGUL_LETTERS: Final = {
    "에이": "a", "비": "b", "씨": "c", "디": "d", "에프": "f", "쥐": "g",
    "에이치": "h", "에치": "h", "아이": "i", "제이": "j", "케이": "k", "엘": "l", "엠": "m",
    "엔": "n", "피": "p", "큐": "q", "알": "r", "아르": "r", "에스": "s", "티": "t", "유": "u",
    "브이": "v", "더블유": "w", "더블류": "w", "엑스": "x", "와이": "y", "제트": "z", "지": "g",
}  # fmt: skip
"""Hangul letter names (``이`` E and ``오`` O are also digits 2 and 5: :data:`_AMBIGUOUS`)."""
THAI_LETTERS: Final = {
    "เอ": "a", "บี": "b", "ซี": "c", "ดี": "d", "อี": "e", "เอฟ": "f", "จี": "g", "เอช": "h",
    "เอ็ช": "h", "ไอ": "i", "เจ": "j", "เค": "k", "แอล": "l", "เอล": "l", "เอ็ม": "m",
    "เอ็น": "n", "โอ": "o", "พี": "p", "คิว": "q", "อาร์": "r", "เอส": "s", "ที": "t",
    "ยู": "u", "วี": "v", "ดับเบิลยู": "w", "ดับบลิว": "w", "ดับเบิ้ลยู": "w", "เอ็กซ์": "x",
    "เอ็กซ": "x", "วาย": "y", "แซด": "z", "ซีด": "z",
}  # fmt: skip
_AMBIGUOUS: Final = {"이": ("e", "2"), "오": ("o", "5"), "キュー": ("q", "9")}
"""Words that are a letter name and a digit: a letter in a run of letters with its digits in
figures, a digit in a run of digits, unsure (withheld) in a run that says both."""

ID_DOT_WORDS: Final = ("จุด", "ดอท", "쩜", "닷", "ドット", "точка", "نقطة", "دوت")
"""Dot words read between two ASCII words that hold a letter (``nana จุด bibi7742``): an id
with a dot, never cut at the word (``3 จุด 5`` is a number, left alone)."""
_ID_DOT_RE: Final = re.compile(
    rf"(?<![A-Za-z0-9_.\-])([A-Za-z0-9_\-]*[A-Za-z][A-Za-z0-9_\-]*)[ ]?(?:{'|'.join(ID_DOT_WORDS)})"
    rf"[ ]?([A-Za-z0-9_\-]*[A-Za-z][A-Za-z0-9_\-]*)(?![A-Za-z0-9_\-])"
)
DOT_WORDS: Final = (
    "쩜", "점", "닷", "ドット", "どっと", "てん", "テン", "ポイント", "จุด", "ดอท", "ด็อท",
    "точка", "тчк", "дот", "نقطة", "نقطه", "دوت", "دات", "dot", "punkt", "point", "punto",
    "ponto", "tochka",
)  # fmt: skip
TLD_SOUNDS: Final = {
    "컴": "com", "콤": "com", "넷": "net", "넽": "net", "오알지": "org", "오그": "org",
    "코엠": "com", "넷트": "net",
    "コム": "com", "こむ": "com", "ネット": "net", "ねっと": "net", "オルグ": "org",
    "オーグ": "org", "オーアールジー": "org", "トップ": "top", "インフォ": "info",
    "คอม": "com", "ค็อม": "com", "เน็ต": "net", "เน็ท": "net", "ออร์ก": "org", "โออาร์จี": "org",
    "ком": "com", "нет": "net", "орг": "org", "инфо": "info", "ру": "ru",
    "كوم": "com", "كom": "com", "نت": "net",
}  # fmt: skip
"""TLDs as they are said (only after a dot or its word: ``컴`` alone is no ``.com``)."""
FUSED_TLDS: Final = {
    "닷컴": "com", "닷넷": "net", "닷오알지": "org", "ドットコム": "com", "ドットネット": "net",
    "ดอทคอม": "com", "ดอทเน็ต": "net", "дотком": "com", "دوت كوم": "com", "دوتكوم": "com",
}  # fmt: skip

_DIGIT_OF: Final = {**KO_DIGITS, **JA_DIGITS, **TH_DIGITS}
_WORDS: Final = {
    **{w: ("d", v) for w, v in KO_DIGITS.items()},
    **{w: ("d", v) for w, v in JA_DIGITS.items()},
    **{w: ("d", v) for w, v in TH_DIGITS.items()},
    **{w: ("l", v) for w, v in KATAKANA_LETTERS.items()},
    **{w: ("l", v) for w, v in HANGUL_LETTERS.items()},
    **{w: ("l", v) for w, v in THAI_LETTERS.items()},
    **{w: ("a", "") for w in _AMBIGUOUS},
}
"""Every said word -> (kind, value): ``d`` digit, ``l`` letter, ``a`` either."""


def _alt(words: object) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))  # type: ignore[call-overload]


_SCRIPT: Final = "\u0e00-\u0e7f\u30a0-\u30ff\u3040-\u309f\uac00-\ud7a3\u0400-\u04ff"
"""Thai, katakana, hiragana, Hangul, Cyrillic: a said word glued to one of them is part of a
longer word of prose."""
_GLUED_SOUND: Final = "\u0e00-\u0e7f\u30a0-\u30ff\uac00-\ud7a3\u0400-\u04ff"
"""A TLD sound glued to a letter of its script is part of a longer word (``컴퓨터``); a Japanese
particle in hiragana may follow (``コムから``)."""
_EURO_WORD: Final = _alt(EURO_DIGITS)
_UNIT: Final = re.compile(
    rf"(?P<said>{_alt(_WORDS)})|(?P<euro>(?i:{_EURO_WORD}))(?![A-Za-z{_SCRIPT}])"
    r"|(?P<ascii>[A-Za-z0-9][A-Za-z0-9_\-]{0,62})"
)
_SEP: Final = re.compile("[ ・･·\u00b7\u30fb]")
_DOT_RE: Final = re.compile(
    rf"[ ・･·\u30fb]{{0,2}}(?:(?P<fused>{_alt(FUSED_TLDS)})|(?:[.。．｡]|(?i:{_alt(DOT_WORDS)}))"
    rf"[ ・･·\u30fb]{{0,2}}(?:(?P<sound>{_alt(TLD_SOUNDS)})(?![{_GLUED_SOUND}])"
    r"|(?P<tld>[A-Za-z]{2,24})(?![A-Za-z0-9])))"
)
_EURO_HINT: Final = (
    r"(?i:zahlen|ziffern|chiffres|en lettres|cifre|numeri|in lettere|números|numeros|extenso)"
    r"|цифр|словами"
)
"""RE2: a key for European digit words (the only way a run of them with words of prose, such
as ``un`` or ``sei``, is read)."""
_HINT: Final = re.compile(
    r"숫자|알파벳|영어|한글로|붙여|数字|英字|英語|カタカナ|アルファベット|つなげ|続けて"
    r"|ตัวเลข|ตัวอักษร|อังกฤษ|ติดกัน|(?i:zahlen|ziffern|zusammen|chiffres?\b|en lettres|attach"
    r"|cifre|numeri|in lettere|números|numeros|por extenso|junto)|цифр|слитно|буквы|словами"
)
"""The key: a word that says digits or letters are written in words, or to write them joined."""
MIN_NUMBER: Final = 7

TRIGGER: Final = (
    rf"[A-Za-z0-9](?:{_alt(_WORDS)})|(?:{_alt(_WORDS)})[A-Za-z0-9.。．]"
    rf"|(?:{_alt(_WORDS)})[ ・･·]{{0,2}}(?:{_alt(DOT_WORDS)}|[.。．]|{_alt(FUSED_TLDS)})"
    rf"|(?:{_alt(_WORDS)})[ ・･·][A-Za-z0-9 ・･·]{{1,63}}(?:[.。．]|{_alt(DOT_WORDS)})"
    rf"|[A-Za-z0-9][ ]?(?:{_alt(ID_DOT_WORDS)})[ ]?[A-Za-z0-9]"
    rf"|(?:{_alt(_DIGIT_OF)})[ ・･·]?(?:{_alt(_DIGIT_OF)})[ ・･·]?"
    rf"(?:{_alt(_DIGIT_OF)})"
    rf"|(?i:(?:{_alt(set(EURO_DIGITS) - _PROSE_EURO)})(?:[.]|[ ][A-Za-z0-9\\-]{{1,63}}[.][A-Za-z]))"
    rf"|{_EURO_HINT}"
)
"""RE2, a superset of every run :func:`said_words` reads: a said word glued to ASCII or a dot,
before a dot word, three digit words in a row, a European digit word that is no word of prose
before a host, or the key for European digit words."""
_TWO: Final = _alt(_AMBIGUOUS)
FILL_TRIGGER: Final = rf"(?:{_TWO})[ ・･·](?:{_alt(_WORDS)})|(?:{_alt(_WORDS)})[ ・･·](?:{_TWO})"
"""RE2: a word of two readings beside another said word (where :func:`fillings` may find some)."""


# --- reading ------------------------------------------------------------------------------------


def _units(text: str, start: int) -> tuple[list[Unit], int]:
    """The run of units from ``start``: (kind, text, start, end) each, where kind is ``said``,
    ``euro`` or ``ascii``; units are glued or one separator apart. Returns the units and where
    the run ends."""
    units: list[Unit] = []
    pos = start
    while len(units) < 80:
        m = _UNIT.match(text, pos)
        if m is None or m.lastgroup is None:
            break
        units.append((m.lastgroup, m[0], m.start(), m.end()))
        pos = m.end()
        if pos < len(text) and _SEP.match(text, pos) and _UNIT.match(text, pos + 1):
            if _DOT_RE.match(text, pos):
                break
            pos += 1
    return units, pos


def _value(kind: str, word: str, letters: bool, digits: bool) -> str | None:
    """The character a unit stands for; None when unsure."""
    if kind == "ascii":
        return word
    if kind == "euro":
        return EURO_DIGITS[word.lower()]
    what, value = _WORDS[word]
    if what != "a":
        return value
    letter, digit = _AMBIGUOUS[word]
    if letters and digits:
        return None
    return digit if digits or not letters else letter


_STOP_WORDS: Final = frozenset(
    [
        "at",
        "on",
        "to",
        "in",
        "the",
        "a",
        "an",
        "visit",
        "go",
        "join",
        "see",
        "open",
        "via",
        "is",
        "here",
        "auf",
        "zu",
        "bei",
        "unter",
        "sur",
        "chez",
        "au",
        "à",
        "en",
        "su",
        "da",
        "di",
        "em",
        "no",
        "na",
        "per",
        "para",
        "por",
    ]
)
"""Words of a sentence before a name (``Claim it at lucky acht acht.top``): never its start."""

Unit = tuple[str, str, int, int]


def said_words(text: str) -> list[Group]:
    """Runs of said digits and letters read as the host or number they spell (see the module
    docstring); unsure runs withheld."""
    hinted = _HINT.search(text) is not None
    groups: list[Group] = []
    pos = 0
    n = len(text)
    while pos < n:
        m = _UNIT.search(text, pos)
        if m is None:
            break
        start = m.start()
        before = text[start - 1] if start else " "
        if before.isascii() and before.isalnum():
            pos = m.end()
            continue
        units, end = _units(text, start)
        group = _read(text, units, end, hinted)
        if group is None:
            pos = m.end()
            continue
        if m.lastgroup == "said" and _same_script(before, m[0]):
            # glued to a word of prose (``カジノエル イー . com``): where the name begins is
            # unsure, and so is the reading
            group = (WITHHELD, group[1], group[2], group[3])
        groups.append(group)
        pos = max(group[2], m.end())
    return groups


def _same_script(before: str, word: str) -> bool:
    """``before`` is a letter of ``word``'s script (then ``word`` may end a longer word)."""
    for lo, hi in _SCRIPTS:
        if lo <= word[0] <= hi:
            return lo <= before <= hi or (lo == "\u30a0" and before == "ー")
    return False


_SCRIPTS: Final = (("\u0e00", "\u0e7f"), ("\u30a0", "\u30ff"), ("\uac00", "\ud7a3"))


def _name_start(units: list[Unit]) -> tuple[list[Unit], bool]:
    """The units of the name: of the ASCII words before the first said word, the one glued to
    it or the last that is no word of the sentence; and whether that start is sure (no other
    word of the sentence that may belong to the name stands before it)."""
    first = next(k for k, u in enumerate(units) if u[0] != "ascii")
    if first == 0:
        return units, True
    if units[first - 1][3] == units[first][2]:
        keep = first - 1
        while keep > 0 and units[keep - 1][3] == units[keep][2]:
            keep -= 1
        return units[keep:], True
    lead = [k for k in range(first) if units[k][1].lower() not in _STOP_WORDS]
    if not lead or lead[-1] != first - 1:
        return units[first:], True
    sure = first - 1 == 0 or units[first - 2][1].lower() in _STOP_WORDS
    return units[first - 1 :], sure


def _read(text: str, units: list[Unit], end: int, hinted: bool) -> Group | None:
    if not any(u[0] != "ascii" for u in units):
        return None
    dot = _DOT_RE.match(text, end)
    if dot is None:
        return _number(text, units)
    if dot["fused"]:
        tld = FUSED_TLDS[dot["fused"]]
    elif dot["sound"]:
        tld = TLD_SOUNDS[dot["sound"]]
    else:
        tld = dot["tld"].lower()
    if not is_tld(tld):
        return None
    units, sure = _name_start(units)
    start, last = units[0][2], dot.end()
    kinds = {_WORDS[u[1]][0] for u in units if u[0] == "said"}
    euro = any(u[0] == "euro" for u in units)
    glued = all(units[k][3] == units[k + 1][2] for k in range(len(units) - 1))
    said_euro = [u[1].lower() for u in units if u[0] == "euro"]
    if euro and not kinds and len(said_euro) == 1 and said_euro[0] in _PROSE_EURO:
        return None  # ``visitez un.org``: one word of prose, no digit
    if euro and not kinds and not hinted:
        return _euro_unkeyed(units, last)
    letters = "l" in kinds
    digits = "d" in kinds or euro
    values = [_value(u[0], u[1], letters, digits) for u in units]
    # a word of two readings stands as ``-`` in the withheld reading: no filling of it, so the
    # second reading's fillings are no piece of a withheld host
    name = "".join(v or "-" for v in values).lower()
    edits = [(start, last, f"{name}.{tld}")]
    if (
        sure
        and hinted
        and any(v is None for v in values)
        and sum(v is None for v in values) <= _MOST_AMBIGUOUS
    ):
        _FILLINGS.append((start, last, _fill(units, values, tld)))
    if (
        not sure
        or any(v is None for v in values)
        or (not hinted and (not glued or all(u[0] != "ascii" for u in units)))
    ):
        # unsure: the reading is made (so the item goes to review) but never reported
        return (WITHHELD, start, last, edits)
    return (INSTRUCTION, start, last, edits)


_MOST_AMBIGUOUS: Final = 5
"""Words of two readings a run may hold and still be listed with every filling (32 hosts)."""
_FILLINGS: list[tuple[int, int, list[str]]] = []
"""Where :func:`fillings` collects the runs :func:`_read` found unsure (reset each call)."""


def _fill(units: list[Unit], values: list[str | None], tld: str) -> list[str]:
    """Every host the run may spell, each ambiguous word as its letter or its digit."""
    names = [""]
    for unit, value in zip(units, values, strict=True):
        choices = (value,) if value is not None else _AMBIGUOUS[unit[1]]
        names = [name + choice for name in names for choice in choices]
    return [f"{name.lower()}.{tld}" for name in names]


def fillings(text: str) -> list[tuple[int, int, list[str]]]:
    """Beside a key, the runs whose words of two readings leave the host unsure (a Korean
    ``이``/``오`` in a run that also says digits): each with every host it may spell, for a
    second reading that keeps only a host the intel lists (``normalize.readings``)."""
    _FILLINGS.clear()
    said_words(text)
    found = list(_FILLINGS)
    _FILLINGS.clear()
    return found


def _euro_unkeyed(units: list[Unit], last: int) -> Group | None:
    """European digit words with no key: a host right after an unmistakable one (``k huit
    life.com``) is withheld, as the name may run on before it; otherwise prose."""
    if units[-1][0] == "euro" and units[-1][1].lower() not in _PROSE_EURO:
        return (WITHHELD, units[-1][2], last, [])  # ``acht.top``: the name is a digit
    if len(units) >= 2 and units[-1][0] == "ascii" and units[-2][0] == "euro":
        word = units[-2][1].lower()
        if word not in _PROSE_EURO and units[-2][3] != units[-1][2]:
            return (WITHHELD, units[-2][2], last, [])
    return None


_PLUS_BEFORE: Final = re.compile(r"[+＋][ ]?$")


def _number(text: str, units: list[Unit]) -> Group | None:
    """Seven or more digit words in a row: the number (``+`` before it kept)."""
    run: list[Unit] = []
    for u in [*units, ("end", "", -1, -1)]:
        if u[0] == "said" and _WORDS[u[1]][0] in ("d", "a"):
            run.append(u)
            continue
        if len(run) >= MIN_NUMBER:
            start, end = run[0][2], run[-1][3]
            digits = "".join(_DIGIT_OF.get(w, "?") for _, w, _, _ in run)
            if "?" in digits:
                return None
            plus = _PLUS_BEFORE.search(text, max(0, start - 2), start)
            if plus is not None:
                start, digits = plus.start(), "+" + digits
            return (INSTRUCTION, start, end, [(start, end, digits)])
        run = []
    return None


def dotted_ids(text: str, taken: list[Group]) -> list[Group]:
    """``nana จุด bibi7742``: two ASCII words joined by a dot word, one id (``nana.bibi7742``);
    a TLD after the dot word is the spelled-dot passes' (a host, not an id)."""
    groups: list[Group] = []
    for m in _ID_DOT_RE.finditer(text):
        start, end = m.span()
        if any(start < g[2] and g[1] < end for g in taken) or is_tld(m[2].lower()):
            continue
        groups.append((INSTRUCTION, start, end, [(start, end, f"{m[1]}.{m[2]}")]))
    return groups


def said_words_pass(work: Work) -> None:
    """Read said digits and letters into the hosts and numbers they spell."""
    groups = said_words(work.text)
    groups = sorted(groups + dotted_ids(work.text, groups), key=lambda g: g[1])
    if groups:
        work.apply(groups)
