"""Size limits never hide a link: filler is collapsed, the rest is searched, truncation reviews."""

from __future__ import annotations

import itertools

import pytest

from bastion import Scanner, limits
from bastion.limits import Compacted
from bastion.model import TRUNCATED_RULE
from tests.service import conftest as _service

feed_home = _service.feed_home
scanner = _service.scanner

FILLERS = {
    "zero_width": "\u200b",
    "space": " ",
    "ideographic_space": "\u3000",
    "variation_selector": "\ufe0f",
    "mixed": "\u200b \u3000\ufe0f\u2060",
    "newline": "\n",
    "repeated_char": "哈",
    "repeated_dot": ".",
}
"""One unit of filler; the tests repeat it to 20,000 characters and more."""


def _padded(unit: str, host: str = "188bet.com", size: int = 20_000) -> str:
    return "注册 " + unit * (size // len(unit) + 1) + f" {host} 送彩金"


@pytest.mark.parametrize("unit", FILLERS.values(), ids=list(FILLERS))
def test_a_listed_host_behind_filler_is_acted_on_with_an_exact_span(
    scanner: Scanner, unit: str
) -> None:
    text = _padded(unit)
    assert len(text) > scanner.max_text_chars
    result = scanner.scan({"id": "pad", "text": text})
    assert result.verdict == "act", result.to_dict()["violations"]
    assert not result.truncated
    listed = [e for e in result.entities if e.categories]
    assert [e.registrable_domain for e in listed] == ["188bet.com"]
    start, end = listed[0].span
    assert text[start:end] == listed[0].raw == "188bet.com"


def test_filler_inside_a_host_is_undone_as_before(scanner: Scanner) -> None:
    text = "x" * 30_000 + " 188" + "\u200b" * 9 + "bet.com"
    result = scanner.scan({"id": "inside", "text": text})
    assert result.verdict == "act"
    entity = next(e for e in result.entities if e.categories)
    assert "invisible" in entity.flags
    assert text[entity.span[0] : entity.span[1]] == entity.raw == "188" + "\u200b" * 9 + "bet.com"


def test_real_text_over_the_limit_is_searched_to_the_end_and_reviewed(scanner: Scanner) -> None:
    prose = "今天天气很好，我们去公园散步吧。" * 2_000
    text = prose + " 官网 １８８ｂｅｔ。ｃｏｍ"
    result = scanner.scan({"id": "long", "text": text})
    assert result.truncated
    assert result.verdict == "act"
    rules = [v.rule for v in result.violations]
    assert rules == ["link.listed", TRUNCATED_RULE]
    entity = result.entities[-1]
    assert entity.registrable_domain == "188bet.com"
    assert text[entity.span[0] : entity.span[1]] == entity.raw == "１８８ｂｅｔ。ｃｏｍ"
    assert result.to_dict()["truncated"] is True


def test_a_truncated_item_with_nothing_found_is_review_not_allow(scanner: Scanner) -> None:
    result = scanner.scan({"id": "t", "text": "今天天气很好，我们去公园散步吧。" * 2_000})
    assert result.truncated and result.verdict == "review"
    violation = result.violations[0]
    assert (violation.rule, violation.outcome, violation.category) == (
        TRUNCATED_RULE,
        "review",
        "evasion",
    )
    assert violation.reason


@pytest.mark.parametrize("offset", range(990, 1010))
def test_a_host_across_a_window_edge_is_found_once(feed_home: object, offset: int) -> None:
    small = Scanner.load(feed_home, max_text_chars=1_000)  # type: ignore[arg-type]
    words = "the quick brown fox jumps over the lazy dog "
    text = (words * 100)[:offset] + " 188bet.com " + words * 100
    result = small.scan({"id": "edge", "text": text})
    hosts = [e.registrable_domain for e in result.entities]
    assert hosts == ["188bet.com"], hosts
    assert result.verdict == "act" and result.truncated


def test_text_beyond_the_searched_bound_is_still_reviewed(
    feed_home: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(limits, "MAX_SEARCHED_CHARS", 5_000)
    small = Scanner.load(feed_home, max_text_chars=1_000)  # type: ignore[arg-type]
    text = "今天天气很好，我们去公园散步吧。" * 600 + " 188bet.com"
    result = small.scan({"id": "far", "text": text})
    assert result.entities == [] and result.verdict == "review"


def test_compaction_is_linear_and_its_map_is_exact() -> None:
    text = "a" + "\u200b" * 20_000 + "b" + " " * 3 + "c" + "z" * 9_000 + "d"
    compact = Compacted(text)
    assert compact.text.startswith("a\u200b") and "b   c" in compact.text
    assert len(compact.text) < 300
    for index, char in enumerate(compact.text):
        start, end = compact.to_original(index, index + 1)
        assert text[start] == char and end > start
    b = compact.text.index("b")
    assert compact.to_original(b, b + 5) == (text.index("b"), text.index("c") + 1)
    assert Compacted("").text == "" and Compacted("plain").text == "plain"


def test_windows_cover_the_text_with_overlap_and_are_bounded() -> None:
    compact = Compacted("ab " * 20_000)
    windows = compact.windows(1_000)
    assert windows[0] == (0, 1_000) and windows[-1][1] == len(compact.text)
    for (_, end), (start, _) in itertools.pairwise(windows):
        assert start < end
    assert Compacted("x" * 10).windows(100) == [(0, 10)]
    assert len(Compacted("ab " * 400_000).windows(1)) <= limits.MAX_SEARCHED_CHARS
