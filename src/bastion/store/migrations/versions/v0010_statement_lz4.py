"""Statements of reasons compressed with LZ4 on PostgreSQL.

Every action row carries its decision's statement of reasons (about 1.8 KB of JSONB), which is
just over the size where PostgreSQL compresses a row, so bulk ingest paid PostgreSQL's default
(pglz) compression for each action it wrote. LZ4 compresses about as well and costs less CPU.
Only rows written from now on use it; the stored values, and every query, are unchanged. A server
built without LZ4 keeps its default. Nothing to do on SQLite, which does not compress.

Revision ID: 0010_statement_lz4
Revises: 0009_reporter_mutes_item_images
Create Date: 2026-12-07
"""

from collections.abc import Sequence

from alembic import op
from sqlalchemy import text

revision: str = "0010_statement_lz4"
down_revision: str | None = "0009_reporter_mutes_item_images"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_HAS_LZ4 = (
    "SELECT 1 FROM pg_settings WHERE name = 'default_toast_compression' AND 'lz4' = ANY(enumvals)"
)


def _set_compression(method: str) -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql" or bind.execute(text(_HAS_LZ4)).first() is None:
        return
    op.execute(f"ALTER TABLE actions ALTER COLUMN statement_of_reasons SET COMPRESSION {method}")


def upgrade() -> None:
    _set_compression("lz4")


def downgrade() -> None:
    _set_compression("default")
