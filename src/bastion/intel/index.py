"""The read-only intel index: memory-mapped tries answering "what do the feeds say about X?".

Opening maps the files (no parsing of keys), so a million-domain index opens in milliseconds and
is shared between worker processes by the page cache. A host lookup reverses the host once and
walks the trie once (``iter_prefixes_with_ids``); the longest listed prefix carries the groups of
every listed parent *and* of every folded regexp rule, merged at compile time. The answer for a
group (categories, sources, flags) is precomputed at open, so a hit costs one array read and one
tuple. Keywords and the few unfoldable regexps run after the trie (``HostPatterns``, gated by a
literal prefilter). Whole answers can be cached per host (bounded, on by default).
"""

from __future__ import annotations

import ipaddress
import json
import mmap
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, Final, NamedTuple

import idna
import marisa_trie

from bastion.intel.compile import (
    EMPTY_GID,
    FORMAT_VERSION,
    INDEX_DIR,
    REGEXP_TAG,
    SLOTS,
    current_version,
)
from bastion.intel.hashes import MATCH_DISTANCE, PdqTable
from bastion.intel.hosts import parse_ip
from bastion.intel.patterns import HostPatterns
from bastion.intel.urls import url_lookup_keys

SEVERITY_ORDER: Final = ("malware", "phishing", "scam", "sexual_services", "porn", "gambling")
ALLOW: Final = "allow"
SHORTENER: Final = "shortener"
CACHE_SIZE: Final = 65536
_RANK: Final = {name: rank for rank, name in enumerate(SEVERITY_ORDER)}


class IntelIndexError(RuntimeError):
    """The index directory is missing, half-written or of an unknown format."""


class MissingIndexError(IntelIndexError):
    """No index was ever compiled under the home: a typo'd home or one with no feeds imported.

    Scanning on regardless would allow every listed link, so callers must opt in to an empty
    index explicitly (``Scanner.load(no_feeds=True)``, ``--no-feeds``).
    """


class HostMatch(NamedTuple):
    """What the feeds say about one host, URL or IP (immutable: results are cached and shared).

    ``categories`` are ordered by severity (malware first, operator categories last) and empty
    when ``allowed``: the operator allow list always wins. ``sources`` name every list that
    matched (``feed:<source>``, ``allow:<source>``). ``matched`` is the most specific listed
    entry (a domain, an IP, a URL expression, ``keyword:x`` or ``regexp:x``); when several
    kinds match, a listed domain is reported before a keyword, a keyword before a regexp. A
    named tuple because it is built on the hot path (via ``tuple.__new__``, ~0.1 us).
    """

    categories: tuple[str, ...]
    sources: tuple[str, ...]
    allowed: bool
    shortener: bool
    matched: str
    match_type: str


Verdict = tuple[tuple[str, ...], tuple[str, ...], bool, bool]
_MISSING: Final = object()
_IP_END: Final = "0123456789]"
_new_match: Final[Callable[[type[HostMatch], tuple[Any, ...]], HostMatch]] = tuple.__new__


def _category_key(category: str) -> tuple[int, str]:
    return (_RANK.get(category, len(_RANK)), category)


