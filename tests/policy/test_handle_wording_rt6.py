"""The default policy's wording for handles that red team 6 found allowed: lottery "insider
plans", "high-end outer circle" escorts, net-earning and loan bait, crypto returns, and the same
trades in Korean and Russian. Beside a handle (a KakaoTalk id too) they send the item to review
on every surface; the same words without a handle, and a handle with everyday wording, stay
allowed.
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
        # gambling: lottery plans, Korean sports betting, Russian bets, English casino bonuses
        ("时时彩内部计划 稳定 vx：cai_8866", "handle.gambling"),
        ("彩票群 每天带飞 QQ 55667788", "handle.gambling"),
        ("스포츠 배팅 가입머니 카톡 bet_2233", "handle.gambling"),
        ("ставки на спорт без проигрыша, телега: @win_bet77", "handle.gambling"),
        ("казино онлайн тгк: casino_ru7", "handle.gambling"),
        ("online casino bonus every day, telegram @spin_king9", "handle.gambling"),
        # sexual services
        ("高端外围 模特 飞机 @angel_club8", "handle.sexual_services"),
        ("интим встречи телега @night_girl5", "handle.sexual_services"),
        ("call girls available, whatsapp +44 7700 900123", "handle.sexual_services"),
        # scams: earnings, loans, crypto returns
        ("网赚项目 日结 微信 money_7799", "handle.scam"),
        ("黑户也能借 不看征信 QQ 99887766", "handle.scam"),
        ("guaranteed crypto returns 30% weekly, telegram @alpha_fund8", "handle.scam"),
        ("quick loans approved in 5 minutes, whatsapp +65 9123 4567", "handle.scam"),
        ("заработок от 300$ в день, пиши в телегу @job_fast1", "handle.scam"),
        ("급전 필요하신분 카톡 loan_7788", "handle.scam"),
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
        "彩票中了五块钱，开心",
        "外围赛明天开始",
        "casino night at the office party was fun",
        "заработок в этом месяце вырос",
        # a handle with everyday wording
        "카톡 minji_22 으로 연락 주세요",
        "LINE私我 kaohsiung_7 約吃飯",
        "telegram @book_club21 for the reading list",
        "WhatsApp我 9123 4567 睇戲",
        # the trade's words inside longer everyday words (delivery, a sudden turn)
        "доставки без выходных, телега: @flowers_msk1",
        "드라마 급전개 카톡 minji_22",
    ],
)
def test_everyday_wording_stays_allowed(wording_scanner: Scanner, text: str) -> None:
    assert_allowed(wording_scanner, text)
