"""Recall of disguised messenger handles and phones, by family, with composed tricks.

Each message is built from a seeded choice of a cue spelling (symbols or emoji inside the word,
homophones, pinyin, traditional characters, full-width), an id form (plain, spaced out,
bracketed, full-width, circled or Chinese digits), and a template for a surface with harmful
wording; families combine two or three tricks. A message counts as found when
``Scanner.scan`` (default policy, empty index) returns the handle with its canonical value, and
as enforced when the verdict is ``review`` or ``act`` (over the messages with wording: the
username template carries none; plain phones are allowed by design, so "-"). The messages
are also timed: msg/s of ``Scanner.scan`` on disguised handles, best of three passes.

``python -m bench.handle_families [--per-family N]``
"""

from __future__ import annotations

import argparse
import gc
import random
import time
from collections.abc import Callable
from typing import Any

from bastion import Item, Scanner
from bastion.intel.index import IntelIndex
from bastion.policy import Policy
from bench import common

SEED = 11
BAR_RECALL_PCT = 99.0

CUES: dict[str, dict[str, list[str]]] = {
    "wechat": {
        "plain": ["微信", "薇信", "vx", "VX", "加V", "wechat"],
        "symbol": ["微❤信", "微 信", "微-信", "V💗信", "薇✨信", "加薇❤信", "v x", "V➕"],
        "homophone": ["威芯", "徽芯", "危信", "薇芯", "威❤", "维信", "微心"],
        "pinyin": ["weixin", "wei xin", "wechat id", "WeChat号", "vchat", "wx号"],
        "traditional": ["微訊", "威訊"],
    },
    "qq": {
        "plain": ["QQ", "qq", "扣扣", "企鹅", "Q群"],
        "symbol": ["Q.Q", "Q Q", "扣-扣", "企⭐鹅", "Q❤Q", "扣 扣"],
        "homophone": ["蔻蔻", "抠抠", "寇寇", "扌口扌口", "加扣", "🐧", "企饿", "kou扣"],
        "pinyin": ["koukou", "kou kou", "qq号", "QQ号码"],
        "traditional": ["扣扣號"],
    },
    "telegram": {
        "plain": ["飞机", "纸飞机", "电报", "TG", "telegram"],
        "symbol": ["飞✨机", "T G", "飞 机", "电-报", "✈️", "🛩"],
        "homophone": ["灰机", "飞鸡", "非机", "电豹", "飞几"],
        "pinyin": ["feiji", "dianbao", "tele", "telegram id", "tg"],
        "traditional": ["飛機", "電報", "紙飛機"],
    },
}
WORDING = {
    "gambling": ["百家乐包赢 联系我", "加我 每日爆分 首充送彩金", "contact me for casino betting"],
    "adult": ["上门服务 包夜 私聊", "加我 约炮 同城约", "dm me for escort hookup"],
    "scam": [
        "刷单 日赚五百 联系我",
        "加我 带单 稳赚",
        "contact me, guaranteed profit crypto signals",
    ],
}
TEMPLATES = [
    ("bio", "{handle} {wording}"),
    ("post", "{wording}，{handle}"),
    ("comment", "{wording}\n{handle}"),
    ("chat", "{handle}！{wording}"),
    ("username", "{handle}"),
    ("display_name", "{handle} {wording}"),
    ("livestream", "【{wording}】{handle}"),
]


def _fullwidth(text: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)


def _circled(digits: str) -> str:
    return "".join("⓪" if d == "0" else chr(0x2460 + int(d) - 1) for d in digits)


def _chinese(digits: str) -> str:
    return "".join("零一二三四五六七八九"[int(d)] for d in digits)


def _ident(kind: str, rng: random.Random) -> str:
    letters = "abcdefghijkmnpqrstuvwxyz"
    if kind == "qq":
        return str(rng.randint(1, 9)) + "".join(rng.choice("0123456789") for _ in range(8))
    head = "".join(rng.choice(letters) for _ in range(rng.randint(4, 7)))
    tail = "".join(rng.choice("0123456789") for _ in range(rng.randint(2, 4)))
    return f"{head}_{tail}" if rng.random() < 0.5 else head + tail


