"""Red team 11's handle, should-review and benign families.

Handles: an id drawn by seed in the shape each messenger allows, disguised by two tricks of
``bench/redteam11_tricks.py`` after an ordinary cue, in harmful or ordinary wording. Should-review:
harmful wording beside a host or id a reader cannot fully recover (a face-down card for a digit,
a TLD sent and recalled, an id made of a nickname the message never gives): ``review`` at least,
never a host or id guessed. Benign: real clean text of the shared sets and ordinary messages
that hold this suite's glyphs and shapes (card faces, financial numerals, ``⒈`` lists, a time
before a country, config lines, company mail), none of which is a link or a handle.
"""

from __future__ import annotations

import csv
import json
import random
import string
from collections.abc import Callable
from functools import cache
from pathlib import Path

from bench import redteam11_tricks as t
from bench.common import sms, youtube
from bench.redteam7 import Builder, Case, Pools
from bench.redteam11_text import cue, handle_template, link_template

Disguise = Callable[[random.Random, str, str], tuple[str, str]]

SYLLABLES = (
    "lucky",
    "mimi",
    "xiao",
    "yan",
    "kefu",
    "vip",
    "bao",
    "tian",
    "lin",
    "coco",
    "jia",
    "meng",
)


def wechat_id(rng: random.Random) -> str:
    head = rng.choice(SYLLABLES) + rng.choice(SYLLABLES)
    sep = rng.choice(("", "", "_"))
    return f"{head}{sep}{rng.randint(10, 9999)}"


def telegram_id(rng: random.Random) -> str:
    return f"{rng.choice(SYLLABLES)}_{rng.choice(SYLLABLES)}{rng.randint(1, 999)}"


def qq_number(rng: random.Random, zero: bool = True) -> str:
    digits = "0123456789" if zero else "123456789"
    n = rng.randint(6, 10)
    return str(rng.randint(1, 9)) + "".join(rng.choice(digits) for _ in range(n - 1))


def cn_phone(rng: random.Random) -> str:
    return "1" + rng.choice("3456789") + "".join(rng.choice(string.digits) for _ in range(9))


WHATSAPP = (
    ("60", "1", 8, "马来西亚", "Malaysia"),
    ("44", "7", 9, "英国", "UK"),
    ("62", "8", 9, "印尼", "Indonesia"),
    ("63", "9", 9, "菲律宾", "Philippines"),
)


def handle_family(
    kind: str,
    tricks: tuple[str, ...],
    make: Disguise,
    make_id: Callable[[random.Random], str],
    langs: tuple[str, ...] = ("zh", "en"),
    surfaces: tuple[str, ...] = ("post", "comment", "chat", "bio", "display_name"),
) -> Builder:
    def build(rng: random.Random, pools: Pools, i: int) -> Case:
        value = make_id(rng)
        lang = langs[i % len(langs)]
        tpl, harmful = handle_template(rng, lang)
        c = cue(rng, kind, lang)
        shown, note = make(rng, value, lang)
        text = tpl.format(cue=c, v=shown) + (f" {note}" if note else "")
        plain = "+" + value if kind == "whatsapp" else value
        return Case(
            id="",
            family="",
            group="",
            kind=kind,
            surface=rng.choice(surfaces),
            lang=lang,
            text=text,
            expected=(value,),
            harmful=harmful,
            key=tpl.format(cue=c, v=plain),
            tricks=tricks,
        )

    return build


def block_handle_family(
    kind: str,
    tricks: tuple[str, ...],
    make: Disguise,
    make_id: Callable[[random.Random], str],
    langs: tuple[str, ...] = ("zh", "en"),
    surfaces: tuple[str, ...] = ("bio",),
) -> Builder:
    """An id laid out over lines (profile fields, a chat log), under a line of the wording."""

    def build(rng: random.Random, pools: Pools, i: int) -> Case:
        value = make_id(rng)
        lang = langs[i % len(langs)]
        tpl, harmful = handle_template(rng, lang)
        c = cue(rng, kind, lang)
        block, note = make(rng, value, lang)
        text = tpl.format(cue=c, v="👇") + "\n" + block + (f"\n{note}" if note else "")
        return Case(
            id="",
            family="",
            group="",
            kind=kind,
            surface=rng.choice(surfaces),
            lang=lang,
            text=text,
            expected=(value,),
            harmful=harmful,
            key=tpl.format(cue=c, v=value),
            tricks=tricks,
        )

    return build


