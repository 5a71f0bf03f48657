"""The unmasking passes. Each scans the current folded text with precompiled, bounded regexes and
hands its edits to :class:`Work`, which composes the offset map.

Contextual tricks (spelled dots, spaced letters, ``at``) only fire when the result is a plausible
host with a known public suffix, so prose such as ``一点点``, ``I got a dot`` or ``U.S.A.`` is left
alone.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from itertools import accumulate, pairwise
from typing import Final

from bastion.normalize.cues import CUES, ID_WORD, SEP_CHARS
from bastion.normalize.hostwords import (
    CJK_WORD_HOST_MIN,
    COMMON_WORDS,
    WORD_HOST_MIN,
    cjk_near,
    is_weird_case,
    plausible_words_host,
    sentence_break,
    words,
)
from bastion.normalize.hostwords import COMMON_TLDS as COMMON_TLDS
from bastion.normalize.result import Edit, Group, Work
from bastion.normalize.tables import (
    CJK_NUMERALS,
    DOT_CHARS,
    DOT_EMOJI,
    DOT_HOMOPHONES,
    ROMAN_FIRST,
    ROMAN_LAST,
    Tables,
    tables,
)
from bastion.normalize.triggers import ALNUM, FOLDS_TO_ASCII, LABEL_CHAR, TLD, WS
from bastion.suffixes import has_known_suffix, is_tld, public_suffix, registrable_domain

_STOPWORDS: Final = frozenset(
    {"a", "an", "the", "this", "that", "my", "your", "our", "their", "his", "her", "its", "of"}
    | {"in", "on", "at", "to", "as", "big", "old", "first", "new"}
)
"""Left words that make ``X dot com`` prose (``a dot com company``) rather than a host."""

_LABEL: Final = r"[A-Za-z0-9][A-Za-z0-9-]{0,62}"
_OPEN: Final = r"[\[\(\{（【]"
_CLOSE: Final = r"[\]\)\}）】]"
_SPELLED_DOT: Final = (
    rf"\s{{0,2}}{_OPEN}\s?(?:dot|\.|。|点|．)\s?{_CLOSE}\s{{0,2}}"
    r"|\s{1,2}dot\s{1,2}"
    rf"|\s{{0,2}}[{DOT_CHARS}]\s{{0,2}}"
    rf"|\s{{0,2}}(?:[{DOT_EMOJI}]\s?){{0,3}}\.(?:\s?[{DOT_EMOJI}]){{1,3}}\s{{0,2}}"
    rf"|\s{{0,2}}(?:[{DOT_EMOJI}]\s?){{1,3}}\.\s{{0,2}}|\s{{0,2}}[{DOT_EMOJI}]{{1,3}}\s{{0,2}}"
    r"|\s{1,2}\.\s{0,2}|\.\s{1,2}"
)
_CHAIN_SEP: Final = rf"(?:{_SPELLED_DOT}|\.)"

_WHOLE_LABEL: Final = r"[A-Za-z0-9][A-Za-z0-9-]{0,62}+"
"""``_LABEL`` without backtracking: no separator starts with a label character, so giving one
back never helps a match, and ``re`` would otherwise retry every separator at every length."""
_CHAIN_RE: Final = re.compile(
    rf"[A-Za-z0-9](?<![A-Za-z0-9-].)[A-Za-z0-9-]{{0,62}}+(?:\.{_WHOLE_LABEL}){{0,8}}"
    rf"(?:{_SPELLED_DOT}){_WHOLE_LABEL}(?:{_CHAIN_SEP}{_WHOLE_LABEL}){{0,8}}(?![A-Za-z0-9-])",
    re.I,
)
"""The first character's class comes before the look-behind, so ``re`` skips to label starts."""
_LABEL_RE: Final = re.compile(_LABEL)
_SEP_RE: Final = re.compile(_CHAIN_SEP, re.I)

_TRIGGER_SEP: Final = (
    rf"{WS}{{0,2}}{_OPEN}{WS}?(?:(?i:dot)|\.|。|点|．){WS}?{_CLOSE}{WS}{{0,2}}"
    rf"|{WS}{{1,2}}(?i:dot){WS}{{1,2}}"
    rf"|{WS}{{0,2}}[{DOT_CHARS}]{WS}{{0,2}}"
    rf"|{WS}{{0,2}}(?:[{DOT_EMOJI}]{WS}?){{0,3}}\.(?:{WS}?[{DOT_EMOJI}]){{1,3}}{WS}{{0,2}}"
    rf"|{WS}{{0,2}}(?:[{DOT_EMOJI}]{WS}?){{1,3}}\.{WS}{{0,2}}"
    rf"|{WS}{{0,2}}[{DOT_EMOJI}]{{1,3}}{WS}{{0,2}}"
    rf"|{WS}{{1,2}}\.{WS}{{0,2}}|\.{WS}{{1,2}}"
)
SPELLED_DOT_TRIGGER: Final = (
    rf"{LABEL_CHAR}(?:{_TRIGGER_SEP})(?:{LABEL_CHAR}+(?:{_TRIGGER_SEP}|\.))*{TLD}"
    r"(?:$|[^A-Za-z0-9\-])"
)
"""The spelled-dot pass changes a text only where a spelled separator (``_SPELLED_DOT``) follows a
label and a top-level label follows it, directly or further along the chain (see ``_dotted``)."""

_HXXP_RE: Final = re.compile(
    r"(?<![A-Za-z0-9])(?P<open>[\[\(\{<]\s?)?h(?:\s{0,2}[tx*_]){2}\s{0,2}p(?:\s{0,2}(?P<s>s))?"
    r"(?(open)\s?[\]\)\}>])\s{0,2}"
    r"(?:[\[\(\{]\s?[:：]\s?[/／]\s?[/／]\s?[\]\)\}]"
    r"|(?:[:：;；]|[\[\(\{]\s?[:：]\s?[\]\)\}])\s{0,2}[/／\\＼]\s?[/／\\＼]"
    r"|[/／]{2}|_{2}(?=[A-Za-z0-9])|[:：][/／](?=[A-Za-z0-9]))"
    r"(?:\s{1,2}(?=[A-Za-z0-9]))?",
    re.I,
)

