"""Score Bastion and the four peers on the fourth held-out red-team suite (``bench/redteam4.py``).

Per family: link recall (the planted listed host reported exactly as the ``host`` of an entity;
for ``l_www_as_3w`` a subdomain of it too), handle recall (a messenger or phone entity whose value
is the planted id or number; the kind exact counted apart), verdicts, link items that were
``allow`` (the hard bar: zero), wrong hosts (the planted host missed and another host reported,
decoys the message shows on purpose excepted) and wrong handles. A ``review`` family is found when
the verdict is ``review`` or ``act`` (``exact`` counts the ones whose target was also reported);
a ``benign`` family is found when the verdict is ``allow`` (its ``act`` and ``review`` rates are
the false-positive figures). The peers (iocextract, ioc-finder, linkify-it-py, urlextract) run on
the same messages in the same run, scored by ``bench.peers.found``. Throughput: ``Scanner.scan``
and linkify-it-py over the same disguised and clean messages, by CPU time, in this process.

``python -m bench.redteam4_eval [--home DIR] [--data DIR] [--no-peers]`` writes
``bench/results/redteam4.json`` and ``bench/results/redteam4_misses.md``.
"""

from __future__ import annotations

import argparse
import os
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
from bench.redteam3_eval import lookup_listed, throughput
from bench.redteam4 import SEED, Case, build_suite

HANDLE_KINDS = ("wechat", "qq", "telegram", "whatsapp", "line", "phone")
PEERS = ("iocextract", "ioc-finder", "linkify-it-py", "urlextract")


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
    return any(
        h == case.expect or (case.accept_subdomain and h.endswith("." + case.expect))
        for h in entity_hosts(entities)
    )


def handle_match(case: Case, e: dict[str, Any]) -> bool:
    """Does entity ``e`` hold the planted id (digits compared for numbers, NFKC lower for ids)?"""
    if e.get("kind") not in HANDLE_KINDS:
        return False
    value = str(e.get("value", ""))
    if case.expect.isdigit():
        got, want = _digits(value), case.expect
        if not got:
            return False
        if case.handle_kind == "phone" and want.startswith("86"):
            return got in (want, want[2:])
        return got == want or (len(got) >= 7 and want.endswith(got) and len(want) - len(got) <= 3)
    return _norm_id(value) == _norm_id(case.expect)


@dataclass
class FamilyStats:
    kind: str
    n: int = 0
    found: int = 0
    exact: int = 0
    kind_exact: int = 0
    harmful: int = 0
    harmful_flagged: int = 0
    verdicts: Counter[str] = field(default_factory=Counter)
    allowed_listed: int = 0
    wrong_host: int = 0
    decoy_only: int = 0
    wrong_handle: int = 0
    host_reported: int = 0
    peers: Counter[str] = field(default_factory=Counter)
    misses: list[dict[str, Any]] = field(default_factory=list)


def _target(case: Case) -> tuple[str, str]:
    """(peer kind, expected value for ``bench.peers.found``) of a case."""
    from bastion.suffixes import registrable_domain

    if case.handle_kind:
        return case.handle_kind, case.expect
    return "link", registrable_domain(case.expect) or case.expect


def score(
    cases: list[Case], results: list[dict[str, Any]], peer_out: dict[str, list[list[str]]]
) -> dict[str, FamilyStats]:
    from bastion.suffixes import registrable_domain
    from bench.peers import found as peer_found

    stats: dict[str, FamilyStats] = {}
    for i, (case, res) in enumerate(zip(cases, results, strict=True)):
        st = stats.setdefault(case.family, FamilyStats(kind=case.kind))
        st.n += 1
        verdict = res["verdict"]
        st.verdicts[verdict] += 1
        ents: list[dict[str, Any]] = res.get("entities", [])
        hosts = entity_hosts(ents)
        if case.wording == "harmful":
            st.harmful += 1
            st.harmful_flagged += verdict in ("review", "act")
        note = ""
        if case.kind == "benign":
            ok = verdict == "allow"
            if hosts and verdict != "allow":
                note = "host reported"
        elif case.handle_kind:
            matches = [e for e in ents if handle_match(case, e)]
            hit = bool(matches)
            st.kind_exact += any(e.get("kind") == case.handle_kind for e in matches)
            if not hit and any(e.get("kind") in HANDLE_KINDS for e in ents):
                st.wrong_handle += 1
                note = "wrong handle"
            if hosts:
                st.host_reported += 1
                note = (note + "; " if note else "") + "host reported: " + ", ".join(hosts)
            st.exact += hit
            ok = hit if case.kind == "handle" else verdict in ("review", "act")
        else:
            hit = link_found(case, ents)
            st.exact += hit
            if verdict == "allow" and case.kind == "link":
                st.allowed_listed += 1
            decoys = {d for d in case.decoys} | {registrable_domain(d) or d for d in case.decoys}
            others = [h for h in hosts if h not in decoys and h != case.expect]
            if not hit and others:
                st.wrong_host += 1
                note = "wrong host"
            elif not hit and hosts:
                st.decoy_only += 1
                note = "decoy only"
            ok = hit if case.kind == "link" else verdict in ("review", "act") and not others
        st.found += ok
        if not ok and len(st.misses) < 400:
            st.misses.append(
                {
                    "id": case.id,
                    "text": case.text,
                    "expect": case.expect,
                    "verdict": verdict,
                    "note": note,
                    "tricks": list(case.tricks),
                    "entities": [
                        {k: e.get(k) for k in ("kind", "value", "host") if e.get(k) is not None}
                        for e in ents
                    ],
                }
            )
        if case.kind != "benign":
            kind, expect = _target(case)
            for peer, outs in peer_out.items():
                st.peers[peer] += peer_found(kind, expect, outs[i])
    return stats


