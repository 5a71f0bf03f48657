"""Fetching feeds over HTTP from a loopback server: limits, timeouts and address refusal."""

from __future__ import annotations

import contextlib
import ssl
from pathlib import Path

import httpx
import pytest

from bastion.intel import IntelIndex
from bastion.intel.feeds import import_feeds
from bastion.intel.fetch import FetchError, check_url, fetch
from bastion.netguard import GuardedTransport, refusal_reason
from tests.intel.conftest import TestCA
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
        "http://100.64.0.1/x",
        "http://100.100.100.200/latest/meta-data/",
        "http://[2002:7f00:1::1]/x",
        "http://[64:ff9b::a9fe:a9fe]/x",
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


class Rebinding:
    """A DNS server that answers each lookup with the next list (the last one repeats)."""

    def __init__(self, *answers: list[str]) -> None:
        self.answers, self.asked = answers, list[str]()

    def __call__(self, host: str, port: int) -> list[str]:
        self.asked.append(host)
        return self.answers[min(len(self.asked), len(self.answers)) - 1]


def _stand_in(address: str) -> str | None:
    """The real policy, except that 127.0.0.1 plays a public host (the test server lives there)."""
    return None if address == "127.0.0.1" else refusal_reason(address)


def test_connection_goes_to_the_checked_address_never_to_a_second_answer(
    loopback_receiver: LoopbackReceiver,
) -> None:
    loopback_receiver.serve("/feed.txt", b"bet888.com\n")
    dns = Rebinding(["93.184.215.14"], ["127.0.0.1"])
    with contextlib.suppress(FetchError):  # whatever answers at the public address, not ours
        fetch(f"http://feeds.example:{loopback_receiver.port}/feed.txt", resolver=dns, timeout=1)
    assert loopback_receiver.paths == [] and dns.asked == ["feeds.example"]


def test_rebinding_cannot_reach_the_internal_host(loopback_receiver: LoopbackReceiver) -> None:
    """Checked answer 127.0.0.2 (allowed by the stand-in, nothing listens), then 127.0.0.1."""
    loopback_receiver.serve("/feed.txt", b"bet888.com\n")
    dns = Rebinding(["127.0.0.2"], ["127.0.0.1"])

    def policy(address: str) -> str | None:
        return None if address == "127.0.0.2" else refusal_reason(address)

    url = f"http://feeds.example:{loopback_receiver.port}/feed.txt"
    with pytest.raises(FetchError, match="cannot fetch"):
        fetch(url, resolver=dns, policy=policy, timeout=2)
    assert loopback_receiver.paths == [] and dns.asked == ["feeds.example"]


def test_pinned_address_keeps_the_host_header(loopback_receiver: LoopbackReceiver) -> None:
    loopback_receiver.serve("/feed.txt", b"bet888.com\n")
    dns = Rebinding(["127.0.0.1"])
    url = f"http://feeds.example:{loopback_receiver.port}/feed.txt"
    with pytest.raises(FetchError, match=r"non-public address 127\.0\.0\.1"):
        fetch(url, resolver=dns)
    assert loopback_receiver.paths == []
    assert fetch(url, resolver=dns, allow_private=True).data == b"bet888.com\n"
    assert loopback_receiver.hosts == [f"feeds.example:{loopback_receiver.port}"]


@pytest.mark.parametrize(
    "target",
    [
        "http://127.0.0.2:{port}/x",
        "http://[::1]:{port}/x",
        "http://[::ffff:127.0.0.1]:{port}/x",
        "http://169.254.169.254/latest/meta-data/",
        "http://100.64.0.1/",
        "http://10.1.2.3/",
        "http://[2002:a00:1::1]/",
    ],
)
def test_redirect_to_a_private_address_is_refused(
    loopback_receiver: LoopbackReceiver, target: str
) -> None:
    start = loopback_receiver.serve(
        "/start", b"", status=302, Location=target.format(port=loopback_receiver.port)
    )
    loopback_receiver.serve("/x", b"bet888.com\n")
    with pytest.raises(FetchError, match="non-public address"):
        fetch(start, policy=_stand_in, timeout=2)
    assert loopback_receiver.paths == ["/start"]


def test_tls_to_the_pinned_address_still_verifies_the_name(
    tls_receiver: LoopbackReceiver, test_ca: TestCA
) -> None:
    """The socket goes to the checked IP, but SNI and the certificate check use the name."""
    tls_receiver.serve("/feed.txt", b"bet888.com\n")
    trust = ssl.create_default_context(cafile=str(test_ca.ca))
    port = tls_receiver.port

    def client(name_resolves_to: str) -> httpx.Client:
        transport = GuardedTransport(
            allow_private=True, resolver=lambda h, p: [name_resolves_to], ssl_context=trust
        )
        return httpx.Client(transport=transport, trust_env=False)

    with client("127.0.0.1") as good:
        response = good.get(f"https://{test_ca.name}:{port}/feed.txt")
    assert response.content == b"bet888.com\n"
    assert tls_receiver.hosts == [f"{test_ca.name}:{port}"]
    with client("127.0.0.1") as wrong_name, pytest.raises(httpx.ConnectError, match="certif"):
        wrong_name.get(f"https://other.example:{port}/feed.txt")
    assert tls_receiver.paths == ["/feed.txt"]
