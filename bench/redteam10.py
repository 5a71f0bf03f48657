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

from pathlib import Path

from bench.redteam7 import Case
from bench.redteam_suite import GROUPS, Builder, build_cases, module_families, summary_main

SEED = 1020261207
PER_FAMILY = 40
__all__ = ["GROUPS", "PER_FAMILY", "SEED", "Builder", "build", "families"]


def families() -> dict[str, tuple[str, Builder]]:
    """Family name -> (group, builder of its i-th case)."""
    return module_families(10)


def build(data: Path, seed: int = SEED, per_family: int = PER_FAMILY) -> list[Case]:
    """Every case of every family; a family's cases come from its own seeded generator."""
    return build_cases(families(), data, seed, per_family, "rt10")


def main(argv: list[str] | None = None) -> int:
    return summary_main(argv, __doc__ or "", build, SEED)


if __name__ == "__main__":
    raise SystemExit(main())
