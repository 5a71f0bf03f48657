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
cost precision), and the share of background posts put in any cluster (real reposts that quote
one another are real near-duplicates: reported, not scored).

1. The bar: ``bastion clusters --in posts.jsonl --out clusters.jsonl`` run as a child process
   (read the JSON Lines, normalise, sign, LSH, write): wall seconds, CPU seconds, peak memory
   and the load average, then B-cubed of the file it wrote.
2. Same footing, same run: the posts normalised once in memory, then signed in batches of
   50,000 by Bastion's numpy MinHash, by rensa 0.5.0 (``RMinHash.digest_matrix_from_token_sets``,
   Rust) and by datasketch 2.0.0 (``MinHash.bulk``), each followed by the same b-bit LSH and
   components: CPU seconds of the signing and of signing + LSH, and B-cubed.

``python -m bench.near_duplicates_eval [--size 100000] [--peer-size N] [--no-peers]``: the
default size is a quick run (``bench/results/near_duplicates_eval_quick.json``); ``--size
1000000`` is the bar's run (``bench/results/near_duplicates_eval.json``).
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from bastion.neardup.cluster import component_labels
from bastion.neardup.minhash import MIN_CHARS, SHINGLE, MinHashParams, signatures
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


def bcubed(gold: dict[str, int], predicted: dict[str, int]) -> dict[str, float]:
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


def library_signatures(
    name: str, normalised: Sequence[str], params: MinHashParams
) -> npt.NDArray[np.uint16]:
    """16-bit rows of one library's MinHash for each usable text (the same b-bit LSH follows).

    Each library gets the input it needs: Bastion the normalised strings, the peers the lists
    of their character 3-grams (bytes for datasketch); building that input is part of its time.
    """
    if name == "bastion":
        return signatures(normalised, params)[0]
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


def run_library(
    name: str,
    posts: Sequence[dict[str, Any]],
    normalised: Sequence[str],
    gold: dict[str, int],
    params: MinHashParams,
) -> dict[str, Any]:
    """Sign (in batches) and cluster already-normalised posts with one library's MinHash."""
    usable = [i for i, t in enumerate(normalised) if len(t) >= MIN_CHARS]
    cpu, wall = time.process_time(), time.perf_counter()
    sig = np.concatenate(
        [
            library_signatures(name, normalised[at : at + PEER_BATCH], params)
            for at in range(0, len(normalised), PEER_BATCH)
        ]
    )
    sign_cpu, sign_wall = time.process_time() - cpu, time.perf_counter() - wall
    labels = component_labels(sig, params)
    total_cpu = time.process_time() - cpu
    sizes = np.bincount(labels)
    predicted = {
        posts[usable[row]]["id"]: int(label)
        for row, label in enumerate(labels.tolist())
        if sizes[label] >= 2
    }
    scores = bcubed(gold, predicted)
    return {
        "posts": len(posts),
        "sign_cpu_seconds": round(sign_cpu, 2),
        "sign_seconds": round(sign_wall, 2),
        "sign_and_lsh_cpu_seconds": round(total_cpu, 2),
        **{k: round(v, 4) for k, v in scores.items()},
    }


def run_cli(posts: Sequence[dict[str, Any]], gold: dict[str, int]) -> dict[str, Any]:
    """``bastion clusters --in posts.jsonl --out clusters.jsonl`` in a child process: wall and
    CPU seconds, peak memory, and the B-cubed scores of what it wrote."""
    with tempfile.TemporaryDirectory(prefix="neardup-") as tmp:
        in_path, out_path = Path(tmp) / "posts.jsonl", Path(tmp) / "clusters.jsonl"
        common.write_jsonl(in_path, posts)
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        load = os.getloadavg()[0]
        start = time.perf_counter()
        command = [sys.executable, "-c", "from bastion.cli import main; main()", "clusters"]
        subprocess.run(
            [*command, "--in", str(in_path), "--out", str(out_path)],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        seconds = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        predicted: dict[str, int] = {}
        clusters = 0
        with out_path.open(encoding="utf-8") as fh:
            for number, line in enumerate(fh):
                clusters += 1
                for member in json.loads(line)["members"]:
                    predicted[member] = number
    background_ids = [p["id"] for p in posts if p["id"] not in gold]
    clustered = sum(1 for i in background_ids if i in predicted)
    return {
        "command": "bastion clusters --in posts.jsonl --out clusters.jsonl",
        "seconds": round(seconds, 2),
        "cpu_seconds": round(
            after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime, 2
        ),
        "max_rss_mib": round(after.ru_maxrss / 1024, 1),
        "load_average_at_start_end": [round(load, 2), round(os.getloadavg()[0], 2)],
        "clusters": clusters,
        **{k: round(v, 4) for k, v in bcubed(gold, predicted).items()},
        "background_clustered_pct": round(100 * clustered / max(1, len(background_ids)), 2),
    }


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--peer-size", type=int, default=None, help="default: --size")
    parser.add_argument("--no-peers", action="store_true")
    parser.add_argument("--data", type=Path, default=None)
    args = parser.parse_args(argv)
    data = common.data_dir(args.data)
    params = MinHashParams()
    t2s = t2s_table()
    started = time.perf_counter()
    posts, gold, edits = build_posts(args.size, data, t2s)
    result: dict[str, Any] = {
        "posts": len(posts),
        "background_posts": len(posts) - len(gold),
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
        "build_seconds": round(time.perf_counter() - started, 1),
        "cpus": os.cpu_count(),
        "bars": {"seconds": BAR_SECONDS, "f1": BAR_F1},
    }
    result["bastion_cli"] = run_cli(posts, gold)
    print(json.dumps(result, indent=2, ensure_ascii=False), flush=True)
    size = min(args.peer_size or len(posts), len(posts))
    subset = posts[:size]
    kept = {p["id"] for p in subset}
    subset_gold = {k: v for k, v in gold.items() if k in kept}
    cpu = time.process_time()
    normalised = [normalise(p["text"], t2s) for p in subset]
    result["same_footing"] = {
        "what": "normalised texts in memory -> signatures (batches of 50,000) -> the same "
        "b-bit LSH and components; CPU seconds of this process",
        "normalise_cpu_seconds": round(time.process_time() - cpu, 2),
    }
    names = ["bastion"] if args.no_peers else ["bastion", "rensa", "datasketch"]
    for name in names:
        result["same_footing"][name] = run_library(name, subset, normalised, subset_gold, params)
        print(name, result["same_footing"][name], flush=True)
    result["uptime_load"] = [round(x, 2) for x in os.getloadavg()]
    path = common.write_result(
        f"near_duplicates_eval{'' if size >= 1_000_000 else '_quick'}", result
    )
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
