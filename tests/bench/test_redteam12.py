"""The twelfth red-team suite is the one measured held out: the same cases by its seed (the
SHA-256 pinned here, the one its first run recorded in bench/results/redteam12_first.json), its
families in every group, each key (the message read plainly) holding the planted host or id, and
each glyph table of its tricks reading back one way (a careful reader recovers every value)."""

from __future__ import annotations

import random
import unicodedata
from pathlib import Path

from bench import redteam12_tricks as t
from bench.redteam12 import GROUPS, SEED, build, families
from tests.bench.heldout import assert_groups, assert_keys_hold_values, assert_measured_suite

SUITE_SHA256 = "9c8f09118b8bf53955f4db0c4b56b8a561d03f25bf4bcb6f687d38942cb0671a"
CASES = 3560


def test_the_suite_is_the_one_measured_held_out(shared_data: Path) -> None:
    assert SEED == 1220261207
    assert_measured_suite("redteam12", build(shared_data), SEED, CASES, SUITE_SHA256)


def test_every_group_has_its_families() -> None:
    assert_groups(families(), GROUPS)


def test_each_key_holds_its_planted_value(shared_data: Path) -> None:
    assert_keys_hold_values(build, shared_data)


def _ethiopic_value(s: str) -> int:
    """Ethiopic numerals read as a reader does: ones before ``፻`` multiply it, the rest add."""
    head, hundred, tail = s.rpartition("፻")
    if not hundred:
        return sum(int(unicodedata.numeric(c)) for c in s)
    return max(1, sum(int(unicodedata.numeric(c)) for c in head)) * 100 + _ethiopic_value(tail)


def test_glyph_tables_read_back_one_way() -> None:
    ascii_kept = {"katakana_style": {"W"}, "greekish": {"g", "q", "z"}}
    for name, table in t.STYLES.items():
        assert len(set(table.values())) == 26, name
        assert {v for v in table.values() if v.isascii()} == ascii_kept.get(name, set()), name
    for script, glyphs in t.SALAD.items():
        for letter, glyph in glyphs.items():
            assert not glyph.isascii() and letter.isascii(), (script, letter)
    for d in range(10):
        for script in t.SCRIPT_ZERO:
            assert unicodedata.digit(t.script_digits(str(d), script)) == d
        for system in t.MIXED_SYSTEMS:
            assert unicodedata.numeric(t.mixed_digit(str(d), system)) == d
        assert unicodedata.numeric(t.DINGBAT[d]) == d == unicodedata.numeric(t.DINGBAT_NEG[d])
    for d in range(1, 10):
        assert unicodedata.numeric(t.ethiopic_digit(str(d))) == d
        assert unicodedata.normalize("NFKC", t.PAREN[d]) == f"({d})"
    for n in (1, 9, 10, 12, 99, 100, 185, 203, 255):
        assert _ethiopic_value(t.ethiopic_number(n)) == n
    for lang in t.DIGIT_WORDS:
        words = t.said_digits("ab0123456789", lang).split()
        assert words[0] == "ab" and [t.DIGIT_WORDS[lang].index(w) for w in words[1:]] == list(
            range(10)
        )
    for flag_tld, flag in t.FLAGS.items():
        letters = "".join(chr(ord(c) - 0x1F1E6 + 97) for c in flag)
        assert letters == ("gb" if flag_tld == "uk" else flag_tld)


def test_noise_drops_back_to_the_value() -> None:
    rng = random.Random(1)
    for value in ("bet888", "luckyspin", "k8asia90"):
        upper = t.lowercase_noise(value, rng)
        assert (
            "".join(c for c in upper if not c.islower()).lower() == value and upper != value.upper()
        )
        sup = t.superscript_noise(value, rng)
        assert "".join(c for c in sup if c.isascii()) == value and sup != value
        marked = t.dot_below_decoys(value, rng)
        kept = [
            c
            for i, c in enumerate(marked)
            if c != t.DOT_BELOW and marked[i + 1 : i + 2] != t.DOT_BELOW
        ]
        assert "".join(kept) == value and t.DOT_BELOW in marked
        emoji = t.emoji_noise(value, rng)
        assert "".join(c for c in emoji if c.isascii()) == value and emoji != value
