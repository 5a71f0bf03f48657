"""Held-out red team #2: composed disguises of real listed hosts and real-shaped messenger handles.

Written from the outside (README + issue 6 only; no look at the unmasker, the extractors or the
team's own suites), as a spammer who has read issue 6 would write: every family composes two or
three tricks the issue does not name (mathematical and enclosed letters, superscripts, combining
marks, tag characters, supplementary variation selectors, non-Latin decimal digits, dot words of
other languages, BBCode/HTML/markdown, chat logs, acrostics, spelled punctuation, alias links of
messengers...). Hosts are drawn from the evaluation feeds in ``shared/data`` (only entries whose
listed line is itself the registrable domain, so the expectation is exact); handles have the
shapes real ids have. Cases a careful reader undoes without guessing are ``in_bar``; the
``should_review`` families have two readings (Bastion may say ``review`` or ``act``, never a
wrong host). Benign controls are real ham/UGC rows plus look-alike-but-benign text.

Deterministic: one ``random.Random(seed)`` per family, seeded from the family name.
"""

from __future__ import annotations

import hashlib
import random
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from bench import common

SEED = 20261206
PER_FAMILY = 40
HANDLE_KINDS = ("wechat", "qq", "telegram", "whatsapp", "line", "phone")
SURFACES = (
    "post",
    "comment",
    "chat",
    "username",
    "display_name",
    "bio",
    "livestream",
    "listing",
    "map_place",
    "moment",
)
SHORT_SURFACES = ("username", "display_name")
TLDS = frozenset(
    [
        "com",
        "net",
        "org",
        "info",
        "vip",
        "club",
        "top",
        "xyz",
        "cc",
        "tv",
        "me",
        "bet",
        "win",
        "io",
        "co",
        "live",
        "fun",
        "site",
        "online",
        "app",
        "pro",
    ]
)
LINK_SOURCES: tuple[tuple[str, str], ...] = (
    ("sinfonietta-hostfiles/gambling.txt", "gambling"),
    ("hostsvn-gambling-vn/gambling_vn.txt", "gambling"),
    ("sinfonietta-hostfiles/pornography.txt", "porn"),
    ("v2fly-domain-list-community/category-porn.tsv", "porn"),
    ("blocklistproject-lists/scam.txt", "scam"),
    ("blocklistproject-lists/phishing.txt", "phishing"),
)


@dataclass(frozen=True, slots=True)
class Case:
    """One attack: ``expected`` is a registrable domain (kind ``link``) or ``kind:id``."""

    family: str
    kind: str
    text: str
    surface: str
    expected: str
    category: str
    lang: str
    in_bar: bool


@dataclass(frozen=True, slots=True)
class Benign:
    family: str
    text: str
    surface: str
    lang: str


# ---------------------------------------------------------------- targets (real listed hosts)

_HOST_RE = re.compile(r"^[a-z][a-z0-9]{3,13}\.([a-z]{2,6})$")


def listed_hosts(data: Path) -> dict[str, list[str]]:
    """category -> sorted listed hosts that are their own registrable domain (``name.tld``)."""
    out: dict[str, set[str]] = {}
    for rel, category in LINK_SOURCES:
        for host in common.read_hosts(data / rel):
            m = _HOST_RE.match(host)
            if m and m.group(1) in TLDS:
                out.setdefault(category, set()).add(host)
    return {k: sorted(v) for k, v in out.items()}


# ---------------------------------------------------------------- Unicode tools


def _alpha_map(upper_a: int | None, lower_a: int, digit0: int | None, s: str) -> str:
    out = []
    for ch in s:
        if "a" <= ch <= "z":
            out.append(chr(lower_a + ord(ch) - 97))
        elif upper_a is not None and "A" <= ch <= "Z":
            out.append(chr(upper_a + ord(ch) - 65))
        elif digit0 is not None and ch.isdigit():
            out.append(chr(digit0 + int(ch)))
        else:
            out.append(ch)
    return "".join(out)


def math_bold(s: str) -> str:
    return _alpha_map(0x1D400, 0x1D41A, 0x1D7CE, s)


def math_sans_bold(s: str) -> str:
    return _alpha_map(0x1D5D4, 0x1D5EE, 0x1D7EC, s)


def double_struck(s: str) -> str:
    return _alpha_map(None, 0x1D552, 0x1D7D8, s)


def monospace(s: str) -> str:
    return _alpha_map(0x1D670, 0x1D68A, 0x1D7F6, s)


def bold_script(s: str) -> str:
    return _alpha_map(0x1D4D0, 0x1D4EA, None, s)


def bold_fraktur(s: str) -> str:
    return _alpha_map(0x1D56C, 0x1D586, None, s)


def fullwidth(s: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in s)


def parenthesized(s: str) -> str:
    """⒝⒠⒯ (NFKC turns each into ``(b)``): letters only, digits as ⑴..⑼ and plain 0."""
    out = []
    for ch in s:
        if "a" <= ch <= "z":
            out.append(chr(0x249C + ord(ch) - 97))
        elif "1" <= ch <= "9":
            out.append(chr(0x2474 + int(ch) - 1))
        else:
            out.append(ch)
    return "".join(out)


CIRCLED_DIGITS = "⓪①②③④⑤⑥⑦⑧⑨"
NEG_CIRCLED_DIGITS = "⓿❶❷❸❹❺❻❼❽❾"


def circled(s: str, rng: random.Random | None = None) -> str:
    out = []
    for ch in s:
        if "a" <= ch <= "z":
            if rng is not None and rng.random() < 0.4:
                out.append(chr(0x1F150 + ord(ch) - 97))  # negative circled capital 🅑
            else:
                out.append(chr(0x24D0 + ord(ch) - 97))
        elif ch.isdigit():
            pool = NEG_CIRCLED_DIGITS if rng is not None and rng.random() < 0.5 else CIRCLED_DIGITS
            out.append(pool[int(ch)])
        else:
            out.append(ch)
    return "".join(out)


_SUPER = dict(
    zip("abcdefghijklmnoprstuvwxyz0123456789", "ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻ⁰¹²³⁴⁵⁶⁷⁸⁹", strict=True)
)
_SUB_DIGITS = "₀₁₂₃₄₅₆₇₈₉"


def superscript(s: str) -> str:
    return "".join(_SUPER.get(c, c) for c in s)


_SMALL_CAPS = dict(zip("abcdefghijklmnoprstuvwyz", "ᴀʙᴄᴅᴇꜰɢʜɪᴊᴋʟᴍɴᴏᴘʀꜱᴛᴜᴠᴡʏᴢ", strict=True))


def small_caps(s: str) -> str:
    return "".join(_SMALL_CAPS.get(c, c) for c in s)


def combine_each(s: str, mark: str) -> str:
    return "".join(c + mark for c in s)


def tag_interleave(s: str, rng: random.Random) -> str:
    """Unicode tag characters (U+E0020..E007E, invisible) after about half of the characters."""
    out = []
    for ch in s:
        out.append(ch)
        if rng.random() < 0.5:
            out.append(chr(0xE0000 + ord(rng.choice("abcdefghijklmnopqrstuvwxyz"))))
    return "".join(out)


def vs_interleave(s: str, rng: random.Random) -> str:
    """Supplementary variation selectors (U+E0100..E01EF, invisible) between characters."""
    return "".join(ch + chr(0xE0100 + rng.randrange(240)) for ch in s)


BIDI_MARKS = ("\u200e", "\u200f", "\u2066", "\u2069", "\u202a", "\u202c", "\u2068", "\u061c")


def bidi_interleave(s: str, rng: random.Random) -> str:
    out = []
    for ch in s:
        out.append(ch)
        if rng.random() < 0.5:
            out.append(rng.choice(BIDI_MARKS))
    return "".join(out)


