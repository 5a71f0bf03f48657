"""Red team 6's glyph and numeral families, each on its own wording and on forms beyond the
suite's (other ring and ball glyphs, every place-value form): found and acted on with no other
host, and the wrong hosts the same texts used to give (``0.0.0.59``, ``golf.com``,
``seventy-seven.net``, ``tfreesports.com``) gone.
"""

from __future__ import annotations

import pytest

from bastion import Item, Scanner
from bastion.extract import has_candidates
from bastion.normalize import unmask
from bastion.normalize.tables import DIGIT_WORDS

_DIGITS = {w: str(i) for i, w in enumerate(DIGIT_WORDS)}


def scanned(scanner: Scanner, text: str) -> tuple[list[str], str]:
    result = scanner.scan(Item(id="rt6", text=text, surface="post"))
    hosts = [e.registrable_domain or e.host for e in result.entities if e.host]
    return hosts, result.verdict


@pytest.mark.parametrize(
    ("text", "host"),
    [
        # ring, circled and Braille dots
        ("Join now at gate777⦿com and get 100 free spins", "gate777.com"),
        ("最新地址：ibet789⨀com，收藏不迷路", "ibet789.com"),
        ("hot videos every night -> 22bet⊙com", "22bet.com"),
        ("想看的都在bulldog777⸰com，懂的来", "bulldog777.com"),
        ("new link: dafabet⠂com", "dafabet.com"),
        ("官网 188bet⦾com 注册就送88元", "188bet.com"),
        ("官网ᵍʳ⁸⁸⊙ᶜᵒᵐ 注册就送", "gr88.com"),
        # a ball or a homophone of 点 between spaced letters, the other gaps alike
        ("claim your bonus today g a t e 7 7 7 ◉ c o m", "gate777.com"),
        ("最新地址：i b e t 7 8 9 ● c o m，收藏不迷路", "ibet789.com"),
        ("官网ｄ ａ ｆ ａ ｂ ｅ ｔ 碘 ｃ ｏ ｍ 注册就送88元", "dafabet.com"),
        ("1🎰8🎰8🎰b🎰e🎰t ⚪ c🎰o🎰m", "188bet.com"),
        ("最新地址：g🎰r🎰8🎰8 ● c🎰o🎰m", "gr88.com"),
        ("go 2🔥2🔥b🔥e🔥t 🟢 c🔥o🔥m", "22bet.com"),
        # Chinese numerals with their places, colloquial ones, financial ones before a ball
        ("官网bulldog七百七十七点com（数字写阿拉伯数字）", "bulldog777.com"),
        ("最新地址：ibet七百八十九點com", "ibet789.com"),
        ("官网bet九十点com 注册就送88元", "bet90.com"),
        ("老铁们，一百八十八bet点com 今晚开奖", "188bet.com"),
        ("官网一八八bet点com", "188bet.com"),
        ("想看的都在俩俩bet点com，懂的来", "22bet.com"),
        ("官网gate柒柒柒🟢com 注册就送88元", "gate777.com"),
        ("想看的都在ｇ ａ ｔ ｅ 柒 柒 柒 點 ｃ ｏ ｍ，懂的来", "gate777.com"),
        ("ibet柒捌玖⚫com 首充百分百返还", "ibet789.com"),
        # English numbers said with their places
        (
            "bulldog seven hundred seventy-seven dot com (the number in digits, no spaces)",
            "bulldog777.com",
        ),
        ("bet ninety dot com (no spaces)", "bet90.com"),
        ("one hundred and eighty-eight bet dot com (no spaces)", "188bet.com"),
        ("twenty-two bet dot com (no spaces)", "22bet.com"),
        # NATO spelling with a dot glyph before the TLD
        ("首字母拼：golf alfa tango echo seven seven seven 点 com", "gate777.com"),
        ("spell it: delta alfa foxtrot alfa bravo echo tango ● com", "dafabet.com"),
        # an at sign written as an enclosed or bracketed a
        ("客服邮箱 service🅐gate777․com", "gate777.com"),
        ("客服邮箱 kefu(a)ibet789 点 com", "ibet789.com"),
        ("email: vipⓐdafabet.com", "dafabet.com"),
        ("support[a]188bet⚫com", "188bet.com"),
        # a letter blocked out or hidden by an emoji: every filling is tried
        ("官网b░tfreesports.com 注册就送88元 懂的补全", "betfreesports.com"),
        ("想看的都在bulld🙈g777.com，懂的来", "bulldog777.com"),
        ("gat▓777.com (guess the letter)", "gate777.com"),
        # three or more symbols taking turns between the letters, the hyphen one of them
        ("想看的都在g^a+t-e^7+7-7 点 c^o^m，懂的来", "gate777.com"),
        ("官网d~a-f|a~b-e|t 点 c~o~m", "dafabet.com"),
    ],
)
def test_the_host_is_found_and_acted_on(scanner: Scanner, text: str, host: str) -> None:
    assert has_candidates(text)
    hosts, verdict = scanned(scanner, text)
    assert hosts == [host]
    assert verdict == "act"


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("server: http://59 ⦿ 53 ⦿ 223 ⦿ 112/ login", "59.53.223.112"),
        ("server: http://103◉218◉231◉25/ login", "103.218.231.25"),
        ("server: http://14 ⚪ 162 ⚪ 169 ⚪ 106/ login", "14.162.169.106"),
        ("节点 49🟢70🟢94🟢107 速连", "49.70.94.107"),
        ("ip 101⊙8⊙4⊙4 ok", "101.8.4.4"),
        ("go 200 ● 6 ● 184 ● 163 now", "200.6.184.163"),
    ],
)
def test_a_dotted_quad_with_ball_dots_is_one_address(
    scanner: Scanner, text: str, address: str
) -> None:
    assert has_candidates(text)
    result = scanner.scan(Item(id="ip", text=text, surface="post"))
    assert [e.host for e in result.entities] == [address]


