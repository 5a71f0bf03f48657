"""Where ``Scanner.scan`` spends its time on disguised messages: microseconds per stage and pass.

The messages are the adversarial suite's (``bench.adversarial.build_suite``, the same mix as the
"throughput disguised" figure of ``bench.adversarial_eval``). Each stage runs alone over all of
them (pre-check, unmask, extract, decide, and the whole scan), best of ``--repeats`` passes of
CPU time, so a busy machine shifts the figures less than wall time would; then every unmasking
pass of ``bastion.normalize.unmask.PASSES`` is timed inside real scans, with how often it ran and
how often it changed the text. Stages timed alone run warmer than inside a scan: their sum falls
short of the scan's figure.

``python -m bench.scan_stages [--home DIR] [--repeats N]``
"""

from __future__ import annotations

import argparse
import dataclasses
import gc
import importlib
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bastion.extract import extract_entities, has_candidates
from bastion.model import Item
from bastion.normalize import unmask
from bastion.normalize.result import Work
from bench import adversarial, common


def cpu_us_per_message(run: Callable[[], object], count: int, repeats: int) -> float:
    """CPU microseconds per message of the fastest of ``repeats`` passes (after a warm-up)."""
    run()
    best = float("inf")
    for _ in range(repeats):
        gc.collect()
        started = time.process_time()
        run()
        best = min(best, time.process_time() - started)
    return round(best / count * 1e6, 2)


def stage_times(scanner: Any, texts: list[str], repeats: int) -> dict[str, float]:
    items = [Item(id=str(i), text=t, surface="chat") for i, t in enumerate(texts)]
    unmasked = [unmask(t, weak=True) for t in texts]
    found = [extract_entities(u, prose_like=True) for u in unmasked]
    stages: dict[str, Callable[[], object]] = {
        "precheck": lambda: [has_candidates(t) for t in texts],
        "unmask": lambda: [unmask(t, weak=True) for t in texts],
        "extract": lambda: [extract_entities(u, prose_like=True) for u in unmasked],
        "decide": lambda: [
            scanner._decide(item, u.text, list(entities), False)
            for item, u, entities in zip(items, unmasked, found, strict=True)
        ],
        "scan": lambda: [scanner.scan(item) for item in items],
    }
    return {name: cpu_us_per_message(run, len(texts), repeats) for name, run in stages.items()}


def pass_times(scanner: Any, texts: list[str]) -> dict[str, dict[str, float]]:
    """Per pass: calls, calls that changed the text, CPU us per message (inside real scans)."""
    module = importlib.import_module("bastion.normalize.unmask")
    stats = {p.name: [0, 0, 0.0] for p in module.PASSES}

    def timed(name: str, run: Callable[[Work], None]) -> Callable[[Work], None]:
        def wrapper(work: Work) -> None:
            before = len(work.tricks)
            started = time.process_time()
            run(work)
            row = stats[name]
            row[2] += time.process_time() - started
            row[0] += 1
            row[1] += len(work.tricks) > before

        return wrapper

    originals = module.PASSES
    wrapped = tuple(dataclasses.replace(p, run=timed(p.name, p.run)) for p in originals)
    steps = {name: getattr(module, name) for name in ("_ASCII_STEPS", "_WIDE_STEPS")}
    try:
        setattr(module, "PASSES", wrapped)  # noqa: B010 (mypy: no such attribute on a module)
        setattr(module, "_ASCII_STEPS", module._steps(module._ASCII_PASSES))  # noqa: B010
        setattr(module, "_WIDE_STEPS", module._steps(module._WIDE_PASSES))  # noqa: B010
        for text in texts:
            scanner.scan(Item(id="p", text=text, surface="chat"))
    finally:
        setattr(module, "PASSES", originals)  # noqa: B010
        for name, value in steps.items():
            setattr(module, name, value)
    return {
        name: {"calls": calls, "changed": changed, "us_per_msg": round(t / len(texts) * 1e6, 2)}
        for name, (calls, changed, t) in stats.items()
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Scan time per stage and per unmasking pass.")
    parser.add_argument("--data", type=Path, default=None)
    parser.add_argument("--home", type=Path, default=None, help="BASTION_HOME to scan with")
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args(argv)
    data = common.data_dir(args.data)
    scanner = common.load_scanner(common.scanner_home(args.home, data))
    texts = [c.text for c in adversarial.build_suite(data) if len(c.text) < 2_000]
    stages = stage_times(scanner, texts, args.repeats)
    passes = pass_times(scanner, texts)
    title = f"CPU us per disguised message, {len(texts):,} messages, each stage alone"
    common.print_table(title, ["stage", "us/msg"], [[k, f"{v:.2f}"] for k, v in stages.items()])
    rows = [
        [name, f"{row['calls']:,}", f"{row['changed']:,}", f"{row['us_per_msg']:.2f}"]
        for name, row in sorted(passes.items(), key=lambda kv: -kv[1]["us_per_msg"])
    ]
    common.print_table("Unmasking passes inside scans", ["pass", "ran", "changed", "us/msg"], rows)
    path = common.write_result("scan_stages", {"stages_us": stages, "passes": passes})
    print(f"-> {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
