"""MinHash signatures of many texts at once, vectorised with numpy (no Python loop per shingle).

A text's shingles are its character ``SHINGLE``-grams (after ``textnorm.normalise``). Each
shingle is hashed to 64 bits from its three code points (a weighted sum, then a splitmix
finaliser); permutation ``p`` is the multiply-shift hash
``(a_p * h + b_p) >> 32`` (odd ``a_p``, fixed seed), and the signature keeps the minimum per
permutation. Only the low 16 bits of each minimum are stored (b-bit minwise hashing: two
different minima agree by chance with probability 2**-16), which halves memory and lets four
rows of a band pack into one 64-bit LSH key.

``signatures`` works on a batch: all texts' code points are laid end to end in one array, the
shingle hashes are computed for every position at once, positions whose n-gram crosses a text
boundary are dropped, and ``np.minimum.reduceat`` takes each text's minimum. This is measured
against datasketch and rensa in ``bench/near_duplicates_eval.py``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Final

import numpy as np
import numpy.typing as npt

SHINGLE: Final = 3
"""Characters per shingle: short enough that swapping two words changes only the seams."""
GROUP_SHINGLES: Final = 1 << 14
MIN_CHARS: Final = 8
"""Texts with fewer letters and digits than this after normalisation get no signature: "转发微博"
or "[哈哈]" are repeated by millions of people and say nothing about copying."""
_M1: Final = np.uint64(0x9E3779B97F4A7C15)
_M2: Final = np.uint64(0xBF58476D1CE4E5B9)
_M3: Final = np.uint64(0x94D049BB133111EB)


@dataclass(frozen=True, slots=True)
class MinHashParams:
    """What a signature depends on; an index built with other parameters cannot be queried."""

    num_perm: int = 64
    bands: int = 16
    seed: int = 1
    threshold: float = 0.5
    """Estimated Jaccard similarity (share of equal signature rows) for two texts to be copies."""

    def __post_init__(self) -> None:
        if self.num_perm % self.bands or self.num_perm // self.bands != 4:
            raise ValueError("num_perm must be 4 x bands (four 16-bit rows pack one band key)")
        if not 0.0 < self.threshold <= 1.0:
            raise ValueError("threshold must be in (0, 1]")

    @property
    def rows(self) -> int:
        return self.num_perm // self.bands

    def coefficients(self) -> tuple[npt.NDArray[np.uint64], npt.NDArray[np.uint64]]:
        """The permutations' multipliers (odd) and offsets, fixed by ``seed``."""
        return _coefficients(self.num_perm, self.seed)


@cache
def _coefficients(
    num_perm: int, seed: int
) -> tuple[npt.NDArray[np.uint64], npt.NDArray[np.uint64]]:
    rng = np.random.Generator(np.random.PCG64(seed))
    a = rng.integers(0, 2**63, size=num_perm, dtype=np.uint64) * np.uint64(2) + np.uint64(1)
    b = rng.integers(0, 2**63, size=num_perm, dtype=np.uint64)
    a.flags.writeable = False
    b.flags.writeable = False
    return a, b


def _mix(h: npt.NDArray[np.uint64]) -> npt.NDArray[np.uint64]:
    h = h ^ (h >> np.uint64(30))
    h = h * _M2
    h = h ^ (h >> np.uint64(27))
    h = h * _M3
    return h ^ (h >> np.uint64(31))


def _shingle_mix(codes: npt.NDArray[np.uint64]) -> npt.NDArray[np.uint64]:
    """64-bit hash of the 3-gram starting at each position of ``codes`` (code points)."""
    n = len(codes) - SHINGLE + 1
    return _mix(codes[:n] * _M1 + codes[1 : n + 1] * _M2 + codes[2 : n + 2] * _M3)


def signature_one(text: str, params: MinHashParams) -> npt.NDArray[np.uint16] | None:
    """``signatures([text])`` for one text, in a dozen numpy calls (what a scan pays), or None
    when the text is too short to have one."""
    if len(text) < MIN_CHARS:
        return None
    codes = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    a, b = params.coefficients()
    values = (_shingle_mix(codes)[None, :] * a[:, None] + b[:, None]) >> np.uint64(32)
    row: npt.NDArray[np.uint16] = values.astype(np.uint32).min(axis=1).astype(np.uint16)
    return row


