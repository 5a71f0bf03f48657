"""Red team 7's layouts alone: each with plain letters, plain digits and a plain dot.

Red team 7 composes every layout with a letter, digit or dot form other fixes own; this probe
sets each layout apart, so its recall is the layout reader's own (issue 6, reading order):

    python -m bench.redteam7_layouts --home /tmp/benchhome --data ../shared/data --name rt7_layouts

Cases come from red team 7's own renderers (``bench.redteam7_links`` specs with only a layout;
its handle families, whose layouts are plain already) and a few of its benign controls, on a
seed of their own. Results: ``bench/results/<name>.json`` and ``<name>_misses.md``.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

from bench.common import RESULTS_DIR, data_dir, load_scanner, print_table, scanner_home
from bench.redteam6_eval import evaluate
from bench.redteam6_report import summarise, write_misses
from bench.redteam7 import Builder, Case, Pools
from bench.redteam7_benign import benign_families
from bench.redteam7_links import Spec, _builder
from bench.redteam7_other import handle_families

SEED = 7107
PER_FAMILY = 40
LAYOUTS = ("numbered", "staircase", "telestich", "interleave", "doubled", "insert")
HANDLES = (
    "h_wechat_numbered_pieces",
    "h_whatsapp_numbered_groups",
    "h_telegram_interleave",
    "h_phone_staircase",
    "h_wechat_insert_letter",
)
BENIGN = ("b_numbered_lists_zh", "b_sms_ham", "b_weibo_posts", "b_weibo_comments", "b_youtube_ham")


def families() -> dict[str, tuple[str, Builder]]:
    """Family name -> (group, builder): each layout in English and Chinese wording."""
    out: dict[str, tuple[str, Builder]] = {}
    for layout in LAYOUTS:
        for lang in ("en", "zh"):
            out[f"plain_{layout}_{lang}"] = ("link", _builder(Spec(layout=layout, lang=lang)))
    handles = handle_families()
    out.update({name: ("handle", handles[name]) for name in HANDLES})
    benign = benign_families()
    out.update({name: ("benign", benign[name]) for name in BENIGN})
    return out


def build(data: Path) -> list[Case]:
    pools = Pools(data)
    cases: list[Case] = []
    for name, (group, builder) in families().items():
        rng = random.Random(f"{SEED}:{name}")
        for i in range(PER_FAMILY):
            case = builder(rng, pools, i)
            case.id, case.family, case.group = f"rt7l-{name}-{i:02d}", name, group
            cases.append(case)
    return cases


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--home", type=Path)
    ap.add_argument("--data", type=Path)
    ap.add_argument("--name", default="redteam7_layouts")
    args = ap.parse_args(argv)
    data = data_dir(args.data)
    scanner = load_scanner(scanner_home(args.home, data))
    cases = build(data)
    ev = evaluate(scanner, cases, {})  # type: ignore[arg-type]
    summary = summarise(ev["families"], [])
    payload = {
        "name": args.name,
        "seed": SEED,
        "per_family": PER_FAMILY,
        "totals": summary["totals"],
        "families": summary["families"],
    }
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    out = RESULTS_DIR / f"{args.name}.json"
    out.write_text(json.dumps(payload, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    write_misses(
        RESULTS_DIR / f"{args.name}_misses.md", args.name, summary["families"], ev["misses"]
    )
    print_table(
        f"{args.name} families",
        ["family", "group", "n", "recall", "wrong", "review", "act"],
        [
            [k, v["group"], str(v["n"]), str(v["recall"]), str(v["wrong"]),
             str(v["review_rate"]), str(v["act_rate"])]
            for k, v in summary["families"].items()
        ],
    )  # fmt: skip
    print(f"wrote {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
