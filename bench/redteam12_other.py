"""Red team 12's handle, should-review and benign families.

- handles: WeChat, QQ, Telegram, WhatsApp, LINE ids and phones under the same tricks as the
  links (fancy-generator letters, mixed and Indic numerals, Ethiopic digits, digits said in
  Indonesian or Hindi, a country code given by its capital, noise a note names, an id split over
  username and bio or "same as my username");
- should-review: harmful wording beside an id or host a reader cannot fully recover (a tail
  "is my birthday", stars in the middle of a phone, a TLD "in the sticker", a riddle with two
  answers, letters to guess under an emoji, an IP octet blurred): review, never allow, never a
  wrong value;
- benign: real clean texts of ``shared/data`` (SMS, YouTube, Weibo, Chinese telecom) and messages
  that only look like the tricks: styled names, foreign digits in dates and prices, flags and
  capitals in travel talk, ``🔝`` as praise, "remove the lowercase letters" about passwords,
  versions, math, shopping tokens, real .gov sites in fancy fonts.
"""

from __future__ import annotations

import csv
import random
import string
from collections.abc import Callable
from functools import cache
from pathlib import Path

from bench import redteam12_tricks as t
from bench.common import sms, telecom, weibo_comments, youtube
from bench.redteam7 import Builder, Case, Pools
from bench.redteam12_text import cue, handle_template, link_template

Disguise = Callable[[random.Random, str, str], tuple[str, str]]

SYLLABLES = (
    "xiao",
    "mei",
    "lan",
    "hao",
    "yun",
    "jin",
    "long",
    "tian",
    "fei",
    "xue",
    "ling",
    "bao",
    "qing",
    "wen",
    "hua",
    "kai",
    "ming",
    "yue",
    "shan",
    "tao",
)


def wechat_id(rng: random.Random) -> str:
    return f"{rng.choice(SYLLABLES)}{rng.choice(SYLLABLES)}{rng.randint(10, 9999)}"


def telegram_id(rng: random.Random) -> str:
    return f"{rng.choice(SYLLABLES)}_{rng.choice(SYLLABLES)}{rng.randint(1, 999)}"


def line_id(rng: random.Random) -> str:
    return f"{rng.choice(SYLLABLES)}{rng.choice(SYLLABLES)}{rng.randint(1, 99)}"


def qq_number(rng: random.Random, zero: bool = True) -> str:
    digits = "0123456789" if zero else "123456789"
    n = rng.randint(7, 10)
    return str(rng.randint(1, 9)) + "".join(rng.choice(digits) for _ in range(n - 1))


def cn_phone(rng: random.Random) -> str:
    return "1" + rng.choice("3589") + "".join(rng.choice(string.digits) for _ in range(9))


WHATSAPP = (
    ("60", "1", 8, "吉隆坡", "Kuala Lumpur"),
    ("44", "7", 9, "伦敦", "London"),
    ("62", "8", 9, "雅加达", "Jakarta"),
    ("63", "9", 9, "马尼拉", "Manila"),
)


def wa_number(rng: random.Random) -> str:
    cc, first, n, _, _ = rng.choice(WHATSAPP)
    return cc + first + "".join(rng.choice(string.digits) for _ in range(n - 1))


def handle_family(
    kind: str,
    tricks: tuple[str, ...],
    make: Disguise,
    make_id: Callable[[random.Random], str],
    langs: tuple[str, ...] = ("zh", "en"),
    surfaces: tuple[str, ...] = ("post", "comment", "chat", "bio", "display_name"),
    block: bool = False,
) -> Builder:
    def build(rng: random.Random, pools: Pools, i: int) -> Case:
        value = make_id(rng)
        lang = langs[i % len(langs)]
        tpl, harmful = handle_template(rng, lang)
        c = cue(rng, kind, lang)
        shown, note = make(rng, value, lang)
        plain = "+" + value if kind == "whatsapp" else value
        if block:
            text = tpl.format(cue=c, v="👇") + "\n" + shown + (f"\n{note}" if note else "")
        else:
            text = tpl.format(cue=c, v=shown) + (f" {note}" if note else "")
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


