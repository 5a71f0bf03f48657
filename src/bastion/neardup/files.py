"""The edge of near-duplicate clustering: read posts as a stream, write clusters atomically.

Posts are input records (``bastion scan``'s format: ``id``, ``text``, optional ``account_id``),
one JSON object a line. A bad line stops the run with its line number and the reason, and
nothing is written: the output (and a compiled index) appear whole or not at all.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from bastion.model import InputError, Item
from bastion.neardup.cluster import Cluster, Clusterer
from bastion.neardup.minhash import MinHashParams

BATCH: Final = 50_000
"""Posts signed at a time: bounds the texts held in memory (signatures are all that stay)."""


class PostsError(ValueError):
    """A posts file that cannot be read; the message is one line naming the line."""


@dataclass(frozen=True, slots=True)
class ClusterRun:
    """What one run found: the clusterer (ids, accounts, signatures) and its clusters."""

    clusterer: Clusterer
    clusters: list[Cluster]
    posts: int


def read_posts(path: Path) -> Iterator[tuple[str, str, str]]:
    """(id, text, account_id) of each record of a JSON Lines file, validated as scan input."""
    try:
        handle = path.open(encoding="utf-8")
    except OSError as exc:
        raise PostsError(f"{path}: cannot read: {exc.strerror or exc}") from None
    with handle:
        lineno = 0
        try:
            for lineno, line in enumerate(handle, 1):
                if not line.strip():
                    continue
                try:
                    item = Item.from_dict(json.loads(line))
                except (json.JSONDecodeError, InputError) as exc:
                    raise PostsError(f"{path} line {lineno}: {exc}") from None
                yield item.id, item.text, item.account_id
        except UnicodeDecodeError:
            raise PostsError(f"{path} line {lineno + 1}: not UTF-8 text") from None


def cluster_posts(
    path: Path, params: MinHashParams, t2s: Mapping[int, str] | None, batch: int = BATCH
) -> ClusterRun:
    """Cluster every post of ``path``, reading ``batch`` posts at a time."""
    clusterer = Clusterer(params=params, t2s=t2s)
    ids: list[str] = []
    texts: list[str] = []
    accounts: list[str] = []
    seen: set[str] = set()
    count = 0
    for item_id, text, account in read_posts(path):
        count += 1
        if item_id in seen:
            raise PostsError(f"{path}: item id {item_id!r} appears twice (record {count})")
        seen.add(item_id)
        ids.append(item_id)
        texts.append(text)
        accounts.append(account)
        if len(ids) >= batch:
            clusterer.add(ids, texts, accounts)
            ids, texts, accounts = [], [], []
    if ids:
        clusterer.add(ids, texts, accounts)
    return ClusterRun(clusterer, clusterer.clusters(), count)


def write_clusters(run: ClusterRun, out: Path) -> None:
    """One line per cluster, ``{"cluster": id, "members": [item ids]}``, written atomically."""
    ids = run.clusterer.ids
    lines = (
        json.dumps({"cluster": c.id, "members": [ids[m] for m in c.members]}, ensure_ascii=False)
        + "\n"
        for c in run.clusters
    )
    write_atomic(out, lines)


def write_atomic(path: Path, chunks: Iterator[str] | list[str]) -> None:
    """Write text to a temporary file beside ``path``, then rename it over ``path``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            for chunk in chunks:
                handle.write(chunk)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
