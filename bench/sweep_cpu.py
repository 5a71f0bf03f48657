"""Where a sweep's CPU goes, per item, in one fresh process: reading and parsing the input, the
scan on first sight of each text and again, the pre-check alone, bios against other surfaces,
and the sweep's own work around the scan (finding rows, Arrow, Parquet, commit markers).

``bench.throughput`` times the best of several passes over the same messages after a warm-up
pass, so RE2 has built every DFA state those texts need; a sweep reads most texts once. Here the
first pass over the items is timed apart from the second. CPU time (``time.process_time``), so
the figures hold on a shared machine better than wall clock (neighbours still evict caches).

``python -m bench.sweep_cpu [--items N] [--home DIR] [--work DIR]`` (the items of
``bench.sweep``: generated, or reused from ``--work``; ``bench/results/sweep_cpu.json``).
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from bastion.extract.precheck import has_candidates
from bastion.image_inputs import with_images
from bastion.model import Item
from bastion.scanner import Scanner
from bastion.sweep.local import commit_chunk
from bastion.sweep.plan import Chunk
from bastion.sweep.records import Batch, item_from_line
from bench import common
from bench.sweep_items import items_file


def per_item(run: Callable[[], object], count: int) -> float:
    """CPU microseconds per item of one call of ``run``."""
    started = time.process_time()
    run()
    return round((time.process_time() - started) / count * 1e6, 1)


def precheck_all(texts: list[str]) -> None:
    for text in texts:
        has_candidates(text)


def scan_all(scanner: Scanner, items: list[Item]) -> None:
    for item in items:
        scanner.scan(item)


def measure(lines: list[str], source: Path, home: Path, out: Path) -> dict[str, Any]:
    count = len(lines)
    base = source.parent
    items: list[Item] = []

    def parse() -> None:
        items.extend(with_images(item_from_line(line), base) for line in lines)

    figures: dict[str, Any] = {"items": count, "read_parse_us": per_item(parse, count)}
    texts = [item.text for item in items]
    ascii_texts = [t for t in texts if t.isascii()]
    wide_texts = [t for t in texts if not t.isascii()]
    figures["distinct_texts"] = len(set(texts))
    figures["non_ascii_share"] = round(len(wide_texts) / count, 3)
    # The pre-check alone first: its RE2 sets then are as cold as a new worker's.
    for rnd in ("first", "again"):
        for name, group in (("ascii", ascii_texts), ("non_ascii", wide_texts)):
            figures[f"precheck_{name}_{rnd}_us"] = per_item(
                partial(precheck_all, group), max(1, len(group))
            )
    started = time.process_time()
    scanner = Scanner.load(home)
    figures["scanner_load_cpu_s"] = round(time.process_time() - started, 2)
    # The scan, its pre-check already warm: the rest of its RE2 sets and detectors, first sight.
    figures["scan_first_us"] = per_item(partial(scan_all, scanner, items), count)
    figures["scan_again_us"] = per_item(partial(scan_all, scanner, items), count)
    by_surface: dict[str, list[Item]] = {}
    for item in items:
        by_surface.setdefault("bio" if item.surface == "bio" else "other", []).append(item)
    for name, kind in sorted(by_surface.items()):
        figures[f"scan_again_{name}_us"] = per_item(partial(scan_all, scanner, kind), len(kind))
    batch = Batch()

    def rows() -> None:
        for line in lines:
            batch.scan_line(scanner, line, str(source), base)

    # The sweep's record path on the warm scanner, less the warm scan and the parse above.
    path_us = per_item(rows, count)
    figures["sweep_records_us"] = round(
        path_us - figures["scan_again_us"] - figures["read_parse_us"], 1
    )
    figures["findings"] = len(batch)
    chunk_id = Chunk(0, 0, 0, 0, count).id
    figures["commit_us"] = per_item(lambda: commit_chunk(out, chunk_id, batch), count)
    return figures


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=50_000)
    parser.add_argument("--dirty", type=float, default=0.05)
    parser.add_argument("--pool", type=int, default=50_000, help="distinct real messages")
    parser.add_argument("--home", type=Path)
    parser.add_argument("--data", type=Path)
    parser.add_argument("--work", type=Path, help="keep (and reuse) the items here")
    args = parser.parse_args(argv)
    data = common.data_dir(args.data)
    home = common.scanner_home(args.home, data)
    work = args.work or Path(tempfile.mkdtemp(prefix="bastion-sweep-cpu-"))
    work.mkdir(parents=True, exist_ok=True)
    items = work / "items.jsonl"
    items_file(items, data, args.items, args.dirty, args.pool)
    with items.open(encoding="utf-8") as stream:
        lines = [line.rstrip("\n") for _, line in zip(range(args.items), stream, strict=False)]
    figures = {"load_before": os.getloadavg()[0]}
    with tempfile.TemporaryDirectory(prefix="bastion-sweep-cpu-out-") as out:
        figures.update(measure(lines, items, home, Path(out)))
    figures["load_after"] = os.getloadavg()[0]
    print(json.dumps(figures, indent=1))
    print(f"results: {common.write_result('sweep_cpu', figures)}")


if __name__ == "__main__":
    main()
