"""Ingest throughput: scanned items per second through ``enforce_batch`` into a real store.

Traffic: the seeded real-message mix of ``bench.throughput`` (SMS, telecom texts, YouTube and
Weibo comments), with a listed link from the example feeds spliced into ``--dirty`` of them
(default 3%), scanned by the real ``Scanner``. The scanned pool (``--pool`` distinct messages) is
replayed under fresh item ids to ``--items`` (default 1,000,000), spread over ``--accounts``
accounts with a skew, so repeat offenders climb the ladder and some get banned. Only ingest is
timed (scanning is measured by ``bench.throughput``); each batch of ``--batch`` items is one
transaction, as ``POST /v1/items:batch`` or a sweep would run it. Bar: >= 20,000 items/s on SQLite.

``python -m bench.bench_ingest [--items N] [--backend sqlite|postgres] [--quick]``
"""

from __future__ import annotations

import argparse
import gc
import random
import secrets
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, func, select, text
from sqlalchemy.engine import make_url
from typer.testing import CliRunner

from bastion.cli import app as cli_app
from bastion.enforce import Ladder
from bastion.model import Item, ScanResult
from bastion.scanner import Scanner
from bastion.service import enforce_batch
from bastion.store import Store
from bastion.store.models import Action, AuditEvent, Case, Strike
from bastion.store.queries import create_tenant
from bench import common
from bench.throughput import message_mix

SEED = 11
BAR_ITEMS_PER_S = 20_000
ANALYZE_EVERY = 20
T0_EPOCH = 1_795_000_000.0


def feed_home(root: Path) -> Path:
    home = root / "home"
    feeds = common.REPO_ROOT / "examples" / "feeds"
    outcome = CliRunner().invoke(
        cli_app,
        ["feeds", "import", str(feeds), "--category", "from-file", "--home", str(home)],
    )
    if outcome.exit_code != 0:
        raise SystemExit(f"feed import failed: {outcome.output}")
    return home


def listed_hosts() -> list[str]:
    """Hosts of the example gambling, scam and phishing feeds (what gets spliced in)."""
    hosts = []
    for name in ("gambling", "scam", "phishing"):
        path = common.REPO_ROOT / "examples" / "feeds" / f"{name}.txt"
        hosts += [h for h in common.read_hosts(path) if "." in h][:200]
    return hosts


def scanned_pool(
    scanner: Scanner, data: Path, size: int, dirty: float
) -> tuple[list[str], list[ScanResult]]:
    """(texts, their scan results); ``dirty`` of the texts get a listed host appended."""
    rng = random.Random(SEED)
    hosts = listed_hosts()
    texts = []
    for message in message_mix(data, size):
        if rng.random() < dirty:
            cue = rng.choice(["see", "join", "visit", "官网"])
            message = f"{message[:120]} {cue} {rng.choice(hosts)}"
        texts.append(message)
    return texts, [scanner.scan(Item(id=f"pool-{n}", text=t)) for n, t in enumerate(texts)]


def build_items(
    pool: list[ScanResult], texts: list[str], total: int, accounts: int
) -> list[tuple[Item, ScanResult]]:
    rng = random.Random(SEED + 1)
    out = []
    for n in range(total):
        k = n % len(pool)
        account = int(accounts * rng.random() ** 2)
        item = Item(id=f"m-{n}", text=texts[k], platform="demo", account_id=f"u-{account}")
        base = pool[k]
        result = ScanResult(
            item.id,
            base.verdict,
            base.entities,
            base.violations,
            base.truncated,
            base.policy_version,
        )
        out.append((item, result))
    return out


