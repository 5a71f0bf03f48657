"""The gates on RE2 sets against Hyperscan, each in fresh processes, alternated, in CPU time.

``bastion.normalize.hs_sets`` builds the gates on Hyperscan when ``BASTION_GATES=hyperscan``. Each
round runs two child processes per engine, RE2 first then Hyperscan (so machine load falls on
both alike):

* ``gates``: per gate (the pre-check on the clean messages of ``bench.throughput``, ASCII and
  other; the unmasker's gates on the disguised messages of ``bench.adversarial``), CPU us per
  message over the first pass (``new``: every text new to the process) and the best of three
  warm passes;
* ``scan``: ``Scanner.scan`` on ``--messages`` clean messages and a quarter as many disguised
  ones, new (the first pass in the process) then the best of ``--repeats`` warm passes;
  ``--split`` runs ``bench.scan_split`` instead (every stage, the whole disguised suite).

The figures per engine are the medians over ``--rounds``. Hyperscan databases come from the
disk cache (``hs_sets``); a first run compiles them (minutes of CPU), so run once before timing.

``python -m bench.gate_engines [--rounds N] [--messages N] [--repeats N] [--home DIR]``
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from bench import common

ENGINES = ("re2", "hyperscan")


def _cpu_us(match: Callable[[Any], object], texts: Sequence[Any]) -> float:
    started = time.process_time()
    for text in texts:
        match(text)
    return round((time.process_time() - started) / max(1, len(texts)) * 1e6, 2)


def gate_costs(data: Path, messages: int) -> dict[str, Any]:
    """New and warm CPU us per message of each gate, in this process (call it fresh)."""
    from bastion.extract import has_candidates, precheck
    from bastion.normalize import hs_sets
    from bench import adversarial, throughput

    unmask = importlib.import_module("bastion.normalize.unmask")
    clean = throughput.clean_messages(data, messages)
    disguised = [c.text for c in adversarial.build_suite(data) if len(c.text) < 2_000]
    precheck.warm()
    compiled = unmask._compiled()
    runs: list[tuple[str, Callable[[str], object], list[str]]] = [
        ("precheck ascii", has_candidates, [t for t in clean if t.isascii()]),
        ("precheck other", has_candidates, [t for t in clean if not t.isascii()]),
        ("unmask gate ascii", unmask._ASCII_GATE.read, [t for t in disguised if t.isascii()]),
        ("unmask gate other", compiled.gate.read, [t for t in disguised if not t.isascii()]),
    ]
    out: dict[str, Any] = {"engine": hs_sets.engine()}
    for name, run, texts in runs:
        new = _cpu_us(run, texts)
        warm = min(_cpu_us(run, texts) for _ in range(3))
        out[name] = {"messages": len(texts), "new_us": new, "warm_us": warm}
    return out


def scan_costs(data: Path, home: Path, messages: int, repeats: int) -> dict[str, Any]:
    """New and warm CPU us per ``Scanner.scan`` of clean and disguised messages."""
    from bastion.model import Item
    from bastion.normalize import hs_sets
    from bench import adversarial, throughput

    scanner = common.load_scanner(home)
    importlib.import_module("bastion.extract.precheck").warm()  # built, not timed
    importlib.import_module("bastion.normalize.unmask")._compiled()
    clean = throughput.clean_messages(data, messages)
    disguised = [c.text for c in adversarial.build_suite(data) if len(c.text) < 2_000]
    disguised = disguised[:: max(1, len(disguised) * 4 // max(1, messages))]
    out: dict[str, Any] = {"engine": hs_sets.engine()}
    for name, texts in (("clean", clean), ("disguised", disguised)):
        items = [Item(id=str(i), text=t, surface="chat") for i, t in enumerate(texts)]
        new = _cpu_us(scanner.scan, items)
        warm = min(_cpu_us(scanner.scan, items) for _ in range(repeats))
        out[f"{name}_new_us"] = new
        out[name] = {"messages": len(items), "scan": warm}
    return out


def _child(engine: str, args: list[str]) -> dict[str, Any]:
    env = {**os.environ, "BASTION_GATES": engine}
    run = subprocess.run(
        [sys.executable, *args], env=env, capture_output=True, text=True, check=True
    )
    start = run.stdout.index("{")
    return dict(json.loads(run.stdout[start:]))


def _median(values: list[Any]) -> Any:
    if isinstance(values[0], dict):
        return {k: _median([v[k] for v in values]) for k in values[0] if k != "engine"}
    if isinstance(values[0], (int, float)) and not isinstance(values[0], bool):
        return round(statistics.median(values), 3)
    return values[0]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=None)
    parser.add_argument("--home", type=Path, default=None)
    parser.add_argument("--messages", type=int, default=30_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--repeats", type=int, default=3, help="warm passes in bench.scan_split")
    parser.add_argument("--out", default="gate_engines")
    parser.add_argument("--split", action="store_true", help="bench.scan_split for the scans")
    parser.add_argument("--child-gates", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--child-scan", type=Path, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    data = common.data_dir(args.data)
    if args.child_gates:
        print(json.dumps(gate_costs(data, args.messages)))
        return 0
    if args.child_scan is not None:
        print(json.dumps(scan_costs(data, args.child_scan, args.messages, args.repeats)))
        return 0
    home = common.scanner_home(args.home, data)
    common_args = ["--data", str(data), "--messages", str(args.messages)]
    split_args = ["-m", "bench.scan_split", "--home", str(home), "--repeats", str(args.repeats)]
    runs: dict[str, dict[str, list[Any]]] = {e: {"gates": [], "scan": []} for e in ENGINES}
    for _ in range(args.rounds):
        for engine in ENGINES:
            gates = _child(engine, ["-m", "bench.gate_engines", "--child-gates", *common_args])
            assert gates["engine"] == engine, gates
            runs[engine]["gates"].append(gates)
            if args.split:
                scan = _child(engine, [*split_args, *common_args])
            else:
                scan_args = ["--child-scan", str(home), "--repeats", str(args.repeats)]
                scan = _child(engine, ["-m", "bench.gate_engines", *scan_args, *common_args])
            runs[engine]["scan"].append(scan)
    result: dict[str, Any] = {"rounds": args.rounds, "messages": args.messages}
    rows = []
    for engine in ENGINES:
        gates = _median(runs[engine]["gates"])
        scan = _median(runs[engine]["scan"])
        result[engine] = {"gates": gates, "scan": scan, "runs": runs[engine]}
        for name, r in gates.items():
            rows.append([engine, name, f"{r['new_us']:.2f}", f"{r['warm_us']:.2f}"])
        for name in ("clean", "disguised"):
            new, warm = scan[f"{name}_new_us"], scan[name]["scan"]
            rows.append([engine, f"Scanner.scan {name}", f"{new:.2f}", f"{warm:.2f}"])
    columns = ["engine", "what", "new us", "warm us"]
    common.print_table("Gates: RE2 sets vs Hyperscan, CPU us per message (medians)", columns, rows)
    print(f"-> {common.write_result(args.out, result)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
