"""The compiled, read-only index of known farm clusters that the scan core queries.

``compile_index`` keeps the clusters of a run that look like a farm (at least ``min_members``
posts from at least ``min_accounts`` accounts; a post without an account counts as its own),
and for each:

* up to ``REPRESENTATIVES`` member signatures (the first in input order) with their LSH band
  keys, in one sorted array, so a query is one ``searchsorted`` of its 16 band keys;
* its size and number of accounts, for the evidence;
* how many of its members each account posted (keyed by a 64-bit hash of cluster and account),
  which is what ``clout_chasing`` reads to decide "mass-posting" from one item.

``query`` (pure, no I/O) returns the best cluster whose representatives the post's signature
agrees with on at least ``threshold`` of its rows. The file is one ``.npz`` (no pickles),
written to a temporary name and renamed, so a failed compile leaves the old index in place.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Final

import numpy as np
import numpy.typing as npt

from bastion.neardup.minhash import MinHashParams, band_keys, signature_one
from bastion.neardup.textnorm import NORMALISATION_VERSION

if TYPE_CHECKING:
    from bastion.neardup.files import ClusterRun

FORMAT: Final = "bastion.neardup.index/2"
"""Bumped whenever a signature of the same text changes (shingle hash, permutations): an older
index would silently match nothing, so loading it fails instead."""
REPRESENTATIVES: Final = 64
"""Member signatures kept per cluster: copies of one post agree with each other, so a new copy
meets one of 64 members as surely as one of 10,000, and the index stays small."""
CANDIDATES_PER_BAND: Final = 32


def account_key(cluster: int, account: str) -> int:
    digest = hashlib.blake2b(f"{cluster}\x00{account}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "little")


@dataclass(frozen=True, slots=True)
class IndexHit:
    """A post's best match among the known clusters."""

    cluster: int
    cluster_id: str
    similarity: float
    size: int
    accounts: int


