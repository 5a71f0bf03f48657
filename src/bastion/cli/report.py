"""``bastion report`` (transparency report) and ``bastion audit verify`` (audit chain check).

Both read the store of ``--home`` (else ``$BASTION_HOME``, else ``./.bastion``) or
``BASTION_DATABASE_URL``, and never create one: a store that does not exist, or cannot be opened,
exits 1 with one line. Report output is written with plain ``sys.stdout`` (never Rich markup),
because it carries hostile text such as tenant names. Bad arguments exit 2 with the reason.
"""

from __future__ import annotations

import os
import re
import sys
import tempfile
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from sqlalchemy.orm import Session

from bastion.cli.common import HomeOption, fail, store_for
from bastion.report import (
    Period,
    UnknownTenantError,
    read_snapshot,
    render,
    tenant_id_for_slug,
    transparency_stats,
)
from bastion.report.schema import TransparencyStats
from bastion.store.audit import VerifyReport, verify

_ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


class ReportFormat(StrEnum):
    JSON = "json"
    CSV = "csv"
    HTML = "html"


audit_app = typer.Typer(help="Check the hash-chained audit log.", no_args_is_help=True)


def parse_day(text: str, option: str) -> date:
    """``YYYY-MM-DD`` -> date, or a usage error (exit 2) that names the option and the problem."""
    if not _ISO_DAY.fullmatch(text.strip()):
        raise typer.BadParameter(f"{text!r} is not a date: use YYYY-MM-DD", param_hint=option)
    try:
        return date.fromisoformat(text.strip())
    except ValueError as exc:
        raise typer.BadParameter(
            f"{text!r} is not a valid date ({exc})", param_hint=option
        ) from None


def _write(text: str, out: Path | None) -> None:
    """To stdout, or atomically to ``out`` (a reader never sees half a report)."""
    if out is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    target = out.expanduser()
    if not target.parent.is_dir():
        fail(f"cannot write {out}: directory {target.parent} does not exist")
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
        os.replace(tmp, target)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        fail(f"cannot write {out}: {exc.strerror or exc}")


def report_command(
    date_from: Annotated[
        str, typer.Option("--from", help="first day of the period, YYYY-MM-DD (UTC)")
    ],
    date_to: Annotated[
        str, typer.Option("--to", help="last day of the period, YYYY-MM-DD (UTC, included)")
    ],
    fmt: Annotated[
        ReportFormat, typer.Option("--format", "-f", help="output format")
    ] = ReportFormat.JSON,
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="write to this file instead of stdout")
    ] = None,
    tenant: Annotated[
        str | None, typer.Option("--tenant", help="only this platform (tenant slug)")
    ] = None,
    home: HomeOption = None,
) -> None:
    """Transparency report: actions, reversals, appeals and reports counted from the store."""
    start, end = parse_day(date_from, "--from"), parse_day(date_to, "--to")
    try:
        Period(start, end)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--from/--to") from None

    def compute(session: Session) -> TransparencyStats:
        tenant_id = None if tenant is None else tenant_id_for_slug(session, tenant)
        return transparency_stats(session, date_from=start, date_to=end, tenant_id=tenant_id)

    with store_for(home, readonly=True) as store:
        try:
            stats = read_snapshot(store, compute)
        except UnknownTenantError as exc:
            raise typer.BadParameter(str(exc), param_hint="--tenant") from None
    _write(render(stats, fmt.value), out)
    if out is not None:
        typer.echo(f"wrote {fmt.value} report for {start}..{end} to {out}", err=True)


@audit_app.command("verify")
def verify_command(home: HomeOption = None) -> None:
    """Walk the audit chain; exit 0 with "ok: N events", or 1 naming the first bad event."""
    with store_for(home, readonly=True) as store:
        result: VerifyReport = store.run(verify, readonly=True)
    if result.ok:
        typer.echo(f"ok: {result.events_checked} events")
        return
    typer.echo(
        f"FAILED at seq {result.first_bad_seq}: {result.problem} "
        f"({result.events_checked} events verified before it)",
        err=True,
    )
    raise typer.Exit(code=1)
