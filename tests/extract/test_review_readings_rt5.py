"""Should-review shapes of the fifth red team, written anew: a number with a name one space
before it and a spelled dot (two readings: the item goes to a person, never a confident wrong
host), a masked character at a name's edge (read with every fill, only a listed reading kept, the
fragment after the mask never reported), and a hashtag that is a host with its dot left out.
"""

from __future__ import annotations

import pytest

from bastion import Scanner
from bastion.intel.feeds import import_feeds
from bastion.intel.index import IntelIndex
from bastion.policy import Policy

LISTED = ("goldclub777.com", "ohmybet.vip", "nightcams.net", "hotvidz.tv", "spinpalace.one")


@pytest.fixture(scope="module")
def scanner(tmp_path_factory: pytest.TempPathFactory) -> Scanner:
    home = tmp_path_factory.mktemp("rt5-readings-home")
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
        "tonight join royalspin 402 . net for prizes",
        "官方 starlucky 88 点 top 注册就送",
        "new site: fortunewin 6061 dot vip",
    ],
)
def test_a_number_after_a_name_with_a_spelled_dot_is_two_readings(
    scanner: Scanner, text: str
) -> None:
    verdict, _ = _scan(scanner, text)
    assert verdict == "review", text


@pytest.mark.parametrize("text", ["mail me on 163 . com", "goldclub 777.com"])
def test_a_plain_dot_or_a_verb_before_the_number_is_one_reading(
    scanner: Scanner, text: str
) -> None:
    result = scanner.scan({"id": "1", "text": text, "surface": "comment"})
    assert all("ambiguous_host" not in e.flags for e in result.entities), result.to_dict()


@pytest.mark.parametrize(
    ("text", "host"),
    [
        ("猜猜 *hmybet.vip 第一个字母自己补", "ohmybet.vip"),
        ("the site is nightcam*.net, fill the star", "nightcams.net"),
        ("hot?idz.tv you know the letter", "hotvidz.tv"),
    ],
)
def test_a_masked_character_at_a_names_edge_is_read_with_every_fill(
    scanner: Scanner, text: str, host: str
) -> None:
    verdict, hosts = _scan(scanner, text)
    assert (verdict, hosts) == ("act", [host]), text


def test_an_unlisted_masked_name_reports_no_fragment(scanner: Scanner) -> None:
    verdict, hosts = _scan(scanner, "官网 *qwertyzz88.com（*号自己猜）")
    assert hosts == [], hosts
    assert verdict == "allow"


@pytest.mark.parametrize(
    ("text", "host"),
    [
        ("每天签到 #spinpalaceone 有惊喜", "spinpalace.one"),
        ("new clips daily #HotVidzTV", "hotvidz.tv"),
    ],
)
def test_a_hashtag_ending_in_a_tld_reads_as_its_listed_host(
    scanner: Scanner, text: str, host: str
) -> None:
    verdict, hosts = _scan(scanner, text)
    assert verdict == "act" and hosts == [host], (text, verdict, hosts)


@pytest.mark.parametrize("text", ["#welcome #telecom #photooftheday", "#throwbackcom 旧照片"])
def test_hashtags_with_no_listed_reading_stay_words(scanner: Scanner, text: str) -> None:
    assert _scan(scanner, text) == ("allow", [])


def test_the_feed_file_is_what_lists_the_hosts() -> None:
    """The same hashtag with an empty index gives nothing: the listing, not the tag, decides."""
    empty = Scanner(index=IntelIndex.empty(), policy=Policy.default())
    assert _scan(empty, "每天签到 #spinpalaceone 有惊喜") == ("allow", [])