_CYR = {"a": "а", "c": "с", "e": "е", "o": "о", "p": "р", "x": "х", "y": "у", "i": "і", "s": "ѕ"}
_GRK = {"o": "ο", "a": "α", "i": "ι", "v": "ν", "k": "κ"}


def homoglyph(s: str, rng: random.Random) -> str:
    """Replace about half of the replaceable letters by Cyrillic or Greek look-alikes."""
    out = []
    for ch in s:
        pool = [m[ch] for m in (_CYR, _GRK) if ch in m]
        out.append(rng.choice(pool) if pool and rng.random() < 0.6 else ch)
    return "".join(out)


NONLATIN_DIGIT_ZERO = {
    "arabic": 0x660,
    "persian": 0x6F0,
    "devanagari": 0x966,
    "bengali": 0x9E6,
    "thai": 0xE50,
    "myanmar": 0x1040,
    "khmer": 0x17E0,
}


def nonlatin_digits(s: str, script: str) -> str:
    zero = NONLATIN_DIGIT_ZERO[script]
    return "".join(chr(zero + int(c)) if c.isdigit() else c for c in s)


KEYCAP = "\ufe0f\u20e3"


def keycaps(digits: str) -> str:
    return "".join(d + KEYCAP if d.isdigit() else d for d in digits)


ZH_DIGITS = "零一二三四五六七八九"
ZH_CAPITAL = "零壹贰叁肆伍陆柒捌玖"
ZH_SPOKEN = "洞幺两三四五六拐八勾"  # radio / street readings: 洞 0, 幺 1, 两 2, 拐 7, 勾 9


# ---------------------------------------------------------------- message templates

LINK_TEMPLATES: dict[str, dict[str, tuple[str, ...]]] = {
    "gambling": {
        "zh": (
            "官网{X} 注册就送88元彩金，天天返水",
            "【澳门新葡京】{X} 首充百送百 退订回T",
            "百家乐 真人视讯 体育投注 👉 {X} 👈 秒提款",
            "老哥们上岸了，就在{X}，信誉大平台",
            "{X} 每日爆分 老虎机 捕鱼 棋牌",
            "稳赚不赔！导师带单：{X}",
        ),
        "en": (
            "WINNER!! Your free £50 casino bonus is waiting at {X} - claim now!",
            "Best odds + instant withdrawals 👉 {X} 👈 use code VIP100",
            "bro I made 4k last night on {X} , no joke",
            "FREE SPINS for new players only at {X} T&C apply",
            "{X} slots poker live casino 24/7",
        ),
    },
    "porn": {
        "zh": (
            "同城约炮 {X} 免费看",
            "福利视频 看片神器 {X} 成人专区",
            "寂寞了吗？{X} 美女一对一",
            "最新资源 无码高清 → {X}",
            "{X} 每天更新 懂的来",
        ),
        "en": (
            "Hot singles near you want to meet 👉 {X}",
            "my private pics are on {X} 😘 come see",
            "check my profile, link in bio: {X}",
            "18+ only! free live cams at {X}",
            "{X} uncensored videos daily",
        ),
    },
    "scam": {
        "zh": (
            "您的快递异常，请登录{X}处理理赔",
            "恭喜您获得年终返利，请访问{X}领取",
            "【中国移动】积分即将清零，点击{X}兑换现金",
            "兼职刷单日结300+，详情{X}",
            "您的ETC已失效，请尽快登录{X}认证",
        ),
        "en": (
            "URGENT! Your account has been suspended. Verify at {X} within 24h",
            "Congratulations you won a $1000 gift card, claim at {X}",
            "Earn $500/day from home, sign up: {X}",
            "Your parcel is on hold, pay the fee at {X}",
            "Bitcoin giveaway! send 0.1 get 1 back -> {X}",
        ),
    },
}
LINK_TEMPLATES["phishing"] = LINK_TEMPLATES["scam"]

HANDLE_TEMPLATES: dict[str, tuple[str, ...]] = {
    "zh": (
        "{X} 百家乐包赢，彩金天天送",
        "兼职日结 {X}",
        "{X} 同城上门服务",
        "稳赚项目 详聊 {X}",
        "{X} 代理招募 高返佣",
        "看片资源加 {X}",
    ),
    "en": (
        "{X} guaranteed profit crypto signals",
        "DM me for the full video {X}",
        "work from home $300/day {X}",
        "{X} casino VIP agent, fast payout",
        "sugar daddy wanted {X}",
    ),
}


def surround(rng: random.Random, template: str, token: str, surface: str) -> str:
    if surface in SHORT_SURFACES:
        return token
    if "\n" in token:  # a multi-line layout keeps its lines: the pitch goes on the line above
        return template.replace("{X}", "").strip(" ：:，,") + "\n" + token
    return template.replace("{X}", token)


# ---------------------------------------------------------------- link families

Disguise = Callable[[random.Random, str, str], tuple[str, str]]
"""(rng, name, tld) -> (disguised token, language it suits: 'zh', 'en' or 'any')."""


def _dotword(rng: random.Random, words: tuple[str, ...]) -> str:
    return rng.choice(words)


def _l_math_bold_dotword(r: random.Random, n: str, t: str) -> tuple[str, str]:
    return f"{math_bold(n)} {r.choice(('dot', math_bold('dot'), '(dot)'))} {math_bold(t)}", "any"


def _l_math_sans_fullstop_zw(r: random.Random, n: str, t: str) -> tuple[str, str]:
    cut = r.randrange(1, len(n))
    name = math_sans_bold(n[:cut]) + "\u200b" + math_sans_bold(n[cut:])
    return f"{name}{r.choice(('．', '。', '｡'))}{math_sans_bold(t)}", "any"


def _l_double_struck_defang(r: random.Random, n: str, t: str) -> tuple[str, str]:
    scheme = r.choice(("hxxps://", "hXXp://", "https[:]//", ""))
    return f"{scheme}{double_struck(n)}[.]{double_struck(t)}", "any"


def _l_monospace_code(r: random.Random, n: str, t: str) -> tuple[str, str]:
    return f"`{monospace(n)}{r.choice(('.', ' . ', '(.)'))}{monospace(t)}`", "any"


def _l_script_fraktur_mix(r: random.Random, n: str, t: str) -> tuple[str, str]:
    styles = (bold_script, bold_fraktur, math_bold)
    name = "".join(r.choice(styles)(c) for c in n)
    return f"{name} 点 {r.choice(styles)(t)}", "zh"


def _l_parenthesized(r: random.Random, n: str, t: str) -> tuple[str, str]:
    return f"{parenthesized(n)}{r.choice(('。', '.', ' . '))}{parenthesized(t)}", "any"


def _l_circled_mixed_dotword(r: random.Random, n: str, t: str) -> tuple[str, str]:
    return f"{circled(n, r)} {r.choice(('点', 'dot', '．'))} {circled(t, r)}", "any"


def _l_superscript(r: random.Random, n: str, t: str) -> tuple[str, str]:
    return f"{superscript(n)}{r.choice(('·', '.', '˙'))}{superscript(t)}", "any"


def _l_small_caps_juhao(r: random.Random, n: str, t: str) -> tuple[str, str]:
    return f"{small_caps(n)} {r.choice(('句号', '句点', '圆点'))} {small_caps(t)}", "zh"


def _l_underline_spaced(r: random.Random, n: str, t: str) -> tuple[str, str]:
    sep = r.choice((" ", ""))
    name = sep.join(c + "\u0332" for c in n)
    tld = sep.join(c + "\u0332" for c in t)
    return f"{name} {r.choice(('点', 'dot', '.'))} {tld}", "any"


def _l_enclosing_circle(r: random.Random, n: str, t: str) -> tuple[str, str]:
    mark = r.choice(("\u20dd", "\u20de", "\u20df"))
    return f"{combine_each(n, mark)}{r.choice(('。', '．', '.'))}{combine_each(t, mark)}", "any"