def _wa(rng: random.Random) -> str:
    cc, lead, n, _, _ = rng.choice(WHATSAPP)
    return cc + lead + "".join(rng.choice(string.digits) for _ in range(n - 1))


def _profile(rng: random.Random, v: str, lang: str) -> tuple[str, str]:
    a, b = t.split_at(v, rng)
    a, b = t.squiggle(a), t.squiggle(b)
    if lang == "zh":
        return f"用户名：{a}\n昵称：{b}\n简介：vx = 用户名 + 昵称（字母是花体），直接连起来", ""
    return (
        f"username: {a}\ndisplay name: {b}\nbio: wechat = username + display name "
        "(letters in a fancy font), joined",
        "",
    )


def _thai_financial(rng: random.Random, v: str, lang: str) -> tuple[str, str]:
    shown = t.financial(t.thai_fancy(v))
    return shown, "（花体字，数字是大写）" if lang == "zh" else "(fancy font, digits in 大写)"


def _letter_names_circled(rng: random.Random, v: str, lang: str) -> tuple[str, str]:
    return t.double_circled(t.zh_letter_names(v)), "（字母按中文念法写的）"


def _legend_khmer(rng: random.Random, v: str, lang: str) -> tuple[str, str]:
    masked, key = t.legend(v, rng, t.EMOJI_POOL)
    masked = t.script_digits(masked, "khmer")
    return masked, f"（{key}，数字是高棉数字）" if lang == "zh" else f"({key}; Khmer digits)"


def _key_value(rng: random.Random, v: str, lang: str) -> tuple[str, str]:
    return (
        f"id_type = wechat\nid = {t.squiggle(v)}",
        "（花体字）" if lang == "zh" else "(fancy font)",
    )


def _cards_profile(rng: random.Random, v: str, lang: str) -> tuple[str, str]:
    a, b = t.split_at(v, rng)
    a, b = t.cards(a, rng), t.cards(b, rng)
    if lang == "zh":
        return f"用户名：{a}\n昵称：{b}\n简介：Q号 = 用户名 + 昵称（扑克牌面是数字，A=1）", ""
    return (
        f"username: {a}\ndisplay name: {b}\nbio: QQ = username + display name (cards, ace = 1)",
        "",
    )


def _stop_digits_reversed(rng: random.Random, v: str, lang: str) -> tuple[str, str]:
    shown = "".join(t.fullstop_digit(c) for c in t.reverse(v))
    return shown, "（号码倒着写的）" if lang == "zh" else "(number written backwards)"


def _chat_financial(rng: random.Random, v: str, lang: str) -> tuple[str, str]:
    a, b = t.split_at(v, rng)
    who = rng.choice(("小美", "客服", "Coco"))
    hh, mm = rng.randint(8, 22), rng.randint(0, 58)
    lines = [
        f"{who} {hh:02d}:{mm:02d}",
        t.financial(a),
        f"{who} {hh:02d}:{mm + 1:02d}",
        t.financial(b),
    ]
    return "\n".join(lines), "（两条连起来）" if lang == "zh" else "(join my two lines)"


