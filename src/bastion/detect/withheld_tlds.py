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

from bastion.detect._needs import needed_chars
from bastion.detect.base import DetectContext, Resources, re2_text
from bastion.model import Item, Signal
from bastion.normalize.tables import char_class

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
_GATE_WORDS: Final = ("ending", "extension", "suffix", "tld", "goes after the dot")
_GATE_HAN: Final = ("后缀", "後綴", "后面自己加", "后面你加")
_GATE_RE: Final = re2.compile(f"(?i:{'|'.join(_GATE_WORDS)})|{'|'.join(_GATE_HAN)}")
"""RE2: the words a held-back ending needs (``re`` takes about 5 µs a message for them)."""
_FOLDS_TO_ASCII: Final = re.compile("[ſİı]").search
"""Characters ``(?i)`` may read as a letter of ``_GATE_WORDS`` (``ſ`` as ``s``; ``re`` reads
``İ`` and ``ı`` as ``i``): a text holding one is asked of RE2 itself."""
_GATE_HINT: Final = re.compile(
    f"[{char_class(sorted(needed_chars([_GATE_RE.pattern], lambda _: False) or ()))}]"
).search
"""``re``: a character every match of ``_GATE_RE`` holds (``bastion.detect._needs``, case
variants included): most texts in Chinese hold none."""


def wants(text: str) -> bool:
    """``_GATE_RE`` occurs in ``text`` (lone surrogates read as ``?``), mostly without calling
    RE2 (about 1.5 µs, the call itself): with no character that folds to one of the words'
    letters but those letters themselves, ``(?i)`` is ``str.lower`` (which makes ASCII letters
    only of ASCII letters, ``K`` and ``İ``: no ``k`` in the words, ``İ`` tested apart)."""
    if not text.isascii():
        if _GATE_HINT(text) is None:
            return False
        if _FOLDS_TO_ASCII(text) is not None:
            return _GATE_RE.search(re2_text(text)) is not None
        if "后" in text or "後" in text:
            for word in _GATE_HAN:
                if word in text:
                    return True
    lower = text.lower()
    return (
        "ending" in lower
        or "extension" in lower
        or "suffix" in lower
        or "tld" in lower
        or "goes after the dot" in lower
    )


class WithheldTldDetector:
    """Emits ``link.tld_withheld`` for a site's name whose ending the message holds back."""

    name: Final = "withheld_tlds"
    emits: Final = frozenset({LABEL})

    __slots__ = ()

    def __init__(self, resources: Resources) -> None:
        del resources

    def gate(self, item: Item) -> bool:
        return wants(item.text)

    def detect(self, context: DetectContext) -> list[Signal]:
        if not wants(context.original):
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
