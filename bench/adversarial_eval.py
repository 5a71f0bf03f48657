"""Bastion beside the four peers on the adversarial suite and the peers' own vectors, in one run.

Per family (links and handles apart): recall of Bastion and of each peer; the share of cases whose
verdict reaches the case's minimum (``act`` for a listed link, ``review`` for a handle offered
with a harmful trade's wording); every ``allow`` on a case a careful reader can undo; every wrong
host (a host-kind entity whose registrable domain is neither the expected one nor a decoy the
text really holds). Then benign ``act``/``review`` on the real clean sets (``false_positives``)
and the throughput of ``Scanner.scan`` on clean and on disguised messages, linkify-it-py beside
it. Bars (issue 6): recall >= 99 % per family, zero allow, zero wrong host, act <= 0.1 % and
review <= 1 % on clean sets, clean >= 200,000 msg/s and disguised >= 40,000 msg/s on one core.

``python -m bench.adversarial_eval [--home DIR] [--per-family N] [--no-peers] [--quick]``
writes ``bench/results/adversarial.json`` and ``bench/results/adversarial_misses.md``.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bastion.canon.lookalike import lookalike_hosts
from bastion.model import HOST_KINDS, Entity, Item
from bastion.suffixes import registrable_domain
from bench import common, false_positives, throughput
from bench.adversarial import (
    ISSUE_FAMILIES,
    SEED,
    Case,
    build_negatives,
    build_suite,
    families_of,
)
from bench.peers import Finder, Vector, found, load_vectors, peer_finders
from bench.recall import entity_matches

BAR_RECALL = 99.0
BAR_CLEAN_MSG_S = 200_000
BAR_DISGUISED_MSG_S = 40_000
RANK = {"allow": 0, "review": 1, "act": 2}
HANDLE_HOSTS = frozenset({"t.me", "telegram.me", "wa.me", "whatsapp.com", "line.me"})
SLOW_MS = 50.0
"""A single scan slower than this is listed: the issue asks for bounded, linear work."""


PROBES: dict[str, str] = {
    "lone_surrogate_with_handle": "加微信 abc123 \ud800",
    "lone_surrogate_with_link": "188bet.com \udfff",
    "dotted_capital_i_spaced": "a-8\u20e3c}OT.8@\u0130[\u0130",
    "nul_and_bidi": "\x00\u202e moc.teb881 \u202c\x00",
    "repeat_dots": "a." * 10_000,
    "repeat_dian": "点a" * 10_000,
    "repeat_bracket_dot": "a[.]" * 5_000,
    "repeat_spaced_letters": "a " * 10_000,
    "repeat_spaced_digits": "1 " * 10_000,
    "repeat_roman": "Ⅷ." * 10_000,
    "repeat_unicode_dot": "a\u2024" * 10_000,
    "repeat_at": "a@" * 10_000,
    "repeat_cue": "微信：a" * 4_000,
    "repeat_combining": "a\u0336" * 10_000,
    "long_label": "a" * 19_990 + ".com",
}
"""Inputs found by fuzzing or built to be worst cases: each must scan, in bounded time."""


def run_probes(scanner: Any) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for name, text in PROBES.items():
        started = time.perf_counter()
        try:
            verdict = scanner.scan(Item(id=name, text=text, surface="chat")).verdict
            crash = None
        except Exception as exc:  # the finding itself
            verdict, crash = "crash", f"{type(exc).__name__}: {exc}"
        ms = round((time.perf_counter() - started) * 1000, 1)
        out.append(
            {
                "probe": name,
                "chars": len(text),
                "ms": ms,
                "verdict": verdict,
                **({"crash": crash, "text_repr": repr(text)} if crash else {}),
            }
        )
    return out


def _rd(entity: Entity) -> str:
    host = (entity.host or entity.value.rpartition("@")[2]).lower().strip(".")
    return entity.registrable_domain or registrable_domain(host) or host


def _has_host(entity: Entity) -> bool:
    """Host kinds, and a deep link whose scheme is unknown but whose host Bastion kept."""
    return entity.kind in HOST_KINDS or (entity.kind == "deeplink" and entity.host is not None)


def _names(entity: Entity) -> set[str]:
    """The site an entity names: its registrable domain, and for a ``lookalike`` the listed
    spellings its leetspeak reads as (``b3t888.com`` is reported as written, listed as
    ``bet888.com``)."""
    names = {_rd(entity)}
    if "lookalike" in entity.flags and entity.host:
        names.update(lookalike_hosts(entity.host))
    return names


def bastion_found(case: Case, entities: list[Entity]) -> bool:
    if case.kind == "link":
        return any(_has_host(e) and case.expected in _names(e) for e in entities)
    return any(entity_matches(case.kind, case.expected, e, case.token) for e in entities)


def _reported(case: Case, entities: list[Entity]) -> set[str]:
    fine = {case.expected, *case.decoys, *HANDLE_HOSTS}
    return {
        _rd(e) for e in entities if _has_host(e) and _rd(e) not in fine and not _names(e) & fine
    }


def wrong_hosts(case: Case, entities: list[Entity]) -> list[str]:
    """Real registrable domains reported that the text does not hold for a careful reader
    (``888.com`` out of ``bet\\n888\\n.\\ncom``): another site, possibly someone else's."""
    return sorted(h for h in _reported(case, entities) if registrable_domain(h))


