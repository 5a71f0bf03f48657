"""The seed scenario at CI size on SQLite and PostgreSQL: it runs, every figure matches, it is
deterministic, and the check really fails when the store and the ledger disagree."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import text

from bastion.report import read_snapshot, transparency_stats
from scenario.check import compare
from scenario.generate import Config, Platform
from scenario.ingest import Timer
from scenario.run import main, parse, simulate

TINY = ["--accounts", "300", "--posts", "3000"]

pytestmark = pytest.mark.slow  # whole scenarios on SQLite and PostgreSQL: scheduled first


def _args(home: Path, out: Path, url: str | None, *extra: str) -> list[str]:
    argv = ["--home", str(home), "--out", str(out), *extra]
    return argv if url is None else [*argv, "--database-url", url]


def test_small_scenario_runs_and_every_figure_matches(
    backend_url: str | None, scenario_home: Path, tmp_path: Path, shared_data: Path
) -> None:
    data = ["--data", str(shared_data)]
    assert main(_args(scenario_home, tmp_path, backend_url, "--small", *data)) == 0
    summary = json.loads((tmp_path / "summary-small.json").read_text())
    report = json.loads((tmp_path / "transparency-small.json").read_text())
    assert summary["checks"]["mismatches"] == []
    assert summary["checks"]["figures"] >= 60
    assert summary["audit_chain"]["ok"] and summary["audit_chain"]["events"] > 0
    ledger = summary["ledger"]
    assert sum(ledger["items_ingested"].values()) == report["activity"]["items_ingested"]
    assert sum(ledger["items_ingested"].values()) >= 35_000  # 20k posts + comments + chats
    assert set(ledger["items_ingested"]) == {
        "post",
        "comment",
        "chat",
        "username",
        "display_name",
        "bio",
    }
    groups = report["actions"]["groups"]
    for group in ("items_removed", "links_disabled", "accounts_warned", "accounts_banned"):
        assert groups[group]["live"] > 0, group
    assert groups["accounts_suspended"]["actions"] > 0
    assert ledger["reports"]["merged"] > 0 and ledger["reports"]["trusted"] > 0
    assert report["reports"]["trusted_flagger"] == ledger["reports"]["trusted"]
    assert ledger["appeals"]["granted"] > 0 and ledger["appeals"]["denied"] > 0
    assert report["appeals"]["reversed"] == ledger["appeals"]["granted"]
    assert ledger["restrictions_lifted"] > 0
    assert sum(ledger["posts_refused_restricted_author"].values()) > 0
    assert (tmp_path / "transparency-small.html").read_text().startswith("<!DOCTYPE html>")


def test_same_seed_same_platform(scenario_home: Path, tmp_path: Path, shared_data: Path) -> None:
    from bastion.scanner import Scanner
    from scenario import corpus

    scanner = Scanner.load(scenario_home)
    material = corpus.load(shared_data, scanner, weibo=5000, domains_per_category=50)
    first = Platform(Config(accounts=300, posts=1000, seed=3), material)
    second = Platform(Config(accounts=300, posts=1000, seed=3), material)
    other = Platform(Config(accounts=300, posts=1000, seed=4), material)
    for day in (0, 17, 60):
        a = [(i.id, i.text, i.created_at, t) for i, t in first.content_items(day)]
        b = [(i.id, i.text, i.created_at, t) for i, t in second.content_items(day)]
        assert a == b
        assert a != [(i.id, i.text, i.created_at, t) for i, t in other.content_items(day)]
        stamps = [i.created_at for i, _ in first.content_items(day)]
        assert stamps == sorted(stamps, key=lambda s: datetime.fromisoformat(s or ""))
    profiles = first.profile_items(0)
    assert {i.surface for i, _ in profiles} >= {"username", "display_name"}
    dirty = [(i, t) for day in range(61) for i, t in first.content_items(day) if t]
    assert dirty and all(t in (*corpus.LINK_CATEGORIES, "sexual_services") for _, t in dirty)


def test_check_fails_when_store_and_ledger_disagree(
    scenario_home: Path, tmp_path: Path, shared_data: Path
) -> None:
    """Rewrite one action in the store behind the ledger's back: report and SQL still agree
    (both read the store) but the ledger does not, so the run would fail."""
    argv = ["--home", str(scenario_home), "--out", str(tmp_path), "--data", str(shared_data)]
    args = parse([*argv, *TINY])
    world, _ = simulate(args, scenario_home, Timer())
    try:
        cfg = world.platform.config

        def rows() -> list[str]:
            stats = read_snapshot(
                world.store,
                lambda s: transparency_stats(
                    s, date_from=cfg.start, date_to=cfg.end, tenant_id=world.tenant_id
                ),
            )
            with world.store.transaction(readonly=True) as session:
                found = compare(
                    session, stats, world.ledger, world.tenant_id, world.slug, world.campaign_id
                )
            return [r.figure for r in found if not r.ok]

        assert rows() == []
        with world.store.transaction() as session:
            target = session.execute(
                text(
                    "SELECT id FROM actions WHERE tenant_id = :t AND kind = 'warn' "
                    "AND reversed_at IS NULL ORDER BY id LIMIT 1"
                ),
                {"t": world.tenant_id},
            ).scalar_one()
            session.execute(text("UPDATE actions SET kind = 'ban' WHERE id = :i"), {"i": target})
        failed = rows()
        assert "accounts_warned" in failed and "accounts_banned" in failed
        assert "actions warn" in failed
    finally:
        world.store.close()


@pytest.mark.parametrize(
    "argv",
    [["--accounts", "5"], ["--posts", "10"], ["--seed", "x"]],
)
def test_bad_arguments_are_refused(argv: list[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        parse(argv)
    assert exc.value.code == 2
