"""Red team 7: a held-out suite of composed disguises over real listed hosts (generator).

Written by an engineer who read neither the scan core, its tests nor any earlier red-team
generator, only the README's promises and the family names of red teams 1-6, to find
disguises none of them named. Every case is built from a fixed seed, so the suite (and its
SHA-256, printed by ``main``) is the same on every machine with the same ``shared/data``:

- link families (``bench/redteam7_links.py``): a real host drawn by seed from the gambling,
  porn, scam, phishing and ransomware lists (or a malware IP), disguised by two or three of the
  tricks in ``bench/redteam7_tricks.py`` at once, in Chinese or English, on every surface;
- handle, should-review and benign families (``bench/redteam7_other.py``): WeChat, QQ,
  Telegram, WhatsApp, LINE ids and phones under the same tricks; harmful wordings beside plain
  ids or half-hidden hosts; real clean text of the shared sets, some with the tricks' glyphs.

Each case keeps its ``key``: the message as a careful reader reads it (the host or id written
plainly, hints dropped), which ``tests/test_redteam7_suite.py`` checks holds the planted value.

    python -m bench.redteam7 --data ../shared/data     # counts per family and the suite hash
"""

from __future__ import annotations

import hashlib
import json
import random
import re
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from bench.common import read_hosts, read_ips

SEED = 720261207
PER_FAMILY = 40
GROUPS = ("link", "handle", "review", "benign")
SURFACES = (
    "username",
    "display_name",
    "bio",
    "post",
    "comment",
    "chat",
    "livestream",
    "listing",
    "map_place",
)

HOST_LISTS: tuple[tuple[str, str], ...] = (
    ("gambling", "hostsvn-gambling-vn/gambling_vn.txt"),
    ("gambling", "sinfonietta-hostfiles/gambling.txt"),
    ("porn", "sinfonietta-hostfiles/pornography.txt"),
    ("porn", "v2fly-domain-list-community/category-porn.tsv"),
    ("scam", "blocklistproject-lists/scam.txt"),
    ("phishing", "blocklistproject-lists/phishing.txt"),
    ("malware", "blocklistproject-lists/ransomware.txt"),
)
IP_LIST = "blocklistproject-lists/malware_ip.txt"
TLDS = frozenset(
    [
        "com",
        "net",
        "org",
        "vip",
        "xyz",
        "top",
        "cc",
        "tv",
        "me",
        "info",
        "club",
        "live",
        "site",
        "online",
        "bet",
        "win",
        "io",
        "co",
        "biz",
        "pro",
        "fun",
        "vn",
        "de",
        "ru",
        "jp",
        "fr",
        "it",
        "es",
        "nl",
        "pl",
        "br",
        "uk",
        "in",
        "kr",
        "th",
        "ph",
        "id",
        "cz",
        "hu",
        "ro",
        "se",
        "ch",
        "at",
        "be",
        "pt",
        "gr",
        "tr",
        "ca",
        "au",
        "mx",
        "ar",
        "dk",
        "no",
        "fi",
        "sk",
        "ua",
        "cn",
    ]
)
_NAME = re.compile(r"[a-z][a-z0-9]{3,15}")


@dataclass(slots=True)
class Case:
    """One message of the suite and what a careful reader finds in it."""

    id: str
    family: str
    group: str
    kind: str  # host, ip, wechat, qq, telegram, whatsapp, line, phone, none
    surface: str
    lang: str
    text: str
    expected: tuple[str, ...]
    others: tuple[str, ...] = ()
    harmful: bool = False
    source: str = ""
    key: str = ""
    tricks: tuple[str, ...] = field(default_factory=tuple)

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Host:
    """A listed host (``name.tld``) and where it came from (``list:row``)."""

    host: str
    category: str
    source: str

    @property
    def name(self) -> str:
        return self.host.split(".", 1)[0]

    @property
    def tld(self) -> str:
        return self.host.split(".", 1)[1]


class Pools:
    """The real lists, read once, filtered to two-label hosts a reader would type."""

    def __init__(self, data: Path) -> None:
        self.data = data
        self.hosts: list[Host] = []
        for category, rel in HOST_LISTS:
            for row, host in enumerate(read_hosts(data / rel)):
                name, _, tld = host.partition(".")
                if tld in TLDS and _NAME.fullmatch(name) and "." not in tld:
                    self.hosts.append(Host(host, category, f"{rel}:{row}"))
        self.ips = [
            Host(ip, "malware", f"{IP_LIST}:{row}")
            for row, ip in enumerate(read_ips(data / IP_LIST))
        ]
        self._by_category: dict[str, list[Host]] = {}
        for h in self.hosts:
            self._by_category.setdefault(h.category, []).append(h)

    def host(self, rng: random.Random, accept: Callable[[Host], bool] | None = None) -> Host:
        """A host drawn by category, then by row, that ``accept`` takes (bounded tries)."""
        categories = sorted(self._by_category)
        for _ in range(2000):
            pool = self._by_category[rng.choice(categories)]
            h = pool[rng.randrange(len(pool))]
            if accept is None or accept(h):
                return h
        raise RuntimeError("no host satisfies the family's constraint")

    def ip(self, rng: random.Random) -> Host:
        return self.ips[rng.randrange(len(self.ips))]


Builder = Callable[[random.Random, Pools, int], Case]


def families() -> dict[str, tuple[str, Builder]]:
    """Family name -> (group, builder of its i-th case)."""
    from bench.redteam7_benign import benign_families
    from bench.redteam7_links import link_families
    from bench.redteam7_other import handle_families, review_families
    from bench.redteam_suite import grouped

    return grouped(
        {
            "link": link_families(),
            "handle": handle_families(),
            "review": review_families(),
            "benign": benign_families(),
        }
    )


def build(data: Path, seed: int = SEED, per_family: int = PER_FAMILY) -> list[Case]:
    """Every case of every family; a family's cases come from its own seeded generator."""
    from bench.redteam_suite import build_cases

    return build_cases(families(), data, seed, per_family, "rt7")


def suite_sha256(cases: list[Case]) -> str:
    blob = json.dumps([c.to_dict() for c in cases], ensure_ascii=False)
    return hashlib.sha256(blob.encode()).hexdigest()


def main(argv: list[str] | None = None) -> int:
    from bench.redteam_suite import summary_main

    return summary_main(argv, __doc__ or "", build, SEED)


if __name__ == "__main__":
    raise SystemExit(main())
