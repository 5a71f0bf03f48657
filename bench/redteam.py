"""Held-out red-team cases: disguised listed links and messenger handles written by an outsider.

Written from the README's promises alone (what Bastion says it unmasks), without reading the
project's own suites or the unmasking source, by someone playing a spammer who has read that README
and wants a link or an id past it while a human still reads it. Every family composes several
tricks the way real spam does (the UCI SMS / YouTube spam, the Chinese telecom-fraud texts and the
Weibo comments in ``shared/data`` set the tone), over REAL registrable domains drawn from the
gambling, porn, scam and phishing lists in ``shared/data`` and realistic WeChat / QQ / Telegram /
WhatsApp / LINE ids and phone numbers.

Each :class:`Case` says what a careful reader recovers (``expected``: a registrable domain, or a
handle id / phone digits) and whether that reader recovers it without guessing (``in_bar``): an
in-bar link case must be acted on, an in-bar handle case (always written with gambling, sex or
scam wording) must reach review; an out-of-bar case (a reading that needs a guess) must reach
review at least and never be allowed silently.

Generation is seeded and deterministic: the same data and seed give the same cases, each family
drawing from its own ``random.Random(f"{seed}:{family}")``. Pass ``listed`` (a host -> bool
callable, e.g. the evaluation index) to keep only hosts that the evaluation home really lists;
without it every well-shaped host of the lists is a candidate (used by the unit test).
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from bench.common import read_hosts

SEED = 20261206
PER_FAMILY = 40
SURFACES = (
    "post",
    "comment",
    "chat",
    "bio",
    "username",
    "display_name",
    "livestream",
    "listing",
    "map_place",
    "moment",
)
HANDLE_KINDS = ("wechat", "qq", "telegram", "whatsapp", "line", "phone")

HOST_LISTS: dict[str, tuple[str, ...]] = {
    "gambling": ("sinfonietta-hostfiles/gambling.txt", "hostsvn-gambling-vn/gambling_vn.txt"),
    "porn": (
        "sinfonietta-hostfiles/pornography.txt",
        "v2fly-domain-list-community/category-porn.tsv",
    ),
    "scam": ("blocklistproject-lists/scam.txt",),
    "phishing": ("blocklistproject-lists/phishing.txt",),
}
"""Category -> list files under ``shared/data`` whose hosts the cases disguise."""

COMMON_TLDS = frozenset(
    [
        "com",
        "net",
        "org",
        "cc",
        "vip",
        "top",
        "xyz",
        "me",
        "tv",
        "io",
        "bet",
        "club",
        "live",
        "info",
        "co",
        "app",
        "win",
        "online",
        "site",
        "fun",
        "pro",
        "shop",
        "ws",
        "asia",
        "in",
        "us",
        "uk",
        "de",
        "ru",
        "biz",
        "one",
        "best",
        "today",
        "link",
        "cam",
        "sex",
        "xxx",
        "porn",
        "casino",
        "games",
    ]
)
"""TLDs a spammer's audience types without help; other hosts are skipped (shape, not listing)."""


@dataclass(frozen=True, slots=True)
class Case:
    """One held-out message: its text, where it was posted, and what a careful reader recovers."""

    family: str
    kind: str  # "link" or one of HANDLE_KINDS
    expected: str  # registrable domain (link) or handle id / phone digits with country code
    text: str
    surface: str
    in_bar: bool
    lang: str
    category: str  # gambling / porn / scam / phishing for links, the wording's theme for handles

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Benign:
    """A clean message (ordinary prose, prices, dates, order numbers, popular unlisted hosts)."""

    family: str
    text: str
    surface: str
    host: str | None  # the popular host it names, if any (never listed)


# --------------------------------------------------------------------------------------------
# host pools


@dataclass(frozen=True, slots=True)
class Host:
    host: str
    name: str  # the label before the public suffix
    tld: str
    category: str


def host_pools(
    data: Path,
    listed: Callable[[str], bool] | None = None,
    per_category: int = 400,
    seed: int = SEED,
) -> dict[str, list[Host]]:
    """Well-shaped registrable hosts of each category (sorted, then a seeded sample)."""
    from bastion.suffixes import registrable_domain

    pools: dict[str, list[Host]] = {}
    for category, files in HOST_LISTS.items():
        seen: set[str] = set()
        for rel in files:
            path = data / rel
            if not path.exists():
                continue
            for host in read_hosts(path):
                host = host.strip(".").lower()
                if host.startswith("www."):
                    host = host[4:]
                if host in seen or registrable_domain(host) != host:
                    continue
                name, _, tld = host.partition(".")
                if tld not in COMMON_TLDS or not (5 <= len(name) <= 14):
                    continue
                if not name.isascii() or not name.isalnum():
                    continue
                seen.add(host)
        ordered = sorted(seen)
        random.Random(f"{seed}:pool:{category}").shuffle(ordered)
        chosen: list[Host] = []
        for host in ordered:
            if listed is not None and not listed(host):
                continue
            name, _, tld = host.partition(".")
            chosen.append(Host(host, name, tld, category))
            if len(chosen) >= per_category:
                break
        pools[category] = chosen
    return pools


# --------------------------------------------------------------------------------------------
# wording (modelled on the real spam in shared/data)

LURE_EN = {
    "gambling": [
        "Get 200% bonus on your first deposit!",
        "FREE 50 spins, no deposit needed",
        "Daily cashback 1.5%, fast withdrawal",
        "VIP casino, baccarat & slots 24/7",
        "Win big tonight, sign up bonus $88",
        "Best odds for football betting",
    ],
    "porn": [
        "Hot girls live cam 18+ uncensored",
        "Naughty singles near you want to chat",
        "Full videos FREE, no signup",
        "xxx private show tonight, dont tell anyone",
        "Want 2 get laid tonight? real hookups",
    ],
    "scam": [
        "Congratulations! You have WON a $1000 gift card, claim now",
        "Earn $500/day from home, no experience",
        "Your parcel is on hold, pay the customs fee",
        "Crypto investment guaranteed 30% weekly profit",
    ],
    "phishing": [
        "Your account has been suspended, verify your identity",
        "Unusual sign-in detected, confirm your password",
        "Your payment failed, update your billing details",
        "Security alert: confirm your card to avoid closure",
    ],
}
LURE_EN["benign"] = [
    "Our team wiki moved, bookmark it:",
    "Docs for the new release are at",
    "My cousin recommended this shop",
    "The conference page is up:",
]
LURE_ZH = {
    "gambling": [
        "注册送彩金",
        "百家乐包赢",
        "首充送100%",
        "真人荷官在线发牌",
        "每日返水无上限",
        "体育投注高赔率",
        "新人首存送88元",
    ],
    "porn": ["同城约炮", "福利视频免费看", "美女主播裸聊", "成人看片神器", "一夜情交友"],
    "scam": [
        "兼职刷单日结500",
        "投资理财稳赚不赔",
        "恭喜您中奖请领取",
        "快递理赔点击办理",
        "无抵押贷款秒到账",
    ],
    "phishing": [
        "您的账户存在异常请立即验证",
        "银行卡已冻结请登录解冻",
        "ETC认证失效请更新",
        "社保卡升级请登录办理",
    ],
}
LURE_ZH["benign"] = ["我们公司新的官网", "课程资料都在这里", "朋友推荐的购物网站", "会议报名页面"]
HANDLE_LURE_ZH = [
    "百家乐包赢",
    "上门服务",
    "约炮同城",
    "兼职刷单日结",
    "网赌回血",
    "彩票计划必中",
    "看片福利",
    "裸聊一对一",
    "贷款秒批",
    "USDT高价回收",
]
HANDLE_LURE_EN = [
    "casino bonus 200%",
    "hot girls hookup tonight",
    "sugar daddy wanted, sex chat",
    "earn $500 daily investment guaranteed",
    "betting tips 100% win",
    "nudes & private videos",
    "crypto profit guaranteed",
    "escort service 24/7",
]
ZH_PREFIX = ["官网", "网址", "地址", "永久域名", "最新网址", "入口", "复制到浏览器打开"]

SYLLABLES = [
    "lu",
    "ck",
    "y",
    "ka",
    "mi",
    "li",
    "na",
    "ro",
    "se",
    "bo",
    "ss",
    "vip",
    "win",
    "jo",
    "ya",
    "xi",
    "ao",
    "mei",
    "tian",
    "hao",
    "yun",
    "da",
    "ge",
    "fa",
    "cai",
    "bao",
    "xin",
    "jin",
    "long",
    "kk",
    "zz",
    "star",
    "mo",
    "an",
    "na",
]

EN_DIGITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
ZH_DIGITS = "零一二三四五六七八九"
ZH_FIN = "零壹贰叁肆伍陆柒捌玖"


def surface(rng: random.Random, chat_like: bool = False) -> str:
    return rng.choice(("chat", "comment", "post") if chat_like else SURFACES)


def handle_id(rng: random.Random) -> str:
    """A WeChat-shaped id: starts with a letter, letters then digits, sometimes an underscore."""
    head = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3)))
    sep = rng.choice(["", "", "_"])
    return f"{head}{sep}{rng.randint(10, 9999)}"[:20]


def qq_number(rng: random.Random) -> str:
    return str(rng.randint(1, 9)) + "".join(
        str(rng.randint(0, 9)) for _ in range(rng.randint(6, 9))
    )


