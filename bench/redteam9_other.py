"""Red team 9: handle, should-review and benign families.

Handles: real-shaped WeChat, QQ, Telegram, WhatsApp, LINE ids and mainland phones under the
disguises of :mod:`bench.redteam9_tricks` (insular and operator letters, ligatures, Atbash, a
shifted keyboard, counting rods, other scripts' digits, digits one too high, hex, percent-encoded
``tel:`` URIs, ``tg://resolve`` deep links, Spanish digit words, a placeholder), or behind new
cues (``绿泡泡``, ``艾特`` for ``@``), half of them beside harmful wording. Should-review: harmful
wordings no earlier team used (replica guns, nudify deepfakes, wildlife and organs, OTP bypass
and bank logs) beside a plain id, a host ciphered with its key withheld, a host with its TLD
left out, an id with part of it held back. Benign: ordinary text that looks like links or ids.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable

from bench import redteam9_tricks as t
from bench.redteam7 import SURFACES, Case, Pools
from bench.redteam8_text import real
from bench.redteam9_text import LONG_SURFACES

Rng = random.Random
Builder = Callable[[Rng, Pools, int], Case]

SYLLABLES = (
    "dudu", "xiaoxue", "tangtang", "guagua", "miaomiao", "star", "rose", "felix", "darling",
    "fortune", "kefu", "agent", "tutu", "lulu", "sisi", "jiejie", "gege", "doudou", "moon", "sugar",
)  # fmt: skip
WA_SHAPES = (("852", "6", 7), ("65", "9", 7), ("60", "1", 8), ("44", "7", 9), ("61", "4", 8))


def _digits(rng: Rng, n: int, no_zero: bool = False) -> str:
    return "".join(rng.choice("123456789" if no_zero else "0123456789") for _ in range(n))


def new_id(rng: Rng, kind: str, no_zero: bool = False, sep: str | None = None) -> tuple[str, str]:
    """(expected id, the id as written plainly in a message)."""
    if kind in ("wechat", "telegram", "line"):
        a, b = rng.sample(SYLLABLES, 2)
        if sep is None:
            sep = rng.choice(("", "_", "")) if kind != "line" else rng.choice(("", ".", "_"))
        v = f"{a}{sep}{b}{_digits(rng, rng.randint(2, 4), no_zero)}"
        return v, v
    if kind == "qq":
        v = rng.choice("123456789") + _digits(rng, rng.randint(6, 9), no_zero)
        return v, v
    if kind == "whatsapp":
        cc, first, n = rng.choice(WA_SHAPES)
        nsn = first + _digits(rng, n, no_zero)
        return cc + nsn, f"+{cc} {nsn}"
    v = "1" + rng.choice("3456789" if not no_zero else "356789") + _digits(rng, 9, no_zero)
    return v, v


CUES: dict[str, dict[str, tuple[str, ...]]] = {
    "wechat": {"zh": ("微信", "VX", "微信号"), "en": ("WeChat", "wechat")},
    "qq": {"zh": ("QQ", "QQ号", "扣"), "en": ("QQ", "qq")},
    "telegram": {"zh": ("TG", "Telegram", "纸飞机"), "en": ("Telegram", "tg")},
    "whatsapp": {"zh": ("WhatsApp", "WhatsApp号"), "en": ("WhatsApp", "WA")},
    "line": {"zh": ("LINE", "LINE ID"), "en": ("LINE", "line id")},
    "phone": {"zh": ("电话", "手机号", "来电"), "en": ("call", "phone", "text")},
}
HARMFUL = {
    "zh": (
        "网贷秒批，黑户也能下款，当天到账，{c}：{id}",
        "私人订制上门，学生妹少妇都有，{c}{id}",
        "跑分项目招人，一天稳赚800，{c}：{id}",
        "内部渠道代开发票、办证，{c} {id}",
        "博彩代理，佣金50%，带你躺赚，{c}：{id}",
    ),
    "en": (
        "need cash fast? loans approved even with bad credit, {c}: {id}",
        "private shows tonight, real girls, no fakes 🔞 {c} {id}",
        "flip $500 into $5000 in 48h guaranteed, message my manager on {c} {id}",
        "verified betting agent, weekly payouts, {c}: {id}",
    ),
}
NEUTRAL = {
    "zh": ("猫咪找新家，有意向的{c}{id}", "周末羽毛球约球，{c}：{id}", "毕业季出教材，{c} {id}"),
    "en": (
        "lost a black wallet near the station, {c} {id}",
        "guitar lessons on weekends, {c} {id}",
    ),
}
SHORT = {"zh": ("{c}：{id}", "{c} {id} 💕", "找我{c}{id}"), "en": ("{c}: {id}", "{c} {id} 💕")}

IdFn = Callable[[Rng, str, str], tuple[str, str]]  # (rng, id as written, lang) -> (text, hint)


def plain(_rng: Rng, s: str, _lang: str) -> tuple[str, str]:
    return s, ""


def of(fn: t.Fn, hint_zh: str = "", hint_en: str = "") -> IdFn:
    return lambda rng, s, lang: (fn(rng, s), hint_zh if lang == "zh" else hint_en)


def pure(fn: Callable[[str], str]) -> t.Fn:
    return lambda _rng, s: fn(s)


def placeholder_id(rng: Rng, s: str, lang: str) -> tuple[str, str]:
    m = re.match(r"[a-z]+", s)
    head = m.group(0) if m else s[:3]
    ph = rng.choice(("XXX", "***", "【】"))
    shown = ph + s[len(head) :]
    return shown, (f"{ph}换成{head}" if lang == "zh" else f"{ph} = {head}")


def qq_hex(rng: Rng, s: str, lang: str) -> tuple[str, str]:
    return f"0x{int(s):X}", ("十六进制，转成十进制" if lang == "zh" else "hex, convert to decimal")


def qq_mail_aite(rng: Rng, s: str, lang: str) -> tuple[str, str]:
    at = rng.choice(("艾特", "爱特")) if lang == "zh" else rng.choice(("(at)", "[at]"))
    dot = rng.choice(("点", "⦁")) if lang == "zh" else rng.choice((" dot ", "∙"))
    return f"{s} {at} qq{dot}com", ""


def script_id(rng: Rng, s: str, lang: str) -> tuple[str, str]:
    script = rng.choice(sorted(t.DIGIT_SCRIPTS))
    _, zh, en = t.DIGIT_SCRIPTS[script]
    return t.script_digits(script)(rng, s), zh if lang == "zh" else en


def wa_me_script(rng: Rng, s: str, lang: str) -> tuple[str, str]:
    shown, h = script_id(rng, s.replace("+", "").replace(" ", ""), lang)
    return "wa.me/" + shown, h


def tel_percent(rng: Rng, s: str, lang: str) -> tuple[str, str]:
    return "tel:" + t.percent_all(s), ""


def tg_resolve(rng: Rng, s: str, lang: str) -> tuple[str, str]:
    return rng.choice((f"tg://resolve?domain={s}", f"tg://resolve?domain={s}&start=vip")), ""


def tme_spot_insular(rng: Rng, s: str, lang: str) -> tuple[str, str]:
    return "t" + rng.choice(t.SPOT_DOTS) + "me/" + t.sub_letters(t.INSULAR)(rng, s), ""


def line_math_spot(rng: Rng, s: str, lang: str) -> tuple[str, str]:
    return t.sub_letters(t.MATH_LETTERS)(rng, s).replace(".", rng.choice(t.SPOT_DOTS)), ""


def es_digits(rng: Rng, s: str, lang: str) -> tuple[str, str]:
    body = t.digit_words(t.ES_DIGITS)(rng, s.replace(" ", ""))
    return body.replace("+ ", "más "), ("西班牙语数字" if lang == "zh" else "")


def qq_mail_rods(rng: Rng, s: str, lang: str) -> tuple[str, str]:
    mail, _ = qq_mail_aite(rng, t.rods(rng, s), lang)
    return mail, "算筹数字" if lang == "zh" else "digits as counting rods"


def tme_atbash_spot(rng: Rng, s: str, lang: str) -> tuple[str, str]:
    shown = "t" + rng.choice(t.SPOT_DOTS) + "me/" + t.atbash(s)
    return shown, "Atbash：a换z，b换y" if lang == "zh" else "Atbash: a<->z, b<->y"


def script_plus_one(rng: Rng, s: str, lang: str) -> tuple[str, str]:
    shown, script_hint = script_id(rng, t.digits_plus_one(s), lang)
    more = "每位数字减1" if lang == "zh" else "then subtract one from each digit"
    return shown, f"{script_hint}，{more}" if lang == "zh" else f"{script_hint}, {more}"


H = tuple[str, IdFn, Callable[[Rng, str], str] | None, tuple[str, ...], dict[str, object]]
# kind, id disguise, cue override (rng, lang) -> cue, tricks, id options (``no_zero``, ``sep``,
# ``literal``: the cipher text as an id, which the text really holds, so reporting it is no
# wrong id; only fooled)


def cue_of(zh: tuple[str, ...], en: tuple[str, ...]) -> Callable[[Rng, str], str]:
    return lambda rng, lang: rng.choice(zh if lang == "zh" else en)


NZ: dict[str, object] = {"no_zero": True}
HANDLE_SPECS: dict[str, H] = {
    "h_wechat_insular_letters": ("wechat", of(t.sub_letters(t.INSULAR)), None, ("insular",), {}),
    "h_wechat_math_letters": ("wechat", of(t.sub_letters(t.MATH_LETTERS)), None, ("math_letters",), {}),  # noqa: E501
    "h_wechat_ligatures": ("wechat", of(t.ligatures), None, ("ligatures",), {}),
    "h_wechat_cue_green_bubble": ("wechat", plain, cue_of(("绿泡泡", "绿色软件", "🟩泡泡", "绿色聊天软件"), ("the green app", "green bubble app")), ("green_bubble_cue",), {}),  # noqa: E501
    "h_wechat_placeholder": ("wechat", placeholder_id, None, ("placeholder",), {}),
    "h_wechat_letter_names": ("wechat", of(pure(t.letter_names), "字母按英文读音写的，连起来", "spelled out, no spaces"), None, ("letter_names", "hint"), {}),  # noqa: E501
    "h_qq_counting_rods": ("qq", of(t.rods, "算筹数字", "digits as counting rods"), None, ("rods", "hint"), NZ),  # noqa: E501
    "h_qq_hex_hint": ("qq", qq_hex, None, ("hex_number", "hint"), {}),
    "h_qq_mail_aite": ("qq", qq_mail_aite, cue_of(("邮箱", "QQ邮箱"), ("mail", "email")), ("spelled_at_new", "spot_dot"), {}),  # noqa: E501
    "h_qq_digits_plus_one": ("qq", of(pure(t.digits_plus_one), "每位数字减1", "subtract one from each digit"), None, ("plus_one", "hint"), {"literal": t.digits_plus_one}),  # noqa: E501
    "h_telegram_atbash": ("telegram", of(lambda r, s: "@" + t.atbash(s), "Atbash：a换z，b换y", "Atbash: a<->z, b<->y"), None, ("atbash", "hint"), {"literal": t.atbash}),  # noqa: E501
    "h_telegram_tg_resolve": ("telegram", tg_resolve, None, ("tg_resolve_uri",), {}),
    "h_telegram_keyboard_right": ("telegram", of(lambda r, s: "@" + t.keyboard_right(s), "键盘往右错了一位", "typed one key to the right"), None, ("keyboard_right", "hint"), {"literal": t.keyboard_right}),  # noqa: E501
    "h_telegram_tme_spot_insular": ("telegram", tme_spot_insular, None, ("spot_dot", "insular"), {}),  # noqa: E501
    "h_whatsapp_spanish_digits": ("whatsapp", es_digits, None, ("es_digit_words",), {}),
    "h_whatsapp_wa_me_script_digits": ("whatsapp", wa_me_script, None, ("script_digits", "wa_me", "hint"), {}),  # noqa: E501
    "h_line_math_letters_spot_dot": ("line", line_math_spot, None, ("math_letters", "spot_dot"), {"sep": "."}),  # noqa: E501
    "h_phone_counting_rods": ("phone", of(t.rods, "算筹数字", "digits as counting rods"), None, ("rods", "hint"), NZ),  # noqa: E501
    "h_phone_tel_percent": ("phone", tel_percent, None, ("percent_tel",), {}),
    "h_phone_script_digits": ("phone", script_id, None, ("script_digits", "hint"), {}),
    "h_phone_digits_plus_one": ("phone", of(pure(t.digits_plus_one), "每位数字减1才是真号码", "each digit is one too high"), None, ("plus_one", "hint"), {"literal": t.digits_plus_one}),  # noqa: E501
    # two or three at once
    "h_wechat_ligatures_insular": ("wechat", of(lambda r, s: t.sub_letters(t.INSULAR)(r, t.ligatures(r, s))), None, ("ligatures", "insular"), {}),  # noqa: E501
    "h_qq_mail_rods_spot": ("qq", qq_mail_rods, cue_of(("邮箱", "QQ邮箱"), ("mail", "email")), ("rods", "spelled_at_new", "spot_dot", "hint"), NZ),  # noqa: E501
    "h_telegram_tme_atbash_spot": ("telegram", tme_atbash_spot, None, ("spot_dot", "atbash", "hint"), {"literal": t.atbash}),  # noqa: E501
    "h_phone_script_digits_plus_one": ("phone", script_plus_one, None, ("script_digits", "plus_one", "hint"), {"literal": t.digits_plus_one}),  # noqa: E501
}  # fmt: skip


def _handle_text(rng: Rng, lang: str, surface: str, harmful: bool) -> str:
    if surface in ("username", "display_name", "map_place"):
        return rng.choice(SHORT[lang])
    return rng.choice((HARMFUL if harmful else NEUTRAL)[lang])


def fill(template: str, cue: str, shown: str) -> str:
    """Put cue and id in; a Latin cue glued to a Latin id gets a space (a reader could not tell
    where the cue ends)."""
    if "{c}{id}" in template and cue[-1:].isascii() and cue[-1:].isalnum():
        cue += " "
    return template.replace("{c}", cue).replace("{id}", shown)


def make_handle(spec: H) -> Builder:
    kind, idfn, cue_fn, tricks, opts = spec

    def build(rng: Rng, pools: Pools, i: int) -> Case:
        lang = "zh" if i % 2 == 0 else "en"
        surface = SURFACES[rng.randrange(len(SURFACES))]
        harmful = surface not in ("username", "display_name", "map_place") and rng.random() < 0.5
        template = _handle_text(rng, lang, surface, harmful)
        cue = cue_fn(rng, lang) if cue_fn else rng.choice(CUES[kind][lang])
        no_zero, sep = bool(opts.get("no_zero")), opts.get("sep")
        for _ in range(50):  # an id the disguise changes (insular letters need a d, f, g...)
            expected, written = new_id(rng, kind, no_zero, sep if isinstance(sep, str) else None)
            shown, hint_text = idfn(rng, written, lang)
            if shown != written or idfn is plain:
                break
        if hint_text:
            shown = f"{shown}（{hint_text}）" if lang == "zh" else f"{shown} ({hint_text})"
        text = fill(template, cue, shown)
        key = fill(template, CUES[kind][lang][0], written)
        literal = opts.get("literal")
        others = (literal(written),) if callable(literal) else ()
        return Case(
            id="", family="", group="handle", kind=kind, surface=surface, lang=lang, text=text,
            expected=(expected,), others=others, harmful=harmful, key=key, tricks=tricks,
        )  # fmt: skip

    return build


def handle_families() -> dict[str, Builder]:
    return {name: make_handle(spec) for name, spec in HANDLE_SPECS.items()}


# ---- should-review ---------------------------------------------------------------------------

REVIEW_WORDING = {
    "r_replica_guns_zh": (
        "仿真枪、气枪、钢珠枪出售，全国顺丰包邮，{c}：{id}",
        "弓弩、狗药、麻醉针，货到付款，{c}{id}",
    ),
    "r_nudify_deepfake_en": (
        "AI undress any photo, send me her pic and get it back in 5 min, {c} {id}",
        "custom deepfake videos of anyone, your ex, your boss, your teacher, {c}: {id}",
    ),
    "r_wildlife_organs_zh": (
        "象牙手镯、穿山甲片、犀牛角，保真，{c}：{id}",
        "急收肾源，价格面议，包来回路费，{c} {id}",
    ),
    "r_otp_bypass_bank_logs_en": (
        "OTP bypass bot, works on every bank, lifetime access, {c} {id}",
        "selling bank logs with email access, high balance, {c}: {id}",
    ),
}


def make_review_handle(name: str) -> Builder:
    def build(rng: Rng, pools: Pools, i: int) -> Case:
        kind = ("wechat", "qq", "telegram", "whatsapp")[i % 4]
        template = REVIEW_WORDING[name][i % 2]
        lang = "en" if template.isascii() else "zh"
        cue = rng.choice(CUES[kind][lang])
        expected, written = new_id(rng, kind)
        text = fill(template, cue, written)
        return Case(
            id="", family="", group="review", kind=kind,
            surface=rng.choice((*LONG_SURFACES, "bio", "listing")), lang=lang, text=text,
            expected=(expected,), harmful=True, key=text, tricks=("harmful_wording",),
        )  # fmt: skip

    return build


def r_cipher_key_withheld(rng: Rng, pools: Pools, i: int) -> Case:
    """The message says the address is enciphered but not how: a reader cannot decode it."""
    h = pools.host(rng)
    read = t.atbash(h.name) + "." + t.atbash(h.tld)  # the cipher text read with a plain dot
    shown = read.replace(".", rng.choice(t.SPOT_DOTS))
    lang = "zh" if i % 2 == 0 else "en"
    lead, tail = (
        ("新网址加密了，老会员都会解：", "，注册送58彩金")
        if lang == "zh"
        else ("new link is encrypted, members know the key: ", " , signup bonus inside")
    )
    return Case(
        id="", family="", group="review", kind="host", surface=rng.choice(SURFACES), lang=lang,
        text=f"{lead}{shown}{tail}", expected=(h.host,), others=(read,), harmful=True,
        source=h.source,
        key=f"{lead}{h.host}{tail}", tricks=("atbash_no_key", "spot_dot"),
    )  # fmt: skip


def r_tld_left_out(rng: Rng, pools: Pools, i: int) -> Case:
    """A name with its TLD left to the reader's guess."""
    h = pools.host(rng, lambda x: any(c.isdigit() for c in x.name))
    lang = "zh" if i % 2 == 0 else "en"
    text = rng.choice(
        (f"老地方换域名了，前缀{h.name}，后缀你懂的，进去送彩金",
         f"找不到的搜{h.name}，后面加老后缀就行")
        if lang == "zh"
        else (f"new site is {h.name} + the usual ending, bonus for old players",
              f"same name as before, {h.name}, you know which ending")
    )  # fmt: skip
    return Case(
        id="", family="", group="review", kind="host", surface=rng.choice(SURFACES), lang=lang,
        text=text, expected=(h.host,), harmful=True, source=h.source,
        key=text.replace(h.name, h.host, 1), tricks=("tld_left_out",),
    )  # fmt: skip


