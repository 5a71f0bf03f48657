"""Digits in disguise (red team 7's digit forms): pictured, said like a digit, summed, built by
code or laid out, each read where the text makes it safe and otherwise withheld or left alone.

Every example is invented beyond the red-team suite; each class is composed with other tricks
(a spelled or glyph dot, a rare full stop, a cue, a hint, Chinese around it)."""

from __future__ import annotations

import pytest

from bastion.extract import extract_entities
from bastion.extract.precheck import has_candidates
from bastion.normalize import unmask
from bastion.normalize.digit_forms import PICTURED, SOUNDS


def _read(text: str) -> list[tuple[str, str, bool]]:
    return [
        (e.kind, e.value, "withheld" in e.flags)
        for e in extract_entities(unmask(text, weak=True), prose_like=True)
    ]


def _found(text: str, kind: str, value: str) -> bool:
    return has_candidates(text) and (kind, value, False) in _read(text)


def _nothing_reported(text: str) -> bool:
    """No value reported: nothing found, or only withheld values."""
    return all(withheld for _, _, withheld in _read(text))


def test_every_picture_has_one_digit() -> None:
    assert len(PICTURED) == 6 + 9 + 27 + 10
    assert set(PICTURED.values()) == set("0123456789")
    assert set(SOUNDS.values()) == set("0123456789")


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        # dice, clock faces, mahjong tiles (three suits), Suzhou numerals in a host's name
        ("官网 lucky⚄⚅win.net", "domain", "lucky56win.net"),
        ("site: pay⚃8.top (dice = digits)", "domain", "pay48.top"),  # 8: no die has eight
        ("go to fun🕔🕖0.club", "domain", "fun570.club"),  # 0: no clock face for it
        ("老用户都在玩 king🀋🀋点com", "domain", "king55.com"),
        ("官网：ace🀙🀚🀛。vip （麻将牌是数字）", "domain", "ace123.vip"),
        ("try jet〥〦〇.win (Suzhou numerals)", "domain", "jet560.win"),
        ("欢迎 mo〨〨𐄁xyz", "domain", "mo88.xyz"),  # and a rare dot glyph
        # addresses: every dot form between the numbers of a disguised address is a dot
        ("update at ⚀⚁⚂.⚃⚄.⚀⚅.⚁", "ip", "123.45.16.2"),
        ("下载 〡〨〦奌〡〢〣㸃〤〥᙮〦 （苏州码子）", "ip", "186.123.45.6"),
        ("get it: 🀈🀊:🀋🀇'🀏🀎`🀇0🀉 (the tiles are digits)", "ip", "24.51.98.103"),
        ("官网 尔依伞点寺舞点溜漆点巴酒 （数字谐音）", "ip", "213.45.67.89"),
        # numbers after a cue
        ("加QQ 🀉🀉🀊🀇🀇🀏🀉🀍🀇🀌", "qq", "3341193716"),
        ("扣扣：〤〡〢〧〇〥〥〇〣", "qq", "412705503"),
        ("联系电话 〡〣〨〧〣〡〥〧〢〇〤 速来", "phone", "13873157204"),
        ("call 🕐🕘🕕🕖🕕🕓🕘0🕕🕗🕑", "phone", "19676490682"),
        ("WhatsApp +⚅⚄89⚂87⚄⚀8", "whatsapp", "+6589387518"),
    ],
)
def test_pictured_digits(text: str, kind: str, value: str) -> None:
    assert _found(text, kind, value)


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("老用户都在玩 win伞依伞.com （数字谐音）", "domain", "win313.com"),
        ("官网：go巴巴酒点net", "domain", "go889.net"),  # two or more: no hint needed
        ("去 f巴bet点com", "domain", "f8bet.com"),  # inside the name
        ("电话：依伞舞酒巴舞巴巴依灵溜 （数字谐音）", "phone", "13598588106"),
        ("加QQ 伞漆巴寺酒巴尔漆酒漆", "qq", "3784982797"),
        ("WA：+溜舞巴巴灵寺伞灵伞灵 （数字谐音）", "whatsapp", "+6588043030"),
        ("微信 kitty_巴尔溜灵依", "wechat", "kitty_82601"),
    ],
)
def test_sound_alike_digits(text: str, kind: str, value: str) -> None:
    assert _found(text, kind, value)


