"""Operations: webhook notices, campaigns and the hash-chained audit log."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    String,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from bastion.store.enums import NoticeStatus
from bastion.store.models.base import Base, CreatedMixin, IdMixin, TenantOwned, tenant_fk
from bastion.store.types import IdType, JsonType, enum_column, utcnow


class Notice(IdMixin, CreatedMixin, TenantOwned, Base):
    """A webhook delivery to a tenant, retried until delivered or declared dead."""

    __tablename__ = "notices"
    __table_args__ = (
        Index("ix_notices_status_next_attempt_at", "status", "next_attempt_at"),
        Index("ix_notices_tenant_id_created_at", "tenant_id", "created_at"),
    )

    event: Mapped[str] = mapped_column(String(64))
    payload: Mapped[dict[str, Any]] = mapped_column(JsonType)
    attempts: Mapped[int] = mapped_column(default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(default=utcnow)
    status: Mapped[NoticeStatus] = mapped_column(
        enum_column(NoticeStatus, "notice_status"), default=NoticeStatus.PENDING
    )
    last_error: Mapped[str | None] = mapped_column(String(1000))
    delivered_at: Mapped[datetime | None]


class Campaign(IdMixin, CreatedMixin, TenantOwned, Base):
    """A coordinated abuse campaign being tracked, with running counters."""

    __tablename__ = "campaigns"
    __table_args__ = (UniqueConstraint("tenant_id", "name"),)

    name: Mapped[str] = mapped_column(String(200))
    scope: Mapped[dict[str, Any]] = mapped_column(JsonType)
    starts_at: Mapped[datetime] = mapped_column(default=utcnow)
    ends_at: Mapped[datetime | None]
    items_matched: Mapped[int] = mapped_column(default=0)
    accounts_matched: Mapped[int] = mapped_column(default=0)
    actions_taken: Mapped[int] = mapped_column(default=0)
    links_disabled: Mapped[int] = mapped_column(default=0, server_default="0")


class CampaignAccount(TenantOwned, Base):
    """An account actioned under a campaign; makes ``accounts_matched`` a distinct count."""

    __tablename__ = "campaign_accounts"
    __table_args__ = (tenant_fk("account_id", "accounts"),)

    campaign_id: Mapped[int] = mapped_column(IdType, ForeignKey("campaigns.id"), primary_key=True)
    account_id: Mapped[int] = mapped_column(IdType, primary_key=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class AuditEvent(Base):
    """One append-only audit record; ``hash`` chains it to the event before (see ``audit``)."""

    __tablename__ = "audit_events"
    __table_args__ = (
        UniqueConstraint("hash"),
        Index("ix_audit_events_tenant_id_seq", "tenant_id", "seq"),
        Index("ix_audit_events_subject", "subject"),
    )

    seq: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    tenant_id: Mapped[int | None] = mapped_column(IdType, ForeignKey("tenants.id"))
    actor: Mapped[str] = mapped_column(String(255))
    action: Mapped[str] = mapped_column(String(64))
    subject: Mapped[str] = mapped_column(String(255))
    # Plain JSON, not JSONB: JSONB rewrites numbers (1e16 -> 10000000000000000), which would
    # change the canonical form the hash was computed over.
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)
    created_at: Mapped[datetime]
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class AuditChainHead(Base):
    """The single row that appenders lock; it names the last event so truncation is detected."""

    __tablename__ = "audit_chain_head"
    __table_args__ = (CheckConstraint("id = 1", name="single_row"),)

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    seq: Mapped[int] = mapped_column(BigInteger)
    hash: Mapped[str] = mapped_column(String(64))
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)


class LinkClick(TenantOwned, Base):
    """Clicks on shim links, counted per day, site, category and what the shim did.

    No personal data: no user, address or full URL, only the registrable domain the link
    pointed at, so the transparency report can say how often users met a disabled link."""

    __tablename__ = "link_clicks"
    __table_args__ = (
        UniqueConstraint("tenant_id", "day", "host", "category", "decision"),
        Index("ix_link_clicks_tenant_id_day", "tenant_id", "day"),
    )

    id: Mapped[int] = mapped_column(IdType, primary_key=True, sort_order=-10)
    day: Mapped[date] = mapped_column(Date)
    host: Mapped[str] = mapped_column(String(253))
    category: Mapped[str] = mapped_column(String(64))
    decision: Mapped[str] = mapped_column(String(16))
    count: Mapped[int] = mapped_column(BigInteger, default=0)
