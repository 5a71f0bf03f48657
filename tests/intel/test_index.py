"""The compiled index against real feeds: parents, exact rules, patterns, URLs, IPs, allow wins."""

from __future__ import annotations

import csv
import ipaddress
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bastion.canon import canonicalize_url
from bastion.intel import IntelIndex, IntelIndexError, compile_index, current_version
from bastion.intel import compile as compile_module
from bastion.intel import feeds as feeds_module
from bastion.intel.compile import INDEX_DIR, KEEP_VERSIONS
from bastion.intel.feeds import FeedSpec, import_feed_set, import_feeds
from bastion.intel.formats import FeedError
from bastion.intel.store import list_feeds
from tests.support.work import steps_of


def _lines(path: Path) -> list[str]:
    return [line.strip().lower() for line in path.read_text().splitlines() if line.strip()]


@pytest.fixture(scope="module")
def real_home(tmp_path_factory: pytest.TempPathFactory, shared_data: Path) -> Path:
    home = tmp_path_factory.mktemp("intel-home")
    v2fly = shared_data / "v2fly-domain-list-community"
    blp = shared_data / "blocklistproject-lists"
    links = shared_data / "phishing-database-links" / "phishing-links-active.txt"
    feeds = [
        FeedSpec(shared_data / "sinfonietta-hostfiles" / "gambling.txt", "gambling"),
        FeedSpec(blp / "scam.txt", "scam"),
        FeedSpec(v2fly / "category-porn.tsv", "porn", source="v2fly"),
        FeedSpec(v2fly / "category-urlshortner.tsv", "shortener", source="v2fly"),
        FeedSpec(links, "phishing", source="phishdb", fmt="urls"),
        FeedSpec(blp / "malware_ip.txt", "malware", source="blp-ip"),
    ]
    import_feed_set(home, feeds)
    return home


@pytest.fixture(scope="module")
def index(real_home: Path) -> IntelIndex:
    return IntelIndex.open(real_home)


def test_listed_hosts_and_their_subdomains(index: IntelIndex, shared_data: Path) -> None:
    gambling = _lines(shared_data / "sinfonietta-hostfiles" / "gambling.txt")
    listed = set(gambling)
    for domain in gambling[:300]:
        for host in (domain, f"www.{domain}", f"a.b.c.{domain}", domain.upper() + "."):
            match = index.lookup_host(host)
            assert match is not None, host
            assert "gambling" in match.categories
            assert "feed:gambling" in match.sources
            assert match.matched in listed
            assert host.lower().rstrip(".").endswith(match.matched)
        exact = index.lookup_host(domain)
        assert exact is not None and exact.matched == domain


def _reference(shared_data: Path) -> tuple[set[str], set[str], list[re.Pattern[str]]]:
    domains = set(_lines(shared_data / "sinfonietta-hostfiles" / "gambling.txt"))
    domains |= set(_lines(shared_data / "blocklistproject-lists" / "scam.txt"))
    full: set[str] = set()
    patterns = []
    with open(shared_data / "v2fly-domain-list-community" / "category-porn.tsv") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            value = row["value"].lower()
            if row["rule_type"] == "domain":
                domains.add(value)
            elif row["rule_type"] == "full":
                full.add(value)
            elif row["rule_type"] == "regexp":
                patterns.append(re.compile(row["value"]))
    return domains, full, patterns


def test_differential_against_brute_force(index: IntelIndex, shared_data: Path) -> None:
    """Tranco domains (mostly unlisted) must be flagged exactly when a naive scan says so."""
    domains, full, patterns = _reference(shared_data)
    with open(shared_data / "tranco-top-100k" / "tranco_top_100k.tsv") as handle:
        tranco = [row["domain"].lower() for row in csv.DictReader(handle, delimiter="\t")]
    sample = tranco[:4000] + [f"cdn.{d}" for d in tranco[4000:6000]]
    flagged = 0
    for host in sample:
        labels = host.split(".")
        parents = {".".join(labels[i:]) for i in range(len(labels))}
        expected = bool(parents & domains) or host in full or any(p.search(host) for p in patterns)
        match = index.lookup_host(host)
        harmful = match is not None and bool(match.categories)
        assert harmful == expected, host
        flagged += expected
    assert 0 < flagged < len(sample) // 10


def test_full_rules_match_exactly(index: IntelIndex) -> None:
    exact = "misa-prod.s3.ap-northeast-1.amazonaws.com"
    match = index.lookup_host(exact)
    assert match is not None and match.categories == ("porn",)
    assert index.lookup_host("x." + exact) is None
    assert index.lookup_host("s3.ap-northeast-1.amazonaws.com") is None