def bare_labels(case: Case, entities: list[Entity]) -> list[str]:
    """Hosts without a public suffix (``http``, the label alone): noise, not another site."""
    return sorted(h for h in _reported(case, entities) if not registrable_domain(h))


def _entity_summary(entities: list[Entity]) -> list[str]:
    return [f"{e.kind}:{e.value}" + (f"{e.categories}" if e.categories else "") for e in entities]


def _show(text: str, limit: int = 300) -> str:
    if len(text) <= limit:
        return text
    stripped = text.strip("\u200b \u3000\ufe0f\u2060\u00ad")
    return f"[{len(text) - len(stripped)} padding chars] " + stripped[:limit]


def run_bastion(scanner: Any, cases: list[Case]) -> dict[str, dict[str, Any]]:
    """Case id -> outcome; a crash is recorded (with its reproducer), never fatal."""
    out: dict[str, dict[str, Any]] = {}
    scanner.scan(Item(id="warm-up", text="warm up 188bet.com 加微信 abc123", surface="chat"))
    for case in cases:
        started = time.perf_counter()
        try:
            result = scanner.scan(Item(id=case.id, text=case.text, surface=case.surface))
        except Exception as exc:  # a crash is a finding, not the end of the run
            out[case.id] = {
                "crash": f"{type(exc).__name__}: {exc}",
                "found": False,
                "verdict": "crash",
                "wrong": [],
                "entities": [],
            }
            continue
        ms = (time.perf_counter() - started) * 1000
        out[case.id] = {
            "found": bastion_found(case, result.entities),
            "verdict": result.verdict,
            "wrong": wrong_hosts(case, result.entities),
            "bare": bare_labels(case, result.entities),
            "entities": _entity_summary(result.entities),
            "ms": round(ms, 3),
        }
    return out


def run_peers(peers: dict[str, Finder], cases: list[Case]) -> dict[str, dict[str, bool]]:
    """Peer -> case id -> found; a peer that raises on a case simply misses it."""
    out: dict[str, dict[str, bool]] = {}
    for name, find in peers.items():
        hits: dict[str, bool] = {}
        for case in cases:
            try:
                hits[case.id] = found(case.kind, case.expected, find(case.text))
            except Exception:  # peers are measured, not debugged
                hits[case.id] = False
        out[name] = hits
    return out


