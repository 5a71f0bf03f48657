"""Indexes for looking up actions by decision and by time.

Reversing a decision finds its actions by ``case_id`` (else ``violation_id``), and the
transparency report matches reports to actions by case and reads the period's actions by
``created_at`` (all tenants, or one) and reversals by ``reversed_at``; without these each such
lookup scanned every action ever taken. ``(reversed_at, created_at)`` rather than ``reversed_at``
alone so that "live actions of the period" is one range too, not every live action.

Revision ID: 0004_action_lookup_indexes
Revises: 0003_trusted_flaggers
Create Date: 2026-11-24
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0004_action_lookup_indexes"
down_revision: str | None = "0003_trusted_flaggers"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

INDEXES: tuple[tuple[str, str, list[str]], ...] = (
    ("ix_actions_tenant_id_case_id", "actions", ["tenant_id", "case_id"]),
    ("ix_actions_tenant_id_violation_id", "actions", ["tenant_id", "violation_id"]),
    ("ix_actions_created_at", "actions", ["created_at"]),
    ("ix_actions_tenant_id_created_at", "actions", ["tenant_id", "created_at"]),
    ("ix_actions_reversed_at_created_at", "actions", ["reversed_at", "created_at"]),
)


def upgrade() -> None:
    for name, table, columns in INDEXES:
        op.create_index(name, table, columns)


def downgrade() -> None:
    for name, table, _columns in reversed(INDEXES):
        op.drop_index(name, table_name=table)
