"""An account name offered with no messenger named: ``casino bonus 500%, dm crypto_xiao800``.

English spam often names no app: ``dm``, ``ask``, ``message`` or a dash, then a user name. The
handle finders report a handle only beside its messenger's cue (``add yuyu_28370`` alone is no
WeChat id: in English no messenger is the default), so such a name is no entity. This detector
says that a name of an account's shape follows a contact word; the policy sends it to review
only beside the wording of a harmful trade (``handle.unnamed_harmful``), where a person can
tell whose account it is. The shape is narrow on purpose: letters, an ``_``, more letters or
digits, and a digit at the end (``queen_bao793``), which ordinary words never are.
"""

from __future__ import annotations

import re
from typing import Final

from bastion.detect.base import DetectContext, Resources
from bastion.model import Item, Signal

LABEL: Final = "contact.unnamed_handle"
SCORE: Final = 0.5
_NAME: Final = "@?(?P<name>[A-Za-z][A-Za-z0-9]{1,15}_[A-Za-z0-9_]{0,15}[0-9])(?![A-Za-z0-9_@.])"
_HANDLE_RE: Final = re.compile(
    "(?:(?<![A-Za-z])(?i:dm|pm|msg|message|text|ask|contact|inbox|hit up|reach|find|add)"
    "(?:[ \t]{1,2}(?i:me|us))?(?:[ \t]{1,2}(?i:at|on|via))?[ \t]{0,2}[:：]?"
    "|[—–]|->|=>|👉|➡\ufe0f?)"
    f"[ \t]{{1,3}}{_NAME}"
)
"""A contact word or a dash pointing on, then a name of an account's shape."""


class UnnamedHandleDetector:
    """Emits ``contact.unnamed_handle`` for a user name after a contact word, no app named."""

    name: Final = "unnamed_handles"
    emits: Final = frozenset({LABEL})

    __slots__ = ()

    def __init__(self, resources: Resources) -> None:
        del resources

    def gate(self, item: Item) -> bool:
        text = item.text
        return "_" in text and _HANDLE_RE.search(text) is not None

    def detect(self, context: DetectContext) -> list[Signal]:
        text = context.text
        m = _HANDLE_RE.search(text) if "_" in text else None  # a name holds an ``_``
        if m is None:
            return []
        return [
            Signal(
                detector=self.name,
                label=LABEL,
                score=SCORE,
                evidence=f"account name {m['name']!r} after {m[0].split(m['name'])[0].strip()!r}",
            )
        ]
