"""Build the small bundled sample feed in ``examples/feeds/`` from permissively licensed lists.

The demo (``make demo``) needs real listed domains without shipping megabytes of third-party data
or anything whose licence forbids redistribution. So this script takes a seeded, reproducible
sample of each permitted list in ``shared/data`` and writes one plain-domain file per category
(``<category>.txt``, so ``bastion feeds import examples/feeds/ --category from-file`` works) plus
``examples/ATTRIBUTION.md`` (outside ``feeds/``, because importing a directory takes every file
in it as a feed). Only MIT, Unlicense and CC0 sources are used; hostsvn, tranco, weibo and the
telecom texts are evaluation-only and never copied here.

Run from the repo root: ``python examples/make_sample_feeds.py [--data DIR]``.
"""

from __future__ import annotations

import argparse
import csv
import random
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from bastion.suffixes import has_known_suffix

SEED = 20261124
HERE = Path(__file__).resolve().parent
OUT_DIR = HERE / "feeds"
ATTRIBUTION = HERE / "ATTRIBUTION.md"
DEFAULT_DATA = HERE.parent.parent / "shared" / "data"

_HOST_RE = re.compile(r"^(?=.{4,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.){1,8}[a-z]{2,24}$")


@dataclass(frozen=True, slots=True)
class Source:
    """One upstream list and how much of it goes into which bundled category file."""

    category: str
    path: str
    fmt: str
    take: int
    repo: str
    commit: str
    licence: str
    note: str = ""


_BLP = ("blocklistproject/Lists", "ee3bdbaddf49c756cf3340bb2e6a9dee5282d1c6", "Unlicense")
_SIN = ("Sinfonietta/hostfiles", "62631ce2ee373595bbc187623aa5bb7f7a1ad534", "MIT")
_V2F = ("v2fly/domain-list-community", "c975ccef9c19f005a3bfa7a33255d1b406deea64", "MIT")
_GOV = ("cisagov/dotgov-data", "4ee64196503d34bcaff8b508444b0f7552f97d71", "CC0 1.0")

SOURCES: tuple[Source, ...] = (
    Source(
        "gambling", "sinfonietta-hostfiles/gambling.txt", "lines", 5000, *_SIN, "gambling-hosts"
    ),
    Source(
        "gambling",
        "v2fly-domain-list-community/category-betting-ru.tsv",
        "v2fly",
        5000,
        *_V2F,
        "data/category-betting-ru",
    ),
    Source(
        "porn",
        "v2fly-domain-list-community/category-porn.tsv",
        "v2fly",
        1500,
        *_V2F,
        "data/category-porn (domain/full rules, ad hosts dropped)",
    ),
    Source(
        "porn", "sinfonietta-hostfiles/pornography.txt", "lines", 1500, *_SIN, "pornography-hosts"
    ),
    Source("scam", "blocklistproject-lists/scam.txt", "lines", 2500, *_BLP, "scam.txt"),
    Source(
        "phishing",
        "blocklistproject-lists/phishing.txt",
        "lines",
        2500,
        *_BLP,
        "alt-version/phishing-nl.txt",
    ),
    Source(
        "malware",
        "blocklistproject-lists/ransomware.txt",
        "lines",
        2000,
        *_BLP,
        "ransomware.txt (ransomware C2 and distribution hosts)",
    ),
    Source(
        "shortener",
        "v2fly-domain-list-community/category-urlshortner.tsv",
        "v2fly",
        100,
        *_V2F,
        "data/category-urlshortner",
    ),
    Source(
        "shortener",
        "blocklistproject-lists/redirect.txt",
        "lines",
        2000,
        *_BLP,
        "redirect.txt (redirectors, URL shorteners and web proxies)",
    ),
    Source(
        "allow",
        "us-dotgov-domains/current-full.tsv",
        "dotgov",
        2000,
        *_GOV,
        "current-full.csv (registered .gov domains; an allow list, not a harm category)",
    ),
)


def _read_lines(path: Path) -> Iterator[str]:
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            yield line.strip()


