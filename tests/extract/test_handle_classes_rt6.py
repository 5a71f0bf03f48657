"""Handle classes of the sixth red team, written anew here (not the generator's templates):
KakaoTalk cues (a kind of its own), cues in jyutping, Cantonese and Taiwanese contact verbs
between a cue and its id, misspelt Telegram, WhatsApp and LINE, Russian Telegram slang, pictured
V, new homophones and nicknames of WeChat and QQ, cues glued to an id in display names, ``卫星``
standing apart, ``tee dot me slash`` and LINE official-account pages. Each example gives exactly
its entity on every surface; the negatives are the prose shapes that must stay empty.
"""

from __future__ import annotations

import pytest

from bastion import Scanner
from tests.extract.conftest import (
    assert_handle_on_every_surface,
    assert_no_handle_and_allowed,
    default_scanner,
    kinds_values,
)

FAMILIES: dict[str, list[tuple[str, str, str]]] = {
    "kakao_cues": [
        ("토토 환전 카톡 Jin_7788 추가요", "kakao", "jin_7788"),
        ("카카오톡 아이디: sora.2024", "kakao", "sora.2024"),
        ("kakao talk: minji99 문의", "kakao", "minji99"),
        ("오픈채팅 카톡ID haru_21", "kakao", "haru_21"),
        ("katalk - vipbet777", "kakao", "vipbet777"),
        ("카톡: happyday", "kakao", "happyday"),
        # the layouts a reader follows: a chat log, a profile field pointing on
        ("[21:03] 민지: 카톡\n[21:04] 민지: Minji_77", "kakao", "minji_77"),
        ("昵称：카톡在简介\n简介：Bora_2024｜备注", "kakao", "bora_2024"),
    ],
    "cues_in_jyutping": [
        ("加我 mei4 seon3：ah_wing88", "wechat", "ah_wing88"),
        ("搵我 MEI SEON: kaho_2023", "wechat", "kaho_2023"),
        ("fei1 gei1 @ mk_boy_852", "telegram", "mk_boy_852"),
        ("加我 din6 bou3：yuen_long99", "telegram", "yuen_long99"),
        ("kau3 kau3：28817733", "qq", "28817733"),
    ],
    "contact_verb_after_cue": [
        ("TG搵我 tsuen_wan88", "telegram", "tsuen_wan88"),
        ("電報聯絡我：mongkok_21", "telegram", "mongkok_21"),
        ("telegram 搵 shatin_kid7", "telegram", "shatin_kid7"),
        ("加我飛機啦 @lamma_isle9", "telegram", "lamma_isle9"),
        ("微信搵我：chai_wan77", "wechat", "chai_wan77"),
        ("WA我 9123 4567", "whatsapp", "91234567"),
        ("whatsapp 嚟 6234 5678", "whatsapp", "62345678"),
        ("賴我：tainan.520", "line", "tainan.520"),
        ("LINE私我 kaohsiung_7", "line", "kaohsiung_7"),
        ("LINE加我 taichung_88", "line", "taichung_88"),
        ("飛機加我 sham_shui_po1", "telegram", "sham_shui_po1"),
        ("TG pm我 kwun_tong5", "telegram", "kwun_tong5"),
        ("카톡 친추: dahye_0412", "kakao", "dahye_0412"),
    ],
    "misspelt_messenger_names": [
        ("tlegram: @nite_owl42", "telegram", "nite_owl42"),
        ("teIegram - moon_child7", "telegram", "moon_child7"),
        ("telegran: blue_bird_88", "telegram", "blue_bird_88"),
        ("telgarm @sunny_deal5", "telegram", "sunny_deal5"),
        ("tellegram: gold_rush_3", "telegram", "gold_rush_3"),
        ("whtsapp +44 7700 900123", "whatsapp", "+447700900123"),
        ("wtsapp：+65 9123 4567", "whatsapp", "+6591234567"),
        ("whatzapp +60 12 345 6789", "whatsapp", "+60123456789"),
        ("whatsaap +44 7911 123456", "whatsapp", "+447911123456"),
        ("L1NE: mei_7788", "line", "mei_7788"),
        ("LlNE ID: coco.99", "line", "coco.99"),
        ("Iine: baby_2024", "line", "baby_2024"),
    ],
    "russian_telegram_slang": [
        ("пиши в телегу @vip_room77", "telegram", "vip_room77"),
        ("в телеге casino_bot88", "telegram", "casino_bot88"),
        ("тележка: @fast_cash_1", "telegram", "fast_cash_1"),
        ("тгк: signals_pro9", "telegram", "signals_pro9"),
        ("есть в телеграме: @crypto_ru5", "telegram", "crypto_ru5"),
    ],
    "pictured_v": [
        ("✌️：lucky_girl66", "wechat", "lucky_girl66"),
        ("✌🏽信 dragon_8899", "wechat", "dragon_8899"),
        ("√信：panda-5201", "wechat", "panda-5201"),
        ("✔信 haoyun_777", "wechat", "haoyun_777"),
        ("☑️信：jinli_2026", "wechat", "jinli_2026"),
        ("加✌ mimi_ling520", "wechat", "mimi_ling520"),
    ],
    "new_wechat_names": [
        ("葳信：tianmi_9988", "wechat", "tianmi_9988"),
        ("威伈 jiajia_5566", "wechat", "jiajia_5566"),
        ("V字头软件：abc_dream77", "wechat", "abc_dream77"),
        ("v开头的app：star_moon12", "wechat", "star_moon12"),
        ("微 X：xiaoyu_1314", "wechat", "xiaoyu_1314"),
        ("🔴直播 卫星 meimei_8866 私聊", "wechat", "meimei_8866"),
    ],
    "new_qq_names": [
        ("鹅号：３３８８２２１１", "qq", "33882211"),
        ("鹅厂号 5 6 7 1 2 3 9 8", "qq", "56712398"),
        ("Ｑ號：88776655", "qq", "88776655"),
    ],
    "cue_glued_in_a_name": [
        ("V❤sweet_girl88", "wechat", "sweet_girl88"),
        ("V💋lili2025", "wechat", "lili2025"),
        ("威_tianxin520", "wechat", "tianxin520"),
        ("薇lucky_ling99", "wechat", "lucky_ling99"),
        ("wx丨xiaomei_777", "wechat", "xiaomei_777"),
    ],
    "tme_spelled": [
        ("tee dot me slash night_club21", "telegram", "night_club21"),
        ("tea dot me slash vip_pass99", "telegram", "vip_pass99"),
    ],
    "line_official_page": [
        ("https://page.line.me/shop_9921", "line", "@shop_9921"),
        ("page.line.me/?accountId=abc1234", "line", "@abc1234"),
    ],
}


