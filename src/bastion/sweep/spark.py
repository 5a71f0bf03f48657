"""The Spark sweep engine: the same record functions inside ``mapInArrow``.

The home's compiled intel index (the ``CURRENT`` version only), policy and detector data are
packed into one tar shipped to every executor once (``SparkContext.addArchive``); each Python
worker opens it with ``Scanner.load`` the first time it is needed (the index is memory-mapped)
and keeps it while the worker lives. JSON Lines are read as text lines, CSV with a header
(quoted newlines allowed), Parquet as is; every record goes through ``records.Batch`` as on the
local engine, and the rows are written as Parquet partitioned by verdict, committed by Spark's
job commit (``_SUCCESS``). Counts come back through an accumulator.
"""

from __future__ import annotations

import tarfile
from collections.abc import Iterator
from functools import partial, reduce
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final
from urllib.parse import unquote, urlparse

import pyarrow as pa

from bastion.config import resolve_home
from bastion.intel.compile import current_version
from bastion.scanner import POLICY_FILE, Scanner
from bastion.sweep.local import ScanOptions
from bastion.sweep.records import COLUMNS, ROW_SCHEMA, Batch, Tally, format_of
from bastion.sweep.results import FINDINGS

if TYPE_CHECKING:
    from pyspark.sql import DataFrame, SparkSession

NOT_SHIPPED: Final = frozenset(
    {
        "bastion.db",
        "bastion.db-wal",
        "bastion.db-shm",
        "sweeps",
        "feeds",
        "shim-keys.json",
        "audit-checkpoint.key",
        "audit-checkpoints.jsonl",
        ".lock",
        "index",
        POLICY_FILE,
    }
)
"""What never leaves the home: the store, secrets, raw feeds, past sweeps (the index and the
policy are added on their own: only the version in force, and the policy the sweep uses)."""
BATCH_ROWS: Final = 5_000
SPARK_SCHEMA: Final = ", ".join(
    f"{f.name} array<string>" if pa.types.is_list(f.type) else f"{f.name} string"
    for f in ROW_SCHEMA
)


def pack_home(options: ScanOptions, folder: Path) -> Path:
    """One tar of what ``Scanner.load`` reads from the home; returns its path."""
    root = resolve_home(Path(options.home))
    version = None if options.no_feeds else current_version(root)
    archive = folder / f"bastion-home-{version or 'nofeeds'}.tar"
    with tarfile.open(archive, "w") as tar:
        for entry in sorted(root.iterdir()):
            if entry.name not in NOT_SHIPPED:
                tar.add(entry, arcname=entry.name)
        if version is not None:
            tar.add(root / "index" / "CURRENT", arcname="index/CURRENT")
            tar.add(root / "index" / version, arcname=f"index/{version}")
        policy = Path(options.policy) if options.policy else root / POLICY_FILE
        if policy.is_file():
            tar.add(policy, arcname=POLICY_FILE)
    return archive


_EXECUTOR: dict[tuple[str, ScanOptions], Scanner] = {}
"""Scanners of this Python worker by shipped archive: loaded once, kept while it lives."""


def _executor_scanner(archive: str, options: ScanOptions) -> Scanner:
    key = (archive, options)
    scanner = _EXECUTOR.get(key)
    if scanner is None:
        from pyspark import SparkFiles

        home = SparkFiles.get(archive)
        shipped = ScanOptions(home, None, options.no_feeds, options.ocr, options.max_text_chars)
        scanner = _EXECUTOR[key] = shipped.scanner()
    return scanner


def local_path(uri: str) -> str:
    """A ``file:`` URI as the path the local engine names; any other URI unchanged."""
    if uri.startswith("file:"):
        return unquote(urlparse(uri).path)
    return uri


def scan_batches(
    fmt: str, archive: str, options: ScanOptions, counts: Any, batches: Iterator[pa.RecordBatch]
) -> Iterator[pa.RecordBatch]:
    """The ``mapInArrow`` function: input rows in, finding rows out (executor side)."""
    scanner = _executor_scanner(archive, options)
    for record_batch in batches:
        batch = Batch()
        sources = [local_path(s) for s in record_batch.column("_source").to_pylist()]
        if fmt == "jsonl":
            lines = record_batch.column("value").to_pylist()
            for line, source in zip(lines, sources, strict=True):
                batch.scan_line(scanner, line or "", source, _folder(source))
        else:
            data = record_batch.drop_columns(["_source"]).to_pylist()
            for row, source in zip(data, sources, strict=True):
                batch.scan_row(scanner, row, source, _folder(source))
        counts.add(batch.tally.to_dict())
        if len(batch):
            yield from batch.table().select(list(COLUMNS)).to_batches()


def _folder(source: str) -> Path | None:
    return None if "://" in source else Path(source).parent


def _merge(left: dict[str, Any], right: dict[str, Any]) -> dict[str, Any]:
    tally = Tally.from_dict(left)
    tally.add(Tally.from_dict(right))
    return tally.to_dict()


def _read(spark: SparkSession, fmt: str, paths: list[str]) -> DataFrame:
    from pyspark.sql import functions as F

    source = F.col("_metadata.file_path").alias("_source")
    if fmt == "jsonl":
        return spark.read.text(paths).select(F.col("value"), source)
    if fmt == "csv":
        frame = spark.read.options(header=True, multiLine=True, escape='"').csv(paths)
        # A multi-line CSV file is one split: spread its rows over the cores.
        return frame.select("*", source).repartition(spark.sparkContext.defaultParallelism)
    return spark.read.parquet(*paths).select("*", source)


def sweep_spark(
    spark: SparkSession,
    inputs: list[str],
    out: Path,
    options: ScanOptions,
    input_format: str | None,
    work: Path,
) -> Tally:
    """Scan ``inputs`` on ``spark`` and write ``out/findings``; returns the counts."""
    from pyspark.accumulators import AccumulatorParam

    class TallyParam(AccumulatorParam[dict[str, Any]]):
        def zero(self, value: dict[str, Any]) -> dict[str, Any]:
            return Tally().to_dict()

        def addInPlace(self, value1: dict[str, Any], value2: dict[str, Any]) -> dict[str, Any]:
            return _merge(value1, value2)

    context = spark.sparkContext
    archive = pack_home(options, work)
    context.addArchive(str(archive))
    counts = context.accumulator(Tally().to_dict(), TallyParam())
    groups: dict[str, list[str]] = {}
    for name in inputs:
        groups.setdefault(format_of(name, input_format), []).append(name)
    frames = [
        _read(spark, fmt, paths).mapInArrow(
            partial(scan_batches, fmt, archive.name, options, counts), SPARK_SCHEMA
        )
        for fmt, paths in sorted(groups.items())
    ]
    result = reduce(lambda a, b: a.unionByName(b), frames)
    result.write.mode("overwrite").partitionBy("verdict").parquet(str(out / FINDINGS))
    return Tally.from_dict(counts.value)
