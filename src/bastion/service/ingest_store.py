"""Bulk row writes for ingest: accounts, items, entities and violations in a few statements.

Everything here is set-based (one SELECT ... IN and one executemany per table and chunk) because
ingest must sustain tens of thousands of items a second; per-row ORM work would cost ten times
more. Inserts use ``ON CONFLICT DO NOTHING`` so a concurrent writer of the same key never fails
the transaction: the rows it wrote are simply read back.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Final, TypeVar

from sqlalchemy import (
    ColumnElement,
    Connection,
    Table,
    Text,
    bindparam,
    cast,
    delete,
    func,
    select,
    update,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from bastion.model import SURFACES, InputError, ScanResult, parse_created_at
from bastion.model import Item as ItemRecord
from bastion.store.bulk import BulkInsert, Stamps, sqlite_time
from bastion.store.models import Account, Entity, Item, ItemImage, Violation

CHUNK: Final = 500
"""Rows per IN list: well under SQLite's bound-parameter limit and PostgreSQL's plan sweet spot."""
MAX_EXTERNAL_ID: Final = 255

T = TypeVar("T")

_ACCOUNTS: Table = Account.__table__  # type: ignore[assignment]
_ITEMS: Table = Item.__table__  # type: ignore[assignment]
_ENTITIES: Table = Entity.__table__  # type: ignore[assignment]
_VIOLATIONS: Table = Violation.__table__  # type: ignore[assignment]
_IMAGES: Table = ItemImage.__table__  # type: ignore[assignment]


def chunks(values: Sequence[T], size: int = CHUNK) -> Iterator[Sequence[T]]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


def insert_for(session: Session, table: Table) -> postgresql.Insert | sqlite.Insert:
    """The dialect's INSERT, which has ``on_conflict_do_nothing`` on both backends."""
    if session.get_bind().dialect.name == "postgresql":
        return postgresql.insert(table)
    return sqlite.insert(table)


def json_text(session: Session, name: str, *, jsonb: bool = True) -> ColumnElement[Any]:
    """A bound parameter ``name`` carrying JSON already serialised, for a JSON column: rows
    that share one document (the actions of one decision share its statement) are then
    serialised once, not once per row by the column type."""
    param = bindparam(name, type_=Text())
    if session.get_bind().dialect.name == "postgresql":
        return cast(param, postgresql.JSONB() if jsonb else postgresql.JSON())
    return param


def check_record(item: ItemRecord, result: ScanResult) -> datetime | None:
    """Validate what the database needs of a record; returns its parsed ``created_at``."""
    if not item.id or len(item.id) > MAX_EXTERNAL_ID or "\x00" in item.id:
        raise InputError(f"item id must be 1-{MAX_EXTERNAL_ID} characters without NUL")
    if len(item.account_id) > MAX_EXTERNAL_ID or "\x00" in item.account_id:
        raise InputError(f"item {item.id!r}: account_id is longer than {MAX_EXTERNAL_ID}")
    if item.surface not in SURFACES:
        raise InputError(f"item {item.id!r}: surface {item.surface!r} is not a known surface")
    if "\x00" in item.text:
        raise InputError(f"item {item.id!r}: text contains a NUL character")
    if result.id != item.id:
        raise ValueError(f"scan result {result.id!r} does not belong to item {item.id!r}")
    if not item.created_at:
        return None
    try:
        return parse_created_at(item.created_at)
    except InputError as exc:
        raise InputError(f"item {item.id!r}: {exc}") from None


def account_ids(
    session: Session, tenant_id: int, external_ids: Iterable[str], now: datetime
) -> dict[str, int]:
    """Ids of the tenant's accounts by external id, creating the missing ones with defaults.

    PostgreSQL: one statement per chunk (a CTE inserts the missing accounts and the SELECT
    adds the existing ones); an account another writer created meanwhile is read after. SQLite
    (write lock held): one SELECT, and one ``INSERT ... RETURNING`` when some are missing.
    """
    wanted = sorted({e for e in external_ids if e})
    if not wanted:
        return {}
    conn = session.connection()
    found: dict[str, int] = {}
    if conn.dialect.name == "sqlite":
        found = _select_ids(session, _ACCOUNTS, tenant_id, wanted)
        missing = [e for e in wanted if e not in found]
        stamp = sqlite_time(now)
        for part in chunks(missing):
            sql = _SQLITE_ACCOUNT_INSERT + ", ".join(
                ["(?, ?, 0, 'active', 0, 0, 'active', ?, ?)"] * len(part)
            )
            values = tuple(v for e in part for v in (tenant_id, e, stamp, stamp))
            rows = conn.exec_driver_sql(sql + _ACCOUNT_CONFLICT, values).all()
            found.update({r[0]: r[1] for r in rows})
    else:
        for part in chunks(wanted):
            args = (tenant_id, list(part), tenant_id, now, now)
            found.update({r[0]: r[1] for r in conn.exec_driver_sql(_PG_ACCOUNTS, args)})
    late = [e for e in wanted if e not in found]
    if late:
        found.update(_select_ids(session, _ACCOUNTS, tenant_id, late))
    return found


