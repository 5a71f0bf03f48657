"""Bastion and the four peers on held-out red team #2 (``bench/redteam2.py``), per family.

Per family: recall (the expected registrable domain, or the expected handle id / phone digits,
among the entities), wrong hosts (a host-bearing entity whose registrable domain is not the
expected one and whose host is not written literally in the text), wrong handles (a handle of the
expected kind with another id that is not written literally), listed links allowed (verdict
``allow`` on an in-bar link case: the outcome a trust & safety engine must not give), handles
allowed (README: handles offered with gambling, sex or scam wording are ``review``), crashes; the
``should_review`` families count a pass when the verdict is ``review`` or ``act`` and no wrong host
is reported. Benign controls: act and review rates and wrong hosts. Peers (iocextract,
ioc-finder, linkify-it-py, urlextract) are scored with ``bench.peers.found`` in the same run.

``python -m bench.redteam2_eval [--home /tmp/benchhome] [--no-peers]`` writes
``bench/results/redteam2.json`` and ``bench/results/redteam2_misses.md``.
"""

from __future__ import annotations

import argparse
import contextlib
import time
import traceback
import unicodedata
from collections import defaultdict
from pathlib import Path
from typing import Any

from bench import common
from bench.peers import PEERS, found, peer_finders
from bench.redteam2 import (
    EDGE_HANDLE_FAMILIES,
    EDGE_LINK_FAMILIES,
    HANDLE_TEMPLATES,
    PER_FAMILY,
    SEED,
    SHORT_SURFACES,
    Case,
    benign_cases,
    generate,
)
from bench.redteam2_classes import CLASSES

HOST_KINDS = frozenset({"url", "domain", "email", "deeplink", "ip"})
COMPATIBLE = {
    "wechat": frozenset({"wechat"}),
    "qq": frozenset({"qq"}),
    "telegram": frozenset({"telegram"}),
    "whatsapp": frozenset({"whatsapp", "phone"}),
    "line": frozenset({"line"}),
    "phone": frozenset({"phone", "whatsapp"}),
}
DIGIT_KINDS = frozenset({"qq", "whatsapp", "phone"})


def _digits(s: str) -> str:
    return "".join(c for c in s if c.isdigit())


def handle_match(kind: str, want: str, value: str) -> bool:
    if kind in DIGIT_KINDS:
        d = _digits(value)
        return bool(d) and (d == want or d.endswith(want) or (len(d) >= 9 and want.endswith(d)))
    return value.lower().lstrip("@") == want.lower()


def host_match(entity: dict[str, Any], expected: str) -> bool:
    host = (entity.get("host") or "").lower().rstrip(".")
    reg = (entity.get("registrable_domain") or "").lower()
    if (
        "lookalike" in (entity.get("flags") or ())
        and entity.get("category")
        and leet_of(reg, expected)
    ):
        return True
    return reg == expected or host == expected or host.endswith("." + expected)


LEET = {
    ("0", "o"),
    ("1", "i"),
    ("1", "l"),
    ("3", "e"),
    ("4", "a"),
    ("5", "s"),
    ("7", "t"),
    ("8", "b"),
    ("9", "g"),
    ("@", "a"),
    ("$", "s"),
}


def leet_of(host: str, expected: str) -> bool:
    """Is ``host`` ``expected`` written in leetspeak (the README reports the host as written)?"""
    return (
        len(host) == len(expected)
        and host != expected
        and all(a == b or (a, b) in LEET for a, b in zip(host, expected, strict=True))
    )


def literal_text(text: str) -> str:
    """What counts as written literally: the text lower-cased, also after NFKC (math letters)."""
    return text.lower() + "\n" + unicodedata.normalize("NFKC", text).lower()


def _is_tail(host: str, expected: str) -> bool:
    """``casino.com`` out of ``luckycasino.com``: a real, other site cut from the listed name."""
    return host != expected and expected.endswith(host) and not host.startswith("www.")


