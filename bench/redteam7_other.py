"""Red team 7: handle, should-review and benign families.

Handles are real-shaped (WeChat, Telegram and LINE ids as their apps allow, QQ numbers, mainland
mobiles and WhatsApp numbers ``phonenumbers`` calls valid) under the tricks of
``bench/redteam7_tricks.py`` and cues no earlier red team used. Should-review families are
harmful wordings the earlier teams did not try, beside a plain id, or a listed host half
hidden (the benign families are in ``bench/redteam7_benign.py``).
"""

from __future__ import annotations

import random
from collections.abc import Callable

from bench import redteam7_tricks as T
from bench.redteam7 import SURFACES, Builder, Case, Pools

HARMFUL = {
    "zh": ["百家乐带玩 稳赢不输", "同城约 私聊有惊喜", "福利视频 加我看", "彩金天天送 首充翻倍"],
    "en": [
        "casino tips, win daily",
        "hot pics and videos",
        "sugar baby wanted",
        "18+ content here",
    ],
}
NEUTRAL = {
    "zh": ["有事联系", "交个朋友", "代购咨询", "课程报名"],
    "en": ["contact me", "let's chat", "orders and questions", "bookings"],
}
CUES = {
    "wechat": {"zh": ["微信：", "加微信 ", "VX："], "en": ["WeChat: ", "wechat id "]},
    "qq": {"zh": ["QQ：", "扣扣 ", "加QQ "], "en": ["QQ: ", "add my QQ "]},
    "telegram": {"zh": ["飞机：", "TG：", "电报 "], "en": ["Telegram: ", "TG ", "tg: "]},
    "whatsapp": {"zh": ["WhatsApp：", "WA："], "en": ["WhatsApp ", "WhatsApp me: "]},
    "line": {"zh": ["LINE ID：", "賴：", "加LINE "], "en": ["LINE id: ", "add me on LINE: "]},
    "phone": {"zh": ["电话：", "手机 ", "联系电话 "], "en": ["call ", "phone: ", "text me on "]},
}
HANDLE_TEMPLATES = {
    "username": ("{c}{h}", "{c}{h}"),
    "display_name": ("{w}丨{c}{h}", "{w} | {c}{h}"),
    "bio": ("{w}，{c}{h} {hint}", "{w} - {c}{h} {hint}"),
    "post": ("{w}！{c}{h} {hint} 速来", "{w}! {c}{h} {hint} don't miss it"),
    "comment": ("同问，{w}，{c}{h} {hint}", "same here. {w}, {c}{h} {hint}"),
    "chat": (
        "[22:{mm}] 阿杰: {w}\n[22:{mm}] 阿杰: {c}{h} {hint}",
        "[10:{mm} PM] Mike: {w}\n[10:{mm} PM] Mike: {c}{h} {hint}",
    ),
    "livestream": ("🔴直播｜{w}｜{c}{h} {hint}", "🔴 LIVE | {w} | {c}{h} {hint}"),
    "listing": (
        "【出】游戏账号 ¥{p}，{w}，{c}{h} {hint}",
        "FOR SALE: game account ${p}, {w}, {c}{h} {hint}",
    ),
    "map_place": ("{w}工作室 {c}{h} {hint}", "{w} studio {c}{h} {hint}"),
}

WECHAT_HEADS = (
    "lucky",
    "meimei",
    "xiaoyu",
    "kefu",
    "tianmi",
    "haoyun",
    "jiajia",
    "coco",
    "momo",
    "yuyu",
    "abao",
    "dafa",
    "bobo",
    "sunny",
    "kitty",
)
TG_HEADS = ("kiki", "lucky", "crypto", "meili", "baobao", "ace", "nana", "sugar", "fast", "rich")
LINE_HEADS = ("mimi", "lucky", "aoi", "sakura", "nana", "kiki", "momo", "yuki")
WA_REGIONS = (("44", "7", 9), ("65", "89", 7), ("60", "1", 8), ("63", "9", 9), ("1", "2345678", 9))


def _valid(e164: str) -> bool:
    import phonenumbers

    try:
        return bool(phonenumbers.is_valid_number(phonenumbers.parse("+" + e164)))
    except phonenumbers.NumberParseException:
        return False


