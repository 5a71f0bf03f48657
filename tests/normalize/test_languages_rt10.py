"""Digits, letters, dots and TLDs said in other languages (red team 10, ``normalize.said_words``,
``normalize.spoken_tlds``, ``normalize.cues``): read into the host or id they spell, withheld
where unsure, never a wrong host or id; prose with the same words (decimals said with ``쩜``,
``てん``, ``จุด``) stays prose."""

from __future__ import annotations

import pytest

from bastion.extract import extract_entities
from bastion.extract.precheck import has_candidates
from bastion.extract.rereading import reread
from bastion.model import WITHHELD_FLAG
from bastion.normalize import unmask
from bastion.normalize.said_words import fillings, said_words


def _values(text: str) -> list[tuple[str, str, bool]]:
    entities = reread(text, extract_entities(unmask(text, weak=True), prose_like=True))
    return [(e.kind, e.value.lower(), WITHHELD_FLAG in e.flags) for e in entities]


READ = [
    # digit words glued to ASCII: Korean (Sino-Korean and native), katakana, Thai
    ("주소: lucky칠칠칠.net", "domain", "lucky777.net"),
    ("abc공일이.com 으로 오세요", "domain", "abc012.com"),
    ("win여덟여덟.com", "domain", "win88.com"),
    ("今すぐbigwinナナナナ.net へ", "domain", "bigwin77.net"),
    ("abcレイイチ.top", "domain", "abc01.top"),
    ("สมัครเลย megaสามสาม.vip", "domain", "mega33.vip"),
    # spaced European digit words beside their key
    ("Zahlen ausgeschrieben: royal sieben sieben.club", "domain", "royal77.club"),
    ("chiffres en lettres : casino neuf neuf.win", "domain", "casino99.win"),
    ("пиши цифры словами: spin пять пять.net", "domain", "spin55.net"),
    ("numeri in lettere: bet sette sette.com", "domain", "bet77.com"),
    ("números por extenso: sorte oito oito.bet", "domain", "sorte88.bet"),
    # letter names with a key, the dot and TLD said too
    ("英字はカタカナ読み：ケー ワイ ピー . vip", "domain", "kyp.vip"),
    ("英字はカタカナ読み：ジェー ピー ハチ ハチ・ドット・コムから", "domain", "jp88.com"),
    ("알파벳 읽는 소리로: 비 이 티 쩜 컴", "domain", "bet.com"),
    ("숫자는 한글로: spin이이 쩜 넷", "domain", "spin22.net"),
    ("ตัวอักษรอังกฤษตามเสียงอ่าน: บี อี ที 9 ดอท คอม", "domain", "bet9.com"),
    # a TLD said after a foreign dot word, a colloquial dot
    ("สมัครที่ fastwin ดอท คอม", "domain", "fastwin.com"),
    ("регистрация на cashspin точка ком", "domain", "cashspin.com"),
    ("bigslot テン net で遊ぼう", "domain", "bigslot.net"),
    # numbers said digit by digit, ids joined at a dot word, cue words
    (
        "電話番号：イチ・サン・ハチ・ゼロ・ゼロ・イチ・サン・ニ・ヨン・ゴ・ロク",
        "phone",
        "13800132456",
    ),
    ("왓츠앱: + 육 이 팔 일 이 삼 사 오 육 칠 팔 구", "whatsapp", "+628123456789"),
    ("เบอร์โทร หนึ่ง สาม แปด ศูนย์ ศูนย์ หนึ่ง สาม สอง สี่ ห้า หก", "phone", "13800132456"),
    ("ไลน์ไอดี mimi จุด love99", "line", "mimi.love99"),
    ("แอดไลน์มาเลย @sweetie_77", "line", "@sweetie_77"),
    ("連絡はテレで：@night_owl_42", "telegram", "night_owl_42"),
    ("웨이신: ｍｏｏｎ＿ｌｉｇｈｔ９９", "wechat", "moon_light99"),
]


@pytest.mark.parametrize(("text", "kind", "value"), READ)
def test_read(text: str, kind: str, value: str) -> None:
    assert has_candidates(text)
    found = _values(text)
    assert (kind, value, False) in found, found


WITHHELD = [
    # the wrong hosts red team 10 found: the name runs on before the plain-looking host
    ("k huit life.com", "life.com"),
    ("Claim it at lucky acht acht.top", "acht.top"),
    # spelled word by word with no key
    ("ケー ワイ ピー . vip", None),
    # glued to a word of prose: where the name starts is unsure
    ("英字はカタカナ読み：カジノエル イー . com", None),
]


@pytest.mark.parametrize(("text", "plain"), WITHHELD)
def test_withheld(text: str, plain: str | None) -> None:
    found = _values(text)
    assert found, found
    assert all(withheld for _, _, withheld in found), found
    if plain is not None:
        assert all(value != plain or withheld for _, value, withheld in found)


def test_thai_digit_words_never_an_idn() -> None:
    found = _values("ตัวเลขเขียนเป็นคำ: tonggaแปดแปด.com")
    assert ("domain", "tongga88.com", False) in found
    assert not any(value.startswith("xn--") for _, value, _ in found)


def test_line_id_not_cut_at_dot_word() -> None:
    found = _values("แอดไลน์ nana จุด bibi7742")
    assert ("line", "nana.bibi7742", False) in found
    assert ("line", "nana", False) not in found


