"""One sweep from start to finish: choose or resume its folder, run an engine, diff, record.

A sweep's *key* is everything its findings depend on (inputs with size and modification time,
the chunking, the policy and index versions, the scan options, the engine, shadow or not). A
folder holding an unfinished sweep with the same key is resumed; one with another key, or a
finished one, is refused. Without ``--out`` the sweep goes to
``HOME/sweeps/CAMPAIGN/runs/STAMP`` and an unfinished run of the same key there is resumed.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from bastion.config import resolve_home
from bastion.scanner import Scanner
from bastion.sweep.defaults import DEFAULT_CHUNK_ITEMS
from bastion.sweep.diff import diff_sweeps, shadow_report
from bastion.sweep.local import (
    ScanOptions,
    clear_uncommitted,
    commit_chunk,
    committed_chunks,
    run_pool,
    scan_chunk,
)
from bastion.sweep.plan import Chunk, Source, expand_inputs, plan_chunks
from bastion.sweep.records import Tally, format_of
from bastion.sweep.results import (
    FORMAT_VERSION,
    MANIFEST,
    SweepError,
    campaign_dir,
    previous_sweep,
    read_manifest,
    record_finished,
    utc_now,
    write_manifest,
)

if TYPE_CHECKING:
    from pyspark.sql import SparkSession

ENGINES: Final = ("local", "spark")
RUNS: Final = "runs"


@dataclass(slots=True)
class SweepRequest:
    inputs: list[str]
    home: Path
    campaign: str = "default"
    engine: str = "local"
    out: Path | None = None
    workers: int = 2
    master: str = "local[2]"
    shadow: bool = False
    policy: Path | None = None
    no_feeds: bool = False
    ocr: bool = True
    max_text_chars: int = 20_000
    input_format: str | None = None
    chunk_items: int = DEFAULT_CHUNK_ITEMS


@dataclass(slots=True)
class SweepReport:
    out: Path
    manifest: dict[str, Any]
    resumed_chunks: int = 0
    scanned_chunks: int = 0
    seconds: float = 0.0
    diff: dict[str, Any] | None = None
    shadow: dict[str, Any] = field(default_factory=dict)


Progress = Callable[[int, int], None]
"""``(items_done, items_total)`` after each committed chunk."""


def _key(parts: dict[str, Any]) -> str:
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()[:24]


def _choose_out(request: SweepRequest, home: Path, key: str) -> Path:
    if request.out is not None:
        return request.out
    runs = campaign_dir(home, request.campaign) / RUNS
    if runs.is_dir():
        for folder in sorted(runs.iterdir(), reverse=True):
            try:
                manifest = read_manifest(folder)
            except SweepError:
                continue
            if manifest.get("status") == "running" and manifest.get("key") == key:
                return folder
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    return runs / stamp


def _open_out(out: Path, key: str) -> dict[str, Any] | None:
    """The unfinished manifest to resume at ``out``, None for a new sweep, or SweepError."""
    if not (out / MANIFEST).exists():
        if out.exists() and any(out.iterdir()):
            raise SweepError(f"{out} is not empty and holds no sweep: choose another --out")
        return None
    manifest = read_manifest(out)
    if manifest.get("status") == "complete":
        raise SweepError(f"the sweep at {out} is already complete: choose another --out")
    if manifest.get("key") != key:
        raise SweepError(
            f"{out} holds an unfinished sweep of other inputs, policy or options: "
            "rerun it with those, or choose another --out"
        )
    return manifest


def run_sweep(
    request: SweepRequest,
    progress: Progress | None = None,
    spark: SparkSession | None = None,
) -> SweepReport:
    """Run (or resume) one sweep and return what it did; SweepError for a refused one."""
    if request.engine not in ENGINES:
        raise SweepError(f"engine {request.engine!r} is not one of {', '.join(ENGINES)}")
    if request.workers < 1:
        raise SweepError("--workers must be at least 1")
    home = resolve_home(request.home)
    options = ScanOptions(
        str(home),
        str(request.policy.resolve()) if request.policy else None,
        request.no_feeds,
        request.ocr,
        request.max_text_chars,
    )
    scanner = options.scanner()  # fails here, once, on a missing index or a bad policy
    started = time.perf_counter()
    if request.engine == "local":
        try:
            sources = expand_inputs(request.inputs, request.input_format)
        except (ValueError, OSError) as exc:
            raise SweepError(str(exc)) from None
        source_list = [s.to_dict() for s in sources]
    else:
        sources = []
        try:
            source_list = [_spark_source(name, request.input_format) for name in request.inputs]
        except ValueError as exc:
            raise SweepError(str(exc)) from None
    plan_key = {
        "sources": source_list,
        "chunk_items": request.chunk_items,
        "engine": request.engine,
        "policy_version": scanner.policy.version,
        "index_version": None if request.no_feeds else str(scanner.index.version),
        "ocr": request.ocr,
        "max_text_chars": request.max_text_chars,
        "shadow": request.shadow,
        "campaign": request.campaign,
    }
    key = _key(plan_key)
    out = _choose_out(request, home, key)
    manifest = _open_out(out, key)
    if manifest is None:
        manifest = {
            "format": FORMAT_VERSION,
            "key": key,
            "status": "running",
            "started_at": utc_now(),
            "home": str(home),
            "policy": options.policy,
            **plan_key,
        }
        out.mkdir(parents=True, exist_ok=True)
        if request.engine == "local":
            manifest["chunks"] = [c.to_list() for c in plan_chunks(sources, request.chunk_items)]
        write_manifest(out, manifest)
    report = SweepReport(out, manifest)
    if request.engine == "local":
        tally = _sweep_local(request, out, sources, manifest, options, scanner, report, progress)
    else:
        tally = _sweep_spark(request, out, options, spark)
    report.seconds = time.perf_counter() - started
    manifest.update(
        status="complete",
        finished_at=utc_now(),
        tally=tally.to_dict(),
        workers=request.workers if request.engine == "local" else None,
        master=request.master if request.engine == "spark" else None,
    )
    write_manifest(out, manifest)
    previous = previous_sweep(home, request.campaign, out)
    if previous is not None:
        report.diff = diff_sweeps(previous, out).to_dict()
    report.shadow = shadow_report(out)
    manifest.update(diff=report.diff, shadow_rules=report.shadow)
    write_manifest(out, manifest)
    record_finished(home, request.campaign, out, request.shadow)
    return report


def _sweep_local(
    request: SweepRequest,
    out: Path,
    sources: list[Source],
    manifest: dict[str, Any],
    options: ScanOptions,
    scanner: Scanner,
    report: SweepReport,
    progress: Progress | None,
) -> Tally:
    chunks = [Chunk.from_list(raw) for raw in manifest["chunks"]]
    done = committed_chunks(out)
    pending = [c for c in chunks if c.id not in done]
    clear_uncommitted(out, {c.id for c in pending})
    tally = Tally()
    for chunk_tally in done.values():
        tally.add(chunk_tally)
    total = sum(c.items for c in chunks)
    finished = sum(c.items for c in chunks if c.id in done)
    report.resumed_chunks = len(chunks) - len(pending)
    if progress is not None:
        progress(finished, total)

    def on_done(chunk: Chunk, chunk_tally: Tally) -> None:
        nonlocal finished
        tally.add(chunk_tally)
        finished += chunk.items
        report.scanned_chunks += 1
        if progress is not None:
            progress(finished, total)

    if pending and request.workers == 1:
        # One worker: this process, with the scanner it has loaded (no pool to start).
        for chunk in pending:
            batch = scan_chunk(scanner, sources[chunk.source], chunk)
            on_done(chunk, commit_chunk(out, chunk.id, batch))
    elif pending:
        # This process scans too, with the scanner it has loaded, beside workers - 1 others.
        run_pool(out, sources, pending, options, request.workers, on_done, scanner)
    return tally


def _spark_source(name: str, input_format: str | None) -> dict[str, Any]:
    fmt = format_of(name, input_format)
    if "://" in name:
        return {"path": name, "format": fmt}
    path = Path(name)
    if not path.exists():
        raise ValueError(f"no such input file or folder: {path}")
    stat = path.stat()
    return {
        "path": str(path.resolve()),
        "format": fmt,
        "size": stat.st_size,
        "mtime_ns": stat.st_mtime_ns,
    }


def _sweep_spark(
    request: SweepRequest, out: Path, options: ScanOptions, spark: SparkSession | None
) -> Tally:
    from bastion.sweep.spark import sweep_spark

    owned = spark is None
    if spark is None:
        from pyspark.sql import SparkSession

        builder = SparkSession.builder.master(request.master).appName("bastion-sweep")
        if request.master.startswith("local"):
            # Local executors run this interpreter (it has Bastion) and listen on loopback only.
            os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
            os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
            builder = builder.config("spark.driver.host", "127.0.0.1").config(
                "spark.driver.bindAddress", "127.0.0.1"
            )

        spark = (
            builder.config("spark.ui.enabled", "false")
            .config("spark.ui.showConsoleProgress", "false")
            .getOrCreate()
        )
        spark.sparkContext.setLogLevel("ERROR")
    inputs = [n if "://" in n else str(Path(n).resolve()) for n in request.inputs]
    work = Path(tempfile.mkdtemp(prefix="bastion-sweep-"))
    try:
        return sweep_spark(spark, inputs, out, options, request.input_format, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
        if owned:
            spark.stop()