@dataclass(frozen=True, slots=True)
class ClusterIndex:
    params: MinHashParams
    signatures: npt.NDArray[np.uint16]
    """(rows, num_perm): representative member signatures."""
    row_cluster: npt.NDArray[np.int32]
    keys: npt.NDArray[np.uint64]
    """Sorted band keys of every representative row (rows x bands)."""
    key_rows: npt.NDArray[np.int32]
    cluster_ids: tuple[str, ...]
    sizes: npt.NDArray[np.int32]
    account_counts: npt.NDArray[np.int32]
    """Distinct accounts per cluster."""
    member_keys: npt.NDArray[np.uint64]
    """Sorted ``account_key(cluster, account)`` of every (cluster, account) pair."""
    member_counts: npt.NDArray[np.int32]

    def __len__(self) -> int:
        return len(self.cluster_ids)

    def query(self, sig: npt.NDArray[np.uint16]) -> IndexHit | None:
        """The known cluster ``sig`` (one signature row) belongs to, or None."""
        if not len(self.keys):
            return None
        wanted = band_keys(sig.reshape(1, -1), self.params)[0]
        left = np.searchsorted(self.keys, wanted, side="left")
        right = np.searchsorted(self.keys, wanted, side="right")
        rows: list[npt.NDArray[np.int32]] = [
            self.key_rows[lo : min(hi, lo + CANDIDATES_PER_BAND)]
            for lo, hi in zip(left.tolist(), right.tolist(), strict=True)
            if hi > lo
        ]
        if not rows:
            return None
        candidates = np.unique(np.concatenate(rows))
        agree = (self.signatures[candidates] == sig).sum(axis=1)
        best = int(np.argmax(agree))
        similarity = float(agree[best]) / self.params.num_perm
        if similarity < self.params.threshold:
            return None
        cluster = int(self.row_cluster[candidates[best]])
        return IndexHit(
            cluster,
            self.cluster_ids[cluster],
            similarity,
            int(self.sizes[cluster]),
            int(self.account_counts[cluster]),
        )

    def posts_by(self, cluster: int, account: str) -> int:
        """How many members of ``cluster`` ``account`` posted (0 when unknown)."""
        if not account or not len(self.member_keys):
            return 0
        key = np.uint64(account_key(cluster, account))
        at = int(np.searchsorted(self.member_keys, key))
        if at < len(self.member_keys) and self.member_keys[at] == key:
            return int(self.member_counts[at])
        return 0

    def signature(self, normalised: str) -> npt.NDArray[np.uint16] | None:
        """The signature of one normalised text under this index's parameters, or None if too
        short to have one."""
        return signature_one(normalised, self.params)

    # -- compile, save, load (the edge) -----------------------------------------------------

    def save(self, path: Path) -> None:
        """Write the index atomically (temporary file in the same directory, then rename)."""
        meta = {
            "format": FORMAT,
            "normalisation": NORMALISATION_VERSION,
            "num_perm": self.params.num_perm,
            "bands": self.params.bands,
            "seed": self.params.seed,
            "threshold": self.params.threshold,
            "cluster_ids": list(self.cluster_ids),
        }
        buffer = io.BytesIO()
        np.savez(
            buffer,
            meta=np.frombuffer(json.dumps(meta).encode("utf-8"), dtype=np.uint8),
            signatures=self.signatures,
            row_cluster=self.row_cluster,
            keys=self.keys,
            key_rows=self.key_rows,
            sizes=self.sizes,
            account_counts=self.account_counts,
            member_keys=self.member_keys,
            member_counts=self.member_counts,
        )
        import tempfile  # the edge only

        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(buffer.getvalue())
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    @classmethod
    def load(cls, path: Path) -> ClusterIndex:
        """Read an index written by ``save``; ``ValueError`` (one line) if it is not one."""
        try:
            with np.load(path, allow_pickle=False) as data:
                arrays = {name: data[name] for name in data.files}
            meta = json.loads(bytes(arrays.pop("meta")).decode("utf-8"))
        except (OSError, ValueError, KeyError, EOFError) as exc:
            raise ValueError(f"{path}: not a cluster index ({type(exc).__name__})") from None
        if not isinstance(meta, dict) or meta.get("format") != FORMAT:
            raise ValueError(f"{path}: not a cluster index of format {FORMAT}")
        if meta.get("normalisation") != NORMALISATION_VERSION:
            raise ValueError(
                f"{path}: compiled with text normalisation {meta.get('normalisation')}, this "
                f"Bastion uses {NORMALISATION_VERSION}; run 'bastion clusters --index' again"
            )
        try:
            params = MinHashParams(
                num_perm=int(meta["num_perm"]),
                bands=int(meta["bands"]),
                seed=int(meta["seed"]),
                threshold=float(meta["threshold"]),
            )
            index = cls(
                params=params,
                signatures=arrays["signatures"].astype(np.uint16, copy=False),
                row_cluster=arrays["row_cluster"].astype(np.int32, copy=False),
                keys=arrays["keys"].astype(np.uint64, copy=False),
                key_rows=arrays["key_rows"].astype(np.int32, copy=False),
                cluster_ids=tuple(str(c) for c in meta["cluster_ids"]),
                sizes=arrays["sizes"].astype(np.int32, copy=False),
                account_counts=arrays["account_counts"].astype(np.int32, copy=False),
                member_keys=arrays["member_keys"].astype(np.uint64, copy=False),
                member_counts=arrays["member_counts"].astype(np.int32, copy=False),
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise ValueError(f"{path}: damaged cluster index ({exc})") from None
        index.check(path)
        return index

    def check(self, path: Path) -> None:
        rows, clusters = len(self.row_cluster), len(self.cluster_ids)
        if (
            self.signatures.shape != (rows, self.params.num_perm)
            or len(self.keys) != rows * self.params.bands
            or len(self.key_rows) != len(self.keys)
            or len(self.sizes) != clusters
            or len(self.account_counts) != clusters
            or len(self.member_keys) != len(self.member_counts)
            or (rows and (self.row_cluster.min() < 0 or self.row_cluster.max() >= clusters))
            or (len(self.key_rows) and (self.key_rows.min() < 0 or self.key_rows.max() >= rows))
            or bool(np.any(self.keys[1:] < self.keys[:-1]))
            or bool(np.any(self.member_keys[1:] < self.member_keys[:-1]))
        ):
            raise ValueError(f"{path}: damaged cluster index (array shapes disagree)")


def compile_index(run: ClusterRun, *, min_members: int = 3, min_accounts: int = 2) -> ClusterIndex:
    """The farm clusters of ``run`` as a queryable index."""
    clusterer = run.clusterer
    params = clusterer.params
    sig, positions = clusterer.signed()
    row_of = {int(p): r for r, p in enumerate(positions.tolist())}
    accounts = clusterer.accounts
    names = clusterer.account_names
    kept_ids: list[str] = []
    sizes: list[int] = []
    account_counts: list[int] = []
    rep_rows: list[int] = []
    rep_cluster: list[int] = []
    member_keys: list[int] = []
    member_counts: list[int] = []
    for cluster in run.clusters:
        counted = Counter(
            names[accounts[m]] if accounts[m] >= 0 else f"\x00post:{m}" for m in cluster.members
        )
        if len(cluster.members) < min_members or len(counted) < min_accounts:
            continue
        number = len(kept_ids)
        kept_ids.append(cluster.id)
        sizes.append(len(cluster.members))
        account_counts.append(len(counted))
        for member in cluster.members[:REPRESENTATIVES]:
            rep_rows.append(row_of[member])
            rep_cluster.append(number)
        for account, posts in counted.items():
            if not account.startswith("\x00"):
                member_keys.append(account_key(number, account))
                member_counts.append(posts)
    reps = sig[np.asarray(rep_rows, dtype=np.int64)] if rep_rows else sig[:0]
    keys = band_keys(reps, params).reshape(-1) if len(reps) else np.empty(0, np.uint64)
    key_rows = np.repeat(np.arange(len(reps), dtype=np.int32), params.bands)
    order = np.argsort(keys, kind="stable")
    member_order = np.argsort(np.asarray(member_keys, dtype=np.uint64), kind="stable")
    return ClusterIndex(
        params=params,
        signatures=np.ascontiguousarray(reps, dtype=np.uint16),
        row_cluster=np.asarray(rep_cluster, dtype=np.int32),
        keys=keys[order],
        key_rows=key_rows[order],
        cluster_ids=tuple(kept_ids),
        sizes=np.asarray(sizes, dtype=np.int32),
        account_counts=np.asarray(account_counts, dtype=np.int32),
        member_keys=np.asarray(member_keys, dtype=np.uint64)[member_order],
        member_counts=np.asarray(member_counts, dtype=np.int32)[member_order],
    )
