"""CPU microseconds per message of ``Scanner.scan`` and of each of its stages, warm and new.

Three sets: ``clean`` (``bench.throughput.clean_messages``), ``disguised`` (the adversarial
suite's messages under 2,000 characters, as ``bench.throughput`` times them) and ``new``: the
first pass over each set in a fresh process (every text new to the RE2 sets' DFAs), measured
before any warm pass. Warm figures are the best of ``--repeats`` passes of process CPU time,
pinned to one core. Stages (each over all messages, alone, warm):

* ``precheck``: ``has_candidates`` on the raw text;
* ``unmask``: ``unmask(text, weak=True)`` for the texts the pre-check passes;
* ``extract``: ``extract_entities`` + ``reread`` on those;
* ``gates``: the detectors' gates, on the items the scan would ask (nothing found, no pictures);
* ``decide``: ``Scanner._decide`` (canonicalize, detectors, policy) where the scan reaches it;
* ``scan``: the whole ``Scanner.scan``.

Stages timed alone run warmer than inside a scan: their sum falls short of the scan's figure.

``python -m bench.scan_split [--home DIR] [--messages N] [--repeats N] [--out NAME]``
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bastion.extract import extract_entities, has_candidates
from bastion.extract.rereading import reread
from bastion.model import Item
from bastion.normalize import unmask
from bench import adversarial, common, throughput


def _cpu(run: Callable[[], object]) -> float:
    gc.collect()
    started = time.process_time()
    run()
    return time.process_time() - started


def _best_us(run: Callable[[], object], count: int, repeats: int) -> float:
    run()
    return round(min(_cpu(run) for _ in range(repeats)) / max(1, count) * 1e6, 3)


def stages(scanner: Any, texts: list[str], repeats: int) -> dict[str, float]:
    """Warm CPU us per message (of all ``texts``) of each stage of the scan."""
    n = len(texts)
    items = [Item(id=str(i), text=t, surface="chat") for i, t in enumerate(texts)]
    passed = [t for t in texts if has_candidates(t)]
    unmasked = [unmask(t, weak=True) for t in passed]
    found = [
        reread(t, extract_entities(u, prose_like=True))
        for t, u in zip(passed, unmasked, strict=True)
    ]
    reached = {t for t, u, e in zip(passed, unmasked, found, strict=True) if e or u.text != t}
    gated = [item for item in items if item.text not in reached]
    gates = scanner._gates
    decided = [
        (item, u.text, e)
        for item, u, e in zip(
            (Item(id="d", text=t, surface="chat") for t in passed), unmasked, found, strict=True
        )
        if item.text in reached
    ]

    def run_gates() -> None:
        for item in gated:
            for _, gate in gates:
                gate(item)

    runs: dict[str, Callable[[], object]] = {
        "precheck": lambda: [has_candidates(t) for t in texts],
        "unmask": lambda: [unmask(t, weak=True) for t in passed],
        "extract": lambda: [
            reread(t, extract_entities(u, prose_like=True))
            for t, u in zip(passed, unmasked, strict=True)
        ],
        "gates": run_gates,
        "decide": lambda: [scanner._decide(i, f, list(e), False) for i, f, e in decided],
        "scan": lambda: [scanner.scan(item) for item in items],
    }
    out = {name: _best_us(run, n, repeats) for name, run in runs.items()}
    out["passed_precheck_pct"] = round(100 * len(passed) / max(1, n), 2)
    out["reached_decide_pct"] = round(100 * len(decided) / max(1, n), 2)
    return out


def new_us(scanner: Any, texts: list[str]) -> float:
    """CPU us per message of the first scan of each text in this process."""
    items = [Item(id=str(i), text=t, surface="chat") for i, t in enumerate(texts)]
    scan = scanner.scan
    return round(_cpu(lambda: [scan(item) for item in items]) / max(1, len(items)) * 1e6, 3)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=None)
    parser.add_argument("--home", type=Path, default=None)
    parser.add_argument("--messages", type=int, default=30_000)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--only", choices=("clean", "disguised"), default=None)
    args = parser.parse_args(argv)
    data = common.data_dir(args.data)
    scanner = common.load_scanner(common.scanner_home(args.home, data))
    sets = {
        "clean": throughput.clean_messages(data, args.messages),
        "disguised": [c.text for c in adversarial.build_suite(data) if len(c.text) < 2_000],
    }
    if args.only:
        sets = {args.only: sets[args.only]}
    out: dict[str, Any] = {"loadavg_before": os.getloadavg()}
    with throughput.one_core():
        for name, texts in sets.items():  # new first: nothing warmed the DFAs for these yet
            out[f"{name}_new_us"] = new_us(scanner, texts)
        for name, texts in sets.items():
            out[name] = {"messages": len(texts), **stages(scanner, texts, args.repeats)}
    out["loadavg_after"] = os.getloadavg()
    print(json.dumps(out, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
