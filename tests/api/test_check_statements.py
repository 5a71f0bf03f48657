"""SQL statements and transactions per ``POST /v1/check``, pinned on both backends, and the
one-statement path of plain checks on PostgreSQL (``GroupCommitter._write_plain``).

Counted, never timed: a change that adds a round trip to a check fails here and must say why.
Statements are SQLAlchemy's ``before_cursor_execute`` (SQLite's ``BEGIN IMMEDIATE`` is one;
PostgreSQL's ``BEGIN`` is not, so each committed transaction there adds two round trips,
``BEGIN`` and ``COMMIT``); transactions are the engine's ``commit`` events (an autocommitted
statement is none).
"""

from __future__ import annotations

import functools
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from sqlalchemy import event, text

from bastion.api.deps import AppContext
from bastion.model import Item, ScanResult
from bastion.scanner import Scanner
from bastion.service import enforce_batch
from bastion.service.ingest import store_plain
from bastion.service.tenant_cache import TenantCache
from bastion.store import Store
from tests.api.conftest import BastionClient
from tests.service.conftest import T0, make_tenant

DIRTY = "官网 １８８ｂｅｔ。ｃｏｍ 注册送彩金"
LINKED = "the minutes are at https://example.org/notes/today and the agenda too"

# (statements, transactions) of one check: clean of a known account, clean of a new account,
# clean with a link (an entity row), flagged of a new account.
EXPECTED = {
    "sqlite": ((3, 1), (4, 1), (4, 1), (13, 1)),
    "postgresql": ((1, 0), (1, 0), (1, 0), (11, 1)),
}
"""Before the one-statement path: PostgreSQL (2, 1), (2, 1), (3, 1) and (11, 1), that is 4, 4,
5 and 13 round trips counting ``BEGIN`` and ``COMMIT``; clean checks now take 1. SQLite as now."""


@contextmanager
def counting(store: Store) -> Iterator[list[str]]:
    """Statements sent while inside; a ``"COMMIT"`` entry for each transaction committed."""
    sent: list[str] = []

    def statement(*args: Any) -> None:
        sent.append(str(args[2]))

    def commit(*_: Any) -> None:
        sent.append("COMMIT")

    event.listen(store.engine, "before_cursor_execute", statement)
    event.listen(store.engine, "commit", commit)
    try:
        yield sent
    finally:
        event.remove(store.engine, "before_cursor_execute", statement)
        event.remove(store.engine, "commit", commit)


def _until(condition: Callable[[], bool], attempts: int = 200) -> bool:
    """Poll ``condition`` (PostgreSQL's generation watch starts in the background)."""
    for _ in range(attempts):
        if condition():
            return True
        time.sleep(0.05)
    return False


def _check(api: BastionClient, item: str, text: str, account: str) -> dict[str, Any]:
    body = {"id": item, "text": text, "surface": "post", "account_id": account}
    response = api.post("/v1/check", json=body, headers=api.auth())
    assert response.status_code == 200, response.text
    found: dict[str, Any] = response.json()
    return found


def _warm(api: BastionClient) -> TenantCache:
    """Check until the tenant cache answers (the plain path needs it)."""
    cache = _context(api).tenants
    assert isinstance(cache, TenantCache)
    count = iter(range(1000))
    assert _until(lambda: bool(_check(api, f"w-{next(count)}", "hi", "u-known")) and cache.hits > 0)
    assert _until(lambda: cache.cached(api.tenant.id, api.clock()) is not None)
    return cache


def _context(api: BastionClient) -> AppContext:
    ctx = api.app.state.bastion  # type: ignore[attr-defined]
    assert isinstance(ctx, AppContext)
    return ctx


def _split(sent: list[str]) -> tuple[int, int]:
    commits = sent.count("COMMIT")
    return len(sent) - commits, commits


def test_statements_per_check_are_pinned(api: BastionClient) -> None:
    _warm(api)
    counts = []
    for item, body, account in (
        ("c-1", "see you at five", "u-known"),
        ("c-2", "see you at six", "u-new"),
        ("c-3", LINKED, "u-known"),
        ("f-1", DIRTY, "u-flagged"),
    ):
        with counting(api.store) as sent:
            _check(api, item, body, account)
        counts.append(_split(sent))
    assert tuple(counts) == EXPECTED[api.store.dialect], counts


@pytest.mark.postgres
def test_a_plain_check_stores_what_the_transaction_stores(
    pg_client: BastionClient, scanner: Scanner
) -> None:
    """The same checks, through the one-statement path (tenant) and through ``enforce_batch``
    (other tenant): the same answer and the same rows of items, accounts and entities."""
    api, store = pg_client, pg_client.store
    ctx = _context(api)
    assert ctx.checks is not None
    _warm(api)
    texts = [
        ("p-1", LINKED, "u-a"),
        ("p-2", 'plain wörds, 平凡的话 \\u4e2d "quoted"', "u-b"),
        ("p-3", "x", ""),
    ]
    plain_before = ctx.checks.stats.plain
    answers = [_check(api, item, body, account) for item, body, account in texts]
    assert ctx.checks.stats.plain == plain_before + len(texts)
    for answer, (item, body, account) in zip(answers, texts, strict=True):
        record = Item(id=item, text=body, surface="post", account_id=account)
        pair = (record, scanner.scan(record))
        work = functools.partial(
            enforce_batch, tenant_id=api.other.id, items=[pair], ladder=ctx.ladder, now=api.clock()
        )
        outcome = store.run(work)[0]
        assert answer["enforcement"] == outcome.to_dict()
    assert _rows(store, api.tenant.id) == _rows(store, api.other.id)
    assert _rows(store, api.tenant.id)[2]  # an entity was written
    again = _check(api, "p-1", LINKED, "u-a")
    assert again["enforcement"]["duplicate"] and not again["enforcement"]["created"]


