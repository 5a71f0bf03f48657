"""A sweep's folder: its manifest, its committed result files, and the campaign's history.

```
OUT/sweep.json                      manifest: campaign, engine, inputs, plan, status, counts
OUT/findings/verdict=act/*.parquet  findings (Hive-partitioned by verdict; ``error`` holds
OUT/_chunks/SSSS-CCCCCC.json        bad records) and, for the local engine, one commit
                                    marker per chunk naming its files
HOME/sweeps/CAMPAIGN/sweeps.jsonl   finished sweeps of the campaign, oldest first
```
Readers take only committed files: those a chunk marker names (local engine) or those Spark's
job commit left (``_SUCCESS``), so a half-written chunk is never read.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Final

import pyarrow as pa
import pyarrow.dataset as ds

from bastion.atomic import write_bytes_atomically
from bastion.sweep.records import FILE_SCHEMA

MANIFEST: Final = "sweep.json"
FINDINGS: Final = "findings"
CHUNKS: Final = "_chunks"
SWEEPS_DIR: Final = "sweeps"
HISTORY: Final = "sweeps.jsonl"
FORMAT_VERSION: Final = 1
CAMPAIGN_NAME: Final = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")
PARTITIONING: Final = ds.partitioning(pa.schema([("verdict", pa.string())]), flavor="hive")


class SweepError(ValueError):
    """A sweep that cannot run or be read: a clear, one-line reason."""


def check_campaign(name: str) -> str:
    if not CAMPAIGN_NAME.fullmatch(name):
        raise SweepError(
            f"campaign name {name[:80]!r} must be 1-64 letters, digits, '.', '_' or '-'"
        )
    return name


def campaign_dir(home: Path, campaign: str) -> Path:
    return home / SWEEPS_DIR / check_campaign(campaign)


def utc_now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def read_manifest(out: Path) -> dict[str, Any]:
    try:
        manifest: dict[str, Any] = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise SweepError(f"no sweep at {out} (no {MANIFEST})") from None
    except (OSError, ValueError) as exc:
        raise SweepError(f"cannot read {out / MANIFEST}: {exc}") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT_VERSION:
        raise SweepError(f"{out / MANIFEST} is not a sweep manifest this version reads")
    return manifest


def write_manifest(out: Path, manifest: dict[str, Any]) -> None:
    write_bytes_atomically(out / MANIFEST, json.dumps(manifest, indent=1, sort_keys=True).encode())


def committed_files(out: Path, manifest: dict[str, Any]) -> list[Path]:
    """The result files of a finished sweep, and only those."""
    if manifest.get("status") != "complete":
        raise SweepError(f"the sweep at {out} is not complete (status {manifest.get('status')})")
    if manifest["engine"] == "local":
        files: list[Path] = []
        for marker in sorted((out / CHUNKS).glob("*.json")):
            files.extend(out / name for name in json.loads(marker.read_text("utf-8"))["files"])
        return files
    return sorted((out / FINDINGS).glob("verdict=*/*.parquet"))


def findings_dataset(out: Path) -> ds.Dataset:
    manifest = read_manifest(out)
    files = committed_files(out, manifest)
    return ds.dataset(
        [str(f) for f in files],
        schema=pa.schema([*FILE_SCHEMA, pa.field("verdict", pa.string())]),
        format="parquet",
        partitioning=PARTITIONING,
        partition_base_dir=str(out / FINDINGS),
    )


def read_findings(out: Path, columns: list[str] | None = None) -> pa.Table:
    """Every committed row (findings and error rows) of the sweep at ``out``."""
    return findings_dataset(out).to_table(columns=columns)


def iter_findings(out: Path, batch_rows: int = 5_000) -> Iterator[pa.RecordBatch]:
    """Committed finding rows (not error rows), in file order, batch by batch."""
    dataset = findings_dataset(out)
    yield from dataset.to_batches(filter=ds.field("verdict") != "error", batch_size=batch_rows)


def record_finished(home: Path, campaign: str, out: Path, shadow: bool) -> None:
    """Append a finished sweep to its campaign's history (what the next sweep diffs against)."""
    folder = campaign_dir(home, campaign)
    folder.mkdir(parents=True, exist_ok=True)
    line = json.dumps({"out": str(out.resolve()), "finished_at": utc_now(), "shadow": shadow})
    with (folder / HISTORY).open("a", encoding="utf-8") as stream:
        stream.write(line + "\n")
        stream.flush()
        os.fsync(stream.fileno())


def previous_sweep(home: Path, campaign: str, current: Path) -> Path | None:
    """The campaign's last finished, non-shadow sweep other than ``current`` that still exists."""
    history = campaign_dir(home, campaign) / HISTORY
    if not history.is_file():
        return None
    here = current.resolve()
    for line in reversed(history.read_text(encoding="utf-8").splitlines()):
        try:
            entry = json.loads(line)
        except ValueError:
            continue  # a line cut by a crash while appending
        path = Path(entry.get("out", ""))
        if entry.get("shadow") or path == here:
            continue
        try:
            if read_manifest(path).get("status") == "complete":
                return path
        except SweepError:
            continue
    return None