def run_peers(
    texts: list[str], names: tuple[str, ...]
) -> tuple[dict[str, list[list[str]]], dict[str, float]]:
    """What each peer extracts from each text (an exception is its output), and its CPU time."""
    from bench.peers import peer_finders

    out: dict[str, list[list[str]]] = {}
    secs: dict[str, float] = {}
    for name, finder in peer_finders(names).items():
        got: list[list[str]] = []
        t0 = time.process_time()
        for text in texts:
            try:
                got.append(list(finder(text)))
            except Exception as exc:
                got.append([f"error:{type(exc).__name__}"])
        secs[name] = time.process_time() - t0
        out[name] = got
    return out, secs


def _item(case: Case) -> dict[str, Any]:
    return {"id": case.id, "surface": case.surface, "text": case.text, "platform": "redteam4"}


MARKER = "<!-- generated by bench.redteam4_eval below this line -->"


def write_misses(path: Path, stats: dict[str, FamilyStats], commit: str) -> None:
    """Every family's misses (up to 8 shown), below the hand-written part of ``path``."""
    head = "# Red team 4: misses (held out)\n"
    if path.exists() and MARKER in (old := path.read_text(encoding="utf-8")):
        head = old.split(MARKER)[0].rstrip("\n") + "\n"
    lines = [
        head,
        MARKER,
        "",
        f"Suite `bench/redteam4.py` (seed {SEED}), scored by `bench/redteam4_eval.py` at commit"
        f" {commit}. A link miss: the planted listed host is not reported as a host. A handle",
        "miss: no handle entity holds the planted id. A review miss: verdict `allow` (or a wrong",
        "host). A benign miss: verdict not `allow`.",
        "",
    ]
    for family, st in stats.items():
        if not st.misses:
            continue
        lines += [f"## {family} ({st.n - st.found} of {st.n} missed)", ""]
        for m in st.misses[:8]:
            text = m["text"].replace("\n", "⏎")
            text = text[:220] + "…" if len(text) > 220 else text
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
            lines.append(f"  - text: `{ascii_safe(text)}`")
        lines.append("")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def ascii_safe(text: str) -> str:
    """The text with backticks swapped and invisible characters shown as ``<U+XXXX>``."""
    out = []
    for c in text.replace("`", "ˋ"):
        cat = unicodedata.category(c)
        out.append(f"<U+{ord(c):04X}>" if cat in ("Cf", "Mn", "Zs") and c != " " else c)
    return "".join(out)


def family_record(st: FamilyStats, peer_names: tuple[str, ...]) -> dict[str, Any]:
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
            "exact": st.exact,
            "kind_exact": st.kind_exact,
            "wrong_handle": st.wrong_handle,
            "wrong_host": st.wrong_host,
            "host_reported": st.host_reported,
            "harmful_wording": st.harmful,
            "harmful_review_or_act": pct(st.harmful_flagged, st.harmful),
        }
    if st.kind == "benign":
        rec |= {"act": pct(st.verdicts["act"], st.n), "review": pct(st.verdicts["review"], st.n)}
    else:
        rec["peers"] = {p: pct(st.peers[p], st.n) for p in peer_names}
    return rec