def _chat_recalled_phone(rng: random.Random, v: str, lang: str) -> tuple[str, str]:
    a, b = t.split_at(v, rng)
    who = rng.choice(("小美", "客服"))
    hh, mm = rng.randint(8, 22), rng.randint(0, 55)
    recalled = "撤回了一条消息" if lang == "zh" else "unsent a message"
    typo = "刚才发错了" if lang == "zh" else "wrong one, sorry"
    lines = [
        f"[{hh:02d}:{mm:02d}] {who}: {t.financial(a)}",
        f"[{hh:02d}:{mm:02d}] {who} {recalled}",
        f"[{hh:02d}:{mm + 1:02d}] {who}: {typo}",
        f"[{hh:02d}:{mm + 2:02d}] {who}: {t.financial(b)}",
    ]
    return "\n".join(lines), "（号码分两条发的）" if lang == "zh" else "(number in two parts)"


def _script(script: str) -> Disguise:
    def make(rng: random.Random, v: str, lang: str) -> tuple[str, str]:
        _, zh, en = t.SCRIPT_DIGITS[script]
        return t.script_digits(v, script), f"（{zh}）" if lang == "zh" else f"({en})"

    return make


def _signature_circled(rng: random.Random, v: str, lang: str) -> tuple[str, str]:
    return f"{t.double_circled(v[:3])} {t.double_circled(v[3:7])} {t.double_circled(v[7:])}", ""


def _reversed_thai(rng: random.Random, v: str, lang: str) -> tuple[str, str]:
    return t.thai_fancy(
        t.reverse(v)
    ), "（倒着读，花体字）" if lang == "zh" else "(backwards, fancy font)"


def _wa_country(rng: random.Random, v: str, lang: str) -> tuple[str, str]:
    for cc, _, _, zh, en in WHATSAPP:
        if v.startswith(cc):
            rest = t.double_circled(v[len(cc) :])
            return (f"{zh}号码 {rest}", "") if lang == "zh" else (f"{en} number {rest}", "")
    raise ValueError(v)


def line_id(rng: random.Random) -> str:
    return f"{rng.choice(SYLLABLES)}.{rng.choice(SYLLABLES)}{rng.randint(10, 999)}"


def _qq_mongolian_chat(rng: random.Random, v: str, lang: str) -> tuple[str, str]:
    a, b = t.split_at(v, rng)
    who = rng.choice(("阿杰", "Vivi", "客服"))
    hh, mm = rng.randint(8, 22), rng.randint(0, 58)
    lines = [
        f"[{hh:02d}:{mm:02d}] {who}: {t.script_digits(a, 'mongolian')}",
        f"[{hh:02d}:{mm + 1:02d}] {who}: {t.script_digits(b, 'mongolian')}",
    ]
    note = "（蒙古文数字，两条连起来）" if lang == "zh" else "(Mongolian digits, join the two)"
    return "\n".join(lines), note


def _khmer_signature(rng: random.Random, v: str, lang: str) -> tuple[str, str]:
    groups = " ".join(t.script_digits(g, "khmer") for g in (v[:3], v[3:7], v[7:]))
    who = rng.choice(("王经理", "Kevin Liu", "李总"))
    return f"--\n{who}\nMob: {groups}", "（高棉数字）" if lang == "zh" else "(Khmer digits)"


def _tme_squiggle(rng: random.Random, v: str, lang: str) -> tuple[str, str]:
    word, note = rng.choice(t.ZH_DOTS), ""
    if word in t.ZH_DOT_NOTES:
        note = t.ZH_DOT_NOTES[word]
    fancy = "（花体字）" if lang == "zh" else "(fancy font)"
    return f"t {word} me/{t.squiggle(v)}", fancy + note


def _line_squiggle_dot_word(rng: random.Random, v: str, lang: str) -> tuple[str, str]:
    a, b = v.split(".", 1)
    word = rng.choice(t.ZH_DOTS)
    hint = (
        "（ID 里有个英文句点，字母是花体）"
        if lang == "zh"
        else f"({word} = . inside the id; fancy font)"
    )
    return f"{t.squiggle(a)} {word} {t.squiggle(b)}", hint


