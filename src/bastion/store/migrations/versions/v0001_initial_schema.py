"""Initial schema: tenants, content, moderation state, notices, campaigns, audit log.

Revision ID: 0001_initial_schema
Revises:
Create Date: 2026-11-24
"""

from collections.abc import Sequence
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0001_initial_schema"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
TS = sa.DateTime(timezone=True)
JSON = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")


def _enum(name: str, *values: str) -> sa.Enum:
    return sa.Enum(*values, name=name, native_enum=False, create_constraint=True)


def _tenant_fk(table: str, column: str = "", parent: str = "tenants") -> sa.ForeignKeyConstraint:
    """FK to the owning tenant, or the composite (tenant_id, column) -> parent(tenant_id, id)."""
    if not column:
        return sa.ForeignKeyConstraint(
            ["tenant_id"], ["tenants.id"], name=op.f(f"fk_{table}_tenant_id_tenants")
        )
    return sa.ForeignKeyConstraint(
        ["tenant_id", column],
        [f"{parent}.tenant_id", f"{parent}.id"],
        name=op.f(f"fk_{table}_tenant_id_{column}_{parent}"),
    )


def upgrade() -> None:
    op.create_table(
        "audit_chain_head",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.Column("updated_at", TS, nullable=False),
        sa.CheckConstraint("id = 1", name=op.f("ck_audit_chain_head_single_row")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_chain_head")),
    )
    op.create_table(
        "tenants",
        sa.Column("id", ID, nullable=False),
        sa.Column("slug", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tenants")),
        sa.UniqueConstraint("slug", name=op.f("uq_tenants_slug")),
    )
    op.create_table(
        "accounts",
        sa.Column("id", ID, nullable=False),
        sa.Column("tenant_id", ID, nullable=False),
        sa.Column("external_id", sa.String(length=255), nullable=False),
        sa.Column("verified", sa.Boolean(), nullable=False),
        sa.Column(
            "monetization",
            _enum("monetization", "active", "suspended", "revoked"),
            nullable=False,
        ),
        sa.Column("follower_count", sa.Integer(), nullable=False),
        sa.Column("followers_frozen", sa.Boolean(), nullable=False),
        sa.Column(
            "status",
            _enum("account_status", "active", "suspended", "banned"),
            nullable=False,
        ),
        sa.Column("suspended_until", TS, nullable=True),
        sa.Column("updated_at", TS, nullable=False),
        sa.Column("created_at", TS, nullable=False),
        _tenant_fk("accounts"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_accounts")),
        sa.UniqueConstraint(
            "tenant_id", "external_id", name=op.f("uq_accounts_tenant_id_external_id")
        ),
        sa.UniqueConstraint("tenant_id", "id", name=op.f("uq_accounts_tenant_id_id")),
    )
    op.create_index("ix_accounts_tenant_id_status", "accounts", ["tenant_id", "status"])

    op.create_table(
        "api_keys",
        sa.Column("id", ID, nullable=False),
        sa.Column("tenant_id", ID, nullable=False),
        sa.Column("key_hash", sa.String(length=64), nullable=False),
        sa.Column(
            "role",
            _enum("key_role", "platform", "moderator", "admin", "public"),
            nullable=False,
        ),
        sa.Column("label", sa.String(length=200), nullable=False),
        sa.Column("revoked_at", TS, nullable=True),
        sa.Column("created_at", TS, nullable=False),
        _tenant_fk("api_keys"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_api_keys")),
        sa.UniqueConstraint("key_hash", name=op.f("uq_api_keys_key_hash")),
    )
    op.create_index("ix_api_keys_tenant_id", "api_keys", ["tenant_id"])

    op.create_table(
        "audit_events",
        sa.Column("seq", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("tenant_id", ID, nullable=True),
        sa.Column("actor", sa.String(length=255), nullable=False),
        sa.Column("action", sa.String(length=64), nullable=False),
        sa.Column("subject", sa.String(length=255), nullable=False),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        _tenant_fk("audit_events"),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_audit_events")),
        sa.UniqueConstraint("hash", name=op.f("uq_audit_events_hash")),
    )
    op.create_index("ix_audit_events_subject", "audit_events", ["subject"])
    op.create_index("ix_audit_events_tenant_id_seq", "audit_events", ["tenant_id", "seq"])

    op.create_table(
        "campaigns",
        sa.Column("id", ID, nullable=False),
        sa.Column("tenant_id", ID, nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("scope", JSON, nullable=False),
        sa.Column("starts_at", TS, nullable=False),
        sa.Column("ends_at", TS, nullable=True),
        sa.Column("items_matched", sa.Integer(), nullable=False),
        sa.Column("accounts_matched", sa.Integer(), nullable=False),
        sa.Column("actions_taken", sa.Integer(), nullable=False),
        sa.Column("created_at", TS, nullable=False),
        _tenant_fk("campaigns"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_campaigns")),
        sa.UniqueConstraint("tenant_id", "name", name=op.f("uq_campaigns_tenant_id_name")),
    )
    op.create_table(
        "notices",
        sa.Column("id", ID, nullable=False),
        sa.Column("tenant_id", ID, nullable=False),
        sa.Column("event", sa.String(length=64), nullable=False),
        sa.Column("payload", JSON, nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_attempt_at", TS, nullable=False),
        sa.Column(
            "status",
            _enum("notice_status", "pending", "delivered", "dead"),
            nullable=False,
        ),
        sa.Column("last_error", sa.String(length=1000), nullable=True),
        sa.Column("delivered_at", TS, nullable=True),
        sa.Column("created_at", TS, nullable=False),
        _tenant_fk("notices"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_notices")),
    )
    op.create_index("ix_notices_status_next_attempt_at", "notices", ["status", "next_attempt_at"])
    op.create_index("ix_notices_tenant_id_created_at", "notices", ["tenant_id", "created_at"])

    op.create_table(
        "items",
        sa.Column("id", ID, nullable=False),
        sa.Column("tenant_id", ID, nullable=False),
        sa.Column("external_id", sa.String(length=255), nullable=False),
        sa.Column("account_id", ID, nullable=True),
        sa.Column("surface", sa.String(length=32), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("created_at", TS, nullable=True),
        sa.Column("ingested_at", TS, nullable=False),
        sa.Column("scanned_at", TS, nullable=True),
        sa.Column(
            "verdict",
            _enum("verdict", "allow", "review", "act"),
            nullable=True,
        ),
        sa.Column("policy_version", sa.String(length=64), nullable=True),
        sa.Column("result", JSON, nullable=True),
        _tenant_fk("items", "account_id", "accounts"),
        _tenant_fk("items"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_items")),
        sa.UniqueConstraint(
            "tenant_id", "external_id", name=op.f("uq_items_tenant_id_external_id")
        ),
        sa.UniqueConstraint("tenant_id", "id", name=op.f("uq_items_tenant_id_id")),
    )
    op.create_index("ix_items_tenant_id_account_id", "items", ["tenant_id", "account_id"])
    op.create_index(
        "ix_items_tenant_id_verdict_scanned_at", "items", ["tenant_id", "verdict", "scanned_at"]
    )

    op.create_table(
        "cases",
        sa.Column("id", ID, nullable=False),
        sa.Column("tenant_id", ID, nullable=False),
        sa.Column("item_id", ID, nullable=True),
        sa.Column("account_id", ID, nullable=True),
        sa.Column(
            "status",
            _enum("case_status", "open", "claimed", "decided", "closed"),
            nullable=False,
        ),
        sa.Column("priority", sa.Integer(), nullable=False),
        sa.Column("reason", sa.String(length=200), nullable=False),
        sa.Column("claimed_by", sa.String(length=255), nullable=True),
        sa.Column("claimed_at", TS, nullable=True),
        sa.Column("updated_at", TS, nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.CheckConstraint(
            "item_id IS NOT NULL OR account_id IS NOT NULL", name=op.f("ck_cases_has_target")
        ),
        _tenant_fk("cases", "account_id", "accounts"),
        _tenant_fk("cases", "item_id", "items"),
        _tenant_fk("cases"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cases")),
        sa.UniqueConstraint("tenant_id", "id", name=op.f("uq_cases_tenant_id_id")),
    )
    op.create_index("ix_cases_tenant_id_account_id", "cases", ["tenant_id", "account_id"])
    op.create_index("ix_cases_tenant_id_item_id", "cases", ["tenant_id", "item_id"])
    op.create_index(
        "ix_cases_tenant_id_status_priority", "cases", ["tenant_id", "status", "priority"]
    )

    op.create_table(
        "entities",
        sa.Column("id", ID, nullable=False),
        sa.Column("tenant_id", ID, nullable=False),
        sa.Column("item_id", ID, nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.Column("registrable_domain", sa.String(length=253), nullable=True),
        sa.Column("category", sa.String(length=64), nullable=True),
        _tenant_fk("entities", "item_id", "items"),
        _tenant_fk("entities"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_entities")),
        sa.UniqueConstraint("item_id", "position", name=op.f("uq_entities_item_id_position")),
    )
    op.create_index(
        "ix_entities_tenant_id_kind_category", "entities", ["tenant_id", "kind", "category"]
    )
    op.create_index(
        "ix_entities_tenant_id_registrable_domain", "entities", ["tenant_id", "registrable_domain"]
    )

    op.create_table(
        "violations",
        sa.Column("id", ID, nullable=False),
        sa.Column("tenant_id", ID, nullable=False),
        sa.Column("item_id", ID, nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("rule", sa.String(length=128), nullable=False),
        sa.Column("category", sa.String(length=64), nullable=False),
        sa.Column(
            "severity",
            _enum("severity", "low", "medium", "high", "critical"),
            nullable=False,
        ),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.Column(
            "outcome",
            _enum("outcome", "allow", "review", "disable_link", "remove"),
            nullable=False,
        ),
        sa.Column("mode", sa.String(length=16), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("created_at", TS, nullable=False),
        _tenant_fk("violations", "item_id", "items"),
        _tenant_fk("violations"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_violations")),
        sa.UniqueConstraint("item_id", "position", name=op.f("uq_violations_item_id_position")),
        sa.UniqueConstraint("tenant_id", "id", name=op.f("uq_violations_tenant_id_id")),
    )
    op.create_index(
        "ix_violations_tenant_id_category_created_at",
        "violations",
        ["tenant_id", "category", "created_at"],
    )

    op.create_table(
        "actions",
        sa.Column("id", ID, nullable=False),
        sa.Column("tenant_id", ID, nullable=False),
        sa.Column("item_id", ID, nullable=True),
        sa.Column("account_id", ID, nullable=True),
        sa.Column("violation_id", ID, nullable=True),
        sa.Column("case_id", ID, nullable=True),
        sa.Column("dedupe_key", sa.String(length=200), nullable=False),
        sa.Column(
            "kind",
            _enum(
                "action_kind",
                "remove_content",
                "disable_link",
                "label",
                "warn",
                "remove_followers",
                "freeze_followers",
                "suspend_monetization",
                "revoke_monetization",
                "temp_suspend",
                "ban",
            ),
            nullable=False,
        ),
        sa.Column(
            "actor",
            _enum("actor", "automation", "reviewer", "report"),
            nullable=False,
        ),
        sa.Column("actor_id", sa.String(length=255), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("statement_of_reasons", JSON, nullable=True),
        sa.Column("expires_at", TS, nullable=True),
        sa.Column("reversed_at", TS, nullable=True),
        sa.Column("reversed_by", sa.String(length=255), nullable=True),
        sa.Column("reversal_reason", sa.Text(), nullable=True),
        sa.Column("created_at", TS, nullable=False),
        sa.CheckConstraint(
            "item_id IS NOT NULL OR account_id IS NOT NULL", name=op.f("ck_actions_has_target")
        ),
        _tenant_fk("actions", "account_id", "accounts"),
        _tenant_fk("actions", "case_id", "cases"),
        _tenant_fk("actions", "item_id", "items"),
        _tenant_fk("actions", "violation_id", "violations"),
        _tenant_fk("actions"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_actions")),
        sa.UniqueConstraint(
            "tenant_id", "dedupe_key", name=op.f("uq_actions_tenant_id_dedupe_key")
        ),
        sa.UniqueConstraint("tenant_id", "id", name=op.f("uq_actions_tenant_id_id")),
    )
    op.create_index("ix_actions_expires_at", "actions", ["expires_at"])
    op.create_index(
        "ix_actions_tenant_id_account_id_created_at",
        "actions",
        ["tenant_id", "account_id", "created_at"],
    )
    op.create_index("ix_actions_tenant_id_item_id", "actions", ["tenant_id", "item_id"])

    op.create_table(
        "reports",
        sa.Column("id", ID, nullable=False),
        sa.Column("tenant_id", ID, nullable=False),
        sa.Column("reporter_id", sa.String(length=255), nullable=True),
        sa.Column("reporter_ip_hash", sa.String(length=64), nullable=True),
        sa.Column("trusted_flagger", sa.Boolean(), nullable=False),
        sa.Column("item_id", ID, nullable=True),
        sa.Column("account_id", ID, nullable=True),
        sa.Column("reason", sa.String(length=64), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("case_id", ID, nullable=True),
        sa.Column("created_at", TS, nullable=False),
        sa.CheckConstraint(
            "item_id IS NOT NULL OR account_id IS NOT NULL", name=op.f("ck_reports_has_target")
        ),
        _tenant_fk("reports", "account_id", "accounts"),
        _tenant_fk("reports", "case_id", "cases"),
        _tenant_fk("reports", "item_id", "items"),
        _tenant_fk("reports"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reports")),
    )
    op.create_index("ix_reports_tenant_id_case_id", "reports", ["tenant_id", "case_id"])
    op.create_index("ix_reports_tenant_id_item_id", "reports", ["tenant_id", "item_id"])
    op.create_index(
        "ix_reports_tenant_id_reporter_ip_hash", "reports", ["tenant_id", "reporter_ip_hash"]
    )

    op.create_table(
        "reviews",
        sa.Column("id", ID, nullable=False),
        sa.Column("tenant_id", ID, nullable=False),
        sa.Column("case_id", ID, nullable=False),
        sa.Column("moderator", sa.String(length=255), nullable=False),
        sa.Column(
            "decision",
            _enum("decision", "uphold", "dismiss", "change_action"),
            nullable=False,
        ),
        sa.Column(
            "new_action_kind",
            _enum(
                "new_action_kind",
                "remove_content",
                "disable_link",
                "label",
                "warn",
                "remove_followers",
                "freeze_followers",
                "suspend_monetization",
                "revoke_monetization",
                "temp_suspend",
                "ban",
            ),
            nullable=True,
        ),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("created_at", TS, nullable=False),
        _tenant_fk("reviews", "case_id", "cases"),
        _tenant_fk("reviews"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reviews")),
    )
    op.create_index("ix_reviews_tenant_id_case_id", "reviews", ["tenant_id", "case_id"])

    op.create_table(
        "strikes",
        sa.Column("id", ID, nullable=False),
        sa.Column("tenant_id", ID, nullable=False),
        sa.Column("account_id", ID, nullable=False),
        sa.Column("item_id", ID, nullable=False),
        sa.Column("violation_id", ID, nullable=True),
        sa.Column("category", sa.String(length=64), nullable=False),
        sa.Column(
            "severity",
            _enum("severity", "low", "medium", "high", "critical"),
            nullable=False,
        ),
        sa.Column("expires_at", TS, nullable=True),
        sa.Column("reversed_at", TS, nullable=True),
        sa.Column("created_at", TS, nullable=False),
        _tenant_fk("strikes", "account_id", "accounts"),
        _tenant_fk("strikes", "item_id", "items"),
        _tenant_fk("strikes", "violation_id", "violations"),
        _tenant_fk("strikes"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_strikes")),
        sa.UniqueConstraint(
            "account_id", "item_id", "category", name=op.f("uq_strikes_account_id_item_id_category")
        ),
    )
    op.create_index(
        "ix_strikes_tenant_id_account_id_expires_at",
        "strikes",
        ["tenant_id", "account_id", "expires_at"],
    )

    op.create_table(
        "appeals",
        sa.Column("id", ID, nullable=False),
        sa.Column("tenant_id", ID, nullable=False),
        sa.Column("action_id", ID, nullable=False),
        sa.Column("appellant", sa.String(length=255), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column(
            "status",
            _enum("appeal_status", "open", "granted", "denied", "withdrawn"),
            nullable=False,
        ),
        sa.Column("decided_by", sa.String(length=255), nullable=True),
        sa.Column("decided_at", TS, nullable=True),
        sa.Column("created_at", TS, nullable=False),
        _tenant_fk("appeals", "action_id", "actions"),
        _tenant_fk("appeals"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_appeals")),
    )
    op.create_index("ix_appeals_tenant_id_action_id", "appeals", ["tenant_id", "action_id"])
    op.create_index(
        "ix_appeals_tenant_id_status_created_at", "appeals", ["tenant_id", "status", "created_at"]
    )
    _seed_audit_head()
    _create_append_only_triggers()


def downgrade() -> None:
    _drop_append_only_triggers()
    op.drop_table("appeals")
    op.drop_table("strikes")
    op.drop_table("reviews")
    op.drop_table("reports")
    op.drop_table("actions")
    op.drop_table("violations")
    op.drop_table("entities")
    op.drop_table("cases")
    op.drop_table("items")
    op.drop_table("notices")
    op.drop_table("campaigns")
    op.drop_table("audit_events")
    op.drop_table("api_keys")
    op.drop_table("accounts")
    op.drop_table("tenants")
    op.drop_table("audit_chain_head")


GENESIS_HASH = "0" * 64
_PG_GUARD = "bastion_audit_append_only"


def _seed_audit_head() -> None:
    """The chain-head row appenders lock; an empty chain ends at seq 0 with the genesis hash."""
    head = sa.table(
        "audit_chain_head",
        sa.column("id", sa.Integer()),
        sa.column("seq", sa.BigInteger()),
        sa.column("hash", sa.String()),
        sa.column("updated_at", TS),
    )
    op.bulk_insert(
        head, [{"id": 1, "seq": 0, "hash": GENESIS_HASH, "updated_at": datetime.now(UTC)}]
    )


def _create_append_only_triggers() -> None:
    """Refuse UPDATE and DELETE on audit_events (and TRUNCATE on PostgreSQL) in the database."""
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            f"""
            CREATE FUNCTION {_PG_GUARD}() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION 'audit_events is append-only: % refused', TG_OP
                    USING ERRCODE = 'insufficient_privilege';
            END
            $$
            """
        )
        op.execute(
            "CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events "
            f"FOR EACH ROW EXECUTE FUNCTION {_PG_GUARD}()"
        )
        op.execute(
            "CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events "
            f"FOR EACH STATEMENT EXECUTE FUNCTION {_PG_GUARD}()"
        )
        return
    for verb in ("UPDATE", "DELETE"):
        op.execute(
            f"CREATE TRIGGER audit_events_no_{verb.lower()} BEFORE {verb} ON audit_events "
            f"BEGIN SELECT RAISE(ABORT, 'audit_events is append-only: {verb} refused'); END"
        )


def _drop_append_only_triggers() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS audit_events_no_truncate ON audit_events")
        op.execute("DROP TRIGGER IF EXISTS audit_events_append_only ON audit_events")
        op.execute(f"DROP FUNCTION IF EXISTS {_PG_GUARD}()")
        return
    op.execute("DROP TRIGGER IF EXISTS audit_events_no_update")
    op.execute("DROP TRIGGER IF EXISTS audit_events_no_delete")
