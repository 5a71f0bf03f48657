"""Build the packaged protected-entity registry (``src/bastion/data/entities_default.json.gz``).

Only data whose licence allows shipping it (``../shared/data/SOURCES.md``):

* ``us-dotgov-domains`` (cisagov/dotgov-data, CC0 1.0): every agency and bureau of
  ``agencies-and-subs.tsv``; the organisations (and federal sub-organisations) of
  ``current-full.tsv`` whose type is federal, state or territory, or interstate; their ``.gov``
  domains become the entries' verified accounts. City, county, school and special districts are
  left out: thousands of local bodies, whose names are places people live in.
* ``v2fly-domain-list-community`` (MIT): the outlet and body names that ``named-entries.tsv``
  gives as comment labels in category-media-cn, category-media (news_media),
  category-hospital-cn (public_institution) and category-bank-cn (brand), split at ``/``
  (``中工网/工人日报社``); their domains are the verified accounts. Labels that name no body
  (``Ads``, ``Other``, ICP licence numbers, languages) are dropped.

Hold-out discipline: the entries are shuffled with ``SEED`` and ``SHIPPED`` of them ship; the
rest are the held-out bodies ``bench.impersonation_eval`` uses for names the registry has never
seen. ``python -m bench.build_entities [--check]`` (``--check``: exit 1 if the packaged file is
stale).
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import random
import re
import sys
from pathlib import Path
from typing import Final

from bastion.detect.impersonation import Entry
from bastion.entities import compile_entries
from bench.common import data_dir

SEED: Final = 20261206
SHIPPED: Final = 0.8
OUT: Final = (
    Path(__file__).resolve().parent.parent / "src" / "bastion" / "data" / "entities_default.json.gz"
)
_MILITARY = re.compile(
    r"\b(?:army|navy|naval|air force|marine corps|defen[cs]e|military|coast guard|national guard|"
    r"space force|armed forces)\b",
    re.IGNORECASE,
)
_KEPT_TYPES: Final = ("Federal", "State or territory", "Interstate")
_V2FLY_KINDS: Final = {
    "category-media-cn": "news_media",
    "category-media": "news_media",
    "category-hospital-cn": "public_institution",
    "category-bank-cn": "brand",
}
_NOT_NAMES: Final = frozenset(
    {
        *[
            "ads",
            "other",
            "english",
            "french",
            "german",
            "spanish",
            "arabic",
            "serbian",
            "portugeese",
            "cdn",
        ],
        *["infrastructure", "merchendise", "prime", "universal", "其他"],
        "other languages",
        "other projects",
        "comprehensive management",
        "ads/tracking",
        "rt.doc",
    }
)
_JUNK = re.compile(r"ICP|^All \.|备\d|\d{6}|^[a-z .]+$")


def _kind(name: str) -> str:
    return "military" if _MILITARY.search(name) else "government"


def _tsv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def all_entries(data: Path) -> list[Entry]:
    """Every entry the licensed sources give, deduplicated by case-folded name, sorted."""
    names: dict[str, tuple[str, str]] = {}
    accounts: dict[str, set[str]] = {}

    def add(name: str, kind: str, account: str | None = None) -> None:
        name = " ".join(name.split()).strip(" ,;")
        if len(name) < 3:
            return
        key = name.casefold()
        names.setdefault(key, (name, kind))
        if account:
            accounts.setdefault(key, set()).add(account.lower())

    gov = data / "us-dotgov-domains"
    for row in _tsv(gov / "agencies-and-subs.tsv"):
        for name in (row["agency"], row["bureau"]):
            if name:
                add(name, _kind(name))
    for row in _tsv(gov / "current-full.tsv"):
        if not row["domain_type"].startswith(_KEPT_TYPES):
            continue
        add(row["organization"], _kind(row["organization"]), row["domain"])
        if row["domain_type"].startswith("Federal") and row["suborganization"]:
            add(row["suborganization"], _kind(row["suborganization"]), row["domain"])
    for row in _tsv(data / "v2fly-domain-list-community" / "named-entries.tsv"):
        kind = _V2FLY_KINDS.get(row["category"])
        label = row["comment_label"].strip()
        if kind is None or not label or label.casefold() in _NOT_NAMES or _JUNK.search(label):
            continue
        parts = [p.strip() for p in label.split("/") if p.strip()]
        if not parts:
            continue
        account = row["value"] if row["rule_type"] in ("domain", "full") else None
        add(parts[0], kind, account)
        for alias in parts[1:]:
            add(alias, kind, account)
    return [
        Entry(name, kind, (), tuple(sorted(accounts.get(key, ()))[:64]))
        for key, (name, kind) in sorted(names.items())
    ]


def split(entries: list[Entry]) -> tuple[list[Entry], list[Entry]]:
    """(shipped, held out): a fixed shuffle, ``SHIPPED`` of the entries ship."""
    order = list(range(len(entries)))
    random.Random(SEED).shuffle(order)
    cut = round(SHIPPED * len(entries))
    shipped = sorted(order[:cut])
    held = sorted(order[cut:])
    return [entries[i] for i in shipped], [entries[i] for i in held]


def build(data: Path) -> bytes:
    shipped, _ = split(all_entries(data))
    document = compile_entries(shipped, source="bastion default (us-dotgov-domains CC0, v2fly MIT)")
    document["compiled_at"] = ""
    document["compile_seconds"] = 0
    return gzip.compress(json.dumps(document, ensure_ascii=False).encode("utf-8"), mtime=0)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=None)
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args(argv)
    payload = build(data_dir(args.data))
    if args.check:
        stale = not OUT.is_file() or OUT.read_bytes() != payload
        print(f"{OUT}: {'stale' if stale else 'up to date'}")
        return 1 if stale else 0
    OUT.write_bytes(payload)
    print(f"wrote {OUT} ({len(payload):,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
