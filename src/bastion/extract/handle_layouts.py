"""Handles whose cue and id sit in different places of a layout a reader follows.

* A chat log: the cue in one message (``[11:22] 小雪: 加我飞机``), the id sent in the next
  messages, a piece each (``kiki35``, ``52xiao``). A reader joins the pieces; so does this finder,
  reading each line without its timestamp and speaker.
* A profile shown field by field: the cue in one field with a word pointing on
  (``用户名：TG在简介``, ``昵称：找我企鹅``, ``name: 扣扣 below``), the id at the start of the
  next field (``个人简介：meili_bot｜备注来意``).

* A cue far from its id: the messenger named, then asides, then the id pointed to
  (``加我扣扣，通过后发你内部资料…号是：73836514``, ``add me on telegram (...), my id is x``).

All take only what a cue owns: the pieces or the field must read as an id with a digit or an
``_``, in the shape the cue's messenger allows; a line that is anything else ends the id.
"""

from __future__ import annotations

import itertools
import re
from typing import Final

from bastion.extract._types import Candidate
from bastion.normalize.cues import (
    CUE_KAKAO,
    CUE_LINE,
    CUE_QQ,
    CUE_TELEGRAM,
    CUE_WECHAT,
    CUE_WHATSAPP,
)

_KIND_CUE: Final = re.compile(
    f"(?:(?P<wechat>{CUE_WECHAT})|(?P<qq>{CUE_QQ})|(?P<telegram>{CUE_TELEGRAM})"
    f"|(?P<whatsapp>{CUE_WHATSAPP})|(?P<line>{CUE_LINE})|(?P<kakao>{CUE_KAKAO}))"
)
_KINDS: Final = ("wechat", "qq", "telegram", "whatsapp", "line", "kakao")
_SHAPES: Final = {
    "wechat": re.compile("[A-Za-z][A-Za-z0-9_\\-]{5,19}|[1-9][0-9]{5,10}"),
    "qq": re.compile("[1-9][0-9]{4,10}"),
    "telegram": re.compile("[A-Za-z][A-Za-z0-9_]{4,31}"),
    "whatsapp": re.compile("\\+?[0-9]{7,15}"),
    "line": re.compile("[A-Za-z0-9][A-Za-z0-9._\\-]{3,19}"),
    "kakao": re.compile("[A-Za-z0-9][A-Za-z0-9._\\-]{3,19}"),
}
"""What an id of each messenger looks like once joined."""
_MARKED: Final = re.compile("[0-9_]")


def _value(kind: str, ident: str) -> str:
    """The id as its messenger stores it: a KakaoTalk id in lower case."""
    return ident.lower() if kind == "kakao" else ident


_PIECE: Final = re.compile("[A-Za-z0-9_\\-+]{1,20}")

# ----------------------------------------------------------------------------- chat logs
_STAMP: Final = "[\\[(【]?[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?[\\])】]?"
_SPEAKER: Final = "[^\\s:：\\[\\]【】()]{1,16}"
_CHAT_PREFIX: Final = re.compile(
    f"[ \\t]{{0,4}}(?:{_STAMP}[ \\t]{{0,3}})?(?P<who>{_SPEAKER})[ \\t]{{0,2}}[:：][ \\t]{{0,3}}"
)
_CHAT_HEADER: Final = re.compile(
    f"[ \\t]{{0,4}}(?:(?P<who>{_SPEAKER})[ \\t]{{1,3}}{_STAMP}"
    f"|{_STAMP}[ \\t]{{1,3}}(?P<who2>{_SPEAKER}))[ \\t]*"
)
"""A speaker and a time on a line of their own (``VIP经理 21:38``): the message is the next line."""
CHAT_GATE: Final = (
    "\\n[ \\t]*[\\[(【]?[0-9]{1,2}:[0-9]{2}|[0-9]{1,2}:[0-9]{2}[\\])】]?[ \\t]*\\r?\\n"
)
"""A superset of the chat logs this finder reads (RE2 syntax): a line starting with a time, or
a time ending a line."""
_CUE_END: Final = re.compile("[ \\t:：]*(?:(?:is|是|为|為)[ \\t:：]*)?$")
_CHAT_WORDS: Final = frozenset(
    {"ok", "okay", "k", "hi", "hello", "hey", "yes", "yeah", "yep", "no", "nope", "sure"}
    | {"thanks", "thx", "ty", "bye", "lol", "haha", "hmm", "done"}
)
"""Replies that end an id sent in pieces rather than continue it."""
_MAX_PIECES: Final = 4
_WORDY: Final = re.compile("[^\\W_]")
"""A letter or digit of any script."""


