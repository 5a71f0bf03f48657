"""Near-duplicate clusters of many posts: MinHash LSH, read as a stream, texts never kept.

``Clusterer.add`` takes posts a batch at a time (normalises, signs and forgets the text), so
memory is ``num_perm * 2`` bytes of signature per post plus its id and account (about 200 bytes
a post at the defaults), whatever the texts' length. ``clusters`` then runs the LSH:

1. for each of ``bands`` bands, posts whose four 16-bit rows are equal share a bucket;
2. each bucket member is paired with the bucket's first post (a star, not every pair: a bucket
   of 10,000 copies costs 10,000 checks, not 50 million); pairs repeated across bands are
   checked once;
3. a pair is kept when the signatures agree on at least ``threshold`` of their rows (estimated
   Jaccard similarity of the shingle sets), which drops LSH's chance collisions;
4. clusters are the connected components of the kept pairs (min-label propagation in numpy).

A cluster is two or more posts; a post with fewer than ``MIN_CHARS`` letters and digits after
normalisation is in none. Connected components are transitive: A~B and B~C put A and C in one
cluster even if A and C share little, which is what a farm rewriting its own copies looks like,
and also how two unrelated texts quoting one sentence can meet (the benchmark measures it).
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Final

import numpy as np
import numpy.typing as npt

from bastion.neardup.minhash import MinHashParams, band_keys, signatures
from bastion.neardup.textnorm import normalise

PAIR_CHECK_BATCH: Final = 1 << 20


@dataclass(frozen=True, slots=True)
class Cluster:
    """One group of near-duplicate posts, members in input order."""

    id: str
    members: tuple[int, ...]
    """Positions in input order (``Clusterer.ids`` gives the item ids)."""


def cluster_id(first_member: str) -> str:
    """A stable id for the cluster whose smallest member id is ``first_member``."""
    return "c" + hashlib.blake2b(first_member.encode("utf-8"), digest_size=6).hexdigest()


@dataclass(slots=True)
class Clusterer:
    """Collects posts batch by batch; ``clusters()`` groups them."""

    params: MinHashParams = field(default_factory=MinHashParams)
    t2s: Mapping[int, str] | None = None
    ids: list[str] = field(default_factory=list)
    accounts: list[int] = field(default_factory=list)
    """Account of each post as a number (``account_names`` gives the name); -1: none given."""
    account_names: list[str] = field(default_factory=list)
    _account_codes: dict[str, int] = field(default_factory=dict)
    _rows: list[npt.NDArray[np.uint16]] = field(default_factory=list)
    _positions: list[npt.NDArray[np.int64]] = field(default_factory=list)

    def add(self, ids: Sequence[str], texts: Sequence[str], accounts: Sequence[str]) -> None:
        """Sign one batch of posts (raw texts; normalised here) and keep only the signatures."""
        normalised = [normalise(text, self.t2s) for text in texts]
        sig, usable = signatures(normalised, self.params)
        base = len(self.ids)
        self._rows.append(sig)
        self._positions.append(base + np.flatnonzero(usable).astype(np.int64))
        self.ids.extend(ids)
        codes = self._account_codes
        for account in accounts:
            if not account:
                self.accounts.append(-1)
                continue
            code = codes.get(account)
            if code is None:
                code = codes[account] = len(self.account_names)
                self.account_names.append(account)
            self.accounts.append(code)

    def signed(self) -> tuple[npt.NDArray[np.uint16], npt.NDArray[np.int64]]:
        """All signatures so far and the input position of each."""
        if not self._rows:
            return np.empty((0, self.params.num_perm), np.uint16), np.empty(0, np.int64)
        if len(self._rows) > 1:
            self._rows = [np.concatenate(self._rows)]
            self._positions = [np.concatenate(self._positions)]
        return self._rows[0], self._positions[0]

    def clusters(self) -> list[Cluster]:
        """Every group of two or more near-duplicate posts, ordered by first member."""
        sig, positions = self.signed()
        labels = component_labels(sig, self.params)
        if not len(labels):
            return []
        order = np.argsort(labels, kind="stable")
        sorted_labels = labels[order]
        cuts = np.flatnonzero(np.diff(sorted_labels)) + 1
        found: list[Cluster] = []
        for group in np.split(order, cuts):
            if len(group) < 2:
                continue
            members = tuple(int(p) for p in np.sort(positions[group]))
            first = min(self.ids[p] for p in members)
            found.append(Cluster(cluster_id(first), members))
        found.sort(key=lambda c: c.members[0])
        return found


def component_labels(sig: npt.NDArray[np.uint16], params: MinHashParams) -> npt.NDArray[np.int64]:
    """For each signature row, the smallest row index of its near-duplicate component."""
    n = sig.shape[0]
    if n == 0:
        return np.empty(0, np.int64)
    pairs: list[npt.NDArray[np.int64]] = []
    for band in range(params.bands):
        keys = band_keys(sig[:, band * params.rows : (band + 1) * params.rows], _one_band(params))
        order = np.argsort(keys[:, 0], kind="stable")
        sorted_keys = keys[order, 0]
        starts = np.concatenate(([True], sorted_keys[1:] != sorted_keys[:-1]))
        group = np.cumsum(starts) - 1
        head = order[np.flatnonzero(starts)][group]
        member = ~starts
        u, v = head[member], order[member]
        pairs.append(u.astype(np.int64) * n + v.astype(np.int64))
    unique = np.unique(np.concatenate(pairs)) if pairs else np.empty(0, np.int64)
    u_all, v_all = unique // n, unique % n
    keep_u: list[npt.NDArray[np.int64]] = []
    keep_v: list[npt.NDArray[np.int64]] = []
    need = int(np.ceil(params.threshold * params.num_perm))
    for start in range(0, len(unique), PAIR_CHECK_BATCH):
        u = u_all[start : start + PAIR_CHECK_BATCH]
        v = v_all[start : start + PAIR_CHECK_BATCH]
        agree = (sig[u] == sig[v]).sum(axis=1)
        ok = agree >= need
        keep_u.append(u[ok])
        keep_v.append(v[ok])
    return _components(
        n,
        np.concatenate(keep_u or [np.empty(0, np.int64)]),
        np.concatenate(keep_v or [np.empty(0, np.int64)]),
    )


def _one_band(params: MinHashParams) -> MinHashParams:
    return MinHashParams(num_perm=params.rows, bands=1, seed=params.seed, threshold=1.0)


def _components(
    n: int, u: npt.NDArray[np.int64], v: npt.NDArray[np.int64]
) -> npt.NDArray[np.int64]:
    """Smallest index in each node's connected component (edges ``u``-``v``)."""
    labels = np.arange(n, dtype=np.int64)
    if not len(u):
        return labels
    while True:
        low = np.minimum(labels[u], labels[v])
        before = labels.copy()
        np.minimum.at(labels, u, low)
        np.minimum.at(labels, v, low)
        while True:  # pointer jumping: follow labels to their roots
            jumped = labels[labels]
            if np.array_equal(jumped, labels):
                break
            labels = jumped
        if np.array_equal(labels, before):
            return labels
