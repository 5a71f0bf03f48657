"""Report tests run on SQLite and PostgreSQL with the store fixtures of ``tests/store``."""

from __future__ import annotations

import pytest

from bastion.store import Store
from tests.report.dataset import Ids, build
from tests.store.conftest import (
    backend_url,
    open_store,
    pg_database_url,
    pg_schema_url,
    store,
)

__all__ = ["backend_url", "open_store", "pg_database_url", "pg_schema_url", "store"]


@pytest.fixture
def seeded(store: Store) -> tuple[Store, Ids]:
    """The migrated store of the test's backend with the fixture rows of ``dataset.py``."""
    return store, store.run(build)
