"""The eleventh red-team suite is the one measured held out: the same cases by its seed (the
SHA-256 pinned here, the one its first run recorded in bench/results/redteam11_first.json), its
families in every group, each key (the message read plainly) holding the planted host or id, and
each glyph table of its tricks reading back one way (a careful reader recovers every value)."""

from __future__ import annotations

import random
import unicodedata
from pathlib import Path

from bench import redteam11_tricks as t
from bench.redteam11 import GROUPS, SEED, build, families
from tests.bench.heldout import assert_groups, assert_keys_hold_values, assert_measured_suite

SUITE_SHA256 = "02392adf3dc5d6724b4fae94167eb7d71247e8bad2f48011de89ed6bc25a00ab"
CASES = 3120


def test_the_suite_is_the_one_measured_held_out(shared_data: Path) -> None:
    assert SEED == 1120261207
    assert_measured_suite("redteam11", build(shared_data), SEED, CASES, SUITE_SHA256)


def test_every_group_has_its_families() -> None:
    assert_groups(families(), GROUPS)


def test_each_key_holds_its_planted_value(shared_data: Path) -> None:
    assert_keys_hold_values(build, shared_data)


def test_glyph_tables_read_back_one_way() -> None:
    for table in (t.THAI_FANCY, t.SQUIGGLE, t.ZH_LETTER_NAMES):
        assert len(set(table.values())) == len(table)
        assert not set(table.values()) & set("abcdefghijklmnopqrstuvwxyz0123456789.")
    rng = random.Random(0)
    ranks = ("ACE", "TWO", "THREE", "FOUR", "FIVE", "SIX", "SEVEN", "EIGHT", "NINE")
    for d in "123456789":
        assert unicodedata.name(t.cards(d, rng)).startswith(f"PLAYING CARD {ranks[int(d) - 1]} OF")
        assert unicodedata.normalize("NFKC", t.fullstop_digit(d)) == d + "."
        assert unicodedata.digit(t.double_circled(d)) == int(d)
    assert unicodedata.normalize("NFKC", t.fullstop_digit("0")) == "0."
    for script in t.SCRIPT_DIGITS:
        assert [unicodedata.digit(c) for c in t.script_digits("0123456789", script)] == list(
            range(10)
        )
    assert t.name_with_stop_digit("bet888", "com", "financial") == "bet捌捌⒏com"
