"""Moderation state: cases, actions, strikes, user reports, reviews and appeals."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import CheckConstraint, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from bastion.store.enums import (
    ActionKind,
    Actor,
    AppealStatus,
    CaseStatus,
    Decision,
    Severity,
)
from bastion.store.models.base import Base, CreatedMixin, IdMixin, TenantOwned, tenant_fk
from bastion.store.types import IdType, JsonTextType, enum_column, utcnow

_TARGET = "item_id IS NOT NULL OR account_id IS NOT NULL"


class Case(IdMixin, CreatedMixin, TenantOwned, Base):
    """A unit of reviewer work about one item or one account."""

    __tablename__ = "cases"
    __table_args__ = (
        CheckConstraint(_TARGET, name="has_target"),
        UniqueConstraint("tenant_id", "id"),
        tenant_fk("item_id", "items"),
        tenant_fk("account_id", "accounts"),
        Index("ix_cases_tenant_id_status_priority", "tenant_id", "status", "priority"),
        Index("ix_cases_tenant_id_item_id", "tenant_id", "item_id"),
        Index("ix_cases_tenant_id_account_id", "tenant_id", "account_id"),
    )

    item_id: Mapped[int | None] = mapped_column(IdType)
    account_id: Mapped[int | None] = mapped_column(IdType)
    status: Mapped[CaseStatus] = mapped_column(
        enum_column(CaseStatus, "case_status"), default=CaseStatus.OPEN
    )
    priority: Mapped[int] = mapped_column(default=0)
    reason: Mapped[str] = mapped_column(String(200), default="")
    claimed_by: Mapped[str | None] = mapped_column(String(255))
    claimed_at: Mapped[datetime | None]
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class Action(IdMixin, CreatedMixin, TenantOwned, Base):
    """An enforcement step taken against an item or account.

    ``dedupe_key`` (unique per tenant) is how the enforcer makes re-processing safe: the same
    item + violation must derive the same key, so a second insert is refused.
    """

    __tablename__ = "actions"
    __table_args__ = (
        CheckConstraint(_TARGET, name="has_target"),
        UniqueConstraint("tenant_id", "dedupe_key"),
        UniqueConstraint("tenant_id", "id"),
        tenant_fk("item_id", "items"),
        tenant_fk("account_id", "accounts"),
        tenant_fk("violation_id", "violations"),
        tenant_fk("case_id", "cases"),
        Index(
            "ix_actions_tenant_id_account_id_created_at", "tenant_id", "account_id", "created_at"
        ),
        Index("ix_actions_tenant_id_item_id", "tenant_id", "item_id"),
        Index("ix_actions_expires_at", "expires_at"),
        Index("ix_actions_tenant_id_case_id", "tenant_id", "case_id"),
        Index("ix_actions_tenant_id_violation_id", "tenant_id", "violation_id"),
        Index("ix_actions_created_at", "created_at"),
        Index("ix_actions_tenant_id_created_at", "tenant_id", "created_at"),
        Index("ix_actions_reversed_at_created_at", "reversed_at", "created_at"),
    )

    item_id: Mapped[int | None] = mapped_column(IdType)
    account_id: Mapped[int | None] = mapped_column(IdType)
    violation_id: Mapped[int | None] = mapped_column(IdType)
    case_id: Mapped[int | None] = mapped_column(IdType)
    dedupe_key: Mapped[str] = mapped_column(String(200))
    kind: Mapped[ActionKind] = mapped_column(enum_column(ActionKind, "action_kind"))
    actor: Mapped[Actor] = mapped_column(enum_column(Actor, "actor"))
    actor_id: Mapped[str | None] = mapped_column(String(255))
    reason: Mapped[str] = mapped_column(Text, default="")
    statement_of_reasons: Mapped[dict[str, Any] | None] = mapped_column(JsonTextType)
    expires_at: Mapped[datetime | None]
    reversed_at: Mapped[datetime | None]
    reversed_by: Mapped[str | None] = mapped_column(String(255))
    reversal_reason: Mapped[str | None] = mapped_column(Text)


class Strike(IdMixin, CreatedMixin, TenantOwned, Base):
    """A mark against an account; ``expires_at`` implements decay. One per account+item+category."""

    __tablename__ = "strikes"
    __table_args__ = (
        UniqueConstraint("account_id", "item_id", "category"),
        tenant_fk("account_id", "accounts"),
        tenant_fk("item_id", "items"),
        tenant_fk("violation_id", "violations"),
        Index(
            "ix_strikes_tenant_id_account_id_expires_at", "tenant_id", "account_id", "expires_at"
        ),
    )

    account_id: Mapped[int] = mapped_column(IdType)
    item_id: Mapped[int] = mapped_column(IdType)
    violation_id: Mapped[int | None] = mapped_column(IdType)
    category: Mapped[str] = mapped_column(String(64))
    severity: Mapped[Severity] = mapped_column(enum_column(Severity, "severity"))
    expires_at: Mapped[datetime | None]
    reversed_at: Mapped[datetime | None]


class Report(IdMixin, CreatedMixin, TenantOwned, Base):
    """A user or trusted-flagger report; the reporter IP is kept only as a salted hash."""

    __tablename__ = "reports"
    __table_args__ = (
        CheckConstraint(_TARGET, name="has_target"),
        tenant_fk("item_id", "items"),
        tenant_fk("account_id", "accounts"),
        tenant_fk("case_id", "cases"),
        Index("ix_reports_tenant_id_case_id", "tenant_id", "case_id"),
        Index("ix_reports_tenant_id_item_id", "tenant_id", "item_id"),
        Index(
            "ix_reports_tenant_id_reporter_id_created_at", "tenant_id", "reporter_id", "created_at"
        ),
        Index(
            "ix_reports_tenant_id_reporter_ip_hash_created_at",
            "tenant_id",
            "reporter_ip_hash",
            "created_at",
        ),
    )

    reporter_id: Mapped[str | None] = mapped_column(String(255))
    reporter_ip_hash: Mapped[str | None] = mapped_column(String(64))
    trusted_flagger: Mapped[bool] = mapped_column(default=False)
    item_id: Mapped[int | None] = mapped_column(IdType)
    account_id: Mapped[int | None] = mapped_column(IdType)
    reason: Mapped[str] = mapped_column(String(64))
    text: Mapped[str] = mapped_column(Text, default="")
    case_id: Mapped[int | None] = mapped_column(IdType)


class Review(IdMixin, CreatedMixin, TenantOwned, Base):
    """A moderator's decision on a case."""

    __tablename__ = "reviews"
    __table_args__ = (
        tenant_fk("case_id", "cases"),
        Index("ix_reviews_tenant_id_case_id", "tenant_id", "case_id"),
    )

    case_id: Mapped[int] = mapped_column(IdType)
    moderator: Mapped[str] = mapped_column(String(255))
    decision: Mapped[Decision] = mapped_column(enum_column(Decision, "decision"))
    new_action_kind: Mapped[ActionKind | None] = mapped_column(
        enum_column(ActionKind, "new_action_kind")
    )
    notes: Mapped[str] = mapped_column(Text, default="")


class Appeal(IdMixin, CreatedMixin, TenantOwned, Base):
    """A request by the affected user to reverse an action."""

    __tablename__ = "appeals"
    __table_args__ = (
        tenant_fk("action_id", "actions"),
        Index("ix_appeals_tenant_id_status_created_at", "tenant_id", "status", "created_at"),
        Index("ix_appeals_tenant_id_action_id", "tenant_id", "action_id"),
    )

    action_id: Mapped[int] = mapped_column(IdType)
    appellant: Mapped[str] = mapped_column(String(255))
    text: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[AppealStatus] = mapped_column(
        enum_column(AppealStatus, "appeal_status"), default=AppealStatus.OPEN
    )
    decided_by: Mapped[str | None] = mapped_column(String(255))
    decided_at: Mapped[datetime | None]