def handle_families() -> dict[str, Builder]:
    return {
        "h_wechat_profile_fields_squiggle": block_handle_family(
            "wechat", ("profile_fields", "squiggle"), _profile, wechat_id
        ),
        "h_wechat_thai_fancy_financial": handle_family(
            "wechat", ("thai_fancy", "financial_numerals"), _thai_financial, wechat_id
        ),
        "h_wechat_zh_letter_names_circled": handle_family(
            "wechat",
            ("zh_letter_names", "double_circled_digits"),
            _letter_names_circled,
            wechat_id,
            langs=("zh",),
        ),
        "h_wechat_emoji_legend_khmer": handle_family(
            "wechat", ("emoji_legend", "khmer_digits"), _legend_khmer, wechat_id
        ),
        "h_wechat_key_value_squiggle": block_handle_family(
            "wechat",
            ("key_value_config", "squiggle"),
            _key_value,
            wechat_id,
            surfaces=("bio", "post", "chat"),
        ),
        "h_qq_cards_profile_fields": block_handle_family(
            "qq", ("card_digits", "profile_fields"), _cards_profile, lambda r: qq_number(r, False)
        ),
        "h_qq_fullstop_digits_reversed": handle_family(
            "qq", ("fullstop_digits", "reversed_hint"), _stop_digits_reversed, qq_number
        ),
        "h_qq_chat_financial": block_handle_family(
            "qq", ("chat_log", "financial_numerals"), _chat_financial, qq_number, surfaces=("chat",)
        ),
        "h_qq_mongolian_chat": block_handle_family(
            "qq",
            ("mongolian_digits", "chat_log"),
            _qq_mongolian_chat,
            qq_number,
            surfaces=("chat",),
        ),
        "h_phone_khmer_signature": block_handle_family(
            "phone",
            ("khmer_digits", "email_signature", "grouped"),
            _khmer_signature,
            cn_phone,
            surfaces=("bio", "post", "comment"),
        ),
        "h_phone_double_circled_groups": handle_family(
            "phone", ("double_circled_digits", "grouped"), _signature_circled, cn_phone
        ),
        "h_phone_chat_recalled_financial": block_handle_family(
            "phone",
            ("chat_log", "recalled_message", "financial_numerals"),
            _chat_recalled_phone,
            cn_phone,
            surfaces=("chat",),
        ),
        "h_telegram_tme_squiggle_dot_word": handle_family(
            "telegram", ("tme_link", "zh_dot_word", "squiggle"), _tme_squiggle, telegram_id
        ),
        "h_telegram_reversed_thai": handle_family(
            "telegram", ("reversed_hint", "thai_fancy"), _reversed_thai, telegram_id
        ),
        "h_whatsapp_country_name_circled": handle_family(
            "whatsapp", ("country_name_code", "double_circled_digits"), _wa_country, _wa
        ),
        "h_line_squiggle_dot_word": handle_family(
            "line", ("zh_dot_word", "squiggle"), _line_squiggle_dot_word, line_id
        ),
    }


# ---- should-review -------------------------------------------------------------------------


def _review_host(
    tricks: tuple[str, ...],
    make: Callable[[random.Random, str, str, str], str],
    accept: Callable[[str], bool] | None = None,
) -> Builder:
    def build(rng: random.Random, pools: Pools, i: int) -> Case:
        h = pools.host(rng, (lambda x: accept(x.name)) if accept else None)
        lang = ("zh", "en")[i % 2]
        tpl = link_template(rng, lang, h.category)
        text = make(rng, h.name, h.tld, lang)
        return Case(
            id="",
            family="",
            group="",
            kind="host",
            surface=rng.choice(("post", "chat", "comment", "bio")),
            lang=lang,
            text=tpl.format(v=text),
            expected=(h.host,),
            harmful=True,
            source=h.source,
            key=tpl.format(v=h.host),
            tricks=tricks,
        )

    return build


def _face_down(rng: random.Random, name: str, tld: str, lang: str) -> str:
    digits = [k for k, c in enumerate(name) if c.isdigit()]
    k = rng.choice(digits)
    shown = t.cards(name[:k], rng) + t.CARD_BACK + t.cards(name[k + 1 :], rng)
    return f"{shown}.{tld} " + (
        "（扣着的那张自己猜）" if lang == "zh" else "(guess the face-down card)"
    )


