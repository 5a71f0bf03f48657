"""Canonicalize the extract stage's entities in place, so intel lookups see one spelling."""

from __future__ import annotations

from typing import Final

from bastion.canon.hosts import CanonError, canonicalize_host, parse_ip_host
from bastion.canon.urls import canonicalize_url, host_of
from bastion.model import Entity
from bastion.suffixes import registrable_domain

UNCANONICAL: Final = "uncanonical"


def canonicalize_entity(entity: Entity) -> None:
    """Fill ``value``, ``host`` and ``registrable_domain`` by kind.

    url: value = canonical URL, host = its host. domain / email: host canonical, value
    lower-cased. ip: value = normalized IP. deeplink: scheme lower-cased. Any kind with a host
    gets its registrable domain (the IP itself for IP hosts). When a value has no canonical form
    the extractor's value is kept and the entity is flagged ``uncanonical`` rather than dropped:
    a malformed link is still evidence.
    """
    try:
        _canonicalize(entity)
    except CanonError:
        if UNCANONICAL not in entity.flags:
            entity.flags.append(UNCANONICAL)
        return
    if entity.host is not None:
        ip = parse_ip_host(entity.host) if _may_be_ip(entity.host) else None
        entity.registrable_domain = ip if ip is not None else registrable_domain(entity.host)


def _canonicalize(entity: Entity) -> None:
    kind = entity.kind
    value = entity.value or entity.raw
    if kind == "url":
        canonical = canonicalize_url(value)
        entity.value = canonical
        entity.host = host_of(canonical)
    elif kind == "domain":
        entity.host = canonicalize_host(value)
        entity.value = value.lower()
    elif kind == "email":
        local, at, domain = value.rpartition("@")
        if not at or not local:
            raise CanonError(f"not an e-mail address: {value[:80]!r}")
        entity.host = canonicalize_host(domain)
        entity.value = value.lower()
    elif kind == "ip":
        ip = parse_ip_host(value)
        if ip is None:
            raise CanonError(f"not an IP address: {value[:80]!r}")
        entity.value = ip
        entity.host = ip
    elif kind == "deeplink":
        scheme, colon, rest = value.partition(":")
        if colon:
            entity.value = f"{scheme.lower()}:{rest}"
    elif entity.host is not None:
        entity.host = canonicalize_host(entity.host)


def _may_be_ip(host: str) -> bool:
    return host[:1].isdigit() or ":" in host