def cn_mobile(rng: random.Random) -> str:
    """Eleven digits of a mainland mobile (leading 1, then a real prefix)."""
    prefix = rng.choice(["138", "139", "136", "150", "151", "158", "186", "187", "177", "199"])
    return prefix + "".join(str(rng.randint(0, 9)) for _ in range(8))


def intl_mobile(rng: random.Random) -> tuple[str, str]:
    """(country code, national number) of a plausible Philippine / Thai / Malaysian mobile."""
    country = rng.choice(["63", "66", "60"])
    if country == "63":
        return country, "9" + rng.choice(["17", "27", "55", "66"]) + "".join(
            str(rng.randint(0, 9)) for _ in range(7)
        )
    if country == "66":
        return country, rng.choice(["8", "9", "6"]) + "".join(
            str(rng.randint(0, 9)) for _ in range(8)
        )
    return country, "1" + rng.choice(["2", "6", "7", "9"]) + "".join(
        str(rng.randint(0, 9)) for _ in range(7)
    )


def spoken_en(digits: str) -> str:
    return " ".join(EN_DIGITS[int(d)] for d in digits)


# --------------------------------------------------------------------------------------------
# link families: each yields (text, host, in_bar, lang)

LinkFamily = Callable[[random.Random, Host], tuple[str, bool, str]]


def _lure(rng: random.Random, h: Host, lang: str) -> str:
    return rng.choice((LURE_ZH if lang == "zh" else LURE_EN)[h.category])


def fam_spoken_digits_en(rng: random.Random, h: Host) -> tuple[str, bool, str]:
    """Digits of the name said in English, the TLD after 'dot', one-word instruction."""
    name = "".join(f" {EN_DIGITS[int(c)]} " if c.isdigit() else c for c in h.name)
    name = " ".join(name.split())
    tail = rng.choice(["(all one word, no spaces)", "- type it as one word", "(no spaces)"])
    return f"{_lure(rng, h, 'en')} Go to {name} dot {h.tld} {tail}", True, "en"


def fam_tld_in_words_en(rng: random.Random, h: Host) -> tuple[str, bool, str]:
    """The name plain, the TLD described in a phrase instead of written after a dot."""
    form = rng.choice(
        [
            f"just google {h.name} , its the .{h.tld} one not the others",
            f"site is {h.name} and then .{h.tld} at the end",
            f"type {h.name} followed by dot {h.tld.upper()} in your browser",
            f"{h.name} (ends with .{h.tld})",
            f"visit {h.name} + .{h.tld}",
            f"our site: {h.name} , domain ending {h.tld}",
        ]
    )
    return f"{_lure(rng, h, 'en')} {form}", True, "en"


def fam_tld_first_zh(rng: random.Random, h: Host) -> tuple[str, bool, str]:
    """Chinese directions that give the suffix first and the name after it."""
    form = rng.choice(
        [
            f"后缀是{h.tld}，前面是{h.name}",
            f"{h.tld}结尾，名字{h.name}",
            f"网址：点{h.tld}前面加上{h.name}",
            f"域名后缀.{h.tld}，主体{h.name}，自己拼一下",
            f"先输入{h.name}再输入点{h.tld}",
        ]
    )
    return f"{_lure(rng, h, 'zh')}，{form}", True, "zh"


def fam_two_halves(rng: random.Random, h: Host) -> tuple[str, bool, str]:
    """The name cut in two halves given as 'first part / second part', joined by the reader."""
    cut = rng.randint(2, len(h.name) - 2)
    a, b = h.name[:cut], h.name[cut:]
    if rng.random() < 0.5:
        text = (
            f"{_lure(rng, h, 'en')} link: first part {a} , second part {b}.{h.tld} "
            f"(put them together)"
        )
        return text, True, "en"
    text = f"{_lure(rng, h, 'zh')} 网址前半段{a}，后半段{b}点{h.tld}，连起来输入"
    return text, True, "zh"


def fam_replace_symbol(rng: random.Random, h: Host) -> tuple[str, bool, str]:
    """A symbol stands for the dot and the message says so."""
    sym = rng.choice(["🍀", "#", "★", "%", "~", "^", "🌹", "🔸", "&", "="])
    if rng.random() < 0.5:
        note = rng.choice([f"({sym} = .)", f"replace {sym} with a dot", f"{sym} is a dot"])
        return f"{_lure(rng, h, 'en')} {h.name}{sym}{h.tld} {note}", True, "en"
    note = rng.choice([f"（{sym}换成点）", f"把{sym}改成.", f"{sym}代表点"])
    return f"{_lure(rng, h, 'zh')} {h.name}{sym}{h.tld}{note}", True, "zh"


def fam_remove_filler_en(rng: random.Random, h: Host) -> tuple[str, bool, str]:
    """ASCII filler letters inside the name, an English (or Chinese) instruction to drop them."""
    filler = rng.choice(["X", "Q", "ZZ", "_", "@", "*"])
    chars = list(h.name)
    for i in sorted(rng.sample(range(1, len(chars)), k=min(3, len(chars) - 1)), reverse=True):
        chars.insert(i, filler)
    word = "".join(chars)
    if rng.random() < 0.6:
        note = rng.choice(
            [f"(remove the {filler})", f"- delete every {filler}", f"without the {filler}s"]
        )
        return f"{_lure(rng, h, 'en')} {word}.{h.tld} {note}", True, "en"
    return f"{_lure(rng, h, 'zh')} {word}.{h.tld}（去掉{filler}）", True, "zh"


def fam_reverse_instruction_en(rng: random.Random, h: Host) -> tuple[str, bool, str]:
    """The host written backwards with an English or mixed instruction."""
    rev = h.host[::-1]
    note = rng.choice(
        [
            "(read it backwards)",
            "reverse it",
            "read from right to left",
            "<- backwards lol",
            "倒过来看",
        ]
    )
    return f"{_lure(rng, h, 'en')} {rev} {note}", True, "en"


def fam_reversed_bare(rng: random.Random, h: Host) -> tuple[str, bool, str]:
    """The host backwards with no instruction: a reader may spot it, but must guess (review)."""
    return f"{_lure(rng, h, rng.choice(['en', 'zh']))} {h.host[::-1]}", False, "en"


UPSIDE = dict(
    zip(
        "abcdefghijklmnopqrstuvwxyz0123456789.",
        "ɐqɔpǝɟƃɥᴉɾʞlɯuodbɹsʇnʌʍxʎz0ƖᄅƐㄣϛ9ㄥ86˙",
        strict=True,
    )
)


def fam_upside_down(rng: random.Random, h: Host) -> tuple[str, bool, str]:
    """Flip text (turned 180 degrees: mapped and reversed), as spam bios and usernames use it."""
    flipped = "".join(UPSIDE[c] for c in reversed(h.host))
    return f"{flipped} {_lure(rng, h, 'en')}", True, "en"


DOT_GLYPHS = [
    "۔",
    "։",
    "܂",
    "⸳",
    "﹒",
    "․",
    "‧",
    "⸱",
    "᛫",
    "•",
    "∙",
    "⋅",
    "･",
    "●",
    "◦",
    "˙",
    "⦁",
    "⚫",
    "∘",
]


def fam_unusual_dot_glyphs(rng: random.Random, h: Host) -> tuple[str, bool, str]:
    """A dot-like glyph the README does not list, plain or spaced."""
    dot = rng.choice(DOT_GLYPHS)
    sp = rng.choice(["", " "])
    lang = rng.choice(["en", "zh"])
    return f"{_lure(rng, h, lang)} {h.name}{sp}{dot}{sp}{h.tld}", True, lang


def fam_dot_homophone_zh(rng: random.Random, h: Host) -> tuple[str, bool, str]:
    """Chinese homophones of 点 (店, 典, 电, 垫, 殿) standing for the dot."""
    dot = rng.choice(["店", "典", "电", "垫", "殿", "滇"])
    pre = rng.choice(ZH_PREFIX)
    return f"{_lure(rng, h, 'zh')}，{pre}：{h.name}{dot}{h.tld}", True, "zh"


TLD_GLYPH_O = ["◯", "○", "ø", "⊙", "⭕", "🔘", "σ", "Ο", "ⵔ", "ᴑ", "ｏ"]


def fam_tld_glyph_lookalikes(rng: random.Random, h: Host) -> tuple[str, bool, str]:
    """Letters of the TLD replaced by round symbols or foreign letters (o -> ◯, ø, σ, ⊙)."""
    if "o" not in h.tld:
        tld = h.tld.replace("e", "℮").replace("t", "†").replace("i", "ı").replace("c", "¢")
        if tld == h.tld:
            tld = h.tld[0] + "\u200b" + h.tld[1:]
    else:
        tld = h.tld.replace("o", rng.choice(TLD_GLYPH_O))
    lang = rng.choice(["en", "zh"])
    dot = rng.choice([".", " . ", "点", " dot "])
    return f"{_lure(rng, h, lang)} {h.name}{dot}{tld}", True, lang


CYR = {
    "a": "а",
    "c": "с",
    "e": "е",
    "o": "о",
    "p": "р",
    "x": "х",
    "y": "у",
    "i": "і",
    "s": "ѕ",
    "j": "ј",
    "h": "һ",
    "d": "ԁ",
    "q": "ԛ",
    "w": "ԝ",
}


