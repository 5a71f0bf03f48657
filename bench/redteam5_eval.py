"""Run red team 5 (``bench/redteam5.py``) through ``Scanner.scan`` and the four peers; score it.

Per family: recall (links: the listed host found with the right host AND the verdict not
``allow``; handles: the right id found, since the policy allows a plain handle; ``flagged`` is
found and not ``allow``), found (right host or id, whatever the verdict), listed links allowed,
wrong hosts or ids (a host or id reported that is neither the true one nor one the text really
holds, such as a decoy in userinfo), review and act rates; the same recall for each peer; benign
act / review rates. Link cases whose host, written plainly (``https://host/``), is not ``act``
in the home are left out of the denominators and counted (the home, not the disguise, would
miss them).
CPU-time throughput (``time.process_time``, best of 3) of ``Scanner.scan`` and linkify-it-py on
the disguised cases and on clean real text.

    python -m bench.redteam5_eval --home /tmp/rt5-home --name redteam5
"""

from __future__ import annotations

import argparse
import hashlib
import ipaddress
import json
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
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
    sms,
    telecom,
)
from bench.redteam5 import SEED, Case, build

HANDLE_KINDS = frozenset({"wechat", "qq", "telegram", "whatsapp", "line", "phone"})
HOST_KINDS = frozenset({"url", "domain", "ip", "email", "deeplink"})
MESSENGER_HOSTS = frozenset(
    {"t.me", "telegram.me", "telegram.dog", "wa.me", "whatsapp.com", "qq.com"}
)


def registrable(host: str) -> str:
    from bastion.suffixes import registrable_domain

    host = host.lower().strip(".").strip("[]")
    return registrable_domain(host) or host


def _idna(host: str) -> str:
    try:
        return host.encode("idna").decode("ascii")
    except UnicodeError:
        return host


def host_keys(hosts: Iterable[str]) -> set[str]:
    """Every spelling a reported host may match: itself, its registrable domain, its IDNA form."""
    out: set[str] = set()
    for h in hosts:
        if not h:
            continue
        h = h.lower().strip(".").strip("[]")
        out |= {h, registrable(h), _idna(h), registrable(_idna(h))}
        try:
            mapped = ipaddress.IPv6Address(h).ipv4_mapped
        except ValueError:
            mapped = None
        if mapped is not None:  # ::ffff:a.b.c.d is the IPv4 address a.b.c.d
            out.add(str(mapped))
    return out


def digits(s: str) -> str:
    return "".join(c for c in s if c.isdigit())


def _nsn(number: str) -> str:
    """National significant number of an E.164 (``447...``) or mainland (``1[3-9]...``) number."""
    import phonenumbers

    d = digits(number)
    if len(d) == 11 and d.startswith("1"):
        return d
    if d.startswith("0"):
        return d.lstrip("0")
    try:
        return str(phonenumbers.parse("+" + d).national_number)
    except phonenumbers.NumberParseException:
        return d


def handle_value(kind: str, value: str) -> str:
    """An id as a reader types it: lower case, no ``@``, no ``t.me/`` or query around it."""
    v = value.strip().lower()
    if kind in ("phone", "whatsapp", "qq"):
        return digits(v)
    v = v.split("?", 1)[0].rstrip("/")
    v = v.rsplit("/", 1)[-1] if "/" in v else v
    return v.lstrip("@")


def handle_matches(kind: str, value: str, expected: tuple[str, ...]) -> bool:
    v = handle_value(kind, value)
    for e in expected:
        if kind in ("phone", "whatsapp") or (e.isdigit() and len(e) >= 11):
            n = _nsn(e)
            if v and len(v) >= len(n) and v.endswith(n) and len(v) <= len(n) + 4:
                return True
        if v == e.lower():
            return True
    return False


@dataclass(slots=True)
class Outcome:
    """What Bastion did with one case."""

    verdict: str
    found: bool
    wrong: list[str] = field(default_factory=list)
    entities: list[str] = field(default_factory=list)
    truncated: bool = False

    @property
    def hit(self) -> bool:
        return self.found and self.verdict != "allow"


