"""Defanging undone: the ways security writers and spammers break a host so no linkifier sees it.

``bet888[.com``, ``bet888.]com``, ``bet888].[com``, ``bet888\\.com``, ``bet888DOTcom``,
``bet888-dot-com``, ``host[/]path``, ``bet[-]888``, ``bet888 punto com``, ``info arroba
bet888.com``, and top-level domains written with digits (``bet888.c0m``). Each fold needs an ASCII
letter or digit on both sides, so brackets, backslashes and foreign words in prose stay as they
are; a fold that builds no host leaves nothing a finder reports (a host needs a known suffix).
Top-level domains spelt with digits are :mod:`bastion.normalize.leet`'s.
"""

from __future__ import annotations

import re
from typing import Final

from bastion.normalize import leet
from bastion.normalize.hostwords import COMMON_TLDS, cjk_near, words
from bastion.normalize.result import Group, Work
from bastion.normalize.rules import names_host
from bastion.suffixes import is_tld

_AN: Final = "A-Za-z0-9"


def _longest_first(*words: str) -> tuple[str, ...]:
    """``words`` longest first, so an alternation of them takes ``punkts`` whole, not ``punkt``."""
    return tuple(sorted(words, key=lambda w: (-len(w), w)))


BRACKETS: Final = "\\[\\](){}<>（）【】「」〔〕《》〈〉『』［］｛｝〖〗"
_BRACKET_SET: Final = frozenset("[](){}<>（）【】「」〔〕《》〈〉『』［］｛｝〖〗")