def run(args: argparse.Namespace) -> dict[str, Any]:
    data = common.data_dir(args.data)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        scanner = Scanner.load(feed_home(root))
        t_scan = time.perf_counter()
        texts, pool = scanned_pool(scanner, data, args.pool, args.dirty)
        scan_seconds = time.perf_counter() - t_scan
        items = build_items(pool, texts, args.items, args.accounts)
        store = Store.open(home=root / "db", url=args.url)
        try:
            with store.transaction() as session:
                tenant = create_tenant(session, slug="bench", name="Bench").id
            ladder = Ladder.default()
            start = datetime.fromtimestamp(T0_EPOCH, UTC)
            batches = [items[i : i + args.batch] for i in range(0, len(items), args.batch)]
            gc.collect()
            gc.freeze()  # a million prebuilt items would otherwise make every GC pass crawl
            server_before = common.postgres_backend_cpu(args.url)
            began, cpu = time.perf_counter(), time.process_time()
            slowest = 0.0
            for n, batch in enumerate(batches):
                now = start + timedelta(seconds=n)
                t = time.perf_counter()
                with store.transaction() as session:
                    enforce_batch(session, tenant_id=tenant, items=batch, ladder=ladder, now=now)
                slowest = max(slowest, time.perf_counter() - t)
                if store.dialect == "postgresql" and n % ANALYZE_EVERY == 0:
                    # A bulk load outruns autovacuum: with statistics from the empty tables the
                    # planner scans all of a tenant's rows for each IN lookup (PG manual, 14.4.8).
                    with store.engine.connect() as conn:
                        conn.execute(text("ANALYZE accounts, items, strikes, actions"))
                        conn.commit()
            seconds, cpu = time.perf_counter() - began, time.process_time() - cpu
            server = common.postgres_backend_cpu(args.url)
            server_cpu = None if server is None or server_before is None else server - server_before
            with store.transaction(readonly=True) as session:
                counts = {
                    name: int(session.scalar(select(func.count()).select_from(model)) or 0)
                    for name, model in (
                        ("actions", Action),
                        ("strikes", Strike),
                        ("cases", Case),
                        ("audit_events", AuditEvent),
                    )
                }
            dialect = store.dialect
        finally:
            store.close()
    dirty_items = sum(1 for _, r in items if any(v.mode == "enforce" for v in r.violations))
    return {
        "backend": dialect,
        "items": len(items),
        "batch": args.batch,
        "accounts": args.accounts,
        "items_with_violations": dirty_items,
        "seconds": round(seconds, 2),
        "items_per_s": round(len(items) / seconds),
        "items_per_client_cpu_s": round(len(items) / cpu),
        "client_cpu_ms_per_flagged_item": round(cpu * 1000 / max(1, dirty_items), 3),
        "client_cpu_s": round(cpu, 2),
        "server_cpu_s": None if server_cpu is None else round(server_cpu, 2),
        "items_per_client_and_server_cpu_s": round(len(items) / (cpu + (server_cpu or 0.0))),
        "slowest_batch_s": round(slowest, 3),
        "bar_items_per_s": BAR_ITEMS_PER_S,
        "meets_bar": len(items) / seconds >= BAR_ITEMS_PER_S,
        "pool_scan_msgs_per_s": round(len(pool) / scan_seconds),
        **counts,
    }


@contextmanager
def throwaway_database(admin_url: str, prefix: str = "bastion_bench") -> Iterator[str]:
    """A fresh PostgreSQL database for one run, dropped afterwards."""
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    name = f"{prefix}_{secrets.token_hex(4)}"
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(admin_url).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=1_000_000)
    parser.add_argument("--batch", type=int, default=5_000)
    parser.add_argument("--pool", type=int, default=50_000)
    parser.add_argument("--accounts", type=int, default=200_000)
    parser.add_argument("--dirty", type=float, default=0.03, help="share of items with a link")
    parser.add_argument("--backend", choices=("sqlite", "postgres"), default="sqlite")
    parser.add_argument(
        "--pg-admin-url",
        default="postgresql+psycopg://postgres@127.0.0.1:5432/postgres",
        help="server for --backend postgres (a throwaway database is created and dropped)",
    )
    parser.add_argument("--db-prefix", default="bastion_bench", help="throwaway database name")
    parser.add_argument("--label", default="", help="suffix of the results file name")
    parser.add_argument("--data", type=Path)
    parser.add_argument("--quick", action="store_true", help="100,000 items")
    args = parser.parse_args(argv)
    if args.quick:
        args.items = min(args.items, 100_000)
    args.url = None
    if args.backend == "postgres":
        with throwaway_database(args.pg_admin_url, args.db_prefix) as url:
            args.url = url
            figures = run(args)
    else:
        figures = run(args)
    for key, value in figures.items():
        print(f"{key:>24}: {value}")
    path = common.write_result("ingest_" + str(figures["backend"]) + args.label, figures)
    print(f"results: {path}")


if __name__ == "__main__":
    main()