_CJK_NUM_CLASS: Final = "".join(CJK_NUMERALS)
_CJK_RUN_RE: Final = re.compile(rf"[0-9{_CJK_NUM_CLASS}]{{5,}}")
_CJK_TABLE: Final = str.maketrans(CJK_NUMERALS)
_COUNTRY_CODE_RE: Final = re.compile(
    rf"(?<=[+＋])[ ]?(?P<cc>[0-9{_CJK_NUM_CLASS}]{{1,3}})(?=[ \-]?[0-9]{{6,}}(?![0-9]))"
)
"""``+六五 85080629``, ``+捌伍贰 66643866``: a country code in numerals after a ``+``, before
the number's digits (the run after it is folded first)."""

_LOOKALIKE_DOT_CLASS: Final = re.escape(
    "".join(c for c in DOT_CHARS if c not in "、°" and c not in DOT_HOMOPHONES)
)
_GAP: Final = (
    rf"(?:\s{{0,2}}{_OPEN}(?:dot|\.){_CLOSE}\s{{0,2}}|\s{{1,2}}dot\s{{1,2}}"
    rf"|\s{{1,2}}[点點{_LOOKALIKE_DOT_CLASS}{DOT_HOMOPHONES}]\s{{1,2}}"
    r"|(?:[^\w\s'’]|_){1,2}[点點](?:[^\w\s'’]|_){1,2}|(?:[^\w\r\n'’]|_){1,3}|丶)"
)
"""Between spaced letters: a spelled dot (``/点/`` where a symbol sets every letter apart),
1-3 spaces/symbols/emoji (apostrophes join words), or ``丶``, a dot drawn as a stroke (a word
character to ``re``, so no symbol class holds it: ``b w i n丶com``)."""
_UNIT: Final = r"[A-Za-z0-9](?![A-Za-z0-9])"
_SPACED_RE: Final = re.compile(
    rf"(?<![A-Za-z0-9])(?:(?P<lead>https?://(?:www)?|www)(?P<lg>{_GAP})?)?"
    rf"(?P<run>{_UNIT}(?:{_GAP}{_UNIT}){{2,255}})"
    rf"(?:(?P<tg>{_GAP})(?P<tail>[A-Za-z0-9]{{2,63}}(?:\.[A-Za-z0-9]{{1,63}}){{0,3}})"
    r"(?![A-Za-z0-9]))?",
    re.I,
)
_UNIT_RE: Final = re.compile(rf"(?<![A-Za-z0-9]){_UNIT}")
_DOT_CHARS: Final = frozenset(".。．｡﹒")
_LOOKALIKE_DOTS: Final = frozenset(DOT_CHARS) - {"、", "°"} - frozenset(DOT_HOMOPHONES)
"""Dot glyphs that stand for a dot between spaced letters only where the other gaps differ
(``b·e·t`` spaces its letters with them)."""
_SECOND_LEVEL: Final = ("com", "net", "org", "gov", "edu", "co", "ac")
"""Labels that usually sit under a ccTLD (``bet.com.cn``), tried when spaced letters hide
every dot (``b.e.t.c.o.m.c.n``)."""
_HOSTY_RE: Final = re.compile(r"[.。．｡﹒@丶]|dot", re.I)
_NON_WORD: Final = r"(?:[^\w\r\n'’]|_)"
_TRIGGER_GAP: Final = (
    rf"(?:{WS}{{0,2}}{_OPEN}(?:(?i:dot)|\.){_CLOSE}{WS}{{0,2}}|{WS}{{1,2}}(?i:dot){WS}{{1,2}}"
    rf"|{_NON_WORD}{{1,3}})"
)
_HOSTY_GAP: Final = (
    rf"(?:{WS}{{0,2}}{_OPEN}(?:(?i:dot)|\.){_CLOSE}{WS}{{0,2}}|{WS}{{1,2}}(?i:dot){WS}{{1,2}}"
    rf"|{_NON_WORD}{{0,2}}[.。．｡﹒@丶]{_NON_WORD}{{0,2}}|{_NON_WORD}{{1,2}}[点點]{_NON_WORD}{{1,2}})"
)
_UNITS: Final = rf"{ALNUM}(?:{_TRIGGER_GAP}{ALNUM})"
SPACED_TRIGGER: Final = (
    rf"{_UNITS}{{5}}"
    rf"|(?i:https?://(?:www)?|www)(?:{_TRIGGER_GAP})?{_UNITS}{{2}}"
    rf"|{ALNUM}{_HOSTY_GAP}{ALNUM}{_TRIGGER_GAP}{ALNUM}"
    rf"|{_UNITS}(?:{_TRIGGER_GAP}{ALNUM})*{_HOSTY_GAP}{ALNUM}"
    rf"|{_UNITS}{{2}}(?:{_TRIGGER_GAP}{ALNUM})*{_TRIGGER_GAP}{ALNUM}*(?:(?i:dot)|\.)"
)
"""Where the spaced-letters pass can change a text: three single letters or digits set apart
(RE2's non-word class takes more than ``re``'s), and six of them, or a scheme or ``www`` before
them, or a dot or ``@`` in a gap or in the word after them (``_HOSTY_RE``)."""
_HOST_RE: Final = re.compile(r"[a-z0-9](?:[a-z0-9.-]{0,252}[a-z0-9])?")

