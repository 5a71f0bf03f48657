"""Red team 7: the benign families, real clean text of the shared sets.

SMS and YouTube ham, normal Chinese operator texts (with and without their own links), Weibo
posts and comments, US .gov domains and popular unlisted Tranco domains in a sentence; and the
same real texts carrying the glyphs red team 7's disguises use (dice, clock faces, mahjong
tiles, prices in rare currency signs, emoticons, numbered lists, fancy display names, Chinese
words holding the sound-alike digits, country names, spelling "as in"), so a rule that learns
to read them can be seen to stay quiet. ``act`` must be 0.
"""

from __future__ import annotations

import csv
import gzip
import json
import random
import re
from collections.abc import Callable
from functools import cache
from pathlib import Path

from bench import redteam7_tricks as T
from bench.common import EVAL_FEEDS, read_hosts, sms, telecom, youtube
from bench.redteam7 import Builder, Case, Pools


@cache
def _real(data: Path) -> dict[str, list[str]]:
    """Real clean texts of the shared sets, by kind, in file order."""
    posts: list[str] = []
    with (data / "weibo-rumor-ced" / "posts.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            if row["label"] == "non-rumor" and row["text"].strip():
                posts.append(row["text"])
    comments: list[str] = []
    with gzip.open(
        data / "weibo-rumor-ced" / "reposts_comments.jsonl.gz", "rt", encoding="utf-8"
    ) as fh:
        for line in fh:
            if len(comments) >= 30000:
                break
            row = json.loads(line)
            if row.get("post_label") == "non-rumor" and len(row["text"]) >= 6:
                comments.append(row["text"])
    authors: list[str] = []
    with (data / "youtube-spam-collection" / "youtube_spam.csv").open(
        encoding="utf-8", newline=""
    ) as fh:
        authors = [r["AUTHOR"] for r in csv.DictReader(fh) if r["CLASS"] == "0"]
    gov: list[str] = []
    with (data / "us-dotgov-domains" / "current-full.tsv").open(encoding="utf-8", newline="") as fh:
        gov = [r["domain"].lower() for r in csv.DictReader(fh, delimiter="\t")]
    listed: set[str] = set()
    for rel, _cat, fmt, _src in EVAL_FEEDS:
        if fmt in ("domains", "v2fly"):
            listed.update(read_hosts(data / rel))
    with (data / "tranco-top-100k" / "tranco_top_100k.tsv").open(
        encoding="utf-8", newline=""
    ) as fh:
        tranco = [r["domain"] for r in csv.DictReader(fh, delimiter="\t")][:5000]
    tranco = [d for d in tranco if d not in listed and "." in d]
    zh_normal = [t for lab, t in telecom(data) if lab == "0"]
    return {
        "sms_ham": [t for lab, t in sms(data) if lab == "ham" and len(t) >= 12],
        "zh_normal": [t for t in zh_normal if not re.search(r"https?:|www\.|\.(cn|com)\b", t)],
        "zh_normal_links": [t for t in zh_normal if re.search(r"https?:|www\.|\.(cn|com)\b", t)],
        "weibo_posts": posts,
        "weibo_comments": comments,
        "youtube_ham": [t for lab, t in youtube(data) if lab == "0"],
        "authors": authors,
        "gov": gov,
        "tranco": tranco,
    }


BENIGN_GLYPHS = {
    "dice_clock": (
        "🎲 ⚃⚄ game night at 🕗",
        "⏰🕖 don't be late",
        "rolled ⚅⚅ lol",
        "🕙 works for me",
    ),
    "currency": (
        "Total: ₱1,250.00",
        "only ฿350 each",
        "₩5,000 per ticket",
        "paid ₦2,000",
        "₴99 delivery",
        "€12.50 cash",
        "₵40 taxi",
    ),
    "emoticons": (
        "<3",
        "|3",
        "\\(^o^)/",
        "¯\\_(ツ)_/¯",
        "(>_<)",
        ":-)",
        "xD",
        "(^_^)v",
        "T_T",
        "o(*￣▽￣*)o",
    ),
    "mahjong": ("今晚打麻将 🀇🀈🀉 🀄 胡了", "🀙🀚🀛 清一色！", "三缺一 🀄 快来", "摸到🀏🀏🀏 杠上开花"),
}
SOUND_CHARS = re.compile("[灵依尔伞寺舞溜漆巴酒]")
COUNTRIES = re.compile("越南|日本|德国|法国|泰国|韩国|菲律宾|俄罗斯|意大利|西班牙|巴西")


def _benign(pick: Callable[[dict[str, list[str]], random.Random], tuple[str, str, str]]) -> Builder:
    def build(rng: random.Random, pools: Pools, i: int) -> Case:
        text, surface, lang = pick(_real(pools.data), rng)
        return Case(
            id="",
            family="",
            group="benign",
            kind="none",
            surface=surface,
            lang=lang,
            text=text,
            expected=(),
            key=text,
        )

    return build


def _from(kind: str, surface: str, lang: str, filt: Callable[[str], bool] | None = None) -> Builder:
    def pick(real: dict[str, list[str]], rng: random.Random) -> tuple[str, str, str]:
        pool = [t for t in real[kind] if filt is None or filt(t)]
        return rng.choice(pool), surface, lang

    return _benign(pick)


def _decorated(kind: str, glyphs: str, surface: str, lang: str) -> Builder:
    def pick(real: dict[str, list[str]], rng: random.Random) -> tuple[str, str, str]:
        return f"{rng.choice(real[kind])} {rng.choice(BENIGN_GLYPHS[glyphs])}", surface, lang

    return _benign(pick)


def _numbered_list(real: dict[str, list[str]], rng: random.Random) -> tuple[str, str, str]:
    text = rng.choice([t for t in real["zh_normal"] if t.count("，") >= 2])
    parts = [p for p in re.split("[，。；]", text) if p][:5]
    labels = "①②③④⑤"
    return "\n".join(f"{labels[j]} {p}" for j, p in enumerate(parts)), "post", "zh"


def _fancy_name(real: dict[str, list[str]], rng: random.Random) -> tuple[str, str, str]:
    name = rng.choice([a for a in real["authors"] if re.fullmatch(r"[A-Za-z ]{4,30}", a)]).lower()
    table = rng.choice((T.CURRENCY, T.SYLLABICS, T.FAUX_CYRILLIC, T.STROKE))
    return "".join(table.get(ch, ch) for ch in name), "display_name", "en"


def _gov(real: dict[str, list[str]], rng: random.Random) -> tuple[str, str, str]:
    forms = (
        "Apply at {d} before Friday.",
        "Forms are on {d}, page 2.",
        "The notice is posted on {d}",
    )
    return rng.choice(forms).format(d=rng.choice(real["gov"])), "post", "en"


def _tranco(real: dict[str, list[str]], rng: random.Random) -> tuple[str, str, str]:
    forms = ("I read it on {d} yesterday", "在{d}上看到的，挺有意思", "check {d} for the schedule")
    return rng.choice(forms).format(d=rng.choice(real["tranco"])), "comment", "mix"


def _as_in_name(real: dict[str, list[str]], rng: random.Random) -> tuple[str, str, str]:
    name = rng.choice(("lee", "chan", "wong", "smith", "brown", "patel", "nguyen", "kim"))
    spelled = T.spell_as_in(name, "en")
    return f"{rng.choice(real['sms_ham'])} My surname is {name.title()}, {spelled}.", "chat", "en"


def benign_families() -> dict[str, Builder]:
    return {
        "b_sms_ham": _from("sms_ham", "chat", "en"),
        "b_telecom_normal": _from("zh_normal", "chat", "zh"),
        "b_telecom_normal_with_links": _from("zh_normal_links", "chat", "zh"),
        "b_weibo_posts": _from("weibo_posts", "post", "zh"),
        "b_weibo_comments": _from("weibo_comments", "comment", "zh"),
        "b_youtube_ham": _from("youtube_ham", "comment", "en"),
        "b_zh_sound_digit_words": _from(
            "weibo_comments", "comment", "zh", lambda t: bool(SOUND_CHARS.search(t))
        ),
        "b_zh_country_names": _from(
            "weibo_posts", "post", "zh", lambda t: bool(COUNTRIES.search(t))
        ),
        "b_sms_ham_dice_clock": _decorated("sms_ham", "dice_clock", "chat", "en"),
        "b_prices_currency_signs": _decorated("sms_ham", "currency", "listing", "en"),
        "b_emoticons": _decorated("weibo_comments", "emoticons", "comment", "zh"),
        "b_mahjong_talk": _decorated("weibo_comments", "mahjong", "chat", "zh"),
        "b_numbered_lists_zh": _benign(_numbered_list),
        "b_fancy_display_names": _benign(_fancy_name),
        "b_dotgov_mentions": _benign(_gov),
        "b_popular_unlisted_hosts": _benign(_tranco),
        "b_as_in_spelling_names": _benign(_as_in_name),
    }