def judge(case: Case, result: Any) -> Outcome:
    """Score one ``ScanResult`` against a case (see the module docstring)."""
    expected_hosts = host_keys(case.expected) if case.kind in ("host", "ip") else set()
    ok_hosts = (
        expected_hosts
        | host_keys(case.others)
        | (MESSENGER_HOSTS if case.group == "handle" else set())
    )
    found = False
    wrong: list[str] = []
    shown: list[str] = []
    for e in result.entities:
        shown.append(f"{e.kind}:{e.value}" + (f" [{','.join(e.flags)}]" if e.flags else ""))
        if e.kind in HOST_KINDS:
            hosts = [h for h in (e.host, e.registrable_domain) if h]
            if not hosts:
                continue
            keys = host_keys(hosts)
            if keys & expected_hosts:
                found = True
            elif "redirect_target" in e.flags and any(h in e.value.lower() for h in case.expected):
                found = True  # the target's listing applied to the outer link that names it
            elif case.kind in ("host", "ip") and e.kind == "email" and case.group == "benign":
                continue
            elif not keys & ok_hosts and case.group != "benign":
                wrong.append(f"{e.kind}:{hosts[0]}")
        elif e.kind in HANDLE_KINDS and case.kind in HANDLE_KINDS:
            if handle_matches(case.kind, e.value, case.expected):
                found = True
            elif not any(handle_matches(case.kind, e.value, (o,)) for o in case.others):
                wrong.append(f"{e.kind}:{e.value}")
    return Outcome(result.verdict, found, wrong, shown, bool(getattr(result, "truncated", False)))


# -------------------------------------------------------------------------------------- peers


def peer_hit(case: Case, extracted: list[str]) -> tuple[bool, bool]:
    """(found, wrong) for a peer's extracted strings, by the same rules as :func:`judge`."""
    from bench.peers import found as peer_found
    from bench.recall import url_host

    if case.kind in ("host", "ip"):
        want = host_keys(case.expected)
        ok = want | host_keys(case.others)
        hit = wrong = False
        for x in extracted:
            if x.startswith("tel:"):
                continue
            host = url_host(x.strip().strip("<>\"'"))
            if not host:
                continue
            keys = host_keys([host])
            if keys & want:
                hit = True
            elif not keys & ok:
                wrong = True
        return hit, wrong
    return any(peer_found(case.kind, e, extracted) for e in case.expected), False


# --------------------------------------------------------------------------------- throughput


def cpu_rate(fn: Callable[[str], Any], texts: list[str], repeat: int = 3) -> float:
    """Messages per CPU second, best of ``repeat``."""
    best = float("inf")
    for _ in range(repeat):
        t0 = time.process_time()
        for t in texts:
            fn(t)
        best = min(best, time.process_time() - t0)
    return round(len(texts) / best, 1) if best > 0 else float("inf")