_AT_RE: Final = re.compile(
    r"(?<![A-Za-z0-9._+\-/?=&#%@])(?P<local>[A-Za-z0-9][A-Za-z0-9._+-]{0,63})"
    rf"(?P<at>\s{{0,2}}{_OPEN}\s?(?:at|@)\s?{_CLOSE}\s{{0,2}}|(?P<bare>\s{{1,2}}at\s{{1,2}})"
    r"|#|\s{1,2}@\s{0,2}|@\s{1,2}|\s{0,2}(?:艾特|爱特)\s{0,2})"
    rf"(?P<host>{_LABEL}(?:\.{_LABEL}){{1,8}})",
    re.I,
)
SPELLED_AT_TRIGGER: Final = (
    rf"[A-Za-z0-9._+\-{FOLDS_TO_ASCII}](?:{WS}{{0,2}}{_OPEN}{WS}?(?:(?i:at)|@){WS}?{_CLOSE}{WS}{{0,2}}"
    rf"|{WS}{{1,2}}(?i:at){WS}{{1,2}}|#|{WS}{{1,2}}@{WS}{{0,2}}|@{WS}{{1,2}}|{WS}{{0,2}}(?:艾特|爱特){WS}{{0,2}})"
    rf"{ALNUM}{LABEL_CHAR}*\.{ALNUM}"
)
"""Where ``_AT_RE`` can match: a local part's last character, a spelled ``@``, a dotted host."""
_WEBMAIL: Final = words(
    "gmail googlemail yahoo ymail rocketmail hotmail outlook live msn aol icloud me mac "
    "protonmail proton gmx mail yandex qq 163 126 yeah sina sohu foxmail 139 aliyun naver "
    "daum hanmail rediffmail zoho tutanota fastmail web orange comcast"
)
"""Mail providers: ``bob at gmail dot com`` is an address, ``verify at bet365 dot com`` is not."""
_MAILISH_LOCAL_RE: Final = re.compile(r"[0-9._+-]")
_ASCII_ALNUM_RE: Final = re.compile(r"[A-Za-z0-9]")
_TOKEN_RE: Final = re.compile(  # not ``ꞏ`` (U+A78F), a dot: ``ꞅiliconwiveꞅꞏcom``
    r"[A-Za-z0-9._@:/\-\u00c0-\u02af\u0300-\u036f\u0370-\u058f\u1c80-\u1c8f"
    r"\u1d00-\u1dbf\u1e00-\u1fff\u2c60-\u2cff\ua4d0-\ua4ff\ua640-\ua69f\ua720-\ua78e"
    r"\ua790-\ua7ff\uab30-\uab6f\u2208\u220a\u2223\u2228\u2229\u222a\u2282\u22a4]+"
)


def char_pass(work: Work, tables: Tables, pattern: re.Pattern[str]) -> None:
    """NFKC-style folds, invisible and combining deletions: one group per run or char.

    ``pattern`` finds runs of candidate characters (every folded one, and any astral one so its
    class stays one bitmap); each splits here into maximal runs of one-to-one folds ("nfkc") and
    single other folds (a final NUL ends the last run; astral characters that do not fold end one).
    """
    groups: list[Group] = []
    same, other, names = tables.same, tables.other, tables.other_names
    for m in pattern.finditer(work.text):
        run, base, first = m[0], m.start(), -1
        for i, char in enumerate(run + "\0"):
            code = ord(char)
            if code in same:
                first = i if first < 0 else first
                continue
            if first >= 0:
                start, end = base + first, base + i
                groups.append(("nfkc", start, end, [(start, end, run[first:i].translate(same))]))
                first = -1
            if code in other:
                start = base + i
                groups.append((names[char], start, start + 1, [(start, start + 1, other[code])]))
    work.apply(groups)


EMOJI_LETTERS: Final = {"©": "c", "®": "r", "💲": "s", "❌": "x", "✖": "x", "⭕": "o", "〽": "m"}
"""Symbols spammers write for letters beside emoji letters (``b🅰️l©️onf🅾️💲te®️.com``,
``h🅰️rdteentube.©️o〽️``)."""
EMOJI_LETTER_TRIGGER: Final = f"[{''.join(EMOJI_LETTERS)}]"
_EMOJI_TOKEN_RE: Final = re.compile(f"[A-Za-z0-9_.\\-{''.join(EMOJI_LETTERS)}]+")
_NAME_RE: Final = re.compile(r"[A-Za-z0-9][A-Za-z0-9_\-]{3,62}")
"""A name or id with no dot yet (its dot is a rare stop read later, ``...ℹ️n🅾️۔com``)."""


def emoji_letters_pass(work: Work) -> None:
    """``©`` ``®`` ``💲`` ``❌`` ``⭕`` read as letters inside a token that names a host and is
    already spelt with emoji letters (``©️h🅰️nz.c🅾️Ⓜ️`` is ``chanz.com``, not ``hanz.com``) or
    holds two of them; alone they are marks (``Walmart®.com`` stays ``walmart.com``)."""
    text = work.text
    groups: list[Group] = []
    for m in _EMOJI_TOKEN_RE.finditer(text):
        token = m[0]
        places = [i for i, char in enumerate(token) if char in EMOJI_LETTERS]
        if not places:
            continue
        start, end = m.span()
        if len(places) < 2 and not work.touched("nfkc", start, end):
            continue
        folded = "".join(EMOJI_LETTERS.get(char, char) for char in token)
        if names_host(folded) or ("." not in token and _NAME_RE.fullmatch(folded)):
            edits = [(start + i, start + i + 1, EMOJI_LETTERS[token[i]]) for i in places]
            groups.append(("homoglyph", start, end, edits))
    work.apply(groups)


def homoglyph_pass(work: Work, tables: Tables, pattern: re.Pattern[str]) -> None:
    """Fold confusable letters in tokens that mix them with ASCII (TR39 mixed-script idea).

    A token folds only when every letter in it becomes ASCII and it already holds an ASCII letter
    or digit (``рayрal``, ``ρ38000``) or folds to a host with a known suffix (``ВЕТ888.СОМ``);
    ``сайт.рф`` stays.
    """
    text = work.text
    groups: list[Group] = []
    for m in _TOKEN_RE.finditer(text):
        token = m[0]
        if pattern.search(token) is None:
            continue
        folded = token.translate(tables.homoglyph)
        if not folded.isascii():
            continue
        if _ASCII_ALNUM_RE.search(token) is None and not _tld_after_dot(text, m.start(), folded):
            host = folded.strip("./:@-").lower()
            if "." not in host or not has_known_suffix(host):
                continue
        start, end = m.span()
        groups.append(("homoglyph", start, end, [(start, end, folded)]))
    work.apply(groups)


_NAME_DOT_RE: Final = re.compile(
    r"(?:[A-Za-z0-9][ \t]{0,2}[.。．｡点點丶·]|(?i:\bdot)[\])）】]?)[ \t]{0,2}$"
)


