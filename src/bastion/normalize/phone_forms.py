"""Phone numbers spelled so that a digit filter misses them, folded back to digits.

* a mobile in its 3-4-4 groups joined by an emoji, a star or an arrow, digits and numerals
  mixed: ``158💋8871💋二9一4``, ``186*2814*8559``, ``151~01三9~一527`` (keycaps and
  full-width digits are folded earlier by the character tables);
* letters for digits in a mobile after a phone cue: ``微信同号：l39-3Bl6-94Bl``,
  ``tel：15o9674lIZ1`` (l and I for 1, O for 0, S for 5, B for 8, Z for 2);
* a number read aloud in English: ``call me one three double six seven five eight five oh two
  two``, ``plus six zero one seven ...``.

Each shape is one no prose holds: eleven numerals in mobile groups behind one repeated symbol;
a cue word right before a mobile-shaped run of letters and digits; and eleven or more spoken
digits in a row making a mainland mobile, or ``plus`` and a number (the phone finder then asks
``phonenumbers`` whether it is valid). ``I have three kids`` or ``one or two`` never fold.
"""

from __future__ import annotations

import re
from typing import Final

from bastion.normalize.cues import CUE_QQ, SYMBOLS
from bastion.normalize.digit_forms import EN_SOUNDS, WITHHELD
from bastion.normalize.result import Group, Work
from bastion.normalize.tables import CJK_NUMERALS, DIGIT_WORDS

_NUM: Final = "".join(CJK_NUMERALS) + "两兩"
_TO_DIGITS: Final = str.maketrans({**CJK_NUMERALS, "两": "2", "兩": "2"})
_DIGIT: Final = f"[0-9{_NUM}]"
_JOIN: Final = f"[*~～_/|→➖＊⁃‐‑‒–—―丶ー•‧∙⋅・{SYMBOLS}]"
"""What joins the groups of a mobile in place of a space: never part of a number."""
_GROUP_JOIN: Final = f"(?:[ \u3000]?{_JOIN}{{1,2}}[ \u3000]?|[ \u3000·\\-]{{1,2}})"
_GROUPED_MOBILE_RE: Final = re.compile(
    f"(?<![0-9{_NUM}])[1幺一壹]{_DIGIT}{{1,4}}(?P<join>{_GROUP_JOIN}){_DIGIT}{{2,5}}"
    f"(?:(?P=join){_DIGIT}{{2,5}}){{0,2}}(?![0-9{_NUM}])"
)
"""Eleven numerals in two to four groups (``138💋1234💋5678``, ``1381*234*5678``)."""
GROUPED_MOBILE_TRIGGER: Final = (
    f"[1幺一壹]{_DIGIT}{{1,4}}{_GROUP_JOIN}{_DIGIT}{{2,5}}(?:{_GROUP_JOIN}{_DIGIT}{{2,5}}){{0,2}}"
    "|1[3-9][0-9]一[0-9]{4}一[0-9]"
)
"""A superset of the grouped mobile (RE2 syntax: no back-reference)."""

_PHONE_CUE: Final = (
    "(?:电话|電話|手机号?|手機號?|联系方式|联系|聯繫|同号|同號|号码|號碼|热线|微信|(?i:tel|phone|call|mobile|whatsapp)"
    "|☎\ufe0f?|📞|📱)"
)
_LOOK: Final = "0-9lIOoSBZ"
_LETTER_MOBILE_RE: Final = re.compile(
    f"{_PHONE_CUE}[:： \t]{{0,3}}(?P<num>[1lI][3-9SB][{_LOOK}](?P<sep>[ \\-]?)[{_LOOK}]{{4}}"
    f"(?P=sep)[{_LOOK}]{{4}})(?![A-Za-z0-9])"
)
LETTER_MOBILE_TRIGGER: Final = f"{_PHONE_CUE}[:： \t]{{0,3}}[1lI][3-9SB][{_LOOK}]"
_LOOK_TO_DIGIT: Final = str.maketrans("lIOoSBZ", "1100582")

