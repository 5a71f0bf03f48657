"""Red team 6: a held-out suite of disguised listed links, handles, should-review and benign text.

Written without reading Bastion's scan core or any earlier red-team generator: the families are
tricks a spammer who read the README would try next (dots drawn as pictures, TLDs spelt as words
of other scripts, numbers in place-value words, mixed-direction marks, hosts split over profile or
listing fields, cues of Cantonese, Taiwanese, Korean and Russian usage, keypad letters...), two or
three composed at a time. Families live in ``redteam6_links.py``, ``redteam6_handles.py`` and
``redteam6_other.py``; this module holds the case type, the pools drawn from the real lists with a
fixed seed, and :func:`build`.

    python -m bench.redteam6 --data ../shared/data --show 3
"""

from __future__ import annotations

import argparse
import random
import re
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from bench.common import data_dir, read_hosts, read_ips

SEED = 620261207
PER_FAMILY = 40
GROUPS = ("link", "handle", "review", "benign")

LINK_LISTS: tuple[tuple[str, str], ...] = (
    ("hostsvn-gambling-vn/gambling_vn.txt", "gambling"),
    ("sinfonietta-hostfiles/gambling.txt", "gambling"),
    ("sinfonietta-hostfiles/pornography.txt", "porn"),
    ("v2fly-domain-list-community/category-porn.tsv", "porn"),
    ("blocklistproject-lists/scam.txt", "scam"),
    ("blocklistproject-lists/phishing.txt", "phishing"),
)
"""Lists the link families draw from (each host is checked plainly listed at scoring time)."""

TLDS = frozenset(
    [
        "com",
        "net",
        "org",
        "cc",
        "vip",
        "top",
        "xyz",
        "info",
        "club",
        "live",
        "bet",
        "tv",
        "me",
        "io",
        "co",
        "win",
        "app",
        "site",
        "online",
        "shop",
        "fun",
    ]
)
_NAME = re.compile(r"[a-z][a-z0-9]{3,17}")


@dataclass(frozen=True, slots=True)
class Case:
    """One message of the suite and what a careful reader recovers from it."""

    id: str
    family: str
    group: str  # link | handle | review | benign
    kind: str  # host | ip | wechat | qq | telegram | whatsapp | line | phone | kakao | none
    surface: str
    text: str
    expected: tuple[str, ...]  # registrable hosts, an IP, or the handle id as a reader types it
    others: tuple[str, ...] = ()  # hosts or ids the text really holds besides (decoys, brands)
    harmful: bool = False  # a handle offered with gambling / sex / scam wording
    lang: str = "en"
    template: str = ""
    source: str = ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Host:
    """A listed host ``name.tld`` (two labels) and the list row it came from."""

    name: str
    tld: str
    category: str
    source: str

    @property
    def host(self) -> str:
        return f"{self.name}.{self.tld}"


@dataclass(frozen=True, slots=True)
class Draft:
    """What a family function returns for one case; :func:`build` adds ids and the family."""

    text: str
    expected: tuple[str, ...]
    kind: str = "host"
    surface: str = "post"
    others: tuple[str, ...] = ()
    harmful: bool = False
    lang: str = "en"
    template: str = ""
    source: str = ""


class Pools:
    """Hosts, IPs and benign hosts from the real lists, drawn by a seeded generator."""

    def __init__(self, data: Path, rng: random.Random) -> None:
        self.rng = rng
        self.hosts: list[Host] = []
        for rel, category in LINK_LISTS:
            rows = sorted(set(read_hosts(data / rel)))
            picked = [h for h in rows if h.count(".") == 1 and self._shape(h)]
            rng.shuffle(picked)
            for h in picked[:400]:
                name, tld = h.split(".")
                self.hosts.append(Host(name, tld, category, f"{rel}:{h}"))
        ips = sorted(set(read_ips(data / "blocklistproject-lists/malware_ip.txt")))
        rng.shuffle(ips)
        self.ips = ips[:200]
        self.listed = {h.host for h in self.hosts}
        self.clean_hosts = self._clean(data)

    @staticmethod
    def _shape(host: str) -> bool:
        name, tld = host.split(".")
        return tld in TLDS and bool(_NAME.fullmatch(name))

    def _clean(self, data: Path) -> list[str]:
        """Popular hosts (Tranco top 3,000) on none of the harmful lists: benign controls."""
        bad: set[str] = set()
        for rel, _ in LINK_LISTS:
            bad.update(read_hosts(data / rel))
        out = []
        with (data / "tranco-top-100k/tranco_top_100k.tsv").open(encoding="utf-8") as fh:
            for line in fh:
                parts = line.rstrip("\n").split("\t")
                if len(parts) < 2 or not parts[0].isdigit() or int(parts[0]) > 3000:
                    continue
                h = parts[1].strip().lower()
                if h.count(".") == 1 and h not in bad and re.fullmatch(r"[a-z]{3,12}\.com", h):
                    out.append(h)
        return sorted(out)

    def host(self, want: Callable[[Host], bool] = lambda h: True) -> Host:
        """A random listed host that ``want`` accepts."""
        choices = [h for h in self.hosts if want(h)]
        return self.rng.choice(choices)


Family = Callable[[random.Random, Pools], Draft]


def families() -> dict[str, tuple[str, Family]]:
    """Every family: name -> (group, function)."""
    from bench.redteam6_handles import HANDLE_FAMILIES
    from bench.redteam6_links2 import LINK_FAMILIES
    from bench.redteam6_other import BENIGN_FAMILIES, REVIEW_FAMILIES

    out: dict[str, tuple[str, Family]] = {}
    for group, table in (
        ("link", LINK_FAMILIES),
        ("handle", HANDLE_FAMILIES),
        ("review", REVIEW_FAMILIES),
        ("benign", BENIGN_FAMILIES),
    ):
        for name, fn in table.items():
            if name in out:
                raise ValueError(f"family {name} defined twice")
            out[name] = (group, fn)
    return out


def build(data: Path, seed: int = SEED, per_family: int = PER_FAMILY) -> list[Case]:
    """The whole suite; the same ``seed`` and data give the same cases, in the same order."""
    rng = random.Random(seed)
    pools = Pools(data, rng)
    cases: list[Case] = []
    for name, (group, fn) in families().items():
        frng = random.Random(f"{seed}:{name}")
        pools.rng = frng
        for i in range(per_family):
            d = fn(frng, pools)
            cases.append(
                Case(
                    id=f"rt6-{name}-{i:02d}",
                    family=name,
                    group=group,
                    kind=d.kind,
                    surface=d.surface,
                    text=d.text,
                    expected=d.expected,
                    others=d.others,
                    harmful=d.harmful,
                    lang=d.lang,
                    template=d.template,
                    source=d.source,
                )
            )
    return cases


def iter_groups(cases: list[Case]) -> Iterator[tuple[str, int]]:
    for g in GROUPS:
        yield g, len({c.family for c in cases if c.group == g})


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data", type=Path)
    ap.add_argument("--show", type=int, default=2, help="cases to print per family")
    args = ap.parse_args(argv)
    cases = build(data_dir(args.data))
    shown: dict[str, int] = {}
    for c in cases:
        if shown.get(c.family, 0) < args.show:
            shown[c.family] = shown.get(c.family, 0) + 1
            print(f"{c.family:34} {c.group:7} {c.expected} | {c.text!r}")
    print(dict(iter_groups(cases)), len(cases))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