def _l_tag_chars_dotword(r: random.Random, n: str, t: str) -> tuple[str, str]:
    dot = r.choice(("(dot)", "[dot]", " 点 "))
    return tag_interleave(n, r) + dot + tag_interleave(t, r), "any"


def _l_supp_vs_fullwidth(r: random.Random, n: str, t: str) -> tuple[str, str]:
    return vs_interleave(fullwidth(n), r) + "．" + vs_interleave(fullwidth(t), r), "any"


def _l_bidi_marks_dotword(r: random.Random, n: str, t: str) -> tuple[str, str]:
    return bidi_interleave(n, r) + r.choice((" 点 ", " dot ", "。")) + bidi_interleave(t, r), "any"


def _l_homoglyph_tld_dotword(r: random.Random, n: str, t: str) -> tuple[str, str]:
    return f"{homoglyph(n, r)} {r.choice(('dot', '点', '(.)'))} {homoglyph(t, r)}", "any"


def _html_char(r: random.Random, c: str) -> str:
    return r.choice((f"&#{ord(c)};", f"&#x{ord(c):x};", f"&#X{ord(c):X};", c))


def _l_html_numeric_all(r: random.Random, n: str, t: str) -> tuple[str, str]:
    return "".join(_html_char(r, c) for c in f"{n}.{t}"), "any"


def _l_html_named_nbsp(r: random.Random, n: str, t: str) -> tuple[str, str]:
    dot = r.choice(("&period;", "&#46;", "&#x2E;", "&#x2e;"))
    pad = r.choice(("&nbsp;", "&#160;", "&ensp;", ""))
    return f"https&colon;&sol;&sol;{n}{pad}{dot}{pad}{t}", "any"


def _l_percent_fullwidth_scheme(r: random.Random, n: str, t: str) -> tuple[str, str]:
    enc = "".join(f"%{ord(c):02x}" if r.random() < 0.6 else c for c in n)
    return f"https：／／{enc}%2e{t}／reg", "any"


def _l_markdown_spelled(r: random.Random, n: str, t: str) -> tuple[str, str]:
    label = r.choice(("官网入口", "click here", "点我", "VIP"))
    inner = r.choice((f"{n} dot {t}", f"<{n}[.]{t}>", f"{n} 点 {t}", f"hxxp://{n}(.){t}"))
    return f"[{label}]({inner})", "any"


def _l_bbcode_split(r: random.Random, n: str, t: str) -> tuple[str, str]:
    cut = r.randrange(1, len(n))
    a, b = n[:cut], n[cut:]
    tags = ("b", "i", "u", "color=red", "size=5")
    o1, o2 = r.choice(tags), r.choice(tags)
    c1, c2 = o1.split("=")[0], o2.split("=")[0]
    return f"[url][{o1}]{a}[/{c1}][{o2}]{b}[/{c2}].{t}[/url]", "any"


def _l_html_tag_split(r: random.Random, n: str, t: str) -> tuple[str, str]:
    cut = r.randrange(1, len(n))
    a, b = n[:cut], n[cut:]
    tag = r.choice(("span", "b", "i", "em", "font color=red"))
    close = tag.split()[0]
    return f"{a}<{tag}>{b}</{close}><b>.</b>{t}", "any"


def _l_userinfo_decoy(r: random.Random, n: str, t: str) -> tuple[str, str]:
    decoy = r.choice(("paypal.com", "apple.com", "google.com", "taobao.com", "icbc.com.cn"))
    return f"https://{decoy}@{n}。{t}/login", "any"


def _l_subdomain_fullwidth_port(r: random.Random, n: str, t: str) -> tuple[str, str]:
    sub = r.choice(("vip8", "m", "www", "app", "h5"))
    return fullwidth(f"{sub}.") + f"{n}。{t}" + fullwidth(f":{r.randrange(1000, 9999)}/reg"), "any"


def _l_dotword_zh_new(r: random.Random, n: str, t: str) -> tuple[str, str]:
    dot = r.choice(("句号", "句点", "圆点", "小圆点", "小数点"))
    return f"{fullwidth(n)}{dot}{t}", "zh"


def _l_dotword_en_new(r: random.Random, n: str, t: str) -> tuple[str, str]:
    dot = r.choice(("period", "full stop", "fullstop", "PERIOD", "d.o.t", "dot-", "•dot•"))
    return f"{n.upper() if r.random() < 0.3 else n} {dot} {t}", "en"


DOT_LOOKALIKES = (
    "\u2022",
    "\u2027",
    "\u22c5",
    "\u2219",
    "\u30fb",
    "\ufe52",
    "\u2024",
    "\u2e31",
    "\ufe12",
    "\u00b7",
    "\u16eb",
    "\u0701",
    "\u1427",
    "\u2e33",
)


def _l_dot_lookalike_spaced(r: random.Random, n: str, t: str) -> tuple[str, str]:
    dot = r.choice(DOT_LOOKALIKES)
    sep = r.choice((" ", "  ", "\u3000"))
    return sep.join(n) + sep + dot + sep + sep.join(t), "any"


DOT_WORLD = (
    "डॉट",
    "نقطة",
    "נקודה",
    "τελεία",
    "punt",
    "tuldok",
    "ピリオド",
    "점",
    "pont",
    "piste",
    "bodka",
    "tečka",
    "prick",
    "точку",
)


def _l_dotword_world(r: random.Random, n: str, t: str) -> tuple[str, str]:
    return f"{n} {r.choice(DOT_WORLD)} {t}", "any"


def _l_dian_tone(r: random.Random, n: str, t: str) -> tuple[str, str]:
    return f"{n} {r.choice(('diǎn', 'diăn', 'Diǎn', 'dian3', 'diàn'))} {t}", "zh"


def _l_box_vertical(r: random.Random, n: str, t: str) -> tuple[str, str]:
    left, right = r.choice((("┃", "┃"), ("│", "│"), ("║", "║"), ("▌", "▐"), ("【", "】")))
    return "\n".join(f"{left}{c}{right}" for c in f"{n}.{t}"), "any"


def _l_acrostic(r: random.Random, n: str, t: str) -> tuple[str, str]:
    words_en = {
        c: w
        for w in [
            "apple",
            "banana",
            "cherry",
            "dragon",
            "eagle",
            "forest",
            "garden",
            "honey",
            "island",
            "jungle",
            "kitten",
            "lemon",
            "mango",
            "night",
            "orange",
            "pepper",
            "queen",
            "river",
            "sunny",
            "tiger",
            "umbrella",
            "violet",
            "winter",
            "xenon",
            "yellow",
            "zebra",
        ]
        for c in w[:1]
    }
    digit_en = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
    lines = []
    for c in f"{n}.{t}":
        if c == ".":
            lines.append(". (dot)")
        elif c.isdigit():
            lines.append(f"{c} {digit_en[int(c)]}")
        else:
            lines.append(words_en[c])
    hint = r.choice(
        (
            "(read the first letter of each line)",
            "（看每行第一个字母）",
            "take the first character of every line",
        )
    )
    return hint + "\n" + "\n".join(lines), "any"


def _l_chat_log(r: random.Random, n: str, t: str) -> tuple[str, str]:
    cut = r.randrange(1, len(n))
    hh, mm = r.randrange(10, 23), r.randrange(10, 50)
    who = r.choice(("客服小美", "Amy", "VIP-agent", "老王"))
    return (
        f"[{hh}:{mm}] {who}: {n[:cut]}\n[{hh}:{mm}] {who}: {n[cut:]}\n[{hh}:{mm + 1}] {who}: .{t}"
    ), "any"


def _l_keycap_circled(r: random.Random, n: str, t: str) -> tuple[str, str]:
    name = "".join(keycaps(c) if c.isdigit() else circled(c) for c in n)
    return f"{name} 点 {circled(t)}", "zh"


