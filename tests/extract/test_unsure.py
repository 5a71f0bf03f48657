"""Readings that are only a piece, a placeholder or the ciphertext of a value (red team 9):
withheld and sent to review, never reported; the plain forms beside them still read."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bastion import Item, Scanner
from bastion.extract import unsure
from bastion.model import WITHHELD_RULE
from bastion.normalize.decode_hints import HINT, HINT_FLAGS
from tests.extract.conftest import default_scanner


@pytest.fixture(scope="module")
def scanner() -> Scanner:
    return default_scanner()


def _values(scanner: Scanner, text: str) -> tuple[str, list[str], list[str]]:
    result = scanner.scan(Item(id="x", text=text, surface="chat"))
    return result.verdict, [e.value for e in result.entities], [v.rule for v in result.violations]


def _read_whole(scanner: Scanner, text: str) -> bool:
    """A value read, not withheld, by a pass that changed what is written (a letter form, a
    ligature or the message's own key): not the written piece."""
    result = scanner.scan(Item(id="x", text=text, surface="chat"))
    return any(
        "withheld" not in e.flags and e.value.lower() not in text.lower() for e in result.entities
    )


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        # a glyph standing for a letter, dropped or cut at (operators as letters, counting rods)
        ("WeChat: g∊g∊moo∩26", "ggmoo26"),
        ("私人订制上门，VX ros∊g∪ag∪a7468", "rosgaga7468"),
        ("line id dar∣i∩g⸳miaomiao24 💕", "darig"),
        ("Pay at m∊dspx.biz today", "dspx.biz"),
        ("新人福利在印地文数字：r∪zho∪१२३.com", "123.com"),
        ("Claim at oobddj.si⊤∊", "oobddj.si"),
        ("算筹数字：fb𝍧𝍧day.com", "day.com"),
        ("line id miaomiaoॱf∊∣ix074", "miaomiao"),
        # the readable end of a name spelled in words
        (
            "字母按英文读音写的，连起来不加空格：aitch you bee ee tee you bee ee ex dot com",
            "ex.com",
        ),
        ("đăng ký tại hi tám tám vip ba.com", "ba.com"),
        ("Sòng bài: one tám tám.tv", "tám.tv"),
        ("ku bảy bảy bảy bet⸳com nhận code 88k", "bet.com"),
        ("请登录k∊masajaka∪ punkto com领取", "punkto.com"),
        ("vee eight eight ay gee punktur com（连起来不加空格）", "vee88aygee.com"),
        # a placeholder filled in elsewhere
        ("LIVE now: free chips at {site}.com where {site} is w88banh", "site.com"),
        ("free bonus code at XXX.com where XXX is ∣∪⊂k8882", "xxx.com"),
        ("网贷秒批，VX：XXX9302（XXX换成agentguagua）", "XXX9302"),
        ("有意向的VX XXX_miaomiao7367（XXX换成star）", "XXX_miaomiao7367"),
        # masked characters inside an id
        ("包上岸的博彩导师，微信号：felix_**fu953（星号两位私信问）", "felix_"),
        ("escort service, tg: sugarmoo**6 (ask me for the two hidden characters)", "sugarmoo"),
        # a ligature inside an ASCII name, in a text of no language that writes it
        ("💰 polærunity∙top 💰", "polærunity.top"),
        ("请登录emcœngineering∙com领取", "emcœngineering.com"),
        # a legend symbol glued to the value, or one the reading did not apply
        ("🌵=e ⚡=n: ⚡🌵tflixmovi.com_official", "etflixmovi.com"),
        ("看我主页c🐟🌙🐟mec∙fr（🐟=a 🌙=r）", "ca.amec.fr"),
        # the ciphertext read as written beside the instruction to decode it
        ("order at mirror the alphabet, a=z b=y: zzimpmgsx.cba", "azbyzzimpmgsx.cba"),
        ("Telegram @fpifpi,osp,osp312 (typed one key to the right)", "fpifpi"),
        ("free bonus code at printf '%s%s.%s' fb8 8go com", "8go.com"),
        # ASCII mixed in one label with letters of another script (digits said in Thai, Hangul)
        ("เว็บ tonggaแปดแปด.com สมัครเลย", "xn--tongga-n4ta5db92bc.com"),
        ("들어와 bet구구casino.net", "casino.net"),
        # a letter- or digit-shaped symbol no pass reads, inside an ASCII name
        ("官网 b℮t⑧⑧⑧ 点 com 注册", "t888.com"),
        ("register at b∂t888.com today", "t888.com"),
        ("vip bet℮888.com 送彩金", "888.com"),
        ("go7⅋slots.net", "slots.net"),
        # Chinese numerals or a kaomoji glued inside an ASCII name
        ("老虎机爆分 t陆捌bet,org 注册就送", "bet.org"),
        ("installer: porn肆fap(dot)com_setup_v2.5.17.apk", "fap.com"),
        ("官网：dor(ﾉ◕ヮ◕)ﾉet.com （中间两个字母懂的都懂）", "et.com"),
        # readings that are no value: a number read as an address, an ending that is no TLD, a
        # name that is www or a TLD word, a field's label read as the id
        ("安装插件才能观看：http:// ១៣៧ 英文的点 ៧៤", "0.0.0.137"),
        ("hxxp://17⒏25⒋17⒐248/dl", "178254179248"),
        ("hxxp://11⒎8⒍7⒍161/dl", "70.65.43.193"),
        (
            "Bet now：https://l.facebook.com/l.php?u=https%3A%2F%2Fwww.fcb捌%EF%BC%8Evip%2F",
            "www.fcb",
        ),
        ("Casino 🎰 ʄɮ⓼⓼ʋɨռ「。」com (「。」 is the dot)", "com.is"),
        ("(join the four with dots, http:// in front)", "http://in"),
        ('search "taigem🂧🂩" (the cards are digits, ace = 1), the .net one', "the.net"),
        ('search "bong🂩🂩" (the cards are digits, ace = 1), the .cc one', "the.cc"),
        ("hxxp://9⒊9⒈12⒐101/dl", "9391129101"),
        ("Install the codec: ǟǟ⓵⓶⓵⓵⓵「。」top (「。」 is the dot)", "xn--12111-gzba.top.is"),
        # one half of the value, the other given elsewhere
        ("网址前半截看我头像，后半截是 sin 点 net", "sin.net"),
        ("first half of the site is in my profile pic, then iew dot com", "iew.com"),
    ],
)
def test_a_piece_placeholder_or_ciphertext_is_withheld(
    scanner: Scanner, text: str, wrong: str
) -> None:
    """The piece is never reported as sure: the value is withheld (review), or a reader reads
    it whole (the letter forms and keyed codes of ``normalize``, red team 9)."""
    verdict, values, rules = _values(scanner, text)
    assert wrong not in values, (text, values)
    if WITHHELD_RULE in rules:
        assert verdict != "allow", (text, rules)
    else:
        assert values and _read_whole(scanner, text), (text, values, rules)


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("wx：👇\nid_type = wechat\nid = ȶɨǟռʋɨք984", "id_type"),
        ("关注NAME宽带官方微信（WECHAT），参加春节抽奖", "WECHAT"),
        ("wechat: username + display name, joined", "username"),
    ],
)
def test_a_fields_label_is_no_id(scanner: Scanner, text: str, label: str) -> None:
    _, values, _ = _values(scanner, text)
    assert label not in values and label.lower() not in values, (text, values)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("see example.com for details", "example.com"),
        ("I use gmail.com", "gmail.com"),
        ("Thanx u darlin! Take care c u soon.xxx", "soon.xxx"),
        ("Join now at nostrabet⊙com and get 100 free spins", "nostrabet.com"),
        ("**bet365.com** is the one", "bet365.com"),
        ("WeChat: lucky_88", "lucky_88"),
        ("Besøg kærlighed.dk for mere, på dansk og på færøsk", "kærlighed.dk"),
        ("a∩b is the intersection; notes at maths.org", "maths.org"),
        # read by the letter-name reader: a second reading, not the text as written
        ("csgoreactor dot see oh em <- ending spelled letter by letter", ""),
        ("xxx.com", "xxx.com"),
        # one script to a label: an IDN as a registry takes it
        ("ดูหนังโป๊ฟรี.com", "ดูหนังโป๊ฟรี.com"),
        # decoration glued before a name is no letter of it
        ("go to our site—bet888.com", "bet888.com"),
        ("价格199元，官网：“bet888.com”", "bet888.com"),
        ("hi 🎉bet888.com", "bet888.com"),
        ("hi:)bet888.com", "bet888.com"),
        ("visit the.net for news", "the.net"),
        ("http://2130706433/x is loopback", "http://127.0.0.1/x"),
        ("tcp://host/x", "tcp://host/x"),
        ("mirror at http://abcdefghijklmnop.onion/x", "http://abcdefghijklmnop.onion/x"),
        ("see https://www.example.com/", "https://www.example.com/"),
    ],
)
def test_plain_values_beside_them_still_read(scanner: Scanner, text: str, value: str) -> None:
    _, values, rules = _values(scanner, text)
    assert not value or value in values, (text, values, rules)
    assert WITHHELD_RULE not in rules, (text, rules)