def r_id_part_held_back(rng: Rng, pools: Pools, i: int) -> Case:
    """Harmful wording and an id with a run of it starred out (the rest "by DM")."""
    kind = ("wechat", "telegram", "qq")[i % 3]
    expected, written = new_id(rng, kind)
    k = rng.randrange(1, len(written) - 2)
    masked = written[:k] + "**" + written[k + 2 :]
    lang = "zh" if i % 2 == 0 else "en"
    cue = rng.choice(CUES[kind][lang])
    template = (
        "包上岸的博彩导师，{c}：{id}（星号两位私信问）"
        if lang == "zh"
        else "escort service, discreet, {c}: {id} (ask me for the two hidden characters)"
    )
    return Case(
        id="", family="", group="review", kind=kind, surface=rng.choice(LONG_SURFACES),
        lang=lang, text=fill(template, cue, masked), expected=(expected,), harmful=True,
        key=fill(template, cue, written), tricks=("masked_run",),
    )  # fmt: skip


def r_zero_padded_ip(rng: Rng, pools: Pools, i: int) -> Case:
    """A listed IP with every part padded to three digits: read as decimal it is the listed
    one, read as a browser reads it (a leading 0 is octal) another; a reader cannot be sure."""
    for _ in range(5000):
        h = pools.ip(rng)
        parts = h.host.split(".")
        if all(set(p) <= set("01234567") for p in parts) and any(len(p) < 3 for p in parts):
            break
    else:
        raise RuntimeError("no IP with octal-looking parts")
    padded = ".".join(p.zfill(3) for p in parts)
    octal = ".".join(str(int(p, 8)) if p[0] == "0" else p for p in padded.split("."))
    lang = "zh" if i % 2 == 0 else "en"
    lead = "备用线路 http://" if lang == "zh" else "backup server http://"
    tail = "/app.apk 下载后安装" if lang == "zh" else "/app.apk install after download"
    return Case(
        id="", family="", group="review", kind="ip", surface=rng.choice(SURFACES), lang=lang,
        text=f"{lead}{padded}{tail}", expected=(h.host,), others=(octal,), harmful=True,
        source=h.source, key=f"{lead}{h.host}{tail}", tricks=("zero_padded_ip",),
    )  # fmt: skip