def _select_ids(
    session: Session, table: Table, tenant_id: int, external: Sequence[str]
) -> dict[str, int]:
    out: dict[str, int] = {}
    for part in chunks(external):
        rows = _select_by_external(session, f"external_id, id FROM {table.name}", tenant_id, part)
        out.update({r[0]: r[1] for r in rows})
    return out


def _select_by_external(
    session: Session, what: str, tenant_id: int, part: Sequence[str]
) -> Sequence[Any]:
    """``SELECT <what> WHERE tenant_id = ? AND external_id IN part`` as raw driver SQL.

    These run for every ingest transaction, so they skip SQLAlchemy's statement building and
    compilation (most of their cost before). PostgreSQL takes the list as one array parameter,
    which keeps a single statement text (and one prepared plan) for every list length.
    """
    conn = session.connection()
    if conn.dialect.name == "sqlite":
        marks = ", ".join("?" * len(part))
        sql = f"SELECT {what} WHERE tenant_id = ? AND external_id IN ({marks})"
        return conn.exec_driver_sql(sql, (tenant_id, *part)).all()
    # One unique-index probe per wanted id (LATERAL): the plan cannot turn into a scan of all
    # the tenant's rows when the statistics still describe the tables before a bulk load.
    sql = (
        "SELECT t.* FROM unnest(%b::text[]) AS w(wanted), LATERAL "
        f"(SELECT {what} WHERE tenant_id = %s AND external_id = w.wanted) AS t"
    )
    return conn.exec_driver_sql(sql, (list(part), tenant_id)).all()


@dataclass(slots=True)
class StoredItem:
    """An item row as ingest sees it: ``fresh`` when this batch must (re)enforce it."""

    id: int
    external_id: str
    account_id: int | None
    created: bool
    fresh: bool
    next_position: int = 0
    violation_ids: list[int] = field(default_factory=list)


def existing_items(session: Session, tenant_id: int, external_ids: Sequence[str]) -> dict[str, Any]:
    """Rows of items already stored, by external id (only the columns the dedupe check needs)."""
    out: dict[str, Any] = {}
    what = "id, external_id, text, surface, account_id, scanned_at, policy_version FROM items"
    for part in chunks(external_ids):
        out.update({r.external_id: r for r in _select_by_external(session, what, tenant_id, part)})
    return out


def insert_items(
    session: Session, tenant_id: int, values: Mapping[str, Mapping[str, Any]]
) -> dict[str, int]:
    """Insert the items ``values`` describes (by external id), skipping ids already stored;
    returns ids by external id for the rows this call created (``INSERT ... ON CONFLICT DO
    NOTHING RETURNING``, exact under concurrent writers), so the common case, all new, costs
    one statement and no SELECT. Raw driver SQL: per-row bind processing dominated ingest."""
    if not values:
        return {}
    stamps = Stamps(is_sqlite(session))
    dumps = json.dumps
    rows = [
        (
            tenant_id,
            ext,
            v["account_id"],
            v["surface"],
            v["text"],
            stamps(v["created_at"]),
            stamps(v["ingested_at"]),
            stamps(v["scanned_at"]),
            v["verdict"],
            v["policy_version"],
            None if v["result"] is None else dumps(v["result"]),
            False,
            False,
            False,
        )
        for ext, v in values.items()
    ]
    return dict(_ITEM_INSERT.run(session.connection(), rows))


