"""Phone numbers without a cue: mainland mobiles and explicit international (``+``) numbers.

Bare digit strings are everywhere (order numbers, dates, amounts); only two shapes are specific
enough to stand alone: an 11-digit mainland mobile ``1[3-9]x xxxx xxxx`` and a ``+country``
number that ``phonenumbers`` accepts as valid. Anything inside a longer digit run is not a phone.
"""

from __future__ import annotations

import re

import phonenumbers

from bastion.extract._anchors import anchored_finditer
from bastion.extract._types import Candidate
from bastion.normalize.phone_cued import CUED_RUN_TRIGGER, PHONE_CUE

_BEFORE = "(?<![A-Za-z0-9_+\\-])(?<![0-9][.,])"
_AFTER = "(?![0-9]|[.,][0-9])"
_MOBILE = re.compile(
    f"{_BEFORE}(?P<cc>\\(?(?:\\+|00)86\\)?[ \\-]?|\\(86\\)[ \\-]?|86[ \\-])?"
    f"(?P<num>1[3-9][0-9](?P<sep>[ \\-.]?)[0-9]{{4}}(?P=sep)[0-9]{{4}}){_AFTER}"
    f"|{_BEFORE}(?P<scc>\\(?(?:\\+|00)86\\)?[ \\-]?|\\(86\\)[ \\-]?|86[ \\-])?"
    f"(?P<spaced>1(?P<each>[ .\\-])[3-9](?:(?P=each)[0-9]){{9}})(?!(?P=each)?[0-9])"
)
"""A mainland mobile: ``138 1234 5678`` (one separator, 3-4-4) or ``1 3 8 1 2 3 4 5 6 7 8``
(single digits, one separator throughout, nothing more glued on); the country code may come
before it (``+86``, ``0086``, ``(86)``, ``86-``)."""
_INTERNATIONAL = re.compile(f"{_BEFORE}\\+ ?[0-9](?:[ \\-.()]{{0,2}}[0-9]){{6,15}}{_AFTER}")
_NATIONAL = re.compile(
    f"(?P<cue>{PHONE_CUE})\ufe0f?[ \t:：]{{0,3}}"
    "(?:(?i:me|us)[ \t]{1,2}(?:(?i:on|at)[ \t]{1,2})?)?"
    "(?P<num>\\(?0[1-9][0-9]{0,3}\\)?(?:[ \\-]?[0-9]{2,8}){1,3})(?![0-9]|[.,][0-9])"
)
"""A national number (trunk ``0`` first: ``010-6390 5943``, ``07911 123456``) right after a
phone cue; alone such digits are order numbers and amounts as often as phones."""
_CJK_CUE = re.compile("[\u3000-\u9fff]")
_NATIONAL_REGIONS = ("GB", "IE", "AU", "NZ", "IN", "ZA", "NG", "KE", "MY", "PH", "ID", "TH")
"""Where a number after an English cue may be national: the trunk-``0`` countries whose spam
reaches English text. The value stays as written (the country is a guess, the digits are not)."""
_ZALO = re.compile(
    "(?P<cue>(?<![A-Za-z])(?:(?i:zalo)|ZL|Zl)(?![A-Za-z]))(?:[ \t]{1,2}(?i:id|me))?"
    "[ \t]{0,2}[:：]?[ \t]{0,3}"
    "(?P<num>(?:\\+84[ .\\-]?|84[ .\\-]?|0)[1-9][0-9]{1,3}"
    "(?P<sep>[ .\\-]?)[0-9]{3}(?P=sep)[0-9]{3,4})"
    "(?![0-9]|[.,][0-9])"
)
"""A Zalo account after its cue (``Zalo: 0916 222 406``, ``kết bạn Zalo 0993.617.516``,
``ZL: 0904 045 580``): Zalo, Vietnam's messenger, names its accounts by their phone numbers,
so the id is a Vietnamese number (reported as a phone, which is what it is)."""
ZALO_GATE = "(?i:zalo)|Z[Ll]"
_KEYS = ("", "", "ABC", "DEF", "GHI", "JKL", "MNO", "PQRS", "TUV", "WXYZ")
_TO_KEYS = str.maketrans({c: str(d) for d, cs in enumerate(_KEYS) for c in cs})
_VANITY = re.compile(
    "(?<![A-Za-z0-9+_\\-])(?:\\+1|1)[ \\-.]?"
    "(?:\\((?P<pa>[2-9][0-9]{2})\\)|(?P<a>[2-9][0-9]{2}))"
    "[ \\-.]?(?P<word>[A-Z0-9]{3}-?[A-Z0-9]{4}|[A-Z0-9]{4}-[A-Z0-9]{3}|[A-Z0-9]{2}-[A-Z0-9]{5})"
    "(?![A-Za-z0-9]|-[A-Za-z0-9])"
)
"""A vanity number in North America (``+1 (213) BET-SNOW``, ``1-800-FLOWERS``, ``1-800-GO-FEDEX``):
the country code, the area code, then seven keys written as capital letters (three at least)
and digits. The keypad turns the letters into the digits a reader dials; lower-case words,
more or fewer than seven keys, or no country code are prose."""
VANITY_GATE = "1[ .\\-]?\\(?[2-9][0-9]{2}\\)?[ .\\-]?[A-Z0-9]{0,2}[A-Z]"
PHONE_SHAPE = f"1[3-9][0-9]|1[ .\\-][3-9][ .\\-][0-9]|\\+ ?[0-9]|{VANITY_GATE}"
"""Every phone match starts with this; the extract router skips the finder without it."""
NATIONAL_GATE = f"{CUED_RUN_TRIGGER}|(?:{ZALO_GATE})[^0-9]{{0,8}}(?:\\+?84|0)[1-9]"
"""RE2: a phone cue, then a trunk zero, or a Zalo cue and a Vietnamese number; the extract
router runs :func:`find_national_phones` only then."""
PHONE_CLAUSES = (
    NATIONAL_GATE,
    VANITY_GATE,
    "1[3-9][0-9][ \\-.]?[0-9]{4}[ \\-.]?[0-9]{4}",
    "1[ .\\-][3-9](?:[ .\\-][0-9]){9}",
    r"\+ ?[0-9](?:[ \-.()]{0,2}[0-9]){6}",
)
"""Supersets of every phone match, for the pre-check."""


