"""Public Suffix List access shared by every stage (bare-domain validation, registrable domains).

Backed by the maintained ``publicsuffixlist`` package, which ships the list itself, so nothing
is downloaded at run time. Unknown suffixes are rejected: ``report.pdf`` and ``Mr.Smith`` are not
hosts.
"""

from __future__ import annotations

from functools import lru_cache

from publicsuffixlist import PublicSuffixList


@lru_cache(maxsize=1)
def suffix_list() -> PublicSuffixList:
    """The process-wide list (immutable; loading takes ~30 ms, so it is built once)."""
    return PublicSuffixList(accept_unknown=False)


@lru_cache(maxsize=65536)
def registrable_domain(host: str) -> str | None:
    """``www.bet888.com`` -> ``bet888.com``; ``None`` for bare suffixes and unknown TLDs."""
    result: str | None = suffix_list().privatesuffix(host.rstrip(".").lower())
    return result


@lru_cache(maxsize=65536)
def public_suffix(host: str) -> str | None:
    """``a.example.co.uk`` -> ``co.uk``; ``None`` when the TLD is not in the list."""
    result: str | None = suffix_list().publicsuffix(host.rstrip(".").lower())
    return result


def has_known_suffix(host: str) -> bool:
    """True when ``host`` ends in a listed public suffix and has a label in front of it."""
    return registrable_domain(host) is not None


@lru_cache(maxsize=4096)
def is_tld(label: str) -> bool:
    """True when ``label`` (``com``, ``xn--fiqs8s``, ``中国``) is a top-level public suffix."""
    return "." not in label and bool(suffix_list().is_public(label.lower()))
