"""Scanned content: items, the entities found in them and the policy violations they raised."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Float, Index, String, Text, UniqueConstraint, false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from bastion.store.enums import Outcome, Severity, Verdict
from bastion.store.models.base import Base, CreatedMixin, IdMixin, TenantOwned, tenant_fk
from bastion.store.types import IdType, JsonTextType, JsonType, enum_column, utcnow


class Item(IdMixin, TenantOwned, Base):
    """One piece of user content; ``(tenant_id, external_id)`` makes ingestion idempotent."""

    __tablename__ = "items"
    __table_args__ = (
        UniqueConstraint("tenant_id", "external_id"),
        UniqueConstraint("tenant_id", "id"),
        tenant_fk("account_id", "accounts"),
        Index("ix_items_tenant_id_account_id", "tenant_id", "account_id"),
        Index("ix_items_tenant_id_verdict_scanned_at", "tenant_id", "verdict", "scanned_at"),
    )

    external_id: Mapped[str] = mapped_column(String(255))
    account_id: Mapped[int | None] = mapped_column(IdType)
    surface: Mapped[str] = mapped_column(String(32))
    text: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime | None]
    ingested_at: Mapped[datetime] = mapped_column(default=utcnow)
    scanned_at: Mapped[datetime | None]
    verdict: Mapped[Verdict | None] = mapped_column(enum_column(Verdict, "verdict"))
    policy_version: Mapped[str | None] = mapped_column(String(64))
    result: Mapped[dict[str, Any] | None] = mapped_column(JsonTextType)
    # Content restrictions in force, derived from the item's unreversed actions.
    content_removed: Mapped[bool] = mapped_column(default=False, server_default=false())
    link_disabled: Mapped[bool] = mapped_column(default=False, server_default=false())
    labeled: Mapped[bool] = mapped_column(default=False, server_default=false())

    entities: Mapped[list[Entity]] = relationship(order_by="Entity.position")
    violations: Mapped[list[Violation]] = relationship(order_by="Violation.position")


class Entity(IdMixin, TenantOwned, Base):
    """An entity of a scan result; ``position`` is its index in the result's entity list."""

    __tablename__ = "entities"
    __table_args__ = (
        UniqueConstraint("item_id", "position"),
        tenant_fk("item_id", "items"),
        Index("ix_entities_tenant_id_registrable_domain", "tenant_id", "registrable_domain"),
        Index("ix_entities_tenant_id_kind_category", "tenant_id", "kind", "category"),
    )

    item_id: Mapped[int] = mapped_column(IdType)
    position: Mapped[int]
    kind: Mapped[str] = mapped_column(String(16))
    value: Mapped[str] = mapped_column(Text)
    registrable_domain: Mapped[str | None] = mapped_column(String(253))
    category: Mapped[str | None] = mapped_column(String(64))
    origin: Mapped[str] = mapped_column(String(32), default="text", server_default="text")
    """``text``, or where in a picture it was read (``image:0:qr``, ``image:0:ocr``...)."""
    box: Mapped[list[int] | None] = mapped_column(JsonType)
    """``[left, top, right, bottom]`` in the picture's pixels, for a finding in a picture."""


class Violation(IdMixin, CreatedMixin, TenantOwned, Base):
    """A rule that fired on an item; ``position`` is its index in the result's violation list."""

    __tablename__ = "violations"
    __table_args__ = (
        UniqueConstraint("item_id", "position"),
        tenant_fk("item_id", "items"),
        UniqueConstraint("tenant_id", "id"),
        Index("ix_violations_tenant_id_category_created_at", "tenant_id", "category", "created_at"),
    )

    item_id: Mapped[int] = mapped_column(IdType)
    position: Mapped[int]
    rule: Mapped[str] = mapped_column(String(128))
    category: Mapped[str] = mapped_column(String(64))
    severity: Mapped[Severity] = mapped_column(enum_column(Severity, "severity"))
    confidence: Mapped[float] = mapped_column(Float)
    outcome: Mapped[Outcome] = mapped_column(enum_column(Outcome, "outcome"))
    mode: Mapped[str] = mapped_column(String(16), default="enforce")
    reason: Mapped[str] = mapped_column(Text, default="")
    sources: Mapped[str] = mapped_column(String(64), default="text", server_default="text")
    """What found it, comma-separated: ``text``, ``qr``, ``ocr``, ``image_hash``,
    ``provenance`` (``bastion.model.DETECTION_SOURCES``); the transparency report counts
    actions by it."""