def summarize(stats: dict[str, FamilyStats], peer_names: tuple[str, ...]) -> dict[str, Any]:
    totals: dict[str, Counter[str]] = defaultdict(Counter)
    for st in stats.values():
        t = totals[st.kind]
        for key in (
            "n",
            "found",
            "exact",
            "allowed_listed",
            "wrong_host",
            "decoy_only",
            "wrong_handle",
            "host_reported",
            "harmful",
            "harmful_flagged",
        ):
            t[key] += getattr(st, key)
        t["act"] += st.verdicts["act"]
        t["review"] += st.verdicts["review"]
        t["families"] += 1
        t["families_99"] += st.found * 100 >= 99 * st.n
        for p in peer_names:
            t["peer:" + p] += st.peers[p]
    summary: dict[str, Any] = {}
    for kind, t in totals.items():
        s: dict[str, Any] = {
            "n": t["n"],
            "found": t["found"],
            "recall": pct(t["found"], t["n"]),
            "families": t["families"],
            "families_at_99": t["families_99"],
        }
        if kind == "link":
            s |= {k: t[k] for k in ("allowed_listed", "wrong_host", "decoy_only")}
        elif kind in ("handle", "review"):
            s |= {k: t[k] for k in ("exact", "wrong_handle", "wrong_host", "host_reported")}
            s["harmful_review_or_act"] = pct(t["harmful_flagged"], t["harmful"])
        if kind == "benign":
            s |= {"act": pct(t["act"], t["n"]), "review": pct(t["review"], t["n"])}
        else:
            s["peers"] = {p: pct(t["peer:" + p], t["n"]) for p in peer_names}
        summary[kind] = s
    return summary


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--home", type=Path, default=None)
    parser.add_argument("--data", type=Path, default=None)
    parser.add_argument("--no-peers", action="store_true")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--name", default="redteam4", help="results file stem")
    args = parser.parse_args(argv)
    data = data_dir(args.data)
    cases = build_suite(data)
    home = scanner_home(args.home, data)
    scanner = load_scanner(home)
    results, crashes = [], 0
    for case in cases:
        try:
            results.append(scanner.scan(_item(case)).to_dict())
        except Exception as exc:  # a crash is a finding, scored as a miss
            crashes += 1
            results.append({"verdict": "crash", "entities": [], "error": repr(exc)})
    # control: every planted host must be listed harmful in the home (the public CLI says so);
    # a case whose host is not is left out of the figures and named here
    hosted = [c for c in cases if c.kind in ("link", "review") and not c.handle_kind]
    listed = lookup_listed(home, sorted({c.expect for c in hosted}))
    controls_failed = [c.id for c in hosted if c.expect not in listed]
    if controls_failed:
        drop = set(controls_failed)
        keep = [i for i, c in enumerate(cases) if c.id not in drop]
        cases, results = [cases[i] for i in keep], [results[i] for i in keep]
    peer_names: tuple[str, ...] = () if args.no_peers else PEERS
    peer_out, peer_secs = run_peers([c.text for c in cases], peer_names)
    stats = score(cases, results, peer_out)

    disguised = [_item(c) for c in cases if c.kind in ("link", "handle", "review")]
    clean = [_item(c) for c in cases if c.family.startswith("b_real_")]
    speed = {
        "disguised": throughput(scanner, disguised, args.rounds),
        "clean": throughput(scanner, clean * 5, args.rounds),
    }
    families = {f: family_record(st, peer_names) for f, st in stats.items()}
    summary = summarize(stats, peer_names)
    commit = os.popen("git rev-parse --short HEAD 2>/dev/null").read().strip() or "unknown"
    payload = {
        "suite": "bench/redteam4.py",
        "seed": SEED,
        "commit": commit,
        "cases": len(cases),
        "crashes": crashes,
        "held_out": True,
        "controls_failed": controls_failed,
        "note": "first run, written without reading the unmasker, extractors, policy code or "
        "other suites; 2 shared cores; throughput in messages per CPU second, best of rounds",
        "load_average": os.getloadavg()[0],
        "summary": summary,
        "families": families,
        "throughput": speed,
        "peer_cpu_seconds": {k: round(v, 2) for k, v in peer_secs.items()},
    }
    path = write_result(args.name, payload)
    write_misses(RESULTS_DIR / f"{args.name}_misses.md", stats, commit)
    rows = [
        [
            f,
            str(st.n),
            f"{pct(st.found, st.n):.1f}",
            str(st.allowed_listed) if st.kind == "link" else "-",
            str(st.wrong_host if st.kind == "link" else st.wrong_handle),
            " ".join(f"{k}:{v}" for k, v in sorted(st.verdicts.items())),
            *(f"{pct(st.peers[p], st.n):.1f}" if st.kind != "benign" else "-" for p in peer_names),
        ]
        for f, st in stats.items()
    ]
    print_table(
        "red team 4 (held out)",
        ["family", "n", "found %", "allowed", "wrong", "verdicts", *peer_names],
        rows,
    )
    print(summary)
    print(speed)
    print(f"results: {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