DOT_WORDS: Final = _longest_first(
    "punto",  # es, it
    "punkt",  # de, pl, nordic
    "ponto",  # pt
    "nokta",  # tr
    "kropka",  # pl
    "tochka",
    "точка",  # ru
    "dian",  # pinyin of 点
    "cham",
    "chấm",  # vi
    "d0t",
    "titik",  # id, ms
    "จุด",  # th
    "tečka",  # cs
    "tecka",
    "bodka",  # sk
    "tuldok",  # tl
    "τελεία",  # el
    "diǎn",  # pinyin with its tone mark or number
    "diăn",
    "diàn",
    "dián",
    "diān",
    "dian3",
    "точку",  # ru, accusative
    "נקודה",  # he
    *("punct", "punkto", "puntu", "ponc", "pwynt", "punktur", "punkts"),  # ro eo eu ga cy is lv
    *("točka", "tocka", "tačka", "tacka", "taškas", "taskas", "pikë"),  # hr sl sr lt sq
    *("nuqta", "nöqtə", "noqta", "nokat", "nukta"),  # uz az tk sw/ur
    *("крапка", "кропка", "цэг", "нүкте", "чекит", "нуқта"),  # uk be mn kk ky tg
    *("წერტილი", "կետ", "ነጥብ", "ڈاٹ", "نقطہ"),  # ka hy am ur
    *("ចុច", "ຈຸດ", "အစက်", "තිත", "புள்ளி", "చుక్క", "ಚುಕ್ಕೆ", "ബിന്ദു", "बिंदु", "बिंदू"),
    *("tiám", "tiàm", "tiam2", "tiǎn", "tiăn", "tien3", "tian3", "dim2", "dyan3", "điểm"),
)
"""Words for "dot" that the spelled-dot pass does not know; folded to ``dot`` so its host rules
(a TLD after, no stop word before) decide. Besides the languages' own words, 点 romanised other
ways: Min Nan (``tiám``, ``tiam2``), Wade-Giles (``tien3``), Cantonese (``dim2``), Vietnamese
(``điểm``), each with the tone that makes it no English word."""
_PROSE_DOT_TLDS: Final = "|".join(
    sorted(COMMON_TLDS | words("co me tv fun win bet live pro xxx porn"))
)
_ROMANISED_DOTS: Final = "dim|diem|tien|tiam|tian|dyen|dyan|啲"
"""点 romanised without a tone (Cantonese ``dim`` and its ``啲``, Wade-Giles ``tien``, Min Nan
``tiam``, Vietnamese ``diem``): English words, names, and unaccented Vietnamese (``tien`` is
money, ``tien co`` prose), so not before ``co``, ``me``, ``tv`` or ``pro``."""
_ROMANISED_DOT_TLDS: Final = "|".join(
    sorted(set(_PROSE_DOT_TLDS.split("|")) - {"co", "me", "tv", "pro"})
)
PROSE_DOT_LIST: Final = (
    f"decimal ?point|period|full ?stop|punt|pont|piste|pika|tikka|{_ROMANISED_DOTS}"
)
"""Words for the full stop that prose also uses (``period``, nl ``punt``, fr ``point``/``piste``,
sl/fi ``pika``, mt ``tikka``) and :data:`_ROMANISED_DOTS`."""
PROSE_DOT_WORDS: Final = (
    rf"(?:(?:decimal ?point|period|full ?stop|punt|pont|piste|pika|tikka)"
    rf"(?=\s{{1,2}}(?:{_PROSE_DOT_TLDS})(?![A-Za-z0-9\-]))"
    rf"|(?:{_ROMANISED_DOTS})(?=\s{{1,2}}(?:{_ROMANISED_DOT_TLDS})(?![A-Za-z0-9\-])))"
)
"""The words of :data:`PROSE_DOT_LIST`: a dot only right before a TLD spammers use (Chinese may
follow it, ``dim com搵我哋``)."""
PROSE_DOT_TRIGGER: Final = rf"\s(?i:(?:{PROSE_DOT_LIST})\s{{1,2}}(?:{_PROSE_DOT_TLDS}))"
"""RE2: where a word of :data:`PROSE_DOT_LIST` may be a dot (the gates' clause)."""
CJK_DOT_WORDS: Final = (
    "ドット|どっと|ピリオド|てん|テン|닷|쩜|점|小圆点|圆点|小数点|句点|句号|小圓點|圓點|小數點|句點|句號"
    "|डॉट|डोट|ডট|ডট্|نقطة|نقطه|دات|دوت|ดอท|ด็อท|тчк|дот"
    "|点儿|點兒|小点|小點|加个点|加個點|加一个点|加一個點|中间一个点|中間一個點|中间加点|中間加點"
    "|一个点|一個點|ㄉㄧㄢˇ|ㄉㄧㄢ|上占下灬|占[+＋]灬|占灬"
)
"""Non-Latin names of the full stop, read glued or spaced between host parts: Japanese
(``ドット``, ``どっと``, ``てん``), Korean (``닷``, ``쩜``, ``점``), Chinese, Hindi and Bengali
(``डॉट``, ``ডট``), Arabic and Persian (``نقطة``, ``نقطه``, ``دوت``), Thai (``ดอท``), Russian
shorthand (``тчк``, ``дот``); and the Chinese dot said with a measure word or as erhua
(``加个点``, ``中间一个点``, ``點兒``, ``小点``); 点 in Zhuyin (``ㄉㄧㄢˇ``) or split into its
parts (``占灬``, ``上占下灬``)."""
_CJK_DOT_FIRST: Final = "ドどピてテ닷쩜점小圆句圓डডندดт点點加中一ㄉ占上"
_DECORATED_DOT: Final = r"[•·*~=\-_]"
"""Symbols put around a spelled ``dot`` (``x •dot• com``, ``x dot- com``): part of the dot."""
AT_WORDS: Final = ("arroba", "chiocciola", "klammeraffe", "sobaka", "собака", "arobase")
"""Words for "@" (es/pt, it, de, ru, fr): no prose puts them between two address parts."""

