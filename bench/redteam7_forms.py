"""Red team 7, one form at a time: dots and TLD forms over plain letters (no letter or digit style).

Red team 7's link families compose a dot or TLD form with a letter or digit style; a family
scores only when both are read. This probe renders the same real listed hosts with the dot or
TLD form alone (``Spec`` of ``bench.redteam7_links`` with no letters and no digits), plus forms
beyond the suite's tables (every full stop Unicode calls a sentence terminal, every ccTLD said as
its country), so each reader's recall is measured on its own.

    python -m bench.redteam7_forms --home /tmp/benchhome --data ../shared/data [--name NAME]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from bench import redteam7_tricks as T
from bench.common import RESULTS_DIR, data_dir, load_scanner, print_table, scanner_home
from bench.redteam6_score import judge
from bench.redteam7 import Builder, Case, Pools
from bench.redteam7_links import Spec, _builder
from bench.redteam7_other import HANDLE_SPECS, _handle_builder, review_families

SEED = 7207
PER_FORM = 40

EXTRA_STOPS = "।॥።᙮᠃᠉᪨᪩᭚᭛᭞᭟᰻᰼᱾᱿⳹⸼꓿꘎꛳꡶꡷꣎꣏꤯꧈꧉꩝꩞꩟꫰꫱꯫៕។⵰𑁇𖫵"
"""Full stops of other scripts beyond the suite's seven (Devanagari danda, Ethiopic, Mongolian,
Balinese, Javanese, Cham, Meetei Mayek...): ``Sentence_Terminal`` characters a reader sees as a
dot."""

EXTRA_COUNTRIES = {
    "us": ("the United States", "美国"),
    "vn": ("Viet Nam", "越南"),
    "sg": ("Singapore", "新加坡"),
    "my": ("Malaysia", "马来西亚"),
    "hk": ("Hong Kong", "香港"),
    "tw": ("Taiwan", "台湾"),
    "ie": ("Ireland", "爱尔兰"),
    "nz": ("New Zealand", "新西兰"),
    "za": ("South Africa", "南非"),
    "cl": ("Chile", "智利"),
    "co": ("Colombia", "哥伦比亚"),
    "pe": ("Peru", "秘鲁"),
    "eg": ("Egypt", "埃及"),
    "il": ("Israel", "以色列"),
    "ir": ("Iran", "伊朗"),
    "kz": ("Kazakhstan", "哈萨克斯坦"),
    "lt": ("Lithuania", "立陶宛"),
    "lv": ("Latvia", "拉脱维亚"),
    "ee": ("Estonia", "爱沙尼亚"),
    "bg": ("Bulgaria", "保加利亚"),
    "rs": ("Serbia", "塞尔维亚"),
    "hr": ("Croatia", "克罗地亚"),
    "si": ("Slovenia", "斯洛文尼亚"),
    "is": ("Iceland", "冰岛"),
    "ng": ("Nigeria", "尼日利亚"),
    "pk": ("Pakistan", "巴基斯坦"),
    "bd": ("Bangladesh", "孟加拉国"),
    "la": ("Laos", "老挝"),
    "kh": ("Cambodia", "柬埔寨"),
    "mm": ("Myanmar", "缅甸"),
    "tk": ("Tokelau", "托克劳"),
    "ws": ("Samoa", "萨摩亚"),
    "to": ("Tonga", "汤加"),
    "me": ("Montenegro", "黑山"),
    "ly": ("Libya", "利比亚"),
    "ai": ("Anguilla", "安圭拉"),
    "io": ("the British Indian Ocean Territory", "英属印度洋领地"),
    "sx": ("Sint Maarten", "荷属圣马丁"),
}


def _link(spec: Spec) -> Builder:
    return _builder(spec)


def _with_tables(build: Builder, **tables: object) -> Builder:
    """``build`` with some of the suite's tables swapped for wider ones while it runs."""

    def run(rng: random.Random, pools: Pools, i: int) -> Case:
        saved = {k: getattr(T, k) for k in tables}
        for k, v in tables.items():
            setattr(T, k, v)
        try:
            return build(rng, pools, i)
        finally:
            for k, v in saved.items():
                setattr(T, k, v)

    return run


