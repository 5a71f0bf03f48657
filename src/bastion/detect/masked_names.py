"""A site's name with two or more characters masked out: ``w_rldphobi_guide.com``,
``luc?y8?.com``, ``joysex_mi_.com``.

One masked character is read again with every filling (``normalize.readings``); with two the
fillings multiply and most leave no host a finder reads (``_`` and ``?`` are no host
characters), so the text yields nothing while a reader fills the gaps at a glance. This detector
says such a name stands before a web TLD; the policy sends the item to a person
(``link.masked_name``). File names (``test_case_one.py``) are spared: ``_`` counts only before a
TLD sites use, never a source-file extension.
"""

from __future__ import annotations

import re
from typing import Final

import re2

from bastion.detect.base import DetectContext, Resources, re2_text
from bastion.model import Item, Signal

LABEL: Final = "link.masked_name"
SCORE: Final = 0.5
_WEB_TLDS: Final = (
    "com|net|org|info|biz|xyz|top|vip|club|site|shop|live|online|store|fun|win|bet|me|tv|io|co"
    "|app|pro|cn|ru|de|uk|fr|it|es|nl|br|in|jp|kr|vn|ch|at|be|eu|us|ca|au|se|dk|cz|hu|ro|gr|tr"
)
_MASK: Final = "_?？*＊□▢■"
_MASKED_RE: Final = re.compile(
    rf"(?<![A-Za-z0-9\-.@/{_MASK}])[A-Za-z0-9][A-Za-z0-9\-]{{0,62}}"
    rf"(?:[{_MASK}][A-Za-z0-9\-]{{0,62}}){{2,8}}\.(?i:{_WEB_TLDS})(?![A-Za-z0-9\-_])"
)
_GATE_RE: Final = re2.compile(
    rf"[A-Za-z0-9][A-Za-z0-9\-]*[{_MASK}][A-Za-z0-9\-]*[{_MASK}][A-Za-z0-9\-{_MASK}]*"
    r"\.[A-Za-z]{2}"
)
"""RE2: two masks inside one name before a dot (every message asks: ``ok?? see you.`` must not
wake the detector, which would unmask the text)."""
_MASKISH: Final = f"[{_MASK}\\ud800-\\udfff]"
_MASK_PAIR: Final = re.compile(rf"{_MASKISH}[A-Za-z0-9\-]*{_MASKISH}").search
"""``re``: two masks with only name characters between, which every match of ``_GATE_RE``
holds (a lone surrogate counts: ``re2_text`` makes it a ``?``). One class search finds none in
most texts, where encoding the text and calling RE2 costs about 1.5 µs."""


def wants(text: str) -> bool:
    """``_GATE_RE`` occurs in ``text`` (lone surrogates read as ``?``), asking RE2 only when a
    dot and two masks close together are there."""
    return (
        "." in text and _MASK_PAIR(text) is not None and _GATE_RE.search(re2_text(text)) is not None
    )


class MaskedNameDetector:
    """Emits ``link.masked_name`` for a site's name with two or more characters masked out."""

    name: Final = "masked_names"
    emits: Final = frozenset({LABEL})

    __slots__ = ()

    def __init__(self, resources: Resources) -> None:
        del resources

    def gate(self, item: Item) -> bool:
        return wants(item.text)

    def detect(self, context: DetectContext) -> list[Signal]:
        if not wants(context.original):
            return []  # items with entities reach every detector: the gate first, it is cheaper
        for m in _MASKED_RE.finditer(context.original):
            name = m[0].rsplit(".", 1)[0]
            if sum(ch in _MASK for ch in name) >= 2 and sum(ch.isalnum() for ch in name) >= 4:
                return [
                    Signal(
                        detector=self.name,
                        label=LABEL,
                        score=SCORE,
                        evidence=f"site name {m[0]!r} with characters masked out",
                    )
                ]
        return []