def _tld_after_dot(text: str, start: int, folded: str) -> bool:
    """``betsafe點сом``, ``skinhell。тор``, ``x . сом``, ``x (dot) сом``: a token of look-alike
    letters alone after a name and a dot set apart, ideographic or spelled, which folds to a
    top-level domain."""
    return (
        len(folded) <= 6
        and _NAME_DOT_RE.search(text, max(0, start - 8), start) is not None
        and is_tld(folded.lower())
    )


def hxxp_pass(work: Work) -> None:
    """``hxxp``, ``h t t p``, ``http[:]//``, ``https;//``, ``[://]`` ... -> ``http(s)://``.

    Spaces after the slashes go too (``h t t p : / / bet.in``): a scheme always has a host."""
    groups: list[Group] = []
    for m in _HXXP_RE.finditer(work.text):
        canon = "https://" if m["s"] else "http://"
        if m[0].lower() != canon:
            start, end = m.span()
            groups.append(("hxxp", start, end, [(start, end, canon)]))
    work.apply(groups)


_FINANCIAL: Final = frozenset("零〇壹贰貳叁參肆伍陆陸柒捌玖")
_HOST_DOT: Final = r"(?:[\[(（【［{｛]\s?)?(?:\.|。|点|點)"
_CJK_IN_HOST_RE: Final = re.compile(
    rf"[{_CJK_NUM_CLASS}]{{1,6}}(?=[A-Za-z0-9\-][A-Za-z0-9\-{_CJK_NUM_CLASS}]{{0,62}}{_HOST_DOT}"
    r"[A-Za-z\])）】］}｝])"
    rf"|(?<=[A-Za-z0-9\-])[{_CJK_NUM_CLASS}]{{1,6}}(?=\s?{_HOST_DOT}\s?[\])）】］}}｝]?\s?[A-Za-z])"
)
"""Chinese numerals that begin, sit inside or end a host's name (``玖玖玖玖eth点com``,
``陆brentwoodd.ml``, ``kundun壹零陆玖.com``): a run of two, a financial form, or one after an
ASCII letter, digit or hyphen."""


_HOST_CHAR_RE: Final = re.compile(r"[A-Za-z0-9\-./]")


def cjk_numeral_pass(work: Work) -> None:
    """Runs of >= 5 digits with >= 2 Chinese numerals (``1三8一2三4五``) -> ASCII digits, and
    numerals written into a host's name (``玖玖玖玖eth点com`` -> ``9999eth点com``)."""
    groups: list[Group] = []
    text = work.text
    for m in _CJK_IN_HOST_RE.finditer(text):
        run = m[0]
        if (
            len(run) >= 2
            or all(c in _FINANCIAL for c in run)
            or _HOST_CHAR_RE.match(text, m.start() - 1) is not None
        ):
            start, end = m.span()
            groups.append(("cjk_numeral", start, end, [(start, end, run.translate(_CJK_TABLE))]))
    work.apply(groups)
    groups = []
    for m in _CJK_RUN_RE.finditer(work.text):
        run = m[0]
        folded = run.translate(_CJK_TABLE)
        if sum(a != b for a, b in zip(run, folded, strict=True)) >= 2:
            start, end = m.span()
            groups.append(("cjk_numeral", start, end, [(start, end, folded)]))
    work.apply(groups)
    groups = []
    for m in _COUNTRY_CODE_RE.finditer(work.text):
        code = m["cc"]
        if not code.isdigit():
            start, end = m.span("cc")
            groups.append(("cjk_numeral", start, end, [(start, end, code.translate(_CJK_TABLE))]))
    work.apply(groups)


_REVERSED_ID_RE: Final = re.compile(r"[A-Za-z0-9_\-+]*[0-9][A-Za-z0-9_\-+]*")
"""One id or number alone in an override (``\u202e31pivnaiq\u202c`` shows ``qianvip13``): it
is read as shown, never stored reversed."""
_OVERRIDE_RE: Final = re.compile(
    "\u202e([^\u202a-\u202e\u2066-\u2069\n]{1,500})(?:\u202c|(?=\n)|$)"
)


def bidi_pass(work: Work) -> None:
    """Text after a right-to-left override shows reversed: ``\u202eten.topedroloc`` reads
    ``colordepot.net`` on screen, so it is reversed here too (up to its pop or the line's end)
    when only the reversed text names a host; otherwise the override is noise around a host
    written plainly and the character pass deletes it."""
    groups: list[Group] = []
    text = work.text
    for m in _OVERRIDE_RE.finditer(text):
        start, end = m.span()
        body = m[1]
        kept = body.rstrip()  # trailing blanks show at the line's end (Unicode bidi rule L1)
        flipped = kept[::-1] + body[len(kept) :]
        before = text[_host_head(text, start) : start]  # ``metalcasino.\u202emoc`` shows .com
        if (names_host(_look(before + flipped)) and not names_host(_look(before + body))) or (
            not before and _REVERSED_ID_RE.fullmatch(body) and not names_host(body)
        ):
            groups.append(("bidi", start, end, [(start, end, flipped)]))
    work.apply(groups)


def _look(text: str) -> str:
    """``text`` with look-alike letters read as Latin (``ꓟꓳꓚ.ꓐꓴꓡꓚ`` under an override is
    reversed the same as ``moc.bulc``), for the test of which way names a host."""
    return text if text.isascii() else text.translate(tables().homoglyph)


def _host_head(text: str, end: int) -> int:
    """Where the run of host characters that ends at ``end`` starts (at most 253 back)."""
    start = end
    while start > 0 and end - start < 253:
        char = text[start - 1]
        if not (char.isascii() and (char.isalnum() or char in ".-")):
            break
        start -= 1
    return start


_DOTTED_RE: Final = re.compile(r"[A-Za-z0-9\-]{1,63}(?:\.[A-Za-z0-9\-]{1,63}){1,8}")


def names_host(text: str) -> bool:
    """Whether a dotted token in ``text`` ends in a known public suffix."""
    return any(has_known_suffix(m[0].lower()) for m in _DOTTED_RE.finditer(text))


ROMAN_RE: Final = re.compile(f"[{chr(ROMAN_FIRST)}-{chr(ROMAN_LAST)}]+")


