"""Should-review shapes of the sixth red team, written anew: a host spelled with `` dot `` whose
name has a fragment one space before it (``daf awin dot com``: ``dafawin.com`` or ``awin.com``,
a reader cannot tell, so a person reads it; never a confident wrong host), and a symbol the
message says to read as the decimal point.
"""

from __future__ import annotations

import pytest

from bastion import Scanner
from bastion.intel.feeds import import_feeds

LISTED = ("nightspin.net", "bet9win.vip", "luckyshop88.com", "hotcams.tv")


@pytest.fixture(scope="module")
def scanner(tmp_path_factory: pytest.TempPathFactory) -> Scanner:
    home = tmp_path_factory.mktemp("rt6-readings-home")
    feed = tmp_path_factory.mktemp("feeds") / "gambling.txt"
    feed.write_text("\n".join(LISTED) + "\n", encoding="utf-8")
    import_feeds(home, feed, category="gambling", source="test")
    return Scanner.load(home)


def _scan(scanner: Scanner, text: str) -> tuple[str, list[str]]:
    result = scanner.scan({"id": "1", "text": text, "surface": "comment"})
    hosts = [e.registrable_domain or e.value for e in result.entities if e.kind == "domain"]
    return result.verdict, hosts


@pytest.mark.parametrize(
    "text",
    [
        "new link (old one got banned): nig htspin dot net",
        "join tonight at lucky starclub dot org for prizes",
        "only real ones know casi noroyal dot com",
        "promo -> hotbab esnow dot net",
    ],
)
def test_a_fragment_before_a_spelled_host_is_two_readings(scanner: Scanner, text: str) -> None:
    verdict, _ = _scan(scanner, text)
    assert verdict != "allow", text


@pytest.mark.parametrize(
    "text",
    [
        "visit google dot com for more",
        "find us at shop dot com",
        "check out reddit dot com",
        "I love wikipedia dot org",
        "my email is john at gmail dot com",
    ],
)
def test_a_sentence_word_before_a_spelled_host_is_one_reading(scanner: Scanner, text: str) -> None:
    verdict, _ = _scan(scanner, text)
    assert verdict == "allow", text


@pytest.mark.parametrize(
    ("text", "host"),
    [
        ("最新地址：bet9win%vip ，把%替换成小数点", "bet9win.vip"),
        ("新网址 bet9win#vip（#换成句点）", "bet9win.vip"),
    ],
)
def test_a_symbol_said_to_be_the_decimal_point_is_the_dot(
    scanner: Scanner, text: str, host: str
) -> None:
    verdict, hosts = _scan(scanner, text)
    assert (verdict, hosts) == ("act", [host])


@pytest.mark.parametrize(
    ("text", "host"),
    [
        (
            "宝贝名称：耳机\n款式：luckyshop88\n尺寸：com\n说明：款式点尺寸，领优惠",
            "luckyshop88.com",
        ),
        (
            "Item: mug\nStyle: luckyshop88\nFinish: .com\nNote: style + finish = our store",
            "luckyshop88.com",
        ),
        ("商品：T恤\n颜色分类：luckyshop88\n尺码：com\n备注：网址=颜色+尺码", "luckyshop88.com"),
        ("username: hotcams\nbio: the videos are at my username dot tv", "hotcams.tv"),
        ("handle: hotcams\nabout: find me at my handle . tv", "hotcams.tv"),
    ],
)
def test_a_host_in_two_named_fields_is_read(scanner: Scanner, text: str, host: str) -> None:
    assert _scan(scanner, text) == ("act", [host])


@pytest.mark.parametrize(
    "text",
    [
        "Title: phone case\nColour: red\nSize: XL\nNote: colour and size as shown",
        "型号：A12\n规格：com\n详情：见图",
        "username: hotcams\nbio: my site is my username dot zzzz",
    ],
)
def test_fields_no_field_names_together_stay_apart(scanner: Scanner, text: str) -> None:
    verdict, hosts = _scan(scanner, text)
    assert verdict == "allow" and "hotcams.tv" not in hosts, (text, hosts)
