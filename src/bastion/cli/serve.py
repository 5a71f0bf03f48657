"""``bastion serve``: run the HTTP API with uvicorn over the home's store, intel and policy.

The store is ``$BASTION_HOME/bastion.db`` (SQLite) unless ``BASTION_DATABASE_URL`` names a
PostgreSQL database. A ``ladder.yaml`` in the home overrides the packaged penalty ladder.
"""

from __future__ import annotations

import gc
import os
from pathlib import Path
from typing import Annotated

import typer
import uvicorn
from fastapi import FastAPI
from rich.console import Console

from bastion.api import create_app
from bastion.api.deps import ApiSettings
from bastion.config import resolve_home
from bastion.enforce import Ladder, LadderError
from bastion.scanner import Scanner
from bastion.service.reports import ReportConfig, load_secret
from bastion.store import Store, StoreConfigError, settings_from_env

LADDER_FILE = "ladder.yaml"
LOOPBACK = ("127.0.0.1", "::1", "localhost")


def build_app(home: Path | None = None, *, upkeep_interval: float | None = 5.0) -> FastAPI:
    """The app for ``home`` (default ``$BASTION_HOME``); also the uvicorn factory for workers."""
    root = resolve_home(home)
    _, url = settings_from_env()
    ladder_path = root / LADDER_FILE
    ladder = Ladder.load(ladder_path) if ladder_path.is_file() else Ladder.default()
    store = Store.open(home=root, url=url)
    scanner = Scanner.load(root)
    settings = ApiSettings(reports=ReportConfig(secret=load_secret(root)))
    app = create_app(
        store=store,
        scanner=scanner,
        ladder=ladder,
        settings=settings,
        upkeep_interval=upkeep_interval,
    )
    # The scanner, policy and intel tables are millions of long-lived objects; without this every
    # full collection walks them all and stalls requests for tens of milliseconds.
    gc.collect()
    gc.freeze()
    return app


def serve_command(
    host: Annotated[str, typer.Option(help="address to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="TCP port")] = 8000,
    home: Annotated[Path | None, typer.Option(help="state directory ($BASTION_HOME)")] = None,
    workers: Annotated[int, typer.Option(min=1, max=64, help="server processes")] = 1,
    upkeep: Annotated[
        float, typer.Option(help="seconds between upkeep passes (lifts, webhooks); 0: off")
    ] = 5.0,
    log_level: Annotated[str, typer.Option(help="uvicorn log level")] = "warning",
    access_log: Annotated[bool, typer.Option(help="log every request")] = False,
) -> None:
    """Serve the HTTP API (OpenAPI docs at /docs)."""
    err = Console(stderr=True, highlight=False, soft_wrap=True)
    root = resolve_home(home)
    interval = upkeep if upkeep > 0 else None
    if host not in LOOPBACK:
        err.print(f"[yellow]warning:[/yellow] listening on {host}; put TLS in front of it")
    try:
        if workers == 1:
            app = build_app(root, upkeep_interval=interval)
            err.print(f"bastion API on http://{host}:{port} (docs at /docs), home {root}")
            uvicorn.run(app, host=host, port=port, log_level=log_level, access_log=access_log)
            return
        build_app(root, upkeep_interval=None).state.bastion.store.close()  # migrate once
        os.environ["BASTION_HOME"] = str(root.resolve())
        err.print(f"bastion API on http://{host}:{port} with {workers} workers, home {root}")
        uvicorn.run(
            "bastion.cli.serve:build_app",
            factory=True,
            host=host,
            port=port,
            workers=workers,
            log_level=log_level,
            access_log=access_log,
        )
    except (StoreConfigError, LadderError, OSError) as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(code=1) from None