BENIGN = [
    "평점 4쩜5, 맛집 인정",
    "버전 3 쩜 2 업데이트 했어요",
    "키 백칠십5 쩜 5",
    "視力は1てん5です",
    "ราคา 3 จุด 5 ล้านบาท",
    "닷컴 버블 때 주식 샀다가 망했음",
    "ドットコム・バブルの頃の話",
    "이 사이트 정말 좋아요 오늘 사 일 만에 왔어요",
    "คอมพิวเตอร์ใหม่ ราคาดี",
    "テレビを見た、サンプルも届いた",
    "un site sympa, deux fois par semaine",
]


@pytest.mark.parametrize("text", BENIGN)
def test_benign(text: str) -> None:
    assert [v for v in _values(text) if not v[2]] == []


def test_plain_host_after_prose_digit_word_stays() -> None:
    assert ("domain", "un.org", False) in _values("visitez un.org pour les chiffres")
    assert said_words("visitez un site.com") == []


CONTAINERS = [
    # a cue hashtag then the id as a hashtag
    ("#微信 #sunnyday2024 💋", "wechat", "sunnyday2024"),
    ("#WeChatID: #moonlight_77", "wechat", "moonlight_77"),
    ("一对一带你回本，#加微信：#goldfish_520", "wechat", "goldfish_520"),
    # a messenger deep link names the id
    ("加我：weixin://contacts/profile/lucky_star99", "wechat", "lucky_star99"),
    ("add me weixin://dl/chat?happyfish2020", "wechat", "happyfish2020"),
    # an international number in middle-dot groups
    ("WhatsApp ＋44・79460・12345", "whatsapp", "+447946012345"),
    # the id alone on the line after a quoted question naming the messenger
    ("> 扣扣多少？\n8123456789", "qq", "8123456789"),
    ("> what's your QQ?\n555123456, say hi", "qq", "555123456"),
]


@pytest.mark.parametrize(("text", "kind", "value"), CONTAINERS)
def test_containers(text: str, kind: str, value: str) -> None:
    assert has_candidates(text)
    assert (kind, value, False) in _values(text)


@pytest.mark.parametrize(
    "text",
    [
        "#love #instagood #photooftheday",
        "> did you see the game?\nyes123 it was great",
        "价格 3・5・8 元",
        "weixin://dl/moments",
    ],
)
def test_containers_benign(text: str) -> None:
    assert [v for v in _values(text) if not v[2] and v[0] != "deeplink"] == []


README_ROWS = [
    # the README's unmask-table rows for red team 10, each example as its row says
    ("tf팔팔칠구이.com", "domain", "tf88792.com"),
    ("wハチハチuニ.com", "domain", "w88u2.com"),
    ("tonggaแปดแปด.com", "domain", "tongga88.com"),
    ("lucky acht acht.top (Zahlen auf Deutsch)", "domain", "lucky88.top"),
    ("왓츠앱: + 육 이 팔 일 이 삼 사 오 육 칠 팔 구", "whatsapp", "+628123456789"),
    ("엔 에이 아이 케이 이 티 오 . net (알파벳)", "domain", "naiketo.net"),
    ("エル イー オー ハチ ハチ・ドット・コム（英字はカタカナ読み）", "domain", "leo88.com"),
    ("ซี เอฟ 6 8 ซี แอล ยู บี ดอท คอม (ตัวอักษรอังกฤษ)", "domain", "cf68club.com"),
    ("pussyfestival ดอท คอม", "domain", "pussyfestival.com"),
    ("mvb88 точка ком", "domain", "mvb88.com"),
    ("i9bet24 テン com", "domain", "i9bet24.com"),
    ("แอดไลน์ nana จุด bibi7742", "line", "nana.bibi7742"),
    ("連絡はテレで：@yoyo_pink293", "telegram", "yoyo_pink293"),
    ("웨이신: ｐｉｎｋ＿ｋｉｋｉ８５５６", "wechat", "pink_kiki8556"),
    ("#微信 #cherrybaobao098", "wechat", "cherrybaobao098"),
    ("#WeChatID: #vickylele6138", "wechat", "vickylele6138"),
    ("weixin://dl/chat?yoyohoney0176", "wechat", "yoyohoney0176"),
    ("WhatsApp ＋44・74814・86715", "whatsapp", "+447481486715"),
    ("> 你Q号发我\n6593314617", "qq", "6593314617"),
]


@pytest.mark.parametrize(("text", "kind", "value"), README_ROWS)
def test_readme_rows(text: str, kind: str, value: str) -> None:
    assert (kind, value, False) in _values(text)


def test_two_readings_withheld_and_every_filling_listed() -> None:
    """A Korean 이/오 (E/2, O/5) in a run that says digits too: the first reading is withheld;
    a second reading lists every filling, and only one the intel lists may count."""
    text = "알파벳 읽는 소리로: 피 오 알 엔 오 에이치 디 이 사 쩜 컴"
    first = extract_entities(unmask(text))
    assert first and all(WITHHELD_FLAG in e.flags for e in first)
    [(_, _, hosts)] = fillings(text)
    assert "pornohd24.com" in hosts and "pornohde4.com" in hosts and len(hosts) == 8
    assert fillings("알파벳 읽는 소리로: 엔 에이 아이 케이 이 티 오 . net") == []