def _l_spelled_scheme_words(r: random.Random, n: str, t: str) -> tuple[str, str]:
    if r.random() < 0.5:
        return f"https 冒号 斜杠斜杠 {n} 点 {t}", "zh"
    return f"h t t p s colon slash slash {n} dot {t}", "en"


def _l_reversed_fullwidth(r: random.Random, n: str, t: str) -> tuple[str, str]:
    token = fullwidth(f"{t[::-1]}.{n[::-1]}")
    return (
        f"{' '.join(token)} {r.choice(('（倒着看）', '(read it backwards)', '（反过来读）'))}",
        "any",
    )


def _l_leet_math(r: random.Random, n: str, t: str) -> tuple[str, str]:
    leet = n.replace("e", "3").replace("o", "0").replace("a", "4").replace("i", "1")
    return f"{math_bold(leet)} {r.choice(('dot', '点'))} {math_bold(t)}", "any"


def _l_nonlatin_digits(r: random.Random, n: str, t: str) -> tuple[str, str]:
    script = r.choice(tuple(NONLATIN_DIGIT_ZERO))
    return f"{nonlatin_digits(n, script)}{r.choice(('.', '。', ' dot '))}{t}", "any"


def _l_js_escapes(r: random.Random, n: str, t: str) -> tuple[str, str]:
    dot = r.choice(("\\u002e", "\\u002E", "\\x2e", "\\056"))
    letter = r.randrange(len(n))
    name = n[:letter] + f"\\u{ord(n[letter]):04x}" + n[letter + 1 :]
    return f"{name}{dot}{t}", "any"


def _l_per_char_brackets(r: random.Random, n: str, t: str) -> tuple[str, str]:
    left, right = r.choice((("【", "】"), ("[", "]"), ("「", "」"), ("(", ")"), ("〔", "〕")))
    return "".join(f"{left}{c}{right}" for c in f"{n}.{t}"), "any"


def _l_code_concat(r: random.Random, n: str, t: str) -> tuple[str, str]:
    cut = r.randrange(1, len(n))
    q = r.choice(("'", '"', "“"))
    qe = "”" if q == "“" else q
    plus = r.choice((" + ", "＋", " ++ "))
    return f"{q}{n[:cut]}{qe}{plus}{q}{n[cut:]}{qe}{plus}{q}.{t}{qe}", "any"


def _l_fullwidth_ideo_space_dotword(r: random.Random, n: str, t: str) -> tuple[str, str]:
    return "\u3000".join(fullwidth(n)) + "\u3000" + r.choice(
        ("点", "．", "ｄｏｔ")
    ) + "\u3000" + "\u3000".join(fullwidth(t)), "any"


def _l_emoji_sandwich_math(r: random.Random, n: str, t: str) -> tuple[str, str]:
    emoji = r.choice(("🔥", "💰", "🎰", "💋", "✅"))
    return f"{emoji}{math_sans_bold(n)}{emoji}.{emoji}{math_sans_bold(t)}{emoji}", "any"


def _l_mixed_width_case(r: random.Random, n: str, t: str) -> tuple[str, str]:
    def flip(c: str) -> str:
        c = c.upper() if r.random() < 0.5 else c
        return fullwidth(c) if r.random() < 0.5 else c

    return "".join(flip(c) for c in n) + r.choice(
        ("〔.〕", "〖.〗", "『.』", "〈.〉")
    ) + t.upper(), "any"


LINK_FAMILIES: dict[str, Disguise] = {
    "math_bold_dotword": _l_math_bold_dotword,
    "math_sans_fullstop_zw": _l_math_sans_fullstop_zw,
    "double_struck_defang": _l_double_struck_defang,
    "monospace_codespan": _l_monospace_code,
    "script_fraktur_mix_dian": _l_script_fraktur_mix,
    "parenthesized_letters": _l_parenthesized,
    "circled_negative_mix": _l_circled_mixed_dotword,
    "superscript_letters": _l_superscript,
    "small_caps_juhao": _l_small_caps_juhao,
    "underline_marks_spaced": _l_underline_spaced,
    "enclosing_circle_marks": _l_enclosing_circle,
    "tag_chars_dotword": _l_tag_chars_dotword,
    "supp_variation_selectors_fw": _l_supp_vs_fullwidth,
    "bidi_marks_dotword": _l_bidi_marks_dotword,
    "homoglyph_tld_dotword": _l_homoglyph_tld_dotword,
    "html_numeric_every_char": _l_html_numeric_all,
    "html_named_entities_scheme": _l_html_named_nbsp,
    "percent_host_fullwidth_scheme": _l_percent_fullwidth_scheme,
    "markdown_link_spelled": _l_markdown_spelled,
    "bbcode_split_tags": _l_bbcode_split,
    "html_tag_split": _l_html_tag_split,
    "userinfo_decoy_cn_dot": _l_userinfo_decoy,
    "subdomain_fullwidth_port": _l_subdomain_fullwidth_port,
    "dotword_zh_juhao_fullwidth": _l_dotword_zh_new,
    "dotword_en_period": _l_dotword_en_new,
    "dot_lookalike_spaced": _l_dot_lookalike_spaced,
    "dotword_world_languages": _l_dotword_world,
    "dian_tone_marks": _l_dian_tone,
    "box_vertical_layout": _l_box_vertical,
    "acrostic_with_hint": _l_acrostic,
    "chat_log_split": _l_chat_log,
    "keycap_digits_circled": _l_keycap_circled,
    "spelled_scheme_punctuation": _l_spelled_scheme_words,
    "reversed_fullwidth_spaced": _l_reversed_fullwidth,
    "leet_math_bold": _l_leet_math,
    "nonlatin_decimal_digits": _l_nonlatin_digits,
    "js_escapes": _l_js_escapes,
    "per_char_brackets": _l_per_char_brackets,
    "code_string_concat": _l_code_concat,
    "fullwidth_ideo_space_dotword": _l_fullwidth_ideo_space_dotword,
    "emoji_sandwich_math_sans": _l_emoji_sandwich_math,
    "mixed_width_case_cjk_brackets": _l_mixed_width_case,
}

# Families with two readings: ``review`` or ``act`` expected, never a wrong host.


def _r_keyboard_adjacent(r: random.Random, n: str, t: str) -> tuple[str, str]:
    near = {"o": "p", "e": "w", "a": "s", "i": "u", "t": "r", "n": "m", "s": "d", "r": "t"}
    idx = [i for i, c in enumerate(n) if c in near]
    i = r.choice(idx) if idx else 0
    typo = n[:i] + near.get(n[i], n[i]) + n[i + 1 :]
    return f"{typo}.{t} (typo, you know the one)", "en"


def _r_strike_decoy(r: random.Random, n: str, t: str) -> tuple[str, str]:
    junk = r.choice("xqzk")
    i = r.randrange(1, len(n))
    return f"{n[:i]}{junk}\u0336{n[i:]}.{t}", "any"


def _r_tld_transliterated(r: random.Random, n: str, t: str) -> tuple[str, str]:
    zh = {"com": "康姆", "net": "耐特", "vip": "维爱皮", "top": "拓普", "club": "克拉布"}
    return f"{n} 点 {zh.get(t, t)}", "zh"


def _r_hashtag_split(r: random.Random, n: str, t: str) -> tuple[str, str]:
    return f"#{n} #{t}", "any"


def _r_line_end_hyphen(r: random.Random, n: str, t: str) -> tuple[str, str]:
    cut = r.randrange(2, len(n) - 1)
    return f"{n[:cut]}-\n{n[cut:]}.{t}", "any"


