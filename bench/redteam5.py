"""Red team 5: held-out disguised links and handles, written without reading the scan core.

The author read only the README (the product's claims), ``bench/common.py``, ``bench/peers.py``,
the public API of ``Scanner`` and ``shared/data/SOURCES.md``; never ``src/bastion/{normalize,
extract,canon,detect}``, the earlier red-team suites or the tests.

Every case is one message on one surface holding one listed host (or one contact handle)
hidden by two or three composed tricks that a careful human reader can undo. Hosts are real rows
of the lists in ``shared/data`` that the evaluation home imports (``bench.common.EVAL_FEEDS``),
drawn with ``SEED`` (a category by ``CATEGORY_WEIGHTS``, then a row of its lists whose host is
``name.tld``): each case records ``source`` (``file:row``, the row index counting the list's hosts
in file order, as ``bench.common.read_hosts``/``read_ips`` yield them). The rows are "held out"
in the sense that no fixer has seen this draw; the 30 % sealed split is not used (the evaluation
home imports the development lists, so only their rows can be listed).

Groups: ``link`` and ``handle`` (must be found with the right host/id and not be ``allow``),
``review`` (ambiguous or harmful-handle families: ``review`` or ``act``, never a wrong host),
``benign`` (ordinary text with dots, numbers, prices, versions...: must be ``allow``).
"""

from __future__ import annotations

import base64
import csv
import gzip
import json
import random
import re
import unicodedata
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from bench.common import read_hosts, read_ips

SEED = 5_2026_1207
PER_FAMILY = 40

SURFACES = (
    "username",
    "display_name",
    "bio",
    "post",
    "comment",
    "chat",
    "livestream",
    "listing",
    "map_place",
)


@dataclass(frozen=True, slots=True)
class Case:
    """One message, what it hides and where it came from."""

    id: str
    family: str
    group: str  # link | handle | review | benign
    surface: str
    lang: str
    text: str
    kind: str  # host | ip | wechat | qq | telegram | whatsapp | phone | none
    expected: tuple[str, ...]  # accepted readings: registrable domain, IP, id or digits
    others: tuple[str, ...] = ()  # hosts / ids also present in the text (decoys, carriers)
    source: str = ""
    tricks: tuple[str, ...] = ()
    template: str = ""  # the message the disguise was put in (links and handles)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


# ---------------------------------------------------------------------------------- host pools

POOLS: dict[str, tuple[str, ...]] = {
    "gambling": ("sinfonietta-hostfiles/gambling.txt", "hostsvn-gambling-vn/gambling_vn.txt"),
    "porn": (
        "sinfonietta-hostfiles/pornography.txt",
        "v2fly-domain-list-community/category-porn.tsv",
    ),
    "scam": ("blocklistproject-lists/scam.txt",),
    "phishing": ("blocklistproject-lists/phishing.txt",),
    "malware": ("blocklistproject-lists/ransomware.txt",),
}
IP_LIST = "blocklistproject-lists/malware_ip.txt"
CATEGORY_WEIGHTS = (0.3, 0.3, 0.15, 0.2, 0.05)  # gambling, porn, scam, phishing, malware
_NAME = re.compile(r"^[a-z0-9][a-z0-9-]{2,22}[a-z0-9]$")
_TLD = re.compile(r"^[a-z]{2,6}$")


@dataclass(slots=True)
class Hosts:
    """Shaped rows of the listed hosts: (host, source) per category, and the whole listed set."""

    by_category: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    idn: list[tuple[str, str]] = field(default_factory=list)
    ips: list[tuple[str, str]] = field(default_factory=list)
    listed: set[str] = field(default_factory=set)


def _shaped(host: str) -> bool:
    """``name.tld``, an ASCII name of 4-24 characters (so the registrable domain is the host)."""
    parts = host.split(".")
    return len(parts) == 2 and bool(_NAME.match(parts[0])) and bool(_TLD.match(parts[1]))


def _readable_idn(host: str) -> bool:
    """An IDN whose Unicode name a reader can tell apart from text glued to it: Latin letters
    with diacritics, or no ASCII letter at all (never ``卵黄コリンamazon``, which reads as
    ``amazon`` after some Japanese)."""
    try:
        name = host.encode("ascii").decode("idna").rsplit(".", 1)[0]
    except UnicodeError:
        return False
    latin = all(c.isascii() or unicodedata.name(c, "").startswith("LATIN") for c in name)
    no_ascii_letter = not any(c.isascii() and c.isalpha() for c in name)
    return "--" not in name and (latin or no_ascii_letter)


def load_hosts(data: Path) -> Hosts:
    out = Hosts()
    for category, files in POOLS.items():
        rows: list[tuple[str, str]] = []
        for rel in files:
            for n, host in enumerate(read_hosts(data / rel)):
                out.listed.add(host)
                if _shaped(host):
                    rows.append((host, f"{rel}:{n}"))
                elif host.startswith("xn--") and host.count(".") == 1 and _readable_idn(host):
                    out.idn.append((host, f"{rel}:{n}"))
        out.by_category[category] = rows
    for rel in ("blocklistproject-lists/redirect.txt",):
        out.listed.update(read_hosts(data / rel))
    for n, ip in enumerate(read_ips(data / IP_LIST)):
        first = int(ip.split(".")[0])
        if 1 <= first <= 223 and first not in (10, 127):
            out.ips.append((ip, f"{IP_LIST}:{n}"))
    return out


def listed(host: str, hosts: Hosts) -> bool:
    """Is ``host`` or any parent domain on one of the lists the home imports?"""
    parts = host.lower().split(".")
    return any(".".join(parts[i:]) in hosts.listed for i in range(len(parts) - 1))


# ------------------------------------------------------------------------------- character tricks


def fullwidth(s: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in s)


_MATH = {  # (lower a, digit 0) of math alphanumeric styles without holes
    "bold": (0x1D41A, 0x1D7CE),
    "double": (0x1D552, 0x1D7D8),
    "sans_bold": (0x1D5EE, 0x1D7EC),
    "mono": (0x1D68A, 0x1D7F6),
}


def math(s: str, style: str) -> str:
    a, zero = _MATH[style]
    out = []
    for c in s:
        if "a" <= c <= "z":
            out.append(chr(a + ord(c) - 97))
        elif "0" <= c <= "9":
            out.append(chr(zero + ord(c) - 48))
        else:
            out.append(c)
    return "".join(out)


def circled(s: str) -> str:
    out = []
    for c in s:
        if "a" <= c <= "z":
            out.append(chr(0x24D0 + ord(c) - 97))
        elif c == "0":
            out.append("⓪")
        elif "1" <= c <= "9":
            out.append(chr(0x2460 + ord(c) - 49))
        else:
            out.append(c)
    return "".join(out)


def parenthesized(s: str) -> str:
    out = []
    for c in s:
        if "a" <= c <= "z":
            out.append(chr(0x249C + ord(c) - 97))
        elif "1" <= c <= "9":
            out.append(chr(0x2474 + ord(c) - 49))
        else:
            out.append(c)
    return "".join(out)


def keycaps(s: str) -> str:
    return "".join(c + "\ufe0f\u20e3" if c.isdigit() else c for c in s)


def combining(s: str, mark: str) -> str:
    return "".join(c + mark if c.isalnum() else c for c in s)


_CYR = {"a": "а", "c": "с", "e": "е", "o": "о", "p": "р", "x": "х", "y": "у", "i": "і", "s": "ѕ"}
_CYR.update({"j": "ј", "h": "һ", "d": "ԁ", "w": "ԝ"})
_GRK = {"o": "ο", "i": "ι", "v": "ν", "p": "ρ", "k": "κ", "u": "υ", "t": "τ", "n": "η"}


def script_salad(s: str, rng: random.Random) -> str:
    """Each letter from Latin, Cyrillic or Greek at random (where a look-alike exists)."""
    out = []
    for c in s:
        choices = [c] + [m[c] for m in (_CYR, _GRK) if c in m]
        out.append(rng.choice(choices))
    return "".join(out)