def fam_script_lookalike_dot_word(rng: random.Random, h: Host) -> tuple[str, bool, str]:
    """Every convertible letter of name and TLD in Cyrillic, with a spelled dot between them."""
    name = "".join(CYR.get(c, c) for c in h.name)
    tld = "".join(CYR.get(c, c) for c in h.tld)
    dot = rng.choice([" dot ", " 点 ", "(.)", " [dot] ", "。"])
    lang = "zh" if dot in (" 点 ", "。") else "en"
    return f"{_lure(rng, h, lang)} {name}{dot}{tld}", True, lang


def fam_parenthesized_letters(rng: random.Random, h: Host) -> tuple[str, bool, str]:
    """Parenthesized letters and digits (⒧⒰⒞⒦, ⑴⑵), a block spammers use like circled ones."""

    def paren(c: str) -> str:
        if c.isalpha():
            return chr(0x249C + ord(c) - ord("a"))
        if c.isdigit() and c != "0":
            return chr(0x2474 + int(c) - 1)
        return c

    name = "".join(paren(c) for c in h.name)
    tld = "".join(paren(c) for c in h.tld)
    lang = rng.choice(["en", "zh"])
    return f"{_lure(rng, h, lang)} {name}.{tld}", True, lang


LEET_SYM = {
    "a": ["@", "4", "∆"],
    "s": ["$", "5", "§"],
    "i": ["!", "1", "¡"],
    "e": ["€", "3"],
    "o": ["0", "()"],
    "l": ["|", "1"],
    "c": ["¢", "("],
    "t": ["+", "7"],
    "b": ["ß", "8"],
}


def fam_symbol_leet(rng: random.Random, h: Host) -> tuple[str, bool, str]:
    """Symbol leetspeak ($ @ ! € ¢ | +) on top of digit leet, dot and TLD plain."""
    chars = []
    swaps = 0
    for c in h.name:
        if c in LEET_SYM and rng.random() < 0.6:
            chars.append(rng.choice(LEET_SYM[c]))
            swaps += 1
        else:
            chars.append(c)
    if not swaps:
        for i, c in enumerate(h.name):
            if c in LEET_SYM:
                chars[i] = LEET_SYM[c][0]
                break
    lang = rng.choice(["en", "zh"])
    return f"{_lure(rng, h, lang)} {''.join(chars)}.{h.tld}", True, lang


EMOJI_LETTER = {
    "i": "ℹ️",
    "m": "Ⓜ️",
    "o": "🅾️",
    "a": "🅰️",
    "b": "🅱️",
    "x": "❌",
    "s": "💲",
    "p": "🅿️",
    "c": "©️",
    "r": "®️",
    "z": "💤",
    "v": "✅",
}


def fam_emoji_letters(rng: random.Random, h: Host) -> tuple[str, bool, str]:
    """Emoji that read as letters (ℹ️ Ⓜ️ 🅾️ 🅰️ ❌ 💲 🅿️ ©️ ®️) for some letters, digits as keycaps."""
    out = []
    for c in h.name:
        if c in EMOJI_LETTER and rng.random() < 0.7:
            out.append(EMOJI_LETTER[c])
        elif c.isdigit() and rng.random() < 0.5:
            out.append(c + "\ufe0f\u20e3")
        else:
            out.append(c)
    if "".join(out) == h.name:
        out = [EMOJI_LETTER.get(h.name[0], h.name[0]), *h.name[1:]]
    tld = "".join(EMOJI_LETTER[c] if c in "om" and rng.random() < 0.5 else c for c in h.tld)
    lang = rng.choice(["en", "zh"])
    return f"{_lure(rng, h, lang)} 👉 {''.join(out)}.{tld}", True, lang


def fam_bulleted_vertical(rng: random.Random, h: Host) -> tuple[str, bool, str]:
    """One character a line, each line led by the same emoji bullet or number."""
    bullet = rng.choice(["👉", "🔥", "✨", "-", "*", "💋"])
    lines = [f"{bullet} {c}" for c in h.name] + [f"{bullet} .", f"{bullet} {h.tld}"]
    lang = rng.choice(["en", "zh"])
    return f"{_lure(rng, h, lang)}\n" + "\n".join(lines), True, lang


def fam_boxed_chars(rng: random.Random, h: Host) -> tuple[str, bool, str]:
    """Each character boxed: │l│u│c│, [l][u][c], (l)(u)(c), ｢l｣｢u｣ — ASCII-art style."""
    left, right = rng.choice(
        [("│", ""), ("[", "]"), ("(", ")"), ("｢", "｣"), ("『", "』"), ("|", "")]
    )
    body = "".join(f"{left}{c}{right}" for c in h.host)
    if right == "":
        body += left
    lang = rng.choice(["en", "zh"])
    return f"{_lure(rng, h, lang)} {body}", True, lang


def fam_markup_inside(rng: random.Random, h: Host) -> tuple[str, bool, str]:
    """Markdown / BBCode / HTML inside the host (what the reader sees rendered is the host)."""
    cut = rng.randint(2, len(h.name) - 2)
    a, b = h.name[:cut], h.name[cut:]
    form = rng.choice(
        [
            f"**{a}**{b}**.{h.tld}**",
            f"[b]{a}[/b]{b}.{h.tld}",
            f"<b>{a}</b>{b}.{h.tld}",
            f"`{a}`{b}`.{h.tld}`",
            f"__{a}__{b}.{h.tld}",
            f"{a}<span>{b}</span>.{h.tld}",
            f"*{a}*{b}*.*{h.tld}",
        ]
    )
    lang = rng.choice(["en", "zh"])
    return f"{_lure(rng, h, lang)} {form}", True, lang


def fam_userinfo_mask(rng: random.Random, h: Host) -> tuple[str, bool, str]:
    """A trusted brand before '@' in the URL (the browser goes to the host after it), defanged."""
    brand = rng.choice(
        [
            "www.paypal.com",
            "google.com",
            "accounts.apple.com",
            "facebook.com",
            "login.microsoftonline.com",
            "taobao.com",
        ]
    )
    scheme = rng.choice(["https://", "hxxps://", "http://", "https[:]//"])
    path = rng.choice(["/login", "/verify?id=8812", "/", "/secure/update"])
    return f"{_lure(rng, h, 'en')} {scheme}{brand}@{h.host}{path}", True, "en"


def fam_www_spaces(rng: random.Random, h: Host) -> tuple[str, bool, str]:
    """'www name com' with spaces or a mix of spaces and stand-ins for both dots."""
    a, b = rng.choice([(" ", " "), (" . ", " "), (" ", " . "), ("  ", " dot "), (" , ", " , ")])
    www = rng.choice(["www", "WWW", "w w w"])
    tld = rng.choice([h.tld, h.tld.upper()])
    return f"{_lure(rng, h, 'en')} {www}{a}{h.name}{b}{tld}", True, "en"


def fam_combo_zw_homoglyph_dot(rng: random.Random, h: Host) -> tuple[str, bool, str]:
    """Zero-width characters, a Cyrillic homoglyph and a spelled dot in the same host."""
    chars = list(h.name)
    for i, c in enumerate(chars):
        if c in CYR:
            chars[i] = CYR[c]
            break
    zw = rng.choice(["\u200b", "\u200c", "\u2060", "\ufeff", "\u200d"])
    pos = rng.randint(1, len(chars) - 1)
    chars.insert(pos, zw)
    dot = rng.choice([" dot ", "(dot)", " 点 ", "[.]", "。", " d0t "])
    tld = h.tld[0] + zw + h.tld[1:] if len(h.tld) > 1 else h.tld
    lang = "zh" if dot in (" 点 ", "。") else "en"
    return f"{_lure(rng, h, lang)} {''.join(chars)}{dot}{tld}", True, lang


def fam_template_zh(rng: random.Random, h: Host) -> tuple[str, bool, str]:
    """A copy-paste Chinese spam template: bracketed brand, spaced host, full stop, CTA."""
    brand = rng.choice(
        ["【澳门新葡京】", "【皇冠体育】", "【金沙娱乐】", "【福利社】", "【官方客服】"]
    )
    spaced = " ".join(h.name)
    dot = rng.choice(["。", "点", "．", "丶"])
    tld = rng.choice([" ".join(h.tld), h.tld, h.tld.upper()])
    cta = rng.choice(["复制到浏览器打开", "请用手机浏览器访问", "防屏蔽请收藏", "回T退订"])
    return (
        f"{brand}尊敬的会员您好，{_lure(rng, h, 'zh')}，网址：{spaced} {dot} {tld}（{cta}）",
        True,
        "zh",
    )


def fam_dot_word_variants(rng: random.Random, h: Host) -> tuple[str, bool, str]:
    """English dot words off the README's list: d0t, dawt, period, full stop, D-O-T, {dot}."""
    word = rng.choice(
        [
            " d0t ",
            " dawt ",
            " period ",
            " full stop ",
            " D-O-T ",
            "-d0t-",
            " (d0t) ",
            " dott ",
            " DoT ",
            "{dot}",
        ]
    )
    return f"{_lure(rng, h, 'en')} {h.name}{word}{h.tld}", True, "en"


