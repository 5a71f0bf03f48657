"""Red team 6: per-family rows, totals per group and the misses file."""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from bench.common import pct

SUMMED = (
    "n", "recall_hits", "found", "flagged", "listed_allowed", "wrong", "review", "act",
    "excluded_unlisted", "harmful", "harmful_flagged", "strict_hits",
)  # fmt: skip


def _row(f: dict[str, Any], peers: Iterable[str], n: int) -> dict[str, Any]:
    return {
        "group": f["group"],
        "n": n,
        "excluded_unlisted": f["excluded_unlisted"],
        "recall": pct(f["recall_hits"], n),
        "recall_strict": pct(f["strict_hits"], n) if f["group"] == "handle" else None,
        "found": pct(f["found"], n),
        "found_not_allowed": pct(f["flagged"], n),
        "listed_allowed": f["listed_allowed"],
        "wrong": f["wrong"],
        "review_rate": pct(f["review"], n),
        "act_rate": pct(f["act"], n),
        "harmful_cases": f["harmful"],
        "harmful_flagged": pct(f["harmful_flagged"], f["harmful"]),
        "peers": {p: pct(f["peers"][p], n) for p in peers} if f["group"] != "benign" else {},
        "peers_wrong": {p: f["pw"][p] for p in peers} if f["group"] != "benign" else {},
    }


def summarise(fam: dict[str, dict[str, Any]], peers: list[str]) -> dict[str, Any]:
    rows = {name: _row(f, peers, f["n"]) for name, f in fam.items()}
    totals: dict[str, Counter[str]] = defaultdict(Counter)
    for name, f in fam.items():
        t = totals[f["group"]]
        for k in SUMMED:
            t[k] += f[k]
        for p in peers:
            t["peer:" + p] += f["peers"][p]
            t["pw:" + p] += f["pw"][p]
        t["families"] += 1
        t["families_ge_99"] += rows[name]["recall"] >= 99.0
        t["families_at_0"] += rows[name]["recall"] == 0.0
    total_rows = {}
    for g, t in totals.items():
        n = t["n"]
        total_rows[g] = {
            "families": t["families"],
            "cases": n,
            "excluded_unlisted": t["excluded_unlisted"],
            "recall": pct(t["recall_hits"], n),
            "recall_strict": pct(t["strict_hits"], n) if g == "handle" else None,
            "found": pct(t["found"], n),
            "found_not_allowed": pct(t["flagged"], n),
            "families_ge_99": t["families_ge_99"],
            "families_at_0": t["families_at_0"],
            "listed_allowed": t["listed_allowed"],
            "wrong": t["wrong"],
            "review_rate": pct(t["review"], n),
            "act_rate": pct(t["act"], n),
            "harmful_cases": t["harmful"],
            "harmful_flagged": pct(t["harmful_flagged"], t["harmful"]),
            "peers": {p: pct(t["peer:" + p], n) for p in peers} if g != "benign" else {},
            "peers_wrong": {p: t["pw:" + p] for p in peers} if g != "benign" else {},
        }
    return {"families": rows, "totals": total_rows}


def write_misses(
    path: Path, name: str, rows: dict[str, Any], misses: dict[str, list[dict[str, Any]]]
) -> None:
    lines = [
        f"# {name}: misses (at most 10 per family)",
        "",
        "A link miss: host not found, a wrong host, or a verdict other than `act`. A handle miss: "
        "id not found, a wrong id, or `allow` beside harmful wording. A review miss: `allow` or "
        "a wrong host or id. A benign miss: anything but `allow`.",
        "",
    ]
    order = sorted(
        rows,
        key=lambda k: (
            ("link", "handle", "review", "benign").index(rows[k]["group"]),
            rows[k]["recall"] if rows[k]["group"] != "benign" else -rows[k]["act_rate"],
        ),
    )
    for fam in order:
        if not misses.get(fam):
            continue
        r = rows[fam]
        lines += [
            f"## {fam} ({r['group']}): recall {r['recall']} %, found {r['found']} %, "
            f"wrong {r['wrong']}, listed allowed {r['listed_allowed']}, "
            f"review {r['review_rate']} %, act {r['act_rate']} %",
            "",
        ]
        for m in misses[fam]:
            lines.append(
                f"- `{m['id']}` ({m['surface']}{', harmful' if m['harmful'] else ''}) expected "
                f"`{'` / `'.join(m['expected']) or '-'}` → **{m['verdict']}**"
                + (f", wrong: `{'`, `'.join(m['wrong'])}`" if m["wrong"] else "")
            )
            lines.append(f"  - text: `{json.dumps(m['text'], ensure_ascii=False)[1:-1]}`")
            lines.append(
                f"  - entities: {', '.join('`' + e + '`' for e in m['entities']) or 'none'}"
            )
        lines.append("")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
