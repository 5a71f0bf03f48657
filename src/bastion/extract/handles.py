"""Messaging handles introduced by a cue word: ``微信：abc123``, ``QQ 12345678``, ``飞机 @name``.

A handle is only a handle next to its cue: ``abc123`` alone is a word and ``@john`` alone is a
mention. English cue words (``line``, ``wechat``, ``telegram``...) are also ordinary words, so
with them a letters-only id needs a real separator (``line: abcdef``), not just a space.

Cue words are read however they are broken (``bastion.normalize.cues``: symbols inside,
homophones, pinyin, components). Such a *disguised* cue is read as a cue, but its id must carry
a digit or ``_`` or follow a real separator, and a pair that is an ordinary word (``维新``) is
prose. Ids written in pieces (``a b c 8 8 9 9``, ``fu❤li❤2749``, ``九 六 六 四``) are joined by
the unmasker (``bastion.normalize.handle_ids``) before the finders run, and a cue may follow
its id (``abc8899 (vx)``, ``1234567890扣``, ``vip-84 ←微信``, ``meimei169 是我V``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from re import Match

from bastion.extract._anchors import anchored_finditer
from bastion.extract._types import Candidate
from bastion.extract.handle_layouts import (
    CHAT_GATE,
    POINTED_GATE,
    PROFILE_GATE,
    find_chat_handles,
    find_pointed_handles,
    find_profile_handles,
)
from bastion.extract.phones import international
from bastion.normalize import cues
from bastion.normalize.cues import (
    CUE_KAKAO,
    CUE_LINE,
    CUE_QQ,
    CUE_TELEGRAM,
    CUE_WECHAT,
    CUE_WHATSAPP,
    CUES,
)
from bastion.normalize.handle_ids import (
    LONE_Q_SPACED_GATE,
    NUMERAL_ID,
    REVERSE_WORDS,
    SPELLED_CUE_GATE,
    SPOKEN_DIGITS,
    SPOKEN_GATE,
)
from bastion.normalize.rules import names_host

_SYL = cues.SYLLABLES
_VERBS = "加|找我|私我|私聊我?|滴滴我|戳我|加我"
VERB_LED_GATE = f"(?:{_VERBS})[ \\t:：]{{1,4}}[A-Za-z][A-Za-z0-9_\\-]{{4,19}}[0-9_]"
"""RE2: a contact verb and an id with a digit (a superset of :func:`_find_verb_led`)."""
_WORDS = cues.PROSE_PAIRS
_CJK_CHARS = cues.CJK_CHARS
_SYMBOLS = cues.SYMBOLS
_FILL = cues.FILL
_SEP_CHARS = cues.SEP_CHARS
SAY = (
    "(?:(?:搵|揾|找|傾|倾|嚟|黎|聯絡|联络|联系|聯繫|私|加|[Pp][Mm]|[Dd][Mm]|[Ii]nbox)"
    "(?:[ \t]?我)?|我)(?:啦|吖|呀|喇|啊|吧)?|啦|吖|喇|친추|친구[ \t]?추가|추가"
)
"""A contact verb or particle between a cue and its id, as Cantonese, Taiwanese and Korean
write it: ``TG搵我 x`` (find me on TG), ``Telegram 搵 x``, ``WhatsApp 黎 9363 0392`` (come
to), ``WA我 6275 2703`` (WhatsApp me), ``賴我：x`` (LINE me), ``飛機加我 x``, ``TG pm我 x``,
``加我TG啦 x``, ``카톡 친추 x`` (add as a friend). The id after it must carry a digit or ``_``."""
_SEP = (
    f"(?:{_SEP_CHARS}{{0,2}}[ \t](?:is|Is|IS)[ \t]{{1,2}}|(?P<say>[ \t]{{0,2}}(?:{SAY}))"
    f"{_SEP_CHARS}{{0,4}}|{_SEP_CHARS}{{0,4}})"
)
"""What stands between a cue and its id; English also says it (``my wechat is bet_2766``)."""
_STRONG_SEP = re.compile("[:：号號是为為=＝]")
_WORDLIKE = re.compile("[A-Za-z.\\-]+")
_MENTION_TAIL = re.compile("@[^\\s@:：,，。!！?？()（）\\[\\]【】]{0,20}$")
_CJK = re.compile(f"[{_CJK_CHARS}]")
_MIXED_ID = re.compile("[A-Za-z].{0,40}[0-9_]|[0-9_].{0,40}[A-Za-z]")
_HAS_DIGIT = re.compile("[0-9_]")
_FILL_RE = re.compile(_FILL)
_NUMERIC = re.compile("[+0-9 .\\-]+")
_WEAK_CUES = frozenset({"line", "wechat", "telegram", "whatsapp", "tg", "wa", "tele", "wsp"})
_MOBILE = "(?:\\+?86[ \\-]?)?1[3-9][0-9](?:[ \\-]?[0-9]{4}){2}(?![0-9])"
_QQ_NUMBER = "[1-9][0-9]{4,10}(?![0-9]|\\.[0-9]|@)"
_END_OF_ID = "(?![A-Za-z0-9_\\-]|\\.[A-Za-z0-9])"
_UNIT_AFTER = re.compile("[ \t]?[元块塊万萬亿億%％个個人次分秒天年月日号號位米克斤件条條张張]")
"""After a lone ``扣`` a number is an amount (``扣 50000元``), not a QQ number."""


def _spaced(first: str, rest: str, low: int, high: int, name: str) -> str:
    """``a b c 8 8 9 9``: single characters, one separator used throughout, nothing glued on."""
    return (
        f"{first}(?:(?P<{name}>[ .\\-])(?:{rest})){{{low},{high}}}"
        f"(?![A-Za-z0-9_])(?!(?P={name})[A-Za-z0-9_](?![A-Za-z0-9_]))"
    )


_SPACED_DIGITS = _spaced("[1-9]", "[0-9]", 4, 10, "ds")
_SPACED_ID = _spaced("[A-Za-z]", "[A-Za-z0-9_]", 5, 19, "ls")
_SPACED_NAME = _spaced("[A-Za-z]", "[A-Za-z0-9_]", 4, 31, "ns")

_PLAIN = re.compile(
    "[微薇威徽维嶶]信|[Vv]信|[Ww][Ee][Ii][Xx][Ii][Nn]|[Ww][Ee][Cc][Hh][Aa][Tt]|[VvWw][Xx]"
    "|加[VvQq]|[+➕＋][Vv]|[薇嶶]|[Vv]号?|[Qq][Qq]群?|[Qq][号群]?|扣扣|抠抠|企鹅[号群]?|扣群|群号"
    "|[Tt][Ee][Ll][Ee][Gg][Rr][Aa][Mm]|tg|TG|Tg|纸?飞机|紙?飛機|电报|電報|✈\ufe0f?"
    "|[Ww][Hh][Aa][Tt][Ss][Aa][Pp][Pp]|WA|瓦[次茨]艾?普"
    "|(?:加|[Aa]dd ?)?[Ll](?:ine|INE)(?: ?(?:ID|id|Id))?|賴"
)
"""The cue words as people write them; any other cue match is a disguise (stricter ids)."""
_LONE = frozenset("薇嶶威徽扣蔻寇抠赖")
_BALL = "球秋"
"""``球球`` (a ball, a pet name) said for QQ: like a lone ``扣``, only before six digits or more
with no unit after them."""

_REVERSED_CUE = (
    "微信|薇信|[Vv][Xx]|[Ww][Xx]|[Vv]信|[Ww][Ee][Cc][Hh][Aa][Tt]|[Qq][Qq]群?|扣扣|企鹅|扣"
    "|[Tt][Gg]|[Tt]elegram|飞机|電報|电报|飛機|[Ll][Ii][Nn][Ee]"
    "|[✌√✅]\ufe0f?[\U0001f3fb-\U0001f3ff]?信|小?绿泡泡"
)
_POINTER = (
    "(?:[←⬅👈⇐]|<-{1,2}|<=)[ \t]{0,2}(?:加我的?|加|add my |that'?s my |this is my |it'?s my )?"
)
"""An arrow from the cue back to the id before it (``vip-84 ←微信``)."""
_BRACKET_ONLY_CUE = "薇|威|[Vv]"
"""Lone cue characters that follow an id only in brackets (``haoyun4381（薇）``)."""
_MINE = (
    "[，,]?是我的?|[Ii]s my |is what you (?:search|look up)(?: for)? on "
    "|(?:(?:over )?(?:in|on|via) )"
)
"""``meimei16924 是我V``: "is my V"; ``搜索abc123，是我的微信号``; ``abc123 is what you search
for on WeChat``; ``search abc_123 in Telegram`` (the id has a digit, as every id before its cue)."""
_OVER_ON = "(?:(?:over )?on )?"
"""``find me: abc123 (over on WeChat)``."""
CUE_REVERSED = (
    "(?<![A-Za-z0-9_\\-])[A-Za-z0-9][A-Za-z0-9_\\-]{4,19}[ \\t]{0,2}"
    f"(?:[(（\\[【][ ]?{_OVER_ON}(?:{_REVERSED_CUE}|{_BRACKET_ONLY_CUE})[ ]?[)）\\]】]"
    f"|(?:{_POINTER})?(?:{_REVERSED_CUE})(?![A-Za-z0-9])|{_POINTER}(?:{_BRACKET_ONLY_CUE})"
    f"|(?:{_MINE})(?:{_REVERSED_CUE}|{_BRACKET_ONLY_CUE}))"
)
"""An id followed by its cue (``abc8899 (vx)``, ``1234567890扣``)."""

CUE_GLUED = (
    "(?<![A-Za-z0-9_])(?:[VvWw][Xx][_\\-]|加[Vv]|[Vv]["
    + _SYMBOLS
    + "]\ufe0f?|[薇威徽][_\\-丨·]?)[A-Za-z]"
    "|(?<![A-Za-z0-9_])[Tt][Gg][_\\-][A-Za-z]"
    "|(?<![A-Za-z0-9_])[Qq][1-9][0-9]{5}|扣[1-9][0-9]{5}"
)
"""A cue glued to its id, as display names are written (``vx_lucky8899``, ``加Vabc_12``,
``tg_name88``, ``q2659312``, ``丨扣9410010``)."""

_SPOKEN = "".join(SPOKEN_DIGITS)
CUE_CLAUSES = (
    f"(?:{'|'.join(CUES)})(?:{_SEP_CHARS}|\r?\n){{0,8}}(?:[ \t](?:is|Is|IS)[ \t]{{1,2}})?"
    f"(?:[A-Za-z0-9@~+]|{NUMERAL_ID})",
    f"(?:{CUE_TELEGRAM})[^\\n@]{{0,12}}@",
    f"(?:{'|'.join(CUES)})[ \t]{{0,2}}(?:{SAY}){_SEP_CHARS}{{0,4}}[A-Za-z0-9@+]",
    f"(?:{'|'.join(CUES)})[^\\n]{{0,16}}(?:{REVERSE_WORDS})",
    LONE_Q_SPACED_GATE,
    VERB_LED_GATE,
    CUE_REVERSED,
    SPOKEN_GATE,
    SPELLED_CUE_GATE,
    CUE_GLUED,
    # a numeral anywhere in the id after a cue, or a gap inside a glued id: the cued fold reads
    # both (``V：八≒bet888``, ``ไลน์洞⋅bet888``, ``tg_⋅bet888``, ``q678~8334``; found by make fuzz)
    f"(?:{'|'.join(CUES)})(?:{_SEP_CHARS}|\r?\n|@){{0,8}}[A-Za-z0-9_\\-{_SPOKEN}]{{0,20}}"
    f"[^\\sA-Za-z0-9]{{0,3}}[{_SPOKEN}]",
    "(?:[VvWw][Xx]|[Tt][Gg])[_\\-][^\\sA-Za-z0-9]{1,3}[A-Za-z]"
    "|(?:[Qq]|扣)[1-9][0-9]{0,5}[^\\sA-Za-z0-9_]{1,3}[0-9]",
    PROFILE_GATE,
    f"(?:{POINTED_GATE})[ \t]{{0,2}}[:：]?[ \t]{{0,2}}[A-Za-z0-9]",
)
"""Supersets of every handle match (cue, separator, first id character) for the pre-check."""

_WECHAT = re.compile(
    f"(?P<cue>{CUE_WECHAT})(?P<sep>{_SEP})"
    f"(?P<id>[A-Za-z][A-Za-z0-9_\\-]{{5,19}}{_END_OF_ID}|{_MOBILE}|{_QQ_NUMBER}"
    f"|{_SPACED_ID}|{_SPACED_DIGITS}|[0-9]{{1,19}}[A-Za-z_][A-Za-z0-9_\\-]{{0,18}}{_END_OF_ID})"
)
_QQ = re.compile(f"(?P<cue>{CUE_QQ})(?P<sep>{_SEP})(?P<id>{_QQ_NUMBER}|{_SPACED_DIGITS})")
_TELEGRAM = re.compile(
    f"(?P<cue>{CUE_TELEGRAM})"
    "(?:[^\\n@]{0,12}?@(?P<at>[A-Za-z][A-Za-z0-9_]{4,31})(?![A-Za-z0-9_]|\\.[A-Za-z0-9])"
    f"|(?P<sep>{_SEP})(?P<id>[A-Za-z][A-Za-z0-9_]{{4,31}}{_END_OF_ID}|{_SPACED_NAME}))"
)
_NUMBER_GAP = f"(?:[ \\-.()（）]|[{_SYMBOLS}]\ufe0f?)"
_WHATSAPP = re.compile(
    f"(?P<cue>{CUE_WHATSAPP})(?P<sep>{_SEP})"
    f"(?P<id>\\+?[0-9](?:{_NUMBER_GAP}{{0,2}}[0-9]){{6,14}})(?![0-9]|[.,][0-9])"
)
_PLAIN_GAPS = re.compile("[0-9 \\-.()+]+")
"""A number written with its usual gaps only; any other gap (``+84🔸93🔸121``, ``（213）``)
joins groups a reader joins only if the whole is a valid international number."""
_LINE = re.compile(
    f"(?P<cue>{CUE_LINE})(?P<sep>{_SEP})"
    "(?P<id>@?[A-Za-z0-9~][A-Za-z0-9._\\-]{3,19})(?![A-Za-z0-9._\\-])"
)
_KAKAO = re.compile(
    f"(?P<cue>{CUE_KAKAO})(?P<sep>{_SEP})"
    "(?P<id>[A-Za-z0-9][A-Za-z0-9._\\-]{3,19})(?![A-Za-z0-9._\\-])"
)
"""A KakaoTalk id: 4 to 20 letters, digits, ``.``, ``_`` or ``-`` (Kakao stores it in lower
case)."""
_REVERSED = re.compile(
    "(?<![A-Za-z0-9_\\-])(?P<id>[A-Za-z][A-Za-z0-9_\\-]{5,19}|[1-9][0-9]{4,10})[ \\t]{0,2}"
    f"(?:[(（\\[【][ ]?{_OVER_ON}(?P<bcue>{_REVERSED_CUE}|{_BRACKET_ONLY_CUE})[ ]?[)）\\]】]"
    f"|{_POINTER}(?P<pcue>{_REVERSED_CUE}|{_BRACKET_ONLY_CUE})(?![A-Za-z0-9])"
    f"|(?P<cue>{_REVERSED_CUE})(?![A-Za-z0-9{_CJK_CHARS}])"
    f"|(?:{_MINE})(?P<mcue>{_REVERSED_CUE}|{_BRACKET_ONLY_CUE})(?![A-Za-z0-9]))"
)
_LONE_END = re.compile("[ \t]*(?:$|[^0-9 \t])")
"""A lone ``扣`` after a number is a cue unless a number follows it (``订单 123456 扣 50 元``)."""
_REVERSED_KIND = (
    ("qq", re.compile("[Qq][Qq]群?|扣扣|企鹅|扣")),
    ("telegram", re.compile("[Tt][Gg]|[Tt]elegram|飞机|電報|电报|飛機")),
    ("line", re.compile("[Ll][Ii][Nn][Ee]")),
    ("wechat", re.compile(".+")),
)


_AMOUNT_AFTER = re.compile("[ \t]?[元块塊万萬亿億%％]")
_FLIGHT = re.compile("[A-Z][A-Z0-9][0-9]{3,4}[A-Z]?")
"""``坐飞机 CA1234``: a flight number after 飞机 is a flight, not a Telegram name."""


_WECHAT_ITER = anchored_finditer(_WECHAT)
_QQ_ITER = anchored_finditer(_QQ)
_TELEGRAM_ITER = anchored_finditer(_TELEGRAM)
_WHATSAPP_ITER = anchored_finditer(_WHATSAPP)
_LINE_ITER = anchored_finditer(_LINE)
_KAKAO_ITER = anchored_finditer(_KAKAO)
_REVERSED_ITER = _REVERSED.finditer
"""Not anchored: an id can start at almost any character."""


def _digits(text: str) -> str:
    return "".join(c for c in text if c.isascii() and c.isdigit())


def _compact(ident: str) -> str:
    """The id without the separators of a spaced-out spelling (``a b c 8 8 9 9``)."""
    if (
        len(ident) > 2
        and ident[1] in " .-"
        and all(ident[i] == ident[1] for i in range(1, len(ident), 2))
    ):
        return ident[::2]
    return ident


def _said_unmarked(match: Match[str], ident: str) -> bool:
    """A contact verb between the cue and the id (``TG搵我 x``) and an id with no digit or
    ``_``: the verb may begin a sentence, not an id."""
    return match["say"] is not None and _HAS_DIGIT.search(ident) is None


def _weak(cue: str, sep: str, ident: str) -> bool:
    """An English-word cue with a letters-only id and no real separator: prose, not a handle."""
    word = cue.lower()
    weak = word in _WEAK_CUES or word.startswith(("line", "add"))
    if not weak or "line id" in word or _STRONG_SEP.search(sep):
        return False
    return _WORDLIKE.fullmatch(ident) is not None


def _disguise_ok(text: str, match: Match[str], ident: str) -> bool:
    """A broken or homophone cue: not an ordinary word, and an id a person would not write in
    prose (a digit or ``_``, or after a real separator). Lone-character cues (``薇``, ``威``,
    ``扣``) are common in names and words: they need a separator, a non-word id, and nothing
    Chinese before them but ``加`` unless the cue is marked off (``详情威❤：abc_99``,
    ``赢薇【happy-85032】``)."""
    cue = match["cue"]
    if _PLAIN.fullmatch(cue) and cue not in _LONE:
        return True
    core = _FILL_RE.sub("", cue)
    if core in _WORDS:
        return False
    lone = core in _LONE or (core[:1] == "加" and core[1:] in _LONE)
    if lone:
        before = text[match.start("cue") - 1] if match.start("cue") else ""
        after_word = _CJK.match(before) and before not in "加添" and core[0] != "加"
        if match["sep"] == "" or (after_word and not _marked_off(text, match)):
            return False
        if not (ident[0].isdigit() or _MIXED_ID.search(ident)):
            return False
    return _HAS_DIGIT.search(ident) is not None or _STRONG_SEP.search(match["sep"]) is not None


_POINTING = re.compile("[:：号號是为為=＝\u2192\u279c\u27a1\u2794👉]")
_BRACKETS = {"【": "】", "「": "」", "『": "』", "《": "》", "[": "]", "（": "）", "(": ")"}


def _marked_off(text: str, match: Match[str]) -> bool:
    """A lone cue set apart from the word before it: a symbol, then a colon or an arrow after
    it (``威❤：``, ``威❤➡️``), or its id in brackets (``薇【happy-85032】``)."""
    sep = match["sep"]
    if _FILL_RE.match(sep) and sep[0] not in _BRACKETS and _POINTING.search(sep, 1):
        return ord(sep[0]) >= 0x2190
    close = _BRACKETS.get(sep[-1:])
    return close is not None and text.startswith(close, match.end("id"))


def _in_mention(text: str, match: Match[str]) -> bool:
    """The cue sits inside an ``@mention`` (``@小薇Eileen``, ``@爱TG的人``): a name, not a cue."""
    start = match.start("cue")
    return _MENTION_TAIL.search(text, max(0, start - 24), start) is not None


def _emit(out: list[Candidate], kind: str, match: Match[str], group: str, value: str) -> None:
    out.append(Candidate(kind, match.start(group), match.end(group), value, cue=match["cue"]))


def _split_vx(cue: str, ident: str) -> bool:
    """``加vx_lucky88`` read as the cue ``加v`` and the id ``x_lucky88``: the ``x`` is the cue's
    (``vx``), and the glued finder reads the id after ``vx_``."""
    return cue[-1:] in "Vv" and ident[:1] in "Xx" and ident[1:2] in ("_", "-")


def _find_wechat(text: str, out: list[Candidate]) -> None:
    for match in _WECHAT_ITER(text):
        ident = _compact(match["id"])
        if _in_mention(text, match) or not _disguise_ok(text, match, ident):
            continue
        if _split_vx(match["cue"], ident) or _said_unmarked(match, ident):
            continue
        if _NUMERIC.fullmatch(ident):
            if match["cue"].endswith(("同号", "同號")):
                continue  # "WeChat is the same as the phone": the phone finder reads it
            if not _AMOUNT_AFTER.match(text, match.end()):
                _emit(out, "wechat", match, "id", _digits(ident))
        elif ident[0].isdigit() and not (
            6 <= len(ident) <= 20
            and (_CJK.search(match["cue"]) or _STRONG_SEP.search(match["sep"]))
        ):
            continue
        elif not _weak(match["cue"], match["sep"], ident):
            _emit(out, "wechat", match, "id", ident)


def _find_qq(text: str, out: list[Candidate]) -> None:
    for match in _QQ_ITER(text):
        ident = _digits(match["id"])
        if _in_mention(text, match) or not _disguise_ok(text, match, ident):
            continue
        if _AMOUNT_AFTER.match(text, match.end()):
            continue
        core = _FILL_RE.sub("", match["cue"]).lstrip("加")
        if (core in _LONE or core[:1] in _BALL) and (
            len(ident) < 6 or _UNIT_AFTER.match(text, match.end())
        ):
            continue
        _emit(out, "qq", match, "id", ident)


def _find_telegram(text: str, out: list[Candidate]) -> None:
    for match in _TELEGRAM_ITER(text):
        if _in_mention(text, match):
            continue
        if match["at"] is not None:
            core = _FILL_RE.sub("", match["cue"])
            adjacent = match.start("at") - match.end("cue") <= 3 and _HAS_DIGIT.search(match["at"])
            if (adjacent or not _CJK.match(text, match.end("at"))) and core not in _WORDS:
                _emit(out, "telegram", match, "at", match["at"])
        else:
            name = _compact(match["id"])
            if _FLIGHT.fullmatch(name) or not _disguise_ok(text, match, name):
                continue
            if _said_unmarked(match, name):
                continue
            if not _weak(match["cue"], match["sep"], name):
                _emit(out, "telegram", match, "id", name)


def _find_whatsapp(text: str, out: list[Candidate]) -> None:
    for match in _WHATSAPP_ITER(text):
        if _in_mention(text, match):
            continue
        ident = match["id"]
        value = ("+" if ident.startswith("+") else "") + _digits(ident)
        if value.startswith("00") and international(value[2:]) is not None:
            value = "+" + value[2:]  # ``00852 6837 2183``: 00 dials out, as + does
        if not _PLAIN_GAPS.fullmatch(ident) and (value[0] != "+" or international(value) is None):
            continue
        _emit(out, "whatsapp", match, "id", value)


def _find_line(text: str, out: list[Candidate]) -> None:
    for match in _LINE_ITER(text):
        ident = match["id"].rstrip(".")
        bare = ident.lstrip("@~")
        if len(ident) < 4 or _in_mention(text, match) or _weak(match["cue"], match["sep"], bare):
            continue
        if _said_unmarked(match, bare):
            continue
        if _MISSPELT_LINE.match(match["cue"]) and not _HAS_DIGIT.search(bare):
            continue
        if match["cue"] in ("line", "Line") and (not _MIXED_ID.search(bare) or names_host(bare)):
            continue
        if match["cue"].endswith("赖") and not _disguise_ok(text, match, bare):
            continue
        start = match.start("id")
        value = ident.lstrip("~")
        out.append(Candidate("line", start, start + len(ident), value, cue=match["cue"]))


_MISSPELT_LINE = re.compile("(?:加|[Aa]dd ?)?(?:[Ll][Il1!|]|I)[Nn][Ee]")
"""``LlNE``, ``L1NE``, ``Iine``: LINE misspelt, a disguise: its id must carry a digit or ``_``."""
_KAKAO_PHONE = re.compile("[0-9.\\-]+")


def _find_kakao(text: str, out: list[Candidate]) -> None:
    """``카톡 lucky_5125 추가``, ``KakaoTalk: xiao2580``: a KakaoTalk id after its cue, read as
    Kakao stores it (lower case). A number after the cue is the phone Kakao finds friends by
    (the phone finder's); a letters-only id needs a real separator (``카톡: abcdef``), as the
    cue is also said in prose (``카톡 주세요``)."""
    for match in _KAKAO_ITER(text):
        ident = match["id"].rstrip(".")
        if len(ident) < 4 or _KAKAO_PHONE.fullmatch(ident) or _in_mention(text, match):
            continue
        if (
            _HAS_DIGIT.search(ident) is None
            and (match["say"] is not None or not _STRONG_SEP.search(match["sep"]))
            and not _ID_AFTER_CUE.search(match["cue"])
        ):
            continue
        start = match.start("id")
        out.append(Candidate("kakao", start, start + len(ident), ident.lower(), cue=match["cue"]))


_ID_AFTER_CUE = re.compile("(?:[Ii][Dd]|아이디)$")


_SYMBOL_GLUED = re.compile(f"[A-Za-z0-9_\\-][{_SYMBOLS}]\ufe0f?\\Z")


def _cut_after_symbol(text: str, start: int) -> bool:
    """An id that starts right after a symbol glued to letters or digits (``tian-j🌸ia41838
    是我的威``) is the tail of a longer id the symbol was put into: reported, it would be a
    shorter, wrong id. Where the message names the symbol to drop, the unmasker has joined it."""
    return _SYMBOL_GLUED.search(text, max(0, start - 3), start) is not None


def _find_reversed(text: str, out: list[Candidate]) -> None:
    """``abc8899 (vx)``, ``1234567890扣``: the id comes first, so it must carry a digit. Telegram
    and LINE cues after an id count only in brackets or after words pointing back to the id
    (``abc123 <- that's my telegram``): ``ZH955T飞机`` is a flight, ``B737MAX飞机`` an aircraft."""
    for match in _REVERSED_ITER(text):
        ident = match["id"]
        cue = match["bcue"] or match["pcue"] or match["cue"] or match["mcue"]
        if not _HAS_DIGIT.search(ident) or _in_mention(text, match):
            continue
        if _cut_after_symbol(text, match.start("id")):
            continue
        kind = next(k for k, pattern in _REVERSED_KIND if pattern.fullmatch(cue))
        if kind == "qq" and not ident.isdigit():
            continue
        if kind in ("telegram", "line") and (match["cue"] is not None or not ident[0].isalpha()):
            continue
        if cue == "扣" and (len(ident) < 6 or not _LONE_END.match(text, match.end())):
            continue
        out.append(Candidate(kind, match.start("id"), match.end("id"), ident, cue=cue))


_GLUED = re.compile(
    "(?<![A-Za-z0-9_])(?:(?P<wcue>[VvWw][Xx][_\\-]|加[Vv](?:[Xx][_\\-])?"
    f"|[Vv][{_SYMBOLS}]\ufe0f?|[薇威徽][_\\-丨·]?)"
    "(?P<wid>[A-Za-z][A-Za-z0-9_\\-]{4,19})"
    "|(?P<tcue>[Tt][Gg][_\\-])(?P<tid>[A-Za-z][A-Za-z0-9_]{4,31})"
    "|(?P<qcue>[Qq]|扣)(?P<qid>[1-9][0-9]{5,10}))(?![A-Za-z0-9_\\-]|\\.[0-9])"
)
_GLUED_ITER = _GLUED.finditer
_BAR = "丨"
"""A bar drawn with an ideograph (U+4E28): a separator in display names, not a word."""


def _find_glued(text: str, out: list[Candidate]) -> None:
    """``vx_lucky8899``, ``V❤lucky58006``, ``薇caishen_vip64600``, ``威_yun85216``, ``tg_name88``,
    ``q2659312``: a cue glued to its id, as display names and bios are written. The id carries a
    digit; a glued ``q``, ``扣``, ``薇`` or ``威`` stands after no Chinese word (``每月扣500000``,
    ``型号Q195000``, ``蔷薇abc123``) and a number after ``q`` before no unit (``扣500000元``)."""
    for match in _GLUED_ITER(text):
        kind, group = next(
            (k, g) for k, g in (("wechat", "wid"), ("telegram", "tid"), ("qq", "qid")) if match[g]
        )
        ident = match[group]
        start = match.start()
        if not _HAS_DIGIT.search(ident) or _MENTION_TAIL.search(text, max(0, start - 24), start):
            continue
        before = text[start - 1] if start else ""
        if kind == "qq" and _UNIT_AFTER.match(text, match.end()):
            continue
        lone = match["wcue"] is not None and _CJK.match(match["wcue"]) is not None
        if (kind == "qq" or (lone and match["wcue"][0] != "加")) and (
            _CJK.match(before) and before != _BAR
        ):
            continue
        cue = match["wcue"] or match["tcue"] or match["qcue"]
        out.append(Candidate(kind, match.start(group), match.end(group), ident, cue=cue))


_CUE_GLUED_ON = re.compile(
    "(?i:qq|q|vx|wx|v|tg|wa|line|wechat|weixin|telegram|whatsapp)(?:[0-9_\\-]|$)"
)
_CUE_WORD = re.compile("|".join(CUES))
_VERB_LED = re.compile(
    f"(?:^|(?<=[\\s，,。.!！?？;；:：、~～]))(?P<cue>{_VERBS})"
    f"(?:[ \t]{{1,2}}[:：]?|[:：])[ \t]{{0,2}}"
    f"(?P<id>[A-Za-z][A-Za-z0-9_\\-]{{5,19}}){_END_OF_ID}"
    f"(?![ \t]{{0,2}}(?:[(（\\[【]|群|{_REVERSED_CUE}))"
)


def _find_verb_led(text: str, out: list[Candidate]) -> None:
    """``彩金天天送，私我 lucky990``, ``加 vip_5566``: in Chinese a contact verb, a space or a
    colon, and a letter-led id with a digit or ``_`` name a WeChat id (WeChat ids are so shaped;
    QQ numbers are digits), though no messenger is named. The verb opens a clause
    (``参加 CS2023`` is a match to play in), and an id with its own cue after it is the reversed
    finder's."""
    for match in _VERB_LED.finditer(text):
        ident = match["id"]
        if _HAS_DIGIT.search(ident) is None or _in_mention(text, match):
            continue
        if _CUE_GLUED_ON.match(ident) or _CUE_WORD.fullmatch(ident):
            # ``加QQ389136839``, ``加vx_lucky88``: a cue glued to its id, the finders' own;
            # ``加我 MEI4SEON3：x``: the cue itself (微信 in jyutping), not an id
            continue
        _emit(out, "wechat", match, "id", ident)


_QQ_MAIL_HOSTS = frozenset({"qq.com", "vip.qq.com"})
_QQ_LOCAL = re.compile("[1-9][0-9]{4,10}")


def qq_mailboxes(kept: list[Candidate]) -> list[Candidate]:
    """The QQ number of each ``123456789@qq.com`` among ``kept``: a QQ mailbox is named by its
    owner's QQ number, so the address also offers that account (a handle inside the e-mail)."""
    out = []
    for cand in kept:
        if cand.kind != "email" or cand.host not in _QQ_MAIL_HOSTS:
            continue
        local = cand.value.partition("@")[0]
        if _QQ_LOCAL.fullmatch(local):
            out.append(Candidate("qq", cand.start, cand.start + len(local), local, cue="qq.com"))
    return out


HANDLE_FINDERS: tuple[tuple[str, Callable[[str, list[Candidate]], None]], ...] = (
    (CUE_WECHAT, _find_wechat),
    (CUE_QQ, _find_qq),
    (CUE_TELEGRAM, _find_telegram),
    (CUE_WHATSAPP, _find_whatsapp),
    (CUE_LINE, _find_line),
    (CUE_KAKAO, _find_kakao),
    (CUE_REVERSED, _find_reversed),
    (CUE_GLUED, _find_glued),
    (CHAT_GATE, find_chat_handles),
    (PROFILE_GATE, find_profile_handles),
    (POINTED_GATE, find_pointed_handles),
    (VERB_LED_GATE, _find_verb_led),
)
"""Each finder with the cue it needs; the extract router runs a finder only if its cue occurs."""