DOT_CORE: Final = (
    rf"(?:\.|(?i:dot|point|{'|'.join(DOT_WORDS)}|{PROSE_DOT_LIST})|点|點|。|ドット|닷)"
)
"""A dot or its word, as it stands in brackets (``[pika]``: there no prose word is meant)."""
SPAM_TLDS: Final = "com|net|org|cn|top|vip|xyz|cc|club|info|site|shop|online|app"
STAND_IN_TLDS: Final = f"{SPAM_TLDS}|xxx|porn|sex|adult|bet|casino|win|live|io|ru|su|tv|biz|pro"
"""After a comma, ``*`` or ``__`` (``pornbb,org``, ``interracialporn,xxx``, ``site__com``) only
TLDs that no English word sits beside (not ``in``, ``me``, ``us``). A single ``_`` is not a dot:
handles use it (``tg_casino_vip``)."""
"""Lower-case TLDs that a stand-in dot may precede: ``bet888,com``, ``bet888*com``,
``bet888 com`` (a space as the dot needs a name with letters and digits, or Chinese beside)."""
_DEFANG_FIRST: Final = rf"[\s{BRACKETS}.\\Dd\-_pPnNkKtTтcC点點。ドット닷圈,，*#^~|{_CJK_DOT_FIRST}]"
"""Every character a match of ``_DEFANG_RE`` can start with: a class test rejects the other
positions before the look-behind and the long alternation are tried."""
_DEFANG_RE: Final = re.compile(
    rf"(?={_DEFANG_FIRST})(?<=[{_AN}])(?:"
    rf"(?P<dot>[ ]?(?:[{BRACKETS}]{{1,3}}[ ]?{DOT_CORE}[ ]?[{BRACKETS}]{{0,3}}"
    rf"|{DOT_CORE}[ ]?[{BRACKETS}]{{1,3}})[ ]?)"
    rf"|(?P<punct>[ ]?[{BRACKETS}]{{1,2}}[ ]?(?:\/\/|\/|@|-|_|:)[ ]?[{BRACKETS}]{{1,2}}[ ]?)"
    r"|\\(?P<escaped>[./:@\-])"
    r"|(?P<glued>DOT|Dot)(?=[a-z0-9])"
    r"|(?P<dashed>(?P<d1>[-_.])(?:[Dd][Oo0][Tt])(?P=d1))"
    rf"|(?P<word>\s{{1,2}}(?i:{'|'.join(DOT_WORDS)}|point(?=\s{{1,2}}(?:com|net|org)\b)"
    rf"|{PROSE_DOT_WORDS})\s{{1,2}})"
    rf"|(?P<cjkword>[ ]{{0,2}}(?:{CJK_DOT_WORDS})[ ]{{0,2}})"
    rf"|(?P<decorated>[ ]{{1,2}}(?:{_DECORATED_DOT}{{1,2}}(?i:dot){_DECORATED_DOT}{{0,2}}"
    rf"|(?i:dot){_DECORATED_DOT}{{1,2}})[ ]{{1,2}})"
    rf"|(?P<at>\s{{1,2}}(?:{'|'.join(AT_WORDS)})\s{{1,2}}|圈[aA])"
    rf"|(?P<stand_in>\.\.|[,，*#^~|]|__)(?=(?:{STAND_IN_TLDS})(?![{_AN}\-]))"
    rf"|(?P<spaced_tld>[ ]{{1,2}})(?=(?:{SPAM_TLDS})(?![{_AN}\-.]))"
    rf")(?=[{_AN}\/])"
)
_ENTITY_RE: Final = re.compile(
    r"&(?:#0{0,3}(46|47|58|64)|#[xX]0{0,3}(2[eE]|2[fF]|3[aA]|40)"
    r"|(period|sol|colon|commat));?"
)
_ENTITIES: Final = {
    "46": ".", "2e": ".", "period": ".", "47": "/", "2f": "/", "sol": "/",
    "58": ":", "3a": ":", "colon": ":", "64": "@", "40": "@", "commat": "@",
}  # fmt: skip
"""HTML character references for the punctuation of a link (``bet888&#46;com``)."""
_LABEL_BEFORE: Final = re.compile(rf"[{_AN}\-]{{1,63}}$")
_DOT_LIKE: Final = frozenset(".。．点點丶·")
_SPACED_TLD_RE: Final = re.compile(
    rf"(?<=[{_AN}]{{2}})(?:\s{{0,2}}(?:[.。．点點丶·]|[Dd][Oo][Tt]|[\[(]\.[\])])\s{{0,2}})"
    r"(?P<tld>[a-z](?:[ ]{1,2}[a-z0-9]){1,5}|[A-Z](?:[ ]{1,2}[A-Z0-9]){1,5})(?![A-Za-z0-9])"
)
"""``bet888 点 c o m``: the letters of the TLD spaced out after a (spelled) dot that follows a
name (a name spaced out too is the spaced-letters pass's)."""
_SPACED_DOT_WORD_RE: Final = re.compile(
    rf"(?<=[{_AN}]{{2}})\s{{1,2}}(?P<word>[Dd][ .\-_*]{{1,2}}[Oo][ .\-_*]{{1,2}}[Tt])"
    rf"\s{{1,2}}(?=[{_AN}])"
)
"""``bet888 d o t com``: the word ``dot`` spelled with its letters apart."""
_QUOTED_RE: Final = re.compile(
    rf"(?<=[{_AN}\-])(?:[「【(（\[{{<《『〔［](?!(?i:at|dot|{'|'.join(DOT_WORDS)})[」】)）\]}}>》』〕］])"
    rf"(?P<inner>[{_AN}\-]{{1,63}})[」】)）\]}}>》』〕］]"
    rf"|(?<![\"*＂＊][{_AN}])(?P<quote>[\"*＂＊])(?P<quoted>[{_AN}\-]{{1,63}})(?P=quote))"
    rf"(?=[{_AN}\-]{{0,63}}\s{{0,2}}(?:[\[(（【［{{｛]\s?)?(?:\.|。|点|點|(?i:dot)\b))"
)
"""``ca「mteen」.tv``, ``8【664av】点com``, ``p"aypallo"点com``, ``vf45*6*。com``: a piece of the
name set in brackets, quotes or stars, the host going on to its dot after them (not letters
spaced by stars, ``e*b*a*r*u*s.me``: the spaced-letters pass joins those)."""
_SYMBOL_WORDS: Final = {"横线": "-", "星号": "*", "井号": "#", "斜杠": "/", "下划线": "_"}
_DROP: Final = (
    r"(?:去掉|去除|删除|删掉|删去|去)\s{0,2}(?P<sym>[#*＊＃\-_~^|/+=]|横线|星号|井号|斜杠|下划线)"
    r"|(?i:(?:remove|delete|drop)\s{1,2}(?:the\s{1,2}|all\s{1,2})?(?P<sym2>[#*\-_~^|/+=]))"
)
DROP_GATE: Final = re.sub(r"\?P<sym2?>", "?:", _DROP)
"""The drop-a-symbol instruction without its groups (the pre-check's clause)."""
_INSTRUCTION_RE: Final = re.compile(
    r"(?P<remove>去掉中文|去掉汉字|去除中文|删除中文|删掉中文|去中文|去汉字"
    r"|(?i:remove (?:the )?chinese))"
    r"|(?P<reverse>倒过来|反过来|倒着|反着|倒序|(?i:backwards|reversed?))"
    rf"|{_DROP}"
)
"""Instructions a reader follows: drop the Chinese characters, drop a symbol (``topporn#.#com
（去掉#）``, ``(delete #)``), or read the link backwards."""
_CJK_IN_HOST_RE: Final = re.compile(
    rf"(?<=[{_AN}])[\u4e00-\u9fff]{{1,4}}(?=[{_AN}][{_AN}\-]{{0,62}}\.[A-Za-z])"
)
_TOKEN_RE: Final = re.compile(r"[A-Za-z0-9][A-Za-z0-9.\-/?=&]{2,253}[A-Za-z0-9/]")
_SLASH_RE: Final = re.compile(r"\\/")
_ANY_BRACKET: Final = re.compile(f"[{BRACKETS}]")
_SPACED_HINT: Final = re.compile(r"[A-Za-z0-9] [A-Za-z0-9] |(?i:d[ .\-_*]{1,2}o[ .\-_*]{1,2}t)")
"""Cheap tests that skip a scan whose trigger cannot occur (each scan costs a pass over the
text; most texts need one or two of them)."""
_PLUS_RE: Final = re.compile(
    rf"(?<=[{_AN}])(?:\s{{0,2}}[+➕＋]\s{{0,2}}[{_AN}\-]{{1,63}}){{0,5}}\s{{0,2}}[+➕＋]\s{{0,2}}"
    r"(?=\.[A-Za-z])"
)
"""``shakti ➕ exim ➕ .com``: pieces of a name joined by plus signs before the TLD."""
_PLUS_GAP_RE: Final = re.compile(r"\s{0,2}[+➕＋]\s{0,2}")
_PERCENT_RE: Final = re.compile(r"%(?:2[Ee]|2[Ff]|3[Aa]|40)")
"""Percent-escaped link punctuation (``https%3A%2F%2Fbet888%2Ecom``)."""
_PERCENT_PATH_RE: Final = re.compile(r"(?<=/)(?:[A-Za-z0-9_\-.~]{0,32}%[0-9A-Fa-f]{2}){2,128}")
"""A path written in percent escapes (``t.me/%66%61%5F%73``): an escaped unreserved character
(letter, digit, ``_ - . ~``) is that character (RFC 3986's normal form), as a browser shows it;
so is the link punctuation ``_PERCENT_RE`` reads anywhere."""
_UNRESERVED: Final = frozenset(
    b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-.~/:@"
)
"""JSON-escaped slashes (``https:\\/\\/bet888.com\\/reg``)."""

