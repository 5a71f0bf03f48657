"""Digits in disguise: pictured (dice, clock faces, mahjong tiles, Suzhou numerals) or said as
Mandarin sound-alikes, read as digits where the text makes the reading safe.

``we⚀win⚃.com``, ``rush🀍🀍🀍.com``, ``ku〦〡〇〦.net``, ``⚀8⚁.7⚂.7⚄.⚁⚀8``, ``QQ：〡〧〡〦〇〇``,
``dp伞依伞.com``, ``依漆巴点溜尔点尔尔伞点伞伞（数字谐音）``, ``电话：依伞舞酒巴舞巴巴依灵溜``.
A picture of a digit is a digit wherever it sits in a name, an address or a number; a spammer
draws every digit the style has a picture for, so an ASCII digit left among the pictures is
one the style cannot draw (``kimsa⚅8``: dice stop at six) or a letter in leet (``b3🕗``: 3
has a clock face; is it ``e``?). The second, and a name with ASCII-art strokes, is withheld.
Sound-alike characters are ordinary Chinese words (``巴`` ``酒`` ``舞``): they are read only
inside a run that is a host (a dot and a TLD after it), an address or a number after a cue,
and where no letter is glued to them, only when the message says they are digits.
Called by :func:`bastion.normalize.edit_hints.edit_hints_pass` (trick ``instruction`` or
``withheld``); the tables are here, one place.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Final

from bastion.normalize.cues import CUES
from bastion.normalize.result import Group, Work
from bastion.normalize.tables import DOT_CHARS
from bastion.suffixes import is_tld

INSTRUCTION: Final = "instruction"
WITHHELD: Final = "withheld"

DICE: Final = {chr(0x2680 + k): str(k + 1) for k in range(6)}
CLOCKS: Final = {chr(0x1F550 + k): str(k + 1) for k in range(9)}
MAHJONG: Final = {
    chr(base + k): str(k + 1) for base in (0x1F007, 0x1F010, 0x1F019) for k in range(9)
}
"""The three numbered suits (characters 🀇, bamboos 🀐, circles 🀙), one to nine."""
SUZHOU: Final = {"〇": "0", **{chr(0x3021 + k): str(k + 1) for k in range(9)}}
"""Hangzhou (Suzhou) numerals 〡-〩 and their zero 〇."""
_STYLES: Final = {"dice": DICE, "clock": CLOCKS, "mahjong": MAHJONG, "suzhou": SUZHOU}
PICTURED: Final = {glyph: digit for table in _STYLES.values() for glyph, digit in table.items()}
_STYLE_OF: Final = {glyph: style for style, t in _STYLES.items() for glyph in t}
_DRAWN: Final = {style: frozenset(t.values()) for style, t in _STYLES.items()}
"""The ASCII digits each style has a picture for: one of them left as a digit may be a letter."""
UNSURE: Final = "".join(chr(cp) for cp in range(0x1F559, 0x1F568)) + "〸〹〺"
"""Ten to twelve o'clock, the half hours, Suzhou ten, twenty and thirty: one digit or two?"""
_GLYPHS: Final = "".join(PICTURED) + UNSURE

SOUNDS: Final = {
    **dict.fromkeys("依衣伊医", "1"),
    **dict.fromkeys("尔儿耳饵", "2"),
    **dict.fromkeys("伞散叁山", "3"),
    **dict.fromkeys("寺死思丝司斯", "4"),
    **dict.fromkeys("无吾舞呜午武", "5"),
    **dict.fromkeys("溜留刘流柳", "6"),
    **dict.fromkeys("妻期漆栖戚", "7"),
    **dict.fromkeys("巴吧扒疤爸", "8"),
    **dict.fromkeys("酒久玖韭", "9"),
    **dict.fromkeys("灵铃玲凌令", "0"),
}
"""Characters read like a digit in Mandarin but not the numeral itself: ``依酒尔寺溜`` is 19246."""
EN_SOUNDS: Final = {"won": "1", "too": "2", "to": "2", "for": "4", "fore": "4", "ate": "8"}
"""English words said like a digit (``plus six oh won``); ``oh`` is zero already."""
NUMERALS: Final = dict(zip("一二三四五六七八九零〇", "12345678900", strict=True))
_SAID: Final = {**NUMERALS, **SOUNDS}
_S: Final = "".join(SOUNDS)
_SN: Final = "".join(_SAID)