def roman_pass(work: Work) -> None:
    """Roman numerals are numbers (``betⅧⅧⅧ`` -> ``bet888``, never ``betviiiviiiviii``;
    ``hⅠfranchise`` -> ``h1franchise``), except a lone fifty, hundred, five hundred or thousand
    among letters, which stands for its letter (``Ⅽasino``)."""
    text = work.text
    groups: list[Group] = []
    for m in _ROMAN_PARTS_RE.finditer(text):
        run, (start, end) = m[0], m.span()
        letters = unicodedata.normalize("NFKC", run)
        if _small_letters(text, run, start, end):
            groups.append(("nfkc", start, end, [(start, end, letters)]))
            continue
        small = (unicodedata.numeric(run[0], 0) or 0) <= 12
        near_digit = text[start - 1 : start].isdigit() or text[end : end + 1].isdigit()
        if len(run) > 1 or small or near_digit:
            values = [unicodedata.numeric(char, None) for char in run]
            folded = "".join(str(int(v)) for v in values if v is not None)
        else:
            folded = letters if letters.isascii() else ""
        if folded:
            groups.append(("nfkc", start, end, [(start, end, folded)]))
    work.apply(groups)


_SMALL_ROMAN_LETTERS: Final = frozenset("ⅰⅴⅹⅼⅽⅾⅿ")
"""Small Roman numerals that are one letter each: written among small letters they are those
letters (``eⅼⅼⅰptⅰⅽaⅼ.ⅽoⅿ``, ``kⅰⅿsaⅨⅧ``), never the numbers 50 50 1."""


_ROMAN_PARTS_RE: Final = re.compile(
    f"[{''.join(sorted(_SMALL_ROMAN_LETTERS))}]+|[{chr(ROMAN_FIRST)}-{chr(ROMAN_LAST)}]+?"
    f"(?=[{''.join(sorted(_SMALL_ROMAN_LETTERS))}]|[^{chr(ROMAN_FIRST)}-{chr(ROMAN_LAST)}]|$)"
)
"""Roman runs, the small one-letter numerals apart from the rest (``Ⅷⅼⅰⅴ``: 8, then letters)."""


def _small_letters(text: str, run: str, start: int, end: int) -> bool:
    """A run of :data:`_SMALL_ROMAN_LETTERS` glued to a small ASCII letter, a dot or a Roman
    numeral of another case (``ⅰⅨbet``: the small one is the letter, the capital the digit)."""
    if not set(run) <= _SMALL_ROMAN_LETTERS:
        return False
    around = text[start - 1 : start] + text[end : end + 1]
    if any(
        ch == "." or (ch.isascii() and ch.islower()) or ROMAN_FIRST <= ord(ch) <= ROMAN_LAST
        for ch in around
    ):
        return True
    lo, hi = start, end  # ``ⅰ9bet76``, ``ⅽ54bb``: the token holds small letters too
    while lo > 0 and start - lo < 64 and _in_token(text[lo - 1]):
        lo -= 1
    while hi < len(text) and hi - end < 64 and _in_token(text[hi]):
        hi += 1
    return any(ch.isascii() and ch.islower() for ch in text[lo:hi])


def _in_token(char: str) -> bool:
    return (char.isascii() and (char.isalnum() or char in ".-")) or (
        ROMAN_FIRST <= ord(char) <= ROMAN_LAST
    )


_WEAK_KINDS: Final = frozenset({"word", "weak", "spaced_emoji", "spacedot"})
"""Separators that still read as a dot where the prose rules say no (``ebarus dot me``,
``brca。be``, ``fuckxxx .blue``); not ``、`` (a Chinese list: ``xxx、xxx``) nor ``. `` (a
sentence end)."""


_CUE_WORDS: Final = frozenset(
    {"v", "vx", "wx", "q", "qq", "tg", "wa", "line", "wechat", "weixin", "telegram", "whatsapp"}
)


_CUE_EMOJI_RE: Final = re.compile("[🐧✈🛩🛫🛬]")
"""Emoji that name a messenger (``🐧 is 563500`` offers a QQ number): a cue, never a dot."""


def _weak_ok(text: str, left: str, end: int) -> bool:
    """A weak fold needs a name of two or more characters that is no messenger cue (``v➕ bet_66``
    is a WeChat id), and nothing after the TLD that continues a handle (``_``, ``@``)."""
    return (
        len(left) >= 2 and left.lower() not in _CUE_WORDS and text[end : end + 1] not in ("_", "@")
    )


def _guessed_sentence_dot(text: str, sep: tuple[int, int, str], pair: list[str]) -> bool:
    """``saonidh. world``: when guessing, ``. `` (plain spaces) is a dot between a label ending
    in a small letter or digit and a lower-case TLD of four or more letters, the shape the
    pre-check lets through (``cwa. mz`` stays a sentence end)."""
    start, end, kind = sep
    left, tld = pair[0], pair[-1]
    return (
        kind == "dotspace"
        and text[start + 1 : end].strip(" ") == ""
        and (left[-1:].islower() or left[-1:].isdigit())
        and len(tld) >= 4
        and tld.isalpha()
        and tld.islower()
    )


def _sep_kind(sep: str) -> str:
    core = sep.strip()
    if core == ".":
        if sep == ".":
            return "plain"
        return "spacedot" if sep[0].isspace() else "dotspace"
    if core.lower() == "dot" or core == "点" or core[:1] in "[({（【":
        return "word" if core.lower() == "dot" else "strong"
    if core != sep and "." not in core and ord(core[0]) >= 0x25A0:
        return "spaced_emoji"
    return "list" if core == "、" else "weak"


def _acceptable(kind: str, left: str, tld: str, cjk: bool) -> bool:
    """Whether a separator of ``kind`` after label ``left`` in a host ending in ``tld`` is a dot.

    ``、`` lists words in Chinese (``学习java、ai``), so it needs a digit or a spam TLD; ``. ``
    ends sentences; ``。``, ``丶``, ``·``, emoji and `` dot `` accept any plausible host.
    """
    if kind in ("plain", "strong"):
        return True
    if kind == "spacedot":
        hosty = any(c.isdigit() or c == "-" for c in left) and len(left) >= 2
        return hosty or (len(left) >= 2 and tld.lower() in COMMON_TLDS and not tld.istitle())
    if kind == "spaced_emoji":
        return cjk or is_weird_case(left) or any(c.isdigit() for c in left)
    low = left.lower()
    if kind == "word" and low in _STOPWORDS:
        return False
    if low == "www":
        return True
    if kind == "dotspace":
        return len(left) >= 2 and tld.lower() in COMMON_TLDS and not tld.istitle()
    if kind == "list":
        mixed = not left.isdigit() and any(c.isdigit() for c in left)
        return mixed or (len(left) >= 2 and tld.lower() in COMMON_TLDS)
    if len(left) >= 2 and any(c.isdigit() or c == "-" for c in left):
        return True
    if sentence_break(left, tld):
        return False
    return plausible_words_host(left, tld, min_left=CJK_WORD_HOST_MIN if cjk else WORD_HOST_MIN)


