"""Layouts a reader undoes by eye (red team 5): a column whose last character runs into the
message, columns read right to left after a hint, a link hard-wrapped at a fixed width.

Each positive names the one host (or link) the text holds; each negative must read no host
or only the hosts it plainly holds; where the reading is unsure the host is flagged
``ambiguous_host`` (a person looks), never reported as another site.
"""

from __future__ import annotations

import pytest

from bastion.extract import extract_entities
from bastion.normalize import unmask


def _found(text: str) -> list[tuple[str, list[str]]]:
    return [(e.value, e.flags) for e in extract_entities(unmask(text, weak=True), prose_like=True)]


def _values(text: str) -> list[str]:
    return [value for value, _ in _found(text)]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("快来玩👇\nｉ\nｎ\nｂ\nｅ\nｔ\n８\n８\n︒\nｃ\nｏ\nｍ 注册就送", "inbet88.com"),
        ("往下看\nj\na\ng\no\nb\ne\nt\nt\ni\nn\ng\n。\no\nr\ng 每天更新", "jagobetting.org"),
        ("scroll down\nq\nu\ne\ne\nn\nv\ne\ng\na\ns\n.\nc\no\nm  and win big", "queenvegas.com"),
        ("ｑ\nｕ\nｅ\nｅ\nｎ\nｖ\nｅ\nｇ\nａ\nｓ\n。\nｃ\nｏ\nｍ", "queenvegas.com"),
    ],
)
def test_a_column_keeps_its_last_character(text: str, value: str) -> None:
    """The last character of a column may share its line with the rest of the message: it is
    read into the host (``com``, never the other site ``co``)."""
    assert _values(text) == [value]


def test_a_column_unsure_at_its_end_names_no_other_site() -> None:
    found = _found("看👇\nb\ne\nt\n8\n8\n点\nc\no\nq 是什么")
    assert all("ambiguous_host" in flags for _, flags in found)
    assert "bet88.co" not in [value for value, _ in found]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # columns right to left (the Chinese default); the message goes on after the last row
        ("官网 竖排，从右往左：\nｃｔｉ\nｏ８ｎ\nｍ８ｂ\n　。ｅ 注册送", "inbet88.com"),
        ("read top to bottom, right to left:\n.vq\nceu\noge\nmae\n sn\nthanks", "queenvegas.com"),
        # left to right when the hint says so
        ("竖着看，从左往右：\njeg\nat.\ngto\noir\nbng", "jagobetting.org"),
    ],
)
def test_columns_read_after_a_hint(text: str, value: str) -> None:
    assert _values(text) == [value]


def test_rows_without_a_hint_are_not_read_down() -> None:
    assert "inbet88.com" not in _values("ｃｔｉ\nｏ８ｎ\nｍ８ｂ\n　。ｅ")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("点这里 \nhttps://\nwww.inbe\nt88.com/\nvip?id=7\n", "https://www.inbet88.com/vip?id=7"),
        ("new site\nhttps:/\n/jagobe\ntting.o\nrg/play\n\nsee you", "https://jagobetting.org/play"),
        ("客服说 \nwww.adep\ntprogram\ns.com\n 验证", "www.adeptprograms.com"),
        ("login \nhttps://steam\nconnunity.com\n", "https://steamconnunity.com"),
        ("visit\nhttps://lotto-\nhh.de/spiel?id\n=5\n", "https://lotto-hh.de/spiel?id=5"),
    ],
)
def test_a_hard_wrapped_link_is_read_whole(text: str, value: str) -> None:
    """Every line but the last as long as the first: the link was wrapped at a fixed width, so
    the breaks go (and a hyphen ending a line stays: it is the link's own)."""
    assert _values(text) == [value]


def test_a_wrap_just_after_a_whole_host_is_unsure() -> None:
    found = _found("go \nhttps://www.inbet88.co\nm/register?ref=9999999\n7\n")
    assert [value for value, _ in found] == ["https://www.inbet88.com/register?ref=99999997"]
    assert "ambiguous_host" in found[0][1]


@pytest.mark.parametrize(
    ("text", "values"),
    [
        (
            "https://a.co\nhttps://b.co\nhttps://c.co",
            ["https://a.co", "https://b.co", "https://c.co"],
        ),
        ("www.aaa.com\nwww.bbb.com\nwww.ccc.com", ["www.aaa.com", "www.bbb.com", "www.ccc.com"]),
        ("https://example.com\nthanks\nfriend", ["https://example.com"]),
        ("https://example.com/\nqueenvegas.com", ["https://example.com/", "queenvegas.com"]),
        ("hello\nworld\nok", []),
    ],
)
def test_lines_that_are_no_wrap_stay_apart(text: str, values: list[str]) -> None:
    assert _values(text) == values
