"""Entity finders: URLs, domains, IPs, e-mail, deep links, messaging handles and phones.

``find_entities(text)`` is the scanner's entry: a microsecond pre-check rejects the common
message with nothing link-like, and only the rest is unmasked and searched. Finders run on the
folded text; spans are mapped back to original code points once, after overlap resolution.
"""

from __future__ import annotations

from bastion.extract._gates import Gate
from bastion.extract._types import Candidate, UnmaskedLike, resolve_overlaps
from bastion.extract.encoded import TRIGGER as ENCODED_TRIGGER
from bastion.extract.encoded import find_encoded
from bastion.extract.handles import HANDLE_FINDERS
from bastion.extract.hosts import PROSE_LIKE, find_hosts
from bastion.extract.phones import PHONE_SHAPE, find_phones
from bastion.extract.precheck import has_candidates
from bastion.model import Entity
from bastion.normalize import unmask

__all__ = ["extract_entities", "find_entities", "has_candidates"]

_SCHEME, _AT, _COLONS, _DOT, _PHONE, _ENCODED = range(6)
_ROUTER = Gate(
    [
        "://",
        "@",
        ":[0-9A-Fa-f]{0,4}:",
        "\\.",
        PHONE_SHAPE,
        ENCODED_TRIGGER,
        *(cue for cue, _ in HANDLE_FINDERS),
    ]
)
"""Which finders can match at all: one RE2 pass instead of a Python regex scan per finder."""
_HOST_TRICKS = frozenset(
    {"spelled_dot", "spaced_letters", "homoglyph", "nfkc", "hxxp", "defang", "leet", "bidi"}
)
_DELETIONS = frozenset({"invisible", "combining"})
"""Unmasking tricks that show intent: a host they produced is trusted even if it reads as words.
Invisible characters count only inside the host: one beside it is no disguise."""


def _entity(unmasked: UnmaskedLike, cand: Candidate) -> Entity:
    start, end = unmasked.to_original(cand.start, cand.end)
    flags = list(unmasked.tricks_in(cand.start, cand.end))
    flags.extend(flag for flag in cand.flags if flag not in flags)
    if "weak_dot" in flags and PROSE_LIKE not in flags:
        flags.append(PROSE_LIKE)
    return Entity(
        kind=cand.kind,
        raw=unmasked.original[start:end],
        span=(start, end),
        value=cand.value,
        host=cand.host,
        cue=cand.cue,
        flags=flags,
    )


def extract_entities(unmasked: UnmaskedLike, *, prose_like: bool = False) -> list[Entity]:
    """All entities of an unmasked text in reading order, non-overlapping.

    ``prose_like=True`` adds the ``word.word`` hosts that read as prose, flagged ``prose_like``
    (the scanner keeps them only when the intel lists them).

    A URL swallows its host and an e-mail its domain; a cue-introduced handle outranks the same
    digits read as a phone. Spans and ``raw`` refer to ``unmasked.original``.
    """
    text = unmasked.text
    hits = _ROUTER.hits(text)
    if not hits:
        return []
    found: list[Candidate] = []

    def vouched(start: int, end: int) -> bool:
        if any(trick in _HOST_TRICKS for trick in unmasked.tricks_in(start, end)):
            return True
        inner = unmasked.tricks_in(start + 1, end - 1) if end - start > 2 else []
        return any(trick in _DELETIONS for trick in inner)

    find_hosts(
        text,
        found,
        scheme=_SCHEME in hits,
        at=_AT in hits,
        colons=_COLONS in hits,
        dot=_DOT in hits,
        vouched=vouched if text != unmasked.original else None,
        prose_like=prose_like,
    )
    encoded: list[Candidate] = []
    if _ENCODED in hits:
        find_encoded(text, encoded)
    for index, (_, finder) in enumerate(HANDLE_FINDERS, start=_ENCODED + 1):
        if index in hits:
            finder(text, found)
    if _PHONE in hits:
        find_phones(text, found)
    if encoded:  # the decoded URL outranks whatever the token's letters happen to spell
        found = [c for c in found if not any(c.start < e.end and e.start < c.end for e in encoded)]
        found.extend(encoded)
    if not found:
        return []
    return [_entity(unmasked, cand) for cand in resolve_overlaps(found)]


def find_entities(text: str) -> list[Entity]:
    """Pre-check, unmask and extract: the whole stage for one message."""
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, got {type(text).__name__}")
    if not has_candidates(text):
        return []
    return extract_entities(unmask(text))
