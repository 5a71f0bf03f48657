"""The sweep bench's input: the seeded real-message mix of ``bench.throughput`` replayed under
fresh ids, ``dirty`` of the items with a host of the real gambling/porn/scam lists spliced in,
written as JSON Lines. Generated once and reused: a sidecar (``items.json``) records what the
file holds, so a rerun with the same ``--work`` and the same options skips the generation.

The writer formats each line itself (each distinct text JSON-encoded once, not every record
dumped), a block of lines at a time: 10M items cost about a minute of CPU. The bytes are those
``json.dumps(record, ensure_ascii=False)`` gives for the same seeded draws, so figures measured
on files of either writer compare (a test holds the two to it).
"""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any, Final

from bench import common
from bench.throughput import message_mix

SEED: Final = 11
SURFACES: Final = (
    "post",
    "comment",
    "chat",
    "post",
    "comment",
    "post",
    "chat",
    "post",
    "comment",
    "bio",
)
"""Mostly posts, comments and chats; one in ten a bio (profile surfaces run the impersonation
detector, the costliest)."""
CUES: Final = ("see", "join", "visit", "官网", "加我", "注册")
LISTS: Final = (
    "sinfonietta-hostfiles/gambling.txt",
    "sinfonietta-hostfiles/pornography.txt",
    "blocklistproject-lists/scam.txt",
)
ACCOUNTS: Final = 200_000
BLOCK_LINES: Final = 65_536
GENERATOR: Final = 1
"""Bumped whenever the bytes written for the same options change (a sidecar of another
generator is not reused)."""


def listed_hosts(data: Path, per_list: int = 3_000) -> list[str]:
    hosts: list[str] = []
    for rel in LISTS:
        path = data / rel
        if path.is_file():
            found = [h for h in common.read_hosts(path) if "." in h]
            hosts += random.Random(SEED).sample(found, min(per_list, len(found)))
    if not hosts:
        raise SystemExit(f"no listed hosts under {data}")
    return hosts


def write_items(path: Path, data: Path, total: int, dirty: float, pool: int) -> int:
    """``total`` items as JSON Lines; returns how many had a listed host spliced in."""
    rng = random.Random(SEED)
    draw, choose = rng.random, rng.choice
    texts = message_mix(data, pool)
    encoded = [json.dumps(text, ensure_ascii=False) for text in texts]
    hosts = listed_hosts(data)
    heads = [f'", "platform": "bench", "surface": "{s}", "account_id": "u-' for s in SURFACES]
    count, cycle = len(texts), len(SURFACES)
    spliced = 0
    with path.open("w", encoding="utf-8") as stream:
        for start in range(0, total, BLOCK_LINES):
            lines: list[str] = []
            for n in range(start, min(total, start + BLOCK_LINES)):
                at = n % count
                if draw() < dirty:
                    text = json.dumps(
                        f"{texts[at][:120]} {choose(CUES)} {choose(hosts)}", ensure_ascii=False
                    )
                    spliced += 1
                else:
                    text = encoded[at]
                account = int(ACCOUNTS * draw() ** 2)
                lines.append(f'{{"id": "s-{n}{heads[n % cycle]}{account}", "text": {text}}}\n')
            stream.write("".join(lines))
    return spliced


def sidecar_of(items: Path) -> Path:
    return items.with_suffix(".json")


def wanted(total: int, dirty: float, pool: int) -> dict[str, Any]:
    return {"generator": GENERATOR, "seed": SEED, "items": total, "dirty": dirty, "pool": pool}


def reusable(items: Path, options: dict[str, Any]) -> dict[str, Any] | None:
    """The sidecar of ``items`` if the file is the one it describes for ``options``, else None."""
    try:
        recorded = json.loads(sidecar_of(items).read_text(encoding="utf-8"))
        stat = items.stat()
    except (OSError, ValueError):
        return None
    if not isinstance(recorded, dict):
        return None
    same_file = (
        recorded.get("size") == stat.st_size and recorded.get("mtime_ns") == stat.st_mtime_ns
    )
    if same_file and all(recorded.get(k) == v for k, v in options.items()):
        return recorded
    return None


def items_file(items: Path, data: Path, total: int, dirty: float, pool: int) -> dict[str, Any]:
    """Generate ``items`` unless a matching earlier file is there; returns its sidecar, with
    ``reused`` saying which."""
    options = wanted(total, dirty, pool)
    recorded = reusable(items, options)
    if recorded is not None:
        return {**recorded, "reused": True}
    sidecar_of(items).unlink(missing_ok=True)
    spliced = write_items(items, data, total, dirty, pool)
    stat = items.stat()
    recorded = {**options, "spliced": spliced, "size": stat.st_size, "mtime_ns": stat.st_mtime_ns}
    sidecar_of(items).write_text(json.dumps(recorded, indent=1), encoding="utf-8")
    return {**recorded, "reused": False}
