"""Internal vocabulary of the finders: the unmasked-text contract and a span-tagged candidate.

Finders work on the *folded* text and report folded spans; ``extract_entities`` resolves overlaps
and maps the survivors back to original code points once, so no finder needs the offset map.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

# Kinds whose candidates outrank an equal span found by a weaker finder (a QQ number after its
# cue beats the bare phone-shaped digits; a messenger handle beats nothing else at its span).
_PRIORITY = {
    "url": 0,
    "deeplink": 0,
    "email": 1,
    "telegram": 2,
    "whatsapp": 2,
    "line": 2,
    "kakao": 2,
    "wechat": 2,
    "qq": 2,
    "ip": 3,
    "domain": 4,
    "phone": 5,
}


class UnmaskedLike(Protocol):
    """What ``bastion.normalize.unmask`` returns; declared structurally so tests can fake it."""

    @property
    def original(self) -> str: ...

    @property
    def text(self) -> str: ...

    def to_original(self, start: int, end: int) -> tuple[int, int]: ...

    def tricks_in(self, start: int, end: int) -> list[str]: ...


@dataclass(slots=True)
class Candidate:
    """An entity before overlap resolution; ``start``/``end`` index the folded text."""

    kind: str
    start: int
    end: int
    value: str
    host: str | None = None
    cue: str | None = None
    flags: tuple[str, ...] = ()

    def sort_key(self) -> tuple[int, int, int]:
        """Reading order; at one start the longest wins, then the more specific kind."""
        return (self.start, self.start - self.end, _PRIORITY.get(self.kind, 9))


def resolve_overlaps(candidates: list[Candidate]) -> list[Candidate]:
    """Keep a non-overlapping subset, preferring the earliest start, then the longest span."""
    candidates.sort(key=Candidate.sort_key)
    kept: list[Candidate] = []
    end = -1
    for cand in candidates:
        if cand.start >= end:
            kept.append(cand)
            end = cand.end
    return kept
