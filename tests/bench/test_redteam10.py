"""The tenth red-team suite is the one measured held out: the same cases by its seed (the SHA-256
its first run recorded in bench/results/redteam10_first.json), its families in every group, each
key (the message read plainly) holding the planted host or id."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from bench.common import REPO_ROOT
from bench.redteam7 import suite_sha256
from bench.redteam10 import GROUPS, SEED, build, families


def test_the_suite_is_the_one_measured_held_out(shared_data: Path) -> None:
    recorded = json.loads((REPO_ROOT / "bench/results/redteam10_first.json").read_text())
    cases = build(shared_data)
    assert recorded["seed"] == SEED and recorded["cases"] == len(cases)
    assert suite_sha256(cases) == recorded["suite_sha256"]


def test_every_group_has_its_families() -> None:
    groups = Counter(group for group, _ in families().values())
    assert set(groups) == set(GROUPS)
    assert groups["link"] >= 40 and groups["handle"] >= 20
    assert groups["review"] >= 6 and groups["benign"] >= 15


def test_each_key_holds_its_planted_value(shared_data: Path) -> None:
    for case in build(shared_data, per_family=3):
        if case.group in ("link", "handle"):
            key = case.key.lower().replace(" ", "")
            assert case.expected, case.id
            assert any(value.lower().lstrip("@+") in key for value in case.expected), (
                case.id,
                case.expected,
                case.key,
            )
