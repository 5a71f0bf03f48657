"""Tenant webhooks and campaigns bump the cache generation, as key revocations do.

Servers cache what every check transaction reads of its tenant (the webhook URL and the
campaigns), trusted only while the generation (``api_key_generation``, see 0005) is the one the
entry was read under. Triggers bump it whatever writes the rows (the API, the CLI, another
worker, plain SQL): a tenant updated or deleted; a campaign created, deleted, or moved in time,
scope or tenant. On PostgreSQL the trigger also NOTIFYs the new value on the revocation channel,
so every server's watch (``bastion.api.keywatch``) drops its caches at commit. Campaign counter
updates (every check of a live campaign) touch none of the watched columns and bump nothing.

Revision ID: 0011_cache_generation
Revises: 0010_statement_lz4
Create Date: 2026-12-07
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0011_cache_generation"
down_revision: str | None = "0010_statement_lz4"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_BUMP = "UPDATE api_key_generation SET value = value + 1 WHERE id = 1"
_CAMPAIGN_COLUMNS = "tenant_id, scope, starts_at, ends_at"
_PG = (
    "CREATE FUNCTION bastion_bump_cache_generation() RETURNS trigger LANGUAGE plpgsql AS $$ "
    "DECLARE bumped bigint; BEGIN "
    f"{_BUMP} RETURNING value INTO bumped; "
    "PERFORM pg_notify('bastion_api_keys', bumped::text); RETURN NULL; END $$",
    "CREATE TRIGGER tenants_cache_generation AFTER UPDATE OR DELETE ON tenants "
    "FOR EACH STATEMENT EXECUTE FUNCTION bastion_bump_cache_generation()",
    "CREATE TRIGGER campaigns_cache_generation AFTER INSERT OR DELETE "
    f"OR UPDATE OF {_CAMPAIGN_COLUMNS} ON campaigns "
    "FOR EACH STATEMENT EXECUTE FUNCTION bastion_bump_cache_generation()",
)
_SQLITE_TRIGGERS = (
    ("tenants_cache_generation_update", "UPDATE ON tenants"),
    ("tenants_cache_generation_delete", "DELETE ON tenants"),
    ("campaigns_cache_generation_insert", "INSERT ON campaigns"),
    ("campaigns_cache_generation_delete", "DELETE ON campaigns"),
    ("campaigns_cache_generation_update", f"UPDATE OF {_CAMPAIGN_COLUMNS} ON campaigns"),
)


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for statement in _PG:
            op.execute(statement)
        return
    for name, event in _SQLITE_TRIGGERS:
        op.execute(f"CREATE TRIGGER {name} AFTER {event} BEGIN {_BUMP}; END")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER campaigns_cache_generation ON campaigns")
        op.execute("DROP TRIGGER tenants_cache_generation ON tenants")
        op.execute("DROP FUNCTION bastion_bump_cache_generation()")
        return
    for name, _ in _SQLITE_TRIGGERS:
        op.execute(f"DROP TRIGGER {name}")
