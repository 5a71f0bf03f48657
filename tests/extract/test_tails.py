"""Hosts and ids that are only the readable end of a disguised name are withheld (red team 7).

Examples invented beyond the suite: each class has several."""

from __future__ import annotations

import pytest

from bastion.extract import extract_entities
from bastion.normalize import unmask


def _read(text: str) -> list[tuple[str, str, bool]]:
    return [
        (e.kind, e.value, "withheld" in e.flags)
        for e in extract_entities(unmask(text, weak=True), prose_like=True)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "site: 7|<lucky.com",  # |< is k, 7 a digit or a t
    ],
)
def test_tails_and_mixed_names_are_withheld(text: str) -> None:
    found = _read(text)
    assert found and all(withheld for _, _, withheld in found)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("go to |)ream88.net", "dream88.net"),  # |) is d (normalize.letter_styles)
        ("at \\/\\/inbig.com", "winbig.com"),  # \/\/ is w
        ("去 ₴₮₳ke奌com", "stake.com"),  # currency signs drawn for letters
        ("details qot.btꙅʏuᴙ (mirror writing)", "ruystd.top"),
        ("site: ЯДЈДlot77.net", "rajalot77.net"),  # faux Cyrillic mixed with ASCII
        ("site: e77ƴ.com", "e77y.com"),  # a y with a hook
        ("TG：lucky_ᑌᔕdT602", "lucky_usdt602"),  # syllabics
        ("VX：52088-uʏuʏ （镜像字）", "yuyu-88025"),  # mirror writing, as the message says
    ],
)
def test_styled_names_once_tails_are_read_whole(text: str, value: str) -> None:
    assert [value] == [v for _, v, withheld in _read(text) if not withheld]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("官网：bk〨go.com", "bk8go.com"),  # a Suzhou numeral (normalize.digit_forms)
        ("bk🀎vie 奌 com 体育投注", "bk8vie.com"),  # a mahjong tile, then a homophone dot
        ("官网 v酒win奌com （数字谐音）", "v9win.com"),  # 酒 is 9, not the start of a tail
        ("详情 euro尔寺sports点com", "euro24sports.com"),  # 尔寺 is 24
    ],
)
def test_digits_in_disguise_are_read_whole_not_as_a_tail(text: str, value: str) -> None:
    assert _read(text) == [("domain", value, False)]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("WA：② 9  ④ +65954229  ③ 8 （按序号拼起来）", "phone"),  # no piece 1: not read
        ("VX：③ 0066  ② co5  ⑤ co （按序号拼起来）", "wechat"),
    ],
)
def test_ids_cut_or_in_pieces_are_withheld(text: str, kind: str) -> None:
    found = [f for f in _read(text) if f[0] in (kind, "whatsapp")]
    assert found and all(withheld for _, _, withheld in found)


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("WA：② 9  ① +65954229  ③ 8 （按序号拼起来）", "whatsapp", "+6595422998"),
        ("VX：③ 0066  ② co5  ① co （按序号拼起来）", "wechat", "coco50066"),
        ("site: (1) i9b  (3) .com  (2) et23 (put the pieces in order)", "domain", "i9bet23.com"),
        ("官网：(二) ive88  (一) k8l  (三) .com （按序号拼起来）", "domain", "k8live88.com"),
    ],
)
def test_ids_in_numbered_pieces_are_read_in_order(text: str, kind: str, value: str) -> None:
    """bastion.normalize.reading_order joins them; the joined value is no piece."""
    assert (kind, value, False) in _read(text)


