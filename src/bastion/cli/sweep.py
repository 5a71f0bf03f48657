"""``bastion sweep`` (a campaign re-scan, local or on Spark) and ``bastion ingest`` (its findings
into the enforcement service). Both are thin: they parse options, call ``bastion.sweep`` and
print what happened; every piece of user text shown is escaped. The sweep modules read Arrow
(pyarrow, and pandas behind it): they are imported when a command runs, not when any ``bastion``
command starts."""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn
from rich.table import Table
from sqlalchemy.exc import SQLAlchemyError

from bastion.cli.common import HomeOption, describe_db_error, fail, open_store
from bastion.cli.scan import NoFeedsOption, NoOcrOption
from bastion.cli.serve import LADDER_FILE
from bastion.config import resolve_home
from bastion.enforce import Ladder
from bastion.intel import IntelIndexError
from bastion.model import DEFAULT_MAX_TEXT_CHARS
from bastion.policy import PolicyError
from bastion.sweep.defaults import DEFAULT_BATCH, DEFAULT_CAMPAIGN_DAYS, DEFAULT_CHUNK_ITEMS

if TYPE_CHECKING:
    from bastion.sweep.run import SweepReport


def _progress(console: Console, label: str) -> Progress:
    return Progress(
        TextColumn(label),
        BarColumn(),
        TextColumn("{task.completed:,}/{task.total:,} items"),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        console=console,
        disable=not console.is_terminal,
    )


def _summary(report: SweepReport) -> Table:
    manifest = report.manifest
    tally = manifest["tally"]
    table = Table(title=f"bastion sweep: {escape(str(manifest['campaign']))}")
    table.add_column("measure")
    table.add_column("value", justify="right")
    table.add_row("results", escape(str(report.out)))
    table.add_row("engine", str(manifest["engine"]) + (" (shadow)" if manifest["shadow"] else ""))
    table.add_row("items", f"{tally['items']:,}")
    table.add_row("bad records", f"{tally['errors']:,}")
    table.add_row("blank lines", f"{tally['blank']:,}")
    for verdict, count in tally["verdicts"].items():
        table.add_row(f"verdict {escape(verdict)}", f"{count:,}")
    if manifest["engine"] == "local":
        table.add_row("chunks resumed (already committed)", str(report.resumed_chunks))
        table.add_row("chunks scanned", str(report.scanned_chunks))
    diff = report.diff
    if diff is None:
        table.add_row("diff", "no earlier sweep of this campaign")
    else:
        table.add_row("diff against", escape(str(diff["previous"])))
        for key in ("new", "gone", "changed", "unchanged"):
            table.add_row(f"  findings {key}", f"{diff[key]:,}")
    shadow = report.shadow
    table.add_row("would change if shadow rules acted", f"{shadow['would_change']:,}")
    for rule, count in shadow["by_shadow_rule"].items():
        table.add_row(f"  {escape(rule)}", f"{count:,}")
    table.add_row("time", f"{report.seconds:.2f} s")
    rate = tally["items"] / report.seconds if report.seconds else 0.0
    table.add_row("items/s", f"{rate:,.0f}")
    return table


