"""More disguised messenger cues and phone forms, by family, through ``Scanner.scan``.

The same checks as ``test_handle_families``: each example gives exactly its entity on every
surface, and the negatives are prose that shares the words (numbers said in English, the green
of a plant, a ball game) and must give none.
"""

from __future__ import annotations

import pytest

from bastion import Item, Scanner
from tests.extract.conftest import assert_handle_on_every_surface, default_scanner

FAMILIES: dict[str, list[tuple[str, str, str]]] = {
    "wechat_nicknames": [
        ("小绿泡泡：starkay8624", "wechat", "starkay8624"),
        ("绿泡泡 aojin872", "wechat", "aojin872"),
        ("绿🫧：aojin872", "wechat", "aojin872"),
        ("绿色软件：faan7971", "wechat", "faan7971"),
        ("绿色聊天软件：lusean7257", "wechat", "lusean7257"),
        ("🟢泡泡：haoyss5219", "wechat", "haoyss5219"),
        ("绿色APP：haoyss5219", "wechat", "haoyss5219"),
        ("V泡泡：haoyss5219", "wechat", "haoyss5219"),
        ("my green chat app: roluna_3304", "wechat", "roluna_3304"),
        ("add me on the green app roluna_3304", "wechat", "roluna_3304"),
    ],
    "cue_lookalikes": [
        ("VV: xinli3332", "wechat", "xinli3332"),
        ("ᐯ᙭: limikk8696", "wechat", "limikk8696"),
        ("wech@t: kklongfa3863", "wechat", "kklongfa3863"),
        ("Ꮃechat: staran4017", "wechat", "staran4017"),
    ],
    "cue_misspelt_or_other_script": [
        ("扣Q 5351722", "qq", "5351722"),
        ("球球：4883214632", "qq", "4883214632"),
        ("秋秋 6829611235", "qq", "6829611235"),
        ("Telegrm: miro_5887", "telegram", "miro_5887"),
        ("tlgrm: miro_5887", "telegram", "miro_5887"),
        ("wasap: +60170786031", "whatsapp", "+60170786031"),
        ("واتساب +60170786031", "whatsapp", "+60170786031"),
        ("ライン: abc_1234", "line", "abc_1234"),
        ("电报id：naluse_2796", "telegram", "naluse_2796"),
        ("飞机号：naluse_2796", "telegram", "naluse_2796"),
        ("watsap: +60170786031", "whatsapp", "+60170786031"),
        ("賴 id starhao_4617", "line", "starhao_4617"),
        ("ไลน์: joxige_1015", "line", "joxige_1015"),
        ("L I N E : geao2039", "line", "geao2039"),
    ],
    "phone_groups_joined_by_symbols": [
        ("电话 13️⃣6❤️8二八5❤️6️⃣38六", "phone", "13682856386"),
        ("☎️ 一三九➖2二一二➖7️⃣2４1", "phone", "13922127241"),
        ("手机号 158💋8871💋二9一4", "phone", "15888712914"),
        ("call 13️⃣8→８8四零→59️⃣56️⃣", "phone", "13888405956"),
        ("微信手机同号：186*2814*8559", "phone", "18628148559"),
        ("151~01三9~一527", "phone", "15101391527"),
        ("1381*234*5678", "phone", "13812345678"),
    ],
    "phone_letters_for_digits": [
        ("微信同号：l39-3Bl6-94Bl", "phone", "13938169481"),
        ("联系：15Ol0O42B93", "phone", "15010042893"),
        ("tel：15o9674lIZ1", "phone", "15096741121"),
        ("电话：l7743IZ3l49", "phone", "17743123149"),
        ("微信同号：1SO l581 Z714", "phone", "15015812714"),
        ("whatsapp: l39-3Bl6-94Bl", "whatsapp", "13938169481"),
    ],
    "phone_read_aloud_in_english": [
        ("call me one three double six seven five eight five oh two two", "phone", "13667585022"),
        (
            "text me on one five oh eight seven nine seven four three eight one",
            "phone",
            "15087974381",
        ),
        (
            "whatsapp me plus six zero one seven four zero eight one four two seven",
            "phone",
            "+60174081427",
        ),
        ("call me one 3 eight 1 two 3 4 five 6 7 8", "phone", "13812345678"),
        ("call one five o eight seven nine seven four three eight one", "phone", "15087974381"),
        (
            "my number is one three eight, triple one, two two three four five",
            "phone",
            "13811122345",
        ),
    ],
    "cue_after_id_in_words": [
        ("longse2494 <- that's my telegram", "telegram", "longse2494"),
        ("libaokk8058 <- that's my 微信", "wechat", "libaokk8058"),
        ("xinzz4919 is what you search for on 微信", "wechat", "xinzz4919"),
        ("find me: ywin7643 (over on WeChat)", "wechat", "ywin7643"),
        ("find me: ywin7643 (over on line)", "line", "ywin7643"),
        ("搜索kaya3861，是我的微信号", "wechat", "kaya3861"),
    ],
    "spaced_id_with_numeral_digits": [
        ("微❤信：m*i*j*i*n*l*o*n*g*_*柒零二玖（去掉星号）", "wechat", "mijinlong_7029"),
        ("薇❤：k*a*n*a*j*o*6贰0（去掉星号）", "wechat", "kanajo620"),
        ("wei xin：k·a·f·a·h·a·o·九07八（连起来）", "wechat", "kafahao9078"),
        ("V亻言：y y a 九陆九伍（去掉空格）", "wechat", "yya9695"),
        ("vx：x❤i❤n❤x❤i❤n❤_❤93九三（连起来）", "wechat", "xinxin_9393"),
    ],
    "id_digits_said": [
        ("wechat: mohao one six seven seven (one word)", "wechat", "mohao1677"),
        ("wechat: bofa five eight five six", "wechat", "bofa5856"),
        ("薇：tianmi陆七三一（数字写阿拉伯数字）", "wechat", "tianmi6731"),
        ("薇：cky二伍九捌", "wechat", "cky2598"),
    ],
    "id_in_two_parts": [
        ("扣扣前几位是454，后面是6036", "qq", "4546036"),
        ("QQ前四位是4126，后几位是8269", "qq", "41268269"),
        ("wechat id starts with mei and ends with tianjin_4205", "wechat", "meitianjin_4205"),
        ("wechat id starts with tianhao9 and ends with 198", "wechat", "tianhao9198"),
        ("QQ前半段4126，后半段8269", "qq", "41268269"),
        ("wechat first part mei, second part tianjin_4205", "wechat", "meitianjin_4205"),
    ],
    "cue_glued_to_id": [
        ("兼职日结 q2659312", "qq", "2659312"),
        ("同城上门丨扣9410010", "qq", "9410010"),
        ("casino agent|扣7761693", "qq", "7761693"),
        ("网赌回血✨vx_robao8824", "wechat", "robao8824"),
        ("百家乐代理 wx-micaida_2568", "wechat", "micaida_2568"),
        ("百家乐代理|加Vcaizzka_6084", "wechat", "caizzka_6084"),
        ("兼职日结|tg_rolong_9350", "telegram", "rolong_9350"),
    ],
}
CASES = [(family, *case) for family, cases in FAMILIES.items() for case in cases]
NEGATIVES = [
    "绿色软件 2024 年度评选",
    "小绿泡泡真可爱 哈哈哈",
    "the green app icon is 12345 px wide",
    "球球 12 岁了，秋秋 2024 年生",
    "踢球球 10000 次",
    "VV 2024 巡演",
    "deadline 2024 line",
    "L I N E up at 10:30",
    "I have three kids, one or two dogs and five cats",
    "one two three four five six seven eight nine ten, here I come",
    "it was one, two, three, four, five, six, seven days",
    "call me at one or two, phone 12 OK",
    "电话 lOOSBIlZ 再说",
    "比分 135*20*10，第 2024*1234*5678 号",
    "version 1.38.2014-5678",
    "坐飞机 ZH955T飞机 is my flight",
    "B737MAX <- that's my plane, not a telegram",
    "微信：好的一二三 走起",
    "wechat: one two three four",
    "电话前几位是138，后面忘了",
    "the show starts with 3 and ends with 5",
    "每月扣500000，扣100000元",
    "tg_channel, vx_group",
    "@vx_lucky8899 你好",
    "Vicky1995 今天很开心",
    "型号Q195000 现货",
    "O say can you see, one two three four five six seven eight nine",
    "第一部分是前半段，后半段是总结",
    "2*3*4 = 24，1 2 3 4 5 six",
    "someone 3 eight 1 two 3 4 five 6 7 8 9 0 1",
]


@pytest.fixture(scope="module")
def scanner() -> Scanner:
    return default_scanner()


@pytest.mark.parametrize(("family", "text", "kind", "value"), CASES)
def test_family_gives_the_entity_on_every_surface(
    scanner: Scanner, family: str, text: str, kind: str, value: str
) -> None:
    assert_handle_on_every_surface(scanner, family, text, kind, value)


@pytest.mark.parametrize("text", NEGATIVES)
def test_prose_sharing_the_words_has_no_handle_or_phone(scanner: Scanner, text: str) -> None:
    assert scanner.scan(Item(id="x", text=text, surface="comment")).entities == []
