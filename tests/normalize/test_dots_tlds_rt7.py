"""Dots and TLD forms of red team 7, each class on its own and composed with older tricks
(full-width letters, invisible characters, markup, capitals, layouts): full stops of other
scripts, variant forms of 点, ASCII punctuation for the dot, TLDs given as a country or
respelled, and letters spelled "as in" a word. Hosts of the sinfonietta gambling list: found
and acted on, no other host; prose holding the same marks gives no host."""

from __future__ import annotations

import pytest

from bastion import Item, Scanner
from bastion.extract import has_candidates
from bastion.normalize import as_in, country_tlds, spoken_tlds, unmask


def scanned(scanner: Scanner, text: str) -> tuple[list[str], str]:
    result = scanner.scan(Item(id="rt7", text=text, surface="post"))
    hosts = [e.registrable_domain or e.host for e in result.entities if e.host]
    return hosts, result.verdict


@pytest.mark.parametrize(
    ("text", "host"),
    [
        # full stops of other scripts (Ethiopic, Mongolian, syllabics, Khmer, Tifinagh, Vai, Lisu,
        # Devanagari danda, Tibetan shad)
        ("官网 gate777።com 注册送彩金", "gate777.com"),
        ("free spins at ibet789᠃com tonight", "ibet789.com"),
        ("marsbet400᙮com", "marsbet400.com"),
        ("百家乐 klik4d៕top", "klik4d.top"),
        ("leonbets⵰net 老虎机", "leonbets.net"),
        ("nikebet꘎net", "nikebet.net"),
        ("topwin꓿cc 首充", "topwin.cc"),
        ("csgopot।win", "csgopot.win"),
        ("jagobetting།org", "jagobetting.org"),
        ("casinoonline88 ។ vip", "casinoonline88.vip"),
        # ... composed: full-width letters, a zero-width space, markup, capitals
        ("官网 ｇａｔｅ７７７።ｃｏｍ", "gate777.com"),
        ("ibet\u200b789᠃com", "ibet789.com"),
        ("<b>marsbet400</b>᙮com", "marsbet400.com"),
        ("KLIK4D៕TOP", "klik4d.top"),
        # variant forms of 点 and rare characters read dian
        ("最新地址：gate777㸃com，收藏不迷路", "gate777.com"),
        ("ibet789 㸃 com 首充", "ibet789.com"),
        ("marsbet400奌com", "marsbet400.com"),
        ("klik4d 婰 top", "klik4d.top"),
        ("ｌｅｏｎｂｅｔｓ㸃ｎｅｔ", "leonbets.net"),
        # ASCII punctuation for the dot, kept for a listed host
        ("casino bonus at gate777;com", "gate777.com"),
        ("site: ibet789:com (: is a dot)", "ibet789.com"),
        ("marsbet400!com 注册", "marsbet400.com"),
        ("everyone is on leonbets'net", "leonbets.net"),
        ("nikebet`net", "nikebet.net"),
        ("ＫＬＩＫ４Ｄ;ＴＯＰ", "klik4d.top"),
        # TLDs given as a country, English and Chinese, every ccTLD's name
        ("mrgreen dot the country code of Denmark", "mrgreen.dk"),
        ("sisal + Italy's country domain", "sisal.it"),
        ("lotto24, ending: Germany's two-letter code", "lotto24.de"),
        ("casinobitco dot the ccTLD of India", "casinobitco.in"),
        ("官网 mrgreen 点 丹麦的国家域名", "mrgreen.dk"),
        ("sisal，后缀是意大利的国家代码", "sisal.it"),
        ("lotto24+德国域名后缀", "lotto24.de"),
        ("ｍｒｇｒｅｅｎ 点 丹麥的國家域名", "mrgreen.dk"),
        # TLDs respelled in English
        ("gate777 dot kom", "gate777.com"),
        ("ibet789 dot kahm tonight", "ibet789.com"),
        ("leonbets dot nett", "leonbets.net"),
        ("casinoonline88 dot veep", "casinoonline88.vip"),
        ("klik4d dot tahp", "klik4d.top"),
        ("klik4d dot ex why zed", "klik4d.xyz"),
        ("topwin dot see see", "topwin.cc"),
        ("jagobetting.orrg", "jagobetting.org"),
        ("super88 DOT KLUB", "super88.club"),
        ("988bet dot inffo", "988bet.info"),
        # letters spelled "as in" a word, then a plain, respelled or country TLD
        ("site: g as in girl, a as in apple, t as in tiger, e as in egg, 7, 7, 7, then dot com",
         "gate777.com"),
        ("k as in kite, l as in lion, i as in ice, k as in kite, 4, d as in dog, then dot tahp",
         "klik4d.top"),
        ("官网：s（sun的s），i（ice的i），s（sun的s），a（apple的a），l（lion的l），后缀是意大利的国家代码",
         "sisal.it"),
        ("n（nose的n），i（ice的i），k（kite的k），e（egg的e），b（boy的b），e（egg的e），t（tiger的t），然后点net",
         "nikebet.net"),
    ],
)  # fmt: skip
def test_the_host_is_found_and_acted_on(scanner: Scanner, text: str, host: str) -> None:
    hosts, verdict = scanned(scanner, text)
    assert hosts == [host]
    assert verdict == "act"
    assert has_candidates(text)