_WORD: Final = "(?:zero|oh|one|two|three|four|five|six|seven|eight|nine|nought|nil|o)"
_SAID: Final = f"(?:(?:double|triple)[ \\-])?(?:{_WORD}|[0-9](?![0-9]))"
_SPOKEN_RE: Final = re.compile(
    f"(?i)(?<![A-Za-z0-9])(?P<plus>plus[ ,]{{1,2}})?{_SAID}(?:[ ,\\-]{{1,2}}{_SAID}){{6,24}}"
    "(?![A-Za-z])"
)
_SOUNDED: Final = "|".join(EN_SOUNDS)
_SAID_LOOSE: Final = f"(?:(?:double|triple)[ \\-])?(?:{_WORD}|{_SOUNDED}|[0-9](?![0-9]))"
_SOUNDED_RE: Final = re.compile(
    f"(?i)(?<![A-Za-z0-9])(?P<plus>plus[ ,]{{1,2}}){_SAID_LOOSE}"
    f"(?:[ ,\\-]{{1,2}}{_SAID_LOOSE}){{6,24}}(?![A-Za-z])"
)
"""A ``plus`` number read aloud with sound-alike words (``plus six oh won ... for``): read only
right after a phone or WhatsApp cue."""
SPOKEN_TRIGGER: Final = f"(?i:(?:{_WORD}|{_SOUNDED}|double|triple|[0-9])[ ,\\-]{{1,2}}){{6}}"
"""Six digit words in a row: a superset of every number read aloud that is folded."""
_ASIDE: Final = (
    r"[ \t]{0,2}(?:[（(\[【][^()（）\[\]【】\n]{1,16}[)）\]】]"
    r"|[—\-–]{1,2}[ \t]?[^\n—\-–0-9]{0,8}[0-9]{0,3}[^\n—\-–0-9]{1,8}[ \t]?[—\-–]{1,2})[ \t]{0,2}"
)
"""An aside between the groups of a number: ``（别打错）``, ``[非诚勿扰]``, ``—24小时—``."""
_ASIDE_MOBILE_RE: Final = re.compile(
    rf"(?<![0-9])1[3-9][0-9](?:{_ASIDE}){{1,3}}[0-9]{{4}}(?:{_ASIDE}){{0,3}}[0-9]{{4}}(?![0-9])"
    rf"|(?<![0-9])1[3-9][0-9][ \t]?[0-9]{{4}}(?:{_ASIDE}){{1,3}}[0-9]{{4}}(?![0-9])"
)
"""A mainland mobile in its 3-4-4 groups with asides between them."""
_INTL_ASIDE_RE: Final = re.compile(
    r"\+[0-9]{1,3}(?:[ \t]{0,2}(?:\([0-9]{1,4}\)|[0-9]{1,4}(?![0-9])"
    r"|[（(\[【][^()（）\[\]【】\n]{1,16}[)）\]】]|[—\-–])){1,16}"
)
"""``+65 (9) [text only] 863 - (after 6pm) - 2196``: a country code, then digit groups (maybe in
brackets) and asides."""
_ASIDE_TOKEN_RE: Final = re.compile(
    r"\(([0-9]{1,4})\)|([0-9]{1,4})(?![0-9])|[（(\[【][^()（）\[\]【】\n]{1,16}[)）\]】]|[—\-–]"
)
ASIDE_TRIGGER: Final = (
    r"[0-9][ \t]{0,2}[（(\[【][^()（）\[\]【】\n0-9]{1,16}[)）\]】][ \t]{0,2}[0-9]"
    r"|[0-9][ \t]{0,2}[—\-–]{1,2}[ \t]?[^\n—\-–]{1,12}[—\-–]{1,2}[ \t]{0,2}[0-9]"
)
"""RE2: digits on both sides of an aside (a superset of what :func:`aside_phone_pass` folds)."""

TRIGGERS: Final = (GROUPED_MOBILE_TRIGGER, LETTER_MOBILE_TRIGGER, SPOKEN_TRIGGER, ASIDE_TRIGGER)
"""Supersets of what each pass folds, for the unmasker's gate and the pre-check."""
_WORD_DIGIT: Final = {name: str(i) for i, name in enumerate(DIGIT_WORDS)} | dict.fromkeys(
    ("oh", "o", "nought", "nil"), "0"
)
_LOOSE_DIGIT: Final = _WORD_DIGIT | EN_SOUNDS
_NEVER_PROSE: Final = frozenset({"won", "ate", "fore"})
"""Sound-alike words that do not go on into a sentence after a number (``for``, ``to`` do)."""
_PROSE_AFTER_RE: Final = re.compile("[ ,]{1,3}[A-Za-z]")
"""A word after a number read aloud: its last sound-alike words may be prose (``for more``)."""
_TOKEN_RE: Final = re.compile("[A-Za-z]+|[0-9]")