class _MappedTrie:
    """A marisa trie plus its parallel uint32 slot array (``SLOTS`` per key), both mapped."""

    __slots__ = ("_mmap", "gids", "trie")

    def __init__(self, folder: Path | None, name: str) -> None:
        self.trie = marisa_trie.Trie()
        self._mmap: mmap.mmap | None = None
        self.gids: Sequence[int] = ()
        if folder is None:
            return
        self.trie.mmap(str(folder / f"{name}.marisa"))
        with open(folder / f"{name}.gid", "rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            if size != 4 * SLOTS * len(self.trie):
                raise IntelIndexError(f"{name}.gid holds {size} bytes for {len(self.trie)} keys")
            if size:
                self._mmap = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
                self.gids = memoryview(self._mmap).cast("I")


class IntelIndex:
    """Lookups over one compiled index version.

    The index data is read-only; the only mutable state is the bounded answer cache (plain dict
    operations, atomic under the GIL), so one instance can be shared between threads.
    ``lookup_host`` is an attribute bound at construction to the cached or uncached variant
    (``cache_size=0``), which saves a call level on the hot path.
    """

    __slots__ = (
        "_answers",
        "_cache",
        "_cache_size",
        "_cidr_lengths",
        "_cidrs",
        "_gate",
        "_gids",
        "_groups",
        "_hosts",
        "_members",
        "_patterns",
        "_pictures",
        "_regexp_labels",
        "_stats",
        "_url_cache",
        "_urls",
        "_verdicts",
        "_walk",
        "lookup_host",
        "version",
    )

    lookup_host: Callable[[str], HostMatch | None]

    def __init__(
        self, folder: Path | None, tables: dict[str, Any], *, cache_size: int = CACHE_SIZE
    ) -> None:
        if cache_size < 0:
            raise ValueError("cache_size must be >= 0")
        self.version: str = str(tables["stats"].get("version", "empty"))
        self._stats: dict[str, Any] = dict(tables["stats"])
        self._hosts = _MappedTrie(folder, "hosts")
        self._urls = _MappedTrie(folder, "urls")
        self._walk = self._hosts.trie.iter_prefixes_with_ids
        self._gids = self._hosts.gids
        self._members: list[tuple[str, str, str]] = [tuple(m) for m in tables["members"]]
        self._groups: list[tuple[int, ...]] = [tuple(g) for g in tables["groups"]] or [()]
        self._answers = [self._verdict((gid,)) for gid in range(len(self._groups))]
        self._verdicts: dict[Any, Verdict | None] = {}
        regexps = [(str(p), int(g)) for p, g in tables["regexps"]]
        self._regexp_labels = [f"regexp:{pattern}" for pattern, _ in regexps]
        folded = set(tables.get("regexps_folded", ()))
        runtime = [rule for index, rule in enumerate(regexps) if index not in folded]
        self._patterns = HostPatterns([(w, int(g)) for w, g in tables["keywords"]], runtime)
        self._gate = self._patterns.gate
        self._cidrs: dict[tuple[int, int, int], int] = {}
        lengths: set[tuple[int, int]] = set()
        for text, gid in tables["cidrs"]:
            net = ipaddress.ip_network(text)
            bits = net.max_prefixlen
            key = (net.version, net.prefixlen, int(net.network_address) >> (bits - net.prefixlen))
            self._cidrs[key] = gid
            lengths.add((net.version, net.prefixlen))
        self._cidr_lengths = sorted(lengths, key=lambda vl: -vl[1])
        self._pictures = PdqTable(folder)
        self._cache_size = cache_size
        self._cache: dict[str, HostMatch | None] = {}
        self._url_cache: dict[str, HostMatch | None] = {}
        self.lookup_host = self._lookup_cached if cache_size else self._lookup_host

    @classmethod
    def empty(cls) -> IntelIndex:
        """An index with no feeds: every lookup answers ``None``."""
        tables: dict[str, Any] = {
            "stats": {"version": "empty"},
            "members": [],
            "groups": [[]],
            "keywords": [],
            "regexps": [],
            "cidrs": [],
        }
        return cls(None, tables)

    @classmethod
    def exists(cls, home: Path) -> bool:
        return current_version(home) is not None

    @classmethod
    def open(cls, home: Path, *, cache_size: int = CACHE_SIZE) -> IntelIndex:
        """Map the ``CURRENT`` version under ``home``; ``IntelIndexError`` when there is none.

        ``cache_size`` bounds the per-host answer cache (0 disables it).
        """
        version = current_version(home)
        if version is None:
            raise MissingIndexError(
                f"no compiled intel index under {home}: check --home / $BASTION_HOME, import "
                "a feed with `bastion feeds import`, or pass --no-feeds to scan without feeds"
            )
        return cls.open_version(home / INDEX_DIR / version, cache_size=cache_size)

    @classmethod
    def open_version(cls, folder: Path, *, cache_size: int = CACHE_SIZE) -> IntelIndex:
        try:
            tables = json.loads((folder / "tables.json").read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise IntelIndexError(f"cannot read index {folder}: {exc}") from None
        if not isinstance(tables, dict) or tables.get("format") != FORMAT_VERSION:
            raise IntelIndexError(f"index {folder} has an unknown format")
        return cls(folder, tables, cache_size=cache_size)

    def stats(self) -> dict[str, Any]:
        return dict(self._stats)

    def lookup_hosts(self, hosts: Iterable[str]) -> list[HostMatch | None]:
        """``lookup_host`` over many hosts (the batch path: saves the per-call dispatch)."""
        return list(map(self.lookup_host, hosts))

    def _lookup_cached(self, host: str) -> HostMatch | None:
        """Answers are cached per host string (bounded; cleared when full): traffic repeats
        the same popular hosts."""
        found = self._cache.get(host, _MISSING)
        if found is not _MISSING:
            return found  # type: ignore[return-value]
        result = self._lookup_host(host)
        if len(self._cache) >= self._cache_size:
            self._cache.clear()
        self._cache[host] = result
        return result

    def _lookup_host(self, host: str) -> HostMatch | None:
        """Match a host and every parent domain (plus keyword/regexp rules); IPs go to lookup_ip."""
        if not host:
            return None
        if not host.isascii():
            try:
                host = idna.encode(host.rstrip("."), uts46=True).decode("ascii")
            except (idna.IDNAError, UnicodeError):
                return None
        last = host[-1]
        if last == ".":
            host = host.rstrip(".")
            if not host:
                return None
            last = host[-1]
        host = host.lower()
        if last in _IP_END or ":" in host:
            ip = parse_ip(host)
            if ip is not None:
                return self.lookup_ip(ip)
        key = host[::-1] + "."
        found = None
        for found in self._walk(key):  # noqa: B007 (keeps the last = longest prefix)
            pass
        gate = self._gate
        if gate is not None and gate(host):
            return self._with_patterns(host, key, found)
        if found is None:
            return None
        prefix, key_id = found
        base = key_id << 2 if len(prefix) == len(key) else (key_id << 2) + 2
        gids = self._gids
        answer = self._answers[gids[base]]
        if answer is None:
            return None
        length = gids[base + 1]
        if length < REGEXP_TAG:
            return _new_match(HostMatch, (*answer, key[length - 2 :: -1], "domain"))
        return _new_match(HostMatch, (*answer, self._regexp_labels[length - REGEXP_TAG], "regexp"))

    def _with_patterns(
        self, host: str, key: str, found: tuple[str, int] | None
    ) -> HostMatch | None:
        """The general path: trie answer merged with keyword/regexp rules run on the host."""
        gid, length = EMPTY_GID, 0
        if found is not None:
            prefix, key_id = found
            base = SLOTS * key_id + (0 if len(prefix) == len(key) else 2)
            gid, length = self._gids[base], self._gids[base + 1]
        extra = self._patterns.match(host)
        if 0 < length < REGEXP_TAG:
            matched, match_type = key[length - 2 :: -1], "domain"
        elif extra and (extra[0][0].startswith("keyword:") or not length):
            matched, match_type = extra[0][0], extra[0][0].partition(":")[0]
        elif length:
            matched, match_type = self._regexp_labels[length - REGEXP_TAG], "regexp"
        else:
            return None
        if not extra:
            return self._finish(gid, matched, match_type)
        return self._finish((gid, *(g for _, g in extra)), matched, match_type)

    def lookup_ip(self, ip: str) -> HostMatch | None:
        """Match an exact IP (any spelling ``ipaddress`` accepts) and the listed networks."""
        text = parse_ip(ip)
        if text is None:
            return None
        gids, matched, match_type = self._ip_gids(text)
        return self._finish(tuple(gids), matched, match_type) if gids else None

    def _ip_gids(self, text: str) -> tuple[list[int], str, str]:
        found: list[int] = []
        matched, match_type = text, "ip"
        key_id = self._hosts.trie.get(text)
        if key_id is not None:
            found.append(self._hosts.gids[SLOTS * key_id])
        if self._cidr_lengths:
            address = ipaddress.ip_address(text)
            bits = address.max_prefixlen
            for version, length in self._cidr_lengths:
                if version != address.version:
                    continue
                gid = self._cidrs.get((version, length, int(address) >> (bits - length)))
                if gid is not None:
                    found.append(gid)
                    if key_id is None and match_type == "ip":
                        net = ipaddress.ip_network(f"{text}/{length}", strict=False)
                        matched, match_type = str(net), "cidr"
        return found, matched, match_type

    def lookup_url(self, canonical_url: str) -> HostMatch | None:
        """Match a canonical URL: its host (as ``lookup_host``) and its URL lookup expressions.

        Answers are cached per URL like hosts' (bounded, cleared when full): building a URL's
        lookup expressions costs several microseconds, and spam repeats its links."""
        if not self._cache_size:
            return self._lookup_url(canonical_url)
        found = self._url_cache.get(canonical_url, _MISSING)
        if found is not _MISSING:
            return found  # type: ignore[return-value]
        result = self._lookup_url(canonical_url)
        if len(self._url_cache) >= self._cache_size:
            self._url_cache.clear()
        self._url_cache[canonical_url] = result
        return result

    def _lookup_url(self, canonical_url: str) -> HostMatch | None:
        rest = canonical_url.partition("://")[2]
        authority = rest.split("/", 1)[0].split("?", 1)[0].rpartition("@")[2]
        if authority.startswith("["):
            host = authority[1 : authority.find("]")]
        else:
            host = authority.partition(":")[0]
        if not len(self._urls.trie):
            return self.lookup_host(host) if host else None
        try:
            expressions = url_lookup_keys(canonical_url)
        except ValueError:
            expressions = []
        found: list[int] = []
        matched = ""
        for expression in expressions:
            key_id = self._urls.trie.get(expression)
            if key_id is not None:
                found.append(self._urls.gids[SLOTS * key_id])
                matched = matched or expression
        if not found:
            return self.lookup_host(host) if host else None
        if host:
            found.extend(self._host_gids(host))
        return self._finish(tuple(found), matched, "url")

    def _host_gids(self, host: str) -> list[int]:
        """Every group behind ``host`` (the slow path, for merging and explaining)."""
        host = host.lower().rstrip(".")
        ip = parse_ip(host)
        if ip is not None:
            return self._ip_gids(ip)[0]
        key = host[::-1] + "."
        found: list[int] = []
        for prefix, key_id in self._hosts.trie.iter_prefixes_with_ids(key):
            found = [self._hosts.gids[SLOTS * key_id + (0 if len(prefix) == len(key) else 2)]]
        if self._patterns.gate is not None:
            found.extend(gid for _, gid in self._patterns.match(host))
        return found

    def _finish(self, signature: Any, matched: str, match_type: str) -> HostMatch | None:
        """``signature`` is one group id or a tuple of them; verdicts are cached per signature."""
        if isinstance(signature, int):
            verdict = self._answers[signature]
        elif signature in self._verdicts:
            verdict = self._verdicts[signature]
        else:
            if len(self._verdicts) >= CACHE_SIZE:
                self._verdicts.clear()
            verdict = self._verdicts[signature] = self._verdict(signature)
        if verdict is None:
            return None
        return _new_match(HostMatch, (*verdict, matched, match_type))

    def _verdict(self, gids: tuple[int, ...]) -> Verdict | None:
        members: dict[int, None] = {}
        for gid in gids:
            members.update(dict.fromkeys(self._groups[gid]))
        if not members:
            return None
        categories: set[str] = set()
        sources: dict[str, None] = {}
        allowed = shortener = False
        for member in members:
            source, category, _ = self._members[member]
            if category == ALLOW:
                allowed = True
                sources[f"allow:{source}"] = None
                continue
            sources[f"feed:{source}"] = None
            if category == SHORTENER:
                shortener = True
            else:
                categories.add(category)
        ordered = () if allowed else tuple(sorted(categories, key=_category_key))
        return (ordered, tuple(sorted(sources)), allowed, shortener)

    def lookup_pdq(self, hex_hash: str, max_distance: int = MATCH_DISTANCE) -> HostMatch | None:
        """What the feeds say about a picture: every listed hash within ``max_distance`` bits.

        ``matched`` is the nearest listed hash and ``match_type`` ``pdq:<distance>``."""
        found = self._pictures.nearest(hex_hash, max_distance)
        if not found:
            return None
        distance, _, nearest = found[0]
        signature = tuple(sorted({gid for _, gid, _ in found}))
        return self._finish(signature, nearest, f"pdq:{distance}")

    def listed_hosts(self) -> Iterator[tuple[str, tuple[str, ...]]]:
        """Every host key listed in a harmful category, with its categories (not allowed, not
        only a shortener; not the hot path: a detector reads them once, when it is built)."""
        gids, answers = self._hosts.gids, self._answers
        for key, key_id in self._hosts.trie.iteritems():
            answer = answers[gids[SLOTS * key_id]]
            if answer is not None and answer[0] and not answer[2] and key.endswith("."):
                yield key[-2::-1], answer[0]

    def explain_host(self, host: str) -> list[tuple[str, str, str]]:
        """Every ``(source, category, match_type)`` behind ``lookup_host(host)`` (not hot path)."""
        result = {self._members[m] for gid in self._host_gids(host) for m in self._groups[gid]}
        return sorted(result)