def clean_texts(data: Path, n: int) -> list[str]:
    en = [t for lab, t in sms(data) if lab == "ham"]
    zh = [t for lab, t in telecom(data) if lab == "0"]
    return (en[: n // 2] + zh[: n - n // 2])[:n]


# --------------------------------------------------------------------------------------- run


def listed_plainly(scanner: Any, cases: list[Case]) -> dict[str, bool]:
    """Is each expected host ``act`` when written as a plain URL? (A check of the home.)"""
    out: dict[str, bool] = {}
    for c in cases:
        if c.group != "link":
            continue
        host = c.expected[0]
        if host not in out:
            url = f"http://{host}/" if c.kind == "ip" else f"https://{host}/"
            out[host] = (
                scanner.scan({"id": "plain", "surface": "post", "text": url}).verdict == "act"
            )
    return out


def evaluate(
    scanner: Any, cases: list[Case], peers: dict[str, Callable[[str], list[str]]]
) -> dict[str, Any]:
    plain = listed_plainly(scanner, cases)
    fam: dict[str, dict[str, Any]] = {}
    misses: dict[str, list[dict[str, Any]]] = defaultdict(list)
    peer_time: dict[str, float] = defaultdict(float)
    wording: dict[str, Counter[str]] = defaultdict(Counter)  # handle template -> found / allowed
    for c in cases:
        f = fam.setdefault(
            c.family,
            {
                "group": c.group,
                "n": 0,
                "excluded_unlisted": 0,
                "found": 0,
                "recall_hits": 0,
                "listed_allowed": 0,
                "wrong": 0,
                "review": 0,
                "act": 0,
                "truncated": 0,
                "flagged": 0,
                "peers": Counter(),
                "peers_wrong": Counter(),
            },
        )
        if c.group == "link" and not plain.get(c.expected[0], True):
            f["excluded_unlisted"] += 1
            continue
        res = scanner.scan({"id": c.id, "surface": c.surface, "text": c.text})
        o = judge(c, res)
        f["n"] += 1
        f["found"] += o.found
        if c.group == "link":
            f["recall_hits"] += o.hit
        elif c.group == "handle":
            f["recall_hits"] += o.found
        elif c.group == "review":  # review or act, never a wrong host (and the id when a handle)
            f["recall_hits"] += (
                o.verdict != "allow" and not o.wrong and (o.found or c.kind == "host")
            )
        f["flagged"] += o.hit
        f["wrong"] += bool(o.wrong)
        f["review"] += o.verdict == "review"
        f["act"] += o.verdict == "act"
        f["truncated"] += o.truncated
        if c.group == "handle" and o.found:
            wording[c.template]["found"] += 1
            wording[c.template]["allowed"] += o.verdict == "allow"
        if c.group == "link" and o.verdict == "allow":
            f["listed_allowed"] += 1
        failed = (
            (c.group == "link" and (not o.hit or o.wrong))
            or (c.group == "handle" and (not o.found or o.wrong))
            or (c.group == "review" and (o.verdict == "allow" or bool(o.wrong)))
            or (c.group == "benign" and o.verdict != "allow")
        )
        if failed and len(misses[c.family]) < 10:
            text = (
                c.text
                if len(c.text) <= 400
                else c.text[:120] + f" …[{len(c.text)} chars]… " + c.text[-200:]
            )
            misses[c.family].append(
                {
                    "id": c.id,
                    "surface": c.surface,
                    "text": text,
                    "expected": list(c.expected),
                    "verdict": o.verdict,
                    "entities": o.entities,
                    "wrong": o.wrong,
                    "source": c.source,
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
            f["peers_wrong"][name] += wrong
    return {
        "families": fam,
        "misses": misses,
        "plain_unlisted": sorted(h for h, ok in plain.items() if not ok),
        "peer_cpu_seconds": {k: round(v, 2) for k, v in peer_time.items()},
        "handle_wording": {
            t: {"found": w["found"], "allowed": w["allowed"]}
            for t, w in sorted(wording.items(), key=lambda kv: -kv[1]["allowed"] / kv[1]["found"])
        },
    }


def summarise(fam: dict[str, dict[str, Any]], peers: Iterable[str]) -> dict[str, Any]:
    rows: dict[str, Any] = {}
    totals: dict[str, Counter[str]] = defaultdict(Counter)
    for name, f in fam.items():
        n = f["n"]
        row = {
            "group": f["group"],
            "n": n,
            "excluded_unlisted": f["excluded_unlisted"],
            "recall": pct(f["recall_hits"], n),
            "found": pct(f["found"], n),
            "listed_allowed": f["listed_allowed"],
            "wrong": f["wrong"],
            "review_rate": pct(f["review"], n),
            "act_rate": pct(f["act"], n),
            "truncated": f["truncated"],
            "flagged": pct(f["flagged"], n),
            "peers": {p: pct(f["peers"][p], n) for p in peers} if f["group"] != "benign" else {},
            "peers_wrong": {p: f["peers_wrong"][p] for p in peers}
            if f["group"] != "benign"
            else {},
        }
        rows[name] = row
        t = totals[f["group"]]
        for k in (
            "n",
            "recall_hits",
            "found",
            "listed_allowed",
            "wrong",
            "review",
            "act",
            "excluded_unlisted",
            "flagged",
        ):
            t[k] += f[k]
        for p in peers:
            t["peer:" + p] += f["peers"][p]
            t["peerwrong:" + p] += f["peers_wrong"][p]
        t["families"] += 1
        t["families_ge_99"] += row["recall"] >= 99.0
    total_rows = {}
    for g, t in totals.items():
        n = t["n"]
        total_rows[g] = {
            "families": t["families"],
            "cases": n,
            "excluded_unlisted": t["excluded_unlisted"],
            "recall": pct(t["recall_hits"], n),
            "found": pct(t["found"], n),
            "families_ge_99": t["families_ge_99"],
            "listed_allowed": t["listed_allowed"],
            "wrong": t["wrong"],
            "review_rate": pct(t["review"], n),
            "act_rate": pct(t["act"], n),
            "flagged_rate": pct(t["review"] + t["act"], n),
            "found_and_flagged": pct(t["flagged"], n),
            "peers": {p: pct(t["peer:" + p], n) for p in peers},
            "peers_wrong": {p: t["peerwrong:" + p] for p in peers},
        }
    return {"families": rows, "totals": total_rows}


def write_misses(
    path: Path, name: str, rows: dict[str, Any], misses: dict[str, list[dict[str, Any]]]
) -> None:
    lines = [
        f"# {name}: misses (at most 10 per family)",
        "",
        "A link/handle miss: host or id not found, a wrong host or id, or verdict `allow`. "
        "A review miss: `allow` or a wrong host. A benign miss: anything but `allow`.",
        "",
    ]
    order = sorted(
        rows,
        key=lambda k: (
            rows[k]["group"] == "benign",
            rows[k]["recall"] if rows[k]["group"] != "benign" else -rows[k]["act_rate"],
        ),
    )
    for fam in order:
        if not misses.get(fam):
            continue
        r = rows[fam]
        lines.append(
            f"## {fam} ({r['group']}): recall {r['recall']} %, found {r['found']} %, "
            f"wrong {r['wrong']}, listed allowed {r['listed_allowed']}, review {r['review_rate']} %"
        )
        lines.append("")
        for m in misses[fam]:
            lines.append(
                f"- `{m['id']}` ({m['surface']}) expected `{'` / `'.join(m['expected'])}`"
                + f" → **{m['verdict']}**"
                + (f", wrong: `{'`, `'.join(m['wrong'])}`" if m["wrong"] else "")
            )
            lines.append(f"  - text: `{json.dumps(m['text'], ensure_ascii=False)[1:-1]}`")
            lines.append(
                f"  - entities: {', '.join('`' + e + '`' for e in m['entities']) or 'none'}"
            )
        lines.append("")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--home", type=Path)
    ap.add_argument("--data", type=Path)
    ap.add_argument("--name", default="redteam5")
    ap.add_argument("--no-peers", action="store_true")
    ap.add_argument(
        "--clean", type=int, default=3000, help="clean messages for the throughput figure"
    )
    args = ap.parse_args(argv)
    data = data_dir(args.data)
    home = scanner_home(args.home, data)
    scanner = load_scanner(home)
    cases = build(data)
    from bench.peers import PEERS, peer_finders

    peers = {} if args.no_peers else peer_finders(PEERS)
    t0 = time.process_time()
    ev = evaluate(scanner, cases, peers)
    summary = summarise(ev["families"], list(peers))
    disguised = [
        c.text for c in cases if c.group in ("link", "handle") and c.family != "long_real_padding"
    ]
    clean = clean_texts(data, args.clean)
    from bench.peers import _linkify

    linkify = _linkify()
    scan = lambda t: scanner.scan({"id": "t", "surface": "post", "text": t})  # noqa: E731
    throughput = {
        "messages": {"disguised": len(disguised), "clean": len(clean)},
        "bastion": {"disguised": cpu_rate(scan, disguised), "clean": cpu_rate(scan, clean)},
        "linkify-it-py": {
            "disguised": cpu_rate(linkify, disguised),
            "clean": cpu_rate(linkify, clean),
        },
        "unit": "messages per CPU second (time.process_time), best of 3",
    }
    import os

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
        "peer_cpu_seconds": ev["peer_cpu_seconds"],
        "handle_wording_found_allowed": ev["handle_wording"],
        "rows_by_list": dict(Counter(c.source.rsplit(":", 1)[0] for c in cases if c.source)),
        "throughput": throughput,
        "cpu_seconds_total": round(time.process_time() - t0, 1),
    }
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    out = RESULTS_DIR / f"{args.name}.json"
    out.write_text(json.dumps(payload, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    write_misses(
        RESULTS_DIR / f"{args.name}_misses.md", args.name, summary["families"], ev["misses"]
    )
    rows = []
    for g, t in summary["totals"].items():
        rows.append(
            [
                g,
                str(t["cases"]),
                f"{t['recall']}",
                f"{t['found']}",
                str(t["listed_allowed"]),
                str(t["wrong"]),
                f"{t['review_rate']}",
                f"{t['act_rate']}",
                " ".join(f"{p}={v}" for p, v in t["peers"].items()),
            ]
        )
    print_table(
        f"{args.name} totals",
        [
            "group",
            "cases",
            "recall %",
            "found %",
            "allowed",
            "wrong",
            "review %",
            "act %",
            "peers %",
        ],
        rows,
    )
    fams = sorted(summary["families"].items(), key=lambda kv: (kv[1]["group"], kv[1]["recall"]))
    print_table(
        f"{args.name} families",
        ["family", "group", "n", "recall", "found", "allowed", "wrong", "review", "act"],
        [
            [
                k,
                v["group"],
                str(v["n"]),
                str(v["recall"]),
                str(v["found"]),
                str(v["listed_allowed"]),
                str(v["wrong"]),
                str(v["review_rate"]),
                str(v["act_rate"]),
            ]
            for k, v in fams
        ],
    )
    print(json.dumps(throughput), file=sys.stderr)
    print(f"wrote {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
