"""Regexp folding and literal prefilters: exact against RE2 on the real v2fly rules."""

from __future__ import annotations

import csv
import random
from pathlib import Path

import pytest
import re2
from hypothesis import given, settings
from hypothesis import strategies as st

from bastion.intel.rxfold import FOLD_LIMIT, fold_suffixes, required_literals
from tests.support.work import count_steps, steps_of


def _v2fly_regexps(shared_data: Path) -> list[str]:
    patterns = []
    for path in sorted((shared_data / "v2fly-domain-list-community").glob("category-*.tsv")):
        with open(path, encoding="utf-8") as handle:
            rows = csv.DictReader(handle, delimiter="\t")
            patterns += [r["value"] for r in rows if r["rule_type"] == "regexp"]
    return sorted(set(patterns))


def _label_suffixes(host: str) -> list[str]:
    labels = host.split(".")
    return [".".join(labels[i:]) for i in range(len(labels))]


def test_examples() -> None:
    assert fold_suffixes(r"(^|\.)18tv[1-5]\.com$") == [f"18tv{i}.com" for i in range(1, 6)]
    assert fold_suffixes(r"(?:\.|^)a(b|cd)?\.io$") == ["a.io", "ab.io", "acd.io"]
    assert fold_suffixes(r"(^|\.)x[0-9]{2}\.tv$") == [f"x{i:02d}.tv" for i in range(100)]
    assert fold_suffixes(r"(^|\.)[a-z]\d\.me$", limit=100) is None  # 260 strings
    for unfoldable in (
        r"(^|\.)fi11sm([0-9]+)?\.com$",
        r"(^|\.)api\..+$",
        r"^exact\.com$",
        r"bet\.com$",
        r"(^|\.)bet\.com",
        r"(?i)(^|\.)bet\.com$",
        r"(^|\.)[^a]\.com$",
        r"(^|\.)\w\.com$",
        r"(^|\.)a{2,}\.com$",
    ):
        assert fold_suffixes(unfoldable) is None, unfoldable
    assert required_literals(r"(^|\.)fiftymvapi\..+$") == ["fiftymvapi."]
    assert required_literals(r"(^|\.)fi11sm([0-9]+)?\.com$") == ["fi11sm"]
    assert required_literals(r"^(foo|ba)r+x$") == ["x"]
    assert required_literals(r"^(foo|ba)[0-9]+$") is None  # no single literal in every match
    assert required_literals(r"casino|poker[0-9]") == ["casino", "poker"]
    assert required_literals(r"(?i)casino") is None


def test_folding_is_exact_on_real_rules(shared_data: Path) -> None:
    """A folded rule matches a host iff one of its label suffixes is in the folded set."""
    patterns = _v2fly_regexps(shared_data)
    assert len(patterns) >= 80
    rng = random.Random(5)
    with open(shared_data / "tranco-top-100k" / "tranco_top_100k.tsv", encoding="utf-8") as fh:
        tranco = [row["domain"] for row in csv.DictReader(fh, delimiter="\t")][:3000]
    folded = 0
    for pattern in patterns:
        suffixes = fold_suffixes(pattern)
        if suffixes is None:
            continue
        folded += 1
        regex = re2.compile(pattern)
        strings = set(suffixes)
        sample = rng.sample(suffixes, min(40, len(suffixes)))
        hosts = [*tranco[:300], *sample]
        hosts += [f"www.{s}" for s in sample] + [f"x{s}" for s in sample]
        hosts += [f"{s}.evil" for s in sample] + [s[1:] for s in sample]
        for host in hosts:
            expected = regex.search(host) is not None
            assert any(s in strings for s in _label_suffixes(host)) == expected, (pattern, host)
    assert folded >= len(patterns) * 0.8


_LITERAL_CASES = [
    r"(^|\.)fi11sm([0-9]+)?\.com$",
    r"(^|\.)fiftymvapi\..+$",
    r"(^|\.)luchuxue([0-9]{0,5})\.buzz$",
    r"^nis.+\.10010\.com$",
    r"(^|\.)(casino|poker)[0-9]+\.com$",
    r"casino|poker[0-9]",
]


@settings(max_examples=40, deadline=None)
@given(st.data())
def test_required_literals_are_required(data: st.DataObject) -> None:
    """Every text RE2 matches contains one of the literals (texts drawn from the pattern)."""
    for pattern in _LITERAL_CASES:
        literals = required_literals(pattern)
        assert literals
        text = data.draw(st.from_regex(pattern.replace(".+", "[a-z.]{1,8}"), fullmatch=False))
        if re2.search(pattern, text) is not None:
            assert any(literal in text for literal in literals), (pattern, text)


@settings(max_examples=60, deadline=None)
@given(
    parts=st.lists(
        st.sampled_from(["(", ")", "|", "[a-z]", "?", "{3}", "{0,9}", "a", "\\.", "^", "$", "+"]),
        max_size=40,
    ),
    repeat=st.integers(1, 2000),
)
def test_hostile_patterns_bounded(parts: list[str], repeat: int) -> None:
    """Parsing is linear in the pattern and expansion stops at the fold limit: the work stays
    within a per-character cost plus a multiple of FOLD_LIMIT (worst seen: 123 steps a char)."""
    pattern = ("".join(parts) * repeat)[:5000]
    budget = 200 * (len(pattern) + 6) + 40 * FOLD_LIMIT
    steps_of(lambda: fold_suffixes("(^|\\.)" + pattern + "$"), budget)
    steps_of(lambda: required_literals(pattern), 200 * len(pattern) + 1000)


@pytest.mark.parametrize("pattern", [r"(^|\.)(a|b|c|d){9}\.com$", r"(^|\.)[a-z]{6}\.com$"])
def test_expansion_limit_stops_early(pattern: str) -> None:
    """4^9 and 26^6 strings would be millions of steps; the expansion gives up near the limit."""
    folded, steps = count_steps(lambda: fold_suffixes(pattern), budget=4 * FOLD_LIMIT)
    assert folded is None
    assert steps > 1000  # it did try


def test_large_set_then_many_literals_is_bounded() -> None:
    pattern = "(^|\\.)[a-z]{3}" + "a" * 1000 + "$"
    steps_of(lambda: fold_suffixes(pattern), 200 * len(pattern) + 40 * FOLD_LIMIT)


@pytest.mark.parametrize("tail", ["(a)" * 300, "(?:ab)" * 200, "\\." * 500])
def test_large_set_then_grouped_literals_is_bounded(tail: str) -> None:
    pattern = "(^|\\.)[a-z]{3}" + tail + "$"
    steps_of(lambda: fold_suffixes(pattern), 200 * len(pattern) + 40 * FOLD_LIMIT)
