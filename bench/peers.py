"""The four peer extractors, used the way their documentation says, and the peers' own test vectors.

- iocextract: ``extract_urls(text, refang=True, strip=True)``, ``extract_emails(refang=True)``,
  ``extract_ips(refang=True)`` and ``extract_telephone_nums`` (its README's refang usage).
- ioc-finder: ``find_iocs(text)`` with its documented defaults (it fangs with ioc-fanger itself;
  ``parse_unicode_iocs=True`` was tried and finds fewer of our cases, so the default is kept).
- linkify-it-py: ``LinkifyIt().match(text)`` (fuzzy links and e-mails are on by default).
- urlextract: ``URLExtract(extract_email=True).find_urls(text)``.

Each finder returns what it extracted as strings; :func:`found` decides whether that covers a
case: a link case when any extracted URL, domain or e-mail has the expected registrable domain, a
handle case when an extracted phone number has the expected digits or an extracted URL carries
the handle (``t.me/name``). Peers find no WeChat/QQ ids by design; the table shows it.

The committed vectors (``bench/vectors/*.jsonl``) are the peers' public test inputs whose
repositories are MIT licensed; see ``bench/vectors/ATTRIBUTION.md``. iocextract is GPL-2.0, so
its tests are not copied: its documented defang forms are the ``peer_defang`` family instead.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bastion.suffixes import registrable_domain
from bench.recall import url_host

VECTORS_DIR = Path(__file__).resolve().parent / "vectors"
PEERS = ("iocextract", "ioc-finder", "linkify-it-py", "urlextract")
Finder = Callable[[str], list[str]]


def _iocextract() -> Finder:
    import iocextract  # type: ignore[import-untyped]

    def find(text: str) -> list[str]:
        out = list(iocextract.extract_urls(text, refang=True, strip=True))
        out += iocextract.extract_emails(text, refang=True)
        out += iocextract.extract_ips(text, refang=True)
        out += ["tel:" + t for t in iocextract.extract_telephone_nums(text)]
        return out

    return find


def _ioc_finder() -> Finder:
    from ioc_finder import find_iocs  # type: ignore[import-untyped]

    keys = ("urls", "domains", "email_addresses", "email_addresses_complete", "ipv4s")

    def find(text: str) -> list[str]:
        iocs = find_iocs(text)
        out = [v for k in keys for v in iocs.get(k, ())]
        return out + ["tel:" + t for t in iocs.get("phone_numbers", ())]

    return find


def _linkify() -> Finder:
    from linkify_it import LinkifyIt  # type: ignore[import-untyped]

    linkify = LinkifyIt()
    return lambda text: [m.url for m in linkify.match(text) or []]


def _urlextract() -> Finder:
    from urlextract import URLExtract  # type: ignore[import-untyped]

    return URLExtract(extract_email=True).find_urls  # type: ignore[no-any-return]


def peer_finders(names: Iterable[str] = PEERS) -> dict[str, Finder]:
    makers = {
        "iocextract": _iocextract,
        "ioc-finder": _ioc_finder,
        "linkify-it-py": _linkify,
        "urlextract": _urlextract,
    }
    return {name: makers[name]() for name in names}


def registrable_of(extracted: str) -> str | None:
    """Registrable domain of an extracted URL, bare domain or e-mail address (lower case)."""
    host = url_host(extracted.strip().strip("<>\"'"))
    if not host:
        return None
    host = host.lower().strip(".")
    return registrable_domain(host) or host


def found(kind: str, expected: str, extracted: list[str]) -> bool:
    """Does a peer's output cover a case (see the module docstring)?"""
    if kind == "link":
        return any(registrable_of(x) == expected for x in extracted if not x.startswith("tel:"))
    want = expected.lower()
    for x in extracted:
        if x.startswith("tel:"):
            digits = "".join(c for c in x if c.isdigit())
            if digits and (digits == want or (len(digits) >= 7 and want.endswith(digits))):
                return True
        elif kind in ("telegram", "whatsapp", "line") and want in x.lower():
            return True
    return False


@dataclass(frozen=True, slots=True)
class Vector:
    """One public test input of a peer and one host its authors expect to be recovered."""

    source: str
    text: str
    expected: str


def load_vectors(root: Path = VECTORS_DIR) -> list[Vector]:
    """Every (text, expected registrable domain) pair of ``root/*.jsonl``, file by file."""
    vectors: list[Vector] = []
    for path in sorted(root.glob("*.jsonl")):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            record: dict[str, Any] = json.loads(line)
            if not record.get("expect"):
                raise ValueError(f"{path.name}:{n}: vector without 'expect'")
            for host in record["expect"]:
                vectors.append(Vector(path.stem, record["text"], host))
    return vectors