@pytest.fixture(scope="module")
def scanner() -> Scanner:
    return default_scanner()


@pytest.mark.parametrize(
    ("family", "text", "kind", "value"),
    [(family, *case) for family, cases in FAMILIES.items() for case in cases],
)
def test_family_gives_its_handle(
    scanner: Scanner, family: str, text: str, kind: str, value: str
) -> None:
    assert_handle_on_every_surface(scanner, family, text, kind, value)


@pytest.mark.parametrize(
    "text",
    [
        # Korean prose about KakaoTalk: no id, a letters-only word without a separator, a phone
        "카톡 주세요 감사합니다",
        "카톡 hello 보냈어",
        "카카오페이 결제 완료",
        # jyutping words that are no cue pair; a contact verb before a word without a digit
        "mei mei is my sister",
        "TG搵我 hello",
        "WhatsApp我 yes",
        "微信加 abc",
        "the tell gram arrived",
        "賴我 好嗎",
        # a verb-led clause whose word is a cue (the cue is no id)
        "加我 MEI4SEON3",
        # English words near the misspellings
        "the telegraph arrived",
        "what app do you use for notes",
        "a long line of people",
        # a 卫星 in prose (after a Chinese word), a check mark before a colon, a V after a word
        "发射卫星 Starlink2024 成功",
        "✅：done for today",
        "蔷薇abc12345",
        "威力 abc 一百",
        # Russian prose: a cart, a telegram received
        "положи в тележку хлеб",
        # a LINE page without an account
        "https://page.line.me/",
    ],
)
def test_shapes_left_alone(scanner: Scanner, text: str) -> None:
    assert_no_handle_and_allowed(scanner, text)


def test_a_jyutping_cue_after_a_verb_is_no_second_id() -> None:
    """``加我 MEI4SEON3：x``: the verb-led finder must not take the cue for a WeChat id."""
    assert kinds_values("贷款秒批 加我 MEI4SEON3：tianmimi49158") == [("wechat", "tianmimi49158")]


def test_a_line_page_and_its_app_link_name_one_account() -> None:
    page = kinds_values("https://page.line.me/shop_9921")
    app = kinds_values("https://line.me/R/ti/p/@shop_9921")
    assert page == app == [("line", "@shop_9921")]
