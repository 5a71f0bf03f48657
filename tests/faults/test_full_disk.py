"""A disk that fills up during an import or a scan leaves the earlier index and results whole."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from bastion.cli import app
from bastion.intel.compile import current_version
from bastion.model import Item
from bastion.scanner import Scanner
from bastion.sweep.results import CHUNKS, read_manifest
from tests.support.homes import import_example_feeds
from tests.sweep.conftest import rows, sample_records, write_jsonl

SAMPLE = Path(__file__).resolve().parents[2] / "examples" / "sample_content.jsonl"
runner = CliRunner()


def _leftovers(root: Path) -> list[str]:
    return sorted(
        str(p.relative_to(root))
        for p in root.rglob("*")
        if p.name.endswith(".tmp") or p.name.startswith(".build-")
    )


def _verdicts(home: Path) -> list[str]:
    scanner = Scanner.load(home)
    texts = ["join 10bet.com now", "官网 １８８ｂｅｔ。ｃｏｍ", "lunch at noon"]
    return [scanner.scan(Item(id=str(n), text=t)).verdict for n, t in enumerate(texts)]


@pytest.mark.slow
def test_an_import_that_fills_the_disk_keeps_the_index_in_force(
    tiny_disk: Callable[[int], Path], shared_data: Path, tmp_path: Path
) -> None:
    disk = tiny_disk(3 * 1024)
    home = disk / "home"
    import_example_feeds(home)
    version, before = current_version(home), _verdicts(home)
    listed_before = runner.invoke(app, ["feeds", "list", "--home", str(home)]).output
    big = shared_data / "blocklistproject-lists" / "phishing.txt"
    second = runner.invoke(
        app, ["feeds", "import", str(big), "--category", "phishing", "--home", str(home)]
    )
    assert second.exit_code == 1
    assert "No space left on device" in second.output
    assert current_version(home) == version
    assert _verdicts(home) == before
    assert runner.invoke(app, ["feeds", "list", "--home", str(home)]).output == listed_before
    assert _leftovers(home) == []
    assert not (home / "feeds" / "phishing").exists()
    small = tmp_path / "more-gambling.txt"
    small.write_text("fresh-bet-site.example\n")
    third = runner.invoke(
        app, ["feeds", "import", str(small), "--category", "gambling", "--home", str(home)]
    )
    assert third.exit_code == 0, third.output
    assert current_version(home) != version


@pytest.mark.slow
def test_a_scan_that_fills_the_disk_keeps_the_earlier_results(
    tiny_disk: Callable[[int], Path], tmp_path: Path
) -> None:
    home = tmp_path / "home"
    import_example_feeds(home)
    disk = tiny_disk(64)
    out = disk / "results.jsonl"
    small = disk / "small.jsonl"
    small.write_text(SAMPLE.read_text().splitlines()[0] + "\n")
    done = runner.invoke(app, ["scan", str(small), "--out", str(out), "--home", str(home)])
    assert done.exit_code == 0, done.output
    earlier = out.read_bytes()
    assert json.loads(earlier)["id"]
    big = tmp_path / "big.jsonl"
    line = json.loads(SAMPLE.read_text().splitlines()[0])
    with big.open("w") as handle:
        for n in range(2000):
            handle.write(json.dumps({**line, "id": f"big-{n}"}, ensure_ascii=False) + "\n")
    failed = runner.invoke(app, ["scan", str(big), "--out", str(out), "--home", str(home)])
    assert failed.exit_code == 1
    assert "No space left on device" in failed.output
    assert "earlier results file there is kept" in failed.output
    assert out.read_bytes() == earlier
    assert _leftovers(disk) == []
    assert shutil.disk_usage(disk).used < 32 * 1024


def _tree(root: Path) -> dict[str, bytes]:
    files = sorted(p for p in root.rglob("*") if p.is_file())
    return {str(p.relative_to(root)): p.read_bytes() for p in files}


@pytest.mark.slow
def test_a_sweep_that_fills_the_disk_keeps_the_previous_results_and_resumes(
    tiny_disk: Callable[[int], Path], tmp_path: Path
) -> None:
    """The campaign's earlier sweep on the same disk stays byte for byte; the stopped sweep keeps
    its committed chunks, leaves no temp file, and finishes when rerun once there is room."""
    home = tmp_path / "home"
    import_example_feeds(home)
    source = write_jsonl(tmp_path / "in.jsonl", sample_records())
    disk = tiny_disk(1024)

    def sweep(out: Path) -> Result:
        args = ["sweep", str(source), "--campaign", "c", "--out", str(out), "--workers", "1"]
        return runner.invoke(app, [*args, "--chunk-items", "20", "--home", str(home)])

    previous = disk / "previous"
    assert sweep(previous).exit_code == 0
    kept = _tree(previous)
    filler = disk / "filler"
    room = shutil.disk_usage(disk).free - sum(len(b) for b in kept.values()) // 3
    filler.write_bytes(b"\0" * max(0, room))  # room for about a third of another sweep
    out = disk / "next"
    stopped = sweep(out)
    assert stopped.exit_code == 1
    assert "No space left on device" in stopped.output
    assert _tree(previous) == kept
    manifest = read_manifest(out)
    committed = list((out / CHUNKS).glob("*.json"))
    assert manifest["status"] == "running" and 0 < len(committed) < len(manifest["chunks"])
    assert _leftovers(disk) == []
    filler.unlink()
    finished = sweep(out)
    assert finished.exit_code == 0, finished.output
    assert read_manifest(out)["status"] == "complete"
    assert _tree(previous) == kept
    again, before = rows(out), rows(previous)
    ids = [r["item_id"] for r in again]
    assert len(ids) == len(set(ids))
    assert again == before
