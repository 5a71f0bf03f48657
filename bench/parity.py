"""Dump every scan result of the evaluation suites, so a speed-up can prove it changed nothing.

A performance change must leave every verdict, entity, violation and signal as it was. This
writes one JSON line per message (``suite``, ``n``, the text's ``ScanResult.to_dict()``) for the
adversarial suite and its negatives (``bench.adversarial``), the peers' test vectors, the
red-team suites and their benign controls (``bench.redteam`` to ``bench.redteam7``), the
obfuscation suite (``bench.obfuscation_suite``), the clean messages of the throughput mix
(``bench.throughput.clean_messages``) and a slice of the mix, then, given ``--against`` an
earlier dump, prints the lines that differ and exits 1 if any do.

``python -m bench.parity --home /tmp/benchhome --out /tmp/after.jsonl [--against before.jsonl]
[--only adversarial,redteam7]``
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from bastion.model import Item
from bench import (
    adversarial,
    common,
    obfuscation_suite,
    redteam,
    redteam2,
    redteam3,
    redteam4,
    redteam5,
    redteam6,
    redteam7,
    throughput,
)
from bench.peers import load_vectors
from bench.redteam_eval import listed_in

CLEAN_SLICE = 30_000
CLEAN_ALL = 100_000
"""The throughput bench's own clean set (``--messages`` default): every benign message."""


def suites(data: Path, home: Path) -> Iterator[tuple[str, str, str]]:
    """(suite, surface, text) for every message the quality benches scan."""
    for case in adversarial.build_suite(data):
        yield "adversarial", case.surface, case.text
    for case in adversarial.build_negatives(data):
        yield "adversarial_negatives", case.surface, case.text
    for vector in load_vectors():
        yield "vectors", "post", vector.text
    listed = listed_in(home)
    for rt in redteam.generate(data, listed):
        yield "redteam", rt.surface, rt.text
    for benign in redteam.benign_cases(data, listed):
        yield "redteam_benign", benign.surface, benign.text
    for text in throughput.message_mix(data, CLEAN_SLICE):
        yield "clean", "chat", text
    for obfuscated in obfuscation_suite.build_suite(data):
        yield "obfuscation", "post", obfuscated.text
    for rt2 in redteam2.generate(data):
        yield "redteam2", rt2.surface, rt2.text
    for benign2 in redteam2.benign_cases(data):
        yield "redteam2_benign", benign2.surface, benign2.text
    for rt3 in redteam3.build_suite(data):
        yield "redteam3", rt3.surface, rt3.text
    for text in throughput.clean_messages(data, CLEAN_ALL):
        yield "clean_all", "chat", text
    for rt4 in redteam4.build_suite(data):
        yield "redteam4", rt4.surface, rt4.text
    for rt5 in redteam5.build(data):
        yield "redteam5", rt5.surface, rt5.text
    for rt6 in redteam6.build(data):
        yield "redteam6", rt6.surface, rt6.text
    for rt7 in redteam7.build(data):
        yield "redteam7", rt7.surface, rt7.text


def dump(
    scanner: Any, data: Path, home: Path, only: frozenset[str] | None = None
) -> Iterator[dict[str, Any]]:
    for n, (suite, surface, text) in enumerate(suites(data, home)):
        if only is not None and suite not in only:
            continue
        result = scanner.scan(Item(id=str(n), text=text, surface=surface))
        yield {"suite": suite, "n": n, "result": result.to_dict()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Dump (and diff) every suite's scan results.")
    parser.add_argument("--data", type=Path, default=None)
    parser.add_argument("--home", type=Path, default=None, help="BASTION_HOME to scan with")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--against", type=Path, default=None, help="an earlier dump to diff")
    parser.add_argument("--only", default=None, help="comma-separated suites (default: all)")
    args = parser.parse_args(argv)
    only = None if args.only is None else frozenset(args.only.split(","))
    data = common.data_dir(args.data)
    home = common.scanner_home(args.home, data)
    scanner = common.load_scanner(home)
    rows = list(dump(scanner, data, home, only))
    with args.out.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n")
    print(f"{len(rows):,} results -> {args.out}")
    if args.against is None:
        return 0
    before = args.against.read_text(encoding="utf-8").splitlines()
    after = args.out.read_text(encoding="utf-8").splitlines()
    differ = [(a, b) for a, b in zip(before, after, strict=False) if a != b]
    if len(before) != len(after):
        print(f"line counts differ: {len(before):,} before, {len(after):,} after")
    for a, b in differ[:20]:
        print(f"- {a[:400]}\n+ {b[:400]}")
    print(f"{len(differ):,} of {len(after):,} results differ")
    return 1 if differ or len(before) != len(after) else 0


if __name__ == "__main__":
    raise SystemExit(main())
