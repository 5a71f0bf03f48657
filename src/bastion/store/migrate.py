"""Run the packaged Alembic migrations programmatically (no alembic.ini at runtime)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from importlib.resources import as_file, files

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, text
from sqlalchemy.engine import Connection


@contextmanager
def _config(connection: Connection | None = None) -> Iterator[Config]:
    with as_file(files("bastion.store").joinpath("migrations")) as path:
        config = Config()
        config.set_main_option("script_location", str(path))
        if connection is not None:
            config.attributes["connection"] = connection
        yield config


_PG_MIGRATION_LOCK = 0x62617374  # "bast": an arbitrary advisory-lock key for migrations


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Migrate the database up to ``revision`` in one transaction (DDL is transactional on both).

    Processes starting together queue on a lock (SQLite: the write lock of BEGIN IMMEDIATE;
    PostgreSQL: an advisory lock), so the second one finds the schema current and does nothing.
    """
    with engine.begin() as connection, _config(connection) as config:
        _serialise(connection)
        command.upgrade(config, revision)


def downgrade(engine: Engine, revision: str = "base") -> None:
    """Migrate down to ``revision``; ``base`` drops every table the migrations created."""
    with engine.begin() as connection, _config(connection) as config:
        _serialise(connection)
        command.downgrade(config, revision)


def _serialise(connection: Connection) -> None:
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_MIGRATION_LOCK})


def current_revision(engine: Engine) -> str | None:
    """The revision the database is at, or None for an empty database."""
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def head_revision() -> str:
    """The newest revision shipped with this package."""
    with _config() as config:
        head = ScriptDirectory.from_config(config).get_current_head()
    if head is None:
        raise RuntimeError("no migrations shipped: bastion/store/migrations/versions is empty")
    return head