@pytest.mark.parametrize(
    "text",
    [
        "今天好开心，吃了巴巴酒家的饭",  # 巴 酒 as words
        "我们去舞厅吧，依依不舍",
        "这个山寺灵验，溜达一圈",
        "酒吧.com 这种域名",  # glued to Chinese before: 酒吧 is a bar
        "依依点尔尔点伞伞点寺寺",  # an address of sound-alikes only with a hint
        "ok吧.com",  # one sound-alike at the end of a name, no hint
    ],
)
def test_sound_alikes_in_words_are_left_alone(text: str) -> None:
    assert not any(kind in ("domain", "ip", "url") for kind, _, _ in _read(text))


@pytest.mark.parametrize(
    "text",
    [
        "site: b3🕗🕗.com",  # 3 has a clock face: a digit, or a leet e?
        "43🕗🕗🕗🕒🕘.com",  # no letter, but a host name: the same
        "官网：᙭🀇🀍🀏🀎点com （麻将牌是数字）",  # a syllabics letter glued before
        "go 🕚🕚bet.vip (clock faces = digits)",  # eleven o'clock: 1 or 11?
        "go |\\|🀇🀈.net",  # ASCII art beside the tiles
    ],
)
def test_unsure_pictures_are_withheld(text: str) -> None:
    assert _nothing_reported(text)


def test_a_die_with_one_pip_between_name_and_tld_is_still_a_dot() -> None:
    assert ("domain", "bet.com", False) in _read("官网 bet⚀com")
    assert ("domain", "bet1.com", False) in _read("官网 bet⚀.com")


@pytest.mark.parametrize(
    "text",
    [
        "今晚打麻将 🀇🀈🀉 🀄 胡了",
        "rolled ⚅⚅ lol 🎲",
        "⏰🕖 don't be late",
        "摸到🀏🀏🀏 杠上开花",
        "价格 〥〦元",
    ],
)
def test_benign_pictures_find_nothing(text: str) -> None:
    """Nothing but a guess kept only when the intel lists it (``rolled ⚅⚅ lol``: two
    pictographs as a dot, as before this reader)."""
    found = extract_entities(unmask(text, weak=True), prose_like=True)
    assert all("prose_like" in e.flags for e in found)


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("IP (100+92).(160+8).(1+0).(20+30)", "ip", "192.168.1.50"),
        ("call 131 (4087+4730) 0489 (do the sums)", "phone", "13188170489"),
        ("电话：157 (5878+1242) 9255", "phone", "15771209255"),
        ("手机 159 0044 (7033+7) （括号里算一下）", "phone", "15900447040"),
    ],
)
def test_sums_in_addresses_and_numbers(text: str, kind: str, value: str) -> None:
    assert _found(text, kind, value)


def test_a_sum_read_as_its_first_number_is_gone() -> None:
    """The last of four glued sums was once left as written and read as its first number."""
    found = _read("(19+16).(176+9).(123+59).(31+131)")
    assert found == [("ip", "35.185.182.162", False)]


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("at {{ ['golden','vip']|join('.') }}", "domain", "golden.vip"),
        ('官网：String.join(".", "mega88", "net")', "domain", "mega88.net"),
        ("details CONCAT('lucky7', '.', 'club')", "domain", "lucky7.club"),
        ('go "bet"+"888"+".com" now', "domain", "bet888.com"),
        ("site: ['win'+(50+5),'top'].join('.') (do the sums)", "domain", "win55.top"),
        ("['i'+'9'+'bet'+(65+16),'com'].join('.')", "domain", "i9bet81.com"),
        ("implode('.', ['kk'+(4+4)+'vn', 'net'])", "domain", "kk8vn.net"),
        ('tg: "_".join(["moon", "cake"+(40+48)])', "telegram", "moon_cake88"),
    ],
)
def test_code_joins(text: str, kind: str, value: str) -> None:
    assert _found(text, kind, value)


