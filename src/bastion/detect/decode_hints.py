"""A message that tells its reader to decode or assemble a link or id: at least review.

``Atbash：a换z，b换y``, ``01100010 01100101 … (binary ASCII)``, ``base32``, ``摩斯电码``,
``字母按英文读音写的，连起来不加空格``, ``viết liền, số đọc bằng chữ``, ``(say it out loud, no
spaces)``, ``每位数字加一``, ``=CONCATENATE(...)``, ``***换成...``: the link or id is written so a
person undoes it and a filter does not. Where a reader in ``bastion.normalize`` undoes it the
value is looked up as usual; where none does, nothing is reported (``bastion.extract.unsure``
withholds what is read as written), so this detector is the net: an instruction to decode
(``bastion.normalize.decode_hints``, in Chinese, English, Vietnamese, Spanish, Russian, Korean
and Japanese) beside a sign of a link or handle (a TLD after any dot, a dot word, a messenger
cue, an ``@name``) emits ``link.decode_hint``, and the policy sends the item to a person. Where
a reader did undo it (a value flagged ``instruction``), the value is judged as any other.
"""

from __future__ import annotations

import unicodedata
from typing import Final

import re2

from bastion.detect.base import DetectContext, Resources, re2_text
from bastion.model import Item, Signal
from bastion.normalize.decode_hints import HINT, HINT_FLAGS, LINKISH, instructs

LABEL: Final = "link.decode_hint"
SCORE: Final = 0.5
_REACH: Final = 160
"""How far from the instruction the link or handle's sign may stand (a line or two)."""
_DECODED: Final = "instruction"
"""The flag of a value a reader read as the message says (``normalize.ciphers``)."""
_HINT_RE: Final = re2.compile(HINT_FLAGS + HINT)
_LINKISH_RE: Final = re2.compile(LINKISH)


class DecodeHintDetector:
    """Emits ``link.decode_hint`` for an instruction to decode beside a link's or id's sign."""

    name: Final = "decode_hints"
    emits: Final = frozenset({LABEL})

    __slots__ = ()

    def __init__(self, resources: Resources) -> None:
        del resources

    def gate(self, item: Item) -> bool:
        return _HINT_RE.search(re2_text(item.text)) is not None

    def detect(self, context: DetectContext) -> list[Signal]:
        if _HINT_RE.search(re2_text(context.original)) is None:
            return []  # items with entities reach every detector: the gate first, it is cheaper
        if any(_DECODED in entity.flags for entity in context.entities):
            return []  # a reader undid what the message says: the value is looked up as usual
        text = re2_text(unicodedata.normalize("NFKC", context.original))  # ``ｘｌｎ``
        hint = _HINT_RE.search(text)
        while hint is not None:
            lo = max(0, hint.start() - _REACH)
            sign = _LINKISH_RE.search(text[lo : hint.end() + _REACH])
            if sign is not None and instructs(text, hint.start()):
                return [
                    Signal(
                        detector=self.name,
                        label=LABEL,
                        score=SCORE,
                        evidence=(
                            f"instruction to decode {hint.group(0)!r} beside {sign.group(0)!r}"
                        ),
                    )
                ]
            hint = _HINT_RE.search(text, hint.end())
        return []