@pytest.mark.parametrize(
    "text",
    [
        "比分 3 ● 2 ● 1 ● 0",  # one digit each: a list
        "1⚪2⚪3⚪44⚪5",  # five numbers: no address
        "编号 300●20●10●5",  # 300 is no octet
    ],
)
def test_numbers_between_balls_that_are_no_address_stay(text: str) -> None:
    assert "." not in unmask(text).text


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("lucky八十八点com", "lucky88.com"),
        ("dk八百零一点com", "dk801.com"),
        ("hay八千八百二十二点com", "hay8822.com"),
        ("sv十八k點com", "sv18k.com"),
        ("go一百点vip", "go100.vip"),
        ("k八vn六仨点com", "k8vn63.com"),
        ("fun柒零伍🟠com", "fun705.com"),
    ],
)
def test_chinese_place_values_become_digits(text: str, folded: str) -> None:
    assert unmask(text).text == folded


@pytest.mark.parametrize(
    "text",
    ["我们两点com", "等了十几分钟", "三点半 ok", "八八十点com"],
)
def test_chinese_numerals_in_prose_or_out_of_order_stay(text: str) -> None:
    assert not any(c.isdigit() for c in unmask(text).text)


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("bet ninety dot com", "bet nine zero"),
        ("vn three hundred sixty-nine lyds dot com", "vn three six nine lyds"),
        ("go two thousand twenty-four 点 com", "2024"),
        ("win nineteen eighty-four dot net", "win one nine eight four"),
    ],
)
def test_english_place_values_become_digit_words(text: str, read: str) -> None:
    folded = unmask(text).text
    assert read in folded or "".join(_DIGITS.get(w, w) for w in read.split()) in folded


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        ("rajaslot seventy-seven dot net", "seventy-seven.net"),
        ("mature forty-six dot com", "forty-six.com"),
        ("首字母拼：hotel oscar papa alfa 点 com", "alfa.com"),
        ("server: http://59 ⦿ 53 ⦿ 223 ⦿ 112/ login", "0.0.0.59"),
        ("客服邮箱 kefu🅐zzdh808․com", "kefuazzdh808.com"),
        ("官网b░tfreesports.com 注册就送88元", "tfreesports.com"),
        ("想看的都在c^o+m-e^b+e-t 点 x^y^z", "com-ebe-t.xyz"),
    ],
)
def test_the_wrong_hosts_are_gone(scanner: Scanner, text: str, wrong: str) -> None:
    hosts, _ = scanned(scanner, text)
    assert wrong not in hosts


def test_a_fancy_a_without_a_mail_cue_stays_a_letter() -> None:
    assert "@" not in unmask("play b🅐t365.com now").text
    assert "@" in unmask("my email: bob🅐t365.com").text


def test_a_real_hyphen_between_spaced_letters_stays() -> None:
    assert "bet-888.com" in unmask("b e t - 8 8 8 . c o m").text


def test_a_digit_after_hundreds_without_zero_is_unsure(scanner: Scanner) -> None:
    """``八百一`` is 801 read digit by digit and 810 in speech: flagged, a person looks."""
    result = scanner.scan(Item(id="zh", text="官网dk八百一点com", surface="post"))
    assert [e.value for e in result.entities] == ["dk801.com"]
    assert "ambiguous_host" in result.entities[0].flags
