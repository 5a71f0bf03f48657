"""Phones without a cue: mainland mobiles and valid ``+country`` numbers only."""

from __future__ import annotations

import pytest

from tests.extract.conftest import found, kinds_values


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("call 13812345678 now", [("phone", "13812345678", (5, 16), "13812345678")]),
        ("电话138-1234-5678", [("phone", "13812345678", (2, 15), "138-1234-5678")]),
        ("tel 138 1234 5678.", [("phone", "13812345678", (4, 17), "138 1234 5678")]),
        ("+86 13812345678", [("phone", "+8613812345678", (0, 15), "+86 13812345678")]),
        ("0086-13812345678", [("phone", "+8613812345678", (0, 16), "0086-13812345678")]),
        ("+44 20 7946 0958", [("phone", "+442079460958", (0, 16), "+44 20 7946 0958")]),
        ("+1 (415) 555-2671", [("phone", "+14155552671", (0, 17), "+1 (415) 555-2671")]),
        ("订单13812345678已发货", [("phone", "13812345678", (2, 13), "13812345678")]),
        ("一三八一二三四五六七八", [("phone", "13812345678", (0, 11), "一三八一二三四五六七八")]),
    ],
)
def test_phones(text: str, expected: list[tuple[str, str, tuple[int, int], str]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "订单号 20261124001 已发货",
        "order 4401234567 shipped",
        "1381234567890 is too long",
        "138-1234-56789",
        "138 1234-5678",
        "+1 123",
        "+12 3456 7890 1234 5678",
        "price 13.812345678",
        "id abc13812345678",
        "10086 客服",
    ],
)
def test_not_phones(text: str) -> None:
    assert [kv for kv in kinds_values(text) if kv[0] == "phone"] == []


def test_cue_beats_phone() -> None:
    assert kinds_values("微信 13812345678") == [("wechat", "13812345678")]


def test_phone_inside_url_is_part_of_the_url() -> None:
    assert kinds_values("http://x.com/?tel=13812345678") == [
        ("url", "http://x.com/?tel=13812345678")
    ]