def test_code_that_is_not_a_join_of_literals_is_left_alone() -> None:
    assert _read("x = ['a', name].join('.') and y = 'a' + b") == []


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("sugar baby wanted - WhatsApp me: plus six oh won seven too ate five oh five four ate",
         "whatsapp", "+60172850548"),
        ("WhatsApp plus six five eight nine six for three won oh won", "whatsapp", "+6589643101"),
    ],
)  # fmt: skip
def test_numbers_read_aloud_with_sound_alike_words(text: str, kind: str, value: str) -> None:
    assert _read(text) == [(kind, value, False)]


def test_sound_alike_words_without_a_cue_are_words() -> None:
    assert _read("plus one for the team, too good to be true, ate won for sure") == []


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("联系电话 \n1\n  3\n    7\n      2\n        1\n          2\n            0\n"
         "              4\n                0\n                  8\n                    0",
         "phone", "13721204080"),
        ("text me on\n1\n5\n9\n3\n6\n6\n8\n4\n6\n6\n8 thanks", "phone", "15936684668"),
        ("WA：① +63918132  ③ 5  ② 327 （按序号拼起来）", "whatsapp", "+639181323275"),
        ("WhatsApp me: (1) +  (3) 9600775452  (2) 63 (put the pieces in order)",
         "whatsapp", "+639600775452"),
        ("QQ：#2 0580  #1 1716  #3 34 (put the pieces in order)", "qq", "1716058034"),
        ("WA：② 🕕🕘  ① +🕓🕓7  ③ 🕔🕕🕐🕑🕓🕔 （按序号拼起来）", "whatsapp", "+44769561245"),
    ],
)  # fmt: skip
def test_cued_numbers_laid_out(text: str, kind: str, value: str) -> None:
    assert _found(text, kind, value)


@pytest.mark.parametrize(
    "text",
    [
        "WA：① +63918132  ③ 5 （按序号拼起来）",  # piece two is missing
        "WA：① +639181  ① 32  ② 75 （按序号拼起来）",  # label one twice
    ],
)
def test_numbered_groups_need_every_label_once_and_the_hint(text: str) -> None:
    found = extract_entities(unmask(text, weak=True), prose_like=True)
    assert not any("layout" in e.flags for e in found)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("官网\nk\n巴\nl\ni\nv\ne\n.\nc\no\nm\n（数字谐音）", "k8live.com"),
        ("官网\nw\n⚃\nw\ni\nn\n.\nt\no\np", "w4win.top"),
        ("site\nb\n🀎\n🀎\n.\nv\ni\np", "b88.vip"),
    ],
)
def test_digits_down_a_column_are_read_for_the_layout_reader(text: str, value: str) -> None:
    assert ("domain", value, False) in _read(text)


def test_a_sound_alike_alone_on_a_line_is_a_word_without_the_hint() -> None:
    assert not any(v.startswith("k8") for _, v, _ in _read("官网\nk\n巴\nl\ni\nv\ne\n.\nc\no\nm"))


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("加我私人 QQ号 𝟓-7-𝟔-１-零-０-０-𝟘-1-𝟞", "qq", "5761000016"),
        ("下单 q ⑥-9-⑦-⑦-９-叁-陆-1-5", "qq", "697793615"),
    ],
)
def test_a_joiner_before_a_chinese_numeral_does_not_cut_the_id(
    text: str, kind: str, value: str
) -> None:
    """``5-7-6-1-`` before ``零`` is no id cut short: the numeral pass reads ``零``."""
    assert (kind, value, False) in _read(text)


@pytest.mark.parametrize(
    "text",
    ["去 ⱥⱥ依尔依依依.top （数字谐音）"],
)
def test_sound_alikes_after_letters_of_another_script_are_withheld(text: str) -> None:
    assert _nothing_reported(text)


def test_a_list_of_numbers_is_no_address() -> None:
    """Nine numbers with dots between (a QQ number spaced out) once gave the address 2.3.0.8."""
    assert _read("约QQ号 𝟐·𝟛·〇·⑧·四·壹·④·伍·𝟝") == [("qq", "230841455", False)]
    assert not any(k == "ip" for k, _, _ in _read("号码 ⚁·⚂·⚃·⚄·⚅·⚀"))
