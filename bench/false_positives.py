"""False positives on real clean text: how often ordinary messages would be acted on or reviewed.

Recall is cheap if everything is flagged, so this runs the scanner, loaded with the full
evaluation feeds, over real messages that carry no off-platform spam: UCI SMS ham, Weibo
comments and the normal class of the Chinese telecom texts (which includes genuine operator
marketing SMS with short links, a hard case). Bars per set: act <= 0.1 %, review <= 1 %.
Each set is scanned twice: with the home's policy (the packaged default: the text intent model
off) and with the text-model rules switched on (``policy_with_model_on``), as an operator who
enables the model runs it. The first offenders are listed with their entities, rules and
signals' evidence, so a reviewer can tell a bug from a fair hit; ``rules`` counts every rule that
sent a message of the set to review or act.

``python -m bench.false_positives [--home DIR] [--weibo-limit N] [--no-model]``
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

from bastion.model import Item
from bench import common

BAR_ACT_PCT = 0.1
BAR_REVIEW_PCT = 1.0
SHOW_OFFENDERS = 20


def clean_sets(data: Path, weibo_limit: int) -> dict[str, tuple[str, list[str]]]:
    """Set name -> (surface, texts). Only messages labelled or known to be benign."""
    return {
        "sms_ham": ("chat", [text for label, text in common.sms(data) if label == "ham"]),
        "weibo_comments": ("comment", common.weibo_comments(data, weibo_limit)),
        "telecom_normal": ("chat", [text for label, text in common.telecom(data) if label == "0"]),
    }


def offender_record(index: int, text: str, result: Any) -> dict[str, Any]:
    """What a reviewer needs to judge one flagged message."""
    return {
        "index": index,
        "verdict": result.verdict,
        "text": text if len(text) <= 240 else text[:240] + "…",
        "entities": [
            {"kind": e.kind, "raw": e.raw, "value": e.value, "categories": list(e.categories)}
            for e in result.entities
        ],
        "rules": [f"{v.rule}/{v.category}/{v.outcome}" for v in result.violations],
        "signals": [f"{s.detector}: {s.evidence}"[:200] for s in result.signals],
    }


def measure(scanner: Any, surface: str, texts: list[str]) -> dict[str, Any]:
    """Verdict shares over one set, with the first offenders."""
    counts = {"allow": 0, "review": 0, "act": 0}
    with_entities = 0
    rules: Counter[str] = Counter()
    offenders: list[dict[str, Any]] = []
    started = time.perf_counter()
    for i, text in enumerate(texts):
        if not text:
            continue
        result = scanner.scan(Item(id=str(i), text=text, surface=surface))
        counts[result.verdict] += 1
        with_entities += bool(result.entities)
        if result.verdict == "allow":
            continue
        rules.update({v.rule for v in result.violations if v.mode != "shadow"})
        if len(offenders) < SHOW_OFFENDERS:
            offenders.append(offender_record(i, text, result))
    total = sum(counts.values())
    act, review = common.pct(counts["act"], total), common.pct(counts["review"], total)
    return {
        "surface": surface,
        "messages": total,
        "act": counts["act"],
        "review": counts["review"],
        "act_pct": act,
        "review_pct": review,
        "with_entities_pct": common.pct(with_entities, total),
        "bar_met": act <= BAR_ACT_PCT and review <= BAR_REVIEW_PCT,
        "rules": dict(rules.most_common()),
        "seconds": round(time.perf_counter() - started, 3),
        "offenders": offenders,
    }


def report(title: str, results: dict[str, dict[str, Any]]) -> None:
    rows = [
        [name, r["surface"], str(r["messages"]), f"{r['act_pct']:.3f}", f"{r['review_pct']:.3f}",
         f"{r['with_entities_pct']:.2f}", "PASS" if r["bar_met"] else "FAIL"]
        for name, r in results.items()
    ]  # fmt: skip
    columns = ["set", "surface", "messages", "act %", "review %", "with entities %", "bar"]
    common.print_table(f"False positives on clean text: {title}", columns, rows)
    print(f"bars: act <= {BAR_ACT_PCT} %, review <= {BAR_REVIEW_PCT} % per set")
    for name, r in results.items():
        for offender in r["offenders"]:
            entities = ", ".join(
                f"{e['kind']}:{e['value']}{e['categories']}" for e in offender["entities"]
            )
            text = offender["text"].replace("\n", " ")[:120]
            print(f"  [{name} #{offender['index']}] {offender['verdict']}: {text!r} -> {entities}")
        if r["rules"]:
            print(f"  [{name}] rules: {r['rules']}")


def model_on_scanner(home: Path) -> Any:
    """The same home's feeds with the text-model rules of the default policy switched on."""
    from bastion.detect.text_model import policy_with_model_on

    with tempfile.TemporaryDirectory(prefix="bastion-fp-") as temp:
        path = Path(temp) / "policy.yaml"
        path.write_text(policy_with_model_on(), encoding="utf-8")
        from bastion.scanner import Scanner

        return Scanner.load(home=home, policy_path=path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Verdict shares on real clean messages.")
    parser.add_argument("--data", type=Path, default=None)
    parser.add_argument("--home", type=Path, default=None, help="BASTION_HOME to scan with")
    parser.add_argument("--weibo-limit", type=int, default=200_000)
    parser.add_argument("--no-model", action="store_true", help="skip the text-model-on pass")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a bar is missed")
    args = parser.parse_args(argv)
    data = common.data_dir(args.data)
    home = common.scanner_home(args.home, data)
    scanners = {"default_policy": common.load_scanner(home)}
    if not args.no_model:
        scanners["text_model_on"] = model_on_scanner(home)
    sets = clean_sets(data, args.weibo_limit)
    passes: dict[str, dict[str, dict[str, Any]]] = {}
    for title, scanner in scanners.items():
        passes[title] = {
            name: measure(scanner, surface, texts) for name, (surface, texts) in sets.items()
        }
        report(title, passes[title])
    summary = {
        "bars": {"act_pct": BAR_ACT_PCT, "review_pct": BAR_REVIEW_PCT},
        "bar_met": all(r["bar_met"] for sets_ in passes.values() for r in sets_.values()),
        "sets": passes["default_policy"],
        **({"text_model_on": passes["text_model_on"]} if "text_model_on" in passes else {}),
    }
    print(f"-> {common.write_result('false_positives', summary)}")
    return 1 if args.strict and not summary["bar_met"] else 0


if __name__ == "__main__":
    raise SystemExit(main())
