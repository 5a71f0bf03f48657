"""Single-core throughput of ``Scanner.scan`` on realistic short messages, against two peers.

The mix is fixed and seeded: every SMS (ham and spam), telecom text and YouTube comment, topped
up with Weibo comments to ``--messages`` (default 100k), shuffled. Most real traffic carries no
link, and this mix reflects that, so the figure is what a platform would see, not a best case.
Bastion does far more than the peers (unmasking, handles, feed lookups, policy), yet must be
faster: bars >= 100,000 msg/s, >= 10x linkify-it-py, >= 40x urlextract. Method: the process is
pinned to one CPU, one warm-up pass, then the best of ``--repeats`` timed passes
(``time.perf_counter``); urlextract runs on a subsample (it is slow) and is scaled per message.

``python -m bench.throughput [--home DIR] [--messages N]``
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from bastion.model import Item
from bench import common

SEED = 7
BAR_MSG_PER_S = 100_000
BAR_VS_LINKIFY = 10.0
BAR_VS_URLEXTRACT = 40.0


def message_mix(data: Path, total: int) -> list[str]:
    """The fixed seeded mix: every labelled message, Weibo comments up to ``total``, shuffled
    (a seeded sample when ``total`` is below the labelled sets' size)."""
    texts = [t for _, t in common.sms(data)]
    texts += [t for _, t in common.telecom(data)]
    texts += [t for _, t in common.youtube(data)]
    texts += common.weibo_comments(data, max(0, total - len(texts)))
    texts = [t for t in texts if t]
    rng = random.Random(SEED)
    if len(texts) > total:
        return rng.sample(texts, total)
    rng.shuffle(texts)
    return texts


@contextmanager
def one_core() -> Iterator[int | None]:
    """Pin to a single CPU so the figure is per core (restored after); None if unsupported."""
    if not hasattr(os, "sched_setaffinity"):
        yield None
        return
    before = os.sched_getaffinity(0)
    cpu = min(before)
    os.sched_setaffinity(0, {cpu})
    try:
        yield cpu
    finally:
        os.sched_setaffinity(0, before)


def best_rate(run: Callable[[], None], count: int, repeats: int) -> tuple[float, list[float]]:
    """Messages per second of the fastest of ``repeats`` passes (after one warm-up pass)."""
    run()
    timings: list[float] = []
    for _ in range(repeats):
        gc.collect()
        started = time.perf_counter()
        run()
        timings.append(time.perf_counter() - started)
    return count / min(timings), [round(t, 4) for t in timings]


def latency_percentiles(scan: Callable[[Item], Any], items: list[Item]) -> dict[str, float]:
    """Per-message latency in microseconds (timer overhead included, so slightly pessimistic)."""
    samples: list[float] = []
    clock = time.perf_counter
    for item in items:
        started = clock()
        scan(item)
        samples.append(clock() - started)
    samples.sort()

    def at(q: float) -> float:
        return round(samples[min(len(samples) - 1, int(q * len(samples)))] * 1e6, 2)

    return {"p50_us": at(0.5), "p90_us": at(0.9), "p99_us": at(0.99), "max_us": at(1.0)}


def measure(scanner: Any, texts: list[str], repeats: int, urlextract_sample: int) -> dict[str, Any]:
    from linkify_it import LinkifyIt  # type: ignore[import-untyped]
    from urlextract import URLExtract  # type: ignore[import-untyped]

    items = [Item(id=str(i), text=t, surface="comment") for i, t in enumerate(texts)]
    scan = scanner.scan

    def run_bastion() -> None:
        for item in items:
            scan(item)

    linkify = LinkifyIt()
    extractor = URLExtract()
    sample = texts[:urlextract_sample]

    def run_linkify() -> None:
        match = linkify.match
        for text in texts:
            match(text)

    def run_urlextract() -> None:
        find = extractor.find_urls
        for text in sample:
            find(text)

    bastion, bastion_t = best_rate(run_bastion, len(items), repeats)
    linkify_rate, linkify_t = best_rate(run_linkify, len(texts), repeats)
    urlextract_rate, urlextract_t = best_rate(run_urlextract, len(sample), repeats)
    flagged = sum(scan(item).verdict != "allow" for item in items)
    return {
        "messages": len(items),
        "mean_chars": round(sum(map(len, texts)) / len(texts), 1),
        "flagged_pct": common.pct(flagged, len(items)),
        "bastion_msg_per_s": round(bastion),
        "linkify_msg_per_s": round(linkify_rate),
        "urlextract_msg_per_s": round(urlextract_rate),
        "urlextract_sample": len(sample),
        "vs_linkify": round(bastion / linkify_rate, 2),
        "vs_urlextract": round(bastion / urlextract_rate, 2),
        "timings_s": {"bastion": bastion_t, "linkify": linkify_t, "urlextract": urlextract_t},
        "bastion_latency": latency_percentiles(scan, items[:20_000]),
    }


def report(r: dict[str, Any]) -> None:
    rows = [
        ["bastion", f"{r['bastion_msg_per_s']:,}", "1.00", f">= {BAR_MSG_PER_S:,} msg/s"],
        ["linkify-it-py", f"{r['linkify_msg_per_s']:,}", f"{r['vs_linkify']:.2f}x",
         f">= {BAR_VS_LINKIFY:.0f}x"],
        ["urlextract", f"{r['urlextract_msg_per_s']:,}", f"{r['vs_urlextract']:.2f}x",
         f">= {BAR_VS_URLEXTRACT:.0f}x"],
    ]  # fmt: skip
    title = f"Throughput, one core, {r['messages']:,} messages (mean {r['mean_chars']} chars)"
    common.print_table(title, ["engine", "msg/s", "bastion speed-up", "bar"], rows)
    print(f"bastion latency: {r['bastion_latency']}; flagged {r['flagged_pct']} % of the mix")
    for name, ok in r["bars"].items():
        print(f"bar {name}: {'PASS' if ok else 'FAIL'}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Single-core scan throughput vs peers.")
    parser.add_argument("--data", type=Path, default=None)
    parser.add_argument("--home", type=Path, default=None, help="BASTION_HOME to scan with")
    parser.add_argument("--messages", type=int, default=100_000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--urlextract-sample", type=int, default=10_000)
    parser.add_argument("--strict", action="store_true", help="exit 1 when a bar is missed")
    args = parser.parse_args(argv)
    data = common.data_dir(args.data)
    scanner = common.load_scanner(common.scanner_home(args.home, data))
    texts = message_mix(data, args.messages)
    with one_core() as cpu:
        result = measure(scanner, texts, args.repeats, args.urlextract_sample)
    result["cpu"] = cpu
    result["bars"] = {
        "msg_per_s": result["bastion_msg_per_s"] >= BAR_MSG_PER_S,
        "vs_linkify": result["vs_linkify"] >= BAR_VS_LINKIFY,
        "vs_urlextract": result["vs_urlextract"] >= BAR_VS_URLEXTRACT,
    }
    result["bar_met"] = all(result["bars"].values())
    report(result)
    print(f"-> {common.write_result('throughput', result)}")
    return 1 if args.strict and not result["bar_met"] else 0


if __name__ == "__main__":
    raise SystemExit(main())
