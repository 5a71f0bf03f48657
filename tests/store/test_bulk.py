"""Raw bulk writes (``bastion.store.bulk``) on SQLite and PostgreSQL: the rows land as the ORM
would store them, conflicts are skipped, ids come back, chunking keeps every row."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from bastion.service.ingest_store import _ITEM_INSERT
from bastion.store import Store, bulk
from bastion.store.bulk import BulkInsert, BulkUpdate, Stamps, read_time
from bastion.store.models import Account, Item
from bastion.store.queries import create_tenant

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
ACCOUNTS = BulkInsert(
    "accounts",
    (
        "tenant_id",
        "external_id",
        "verified",
        "monetization",
        "follower_count",
        "followers_frozen",
        "status",
        "created_at",
        "updated_at",
    ),
    (
        "bigint",
        "text",
        "boolean",
        "text",
        "bigint",
        "boolean",
        "text",
        "timestamptz",
        "timestamptz",
    ),
    conflict="ON CONFLICT (tenant_id, external_id) DO NOTHING",
    returning="external_id, id",
)
# Ids a platform may really send: quotes, backslashes, braces and commas (array syntax in
# PostgreSQL's text form), non-ASCII, and a long one.
AWKWARD = ['u-"1"', "u\\2", "{u,3}", "ü-4 ☃", "u 5, NULL", "x" * 255]


def _tenant(store: Store) -> int:
    with store.transaction() as session:
        return create_tenant(session, slug="bulk", name="Bulk").id


def _rows(tenant: int, names: list[str], stamps: Stamps) -> list[tuple[object, ...]]:
    now = stamps(NOW)
    return [(tenant, n, False, "active", 7, False, "active", now, now) for n in names]


def test_insert_returns_ids_of_new_rows_only_and_stores_values_as_the_orm_reads_them(
    store: Store,
) -> None:
    tenant = _tenant(store)
    with store.transaction() as session:
        stamps = Stamps(store.dialect == "sqlite")
        first = dict(ACCOUNTS.run(session.connection(), _rows(tenant, AWKWARD, stamps)))
        again = dict(ACCOUNTS.run(session.connection(), _rows(tenant, [*AWKWARD, "u-new"], stamps)))
    assert sorted(first) == sorted(AWKWARD)
    assert list(again) == ["u-new"]
    with store.transaction(readonly=True) as session:
        stored = {a.external_id: a for a in session.scalars(select(Account))}
    assert {name: stored[name].id for name in AWKWARD} == first
    account = stored["{u,3}"]
    assert (account.follower_count, account.followers_frozen, account.status) == (
        7,
        False,
        "active",
    )
    assert account.created_at == NOW and account.suspended_until is None


def test_sqlite_chunks_and_postgres_arrays_keep_every_row(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bulk, "SQLITE_VARIABLES", 20)  # two rows of nine columns a statement
    tenant = _tenant(store)
    names = [f"u-{n}" for n in range(25)]
    with store.transaction() as session:
        stamps = Stamps(store.dialect == "sqlite")
        ids = dict(ACCOUNTS.run(session.connection(), _rows(tenant, names, stamps)))
    assert sorted(ids) == sorted(names) and len(set(ids.values())) == 25


def test_update_sets_each_row_by_key_and_empty_input_is_no_statement(store: Store) -> None:
    tenant = _tenant(store)
    update = BulkUpdate("accounts", "id", ("status", "suspended_until"), ("text", "timestamptz"))
    with store.transaction() as session:
        stamps = Stamps(store.dialect == "sqlite")
        ids = dict(ACCOUNTS.run(session.connection(), _rows(tenant, ["a", "b", "c"], stamps)))
        until = NOW + timedelta(days=7)
        update.run(
            session.connection(),
            [("suspended", stamps(until), ids["a"]), ("banned", None, ids["b"])],
        )
        update.run(session.connection(), [])
        assert ACCOUNTS.run(session.connection(), []) == []
    with store.transaction(readonly=True) as session:
        state = {
            a.external_id: (a.status, a.suspended_until) for a in session.scalars(select(Account))
        }
    assert state == {"a": ("suspended", until), "b": ("banned", None), "c": ("active", None)}


def test_stamps_refuse_naive_times_and_read_time_gives_aware_utc() -> None:
    with pytest.raises(ValueError, match="naive"):
        Stamps(True)(datetime(2026, 1, 1))
    with pytest.raises(ValueError, match="naive"):
        Stamps(False)(datetime(2026, 1, 1))
    assert Stamps(True)(NOW) == "2026-11-20 12:00:00.000000"
    assert Stamps(False)(NOW) is NOW
    assert read_time("2026-11-20 12:00:00.000000") == NOW
    assert read_time(None) is None
    assert read_time(datetime(2026, 11, 20, 13, 0, tzinfo=UTC).astimezone()) == NOW + timedelta(
        hours=1
    )
    with pytest.raises(TypeError):
        read_time(42)


def test_one_row_writes_what_the_many_row_form_writes(store: Store) -> None:
    """PostgreSQL inserts one row from scalar parameters, more from arrays: same stored row."""
    tenant = _tenant(store)
    stamps = Stamps(store.dialect == "sqlite")
    document = '{"verdict": "act", "note": "ü \\"q\\" {a,b}", "n": [1, 2.5, null]}'

    def item(ext: str, result: str | None) -> tuple[object, ...]:
        now = stamps(NOW)
        text = "t ☃ {x}"
        return (
            tenant,
            ext,
            None,
            "post",
            text,
            now,
            now,
            None,
            "act",
            "v1",
            result,
            False,
            True,
            False,
        )

    with store.transaction() as session:
        conn = session.connection()
        alone = [
            _ITEM_INSERT.run(conn, [item(f"one-{n}", doc)])
            for n, doc in enumerate([document, None])
        ]
        many = _ITEM_INSERT.run(conn, [item("many-0", document), item("many-1", None)])
        one_account = ACCOUNTS.run(conn, _rows(tenant, ["a-one"], stamps))
    assert [len(r) for r in alone] == [1, 1] and len(many) == 2 and len(one_account) == 1
    columns = [c for c in Item.__table__.columns if c.name not in ("id", "external_id")]
    with store.transaction(readonly=True) as session:
        rows = {
            r.external_id: tuple(getattr(r, c.name) for c in columns)
            for r in session.scalars(select(Item))
        }
    assert rows["one-0"] == rows["many-0"] and rows["one-1"] == rows["many-1"]
    assert rows["one-0"] != rows["one-1"]