ID_FORMS: dict[str, Callable[[str], str]] = {
    "plain": lambda i: i,
    "spaced": lambda i: " ".join(i),
    "bracketed": lambda i: f"「{i}」",
    "fullwidth": _fullwidth,
}
NUMERIC_FORMS: dict[str, Callable[[str], str]] = {"circled": _circled, "chinese": _chinese}
SEPARATORS = ["：", " ", ": ", "❤：", "号"]

FAMILIES: dict[str, tuple[str, str]] = {
    "symbol_cue": ("symbol", "plain"),
    "homophone_cue": ("homophone", "plain"),
    "pinyin_cue": ("pinyin", "plain"),
    "traditional_cue": ("traditional", "plain"),
    "symbol_cue+spaced_id": ("symbol", "spaced"),
    "homophone_cue+bracketed_id": ("homophone", "bracketed"),
    "pinyin_cue+fullwidth_id": ("pinyin", "fullwidth"),
    "fullwidth_cue+fullwidth_id": ("plain", "fullwidth"),
    "homophone_cue+numerals": ("homophone", "numerals"),
}
"""Family -> (cue style, id form); "numerals" writes a QQ number in circled/Chinese digits."""

REVERSED_CUES = {"wechat": ["(vx)", "（微信）", " vx", "【V信】"], "qq": ["扣", " QQ", "(扣扣)"]}
"""Cue after the id: ``abc8899 (vx)``, ``1234567890扣``."""


def _mobile(rng: random.Random) -> str:
    return f"1{rng.choice('3456789')}" + "".join(rng.choice("0123456789") for _ in range(9))


MOBILE_FORMS: list[Callable[[str], str]] = [
    lambda m: " ".join(m),
    lambda m: ".".join(m),
    lambda m: f"{m[:3]}-{m[3:7]}-{m[7:]}",
    lambda m: f"+86 {m[:3]} {m[3:7]} {m[7:]}",
    lambda m: f"(+86){m}",
    lambda m: f"0086 {m}",
    lambda m: _circled(m[:3]) + "-" + _circled(m[3:7]) + "-" + _circled(m[7:]),
]
INTERNATIONAL_REGIONS = ("US", "GB", "MY", "TH", "VN", "PH", "ID", "SG", "AU", "DE")


def _phone_rows(rng: random.Random, count: int, international: bool) -> list[tuple[Item, str, str]]:
    """Mobiles in spaced/dotted/+86 forms, or E.164 numbers written with spaces after WhatsApp."""
    import phonenumbers

    rows: list[tuple[Item, str, str]] = []
    while len(rows) < count:
        if international:
            region = rng.choice(INTERNATIONAL_REGIONS)
            number = phonenumbers.example_number_for_type(
                region, phonenumbers.PhoneNumberType.MOBILE
            )
            written = phonenumbers.format_number(
                number, phonenumbers.PhoneNumberFormat.INTERNATIONAL
            )
            e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
            handle, kind, value = f"WhatsApp {written}", "whatsapp", e164
        else:
            mobile = _mobile(rng)
            written = rng.choice(MOBILE_FORMS)(mobile)
            value = f"+86{mobile}" if "86" in written[:5] else mobile
            handle, kind = f"热线{written}", "phone"
        surface, template = rng.choice(TEMPLATES)
        wording = rng.choice(rng.choice(list(WORDING.values())))
        text = template.format(handle=handle, wording=wording)
        rows.append((Item(id=f"phone-{len(rows)}", text=text, surface=surface), kind, value))
    return rows


