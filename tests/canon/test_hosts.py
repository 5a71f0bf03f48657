"""canonicalize_host and parse_ip_host: dots, case, IDNA, every IPv4 spelling, IPv6."""

from __future__ import annotations

import pytest

from bastion.canon import CanonError, canonicalize_host, parse_ip_host


@pytest.mark.parametrize(
    ("host", "expected"),
    [
        ("WWW.Example.COM", "www.example.com"),
        ("..www..example...com..", "www.example.com"),
        ("bücher.de", "xn--bcher-kva.de"),
        ("例子.中国", "xn--fsqu00a.xn--fiqs8s"),
        ("bet888。com", "bet888.com"),
        ("bet888．com", "bet888.com"),
        ("bet888%2Ecom", "bet888.com"),
        ("ПОЧТА.рф", "xn--80a1acny.xn--p1ai"),
        ("xn--p1ai", "xn--p1ai"),
        ("a b.com", "a%20b.com"),
        ("3232235777", "192.168.1.1"),
        ("[::1]", "::1"),
        ("::FFFF:1.2.3.4", "::ffff:102:304"),
    ],
)
def test_canonicalize_host(host: str, expected: str) -> None:
    assert canonicalize_host(host) == expected
    assert canonicalize_host(expected) == expected


@pytest.mark.parametrize("host", ["", ".", "...", "%2E%2E", "[::1", "[zz::1]", "a:b", "。"])
def test_canonicalize_host_errors(host: str) -> None:
    with pytest.raises(CanonError):
        canonicalize_host(host)


@pytest.mark.parametrize(
    ("host", "expected"),
    [
        ("192.168.0.1", "192.168.0.1"),
        ("3232235777", "192.168.1.1"),
        ("0300.0250.0.1", "192.168.0.1"),
        ("0xC0.0xA8.0.1", "192.168.0.1"),
        ("0XC0.0xa8.0x0.0x1", "192.168.0.1"),
        ("0xC0A80001", "192.168.0.1"),
        ("192.168.257", "192.168.1.1"),
        ("192.11010305", "192.168.1.1"),
        ("0", "0.0.0.0"),
        ("4294967295", "255.255.255.255"),
        ("000000000000000000000000000000000000000000000001", "0.0.0.1"),
        ("0x00000000000000000000000000000000000000000000000001", "0.0.0.1"),
        ("1.2.3.4.", "1.2.3.4"),
        ("::1", "::1"),
        ("[0:0::1]", "::1"),
        ("2001:DB8::0:1", "2001:db8::1"),
    ],
)
def test_parse_ip_host(host: str, expected: str) -> None:
    assert parse_ip_host(host) == expected


@pytest.mark.parametrize(
    "host",
    [
        "",
        "example.com",
        "4294967296",
        "256.1.1.1",
        "1.2.3.256",
        "1.2.65536",
        "1.2.3.4.5",
        "08.1.1.1",
        "0x",
        "0xg1.1.1.1",
        "1..2",
        "1" * 5000,
        "[::1",
        "::g",
        "1.2.3.4x",
    ],
)
def test_parse_ip_host_rejects(host: str) -> None:
    assert parse_ip_host(host) is None


def test_non_ip_numeric_looking_host_stays_a_name() -> None:
    assert canonicalize_host("1.2.3.4.5") == "1.2.3.4.5"
    assert canonicalize_host("256.1.1.1") == "256.1.1.1"
