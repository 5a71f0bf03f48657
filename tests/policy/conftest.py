"""Fixtures shared by the policy tests."""

from __future__ import annotations

import pytest

from bastion import Scanner
from tests.extract.conftest import default_scanner


@pytest.fixture(scope="module")
def wording_scanner() -> Scanner:
    """The default policy over an empty index: what the wording of a message alone decides."""
    return default_scanner()
