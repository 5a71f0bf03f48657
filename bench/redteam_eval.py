"""Bastion and the four peers on the held-out red-team suite (``bench/redteam.py``), per family.

Per family: recall (the expected registrable domain, or the expected handle id / phone digits,
among the entities), the share whose verdict reaches the case's minimum (``act`` for an in-bar
listed link, ``review`` for an out-of-bar link and for every handle, all of which carry gambling,
sex or scam wording), allows, wrong hosts (a host-kind entity whose registrable domain is neither
the expected one nor written plainly in the text) and the recall of iocextract, ioc-finder,
linkify-it-py and urlextract in the same run. Then the benign controls (prose with prices, dates
and order numbers; popular unlisted hosts written plainly or lightly disguised): act and review
rates and wrong hosts, where Bastion must not act.

``python -m bench.redteam_eval [--home /tmp/benchhome] [--per-family N] [--no-peers]`` writes
``bench/results/redteam.json`` and ``bench/results/redteam_misses.md``.
"""

from __future__ import annotations

import argparse
import unicodedata
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bastion.model import HOST_KINDS, Entity
from bench import common
from bench.peers import Finder, found, peer_finders
from bench.redteam import (
    HANDLE_LURE_EN,
    HANDLE_LURE_ZH,
    PER_FAMILY,
    SEED,
    Case,
    benign_cases,
    generate,
    iter_families,
)

RANK = {"allow": 0, "review": 1, "act": 2}
HANDLE_HOSTS = frozenset({"t.me", "telegram.me", "telegram.dog", "wa.me", "whatsapp.com",
                          "line.me", "lin.ee"})
EXAMPLES_PER_FAMILY = 6


def listed_in(home: Path) -> Callable[[str], bool]:
    """host -> is it listed in a harmful category of the home's index (not shortener/allow)?"""
    from bastion.intel.index import IntelIndex

    index = IntelIndex.open(home)

    def listed(host: str) -> bool:
        match = index.lookup_hosts([host])[0]
        if match is None or match.allowed:
            return False
        return any(c not in ("shortener", "allow") for c in match.categories)

    return listed


def _digits(text: str) -> str:
    return "".join(c for c in text if c.isdigit())


def handle_hit(case: Case, entities: list[Entity]) -> bool:
    """Does an entity carry the expected handle (phones by their national digits)?"""
    want = case.expected.lower().lstrip("@")
    numeric = case.kind in ("phone", "whatsapp") or (case.kind == "qq")
    for e in entities:
        value = (e.value or "").lower().lstrip("@")
        if numeric:
            got = _digits(value)
            if case.kind == "qq" and e.kind == "qq" and got == want:
                return True
            if case.kind in ("phone", "whatsapp") and e.kind in ("phone", "whatsapp", "wechat"):
                if len(got) >= 9 and (want.endswith(got) or got.endswith(want[-9:])):
                    return True
            continue
        if e.kind in (case.kind, "wechat", "telegram", "line") and (
            value == want or value.endswith("/" + want) or value.endswith("~" + want)
        ):
            return True
    return False


def truncated_handles(case: Case, entities: list[Entity]) -> list[str]:
    """Handle values of the case's kind that are a cut piece of the expected id (``kanajo6`` for
    ``kanajo620``): a wrong id reported, the handle twin of a wrong host."""
    want = case.expected.lower()
    out = []
    for e in entities:
        value = (e.value or "").lower().lstrip("@+")
        if e.kind == case.kind and value and value != want and value in want:
            out.append(f"{e.kind}:{value}")
    return out


def link_hit(case: Case, entities: list[Entity]) -> bool:
    return any(e.kind in HOST_KINDS and e.registrable_domain == case.expected for e in entities)


def wrong_hosts(text: str, expected: str | None, entities: list[Entity]) -> list[str]:
    """Registrable domains reported that are neither expected nor written plainly in the text."""
    squashed = "".join(c for c in unicodedata.normalize("NFKC", text).lower() if c.isalnum())
    bad = []
    for e in entities:
        reg = e.registrable_domain
        if e.kind not in HOST_KINDS or not reg or reg == expected or reg in HANDLE_HOSTS:
            continue
        if _held(squashed, reg):
            continue
        bad.append(reg)
    return bad


def _held(squashed: str, reg: str) -> bool:
    """Does the text hold ``reg`` as a reader could write it: its name, then its suffix soon
    after (``nine dot vip`` holds ``nine.vip``; a name the text never spells does not)?"""
    name, _, suffix = reg.partition(".")
    name = "".join(c for c in name if c.isalnum())
    suffix = "".join(c for c in suffix if c.isalnum())
    start = squashed.find(name)
    while start >= 0:
        if suffix in squashed[start + len(name):start + len(name) + len(suffix) + 8]:
            return True
        start = squashed.find(name, start + 1)
    return False