@pytest.mark.parametrize(
    "text",
    [
        "note:info about the meeting",
        "they're here!com on over",
        "yes!net profit was up",
        "the country code of the UK is +44",
        "越南是一个美丽的国家，域名后缀各不相同",
        "My name is Smith, s as in sun, m as in moon, i as in ice, t as in tiger, h as in hat.",
        "the Ethiopic full stop ። ends a sentence",
        "我们店里的奌心很好吃",
        "call me at kom tonight",
    ],
)
def test_prose_with_the_same_marks_gives_no_host(scanner: Scanner, text: str) -> None:
    hosts, verdict = scanned(scanner, text)
    assert hosts == []
    assert verdict == "allow"


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("x dot kom", "x dot com"),
        ("x.veep", "x.vip"),
        ("x dot tee vee", "x dot tv"),
        ("x dot ex-why-zed", "x dot xyz"),
    ],
)
def test_respelled_tlds_are_written(text: str, read: str) -> None:
    assert spoken_tlds.spoken_tlds(text) == read


@pytest.mark.parametrize(
    ("text", "host"),
    [
        ("abc dot the country code of Vietnam", "abc.vn"),
        ("abc + the United States's domain", "abc.us"),
        ("abc, ending: the UK's two-letter code", "abc.uk"),
        ("abc 点 越南的国家域名", "abc.vn"),
        ("abc+韩国域名后缀", "abc.kr"),
        ("abc，后缀是台湾的国家代码", "abc.tw"),
    ],
)
def test_country_names_give_their_cctld(text: str, host: str) -> None:
    assert [h for _, _, h in country_tlds.country_hosts(text)] == [host]


@pytest.mark.parametrize(
    ("text", "folded", "start"),
    [
        ("WeChat: l as in lion, u as in umbrella, c as in cat, k as in kite, y as in yellow, _, 2",
         "WeChat: lucky_2", 8),
        ("b as in boy, e as in egg, t as in tiger, then dot com", "bet.com", 0),
        ("spell it: b as in boy, e as in egg, t as in tiger, 7, then dot com", "spell it: bet7.com",
         10),
        ("b（boy的b），e（egg的e），t（tiger的t），然后点com", "bet.com", 0),
    ],
)  # fmt: skip
def test_spelled_runs_fold(text: str, folded: str, start: int) -> None:
    assert unmask(text).text == folded
    assert as_in.spelled_at(text, start)
    assert not as_in.spelled_at(text, start + 1)


def test_a_run_after_an_unread_piece_is_withheld(scanner: Scanner) -> None:
    text = "k as in kite, 🕗, s as in sun, u as in umbrella, p as in pig, then dot com"
    result = scanner.scan(Item(id="rt7", text=text, surface="post"))
    assert [e for e in result.entities if e.host] == []
    assert result.verdict == "review"
