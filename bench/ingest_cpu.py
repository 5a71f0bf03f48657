"""Client CPU and SQL statements per item of ``enforce_batch`` in small groups (as group commit
runs them), in one process: figures a busy shared machine distorts far less than latency.

3,000 items (3 % with one listed link, ``disable_link``), 2,000 skewed accounts, groups of 16,
one transaction a group, on SQLite (temp file) or a throwaway PostgreSQL database.

``python -m bench.ingest_cpu [--backend sqlite|postgres] [--items N] [--group G]``
"""

from __future__ import annotations

import argparse
import random
import secrets
import tempfile
import time
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import make_url

from bastion.enforce import Ladder
from bastion.model import Entity, Item, ScanResult, Violation
from bastion.service import enforce_batch
from bastion.store import Store
from bastion.store.queries import create_tenant
from bench import common
from bench.bench_api import PG_ADMIN_URL


def records(count: int, seed: int = 1) -> list[tuple[Item, ScanResult]]:
    rng = random.Random(seed)
    out = []
    for n in range(count):
        account = f"u-{int(2000 * rng.random() ** 2)}"
        if rng.random() < 0.03:
            body = "visit bet-example.com now"
            item = Item(id=f"f{n}", text=body, platform="bench", account_id=account)
            entity = Entity(
                kind="domain",
                raw="bet-example.com",
                span=(6, 21),
                value="bet-example.com",
                host="bet-example.com",
                registrable_domain="bet-example.com",
                categories=["gambling"],
                sources=["feed:bench"],
            )
            violation = Violation("link.listed", "gambling", "high", 1.0, "disable_link", [0])
            result = ScanResult(item.id, "act", [entity], [violation], policy_version="bench")
        else:
            item = Item(id=f"c{n}", text=f"see you at {n}", platform="bench", account_id=account)
            result = ScanResult(item.id, "allow", policy_version="bench")
        out.append((item, result))
    return out


def measure(url: str | None, count: int, group: int) -> dict[str, Any]:
    from datetime import UTC, datetime

    now = datetime.now(UTC)
    with tempfile.TemporaryDirectory() as tmp, Store.open(home=Path(tmp), url=url) as store:
        with store.transaction() as session:
            tenant = create_tenant(session, slug="bench", name="Bench").id
        ladder = Ladder.default()
        items = records(count)
        statements = 0

        def tally(*_args: Any) -> None:
            nonlocal statements
            statements += 1

        event.listen(store.engine, "before_cursor_execute", tally)
        cpu, wall = time.process_time(), time.perf_counter()
        for start in range(0, count, group):
            part = items[start : start + group]
            store.run(
                lambda s, part=part: enforce_batch(  # type: ignore[misc]
                    s, tenant_id=tenant, items=part, ladder=ladder, now=now
                )
            )
        cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    return {
        "items": count,
        "group": group,
        "flagged_share": 0.03,
        "client_cpu_ms_per_item": round(cpu * 1000 / count, 3),
        "wall_ms_per_item": round(wall * 1000 / count, 3),
        "statements_per_group": round(statements / -(-count // group), 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--backend", choices=("sqlite", "postgres"), default="sqlite")
    parser.add_argument("--items", type=int, default=3000)
    parser.add_argument("--group", type=int, default=16)
    args = parser.parse_args()
    if args.backend == "sqlite":
        figures = measure(None, args.items, args.group)
    else:
        admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
        name = f"bastion_bench_{secrets.token_hex(4)}"
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        try:
            url = make_url(PG_ADMIN_URL).set(database=name).render_as_string(hide_password=False)
            figures = measure(url, args.items, args.group)
        finally:
            with admin.connect() as conn:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            admin.dispose()
    figures = {"backend": args.backend, **figures}
    print(figures)
    print(f"results: {common.write_result(f'ingest_cpu_{args.backend}', figures)}")


if __name__ == "__main__":
    main()