_ID_GOES_ON: Final = re.compile(r"_[A-Za-z0-9]")


def _stop_then_spaced(work: Work, sep: tuple[int, int, str], label: tuple[int, int]) -> bool:
    """A full stop and a space, then letters written apart (``IN DAYS. I O £250``): a sentence
    ends and another begins; the letters joined are no TLD of the word before the stop."""
    start, end, _ = sep
    text = work.text
    return (
        text[start] in ".。"
        and text[end - 1].isspace()
        and work.touched("spaced_letters", label[0], label[1])
    )


def spelled_dot_pass(work: Work) -> None:
    """`` dot ``, ``[.]``, ``点``, ``。`` between host labels -> ``.`` if a TLD ends the host."""
    text = work.text
    groups: list[Group] = []
    for m in _CHAIN_RE.finditer(text):
        if _ID_GOES_ON.match(text, m.end()):
            continue  # ``WeChat➡️vip_0433``: the last label starts an id, it is no TLD
        labels: list[tuple[int, int]] = []
        seps: list[tuple[int, int, str]] = []
        pos = m.start()
        while pos < m.end():
            label = _LABEL_RE.match(text, pos, m.end())
            if label is None:
                break
            labels.append(label.span())
            sep = _SEP_RE.match(text, label.end(), m.end())
            if sep is None or _LABEL_RE.match(text, sep.end(), m.end()) is None:
                break
            seps.append((sep.start(), sep.end(), _sep_kind(sep[0])))
            pos = sep.end()
        words = [text[a:b] for a, b in labels]
        tlds = [w for j, w in enumerate(words) if j and _ends_suffix(words, j)]
        cjk = bool(tlds) and cjk_near(text, m.start(), m.end())
        after_scheme = text.endswith("://", 0, m.start())
        emoji_seps = any(kind in ("weak", "spaced_emoji") for _, _, kind in seps)
        decor = _decorations(text, labels, seps, words) if emoji_seps else frozenset()
        first = 0
        for k in range(1, len(labels) + 1):
            if (
                k < len(labels)
                and tlds
                and k - 1 not in decor
                and not _stop_then_spaced(work, seps[k - 1], labels[k])
            ):
                if after_scheme or _acceptable(seps[k - 1][2], words[k - 1], tlds[-1], cjk):
                    continue
                if _suffix_pair(words[k - 1], words[k]):
                    continue
            group = _dotted(text, labels[first:k], seps[first : k - 1], words[first:k])
            if group is not None:
                groups.append(group)
                name = _name_before_number(text, words[first], labels[first][0])
                if name is None and k - first == 2 and seps[first][2] == "word":
                    name = _name_before_word(text, words[first], labels[first][0])
                if name is not None:
                    groups.append(("ambiguous_host", name, group[2], []))
                if emoji_seps and _emoji_split(text, seps, words):
                    groups.append(("split_word", group[1], group[2], []))
            elif (
                work.weak
                and k == len(labels) - 1
                and k - 1 not in decor
                and _ends_suffix(words, k)
                and (
                    seps[k - 1][2] in _WEAK_KINDS
                    or (work.guess and _guessed_sentence_dot(text, seps[k - 1], words[k - 1 :]))
                )
                and _weak_ok(text, words[k - 1], labels[k][1])
                and not _CUE_EMOJI_RE.search(text, seps[k - 1][0], seps[k - 1][1])
                and not text.startswith(":", labels[k][1])  # ``hi 👉 tg://``: a scheme
            ):
                a, b, _ = seps[k - 1]
                groups.append(("weak_dot", labels[k - 1][0], labels[k][1], [(a, b, ".")]))
            first = k
    work.apply(groups)


_NAME_BEFORE: Final = re.compile("(?:^|(?<=[^A-Za-z0-9.\\-]))[A-Za-z][A-Za-z0-9]{2,30} $")
_PLAIN_WORDS: Final = words(
    "visit goto see open check try site website web login url link address from via use type "
    "search enter and the our my new old at on to is www http https"
)
"""Words a number after them does not belong to (``visit 163 . com`` is ``163.com``)."""


def _name_before_number(text: str, first: str, start: int) -> int | None:
    """``luckyclub 359 . com``: a host whose first label is a number, with a name one space
    before it. Read with the name (``luckyclub359.com``) or without it (``359.com``), both are
    plausible; where the name starts, so the whole is flagged ``ambiguous_host``."""
    if not first.isdigit() or len(first) > 6:
        return None
    m = _NAME_BEFORE.search(text, max(0, start - 32), start)
    word = m[0].strip().lower() if m is not None else ""
    if m is None or word in _PLAIN_WORDS or word in COMMON_WORDS:
        return None
    return m.start()


_SPELLED_PROSE: Final = words(
    "out into onto about over under with me us you him her them it called named say said "
    "email mail write text call find follow reach join like love hate use using"
)
"""Words that end a sentence's part before a spelled host (``find us at shop dot com``)."""


def _name_before_word(text: str, first: str, start: int) -> int | None:
    """``daf awin dot com``, ``asian xxxtv dot com``: a host spelled with `` dot `` whose name
    has a word one space before it that is no word of the sentence around it. Read with the word
    (``dafawin.com``) or without it (``awin.com``), a reader cannot tell which; where the word
    starts, so the whole is flagged ``ambiguous_host`` and a person reads it."""
    if not first.isalnum():
        return None
    m = _NAME_BEFORE.search(text, max(0, start - 32), start)
    if m is None:
        return None
    word = m[0].strip().lower()
    if word in _PLAIN_WORDS or word in COMMON_WORDS or word in _SPELLED_PROSE:
        return None
    return m.start()