def _rows(store: Store, tenant_id: int) -> tuple[list[Any], list[Any], list[Any]]:
    """What a tenant's checks wrote, without ids (each tenant has its own)."""
    with store.transaction(readonly=True) as session:
        items = session.execute(
            text(
                "SELECT i.external_id, a.external_id, i.surface, i.text, i.created_at, "
                "i.ingested_at, i.scanned_at, i.verdict, i.policy_version, i.result::text, "
                "i.content_removed, i.link_disabled, i.labeled FROM items i "
                "LEFT JOIN accounts a ON a.id = i.account_id "
                "WHERE i.tenant_id = :t AND i.external_id LIKE 'p-%' ORDER BY 1"
            ),
            {"t": tenant_id},
        ).all()
        accounts = session.execute(
            text(
                "SELECT external_id, verified, monetization, follower_count, followers_frozen, "
                "status, created_at, updated_at FROM accounts WHERE tenant_id = :t "
                "AND external_id IN ('u-a', 'u-b') ORDER BY 1"
            ),
            {"t": tenant_id},
        ).all()
        entities = session.execute(
            text(
                "SELECT e.kind, i.external_id, e.position, e.value, e.registrable_domain, "
                "e.category, e.origin, e.box::text FROM entities e JOIN items i "
                "ON i.id = e.item_id WHERE e.tenant_id = :t ORDER BY 2, 3"
            ),
            {"t": tenant_id},
        ).all()
    return [tuple(r) for r in items], [tuple(r) for r in accounts], [tuple(r) for r in entities]


@pytest.mark.postgres
def test_plain_leaves_an_item_whose_account_another_writer_is_creating(
    pg_client: BastionClient, scanner: Scanner
) -> None:
    """An account inserted by a transaction still open when the statement starts is invisible
    to the statement's snapshot once it commits: the item is left to ``enforce_batch`` (not
    stored without its account), the others are stored."""
    store = pg_client.store
    tenant = make_tenant(store, "late").id
    records = [Item(id="late-1", text="hi", account_id="u-late"), Item(id="ok-1", text="hi")]
    pairs: list[tuple[Item, ScanResult]] = [(r, scanner.scan(r)) for r in records]
    other = store.engine.connect()
    other.begin()
    other.exec_driver_sql(
        "INSERT INTO accounts (tenant_id, external_id, verified, monetization, follower_count, "
        "followers_frozen, status, created_at, updated_at) VALUES "
        "(%s, 'u-late', false, 'active', 0, false, 'active', now(), now())",
        (tenant,),
    )
    found: dict[str, Any] = {}

    def plain() -> None:
        found.update(
            store.run_autocommit(
                lambda conn: store_plain(conn, tenant_id=tenant, items=pairs, now=T0)
            )
        )

    writer = threading.Thread(target=plain)
    writer.start()
    try:
        # Until the statement waits on the account's lock (autocommit: each read of the
        # activity view is a fresh snapshot, not the one of an open transaction).
        with store.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as watch:
            waiting = _until(
                lambda: bool(
                    watch.exec_driver_sql(
                        "SELECT count(*) FROM pg_stat_activity "
                        "WHERE datname = current_database() AND wait_event_type = 'Lock' "
                        "AND query LIKE '%%INSERT INTO accounts%%' AND pid <> pg_backend_pid()"
                    ).scalar()
                ),
                attempts=600,
            )
    finally:
        other.commit()
        other.close()
        writer.join(timeout=30)
    assert waiting
    assert sorted(found) == ["ok-1"]
    ladder = _context(pg_client).ladder
    outcome = store.run(
        lambda s: enforce_batch(s, tenant_id=tenant, items=[pairs[0]], ladder=ladder, now=T0)
    )[0]
    assert outcome.created and outcome.account_id is not None


@pytest.mark.postgres
def test_a_failing_plain_statement_leaves_the_group_to_its_transaction(
    pg_client: BastionClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    api = pg_client
    ctx = _context(api)
    assert ctx.checks is not None
    _warm(api)
    plain_before = ctx.checks.stats.plain

    def broken(*_: Any, **__: Any) -> Any:
        raise RuntimeError("plain path down")

    monkeypatch.setattr("bastion.api.commit.store_plain", broken)
    answer = _check(api, "x-1", "plain words", "u-x")
    assert answer["enforcement"]["created"] and not answer["enforcement"]["duplicate"]
    assert ctx.checks.stats.plain == plain_before
