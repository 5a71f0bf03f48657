"""Declarative base with a naming convention, so constraint names match on every backend."""

from __future__ import annotations

from datetime import datetime
from typing import Any, ClassVar

from sqlalchemy import ForeignKey, ForeignKeyConstraint, MetaData
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from bastion.store.types import IdType, UtcDateTime, utcnow

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_N_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map: ClassVar[dict[Any, Any]] = {datetime: UtcDateTime()}


class IdMixin:
    id: Mapped[int] = mapped_column(IdType, primary_key=True, sort_order=-10)


class CreatedMixin:
    created_at: Mapped[datetime] = mapped_column(default=utcnow, sort_order=10)


class TenantOwned:
    """Rows a tenant owns; every query helper filters on ``tenant_id`` first."""

    tenant_id: Mapped[int] = mapped_column(IdType, ForeignKey("tenants.id"), sort_order=-9)


def tenant_fk(column: str, parent: str) -> ForeignKeyConstraint:
    """A composite foreign key ``(tenant_id, column) -> parent(tenant_id, id)``.

    It makes the database itself refuse a row that points at another tenant's data, so a bug
    in a query helper cannot link tenant A's case to tenant B's item.
    """
    return ForeignKeyConstraint(["tenant_id", column], [f"{parent}.tenant_id", f"{parent}.id"])
