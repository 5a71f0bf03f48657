"""canon stage: Safe Browsing style canonical URLs, hosts, IPs and lookup expressions.

Runs after extract and before intel/detect; pure functions plus one in-place entity pass.
"""

from bastion.canon.entities import canonicalize_entity
from bastion.canon.expressions import lookup_expressions
from bastion.canon.hosts import CanonError, canonicalize_host, parse_ip_host
from bastion.canon.urls import canonicalize_url, host_of

__all__ = [
    "CanonError",
    "canonicalize_entity",
    "canonicalize_host",
    "canonicalize_url",
    "host_of",
    "lookup_expressions",
    "parse_ip_host",
]
