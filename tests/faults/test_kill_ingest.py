"""``bastion ingest`` killed with SIGKILL mid-run, then run again: every batch is one
transaction, so the kill leaves whole batches only, and the second run adds exactly what was
missing. The result equals an ingest that was never interrupted (timestamps aside), and the
audit chain verifies."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import OperationalError
from typer.testing import CliRunner

from bastion.cli import app
from bastion.store import Store
from bastion.store.queries import create_tenant
from bastion.sweep.ingest import ingest_sweep
from bastion.sweep.results import read_findings
from bastion.sweep.run import SweepRequest, run_sweep
from tests.faults.conftest import home_with_tenant
from tests.sweep.conftest import sample_records, write_jsonl
from tests.sweep.snapshot import snapshot

BATCH = 25


def _env(**extra: str) -> dict[str, str]:
    kept = {k: v for k, v in os.environ.items() if not k.startswith("BASTION_")}
    return {**kept, **extra}


def _items(url: str) -> int:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return int(conn.execute(text("SELECT count(*) FROM items")).scalar_one())
    except OperationalError:  # SQLite busy for a moment: not an answer, ask again
        return -1
    finally:
        engine.dispose()


def _without_clock(shot: dict[str, Any]) -> dict[str, Any]:
    """What must match an uninterrupted run: everything but the times each run stamped."""
    return {
        "items": shot["items"],
        "accounts": [(a[0], a[1], a[3], a[4], a[5]) for a in shot["accounts"]],
        "strikes": [s[:4] for s in shot["strikes"]],
        "actions": [a[:6] for a in shot["actions"]],
        "cases": shot["cases"],
        "audit": sorted((k[0], k[1], k[2], n) for k, n in shot["audit"] if k[0] == "automation"),
        "campaigns": shot["campaigns"],
    }


def _kill_and_rerun(tmp_path: Path, env: dict[str, str], url: str | None) -> None:
    home = tmp_path / "home"
    home_with_tenant(home, env)
    records = [{**r, "account_id": f"acct-{n % 53}"} for n, r in enumerate(sample_records(6))]
    source = write_jsonl(tmp_path / "in.jsonl", records)
    out = run_sweep(SweepRequest([str(source)], home, "killed", out=tmp_path / "out", workers=1))
    verdicts = read_findings(out.out, columns=["verdict"]).column("verdict").to_pylist()
    total = sum(1 for v in verdicts if v != "error")
    database = url or f"sqlite:///{home / 'bastion.db'}"
    code = "import sys; from bastion.cli import main; sys.argv[0] = 'bastion'; main()"
    command = [sys.executable, "-c", code, "ingest", str(out.out), "--tenant", "demo"]
    command += ["--batch", str(BATCH), "--home", str(home)]
    process = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env
    )
    try:
        while _items(database) < 2 * BATCH:  # until two batches are in, or the run ends
            assert process.poll() is None, "the ingest ended before it could be killed"
            time.sleep(0.01)
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait()
    landed = _items(database)
    assert 0 < landed < total, "the kill must land mid-run"
    assert landed % BATCH == 0, "a batch is one transaction: all of it or none"
    again = subprocess.run(command, capture_output=True, text=True, env=env)
    assert again.returncode == 0, again.stderr
    assert _items(database) == total
    verified = CliRunner().invoke(app, ["audit", "verify", "--home", str(home)], env=env)
    assert verified.exit_code == 0, verified.output

    killed = Store.open(home=home, url=url)
    reference = Store.open(home=tmp_path / "reference")
    try:
        with reference.transaction() as session:
            create_tenant(session, slug="demo", name="Demo")
        whole = ingest_sweep(reference, out.out, tenant="demo", batch_rows=BATCH)
        assert whole.findings == total
        left, right = _without_clock(snapshot(killed)), _without_clock(snapshot(reference))
    finally:
        killed.close()
        reference.close()
    for part in left:
        assert left[part] == right[part], part
    keys = [a[0] for a in left["actions"]]
    assert len(keys) == len(set(keys)) and left["strikes"]


@pytest.mark.slow
def test_kill_9_of_ingest_on_sqlite_loses_and_duplicates_nothing(tmp_path: Path) -> None:
    _kill_and_rerun(tmp_path, _env(), None)


@pytest.mark.slow
@pytest.mark.postgres
def test_kill_9_of_ingest_on_postgresql_loses_and_duplicates_nothing(
    tmp_path: Path, pg_schema_url: str
) -> None:
    _kill_and_rerun(tmp_path, _env(BASTION_DATABASE_URL=pg_schema_url), pg_schema_url)