def per_family(
    cases: list[Case], bastion: dict[str, dict[str, Any]], peers: dict[str, dict[str, bool]]
) -> dict[str, dict[str, Any]]:
    rows: dict[str, dict[str, Any]] = {}
    for family in families_of(cases):
        group = [c for c in cases if c.family == family]
        n = len(group)
        row: dict[str, Any] = {
            "kind": "link" if group[0].kind == "link" else "handle",
            "origin": "issue"
            if family in ISSUE_FAMILIES
            else "peer"
            if family.startswith("peer")
            else "control"
            if "control" in family
            else "new",
            "in_bar": group[0].in_bar,
            "cases": n,
            "bastion_pct": common.pct(sum(bastion[c.id]["found"] for c in group), n),
            "verdict_ok_pct": common.pct(
                sum(RANK.get(bastion[c.id]["verdict"], -1) >= RANK[c.min_verdict] for c in group), n
            ),
            "allow": sum(bastion[c.id]["verdict"] == "allow" for c in group),
            "wrong_host": sum(bool(bastion[c.id]["wrong"]) for c in group),
            "bare_label": sum(bool(bastion[c.id].get("bare")) for c in group),
            "crash": sum("crash" in bastion[c.id] for c in group),
            "bastion_mean_us": round(
                1000 * sum(bastion[c.id].get("ms", 0.0) for c in group) / n, 1
            ),
        }
        for name, hits in peers.items():
            row[f"{name}_pct"] = common.pct(sum(hits[c.id] for c in group), n)
        rows[family] = row
    return rows


def overall(
    cases: list[Case], bastion: dict[str, dict[str, Any]], peers: dict[str, dict[str, bool]]
) -> dict[str, dict[str, float]]:
    """Recall over the in-bar cases, links and handles apart."""
    out: dict[str, dict[str, float]] = {}
    for kind in ("link", "handle"):
        group = [c for c in cases if c.in_bar and (c.kind == "link") == (kind == "link")]
        figures = {"bastion": common.pct(sum(bastion[c.id]["found"] for c in group), len(group))}
        for name, hits in peers.items():
            figures[name] = common.pct(sum(hits[c.id] for c in group), len(group))
        out[kind] = {"cases": len(group), **figures}
    return out


def by_axis(cases: list[Case], bastion: dict[str, dict[str, Any]], axis: str) -> dict[str, Any]:
    """Bastion's in-bar recall and allow count per surface or per language."""
    out: dict[str, Any] = {}
    for key in sorted({getattr(c, axis) for c in cases}):
        group = [c for c in cases if c.in_bar and getattr(c, axis) == key]
        out[key] = {
            "cases": len(group),
            "bastion_pct": common.pct(sum(bastion[c.id]["found"] for c in group), len(group)),
            "allow": sum(bastion[c.id]["verdict"] == "allow" for c in group),
        }
    return out


def per_trick(cases: list[Case], bastion: dict[str, dict[str, Any]], family: str) -> dict[str, Any]:
    """Within one composed family: Bastion's recall among the cases that used each trick."""
    group = [c for c in cases if c.family == family]
    tricks = sorted({t for c in group for t in c.tricks})
    out: dict[str, Any] = {}
    for trick in tricks:
        with_it = [c for c in group if trick in c.tricks]
        found = sum(bastion[c.id]["found"] for c in with_it)
        out[trick] = {"cases": len(with_it), "bastion_pct": common.pct(found, len(with_it))}
    return dict(sorted(out.items(), key=lambda kv: kv[1]["bastion_pct"]))


def _record(case: Case, outcome: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": case.id,
        "family": case.family,
        "surface": case.surface,
        "text": _show(case.text),
        "expected": case.expected,
        "found": outcome["entities"],
        "verdict": outcome["verdict"],
        "wrong": outcome["wrong"],
        **({"crash": outcome["crash"]} if "crash" in outcome else {}),
    }