def _style_digits(v: str, table: dict[str, str], digit: Callable[[str], str]) -> str:
    return "".join(table.get(c, c) if c.isalpha() else digit(c) if c.isdigit() else c for c in v)


def _yi_bio_lines(rng: random.Random, v: str, lang: str) -> tuple[str, str]:
    script = rng.choice(t.INDIC)
    s = _style_digits(v, t.YI, lambda c: t.script_digits(c, script))
    cut = len(s) // 2
    note = f"（数字是{t.SCRIPT_ZH[script]}）" if lang == "zh" else f"({t.SCRIPT_EN[script]} digits)"
    return f"💎{s[:cut]}\n💎{s[cut:]}", note


def _cherokee_username(rng: random.Random, v: str, lang: str) -> tuple[str, str]:
    s = t.mixed_digits(t.styled(v, t.CHEROKEE_STYLE), rng)
    if lang == "zh":
        return f"用户名：{s}\n（号和用户名一样，数字混着写的）", ""
    return f"username: {s}\n(same as my username; the digits are mixed numerals)", ""


def _dot_below(rng: random.Random, v: str, lang: str) -> tuple[str, str]:
    note = "（带下点的字母删掉）" if lang == "zh" else "(remove letters with a dot below)"
    return t.dot_below_decoys(v, rng), note


def _superscript(rng: random.Random, v: str, lang: str) -> tuple[str, str]:
    note = "（上标的小字母不用打）" if lang == "zh" else "(don't type the small raised letters)"
    return t.superscript_noise(v, rng), note


def _uppercase_only(rng: random.Random, v: str, lang: str) -> tuple[str, str]:
    note = (
        "（小写字母是干扰，大写输成小写）"
        if lang == "zh"
        else "(lowercase letters are filler; type the capitals in lowercase)"
    )
    return t.lowercase_noise(v, rng), note


def _mixed_indic(rng: random.Random, v: str, lang: str) -> tuple[str, str]:
    scripts = rng.sample(t.INDIC, 3)
    s = "".join(t.script_digits(c, scripts[i % 3]) for i, c in enumerate(v))
    names = "、".join(t.SCRIPT_ZH[x] for x in scripts)
    en = ", ".join(t.SCRIPT_EN[x] for x in scripts)
    return s, f"（数字轮流用{names}写）" if lang == "zh" else f"(digits in turn in {en})"


def _ethiopic(rng: random.Random, v: str, lang: str) -> tuple[str, str]:
    return "".join(t.ethiopic_digit(c) for c in v), (
        "（埃塞俄比亚数字）" if lang == "zh" else "(Ethiopic digits)"
    )


def _mixed_systems(rng: random.Random, v: str, lang: str) -> tuple[str, str]:
    return t.mixed_digits(
        v, rng
    ), "（每个数字写法不同）" if lang == "zh" else "(each digit written differently)"


def _paren_groups(rng: random.Random, v: str, lang: str) -> tuple[str, str]:
    groups = [v[:3], v[3:7], v[7:]]
    return " - ".join("".join(t.PAREN[int(c)] if c != "0" else "⓪" for c in g) for g in groups), ""


def _wa_indonesian(rng: random.Random, v: str, lang: str) -> tuple[str, str]:
    en, zh = t.DIGIT_LANG_NOTE["indonesian"]
    return "plus " + t.said_digits(v, "indonesian"), zh if lang == "zh" else en


def _wa_capital(rng: random.Random, v: str, lang: str) -> tuple[str, str]:
    for cc, _, _, zh, en in WHATSAPP:
        if v.startswith(cc):
            rest = v[len(cc) :]
            if lang == "zh":
                return f"（{zh}所在国家的区号）+ {rest[:3]} {rest[3:]}", ""
            return f"(calling code of the country whose capital is {en}) {rest[:3]} {rest[3:]}", ""
    raise AssertionError(v)


