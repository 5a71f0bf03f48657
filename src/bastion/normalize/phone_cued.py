"""Phone numbers a phone cue owns, written so that no digit run shows them, folded to digits.

* a mobile given in labelled parts: ``电话前三位186，中间2706，尾号7零〇一``, ``first three
  digits 139, then 8442, last four 9404``: the parts joined make an 11-digit mainland mobile;
* a number after a phone cue with its digits spelled in numerals or split by brackets and wide
  gaps: ``预约电话：（020）三七3〇-0855``, ``电话 010－6390\u30005943``: the run becomes its
  digits, and the cued-number finder (``bastion.extract.phones``) decides whether it is a valid
  number where the cue's language says.

Both read only after a phone cue or a part label, so prices, dates and order numbers in prose stay
as they are; a run folds only if it holds 10 to 12 digits and starts with the trunk ``0`` (a
national number) or is a mainland mobile.
"""

from __future__ import annotations

import re
from typing import Final

from bastion.normalize.result import Group, Work
from bastion.normalize.tables import CJK_NUMERALS

_NUM: Final = "".join(CJK_NUMERALS) + "两兩"
_TO_DIGITS: Final = str.maketrans({**CJK_NUMERALS, "两": "2", "兩": "2"})
_D: Final = f"[0-9{_NUM}]"
_DIGITS: Final = "0123456789"

_FIRST: Final = (
    "前三位|前3位|头三位|頭三位|前三个数字?|前三個數字?|开头三位|開頭三位|号码前三位"
    "|(?i:(?:the )?first (?:three|3(?![0-9]))(?: digits?| numbers?)?)"
)
_MIDDLE: Final = (
    "中间四位|中間四位|中间4位|中間4位|中间|中間|中四位|然后|然後|接着|接著"
    "|(?i:(?:then|middle|next)(?: (?:four|4(?![0-9])))?(?: digits?)?)"
)
_LAST: Final = (
    "尾号|尾號|尾数|尾數|后四位|後四位|后4位|後4位|末四位|最后四位|最後四位|最后|最後"
    "|(?i:(?:the )?last (?:four|4(?![0-9]))(?: digits?)?|ends? (?:in|with))"
)
_SAY: Final = "[ \t]{0,2}(?:[:：=是为為]|(?i:is|are))?[ \t]{0,2}"
_NEXT: Final = "[ \t]{0,2}[,，、;；]?[ \t]{0,2}(?:(?i:and|then)[ \t]{1,2}|再)?"
_PARTS_RE: Final = re.compile(
    f"(?:{_FIRST}){_SAY}(?P<a>{_D}{{3,7}})"
    f"(?:{_NEXT}(?:{_MIDDLE}){_SAY}(?P<b>{_D}{{3,4}}))?"
    f"{_NEXT}(?:{_LAST}){_SAY}(?P<c>{_D}{{4}})(?![0-9{_NUM}])"
)
PARTS_TRIGGER: Final = (
    "前三位|前3位|头三位|頭三位|前三个数|前三個數|开头三位|開頭三位|(?i:first (?:three|3))"
)
"""RE2: the label of a number's first part (a superset of what :func:`parts_phone_pass` folds)."""

PHONE_CUE: Final = (
    "电话|電話|手机|手機|座机|座機|固话|固話|热线|熱線|号码|號碼|致电|拨打|撥打|☎\ufe0f?|📞|📱"
    "|(?<![A-Za-z])(?i:tel|phone|call|text|ring|mobile|cell|sms|hotline)(?![A-Za-z])"
)
"""Words that say a phone number follows (``re`` syntax; RE2 gates rewrite the look-behind)."""
_GAP: Final = "[ \t\u3000\\-－—–·.]"
_CUED_RUN_RE: Final = re.compile(
    f"(?:{PHONE_CUE})[ \t:：]{{0,3}}(?:(?i:me|us)[ \t]{{1,2}}(?:(?i:on|at)[ \t]{{1,2}})?)?"
    f"(?P<run>[（(]?[0〇零]{_D}{{1,3}}[)）]?(?:{_GAP}{{0,2}}{_D}{{1,8}}){{1,4}})"
    f"(?![0-9{_NUM}A-Za-z])"
)
_CUE_WORDS: Final = (
    "电话|電話|手机|手機|座机|座機|固话|固話|热线|熱線|号码|號碼|致电|拨打|撥打|☎|📞|📱"
    "|(?i:tel|phone|call|text|ring|mobile|cell|sms|hotline)"
)
CUED_RUN_TRIGGER: Final = (
    f"(?:{_CUE_WORDS})\ufe0f?[ \t:：]{{0,3}}(?:(?i:me|us)[ \t]{{1,2}}(?:(?i:on|at)[ \t]{{1,2}})?)?"
    "[（(]?[0〇零０]"
)
"""RE2: a phone cue, then a trunk zero (a superset of what :func:`cued_number_pass` folds)."""


def parts_phone_pass(work: Work) -> None:
    """``前三位186，中间2706，尾号7零〇一`` -> ``18627067001``: a mobile given part by part."""
    groups: list[Group] = []
    for m in _PARTS_RE.finditer(work.text):
        written = m["a"] + (m["b"] or "") + m["c"]
        digits = written.translate(_TO_DIGITS)
        if len(digits) != 11 or digits[0] != "1" or digits[1] not in "3456789":
            continue
        start, end = m.start("a"), m.end("c")
        groups.append(("spaced_letters", start, end, [(start, end, digits)]))
    work.apply(groups)


def cued_number_pass(work: Work) -> None:
    """``预约电话：（020）三七3〇-0855`` -> ``预约电话：02037300855``: a number after a phone cue
    with numerals, brackets or wide gaps in it, as its digits (10 to 12 of them, the first a
    trunk ``0``); a run already written in digits with plain gaps is the finder's to read."""
    groups: list[Group] = []
    for m in _CUED_RUN_RE.finditer(work.text):
        run = m["run"]
        digits = "".join(c for c in run if c in _DIGITS or c in _NUM).translate(_TO_DIGITS)
        if not 10 <= len(digits) <= 12 or digits[1] == "0":
            continue
        if all(c in _DIGITS or c in " -" for c in run):
            continue
        start, end = m.span("run")
        groups.append(("cjk_numeral", start, end, [(start, end, digits)]))
    work.apply(groups)
