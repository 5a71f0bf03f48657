"""Campaign sweep throughput: local engine on 1 and 2 workers, Spark ``local[2]``, findings
compared row for row, then ``bastion ingest`` of the findings into SQLite and PostgreSQL.

Items: the seeded real-message mix of ``bench.throughput`` (SMS, telecom texts, YouTube and
Weibo comments from ../shared/data), replayed under fresh ids to ``--items``, ``--dirty`` of
them (default 5 %) with a host of the real gambling/porn/scam lists spliced in, over the
evaluation home (the full real lists). Bars (issue 11): 10,000,000 items; Spark within 1.5x of
the local engine; identical findings; 1 -> 2 workers >= 1.7x; ingest >= 20,000 items/s.

``python -m bench.sweep [--items N] [--home DIR] [--work DIR] [--runs local1 local2 spark]
[--skip-spark] [--skip-ingest]``: with ``--work`` the generated items are kept and reused by the
next run with the same ``--items``/``--dirty``/``--pool`` (``bench.sweep_items``), so parts
can be rerun on their own (``--runs spark --skip-ingest``).
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import resource
import shutil
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

import pyarrow as pa

from bastion.store import Store
from bastion.store.queries import create_tenant
from bastion.sweep.ingest import ingest_sweep
from bastion.sweep.results import read_findings
from bastion.sweep.run import SweepRequest, run_sweep
from bench import common
from bench.bench_ingest import throwaway_database
from bench.sweep_items import items_file

TICKS = os.sysconf("SC_CLK_TCK")


def tree_cpu(root: int) -> float:
    """CPU seconds of process ``root`` and its live descendants, with the children each reaped
    (utime + stime + cutime + cstime from /proc): Spark's JVM and its Python workers."""
    parents: dict[int, int] = {}
    times: dict[int, float] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parents[int(entry.name)] = int(fields[1])
        times[int(entry.name)] = sum(int(x) for x in fields[11:15]) / TICKS
    total, stack = 0.0, [root]
    while stack:
        pid = stack.pop()
        total += times.get(pid, 0.0)
        stack.extend(child for child, parent in parents.items() if parent == pid)
    return total


def own_cpu() -> float:
    """CPU seconds of this process and its reaped children (the pool workers, once shut)."""
    me, children = (
        resource.getrusage(resource.RUSAGE_SELF),
        resource.getrusage(resource.RUSAGE_CHILDREN),
    )
    return me.ru_utime + me.ru_stime + children.ru_utime + children.ru_stime


def sorted_rows(out: Path) -> pa.Table:
    table = read_findings(out)
    return table.select(sorted(table.column_names)).sort_by(
        [("source", "ascending"), ("item_id", "ascending")]
    )


def _local_sweep(items: Path, home: Path, out: Path, workers: int, chunk: int) -> dict[str, Any]:
    report = run_sweep(
        SweepRequest(
            [str(items)],
            home,
            f"bench-local-{workers}",
            out=out,
            workers=workers,
            chunk_items=chunk,
        )
    )
    tally: dict[str, Any] = report.manifest["tally"]
    return tally


def local_run(items: Path, home: Path, out: Path, workers: int, chunk: int) -> dict[str, Any]:
    """One local sweep in a fresh process: RE2 builds its DFA states per process as it meets new
    text, and a process that had scanned the same items before (an earlier run of this bench)
    would scan them far cheaper than a sweep's process does (``bench.sweep_cpu``)."""
    context = multiprocessing.get_context("spawn")
    cpu = own_cpu()
    started = time.perf_counter()
    with ProcessPoolExecutor(max_workers=1, mp_context=context) as fresh:
        tally = fresh.submit(_local_sweep, items, home, out, workers, chunk).result()
    seconds = time.perf_counter() - started
    cpu = own_cpu() - cpu  # the fresh process and its pool, reaped
    return {
        "out": out,
        "seconds": round(seconds, 2),
        "cpu_seconds": round(cpu, 2),
        "items": tally["items"],
        "items_per_s": round(tally["items"] / seconds),
        "items_per_cpu_s": round(tally["items"] / cpu),
        "verdicts": tally["verdicts"],
    }


