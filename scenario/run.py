"""``python -m scenario.run``: the seed scenario end to end, checked exactly; exit 1 on mismatch.

Phases: build the intel home from the real lists (cached in the home), load and calibrate the
corpus, then for each of the campaign's days generate, scan and ingest the content, file the
day's reports, review cases, file and decide appeals and lift due restrictions; finally render
the transparency report (JSON + HTML), compare it with independent SQL and the run's ledger,
and verify the audit chain. Prints a summary table with counts, phase times and rates.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Final

from bastion.intel.feeds import FeedSpec, import_feed_set
from bastion.report import read_snapshot, render_html, render_json, transparency_stats
from bastion.scanner import Scanner
from bastion.service.reports import ReportConfig, load_secret
from bastion.store import Store, audit
from bench import common
from scenario import corpus as corpus_mod
from scenario.check import Row, compare
from scenario.generate import Config, Platform
from scenario.ingest import Clock, Timer, ingest_day
from scenario.moderation import appeal_day, lift_day, report_day, review_day
from scenario.world import World, open_world

RESULTS: Final = Path(__file__).resolve().parent / "results"
SMALL: Final = {"accounts": 2_000, "posts": 20_000}
FULL: Final = {"accounts": 100_000, "posts": 1_000_000}
STAMP: Final = "scenario-intel.json"


def parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--accounts", type=int, help=f"default {FULL['accounts']:,}")
    parser.add_argument(
        "--posts", type=int, help=f"default {FULL['posts']:,} (+50%% comments, +25%% chats)"
    )
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--small", action="store_true", help="CI size: 2,000 accounts, 20,000 posts"
    )
    parser.add_argument("--database-url", help="default: SQLite in the scenario home")
    parser.add_argument(
        "--home", type=Path, help="default: $BASTION_HOME/scenario, else a temp dir"
    )
    parser.add_argument("--data", type=Path, help="shared/data directory")
    parser.add_argument("--out", type=Path, default=RESULTS, help="where summaries are written")
    args = parser.parse_args(argv)
    size = SMALL if args.small else FULL
    args.accounts = args.accounts or size["accounts"]
    args.posts = args.posts or size["posts"]
    if args.accounts < 100 or args.posts < 100:
        parser.error("--accounts and --posts must be at least 100")
    return args


def label(args: argparse.Namespace) -> str:
    if (args.accounts, args.posts) == (SMALL["accounts"], SMALL["posts"]):
        name = "small"
    elif (args.accounts, args.posts) == (FULL["accounts"], FULL["posts"]):
        name = "full"
    else:
        name = f"a{args.accounts}-p{args.posts}"
    return name if args.seed == 7 else f"{name}-s{args.seed}"


def intel_home(home: Path, data: Path) -> bool:
    """Import the scenario's real lists into ``home`` unless an identical import is there."""
    files = [data / rel for rel, *_ in corpus_mod.SCENARIO_FEEDS]
    fingerprint = hashlib.sha256(
        json.dumps(
            [[str(f), f.stat().st_size, f.stat().st_mtime_ns] for f in files]
            + [list(feed) for feed in corpus_mod.SCENARIO_FEEDS]
        ).encode()
    ).hexdigest()
    stamp = home / STAMP
    if stamp.is_file() and json.loads(stamp.read_text()).get("fingerprint") == fingerprint:
        return False
    feeds = [FeedSpec(data / rel, c, fmt, src) for rel, c, fmt, src in corpus_mod.SCENARIO_FEEDS]
    import_feed_set(home, feeds)
    stamp.write_text(json.dumps({"fingerprint": fingerprint}))
    return True


