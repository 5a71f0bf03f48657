"""The red-team generator is deterministic and its cases well formed (no recall figures here)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from bench.redteam import (
    HANDLE_FAMILIES,
    HANDLE_KINDS,
    LINK_FAMILIES,
    REAL_SPAM_FAMILY,
    SURFACES,
    benign_cases,
    generate,
)

DATA = Path(
    os.environ.get("BASTION_DATA") or Path(__file__).resolve().parents[3] / "shared" / "data"
)
pytestmark = pytest.mark.skipif(not DATA.is_dir(), reason="needs shared/data")


def test_same_seed_same_cases() -> None:
    assert generate(DATA, per_family=5) == generate(DATA, per_family=5)
    assert benign_cases(DATA) == benign_cases(DATA)


def test_other_seed_other_cases() -> None:
    assert generate(DATA, per_family=5, seed=1) != generate(DATA, per_family=5, seed=2)


def test_cases_are_well_formed() -> None:
    cases = generate(DATA, per_family=8)
    families = {c.family for c in cases}
    assert families == set(LINK_FAMILIES) | set(HANDLE_FAMILIES) | {REAL_SPAM_FAMILY}
    assert len(families) >= 25
    for case in cases:
        assert case.text.strip() and case.expected
        assert case.surface in SURFACES
        assert case.lang in ("en", "zh")
        if case.kind == "link":
            name, dot, suffix = case.expected.partition(".")
            assert dot and name and suffix and case.expected == case.expected.lower()
            assert case.category in ("gambling", "porn", "scam", "phishing")
        else:
            assert case.kind in HANDLE_KINDS and case.in_bar
            if case.kind in ("phone", "whatsapp", "qq"):
                assert case.expected.isdigit()


def test_benign_controls_name_no_family_host() -> None:
    linked = {c.expected for c in generate(DATA, per_family=8) if c.kind == "link"}
    benign = benign_cases(DATA)
    families = {b.family for b in benign}
    assert {"prose", "popular_host"} <= families
    assert {f"popular_host_as_{name}" for name in LINK_FAMILIES} <= families
    assert not linked & {b.host for b in benign if b.host}
