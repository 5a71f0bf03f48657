"""Score Bastion and the four peers on the third held-out red-team suite (``bench/redteam3.py``).

Per family: link recall (the planted listed host reported exactly, as ``host`` of an entity; for
``l_long_subdomain`` a subdomain of it), handle recall (an entity of a messenger or phone kind
whose value is the planted id or number; ``kind`` exact counted apart), verdicts, items with a
planted listed host that were ``allow`` (the hard bar: zero), and wrong hosts (the planted host
missed and some other host reported, decoys the message shows on purpose excepted). The peers
(iocextract, ioc-finder, linkify-it-py, urlextract) run on the same messages in the same run and
are scored by ``bench.peers.found``. Throughput: ``Scanner.scan`` and linkify-it-py over the same
disguised and clean messages, one after the other in this process.

``python -m bench.redteam3_eval [--home DIR] [--data DIR] [--no-peers]`` writes
``bench/results/redteam3.json`` and ``bench/results/redteam3_misses.md``.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench.common import (
    RESULTS_DIR,
    data_dir,
    load_scanner,
    pct,
    print_table,
    scanner_home,
    write_result,
)
from bench.redteam3 import SEED, Case, build_suite

HANDLE_KINDS = ("wechat", "qq", "telegram", "whatsapp", "line", "phone")
HOST_KINDS = ("url", "domain", "ip", "email", "deeplink")


def _digits(s: str) -> str:
    return "".join(c for c in s if c.isdigit())


def _norm_id(s: str) -> str:
    return unicodedata.normalize("NFKC", s).lower().lstrip("@").strip()


def entity_hosts(entities: list[dict[str, Any]]) -> list[str]:
    out = []
    for e in entities:
        if e.get("kind") in HANDLE_KINDS:
            continue
        host = e.get("host") or (e.get("value") if e.get("kind") == "ip" else None)
        if host:
            out.append(str(host).lower().rstrip("."))
    return out


def link_found(case: Case, entities: list[dict[str, Any]]) -> bool:
    want = case.expect
    for host in entity_hosts(entities):
        if host == want or (case.accept_subdomain and host.endswith("." + want)):
            return True
    return False


def handle_match(case: Case, e: dict[str, Any]) -> bool:
    if e.get("kind") not in HANDLE_KINDS:
        return False
    value = str(e.get("value", ""))
    if case.handle_kind in ("qq", "phone", "whatsapp") or case.expect.isdigit():
        got, want = _digits(value), case.expect
        if not got:
            return False
        if case.handle_kind == "phone" and want.startswith("86"):
            return (
                got == want or got == want[2:] or (got.endswith(want[2:]) and len(got) <= len(want))
            )
        return got == want or (len(got) >= 7 and want.endswith(got) and len(want) - len(got) <= 3)
    return _norm_id(value) == _norm_id(case.expect)


def wrong_handle(case: Case, entities: list[dict[str, Any]]) -> list[str]:
    return [f"{e.get('kind')}:{e.get('value')}" for e in entities if e.get("kind") in HANDLE_KINDS]


@dataclass
class FamilyStats:
    kind: str
    round: int = 1
    n: int = 0
    harmful: int = 0
    harmful_flagged: int = 0
    found: int = 0
    kind_exact: int = 0
    verdicts: Counter[str] = field(default_factory=Counter)
    allowed_listed: int = 0
    wrong_host: int = 0
    decoy_only: int = 0
    wrong_handle: int = 0
    spurious_host: int = 0
    review_or_act: int = 0
    peers: Counter[str] = field(default_factory=Counter)
    misses: list[dict[str, Any]] = field(default_factory=list)


def score(
    cases: list[Case], results: list[dict[str, Any]], peer_out: dict[str, list[list[str]]]
) -> dict[str, FamilyStats]:
    from bastion.suffixes import registrable_domain
    from bench.peers import found as peer_found

    stats: dict[str, FamilyStats] = {}
    for i, (case, res) in enumerate(zip(cases, results, strict=True)):
        st = stats.setdefault(case.family, FamilyStats(kind=case.kind, round=case.round))
        st.n += 1
        verdict = res["verdict"]
        if case.wording == "harmful":
            st.harmful += 1
            st.harmful_flagged += verdict in ("review", "act")
        st.verdicts[verdict] += 1
        ents: list[dict[str, Any]] = res.get("entities", [])
        if verdict in ("review", "act"):
            st.review_or_act += 1
        ok = False
        note = ""
        if case.kind == "link":
            ok = link_found(case, ents)
            if verdict == "allow":
                st.allowed_listed += 1
            decoys = {d.lower() for d in case.decoys} | {
                registrable_domain(d.lower()) or d.lower() for d in case.decoys
            }
            others = [h for h in entity_hosts(ents) if h not in decoys and h != case.expect]
            if not ok and others:
                st.wrong_host += 1
                note = "wrong host"
            elif not ok and entity_hosts(ents):
                st.decoy_only += 1  # only the trusted name the message shows was reported
                note = "decoy only"
            kind = "link"
            peer_expect = registrable_domain(case.expect) or case.expect
        elif case.kind in ("handle", "review"):
            matches = [e for e in ents if handle_match(case, e)]
            ok = bool(matches)
            if any(e.get("kind") == case.handle_kind for e in matches):
                st.kind_exact += 1
            same_kind = [e for e in ents if e.get("kind") == case.handle_kind]
            if not ok and same_kind:
                st.wrong_handle += 1
                note = "wrong handle"
            if entity_hosts(ents):
                st.spurious_host += 1
                note = (note + "; " if note else "") + "host reported"
            kind = case.handle_kind
            peer_expect = case.expect
        else:  # benign
            ok = verdict == "allow"
            kind = ""
            peer_expect = ""
        if ok:
            st.found += 1
        elif len(st.misses) < 400:
            st.misses.append(
                {
                    "id": case.id,
                    "text": case.text,
                    "expect": case.expect,
                    "verdict": verdict,
                    "entities": [
                        {
                            k: e.get(k)
                            for k in ("kind", "raw", "value", "host", "flags")
                            if e.get(k) is not None
                        }
                        for e in ents
                    ],
                    "note": note,
                    "tricks": list(case.tricks),
                }
            )
        if kind and case.kind != "benign":
            for peer, outs in peer_out.items():
                if peer_found(kind, peer_expect, outs[i]):
                    st.peers[peer] += 1
    return stats


def run_peers(
    cases: list[Case], names: tuple[str, ...]
) -> tuple[dict[str, list[list[str]]], dict[str, float]]:
    from bench.peers import peer_finders

    out: dict[str, list[list[str]]] = {}
    secs: dict[str, float] = {}
    for name, finder in peer_finders(names).items():
        got: list[list[str]] = []
        t0 = time.process_time()
        for case in cases:
            try:
                got.append(list(finder(case.text)))
            except Exception as exc:
                got.append([f"error:{type(exc).__name__}"])
        secs[name] = time.process_time() - t0
        out[name] = got
    return out, secs


def throughput(scanner: Any, items: list[dict[str, Any]], rounds: int = 3) -> dict[str, float]:
    """Best-of-``rounds`` messages per CPU second: Scanner.scan vs linkify-it-py, same messages."""
    from linkify_it import LinkifyIt  # type: ignore[import-untyped]

    linkify = LinkifyIt()
    texts = [it["text"] for it in items]
    best_scan = best_link = float("inf")
    for _ in range(rounds):
        t0 = time.process_time()
        for it in items:
            scanner.scan(it)
        best_scan = min(best_scan, time.process_time() - t0)
        t0 = time.process_time()
        for text in texts:
            linkify.match(text)
        best_link = min(best_link, time.process_time() - t0)
    return {
        "messages": len(items),
        "bastion_msg_per_cpu_s": round(len(items) / best_scan, 1) if best_scan else 0.0,
        "linkify_msg_per_cpu_s": round(len(items) / best_link, 1) if best_link else 0.0,
    }


HARMFUL = ("gambling", "porn", "sexual_services", "scam", "phishing", "malware")


def lookup_listed(home: Path, hosts: list[str]) -> set[str]:
    """Hosts ``bastion feeds lookup`` reports in a harmful category (tab-separated lines)."""
    exe = Path(sys.executable).with_name("bastion")
    listed: set[str] = set()
    for k in range(0, len(hosts), 400):
        out = subprocess.run(
            [str(exe), "feeds", "lookup", "--home", str(home), *hosts[k : k + 400]],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        for line in out.splitlines():
            parts = line.split("\t")
            if len(parts) >= 2 and parts[1] in HARMFUL:
                listed.add(parts[0].strip().lower())
    return listed


def _item(case: Case) -> dict[str, Any]:
    return {"id": case.id, "surface": case.surface, "text": case.text, "platform": "redteam3"}


MARKER = "<!-- generated by bench.redteam3_eval below this line -->"


def write_misses(path: Path, stats: dict[str, FamilyStats], commit: str) -> None:
    """Every family's misses, below the hand-written part of ``path`` (kept across runs)."""
    head = "# Red team 3: misses (held out)\n"
    if path.exists() and MARKER in (old := path.read_text(encoding="utf-8")):
        head = old.split(MARKER)[0].rstrip("\n") + "\n"
    lines = [
        head,
        MARKER,
        "",
        f"Suite `bench/redteam3.py` (seed {SEED}), scored by `bench/redteam3_eval.py`"
        f" at commit {commit}.",
        "A link miss: the planted listed host is not reported as a host. A handle miss: no",
        "handle entity holds the planted id. Benign miss: verdict not `allow`. Up to 8",
        "examples a family; each shows the verdict and what Bastion reported.",
        "",
    ]
    for family, st in stats.items():
        if not st.misses:
            continue
        lines.append(f"## {family} ({st.n - st.found} of {st.n} missed)")
        lines.append("")
        for m in st.misses[:8]:
            text = m["text"].replace("\n", "⏎")
            if len(text) > 220:
                text = text[:220] + "…"
            ents = (
                ", ".join(
                    f"{e.get('kind')}:{e.get('host') or e.get('value')}" for e in m["entities"]
                )
                or "nothing"
            )
            note = f" **{m['note']}**" if m["note"] else ""
            lines.append(
                f"- `{m['id']}` want `{m['expect']}`, verdict `{m['verdict']}`, got {ents}{note}"
            )
            lines.append(f"  - text: `{text.replace('`', 'ˋ')}`")
        lines.append("")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--home", type=Path, default=None)
    parser.add_argument("--data", type=Path, default=None)
    parser.add_argument("--no-peers", action="store_true")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--name", default="redteam3", help="results file stem")
    args = parser.parse_args(argv)
    data = data_dir(args.data)
    cases = build_suite(data)
    home = scanner_home(args.home, data)
    scanner = load_scanner(home)
    results = []
    crashes = 0
    for case in cases:
        try:
            results.append(scanner.scan(_item(case)).to_dict())
        except Exception as exc:
            crashes += 1
            results.append({"verdict": "crash", "entities": [], "error": repr(exc)})
    # control: each planted host must be listed in the home's index (``bastion feeds lookup``, the
    # public CLI); a case whose host is not listed harmful is left out of the figures (counted)
    listed = lookup_listed(home, sorted({c.expect for c in cases if c.kind == "link"}))
    controls_failed = [c.id for c in cases if c.kind == "link" and c.expect not in listed]
    if controls_failed:
        drop = set(controls_failed)
        keep = [i for i, c in enumerate(cases) if c.id not in drop]
        cases = [cases[i] for i in keep]
        results = [results[i] for i in keep]
    peer_names: tuple[str, ...] = (
        () if args.no_peers else ("iocextract", "ioc-finder", "linkify-it-py", "urlextract")
    )
    peer_out, peer_secs = run_peers(cases, peer_names)
    stats = score(cases, results, peer_out)

    # round-1 messages only: round 2 holds 30,000-character padded texts
    disguised = [_item(c) for c in cases if c.kind in ("link", "handle", "review") and c.round == 1]
    clean = [_item(c) for c in cases if c.family == "b_clean"]
    speed = {
        "disguised": throughput(scanner, disguised, args.rounds),
        "clean": throughput(scanner, clean * 5, args.rounds),
    }

    rows = []
    families: dict[str, Any] = {}
    totals: dict[str, Counter[str]] = defaultdict(Counter)
    for family, st in stats.items():
        rec: dict[str, Any] = {
            "kind": st.kind,
            "n": st.n,
            "found": st.found,
            "recall": pct(st.found, st.n),
            "verdicts": dict(st.verdicts),
        }
        if st.kind == "link":
            rec |= {
                "allowed_listed": st.allowed_listed,
                "wrong_host": st.wrong_host,
                "decoy_only": st.decoy_only,
            }
        if st.kind in ("handle", "review"):
            rec |= {
                "harmful_wording": st.harmful,
                "harmful_review_or_act": pct(st.harmful_flagged, st.harmful),
                "kind_exact": st.kind_exact,
                "wrong_handle": st.wrong_handle,
                "host_reported": st.spurious_host,
                "review_or_act": pct(st.review_or_act, st.n),
            }
        if st.kind != "benign":
            rec["peers"] = {p: pct(st.peers[p], st.n) for p in peer_names}
        families[family] = rec
        t = totals[st.kind if st.round == 1 else f"{st.kind}_round{st.round}"]
        t["n"] += st.n
        t["found"] += st.found
        t["allowed_listed"] += st.allowed_listed
        t["wrong_host"] += st.wrong_host
        t["decoy_only"] += st.decoy_only
        t["wrong_handle"] += st.wrong_handle
        t["harmful"] += st.harmful
        t["harmful_flagged"] += st.harmful_flagged
        t["host_reported"] += st.spurious_host
        t["review_or_act"] += st.review_or_act
        t["act"] += st.verdicts["act"]
        t["review"] += st.verdicts["review"]
        t["families"] += 1
        t["families_99"] += st.found * 100 >= 99 * st.n
        for p in peer_names:
            t["peer:" + p] += st.peers[p]
        rows.append(
            [
                family,
                str(st.n),
                f"{pct(st.found, st.n):.1f}",
                str(st.allowed_listed) if st.kind == "link" else "-",
                str(st.wrong_host if st.kind == "link" else st.wrong_handle),
                " ".join(f"{k}:{v}" for k, v in sorted(st.verdicts.items())),
                *(
                    f"{pct(st.peers[p], st.n):.1f}" if st.kind != "benign" else "-"
                    for p in peer_names
                ),
            ]
        )
    summary: dict[str, Any] = {}
    for kind, t in totals.items():
        base = kind.split("_round")[0]
        s: dict[str, Any] = {
            "n": t["n"],
            "found": t["found"],
            "recall": pct(t["found"], t["n"]),
            "families": t["families"],
            "families_at_99": t["families_99"],
        }
        if base == "link":
            s |= {
                "allowed_listed": t["allowed_listed"],
                "wrong_host": t["wrong_host"],
                "decoy_only": t["decoy_only"],
            }
        if base in ("handle", "review"):
            s |= {
                "harmful_review_or_act": pct(t["harmful_flagged"], t["harmful"]),
                "wrong_handle": t["wrong_handle"],
                "host_reported": t["host_reported"],
                "review_or_act": pct(t["review_or_act"], t["n"]),
            }
        if base == "benign":
            s |= {"act": pct(t["act"], t["n"]), "review": pct(t["review"], t["n"])}
        else:
            s["peers"] = {p: pct(t["peer:" + p], t["n"]) for p in peer_names}
        summary[kind] = s
    commit = os.popen("git rev-parse --short HEAD 2>/dev/null").read().strip() or "unknown"
    payload = {
        "suite": "bench/redteam3.py",
        "seed": SEED,
        "commit": commit,
        "cases": len(cases),
        "crashes": crashes,
        "held_out": True,
        "controls_failed": controls_failed,
        "note": "written without reading the unmasker, extractors or other suites; machine "
        "shared by other engineers (2 cores); throughput in messages per CPU second, best of "
        "rounds",
        "load_average": os.getloadavg()[0],
        "summary": summary,
        "families": families,
        "throughput": speed,
        "peer_cpu_seconds": {k: round(v, 2) for k, v in peer_secs.items()},
    }
    path = write_result(args.name, payload)
    write_misses(RESULTS_DIR / f"{args.name}_misses.md", stats, commit)
    print_table(
        "red team 3 (held out)",
        ["family", "n", "recall %", "allowed", "wrong", "verdicts", *peer_names],
        rows,
    )
    print(summary)
    print(speed)
    print(f"results: {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
