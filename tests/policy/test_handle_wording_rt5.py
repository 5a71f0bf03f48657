"""The default policy's wording for handles that red team 5 found allowed: counterfeit goods,
giveaways whose entry is a contact, and purchases taken off the platform. Beside a handle they
send the item to review on every surface; the same words without a handle, and a handle with
everyday wording around these words, stay allowed.
"""

from __future__ import annotations

import pytest

from bastion import Scanner
from bastion.model import SURFACES
from tests.policy.conftest import assert_allowed, assert_reviewed_by


@pytest.mark.parametrize("surface", SURFACES)
@pytest.mark.parametrize(
    ("text", "rule"),
    [
        # counterfeit goods
        ("精仿劳力士 支持验货 微信 watch_6688", "handle.scam"),
        ("AAA replica bags, best price, telegram @bagqueen77", "handle.scam"),
        ("超A货 包包 扣扣：55667788", "handle.scam"),
        # a giveaway entered through a contact
        ("粉丝群抽奖 每周一次 飞机 @lucky_draw99", "handle.giveaway"),
        ("iPhone giveaway today only, message whatsapp +1 202 555 0147", "handle.giveaway"),
        ("免费领取加V：gift_2026", "handle.giveaway"),
        # a purchase taken off the platform
        ("直播同款 私聊下单 vx：shop_8812", "handle.offplatform_trade"),
        ("same bag as the stream, dm to order on telegram @bagshop_21", "handle.offplatform_trade"),
        ("私下交易更便宜 QQ 88997766", "handle.offplatform_trade"),
    ],
)
def test_handle_with_this_wording_goes_to_review(
    wording_scanner: Scanner, text: str, rule: str, surface: str
) -> None:
    assert_reviewed_by(wording_scanner, text, rule, surface)


@pytest.mark.parametrize(
    "text",
    [
        # the words without a handle
        "转发抽奖 送三台手机，关注即可参与",
        "huge giveaway on our channel this weekend, stay tuned",
        "直播间同款 今晚八点开抢",
        "is this a replica or the real thing?",
        # a handle with everyday wording
        "预约QQ：12345678 欢迎咨询",
        "我的微信 abc_123 加我聊聊",
        "ordered the same phone case, wechat me: lily_2026",
    ],
)
def test_everyday_wording_stays_allowed(wording_scanner: Scanner, text: str) -> None:
    assert_allowed(wording_scanner, text)