REVIEW_FAMILIES: dict[str, Disguise] = {
    "review_keyboard_adjacent": _r_keyboard_adjacent,
    "review_struck_decoy_letter": _r_strike_decoy,
    "review_tld_transliterated_zh": _r_tld_transliterated,
    "review_hashtag_split": _r_hashtag_split,
    "review_line_end_hyphen": _r_line_end_hyphen,
}
REVIEW_NEEDS = {
    "review_tld_transliterated_zh": frozenset({"com", "net", "vip", "top", "club"}),
    "review_keyboard_adjacent": frozenset(TLDS),
}


# ---------------------------------------------------------------- handle targets


def _wechat_id(r: random.Random) -> str:
    first = r.choice("abcdefghjklmnprstwxyz")
    body = "".join(r.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(r.randrange(3, 7)))
    sep = r.choice(("", "", "_", "-"))
    return first + body + sep + "".join(r.choice("0123456789") for _ in range(r.randrange(2, 5)))


def _qq(r: random.Random) -> str:
    return str(r.randrange(1, 10)) + "".join(
        r.choice("0123456789") for _ in range(r.randrange(6, 10))
    )


def _tg(r: random.Random) -> str:
    word = r.choice(
        ("casino", "vip", "lucky", "baccarat", "bet", "crypto", "signals", "hot", "girls")
    )
    return f"{word}_{r.choice(('king', 'club', 'boss', 'pro', 'agent'))}{r.randrange(10, 9999)}"


def _cn_mobile(r: random.Random) -> str:
    return "1" + r.choice("3456789") + "".join(r.choice("0123456789") for _ in range(9))


def _intl_phone(r: random.Random) -> tuple[str, str]:
    """(E.164 without +, country) among numbers whose shape phonenumbers accepts."""
    c = r.choice(("us", "gb", "in", "br", "ng"))
    if c == "us":
        return (
            f"1{r.choice(('202', '415', '646', '305'))}"
            f"{r.randrange(200, 999)}{r.randrange(1000, 9999)}",
            c,
        )
    if c == "gb":
        return f"447{r.randrange(400, 999)}{r.randrange(100000, 999999)}", c
    if c == "in":
        return f"91{r.choice('6789')}{r.randrange(100000000, 999999999)}", c
    if c == "br":
        return f"55119{r.randrange(6000, 9999)}{r.randrange(1000, 9999)}", c
    return f"234{r.choice(('803', '806', '813'))}{r.randrange(1000000, 9999999)}", c


def _line_id(r: random.Random) -> str:
    return (
        r.choice(("amy", "mimi", "lucky", "sexy", "vip"))
        + r.choice(("_", ".", ""))
        + str(r.randrange(10, 9999))
    )


HandleMaker = Callable[[random.Random], tuple[str, str, str]]
"""rng -> (disguised text fragment, kind, canonical id) ."""


def _spaced_digits(r: random.Random, d: str) -> str:
    return r.choice((" ", "")).join(d)


def _h_wechat_cue_math(r: random.Random) -> tuple[str, str, str]:
    i = _wechat_id(r)
    cue = r.choice(
        (math_bold("WeChat"), math_sans_bold("vx"), math_bold("VX"), double_struck("wechat"))
    )
    return f"{cue}：{fullwidth(i) if r.random() < 0.5 else i}", "wechat", i


def _h_wechat_cue_circled(r: random.Random) -> tuple[str, str, str]:
    i = _wechat_id(r)
    cue = r.choice(("ⓥⓧ", "ⓦⓔⓒⓗⓐⓣ", "🅥🅧", "ⓌⓍ", "Ⓥ信"))
    return f"{cue}: {i}", "wechat", i


def _h_wechat_id_circled_fw(r: random.Random) -> tuple[str, str, str]:
    i = _wechat_id(r)
    cue = r.choice(("薇", "微信", "V信", "wx"))
    ident = "".join(circled(c) if c.isalpha() else fullwidth(c) for c in i)
    return f"{cue}：{ident}", "wechat", i


def _h_wechat_id_underline(r: random.Random) -> tuple[str, str, str]:
    i = _wechat_id(r)
    mark = r.choice(("\u0332", "\u0336", "\u0335", "\u0333"))
    return f"{r.choice(('微信', 'vx', 'WeChat'))}: {combine_each(i, mark)}", "wechat", i


def _h_wechat_tag_chars(r: random.Random) -> tuple[str, str, str]:
    i = _wechat_id(r)
    return f"{r.choice(('加微信', 'wx', '威信'))}：{tag_interleave(i, r)}", "wechat", i


def _h_wechat_html_entities(r: random.Random) -> tuple[str, str, str]:
    i = _wechat_id(r)
    colon = r.choice(("&#65306;", "&colon;", "&#58;", "&#x3a;"))
    return (
        f"{r.choice(('微信', 'WeChat', 'vx'))}{colon}{'&nbsp;' if r.random() < 0.5 else ''}{i}",
        "wechat",
        i,
    )


def _h_wechat_markup(r: random.Random) -> tuple[str, str, str]:
    i = _wechat_id(r)
    fmt = r.choice(
        (
            "**vx**：`{i}`",
            "[b]微信[/b]:[color=red]{i}[/color]",
            "<b>WeChat</b>: <i>{i}</i>",
            "__微信__ ~~{i}~~",
        )
    )
    return fmt.replace("{i}", i), "wechat", i


def _h_wechat_box_vertical(r: random.Random) -> tuple[str, str, str]:
    i = _wechat_id(r)
    return "微信\n" + "\n".join(f"┃{c}┃" for c in i), "wechat", i


def _h_wechat_superscript(r: random.Random) -> tuple[str, str, str]:
    i = _wechat_id(r).replace("q", "k")
    return f"{r.choice(('微信', 'vx', 'WeChat ID'))}: {superscript(i)}", "wechat", i


def _h_qq_math_digits(r: random.Random) -> tuple[str, str, str]:
    q = _qq(r)
    style = r.choice((math_bold, math_sans_bold, double_struck, monospace))
    return f"{r.choice(('QQ', '扣扣', 'Q群'))}：{style(q)}", "qq", q


def _h_qq_keycaps(r: random.Random) -> tuple[str, str, str]:
    q = _qq(r)
    sep = r.choice(("", " ", "\u200d"))
    return f"{r.choice(('QQ', '扣扣', '企鹅'))} {sep.join(keycaps(c) for c in q)}", "qq", q


def _h_qq_cue_styled(r: random.Random) -> tuple[str, str, str]:
    q = _qq(r)
    cue = r.choice(("ⓆⓆ", "ＱＱ", math_bold("QQ"), "🅀🅀", "ｑｑ号"))
    return f"{cue}:{q}", "qq", q


def _h_qq_zero_forms_spaced(r: random.Random) -> tuple[str, str, str]:
    q = _qq(r)
    digits = "".join(r.choice(("〇", "零", "洞")) if c == "0" else ZH_DIGITS[int(c)] for c in q)
    return f"QQ：{' '.join(digits) if r.random() < 0.5 else digits}", "qq", q


def _h_qq_capital_zwj(r: random.Random) -> tuple[str, str, str]:
    q = _qq(r)
    digits = "\u200d".join(ZH_CAPITAL[int(c)] if r.random() < 0.6 else c for c in q)
    return f"扣扣号 {digits}", "qq", q


def _h_qq_nonlatin(r: random.Random) -> tuple[str, str, str]:
    q = _qq(r)
    return f"QQ: {nonlatin_digits(q, r.choice(tuple(NONLATIN_DIGIT_ZERO)))}", "qq", q


def _h_qq_ideo_space_groups(r: random.Random) -> tuple[str, str, str]:
    q = _qq(r)
    cut = r.randrange(3, len(q) - 2)
    sep = r.choice(("\u3000", "·", "‧", "、", "～"))
    return f"加QQ{fullwidth(q[:cut])}{sep}{fullwidth(q[cut:])}", "qq", q


