"""The bulk ingest path (thousands of findings per transaction, statements filled from
templates, cases and audit written set-wise) leaves exactly what the per-item path leaves
(one finding per transaction, as ``POST /v1/check`` runs it): same cases, actions, strikes,
statements of reasons, audit entries and counters, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import ExitStack
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bastion.store import Store
from bastion.store.audit import verify
from bastion.store.queries import create_tenant
from bastion.sweep.ingest import ingest_sweep
from bastion.sweep.run import SweepRequest, run_sweep
from tests.service.conftest import pg_database_url
from tests.store.conftest import fresh_schema
from tests.sweep.conftest import sample_records, write_jsonl
from tests.sweep.snapshot import snapshot

__all__ = ["pg_database_url"]

NOW = datetime(2026, 11, 21, 9, 30, tzinfo=UTC)


def repeat_offenders() -> list[dict[str, object]]:
    """The sample content three times over 41 accounts: accounts climb the ladder (warnings,
    suspensions, bans) across items and batches, and some items carry several categories."""
    records = sample_records(copies=3)
    return [{**r, "account_id": f"acct-{n % 41}"} for n, r in enumerate(records)]


@pytest.fixture(scope="module")
def parity_sweep(sweep_home: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("parity")
    source = write_jsonl(folder / "in.jsonl", repeat_offenders())
    request = SweepRequest([str(source)], sweep_home, "parity", out=folder / "out", workers=1)
    return run_sweep(request).out


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def two_stores(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[Store, Store]]:
    """Two empty stores on the same backend, each with the tenant ``acme``."""
    with ExitStack() as schemas:
        urls: list[str | None] = [None, None]
        if request.param == "postgres":
            database = request.getfixturevalue("pg_database_url")
            urls = [schemas.enter_context(fresh_schema(database)) for _ in urls]
        stores = [Store.open(home=tmp_path / f"home{n}", url=u) for n, u in enumerate(urls)]
        try:
            for store in stores:
                with store.transaction() as session:
                    create_tenant(session, slug="acme", name="Acme")
            yield stores[0], stores[1]
        finally:
            for store in stores:
                store.close()


@pytest.mark.slow
def test_bulk_and_per_item_ingest_leave_the_same_records(
    two_stores: tuple[Store, Store], parity_sweep: Path
) -> None:
    bulk, per_item = two_stores
    big = ingest_sweep(bulk, parity_sweep, tenant="acme", batch_rows=5_000, clock=lambda: NOW)
    small = ingest_sweep(per_item, parity_sweep, tenant="acme", batch_rows=1, clock=lambda: NOW)
    assert big.findings == small.findings == big.created > 100
    assert (big.actions, big.counters) == (small.actions, small.counters)
    left, right = snapshot(bulk), snapshot(per_item)
    for part in left:
        assert left[part] == right[part], part
    # The run must have exercised what parity is about: escalation, bans, cases, statements.
    kinds = {row[3] for row in left["actions"]}
    assert {"warn", "disable_link", "temp_suspend", "ban"} <= kinds, kinds
    assert "banned" in {row[1] for row in left["accounts"]}
    assert left["cases"] and left["strikes"]
    # ... and accounts already banned or suspended: their later findings hold the account
    # action (no second ban) and both paths say so alike in the audited decision.
    held = [json.loads(entry[0][3]).get("held") for entry in left["audit"]]
    assert any(h and h[0]["reason"] == "account already banned" for h in held)
    bans = [row for row in left["actions"] if row[3] == "ban"]
    assert len(bans) == len({row[2] for row in bans}), "an account was banned twice"
    for store in (bulk, per_item):
        with store.transaction(readonly=True) as session:
            assert verify(session).ok
