"""Entity finders: URLs, domains, IPs, e-mail, deep links, messaging handles and phones.

``find_entities(text)`` is the scanner's entry: a microsecond pre-check rejects the common
message with nothing link-like, and only the rest is unmasked and searched. Finders run on the
folded text; spans are mapped back to original code points once, after overlap resolution.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from bastion.extract._gates import Gate
from bastion.extract._types import Candidate, UnmaskedLike, resolve_overlaps
from bastion.extract.encoded import TRIGGER as ENCODED_TRIGGER
from bastion.extract.encoded import find_encoded
from bastion.extract.handles import HANDLE_FINDERS, qq_mailboxes
from bastion.extract.hosts import EMBEDDED, PROSE_LIKE, find_hosts
from bastion.extract.messengers import MESSENGER_HOSTS
from bastion.extract.phones import NATIONAL_GATE, PHONE_SHAPE, find_national_phones, find_phones
from bastion.extract.precheck import has_candidates
from bastion.extract.tails import withhold_cut_layouts, withhold_tails
from bastion.extract.unsure import withhold_unsure
from bastion.model import Entity
from bastion.normalize import unmask

__all__ = ["extract_entities", "find_entities", "has_candidates"]

_SCHEME, _AT, _COLONS, _DOT, _PHONE, _NATIONAL, _ENCODED = range(7)
_ROUTER = Gate(
    [
        "://",
        "@",
        ":[0-9A-Fa-f]{0,4}:",
        "\\.",
        PHONE_SHAPE,
        NATIONAL_GATE,
        ENCODED_TRIGGER,
        *(cue for cue, _ in HANDLE_FINDERS),
    ]
)
"""Which finders can match at all: one RE2 pass instead of a Python regex scan per finder."""
_HOST_TRICKS = frozenset(
    {"spelled_dot", "spaced_letters", "homoglyph", "nfkc", "hxxp", "defang", "leet", "bidi"}
    | {"instruction"}
)
_DELETIONS = frozenset({"invisible", "combining"})
"""Unmasking tricks that show intent: a host they produced is trusted even if it reads as words.
Invisible characters count only inside the host: one beside it is no disguise."""


_UNSURE = frozenset({"weak_dot", "weak_join", "split_word"})
"""Tricks whose host is one reading among others: kept only when the intel lists it."""
_HOST_KINDS = frozenset({"url", "domain", "email", "deeplink", "ip"})


def _entity(unmasked: UnmaskedLike, cand: Candidate) -> Entity:
    start, end = unmasked.to_original(cand.start, cand.end)
    flags = list(unmasked.tricks_in(cand.start, cand.end))
    flags.extend(flag for flag in cand.flags if flag not in flags)
    if PROSE_LIKE not in flags and not _UNSURE.isdisjoint(flags):
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


def extract_entities(
    unmasked: UnmaskedLike, *, prose_like: bool = False, told: bool = False
) -> list[Entity]:
    """All entities of an unmasked text in reading order, non-overlapping.

    ``prose_like=True`` adds the ``word.word`` hosts that read as prose, flagged ``prose_like``
    (the scanner keeps them only when the intel lists them), and the hosts of the guessed
    reading (``unmasked.alternate``): see :func:`_with_guesses`. ``told=True`` says the text is
    a second reading, already read as the message says: a value in it is not "read as written"
    beside an instruction to decode (:mod:`bastion.extract.unsure`).

    A URL swallows its host and an e-mail its domain; a cue-introduced handle outranks the same
    digits read as a phone. Spans and ``raw`` refer to ``unmasked.original``.
    """
    entities = _extract(unmasked, prose_like, told)
    alternate = getattr(unmasked, "alternate", None)
    if prose_like and alternate is not None:
        return _with_guesses(entities, _extract(alternate, True))
    return entities


def _with_guesses(entities: list[Entity], guessed: list[Entity]) -> list[Entity]:
    """Add the guessed reading's hosts that the main reading lacks: a guess made them, so they are
    ``prose_like``; a host of the main
    reading that overlaps one becomes ``prose_like`` too (``www.today`` of ``www.today,in``):
    two readings of one span, so each is kept only if the intel lists it."""
    seen = {e.host or e.value for e in entities if e.kind in _HOST_KINDS}
    starts = [e.span[0] for e in entities]
    added: list[Entity] = []
    for entity in guessed:
        if entity.kind not in _HOST_KINDS or (entity.host or entity.value) in seen:
            continue
        if PROSE_LIKE not in entity.flags:
            entity.flags.append(PROSE_LIKE)
        added.append(entity)
        lo, hi = entity.span
        # entities are in reading order and disjoint (but for links embedded in a link)
        for i in range(bisect_left(starts, hi) - 1, -1, -1):
            other = entities[i]
            if other.span[1] <= lo:
                break
            hosty = other.kind in _HOST_KINDS and "." in (other.host or "")
            if hosty and PROSE_LIKE not in other.flags:
                other.flags.append(PROSE_LIKE)
    if not added:
        return entities
    return sorted([*entities, *added], key=lambda e: (e.span[0], e.span[0] - e.span[1]))


def _extract(unmasked: UnmaskedLike, prose_like: bool, told: bool = False) -> list[Entity]:
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
    if _NATIONAL in hits:
        find_national_phones(text, found)
    if encoded:  # the decoded URL outranks whatever the token's letters happen to spell
        found = [c for c in found if not any(c.start < e.end and e.start < c.end for e in encoded)]
        found.extend(encoded)
    if not found:
        return []
    found = _messenger_urls_cut_short(found)
    nested = [cand for cand in found if EMBEDDED in cand.flags]
    kept = resolve_overlaps(
        [cand for cand in found if EMBEDDED not in cand.flags] if nested else found
    )
    if nested:
        kept = _with_embedded(kept, nested)
    if _AT in hits and (mailboxes := qq_mailboxes(kept)):
        kept = sorted([*kept, *mailboxes], key=Candidate.sort_key)
    entities = [_entity(unmasked, cand) for cand in kept]
    withhold_cut_layouts(unmasked, [(c.start, c.end) for c in kept], entities)
    return withhold_unsure(
        unmasked.original, withhold_tails(unmasked.original, entities), hinted=not told
    )


_HANDLE_KINDS = frozenset({"wechat", "qq", "telegram", "whatsapp", "line", "kakao", "phone"})


def _messenger_urls_cut_short(found: list[Candidate]) -> list[Candidate]:
    """Drop a messenger link that names no account (``wa.me/+44`` of ``wa.me/+44 7500 590996``:
    the URL ends at the space) where a handle finder read the account on past its end."""
    shorts = [
        c
        for c in found
        if c.kind == "url" and c.host is not None and c.host.removeprefix("www.") in MESSENGER_HOSTS
    ]
    if not shorts:
        return found
    handles = [c for c in found if c.kind in _HANDLE_KINDS]
    cut = {
        id(url)
        for url in shorts
        if any(h.start < url.end < h.end and url.start <= h.start for h in handles)
    }
    return [c for c in found if id(c) not in cut] if cut else found


def _with_embedded(kept: list[Candidate], nested: list[Candidate]) -> list[Candidate]:
    """Links embedded in a kept URL (a redirector's target), after it in reading order."""
    urls = [c for c in kept if c.kind == "url"]
    starts = [c.start for c in urls]
    inside = []
    for cand in nested:
        i = bisect_right(starts, cand.start) - 1
        if i >= 0 and cand.end <= urls[i].end:
            inside.append(cand)
    return sorted([*kept, *inside], key=Candidate.sort_key) if inside else kept


def find_entities(text: str) -> list[Entity]:
    """Pre-check, unmask and extract: the whole stage for one message."""
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, got {type(text).__name__}")
    if not has_candidates(text):
        return []
    return extract_entities(unmask(text))