def _minimum(case: Case) -> str:
    return "act" if case.kind == "link" and case.in_bar else "review"


def evaluate(scanner: Any, cases: list[Case], peers: dict[str, Finder]) -> dict[str, Any]:
    families: dict[str, Any] = {}
    misses: dict[str, list[dict[str, Any]]] = defaultdict(list)
    wording: dict[str, dict[str, int]] = {}
    for family, group in iter_families(cases):
        row: dict[str, Any] = {
            "kind": "link" if group[0].kind == "link" else "handle",
            "in_bar": all(c.in_bar for c in group), "cases": len(group), "recall": 0,
            "minimum_reached": 0, "allows": 0, "wrong_hosts": 0, "cut_handles": 0,
            "peers": {name: 0 for name in peers},
        }
        for case in group:
            result = scanner.scan({"id": "r", "surface": case.surface, "text": case.text})
            entities = list(result.entities)
            hit = link_hit(case, entities) if case.kind == "link" else handle_hit(case, entities)
            reached = RANK[result.verdict] >= RANK[_minimum(case)]
            wrong = wrong_hosts(case.text, case.expected if case.kind == "link" else None,
                                entities)
            row["recall"] += hit
            row["minimum_reached"] += reached
            row["allows"] += result.verdict == "allow"
            row["wrong_hosts"] += bool(wrong)
            cut = truncated_handles(case, entities) if case.kind != "link" and not hit else []
            row["cut_handles"] += bool(cut)
            wrong = wrong + cut
            for name, finder in peers.items():
                try:
                    extracted = finder(case.text)
                except Exception:  # a peer crashing on hostile text counts as a miss
                    extracted = []
                row["peers"][name] += found(case.kind, case.expected, extracted)
            if case.kind != "link" and hit:
                for lure in (*HANDLE_LURE_ZH, *HANDLE_LURE_EN):
                    if lure in case.text:
                        tally = wording.setdefault(lure, {"found": 0, "reviewed": 0})
                        tally["found"] += 1
                        tally["reviewed"] += reached
            if not hit or not reached or wrong:
                misses[family].append({
                    "text": case.text, "expected": case.expected, "kind": case.kind,
                    "surface": case.surface, "verdict": result.verdict, "found": hit,
                    "wrong": wrong,
                    "entities": [f"{e.kind}:{e.value}" for e in entities][:6],
                })
        n = row["cases"]
        row["recall_pct"] = common.pct(row["recall"], n)
        row["minimum_pct"] = common.pct(row["minimum_reached"], n)
        row["peers_pct"] = {k: common.pct(v, n) for k, v in row["peers"].items()}
        families[family] = row
    return {"families": families, "misses": misses, "wording": wording}