def _wa_myanmar_flag(rng: random.Random, v: str, lang: str) -> tuple[str, str]:
    for cc, _, _, _, _ in WHATSAPP:
        if v.startswith(cc):
            flag = {"60": "🇲🇾", "44": "🇬🇧", "62": "🇮🇩", "63": "🇵🇭"}[cc]
            rest = t.script_digits(v[len(cc) :], "myanmar")
            note = (
                "（国旗=国家区号，后面是缅文数字）"
                if lang == "zh"
                else "(flag = its calling code, then Myanmar digits)"
            )
            return f"{flag} {rest}", note
    raise AssertionError(v)


def _bracket_tg(rng: random.Random, v: str, lang: str) -> tuple[str, str]:
    return "@" + t.bracket_underline(v), ""


def _german_tg(rng: random.Random, v: str, lang: str) -> tuple[str, str]:
    spelled = ", ".join(t.GERMAN_SPELLING.get(c, "Unterstrich" if c == "_" else c) for c in v)
    note = (
        "（德语拼读，取首字母，Unterstrich是下划线）"
        if lang == "zh"
        else "(German spelling alphabet, first letters; Unterstrich = _)"
    )
    return f"@ {spelled}", note


def _greekish_tme(rng: random.Random, v: str, lang: str) -> tuple[str, str]:
    return f"t.me/{t.styled(v, t.GREEKISH)}", ""


def _katakana_line(rng: random.Random, v: str, lang: str) -> tuple[str, str]:
    table = rng.choice((t.DINGBAT, t.DINGBAT_NEG))
    return _style_digits(v, t.KATAKANA_STYLE, lambda c: table[int(c)]), ""


def _qq_hindi(rng: random.Random, v: str, lang: str) -> tuple[str, str]:
    en, zh = t.DIGIT_LANG_NOTE["hindi"]
    return t.said_digits(v, "hindi"), zh if lang == "zh" else en


def _phone_emoji_noise(rng: random.Random, v: str, lang: str) -> tuple[str, str]:
    s = t.emoji_noise(t.mixed_digits(v, rng, ("fullwidth", "circled", "zh", "superscript")), rng)
    return s, "（表情去掉）" if lang == "zh" else "(ignore the emoji)"


def handle_families() -> dict[str, Builder]:
    H = handle_family
    return {
        "h_wechat_yi_indic_bio_lines": H(
            "wechat",
            ("yi_style", "indic_digits", "bio_lines"),
            _yi_bio_lines,
            wechat_id,
            block=True,
            surfaces=("bio",),
        ),
        "h_wechat_cherokee_same_as_username": H(
            "wechat",
            ("same_as_username", "cherokee_style", "mixed_numerals"),
            _cherokee_username,
            wechat_id,
            block=True,
            surfaces=("bio", "username"),
        ),
        "h_wechat_decoys_dot_below": H(
            "wechat", ("decoys_marked_dot_below",), _dot_below, wechat_id
        ),
        "h_wechat_superscript_noise": H(
            "wechat", ("superscript_letter_noise",), _superscript, wechat_id
        ),
        "h_wechat_lowercase_noise": H("wechat", ("lowercase_noise",), _uppercase_only, wechat_id),
        "h_qq_three_indic_scripts": H("qq", ("indic_digits_rotating",), _mixed_indic, qq_number),
        "h_qq_ethiopic_digits": H(
            "qq", ("ethiopic_digits",), _ethiopic, lambda r: qq_number(r, zero=False)
        ),
        "h_qq_said_hindi": H("qq", ("digits_said_hindi",), _qq_hindi, qq_number),
        "h_phone_mixed_numeral_systems": H("phone", ("mixed_numerals",), _mixed_systems, cn_phone),
        "h_phone_parenthesized_groups": H(
            "phone", ("parenthesized_digits", "groups"), _paren_groups, cn_phone
        ),
        "h_phone_zwj_emoji_noise": H(
            "phone", ("zwj_emoji_noise", "mixed_numerals"), _phone_emoji_noise, cn_phone
        ),
        "h_whatsapp_said_indonesian": H(
            "whatsapp", ("digits_said_indonesian",), _wa_indonesian, wa_number
        ),
        "h_whatsapp_code_by_capital": H(
            "whatsapp", ("calling_code_by_capital",), _wa_capital, wa_number
        ),
        "h_whatsapp_flag_myanmar_digits": H(
            "whatsapp", ("flag_calling_code", "myanmar_digits"), _wa_myanmar_flag, wa_number
        ),
        "h_telegram_bracket_underline": H(
            "telegram", ("bracket_underline_style",), _bracket_tg, telegram_id
        ),
        "h_telegram_german_spelling": H(
            "telegram", ("german_spelling_alphabet",), _german_tg, telegram_id
        ),
        "h_telegram_tme_greekish": H(
            "telegram", ("greekish_style", "tme_link"), _greekish_tme, telegram_id
        ),
        "h_line_katakana_dingbat": H(
            "line", ("katakana_style", "dingbat_digits"), _katakana_line, line_id
        ),
    }