def fam_pinyin_tone_dot(rng: random.Random, h: Host) -> tuple[str, bool, str]:
    """Pinyin of 点 with tone marks or numbers (diǎn, dian3, DIǍN) for the dot."""
    word = rng.choice(["diǎn", "dian3", "DIǍN", "Diǎn", "diàn", "dián"])
    sp = rng.choice(["", " "])
    return f"{_lure(rng, h, 'zh')} {h.name}{sp}{word}{sp}{h.tld}", True, "zh"


def fam_newline_with_words(rng: random.Random, h: Host) -> tuple[str, bool, str]:
    """The host over several lines with a remark line between the pieces."""
    cut = rng.randint(2, len(h.name) - 2)
    a, b = h.name[:cut], h.name[cut:]
    remark = rng.choice(["（中间不要空格）", "(no space)", "👇接着", "↓↓↓", "下一行接上"])
    lang = "zh" if any("\u4e00" <= c <= "\u9fff" for c in remark) else "en"
    return f"{_lure(rng, h, lang)}\n{a}\n{remark}\n{b}.{h.tld}", True, lang


def fam_spaced_en_no_digit(rng: random.Random, h: Host) -> tuple[str, bool, str]:
    """English, the name cut by a space before a spaced dot: two readings, so review at least."""
    cut = rng.randint(2, len(h.name) - 2)
    return (f"{_lure(rng, h, 'en')} check {h.name[:cut]} {h.name[cut:]} . {h.tld} now", False, "en")


def fam_letter_words_en(rng: random.Random, h: Host) -> tuple[str, bool, str]:
    """Letters spelled as their English names with capital letters (bee ee tee): said aloud."""
    names = {
        "a": "ay",
        "b": "bee",
        "c": "see",
        "d": "dee",
        "e": "ee",
        "f": "ef",
        "g": "gee",
        "h": "aitch",
        "i": "eye",
        "j": "jay",
        "k": "kay",
        "l": "el",
        "m": "em",
        "n": "en",
        "o": "oh",
        "p": "pee",
        "q": "cue",
        "r": "ar",
        "s": "ess",
        "t": "tee",
        "u": "you",
        "v": "vee",
        "w": "double-you",
        "x": "ex",
        "y": "why",
        "z": "zee",
    }
    cut = rng.randint(2, len(h.name) - 2)
    mid = "-".join(names.get(c, EN_DIGITS[int(c)] if c.isdigit() else c) for c in h.name[cut:])
    return (f"{_lure(rng, h, 'en')} {h.name[:cut]} then {mid} dot {h.tld} (one word)", True, "en")


def fam_acrostic(rng: random.Random, h: Host) -> tuple[str, bool, str]:
    """The first letter of each line spells the name, with a note to read them down."""
    words = {
        c: w
        for w in [
            "apple",
            "banana",
            "cherry",
            "dragon",
            "eagle",
            "fire",
            "gold",
            "happy",
            "ice",
            "joy",
            "kiss",
            "lucky",
            "money",
            "night",
            "orange",
            "party",
            "queen",
            "rich",
            "sexy",
            "top",
            "ultra",
            "vip",
            "win",
            "xtra",
            "young",
            "zone",
        ]
        for c in w[0]
    }
    lines = [f"{c.upper()}{words.get(c, c)[1:]}" if c.isalpha() else c for c in h.name]
    return ("\n".join(lines) + f"\n.{h.tld}  <- first letters, top to bottom", True, "en")


def fam_percent_encoded_host(rng: random.Random, h: Host) -> tuple[str, bool, str]:
    """Percent escapes of some name letters in a URL (browsers decode them in the host)."""
    chars = [f"%{ord(c):02X}" if c.isalpha() and rng.random() < 0.4 else c for c in h.name]
    if "".join(chars) == h.name:
        chars[0] = f"%{ord(h.name[0]):02X}"
    scheme = rng.choice(["https://", "http://", "https://www."])
    lang = rng.choice(["en", "zh"])
    return f"{_lure(rng, h, lang)} {scheme}{''.join(chars)}.{h.tld}/", True, lang


def fam_proxy_wrapped(rng: random.Random, h: Host) -> tuple[str, bool, str]:
    """The listed host behind a translation proxy, an AMP cache, a web cache or an archive."""
    dashed = h.host.replace("-", "--").replace(".", "-")
    form = rng.choice(
        [
            f"https://{dashed}.translate.goog/?_x_tr_sl=auto&_x_tr_tl=en",
            f"https://www.google.com/amp/s/{h.host}/",
            f"https://{dashed}.cdn.ampproject.org/c/s/{h.host}/",
            f"https://webcache.googleusercontent.com/search?q=cache:{h.host}",
            f"https://web.archive.org/web/2024/https://{h.host}/",
            f"https://archive.ph/{h.host}",
        ]
    )
    lang = rng.choice(["en", "zh"])
    return f"{_lure(rng, h, lang)} {form}", True, lang


def fam_dotted_tld_letters(rng: random.Random, h: Host) -> tuple[str, bool, str]:
    """The TLD's letters separated by dots, hyphens or middle dots after a real or spelled dot."""
    sep = rng.choice([".", "-", "·", " . "])
    dot = rng.choice([".", " . ", "点", " dot "])
    lang = "zh" if dot == "点" else rng.choice(["en", "zh"])
    return f"{_lure(rng, h, lang)} {h.name}{dot}{sep.join(h.tld)}", True, lang


def fam_insert_dot_instruction(rng: random.Random, h: Host) -> tuple[str, bool, str]:
    """The host without its dot, and an instruction to put it back before the TLD."""
    if rng.random() < 0.5:
        note = rng.choice([f"（{h.tld}前面加个点）", f"（在{h.tld}前加.）", "（自己加点）"])
        return f"{_lure(rng, h, 'zh')} {h.name}{h.tld}{note}", True, "zh"
    note = rng.choice(
        [f"(put a dot before {h.tld})", "(add the dot yourself)", f"- add . before {h.tld}"]
    )
    return f"{_lure(rng, h, 'en')} {h.name}{h.tld} {note}", True, "en"


def fam_masked_letters_hint(rng: random.Random, h: Host) -> tuple[str, bool, str]:
    """Some letters starred out of the name, the message saying what the stars stand for."""
    start = rng.randint(1, max(1, len(h.name) - 3))
    hidden = h.name[start : start + rng.randint(1, 3)]
    masked = h.name[:start] + "*" * len(hidden) + h.name[start + len(hidden) :]
    if rng.random() < 0.5:
        return (f"{_lure(rng, h, 'zh')} {masked}.{h.tld}（星号是{hidden}）", True, "zh")
    return (f"{_lure(rng, h, 'en')} {masked}.{h.tld} (* = {hidden})", True, "en")


def fam_tld_phonetic_en(rng: random.Random, h: Host) -> tuple[str, bool, str]:
    """The TLD said as it sounds (see-oh-em, kom, net as 'nett'), after a spelled dot."""
    said = {
        "com": ["see oh em", "see-oh-em", "kom", "comm"],
        "net": ["nett", "en ee tee"],
        "org": ["oh ar gee", "orgg"],
        "vip": ["vee eye pee"],
        "me": ["em ee"],
        "xyz": ["ex why zee"],
        "cc": ["see see"],
        "tv": ["tee vee"],
    }
    options = said.get(h.tld, [" ".join(h.tld.upper())])
    return (f"{_lure(rng, h, 'en')} {h.name} dot {rng.choice(options)}", True, "en")


def _styled(c: str, style: str) -> str:
    """One character in a 'fancy text' style (what font-generator sites paste into bios)."""
    if not c.isascii() or not c.isalnum():
        return c
    if style == "paren" and c.isalpha():
        return chr(0x249C + ord(c) - ord("a"))
    if style == "circled" and c.isalpha():
        return chr(0x24D0 + ord(c) - ord("a"))
    if style == "fullwidth":
        return chr(0xFF41 + ord(c) - ord("a")) if c.isalpha() else chr(0xFF10 + int(c))
    if style == "bold" and c.isalpha():
        return chr(0x1D41A + ord(c) - ord("a"))
    if style == "cyrillic":
        return CYR.get(c, c)
    if style == "zw":
        return c + "\u200b"
    return c


def fam_stacked_styles(rng: random.Random, h: Host) -> tuple[str, bool, str]:
    """Each character in a different style (parenthesized, circled, full-width, bold, Cyrillic,
    zero-width after it), a Chinese or bracketed dot, the TLD spaced: every trick on its own is
    one the README lists, stacked per character the way font generators mix them."""
    styles = ["paren", "circled", "fullwidth", "bold", "cyrillic", "zw"]
    name = "".join(_styled(c, rng.choice(styles)) for c in h.name)
    dot = rng.choice(["丶", "(dot)", "[.]", "。", " 点 ", "{.}"])
    tld = " ".join(_styled(c, rng.choice(styles)) for c in h.tld)
    lang = rng.choice(["en", "zh"])
    return f"{_lure(rng, h, lang)} {name}{dot}{tld}", True, lang


def fam_partial_bidi(rng: random.Random, h: Host) -> tuple[str, bool, str]:
    """Only part of the host reversed under a right-to-left override or isolate, so the screen
    shows the host while the code points hold a scramble (``luckyspin.`` + RLO ``moc`` PDF)."""
    opener, closer = rng.choice([("\u202e", "\u202c"), ("\u2067", "\u2069"), ("\u202e", "")])
    if rng.random() < 0.5:
        text = f"{h.name}.{opener}{h.tld[::-1]}{closer}"
    else:
        cut = rng.randint(2, len(h.name) - 2)
        text = f"{h.name[:cut]}{opener}{(h.name[cut:] + '.' + h.tld)[::-1]}{closer}"
    lang = rng.choice(["en", "zh"])
    return f"{_lure(rng, h, lang)} {text} ", True, lang


