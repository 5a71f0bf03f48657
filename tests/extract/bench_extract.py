"""Micro-benchmark of the extract stage on real messages: ``python tests/extract/bench_extract.py``.

Prints microseconds per message for ``has_candidates`` and ``find_entities`` (pre-check,
unmask, extract) and the share of messages the pre-check lets through, per corpus.
"""

from __future__ import annotations

import csv
import gzip
import itertools
import json
import random
import time
from collections.abc import Callable
from pathlib import Path

from bastion.extract import find_entities, has_candidates
from bastion.extract.precheck import warm
from bastion.normalize import unmask
from bastion.normalize import warm as warm_normalize

DATA = Path("/work/shared/data")


def _sms(label: str) -> list[str]:
    with (DATA / "sms-spam-collection" / "sms_spam.tsv").open(encoding="utf-8", newline="") as f:
        return [row[1] for row in csv.reader(f, delimiter="\t") if row[0] == label]


def _weibo_posts() -> list[str]:
    with (DATA / "weibo-rumor-ced" / "posts.jsonl").open(encoding="utf-8") as f:
        return [json.loads(line)["text"] for line in f]


def _weibo_comments(limit: int = 100_000) -> list[str]:
    with gzip.open(DATA / "weibo-rumor-ced" / "reposts_comments.jsonl.gz", "rt") as f:
        return [json.loads(line)["text"] for line in itertools.islice(f, limit)]


def _dirty(count: int = 2000) -> list[str]:
    """Disguised links and handles spliced into real Chinese and English messages."""
    rng = random.Random(7)
    tricks = [
        "官网 bet{n}。com 注册送彩金",
        "加微信：vip{n}kefu 领红包",
        "ｗｗｗ．ｂｅｔ{n}．ｃｏｍ",
        "hxxp://{n}-pay[.]top/login",
        "b e t {s} . c o m",
        "飞机 @casino_{n}",
        "QQ群：{n}{n}",
        "call 138{n}5678 now",
        "visit bet{n} dot com today",
        "ＶＸ：ａｂｃ{n}",
    ]
    base = _sms("ham")[:500] + _weibo_posts()[:500]
    return [
        rng.choice(base)[:60] + " " + rng.choice(tricks).format(n=n, s=" ".join(str(n)))
        for n in (rng.randint(1000, 9999) for _ in range(count))
    ]


def _time(func: Callable[[str], object], texts: list[str], rounds: int = 3) -> float:
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        for text in texts:
            func(text)
        best = min(best, time.perf_counter() - start)
    return best / len(texts) * 1e6


def main() -> None:
    warm()
    warm_normalize()
    corpora = {
        "sms ham (en)": _sms("ham"),
        "sms spam (en)": _sms("spam"),
        "weibo posts (zh)": _weibo_posts(),
        "weibo comments (zh)": _weibo_comments(),
        "dirty (spliced)": _dirty(),
    }
    print(f"{'corpus':22} {'n':>7} {'len':>5} {'pass':>6} {'pre µs':>7} {'find µs':>8} {'ents':>6}")
    for name, texts in corpora.items():
        passed = sum(map(has_candidates, texts)) / len(texts)
        found = sum(len(find_entities(t)) for t in texts)
        mean_len = sum(map(len, texts)) / len(texts)
        print(
            f"{name:22} {len(texts):7d} {mean_len:5.0f} {passed:6.1%} "
            f"{_time(has_candidates, texts):7.2f} {_time(find_entities, texts):8.2f} {found:6d}"
        )
    ham = _sms("ham")
    print(f"unmask alone on ham: {_time(unmask, ham):.2f} µs")


if __name__ == "__main__":
    main()