def _recalled_tld(rng: random.Random, name: str, tld: str, lang: str) -> str:
    if lang == "zh":
        return f"\n[21:03] 客服: {name}\n[21:03] 客服 撤回了一条消息\n[21:04] 客服: 后缀刚撤回了，私聊问"  # noqa: E501
    return f"\n[21:03] Mia: {name}\n[21:03] Mia unsent a message\n[21:04] Mia: ending deleted, DM me for it"  # noqa: E501


def _head_in_avatar(rng: random.Random, name: str, tld: str, lang: str) -> str:
    tail = name[-3:]
    if lang == "zh":
        return f"网址前半截看我头像，后半截是 {tail} 点 {tld}"
    return f"first half of the site is in my profile pic, then {tail} dot {tld}"


def _kaomoji_mask(rng: random.Random, name: str, tld: str, lang: str) -> str:
    k = rng.randint(1, max(1, len(name) - 3))
    return f"{name[:k]}(ﾉ◕ヮ◕)ﾉ{name[k + 2 :]}.{tld} " + (
        "（中间两个字母懂的都懂）" if lang == "zh" else "(you know the two letters)"
    )


def _review_handle(
    kind: str,
    tricks: tuple[str, ...],
    texts: dict[str, tuple[tuple[str, str], ...]],
    make_id: Callable[[random.Random], str],
) -> Builder:
    """``texts``: (the message, the message as it would read with the whole id given)."""

    def build(rng: random.Random, pools: Pools, i: int) -> Case:
        value = make_id(rng)
        lang = ("zh", "en")[i % 2]
        k = rng.randint(3, len(value) - 2)
        shown, plain = rng.choice(texts[lang])
        return Case(
            id="",
            family="",
            group="",
            kind=kind,
            surface=rng.choice(("post", "chat", "bio", "comment")),
            lang=lang,
            text=shown.format(tail=value[k:]),
            expected=(value,),
            harmful=True,
            key=plain.format(id=value),
            tricks=tricks,
        )

    return build


NICKNAME_TEXTS: dict[str, tuple[tuple[str, str], ...]] = {
    "zh": (
        (
            "卡商直供 实名手机卡 批量接码 飞机 @ 我昵称的拼音 + {tail}",
            "卡商直供 实名手机卡 批量接码 飞机 @{id}",
        ),
        ("高价收黑U 跑分日结 TG：我昵称拼音 + {tail}", "高价收黑U 跑分日结 TG：@{id}"),
        ("代开各类发票 增值税专票 飞机：昵称拼音加{tail}", "代开各类发票 增值税专票 飞机：@{id}"),
    ),
    "en": (
        (
            "Cash App flip $100 → $1,000 in an hour, legit 💯 tg @ my nickname + {tail}",
            "Cash App flip $100 → $1,000 in an hour, legit 💯 tg @{id}",
        ),
        (
            "selling verified SIM cards for OTP, telegram: my nick then {tail}",
            "selling verified SIM cards for OTP, telegram: @{id}",
        ),
    ),
}
AVATAR_TEXTS: dict[str, tuple[tuple[str, str], ...]] = {
    "zh": (
        ("裸聊 一对一 加V：我头像上的字母 + {tail}", "裸聊 一对一 加V：{id}"),
        ("网赌回血 黑U出售 微信 头像上的英文 + {tail}", "网赌回血 黑U出售 微信 {id}"),
    ),
    "en": (
        (
            "nudes for sale, wechat: the letters on my avatar + {tail}",
            "nudes for sale, wechat: {id}",
        ),
        (
            "cheap gift card codes (stolen, use fast) wechat: avatar letters then {tail}",
            "cheap gift card codes (stolen, use fast) wechat: {id}",
        ),
    ),
}


