"""``bastion entities ...``: import the protected-entity registry, list what is loaded.

Thin layer over ``bastion.entities``: every problem of a file is printed as one ``error:`` line
with its line number, and any problem leaves the compiled registry as it was (exit 1).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from bastion.cli.common import HomeOption, fail, one_line, stderr_console
from bastion.config import resolve_home
from bastion.entities import (
    COMPILED,
    KINDS,
    EntityImportError,
    import_entities,
    load_document,
    registry_path,
)

entities_app = typer.Typer(
    help="Import and list the protected entities that impersonation is checked against.",
    no_args_is_help=True,
)
SHOWN_PROBLEMS = 20


def _console() -> Console:
    return Console(highlight=False, soft_wrap=True, width=None if sys.stdout.isatty() else 200)


@entities_app.command("import")
def import_command(
    file: Annotated[Path, typer.Argument(help="CSV or JSON Lines: name, kind, aliases, ...")],
    add_default: Annotated[
        bool,
        typer.Option("--add-default", help="keep the packaged entries beside the file's"),
    ] = False,
    home: HomeOption = None,
) -> None:
    """Validate FILE and compile it into the home (replacing the registry in force).

    Columns: name, kind (military, news_media, anchor, government, public_institution, official,
    brand), aliases and verified_accounts ('|'-separated), logo (an image path relative to FILE).
    """
    root = resolve_home(home)
    try:
        report = import_entities(file, root, add_default=add_default)
    except EntityImportError as exc:
        console = stderr_console()
        for problem in exc.problems[:SHOWN_PROBLEMS]:
            console.print(f"[red]error:[/red] {escape(one_line(problem))}")
        if len(exc.problems) > SHOWN_PROBLEMS:
            console.print(f"... and {len(exc.problems) - SHOWN_PROBLEMS:,} more problems")
        console.print(f"nothing imported; the registry under {escape(str(root))} is unchanged")
        raise typer.Exit(code=1) from None
    except (OSError, ValueError) as exc:
        fail(f"cannot import {file}: {exc}")
    kinds = ", ".join(f"{kind} {n:,}" for kind, n in sorted(report.by_kind.items()))
    _console().print(
        f"imported {report.entries:,} entities ({escape(kinds)}) from {escape(str(file))}: "
        f"{report.keys:,} keys, {report.logos:,} logos"
        + (f", {report.merged:,} duplicates merged" if report.merged else "")
        + f" -> {escape(str(report.path))}"
    )


@entities_app.command("list")
def list_command(
    as_json: Annotated[
        bool, typer.Option("--json", help="print the entries as JSON Lines")
    ] = False,
    kind: Annotated[str | None, typer.Option(help="only entries of this kind")] = None,
    home: HomeOption = None,
) -> None:
    """Show the registry in force (the home's own, else the packaged default)."""
    root = resolve_home(home)
    if kind is not None and kind not in KINDS:
        fail(f"kind {kind!r} is not one of {', '.join(KINDS)}")
    try:
        document = load_document(root)
    except (OSError, ValueError) as exc:
        fail(str(exc))
    entries = [e for e in document["entries"] if kind is None or e["kind"] == kind]
    if as_json:
        for entry in entries:
            typer.echo(json.dumps(entry, ensure_ascii=False))
        return
    console = _console()
    own = registry_path(root) == root / COMPILED
    console.print(
        f"registry {document['version']} ({'imported' if own else 'packaged default'}; "
        f"source {escape(str(document.get('source', '')))}): {len(document['entries']):,} "
        f"entities, {len(document['keys']):,} keys"
    )
    table = Table()
    for column in ("name", "kind", "aliases", "verified accounts", "logo"):
        table.add_column(column, overflow="fold")
    for entry in entries:
        accounts = entry["verified_accounts"]
        table.add_row(
            escape(entry["name"]),
            entry["kind"],
            escape(" | ".join(entry["aliases"])),
            escape(
                " | ".join(accounts[:3]) + (f" (+{len(accounts) - 3})" if len(accounts) > 3 else "")
            ),
            "yes" if entry.get("logo") else "",
        )
    console.print(table)
