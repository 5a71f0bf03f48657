"""URL canonicalization after Google Safe Browsing v4 (safe-browsing/v4/urls-hashing).

Feeds list URLs in this canonical form and lookups build expressions from it, so the order of
steps follows Google's reference client: drop tab/CR/LF, cut the fragment, trim, decode every
percent-escape until none is left, *then* split scheme / authority / path / query, and escape
again at the end. Deviations, all chosen to match what browsers actually open: non-default ports
are kept (v4 drops them; they do not affect lookup expressions), backslashes in the path act as
slashes, and http/https/ftp/ws/wss accept any number of slashes after the colon.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final

from bastion.canon.hosts import CanonError, _canonical_host, escape, unescape

_DROPPED: Final = str.maketrans({"\t": None, "\r": None, "\n": None})
_SCHEME: Final = re.compile(r"([a-zA-Z][a-zA-Z0-9+.\-]{0,31}):")
_HOST_PORT_ONLY: Final = re.compile(r"[0-9]{0,16}(?:[/?\\]|$)")
_AUTHORITY_END: Final = re.compile(r"[/?\\]")
_DIGITS: Final = re.compile(r"[0-9]{1,16}")
_SPECIAL_SCHEMES: Final = frozenset({"http", "https", "ftp", "ws", "wss"})
_CACHED_MAX: Final = 512
DEFAULT_PORTS: Final = {"http": 80, "https": 443, "ftp": 21, "ws": 80, "wss": 443}


def canonicalize_url(url: str) -> str:
    """Canonical form of ``url``: ``http://`` added when there is no scheme, host canonical (see
    ``canonicalize_host``), default port and userinfo dropped, ``/./`` ``/../`` ``//`` resolved
    in the path, ``/`` for an empty path, query kept verbatim, then bytes <= 0x20, >= 0x7f,
    ``#`` and ``%`` escaped. Raises CanonError for an empty or unparseable host or port."""
    if not isinstance(url, str):
        raise CanonError(f"URL must be a string, got {type(url).__name__}")
    if len(url) > _CACHED_MAX:
        return _canonicalize(url)
    return _canonicalize_cached(url)


def _canonicalize(url: str) -> str:
    text = url.translate(_DROPPED).partition("#")[0].strip()
    if not text:
        raise CanonError("empty URL")
    text = unescape(text)
    scheme, rest = _split_scheme(text)
    match = _AUTHORITY_END.search(rest)
    cut = match.start() if match else len(rest)
    authority, tail = rest[:cut], rest[cut:]
    path, question, query = tail.partition("?")
    host, port = _split_authority(authority, url)
    host = _canonical_host(host)
    if ":" in host:
        host = f"[{host}]"
    if port is not None and port != DEFAULT_PORTS.get(scheme):
        host = f"{host}:{port}"
    return escape(f"{scheme}://{host}{_canonical_path(path)}{question}{query}")


_canonicalize_cached: Final = lru_cache(maxsize=32768)(_canonicalize)


def _split_scheme(text: str) -> tuple[str, str]:
    match = _SCHEME.match(text)
    if match is None:
        return "http", _drop_two_slashes(text)
    scheme = match.group(1).lower()
    rest = text[match.end() :]
    if scheme in _SPECIAL_SCHEMES:
        return scheme, rest.lstrip("/\\")
    if rest.startswith("//"):
        return scheme, rest[2:]
    if _HOST_PORT_ONLY.match(rest):
        return "http", text
    raise CanonError(f"URL scheme {scheme!r} without '//' has no host: {text[:80]!r}")


def _drop_two_slashes(text: str) -> str:
    return text[2:] if text.startswith("//") else text


def _split_authority(authority: str, url: str) -> tuple[str, int | None]:
    """Host and numeric port of ``user:pass@host:port``; userinfo ends at the last ``@``."""
    host_port = authority.rpartition("@")[2]
    if host_port.startswith("["):
        close = host_port.find("]")
        if close < 0:
            raise CanonError(f"unclosed '[' in host of {url[:80]!r}")
        host, after = host_port[: close + 1], host_port[close + 1 :]
        if after and after[0] != ":":
            raise CanonError(f"junk after IPv6 address in {url[:80]!r}")
        port_text = after[1:] if after else None
    elif host_port.count(":") == 1:
        host, _, port_text = host_port.partition(":")
    else:
        host, port_text = host_port, None
    if not host.strip("."):
        raise CanonError(f"empty host in {url[:80]!r}")
    return host, _parse_port(port_text, url)


def _parse_port(port_text: str | None, url: str) -> int | None:
    if not port_text:
        return None
    if _DIGITS.fullmatch(port_text) is None or int(port_text) > 65535:
        raise CanonError(f"invalid port {port_text[:20]!r} in {url[:80]!r}")
    return int(port_text)


def _canonical_path(path: str) -> str:
    """Resolve ``.`` and ``..`` segments and collapse slash runs; a trailing slash (or a final
    ``.``/``..``, which names a directory) is kept. Linear: one split, one stack."""
    if "\\" in path:
        path = path.replace("\\", "/")
    if "/." not in path and "//" not in path:
        return path or "/"
    segments: list[str] = []
    for segment in path.split("/"):
        if segment in ("", "."):
            continue
        if segment == "..":
            if segments:
                segments.pop()
            continue
        segments.append(segment)
    if not segments:
        return "/"
    last = path.rpartition("/")[2]
    trailing = "/" if last in ("", ".", "..") else ""
    return "/" + "/".join(segments) + trailing


def host_of(canonical_url: str) -> str:
    """The host of a canonical URL: no userinfo, port or IPv6 brackets (``[::1]`` -> ``::1``)."""
    host, _ = _host_and_tail(canonical_url)
    if host.startswith("["):
        return host[1 : host.find("]")]
    return host.partition(":")[0]


def _host_and_tail(canonical_url: str) -> tuple[str, str]:
    """``(host[:port], /path?query)`` of a canonical URL; CanonError if it is not one."""
    start = canonical_url.find("://")
    if start < 0:
        raise CanonError(f"not a canonical URL (no '://'): {canonical_url[:80]!r}")
    rest = canonical_url[start + 3 :]
    cut = rest.find("/")
    if cut < 0:
        raise CanonError(f"not a canonical URL (no path): {canonical_url[:80]!r}")
    if cut == 0:
        raise CanonError(f"not a canonical URL (empty host): {canonical_url[:80]!r}")
    return rest[:cut], rest[cut:]
