"""Impersonation: disguised real official names, invented authority names, benign profiles.

Names come from lists the team did not write (the CC0 US .gov list and the MIT v2fly labels,
``bench.build_entities``). Hold-out discipline: the packaged registry holds the shipped part of a
fixed split; variants of *those* names test matching (families homoglyph, trad/simp, pinyin,
spaces/symbols, reorder, abbreviation, partial, exact), and the held-out part, which the registry
has never seen, gives the bodies for ``authority-invented`` (a held-out name's place or words
under an authority template: "<X> Command", "<X>指挥部") and ``unseen-real`` (a held-out name as
written; reported, not in the bar: a name without an authority word cannot be caught without the
registry). Benign controls: real YouTube display names (AUTHOR column) as display names and
usernames, Weibo post openings as display names and whole posts as bios, UCI SMS ham as bios, and
ordinary names holding authority-like words. Verified accounts of entries, named exactly, must
get 0 flags. Logos: generated pictures for 40 entries imported with ``--add-default``; avatars
are resized / recompressed / bordered copies; other generated logos are controls.

A profile is flagged when the default policy records an enforced ``impersonation`` violation
for it (its verdict is then ``review``; other rules' findings do not count). Baseline: the
registry names as case-folded substrings (what a plain keyword list does), same items.

``python -m bench.impersonation_eval [--seed N] [--per-family N]``
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import random
import re
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

from bastion.detect.authority_words import GENERIC
from bastion.detect.impersonation import Entry, is_cjk
from bench import common
from bench.build_entities import all_entries, split

SEED = 8
PER_FAMILY = 300
BAR = 95.0
HOMOGLYPHS = {
    "a": "аα4",
    "e": "еε3",
    "o": "оο0",
    "p": "р",
    "c": "сϲ",
    "x": "х",
    "y": "у",
    "i": "іι1",
    "l": "ӏ1",
    "s": "ѕ5",
    "t": "7",
    "j": "ј",
    "n": "ո",
    "B": "В8",
    "H": "Н",
    "K": "К",
    "M": "М",
    "T": "Т",
}
SEPARATORS = [" ", "·", "_", ".", "-", "★", "\u200b", "丨", "  ", "|", "~"]
EN_TEMPLATES = [
    "{x} Command",
    "{x} Strategic Missile Force",
    "{x} Red Army Command",
    "{x} News Agency",
    "{x} Centre for Disease Control",
    "{x} Center for Disease Control",
    "{x} Police Department",
    "{x} Armed Police",
    "Official {x}",
    "{x} Official",
    "{x} Army Command",
    "{x} Military Command",
    "{x} Rocket Force",
]
ZH_TEMPLATES = [
    "{x}指挥部",
    "{x}部队",
    "{x}疾控",
    "{x}新闻社",
    "{x}发布",
    "{x}电视台",
    "{x}融媒体",
    "{x}官方",
    "{x}武警",
    "{x}战区",
]
BENIGN_NAMES = [
    "Force of Nature Fitness",
    "Newsome",
    "新闻爱好者小王",
    "Daily Grind Coffee",
    "Command Line Tips",
    "Air Max Sneaker Head",
    "Center Stage Dance",
    "Times Square Photos",
    "Post Malone Fan",
    "Army of Lovers Fan",
    "Navy Blue Boutique",
    "Bureau of Cats",
    "Agency Wedding Films",
    "Mike from the Office",
    "Justice League Collector",
    "Newsy Nancy",
    "Press Start Gaming",
    "Radio Lover 88",
    "Network Guy",
    "Heavenly Divine Force Band",
    "Tom's Guitar Corps",
    "Brigade Burgers",
    "Fleet Foxes Fan",
    "Guardians Fan Club",
    "Department Store Deals",
    "Channel Surfer",
    "Media Mom",
    "Office Space Memes",
    "The Daily Baker",
    "Command & Conquer Fan",
    "Forceful Pilates",
    "Agent Smith Fan",
    "Institute of Cake",
    "Academy of Rock Kids",
    "Council Bluffs Runner",
    "Herald the Cat",
    "Gazette Girl",
    "Tribune of Tunes",
    "新闻学专业学生",
    "爱看新闻的老李",
    "发布会摄影师",
    "电视迷小张",
    "部落冲突玩家",
    "军事迷老王",
    "小王同学",
    "北京吃货",
    "上海小厨娘",
    "四川妹子",
    "广东靓仔",
    "中国好声音粉丝",
    "人民公园晨练",
    "日报读者",
    "晚报送报员老刘",
    "频道主播小美",
    "中心小学二班",
    "研究生在读",
    "医院护士小林",
    "银行小职员",
    "局外人",
    "委屈的猫",
    "李华",
    "张伟",
    "王芳",
]


def _disguise_homoglyph(name: str, rng: random.Random) -> str | None:
    spots = [i for i, c in enumerate(name) if c in HOMOGLYPHS or c.lower() in HOMOGLYPHS]
    if not spots:
        return None
    chosen = rng.sample(spots, max(1, len(spots) // 3))
    out = list(name)
    for i in chosen:
        c = name[i]
        out[i] = rng.choice(HOMOGLYPHS.get(c) or HOMOGLYPHS[c.lower()])
    return "".join(out)


def _spaced(name: str, rng: random.Random) -> str:
    out = []
    for i, c in enumerate(name):
        out.append(c)
        if i < len(name) - 1 and c != " " and rng.random() < 0.45:
            out.append(rng.choice(SEPARATORS))
    return "".join(out)


def _latin_words(name: str) -> list[str]:
    return re.findall(r"[A-Za-z][A-Za-z'.&-]*", name)


def _content(words: list[str]) -> list[str]:
    return [w for w in words if w.casefold() not in GENERIC]


def variants(entry: Entry, rng: random.Random, tools: Any) -> dict[str, list[str]]:
    """Family -> disguised display names of ``entry`` (families that do not apply are absent)."""
    name = entry.name
    out: dict[str, list[str]] = {"exact": [name]}
    cjk = any(is_cjk(c) for c in name)
    if cjk:
        trad = tools.s2t.convert(name)
        if trad != name:
            out["trad/simp"] = [trad]
        syllables = tools.lazy_pinyin(name)
        if all(s.isascii() for s in syllables):
            style = rng.choice(["join", "title", "under", "space"])
            joined = {
                "join": "".join(syllables),
                "title": "".join(s.title() for s in syllables),
                "under": "_".join(syllables),
                "space": " ".join(syllables),
            }[style]
            forms = [joined]
            homophone = tools.homophone(name, rng)
            if homophone:
                forms.append(homophone)
            out["pinyin"] = forms
        out["spaces/symbols"] = [_spaced(name, rng)]
        core = "".join(c for c in name if is_cjk(c))
        if len(core) >= 6:
            cut = rng.choice([1, 2])
            out["partial"] = [core[cut:] if rng.random() < 0.5 else core[:-cut]]
        return out
    words = _latin_words(name)
    content = _content(words)
    glyph = _disguise_homoglyph(name, rng)
    if glyph:
        out["homoglyph"] = [glyph]
    out["spaces/symbols"] = [_spaced(name, rng)]
    if len(content) >= 2:
        shuffled = content[:]
        for _ in range(8):
            rng.shuffle(shuffled)
            if shuffled != content:
                break
        if shuffled != content:
            out["reorder"] = [" ".join(shuffled)]
    if len(content) >= 3:
        acronym = "".join(w[0].upper() for w in content)
        out["abbreviation"] = [
            rng.choice(["{a}", "{a} Official", "The {a}", "{a}_HQ"]).format(a=acronym)
        ]
        if "and" in [w.lower() for w in words]:
            cut = [w.lower() for w in words].index("and")
            part = " ".join(words[:cut])
        else:
            part = " ".join(words[words.index(content[1]) :])
        if part and part.casefold() != name.casefold():
            out["partial"] = [part]
    return out


class _Tools:
    """OpenCC and pypinyin for building disguises (the bench's own use, not the detector's)."""

    def __init__(self) -> None:
        import opencc
        from pypinyin import lazy_pinyin, pinyin_dict

        self.s2t = opencc.OpenCC("s2t")
        self.lazy_pinyin = lazy_pinyin
        by_sound: dict[str, list[str]] = {}
        for cp in pinyin_dict.pinyin_dict:
            char = chr(cp)
            if not ("\u4e00" <= char <= "\u9fff"):
                continue
            first = lazy_pinyin(char)[0]
            if first.isascii():
                by_sound.setdefault(first, []).append(char)
        self.by_sound = by_sound

    def homophone(self, name: str, rng: random.Random) -> str | None:
        spots = [i for i, c in enumerate(name) if is_cjk(c)]
        if not spots:
            return None
        i = rng.choice(spots)
        sound = self.lazy_pinyin(name[i])[0]
        choices = [c for c in self.by_sound.get(sound, []) if c != name[i]]
        if not choices:
            return None
        return name[:i] + rng.choice(sorted(choices)[:40]) + name[i + 1 :]


def invented(held: list[Entry], rng: random.Random, n: int) -> list[str]:
    """Authority names invented from held-out bodies: a word or place of theirs, a template."""
    out: list[str] = []
    latin = [e for e in held if not any(is_cjk(c) for c in e.name)]
    chinese = [e for e in held if any(is_cjk(c) for c in e.name)]
    for i in range(n):
        if chinese and i % 2:
            core = "".join(c for c in rng.choice(chinese).name if is_cjk(c))
            x = core[: rng.choice([2, 3, 4])]
            out.append(rng.choice(ZH_TEMPLATES).format(x=x))
        else:
            words = _content(_latin_words(rng.choice(latin).name))
            x = " ".join(words[: rng.choice([1, 2])]) or "Northern"
            out.append(rng.choice(EN_TEMPLATES).format(x=x))
    return out


def benign(data: Path, rng: random.Random) -> dict[str, tuple[str, list[str]]]:
    """Control set -> (surface, texts)."""
    with (data / "youtube-spam-collection" / "youtube_spam.csv").open(encoding="utf-8") as fh:
        authors = sorted({r["AUTHOR"].strip() for r in csv.DictReader(fh) if r["AUTHOR"].strip()})
    posts: list[str] = []
    with (data / "weibo-rumor-ced" / "posts.jsonl").open(encoding="utf-8") as fh:
        posts = [json.loads(line)["text"] for line in fh]
    ham = [text for label, text in common.sms(data) if label == "ham"]
    comments = common.weibo_comments(data, 3000)
    return {
        "youtube authors (display_name)": ("display_name", authors),
        "youtube authors (username)": ("username", [re.sub(r"\W+", "", a) for a in authors]),
        "weibo post openings (display_name)": ("display_name", [p[:20] for p in posts]),
        "weibo posts (bio)": ("bio", [p[:280] for p in posts]),
        "weibo comments (display_name)": ("display_name", [c[:30] for c in comments if c.strip()]),
        "sms ham (bio)": ("bio", ham),
        "ordinary names with authority-like words": ("display_name", BENIGN_NAMES),
    }


def _logo(rng: random.Random, label: str) -> bytes:
    from PIL import Image, ImageDraw

    size = 256
    image = Image.new("RGB", (size, size), tuple(rng.randrange(256) for _ in range(3)))
    draw = ImageDraw.Draw(image)
    for _ in range(rng.randrange(3, 7)):
        box = (
            sorted(rng.randrange(size) for _ in range(2)),
            sorted(rng.randrange(size) for _ in range(2)),
        )
        shape = [box[0][0], box[1][0], box[0][1] + 8, box[1][1] + 8]
        fill = tuple(rng.randrange(256) for _ in range(3))
        (draw.ellipse if rng.random() < 0.5 else draw.rectangle)(shape, fill=fill)
    draw.text((20, 110), label[:12], fill=(255, 255, 255))
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def _avatar(png: bytes, rng: random.Random) -> bytes:
    from PIL import Image, ImageOps

    with Image.open(io.BytesIO(png)) as image:
        frame = image.convert("RGB")
    kind = rng.choice(["resize", "jpeg", "border", "crop"])
    if kind == "resize":
        frame = frame.resize((rng.choice([96, 128, 180]),) * 2)
    elif kind == "border":
        frame = ImageOps.expand(frame, border=12, fill=(255, 255, 255))
    elif kind == "crop":
        frame = frame.crop((8, 8, 248, 248))
    out = io.BytesIO()
    frame.save(out, "JPEG", quality=rng.choice([50, 70, 90]))
    return out.getvalue()


def run(data: Path, seed: int, per_family: int) -> dict[str, Any]:
    from bastion.entities import import_entities
    from bastion.model import ImageInput, Item
    from bastion.scanner import Scanner

    rng = random.Random(seed)
    tools = _Tools()
    shipped, held = split(all_entries(data))
    work = Path(tempfile.mkdtemp(prefix="bastion-imperson-"))
    # Logos for 40 shipped entries, imported beside the packaged entries.
    logo_entries = rng.sample(shipped, 40)
    rows = ["name,kind,aliases,verified_accounts,logo"]
    logos: dict[str, bytes] = {}
    for i, entry in enumerate(logo_entries):
        png = _logo(random.Random(seed * 1000 + i), entry.name)
        (work / f"logo{i}.png").write_bytes(png)
        logos[entry.name] = png
        name = entry.name.replace('"', "'")
        rows.append(f'"{name}",{entry.kind},,,logo{i}.png')
    (work / "logos.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    import_entities(work / "logos.csv", work, add_default=True)
    scanner = Scanner.load(work, no_feeds=True, ocr=False)

    def flagged(item: Item) -> tuple[bool, Any]:
        result = scanner.scan(item)
        mine = [
            v for v in result.violations if v.category == "impersonation" and v.mode != "shadow"
        ]
        return bool(mine) and result.verdict != "allow", result

    names = [e.name.casefold() for e in shipped]

    def baseline(text: str) -> bool:
        folded = text.casefold()
        return any(n in folded for n in names)

    families: dict[str, list[tuple[str, str]]] = {}
    for entry in shipped:
        for family, forms in variants(entry, rng, tools).items():
            for form in forms:
                families.setdefault(family, []).append((form, entry.name))
    for family, cases in families.items():
        rng.shuffle(cases)
        families[family] = cases[:per_family]
    families["authority-invented"] = [(t, "") for t in invented(held, rng, per_family)]
    unseen = [(e.name, e.name) for e in held]

    started = time.perf_counter()
    report: dict[str, Any] = {"families": {}, "controls": {}, "misses": {}, "false_positives": {}}
    tp = fn = 0
    base_tp = 0
    for family, cases in families.items():
        hit = base = 0
        misses = []
        for n, (text, _) in enumerate(cases):
            surface = "username" if n % 4 == 3 else "display_name"
            if surface == "username":
                text = re.sub(r"\s+", "", text)
            ok, _ = flagged(Item(f"{family}-{n}", text=text, surface=surface))
            hit += ok
            base += baseline(text)
            if not ok:
                misses.append(text)
        tp += hit
        fn += len(cases) - hit
        base_tp += base
        report["families"][family] = {
            "cases": len(cases),
            "recall_pct": common.pct(hit, len(cases)),
            "baseline_substring_pct": common.pct(base, len(cases)),
        }
        report["misses"][family] = misses[:15]
    # Logos: avatars that are edited copies of an entry's logo, with no text.
    logo_hits = 0
    for n, (_, png) in enumerate(sorted(logos.items())):
        for k in range(3):
            data_ = _avatar(png, random.Random(seed + n * 7 + k))
            item = Item(
                f"logo-{n}-{k}",
                surface="avatar",
                images=("a.jpg",),
                image_data=(ImageInput("a.jpg", data_),),
            )
            ok, _ = flagged(item)
            logo_hits += ok
    logo_cases = 3 * len(logos)
    tp += logo_hits
    fn += logo_cases - logo_hits
    report["families"]["logo"] = {
        "cases": logo_cases,
        "recall_pct": common.pct(logo_hits, logo_cases),
        "baseline_substring_pct": 0.0,
    }
    unseen_hits = sum(
        flagged(Item(f"u-{i}", text=t, surface="display_name"))[0]
        for i, (t, _) in enumerate(unseen)
    )
    report["unseen_real_not_in_bar"] = {
        "cases": len(unseen),
        "flagged_pct": common.pct(unseen_hits, len(unseen)),
    }
    fp = base_fp = negatives = 0
    for label, (surface, texts) in benign(data, rng).items():
        bad = []
        count = 0
        for n, text in enumerate(texts):
            ok, result = flagged(Item(f"b-{n}", text=text, surface=surface))
            count += ok
            base_fp += baseline(text) if surface != "bio" else 0
            if ok:
                bad.append({"text": text[:80], "signals": [s.evidence for s in result.signals][:2]})
        fp += count
        negatives += len(texts)
        report["controls"][label] = {
            "items": len(texts),
            "flagged": count,
            "flagged_pct": common.pct(count, len(texts)),
        }
        report["false_positives"][label] = bad[:25]
    # Random logos that are no entry's, as avatars.
    logo_fp = 0
    for n in range(120):
        png = _logo(random.Random(seed * 7777 + n), "logo")
        item = Item(
            f"nl-{n}", surface="avatar", images=("a.png",), image_data=(ImageInput("a.png", png),)
        )
        logo_fp += flagged(item)[0]
    fp += logo_fp
    negatives += 120
    report["controls"]["other logos (avatar)"] = {
        "items": 120,
        "flagged": logo_fp,
        "flagged_pct": common.pct(logo_fp, 120),
    }
    # Verified accounts named exactly: never flagged.
    verified = [e for e in shipped if e.verified_accounts]
    verified_flags = 0
    for n, entry in enumerate(verified):
        account = entry.verified_accounts[n % len(entry.verified_accounts)]
        for surface, text in (("display_name", entry.name), ("username", account)):
            verified_flags += flagged(
                Item(f"v-{n}", text=text, surface=surface, account_id=account)
            )[0]
    seconds = time.perf_counter() - started
    positives = tp + fn
    report.update(
        seed=seed,
        registry={
            "shipped": len(shipped),
            "held_out": len(held),
            "kinds": dict(Counter(e.kind for e in shipped)),
        },
        positives=positives,
        negatives=negatives,
        recall_pct=common.pct(tp, positives),
        precision_pct=common.pct(tp, tp + fp),
        false_positive_rate_pct=common.pct(fp, negatives),
        baseline={
            "recall_pct": common.pct(base_tp, positives),
            "precision_pct": common.pct(base_tp, base_tp + base_fp),
            "note": "case-folded substring of a registry name; bios not counted",
        },
        verified={"items": 2 * len(verified), "flagged": verified_flags},
        seconds=round(seconds, 2),
        bar={"recall_pct": BAR, "precision_pct": BAR, "verified_flags": 0},
    )
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=None)
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--per-family", type=int, default=PER_FAMILY)
    args = parser.parse_args(argv)
    report = run(common.data_dir(args.data), args.seed, args.per_family)
    rows = [
        [family, str(v["cases"]), f"{v['recall_pct']:.2f}", f"{v['baseline_substring_pct']:.2f}"]
        for family, v in report["families"].items()
    ]
    common.print_table(
        "impersonation recall by family", ["family", "cases", "Bastion %", "substring %"], rows
    )
    rows = [
        [label, str(v["items"]), str(v["flagged"]), f"{v['flagged_pct']:.2f}"]
        for label, v in report["controls"].items()
    ]
    common.print_table("benign controls", ["set", "items", "flagged", "%"], rows)
    print(
        f"recall {report['recall_pct']} % precision {report['precision_pct']} % "
        f"(baseline {report['baseline']['recall_pct']} / {report['baseline']['precision_pct']} %); "
        f"verified flagged {report['verified']['flagged']} of {report['verified']['items']}; "
        f"unseen real names flagged {report['unseen_real_not_in_bar']['flagged_pct']} %"
    )
    path = common.write_result("impersonation_eval", report)
    print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