_HINT_RE: Final = re.compile(
    r"(?i:dice|clock|tiles?\b|mahjong|suzhou|hangzhou|numerals|sound-?alike|digits)"
    r"|骰子|钟|表盘|麻将|牌|苏州|蘇州|码子|碼子|谐音|諧音|数字|數字"
)
"""The message says its pictures or characters are digits (``（麻将牌是数字）``)."""
NUMBER_CUE: Final = (
    f"(?:{'|'.join(CUES)}|电话|電話|手机号?|手機號?|联系电话|号码|號碼"
    r"|(?i:(?<![a-z])(?:tel|phone|call|text me on|mobile)(?![a-z])))"
)
_CUE_BEFORE_RE: Final = re.compile(
    f"{NUMBER_CUE}[ \t:：]{{0,3}}(?:me:?[ ]|加|add )?[ \t:：]{{0,2}}$"
)
_CUE_NEAR_RE: Final = re.compile(NUMBER_CUE)

_ART: Final = frozenset("|/\\()<>{}[]")
"""Strokes of letters drawn in ASCII art (``|3``, ``/\\/\\``): leet may be about."""
_RUN_RE: Final = re.compile(
    rf"(?:[A-Za-z0-9\-]{{0,63}}[{_GLYPHS}]\ufe0f?){{1,63}}[A-Za-z0-9\-]{{0,63}}"
)
_LABEL_END_RE: Final = re.compile(r"[(\[{（【]?[ ]?[.。]")
_DOTS: Final = f"[.{DOT_CHARS}]"
_QUAD_DOTS: Final = f"[.{DOT_CHARS}奌㸃;:!|'`።᠃᙮៕⵰꘎꓿]"
"""Between the numbers of an address in disguised digits any dot form is a dot."""
_QUAD_RE: Final = re.compile(
    rf"(?<![A-Za-z0-9{_GLYPHS}{_SN}.])[0-9{_GLYPHS}{_SN}]{{1,3}}"
    rf"(?:[ \t]{{0,2}}{_QUAD_DOTS}[ \t]{{0,2}}[0-9{_GLYPHS}{_SN}]{{1,3}}){{3}}"
    rf"(?![A-Za-z0-9{_GLYPHS}{_SN}])"
    rf"(?![ \t]{{0,2}}{_QUAD_DOTS}[ \t]{{0,2}}[0-9{_GLYPHS}{_SN}])"
)
"""An IPv4 address written with pictured or sound-alike digits (``⚀8⚁.7⚂.7⚄.⚁⚀8``); a fifth
number after it makes a list (``𝟐·𝟛·〇·⑧·四·壹``, a QQ number), not an address."""
_LIST_BEFORE_RE: Final = re.compile(rf"[0-9{_GLYPHS}{_SN}][ \t]{{0,2}}{_QUAD_DOTS}[ \t]{{0,2}}\Z")
_QUAD_DOT_RE: Final = re.compile(rf"[ \t]{{0,2}}{_QUAD_DOTS}[ \t]{{0,2}}")
_CJK: Final = "\u3400-\u9fff\uf900-\ufaff"
_SOUND_HOST_RE: Final = re.compile(
    rf"(?<![A-Za-z0-9\-{_SN}])(?:(?<![{_CJK}])[{_SN}]{{1,8}})?[A-Za-z0-9][A-Za-z0-9\-{_SN}]{{0,62}}"
    rf"(?=[ \t]{{0,2}}{_DOTS}[ \t]{{0,2}}(?P<tld>[A-Za-z]{{2,24}})(?![A-Za-z0-9\-]))"
)
"""A name of ASCII letters and digits with sound-alike digits in it, then a dot and a TLD."""
_COLUMN_RE: Final = re.compile(rf"(?m)^[ \t]*([{_S}])[ \t]*$")
"""A sound-alike alone on its line (a host down a column, :func:`_in_column`)."""
_SOUND_GLUED_RE: Final = re.compile(rf"(?<=[A-Za-z0-9_\-])[{_SN}]{{3,16}}")
_SOUND_NUMBER_RE: Final = re.compile(
    rf"(?<![{_CJK}A-Za-z0-9])\+?[0-9{_SN}]{{5,16}}(?![{_CJK}A-Za-z0-9])"
)

