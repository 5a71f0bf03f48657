"""Pattern sets on Hyperscan: "which of these patterns occur?" with no per-text state building.

An RE2 set builds its DFA lazily, one state per combination of pattern positions a text reaches,
so a text new to the process costs 40-90 us in the gates (``bench.gate_sets``); every API request
and nearly every sweep item is new. Hyperscan compiles its automata ahead of time: a new text
costs what a seen one does. :func:`compiled_set` answers exactly as an RE2 set of the same
patterns (``re2.Set.Match``: the indices of the patterns found anywhere in UTF-8 bytes):

* RE2's syntax is rewritten where Hyperscan reads it otherwise (``\\s`` without ``\\v``, ``$``
  only at the very end, ``X{0}``); ``UTF8`` without ``UCP`` keeps ``\\w``/``\\b`` ASCII as RE2's;
* a pattern Hyperscan cannot compile exactly is compiled as a superset (``HS_FLAG_PREFILTER``,
  zero-width assertions dropped, a too-long sequence cut to a prefix); when such a superset
  fires, an RE2 set of those patterns confirms, so answers stay exact. A pattern with no
  compilable superset stays in that RE2 set, asked on every text;
* texts holding UTF-16 surrogates (``surrogatepass`` bytes, not UTF-8) go to RE2 whole.

Hyperscan compiles slowly (tens of seconds for the gates), so databases are cached on disk by a
hash of their patterns (``BASTION_HS_CACHE``, default ``~/.cache/bastion/hyperscan``; nothing is
written where that fails). ``BASTION_GATES=re2``, or a machine where ``hyperscan`` does not import
(not x86), keeps the RE2 sets.

Building every gate's database takes about 2.3 CPU minutes the first time (cached after), which
a new user's first ``bastion scan`` should not pay. So the default (``BASTION_GATES`` unset or
``auto``) puts a set on Hyperscan only where its database is already in the cache, and on RE2
otherwise (both answer alike); ``python -m bastion.cli.gates`` fills the cache ahead of time.
``BASTION_GATES=hyperscan`` builds what is missing on first use.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import re
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, cast

import re2

from bastion.normalize import hs_syntax

ENGINE_ENV = "BASTION_GATES"
"""``auto`` (the default): Hyperscan for a set whose database is cached, else RE2; ``hyperscan``:
Hyperscan for every set, built on first use; ``re2``: every set on RE2."""
MODES = ("auto", "hyperscan", "re2")
CACHE_ENV = "BASTION_HS_CACHE"
_FORMAT = "bastion-hs-1"
"""Bumped when the plan or its rewriting changes: part of every cache key."""
_SURROGATE = re.compile(rb"\xed[\xa0-\xbf]")

Match = Callable[[bytes], list[int]]


def mode() -> str:
    """The engine ``BASTION_GATES`` asks for: ``auto`` when unset or unknown."""
    asked = os.environ.get(ENGINE_ENV, "").strip().lower()
    return asked if asked in MODES else "auto"


@cache
def hyperscan() -> Any:
    """The ``hyperscan`` module, unless ``BASTION_GATES=re2`` or it does not import here."""
    if mode() == "re2":
        return None
    try:
        import hyperscan as hs
    except ImportError:
        return None
    return hs


def engine() -> str:
    """``re2`` (no Hyperscan), ``hyperscan`` (every set) or ``auto`` (each set on Hyperscan
    where its database is cached: :func:`on_hyperscan`)."""
    if hyperscan() is None:
        return "re2"
    return "hyperscan" if mode() == "hyperscan" else "auto"


_loaded: dict[tuple[str, ...], tuple[_Plan, Any] | None] = {}
_loaded_lock = threading.Lock()


def on_hyperscan(patterns: Sequence[str]) -> bool:
    """Whether :func:`compiled_set` puts ``patterns`` on Hyperscan in this process."""
    hs = hyperscan()
    if hs is None:
        return False
    if mode() == "hyperscan":
        return True
    return _cached(hs, tuple(patterns)) is not None


def _cached(hs: Any, patterns: tuple[str, ...]) -> tuple[_Plan, Any] | None:
    with _loaded_lock:
        if patterns not in _loaded:
            _loaded[patterns] = _load(hs, _cache_dir() / f"{_key(hs, patterns)}.hs")
        return _loaded[patterns]


def re2_set(patterns: Sequence[str], memory: int) -> Match:
    """An RE2 set's match function over ``patterns`` (RE2 syntax)."""
    options = re2.Options()
    options.max_mem = memory
    compiled: Any = re2.Set.SearchSet(options)
    for pattern in patterns:
        compiled.Add(pattern.encode())
    compiled.Compile()
    return cast("Match", compiled._set.Match)


