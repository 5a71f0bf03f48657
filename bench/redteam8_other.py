"""Red team 8: handle, should-review and benign families.

Handles: real-shaped WeChat, QQ, Telegram, WhatsApp, LINE ids and mainland phones, written with
the new disguises of :mod:`bench.redteam8_tricks` or behind new cues (``微亻言`` split into its
parts, tone-marked ``wēixìn``, ``瓦次艾普``), half of them beside harmful wording. Should-review:
harmful wordings no earlier team used (doxxing, date-rape drugs, carding, bank-card kits,
surrogacy and exam fraud) beside a plain id, a listed host with its digits hidden behind emoji,
and a punycode look-alike of a listed host. Benign: real clean text of the shared sets and
generated clean text that looks close (prices, poems, code, fancy names, Morse and Braille
hobby talk, Roman numerals, MIME subjects, real ``.gov`` sites under the same disguises).
"""

from __future__ import annotations

import random
from collections.abc import Callable

from bench import redteam8_tricks as t
from bench.redteam7 import SURFACES, Case, Pools
from bench.redteam8_text import LONG_SURFACES, real

Rng = random.Random
Builder = Callable[[Rng, Pools, int], Case]

SYLLABLES = (
    "mei", "lucky", "xiao", "yu", "an", "vip", "kefu", "jia", "ling", "nana", "haoyun", "tian",
    "bao", "qian", "fa", "mimi", "coco", "tt", "happy", "sweet",
)  # fmt: skip
WA_SHAPES = (("852", "569", 7), ("60", "1", 8), ("63", "9", 9), ("44", "7", 9), ("84", "9", 8))


def _digits(rng: Rng, n: int) -> str:
    return "".join(rng.choice("0123456789") for _ in range(n))


def new_id(rng: Rng, kind: str, no_zero: bool = False) -> tuple[str, str]:
    """(expected id, the id as written plainly in a message)."""
    if kind in ("wechat", "telegram", "line"):
        a, b = rng.sample(SYLLABLES, 2)
        sep = rng.choice(("", "_", "")) if kind != "line" else rng.choice(("", ".", "_"))
        v = f"{a}{sep}{b}{_digits(rng, rng.randint(2, 4))}"
        return v, v
    if kind == "qq":
        n = rng.randint(7, 10)
        v = rng.choice("123456789") + _digits(rng, n - 1)
        if no_zero:
            v = v.replace("0", rng.choice("123456789"))
        return v, v
    if kind == "whatsapp":
        cc, first, n = rng.choice(WA_SHAPES)
        nsn = rng.choice(first) + _digits(rng, n)
        return cc + nsn, f"+{cc} {nsn}"
    v = "1" + rng.choice("3456789") + _digits(rng, 9)
    return v, v


CUES: dict[str, dict[str, tuple[str, ...]]] = {
    "wechat": {"zh": ("微信", "V信", "vx", "薇"), "en": ("WeChat", "wechat id")},
    "qq": {"zh": ("QQ", "扣扣", "QQ号"), "en": ("QQ", "QQ no.")},
    "telegram": {"zh": ("TG", "电报", "Telegram"), "en": ("Telegram", "TG")},
    "whatsapp": {"zh": ("WhatsApp", "WA"), "en": ("WhatsApp", "whatsapp")},
    "line": {"zh": ("LINE", "line id"), "en": ("LINE", "Line ID")},
    "phone": {"zh": ("电话", "手机", "联系电话"), "en": ("call", "tel", "text me on")},
}
HARMFUL = {
    "zh": (
        "代理招募，高返佣，日结，联系{c}：{id}",
        "{c} {id} 私聊有福利🔞",
        "兼职刷单日赚300，宝妈学生都可以，{c}{id}",
        "USDT高息理财，导师带单，{c}：{id}",
        "同城上门服务，安全可靠，{c}：{id}",
    ),
    "en": (
        "fast loans no credit check, approved in 5 min, {c}: {id}",
        "hot girls available tonight 🔞 {c} {id}",
        "crypto signals 300% profit guaranteed, join {c} {id}",
        "casino agent wanted, high commission, {c}: {id}",
    ),
}
NEUTRAL = {
    "zh": ("二手闲置出，有意{c}{id}", "拼团的加我{c}：{id}", "组队开黑的加{c} {id}"),
    "en": ("selling my old bike, {c} {id}", "for band practice times ping me on {c} {id}"),
}
SHORT = {"zh": ("{c}:{id}", "有事{c}{id}", "{c} {id} 🌸"), "en": ("{c}: {id}", "{c} {id} ✨")}