def sweep_command(
    inputs: Annotated[
        list[str],
        typer.Argument(
            metavar="INPUT...",
            help="JSON Lines, CSV or Parquet files or folders (Spark: also any URI it reads)",
        ),
    ],
    engine: Annotated[str, typer.Option(help="local (process pool) or spark")] = "local",
    master: Annotated[str, typer.Option(help="Spark master URL (--engine spark)")] = "local[2]",
    out: Annotated[
        Path | None,
        typer.Option("--out", "-o", help="results folder (default: HOME/sweeps/CAMPAIGN/runs/…)"),
    ] = None,
    campaign: Annotated[str, typer.Option(help="campaign name (diffs and ingest)")] = "default",
    workers: Annotated[int, typer.Option(min=1, help="worker processes (local)")] = 2,
    shadow: Annotated[
        bool,
        typer.Option(
            "--shadow",
            help="report what this policy would change against the campaign's last sweep; "
            "never the campaign's baseline and never ingested",
        ),
    ] = False,
    policy: Annotated[Path | None, typer.Option(help="policy YAML to use instead")] = None,
    input_format: Annotated[
        str | None, typer.Option("--format", help="jsonl, csv or parquet (default: by suffix)")
    ] = None,
    chunk_items: Annotated[
        int, typer.Option(min=1, help="records per checkpointed chunk (local)")
    ] = DEFAULT_CHUNK_ITEMS,
    max_text_chars: Annotated[int, typer.Option(min=1)] = DEFAULT_MAX_TEXT_CHARS,
    home: HomeOption = None,
    no_feeds: NoFeedsOption = False,
    no_ocr: NoOcrOption = False,
) -> None:
    """Scan every record of INPUT... for a campaign; a killed local sweep resumes when rerun."""
    from bastion.sweep.results import SweepError
    from bastion.sweep.run import SweepRequest, run_sweep

    errors = Console(stderr=True, highlight=False)
    request = SweepRequest(
        inputs=inputs,
        home=resolve_home(home),
        campaign=campaign,
        engine=engine,
        out=out,
        workers=workers,
        master=master,
        shadow=shadow,
        policy=policy,
        no_feeds=no_feeds,
        ocr=not no_ocr,
        max_text_chars=max_text_chars,
        input_format=input_format,
        chunk_items=chunk_items,
    )
    progress = _progress(errors, "sweeping")
    task = progress.add_task("sweep", total=None)

    def advance(done: int, total: int) -> None:
        progress.update(task, completed=done, total=total)

    try:
        with progress:
            report = run_sweep(request, progress=advance)
    except (SweepError, IntelIndexError, PolicyError) as exc:
        fail(str(exc))
    except OSError as exc:
        fail(f"sweep stopped by an I/O error: {exc.strerror or exc}")
    errors.print(_summary(report))
    if no_feeds:
        errors.print("[yellow]swept with --no-feeds: no link was checked against feeds[/yellow]")


def ingest_command(
    results: Annotated[Path, typer.Argument(metavar="RESULTS_DIR", help="a finished sweep")],
    tenant: Annotated[str, typer.Option(help="tenant slug the findings belong to")],
    campaign: Annotated[
        str | None, typer.Option(help="campaign to count them in (default: the sweep's)")
    ] = None,
    campaign_days: Annotated[
        int, typer.Option(min=1, max=366, help="length of a campaign created here")
    ] = DEFAULT_CAMPAIGN_DAYS,
    batch: Annotated[
        int, typer.Option(min=1, max=50_000, help="findings per transaction")
    ] = DEFAULT_BATCH,
    home: HomeOption = None,
) -> None:
    """Enforce a sweep's findings; running it again adds nothing."""
    from bastion.sweep.ingest import ingest_sweep
    from bastion.sweep.results import SweepError

    errors = Console(stderr=True, highlight=False)
    root = resolve_home(home)
    ladder_path = root / LADDER_FILE
    ladder = Ladder.load(ladder_path) if ladder_path.is_file() else Ladder.default()
    store = open_store(home)
    progress = _progress(errors, "ingesting")
    task = progress.add_task("ingest", total=None)
    started = time.perf_counter()
    try:
        with progress:
            report = ingest_sweep(
                store,
                results,
                tenant=tenant,
                campaign=campaign,
                ladder=ladder,
                batch_rows=batch,
                campaign_days=campaign_days,
                progress=lambda done, total: progress.update(task, completed=done, total=total),
            )
    except SweepError as exc:
        fail(str(exc))
    except SQLAlchemyError as exc:
        fail(f"database error: {describe_db_error(exc)}")
    finally:
        store.close()
    seconds = time.perf_counter() - started
    table = Table(title="bastion ingest")
    table.add_column("measure")
    table.add_column("value", justify="right")
    rows: list[tuple[str, Any]] = [
        ("tenant", escape(report.tenant)),
        ("campaign", f"{escape(report.campaign)} (id {report.campaign_id})"),
        ("findings read", f"{report.findings:,}"),
        ("enforced now", f"{report.created:,}"),
        ("already in (nothing added)", f"{report.duplicates:,}"),
        ("actions taken", f"{report.actions:,}"),
    ]
    for key, value in (report.counters or {}).items():
        rows.append((f"campaign {key}", f"{value:,}"))
    rows.append(("time", f"{seconds:.2f} s"))
    rows.append(("findings/s", f"{report.findings / seconds:,.0f}" if seconds else "-"))
    for key, value in rows:
        table.add_row(key, str(value))
    errors.print(table)
