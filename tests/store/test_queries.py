from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from bastion.model import InputError
from bastion.model import Item as ItemRecord
from bastion.store import Store
from bastion.store import queries as q
from bastion.store.enums import KeyRole, Verdict
from bastion.store.models import Account, Item


def _tenant(store: Store, slug: str) -> int:
    with store.transaction() as session:
        return q.create_tenant(session, slug=slug, name=slug.title()).id


def _count(store: Store, model: type[object]) -> int:
    with store.transaction(readonly=True) as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def test_api_key_lookup_by_hash(store: Store) -> None:
    tenant_id = _tenant(store, "demo")
    with store.transaction() as session:
        key, plaintext = q.issue_api_key(session, tenant_id, "moderator", label="console")
    assert key.key_hash == q.hash_api_key(plaintext) != plaintext
    assert plaintext.startswith("bst_")
    with store.transaction() as session:
        found = q.tenant_by_key_hash(session, q.hash_api_key(plaintext))
        assert found is not None
        tenant, row = found
        assert (tenant.slug, row.role) == ("demo", KeyRole.MODERATOR)
        assert q.tenant_by_key_hash(session, q.hash_api_key("bst_wrong")) is None
        row.revoked_at = datetime.now(UTC)
    with store.transaction() as session:
        assert q.tenant_by_key_hash(session, q.hash_api_key(plaintext)) is None


def test_bad_role_and_slug_are_refused(store: Store) -> None:
    tenant_id = _tenant(store, "demo")
    with store.transaction() as session:
        with pytest.raises(ValueError, match="superuser"):
            q.issue_api_key(session, tenant_id, "superuser")
        with pytest.raises(ValueError, match="slug"):
            q.create_tenant(session, slug="Has Spaces", name="x")
    with pytest.raises(IntegrityError), store.transaction() as session:
        q.create_tenant(session, slug="demo", name="again")


def test_item_upsert_is_idempotent(store: Store) -> None:
    tenant_id = _tenant(store, "demo")
    with store.transaction() as session:
        first = q.upsert_item(session, tenant_id, "p-1", text="hello", account_external_id="u-1")
    with store.transaction() as session:
        again = q.upsert_item(session, tenant_id, "p-1", text="hello", account_external_id="u-1")
    assert first.created and not first.changed
    assert not again.created and not again.changed
    assert again.item.id == first.item.id
    assert _count(store, Item) == 1
    assert _count(store, Account) == 1


def test_edited_resend_updates_and_clears_scan(store: Store) -> None:
    tenant_id = _tenant(store, "demo")
    with store.transaction() as session:
        item = q.upsert_item(session, tenant_id, "p-1", text="hello").item
        item.verdict, item.policy_version, item.scanned_at = Verdict.ACT, "v1", datetime.now(UTC)
    with store.transaction() as session:
        edited = q.upsert_item(session, tenant_id, "p-1", text="hello again", surface="comment")
    assert edited.changed and not edited.created
    with store.transaction(readonly=True) as session:
        row = q.get_item(session, tenant_id, "p-1")
        assert row is not None
        assert (row.text, row.surface, row.verdict, row.scanned_at) == (
            "hello again",
            "comment",
            None,
            None,
        )


def test_upsert_record_parses_wire_format(store: Store) -> None:
    tenant_id = _tenant(store, "demo")
    record = ItemRecord.from_dict(
        {"id": "p-1", "text": "x", "account_id": "u-9", "created_at": "2026-11-20T10:00:00Z"}
    )
    with store.transaction() as session:
        result = q.upsert_item_record(session, tenant_id, record)
        assert result.item.created_at == datetime(2026, 11, 20, 10, tzinfo=UTC)
    with store.transaction(readonly=True) as session:
        row = q.get_item(session, tenant_id, "p-1")
        assert row is not None and row.created_at == datetime(2026, 11, 20, 10, tzinfo=UTC)
    naive = ItemRecord(id="p-2", text="x", created_at="2026-11-20T10:00:00")
    bad = ItemRecord(id="p-3", text="x", created_at="yesterday")
    with store.transaction() as session:
        with pytest.raises(InputError, match="time zone"):
            q.upsert_item_record(session, tenant_id, naive)
        with pytest.raises(InputError, match="ISO 8601"):
            q.upsert_item_record(session, tenant_id, bad)
        with pytest.raises(ValueError, match="surface"):
            q.upsert_item(session, tenant_id, "p-4", surface="billboard")


def test_account_get_or_create_is_idempotent(store: Store) -> None:
    tenant_id = _tenant(store, "demo")
    with store.transaction() as session:
        a = q.get_or_create_account(session, tenant_id, "u-1")
        a.follower_count = 42
    with store.transaction() as session:
        b = q.get_or_create_account(session, tenant_id, "u-1")
    assert (a.id, b.follower_count, b.status, b.monetization) == (b.id, 42, "active", "active")
    assert _count(store, Account) == 1


def test_tenant_isolation_in_helpers(store: Store) -> None:
    alpha, beta = _tenant(store, "alpha"), _tenant(store, "beta")
    with store.transaction() as session:
        a = q.upsert_item(session, alpha, "p-1", text="alpha text", account_external_id="u-1")
        b = q.upsert_item(session, beta, "p-1", text="beta text", account_external_id="u-1")
    assert a.created and b.created
    assert a.item.id != b.item.id and a.item.account_id != b.item.account_id
    with store.transaction(readonly=True) as session:
        seen_a = q.get_item(session, alpha, "p-1")
        seen_b = q.get_item(session, beta, "p-1")
        assert seen_a is not None and seen_a.text == "alpha text"
        assert seen_b is not None and seen_b.text == "beta text"
        assert q.get_item(session, alpha, "p-2") is None
        acc = q.get_account(session, beta, "u-1")
        assert acc is not None and acc.tenant_id == beta


def test_database_refuses_cross_tenant_links(store: Store) -> None:
    alpha, beta = _tenant(store, "alpha"), _tenant(store, "beta")
    with store.transaction() as session:
        beta_account = q.get_or_create_account(session, beta, "u-1").id
    with pytest.raises(IntegrityError), store.transaction() as session:
        session.add(
            Item(tenant_id=alpha, external_id="p-1", surface="post", account_id=beta_account)
        )
        session.flush()
    assert _count(store, Item) == 0