def make_id(kind: str, rng: random.Random) -> str:
    """A real-shaped id of ``kind`` (digits only for qq, phone and whatsapp)."""
    if kind == "wechat":
        return f"{rng.choice(WECHAT_HEADS)}{rng.choice(('_', '', '-'))}{rng.randrange(10, 99999)}"
    if kind == "telegram":
        tail = rng.choice(("vip", "club", "hk", "usdt", "bot"))
        return f"{rng.choice(TG_HEADS)}_{tail}{rng.randrange(1, 999)}"
    if kind == "line":
        return f"{rng.choice(LINE_HEADS)}{rng.choice(('', '.', '_'))}{rng.randrange(10, 9999)}"
    if kind == "qq":
        return str(rng.randrange(10**7, 4 * 10**9))
    for _ in range(500):
        if kind == "phone":
            n = "1" + rng.choice("3456789") + "".join(rng.choice("0123456789") for _ in range(9))
            if _valid("86" + n):
                return n
        else:
            cc, first, rest = rng.choice(WA_REGIONS)
            n = cc + rng.choice(first) + "".join(rng.choice("0123456789") for _ in range(rest))
            if _valid(n):
                return n
    raise RuntimeError(f"no valid {kind} number")


Render = Callable[[str, random.Random, str], tuple[str, str, list[str]]]
"""(id, rng, lang) -> (cue, disguised id, hints)."""


def _cue(kind: str, rng: random.Random, lang: str) -> str:
    return rng.choice(CUES[kind][lang])


def _display(kind: str, ident: str) -> str:
    """A WhatsApp number as people write it (``+44 7500 590996``)."""
    return "+" + ident if kind == "whatsapp" else ident


def styled(table: dict[str, str], share: float) -> Callable[[str], Render]:
    def make(kind: str) -> Render:
        def r(ident: str, rng: random.Random, lang: str) -> tuple[str, str, list[str]]:
            return _cue(kind, rng, lang), T.letters(ident, table, rng, share), []

        return r

    return make


def digit_style(style: str, hint_always: bool = False) -> Callable[[str], Render]:
    def make(kind: str) -> Render:
        def r(ident: str, rng: random.Random, lang: str) -> tuple[str, str, list[str]]:
            shown = _display(kind, ident)
            out = T.digits(shown, style, rng) if style != "sum" else _sum_whole(shown, rng, kind)
            hints = []
            if hint_always or rng.random() < 0.5:
                en, zh = T.DIGIT_HINTS[style]
                hints.append(zh if lang == "zh" else en)
            return _cue(kind, rng, lang), out, hints

        return r

    return make