def _messages(text: str) -> list[tuple[int, int, str | None]]:
    """Each line's message as ``(start, end, speaker)``; ``speaker`` is None on a line with no
    chat prefix that follows no header line."""
    out: list[tuple[int, int, str | None]] = []
    speaker: str | None = None
    pos = 0
    for line in text.split("\n"):
        end = pos + len(line.rstrip("\r"))
        header = _CHAT_HEADER.fullmatch(text, pos, end)
        if header:
            speaker = header["who"] or header["who2"]
        else:
            prefix = _CHAT_PREFIX.match(text, pos, end)
            start = prefix.end() if prefix else pos
            out.append((start, end, prefix["who"] if prefix else speaker))
            speaker = None
        pos += len(line) + 1
    return out


def _kind_at_end(text: str, start: int, end: int) -> tuple[str, str] | None:
    """The messenger whose cue ends the message (``加我飞机``, ``my telegram is``)."""
    for m in _KIND_CUE.finditer(text, start, end):
        if _CUE_END.match(text[m.end() : end]):
            return next(k for k in _KINDS if m[k]), m[0]
    return None


def find_chat_handles(text: str, out: list[Candidate]) -> None:
    """An id sent in pieces over the next messages of the speaker who gave its cue."""
    messages = _messages(text)
    for i, (start, end, speaker) in enumerate(messages):
        if speaker is None:
            continue
        cued = _kind_at_end(text, start, end)
        if cued is None:
            continue
        kind, cue = cued
        pieces: list[tuple[int, int]] = []
        for p_start, p_end, p_speaker in messages[i + 1 : i + 1 + _MAX_PIECES]:
            piece = _PIECE.match(text, p_start, p_end)
            if p_speaker != speaker or piece is None or piece[0].lower() in _CHAT_WORDS:
                break
            rest = text[piece.end() : p_end].strip()
            if _WORDY.search(rest):
                break  # a message with words in it (``casino bonus daily``): not a piece
            pieces.append(piece.span())
            if rest:
                break  # the id's last piece, an emoji after it
        if not pieces:
            continue
        ident = "".join(text[a:b] for a, b in pieces)
        if _MARKED.search(ident) and _SHAPES[kind].fullmatch(ident):
            out.append(Candidate(kind, pieces[0][0], pieces[-1][1], _value(kind, ident), cue=cue))