IdFn = Callable[[Rng, str, str], tuple[str, str]]  # (rng, id as written, lang) -> (text, hint)


def plain(_rng: Rng, s: str, _lang: str) -> tuple[str, str]:
    return s, ""


def of(fn: t.Fn, hint_zh: str = "", hint_en: str = "") -> IdFn:
    return lambda rng, s, lang: (fn(rng, s), hint_zh if lang == "zh" else hint_en)


def digit_words(rng: Rng, s: str) -> str:
    """Each digit in English, as a Chinese numeral or as written (one number, three ways)."""
    en = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
    zh = "零一二三四五六七八九"
    out = []
    for ch in s:
        if ch.isdigit():
            r = rng.random()
            out.append(f" {en[int(ch)]} " if r < 0.34 else zh[int(ch)] if r < 0.67 else ch)
        else:
            out.append(ch)
    return " ".join("".join(out).split())


def lookalike_digits(rng: Rng, s: str) -> str:
    table = {"0": "O", "1": "l", "2": "Z", "5": "S", "8": "B"}
    return "".join(table[c] if c in table and rng.random() < 0.6 else c for c in s)


def digit_styles(rng: Rng, s: str) -> str:
    return "".join(
        rng.choice((t.SEGMENTED[c], chr(0xFF10 + int(c)), chr(0x1D7D8 + int(c)))) if c.isdigit()
        else c
        for c in s
    )  # fmt: skip


def percent_all(_rng: Rng, s: str) -> str:
    return "".join(f"%{b:02X}" for b in s.encode())


def enclose_digits(rng: Rng, s: str) -> str:
    return "".join(c + rng.choice(t.ENCLOSING) if c.isdigit() else c for c in s)


H = tuple[str, IdFn, Callable[[Rng, str, str], str] | None, tuple[str, ...], bool]
# kind, id disguise, cue override (rng, kind, lang) -> cue, tricks, no_zero


def cue_of(choices: tuple[str, ...]) -> Callable[[Rng, str, str], str]:
    return lambda rng, _kind, _lang: rng.choice(choices)


