"""``bastion audit checkpoint`` and ``verify`` against it: a cut tail, a forged checkpoint, a
corrupt row, a checkpoint sent to a receiver; on SQLite and on PostgreSQL."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from sqlalchemy import select, text

from bastion.store import Store
from bastion.store.checkpoint import CHECKPOINT_FILE, KEY_FILE
from bastion.store.models import AuditEvent
from tests.cli.test_report import _append_events, app, cli_store, runner, tamper
from tests.store.conftest import backend_url, pg_database_url, pg_schema_url
from tests.support.loopback import LoopbackReceiver

__all__ = ["backend_url", "cli_store", "pg_database_url", "pg_schema_url"]


def _env_home() -> Path:
    """The home the CLI resolves (``cli_store`` sets BASTION_HOME)."""
    return Path(os.environ["BASTION_HOME"])


def _cut_tail_and_head(store: Store, keep: int) -> None:
    """The attack the head row alone cannot see: delete the newest events, move the head back."""
    tamper(store, f"DELETE FROM audit_events WHERE seq > {keep}")
    with store.engine.begin() as conn:
        last = conn.execute(select(AuditEvent.hash).where(AuditEvent.seq == keep)).scalar_one()
        conn.execute(
            text("UPDATE audit_chain_head SET seq = :seq, hash = :hash WHERE id = 1"),
            {"seq": keep, "hash": last},
        )


def test_truncation_after_a_checkpoint_fails_verification(cli_store: Store) -> None:
    _append_events(cli_store, 5)
    made = runner.invoke(app, ["audit", "checkpoint"])
    assert made.exit_code == 0, made.output
    assert "checkpoint at seq 5" in made.stdout
    home = _env_home()
    assert (home / KEY_FILE).stat().st_mode & 0o777 == 0o600
    _append_events(cli_store, 2)
    ok = runner.invoke(app, ["audit", "verify", "--home", str(home)])
    assert (ok.exit_code, ok.stdout) == (0, "ok: 7 events, 1 checkpoints met\n")
    _cut_tail_and_head(cli_store, keep=4)
    failed = runner.invoke(app, ["audit", "verify"])
    assert failed.exit_code == 1
    assert failed.stderr.startswith("FAILED at seq 5: the chain ends at event 4")
    assert "deleted from the tail" in failed.stderr
    (home / CHECKPOINT_FILE).rename(home / "elsewhere.jsonl")
    blind = runner.invoke(app, ["audit", "verify"])
    assert blind.exit_code == 0, "without its checkpoint the cut chain looks whole"
    again = runner.invoke(app, ["audit", "checkpoint"])
    assert again.exit_code == 0  # a cut chain is a valid chain: only an earlier anchor knows


def test_a_rewritten_tail_fails_against_the_checkpoint(cli_store: Store) -> None:
    _append_events(cli_store, 3)
    assert runner.invoke(app, ["audit", "checkpoint"]).exit_code == 0
    _cut_tail_and_head(cli_store, keep=2)
    _append_events(cli_store, 1)  # a new, valid event 3 in place of the checkpointed one
    failed = runner.invoke(app, ["audit", "verify"])
    assert failed.exit_code == 1
    assert "FAILED at seq 3: event 3 differs from the checkpoint" in failed.stderr


def test_forged_checkpoint_signature_fails(cli_store: Store) -> None:
    _append_events(cli_store, 3)
    assert runner.invoke(app, ["audit", "checkpoint"]).exit_code == 0
    path = _env_home() / CHECKPOINT_FILE
    line = json.loads(path.read_text().splitlines()[0])
    forged = {**line, "seq": 2}  # claims a shorter chain, signature copied
    path.write_text(json.dumps(forged) + "\n")
    failed = runner.invoke(app, ["audit", "verify"])
    assert failed.exit_code == 1
    assert failed.stderr.startswith("FAILED at seq 2: checkpoint line 1 has a bad signature")
    (_env_home() / KEY_FILE).unlink()
    keyless = runner.invoke(app, ["audit", "verify"])
    assert keyless.exit_code == 1 and "is gone" in keyless.stderr
    path.write_text("not json\n")
    junk = runner.invoke(app, ["audit", "verify"])
    assert junk.exit_code == 1 and "FAILED at checkpoint" in junk.stderr


def test_corrupt_row_is_reported_at_its_seq(cli_store: Store) -> None:
    _append_events(cli_store, 4)
    if cli_store.dialect == "sqlite":
        tamper(cli_store, "UPDATE audit_events SET payload = '{not json' WHERE seq = 2")
        reason = "payload is not JSON"
    else:  # json accepts 1e400, which no float can hold
        tamper(cli_store, """UPDATE audit_events SET payload = '{"i": 1e400}' WHERE seq = 2""")
        reason = "not plain JSON"
    failed = runner.invoke(app, ["audit", "verify"])
    assert failed.exit_code == 1 and "Traceback" not in failed.output
    assert failed.stderr.startswith("FAILED at seq 2: event 2 is unreadable:")
    assert reason in failed.stderr
    broken = runner.invoke(app, ["audit", "checkpoint"])
    assert broken.exit_code == 1 and "not signing a broken chain" in broken.stderr


@pytest.mark.parametrize("backend_url", ["sqlite"], indirect=True)
def test_corrupt_timestamp_is_reported_at_its_seq(cli_store: Store) -> None:
    _append_events(cli_store, 3)
    tamper(cli_store, "UPDATE audit_events SET created_at = 'yesterday' WHERE seq = 3")
    failed = runner.invoke(app, ["audit", "verify"])
    assert failed.exit_code == 1
    assert failed.stderr.startswith("FAILED at seq 3: event 3 is unreadable:")


def test_checkpoint_is_sent_through_the_guarded_transport(
    cli_store: Store, loopback_receiver: LoopbackReceiver
) -> None:
    _append_events(cli_store, 2)
    receiver = loopback_receiver
    refused = runner.invoke(app, ["audit", "checkpoint", "--webhook", receiver.url()])
    assert refused.exit_code == 1 and "non-public address 127.0.0.1" in refused.stderr
    assert receiver.received == [] and "checkpoint at seq 2" in refused.stdout
    receiver.secret = (_env_home() / KEY_FILE).read_bytes().strip()
    sent = runner.invoke(
        app, ["audit", "checkpoint", "--webhook", receiver.url(), "--allow-private"]
    )
    assert sent.exit_code == 0, sent.output
    assert [(r.json()["seq"], r.valid) for r in receiver.received] == [(2, True)]
    lines = (_env_home() / CHECKPOINT_FILE).read_text().splitlines()
    assert receiver.received[0].json() == json.loads(lines[-1])