def judge(case: Case, result: dict[str, Any]) -> dict[str, Any]:
    """Found, wrong hosts and wrong handles of Bastion's result for one case.

    A host reported as written in leetspeak with the flag ``lookalike`` and a listing counts as
    found (README: "the host reported is the one written"); a host that NFKC of the text holds
    literally is no wrong host.
    """
    text_l = literal_text(case.text)
    entities = result.get("entities", [])
    wrong_hosts: list[str] = []
    tails: list[str] = []
    for e in entities:
        if e.get("kind") in HOST_KINDS and e.get("host"):
            host = e["host"].lower().rstrip(".")
            if case.kind == "link" and host_match(e, case.expected):
                continue
            if host in text_l:
                if case.kind == "link" and _is_tail(host, case.expected):
                    tails.append(host)
                continue
            wrong_hosts.append(host)
    if case.kind == "link":
        ok = any(e.get("kind") in HOST_KINDS and host_match(e, case.expected) for e in entities)
        wrong_handles: list[str] = []
        deeplink_only = False
    else:
        kind, _, want = case.expected.partition(":")
        mine = [e for e in entities if e.get("kind") in COMPATIBLE[kind]]
        ok = any(handle_match(kind, want, str(e.get("value", ""))) for e in mine)
        deeplink_only = not ok and any(
            e.get("kind") == "deeplink" and want.lower() in str(e.get("value", "")).lower()
            for e in entities
        )
        wrong_handles = [
            f"{e['kind']}:{e.get('value')}"
            for e in mine
            if not handle_match(kind, want, str(e.get("value", "")))
            and str(e.get("value", "")).lower().lstrip("@") not in text_l
        ]
    return {
        "tail_hosts": tails,
        "found": ok,
        "wrong_hosts": wrong_hosts,
        "wrong_handles": wrong_handles,
        "deeplink_only": deeplink_only,
    }


def _peer_found(case: Case, extracted: list[str]) -> bool:
    if case.kind == "link":
        return found("link", case.expected, extracted)
    kind, _, want = case.expected.partition(":")
    return found(kind, want, extracted)


def _wording(case: Case) -> str:
    """The lure template a handle case was set in (or the surface that carries no wording)."""
    if case.surface in SHORT_SURFACES:
        return f"(no wording: {case.surface})"
    for template in (*HANDLE_TEMPLATES["zh"], *HANDLE_TEMPLATES["en"]):
        if template.replace("{X}", "").strip() in case.text:
            return template
    return "?"


def _brief(result: dict[str, Any]) -> str:
    ents = [f"{e['kind']}:{e.get('host') or e.get('value')}" for e in result.get("entities", [])]
    return f"{result.get('verdict')} {ents}"


def run(home: Path, data: Path, with_peers: bool) -> dict[str, Any]:
    scanner = common.load_scanner(home)
    cases = generate(data)
    benign = benign_cases(data)
    finders = peer_finders() if with_peers else {}
    fam: dict[str, dict[str, Any]] = {}
    misses: dict[str, list[dict[str, Any]]] = defaultdict(list)
    wording: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    t0 = time.perf_counter()
    for n, case in enumerate(cases):
        s = fam.setdefault(
            case.family,
            {
                "kind": "link" if case.kind == "link" else "handle",
                "edge": case.family in EDGE_LINK_FAMILIES or case.family in EDGE_HANDLE_FAMILIES,
                "in_bar": case.in_bar,
                "cases": 0,
                "found": 0,
                "wrong_host": 0,
                "wrong_handle": 0,
                "allowed": 0,
                "crashes": 0,
                "review_or_act_clean": 0,
                "deeplink_only": 0,
                "tail_host": 0,
                "verdicts": defaultdict(int),
                "peers": {p: 0 for p in finders},
            },
        )
        s["cases"] += 1
        try:
            result = scanner.scan(
                {"id": str(n), "surface": case.surface, "text": case.text}
            ).to_dict()
        except Exception:
            s["crashes"] += 1
            misses[case.family].append(
                {
                    "text": case.text,
                    "expected": case.expected,
                    "got": "CRASH " + traceback.format_exc(limit=1)[-200:],
                }
            )
            continue
        j = judge(case, result)
        verdict = result["verdict"]
        s["verdicts"][verdict] += 1
        s["found"] += j["found"]
        s["deeplink_only"] += j["deeplink_only"]
        s["tail_host"] += bool(j["tail_hosts"])
        s["wrong_host"] += bool(j["wrong_hosts"])
        s["wrong_handle"] += bool(j["wrong_handles"])
        s["allowed"] += verdict == "allow"
        if case.kind != "link" and j["found"]:
            key = _wording(case)
            wording[key][0] += verdict == "allow"
            wording[key][1] += 1
        clean = verdict in ("review", "act") and not j["wrong_hosts"]
        s["review_or_act_clean"] += clean
        bad = (
            (not clean)
            if not case.in_bar
            else (
                not j["found"] or j["wrong_hosts"] or (case.kind == "link" and verdict == "allow")
            )
        )
        if bad:
            misses[case.family].append(
                {
                    "text": case.text,
                    "expected": case.expected,
                    "surface": case.surface,
                    "got": _brief(result),
                    "wrong": j["wrong_hosts"] + j["wrong_handles"],
                }
            )
        for name, finder in finders.items():
            with contextlib.suppress(Exception):  # a peer crashing on a case misses it
                s["peers"][name] += _peer_found(case, finder(case.text))
    attack_seconds = time.perf_counter() - t0

    ben: dict[str, dict[str, Any]] = {}
    benign_hits: dict[str, list[dict[str, str]]] = defaultdict(list)
    for n, b in enumerate(benign):
        s = ben.setdefault(
            b.family, {"cases": 0, "act": 0, "review": 0, "crashes": 0, "with_host": 0}
        )
        s["cases"] += 1
        try:
            result = scanner.scan({"id": f"b{n}", "surface": b.surface, "text": b.text}).to_dict()
        except Exception:
            s["crashes"] += 1
            continue
        verdict = result["verdict"]
        s["act"] += verdict == "act"
        s["review"] += verdict == "review"
        invented = [
            e
            for e in result.get("entities", [])
            if e.get("kind") in HOST_KINDS
            and e.get("host")
            and e["host"].lower() not in literal_text(b.text)
        ]
        s["with_host"] += bool(invented)
        if verdict != "allow" or invented:
            benign_hits[b.family].append({"text": b.text[:200], "got": _brief(result)})
    payload = summarize(fam, ben, misses, benign_hits, attack_seconds, len(cases), list(finders))
    payload["handle_wording"] = {
        k: {"allowed": a, "found_cases": n, "allow_rate": _rate(a, n)}
        for k, (a, n) in sorted(wording.items(), key=lambda kv: -kv[1][0] / max(1, kv[1][1]))
    }
    return payload


