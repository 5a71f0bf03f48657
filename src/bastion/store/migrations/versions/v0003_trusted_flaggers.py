"""Trusted flaggers and reporter rate limits: a flag on API keys, an index for sliding windows.

Revision ID: 0003_trusted_flaggers
Revises: 0002_service_state
Create Date: 2026-11-24
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003_trusted_flaggers"
down_revision: str | None = "0002_service_state"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("api_keys") as batch:
        batch.add_column(
            sa.Column("trusted_flagger", sa.Boolean(), nullable=False, server_default=sa.false())
        )
    op.create_index(
        "ix_reports_tenant_id_reporter_id_created_at",
        "reports",
        ["tenant_id", "reporter_id", "created_at"],
    )
    op.create_index(
        "ix_reports_tenant_id_reporter_ip_hash_created_at",
        "reports",
        ["tenant_id", "reporter_ip_hash", "created_at"],
    )
    op.drop_index("ix_reports_tenant_id_reporter_ip_hash", table_name="reports")


def downgrade() -> None:
    op.create_index(
        "ix_reports_tenant_id_reporter_ip_hash", "reports", ["tenant_id", "reporter_ip_hash"]
    )
    op.drop_index("ix_reports_tenant_id_reporter_ip_hash_created_at", table_name="reports")
    op.drop_index("ix_reports_tenant_id_reporter_id_created_at", table_name="reports")
    with op.batch_alter_table("api_keys") as batch:
        batch.drop_column("trusted_flagger")
