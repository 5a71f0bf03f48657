"""Every feed format: parsed entries, counted bad lines with line numbers, format detection."""

from __future__ import annotations

import contextlib
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bastion.intel.formats import FORMATS, FeedError, detect_format, parse_text
from tests.support.work import steps_of

HOSTS = """# a hosts file
127.0.0.1 localhost
::1 localhost ip6-localhost
0.0.0.0 bet888.com www.bet888.com  # inline comment
0.0.0.0 CASINO-royal.NET.
0.0.0.0
bet999.com
0.0.0.0 not_valid..com
"""


def test_hosts_format() -> None:
    feed = parse_text(HOSTS, "hosts")
    assert list(feed.rules) == [
        ("domain", "bet888.com"),
        ("domain", "www.bet888.com"),
        ("domain", "casino-royal.net"),
    ]
    assert feed.ignored["hosts boilerplate"] == 3
    assert feed.skipped_total == 3
    assert [line for line, _ in feed.examples] == [6, 7, 8]
    assert "without a host" in feed.examples[0][1]
    assert "must start with an IP" in feed.examples[1][1]


def test_domains_format_counts_duplicates_and_bad_lines() -> None:
    text = (
        "! title\n# comment\nbet888.com\nBET888.com\n*.casino.org\n1.2.3.4\nfoo bar\nnot a host\n"
    )
    feed = parse_text(text, "domains")
    assert feed.counts() == {"domain": 2, "ip": 1}
    assert feed.duplicates == 1
    assert feed.examples == [
        (7, "more than one token on the line"),
        (8, "more than one token on the line"),
    ]


def test_adblock_format() -> None:
    text = "\n".join(
        [
            "[Adblock Plus 2.0]",
            "! comment",
            "||bet888.com^",
            "||ads.casino.net^$third-party",
            "||*.wild.org^",
            "example.com##.banner",
            "@@||good.com^",
            "||example.com/path^",
            "/banner/*",
        ]
    )
    feed = parse_text(text, "adblock")
    assert list(feed.rules) == [
        ("domain", "bet888.com"),
        ("domain", "ads.casino.net"),
        ("domain", "wild.org"),
    ]
    assert feed.skipped == {"cosmetic rule": 1, "exception rule": 1, "not a ||domain^ rule": 2}
    assert feed.examples[0] == (6, "cosmetic rule")


def test_urlhaus_format() -> None:
    text = (
        "################################\n"
        "# abuse.ch URLhaus Database Dump (CSV)\n"
        "# id,dateadded,url,url_status,last_online,threat,tags,urlhaus_link,reporter\n"
        '"1","2024-01-01 00:00:00","http://Evil.example.com/bins/mozi.m","online","","malware_download","elf","https://urlhaus.abuse.ch/url/1/","x"\n'
        '"2","2024-01-01 00:00:00","http://198.51.100.7/","offline","","malware_download","","",""\n'
        '"3","2024-01-01"\n'
        '"4","2024-01-01","ftp://files.example.net/x.exe","online"\n'
    )
    assert detect_format(text, "csv.txt") == "urlhaus"
    feed = parse_text(text, "urlhaus")
    assert list(feed.rules) == [
        ("url", "http://evil.example.com/bins/mozi.m"),
        ("ip", "198.51.100.7"),
    ]
    assert feed.examples == [(6, "fewer than 3 CSV columns"), (7, "unsupported URL scheme 'ftp'")]


def test_phishtank_csv_and_json() -> None:
    csv_text = (
        "phish_id,url,phish_detail_url,submission_time,verified,verification_time,online,target\n"
        '1,"https://login.example-bank.com/secure?acct=1",x,t,yes,t,yes,Bank\n'
        "2,https://paypal.example-phish.net/,x,t,yes,t,yes,PayPal\n"
        "3\n"
    )
    assert detect_format(csv_text) == "phishtank"
    feed = parse_text(csv_text, "phishtank")
    assert list(feed.rules) == [
        ("url", "https://login.example-bank.com/secure?acct=1"),
        ("domain", "paypal.example-phish.net"),
    ]
    assert feed.examples == [(4, "fewer than 2 CSV columns")]
    records = [{"url": "http://a.example.org/x"}, {"nope": 1}, {"url": "http://b.example.org/"}]
    json_text = json.dumps(records)
    assert detect_format(json_text) == "phishtank"
    feed = parse_text(json_text, "phishtank")
    assert feed.counts() == {"url": 1, "domain": 1}
    assert feed.examples[0][0] == 2
    with pytest.raises(FeedError, match="invalid JSON"):
        parse_text("[{", "phishtank")


