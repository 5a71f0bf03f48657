"""The fourth red-team suite is deterministic, well formed and plants only really listed hosts.

No recall threshold here: the suite is held out, its figures live in bench/results/redteam4.json.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from bench.common import REPO_ROOT, read_ips
from bench.redteam4 import KINDS, PER_FAMILY, SURFACES, Case, build_suite, listed_hosts
from bench.redteam4_eval import score


def _data() -> Path:
    for cand in (
        os.environ.get("BASTION_DATA"),
        REPO_ROOT.parent / "shared" / "data",
        REPO_ROOT.parent.parent / "shared" / "data",
    ):
        if cand and (Path(cand) / "SOURCES.md").is_file():
            return Path(cand)
    pytest.skip("shared/data is not on this machine")


@pytest.fixture(scope="module")
def data() -> Path:
    return _data()


@pytest.fixture(scope="module")
def suite(data: Path) -> list[Case]:
    return build_suite(data)


def test_the_same_data_gives_the_same_suite(data: Path, suite: list[Case]) -> None:
    assert build_suite(data) == suite


def test_every_case_is_well_formed(suite: list[Case]) -> None:
    ids = [c.id for c in suite]
    assert len(ids) == len(set(ids))
    families: dict[str, list[Case]] = {}
    for c in suite:
        families.setdefault(c.family, []).append(c)
        assert c.kind in KINDS and c.surface in SURFACES and c.lang in ("zh", "en")
        assert c.text.strip() and len(c.text) < 2000
        if c.kind == "benign":
            assert not c.expect
            continue
        assert c.expect and len(c.tricks) >= 2, c
        if c.kind == "handle":
            assert c.handle_kind in ("wechat", "qq", "telegram", "whatsapp", "line", "phone")
        if c.handle_kind in ("qq", "phone", "whatsapp"):
            assert c.expect.isdigit(), c
    assert all(len(cs) == PER_FAMILY for cs in families.values())
    kinds = {cs[0].kind for cs in families.values()}
    assert kinds == set(KINDS)
    assert sum(cs[0].kind in ("link", "handle") for cs in families.values()) >= 30


def test_planted_hosts_are_in_the_listed_data(data: Path, suite: list[Case]) -> None:
    listed = listed_hosts(data)
    ips = set(read_ips(data / "blocklistproject-lists" / "malware_ip.txt"))
    for c in suite:
        if c.kind in ("link", "review") and not c.handle_kind:
            assert c.expect in listed or c.expect in ips, c.id


def test_the_scorer_counts_hits_misses_and_allowed_links() -> None:
    link = Case(
        id="l-0",
        family="l_x",
        kind="link",
        surface="post",
        lang="en",
        text="bet888 dot com",
        expect="bet888.com",
        tricks=("a", "b"),
    )
    handle = Case(
        id="h-0",
        family="h_x",
        kind="handle",
        surface="post",
        lang="zh",
        text="扣扣 1234567",
        expect="1234567",
        handle_kind="qq",
        tricks=("a", "b"),
    )
    clean = Case(id="b-0", family="b_x", kind="benign", surface="post", lang="en", text="hi")
    results: list[dict[str, Any]] = [
        {"verdict": "allow", "entities": [{"kind": "domain", "host": "888.com"}]},
        {"verdict": "allow", "entities": [{"kind": "qq", "value": "1234567"}]},
        {"verdict": "review", "entities": []},
    ]
    stats = score([link, handle, clean], results, {})
    assert (stats["l_x"].found, stats["l_x"].allowed_listed, stats["l_x"].wrong_host) == (0, 1, 1)
    assert stats["h_x"].found == 1 and stats["h_x"].kind_exact == 1
    assert stats["b_x"].found == 0 and stats["b_x"].verdicts["review"] == 1
