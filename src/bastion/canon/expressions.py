"""Safe Browsing host-suffix / path-prefix lookup expressions for a canonical URL.

A feed entry such as ``evil.com/phish/`` must match ``http://a.evil.com/phish/x.html?id=1``;
generating the same bounded set of expressions on both sides turns that into exact-string
lookups (at most 5 hosts x 6 paths = 30 per URL).
"""

from __future__ import annotations

import re
from typing import Final

from bastion.canon.urls import _host_and_tail

_IPV4: Final = re.compile(r"[0-9]{1,3}(?:\.[0-9]{1,3}){3}")
MAX_HOST_LABELS: Final = 5
MAX_PATH_PREFIXES: Final = 4


def lookup_expressions(canonical_url: str) -> list[str]:
    """Expressions for ``canonical_url`` in Google's order: for each host (the exact host, then
    suffixes of its last five labels down to two labels, none for IPs), the exact path with
    query, the exact path without it, then up to four directory prefixes from ``/``. The port
    and scheme are not part of any expression. Raises CanonError for a non-canonical URL."""
    host_port, tail = _host_and_tail(canonical_url)
    host = _strip_port(host_port)
    paths = _paths(tail)
    return [host + path for host in _hosts(host) for path in paths]


def _strip_port(host_port: str) -> str:
    if host_port.startswith("["):
        return host_port[: host_port.find("]") + 1]
    return host_port.partition(":")[0]


def _hosts(host: str) -> list[str]:
    if host.startswith("[") or _IPV4.fullmatch(host):
        return [host]
    labels = host.split(".")
    count = len(labels)
    hosts = [host]
    for start in range(max(1, count - MAX_HOST_LABELS), count - 1):
        hosts.append(".".join(labels[start:]))
    return hosts


def _paths(tail: str) -> list[str]:
    path, question, _ = tail.partition("?")
    candidates = [tail]
    if question:
        candidates.append(path)
    directories = path.split("/")[1:-1]
    prefix = "/"
    candidates.append(prefix)
    for directory in directories[: MAX_PATH_PREFIXES - 1]:
        prefix = f"{prefix}{directory}/"
        candidates.append(prefix)
    return list(dict.fromkeys(candidates))
