"""Reputation: annotate canonical entities with what the compiled intel index says about them.

The operator allow list always wins: an allowed entity gets no categories (the allow source is
still recorded, so reviewers see why). Messenger handles (telegram/whatsapp/line) are skipped:
their host is the messenger's own (t.me, wa.me, line.me), which says nothing about the handle.

A picture's ``image_hash`` entity is looked up among the listed perceptual hashes (within
``intel.hashes.MATCH_DISTANCE`` bits); its ``raw`` then names the distance and the listed hash.

As a detector it wants no item on its own (``gate`` is False: with no entity there is nothing to
look up) and emits one ``listed`` signal per listed entity and category, naming the feeds.
"""

from __future__ import annotations

import re
from typing import Final
from urllib.parse import unquote_plus

from bastion.canon.lookalike import lookalike_hosts
from bastion.detect.base import DetectContext, Resources
from bastion.extract.hosts import PROSE_LIKE
from bastion.intel import HostMatch, IntelIndex
from bastion.model import Entity, Item, Signal

SHORTENER_FLAG: Final = "shortener"
LOOKALIKE_FLAG: Final = "lookalike"
"""The host is not listed as written, but its leetspeak reading (``b3t888`` -> ``bet888``) is."""
LISTED: Final = "listed"
REDIRECT_FLAG: Final = "redirect_target"
"""The URL's own host is not listed, but a link it carries in its query (a redirector's
``?u=https://bet888.com``) is."""
_EMBEDDED: Final = re.compile(
    r"(?i)(?:https?|hxxps?)(?:://|%3a%2f%2f|:%2f%2f)([a-z0-9][a-z0-9.\-]{0,252}[a-z0-9])"
)

_SEARCHED: Final = re.compile(
    r"(?i)(?:^|&)(?:q|wd|word|query|p|text|search|search_query|keyword|kw)="
    r"\s*(?:www\.)?([a-z0-9][a-z0-9\-]{0,62}(?:\.[a-z0-9\-]{1,63}){0,3}\.[a-z]{2,24})\s*(?:&|$)"
)
"""A search query that is a host and nothing else (``?q=bet888.com``)."""


class ReputationDetector:
    """Sets ``categories``, ``sources``, ``allowed`` and the ``shortener`` flag from feeds."""

    name: Final = "reputation"
    emits: Final = frozenset({LISTED})
    gates: Final = False
    """Its gate is never true (it reads only entities or pictures): the scanner skips it."""
    __slots__ = ("_index",)

    def __init__(self, index: IntelIndex | Resources) -> None:
        self._index = index.index if isinstance(index, Resources) else index

    def gate(self, item: Item) -> bool:
        return False

    def detect(self, context: DetectContext) -> list[Signal]:
        """Annotate the context's entities, then one signal per listed (entity, category)."""
        entities = list(context.entities)
        if not entities:
            return []
        self.annotate(entities)
        return [
            Signal(
                detector="reputation",
                label=LISTED,
                score=1.0,
                evidence=", ".join(entity.sources),
                category=category,
                entities=[position],
                origin=entity.origin,
            )
            for position, entity in enumerate(entities)
            for category in entity.categories
        ]

    def annotate(self, entities: list[Entity]) -> None:
        """In place, for url/domain/ip/email entities (already canonicalized)."""
        index = self._index
        for entity in entities:
            kind = entity.kind
            match: HostMatch | None
            if kind == "url":
                if "://" in entity.value:
                    match = index.lookup_url(entity.value)
                else:
                    match = index.lookup_host(entity.host) if entity.host else None
            elif kind == "domain":
                match = index.lookup_host(entity.host or entity.value)
            elif kind == "deeplink":
                match = index.lookup_host(entity.host) if entity.host else None
            elif kind == "ip":
                match = index.lookup_ip(entity.host or entity.value)
            elif kind == "email":
                host = entity.host or entity.value.rpartition("@")[2]
                match = index.lookup_host(host) if host else None
            elif kind == "image_hash":
                match = index.lookup_pdq(entity.value)
                if match is not None:
                    _apply(entity, match)
                    entity.raw = f"{match.match_type} from listed {match.matched}"
                continue
            else:
                continue
            if (
                match is None
                and kind != "ip"
                and entity.host
                and any(c.isdigit() or c in "rvc" for c in entity.host)
            ):
                match = _lookalike(index, entity.host)
                if match is not None and LOOKALIKE_FLAG not in entity.flags:
                    entity.flags.append(LOOKALIKE_FLAG)
            if kind == "url" and (match is None or not match.categories):
                target = _redirect_target(index, entity.value)
                if target is not None:
                    match = target
                    if REDIRECT_FLAG not in entity.flags:
                        entity.flags.append(REDIRECT_FLAG)
            if match is not None and (PROSE_LIKE not in entity.flags or "." in match.matched):
                _apply(entity, match)


def _redirect_target(index: IntelIndex, url: str) -> HostMatch | None:
    """The listing of a web link embedded after the URL's host, or of a host searched for
    (``baidu.com/s?wd=bet888.com``: the first result is the site); at most four of each."""
    rest = url.partition("://")[2]
    cut = min((i for i in (rest.find("/"), rest.find("?")) if i >= 0), default=len(rest))
    embedded = [found[1] for found in list(_EMBEDDED.finditer(rest, cut))[:4]]
    query = rest.partition("?")[2].partition("#")[0]
    searched = [m[1] for m in list(_SEARCHED.finditer(unquote_plus(query)))[:4]] if query else []
    for host in (*embedded, *searched):
        match = index.lookup_host(host.lower())
        if match is not None and match.categories:
            return match
    return None


def _lookalike(index: IntelIndex, host: str) -> HostMatch | None:
    """The listing of a host that ``host`` spells with digits or letter pairs, if any."""
    for variant in lookalike_hosts(host):
        match = index.lookup_host(variant)
        if match is not None and (match.categories or match.allowed):
            return match
    return None


def _apply(entity: Entity, match: HostMatch) -> None:
    for source in match.sources:
        if source not in entity.sources:
            entity.sources.append(source)
    if match.shortener and SHORTENER_FLAG not in entity.flags:
        entity.flags.append(SHORTENER_FLAG)
    if match.allowed:
        entity.allowed = True
        entity.categories.clear()
        return
    if entity.allowed:
        return
    for category in match.categories:
        if category not in entity.categories:
            entity.categories.append(category)
