"""A compact linear model over character n-grams and tokens, scored without scikit-learn.

The text-intent and URL models are one-vs-rest logistic regressions trained offline
(``bastion.modeltrain``) over two kinds of features of a document:

* every substring of length ``min_n``..``max_n`` of its *chars* view (a folded text, or ``^host$``);
* its *tokens* view (``\\x01w1\\x01w2\\x01``): each token and, if ``bigrams``, each pair.

A feature present in a document has the value 1 divided by the square root of the document's
feature count (``Doc.size``); absent, 0. Presence rather than counts: with counts, a sentence
repeated k times scored sqrt(k) times further from the bias (a harmless line pasted over and over
reached review); with presence, repetition pulls the score toward the bias. After training, only
the features with a large weight are kept and written with the bias, the classes and the
settings to one ``.npz`` file (numpy arrays, no pickle). Scoring runs two Aho-Corasick automata
(pyahocorasick, linear time) over the two views: the distinct matches are the kept features
present, so the sum of their weights is exactly what the trained model computes for them. Numpy
does the rest; importing this module loads neither scikit-learn nor scipy.
"""

from __future__ import annotations

import io
import json
import math
from array import array
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, Final

import ahocorasick
import numpy as np
import numpy.typing as npt

TOKEN: Final = "\x01"
"""Opens and closes every token in the tokens view; it never occurs in a chars view."""
FORMAT: Final = "bastion-linear-2"


@dataclass(frozen=True, slots=True)
class Doc:
    """A document as the model sees it: the two views and how many features it has in all."""

    chars: str
    tokens: tuple[str, ...]
    max_n: int
    bigrams: bool
    min_n: int = 1

    @property
    def token_view(self) -> str:
        return TOKEN + TOKEN.join(self.tokens) + TOKEN if self.tokens else ""

    @property
    def size(self) -> int:
        """The number of feature occurrences (kept or not): the length normaliser."""
        length, count = len(self.chars), len(self.tokens)
        grams = sum(max(0, length - n + 1) for n in range(self.min_n, self.max_n + 1))
        pairs = max(0, count - 1) if self.bigrams else 0
        return grams + count + pairs

    def features(self) -> Iterator[str]:
        """Every feature occurrence, as the automata will match them (used for training)."""
        chars = self.chars
        for n in range(self.min_n, self.max_n + 1):
            for start in range(len(chars) - n + 1):
                yield chars[start : start + n]
        tokens = self.tokens
        for position, token in enumerate(tokens):
            yield TOKEN + token + TOKEN
            if self.bigrams and position + 1 < len(tokens):
                yield TOKEN + token + TOKEN + tokens[position + 1] + TOKEN


def _automaton(patterns: list[tuple[str, int]]) -> Any:
    automaton = ahocorasick.Automaton()
    for pattern, index in patterns:
        automaton.add_word(pattern, index)
    if patterns:
        automaton.make_automaton()
    return automaton


