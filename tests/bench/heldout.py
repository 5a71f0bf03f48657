"""Checks every held-out red-team suite from 11 on shares: it is the suite its first run measured
(seed, size and SHA-256 pinned and equal to what ``bench/results/redteamN_first.json`` recorded),
each group has its families, and every key (the message as a careful reader reads it) holds the
planted host or id, while benign cases plant none."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from bench.common import REPO_ROOT
from bench.redteam7 import suite_sha256


def assert_measured_suite(name: str, cases: list[Any], seed: int, count: int, sha256: str) -> None:
    assert len(cases) == count
    assert suite_sha256(cases) == sha256
    recorded = json.loads((REPO_ROOT / f"bench/results/{name}_first.json").read_text())
    assert (recorded["seed"], recorded["cases"]) == (seed, count)
    assert recorded["suite_sha256"] == sha256


def assert_groups(families: Mapping[str, tuple[str, Any]], groups: tuple[str, ...]) -> None:
    counts = Counter(group for group, _ in families.values())
    assert set(counts) == set(groups)
    assert counts["link"] >= 40 and counts["handle"] >= 15
    assert counts["review"] >= 6 and counts["benign"] >= 12


def assert_keys_hold_values(build: Callable[..., list[Any]], data: Path) -> None:
    for case in build(data, per_family=3):
        if case.group in ("link", "handle", "review"):
            key = case.key.lower().replace(" ", "")
            assert case.expected, case.id
            assert any(value.lower().lstrip("@+") in key for value in case.expected), (
                case.id,
                case.expected,
                case.key,
            )
            assert case.text != case.key, case.id
        else:
            assert not case.expected and case.kind == "none", case.id