def fam_glued_trailing_junk(rng: random.Random, h: Host) -> tuple[str, bool, str]:
    """The host glued to what follows, as in real SMS spam (``www.Ldew.com1win150ppm``)."""
    junk = rng.choice(
        [
            "1win150ppm",
            "GET100FREE",
            "4free",
            "NOW!!",
            "18+",
            "txtSTOPto87066",
            "注册就送",
            "Bonus200%",
            "/?ref=88Claim",
        ]
    )
    www = rng.choice(["", "www.", "WWW."])
    host = rng.choice([h.host, h.host.upper(), h.name.capitalize() + "." + h.tld])
    lang = "zh" if "注" in junk else "en"
    return f"{_lure(rng, h, lang)} {www}{host}{junk}", True, lang


LEET_DIGIT = {
    "a": "4",
    "e": "3",
    "i": "1",
    "o": "0",
    "s": "5",
    "t": "7",
    "b": "8",
    "g": "9",
    "l": "1",
    "z": "2",
}


def fam_leet_dense(rng: random.Random, h: Host) -> tuple[str, bool, str]:
    """Digit leetspeak on most letters that have one (and on the TLD), so that a reading must
    undo many positions at once: ``p4lm3r837.c0m``."""
    name = "".join(LEET_DIGIT[c] if c in LEET_DIGIT and rng.random() < 0.8 else c for c in h.name)
    tld = "".join(LEET_DIGIT[c] if c in "oe" and rng.random() < 0.5 else c for c in h.tld)
    lang = rng.choice(["en", "zh"])
    return f"{_lure(rng, h, lang)} {name}.{tld}", True, lang


def fam_username_forms(rng: random.Random, h: Host) -> tuple[str, bool, str]:
    """What a username field allows: no spaces, the dot as _, DOT, 丶, •, -dot-, or camel case."""
    form = rng.choice(
        [
            f"{h.name}_{h.tld}",
            f"{h.name}DOT{h.tld}",
            f"{h.name}丶{h.tld}",
            f"{h.name}•{h.tld}",
            f"{h.name}-dot-{h.tld}",
            f"{h.name.capitalize()}Dot{h.tld.capitalize()}",
            f"{h.name}_dot_{h.tld}",
            f"{h.name}__{h.tld}",
        ]
    )
    deco = rng.choice(["", "🎰", "💋", "✨", "官方"])
    return f"{deco}{form}{deco}", True, "en"


def fam_username_glued_tld(rng: random.Random, h: Host) -> tuple[str, bool, str]:
    """A username that is the host with its dot left out (palmerbetcom): a reader guesses, so
    review at least."""
    form = rng.choice(
        [
            f"{h.name}{h.tld}",
            f"{h.name.capitalize()}{h.tld.capitalize()}",
            f"{h.name.upper()}{h.tld}",
            f"{h.name} {h.tld}",
        ]
    )
    return form, False, "en"


def fam_url_backslash(rng: random.Random, h: Host) -> tuple[str, bool, str]:
    """Backslashes that browsers read as slashes in http(s) URLs: the host ends before ``\\@``
    (so a brand after it is only the path), or the slashes after the scheme are mixed."""
    brand = rng.choice(["google.com", "paypal.com", "apple.com", "accounts.google.com"])
    form = rng.choice(
        [
            f"https://{h.host}\\@{brand}/login",
            f"https:/\\{h.host}/reg",
            f"http:/\\/{h.host}/",
            f"https://{h.host}\\@{brand}",
            f"https:\\/{h.host}/",
        ]
    )
    lang = rng.choice(["en", "zh"])
    return f"{_lure(rng, h, lang)} {form}", True, lang


def fam_rlo_spelled_dot(rng: random.Random, h: Host) -> tuple[str, bool, str]:
    """A right-to-left override over the reversed host with a spelled dot: the screen shows
    ``name dot tld`` (or ``name 点 tld``, ``name[dot]tld``)."""
    dot = rng.choice([" dot ", " 点 ", "点", "[dot]", "(.)", " . "])
    shown = f"{h.name}{dot}{h.tld}"
    reversed_text = "".join({"[": "]", "]": "[", "(": ")", ")": "("}.get(c, c) for c in shown[::-1])
    lang = "zh" if "点" in dot else "en"
    return f"{_lure(rng, h, lang)} \u202e{reversed_text}\u202c", True, lang


def fam_sms_uk_style(rng: random.Random, h: Host) -> tuple[str, bool, str]:
    """UCI-SMS-spam shape: shouting, txt-speak, a short code, the host spaced with 'dot'."""
    spaced = " ".join(h.name.upper() if rng.random() < 0.5 else h.name)
    dot = rng.choice([" dot ", " . ", " DOT ", "(dot)"])
    tld = rng.choice([h.tld, " ".join(h.tld), h.tld.upper()])
    code = rng.randint(60000, 89999)
    return (
        f"URGENT! {_lure(rng, h, 'en')} Txt WIN to {code} or visit w w w . {spaced}{dot}{tld} "
        f"T&Cs 18+ 150p/msg",
        True,
        "en",
    )


def fam_youtube_comment_style(rng: random.Random, h: Host) -> tuple[str, bool, str]:
    """YouTube-spam shape: arrows and emoji around a bracketed or spelled dot, a begging tail."""
    dot = rng.choice(["(.)", "[.]", " (dot) ", "{.}", " . "])
    arrow_l, arrow_r = rng.choice([("➡", "⬅"), ("👉", "👈"), (">>>", "<<<"), ("→", "←")])
    tail = rng.choice(["subscribe pls 😍😍", "thumbs up so ppl see!!", "u wont regret it lol"])
    return (
        f"{_lure(rng, h, 'en')} {arrow_l} {h.name}{dot}{h.tld} {arrow_r} {tail}\ufeff",
        True,
        "en",
    )


def fam_weibo_style(rng: random.Random, h: Host) -> tuple[str, bool, str]:
    """Weibo-comment shape: a hashtag, a repost-to-win line, the host spaced beside Chinese."""
    dot = rng.choice(["。", " 点 ", "丶", "．", " ● "])
    tld = rng.choice([" ".join(h.tld), h.tld])
    tag = rng.choice(["#每日福利#", "#转发抽奖#", "#热门#", "#超话#"])
    return (
        f"{tag}{_lure(rng, h, 'zh')}，官网戳→ {h.name}{dot}{tld} ←复制打开 //@转发微博",
        True,
        "zh",
    )


def fam_emoji_after_fraction(rng: random.Random, h: Host) -> tuple[str, bool, str]:
    """A PLAIN host after a pointing emoji that follows a fraction-like word (``24/7 👉``,
    ``1/2 🔥``), as service and sale spam writes it: no disguise at all on the host."""
    lead = rng.choice(
        ["Support 24/7", "Open 24/7", "客服24/7", "在线7/24", "1/2 price", "365/24", "Live 24/7"]
    )
    emoji = rng.choice(["👉", "🔥", "❤️", "➡️", "⭐", "💰", "🎁"])
    host = rng.choice([h.host, h.host, f"www.{h.host}", h.host.upper()])
    lang = "zh" if any("\u4e00" <= c <= "\u9fff" for c in lead) else "en"
    return f"{_lure(rng, h, lang)} {lead} {emoji} {host}", True, lang


def fam_plain_host_then_emoji_word(rng: random.Random, h: Host) -> tuple[str, bool, str]:
    """A PLAIN host followed by an emoji and a word that is also a TLD (``🔥 VIP``, ``👉 app``,
    ``⭐ top``, ``💰 win``, ``❤️ live``), the way spam decorates a link: no disguise at all."""
    emoji = rng.choice(["👉", "🔥", "⭐", "💰", "❤️", "🎰", "💋"])
    tail = rng.choice(
        [
            "VIP bonus",
            "app download",
            "top casino",
            "win big",
            "live show",
            "club members",
            "bet now",
            "online 24h",
            "me & you",
            "shop now",
            "fun!!",
            "APP下载",
            "VIP通道",
            "live直播",
        ]
    )
    host = rng.choice([h.host, h.host, f"www.{h.host}", f"https://{h.host}"])
    lang = "zh" if any("\u4e00" <= c <= "\u9fff" for c in tail) else "en"
    return f"{_lure(rng, h, lang)} {host} {emoji} {tail}", True, lang