@pytest.mark.parametrize(
    "text",
    [
        # ``spell it: b as in boy, e as in egg, t as in tiger, 7, then dot com`` is read whole
        # since red team 7 (``bet7.com``: tests/normalize/test_dots_tlds_rt7.py)
        "w as in wine, i as in ice, n as in nose, and dot net",
        "lol\nthat's all.\nmeet me at the star\n(read the last character of each line)",
        "site: (1) i9b  (3) .com  (4) et23 (put the pieces in order)",  # no piece 2: not read
    ],
)
def test_readings_the_layout_denies_are_withheld(text: str) -> None:
    """Nothing at all is also right; what is read must not be reported as sure."""
    found = [f for f in _read(text) if f[0] == "domain"]
    assert all(withheld for _, _, withheld in found), found


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("访问baidu.com吧", "baidu.com"),
        ("münchen.de and more", "münchen.de"),
        ("see (bet.com) today", "bet.com"),
        ("visit ƀɇŧ88.ƀɇŧ now", "bet88.bet"),
        ("楼主 去 rɇɇlbet.com", "reelbet.com"),
    ],
)
def test_whole_hosts_are_reported(text: str, value: str) -> None:
    assert ("domain", value, False) in _read(text)


@pytest.mark.parametrize(
    ("text", "host"),
    [
        ("官网：https://t.me/share/url?url=https%3A%2F%2Fluckybet.com%2Fi.html", "luckybet.com"),
        ("https://t.me/share?url=https://winbig.top/x", "winbig.top"),
        ("https://telegram.me/share/url?url=https%3A%2F%2Fspin88.vip", "spin88.vip"),
    ],
)
def test_share_intent_links_give_their_target_not_a_handle(text: str, host: str) -> None:
    found = extract_entities(unmask(text, weak=True), prose_like=True)
    assert not any(e.kind == "telegram" for e in found)
    assert any(e.kind == "url" and e.host == host for e in found)


def test_a_number_read_aloud_with_sound_alike_words_is_read_whole() -> None:
    """Once a partial reading (``+4477009``) withheld; the sound-alike reader reads it all."""
    found = [
        (e.value, "withheld" in e.flags)
        for e in extract_entities(
            unmask("WhatsApp plus four four seven seven zero zero nine ate too five", weak=True),
            prose_like=True,
        )
        if e.kind in ("whatsapp", "phone")
    ]
    assert found == [("+4477009825", False)]


def test_numbered_groups_of_a_number_are_read_in_order() -> None:
    found = _read("WA：② 9  ① +65954229  ③ 8 （按序号拼起来）")
    assert found == [("whatsapp", "+6595422998", False)]


def test_a_last_sound_alike_word_before_prose_is_withheld() -> None:
    """``... seven four too  don't miss it``: is ``too`` the last digit? Not for sure."""
    found = _read("WhatsApp me: plus six five ate too nine oh seven four too  don't miss it")
    assert found and all(withheld for _, _, withheld in found)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # once read as +63956790750: the number stopped at ``oh`` (red team 7's wrong id)
        ("WhatsApp plus six three nine five six seven nine oh seven five oh won", "+639567907501"),
        ("WhatsApp me: plus six five ate too nine oh seven four won  don't miss it", "+658290741"),
    ],
)
def test_a_number_that_ends_in_a_sound_alike_word_is_read_whole(text: str, value: str) -> None:
    assert _read(text) == [("whatsapp", value, False)]


@pytest.mark.parametrize(
    "text",
    [
        "WhatsApp +44 7700 900123 for more",
        "WhatsApp plus four four seven seven zero zero nine zero zero one two three for more",
    ],
)
def test_a_whole_number_then_prose_is_reported(text: str) -> None:
    found = extract_entities(unmask(text, weak=True), prose_like=True)
    assert [e.value for e in found if "withheld" not in e.flags] == ["+447700900123"]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("click [bigcartel.com](<https://foxtube.com>) to verify", "https://foxtube.com"),
        ("see (<https://spin88.vip>) now", "https://spin88.vip"),
        ("магазин24.рф", "магазин24.рф"),
        ("ดูคลิป2.com", "ดูคลิป2.com"),
    ],
)
def test_links_with_a_scheme_and_one_script_names_are_not_tails(text: str, value: str) -> None:
    found = _read(text)
    assert any(v == value and not withheld for _, v, withheld in found), found