def review_families() -> dict[str, Builder]:
    out: dict[str, Builder] = {name: make_review_handle(name) for name in REVIEW_WORDING}
    out["r_cipher_key_withheld"] = r_cipher_key_withheld
    out["r_tld_left_out"] = r_tld_left_out
    out["r_id_part_held_back"] = r_id_part_held_back
    out["r_zero_padded_ip"] = r_zero_padded_ip
    return out


# ---- benign ----------------------------------------------------------------------------------

SURNAMES = ("zhang", "wang", "li", "liu", "chen", "yang", "huang", "zhao", "wu", "zhou")
GIVEN = ("wei", "fang", "na", "min", "jing", "lei", "yan", "jun", "sarah", "tom", "emma", "david")
DOTTED_NAMES = (
    "Anna.Li", "Lily.Ma", "Tom.Ng", "Chen.Mo", "Kevin.Lu", "Jenny.Ky", "Grace.Ho", "Amy.To",
    "Ivy.Lo", "Yuki.Ni", "Mark.Ee", "Rosa.Do",
)  # fmt: skip


def _receipt(rng: Rng) -> str:
    a, b = rng.randint(10, 399), rng.randint(0, 99)
    return rng.choice(
        (f"合计 ¥{a}.{b:02d}，优惠 ¥{rng.randint(1, 9)}.50，实付 ¥{a - 5}.{b:02d}，谢谢惠顾",
         f"Subtotal ${a}.{b:02d}  Tax ${rng.randint(1, 30)}.{b % 10}4  Total ${a + 12}.{b:02d}",
         f"本月电费 {a}.{b % 10} 元，用电 {rng.randint(100, 600)}.5 度，"
         f"请于{rng.randint(1, 28)}号前缴清",
         f"Paid £{a}.{b:02d} at TESCO STORES 3.{rng.randint(10, 99)}pm, card ending {b:04d}")
    )  # fmt: skip