LINK_FAMILIES: dict[str, LinkFamily] = {
    "spoken_digits_en": fam_spoken_digits_en,
    "tld_in_words_en": fam_tld_in_words_en,
    "tld_first_zh": fam_tld_first_zh,
    "two_halves": fam_two_halves,
    "replace_symbol_instruction": fam_replace_symbol,
    "remove_filler_instruction": fam_remove_filler_en,
    "reverse_instruction_en": fam_reverse_instruction_en,
    "reversed_bare": fam_reversed_bare,
    "upside_down": fam_upside_down,
    "unusual_dot_glyphs": fam_unusual_dot_glyphs,
    "dot_homophone_zh": fam_dot_homophone_zh,
    "tld_glyph_lookalikes": fam_tld_glyph_lookalikes,
    "script_lookalike_dot_word": fam_script_lookalike_dot_word,
    "parenthesized_letters": fam_parenthesized_letters,
    "symbol_leet": fam_symbol_leet,
    "emoji_letters": fam_emoji_letters,
    "bulleted_vertical": fam_bulleted_vertical,
    "boxed_chars": fam_boxed_chars,
    "markup_inside": fam_markup_inside,
    "userinfo_mask": fam_userinfo_mask,
    "www_spaces": fam_www_spaces,
    "combo_zw_homoglyph_dot": fam_combo_zw_homoglyph_dot,
    "template_zh": fam_template_zh,
    "dot_word_variants_en": fam_dot_word_variants,
    "pinyin_tone_dot": fam_pinyin_tone_dot,
    "newline_with_words": fam_newline_with_words,
    "spaced_en_no_digit": fam_spaced_en_no_digit,
    "letter_names_en": fam_letter_words_en,
    "acrostic": fam_acrostic,
    "percent_encoded_host": fam_percent_encoded_host,
    "proxy_wrapped": fam_proxy_wrapped,
    "dotted_tld_letters": fam_dotted_tld_letters,
    "insert_dot_instruction": fam_insert_dot_instruction,
    "masked_letters_hint": fam_masked_letters_hint,
    "tld_phonetic_en": fam_tld_phonetic_en,
    "stacked_styles": fam_stacked_styles,
    "partial_bidi": fam_partial_bidi,
    "glued_trailing_junk": fam_glued_trailing_junk,
    "leet_dense": fam_leet_dense,
    "username_forms": fam_username_forms,
    "username_glued_tld": fam_username_glued_tld,
    "url_backslash": fam_url_backslash,
    "rlo_spelled_dot": fam_rlo_spelled_dot,
    "sms_uk_style": fam_sms_uk_style,
    "youtube_comment_style": fam_youtube_comment_style,
    "weibo_style": fam_weibo_style,
    "emoji_after_fraction": fam_emoji_after_fraction,
    "plain_host_then_emoji_word": fam_plain_host_then_emoji_word,
}
NEEDS_DIGIT = frozenset({"spoken_digits_en"})
NEEDS_CYR = frozenset({"script_lookalike_dot_word"})
NEEDS_LEET = frozenset({"leet_dense"})
PROFILE_ONLY = frozenset({"username_forms", "username_glued_tld"})
"""Families written where a username or display name goes: their surface is one of those."""


# --------------------------------------------------------------------------------------------
# handle families: each yields (kind, expected, text, in_bar, lang)

HandleFamily = Callable[[random.Random], tuple[str, str, str, bool, str]]


def hfam_wechat_nicknames(rng: random.Random) -> tuple[str, str, str, bool, str]:
    """WeChat by its street names (绿泡泡, 小绿, 绿色软件, 🟢泡泡, the green app)."""
    wid = handle_id(rng)
    if rng.random() < 0.7:
        cue = rng.choice(
            ["绿泡泡", "小绿泡泡", "绿色软件", "🟢泡泡", "绿色聊天软件", "V泡泡", "绿🫧"]
        )
        return "wechat", wid, f"{rng.choice(HANDLE_LURE_ZH)}，{cue}：{wid}", True, "zh"
    cue = rng.choice(["add me on the green app", "green app id", "my green chat app:"])
    return "wechat", wid, f"{rng.choice(HANDLE_LURE_EN)} {cue} {wid}", True, "en"


def hfam_qq_homophones(rng: random.Random) -> tuple[str, str, str, bool, str]:
    """QQ by homophones and glyph forms (球球, 秋秋, 扣Q, ⓆⓆ, 🅀🅀, q q号) before the number."""
    num = qq_number(rng)
    cue = rng.choice(["球球", "秋秋", "扣Q", "ⓆⓆ", "🅀🅀", "q q号", "Q Q", "抠抠", "寇寇", "ＱＱ群"])
    sep = rng.choice(["：", ":", " ", "号"])
    return "qq", num, f"{rng.choice(HANDLE_LURE_ZH)} {cue}{sep}{num}", True, "zh"


def hfam_telegram_aliases(rng: random.Random) -> tuple[str, str, str, bool, str]:
    """Telegram by misspellings, aliases and alternate link hosts (telegram.dog, tg://resolve)."""
    name = handle_id(rng).replace("-", "_")
    if not name[0].isalpha():
        name = "a" + name
    form = rng.choice(
        [
            f"Telegrm: {name}",
            f"Tele gram @{name}",
            f"T.G: {name}",
            f"telegram.dog/{name}",
            f"tg://resolve?domain={name}",
            f"蓝色小飞机 {name}",
            f"飞机号{name}",
            f"🛩️ {name}",
            f"TELEGRAM ➡️ {name}",
            f"t۔me/{name}",
            f"t .me /{name}",
            f"电报id：{name}",
        ]
    )
    lang = "zh" if any("\u4e00" <= c <= "\u9fff" for c in form) else "en"
    lure = rng.choice(HANDLE_LURE_ZH if lang == "zh" else HANDLE_LURE_EN)
    return "telegram", name.lower(), f"{lure} {form}", True, lang


def hfam_whatsapp_variants(rng: random.Random) -> tuple[str, str, str, bool, str]:
    """WhatsApp numbers behind misspelt cues, wa.me links and api.whatsapp.com/send links."""
    cc, nat = intl_mobile(rng)
    full = cc + nat
    form = rng.choice(
        [
            f"whatapp +{cc} {nat[:3]} {nat[3:6]} {nat[6:]}",
            f"watsap: +{full}",
            f"WA ➕{cc}{nat}",
            f"wa。me/{full}",
            f"api.whatsapp.com/send?phone={full}",
            f"𝗪𝗵𝗮𝘁𝘀𝗔𝗽𝗽 +{cc}-{nat}",
            f"瓦次普 +{cc} {nat}",
            f"wsp: 00{cc} {nat}",
            f"whats👉 +{cc} {nat[:4]} {nat[4:]}",
        ]
    )
    lang = "zh" if "瓦" in form else "en"
    lure = rng.choice(HANDLE_LURE_ZH if lang == "zh" else HANDLE_LURE_EN)
    return "whatsapp", full, f"{lure} {form}", True, lang


def hfam_line_variants(rng: random.Random) -> tuple[str, str, str, bool, str]:
    """LINE ids behind spaced, styled or Thai/Chinese cues and line.me / lin.ee links."""
    lid = handle_id(rng).lower()
    form = rng.choice(
        [
            f"L I N E : {lid}",
            f"𝐋𝐈𝐍𝐄 ID: {lid}",
            f"ไลน์: {lid}",
            f"加賴 {lid}",
            f"Line：@{lid}",
            f"line.me/R/ti/p/~{lid}",
            f"ⓛⓘⓝⓔ {lid}",
            f"LINE➡️{lid}",
            f"賴 id {lid}",
        ]
    )
    lang = "zh" if any("\u4e00" <= c <= "\u9fff" for c in form) else "en"
    lure = rng.choice(HANDLE_LURE_ZH if lang == "zh" else HANDLE_LURE_EN)
    return "line", lid, f"{lure} {form}", True, lang


def hfam_phone_spoken_en(rng: random.Random) -> tuple[str, str, str, bool, str]:
    """A mobile read aloud in English words (with 'double', 'oh' for zero) after a call cue."""
    if rng.random() < 0.5:
        nat = cn_mobile(rng)
        cc = "86"
    else:
        cc, nat = intl_mobile(rng)
    words = []
    i = 0
    while i < len(nat):
        d = nat[i]
        if i + 1 < len(nat) and nat[i + 1] == d and rng.random() < 0.5:
            words.append("double " + EN_DIGITS[int(d)])
            i += 2
            continue
        words.append("oh" if d == "0" and rng.random() < 0.5 else EN_DIGITS[int(d)])
        i += 1
    plus = "" if cc == "86" else f"plus {spoken_en(cc)} "
    cue = rng.choice(["call me", "text me on", "whatsapp me", "my number is"])
    return (
        "phone",
        cc + nat,
        f"{rng.choice(HANDLE_LURE_EN)} {cue} {plus}{' '.join(words)}",
        True,
        "en",
    )


def hfam_phone_letter_digits(rng: random.Random) -> tuple[str, str, str, bool, str]:
    """A mobile with letters for digits (l/I for 1, O for 0, S for 5, B for 8, Z for 2)."""
    nat = cn_mobile(rng)
    sub = {"1": ["l", "I"], "0": ["O", "o"], "5": ["S"], "8": ["B"], "2": ["Z"]}
    chars = [rng.choice(sub[d]) if d in sub and rng.random() < 0.6 else d for d in nat]
    groups = ["".join(chars[:3]), "".join(chars[3:7]), "".join(chars[7:])]
    sep = rng.choice(["-", " ", ""])
    cue = rng.choice(["电话", "手机", "联系", "tel", "微信同号"])
    return (
        "phone",
        "86" + nat,
        f"{rng.choice(HANDLE_LURE_ZH)} {cue}：{sep.join(groups)}",
        True,
        "zh",
    )


