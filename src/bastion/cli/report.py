"""``bastion report`` (transparency report) and ``bastion audit verify|checkpoint`` (audit chain).

Each reads the store of ``--home`` (else ``$BASTION_HOME``, else ``./.bastion``) or
``BASTION_DATABASE_URL``, and never creates one: a store that does not exist, or cannot be opened,
exits 1 with one line. The audit commands keep their signed checkpoints and its key in the home.
Report output is written with plain ``sys.stdout`` (never Rich markup), because it carries hostile
text such as tenant names. Bad arguments exit 2 with the reason.
"""

from __future__ import annotations

import re
import sys
from datetime import UTC, date, datetime
from enum import StrEnum
from pathlib import Path
from typing import Annotated
from urllib.parse import urlsplit

import typer
from sqlalchemy.orm import Session

from bastion.atomic import umask, write_bytes_atomically
from bastion.cli.common import HomeOption, fail, open_store, store_for
from bastion.config import resolve_home
from bastion.enforce.webhooks import deliver
from bastion.netguard import guarded_client
from bastion.report import (
    Period,
    UnknownTenantError,
    read_snapshot,
    render,
    tenant_id_for_slug,
    transparency_stats,
)
from bastion.report.schema import TransparencyStats
from bastion.store import Store, checkpoint
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
    try:
        write_bytes_atomically(target, text.encode("utf-8"), mode=0o666 & ~umask())
    except OSError as exc:
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


def _store_name(store: Store) -> str:
    return store.engine.url.render_as_string(hide_password=True)


@audit_app.command("verify")
def verify_command(home: HomeOption = None) -> None:
    """Walk the audit chain and check it against the signed checkpoints; exit 0 with "ok: N
    events", or 1 with "FAILED at seq N: <reason>"."""
    root = resolve_home(home)
    with store_for(home, readonly=True) as store:
        try:
            key = checkpoint.load_key(root, create=False)
            found = checkpoint.anchors(root, _store_name(store), key)
            result: VerifyReport = store.run(lambda s: verify(s, anchors=found), readonly=True)
        except checkpoint.CheckpointError as exc:
            where = f"seq {exc.seq}" if exc.seq is not None else "checkpoint"
            typer.echo(f"FAILED at {where}: {exc}", err=True)
            raise typer.Exit(code=1) from None
    if result.ok:
        anchored = f", {len(found)} checkpoints met" if found else ""
        typer.echo(f"ok: {result.events_checked} events{anchored}")
        return
    typer.echo(
        f"FAILED at seq {result.first_bad_seq}: {result.problem} "
        f"({result.events_checked} events verified before it)",
        err=True,
    )
    raise typer.Exit(code=1)


@audit_app.command("checkpoint")
def checkpoint_command(
    home: HomeOption = None,
    webhook: Annotated[
        str | None, typer.Option(help="also POST the signed checkpoint to this http(s) URL")
    ] = None,
    allow_private: Annotated[
        bool, typer.Option(help="allow a private/loopback webhook address (on-premise receiver)")
    ] = False,
) -> None:
    """Verify the chain, then sign its head into $BASTION_HOME/audit-checkpoints.jsonl, so that
    events deleted later from the tail fail `bastion audit verify`."""
    root = resolve_home(home)
    store = open_store(home)
    try:
        key = checkpoint.load_key(root) or b""
        name = _store_name(store)
        found = checkpoint.anchors(root, name, key)
        now = datetime.now(UTC)

        def work(session: Session) -> tuple[VerifyReport, checkpoint.Checkpoint]:
            return verify(session, anchors=found), checkpoint.head(session, name, now)

        result, mark = store.run(work, readonly=True)
    except checkpoint.CheckpointError as exc:
        fail(str(exc))
    finally:
        store.close()
    if not result.ok:
        fail(f"not signing a broken chain: at seq {result.first_bad_seq}: {result.problem}")
    path = checkpoint.append(root, mark, key)
    typer.echo(f"checkpoint at seq {mark.seq} ({mark.hash[:16]}...) written to {path}")
    if webhook is not None:
        _send(webhook, mark, key, now, allow_private=allow_private)


def _send(
    url: str, mark: checkpoint.Checkpoint, key: bytes, now: datetime, *, allow_private: bool
) -> None:
    """POST the checkpoint through the guarded transport, signed like webhook notices."""
    body = mark.line(key).encode("utf-8")
    if urlsplit(url).scheme not in ("http", "https"):
        fail(f"--webhook must be an http(s) URL, not {url[:80]!r}")
    with guarded_client(allow_private=allow_private) as client:
        outcome = deliver(client, url, body, key, now, notice_id=f"checkpoint-{mark.seq}")
    if not outcome.delivered:
        fail(f"checkpoint written but not delivered to {url[:200]}: {outcome.error}")
    typer.echo(f"checkpoint delivered to {url[:200]}")