def evaluate_vectors(
    scanner: Any, peers: dict[str, Finder], vectors: list[Vector]
) -> dict[str, Any]:
    """Recall on the peers' own public test vectors, per source file."""
    by_source: dict[str, list[Vector]] = defaultdict(list)
    for v in vectors:
        by_source[v.source].append(v)
    report: dict[str, Any] = {}
    for source, group in by_source.items():
        hits: Counter[str] = Counter()
        misses: list[dict[str, Any]] = []
        for v in group:
            result = scanner.scan(Item(id="v", text=v.text, surface="post"))
            if any(_has_host(e) and _rd(e) == v.expected for e in result.entities):
                hits["bastion"] += 1
            elif len(misses) < 25:
                misses.append(
                    {
                        "text": v.text,
                        "expected": v.expected,
                        "found": _entity_summary(result.entities),
                    }
                )
            for name, find in peers.items():
                with contextlib.suppress(Exception):  # a peer that raises misses the vector
                    hits[name] += found("link", v.expected, find(v.text))
        report[source] = {
            "vectors": len(group),
            **{f"{k}_pct": common.pct(hits[k], len(group)) for k in ("bastion", *peers)},
            "bastion_misses": misses,
        }
    return report


def evaluate_negatives(scanner: Any, negatives: list[Case]) -> dict[str, Any]:
    """Benign disguised hosts: how often Bastion acts on them or reports a listed host."""
    kept, acted, reviewed = 0, 0, 0
    examples: list[dict[str, Any]] = []
    for case in negatives:
        if scanner.scan(Item(id="p", text=case.expected, surface=case.surface)).verdict == "act":
            continue  # Tranco also ranks listed sites
        kept += 1
        result = scanner.scan(Item(id=case.id, text=case.text, surface=case.surface))
        acted += result.verdict == "act"
        reviewed += result.verdict == "review"
        if result.verdict != "allow" and len(examples) < 20:
            examples.append(
                {
                    "text": case.text,
                    "expected": case.expected,
                    "verdict": result.verdict,
                    "found": _entity_summary(result.entities),
                }
            )
    return {
        "cases": kept,
        "act": acted,
        "review": reviewed,
        "act_pct": common.pct(acted, kept),
        "review_pct": common.pct(reviewed, kept),
        "examples": examples,
    }