# ---- should-review ------------------------------------------------------------------------------


def _review_case(kind: str, surface: str, lang: str, text: str, value: str, key: str,
                 tricks: tuple[str, ...], source: str = "") -> Case:  # fmt: skip
    return Case(
        id="",
        family="",
        group="",
        kind=kind,
        surface=surface,
        lang=lang,
        text=text,
        expected=(value,),
        harmful=True,
        source=source,
        key=key,
        tricks=tricks,
    )


def r_qq_tail_is_birthday(rng: random.Random, pools: Pools, i: int) -> Case:
    lang = ("zh", "en")[i % 2]
    head = str(rng.randint(1000, 9999))
    tail = f"{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}"
    qq = head + tail
    if lang == "zh":
        tpl = "裸聊 一对一 视频 🐧 {v}"
        shown = f"{head} + 我生日的月日四位（猜对了才加你）"
    else:
        tpl = "private video chat, adults only, QQ {v}"
        shown = f"{head} then my birthday as MMDD (guess it to add me)"
    return _review_case(
        "qq",
        rng.choice(("post", "chat", "bio")),
        lang,
        tpl.format(v=shown),
        qq,
        tpl.format(v=qq),
        ("tail_hidden_as_birthday",),
    )


def r_phone_stars_middle_same_wechat(rng: random.Random, pools: Pools, i: int) -> Case:
    lang = ("zh", "en")[i % 2]
    phone = cn_phone(rng)
    masked = phone[:3] + "****" + phone[7:]
    if lang == "zh":
        tpl = "代开发票 各行业都有 手机同微信 {v}（中间四位私信问）"
    else:
        tpl = "fake invoices for any business, phone = WeChat {v} (DM for the middle digits)"
    return _review_case(
        "phone",
        rng.choice(("post", "comment", "listing")),
        lang,
        tpl.format(v=masked),
        phone,
        tpl.format(v=phone),
        ("middle_masked_stars",),
    )


def r_tld_in_sticker(rng: random.Random, pools: Pools, i: int) -> Case:
    lang = ("zh", "en")[i % 2]
    h = pools.host(rng)
    tpl = link_template(rng, lang)
    name = t.styled(h.name, t.YI)
    shown = (
        f"{name} 点 [表情包]（后缀在表情包里）"
        if lang == "zh"
        else f"{name} dot [sticker] (the ending is in the sticker)"
    )
    return _review_case(
        "host",
        rng.choice(("post", "chat", "comment")),
        lang,
        tpl.format(v=shown),
        h.host,
        tpl.format(v=h.host),
        ("tld_in_sticker", "yi_style"),
        h.source,
    )


