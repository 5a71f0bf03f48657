"""``bastion report`` and ``bastion audit verify`` end to end, on SQLite and on PostgreSQL.

The store is found the way the CLI finds it in production: ``BASTION_HOME`` and
``BASTION_DATABASE_URL``.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from functools import partial
from pathlib import Path

import pytest
import typer
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import text
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from bastion.cli.report import audit_app, parse_day, report_command
from bastion.store import Store
from bastion.store.audit import append
from tests.report.dataset import HOSTILE_NAME, build
from tests.store.conftest import backend_url, pg_database_url, pg_schema_url
from tests.support.work import steps_of

__all__ = ["backend_url", "pg_database_url", "pg_schema_url"]

app = typer.Typer()
app.command("report")(report_command)
app.add_typer(audit_app, name="audit")
runner = CliRunner()
PERIOD = ["--from", "2026-03-01", "--to", "2026-03-03"]


@pytest.fixture
def cli_store(
    backend_url: str | None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Store]:
    """An empty migrated store that the CLI will open through the environment."""
    home = tmp_path / "home"
    monkeypatch.setenv("BASTION_HOME", str(home))
    if backend_url is None:
        monkeypatch.delenv("BASTION_DATABASE_URL", raising=False)
    else:
        monkeypatch.setenv("BASTION_DATABASE_URL", backend_url)
    with Store.open(home=home, url=backend_url) as store:
        yield store


@pytest.fixture
def seeded_cli(cli_store: Store) -> Store:
    cli_store.run(build)
    return cli_store


def test_report_json_to_stdout(seeded_cli: Store) -> None:
    result = runner.invoke(app, ["report", *PERIOD])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["actions"]["groups"]["items_removed"]["live"] == 4
    assert data["actions"]["groups"]["links_disabled"] == {
        "actions": 1,
        "reversed": 1,
        "live": 0,
        "kinds": ["disable_link"],
        "targets": 0,
    }
    assert data["appeals"]["filed"] == 5
    assert data["tenant"] is None


def test_report_csv_and_html_to_files(seeded_cli: Store, tmp_path: Path) -> None:
    out_csv = tmp_path / "r.csv"
    result = runner.invoke(app, ["report", *PERIOD, "--format", "csv", "--out", str(out_csv)])
    assert result.exit_code == 0, result.output
    assert "wrote csv report" in result.stderr
    assert result.stdout == ""
    rows = list(csv.reader(io.StringIO(out_csv.read_text(encoding="utf-8"), newline="")))
    assert ["accounts_banned", "total", "live", "1"] in rows
    out_html = tmp_path / "r.html"
    result = runner.invoke(app, ["report", *PERIOD, "-f", "html", "-o", str(out_html)])
    assert result.exit_code == 0, result.output
    page = out_html.read_text(encoding="utf-8")
    assert HOSTILE_NAME not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert page.count('role="img"') == 7  # six breakdowns (shim clicks too) and the daily series
    assert not list(tmp_path.glob(".r.html.*"))  # no temp file left behind


def test_report_for_one_tenant(seeded_cli: Store) -> None:
    result = runner.invoke(app, ["report", *PERIOD, "--tenant", "evil"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["tenant"] == "evil"
    assert data["platforms"] == {"evil": HOSTILE_NAME}
    assert data["actions"]["totals"] == {"actions": 3, "reversed": 1, "live": 2}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--from", "2026-02-30", "--to", "2026-03-03"], "not a valid date"),
        (["--from", "yesterday", "--to", "2026-03-03"], "use YYYY-MM-DD"),
        (["--from", "2026-03-01", "--to", "03/03/2026"], "use YYYY-MM-DD"),
        (["--from", "2026-03-05", "--to", "2026-03-01"], "before it starts"),
        (["--from", "1990-01-01", "--to", "2026-03-01"], "maximum"),
        (["--to", "2026-03-01"], "--from"),
        ([*PERIOD, "--format", "xml"], "xml"),
        ([*PERIOD, "--tenant", "nope"], "no tenant with slug 'nope'"),
    ],
)
def test_report_bad_arguments_exit_2(seeded_cli: Store, args: list[str], message: str) -> None:
    result = runner.invoke(app, ["report", *args])
    assert result.exit_code == 2, result.output
    assert message in flat(result.output)


def flat(output: str) -> str:
    """Rich draws errors in a wrapped box; join the lines back into one sentence."""
    return " ".join(output.replace("│", " ").split())


def test_report_to_a_missing_directory_exits_1(seeded_cli: Store, tmp_path: Path) -> None:
    result = runner.invoke(app, ["report", *PERIOD, "--out", str(tmp_path / "no" / "r.json")])
    assert result.exit_code == 1
    assert "does not exist" in result.stderr


def test_bad_database_url_exits_1(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("BASTION_HOME", str(tmp_path))
    monkeypatch.setenv("BASTION_DATABASE_URL", "mysql://x@localhost/db")
    result = runner.invoke(app, ["audit", "verify"])
    assert result.exit_code == 1
    assert "unsupported database URL scheme" in result.stderr


def _append_events(store: Store, n: int) -> None:
    def write(session: Session) -> None:
        for i in range(n):
            append(
                session,
                actor="moderator:m1",
                action="action.reverse",
                subject=f"action:{i}",
                payload={"i": i, "note": HOSTILE_NAME},
            )

    store.run(write)


def tamper(store: Store, statement: str) -> None:
    """What a superuser could do: switch off the append-only guard, then rewrite history."""
    with store.engine.begin() as conn:
        if store.dialect == "postgresql":
            conn.execute(text("ALTER TABLE audit_events DISABLE TRIGGER USER"))
        else:
            conn.execute(text("DROP TRIGGER IF EXISTS audit_events_no_update"))
            conn.execute(text("DROP TRIGGER IF EXISTS audit_events_no_delete"))
        conn.execute(text(statement))


def test_audit_verify_clean_chain(cli_store: Store) -> None:
    result = runner.invoke(app, ["audit", "verify"])
    assert (result.exit_code, result.stdout) == (0, "ok: 0 events\n")
    _append_events(cli_store, 3)
    result = runner.invoke(app, ["audit", "verify"])
    assert (result.exit_code, result.stdout) == (0, "ok: 3 events\n")


def test_audit_verify_names_the_first_edited_event(cli_store: Store) -> None:
    _append_events(cli_store, 4)
    tamper(cli_store, "UPDATE audit_events SET actor = 'someone-else' WHERE seq = 2")
    result = runner.invoke(app, ["audit", "verify"])
    assert result.exit_code == 1
    assert "FAILED at seq 2" in result.stderr
    assert "edited" in result.stderr
    assert "1 events verified" in result.stderr


def test_audit_verify_detects_a_deleted_tail(cli_store: Store) -> None:
    _append_events(cli_store, 3)
    tamper(cli_store, "DELETE FROM audit_events WHERE seq = 3")
    result = runner.invoke(app, ["audit", "verify"])
    assert result.exit_code == 1
    assert "FAILED at seq 3" in result.stderr
    assert "head records event 3" in result.stderr


def test_parse_day_is_strict_and_linear_on_hostile_input() -> None:
    assert parse_day(" 2026-03-01 ", "--from").isoformat() == "2026-03-01"
    for hostile in ("1" * 50_000, "2026-" * 10_000, "a." * 25_000, "2026-03-01" * 5_000):
        with pytest.raises(typer.BadParameter):
            steps_of(partial(parse_day, hostile, "--from"), budget=500)


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(st.text(max_size=60), st.from_regex(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", fullmatch=True))
)
def test_parse_day_returns_a_date_or_a_usage_error(value: str) -> None:
    try:
        day = parse_day(value, "--from")
    except typer.BadParameter as exc:
        assert "date" in str(exc)
    else:
        assert day.isoformat() == value.strip()