def _sum_whole(shown: str, rng: random.Random, kind: str) -> str:
    """QQ as one sum; a phone as 3-4-4 groups with the middle one a sum."""
    if kind == "qq":
        n = int(shown)
        a = rng.randrange(n // 3, n - 1)
        return f"({a}+{n - a})"
    head, mid, tail = shown[:3], shown[3:7], shown[7:]
    m = int(mid)
    if m < 20 or mid.startswith("0"):
        return (
            f"{head} {mid} ({int(tail) - 7}+7)"
            if not tail.startswith("0")
            else f"{head} {mid} {tail}"
        )
    a = rng.randrange(1, m)
    return f"{head} ({a}+{m - a}) {tail}"


def _zh_letter_names(kind: str) -> Render:
    def r(ident: str, rng: random.Random, lang: str) -> tuple[str, str, list[str]]:
        cue = rng.choice(
            ("达不溜艾克斯：", "打不溜爱克斯 ", "达布溜·艾克斯：", "W（达不溜）X（艾克斯）：")
        )
        return cue, ident, []

    return r


def _penguin(kind: str) -> Render:
    def r(ident: str, rng: random.Random, lang: str) -> tuple[str, str, list[str]]:
        cue = rng.choice(
            (
                "add me on the penguin app: ",
                "penguin chat ",
                "find me on the penguin messenger, number ",
                "the penguin app → ",
            )
        )
        return cue, ident, []

    return r


def _as_in(kind: str) -> Render:
    def r(ident: str, rng: random.Random, lang: str) -> tuple[str, str, list[str]]:
        return _cue(kind, rng, lang), T.spell_as_in(ident, lang), []

    return r


def _insert(kind: str) -> Render:
    def r(ident: str, rng: random.Random, lang: str) -> tuple[str, str, list[str]]:
        for k in range(2, len(ident) - 1):
            a, c, b = ident[k - 1], ident[k], ident[k + 1]
            rest = ident[:k] + ident[k + 1 :]
            if c.isalpha() and rest.count(a + b) == 1 and a != c != b:
                hint = (
                    f"（{a}和{b}之间补一个{c}）"
                    if lang == "zh"
                    else f"(put the {c} back between {a} and {b})"
                )
                return _cue(kind, rng, lang), rest, [hint]
        raise ValueError(ident)

    return r


def _numbered(kind: str) -> Render:
    def r(ident: str, rng: random.Random, lang: str) -> tuple[str, str, list[str]]:
        shown = _display(kind, ident)
        a = rng.randrange(1, len(shown) - 1)
        b = rng.randrange(a + 1, len(shown))
        pieces = [shown[:a], shown[a:b], shown[b:]]
        order = [0, 1, 2]
        while order == [0, 1, 2]:
            rng.shuffle(order)
        labels = (
            ("①", "②", "③")
            if lang == "zh"
            else rng.choice((("(1)", "(2)", "(3)"), ("#1", "#2", "#3")))
        )
        hint = "（按序号拼起来）" if lang == "zh" else "(put the pieces in order)"
        return _cue(kind, rng, lang), "  ".join(f"{labels[i]} {pieces[i]}" for i in order), [hint]

    return r


def _mirror(kind: str) -> Render:
    def r(ident: str, rng: random.Random, lang: str) -> tuple[str, str, list[str]]:
        hint = "（镜像字，照镜子读）" if lang == "zh" else "(mirror writing: hold it to a mirror)"
        return _cue(kind, rng, lang), T.mirror(ident), [hint]

    return r


def _interleave(kind: str) -> Render:
    def r(ident: str, rng: random.Random, lang: str) -> tuple[str, str, list[str]]:
        gap = "好运来发财旺福" if lang == "zh" else "qxzjkvw"
        hint = "（隔一个字读一个）" if lang == "zh" else "(read every other character)"
        return _cue(kind, rng, lang), "".join(ch + rng.choice(gap) for ch in ident), [hint]

    return r


def _code_join(kind: str) -> Render:
    def r(ident: str, rng: random.Random, lang: str) -> tuple[str, str, list[str]]:
        head, _, tail = ident.partition("_")
        form = rng.choice(
            ("['{a}','{b}'].join('_')", '"_".join(["{a}", "{b}"])', "implode('_', ['{a}', '{b}'])")
        )
        return _cue(kind, rng, lang), form.format(a=head, b=tail), []

    return r


def _en_sound_digits(kind: str) -> Render:
    def r(ident: str, rng: random.Random, lang: str) -> tuple[str, str, list[str]]:
        words = [
            T.EN_SOUNDS.get(d) if rng.random() < 0.7 and d in T.EN_SOUNDS else T.EN_DIGITS[int(d)]
            for d in ident
        ]
        return _cue(kind, rng, "en"), "plus " + " ".join(w or "" for w in words), []

    return r


def _staircase(kind: str) -> Render:
    def r(ident: str, rng: random.Random, lang: str) -> tuple[str, str, list[str]]:
        return (
            _cue(kind, rng, lang),
            "\n" + "\n".join(" " * (2 * i) + d for i, d in enumerate(ident)),
            [],
        )

    return r


HANDLE_SPECS: dict[str, tuple[str, Callable[[str], Render], str]] = {
    "h_wechat_cue_letter_names_zh": ("wechat", _zh_letter_names, "zh"),
    "h_wechat_currency_id": ("wechat", styled(T.CURRENCY, 0.6), "both"),
    "h_wechat_faux_cyrillic_id": ("wechat", styled(T.FAUX_CYRILLIC, 0.7), "both"),
    "h_wechat_as_in_spelling": ("wechat", _as_in, "en"),
    "h_wechat_insert_letter": ("wechat", _insert, "both"),
    "h_wechat_numbered_pieces": ("wechat", _numbered, "both"),
    "h_wechat_zh_sound_digits": ("wechat", digit_style("zh_sounds", True), "zh"),
    "h_wechat_mirror": ("wechat", _mirror, "both"),
    "h_qq_dice": ("qq", digit_style("dice"), "both"),
    "h_qq_mahjong": ("qq", digit_style("mahjong"), "zh"),
    "h_qq_suzhou": ("qq", digit_style("suzhou", True), "zh"),
    "h_qq_penguin_app_en": ("qq", _penguin, "en"),
    "h_qq_sum": ("qq", digit_style("sum", True), "both"),
    "h_qq_clock_digits": ("qq", digit_style("clock"), "both"),
    "h_telegram_syllabics_id": ("telegram", styled(T.SYLLABICS, 0.7), "both"),
    "h_telegram_stroke_id": ("telegram", styled(T.STROKE, 0.7), "both"),
    "h_telegram_code_join": ("telegram", _code_join, "en"),
    "h_telegram_interleave": ("telegram", _interleave, "both"),
    "h_whatsapp_en_sound_digits": ("whatsapp", _en_sound_digits, "en"),
    "h_whatsapp_clock_digits": ("whatsapp", digit_style("clock"), "both"),
    "h_whatsapp_numbered_groups": ("whatsapp", _numbered, "both"),
    "h_line_cjk_shapes": ("line", styled(T.CJK_SHAPES, 0.6), "zh"),
    "h_line_as_in_spelling": ("line", _as_in, "en"),
    "h_phone_mahjong": ("phone", digit_style("mahjong"), "zh"),
    "h_phone_zh_sound_digits": ("phone", digit_style("zh_sounds", True), "zh"),
    "h_phone_suzhou": ("phone", digit_style("suzhou", True), "zh"),
    "h_phone_staircase": ("phone", _staircase, "both"),
    "h_phone_sum_groups": ("phone", digit_style("sum", True), "both"),
}


def _fill(rng: random.Random) -> dict[str, str]:
    return {"mm": f"{rng.randrange(60):02d}", "p": str(rng.randrange(50, 999))}


def _handle_builder(kind: str, make: Callable[[str], Render], langs: str) -> Builder:
    render = make(kind)

    def build(rng: random.Random, pools: Pools, i: int) -> Case:
        lang = langs if langs != "both" else ("zh" if i % 2 == 0 else "en")
        ident = make_id(kind, rng)
        while make is _insert and not _insertable(ident):
            ident = make_id(kind, rng)
        cue, shown, hints = render(ident, rng, lang)
        harmful = i % 2 == 1
        words = rng.choice((HARMFUL if harmful else NEUTRAL)[lang])
        multiline = "\n" in shown
        pool = (
            ("bio", "post", "comment")
            if multiline
            else (
                [s for s in SURFACES if s not in ("username", "display_name")]
                if hints or len(shown) > 24
                else SURFACES
            )
        )
        surface = rng.choice(pool)
        tpl = HANDLE_TEMPLATES[surface][0 if lang == "zh" else 1]
        fill = _fill(rng)
        text = tpl.format(c=cue, h=shown, hint=" ".join(hints), w=words, **fill).strip()
        plain_cue = CUES[kind][lang][0]
        key = tpl.format(c=plain_cue, h=_display(kind, ident), hint="", w=words, **fill).strip()
        return Case(
            id="",
            family="",
            group="handle",
            kind=kind,
            surface=surface,
            lang=lang,
            text=text,
            expected=(ident,),
            harmful=harmful,
            key=key,
        )

    return build


def _insertable(ident: str) -> bool:
    for k in range(2, len(ident) - 1):
        a, c, b = ident[k - 1], ident[k], ident[k + 1]
        if c.isalpha() and (ident[:k] + ident[k + 1 :]).count(a + b) == 1 and a != c != b:
            return True
    return False


def handle_families() -> dict[str, Builder]:
    return {name: _handle_builder(*spec) for name, spec in HANDLE_SPECS.items()}


REVIEW_WORDING: dict[str, tuple[str, tuple[str, ...], list[str]]] = {
    "r_laundering_slang_zh": (
        "zh",
        ("wechat", "telegram"),
        [
            "跑分平台招募U商 日结高佣",
            "USDT回U 上下分 秒到",
            "承兑商 收U出U 安全靠谱",
            "代收代付 码商合作 押金可谈",
        ],
    ),
    "r_fake_documents_en": (
        "en",
        ("telegram", "whatsapp"),
        [
            "fake passports and driver's licences, registered in the database",
            "buy diplomas and transcripts, fast delivery",
            "cloned cards with pin, ship worldwide",
            "fresh fullz, SSN + DOB, bulk discount",
        ],
    ),
    "r_brushing_jobs_zh": (
        "zh",
        ("qq", "wechat"),
        [
            "刷单兼职 点赞一单5元 日结",
            "宝妈在家兼职 手机做单 佣金秒返",
            "淘宝补单 垫付返款 日入300",
            "抖音点赞员招募 无需押金 当天结算",
        ],
    ),
    "r_sugar_allowance_en": (
        "en",
        ("whatsapp", "telegram", "line"),
        [
            "sugar daddy here, $2000 weekly allowance for my sugar baby",
            "looking for a sugar baby, allowance paid every Friday",
            "I pay $500 per meet, discreet",
            "spoil you weekly, no meetups needed, just chat",
        ],
    ),
}
MASKS = ("□", "*", "▢", "?", "_", "■")


def _review_handle_builder(lang: str, kinds: tuple[str, ...], wording: list[str]) -> Builder:
    def build(rng: random.Random, pools: Pools, i: int) -> Case:
        kind = kinds[i % len(kinds)]
        ident = make_id(kind, rng)
        surface = rng.choice([s for s in SURFACES if s != "username"])
        tpl = HANDLE_TEMPLATES[surface][0 if lang == "zh" else 1]
        cue = _cue(kind, rng, lang)
        text = tpl.format(
            c=cue, h=_display(kind, ident), hint="", w=rng.choice(wording), **_fill(rng)
        ).strip()
        return Case(
            id="",
            family="",
            group="review",
            kind=kind,
            surface=surface,
            lang=lang,
            text=text,
            expected=(ident,),
            harmful=True,
            key=text,
        )

    return build


def _masked_builder(rng: random.Random, pools: Pools, i: int) -> Case:
    from bench.redteam7_links import TEMPLATES, WORDS

    host = pools.host(rng, lambda h: len(h.name) >= 6)
    lang = "zh" if i % 2 == 0 else "en"
    mask = rng.choice(MASKS)
    a, b = sorted(rng.sample(range(1, len(host.name)), 2))
    name = host.name
    shown = name[:a] + mask + name[a + 1 : b] + mask + name[b + 1 :] + "." + host.tld
    surface = rng.choice([s for s in SURFACES if s != "username"])
    tpl = TEMPLATES[surface][0 if lang == "zh" else 1]
    fill = {"w": rng.choice(WORDS[host.category][lang]), **_fill(rng)}
    return Case(
        id="",
        family="",
        group="review",
        kind="host",
        surface=surface,
        lang=lang,
        text=tpl.format(h=shown, hint="", **fill).strip(),
        expected=(host.host,),
        harmful=True,
        source=host.source,
        key=tpl.format(h=host.host, hint="", **fill).strip(),
    )


def _withheld_builder(rng: random.Random, pools: Pools, i: int) -> Case:
    from bench.redteam7_links import WORDS

    host = pools.host(rng, lambda h: len(h.name) >= 5)
    lang = "zh" if i % 2 == 0 else "en"
    words = rng.choice(WORDS[host.category][lang])
    forms = (
        (
            "{w}，官网 {n} 点 后缀私聊问我",
            "{w}，网址{n}，后面自己加（懂的都懂）",
            "{w} 搜 {n} 加上常见后缀",
        )
        if lang == "zh"
        else (
            "{w} - site is {n} dot (ask me for the ending)",
            "{w}: {n} + the usual ending, dm me",
            "{w}, type {n} and you know what goes after the dot",
        )
    )
    text = rng.choice(forms).format(w=words, n=host.name)
    return Case(
        id="",
        family="",
        group="review",
        kind="host",
        surface=rng.choice(("post", "comment", "bio", "chat")),
        lang=lang,
        text=text,
        expected=(host.host,),
        harmful=True,
        source=host.source,
        key=text.replace(host.name, host.host, 1),
    )


def review_families() -> dict[str, Builder]:
    out = {name: _review_handle_builder(*spec) for name, spec in REVIEW_WORDING.items()}
    out["r_two_masked_characters"] = _masked_builder
    out["r_tld_withheld"] = _withheld_builder
    return out