def r_telegram_riddle_two_answers(rng: random.Random, pools: Pools, i: int) -> Case:
    lang = ("zh", "en")[i % 2]
    drink = rng.choice(("coffee", "tea"))
    n = rng.randint(10, 99)
    value = f"morning_{drink}{n}"
    if lang == "zh":
        tpl = "收U 换汇 USDT高价回收 不问来源 飞机 @{v}"
        shown = f"morning_ + 早上喝的那个（英文） + {n}"
    else:
        tpl = "buying USDT, no KYC, no questions asked, TG @{v}"
        shown = f"morning_ + what I drink every morning + {n}"
    return _review_case(
        "telegram",
        rng.choice(("post", "chat", "comment")),
        lang,
        tpl.format(v=shown),
        value,
        tpl.format(v=value),
        ("riddle_two_answers",),
    )


def r_wechat_letters_under_emoji(rng: random.Random, pools: Pools, i: int) -> Case:
    lang = ("zh", "en")[i % 2]
    v = wechat_id(rng)
    k = rng.randrange(1, 4)
    shown = v[:k] + "🙈🙈" + v[k + 2 :]
    if lang == "zh":
        tpl = "卖实名认证号 微信号 支付宝号都有 vx {v}（🙈自己猜）"
    else:
        tpl = "selling verified accounts, any platform, WeChat {v} (guess the 🙈)"
    return _review_case(
        "wechat",
        rng.choice(("post", "comment", "bio")),
        lang,
        tpl.format(v=shown),
        v,
        tpl.format(v=v),
        ("letters_under_emoji_to_guess",),
    )


def r_ip_octet_blurred(rng: random.Random, pools: Pools, i: int) -> Case:
    lang = ("zh", "en")[i % 2]
    h = pools.ip(rng)
    o = h.host.split(".")
    j = rng.randrange(1, 4)
    shown = ".".join("▓▓" if k == j else x for k, x in enumerate(o))
    tpl = link_template(rng, lang)
    note = "（打码那段进群问）" if lang == "zh" else "(ask in the group for the blurred part)"
    return _review_case(
        "ip",
        rng.choice(("post", "chat")),
        lang,
        tpl.format(v=f"http://{shown}/app.apk") + " " + note,
        h.host,
        tpl.format(v=f"http://{h.host}/app.apk"),
        ("ip_octet_blurred",),
        h.source,
    )


def r_host_digits_jersey(rng: random.Random, pools: Pools, i: int) -> Case:
    lang = ("zh", "en")[i % 2]
    h = pools.host(rng, lambda x: any(c.isdigit() for c in x.name))
    masked = "".join("#" if c.isdigit() else c for c in h.name)
    tpl = link_template(rng, lang)
    if lang == "zh":
        shown = f"{t.salad(masked, rng)}.{h.tld}（#是我最喜欢的球星的球衣号码）"
    else:
        shown = f"{t.salad(masked, rng)}.{h.tld} (# = my favourite player's shirt number)"
    return _review_case(
        "host",
        rng.choice(("post", "comment")),
        lang,
        tpl.format(v=shown),
        h.host,
        tpl.format(v=h.host),
        ("digits_as_private_fact", "lookalike_salad"),
        h.source,
    )


def review_families() -> dict[str, Builder]:
    return {
        "r_qq_tail_is_birthday": r_qq_tail_is_birthday,
        "r_phone_stars_middle_invoices": r_phone_stars_middle_same_wechat,
        "r_tld_in_sticker_yi": r_tld_in_sticker,
        "r_telegram_riddle_two_answers": r_telegram_riddle_two_answers,
        "r_wechat_letters_under_emoji": r_wechat_letters_under_emoji,
        "r_ip_octet_blurred": r_ip_octet_blurred,
        "r_host_digits_private_fact": r_host_digits_jersey,
    }


