"""Fixtures shared by every test package: an isolated BASTION_HOME and the real data sets."""

from __future__ import annotations

from pathlib import Path

import pytest

SHARED_DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
REPO = Path(__file__).resolve().parents[1]


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty state directory, also exported as BASTION_HOME for CLI code paths."""
    root = tmp_path / "bastion-home"
    root.mkdir()
    monkeypatch.setenv("BASTION_HOME", str(root))
    return root


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """The real data sets of ../shared/data (development split); required, never faked."""
    if not SHARED_DATA.is_dir():
        pytest.fail(f"real data sets not found at {SHARED_DATA}")
    return SHARED_DATA
