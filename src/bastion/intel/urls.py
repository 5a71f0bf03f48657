"""URL feed entries in Safe-Browsing form, so a listed URL matches every spelling of it.

Feeds list URLs such as ``http://Evil.com/login/../login?x=1``; the scanner sees canonical URLs.
Both sides go through ``bastion.canon``: the feed entry is stored as its canonical URL and indexed
by its full lookup expression (``evil.com/login?x=1``); a scanned URL is looked up by each of its
lookup expressions (host suffixes x path prefixes), exactly as Safe Browsing matches.
"""

from __future__ import annotations

from bastion.canon import canonicalize_url, host_of, lookup_expressions
from bastion.intel.hosts import MAX_HOST_CHARS, RuleError, normalize_host, parse_ip

MAX_URL_CHARS = 8192


def url_rule(raw: str) -> tuple[str, str]:
    """A feed URL -> ``("url", canonical)``; a bare host URL (path ``/``) -> a host rule.

    ``http://evil.example/`` lists the whole host (and, as in Safe Browsing, its subdomains),
    so it becomes ``("domain", "evil.example")`` (or ``("ip", ...)``) in the host trie.
    """
    text = raw.strip()
    if not text:
        raise RuleError("empty URL")
    if len(text) > MAX_URL_CHARS:
        raise RuleError(f"URL longer than {MAX_URL_CHARS} characters")
    if not text.isprintable() or " " in text:
        raise RuleError("URL contains spaces or control characters")
    scheme = text.split(":", 1)[0].lower() if "://" in text else ""
    if scheme and scheme not in ("http", "https"):
        raise RuleError(f"unsupported URL scheme {scheme[:20]!r}")
    try:
        canonical = canonicalize_url(text)
    except ValueError as exc:
        raise RuleError(f"invalid URL ({exc})") from None
    host = host_of(canonical)
    if not host or len(host) > MAX_HOST_CHARS:
        raise RuleError("URL has no valid host")
    ip = parse_ip(host)
    if ip is None:
        host = normalize_host(host)
    rest = canonical.partition("://")[2]
    if rest[rest.find("/") :] == "/":
        return ("ip", ip) if ip is not None else ("domain", host)
    return "url", canonical


def url_key(canonical: str) -> str:
    """The trie key of a stored canonical URL: its most specific lookup expression."""
    return lookup_expressions(canonical)[0]


def url_lookup_keys(canonical: str) -> list[str]:
    """Every key a scanned canonical URL can be listed under (at most 30, per Safe Browsing)."""
    return lookup_expressions(canonical)
