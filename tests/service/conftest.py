"""Fixtures for the service and API suites: stores on SQLite and PostgreSQL, tenants, a scanner
over the example feeds, and records built the way the scan core builds them.

``store`` is parametrized over both backends (from tests/store/conftest.py); PostgreSQL params
fail instead of skipping under ``CI=true``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bastion import Scanner
from bastion.enforce import Ladder
from bastion.model import Entity, Item, ScanResult, Violation
from bastion.store import Store
from bastion.store.queries import create_tenant, issue_api_key
from tests.store import conftest as _store_fixtures
from tests.support.homes import import_example_feeds

# The two-backend store fixtures of tests/store, shared with these suites.
backend_url = _store_fixtures.backend_url
open_store = _store_fixtures.open_store
pg_database_url = _store_fixtures.pg_database_url
pg_schema_url = _store_fixtures.pg_schema_url
store = _store_fixtures.store

REPO = Path(__file__).resolve().parents[2]
T0 = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)


@dataclass(frozen=True)
class TenantInfo:
    id: int
    slug: str
    keys: dict[str, str]


def make_tenant(store: Store, slug: str) -> TenantInfo:
    """A tenant with one API key per role."""
    with store.transaction() as session:
        row = create_tenant(session, slug=slug, name=slug.title())
        keys = {
            role: issue_api_key(session, row.id, role)[1]
            for role in ("platform", "moderator", "admin", "public")
        }
        return TenantInfo(row.id, slug, keys)


@pytest.fixture
def tenant(store: Store) -> TenantInfo:
    return make_tenant(store, "acme")


@pytest.fixture
def other_tenant(store: Store) -> TenantInfo:
    return make_tenant(store, "globex")


@pytest.fixture(scope="session")
def ladder() -> Ladder:
    return Ladder.default()


@pytest.fixture(scope="session")
def feed_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A home whose intel index holds the example feeds (gambling, phishing, scam...)."""
    return import_example_feeds(tmp_path_factory.mktemp("feed-home"), source="sample")


@pytest.fixture(scope="session")
def scanner(feed_home: Path) -> Scanner:
    return Scanner.load(feed_home)


def scanned(
    item_id: str,
    *,
    account: str = "u-1",
    category: str = "gambling",
    severity: str = "high",
    outcome: str = "disable_link",
    rule: str = "link.listed",
    mode: str = "enforce",
    domain: str = "bet-example.com",
    surface: str = "post",
    platform: str = "demo",
    text: str | None = None,
) -> tuple[Item, ScanResult]:
    """An item and the result the scan core gives for one listed link in it."""
    body = text if text is not None else f"visit {domain} now"
    item = Item(id=item_id, text=body, platform=platform, surface=surface, account_id=account)
    start = body.find(domain) if domain in body else 0
    entity = Entity(
        kind="domain",
        raw=domain,
        span=(start, start + len(domain)),
        value=domain,
        host=domain,
        registrable_domain=domain,
        categories=[category],
        sources=["feed:test"],
    )
    violation = Violation(rule, category, severity, 1.0, outcome, [0], mode)
    verdict = "review" if outcome == "review" else "act"
    result = ScanResult(item_id, verdict, [entity], [violation], policy_version="test-1")
    return item, result


def clean(
    item_id: str, *, account: str = "u-1", text: str = "see you at five"
) -> tuple[Item, ScanResult]:
    item = Item(id=item_id, text=text, platform="demo", surface="post", account_id=account)
    return item, ScanResult(item_id, "allow", policy_version="test-1")
