"""Third-party detectors as a package would ship them, registered in tests through entry points."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Final

from bastion.detect.base import DetectContext, Resources
from bastion.model import Item, Signal

_URGENT = re.compile(r"(?i)\burgent(?:ly)?\b|紧急")
_MAX_SIGNALS = 16


class UrgencyDetector:
    """Flags pressure wording ("urgent", 紧急) even in a message with no link at all."""

    name: Final = "urgency"
    emits: Final = frozenset({"urgency"})

    def __init__(self, resources: Resources) -> None:
        self._resources = resources

    def gate(self, item: Item) -> bool:
        text = item.text
        return "rgent" in text or "RGENT" in text or "紧急" in text

    def detect(self, context: DetectContext) -> list[Signal]:
        signals = []
        for match in _URGENT.finditer(context.original):
            signals.append(
                Signal(
                    detector=self.name,
                    label="urgency",
                    score=0.7,
                    evidence=match.group(),
                    span=match.span(),
                )
            )
            if len(signals) == _MAX_SIGNALS:
                break
        return signals


class WatchwordDetector:
    """Flags words from a list the operator keeps in the home (``watchwords.txt``): a detector
    with data of its own, read at the edge through ``load_asset``."""

    name: Final = "watchwords"
    emits: Final = frozenset({"watchword"})
    FILE: Final = "watchwords.txt"

    def __init__(self, resources: Resources) -> None:
        self._words = resources.asset(self.name, tuple) or ()

    @classmethod
    def load_asset(cls, home: Path) -> tuple[str, ...] | None:
        path = home / cls.FILE
        if not path.is_file():
            return None
        words = tuple(w for w in path.read_text(encoding="utf-8").split() if w)
        if any(len(word) > 64 for word in words):
            raise ValueError(f"{path}: a watchword is longer than 64 characters")
        return words

    def gate(self, item: Item) -> bool:
        return any(word in item.text for word in self._words)

    def detect(self, context: DetectContext) -> list[Signal]:
        return [
            Signal(detector=self.name, label="watchword", score=0.9, evidence=word)
            for word in self._words
            if word in context.original
        ]


class Unnamed:
    """Not a detector: no name, no labels."""


def broken_factory() -> None:
    raise RuntimeError("never called")


broken_factory.name = "reputation"  # type: ignore[attr-defined]
broken_factory.emits = frozenset({"x"})  # type: ignore[attr-defined]
