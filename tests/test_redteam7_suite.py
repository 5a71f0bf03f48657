"""Red team 7's generator: the same seed gives the same suite, and every case can be read.

A held-out suite is only worth its figures if it is reproducible (the SHA-256 in the results
names it) and if each planted host or id is really there for a careful reader: the case's
``key`` (the message read plainly) holds it, and a host came from the list row it names.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from bench.common import read_hosts, read_ips
from bench.redteam7 import Case, build, suite_sha256

DATA = Path(
    os.environ.get("BASTION_DATA") or Path(__file__).resolve().parents[1].parent / "shared" / "data"
)
if not DATA.is_dir():
    DATA = Path("/work/shared/data")
pytestmark = pytest.mark.skipif(not DATA.is_dir(), reason="needs shared/data")


@pytest.fixture(scope="module")
def cases() -> list[Case]:
    return build(DATA, per_family=3)


def test_same_seed_same_suite(cases: list[Case]) -> None:
    again = build(DATA, per_family=3)
    assert suite_sha256(again) == suite_sha256(cases)
    assert suite_sha256(build(DATA, seed=1, per_family=3)) != suite_sha256(again)


def test_every_family_has_its_cases_and_ids_are_unique(cases: list[Case]) -> None:
    ids = [c.id for c in cases]
    assert len(ids) == len(set(ids))
    groups = {c.group for c in cases}
    assert groups == {"link", "handle", "review", "benign"}


def test_planted_value_is_in_the_reading_key(cases: list[Case]) -> None:
    for c in cases:
        if c.group == "benign":
            assert c.expected == () and c.key == c.text
            continue
        assert c.expected, c.id
        assert c.expected[0] in c.key, (c.id, c.key)


def test_disguised_links_do_not_hold_the_host_as_written(cases: list[Case]) -> None:
    for c in cases:
        if c.group == "link" and not c.family.startswith(("qr_", "share_")):
            assert c.expected[0] not in c.text, (c.id, c.text)


def test_hosts_come_from_the_row_they_name(cases: list[Case]) -> None:
    rows: dict[str, list[str]] = {}
    for c in cases:
        if not c.source:
            continue
        rel, _, row = c.source.rpartition(":")
        if rel not in rows:
            path = DATA / rel
            reader = read_ips if rel.endswith("_ip.txt") else read_hosts
            rows[rel] = list(reader(path))
        assert rows[rel][int(row)] == c.expected[0], c.id
