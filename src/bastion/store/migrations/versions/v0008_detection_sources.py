"""Detection sources and labels: where each finding was seen, and the ``label`` outcome.

Entities keep their ``origin`` (``text``, ``image:0:qr``, ``image:0:ocr``, ``image:0:pdq``) and
``box`` in the picture; violations keep their detection ``sources`` (``text``, ``qr``, ``ocr``,
``image_hash``, ``provenance``; several joined by commas), so the transparency report can count
actions by what found them. Verdicts and outcomes gain ``label`` (a picture declared AI-made is
labelled, not removed): the CHECK constraints of ``items.verdict`` and ``violations.outcome``
are widened. Widening only admits more values, so every stored row still satisfies it.

On SQLite a CHECK constraint cannot be altered, and rebuilding ``items`` (which other tables
reference) inside the migration's transaction would trip the enforced foreign keys; so the
constraint's text is rewritten in the schema, as SQLite documents for changes that leave the
stored rows untouched (lang_altertable.html, "making other kinds of table schema changes"), and
the schema version is bumped so every connection reloads it.

Revision ID: 0008_detection_sources
Revises: 0007_console_users
Create Date: 2026-12-06
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008_detection_sources"
down_revision: str | None = "0007_console_users"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

JSON = sa.JSON().with_variant(sa.dialects.postgresql.JSONB(), "postgresql")
OLD = {
    ("items", "verdict"): ("allow", "review", "act"),
    ("violations", "outcome"): ("allow", "review", "disable_link", "remove"),
}
NEW = {
    ("items", "verdict"): ("allow", "label", "review", "act"),
    ("violations", "outcome"): ("allow", "review", "label", "disable_link", "remove"),
}


def _check(column: str, values: Sequence[str]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


def _swap_checks(table: str, column: str, old: Sequence[str], new: Sequence[str]) -> None:
    name = f"ck_{table}_{column}"
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        op.drop_constraint(op.f(name), table, type_="check")
        op.create_check_constraint(op.f(name), table, _check(column, new))
        return
    sql = bind.exec_driver_sql(
        "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)
    ).scalar_one()
    before, after = _check(column, old), _check(column, new)
    if before not in sql:
        raise RuntimeError(f"{table}: CHECK constraint {name} is not {before!r}")
    version = bind.exec_driver_sql("PRAGMA schema_version").scalar_one()
    bind.exec_driver_sql("PRAGMA writable_schema = ON")
    bind.exec_driver_sql(
        "UPDATE sqlite_master SET sql = ? WHERE type = 'table' AND name = ?",
        (sql.replace(before, after), table),
    )
    bind.exec_driver_sql(f"PRAGMA schema_version = {int(version) + 1}")
    bind.exec_driver_sql("PRAGMA writable_schema = OFF")


def upgrade() -> None:
    with op.batch_alter_table("entities") as batch:
        batch.add_column(
            sa.Column("origin", sa.String(length=32), nullable=False, server_default="text")
        )
        batch.add_column(sa.Column("box", JSON, nullable=True))
    with op.batch_alter_table("violations") as batch:
        batch.add_column(
            sa.Column("sources", sa.String(length=64), nullable=False, server_default="text")
        )
    for (table, column), values in NEW.items():
        _swap_checks(table, column, OLD[(table, column)], values)


def downgrade() -> None:
    op.execute("UPDATE items SET verdict = 'allow' WHERE verdict = 'label'")
    op.execute("UPDATE violations SET outcome = 'allow' WHERE outcome = 'label'")
    for (table, column), values in NEW.items():
        _swap_checks(table, column, values, OLD[(table, column)])
    # Dropped in place (SQLite 3.35+ can): a batch rebuild of ``violations``, which actions and
    # strikes reference, would trip the enforced foreign keys on a store with data.
    for table, column in (("violations", "sources"), ("entities", "box"), ("entities", "origin")):
        op.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
