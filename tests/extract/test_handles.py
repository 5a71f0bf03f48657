"""Cue-introduced messaging handles: WeChat, QQ, Telegram, WhatsApp, LINE."""

from __future__ import annotations

import pytest

from bastion.extract import find_entities
from tests.extract.conftest import found, kinds_values


@pytest.mark.parametrize(
    ("text", "value", "span", "cue"),
    [
        ("加微信：abc123456 详聊", "abc123456", (4, 13), "微信"),
        ("vx: meimei_2024", "meimei_2024", (4, 15), "vx"),
        ("VX号是 Kefu-888", "Kefu-888", (5, 13), "VX"),
        ("薇信 lucky_girl1", "lucky_girl1", (3, 14), "薇信"),
        ("加V：xiaomei", "xiaomei", (3, 10), "加V"),
        ("+V abc12345", "abc12345", (3, 11), "+V"),
        ("➕V abc12345", "abc12345", (3, 11), "➕V"),
        ("V: abcdef1", "abcdef1", (3, 10), "V"),
        ("v号abcdef1", "abcdef1", (2, 9), "v号"),
        ("wechat: meimei", "meimei", (8, 14), "wechat"),
        ("微信 13812345678", "13812345678", (3, 14), "微信"),
        ("微信号 138-1234-5678", "13812345678", (4, 17), "微信"),
        ("wx 12345678", "12345678", (3, 11), "wx"),
        ("ＶＸ：ａｂｃ１２３４", "abc1234", (3, 10), "VX"),
    ],
)
def test_wechat(text: str, value: str, span: tuple[int, int], cue: str) -> None:
    (entity,) = find_entities(text)
    assert (entity.kind, entity.value, entity.span, entity.cue) == ("wechat", value, span, cue)
    assert entity.raw == text[span[0] : span[1]]


@pytest.mark.parametrize(
    "text",
    [
        "我用微信支付",
        "wechat tomorrow",
        "WeChat Official Account",
        "赵薇 主演",
        "Ctrl+V abcdefgh",
        "vx abc",
        "微信：abc123456789012345678901",
        "微信：weixin.qq.com/r/abc",
        "wxyz123456",
    ],
)
def test_not_wechat(text: str) -> None:
    assert [e for e in find_entities(text) if e.kind == "wechat"] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("QQ：123456789，扣扣 987654321", [("qq", "123456789"), ("qq", "987654321")]),
        ("QQ群号：12345678", [("qq", "12345678")]),
        ("企鹅 10001", [("qq", "10001")]),
        ("q群 55667788", [("qq", "55667788")]),
        ("群号: 123456", [("qq", "123456")]),
        ("扣扣 1三8一2三4五6", [("qq", "138123456")]),
        ("QQ 012345", []),
        ("QQ 1234", []),
        ("QQ 123456789012", []),
        ("QQ 12345678@qq.com", [("email", "12345678@qq.com"), ("qq", "12345678")]),
        ("QQ音乐 很好听", []),
    ],
)
def test_qq(text: str, expected: list[tuple[str, str]]) -> None:
    assert kinds_values(text) == expected


def test_qq_fields() -> None:
    assert found("QQ：123456789") == [("qq", "123456789", (3, 12), "123456789")]
    (entity,) = find_entities("Q号 12345678")
    assert entity.cue == "Q号"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("飞机 @spam_channel", [("telegram", "spam_channel")]),
        ("纸飞机: abc_123", [("telegram", "abc_123")]),
        ("telegram: @Cheap_Deals", [("telegram", "Cheap_Deals")]),
        ("TG @abcde", [("telegram", "abcde")]),
        ("✈️ @fly_high", [("telegram", "fly_high")]),
        ("电报联系我们客服 @kefu_01", [("telegram", "kefu_01")]),
        ("@john hello", []),
        ("回复@小明: 哈哈", []),
        ("@spam_channel on twitter", []),
        ("telegram channel", []),
        ("坐飞机去北京", []),
        ("飞机 @abc", []),
    ],
)
def test_telegram(text: str, expected: list[tuple[str, str]]) -> None:
    assert kinds_values(text) == expected


def test_telegram_span_is_the_name() -> None:
    assert found("飞机 @spam_channel") == [("telegram", "spam_channel", (4, 16), "spam_channel")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("WhatsApp: +1 415 555 2671", [("whatsapp", "+14155552671")]),
        ("whatsapp 0812345678", [("whatsapp", "0812345678")]),
        ("WA +85291234567", [("whatsapp", "+85291234567")]),
        ("瓦次普 +60123456789", [("whatsapp", "+60123456789")]),
        ("WA 98101", []),
    ],
)
def test_whatsapp(text: str, expected: list[tuple[str, str]]) -> None:
    assert kinds_values(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Line ID: abc_123", [("line", "abc_123")]),
        ("LINE: shop01", [("line", "shop01")]),
        ("加line abc123", [("line", "abc123")]),
        ("line id @shop", [("line", "@shop")]),
        ("賴：sexy_girl", [("line", "sexy_girl")]),
        ("line abc123", [("line", "abc123")]),
        ("drop me a line tomorrow", []),
        ("online now", []),
        ("line up please", []),
    ],
)
def test_line(text: str, expected: list[tuple[str, str]]) -> None:
    assert kinds_values(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "@薇薇Vivien @小薇Eileen 你们好",
        "@野蔷薇2397796573 转发",
        "快要被逼疯的爱TG的小骆驼 @Tasha杀手 @葵在路上",
        "@扣扣12345678 哈哈",
        "薇vivian",
    ],
)
def test_cues_inside_weibo_mentions_are_names(text: str) -> None:
    assert find_entities(text) == []


def test_lone_char_cue_needs_separator_and_id() -> None:
    assert kinds_values("加薇：lucky_888") == [("wechat", "lucky_888")]
    assert kinds_values("薇 13812345678") == [("wechat", "13812345678")]
