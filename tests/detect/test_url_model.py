"""The lexical URL model names only unlisted, unallowed hosts: it can send an unknown link to
review but never touches what the feeds decided."""

from __future__ import annotations

from pathlib import Path

import pytest

from bastion import Scanner
from bastion.detect.url_model import LABEL, host_doc, shipped_model
from tests.service import conftest as _service

feed_home = _service.feed_home

SUSPICIOUS = "free-bonus-casino-vip88.xyz"
"""A made-up host no sample feed lists, shaped like the listed gambling ones."""


def _probability(host: str) -> float:
    return float(shipped_model().probabilities(host_doc(host))[0])


@pytest.fixture(scope="module")
def scanner(feed_home: Path) -> Scanner:
    return Scanner.load(feed_home)


def test_an_unlisted_host_shaped_like_listed_ones_goes_to_review(scanner: Scanner) -> None:
    result = scanner.scan({"id": "1", "surface": "post", "text": f"see {SUSPICIOUS} today"})
    [signal] = result.signals
    assert (signal.label, signal.entities) == (LABEL, [0])
    assert signal.evidence.startswith(f"{SUSPICIOUS} (url_model@")
    assert [(v.rule, v.outcome) for v in result.violations] == [("link.suspicious_name", "review")]


def test_an_ordinary_host_is_left_alone(scanner: Scanner) -> None:
    assert _probability("bbc.co.uk") < 0.5
    result = scanner.scan({"id": "2", "surface": "post", "text": "news at bbc.co.uk"})
    assert (result.verdict, result.signals) == ("allow", [])


def test_a_listed_host_keeps_its_feed_verdict(scanner: Scanner) -> None:
    """188bet.com looks suspicious to the model too, but it is listed: only the feed speaks."""
    assert _probability("188bet.com") >= 0.99
    result = scanner.scan({"id": "3", "surface": "post", "text": "play at 188bet.com"})
    assert {s.detector for s in result.signals} == {"reputation"}
    assert [v.rule for v in result.violations] == ["link.listed"]
    assert result.verdict == "act"


def test_an_allowed_host_is_never_scored(scanner: Scanner) -> None:
    host = "abmc.gov"  # on the sample allow list
    result = scanner.scan({"id": "4", "surface": "post", "text": f"see {host}"})
    assert result.entities[0].allowed
    assert not [s for s in result.signals if s.detector == "url_model"]


def test_host_features_are_bounded_and_shaped() -> None:
    doc = host_doc("A" * 400 + ".com")
    assert len(doc.chars) <= 255
    assert "tld=com" in doc.tokens and "hyphens=0" in doc.tokens


def test_shorteners_and_bare_addresses_are_not_scored(scanner: Scanner) -> None:
    result = scanner.scan({"id": "5", "surface": "post", "text": "see bit.ly/x and 45.77.1.9/x"})
    assert ["shortener" in e.flags for e in result.entities] == [True, False]
    assert result.entities[1].kind == "ip"
    assert not [s for s in result.signals if s.detector == "url_model"]


def test_a_www_label_says_nothing_about_the_site(scanner: Scanner) -> None:
    """The block lists write many hosts with ``www.`` and the benign lists almost none: scored
    with it, ``www.youtube.com`` went to review. It is scored as the site it names."""
    assert host_doc("www.youtube.com") == host_doc("youtube.com")
    assert host_doc("m.example.org").chars == "^example.org$"
    assert host_doc("www.com").chars == "^www.com$"  # a name of its own, not a prefix
    result = scanner.scan({"id": "5", "surface": "post", "text": "video www.youtube.com/watch?v=1"})
    assert not [s for s in result.signals if s.detector == "url_model"]


@pytest.mark.parametrize(
    "text", ["see www.example.com/plan", "at http://example.net", "go www.example123 now"]
)
def test_placeholder_and_unknown_suffix_hosts_are_not_scored(scanner: Scanner, text: str) -> None:
    """Documentation names (RFC 2606) and hosts under no public suffix are nobody's site."""
    result = scanner.scan({"id": "6", "surface": "post", "text": text})
    assert not [s for s in result.signals if s.detector == "url_model"]