_ITEM_INSERT: Final = BulkInsert(
    "items",
    (
        "tenant_id",
        "external_id",
        "account_id",
        "surface",
        "text",
        "created_at",
        "ingested_at",
        "scanned_at",
        "verdict",
        "policy_version",
        "result",
        "content_removed",
        "link_disabled",
        "labeled",
    ),
    (
        "bigint",
        "text",
        "bigint",
        "text",
        "text",
        "timestamptz",
        "timestamptz",
        "timestamptz",
        "text",
        "text",
        "json",
        "boolean",
        "boolean",
        "boolean",
    ),
    conflict="ON CONFLICT (tenant_id, external_id) DO NOTHING",
    returning="external_id, id",
)
_PG_ACCOUNTS: Final = (
    "WITH found AS (SELECT w.wanted AS external_id, (SELECT a.id FROM accounts a "
    "WHERE a.tenant_id = %s AND a.external_id = w.wanted) AS id "
    "FROM unnest(%b::text[]) AS w(wanted)), "
    "created AS (INSERT INTO accounts (tenant_id, external_id, verified, monetization, "
    "follower_count, followers_frozen, status, created_at, updated_at) "
    "SELECT %s, f.external_id, false, 'active', 0, false, 'active', %s, %s FROM found f "
    "WHERE f.id IS NULL "
    "ON CONFLICT (tenant_id, external_id) DO NOTHING RETURNING external_id, id) "
    "SELECT external_id, id FROM found WHERE id IS NOT NULL "
    "UNION ALL SELECT external_id, id FROM created"
)
"""Existing and newly created accounts in one statement; each wanted id is one probe of the
unique index (a scalar subquery), whatever the statistics say, and an account another writer
creates meanwhile is skipped by the insert and read after."""
_SQLITE_ACCOUNT_INSERT: Final = (
    "INSERT INTO accounts (tenant_id, external_id, verified, monetization, follower_count, "
    "followers_frozen, status, created_at, updated_at) VALUES "
)
_ACCOUNT_CONFLICT: Final = (
    " ON CONFLICT (tenant_id, external_id) DO NOTHING RETURNING external_id, id"
)


@dataclass(frozen=True, slots=True)
class TenantContext:
    """What an ingest transaction needs of its tenant, read in one statement."""

    id: int
    webhook_url: str | None
    campaigns: list[tuple[int, Any]]
    """``(id, scope)`` of the tenant's campaigns live at the transaction's ``now``, by id."""


def tenant_context(session: Session, tenant_id: int, now: datetime) -> TenantContext | None:
    """The tenant's webhook and live campaigns (None: no such tenant): one raw statement
    for what every ingest transaction asks (as ``CampaignTally.load`` without ``ids``)."""
    conn = session.connection()
    if conn.dialect.name == "sqlite":
        stamp = sqlite_time(now)
        rows = conn.exec_driver_sql(_SQLITE_TENANT, (stamp, stamp, tenant_id)).all()
        scopes = [
            (r[1], None if r[2] is None else json.loads(r[2])) for r in rows if r[1] is not None
        ]
    else:
        rows = conn.exec_driver_sql(_PG_TENANT, (now, now, tenant_id)).all()
        scopes = [(r[1], r[2]) for r in rows if r[1] is not None]
    if not rows:
        return None
    return TenantContext(tenant_id, rows[0][0], scopes)


_SQLITE_TENANT: Final = (
    "SELECT t.webhook_url, c.id, c.scope FROM tenants t LEFT JOIN campaigns c "
    "ON c.tenant_id = t.id AND c.starts_at <= ? AND c.ends_at > ? WHERE t.id = ? ORDER BY c.id"
)
_PG_TENANT: Final = _SQLITE_TENANT.replace("?", "%s")


def is_sqlite(session: Session) -> bool:
    return session.get_bind().dialect.name == "sqlite"


def rescan_item(session: Session, item_id: int, values: dict[str, Any]) -> int:
    """Overwrite a stored item with a new scan; drops its old entities, returns the next
    violation position (old violations stay: actions and strikes point at them)."""
    session.execute(update(_ITEMS).where(_ITEMS.c.id == item_id).values(**values))
    session.execute(delete(_ENTITIES).where(_ENTITIES.c.item_id == item_id))
    top = session.scalar(
        select(func.max(_VIOLATIONS.c.position)).where(_VIOLATIONS.c.item_id == item_id)
    )
    return 0 if top is None else int(top) + 1


def insert_entities(session: Session, rows: list[tuple[Any, ...]]) -> None:
    """Insert entity rows (``entity_rows`` tuples) in one raw statement."""
    _ENTITY_INSERT.run(session.connection(), rows)


def image_rows(
    tenant_id: int, item_id: int, item: ItemRecord, result: ScanResult, now: datetime
) -> list[dict[str, Any]]:
    """The bytes of the pictures of an item the scan did not allow (a moderator may see it),
    by their position in ``images``; nothing for an allowed item or one without pictures."""
    if not item.image_data or result.verdict == "allow":
        return []
    return [
        {
            "tenant_id": tenant_id,
            "item_id": item_id,
            "position": position,
            "data": image.data,
            "created_at": now,
        }
        for position, image in enumerate(item.image_data)
        if image.data
    ]


