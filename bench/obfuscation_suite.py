"""A seeded suite of obfuscated links and contact handles built from real listed domains.

Recall means little if it is measured on text the detector's authors typed. So the hosts come from
the real gambling, porn, scam and phishing lists in ``shared/data`` and each is hidden with every
trick of ``bench.tricks`` inside ordinary Chinese or English carrier sentences. Handles, phones,
IPs (from the real malware/abuse IP lists), e-mails and deep links complete it. One case per
(domain, trick) pair, so every trick gets the same domains and per-trick recall is comparable.

``python -m bench.obfuscation_suite`` prints the per-trick counts and writes a summary.
"""

from __future__ import annotations

import argparse
import random
from collections import Counter
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

import phonenumbers

from bastion.suffixes import registrable_domain
from bench import common, tricks

SEED = 1124
HOST_SOURCES: dict[str, tuple[str, ...]] = {
    "gambling": (
        "sinfonietta-hostfiles/gambling.txt",
        "hostsvn-gambling-vn/gambling_vn.txt",
        "v2fly-domain-list-community/category-betting-ru.tsv",
    ),
    "porn": (
        "v2fly-domain-list-community/category-porn.tsv",
        "sinfonietta-hostfiles/pornography.txt",
    ),
    "scam": ("blocklistproject-lists/scam.txt",),
    "phishing": ("blocklistproject-lists/phishing.txt",),
}
IP_SOURCES = ("blocklistproject-lists/malware_ip.txt", "blocklistproject-lists/abuse_ip.txt")

