"""What changed between two sweeps of a campaign, and what the shadow rules would change.

Findings are matched by item id. *new*: a finding now, none before; *gone*: a finding before,
none now (the item is clean now, or was not in this sweep's input); *changed*: a finding in both
whose fingerprint differs (verdict, a violation's rule/category/outcome/mode, or an entity's
kind/value/categories). The rows go to ``OUT/diff.parquet``, the counts to the manifest.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from bastion.sweep.results import read_findings

DIFF_FILE: Final = "diff.parquet"
DIFF_SCHEMA: Final = pa.schema(
    [
        pa.field("item_id", pa.string()),
        pa.field("change", pa.string()),
        pa.field("verdict_before", pa.string()),
        pa.field("verdict_after", pa.string()),
        pa.field("rules_before", pa.list_(pa.string())),
        pa.field("rules_after", pa.list_(pa.string())),
    ]
)
_COLUMNS: Final = ["item_id", "verdict", "rules", "fingerprint"]


@dataclass(slots=True)
class DiffSummary:
    previous: str | None
    new: int = 0
    gone: int = 0
    changed: int = 0
    unchanged: int = 0
    verdict_moves: Counter[str] = field(default_factory=Counter)
    """``before->after`` counts, e.g. ``review->act`` (``none`` when there was no finding)."""

    def to_dict(self) -> dict[str, Any]:
        return {
            "previous": self.previous,
            "new": self.new,
            "gone": self.gone,
            "changed": self.changed,
            "unchanged": self.unchanged,
            "verdict_moves": dict(sorted(self.verdict_moves.items())),
        }


def _by_id(out: Path) -> dict[str, tuple[str, list[str], str]]:
    table = read_findings(out, columns=_COLUMNS)
    table = table.filter(pc.not_equal(table["verdict"], "error"))
    rows: dict[str, tuple[str, list[str], str]] = {}
    for item_id, verdict, rules, print_ in zip(
        *(table.column(name).to_pylist() for name in _COLUMNS), strict=True
    ):
        rows[item_id] = (verdict, rules, print_)
    return rows


def diff_sweeps(previous: Path, current: Path) -> DiffSummary:
    """Compare two finished sweeps; writes ``current/diff.parquet`` and returns the counts."""
    before = _by_id(previous)
    after = _by_id(current)
    summary = DiffSummary(str(previous))
    columns: dict[str, list[Any]] = {name: [] for name in DIFF_SCHEMA.names}

    def add(item_id: str, change: str, old: Any, new: Any) -> None:
        columns["item_id"].append(item_id)
        columns["change"].append(change)
        columns["verdict_before"].append(old[0] if old else None)
        columns["verdict_after"].append(new[0] if new else None)
        columns["rules_before"].append(old[1] if old else None)
        columns["rules_after"].append(new[1] if new else None)
        summary.verdict_moves[f"{old[0] if old else 'none'}->{new[0] if new else 'none'}"] += 1

    for item_id in sorted(after):
        new = after[item_id]
        old = before.get(item_id)
        if old is None:
            summary.new += 1
            add(item_id, "new", None, new)
        elif old[2] != new[2]:
            summary.changed += 1
            add(item_id, "changed", old, new)
        else:
            summary.unchanged += 1
    for item_id in sorted(before.keys() - after.keys()):
        summary.gone += 1
        add(item_id, "gone", before[item_id], None)
    pq.write_table(pa.Table.from_pydict(columns, schema=DIFF_SCHEMA), current / DIFF_FILE)
    return summary


def shadow_report(out: Path) -> dict[str, Any]:
    """Findings whose verdict would change if the policy's shadow rules were enforced, in all and
    by shadow rule."""
    table = read_findings(out, columns=["verdict", "shadow_verdict", "rules", "modes"])
    table = table.filter(pc.not_equal(table["verdict"], "error"))
    moved = table.filter(pc.not_equal(table["verdict"], table["shadow_verdict"]))
    by_rule: Counter[str] = Counter()
    moves: Counter[str] = Counter()
    for verdict, shadow, rules, modes in zip(
        *(moved.column(n).to_pylist() for n in ("verdict", "shadow_verdict", "rules", "modes")),
        strict=True,
    ):
        moves[f"{verdict}->{shadow}"] += 1
        for rule in sorted({r for r, m in zip(rules, modes, strict=True) if m != "enforce"}):
            by_rule[rule] += 1
    return {
        "would_change": moved.num_rows,
        "verdict_moves": dict(sorted(moves.items())),
        "by_shadow_rule": dict(sorted(by_rule.items())),
    }
