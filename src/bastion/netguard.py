"""Outbound HTTP that cannot be turned against the operator's own network (SSRF).

Feed URLs, webhook URLs and audit checkpoint receivers are typed by people, and the DNS answers
and redirects behind them come from the internet. One address policy decides where Bastion may
connect: ``refusal_reason`` accepts only addresses that ``ipaddress`` calls global (so not
loopback, private, link-local, CGNAT 100.64.0.0/10 where cloud metadata services live, or any
other special range) and not multicast, and it looks inside the IPv6 forms that carry an IPv4
address (mapped, compatible, 6to4, Teredo, NAT64, ISATAP), because ``is_global`` calls some of
them global even when they lead to 127.0.0.1. Mapped and well-known NAT64 addresses are judged
by the IPv4 host they reach, so an IPv6-only host behind DNS64 can still fetch public feeds.

Checking a name and then letting the HTTP client resolve it again is not enough: a hostile DNS
server answers the check with a public address and the connection with an internal one
(rebinding). ``GuardedTransport`` therefore resolves each name once, when the connection is
opened, checks every address of the answer, and connects the socket to the checked address
itself. The URL is left alone, so the ``Host`` header, TLS SNI and certificate verification
all still use the name. Every redirect hop opens its connection through the same gate.
"""

from __future__ import annotations

import ipaddress
import socket
import ssl
from collections.abc import Callable, Iterable, Sequence
from typing import Final

import httpcore
import httpx

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
Resolver = Callable[[str, int], Sequence[str]]
"""``(host, port) -> addresses`` as text; injectable so tests can play a rebinding DNS server."""
AddressPolicy = Callable[[str], str | None]
"""``address -> why it is refused`` (None: allowed); ``refusal_reason`` unless a test stands in."""

DEFAULT_TIMEOUT: Final = 10.0
_NAT64_WELL_KNOWN: Final = ipaddress.IPv6Network("64:ff9b::/96")
_NAT64_LOCAL: Final = ipaddress.IPv6Network("64:ff9b:1::/48")
_IPV4_COMPATIBLE: Final = ipaddress.IPv6Network("::/96")
_ISATAP_IDS: Final = (0x00005EFE, 0x02005EFE)


class AddressRefused(httpx.TransportError):
    """The destination resolves to an address the policy refuses; retrying will not help."""


def system_resolver(host: str, port: int) -> list[str]:
    """Every address ``host`` resolves to, in the system resolver's order, without repeats."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def _embedded_ipv4(address: ipaddress.IPv6Address) -> Iterable[tuple[str, ipaddress.IPv4Address]]:
    if address in _IPV4_COMPATIBLE:
        yield "IPv4-compatible", ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    if address.sixtofour is not None:
        yield "6to4", address.sixtofour
    if address.teredo is not None:
        server, client = address.teredo
        yield "Teredo server", server
        yield "Teredo client", client
    if (int(address) >> 32) & 0xFFFFFFFF in _ISATAP_IDS:
        yield "ISATAP", ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)


def _refused(address: IPAddress) -> bool:
    return not address.is_global or address.is_multicast or address.is_reserved


def refusal_reason(address: str | IPAddress) -> str | None:
    """Why Bastion may not connect to ``address``, or None when it may (a public unicast host)."""
    try:
        ip = ipaddress.ip_address(str(address).partition("%")[0].strip("[]"))
    except ValueError:
        return f"{str(address)[:60]!r} is not an IP address"
    if isinstance(ip, ipaddress.IPv6Address):
        # Mapped and (DNS64) NAT64 addresses reach the IPv4 host they carry: judge that one.
        if ip.ipv4_mapped is not None:
            ip = ip.ipv4_mapped
        elif ip in _NAT64_WELL_KNOWN:
            ip = ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    if _refused(ip):
        return f"non-public address {ip}"
    if isinstance(ip, ipaddress.IPv6Address):
        if ip in _NAT64_LOCAL:
            return f"non-public address {ip} (local-use NAT64)"
        for form, inner in _embedded_ipv4(ip):
            if _refused(inner):
                return f"non-public address {ip} ({form} form of {inner})"
    return None


def checked_addresses(
    host: str,
    port: int,
    *,
    allow_private: bool = False,
    resolver: Resolver = system_resolver,
    policy: AddressPolicy = refusal_reason,
) -> list[str]:
    """Resolve ``host`` once and return its addresses, all of them allowed by the policy.

    One refused address refuses the host: a name that answers with a public and a private
    address is exactly what a rebinding attacker serves. Resolution failures raise
    ``httpcore.ConnectError`` (worth a retry); refusals raise ``AddressRefused``.
    """
    name = host.strip("[]")
    try:
        addresses = [str(ipaddress.ip_address(name.partition("%")[0]))]
    except ValueError:
        try:
            addresses = [a.partition("%")[0] for a in resolver(name, port)]
        except (OSError, UnicodeError) as exc:
            raise httpcore.ConnectError(f"cannot resolve {name}: {exc}") from None
    if not addresses:
        raise httpcore.ConnectError(f"{name} resolves to no address")
    if not allow_private:
        for address in addresses:
            why = policy(address)
            if why is not None:
                raise AddressRefused(f"refusing {name}: it resolves to {why}")
    return addresses


class GuardedBackend(httpcore.NetworkBackend):
    """httpcore's socket backend, connecting only to addresses ``checked_addresses`` returned."""

    def __init__(
        self, *, allow_private: bool, resolver: Resolver, policy: AddressPolicy = refusal_reason
    ) -> None:
        self.allow_private, self.resolver, self.policy = allow_private, resolver, policy
        self._sockets = httpcore.SyncBackend()

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.NetworkStream:
        addresses = checked_addresses(
            host, port, allow_private=self.allow_private, resolver=self.resolver, policy=self.policy
        )
        failure: httpcore.ConnectError | None = None
        for address in addresses:
            try:
                return self._sockets.connect_tcp(
                    address,
                    port,
                    timeout=timeout,
                    local_address=local_address,
                    socket_options=socket_options,
                )
            except httpcore.ConnectError as exc:
                failure = exc
        raise failure or httpcore.ConnectError(f"cannot connect to {host}")

    def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.NetworkStream:
        raise AddressRefused("unix sockets are not an outbound destination")

    def sleep(self, seconds: float) -> None:
        self._sockets.sleep(seconds)


