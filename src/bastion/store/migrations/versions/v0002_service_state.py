"""Service state: tenant webhook config, item content restrictions, campaign counters.

Revision ID: 0002_service_state
Revises: 0001_initial_schema
Create Date: 2026-11-24
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002_service_state"
down_revision: str | None = "0001_initial_schema"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    with op.batch_alter_table("tenants") as batch:
        batch.add_column(sa.Column("webhook_url", sa.String(length=2000), nullable=True))
        batch.add_column(sa.Column("webhook_secret", sa.String(length=200), nullable=True))
        batch.add_column(
            sa.Column(
                "webhook_allow_private", sa.Boolean(), nullable=False, server_default=sa.false()
            )
        )
    with op.batch_alter_table("items") as batch:
        for name in ("content_removed", "link_disabled", "labeled"):
            batch.add_column(
                sa.Column(name, sa.Boolean(), nullable=False, server_default=sa.false())
            )
    with op.batch_alter_table("campaigns") as batch:
        batch.add_column(
            sa.Column("links_disabled", sa.Integer(), nullable=False, server_default="0")
        )
    op.create_table(
        "campaign_accounts",
        sa.Column("tenant_id", ID, nullable=False),
        sa.Column("campaign_id", ID, nullable=False),
        sa.Column("account_id", ID, nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.ForeignKeyConstraint(
            ["campaign_id"],
            ["campaigns.id"],
            name=op.f("fk_campaign_accounts_campaign_id_campaigns"),
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id", "account_id"],
            ["accounts.tenant_id", "accounts.id"],
            name=op.f("fk_campaign_accounts_tenant_id_account_id_accounts"),
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"], ["tenants.id"], name=op.f("fk_campaign_accounts_tenant_id_tenants")
        ),
        sa.PrimaryKeyConstraint("campaign_id", "account_id", name=op.f("pk_campaign_accounts")),
    )


def downgrade() -> None:
    op.drop_table("campaign_accounts")
    with op.batch_alter_table("campaigns") as batch:
        batch.drop_column("links_disabled")
    with op.batch_alter_table("items") as batch:
        for name in ("labeled", "link_disabled", "content_removed"):
            batch.drop_column(name)
    with op.batch_alter_table("tenants") as batch:
        for name in ("webhook_allow_private", "webhook_secret", "webhook_url"):
            batch.drop_column(name)