_GATE_DOT: Final = rf"(?:\.|(?i:dot|{'|'.join(DOT_WORDS)}|{PROSE_DOT_LIST})|点|點|。|ドット|닷)"
GATE: Final = (
    rf"[{_AN}\-][「【(（\[{{<《『〔［][{_AN}\-]{{1,63}}[」】)）\]}}>》』〕］]"
    rf"|[{_AN}\-][\"*＂＊][{_AN}\-]{{1,63}}[\"*＂＊]"
    r"|去掉中文|去掉汉字|去除中文|删除中文|删掉中文|去中文|去汉字|倒过来|反过来|倒着|反着|倒序"
    rf"|(?i:remove (?:the )?chinese|backwards|reversed?)|{DROP_GATE}|"
    r"(?:[.。．点點丶·]|(?i:dot)|[\])]) {0,2}(?:[a-z] {1,2}[a-z0-9]|[A-Z] {1,2}[A-Z0-9])"
    r"|[A-Za-z0-9]\s(?i:d[ .\-_*]{1,2}o[ .\-_*]{1,2}t)\s|"
    rf"[{_AN}](?:\.\.|[,，*#^~|]|__)(?:{STAND_IN_TLDS})"
    rf"|[0-9][{_AN}]{{0,8}} {{1,2}}(?:{SPAM_TLDS})|[{_AN}\-]{{4}} {{1,2}}(?:{SPAM_TLDS}) ?[^ -~]"
    rf"|[^ -~] ?[{_AN}\-]{{4,63}} {{1,2}}(?:{SPAM_TLDS})"
    rf"|[A-Za-z0-9] {{0,2}}(?:{CJK_DOT_WORDS})|[A-Za-z0-9]圈[aA]|[+➕＋]\s{{0,2}}\.[A-Za-z]"
    rf"|[A-Za-z0-9] {{1,2}}(?:{_DECORATED_DOT}{{1,2}}(?i:dot)|(?i:dot){_DECORATED_DOT})"
    r"|%(?:2[Ee]|2[Ff]|3[Aa]|40)|/%[0-9A-Fa-f]{2}%|[A-Za-z0-9][\[({]:[\])}]/"
    r"|&(?:#0{0,3}(?:46|47|58|64)|#[xX]0{0,3}(?:2[eE]|2[fF]|3[aA]|40)|period|sol|colon|commat)"
    "|"
    rf"[{_AN}] ?[{BRACKETS}]{{1,3}} ?{_GATE_DOT} ?[{BRACKETS}]{{0,3}} ?[{_AN}]"
    rf"|[{_AN}] ?{_GATE_DOT} ?[{BRACKETS}]{{1,3}} ?[{_AN}]"
    rf"|[{_AN}] ?[{BRACKETS}]{{1,2}} ?(?:/|@|-|_) ?[{BRACKETS}]"
    r"|[A-Za-z0-9]\\[./:@\-]|\\/|[A-Za-z0-9](?:DOT|Dot)[a-z0-9]|[-_.](?i:d[o0]t)[-_.]"
    rf"|\s(?:(?i:{'|'.join(DOT_WORDS + AT_WORDS)})|point\s{{1,2}}(?:com|net|org))\s"
    rf"|{PROSE_DOT_TRIGGER}"
    f"|{leet.GATE}"
)
"""A cheap superset of every trigger of the two passes below (for the unmasker's gate)."""


