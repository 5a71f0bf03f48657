"""Fixtures for the scenario suite: both store backends (from tests/store) and one intel home
built from the real lists, shared by every test of the session (building it takes seconds)."""

from __future__ import annotations

from pathlib import Path

import pytest

from scenario.run import intel_home
from tests.store import conftest as _store_fixtures

backend_url = _store_fixtures.backend_url
pg_database_url = _store_fixtures.pg_database_url
pg_schema_url = _store_fixtures.pg_schema_url


@pytest.fixture(scope="session")
def scenario_home(tmp_path_factory: pytest.TempPathFactory, shared_data: Path) -> Path:
    home = tmp_path_factory.mktemp("scenario-home")
    intel_home(home, shared_data)
    return home
