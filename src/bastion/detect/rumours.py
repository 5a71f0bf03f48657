"""Rumours: posts that restate a claim the operator listed as debunked (``bastion claims import``).

Matching is lexical, BM25-style: every claim is a bag of index terms (``textterms``: Chinese
character bigrams after traditional -> simplified folding, stemmed English words), each weighted
by its inverse document frequency over the claim list. A text restates claim ``c`` when the
terms it shares with ``c`` carry most of ``c``'s weight (*coverage*), or, for a text that quotes
only part of a claim, most of the text's own weight while still covering a good share of the
claim (*overlap*). The score is the larger of coverage and that gated overlap. A small embedding
model shipped inside a package (all-MiniLM-L6-v2, int8 ONNX) was measured against this in
``bench/rumours_eval.py`` and lost on recall, precision and speed (README "Benchmarks").

Candidate claims come from a text's rarer terms (an inverted index; common terms are skipped
there but still counted in the exact score), so a scan touches a bounded number of claims
however long the list. The detector emits up to ``MAX_SIGNALS`` ``rumour`` signals, one per
matched claim at or above ``EMIT_FLOOR``, each with the claim, its verdict and fact-check URL as
evidence; the policy decides from the score. Rumours are labelled and reviewed, never removed
automatically (policy and ladder both hold to it; tests/detect/test_rumours.py proves it).
"""

from __future__ import annotations

import heapq
import json
import math
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from bastion.detect.base import DetectContext, Resources
from bastion.detect.claimlist import Claim, read
from bastion.detect.textterms import prepare, term_weight_factor, terms
from bastion.model import Item, Signal

LABEL: Final = "rumour"
CATEGORY: Final = "rumour"
EMIT_FLOOR: Final = 0.5
"""Signals below this score are not emitted (the policy's ``min_score`` is the real bar)."""
OVERLAP_GATE: Final = 0.4
"""A partial quote scores by overlap only if it covers at least this share of the claim."""
MAX_SIGNALS: Final = 3
MAX_CANDIDATES: Final = 64
MIN_TEXT_CHARS: Final = 6
SCAN_CHARS: Final = 4_000
"""Only the head of a long text is matched: a restatement that matters is not buried."""


@dataclass(frozen=True, slots=True)
class Match:
    claim: int
    score: float
    coverage: float
    overlap: float


class ClaimIndex:
    """Claims and their weighted terms, with an inverted index of the rarer terms."""

    __slots__ = (
        "_common",
        "_idf",
        "_max_weight",
        "_postings",
        "_terms",
        "_weights",
        "claims",
        "totals",
    )

    def __init__(self, claims: list[Claim], tokenize: Callable[[str], set[str]] = terms) -> None:
        """``tokenize`` is the term function (the benchmark swaps in jieba words to compare)."""
        self.claims = tuple(claims)
        self._terms = tokenize
        bags = [tokenize(c.claim) for c in claims]
        df: dict[str, int] = defaultdict(int)
        for bag in bags:
            for term in bag:
                df[term] += 1
        n = max(1, len(claims))
        idf = {t: math.log(1.0 + (n - d + 0.5) / (d + 0.5)) for t, d in df.items()}
        self._idf = idf
        self._weights: tuple[dict[str, float], ...] = tuple(
            {t: idf[t] * term_weight_factor(t) for t in bag} for bag in bags
        )
        self.totals = tuple(sum(w.values()) for w in self._weights)
        self._max_weight = math.log(1.0 + (n + 0.5) / 0.5)
        cap = max(32, n // 50)
        self._common = frozenset(t for t, d in df.items() if d > cap)
        postings: dict[str, list[int]] = defaultdict(list)
        for position, bag in enumerate(bags):
            for term in bag:
                if term not in self._common:
                    postings[term].append(position)
        self._postings = {t: tuple(p) for t, p in postings.items()}

    def __len__(self) -> int:
        return len(self.claims)

    def weight_of_text(self, bag: set[str]) -> float:
        """The weight of a text's own terms; a term no claim holds counts as the rarest."""
        idf, rarest = self._idf, self._max_weight
        return sum(idf.get(term, rarest) * term_weight_factor(term) for term in bag)

    def match(self, text: str, limit: int = MAX_SIGNALS, floor: float = 0.0) -> list[Match]:
        """The best-scoring claims ``text`` restates, best first (score at least ``floor``)."""
        bag = self._terms(text[:SCAN_CHARS])
        if not bag or not self.claims:
            return []
        hits: dict[int, int] = defaultdict(int)
        for term in bag:
            for position in self._postings.get(term, ()):
                hits[position] += 1
        if not hits:
            return []
        candidates = heapq.nlargest(MAX_CANDIDATES, hits, key=lambda p: (hits[p], -p))
        own = self.weight_of_text(bag)
        found = []
        for position in candidates:
            weights = self._weights[position]
            shared = sum(weights[t] for t in bag if t in weights)
            total = self.totals[position]
            if total <= 0.0:
                continue
            coverage = min(1.0, shared / total)
            overlap = min(1.0, shared / min(total, own)) if own > 0 else 0.0
            score = max(coverage, overlap if coverage >= OVERLAP_GATE else 0.0)
            if score >= floor:
                found.append(Match(position, round(score, 4), coverage, overlap))
        found.sort(key=lambda m: (-m.score, m.claim))
        return found[:limit]


class RumourDetector:
    """Emits ``rumour`` for a text that restates a listed debunked claim."""

    name: Final = "rumours"
    emits: Final = frozenset({LABEL})

    __slots__ = ("_index",)

    def __init__(self, resources: Resources) -> None:
        self._index = resources.asset(self.name, ClaimIndex)
        if self._index is not None:
            prepare()

    @classmethod
    def load_asset(cls, home: Path) -> ClaimIndex | None:
        claims = read(home)
        if not claims:
            return None
        prepare()
        return ClaimIndex(claims)

    @property
    def gates(self) -> bool:
        """False without a claim index: the gate is then never true."""
        return self._index is not None

    def gate(self, item: Item) -> bool:
        return self._index is not None and len(item.text) >= MIN_TEXT_CHARS

    def detect(self, context: DetectContext) -> list[Signal]:
        index = self._index
        if index is None or len(context.text) < MIN_TEXT_CHARS:
            return []
        return [
            Signal(
                detector=self.name,
                label=LABEL,
                score=match.score,
                evidence=_evidence(index.claims[match.claim]),
                category=CATEGORY,
            )
            for match in index.match(context.text, MAX_SIGNALS, EMIT_FLOOR)
        ]


def _evidence(claim: Claim) -> str:
    """The claim, its verdict and the fact-check, as one JSON object (bounded)."""
    record = {
        "claim": claim.claim[:1_000],
        "verdict": claim.verdict,
        "source_url": claim.source_url,
    }
    return json.dumps(record, ensure_ascii=False)