def _h_phone_invisible_joiners(r: random.Random) -> tuple[str, str, str]:
    p = _cn_mobile(r)
    joiner = r.choice(("\u200d", "\u2060", "\u2063", "\u180e", "\u00ad"))
    return f"{r.choice(('电话', '手机', 'tel', '热线'))}：+86 {joiner.join(p)}", "phone", p


def _h_phone_cn_separators(r: random.Random) -> tuple[str, str, str]:
    p = _cn_mobile(r)
    sep = r.choice(("、", "—", "～", "／", "丨", "–"))
    return f"{r.choice(('电话', '手机号', '联系'))}：{p[:3]}{sep}{p[3:7]}{sep}{p[7:]}", "phone", p


def _h_phone_nonlatin(r: random.Random) -> tuple[str, str, str]:
    p = _cn_mobile(r)
    return (
        f"{r.choice(('电话', 'call', '手机'))} "
        f"{nonlatin_digits(p, r.choice(tuple(NONLATIN_DIGIT_ZERO)))}",
        "phone",
        p,
    )


def _h_phone_super_sub(r: random.Random) -> tuple[str, str, str]:
    p = _cn_mobile(r)
    text = "".join(_SUPER[c] if i % 2 == 0 else _SUB_DIGITS[int(c)] for i, c in enumerate(p))
    return f"{r.choice(('手机', 'tel', '电话'))}: {text}", "phone", p


def _h_phone_spoken_radio(r: random.Random) -> tuple[str, str, str]:
    p = _cn_mobile(r)
    digits = "".join(ZH_SPOKEN[int(c)] if r.random() < 0.7 else c for c in p)
    return f"来电 {digits}", "phone", p


def _h_phone_keycap_math(r: random.Random) -> tuple[str, str, str]:
    p = _cn_mobile(r)
    text = "".join(keycaps(c) if r.random() < 0.5 else math_bold(c) for c in p)
    return f"{r.choice(('📞', '☎️', '手机'))} {text}", "phone", p


def _h_tg_alias_links(r: random.Random) -> tuple[str, str, str]:
    n = _tg(r)
    form = r.choice(
        (
            f"telegram.me/{n}",
            f"https://telegram.dog/{n}",
            f"t.me/s/{n}",
            f"tg://resolve?domain={n}",
            f"https://t.me/{n}?start=vip",
        )
    )
    return form, "telegram", n


def _h_tg_cue_world(r: random.Random) -> tuple[str, str, str]:
    n = _tg(r)
    cue = r.choice(("телеграм", "Телеграм:", "тг", "تلگرام", "テレグラム", "텔레그램", "เทเลแกรม"))
    return f"{cue} @{n}", "telegram", n


def _h_tg_cue_styled(r: random.Random) -> tuple[str, str, str]:
    n = _tg(r)
    cue = r.choice((math_bold("Telegram"), "ⓉⒼ", "ＴＧ", "Теlеgrаm", small_caps("telegram")))
    return f"{cue}: @{n}", "telegram", n


def _h_tg_tme_disguised(r: random.Random) -> tuple[str, str, str]:
    n = _tg(r)
    form = r.choice(
        (f"t 句点 me ／ {n}", f"ｔ．ｍｅ／{n}", f"t[.]me[/]{n}", f"𝐭.𝐦𝐞/{n}", f"t(dot)me/{n}")
    )
    return form, "telegram", n


def _h_tg_english_instruction(r: random.Random) -> tuple[str, str, str]:
    n = _tg(r)
    form = r.choice(
        (
            f"hit me up on the blue plane app → {n}",
            f"DM on tele, handle is {n}",
            f"my TG handle — {n}",
            f"search {n} in Telegram",
            f"find us on telegram: username {n}",
        )
    )
    return form, "telegram", n


def _h_wa_api_links(r: random.Random) -> tuple[str, str, str]:
    p, _ = _intl_phone(r)
    form = r.choice(
        (
            f"https://api.whatsapp.com/send?phone={p}&text=hi",
            f"whatsapp://send?phone={p}",
            f"wa . me / {p}",
            f"https://wa.me/+{p}?text=VIP",
        )
    )
    return form, "whatsapp", p


def _h_wa_cue_world(r: random.Random) -> tuple[str, str, str]:
    p, _ = _intl_phone(r)
    cue = r.choice(("ватсап", "zap", "zapzap", "ワッツアップ", "왓츠앱", "WA", "واتس"))
    return f"{cue}: +{p[:-7]} {p[-7:-4]} {p[-4:]}", "whatsapp", p


def _h_wa_cue_styled(r: random.Random) -> tuple[str, str, str]:
    p, _ = _intl_phone(r)
    cue = r.choice(
        (math_bold("WhatsApp"), "ⓦⓗⓐⓣⓢⓐⓟⓟ", "ＷｈａｔｓＡｐｐ", "Whats\u200bApp", "𝕎𝕙𝕒𝕥𝕤𝔸𝕡𝕡")
    )
    return f"{cue} +{p}", "whatsapp", p


def _h_line_styled(r: random.Random) -> tuple[str, str, str]:
    i = _line_id(r)
    form = r.choice(
        (
            f"{math_bold('LINE')} ID: {i}",
            f"ＬＩＮＥ：{i}",
            f"line.me/R/ti/p/@{i}",
            f"line://ti/p/@{i}",
            f"ⓛⓘⓝⓔ id {i}",
        )
    )
    return form, "line", i


HANDLE_FAMILIES: dict[str, HandleMaker] = {
    "wechat_cue_math_letters": _h_wechat_cue_math,
    "wechat_cue_circled": _h_wechat_cue_circled,
    "wechat_id_circled_fullwidth": _h_wechat_id_circled_fw,
    "wechat_id_combining_marks": _h_wechat_id_underline,
    "wechat_id_tag_chars": _h_wechat_tag_chars,
    "wechat_html_entities": _h_wechat_html_entities,
    "wechat_markup": _h_wechat_markup,
    "wechat_box_vertical": _h_wechat_box_vertical,
    "wechat_id_superscript": _h_wechat_superscript,
    "qq_math_digits": _h_qq_math_digits,
    "qq_keycaps": _h_qq_keycaps,
    "qq_cue_styled": _h_qq_cue_styled,
    "qq_zero_forms_spaced": _h_qq_zero_forms_spaced,
    "qq_capital_zwj": _h_qq_capital_zwj,
    "qq_nonlatin_digits": _h_qq_nonlatin,
    "qq_fullwidth_groups": _h_qq_ideo_space_groups,
    "phone_invisible_joiners": _h_phone_invisible_joiners,
    "phone_cn_separators": _h_phone_cn_separators,
    "phone_nonlatin_digits": _h_phone_nonlatin,
    "phone_super_subscript": _h_phone_super_sub,
    "phone_spoken_radio": _h_phone_spoken_radio,
    "phone_keycap_math": _h_phone_keycap_math,
    "telegram_alias_links": _h_tg_alias_links,
    "telegram_cue_world": _h_tg_cue_world,
    "telegram_cue_styled": _h_tg_cue_styled,
    "telegram_tme_disguised": _h_tg_tme_disguised,
    "telegram_english_phrasing": _h_tg_english_instruction,
    "whatsapp_api_links": _h_wa_api_links,
    "whatsapp_cue_world": _h_wa_cue_world,
    "whatsapp_cue_styled": _h_wa_cue_styled,
    "line_styled": _h_line_styled,
}


# ---------------------------------------------------------------- edge families (grown after the
# first run, committed in 523a632): three tricks at once over the classes Bastion handled there,
# to find where its strength ends. Reported apart from the held-out figures.


def _e_math_spaced_tags(r: random.Random, n: str, t: str) -> tuple[str, str]:
    name = " ".join(tag_interleave(math_bold(c), r) for c in n)
    return f"{name} {r.choice(('点', 'dot', '。'))} {' '.join(math_bold(t))}", "any"