_CUE_BEFORE: Final = re.compile(f"(?:{'|'.join(CUES)}){ID_WORD}{SEP_CHARS}{{0,3}}$")


def _emoji_only(sep: str) -> bool:
    core = sep.strip()
    return bool(core) and all(ord(c) >= 0x2190 and c not in DOT_CHARS for c in core)


def _decorations(
    text: str, labels: list[tuple[int, int]], seps: list[tuple[int, int, str]], words: list[str]
) -> frozenset[int]:
    """Emoji separators that decorate rather than dot: after a host that is already whole
    (``palmerbet.com 🔥 VIP``, ``bet.com 👉 cn``), after a path (``24/7 👉 bet.com``,
    ``t.me/x 👉 VIP``), after a messenger cue's id (``QQ：5351722 🔥 VIP``) or a phone number
    (``电话 13812345678 💰 win``). Reading them as dots would lose the host or the id that is
    really there."""
    found: set[int] = set()
    start = labels[0][0]
    for i, (a, b, kind) in enumerate(seps):
        if kind not in ("weak", "spaced_emoji") or not _emoji_only(text[a:b]):
            continue
        whole = any(k == "plain" for _, _, k in seps[:i]) and _ends_suffix(words, i)
        pathy = i == 0 and text[start - 1 : start] in ("/", "\\")
        cued = i == 0 and _CUE_BEFORE.search(text, max(0, start - 24), start) is not None
        number = i == 0 and words[0].isdigit() and len(words[0]) >= 7  # a phone or QQ number
        if whole or pathy or cued or number:
            found.add(i)
    return frozenset(found)


def _emoji_split(text: str, seps: list[tuple[int, int, str]], words: list[str]) -> bool:
    """``fu❤li❤274960``, ``kk73🔥943🔥vip``: one emoji repeated between pieces, one of them all
    digits, splits an id rather than dotting a host; the reading is a guess (kept if listed)."""
    cores = [text[a:b].strip() for a, b, _ in seps]
    emoji = [c for c in cores if c and c[0] not in DOT_CHARS and ord(c[0]) >= 0x2190]
    return len(emoji) >= 2 and len(set(emoji)) == 1 and any(w.isdigit() for w in words)


def _suffix_pair(label: str, tld: str) -> bool:
    """``co`` + ``za``, ``com`` + ``cn``: a two-label public suffix (no word prose makes)."""
    pair = f"{label}.{tld}".lower()
    return len(label) >= 2 and public_suffix(f"x.{pair}") == pair


def _ends_suffix(words: list[str], j: int) -> bool:
    """Whether a host may end at label ``j``: a TLD, or a two-label suffix (``co.za``)."""
    word = words[j]
    if word.isdigit():
        return False
    return is_tld(word) or (j >= 2 and _suffix_pair(words[j - 1], word))


def _dotted(
    text: str, labels: list[tuple[int, int]], seps: list[tuple[int, int, str]], words: list[str]
) -> Group | None:
    """The spelled-dot group for one segment of acceptable separators, if it ends in a TLD."""
    for j in range(len(labels) - 1, 0, -1):
        if not _ends_suffix(words, j):
            continue
        spelled = [(a, b) for a, b, kind in seps[:j] if kind != "plain"]
        if not spelled:
            return None
        edits: list[Edit] = [(a, b, ".") for a, b in spelled if text[a:b] != "."]
        return ("spelled_dot", labels[0][0], labels[j][1], edits) if edits else None
    return None


_ODD_DOT_GAP_RE: Final = re.compile(
    rf"[ \t\u3000]{{0,2}}(?:[{DOT_EMOJI}{DOT_HOMOPHONES}]\ufe0f?)[ \t\u3000]{{0,2}}"
)
"""A gap of one ball, pictograph or homophone of 点 (the dot when all the other gaps agree)."""


def _gap_value(gap: str, usual: str) -> str:
    """What a gap stands for; a hyphen set off like the letters (``o - h``, ``o^-^h``) is kept."""
    if any(c in _DOT_CHARS for c in gap) or "dot" in gap.lower() or "点" in gap or "點" in gap:
        return "."
    if gap != usual and any(c in _LOOKALIKE_DOTS for c in gap):
        return "."  # ``g l o c i l ⋅ c o m``: the one gap unlike the others holds a dot glyph
    if "@" in gap:
        return "@"
    return "-" if "-" in gap and gap != usual else ""


def _odd_dot(gap: str, usual: str, value: str) -> str:
    """A ball, pictograph or homophone of 点 in the one gap unlike all the others is the dot
    (where several gaps differ, as with emoji of every kind between letters, it is one more)."""
    return "." if gap != usual and _ODD_DOT_GAP_RE.fullmatch(gap) else value


def _rotating(gaps: list[str], values: list[str]) -> bool:
    """``c^o+m-e^b+e-t``: three or more symbols take turns between the letters, the hyphen one of
    them; it sets letters apart like the others and joins no words."""
    return len({g.strip() for g, v in zip(gaps, values, strict=True) if v != "."}) >= 3


def _plausible(candidate: str) -> bool:
    low = candidate.lower()
    if low.startswith(("http://", "https://", "www.")):
        return len(low.split("//", 1)[-1]) > 4
    host = low.rsplit("@", 1)[-1]
    if "." not in host or _HOST_RE.fullmatch(host) is None:
        return False
    domain = registrable_domain(host)
    return domain is not None and len(domain.split(".", 1)[0]) >= 2


def _second_level(name: str, tld: str) -> int:
    """Where a second-level public suffix starts in ``name`` (``betcom`` + ``cn`` -> 3), or 0."""
    for label in _SECOND_LEVEL:
        cut = len(name) - len(label)
        if cut >= 2 and name.lower().endswith(label):
            suffix = f"{label}.{tld.lower()}"
            if public_suffix(f"x.{suffix}") == suffix:
                return cut
    return 0


def _symbol_triple(units: int, gaps: list[str], values: list[str]) -> bool:
    """``p_a_f.com``, ``m^p^i.gov``: three letters split by one repeated symbol, then a dot."""
    inner = set(gaps[:-1])
    if units != 3 or len(inner) != 1 or values[-1] != ".":
        return False
    sep = next(iter(inner))
    return len(sep) == 1 and not sep.isspace() and sep not in "-."