def shingle_hashes(
    texts: Sequence[str],
) -> tuple[npt.NDArray[np.uint64], npt.NDArray[np.int64], npt.NDArray[np.bool_]]:
    """Hashes of every shingle of every text, laid end to end; each usable text's first
    position in that array; and which texts are usable (at least ``MIN_CHARS`` characters)."""
    lengths = np.fromiter((len(t) for t in texts), dtype=np.int64, count=len(texts))
    usable = lengths >= MIN_CHARS
    if not usable.any():
        return np.empty(0, np.uint64), np.empty(0, np.int64), usable
    kept = [t for t, ok in zip(texts, usable, strict=True) if ok]
    kept_lengths = lengths[usable]
    codes = np.frombuffer("".join(kept).encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    h = _shingle_mix(codes)
    ends = np.cumsum(kept_lengths)
    # a shingle starting at p is inside its text when p <= end - SHINGLE
    valid = np.ones(len(h), dtype=np.bool_)
    for back in range(1, SHINGLE):
        cut = ends - back
        valid[cut[cut < len(h)]] = False
    hashes = h[valid]
    counts = kept_lengths - SHINGLE + 1
    offsets = np.concatenate(([0], np.cumsum(counts)[:-1])).astype(np.int64)
    return hashes, offsets, usable


def signatures(
    texts: Sequence[str], params: MinHashParams
) -> tuple[npt.NDArray[np.uint16], npt.NDArray[np.bool_]]:
    """One 16-bit MinHash row per permutation for each usable text (already normalised), and the
    usable mask (rows come only for usable texts, in order)."""
    hashes, offsets, usable = shingle_hashes(texts)
    out = np.empty((len(offsets), params.num_perm), dtype=np.uint16)
    if not len(offsets):
        return out, usable
    a, b = params.coefficients()
    a2, b2 = a[:, None], b[:, None]
    shift = np.uint64(32)
    # Texts are taken in groups of about GROUP_SHINGLES shingles, and every permutation of a
    # group is one (num_perm x shingles) array: a few numpy calls per group, so one short post
    # (a scan) costs microseconds and a million posts stay within cache-sized arrays.
    ends = np.append(offsets[1:], len(hashes))
    first, total = 0, len(offsets)
    while first < total:
        last = int(np.searchsorted(ends, offsets[first] + GROUP_SHINGLES, side="right"))
        last = max(last, first + 1)
        low, high = int(offsets[first]), int(ends[last - 1])
        values = ((hashes[None, low:high] * a2 + b2) >> shift).astype(np.uint32)
        minima = np.minimum.reduceat(values, offsets[first:last] - low, axis=1)
        out[first:last] = minima.T.astype(np.uint16)
        first = last
    return out, usable


def band_keys(sig: npt.NDArray[np.uint16], params: MinHashParams) -> npt.NDArray[np.uint64]:
    """(n, bands) LSH keys: the four 16-bit rows of each band packed into one 64-bit integer,
    mixed with the band number so keys of different bands never meet in one table."""
    n = sig.shape[0]
    rows = sig.reshape(n, params.bands, params.rows).astype(np.uint64)
    keys = rows[:, :, 0] << np.uint64(48)
    keys |= rows[:, :, 1] << np.uint64(32)
    keys |= rows[:, :, 2] << np.uint64(16)
    keys |= rows[:, :, 3]
    salt = np.arange(params.bands, dtype=np.uint64) * _M1
    return _mix(keys ^ salt[None, :])


def similarity(
    query: npt.NDArray[np.uint16], rows: npt.NDArray[np.uint16]
) -> npt.NDArray[np.float64]:
    """Estimated Jaccard similarity of ``query`` to each of ``rows`` (share of equal rows)."""
    return np.asarray((rows == query).mean(axis=-1), dtype=np.float64)