def _read_v2fly(path: Path) -> Iterator[str]:
    """Only ``domain``/``full`` rules are plain hosts; keyword/regexp rules and ad hosts are not."""
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            attributes = set(filter(None, (row.get("attributes") or "").split(",")))
            if row["rule_type"] in ("domain", "full") and "ads" not in attributes:
                yield row["value"]


def _read_dotgov(path: Path) -> Iterator[str]:
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            yield row["domain"]


_READERS = {"lines": _read_lines, "v2fly": _read_v2fly, "dotgov": _read_dotgov}


def valid_hosts(raw: Iterator[str]) -> list[str]:
    """Lower-cased, de-duplicated, syntactically valid hosts under a known public suffix."""
    seen: set[str] = set()
    for value in raw:
        host = value.strip().lower().rstrip(".")
        if host and not host.startswith("#") and _HOST_RE.match(host) and has_known_suffix(host):
            seen.add(host)
    return sorted(seen)


def sample_source(source: Source, data_dir: Path) -> list[str]:
    """A seeded sample; the seed mixes in the category and path so sources do not correlate."""
    path = data_dir / source.path
    if not path.is_file():
        raise FileNotFoundError(f"source list not found: {path} (pass --data)")
    hosts = valid_hosts(_READERS[source.fmt](path))
    if len(hosts) <= source.take:
        return hosts
    rng = random.Random(f"{SEED}:{source.category}:{source.path}")
    return sorted(rng.sample(hosts, source.take))


def build(data_dir: Path) -> tuple[dict[str, list[str]], list[int]]:
    """Category -> sorted hosts, and how many hosts each source contributed (before merging)."""
    out: dict[str, set[str]] = {}
    taken: list[int] = []
    for source in SOURCES:
        hosts = sample_source(source, data_dir)
        taken.append(len(hosts))
        out.setdefault(source.category, set()).update(hosts)
    return {category: sorted(hosts) for category, hosts in out.items()}, taken


def _attribution(taken: list[int]) -> str:
    lines = [
        "# Sample feed attribution",
        "",
        "The files in `examples/feeds/` (one category per file, plain domains).",
        "",
        "Generated by `examples/make_sample_feeds.py` (seed "
        f"{SEED}); do not edit by hand. Each file is a seeded sample of the lists below,",
        "lower-cased, de-duplicated and restricted to valid hosts under a known public suffix",
        "(taken from the development split of the team's copy of each list).",
        "Only permissively licensed lists are used. `allow.txt` is an allow list (registered",
        "US government domains), not a harm category.",
        "",
        "| file | sampled | source repository | path / list | commit | licence |",
        "|---|---|---|---|---|---|",
    ]
    for source, count in zip(SOURCES, taken, strict=True):
        lines.append(
            f"| {source.category}.txt | {count} | {source.repo} | "
            f"{source.note} | {source.commit} | {source.licence} |"
        )
    lines += [
        "",
        "Licences: Unlicense (blocklistproject/Lists, public domain dedication); MIT",
        "(Sinfonietta/hostfiles, v2fly/domain-list-community; copyright their authors); CC0 1.0",
        "(cisagov/dotgov-data). The MIT licence requires keeping the copyright notice: the lists",
        'are copyright (c) their respective contributors and provided "as is", without warranty.',
        "",
    ]
    return "\n".join(lines)


def write(feeds: dict[str, list[str]], taken: list[int], out_dir: Path, attribution: Path) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    for category, hosts in feeds.items():
        header = f"# Bastion sample feed: category {category}; sources in ATTRIBUTION.md\n"
        (out_dir / f"{category}.txt").write_text(header + "\n".join(hosts) + "\n", "utf-8")
    attribution.write_text(_attribution(taken), "utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="shared/data directory")
    parser.add_argument("--out", type=Path, default=OUT_DIR)
    args = parser.parse_args(argv)
    try:
        feeds, taken = build(args.data)
    except FileNotFoundError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    write(feeds, taken, args.out, args.out.parent / ATTRIBUTION.name)
    for category, hosts in feeds.items():
        print(f"{category:10} {len(hosts):6d}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
