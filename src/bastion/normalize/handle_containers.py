"""Ids in containers a finder does not open: a hashtag after a cue hashtag, a number in groups
split by middle dots, an answer on the line after a quoted question.

- ``#微信 #cherrybaobao098``, ``#加微信：#x``, ``#WeChatID: #vickylele6138``: the cue is a
  hashtag (a verb may come first) and so is the id; the ``#`` before the id is dropped, so
  the cue reads it.
- ``WhatsApp ＋44・74814・86715``: an international number in groups joined by ``・``/``·``;
  the groups are joined (``+447481486715``).
- ``> 你Q号发我⏎6593314617``: a quoted question that names a messenger, the id alone at the
  start of the next line (the reply); the messenger's name is put before the id.

Each edit is trick ``instruction`` (read as the message means it).
"""

from __future__ import annotations

import re
from typing import Final

from bastion.normalize.cues import CUES
from bastion.normalize.result import Group, Work

INSTRUCTION: Final = "instruction"

_CUE: Final = "|".join(f"(?:{cue})" for cue in CUES)
_HASHTAG_RE: Final = re.compile(
    rf"#[^\s#:：]{{0,4}}?(?:(?:{_CUE})|(?i:wechat|weixin|telegram|whatsapp|line)[ _]?(?i:id))"
    rf"[ \t]{{0,2}}[:：]?[ \t]{{0,2}}(?P<hash>#)(?=[A-Za-z0-9@][A-Za-z0-9_\-]{{4,30}})"
)
_GROUPED_RE: Final = re.compile(r"[+＋][ ]?[1-9][0-9]{0,3}(?:[・･·\u00b7][0-9]{2,6}){1,4}(?![0-9])")
_QUOTED: Final = {
    "QQ": r"(?i:qq)|Q号|扣扣|企鹅号?|球球|(?i:\bq\b)",
    "WeChat": r"微信|(?i:wechat|weixin|\bvx\b|\bwx\b)",
    "Telegram": r"(?i:telegram|\btg\b)|飞机|纸飞机",
    "WhatsApp": r"(?i:whatsapp|\bwa\b)",
    "LINE": r"(?i:\bline\b)",
}
_QUOTED_RE: Final = re.compile(
    "(?m)^>[^\\n]{0,60}?(?:"
    + "|".join(f"(?P<{name}>{cue})" for name, cue in _QUOTED.items())
    + ")[^\\n]{0,40}\\n(?P<id>)(?=@?[A-Za-z0-9][A-Za-z0-9_\\-]{4,30}(?![A-Za-z0-9_\\-]))"
)

TRIGGER: Final = (
    r"#[^#\s]{1,16}[ \t]{0,2}[:：]?[ \t]{0,2}#[A-Za-z0-9@]"
    r"|[+＋][ ]?[0-9]{1,4}[・･·][0-9]{2,6}[・･·][0-9]"
    r"|(?:^|\n)>[^\n]{0,100}\n@?[A-Za-z0-9]"
)
"""RE2, a superset of every container read here."""


def handle_containers(text: str) -> list[Group]:
    """The edits that open each container (see the module docstring)."""
    groups: list[Group] = []
    for m in _HASHTAG_RE.finditer(text):
        at = m.start("hash")
        groups.append((INSTRUCTION, at, at + 1, [(at, at + 1, "")]))
    for m in _GROUPED_RE.finditer(text):
        digits = re.sub(r"[^0-9]", "", m[0])
        if 8 <= len(digits) <= 15:
            start, end = m.span()
            groups.append((INSTRUCTION, start, end, [(start, end, "+" + digits)]))
    for m in _QUOTED_RE.finditer(text):
        name = m.lastgroup if m.lastgroup != "id" else None
        name = next((k for k in _QUOTED if m.group(k)), name)
        if name is None:
            continue
        at = m.start("id")
        groups.append((INSTRUCTION, at, at, [(at, at, f"{name}: ")]))
    return sorted(groups, key=lambda g: g[1])


def handle_containers_pass(work: Work) -> None:
    """Open the containers :func:`handle_containers` finds."""
    groups = handle_containers(work.text)
    if groups:
        work.apply(groups)