HANDLE_SPECS: dict[str, H] = {
    "h_wechat_rlo": ("wechat", of(t.rlo), None, ("rlo",), False),
    "h_wechat_zalgo": ("wechat", of(t.zalgo), None, ("zalgo",), False),
    "h_wechat_lisu": ("wechat", of(t.sub_letters(t.LISU)), None, ("lisu",), False),
    "h_wechat_rare_invisibles": ("wechat", of(t.invisibles), None, ("rare_invisibles",), False),
    "h_wechat_cue_chaizi": ("wechat", plain, cue_of(("微亻言", "威亻言", "薇亻言", "V亻言")), ("chaizi_cue",), False),  # noqa: E501
    "h_wechat_cue_tone_pinyin": ("wechat", plain, cue_of(("wēixìn", "Wēixìn hào", "wēi xìn")), ("tone_pinyin_cue",), False),  # noqa: E501
    "h_wechat_emoji_letters": ("wechat", of(t.emoji_letters), None, ("emoji_letters",), False),
    "h_wechat_style_salad": ("wechat", of(t.style_salad), None, ("style_salad",), False),
    "h_wechat_nato_chinese": ("wechat", of(lambda r, s: " ".join(t.NATO_ZH.get(c, c) for c in s), "北约字母取首字母，数字照抄", "NATO words in Chinese, first letters; digits as is"), None, ("nato_zh", "hint"), False),  # noqa: E501
    "h_qq_morse": ("qq", of(lambda r, s: t.morse(s), "摩斯密码", "Morse code"), None, ("morse", "hint"), False),  # noqa: E501
    "h_qq_pinyin_tone": ("qq", of(t.pinyin_digits), None, ("pinyin_digits",), False),
    "h_qq_segmented_digits": ("qq", of(t.digits_with(t.SEGMENTED)), None, ("segmented_digits",), False),  # noqa: E501
    "h_qq_lookalike_letters": ("qq", of(lookalike_digits), None, ("lookalike_digits",), False),
    "h_qq_roman_digits": ("qq", of(lambda r, s: " ".join(t.ROMAN_DIGITS[c] for c in s)), None, ("roman_digits",), True),  # noqa: E501
    "h_telegram_percent_path": ("telegram", of(lambda r, s: "t.me/" + percent_all(r, s)), None, ("percent_path",), False),  # noqa: E501
    "h_telegram_rot13": ("telegram", of(lambda r, s: "@" + t.caesar(s, 13), "ROT13", "ROT13"), None, ("rot13", "hint"), False),  # noqa: E501
    "h_telegram_base64": ("telegram", of(lambda r, s: t.b64("@" + s), "base64解码", "base64"), None, ("base64", "hint"), False),  # noqa: E501
    "h_telegram_mime_word": ("telegram", of(lambda r, s: t.mime_q("t.me/" + s)), None, ("mime_word",), False),  # noqa: E501
    "h_telegram_named_entities": ("telegram", of(lambda r, s: t.named_entities(rng_pick(r, ("t.me/", "@")) + s)), None, ("named_entities",), False),  # noqa: E501
    "h_whatsapp_mixed_language_digits": ("whatsapp", of(digit_words), None, ("mixed_language_digits",), False),  # noqa: E501
    "h_whatsapp_digit_styles": ("whatsapp", of(digit_styles), None, ("segmented_digits", "style_salad"), False),  # noqa: E501
    "h_whatsapp_cue_translit": ("whatsapp", plain, cue_of(("瓦次艾普", "瓦茨普", "瓦茨艾普")), ("translit_cue",), False),  # noqa: E501
    "h_line_braille": ("line", of(lambda r, s: "".join(t.BRAILLE.get(c, c) for c in s), "盲文，数字照抄", "Braille letters, digits as is"), None, ("braille", "hint"), False),  # noqa: E501
    "h_line_caesar": ("line", of(lambda r, s: t.caesar(s, 1), "字母往前退一位", "shift letters back by one"), None, ("caesar", "hint"), False),  # noqa: E501
    "h_phone_pinyin_yao": ("phone", of(t.pinyin_digits), None, ("pinyin_digits",), False),
    "h_phone_rlo": ("phone", of(t.rlo), None, ("rlo",), False),
    "h_phone_enclosing_marks": ("phone", of(enclose_digits), None, ("enclosing_marks",), False),
}  # fmt: skip


def rng_pick(rng: Rng, choices: tuple[str, ...]) -> str:
    return rng.choice(choices)


def _handle_text(rng: Rng, lang: str, surface: str, harmful: bool) -> str:
    if surface in ("username", "display_name", "map_place"):
        return rng.choice(SHORT[lang])
    return rng.choice((HARMFUL if harmful else NEUTRAL)[lang])


def make_handle(spec: H) -> Builder:
    kind, idfn, cue_fn, tricks, no_zero = spec

    def build(rng: Rng, pools: Pools, i: int) -> Case:
        lang = "zh" if i % 2 == 0 else "en"
        surface = SURFACES[rng.randrange(len(SURFACES))]
        harmful = surface not in ("username", "display_name", "map_place") and rng.random() < 0.5
        template = _handle_text(rng, lang, surface, harmful)
        cue = cue_fn(rng, kind, lang) if cue_fn else rng.choice(CUES[kind][lang])
        for _ in range(50):  # an id the disguise changes (emoji letters need an a, o, s...)
            expected, written = new_id(rng, kind, no_zero)
            shown, hint_text = idfn(rng, written, lang)
            if shown != written or idfn is plain:
                break
        if hint_text:
            shown = f"{shown}（{hint_text}）" if lang == "zh" else f"{shown} ({hint_text})"
        text = fill(template, cue, shown)
        key = fill(template, key_cue(kind, lang), written)
        return Case(
            id="", family="", group="handle", kind=kind, surface=surface, lang=lang, text=text,
            expected=(expected,), harmful=harmful, key=key, tricks=tricks,
        )  # fmt: skip

    return build


