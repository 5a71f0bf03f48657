"""Third held-out red-team suite: composed disguises of real listed hosts and realistic handles.

Written by an agent that read only the README, the public API, ``bench/common.py`` and
``bench/peers.py`` -- never the unmasker, the extractors, the canonicaliser or the team's other
suites -- so its first-run figure is held out. Every case keeps its ground truth: the planted
host or handle (``expect``), the tricks composed (``tricks``, two to four), and ``reading``, what
a careful human reader writes down after undoing them.

Hosts come from the real lists in ``shared/data`` (hostsvn gambling, Sinfonietta gambling and
pornography, v2fly category-porn, blocklistproject scam / phishing / ransomware, the malware IP
list), drawn with this suite's own seed. Handles (WeChat, QQ, Telegram, WhatsApp, LINE, mainland
phones) are generated in the shapes real ones take.

Kinds of case:

- ``link``: a listed host a careful reader recovers; it must be reported exactly (``host``) and
  the item must never be ``allow``;
- ``handle``: a messenger id or phone number a careful reader recovers;
- ``review``: a handle offered with gambling, sex-service or scam wording (the README promises
  ``review`` on every surface);
- ``benign``: clean text with ordinary dots, numbers, prices, times, versions and company e-mail
  addresses; ``act`` or ``review`` there is a false positive.

``python -m bench.redteam3 --out suite.jsonl`` writes the suite; ``bench.redteam3_eval`` scores it.
"""

from __future__ import annotations

import argparse
import csv
import functools
import ipaddress
import json
import random
import sys
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, TypeVar

SEED = 20261207
PER_FAMILY = 60

T = TypeVar("T")
REPO_ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True, slots=True)
class Case:
    """One message of the suite and what a careful reader finds in it."""

    id: str
    family: str
    kind: str  # link | handle | review | benign
    surface: str
    lang: str
    text: str
    expect: str  # planted host (lower case; punycode for IDN), handle id, or ""
    handle_kind: str = ""  # wechat | qq | telegram | whatsapp | line | phone
    category: str = ""
    source: str = ""  # list file the host came from
    tricks: tuple[str, ...] = ()
    reading: str = ""  # what the reader writes down
    decoys: tuple[str, ...] = ()  # other hosts the text shows on purpose (not wrong hosts)
    accept_subdomain: bool = False
    round: int = 1  # 1: the first-run families; 2-4: families added after the first run
    wording: str = ""  # handles: "harmful" (gambling / sex / scam wording) or "plain"

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


# --------------------------------------------------------------------------- host pools

LIST_FILES: tuple[tuple[str, str], ...] = (
    ("hostsvn-gambling-vn/gambling_vn.txt", "gambling"),
    ("sinfonietta-hostfiles/gambling.txt", "gambling"),
    ("v2fly-domain-list-community/category-porn.tsv", "porn"),
    ("sinfonietta-hostfiles/pornography.txt", "porn"),
    ("blocklistproject-lists/scam.txt", "scam"),
    ("blocklistproject-lists/phishing.txt", "phishing"),
    ("blocklistproject-lists/ransomware.txt", "malware"),
)
IP_FILE = "blocklistproject-lists/malware_ip.txt"
BENIGN_FILE = "v2fly-domain-list-community/geolocation-cn.tsv"  # ordinary Chinese sites


def _read_list(path: Path) -> list[str]:
    return list(_read_list_cached(path))


@functools.lru_cache(maxsize=32)
def _read_list_cached(path: Path) -> tuple[str, ...]:
    out: list[str] = []
    with path.open(encoding="utf-8", newline="") as fh:
        if path.suffix == ".tsv":
            for row in csv.DictReader(fh, delimiter="\t"):
                if row.get("rule_type") in ("domain", "full"):
                    out.append(row["value"].strip().lower())
            return tuple(out)
        for line in fh:
            host = line.strip().lower()
            if host and not host.startswith("#"):
                out.append(host)
    return tuple(out)


def _plain_host(host: str) -> bool:
    if not 6 <= len(host) <= 32 or host.startswith("xn--") or ".xn--" in host:
        return False
    labels = host.split(".")
    if not 2 <= len(labels) <= 3 or not labels[-1].isalpha() or not 2 <= len(labels[-1]) <= 6:
        return False
    for label in labels:
        if not label or label[0] == "-" or label[-1] == "-":
            return False
        if any(not (c.isascii() and (c.isalnum() or c == "-")) for c in label):
            return False
    name = labels[-2]
    return len(name) >= 4 and any(c.isalpha() for c in name)


@dataclass(slots=True)
class Pools:
    """Hosts by category, drawn without replacement so no host is used twice."""

    rng: random.Random
    by_cat: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    digit: list[tuple[str, str, str]] = field(default_factory=list)
    idn: list[tuple[str, str, str]] = field(default_factory=list)
    ips: list[str] = field(default_factory=list)
    used: set[str] = field(default_factory=set)

    def take(self, category: str) -> tuple[str, str]:
        pool = self.by_cat[category]
        while pool:
            host, source = pool.pop()
            if host not in self.used:
                self.used.add(host)
                return host, source
        raise RuntimeError(f"host pool {category} exhausted")

    def take_any(self, rng: random.Random) -> tuple[str, str, str]:
        category = rng.choice(("gambling", "gambling", "porn", "porn", "scam", "phishing"))
        host, source = self.take(category)
        return host, source, category

    def take_digit(self) -> tuple[str, str, str]:
        while self.digit:
            host, source, category = self.digit.pop()
            if host not in self.used:
                self.used.add(host)
                return host, source, category
        raise RuntimeError("digit host pool exhausted")


@functools.lru_cache(maxsize=32)
def _candidates(path: Path) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(plain hosts, decodable punycode hosts) of one list, sorted: the pools' raw material."""
    hosts = sorted(set(_read_list_cached(path)))
    plain = tuple(h for h in hosts if _plain_host(h))
    idn = []
    for h in hosts:
        if h.count("xn--") == 1 and h.startswith("xn--") and h.count(".") == 1:
            try:
                h.encode("ascii").decode("idna")
            except UnicodeError:
                continue
            idn.append(h)
    return plain, tuple(idn)


@functools.lru_cache(maxsize=4)
def _listed_ips(path: Path) -> tuple[str, ...]:
    ips = [
        ip
        for ip in (line.strip() for line in path.read_text().splitlines())
        if ip.count(".") == 3
        and all(p.isdigit() and int(p) < 256 and str(int(p)) == p for p in ip.split("."))
    ]
    return tuple(ip for ip in ips if ipaddress.ip_address(ip).is_global)


def load_pools(data: Path, seed: int = SEED) -> Pools:
    rng = random.Random(seed)
    pools = Pools(rng=rng)
    for rel, category in LIST_FILES:
        candidates, idn = _candidates(data / rel)
        plain = list(candidates)
        rng.shuffle(plain)
        pools.by_cat.setdefault(category, []).extend((h, rel) for h in plain[:900])
        digits = [h for h in plain[900:] if sum(c.isdigit() for c in h.split(".")[-2]) >= 2]
        pools.digit.extend((h, rel, category) for h in digits[:300])
        pools.idn.extend((h, rel, category) for h in idn)
    for pool in pools.by_cat.values():
        rng.shuffle(pool)
    pools.by_cat["scam"] += pools.by_cat.pop("malware")
    rng.shuffle(pools.by_cat["scam"])
    rng.shuffle(pools.digit)
    rng.shuffle(pools.idn)
    pools.ips = list(_listed_ips(data / IP_FILE))
    benign = list(_candidates(data / BENIGN_FILE)[0])
    rng.shuffle(benign)
    pools.by_cat["benign"] = [(h, BENIGN_FILE) for h in benign[:600]]
    rng.shuffle(pools.ips)
    return pools


# --------------------------------------------------------------------------- character maps

_LOWER = "abcdefghijklmnopqrstuvwxyz"


def _math(base: int, digit_base: int | None = None) -> Callable[[str], str]:
    def conv(s: str) -> str:
        out = []
        for c in s:
            if c in _LOWER:
                out.append(chr(base + 26 + _LOWER.index(c)))
            elif c.isdigit() and c.isascii() and digit_base is not None:
                out.append(chr(digit_base + int(c)))
            else:
                out.append(c)
        return "".join(out)

    return conv


# Upper-case base of each style; lower case follows at +26. Only styles with no holes in a-z.
MATH_STYLES: dict[str, Callable[[str], str]] = {
    "math_bold": _math(0x1D400, 0x1D7CE),
    "math_bold_script": _math(0x1D4D0, 0x1D7CE),
    "math_bold_fraktur": _math(0x1D56C, 0x1D7CE),
    "math_double_struck": _math(0x1D538, 0x1D7D8),
    "math_sans_bold": _math(0x1D5D4, 0x1D7EC),
    "math_sans_italic": _math(0x1D608, 0x1D7E2),
    "math_monospace": _math(0x1D670, 0x1D7F6),
}


def fullwidth(s: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in s)


def circled(s: str) -> str:
    out = []
    for c in s:
        if c in _LOWER:
            out.append(chr(0x24D0 + _LOWER.index(c)))
        elif c == "0":
            out.append("⓪")
        elif c.isdigit():
            out.append(chr(0x2460 + int(c) - 1))
        else:
            out.append(c)
    return "".join(out)


def parenthesized(s: str) -> str:
    out = []
    for c in s:
        if c in _LOWER:
            out.append(chr(0x249C + _LOWER.index(c)))
        elif c.isdigit() and c != "0":
            out.append(chr(0x2474 + int(c) - 1))
        else:
            out.append(c)
    return "".join(out)


def negative_squared(s: str) -> str:
    out = []
    for c in s:
        if c in _LOWER:
            out.append(chr(0x1F170 + _LOWER.index(c)))
        elif c.isdigit() and c != "0":
            out.append(chr(0x2776 + int(c) - 1))  # dingbat negative circled digits
        elif c == "0":
            out.append("⓿")
        else:
            out.append(c)
    return "".join(out)


def squared(s: str) -> str:
    return "".join(chr(0x1F130 + _LOWER.index(c)) if c in _LOWER else c for c in s)


SUPERSCRIPT = dict(
    zip(
        "abcdefghijklmnoprstuvwxyz0123456789-",
        "ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻ⁰¹²³⁴⁵⁶⁷⁸⁹⁻",
        strict=True,
    )
)
SMALL_CAPS = dict(zip(_LOWER, "ᴀʙᴄᴅᴇꜰɢʜɪᴊᴋʟᴍɴᴏᴘǫʀꜱᴛᴜᴠᴡxʏᴢ", strict=True))


def superscript(s: str) -> str:
    return "".join(SUPERSCRIPT.get(c, c) for c in s)


def small_caps(s: str) -> str:
    return "".join(SMALL_CAPS.get(c, c) for c in s)


def regional(s: str) -> str:
    # a zero-width space keeps two letters from pairing into a flag
    return "\u200b".join(chr(0x1F1E6 + _LOWER.index(c)) if c in _LOWER else c for c in s)


HOMOGLYPHS: dict[str, dict[str, str]] = {
    "cyrillic": {
        "a": "а",
        "c": "с",
        "e": "е",
        "o": "о",
        "p": "р",
        "x": "х",
        "y": "у",
        "i": "і",
        "j": "ј",
        "s": "ѕ",
        "h": "һ",
        "d": "ԁ",
        "w": "ԝ",
        "q": "ԛ",
    },
    "greek": {
        "o": "ο",
        "i": "ι",
        "v": "ν",
        "u": "υ",
        "a": "α",
        "k": "κ",
        "x": "χ",
        "p": "ρ",
        "t": "τ",
        "n": "η",
        "y": "γ",
    },
    "armenian": {"o": "օ", "h": "հ", "u": "ս", "g": "ց", "n": "ո", "q": "զ", "d": "ժ", "l": "լ"},
    "cherokee": {
        "a": "Ꭺ",
        "e": "Ꭼ",
        "h": "Ꮋ",
        "m": "Ꮇ",
        "t": "Ꭲ",
        "s": "Ꮪ",
        "w": "Ꮃ",
        "c": "Ꮯ",
        "g": "Ꮐ",
        "k": "Ꮶ",
        "l": "Ꮮ",
        "p": "Ꮲ",
        "b": "Ᏼ",
        "d": "Ꭰ",
        "r": "Ꭱ",
        "v": "Ꮩ",
        "z": "Ꮓ",
        "i": "Ꭵ",
    },
}


