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

import re
import unicodedata
from typing import Final

import re2

from bastion.detect._needs import needed_chars
from bastion.detect.base import DetectContext, Resources, re2_text
from bastion.extract._gates import GATE_MAX
from bastion.model import Item, Signal
from bastion.normalize.decode_hints import HINT, HINT_FLAGS, LINKISH, instructs
from bastion.normalize.hs_sets import re2_set
from bastion.normalize.tables import char_class
from bastion.normalize.unmask import GATE_MEMORY

LABEL: Final = "link.decode_hint"
SCORE: Final = 0.5
_REACH: Final = 160
"""How far from the instruction the link or handle's sign may stand (a line or two)."""
_DECODED: Final = "instruction"
"""The flag of a value a reader read as the message says (``normalize.ciphers``)."""
_HINT_RE: Final = re2.compile(HINT_FLAGS + HINT)
_LINKISH_RE: Final = re2.compile(LINKISH)
_HINT_FOUND: Final = re2_set([HINT_FLAGS + HINT], GATE_MEMORY)
"""The same pattern as an RE2 set, called on the UTF-8 bytes directly: whether it occurs at
all, without the ``re2`` module's wrapper (offset conversion, a generator, a match object), which
cost most of this gate on a short message."""
_HINT_NEEDS: Final = re.compile(
    f"[{char_class(sorted(needed_chars([HINT_FLAGS + HINT], lambda _: False) or ()))}]"
).search
"""``re``: a character every match of the hint holds (``bastion.detect._needs``, case variants
included): most texts in Chinese hold none. Texts in ASCII skip it (its letters are common)."""


def hinted(text: str) -> bool:
    """``_HINT_RE.search(re2_text(text)) is not None``: a text without a needed character has
    no hint; encoding with ``replace`` gives the bytes ``re2_text`` hands RE2 (a lone surrogate
    as ``?``, which no hint needs); a text longer than ``GATE_MAX`` is searched, as an RE2 set's
    DFA budget could run out on it."""
    if not text.isascii() and _HINT_NEEDS(text) is None:
        return False
    if len(text) > GATE_MAX:
        return _HINT_RE.search(re2_text(text)) is not None
    return bool(_HINT_FOUND(text.encode("utf-8", "replace")))


class DecodeHintDetector:
    """Emits ``link.decode_hint`` for an instruction to decode beside a link's or id's sign."""

    name: Final = "decode_hints"
    emits: Final = frozenset({LABEL})

    __slots__ = ()

    def __init__(self, resources: Resources) -> None:
        del resources

    def gate(self, item: Item) -> bool:
        return hinted(item.text)

    def detect(self, context: DetectContext) -> list[Signal]:
        if not hinted(context.original):
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