_DRAWN_CLASS: Final = _GLYPHS.replace("〇", "")
_GLYPH_SEARCH: Final = re.compile(f"[{_GLYPHS}]").search
_SOUND_SEARCH: Final = re.compile(f"[{_S}]").search
_ONE_DOT: Final = "[ \t]{0,2}[.点點奌㸃][ \t]{0,2}"
_ANY_DOT: Final = (
    f"[ \t]{{0,2}}(?:[.:;!|'`{DOT_CHARS}奌㸃\u1360-\u1368\u1800-\u180a\u166e\u17d4\u2d70]"
    "|[^\x00-\u9fff\uff00-\uffef])"
)
"""A dot in any form a host may be written with (pictures and rare full stops too)."""
TRIGGER: Final = (
    f"[{_GLYPHS}]|[A-Za-z0-9_\\-][{_SN}]{{0,7}}[{_S}]"
    f"|[{_S}][{_SN}]{{2}}|[{_SN}][{_S}][{_SN}]|[{_SN}]{{2}}[{_S}]"
    f"|[{_S}]{_ONE_DOT}[{_SN}]|[{_SN}]{_ONE_DOT}[{_S}]|\n[ \t]*[{_S}][ \t]*\n"
)
"""A superset of every reading here (``re`` and RE2)."""
PRECHECK: Final = (
    f"[{_DRAWN_CLASS}]\ufe0f?[A-Za-z0-9{_DRAWN_CLASS}〇.+\\-]|[A-Za-z0-9][{_DRAWN_CLASS}]"
    f"|[A-Za-z0-9\\-][{_SN}]{{1,16}}[A-Za-z0-9\\-{_SN}]{{0,62}}{_ANY_DOT}"
    f"|[{_S}][{_SN}]{{4}}|[{_SN}][{_S}][{_SN}]{{3}}|[{_SN}]{{2}}[{_S}][{_SN}]{{2}}"
    f"|[{_SN}]{{3}}[{_S}][{_SN}]|[{_SN}]{{4}}[{_S}]"
    f"|[{_SN}]{{1,3}}{_ONE_DOT}[{_SN}]{{1,3}}{_ONE_DOT}[{_SN}]"
    f"|\n[ \t]*[{_DRAWN_CLASS}{_S}][ \t]*\n"
)
"""For ``extract.precheck``: a pictured digit beside another or a letter, digit or dot; a
sound-alike glued to an ASCII name that goes on to a dot; five digits said, one a sound-alike;
an address of sound-alikes; a pictured digit or a sound-alike alone on its line."""


def late_pass(work: Work) -> None:
    """Again after the character passes: a name that was glued to letters of another script
    may be plain now (``ƀɇŧ⚂⚂``, ``k巴łɨvɇ``); if it still is not, it is read and withheld."""
    for reader in (pictured, sounds):
        groups = reader(work.text, late=True)
        if groups:
            work.apply(groups)


def pictured(text: str, late: bool = False) -> list[Group]:
    """Pictured digits -> digits, in addresses first, then in names and numbers."""
    if _GLYPH_SEARCH(text) is None:
        return []  # every group holds a glyph; the hint and cue searches cost far more
    groups = [g for g in _quads(text) if any(ch in _DRAWN_CLASS for ch in text[g[1] : g[2]])]
    taken = [(g[1], g[2]) for g in groups]
    hinted: bool | None = None
    for m in _RUN_RE.finditer(text):
        start, end = m.span()
        if any(lo < end and start < hi for lo, hi in taken):
            continue
        if hinted is None:  # asked once, and only for a run (the cue search is slow)
            hinted = _HINT_RE.search(text) is not None or _CUE_NEAR_RE.search(text) is not None
        group = _run(text, m[0], start, end, hinted, late)
        if group is not None:
            groups.append(group)
    return sorted(groups, key=lambda g: g[1])


