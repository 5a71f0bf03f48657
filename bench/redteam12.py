"""Red team 12: a held-out suite of disguises written to get around what Bastion says it unmasks.

Written by an engineer who read neither the scan core (``normalize``, ``extract``, ``canon``,
``detect``), its tests, nor any team's misses, only the README's unmask table and its two generic
nets (a TLD after a name no pass reads goes to review; a value glued after unread symbols is
withheld), the family names of red teams 2-11 (so no family repeats one whole) and the bench
harness. Every case is built from a fixed seed, so the suite and its SHA-256 are the same on every
machine with the same ``shared/data`` (the suite is generated from the data at run time):

- link families (``bench/redteam12_links.py``): a real host drawn by seed from the gambling,
  porn, scam, phishing and ransomware lists (or a malware IP) under two or three tricks of
  ``bench/redteam12_tricks.py`` at once: the Yi-syllable, "Cherokee", katakana, Greek-ish and
  bracket-underline alphabets of fancy-text generators, look-alikes of four scripts in one name,
  Indic and other-script digits, Ethiopic numerals, dingbat and parenthesized digits, several
  numeral systems in one name, digits said in Hindi, Indonesian, Turkish, Tagalog or Swahili,
  the dot in fifteen more languages, "dot com" in Indic scripts, a TLD as its Chinese meaning or
  sound, as the country of a named capital, as a flag or the ``🔝`` emoji, noise a note names
  (lowercase letters, superscript letters, letters with a dot below, ZWJ emoji), the German
  spelling alphabet; laid out as bio lines, a nickname and a pinned comment, "same as my
  username", a live title, a listing, a map place or a voice transcript;
- handle, should-review and benign families (``bench/redteam12_other.py``).

The case type and pools are red team 7's (``bench.redteam7.Case`` and ``Pools``), so red team
6's scorer reads it. Each case keeps its ``key``: the message as a careful reader reads it (the
host or id written plainly), which the evaluation also scans as a control.

    python -m bench.redteam12 --data ../shared/data     # counts per family and the suite hash
    python -m bench.redteam12 --show l_yi_capital_city_tld
"""

from __future__ import annotations

from pathlib import Path

from bench.redteam7 import Case
from bench.redteam_suite import GROUPS, Builder, build_cases, module_families, summary_main

SEED = 1220261207
PER_FAMILY = 40
__all__ = ["GROUPS", "PER_FAMILY", "SEED", "Builder", "build", "families"]


def families() -> dict[str, tuple[str, Builder]]:
    """Family name -> (group, builder of its i-th case)."""
    return module_families(12)


def build(data: Path, seed: int = SEED, per_family: int = PER_FAMILY) -> list[Case]:
    """Every case of every family; a family's cases come from its own seeded generator."""
    return build_cases(families(), data, seed, per_family, "rt12")


def main(argv: list[str] | None = None) -> int:
    return summary_main(argv, __doc__ or "", build, SEED)


if __name__ == "__main__":
    raise SystemExit(main())
