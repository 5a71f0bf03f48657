"""Near-duplicate clustering on real text with planted farm clusters: time and B-cubed F1.

Background: every distinct text of the Weibo reposts/comments and posts (weibo-rumor-ced), the
UCI SMS and the YouTube comments (evaluation only: nothing here ships). Planted: farm clusters
of 3-30 posts, each a real background post (the seed, which stays in the set) plus copies
edited lightly by one to three of: punctuation added or changed, emoji added (Unicode and
Weibo ``[xx]`` codes), a hashtag added (``#话题#`` or ``#word``), two neighbouring words or
phrases swapped, and the whole text converted simplified -> traditional (or back) with
OpenCC's phrase converter (not the character table Bastion normalises with). Seeds are drawn
from background texts with at least 20 letters and digits; fixed seed, so runs repeat.

Scored: B-cubed precision/recall/F1 averaged over the planted posts (gold = its planted
cluster, every background post a singleton; so background posts merged into a planted cluster
cost precision), the time to cluster (read the JSONL, normalise, sign, LSH, write clusters,
as ``bastion clusters`` does), and the share of background posts put in any cluster (real
reposts that quote one another are real near-duplicates, reported, not scored).

Peers, same run, same normalisation and shingles, same LSH and components: datasketch 2.0.0
(``MinHash.bulk``) and rensa 0.5.0 (``RMinHash.digest_matrix_from_token_sets``, Rust) compute
the signatures instead of Bastion's numpy MinHash. With ``--peer-size`` below ``--size`` the
peers run on the first posts of the same file (their own planted subset, scored the same way).

``python -m bench.near_duplicates_eval [--size 100000] [--peer-size N] [--no-peers]``
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import os
import random
import resource
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from bastion.neardup.cluster import component_labels
from bastion.neardup.files import cluster_posts, write_clusters
from bastion.neardup.minhash import MIN_CHARS, SHINGLE, MinHashParams
from bastion.neardup.textnorm import normalise, t2s_table
from bench import common

BAR_SECONDS = 300.0
BAR_F1 = 0.90
PEER_BATCH = 50_000
PUNCT = list("，。！？、；：…~!?.,;:—")
EMOJI = [
    "😂",
    "🔥",
    "👍",
    "😭",
    "🙏",
    "❤️",
    "✨",
    "😱",
    "[哈哈]",
    "[doge]",
    "[蜡烛]",
    "[泪]",
    "[赞]",
]
HASHTAGS = ["#热门#", "#今日头条#", "#震惊#", "#转发#", "#热搜#", "#trending", "#viral", "#news"]


def background(data: Path) -> list[str]:
    """Distinct real texts, in a fixed shuffled order."""
    texts: list[str] = []
    with gzip.open(data / "weibo-rumor-ced" / "reposts_comments.jsonl.gz", "rt") as fh:
        texts.extend(json.loads(line)["text"] for line in fh)
    with (data / "weibo-rumor-ced" / "posts.jsonl").open(encoding="utf-8") as fh:
        texts.extend(json.loads(line)["text"] for line in fh)
    texts.extend(text for _label, text in common.sms(data))
    with (data / "youtube-spam-collection" / "youtube_spam.csv").open(newline="") as fh:
        texts.extend(row["CONTENT"] for row in csv.DictReader(fh))
    distinct = list(dict.fromkeys(t for t in texts if t.strip()))
    random.Random(20261206).shuffle(distinct)
    return distinct


def _swap(text: str, rng: random.Random) -> str:
    words = text.split(" ")
    if len(words) >= 3:
        i = rng.randrange(len(words) - 1)
        words[i], words[i + 1] = words[i + 1], words[i]
        return " ".join(words)
    pieces = [p for p in _split_phrases(text) if p]
    if len(pieces) >= 2:
        i = rng.randrange(len(pieces) - 1)
        pieces[i], pieces[i + 1] = pieces[i + 1], pieces[i]
        return "".join(pieces)
    if len(text) >= 8:  # no phrases: swap two neighbouring two-character words
        i = rng.randrange(0, len(text) - 4)
        return text[:i] + text[i + 2 : i + 4] + text[i : i + 2] + text[i + 4 :]
    return text


def _split_phrases(text: str) -> list[str]:
    out, start = [], 0
    for i, ch in enumerate(text):
        if ch in "，。！？、；：,.!?;:":
            out.append(text[start : i + 1])
            start = i + 1
    out.append(text[start:])
    return out


class Editor:
    """Light edits a farm makes between copies."""

    def __init__(self, rng: random.Random) -> None:
        import opencc

        self.rng = rng
        self.s2t = opencc.OpenCC("s2t")
        self.t2s = opencc.OpenCC("t2s")

    def punctuation(self, text: str) -> str:
        chars = list(text)
        for _ in range(self.rng.randint(1, 4)):
            chars.insert(self.rng.randrange(len(chars) + 1), self.rng.choice(PUNCT))
        return "".join(chars)

    def emoji(self, text: str) -> str:
        chars = list(text)
        for _ in range(self.rng.randint(1, 3)):
            chars.insert(self.rng.randrange(len(chars) + 1), self.rng.choice(EMOJI))
        return "".join(chars)

    def hashtag(self, text: str) -> str:
        tag = self.rng.choice(HASHTAGS)
        return f"{tag} {text}" if self.rng.random() < 0.5 else f"{text} {tag}"

    def swap(self, text: str) -> str:
        return _swap(text, self.rng)

    def script(self, text: str) -> str:
        converted = self.s2t.convert(text)
        return converted if converted != text else self.t2s.convert(text)

    def edit(self, text: str) -> tuple[str, list[str]]:
        kinds = self.rng.sample(["punctuation", "emoji", "hashtag", "swap", "script"], 3)
        chosen = kinds[: self.rng.randint(1, 3)]
        for kind in chosen:
            text = getattr(self, kind)(text)
        return text, chosen


def build_posts(
    size: int, data: Path, t2s: dict[int, str] | Any
) -> tuple[list[dict[str, Any]], dict[str, int], dict[str, int]]:
    """``size`` posts (background + planted, shuffled), gold cluster of each planted post,
    and how many planted copies used each edit kind."""
    rng = random.Random(1234)
    texts = background(data)
    n_background = min(len(texts), round(size * 0.55))
    base = texts[:n_background]
    editor = Editor(rng)
    seeds = [i for i, t in enumerate(base) if len(normalise(t, t2s)) >= 20]
    rng.shuffle(seeds)
    posts: list[dict[str, Any]] = [
        {"id": f"b{i}", "text": t, "account_id": f"user{rng.randrange(200_000)}"}
        for i, t in enumerate(base)
    ]
    gold: dict[str, int] = {}
    edits: dict[str, int] = {}
    cluster = 0
    while len(posts) < size and cluster < len(seeds):
        seed = seeds[cluster]
        copies = min(rng.randint(2, 29), size - len(posts))
        gold[f"b{seed}"] = cluster
        farm = [f"farm{cluster}-{k}" for k in range(rng.randint(2, 8))]
        for k in range(copies):
            text, kinds = editor.edit(base[seed])
            for kind in kinds:
                edits[kind] = edits.get(kind, 0) + 1
            item_id = f"p{cluster}-{k}"
            gold[item_id] = cluster
            posts.append(
                {
                    "id": item_id,
                    "text": text,
                    "account_id": rng.choice(farm),
                    "meta": {"monetized": True},
                }
            )
        cluster += 1
    rng.shuffle(posts)
    return posts, gold, edits


def bcubed(gold: dict[str, int], predicted: dict[str, int], ids: Sequence[str]) -> dict[str, float]:
    """B-cubed precision, recall and F1 over the posts in ``gold``; every other post is a gold
    singleton, and a post in no predicted cluster is a predicted singleton."""
    pred_members: dict[int, list[str]] = {}
    for item_id, label in predicted.items():
        pred_members.setdefault(label, []).append(item_id)
    gold_sizes: dict[int, int] = {}
    for label in gold.values():
        gold_sizes[label] = gold_sizes.get(label, 0) + 1
    precision = recall = 0.0
    for item_id, label in gold.items():
        cluster = predicted.get(item_id)
        members = pred_members[cluster] if cluster is not None else [item_id]
        correct = sum(1 for m in members if gold.get(m) == label)
        precision += correct / len(members)
        recall += correct / gold_sizes[label]
    n = len(gold)
    p, r = precision / n, recall / n
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def shingle_sets(normalised: Sequence[str]) -> list[list[str]]:
    return [
        [t[i : i + SHINGLE] for i in range(len(t) - SHINGLE + 1)]
        for t in normalised
        if len(t) >= MIN_CHARS
    ]


def peer_signatures(
    name: str, normalised: Sequence[str], params: MinHashParams
) -> npt.NDArray[np.uint16]:
    """16-bit rows of the peer's MinHash for each usable text (the same b-bit LSH follows)."""
    sets = shingle_sets(normalised)
    if name == "rensa":
        from rensa import RMinHash

        matrix = RMinHash.digest_matrix_from_token_sets(sets, params.num_perm, params.seed)
        full = np.asarray(matrix.to_rows(), dtype=np.uint64)
    else:
        from datasketch import MinHash

        encoded = [[s.encode("utf-8") for s in shingles] for shingles in sets]
        hashes = MinHash.bulk(encoded, num_perm=params.num_perm, seed=params.seed)
        full = np.asarray([h.hashvalues for h in hashes], dtype=np.uint64)
    return (full & np.uint64(0xFFFF)).astype(np.uint16)


