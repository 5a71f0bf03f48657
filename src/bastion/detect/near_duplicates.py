"""Content farms and clout-chasing: a post that joins a known cluster of near-duplicates.

The operator compiles the clusters of a body of posts into the home (``bastion clusters --in
POSTS.jsonl --index``, see ``bastion.neardup``) and may import trending topics (``bastion
topics import FILE``). ``load_asset`` reads both at the edge; ``detect`` is pure: it
normalises the post (``bastion.neardup.textnorm``), signs it with the index's MinHash and asks
the index which cluster it joins.

Signals:

* ``content_farm`` (category ``content_farm``): the post is a near-duplicate of a known farm
  cluster; score = estimated Jaccard similarity to its closest indexed member (at least the
  index threshold, 0.5 by default); evidence names the cluster, its size and accounts.
* ``clout_chasing`` (category ``clout_chasing``): the same, and all of: the item's account is
  monetized (``meta.monetized`` is ``true``), the post is on an imported trending topic, and
  the account already posted at least ``MASS_POSTING`` members of that cluster when the index
  was compiled. That is "mass-posting" as one item can decide it: this post is at least the
  account's ``MASS_POSTING + 1``-th copy. Copies posted after the compile are not counted
  until the index is compiled again.

``gate`` is true only for text surfaces when an index is loaded and the text is long enough to
have a signature; with no index the detector never runs.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from bastion.detect.base import DetectContext, Resources
from bastion.model import Item, Signal
from bastion.neardup.index import ClusterIndex
from bastion.neardup.minhash import MIN_CHARS
from bastion.neardup.textnorm import normalise
from bastion.neardup.topics import Topics

CONTENT_FARM: Final = "content_farm"
CLOUT_CHASING: Final = "clout_chasing"
MASS_POSTING: Final = 2
"""Members of one cluster an account must already have for its next copy to be mass-posting."""
SURFACES: Final = frozenset({"post", "comment", "moment", "livestream", "listing"})
DIRECTORY: Final = "near_duplicates"
INDEX_FILE: Final = "clusters.npz"
TOPICS_FILE: Final = "topics.json"


@dataclass(frozen=True, slots=True)
class FarmData:
    """What the edge loads for the detector: the cluster index, the topics, the t2s table."""

    index: ClusterIndex | None
    topics: Topics | None
    t2s: Mapping[int, str]

    def __repr__(self) -> str:
        clusters = len(self.index) if self.index is not None else 0
        topics = len(self.topics.topics) if self.topics is not None else 0
        return f"FarmData({clusters} clusters, {topics} topics)"


class NearDuplicateDetector:
    """Flags copies of known farm posts, and monetized accounts mass-posting them on topics."""

    name: Final = "near_duplicates"
    emits: Final = frozenset({CONTENT_FARM, CLOUT_CHASING})
    __slots__ = ("_data",)

    def __init__(self, resources: Resources) -> None:
        self._data = resources.asset(self.name, FarmData)

    @classmethod
    def load_asset(cls, home: Path) -> FarmData | None:
        """The home's cluster index and topics (either may be missing), or None for neither."""
        folder = home / DIRECTORY
        index_path, topics_path = folder / INDEX_FILE, folder / TOPICS_FILE
        if not index_path.is_file() and not topics_path.is_file():
            return None
        from bastion.neardup.textnorm import t2s_table  # reads OpenCC's files: edge only

        index = ClusterIndex.load(index_path) if index_path.is_file() else None
        topics = Topics.load(topics_path) if topics_path.is_file() else None
        return FarmData(index, topics, t2s_table())

    @property
    def gates(self) -> bool:
        """False without a cluster index: the gate is then never true."""
        return self._data is not None and self._data.index is not None

    def gate(self, item: Item) -> bool:
        data = self._data
        return (
            data is not None
            and data.index is not None
            and item.surface in SURFACES
            and len(item.text) >= MIN_CHARS
        )

    def detect(self, context: DetectContext) -> list[Signal]:
        data = self._data
        item = context.item
        if data is None or data.index is None or item.surface not in SURFACES:
            return []
        index = data.index
        sig = index.signature(normalise(context.original, data.t2s))
        if sig is None:
            return []
        hit = index.query(sig)
        if hit is None:
            return []
        signals = [
            Signal(
                detector=self.name,
                label=CONTENT_FARM,
                score=round(hit.similarity, 4),
                evidence=(
                    f"near-duplicate of farm cluster {hit.cluster_id} "
                    f"(similarity {hit.similarity:.2f}; {hit.size:,} posts by "
                    f"{hit.accounts:,} accounts)"
                ),
                category=CONTENT_FARM,
            )
        ]
        if item.meta.get("monetized") is not True or data.topics is None:
            return signals
        posted = index.posts_by(hit.cluster, item.account_id)
        if posted < MASS_POSTING:
            return signals
        topic = data.topics.find(normalise(context.original, data.t2s, keep_tags=True))
        if topic is None:
            return signals
        signals.append(
            Signal(
                detector=self.name,
                label=CLOUT_CHASING,
                score=round(hit.similarity, 4),
                evidence=(
                    f"monetized account already posted {posted:,} copies in farm cluster "
                    f"{hit.cluster_id}; trending topic {topic[:200]!r}"
                ),
                category=CLOUT_CHASING,
            )
        )
        return signals
