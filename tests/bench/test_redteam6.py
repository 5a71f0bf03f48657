"""The sixth red-team suite is deterministic by seed, has its families and well-formed cases.

No recall threshold here: the suite is held out, its figures live in bench/results/redteam6.json.
"""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path

import pytest

from bench.common import REPO_ROOT
from bench.redteam5_eval import host_keys
from bench.redteam6 import GROUPS, PER_FAMILY, Case, build, families
from bench.redteam6_score import handle_matches
from bench.redteam6_text import en_place_value, zh_place_value

SURFACES = {
    "username", "display_name", "bio", "avatar", "post", "comment", "chat", "moment",
    "livestream", "listing", "map_place", "link_visit",
}  # fmt: skip
KINDS = {"host", "ip", "wechat", "qq", "telegram", "whatsapp", "line", "phone", "kakao", "none"}


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
    return build(data, per_family=8)


def test_the_same_seed_gives_the_same_suite_and_another_seed_another(
    data: Path, suite: list[Case]
) -> None:
    assert build(data, per_family=8) == suite
    assert build(data, seed=1, per_family=8) != suite


def test_every_group_has_its_families() -> None:
    groups = Counter(group for group, _ in families().values())
    assert groups["link"] >= 40 and groups["handle"] >= 20
    assert groups["review"] >= 5 and groups["benign"] >= 10
    assert set(groups) == set(GROUPS)
    assert 80 <= sum(groups.values()) <= 110
    assert PER_FAMILY == 40


def test_every_case_is_well_formed(suite: list[Case]) -> None:
    ids = [c.id for c in suite]
    assert len(ids) == len(set(ids))
    per_family = Counter(c.family for c in suite)
    assert set(per_family) == set(families()) and set(per_family.values()) == {8}
    for c in suite:
        assert c.group in GROUPS and c.kind in KINDS and c.surface in SURFACES, c
        assert c.text.strip() and len(c.text) < 2000, c
        if c.group == "benign":
            assert not c.expected and c.kind == "none", c
            continue
        assert c.expected and all(e.strip() for e in c.expected), c
        if c.kind in ("qq", "phone", "whatsapp"):
            assert c.expected[0].isdigit(), c
        if c.kind in ("host", "ip"):
            assert c.source, c  # a row of a real list
            assert not set(c.expected) & set(c.others), c


def test_planted_hosts_come_from_the_harmful_lists(data: Path, suite: list[Case]) -> None:
    from bench.common import read_hosts, read_ips
    from bench.redteam6 import LINK_LISTS

    listed: set[str] = set()
    for rel, _ in LINK_LISTS:
        listed.update(read_hosts(data / rel))
    ips = set(read_ips(data / "blocklistproject-lists/malware_ip.txt"))
    for c in suite:
        if c.kind == "host" and c.group != "benign":
            assert c.expected[0] in listed, c
        if c.kind == "ip":
            assert c.expected[0] in ips, c


def test_the_text_helpers_read_numbers_as_people_do() -> None:
    assert zh_place_value(888) == "八百八十八"
    assert zh_place_value(2024) == "二千零二十四"
    assert zh_place_value(10) == "十"
    assert zh_place_value(305) == "三百零五"
    assert en_place_value(888) == "eight hundred eighty-eight"
    assert en_place_value(1015) == "one thousand fifteen"


def test_the_scorer_matches_hosts_and_handles_as_a_reader_types_them() -> None:
    assert "bet888.com" in host_keys(["www.bet888.com"])
    assert handle_matches("telegram", "https://t.me/lucky_88", ["lucky_88"])
    assert handle_matches("whatsapp", "+85261234567", ["85261234567"])
    assert handle_matches("whatsapp", "61234567", ["85261234567"])
    assert not handle_matches("qq", "38913", ["389136839"])
    assert not handle_matches("wechat", "mei52", ["mei520"])