def style_salad(s: str, rng: random.Random) -> str:
    """Each character in its own style: plain, full-width, math, circled or parenthesized."""
    styles: list[Callable[[str], str]] = [
        lambda c: c,
        fullwidth,
        lambda c: math(c, "bold"),
        lambda c: math(c, "double"),
        lambda c: math(c, "mono"),
        circled,
    ]
    return "".join(rng.choice(styles)(c) if c != "." else c for c in s)


_CN_LOWER = "〇一二三四五六七八九"
_CN_UPPER = "零壹贰叁肆伍陆柒捌玖"


def digit_salad(digits: str, rng: random.Random) -> str:
    """Each digit in another form: ASCII, full-width, circled, Chinese, financial, math."""
    forms: list[Callable[[str], str]] = [
        lambda d: d,
        fullwidth,
        lambda d: "⓪" if d == "0" else chr(0x2460 + int(d) - 1),
        lambda d: _CN_LOWER[int(d)],
        lambda d: _CN_UPPER[int(d)],
        lambda d: math(d, "bold"),
        lambda d: math(d, "double"),
    ]
    return "".join(rng.choice(forms)(d) for d in digits)


def split_host(host: str) -> tuple[str, str]:
    name, _, tld = host.rpartition(".")
    return name, tld


def with_dot(host: str, dot: str) -> str:
    name, tld = split_host(host)
    return f"{name}{dot}{tld}"


# ----------------------------------------------------------------------------------- templates

T_LINK: dict[tuple[str, str], tuple[str, ...]] = {
    ("zh", "post"): (
        "注册就送88元彩金🎁 官网：{x} 每日首充加送10%",
        "【澳门新葡京】老虎机 百家乐 真人视讯 ➡ {x} 复制到浏览器打开",
        "同城约 私密视频 高清无码 看这里 {x}",
    ),
    ("zh", "comment"): ("楼主说的网站是 {x} 亲测能提现", "{x} 这个靠谱，昨天赢了三千"),
    ("zh", "chat"): ("亲，新地址 {x} 旧的被封了", "客服：您的账户异常，请登录 {x} 验证"),
    ("zh", "bio"): ("🔞 福利 {x} | 合作私信", "资源全在 {x} 每天更新"),
    ("zh", "display_name"): ("官网{x}", "福利{x}"),
    ("zh", "username"): ("{x}",),
    ("zh", "livestream"): ("🔥今晚直播抽奖🔥 进群看 {x}", "主播同款平台 {x} 充值返利"),
    ("zh", "listing"): ("二手 iPhone 13 128G 到手价2999 详情 {x}", "代充游戏币 低至五折 下单 {x}"),
    ("zh", "map_place"): ("新葡京娱乐城({x})", "足浴 会所 SPA 预约 {x}"),
    ("en", "post"): (
        "Claim your $50 FREE BONUS now!!! Visit {x} T&Cs apply",
        "URGENT! Your account is suspended. Verify at {x} within 24h",
        "Hot singles in your area 😘 {x}",
    ),
    ("en", "comment"): ("check out {x} I made $300 today lol", "Subscribe and visit {x} for more"),
    ("en", "chat"): ("hey babe, my private pics are on {x}", "new link {x} the old one got banned"),
    ("en", "bio"): ("💋 18+ | links 👉 {x}", "free spins daily {x}"),
    ("en", "display_name"): ("Lucky Spins {x}", "Official {x}"),
    ("en", "username"): ("{x}",),
    ("en", "livestream"): (
        "LIVE NOW 🔴 free spins giveaway → {x}",
        "watch the uncut stream on {x}",
    ),
    ("en", "listing"): ("PS5 brand new $199 only, order via {x}", "Rolex 90% off, shop at {x}"),
    ("en", "map_place"): ("Lucky Star Casino ({x})", "Relax Spa & Massage {x}"),
}

T_HANDLE: dict[tuple[str, str], tuple[str, ...]] = {
    ("zh", "post"): (
        "刷单兼职 日结三百 加{h}",
        "百家乐 包赢 带你上岸 {h}",
        "同城约 上门服务 {h} 备注来意",
    ),
    ("zh", "comment"): ("想要资源的加 {h}", "靠谱回血 {h}"),
    ("zh", "chat"): ("客服下班了，加我私人 {h}", "内部消息 稳赚不赔 {h}"),
    ("zh", "bio"): ("🔞福利 {h}", "兼职日结 {h}"),
    ("zh", "display_name"): ("约{h}",),
    ("zh", "username"): ("{h}",),
    ("zh", "livestream"): ("今晚抽奖 加{h} 进粉丝群", "直播间同款 下单 {h}"),
    ("zh", "listing"): ("低价代充 {h}", "高仿名表 {h}"),
    ("zh", "map_place"): ("会所 SPA 预约 {h}",),
    ("en", "post"): (
        "Work from home, earn $300/day, contact me on {h}",
        "Crypto signals 300% profit guaranteed {h}",
        "Hot girls 😘 add my {h}",
    ),
    ("en", "comment"): ("I made $5k last week, ask {h}", "want the full video? {h}"),
    ("en", "chat"): ("dm me on {h} for private pics", "my manager is on {h}, guaranteed returns"),
    ("en", "bio"): ("18+ content {h}", "loans approved instantly {h}"),
    ("en", "display_name"): ("Sexy Amy {h}",),
    ("en", "username"): ("{h}",),
    ("en", "livestream"): ("LIVE giveaway, join via {h}",),
    ("en", "listing"): ("iPhone 15 $99 cash only {h}",),
    ("en", "map_place"): ("VIP massage {h}",),
}

# -------------------------------------------------------------------------------- link families
# A family: name -> (langs, surfaces or None, transform(host, rng) -> (x, others, tricks)).
Fx = Callable[[str, random.Random], tuple[str, tuple[str, ...]]]
MULTILINE = ("bio", "post", "comment", "chat", "listing")
LONGFORM = ("post", "comment", "chat", "bio")


def _f(fn: Fx, langs: str = "zh en", surfaces: tuple[str, ...] = SURFACES) -> dict[str, Any]:
    return {"fn": fn, "langs": tuple(langs.split()), "surfaces": surfaces}


def _hint_zh(rng: random.Random, *opts: str) -> str:
    return rng.choice(opts)


def _vertical_rtl(host: str, rng: random.Random) -> tuple[str, tuple[str, ...]]:
    """Chinese vertical layout: columns top to bottom, read right to left, full-width."""
    chars = list(fullwidth(with_dot(host, "。")))
    rows = 4 if len(chars) <= 12 else 5
    cols = [chars[i : i + rows] for i in range(0, len(chars), rows)]
    cols[-1] += ["　"] * (rows - len(cols[-1]))
    lines = ["".join(col[r] for col in reversed(cols)) for r in range(rows)]
    hint = rng.choice(("竖排，从右往左读：", "（竖着看，右边开始）", "古风竖排👇"))
    return hint + "\n" + "\n".join(lines), ()


def _ruby_html(host: str, rng: random.Random) -> tuple[str, tuple[str, ...]]:
    gloss = "比伊提八西欧爱慕"
    name, tld = split_host(host)
    parts = [f"<ruby>{c}<rp>(</rp><rt>{rng.choice(gloss)}</rt><rp>)</rp></ruby>" for c in name]
    return "".join(parts) + f"&#46;<ruby>{tld}<rt>康姆</rt></ruby>", ()


_LETTER_GLOSS = (
    "诶",
    "比",
    "西",
    "迪",
    "伊",
    "艾弗",
    "吉",
    "艾尺",
    "艾",
    "杰",
    "开",
    "艾勒",
    "艾马",
    "艾娜",
    "哦",
    "屁",
    "吉吾",
    "艾儿",
    "艾丝",
    "提",
    "伊吾",
    "维",
    "豆贝尔",
    "艾克斯",
    "吾艾",
    "贼德",
)


def _paren_gloss(host: str, rng: random.Random) -> tuple[str, tuple[str, ...]]:
    """Each letter followed by its Chinese sound in brackets, the dot as 点(dian)."""
    name, tld = split_host(host)
    out = "".join(f"{c}({_LETTER_GLOSS[ord(c) - 97]})" if "a" <= c <= "z" else c for c in name)
    return f"{out}点(dian){tld}", ()