def _changelog(rng: Rng) -> str:
    x, y, z = rng.randint(1, 20), rng.randint(0, 30), rng.randint(0, 99)
    return rng.choice(
        (f"升级到 v{x}.{y}.{z} 之后闪退的问题修好了", f"Python {rng.choice((3,))}.{rng.randint(8, 13)}.{z % 10} is out",  # noqa: E501
         f"node v{x}.{y}.{z} 和 npm {x % 10}.{y % 10}.0 一起装", f"Release {x}.{y}: fixed {z} bugs, see CHANGELOG.md",  # noqa: E501
         f"app 更新到 {x}.{y}.{z}，新增夜间模式")
    )  # fmt: skip


def _timetable(rng: Rng) -> str:
    h, m = rng.randint(6, 22), rng.choice(("05", "15", "30", "45", "50"))
    return rng.choice(
        (f"G{rng.randint(100, 9999)}次列车 {h}.{m} 发车，{rng.randint(1, 16)}号车厢",
         f"Flight CA{rng.randint(100, 999)} departs {h}.{m}, gate B{rng.randint(1, 40)}",
         f"The 9.{m} bus was late again, got in at {h}.{m}",
         f"会议改到 {h}.{m}，地点三楼会议室")
    )  # fmt: skip


def _attachment(rng: Rng) -> str:
    y = rng.randint(2019, 2026)
    return rng.choice(
        (f"附件是{y}年度工作总结.docx，请查收", f"报价单_{y}.xlsx 和 合同扫描件.pdf 已发你邮箱",
         f"照片 IMG_{rng.randint(1000, 9999)}.JPG 太大了，我压缩一下",
         f"会议纪要-{y}.{rng.randint(1, 12)}.md 已更新",
         f"please see attached Q{rng.randint(1, 4)}_report_{y}.pptx")
    )  # fmt: skip