def hfam_phone_emoji_separators(rng: random.Random) -> tuple[str, str, str, bool, str]:
    """A mobile in groups joined by emoji or arrows, digits mixed across forms."""
    nat = cn_mobile(rng)

    def digit(d: str) -> str:
        r = rng.random()
        if r < 0.25:
            return ZH_DIGITS[int(d)]
        if r < 0.4:
            return d + "\ufe0f\u20e3"
        if r < 0.5:
            return chr(0xFF10 + int(d))
        return d

    sep = rng.choice(["💋", "➖", "🔥", "~", "→", "❤️"])
    groups = ["".join(digit(d) for d in g) for g in (nat[:3], nat[3:7], nat[7:])]
    cue = rng.choice(["电话", "手机号", "call", "☎️"])
    return "phone", "86" + nat, f"{rng.choice(HANDLE_LURE_ZH)} {cue} {sep.join(groups)}", True, "zh"


def hfam_id_spoken_digits(rng: random.Random) -> tuple[str, str, str, bool, str]:
    """A WeChat id whose digits are said in English or Chinese words, with a 'one word' note."""
    head = "".join(rng.choice(SYLLABLES) for _ in range(2))
    digits = str(rng.randint(100, 9999))
    if rng.random() < 0.5:
        said = spoken_en(digits)
        text = f"{rng.choice(HANDLE_LURE_EN)} wechat: {head} {said} (one word)"
        return "wechat", head + digits, text, True, "en"
    said = "".join(rng.choice([ZH_DIGITS, ZH_FIN])[int(d)] for d in digits)
    text = f"{rng.choice(HANDLE_LURE_ZH)} 薇：{head}{said}（数字写阿拉伯数字）"
    return "wechat", head + digits, text, True, "zh"


def hfam_id_in_two_parts(rng: random.Random) -> tuple[str, str, str, bool, str]:
    """An id given as 'first part X, then Y' or a QQ number in two sentences."""
    if rng.random() < 0.5:
        num = qq_number(rng)
        cut = rng.randint(3, len(num) - 3)
        text = f"{rng.choice(HANDLE_LURE_ZH)} 扣扣前几位是{num[:cut]}，后面是{num[cut:]}"
        return "qq", num, text, True, "zh"
    wid = handle_id(rng)
    cut = rng.randint(2, len(wid) - 2)
    text = (
        f"{rng.choice(HANDLE_LURE_EN)} wechat id starts with {wid[:cut]} and ends with {wid[cut:]}"
    )
    return "wechat", wid, text, True, "en"


def hfam_cue_far_after(rng: random.Random) -> tuple[str, str, str, bool, str]:
    """The id first, the app named several words later in a sentence."""
    wid = handle_id(rng)
    app, kind = rng.choice(
        [
            ("wechat", "wechat"),
            ("WeChat", "wechat"),
            ("微信", "wechat"),
            ("telegram", "telegram"),
            ("line", "line"),
        ]
    )
    form = rng.choice(
        [
            f"{wid} <- that's my {app}",
            f"find me: {wid} (over on {app})",
            f"{wid} is what you search for on {app}",
            f"搜索{wid}，是我的{app}号",
        ]
    )
    lang = "zh" if "搜索" in form else "en"
    lure = rng.choice(HANDLE_LURE_ZH if lang == "zh" else HANDLE_LURE_EN)
    return kind, wid.lower() if kind != "wechat" else wid, f"{lure} {form}", True, lang


def hfam_cue_homoglyph(rng: random.Random) -> tuple[str, str, str, bool, str]:
    """The cue word itself in homoglyphs or math letters: Wеchat (Cyrillic е), 𝕎𝕖ℂ𝕙𝕒𝕥, ᵂᵉᶜʰᵃᵗ."""
    wid = handle_id(rng)
    cue = rng.choice(
        [
            "Wеchat",
            "WeСhat",
            "𝕎𝕖ℂ𝕙𝕒𝕥",
            "ᵂᵉᶜʰᵃᵗ",
            "Ꮃechat",
            "ⓦⓔⓒⓗⓐⓣ",
            "W̶e̶C̶h̶a̶t̶",
            "wech@t",
            "VV",
            "ＶＸ",
            "ᐯ᙭",
        ]
    )
    return "wechat", wid, f"{rng.choice(HANDLE_LURE_EN)} {cue}: {wid}", True, "en"


def hfam_same_number(rng: random.Random) -> tuple[str, str, str, bool, str]:
    """'WeChat same as my number' style: the phone digits disguised, the cue says both."""
    nat = cn_mobile(rng)
    form = rng.choice(
        [
            f"V同号 {nat[:3]} {nat[3:7]} {nat[7:]}",
            f"微信手机同号：{nat[:3]}*{nat[3:7]}*{nat[7:]}",
            f"电话/微信 {'-'.join(nat[i : i + 1] for i in range(11))}",
            f"联系方式就是手机号 ①{nat[1:3]}{nat[3:]}",
        ]
    )
    if "①" in form:
        form = form.replace("①" + nat[1:3] + nat[3:], "①" + nat[1:])
    return "phone", "86" + nat, f"{rng.choice(HANDLE_LURE_ZH)} {form}", True, "zh"


def hfam_stacked_listed_tricks(rng: random.Random) -> tuple[str, str, str, bool, str]:
    """Only disguises the README lists, stacked: a broken cue, an id in starred or spaced pieces
    with Chinese numerals, a reader note."""
    wid = handle_id(rng)
    cue = rng.choice(["微❤信", "V亻言", "薇❤", "威❤", "wei xin", "V 信", "加V", "vx"])
    head = "".join(c for c in wid if not c.isdigit())
    digits = "".join(c for c in wid if c.isdigit())
    joiner = rng.choice([" ", "*", "❤", "·"])
    spoken = "".join(rng.choice([ZH_DIGITS, ZH_FIN, "0123456789"])[int(d)] for d in digits)
    note = {" ": "（去掉空格）", "*": "（去掉星号）"}.get(joiner, rng.choice(["", "（连起来）"]))
    body = joiner.join(head) + joiner + spoken
    return "wechat", wid, f"{rng.choice(HANDLE_LURE_ZH)} {cue}：{body}{note}", True, "zh"


def hfam_glued_cue_profile(rng: random.Random) -> tuple[str, str, str, bool, str]:
    """A display name or bio where the cue is glued to the id (vx_lucky8899, QQ5351722, tg_x),
    beside a trade word, as profile spam is written."""
    wid = handle_id(rng)
    num = qq_number(rng)
    kind, expected, glued = rng.choice(
        [
            ("wechat", wid, f"vx_{wid}"),
            ("wechat", wid, f"wx-{wid}"),
            ("wechat", wid, f"V{wid}"),
            ("qq", num, f"QQ{num}"),
            ("qq", num, f"q{num}"),
            ("telegram", wid.lower(), f"tg_{wid}"),
            ("wechat", wid, f"加V{wid}"),
            ("qq", num, f"扣{num}"),
        ]
    )
    trade = rng.choice(["百家乐代理", "同城上门", "兼职日结", "网赌回血", "casino agent", "escort"])
    sep = rng.choice([" ", "|", "丨", "✨", "·"])
    return kind, expected, f"{trade}{sep}{glued}", True, "zh"


def hfam_id_homoglyph(rng: random.Random) -> tuple[str, str, str, bool, str]:
    """An id with Cyrillic look-alike letters after a plain cue: the reader types the Latin id."""
    wid = handle_id(rng)
    while not any(c in CYR for c in wid):
        wid = handle_id(rng)
    disguised = "".join(CYR[c] if c in CYR and rng.random() < 0.5 else c for c in wid)
    if disguised == wid:
        i = next(i for i, c in enumerate(wid) if c in CYR)
        disguised = wid[:i] + CYR[wid[i]] + wid[i + 1 :]
    kind, cue = rng.choice(
        [
            ("wechat", "微信："),
            ("wechat", "vx: "),
            ("telegram", "TG: "),
            ("line", "LINE ID: "),
            ("wechat", "加V "),
        ]
    )
    expected = wid.lower() if kind != "wechat" else wid
    lure = rng.choice(HANDLE_LURE_ZH + HANDLE_LURE_EN)
    return kind, expected, f"{lure} {cue}{disguised}", True, "zh"


def hfam_plain_handle_then_emoji_word(rng: random.Random) -> tuple[str, str, str, bool, str]:
    """A PLAIN, undisguised handle (微信：id, QQ：number, t.me/name, wa.me/number, a mobile)
    followed by an emoji and a word that is also a TLD (``🔥 VIP``, ``👉 app``)."""
    wid = handle_id(rng)
    num = qq_number(rng)
    mobile = cn_mobile(rng)
    cc, nat = intl_mobile(rng)
    kind, expected, plain = rng.choice(
        [
            ("wechat", wid, f"微信：{wid}"),
            ("qq", num, f"QQ：{num}"),
            ("telegram", wid.lower(), f"t.me/{wid}"),
            ("whatsapp", cc + nat, f"wa.me/{cc}{nat}"),
            ("phone", "86" + mobile, f"电话 {mobile}"),
            ("line", wid.lower(), f"LINE: {wid}"),
        ]
    )
    emoji = rng.choice(["👉", "🔥", "⭐", "💰", "❤️", "🎰", "💋"])
    tail = rng.choice(["VIP", "app", "top", "win", "live", "VIP通道", "APP下载", "club"])
    lure = rng.choice(HANDLE_LURE_ZH + HANDLE_LURE_EN)
    return kind, expected, f"{lure} {plain} {emoji} {tail}", True, "zh"


