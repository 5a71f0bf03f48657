"""lookup_expressions against the Safe Browsing v4 examples plus the bounds (5 hosts, 6 paths)."""

from __future__ import annotations

import pytest

from bastion.canon import CanonError, canonicalize_url, lookup_expressions


def test_docs_example_query() -> None:
    assert lookup_expressions("http://a.b.c/1/2.html?param=1") == [
        "a.b.c/1/2.html?param=1",
        "a.b.c/1/2.html",
        "a.b.c/",
        "a.b.c/1/",
        "b.c/1/2.html?param=1",
        "b.c/1/2.html",
        "b.c/",
        "b.c/1/",
    ]


def test_docs_example_long_host() -> None:
    assert lookup_expressions("http://a.b.c.d.e.f.g/1.html") == [
        "a.b.c.d.e.f.g/1.html",
        "a.b.c.d.e.f.g/",
        "c.d.e.f.g/1.html",
        "c.d.e.f.g/",
        "d.e.f.g/1.html",
        "d.e.f.g/",
        "e.f.g/1.html",
        "e.f.g/",
        "f.g/1.html",
        "f.g/",
    ]


def test_docs_example_ip() -> None:
    assert lookup_expressions("http://1.2.3.4/1/") == ["1.2.3.4/1/", "1.2.3.4/"]


def test_bounds_thirty() -> None:
    url = "http://a.b.c.d.e.f.g.h/1/2/3/4/5/6.html?x=y"
    expressions = lookup_expressions(url)
    assert len(expressions) == 30
    hosts = list(dict.fromkeys(e.split("/", 1)[0] for e in expressions))
    assert hosts == ["a.b.c.d.e.f.g.h", "d.e.f.g.h", "e.f.g.h", "f.g.h", "g.h"]
    paths = [e.split("/", 1)[1] for e in expressions[:6]]
    assert paths == ["1/2/3/4/5/6.html?x=y", "1/2/3/4/5/6.html", "", "1/", "1/2/", "1/2/3/"]


def test_port_scheme_and_empty_query() -> None:
    assert lookup_expressions("https://www.gotaport.com:1234/q?") == [
        "www.gotaport.com/q?",
        "www.gotaport.com/q",
        "www.gotaport.com/",
        "gotaport.com/q?",
        "gotaport.com/q",
        "gotaport.com/",
    ]


def test_single_label_and_ipv6_hosts() -> None:
    assert lookup_expressions("http://localhost/") == ["localhost/"]
    assert lookup_expressions("http://[::1]:8080/a/") == ["[::1]/a/", "[::1]/"]


def test_feed_entry_matches_url() -> None:
    expressions = lookup_expressions(canonicalize_url("HTTP://A.Evil.COM:80/phish/./x.html#f"))
    assert "evil.com/phish/" in expressions
    assert "a.evil.com/phish/x.html" in expressions


@pytest.mark.parametrize("bad", ["evil.com/x", "http://evil.com"])
def test_rejects_non_canonical(bad: str) -> None:
    with pytest.raises(CanonError):
        lookup_expressions(bad)
