"""A site's ending after a name no reader reads (``✿✿✿.com``): reviewed, never allowed and never
given a guessed name; endings after names in ASCII or Chinese, and dots in ordinary text, are
left to the finders."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bastion import Item, Scanner
from bastion.detect import unread_hosts
from bastion.detect.base import DetectContext, Resources, re2_text
from bastion.intel import IntelIndex
from bastion.model import Entity
from tests.extract.conftest import default_scanner

RULE = "link.unread_host"


@pytest.fixture(scope="module")
def scanner() -> Scanner:
    return default_scanner()


def _rules(scanner: Scanner, text: str, surface: str = "post") -> tuple[str, list[str], list[str]]:
    result = scanner.scan(Item(id="x", text=text, surface=surface))
    hosts = [e.host or e.value for e in result.entities]
    return result.verdict, [v.rule for v in result.violations], hosts


@pytest.mark.parametrize(
    "text",
    [
        "見て ✿✿✿.com",
        "見て ✿✿✿ 点 com",
        "见 ✿✿✿ dot com 送彩金",
        "✿✿✿(.)com",
        "🎰🎰.top 注册送",
        "官网 ⛧⛧⛧ 點 net",
        "最新地址：ꙮꙮꙮ。vip",
        "join ☯☯☯ [dot] club tonight",
        "😀.com",
        # a dot no reader knew: a symbol glued on both sides, a phrase naming the dot
        "官网：ӄ8ʋռ65★com",
        "sv🃘🃘vn 英文小圆点儿 com",
        "sum២៧ 小黑点 club（高棉数字）",
        "ֆօɖօ⓵⓹「。」com",
        # a country's name for its TLD
        "安装插件才能观看：ﻮשɭย๔ςשђςгןฬ๓ﻮợ 点 印度 （花体字）",
        "claim your refund at newsdesk🃂🃄 dot India",
    ],
)
def test_an_ending_after_an_unread_name_is_reviewed(scanner: Scanner, text: str) -> None:
    for surface in ("post", "username", "bio", "chat"):
        verdict, rules, hosts = _rules(scanner, text, surface)
        assert verdict == "review", (text, surface, rules)
        assert RULE in rules
        assert not hosts, (text, hosts)


@pytest.mark.parametrize(
    "text",
    [
        "see example.com for details",
        "我们的网站.com",
        "*.com and *.net are both taken",
        "Mr.Li said hi",
        "the dot com bubble",
        "价格 99.9 元，尺寸 1.5 米",
        "😀. com",
        "🎉 .com domains are cheap this week",
        "官网 bet888.com",
        "I ♥ you. Company news at acme.org",
        # times, Chinese words beginning with 点, dashes and Chinese punctuation between numbers
        "今晚9点live，不见不散",
        "周六10点club活动，记得带球拍",
        "请登陆官网点击VIP专区按提示操作",
        "今早8点名了NAME美妆大牌特卖",
        "月薪xxxx—xxxxx元",
        "原价xxx、xxx元均超低价抢购",
        "5★ top hotel in town",
        "我们2点 日本料理店见",
        "I ♥ India. 我爱中国。",
    ],
)
def test_ordinary_dots_and_read_names_are_left_alone(scanner: Scanner, text: str) -> None:
    _, rules, _ = _rules(scanner, text)
    assert RULE not in rules, (text, rules)


def _context(text: str, flags: list[str], categories: list[str]) -> DetectContext:
    entity = Entity("domain", text, (0, len(text)), "x.com", flags=flags, categories=categories)
    resources = Resources(IntelIndex.empty())
    return DetectContext(Item(id="x", text=text), text, text, [entity], resources)


@pytest.mark.parametrize(
    ("flags", "categories", "signalled"),
    [([], [], False), (["prose_like"], ["gambling"], False), (["prose_like"], [], True)],
)
def test_an_entity_covers_its_ending_unless_it_is_prose_dropped_unlisted(
    flags: list[str], categories: list[str], signalled: bool
) -> None:
    detector = unread_hosts.UnreadHostDetector(Resources(IntelIndex.empty()))
    signals = detector.detect(_context("見て ✿✿✿.com", flags, categories))
    assert bool(signals) is signalled
    if signals:
        assert signals[0].span == (6, 10)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.lists(st.sampled_from([*"ab.点 ", "dot", "com", "✿", "🎰", "中", "\ud800"])).map("".join))
def test_markers_never_raise_and_point_at_an_ending(text: str) -> None:
    for start, end, tld in unread_hosts.markers(text):
        assert text[start:end].lower().endswith(tld)


_PIECES = ["✿", "🎰", "\xa0", "ſ", "K", "点", " ", ".", "。", "dot", "com", "ex", "印度", "India",
           "中", "a", "★", "英文句号", "\u2003", "ɮ"]  # fmt: skip


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=12).map("".join))
def test_the_prefilters_never_hide_a_marker(text: str) -> None:
    """Every pattern on every text gives what ``markers`` gives with its cheap prefilters."""
    subject = re2_text(text)
    every = sorted(
        {
            (match.start(1), match.end(2), match.group(2).lower())
            for pattern in unread_hosts._MARKER_RES
            for match in pattern.finditer(subject)
        }
    )
    assert unread_hosts.markers(text) == (every if not text.isascii() else [])
