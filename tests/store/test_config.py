from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

from bastion.store import Store, StoreConfigError, database_url, settings_from_env


def test_settings_from_env_reads_only_given_mapping(tmp_path: Path) -> None:
    home, url = settings_from_env({"BASTION_HOME": str(tmp_path), "BASTION_DATABASE_URL": ""})
    assert home == tmp_path
    assert url is None
    _, url = settings_from_env({"BASTION_DATABASE_URL": "postgresql://u@h/db"})
    assert url == "postgresql://u@h/db"


def test_the_store_home_follows_the_one_home_rule(tmp_path: Path) -> None:
    """``--home`` > ``$BASTION_HOME`` > ``./.bastion``, as for every command (never ``~``)."""
    env = {"BASTION_HOME": str(tmp_path / "env")}
    assert settings_from_env({})[0] == Path(".bastion")
    assert settings_from_env(env)[0] == tmp_path / "env"
    assert settings_from_env(env, home=tmp_path / "opt")[0] == tmp_path / "opt"
    assert settings_from_env({}, home="~/x")[0] == Path.home() / "x"


def test_default_url_is_sqlite_file_in_home(tmp_path: Path) -> None:
    assert database_url(tmp_path, None) == f"sqlite:///{tmp_path.resolve()}/bastion.db"


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("postgresql://u:p%40ss@db:5433/bastion", "postgresql+psycopg://u:p%40ss@db:5433/bastion"),
        ("postgres://u@db/bastion", "postgresql+psycopg://u@db/bastion"),
        ("postgresql+psycopg://u@db/bastion", "postgresql+psycopg://u@db/bastion"),
        ("sqlite:////var/lib/bastion.db", "sqlite:////var/lib/bastion.db"),
    ],
)
def test_url_normalised_to_psycopg3(given: str, expected: str) -> None:
    assert database_url(Path("/unused"), given) == expected


@pytest.mark.parametrize(
    "bad", ["mysql://u@h/db", "postgresql+psycopg2://u@h/db", "not a url", "oracle://x"]
)
def test_unsupported_url_is_a_clear_error(bad: str) -> None:
    with pytest.raises(StoreConfigError, match="URL"):
        database_url(Path("/unused"), bad)


def test_sqlite_pragmas(tmp_path: Path) -> None:
    with Store.open(home=tmp_path / "h", migrate=False) as store, store.engine.connect() as conn:
        assert (tmp_path / "h" / "bastion.db").exists()
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("PRAGMA busy_timeout")).scalar() == 5000


def test_sqlite_write_transaction_takes_the_write_lock_up_front(tmp_path: Path) -> None:
    """A second writer must wait for the first instead of both reading a stale head."""
    with Store.open(home=tmp_path, migrate=False) as store, store.transaction() as session:
        raw = session.connection().connection.dbapi_connection
        assert raw is not None
        assert raw.in_transaction
        other = sqlite3.connect(tmp_path / "bastion.db", isolation_level=None, timeout=0)
        try:
            with pytest.raises(sqlite3.OperationalError, match="locked"):
                other.execute("BEGIN IMMEDIATE")
        finally:
            other.close()
