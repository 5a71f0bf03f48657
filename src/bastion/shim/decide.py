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
from dataclasses import dataclass, replace
from typing import Final, Literal
from urllib.parse import quote, urlsplit

from bastion.expand import ShortLinkExpander
from bastion.model import HOST_KINDS, Item, ScanResult
from bastion.scanner import Scanner

SHORTENER: Final = "shortener"
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
    expander: ShortLinkExpander | None = None,
) -> Click:
    """Scan ``url`` as a link visit and say what the shim shows.

    With an ``expander``, a link the policy allows but whose host the intel calls a shortener
    is followed (``bastion.expand``) and every hop is judged the same way; the first hop the
    policy does not allow decides. A walk that cannot finish warns instead of redirecting.
    """
    target = quote(url, safe=_SAFE)
    try:
        parts = urlsplit(target)
        host = (parts.hostname or "").lower()
    except ValueError:
        parts, host = None, ""
    if parts is None or parts.scheme.lower() not in ("http", "https") or not host:
        return Click("refuse", target, host, "", "only web links (http, https) are followed", False)
    result = _visit(scanner, url)
    click = _judge(result, target, host, continue_on, block_categories)
    if click.decision != "redirect" or expander is None or not _shortened(result):
        return click
    scans: dict[str, ScanResult] = {}

    def visit(hop: str) -> ScanResult:
        """Each hop is scanned once: the walk asks whether it is a shortener, then it is judged."""
        found = scans.get(hop)
        if found is None:
            found = scans[hop] = _visit(scanner, hop)
        return found

    expansion = expander.expand(target, lambda hop: _shortened(visit(hop)))
    for hop in expansion.chain:
        hop_target = quote(hop, safe=_SAFE)
        hop_host = (urlsplit(hop_target).hostname or "").lower()
        judged = _judge(visit(hop), hop_target, hop_host, continue_on, block_categories)
        if judged.decision != "redirect":
            return replace(judged, url=target, reason=_via(host, judged.reason))
    if not expansion.complete:
        reason = f"where the short link leads could not be checked ({expansion.stop})"
        return Click("warn", target, host, "shortener", reason, "review" in continue_on)
    return click


def _visit(scanner: Scanner, url: str) -> ScanResult:
    return scanner.scan(Item(id="click", text=url, surface="link_visit"))


def _shortened(result: ScanResult) -> bool:
    return any(SHORTENER in e.flags for e in result.entities if e.kind in HOST_KINDS)


def _via(host: str, reason: str) -> str:
    return f"the short link on {host} leads here: {reason}" if reason else reason


def _judge(
    result: ScanResult,
    target: str,
    host: str,
    continue_on: Collection[str],
    block_categories: Collection[str],
) -> Click:
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
