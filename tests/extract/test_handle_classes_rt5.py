"""Handle classes of the fifth red team, written anew here (not the generator's templates): an
instruction to reverse between a cue and its id, a profile field after a tagline, a mobile given
part by part, a national number after a phone cue (numerals, brackets, wide gaps, read aloud),
QQ chat links, a lone ``q`` before a number spelled one numeral at a time, a cue word broken by
a space, a WhatsApp link whose number has spaces, and a Chinese contact verb before an id (a
WeChat id by its shape). Each example gives exactly its entity on
every surface; the negatives are the prose shapes that must stay empty.
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
    "reverse_instruction_after_cue": [
        ("加我薇信（反着读）：9921_ognim", "wechat", "mingo_1299"),
        ("QQ，倒过来输入 ：3355187", "qq", "7815533"),
        ("telegram (read it backwards) @ 77_niw_gnik", "telegram", "king_win_77"),
        ("wechat, enter it reversed: 40-iaiam", "wechat", "maiai-04"),
    ],
    "profile_field_after_tagline": [
        ("✨每日好物 简介：飞机在签名\n签名：moon_club8", "telegram", "moon_club8"),
        ("new here | name: green app in bio\nbio: rosie_2026 hi", "wechat", "rosie_2026"),
    ],
    "mobile_in_labelled_parts": [
        ("手机号前3位：158，中间四位 ３３２１，后四位 柒柒零玖", "phone", "15833217709"),
        ("the first three digits 186, middle 4410, last four 2958", "phone", "18644102958"),
        ("号码头三位139 然后2046 尾数8八6六", "phone", "13920468866"),
    ],
    "national_number_after_cue": [
        ("门店座机：（０７５５）８６四二-七七一三", "phone", "+8675586427713"),
        ("热线 021 5481\u30003366 欢迎来电", "phone", "+862154813366"),
        ("ring us on 07812 345678 anytime", "phone", "07812345678"),
        (
            "call me oh seven seven double zero nine double one two three four",
            "phone",
            "07700911234",
        ),
    ],
    "qq_chat_links": [
        ("在线咨询 tencent://Message/?Menu=yes&uin=27118834&Site=", "qq", "27118834"),
        ('<a href="https://wpa.qq.com/msgrd?uin=550011228&v=3">客服</a>', "qq", "550011228"),
        ("mqqapi://card/show_pslcard?src_type=internal&uin=98123456", "qq", "98123456"),
    ],
    "lone_q_spelled_number": [
        ("🎮开黑 Q 3 五 8 九 0 2 七 1", "qq", "35890271"),
        ("扣 ６·零·4·叁·8·8·1", "qq", "6043881"),
        ("代练 q 9-4-四-1-0-7-7-2-8", "qq", "944107728"),
    ],
    "cue_word_broken_by_space": [
        ("TELE GRAM @ vip_room2026", "telegram", "vip_room2026"),
        ("tele-gram: nightowl_77", "telegram", "nightowl_77"),
    ],
    "whatsapp_link_spaced_number": [
        ("wa.me/+44 7911 123456", "whatsapp", "+447911123456"),
        ("https://wa.me/+60 12 345 6789", "whatsapp", "+60123456789"),
    ],
    "contact_verb_before_an_id": [
        ("稳赚不赔 私聊我：money_7788", "wechat", "money_7788"),
        ("想看更多的 戳我 kiki-2025", "wechat", "kiki-2025"),
        ("上岸了，滴滴我 an_an66", "wechat", "an_an66"),
    ],
    "glued_vx_cue_after_jia": [
        # ``加vx_`` is the cue: the id is what follows, not ``x_lucky88``
        ("加vx_lucky88", "wechat", "lucky88"),
        ("加VX-mimi_520", "wechat", "mimi_520"),
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
        # reversing words that are no instruction about an id; a cue with an ordinary word
        "微信倒过来的世界 真好看",
        "wechat backwards compatibility is a pain",
        # part labels without a mobile in them: an ID card, a short code, a price
        "身份证前三位 110，中间 1010，尾号 2020",
        "first three digits 12, last four 3456",
        # a phone cue before a number that is no valid phone, an order number without a cue
        "电话费 0.5 元 一分钟",
        "call 0000 000000 for nothing",
        "订单号 01063905943 已发货",
        "phone me at 5pm, room 0412",
        # spoken digits without a phone cue, a national number read aloud in a story
        "oh seven nine double oh three seven five two oh six",
        # a lone q before a short run, a quarter and a year, a list of scores
        "Q 1 2 3 4",
        "Q3 2026 revenue 4 5 6 7 8 9",
        "扣 5 分",
        # a QQ link without a number, the website of QQ
        "tencent://message/?Menu=yes",
        "https://wpa.qq.com/",
        # a contact verb inside a word or before a group's name; an English verb (no messenger
        # is the default there)
        "我去参加 CS2023 比赛",
        "快来加 lol2026 群",
        "add yuyu_28370",
        # the word telegram broken in prose, a WhatsApp link with no number
        "the tele gram arrived at 5pm",
        "wa.me/ is whatsapp's link domain",
    ],
)
def test_shapes_left_alone(scanner: Scanner, text: str) -> None:
    assert_no_handle_and_allowed(scanner, text)


def test_a_messenger_link_cut_short_gives_way_only_to_its_own_account() -> None:
    """``wa.me/+44`` is dropped for the number read past it; a full link stays a handle."""
    assert kinds_values("wa.me/+44 7911 123456 and wa.me/447700900123") == [
        ("whatsapp", "+447911123456"),
        ("whatsapp", "+447700900123"),
    ]