def test_v2fly_text_format() -> None:
    text = "\n".join(
        [
            "# comment",
            "include:category-ads",
            "bet888.com",
            "domain:casino.org @cn",
            "full:www.exact.net @ads @cn",
            "keyword:pornhub",
            r"regexp:(^|\.)18tv[1-5]\.com$",
            "regexp:(broken",
            "weird:foo.com",
            "foo.com extra",
            "domain:xxx",
        ]
    )
    assert detect_format(text) == "v2fly"
    feed = parse_text(text, "v2fly")
    assert list(feed.rules) == [
        ("domain", "bet888.com"),
        ("domain", "casino.org"),
        ("full", "www.exact.net"),
        ("keyword", "pornhub"),
        ("regexp", r"(^|\.)18tv[1-5]\.com$"),
        ("domain", "xxx"),
    ]
    assert feed.ignored["include"] == 1
    assert feed.attributes == {"cn": 2, "ads": 1}
    assert [line for line, _ in feed.examples] == [8, 9, 10]


def test_v2fly_tsv_real_porn_list(shared_data: Path) -> None:
    path = shared_data / "v2fly-domain-list-community" / "category-porn.tsv"
    text = path.read_text(encoding="utf-8")
    assert detect_format(text, path.name) == "v2fly"
    feed = parse_text(text, "v2fly")
    counts = feed.counts()
    rows = text.count("\n") - 1
    assert counts["regexp"] >= 80 and counts["full"] >= 1 and counts["domain"] > 4000
    assert sum(counts.values()) + feed.duplicates + feed.skipped_total == rows
    assert ("domain", "porn") in feed.rules


def test_v2fly_tsv_with_other_column_order(shared_data: Path) -> None:
    path = shared_data / "v2fly-domain-list-community" / "named-entries.tsv"
    feed = parse_text(path.read_text(encoding="utf-8"), "v2fly")
    assert ("domain", "21jingji.com") in feed.rules
    assert feed.counts()["domain"] > 600


def test_urls_format_real_phishing_links(shared_data: Path) -> None:
    path = shared_data / "phishing-database-links" / "phishing-links-active.txt"
    text = path.read_text(encoding="utf-8")
    assert detect_format(text, path.name) == "urls"
    feed = parse_text(text, "urls")
    lines = [line for line in text.splitlines() if line.strip()]
    assert len(feed.rules) + feed.duplicates + feed.skipped_total == len(lines)
    assert feed.counts()["url"] > 50
    assert ("domain", "portal-coinbase-strt-us-en.pages.dev") in feed.rules


def test_ips_format(shared_data: Path) -> None:
    feed = parse_text("# ips\n1.2.3.4\n10.0.0.0/8\n2001:db8::1\n::ffff:1.2.3.4\nnope\n", "ips")
    assert list(feed.rules)[:3] == [
        ("ip", "1.2.3.4"),
        ("cidr", "10.0.0.0/8"),
        ("ip", "2001:db8::1"),
    ]
    assert feed.examples == [(6, "not an IP address")]
    real = (shared_data / "blocklistproject-lists" / "malware_ip.txt").read_text()
    assert detect_format(real) == "ips"
    assert parse_text(real, "ips").counts()["ip"] > 10_000


@pytest.mark.parametrize(
    ("name", "fmt"),
    [
        ("sinfonietta-hostfiles/gambling.txt", "domains"),
        ("blocklistproject-lists/scam.txt", "domains"),
        ("hostsvn-gambling-vn/gambling_vn.txt", "domains"),
    ],
)
def test_real_domain_lists_parse_cleanly(shared_data: Path, name: str, fmt: str) -> None:
    text = (shared_data / name).read_text(encoding="utf-8")
    assert detect_format(text, name) == fmt
    feed = parse_text(text, fmt)
    lines = [line for line in text.splitlines() if line.strip()]
    assert len(feed.rules) + feed.duplicates + feed.skipped_total == len(lines)
    assert feed.skipped_total <= len(lines) // 100


def test_detect_hosts_and_adblock() -> None:
    assert detect_format("0.0.0.0 a.com\n0.0.0.0 b.com\n") == "hosts"
    assert detect_format("[Adblock Plus 2.0]\n||a.com^\n") == "adblock"


def test_zero_valid_entries_is_an_error_with_line_numbers() -> None:
    with pytest.raises(FeedError, match=r"no valid domains entries .*line 1: .*line 2"):
        parse_text("not a host\n@@@\n", "domains")
    with pytest.raises(FeedError, match="unknown format"):
        parse_text("a.com", "nope")
    assert "domains" in FORMATS


LINE_PARTS = st.sampled_from(["a.", "1", "||", "^", "$", ":", "domain:", "#", ",", '"', "\t", "a"])


@settings(max_examples=40, deadline=None)
@given(
    parts=st.lists(LINE_PARTS, min_size=1, max_size=6),
    repeat=st.integers(1, 20_000),
    fmt=st.sampled_from(FORMATS),
)
def test_parsers_bounded_on_adversarial_text(parts: list[str], repeat: int, fmt: str) -> None:
    """Linear work: at most 40 steps a character of the text (worst seen: about 9)."""
    text = ("".join(parts) * repeat)[:50_000]

    def parse() -> None:
        detect_format(text)
        with contextlib.suppress(FeedError):
            parse_text(text + "\n" + text, fmt)

    steps_of(parse, budget=40 * len(text) + 10_000)