_on_re2: list[int] = []


def sets_on_re2() -> int:
    """How many sets this process put on RE2 although Hyperscan imports (``auto``: their
    databases were not cached): what ``python -m bastion.cli.gates`` leaves at zero."""
    return len(_on_re2)


def compiled_set(patterns: Sequence[str], memory: int) -> Match:
    """A match function answering as ``re2_set(patterns, memory)`` does."""
    if not on_hyperscan(patterns):
        if hyperscan() is not None:
            _on_re2.append(len(patterns))
        return re2_set(patterns, memory)
    return _HsSet(hyperscan(), tuple(patterns), memory).match


@dataclass(frozen=True, slots=True)
class _Plan:
    """What Hyperscan runs for a set: expressions, their flags, the pattern each stands for,
    and the patterns RE2 must confirm (supersets) or answer alone (no superset compiled)."""

    expressions: tuple[str, ...]
    flags: tuple[int, ...]
    owners: tuple[int, ...]
    confirmed: tuple[int, ...]
    unmatched: tuple[int, ...]


class _HsSet:
    """One Hyperscan database over a set's patterns, with the RE2 set that keeps it exact."""

    def __init__(self, hs: Any, patterns: tuple[str, ...], memory: int) -> None:
        self.patterns = patterns
        self._memory = memory
        plan, database = _load_or_build(hs, patterns)
        self.plan = plan
        owners = plan.owners
        confirmed = frozenset(plan.confirmed)
        checked = sorted(set(plan.confirmed) | set(plan.unmatched))
        self._re2_all: Match | None = None
        exact_of = tuple(-1 if owner in confirmed else owner for owner in owners)
        scan = database.scan if database is not None else None
        local = threading.local()
        """Scratch space per thread: one shared by two threads scanning at once fails
        (``ScratchInUseError``), and the API scans in worker threads."""

        def collect(index: int, _start: int, _end: int, _flags: int, hits: list[int]) -> None:
            hits.append(index)

        check: Match | None = None
        always = bool(plan.unmatched)

        def match(data: bytes) -> list[int]:
            nonlocal check
            if b"\xed" in data and _SURROGATE.search(data):
                return self._re2(data)
            found: list[int] = []
            if scan is not None:
                try:
                    scratch = local.scratch
                except AttributeError:
                    scratch = local.scratch = hs.Scratch(database)
                scan(data, match_event_handler=collect, context=found, scratch=scratch)
            if not found and not always:
                return found
            hits: list[int] = []
            unsure = always
            for index in found:
                owner = exact_of[index]
                if owner < 0:
                    unsure = True
                elif owner not in hits:
                    hits.append(owner)
            if unsure:
                if check is None:
                    check = re2_set([patterns[i] for i in checked], memory)
                hits.extend(checked[i] for i in check(data))
            return hits

        self.match = match

    def _re2(self, data: bytes) -> list[int]:
        if self._re2_all is None:
            self._re2_all = re2_set(self.patterns, self._memory)
        return self._re2_all(data)


def _base_flags(hs: Any) -> int:
    return int(hs.HS_FLAG_UTF8 | hs.HS_FLAG_SINGLEMATCH | hs.HS_FLAG_ALLOWEMPTY)


def _compiles(hs: Any, expression: str, flags: int) -> bool:
    database = hs.Database()
    try:
        database.compile(expressions=[expression.encode()], ids=[0], elements=1, flags=[flags])
    except hs.error:
        return False
    return True