_HTTP_BEFORE: Final = re.compile(r"(?i:https?)$")
_CLOSERS: Final = ")]}）】"
_OPENERS: Final = "([{（【"


_C_DRAWN_RE: Final = re.compile(r"(?<=\.[(<])[A-Za-z]{1,5}(?![A-Za-z0-9\-])")


def _c_drawn(text: str, end: int) -> bool:
    """``bet888.(om``, ``bet888.<om``: the bracket after the dot is a ``c`` drawn with a symbol
    when a ``c`` before the letters makes a TLD (:mod:`bastion.normalize.leet` reads it); read
    as a defanged dot it would give another host (``bet888.om``)."""
    letters = _C_DRAWN_RE.match(text, end)
    return letters is not None and is_tld("c" + letters[0].lower())


def _closes_phrase(text: str, start: int, core: str) -> bool:
    """``hi (to you). Com on``: a bracket closing an aside of words, then the sentence's full
    stop, is no bracketed dot (``bet(888).com`` and ``bet888(.)com`` are)."""
    if core[:1] not in _CLOSERS or any(c in _OPENERS for c in core):
        return False
    line_start = text.rfind("\n", 0, start) + 1
    opened = max(text.rfind(o, line_start, start) for o in _OPENERS)
    return opened >= 0 and any(c.isspace() for c in text[opened:start])