_ONE_JOINED_RE: Final = re.compile("(?<![0-9])1[3-9][0-9]一[0-9]{4}一[0-9]{4}(?![0-9])")
"""``180一3446一5910``: the numeral 一 written as the dash between a mobile's groups."""


def grouped_mobile_pass(work: Work) -> None:
    """``158💋8871💋二9一4`` -> ``15888712914``: a mobile whose groups a symbol joins (a dash
    look-alike, ``丶``, or 一 between digit groups: ``180一3446一5910``)."""
    groups: list[Group] = []
    for m in _ONE_JOINED_RE.finditer(work.text):
        start, end = m.span()
        groups.append(("spaced_letters", start, end, [(start, end, m[0].replace("一", ""))]))
    if groups:
        work.apply(groups)
        groups = []
    for m in _GROUPED_MOBILE_RE.finditer(work.text):
        join = m["join"].strip(" \u3000")
        written = "".join(c for c in m[0] if c.isdigit() or c in _NUM)
        digits = written.translate(_TO_DIGITS)
        if len(digits) != 11 or digits[1] not in "3456789":
            continue
        if join in ("", "-", "·") and digits == written:
            continue  # a plain spaced or hyphenated mobile: the finder reads it as it is
        start, end = m.span()
        groups.append(("spaced_letters", start, end, [(start, end, digits)]))
    work.apply(groups)


def aside_phone_pass(work: Work) -> None:
    """``178（别打错）8348（晚上打）5017`` -> ``17883485017``, ``+65 (9) [text only] 863 - (after
    6pm) - 2196`` -> ``+6598632196``: the asides between a number's groups dropped. A mainland
    mobile keeps its 3-4-4 groups; an international number takes every digit group after its
    country code, and needs eight to fifteen digits and one aside at least."""
    groups: list[Group] = []
    for m in _ASIDE_MOBILE_RE.finditer(work.text):
        digits = "".join(c for c in re.sub(_ASIDE, "", m[0]) if c.isdigit())
        if len(digits) == 11:
            start, end = m.span()
            groups.append(("spaced_letters", start, end, [(start, end, digits)]))
    for m in _INTL_ASIDE_RE.finditer(work.text):
        body = m[0].rstrip(" \t—-–")
        tokens = list(_ASIDE_TOKEN_RE.finditer(body, 1))
        digits = "".join(t[1] or t[2] or "" for t in tokens)
        asides = sum(1 for t in tokens if t[1] is None and t[2] is None and len(t[0]) > 1)
        if asides and 8 <= len(digits) <= 15:
            start = m.start()
            end = start + len(body)
            groups.append(("spaced_letters", start, end, [(start, end, "+" + digits)]))
    groups.sort(key=lambda group: group[1])
    work.apply([g for i, g in enumerate(groups) if i == 0 or g[1] >= groups[i - 1][2]])


_QQ_NUM: Final = f"0-9{''.join(CJK_NUMERALS)}两"
_GROUPED_QQ_RE: Final = re.compile(
    f"(?:{CUE_QQ})[ \t]{{0,2}}[:：][ \t]{{0,2}}"
    f"(?P<id>[{_QQ_NUM}]{{1,8}}(?:[·‧・ ][{_QQ_NUM}]{{1,8}}){{1,2}})"
    f"(?![{_QQ_NUM}A-Za-z]|[·‧・ ][{_QQ_NUM}])"
)
GROUPED_QQ_TRIGGER: Final = f"[:：][ \t]{{0,2}}[{_QQ_NUM}]{{1,8}}[·‧・ ][{_QQ_NUM}]"
"""RE2: digit groups after a colon (a superset of what :func:`grouped_qq_pass` folds)."""


def grouped_qq_pass(work: Work) -> None:
    """``叩叩：七捌八七‧一叁贰叁`` -> ``78871323``: a QQ number after its cue in two or three
    groups of digits and numerals, a middle dot or a space between them (five to eleven digits,
    no leading zero). Four groups or more are the cued-id pass's (``④①⑤·③⑨②·②⑤⑧·③``)."""
    groups: list[Group] = []
    for m in _GROUPED_QQ_RE.finditer(work.text):
        written = m["id"]
        digits = "".join(c for c in written if c not in "·‧・ ").translate(_TO_DIGITS)
        if 5 <= len(digits) <= 11 and digits.isdigit() and digits[0] != "0":
            start, end = m.span("id")
            groups.append(("spaced_letters", start, end, [(start, end, digits)]))
    work.apply(groups)