def review_families() -> dict[str, Builder]:
    return {
        "r_face_down_card_digit": _review_host(
            ("card_digits", "card_back_mask"), _face_down, t.card_safe
        ),
        "r_tld_recalled_in_chat": _review_host(("chat_log", "recalled_message"), _recalled_tld),
        "r_host_head_in_avatar": _review_host(
            ("part_in_picture",), _head_in_avatar, lambda n: len(n) >= 6
        ),
        "r_kaomoji_mask_no_legend": _review_host(
            ("kaomoji_mask",), _kaomoji_mask, lambda n: len(n) >= 6
        ),
        "r_telegram_id_from_nickname": _review_handle(
            "telegram", ("id_from_unstated_nickname",), NICKNAME_TEXTS, telegram_id
        ),
        "r_wechat_id_from_avatar": _review_handle(
            "wechat", ("id_from_picture",), AVATAR_TEXTS, wechat_id
        ),
    }


# ---- benign ----------------------------------------------------------------------------------


@cache
def _sms_ham(data: Path) -> tuple[str, ...]:
    return tuple(x for lab, x in sms(data) if lab == "ham" and len(x) > 20)


@cache
def _youtube_ham(data: Path) -> tuple[str, ...]:
    return tuple(x for lab, x in youtube(data) if lab == "0" and len(x) > 20)