def fill(template: str, cue: str, shown: str) -> str:
    """Put cue and id in; a Latin cue glued to a Latin id (``TGbao66``) gets a space, as a
    reader could not tell where the cue ends."""
    if "{c}{id}" in template and cue[-1:].isascii() and cue[-1:].isalnum():
        cue += " "
    return template.replace("{c}", cue).replace("{id}", shown)


def key_cue(kind: str, lang: str) -> str:
    """The cue a reader understands the disguised one as (the key's wording)."""
    return CUES[kind][lang][0]


def handle_families() -> dict[str, Builder]:
    return {name: make_handle(spec) for name, spec in HANDLE_SPECS.items()}


# ---- should-review ---------------------------------------------------------------------------

REVIEW_WORDING = {
    "r_doxxing_zh": (
        "专业查人，开房记录、手机定位、通话清单，当天出结果，{c}：{id}",
        "查车辆轨迹、查户籍、查微信聊天记录，诚信接单，{c}{id}",
    ),
    "r_date_rape_drugs": (
        "听话水、迷情药、催情喷雾，无色无味，包邮到家，{c} {id}",
        "plug for carts, xans and percs, discreet delivery, {c} {id}",
    ),
    "r_carding_bank_kits": (
        "fresh fullz, cvv dumps with pin, cashout method included, {c} {id}",
        "收购银行卡四件套，U盾手机卡齐全，一套3000，{c}：{id}",
    ),
    "r_surrogacy_exam_fraud_zh": (
        "代孕包成功，可选性别，费用全包，{c}：{id}",
        "四六级考研答案提前出，不过全额退款，{c}{id}",
    ),
}


def make_review_handle(name: str) -> Builder:
    def build(rng: Rng, pools: Pools, i: int) -> Case:
        kind = ("wechat", "qq", "telegram", "whatsapp")[i % 4]
        template = REVIEW_WORDING[name][i % 2]
        lang = "en" if template.isascii() else "zh"
        cue = rng.choice(CUES[kind][lang])
        expected, written = new_id(rng, kind)
        text = template.replace("{c}", cue).replace("{id}", written)
        return Case(
            id="", family="", group="review", kind=kind,
            surface=rng.choice((*LONG_SURFACES, "bio", "listing")), lang=lang, text=text,
            expected=(expected,), harmful=True, key=text, tricks=("harmful_wording",),
        )  # fmt: skip

    return build


def r_masked_digits(rng: Rng, pools: Pools, i: int) -> Case:
    h = pools.host(rng, lambda x: sum(c.isdigit() for c in x.name) >= 2)
    mask = rng.choice(("🙈", "❓", "🔒", "**"))
    name = "".join(mask if c.isdigit() else c for c in h.name)
    lang = "zh" if i % 2 == 0 else "en"
    tail = "（数字私聊问客服）" if lang == "zh" else " (ask admin for the numbers)"
    lead = "老司机都懂，新网址 " if lang == "zh" else "you know the site, new link "
    return Case(
        id="", family="", group="review", kind="host",
        surface=rng.choice(SURFACES), lang=lang, text=f"{lead}{name}.{h.tld}{tail}",
        expected=(h.host,), harmful=True, source=h.source, key=f"{lead}{h.host}",
        tricks=("masked_digits",),
    )  # fmt: skip


CYR = {"a": "а", "e": "е", "o": "о", "p": "р", "c": "с", "x": "х", "y": "у"}


