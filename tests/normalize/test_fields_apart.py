"""A host whose name and TLD sit in different fields of one message (red team 5): a listing's
title and the body that says what to add, a profile's nickname and the bio naming the suffix.

The pre-check must let such a text through, and the second readings must offer the joined
host (flagged and kept only when the intel lists it, so a guess never names another site).
"""

from __future__ import annotations

import pytest

from bastion.extract import has_candidates
from tests.support.readings import hosts_read


@pytest.mark.parametrize(
    ("text", "host"),
    [
        ("商品名：queenvegas 正品保障\n详情：商品名后面加 点com 即可访问", "queenvegas.com"),
        ("【标题】inbet88 旗舰店\n【描述】在名字后加上 .com 就能进", "inbet88.com"),
        ("昵称：ｊａｇｏ－ｂｅｔｔｉｎｇ\n签名：名字就是网址，结尾是 点org", "jago-betting.org"),
        ("用户名：ｌｏｔｔｏ－ｈｈ\n简介：后缀 .de", "lotto-hh.de"),
        ("Title: steamconnunity\nBody: add .com after the title", "steamconnunity.com"),
    ],
)
def test_the_fields_are_read_together(text: str, host: str) -> None:
    assert has_candidates(text)
    assert host in hosts_read(text)


@pytest.mark.parametrize(
    "text",
    ["今天加点料，味道更好", "标题：周末活动\n描述：记得加点水果", "后缀是什么意思？"],
)
def test_prose_about_adding_names_no_host(text: str) -> None:
    assert hosts_read(text) == set()