# ----------------------------------------------------------------------------- profiles
_LABELS: Final = (
    "用户名|昵称|暱稱|名字|名称|名稱|网名|網名|显示名|用户|簡介|简介|个人简介|個人簡介|签名|簽名|个性签名"
    "|個性簽名|介绍|介紹|自我介绍|(?i:user ?name|display ?name|nick ?name|name|bio|about(?: me)?)"
)
_POINTERS: Final = (
    "在简介|在簡介|见简介|見簡介|看简介|看簡介|在签名|见签名|看签名|在下面|下面|下方|找我|加我|联系|聯繫"
    "|👇|⬇|↓|(?i:below|in (?:my )?bio|see (?:my )?bio|check (?:my )?bio|down here)"
)
"""Words in a field that point the reader to another field for the id."""
_FIELD: Final = re.compile(
    f"(?m)(?:^[ \\t]{{0,4}}|(?<=[ \\t\u3000|｜丨]))(?:{_LABELS})[ \\t]{{0,2}}[:：][ \\t]{{0,3}}"
)
"""A field label at the start of a line, or after a space or a bar on it (``🔞福利 昵称：…``: a
profile's first line often opens with a tagline)."""
_POINTER_RE: Final = re.compile(_POINTERS)
_LEAD_ID: Final = re.compile("[A-Za-z0-9][A-Za-z0-9_\\-]{3,31}(?![A-Za-z0-9_\\-.@])")
_HAS_ID: Final = re.compile("[A-Za-z0-9_]{4}")
PROFILE_GATE: Final = (
    f"(?:{_LABELS})[ \\t]{{0,2}}[:：][^\\n]{{0,24}}\\n[ \\t]{{0,4}}(?:{_LABELS})[ \\t]{{0,2}}[:：]"
)
"""A superset of the profiles this finder reads (``re`` syntax): two field lines in a row."""


def find_profile_handles(text: str, out: list[Candidate]) -> None:
    """The id opening a profile field after a field that names the messenger and points on."""
    fields = [(m.end(), text.find("\n", m.end())) for m in _FIELD.finditer(text)]
    fields = [(a, len(text) if b < 0 else b) for a, b in fields]
    for (start, end), (next_start, next_end) in itertools.pairwise(fields):
        if text.count("\n", end, next_start) > 1:
            continue
        value = text[start:end]
        cue = _KIND_CUE.search(value)
        if cue is None or _POINTER_RE.search(value) is None:
            continue
        rest = _POINTER_RE.sub(" ", value[: cue.start()] + " " + value[cue.end() :])
        if _HAS_ID.search(rest):
            continue  # the field holds its own id (or other words): the finders read it
        kind = next(k for k in _KINDS if cue[k])
        ident = _LEAD_ID.match(text, next_start, next_end)
        if ident is None:
            continue
        name = ident[0]
        if _MARKED.search(name) and _SHAPES[kind].fullmatch(name):
            out.append(Candidate(kind, ident.start(), ident.end(), _value(kind, name), cue=cue[0]))


# ----------------------------------------------------------------------------- pointed ids
_POINTED: Final = re.compile(
    "(?:号是|號是|(?i:ID)是"
    "|(?i:my[ \\t]{1,2}(?:id|handle|username|user[ \\t]?name)[ \\t]{1,2}is))"
    "[ \\t]{0,2}[:：]?[ \\t]{0,2}"
    "(?P<id>[A-Za-z0-9][A-Za-z0-9_\\-]{3,31})(?![A-Za-z0-9_\\-.@])"
)
POINTED_GATE: Final = (
    "号是|號是|(?i:id)是|(?i:my[ \\t]{1,2}(?:id|handle|user[ \\t]?name)[ \\t]{1,2}is)"
)
"""RE2: the words that point to an id said apart from its cue (``号是：``, ``my id is``)."""
_POINTED_REACH: Final = 120
"""How far before the pointer the messenger's cue may be."""


def find_pointed_handles(text: str, out: list[Candidate]) -> None:
    """An id after ``号是：`` or ``my id is``, its messenger the last cue in the text before it
    (within ``_POINTED_REACH`` characters): the id must have the messenger's shape."""
    for m in _POINTED.finditer(text):
        lo = max(0, m.start() - _POINTED_REACH)
        cues = list(_KIND_CUE.finditer(text, lo, m.start()))
        if not cues:
            continue
        cue = cues[-1]
        kind = next(k for k in _KINDS if cue[k])
        ident = m["id"]
        if _MARKED.search(ident) and _SHAPES[kind].fullmatch(ident):
            out.append(Candidate(kind, m.start("id"), m.end("id"), _value(kind, ident), cue=cue[0]))
