"""Numbers written with their places inside a host: ``lucky八十八点com``, ``dk八百零一点com``,
``k八vn六仨点com``, ``hi捌捌vip捌🟢com``, ``bet ninety dot com``, ``tt one hundred twenty-eight
dot net``.

The character pass folds numerals one for one (``八八`` is 88); a number said with its places
(``八十八``, ``seventy-seven``) or in colloquial forms (``俩`` two, ``仨`` three) is left as words,
and the host is cut at it (``lyds.com`` of ``vn three hundred sixty-nine lyds dot com``). Chinese
numbers become their digits (trick ``cjk_numeral``); English ones become digit words (``three six
nine``), which the instruction pass joins where the message says to and otherwise guesses at
(``split_word``), as it does with digits read aloud one by one. Only inside a name that goes on to
a dot (any stand-in) and a top-level domain.
"""

from __future__ import annotations

import re
from typing import Final

from bastion.normalize.result import Group, Work
from bastion.normalize.tables import CJK_NUMERALS, DIGIT_WORDS, DOT_CHARS, DOT_EMOJI
from bastion.suffixes import is_tld

_COLLOQUIAL: Final = {"俩": "2", "仨": "3", "两": "2"}
"""Spoken forms of two and three (``俩`` and ``仨`` are two and three of something)."""
_PLACES: Final = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000, "万": 10000}
_ZH_DIGITS: Final = {**CJK_NUMERALS, **_COLLOQUIAL}
_ZH_CLASS: Final = "".join(_ZH_DIGITS) + "".join(_PLACES)
_DOT: Final = rf"(?:[.{DOT_CHARS}{DOT_EMOJI}]\ufe0f?|(?i:dot)(?![A-Za-z]))"
_ZH_HOST_RE: Final = re.compile(
    rf"(?<![A-Za-z0-9\-{_ZH_CLASS}])[A-Za-z0-9\-]{{0,62}}+[{_ZH_CLASS}][A-Za-z0-9\-{_ZH_CLASS}]{{0,62}}"
    rf"(?=[ \t]{{0,2}}{_DOT}[ \t]{{0,2}}[A-Za-z]{{2,24}}(?![A-Za-z0-9\-]))"
)
"""A name holding Chinese numerals, then a dot (any stand-in) and a top-level domain."""
_ZH_RUN_RE: Final = re.compile(f"[{_ZH_CLASS}]+")
_READ_ALREADY: Final = frozenset(".。．点點")
"""Dots after which the numeral pass folds plain numerals already (``玖玖eth点com``)."""

TRIGGER_ZH: Final = (
    f"[{_ZH_CLASS}][A-Za-z0-9\\-{_ZH_CLASS}]{{0,62}}[ \\t]{{0,2}}"
    f"(?:[.{DOT_CHARS}{DOT_EMOJI}]|(?i:dot))[ \\t]{{0,2}}[A-Za-z][ \\t]?[A-Za-z]"
    f"|[{_ZH_CLASS}](?:[ \u3000][A-Za-z0-9{_ZH_CLASS}]){{1,62}}[ \u3000]{{1,2}}"
    f"[{DOT_CHARS}{DOT_EMOJI}][ \u3000]{{1,2}}[A-Za-z][ \u3000][A-Za-z]"
)
"""RE2 and ``re``: a superset of the names :func:`chinese_pass` folds (Chinese)."""


def _zh_value(run: str) -> tuple[str, bool] | None:
    """``八十八`` -> ``88``, ``八百零一`` -> ``801``, ``十八`` -> ``18``, and whether the reading is
    sure: ``八百一`` is 801 to a reader of the digits and 810 in speech, so it is not. A run
    without places is read digit by digit (``俩四`` -> ``24``); None when the places are out of
    order."""
    if not any(c in _PLACES for c in run):
        return "".join(_ZH_DIGITS[c] for c in run), True
    total, digit, last_place, zero = 0, None, 10**9, False
    for c in run:
        if c in _PLACES:
            place = _PLACES[c]
            if place >= last_place or (digit is None and place != 10):
                return None
            total += (1 if digit is None else digit) * place
            digit, last_place, zero = None, place, False
        elif digit is not None and _ZH_DIGITS[c] != "0":
            return None  # ``八八十``: two digits before one place
        else:
            zero = zero or _ZH_DIGITS[c] == "0"
            digit = None if _ZH_DIGITS[c] == "0" else int(_ZH_DIGITS[c])
    sure = digit is None or last_place <= 10 or zero
    return str(total + (digit or 0)), sure


def _zh_groups(work: Work) -> list[Group]:
    groups: list[Group] = []
    text = work.text
    for m in _ZH_HOST_RE.finditer(text):
        name = m[0]
        runs = list(_ZH_RUN_RE.finditer(name))
        after = text[m.end() : m.end() + 3].lstrip(" \t")[:1]
        plain = all(c in CJK_NUMERALS for c in name if not c.isascii())
        if not runs or (plain and after in _READ_ALREADY):
            continue  # no numeral, or one the numeral pass reads (``玖玖eth点com``)
        if not any(c.isascii() and c.isalnum() for c in name) and len(name) < 2:
            continue  # ``两点com``: two o'clock
        values = [_zh_value(run[0]) for run in runs]
        for run, value in zip(runs, values, strict=True):
            if None in values or value is None:
                break  # a run out of order: the name is left as written
            start, end = m.start() + run.start(), m.start() + run.end()
            trick = "cjk_numeral" if value[1] else "ambiguous_host"
            groups.append((trick, start, end, [(start, end, value[0])]))
    return groups


