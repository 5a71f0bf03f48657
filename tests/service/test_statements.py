"""SQL statements per ingest transaction, pinned on both backends.

Statement count, not time, is what the enforcement path's throughput on PostgreSQL hangs on
(each one a round trip inside a transaction that holds locks), so it is counted exactly: a
change that adds a statement to the clean or the flagged path fails here and must say why.
Counted with SQLAlchemy's ``before_cursor_execute`` (an ``executemany`` counts once); on
SQLite the explicit ``BEGIN IMMEDIATE`` is one of them.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import event

from bastion.enforce import Ladder
from bastion.model import Item, ScanResult
from bastion.service import enforce_batch
from bastion.store import Store
from tests.service.conftest import T0, TenantInfo, clean, scanned

# (clean item of a known account, flagged item of a new account, flagged item whose account
# already has a strike: the second strike also updates the account)
EXPECTED = {"sqlite": (4, 14, 14), "postgresql": (3, 12, 13)}
"""Before this was pinned: SQLite 7, 20 and 20; PostgreSQL 5, 18 and 18."""


@contextmanager
def counting(store: Store) -> Iterator[list[str]]:
    statements: list[str] = []

    def count(*args: Any) -> None:
        statements.append(str(args[2]))

    event.listen(store.engine, "before_cursor_execute", count)
    try:
        yield statements
    finally:
        event.remove(store.engine, "before_cursor_execute", count)


def enforce(
    store: Store, tenant: TenantInfo, ladder: Ladder, items: list[tuple[Item, ScanResult]]
) -> list[str]:
    with counting(store) as statements:
        outcomes = store.run(
            lambda s: enforce_batch(s, tenant_id=tenant.id, items=items, ladder=ladder, now=T0)
        )
    assert all(o.created for o in outcomes)
    return statements


def test_statements_per_item_are_pinned(store: Store, tenant: TenantInfo, ladder: Ladder) -> None:
    clean_n, flagged_new, flagged_again = EXPECTED[store.dialect]
    enforce(store, tenant, ladder, [clean("warm", account="u-known")])

    assert len(enforce(store, tenant, ladder, [clean("c-1", account="u-known")])) == clean_n
    first = enforce(store, tenant, ladder, [scanned("f-1", account="u-new")])
    assert len(first) == flagged_new, first
    second = enforce(store, tenant, ladder, [scanned("f-2", account="u-new")])
    assert len(second) == flagged_again, second
    assert any(s.lstrip().upper().startswith("UPDATE ACCOUNTS") for s in second)


def test_a_group_costs_what_its_one_flagged_item_costs(
    store: Store, tenant: TenantInfo, ladder: Ladder
) -> None:
    """31 clean items beside a flagged one add no statement: every write is set-wise."""
    _, flagged_new, _ = EXPECTED[store.dialect]
    group = [clean(f"c-{n}", account=f"u-{n % 7}") for n in range(31)]
    enforce(store, tenant, ladder, [clean(f"w-{n}", account=f"u-{n}") for n in range(7)])
    statements = enforce(store, tenant, ladder, [*group, scanned("f-1", account="u-new")])
    assert len(statements) == flagged_new, statements