def _run(text: str, run: str, start: int, end: int, hinted: bool, late: bool) -> Group | None:
    lettered = any("a" <= ch.lower() <= "z" for ch in run)
    glyphs = [ch for ch in run if ch in _GLYPHS]
    if set(glyphs) <= {"〇"}:
        return None  # the ideographic zero: the numeral pass's
    if not hinted and not lettered and len(run) < 3 and not _in_column(text, start, end):
        return None
    if glyphs == ["⚀"] and not hinted and _dot_die(text, run, end):
        return None  # ``bet⚀com``: a die with one pip is a dot (``normalize.defang``)
    label = _LABEL_END_RE.match(text, end) is not None
    edits = [
        (start + k, start + k + 1, PICTURED.get(ch, ""))
        for k, ch in enumerate(run)
        if ch in PICTURED or ch == "\ufe0f"
    ]
    unsure = any(ch in UNSURE for ch in glyphs)
    glued = _foreign(text[start - 1 : start]) or _foreign(text[end : end + 1])
    if glued and not late:
        return None  # the character passes may fold those letters: :func:`late_pass`
    if not late and (text[start - 1 : start] in _ART or text[end : end + 1] in _ART):
        return None  # ``|<🕓do``: the art pass may read those strokes first (:func:`late_pass`)
    if unsure or glued or ((lettered or label) and _leet(text, run, start, end)):
        # read, so the finders see the value, and withheld: never reported, sent to review
        return (WITHHELD, start, end, edits) if hinted or lettered or label else None
    return (INSTRUCTION, start, end, edits)


def _in_column(text: str, start: int, end: int) -> bool:
    """``k⏎⚁⏎l⏎i``: alone on its line between lines of one character each (a host written
    down a column or a staircase, which ``normalize.layout`` reads once its cells are plain)."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    if text[line_start:line_end].strip(" \t") != text[start:end] or line_start == 0:
        return False
    before = text[text.rfind("\n", 0, line_start - 1) + 1 : line_start - 1].strip(" \t")
    after_end = text.find("\n", line_end + 1)
    after = text[line_end + 1 : len(text) if after_end < 0 else after_end].strip(" \t")
    return len(before) == 1 and len(after) == 1 and not before.isspace()


def _foreign(char: str) -> bool:
    """A letter of a script written with spaces (or a syllabics sign, a rare currency sign)
    glued to the run: the name goes on in characters this reader does not read."""
    if not char or char.isascii() or char.isspace():
        return False
    cp = ord(char)
    if 0x2E80 <= cp <= 0x9FFF or 0xF900 <= cp <= 0xFAFF or 0xFF00 <= cp <= 0xFFEF:
        return False  # CJK writing and punctuation: no space between words
    category = unicodedata.category(char)
    if category[0] == "P":
        return False  # a full stop of another script (``〨᙮com``): a dot, not a letter
    return category[0] == "L" or category == "Sc" or 0x1400 <= cp <= 0x167F


def _dot_die(text: str, run: str, end: int) -> bool:
    """``bet⚀com``: one pip between a name and a TLD, no dot after it."""
    tld = run[run.index("⚀") + 1 :]
    return tld.isalpha() and is_tld(tld.lower()) and _LABEL_END_RE.match(text, end) is None


def _leet(text: str, run: str, start: int, end: int) -> bool:
    """An ASCII digit the run's styles could have drawn, or ASCII-art strokes at the name."""
    drawn = frozenset().union(*(_DRAWN[_STYLE_OF[ch]] for ch in run if ch in _STYLE_OF))
    if any(ch in drawn for ch in run if ch.isascii()):
        return True
    if text[end : end + 1] == "|" and (tld := _BAR_TLD_RE.match(text, end)) and is_tld(tld[1]):
        return text[start - 1 : start] in _ART  # ``sv〣〨〨|com``: a bar for the dot of a host
    return text[start - 1 : start] in _ART or text[end : end + 1] in _ART


_BAR_TLD_RE: Final = re.compile(r"\|([a-z]{2,24})(?![A-Za-z0-9])")