def letter_mobile_pass(work: Work) -> None:
    """``电话：l7743IZ3l49`` -> ``17743123149``: look-alike letters in a mobile after a cue.
    At least four of its characters are digits, so a word is never read as a number."""
    groups: list[Group] = []
    for m in _LETTER_MOBILE_RE.finditer(work.text):
        number = m["num"]
        if sum(c.isdigit() for c in number) < 4 or number.isdigit():
            continue
        start, end = m.span("num")
        groups.append(("leet", start, end, [(start, end, number.translate(_LOOK_TO_DIGIT))]))
    work.apply(groups)


def _spoken_digits(run: str, words: dict[str, str] = _WORD_DIGIT) -> str:
    out: list[str] = []
    repeat = 1
    for word in _TOKEN_RE.findall(run.lower()):
        if word.isdigit():
            out.append(word * repeat)
            repeat = 1
            continue
        if word == "double":
            repeat = 2
        elif word == "triple":
            repeat = 3
        elif word in words:
            out.append(words[word] * repeat)
            repeat = 1
    return "".join(out)


_SPOKEN_CUE_RE: Final = re.compile(
    "(?i:(?<![a-z])(?:call|text|phone|ring|tel|mobile|cell|sms|whatsapp|number(?: is)?)"
    "(?: me| us)?(?: (?:on|at))?[ :]{0,3})$"
)
"""A phone cue ending right before a number read aloud (``text or call oh seven ...``)."""


def spoken_phone_pass(work: Work) -> None:
    """``one three double six ... oh two two`` -> ``13667585022``: a mainland mobile, a ``plus``
    number, or after a phone cue a national number (``call oh seven nine double oh ...`` ->
    ``07900...``) read aloud in English."""
    groups: list[Group] = []
    sounded: list[tuple[int, int]] = []
    for m in _SOUNDED_RE.finditer(work.text):
        said = m[0][len(m["plus"]) :]
        if _SPOKEN_CUE_RE.search(work.text, max(0, m.start() - 24), m.start()) is None:
            continue
        digits = _spoken_digits(said, _LOOSE_DIGIT)
        if not 8 <= len(digits) <= 15 or digits == _spoken_digits(said):
            continue
        tokens = _TOKEN_RE.findall(said.lower())
        core = len(tokens)
        while core and tokens[core - 1] in EN_SOUNDS:
            core -= 1
        trick = "cjk_numeral"
        trailing = tokens[core:]
        if trailing and _PROSE_AFTER_RE.match(work.text, m.end()):
            if not any(t in EN_SOUNDS for t in tokens[:core]):
                if not any(t in _NEVER_PROSE for t in trailing):
                    continue  # ``... one two three for more``: the last word is prose
            elif not all(t in _NEVER_PROSE for t in trailing):
                trick = WITHHELD  # ``... two too  don't``: the last digit, or the prose?
        groups.append((trick, m.start(), m.end(), [(*m.span(), "+" + digits)]))
        sounded.append(m.span())
    for m in _SPOKEN_RE.finditer(work.text):
        if any(lo < m.end() and m.start() < hi for lo, hi in sounded):
            continue
        said = m[0][len(m["plus"] or "") :]
        if sum(token.isalpha() for token in _TOKEN_RE.findall(said)) < 3:
            continue  # digits with a word or two: a spaced number, the phone finder's to read
        digits = _spoken_digits(said)
        if m["plus"]:
            if not 8 <= len(digits) <= 15:
                continue
            digits = "+" + digits
        elif digits[:1] == "0":
            if not 10 <= len(digits) <= 11 or digits[1] == "0":
                continue
            if _SPOKEN_CUE_RE.search(work.text, max(0, m.start() - 24), m.start()) is None:
                continue  # a national number read aloud counts only right after a phone cue
        elif len(digits) != 11 or digits[1] not in "3456789" or digits[0] != "1":
            continue
        start, end = m.span()
        groups.append(("cjk_numeral", start, end, [(start, end, digits)]))
    work.apply(sorted(groups, key=lambda g: g[1]))