def test_regexp_and_tld_rules(index: IntelIndex) -> None:
    match = index.lookup_host("www.18tv3.com")
    assert match is not None and match.match_type == "regexp" and match.categories == ("porn",)
    assert index.lookup_host("www.18tv9.com") is None
    tld = index.lookup_host("anything.porn")
    assert tld is not None and tld.matched == "porn"


def test_shortener_is_a_fact_not_harm(index: IntelIndex) -> None:
    match = index.lookup_host("bit.ly")
    assert match is not None and match.shortener and match.categories == ()
    assert match.sources == ("feed:v2fly",)


def test_url_variants_match(index: IntelIndex) -> None:
    listed = (
        "http://outlook.webaccess-alert.com/s/63BZGFSVBWSFCDX7Y9/584dd8/"
        "90eab167-7429-489f-99f6-ce86e8d0d81a"
    )
    variants = [
        listed,
        listed.replace("http://outlook.webaccess-alert.com", "HTTP://OUTLOOK.webaccess-alert.COM."),
        listed + "#fragment",
        listed + "?utm=1",
        listed.replace(".com/s/", ".com:80/s/./"),
        listed.replace("/s/", "/%73/"),
        listed.replace("http://", "http://login."),
    ]
    for variant in variants:
        match = index.lookup_url(canonicalize_url(variant))
        assert match is not None and match.categories == ("phishing",), variant
        assert match.match_type == "url"
    assert index.lookup_url(canonicalize_url("http://outlook.webaccess-alert.com/other")) is None
    assert index.lookup_host("outlook.webaccess-alert.com") is None


def test_url_answers_cached_as_computed(real_home: Path) -> None:
    """The per-URL cache answers what the lookup computes, and stays bounded (cleared when full)."""
    cached = IntelIndex.open(real_home, cache_size=3)
    plain = IntelIndex.open(real_home, cache_size=0)
    urls = [
        "http://outlook.webaccess-alert.com/s/63BZGFSVBWSFCDX7Y9/584dd8/x",
        "https://portal-coinbase-strt-us-en.pages.dev/x/y",
        "https://other.pages.dev/",
        "http://example.org/a?b=1",
        "not a url",
    ]
    for _ in range(2):
        for url in urls:
            key = canonicalize_url(url) if "://" in url else url
            assert cached.lookup_url(key) == plain.lookup_url(key), url
            assert len(cached._url_cache) <= 3
    assert not plain._url_cache


def test_url_with_bare_path_lists_the_host(index: IntelIndex) -> None:
    for url in (
        "https://portal-coinbase-strt-us-en.pages.dev/x/y",
        "http://a.portal-coinbase-strt-us-en.pages.dev",
    ):
        match = index.lookup_url(canonicalize_url(url))
        assert match is not None and match.categories == ("phishing",)
    assert index.lookup_url(canonicalize_url("https://other.pages.dev/")) is None


def test_url_on_listed_host_merges_both(index: IntelIndex, shared_data: Path) -> None:
    domain = _lines(shared_data / "blocklistproject-lists" / "scam.txt")[0]
    match = index.lookup_url(canonicalize_url(f"http://{domain}/any/path"))
    assert match is not None and match.categories == ("scam",)


def test_ips_and_networks(index: IntelIndex, shared_data: Path) -> None:
    ips = _lines(shared_data / "blocklistproject-lists" / "malware_ip.txt")
    exact = next(ip for ip in ips if "/" not in ip)
    network = next(ip for ip in ips if "/" in ip)
    for value in (exact, f"[{exact}]"):
        match = index.lookup_ip(value)
        assert match is not None and match.categories == ("malware",) and match.match_type == "ip"
    assert index.lookup_host(exact) is not None
    low = int(ipaddress.IPv4Address(exact))  # ::ffff:a.b.c.d, also written as two hex groups
    mapped = (f"[::ffff:{exact}]", f"::ffff:{low >> 16:x}:{low & 0xFFFF:x}")
    for spelled in (*mapped, ipaddress.IPv6Address(f"::ffff:{exact}").exploded):
        match = index.lookup_host(spelled)  # an IPv4-mapped IPv6 address reaches the listed IPv4
        assert match is not None and match.categories == ("malware",)
    inside = network.split("/")[0]
    match = index.lookup_ip(inside)
    assert match is not None and match.categories == ("malware",)
    assert index.lookup_ip("192.0.2.1") is None
    assert index.lookup_ip("not an ip") is None
    url = index.lookup_url(canonicalize_url(f"http://{exact}/x"))
    assert url is not None and url.categories == ("malware",)