_SPELLED_NAMES: Final = words(
    "whatsapp telegram wechat weixin instagram facebook snapchat signal skype viber kakaotalk "
    "tiktok youtube twitter onlyfans"
)
"""Apps whose names spammers space out as cues (``W h a t s A p p +852 …``): joined as the name,
never split at a TLD (``whats.app`` names no site the writer meant)."""


_LABEL_MAX: Final = 63
"""The longest a DNS label, a TLD too, may be."""


def _collapse(tokens: list[str], gaps: list[str]) -> list[str] | None:
    """Gap replacements that turn the spaced tokens into a host, or None if none does."""
    usual = Counter(gaps).most_common(1)[0][0]
    values = [_gap_value(g, usual) for g in gaps]
    if len(set(gaps)) == 2:  # ``m y b a b y ◉ c o m``, ``h b 8 8 p 碘 c o m``
        values = [_odd_dot(g, usual, v) for g, v in zip(gaps, values, strict=True)]
    if "-" in values and _rotating(gaps, values):
        values = ["" if v == "-" else v for v in values]
    units = sum(len(t) == 1 for t in tokens)
    uniform = len(set(gaps)) == 1 and len(gaps[0]) == 1
    if uniform and units >= 6:
        joined = "".join(tokens)
        if joined.lower() in _SPELLED_NAMES:
            return [""] * len(gaps)
        bounds = list(accumulate(len(t) for t in tokens[: len(gaps)]))  # each gap in joined
        for i in range(len(bounds)):
            if len(joined) - bounds[i] > _LABEL_MAX:
                continue  # no TLD is that long: a run of thousands of letters is not sliced
            name, tld = joined[: bounds[i]], joined[bounds[i] :]
            if len(name) < 2 or tld.isdigit() or not is_tld(tld):
                continue
            if tld.lower() in COMMON_TLDS or any(c.isdigit() for c in name):
                dots = {bounds[i], _second_level(name, tld)}
                if joined[:3].lower() == "www" and bounds[i] > 4:
                    dots.add(3)
                return ["." if b in dots else "" for b in bounds]
    if units < 4 and len(tokens[0]) == 1 and not _symbol_triple(units, gaps, values):
        return None
    candidate = tokens[0] + "".join(v + t for v, t in zip(values, tokens[1:], strict=True))
    return values if _plausible(candidate) else None


def spaced_pass(work: Work) -> None:
    """``w w w . b e t 8 8 8 . c o m``, ``b🎲e🎲t``, ``b-e-t-8-8-8 .com`` -> ``bet888.com``."""
    text = work.text
    groups: list[Group] = []
    for m in _SPACED_RE.finditer(text):
        spans = [u.span() for u in _UNIT_RE.finditer(text, m.start("run"), m.end("run"))]
        if len(spans) < 6 and not m["lead"] and _HOSTY_RE.search(m[0]) is None:
            continue
        heads = [True, False] if m["lead"] and m["lg"] else [False]
        tails = [[m.span("tail")], []] if m["tail"] else [[]]
        options = ((head, tail) for head in heads for tail in tails)
        found = (_spaced_group(text, head, spans, tail, m) for head, tail in options)
        group = next((g for g in found if g is not None), None)
        retry = group is None and 6 < len(spans) <= _RETRY_UNITS
        for drop in range(1, _MOST_DROPPED + 1) if retry else ():
            # ``g a t e 7 7 7 . c o m T&C``: spaced text running on past the host
            group = _spaced_group(text, False, spans[:-drop], [], m)
            if group is not None:
                break
        if group is not None:
            groups.append(group)
    work.apply(groups)


_MOST_DROPPED: Final = 3
"""Single letters after a spaced host that the spaced-letters pass may leave out of it."""
_RETRY_UNITS: Final = 64
"""Only runs this short are retried without their last letters (a bound on the work)."""


def _spaced_group(
    text: str,
    head: bool,
    spans: list[tuple[int, int]],
    tail: list[tuple[int, int]],
    m: re.Match[str],
) -> Group | None:
    """The group collapsing the units (with or without lead and tail word), if plausible."""
    tokens_spans = ([m.span("lead")] if head else []) + spans + tail
    if len(tokens_spans) < 2:
        return None
    gap_spans = [(a[1], b[0]) for a, b in pairwise(tokens_spans)]
    tokens = [text[a:b] for a, b in tokens_spans]
    gaps = [text[a:b] for a, b in gap_spans]
    if any(not g for g in gaps):
        return None
    values = _collapse(tokens, gaps)
    if values is None:
        return None
    edits: list[Edit] = [
        (a, b, v) for (a, b), g, v in zip(gap_spans, gaps, values, strict=True) if g != v
    ]
    return ("spaced_letters", tokens_spans[0][0], tokens_spans[-1][1], edits) if edits else None


def spelled_at_pass(work: Work) -> None:
    """``bob [at] gmail.com``, ``bob#gmail.com``, ``bob at gmail dot com`` -> ``bob@gmail.com``."""
    text = work.text
    groups: list[Group] = []
    for m in _AT_RE.finditer(text):
        labels = m["host"].split(".")
        host_end = m.end()
        while len(labels) >= 2 and not has_known_suffix(".".join(labels)):
            host_end -= len(labels.pop()) + 1
        if len(labels) < 2:
            continue
        if m["bare"] and not _bare_at_ok(work, m, labels, host_end):
            continue
        start, end = m.span("at")
        groups.append(("spelled_at", m.start(), host_end, [(start, end, "@")]))
    work.apply(groups)


def _bare_at_ok(work: Work, m: re.Match[str], labels: list[str], host_end: int) -> bool:
    """`` at `` is an English word: it spells ``@`` only before a spelled-out host and after a
    local part that no sentence has (``kefu88``, ``john.doe``) or before a mail provider."""
    if not work.touched("spelled_dot", m.start("host"), host_end):
        return False
    if _MAILISH_LOCAL_RE.search(m["local"]) is not None:
        return True
    domain = registrable_domain(".".join(labels))
    return domain is not None and domain.split(".", 1)[0].lower() in _WEBMAIL
