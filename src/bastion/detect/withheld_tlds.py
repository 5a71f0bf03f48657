"""A site's name given with its ending held back: ``site is vbet88 dot (ask me for the ending)``,
``v8club + the usual ending, dm me``, ``官网 tt128 点 后缀私聊问我``, ``搜 x 加上常见后缀``.

No host is written, so no finder reports one and no list can be asked; guessing the ending would
report a site the text may not name. The name is the disguise itself, so this detector says a
host-shaped name stands right before words that hold its ending back (as written, or once
unmasked: ``ｖｂｅｔ８８``); the policy sends the item to a person (``link.tld_withheld``).
"""

from __future__ import annotations

import re
from typing import Final

import re2

from bastion.detect.base import DetectContext, Resources, re2_text
from bastion.model import Item, Signal

LABEL: Final = "link.tld_withheld"
SCORE: Final = 0.5
_ENDING_EN: Final = r"(?:ending|extension|suffix|tld|domain ending)"
_HELD_EN: Final = (
    rf"(?:[ \t]{{1,2}}dot)?[ \t]{{0,2}}[(\[]?(?:ask[ \t]me[ \t]for|dm[ \t]me[ \t]for|message[ \t]me"
    rf"[ \t]for)[ \t](?:the|its)[ \t]{_ENDING_EN}"
    rf"|[ \t]{{0,2}}\+[ \t]{{0,2}}(?:the[ \t])?(?:usual|common|normal|regular|obvious)[ \t]"
    rf"{_ENDING_EN}"
    r"|[ \t]{1,2}and[ \t]you[ \t]know[ \t]what[ \t]goes[ \t]after[ \t]the[ \t]dot"
    rf"|[ \t]{{1,2}}(?:plus|and|then)[ \t](?:add[ \t])?the[ \t](?:usual|common)[ \t]{_ENDING_EN}"
    rf"|[ \t]{{0,2}},[ \t]{{1,2}}(?:you[ \t]know[ \t](?:which|what|the)|same|old|usual)[ \t]"
    rf"{_ENDING_EN}"
)
"""``dot (ask me for the ending)``, ``+ the usual ending``, ``and you know what goes after the
dot``, ``, you know which ending``, ``, same ending``."""
_HELD_ZH: Final = (
    r"[ \t]{0,2}(?:[点點.。][ \t]{0,2})?(?:后缀|後綴)(?:私聊|私信|私我|问我|問我|找我|自己猜)"
    r"|[ \t]{0,2}[，,]?[ \t]{0,2}后面(?:自己|你)加|[ \t]{0,2}加上?(?:常见|常用|通用|常规)的?后缀"
    r"|[ \t]{0,2}[，,]?[ \t]{0,2}(?:后缀|後綴)(?:自己|你)(?:加|猜|补|補)"
    r"|[ \t]{0,2}[，,]?[ \t]{0,2}(?:后面)?加?(?:老|原来的?|以前的?|之前的?)(?:后缀|後綴)"
    r"|[ \t]{0,2}[，,]?[ \t]{0,2}(?:后缀|後綴)(?:你懂的|懂的都懂|照旧|不变|没变|还是老的)"
)
"""``点 后缀私聊问我``, ``，后面自己加``, ``加上常见后缀``, ``后缀自己补``, ``，后面加老后缀``,
``，后缀你懂的``."""
_WITHHELD_RE: Final = re.compile(
    r"(?<![A-Za-z0-9\-.@/])(?P<name>[A-Za-z0-9][A-Za-z0-9\-]{2,62})"
    rf"(?:(?i:{_HELD_EN})|{_HELD_ZH})"
)
_GATE_RE: Final = re2.compile(
    r"(?i:ending|extension|suffix|tld|goes after the dot)|后缀|後綴|后面自己加|后面你加"
)
"""RE2: the words a held-back ending needs (every message asks; RE2 answers in about 1.6 µs,
``re`` in 5)."""


class WithheldTldDetector:
    """Emits ``link.tld_withheld`` for a site's name whose ending the message holds back."""

    name: Final = "withheld_tlds"
    emits: Final = frozenset({LABEL})

    __slots__ = ()

    def __init__(self, resources: Resources) -> None:
        del resources

    def gate(self, item: Item) -> bool:
        return _GATE_RE.search(re2_text(item.text)) is not None

    def detect(self, context: DetectContext) -> list[Signal]:
        if _GATE_RE.search(re2_text(context.original)) is None:
            return []  # items with entities reach every detector: the gate first, it is cheaper
        m = _WITHHELD_RE.search(context.original) or _WITHHELD_RE.search(context.text)
        if m is None or not any(ch.isalpha() for ch in m["name"]):
            return []
        return [
            Signal(
                detector=self.name,
                label=LABEL,
                score=SCORE,
                evidence=f"site name {m['name']!r} with its ending held back",
            )
        ]
