"""Red team 9: a held-out suite of composed disguises over real listed hosts and real-shaped ids.

Written by an engineer who read neither the scan core (``normalize``, ``extract``), its tests,
nor any earlier team's misses, only the README's unmask table (what Bastion already undoes),
the family names of red teams 2-8 (so none is repeated) and the shared driver. Every case is
built from a fixed seed, so the suite and its SHA-256 are the same on every machine with the
same ``shared/data`` (the suite is generated from the data at run time, never shipped):

- link families (``bench/redteam9_links.py``): a real host drawn by seed from the gambling,
  porn, scam, phishing and ransomware lists (or a malware IP), under one to three disguises of
  ``bench/redteam9_tricks.py`` (insular and operator letters, NFKC-kept ligatures, subscripts,
  Atbash, a shifted keyboard, per-label reversal, letter names, binary / decimal ASCII, base32,
  嘀嗒 and typographic Morse, counting rods and other scripts' digits, Vietnamese digit words,
  digits one too high, a filled placeholder, a two-symbol legend, spreadsheet and shell joins,
  spot dots, dot words of more languages, IPv6-mapped and short-form IPv4), in spam written for
  each surface (``bench/redteam9_text.py``) in Chinese, English and Vietnamese;
- handle, should-review and benign families (``bench/redteam9_other.py``).

The case type and pools are red team 7's (``bench.redteam7.Case`` and ``Pools``), so red team
6's scorer reads it. Each case keeps its ``key``: the message as a careful reader reads it (the
host or id written plainly), which the evaluation also scans as a control.

    python -m bench.redteam9 --data ../shared/data     # counts per family and the suite hash
"""

from __future__ import annotations

from pathlib import Path

from bench.redteam7 import Case
from bench.redteam_suite import GROUPS, Builder, build_cases, module_families, summary_main

SEED = 920261207
PER_FAMILY = 40
__all__ = ["GROUPS", "PER_FAMILY", "SEED", "Builder", "build", "families"]


def families() -> dict[str, tuple[str, Builder]]:
    """Family name -> (group, builder of its i-th case)."""
    return module_families(9)


def build(data: Path, seed: int = SEED, per_family: int = PER_FAMILY) -> list[Case]:
    """Every case of every family; a family's cases come from its own seeded generator."""
    return build_cases(families(), data, seed, per_family, "rt9")


def main(argv: list[str] | None = None) -> int:
    return summary_main(argv, __doc__ or "", build, SEED)


if __name__ == "__main__":
    raise SystemExit(main())
