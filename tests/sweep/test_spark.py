"""The Spark engine on local[2] gives exactly the local engine's rows, and ships the home once
without its store or secrets."""

from __future__ import annotations

import tarfile
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from bastion.sweep.local import ScanOptions
from bastion.sweep.results import read_manifest
from bastion.sweep.run import SweepRequest, run_sweep
from bastion.sweep.spark import pack_home
from tests.sweep.conftest import rows

if TYPE_CHECKING:
    from pyspark.sql import SparkSession

pytestmark = pytest.mark.slow  # a JVM and a Spark session: scheduled first (conftest)


def test_spark_findings_equal_the_local_engines(
    spark: SparkSession, sweep_home: Path, corpus: dict[str, Path], tmp_path: Path
) -> None:
    inputs = [str(p) for p in corpus.values()]
    local = run_sweep(
        SweepRequest(inputs, sweep_home, "parity-local", out=tmp_path / "local", workers=2)
    )
    on_spark = run_sweep(
        SweepRequest(inputs, sweep_home, "parity-spark", engine="spark", out=tmp_path / "spark"),
        spark=spark,
    )
    assert read_manifest(on_spark.out)["tally"] == read_manifest(local.out)["tally"]
    expected = rows(local.out)
    assert len(expected) > 100
    assert rows(on_spark.out) == expected
    assert (on_spark.out / "findings" / "_SUCCESS").is_file()
    assert {p.name for p in (on_spark.out / "findings").glob("verdict=*")} == {
        p.name for p in (local.out / "findings").glob("verdict=*")
    }


def test_the_shipped_home_holds_the_index_in_force_and_no_secrets(
    sweep_home: Path, tmp_path: Path
) -> None:
    (sweep_home / "shim-keys.json").write_text("{}", encoding="utf-8")
    (sweep_home / "bastion.db").write_bytes(b"")
    try:
        archive = pack_home(ScanOptions(str(sweep_home)), tmp_path)
    finally:
        (sweep_home / "shim-keys.json").unlink()
        (sweep_home / "bastion.db").unlink()
    with tarfile.open(archive) as tar:
        names = tar.getnames()
    current = (sweep_home / "index" / "CURRENT").read_text("ascii").strip()
    assert "index/CURRENT" in names
    assert all(n.startswith(("index/CURRENT", f"index/{current}")) for n in names if "index" in n)
    assert not any(
        n.split("/")[0] in {"shim-keys.json", "bastion.db", "feeds", "sweeps"} for n in names
    )
