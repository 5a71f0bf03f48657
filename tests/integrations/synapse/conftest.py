"""Fixtures for the Synapse tests: a Bastion home, a Bastion API, the webhook receiver, and real
Synapse processes (one per mode, shared by the tests of a module: starting one takes seconds)."""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import uvicorn
from typer.testing import CliRunner

from bastion.cli import app as cli_app
from bastion.store import Store
from tests.integrations.synapse.homeserver import REPO, Homeserver
from tests.service.conftest import TenantInfo, make_tenant

try:
    import synapse  # noqa: F401
except ImportError:  # CI installs the extra (make install): there a missing Synapse is a failure
    if os.environ.get("CI") == "true":
        raise
    pytest.skip("the synapse extra is not installed", allow_module_level=True)


@contextmanager
def serving_on(sock: socket.socket, app: Any) -> Iterator[None]:
    """Run ``app`` under uvicorn on an already bound loopback socket."""
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.02)
    try:
        yield
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()


def bound_socket() -> tuple[socket.socket, str]:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    return sock, f"http://127.0.0.1:{sock.getsockname()[1]}"


@dataclass
class BastionHome:
    path: Path
    tenant: TenantInfo


def make_home(folder: Path) -> BastionHome:
    """A home with the example gambling feed (188bet.com is listed) and a tenant ``matrix``."""
    outcome = CliRunner().invoke(
        cli_app,
        [
            "feeds",
            "import",
            str(REPO / "examples" / "feeds" / "gambling.txt"),
            "--category",
            "gambling",
            "--source",
            "sample",
            "--home",
            str(folder),
        ],
    )
    assert outcome.exit_code == 0, outcome.output
    store = Store.open(home=folder)
    try:
        tenant = make_tenant(store, "matrix")
    finally:
        store.engine.dispose()
    return BastionHome(folder, tenant)


def configure_receiver_webhook(home: Path, tenant_id: int, url: str) -> bytes:
    from bastion.service.notices import configure_webhook

    store = Store.open(home=home)
    try:
        with store.transaction() as session:
            secret = configure_webhook(
                session,
                tenant_id,
                url=url,
                actor="test",
                now=datetime.now(UTC),
                allow_private=True,
            )
    finally:
        store.engine.dispose()
    assert secret
    return secret.encode()


def module_config(modules: list[dict[str, Any]], **overrides: Any) -> list[dict[str, Any]]:
    """The README's snippet with the test's paths and addresses put in."""
    assert len(modules) == 1
    entry = dict(modules[0])
    entry["config"] = {**entry["config"], **overrides}
    return [entry]


@pytest.fixture(scope="module")
def synapse_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("synapse")


def start(folder: Path, modules: list[dict[str, Any]]) -> Homeserver:
    server = Homeserver(folder, modules)
    return server.start()


def wait_for(condition: Any, timeout: float = 60.0, step: float = 0.2, describe: Any = None) -> Any:
    """Poll ``condition()`` until it returns something truthy; fail after ``timeout`` seconds
    (a guard against a hang, not a time budget: the conditions are met within a second or two)."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            seen = f": {describe()}" if describe is not None else ""
            pytest.fail(f"condition not met within {timeout} s{seen}")
        time.sleep(step)
