"""Minimal query helpers. Every tenant-owned lookup takes ``tenant_id`` and filters on it first.

Inserts that must be idempotent use ``INSERT ... ON CONFLICT DO NOTHING`` (same syntax on SQLite
and PostgreSQL), so two writers racing on the same key both end up with the one row, and the
enclosing transaction never has to be rolled back for a duplicate.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select, text, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from bastion.model import SURFACES, parse_created_at
from bastion.model import Item as ItemRecord
from bastion.store.enums import KeyRole
from bastion.store.models import Account, ApiKey, ApiKeyGeneration, Item, Tenant
from bastion.store.types import utcnow

_SLUG = re.compile(r"[a-z0-9][a-z0-9_-]{0,63}")
API_KEY_PREFIX = "bst_"


def hash_api_key(key: str) -> str:
    """The stored form of an API key: hex sha256 of the UTF-8 key."""
    if not key:
        raise ValueError("empty API key")
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def create_tenant(session: Session, *, slug: str, name: str) -> Tenant:
    """Add a tenant (a platform). ``slug`` is its stable, URL-safe short name."""
    if not _SLUG.fullmatch(slug):
        raise ValueError(f"tenant slug {slug!r} must match [a-z0-9][a-z0-9_-]{{0,63}}")
    if not name.strip():
        raise ValueError("tenant name is empty")
    tenant = Tenant(slug=slug, name=name)
    session.add(tenant)
    session.flush()
    return tenant


def issue_api_key(
    session: Session, tenant_id: int, role: KeyRole | str, *, label: str = ""
) -> tuple[ApiKey, str]:
    """Create a key; returns the row and the plaintext, which is never stored or shown again."""
    key_role = KeyRole(role)
    plaintext = API_KEY_PREFIX + secrets.token_urlsafe(32)
    row = ApiKey(tenant_id=tenant_id, key_hash=hash_api_key(plaintext), role=key_role, label=label)
    session.add(row)
    session.flush()
    return row, plaintext


def tenant_by_key_hash(session: Session, key_hash: str) -> tuple[Tenant, ApiKey] | None:
    """The tenant and key for a presented key's hash; None when unknown or revoked."""
    row = session.execute(
        select(Tenant, ApiKey)
        .join(ApiKey, ApiKey.tenant_id == Tenant.id)
        .where(ApiKey.key_hash == key_hash, ApiKey.revoked_at.is_(None))
    ).one_or_none()
    return None if row is None else (row[0], row[1])


KEY_CHANNEL = "bastion_api_keys"
"""PostgreSQL NOTIFY channel on which revocations announce the new key generation."""


class UnknownKey(LookupError):
    """No key with that id (for that tenant)."""


def list_api_keys(
    session: Session, tenant_id: int | None = None, *, include_revoked: bool = True
) -> list[tuple[ApiKey, str]]:
    """Keys with their tenant's slug, oldest first; only ``tenant_id``'s when given."""
    query = select(ApiKey, Tenant.slug).join(Tenant, Tenant.id == ApiKey.tenant_id)
    if tenant_id is not None:
        query = query.where(ApiKey.tenant_id == tenant_id)
    if not include_revoked:
        query = query.where(ApiKey.revoked_at.is_(None))
    return [(key, slug) for key, slug in session.execute(query.order_by(ApiKey.id))]


def revoke_api_key(
    session: Session, key_id: int, *, tenant_id: int | None = None, now: datetime | None = None
) -> tuple[ApiKey, bool]:
    """Revoke a key (scoped to ``tenant_id`` when given); returns it and whether this call
    revoked it (False: it already was). Bumps the key generation in the same transaction, so
    every server drops its cached keys the moment this commits (PostgreSQL also NOTIFYs)."""
    query = select(ApiKey).where(ApiKey.id == key_id).with_for_update()
    if tenant_id is not None:
        query = query.where(ApiKey.tenant_id == tenant_id)
    key = session.scalars(query).one_or_none()
    if key is None:
        raise UnknownKey(f"no API key with id {key_id}")
    if key.revoked_at is not None:
        return key, False
    key.revoked_at = now or utcnow()
    generation = session.execute(
        update(ApiKeyGeneration)
        .where(ApiKeyGeneration.id == 1)
        .values(value=ApiKeyGeneration.value + 1)
        .returning(ApiKeyGeneration.value)
    ).scalar_one()
    if session.get_bind().dialect.name == "postgresql":
        session.execute(
            text("SELECT pg_notify(:channel, :payload)"),
            {"channel": KEY_CHANNEL, "payload": str(generation)},
        )
    session.flush()
    return key, True


