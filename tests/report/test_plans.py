"""The report's queries reach actions through indexes, so their cost follows the period's rows.

A full-size store (2M items, 28k actions, 4.5k reports) took 70 s to match reports to actions
while one ``EXISTS`` held a three-way ``OR``: the planner scanned every action for every report.
Here every statement the report runs is planned on SQLite (``EXPLAIN QUERY PLAN``) and on
PostgreSQL (``EXPLAIN`` with sequential scans priced out, so a plan keeps one only when no
index can serve), and no correlated subquery may read a whole table.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from typing import Any, NamedTuple

import pytest
from sqlalchemy import event
from sqlalchemy.orm import Session

from bastion.report import read_snapshot, transparency_stats
from bastion.store import Store
from tests.report.dataset import FROM, TO, Ids

# The first action per item must consider every action ever taken on items, by definition.
WHOLE_HISTORY = "min(actions.created_at)"


class Read(NamedTuple):
    """How one plan node reads a table."""

    table: str  # without the _1, _2 of an alias
    correlated: bool  # evaluated once per outer row
    keyed: bool  # an index lookup on more than the tenant
    whole: bool  # every row of the table


def statements(store: Store, tenant_id: int | None) -> list[tuple[str, Any]]:
    """Every SQL statement (with its parameters) one report runs."""
    seen: list[tuple[str, Any]] = []

    def record(_c: Any, _cur: Any, sql: str, params: Any, _ctx: Any, _many: bool) -> None:
        seen.append((sql, params))

    event.listen(store.engine, "before_cursor_execute", record)
    try:
        read_snapshot(
            store, lambda s: transparency_stats(s, date_from=FROM, date_to=TO, tenant_id=tenant_id)
        )
    finally:
        event.remove(store.engine, "before_cursor_execute", record)
    return [(sql, params) for sql, params in seen if sql.lstrip().upper().startswith("SELECT")]


def _keyed(columns: Iterable[str]) -> bool:
    """Whether an index lookup narrows on more than the tenant (a per-row key or a range)."""
    return bool(set(columns) - {"tenant_id"})


def sqlite_reads(session: Session, sql: str, params: Any) -> Iterator[Read]:
    rows = session.connection().exec_driver_sql("EXPLAIN QUERY PLAN " + sql, params).all()
    parent = {row[0]: row[1] for row in rows}
    detail = {row[0]: str(row[3]) for row in rows}
    for node, text in detail.items():
        if not text.startswith(("SCAN ", "SEARCH ")):
            continue
        up, correlated = parent[node], False
        while up in detail:
            correlated |= detail[up].startswith("CORRELATED")
            up = parent[up]
        keyed = text.startswith("SEARCH ") and _keyed(re.findall(r"(\w+)[=<>]", text))
        whole = text.startswith("SCAN ") and "COVERING INDEX" not in text
        yield Read(re.sub(r"_\d+$", "", text.split()[1]), correlated, keyed, whole)


def pg_reads(session: Session, sql: str, params: Any) -> Iterator[Read]:
    """Sequential scans are priced out, so one is left only where no index could serve.

    On a few rows PostgreSQL prices every index of ``actions`` alike and may probe by tenant
    alone, so here an index scan counts as keyed; SQLite's planner, which goes by the shape of
    each index, checks that the index fits the lookup.
    """
    conn = session.connection()
    conn.exec_driver_sql("SET LOCAL enable_seqscan = off")
    plan = conn.exec_driver_sql("EXPLAIN (FORMAT JSON) " + sql, params).scalar_one()
    plan = json.loads(plan) if isinstance(plan, str) else plan

    def walk(node: dict[str, Any], correlated: bool) -> Iterator[Read]:
        correlated |= node.get("Parent Relationship") == "SubPlan"
        if "Relation Name" in node:
            whole = node["Node Type"] == "Seq Scan"
            yield Read(node["Relation Name"], correlated, not whole, whole)
        for child in node.get("Plans", []):
            yield from walk(child, correlated)

    yield from walk(plan[0]["Plan"], False)


@pytest.mark.parametrize("one_tenant", [False, True])
def test_no_correlated_scans_and_actions_read_by_index(
    seeded: tuple[Store, Ids], one_tenant: bool
) -> None:
    store, ids = seeded
    tenant_id = ids.tenants["alpha"] if one_tenant else None
    run = statements(store, tenant_id)
    assert any("EXISTS" in sql for sql, _ in run), "the report outcome query was not captured"
    explain = pg_reads if store.dialect == "postgresql" else sqlite_reads
    with Session(store.engine) as session:
        for sql, params in run:
            reads = list(explain(session, sql, params))
            assert all(r.keyed for r in reads if r.correlated), (sql, reads)
            if WHOLE_HISTORY not in sql:
                assert not [r for r in reads if r.table == "actions" and r.whole], (sql, reads)
            session.rollback()
