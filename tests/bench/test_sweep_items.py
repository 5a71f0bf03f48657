"""The sweep bench's generated items: the fast writer gives the bytes of one ``json.dumps`` per
record for the same seeded draws, and a matching earlier file is reused, any other regenerated."""

from __future__ import annotations

import json
import os
import random
from pathlib import Path

from bench.sweep_items import (
    ACCOUNTS,
    CUES,
    SEED,
    SURFACES,
    items_file,
    listed_hosts,
    sidecar_of,
    write_items,
)
from bench.throughput import message_mix


def dumped_one_by_one(data: Path, total: int, dirty: float, pool: int) -> str:
    """The first writer of the bench: one record dict and one ``json.dumps`` per item."""
    rng = random.Random(SEED)
    texts = message_mix(data, pool)
    hosts = listed_hosts(data)
    lines = []
    for n in range(total):
        text = texts[n % len(texts)]
        if rng.random() < dirty:
            text = f"{text[:120]} {rng.choice(CUES)} {rng.choice(hosts)}"
        record = {
            "id": f"s-{n}",
            "platform": "bench",
            "surface": SURFACES[n % len(SURFACES)],
            "account_id": f"u-{int(ACCOUNTS * rng.random() ** 2)}",
            "text": text,
        }
        lines.append(json.dumps(record, ensure_ascii=False) + "\n")
    return "".join(lines)


def test_the_fast_writer_writes_what_dumping_each_record_wrote(
    shared_data: Path, tmp_path: Path
) -> None:
    path = tmp_path / "items.jsonl"
    spliced = write_items(path, shared_data, 3_000, 0.2, 700)
    written = path.read_text(encoding="utf-8")
    assert written == dumped_one_by_one(shared_data, 3_000, 0.2, 700)
    records = [json.loads(line) for line in written.splitlines()]
    assert len(records) == 3_000 and len({r["id"] for r in records}) == 3_000
    hosts = set(listed_hosts(shared_data))
    assert sum(r["text"].rsplit(" ", 1)[-1] in hosts for r in records) == spliced
    assert 450 < spliced < 750


def test_a_matching_file_is_reused_and_any_other_regenerated(
    shared_data: Path, tmp_path: Path
) -> None:
    path = tmp_path / "items.jsonl"
    first = items_file(path, shared_data, 500, 0.05, 300)
    assert not first["reused"] and first["items"] == 500
    again = items_file(path, shared_data, 500, 0.05, 300)
    assert again["reused"] and again["spliced"] == first["spliced"]
    other = items_file(path, shared_data, 600, 0.05, 300)
    assert not other["reused"] and len(path.read_text(encoding="utf-8").splitlines()) == 600
    with path.open("a", encoding="utf-8") as stream:  # changed since: its size no longer matches
        stream.write("{}\n")
    assert not items_file(path, shared_data, 600, 0.05, 300)["reused"]
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1))  # touched: not the same file
    assert not items_file(path, shared_data, 600, 0.05, 300)["reused"]
    sidecar_of(path).write_text("not json", encoding="utf-8")
    assert not items_file(path, shared_data, 600, 0.05, 300)["reused"]


def test_the_cpu_breakdown_times_every_stage(shared_data: Path, tmp_path: Path) -> None:
    from bench.sweep_cpu import measure
    from tests.support.homes import import_example_feeds

    home = import_example_feeds(tmp_path / "home", source="sample")
    source = tmp_path / "items.jsonl"
    write_items(source, shared_data, 400, 0.3, 200)
    lines = source.read_text(encoding="utf-8").splitlines()
    out = tmp_path / "out"
    figures = measure(lines, source, home, out)
    assert figures["items"] == 400 and 0 < figures["distinct_texts"] <= 400
    assert all(figures[k] > 0 for k in ("read_parse_us", "scan_first_us", "scan_again_us"))
    assert {"scan_again_bio_us", "scan_again_other_us", "precheck_ascii_first_us"} <= set(figures)
    assert figures["findings"] > 0 and (out / "_chunks" / "0000-000000.json").is_file()
