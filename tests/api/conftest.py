"""API fixtures: a FastAPI TestClient over a real store, two tenants with a key per role, and a
clock the test moves.

- ``client``: SQLite store in a temp home; ``pg_client``: a fresh PostgreSQL schema;
  ``api``: parametrized over both (use it for anything that touches the store).
- ``make_client(store, settings=...)``: build another client, e.g. with a rate limit.
Each client has ``.tenant`` and ``.other`` (TenantInfo with ``keys`` per role), ``.auth(role,
other=False)`` for headers, ``.store`` and ``.clock``.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

with warnings.catch_warnings():
    # Starlette 1.x prefers httpx2 for its TestClient, but httpx2 needs idna>=3.18 and the scan
    # core pins idna 3.13; the httpx transport it falls back to works the same for tests.
    warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")
    from fastapi.testclient import TestClient

from bastion import Scanner
from bastion.api import ApiSettings, create_app
from bastion.enforce import Ladder
from bastion.store import Store
from tests.service import conftest as _service_fixtures
from tests.service.conftest import T0, TenantInfo, make_tenant

backend_url = _service_fixtures.backend_url
open_store = _service_fixtures.open_store
pg_database_url = _service_fixtures.pg_database_url
pg_schema_url = _service_fixtures.pg_schema_url
store = _service_fixtures.store
feed_home = _service_fixtures.feed_home
scanner = _service_fixtures.scanner
ladder = _service_fixtures.ladder


class ManualClock:
    """The app's clock: fixed until a test moves it."""

    def __init__(self, now: datetime = T0) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> datetime:
        self.now += timedelta(**delta)
        return self.now


class BastionClient(TestClient):
    """A TestClient that knows its store, clock and tenants."""

    store: Store
    clock: ManualClock
    tenant: TenantInfo
    other: TenantInfo

    def auth(self, role: str = "platform", *, other: bool = False) -> dict[str, str]:
        info = self.other if other else self.tenant
        return {"Authorization": f"Bearer {info.keys[role]}"}


MakeClient = Callable[..., BastionClient]


@pytest.fixture
def make_client(scanner: Scanner, ladder: Ladder) -> Iterator[MakeClient]:
    made: list[BastionClient] = []

    def factory(store: Store, *, settings: ApiSettings | None = None, **kw: Any) -> BastionClient:
        clock = ManualClock()
        app = create_app(
            store=store, scanner=scanner, ladder=ladder, clock=clock, settings=settings
        )
        client = BastionClient(app, raise_server_exceptions=False, **kw)
        client.store, client.clock = store, clock
        client.tenant = make_tenant(store, f"acme{len(made)}")
        client.other = make_tenant(store, f"globex{len(made)}")
        made.append(client)
        return client

    yield factory
    for client in made:
        client.close()
        client.app.state.bastion.keys.close()  # type: ignore[attr-defined]  # no lifespan ran


@pytest.fixture
def api(store: Store, make_client: MakeClient) -> BastionClient:
    """A client on the test's backend (SQLite and PostgreSQL)."""
    return make_client(store)


@pytest.fixture
def client(tmp_path: Path, make_client: MakeClient) -> Iterator[BastionClient]:
    """A client over a SQLite store in a temp home."""
    sqlite_store = Store.open(home=tmp_path / "api-home")
    yield make_client(sqlite_store)
    sqlite_store.close()


@pytest.fixture
def pg_client(
    pg_schema_url: str, tmp_path: Path, make_client: MakeClient
) -> Iterator[BastionClient]:
    """A client over a fresh PostgreSQL schema."""
    pg_store = Store.open(home=tmp_path / "pg-home", url=pg_schema_url)
    yield make_client(pg_store)
    pg_store.close()
