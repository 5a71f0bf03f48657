"""Fetching feeds over HTTP from a loopback server: limits, timeouts and address refusal."""

from __future__ import annotations

from pathlib import Path

import pytest

from bastion.intel import IntelIndex
from bastion.intel.feeds import import_feeds
from bastion.intel.fetch import FetchError, check_url, fetch
from tests.support.loopback import LoopbackReceiver


def test_import_from_url(
    loopback_receiver: LoopbackReceiver, home: Path, shared_data: Path
) -> None:
    body = (shared_data / "sinfonietta-hostfiles" / "gambling.txt").read_bytes()
    url = loopback_receiver.serve("/lists/gambling.txt", body)
    result = import_feeds(home, url, category="from-file", allow_private=True)
    manifest = result.manifests[0]
    assert (manifest.source, manifest.category, manifest.format) == (
        "127.0.0.1",
        "gambling",
        "domains",
    )
    assert manifest.origin == url
    assert manifest.counts["domain"] == len(body.split())
    first = body.split()[0].decode()
    assert IntelIndex.open(home).lookup_host(f"www.{first}") is not None


def test_redirects_are_followed_and_rechecked(loopback_receiver: LoopbackReceiver) -> None:
    loopback_receiver.serve("/final.txt", b"bet888.com\n")
    start = loopback_receiver.serve("/start", b"", status=302, Location="/final.txt")
    fetched = fetch(start, allow_private=True)
    assert fetched.data == b"bet888.com\n" and fetched.url.endswith("/final.txt")
    assert fetched.name == "final.txt"
    loop = loopback_receiver.serve("/loop", b"", status=302, Location="/loop")
    with pytest.raises(FetchError, match="more than 5 redirects"):
        fetch(loop, allow_private=True)


def test_loopback_refused_without_allow_private(loopback_receiver: LoopbackReceiver) -> None:
    url = loopback_receiver.serve("/feed.txt", b"bet888.com\n")
    with pytest.raises(FetchError, match=r"non-public address 127\.0\.0\.1"):
        fetch(url)
    assert loopback_receiver.received == []


@pytest.mark.parametrize(
    "url",
    [
        "http://localhost/feed.txt",
        "http://10.0.0.1/feed.txt",
        "http://192.168.1.1/x",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]/x",
        "http://[::ffff:127.0.0.1]/x",
        "http://0.0.0.0/x",
    ],
)
def test_private_addresses_refused_before_any_connection(url: str) -> None:
    with pytest.raises(FetchError, match="non-public"):
        check_url(url)


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.com/x", "gopher://x/"])
def test_only_http_and_https(url: str) -> None:
    with pytest.raises(FetchError, match="only http and https"):
        fetch(url, allow_private=True)


def test_size_limit_declared_and_streamed(loopback_receiver: LoopbackReceiver) -> None:
    big = b"bet888.com\n" * 20_000
    declared = loopback_receiver.serve("/big.txt", big)
    with pytest.raises(FetchError, match="declares 220000 bytes"):
        fetch(declared, allow_private=True, max_bytes=100_000)
    assert len(fetch(declared, allow_private=True, max_bytes=300_000).data) == len(big)


def test_streamed_body_without_length_is_counted(loopback_receiver: LoopbackReceiver) -> None:
    big = b"bet888.com\n" * 20_000
    url = loopback_receiver.serve("/stream.txt", big, sized=False)
    with pytest.raises(FetchError, match="larger than the 50000-byte limit"):
        fetch(url, allow_private=True, max_bytes=50_000)
    assert fetch(url, allow_private=True, max_bytes=len(big)).data == big


def test_timeout(loopback_receiver: LoopbackReceiver) -> None:
    url = loopback_receiver.serve("/slow.txt", b"bet888.com\n")
    loopback_receiver.hold("/slow.txt")  # answers only after the test: the timeout is certain
    with pytest.raises(FetchError, match=r"timed out after 0\.3 s"):
        fetch(url, allow_private=True, timeout=0.3)


def test_http_errors(loopback_receiver: LoopbackReceiver, home: Path) -> None:
    with pytest.raises(FetchError, match="HTTP 404"):
        fetch(loopback_receiver.url("/missing.txt"), allow_private=True)
    with pytest.raises(FetchError, match=r"refused|cannot fetch"):
        fetch("http://127.0.0.1:1/x", allow_private=True, timeout=30)
