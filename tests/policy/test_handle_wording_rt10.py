"""The default policy's wording for handles that red team 10 found allowed: jobs abroad that
traffic people into scam compounds, videos filmed in secret, paid "recovery" of stolen coins,
drugs and prescription pills sold by post. Beside a handle they send the item to review on every
surface (written here otherwise than the red team wrote them: the trade, not its sentence); the
same words without a handle, and a handle with everyday wording, stay allowed.
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
        ("柬埔寨高薪招聘 客服 包机票 飞机 @job_kh88", "handle.scam"),
        ("招海外打字员 会打字就行 微信 hr_2024abc", "handle.scam"),
        ("overseas typist wanted, flights paid, telegram @hr_asia7", "handle.scam"),
        (
            "scammed? our recovery hackers got back 2 BTC for me, whatsapp +1 202 555 0188",
            "handle.scam",
        ),
        ("被骗了别急 专业追回被骗资金 QQ 88776655", "handle.scam"),
        ("xanax and oxycodone, no prescription, telegram @pharm_shop2", "handle.scam"),
        ("冰毒 K粉 同城 飞机 @ice_city9", "handle.scam"),
        ("酒店偷拍原版 VX：cam_video88", "handle.sexual_services"),
        ("hidden cam changing room clips, telegram @clips_4u", "handle.sexual_services"),
    ],
)
def test_handle_with_this_wording_goes_to_review(
    wording_scanner: Scanner, text: str, rule: str, surface: str
) -> None:
    assert_reviewed_by(wording_scanner, text, rule, surface)


@pytest.mark.parametrize(
    "text",
    [
        "偷拍者已被警方抓获，大家住酒店注意检查",
        "the recovery of the stock market was slow",
        "my doctor said no prescription is needed for this cream",
        "更衣室在二楼 微信 gym_front1 预约私教",
        "LINE私我 kaohsiung_7 約吃飯",
    ],
)
def test_everyday_wording_stays_allowed(wording_scanner: Scanner, text: str) -> None:
    assert_allowed(wording_scanner, text)