HOST_CARRIERS = {
    "zh": ("官网{x}注册就送888元彩金", "最新地址：{x} 收藏不迷路", "点击{x}领取新人福利",
           "复制{x}到浏览器打开", "{x} 首充返水百分之三十", "老司机都懂的{x}，今晚更新",
           "您的账户存在异常，请登录{x}完成验证", "备用网址 {x} 防失联", "{x}"),
    "en": ("Check out {x} for a free bonus", "Win big at {x} today!",
           "new link: {x} (copy to browser)", "Your account is locked, verify at {x} now",
           "hot pics here -> {x}", "{x}",
           "Claim your reward at {x} before midnight"),
}  # fmt: skip
HANDLE_CARRIERS = {
    "zh": ("{x} 带你日赚三千", "想要资源的{x}", "兼职刷单，日结，{x}", "{x}，备注来意",
           "招代理 {x}", "详情咨询{x}", "{x}"),
    "en": ("DM me {x} for details", "Contact {x} now", "{x} for more info", "Add {x} to join",
           "{x}"),
}  # fmt: skip
PHONE_CARRIERS = {
    "zh": ("贷款秒批，联系电话{x}", "有意者打{x}", "手机{x}，同微信", "客服热线：{x}"),
    "en": ("Call or text {x} now", "Hotline {x}", "Loans approved fast, ring {x}"),
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Case:
    """One test text: what it hides (kind family and value) and which trick hid it."""

    id: str
    trick: str
    kind: str
    value: str
    text: str
    lang: str
    token: str

    def to_dict(self) -> dict[str, str]:
        return asdict(self)


def suite_host_ok(host: str) -> bool:
    """Listed registrable domains only, short enough to be typed by hand, ASCII, with letters."""
    label = host.partition(".")[0]
    return (
        4 <= len(host) <= 24
        and registrable_domain(host) == host
        and not host.startswith("xn--")
        and any(c.isalpha() for c in label)
        and all(c.isalnum() or c == "-" for c in label)
        and any(c in tricks.CYRILLIC for c in host)
        and any(c in tricks.GREEK for c in host)
    )


def select_domains(data_dir: Path, per_category: int, rng: random.Random) -> list[tuple[str, str]]:
    """``per_category`` (category, domain) pairs per category; seeded, disjoint categories."""
    chosen: list[tuple[str, str]] = []
    seen: set[str] = set()
    for category, paths in HOST_SOURCES.items():
        pool = sorted(
            {h for p in paths for h in common.read_hosts(data_dir / p) if suite_host_ok(h)} - seen
        )
        picks = rng.sample(pool, min(per_category, len(pool)))
        seen.update(picks)
        chosen += [(category, d) for d in picks]
    return chosen


def _valid_phone(rng: random.Random) -> tuple[str, str]:
    """(E.164 digits, international format) of a valid mobile number in a spam-heavy region.

    US numbers stay in the 555-01xx block reserved for fiction; other regions have no such block.
    """
    makers: dict[str, Callable[[], str]] = {
        "CN": lambda: tricks.cn_mobile(rng),
        "HK": lambda: rng.choice("569") + f"{rng.randint(0, 9999999):07d}",
        "MY": lambda: "1" + rng.choice("2679") + f"{rng.randint(0, 9999999):07d}",
        "GB": lambda: "7" + rng.choice("45789") + f"{rng.randint(0, 99999999):08d}",
        "US": lambda: rng.choice(("415", "212", "646", "702")) + f"55501{rng.randint(0, 99):02d}",
    }  # fmt: skip
    region = rng.choice(sorted(makers))
    for _ in range(1000):
        number = phonenumbers.parse(makers[region](), region)
        if phonenumbers.is_valid_number(number):
            e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
            intl = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
            return e164.lstrip("+"), intl
    raise RuntimeError(f"could not draw a valid {region} number")


def _tg_name(rng: random.Random) -> str:
    return tricks.handle_id(rng, lo=5, hi=20, style="telegram")


def handle_makers() -> dict[str, tuple[str, Callable[[random.Random], tuple[str, str]]]]:
    """Trick -> (kind family, maker(rng) -> (token, expected value))."""
    makers: dict[str, tuple[str, Callable[[random.Random], tuple[str, str]]]] = {}
    for cue in ("微信", "薇信", "威信", "V信", "vx", "wx", "加V", "+V", "WeChat"):
        makers[f"wechat:{cue}"] = ("wechat", _wechat(cue))
    makers.update({
        "qq:digits": ("qq", _qq(lambda d, rng: d, ("QQ：", "qq ", "QQ号", "扣扣"))),
        "qq:cn_numerals": ("qq", _qq(tricks.cn_numerals, ("扣扣：", "QQ ", "企鹅号"))),
        "qq:circled": ("qq", _qq(lambda d, rng: tricks.circled(d), ("Q：", "QQ", "扣扣 "))),
        "qq:fullwidth": ("qq", _qq(lambda d, rng: tricks.fullwidth(d), ("ＱＱ：", "扣扣"))),
        "qq:group": ("qq", _qq(lambda d, rng: d, ("Q群：", "QQ群 ", "企鹅群", "扣群"))),
        "telegram:飞机@": ("telegram", _tg(("飞机 @{n}", "飞机：@{n}", "纸飞机@{n}"))),
        "telegram:TG@": ("telegram", _tg(("TG: @{n}", "tg @{n}", "Telegram @{n}", "电报 @{n}"))),
        "telegram:t.me": ("telegram", _tg(("t.me/{n}", "https://t.me/{n}", "telegram.me/{n}"))),
        "whatsapp:wa.me": ("whatsapp", _wa(("wa.me/{d}", "https://wa.me/{d}"))),
        "whatsapp:api": ("whatsapp", _wa(("https://api.whatsapp.com/send?phone={d}",))),
        "line:id": ("line", _line(("Line ID：{n}", "加line {n}", "LINE: {n}"))),
        "line:line.me": ("line", _line(("line.me/ti/p/~{n}", "https://line.me/ti/p/~{n}"))),
    })  # fmt: skip
    return makers


def _wechat(cue: str) -> Callable[[random.Random], tuple[str, str]]:
    """A Latin cue glued to a Latin id (``vxabc123``) is ambiguous even to a human, so only a
    cue ending in a Chinese character may be written without a separator."""
    separators = ("：", ":", " ", "") if not cue[-1].isascii() else ("：", ":", " ")

    def make(rng: random.Random) -> tuple[str, str]:
        wid = tricks.handle_id(rng)
        return cue + rng.choice(separators) + wid, wid.lower()

    return make


def _qq(
    form: Callable[[str, random.Random], str], cues: tuple[str, ...]
) -> Callable[[random.Random], tuple[str, str]]:
    def make(rng: random.Random) -> tuple[str, str]:
        digits = tricks.qq_number(rng)
        return rng.choice(cues) + form(digits, rng), digits

    return make


def _tg(forms: tuple[str, ...]) -> Callable[[random.Random], tuple[str, str]]:
    def make(rng: random.Random) -> tuple[str, str]:
        name = _tg_name(rng)
        return rng.choice(forms).format(n=name), name.lower()

    return make


def _wa(forms: tuple[str, ...]) -> Callable[[random.Random], tuple[str, str]]:
    def make(rng: random.Random) -> tuple[str, str]:
        digits, _ = _valid_phone(rng)
        return rng.choice(forms).format(d=digits), digits

    return make


def _line(forms: tuple[str, ...]) -> Callable[[random.Random], tuple[str, str]]:
    def make(rng: random.Random) -> tuple[str, str]:
        name = tricks.handle_id(rng, lo=4, hi=18, style="telegram")
        return rng.choice(forms).format(n=name), name.lower()

    return make


def phone_makers() -> dict[str, Callable[[random.Random], tuple[str, str]]]:
    def cn(form: Callable[[str, random.Random], str]) -> Callable[[random.Random], tuple[str, str]]:
        def make(rng: random.Random) -> tuple[str, str]:
            digits = tricks.cn_mobile(rng)
            return form(digits, rng), "86" + digits

        return make

    def intl(rng: random.Random) -> tuple[str, str]:
        digits, formatted = _valid_phone(rng)
        return formatted, digits

    return {
        "phone:cn_mobile": cn(lambda d, rng: d),
        "phone:cn_spaced": cn(lambda d, rng: f"{d[:3]} {d[3:7]} {d[7:]}"),
        "phone:cn_dashed": cn(lambda d, rng: f"{d[:3]}-{d[3:7]}-{d[7:]}"),
        "phone:e164_cn": cn(lambda d, rng: f"+86 {d[:3]} {d[3:7]} {d[7:]}"),
        "phone:fullwidth": cn(lambda d, rng: tricks.fullwidth(d)),
        "phone:cn_numerals": cn(tricks.cn_numerals),
        "phone:e164_intl": intl,
    }


def _ip_forms(ip: str, rng: random.Random) -> dict[str, str]:
    parts = [int(p) for p in ip.split(".")]
    number = (parts[0] << 24) | (parts[1] << 16) | (parts[2] << 8) | parts[3]
    path = rng.choice(("/", "/x.sh", "/bins/arm7", "/login"))
    return {
        "ip:dotted": ip,
        "ip:url": f"http://{ip}{path}",
        "ip:decimal": f"http://{number}{path}",
        "ip:octal": "http://" + ".".join(f"0{p:o}" for p in parts) + path,
        "ip:hex": "http://" + ".".join(f"0x{p:02x}" for p in parts) + path,
        "ip:hex_int": f"http://0x{number:08x}{path}",
    }


def email_forms(local: str, domain: str) -> dict[str, str]:
    return {
        "email:plain": f"{local}@{domain}",
        "email:at_bracket": f"{local}[at]{domain}",
        "email:at_paren": f"{local}(at){domain}",
        "email:at_dot_bracket": f"{local}[at]{domain.replace('.', '[dot]')}",
        "email:fullwidth_at": f"{local}＠{domain}",
    }


def deeplink_forms(rng: random.Random) -> dict[str, str]:
    wid, name, qq = tricks.handle_id(rng), _tg_name(rng), tricks.qq_number(rng)
    code = "".join(rng.choice("abcdefghijkmnpqrstuvwxyz23456789") for _ in range(12))
    return {
        "deeplink:weixin": f"weixin://contacts/profile/{wid}",
        "deeplink:tg": f"tg://resolve?domain={name}",
        "deeplink:alipays": "alipays://platformapi/startapp?saId=10000007&qrcode="
        f"https%3A%2F%2Fqr.alipay.com%2F{code}",
        "deeplink:whatsapp": f"whatsapp://send?phone=86{tricks.cn_mobile(rng)}",
        "deeplink:mqqapi": f"mqqapi://card/show_pslcard?src_type=internal&uin={qq}",
        "deeplink:line": f"line://ti/p/~{name}",
    }


def _carry(carriers: dict[str, tuple[str, ...]], token: str, rng: random.Random) -> tuple[str, str]:
    lang = rng.choice(("zh", "en"))
    return rng.choice(carriers[lang]).format(x=token), lang


def build_suite(
    data_dir: Path, *, domains: int = 100, handles: int = 100, ips: int = 80, seed: int = SEED
) -> list[Case]:
    """The whole suite: ``domains`` per host category x every host trick, ``handles`` cases per
    handle/phone/e-mail/deep-link trick, ``ips`` addresses x every IP form."""
    rng = random.Random(seed)
    cases: list[Case] = []

    def add(
        trick: str, kind: str, value: str, token: str, carriers: dict[str, tuple[str, ...]]
    ) -> None:
        text, lang = _carry(carriers, token, rng)
        cases.append(Case(f"c{len(cases):05d}", trick, kind, value, text, lang, token))

    hosts = select_domains(data_dir, domains, rng)
    for _, domain in hosts:
        for trick, obfuscate in tricks.HOST_TRICKS.items():
            add(trick, "host", domain, obfuscate(domain, rng), HOST_CARRIERS)
    for trick, (kind, make) in handle_makers().items():
        for _ in range(handles):
            token, value = make(rng)
            add(trick, kind, value, token, HANDLE_CARRIERS)
    for trick, make in phone_makers().items():
        for _ in range(handles):
            token, value = make(rng)
            add(trick, "phone", value, token, PHONE_CARRIERS)
    mail_domains = [d for c, d in hosts if c in ("scam", "phishing")]
    for i in range(handles):
        domain = mail_domains[i % len(mail_domains)]
        local = rng.choice(("support", "service", "kefu", "admin", "vip")) + str(rng.randint(1, 99))
        for trick, token in email_forms(local, domain).items():
            add(trick, "email", domain, token, HANDLE_CARRIERS)
    for _ in range(handles):
        for trick, token in deeplink_forms(rng).items():
            add(trick, "deeplink", trick.partition(":")[2], token, HANDLE_CARRIERS)
    pool = sorted({ip for p in IP_SOURCES for ip in common.read_ips(data_dir / p)})
    for ip in rng.sample(pool, min(ips, len(pool))):
        for trick, token in _ip_forms(ip, rng).items():
            add(trick, "ip", ip, token, HOST_CARRIERS)
    return cases


def tricks_of(cases: list[Case]) -> list[str]:
    """Trick names in first-seen order (the report order)."""
    return list(dict.fromkeys(c.trick for c in cases))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build the obfuscation suite and summarise it.")
    parser.add_argument("--data", type=Path, default=None, help="shared/data directory")
    parser.add_argument("--dump", type=Path, default=None, help="also write all cases as JSONL")
    args = parser.parse_args(argv)
    cases = build_suite(common.data_dir(args.data))
    counts = Counter(c.trick for c in cases)
    rows = []
    for trick in tricks_of(cases):
        example = next(c.text for c in cases if c.trick == trick)
        rows.append([trick, str(counts[trick]), example])
    common.print_table("Obfuscation suite", ["trick", "cases", "example"], rows)
    summary = {
        "seed": SEED,
        "cases": len(cases),
        "tricks": {t: counts[t] for t in tricks_of(cases)},
        "examples": {t: [c.to_dict() for c in cases if c.trick == t][:3] for t in tricks_of(cases)},
    }
    if args.dump:
        common.write_jsonl(args.dump, (c.to_dict() for c in cases))
    print(f"{len(cases)} cases -> {common.write_result('obfuscation_suite', summary)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
