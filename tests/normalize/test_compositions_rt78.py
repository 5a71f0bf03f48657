"""Tricks that each read alone and now read composed (red teams 7 and 8, issue 6): a second
reading of the unmasker's fold, pictured digits inside a styled, art or mirrored word, decoders
a mail reader or browser applies, NATO words in Chinese. Never another host or id."""

from __future__ import annotations

import pytest

from bastion.extract import extract_entities, has_candidates
from bastion.extract.rereading import reread
from bastion.model import WITHHELD_FLAG
from bastion.normalize import unmask


def _values(text: str) -> list[tuple[str, str, bool]]:
    """(kind, value, withheld) of every entity, second readings of the fold included."""
    first = unmask(text, weak=True)
    entities = reread(text, extract_entities(first, prose_like=True), first)
    return [(e.kind, e.value.lower(), WITHHELD_FLAG in e.flags) for e in entities]


READ = [
    # a country named for the TLD after letters another pass folds (second reading of the fold)
    ("ЅvkЈhguk + Russia's country domain", "domain", "svkjhguk.ru"),
    ("ǥfȼʉxnⱥɇꝁ 点 俄罗斯的国家域名", "domain", "gfcuxnaek.ru"),
    ("super🕕🕘 点 德国的国家域名", "domain", "super69.de"),
    ("3) dot the country code of Indonesia  2) hbet  1) s (put the pieces in order)", "domain",
     "shbet.id"),
    # mirror writing with a rare full stop, with Suzhou digits, with plain b/d/p/q when told
    ("🔴直播中｜moɔ።ɒttomoiᴙɒm （镜像字，照镜子读）", "domain", "mariomotta.com"),
    ("详情 moɔ点〢〇〇〢biɘlqqɒ （镜像字，照镜子读） （苏州码子）", "domain", "appleid2002.com"),
    ("老用户都在玩 qiv点〡〡〡um （镜像字，照镜子读） （苏州码子）", "domain", "mu111.vip"),
    # pictured digits inside a styled or art word, or before a rare stop or a bar
    ("install the update now - site: ₱ØrnØⱧĐ⚁⚃.₵Ø₥", "domain", "pornohd24.com"),
    ("parcel on hold - site: ₴⚃hØⱠdł₦₲s.₵Ø₥", "domain", "s4holdings.com"),
    ("老用户都在玩 К🕗VИ点biz", "domain", "k8vn.biz"),
    ("官网：ᖇeᗪ🀎🀎点com （麻将牌是数字）", "domain", "red88.com"),
    ("🔴直播中｜sping〣〦〩᙮club （苏州码子）", "domain", "sping369.club"),
    ("sv〣〨〨|com casino bonus (Suzhou numerals)", "domain", "sv388.com"),
    # decoders
    ("link in bio → =?UTF-8?B?dmlzaXQgdncxMDkuY29t?=", "domain", "vw109.com"),
    ("官网=?UTF-8?Q?=E5=AE=98=E7=BD=91_fashionfarmboy=2Ecom?=", "domain", "fashionfarmboy.com"),
    ("Telegram =?UTF-8?Q?t=2Eme=2Ftianan555?= ✨", "telegram", "tianan555"),
    ("联系电报：t.me/%66%61%5F%73%77%65%65%74%37%39", "telegram", "fa_sweet79"),
    ("足浴会所 hex转文字：70 6c 61 6e 65 74 73 75 7a 79 2e 6f 72 67", "domain", "planetsuzy.org"),
    ("70 65 6e 6e 79 73 67 6f 6f 64 73 2e 74 6f 70（十六进制）", "domain", "pennysgoods.top"),
    # NATO words in Chinese, as the message says
    ("航空字母表，取每个词的首字母：奥斯卡、祖鲁、狐步、印迪亚、诺文伯 .ru", "domain", "ozfin.ru"),
    ("vx 基洛 艾可 狐步 尤尼福姆 _ 艾克斯雷 印迪亚 阿尔法 奥斯卡 1 0 0 7"
     "（北约字母取首字母，数字照抄）", "wechat", "kefu_xiao1007"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "kind", "value"), READ)