def replace_images(session: Session, item_ids: Sequence[int], rows: list[dict[str, Any]]) -> None:
    """Store the pictures of freshly (re)scanned items, dropping those of an earlier scan."""
    if item_ids:
        session.execute(delete(_IMAGES).where(_IMAGES.c.item_id.in_(item_ids)))
    if rows:
        session.execute(_IMAGES.insert(), rows)


def insert_violations(session: Session, rows: list[tuple[Any, ...]]) -> dict[tuple[int, int], int]:
    """Insert violation rows (``violation_rows`` tuples); returns ids by ``(item_id, position)``."""
    return {(r[0], r[1]): r[2] for r in _VIOLATION_INSERT.run(session.connection(), rows)}


def entity_rows(tenant_id: int, item_id: int | str, result: ScanResult) -> list[tuple[Any, ...]]:
    """The entities of an item as ``insert_entities`` rows (``box``: JSON text, ``null`` when
    absent, as the JSON column type stores None); ``item_id`` is the item's external id for
    ``insert_plain_pg``, which assigns the id."""
    return [
        (
            tenant_id,
            item_id,
            i,
            e.kind,
            e.value,
            e.registrable_domain,
            e.category,
            e.origin[:32],
            "null" if e.box is None else json.dumps(list(e.box)),
        )
        for i, e in enumerate(result.entities)
    ]


def violation_rows(
    tenant_id: int, item_id: int, result: ScanResult, first_position: int, stamp: Any
) -> list[tuple[Any, ...]]:
    """The violations of an item as ``insert_violations`` rows; ``stamp`` is the backend's
    timestamp of ``now`` (``Stamps``)."""
    return [
        (
            tenant_id,
            item_id,
            first_position + i,
            v.rule[:128],
            v.category[:64],
            v.severity,
            float(v.confidence),
            v.outcome,
            v.mode,
            v.reason,
            ",".join(v.sources)[:64],
            stamp,
        )
        for i, v in enumerate(result.violations)
    ]


_ENTITY_INSERT: Final = BulkInsert(
    "entities",
    (
        "tenant_id",
        "item_id",
        "position",
        "kind",
        "value",
        "registrable_domain",
        "category",
        "origin",
        "box",
    ),
    ("bigint", "bigint", "integer", "text", "text", "text", "text", "text", "jsonb"),
)
_VIOLATION_INSERT: Final = BulkInsert(
    "violations",
    (
        "tenant_id",
        "item_id",
        "position",
        "rule",
        "category",
        "severity",
        "confidence",
        "outcome",
        "mode",
        "reason",
        "sources",
        "created_at",
    ),
    (
        "bigint",
        "bigint",
        "integer",
        "text",
        "text",
        "text",
        "double precision",
        "text",
        "text",
        "text",
        "text",
        "timestamptz",
    ),
    returning="item_id, position, id",
)


def insert_plain_pg(
    conn: Connection,
    tenant_id: int,
    now: datetime,
    items: Sequence[tuple[str | None, Mapping[str, Any]]],
    entities: Sequence[tuple[Any, ...]],
) -> list[tuple[str, int, int | None]]:
    """PostgreSQL: create the missing accounts, insert the items and their entities, in *one*
    statement (data-modifying CTEs); ``(external id, item id, account id)`` of the items it
    inserted.

    ``items``: ``(account external id or None, values)`` with the values of
    ``ingest._item_values`` plus ``external_id``; ``entities``: ``entity_rows`` tuples carrying
    the item's *external* id in place of its id. An item is left out (not returned, nothing of
    it written) when it is already stored, or when its account was created by a writer whose
    transaction this statement's snapshot cannot see (the insert of the account then skips it
    and the item would have no account id): the caller gives those to ``enforce_batch``.

    The rows travel as JSON documents, one parameter per table: a constant statement text with
    a handful of parameters, whose placeholders psycopg converts once and caches, and whose
    values it dumps in C (a parameter per value made the text vary with the group and psycopg
    parse it anew each time; arrays are dumped element by element in Python). They are
    ``jsonb``, parsed once (each ``->>`` of a ``json`` value parses it again: PostgreSQL's CPU
    for the statement rose above the four round trips it replaced); the item's result
    document rides in them as a string, so the stored ``json`` keeps its text and key order.
    """
    wanted = sorted({a for a, _ in items if a})
    rows = [
        [
            account,
            v["external_id"],
            v["surface"],
            v["text"],
            _iso(v["created_at"]),
            _iso(v["ingested_at"]),
            _iso(v["scanned_at"]),
            v["verdict"],
            v["policy_version"],
            None if v["result"] is None else json.dumps(v["result"]),
        ]
        for account, v in items
    ]
    dumps = _ROWS.encode
    params: list[Any] = []
    if wanted:
        params.extend((dumps(wanted), tenant_id, tenant_id, now, now))
    params.extend((dumps(rows), tenant_id))
    if entities:
        params.extend((dumps([list(e[1:]) for e in entities]), tenant_id))
    sql = _PLAIN[(bool(wanted), bool(entities))]
    return [(r[0], r[1], r[2]) for r in conn.exec_driver_sql(sql, tuple(params))]