def evaluate_benign(scanner: Any, data: Path, listed: Callable[[str], bool]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    examples: list[dict[str, Any]] = []
    for b in benign_cases(data, listed):
        row = out.setdefault(b.family, {"items": 0, "act": 0, "review": 0, "wrong_hosts": 0})
        result = scanner.scan({"id": "b", "surface": b.surface, "text": b.text})
        wrong = wrong_hosts(b.text, b.host, list(result.entities))
        row["items"] += 1
        row["act"] += result.verdict == "act"
        row["review"] += result.verdict == "review"
        row["wrong_hosts"] += bool(wrong)
        if result.verdict != "allow" or wrong:
            examples.append({"family": b.family, "text": b.text, "verdict": result.verdict,
                             "wrong": wrong})
    for row in out.values():
        row["act_pct"] = common.pct(row["act"], row["items"])
        row["review_pct"] = common.pct(row["review"], row["items"])
    return {"families": out, "flagged": examples}


def _totals(families: dict[str, Any], kind: str, in_bar: bool | None = None) -> dict[str, Any]:
    rows = [r for r in families.values() if r["kind"] == kind
            and (in_bar is None or r["in_bar"] == in_bar)]
    n = sum(r["cases"] for r in rows)
    total = {
        "cases": n,
        "recall_pct": common.pct(sum(r["recall"] for r in rows), n),
        "minimum_pct": common.pct(sum(r["minimum_reached"] for r in rows), n),
        "allows": sum(r["allows"] for r in rows),
        "wrong_hosts": sum(r["wrong_hosts"] for r in rows),
        "cut_handles": sum(r["cut_handles"] for r in rows),
    }
    if rows:
        total["peers_pct"] = {p: common.pct(sum(r["peers"][p] for r in rows), n)
                              for p in rows[0]["peers"]}
    return total


def write_misses(report: dict[str, Any], benign: dict[str, Any], path: Path) -> None:
    lines = ["# Red-team misses (bench/redteam.py)", "",
             "Per family: recall, minimum verdict reached, allows and wrong hosts; then up to "
             f"{EXAMPLES_PER_FAMILY} examples of cases that missed (not found, below the minimum "
             "verdict, or a wrong host).", ""]
    for family, row in report["families"].items():
        lines.append(f"## {family} ({row['kind']}, {'in bar' if row['in_bar'] else 'review only'})")
        lines.append("")
        lines.append(f"recall {row['recall_pct']} %, minimum verdict {row['minimum_pct']} %, "
                     f"allows {row['allows']}/{row['cases']}, wrong hosts {row['wrong_hosts']}, "
                     f"cut handles {row['cut_handles']}")
        lines.append("")
        for miss in report["misses"].get(family, [])[:EXAMPLES_PER_FAMILY]:
            text = miss["text"].replace("\n", "⏎")
            lines.append(f"- `{text}` → expected `{miss['expected']}`, verdict {miss['verdict']}, "
                         f"found {miss['found']}, wrong {miss['wrong']}, "
                         f"entities {miss['entities']}")
        lines.append("")
    lines += ["## benign controls", ""]
    for item in benign["flagged"][:40]:
        lines.append(f"- `{item['text']}` ({item['family']}): {item['verdict']}, "
                     f"wrong {item['wrong']}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Held-out red-team suite: Bastion and peers.")
    parser.add_argument("--data", type=Path, default=None)
    parser.add_argument("--home", type=Path, default=Path("/tmp/benchhome"))
    parser.add_argument("--per-family", type=int, default=PER_FAMILY)
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--no-peers", action="store_true")
    parser.add_argument("--family", action="append", default=None, help="only these families")
    args = parser.parse_args(argv)
    data = common.data_dir(args.data)
    home = common.scanner_home(args.home, data)
    scanner = common.load_scanner(home)
    listed = listed_in(home)
    cases = generate(data, listed, per_family=args.per_family, seed=args.seed)
    if args.family:
        cases = [c for c in cases if c.family in args.family]
    peers = {} if args.no_peers else peer_finders()
    report = evaluate(scanner, cases, peers)
    benign = evaluate_benign(scanner, data, listed)
    families = report["families"]
    payload = {
        "seed": args.seed, "per_family": args.per_family, "home": str(home),
        "totals": {
            "links_in_bar": _totals(families, "link", True),
            "links_review_only": _totals(families, "link", False),
            "handles": _totals(families, "handle"),
        },
        "families": families,
        "benign": benign["families"],
        "handle_wording": {
            lure: {**t, "reviewed_pct": common.pct(t["reviewed"], t["found"])}
            for lure, t in sorted(report["wording"].items())
        },
    }
    common.write_result("redteam", payload)
    write_misses(report, benign, common.RESULTS_DIR / "redteam_misses.md")
    peer_names = list(peers)
    rows = []
    for family, row in families.items():
        rows.append([family, row["kind"] + ("" if row["in_bar"] else " (review)"),
                     str(row["cases"]), f"{row['recall_pct']}", f"{row['minimum_pct']}",
                     str(row["allows"]), str(row["wrong_hosts"] + row["cut_handles"]),
                     *(f"{row['peers_pct'][p]}" for p in peer_names)])
    common.print_table("Red-team suite (Bastion recall / minimum verdict %, peers recall %)",
                       ["family", "kind", "n", "recall", "min", "allow", "wrong", *peer_names],
                       rows)
    for name, total in payload["totals"].items():
        print(name, total)
    hard = [r for n, r in benign["families"].items() if n.startswith("popular_host_as_")]
    payload["benign_totals"] = {
        name: row for name, row in benign["families"].items()
        if not name.startswith("popular_host_as_")
    }
    items = sum(r["items"] for r in hard)
    payload["benign_totals"]["popular_host_under_family_tricks"] = {
        "items": items, "act": sum(r["act"] for r in hard),
        "review": sum(r["review"] for r in hard),
        "wrong_hosts": sum(r["wrong_hosts"] for r in hard),
        "act_pct": common.pct(sum(r["act"] for r in hard), items),
        "review_pct": common.pct(sum(r["review"] for r in hard), items),
    }
    common.write_result("redteam", payload)
    for name, row in payload["benign_totals"].items():
        print(f"benign {name}: {row}")
    for lure, tally in payload["handle_wording"].items():
        print(f"handle wording {lure!r}: reviewed {tally['reviewed_pct']} % of {tally['found']} found")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