HANDLE_FAMILIES: dict[str, HandleFamily] = {
    "wechat_nicknames": hfam_wechat_nicknames,
    "qq_homophones": hfam_qq_homophones,
    "telegram_aliases": hfam_telegram_aliases,
    "whatsapp_variants": hfam_whatsapp_variants,
    "line_variants": hfam_line_variants,
    "phone_spoken_en": hfam_phone_spoken_en,
    "phone_letter_digits": hfam_phone_letter_digits,
    "phone_emoji_separators": hfam_phone_emoji_separators,
    "id_spoken_digits": hfam_id_spoken_digits,
    "id_in_two_parts": hfam_id_in_two_parts,
    "cue_far_after": hfam_cue_far_after,
    "cue_homoglyph": hfam_cue_homoglyph,
    "same_number": hfam_same_number,
    "stacked_listed_tricks": hfam_stacked_listed_tricks,
    "glued_cue_profile": hfam_glued_cue_profile,
    "id_homoglyph": hfam_id_homoglyph,
    "plain_handle_then_emoji_word": hfam_plain_handle_then_emoji_word,
}


# --------------------------------------------------------------------------------------------
# benign controls


BENIGN_PROSE = [
    "Meeting moved to 3.30pm on 12.05, bring the Q3 report (v2.1).",
    "Order #A-2291-88 shipped, total $38.50, arrives Dec 9. Thanks!",
    "lol that movie was sooo good... 10/10 would watch again",
    "I paid 1,299.00 for it, the old one was 899 dot something",
    "Call me when you land, flight CA 981 at 14:05",
    "今天天气不错，一起去公园散步吧。",
    "订单号 20261206-8812 已发货，预计三天内送达。",
    "价格：￥199.00，包邮，下单请备注颜色。",
    "明天下午两点开会，记得带上第3.2节的资料。",
    "我们点了一份外卖，花了三十五块钱。",
    "Mr. Smith said the meeting is at 10 a.m. sharp, e.g. before lunch.",
    "version 3.14.2 fixes the crash; see section 4.1 of the manual.",
    "好的，收到。下周见！",
    "Room 8.12, level 3. Dinner at 7 p.m. cost us 42.80 each.",
    "He scored 88 points. Final score 102-98. What a game!!",
]
BENIGN_DISGUISE = [
    "{h}",
    "visit {h}",
    "{name} dot {tld}",
    "{name}[.]{tld}",
    "{name}。{tld}",
    "{name} 点 {tld}",
    "https://www.{h}/help",
    "官网 {h}",
    "see {name} . {tld} for details",
    "{name}(dot){tld}",
]


def benign_cases(
    data: Path,
    listed: Callable[[str], bool] | None = None,
    n_prose: int = 150,
    n_hosts: int = 250,
    n_hard: int = 360,
    seed: int = SEED,
) -> list[Benign]:
    """Clean messages: templated prose with numbers, popular unlisted hosts plain or lightly
    disguised, and popular unlisted hosts under every link family's trick with neutral wording
    (``popular_host_as_<family>``: Bastion must not act, and should not review much)."""
    rng = random.Random(f"{seed}:benign")
    out: list[Benign] = []
    for _ in range(n_prose):
        base = rng.choice(BENIGN_PROSE)
        extra = rng.choice(
            [
                "",
                f" Ref {rng.randint(1000, 99999)}.",
                f" 共{rng.randint(2, 99)}件。",
                f" see you {rng.randint(1, 28)}.{rng.randint(1, 12)}",
            ]
        )
        out.append(Benign("prose", base + extra, rng.choice(SURFACES), None))
    path = data / "tranco-top-100k" / "tranco_top_100k.tsv"
    hosts: list[str] = []
    if path.exists():
        from bastion.suffixes import registrable_domain

        for line in path.read_text(encoding="utf-8").splitlines()[1:3000]:
            parts = line.split("\t")
            if len(parts) < 2:
                continue
            host = parts[1].strip().lower()
            name, _, tld = host.partition(".")
            if registrable_domain(host) == host and name.isalnum() and tld in COMMON_TLDS:
                hosts.append(host)
    rng.shuffle(hosts)
    disguised = [
        h
        for h in hosts[n_hosts:]
        if len(h.partition(".")[0]) >= 5 and (listed is None or not listed(h))
    ][:n_hard]
    for i, host in enumerate(disguised):
        name, _, tld = host.partition(".")
        family = list(LINK_FAMILIES)[i % len(LINK_FAMILIES)]
        text, _, _ = LINK_FAMILIES[family](rng, Host(host, name, tld, "benign"))
        out.append(Benign(f"popular_host_as_{family}", text, rng.choice(SURFACES), host))
    for host in hosts[: n_hosts * 2]:
        if sum(b.family == "popular_host" for b in out) >= n_hosts:
            break
        if listed is not None and listed(host):
            continue
        name, _, tld = host.partition(".")
        form = rng.choice(BENIGN_DISGUISE).format(h=host, name=name, tld=tld)
        lead = rng.choice(["", "I use ", "try ", "我常用 ", "check out "])
        out.append(Benign("popular_host", lead + form, rng.choice(SURFACES), host))
    return out


# --------------------------------------------------------------------------------------------
# real spam carrying a plain host

REAL_SPAM_FAMILY = "plain_host_in_real_spam"
POINTERS = ("", "", "👉 ", "🔥 ", "➡️ ", "⭐ ", "官网：", "visit ", "→ ")


def real_spam(data: Path) -> list[tuple[str, str]]:
    """(lang, text) of the spam rows of the UCI SMS and YouTube sets and the Chinese fraud texts,
    with their own links left in (a plain listed host is added to each)."""
    from bench.common import sms, telecom, youtube

    out: list[tuple[str, str]] = []
    try:
        out += [("en", t) for label, t in sms(data) if label == "spam"]
        out += [("en", t.replace("\ufeff", "")) for label, t in youtube(data) if label == "1"]
        out += [("zh", t) for label, t in telecom(data) if label != "0"]
    except FileNotFoundError:
        return []
    return sorted(t for t in out if 20 <= len(t[1]) <= 400)


def plain_host_in_real_spam(
    rng: random.Random, h: Host, spam: list[tuple[str, str]]
) -> tuple[str, str]:
    """A real spam message with the listed host, undisguised, put at a random word boundary
    (after a pointer emoji or word): the easiest case there is, in real surroundings."""
    lang, text = rng.choice(spam)
    cuts = [0, len(text)] + [i + 1 for i, c in enumerate(text) if c in " ，。,!！\n"]
    at = rng.choice(cuts)
    host = rng.choice([h.host, h.host, f"www.{h.host}", f"https://{h.host}/", h.host.upper()])
    piece = f"{rng.choice(POINTERS)}{host}"
    return f"{text[:at]} {piece} {text[at:]}".strip(), lang


# --------------------------------------------------------------------------------------------
# the suite


def generate(
    data: Path,
    listed: Callable[[str], bool] | None = None,
    per_family: int = PER_FAMILY,
    seed: int = SEED,
) -> list[Case]:
    """Every case of every family, in a fixed order (link families, then handle families)."""
    pools = host_pools(data, listed, seed=seed)
    every = [h for cat in sorted(pools) for h in pools[cat]]
    cases: list[Case] = []
    for family, make in LINK_FAMILIES.items():
        rng = random.Random(f"{seed}:{family}")
        candidates = every
        if family in NEEDS_DIGIT:
            candidates = [h for h in every if any(c.isdigit() for c in h.name)]
        elif family in NEEDS_LEET:
            candidates = [h for h in every if sum(c in LEET_DIGIT for c in h.name) >= 4]
        elif family in NEEDS_CYR:
            candidates = [
                h for h in every if sum(c in CYR for c in h.name) >= max(3, len(h.name) // 2)
            ]
        if not candidates:
            continue
        for _ in range(per_family):
            h = rng.choice(candidates)
            text, in_bar, lang = make(rng, h)
            where = (
                rng.choice(("username", "display_name")) if family in PROFILE_ONLY else surface(rng)
            )
            cases.append(Case(family, "link", h.host, text, where, in_bar, lang, h.category))
    spam = real_spam(data)
    if spam and every:
        rng = random.Random(f"{seed}:{REAL_SPAM_FAMILY}")
        for _ in range(per_family * 2):
            h = rng.choice(every)
            text, lang = plain_host_in_real_spam(rng, h, spam)
            cases.append(
                Case(REAL_SPAM_FAMILY, "link", h.host, text, surface(rng), True, lang, h.category)
            )
    for family, hmake in HANDLE_FAMILIES.items():
        rng = random.Random(f"{seed}:{family}")
        for _ in range(per_family):
            kind, expected, text, in_bar, lang = hmake(rng)
            cases.append(
                Case(
                    family,
                    kind,
                    expected,
                    text,
                    surface(rng, chat_like=True),
                    in_bar,
                    lang,
                    "solicitation",
                )
            )
    return cases


def iter_families(cases: list[Case]) -> Iterator[tuple[str, list[Case]]]:
    order: dict[str, list[Case]] = {}
    for case in cases:
        order.setdefault(case.family, []).append(case)
    yield from order.items()
