"""Many rows in one raw driver statement: the bulk writes of ingest, without per-row ORM work.

SQLAlchemy's executemany builds a parameter dict and runs every column's bind processor for each
row, which was a fifth of bulk ingest's CPU. Here rows are plain tuples whose values are already
what the driver stores (``Stamps`` gives a backend's timestamps; JSON travels as text):

- SQLite: ``executemany`` of a one-row statement, or multi-row ``VALUES`` chunks when the caller
  wants ``RETURNING`` rows back;
- PostgreSQL: one ``INSERT ... SELECT FROM unnest(...)`` (or ``UPDATE ... FROM unnest(...)``) per
  call, each column one typed array parameter, so the statement text, and psycopg's conversion
  of its placeholders, is the same for any number of rows; one row is inserted from typed scalar
  parameters instead (``INSERT ... SELECT %b::type, ...``: the same values and casts, half the
  driver's CPU). Scalars for a few rows (multi-row ``VALUES``) were tried and dropped: psycopg
  caches the parsing of a statement's placeholders only up to 50 parameters, and parsing a
  longer one anew (~0.3 ms of CPU under cProfile) cancelled what the arrays' dumping cost.

Constraints (CHECK, foreign and unique keys) still hold: the database checks every row.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from itertools import chain
from typing import Any, Final

from sqlalchemy import Connection

SQLITE_VARIABLES: Final = 32_000
"""Bound parameters per SQLite statement (its limit is 32,766 since 3.32)."""


def sqlite_time(value: datetime) -> str:
    """A datetime as ``UtcDateTime`` stores it on SQLite (naive UTC, microseconds)."""
    if value.tzinfo is None:
        raise ValueError(f"naive datetime {value.isoformat()} refused: give a UTC-aware one")
    return value.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


def read_time(value: Any) -> datetime | None:
    """A timestamp read by raw SQL as ``UtcDateTime`` would return it: aware UTC, or None."""
    if value is None:
        return None
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    if not isinstance(value, datetime):
        raise TypeError(f"expected a timestamp, got {type(value).__name__}")
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class Stamps:
    """Timestamps as the backend's driver takes them, cached (a batch writes few distinct ones)."""

    __slots__ = ("_seen", "sqlite")

    def __init__(self, sqlite: bool) -> None:
        self.sqlite = sqlite
        self._seen: dict[datetime, Any] = {}

    def __call__(self, value: datetime | None) -> Any:
        if value is None:
            return None
        found = self._seen.get(value)
        if found is None:
            if value.tzinfo is None:
                raise ValueError(
                    f"naive datetime {value.isoformat()} refused: give a UTC-aware one"
                )
            found = self._seen[value] = sqlite_time(value) if self.sqlite else value
        return found


@dataclass(frozen=True, slots=True)
class BulkInsert:
    """``INSERT INTO table (columns) ... [conflict] [RETURNING returning]`` for many rows.

    ``pg_types`` are the PostgreSQL element types of the columns' arrays (``bigint``, ``text``,
    ``timestamptz``, ``jsonb`` for JSON given as text, ...).
    """

    table: str
    columns: tuple[str, ...]
    pg_types: tuple[str, ...]
    conflict: str = ""
    returning: str = ""

    def __post_init__(self) -> None:
        if len(self.columns) != len(self.pg_types):
            raise ValueError(f"{self.table}: one PostgreSQL type per column")

    @property
    def _tail(self) -> str:
        tail = f" {self.conflict}" if self.conflict else ""
        return tail + (f" RETURNING {self.returning}" if self.returning else "")

    def run(self, conn: Connection, rows: Sequence[tuple[Any, ...]]) -> list[Any]:
        """Insert ``rows`` (tuples in ``columns`` order); the ``RETURNING`` rows, if any."""
        if not rows:
            return []
        head = f"INSERT INTO {self.table} ({', '.join(self.columns)}) "
        if conn.dialect.name != "sqlite":
            if len(rows) == 1:  # half the driver's CPU of one-element arrays (a single check)
                values = ", ".join(f"%b::{t}" for t in self.pg_types)
                sql = f"{head}SELECT {values}{self._tail}"
                params = tuple(rows[0])
                if len(params) != len(self.columns):
                    raise ValueError(f"{self.table}: a row of {len(params)} values")
            else:
                arrays = ", ".join(f"%b::{t}[]" for t in self.pg_types)
                sql = f"{head}SELECT * FROM unnest({arrays}){self._tail}"
                params = tuple(list(column) for column in zip(*rows, strict=True))
            result = conn.exec_driver_sql(sql, params)
            return list(result.all()) if self.returning else []
        one = "(" + ", ".join("?" * len(self.columns)) + ")"
        if not self.returning:
            conn.exec_driver_sql(f"{head}VALUES {one}{self._tail}", list(rows))
            return []
        out: list[Any] = []
        size = max(1, SQLITE_VARIABLES // len(self.columns))
        for start in range(0, len(rows), size):
            part = rows[start : start + size]
            sql = f"{head}VALUES {', '.join([one] * len(part))}{self._tail}"
            flat = tuple(chain.from_iterable(part))
            out.extend(conn.exec_driver_sql(sql, flat).all())
        return out


@dataclass(frozen=True, slots=True)
class BulkUpdate:
    """``UPDATE table SET columns WHERE key = ?`` for many rows (tuples: columns, then key)."""

    table: str
    key: str
    columns: tuple[str, ...]
    pg_types: tuple[str, ...]
    key_type: str = "bigint"

    def run(self, conn: Connection, rows: Sequence[tuple[Any, ...]]) -> None:
        if not rows:
            return
        if conn.dialect.name == "sqlite":
            sets = ", ".join(f"{c} = ?" for c in self.columns)
            sql = f"UPDATE {self.table} SET {sets} WHERE {self.key} = ?"
            conn.exec_driver_sql(sql, list(rows))
            return
        names = (*self.columns, self.key)
        arrays = ", ".join(f"%b::{t}[]" for t in (*self.pg_types, self.key_type))
        sets = ", ".join(f"{c} = v.{c}" for c in self.columns)
        sql = (
            f"UPDATE {self.table} AS t SET {sets} FROM unnest({arrays}) AS v({', '.join(names)}) "
            f"WHERE t.{self.key} = v.{self.key}"
        )
        conn.exec_driver_sql(sql, tuple(list(column) for column in zip(*rows, strict=True)))
