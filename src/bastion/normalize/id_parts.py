"""An id given in two parts after its cue, joined as the reader is told to join them.

``扣扣前几位是454，后面是6036`` is the QQ number 4546036, ``wechat id starts with mei and ends
with tianjin_4205`` the id meitianjin_4205: a filter that looks for a cue and then an id sees
neither. The words before the first part become a colon and the words between the parts go, so
the handle finders read ``扣扣：4546036``. Only right after a messenger cue, and only with both
halves said (a first part and a last part).
"""

from __future__ import annotations

import re
from typing import Final

from bastion.normalize.cues import CUES
from bastion.normalize.re2syntax import to_re2
from bastion.normalize.result import Group, Work

_SAY: Final = "(?:是|为|：|:)"
_HEAD_ZH: Final = f"(?:的?(?:(?:前几位|前[0-9一二三四五六七八]位|开头|前面){_SAY}|前半段?{_SAY}?))"
_TAIL_ZH: Final = (
    "(?:[，,、。;；]?[ \t]?(?:(?:后面|后几位|后[0-9一二三四五六七八]位|结尾|剩下的?)"
    f"{_SAY}|后半段?{_SAY}?))"
)
_HEAD_EN: Final = "(?:,?[ \t](?i:starts with|begins with|first part|part one):?[ \t])"
_TAIL_EN: Final = "(?:,?[ \t](?i:and )?(?i:ends with|second part|part two|last part|then):?[ \t])"
_PART: Final = "[A-Za-z0-9_\\-]{1,20}"
_PARTS_RE: Final = re.compile(
    f"(?:{'|'.join(CUES)})(?:(?P<zh>{_HEAD_ZH})(?P<a>{_PART})(?P<zmid>{_TAIL_ZH})"
    f"|(?P<en>{_HEAD_EN})(?P<b>{_PART})(?P<emid>{_TAIL_EN}))(?P<rest>{_PART})"
)
TRIGGER: Final = (
    f"(?:{to_re2('|'.join(CUES))})(?:{_HEAD_ZH}{_PART}{_TAIL_ZH}|{_HEAD_EN}{_PART}{_TAIL_EN})"
)
"""A cue, a first part and the words before the last part (RE2 syntax)."""


def id_parts_pass(work: Work) -> None:
    """``扣扣前几位是454，后面是6036`` -> ``扣扣：4546036``."""
    groups: list[Group] = []
    for m in _PARTS_RE.finditer(work.text):
        head, mid = ("zh", "zmid") if m["zh"] else ("en", "emid")
        colon = "：" if head == "zh" else ": "
        edits = [(*m.span(head), colon), (*m.span(mid), "")]
        groups.append(("spaced_letters", m.start(head), m.end("rest"), edits))
    work.apply(groups)
