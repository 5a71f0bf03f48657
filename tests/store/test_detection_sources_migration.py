"""Revision 0008 on a store that already holds data, on SQLite and PostgreSQL: old rows keep
their values (their findings were all in text), the ``label`` verdict and outcome are admitted,
the widened CHECK constraints still refuse anything else, and the way down works."""

from __future__ import annotations

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from bastion.store import Store
from bastion.store.migrate import current_revision, downgrade, head_revision, upgrade

BEFORE = "0007_console_users"
NOW = "2026-12-01 10:00:00"


def _seed(store: Store) -> None:
    with store.engine.begin() as conn:
        conn.execute(
            text("INSERT INTO tenants (id, slug, name, created_at) VALUES (1, 't', 'T', :now)"),
            {"now": NOW},
        )
        conn.execute(
            text(
                "INSERT INTO items (id, tenant_id, external_id, surface, text, ingested_at, "
                "verdict, content_removed, link_disabled, labeled) "
                "VALUES (1, 1, 'old', 'post', 'visit bet888.com', :now, 'act', "
                ":no, :no, :no)"
            ),
            {"now": NOW, "no": False},
        )
        conn.execute(
            text(
                "INSERT INTO entities (tenant_id, item_id, position, kind, value) "
                "VALUES (1, 1, 0, 'domain', 'bet888.com')"
            )
        )
        conn.execute(
            text(
                "INSERT INTO violations (tenant_id, item_id, position, rule, category, severity, "
                "confidence, outcome, mode, reason, created_at) VALUES (1, 1, 0, 'link.listed', "
                "'gambling', 'high', 1.0, 'disable_link', 'enforce', '', :now)"
            ),
            {"now": NOW},
        )


def _label_item(store: Store) -> None:
    with store.engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO items (id, tenant_id, external_id, surface, text, ingested_at, "
                "verdict, content_removed, link_disabled, labeled) "
                "VALUES (2, 1, 'ai', 'post', '', :now, 'label', :no, :no, :no)"
            ),
            {"now": NOW, "no": False},
        )
        conn.execute(
            text(
                "INSERT INTO violations (tenant_id, item_id, position, rule, category, severity, "
                "confidence, outcome, mode, reason, created_at, sources) VALUES (1, 2, 0, "
                "'media.ai_unlabelled', 'synthetic_media', 'low', 1.0, 'label', 'enforce', '', "
                ":now, 'provenance')"
            ),
            {"now": NOW},
        )


def test_upgrade_keeps_old_rows_and_admits_label(empty_store: Store) -> None:
    store = empty_store
    upgrade(store.engine, BEFORE)
    _seed(store)
    with pytest.raises(IntegrityError), store.engine.begin() as conn:
        conn.execute(text("UPDATE items SET verdict = 'label' WHERE id = 1"))
    upgrade(store.engine)
    assert current_revision(store.engine) == head_revision()
    with store.engine.connect() as conn:
        assert conn.execute(text("SELECT origin, box FROM entities")).one() == ("text", None)
        assert conn.execute(text("SELECT sources FROM violations")).scalar_one() == "text"
        assert conn.execute(text("SELECT verdict FROM items")).scalar_one() == "act"
    _label_item(store)
    for sql in (
        "UPDATE items SET verdict = 'bogus' WHERE id = 2",
        "UPDATE violations SET outcome = 'ban' WHERE item_id = 2",
    ):
        with pytest.raises(IntegrityError), store.engine.begin() as conn:
            conn.execute(text(sql))
    downgrade(store.engine, BEFORE)
    with store.engine.connect() as conn:
        verdicts = conn.execute(text("SELECT verdict FROM items ORDER BY id")).scalars().all()
        assert verdicts == ["act", "allow"]
    with pytest.raises(IntegrityError), store.engine.begin() as conn:
        conn.execute(text("UPDATE items SET verdict = 'label' WHERE id = 2"))
    upgrade(store.engine)
    assert current_revision(store.engine) == head_revision()
