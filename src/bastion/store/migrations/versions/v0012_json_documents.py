"""Statements of reasons and items' scan results stored as ``json``, not ``jsonb``, on PostgreSQL.

Bulk ingest writes about two action rows a finding, each carrying its decision's statement of
reasons (about 1.8 KB), and the finding's item with its scan result. Parsing that text into
``jsonb``'s binary form was the largest single cost of the server's action inserts, yet nothing
queries inside either document: each is written once and read back whole (the API, the DSA
export, a reversal's category, the console, a finding's evidence). ``json`` keeps the text as
written (checked to be valid JSON) for less server CPU per finding (``bench.ingest_sweep``).
The values read back are the same documents; their keys now come in the order they were
written, as on SQLite, instead of ``jsonb``'s. The statements keep LZ4 (0010). Nothing to do on
SQLite, where JSON is text already.

Revision ID: 0012_json_documents
Revises: 0011_cache_generation
Create Date: 2026-12-07
"""

from collections.abc import Sequence

from alembic import op
from sqlalchemy import text

revision: str = "0012_json_documents"
down_revision: str | None = "0011_cache_generation"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_HAS_LZ4 = (
    "SELECT 1 FROM pg_settings WHERE name = 'default_toast_compression' AND 'lz4' = ANY(enumvals)"
)


def _retype(kind: str) -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    op.execute(
        f"ALTER TABLE actions ALTER COLUMN statement_of_reasons TYPE {kind} "
        f"USING statement_of_reasons::{kind}"
    )
    op.execute(f"ALTER TABLE items ALTER COLUMN result TYPE {kind} USING result::{kind}")
    if bind.execute(text(_HAS_LZ4)).first() is not None:
        op.execute("ALTER TABLE actions ALTER COLUMN statement_of_reasons SET COMPRESSION lz4")


def upgrade() -> None:
    _retype("json")


def downgrade() -> None:
    _retype("jsonb")
