"""Fourth held-out red-team suite: composed disguises a spammer writes after reading issue 6.

Written without reading the unmasker, the extractors or the earlier suites. Every family composes
two or three tricks over real listed hosts from ``shared/data`` (the lists
``bench.common.build_home`` imports) inside spam phrasing for a surface (username, display name,
bio, post, comment, chat, live-stream title, listing, map place), in Chinese or English. Kinds:

- ``link``: a careful reader recovers the listed host without guessing; Bastion must report it.
- ``handle``: the same for a messenger id or phone number.
- ``review``: a reader cannot be sure (a glued TLD, a masked character, a homophone TLD, an id
  with no app named beside gambling wording); the right verdict is ``review`` (``act`` too).
- ``benign``: tricky clean text (clock times with Latin words, versions, file names, clean
  links and e-mails, real messages); the right verdict is ``allow``.

The families live in ``bench/redteam4_links.py`` and ``bench/redteam4_other.py``; this module
holds the case type, the host pools and the suite builder. Seeded: the same data gives the same
suite. ``python -m bench.redteam4 [--data DIR]`` prints a few cases of every family.
"""

from __future__ import annotations

import argparse
import random
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from bench.common import EVAL_FEEDS, data_dir, read_hosts, read_ips

SEED = 20261207
PER_FAMILY = 60
KINDS = ("link", "handle", "review", "benign")
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
HARMFUL = ("gambling", "porn", "scam", "phishing", "malware")
SIMPLE_TLDS = (
    "com",
    "net",
    "org",
    "vip",
    "cc",
    "top",
    "club",
    "me",
    "tv",
    "xyz",
    "win",
    "bet",
    "io",
    "co",
    "info",
    "live",
    "site",
    "online",
    "app",
    "shop",
    "fun",
    "pro",
    "asia",
    "biz",
)
_SIMPLE = re.compile(r"^[a-z][a-z0-9]{2,15}\.(" + "|".join(SIMPLE_TLDS) + r")$")
_MULTI = re.compile(r"^[a-z0-9][a-z0-9-]{0,30}(\.[a-z0-9][a-z0-9-]{0,30}){2,3}\.[a-z]{2,6}$")


@dataclass(frozen=True, slots=True)
class Case:
    """One message: what it hides (``expect``), where it was posted and which tricks hide it."""

    id: str
    family: str
    kind: str
    surface: str
    lang: str
    text: str
    expect: str = ""
    handle_kind: str = ""
    tricks: tuple[str, ...] = ()
    decoys: tuple[str, ...] = ()
    accept_subdomain: bool = False
    wording: str = ""
    category: str = ""
    round: int = 1


@dataclass
class Pools:
    """Listed hosts by use, sorted (so a seed picks the same ones), and the clean controls."""

    zh_gamble: list[str]
    en_gamble: list[str]
    porn: list[str]
    scam: list[str]
    phishing: list[str]
    multi_label: list[str]
    ips: list[str]
    phish_urls: list[str]
    listed: dict[str, str]
    clean_domains: list[str]
    clean_cn: list[str]
    texts: dict[str, list[str]] = field(default_factory=dict)

    def category(self, host: str) -> str:
        return self.listed.get(host, "")


def listed_hosts(data: Path) -> dict[str, str]:
    """Every host of a harmful evaluation feed (first category wins), shorteners left out."""
    out: dict[str, str] = {}
    short: set[str] = set()
    for rel, category, fmt, _source in EVAL_FEEDS:
        path = data / rel
        if fmt == "ips" or fmt == "urls":
            continue
        hosts = set(read_hosts(path))
        if category in HARMFUL:
            for h in sorted(hosts):
                out.setdefault(h, category)
        else:
            short |= hosts
    return {h: c for h, c in out.items() if h not in short}


def _url_hosts(path: Path) -> list[tuple[str, str]]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^https?://([a-z0-9.-]+)(/\S*)?$", line.strip().lower())
        if m:
            out.append((m.group(1), m.group(2) or "/"))
    return out