def spark_run(items: Path, home: Path, out: Path) -> dict[str, Any]:
    from pyspark.sql import SparkSession

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    began = time.perf_counter()
    spark = (
        SparkSession.builder.master("local[2]")
        .appName("bastion-bench")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.driver.memory", "2g")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    session_seconds = time.perf_counter() - began
    jvm = spark.sparkContext._gateway.proc.pid  # type: ignore[union-attr]
    try:
        cpu = own_cpu() + tree_cpu(jvm)
        started = time.perf_counter()
        report = run_sweep(
            SweepRequest([str(items)], home, "bench-spark", engine="spark", out=out), spark=spark
        )
        seconds = time.perf_counter() - started
        cpu = own_cpu() + tree_cpu(jvm) - cpu
    finally:
        spark.stop()
    tally = report.manifest["tally"]
    return {
        "out": out,
        "seconds": round(seconds, 2),
        "cpu_seconds": round(cpu, 2),
        "session_start_s": round(session_seconds, 2),
        "items": tally["items"],
        "items_per_s": round(tally["items"] / seconds),
        "items_per_cpu_s": round(tally["items"] / cpu),
        "verdicts": tally["verdicts"],
    }


def ingest_run(out: Path, url: str | None, work: Path, items: int) -> dict[str, Any]:
    shutil.rmtree(work, ignore_errors=True)  # the store of an earlier bench run
    store = Store.open(home=work / "store", url=url)
    try:
        with store.transaction() as session:
            create_tenant(session, slug="bench", name="Bench")
        started = time.perf_counter()
        first = ingest_sweep(store, out, tenant="bench", campaign="bench")
        seconds = time.perf_counter() - started
        started = time.perf_counter()
        again = ingest_sweep(store, out, tenant="bench", campaign="bench")
        again_seconds = time.perf_counter() - started
        dialect = store.dialect
    finally:
        store.close()
    return {
        "backend": dialect,
        "findings": first.findings,
        "seconds": round(seconds, 2),
        "findings_per_s": round(first.findings / seconds),
        "swept_items_per_s": round(items / seconds),
        "actions": first.actions,
        "campaign_counters": first.counters,
        "rerun_created": again.created,
        "rerun_duplicates": again.duplicates,
        "rerun_findings_per_s": round(again.findings / again_seconds),
    }


RUNS = ("local1", "local2", "spark")
FIGURE_NAMES = {"local1": "local_1_worker", "local2": "local_2_workers", "spark": "spark_local2"}


def compare(figures: dict[str, Any], runs: dict[str, dict[str, Any]]) -> None:
    """Scaling and agreement between the runs made (findings compared row for row)."""
    one, two, spark = runs.get("local1"), runs.get("local2"), runs.get("spark")
    if one and two:
        figures["scaling_1_to_2"] = round(one["seconds"] / two["seconds"], 2)
        # On a shared machine wall-clock scaling says more about the neighbours than the pool:
        # CPU per item with 2 workers against 1 tells whether the pool itself wastes work.
        figures["cpu_per_item_2_over_1"] = round(
            (two["cpu_seconds"] / two["items"]) / (one["cpu_seconds"] / one["items"]), 3
        )
        same_12 = sorted_rows(one["out"]).equals(sorted_rows(two["out"]))
        figures["findings_identical_1_vs_2_workers"] = same_12
    local = two or one
    if spark and local:
        figures["spark_over_local_time"] = round(spark["seconds"] / local["seconds"], 2)
        figures["spark_over_local_cpu"] = round(spark["cpu_seconds"] / local["cpu_seconds"], 2)
        figures["findings_identical_spark_vs_local"] = sorted_rows(spark["out"]).equals(
            sorted_rows(local["out"])
        )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=200_000)
    parser.add_argument("--dirty", type=float, default=0.05)
    parser.add_argument("--pool", type=int, default=50_000, help="distinct real messages")
    parser.add_argument("--chunk-items", type=int, default=10_000)
    parser.add_argument("--home", type=Path)
    parser.add_argument("--data", type=Path)
    parser.add_argument(
        "--work", type=Path, help="keep the items and results here (items reused next time)"
    )
    parser.add_argument(
        "--runs", nargs="+", choices=RUNS, default=list(RUNS), help="which sweeps to run"
    )
    parser.add_argument("--skip-spark", action="store_true")
    parser.add_argument("--skip-ingest", action="store_true")
    parser.add_argument(
        "--pg-admin-url", default="postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
    )
    args = parser.parse_args(argv)
    chosen = [run for run in RUNS if run in args.runs and not (run == "spark" and args.skip_spark)]
    data = common.data_dir(args.data)
    home = common.scanner_home(args.home, data)
    work = args.work or Path(tempfile.mkdtemp(prefix="bastion-sweep-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    figures: dict[str, Any] = {
        "items": args.items,
        "dirty_share": args.dirty,
        "cpus": os.cpu_count(),
        "runs": chosen,
    }
    try:
        items = work / "items.jsonl"
        began, began_cpu = time.perf_counter(), time.process_time()
        made = items_file(items, data, args.items, args.dirty, args.pool)
        figures["items_spliced"] = made["spliced"]
        figures["items_reused"] = made["reused"]
        if not made["reused"]:
            figures["generate_s"] = round(time.perf_counter() - began, 2)
            figures["generate_cpu_s"] = round(time.process_time() - began_cpu, 2)
        figures["load_before"] = os.getloadavg()[0]
        runs: dict[str, dict[str, Any]] = {}
        for run in chosen:
            out = work / run
            shutil.rmtree(out, ignore_errors=True)  # a finished sweep of an earlier bench run
            if run == "spark":
                runs[run] = spark_run(items, home, out)
            else:
                runs[run] = local_run(items, home, out, int(run[-1]), args.chunk_items)
            figures[FIGURE_NAMES[run]] = {k: v for k, v in runs[run].items() if k != "out"}
        compare(figures, runs)
        local = runs.get("local2") or runs.get("local1")
        if not args.skip_ingest and local:
            figures["ingest_sqlite"] = ingest_run(local["out"], None, work / "sqlite", args.items)
            with throwaway_database(args.pg_admin_url) as url:
                figures["ingest_postgresql"] = ingest_run(
                    local["out"], url, work / "pg", args.items
                )
        figures["load_after"] = os.getloadavg()[0]
    finally:
        if args.work is None:
            shutil.rmtree(work, ignore_errors=True)
    print(json.dumps(figures, indent=1))
    print(f"results: {common.write_result('sweep', figures)}")


if __name__ == "__main__":
    main()
