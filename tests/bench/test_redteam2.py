"""Red team 2's generator is deterministic, draws from real listed hosts, and fills every family."""

from __future__ import annotations

import os
import unicodedata
from collections import Counter
from pathlib import Path

import pytest

from bench import common
from bench.redteam2 import (
    EDGE_HANDLE_FAMILIES,
    EDGE_LINK_FAMILIES,
    HANDLE_FAMILIES,
    HANDLE_KINDS,
    LINK_FAMILIES,
    LINK_SOURCES,
    REVIEW_FAMILIES,
    SURFACES,
    Case,
    all_families,
    benign_cases,
    generate,
)
from bench.redteam2_eval import handle_match, leet_of

DATA = Path(
    os.environ.get("BASTION_DATA") or Path(__file__).resolve().parents[3] / "shared" / "data"
)
pytestmark = pytest.mark.skipif(not DATA.is_dir(), reason="needs shared/data")


@pytest.fixture(scope="module")
def cases() -> list[Case]:
    return generate(DATA)


def test_same_seed_same_cases_other_seed_other_cases(cases: list[Case]) -> None:
    assert generate(DATA) == cases
    assert benign_cases(DATA) == benign_cases(DATA)
    assert generate(DATA, per_family=5, seed=1) != generate(DATA, per_family=5, seed=2)


def test_every_family_has_at_least_30_cases_and_50_families_exist(cases: list[Case]) -> None:
    counts = Counter(c.family for c in cases)
    assert set(counts) == set(all_families())
    assert len(counts) >= 50
    assert min(counts.values()) >= 30


def test_every_expected_host_is_a_listed_host_of_the_data_files(cases: list[Case]) -> None:
    listed: set[str] = set()
    for rel, _category in LINK_SOURCES:
        listed.update(common.read_hosts(DATA / rel))
    for case in cases:
        if case.kind == "link":
            assert case.expected in listed, case
            assert case.expected not in case.text.lower(), case  # it is disguised, never plain
        else:
            kind, _, ident = case.expected.partition(":")
            assert kind == case.kind and kind in HANDLE_KINDS and ident
        assert case.surface in SURFACES and case.text.strip()


def test_in_bar_flag_follows_the_family_groups() -> None:
    for case in generate(DATA, per_family=2):
        if case.family in REVIEW_FAMILIES:
            assert not case.in_bar
        else:
            assert case.in_bar
            assert case.family in {
                *LINK_FAMILIES,
                *HANDLE_FAMILIES,
                *EDGE_LINK_FAMILIES,
                *EDGE_HANDLE_FAMILIES,
            }


def test_benign_controls_are_real_rows_and_never_name_an_attack_host(cases: list[Case]) -> None:
    hosts = {c.expected for c in cases if c.kind == "link"}
    benign = benign_cases(DATA)
    assert {"sms_ham", "youtube_ham", "weibo_comment", "lookalike_benign"} <= {
        b.family for b in benign
    }
    for b in benign:
        folded = unicodedata.normalize("NFKC", b.text).lower()
        assert not any(h in folded for h in hosts if len(h) > 8), b


def test_scorer_matches_digits_and_leet_as_documented() -> None:
    assert handle_match("phone", "13812345678", "+8613812345678")
    assert not handle_match("qq", "389136839", "389136")
    assert handle_match("telegram", "vip_king1", "@VIP_king1")
    assert leet_of("t1p1c0.com", "tipico.com") and not leet_of("tipico.com", "tipico.com")