def load_pools(data: Path) -> Pools:
    """The pools the families draw from: simple two-label names per use, multi-label phishing
    hosts, malware IPs, phishing URLs, clean popular domains (not listed) and real texts."""
    from bench.common import sms, telecom, weibo_comments, youtube

    listed = listed_hosts(data)
    tranco = set()
    tpath = data / "tranco-top-100k" / "tranco_top_100k.tsv"
    rows = tpath.read_text(encoding="utf-8").splitlines()
    ranked = sorted(
        (int(r.split("\t")[0]), r.split("\t")[1].strip().lower())
        for r in rows[1:]
        if "\t" in r and r.split("\t")[0].isdigit()
    )
    tranco = {d for _, d in ranked}

    def simple(rel: str) -> list[str]:
        hosts = {h for h in read_hosts(data / rel) if _SIMPLE.match(h)}
        return sorted(h for h in hosts if h in listed and h not in tranco)

    porn = sorted(
        set(simple("sinfonietta-hostfiles/pornography.txt"))
        | set(simple("v2fly-domain-list-community/category-porn.tsv"))
    )
    en_gamble = sorted(
        set(simple("sinfonietta-hostfiles/gambling.txt"))
        | set(simple("v2fly-domain-list-community/category-betting-ru.tsv"))
    )
    phish_path = data / "phishing-database-links" / "phishing-links-active.txt"
    phish_urls = [
        h + p for h, p in _url_hosts(phish_path) if h in listed and p != "/" and len(p) < 60
    ]
    multi = sorted(
        h
        for h in listed
        if _MULTI.match(h) and listed[h] in ("phishing", "scam") and not h.startswith("www.")
    )
    ips = sorted(read_ips(data / "blocklistproject-lists" / "malware_ip.txt"))
    clean = [
        d
        for _, d in ranked[:4000]
        if _SIMPLE.match(d)
        and d not in listed
        and not any(d.endswith("." + h) for h in (d.split(".", 1)[-1],) if h in listed)
    ]
    cn_rows = (
        (data / "v2fly-domain-list-community" / "geolocation-cn.tsv")
        .read_text(encoding="utf-8")
        .splitlines()
    )
    clean_cn = sorted(
        {
            r.split("\t")[1]
            for r in cn_rows[1:]
            if r.startswith("domain\t")
            and "ads" not in r.split("\t")[2]
            and _SIMPLE.match(r.split("\t")[1])
            and r.split("\t")[1] not in listed
        }
    )
    texts = {
        "sms_ham": [t for label, t in sms(data) if label == "ham"],
        "telecom_normal": [t for label, t in telecom(data) if label == "0"],
        "youtube_ham": [t for label, t in youtube(data) if label == "0"],
        "weibo": weibo_comments(data, 3000),
    }
    return Pools(
        zh_gamble=simple("hostsvn-gambling-vn/gambling_vn.txt"),
        en_gamble=en_gamble,
        porn=porn,
        scam=simple("blocklistproject-lists/scam.txt"),
        phishing=simple("blocklistproject-lists/phishing.txt"),
        multi_label=multi,
        ips=ips,
        phish_urls=phish_urls,
        listed=listed,
        clean_domains=clean,
        clean_cn=clean_cn,
        texts=texts,
    )


# ---------------------------------------------------------------- spam phrasing, per surface

