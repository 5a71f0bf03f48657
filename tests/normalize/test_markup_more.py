"""Markup a reader sees rendered (red team 5): ruby glosses over the letters, spoilers,
strike-through glued to its replacement, and quoted-printable mail bodies.

Each positive names the host or link read; negatives must read no host, or keep what they
plainly hold; a reading that could go two ways is flagged ``ambiguous_host``.
"""

from __future__ import annotations

import pytest

from bastion.extract import extract_entities
from bastion.normalize import unmask


def _found(text: str) -> list[tuple[str, list[str]]]:
    return [(e.value, e.flags) for e in extract_entities(unmask(text, weak=True), prose_like=True)]


def _values(text: str) -> list[str]:
    return [value for value, _ in _found(text)]


def _ruby(word: str, gloss: str) -> str:
    return "".join(f"<ruby>{c}<rp>（</rp><rt>{gloss}</rt><rp>）</rp></ruby>" for c in word)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("看这里 " + _ruby("inbet88", "音") + "&period;<ruby>com<rt>康</rt></ruby>", "inbet88.com"),
        ("Visit " + _ruby("queen", "q") + "vegas.<ruby>com<rp>(</rp><rt>dot</rt></ruby>", None),
        (
            "<ruby>jago<rt>ジャゴ</rt>betting<rt>ベッティング</rt></ruby>。org 快来",
            "jagobetting.org",
        ),
    ],
)
def test_a_ruby_gloss_is_no_part_of_the_word(text: str, value: str | None) -> None:
    assert _values(text) == [value or "queenvegas.com"]


def test_a_ruby_gloss_that_is_a_link_is_kept_apart() -> None:
    assert _values("<ruby>官网<rt>inbet88.com</rt></ruby>注册") == ["inbet88.com"]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("spoiler: ||ｑｕｅｅｎｖｅｇａｓ||。com", "queenvegas.com"),
        ("答案 >!jagobetting!<．org 别说出去", "jagobetting.org"),
        ("||inbet88.com||", "inbet88.com"),
    ],
)
def test_a_spoiler_reads_as_its_text(text: str, value: str) -> None:
    assert _values(text) == [value]


@pytest.mark.parametrize("text", ["a || b || c", "if (x || y) return", ">!no link here!<"])
def test_spoiler_marks_in_prose_name_no_host(text: str) -> None:
    assert _values(text) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("新地址 queenvegas．~~net~~com 收藏", "queenvegas.com"),
        ("moved to jagobetting.~~info~~org today", "jagobetting.org"),
    ],
)
def test_struck_text_gives_way_to_its_replacement(text: str, value: str) -> None:
    found = _found(text)
    assert [v for v, _ in found] == [value]
    assert "ambiguous_host" not in found[0][1]


def test_struck_digits_inside_a_name_leave_the_reading_unsure() -> None:
    found = _found("go inbet~~77~~88.com")
    assert [v for v, _ in found] == ["inbet88.com"]
    assert "ambiguous_host" in found[0][1]


def test_strike_through_in_prose_is_only_dropped() -> None:
    assert _values("I ~~love~~hate mondays") == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        (
            "Dear user,\nhttps://ww=\nw=2Equeenvegas=2E=\ncom/verify?t=3D1",
            "https://www.queenvegas.com/verify?t=1",
        ),
        ("=E4=BD=A0=E5=A5=BD =E8=AF=B7=E7=82=B9 =\njagobetting=2Eorg=\n/x", "jagobetting.org/x"),
    ],
)
def test_a_quoted_printable_body_is_decoded(text: str, value: str) -> None:
    assert _values(text) == [value]


@pytest.mark.parametrize("text", ["x=\ny=\nz", "total =\n 5 + 3 =\n 8", "a=3D\nb"])
def test_lines_ending_in_equals_are_left_alone(text: str) -> None:
    assert unmask(text).text == text