def _e_circled_bidi_emoji_dot(r: random.Random, n: str, t: str) -> tuple[str, str]:
    dot = r.choice(("⭐.❤", "🔥.🔥", ".💋", "❤️.", "👉.👈"))
    return bidi_interleave(circled(n, r), r) + dot + circled(t), "any"


def _e_superscript_defang_scheme(r: random.Random, n: str, t: str) -> tuple[str, str]:
    scheme = r.choice(("hxxps://", "h**ps://", "https[:]//", "hxxp[:]//"))
    return f"{scheme}{superscript(n)}[.]{superscript(t)}/", "any"


def _e_nonlatin_fullwidth_dian(r: random.Random, n: str, t: str) -> tuple[str, str]:
    script = r.choice(tuple(NONLATIN_DIGIT_ZERO))
    name = "".join(nonlatin_digits(c, script) if c.isdigit() else fullwidth(c) for c in n)
    return f"{name}{r.choice(('点', '點', '。'))}{fullwidth(t)}", "any"


def _e_parenthesized_vs_dotword(r: random.Random, n: str, t: str) -> tuple[str, str]:
    return f"{vs_interleave(parenthesized(n), r)}(dot){vs_interleave(parenthesized(t), r)}", "any"


def _e_enclosing_homoglyph(r: random.Random, n: str, t: str) -> tuple[str, str]:
    mark = r.choice(("\u20dd", "\u20de"))
    return f"{combine_each(homoglyph(n, r), mark)}。{combine_each(t, mark)}", "any"


def _e_percent_decoy_fullwidth(r: random.Random, n: str, t: str) -> tuple[str, str]:
    decoy = r.choice(("paypal.com", "apple.com", "icloud.com"))
    first = r.randrange(len(n))  # at least one escaped character: the name is never plain
    enc = "".join(
        f"%{ord(c):02X}" if i == first or r.random() < 0.5 else c for i, c in enumerate(n)
    )
    return f"ｈｔｔｐｓ：／／{decoy}@{enc}.{t}／verify", "any"


def _e_markdown_defang_math(r: random.Random, n: str, t: str) -> tuple[str, str]:
    label = r.choice(("官网", "login", "进入"))
    return f"[{label}](hxxps://{math_bold(n)}[.]{math_bold(t)}/vip)", "any"


def _e_double_struck_nonlatin_dian(r: random.Random, n: str, t: str) -> tuple[str, str]:
    script = r.choice(tuple(NONLATIN_DIGIT_ZERO))
    name = "".join(nonlatin_digits(c, script) if c.isdigit() else double_struck(c) for c in n)
    return f"{name} 点 {double_struck(t)}", "zh"


def _e_small_caps_keycaps_emoji_dot(r: random.Random, n: str, t: str) -> tuple[str, str]:
    name = "".join(keycaps(c) if c.isdigit() else small_caps(c) for c in n)
    return f"{name}{r.choice(('⭐.❤', '🔥.', '.💎'))}{small_caps(t)}", "any"


def _e_fullwidth_spaced_emoji_sep(r: random.Random, n: str, t: str) -> tuple[str, str]:
    emoji = r.choice(("🎲", "💰", "🌸"))
    return emoji.join(fullwidth(n)) + " 点 " + emoji.join(fullwidth(t)), "zh"


def _e_zalgo_math_brackets(r: random.Random, n: str, t: str) -> tuple[str, str]:
    marks = ("\u0301", "\u0315", "\u0334", "\u0358", "\u0361", "\u035c", "\u0489")
    name = "".join(math_sans_bold(c) + "".join(r.choice(marks) for _ in range(2)) for c in n)
    return f"{name}【.】{math_sans_bold(t)}", "any"


EDGE_LINK_FAMILIES: dict[str, Disguise] = {
    "edge_math_spaced_tags": _e_math_spaced_tags,
    "edge_circled_bidi_emoji_dot": _e_circled_bidi_emoji_dot,
    "edge_superscript_defang_scheme": _e_superscript_defang_scheme,
    "edge_nonlatin_fullwidth_dian": _e_nonlatin_fullwidth_dian,
    "edge_parenthesized_vs_dotword": _e_parenthesized_vs_dotword,
    "edge_enclosing_homoglyph": _e_enclosing_homoglyph,
    "edge_percent_decoy_fullwidth": _e_percent_decoy_fullwidth,
    "edge_markdown_defang_math": _e_markdown_defang_math,
    "edge_double_struck_nonlatin_dian": _e_double_struck_nonlatin_dian,
    "edge_small_caps_keycaps_emoji_dot": _e_small_caps_keycaps_emoji_dot,
    "edge_fullwidth_spaced_emoji_sep": _e_fullwidth_spaced_emoji_sep,
    "edge_zalgo_math_brackets": _e_zalgo_math_brackets,
}


def _eh_qq_mixed_digits(r: random.Random) -> tuple[str, str, str]:
    q = _qq(r)
    forms = (
        keycaps,
        math_bold,
        fullwidth,
        lambda d: CIRCLED_DIGITS[int(d)],
        lambda d: ZH_CAPITAL[int(d)],
    )
    return f"{r.choice(('QQ', '扣扣', 'ⓆⓆ'))}：{' '.join(r.choice(forms)(d) for d in q)}", "qq", q


def _eh_phone_super_plus86_joiner(r: random.Random) -> tuple[str, str, str]:
    p = _cn_mobile(r)
    body = "\u2060".join(_SUPER[c] if r.random() < 0.5 else math_sans_bold(c) for c in p)
    return f"{r.choice(('电话', '手机', '☎'))} ⁺⁸⁶ {body}", "phone", p


def _eh_wechat_circled_math_tags(r: random.Random) -> tuple[str, str, str]:
    i = _wechat_id(r)
    cue = r.choice(("ⓥⓧ", "ⓦⓧ", "🅥🅧", "Ⓥ信"))
    return f"{cue}：{tag_interleave(math_bold(i), r)}", "wechat", i


def _eh_tg_alias_fullwidth(r: random.Random) -> tuple[str, str, str]:
    n = _tg(r)
    form = r.choice(
        (
            f"ｔｅｌｅｇｒａｍ．ｍｅ／{n}",
            f"telegram。dog/{n}",
            f"𝐭𝐞𝐥𝐞𝐠𝐫𝐚𝐦.𝐦𝐞/{n}",
            f"t。me／{n}",
            f"hxxps://t[.]me/{n}",
        )
    )
    return form, "telegram", n


def _eh_wa_styled_spaced_cc(r: random.Random) -> tuple[str, str, str]:
    p, _ = _intl_phone(r)
    cue = r.choice((math_bold("WhatsApp"), "ⓦⓐ", "Whats\u200bApp", "ＷｈａｔｓＡｐｐ"))
    body = " ".join(p[i : i + 3] for i in range(0, len(p), 3))
    return f"{cue}: ＋{fullwidth(body)}", "whatsapp", p


def _eh_wechat_id_nonlatin_digits(r: random.Random) -> tuple[str, str, str]:
    i = _wechat_id(r)
    script = r.choice(tuple(NONLATIN_DIGIT_ZERO))
    return f"{r.choice(('微信', 'vx', 'WeChat'))}: {nonlatin_digits(i, script)}", "wechat", i


EDGE_HANDLE_FAMILIES: dict[str, HandleMaker] = {
    "edge_qq_mixed_digit_forms": _eh_qq_mixed_digits,
    "edge_phone_superscript_plus86_joiner": _eh_phone_super_plus86_joiner,
    "edge_wechat_circled_math_tags": _eh_wechat_circled_math_tags,
    "edge_telegram_alias_fullwidth": _eh_tg_alias_fullwidth,
    "edge_whatsapp_styled_fullwidth_groups": _eh_wa_styled_spaced_cc,
    "edge_wechat_id_nonlatin_digits": _eh_wechat_id_nonlatin_digits,
}


