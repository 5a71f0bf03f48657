"""Red team 7: the link families, each a letter style, a digit style, a dot, a TLD and a layout.

A family is one ``Spec``; its cases draw a real listed host (or malware IP) by seed, render it
through the spec and set it in the wording of its list's category on a surface drawn by seed.
The message a careful reader reads (the host written plainly, hints dropped) is the case's
``key``.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import quote

from bench import redteam7_tricks as T
from bench.redteam7 import SURFACES, Builder, Case, Host, Pools

LETTER_TABLES = {
    "currency": T.CURRENCY,
    "faux_cyrillic": T.FAUX_CYRILLIC,
    "syllabics": T.SYLLABICS,
    "stroke": T.STROKE,
    "cjk": T.CJK_SHAPES,
    "same_script": T.SAME_SCRIPT,
    "ascii_art": T.ASCII_ART,
}
MULTILINE = ("bio", "post", "comment")
NO_HINT_SURFACES = ("username", "display_name")
HINTED_LAYOUTS = ("mirror", "numbered", "telestich", "interleave", "doubled", "insert")

WORDS = {
    "gambling": {
        "zh": [
            "注册送彩金",
            "百家乐真人视讯",
            "体育投注 首存加送",
            "棋牌提款秒到",
            "老虎机天天返水",
        ],
        "en": [
            "casino bonus 100%",
            "free spins daily",
            "sports betting, fast payout",
            "slots jackpot tonight",
            "live baccarat, instant withdrawals",
        ],
    },
    "porn": {
        "zh": ["福利视频", "成人直播 免费看", "同城约", "私密相册 解锁", "午夜影院 无码"],
        "en": [
            "18+ videos",
            "hot girls live",
            "free adult cams",
            "uncensored clips",
            "nudes, no sign-up",
        ],
    },
    "scam": {
        "zh": ["高收益理财 稳赚不赔", "内部消息 带你赚钱", "免费领取补贴", "中奖通知 请尽快领取"],
        "en": [
            "guaranteed returns 30% a week",
            "claim your prize now",
            "crypto signals, get rich",
            "you have won a gift card",
        ],
    },
    "phishing": {
        "zh": [
            "您的账户存在异常，请尽快验证",
            "快递未签收，请补填地址",
            "积分即将清零 请兑换",
            "银行卡已被冻结 请登录解冻",
        ],
        "en": [
            "your account is locked, verify now",
            "parcel on hold, update your address",
            "unusual sign-in detected, confirm",
            "refund pending, log in to claim",
        ],
    },
    "malware": {
        "zh": ["破解版免费下载", "免费加速器", "补丁安装包 必装"],
        "en": ["free cracked download", "install the update now", "codec pack required"],
    },
}

TEMPLATES = {
    "username": ("{h}", "{h}"),
    "display_name": ("{h}丨{w}", "{w} | {h}"),
    "bio": ("{w}，官网：{h} {hint}", "{w} - site: {h} {hint}"),
    "post": (
        "{w}！老用户都在玩 {h} {hint} 名额有限",
        "{w}! everyone is on {h} {hint} limited spots",
    ),
    "comment": ("楼主说得对，{w} 去 {h} {hint}", "so true lol. {w} at {h} {hint}"),
    "chat": (
        "[21:{mm}] 小雅: {w}\n[21:{mm}] 小雅: {h} {hint}",
        "[9:{mm} PM] Jess: {w}\n[9:{mm} PM] Jess: {h} {hint}",
    ),
    "livestream": ("🔴直播中｜{w}｜{h} {hint}", "🔴 LIVE | {w} | {h} {hint}"),
    "listing": (
        "【转让】会员账号 ¥{p}，{w}，详情 {h} {hint}",
        "FOR SALE: VIP account ${p} - {w}, details {h} {hint}",
    ),
    "map_place": ("{h} {w}体验店（人民路店）{hint}", "{h} {w} Lounge (Main St) {hint}"),
}
BLOCK_TEMPLATES = {
    "bio": ("{w}\n{h}\n{hint}", "{w}\n{h}\n{hint}"),
    "post": ("{w}！\n{h}\n{hint} 名额有限", "{w}!\n{h}\n{hint} limited spots"),
    "comment": ("楼主说得对 {w}\n{h}\n{hint}", "so true. {w}\n{h}\n{hint}"),
}

TELESTICH_EN = {
    "a": "pizza idea sofa",
    "b": "club web",
    "c": "magic music",
    "d": "friend road",
    "e": "time house",
    "f": "chef leaf",
    "g": "song dog",
    "h": "beach fish",
    "i": "taxi wifi",
    "k": "book park",
    "l": "hotel girl",
    "m": "room dream",
    "n": "fun sun",
    "o": "radio photo",
    "p": "trip shop",
    "r": "car star",
    "s": "bus yes",
    "t": "night cat",
    "u": "menu you",
    "w": "snow now",
    "x": "box tax",
    "y": "day party",
    "z": "quiz jazz",
}
TELESTICH_LINES = ("meet me at the {x}", "what a {x}", "I love this {x}", "nothing like a {x}")
ZH_FILLERS = ("今天好开心", "记得吃饭哦", "晚安啦", "明天见", "好运连连", "加油鸭", "周末愉快")
ZH_GAP = "好运来发财旺福"
SHARE = (
    ("https://www.facebook.com/sharer/sharer.php?u={u}", "facebook.com"),
    ("https://twitter.com/intent/tweet?text=%E6%9D%A5&url={u}", "twitter.com"),
    ("https://www.linkedin.com/sharing/share-offsite/?url={u}", "linkedin.com"),
    ("https://t.me/share/url?url={u}", "t.me"),
    ("https://social-plugins.line.me/lineit/share?url={u}", "line.me"),
    ("https://service.weibo.com/share/share.php?url={u}&title=%E7%A6%8F%E5%88%A9", "weibo.com"),
    ("https://connect.qq.com/widget/shareqq/index.html?url={u}", "qq.com"),
)
QR = (
    ("https://api.qrserver.com/v1/create-qr-code/?size=300x300&data={u}", "qrserver.com"),
    ("https://quickchart.io/qr?size=300&text={u}", "quickchart.io"),
    ("https://chart.googleapis.com/chart?cht=qr&chs=300x300&chl={u}", "googleapis.com"),
)


@dataclass(frozen=True, slots=True)
class Spec:
    """One link family: how each part of the host is written."""

    letters: str | None = None
    share: float = 1.0
    digits: str | None = None
    dot: str = "plain"  # plain, rare_stop, dian_variant, ascii, word, dian
    tld: str = "plain"  # plain, letters, sound, country, cjk
    layout: str = "inline"
    lang: str = "both"
    ip: bool = False


def _accept(spec: Spec) -> Callable[[Host], bool]:
    def ok(h: Host) -> bool:
        name, tld = h.name, h.tld
        if spec.digits and not re.search(r"[0-9]{1,}", name):
            return False
        if spec.digits == "dice" and not re.search("[1-6]", name):
            return False
        if spec.digits == "sum" and not re.search("[1-9][0-9]", name):
            return False
        if spec.tld == "country" and tld not in T.COUNTRY:
            return False
        if spec.tld == "sound" and tld not in T.TLD_SOUNDS:
            return False
        if spec.letters == "same_script" and not set(name) & set(T.SAME_SCRIPT):
            return False
        if spec.layout == "insert" and _insert_at(name) is None:
            return False
        return not (spec.layout in ("as_in", "telestich") and len(name) > 12)

    return ok


def _insert_at(name: str) -> int | None:
    """An inner letter whose neighbours, as a pair, occur once: the hint names it unambiguously."""
    for k in range(2, len(name) - 1):
        a, c, b = name[k - 1], name[k], name[k + 1]
        if c.isalpha() and (name[:k] + name[k + 1 :]).count(a + b) == 1 and a != c != b:
            return k
    return None


class Render:
    """Renders one host through a spec, collecting the hints the message must give."""

    def __init__(self, spec: Spec, rng: random.Random, lang: str) -> None:
        self.spec, self.rng, self.lang = spec, rng, lang
        self.hints: list[str] = []

    def hint(self, en: str, zh: str) -> None:
        self.hints.append(zh if self.lang == "zh" else en)

    def units(self, s: str, share: float | None = None) -> list[str]:
        """Each character of ``s`` in the spec's digit and letter styles (one unit a character;
        a sum of digits is one unit)."""
        sp, rng = self.spec, self.rng
        if sp.digits == "sum":
            s = T.digits(s, "sum", rng)
        out = [T.digits(ch, sp.digits, rng) if sp.digits and sp.digits != "sum" else ch for ch in s]
        if sp.letters:
            table = LETTER_TABLES[sp.letters]
            picks = [i for i, ch in enumerate(s) if ch in table and len(out[i]) == 1]
            p = sp.share if share is None else share
            chosen = {i for i in picks if rng.random() < p} or (
                {rng.choice(picks)} if picks else set()
            )
            out = [table[s[i]] if i in chosen else u for i, u in enumerate(out)]
        return out

    def dot(self) -> str:
        sp, rng = self.spec, self.rng
        if sp.dot == "rare_stop":
            return rng.choice(T.RARE_STOPS)
        if sp.dot == "dian_variant":
            return (
                rng.choice(T.DIAN_VARIANTS)
                if rng.random() < 0.6
                else f" {rng.choice(T.DIAN_VARIANTS)} "
            )
        if sp.dot == "ascii":
            d = rng.choice(
                [c for c in T.ASCII_DOTS if not (sp.letters == "ascii_art" and c == "|")]
            )
            if rng.random() < 0.4:
                self.hint(f"({d} is a dot)", f"（{d}就是点）")
            return d
        if sp.dot == "word":
            if self.lang == "zh":
                return "点"
            return " " + "".join(self.units("dot", 1.0)) + " "
        if sp.dot == "dian":
            return "点"
        return "."

    def tld(self, tld: str) -> list[str]:
        sp, rng = self.spec, self.rng
        if sp.tld == "letters":
            return self.units(tld, 1.0)
        if sp.tld == "sound":
            return [rng.choice(T.TLD_SOUNDS[tld])]
        if sp.tld == "cjk":
            return [T.CJK_SHAPES.get(ch, ch) for ch in tld]
        return list(tld)

    def country(self, tld: str) -> str:
        en, zh = T.COUNTRY[tld]
        if self.lang == "zh":
            form = self.rng.choice((" 点 {c}的国家域名", "，后缀是{c}的国家代码", "+{c}域名后缀"))
            return form.format(c=zh)
        form = self.rng.choice(
            (
                " dot the country code of {c}",
                " + {c}'s country domain",
                ", ending: {c}'s two-letter code",
            )
        )
        return form.format(c=en)

    def inline(self, name: str, tld: str) -> str:
        head = "".join(self.units(name))
        if self.spec.tld == "country":
            return head + self.country(tld)
        return head + self.dot() + "".join(self.tld(tld))


def render(spec: Spec, host: Host, rng: random.Random, lang: str) -> tuple[str, list[str]]:
    """The disguised host and the hints the message gives."""
    r = Render(spec, rng, lang)
    if spec.ip:
        dots = [r.dot() for _ in range(3)]
        octets = ["".join(r.units(o)) for o in host.host.split(".")]
        frag = octets[0] + "".join(d + o for d, o in zip(dots, octets[1:], strict=True))
        _digit_hint(r)
        return frag, r.hints
    name, tld = host.name, host.tld
    layout = spec.layout
    if layout == "inline":
        frag = r.inline(name, tld)
    elif layout == "mirror":
        dot = r.dot()
        units = [
            T.digits(ch, spec.digits, rng) if spec.digits and ch.isdigit() else T.MIRROR.get(ch, ch)
            for ch in reversed(name + "." + tld)
        ]
        frag = "".join(dot if u == "." else u for u in units)
        r.hint("(mirror writing: hold it to a mirror)", "（镜像字，照镜子读）")
    elif layout == "numbered":
        frag = _numbered(r, name, tld)
    elif layout == "staircase":
        units = [*r.units(name), r.dot(), *r.tld(tld)]
        frag = "\n".join(" " * (2 * i) + u.strip() for i, u in enumerate(units))
    elif layout == "telestich":
        frag = _telestich(r, name, tld)
    elif layout == "interleave":
        units = [*r.units(name), r.dot().strip() or ".", *r.tld(tld)]
        gap = ZH_GAP if lang == "zh" else "qxzjkvw"
        frag = "".join(u + rng.choice(gap) for u in units)
        r.hint("(read every other character)", "（隔一个字读一个）")
    elif layout == "doubled":
        units = [*r.units(name), r.dot().strip() or ".", *r.tld(tld)]
        frag = "".join(u * 2 for u in units)
        r.hint("(every character is typed twice)", "（每个字符都打了两遍）")
    elif layout == "as_in":
        spelled = T.spell_as_in(name, lang)
        if spec.digits:
            spelled = "".join(
                T.digits(ch, spec.digits, rng) if ch.isdigit() else ch for ch in spelled
            )
        tail = "".join(r.tld(tld))
        if spec.tld == "country":
            frag = spelled + r.country(tld)
        elif lang == "zh":
            frag = f"{spelled}，然后点{tail}"
        else:
            frag = f"{spelled}, then dot {tail}"
    elif layout == "insert":
        k = _insert_at(name)
        assert k is not None
        a, c, b = name[k - 1], name[k], name[k + 1]
        frag = r.inline(name[:k] + name[k + 1 :], tld)
        r.hint(f"(put the {c} back between {a} and {b})", f"（{a}和{b}之间补一个{c}）")
    elif layout == "code":
        frag = _code(r, name, tld)
    elif layout in ("share", "qr"):
        url = f"https://{host.host}/" + rng.choice(("", "reg?c=77", "vip", "index.html"))
        wrapper, _ = rng.choice(SHARE if layout == "share" else QR)
        frag = wrapper.format(
            u=quote(url, safe="") if layout == "share" or rng.random() < 0.5 else url
        )
    else:
        raise ValueError(layout)
    _digit_hint(r)
    return frag, r.hints


def _digit_hint(r: Render) -> None:
    style = r.spec.digits
    if style and (style in ("zh_sounds", "sum", "suzhou") or r.rng.random() < 0.5):
        en, zh = T.DIGIT_HINTS[style]
        r.hint(en, zh)


def _numbered(r: Render, name: str, tld: str) -> str:
    cut = r.rng.randrange(1, len(name))
    pieces = ["".join(r.units(name[:cut])), "".join(r.units(name[cut:]))]
    pieces.append(
        r.country(tld).strip(" ,+，") if r.spec.tld == "country" else r.dot() + "".join(r.tld(tld))
    )
    order = [0, 1, 2]
    while order == [0, 1, 2]:
        r.rng.shuffle(order)
    if r.lang == "zh":
        labels = r.rng.choice(
            (("①", "②", "③"), ("第1段", "第2段", "第3段"), ("(一)", "(二)", "(三)"))
        )
    else:
        labels = r.rng.choice((("(1)", "(2)", "(3)"), ("#1", "#2", "#3"), ("1)", "2)", "3)")))
    r.hint("(put the pieces in order)", "（按序号拼起来）")
    return "  ".join(f"{labels[i]} {pieces[i]}" for i in order)


def _telestich(r: Render, name: str, tld: str) -> str:
    units = [*r.units(name), ".", *r.tld(tld)]
    lines: list[str] = []
    for u, ch in zip(units, name + "." + tld, strict=True):
        if r.lang == "zh":
            lines.append("就这样。" if ch == "." else r.rng.choice(ZH_FILLERS) + u)
        elif ch == ".":
            lines.append(r.rng.choice(("see you soon.", "that's all.", "so good.")))
        elif ch in TELESTICH_EN and u == ch:
            lines.append(
                r.rng.choice(TELESTICH_LINES).format(x=r.rng.choice(TELESTICH_EN[ch].split()))
            )
        elif ch.isdigit():
            lines.append(r.rng.choice(("gate ", "room ", "table ")) + u)
        else:
            lines.append(r.rng.choice(("and then ", "guess what ")) + u)
    r.hint("(read the last character of each line)", "（看每行最后一个字符）")
    return "\n".join(lines)


def _code(r: Render, name: str, tld: str) -> str:
    if r.spec.digits == "sum":
        runs = re.findall(r"[0-9]+|[^0-9]+", name)
        expr = "+".join(
            T.digits(run, "sum", r.rng)
            if run.isdigit() and run[0] != "0" and len(run) >= 2
            else f"'{run}'"
            for run in runs
        )
        if all(run.isdigit() for run in runs):
            expr = f"''+{expr}"
        return f"[{expr},'{tld}'].join('.')"
    forms = (
        "['{n}','{t}'].join('.')",
        '".".join(["{n}", "{t}"])',
        "implode('.', ['{n}', '{t}'])",
        "{{{{ ['{n}','{t}']|join('.') }}}}",
        'String.join(".", "{n}", "{t}")',
        "CONCAT('{n}', '.', '{t}')",
    )
    return r.rng.choice(forms).format(n=name, t=tld)


SPECS: dict[str, Spec] = {
    "currency_letters_dot_word": Spec("currency", 1.0, dot="word", tld="letters", lang="en"),
    "currency_letters_dice_digits": Spec("currency", 0.6, "dice", tld="letters"),
    "currency_letters_dian_variant": Spec("currency", 0.6, dot="dian_variant", lang="zh"),
    "faux_cyrillic_rare_stop": Spec("faux_cyrillic", 1.0, dot="rare_stop", tld="letters"),
    "faux_cyrillic_country_tld": Spec("faux_cyrillic", 0.7, tld="country"),
    "faux_cyrillic_clock_digits": Spec("faux_cyrillic", 0.7, "clock", dot="dian"),
    "syllabics_ascii_dot": Spec("syllabics", 1.0, dot="ascii", tld="letters", lang="en"),
    "syllabics_mahjong_digits": Spec("syllabics", 0.7, "mahjong", dot="dian", lang="zh"),
    "syllabics_numbered_pieces": Spec("syllabics", 0.8, tld="letters", layout="numbered"),
    "stroke_letters_zh_sound_digits": Spec(
        "stroke", 0.7, "zh_sounds", dot="dian_variant", lang="zh"
    ),
    "stroke_letters_country_tld": Spec("stroke", 1.0, tld="country"),
    "stroke_letters_staircase": Spec("stroke", 0.7, tld="letters", layout="staircase"),
    "same_script_lookalikes_dian_variant": Spec("same_script", 1.0, dot="dian_variant", lang="zh"),
    "same_script_lookalikes_sum_digits": Spec("same_script", 1.0, "sum"),
    "same_script_lookalikes_rare_stop": Spec(
        "same_script", 1.0, dot="rare_stop", tld="letters", lang="en"
    ),
    "ascii_art_leet_tld_sound": Spec("ascii_art", 0.5, dot="word", tld="sound", lang="en"),
    "ascii_art_leet_clock_digits": Spec("ascii_art", 0.5, "clock", lang="en"),
    "ascii_art_leet_ascii_dot": Spec("ascii_art", 0.5, dot="ascii", lang="en"),
    "cjk_shape_tld_only": Spec(dot="dian", tld="cjk", lang="zh"),
    "cjk_shape_whole_host": Spec("cjk", 0.6, dot="dian_variant", tld="cjk", lang="zh"),
    "cjk_shape_staircase": Spec("cjk", 0.5, tld="cjk", layout="staircase", lang="zh"),
    "mirror_writing": Spec(layout="mirror"),
    "mirror_writing_rare_stop": Spec(dot="rare_stop", layout="mirror"),
    "mirror_writing_suzhou_digits": Spec(digits="suzhou", dot="dian", layout="mirror", lang="zh"),
    "dice_digits_ascii_dot": Spec(digits="dice", dot="ascii"),
    "dice_digits_numbered_pieces": Spec(digits="dice", layout="numbered"),
    "clock_digits_country_tld": Spec(digits="clock", tld="country"),
    "clock_digits_dian_variant": Spec(digits="clock", dot="dian_variant", lang="zh"),
    "mahjong_digits_dian_variant": Spec(digits="mahjong", dot="dian_variant", lang="zh"),
    "mahjong_digits_rare_stop": Spec(digits="mahjong", dot="rare_stop"),
    "zh_sound_digits_dian_variant": Spec(digits="zh_sounds", dot="dian_variant", lang="zh"),
    "zh_sound_digits_staircase": Spec(
        digits="zh_sounds", dot="dian", layout="staircase", lang="zh"
    ),
    "suzhou_digits_rare_stop": Spec(digits="suzhou", dot="rare_stop"),
    "suzhou_digits_ascii_dot": Spec(digits="suzhou", dot="ascii"),
    "sum_digits_tld_sound": Spec(digits="sum", dot="word", tld="sound", lang="en"),
    "sum_digits_numbered_pieces": Spec(digits="sum", layout="numbered"),
    "country_tld_zh": Spec(tld="country", lang="zh"),
    "country_tld_numbered_pieces": Spec(tld="country", layout="numbered", lang="en"),
    "tld_sound_as_in_spelling": Spec(tld="sound", layout="as_in", lang="en"),
    "tld_sound_interleave": Spec(dot="word", tld="sound", layout="interleave", lang="en"),
    "numbered_pieces_ascii_dot": Spec(dot="ascii", layout="numbered"),
    "numbered_pieces_dian_variant": Spec(dot="dian_variant", layout="numbered", lang="zh"),
    "staircase_rare_stop": Spec(dot="rare_stop", layout="staircase"),
    "staircase_dice_digits": Spec(digits="dice", layout="staircase"),
    "telestich_lines": Spec(layout="telestich", lang="en"),
    "telestich_lines_zh": Spec(layout="telestich", lang="zh"),
    "interleave_every_other": Spec(layout="interleave", lang="en"),
    "interleave_zh_sound_digits": Spec(digits="zh_sounds", layout="interleave", lang="zh"),
    "doubled_characters_ascii_dot": Spec(dot="ascii", layout="doubled"),
    "doubled_characters_dian_variant": Spec(dot="dian_variant", layout="doubled", lang="zh"),
    "as_in_spelling": Spec(layout="as_in", lang="en"),
    "as_in_spelling_clock_digits": Spec(digits="clock", layout="as_in", lang="en"),
    "as_in_spelling_country_zh": Spec(tld="country", layout="as_in", lang="zh"),
    "insert_letter_rare_stop": Spec(dot="rare_stop", layout="insert", lang="en"),
    "insert_letter_dian_variant": Spec(dot="dian_variant", layout="insert", lang="zh"),
    "insert_letter_stroke_letters": Spec("stroke", 0.5, layout="insert"),
    "code_join_expression": Spec(layout="code"),
    "code_join_sum_digits": Spec(digits="sum", layout="code"),
    "share_intent_links": Spec(layout="share"),
    "qr_generator_links": Spec(layout="qr"),
    "ip_dice_rare_stops": Spec(digits="dice", dot="rare_stop", ip=True),
    "ip_suzhou_dian_variant": Spec(digits="suzhou", dot="dian_variant", ip=True, lang="zh"),
    "ip_zh_sound_digits": Spec(digits="zh_sounds", dot="dian", ip=True, lang="zh"),
    "ip_mahjong_ascii_dots": Spec(digits="mahjong", dot="ascii", ip=True),
}


def _surface(spec: Spec, rng: random.Random, hinted: bool) -> str:
    if spec.layout in ("staircase", "telestich"):
        return rng.choice(MULTILINE)
    if spec.layout in ("code", "share", "qr", "as_in", "numbered"):
        return rng.choice(("bio", "post", "comment", "chat", "listing"))
    if hinted:
        return rng.choice([s for s in SURFACES if s not in NO_HINT_SURFACES])
    return rng.choice(SURFACES)


def _builder(spec: Spec) -> Builder:
    accept = _accept(spec)

    def build(rng: random.Random, pools: Pools, i: int) -> Case:
        host = pools.ip(rng) if spec.ip else pools.host(rng, accept)
        lang = spec.lang if spec.lang != "both" else ("zh" if i % 2 == 0 else "en")
        frag, hints = render(spec, host, rng, lang)
        hinted = bool(hints) or spec.layout in HINTED_LAYOUTS
        surface = _surface(spec, rng, hinted)
        words = rng.choice(WORDS[host.category][lang])
        block = "\n" in frag and surface in BLOCK_TEMPLATES
        tpl = (BLOCK_TEMPLATES if block else TEMPLATES)[surface][0 if lang == "zh" else 1]
        fill = {"w": words, "mm": f"{rng.randrange(60):02d}", "p": str(rng.randrange(50, 999))}
        text = tpl.format(h=frag, hint=" ".join(hints), **fill).strip()
        plain = f"http://{host.host}/" if spec.ip else host.host
        key = tpl.format(h=plain, hint="", **fill).strip()
        others: tuple[str, ...] = ()
        if spec.layout in ("share", "qr"):
            others = tuple(o for w, o in SHARE + QR if w.split("?")[0] in frag)
        return Case(
            id="",
            family="",
            group="link",
            kind="ip" if spec.ip else "host",
            surface=surface,
            lang=lang,
            text=text,
            expected=(host.host,),
            others=others,
            harmful=True,
            source=host.source,
            key=key,
            tricks=tuple(_tricks(spec)),
        )

    return build


def _tricks(spec: Spec) -> list[str]:
    out = [f"letters:{spec.letters}"] if spec.letters else []
    out += [f"digits:{spec.digits}"] if spec.digits else []
    out += [f"dot:{spec.dot}", f"tld:{spec.tld}", f"layout:{spec.layout}"]
    return out


def link_families() -> dict[str, Builder]:
    return {name: _builder(spec) for name, spec in SPECS.items()}