class GuardedTransport(httpx.HTTPTransport):
    """An ``httpx`` transport whose every connection goes through ``GuardedBackend``.

    httpx 0.28 (pinned) has no public hook for the network backend, so the connection pool the
    parent built is replaced by one with the same settings and the guarded backend. No proxy and
    no environment settings: a proxy would make the connection (and the address check) its own.
    """

    def __init__(
        self,
        *,
        allow_private: bool = False,
        resolver: Resolver = system_resolver,
        policy: AddressPolicy = refusal_reason,
        limits: httpx.Limits | None = None,
        ssl_context: ssl.SSLContext | None = None,
    ) -> None:
        limits = limits or httpx.Limits(max_connections=20, max_keepalive_connections=10)
        super().__init__(trust_env=False, limits=limits)
        self._pool = httpcore.ConnectionPool(
            ssl_context=ssl_context or httpx.create_ssl_context(trust_env=False),
            max_connections=limits.max_connections,
            max_keepalive_connections=limits.max_keepalive_connections,
            keepalive_expiry=limits.keepalive_expiry,
            network_backend=GuardedBackend(
                allow_private=allow_private, resolver=resolver, policy=policy
            ),
        )


def guarded_client(
    *,
    allow_private: bool = False,
    resolver: Resolver = system_resolver,
    policy: AddressPolicy = refusal_reason,
    timeout: float = DEFAULT_TIMEOUT,
) -> httpx.Client:
    """A client that never follows redirects by itself (callers check each hop's scheme) and
    connects only where the address policy allows."""
    return httpx.Client(
        transport=GuardedTransport(allow_private=allow_private, resolver=resolver, policy=policy),
        timeout=httpx.Timeout(timeout),
        follow_redirects=False,
        trust_env=False,
    )


class GuardedClients:
    """One pooled guarded client per address policy, made on first use; close them together.

    Webhook tenants differ in whether the operator let them use private addresses, and a
    connection opened for one policy must never be reused under the other.
    """

    def __init__(
        self,
        *,
        resolver: Resolver = system_resolver,
        policy: AddressPolicy = refusal_reason,
        timeout: float = DEFAULT_TIMEOUT,
    ) -> None:
        self.resolver, self.policy, self.timeout = resolver, policy, timeout
        self._clients: dict[bool, httpx.Client] = {}

    def get(self, *, allow_private: bool) -> httpx.Client:
        client = self._clients.get(allow_private)
        if client is None:
            client = self._clients[allow_private] = guarded_client(
                allow_private=allow_private,
                resolver=self.resolver,
                policy=self.policy,
                timeout=self.timeout,
            )
        return client

    def close(self) -> None:
        for client in self._clients.values():
            client.close()
        self._clients.clear()

    def __enter__(self) -> GuardedClients:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
