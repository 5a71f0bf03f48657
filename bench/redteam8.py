"""Red team 8: a held-out suite of new disguises over real listed hosts and real-shaped ids.

Written by an engineer who read neither the scan core, its tests nor any earlier red-team
generator's trick tables, only the README (whose red-team rows name the tricks earlier teams
used, so none is repeated) and red team 7's driver. Every case is built from a fixed seed, so
the suite and its SHA-256 are the same on every machine with the same ``shared/data``:

- link families (``bench/redteam8_links.py``): a real host drawn by seed from the gambling,
  porn, scam, phishing and ransomware lists (or a malware IP), under one to three disguises of
  ``bench/redteam8_tricks.py`` (Lisu and Coptic letters, emoji letters, Roman-numeral and
  segmented digits, zalgo, rare invisibles, right-to-left override, Braille, Morse, Caesar,
  ROT13, keypad taps, NATO in Chinese, HTML5 named entities, MIME words, base64, hex, data: and
  javascript: URIs, IPs as integers or in hex and octal, flag TLDs, Zhuyin and split-character
  dots...), in spam written the way real spam is (``bench/redteam8_text.py``), on every surface;
- handle, should-review and benign families (``bench/redteam8_other.py``).

The plain type and pools are red team 7's (``bench.redteam7.Case`` and ``Pools``), so the
scorer of red team 6 reads both. Each case keeps its ``key``: the message as a careful reader
reads it (the host or id written plainly), which the evaluation also scans as a control.

    python -m bench.redteam8 --data ../shared/data     # counts per family and the suite hash
"""

from __future__ import annotations

from pathlib import Path

from bench.redteam7 import Case
from bench.redteam_suite import GROUPS, Builder, build_cases, module_families, summary_main

SEED = 820261207
PER_FAMILY = 40
__all__ = ["GROUPS", "PER_FAMILY", "SEED", "Builder", "build", "families"]


def families() -> dict[str, tuple[str, Builder]]:
    """Family name -> (group, builder of its i-th case)."""
    return module_families(8)


def build(data: Path, seed: int = SEED, per_family: int = PER_FAMILY) -> list[Case]:
    """Every case of every family; a family's cases come from its own seeded generator."""
    return build_cases(families(), data, seed, per_family, "rt8")


def main(argv: list[str] | None = None) -> int:
    return summary_main(argv, __doc__ or "", build, SEED)


if __name__ == "__main__":
    raise SystemExit(main())
