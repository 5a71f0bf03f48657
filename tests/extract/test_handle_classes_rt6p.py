"""Handle classes of the sixth red team, written anew here (not the generator's templates): a
symbol put inside an id that the message says to drop, cues after the id (``✌信``, ``← 薇``,
``（绿泡泡）``), vanity (keypad) numbers, Zalo numbers, a WhatsApp number in Chinese numerals
with its country code, an id split over a profile's name and bio that the bio says to join,
and a mobile whose numeral groups a bullet joins. Each example gives
exactly its entity on every surface; the negatives must stay empty, and an id cut by a symbol
with no instruction is never reported shorter than it is.
"""

from __future__ import annotations

import pytest

from bastion import Item, Scanner
from tests.extract.conftest import (
    assert_handle_on_every_surface,
    assert_no_handle_and_allowed,
    default_scanner,
)

FAMILIES: dict[str, list[tuple[str, str, str]]] = {
    "symbol_dropped_from_id": [
        ("ｍｅｉｂａ🍒ｏ７７２１ 是我的威（去掉🍒）", "wechat", "meibao7721"),
        ("sun_ri🌙se2024 ← 薇（删掉🌙）", "wechat", "sun_rise2024"),
        ("kk-88🎈21qq（绿泡泡）（把🎈去掉）", "wechat", "kk-8821qq"),
        ("lucky🐼_2030 (wechat) remove the 🐼", "wechat", "lucky_2030"),
    ],
    "cue_after_the_id": [
        ("momo_8812 ✌信", "wechat", "momo_8812"),
        ("qiqi2299 ✌️信 随时在", "wechat", "qiqi2299"),
        ("happy-7320 ← 薇", "wechat", "happy-7320"),
        ("abao58201（绿泡泡）", "wechat", "abao58201"),
    ],
    "vanity_number": [
        ("call +1 (305) CASH-NOW", "phone", "+13052274669"),
        ("order at 1-800-FLOWERS", "phone", "+18003569377"),
        ("text +1 415 GET-LOAN", "phone", "+14154385626"),
    ],
    "zalo_number": [
        ("Zalo: 0912 345 678", "phone", "+84912345678"),
        ("kết bạn zalo 0988.123.456", "phone", "+84988123456"),
        ("ZL 0365123456 tư vấn", "phone", "+84365123456"),
        ("zalo +84 912 345 678", "phone", "+84912345678"),
    ],
    "whatsapp_country_code_numerals": [
        ("WhatsApp：+六五 九一二三四五六七", "whatsapp", "+6591234567"),
        ("WA：+捌伍贰 玖捌柒陆伍肆叁贰", "whatsapp", "+85298765432"),
        ("瓦茨艾普 +六〇 一二三四五六七八九", "whatsapp", "+60123456789"),
        ("瓦茨艾普: 00852 6 837 2183", "whatsapp", "+85268372183"),
        ("WhatsApp 0044 7911 123456", "whatsapp", "+447911123456"),
    ],
    "id_split_over_name_and_bio": [
        ("昵称：coco\n简介：vip2288（昵称+简介=微信）", "wechat", "cocovip2288"),
        ("名字：mei-\n签名：后半段tian606，连起来是薇信", "wechat", "mei-tian606"),
        ("name: kiki_\nbio: ...9021 (name + bio = my wechat)", "wechat", "kiki_9021"),
        (
            "display name: night\nabout: owl_77 (put the two together for my telegram)",
            "telegram",
            "nightowl_77",
        ),
    ],
    "mobile_groups_joined_by_bullet": [
        ("电话 壹叁捌•壹贰叁肆•伍陆柒捌", "phone", "13812345678"),
        ("手机 159・8877・6655", "phone", "15988776655"),
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
        # an id cut by an emoji and no instruction: never the tail alone (``ia41838``)
        "tian-j🌸ia41838 是我的威",
        "star_mi🍓mi10470 ← 薇",
        # a drop instruction about a symbol that stands in no id
        "今天好开心🌸（去掉🌸也行）",
        # keypad-like capitals that are no vanity number: no country code, lower case, too
        # few or too many keys, too few letters
        "flight 1 ABC 1234 boarding",
        "call +1 (702) hot-date",
        "order 1-800-ABC123",
        "ref 1-212-5551234A",
        # Zalo without a Vietnamese number; a number without the Zalo cue
        "Zalo: 12345 coins",
        "the price is 0936 247 901",
        "zalo 0936 247 90",
        # a name and a bio with no word to join them, or no messenger named
        "name: Anna\nbio: coffee lover 2024",
        "昵称：小雨\n简介：ab12 欢迎关注",
        "name: ann\nbio: a88 (name + this = my cat)",
        # a plus before numerals that no phone number follows; bullets in prices
        "比分 +三 五六七八九十",
        "价格 1•2•3 元",
    ],
)
def test_shapes_left_alone(scanner: Scanner, text: str) -> None:
    assert_no_handle_and_allowed(scanner, text)


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("hot girls tonight, call +1 (212) WIN-CASH", "handle.sexual_services"),
        ("Zalo: 0912 345 678 nudes for sale", "handle.sexual_services"),
        ("double your bitcoin in 24h, WhatsApp +447911123456", "handle.scam"),
        ("buy verified bank accounts — WhatsApp +6591234567", "handle.scam"),
        ("recover your lost crypto, pay after. WhatsApp +447911123456", "handle.scam"),
        ("mature content, discreet meets, telegram: night_owl77", "handle.sexual_services"),
        ("三天翻倍，稳赚不赔 vx：money_7788", "handle.scam"),
    ],
)
def test_harmful_wording_beside_a_number_goes_to_review(
    scanner: Scanner, text: str, rule: str
) -> None:
    result = scanner.scan(Item(id="x", text=text, surface="post"))
    assert result.verdict == "review", result.to_dict()
    assert rule in [v.rule for v in result.violations]
