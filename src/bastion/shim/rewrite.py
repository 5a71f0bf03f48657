"""Which links of a scanned text get a shim link, and the text with them replaced.

Every web host the scan found in the text is rewritten, disguised ones too (``12bet点com`` becomes
a shim link to ``http://12bet.com/``), whatever its verdict today: the shim decides at click time.
E-mail addresses, handles and what came from pictures are left alone.
"""

from __future__ import annotations

from typing import Any, Final

from bastion.model import ScanResult
from bastion.shim.signing import MAX_URL_CHARS, LinkSigner

REWRITTEN_KINDS: Final = frozenset({"url", "domain", "ip"})


def shim_links(
    result: ScanResult, signer: LinkSigner, tenant: str, base: str = ""
) -> list[dict[str, Any]]:
    """``[{raw, span, url, shim}]`` for each rewritable link, in text order, spans disjoint."""
    links: list[dict[str, Any]] = []
    last = 0
    for entity in sorted(result.entities, key=lambda e: e.span):
        start, end = entity.span
        if entity.kind not in REWRITTEN_KINDS or entity.origin != "text" or start < last:
            continue
        url = entity.value if entity.kind == "url" else f"http://{entity.host or entity.value}/"
        if len(url) > MAX_URL_CHARS:
            continue
        links.append(
            {
                "raw": entity.raw,
                "span": [start, end],
                "url": url,
                "shim": signer.link(url, tenant, base),
            }
        )
        last = end
    return links


def rewritten(text: str, links: list[dict[str, Any]]) -> str:
    """``text`` with each link's span replaced by its shim link."""
    pieces: list[str] = []
    last = 0
    for link in links:
        start, end = link["span"]
        pieces.extend((text[last:start], link["shim"]))
        last = end
    pieces.append(text[last:])
    return "".join(pieces)