def measure_throughput(scanner: Any, data: Path, cases: list[Case], quick: bool) -> dict[str, Any]:
    """msg/s of ``Scanner.scan`` and linkify-it-py, one core, clean vs disguised messages."""
    from linkify_it import LinkifyIt  # type: ignore[import-untyped]

    clean = throughput.message_mix(data, 20_000 if quick else 100_000)
    disguised = [c.text for c in cases if len(c.text) < 2_000]
    disguised = (disguised * (1 + 20_000 // max(1, len(disguised))))[:20_000]
    linkify = LinkifyIt()
    out: dict[str, Any] = {}
    with throughput.one_core() as cpu:
        for name, texts in (("clean", clean), ("disguised", disguised)):
            items = [Item(id=str(i), text=t, surface="chat") for i, t in enumerate(texts)]
            scan = scanner.scan

            def run_bastion(items: list[Item] = items, scan: Callable[..., Any] = scan) -> None:
                for item in items:
                    scan(item)

            def run_linkify(texts: list[str] = texts) -> None:
                for text in texts:
                    linkify.match(text)

            rate, _ = throughput.best_rate(run_bastion, len(items), 2 if quick else 3)
            peer_rate, _ = throughput.best_rate(run_linkify, len(texts), 2 if quick else 3)
            out[name] = {
                "messages": len(texts),
                "bastion_msg_per_s": round(rate),
                "linkify_msg_per_s": round(peer_rate),
            }
    out["cpu"] = cpu
    out["loadavg_1m"] = round(os.getloadavg()[0], 2)
    out["bars"] = {
        "clean": out["clean"]["bastion_msg_per_s"] >= BAR_CLEAN_MSG_S,
        "disguised": out["disguised"]["bastion_msg_per_s"] >= BAR_DISGUISED_MSG_S,
    }
    return out


def misses_markdown(summary: dict[str, Any], cases: list[Case], bastion: dict[str, Any]) -> str:
    """The hand-off note for the people fixing the core: every failing family, 3 examples."""
    recall, benign = summary["overall"], summary["benign_disguised"]
    lines = [
        "# Adversarial misses (generated by `python -m bench.adversarial_eval`)",
        "",
        f"Suite seed {summary['seed']}, {summary['cases']} cases. Bastion recall (in bar): links "
        f"{recall['link']['bastion']} %, handles {recall['handle']['bastion']} %.",
        f"Allowed in-bar links (listed hosts): {len(summary['allowed'])}; "
        f"allowed in-bar handles (offered with a trade's wording): {summary['handles_allowed']}; "
        f"wrong hosts: {len(summary['wrong_hosts'])}; crashes: {len(summary['crashes'])}; "
        f"scans over {SLOW_MS} ms: {len(summary['slow'])}.",
        f"Benign disguised (unlisted popular hosts): act {benign['act_pct']} %, "
        f"review {benign['review_pct']} %.",
        "",
        "Each example: text (Python repr) / expected / what Bastion found / verdict.",
        "`control_plain` and `h_control` hold the same targets undisguised: where a control is",
        "found but its verdict is short of the minimum, the gap is policy (issue section 2), not",
        "unmasking. Reproduce a case with `build_suite(data)` and its id.",
    ]
    by_id = {c.id: c for c in cases}
    peers = [
        k.removesuffix("_pct")
        for k in next(iter(summary["per_family"].values()))
        if k.endswith("_pct") and k not in ("bastion_pct", "verdict_ok_pct")
    ]
    lines += [
        "",
        "| family | origin | kind | bastion % | best peer % | verdict ok % | allow | wrong |",
        "| --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for family, row in summary["per_family"].items():
        best = max(peers, key=lambda p: row[f"{p}_pct"], default=None)
        peer = f"{best} {row[f'{best}_pct']}" if best and row[f"{best}_pct"] else "-"
        lines.append(
            f"| {family}{'' if row['in_bar'] else ' (*)'} | {row['origin']} | {row['kind']} | "
            f"{row['bastion_pct']} | {peer} | {row['verdict_ok_pct']} | {row['allow']} | "
            f"{row['wrong_host']} |"
        )
    for family, row in summary["per_family"].items():
        group = [c for c in cases if c.family == family]
        bad = [
            c
            for c in group
            if not bastion[c.id]["found"]
            or bastion[c.id]["wrong"]
            or RANK.get(bastion[c.id]["verdict"], -1) < RANK[c.min_verdict]
        ]
        if not bad:
            continue
        bad.sort(key=lambda c: (bastion[c.id]["found"], not bastion[c.id]["wrong"]))
        lines += [
            "",
            f"## {family} ({row['kind']}{'' if row['in_bar'] else ', outside the bar'}): "
            f"found {row['bastion_pct']} %, verdict ok {row['verdict_ok_pct']} %, "
            f"allow {row['allow']}, wrong host {row['wrong_host']}",
            "",
        ]
        for c in bad[:3]:
            o = bastion[c.id]
            lines.append(
                f"- `{_show(c.text, 160)!r}` expected `{c.expected}` ({c.surface}); "
                f"found {o['entities'] or 'nothing'}; verdict **{o['verdict']}**"
                + (f"; WRONG {o['wrong']}" if o["wrong"] else "")
            )
    for fam in ("stack3", "h_stack3"):
        lines += [
            "",
            f"## {fam}: Bastion recall among the cases using each trick (worst first)",
            "",
        ]
        lines += [
            f"- `{t}`: {r['bastion_pct']} % of {r['cases']}"
            for t, r in list(summary[f"{fam}_per_trick"].items())[:25]
        ]
    for source, v in summary["vectors"].items():
        if not v["bastion_misses"]:
            continue
        lines += [
            "",
            f"## Peer vectors `{source}`: Bastion {v['bastion_pct']} % of {v['vectors']}",
            "",
        ]
        lines += [
            f"- `{m['text']!r}` expected `{m['expected']}`; found {m['found'] or 'nothing'}"
            for m in v["bastion_misses"]
        ]
    crashed = [p for p in summary["probes"] if "crash" in p]
    lines += [
        "",
        "## Probes (fuzzing finds and worst cases, `PROBES` in bench/adversarial_eval.py)",
        "",
    ]
    for p in summary["probes"]:
        lines.append(
            f"- `{p['probe']}` ({p['chars']} chars): {p['ms']} ms, {p['verdict']}"
            + (
                f" — **{p['crash']}**; reproducer: "
                f"`Scanner.scan(Item(id='x', text={p['text_repr']}))`"
                if "crash" in p
                else ""
            )
        )
    if crashed:
        lines += [
            "",
            "A lone surrogate is valid in JSON (`\\ud800`), so the same crash aborts "
            "`bastion scan` on such a line with a traceback and drops every later line.",
        ]
    for title, key in (("Crashes", "crashes"), ("Slow scans", "slow")):
        if summary[key]:
            lines += ["", f"## {title}", ""]
            for rec in summary[key][:20]:
                case = by_id[rec["id"]]
                lines.append(
                    f"- `{rec['id']}`: {rec.get('crash') or str(rec.get('ms')) + ' ms'};"
                    f" reproducer: `Scanner.scan(Item(id='x', text={_show(case.text, 120)!r},"
                    f" surface={case.surface!r}))`"
                )
    return "\n".join(lines) + "\n"


def report(summary: dict[str, Any], peers: list[str]) -> None:
    names = ["bastion", *peers]
    rows = []
    for family, r in summary["per_family"].items():
        mark = "" if r["in_bar"] else " (*)"
        rows.append(
            [
                family + mark,
                r["kind"],
                str(r["cases"]),
                *(f"{r[n + '_pct']:.1f}" for n in names),
                f"{r['verdict_ok_pct']:.1f}",
                str(r["allow"]),
                str(r["wrong_host"]),
            ]
        )
    for kind, figures in summary["overall"].items():
        rows.append(
            [
                f"ALL {kind}s (in bar)",
                kind,
                str(figures["cases"]),
                *(f"{figures[n]:.1f}" for n in names),
                "",
                "",
                "",
            ]
        )
    columns = ["family", "kind", "n", *(f"{n} %" for n in names), "verdict ok %", "allow", "wrong"]
    common.print_table("Adversarial suite: recall per family", columns, rows)
    print("(*) outside the bar: a reader needs a tool or a guess; review expected, no wrong host")
    vrows = [
        [src, str(v["vectors"]), *(f"{v[n + '_pct']:.1f}" for n in names)]
        for src, v in summary["vectors"].items()
    ]
    if vrows:
        common.print_table("Peers' public vectors", ["source", "n", *names], vrows)
    for axis in ("per_surface", "per_language"):
        shown = ", ".join(f"{k} {v['bastion_pct']} %" for k, v in summary[axis].items())
        print(f"bastion recall {axis.replace('_', ' ')}: {shown}")
    neg = summary["benign_disguised"]
    print(
        f"benign disguised hosts (Tranco, unlisted, {neg['cases']}): act {neg['act_pct']} %, "
        f"review {neg['review_pct']} %"
    )
    fp = summary["false_positives"]
    for name, r in fp.items():
        print(
            f"clean set {name}: act {r['act_pct']} %, review {r['review_pct']} % of {r['messages']}"
        )
    tp = summary.get("throughput")
    if tp:
        for name in ("clean", "disguised"):
            t = tp[name]
            print(
                f"throughput {name}: bastion {t['bastion_msg_per_s']:,} msg/s, "
                f"linkify-it-py {t['linkify_msg_per_s']:,} msg/s ({t['messages']:,} messages)"
            )
        print(
            f"(1-minute load average during the run: {tp['loadavg_1m']} on {os.cpu_count()} CPUs)"
        )
    for name, ok in summary["bars"].items():
        print(f"bar {name}: {'PASS' if ok else 'FAIL'}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Adversarial suite: Bastion beside four peers.")
    parser.add_argument("--data", type=Path, default=None)
    parser.add_argument("--home", type=Path, default=None, help="BASTION_HOME to scan with")
    parser.add_argument("--per-family", type=int, default=60)
    parser.add_argument("--no-peers", action="store_true", help="Bastion only (fast)")
    parser.add_argument("--quick", action="store_true", help="smaller clean sets and mix")
    parser.add_argument("--no-throughput", action="store_true")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a bar is missed")
    args = parser.parse_args(argv)
    data = common.data_dir(args.data)
    cases = build_suite(data, per_family=args.per_family)
    scanner = common.load_scanner(common.scanner_home(args.home, data))
    peers = {} if args.no_peers else peer_finders()
    bastion = run_bastion(scanner, cases)
    peer_hits = run_peers(peers, cases)
    by_id = {c.id: c for c in cases}
    in_bar = [c for c in cases if c.in_bar]
    summary: dict[str, Any] = {
        "seed": SEED,
        "cases": len(cases),
        "per_family": per_family(cases, bastion, peer_hits),
        "overall": overall(cases, bastion, peer_hits),
        "stack3_per_trick": per_trick(cases, bastion, "stack3"),
        "h_stack3_per_trick": per_trick(cases, bastion, "h_stack3"),
        "per_surface": by_axis(cases, bastion, "surface"),
        "per_language": by_axis(cases, bastion, "lang"),
        "allowed": [
            {"id": c.id, "expected": c.expected, "found": bastion[c.id]["entities"]}
            for c in in_bar
            if c.kind == "link" and bastion[c.id]["verdict"] == "allow"
        ],
        "handles_allowed": sum(
            c.kind != "link" and bastion[c.id]["verdict"] == "allow" for c in in_bar
        ),
        "wrong_hosts": [
            {"id": c.id, "expected": c.expected, "wrong": bastion[c.id]["wrong"]}
            for c in cases
            if bastion[c.id]["wrong"]
        ],
        "crashes": [
            _record(c, o) for cid, o in bastion.items() if "crash" in o for c in (by_id[cid],)
        ],
        "slow": sorted(
            ({"id": cid, "ms": o["ms"]} for cid, o in bastion.items() if o.get("ms", 0) > SLOW_MS),
            key=lambda r: -r["ms"],
        ),
    }
    summary["probes"] = run_probes(scanner)
    summary["benign_disguised"] = evaluate_negatives(scanner, build_negatives(data))
    summary["vectors"] = evaluate_vectors(scanner, peers, load_vectors())
    weibo = 50_000 if args.quick else 200_000
    summary["false_positives"] = {
        name: {
            k: v
            for k, v in false_positives.measure(scanner, surface, texts).items()
            if k != "offenders"
        }
        for name, (surface, texts) in false_positives.clean_sets(data, weibo).items()
    }
    if not args.no_throughput:
        summary["throughput"] = measure_throughput(scanner, data, cases, args.quick)
    families = [r for r in summary["per_family"].values() if r["in_bar"]]
    summary["bars"] = {
        "recall_per_family": all(r["bastion_pct"] >= BAR_RECALL for r in families),
        "zero_allow": not summary["allowed"],
        "zero_wrong_host": not summary["wrong_hosts"],
        "no_crash": not summary["crashes"] and all("crash" not in p for p in summary["probes"]),
        "clean_sets": all(r["bar_met"] for r in summary["false_positives"].values()),
        "benign_disguised": summary["benign_disguised"]["act_pct"] <= false_positives.BAR_ACT_PCT
        and summary["benign_disguised"]["review_pct"] <= false_positives.BAR_REVIEW_PCT,
        **{f"throughput_{k}": v for k, v in summary.get("throughput", {}).get("bars", {}).items()},
    }
    summary["bar_met"] = all(summary["bars"].values())
    report(summary, list(peers))
    md = common.RESULTS_DIR / "adversarial_misses.md"
    md.write_text(misses_markdown(summary, cases, bastion), encoding="utf-8")
    print(f"-> {common.write_result('adversarial', summary)} and {md}")
    return 1 if args.strict and not summary["bar_met"] else 0


if __name__ == "__main__":
    raise SystemExit(main())