def homoglyph(s: str, script: str, rng: random.Random) -> str:
    table = HOMOGLYPHS[script]
    chars = list(s)
    spots = [i for i, c in enumerate(chars) if c in table]
    rng.shuffle(spots)
    for i in spots[: max(1, (len(spots) + 1) // 2)]:
        chars[i] = table[chars[i]]
    return "".join(chars)


CN_DIGITS = "〇一二三四五六七八九"
CN_FIN = "零壹贰叁肆伍陆柒捌玖"
CIRCLED_DIGITS = "⓪①②③④⑤⑥⑦⑧⑨"


def cn_digits(s: str, rng: random.Random, style: str) -> str:
    out = []
    for c in s:
        if c.isdigit() and c.isascii():
            d = int(c)
            if style == "cn":
                out.append("幺" if d == 1 and rng.random() < 0.3 else CN_DIGITS[d])
            elif style == "fin":
                out.append(CN_FIN[d])
            elif style == "circled":
                out.append(CIRCLED_DIGITS[d])
            else:  # mixed
                out.append(rng.choice((CN_DIGITS[d], CN_FIN[d], CIRCLED_DIGITS[d], c)))
        else:
            out.append(c)
    return "".join(out)


_NATO_WORDS = (
    "alpha bravo charlie delta echo foxtrot golf hotel india juliett kilo lima mike november "
    "oscar papa quebec romeo sierra tango uniform victor whiskey xray yankee zulu"
)
NATO = dict(zip(_LOWER, _NATO_WORDS.split(" "), strict=True))
DIGIT_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]

CHAT_NICKS = ("小美", "Lily", "客服阿杰", "Coco🌸", "VIP经理")
HANDLE_CHAT_NICKS = ("Lily", "小雪", "客服")
EMOJI = "🔥💋🎰💰🌹⭐💎🍒🎲🧧✨🌸"
DOTS_ZH = ("点", "點", "。", "．", "｡", "(点)", "【点】")
DOTS_EN = (" dot ", "(dot)", "[.]", " DOT ", "{dot}")


def split_host(host: str) -> tuple[str, str]:
    name, _, tld = host.rpartition(".")
    return name, tld


def join_dot(host: str, dot: str) -> str:
    return dot.join(host.split("."))


def pick(rng: random.Random, seq: Sequence[T]) -> T:
    return seq[rng.randrange(len(seq))]


# --------------------------------------------------------------------------- wording

ZH = {
    "gambling": (
        "🔴直播中｜世界杯竞猜 今晚爆分 {L} 注册就送88",
        "【百家乐】真人荷官在线发牌 最新地址 {L} 收藏防失联",
        "老哥们 {L} 这个台子出款快 我昨天提了三万",
        "体育投注 | 首充送100% | 官网 {L}",
        "金沙娱乐城 {L} 彩金天天送 24小时客服",
    ),
    "porn": (
        "🔞今晚主播福利 全程无码 {L} 自己看",
        "私人影院 永久免费 {L} 每日更新",
        "老司机都懂 {L} 资源全 不卡",
        "同城约 真实照片 {L} 上门服务",
        "福利姬合集 {L} 手慢无",
    ),
    "scam": (
        "【紧急】您的账户存在异常 请立即登录 {L} 完成验证 否则冻结",
        "刷单兼职 日结300 详情 {L}",
        "恭喜中奖 iPhone 15 领取地址 {L} 仅限今天",
        "内部渠道 稳赚不赔 数字货币 {L}",
        "快递丢失理赔 请访问 {L} 填写资料",
    ),
}
EN = {
    "gambling": (
        "🔥 LIVE NOW: free spins at {L} - code VIP88",
        "best odds tonight, sign up at {L} and get a 100% bonus",
        "bro I cashed out $2k from {L} yesterday, legit",
        "Slots | Poker | Sports - {L} - instant withdrawals",
        "casino giveaway!! {L} first deposit doubled",
    ),
    "porn": (
        "hot singles near you ➜ {L}",
        "my private pics are on {L} 😘",
        "full video here {L} no signup",
        "18+ cams free tonight {L}",
        "DM me or just go to {L} for the uncensored set",
    ),
    "scam": (
        "Your account has been suspended. Verify at {L} within 24 hours.",
        "Earn $500/day from home, details at {L}",
        "Congrats! You won a gift card, claim it at {L}",
        "crypto signals 300% guaranteed profit -> {L}",
        "USPS: your parcel is on hold, pay the fee at {L}",
    ),
}
BENIGN_LINK_ZH = (
    "官网 {L} 查看更多活动详情",
    "新版说明书放在 {L} 了，大家自取",
    "我们的线上商城 {L} 周末包邮",
    "报名入口：{L} 截止到周五",
)
BENIGN_LINK_EN = (
    "docs are at {L} if you need them",
    "our new online store {L} ships free this weekend",
    "sign up for the workshop at {L}",
    "slides from today's talk: {L}",
)
SURFACES_ZH = ("post", "livestream", "comment", "bio", "chat", "listing", "map_place", "moment")
SURFACES_EN = ("post", "comment", "bio", "chat", "livestream", "listing", "display_name")


def wording(rng: random.Random, lang: str, category: str) -> str:
    if category == "benign":
        return pick(rng, BENIGN_LINK_ZH if lang == "zh" else BENIGN_LINK_EN)
    bank = ZH if lang == "zh" else EN
    cat = "scam" if category in ("phishing", "malware") else category
    return pick(rng, bank[cat])


def surface_for(rng: random.Random, lang: str) -> str:
    return pick(rng, SURFACES_ZH if lang == "zh" else SURFACES_EN)


# --------------------------------------------------------------------------- link families


@dataclass(slots=True)
class Draft:
    text: str
    tricks: tuple[str, ...]
    lang: str
    surface: str = ""
    decoys: tuple[str, ...] = ()
    reading: str = ""
    expect: str = ""
    accept_subdomain: bool = False


LinkMaker = Callable[[random.Random, str, str], Draft]


def _in_template(rng: random.Random, lang: str, category: str, link: str) -> str:
    return wording(rng, lang, category).replace("{L}", link)


def f_vertical(rng: random.Random, host: str, category: str) -> Draft:
    """One character a line (vertical livestream titles), lines padded with Chinese words."""
    lang = pick(rng, ("zh", "zh", "en"))
    style = rng.randrange(3)
    chars = list(host)
    if style == 0:
        body = "\n".join(chars)
        tricks: tuple[str, ...] = ("vertical",)
    elif style == 1:
        body = "\n".join(fullwidth(c) for c in chars)
        tricks = ("vertical", "fullwidth")
    else:
        body = "\n".join("点" if c == "." else c for c in chars)
        tricks = ("vertical", "zh_dot")
    head = "竖着看👇" if lang == "zh" else "read down 👇"
    tail = "注册送88" if lang == "zh" else "free bonus"
    return Draft(f"{head}\n{body}\n{tail}", (*tricks, "headline"), lang, "livestream")


def f_column_grid(rng: random.Random, host: str, category: str) -> Draft:
    """Host read down the first column of a two-column layout; each line is a phrase."""
    words_zh = [
        "注册送彩金",
        "天天返水",
        "首充加赠",
        "百家乐",
        "真人视讯",
        "电子游戏",
        "体育赛事",
        "彩票开奖",
        "棋牌竞技",
        "捕鱼达人",
        "秒提现",
        "无限代理",
        "美女荷官",
        "夜夜狂欢",
    ]
    words_en = [
        "free spins",
        "daily cashback",
        "live dealer",
        "sports",
        "poker",
        "slots",
        "fast payout",
        "VIP club",
        "jackpot",
        "bonus",
        "crypto ok",
        "24/7 support",
    ]
    lang = pick(rng, ("zh", "en"))
    words = words_zh if lang == "zh" else words_en
    sep = pick(rng, ("｜", " | ", "  ", "│", "："))
    dot_as = pick(rng, (".", "。", "·"))
    lines = []
    for c in host:
        lines.append(
            f"{dot_as if c == '.' else fullwidth(c) if rng.random() < 0.3 else c}"
            f"{sep}{pick(rng, words)}"
        )
    head = "第一列竖读就是网址" if lang == "zh" else "first column top to bottom = site"
    return Draft(
        head + "\n" + "\n".join(lines), ("column", "layout_words", "mixed_width"), lang, "post"
    )


def f_box_table(rng: random.Random, host: str, category: str) -> Draft:
    """Host pieces in the cells of a box-drawing table."""
    name, tld = split_host(host)
    lang = pick(rng, ("zh", "en"))
    cut = rng.randrange(1, max(2, len(name)))
    cells = [name[:cut], name[cut:], "." if rng.random() < 0.5 else "点", tld]
    style = rng.randrange(3)
    if style == 0:
        top = "┌" + "┬".join("─" * (len(c) + 2) for c in cells) + "┐"
        mid = "│" + "│".join(f" {c} " for c in cells) + "│"
        bot = "└" + "┴".join("─" * (len(c) + 2) for c in cells) + "┘"
        table = f"{top}\n{mid}\n{bot}"
        tricks = ("box_drawing", "split_cells", "zh_dot_opt")
    elif style == 1:
        table = "| " + " | ".join(cells) + " |\n|" + "|".join("---" for _ in cells) + "|"
        tricks = ("markdown_table", "split_cells", "zh_dot_opt")
    else:
        table = (
            "╔"
            + "═" * 20
            + "╗\n║ "
            + "┃".join(fullwidth(c) for c in cells)
            + " ║\n╚"
            + "═" * 20
            + "╝"
        )
        tricks = ("box_double", "split_cells", "fullwidth")
    head = "官网↓↓↓（连起来）" if lang == "zh" else "site below (join the boxes)"
    return Draft(f"{head}\n{table}", tricks, lang, pick(rng, ("post", "bio", "listing")))


def f_chatlog(rng: random.Random, host: str, category: str) -> Draft:
    """Host sent in pieces over chat lines with timestamps and a name."""
    name, tld = split_host(host)
    lang = pick(rng, ("zh", "en"))
    nick = pick(rng, CHAT_NICKS)
    h, m = rng.randrange(8, 23), rng.randrange(0, 55)
    cut = rng.randrange(1, max(2, len(name)))
    dot = pick(rng, ("点", ".", "。", "dot"))
    pieces = [name[:cut], name[cut:], dot + tld] if rng.random() < 0.5 else [name, dot, tld]
    fmt = rng.randrange(3)
    lines = []
    for i, p in enumerate(pieces):
        ts = f"{h:02d}:{m + i // 2:02d}"
        if fmt == 0:
            lines.append(f"[{ts}] {nick}: {p}")
        elif fmt == 1:
            lines.append(f"{nick} {ts}\n{p}")
        else:
            lines.append(f"{ts} {nick}：{p}")
    opener = (
        "[{0}] {1}: 网址发你，分开发的，连起来"
        if lang == "zh"
        else "[{0}] {1}: sending the site in parts"
    )
    return Draft(
        opener.format(f"{h:02d}:{m:02d}", nick) + "\n" + "\n".join(lines),
        ("chat_log", "timestamps", "split_lines"),
        lang,
        "chat",
    )


def f_acrostic(rng: random.Random, host: str, category: str) -> Draft:
    """First character of every line spells the host; the message says so."""
    lang = pick(rng, ("zh", "en"))
    words: dict[str, list[str]] = {
        c: [w for w in ACROSTIC_WORDS if w.lower().startswith(c)] for c in set(host) if c != "."
    }
    lines = []
    for c in host:
        if c == ".":
            lines.append(
                pick(rng, (". (this dot too)", ".......", "。。。"))
                if lang == "en"
                else pick(rng, ("。", "."))
            )
        elif c.isdigit():
            lines.append(f"{c} {pick(rng, ('times a day', 'stars', '次', '倍返利', 'hours'))}")
        else:
            pool = words.get(c) or [c + "..."]
            lines.append(pick(rng, pool))
    head = (
        "藏头诗：每行第一个字母连起来" if lang == "zh" else "read the first letter of each line ;)"
    )
    return Draft(
        head + "\n" + "\n".join(lines), ("acrostic", "instruction", "layout_words"), lang, "post"
    )


ACROSTIC_WORDS = (
    "amazing nights",
    "always open",
    "best odds",
    "bonus daily",
    "call me",
    "come play",
    "deal now",
    "don't wait",
    "every day",
    "easy money",
    "fun times",
    "free chips",
    "good luck",
    "go big",
    "hot girls",
    "have fun",
    "instant cashout",
    "it's live",
    "just join",
    "jackpot!",
    "keep winning",
    "kiss kiss",
    "lucky you",
    "let's go",
    "make money",
    "more bonus",
    "no limits",
    "new players",
    "only today",
    "open now",
    "play now",
    "private show",
    "quick win",
    "quiet fun",
    "real money",
    "rich life",
    "spin now",
    "sexy time",
    "try it",
    "top rated",
    "unlimited",
    "up to 500",
    "very hot",
    "vip only",
    "win big",
    "welcome",
    "xtra spins",
    "xoxo",
    "yes you",
    "your turn",
    "zero fees",
    "zone in",
)


def f_reversed(rng: random.Random, host: str, category: str) -> Draft:
    """Host written back to front, with a reading hint, composed with another disguise."""
    lang = pick(rng, ("zh", "en"))
    rev = host[::-1]
    style = rng.randrange(3)
    if style == 0:
        shown, tricks = rev.replace(".", " 点 "), ("reversed", "zh_dot", "hint")
    elif style == 1:
        shown, tricks = fullwidth(rev), ("reversed", "fullwidth", "hint")
    else:
        shown, tricks = " ".join(rev), ("reversed", "spaced", "hint")
    hint = (
        pick(rng, ("（倒着看）", "←从右往左读", "（反过来输入）"))
        if lang == "zh"
        else pick(rng, ("(backwards)", "<- read right to left", "(flip it)"))
    )
    return Draft(
        _in_template(rng, lang, category, f"{shown} {hint}"), tricks, lang, surface_for(rng, lang)
    )


def f_emoji_interleave(rng: random.Random, host: str, category: str) -> Draft:
    """An emoji between every character; the dot is an emoji or a spelled dot."""
    lang = pick(rng, ("zh", "en"))
    e = pick(rng, EMOJI)
    dot = pick(rng, ("🔴", "⚫", "点", "•", "."))
    body = e.join("\x00" if c == "." else c for c in host).replace("\x00", dot)
    tricks: tuple[str, ...] = ("emoji_interleave", "emoji_dot" if dot in "🔴⚫•" else "dot_word")
    if rng.random() < 0.4:
        body = body.upper()
        tricks = (*tricks, "upper")
    return Draft(_in_template(rng, lang, category, body), tricks, lang, surface_for(rng, lang))


def f_mixed_scripts(rng: random.Random, host: str, category: str) -> Draft:
    """Look-alike letters from two scripts in one host, and a spelled dot."""
    lang = pick(rng, ("zh", "en"))
    scripts = rng.sample(("cyrillic", "greek", "armenian", "cherokee"), 2)
    name, tld = split_host(host)
    name = homoglyph(homoglyph(name, scripts[0], rng), scripts[1], rng)
    tld = homoglyph(tld, scripts[0], rng)
    dot = pick(rng, DOTS_ZH if lang == "zh" else (".", " . ", "(.)"))
    return Draft(
        _in_template(rng, lang, category, f"{name}{dot}{tld}"),
        (f"homoglyph_{scripts[0]}", f"homoglyph_{scripts[1]}", "dot"),
        lang,
        surface_for(rng, lang),
    )


def f_math_alnum(rng: random.Random, host: str, category: str) -> Draft:
    """Mathematical alphanumerics (bold script, fraktur, double-struck...), two styles mixed."""
    lang = pick(rng, ("zh", "en"))
    a, b = rng.sample(sorted(MATH_STYLES), 2)
    name, tld = split_host(host)
    cut = len(name) // 2
    body = MATH_STYLES[a](name[:cut]) + MATH_STYLES[b](name[cut:])
    dot = pick(rng, ("点", "．", " ⋅ ", "。", "."))
    return Draft(
        _in_template(rng, lang, category, f"{body}{dot}{MATH_STYLES[a](tld)}"),
        (a, b, "dot"),
        lang,
        pick(rng, ("display_name", "bio", "livestream", "post")),
    )


def f_enclosed(rng: random.Random, host: str, category: str) -> Draft:
    """Circled, parenthesized and squared letters and digits."""
    lang = pick(rng, ("zh", "en"))
    fns = [
        ("circled", circled),
        ("parenthesized", parenthesized),
        ("negative_squared", negative_squared),
        ("squared", squared),
    ]
    rng.shuffle(fns)
    name, tld = split_host(host)
    cut = rng.randrange(1, max(2, len(name)))
    body = fns[0][1](name[:cut]) + fns[1][1](name[cut:])
    dot = pick(rng, ("⊙", "点", "。", "(.)", "●"))
    return Draft(
        _in_template(rng, lang, category, f"{body}{dot}{fns[0][1](tld)}"),
        (fns[0][0], fns[1][0], "dot"),
        lang,
        surface_for(rng, lang),
    )


def f_super_smallcaps(rng: random.Random, host: str, category: str) -> Draft:
    """Superscript and small-capital letters, alternating, with a dot glyph."""
    lang = pick(rng, ("zh", "en"))
    name, tld = split_host(host)
    body = "".join(superscript(c) if i % 2 else small_caps(c) for i, c in enumerate(name))
    dot = pick(rng, ("·", "˙", "ᐧ", "点", "."))
    return Draft(
        _in_template(rng, lang, category, f"{body}{dot}{small_caps(tld)}"),
        ("superscript", "small_caps", "dot_glyph"),
        lang,
        pick(rng, ("username", "display_name", "bio")),
    )


def f_regional(rng: random.Random, host: str, category: str) -> Draft:
    """Regional-indicator letters (flag letters) for the name, plain digits, a word dot."""
    lang = pick(rng, ("zh", "en"))
    name, tld = split_host(host)
    dot = pick(rng, (" dot ", "点", " . ", "。"))
    return Draft(
        _in_template(
            rng,
            lang,
            category,
            f"{regional(name)}{dot}{regional(tld) if rng.random() < 0.5 else tld}",
        ),
        ("regional_indicator", "zero_width", "dot"),
        lang,
        surface_for(rng, lang),
    )


def f_cn_numerals(rng: random.Random, host: str, category: str) -> Draft:
    """Digits of a host written as Chinese, financial or circled numerals, mixed."""
    style = pick(rng, ("cn", "fin", "circled", "mixed"))
    name, tld = split_host(host)
    dot = pick(rng, ("点", "。", "點", "．", "dot"))
    body = cn_digits(name, rng, style)
    if rng.random() < 0.3:
        body = " ".join(body)
    return Draft(
        _in_template(rng, "zh", category, f"{body}{dot}{tld}"),
        (f"numerals_{style}", "dot", "spaced_opt"),
        "zh",
        surface_for(rng, "zh"),
    )


def f_dot_homophone(rng: random.Random, host: str, category: str) -> Draft:
    """点 replaced by a character of the same sound (店 典 電 垫 殿 碘), name in full width."""
    name, tld = split_host(host)
    dot = pick(rng, ("店", "典", "電", "垫", "殿", "碘", "滇"))
    body = fullwidth(name) if rng.random() < 0.5 else name
    t = pick(
        rng, ("网址：{b}{d}{t}（{d}就是点）", "官网 {b}{d}{t} 谐音自己懂", "地址{b}{d}{t}，{d}=点")
    )
    return Draft(
        _in_template(rng, "zh", category, t.format(b=body, d=dot, t=tld)),
        ("dot_homophone", "fullwidth_opt", "hint"),
        "zh",
        surface_for(rng, "zh"),
    )


def f_percent(rng: random.Random, host: str, category: str) -> Draft:
    """Percent-encoded host letters inside a URL, sometimes doubly encoded or in upper case."""
    lang = pick(rng, ("zh", "en"))
    name, tld = split_host(host)
    enc = "".join(f"%{ord(c):02X}" if c.isalnum() and rng.random() < 0.6 else c for c in name)
    dot = pick(rng, (".", "%2E", "%2e"))
    scheme = pick(rng, ("https://", "http://", "HTTPS://", "https:%2F%2F"))
    path = pick(rng, ("/", "/reg?code=88", "/%E6%B3%A8%E5%86%8C", ""))
    return Draft(
        _in_template(rng, lang, category, f"{scheme}{enc}{dot}{tld}{path}"),
        ("percent_host", "percent_dot_opt", "scheme_var"),
        lang,
        surface_for(rng, lang),
    )


def f_ip_literal(rng: random.Random, ip: str, category: str) -> Draft:
    """A listed IP as decimal, hex, octal, dotted-hex or mixed, with ports and defangs."""
    lang = pick(rng, ("zh", "en"))
    parts = [int(p) for p in ip.split(".")]
    n = int(ipaddress.IPv4Address(ip))
    style = rng.randrange(5)
    if style == 0:
        shown, t = str(n), "ip_decimal"
    elif style == 1:
        shown, t = hex(n), "ip_hex"
    elif style == 2:
        shown, t = ".".join(f"0{p:o}" for p in parts), "ip_octal"
    elif style == 3:
        shown, t = ".".join(hex(p) for p in parts), "ip_dotted_hex"
    else:
        shown, t = f"{parts[0]}.{parts[1]}.{(parts[2] << 8) | parts[3]}", "ip_short_form"
    port = pick(rng, ("", ":8080", ":8888", ":443"))
    scheme = pick(rng, ("http://", "hxxp://", "https://"))
    path = pick(rng, ("/", "/login", "/a.apk", "/download/app.exe", ""))
    return Draft(
        _in_template(rng, lang, "scam", f"{scheme}{shown}{port}{path}"),
        (t, "port_opt", "scheme_defang_opt"),
        lang,
        surface_for(rng, lang),
    )


def f_ip_dotted(rng: random.Random, ip: str, category: str) -> Draft:
    """A listed IP in dotted form, its dots defanged or spelled, with a scheme, port and path."""
    lang = pick(rng, ("zh", "en"))
    dot = pick(rng, (".", "[.]", "(.)", "点", "。", " . ", "[dot]"))
    shown = ip.replace(".", dot)
    scheme = pick(rng, ("http://", "hxxp://", "", "http[:]//"))
    port = pick(rng, ("", ":8080", ":81"))
    path = pick(rng, ("/", "/a.apk", "/bins/x86", ""))
    return Draft(
        _in_template(rng, lang, "scam", f"{scheme}{shown}{port}{path}"),
        ("ip_dotted", "dot_defang", "scheme_port_opt"),
        lang,
        surface_for(rng, lang),
    )


def f_userinfo(rng: random.Random, host: str, category: str) -> Draft:
    """A trusted name before ``@`` (userinfo); the browser goes to the host after it."""
    lang = pick(rng, ("zh", "en"))
    decoy = pick(
        rng,
        (
            "google.com",
            "www.paypal.com",
            "apple.com",
            "taobao.com",
            "www.icbc.com.cn",
            "login.microsoftonline.com",
            "accounts.binance.com",
        ),
    )
    user = pick(rng, (decoy, f"{decoy}:443", f"{decoy}%2Flogin", f"{decoy}:secure-login"))
    at = pick(rng, ("@", "@", "%40", "＠"))
    scheme = pick(rng, ("https://", "http://", ""))
    path = pick(rng, ("/", "/verify", "/account/update", ""))
    return Draft(
        _in_template(rng, lang, category, f"{scheme}{user}{at}{host}{path}"),
        ("userinfo", "decoy_brand", "at_variant"),
        lang,
        surface_for(rng, lang),
        decoys=(decoy, decoy.removeprefix("www.")),
    )


def f_long_subdomain(rng: random.Random, host: str, category: str) -> Draft:
    """Brand-looking subdomains stacked in front of the listed host, with mixed case."""
    lang = pick(rng, ("zh", "en"))
    prefix = pick(
        rng,
        (
            "secure-login.paypal.com.verify-account",
            "www.apple.com.id-check",
            "m.facebook.com.security",
            "accounts.google.com.signin.session-8841",
            "icbc.com.cn.wap",
            "online.chase.com.alert.x7",
        ),
    )
    full = f"{prefix}.{host}"
    if rng.random() < 0.5:
        full = "".join(c.upper() if rng.random() < 0.4 else c for c in full)
    scheme = pick(rng, ("https://", "http://", "hxxps://", "https[:]//"))
    return Draft(
        _in_template(rng, lang, category, f"{scheme}{full}/{pick(rng, ('login', 'auth', ''))}"),
        ("long_subdomain", "brand_prefix", "case_mix"),
        lang,
        surface_for(rng, lang),
        accept_subdomain=True,
    )


def f_two_lines(rng: random.Random, host: str, category: str) -> Draft:
    """Host split over two lines, each piece labelled, words between."""
    lang = pick(rng, ("zh", "en"))
    name, tld = split_host(host)
    cut = rng.randrange(2, max(3, len(name) - 1)) if len(name) > 3 else 1
    a, b = name[:cut], name[cut:]
    if lang == "zh":
        t = pick(
            rng,
            (
                "网址前半部分：{a}\n后半部分：{b}点{t}\n拼起来访问",
                "第一段 {a}\n（防屏蔽分开写）\n第二段 {b}.{t}",
                "{a}\n↑上下两行连起来↓\n{b}。{t}",
            ),
        )
    else:
        t = pick(
            rng,
            (
                "site part 1: {a}\npart 2: {b}.{t}\njoin them",
                "first half {a}\n(split so the app doesn't block it)\nsecond half {b} dot {t}",
                "{a}\n^ join these two lines v\n{b}.{t}",
            ),
        )
    return Draft(
        t.format(a=a, b=b, t=tld),
        ("two_lines", "labels", "dot_opt"),
        lang,
        pick(rng, ("post", "chat", "comment")),
    )


def f_fields_split(rng: random.Random, host: str, category: str) -> Draft:
    """A profile: the name in the username field, the rest in the bio."""
    lang = pick(rng, ("zh", "en"))
    name, tld = split_host(host)
    if lang == "zh":
        t = pick(
            rng,
            (
                "用户名：{n}\n简介：我的名字后面加 点{t} 就是官网",
                "昵称：{n}\n个性签名：昵称+.{t} 🔥 日赚千元",
                "ID：{n}\n简介：主页=ID后面加上 .{t}",
            ),
        )
    else:
        t = pick(
            rng,
            (
                "username: {n}\nbio: my username + .{t} 💋",
                "name: {n}\nabout: add .{t} to my name for the private stuff",
                "handle: {n}\nbio: same as my handle, ending .{t}",
            ),
        )
    return Draft(t.format(n=name, t=tld), ("fields_split", "instruction", "tld_apart"), lang, "bio")


def f_instruction(rng: random.Random, host: str, category: str) -> Draft:
    """A filler symbol or letters inserted, and a sentence saying what to remove or replace."""
    lang = pick(rng, ("zh", "en", "vi", "id", "ru"))
    name, tld = split_host(host)
    style = rng.randrange(3)
    if style == 0:
        filler = pick(rng, ("$", "~", "#", "^"))
        body = filler.join(name) + " " + tld
        instr = {
            "zh": f"（把{filler}去掉，空格换成点）",
            "en": f"(remove every {filler}, the space is a dot)",
            "vi": f"(bỏ dấu {filler}, dấu cách là chấm)",
            "id": f"(hapus {filler}, spasi = titik)",
            "ru": f"(убери {filler}, пробел = точка)",
        }[lang]
        tricks = ("filler_symbol", "space_dot", "instruction")
    elif style == 1:
        x = pick(rng, ("X", "Q", "Z"))
        body = "".join(c + (x if i % 2 == 0 else "") for i, c in enumerate(name)) + "★" + tld
        instr = {
            "zh": f"（去掉所有大写{x}，★换成点）",
            "en": f"(delete the capital {x}s, ★ = .)",
            "vi": f"(xóa chữ {x}, ★ = .)",
            "id": f"(buang huruf {x}, ★ = .)",
            "ru": f"(удали все {x}, ★ = .)",
        }[lang]
        tricks = ("filler_letter", "star_dot", "instruction")
    else:
        body = " ".join(name) + " ＃ " + tld
        instr = {
            "zh": "（去掉空格，把＃换成点）",
            "en": "(remove the spaces and replace ＃ with a dot)",
            "vi": "(bỏ khoảng trắng, thay ＃ bằng dấu chấm)",
            "id": "(hapus spasi, ganti ＃ dengan titik)",
            "ru": "(убери пробелы, ＃ замени на точку)",
        }[lang]
        tricks = ("spaced", "hash_dot", "instruction")
    tl = "zh" if lang == "zh" else "en"
    return Draft(
        _in_template(rng, tl, category, f"{body} {instr}"), tricks, lang, surface_for(rng, tl)
    )


def f_qr_copy(rng: random.Random, host: str, category: str) -> Draft:
    """Copy-and-open text as apps share it (password tokens, currency signs as quotes)."""
    name, tld = split_host(host)
    q = pick(rng, (("￥", "￥"), ("€", "€"), ("₴", "₴"), ("¢", "¢"), ("⟦", "⟧"), ("「", "」")))
    dot = pick(rng, ("·", "。", "点", "．"))
    body = f"{q[0]}{name}{dot}{tld}{q[1]}"
    t = pick(
        rng,
        (
            "【复制这段话】{b} 打开浏览器粘贴即可访问👈",
            "長按複製 ➜ {b} ➜ 打開瀏覽器",
            "扫码失败？复制口令 {b} 到浏览器",
            "9.9👈复制{b}打开👉浏览器👈【福利资源】",
        ),
    )
    return Draft(
        t.format(b=body),
        ("copy_token", "currency_quotes", "dot"),
        "zh",
        pick(rng, ("post", "chat", "moment", "comment")),
    )


def f_dot_translit(rng: random.Random, host: str, category: str) -> Draft:
    """The word "dot" as other scripts write it (ดอท, どっと, 쩜, тчк, дот, دات, ডট)."""
    lang = pick(rng, ("th", "ja", "ko", "ru", "ar", "bn", "fa"))
    dot = {
        "th": "ดอท",
        "ja": pick(rng, ("どっと", "てん")),
        "ko": "쩜",
        "ru": pick(rng, ("тчк", "дот")),
        "ar": "دوت",
        "bn": "ডট",
        "fa": "نقطه",
    }[lang]
    name, tld = split_host(host)
    sp = pick(rng, (" ", "", " "))
    tl = "en"
    lead = {
        "th": "เว็บ ",
        "ja": "サイト：",
        "ko": "사이트 ",
        "ru": "сайт: ",
        "ar": "الموقع ",
        "bn": "সাইট ",
        "fa": "سایت ",
    }[lang]
    return Draft(
        lead + _in_template(rng, tl, category, f"{name}{sp}{dot}{sp}{tld}"),
        ("dot_word_translit", "foreign_lead", "spacing"),
        lang,
        surface_for(rng, tl),
    )


def f_tld_translit(rng: random.Random, host: str, category: str) -> Draft:
    """TLD spelt in Chinese transliteration or letter by letter in Chinese."""
    name, tld = split_host(host)
    words = {
        "com": ("康姆", "肯姆"),
        "net": ("奈特", "耐特"),
        "org": ("欧格",),
        "vip": ("维爱屁",),
        "cc": ("西西",),
        "top": ("淘普",),
        "me": ("密",),
    }
    if tld not in words:
        tld_shown = "".join(f"({c})" for c in tld)
        trick = "tld_letters_bracketed"
    else:
        tld_shown = pick(rng, words[tld])
        trick = "tld_cn_transliteration"
    t = pick(rng, ("网址 {n} 点{t}（{t}就是{r}）", "{n}点{t} 后缀{r} 谐音", "官网{n}·{t}（{r}）"))
    return Draft(
        _in_template(rng, "zh", category, t.format(n=name, t=tld_shown, r=tld)),
        (trick, "zh_dot", "hint"),
        "zh",
        surface_for(rng, "zh"),
    )


def f_markup_decoy(rng: random.Random, host: str, category: str) -> Draft:
    """A link whose visible text shows a trusted site and whose target is the listed host."""
    lang = pick(rng, ("zh", "en"))
    decoy = pick(
        rng, ("www.google.com", "apple.com", "www.bilibili.com", "weibo.com", "youtube.com")
    )
    url = f"https://{host}/{pick(rng, ('', 'go', 'r?id=7'))}"
    style = rng.randrange(4)
    if style == 0:
        body, t = f"[{decoy}]({url})", "markdown_link"
    elif style == 1:
        body, t = f'<a href="{url}">{decoy}</a>', "html_anchor"
    elif style == 2:
        body, t = f"[url={url}]{decoy}[/url]", "bbcode_url"
    else:
        body, t = f'<a href="{url.replace(".", "&#46;")}">{decoy}</a>', "html_anchor_entity"
    return Draft(
        _in_template(rng, lang, category, body),
        (t, "decoy_text", "markup"),
        lang,
        pick(rng, ("post", "comment", "bio")),
        decoys=(decoy, decoy.removeprefix("www.")),
    )


def f_ideographic_spaced(rng: random.Random, host: str, category: str) -> Draft:
    """Full-width letters separated by ideographic spaces, a full-width dot."""
    body = "\u3000".join(fullwidth(c) if c != "." else pick(rng, ("．", "。", "点")) for c in host)
    return Draft(
        _in_template(rng, "zh", category, body),
        ("ideographic_space", "fullwidth", "cjk_dot"),
        "zh",
        surface_for(rng, "zh"),
    )


def f_hashtag(rng: random.Random, host: str, category: str) -> Draft:
    """Host pieces as hashtags."""
    lang = pick(rng, ("zh", "en"))
    name, tld = split_host(host)
    cut = rng.randrange(1, max(2, len(name)))
    style = rng.randrange(2)
    if style == 0:
        body = f"#{name} #点{tld}" if lang == "zh" else f"#{name} #dot{tld}"
        tricks = ("hashtag_split", "dot_word", "glued")
    else:
        body = f"#{name[:cut]} #{name[cut:]} #{tld}"
        tricks = ("hashtag_split", "three_tags", "hint")
        body += (
            " （三个标签连起来，中间加点）"
            if lang == "zh"
            else " (join the tags, dot before the last)"
        )
    return Draft(
        _in_template(rng, lang, category, body),
        tricks,
        lang,
        pick(rng, ("post", "moment", "livestream")),
    )


def f_nato(rng: random.Random, host: str, category: str) -> Draft:
    """Host spelled in the NATO alphabet, digits as words."""
    words = []
    for c in host:
        if c == ".":
            words.append(pick(rng, ("dot", "DOT", "period")))
        elif c.isdigit():
            words.append(DIGIT_WORDS[int(c)])
        elif c == "-":
            words.append("dash")
        else:
            words.append(NATO[c])
    sep = pick(rng, (" ", " - ", ", "))
    body = sep.join(words)
    return Draft(
        _in_template(rng, "en", category, f"({body})"),
        ("nato_alphabet", "digit_words", "spelled_dot"),
        "en",
        pick(rng, ("chat", "comment", "post")),
    )


def f_diacritics(rng: random.Random, host: str, category: str) -> Draft:
    """Precomposed accented letters (Vietnamese style) over the host, spaced dot."""
    acc = {
        "a": "áàảãạăâ",
        "e": "éèẻẽẹê",
        "o": "óòỏõọôơ",
        "u": "úùủũụư",
        "i": "íìỉĩị",
        "y": "ýỳỷỹỵ",
        "d": "đ",
        "c": "ç",
        "n": "ñ",
    }
    body = "".join(
        pick(rng, acc[c]) if c in acc and rng.random() < 0.6 else c for c in host.split(".")[0]
    )
    rest = ".".join(host.split(".")[1:])
    rest = "".join(pick(rng, acc[c]) if c in acc and rng.random() < 0.5 else c for c in rest)
    dot = pick(rng, (" chấm ", ".", " . ", "点"))
    lang = pick(rng, ("vi", "zh"))
    lead = "Nhà cái uy tín, link: " if lang == "vi" else "最新地址 "
    tail = " nạp 100k tặng 100k" if lang == "vi" else " 注册送彩金"
    return Draft(
        f"{lead}{body}{dot}{rest}{tail}",
        ("diacritics", "dot_word_vi_opt", "vi_wording"),
        lang,
        surface_for(rng, "en"),
    )


def f_nested_defang(rng: random.Random, host: str, category: str) -> Draft:
    """Scheme and dots defanged with brackets of other shapes (〔.〕 ⟨.⟩ ⦅.⦆ 〘.〙 ⌈.⌋ ❨.❩)."""
    lang = pick(rng, ("zh", "en"))
    br = pick(
        rng,
        (("〔", "〕"), ("⟨", "⟩"), ("⦅", "⦆"), ("〘", "〙"), ("❨", "❩"), ("⁅", "⁆"), ("⸨", "⸩")),
    )
    dotted = join_dot(host, f"{br[0]}.{br[1]}")
    scheme = pick(
        rng, ("hxxps" + br[0] + ":" + br[1] + "//", "https" + br[0] + "://" + br[1], "h**ps://", "")
    )
    return Draft(
        _in_template(rng, lang, category, f"{scheme}{dotted}"),
        ("bracket_dot_rare", "scheme_defang", "brackets"),
        lang,
        surface_for(rng, lang),
    )


def f_idn_unicode(rng: random.Random, host: str, category: str) -> Draft:
    """A listed punycode host written in Unicode, full-width dot, sometimes with a scheme."""
    lang = pick(rng, ("zh", "en"))
    uni = host.encode("ascii").decode("idna")
    dot = pick(rng, ("。", "．", "｡", "."))
    shown = join_dot(uni, dot)
    scheme = pick(rng, ("", "https://", "http://"))
    return Draft(
        _in_template(rng, lang, category, f"{scheme}{shown}"),
        ("idn_unicode", "ideographic_dot", "scheme_opt"),
        lang,
        surface_for(rng, lang),
    )


def f_spaced_words_between(rng: random.Random, host: str, category: str) -> Draft:
    """Name, dot and TLD with a short interjection between each piece on one line."""
    lang = pick(rng, ("zh", "en"))
    name, tld = split_host(host)
    fillers = ("（别告诉别人）", "（嘘）", "～") if lang == "zh" else ("(shh)", "(don't tell)", "~")
    dot = pick(rng, ("点", "dot", "."))
    body = f"{name} {pick(rng, fillers)} {dot} {pick(rng, fillers)} {tld}"
    return Draft(
        _in_template(rng, lang, category, body),
        ("interjections", "dot_word", "spaced"),
        lang,
        surface_for(rng, lang),
    )


LINK_FAMILIES: dict[str, tuple[LinkMaker, str]] = {
    "l_vertical": (f_vertical, "any"),
    "l_column_grid": (f_column_grid, "any"),
    "l_box_table": (f_box_table, "any"),
    "l_chatlog": (f_chatlog, "any"),
    "l_acrostic": (f_acrostic, "any"),
    "l_reversed": (f_reversed, "any"),
    "l_emoji_interleave": (f_emoji_interleave, "any"),
    "l_mixed_scripts": (f_mixed_scripts, "any"),
    "l_math_alnum": (f_math_alnum, "any"),
    "l_enclosed": (f_enclosed, "any"),
    "l_super_smallcaps": (f_super_smallcaps, "any"),
    "l_regional": (f_regional, "any"),
    "l_cn_numerals": (f_cn_numerals, "digit"),
    "l_dot_homophone": (f_dot_homophone, "any"),
    "l_percent": (f_percent, "any"),
    "l_ip_literal": (f_ip_literal, "ip"),
    "l_ip_dotted": (f_ip_dotted, "ip"),
    "l_userinfo": (f_userinfo, "any"),
    "l_long_subdomain": (f_long_subdomain, "any"),
    "l_two_lines": (f_two_lines, "any"),
    "l_fields_split": (f_fields_split, "any"),
    "l_instruction": (f_instruction, "any"),
    "l_qr_copy": (f_qr_copy, "any"),
    "l_dot_translit": (f_dot_translit, "any"),
    "l_tld_translit": (f_tld_translit, "any"),
    "l_markup_decoy": (f_markup_decoy, "any"),
    "l_ideographic_spaced": (f_ideographic_spaced, "any"),
    "l_hashtag": (f_hashtag, "any"),
    "l_nato": (f_nato, "any"),
    "l_diacritics": (f_diacritics, "any"),
    "l_nested_defang": (f_nested_defang, "any"),
    "l_idn_unicode": (f_idn_unicode, "idn"),
    "l_words_between": (f_spaced_words_between, "any"),
}


# --------------------------------------------------------------------------- handles

SYLL = (
    "xiao",
    "mei",
    "li",
    "na",
    "tian",
    "mi",
    "jia",
    "yu",
    "lucky",
    "vip",
    "bao",
    "bei",
    "ling",
    "an",
    "qi",
    "coco",
    "amy",
    "kiki",
    "hao",
    "yun",
    "fa",
    "cai",
    "king",
    "win",
    "star",
    "jin",
)


def wechat_id(rng: random.Random) -> str:
    s = pick(rng, SYLL) + pick(rng, SYLL)
    tail = str(rng.randrange(10, 99999))
    return pick(rng, (f"{s}{tail}", f"{s}_{tail}", f"{s}-{tail}", f"{s}{tail}{pick(rng, SYLL)}"))[
        :20
    ]


def qq_id(rng: random.Random) -> str:
    n = rng.choice((8, 9, 9, 10, 10))
    return str(rng.randrange(1, 10)) + "".join(str(rng.randrange(10)) for _ in range(n - 1))


def tg_id(rng: random.Random) -> str:
    return pick(
        rng,
        (
            f"{pick(rng, SYLL)}_{pick(rng, ('casino', 'bet', 'vip', 'club', 'girls', 'signal'))}"
            f"{rng.randrange(10, 999)}",
            f"{pick(rng, SYLL)}{pick(rng, SYLL)}_{pick(rng, ('bot', 'official', 'support'))}",
            f"{pick(rng, SYLL)}{rng.randrange(100, 9999)}{pick(rng, SYLL)}",
        ),
    )


CN_PREFIXES = ("138", "139", "186", "158", "177", "199", "135", "152", "187", "132")


def cn_mobile(rng: random.Random) -> str:
    return pick(rng, CN_PREFIXES) + "".join(str(rng.randrange(10)) for _ in range(8))


def intl_number(rng: random.Random) -> tuple[str, str]:
    """(E.164 digits without +, display form) of a plausible WhatsApp number."""
    cc = pick(rng, ("1", "44", "62", "60", "63", "84", "66", "65"))

    def d(n: int) -> str:
        return "".join(str(rng.randrange(10)) for _ in range(n))

    if cc == "1":
        nat = pick(rng, ("202", "213", "312", "415", "646")) + "555" + "01" + d(2)
        shown = f"+1 ({nat[:3]}) {nat[3:6]}-{nat[6:]}"
    elif cc == "44":
        nat = "7400" + d(6)
        shown = f"+44 {nat[:4]} {nat[4:]}"
    elif cc == "62":
        nat = "812" + d(8)
        shown = f"+62 {nat[:3]}-{nat[3:7]}-{nat[7:]}"
    elif cc == "60":
        nat = "12" + d(7)
        shown = f"+60 {nat[:2]}-{nat[2:5]} {nat[5:]}"
    elif cc == "63":
        nat = "917" + d(7)
        shown = f"+63 {nat[:3]} {nat[3:6]} {nat[6:]}"
    elif cc == "84":
        nat = "9" + pick(rng, ("0", "1", "3", "8")) + d(7)
        shown = f"+84 {nat[:2]} {nat[2:5]} {nat[5:]}"
    elif cc == "66":
        nat = "8" + pick(rng, ("1", "6", "9")) + d(7)
        shown = f"+66 {nat[:2]} {nat[2:5]} {nat[5:]}"
    else:
        nat = "8" + d(7)
        shown = f"+65 {nat[:4]} {nat[4:]}"
    return cc + nat, shown


def line_id(rng: random.Random) -> str:
    return f"{pick(rng, SYLL)}{pick(rng, SYLL)}{rng.randrange(10, 999)}"


GAMBLING_ZH = (
    "百家乐包赢",
    "彩金天天送",
    "每日爆分",
    "时时彩计划群",
    "体育带单 稳赚",
    "代理招募 高返佣",
)
SEX_ZH = ("同城约 上门", "看片资源加", "兼职妹妹 包夜", "裸聊 一对一")
SCAM_ZH = ("刷单日结300", "内部消息 稳赚不赔", "贷款秒批 无视黑白", "USDT高价回收")
GAMBLING_EN = ("casino bonus daily", "sure wins tonight", "betting tips 100% fixed matches")
SEX_EN = ("hot pics and videos", "lonely tonight? private show", "sugar daddy wanted")
SCAM_EN = ("guaranteed profit crypto signals", "work from home $300/day", "loan approved instantly")
PLAIN_ZH = ("有事联系", "合作请加", "备注来意", "客服在线", "")
PLAIN_EN = ("contact me", "for business", "add me", "")


@dataclass(slots=True)
class HandleDraft:
    text: str
    tricks: tuple[str, ...]
    lang: str
    surface: str
    kind: str
    expect: str
    reading: str = ""
    wording: str = ""  # "local": wording of the cue's language, not the harmful/plain bank


HandleMaker = Callable[[random.Random, bool], HandleDraft]


def _harm(rng: random.Random, lang: str) -> str:
    return pick(
        rng, (GAMBLING_ZH + SEX_ZH + SCAM_ZH) if lang == "zh" else (GAMBLING_EN + SEX_EN + SCAM_EN)
    )


def _plain(rng: random.Random, lang: str) -> str:
    return pick(rng, PLAIN_ZH if lang == "zh" else PLAIN_EN)


def _wording(rng: random.Random, lang: str, harmful: bool) -> str:
    return _harm(rng, lang) if harmful else _plain(rng, lang)


def h_foreign_cue(rng: random.Random, harmful: bool) -> HandleDraft:
    """Messenger cues in Vietnamese, Thai, Indonesian, Russian, Korean, Japanese."""
    which = rng.randrange(6)
    if which == 0:  # telegram, Russian
        i = tg_id(rng)
        cue = pick(rng, ("пишите в телеграм: ", "телега: ", "тг: ", "Телеграмм "))
        return HandleDraft(
            f"{cue}{i} {pick(rng, ('ставки', 'подработка', 'знакомства'))}",
            ("cue_russian", "no_at"),
            "ru",
            pick(rng, ("bio", "comment")),
            "telegram",
            i,
            wording="local",
        )
    if which == 1:  # telegram, Korean
        i = tg_id(rng)
        cue = pick(rng, ("텔레그램 ", "텔레 ", "텔레그램 아이디: "))
        return HandleDraft(
            f"{cue}@{i} {pick(rng, ('토토 가입', '문의', '카지노'))}",
            ("cue_korean", "at_id"),
            "ko",
            pick(rng, ("bio", "post")),
            "telegram",
            i,
            wording="local",
        )
    if which == 2:  # line, Thai / Japanese
        i = line_id(rng)
        cue = pick(rng, ("แอดไลน์ ", "ไอดีไลน์: ", "ラインID：", "LINEのID→"))
        lang = "th" if cue[0] in "แไ" else "ja"
        return HandleDraft(
            f"{cue}{i} {pick(rng, ('สนใจทัก', 'お気軽に', 'บาคาร่า'))}",
            ("cue_thai_or_japanese", "line"),
            lang,
            pick(rng, ("bio", "comment")),
            "line",
            i,
            wording="local",
        )
    if which == 3:  # whatsapp, Indonesian
        e164, shown = intl_number(rng)
        cue = pick(rng, ("hubungi WA ", "WA aja kak: ", "chat wasap ", "info lengkap WA: "))
        return HandleDraft(
            f"{cue}{shown} {pick(rng, ('slot gacor', 'pinjol cepat', 'open order'))}",
            ("cue_indonesian", "intl_format"),
            "id",
            pick(rng, ("post", "comment")),
            "whatsapp",
            e164,
            wording="local",
        )
    if which == 4:  # whatsapp, Vietnamese
        e164, shown = intl_number(rng)
        cue = pick(rng, ("liên hệ WhatsApp ", "nhắn Whatsapp: ", "zalo/whatsapp "))
        return HandleDraft(
            f"{cue}{shown} {pick(rng, ('tài xỉu', 'vay tiền nhanh', 'việc nhẹ lương cao'))}",
            ("cue_vietnamese", "intl_format"),
            "vi",
            pick(rng, ("post", "bio")),
            "whatsapp",
            e164,
            wording="local",
        )
    i = wechat_id(rng)  # wechat, Japanese / Korean
    cue = pick(rng, ("ウィーチャット：", "微信（WeChat）ID→", "위챗 아이디: ", "위챗 "))
    lang = "ja" if cue[0] in "ウ微" else "ko"
    return HandleDraft(
        f"{cue}{i} {_wording(rng, 'zh', harmful)}",
        ("cue_foreign_wechat", "mixed_lang"),
        lang,
        pick(rng, ("bio", "chat")),
        "wechat",
        i,
    )


def h_zhuyin_cue(rng: random.Random, harmful: bool) -> HandleDraft:
    """WeChat cues in Zhuyin, in new homophones, and a full-width id."""
    i = wechat_id(rng)
    cue = pick(rng, ("ㄨㄟˊ ㄒㄧㄣˋ：", "徽信：", "危信 ", "薇芯号：", "V❤️：", "ⓥⓧ：", "𝐯𝐱："))
    shown = fullwidth(i) if rng.random() < 0.5 else i
    return HandleDraft(
        f"{cue}{shown} {_wording(rng, 'zh', harmful)}",
        ("cue_homophone_or_zhuyin", "fullwidth_id_opt"),
        "zh",
        surface_for(rng, "zh"),
        "wechat",
        i,
    )


def h_qq_numerals(rng: random.Random, harmful: bool) -> HandleDraft:
    """QQ numbers in Chinese, financial or circled numerals, with separators."""
    i = qq_id(rng)
    style = pick(rng, ("cn", "fin", "circled", "mixed"))
    shown = cn_digits(i, rng, style)
    sep = pick(rng, ("", " ", "·", "-"))
    if sep:
        shown = sep.join(shown[k : k + 3] for k in range(0, len(shown), 3))
    cue = pick(rng, ("扣扣：", "QQ号 ", "企鹅 ", "Q：", "球球："))
    return HandleDraft(
        f"{cue}{shown} {_wording(rng, 'zh', harmful)}",
        (f"numerals_{style}", "grouped_opt", "cue"),
        "zh",
        surface_for(rng, "zh"),
        "qq",
        i,
    )


def h_phone_numerals(rng: random.Random, harmful: bool) -> HandleDraft:
    """Mainland mobiles with Chinese numerals and emoji separators, cue 电话/手机/同微."""
    i = cn_mobile(rng)
    style = pick(rng, ("cn", "fin", "mixed", "circled"))
    shown = cn_digits(i, rng, style)
    e = pick(rng, ("🌹", "💋", "-", " ", "★"))
    shown = e.join((shown[:3], shown[3:7], shown[7:]))
    cue = pick(rng, ("电话：", "手机/微信同号 ", "☎️ ", "联系方式 "))
    return HandleDraft(
        f"{cue}{shown} {_wording(rng, 'zh', harmful)}",
        (f"numerals_{style}", "emoji_groups", "cue"),
        "zh",
        surface_for(rng, "zh"),
        "phone",
        "86" + i,
    )


def h_tg_styled(rng: random.Random, harmful: bool) -> HandleDraft:
    """Telegram names in math letters, small caps or circled letters."""
    i = tg_id(rng)
    style = rng.randrange(4)
    if style == 0:
        shown, t = MATH_STYLES[pick(rng, sorted(MATH_STYLES))](i), "math_letters"
    elif style == 1:
        shown, t = small_caps(i), "small_caps"
    elif style == 2:
        shown, t = circled(i), "circled"
    else:
        shown, t = fullwidth(i), "fullwidth"
    lang = pick(rng, ("zh", "en"))
    cue = (
        pick(rng, ("飞机：@", "TG @", "纸飞机 ", "电报："))
        if lang == "zh"
        else pick(rng, ("Telegram: @", "TG ➜ @", "tele: "))
    )
    return HandleDraft(
        f"{cue}{shown} {_wording(rng, lang, harmful)}",
        (t, "cue"),
        lang,
        pick(rng, ("display_name", "bio", "livestream")),
        "telegram",
        i,
    )


def h_vertical(rng: random.Random, harmful: bool) -> HandleDraft:
    """Cue, then the id one character a line."""
    kind = pick(rng, ("wechat", "qq", "telegram"))
    i = {"wechat": wechat_id, "qq": qq_id, "telegram": tg_id}[kind](rng)
    cue = {"wechat": "薇信👇", "qq": "扣扣👇", "telegram": "飞机👇"}[kind]
    body = "\n".join(i)
    return HandleDraft(
        f"{cue}\n{body}\n{_wording(rng, 'zh', harmful)}",
        ("vertical", "emoji_pointer"),
        "zh",
        "livestream",
        kind,
        i,
    )


def h_chatlog(rng: random.Random, harmful: bool) -> HandleDraft:
    """Id sent in two chat lines with timestamps, cue on the first."""
    kind = pick(rng, ("wechat", "qq", "telegram"))
    i = {"wechat": wechat_id, "qq": qq_id, "telegram": tg_id}[kind](rng)
    lang = pick(rng, ("zh", "en"))
    cue = (
        {"wechat": "加我vx", "qq": "加我扣扣", "telegram": "加我飞机"}
        if lang == "zh"
        else {"wechat": "add my wechat", "qq": "add my QQ", "telegram": "my telegram is"}
    )[kind]
    nick = pick(rng, HANDLE_CHAT_NICKS)
    h, m = rng.randrange(9, 23), rng.randrange(0, 58)
    cut = len(i) // 2
    text = (
        f"[{h:02d}:{m:02d}] {nick}: {cue}\n[{h:02d}:{m:02d}] {nick}: {i[:cut]}\n"
        f"[{h:02d}:{m + 1:02d}] {nick}: {i[cut:]}\n"
        f"[{h:02d}:{m + 1:02d}] {nick}: {_wording(rng, lang, harmful)}"
    )
    return HandleDraft(text, ("chat_log", "split_id", "timestamps"), lang, "chat", kind, i)


def h_reversed(rng: random.Random, harmful: bool) -> HandleDraft:
    """Id reversed with a hint, cue before it."""
    kind = pick(rng, ("wechat", "telegram", "qq"))
    i = {"wechat": wechat_id, "qq": qq_id, "telegram": tg_id}[kind](rng)
    lang = pick(rng, ("zh", "en"))
    cue = (
        {"wechat": "V：", "qq": "Q：", "telegram": "TG："}
        if lang == "zh"
        else {"wechat": "wechat: ", "qq": "qq: ", "telegram": "telegram: "}
    )[kind]
    hint = (
        pick(rng, ("（倒着输入）", "（反过来）"))
        if lang == "zh"
        else pick(rng, ("(type it backwards)", "(reversed)"))
    )
    return HandleDraft(
        f"{cue}{i[::-1]} {hint} {_wording(rng, lang, harmful)}",
        ("reversed", "hint", "cue"),
        lang,
        surface_for(rng, lang),
        kind,
        i,
    )


def h_profile_split(rng: random.Random, harmful: bool) -> HandleDraft:
    """Username holds the cue, bio holds the id (as a profile is shown)."""
    kind = pick(rng, ("wechat", "qq", "telegram"))
    i = {"wechat": wechat_id, "qq": qq_id, "telegram": tg_id}[kind](rng)
    street = {
        "wechat": pick(rng, ("绿泡泡", "VX", "薇")),
        "qq": pick(rng, ("企鹅", "扣扣")),
        "telegram": pick(rng, ("飞机", "TG")),
    }[kind]
    t = pick(
        rng,
        (
            "昵称：找我{s}\n简介：{i} {w}",
            "用户名：{s}在简介\n个人简介：{i}｜{w}",
            "name: {s} below\nbio: {i} {w}",
        ),
    )
    return HandleDraft(
        t.format(s=street, i=i, w=_wording(rng, "zh", harmful)),
        ("fields_split", "street_name"),
        "zh",
        "bio",
        kind,
        i,
    )


def h_whatsapp_intl(rng: random.Random, harmful: bool) -> HandleDraft:
    """International numbers with emoji digits, spelled separators, wa(.)me links."""
    e164, shown = intl_number(rng)
    style = rng.randrange(4)
    if style == 0:
        body, t = f"wa(.)me/{e164}", "wa_me_defang"
    elif style == 1:
        body, t = "".join(f"{c}\ufe0f\u20e3" if c.isdigit() else c for c in shown), "keycap_digits"
    elif style == 2:
        body, t = shown.replace(" ", "🔸").replace("-", "🔸"), "emoji_separators"
    else:
        body, t = fullwidth(shown), "fullwidth"
    cue = pick(rng, ("WhatsApp ", "whatsapp me: ", "WA ☎ ", "Whats App: ", "📲 WhatsApp "))
    lang = "en"
    return HandleDraft(
        f"{cue}{body} {_wording(rng, lang, harmful)}",
        (t, "intl", "cue"),
        lang,
        surface_for(rng, lang),
        "whatsapp",
        e164,
    )


def h_line(rng: random.Random, harmful: bool) -> HandleDraft:
    """LINE ids after 加賴 / LINE➕ / ไลน์, spaced or full-width."""
    i = line_id(rng)
    cue = pick(rng, ("加賴：", "LINE➕ ", "賴ID ", "line id → ", "ไลน์ "))
    shown = pick(rng, (i, fullwidth(i), " ".join(i)))
    return HandleDraft(
        f"{cue}{shown} {_wording(rng, 'zh', harmful)}",
        ("line_cue", "id_form"),
        "zh",
        surface_for(rng, "zh"),
        "line",
        i,
    )


def h_emoji_interleave(rng: random.Random, harmful: bool) -> HandleDraft:
    """Id characters interleaved with one emoji."""
    kind = pick(rng, ("wechat", "qq", "telegram"))
    i = {"wechat": wechat_id, "qq": qq_id, "telegram": tg_id}[kind](rng)
    e = pick(rng, EMOJI)
    cue = {"wechat": "微信", "qq": "QQ", "telegram": "TG"}[kind] + pick(rng, ("：", " ", "➡️"))
    return HandleDraft(
        f"{cue}{e.join(i)} {_wording(rng, 'zh', harmful)}",
        ("emoji_interleave", "cue"),
        "zh",
        surface_for(rng, "zh"),
        kind,
        i,
    )


def h_box(rng: random.Random, harmful: bool) -> HandleDraft:
    """Handle inside a box-drawing frame or table."""
    kind = pick(rng, ("wechat", "qq", "telegram"))
    i = {"wechat": wechat_id, "qq": qq_id, "telegram": tg_id}[kind](rng)
    cue = {"wechat": "微信", "qq": "QQ", "telegram": "Telegram"}[kind]
    style = rng.randrange(2)
    if style == 0:
        text = f"┏━━━━━━━━━━━━┓\n┃ {cue} ┃ {i} ┃\n┗━━━━━━━━━━━━┛\n{_wording(rng, 'zh', harmful)}"
    else:
        text = f"| 联系方式 | 号码 |\n|---|---|\n| {cue} | {i} |\n{_wording(rng, 'zh', harmful)}"
    return HandleDraft(
        text, ("box_or_table", "cue_in_cell"), "zh", pick(rng, ("post", "bio", "listing")), kind, i
    )


def h_instruction(rng: random.Random, harmful: bool) -> HandleDraft:
    """Filler in the id and a sentence to take it out."""
    kind = pick(rng, ("wechat", "telegram"))
    i = {"wechat": wechat_id, "telegram": tg_id}[kind](rng)
    f = pick(rng, ("#", "$", "*", "~"))
    body = f.join(i)
    lang = pick(rng, ("zh", "en"))
    cue = {
        "wechat": "vx：" if lang == "zh" else "wechat: ",
        "telegram": "tg：" if lang == "zh" else "telegram: ",
    }[kind]
    instr = f"（把{f}全部去掉）" if lang == "zh" else f"(remove every {f})"
    return HandleDraft(
        f"{cue}{body} {instr} {_wording(rng, lang, harmful)}",
        ("filler", "instruction", "cue"),
        lang,
        surface_for(rng, lang),
        kind,
        i,
    )


def h_mixed_script_id(rng: random.Random, harmful: bool) -> HandleDraft:
    """Id letters swapped for Cyrillic / Greek look-alikes, the cue in Cyrillic too."""
    kind = pick(rng, ("wechat", "telegram"))
    i = {"wechat": wechat_id, "telegram": tg_id}[kind](rng)
    shown = homoglyph(i, pick(rng, ("cyrillic", "greek")), rng)
    cue = {
        "wechat": pick(rng, ("wеchаt: ", "ᴡᴇᴄʜᴀᴛ: ", "微信：")),
        "telegram": pick(rng, ("tеlеgrаm: ", "Τelegram: ", "TG：@")),
    }[kind]
    lang = pick(rng, ("zh", "en"))
    return HandleDraft(
        f"{cue}{shown} {_wording(rng, lang, harmful)}",
        ("homoglyph_id", "homoglyph_cue_opt"),
        lang,
        surface_for(rng, lang),
        kind,
        i,
    )


HANDLE_FAMILIES: dict[str, HandleMaker] = {
    "h_foreign_cue": h_foreign_cue,
    "h_zhuyin_homophone_cue": h_zhuyin_cue,
    "h_qq_numerals": h_qq_numerals,
    "h_phone_numerals": h_phone_numerals,
    "h_tg_styled": h_tg_styled,
    "h_vertical": h_vertical,
    "h_chatlog": h_chatlog,
    "h_reversed": h_reversed,
    "h_profile_split": h_profile_split,
    "h_whatsapp_intl": h_whatsapp_intl,
    "h_line": h_line,
    "h_emoji_interleave": h_emoji_interleave,
    "h_box": h_box,
    "h_instruction": h_instruction,
    "h_mixed_script_id": h_mixed_script_id,
}


# --------------------------------------------------------------------------- benign

BENIGN_ZH = (
    "会议改到{h}:{m}，地点3.2号会议室，记得带U盘",
    "这件外套{p}元，打完折{q}元，比上周便宜了{d}块",
    "App更新到v{v}了，修复了闪退的问题",
    "今天气温{d}.{m0}度，明天降到{m0}度，注意保暖",
    "快递单号SF{n}，预计{mo}.{dd}送达",
    "第{d}.{m0}节的习题答案在课本{p}页",
    "官方客服邮箱 service@{co}，工作日{h}点到18点",
    "股市收盘：上证指数{p}.{m0}点，涨幅0.{d}%",
    "我的手机号码尾号{m0}{d}，快递到了打电话",
    "周末去{place}玩，门票{p}元一张，{h}点开门",
)
BENIGN_EN = (
    "Meeting moved to {h}:{m} in room 3.2, bring the slides",
    "The jacket was ${p}.99, now ${q}.50 after the discount",
    "Updated to version {v}, it fixes the crash on startup",
    "Reply to support@{co} and they'll sort it out by {h}pm",
    "Train leaves at {h}.{m}, platform {d}, see you there",
    "Score was 3.{m0} out of 5, not bad for a first try",
    "Pi is about 3.14159 and e is 2.718, see chapter {d}.{m0}",
    "Mr. Smith paid $1.5k for the repair, the invoice no. is {n}",
    "Read the docs at docs.python.org, section {d}.{m0}.{d}",
    "I'm at {place} now lol... coming in {d} min",
)
BENIGN_CO = (
    "apple.com",
    "microsoft.com",
    "amazon.com",
    "jd.com",
    "qq.com",
    "163.com",
    "ikea.com",
    "sony.com",
    "airbnb.com",
    "nike.com",
    "hsbc.com.hk",
    "alibaba-inc.com",
)
PLACES = ("Starbucks", "万达广场", "the mall", "西湖", "Central Park", "环球影城")


def benign_text(rng: random.Random) -> tuple[str, str]:
    lang = pick(rng, ("zh", "en"))
    t = pick(rng, BENIGN_ZH if lang == "zh" else BENIGN_EN)
    v = f"{rng.randrange(1, 12)}.{rng.randrange(0, 20)}.{rng.randrange(0, 9)}"
    text = t.format(
        h=rng.randrange(8, 20),
        m=f"{rng.randrange(0, 60):02d}",
        p=rng.randrange(20, 3000),
        q=rng.randrange(10, 20),
        d=rng.randrange(1, 9),
        v=v,
        m0=rng.randrange(0, 9),
        n=rng.randrange(10**9, 10**10),
        co=pick(rng, BENIGN_CO),
        mo=rng.randrange(1, 12),
        dd=rng.randrange(1, 28),
        place=pick(rng, PLACES),
    )
    return lang, text


# --------------------------------------------------------------------------- build


def build_suite(data: Path, seed: int = SEED, per_family: int = PER_FAMILY) -> list[Case]:
    pools = load_pools(data, seed)
    rng = random.Random(seed + 1)
    cases: list[Case] = []
    for family, (maker, pool) in LINK_FAMILIES.items():
        for n in range(per_family):
            if pool == "ip":
                host, source, category = pools.ips.pop(), IP_FILE, "malware"
            elif pool == "idn":
                host, source, category = pools.idn[n % len(pools.idn)]
            elif pool == "digit":
                host, source, category = pools.take_digit()
            else:
                host, source, category = pools.take_any(rng)
            d = maker(rng, host, category)
            surface = d.surface or surface_for(rng, "zh" if d.lang == "zh" else "en")
            cases.append(
                Case(
                    id=f"{family}-{n:03d}",
                    family=family,
                    kind="link",
                    surface=surface,
                    lang=d.lang,
                    text=d.text,
                    expect=host,
                    category=category,
                    source=source,
                    tricks=d.tricks,
                    reading=host,
                    decoys=d.decoys,
                    accept_subdomain=d.accept_subdomain,
                )
            )
    for family, hmaker in HANDLE_FAMILIES.items():
        for n in range(per_family):
            harmful = rng.random() < 0.5
            hd = hmaker(rng, harmful)
            cases.append(
                Case(
                    id=f"{family}-{n:03d}",
                    family=family,
                    kind="handle",
                    wording=hd.wording or ("harmful" if harmful else "plain"),
                    surface=hd.surface,
                    lang=hd.lang,
                    text=hd.text,
                    expect=hd.expect,
                    handle_kind=hd.kind,
                    tricks=hd.tricks,
                    reading=hd.expect,
                )
            )
    # should-review: handles offered with harmful wording, one family per messenger kind mix
    for n in range(per_family * 2):
        hmaker = HANDLE_FAMILIES[pick(rng, sorted(HANDLE_FAMILIES))]
        hd = hmaker(rng, True)
        cases.append(
            Case(
                id=f"r_harmful_handle-{n:03d}",
                family="r_harmful_handle",
                kind="review",
                wording=hd.wording or "harmful",
                surface=hd.surface,
                lang=hd.lang,
                text=hd.text,
                expect=hd.expect,
                handle_kind=hd.kind,
                tricks=hd.tricks,
                reading=hd.expect,
            )
        )
    tricked = (
        "l_math_alnum",
        "l_enclosed",
        "l_emoji_interleave",
        "l_mixed_scripts",
        "l_ideographic_spaced",
        "l_percent",
        "l_qr_copy",
        "l_vertical",
        "l_chatlog",
        "l_box_table",
        "l_two_lines",
        "l_reversed",
    )
    for n in range(per_family * 2):
        family = tricked[n % len(tricked)]
        host, source = pools.take("benign")
        d = LINK_FAMILIES[family][0](rng, host, "benign")
        cases.append(
            Case(
                id=f"b_tricked_unlisted-{n:03d}",
                family="b_tricked_unlisted",
                kind="benign",
                surface=d.surface or surface_for(rng, "zh" if d.lang == "zh" else "en"),
                lang=d.lang,
                text=d.text,
                expect="",
                source=source,
                tricks=d.tricks,
                reading=host,
            )
        )
    for n in range(per_family * 10):
        lang, text = benign_text(rng)
        cases.append(
            Case(
                id=f"b_clean-{n:03d}",
                family="b_clean",
                kind="benign",
                surface=surface_for(rng, lang),
                lang=lang,
                text=text,
                expect="",
            )
        )
    round2 = build_round2(pools, seed, per_family)
    round3 = build_round3(pools, seed, per_family)
    return cases + round2 + round3 + build_round4(pools, seed, per_family)


# --------------------------------------------------------------------------- round 2
# Families added after the first run (their own random stream, drawn after every round-1 case,
# so round-1 cases stay byte-identical). Still held out: Bastion's code was not changed.

UPSIDE = dict(
    zip(
        "abcdefghijklmnopqrstuvwxyz0123456789.-",
        "ɐqɔpǝɟƃɥᴉɾʞlɯuodbɹsʇnʌʍxʎz0ƖᄅƐㄣϛ9ㄥ86˙-",
        strict=True,
    )
)


def upside_down(s: str) -> str:
    return "".join(UPSIDE.get(c, c) for c in reversed(s))


def f2_spoken_zh(rng: random.Random, host: str, category: str) -> Draft:
    """The host described aloud in Chinese: letters listed, digits in Chinese, 点, the TLD."""
    name, tld = split_host(host)
    parts: list[str] = []
    run = ""
    for c in name:
        kind = "d" if c.isdigit() else "l" if c.isalpha() else "s"
        if run and kind != ("d" if run[-1].isdigit() else "l" if run[-1].isalpha() else "s"):
            parts.append(run)
            run = ""
        run += c
    parts.append(run)
    said = []
    for p in parts:
        if p[0].isdigit():
            said.append("数字" + "".join(CN_DIGITS[int(c)] for c in p))
        elif p[0].isalpha():
            said.append("字母" + "、".join(p))
        else:
            said.append({"-": "横杠", ".": "点"}.get(p[0], p) * len(p))
    lead = pick(rng, ("网址念给你：", "官网是", "记一下网址，"))
    tail = pick(rng, ("，最后点{t}", "，然后是点{t}", "，后缀点{t}")).format(t=tld)
    return Draft(
        _in_template(rng, "zh", category, lead + "，".join(said) + tail),
        ("spoken_letters", "cn_digits", "dot_word"),
        "zh",
        surface_for(rng, "zh"),
    )


def f2_bracket_each(rng: random.Random, host: str, category: str) -> Draft:
    """Every character in its own brackets, the dot too."""
    lang = pick(rng, ("zh", "en"))
    br = pick(rng, (("[", "]"), ("(", ")"), ("【", "】"), ("「", "」"), ("{", "}"), ("<", ">")))
    body = "".join(f"{br[0]}{c}{br[1]}" for c in host)
    if rng.random() < 0.5:
        body = body.upper()
    return Draft(
        _in_template(rng, lang, category, body),
        ("bracket_each_char", "bracketed_dot", "case_opt"),
        lang,
        surface_for(rng, lang),
    )


def f2_keycap(rng: random.Random, host: str, category: str) -> Draft:
    """Digits of a host as keycap emoji, the dot as an emoji or word, letters in full width."""
    lang = pick(rng, ("zh", "en"))
    name, tld = split_host(host)
    body = "".join(f"{c}\ufe0f\u20e3" if c.isdigit() else c for c in name)
    if rng.random() < 0.5:
        body = fullwidth(body.replace("\ufe0f\u20e3", "\x00")).replace("\x00", "\ufe0f\u20e3")
    dot = pick(rng, ("🔘", "点", " dot ", "⏺"))
    return Draft(
        _in_template(rng, lang, category, f"{body}{dot}{tld}"),
        ("keycap_digits", "emoji_or_word_dot", "fullwidth_opt"),
        lang,
        surface_for(rng, lang),
    )


def f2_padding(rng: random.Random, host: str, category: str) -> Draft:
    """30,000 invisible or blank characters before a disguised link (past the 20,000 limit)."""
    lang = pick(rng, ("zh", "en"))
    pad_char = pick(rng, ("\u200b", "\u3000", "\ufe0f", "\u2060", " "))
    pad = (
        pad_char * 30000
        if rng.random() < 0.5
        else "".join(
            pick(rng, ("\u200b", "\u200c", "\u200d", "\u3000", "\ufe0f")) for _ in range(30000)
        )
    )
    name, tld = split_host(host)
    dot = pick(rng, ("点", "。", " dot ", "(.)"))
    return Draft(
        pad + _in_template(rng, lang, category, f"{fullwidth(name)}{dot}{tld}"),
        ("invisible_padding", "fullwidth", "dot"),
        lang,
        surface_for(rng, lang),
    )


def f2_en_phrasing(rng: random.Random, host: str, category: str) -> Draft:
    """The host given in an English sentence: name first, ending described in words."""
    name, tld = split_host(host)
    t = pick(
        rng,
        (
            "type {n} in your browser and put .{t} at the end",
            "site is {n} , ending is {t} (with a dot before it)",
            "google won't show it, go straight to {n} then dot {t}",
            "it's {n} + .{t}, don't click links, type it",
        ),
    )
    return Draft(
        _in_template(rng, "en", category, t.format(n=name, t=tld)),
        ("english_instruction", "tld_apart", "dot_word_opt"),
        "en",
        surface_for(rng, "en"),
    )


def f2_upside_down(rng: random.Random, host: str, category: str) -> Draft:
    """Host turned upside down (flipped letters, reversed order) with a hint."""
    lang = pick(rng, ("zh", "en"))
    hint = pick(rng, ("（手机倒过来看）", "（倒着看）")) if lang == "zh" else "(turn your phone)"
    return Draft(
        _in_template(rng, lang, category, f"{upside_down(host)} {hint}"),
        ("upside_down", "reversed", "hint"),
        lang,
        surface_for(rng, lang),
    )


LINK_FAMILIES_2: dict[str, tuple[LinkMaker, str]] = {
    "l2_spoken_zh": (f2_spoken_zh, "any"),
    "l2_bracket_each": (f2_bracket_each, "any"),
    "l2_keycap": (f2_keycap, "digit"),
    "l2_padding": (f2_padding, "any"),
    "l2_en_phrasing": (f2_en_phrasing, "any"),
    "l2_upside_down": (f2_upside_down, "any"),
}


def h2_spoken_symbols(rng: random.Random, harmful: bool) -> HandleDraft:
    """An id whose ``_`` or ``-`` is said in words (下划线, 横杠, underscore, dash)."""
    kind = pick(rng, ("wechat", "telegram"))
    i = ""
    while "_" not in i and "-" not in i:
        i = wechat_id(rng) if kind == "wechat" else tg_id(rng)
    lang = pick(rng, ("zh", "en"))
    if lang == "zh":
        shown = i.replace("_", pick(rng, ("下划线", "(下划线)"))).replace(
            "-", pick(rng, ("横杠", "减号"))
        )
        cue = "微信号：" if kind == "wechat" else "飞机号："
        tail = pick(rng, ("（全小写）", ""))
    else:
        shown = i.replace("_", pick(rng, (" underscore ", "(underscore)"))).replace("-", " dash ")
        cue = "wechat id: " if kind == "wechat" else "telegram: "
        tail = pick(rng, ("(all lowercase)", ""))
    return HandleDraft(
        f"{cue}{shown}{tail} {_wording(rng, lang, harmful)}",
        ("symbol_words", "cue", "case_hint_opt"),
        lang,
        surface_for(rng, lang),
        kind,
        i,
    )


def h2_qq_mail(rng: random.Random, harmful: bool) -> HandleDraft:
    """A QQ number given as its QQ mailbox, the dot or at spelled."""
    i = qq_id(rng)
    at = pick(rng, ("@", "＠", "艾特", "(at)"))
    dot = pick(rng, (".", "点", "。"))
    lead = pick(rng, ("QQ邮箱：", "发我邮箱 ", "企鹅邮箱 "))
    return HandleDraft(
        f"{lead}{i}{at}qq{dot}com {_wording(rng, 'zh', harmful)}",
        ("qq_mailbox", "spelled_at_opt", "dot_opt"),
        "zh",
        surface_for(rng, "zh"),
        "qq",
        i,
    )


def h2_tg_link(rng: random.Random, harmful: bool) -> HandleDraft:
    """Telegram links defanged or spelled: t[.]me, t。me, telegram.me, t dot me slash."""
    i = tg_id(rng)
    lang = pick(rng, ("zh", "en"))
    form = pick(
        rng,
        (
            f"t[.]me/{i}",
            f"t。me/{i}",
            f"telegram[.]me/{i}",
            f"t dot me slash {i}",
            f"ｔ．ｍｅ／{fullwidth(i)}",
            f"t点me/{i}",
            f"hxxps://t[.]me/{i}",
        ),
    )
    return HandleDraft(
        f"{form} {_wording(rng, lang, harmful)}",
        ("tme_defanged", "link_handle"),
        lang,
        surface_for(rng, lang),
        "telegram",
        i,
    )


def h2_wa_link(rng: random.Random, harmful: bool) -> HandleDraft:
    """WhatsApp click-to-chat links in their other shapes, some defanged."""
    e164, _shown = intl_number(rng)
    form = pick(
        rng,
        (
            f"https://api.whatsapp.com/send?phone={e164}",
            f"api[.]whatsapp[.]com/send?phone=+{e164}&text=hi",
            f"wa[.]me/+{e164}",
            f"whatsapp://send?phone=%2B{e164}",
            f"wa。me/{e164}",
            f"https://wa.me/{e164}?text=%E4%BD%A0%E5%A5%BD",
        ),
    )
    lang = pick(rng, ("zh", "en"))
    return HandleDraft(
        f"{form} {_wording(rng, lang, harmful)}",
        ("wa_link_shape", "defang_opt"),
        lang,
        surface_for(rng, lang),
        "whatsapp",
        e164,
    )


def h2_phone_spoken_en(rng: random.Random, harmful: bool) -> HandleDraft:
    """A US or mainland number read aloud in English with double / triple and oh."""
    if rng.random() < 0.5:
        nat = pick(rng, ("202", "213", "312")) + "555" + "01" + str(rng.randrange(10, 99))
        digits, expect, lead = nat, "1" + nat, "plus one "
    else:
        nat = cn_mobile(rng)
        digits, expect, lead = nat, "86" + nat, pick(rng, ("", "plus eight six "))
    words: list[str] = []
    k = 0
    names = ["oh" if rng.random() < 0.5 else "zero", *DIGIT_WORDS[1:]]
    while k < len(digits):
        run = 1
        while k + run < len(digits) and digits[k + run] == digits[k] and run < 3:
            run += 1
        word = names[int(digits[k])]
        if run == 3:
            words.append(f"triple {word}")
        elif run == 2:
            words.append(f"double {word}")
        else:
            words.append(word)
        k += run
    cue = pick(rng, ("call or whatsapp me ", "my number: ", "text me at "))
    return HandleDraft(
        f"{cue}{lead}{' '.join(words)} {_wording(rng, 'en', harmful)}",
        ("digits_as_words", "double_triple"),
        "en",
        surface_for(rng, "en"),
        "phone",
        expect,
    )


HANDLE_FAMILIES_2: dict[str, HandleMaker] = {
    "h2_spoken_symbols": h2_spoken_symbols,
    "h2_qq_mail": h2_qq_mail,
    "h2_tg_link": h2_tg_link,
    "h2_wa_link": h2_wa_link,
    "h2_phone_spoken_en": h2_phone_spoken_en,
}


def build_round2(pools: Pools, seed: int, per_family: int) -> list[Case]:
    rng = random.Random(seed + 2)
    cases: list[Case] = []
    for family, (maker, pool) in LINK_FAMILIES_2.items():
        for n in range(per_family):
            if pool == "digit":
                host, source, category = pools.take_digit()
            else:
                host, source, category = pools.take_any(rng)
            d = maker(rng, host, category)
            cases.append(
                Case(
                    id=f"{family}-{n:03d}",
                    family=family,
                    kind="link",
                    surface=d.surface or surface_for(rng, "zh" if d.lang == "zh" else "en"),
                    lang=d.lang,
                    text=d.text,
                    expect=host,
                    category=category,
                    source=source,
                    tricks=d.tricks,
                    reading=host,
                    round=2,
                )
            )
    for family, hmaker in HANDLE_FAMILIES_2.items():
        for n in range(per_family):
            harmful = rng.random() < 0.5
            hd = hmaker(rng, harmful)
            cases.append(
                Case(
                    id=f"{family}-{n:03d}",
                    family=family,
                    kind="handle",
                    wording=hd.wording or ("harmful" if harmful else "plain"),
                    surface=hd.surface,
                    lang=hd.lang,
                    text=hd.text,
                    expect=hd.expect,
                    handle_kind=hd.kind,
                    tricks=hd.tricks,
                    reading=hd.expect,
                    round=2,
                )
            )
    return cases


# --------------------------------------------------------------------------- round 3
# Added after round 2's run (own random stream, drawn after every earlier case).

RARE_DOTS = ("\ufe52", "\ufe12", "\u2024", "\u2027", "\u2219", "\u2e33", "\ua4f8", "\u00b7\u00b7")
SUBSCRIPT_DIGITS = "₀₁₂₃₄₅₆₇₈₉"


def f3_rare_dots(rng: random.Random, host: str, category: str) -> Draft:
    """Dot glyphs from small forms, vertical forms, leaders, Lisu tone marks; mixed case."""
    lang = pick(rng, ("zh", "en"))
    dot = pick(rng, RARE_DOTS)
    body = join_dot(host, dot)
    if rng.random() < 0.5:
        body = "".join(c.upper() if rng.random() < 0.5 else c for c in body)
    scheme = pick(rng, ("", "https:／／"))
    return Draft(
        _in_template(rng, lang, category, scheme + body),
        ("rare_dot_glyph", "case_mix_opt", "fullwidth_slash_opt"),
        lang,
        surface_for(rng, lang),
    )


def f3_subscript_digits(rng: random.Random, host: str, category: str) -> Draft:
    """Digits as subscripts or superscripts, letters in full width, a spelled dot."""
    lang = pick(rng, ("zh", "en"))
    name, tld = split_host(host)
    sub = rng.random() < 0.5
    body = "".join(
        (SUBSCRIPT_DIGITS[int(c)] if sub else SUPERSCRIPT[c]) if c.isdigit() else c for c in name
    )
    if rng.random() < 0.5:
        body = "".join(fullwidth(c) if c.isascii() else c for c in body)
    dot = pick(rng, ("点", " dot ", "。", "(.)"))
    return Draft(
        _in_template(rng, lang, category, f"{body}{dot}{tld}"),
        ("subscript_digits" if sub else "superscript_digits", "fullwidth_opt", "dot"),
        lang,
        surface_for(rng, lang),
    )


LINK_FAMILIES_3: dict[str, tuple[LinkMaker, str]] = {
    "l3_rare_dots": (f3_rare_dots, "any"),
    "l3_subscript_digits": (f3_subscript_digits, "digit"),
}


def h3_slang_cues(rng: random.Random, harmful: bool) -> HandleDraft:
    """Street names and emoji for the messengers (卫星, 小飞机, 🛩, 小企鹅, 🟢), ids plain."""
    kind = pick(rng, ("wechat", "telegram", "qq"))
    if kind == "wechat":
        i = wechat_id(rng)
        cue = pick(rng, ("加卫星：", "🟢：", "小绿：", "VX同号 ", "威❤号 "))
    elif kind == "telegram":
        i = tg_id(rng)
        cue = pick(rng, ("小飞机：", "🛩 @", "✈️号 ", "电报群：@", "TG频道 @"))
    else:
        i = qq_id(rng)
        cue = pick(rng, ("小企鹅：", "🐧号 ", "扣群 ", "Q裙："))
    return HandleDraft(
        f"{cue}{i} {_wording(rng, 'zh', harmful)}",
        ("slang_cue", "emoji_cue_opt"),
        "zh",
        surface_for(rng, "zh"),
        kind,
        i,
    )


HANDLE_FAMILIES_3: dict[str, HandleMaker] = {"h3_slang_cues": h3_slang_cues}


def build_round3(pools: Pools, seed: int, per_family: int) -> list[Case]:
    rng = random.Random(seed + 3)
    cases: list[Case] = []
    for family, (maker, pool) in LINK_FAMILIES_3.items():
        for n in range(per_family):
            if pool == "digit":
                host, source, category = pools.take_digit()
            else:
                host, source, category = pools.take_any(rng)
            d = maker(rng, host, category)
            cases.append(
                Case(
                    id=f"{family}-{n:03d}",
                    family=family,
                    kind="link",
                    surface=d.surface,
                    lang=d.lang,
                    text=d.text,
                    expect=host,
                    category=category,
                    source=source,
                    tricks=d.tricks,
                    reading=host,
                    round=3,
                )
            )
    for family, hmaker in HANDLE_FAMILIES_3.items():
        for n in range(per_family):
            harmful = rng.random() < 0.5
            hd = hmaker(rng, harmful)
            cases.append(
                Case(
                    id=f"{family}-{n:03d}",
                    family=family,
                    kind="handle",
                    wording="harmful" if harmful else "plain",
                    surface=hd.surface,
                    lang=hd.lang,
                    text=hd.text,
                    expect=hd.expect,
                    handle_kind=hd.kind,
                    tricks=hd.tricks,
                    reading=hd.expect,
                    round=3,
                )
            )
    return cases


# --------------------------------------------------------------------------- round 4
# Added after round 3's run (own random stream, drawn after every earlier case).

SMS_BRANDS = (
    "【中国银行】",
    "【工商银行】",
    "【顺丰速运】",
    "【中国移动】",
    "【ETC服务】",
    "【医保中心】",
)


def f4_cn_paren_dot(rng: random.Random, host: str, category: str) -> Draft:
    """A dot in full-width or CJK brackets (（点） 〔.〕 ﹝.﹞ ［点］), spaced or not."""
    br = pick(
        rng, (("（", "）"), ("〔", "〕"), ("﹝", "﹞"), ("［", "］"), ("﹙", "﹚"), ("〖", "〗"))
    )
    inner = pick(rng, ("点", ".", "。", "dot"))
    sp = pick(rng, ("", " "))
    body = join_dot(host, f"{sp}{br[0]}{inner}{br[1]}{sp}")
    return Draft(
        _in_template(rng, "zh", category, body),
        ("cjk_bracket_dot", "dot_word_opt", "spaced_opt"),
        "zh",
        surface_for(rng, "zh"),
    )


def f4_sms_spaced(rng: random.Random, host: str, category: str) -> Draft:
    """A Chinese SMS with a brand in 【】, the host with spaces around every dot, 回T退订."""
    body = join_dot(host, pick(rng, (" . ", " 。 ", " ． ")))
    t = pick(
        rng,
        (
            "{b}您的积分即将清零，请登录 {h} 兑换礼品，回T退订",
            "{b}您的包裹地址不详，请于24小时内访问 {h} 更新，回T退订",
            "{b}您的账户已被冻结，请尽快登录 {h} 解除，逾期作废",
        ),
    )
    return Draft(
        t.format(b=pick(rng, SMS_BRANDS), h=body),
        ("sms_brand", "spaced_dots", "scam_wording"),
        "zh",
        "chat",
    )


LINK_FAMILIES_4: dict[str, tuple[LinkMaker, str]] = {
    "l4_cn_paren_dot": (f4_cn_paren_dot, "any"),
    "l4_sms_spaced": (f4_sms_spaced, "any"),
}


def h4_line_official(rng: random.Random, harmful: bool) -> HandleDraft:
    """LINE official ids with @ (加LINE好友 / 官方帳號 / 搜尋ID), in traditional Chinese."""
    i = line_id(rng)
    cue = pick(rng, ("加LINE好友 @", "LINE官方帳號：@", "賴搜尋ID ", "LINE 🔍 @", "line@ "))
    shown = pick(rng, (i, fullwidth(i), i.upper()))
    return HandleDraft(
        f"{cue}{shown}（要加@） {_wording(rng, 'zh', harmful)}",
        ("line_official_cue", "id_form", "at_hint"),
        "zh",
        surface_for(rng, "zh"),
        "line",
        i,
    )


HANDLE_FAMILIES_4: dict[str, HandleMaker] = {"h4_line_official": h4_line_official}


def build_round4(pools: Pools, seed: int, per_family: int) -> list[Case]:
    rng = random.Random(seed + 4)
    cases: list[Case] = []
    for family, (maker, _pool) in LINK_FAMILIES_4.items():
        for n in range(per_family):
            host, source, category = pools.take_any(rng)
            d = maker(rng, host, category)
            cases.append(
                Case(
                    id=f"{family}-{n:03d}",
                    family=family,
                    kind="link",
                    surface=d.surface,
                    lang=d.lang,
                    text=d.text,
                    expect=host,
                    category=category,
                    source=source,
                    tricks=d.tricks,
                    reading=host,
                    round=4,
                )
            )
    for family, hmaker in HANDLE_FAMILIES_4.items():
        for n in range(per_family):
            harmful = rng.random() < 0.5
            hd = hmaker(rng, harmful)
            cases.append(
                Case(
                    id=f"{family}-{n:03d}",
                    family=family,
                    kind="handle",
                    wording="harmful" if harmful else "plain",
                    surface=hd.surface,
                    lang=hd.lang,
                    text=hd.text,
                    expect=hd.expect,
                    handle_kind=hd.kind,
                    tricks=hd.tricks,
                    reading=hd.expect,
                    round=4,
                )
            )
    return cases


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=REPO_ROOT.parent / "shared" / "data")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args(argv)
    cases = build_suite(args.data, args.seed)
    out = args.out.open("w", encoding="utf-8") if args.out else sys.stdout
    for case in cases:
        out.write(json.dumps(case.to_dict(), ensure_ascii=False) + "\n")
    if args.out:
        out.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
