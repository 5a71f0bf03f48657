"""The ``bastion`` command line: thin Typer commands over the scan core and the intel index."""

from __future__ import annotations

import typer

from bastion.cli.claims import claims_app, credentials_app
from bastion.cli.clusters import clusters_command, topics_app
from bastion.cli.entities import entities_app
from bastion.cli.explain import explain_command
from bastion.cli.feeds import feeds_app
from bastion.cli.model import model_app
from bastion.cli.report import audit_app, report_command
from bastion.cli.scan import scan_command
from bastion.cli.serve import serve_command
from bastion.cli.shim import shim_app
from bastion.cli.sweep import ingest_command, sweep_command
from bastion.cli.tenants import tenants_app
from bastion.cli.users import users_app

app = typer.Typer(
    name="bastion",
    help="Find, classify and disable illegal off-platform links and handles in user content.",
    no_args_is_help=True,
    add_completion=False,
)
app.add_typer(feeds_app, name="feeds")
app.command("scan")(scan_command)
app.command("explain")(explain_command)
app.command("report")(report_command)
app.add_typer(audit_app, name="audit")
app.add_typer(tenants_app, name="tenants")
app.command("serve")(serve_command)
app.add_typer(shim_app, name="shim")
app.add_typer(users_app, name="users")
app.add_typer(entities_app, name="entities")
app.command("clusters")(clusters_command)
app.add_typer(topics_app, name="topics")
app.add_typer(claims_app, name="claims")
app.add_typer(credentials_app, name="credentials")
app.add_typer(model_app, name="model")
app.command("sweep")(sweep_command)
app.command("ingest")(ingest_command)


def main() -> None:
    app()