def forms() -> dict[str, tuple[str, Builder]]:
    """Form name -> (group, builder)."""
    out: dict[str, tuple[str, Builder]] = {
        "rare_stop": ("link", _link(Spec(dot="rare_stop"))),
        "rare_stop_extra": (
            "link",
            _with_tables(_link(Spec(dot="rare_stop")), RARE_STOPS=tuple(EXTRA_STOPS)),
        ),
        "dian_variant": ("link", _link(Spec(dot="dian_variant", lang="zh"))),
        "ascii_dot": ("link", _link(Spec(dot="ascii"))),
        "country_tld_en": ("link", _link(Spec(tld="country", lang="en"))),
        "country_tld_zh": ("link", _link(Spec(tld="country", lang="zh"))),
        "country_tld_extra": (
            "link",
            _with_tables(_link(Spec(tld="country")), COUNTRY=EXTRA_COUNTRIES),
        ),
        "tld_sound_dot_word": ("link", _link(Spec(dot="word", tld="sound", lang="en"))),
        "tld_sound_plain_dot": ("link", _link(Spec(tld="sound", lang="en"))),
        "as_in_en": ("link", _link(Spec(layout="as_in", lang="en"))),
        "as_in_zh": ("link", _link(Spec(layout="as_in", lang="zh"))),
        "as_in_tld_sound": ("link", _link(Spec(tld="sound", layout="as_in", lang="en"))),
        "as_in_country_zh": ("link", _link(Spec(tld="country", layout="as_in", lang="zh"))),
    }
    for name in (
        "h_wechat_cue_letter_names_zh",
        "h_wechat_as_in_spelling",
        "h_line_as_in_spelling",
        "h_qq_penguin_app_en",
    ):
        out[name] = ("handle", _handle_builder(*HANDLE_SPECS[name]))
    for name, build in review_families().items():
        out[name] = ("review", build)
    return out


def build(data: Path, only: str | None = None) -> list[Case]:
    pools = Pools(data)
    cases: list[Case] = []
    for name, (group, builder) in forms().items():
        if only and only not in name:
            continue
        rng = random.Random(f"{SEED}:{name}")
        for i in range(PER_FORM):
            c = builder(rng, pools, i)
            cases.append(replace(c, id=f"f-{name}-{i:02d}", family=name, group=group))
    return cases


def score(scanner: object, cases: list[Case]) -> tuple[dict[str, Counter[str]], list[str]]:
    scan: Callable[[dict[str, str]], object] = scanner.scan  # type: ignore[attr-defined]
    fam: dict[str, Counter[str]] = {}
    misses: list[str] = []
    for c in cases:
        res = scan({"id": c.id, "surface": c.surface, "text": c.text})
        o = judge(c, res)
        f = fam.setdefault(c.family, Counter())
        f["n"] += 1
        if c.group == "link":
            hit = o.found and o.verdict == "act" and not o.wrong
        elif c.group == "handle":
            hit = o.found and not o.wrong
        else:
            hit = o.verdict != "allow" and not o.wrong
        f["hit"] += hit
        f["wrong"] += bool(o.wrong)
        f["review"] += o.verdict == "review"
        if not hit:
            misses.append(f"{c.family}\t{o.verdict}\t{o.wrong}\t{c.text!r}\t{o.entities}")
    return fam, misses


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--home", type=Path)
    ap.add_argument("--data", type=Path)
    ap.add_argument("--name", default="redteam7_forms")
    ap.add_argument("--only")
    args = ap.parse_args(argv)
    data = data_dir(args.data)
    scanner = load_scanner(scanner_home(args.home, data))
    cases = build(data, args.only)
    fam, misses = score(scanner, cases)
    rows = {
        k: {
            "n": v["n"],
            "recall": round(100 * v["hit"] / v["n"], 1),
            "wrong": v["wrong"],
            "review": v["review"],
        }
        for k, v in fam.items()
    }
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    out = RESULTS_DIR / f"{args.name}.json"
    out.write_text(json.dumps(rows, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    (RESULTS_DIR / f"{args.name}_misses.tsv").write_text("\n".join(misses) + "\n", "utf-8")
    print_table(
        args.name,
        ["form", "n", "recall %", "wrong", "review"],
        [[k, *(str(v[c]) for c in ("n", "recall", "wrong", "review"))] for k, v in rows.items()],
    )
    print(f"wrote {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