# ---- benign -----------------------------------------------------------------------------------


@cache
def _real(data: Path) -> dict[str, list[str]]:
    return {
        "sms": [x for lab, x in sms(data) if lab == "ham"],
        "youtube": [x for lab, x in youtube(data) if lab == "0"],
        "telecom": [x for lab, x in telecom(data) if lab == "0"],
        "weibo": weibo_comments(data, 20000),
    }


@cache
def _dotgov(data: Path) -> list[str]:
    with (data / "us-dotgov-domains" / "current-full.tsv").open(encoding="utf-8", newline="") as fh:
        rows = csv.reader(fh, delimiter="\t")
        next(rows)
        return [r[0].lower() for r in rows if r and r[0].count(".") == 1]


def _benign(surface: str, lang: str, text: str, source: str = "") -> Case:
    return Case(
        id="",
        family="",
        group="",
        kind="none",
        surface=surface,
        lang=lang,
        text=text,
        expected=(),
        source=source,
        key=text,
    )


def real(
    set_name: str, lang: str, decorate: Callable[[random.Random, str], str] | None = None
) -> Builder:
    def build(rng: random.Random, pools: Pools, i: int) -> Case:
        rows = _real(pools.data)[set_name]
        j = rng.randrange(len(rows))
        text = rows[j]
        if decorate:
            text = decorate(rng, text)
        return _benign(rng.choice(("post", "comment", "chat")), lang, text, f"{set_name}:{j}")

    return build


FANCY_GREETINGS = (
    "𝓗𝓪𝓹𝓹𝔂 𝓑𝓲𝓻𝓽𝓱𝓭𝓪𝔂 ✨",
    "ꃅꍏꉣꉣꌩ ꎇꋪꀤꀸꍟꌩ 🌸",
    "ᏋᏁᎴ ᎧᎦ ᏕᎥᏁᏋ ✿",
    "ℓσνє уσυ 💕",
    "乃ﾑ乃ﾘ ｲﾉﾶ乇 🍼",
    "[̲̅g][̲̅o][̲̅o][̲̅d] [̲̅n][̲̅i][̲̅g][̲̅h][̲̅t]",
)


def _fancy_prefix(rng: random.Random, text: str) -> str:
    return f"{rng.choice(FANCY_GREETINGS)} {text}"


def _indic_date(rng: random.Random, text: str) -> str:
    script = rng.choice(t.INDIC)
    d = f"{rng.randint(1, 28):02d}.{rng.randint(1, 12):02d}.20{rng.randint(10, 29)}"
    return f"{text} ({t.script_digits(d, script)})"


def b_styled_bios(rng: random.Random, pools: Pools, i: int) -> Case:
    name = rng.choice(("anna", "lucy", "mia", "kevin", "leo", "yuki", "sara"))
    table = rng.choice(list(t.STYLES.values()))
    age = rng.randint(18, 40)
    flag = rng.choice(("🇫🇷", "🇯🇵", "🇻🇳", "🇧🇷"))
    hobby = rng.choice(("☕ coffee addict", "📷 photo & travel", "🎮 gamer girl", "🐱 cat mom"))
    motto = rng.choice(("dream big", "stay wild", "good vibes only"))
    lines = [f"{t.styled(name, table)} • {age} • {flag}", hobby, f"{t.styled(motto, table)} ✿"]
    return _benign("bio", "en", "\n".join(lines))


def b_foreign_digits_dates_prices(rng: random.Random, pools: Pools, i: int) -> Case:
    script = rng.choice(("bengali", "devanagari", "arabic_indic", "persian", "myanmar", "tamil"))
    d = t.script_digits(f"{rng.randint(1, 28)}.{rng.randint(1, 12)}.2025", script)
    p = t.script_digits(f"{rng.randint(10, 999)}.{rng.randint(10, 99)}", script)
    templates = (
        f"সভা {d} তারিখে, টিকিট ৳{p}",
        f"बैठक {d} को है, टिकट ₹{p}",
        f"الاجتماع في {d} والسعر {p} درهم",
        f"Meeting on {d}, ticket {p} (local digits)",
        f"会议时间 {d}，票价 {p}（当地数字）",
    )
    return _benign(rng.choice(("post", "chat")), "mixed", rng.choice(templates))