def defang_pass(work: Work) -> None:
    """Brackets, backslashes and glued or foreign dot words between host parts -> ``.``/``/``."""
    text = work.text
    groups: list[Group] = []
    for m in _DEFANG_RE.finditer(text):
        start, end = m.span()
        kind = m.lastgroup
        if kind == "dot":
            if not _closes_phrase(text, start, m["dot"].strip()) and not _c_drawn(text, end):
                groups.append(("spelled_dot", start, end, [(start, end, ".")]))
        elif kind == "punct":
            core = m["punct"].strip().strip("".join(_BRACKET_SET)).strip()
            if core == ":" and _HTTP_BEFORE.search(text, max(0, start - 5), start):
                continue  # ``http[:]//``: the scheme pass reads it (trick ``hxxp``)
            groups.append(("defang", start, end, [(start, end, core)]))
        elif kind == "escaped":
            if m["escaped"] != "@" or not _in_link(text, start):
                groups.append(("defang", start, end, [(start, end, m["escaped"])]))
        elif kind in ("glued", "dashed", "decorated"):
            groups.append(("spelled_dot", start, end, [(start, end, ".")]))
        elif kind == "word":
            word_start = m.start("word")
            inner = m["word"].strip()
            offset = m["word"].index(inner)
            a, b = word_start + offset, word_start + offset + len(inner)
            groups.append(("spelled_dot", a, b, [(a, b, "dot")]))
        elif kind == "cjkword":
            groups.append(("spelled_dot", start, end, [(start, end, ".")]))
        elif kind == "at":
            groups.append(("spelled_at", start, end, [(start, end, "@")]))
        elif (kind == "stand_in" and _stand_in_ok(text, start)) or (
            kind == "spaced_tld" and _space_is_dot(text, start)
        ):
            groups.append(("spelled_dot", start, end, [(start, end, ".")]))
    quoted = _ANY_BRACKET.search(text) is not None or any(c in text for c in '"*＂＊')
    for m in _QUOTED_RE.finditer(text) if quoted else ():
        start, end = m.span()
        if not _inside(groups, start):
            groups = [g for g in groups if not start <= g[1] < end]
            inner = m["inner"] or m["quoted"]
            groups.append(("spaced_letters", start, end, [(start, end, inner)]))
    instructed = any(char in text for char in "去删倒反") or any(
        word in text for word in ("ever", "emove", "elete", "ackward", "rop")
    )
    for instruction in _INSTRUCTION_RE.finditer(text) if instructed else ():
        symbol = instruction["sym"] or instruction["sym2"]
        if symbol is not None:
            symbol = _SYMBOL_WORDS.get(symbol, symbol)
            groups = [g for g in groups if text[g[1] : g[2]] != symbol]
            groups.extend(_drop_symbol(work, groups, symbol))
        else:
            reverse = instruction["reverse"] is not None
            near = max(0, instruction.start() - 16)
            labelwise = _PER_LABEL_RE.search(text, near, instruction.end() + 8) if reverse else None
            if labelwise:
                begin = min(labelwise.start(), instruction.start())
                end = max(labelwise.end(), instruction.end())
                groups.extend(_reverse_labels(text, groups, begin, end))
            else:
                groups.extend(_follow(text, groups, remove=instruction["remove"] is not None))
        break
    plus = "+" in text or "➕" in text or "＋" in text
    for m in _PLUS_RE.finditer(text) if plus else ():
        start, end = m.span()
        if not _inside(groups, start):
            gaps = [
                (a, b, "") for a, b in (g.span() for g in _PLUS_GAP_RE.finditer(text, start, end))
            ]
            groups.append(("spaced_letters", start, end, gaps))
    for m in _PERCENT_PATH_RE.finditer(text) if "/%" in text else ():
        edits = []
        for k in range(m.start(), m.end()):
            if text[k] == "%" and (code := int(text[k + 1 : k + 3], 16)) in _UNRESERVED:
                edits.append((k, k + 3, chr(code)))
        if len(edits) >= 2 and not _inside(groups, m.start()):
            groups.append(("defang", m.start(), m.end(), edits))
    for m in _PERCENT_RE.finditer(text) if "%" in text else ():
        start, end = m.span()
        if not _inside(groups, start):
            char = bytes.fromhex(text[start + 1 : end]).decode()
            groups.append(("defang", start, end, [(start, end, char)]))
    for m in _ENTITY_RE.finditer(text) if "&" in text else ():
        start, end = m.span()
        key = (m[1] or m[2] or m[3]).lower()
        groups.append(("defang", start, end, [(start, end, _ENTITIES[key])]))
    spaced = _SPACED_HINT.search(text) is not None
    for m in _SPACED_TLD_RE.finditer(text) if spaced else ():
        start, end = m.span("tld")
        joined = m["tld"].replace(" ", "")
        if (joined.lower() in COMMON_TLDS or leet.read_tld(joined)) and not _inside(groups, start):
            groups.append(("spaced_letters", start, end, [(start, end, joined)]))
    for m in _SPACED_DOT_WORD_RE.finditer(text) if spaced else ():
        start, end = m.span("word")
        if not _inside(groups, start):
            groups.append(("spaced_letters", start, end, [(start, end, "dot")]))
    for m in _SLASH_RE.finditer(text) if "\\/" in text else ():
        start, end = m.span()
        if not _inside(groups, start):
            groups.append(("defang", start, end, [(start, end, "/")]))
    groups.sort(key=lambda group: group[1])
    work.apply(groups)