_ROWS: Final = json.JSONEncoder(ensure_ascii=False, allow_nan=False)
"""Rows as UTF-8 text (the connection's encoding carries them as it carries any text); the
result document inside keeps ``json.dumps``' own text, as ``insert_items`` stores it."""


def _iso(value: datetime | None) -> str | None:
    """ISO 8601 with its offset, as ``timestamptz`` reads it; a naive time is refused (as
    ``Stamps`` refuses it): the server would read it in its own time zone."""
    if value is None:
        return None
    if value.tzinfo is None:
        raise ValueError(f"naive datetime {value.isoformat()} refused: give a UTC-aware one")
    return value.isoformat()


def _plain_sql(accounts: bool, entities: bool) -> str:
    if accounts:
        head = (
            "w AS (SELECT value AS external_id FROM jsonb_array_elements_text(%b::jsonb)), "
            "found AS (SELECT w.external_id, (SELECT a.id FROM accounts a "
            "WHERE a.tenant_id = %s AND a.external_id = w.external_id) AS id FROM w), "
            "created AS (INSERT INTO accounts (tenant_id, external_id, verified, monetization, "
            "follower_count, followers_frozen, status, created_at, updated_at) "
            "SELECT %s, f.external_id, false, 'active', 0, false, 'active', %s, %s FROM found f "
            "WHERE f.id IS NULL "
            "ON CONFLICT (tenant_id, external_id) DO NOTHING RETURNING external_id, id), "
            "acc AS (SELECT external_id, id FROM found WHERE id IS NOT NULL "
            "UNION ALL SELECT external_id, id FROM created)"
        )
    else:
        head = "acc(external_id, id) AS (SELECT NULL::text, NULL::bigint WHERE false)"
    body = (
        ", v AS (SELECT r->>0 AS account_ext, r->>1 AS external_id, r->>2 AS surface, "
        "r->>3 AS text, (r->>4)::timestamptz AS created_at, "
        "(r->>5)::timestamptz AS ingested_at, (r->>6)::timestamptz AS scanned_at, "
        "r->>7 AS verdict, r->>8 AS policy_version, (r->>9)::json AS result, n "
        "FROM jsonb_array_elements(%b::jsonb) WITH ORDINALITY AS j(r, n)), "
        "ins AS (INSERT INTO items (tenant_id, external_id, account_id, surface, text, "
        "created_at, ingested_at, scanned_at, verdict, policy_version, result, "
        "content_removed, link_disabled, labeled) "
        "SELECT %s, v.external_id, acc.id, v.surface, v.text, v.created_at, v.ingested_at, "
        "v.scanned_at, v.verdict, v.policy_version, v.result, false, false, false FROM v "
        "LEFT JOIN acc ON acc.external_id = v.account_ext "
        "WHERE v.account_ext IS NULL OR acc.id IS NOT NULL ORDER BY v.n "
        f"{_ITEM_INSERT.conflict} RETURNING external_id, id, account_id)"
    )
    if entities:
        body += (
            ", e AS (SELECT r->>0 AS item, (r->>1)::integer AS position, r->>2 AS kind, "
            "r->>3 AS value, r->>4 AS registrable_domain, r->>5 AS category, "
            "r->>6 AS origin, (r->>7)::jsonb AS box, n "
            "FROM jsonb_array_elements(%b::jsonb) WITH ORDINALITY AS j(r, n)), "
            "ents AS (INSERT INTO entities (tenant_id, item_id, position, kind, value, "
            "registrable_domain, category, origin, box) "
            "SELECT %s, ins.id, e.position, e.kind, e.value, e.registrable_domain, e.category, "
            "e.origin, e.box FROM e JOIN ins ON ins.external_id = e.item ORDER BY e.n)"
        )
    return f"WITH {head}{body} SELECT external_id, id, account_id FROM ins"


_PLAIN: Final = {(a, e): _plain_sql(a, e) for a in (False, True) for e in (False, True)}
"""``insert_plain_pg``'s statement by (some item has an account, some item has entities)."""