def run_peer(
    name: str,
    posts: Sequence[dict[str, Any]],
    gold: dict[str, int],
    params: MinHashParams,
    t2s: Any,
) -> dict[str, Any]:
    start = time.perf_counter()
    cpu = time.process_time()
    normalised = [normalise(p["text"], t2s) for p in posts]
    usable = [i for i, t in enumerate(normalised) if len(t) >= MIN_CHARS]
    sig = np.concatenate(
        [
            peer_signatures(name, normalised[start : start + PEER_BATCH], params)
            for start in range(0, len(normalised), PEER_BATCH)
        ]
    )
    labels = component_labels(sig, params)
    seconds, cpu_seconds = time.perf_counter() - start, time.process_time() - cpu
    predicted = {posts[usable[row]]["id"]: int(label) for row, label in enumerate(labels)}
    sizes = np.bincount(labels)
    predicted = {k: v for k, v in predicted.items() if sizes[v] >= 2}
    scores = bcubed({k: v for k, v in gold.items()}, predicted, [p["id"] for p in posts])
    return {
        "posts": len(posts),
        "seconds": round(seconds, 2),
        "cpu_seconds": round(cpu_seconds, 2),
        **{k: round(v, 4) for k, v in scores.items()},
    }


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--peer-size", type=int, default=None)
    parser.add_argument("--no-peers", action="store_true")
    parser.add_argument("--data", type=Path, default=None)
    parser.add_argument("--name", default="near_duplicates_eval")
    args = parser.parse_args(argv)
    data = common.data_dir(args.data)
    params = MinHashParams()
    t2s = t2s_table()
    started = time.perf_counter()
    posts, gold, edits = build_posts(args.size, data, t2s)
    built = time.perf_counter() - started
    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="neardup-") as tmp:
        in_path, out_path = Path(tmp) / "posts.jsonl", Path(tmp) / "clusters.jsonl"
        common.write_jsonl(in_path, posts)
        start, cpu = time.perf_counter(), time.process_time()
        run = cluster_posts(in_path, params, t2s)
        write_clusters(run, out_path)
        seconds, cpu_seconds = time.perf_counter() - start, time.process_time() - cpu
        predicted: dict[str, int] = {}
        with out_path.open(encoding="utf-8") as fh:
            for number, line in enumerate(fh):
                for member in json.loads(line)["members"]:
                    predicted[member] = number
    load_after = os.getloadavg()
    scores = bcubed(gold, predicted, [p["id"] for p in posts])
    background_ids = [p["id"] for p in posts if p["id"] not in gold]
    clustered_background = sum(1 for i in background_ids if i in predicted)
    result: dict[str, Any] = {
        "posts": len(posts),
        "background_posts": len(background_ids),
        "planted_posts": len(gold),
        "planted_clusters": len(set(gold.values())),
        "edits_applied": edits,
        "params": {
            "num_perm": params.num_perm,
            "bands": params.bands,
            "shingle": SHINGLE,
            "threshold": params.threshold,
            "min_chars": MIN_CHARS,
        },
        "bastion": {
            "seconds": round(seconds, 2),
            "cpu_seconds": round(cpu_seconds, 2),
            "clusters": len(run.clusters),
            **{k: round(v, 4) for k, v in scores.items()},
            "background_clustered_pct": round(
                100 * clustered_background / max(1, len(background_ids)), 2
            ),
            "max_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        },
        "load_average_before_after": [round(load_before[0], 2), round(load_after[0], 2)],
        "cpus": os.cpu_count(),
        "build_seconds": round(built, 1),
        "bars": {"seconds": BAR_SECONDS, "f1": BAR_F1},
    }
    print(json.dumps(result, indent=2))
    if not args.no_peers:
        peer_posts, peer_gold = posts, gold
        if args.peer_size and args.peer_size < len(posts):
            peer_posts = posts[: args.peer_size]
            kept = {p["id"] for p in peer_posts}
            peer_gold = {k: v for k, v in gold.items() if k in kept}
            start = time.perf_counter()
            cpu = time.process_time()
            sub = [normalise(p["text"], t2s) for p in peer_posts]
            from bastion.neardup.minhash import signatures

            sig, usable = signatures(sub, params)
            labels = component_labels(sig, params)
            rows = np.flatnonzero(usable)
            sizes = np.bincount(labels)
            pred = {
                peer_posts[rows[r]]["id"]: int(lab)
                for r, lab in enumerate(labels)
                if sizes[lab] >= 2
            }
            sc = bcubed(peer_gold, pred, [p["id"] for p in peer_posts])
            result["bastion_on_peer_subset"] = {
                "posts": len(peer_posts),
                "seconds": round(time.perf_counter() - start, 2),
                "cpu_seconds": round(time.process_time() - cpu, 2),
                **{k: round(v, 4) for k, v in sc.items()},
            }
        result["peers"] = {}
        for name in ("rensa", "datasketch"):
            result["peers"][name] = run_peer(name, peer_posts, peer_gold, params, t2s)
            print(name, result["peers"][name])
    result["uptime_load"] = [round(x, 2) for x in os.getloadavg()]
    path = common.write_result(args.name, result)
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
