"""Probe set for red team 7's letter styles, one style at a time (plain dot, plain digits).

Red team 7 composes every letter style with a digit or dot form that other fixes cover; this
probe draws other listed hosts and ids (its own seed) and writes them with ONLY one letter style,
so the recall of the style's fold can be read on its own. Each style comes twice: the alphabet
red team 7 uses and the alphabet of another common "fancy text" generator (lower-case faux
Cyrillic, the other syllabics set, other currency signs, the kana-mixed CJK set...), so a fix
that learnt only the suite's letters shows here. Handles: the same styles on WeChat, Telegram and
LINE ids after a plain cue. Benign: fancy display names and Chinese prose holding the
CJK-shape characters, Russian text, Inuktitut syllabics, prices.

    python -m bench.redteam7_letters --home /tmp/benchhome --data ../shared/data --name rt7l_probe
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

from bench import redteam7_links as L
from bench import redteam7_other as O
from bench import redteam7_tricks as T
from bench.common import RESULTS_DIR, data_dir, load_scanner, print_table, scanner_home
from bench.redteam6_eval import evaluate
from bench.redteam6_report import summarise, write_misses
from bench.redteam7 import Builder, Case, Pools

SEED = 7120261207
PER_FAMILY = 40
_AZ = "abcdefghijklmnopqrstuvwxyz"


def _zip(glyphs: list[str]) -> dict[str, str]:
    return dict(zip(_AZ, glyphs, strict=True))


ALT_TABLES: dict[str, dict[str, str]] = {
    "currency_alt": _zip(list("₳₿¢₫€₣₲Ⱨł J₭£₥₦Ø₽Q₹$₸ɄV₩Ӿ¥Ⱬ".replace(" ", ""))),
    "faux_cyrillic_alt": _zip(list("дбсdєfgђїјкlмифрqяѕтцvшжчz")),
    "syllabics_alt": _zip(
        [
            "ᗩ",
            "ᗷ",
            "ᑢ",
            "ᕲ",
            "ᘿ",
            "ᖴ",
            "ᘜ",
            "ᕼ",
            "ᓰ",
            "ᒚ",
            "ᖽᐸ",
            "ᒪ",
            "ᘻ",
            "ᘉ",
            "ᓍ",
            "ᕵ",
            "ᕴ",
            "ᖇ",
            "S",
            "ᖶ",
            "ᑘ",
            "ᐺ",
            "ᘺ",
            "᙭",
            "ᖻ",
            "ᗱ",
        ]
    ),
    "stroke_alt": _zip(list("ⱥƀȼđɇꞙǥħɨɉꝁƚꟿꞥøᵽꝗɍꞩŧʉꝟⱳxɏƶ")),
    "hooked": _zip(list("ɑɓꞓɗeƒɠɦıȷƙɭɱɲoƥʠɽʂƭʊʋⱳxƴȥ")),
    "cjk_alt": _zip(list("卂乃匚ᗪ乇千Ꮆ卄丨ﾌҜㄥ爪几ㄖ卩Ɋ尺丂ㄒㄩᐯ山乂ㄚ乙")),
    "ascii_art_alt": {
        "a": "/-\\",
        "b": "|3",
        "d": "|)",
        "h": "}{",
        "k": "|{",
        "m": "|\\/|",
        "n": "|\\|",
        "o": "()",
        "u": "|_|",
        "v": "\\/",
        "w": "\\/\\/",
        "x": "><",
        "p": "|>",
        "r": "|2",
    },
}
"""Alphabets of other generators (``hooked``: Latin letters with hooks, a class the suite's
same-script look-alikes belong to)."""
for _name, _table in ALT_TABLES.items():
    L.LETTER_TABLES.setdefault(_name, _table)

LINK_SPECS: dict[str, L.Spec] = {}
for _style in (*("currency", "faux_cyrillic", "syllabics", "stroke", "same_script"),
               *("ascii_art", "cjk"), *ALT_TABLES):  # fmt: skip
    _whole = 0.5 if "ascii_art" in _style else 1.0
    LINK_SPECS[f"p_{_style}_whole"] = L.Spec(_style, _whole, tld="letters")
    LINK_SPECS[f"p_{_style}_mixed"] = L.Spec(_style, 0.6)
LINK_SPECS["p_cjk_whole"] = L.Spec("cjk", 1.0, tld="cjk", lang="zh")
LINK_SPECS["p_cjk_mixed"] = L.Spec("cjk", 0.6, lang="zh")
LINK_SPECS["p_mirror"] = L.Spec(layout="mirror")

HANDLE_STYLES = {
    "currency": T.CURRENCY,
    "faux_cyrillic": T.FAUX_CYRILLIC,
    "syllabics": T.SYLLABICS,
    "stroke": T.STROKE,
    "cjk": T.CJK_SHAPES,
    **{k: v for k, v in ALT_TABLES.items() if "ascii" not in k},
}
HANDLE_SPECS: dict[str, tuple[str, Builder]] = {}
for _style, _table in HANDLE_STYLES.items():
    for _kind in ("wechat", "telegram", "line"):
        langs = "zh" if _style.startswith("cjk") else "both"
        HANDLE_SPECS[f"ph_{_kind}_{_style}"] = (
            _kind,
            O._handle_builder(_kind, O.styled(_table, 0.7), langs),
        )
HANDLE_SPECS["ph_wechat_mirror"] = ("wechat", O._handle_builder("wechat", O._mirror, "both"))

BENIGN_TEXTS = (
    "我们工厂从下午三点开始工作，口罩已经发下去了",
    "山下几个人从乙地出发，丁先生长期住在这里",
    "工口山 从几口 乙下 卂乃 尺丂",
    "Привет! Мы открыли магазин, адрес на сайте завтра.",
    "ВНИМАНИЕ: СРОЧНО ЗВОНИТЕ НАМ",
    "ᐃᓄᒃᑎᑐᑦ ᑕᑯᓐᓇᕐᓗ ᐅᖃᐅᓯᖅ",
    "Total: ₱1,250.00 only ฿350 each, ₩5,000 per ticket, €12.50 cash",
    "₳ⱠɆӾ ₴₥ł₮Ⱨ",
    "ДБЯИ ЦШЖ",
    "ᗩᒪE᙭ ᔕᗰITᕼ",
    "|3 <3 (>_<) \\(^o^)/ ¯\\_(ツ)_/¯ |-| |_| () ><",
    "ƀɇŧ ħɨ ɑɡı",
)
"""Benign controls: prose in the styles' own scripts and fancy names with no host."""


