"""API key revocation generation: one counter every revocation bumps.

Servers cache key lookups; each cached entry remembers the generation it was read under, and a
request trusts it only while the generation is unchanged, so a revocation committed by the CLI
or by another worker ends every cached use of every key at once.

Revision ID: 0005_key_generation
Revises: 0004_action_lookup_indexes
Create Date: 2026-12-06
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005_key_generation"
down_revision: str | None = "0004_action_lookup_indexes"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    table = op.create_table(
        "api_key_generation",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=False),
        sa.Column("value", sa.BigInteger(), nullable=False),
        sa.CheckConstraint("id = 1", name="single_row"),
    )
    op.bulk_insert(table, [{"id": 1, "value": 0}])


def downgrade() -> None:
    op.drop_table("api_key_generation")
