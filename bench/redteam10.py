"""Red team 10: a held-out suite of new and newly composed disguises over real listed hosts.

Written by an engineer who read neither the scan core (``normalize``, ``extract``, ``canon``,
``detect``), its tests, nor any earlier team's misses, only the README's unmask table, the family
names of red teams 2-9 (so no family repeats one whole) and the bench harness. Every case is
built from a fixed seed, so the suite and its SHA-256 are the same on every machine with the
same ``shared/data`` (the suite is generated from the data at run time, never shipped):

- link families (``bench/redteam10_links.py``): a real host drawn by seed from the gambling,
  porn, scam, phishing and ransomware lists (or a malware IP), under one to four disguises of
  ``bench/redteam10_tricks.py`` (a wrong keyboard layout, digits and letters said in Korean,
  Japanese, Thai, German, French or Russian, colloquial dots and TLD sounds, a TLD with a drawn
  ``o``, Unicode code points, ROT47, base58, Polybius, a rail fence, swapped pairs or halves, a
  letter-grid diagonal, alphabet positions in Chinese numerals, LaTeX, vCard folding, Markdown
  tables and code fences one character a row, a quoted reply, IPv4 in binary, Roman numerals
  or ``in-addr.arpa``), in spam written for each surface (``bench/redteam10_text.py``) in
  Chinese, English, Korean, Japanese, Thai and Russian;
- handle, should-review and benign families (``bench/redteam10_other.py``).

The case type and pools are red team 7's (``bench.redteam7.Case`` and ``Pools``), so red team
6's scorer reads it. Each case keeps its ``key``: the message as a careful reader reads it (the
host or id written plainly), which the evaluation also scans as a control.

    python -m bench.redteam10 --data ../shared/data     # counts per family and the suite hash
"""

from __future__ import annotations

import argparse
import json
import random
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from bench.common import data_dir
from bench.redteam7 import Case, Pools, suite_sha256

SEED = 1020261207
PER_FAMILY = 40
GROUPS = ("link", "handle", "review", "benign")
Builder = Callable[[random.Random, Pools, int], Case]


def families() -> dict[str, tuple[str, Builder]]:
    """Family name -> (group, builder of its i-th case)."""
    from bench.redteam10_links import link_families
    from bench.redteam10_other import benign_families, handle_families, review_families

    out: dict[str, tuple[str, Builder]] = {}
    for group, fams in (
        ("link", link_families()),
        ("handle", handle_families()),
        ("review", review_families()),
        ("benign", benign_families()),
    ):
        for name, builder in fams.items():
            if name in out:
                raise ValueError(f"duplicate family {name}")
            out[name] = (group, builder)
    return out


def build(data: Path, seed: int = SEED, per_family: int = PER_FAMILY) -> list[Case]:
    """Every case of every family; a family's cases come from its own seeded generator."""
    pools = Pools(data)
    cases: list[Case] = []
    for name, (group, builder) in families().items():
        rng = random.Random(f"{seed}:{name}")
        for i in range(per_family):
            c = builder(rng, pools, i)
            c.id = f"rt10-{name}-{i:02d}"
            c.family = name
            c.group = group
            cases.append(c)
    return cases


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data", type=Path)
    ap.add_argument("--show", help="print the cases of this family")
    args = ap.parse_args(argv)
    cases = build(data_dir(args.data))
    if args.show:
        for c in cases:
            if c.family == args.show:
                print(json.dumps(c.to_dict(), ensure_ascii=False))
        return 0
    by_group = Counter(c.group for c in cases)
    fams = Counter((c.group, c.family) for c in cases)
    for g in GROUPS:
        n = sum(1 for (gg, _) in fams if gg == g)
        print(f"{g}: {n} families, {by_group[g]} cases")
    print(f"cases: {len(cases)}  seed: {SEED}  sha256: {suite_sha256(cases)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