def _rate(part: int, whole: int) -> float:
    return common.pct(part, whole)


def summarize(
    fam: dict[str, dict[str, Any]],
    ben: dict[str, dict[str, Any]],
    misses: dict[str, list[dict[str, Any]]],
    benign_hits: dict[str, list[dict[str, str]]],
    seconds: float,
    n_cases: int,
    peers: list[str],
) -> dict[str, Any]:
    families = {}
    for name, s in fam.items():
        families[name] = {
            "kind": s["kind"],
            "in_bar": s["in_bar"],
            "edge": s["edge"],
            "cases": s["cases"],
            "recall": _rate(s["found"], s["cases"]),
            "wrong_host": s["wrong_host"],
            "wrong_handle": s["wrong_handle"],
            "allowed": s["allowed"],
            "crashes": s["crashes"],
            "deeplink_only": s["deeplink_only"],
            "tail_host": s["tail_host"],
            "review_or_act_clean": _rate(s["review_or_act_clean"], s["cases"]),
            "verdicts": dict(s["verdicts"]),
            "peers": {p: _rate(v, s["cases"]) for p, v in s["peers"].items()},
        }

    def overall(kind: str, edge: bool = False) -> dict[str, Any]:
        """In-bar families of ``kind``: the held-out ones of the first run, or the edge ones."""
        rows = [s for s in fam.values() if s["kind"] == kind and s["in_bar"] and s["edge"] == edge]
        total = sum(s["cases"] for s in rows)
        return {
            "cases": total,
            "families": len(rows),
            "recall": _rate(sum(s["found"] for s in rows), total),
            "families_at_99": sum(1 for s in rows if _rate(s["found"], s["cases"]) >= 99.0),
            "wrong_host_cases": sum(s["wrong_host"] for s in rows),
            "wrong_handle_cases": sum(s["wrong_handle"] for s in rows),
            "tail_host_cases": sum(s["tail_host"] for s in rows),
            "allowed": sum(s["allowed"] for s in rows),
            "crashes": sum(s["crashes"] for s in rows),
            "peers": {p: _rate(sum(s["peers"][p] for s in rows), total) for p in peers},
        }

    review_rows = [s for s in fam.values() if not s["in_bar"]]
    rtotal = sum(s["cases"] for s in review_rows)
    benign_total = sum(s["cases"] for s in ben.values())
    return {
        "suite": "redteam2",
        "seed": SEED,
        "per_family": PER_FAMILY,
        "cases": n_cases,
        "attack_scan_seconds_incl_peers": round(seconds, 1),
        "links_in_bar": overall("link"),
        "handles": overall("handle"),
        "edge_links": overall("link", edge=True),
        "edge_handles": overall("handle", edge=True),
        "should_review": {
            "cases": rtotal,
            "review_or_act_clean": _rate(
                sum(s["review_or_act_clean"] for s in review_rows), rtotal
            ),
            "wrong_host_cases": sum(s["wrong_host"] for s in review_rows),
        },
        "benign": {
            "cases": benign_total,
            "act_rate": _rate(sum(s["act"] for s in ben.values()), benign_total),
            "review_rate": _rate(sum(s["review"] for s in ben.values()), benign_total),
            "families": {
                k: {
                    **v,
                    "act_rate": _rate(v["act"], v["cases"]),
                    "review_rate": _rate(v["review"], v["cases"]),
                }
                for k, v in ben.items()
            },
        },
        "families": families,
        "misses": {k: v[:6] for k, v in misses.items()},
        "benign_hits": {k: v[:6] for k, v in benign_hits.items()},
    }