def test_severity_order_allow_wins_and_custom_categories(tmp_path: Path) -> None:
    feeds = tmp_path / "feeds"
    feeds.mkdir()
    (feeds / "gambling.txt").write_text("bet888.com\nshared.example.com\n")
    (feeds / "scam.txt").write_text("shared.example.com\n")
    (feeds / "crypto_fraud.txt").write_text("shared.example.com\n")
    (feeds / "malware.txt").write_text("dl.bet888.com\n")
    import_feeds(tmp_path / "home", feeds, category="from-file", source="ops")
    index = IntelIndex.open(tmp_path / "home")
    match = index.lookup_host("www.shared.example.com")
    assert match is not None
    assert match.categories == ("scam", "gambling", "crypto_fraud")
    both = index.lookup_host("x.dl.bet888.com")
    assert both is not None and both.categories == ("malware", "gambling")
    assert both.matched == "dl.bet888.com"
    allow = tmp_path / "allow.txt"
    allow.write_text("bet888.com\n")
    import_feeds(tmp_path / "home", allow, category="allow", source="operator")
    index = IntelIndex.open(tmp_path / "home")
    allowed = index.lookup_host("x.dl.bet888.com")
    assert allowed is not None and allowed.allowed and allowed.categories == ()
    assert "allow:operator" in allowed.sources and "feed:ops" in allowed.sources
    still = index.lookup_host("shared.example.com")
    assert still is not None and not still.allowed


def test_keyword_rules(tmp_path: Path) -> None:
    feed = tmp_path / "kw.txt"
    feed.write_text("keyword:casino\nfull:exact.example.org\n")
    import_feeds(tmp_path / "h", feed, category="gambling", fmt="v2fly")
    index = IntelIndex.open(tmp_path / "h")
    for _ in range(2):  # second round is served from the per-host cache
        match = index.lookup_host("best-casino-online.example.net")
        assert match is not None and match.match_type == "keyword"
        assert match.matched == "keyword:casino"
    assert index.lookup_host("cas1no.example.net") is None
    assert index.lookup_host("exact.example.org") is not None


def test_atomic_recompile_keeps_old_readers_working(tmp_path: Path) -> None:
    home = tmp_path / "home"
    first = tmp_path / "first.txt"
    first.write_text("bet888.com\n")
    import_feeds(home, first, category="gambling", source="one")
    old = IntelIndex.open(home)
    second = tmp_path / "second.txt"
    second.write_text("scam-shop.example\n")
    for _ in range(KEEP_VERSIONS + 1):
        import_feeds(home, second, category="scam", source="two")
    new = IntelIndex.open(home)
    assert new.version != old.version
    assert current_version(home) == new.version
    assert old.lookup_host("bet888.com") is not None  # mapped files survive pruning
    assert old.lookup_host("scam-shop.example") is None
    assert new.lookup_host("scam-shop.example") is not None
    versions = [p for p in (home / INDEX_DIR).iterdir() if p.is_dir()]
    assert len(versions) == KEEP_VERSIONS
    assert len(list_feeds(home)) == 2


def test_failed_compile_leaves_current_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "home"
    feed = tmp_path / "f.txt"
    feed.write_text("bet888.com\n")
    import_feeds(home, feed, category="gambling")
    before = current_version(home)

    def explode(*args: object) -> int:
        raise OSError("disk full")

    monkeypatch.setattr(compile_module, "_write_trie", explode)
    with pytest.raises(OSError, match="disk full"):
        compile_index(home)
    assert current_version(home) == before
    assert not list((home / INDEX_DIR).glob(".build-*"))
    assert IntelIndex.open(home).lookup_host("bet888.com") is not None


def test_reimport_replaces(tmp_path: Path) -> None:
    home = tmp_path / "home"
    feed = tmp_path / "g.txt"
    feed.write_text("bet888.com\nbet999.com\n")
    import_feeds(home, feed, category="gambling")
    feed.write_text("bet999.com\n")
    result = import_feeds(home, feed, category="gambling")
    assert result.manifests[0].counts == {"domain": 1}
    index = IntelIndex.open(home)
    assert index.lookup_host("bet888.com") is None
    assert index.lookup_host("bet999.com") is not None


def test_empty_and_missing(tmp_path: Path) -> None:
    assert not IntelIndex.exists(tmp_path)
    with pytest.raises(IntelIndexError, match="no compiled intel index"):
        IntelIndex.open(tmp_path)
    empty = IntelIndex.empty()
    assert empty.lookup_host("bet888.com") is None
    assert empty.lookup_url("http://bet888.com/") is None
    assert empty.lookup_ip("1.2.3.4") is None
    assert empty.version == "empty"
    compiled = compile_index(tmp_path)
    assert compiled.stats["host_keys"] == 0
    assert IntelIndex.open(tmp_path).lookup_host("bet888.com") is None


def test_import_errors(tmp_path: Path) -> None:
    with pytest.raises(FeedError, match="no such file"):
        import_feeds(tmp_path, tmp_path / "missing.txt", category="gambling")
    bad = tmp_path / "bad.txt"
    bad.write_text("not a host\n")
    with pytest.raises(FeedError, match=r"bad\.txt: no valid"):
        import_feeds(tmp_path, bad, category="gambling")
    with pytest.raises(FeedError, match="invalid category"):
        import_feeds(tmp_path, bad, category="Gambling!")
    with pytest.raises(FeedError, match="invalid source"):
        import_feeds(tmp_path, bad, category="gambling", source="../etc")
    assert not (tmp_path / "feeds").exists()


