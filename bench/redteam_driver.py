"""A held-out red team's run, shared: scan, score with red team 6's judge, write, print.

Red teams 6 and 7 each carried the same ``main`` (load the scanner, build the suite, run
``bench.redteam6_eval.evaluate`` with the four peers, summarise, write ``<name>.json`` and
``<name>_misses.md``, print the tables). :func:`run` is that body once, with one addition a
held-out suite needs to be believed: a *plain control*, every case's ``key`` (the message as a
careful reader reads it, the host or id written plainly) scanned and judged the same way, so a
low figure is the disguise and not a host the home does not list or an id shape it never reads.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any, Final

from bench.common import RESULTS_DIR, data_dir, load_scanner, pct, print_table, scanner_home
from bench.redteam6_eval import evaluate, throughput
from bench.redteam6_report import summarise, write_misses
from bench.redteam6_score import judge
from bench.redteam7 import suite_sha256


def plain_control(scanner: Any, cases: Sequence[Any]) -> dict[str, dict[str, Any]]:
    """Per group: the share of cases whose plainly written key scores a hit (as the suite does)."""
    hits: Counter[str] = Counter()
    n: Counter[str] = Counter()
    wrong: Counter[str] = Counter()
    for c in cases:
        if c.group == "benign":
            continue
        plain = replace(c, text=c.key)
        o = judge(plain, scanner.scan({"id": c.id, "surface": c.surface, "text": c.key}))
        n[c.group] += 1
        wrong[c.group] += bool(o.wrong)
        if c.group == "link":
            hits[c.group] += o.found and o.verdict == "act" and not o.wrong
        elif c.group == "handle":
            hits[c.group] += o.found and not o.wrong
        else:
            hits[c.group] += o.verdict != "allow" and not o.wrong
    return {
        g: {"cases": n[g], "hits": hits[g], "recall": pct(hits[g], n[g]), "wrong": wrong[g]}
        for g in n
    }


def run(
    argv: list[str] | None,
    *,
    doc: str,
    default_name: str,
    build: Callable[[Path], list[Any]],
    seed: int,
    per_family: int,
    sha256: Callable[[list[Any]], str],
) -> int:
    ap = argparse.ArgumentParser(
        description=doc, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--home", type=Path)
    ap.add_argument("--data", type=Path)
    ap.add_argument("--name", default=default_name)
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
    payload: dict[str, Any] = {
        "name": args.name,
        "seed": seed,
        "per_family": per_family,
        "cases": len(cases),
        "suite_sha256": sha256(cases),
        "commit": os.popen("git rev-parse HEAD 2>/dev/null").read().strip(),
        "load_average": os.getloadavg(),
        "totals": summary["totals"],
        "plain_control": plain_control(scanner, cases),
        "families": summary["families"],
        "family_tricks": {c.family: list(c.tricks) for c in cases if c.tricks},
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
         str(payload["plain_control"].get(g, {}).get("recall", "-")),
         " ".join(f"{p}={v}" for p, v in t["peers"].items())]
        for g, t in summary["totals"].items()
    ]  # fmt: skip
    print_table(
        f"{args.name} totals",
        ["group", "cases", "recall %", "found %", "allowed", "wrong", "review %", "act %",
         "plain %", "peers"],
        rows,
    )  # fmt: skip
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


SCORING: Final = """The scoring is red team 6's (``bench.redteam6_eval.evaluate`` with
``bench.redteam6_score.judge`` and its report), run by the shared driver
``bench.redteam_driver`` so the figures compare with every red team from 6 on:

- links: recall = the listed host found with the right host AND ``act``; listed links allowed;
  wrong hosts (a host reported that is neither the planted one nor one the text really holds);
- handles: recall = the right id found (and no wrong id); beside harmful wording, at least
  ``review`` (``recall_strict``);
- should-review: ``review`` or ``act``, never ``allow``, never a wrong host or id;
- benign: act and review rates (act must be 0);
- plain control: every case's ``key`` (written plainly) judged the same way.

Link cases whose host, written plainly, is not ``act`` in the home are left out and counted
(``excluded_unlisted``). CPU throughput (``time.process_time``) of ``Scanner.scan`` (best of 3)
and each peer (one pass) on the disguised cases and on clean text.

    python -m bench.redteam{n}_eval --home /tmp/benchhome --data ../shared/data --name redteam{n}"""
"""How every red team from 8 on is scored (the help text of each ``bench.redteamN_eval``)."""


def main_for(number: int, argv: list[str] | None = None) -> int:
    """Run red team ``number`` (``bench/redteamN.py``: its ``build``, ``SEED``, ``PER_FAMILY``)
    through :func:`run`; each ``bench.redteamN_eval`` is this call."""
    suite = importlib.import_module(f"bench.redteam{number}")
    doc = (
        f"Run red team {number} (``bench/redteam{number}.py``) through ``Scanner.scan`` and the "
        f"four peers; score it.\n\n{SCORING.format(n=number)}"
    )
    return run(
        argv,
        doc=doc,
        default_name=f"redteam{number}",
        build=suite.build,
        seed=suite.SEED,
        per_family=suite.PER_FAMILY,
        sha256=suite_sha256,
    )
