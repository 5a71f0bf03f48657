"""Host / IP / rule normalisation: what the index stores must equal what the scanner looks up."""

from __future__ import annotations

import contextlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bastion.intel.hosts import (
    RuleError,
    normalize_host,
    normalize_keyword,
    normalize_network,
    normalize_regexp,
    parse_ip,
    reverse_host,
    unreverse_key,
)
from tests.support.work import steps_of


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Bet888.COM", "bet888.com"),
        ("www.bet888.com.", "www.bet888.com"),
        ("*.bet888.com", "bet888.com"),
        (".bet888.com", "bet888.com"),
        ("  bücher.de ", "xn--bcher-kva.de"),
        ("例子.中国", "xn--fsqu00a.xn--fiqs8s"),
        ("_dmarc.example.org", "_dmarc.example.org"),
        ("xn--bcher-kva.de", "xn--bcher-kva.de"),
    ],
)
def test_normalize_host_accepts_and_normalises(raw: str, expected: str) -> None:
    assert normalize_host(raw) == expected


@pytest.mark.parametrize(
    "raw",
    [
        "",
        "localhost",
        "bet888",
        "bet 888.com",
        "-bet.com",
        "bet-.com",
        "a..com",
        "bet888.c0m1",
        "http://bet888.com",
        "bet888.com/path",
        "a" * 64 + ".com",
        ("a" * 60 + ".") * 5 + "com",
        "exa\u200bmple.com\udcff",
    ],
)
def test_normalize_host_rejects_junk(raw: str) -> None:
    with pytest.raises(RuleError):
        normalize_host(raw)


def test_single_tld_only_when_allowed_and_known() -> None:
    assert normalize_host("porn", allow_tld=True) == "porn"
    with pytest.raises(RuleError, match="single label"):
        normalize_host("porn")
    with pytest.raises(RuleError):
        normalize_host("notarealtld", allow_tld=True)


def test_reverse_roundtrip() -> None:
    key = reverse_host("www.bet888.com")
    assert key == "moc.888teb.www."
    assert unreverse_key(key) == "www.bet888.com"
    assert key.startswith(reverse_host("bet888.com"))
    assert not key.startswith(reverse_host("t888.com"))


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("1.2.3.4", "1.2.3.4"),
        ("[::1]", "::1"),
        ("2001:DB8:0::1", "2001:db8::1"),
        ("1.2.3", None),
        # an IPv4-mapped IPv6 address is the IPv4 host it reaches, in either spelling
        ("[::ffff:203.0.113.9]", "203.0.113.9"),
        ("::FFFF:cb00:7109", "203.0.113.9"),
        # other embeddings stay IPv6 (NAT64 or a plain address ending in ffff)
        ("64:ff9b::cb00:7109", "64:ff9b::cb00:7109"),
        ("::ffff", "::ffff"),
    ],
)
def test_parse_ip(raw: str, expected: str | None) -> None:
    assert parse_ip(raw) == expected


def test_networks() -> None:
    assert normalize_network("10.1.2.3/8") == "10.0.0.0/8"
    assert normalize_network("10.1.2.3/32") == "10.1.2.3"
    assert normalize_network("2001:db8::/32") == "2001:db8::/32"
    with pytest.raises(RuleError):
        normalize_network("10.0.0.0/33")
    with pytest.raises(RuleError):
        normalize_network("example.com")


def test_keyword_and_regexp_rules() -> None:
    assert normalize_keyword(" PornHub ") == "pornhub"
    with pytest.raises(RuleError, match="non-ASCII"):
        normalize_keyword("色情")
    assert normalize_regexp(r"(^|\.)18tv[1-5]\.com$") == r"(^|\.)18tv[1-5]\.com$"
    with pytest.raises(RuleError, match="invalid regexp"):
        normalize_regexp("(unclosed")
    with pytest.raises(RuleError, match="invalid regexp"):
        normalize_regexp(r"(a)\1")  # backreferences are not linear-time: RE2 refuses them


ADVERSARIAL = st.sampled_from(["a.", "1", "a", ".", "-", "xn--", "\u00e9", "*", ":", "%"])


@settings(max_examples=60, deadline=None)
@given(parts=st.lists(ADVERSARIAL, min_size=1, max_size=8), repeat=st.integers(1, 50_000))
def test_normalisers_bounded_on_adversarial_input(parts: list[str], repeat: int) -> None:
    """Linear work: at most 80 steps a character (IDNA on non-ASCII labels costs 64)."""
    text = ("".join(parts) * repeat)[:50_000]

    def normalise_all() -> None:
        for function in (normalize_host, normalize_keyword, normalize_network, normalize_regexp):
            with contextlib.suppress(RuleError):
                function(text)
        parse_ip(text)

    steps_of(normalise_all, budget=80 * len(text) + 10_000)