def _follow(text: str, groups: list[Group], *, remove: bool) -> list[Group]:
    """Do what the message tells the reader: drop the Chinese characters inside a host
    (``ran去bux.com（去掉中文）``) or reverse a token that only names a host backwards
    (``moc.on-ekkajnud（倒过来看）``)."""
    found: list[Group] = []
    if remove:
        for m in _CJK_IN_HOST_RE.finditer(text):
            start, end = m.span()
            if not _inside(groups, start):
                found.append(("defang", start, end, [(start, end, "")]))
        return found
    for m in _TOKEN_RE.finditer(text):
        token = m[0]
        if names_host(token[::-1]) and not names_host(token) and not _inside(groups, m.start()):
            start, end = m.span()
            found.append(("bidi", start, end, [(start, end, token[::-1])]))
    for m in _SPACED_CHARS_RE.finditer(text):
        token = m[0][::2]
        if len(set(m[0][1::2])) != 1 or _inside(groups, m.start()):
            continue
        if names_host(token[::-1]) and not names_host(token):
            start, end = m.span()
            found.append(("bidi", start, end, [(start, end, token[::-1])]))
    return found


_PER_LABEL_RE: Final = re.compile(
    r"每段|每节|每一段|每个部分|每部分|各段|逐段|分段|每个单词|每个词"
    r"|(?i:\b(?:each|every|per)\s{1,2}(?:part|label|piece|section|segment|word|chunk)s?\b)"
)
"""The reversal instruction speaks of each label alone (``slegnanaissur.ofni（每段倒着读）``)."""
_LABELS_BEFORE: Final = re.compile(
    r"[A-Za-z0-9\-]{1,63}(?:\.[A-Za-z0-9\-]{1,63}){1,5}(?![A-Za-z0-9\-.])(?=[^\n.]{0,16}$)"
)
_LABELS_AFTER: Final = re.compile(
    r"[读看念\s)）】:：]{0,4}([A-Za-z0-9\-]{1,63}(?:\.[A-Za-z0-9\-]{1,63}){1,5})"
    r"(?![A-Za-z0-9\-.])"
)


def _reverse_labels(text: str, groups: list[Group], begin: int, end: int) -> list[Group]:
    """``avahbranup.ni (each part backwards)`` -> ``punarbhava.in``: the dotted name just before
    the instruction (``begin``) or just after it (``end``), each label reversed in place; only
    a name that then ends in a known suffix. A name whose labels reversed name no host is no
    host as written either: it is marked a cut word (kept only when the intel lists it)."""
    line_start = text.rfind("\n", 0, begin) + 1
    before = _LABELS_BEFORE.search(text, max(line_start, begin - 320), begin)
    after = _LABELS_AFTER.match(text, end)
    spans = [before.span()] if before else []
    spans += [after.span(1)] if after else []
    spans = [
        s for s in spans if not _inside(groups, s[0]) and text[s[0] - 1 : s[0]] not in (".", "-")
    ]
    for start, stop in spans:
        name = text[start:stop]
        reversed_labels = ".".join(label[::-1] for label in name.split("."))
        if names_host(reversed_labels):
            return [("bidi", start, stop, [(start, stop, reversed_labels)])]
    return [("split_word", start, stop, []) for start, stop in spans[:1]]


