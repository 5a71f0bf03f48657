"""The local sweep engine: formats, findings equal to Scanner.scan, resume after kill -9, diff,
shadow sweeps and refusals."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import cast

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from bastion.cli import app as cli_app
from bastion.scanner import Scanner
from bastion.sweep import local
from bastion.sweep.plan import (
    Chunk,
    Source,
    csv_header,
    expand_inputs,
    plan_chunks,
    read_csv_rows,
    read_lines,
)
from bastion.sweep.records import Batch
from bastion.sweep.results import CHUNKS, MANIFEST, SweepError, read_manifest
from bastion.sweep.run import Progress, SweepRequest, run_sweep
from tests.sweep.conftest import REPO, rows, sample_records, write_jsonl


def sweep(home: Path, inputs: list[Path], out: Path | None, **options: object) -> object:
    progress = cast("Progress | None", options.pop("progress", None))
    request = SweepRequest(inputs=[str(p) for p in inputs], home=home, out=out, workers=1)
    for key, value in options.items():
        setattr(request, key, value)
    return run_sweep(request, progress)


def test_findings_are_the_scanners_in_every_format(
    sweep_home: Path, corpus: dict[str, Path], tmp_path: Path
) -> None:
    out = tmp_path / "out"
    report = sweep(sweep_home, list(corpus.values()), out, chunk_items=40, campaign="formats")
    manifest = read_manifest(out)
    assert manifest["status"] == "complete"
    records = sample_records()
    assert manifest["tally"]["items"] == 3 * len(records)
    assert manifest["tally"]["errors"] == 3 and manifest["tally"]["blank"] == 1
    assert report.scanned_chunks == len(manifest["chunks"]) > 3  # type: ignore[attr-defined]
    found = rows(out)
    errors = [r for r in found if r["verdict"] == "error"]
    assert sorted(str(r["item_id"]) for r in errors) == ["None", "None", "bad-3"]
    assert all(r["error"] for r in errors)
    scanner = Scanner.load(sweep_home)
    by_source: dict[str, dict[str, dict[str, object]]] = {}
    for r in found:
        if r["verdict"] != "error":
            by_source.setdefault(Path(r["source"]).suffix, {})[r["item_id"]] = r
    expected = {}
    for record in records:
        result = scanner.scan(record)
        if result.violations:
            expected[record["id"]] = (result.verdict, [v.rule for v in result.violations])
    assert expected, "the sample content holds findings"
    jsonl = {k: (v["verdict"], v["rules"]) for k, v in by_source[".jsonl"].items()}
    assert jsonl == expected
    parquet = {
        k.removeprefix("pq-"): (v["verdict"], v["rules"]) for k, v in by_source[".parquet"].items()
    }
    assert parquet == expected
    csv_found = {
        k.removeprefix("csv-"): (v["verdict"], v["rules"]) for k, v in by_source[".csv"].items()
    }
    first = records[0]["id"]
    csv_found.pop(first, None)
    assert csv_found == {k: v for k, v in expected.items() if k != first}
    quoted = by_source[".csv"][f"csv-{first}"]
    text = "line one\nline two 官网 bet888。com"
    assert quoted["text"] == text
    assert quoted["verdict"] == scanner.scan({**records[0], "text": text}).verdict != "allow"
    # Each finding row carries what ingest needs and the full result record.
    one = next(iter(by_source[".jsonl"].values()))
    assert json.loads(str(one["result"]))["id"] == one["item_id"]


def test_two_workers_find_what_one_finds_with_the_sweeps_own_process_as_one(
    sweep_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = write_jsonl(tmp_path / "items.jsonl", sample_records(copies=6))
    sweep(sweep_home, [source], tmp_path / "one", chunk_items=25, campaign="one")
    in_this_process: list[str] = []
    scan_here = local.scan_chunk

    def counted(scanner: Scanner, source: Source, chunk: Chunk) -> Batch:
        in_this_process.append(chunk.id)
        return scan_here(scanner, source, chunk)

    monkeypatch.setattr(local, "scan_chunk", counted)  # the spawned worker imports its own
    seen: list[tuple[int, int]] = []
    sweep(
        sweep_home,
        [source],
        tmp_path / "two",
        chunk_items=25,
        campaign="two",
        workers=2,
        progress=lambda done, total: seen.append((done, total)),
    )
    one, two = read_manifest(tmp_path / "one"), read_manifest(tmp_path / "two")
    planned = sorted(Chunk.from_list(c).id for c in two["chunks"])
    assert len(planned) > 2 * local.IN_FLIGHT_PER_WORKER
    assert in_this_process, "the sweep's own process scanned chunks beside its pool"
    assert sorted(p.stem for p in (tmp_path / "two" / CHUNKS).glob("*.json")) == planned
    assert two["tally"] == one["tally"]
    assert rows(tmp_path / "two") == rows(tmp_path / "one")
    total = two["tally"]["items"]
    assert seen[-1] == (total, total) and len(seen) == len(planned) + 1


def test_chunks_cut_whole_records(tmp_path: Path) -> None:
    lines = tmp_path / "x.jsonl"
    lines.write_bytes(b'{"id":"1","text":"a"}\n\n{"id":"2","text":"b"}\n{"id":"3","text":"c"}')
    source = expand_inputs([str(lines)])
    chunks = plan_chunks(source, 2)
    assert [c.items for c in chunks] == [2, 2]
    assert [read_lines(str(lines), c) for c in chunks] == [
        ['{"id":"1","text":"a"}', ""],
        ['{"id":"2","text":"b"}', '{"id":"3","text":"c"}'],
    ]
    table = tmp_path / "x.csv"
    table.write_text('id,text\n1,"a\nb ""q"" c"\n2,plain\n3,"x,y"\n', encoding="utf-8")
    chunks = plan_chunks(expand_inputs([str(table)]), 1)
    header = csv_header(str(table))
    got = [list(read_csv_rows(str(table), c, header)) for c in chunks]
    assert got == [
        [{"id": "1", "text": 'a\nb "q" c'}],
        [{"id": "2", "text": "plain"}],
        [{"id": "3", "text": "x,y"}],
    ]


def _cli(home: Path, *args: str) -> list[str]:
    code = "import sys; from bastion.cli import main; sys.argv[0] = 'bastion'; main()"
    return [sys.executable, "-c", code, *args, "--home", str(home)]


@pytest.mark.slow
def test_a_killed_sweep_resumes_and_writes_nothing_twice(sweep_home: Path, tmp_path: Path) -> None:
    records = sample_records(copies=20)
    source = write_jsonl(tmp_path / "big.jsonl", records)
    out = tmp_path / "killed"
    args = [str(source), "--out", str(out), "--chunk-items", "100", "--workers", "1"]
    process = subprocess.Popen(
        _cli(sweep_home, "sweep", *args, "--campaign", "killed"),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        while len(list((out / CHUNKS).glob("*.json"))) < 3:  # until 3 chunks or its end
            assert process.poll() is None, "the sweep ended before it could be killed"
            time.sleep(0.01)
    finally:
        os.killpg(process.pid, signal.SIGKILL)  # the sweep and its pool workers
        process.wait()
    manifest = read_manifest(out)
    assert manifest["status"] == "running"
    committed = {p.stem: p.stat().st_mtime_ns for p in (out / CHUNKS).glob("*.json")}
    total = len(manifest["chunks"])
    assert 3 <= len(committed) < total
    # A chunk renamed into place but never committed is removed, not read twice.
    pending = next(c for c in manifest["chunks"] if f"{c[0]:04d}-{c[1]:06d}" not in committed)
    stray = out / "findings" / "verdict=act" / f"{pending[0]:04d}-{pending[1]:06d}.parquet"
    stray.parent.mkdir(parents=True, exist_ok=True)
    stray.write_bytes(b"half a file")
    report = sweep(sweep_home, [source], out, chunk_items=100, campaign="killed")
    resumed = report.resumed_chunks  # type: ignore[attr-defined]
    assert resumed >= len(committed) and report.scanned_chunks == total - resumed  # type: ignore[attr-defined]
    for stem, mtime in committed.items():
        assert (out / CHUNKS / f"{stem}.json").stat().st_mtime_ns == mtime  # not redone
    found = [r for r in rows(out) if r["verdict"] != "error"]
    ids = [r["item_id"] for r in found]
    assert len(ids) == len(set(ids))
    reference = tmp_path / "whole"
    sweep(sweep_home, [source], reference, chunk_items=100, campaign="whole")
    assert found == [r for r in rows(reference) if r["verdict"] != "error"]
    assert read_manifest(out)["tally"] == read_manifest(reference)["tally"]


SHADOW_LISTED = "    outcome: disable_link\n    mode: shadow\n"


def shadow_policy(tmp_path: Path) -> Path:
    text = (REPO / "policies" / "default.yaml").read_text("utf-8")
    head, rest = text.split("  - id: link.listed\n", 1)
    rest = rest.replace("    outcome: disable_link\n", SHADOW_LISTED, 1)
    path = tmp_path / "shadow.yaml"
    path.write_text(head + "  - id: link.listed\n" + rest, encoding="utf-8")
    return path


def test_diff_against_the_campaigns_last_sweep_and_a_shadow_sweep(
    sweep_home: Path, tmp_path: Path
) -> None:
    records = sample_records()
    first = write_jsonl(tmp_path / "first.jsonl", records)
    first_run = sweep(sweep_home, [first], None, campaign="diffs")
    assert first_run.diff is None  # type: ignore[attr-defined]
    scanner = Scanner.load(sweep_home)
    flagged = [r for r in records if scanner.scan(r).violations]
    clean = [r for r in records if not scanner.scan(r).violations]
    dropped, made_clean, made_dirty = flagged[0], flagged[1], clean[0]
    second_records = []
    for r in records:
        if r is dropped:
            continue
        if r is made_clean:
            r = {**r, "text": "nothing to see here"}
        if r is made_dirty:
            r = {**r, "text": r["text"] + " 官网 bet888。com"}
        second_records.append(r)
    second_records.append({"id": "brand-new", "text": "join bet888。com now"})
    second = write_jsonl(tmp_path / "second.jsonl", second_records)
    report = sweep(sweep_home, [second], None, campaign="diffs")
    diff = report.diff  # type: ignore[attr-defined]
    assert diff["previous"] == str(first_run.out)  # type: ignore[attr-defined]
    assert (diff["new"], diff["gone"]) == (2, 2)
    assert diff["changed"] == 0 and diff["unchanged"] == len(flagged) - 2
    table = pq.read_table(report.out / "diff.parquet").to_pylist()  # type: ignore[attr-defined]
    assert {(r["item_id"], r["change"]) for r in table} == {
        (dropped["id"], "gone"),
        (made_clean["id"], "gone"),
        (made_dirty["id"], "new"),
        ("brand-new", "new"),
    }
    # A shadow sweep with link.listed in shadow mode reports what it would change against the
    # last real sweep, and is never the baseline of the next one.
    shadow = sweep(
        sweep_home, [second], None, campaign="diffs", shadow=True, policy=shadow_policy(tmp_path)
    )
    moved = shadow.diff  # type: ignore[attr-defined]
    assert moved["previous"] == str(report.out)  # type: ignore[attr-defined]
    assert moved["changed"] > 0 and moved["verdict_moves"].get("act->allow", 0) > 0
    assert shadow.shadow["by_shadow_rule"]["link.listed"] > 0  # type: ignore[attr-defined]
    assert shadow.shadow["would_change"] >= moved["verdict_moves"]["act->allow"]  # type: ignore[attr-defined]
    again = sweep(sweep_home, [second], None, campaign="diffs", chunk_items=7)
    assert again.diff["previous"] == str(report.out)  # type: ignore[attr-defined]
    assert (again.diff["new"], again.diff["gone"], again.diff["changed"]) == (0, 0, 0)  # type: ignore[attr-defined]


def test_refusals_are_one_line(sweep_home: Path, corpus: dict[str, Path], tmp_path: Path) -> None:
    runner = CliRunner()
    out = tmp_path / "done"
    base = ["sweep", "--home", str(sweep_home), "--workers", "1"]
    ok = runner.invoke(cli_app, [*base, str(corpus["parquet"]), "--out", str(out)])
    assert ok.exit_code == 0, ok.output
    again = runner.invoke(cli_app, [*base, str(corpus["parquet"]), "--out", str(out)])
    assert again.exit_code == 1 and "already complete" in again.output
    missing = runner.invoke(cli_app, [*base, str(tmp_path / "nope.jsonl")])
    assert missing.exit_code == 1 and "no such input" in missing.output
    odd = tmp_path / "data.txt"
    odd.write_text("x", encoding="utf-8")
    unknown = runner.invoke(cli_app, [*base, str(odd)])
    assert unknown.exit_code == 1 and "--format" in unknown.output
    bad_name = runner.invoke(cli_app, [*base, str(corpus["parquet"]), "--campaign", "../x"])
    assert bad_name.exit_code == 1 and "campaign name" in bad_name.output
    other = tmp_path / "other"
    (other / "x").mkdir(parents=True)
    busy = runner.invoke(cli_app, [*base, str(corpus["parquet"]), "--out", str(other)])
    assert busy.exit_code == 1 and "not empty" in busy.output
    no_index = runner.invoke(cli_app, ["sweep", "--home", str(tmp_path / "h"), str(odd)])
    assert no_index.exit_code == 1 and "no compiled intel index" in no_index.output
    with pytest.raises(SweepError, match="engine"):
        sweep(sweep_home, [corpus["parquet"]], tmp_path / "e", engine="flink")
    assert not (tmp_path / "e" / MANIFEST).exists()