def test_stats(index: IntelIndex) -> None:
    stats = index.stats()
    assert stats["host_keys"] > 20_000 and stats["url_keys"] > 50 and stats["regexps"] >= 80
    assert stats["version"] == index.version


def test_full_rules_between_listed_parents(tmp_path: Path) -> None:
    rules = tmp_path / "rules.txt"
    rules.write_text("full:www.shop.example\ndomain:shop.example\nfull:only.example.net\n")
    import_feeds(tmp_path / "h", rules, category="scam", fmt="v2fly", source="v2")
    other = tmp_path / "porn.txt"
    other.write_text("full:www.shop.example\n")
    import_feeds(tmp_path / "h", other, category="porn", fmt="v2fly", source="p")
    index = IntelIndex.open(tmp_path / "h")
    exact = index.lookup_host("www.shop.example")
    assert exact is not None and exact.categories == ("scam", "porn")
    assert exact.matched == "www.shop.example"
    below = index.lookup_host("a.www.shop.example")
    assert below is not None and below.categories == ("scam",)
    assert below.matched == "shop.example"  # the full: rule in between does not apply
    assert index.lookup_host("only.example.net") is not None
    assert index.lookup_host("a.only.example.net") is None
    assert index.lookup_host("example.net") is None
    assert sorted(index.explain_host("a.www.shop.example")) == [("v2", "scam", "domain")]


def test_lookup_inputs_are_normalised(index: IntelIndex, shared_data: Path) -> None:
    domain = _lines(shared_data / "blocklistproject-lists" / "scam.txt")[0]
    for spelling in (domain.upper(), f"{domain}.", f"WWW.{domain}."):
        assert index.lookup_host(spelling) is not None, spelling
    assert index.lookup_host("") is None
    assert index.lookup_host(".") is None
    assert index.lookup_host("bücher.invalid") is None
    assert index.lookup_host("\udcff.com") is None


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    parts=st.lists(st.sampled_from(["a.", "1", ".", "-", "é", ":", "/", "%2e", "com"]), min_size=1),
    repeat=st.integers(1, 20_000),
)
def test_lookups_bounded_on_adversarial_input(
    index: IntelIndex, parts: list[str], repeat: int
) -> None:
    """Linear work: at most 80 steps a character (IDNA on non-ASCII labels costs 64)."""
    text = ("".join(parts) * repeat)[:50_000]

    def look_up() -> None:
        index.lookup_host(text)
        index.lookup_ip(text)
        index.lookup_url("http://" + text + "/x")
        index.lookup_url(text)

    steps_of(look_up, budget=80 * len(text) + 10_000)


def test_a_feed_set_compiles_once_to_what_one_import_at_a_time_gives(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    examples = Path(__file__).parents[2] / "examples" / "feeds"
    specs = [
        FeedSpec(examples / "gambling.txt", "gambling", source="one"),
        FeedSpec(examples / "scam.txt", "scam", source="one"),
        FeedSpec(examples / "allow.txt", "allow", source="ops"),
    ]
    for spec in specs:
        import_feeds(tmp_path / "each", spec.target, category=spec.category, source=spec.source)
    compiled: list[Path] = []

    def counted(home: Path) -> object:
        compiled.append(home)
        return compile_index(home)

    monkeypatch.setattr(feeds_module, "compile_index", counted)
    result = import_feed_set(tmp_path / "set", specs)
    assert compiled == [tmp_path / "set"]
    assert [m.category for m in result.manifests] == ["gambling", "scam", "allow"]
    each, together = IntelIndex.open(tmp_path / "each"), IntelIndex.open(tmp_path / "set")
    hosts = [h for f in ("gambling", "scam", "allow") for h in _lines(examples / f"{f}.txt")]
    assert hosts
    for host in hosts:
        assert each.lookup_host(host) == together.lookup_host(host), host


def test_a_bad_feed_in_a_set_stores_none_of_it(tmp_path: Path) -> None:
    home = tmp_path / "home"
    good = tmp_path / "good.txt"
    good.write_text("bet888.com\n")
    import_feeds(home, good, category="gambling", source="first")
    before = current_version(home)
    specs = [FeedSpec(good, "scam", source="second"), FeedSpec(tmp_path / "missing.txt", "porn")]
    with pytest.raises(FeedError, match=r"missing\.txt"):
        import_feed_set(home, specs)
    assert current_version(home) == before
    assert [(f.source, f.category) for f in list_feeds(home)] == [("first", "gambling")]