def _dian_time(rng: Rng) -> str:
    h = rng.randint(1, 12)
    return rng.choice(
        (f"今晚{h}点live，不见不散", f"每天{h}点top榜单更新", f"明早{h}点app更新，会停服半小时",
         f"周六{h}点club活动，记得带球拍", f"下午{h}点pro组比赛开始", f"晚上{h}点online答疑")
    )  # fmt: skip


def _email(rng: Rng) -> str:
    user = rng.choice(SURNAMES) + rng.choice(("", ".", "_")) + rng.choice(GIVEN)
    user += str(rng.randint(70, 99)) if rng.random() < 0.5 else ""
    mail = user + "@" + rng.choice(("163.com", "126.com", "gmail.com", "outlook.com", "yahoo.com"))
    return rng.choice(
        (f"简历已发到 {mail}，麻烦查收", f"my email is {mail}, send me the slides",
         f"有问题可以发邮件到 {mail}", f"Contact {mail} for the class schedule")
    )  # fmt: skip


def _specs(rng: Rng) -> str:
    return rng.choice(
        (f"屏幕 6.{rng.randint(1, 9)} 英寸，重量 {rng.randint(150, 230)}g，电池 3.85V",
         f"USB-C 3.2 Gen 2，传输 10Gbps，线长 1.{rng.randint(0, 9)}m",
         f"this lens is 24-70mm f/2.8, weighs 0.{rng.randint(5, 9)}kg",
         f"机油 5W-30，容量 4.{rng.randint(0, 9)}L，每 7500 公里换一次")
    )  # fmt: skip