class LinearModel:
    """Kept features with their weights per class, a bias per class, and the settings.

    ``meta`` carries what the detector needs beyond the weights: the featurizer settings
    (``max_n``, ``bigrams``), each class's category, the thresholds the model card measured,
    and where the model came from (``source``: shipped or operator)."""

    __slots__ = (
        "_chars",
        "_has_chars",
        "_has_tokens",
        "_tokens",
        "bias",
        "classes",
        "meta",
        "patterns",
        "weights",
    )

    def __init__(
        self,
        patterns: list[str],
        weights: npt.NDArray[np.float32],
        bias: npt.NDArray[np.float32],
        classes: list[str],
        meta: dict[str, Any],
    ) -> None:
        if weights.shape != (len(patterns), len(classes)) or bias.shape != (len(classes),):
            raise ValueError("model weights do not match its features and classes")
        self.patterns, self.classes, self.meta = patterns, classes, meta
        self.weights = np.ascontiguousarray(weights, dtype=np.float32)
        self.bias = np.ascontiguousarray(bias, dtype=np.float32)
        chars = [(p, i) for i, p in enumerate(patterns) if not p.startswith(TOKEN)]
        tokens = [(p, i) for i, p in enumerate(patterns) if p.startswith(TOKEN)]
        self._chars, self._has_chars = _automaton(chars), bool(chars)
        self._tokens, self._has_tokens = _automaton(tokens), bool(tokens)

    @property
    def max_n(self) -> int:
        return int(self.meta.get("max_n", 4))

    @property
    def bigrams(self) -> bool:
        return bool(self.meta.get("bigrams", True))

    def matches(self, doc: Doc) -> list[int]:
        """Indexes of the kept features, once per occurrence in ``doc``."""
        found: list[int] = []
        if self._has_chars and doc.chars:
            found = [index for _, index in self._chars.iter(doc.chars)]
        if self._has_tokens and doc.tokens:
            found += [index for _, index in self._tokens.iter(doc.token_view)]
        return found

    def logits(self, doc: Doc, found: list[int] | None = None) -> npt.NDArray[np.float32]:
        """The decision value of every class for ``doc`` (``found``: its ``matches``)."""
        found = self.matches(doc) if found is None else found
        if not found:
            return self.bias.copy()
        rows = np.frombuffer(array("q", set(found)), dtype=np.int64)
        total = np.add.reduce(self.weights.take(rows, axis=0), axis=0)
        return np.asarray(total / math.sqrt(max(doc.size, 1)) + self.bias, dtype=np.float32)

    def probabilities(self, doc: Doc) -> npt.NDArray[np.float64]:
        """The probability of every class (one-vs-rest logistic), as float64."""
        return 1.0 / (1.0 + np.exp(-self.logits(doc).astype(np.float64)))

    def top_features(self, found: list[int], column: int, count: int = 4) -> list[str]:
        """The features that pushed class ``column`` up the most in a document, readable: single
        characters and pieces of a feature already named are left out."""
        weight = self.weights[:, column]
        distinct = list(set(found))
        # only the features that pushed it up are read (the loop stops at the first other one):
        # weighed in one numpy call, in the set's order, sorted stably as before
        weights = weight.take(distinct).tolist()
        pushed = [(i, w) for i, w in zip(distinct, weights, strict=True) if w > 0]
        ranked = sorted(pushed, key=lambda item: -item[1])
        return readable_names((readable(self.patterns[i]).strip() for i, _ in ranked), count)

    def to_bytes(self) -> bytes:
        buffer = io.BytesIO()
        np.savez_compressed(
            buffer,
            patterns=np.array(self.patterns, dtype=np.str_),
            weights=self.weights.astype(np.float16),
            bias=self.bias,
            classes=np.array(self.classes, dtype=np.str_),
            meta=np.array(json.dumps({**self.meta, "format": FORMAT}, ensure_ascii=False)),
        )
        return buffer.getvalue()

    @classmethod
    def from_bytes(cls, data: bytes, where: str) -> LinearModel:
        """A model from ``to_bytes`` output; a damaged or foreign file is one ``ValueError``."""
        try:
            with np.load(io.BytesIO(data), allow_pickle=False) as arrays:
                meta = json.loads(str(arrays["meta"]))
                if not isinstance(meta, dict) or meta.get("format") != FORMAT:
                    raise ValueError(f"not a {FORMAT} model")
                return cls(
                    [str(p) for p in arrays["patterns"]],
                    arrays["weights"].astype(np.float32),
                    arrays["bias"].astype(np.float32),
                    [str(c) for c in arrays["classes"]],
                    meta,
                )
        except (OSError, KeyError, EOFError, ValueError, json.JSONDecodeError) as exc:
            raise ValueError(f"{where}: unreadable model ({type(exc).__name__}: {exc})") from None


def readable(pattern: str) -> str:
    """A feature as a person reads it: tokens joined by spaces, n-grams quoted as they are."""
    if pattern.startswith(TOKEN):
        return " ".join(part for part in pattern.split(TOKEN) if part)
    return pattern


def readable_names(candidates: Iterable[str], count: int) -> list[str]:
    """Up to ``count`` of ``candidates``, in their order, that a moderator can read: longer than
    one character, holding a letter or digit, and not a piece of a name already taken."""
    named: list[str] = []
    for text in candidates:
        if len(named) == count:
            break
        legible = len(text) > 1 and any(ch.isalnum() for ch in text)
        if legible and not any(text in other for other in named):
            named.append(text)
    return named