def _quads(text: str) -> list[Group]:
    groups: list[Group] = []
    hinted: bool | None = None
    for m in _QUAD_RE.finditer(text):
        quad = m[0]
        if _LIST_BEFORE_RE.search(text, max(0, m.start() - 6), m.start()):
            continue  # a number and a dot before the four: a list
        if any(ch in SOUNDS for ch in quad):
            if hinted is None:
                hinted = _HINT_RE.search(text) is not None
            if not hinted:
                continue  # ``依依点...``: sound-alikes are words unless the text says otherwise
        start = m.start()
        edits = [
            (start + k, start + k + 1, PICTURED.get(ch) or _SAID[ch])
            for k, ch in enumerate(quad)
            if ch in PICTURED or ch in _SAID
        ]
        if not edits:
            continue
        dots = [(start + d.start(), start + d.end(), ".") for d in _QUAD_DOT_RE.finditer(quad)]
        edits = sorted(edits + [d for d in dots if quad[d[0] - start : d[1] - start] != "."])
        groups.append((INSTRUCTION, start, m.end(), edits))
    return groups


def sounds(text: str, late: bool = False) -> list[Group]:
    """Sound-alike digits -> digits: glued to an id (``haoyun-依酒尔寺溜``), in a host's name
    (``dp伞依伞.com``), in an address or a number after a cue, as the message says."""
    if _SOUND_SEARCH(text) is None:
        return []  # every group holds a sound-alike
    asked: list[bool] = []

    def hinted() -> bool:
        """Whether the message says so, asked once and only where it decides."""
        if not asked:
            asked.append(_HINT_RE.search(text) is not None)
        return asked[0]

    groups = [g for g in _quads(text) if any(ch in SOUNDS for ch in text[g[1] : g[2]])]
    spans = [(g[1], g[2]) for g in groups]

    def free(start: int, end: int) -> bool:
        return not any(lo < end and start < hi for lo, hi in spans)

    for m in _SOUND_HOST_RE.finditer(text):
        name, start = m[0], m.start()
        said = [k for k, ch in enumerate(name) if ch in _SAID]
        if not any(name[k] in SOUNDS for k in said) or not is_tld(m["tld"].lower()):
            continue
        inside = any(0 < k < len(name) - 1 for k in said)
        if not (inside or len(said) >= 2 or hinted()) or not free(start, m.end()):
            continue
        edits = [(start + k, start + k + 1, _SAID[name[k]]) for k in said]
        # ``pørngałs寺``: the name goes on in letters before it, read and withheld
        trick = WITHHELD if _foreign(text[start - 1 : start]) else INSTRUCTION
        if trick == WITHHELD and not late:
            continue  # the character passes may fold those letters: :func:`late_pass`
        groups.append((trick, start, m.end(), edits))
        spans.append((start, m.end()))
    for m in _COLUMN_RE.finditer(text) if _COLUMN_RE.search(text) and hinted() else ():
        start, end = m.span(1)
        if _in_column(text, start, end) and free(start, end):
            groups.append((INSTRUCTION, start, end, [(start, end, _SAID[m[1]])]))
            spans.append((start, end))
    for m in _SOUND_GLUED_RE.finditer(text):
        start, end = m.span()
        if any(ch in SOUNDS for ch in m[0]) and free(start, end):
            groups.append((INSTRUCTION, start, end, [(start, end, _digits(m[0]))]))
            spans.append((start, end))
    for m in _SOUND_NUMBER_RE.finditer(text):
        start, end = m.span()
        run = m[0].lstrip("+")
        if not any(ch in SOUNDS for ch in run) or not free(start, end):
            continue
        cued = _CUE_BEFORE_RE.search(text, max(0, start - 24), start) is not None
        if cued or (len(run) >= 7 and hinted()):
            at = end - len(run)
            groups.append((INSTRUCTION, at, end, [(at, end, _digits(run))]))
            spans.append((at, end))
    return sorted(groups, key=lambda g: g[1])


def _digits(run: str) -> str:
    return "".join(_SAID.get(ch, ch) for ch in run)