def _plan_pattern(hs: Any, pattern: str) -> tuple[list[tuple[str, int]], bool] | None:
    """Hyperscan expressions (with flags) whose union is ``pattern`` (True) or a superset of
    it (False), or None when nothing compiles."""
    flags = _base_flags(hs)
    prefilter = flags | int(hs.HS_FLAG_PREFILTER)
    try:
        exact = hs_syntax.for_hyperscan(pattern)
    except hs_syntax.Unsupported:
        exact = None
    if exact is not None and _compiles(hs, exact, flags):
        return [(exact, flags)], True
    if exact is not None:
        pieces = hs_syntax.alternatives(exact)
        if len(pieces) > 1 and all(_compiles(hs, piece, flags) for piece in pieces):
            return [(piece, flags) for piece in pieces], True
    try:
        wider = hs_syntax.superset(pattern)
    except hs_syntax.Unsupported:
        return None
    out: list[tuple[str, int]] = []
    for piece in hs_syntax.split_to_fit(wider, lambda e: _compiles(hs, e, prefilter)):
        if not _compiles(hs, piece, prefilter):
            return None
        out.append((piece, prefilter))
    return (out, False) if out else None


def _plan(hs: Any, patterns: Sequence[str]) -> _Plan:
    expressions: list[str] = []
    flags: list[int] = []
    owners: list[int] = []
    confirmed: list[int] = []
    unmatched: list[int] = []
    for index, pattern in enumerate(patterns):
        planned = _plan_pattern(hs, pattern)
        if planned is None:
            unmatched.append(index)
            continue
        pieces, exact = planned
        if not exact:
            confirmed.append(index)
        for expression, flag in pieces:
            expressions.append(expression)
            flags.append(flag)
            owners.append(index)
    return _Plan(
        tuple(expressions), tuple(flags), tuple(owners), tuple(confirmed), tuple(unmatched)
    )


def _cache_dir() -> Path:
    configured = os.environ.get(CACHE_ENV)
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "bastion" / "hyperscan"


def _key(hs: Any, patterns: Sequence[str]) -> str:
    digest = hashlib.sha256()
    for part in (_FORMAT, str(hs.__version__), *patterns):
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\0")
    return digest.hexdigest()[:32]


def _load_or_build(hs: Any, patterns: Sequence[str]) -> tuple[_Plan, Any]:
    """The plan and database for ``patterns``: from the disk cache, else compiled (and
    stored). A cache file that does not load (another Hyperscan, another CPU) is rebuilt. The
    build holds a lock on the cache file, so parallel processes (test workers) compile a
    database once and the others wait for it."""
    path = _cache_dir() / f"{_key(hs, patterns)}.hs"
    loaded = _cached(hs, tuple(patterns))
    if loaded is not None:
        return loaded
    with _locked(path):
        loaded = _load(hs, path)
        if loaded is not None:
            return loaded
        plan = _plan(hs, patterns)
        database = None
        if plan.expressions:
            database = hs.Database()
            database.compile(
                expressions=[e.encode() for e in plan.expressions],
                ids=list(range(len(plan.expressions))),
                elements=len(plan.expressions),
                flags=list(plan.flags),
            )
            database.scratch = hs.Scratch(database)
        _store(path, plan, None if database is None else hs.dumpb(database))
    return plan, database


def _load(hs: Any, path: Path) -> tuple[_Plan, Any] | None:
    try:
        head, _, blob = path.read_bytes().partition(b"\n")
        fields = json.loads(head)
        plan = _Plan(*(tuple(fields[name]) for name in _Plan.__dataclass_fields__))
        database = hs.loadb(blob, hs.HS_MODE_BLOCK) if plan.expressions else None
        if database is not None:
            database.scratch = hs.Scratch(database)
    except (OSError, ValueError, KeyError, TypeError, hs.error):
        return None
    return plan, database


@contextmanager
def _locked(path: Path) -> Iterator[None]:
    """An exclusive lock beside ``path`` while held; none where the directory is not writable."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle = path.with_suffix(".lock").open("a")
    except OSError:
        yield
        return
    with handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _store(path: Path, plan: _Plan, blob: bytes | None) -> None:
    head = json.dumps({name: list(getattr(plan, name)) for name in _Plan.__dataclass_fields__})
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(f".{os.getpid()}.tmp")
        partial.write_bytes(head.encode() + b"\n" + (blob or b""))
        partial.replace(path)
    except OSError:
        return