ZH_BODY = {
    "gambling": [
        "官网{L} 注册就送888彩金",
        "最新网址：{L} 收藏防走丢",
        "{L} 百家乐 真人 体育 首充送100%",
        "打不开就换 {L} ，老虎机天天爆分",
        "澳门新葡京 {L} 日出千万 秒到账",
        "彩票计划群满了，直接上{L}",
        "上{L}，输了包赔，VIP返水1.5%",
    ],
    "porn": [
        "看片地址 {L} 永久免费",
        "福利姬资源 {L} 每日更新",
        "同城约 {L} 真实可约 不满意不收费",
        "成人直播 {L} 一对一",
        "国产精品 {L} 无需翻墙",
        "91小视频合集 {L} 懂的来",
    ],
    "scam": [
        "兼职刷单日结 {L} 注册领佣金",
        "您的账户异常，请登录 {L} 验证",
        "免费领取iPhone，打开 {L}",
        "投资USDT日赚3%，平台 {L}",
    ],
}
ZH_BODY["phishing"] = ZH_BODY["scam"]
EN_BODY = {
    "gambling": [
        "Best odds tonight! Bet now at {L}",
        "Free $50 no deposit bonus: {L}",
        "Join {L} and spin 100 free slots",
        "Sports betting tips + live casino {L}",
        "Jackpot just hit 2.5M, play at {L}",
    ],
    "porn": [
        "Hot girls live now 👉 {L}",
        "Full video here: {L}",
        "Lonely tonight? {L} free signup",
        "18+ only {L}",
        "my private pics are on {L} 😘",
    ],
    "scam": [
        "Work from home $300/day, sign up {L}",
        "You won a gift card! Claim: {L}",
        "Double your crypto in 24h {L}",
        "Guaranteed 20% weekly returns, register at {L}",
    ],
    "phishing": [
        "Your account has been suspended. Verify at {L}",
        "Unusual sign-in detected, secure your account: {L}",
        "Your parcel is on hold, pay the $1.99 fee at {L}",
        "Apple ID locked, unlock at {L}",
        "Netflix: payment failed, update your card at {L}",
    ],
}
EN_BODY["malware"] = [
    "Update your Flash player: {L}",
    "Download the invoice from {L}",
    "New cracked APK at {L}",
]
ZH_BODY["malware"] = ["最新破解版下载 {L}", "发票请从 {L} 下载", "外挂免费下载 {L}"]

ZH_WRAP = {
    "username": "{B}",
    "display_name": "小美🌸{B}",
    "bio": "个人简介｜{B}",
    "post": "{B}",
    "comment": "楼主说得对 {B}",
    "chat": "在吗？{B}",
    "livestream": "🔴直播中｜今晚8点开车🚗 {B}",
    "listing": "【充值卡】{B} 24h自动发货 ¥9.9",
    "map_place": "{B}棋牌会所（中山路店）",
}
EN_WRAP = {
    "username": "{B}",
    "display_name": "Jenny💋 {B}",
    "bio": "DM for collab | {B}",
    "post": "{B}",
    "comment": "great video!! {B}",
    "chat": "hey there :) {B}",
    "livestream": "🔴 LIVE NOW | {B}",
    "listing": "[Gift card] {B} instant delivery $9.99",
    "map_place": "{B} Lounge & Club",
}
TEXT_SURFACES = ("bio", "post", "comment", "chat", "livestream", "listing")


def body(rng: random.Random, lang: str, category: str, link: str) -> str:
    table = ZH_BODY if lang == "zh" else EN_BODY
    return rng.choice(table.get(category) or table["scam"]).replace("{L}", link)


def wrap(lang: str, surface: str, text: str) -> str:
    return (ZH_WRAP if lang == "zh" else EN_WRAP)[surface].replace("{B}", text)


# ---------------------------------------------------------------- suite

Family = Callable[[random.Random, Pools, int, str], Case]
"""(rng, pools, index, family name) -> one case."""


def families() -> dict[str, Family]:
    from bench.redteam4_links import LINK_FAMILIES
    from bench.redteam4_other import OTHER_FAMILIES

    return {**LINK_FAMILIES, **OTHER_FAMILIES}


def build_suite(data: Path, per_family: int = PER_FAMILY) -> list[Case]:
    """Every family's cases, each family from its own seeded generator."""
    pools = load_pools(data)
    cases: list[Case] = []
    for name, make in families().items():
        rng = random.Random(f"{SEED}:{name}")
        for i in range(per_family):
            cases.append(make(rng, pools, i, name))
    return cases


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=None)
    parser.add_argument("--show", type=int, default=2)
    args = parser.parse_args(argv)
    cases = build_suite(data_dir(args.data))
    seen: dict[str, int] = {}
    for c in cases:
        seen[c.family] = seen.get(c.family, 0) + 1
        if seen[c.family] <= args.show:
            print(f"{c.family:32} {c.kind:6} {c.surface:12} {c.expect!r:28} {c.text!r}")
    print(f"{len(cases)} cases, {len(seen)} families")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
