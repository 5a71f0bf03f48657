"""Messaging handles introduced by a cue word: ``微信：abc123``, ``QQ 12345678``, ``飞机 @name``.

A handle is only a handle next to its cue: ``abc123`` alone is a word and ``@john`` alone is a
mention. English cue words (``line``, ``wechat``, ``telegram``...) are also ordinary words, so
with them a letters-only id needs a real separator (``line: abcdef``), not just a space.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from re import Match

from bastion.extract._types import Candidate

_SEP = "[ \\t\u3000:：号是为\\-—=＝~～()（）\\[\\]【】「」<>《》'\"“”]{0,4}"
_STRONG_SEP = re.compile("[:：号是为=＝]")
_WORDLIKE = re.compile("[A-Za-z.\\-]+")
_MENTION_TAIL = re.compile("@[^\\s@:：,，。!！?？()（）\\[\\]【】]{0,20}$")
_CJK = re.compile("[\u3400-\u9fff]")
_MIXED_ID = re.compile("[A-Za-z].{0,40}[0-9_]|[0-9_].{0,40}[A-Za-z]")
_WEAK_CUES = frozenset({"line", "wechat", "telegram", "whatsapp", "tg", "wa"})
_MOBILE = "(?:\\+?86[ \\-]?)?1[3-9][0-9](?:[ \\-]?[0-9]{4}){2}(?![0-9])"
_QQ_NUMBER = "[1-9][0-9]{4,10}(?![0-9]|\\.[0-9]|@)"
_END_OF_ID = "(?![A-Za-z0-9_\\-]|\\.[A-Za-z0-9])"

CUE_WECHAT = (
    "[微薇威徽维嶶]信|[Vv]信"
    "|(?<![A-Za-z])(?:[Ww][Ee][Ii][Xx][Ii][Nn]|[Ww][Ee][Cc][Hh][Aa][Tt]|[Vv][Xx]|[Ww][Xx])"
    "(?![A-Za-z])"
    "|加[Vv](?![A-Za-z])|(?<![A-Za-z0-9])[+➕＋][Vv](?![A-Za-z])|[薇嶶]"
    "|(?<![A-Za-z0-9])[Vv](?=[:：])|(?<![A-Za-z])[Vv]号"
)
CUE_QQ = (
    "(?<![A-Za-z])(?:[Qq][Qq]群?|[Qq][号群])|扣扣|抠抠|企鹅[号群]?|扣群|群号"
    "|(?<![A-Za-z0-9])[Qq](?=[:：])"
)
CUE_TELEGRAM = (
    "(?<![A-Za-z])(?:[Tt][Ee][Ll][Ee][Gg][Rr][Aa][Mm]|tg|TG|Tg)(?![A-Za-z])"
    "|纸?飞机|紙?飛機|电报|電報|✈\ufe0f?"
)
CUE_WHATSAPP = "(?<![A-Za-z])(?:[Ww][Hh][Aa][Tt][Ss][Aa][Pp][Pp]|WA)(?![A-Za-z])|瓦次普"
CUE_LINE = "(?<![A-Za-z])(?:加|[Aa]dd ?)?[Ll](?:ine|INE)(?: ?(?:ID|id|Id))?(?![A-Za-z])|賴"
CUES = (CUE_WECHAT, CUE_QQ, CUE_TELEGRAM, CUE_WHATSAPP, CUE_LINE)
CUE_CLAUSES = (
    f"(?:{'|'.join(CUES)}){_SEP}[A-Za-z0-9@~+]",
    f"(?:{CUE_TELEGRAM})[^\\n@]{{0,12}}@",
)
"""Supersets of every handle match (cue, separator, first id character) for the pre-check."""

_WECHAT = re.compile(
    f"(?P<cue>{CUE_WECHAT})(?P<sep>{_SEP})"
    f"(?P<id>[A-Za-z][A-Za-z0-9_\\-]{{5,19}}{_END_OF_ID}|{_MOBILE}|{_QQ_NUMBER})"
)
_QQ = re.compile(f"(?P<cue>{CUE_QQ})(?P<sep>{_SEP})(?P<id>{_QQ_NUMBER})")
_TELEGRAM = re.compile(
    f"(?P<cue>{CUE_TELEGRAM})"
    "(?:[^\\n@]{0,12}?@(?P<at>[A-Za-z][A-Za-z0-9_]{4,31})(?![A-Za-z0-9_]|\\.[A-Za-z0-9])"
    f"|(?P<sep>{_SEP})(?P<id>[A-Za-z][A-Za-z0-9_]{{4,31}}{_END_OF_ID}))"
)
_WHATSAPP = re.compile(
    f"(?P<cue>{CUE_WHATSAPP})(?P<sep>{_SEP})(?P<id>\\+?[0-9](?:[ \\-]?[0-9]){{6,14}})(?![0-9])"
)
_LINE = re.compile(
    f"(?P<cue>{CUE_LINE})(?P<sep>{_SEP})"
    "(?P<id>@?[A-Za-z0-9~][A-Za-z0-9._\\-]{3,19})(?![A-Za-z0-9._\\-])"
)


def _digits(text: str) -> str:
    return "".join(c for c in text if c.isascii() and c.isdigit())


def _weak(cue: str, sep: str, ident: str) -> bool:
    """An English-word cue with a letters-only id and no real separator: prose, not a handle."""
    word = cue.lower()
    weak = word in _WEAK_CUES or word.startswith(("line", "add"))
    if not weak or "line id" in word or _STRONG_SEP.search(sep):
        return False
    return _WORDLIKE.fullmatch(ident) is not None


def _in_mention(text: str, match: Match[str]) -> bool:
    """The cue sits inside an ``@mention`` (``@小薇Eileen``, ``@爱TG的人``): a name, not a cue."""
    start = match.start("cue")
    return _MENTION_TAIL.search(text, max(0, start - 24), start) is not None


def _lone_char_cue_ok(match: Match[str], ident: str) -> bool:
    """``薇``/``嶶`` alone are common in names; as a cue they need a separator and a non-word id."""
    if match["cue"] not in ("薇", "嶶"):
        return True
    return match["sep"] != "" and (ident[0].isdigit() or _MIXED_ID.search(ident) is not None)


def _emit(out: list[Candidate], kind: str, match: Match[str], group: str, value: str) -> None:
    out.append(Candidate(kind, match.start(group), match.end(group), value, cue=match["cue"]))


def _find_wechat(text: str, out: list[Candidate]) -> None:
    for match in _WECHAT.finditer(text):
        ident = match["id"]
        if _in_mention(text, match) or not _lone_char_cue_ok(match, ident):
            continue
        if ident[0].isdigit() or ident[0] == "+":
            _emit(out, "wechat", match, "id", _digits(ident))
        elif not _weak(match["cue"], match["sep"], ident):
            _emit(out, "wechat", match, "id", ident)


def _find_qq(text: str, out: list[Candidate]) -> None:
    for match in _QQ.finditer(text):
        if not _in_mention(text, match):
            _emit(out, "qq", match, "id", match["id"])


def _find_telegram(text: str, out: list[Candidate]) -> None:
    for match in _TELEGRAM.finditer(text):
        if _in_mention(text, match):
            continue
        if match["at"] is not None:
            if not _CJK.match(text, match.end("at")):
                _emit(out, "telegram", match, "at", match["at"])
        elif not _weak(match["cue"], match["sep"], match["id"]):
            _emit(out, "telegram", match, "id", match["id"])


def _find_whatsapp(text: str, out: list[Candidate]) -> None:
    for match in _WHATSAPP.finditer(text):
        if _in_mention(text, match):
            continue
        ident = match["id"]
        value = ("+" if ident.startswith("+") else "") + _digits(ident)
        _emit(out, "whatsapp", match, "id", value)


def _find_line(text: str, out: list[Candidate]) -> None:
    for match in _LINE.finditer(text):
        ident = match["id"].rstrip(".")
        bare = ident.lstrip("@~")
        if len(ident) < 4 or _in_mention(text, match) or _weak(match["cue"], match["sep"], bare):
            continue
        if match["cue"] in ("line", "Line") and not _MIXED_ID.search(bare):
            continue
        start = match.start("id")
        value = ident.lstrip("~")
        out.append(Candidate("line", start, start + len(ident), value, cue=match["cue"]))


HANDLE_FINDERS: tuple[tuple[str, Callable[[str, list[Candidate]], None]], ...] = (
    (CUE_WECHAT, _find_wechat),
    (CUE_QQ, _find_qq),
    (CUE_TELEGRAM, _find_telegram),
    (CUE_WHATSAPP, _find_whatsapp),
    (CUE_LINE, _find_line),
)
"""Each finder with the cue it needs; the extract router runs a finder only if its cue occurs."""
