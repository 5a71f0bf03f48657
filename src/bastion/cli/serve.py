"""``bastion serve``: run the HTTP API with uvicorn over the home's store, intel and policy.

The home is ``--home``, else ``$BASTION_HOME``, else ``./.bastion``. The store is
``HOME/bastion.db`` (SQLite) unless ``BASTION_DATABASE_URL`` names a PostgreSQL database. A home
without a compiled intel index is refused unless ``--no-feeds`` says to serve without one. A
``ladder.yaml`` in the home overrides the packaged penalty ladder.
"""

from __future__ import annotations

import gc
import hashlib
import hmac
import os
from pathlib import Path
from typing import Annotated

import typer
import uvicorn
from fastapi import FastAPI
from rich.markup import escape
from sqlalchemy.exc import SQLAlchemyError

from bastion.api import create_app
from bastion.api.deps import ApiSettings
from bastion.api.live import IntelWatch
from bastion.api.logs import log_config
from bastion.api.metrics import MULTIPROC_ENV
from bastion.cli.common import (
    HomeOption,
    describe_db_error,
    fail,
    stderr_console,
    store_location,
)
from bastion.config import ENV_HOME, resolve_home
from bastion.enforce import Ladder, LadderError
from bastion.intel import IntelIndexError
from bastion.policy import PolicyError
from bastion.scanner import Scanner
from bastion.service.reports import ReportConfig, load_secret
from bastion.shim.signing import load_signer
from bastion.store import Store, StoreConfigError, settings_from_env

METRICS_TOKEN_ENV = "BASTION_METRICS_TOKEN"
WORKER_HEALTHCHECK_SECONDS = 120
"""How long uvicorn waits for a worker's health answer before killing it. Its default (5 s)
is shorter than loading the intel index takes on a busy machine, and a worker killed while
loading is restarted to be killed again: the server never came up."""

LADDER_FILE = "ladder.yaml"
LOOPBACK = ("127.0.0.1", "::1", "localhost")


def build_app(
    home: Path | None = None, *, upkeep_interval: float | None = 5.0, no_feeds: bool = False
) -> FastAPI:
    """The app for ``home`` (``resolve_home`` rules); also the uvicorn factory for workers.

    The scanner is loaded first, so a home without an intel index fails (``MissingIndexError``)
    before any database is touched, unless ``no_feeds`` asks to serve without feeds.
    """
    root = resolve_home(home)
    _, url = settings_from_env(home=root)
    ladder_path = root / LADDER_FILE
    ladder = Ladder.load(ladder_path) if ladder_path.is_file() else Ladder.default()
    scanner = Scanner.load(root, no_feeds=no_feeds)
    store = Store.open(home=root, url=url)
    secret = load_secret(root)
    settings = ApiSettings(
        reports=ReportConfig(secret=secret),
        shim_expand=os.environ.get("BASTION_SHIM_EXPAND", "1") != "0",
        metrics_token=os.environ.get(METRICS_TOKEN_ENV) or None,
    )
    app = create_app(
        store=store,
        scanner=scanner,
        ladder=ladder,
        settings=settings,
        upkeep_interval=upkeep_interval,
        signer=load_signer(root),
        intel=None if no_feeds else IntelWatch(root),
        console_secret=hmac.new(secret, b"console-session", hashlib.sha256).digest(),
    )
    # The scanner, policy and intel tables are millions of long-lived objects; without this every
    # full collection walks them all and stalls requests for tens of milliseconds.
    gc.collect()
    gc.freeze()
    return app


def fresh_metrics_dir(home: Path) -> Path:
    """An empty folder for the workers' Prometheus counters (multiprocess mode): counts of an
    earlier run must not add to this one's."""
    folder = home / "run" / "metrics"
    folder.mkdir(parents=True, exist_ok=True)
    for stale in folder.glob("*.db"):
        stale.unlink()
    return folder


def build_app_without_feeds() -> FastAPI:
    """The uvicorn worker factory for ``bastion serve --no-feeds --workers N``."""
    return build_app(no_feeds=True)


def serve_command(
    host: Annotated[str, typer.Option(help="address to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="TCP port")] = 8000,
    home: HomeOption = None,
    workers: Annotated[int, typer.Option(min=1, max=64, help="server processes")] = 1,
    upkeep: Annotated[
        float, typer.Option(help="seconds between upkeep passes (lifts, webhooks); 0: off")
    ] = 5.0,
    log_level: Annotated[str, typer.Option(help="uvicorn log level")] = "warning",
    access_log: Annotated[bool, typer.Option(help="log every request")] = False,
    log_format: Annotated[
        str, typer.Option(help="text, or json: one JSON object per line (bastion.api.logs)")
    ] = "text",
    no_feeds: Annotated[
        bool, typer.Option("--no-feeds", help="serve with no intel index (every link unlisted)")
    ] = False,
) -> None:
    """Serve the HTTP API (OpenAPI docs at /docs)."""
    err = stderr_console()
    root = resolve_home(home)
    try:
        logging_config = log_config(log_format, log_level, access_log=access_log)
    except ValueError as exc:
        fail(str(exc))
    uvicorn_access = access_log and log_format == "text"
    interval = upkeep if upkeep > 0 else None
    if host not in LOOPBACK:
        err.print(f"[yellow]warning:[/yellow] listening on {escape(host)}; put TLS in front of it")
    if no_feeds:
        err.print("[yellow]warning:[/yellow] --no-feeds: no intel index, no link is listed")
    try:
        if workers == 1:
            app = build_app(root, upkeep_interval=interval, no_feeds=no_feeds)
            err.print(
                f"bastion API on http://{escape(host)}:{port} (docs at /docs), "
                f"home {escape(str(root))}"
            )
            uvicorn.run(
                app,
                host=host,
                port=port,
                log_level=log_level,
                access_log=uvicorn_access,
                log_config=logging_config,
            )
            return
        build_app(root, upkeep_interval=None, no_feeds=no_feeds).state.bastion.store.close()
        os.environ[ENV_HOME] = str(root.resolve())
        if not os.environ.get(MULTIPROC_ENV):
            os.environ[MULTIPROC_ENV] = str(fresh_metrics_dir(root))
        err.print(
            f"bastion API on http://{escape(host)}:{port} with {workers} workers, "
            f"home {escape(str(root))}"
        )
        factory = "build_app_without_feeds" if no_feeds else "build_app"
        uvicorn.run(
            f"bastion.cli.serve:{factory}",
            factory=True,
            host=host,
            port=port,
            workers=workers,
            log_level=log_level,
            access_log=uvicorn_access,
            log_config=logging_config,
            timeout_worker_healthcheck=WORKER_HEALTHCHECK_SECONDS,
        )
    except (StoreConfigError, LadderError, PolicyError, IntelIndexError, OSError) as exc:
        fail(str(exc))
    except SQLAlchemyError as exc:
        where = store_location(*settings_from_env(home=root))
        fail(f"cannot open the store ({where}): {describe_db_error(exc)}")
