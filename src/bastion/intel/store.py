"""Imported feeds on disk: ``$BASTION_HOME/feeds/<source>/<category>.rules`` plus a manifest.

The stored rules are already normalised, so compiling the index never re-parses raw feeds, and
the manifest keeps the account of the import (counts, bad lines, checksum, origin) that
``bastion feeds list`` shows. Re-importing a source+category replaces both files atomically.
"""

from __future__ import annotations

import fcntl
import json
import re
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Final

from bastion.atomic import write_bytes_atomically
from bastion.intel.formats import RULE_KINDS, FeedError, ParsedFeed

SOURCE_PATTERN: Final = re.compile(r"[a-z0-9][a-z0-9._-]{0,63}")
CATEGORY_PATTERN: Final = re.compile(r"[a-z][a-z0-9_]{0,31}")
FEEDS_DIR: Final = "feeds"
RULES_SUFFIX: Final = ".rules"
MANIFEST_SUFFIX: Final = ".manifest.json"


def check_source(source: str) -> str:
    if not SOURCE_PATTERN.fullmatch(source):
        raise FeedError(
            f"invalid source name {source[:80]!r}: use [a-z0-9][a-z0-9._-], at most 64 chars"
        )
    return source


def check_category(category: str) -> str:
    if not CATEGORY_PATTERN.fullmatch(category):
        raise FeedError(
            f"invalid category {category[:80]!r}: use a lower-case identifier of at most 32 "
            "characters: [a-z][a-z0-9_]"
        )
    return category


@dataclass(slots=True)
class FeedManifest:
    """What one import stored and what it had to skip (first examples with line numbers)."""

    source: str
    category: str
    format: str
    origin: str
    sha256: str
    imported_at: str
    counts: dict[str, int]
    lines: int = 0
    duplicates: int = 0
    skipped: int = 0
    skipped_reasons: dict[str, int] = field(default_factory=dict)
    skipped_examples: list[tuple[int, str]] = field(default_factory=list)
    ignored: dict[str, int] = field(default_factory=dict)
    attributes: dict[str, int] = field(default_factory=dict)

    @property
    def entries(self) -> int:
        return sum(self.counts.values())

    def to_dict(self) -> dict[str, Any]:
        record = asdict(self)
        record["skipped_examples"] = [[n, r] for n, r in self.skipped_examples]
        return record

    @classmethod
    def from_dict(cls, record: dict[str, Any]) -> FeedManifest:
        data = dict(record)
        data["skipped_examples"] = [(int(n), str(r)) for n, r in data.get("skipped_examples", [])]
        return cls(**data)


def feeds_root(home: Path) -> Path:
    return home / FEEDS_DIR


def rules_path(home: Path, source: str, category: str) -> Path:
    return feeds_root(home) / source / f"{category}{RULES_SUFFIX}"


@contextmanager
def home_lock(home: Path) -> Iterator[None]:
    """Serialise writers (imports, compiles) of one home; readers never take it."""
    home.mkdir(parents=True, exist_ok=True)
    with open(home / ".lock", "a+b") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def store_feed(
    home: Path, source: str, category: str, parsed: ParsedFeed, *, origin: str, sha256: str
) -> FeedManifest:
    """Write the rules and manifest of one import, replacing an earlier one of the same pair."""
    check_source(source)
    check_category(category)
    manifest = FeedManifest(
        source=source,
        category=category,
        format=parsed.format,
        origin=origin,
        sha256=sha256,
        imported_at=datetime.now(UTC).isoformat(timespec="seconds"),
        counts=parsed.counts(),
        lines=parsed.lines,
        duplicates=parsed.duplicates,
        skipped=parsed.skipped_total,
        skipped_reasons=dict(parsed.skipped.most_common()),
        skipped_examples=list(parsed.examples),
        ignored=dict(parsed.ignored),
        attributes=dict(parsed.attributes.most_common(50)),
    )
    path = rules_path(home, source, category)
    existed = path.parent.is_dir()
    rules = "".join(f"{kind}\t{value}\n" for kind, value in parsed.rules)
    manifest_text = json.dumps(manifest.to_dict(), indent=2, ensure_ascii=False) + "\n"
    try:
        write_bytes_atomically(path, rules.encode("utf-8"))
        write_bytes_atomically(
            path.with_name(f"{category}{MANIFEST_SUFFIX}"), manifest_text.encode("utf-8")
        )
    except BaseException:
        if not existed:
            shutil.rmtree(path.parent, ignore_errors=True)
        raise
    return manifest


def list_feeds(home: Path) -> list[FeedManifest]:
    """Every stored import, sorted by source then category."""
    root = feeds_root(home)
    if not root.is_dir():
        return []
    manifests = []
    for path in sorted(root.glob(f"*/*{MANIFEST_SUFFIX}")):
        try:
            record = json.loads(path.read_text(encoding="utf-8"))
            manifests.append(FeedManifest.from_dict(record))
        except (OSError, ValueError, TypeError) as exc:
            raise FeedError(f"corrupt feed manifest {path}: {exc}") from None
    return manifests


def read_rules(home: Path, source: str, category: str) -> Iterator[tuple[str, str]]:
    """The stored ``(kind, value)`` rules of one import."""
    path = rules_path(home, source, category)
    with open(path, encoding="utf-8") as handle:
        for lineno, line in enumerate(handle, 1):
            kind, sep, value = line.rstrip("\n").partition("\t")
            if not sep or kind not in RULE_KINDS or not value:
                raise FeedError(f"corrupt rules file {path} at line {lineno}")
            yield kind, value


def remove_feed(home: Path, source: str, category: str | None = None) -> int:
    """Delete the stored imports of ``source`` (one category or all); returns how many."""
    folder = feeds_root(home) / check_source(source)
    pattern = f"{check_category(category)}{MANIFEST_SUFFIX}" if category else f"*{MANIFEST_SUFFIX}"
    removed = 0
    for manifest in sorted(folder.glob(pattern)) if folder.is_dir() else []:
        stem = manifest.name[: -len(MANIFEST_SUFFIX)]
        manifest.unlink()
        manifest.with_name(f"{stem}{RULES_SUFFIX}").unlink(missing_ok=True)
        removed += 1
    if folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
    return removed