def key_generation(session: Session) -> int:
    """The current revocation generation (0 before any revocation)."""
    return int(
        session.execute(select(ApiKeyGeneration.value).where(ApiKeyGeneration.id == 1)).scalar_one()
    )


def get_account(session: Session, tenant_id: int, external_id: str) -> Account | None:
    return session.scalars(
        select(Account).where(Account.tenant_id == tenant_id, Account.external_id == external_id)
    ).one_or_none()


def get_or_create_account(session: Session, tenant_id: int, external_id: str) -> Account:
    """The tenant's account with this platform id, created with defaults if new."""
    if not external_id:
        raise ValueError("account external id is empty")
    account = get_account(session, tenant_id, external_id)
    if account is not None:
        return account
    now = utcnow()
    account = session.scalars(
        _insert(session, Account)
        .values(
            tenant_id=tenant_id,
            external_id=external_id,
            verified=False,
            monetization="active",
            follower_count=0,
            followers_frozen=False,
            status="active",
            created_at=now,
            updated_at=now,
        )
        .on_conflict_do_nothing(index_elements=["tenant_id", "external_id"])
        .returning(Account)
    ).one_or_none()
    if account is None:  # another transaction created it since our read
        account = get_account(session, tenant_id, external_id)
    if account is None:
        raise RuntimeError(f"account {external_id!r} vanished right after its insert")
    return account


@dataclass(frozen=True, slots=True)
class ItemUpsert:
    """What ``upsert_item`` did: ``created`` a new row, or found one and ``changed`` it or not."""

    item: Item
    created: bool
    changed: bool


def get_item(session: Session, tenant_id: int, external_id: str) -> Item | None:
    return session.scalars(
        select(Item).where(Item.tenant_id == tenant_id, Item.external_id == external_id)
    ).one_or_none()


def upsert_item(
    session: Session,
    tenant_id: int,
    external_id: str,
    *,
    surface: str = "post",
    text: str = "",
    account_external_id: str | None = None,
    created_at: datetime | None = None,
) -> ItemUpsert:
    """Record an item once per ``(tenant, external_id)``; a resend changes nothing.

    If a resend carries different text or surface (the user edited it), the row is updated and
    its scan fields are cleared, because the stored verdict no longer describes the content.
    """
    if not external_id:
        raise ValueError("item external id is empty")
    if surface not in SURFACES:
        raise ValueError(f"surface {surface!r} is not one of {', '.join(SURFACES)}")
    account_id = None
    if account_external_id:
        account_id = get_or_create_account(session, tenant_id, account_external_id).id
    inserted = session.scalars(
        _insert(session, Item)
        .values(
            tenant_id=tenant_id,
            external_id=external_id,
            account_id=account_id,
            surface=surface,
            text=text,
            created_at=created_at,
            ingested_at=utcnow(),
        )
        .on_conflict_do_nothing(index_elements=["tenant_id", "external_id"])
        .returning(Item)
    ).one_or_none()
    if inserted is not None:
        return ItemUpsert(inserted, created=True, changed=False)
    item = session.scalars(
        select(Item)
        .where(Item.tenant_id == tenant_id, Item.external_id == external_id)
        .with_for_update()
        .execution_options(populate_existing=True)
    ).one()
    changed = item.text != text or item.surface != surface
    if changed:
        item.text, item.surface = text, surface
        item.scanned_at = item.verdict = item.policy_version = item.result = None
    if account_id is not None and item.account_id != account_id:
        item.account_id, changed = account_id, True
    if created_at is not None and item.created_at != created_at:
        item.created_at, changed = created_at, True
    session.flush()
    return ItemUpsert(item, created=False, changed=changed)


def upsert_item_record(session: Session, tenant_id: int, record: ItemRecord) -> ItemUpsert:
    """``upsert_item`` for a validated wire record (``bastion.model.Item``)."""
    created_at = parse_created_at(record.created_at) if record.created_at else None
    return upsert_item(
        session,
        tenant_id,
        record.id,
        surface=record.surface,
        text=record.text,
        account_external_id=record.account_id or None,
        created_at=created_at,
    )


def _insert(session: Session, model: type[Any]) -> postgresql.Insert | sqlite.Insert:
    """The dialect's INSERT, which has ``on_conflict_do_nothing`` on both backends."""
    if session.get_bind().dialect.name == "postgresql":
        return postgresql.insert(model)
    return sqlite.insert(model)