def _dotted_ids(rng: Rng) -> str:
    return rng.choice(
        (f"Windows 10.0.{rng.randint(19041, 22631)}.{rng.randint(100, 4000)}",
         "OID 1.3.6.1.4.1.311.21.8", f"内核版本 5.15.0-{rng.randint(50, 120)}-generic",
         f"ISBN 978-7-{rng.randint(100, 999)}-{rng.randint(10000, 99999)}-{rng.randint(0, 9)}",
         f"法规第 {rng.randint(1, 20)}.{rng.randint(1, 9)}.{rng.randint(1, 9)} 条")
    )  # fmt: skip


def _discounts(rng: Rng) -> str:
    return rng.choice(
        (f"全场{rng.randint(3, 9)}.{rng.randint(1, 9)}折，满200减30", "第二件半价，点击购物车结算",
         f"会员价 ¥{rng.randint(10, 99)}.9，原价 ¥{rng.randint(100, 199)}",
         f"{rng.randint(2, 9)}.{rng.randint(1, 9)}折起，仅限今天")
    )  # fmt: skip


def _landline(rng: Rng) -> str:
    area = rng.choice(("010", "021", "020", "0755", "028"))
    num = f"{rng.randint(5000, 8999)} {rng.randint(1000, 9999)}"
    return rng.choice(
        (f"门店电话 {area}-{num}，营业时间 10:00-22:00",
         f"预约请拨打 {area}-{num}（工作日 9 点到 5 点半）",
         f"Reception: ({area}) {num}, open 9.30-17.30")
    )  # fmt: skip


