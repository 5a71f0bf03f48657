"""Column types that behave the same on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, BigInteger, DateTime, Dialect, Enum, Integer
from sqlalchemy.dialects import postgresql
from sqlalchemy.types import TypeDecorator

IdType = BigInteger().with_variant(Integer(), "sqlite")
"""64-bit ids on PostgreSQL; SQLite only auto-increments a plain ``INTEGER PRIMARY KEY``."""

JsonType = JSON().with_variant(postgresql.JSONB(), "postgresql")

JsonTextType = JSON().with_variant(postgresql.JSON(), "postgresql")
"""A JSON document stored as its text on PostgreSQL too (``json``, not ``jsonb``): for large
documents written often and only ever read back whole, whose parse into ``jsonb`` would be most
of their insert's cost (statements of reasons, items' scan results: migration 0012). ``json``
has no equality operator: such a column cannot be compared, grouped or selected ``DISTINCT``."""


def utcnow() -> datetime:
    return datetime.now(UTC)


class UtcDateTime(TypeDecorator[datetime]):
    """Timezone-aware UTC datetimes in, the same out, on both backends.

    SQLite has no time zone type and returns naive values; PostgreSQL returns the session zone.
    Naive input is refused so a local time can never be stored as if it were UTC.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if not isinstance(value, datetime):
            raise TypeError(f"expected a datetime, got {type(value).__name__}")
        if value.tzinfo is None or value.utcoffset() is None:
            raise ValueError(f"naive datetime {value.isoformat()} refused: give a UTC-aware one")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


def enum_column(enum_cls: type[StrEnum], name: str) -> Enum:
    """A VARCHAR + CHECK column for a ``StrEnum`` that stores member values, not names."""
    return Enum(
        enum_cls,
        name=name,
        native_enum=False,
        create_constraint=True,
        validate_strings=True,
        values_callable=_values,
    )


def _values(enum_cls: Any) -> list[str]:
    return [member.value for member in enum_cls]
