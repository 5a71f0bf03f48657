"""An id split over a profile's name and bio, joined where the profile says to join them.

``name: yun-mei77`` / ``bio: ...595 (name + this = my wechat)``, ``昵称：faf`` /
``简介：alucky30946（昵称+简介=V号）``, ``名字：babydafa40`` / ``签名：后半段896，连起来是薇信``:
neither field holds the id, and the second line says that the two together are a messenger
account. A reader joins them and adds that account (``yun-mei77595``); the finders, which see
a name and a number, report nothing, or a shorter id. Only a name field followed on the next
line by a bio field, and only where right after the bio's piece the message says to join them
(``+``, ``连起来``, ``together``) and names the messenger: the name's label becomes that
messenger's cue and the gap between the two pieces goes (``微信：yun-mei77595``).
"""

from __future__ import annotations

import re
from typing import Final

from bastion.normalize.cues import CUE_LINE, CUE_QQ, CUE_TELEGRAM, CUE_WECHAT, CUE_WHATSAPP
from bastion.normalize.result import Edit, Group, Work

_NAME_LABEL: Final = (
    "昵称|昵稱|名字|用户名|用戶名|网名|網名|名称|名稱"
    "|(?<![A-Za-z])(?i:user ?name|display ?name|nick ?name|name)(?![A-Za-z])"
)
_BIO_LABEL: Final = (
    "简介|簡介|个人简介|個人簡介|签名|簽名|个性签名|個性簽名"
    "|(?<![A-Za-z])(?i:bio|about|signature)(?![A-Za-z])"
)
_PIECE: Final = "[A-Za-z0-9_\\-]{1,20}"
_SECOND_HALF: Final = "(?:\\.{2,3}|…|后半段?|後半段?|后半部分|後半部分|(?i:second half|rest)[:：]?)"
_SPLIT_RE: Final = re.compile(
    f"(?P<label>{_NAME_LABEL})[ \t]*[:：][ \t]*(?P<a>{_PIECE})[ \t]*\r?\n"
    f"[ \t]*(?:{_BIO_LABEL})[ \t]*[:：][ \t]*(?:{_SECOND_HALF}[ \t]*)?(?P<b>{_PIECE})"
    "(?![A-Za-z0-9_\\-])"
)
TRIGGER: Final = (
    "(?:昵称|昵稱|名字|用户名|用戶名|网名|網名|名称|名稱"
    "|(?i:user ?name|display ?name|nick ?name|name))"
    "[ \t]*[:：][^\n]{1,40}\n[ \t]*(?:简介|簡介|个人简介|個人簡介|签名|簽名|个性签名|個性簽名"
    "|(?i:bio|about|signature))[ \t]*[:：]"
)
"""RE2: a name field, then a bio field on the next line (a superset of :data:`_SPLIT_RE`)."""
_JOIN_RE: Final = re.compile(
    "[+＋➕]|连起来|連起來|合起来|合起來|拼起来|拼起來|加起来|加起來|(?i:together|combined|joined)"
)
_AFTER: Final = 40
"""How far after the bio's piece the instruction to join may stand (the rest of that line)."""
_KINDS: Final = (
    ("wechat", re.compile(CUE_WECHAT), "微信"),
    ("qq", re.compile(CUE_QQ), "QQ"),
    ("telegram", re.compile(CUE_TELEGRAM), "telegram"),
    ("whatsapp", re.compile(CUE_WHATSAPP), "WhatsApp"),
    ("line", re.compile(CUE_LINE), "LINE"),
)
"""Each messenger's cue words and the plain cue its account is written after."""


def _named_cue(said: str) -> str | None:
    """The plain cue of the messenger the instruction names after its join word, if any."""
    join = _JOIN_RE.search(said)
    if join is None:
        return None
    found = [
        (m.start(), plain)
        for _, cue, plain in _KINDS
        if (m := cue.search(said, join.start())) is not None
    ]
    return min(found)[1] if found else None


def split_fields_pass(work: Work) -> None:
    """``name: yun-mei77`` / ``bio: ...595 (name + this = my wechat)`` -> ``微信：yun-mei77595``."""
    text = work.text
    groups: list[Group] = []
    for m in _SPLIT_RE.finditer(text):
        line_end = text.find("\n", m.end())
        said = text[m.end() : min(m.end() + _AFTER, len(text) if line_end < 0 else line_end)]
        plain = _named_cue(said)
        ident = m["a"] + m["b"]
        if plain is None or not 6 <= len(ident) <= 20 or not any(c.isdigit() for c in ident):
            continue
        edits: list[Edit] = [
            (m.start("label"), m.start("a"), f"{plain}："),
            (m.end("a"), m.start("b"), ""),
        ]
        groups.append(("joined", m.start("label"), m.end("b"), edits))
    work.apply(groups)