def _grades(rng: Rng) -> str:
    return rng.choice(
        (f"平均分 {rng.randint(60, 99)}.{rng.randint(0, 9)}，比上次高了 {rng.randint(1, 9)}.5 分",
         f"GPA {rng.randint(2, 3)}.{rng.randint(0, 9)}/4.0", "π ≈ 3.14159，e ≈ 2.71828",
         f"x = {rng.randint(1, 9)}.{rng.randint(1, 9)}，y = 0.{rng.randint(1, 9)}，求斜率")
    )  # fmt: skip


_DOTTED = re.compile(r"\w\.\w")


def _real_dotted(rng: Rng, pools: Pools, which: str, pred: Callable[[str], bool]) -> str:
    for _ in range(500):
        s = real(rng, pools.data, which)
        if pred(s):
            return s
    return s


ORDINARY_GLYPHS = (
    "集合 A∩B 和 A∪B 有什么区别？", "Let ε > 0; for all n ∈ ℕ with n ≥ N, |aₙ − L| < ε",
    "H₂O 和 CO₂ 的分子量分别是 18 和 44", "Encyclopædia Britannica, 15th edition",
    "her chef-d'œuvre opens at the Louvre", "Æsop's fables for kids",
    "钟声嘀嗒嘀嗒地响，已经十点了",
    "古人用算筹 𝍠 𝍡 𝍢 来计数", "Tôi có tám quả cam và ba quả chuối", "Uno, dos, tres, ¡vamos!",
    "السعر ٣٥ درهم فقط", "语文课学了 Atbash 密码：a 对 z，b 对 y", "p ∨ q ⊤ 是永真式",
)  # fmt: skip


