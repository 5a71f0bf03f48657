"""Red team 7's digit forms alone: one trick a family, plain letters and a plain dot.

Red team 7 composes its digit forms (dice, clock faces, mahjong tiles, Suzhou numerals,
Mandarin sound-alikes, sums, code joins) with letter styles, rare dots and layouts that other
passes read. These probes keep only the digit form, so its reader is measured on its own: a
host (``bet⚂⚂.com``), a malware IP (``⚀80.⚀⚀8.⚀⚁⚃.⚀⚅⚅``) and QQ, mainland phone and
WhatsApp numbers, with the suite's hint on half the cases (always for the forms whose suite
always gives one), on the suite's surfaces and wording, on another seed than the suite's.

    python -m bench.redteam7_digit_probes --home /tmp/benchhome --data ../shared/data
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

from bench import redteam7_other as O
from bench.common import RESULTS_DIR, data_dir, load_scanner, print_table, scanner_home
from bench.redteam6_eval import evaluate
from bench.redteam6_report import summarise
from bench.redteam7 import Builder, Case, Pools
from bench.redteam7_links import Spec, _builder

SEED = 720261208
PER_FAMILY = 40
FORMS = ("dice", "clock", "mahjong", "suzhou", "zh_sounds", "sum")
ALWAYS_HINTED = ("suzhou", "zh_sounds", "sum")
"""Forms the suite always hints at (``redteam7_links._digit_hint``)."""


def _link_families() -> dict[str, Builder]:
    out: dict[str, Builder] = {}
    for form in FORMS:
        out[f"p_host_{form}"] = _builder(Spec(digits=form))
        out[f"p_ip_{form}"] = _builder(Spec(digits=form, ip=True))
    out["p_host_code_join"] = _builder(Spec(layout="code"))
    out["p_host_code_join_sum"] = _builder(Spec(digits="sum", layout="code"))
    return out


def _handle_families() -> dict[str, Builder]:
    out: dict[str, Builder] = {}
    for form in FORMS:
        hinted = form in ALWAYS_HINTED
        for kind in ("qq", "phone", "whatsapp"):
            if form == "sum" and kind == "whatsapp":
                continue
            out[f"p_{kind}_{form}"] = O._handle_builder(kind, O.digit_style(form, hinted), "both")
    out["p_wechat_zh_sounds"] = O._handle_builder("wechat", O.digit_style("zh_sounds", True), "zh")
    out["p_whatsapp_en_sounds"] = O._handle_builder("whatsapp", O._en_sound_digits, "en")
    return out


def build(data: Path, seed: int = SEED, per_family: int = PER_FAMILY) -> list[Case]:
    """Every probe, each family from its own seeded generator."""
    pools = Pools(data)
    cases: list[Case] = []
    for group, fams in (("link", _link_families()), ("handle", _handle_families())):
        for name, builder in fams.items():
            rng = random.Random(f"{seed}:{name}")
            for i in range(per_family):
                c = builder(rng, pools, i)
                c.id, c.family, c.group = f"{name}-{i:02d}", name, group
                cases.append(c)
    return cases


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--home", type=Path)
    ap.add_argument("--data", type=Path)
    ap.add_argument("--name", default="redteam7_digit_probes")
    ap.add_argument("--show", help="print the misses of families whose name holds this")
    args = ap.parse_args(argv)
    data = data_dir(args.data)
    scanner = load_scanner(scanner_home(args.home, data))
    cases = build(data)
    ev = evaluate(scanner, cases, {})
    summary = summarise(ev["families"], [])
    payload = {"name": args.name, "seed": SEED, "cases": len(cases), **summary}
    out = RESULTS_DIR / f"{args.name}.json"
    out.write_text(json.dumps(payload, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print_table(
        f"{args.name} families",
        ["family", "group", "n", "recall", "wrong", "review", "act"],
        [
            [k, v["group"], str(v["n"]), str(v["recall"]), str(v["wrong"]),
             str(v["review_rate"]), str(v["act_rate"])]
            for k, v in summary["families"].items()
        ],
    )  # fmt: skip
    for g, t in summary["totals"].items():
        print(f"{g}: recall {t['recall']} %, wrong {t['wrong']}", file=sys.stderr)
    if args.show:
        for fam, rows in ev["misses"].items():
            if args.show in fam:
                for r in rows:
                    print(fam, r["verdict"], r["expected"], repr(r["text"]), r["entities"])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
