"""Fixtures for the sweep suites: a home over the example feeds, one corpus written as JSON Lines,
CSV and Parquet, and one SparkSession on ``local[2]`` for the whole test session."""

from __future__ import annotations

import csv
import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from bastion.sweep.results import read_findings
from tests.support.homes import import_example_feeds

if TYPE_CHECKING:
    from pyspark.sql import SparkSession

REPO = Path(__file__).resolve().parents[2]
COLUMNS = ("id", "platform", "surface", "account_id", "text", "created_at")


@pytest.fixture(scope="session")
def sweep_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return import_example_feeds(tmp_path_factory.mktemp("sweep") / "home", source="sample")


def sample_records(copies: int = 1) -> list[dict[str, Any]]:
    """The text records of the bundled sample content (pictures left out), ``copies`` times
    under distinct ids."""
    base = []
    for line in (REPO / "examples" / "sample_content.jsonl").read_text("utf-8").splitlines():
        record = json.loads(line)
        if not record.get("images"):
            base.append({k: record.get(k) for k in COLUMNS if record.get(k) is not None})
    out = []
    for n in range(copies):
        for record in base:
            out.append({**record, "id": f"{record['id']}#{n}" if copies > 1 else record["id"]})
    return out


def write_jsonl(path: Path, records: list[dict[str, Any]], extra: list[str] | None = None) -> Path:
    lines = [json.dumps(r, ensure_ascii=False) for r in records] + list(extra or [])
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def write_csv(path: Path, records: list[dict[str, Any]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(COLUMNS)
        for r in records:
            writer.writerow([r.get(c, "") or "" for c in COLUMNS])
    return path


def write_parquet(path: Path, records: list[dict[str, Any]], row_group: int = 100) -> Path:
    table = pa.Table.from_pylist(
        [{c: r.get(c) for c in COLUMNS} for r in records],
        schema=pa.schema([(c, pa.string()) for c in COLUMNS]),
    )
    pq.write_table(table, path, row_group_size=row_group)
    return path


BAD_LINES = [
    '{"id": "bad-1", "text": "官网 bet888。com',
    '{"surface": "comment", "text": "a record without an id"}',
    '{"id": "bad-3", "text": 12345}',
    "",
]


@pytest.fixture
def corpus(tmp_path: Path) -> dict[str, Path]:
    """The same records three ways: JSON Lines (plus bad and blank lines), CSV and Parquet (the
    CSV and Parquet rows under other ids, so one sweep can take all three)."""
    records = sample_records()
    folder = tmp_path / "in"
    folder.mkdir()
    csv_rows = [{**r, "id": f"csv-{r['id']}"} for r in records]
    # A quoted newline inside a CSV cell must not end the record.
    csv_rows[0]["text"] = "line one\nline two 官网 bet888。com"
    return {
        "jsonl": write_jsonl(folder / "a.jsonl", records, BAD_LINES),
        "csv": write_csv(folder / "b.csv", csv_rows),
        "parquet": write_parquet(
            folder / "c.parquet", [{**r, "id": f"pq-{r['id']}"} for r in records]
        ),
    }


def rows(out: Path) -> list[dict[str, Any]]:
    """Every committed row of a sweep, in a stable order."""
    table = read_findings(out)
    found = table.to_pylist()
    return sorted(found, key=lambda r: (r["source"], str(r["item_id"]), r["text"] or ""))


@pytest.fixture(scope="session")
def spark() -> Iterator[SparkSession]:
    """One local[2] session for the test session (the JVM starts once)."""
    from pyspark.sql import SparkSession

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    session = (
        SparkSession.builder.master("local[2]")
        .appName("bastion-tests")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()
