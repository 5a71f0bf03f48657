"""ReputationDetector on a real-feed index: categories, sources, allow wins, messengers skipped."""

from __future__ import annotations

from pathlib import Path

import pytest

from bastion.canon import canonicalize_entity
from bastion.detect.reputation import ReputationDetector
from bastion.intel import IntelIndex
from bastion.intel.feeds import import_feeds
from bastion.model import Entity


@pytest.fixture(scope="module")
def detector(tmp_path_factory: pytest.TempPathFactory, shared_data: Path) -> ReputationDetector:
    home = tmp_path_factory.mktemp("reputation-home")
    ops = tmp_path_factory.mktemp("ops")
    import_feeds(home, shared_data / "sinfonietta-hostfiles" / "gambling.txt", category="gambling")
    import_feeds(home, shared_data / "blocklistproject-lists" / "scam.txt", category="scam")
    links = shared_data / "phishing-database-links" / "phishing-links-active.txt"
    import_feeds(home, links, category="phishing", source="phishdb")
    shortener = shared_data / "v2fly-domain-list-community" / "category-urlshortner.tsv"
    import_feeds(home, shortener, category="shortener", source="v2fly")
    (ops / "messengers.txt").write_text("t.me\nwa.me\n")
    import_feeds(home, ops / "messengers.txt", category="scam", source="ops")
    (ops / "allow.txt").write_text("10bet.com\n")
    import_feeds(home, ops / "allow.txt", category="allow", source="operator")
    (ops / "ips.txt").write_text("203.0.113.9\n198.51.100.0/24\n")
    import_feeds(home, ops / "ips.txt", category="malware", source="ops-ip")
    return ReputationDetector(IntelIndex.open(home))


def _entity(kind: str, raw: str, **extra: str) -> Entity:
    entity = Entity(kind=kind, raw=raw, span=(0, len(raw)), value=raw, **extra)  # type: ignore[arg-type]
    canonicalize_entity(entity)
    return entity


def test_hosts_urls_ips_emails(detector: ReputationDetector) -> None:
    entities = [
        _entity("url", "HTTP://WWW.12BET.COM/register?ref=1"),
        _entity("domain", "m.12bet.com"),
        _entity("email", "support@0-google.com"),
        _entity("ip", "203.0.113.9"),
        _entity("url", "http://198.51.100.77/payload.bin"),
        _entity("url", "https://portal-coinbase-strt-us-en.pages.dev/login"),
        _entity("domain", "example.org"),
    ]
    detector.annotate(entities)
    got = [(e.categories, e.sources) for e in entities]
    assert got[0] == (["gambling"], ["feed:gambling"])
    assert got[1] == (["gambling"], ["feed:gambling"])
    assert got[2] == (["scam"], ["feed:scam"])
    assert got[3] == (["malware"], ["feed:ops-ip"])
    assert got[4] == (["malware"], ["feed:ops-ip"])
    assert got[5] == (["phishing"], ["feed:phishdb"])
    assert got[6] == ([], [])
    assert entities[0].category == "gambling"
    assert not any(e.allowed for e in entities)


def test_allow_wins(detector: ReputationDetector) -> None:
    entity = _entity("url", "https://sports.10bet.com/")
    entity.categories.append("porn")  # an earlier signal; allow still wins
    detector.annotate([entity])
    assert entity.allowed
    assert entity.categories == []
    assert "allow:operator" in entity.sources and "feed:gambling" in entity.sources
    assert entity.to_dict()["category"] is None


def test_shortener_flag_and_merge(detector: ReputationDetector) -> None:
    entity = _entity("url", "https://bit.ly/3abcDEF")
    entity.categories.append("scam")
    entity.sources.append("model:text")
    detector.annotate([entity])
    detector.annotate([entity])
    assert entity.flags.count("shortener") == 1
    assert entity.categories == ["scam"]
    assert entity.sources == ["model:text", "feed:v2fly"]


def test_messenger_handles_are_skipped(detector: ReputationDetector) -> None:
    handles = [
        Entity(kind=kind, raw=raw, span=(0, len(raw)), value=value, host=host)
        for kind, raw, value, host in (
            ("telegram", "t.me/bet888", "bet888", "t.me"),
            ("whatsapp", "wa.me/123", "123", "wa.me"),
            ("line", "line.me/ti/p/x", "x", "line.me"),
            ("phone", "+1 555 0100", "15550100", None),
        )
    ]
    detector.annotate(handles)
    assert all(not h.categories and not h.sources for h in handles)
    listed = _entity("url", "https://t.me/bet888")
    detector.annotate([listed])
    assert listed.categories == ["scam"]


def test_uncanonical_url_falls_back_to_host(detector: ReputationDetector) -> None:
    entity = Entity(kind="url", raw="12bet.com", span=(0, 9), value="12bet.com", host="12bet.com")
    detector.annotate([entity])
    assert entity.categories == ["gambling"]


def test_empty_index_annotates_nothing() -> None:
    entity = _entity("domain", "12bet.com")
    ReputationDetector(IntelIndex.empty()).annotate([entity])
    assert entity.categories == [] and entity.sources == [] and not entity.allowed
