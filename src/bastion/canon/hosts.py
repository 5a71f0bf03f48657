"""Host canonicalization: Safe Browsing host rules, IDNA to punycode and every numeric IP spelling.

Spammers write the same host many ways (``WWW.Bet888.COM.``, ``bücher.de``, ``0xC0A80001``,
``3232235777``, ``[0:0::1]``); a feed lookup only works when all of them collapse to one string.
Hosts returned here are bracket-free (IPv6 as ``::1``) and, like the rest of a canonical URL,
percent-escaped for bytes <= 0x20, >= 0x7f, ``#`` and ``%``.
"""

from __future__ import annotations

import ipaddress
import re
from functools import lru_cache
from typing import Final
from urllib.parse import quote_from_bytes, unquote_to_bytes

import idna


class CanonError(ValueError):
    """A URL or host that has no canonical form (empty host, bad port, malformed IPv6...)."""


_IDEOGRAPHIC_DOTS: Final = str.maketrans({"\u3002": ".", "\uff0e": ".", "\uff61": "."})
_JOINERS: Final = str.maketrans({"\u200c": None, "\u200d": None})
_DOT_RUN: Final = re.compile(r"\.{2,}")
_IPV4_PART: Final = re.compile(r"0[xX][0-9a-fA-F]{1,64}|[0-9]{1,64}")
_IPV6_CHARS: Final = re.compile(r"[0-9a-fA-F:.]{2,64}(?:%[^\]]{1,64})?")
_ESCAPE_NEEDED: Final = re.compile(r"[^\x21-\x7e]|[#%]")
_SURROGATE: Final = re.compile(r"[\ud800-\udfff]")
_URL_SAFE: Final = bytes(c for c in range(0x21, 0x7F) if c not in b"#%")
_UNESCAPE_HINT: Final = re.compile(r"%[0-9a-fA-F]{2}")
_MAPPED_UNSAFE: Final = re.compile(r"[\x00-\x20\x7f-\x9f%#/?@:\[\]\\\ud800-\udfff]")


def escape(text: str) -> str:
    """Percent-escape bytes <= 0x20, >= 0x7f, ``#`` and ``%`` (upper-case hex), as Safe Browsing
    does last. Lone surrogates stand for undecodable raw bytes and are escaped as those bytes."""
    if _ESCAPE_NEEDED.search(text) is None:
        return text
    raw = text.encode("utf-8", "surrogateescape")
    return quote_from_bytes(raw, safe=_URL_SAFE)


def unescape(text: str) -> str:
    """Percent-unescape until no ``%XX`` is left, in linear time.

    Decoding is confluent (escapes never overlap), so the fixed point of Google's "repeat until
    stable" loop is unique. Up to three ordinary passes settle real URLs; deeper nesting
    (``%25252525...``, one pass per level) switches to a single stack pass: after each byte is
    appended a trailing ``%XX`` is folded, and a fold can complete an escape started earlier
    (``%%32%35`` -> ``%25`` -> ``%``). Bytes that are not UTF-8 come back as lone surrogates.
    """
    if "%" not in text or _UNESCAPE_HINT.search(text) is None:
        return text
    data = text.encode("utf-8", "surrogateescape")
    for _ in range(3):
        decoded = unquote_to_bytes(data)
        if decoded == data:
            return data.decode("utf-8", "surrogateescape")
        data = decoded
    out = bytearray()
    for byte in data:
        out.append(byte)
        while len(out) >= 3 and out[-3] == 0x25 and _is_hex(out[-2]) and _is_hex(out[-1]):
            value = int(out[-2:].decode("ascii"), 16)
            del out[-3:]
            out.append(value)
    return out.decode("utf-8", "surrogateescape")


def _is_hex(byte: int) -> bool:
    return 0x30 <= byte <= 0x39 or 0x41 <= byte <= 0x46 or 0x61 <= byte <= 0x66


def parse_ip_host(host: str) -> str | None:
    """Numeric host in any spelling -> normalized IP string; ``None`` when it is not an IP.

    IPv4 follows inet_aton: one to four parts, each decimal, octal (leading ``0``) or hex
    (``0x``); the last part fills the remaining bytes, so ``192.168.257`` is ``192.168.1.1`` and
    ``3232235777`` is ``192.168.1.1``. Parts that overflow their bytes make it not an IP.
    IPv6 (with or without brackets) comes back in compressed form; IPv4-mapped addresses stay
    IPv6.
    """
    text = host.strip().strip(".")
    if not text:
        return None
    if text[0] == "[" or ":" in text:
        return _parse_ipv6(text)
    return _parse_ipv4(text)


