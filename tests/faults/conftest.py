"""Real faults for the proof-under-faults tests: a disk that fills up, a PostgreSQL of the
test's own that can be restarted, and a ``bastion serve`` process that can be killed.

A full disk is a real tmpfs mounted for the test (root only); the PostgreSQL cluster is created
with the machine's ``initdb`` and run as the ``postgres`` user on a free port, so restarting it
never disturbs the machine's shared server. Where the machine cannot do this (not root, no
PostgreSQL binaries), the tests skip, except under ``CI=true``, where that is a failure.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from bastion.cli import app
from tests.service import conftest as _service_fixtures
from tests.support.homes import import_example_feeds
from tests.support.live import free_port

BASTION = str(Path(sys.executable).parent / "bastion")


def unavailable(reason: str) -> None:
    if os.environ.get("CI") == "true":
        pytest.fail(reason)
    pytest.skip(reason)


@pytest.fixture
def tiny_disk() -> Iterator[Callable[[int], Path]]:
    """``mount(kib)`` mounts a tmpfs of that size and returns it; all are unmounted at the end.

    The mount points live outside pytest's temp folders: a run killed before this teardown
    leaves a mount behind, and pytest's clean-up of old temp folders must never meet it."""
    mounted: list[Path] = []

    def mount(kib: int) -> Path:
        if os.geteuid() != 0:
            unavailable("a real full disk needs root to mount a tmpfs")
        target = Path(tempfile.mkdtemp(prefix="bastion-tiny-disk-"))
        done = subprocess.run(
            ["mount", "-t", "tmpfs", "-o", f"size={kib}k", "tmpfs", str(target)],
            capture_output=True,
            text=True,
        )
        if done.returncode != 0:
            unavailable(f"cannot mount a tmpfs: {done.stderr.strip()}")
        mounted.append(target)
        return target

    yield mount
    for target in mounted:
        subprocess.run(["umount", "-l", str(target)], check=False)
        shutil.rmtree(target, ignore_errors=True)


@dataclass
class OwnPostgres:
    """A PostgreSQL cluster of the test's own; ``restart()`` is a real fast shutdown + start."""

    bindir: Path
    data: Path
    port: int

    @property
    def url(self) -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/postgres"

    def _ctl(self, *args: str) -> None:
        command = [str(self.bindir / "pg_ctl"), "-D", str(self.data), "-w", "-t", "120", *args]
        done = subprocess.run(
            ["runuser", "-u", "postgres", "--", *command], capture_output=True, text=True
        )
        if done.returncode != 0:
            raise RuntimeError(f"pg_ctl {args[-1]} failed: {done.stdout} {done.stderr}")

    def start(self) -> None:
        options = f"-p {self.port} -k {self.data} -c listen_addresses=127.0.0.1 -c fsync=on"
        self._ctl("-o", options, "-l", str(self.data / "server.log"), "start")

    def stop(self, mode: str = "fast") -> None:
        self._ctl("-m", mode, "stop")

    def restart(self) -> None:
        self.stop()
        self.start()


@pytest.fixture
def own_postgres() -> Iterator[OwnPostgres]:
    """The cluster lives outside pytest's temp tree, whose folders only root may enter."""
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"))
    if not found or os.geteuid() != 0 or shutil.which("runuser") is None:
        unavailable("an own PostgreSQL cluster needs initdb, root and runuser")
    bindir = found[-1].parent
    root = Path(tempfile.mkdtemp(prefix="bastion-own-pg-"))
    root.chmod(0o755)
    data = root / "data"
    data.mkdir()
    shutil.chown(data, "postgres", "postgres")
    subprocess.run(
        ["runuser", "-u", "postgres", "--", str(bindir / "initdb"), "-D", str(data),
         "-A", "trust", "-U", "postgres", "--no-sync"],
        check=True,
        capture_output=True,
    )  # fmt: skip
    cluster = OwnPostgres(bindir, data, free_port())
    try:
        cluster.start()
        yield cluster
    finally:
        with contextlib.suppress(RuntimeError):
            cluster.stop("immediate")
        shutil.rmtree(root, ignore_errors=True)


def home_with_tenant(home: Path, env: dict[str, str]) -> str:
    """``home`` with the example feeds imported and one tenant; returns its platform key."""
    import_example_feeds(home)
    made = CliRunner().invoke(app, ["tenants", "create", "Demo", "--home", str(home)], env=env)
    assert made.exit_code == 0, made.output
    return str(made.stdout.strip().splitlines()[-1])


pg_database_url = _service_fixtures.pg_database_url
pg_schema_url = _service_fixtures.pg_schema_url


def listed_or_clean(n: int) -> dict[str, Any]:
    """Item ``n`` of a load: two in three carry a disguised listed link and a handle."""
    listed = n % 3 != 0
    text = f"官网 １０ｂｅｔ。ｃｏｍ 加V bet_{n:04d}" if listed else f"see you at {n % 12} tomorrow"
    return {"id": f"k-{n}", "account_id": f"acct-{n % 7}", "surface": "post", "text": text}


def start_serve(home: Path, port: int, log: Path, env: dict[str, str]) -> subprocess.Popen[bytes]:
    """``bastion serve`` of ``home`` as its own process (upkeep off), stderr appended to ``log``."""
    command = [BASTION, "serve", "--port", str(port), "--home", str(home), "--upkeep", "0"]
    with log.open("ab") as sink:
        return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=sink, env=env)