_PLAIN_HINT = re.compile(HINT_FLAGS + HINT)
_HINT_PIECES = st.sampled_from(
    ["decode", "DECODE", "Base 64", "rot13", "No Spaces", "say it aloud", "解码", "连起来",
     "(ASCII)码", "XX换成", "**=", "Viết Liền", "SIN ESPACIOS", "СЛИТНО", "붙여서", "繋げて",
     '=concat(', "🍋=f ", "ſpell it out", "\u212aeyboard shift", "İn reverse", "ıN REVERSE",
     "Đọc bằng chữ", "ÀZBUKA", "a.com", "join([", "{x} is"]
)  # fmt: skip
_HINT_CHARS = st.sampled_from([*"deoSPAEx*_=＝ {}[]中解码连字a1.\n", *"ſ\u212aİıΣσς\ud800"])


@settings(max_examples=500, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.lists(st.one_of(_HINT_PIECES, _HINT_CHARS), max_size=12).map("".join))
def test_the_guarded_hint_finds_what_the_hint_finds(text: str) -> None:
    """The look-ahead for the hint's first characters changes no match, case folding included."""
    assert [m.span() for m in unsure._HINT_RE.finditer(text)] == [
        m.span() for m in _PLAIN_HINT.finditer(text)
    ]


_ASCII_ODD = st.sampled_from(
    [*"\x0b\x1c\x1f\t\n\r\f ", "rot\x0b13", "=\x1fconcat(", "$(\x0bprintf"]
)


@settings(max_examples=500, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.lists(st.one_of(_HINT_PIECES, _HINT_CHARS, _ASCII_ODD), max_size=12).map("".join))
def test_the_hint_prefilter_never_hides_a_hint(text: str) -> None:
    """The needed-character search and the RE2 set on ASCII text skip only texts in which the
    hint's ``re`` search finds nothing."""
    assert unsure._may_hold_hint(text) or _PLAIN_HINT.search(text) is None
    assert unsure._may_hold_hint(text) is (_PLAIN_HINT.search(text) is not None) or not (
        text.isascii() and not unsure._ODD_ASCII_SPACE(text)
    )
