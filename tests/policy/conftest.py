"""Fixtures shared by the policy tests."""

from __future__ import annotations

import pytest

from bastion import Scanner
from tests.extract.conftest import default_scanner


@pytest.fixture(scope="module")
def wording_scanner() -> Scanner:
    """The default policy over an empty index: what the wording of a message alone decides."""
    return default_scanner()


def assert_reviewed_by(scanner: Scanner, text: str, rule: str, surface: str) -> None:
    """``text`` on ``surface`` goes to review, and ``rule`` is among the reasons."""
    result = scanner.scan({"id": "1", "text": text, "surface": surface})
    assert result.verdict == "review", (text, surface, result.to_dict())
    assert rule in [v.rule for v in result.violations]


def assert_allowed(scanner: Scanner, text: str) -> None:
    result = scanner.scan({"id": "1", "text": text, "surface": "post"})
    assert result.verdict == "allow", (text, result.to_dict())