def b_travel_flags_capitals(rng: random.Random, pools: Pools, i: int) -> Case:
    tld = rng.choice(list(t.CAPITALS))
    zh, en = t.CAPITALS[tld]
    flag = t.FLAGS[tld]
    templates = (
        f"下周去{zh}出差 {flag} 有没有推荐的餐厅？",
        f"Just landed in {en} {flag}! The capital is beautiful at night.",
        f"地理小测验：{en} 是哪个国家的首都？答案：{flag}",
        f"{flag} {en} → 3 days, 2 nights, budget 800 EUR. Worth it?",
    )
    return _benign(rng.choice(("post", "comment")), "mixed", rng.choice(templates))


def b_top_emoji_praise(rng: random.Random, pools: Pools, i: int) -> Case:
    templates = (
        "this song is 🔝🔝🔝 no skip",
        "Top 3 cafés in town 🔝: 1. Blue Door 2. Mocha. 3. Bean & Co.",
        "服务态度🔝 下次还来 5.0分",
        "🔛 my way home, 10 min. see u",
        "quality 🔝 price 👌 delivery 2.5 days",
    )
    return _benign(rng.choice(("comment", "post")), "mixed", rng.choice(templates))


def b_password_and_noise_talk(rng: random.Random, pools: Pools, i: int) -> Case:
    templates = (
        "密码要求：至少8位，包含大写和小写字母，去掉空格再试一次",
        "Tip: remove all the emoji from your username, the form rejects them 🙃",
        "复制链接时把小写的干扰字母去掉？不是，是把表情去掉，系统不认",
        "The letters with a dot below (ạ, ẹ) are Vietnamese tones, don't remove them.",
        "ignore the small raised letters in the footnotes, they are citations¹²",
    )
    return _benign(rng.choice(("chat", "comment")), "mixed", rng.choice(templates))


def b_versions_math_prices(rng: random.Random, pools: Pools, i: int) -> Case:
    a, b, c = rng.randint(1, 20), rng.randint(0, 30), rng.randint(0, 9)
    templates = (
        f"upgraded to v{a}.{b}.{c}, Python 3.12 and iOS 18.{c} — all good",
        "𝔼[X] = μ, Var(X) = σ², x² + y² = r², π ≈ 3.14159",
        f"今天特价 ¥{a}.{b:02d}，满{a * 10}减{c}，第二件半价",
        f"H₂O, CO₂, E = mc². Score: {a}.{c}/10",
        f"ⓐⓝⓢⓦⓔⓡ: {a} × {c} = {a * c}. next question ①②③",
    )
    return _benign(rng.choice(("post", "comment")), "mixed", rng.choice(templates))


def b_shopping_tokens(rng: random.Random, pools: Pools, i: int) -> Case:
    tok = "".join(rng.choice(string.ascii_letters + string.digits) for _ in range(11))
    templates = (
        f"￥{tok}￥ 复制这段话打开淘宝，查看宝贝详情",
        f"【闲鱼】{tok} 复制后打开闲鱼 给你看个好东西",
        f"order #{rng.randint(100000, 999999)} shipped, tracking {tok.upper()}",
    )
    return _benign(rng.choice(("chat", "post")), "zh", rng.choice(templates))


