"""The one outbound address policy (feeds, webhooks, audit checkpoints), at unit level."""

from __future__ import annotations

import ipaddress

import httpcore
import pytest

from bastion.netguard import AddressRefused, checked_addresses, refusal_reason

# Each of these leads to an address Bastion must not reach, yet ``is_global`` says True.
GLOBAL_BUT_INWARD = [
    "2002:7f00:1::1",  # 6to4 of 127.0.0.1
    "2002:a9fe:a9fe::",  # 6to4 of 169.254.169.254 (cloud metadata)
    "2002:6440:1::",  # 6to4 of 100.64.0.1 (CGNAT)
    "64:ff9b::7f00:1",  # NAT64 of 127.0.0.1
    "64:ff9b::a00:1",  # NAT64 of 10.0.0.1
    "64:ff9b:1::5db8:d70e",  # local-use NAT64 prefix
    "::127.0.0.1",  # IPv4-compatible
    "2600::5efe:7f00:1",  # ISATAP interface id around 127.0.0.1
    "ff0e::1",  # global multicast
    "224.0.0.1",  # multicast
]


@pytest.mark.parametrize("address", GLOBAL_BUT_INWARD)
def test_embedded_and_multicast_forms_are_refused_though_is_global(address: str) -> None:
    assert ipaddress.ip_address(address).is_global
    assert refusal_reason(address) is not None


@pytest.mark.parametrize(
    "address",
    [
        "100.64.0.1",
        "100.100.100.200",  # Alibaba Cloud metadata, inside CGNAT
        "100.127.255.254",
        "127.0.0.1",
        "10.0.0.1",
        "172.16.5.4",
        "192.168.1.1",
        "169.254.169.254",
        "0.0.0.0",
        "255.255.255.255",
        "192.0.2.1",
        "198.18.0.1",
        "240.0.0.1",
        "::1",
        "::",
        "::ffff:127.0.0.1",
        "::ffff:100.64.0.1",
        "fe80::1%eth0",
        "fd00::1",
        "2001:db8::1",
        "2001:0:4136:e378:8000:63bf:80ff:fffe",  # Teredo, client 127.0.0.1
        "[::1]",
    ],
)
def test_non_global_addresses_are_refused(address: str) -> None:
    why = refusal_reason(address)
    assert why is not None and why.startswith("non-public address")


@pytest.mark.parametrize(
    "address",
    [
        "93.184.215.14",
        "2606:2800:220:1:248:1893:25c8:1946",
        "::ffff:93.184.215.14",
        "2002:5db8:d70e::1",  # 6to4 of a public address
        "64:ff9b::5db8:d70e",  # NAT64 of a public address
    ],
)
def test_public_unicast_addresses_are_allowed(address: str) -> None:
    assert refusal_reason(address) is None


def test_not_an_address() -> None:
    assert refusal_reason("example.com") == "'example.com' is not an IP address"


def test_every_resolved_address_must_pass() -> None:
    def resolver(host: str, port: int) -> list[str]:
        return ["93.184.215.14", "192.168.1.1"]

    with pytest.raises(AddressRefused, match=r"refusing hooks\.example: .*192\.168\.1\.1"):
        checked_addresses("hooks.example", 443, resolver=resolver)
    both = checked_addresses("hooks.example", 443, resolver=resolver, allow_private=True)
    assert both == ["93.184.215.14", "192.168.1.1"]


def test_literals_skip_the_resolver_and_failures_are_connect_errors() -> None:
    def unreachable(host: str, port: int) -> list[str]:
        raise OSError("Name or service not known")

    assert checked_addresses("[2606:4700::1]", 443, resolver=unreachable) == ["2606:4700::1"]
    with pytest.raises(AddressRefused):
        checked_addresses("100.64.0.1", 80, resolver=unreachable)
    with pytest.raises(httpcore.ConnectError, match=r"cannot resolve nx\.example"):
        checked_addresses("nx.example", 80, resolver=unreachable)
    with pytest.raises(httpcore.ConnectError, match="no address"):
        checked_addresses("empty.example", 80, resolver=lambda h, p: [])