def test_composed_tricks_read(text: str, kind: str, value: str) -> None:
    assert has_candidates(text)
    values = _values(text)
    assert (kind, value, False) in values, values


def test_data_uri_page_links_where_it_redirects() -> None:
    text = (
        "18+ only ➡ data:text/html;base64,"
        "PHNjcmlwdD5sb2NhdGlvbj0naHR0cHM6Ly9ob25vdXJhYmxldWQudG9wLyc8L3NjcmlwdD4="
    )
    assert has_candidates(text)
    assert ("url", "https://honourableud.top/", False) in _values(text)


UNTOUCHED = [
    "hex color 70 6c 61 6e 65 74 is nice",  # no dot among the bytes: no host
    "the bytes 70 6c 61 6e 65 74 73 75 7a 79 2e 6f 72 67 again",  # no hint: bytes stay
    "北约峰会：探戈、高尔夫、查理 三人出席",  # NATO words with no first-letter hint
    "=?x-unknown?B?dmlzaXQgdncxMDkuY29t?=",  # a charset no codec knows
    "price €⚀ ok",  # a currency sign beside a die: no styled word
    "see https://x.com/a%20b",  # an escaped blank stays escaped
]


@pytest.mark.parametrize("text", UNTOUCHED)
def test_look_alikes_give_no_new_host(text: str) -> None:
    values = _values(text)
    hosts = [v for k, v, _ in values if k in ("domain", "url")]
    assert all(h in ("https://x.com/a%20b",) for h in hosts), hosts


def test_a_digit_between_pictured_digits_stays_a_digit() -> None:
    """``🕑0🕑🕑`` in an art word: the ``0`` is a digit of the number, not a leet ``o``."""
    text = "|*()r|\\|\\/i|)eos🕑0🕑🕑.com (clock faces = digits)"
    assert ("domain", "pornvideos2022.com", False) in _values(text)


def test_percent_path_keeps_reserved_escapes() -> None:
    assert unmask("t.me/%61%62%20%63").text == "t.me/ab%20c"


def test_fold_is_not_reread_where_the_first_reading_found_a_host() -> None:
    """The fold of a share link holds the plain host: a reader of the fold (``plus`` as a join)
    would make another host of it."""
    text = "site: https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Fwebcamsplus.com%2Fvip"
    hosts = {v for k, v, _ in _values(text) if k == "domain"}
    assert "webcams.com" not in hosts


def test_a_reading_window_past_the_fold_end_is_clamped() -> None:
    assert _values("🎰\u202eni.qgmwjrchvcdulvg\u202c🎰") is not None


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("QQ号 BZS33l70 🌸", "qq", "82533170"),
        ("QQ no.: 47SZSS5S", "qq", "47525555"),
        ("QQ no. 82533170 ✨", "qq", "82533170"),
        ("wechat number: lucky_88", "wechat", "lucky_88"),
        ("电话yī liù sì èr sì liù bā bā èr qī yāo", "phone", "16424688271"),
        ("join call yāo sì yī wǔ èr jiǔ qī liù líng jiǔ jiǔ", "phone", "14152976099"),
        ("QQ èr jiǔ qī yī wǔ liù sān líng 🌸", "qq", "29715630"),
    ],
)
def test_numbers_in_look_alike_letters_and_pinyin(text: str, kind: str, value: str) -> None:
    assert has_candidates(text)
    assert (kind, value, False) in _values(text)


@pytest.mark.parametrize("text", ["QQ no thanks, Base12 later", "QQ: Bob12 is my brother"])
def test_words_after_a_qq_cue_stay_words(text: str) -> None:
    assert not [v for k, v, _ in _values(text) if k == "qq"]


@pytest.mark.parametrize(
    "text", ["老司机都懂，新网址 k🙈live🙈🙈.com（数字私聊问客服）", "new link i🙈bet🙈🙈.com"]
)
def test_fold_is_not_reread_where_the_first_reading_withheld(text: str) -> None:
    """Masked characters no reader can fill: a reading of the fold must not fill them."""
    assert not [v for k, v, withheld in _values(text) if k == "domain" and not withheld]