_SPACED_ZH_RE: Final = re.compile(
    rf"(?<![A-Za-z0-9{_ZH_CLASS}])[A-Za-z0-9{_ZH_CLASS}](?:[ \u3000][A-Za-z0-9{_ZH_CLASS}]){{2,62}}"
    rf"(?=[ \u3000]{{1,2}}[{DOT_CHARS}{DOT_EMOJI}][ \u3000]{{1,2}}[A-Za-z][ \u3000][A-Za-z])"
)
"""Letters spaced out one by one with Chinese numerals among them (``m b x 捌 捌 點 c o m``)."""


def _spaced_groups(work: Work) -> list[Group]:
    groups: list[Group] = []
    for m in _SPACED_ZH_RE.finditer(work.text):
        units = m[0].split()
        if sum(c.isascii() for c in units) < 2 or any(c in _PLACES for c in units):
            continue
        at = m.start()
        edits = [(at + i, at + i + 1, _ZH_DIGITS[c]) for i, c in enumerate(m[0]) if c in _ZH_DIGITS]
        if edits:
            groups.append(("cjk_numeral", m.start(), m.end(), edits))
    return groups


# --- English ----------------------------------------------------------------------------------

_UNITS: Final = {w: i for i, w in enumerate(DIGIT_WORDS)}
_TEENS: Final = {
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
_TENS: Final = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
_SCALES: Final = {"hundred": 100, "thousand": 1000}
_NUMBER_WORD: Final = "|".join(
    sorted([*_UNITS, *_TEENS, *_TENS, *_SCALES], key=lambda w: (-len(w), w))
)
_PLACE_WORD: Final = "|".join([*_TEENS, *_TENS, *_SCALES])
_EN_RE: Final = re.compile(
    rf"(?<![A-Za-z0-9\-])(?i:{_NUMBER_WORD})(?:(?:[ ]{{1,2}}|-)(?:(?i:and)[ ]{{1,2}})?"
    rf"(?i:{_NUMBER_WORD})){{0,8}}(?![A-Za-z0-9])"
    rf"(?=(?:[ ]{{1,2}}[A-Za-z0-9]{{1,24}}){{0,3}}"
    rf"(?:[ ]{{1,2}}(?i:dot)[ ]{{1,2}}|[ ]{{0,2}}[。点點][ ]{{0,2}}|[ ]{{1,2}}\.[ ]{{0,2}})"
    rf"(?P<tld>[A-Za-z]{{2,24}})"
    rf"(?![A-Za-z0-9\-]))"
)
"""An English number said with its places, then at most three words, a dot and a TLD."""
_EN_WORD_RE: Final = re.compile(rf"(?i:{_NUMBER_WORD})")
TRIGGER_EN: Final = rf"(?i:{_PLACE_WORD})[A-Za-z0-9 \-]{{0,80}}(?:[ ](?i:dot)[ ]|[。点點]|[ ]\.)"
"""RE2 and ``re``: a superset of the numbers :func:`english_pass` rewrites (English)."""


def _en_numbers(said: list[str]) -> list[int] | None:
    """``three hundred sixty nine`` -> [369]; ``nineteen eighty four`` -> [19, 84] (numbers
    said one after another); None when the words make no number."""
    numbers: list[int] = []
    total, part, last = 0, 0, ""
    for word in said:
        if word in _UNITS:
            kind, value = "unit", _UNITS[word]
            fits = last in ("", "hundred", "thousand") or (last == "tens" and value > 0)
        elif word in _TEENS:
            kind, value = "teen", _TEENS[word]
            fits = last in ("", "hundred", "thousand")
        elif word in _TENS:
            kind, value = "tens", _TENS[word]
            fits = last in ("", "hundred", "thousand")
        elif word == "hundred":
            if last not in ("unit", "teen") or part == 0:
                return None
            part, last = part * 100, "hundred"
            continue
        else:
            if last in ("", "thousand") or total:
                return None
            total, part, last = part * 1000, 0, "thousand"
            continue
        if not fits:
            numbers.append(total + part)
            total, part = 0, 0
        part += value
        last = kind
    numbers.append(total + part)
    return numbers


def _en_groups(work: Work) -> list[Group]:
    groups: list[Group] = []
    for m in _EN_RE.finditer(work.text):
        said = [w.lower() for w in _EN_WORD_RE.findall(m[0])]
        if all(w in _UNITS for w in said) or not is_tld(m["tld"].lower()):
            continue
        numbers = _en_numbers(said)
        if numbers is None:
            continue
        digits = "".join(str(n) for n in numbers)
        spoken = " ".join(DIGIT_WORDS[int(d)] for d in digits)
        groups.append(("instruction", m.start(), m.end(), [(m.start(), m.end(), spoken)]))
    return groups


def chinese_pass(work: Work) -> None:
    """Chinese place-value and colloquial numerals in a host's name -> digits."""
    work.apply(_zh_groups(work))
    work.apply(_spaced_groups(work))


def english_pass(work: Work) -> None:
    """English numbers said with their places before a host's dot -> digit words."""
    work.apply(_en_groups(work))