def _parse_ipv4(text: str) -> str | None:
    parts = text.split(".")
    if len(parts) > 4:
        return None
    values: list[int] = []
    for part in parts:
        if _IPV4_PART.fullmatch(part) is None:
            return None
        if part[:2] in ("0x", "0X"):
            values.append(int(part[2:], 16))
        elif len(part) > 1 and part[0] == "0":
            if "8" in part or "9" in part:
                return None
            values.append(int(part, 8))
        else:
            values.append(int(part))
    last_bytes = 5 - len(values)
    if any(v > 0xFF for v in values[:-1]) or values[-1] >= 1 << (8 * last_bytes):
        return None
    number = values[-1]
    for index, value in enumerate(values[:-1]):
        number |= value << (8 * (3 - index))
    return str(ipaddress.IPv4Address(number))


def _parse_ipv6(text: str) -> str | None:
    if text[0] == "[":
        if text[-1] != "]":
            return None
        text = text[1:-1]
    if _IPV6_CHARS.fullmatch(text) is None:
        return None
    try:
        return ipaddress.IPv6Address(text).compressed
    except ValueError:
        return None


def canonicalize_host(host: str) -> str:
    """Safe Browsing host rules alone, for bare domains, e-mail domains and IP literals.

    Percent-escapes are decoded first (like the URL pipeline does), then see ``_canonical_host``.
    Raises CanonError when nothing usable is left.
    """
    return escape(_canonical_host(unescape(host)))


def _canonical_host(host: str) -> str:
    """Canonical, *unescaped* host: dots trimmed and collapsed, IDNA -> punycode, lower-case,
    numeric IPs normalized. The URL canonicalizer calls this on an already-decoded host.
    Short hosts (nearly all) are memoized; IDNA costs tens of microseconds."""
    if len(host) > 255:
        return _compute_host(host)
    return _cached_host(host)


def _compute_host(host: str) -> str:
    text = _squash_dots(host)
    if text[:1] == "[":
        ip = _parse_ipv6(text)
        if ip is None:
            raise CanonError(f"invalid IPv6 address in host {host[:80]!r}")
        return ip
    if not text.isascii():
        text = _to_ascii(text.translate(_IDEOGRAPHIC_DOTS))
    text = _squash_dots(text).lower()
    if not text:
        raise CanonError(f"empty host in {host[:80]!r}")
    if "[" in text or "]" in text:
        raise CanonError(f"'[' or ']' outside an IPv6 literal in host {host[:80]!r}")
    if ":" in text:
        ip = _parse_ipv6(text)
        if ip is None:
            raise CanonError(f"host {host[:80]!r} contains ':' but is not an IPv6 address")
        return ip
    if text[0] in "0123456789":
        ip = _parse_ipv4(text)
        if ip is not None:
            return ip
    return text


_cached_host: Final = lru_cache(maxsize=65536)(_compute_host)


def _squash_dots(text: str) -> str:
    if ".." in text:
        text = _DOT_RUN.sub(".", text)
    return text.strip(".")


def _to_ascii(host: str) -> str:
    """IDNA 2008 via UTS46 mapping (browser behaviour); when a host is not valid IDNA (emoji,
    bad hyphens, joiners) fall back label by label to the UTS46 mapping plus plain punycode, so
    ``i❤.ws`` still becomes ``xn--i-7iq.ws`` as browsers resolve it. Labels that cannot be
    mapped safely (control characters, undecodable bytes, or a mapping that would invent URL
    delimiters or escapes, e.g. fullwidth ``／`` or ``％``) stay raw and get percent-escaped."""
    host = _squash_dots(host)
    if not host or _SURROGATE.search(host) is not None:
        return host
    try:
        return idna.encode(host, uts46=True).decode("ascii")
    except (idna.IDNAError, UnicodeError, ValueError):
        pass
    return ".".join(_label_to_ascii(label) for label in host.split("."))


def _label_to_ascii(label: str) -> str:
    if label.isascii():
        return label
    try:
        mapped = idna.uts46_remap(label.translate(_JOINERS), std3_rules=False, transitional=False)
    except (idna.IDNAError, UnicodeError, ValueError):
        return label
    if _MAPPED_UNSAFE.search(mapped) is not None:
        return label
    parts = []
    for part in _squash_dots(mapped.translate(_IDEOGRAPHIC_DOTS)).split("."):
        if part.isascii():
            parts.append(part)
        else:
            parts.append("xn--" + part.encode("punycode").decode("ascii"))
    return ".".join(parts)
