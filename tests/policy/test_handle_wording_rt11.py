"""The default policy's wording for handles that red team 11 found allowed even written plainly:
SIM cards sold in bulk for fraud, laundered coins, money "flips", invoices for any amount. Beside
a handle they send the item to review on every surface (written here otherwise than the red team
wrote them); the same words without a handle, and a handle with everyday wording, stay allowed.
"""

from __future__ import annotations

import pytest

from bastion import Scanner
from bastion.model import SURFACES
from tests.policy.conftest import assert_allowed, assert_reviewed_by


@pytest.mark.parametrize("surface", SURFACES)
@pytest.mark.parametrize(
    "text",
    [
        "verified sims in bulk, any country, telegram @simking77",
        "实名卡 物联网卡 批发 飞机 @card_hub9",
        "we buy dirty USDT, fast swap, whatsapp +1 202 555 0143",
        "收黑U 价格高 微信 u_change88",
        "cash app flip: send $100 get $1000 back, telegram @flip_boss",
        "fake invoices for any amount, wechat inv_2024",
        "增值税发票代开 QQ 77889911",
    ],
)
def test_handle_with_this_wording_goes_to_review(
    wording_scanner: Scanner, text: str, surface: str
) -> None:
    assert_reviewed_by(wording_scanner, text, "handle.scam", surface)


@pytest.mark.parametrize(
    "text",
    [
        "my SIM card stopped working, the shop said it needs a new one",
        "police warn: dirty money laundering ring broken up",
        "发票可以开吗？可以的，下单备注抬头 微信 shop_help1",
        "Cash App support will never ask you for a PIN",
        "交换手机号？我的微信 lily_2024",
    ],
)
def test_ordinary_wording_stays_allowed(wording_scanner: Scanner, text: str) -> None:
    assert_allowed(wording_scanner, text)