_SPACED_CHARS_RE: Final = re.compile(
    r"(?<![A-Za-z0-9.\-])[A-Za-z0-9.\-](?:[ \u3000][A-Za-z0-9.\-]){3,126}(?![A-Za-z0-9.\-])"
)
"""``m o c . e l o h e s r o h (read it backwards)``: one character at a time, reversed."""


def _in_link(text: str, pos: int) -> bool:
    """Whether ``pos`` follows ``scheme://`` in the same word: there a backslash ends the host,
    as in a browser (``https://betin.com\\@apple.com`` opens betin.com), so ``\\@`` is no
    escaped ``@``."""
    word_start = max(text.rfind(" ", 0, pos), text.rfind("\n", 0, pos)) + 1
    return text.find("://", word_start, pos) >= 0


def _drop_symbol(work: Work, groups: list[Group], symbol: str) -> list[Group]:
    """Delete the symbol the message says to drop where it sits inside a token (``topporn#.#com``
    -> ``topporn.com``); the instruction's own symbol, after no letter or digit, stays, and so
    does one inside an id an earlier pass already joined (``a-m-y---3`` -> ``amy-3``)."""
    text = work.text
    found: list[Group] = []
    symbols = re.escape(symbol + {"#": "＃", "*": "＊"}.get(symbol, ""))
    # beside a dot word too: ``s/u/n/点/w/i/n（去掉斜杠）``
    for m in re.finditer(rf"(?<=[{_AN}.\-点點。．])[{symbols}]+(?=[{_AN}.\-点點。．])", text):
        start, end = m.span()
        if not _inside(groups, start) and not work.touched("spaced_letters", start, end):
            found.append(("defang", start, end, [(start, end, "")]))
    return found


def _inside(groups: list[Group], pos: int) -> bool:
    return any(g[1] <= pos < g[2] for g in groups)


def _stand_in_ok(text: str, start: int) -> bool:
    """``bet888,com``: a name of three or more characters, not one letter repeated (``xxx，xxx``
    is a list of placeholders); after the Chinese comma or a tilde, a name with a digit."""
    label = _LABEL_BEFORE.search(text, max(0, start - 63), start)
    if label is None or len(label[0]) < 3 or len(set(label[0].lower())) < 2:
        return False
    return text[start] not in "，~" or any(c.isdigit() for c in label[0])


_HEX_BLOB_RE: Final = re.compile(r"[0-9a-fA-F]+")
"""Hex-encoded data (``687474703a2f2f…``) is no name, even before ``club``."""


def _space_is_dot(text: str, start: int) -> bool:
    """``bet888 com``: a space reads as a dot after a name of letters and digits (a digit among
    its last nine characters), or after any name of four or more characters next to Chinese text
    (``官网 abcbet com``)."""
    label = _LABEL_BEFORE.search(text, max(0, start - 63), start)
    if label is None or text[label.start() - 1 : label.start()] in _DOT_LIKE:
        return False
    name = label[0]
    if len(name) >= 24 and _HEX_BLOB_RE.fullmatch(name):
        return False
    mixed = any(c.isdigit() for c in name[-9:]) and any(c.isalpha() for c in name)
    return mixed or (len(name) >= 4 and cjk_near(text, label.start(), start + 4))


_MESSENGER_LINK_RE: Final = re.compile(
    r"(?i)(?<![A-Za-z0-9\-.])(?P<host>t|telegram)[ \t]{0,2}[.．。点][ \t]{0,2}"
    r"(?P<tld>me|dog)[ \t]{0,2}/[ \t]{0,2}(?=[A-Za-z0-9+~@])"
)
MESSENGER_LINK_TRIGGER: Final = (
    r"(?i:telegram|\bt)[ \t]{0,2}[.．。点][ \t]{0,2}(?i:me|dog)[ \t]{0,2}/"
)
"""RE2: a messenger link's host and slash (a superset of what :func:`messenger_link_pass` folds)."""


def messenger_link_pass(work: Work) -> None:
    """``telegram . dog/x``, ``telegram．me / x``: a messenger link with its dot and slash
    spaced out (the account after the slash is the handle), written tight."""
    groups: list[Group] = []
    for m in _MESSENGER_LINK_RE.finditer(work.text):
        tight = f"{m['host']}.{m['tld']}/"
        if m[0] != tight:
            groups.append(("spelled_dot", m.start(), m.end(), [(m.start(), m.end(), tight)]))
    work.apply(groups)