@cache
def _weibo_posts(data: Path) -> tuple[str, ...]:
    out = []
    with (data / "weibo-rumor-ced" / "posts.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            if row.get("label") == "non-rumor" and not row.get("has_url"):
                out.append(row["text"])
    return tuple(out)


BAD_WORDS = (
    "porn", "sex", "bet", "casino", "xxx", "xvideo", "hub", "cam", "adult", "slot", "poker", "tube",
    "ads", "cdn", "track", "click", "pixel", "analytic", "metric", "tag", "sync", "bid", "rtb",
)  # fmt: skip
"""Popular names kept out of the benign hosts: adult or gambling words, and ad or tracking
infrastructure (a feed may list it, and nobody writes it in a message)."""


@cache
def _clean_hosts(data: Path) -> tuple[str, ...]:
    listed = {h.host for h in Pools(data).hosts}
    out = []
    with (data / "tranco-top-100k" / "tranco_top_100k.tsv").open(
        encoding="utf-8", newline=""
    ) as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            host = row["domain"]
            name, _, tld = host.partition(".")
            if int(row["rank"]) > 2000 or tld not in ("com", "org", "net") or not name.isalpha():
                continue
            if host in listed or name.startswith("ad") or any(w in host for w in BAD_WORDS):
                continue
            out.append(host)
    return tuple(out)


def _benign(
    make: Callable[[random.Random, Pools], tuple[str, str, str]],
    tricks: tuple[str, ...],
    surfaces: tuple[str, ...] = ("post", "comment", "chat", "bio"),
) -> Builder:
    def build(rng: random.Random, pools: Pools, i: int) -> Case:
        text, lang, source = make(rng, pools)
        return Case(
            id="",
            family="",
            group="",
            kind="none",
            surface=rng.choice(surfaces),
            lang=lang,
            text=text,
            expected=(),
            source=source,
            key=text,
            tricks=tricks,
        )

    return build


def _pick(rows: tuple[str, ...], rng: random.Random, rel: str, lang: str) -> tuple[str, str, str]:
    k = rng.randrange(len(rows))
    return rows[k], lang, f"{rel}:{k}"


def b_sms(rng: random.Random, pools: Pools) -> tuple[str, str, str]:
    return _pick(_sms_ham(pools.data), rng, "sms-spam-collection/sms_spam.tsv#ham", "en")


def b_youtube(rng: random.Random, pools: Pools) -> tuple[str, str, str]:
    return _pick(
        _youtube_ham(pools.data), rng, "youtube-spam-collection/youtube_spam.csv#ham", "en"
    )


def b_weibo(rng: random.Random, pools: Pools) -> tuple[str, str, str]:
    return _pick(_weibo_posts(pools.data), rng, "weibo-rumor-ced/posts.jsonl#non-rumor", "zh")


def b_clean_hosts(rng: random.Random, pools: Pools) -> tuple[str, str, str]:
    hosts = _clean_hosts(pools.data)
    k = rng.randrange(len(hosts))
    host = hosts[k]
    name, tld = host.split(".")
    forms = (
        f"工作资料都放在 {name} 点 {tld} 上了，你登录看看",
        f"I bought it on {host} last week, delivery took 3 days",
        f"官网是 {name}.{tld}，不是那些山寨的",
        f"Check their docs at https://{host}/ (v2.3 changed the API)",
        f"{name} 英文句号 {tld} 上有中文版说明书",
    )
    return rng.choice(forms), "mixed", f"tranco-top-100k/tranco_top_100k.tsv:{host}"


def b_time_country(rng: random.Random, pools: Pools) -> tuple[str, str, str]:
    a, b = rng.sample([zh for zh, _ in t.COUNTRIES.values()], 2)
    h = rng.randint(1, 11)
    forms = (
        f"今晚{h}点 {a}对{b}，比分我猜2:1",
        f"明天早上{h}点 {a}航班落地，记得接机",
        f"{h}点半 {a}馆门口集合，别迟到",
        f"我们{h}点 日本料理店见，{a}朋友也来",
        f"Tonight at {h} pm: Japan vs Brazil, kickoff 20:45, 2.5 goals line",
    )
    return rng.choice(forms), "zh", "generated"


def b_financial_receipts(rng: random.Random, pools: Pools) -> tuple[str, str, str]:
    n = rng.randint(100, 9999)
    cap = t.financial(str(n))
    forms = (
        f"收据：今收到王先生押金人民币 {cap} 元整（¥{n}.00）",
        f"合计金额（大写）：{cap}元整，小写 ¥{n}.00，开票日期 2026.11.{rng.randint(10, 30)}",
        f"借条 今借到 李四 现金 {cap} 圆整，于 2027.0{rng.randint(1, 9)}.01 前归还",
    )
    return rng.choice(forms), "zh", "generated"


def b_card_talk(rng: random.Random, pools: Pools) -> tuple[str, str, str]:
    hand = t.cards("".join(str(rng.randint(1, 9)) for _ in range(3)), rng)
    forms = (
        f"德州扑克复盘：翻牌 {hand}，我 all in，对面 2.5 倍加注",
        f"Poker night recap: flop {hand}, pot 12.50, I folded like a coward",
        f"斗地主 {hand} 这手牌怎么打？顺子还是炸？",
    )
    return rng.choice(forms), "mixed", "generated"


def b_numbered_steps(rng: random.Random, pools: Pools) -> tuple[str, str, str]:
    steps_zh = ("打开设置", "点击 Wi-Fi", "选择 5G 网络", "输入密码", "重启路由器", "点 确定")
    steps_en = (
        "Open Settings",
        "Tap Wi-Fi",
        "Choose the 5G network",
        "Enter the password",
        "Restart the router",
    )
    steps = rng.choice((steps_zh, steps_en))
    n = rng.randint(3, len(steps))
    style = rng.choice(("stop", "circled"))
    mark = t.fullstop_digit if style == "stop" else (lambda c: t.double_circled(c))
    text = " ".join(f"{mark(str(k + 1))} {s}" for k, s in enumerate(steps[:n]))
    return text, "mixed", "generated"


def b_config_csv(rng: random.Random, pools: Pools) -> tuple[str, str, str]:
    forms = (
        f"[server]\nhost = localhost\nport = {rng.choice((8080, 5432, 6379))}\ntimeout = {rng.randint(1, 9)}.5",  # noqa: E501
        f"sku,name,price\nA{rng.randint(1, 9)}.0{rng.randint(1, 9)},Widget,{rng.randint(1, 99)}.99\nB2.10,Gadget,4.50",  # noqa: E501
        "version=1.2.3\nbuild=2026.12.07\nchannel=stable",
        f"站名,后缀\n北京南,站\n上海虹桥,站\n（G{rng.randint(1, 999)} 次列车时刻表）",
    )
    return rng.choice(forms), "mixed", "generated"


def b_company_signatures(rng: random.Random, pools: Pools) -> tuple[str, str, str]:
    hosts = _clean_hosts(pools.data)
    host = hosts[rng.randrange(len(hosts))]
    first = rng.choice(("anna", "wei", "tom", "li", "maria"))
    return (
        f"Best regards,\n{first.capitalize()} Chen\nSenior Analyst\n{first}.chen@{host} | +1 415 555 {rng.randint(1000, 9999)}",  # noqa: E501
        "en",
        f"tranco-top-100k/tranco_top_100k.tsv:{host}",
    )


def b_files_tracking(rng: random.Random, pools: Pools) -> tuple[str, str, str]:
    num = "SF" + "".join(str(rng.randint(0, 9)) for _ in range(13))
    forms = (
        f"附件：2026年度报告_v{rng.randint(1, 5)}.final.docx，请查收",
        f"您的快件 {num} 已由本人签收，感谢使用顺丰速运",
        f"IMG_{rng.randint(1000, 9999)}.JPG and setup.py are in the shared folder",
        f"下载完成：readme.md、config.yaml、data_{rng.randint(1, 9)}.csv",
    )
    return rng.choice(forms), "mixed", "generated"


def b_science_scores(rng: random.Random, pools: Pools) -> tuple[str, str, str]:
    forms = (
        "C6H12O6 分子量 180.16，pH 7.4 缓冲液里溶解",
        f"Final score 3-1, xG 2.{rng.randint(0, 9)} vs 0.8, man of the match rated 8.5",
        "解方程 x² - 5x + 6 = 0，得 x = 2 或 x = 3。",
        f"NaCl.2H2O 结晶，收率 {rng.randint(60, 95)}.{rng.randint(0, 9)}%",
        f"iOS 17.{rng.randint(0, 6)}.1 更新后电池掉到 8{rng.randint(0, 9)}%",
    )
    return rng.choice(forms), "mixed", "generated"


def b_replace_talk(rng: random.Random, pools: Pools) -> tuple[str, str, str]:
    sym = rng.choice(t.REPLACE_SYMBOLS)
    forms = (
        f"模板里的{sym}换成你的名字，然后发给我",
        f"replace the {sym} with your own photo before posting",
        "英文句号和中文句号别混着用，论文格式要统一",
        "小黑点是重点符号，考试前把书上画小黑点的背一遍",
        f"{t.zh_letter_names('abc')}，小朋友跟我一起念英文字母",
    )
    return rng.choice(forms), "zh", "generated"


def benign_families() -> dict[str, Builder]:
    return {
        "b_real_sms_ham": _benign(b_sms, ("real",)),
        "b_real_youtube_ham": _benign(b_youtube, ("real",), ("comment",)),
        "b_real_weibo_posts": _benign(b_weibo, ("real",), ("post", "comment")),
        "b_clean_popular_hosts": _benign(b_clean_hosts, ("popular_host", "zh_dot_word")),
        "b_time_before_country": _benign(b_time_country, ("dian_time", "country_names")),
        "b_financial_receipts": _benign(b_financial_receipts, ("financial_numerals",)),
        "b_card_faces_talk": _benign(b_card_talk, ("card_digits",)),
        "b_numbered_steps_stop_digits": _benign(
            b_numbered_steps, ("fullstop_digits", "double_circled")
        ),
        "b_config_and_csv": _benign(b_config_csv, ("key_value", "csv")),
        "b_company_signatures": _benign(b_company_signatures, ("email_signature",)),
        "b_files_and_tracking": _benign(b_files_tracking, ("file_names", "tracking_numbers")),
        "b_science_scores_versions": _benign(b_science_scores, ("chemistry", "scores", "versions")),
        "b_replace_and_dot_word_talk": _benign(
            b_replace_talk, ("replace_symbol", "zh_dot_word", "zh_letter_names")
        ),
    }