def _gov_spot(rng: Rng, pools: Pools) -> str:
    host = real(rng, pools.data, "dotgov")
    name, tld = host.split(".", 1)
    shown = rng.choice(
        (name + rng.choice(t.SPOT_DOTS) + tld, t.sub_letters(t.INSULAR)(rng, host),
         t.sub_letters(t.MATH_LETTERS)(rng, host), f"{name} {rng.choice(t.RARE_DOT_WORDS)} {tld}")
    )  # fmt: skip
    return rng.choice(("政策原文见 {h}", "Official guidance is on {h}", "报名入口 {h}")).replace(
        "{h}", shown
    )


BENIGN: dict[str, Callable[[Rng, Pools], str]] = {
    "b_receipts_totals": lambda r, p: _receipt(r),
    "b_changelog_versions": lambda r, p: _changelog(r),
    "b_timetables_dotted_times": lambda r, p: _timetable(r),
    "b_attachment_names": lambda r, p: _attachment(r),
    "b_dian_time_before_english": lambda r, p: _dian_time(r),
    "b_personal_emails": lambda r, p: _email(r),
    "b_device_specs": lambda r, p: _specs(r),
    "b_dotted_version_ids": lambda r, p: _dotted_ids(r),
    "b_dotted_person_names": lambda r, p: r.choice(DOTTED_NAMES) + r.choice(("", " 🌷", " | 摄影", " ✈️")),  # noqa: E501
    "b_discounts_zh": lambda r, p: _discounts(r),
    "b_shop_landlines": lambda r, p: _landline(r),
    "b_grades_and_math": lambda r, p: _grades(r),
    "b_real_weibo_with_dian": lambda r, p: _real_dotted(r, p, "weibo", lambda s: "点" in s),
    "b_new_trick_glyphs_in_ordinary_text": lambda r, p: r.choice(ORDINARY_GLYPHS),
    "b_dotgov_new_disguises": _gov_spot,
    "b_real_sms_ham_dotted": lambda r, p: _real_dotted(r, p, "sms_ham", lambda s: bool(_DOTTED.search(s))),  # noqa: E501
}  # fmt: skip


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
