"""What the shim does with one click: the link is scanned again, now, against today's intel.

A link that was clean when posted and listed since is caught on its next click. The scan is the
ordinary ``Scanner.scan`` on the ``link_visit`` surface, so the policy decides as it does
everywhere else:

* ``allow`` → redirect (``Referrer-Policy: no-referrer``);
* ``review`` → a warning page; "continue anyway" only for verdicts the operator allows
  (``continue_on``, default review only);
* ``act`` → a warning page with no way through, or the block page when a category is one of
  ``block_categories`` (phishing and malware by default: the page itself does harm).

Only ``http`` and ``https`` URLs are ever followed; anything else is refused however it was signed.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from typing import Final, Literal
from urllib.parse import quote, urlsplit

from bastion.model import HOST_KINDS, Item
from bastion.scanner import Scanner

Decision = Literal["redirect", "warn", "block", "refuse"]
BLOCK_CATEGORIES: Final = frozenset({"phishing", "malware"})
CONTINUE_ON: Final = frozenset({"review"})
_SAFE: Final = ":/?#[]@!$&'()*+,;=%~-._"


@dataclass(frozen=True, slots=True)
class Click:
    """The shim's answer for one URL."""

    decision: Decision
    url: str
    """Where a redirect goes: the signed URL with anything outside printable ASCII escaped."""
    host: str
    category: str
    """The first category the policy named (``""`` when none)."""
    reason: str
    can_continue: bool


def decide(
    scanner: Scanner,
    url: str,
    *,
    continue_on: Collection[str] = CONTINUE_ON,
    block_categories: Collection[str] = BLOCK_CATEGORIES,
) -> Click:
    """Scan ``url`` as a link visit and say what the shim shows."""
    target = quote(url, safe=_SAFE)
    try:
        parts = urlsplit(target)
        host = (parts.hostname or "").lower()
    except ValueError:
        parts, host = None, ""
    if parts is None or parts.scheme.lower() not in ("http", "https") or not host:
        return Click("refuse", target, host, "", "only web links (http, https) are followed", False)
    result = scanner.scan(Item(id="click", text=url, surface="link_visit"))
    for entity in result.entities:
        if entity.kind in HOST_KINDS and entity.registrable_domain:
            host = entity.registrable_domain
            break
    if result.verdict == "allow":
        return Click("redirect", target, host, "", "", False)
    enforced = [v for v in result.violations if v.mode != "shadow"]
    categories = [v.category for v in enforced if v.category]
    category = next((c for c in categories if c in block_categories), None) or (
        categories[0] if categories else ""
    )
    chosen = next((v for v in enforced if v.category == category), None)
    reason = chosen.reason if chosen is not None else ""
    for index in chosen.entities if chosen is not None else ():
        named = result.entities[index].registrable_domain
        if named:
            host = named
            break
    if category in block_categories:
        return Click("block", target, host, category, reason, False)
    return Click("warn", target, host, category, reason, result.verdict in continue_on)
