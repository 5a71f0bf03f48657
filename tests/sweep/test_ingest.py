"""``bastion ingest``: findings enforced once, attributed to the campaign, counters live; a
second run adds nothing (SQLite and PostgreSQL)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select
from typer.testing import CliRunner

from bastion.cli import app as cli_app
from bastion.store import Store
from bastion.store.models import Action, Campaign, Item, Strike
from bastion.store.queries import create_tenant
from bastion.sweep.ingest import ingest_sweep
from bastion.sweep.results import SweepError, read_findings
from bastion.sweep.run import SweepRequest, run_sweep
from tests.service.conftest import backend_url, open_store, pg_database_url, pg_schema_url, store
from tests.sweep.conftest import sample_records, write_jsonl

__all__ = ["backend_url", "open_store", "pg_database_url", "pg_schema_url", "store"]


@pytest.fixture(scope="module")
def swept(sweep_home: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("ingest")
    source = write_jsonl(folder / "in.jsonl", sample_records())
    report = run_sweep(
        SweepRequest([str(source)], sweep_home, "spring-clean", out=folder / "out", workers=1)
    )
    return report.out


def _counts(store: Store) -> dict[str, int]:
    with store.transaction(readonly=True) as session:
        return {
            model.__name__: int(session.scalar(select(func.count()).select_from(model)) or 0)
            for model in (Item, Action, Strike, Campaign)
        }


def test_ingest_twice_adds_nothing_the_second_time(store: Store, swept: Path) -> None:
    with store.transaction() as session:
        create_tenant(session, slug="acme", name="Acme")
    findings = read_findings(swept, columns=["verdict"]).column("verdict").to_pylist()
    expected = sum(1 for v in findings if v != "error")
    first = ingest_sweep(store, swept, tenant="acme")
    assert first.campaign == "spring-clean"
    assert (first.findings, first.created, first.duplicates) == (expected, expected, 0)
    assert first.actions > 0
    counters = first.counters
    assert counters is not None
    assert counters["items_scanned"] == expected
    assert counters["actions_taken"] == first.actions
    assert counters["links_disabled"] > 0
    after_first = _counts(store)
    assert after_first["Item"] == expected and after_first["Campaign"] == 1
    second = ingest_sweep(store, swept, tenant="acme", batch_rows=7)
    assert (second.created, second.duplicates, second.actions) == (0, expected, 0)
    assert second.counters == counters
    assert _counts(store) == after_first


def test_ingest_cli_and_its_refusals(sweep_home: Path, swept: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    home = tmp_path / "service"
    made = runner.invoke(cli_app, ["tenants", "create", "Acme", "--home", str(home)])
    assert made.exit_code == 0, made.output
    base = ["ingest", str(swept), "--tenant", "acme", "--home", str(home)]
    first = runner.invoke(cli_app, [*base, "--campaign", "june"])
    assert first.exit_code == 0, first.output
    assert "june" in first.output and "enforced now" in first.output
    again = runner.invoke(cli_app, [*base, "--campaign", "june"])
    assert again.exit_code == 0
    line = next(x for x in again.output.splitlines() if "enforced now" in x)
    assert line.split("│")[2].strip() == "0"
    unknown = runner.invoke(
        cli_app, ["ingest", str(swept), "--tenant", "nobody", "--home", str(home)]
    )
    assert unknown.exit_code == 1 and "no tenant 'nobody'" in unknown.output
    nothing = runner.invoke(
        cli_app, ["ingest", str(tmp_path), "--tenant", "acme", "--home", str(home)]
    )
    assert nothing.exit_code == 1 and "no sweep" in nothing.output
    source = write_jsonl(tmp_path / "s.jsonl", sample_records()[:20])
    shadow = run_sweep(
        SweepRequest(
            [str(source)], sweep_home, "spring-clean", shadow=True, out=tmp_path / "sh", workers=1
        )
    )
    store = Store.open(home=home)
    try:
        with pytest.raises(SweepError, match="shadow sweep"):
            ingest_sweep(store, shadow.out, tenant="acme")
    finally:
        store.close()