def generate(per_family: int) -> dict[str, list[tuple[Item, str, str]]]:
    """Family -> [(item, kind, expected value)], seeded."""
    rng = random.Random(SEED)
    out: dict[str, list[tuple[Item, str, str]]] = {}
    for family, (style, form) in FAMILIES.items():
        rows: list[tuple[Item, str, str]] = []
        while len(rows) < per_family:
            kind = "qq" if form == "numerals" else rng.choice(list(CUES))
            cue = rng.choice(CUES[kind][style])
            if family.startswith("fullwidth_cue"):
                cue = _fullwidth(cue)
            ident = _ident(kind, rng)
            if form == "numerals":
                written = rng.choice(list(NUMERIC_FORMS.values()))(ident)
            else:
                written = ID_FORMS[form](ident)
            if kind == "telegram" and rng.random() < 0.5 and form in ("plain", "fullwidth"):
                handle = f"{cue} @{written}"
            else:
                handle = f"{cue}{rng.choice(SEPARATORS)}{written}"
            surface, template = rng.choice(TEMPLATES)
            wording = rng.choice(rng.choice(list(WORDING.values())))
            text = template.format(handle=handle, wording=wording)
            rows.append((Item(id=f"{family}-{len(rows)}", text=text, surface=surface), kind, ident))
        out[family] = rows
    rows = []
    while len(rows) < per_family:
        kind = rng.choice(list(REVERSED_CUES))
        ident = _ident(kind, rng)
        handle = ident + rng.choice(REVERSED_CUES[kind])
        surface, template = rng.choice(TEMPLATES)
        wording = rng.choice(rng.choice(list(WORDING.values())))
        text = template.format(handle=handle, wording=wording)
        rows.append((Item(id=f"reversed-{len(rows)}", text=text, surface=surface), kind, ident))
    out["cue_after_id"] = rows
    out["mobile_spaced_or_+86"] = _phone_rows(rng, per_family, international=False)
    out["whatsapp_e164_spaced"] = _phone_rows(rng, per_family, international=True)
    return out


def measure(scanner: Scanner, rows: list[tuple[Item, str, str]]) -> dict[str, Any]:
    found = enforced = worded = 0
    misses: list[str] = []
    for item, kind, value in rows:
        result = scanner.scan(item)
        hit = (kind, value) in [(e.kind, e.value) for e in result.entities]
        found += hit
        if item.surface != "username" and kind != "phone":
            worded += 1
            enforced += result.verdict in ("review", "act")
        if not hit and len(misses) < 5:
            misses.append(item.text or "")
    return {
        "messages": len(rows),
        "recall_pct": common.pct(found, len(rows)),
        "enforced_pct": common.pct(enforced, worded) if worded else None,
        "bar_met": common.pct(found, len(rows)) >= BAR_RECALL_PCT,
        "misses": misses,
    }


def rate(scanner: Scanner, items: list[Item]) -> float:
    """Messages per second, best of three passes after a warm-up."""
    scan = scanner.scan
    for item in items:
        scan(item)
    best = float("inf")
    for _ in range(3):
        gc.collect()
        started = time.perf_counter()
        for item in items:
            scan(item)
        best = min(best, time.perf_counter() - started)
    return len(items) / best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Recall of disguised handles by family.")
    parser.add_argument("--per-family", type=int, default=400)
    args = parser.parse_args(argv)
    scanner = Scanner(index=IntelIndex.empty(), policy=Policy.default())
    families = generate(args.per_family)
    results = {name: measure(scanner, rows) for name, rows in families.items()}
    items = [item for rows in families.values() for item, _, _ in rows]
    msg_per_s = round(rate(scanner, items))
    rows = [
        [name, str(r["messages"]), f"{r['recall_pct']:.2f}",
         "-" if r["enforced_pct"] is None else f"{r['enforced_pct']:.2f}",
         "PASS" if r["bar_met"] else "FAIL"]
        for name, r in results.items()
    ]  # fmt: skip
    common.print_table(
        "Disguised handles by family", ["family", "messages", "recall %", "review+ %", "bar"], rows
    )
    print(f"Scanner.scan on these messages: {msg_per_s:,} msg/s (one process, best of 3)")
    for name, r in results.items():
        for text in r["misses"]:
            print(f"  miss [{name}] {text!r}")
    summary = {
        "bar_recall_pct": BAR_RECALL_PCT,
        "bar_met": all(r["bar_met"] for r in results.values()),
        "msg_per_s": msg_per_s,
        "families": results,
    }
    print(f"-> {common.write_result('handle_families', summary)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