_MOBILE_ITER = anchored_finditer(_MOBILE)


def _digits(text: str) -> str:
    return "".join(c for c in text if "0" <= c <= "9")


def international(raw: str) -> str | None:
    """E.164 form of ``raw`` when libphonenumber calls it a valid number, else None."""
    try:
        number = phonenumbers.parse("+" + _digits(raw), None)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    formatted: str = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    return formatted


def find_phones(text: str, out: list[Candidate]) -> None:
    """Append phone candidates; value is digits, with a leading ``+`` when written as E.164."""
    taken: set[int] = set()
    for match in _MOBILE_ITER(text):
        digits = _digits(match["num"] or match["spaced"])
        value = "+86" + digits if match["cc"] or match["scc"] else digits
        out.append(Candidate("phone", match.start(), match.end(), value))
        taken.add(match.start())
    _find_vanity(text, out, taken)
    if "+" not in text:
        return
    for match in _INTERNATIONAL.finditer(text):
        if match.start() in taken:
            continue
        e164 = international(match.group())
        if e164 is not None:
            out.append(Candidate("phone", match.start(), match.end(), e164))


def _find_vanity(text: str, out: list[Candidate], taken: set[int]) -> None:
    """Append the vanity numbers (see :data:`_VANITY`) as the E.164 numbers their keys dial."""
    for match in _VANITY.finditer(text):
        word = match["word"].replace("-", "")
        if sum(c.isalpha() for c in word) < 3:
            continue
        e164 = international("1" + (match["pa"] or match["a"]) + word.translate(_TO_KEYS))
        if e164 is not None:
            out.append(Candidate("phone", match.start(), match.end(), e164, flags=("leet",)))
            taken.add(match.start())


def _national_value(digits: str, chinese_cue: bool) -> str | None:
    """E.164 for a number valid in China after a Chinese cue; after another cue, the digits as
    written when the number is valid in one of :data:`_NATIONAL_REGIONS`."""
    regions = ("CN",) if chinese_cue else _NATIONAL_REGIONS
    for region in regions:
        try:
            number = phonenumbers.parse(digits, region)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number(number):
            if chinese_cue:
                e164: str = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
                return e164
            return digits
    return None


def find_national_phones(text: str, out: list[Candidate]) -> None:
    """Append the national numbers that a phone cue introduces (``电话 010-6390 5943``,
    ``call me on 07911 123456``): valid in China after a Chinese cue, else in a trunk-``0``
    country."""
    for match in _NATIONAL.finditer(text):
        digits = _digits(match["num"])
        if not 10 <= len(digits) <= 12:
            continue
        value = _national_value(digits, _CJK_CUE.match(match["cue"]) is not None)
        if value is not None:
            out.append(Candidate("phone", match.start("num"), match.end("num"), value))
    for match in _ZALO.finditer(text):
        number = _valid_in("+84" + _digits(match["num"]).removeprefix("84").lstrip("0"), "VN")
        if number is not None:
            start, end = match.span("num")
            out.append(Candidate("phone", start, end, number, cue=match["cue"]))


def _valid_in(number: str, region: str) -> str | None:
    """E.164 form of ``number`` when it is a valid number of ``region``."""
    try:
        parsed = phonenumbers.parse(number, region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number_for_region(parsed, region):
        return None
    e164: str = phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)
    return e164
