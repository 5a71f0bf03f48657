"""A linear model over hashed character n-grams and words, featurized and scored with numpy.

The text-intent model (``bastion.detect.text_model``) reads a folded text (``HashedDoc``) as:

* every character 1-, 2-, 3- and 4-gram starting at each position, the text padded at its end
  with three U+0003 characters (so ``"ab"`` also yields ``"b"`` + pad: the end of a text is a
  feature);
* each ASCII word and each pair of neighbouring words.

Each feature is a 64-bit key, mixed by Fibonacci hashing into one of ``2**bits`` buckets. A bucket
present in a document has the value 1 divided by the square root of the document's feature
count (``HashedDoc.size``); absent, 0 (presence, not counts: a sentence pasted sixty times scores
like the sentence once). Training (``bastion.modeltrain``) and scoring compute the buckets with
the same function, so the exported weights score exactly what was trained. With code points
c0..c3 and pairs P01 = c0 + c1 * 2**32, P23 = c2 + c3 * 2**32, R = 2**32 + 15, all modulo 2**64:
1-gram c0; 2-gram P01 (exact); 3-gram P01 * R + c2; 4-gram P01 * R**2 + P23; a word
crc32(word) * 2**16 + 0x5157; a pair of words crc32("a b") * 2**16 + 0xA3B1.

Scoring is a handful of numpy calls per text whatever its length (no Python loop over
characters): the n-gram keys of all four lengths are written into one array by two overlapping
64-bit views of the text's UTF-32 bytes and two multiply-adds, hashed by one multiply and one
shift, de-duplicated through a per-thread work array (no sort), and the weights of the distinct
buckets summed by one ``take`` and one vector-matrix product. ``logits_many`` scores a batch
of texts with one set of numpy calls (about half the cost per text: ``present_rows``); both sum
in float64, so they agree to float rounding. The file keeps only the buckets with a large weight
(indices and float16 weights); they are spread into a dense table (one row per bucket) and a
compact one (one row per kept bucket, for batches) when loaded.
"""

from __future__ import annotations

import io
import itertools
import json
import math
import threading
import zlib
from collections.abc import Sequence
from typing import Any, Final, NamedTuple

import numpy as np
import numpy.typing as npt

from bastion.detect.linear import readable_names

"".encode("utf-32-le")  # imports the codec now: a scan must not import anything (purity guard)

FORMAT: Final = "bastion-hashed-1"
DEFAULT_BITS: Final = 18
MIN_BITS: Final = 12
MAX_BITS: Final = 22
MAX_N: Final = 4
_PAD: Final = "\x03" * (MAX_N - 1)
"""End padding: U+0003 (a text that holds one reads it like the padding)."""
_RADIX: Final = np.uint64(2**32 + 15)
_RADIX_2: Final = np.uint64((2**32 + 15) ** 2 % 2**64)
_MIX: Final = np.uint64(0x9E3779B97F4A7C15)
_WORD_TAG: Final = 0x5157
_PAIR_TAG: Final = 0xA3B1


class HashedDoc(NamedTuple):
    """A text as the model reads it: its folded characters and its ASCII words (a named tuple:
    built once per message, so the cheapest immutable record)."""

    chars: str
    tokens: tuple[str, ...]

    @property
    def size(self) -> int:
        """The number of feature occurrences: the length normaliser."""
        count = len(self.tokens)
        return MAX_N * len(self.chars) + count + max(0, count - 1)

    def keys(self) -> npt.NDArray[np.uint64]:
        """Every feature's 64-bit key, in ``names()`` order: the 1-grams of each position, then
        the 2-, 3- and 4-grams, then the words, then the word pairs."""
        chars, tokens = self.chars, self.tokens
        length = len(chars)
        data = (chars + _PAD).encode("utf-32-le")
        points = np.frombuffer(data, dtype=np.uint32)
        # Two neighbouring code points read as one little-endian 64-bit number: the exact key
        # of a 2-gram (c0 + c1 * 2**32), and of the pair after it, with no arithmetic.
        pairs = np.ndarray((length,), np.uint64, data, 0, (4,))
        later = np.ndarray((length,), np.uint64, data, 8, (4,))
        out = np.empty(MAX_N * length + 2 * len(tokens) - (1 if tokens else 0), dtype=np.uint64)
        out[:length] = points[:length]
        out[length : 2 * length] = pairs
        three = out[2 * length : 3 * length]
        np.multiply(pairs, _RADIX, out=three)
        np.add(three, points[2 : 2 + length], out=three)
        four = out[3 * length : 4 * length]
        np.multiply(pairs, _RADIX_2, out=four)
        np.add(four, later, out=four)
        if tokens:
            out[MAX_N * length :] = word_keys(tokens)
        return out

    def names(self) -> list[str]:
        """Every feature as a person reads it, in ``keys()`` order (used for explanations)."""
        padded, length = self.chars + _PAD, len(self.chars)
        out = [padded[i : i + n].rstrip("\x03") for n in range(1, MAX_N + 1) for i in range(length)]
        out += list(self.tokens)
        out += [f"{a} {b}" for a, b in itertools.pairwise(self.tokens)]
        return out


