"""Folded and runtime regexp rules, keyword precedence, the cache switch and the batch API."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from bastion.intel import IntelIndex
from bastion.intel.feeds import import_feeds

FOLDED = r"(^|\.)bet[0-9]\.com$"
RUNTIME = r"(^|\.)casino\..+$"
NO_LITERAL = r"^[a-z]{2}[0-9]\.io$"


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    home = tmp_path_factory.mktemp("rules-home")
    feeds = tmp_path_factory.mktemp("rules-feeds")
    (feeds / "gambling.txt").write_text(
        f"regexp:{FOLDED}\nregexp:{RUNTIME}\nregexp:{NO_LITERAL}\nkeyword:poker\n"
    )
    (feeds / "scam.txt").write_text("domain:bet5.com\nfull:www.bet7.com\n")
    for name in ("gambling", "scam"):
        import_feeds(home, feeds / f"{name}.txt", category=name, source="ops", fmt="v2fly")
    return home


@pytest.fixture(scope="module", params=[0, 16], ids=["cache-off", "cache-on"])
def index(home: Path, request: pytest.FixtureRequest) -> IntelIndex:
    return IntelIndex.open(home, cache_size=request.param)


def test_stats_count_folded_rules(index: IntelIndex) -> None:
    stats = index.stats()
    assert stats["regexps"] == 3 and stats["regexps_folded"] == 1
    assert stats["regexp_keys"] == 10


def test_folded_regexp_reports_the_rule(index: IntelIndex) -> None:
    for host in ("bet3.com", "www.bet3.com", "a.b.BET3.com."):
        match = index.lookup_host(host)
        assert match is not None, host
        assert match.categories == ("gambling",)
        assert (match.match_type, match.matched) == ("regexp", f"regexp:{FOLDED}")
    for host in ("xbet3.com", "bet33.com", "bet3.com.evil", "bet.com"):
        assert index.lookup_host(host) is None, host


def test_domain_wins_the_report_and_groups_merge(index: IntelIndex) -> None:
    match = index.lookup_host("m.bet5.com")
    assert match is not None and match.categories == ("scam", "gambling")
    assert (match.match_type, match.matched) == ("domain", "bet5.com")
    exact = index.lookup_host("www.bet7.com")  # full: rule plus the folded regexp
    assert exact is not None and exact.categories == ("scam", "gambling")
    assert exact.matched == "www.bet7.com"
    below = index.lookup_host("a.www.bet7.com")  # full: stops, the regexp still applies
    assert below is not None and below.categories == ("gambling",)
    assert below.match_type == "regexp"


def test_keyword_reported_before_regexp(index: IntelIndex) -> None:
    match = index.lookup_host("poker.bet2.com")
    assert match is not None and match.categories == ("gambling",)
    assert match.matched == "keyword:poker"
    assert sorted(m[2] for m in index.explain_host("poker.bet2.com")) == ["keyword", "regexp"]


def test_runtime_regexps_with_and_without_literal(index: IntelIndex) -> None:
    match = index.lookup_host("casino.example.org")
    assert match is not None and match.matched == f"regexp:{RUNTIME}"
    assert index.lookup_host("mycasino.example.org") is None
    assert index.lookup_host("casino") is None
    merged = index.lookup_host("casino.bet5.com")
    assert merged is not None and merged.matched == "bet5.com"
    assert merged.categories == ("scam", "gambling")
    short = index.lookup_host("ab1.io")
    assert short is not None and short.matched == f"regexp:{NO_LITERAL}"
    assert index.lookup_host("abc1.io") is None


def test_batch_equals_single(index: IntelIndex, shared_data: Path) -> None:
    with open(shared_data / "tranco-top-100k" / "tranco_top_100k.tsv", encoding="utf-8") as fh:
        hosts = [row["domain"] for row in csv.DictReader(fh, delimiter="\t")][:500]
    hosts += ["bet3.com", "m.bet5.com", "casino.x.org", "", ".", "1.2.3.4", "poker.de"]
    assert index.lookup_hosts(hosts) == [index.lookup_host(h) for h in hosts]
    assert index.lookup_hosts(iter(hosts[-3:])) == [index.lookup_host(h) for h in hosts[-3:]]


def test_cache_switch(home: Path) -> None:
    cached = IntelIndex.open(home)
    uncached = IntelIndex.open(home, cache_size=0)
    for host in ("bet3.com", "m.bet5.com", "unlisted.example"):
        assert cached.lookup_host(host) == uncached.lookup_host(host)
        assert cached.lookup_host(host) is cached.lookup_host(host)
    assert not uncached._cache
    small = IntelIndex.open(home, cache_size=2)
    for host in ("a.bet1.com", "b.bet1.com", "c.bet1.com"):
        assert small.lookup_host(host) is not None
    assert len(small._cache) <= 2
    with pytest.raises(ValueError, match="cache_size"):
        IntelIndex.open(home, cache_size=-1)
