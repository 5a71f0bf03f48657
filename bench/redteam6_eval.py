"""Run red team 6 (``bench/redteam6.py``) through ``Scanner.scan`` and the four peers; score it.

Per family: links: recall = the listed host found with the right host AND ``act``; ``flagged``
= found and not ``allow``; listed links allowed; wrong hosts (a host reported that is neither
the planted one nor one the text really holds). Handles: recall = the right id found (and no wrong
id); among the cases with harmful wording, the share at least ``review``; ``recall_strict`` = the
id found and, beside harmful wording, at least ``review``. Should-review: ``review`` or ``act``,
never ``allow`` and never a wrong host or id. Benign: act and review rates. The four peers run on
the same cases in the same process. Link cases whose host, written plainly, is not ``act`` in the
home are left out of the denominators and counted. CPU throughput (``time.process_time``) of
``Scanner.scan`` and each peer on the disguised cases and on clean real text.

    python -m bench.redteam6_eval --home /tmp/benchhome --data ../shared/data --name redteam6
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
import os
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.common import (
    RESULTS_DIR,
    data_dir,
    load_scanner,
    print_table,
    scanner_home,
    sms,
    telecom,
)
from bench.redteam6 import SEED, Case, build
from bench.redteam6_report import summarise, write_misses
from bench.redteam6_score import Outcome, judge, peer_hit

COUNTERS = (
    "n", "excluded_unlisted", "found", "recall_hits", "flagged", "listed_allowed", "wrong",
    "review", "act", "harmful", "harmful_flagged", "strict_hits",
)  # fmt: skip


def cpu_rate(fn: Callable[[str], Any], texts: list[str], repeat: int = 3) -> float:
    """Messages per CPU second, best of ``repeat``."""
    best = float("inf")
    for _ in range(repeat):
        t0 = time.process_time()
        for t in texts:
            with contextlib.suppress(Exception):  # a peer's crash costs what it cost
                fn(t)
        best = min(best, time.process_time() - t0)
    return round(len(texts) / best, 1) if best > 0 else float("inf")


def clean_texts(data: Path, n: int) -> list[str]:
    en = [t for lab, t in sms(data) if lab == "ham"]
    zh = [t for lab, t in telecom(data) if lab == "0"]
    return (en[: n // 2] + zh[: n - n // 2])[:n]


def listed_plainly(scanner: Any, cases: list[Case]) -> dict[str, bool]:
    """Is each expected host ``act`` when written as a plain URL? (A check of the home.)"""
    out: dict[str, bool] = {}
    for c in cases:
        if c.group != "link" and not (c.group == "review" and c.kind == "host"):
            continue
        host = c.expected[0]
        if host not in out:
            url = f"http://{host}/" if c.kind == "ip" else f"https://{host}/"
            item = {"id": "plain", "surface": "post", "text": url}
            out[host] = scanner.scan(item).verdict == "act"
    return out


def failed(c: Case, o: Outcome) -> bool:
    if c.group == "link":
        return not o.found or o.verdict != "act" or bool(o.wrong)
    if c.group == "handle":
        return not o.found or bool(o.wrong) or (c.harmful and o.verdict == "allow")
    if c.group == "review":
        return o.verdict == "allow" or bool(o.wrong)
    return o.verdict != "allow"


def evaluate(
    scanner: Any, cases: list[Case], peers: dict[str, Callable[[str], list[str]]]
) -> dict[str, Any]:
    plain = listed_plainly(scanner, cases)
    fam: dict[str, dict[str, Any]] = {}
    misses: dict[str, list[dict[str, Any]]] = defaultdict(list)
    peer_time: dict[str, float] = defaultdict(float)
    bastion_time = 0.0
    for c in cases:
        f = fam.setdefault(
            c.family,
            {"group": c.group, **dict.fromkeys(COUNTERS, 0), "peers": Counter(), "pw": Counter()},
        )
        if c.kind in ("host", "ip") and c.group != "benign" and not plain.get(c.expected[0], True):
            f["excluded_unlisted"] += 1
            continue
        t0 = time.process_time()
        res = scanner.scan({"id": c.id, "surface": c.surface, "text": c.text})
        bastion_time += time.process_time() - t0
        o = judge(c, res)
        f["n"] += 1
        f["found"] += o.found
        f["flagged"] += o.found and o.verdict != "allow"
        f["wrong"] += bool(o.wrong)
        f["review"] += o.verdict == "review"
        f["act"] += o.verdict == "act"
        if c.group == "link":
            f["recall_hits"] += o.found and o.verdict == "act" and not o.wrong
            f["listed_allowed"] += o.verdict == "allow"
        elif c.group == "handle":
            f["recall_hits"] += o.found and not o.wrong
            f["harmful"] += c.harmful
            f["harmful_flagged"] += c.harmful and o.verdict != "allow"
            f["strict_hits"] += o.found and not o.wrong and (not c.harmful or o.verdict != "allow")
        elif c.group == "review":
            f["recall_hits"] += o.verdict != "allow" and not o.wrong
            f["listed_allowed"] += c.kind == "host" and o.verdict == "allow"
        if failed(c, o) and len(misses[c.family]) < 10:
            text = c.text if len(c.text) <= 400 else c.text[:400] + " …"
            misses[c.family].append(
                {
                    "id": c.id,
                    "surface": c.surface,
                    "text": text,
                    "expected": list(c.expected),
                    "harmful": c.harmful,
                    "verdict": o.verdict,
                    "entities": o.entities,
                    "wrong": o.wrong,
                }
            )
        if c.group == "benign":
            continue
        for name, finder in peers.items():
            t0 = time.process_time()
            try:
                extracted = finder(c.text)
            except Exception:
                extracted = []
            peer_time[name] += time.process_time() - t0
            hit, wrong = peer_hit(c, extracted)
            f["peers"][name] += hit
            f["pw"][name] += wrong
    return {
        "families": fam,
        "misses": misses,
        "plain_unlisted": sorted(h for h, ok in plain.items() if not ok),
        "cpu_seconds_one_pass": {
            "bastion": round(bastion_time, 2),
            **{k: round(v, 2) for k, v in peer_time.items()},
        },
    }


def throughput(
    scanner: Any, cases: list[Case], data: Path, peers: dict[str, Any], n_clean: int
) -> dict[str, Any]:
    disguised = [c.text for c in cases if c.group in ("link", "handle")]
    clean = clean_texts(data, n_clean)
    scan = lambda t: scanner.scan({"id": "t", "surface": "post", "text": t})  # noqa: E731
    out: dict[str, Any] = {
        "messages": {"disguised": len(disguised), "clean": len(clean)},
        "bastion": {"disguised": cpu_rate(scan, disguised), "clean": cpu_rate(scan, clean)},
    }
    for name, finder in peers.items():
        out[name] = {
            "disguised": cpu_rate(finder, disguised, 1),
            "clean": cpu_rate(finder, clean, 1),
        }
    out["unit"] = "messages per CPU second (time.process_time); Bastion best of 3, peers 1 pass"
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--home", type=Path)
    ap.add_argument("--data", type=Path)
    ap.add_argument("--name", default="redteam6")
    ap.add_argument("--no-peers", action="store_true")
    ap.add_argument("--clean", type=int, default=2000, help="clean messages for throughput")
    args = ap.parse_args(argv)
    data = data_dir(args.data)
    scanner = load_scanner(scanner_home(args.home, data))
    cases = build(data)
    from bench.peers import PEERS, peer_finders

    peers = {} if args.no_peers else peer_finders(PEERS)
    t0 = time.process_time()
    ev = evaluate(scanner, cases, peers)
    summary = summarise(ev["families"], list(peers))
    payload = {
        "name": args.name,
        "seed": SEED,
        "cases": len(cases),
        "suite_sha256": hashlib.sha256(
            json.dumps([c.to_dict() for c in cases], ensure_ascii=False).encode()
        ).hexdigest(),
        "commit": os.popen("git rev-parse HEAD 2>/dev/null").read().strip(),
        "load_average": os.getloadavg(),
        "totals": summary["totals"],
        "families": summary["families"],
        "plain_unlisted_hosts": ev["plain_unlisted"],
        "cpu_seconds_one_pass": ev["cpu_seconds_one_pass"],
        "rows_by_list": dict(Counter(c.source.rsplit(":", 1)[0] for c in cases if c.source)),
        "throughput": throughput(scanner, cases, data, peers, args.clean),
        "cpu_seconds_total": 0.0,
    }
    payload["cpu_seconds_total"] = round(time.process_time() - t0, 1)
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    out = RESULTS_DIR / f"{args.name}.json"
    out.write_text(json.dumps(payload, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    write_misses(
        RESULTS_DIR / f"{args.name}_misses.md", args.name, summary["families"], ev["misses"]
    )
    rows = [
        [g, str(t["cases"]), str(t["recall"]), str(t["found"]), str(t["listed_allowed"]),
         str(t["wrong"]), str(t["review_rate"]), str(t["act_rate"]),
         " ".join(f"{p}={v}" for p, v in t["peers"].items())]
        for g, t in summary["totals"].items()
    ]  # fmt: skip
    print_table(
        f"{args.name} totals",
        ["group", "cases", "recall %", "found %", "allowed", "wrong", "review %", "act %", "peers"],
        rows,
    )
    fams = sorted(summary["families"].items(), key=lambda kv: (kv[1]["group"], kv[1]["recall"]))
    print_table(
        f"{args.name} families",
        ["family", "group", "n", "recall", "found", "allowed", "wrong", "review", "act"],
        [
            [k, v["group"], str(v["n"]), str(v["recall"]), str(v["found"]),
             str(v["listed_allowed"]), str(v["wrong"]), str(v["review_rate"]), str(v["act_rate"])]
            for k, v in fams
        ],
    )  # fmt: skip
    print(json.dumps(payload["throughput"]), file=sys.stderr)
    print(f"wrote {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
