"""Shim link clicks, counted per tenant, day, site, category and decision (no personal data).

Revision ID: 0006_link_clicks
Revises: 0005_key_generation
Create Date: 2026-12-06
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006_link_clicks"
down_revision: str | None = "0005_key_generation"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "link_clicks",
        sa.Column("id", ID, primary_key=True),
        sa.Column("tenant_id", ID, nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("host", sa.String(253), nullable=False),
        sa.Column("category", sa.String(64), nullable=False),
        sa.Column("decision", sa.String(16), nullable=False),
        sa.Column("count", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["tenant_id"], ["tenants.id"], name="fk_link_clicks_tenant_id_tenants"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_link_clicks"),
        sa.UniqueConstraint(
            "tenant_id",
            "day",
            "host",
            "category",
            "decision",
            name="uq_link_clicks_tenant_id_day_host_category_decision",
        ),
    )
    op.create_index("ix_link_clicks_tenant_id_day", "link_clicks", ["tenant_id", "day"])


def downgrade() -> None:
    op.drop_index("ix_link_clicks_tenant_id_day", table_name="link_clicks")
    op.drop_table("link_clicks")
