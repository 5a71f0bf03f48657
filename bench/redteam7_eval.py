"""Run red team 7 (``bench/redteam7.py``) through ``Scanner.scan`` and the four peers; score it.

The scoring is red team 6's, imported rather than copied (``bench.redteam6_eval.evaluate`` with
``bench.redteam6_score.judge``; its summary and misses writer), so the figures compare:

- links: recall = the listed host found with the right host AND ``act``; listed links allowed;
  wrong hosts (a host reported that is neither the planted one nor one the text really holds);
- handles: recall = the right id found (and no wrong id); beside harmful wording, at least
  ``review`` (``recall_strict``);
- should-review: ``review`` or ``act``, never ``allow``, never a wrong host or id;
- benign: act and review rates (act must be 0).

Link cases whose host, written plainly, is not ``act`` in the home are left out of the
denominators and counted (``excluded_unlisted``). iocextract, ioc-finder, linkify-it-py and
urlextract run on the same cases in the same process; CPU throughput (``time.process_time``) of
``Scanner.scan`` (best of 3) and each peer (one pass) on the disguised cases and on clean text.

    python -m bench.redteam7_eval --home /tmp/benchhome --data ../shared/data --name redteam7
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import Counter
from pathlib import Path

from bench.common import RESULTS_DIR, data_dir, load_scanner, print_table, scanner_home
from bench.redteam6_eval import evaluate, throughput
from bench.redteam6_report import summarise, write_misses
from bench.redteam7 import PER_FAMILY, SEED, build, suite_sha256


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--home", type=Path)
    ap.add_argument("--data", type=Path)
    ap.add_argument("--name", default="redteam7")
    ap.add_argument("--no-peers", action="store_true")
    ap.add_argument("--clean", type=int, default=2000, help="clean messages for throughput")
    args = ap.parse_args(argv)
    data = data_dir(args.data)
    scanner = load_scanner(scanner_home(args.home, data))
    cases = build(data)
    from bench.peers import PEERS, peer_finders

    peers = {} if args.no_peers else peer_finders(PEERS)
    t0 = time.process_time()
    ev = evaluate(scanner, cases, peers)  # type: ignore[arg-type]
    summary = summarise(ev["families"], list(peers))
    tricks = {c.family: list(c.tricks) for c in cases if c.tricks}
    payload = {
        "name": args.name,
        "seed": SEED,
        "per_family": PER_FAMILY,
        "cases": len(cases),
        "suite_sha256": suite_sha256(cases),
        "commit": os.popen("git rev-parse HEAD 2>/dev/null").read().strip(),
        "load_average": os.getloadavg(),
        "totals": summary["totals"],
        "families": summary["families"],
        "family_tricks": tricks,
        "plain_unlisted_hosts": ev["plain_unlisted"],
        "cpu_seconds_one_pass": ev["cpu_seconds_one_pass"],
        "rows_by_list": dict(Counter(c.source.rsplit(":", 1)[0] for c in cases if c.source)),
        "throughput": throughput(scanner, cases, data, peers, args.clean),  # type: ignore[arg-type]
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
