"""Muted reporters and the pictures of items that may reach a moderator.

``reporter_mutes``: reporters (by platform id or keyed address hash) whose reports no longer
enter the review queue; their reports are still stored and counted. ``item_images``: the bytes
of an item's pictures, kept for items the scan did not allow, so the case page can show them
with their QR and OCR finds boxed.

Revision ID: 0009_reporter_mutes_item_images
Revises: 0008_detection_sources
Create Date: 2026-12-06
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from bastion.store.types import UtcDateTime

revision: str = "0009_reporter_mutes_item_images"
down_revision: str | None = "0008_detection_sources"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None
ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "reporter_mutes",
        sa.Column("id", ID, primary_key=True),
        sa.Column("tenant_id", ID, nullable=False),
        sa.Column("reporter", sa.String(300), nullable=False),
        sa.Column("muted_by", sa.String(255), nullable=False),
        sa.Column("reason", sa.String(500), nullable=False),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["tenant_id"], ["tenants.id"], name="fk_reporter_mutes_tenant_id_tenants"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_reporter_mutes"),
        sa.UniqueConstraint("tenant_id", "reporter", name="uq_reporter_mutes_tenant_id_reporter"),
    )
    op.create_table(
        "item_images",
        sa.Column("id", ID, primary_key=True),
        sa.Column("tenant_id", ID, nullable=False),
        sa.Column("item_id", ID, nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["tenant_id"], ["tenants.id"], name="fk_item_images_tenant_id_tenants"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_item_images"),
        sa.UniqueConstraint("item_id", "position", name="uq_item_images_item_id_position"),
    )


def downgrade() -> None:
    op.drop_table("item_images")
    op.drop_table("reporter_mutes")
