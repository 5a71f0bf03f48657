"""Host, IP and rule-value normalisation shared by every feed format and by the index lookups.

Feeds are hostile, messy input: hosts arrive upper-cased, with trailing dots, wildcard prefixes,
Unicode labels or plain junk. Everything stored in the index goes through ``normalize_host`` so a
lookup of the canonical host the scanner produces (lower-case punycode) finds it.
"""

from __future__ import annotations

import ipaddress
import re
from typing import Final

import idna
import re2

from bastion.suffixes import is_tld

MAX_HOST_CHARS: Final = 253
MAX_REGEXP_CHARS: Final = 1024
_LABEL = re.compile(r"[a-z0-9_-]{1,63}")
_TLD = re.compile(r"[a-z]{1,63}|xn--[a-z0-9-]{1,59}")


def re2_options() -> re2.Options:
    """Quiet RE2 options: bad feed patterns are reported by us, not logged to stderr by RE2."""
    options = re2.Options()
    options.log_errors = False
    return options


_RE2_OPTIONS: Final = re2_options()


class RuleError(ValueError):
    """A feed value that cannot become an index entry; the message is the reason shown to users."""


def reverse_host(host: str) -> str:
    """``www.bet888.com`` -> ``moc.888teb.www.``: the key form of the host trie.

    Reversing characters gives the same prefix property as reversing labels (``moc.888teb.`` is
    a prefix of the key exactly when ``bet888.com`` is a parent of, or equal to, the host) and is
    several times cheaper than split/reverse/join on the lookup hot path.
    """
    return host[::-1] + "."


def unreverse_key(key: str) -> str:
    """Inverse of ``reverse_host`` (for display of which listed domain matched)."""
    return key[-2::-1] if key.endswith(".") else key[::-1]


def parse_ip(value: str) -> str | None:
    """The normalised text of an IPv4/IPv6 address (``[::1]`` brackets allowed), else ``None``.

    An IPv4-mapped IPv6 address (``::ffff:5.196.156.38``, ``::ffff:5c4:9c26``) reaches the IPv4
    host it names, so it is that IPv4 address: a listed IPv4 matches however it is written."""
    text = value.strip()
    if text.startswith("[") and text.endswith("]"):
        text = text[1:-1]
    if not text or not (":" in text or text[-1:].isdigit()):
        return None
    try:
        address = ipaddress.ip_address(text)
    except ValueError:
        return None
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return str(address.ipv4_mapped)
    return str(address)


def normalize_host(raw: str, *, allow_tld: bool = False) -> str:
    """Lower-case, strip the trailing dot and ``*.``/``.`` prefixes, IDNA-encode, validate.

    Raises ``RuleError`` for anything that is not a plausible DNS name with at least two labels
    and an alphabetic (or punycode) top-level label. IP addresses are rejected here: callers use
    ``parse_ip`` first. With ``allow_tld`` a lone public top-level label (``porn``, ``xxx``) is
    accepted: suffix rules such as v2fly's ``domain:porn`` list a whole TLD.
    """
    host = raw.strip().lower().rstrip(".")
    if host.startswith("*."):
        host = host[2:]
    elif host.startswith("."):
        host = host[1:]
    if not host:
        raise RuleError("empty host")
    if not host.isascii():
        try:
            host = idna.encode(host, uts46=True, transitional=False).decode("ascii")
        except (idna.IDNAError, UnicodeError) as exc:
            raise RuleError(f"invalid internationalised host ({exc})") from None
    if len(host) > MAX_HOST_CHARS:
        raise RuleError(f"host longer than {MAX_HOST_CHARS} characters")
    labels = host.split(".")
    if len(labels) < 2 and not (allow_tld and is_tld(host)):
        raise RuleError("not a domain (single label, not a known TLD)")
    for label in labels:
        if not _LABEL.fullmatch(label):
            raise RuleError(f"invalid label {label[:70]!r}")
        if label[0] == "-" or label[-1] == "-":
            raise RuleError(f"label {label!r} starts or ends with '-'")
    if not _TLD.fullmatch(labels[-1]):
        raise RuleError(f"invalid top-level label {labels[-1]!r}")
    return host


def normalize_network(raw: str) -> str:
    """An IP or CIDR in normalised form: ``10.0.0.1`` or ``10.0.0.0/8`` (host bits cleared).

    A /32 (or /128) network is returned as the plain address so it is an exact-IP entry.
    """
    text = raw.strip()
    if "/" not in text:
        ip = parse_ip(text)
        if ip is None:
            raise RuleError("not an IP address")
        return ip
    try:
        net = ipaddress.ip_network(text, strict=False)
    except ValueError:
        raise RuleError("not an IP network") from None
    if net.num_addresses == 1:
        return str(net.network_address)
    return str(net)


def normalize_keyword(raw: str) -> str:
    """A keyword rule: a lower-case substring of a host, printable, without spaces."""
    word = raw.strip().lower()
    if not word:
        raise RuleError("empty keyword")
    if len(word) > MAX_HOST_CHARS or not word.isprintable() or " " in word:
        raise RuleError("keyword must be printable, without spaces, at most 253 characters")
    if not word.isascii():
        raise RuleError("non-ASCII keyword can never match a (punycode) host")
    return word


def normalize_regexp(raw: str) -> str:
    """A regexp rule, checked to compile under RE2 (linear time; feed patterns are hostile)."""
    pattern = raw.strip()
    if not pattern:
        raise RuleError("empty regexp")
    if len(pattern) > MAX_REGEXP_CHARS:
        raise RuleError(f"regexp longer than {MAX_REGEXP_CHARS} characters")
    try:
        re2.compile(pattern, options=_RE2_OPTIONS)
    except re2.error as exc:
        detail = exc.args[0] if exc.args else "syntax"
        if isinstance(detail, bytes):
            detail = detail.decode("utf-8", "replace")
        raise RuleError(f"invalid regexp ({detail})") from None
    return pattern
