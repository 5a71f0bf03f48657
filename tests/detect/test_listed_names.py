"""A listed site's name readable in the text but read as no host (issue 6): reviewed, naming the
listed site, never reported as a host; ordinary words, names that are not listed, and text in
other scripts are left alone."""

from __future__ import annotations

from pathlib import Path

import pytest

from bastion import Item, Scanner
from bastion.detect.base import DetectContext, Resources
from bastion.detect.listed_names import LABEL, ListedNameDetector, listed_names
from bastion.intel import IntelIndex
from bastion.intel.feeds import import_feeds
from bastion.policy import Policy

LISTED = """\
bet888.com
top88.fun
tipwin.com
nvmgroup.com
tobacconewswire.com
ovrtkbndit.com
kqlxtqptsmys.in
k8live75.com
plan3.cl
paypa1.org
person.com
www.allthat.social
promo123.hostingplatform.com
freeslots777.blogspot.com
www--paypal.com
"""
"""Gambling, scam and phishing hosts of the shared lists, plus listed labels that are words
(``person``), leet spellings of words (``plan3``, ``paypa1``), a host under a platform's domain
and one under a platform's public suffix (``blogspot.com``)."""


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> IntelIndex:
    home = tmp_path_factory.mktemp("listed-names-home")
    feed = tmp_path_factory.mktemp("feeds") / "listed.txt"
    feed.write_text(LISTED)
    import_feeds(home, feed, category="gambling", source="test")
    return IntelIndex.open(home)


@pytest.fixture(scope="module")
def detector(index: IntelIndex) -> ListedNameDetector:
    return ListedNameDetector(Resources(index))


@pytest.fixture(scope="module")
def scanner(index: IntelIndex) -> Scanner:
    return Scanner(index=index, policy=Policy.default())


def _signals(detector: ListedNameDetector, index: IntelIndex, text: str) -> list[str]:
    context = DetectContext(Item("x", text=text, surface="post"), text, text, [], Resources(index))
    return [s.evidence for s in detector.detect(context) if s.label == LABEL]


@pytest.mark.parametrize(
    ("text", "site"),
    [
        # letters drawn in other glyphs: zalgo marks, enclosed and keycap emoji, rare full stop
        ("今晚送彩金 t̟̲͗͠í̡̊🅿️w͍͓̞̒̓̈́͆ℹ̨͔̇️n̖͙̯͡𐩐com", "tipwin.com"),
        # Lisu capitals, the dot spelled in zhuyin
        ("在家手机刷单，详情ꓳꓦꓣꓔꓗꓐꓠꓓꓲꓔㄉㄧㄢˇcom", "ovrtkbndit.com"),
        # faux Cyrillic, the ending named in words
        ("КQLЖГQРtЅmЧЅ 点 印度的国家域名", "kqlxtqptsmys.in"),
        # a plain name, a dot no finder reads (a character split into its parts)
        ("top88(占灬)fun", "top88.fun"),
        # the ending a few words after the name
        (
            "Designer bags 90% off, pics on tobacconewswire full stop sign com",
            "tobacconewswire.com",
        ),
        ("澳门葡京(nvmgroup(ㄉㄧㄢˇ)com)", "nvmgroup.com"),
        # letters split one by one by symbols, digits in full width
        ("casino tonight b⭐e⭐t⭐８⭐８⭐８", "bet888.com"),
        ("slots: b.e.t.8.8.8 dm me", "bet888.com"),
        # leet digits for letters, a mark inside the name
        ("b3t\u200b888 ❤ vip", "bet888.com"),
        # the name glued to an ending written in emoji
        ("More info: k8live75.c⭕〽️", "k8live75.com"),
        # a word label still counts when its letters are disguised or its ending follows
        ("ｐｅｒｓｏｎ 点 com", "person.com"),
    ],
)
def test_a_disguised_listed_name_is_named(
    detector: ListedNameDetector, index: IntelIndex, text: str, site: str
) -> None:
    (evidence,) = _signals(detector, index, text)
    assert site in evidence


@pytest.mark.parametrize(
    "text",
    [
        "I plane to give on this month end.",  # plan3 is no reading of plane: digits are kept
        "sell our coins to someone thru paypal. Voila!",
        "I like that person very much, all that matters",  # word labels in plain prose
        "hostingplatform status page is down",  # a host under a platform names no site of it
        "bet 888 ways to say hello",  # two words, no ending, nothing drawn: prose
        "今天天气很好，我们去公园散步吧。",
        "尊敬的客户，您本月消费XXX元，余额XXX元，详情请查询。",
        "see you at five, bring the report.pdf",
        "the betting odds are 8:8:8 tonight",
        "Merry Christmas to you too babe",
    ],
)
def test_ordinary_text_names_no_site(
    detector: ListedNameDetector, index: IntelIndex, text: str
) -> None:
    assert _signals(detector, index, text) == []


def test_the_gate_wants_a_plain_listed_token_only(detector: ListedNameDetector) -> None:
    assert detector.gate(Item("g", text="join top88 today", surface="chat"))
    assert detector.gate(Item("g", text="官网=?UTF-8?Q?_k8live75=2Ecom?=", surface="chat"))
    assert not detector.gate(Item("g", text="see you at five", surface="chat"))
    assert not detector.gate(Item("g", text="I like that person", surface="chat"))


def test_a_name_read_as_a_host_is_left_to_the_finders(scanner: Scanner) -> None:
    result = scanner.scan(Item(id="x", text="play at bet888.com", surface="post"))
    assert result.verdict == "act"
    assert "link.listed_name" not in [v.rule for v in result.violations]


def test_a_host_read_plainly_names_no_other_listed_site(scanner: Scanner) -> None:
    """``www.paypal.com`` (not listed) holds the letters of the listed ``www--paypal.com``."""
    result = scanner.scan(
        Item(id="x", text="新闻见 https://www.paypal.com/ 大家看看", surface="post")
    )
    assert [s for s in result.signals if s.label == LABEL] == []
    assert result.verdict == "allow"


def test_the_policy_reviews_and_reports_no_host(scanner: Scanner) -> None:
    result = scanner.scan(Item(id="x", text="top88(占灬)fun 首充送彩金", surface="post"))
    assert result.verdict == "review", result.to_dict()
    assert "link.listed_name" in [v.rule for v in result.violations]
    assert not [e for e in result.entities if e.host]
    (signal,) = [s for s in result.signals if s.label == LABEL]
    assert "top88.fun" in signal.evidence


def test_labels_taken_and_left(index: IntelIndex) -> None:
    names = listed_names(index.listed_hosts())
    assert {"bet888", "top88", "person", "allthat", "plane"} <= set(names)
    hosts = {host for name in names.values() for host in name.hosts}
    assert "freeslots777.blogspot.com" in hosts  # a site of its own under a public suffix
    assert "hostlngplatform" not in names  # a listed subdomain does not list the platform
    assert "promo123" not in names  # nor is it a site of its own (not a public suffix)
    assert names["bet888"].hosts == ("bet888.com",)
    assert names["allthat"].hosts == ("allthat.social",)  # www. is not the site's name


def test_an_empty_index_never_gates(tmp_path: Path) -> None:
    detector = ListedNameDetector(Resources(IntelIndex.empty()))
    assert detector.gates is False
    assert not detector.gate(Item("g", text="top88 bet888", surface="chat"))