def b_dotgov_fancy_font(rng: random.Random, pools: Pools, i: int) -> Case:
    host = rng.choice(_dotgov(pools.data))
    table = rng.choice((t.GREEKISH, t.YI, t.CHEROKEE_STYLE))
    name, _, tld = host.partition(".")
    style = rng.choice(("plain", "styled"))
    shown = host if style == "plain" else f"{t.styled(name, table)}.{tld}"
    templates = (
        f"Official info here: {shown} (government site)",
        f"Renew your license at {shown} — don't pay third parties!",
        f"政府官网：{shown}",
    )
    return _benign(rng.choice(("post", "comment")), "en", rng.choice(templates), f"dotgov:{host}")


def b_voice_numbers_everyday(rng: random.Random, pools: Pools, i: int) -> Case:
    lang = rng.choice(("hindi", "indonesian", "turkish", "tagalog", "swahili"))
    w = t.DIGIT_WORDS[lang]
    templates = (
        f"[voice note] see you at {w[8]} tonight, bring {w[2]} bottles dot dot dot",
        f"[语音转文字] 明天{w[9]}点见 就在老地方",
        f"we ordered {w[3]} pizzas for {w[5]} people, thanks Sarah.",
        f"meeting room {w[1]}{w[4]}, floor {w[6]}. period.",
    )
    return _benign("chat", "mixed", rng.choice(templates))


def b_foreign_scripts_prose(rng: random.Random, pools: Pools, i: int) -> Case:
    templates = (
        "ধন্যবাদ! আবার দেখা হবে। ভালো থেকো।",
        "வணக்கம். இன்று மழை பெய்யும். குடை எடுத்துக்கொள்.",
        "გამარჯობა. დღეს კარგი ამინდია. წერტილი.",
        "Բարև. Վաղը կհանդիպենք։ Շնորհակալություն։",
        "ሰላም ነው። ነገ እንገናኝ። አመሰግናለሁ።",
        "Сайн байна уу. Маргааш уулзъя. Баярлалаа.",
        "ꆈꌠꁱꂷ ꀉꂿ ꌠ ꑟ (Yi script, Nuosu)",
    )
    return _benign(rng.choice(("post", "chat")), "mixed", rng.choice(templates))


def b_tld_words_in_prose(rng: random.Random, pools: Pools, i: int) -> Case:
    templates = (
        "这个俱乐部 club 周末活动很好玩 fun，在线 online 报名，贵宾 VIP 免费",
        "Sayılar: bir, iki, üç. Nokta. Ders bitti.",
        "Hesabu: moja, mbili, tatu nukta tano ni 3.5",
        "页面右上角有个顶部 top 按钮，点一下回到最上面",
        "Wir fahren nach Deutschland, dann Polska, dann Česko. Punkt.",
        "ek do teen chaar, the kids count in Hindi now 😄",
        "Anton, Berta, Cäsar — so buchstabiert man am Telefon.",
        "我赢了 I win! 下注 bet 了十块，哈哈",
    )
    return _benign(rng.choice(("chat", "comment", "post")), "mixed", rng.choice(templates))


def benign_families() -> dict[str, Builder]:
    return {
        "b_sms_ham_fancy_greeting": real("sms", "en", _fancy_prefix),
        "b_youtube_ham_indic_date": real("youtube", "en", _indic_date),
        "b_weibo_comments_real": real("weibo", "zh"),
        "b_telecom_normal_real": real("telecom", "zh"),
        "b_styled_bios_no_link": b_styled_bios,
        "b_foreign_digits_dates_prices": b_foreign_digits_dates_prices,
        "b_travel_flags_capitals": b_travel_flags_capitals,
        "b_top_emoji_praise": b_top_emoji_praise,
        "b_password_and_noise_talk": b_password_and_noise_talk,
        "b_versions_math_prices": b_versions_math_prices,
        "b_shopping_tokens": b_shopping_tokens,
        "b_dotgov_fancy_font": b_dotgov_fancy_font,
        "b_voice_numbers_everyday": b_voice_numbers_everyday,
        "b_foreign_scripts_prose": b_foreign_scripts_prose,
        "b_tld_words_in_prose": b_tld_words_in_prose,
    }
