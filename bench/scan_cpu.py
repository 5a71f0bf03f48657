"""CPU microseconds per clean message of ``Scanner.scan``, for before/after comparisons.

The messages are ``bench.throughput.clean_messages`` (the mix's messages labelled benign), each
scanned as a chat item. One warm-up pass, then ``--repeats`` timed passes of process CPU time
(``time.process_time``, which other processes' load shifts less than wall time), pinned to one
core; prints the median and the fastest pass. To compare two commits, run this file with each
commit's sources first on ``PYTHONPATH``, alternating, several times: on a shared machine the
medians of alternating runs are the comparable figure.

``python -m bench.scan_cpu [--home DIR] [--messages N] [--repeats N]``
"""

from __future__ import annotations

import argparse
import gc
import json
import statistics
import time
from pathlib import Path

from bastion.model import Item
from bench import common, throughput


def cpu_us(scanner: object, texts: list[str], repeats: int) -> dict[str, float]:
    """Median and fastest CPU microseconds per message over ``repeats`` passes."""
    items = [Item(id=str(i), text=t, surface="chat") for i, t in enumerate(texts)]
    scan = scanner.scan  # type: ignore[attr-defined]

    def run() -> None:
        for item in items:
            scan(item)

    run()
    passes = []
    for _ in range(repeats):
        gc.collect()
        started = time.process_time()
        run()
        passes.append(time.process_time() - started)
    per = [t / len(items) * 1e6 for t in passes]
    return {"median_us": round(statistics.median(per), 3), "min_us": round(min(per), 3)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="CPU us per clean message of Scanner.scan.")
    parser.add_argument("--data", type=Path, default=None)
    parser.add_argument("--home", type=Path, default=None, help="BASTION_HOME to scan with")
    parser.add_argument("--messages", type=int, default=100_000)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args(argv)
    data = common.data_dir(args.data)
    scanner = common.load_scanner(common.scanner_home(args.home, data))
    texts = throughput.clean_messages(data, args.messages)
    with throughput.one_core():
        figures = cpu_us(scanner, texts, args.repeats)
    print(json.dumps({"messages": len(texts), **figures}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
