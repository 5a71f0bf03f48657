"""Every gate's patterns are the same text in every process: Hyperscan databases are cached by
a hash of their patterns, so a pattern built from a set's iteration order (``sorted(words,
key=len)`` leaves ties in hash order) would miss the cache in every new process."""

from __future__ import annotations

import json
import os
import subprocess
import sys

_DUMP = """
import json, sys
from bastion.cli.gates import WARM_TEXTS
from bastion import Scanner
from bastion.intel.index import IntelIndex
from bastion.normalize import hs_sets
from bastion.policy import Policy
seen = []
asked = hs_sets.on_hyperscan
def record(patterns):
    seen.append(list(patterns))
    return asked(patterns)
hs_sets.on_hyperscan = record
import bastion.extract._gates as gates, bastion.normalize.unmask as unmask
gates.on_hyperscan = record
unmask.on_hyperscan = record
scanner = Scanner(index=IntelIndex.empty(), policy=Policy.default())
for text in WARM_TEXTS:
    scanner.scan({"id": "w", "text": text, "surface": "post"})
print(json.dumps(seen, ensure_ascii=False))
"""


def _patterns(seed: str) -> list[list[str]]:
    env = {**os.environ, "PYTHONHASHSEED": seed, "BASTION_GATES": "re2"}
    run = subprocess.run(
        [sys.executable, "-c", _DUMP], env=env, capture_output=True, text=True, check=False
    )
    assert run.returncode == 0, run.stderr[-2000:]
    found: list[list[str]] = json.loads(run.stdout.strip().splitlines()[-1])
    return found


def test_gate_patterns_do_not_depend_on_the_hash_seed() -> None:
    first = _patterns("1")
    assert first, "no gate was built"
    assert _patterns("2") == first
