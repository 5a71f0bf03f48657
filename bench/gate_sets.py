"""What the gates' RE2 sets cost on messages they have not seen, whole and split apart.

An RE2 set builds its DFA lazily, one state per combination of the positions its patterns have
reached. The throughput figures repeat the same messages, so they time a DFA already built for
them; live traffic brings new messages, whose states are built as they come. Per gate of
``bastion.extract.precheck`` (ASCII texts; other texts that pass the hint search), on the clean
messages of ``bench.throughput``: CPU us per message of a fresh gate over the first half
(``cold``), then over the second half (``new``: unseen, after the first), then the best of three
passes over the second half (``warm``), for the clauses in one set and as built (``apart``).
The unmasker's gates (``bastion.normalize.unmask``) likewise, on the disguised messages of
``bench.adversarial`` (they run on every message the pre-check passes).

``--find`` lists the clauses that multiply the others' states: each clause is added to a growing
set, and one whose addition raises the cold cost on a sample by more than ``--threshold`` us is
reported (and kept out); those are the candidates for ``precheck._APART``.

``python -m bench.gate_sets [--data DIR] [--find] [--threshold US]``
"""

from __future__ import annotations

import argparse
import importlib
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from bastion.extract import precheck
from bastion.extract._gates import Gate
from bench import adversarial, common, throughput


def _cpu_us(match: Callable[[str], object], texts: Sequence[str]) -> float:
    started = time.process_time()
    for text in texts:
        match(text)
    return round((time.process_time() - started) / max(1, len(texts)) * 1e6, 2)


def costs(gate: Gate, texts: list[str]) -> dict[str, float]:
    """Cold, new and warm CPU us per message of ``gate`` (built fresh by the caller)."""
    first, second = texts[::2], texts[1::2]
    match = gate.text_matcher()
    cold = _cpu_us(match, first)
    new = _cpu_us(match, second)
    warm = min(_cpu_us(match, second) for _ in range(3))
    return {"cold_us": cold, "new_us": new, "warm_us": warm, "sets": len(gate.groups)}


def unmask_costs(gate: Any, texts: list[str]) -> dict[str, float]:
    """``costs`` of one of the unmasker's gates (``read`` on the text)."""
    first, second = texts[::2], texts[1::2]
    cold = _cpu_us(gate.read, first)
    new = _cpu_us(gate.read, second)
    warm = min(_cpu_us(gate.read, second) for _ in range(3))
    return {"cold_us": cold, "new_us": new, "warm_us": warm, "sets": len(gate._sets)}


def find_multipliers(sources: Sequence[str], sample: list[str], threshold: float) -> list[int]:
    """Indices of the clauses whose addition to the growing set raises its cold cost on
    ``sample`` by more than ``threshold`` us (each is kept out of the set after)."""
    kept = [0]
    base = _cpu_us(Gate([sources[0]]).text_matcher(), sample)
    found = []
    for index in range(1, len(sources)):
        trial = Gate([sources[i] for i in (*kept, index)])
        cost = _cpu_us(trial.text_matcher(), sample)
        if cost - base > threshold:
            found.append(index)
            print(f"multiplies: clause {index} (+{cost - base:.1f} us) {sources[index][:70]!r}")
        else:
            kept.append(index)
            base = cost
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Cold and warm cost of the pre-check's sets.")
    parser.add_argument("--data", type=Path, default=None)
    parser.add_argument("--messages", type=int, default=30_000)
    parser.add_argument("--find", action="store_true", help="list clauses to set apart")
    parser.add_argument("--threshold", type=float, default=3.0)
    args = parser.parse_args(argv)
    data = common.data_dir(args.data)
    clean = throughput.clean_messages(data, args.messages)
    hint = precheck.wide_checks()[0]
    gates = {
        "ascii": (precheck._ASCII, [t for t in clean if t.isascii()]),
        "wide": (precheck._wide(), [t for t in clean if not t.isascii() and hint(t)]),
    }
    result: dict[str, Any] = {}
    rows = []
    for name, (gate, texts) in gates.items():
        if args.find:
            print(f"{name}: {len(gate.sources)} clauses")
            find_multipliers(gate.sources, texts[:600], args.threshold)
            continue
        apart = [[gate.sources[i] for i in group] for group in gate.groups[1:]]
        result[name] = {
            "messages": len(texts),
            "one_set": costs(Gate(gate.sources), texts),
            "apart": costs(Gate(gate.sources, apart), texts),
        }
        for config in ("one_set", "apart"):
            r = result[name][config]
            rows.append([name, config, str(r["sets"]), *(f"{r[k]:.2f}" for k in list(r)[:3])])
    if args.find:
        return 0
    unmask = importlib.import_module("bastion.normalize.unmask")
    disguised = [c.text for c in adversarial.build_suite(data) if len(c.text) < 2_000]
    for name, ascii_only, gate in (
        ("unmask ascii", True, unmask._ASCII_GATE),
        ("unmask wide", False, unmask._compiled().gate),
    ):
        texts = [t for t in disguised if t.isascii() == ascii_only]
        result[name] = {
            "messages": len(texts),
            "one_set": unmask_costs(unmask._Gate(list(gate.gates)), texts),
            "apart": unmask_costs(unmask._Gate(list(gate.gates), unmask._APART), texts),
        }
        for config in ("one_set", "apart"):
            r = result[name][config]
            rows.append([name, config, str(r["sets"]), *(f"{r[k]:.2f}" for k in list(r)[:3])])
    columns = ["texts", "clauses", "sets", "cold us", "new us", "warm us"]
    common.print_table("Gate sets, CPU us per message (clean; unmask: disguised)", columns, rows)
    print(f"-> {common.write_result('gate_sets', result)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