def r_punycode_lookalike(rng: Rng, pools: Pools, i: int) -> Case:
    h = pools.host(rng, lambda x: any(c in CYR for c in x.name))
    idx = [k for k, c in enumerate(h.name) if c in CYR]
    k = rng.choice(idx)
    uni = h.name[:k] + CYR[h.name[k]] + h.name[k + 1 :]
    puny = uni.encode("idna").decode() + "." + h.tld
    lang = "zh" if i % 2 == 0 else "en"
    lead = (
        "【官方新域名】老会员请用新地址登录 https://" if lang == "zh"
        else "Our new official domain, old members log in at https://"
    )  # fmt: skip
    text = lead + puny + ("/ 首充送100%" if lang == "zh" else "/ 100% first deposit bonus")
    return Case(
        id="", family="", group="review", kind="host", surface=rng.choice(LONG_SURFACES),
        lang=lang, text=text, expected=(h.host,), others=(puny, f"{uni}.{h.tld}"), harmful=True,
        source=h.source, key=text.replace(puny, h.host), tricks=("punycode_lookalike",),
    )  # fmt: skip


def review_families() -> dict[str, Builder]:
    out: dict[str, Builder] = {name: make_review_handle(name) for name in REVIEW_WORDING}
    out["r_masked_digits_emoji"] = r_masked_digits
    out["r_punycode_lookalike"] = r_punycode_lookalike
    return out


# ---- benign ----------------------------------------------------------------------------------

POEMS = (
    "床前明月光，疑是地上霜。举头望明月，低头思故乡。",
    "白日依山尽，黄河入海流。欲穷千里目，更上一层楼。",
    "春眠不觉晓，处处闻啼鸟。夜来风雨声，花落知多少。",
    "Shall I compare thee to a summer's day? Thou art more lovely and more temperate.",
    "Two roads diverged in a yellow wood. And sorry I could not travel both.",
    "慈母手中线，游子身上衣。临行密密缝，意恐迟迟归。",
    "Hope is the thing with feathers. That perches in the soul.",
)
CODE = (
    "os.path.join(base_dir, name)",
    "user.profile.save() 之后记得 db.session.commit()",
    "import numpy as np; x = np.mean(data.values)",
    "console.log(window.location.href)",
    "run `pip install -r requirements.txt` then `python -m app.main`",
    "git checkout -b fix/login && git push origin HEAD",
    "SELECT name FROM users WHERE age > 18 ORDER BY created_at DESC;",
    "document.getElementById('btn').addEventListener('click', go)",
)
NAMES = ("Lucky Star", "Rainy Mia", "coco chen", "Sweet Dream", "Xiao Yu", "Happy Panda")
HOBBY = (
    "CQ CQ DE BG7ABC BG7ABC K，今天传播条件不错",
    "学摩斯电码第一天：A 是 .-，B 是 -...，SOS 是 ... --- ...",
    "73 de BA4XYZ, thanks for the QSO on 7.023 MHz",
    "盲文的 ⠓⠑⠇⠇⠕ 就是 hello，今天特教课学的",
    "点的拼音是 diǎn，注音是 ㄉㄧㄢˇ，字谜：占字下面四点水",
    "Learning Morse: the letter E is a single dot, T is a single dash",
    "九宫格输入法：按两下2是b，按三下2是c",
    "ROT13 is a toy cipher: rot13 of hello is uryyb, never use it for secrets",
)
ROMAN = (
    "第Ⅷ章读完了，明天读第Ⅸ章",
    "Super Bowl LVIII was in Las Vegas",
    "Louis XIV built Versailles",
    "钟面上的Ⅻ和Ⅵ连成一条直线",
    "Chapter Ⅲ, section ⅳ: results",
)
MIME_SUBJECTS = (
    "Subject: =?UTF-8?B?5L2g5aW9?= (hello in Chinese)",
    "=?utf-8?Q?Caf=C3=A9_menu_this_week?=",
    "=?UTF-8?Q?=E4=BC=9A=E8=AE=AE=E7=BA=AA=E8=A6=81?= attached",
)
TOKENS = (
    "订单号 3f9a2c1be8d04f7a，请勿告诉他人",
    "commit a94a8fe5ccb19ba61c4c0873d391e987982fbbd3 fixes the crash",
    "sha256 of the file: 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
    "your ticket id is TKT-20261207-0042",
    "快递单号 SF1401234567890，明天到",
)


