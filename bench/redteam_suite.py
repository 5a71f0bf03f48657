"""The body red teams 8, 9 and 10 share: families by group, seeded cases, the summary command.

Each red team names its family modules, seed and id prefix; the cases (and so the suite's
SHA-256) are what each built on its own before this module: a family's cases come from
``random.Random(f"{seed}:{name}")``, ids ``<prefix>-<family>-NN``.
"""

from __future__ import annotations

import argparse
import importlib
import json
import random
from collections import Counter
from collections.abc import Callable, Mapping
from pathlib import Path

from bench.common import data_dir
from bench.redteam7 import GROUPS, Builder, Case, Pools, suite_sha256

__all__ = ["GROUPS", "Builder", "build_cases", "grouped", "module_families", "summary_main"]


def grouped(by_group: Mapping[str, Mapping[str, Builder]]) -> dict[str, tuple[str, Builder]]:
    """Family name -> (group, builder), in ``GROUPS`` order; a name used twice is an error."""
    out: dict[str, tuple[str, Builder]] = {}
    for group in GROUPS:
        for name, builder in by_group[group].items():
            if name in out:
                raise ValueError(f"duplicate family {name}")
            out[name] = (group, builder)
    return out


def module_families(number: int) -> dict[str, tuple[str, Builder]]:
    """Red team ``number``'s families from its two modules (``bench.redteamN_links``: links;
    ``bench.redteamN_other``: handles, should-review, benign), grouped."""
    links = importlib.import_module(f"bench.redteam{number}_links")
    other = importlib.import_module(f"bench.redteam{number}_other")
    return grouped(
        {
            "link": links.link_families(),
            "handle": other.handle_families(),
            "review": other.review_families(),
            "benign": other.benign_families(),
        }
    )


def build_cases(
    families: Mapping[str, tuple[str, Builder]], data: Path, seed: int, per_family: int, prefix: str
) -> list[Case]:
    """Every case of every family; a family's cases come from its own seeded generator."""
    pools = Pools(data)
    cases: list[Case] = []
    for name, (group, builder) in families.items():
        rng = random.Random(f"{seed}:{name}")
        for i in range(per_family):
            c = builder(rng, pools, i)
            c.id = f"{prefix}-{name}-{i:02d}"
            c.family = name
            c.group = group
            cases.append(c)
    return cases


def summary_main(
    argv: list[str] | None, doc: str, build: Callable[[Path], list[Case]], seed: int
) -> int:
    """Counts per group and the suite hash, or ``--show FAMILY``'s cases as JSON lines."""
    ap = argparse.ArgumentParser(description=doc)
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
    print(f"cases: {len(cases)}  seed: {seed}  sha256: {suite_sha256(cases)}")
    return 0