def word_keys(tokens: tuple[str, ...]) -> list[int]:
    """The keys of ``tokens``' words, then of each pair of neighbouring words."""
    words = [zlib.crc32(t.encode()) << 16 | _WORD_TAG for t in tokens]
    words += [
        zlib.crc32(f"{a} {b}".encode()) << 16 | _PAIR_TAG for a, b in itertools.pairwise(tokens)
    ]
    return words


def buckets_of(keys: npt.NDArray[np.uint64], bits: int) -> npt.NDArray[np.intp]:
    """Each key's bucket (Fibonacci hashing: the top ``bits`` bits of key times an odd constant);
    ``keys`` is overwritten."""
    np.multiply(keys, _MIX, out=keys)
    np.right_shift(keys, np.uint64(64 - bits), out=keys)
    return keys.view(np.intp)


class _Scratch(threading.local):
    """Per-thread work arrays for ``distinct_buckets`` (a shared one would race)."""

    def __init__(self) -> None:
        self.last: dict[int, npt.NDArray[np.int32]] = {}
        self.order = np.arange(0, dtype=np.int32)


_SCRATCH: Final = _Scratch()


def distinct_buckets(doc: HashedDoc, bits: int) -> npt.NDArray[np.intp]:
    """The distinct buckets present in ``doc`` (in no particular order).

    Without a sort: each occurrence writes its position into a per-bucket work array, and an
    occurrence is kept when the position read back is its own (the last of its bucket)."""
    found = buckets_of(doc.keys(), bits)
    count = found.size
    if count < 2:
        return found
    scratch = _SCRATCH
    last = scratch.last.get(bits)
    if last is None:
        last = scratch.last[bits] = np.zeros(1 << bits, dtype=np.int32)
    if scratch.order.size < count:
        scratch.order = np.arange(2 * count, dtype=np.int32)
    order = scratch.order[:count]
    last[found] = order
    kept: npt.NDArray[np.intp] = found[last.take(found) == order]
    return kept


BATCH_CHARS: Final = 16_384
"""``logits_many`` featurizes documents in batches of about this many characters (their arrays
stay in the processor's cache)."""
_LAST_PADS: Final = np.array([3, 2, 1], dtype=np.intp)


_Ints = npt.NDArray[np.signedinteger[Any]]


def present_rows(
    docs: Sequence[HashedDoc], bits: int, index: npt.NDArray[np.int32], width: int
) -> tuple[_Ints, _Ints, npt.NDArray[np.float64]]:
    """For a batch of documents: every distinct (document number, row) pair, where ``row`` is
    ``index`` of a bucket present in the document (``index``: a row per bucket below
    ``2**width``, 0 for a bucket the model does not keep), sorted by document number.

    The documents' texts are joined, each followed by its own end padding, and featurized at
    once as ``HashedDoc.keys`` does one (an n-gram starting in a padding is dropped: its row is
    set to 0); the words of all are hashed together; each occurrence becomes one integer,
    document number times ``2**width`` plus its row, and one sort and one comparison of
    neighbours keep the distinct ones. Also each document's ``HashedDoc.size``."""
    count = len(docs)
    dtype: type[np.signedinteger[Any]] = np.int32 if count << width < 2**31 else np.int64
    lengths = np.fromiter([len(doc.chars) for doc in docs], np.intp, count)
    text = _PAD.join([doc.chars for doc in docs]) + _PAD
    total = len(text) - (MAX_N - 1)
    data = text.encode("utf-32-le")
    points = np.frombuffer(data, dtype=np.uint32)
    pairs = np.ndarray((total,), np.uint64, data, 0, (4,))
    later = np.ndarray((total,), np.uint64, data, 8, (4,))
    keys = np.empty((MAX_N, total), dtype=np.uint64)
    keys[0] = points[:total]
    keys[1] = pairs
    np.multiply(pairs, _RADIX, out=keys[2])
    np.add(keys[2], points[2 : 2 + total], out=keys[2])
    np.multiply(pairs, _RADIX_2, out=keys[3])
    np.add(keys[3], later, out=keys[3])
    rows: _Ints = index.take(buckets_of(keys, bits)).astype(dtype, copy=False)
    # The n-grams that start in a padding (the last three positions of each document's span).
    pads = (np.cumsum(lengths + (MAX_N - 1))[:, None] - _LAST_PADS).ravel()
    rows[:, pads[pads < total]] = 0
    firsts: _Ints = np.arange(count, dtype=dtype)
    firsts <<= width  # each document's first occurrence value
    rows |= np.repeat(firsts, lengths + (MAX_N - 1))[:total]
    occurrences: _Ints = rows.ravel()
    tokens = np.fromiter([len(doc.tokens) for doc in docs], np.intp, count)
    sizes = (MAX_N * lengths + tokens + np.maximum(tokens - 1, 0)).astype(np.float64)
    encoded = [t.encode() for doc in docs for t in doc.tokens]
    if encoded:
        # crc32("a b") continues crc32("a") over " b": each pair costs one crc32 of its second
        # word; the pairs across two documents are computed, then dropped.
        words = list(map(zlib.crc32, encoded))
        pair_crcs = list(map(zlib.crc32, map(b" ".__add__, encoded[1:]), words))
        word_firsts = np.repeat(firsts, tokens)
        within = word_firsts[:-1] == word_firsts[1:]
        tagged = np.empty(len(words) + int(within.sum()), dtype=np.uint64)
        tagged[: len(words)] = words
        tagged[len(words) :] = np.array(pair_crcs, dtype=np.uint64)[within]
        tagged <<= np.uint64(16)
        tagged[: len(words)] |= np.uint64(_WORD_TAG)
        tagged[len(words) :] |= np.uint64(_PAIR_TAG)
        word_rows: _Ints = index.take(buckets_of(tagged, bits)).astype(dtype, copy=False)
        word_rows |= np.concatenate((word_firsts, word_firsts[:-1][within]))
        occurrences = np.concatenate((occurrences, word_rows))
    occurrences.sort()
    distinct = np.empty(occurrences.size, dtype=bool)
    distinct[:1] = True
    np.not_equal(occurrences[1:], occurrences[:-1], out=distinct[1:])
    kept: _Ints = occurrences[distinct]
    return kept >> width, kept & ((1 << width) - 1), sizes


