"""CPU of ``POST /v1/check``'s write path alone: ``GroupCommitter._write`` on groups of
already-scanned checks, one after another in this thread, on SQLite or a throwaway PostgreSQL
database. The scan, HTTP and the event loop are left out (their CPU does not depend on the
store), so a change to the write path shows above the noise that the whole request's CPU
(``bench.api_cpu``) carries on a shared machine.

Traffic: ``bench.bench_api``'s (the real-message mix, 3 % with a listed link, 20,000 skewed
accounts, every check a new item), scanned once up front; groups of ``--group`` checks as
group commit forms them, the tenant cache warm (``--plain-only``: the checks without a
violation only). Reported per check: this process's CPU
(``time.process_time``), on PostgreSQL the CPU of its backends (``/proc``), the SQL statements
sent and the transactions committed (an autocommitted statement is none).

``python -m bench.check_write_cpu [--backend sqlite|postgres] [--checks N] [--group G]``
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import secrets
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bench.api_cpu import _BackendWatch, _Statements, bodies, database
from bench.bench_api import PG_ADMIN_URL, _prepare_home


def run(args: argparse.Namespace) -> dict[str, Any]:
    from bastion.api.commit import GroupCommitter, _Job
    from bastion.enforce import Ladder, ReasonsConfig
    from bastion.model import Item
    from bastion.scanner import Scanner
    from bastion.service.tenant_cache import TenantCache
    from bastion.store import Store
    from bastion.store.queries import create_tenant

    run_id = secrets.token_hex(3)
    payloads = [json.loads(b) for b in bodies(args.warmup + args.checks, run_id)]
    with database(args.backend, args.pg_admin_url) as url, tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp) / "home"
        _prepare_home(home, url)
        store = Store.open(home=home, url=url)
        with store.transaction() as session:
            tenant = create_tenant(session, slug="writes", name="Writes").id
        scanner = Scanner.load(home)
        items = [Item(**p) for p in payloads]
        scans = {item.id: scanner.scan(item) for item in items}
        if args.plain_only:
            items = [item for item in items if not scans[item.id].violations]

        class Scanned:
            """The scans done up front, answered by id."""

            def scan(self, item: Item) -> Any:
                return scans[item.id]

        scanned: Any = Scanned()
        checks = GroupCommitter(store, scanned, Ladder.default(), ReasonsConfig())
        checks.tenants = TenantCache(lambda: 1, ttl=3600.0)
        loop = asyncio.new_event_loop()
        now = datetime.now(UTC)

        def groups(part: list[Item]) -> list[list[Any]]:
            jobs = [_Job(tenant, item, now, loop.create_future(), loop) for item in part]
            return [jobs[n : n + args.group] for n in range(0, len(jobs), args.group)]

        for group in groups(items[: args.warmup]):
            checks._write(group)
        measured = groups(items[args.warmup :])
        n = sum(len(group) for group in measured)
        backends = _BackendWatch(url) if url else None
        counted = _Statements(store.engine)
        cpu = time.process_time()
        for group in measured:
            checks._write(group)
        cpu = time.process_time() - cpu
        statements, commits = counted.stop()
        server = backends.stop() if backends is not None else None
        errors = sum(1 for group in measured for job in group if job.error is not None)
        loop.close()
        store.close()
    return {
        "backend": args.backend,
        "checks": n,
        "group": args.group,
        "errors": errors,
        "cpu_ms_per_check": round(cpu * 1000 / n, 3),
        "postgres_cpu_ms_per_check": None if server is None else round(server * 1000 / n, 3),
        "statements_per_check": round(statements / n, 3),
        "transactions_per_check": round(commits / n, 3),
        "plain_checks": getattr(checks.stats, "plain", None),
        "pid": os.getpid(),
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--backend", choices=("sqlite", "postgres"), default="postgres")
    parser.add_argument("--checks", type=int, default=3000)
    parser.add_argument("--warmup", type=int, default=500)
    parser.add_argument("--group", type=int, default=4)
    parser.add_argument(
        "--plain-only", action="store_true", help="only the checks without a violation"
    )
    parser.add_argument("--pg-admin-url", default=PG_ADMIN_URL)
    args = parser.parse_args(argv)
    print(json.dumps(run(args)))


if __name__ == "__main__":
    main()