# ---------------------------------------------------------------- generation


def _rng(seed: int, family: str) -> random.Random:
    digest = hashlib.sha256(f"{seed}:{family}".encode()).digest()
    return random.Random(int.from_bytes(digest[:8], "big"))


def _pick_host(
    r: random.Random, hosts: dict[str, list[str]], ok: Callable[[str], bool]
) -> tuple[str, str]:
    for _ in range(200):
        category = r.choice(("gambling", "gambling", "porn", "scam", "phishing"))
        host = r.choice(hosts[category])
        if ok(host):
            return host, category
    raise RuntimeError("no usable host")


def _host_ok(family: str) -> Callable[[str], bool]:
    need_tlds = REVIEW_NEEDS.get(family)

    def ok(host: str) -> bool:
        name, _, tld = host.partition(".")
        if need_tlds is not None and tld not in need_tlds:
            return False
        if family == "review_keyboard_adjacent" and not set(name) & set("oeaitnsr"):
            return False
        if family in ("superscript_letters", "edge_superscript_defang_scheme") and "q" in host:
            return False
        if family == "small_caps_juhao" and "x" in host:
            return False
        if family in ("nonlatin_decimal_digits",) and not any(c.isdigit() for c in name):
            return False
        if family == "keycap_digits_circled" and not any(c.isdigit() for c in name):
            return False
        return len(name) >= 5

    return ok


def generate(data: Path, per_family: int = PER_FAMILY, seed: int = SEED) -> list[Case]:
    """Every attack case, family by family, reproducible from ``seed``."""
    hosts = listed_hosts(data)
    cases: list[Case] = []
    for family, fn in {**LINK_FAMILIES, **REVIEW_FAMILIES, **EDGE_LINK_FAMILIES}.items():
        r = _rng(seed, family)
        ok = _host_ok(family)
        for _ in range(per_family):
            host, category = _pick_host(r, hosts, ok)
            name, _, tld = host.partition(".")
            token, lang = fn(r, name, tld)
            if lang == "any":
                lang = r.choice(("zh", "en"))
            surface = r.choice(SURFACES)
            template = r.choice(LINK_TEMPLATES[category][lang])
            text = surround(r, template, token, surface)
            cases.append(
                Case(
                    family,
                    "link",
                    text,
                    surface,
                    host,
                    category,
                    lang,
                    family not in REVIEW_FAMILIES,
                )
            )
    for family, maker in {**HANDLE_FAMILIES, **EDGE_HANDLE_FAMILIES}.items():
        r = _rng(seed, family)
        for _ in range(per_family):
            fragment, kind, ident = maker(r)
            lang = r.choice(("zh", "en"))
            surface = r.choice(SURFACES)
            text = surround(r, r.choice(HANDLE_TEMPLATES[lang]), fragment, surface)
            cases.append(Case(family, kind, text, surface, f"{kind}:{ident}", "handle", lang, True))
    return cases


# ---------------------------------------------------------------- benign controls

LOOKALIKE_BENIGN: tuple[str, ...] = (
    "Updated to v2.3.1 last night, the app is much faster now",
    "pi is about 3.14159, e is 2.71828",
    "see the attached report.pdf and budget_2024.xlsx",
    "bring snacks e.g. chips, fruit etc.",
    "meet at 10.30pm near the station",
    "Mr.Smith said the test is on Monday",
    "下午3点半开会，别迟到。",
    "这件衣服一点点贵，但是很好看。",
    "价格：¥1,299.00 包邮",
    "订单号 1022546789 已发货，请注意查收",
    "会议时间 2024-11-20 14:00",
    "合同金额壹万贰仟伍佰元整",
    "第①步 打开设置；第②步 点击关于本机",
    "1️⃣ preheat oven 2️⃣ mix flour",
    "Footnote¹ see page ²³",
    "Tom &amp; Jerry is on at 8",
    "𝐇𝐚𝐩𝐩𝐲 𝐁𝐢𝐫𝐭𝐡𝐝𝐚𝐲 𝐌𝐨𝐦 ❤️",
    "ⓗⓔⓛⓛⓞ ⓕⓡⓘⓔⓝⓓⓢ",
    "ᴛʜᴀɴᴋ ʏᴏᴜ ꜰᴏʀ ꜰᴏʟʟᴏᴡɪɴɢ",
    "今天天气很好。明天再说。",
    "my wechat is down today, call me later",
    "QQ音乐的新歌很好听",
    "the file is named notes.txt.bak",
    "score was 2.5 out of 5",
    "price went up 0.5% to 101.25",
    "版本号 V3.2.0 已上线",
    "[b]Welcome[/b] to the [i]forum[/i]!",
    "use `git commit -m` then push",
    "**Important**: read the rules",
    "[12:01] Amy: hi\n[12:02] Bob: hello",
    "Meet at Bldg. 5, Rm. 3.12",
    "它的小数点后有两位",
    "句号和逗号不要用错",
    "Section 4.2.1 explains it",
    "温度 36.5℃ 正常",
    "iPhone 15 Pro Max 256GB",
    "Call me at 5.30 ok?",
    "The U.S. and the U.K. agreed",
    "A.I. is everywhere now",
    "wi-fi password is on the fridge",
    "𝕾𝖚𝖓𝖉𝖆𝖞 𝖋𝖚𝖓𝖉𝖆𝖞",
    "ʜᴀᴘᴘʏ ɴᴇᴡ ʏᴇᴀʀ",
    "ｈｅｌｌｏ　ｗｏｒｌｄ",
    "①②③ 报数",
    "ⓛⓞⓥⓔ ⓨⓞⓤ",
    "read chapter 3 period 2 tomorrow",
    "see you at the full stop of the bus line",
    "我家电话坏了，明天修",
    "我的微信号就是手机号",
    "他的QQ等级很高",
    "telegram is a messaging app",
    "the line was long today",
    "whatsapp group for the school trip tonight",
    "Room 101, floor 2, building 3",
)


def benign_cases(data: Path, seed: int = SEED) -> list[Benign]:
    """Real clean messages (SMS ham, YouTube ham, Weibo comments), styled copies, look-alikes."""
    r = _rng(seed, "benign")
    ham = [t for label, t in common.sms(data) if label == "ham"]
    yt = [t for label, t in common.youtube(data) if label == "0"]
    weibo = common.weibo_comments(data, 3000)
    out = [Benign("sms_ham", t, r.choice(SURFACES), "en") for t in r.sample(ham, 600)]
    out += [Benign("youtube_ham", t, "comment", "en") for t in r.sample(yt, 300)]
    out += [Benign("weibo_comment", t, r.choice(SURFACES), "zh") for t in r.sample(weibo, 800)]
    styles: tuple[Callable[[str], str], ...] = (
        math_bold,
        math_sans_bold,
        double_struck,
        fullwidth,
        lambda s: combine_each(s, "\u0332"),
        small_caps,
    )
    for t in r.sample(ham, 300):
        style = r.choice(styles)
        out.append(Benign("styled_sms_ham", style(t.lower()), r.choice(SURFACES), "en"))
    for t in r.sample(ham, 100):
        out.append(Benign("tagged_sms_ham", tag_interleave(t, r), r.choice(SURFACES), "en"))
    out += [
        Benign(
            "lookalike_benign",
            t,
            r.choice(SURFACES),
            "zh" if re.search(r"[\u4e00-\u9fff]", t) else "en",
        )
        for t in LOOKALIKE_BENIGN
    ]
    return out


def all_families() -> list[str]:
    return [
        *LINK_FAMILIES,
        *REVIEW_FAMILIES,
        *HANDLE_FAMILIES,
        *EDGE_LINK_FAMILIES,
        *EDGE_HANDLE_FAMILIES,
    ]
