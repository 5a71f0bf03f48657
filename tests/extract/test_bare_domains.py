"""Bare domains made of plain words: which read as hosts and which as sentences run together.

The cases come from the recall benchmark (real listed domains) and from the real English SMS
and Weibo messages where an earlier rule invented hosts; spans are exact.
"""

from __future__ import annotations

import pytest

from bastion.extract import find_entities
from tests.extract.conftest import found, kinds_values


@pytest.mark.parametrize(
    ("text", "value", "span"),
    [
        ("Check out lutrija.rs for a free bonus", "lutrija.rs", (10, 20)),
        ("cdacharity.ps", "cdacharity.ps", (0, 13)),
        ("hot pics here -> lemonschool.pl", "lemonschool.pl", (17, 31)),
        ("new link: videoporn.ink (copy to browser)", "videoporn.ink", (10, 23)),
        ("xvideosjp.one", "xvideosjp.one", (0, 13)),
        ("Win big at voyeurhit.tube today!", "voyeurhit.tube", (11, 25)),
        ("butts.pics 首充返水百分之三十", "butts.pics", (0, 10)),
        ("最新地址：playiwin.in 收藏不迷路", "playiwin.in", (5, 16)),
        ("官网ebarus.me注册就送888元彩金", "ebarus.me", (2, 11)),
        ("备用网址 brca.be 防失联", "brca.be", (5, 12)),
        ("Your account is locked, verify at virginia.in now", "virginia.in", (34, 45)),
        ("复制pettyrosso.it到浏览器打开", "pettyrosso.it", (2, 15)),
        ("hot pics here -> DEca.Bet", "deca.bet", (17, 25)),
        ("您的账户存在异常，请登录LuTrIjA.RS完成验证", "lutrija.rs", (12, 22)),
        ("deca.bet", "deca.bet", (0, 8)),
        ("zoom.us会议号", "zoom.us", (0, 7)),
    ],
)
def test_word_domains_that_are_hosts(text: str, value: str, span: tuple[int, int]) -> None:
    assert found(text) == [("domain", value, span, text[span[0] : span[1]])]


@pytest.mark.parametrize(
    "text",
    [
        "Dear,Me at cherthala.in case u r coming cochin pls call bfore u start.i shall also reach",
        "Yun ah.the ubi one say if u wan call by tomorrow.call 67441233 look for irene",
        "U can call me now...still thinking of the message.it is ok",
        "Wife.how she knew",
        "Nice.nice.how is it working",
        "I'm in pain.it will be ok",
        "Hello.How are you",
        "we met this person.Meet her too",
        "for her.love you",
        "HaLa.Madrid 冠军",
        "see setup.py and run.sh",
        "days.so long",
    ],
)
def test_sentences_run_together_stay_prose(text: str) -> None:
    assert [e for e in find_entities(text) if e.kind == "domain"] == []


@pytest.mark.parametrize(
    ("text", "value", "raw"),
    [
        ("老司机都懂的playiwin[.]in，今晚更新", "playiwin.in", "playiwin[.]in"),
        ("Win big at deca[.]bet today!", "deca.bet", "deca[.]bet"),
        ("verify at brca(dot)be now", "brca.be", "brca(dot)be"),
        ("hot pics here -> p l a y i w i n . i n", "playiwin.in", "p l a y i w i n . i n"),
        ("Check out e*b*a*r*u*s.me for a free bonus", "ebarus.me", "e*b*a*r*u*s.me"),
        ("verify at PEttyrOSsO.іt now", "pettyrosso.it", "PEttyrOSsO.іt"),
    ],
)
def test_disguised_word_hosts_are_trusted(text: str, value: str, raw: str) -> None:
    (entity,) = find_entities(text)
    assert (entity.kind, entity.value, entity.raw) == ("domain", value, raw)
    assert text[entity.span[0] : entity.span[1]] == raw


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Your account is locked, verify at 88sports[.]com now", [("domain", "88sports.com")]),
        ("Win big at bethard dot com today!", [("domain", "bethard.com")]),
        ("mail bob at gmail dot com", [("email", "bob@gmail.com")]),
        ("复制h t t p : / / playiwin.in到浏览器打开", [("url", "http://playiwin.in")]),
        ("老司机都懂的l o t t o - h h . d e，今晚更新", [("domain", "lotto-hh.de")]),
        ("Win big at deca🌟bet today!", [("domain", "deca.bet")]),
        ("复制dreamboat·co·in到浏览器打开", [("domain", "dreamboat.co.in")]),
        ("1、IT 2、AI", []),
    ],
)
def test_recall_suite_shapes(text: str, expected: list[tuple[str, str]]) -> None:
    assert kinds_values(text) == expected


def test_an_invisible_char_beside_a_word_pair_is_no_disguise() -> None:
    assert find_entities("for her.love\u200b you") == []
    assert find_entities("\u200bher.love") == []
    assert kinds_values("for her.lo\u200bve you") == [("domain", "her.love")]
    assert kinds_values("pаin.it") == [("domain", "pain.it")]


def test_circled_qq_after_a_lone_q() -> None:
    assert found("兼职刷单，日结，Q：①⑨⑦⑨⑨④") == [("qq", "197994", (10, 16), "①⑨⑦⑨⑨④")]
    assert kinds_values("Add Q: 79203855 to join") == [("qq", "79203855")]
    assert kinds_values("FAQ: 12345 users") == []
    assert kinds_values("Q&A 12345") == []


@pytest.mark.parametrize(
    ("text", "host"),
    [("http://xn--df-oiy.ws/123", "xn--df-oiy.ws"), ("see xn--i-7iq.ws now", "xn--i-7iq.ws")],
)
def test_punycode_of_a_symbol_name_is_a_host(text: str, host: str) -> None:
    """IDNA 2008 refuses ``✪df`` but browsers resolve its punycode: the host must not vanish."""
    assert [e.host for e in find_entities(text)] == [host]


def test_invalid_punycode_is_no_host() -> None:
    assert find_entities("http://xn--zz.com/") == []
