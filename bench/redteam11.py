"""Red team 11: a held-out suite of disguises spammers paste today, over real listed hosts.

Written by an engineer who read neither the scan core (``normalize``, ``extract``, ``canon``,
``detect``), its tests, nor any earlier team's misses, only the README's unmask table, the family
names of red teams 2-10 (so no family repeats one whole) and the bench harness. Every case is
built from a fixed seed, so the suite and its SHA-256 are the same on every machine with the
same ``shared/data`` (the suite is generated from the data at run time, never shipped):

- link families (``bench/redteam11_links.py``): a real host drawn by seed from the gambling,
  porn, scam, phishing and ransomware lists (or a malware IP), under two or three tricks of
  ``bench/redteam11_tricks.py`` at once: the "Thai" and "squiggle" alphabets of fancy-text
  generators, digits as playing cards, double-circled digits, digits with a full stop (``⒏`` is
  ``8.``, drawing the dot), Khmer, Mongolian, Lao and Tibetan digits beside their name, letters
  in their Chinese classroom readings, colloquial Chinese words for the ASCII dot, a symbol or
  kaomoji legend, a ccTLD said as its country; laid out as profile fields, chat logs with a
  recalled message, a WeChat quote, CSV rows, a config file, HTML and Markdown tables, a
  BBCode decoy, a redirector whose query holds a percent-encoded ideographic or full-width
  stop, an APK file name, a mail signature, a parcel notice, an app listing, "search for", a
  live title, a map place or a product code; in Chinese, English and both
  (``bench/redteam11_text.py``);
- handle, should-review and benign families (``bench/redteam11_other.py``).

The case type and pools are red team 7's (``bench.redteam7.Case`` and ``Pools``), so red team
6's scorer reads it. Each case keeps its ``key``: the message as a careful reader reads it (the
host or id written plainly), which the evaluation also scans as a control.

    python -m bench.redteam11 --data ../shared/data     # counts per family and the suite hash
    python -m bench.redteam11 --show l_squiggle_card_digits
"""

from __future__ import annotations

from pathlib import Path

from bench.redteam7 import Case
from bench.redteam_suite import GROUPS, Builder, build_cases, module_families, summary_main

SEED = 1120261207
PER_FAMILY = 40
__all__ = ["GROUPS", "PER_FAMILY", "SEED", "Builder", "build", "families"]


def families() -> dict[str, tuple[str, Builder]]:
    """Family name -> (group, builder of its i-th case)."""
    return module_families(11)


def build(data: Path, seed: int = SEED, per_family: int = PER_FAMILY) -> list[Case]:
    """Every case of every family; a family's cases come from its own seeded generator."""
    return build_cases(families(), data, seed, per_family, "rt11")


def main(argv: list[str] | None = None) -> int:
    return summary_main(argv, __doc__ or "", build, SEED)


if __name__ == "__main__":
    raise SystemExit(main())