def fresh_sqlite(home: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        (home / f"bastion.db{suffix}").unlink(missing_ok=True)


def main(argv: list[str] | None = None) -> int:
    args = parse(argv)
    temp = None
    if args.home is not None:
        home = args.home
    elif os.environ.get("BASTION_HOME"):
        home = Path(os.environ["BASTION_HOME"]) / "scenario"
    else:
        temp = tempfile.mkdtemp(prefix="bastion-scenario-")
        home = Path(temp)
    home.mkdir(parents=True, exist_ok=True)
    try:
        return run(args, home)
    finally:
        if temp is not None:
            shutil.rmtree(temp, ignore_errors=True)


def run(args: argparse.Namespace, home: Path) -> int:
    timer = Timer()
    wall = time.perf_counter()
    world, built = simulate(args, home, timer)
    try:
        return finish(args, world, timer, wall, built)
    finally:
        world.store.close()


def simulate(args: argparse.Namespace, home: Path, timer: Timer) -> tuple[World, bool]:
    """Build everything and play every day of the campaign; the caller closes ``world.store``."""
    wall = time.perf_counter()
    began = time.perf_counter()
    data = common.data_dir(args.data)
    built = intel_home(home, data)
    scanner = Scanner.load(home)
    timer.add("intel", began)
    began = time.perf_counter()
    config = Config(accounts=args.accounts, posts=args.posts, seed=args.seed)
    weibo = min(400_000, max(20_000, config.posts // 2))
    corpus = corpus_mod.load(data, scanner, weibo=weibo, domains_per_category=300)
    platform = Platform(config, corpus)
    timer.add("corpus", began)
    if args.database_url is None:
        fresh_sqlite(home)
    store = Store.open(home=home, url=args.database_url)
    try:
        world = open_world(store, platform, scanner, ReportConfig(secret=load_secret(home)))
        clock = Clock(config.day_start(0))
        for day in range(config.days):
            play_day(world, day, timer, clock)
            if day % 10 == 0 or day == config.days - 1:
                print(
                    f"day {day + 1:>3}/{config.days}: {sum(world.ledger.items.values()):,} items, "
                    f"{len(world.ledger.actions):,} actions, {time.perf_counter() - wall:.0f}s",
                    file=sys.stderr,
                )
    except BaseException:
        store.close()
        raise
    return world, built


def play_day(world: World, day: int, timer: Timer, clock: Clock) -> None:
    items = ingest_day(world, day, timer, clock)
    began = time.perf_counter()
    report_day(world, day, items)
    timer.add("reports", began)
    began = time.perf_counter()
    review_day(world, day)
    timer.add("review", began)
    began = time.perf_counter()
    appeal_day(world, day)
    timer.add("appeals", began)
    began = time.perf_counter()
    lift_day(world, day)
    timer.add("lift", began)


def finish(args: argparse.Namespace, world: World, timer: Timer, wall: float, built: bool) -> int:
    cfg = world.platform.config
    began = time.perf_counter()
    generated_at = cfg.day_start(cfg.days)
    stats = read_snapshot(
        world.store,
        lambda s: transparency_stats(
            s, date_from=cfg.start, date_to=cfg.end, tenant_id=world.tenant_id, now=generated_at
        ),
    )
    report_json, report_html = render_json(stats), render_html(stats)
    timer.add("report", began)
    began = time.perf_counter()
    with world.store.transaction(readonly=True) as session:
        rows = compare(session, stats, world.ledger, world.tenant_id, world.slug, world.campaign_id)
    timer.add("check", began)
    began = time.perf_counter()
    with world.store.transaction(readonly=True) as session:
        chain = audit.verify(session, batch_size=5000)
    timer.add("audit", began)
    seconds = time.perf_counter() - wall
    failures = [r for r in rows if not r.ok]
    summary = _summary(args, world, timer, seconds, rows, chain, built)
    name = label(args)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / f"transparency-{name}.json").write_text(report_json, encoding="utf-8")
    (args.out / f"transparency-{name}.html").write_text(report_html, encoding="utf-8")
    (args.out / f"summary-{name}.json").write_text(
        json.dumps(summary, indent=2, ensure_ascii=False, default=str) + "\n", encoding="utf-8"
    )
    _print(summary, rows)
    if failures or not chain.ok:
        for row in failures:
            print(
                f"MISMATCH {row.figure}: report={row.report} sql={row.sql} ledger={row.ledger}",
                file=sys.stderr,
            )
        if not chain.ok:
            print(f"AUDIT CHAIN BROKEN: {chain.problem}", file=sys.stderr)
        return 1
    print(
        f"all {len(rows)} figures match; audit chain of {chain.events_checked:,} events intact; "
        f"results in {args.out}"
    )
    return 0


def _summary(
    args: argparse.Namespace,
    world: World,
    timer: Timer,
    seconds: float,
    rows: list[Row],
    chain: audit.VerifyReport,
    built: bool,
) -> dict[str, Any]:
    cfg = world.platform.config
    items = sum(world.ledger.items.values())
    scan_s = timer.seconds["scan"]
    ingest_s = timer.seconds["ingest"]
    stats_rows = {r.figure: r.report for r in rows if not isinstance(r.report, dict)}
    return {
        "scenario": label(args),
        "backend": world.store.dialect,
        "config": {
            "accounts": cfg.accounts,
            "posts": cfg.posts,
            "comments": cfg.comments,
            "chats": cfg.chats,
            "seed": cfg.seed,
            "period": [cfg.start.isoformat(), cfg.end.isoformat()],
            "bad_actors": sum(1 for a in world.platform.accounts if a.kind == "bad"),
            "occasional_offenders": sum(
                1 for a in world.platform.accounts if a.kind == "occasional"
            ),
        },
        "cpu_count": os.cpu_count(),
        "intel_index_built": built,
        "seconds_total": round(seconds, 1),
        "seconds_by_phase": {k: round(v, 2) for k, v in sorted(timer.seconds.items())},
        "scan_items_per_s": round(items / scan_s) if scan_s else None,
        "ingest_items_per_s": round(items / ingest_s) if ingest_s else None,
        "ledger": world.ledger.summary(),
        "figures": {k: list(v) if isinstance(v, tuple) else v for k, v in stats_rows.items()},
        "checks": {"figures": len(rows), "mismatches": [r.figure for r in rows if not r.ok]},
        "audit_chain": {"ok": chain.ok, "events": chain.events_checked, "problem": chain.problem},
    }


def _print(summary: dict[str, Any], rows: list[Row]) -> None:
    def cell(value: Any) -> str:
        if isinstance(value, dict):
            return f"{{{len(value)} keys}}"
        return f"{value:,}" if isinstance(value, int) else str(value)

    common.print_table(
        f"Seed scenario {summary['scenario']} on {summary['backend']}: report vs SQL vs ledger",
        ["figure", "report", "sql", "ledger", "ok"],
        [
            [r.figure, cell(r.report), cell(r.sql), cell(r.ledger), "yes" if r.ok else "NO"]
            for r in rows
        ],
    )
    ledger = summary["ledger"]
    phases = summary["seconds_by_phase"]
    lines = [[phase, f"{secs:,.2f}"] for phase, secs in phases.items()]
    lines.append(["total (wall)", f"{summary['seconds_total']:,.1f}"])
    common.print_table("Time per phase (s)", ["phase", "seconds"], lines)
    facts = [
        ["items ingested", f"{sum(ledger['items_ingested'].values()):,}"],
        [
            "posts refused (author restricted)",
            f"{sum(ledger['posts_refused_restricted_author'].values()):,}",
        ],
        [
            "dirty items / acted at ingest / queued",
            f"{ledger['dirty_items']:,} / {ledger['dirty_acted_at_ingest']:,} / "
            f"{ledger['dirty_queued_for_review']:,}",
        ],
        ["clean items acted at ingest", f"{ledger['clean_acted_at_ingest']:,}"],
        ["scan items/s", f"{summary['scan_items_per_s']:,}"],
        ["ingest items/s", f"{summary['ingest_items_per_s']:,}"],
        ["reports", json.dumps(ledger["reports"])],
        ["reviews", json.dumps(ledger["reviews"])],
        ["appeals", json.dumps(ledger["appeals"])],
        ["restrictions lifted", f"{ledger['restrictions_lifted']:,}"],
    ]
    common.print_table("Scenario", ["what", "value"], facts)


if __name__ == "__main__":
    raise SystemExit(main())