def _benign(text: str) -> Builder:
    def build(rng: random.Random, pools: Pools, i: int) -> Case:
        surface = ("display_name", "post", "comment", "chat")[i % 4]
        return Case("", "", "benign", "none", surface, "mix", text, (), key=text)

    return build


def families() -> dict[str, tuple[str, Builder]]:
    out: dict[str, tuple[str, Builder]] = {}
    out |= {k: ("link", L._builder(s)) for k, s in LINK_SPECS.items()}
    out |= {k: ("handle", b) for k, (_, b) in HANDLE_SPECS.items()}
    out |= {f"pb_{i:02d}": ("benign", _benign(t)) for i, t in enumerate(BENIGN_TEXTS)}
    return out


def build(data: Path, per_family: int = PER_FAMILY) -> list[Case]:
    pools = Pools(data)
    cases: list[Case] = []
    for name, (group, builder) in families().items():
        rng = random.Random(f"{SEED}:{name}")
        n = 4 if group == "benign" else per_family
        for i in range(n):
            c = builder(rng, pools, i)
            c.id, c.family, c.group = f"rt7l-{name}-{i:02d}", name, group
            cases.append(c)
    return cases


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--home", type=Path)
    ap.add_argument("--data", type=Path)
    ap.add_argument("--name", default="redteam7_letters")
    args = ap.parse_args(argv)
    data = data_dir(args.data)
    scanner = load_scanner(scanner_home(args.home, data))
    cases = build(data)
    ev = evaluate(scanner, cases, {})  # type: ignore[arg-type]
    summary = summarise(ev["families"], [])
    out = RESULTS_DIR / f"{args.name}.json"
    payload = {"name": args.name, "seed": SEED, "cases": len(cases), **summary}
    out.write_text(json.dumps(payload, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    write_misses(
        RESULTS_DIR / f"{args.name}_misses.md", args.name, summary["families"], ev["misses"]
    )
    fams = sorted(summary["families"].items(), key=lambda kv: (kv[1]["group"], kv[0]))
    print_table(
        f"{args.name} families",
        ["family", "group", "n", "recall", "wrong", "review", "act"],
        [[k, v["group"], str(v["n"]), str(v["recall"]), str(v["wrong"]), str(v["review_rate"]),
          str(v["act_rate"])] for k, v in fams],
    )  # fmt: skip
    print_table(
        f"{args.name} totals",
        ["group", "cases", "recall %", "wrong", "review %", "act %"],
        [[g, str(t["cases"]), str(t["recall"]), str(t["wrong"]), str(t["review_rate"]),
          str(t["act_rate"])] for g, t in summary["totals"].items()],
    )  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
