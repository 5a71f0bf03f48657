from __future__ import annotations

import json

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text

from bastion.store import Store
from bastion.store.migrate import current_revision, downgrade, head_revision, upgrade
from bastion.store.models import Base
from tests.support.concurrency import race

TABLES = {
    "tenants",
    "api_keys",
    "api_key_generation",
    "accounts",
    "items",
    "entities",
    "violations",
    "cases",
    "actions",
    "strikes",
    "reports",
    "reviews",
    "appeals",
    "notices",
    "campaigns",
    "campaign_accounts",
    "audit_events",
    "audit_chain_head",
    "link_clicks",
    "console_users",
    "reporter_mutes",
    "item_images",
}


def _schema_diff(store: Store) -> list[object]:
    with store.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        return list(compare_metadata(context, Base.metadata))


def _triggers(store: Store) -> set[str]:
    with store.engine.connect() as conn:
        if store.dialect == "postgresql":
            sql = "SELECT tgname FROM pg_trigger WHERE NOT tgisinternal"
        else:
            sql = "SELECT name FROM sqlite_master WHERE type = 'trigger'"
        return set(conn.execute(text(sql)).scalars())


def test_models_cover_every_table() -> None:
    assert set(Base.metadata.tables) == TABLES


def test_migrated_schema_matches_models(store: Store) -> None:
    assert _schema_diff(store) == []


def test_diff_check_is_not_vacuous(empty_store: Store) -> None:
    diff = _schema_diff(empty_store)
    added = {
        entry[1].name for entry in diff if isinstance(entry, tuple) and entry[0] == "add_table"
    }
    assert added == TABLES


def test_head_is_the_newest_named_revision(store: Store) -> None:
    assert head_revision() == "0012_json_documents"
    assert current_revision(store.engine) == "0012_json_documents"


def test_upgrade_downgrade_round_trip(store: Store) -> None:
    expected_triggers = (
        {
            "audit_events_append_only",
            "audit_events_no_truncate",
            "tenants_cache_generation",
            "campaigns_cache_generation",
        }
        if store.dialect == "postgresql"
        else {
            "audit_events_no_update",
            "audit_events_no_delete",
            "tenants_cache_generation_update",
            "tenants_cache_generation_delete",
            "campaigns_cache_generation_insert",
            "campaigns_cache_generation_delete",
            "campaigns_cache_generation_update",
        }
    )
    assert _triggers(store) == expected_triggers
    downgrade(store.engine, "base")
    assert current_revision(store.engine) is None
    assert set(inspect(store.engine).get_table_names()) <= {"alembic_version"}
    assert _triggers(store) == set()
    upgrade(store.engine)
    assert current_revision(store.engine) == head_revision()
    assert _schema_diff(store) == []
    assert _triggers(store) == expected_triggers


def test_upgrade_is_idempotent_and_seeds_the_audit_head(store: Store) -> None:
    upgrade(store.engine)
    with store.engine.connect() as conn:
        rows = conn.execute(text("SELECT id, seq, hash FROM audit_chain_head")).all()
    assert [tuple(r) for r in rows] == [(1, 0, "0" * 64)]


def test_diff_check_sees_a_missing_index_and_a_changed_type(store: Store) -> None:
    with store.engine.begin() as conn:
        conn.execute(text("DROP INDEX ix_items_tenant_id_account_id"))
        if store.dialect == "postgresql":
            conn.execute(text("ALTER TABLE items ALTER COLUMN surface TYPE varchar(40)"))
    kinds = {entry[0] for entry in _schema_diff(store) if isinstance(entry, tuple)}
    kinds |= {entry[0][0] for entry in _schema_diff(store) if isinstance(entry, list)}
    assert "add_index" in kinds
    if store.dialect == "postgresql":
        assert "modify_type" in kinds


def test_concurrent_first_starts_migrate_once(empty_store: Store) -> None:
    assert race(3, lambda i: upgrade(empty_store.engine)).errors == []
    assert current_revision(empty_store.engine) == head_revision()
    assert _schema_diff(empty_store) == []


def test_statements_of_reasons_are_lz4_compressed_on_postgresql(store: Store) -> None:
    """0010: bulk ingest's action rows use LZ4, not pglz, where the server has it; the way
    back restores the default."""
    if store.dialect != "postgresql":
        return
    with store.engine.connect() as conn:
        has_lz4 = conn.execute(text(_HAS_LZ4)).first() is not None
    assert _compression(store) == ("l" if has_lz4 else "")
    downgrade(store.engine, "0009_reporter_mutes_item_images")
    assert _compression(store) == ""
    upgrade(store.engine)
    assert _compression(store) == ("l" if has_lz4 else "")


_HAS_LZ4 = (
    "SELECT 1 FROM pg_settings WHERE name = 'default_toast_compression' AND 'lz4' = ANY(enumvals)"
)


def _compression(store: Store) -> str:
    with store.engine.connect() as conn:
        found = conn.execute(
            text(
                "SELECT attcompression FROM pg_attribute WHERE attrelid = 'actions'::regclass "
                "AND attname = 'statement_of_reasons'"
            )
        ).scalar_one()
    return str(found or "").replace("\x00", "")


def test_statements_and_results_are_json_text_on_postgresql(store: Store) -> None:
    """0012: the two large documents ingest writes (statements of reasons, scan results) are
    ``json`` on PostgreSQL, kept as written, and a stored document survives the way back to
    ``jsonb`` and forth again unchanged as a value."""
    if store.dialect != "postgresql":
        return
    assert _column_types(store) == {"statement_of_reasons": "json", "result": "json"}
    document = {"b": [1, 2.5, None], "a": {"z": "ü", "y": True}}
    with store.engine.begin() as conn:
        tenant = conn.execute(
            text(
                "INSERT INTO tenants (slug, name, created_at) VALUES ('j', 'J', now()) RETURNING id"
            )
        ).scalar_one()
        conn.execute(
            text(
                "INSERT INTO items (tenant_id, external_id, surface, text, ingested_at, result, "
                "content_removed, link_disabled, labeled) "
                "VALUES (:t, 'i', 'post', 'x', now(), CAST(:doc AS json), false, false, false)"
            ),
            {"t": tenant, "doc": json.dumps(document)},
        )
    assert _stored_result(store) == json.dumps(document)
    downgrade(store.engine, "0011_cache_generation")
    assert _column_types(store) == {"statement_of_reasons": "jsonb", "result": "jsonb"}
    upgrade(store.engine)
    assert _column_types(store) == {"statement_of_reasons": "json", "result": "json"}
    assert json.loads(_stored_result(store)) == document
    assert _schema_diff(store) == []


def _column_types(store: Store) -> dict[str, str]:
    with store.engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT column_name, data_type FROM information_schema.columns WHERE "
                "(table_name = 'actions' AND column_name = 'statement_of_reasons') OR "
                "(table_name = 'items' AND column_name = 'result')"
            )
        ).all()
    return {str(r[0]): str(r[1]) for r in rows}


def _stored_result(store: Store) -> str:
    with store.engine.connect() as conn:
        return str(conn.execute(text("SELECT result::text FROM items")).scalar_one())
