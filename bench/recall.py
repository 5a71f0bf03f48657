"""Recall on the obfuscation suite, per trick, for Bastion and two URL-extraction peers.

A case counts as found when Bastion returns an entity of the expected kind family whose value
matches (hosts by registrable domain, phones by digits). urlextract and linkify-it-py only find
URLs and e-mails, so they score on host, IP, e-mail and deep-link cases by the host (or scheme) of
the URLs they return; handle and phone cases are misses for them by construction, which is why
the report also gives their figures on the URL-like subset alone. Bar: Bastion >= 98 % overall.

``python -m bench.recall [--home DIR] [--no-peers]``
"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from bastion.model import HANDLE_KINDS, Entity, Item
from bastion.suffixes import registrable_domain
from bench import common
from bench.obfuscation_suite import Case, build_suite, tricks_of

BAR_OVERALL = 98.0
FAMILIES: dict[str, frozenset[str]] = {
    "host": frozenset({"url", "domain"}),
    "ip": frozenset({"ip", "url", "domain"}),
    "email": frozenset({"email"}),
    "deeplink": frozenset({"deeplink"}),
    "wechat": frozenset({"wechat"}),
    "qq": frozenset({"qq"}),
    "telegram": frozenset({"telegram"}),
    "whatsapp": frozenset({"whatsapp", "phone"}),
    "line": frozenset({"line"}),
    "phone": frozenset({"phone", "whatsapp"}),
}
"""Expected kind -> entity kinds that count: a wa.me number reported as a phone is still found."""
URL_LIKE = frozenset({"host", "ip", "email", "deeplink"})


def _digits(value: str) -> str:
    return "".join(c for c in value if c.isdigit())


def url_host(url: str) -> str | None:
    """Lower-case host of a URL-ish string (``a.com/x``, ``http://a.com``, ``mailto:x@a.com``)."""
    url = url.strip()
    if "@" in url and (url.lower().startswith("mailto:") or "://" not in url):
        return url.rpartition("@")[2].split("/")[0].lower().rstrip(".") or None
    try:
        host = urlsplit(url if "://" in url else "//" + url).hostname
    except ValueError:
        return None
    return host.rstrip(".") if host else None


def _same_domain(host: str | None, expected: str) -> bool:
    return bool(host) and (host == expected or registrable_domain(host or "") == expected)


def entity_matches(kind: str, expected: str, entity: Entity, token: str = "") -> bool:
    """Does ``entity`` report the hidden thing of a case with this kind and expected value?

    A deep link also counts as found when the handle it opens is reported instead
    (``tg://resolve?domain=abc`` as Telegram ``abc``): that is the more useful answer.
    """
    if kind == "deeplink" and entity.kind in HANDLE_KINDS:
        value = entity.value.lower().lstrip("@+")
        return len(value) >= 4 and value in token.lower()
    if entity.kind not in FAMILIES[kind]:
        return False
    if kind == "host":
        rd = entity.registrable_domain or registrable_domain(entity.host or entity.value)
        return rd == expected
    if kind == "ip":
        return expected in (entity.host, entity.value, url_host(entity.value))
    if kind == "email":
        domain = entity.host or entity.value.rpartition("@")[2]
        return entity.registrable_domain == expected or _same_domain(domain.lower(), expected)
    if kind == "deeplink":
        return entity.value.lower().startswith(expected + ":")
    if kind in ("qq", "phone", "whatsapp"):
        got = _digits(entity.value)
        if got == expected:
            return True
        return (
            kind != "qq"
            and len(got) >= 7
            and expected.endswith(got)
            and len(expected) - len(got) <= 3
        )
    return entity.value.lower().lstrip("@") == expected


def peer_matches(kind: str, expected: str, urls: Iterable[str]) -> bool:
    """Does a URL-only extractor's output cover the case? Handles can never match."""
    if kind not in URL_LIKE:
        return False
    for url in urls:
        if kind == "deeplink":
            if url.lower().startswith(expected + ":"):
                return True
        elif kind == "ip":
            if url_host(url) == expected:
                return True
        elif kind == "email" and "@" not in url:
            continue
        elif _same_domain(url_host(url), expected):
            return True
    return False


def peer_finders() -> dict[str, Callable[[str], list[str]]]:
    """Name -> text -> URLs, for the two open-source peers with default settings."""
    from linkify_it import LinkifyIt  # type: ignore[import-untyped]
    from urlextract import URLExtract  # type: ignore[import-untyped]

    extractor = URLExtract()
    linkify = LinkifyIt()

    def linkify_urls(text: str) -> list[str]:
        return [m.url for m in linkify.match(text) or []]

    return {"urlextract": extractor.find_urls, "linkify-it-py": linkify_urls}


def evaluate(
    cases: list[Case],
    scan: Callable[[Case], tuple[list[Entity], str]],
    peers: dict[str, Callable[[str], list[str]]],
) -> dict[str, Any]:
    """Per-trick and overall recall; ``scan`` returns (entities, verdict) for one case."""
    hits: dict[str, Counter[str]] = {"bastion": Counter(), "flagged": Counter()}
    hits.update({name: Counter() for name in peers})
    misses: dict[str, list[dict[str, Any]]] = {}
    seconds: dict[str, float] = {}
    started = time.perf_counter()
    for case in cases:
        entities, verdict = scan(case)
        if any(entity_matches(case.kind, case.value, e, case.token) for e in entities):
            hits["bastion"][case.trick] += 1
        else:
            found = [f"{e.kind}:{e.value}" for e in entities]
            misses.setdefault(case.trick, []).append(
                {"text": case.text, "want": case.value, "got": found}
            )
        if verdict != "allow":
            hits["flagged"][case.trick] += 1
    seconds["bastion"] = time.perf_counter() - started
    for name, find in peers.items():
        started = time.perf_counter()
        for case in cases:
            if case.kind in URL_LIKE and peer_matches(case.kind, case.value, find(case.text)):
                hits[name][case.trick] += 1
        seconds[name] = time.perf_counter() - started
    return summarize(cases, hits, misses, seconds)


def summarize(
    cases: list[Case],
    hits: dict[str, Counter[str]],
    misses: dict[str, list[dict[str, Any]]],
    seconds: dict[str, float],
) -> dict[str, Any]:
    totals = Counter(c.trick for c in cases)
    url_like = {c.trick for c in cases if c.kind in URL_LIKE}
    n_url = sum(totals[t] for t in url_like)
    per_trick = {
        trick: {
            "cases": totals[trick],
            **{k: common.pct(v[trick], totals[trick]) for k, v in hits.items()},
        }
        for trick in tricks_of(cases)
    }
    overall = {k: common.pct(sum(v.values()), len(cases)) for k, v in hits.items()}
    url_subset = {k: common.pct(sum(v[t] for t in url_like), n_url) for k, v in hits.items()}
    return {
        "cases": len(cases),
        "bar_overall_pct": BAR_OVERALL,
        "bar_met": overall["bastion"] >= BAR_OVERALL,
        "overall_pct": overall,
        "url_like_subset_pct": url_subset,
        "url_like_cases": n_url,
        "per_trick_pct": per_trick,
        "seconds": {k: round(v, 3) for k, v in seconds.items()},
        "bastion_misses": {t: m[:5] for t, m in misses.items()},
        "bastion_miss_counts": {t: len(m) for t, m in misses.items()},
    }


def bastion_scan(scanner: Any) -> Callable[[Case], tuple[list[Entity], str]]:
    def scan(case: Case) -> tuple[list[Entity], str]:
        result = scanner.scan(Item(id=case.id, text=case.text, surface="post"))
        return result.entities, result.verdict

    return scan


def report(summary: dict[str, Any], peers: list[str]) -> None:
    names = ["bastion", *peers]
    rows = [
        [trick, str(row["cases"]), *(f"{row[n]:.1f}" for n in names), f"{row['flagged']:.1f}"]
        for trick, row in summary["per_trick_pct"].items()
    ]
    for label, key, count in (
        ("OVERALL", "overall_pct", summary["cases"]),
        ("URL-like subset", "url_like_subset_pct", summary["url_like_cases"]),
    ):
        figures = summary[key]
        rows.append([label, str(count), *(f"{figures[n]:.1f}" for n in [*names, "flagged"])])
    columns = ["trick", "cases", *(f"{n} %" for n in names), "verdict≠allow %"]
    common.print_table("Recall on the obfuscation suite", columns, rows)
    verdict = "PASS" if summary["bar_met"] else "FAIL"
    got = summary["overall_pct"]["bastion"]
    print(f"bar: Bastion overall >= {BAR_OVERALL} %: {verdict} ({got} %)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Recall per obfuscation trick.")
    parser.add_argument("--data", type=Path, default=None)
    parser.add_argument("--home", type=Path, default=None, help="BASTION_HOME to scan with")
    parser.add_argument("--no-peers", action="store_true", help="skip urlextract and linkify-it-py")
    parser.add_argument("--strict", action="store_true", help="exit 1 when the bar is missed")
    args = parser.parse_args(argv)
    data = common.data_dir(args.data)
    cases = build_suite(data)
    scanner = common.load_scanner(common.scanner_home(args.home, data))
    peers = {} if args.no_peers else peer_finders()
    summary = evaluate(cases, bastion_scan(scanner), peers)
    report(summary, list(peers))
    print(f"-> {common.write_result('recall', summary)}")
    return 1 if args.strict and not summary["bar_met"] else 0


if __name__ == "__main__":
    raise SystemExit(main())
