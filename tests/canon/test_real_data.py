"""Real phishing URLs and popular domains (../shared/data, read only) through the canonicalizer."""

from __future__ import annotations

import csv
from pathlib import Path
from urllib.parse import urlsplit

from bastion.canon import canonicalize_host, canonicalize_url, host_of, lookup_expressions

PHISHING = Path("phishing-database-links") / "phishing-links-active.txt"
TRANCO = Path("tranco-top-100k") / "tranco_top_100k.tsv"


def _lines(path: Path) -> list[str]:
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_phishing_urls_canonicalize_and_agree_with_urllib_on_host(shared_data: Path) -> None:
    urls = _lines(shared_data / PHISHING)
    assert len(urls) > 100
    for url in urls:
        canonical = canonicalize_url(url)
        assert canonicalize_url(canonical) == canonical
        expected_host = (urlsplit(url).hostname or "").strip(".")
        assert host_of(canonical) == expected_host, url
        expressions = lookup_expressions(canonical)
        assert f"{expected_host}/" in expressions


def test_popular_ascii_domains_are_already_canonical(shared_data: Path) -> None:
    with (shared_data / TRANCO).open(encoding="utf-8", newline="") as handle:
        domains = [row[1] for row in csv.reader(handle, delimiter="\t")][1:]
    assert len(domains) > 10_000
    for domain in domains:
        assert canonicalize_host(domain) == domain.lower(), domain
        assert canonicalize_url(domain) == f"http://{domain.lower()}/"