def _hidden_span(host: str, rng: random.Random) -> tuple[str, tuple[str, ...]]:
    name, tld = split_host(host)
    cut = max(1, len(name) // 2)
    junk = rng.choice(("xyz", "qq", "abc123", "noise"))
    hidden = f'<span style="display:none">{junk}</span>'
    return f"{name[:cut]}{hidden}{name[cut:]}&#x2E;{tld}", ()


def _html_comment(host: str, rng: random.Random) -> tuple[str, tuple[str, ...]]:
    name, tld = split_host(host)
    cut = max(1, len(name) // 2)
    return f"{fullwidth(name[:cut])}<!-- -->{name[cut:]}<!--x-->。{tld}", ()


def _wbr_shy(host: str, rng: random.Random) -> tuple[str, tuple[str, ...]]:
    name, tld = split_host(host)
    mid = "<wbr>".join(name[i : i + 3] for i in range(0, len(name), 3))
    return f"https://{mid}&shy;.{tld}/", ()


def _md_decoy(host: str, rng: random.Random) -> tuple[str, tuple[str, ...]]:
    decoy = rng.choice(("www.google.com", "www.apple.com", "www.paypal.com", "weibo.com"))
    return f"[{decoy}](https://{with_dot(host, '%2E')}/login)", (decoy,)


def _md_reference(host: str, rng: random.Random) -> tuple[str, tuple[str, ...]]:
    return f"[点这里][1]\n\n[1]: hxxps://{fullwidth(host)}/reg", ()


def _bbcode_url(host: str, rng: random.Random) -> tuple[str, tuple[str, ...]]:
    name, tld = split_host(host)
    return f"[url=https://{name}&#46;{tld}]领取福利[/url]", ()


def _bbcode_color(host: str, rng: random.Random) -> tuple[str, tuple[str, ...]]:
    name, tld = split_host(host)
    cut = max(1, len(name) // 2)
    return f"[b]{name[:cut]}[/b][color=red]{name[cut:]}[/color][size=1]点[/size]{tld}", ()


def _spoiler(host: str, rng: random.Random) -> tuple[str, tuple[str, ...]]:
    name, tld = split_host(host)
    wrap = rng.choice((("||", "||"), (">!", "!<")))
    return f"{wrap[0]}{fullwidth(name)}{wrap[1]}．{tld}", ()


def _md_strike_tld(host: str, rng: random.Random) -> tuple[str, tuple[str, ...]]:
    name, tld = split_host(host)
    wrong = rng.choice(("cn", "net", "org")) if tld != "cn" else "net"
    return f"{name}。~~{wrong}~~{tld}", ()


def _pct_host(host: str, rng: random.Random) -> tuple[str, tuple[str, ...]]:
    enc = "".join(f"%{ord(c):02X}" if rng.random() < 0.7 else c for c in host)
    return f"https://{enc}/", ()


def _pct_dot_bare(host: str, rng: random.Random) -> tuple[str, tuple[str, ...]]:
    return f"www%2E{with_dot(host, rng.choice(('%2E', '%2e')))}%2Fvip", ()


def _idn_unicode(host: str, rng: random.Random) -> tuple[str, tuple[str, ...]]:
    uni = host.encode("ascii").decode("idna")  # set off by spaces: no text glued to the name
    return " " + with_dot(uni, rng.choice(("。", "．", " 点 "))) + " ", ()


def _userinfo(host: str, rng: random.Random) -> tuple[str, tuple[str, ...]]:
    decoy = rng.choice(
        ("www.paypal.com", "accounts.google.com", "www.icbc.com.cn", "appleid.apple.com")
    )
    at = rng.choice(("@", "＠", "%40"))
    if at == "%40":  # an encoded @ inside userinfo, then the real @
        return f"https://{decoy}%40secure@{host}/login", (decoy,)
    return f"https://{decoy}:443{at}{with_dot(host, '。')}/verify", (decoy,)


def _redirect(host: str, rng: random.Random) -> tuple[str, tuple[str, ...]]:
    from urllib.parse import quote

    outer = rng.choice(
        (
            "https://www.google.com/url?q={u}",
            "https://l.facebook.com/l.php?u={u}",
            "https://link.zhihu.com/?target={u}",
            "https://weibo.cn/sinaurl?u={u}",
            "https://vk.com/away.php?to={u}",
            "https://www.youtube.com/redirect?q={u}",
            "https://c.pc.qq.com/middlem.html?pfurl={u}",
        )
    )
    inner = f"https://{host}/reg?c=88"
    u = quote(inner, safe="") if rng.random() < 0.5 else quote(quote(inner, safe=""), safe="")
    outer_host = outer.split("/")[2]
    return outer.format(u=u), (outer_host,)


def _messenger_wrapper(host: str, rng: random.Random) -> tuple[str, tuple[str, ...]]:
    """Links wrapped by a messenger's own viewer or by an invisible link text (Telegram)."""
    from urllib.parse import quote

    inner = quote(f"https://{host}/vip", safe="")
    form = rng.choice(
        (
            (f"https://t.me/iv?url={inner}&rhash=8f3c2a1b9d0e7f", ("t.me",)),
            (f"[\u200b](https://{with_dot(host, '%2E')}/vip)", ()),
            (f"<a href='https://{host}/vip'>\u2060</a>", ()),
        )
    )
    return form[0], form[1]


def _search_query(host: str, rng: random.Random) -> tuple[str, tuple[str, ...]]:
    name, tld = split_host(host)
    outer = rng.choice(("https://www.baidu.com/s?wd=", "https://www.bing.com/search?q="))
    return f"{outer}{name}点{tld}（百度搜这个，第一个就是）", (outer.split("/")[2],)


def _json_escaped(host: str, rng: random.Random) -> tuple[str, tuple[str, ...]]:
    name, tld = split_host(host)
    enc = "".join(f"\\u{ord(c):04x}" if rng.random() < 0.4 else c for c in name)
    return '{"msg":"注册送彩金","url":"https:\\/\\/' + enc + "\\u002e" + tld + '\\/?code=88"}', ()


def _csv_fragment(host: str, rng: random.Random) -> tuple[str, tuple[str, ...]]:
    name, tld = split_host(host)
    return f'序号,名称,网址\n1,新站,"{fullwidth(name)}．{tld}/a,b"\n2,备用,暂无', ()


def _qp_wrapped(host: str, rng: random.Random) -> tuple[str, tuple[str, ...]]:
    """Quoted-printable e-mail body: ``=2E`` for the dot and soft line breaks ``=\\n``."""
    url = f"https://www.{host}/claim?id=3D88".replace(".", "=2E", 2)
    tokens = re.findall(r"=[0-9A-F]{2}|.", url)  # never split an escape over a line
    k = rng.randint(6, 9)
    lines = ["".join(tokens[i : i + k]) for i in range(0, len(tokens), k)]
    return "\n" + "=\n".join(lines), ()


def _wrapped_quoted(host: str, rng: random.Random) -> tuple[str, tuple[str, ...]]:
    """A URL hard-wrapped by a mail client and then quoted with ``> ``."""
    url = f"https://{host}/account/verify?session=8841"
    k = rng.randint(6, 10)
    return "\n" + "\n".join("> " + url[i : i + k] for i in range(0, len(url), k)), ()


def _ip_hex(ip: str, rng: random.Random) -> tuple[str, tuple[str, ...]]:
    n = [int(p) for p in ip.split(".")]
    form = rng.choice(("int_hex", "dotted_hex", "dotted_octal", "mixed"))
    if form == "int_hex":
        host = "0x" + "".join(f"{p:02x}" for p in n)
    elif form == "dotted_hex":
        host = ".".join(f"0x{p:02x}" for p in n)
    elif form == "dotted_octal":
        host = ".".join(f"0{p:o}" for p in n)
    else:
        host = f"0x{n[0]:x}.{n[1]}.0{n[2]:o}.{n[3]}"
    return f"hxxp://{host}/bin.sh", ()


def _ip_decimal_userinfo(ip: str, rng: random.Random) -> tuple[str, tuple[str, ...]]:
    n = [int(p) for p in ip.split(".")]
    dec = ((n[0] * 256 + n[1]) * 256 + n[2]) * 256 + n[3]
    decoy = rng.choice(("www.microsoft.com", "update.windows.com", "www.baidu.com"))
    return f"http://{decoy}@{dec}:8080/update", (decoy,)


def _ip_v6_mapped(ip: str, rng: random.Random) -> tuple[str, tuple[str, ...]]:
    n = [int(p) for p in ip.split(".")]
    if rng.random() < 0.5:
        return f"http://[::ffff:{ip}]/x86", ()
    return f"http://[::ffff:{n[0] * 256 + n[1]:x}:{n[2] * 256 + n[3]:x}]/x86", ()


def _ip_cn_dots(ip: str, rng: random.Random) -> tuple[str, tuple[str, ...]]:
    parts = ip.split(".")
    dot = rng.choice(("点", "。", "[.]", " dot "))
    return fullwidth(parts[0]) + dot + dot.join(digit_salad(p, rng) for p in parts[1:]), ()


def _entities_padded(host: str, rng: random.Random) -> tuple[str, tuple[str, ...]]:
    """Every other character as a zero-padded hex or decimal reference, the dot as ``&period;``."""
    name, tld = split_host(host)
    out = "".join(
        (f"&#x{ord(c):04X};" if rng.random() < 0.5 else f"&#{ord(c):03d};") if i % 2 else c
        for i, c in enumerate(name)
    )
    return f"{out}&period;{tld}", ()


def _hard_wrap(host: str, rng: random.Random) -> tuple[str, tuple[str, ...]]:
    """A URL hard-wrapped at a fixed width inside a paragraph, as a narrow chat bubble shows it."""
    url = f"https://www.{host}/#/register?invite=8848"
    k = rng.randint(5, 9)
    return "\n" + "\n".join(url[i : i + k] for i in range(0, len(url), k)) + "\n", ()


def _ip_words(ip: str, rng: random.Random) -> tuple[str, tuple[str, ...]]:
    words = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
    parts = [" ".join(words[int(d)] for d in p) for p in ip.split(".")]
    return "http colon slash slash " + " dot ".join(parts) + " slash x86", ()


LINK_FAMILIES: dict[str, dict[str, Any]] = {
    # styles of letters, composed
    "style_salad_ideographic_dot": _f(lambda h, r: (with_dot(style_salad(h, r), "。"), ())),
    "script_salad_fullwidth_dot": _f(lambda h, r: (with_dot(script_salad(h, r), "．"), ())),
    "script_salad_spelled_dot_cn": _f(lambda h, r: (with_dot(script_salad(h, r), " 点 "), ())),
    "math_double_keycap_digits": _f(
        lambda h, r: (
            with_dot("".join(keycaps(c) if c.isdigit() else math(c, "double") for c in h), "。"),
            (),
        )
    ),
    "math_mono_bracket_dot": _f(lambda h, r: (with_dot(math(h, "mono"), "［.］"), ())),
    "math_sans_bold_zwj": _f(lambda h, r: ("\u200d".join(math(h, "sans_bold")), ())),
    "circled_letters_dot_word": _f(lambda h, r: (with_dot(circled(h), " dot "), ())),
    "parenthesized_letters": _f(lambda h, r: (with_dot(parenthesized(h), "。"), ())),
    "parenthesized_fullwidth_tld": _f(
        lambda h, r: (parenthesized(split_host(h)[0]) + "．" + fullwidth(split_host(h)[1]), ())
    ),
    "keycap_combining_letters": _f(
        lambda h, r: (combining(split_host(h)[0], "\u20e3") + "。" + split_host(h)[1], ())
    ),
    "enclosing_circle_marks": _f(
        lambda h, r: (combining(split_host(h)[0], "\u20dd") + "．" + split_host(h)[1], ())
    ),
    "underline_marks_fullwidth": _f(lambda h, r: (combining(fullwidth(h), "\u0332"), ())),
    "overline_marks_dot_cn": _f(
        lambda h, r: (combining(split_host(h)[0], "\u0305") + "點" + split_host(h)[1], ())
    ),
    # layouts
    "vertical_rtl_columns": _f(_vertical_rtl, "zh", MULTILINE),
    "vertical_presentation_dot": _f(
        lambda h, r: ("竖着看👇\n" + "\n".join(fullwidth(with_dot(h, "︒"))), ()), "zh", MULTILINE
    ),
    "reversed_fullwidth_hint": _f(
        lambda h, r: (
            fullwidth(with_dot(h, "。")[::-1])
            + r.choice(("（倒过来看）", " (read it backwards)", "←反着读")),
            (),
        )
    ),
    "reversed_per_label": _f(
        lambda h, r: (
            ".".join(p[::-1] for p in h.split("."))
            + r.choice(("（每段倒着读）", " (each part backwards)")),
            (),
        )
    ),
    "slash_between_chars": _f(
        lambda h, r: (
            "/".join(with_dot(h, "点")) + r.choice(("（去掉斜杠）", " (remove the slashes)")),
            (),
        )
    ),
    # markup
    "html_ruby_gloss": _f(_ruby_html, "zh", ("post", "comment", "bio", "listing")),
    "paren_gloss_per_letter": _f(_paren_gloss, "zh"),
    "html_hidden_span": _f(_hidden_span, "zh en", ("post", "comment", "bio", "listing", "chat")),
    "html_comment_inside_host": _f(_html_comment),
    "html_wbr_shy": _f(_wbr_shy),
    "markdown_decoy_text": _f(_md_decoy, "zh en", ("post", "comment", "chat", "bio")),
    "markdown_reference_defanged": _f(_md_reference, "zh en", MULTILINE),
    "bbcode_url_entity_dot": _f(_bbcode_url, "zh en", ("post", "comment", "bio", "listing")),
    "bbcode_styled_pieces": _f(_bbcode_color, "zh", ("post", "comment", "bio", "listing")),
    "spoiler_fullwidth": _f(_spoiler),
    "markdown_strike_wrong_tld": _f(_md_strike_tld),
    # encodings
    "percent_encoded_host": _f(_pct_host),
    "percent_dot_bare_www": _f(_pct_dot_bare),
    "json_unicode_escapes": _f(_json_escaped, "zh", ("post", "comment", "chat", "bio")),
    "csv_fragment_fullwidth": _f(_csv_fragment, "zh", MULTILINE),
    "quoted_printable_wrap": _f(_qp_wrapped, "en", MULTILINE),
    "mail_quote_wrap": _f(_wrapped_quoted, "en", MULTILINE),
    # URL structure
    "userinfo_decoy": _f(_userinfo),
    "redirect_param_encoded": _f(_redirect),
    "search_engine_query": _f(_search_query, "zh"),
    "port_trailing_dot_upper": _f(
        lambda h, r: (f"{fullwidth(h.upper())}.:{r.choice((8080, 8443, 888))}/#/register", ())
    ),
    "scheme_relative_fullwidth_slash": _f(lambda h, r: (f"／／{with_dot(h, '｡')}／vip", ())),
    "spaced_scheme_spaced_dot": _f(
        lambda h, r: (
            " ".join("https://") + " " + with_dot(h, r.choice((" . ", " 。 ", " · "))),
            (),
        )
    ),
    # words
    "english_number_words": _f(
        lambda h, r: (_number_words(h) + r.choice((" (no spaces)", " all one word", "")), ()), "en"
    ),
    "dot_word_in_brackets_emoji": _f(
        lambda h, r: (
            with_dot(
                "🔥".join(split_host(h)[0]) + "." + split_host(h)[1],
                r.choice(("【点】", "（點）", "〔dot〕")),
            ),
            (),
        )
    ),
    "split_profile_fields": _f(
        lambda h, r: (
            f"昵称：{fullwidth(split_host(h)[0])}\n简介：网址就是昵称，后缀 .{split_host(h)[1]}",
            (),
        ),
        "zh",
        ("bio",),
    ),
    "listing_title_and_body": _f(
        lambda h, r: (
            f"标题：{split_host(h)[0]} 官方旗舰\n描述：在标题后面加 点{split_host(h)[1]} 就是官网",
            (),
        ),
        "zh",
        ("listing",),
    ),
    "long_real_padding": _f(lambda h, r: (h, ()), "zh en", LONGFORM),  # padded in build()
    "idn_unicode_spelled_dot": _f(lambda h, r: _idn_unicode(h, r)),
    "html_entities_zero_padded": _f(_entities_padded),
    "hard_wrap_fixed_width": _f(_hard_wrap, "zh en", MULTILINE),
    "messenger_wrappers_invisible_text": _f(_messenger_wrapper, "zh en", LONGFORM),
}


def _number_words(host: str) -> str:
    words = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
    name, tld = split_host(host)
    out: list[str] = []
    i = 0
    while i < len(name):
        c = name[i]
        if c.isdigit():
            run = 1
            while i + run < len(name) and name[i + run] == c:
                run += 1
            if run >= 3:
                out.append("triple " + words[int(c)])
                i += 3
                continue
            if run == 2:
                out.append("double " + words[int(c)])
                i += 2
                continue
            out.append(words[int(c)])
        elif c == "-":
            out.append("dash")
        else:
            if out and not out[-1].startswith("L:"):
                out.append("L:" + c)
            elif out:
                out[-1] += c
            else:
                out.append("L:" + c)
        i += 1
    return " ".join(w[2:] if w.startswith("L:") else w for w in out) + f" dot {tld}"


IP_FAMILIES: dict[str, dict[str, Any]] = {
    "ip_hex_octal_forms": _f(_ip_hex, "en", ("post", "comment", "chat", "bio")),
    "ip_decimal_userinfo_port": _f(_ip_decimal_userinfo, "en zh", ("post", "comment", "chat")),
    "ip_v4_mapped_v6": _f(_ip_v6_mapped, "en zh", ("post", "comment", "chat", "bio")),
    "ip_cn_dots_mixed_numerals": _f(_ip_cn_dots, "zh", ("post", "comment", "chat", "bio")),
    "ip_english_words": _f(_ip_words, "en", ("post", "comment", "chat", "bio")),
}


# The host shapes each family needs (digits in the name for the number-word families...).
def _any_host(host: str) -> bool:
    return True


NEEDS: dict[str, Callable[[str], bool]] = {
    "english_number_words": lambda h: any(c.isdigit() for c in h) and "-" not in h,
    "math_double_keycap_digits": lambda h: any(c.isdigit() for c in h),
    "vertical_rtl_columns": lambda h: len(h) <= 16,
    "vertical_presentation_dot": lambda h: len(h) <= 16,
}

# ------------------------------------------------------------------------------ handle families


def _wechat_id(rng: random.Random) -> str:
    stem = rng.choice(
        ("lucky", "mei", "xiaoyu", "vip", "kefu", "tianmi", "baobei", "win", "haoyun", "jiajia")
    )
    sep = rng.choice(("", "_", "-"))
    return f"{stem}{sep}{rng.randint(100, 99999)}"


def _qq(rng: random.Random) -> str:
    return str(rng.randint(1, 9)) + "".join(
        str(rng.randint(0, 9)) for _ in range(rng.randint(7, 9))
    )


def _mobile(rng: random.Random) -> str:
    import phonenumbers

    while True:
        n = rng.choice(("138", "139", "150", "152", "158", "177", "186", "188", "199")) + "".join(
            str(rng.randint(0, 9)) for _ in range(8)
        )
        if phonenumbers.is_valid_number(phonenumbers.parse("+86" + n)):
            return n


def _uk_mobile(rng: random.Random) -> str:
    import phonenumbers

    while True:
        n = (
            "447"
            + rng.choice(("400", "700", "800", "900", "500"))
            + "".join(str(rng.randint(0, 9)) for _ in range(6))
        )
        if phonenumbers.is_valid_number(phonenumbers.parse("+" + n)):
            return n


def _tg(rng: random.Random) -> str:
    stem = rng.choice(
        ("crypto_king", "vip_casino", "hot_amy", "signals_pro", "bet_master", "xiaomei", "kefu_bot")
    )
    return f"{stem}{rng.randint(10, 9999)}"


Hx = Callable[[random.Random], tuple[str, str, tuple[str, ...], tuple[str, ...]]]
# -> (rendered handle text, kind, expected readings, others)


def _h(fn: Hx, langs: str = "zh en", surfaces: tuple[str, ...] = SURFACES) -> dict[str, Any]:
    return {"fn": fn, "langs": tuple(langs.split()), "surfaces": surfaces}


def _hw_style(r: random.Random) -> tuple[str, str, tuple[str, ...], tuple[str, ...]]:
    i = _wechat_id(r)
    cue = r.choice(("微信", "VX", "薇信", "wx", "WeChat"))
    return f"{cue}：{style_salad(i, r)}", "wechat", (i,), ()


def _hw_keycap(r: random.Random) -> tuple[str, str, tuple[str, ...], tuple[str, ...]]:
    i = _wechat_id(r)
    cue = r.choice(("V信", "vx", "微❤信", "威信"))
    return f"{cue} {keycaps(fullwidth(i) if r.random() < 0.5 else i)}", "wechat", (i,), ()


def _hw_reversed(r: random.Random) -> tuple[str, str, tuple[str, ...], tuple[str, ...]]:
    i = _wechat_id(r)
    cue = r.choice(("微信（倒着输）", "V信号反过来：", "wechat (type it backwards):"))
    return f"{cue}{i[::-1]}", "wechat", (i,), ()


def _hw_vertical(r: random.Random) -> tuple[str, str, tuple[str, ...], tuple[str, ...]]:
    i = _wechat_id(r)
    return "加薇👇\n" + "\n".join(fullwidth(i)), "wechat", (i,), ()


def _hw_split_fields(r: random.Random) -> tuple[str, str, tuple[str, ...], tuple[str, ...]]:
    i = _wechat_id(r)
    return f"昵称：绿泡泡见简介\n简介：{style_salad(i, r)}", "wechat", (i,), ()


def _hw_combining(r: random.Random) -> tuple[str, str, tuple[str, ...], tuple[str, ...]]:
    i = _wechat_id(r)
    mark = r.choice(("\u0336", "\u0332", "\u20dd"))
    return f"{r.choice(('VX', '微信', 'wechat id'))}: {combining(i, mark)}", "wechat", (i,), ()


def _hq_digit_salad(r: random.Random) -> tuple[str, str, tuple[str, ...], tuple[str, ...]]:
    q = _qq(r)
    return f"{r.choice(('QQ', '扣扣', '企鹅', 'Q群'))}：{digit_salad(q, r)}", "qq", (q,), ()


def _hq_spaced_mixed(r: random.Random) -> tuple[str, str, tuple[str, ...], tuple[str, ...]]:
    q = _qq(r)
    sep = r.choice(("　", " ", "·", "-"))
    return f"{r.choice(('QQ号', '扣', 'q'))} {sep.join(digit_salad(q, r))}", "qq", (q,), ()


def _hq_mailbox_disguised(r: random.Random) -> tuple[str, str, tuple[str, ...], tuple[str, ...]]:
    q = _qq(r)
    at = r.choice(("[at]", "＠", "圈a", " at "))
    return f"邮箱 {fullwidth(q)}{at}qq点com 或者直接加Q", "qq", (q,), ("qq.com",)


def _hq_combining(r: random.Random) -> tuple[str, str, tuple[str, ...], tuple[str, ...]]:
    q = _qq(r)
    mark = r.choice(("\u0332", "\u0336", "\u20e3"))
    return f"QQ：{combining(q, mark)}", "qq", (q,), ()


def _hp_mixed_numerals(r: random.Random) -> tuple[str, str, tuple[str, ...], tuple[str, ...]]:
    m = _mobile(r)
    sep = r.choice(("—", "－", "～", "·", "　"))
    body = sep.join(digit_salad(g, r) for g in (m[:3], m[3:7], m[7:]))
    return f"{r.choice(('手机', '电话', '热线', 'Tel'))}：{body}", "phone", (m,), ()


def _hp_parts(r: random.Random) -> tuple[str, str, tuple[str, ...], tuple[str, ...]]:
    m = _mobile(r)
    return (
        f"电话前三位{m[:3]}，中间{fullwidth(m[3:7])}，尾号{digit_salad(m[7:], r)}",
        "phone",
        (m,),
        (),
    )


def _hp_plus86_fullwidth(r: random.Random) -> tuple[str, str, tuple[str, ...], tuple[str, ...]]:
    m = _mobile(r)
    return f"（＋８６）{fullwidth(m[:3])}–{m[3:7]}–{fullwidth(m[7:])}", "phone", (m,), ()


def _ht_alias_domains(r: random.Random) -> tuple[str, str, tuple[str, ...], tuple[str, ...]]:
    t = _tg(r)
    dom = r.choice(("telegram.me", "telegram.dog", "t.me/s", "t[.]me", "t。me"))
    tail = r.choice(("", "?start=ref88", "/"))
    return f"https://{dom}/{t}{tail}", "telegram", (t,), ("telegram.me", "telegram.dog", "t.me")


def _ht_markup(r: random.Random) -> tuple[str, str, tuple[str, ...], tuple[str, ...]]:
    t = _tg(r)
    form = r.choice(
        (
            f'<a href="https://t.me/{t}">联系客服</a>',
            f"[联系我](tg://resolve?domain={t})",
            f"[url=https://t.me/{t}]TG客服[/url]",
        )
    )
    return form, "telegram", (t,), ("t.me",)


def _ht_spaced_at(r: random.Random) -> tuple[str, str, tuple[str, ...], tuple[str, ...]]:
    t = _tg(r)
    cue = r.choice(("Telegram ➡️", "TG:", "tele gram", "飞机 ✈️", "纸飞机"))
    return f"{cue} @ {fullwidth(t) if r.random() < 0.5 else t}", "telegram", (t,), ()


def _hwa_api(r: random.Random) -> tuple[str, str, tuple[str, ...], tuple[str, ...]]:
    n = _uk_mobile(r)
    form = r.choice(
        (
            f"https://api.whatsapp.com/send?phone={n}&text=Hi%20I%20want%20in",
            f"whatsapp://send/?phone=%2B{n}",
            f"wa.me/+{n[:2]} {n[2:6]} {n[6:]}",
            f"https://wa.me/{n}?text=VIP",
        )
    )
    return form, "whatsapp", (n,), ("api.whatsapp.com", "whatsapp.com", "wa.me")


def _hwa_trunk_zero(r: random.Random) -> tuple[str, str, tuple[str, ...], tuple[str, ...]]:
    n = _uk_mobile(r)
    local = n[2:]
    form = r.choice(
        (
            f"WhatsApp me on +44 (0){local[:4]} {local[4:]}",
            f"Whatsapp: 0044-{local[:4]}-{local[4:7]}-{local[7:]}",
            f"WA ☎ ＋４４ {fullwidth(local[:4])} {fullwidth(local[4:])}",
        )
    )
    return form, "whatsapp", (n,), ()


def _hp_english_words(r: random.Random) -> tuple[str, str, tuple[str, ...], tuple[str, ...]]:
    n = _uk_mobile(r)
    local = "0" + n[2:]
    words = ["oh", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
    out: list[str] = []
    i = 0
    while i < len(local):
        c = local[i]
        if i + 1 < len(local) and local[i + 1] == c:
            out.append("double " + words[int(c)])
            i += 2
        else:
            out.append(words[int(c)])
            i += 1
    return f"text or call {' '.join(out)}", "phone", (n, local), ()


def _hq_wpa(r: random.Random) -> tuple[str, str, tuple[str, ...], tuple[str, ...]]:
    """The QQ chat links of old Chinese sites: ``tencent://``, ``wpa.qq.com``, ``mqqwpa://``."""
    q = _qq(r)
    form = r.choice(
        (
            f"tencent://message/?uin={q}&Site=&Menu=yes",
            f"http://wpa.qq.com/msgrd?v=3&uin={q}&site=qq&menu=yes",
            f'<a href="mqqwpa://im/chat?chat_type=wpa&uin={q}&version=1">在线客服</a>',
        )
    )
    return form, "qq", (q,), ("wpa.qq.com", "qq.com")


def _hl_links(r: random.Random) -> tuple[str, str, tuple[str, ...], tuple[str, ...]]:
    i = r.choice(("hotgirl", "lucky", "vipbet", "amy")) + str(r.randint(10, 9999))
    form = r.choice(
        (
            f"https://line.me/R/ti/p/~{i}",
            f"line://ti/p/~{i}",
            f"https://line.me/ti/p/%40{i}",
            f"ＬＩＮＥ ＩＤ：＠{fullwidth(i)}",
        )
    )
    return form, "line", (i,), ("line.me",)


def _hp_uris(r: random.Random) -> tuple[str, str, tuple[str, ...], tuple[str, ...]]:
    m = _mobile(r)
    form = r.choice(
        (
            f'<a href="tel:+86{m}">点击拨打</a>',
            f"sms:+86{m}?body=%E6%88%91%E8%A6%81",
            f"[一键拨号](tel:+86-{m[:3]}-{m[3:7]}-{m[7:]})",
        )
    )
    return form, "phone", (m,), ()


def _hp_landline(r: random.Random) -> tuple[str, str, tuple[str, ...], tuple[str, ...]]:
    """A mainland landline with its area code, as map places and shop listings print them."""
    import phonenumbers

    while True:
        area = r.choice(("021", "010", "020", "0755", "0571", "028"))
        local = str(r.randint(2, 8)) + "".join(str(r.randint(0, 9)) for _ in range(7))
        if phonenumbers.is_valid_number(phonenumbers.parse(area + local, "CN")):
            break
    form = r.choice(
        (
            f"预约电话：（{fullwidth(area)}）{digit_salad(local[:4], r)}-"
            + digit_salad(local[4:], r),
            f"Tel: +86 {area[1:]} {fullwidth(local[:4])} {local[4:]}",
            f"电话 {area}－{local[:4]}　{local[4:]}（24小时）",
        )
    )
    return form, "phone", (area + local,), ()


def _ht_script(r: random.Random) -> tuple[str, str, tuple[str, ...], tuple[str, ...]]:
    t = _tg(r)
    return f"{r.choice(('TG', '飞机', 'Telegram'))}：@{script_salad(t, r)}", "telegram", (t,), ()


HANDLE_FAMILIES: dict[str, dict[str, Any]] = {
    "h_wechat_style_salad": _h(_hw_style, "zh"),
    "h_wechat_keycap_digits": _h(_hw_keycap, "zh"),
    "h_wechat_reversed_cue": _h(_hw_reversed),
    "h_wechat_vertical_fullwidth": _h(_hw_vertical, "zh", MULTILINE),
    "h_wechat_split_profile": _h(_hw_split_fields, "zh", ("bio",)),
    "h_wechat_combining_marks": _h(_hw_combining),
    "h_qq_digit_salad": _h(_hq_digit_salad, "zh"),
    "h_qq_spaced_mixed": _h(_hq_spaced_mixed, "zh"),
    "h_qq_mailbox_disguised": _h(_hq_mailbox_disguised, "zh", LONGFORM),
    "h_qq_combining_marks": _h(_hq_combining, "zh"),
    "h_phone_mixed_numerals": _h(_hp_mixed_numerals, "zh"),
    "h_phone_three_parts": _h(_hp_parts, "zh", LONGFORM),
    "h_phone_plus86_fullwidth": _h(_hp_plus86_fullwidth, "zh"),
    "h_telegram_alias_domains": _h(_ht_alias_domains),
    "h_telegram_in_markup": _h(_ht_markup, "zh en", ("post", "comment", "bio", "chat")),
    "h_telegram_spaced_at": _h(_ht_spaced_at),
    "h_whatsapp_api_links": _h(_hwa_api, "en"),
    "h_whatsapp_trunk_zero": _h(_hwa_trunk_zero, "en"),
    "h_phone_english_double": _h(_hp_english_words, "en", LONGFORM),
    "h_qq_wpa_links": _h(_hq_wpa, "zh", ("post", "comment", "bio", "listing", "chat")),
    "h_line_links": _h(_hl_links),
    "h_phone_tel_sms_uris": _h(_hp_uris, "zh", ("post", "comment", "bio", "listing", "chat")),
    "h_telegram_script_salad": _h(_ht_script),
    "h_phone_landline_cn": _h(_hp_landline, "zh", ("map_place", "listing", "bio", "post")),
}

# ------------------------------------------------------------------------- should-review families


def _unlisted_name(rng: random.Random, hosts: Hosts) -> str:
    while True:
        name = rng.choice(("lucky", "golden", "royal", "sexy", "win", "mega", "vip")) + rng.choice(
            ("spin", "dragon", "girls", "bet", "club", "star")
        )
        num = str(rng.randint(100, 999))
        if not any(
            listed(f"{a}.{t}", hosts)
            for a in (name + num, name, num)
            for t in ("com", "vip", "net")
        ):
            return name + " " + num


def review_cases(hosts: Hosts, rng: random.Random, per: int) -> list[Case]:
    out: list[Case] = []
    for n in range(per):  # harmful handles in English and Chinese: review by the README's policy
        t = _tg(rng)
        lang = "en" if n % 2 else "zh"
        text = (
            f"Telegram @{t} guaranteed 300% profit crypto signals, join now"
            if lang == "en"
            else f"飞机 @{t} 百家乐包赢 每日爆分"
        )
        out.append(
            Case(
                f"r_harmful_telegram-{n}",
                "r_harmful_telegram",
                "review",
                "post",
                lang,
                text,
                "telegram",
                (t,),
            )
        )
    for n in range(per):
        q = _qq(rng)
        text = (
            f"扣扣：{circled(q)} 彩金天天送"
            if n % 2
            else f"WhatsApp +44 {_uk_mobile(rng)[2:]} loan approved, no credit check"
        )
        exp: tuple[str, ...] = (q,) if n % 2 else ("".join(c for c in text if c.isdigit()),)
        kind = "qq" if n % 2 else "whatsapp"
        out.append(
            Case(
                f"r_harmful_handle_mixed-{n}",
                "r_harmful_handle_mixed",
                "review",
                "comment",
                "zh" if n % 2 else "en",
                text,
                kind,
                exp,
            )
        )
    for n in range(
        per
    ):  # two readings: "lucky 777 . com" may be lucky777.com or 777.com (unlisted)
        pieces = _unlisted_name(rng, hosts)
        a, b = pieces.split(" ")
        text = rng.choice((f"play at {a} {b} . com tonight", f"官网 {a} {b} 点 vip 注册送"))
        tld = "com" if " com" in text else "vip"
        exp = (f"{a}{b}.{tld}", f"{b}.{tld}")
        out.append(
            Case(
                f"r_two_readings-{n}",
                "r_two_readings",
                "review",
                "post",
                "en" if "play" in text else "zh",
                text,
                "host",
                exp,
            )
        )
    for n in range(per):  # an unlisted link written in base64: the README sends it to review
        name = _unlisted_name(rng, hosts).replace(" ", "")
        url = f"https://{name}.com/reg"
        b64 = base64.b64encode(url.encode()).decode()
        text = rng.choice((f"复制到浏览器解码：{b64}", f"decode this for the link {b64}"))
        out.append(
            Case(
                f"r_base64_unlisted-{n}",
                "r_base64_unlisted",
                "review",
                "chat",
                "zh",
                text,
                "host",
                (f"{name}.com",),
            )
        )
    pool = [hs for c in ("gambling", "porn") for hs in hosts.by_category[c]]
    for n in range(per):  # one letter masked: a reader cannot be sure, so review, no guessed host
        host, src = pool[rng.randrange(len(pool))]
        name, tld = split_host(host)
        i = rng.randrange(len(name))
        masked = name[:i] + "*" + name[i + 1 :]
        text = rng.choice(
            (f"官网 {masked}.{tld}（*号自己猜）", f"site is {masked}.{tld} (you can guess the *)")
        )
        out.append(
            Case(
                f"r_masked_letter-{n}",
                "r_masked_letter",
                "review",
                "comment",
                "mix",
                text,
                "host",
                (host,),
                (),
                src,
            )
        )
    for n in range(per):  # the TLD glued on in a hashtag: likely, not certain
        host, src = pool[rng.randrange(len(pool))]
        name, tld = split_host(host)
        text = rng.choice((f"关注 #{name}{tld} 每天福利", f"follow #{name}{tld} for daily bonus"))
        out.append(
            Case(
                f"r_glued_tld_hashtag-{n}",
                "r_glued_tld_hashtag",
                "review",
                "post",
                "mix",
                text,
                "host",
                (host,),
                (),
                src,
            )
        )
    return out


# ----------------------------------------------------------------------------------- benign


def benign_cases(data: Path, hosts: Hosts, rng: random.Random, per: int) -> list[Case]:
    gov = _gov_domains(data)
    popular = _popular(data, hosts)
    fams: dict[str, tuple[str, ...]] = {
        "b_prices": (
            "iPhone 15 现价¥{3-9},{100-999}.00，原价{5-9},999.00，限时{7-9}.5折",
            "$3.{10-99} each or 2 for $7.{10-99}, today only",
            "油价下调0.{10-40}元/升，92号汽油{7-8}.{10-99}元",
        ),
        "b_versions": (
            "升级到 v{1-9}.{0-20}.{0-9} 后闪退",
            "Python 3.{8-13}.{0-9} and numpy 1.{20-26}.{0-4} work fine",
            "iOS {15-18}.{0-6}.{1-3} update fixed the battery drain",
            "firmware {1-9}.{0-9}.{0-99}.{0-255} released",
        ),
        "b_file_names": (
            "见附件 report_{2019-2026}.pdf 和 IMG_{1000-9999}.JPG",
            "please unzip data_v{1-5}.tar.gz then run setup.sh",
            "会议纪要.docx 已上传，预算表.xlsx 明天发",
            "the file budget_Q{1-4}.xlsx is on the shared drive",
        ),
        "b_times_dates": (
            "会议 {8-11}.30 开始，{2024-2026}.{1-12}.{1-28} 截止",
            "meet at {1-12}.{15|30|45}pm, train leaves {10-23}:{10-59}",
            "跑了{3-42}.{1-9}公里，用时{1-3}:{10-59}:{10-59}",
        ),
        "b_org_emails": (
            "Questions? email info@{gov} or visit https://www.{gov}/",
            "请发邮件至 service@{gov} 咨询",
        ),
        "b_sports_scores": (
            "Final: Arsenal {0-4}-{0-4} Chelsea, xG 2.{0-9} vs 1.{0-9}",
            "湖人 {90-130}:{90-130} 勇士，詹姆斯{20-40}分{5-15}板",
            "比分 {0-3}.{0-3} 让球 0.5/1 大小 2.5",
        ),
        "b_abbreviations": (
            "e.g. the U.S. and U.K. teams, see Dr. Smith at No.3 gate",
            "Mr.Wang 和 Ms.Li 在 No.{1-20} 会议室",
            "i.e. the a.m. shift; approx. 5 p.m. finish",
        ),
        "b_measures": (
            "净重1.{0-9}kg 3.5mm耳机孔 2.4GHz WiFi 评分4.{0-9}",
            "{1-9}.5 inch screen, {2-9}.{0-9}GHz CPU, 4.{0-9} stars",
        ),
        "b_popular_links": (
            "新闻见 https://www.{popular}/ 大家看看",
            "I read it on {popular} yesterday",
            "官网 www.{popular} 有说明",
        ),
        "b_styled_text": (
            "𝓗𝓮𝓵𝓵𝓸 𝔀𝓸𝓻𝓵𝓭 ✨ 𝕘𝕠𝕠𝕕 𝕞𝕠𝕣𝕟𝕚𝕟𝕘",
            "ｈａｐｐｙ ｂｉｒｔｈｄａｙ ①②③ 🎂",
            "ⓛⓞⓥⓔ ⓨⓞⓤ 💕 forever.",
        ),
        "b_share_tokens": (
            "{1-9}.{10-99} 复制打开抖音，看看【小美的作品】今天的晚霞太美了 # 日常 "
            "bqZ:/ 0{1-9}/{10-28}",
            "【淘宝】{1-9}{10-99}% 点击链接直接打开 或者 ￥Ab{1000-9999}Cd￥ 打开淘宝",
            "{1-9}.{0-9}x 倍速播放中，进度 {10-99}.{0-9}%，已缓存 {1-9}.{0-9}GB",
        ),
        "b_messenger_words": (
            "微信支付满{50-200}减{5-20}，QQ音乐会员{10-20}元/月",
            "Telegram {9-11}.{0-9}.{0-9} update is out, WhatsApp too",
            "我微信没电了，晚上{7-10}点再聊",
            "call me after {5-9}pm, my phone died",
        ),
    }
    ham = _real_ham(data, rng, per)
    out: list[Case] = []
    pools = {"gov": gov, "popular": popular}
    for fam, templates in fams.items():
        for n in range(per):
            text = _fill(rng.choice(templates), rng, pools)
            surface = SURFACES[n % len(SURFACES)] if fam != "b_org_emails" else "post"
            out.append(Case(f"{fam}-{n}", fam, "benign", surface, "mix", text, "none", ()))
    for n, (src, text) in enumerate(ham):
        out.append(
            Case(
                f"b_real_ham-{n}", "b_real_ham", "benign", "chat", "mix", text, "none", (), (), src
            )
        )
    return out


_SLOT = re.compile(r"\{(\d+)-(\d+)\}|\{([^{}]*\|[^{}]*)\}|\{([a-z]+)\}")


def _fill(template: str, rng: random.Random, pools: dict[str, list[str]]) -> str:
    """``{a-b}`` a number in that range, ``{x|y}`` one of the choices, ``{pool}`` a pool's item."""

    def one(m: re.Match[str]) -> str:
        if m.group(1):
            return str(rng.randint(int(m.group(1)), int(m.group(2))))
        if m.group(3):
            return str(rng.choice(m.group(3).split("|")))
        return rng.choice(pools[m.group(4)])

    return _SLOT.sub(one, template)


def _gov_domains(data: Path) -> list[str]:
    with (data / "us-dotgov-domains" / "current-full.tsv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh, delimiter="\t"))
    return [r[0].lower() for r in rows[1:] if r and r[0].count(".") == 1][:400]


def _popular(data: Path, hosts: Hosts) -> list[str]:
    out: list[str] = []
    with (data / "tranco-top-100k" / "tranco_top_100k.tsv").open(
        encoding="utf-8", newline=""
    ) as fh:
        rows = csv.reader(fh, delimiter="\t")
        next(rows)
        for row in rows:
            if len(row) >= 2 and row[1].count(".") == 1 and not listed(row[1], hosts):
                out.append(row[1].lower())
            if len(out) >= 300:
                break
    return out


def _real_ham(data: Path, rng: random.Random, n: int) -> list[tuple[str, str]]:
    from bench.common import sms, telecom

    ham = [
        (f"sms-spam-collection/sms_spam.tsv:{i}", t)
        for i, (lab, t) in enumerate(sms(data))
        if lab == "ham"
    ]
    zh = [
        (f"telecom-fraud-texts-5/telecom_fraud_texts.csv:{i}", t)
        for i, (lab, t) in enumerate(telecom(data))
        if lab == "0"
    ]
    pick = rng.sample(ham, n // 2) + rng.sample(zh, n - n // 2)
    return pick


def padding_text(data: Path, rng: random.Random, chars: int) -> str:
    """Real Weibo comments (dev split) joined to ``chars`` characters: padding nothing folds."""
    path = data / "weibo-rumor-ced" / "reposts_comments.jsonl.gz"
    texts: list[str] = []
    total = 0
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            if n % 97:
                continue
            t = json.loads(line)["text"]
            if "http" in t or "." in t or "@" in t:
                continue
            texts.append(t)
            total += len(t) + 1
            if total > chars * 3:
                break
    rng.shuffle(texts)
    out: list[str] = []
    size = 0
    for t in texts:
        if size >= chars:
            break
        out.append(t)
        size += len(t) + 1
    return "\n".join(out)


# ------------------------------------------------------------------------------------- build


def _template(
    table: dict[tuple[str, str], tuple[str, ...]], lang: str, surface: str, rng: random.Random
) -> str:
    return rng.choice(table[(lang, surface)])


def build(data: Path, seed: int = SEED, per_family: int = PER_FAMILY) -> list[Case]:
    """Every case of the suite, deterministic for ``seed``."""
    rng = random.Random(seed)
    hosts = load_hosts(data)
    cats = ("gambling", "porn", "scam", "phishing", "malware")
    cases: list[Case] = []
    padding = padding_text(data, random.Random(seed + 1), 26_000)
    for fam, spec in LINK_FAMILIES.items():
        need = NEEDS.get(fam, _any_host)
        pools = {c: [hs for hs in hosts.by_category[c] if need(hs[0])] for c in cats}
        count = 20 if fam == "long_real_padding" else per_family
        for n in range(count):
            if fam == "idn_unicode_spelled_dot":
                pool = sorted(hosts.idn)
            else:  # the categories spam is made of, not the lists' sizes (phishing is 60 %)
                pool = pools[rng.choices(cats, weights=CATEGORY_WEIGHTS)[0]]
            host, src = pool[rng.randrange(len(pool))]
            surface = spec["surfaces"][n % len(spec["surfaces"])]
            lang = spec["langs"][n % len(spec["langs"])]
            x, others = spec["fn"](host, rng)
            tpl = _template(T_LINK, lang, surface, rng)
            text = tpl.replace("{x}", x)
            if fam == "long_real_padding":
                cut = rng.randint(20_500, 25_000)
                text = (
                    padding[:cut] + "\n" + text
                    if n % 2
                    else text.replace(x, padding[:cut] + " " + x)
                )
            exp: tuple[str, ...] = (host,)
            if host.startswith("xn--"):
                exp = (host, host.encode("ascii").decode("idna"))
            cases.append(
                Case(
                    f"{fam}-{n}",
                    fam,
                    "link",
                    surface,
                    lang,
                    text,
                    "host",
                    exp,
                    others,
                    src,
                    (fam,),
                    tpl,
                )
            )
    for fam, spec in IP_FAMILIES.items():
        for n in range(per_family):
            ip, src = hosts.ips[rng.randrange(len(hosts.ips))]
            surface = spec["surfaces"][n % len(spec["surfaces"])]
            lang = spec["langs"][n % len(spec["langs"])]
            x, others = spec["fn"](ip, rng)
            tpl = _template(T_LINK, lang, surface, rng)
            text = tpl.replace("{x}", x)
            cases.append(
                Case(
                    f"{fam}-{n}",
                    fam,
                    "link",
                    surface,
                    lang,
                    text,
                    "ip",
                    (ip,),
                    others,
                    src,
                    (fam,),
                    tpl,
                )
            )
    for fam, spec in HANDLE_FAMILIES.items():
        for n in range(per_family):
            surface = spec["surfaces"][n % len(spec["surfaces"])]
            lang = spec["langs"][n % len(spec["langs"])]
            h, kind, exp, others = spec["fn"](rng)
            tpl = _template(T_HANDLE, lang, surface, rng)
            text = tpl.replace("{h}", h)
            cases.append(
                Case(
                    f"{fam}-{n}",
                    fam,
                    "handle",
                    surface,
                    lang,
                    text,
                    kind,
                    exp,
                    others,
                    "",
                    (fam,),
                    tpl,
                )
            )
    cases += review_cases(hosts, rng, per_family // 2)
    cases += benign_cases(data, hosts, rng, per_family + 20)
    for c in cases:
        unicodedata.normalize("NFC", c.text)  # every text is valid Unicode
    return cases


def main() -> None:
    import argparse

    from bench.common import data_dir

    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data", type=Path)
    ap.add_argument("--out", type=Path, help="write the cases as JSON Lines")
    args = ap.parse_args()
    cases = build(data_dir(args.data))
    by: dict[str, int] = {}
    for c in cases:
        by[c.group] = by.get(c.group, 0) + 1
    print(json.dumps(by))
    if args.out:
        from bench.common import write_jsonl

        write_jsonl(args.out, (c.to_dict() for c in cases))


if __name__ == "__main__":
    main()
