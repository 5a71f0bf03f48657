"""Tenants (platforms), their API keys, and the accounts they host."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    BigInteger,
    CheckConstraint,
    ForeignKey,
    Index,
    String,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import Mapped, mapped_column

from bastion.store.enums import AccountStatus, KeyRole, Monetization
from bastion.store.models.base import Base, CreatedMixin, IdMixin, TenantOwned
from bastion.store.types import IdType, enum_column, utcnow


class Tenant(IdMixin, CreatedMixin, Base):
    __tablename__ = "tenants"

    slug: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    # Where enforcement notices go. The secret signs them (HMAC), so it is kept in clear; private
    # or loopback targets are refused unless the operator sets ``webhook_allow_private``.
    webhook_url: Mapped[str | None] = mapped_column(String(2000))
    webhook_secret: Mapped[str | None] = mapped_column(String(200))
    webhook_allow_private: Mapped[bool] = mapped_column(default=False, server_default=false())


class ApiKey(IdMixin, CreatedMixin, Base):
    """Only the sha256 of a key is kept; the plaintext is shown once, at creation."""

    __tablename__ = "api_keys"

    tenant_id: Mapped[int] = mapped_column(IdType, ForeignKey("tenants.id"), index=True)
    key_hash: Mapped[str] = mapped_column(String(64), unique=True)
    role: Mapped[KeyRole] = mapped_column(enum_column(KeyRole, "key_role"))
    label: Mapped[str] = mapped_column(String(200), default="")
    trusted_flagger: Mapped[bool] = mapped_column(default=False, server_default=false())
    """Reports made with this key come from a trusted flagger (DSA Art. 22) and jump the queue."""
    revoked_at: Mapped[datetime | None]


class ApiKeyGeneration(Base):
    """The single counter every key revocation bumps; servers compare it to drop cached keys."""

    __tablename__ = "api_key_generation"
    __table_args__ = (CheckConstraint("id = 1", name="single_row"),)

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    value: Mapped[int] = mapped_column(BigInteger)


class Account(IdMixin, CreatedMixin, TenantOwned, Base):
    __tablename__ = "accounts"
    __table_args__ = (
        UniqueConstraint("tenant_id", "external_id"),
        UniqueConstraint("tenant_id", "id"),
        Index("ix_accounts_tenant_id_status", "tenant_id", "status"),
    )

    external_id: Mapped[str] = mapped_column(String(255))
    verified: Mapped[bool] = mapped_column(default=False)
    monetization: Mapped[Monetization] = mapped_column(
        enum_column(Monetization, "monetization"), default=Monetization.ACTIVE
    )
    follower_count: Mapped[int] = mapped_column(default=0)
    followers_frozen: Mapped[bool] = mapped_column(default=False)
    status: Mapped[AccountStatus] = mapped_column(
        enum_column(AccountStatus, "account_status"), default=AccountStatus.ACTIVE
    )
    suspended_until: Mapped[datetime | None]
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