def _prices(rng: Rng) -> str:
    a, b = rng.randint(5, 99), rng.randint(1, 9)
    return rng.choice(
        (f"今天特价¥{a}.{b}，下午{rng.randint(1, 5)}.30开抢，库存只剩{b}.5kg",
         f"Lunch special ${a}.{b}9, open 11.30-14.00, call back after 5.15",
         f"股价收于{a}.{b}{b}元，涨幅{b}.{a % 10}%",
         f"v{b}.{a % 10}.{rng.randint(0, 20)} 发布，修复了{b}个问题",
         f"1. 买菜 2. 做饭 3. 洗碗 —— 周{rng.choice('一二三四五六日')}的清单",
         f"IP 192.168.{b}.1 是路由器后台，版本号 10.0.{rng.randint(19000, 22000)}")
    )  # fmt: skip


def _fancy_name(rng: Rng) -> str:
    name = rng.choice(NAMES).lower()
    styles = (t.style_salad, t.zalgo, t.sub_letters(t.LISU), t.emoji_letters, t.enclosing_marks)
    fn = rng.choice(styles)
    return fn(rng, name) + rng.choice(("", " ✨", " 🌸", " | 摄影"))


def _gov_under_tricks(rng: Rng, pools: Pools) -> str:
    host = real(rng, pools.data, "dotgov")
    name, tld = host.split(".", 1)
    shown = rng.choice(
        (t.emoji_letters(rng, host), f"{name}{rng.choice(t.ZHUYIN_DOT)}{tld}",
         f"{t.caesar(host, 13)} (ROT13)", f"{name}{rng.choice(t.RARE_STOPS)}{tld}",
         t.sub_letters(t.LISU)(rng, host))
    )  # fmt: skip
    return rng.choice(
        ("政府官网 {h} 可以查政策", "Official info is on {h}", "办事请到官网{h}")
    ).replace("{h}", shown)


BENIGN: dict[str, Callable[[Rng, Pools], str]] = {
    "b_real_sms_ham": lambda r, p: real(r, p.data, "sms_ham"),
    "b_real_telecom_normal": lambda r, p: real(r, p.data, "telecom_normal"),
    "b_real_weibo": lambda r, p: real(r, p.data, "weibo"),
    "b_real_youtube_ham": lambda r, p: real(r, p.data, "youtube_ham"),
    "b_prices_times_versions": lambda r, p: _prices(r),
    "b_poems": lambda r, p: r.choice(POEMS),
    "b_code_snippets": lambda r, p: r.choice(CODE),
    "b_fancy_display_names": lambda r, p: _fancy_name(r),
    "b_morse_braille_hobby": lambda r, p: r.choice(HOBBY),
    "b_roman_numerals": lambda r, p: r.choice(ROMAN),
    "b_mime_subjects": lambda r, p: r.choice(MIME_SUBJECTS),
    "b_tokens_hashes": lambda r, p: r.choice(TOKENS),
    "b_gov_sites_under_tricks": _gov_under_tricks,
    "b_encoded_clean_links": lambda r, p: r.choice(
        (
            "https://www.google.com/url?q=https%253A%252F%252Fwww.wikipedia.org%252F",
            "教程见 https://docs.python.org/3/library/urllib.parse.html",
            f"data:image/png;base64,{t.b64('PNG fake bytes ' + str(r.randint(1, 999)))}",
        )
    ),
    "b_chat_with_handles_neutral": lambda r, p: r.choice(
        (
            "明天下午三点.开会，记得带电脑",
            "我微信换了，还是原来的手机号",
            "QQ群里发了作业，大家看一下",
            "add me on telegram if you want the notes from class",
            "Line我一下，晚点讨论",
        )
    ),
}


def make_benign(fn: Callable[[Rng, Pools], str]) -> Builder:
    def build(rng: Rng, pools: Pools, i: int) -> Case:
        text = fn(rng, pools)
        lang = "en" if sum(c.isascii() for c in text) > 0.7 * len(text) else "zh"
        return Case(
            id="", family="", group="benign", kind="none", surface=rng.choice(SURFACES),
            lang=lang, text=text, expected=(), key=text,
        )  # fmt: skip

    return build


def benign_families() -> dict[str, Builder]:
    return {name: make_benign(fn) for name, fn in BENIGN.items()}
