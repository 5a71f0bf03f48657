"""``make bench``: build one evaluation home from the full feeds, then run every benchmark on it.

Importing the full lists once (rather than per benchmark) keeps the run short and guarantees all
figures come from the same intel index. The home is temporary unless ``--home`` is given. A short
verdict per bar is printed at the end and written to ``bench/results/run_all.json``.

``python -m bench.run_all [--home DIR] [--keep-home] [--strict]``
"""

from __future__ import annotations

import argparse
import importlib
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench import common

BENCHMARKS = (
    "obfuscation_suite",
    "recall",
    "false_positives",
    "throughput",
    "adversarial_eval",
    "hostile",
    "images_qr",
    "bench_index",
)
"""Run in this order; ``bench_index`` (the intel index benchmark) is run when present."""
TAKES_HOME = frozenset({"recall", "false_positives", "throughput", "adversarial_eval", "images_qr"})
RESULT_NAME = {"adversarial_eval": "adversarial"}
"""Benchmarks whose ``bench/results/<name>.json`` is not named after the module."""
SUBPROCESS = frozenset({"bench_index"})
"""Benchmarks with their own command line (read from ``sys.argv``) run as a child process."""


def _run_subprocess(name: str) -> int:
    return subprocess.run([sys.executable, "-m", f"bench.{name}"], cwd=common.REPO_ROOT).returncode


def _bar_met(name: str) -> bool | None:
    path = common.RESULTS_DIR / f"{name}.json"
    if not path.is_file():
        return None
    value = json.loads(path.read_text(encoding="utf-8")).get("bar_met")
    return value if isinstance(value, bool) else None


def run(names: tuple[str, ...], home: Path, data: Path) -> dict[str, Any]:
    """Call each benchmark's ``main`` in-process; a crash in one is reported, not fatal."""
    outcome: dict[str, Any] = {}
    for name in names:
        try:
            module = importlib.import_module(f"bench.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"bench.{name}":
                raise
            outcome[name] = {"status": "absent"}
            continue
        argv = ["--data", str(data)]
        if name in TAKES_HOME:
            argv += ["--home", str(home)]
        print(f"\n=== {name} ===", flush=True)
        started = time.perf_counter()
        try:
            code = _run_subprocess(name) if name in SUBPROCESS else module.main(argv)
            status = "ok" if code in (0, None) else f"exit {code}"
        except Exception as exc:  # one broken benchmark must not hide the others
            status = f"error: {type(exc).__name__}: {exc}"
            print(status)
        outcome[name] = {
            "status": status,
            "seconds": round(time.perf_counter() - started, 1),
            "bar_met": _bar_met(RESULT_NAME.get(name, name)),
        }
    return outcome


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Run every benchmark on one evaluation home.")
    parser.add_argument("--data", type=Path, default=None)
    parser.add_argument("--home", type=Path, default=None, help="reuse this BASTION_HOME")
    parser.add_argument("--keep-home", action="store_true", help="keep the temporary home")
    parser.add_argument("--only", nargs="*", default=None, choices=BENCHMARKS)
    parser.add_argument("--strict", action="store_true", help="exit 1 when a bar is missed")
    args = parser.parse_args(argv)
    data = common.data_dir(args.data)
    home = args.home
    temporary = home is None
    if home is None:
        home = Path(tempfile.mkdtemp(prefix="bastion-bench-"))
        print(f"importing the evaluation feeds into {home} ...", flush=True)
        started = time.perf_counter()
        common.build_home(home, data)
        print(f"  done in {time.perf_counter() - started:.1f} s")
    try:
        outcome = run(tuple(args.only) if args.only else BENCHMARKS, home, data)
    finally:
        if temporary and not args.keep_home:
            shutil.rmtree(home, ignore_errors=True)
    marks = {True: "PASS", False: "FAIL"}
    rows = [
        [name, o["status"], str(o.get("seconds", "")), marks.get(o.get("bar_met"), "-")]
        for name, o in outcome.items()
    ]
    where = "temporary (full evaluation feeds)" if temporary else str(home)
    common.print_table("Benchmarks", ["benchmark", "status", "seconds", "bar"], rows)
    print(f"-> {common.write_result('run_all', {'home': where, 'benchmarks': outcome})}")
    failed = any(o["status"] not in ("ok", "absent") for o in outcome.values())
    missed = any(o.get("bar_met") is False for o in outcome.values())
    return 1 if failed or (args.strict and missed) else 0


if __name__ == "__main__":
    raise SystemExit(main())