def _sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(min(-x, 700.0)))


class HashedModel:
    """Weights per kept bucket and class, a bias per class, and the settings in ``meta``
    (``bits``, the thresholds a model card measured, ``source``: shipped or operator)."""

    __slots__ = (
        "_bias",
        "_index",
        "_ones",
        "_rows",
        "_table",
        "_width",
        "bias",
        "bits",
        "buckets",
        "classes",
        "meta",
        "weights",
    )

    def __init__(
        self,
        buckets: npt.NDArray[np.int64],
        weights: npt.NDArray[np.float32],
        bias: npt.NDArray[np.float32],
        classes: list[str],
        meta: dict[str, Any],
    ) -> None:
        bits = meta.get("bits", DEFAULT_BITS)
        if not isinstance(bits, int) or not MIN_BITS <= bits <= MAX_BITS:
            raise ValueError(f"model bits must be an integer from {MIN_BITS} to {MAX_BITS}")
        if weights.shape != (len(buckets), len(classes)) or bias.shape != (len(classes),):
            raise ValueError("model weights do not match its buckets and classes")
        buckets = np.asarray(buckets, dtype=np.int64)
        if buckets.size and (buckets.min() < 0 or buckets.max() >= 1 << bits):
            raise ValueError(f"model buckets must lie in 0..2**{bits}-1")
        if np.unique(buckets).size != buckets.size:
            raise ValueError("model buckets repeat")
        self.bits, self.classes, self.meta = bits, classes, meta
        self.buckets = buckets
        self.weights = np.ascontiguousarray(weights, dtype=np.float32)
        self.bias = np.ascontiguousarray(bias, dtype=np.float32)
        # One row per bucket (``logits``): a bucket's weights for every class share a cache
        # line. Sums are taken in float64, so a sum of file weights (float16 values) is exact
        # whatever the order it is added in, one document at a time or in a batch.
        table = np.zeros((1 << bits, len(classes)), dtype=np.float32)
        table[buckets] = self.weights
        self._table = table
        # For batches: each bucket's row in a compact table of the kept features (row 0: a
        # bucket not kept, all zeros), whose rows fit the processor's cache.
        index = np.zeros(1 << bits, dtype=np.int32)
        index[buckets] = np.arange(1, len(buckets) + 1, dtype=np.int32)
        rows = np.zeros((len(buckets) + 1, len(classes)), dtype=np.float32)
        rows[1:] = self.weights
        self._index, self._rows = index, rows
        self._width = max(len(buckets).bit_length(), 1)
        self._bias = self.bias.astype(np.float64)
        self._ones = np.ones(0, dtype=np.float64)

    def logits(self, doc: HashedDoc) -> npt.NDArray[np.float64]:
        """The decision value of every class for ``doc``."""
        found = distinct_buckets(doc, self.bits)
        if not found.size:
            return self._bias.copy()
        if self._ones.size < found.size:
            self._ones = np.ones(2 * found.size, dtype=np.float64)
        # A vector-matrix product sums the rows (BLAS; faster than .sum(axis=0)).
        total = self._ones[: found.size] @ self._table.take(found, axis=0)
        total *= 1.0 / math.sqrt(max(doc.size, 1))
        total += self._bias
        return total

    def logits_many(self, docs: Sequence[HashedDoc]) -> npt.NDArray[np.float64]:
        """The decision values of many documents (one row each): ``logits`` of each, equal to
        float rounding, with a fixed number of numpy calls per batch of about ``BATCH_CHARS``
        characters instead of per document."""
        out = np.empty((len(docs), len(self.classes)), dtype=np.float64)
        start = 0
        while start < len(docs):
            end, chars = start, 0
            while end < len(docs) and (end == start or chars < BATCH_CHARS):
                chars += len(docs[end].chars)
                end += 1
            out[start:end] = self._batch(docs[start:end])
            start = end
        return out

    def _batch(self, docs: Sequence[HashedDoc]) -> npt.NDArray[np.float64]:
        count = len(docs)
        number, row, sizes = present_rows(docs, self.bits, self._index, self._width)
        weights = self._rows.take(row, axis=0)
        starts = np.searchsorted(number, np.arange(count + 1))
        total = np.zeros((count, len(self.classes)), dtype=np.float64)
        present = starts[:-1] < starts[1:]  # a document without any feature sums to 0
        if weights.size:
            total[present] = np.add.reduceat(
                weights, starts[:-1][present], axis=0, dtype=np.float64
            )
        total *= (1.0 / np.sqrt(np.maximum(sizes, 1)))[:, None]
        total += self._bias
        return total

    def probabilities(self, doc: HashedDoc) -> npt.NDArray[np.float64]:
        """The probability of every class (one-vs-rest logistic), as float64 (a handful of
        classes: ``math.exp`` per class costs less than five numpy calls)."""
        return np.array([_sigmoid(x) for x in self.logits(doc).tolist()], dtype=np.float64)

    def probabilities_many(self, docs: Sequence[HashedDoc]) -> npt.NDArray[np.float64]:
        """``probabilities`` of many documents (one row each), scored by ``logits_many``."""
        logits = np.minimum(-self.logits_many(docs), 700.0)
        return 1.0 / (1.0 + np.exp(logits))

    def most_likely(self, doc: HashedDoc) -> float:
        """The highest probability of any class (what a gate compares with its threshold)."""
        return _sigmoid(float(self.logits(doc).max()))

    def top_features(self, doc: HashedDoc, column: int, count: int = 4) -> list[str]:
        """The features that pushed class ``column`` up the most in ``doc``, readable: single
        characters, features without a letter or digit and pieces of a feature already named
        are left out."""
        weight = self._table[:, column].take(buckets_of(doc.keys(), self.bits))
        names = doc.names()
        best: dict[str, float] = {}
        for index in np.argsort(-weight, kind="stable")[: 8 * count + 16]:
            value = float(weight[index])
            if value <= 0:
                break
            best.setdefault(names[index].strip(), value)
        return readable_names(best, count)

    def to_bytes(self) -> bytes:
        buffer = io.BytesIO()
        np.savez_compressed(
            buffer,
            buckets=self.buckets.astype(np.int32),
            weights=self.weights.astype(np.float16),
            bias=self.bias,
            classes=np.array(self.classes, dtype=np.str_),
            meta=np.array(json.dumps({**self.meta, "format": FORMAT}, ensure_ascii=False)),
        )
        return buffer.getvalue()

    @classmethod
    def from_bytes(cls, data: bytes, where: str) -> HashedModel:
        """A model from ``to_bytes`` output; a damaged, foreign or older file is one
        ``ValueError`` (a model of an older format is retrained with ``bastion model train``)."""
        try:
            with np.load(io.BytesIO(data), allow_pickle=False) as arrays:
                meta = json.loads(str(arrays["meta"]))
                if not isinstance(meta, dict) or meta.get("format") != FORMAT:
                    found = meta.get("format") if isinstance(meta, dict) else None
                    raise ValueError(
                        f"not a {FORMAT} model (format {found!r}: train it again with "
                        "`bastion model train`)"
                    )
                return cls(
                    arrays["buckets"].astype(np.int64),
                    arrays["weights"].astype(np.float32),
                    arrays["bias"].astype(np.float32),
                    [str(c) for c in arrays["classes"]],
                    meta,
                )
        except (OSError, KeyError, EOFError, ValueError, json.JSONDecodeError) as exc:
            raise ValueError(f"{where}: unreadable model ({type(exc).__name__}: {exc})") from None
