"""``bastion claims import FILE`` and ``bastion credentials import FILE``: the operator data of the
rumours and credentials detectors, validated and compiled into the home.

Both replace the whole list atomically: a file with a mistake is refused with one line naming
its line and field, and the list in force stays as it was.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape

from bastion.cli.common import HomeOption, fail
from bastion.config import resolve_home
from bastion.detect import claimlist, credentials

claims_app = typer.Typer(help="The list of debunked claims the rumours detector matches.")
credentials_app = typer.Typer(help="Professional credentials held by accounts.")

FileArgument = Annotated[
    Path, typer.Argument(help="the file to import", exists=False, dir_okay=False)
]


@claims_app.command("import")
def import_claims(source: FileArgument, home: HomeOption = None) -> None:
    """Import ClaimReview JSON (one, a list, @graph, JSON Lines) or CSV claim,verdict,source_url."""
    root = resolve_home(home)
    try:
        claims = claimlist.import_file(root, source)
    except (claimlist.ClaimListError, OSError) as exc:
        fail(str(exc))
    Console(highlight=False).print(
        f"imported {len(claims):,} claims from {escape(source.name)} into "
        f"{escape(str(claimlist.path_in(root)))}"
    )


@credentials_app.command("import")
def import_credentials(source: FileArgument, home: HomeOption = None) -> None:
    """Import CSV account_id,domain,issuer,id (domain: medical, legal, financial, education,
    psychology)."""
    root = resolve_home(home)
    try:
        records = credentials.import_file(root, source)
    except (credentials.CredentialError, OSError) as exc:
        fail(str(exc))
    accounts = len({r.account_id for r in records})
    Console(highlight=False).print(
        f"imported {len(records):,} credentials of {accounts:,} accounts from {escape(source.name)}"
    )