def write_misses(payload: dict[str, Any], path: Path) -> None:
    lines = [
        "# Red team 2: misses by class, then per family",
        "",
        "Generated by `python -m bench.redteam2_eval` (suite `bench/redteam2.py`, first run in "
        "commit 523a632). Classes and diagnoses: `bench/redteam2_classes.py`, written from the "
        "outside. Recall = the expected host (registrable domain) or handle id among the "
        "entities; `allowed` = verdict allow.",
        "",
    ]
    fam_all = payload["families"]
    for title, members, diagnosis in CLASSES:
        present = [m for m in members if m in fam_all]
        scores = {
            m: fam_all[m]["recall"] if fam_all[m]["in_bar"] else fam_all[m]["review_or_act_clean"]
            for m in present
        }
        figures = ", ".join(f"`{m}` {score}%" for m, score in scores.items())
        lines += [f"## {title}", "", f"Families: {figures}." if figures else "", "", diagnosis, ""]
        shown = 0
        for m in present:
            for e in payload["misses"].get(m, [])[: 1 if len(present) > 2 else 3]:
                if shown < 3:
                    lines.append(f"- `{e['text']!r}` expected `{e['expected']}` got `{e['got']}`")
                    shown += 1
        if not members:
            for k, v in payload.get("handle_wording", {}).items():
                lines.append(f"- {k}: allowed {v['allowed']}/{v['found_cases']} found handles")
        lines.append("")
    lines += ["# Per family (worst first)", ""]
    fams = sorted(
        payload["families"].items(),
        key=lambda kv: kv[1]["recall"] if kv[1]["in_bar"] else kv[1]["review_or_act_clean"],
    )
    for name, f in fams:
        ex = payload["misses"].get(name, [])
        if not ex:
            continue
        score = (
            f"recall {f['recall']}%"
            if f["in_bar"]
            else f"review-or-act {f['review_or_act_clean']}%"
        )
        lines.append(
            f"## {name} ({score}, allowed {f['allowed']}/{f['cases']}, "
            f"wrong host {f['wrong_host']}, crashes {f['crashes']})"
        )
        lines.append("")
        for e in ex[:3]:
            lines.append(f"- `{e['text']!r}` expected `{e['expected']}` got `{e['got']}`")
        lines.append("")
    lines.append("## Benign controls that were not allowed")
    lines.append("")
    for name, hits in payload["benign_hits"].items():
        for h in hits[:3]:
            lines.append(f"- {name}: `{h['text']!r}` got `{h['got']}`")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def report(payload: dict[str, Any]) -> None:
    peers = list(PEERS)
    rows = []
    for name, f in sorted(payload["families"].items(), key=lambda kv: kv[1]["recall"]):
        rows.append(
            [
                name,
                f["kind"] + ("" if f["in_bar"] else "*"),
                str(f["cases"]),
                f"{f['recall']:.1f}",
                str(f["allowed"]),
                str(f["wrong_host"]),
                str(f["crashes"]),
                *(f"{f['peers'].get(p, 0):.0f}" for p in peers),
            ]
        )
    common.print_table(
        "red team 2 per family (* = should_review)",
        ["family", "kind", "n", "recall", "allow", "wrongH", "crash", *peers],
        rows,
    )
    for key in ("links_in_bar", "handles", "edge_links", "edge_handles"):
        print(key, payload[key])
    print("should_review", payload["should_review"])
    b = payload["benign"]
    print("benign", b["cases"], "act", b["act_rate"], "review", b["review_rate"])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Held-out red team 2: Bastion and peers.")
    parser.add_argument("--data", type=Path, default=None)
    parser.add_argument("--home", type=Path, default=Path("/tmp/benchhome"))
    parser.add_argument("--no-peers", action="store_true")
    args = parser.parse_args(argv)
    data = common.data_dir(args.data)
    payload = run(args.home, data, not args.no_peers)
    common.write_result("redteam2", payload)
    write_misses(payload, common.RESULTS_DIR / "redteam2_misses.md")
    report(payload)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
