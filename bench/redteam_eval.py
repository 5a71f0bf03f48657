"""Bastion and the four peers on the held-out red-team suite (``bench/redteam.py``), per family.

Per family: recall (the expected registrable domain, or the expected handle id / phone digits,
among the entities), the share whose verdict reaches the case's minimum (``act`` for an in-bar
listed link, ``review`` for an out-of-bar link and for every handle, all of which carry gambling,
sex or scam wording), allows, wrong hosts (a host-kind entity whose registrable domain is neither
the expected one nor written plainly in the text) and the recall of iocextract, ioc-finder,
linkify-it-py and urlextract in the same run. Then the benign controls (prose with prices, dates
and order numbers; popular unlisted hosts written plainly or lightly disguised): act and review
rates and wrong hosts, where Bastion must not act.

``python -m bench.redteam_eval [--home /tmp/benchhome] [--per-family N] [--no-peers]`` writes
``bench/results/redteam.json`` and ``bench/results/redteam_misses.md``.
"""

from __future__ import annotations

import argparse
import unicodedata
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bastion.model import HOST_KINDS, Entity
from bench import common
from bench.peers import Finder, found, peer_finders
from bench.redteam import (
    HANDLE_LURE_EN,
    HANDLE_LURE_ZH,
    PER_FAMILY,
    SEED,
    Case,
    benign_cases,
    generate,
    iter_families,
)

RANK = {"allow": 0, "review": 1, "act": 2}
HANDLE_HOSTS = frozenset(
    {"t.me", "telegram.me", "telegram.dog", "wa.me", "whatsapp.com", "line.me", "lin.ee"}
)
EXAMPLES_PER_FAMILY = 6
LEET_FOLD = str.maketrans("013457892i", "oleastbgzl")
"""Digits read as letters (and i as l), so a TLD or name written in leetspeak counts as held."""


def listed_in(home: Path) -> Callable[[str], bool]:
    """host -> is it listed in a harmful category of the home's index (not shortener/allow)?"""
    from bastion.intel.index import IntelIndex

    index = IntelIndex.open(home)

    def listed(host: str) -> bool:
        match = index.lookup_hosts([host])[0]
        if match is None or match.allowed:
            return False
        return any(c not in ("shortener", "allow") for c in match.categories)

    return listed


def _digits(text: str) -> str:
    return "".join(c for c in text if c.isdigit())


def handle_hit(case: Case, entities: list[Entity]) -> bool:
    """Does an entity carry the expected handle (phones by their national digits)?"""
    want = case.expected.lower().lstrip("@")
    numeric = case.kind in ("phone", "whatsapp") or (case.kind == "qq")
    for e in entities:
        value = (e.value or "").lower().lstrip("@")
        if numeric:
            got = _digits(value)
            if case.kind == "qq" and e.kind == "qq" and got == want:
                return True
            phone_like = case.kind in ("phone", "whatsapp") and e.kind in (
                "phone",
                "whatsapp",
                "wechat",
            )
            if phone_like and len(got) >= 9 and (want.endswith(got) or got.endswith(want[-9:])):
                return True
            continue
        if e.kind in (case.kind, "wechat", "telegram", "line") and (
            value == want or value.endswith("/" + want) or value.endswith("~" + want)
        ):
            return True
    return False


def truncated_handles(case: Case, entities: list[Entity]) -> list[str]:
    """Handle values of the case's kind that are a cut piece of the expected id (``kanajo6`` for
    ``kanajo620``): a wrong id reported, the handle twin of a wrong host."""
    want = case.expected.lower()
    out = []
    for e in entities:
        value = (e.value or "").lower().lstrip("@+")
        if e.kind == case.kind and value and value != want and value in want:
            out.append(f"{e.kind}:{value}")
    return out


def lookalike_of(entity: Entity, expected: str | None) -> bool:
    """Is the entity the written leetspeak form of ``expected`` (README: a leetspeak name takes
    its reading's listing, flag ``lookalike``, and is reported as written)?"""
    reg = entity.registrable_domain or ""
    if not expected or "lookalike" not in entity.flags or len(reg) != len(expected):
        return False
    return all(a == b or a.isdigit() for a, b in zip(reg, expected, strict=True))


def link_hit(case: Case, entities: list[Entity]) -> bool:
    return any(
        e.kind in HOST_KINDS
        and (e.registrable_domain == case.expected or lookalike_of(e, case.expected))
        for e in entities
    )


def wrong_hosts(text: str, expected: str | None, entities: list[Entity]) -> list[str]:
    """Registrable domains reported that are neither expected nor written plainly in the text."""
    squashed = "".join(c for c in unicodedata.normalize("NFKC", text).lower() if c.isalnum())
    bad = []
    for e in entities:
        reg = e.registrable_domain
        if e.kind not in HOST_KINDS or not reg or reg == expected or reg in HANDLE_HOSTS:
            continue
        if lookalike_of(e, expected):
            continue
        if _held(squashed, reg) or _held(squashed.translate(LEET_FOLD), reg.translate(LEET_FOLD)):
            continue
        bad.append(reg)
    return bad


def _held(squashed: str, reg: str) -> bool:
    """Does the text hold ``reg`` as a reader could write it: its name, then its suffix soon
    after (``nine dot vip`` holds ``nine.vip``; a name the text never spells does not)?"""
    name, _, suffix = reg.partition(".")
    name = "".join(c for c in name if c.isalnum())
    suffix = "".join(c for c in suffix if c.isalnum())
    start = squashed.find(name)
    while start >= 0:
        if suffix in squashed[start + len(name) : start + len(name) + len(suffix) + 8]:
            return True
        start = squashed.find(name, start + 1)
    return False


def _minimum(case: Case) -> str:
    return "act" if case.kind == "link" and case.in_bar else "review"


def evaluate(scanner: Any, cases: list[Case], peers: dict[str, Finder]) -> dict[str, Any]:
    families: dict[str, Any] = {}
    misses: dict[str, list[dict[str, Any]]] = defaultdict(list)
    wording: dict[str, dict[str, int]] = {}
    for family, group in iter_families(cases):
        row: dict[str, Any] = {
            "kind": "link" if group[0].kind == "link" else "handle",
            "in_bar": all(c.in_bar for c in group),
            "cases": len(group),
            "recall": 0,
            "minimum_reached": 0,
            "allows": 0,
            "wrong_hosts": 0,
            "cut_handles": 0,
            "peers": {name: 0 for name in peers},
        }
        for case in group:
            result = scanner.scan({"id": "r", "surface": case.surface, "text": case.text})
            entities = list(result.entities)
            hit = link_hit(case, entities) if case.kind == "link" else handle_hit(case, entities)
            reached = RANK[result.verdict] >= RANK[_minimum(case)]
            wrong = wrong_hosts(case.text, case.expected if case.kind == "link" else None, entities)
            row["recall"] += hit
            row["minimum_reached"] += reached
            row["allows"] += result.verdict == "allow"
            row["wrong_hosts"] += bool(wrong)
            cut = truncated_handles(case, entities) if case.kind != "link" and not hit else []
            row["cut_handles"] += bool(cut)
            wrong = wrong + cut
            for name, finder in peers.items():
                try:
                    extracted = finder(case.text)
                except Exception:  # a peer crashing on hostile text counts as a miss
                    extracted = []
                row["peers"][name] += found(case.kind, case.expected, extracted)
            if case.kind != "link" and hit:
                for lure in (*HANDLE_LURE_ZH, *HANDLE_LURE_EN):
                    if lure in case.text:
                        tally = wording.setdefault(lure, {"found": 0, "reviewed": 0})
                        tally["found"] += 1
                        tally["reviewed"] += reached
            if not hit or not reached or wrong:
                misses[family].append(
                    {
                        "text": case.text,
                        "expected": case.expected,
                        "kind": case.kind,
                        "surface": case.surface,
                        "verdict": result.verdict,
                        "found": hit,
                        "wrong": wrong,
                        "entities": [f"{e.kind}:{e.value}" for e in entities][:6],
                    }
                )
        n = row["cases"]
        row["recall_pct"] = common.pct(row["recall"], n)
        row["minimum_pct"] = common.pct(row["minimum_reached"], n)
        row["peers_pct"] = {k: common.pct(v, n) for k, v in row["peers"].items()}
        families[family] = row
    return {"families": families, "misses": misses, "wording": wording}


PROBE_HOST = "palmerbet.com"
"""A gambling host of the sinfonietta list: each probe is one trick alone on it (or on an id)."""
PROBES: tuple[tuple[str, str, str, str], ...] = (
    # (class, text, expected host or kind:value, minimum verdict); the first three are controls
    ("control: spelled dot", "casino palmerbet dot com", "palmerbet.com", "act"),
    ("control: ideographic full stop", "百家乐 palmerbet。com", "palmerbet.com", "act"),
    (
        "control: WeChat id with gambling wording",
        "百家乐包赢 微信：lucky_8899",
        "wechat:lucky_8899",
        "review",
    ),
    ("dot glyph ۔ (Arabic full stop)", "百家乐 palmerbet۔com", "palmerbet.com", "act"),
    ("dot glyph ։ (Armenian full stop)", "百家乐 palmerbet։com", "palmerbet.com", "act"),
    ("dot glyph ܂ (Syriac)", "百家乐 palmerbet܂com", "palmerbet.com", "act"),
    ("dot glyph ᛫ (runic)", "百家乐 palmerbet᛫com", "palmerbet.com", "act"),
    (
        "dot glyph ･ (half-width katakana middle dot)",
        "百家乐 palmerbet･com",
        "palmerbet.com",
        "act",
    ),
    ("dot glyph ∘ (ring operator)", "casino palmerbet∘com", "palmerbet.com", "act"),
    ("TLD o as ø", "casino palmerbet.cøm", "palmerbet.com", "act"),
    ("TLD o as ⊙", "casino palmerbet.c⊙m", "palmerbet.com", "act"),
    ("TLD o as ⭕ emoji", "casino palmerbet.c⭕m", "palmerbet.com", "act"),
    ("TLD o as Tifinagh ⵔ", "casino palmerbet.cⵔm", "palmerbet.com", "act"),
    ("TLD letters dotted c.o.m", "百家乐 palmerbet.c.o.m", "palmerbet.com", "act"),
    ("TLD letters hyphenated c-o-m", "casino palmerbet.c-o-m", "palmerbet.com", "act"),
    ("two-letter spaced TLD after a dot", "casino sin88.t v", "sin88.tv", "act"),
    ("spaced TLD after a bracketed dot", "约炮 pornolenka{.}n e t", "pornolenka.net", "act"),
    ("Cyrillic letter alone in a spaced TLD", "百家乐 palmerbet[.]c о m", "palmerbet.com", "act"),
    ("dot word 'period'", "casino palmerbet period com", "palmerbet.com", "act"),
    ("dot word 'full stop'", "casino palmerbet full stop com", "palmerbet.com", "act"),
    ("dot word 'dawt' / 'dott'", "casino palmerbet dawt com", "palmerbet.com", "act"),
    ("pinyin with tone mark diǎn", "百家乐 palmerbet diǎn com", "palmerbet.com", "act"),
    ("pinyin with tone number dian3", "百家乐 palmerbet dian3 com", "palmerbet.com", "act"),
    ("homophone of 点 (店)", "百家乐 palmerbet店com", "palmerbet.com", "act"),
    ("homophone of 点 (电)", "百家乐 palmerbet电com", "palmerbet.com", "act"),
    ("TLD said as it sounds (see oh em)", "casino palmerbet dot see oh em", "palmerbet.com", "act"),
    ("digits said in English", "casino i9bet two nine dot com (one word)", "i9bet29.com", "act"),
    (
        "reverse note 'read from right to left'",
        "casino moc.tebremlap read from right to left",
        "palmerbet.com",
        "act",
    ),
    ("reversed host without a note (review)", "casino moc.tebremlap", "palmerbet.com", "review"),
    ("upside-down text", "casino ɯoɔ˙ʇǝqɹǝɯlɐd", "palmerbet.com", "act"),
    (
        "corner brackets per character ｢p｣",
        "casino ｢p｣｢a｣｢l｣｢m｣｢e｣｢r｣｢b｣｢e｣｢t｣｢.｣｢c｣｢o｣｢m｣",
        "palmerbet.com",
        "act",
    ),
    ("markdown bold inside the host", "casino **palmer**bet.com", "palmerbet.com", "act"),
    ("HTML tag inside the host", "casino palmer<b>bet</b>.com", "palmerbet.com", "act"),
    ("percent-escaped host letters", "官网 https://%70%61lmerbet.com/", "palmerbet.com", "act"),
    (
        "Google Translate proxy host",
        "https://palmerbet-com.translate.goog/ 百家乐",
        "palmerbet.com",
        "act",
    ),
    (
        "Google AMP path",
        "https://www.google.com/amp/s/palmerbet.com/ 百家乐",
        "palmerbet.com",
        "act",
    ),
    (
        "web cache query",
        "https://webcache.googleusercontent.com/search?q=cache:palmerbet.com",
        "palmerbet.com",
        "act",
    ),
    (
        "archive.org path",
        "https://web.archive.org/web/2024/https://palmerbet.com/",
        "palmerbet.com",
        "act",
    ),
    ("insert-dot instruction (zh)", "百家乐 palmerbetcom（com前面加个点）", "palmerbet.com", "act"),
    (
        "insert-dot instruction (en)",
        "casino palmerbetcom (put a dot before com)",
        "palmerbet.com",
        "act",
    ),
    ("TLD before name (zh)", "百家乐 后缀是com，前面是palmerbet", "palmerbet.com", "act"),
    (
        "name in two halves",
        "casino first part palmer, second part bet.com (put them together)",
        "palmerbet.com",
        "act",
    ),
    ("starred letters with a hint", "百家乐 palm**bet.com（星号是er）", "palmerbet.com", "act"),
    (
        "ASCII filler with English note",
        "casino paXlmeXrbet.com (remove the X)",
        "palmerbet.com",
        "act",
    ),
    (
        "symbol replaces the dot, note says so",
        "casino palmerbet=com (= is a dot)",
        "palmerbet.com",
        "act",
    ),
    ("host glued to trailing words", "casino www.palmerbet.comGET100FREE", "palmerbet.com", "act"),
    ("host glued to trailing digits", "casino PALMERBET.COM4free", "palmerbet.com", "act"),
    ("RLO over the TLD only", "casino palmerbet.\u202emoc\u202c now", "palmerbet.com", "act"),
    ("RLI isolate over the tail", "casino palm\u2067moc.tebre\u2069 now", "palmerbet.com", "act"),
    (
        "one character a line with bullets",
        "casino\n👉 p\n👉 a\n👉 l\n👉 m\n👉 e\n👉 r\n👉 b\n👉 e\n👉 t\n👉 .\n👉 com",
        "palmerbet.com",
        "act",
    ),
    ("www and spaces only (en)", "casino www palmerbet com", "palmerbet.com", "act"),
    ("symbol leet $ @ !", "casino p@lmerbet.com", "palmerbet.com", "act"),
    ("emoji letters ©️ 🅰️", "casino p🅰️lmerbet.com", "palmerbet.com", "act"),
    (
        "backslash before @ (WHATWG: host ends at \\)",
        "casino https://palmerbet.com\\@google.com/login",
        "palmerbet.com",
        "act",
    ),
    (
        "mixed slash and backslash after the scheme",
        "casino https:/\\palmerbet.com/reg",
        "palmerbet.com",
        "act",
    ),
    (
        "RLO over a reversed host with a spelled dot",
        "casino \u202emoc tod tebremlap\u202c",
        "palmerbet.com",
        "act",
    ),
    (
        "PLAIN host after '24/7 👉' (emoji dot joins it to the fraction)",
        "Support 24/7 👉 palmerbet.com",
        "palmerbet.com",
        "act",
    ),
    ("PLAIN host after '1/2 🔥'", "casino 1/2 🔥 palmerbet.com", "palmerbet.com", "act"),
    (
        "PLAIN host, then an emoji and a TLD-like word ('🔥 VIP')",
        "casino palmerbet.com 🔥 VIP",
        "palmerbet.com",
        "act",
    ),
    ("PLAIN host, then '👉 app'", "百家乐 palmerbet.com 👉 app", "palmerbet.com", "act"),
    (
        "PLAIN host, then '👉 cn' (reported as palmerbet.com.cn)",
        "百家乐 palmerbet.com 👉 cn",
        "palmerbet.com",
        "act",
    ),
    (
        "PLAIN QQ, then '🔥 VIP' (reported as the host 5351722.vip)",
        "百家乐 QQ：5351722 🔥 VIP",
        "qq:5351722",
        "review",
    ),
    (
        "PLAIN WeChat id, then '🔥 VIP'",
        "百家乐 微信：lucky_8899 🔥 VIP",
        "wechat:lucky_8899",
        "review",
    ),
    ("WeChat as 绿泡泡", "百家乐包赢 绿泡泡：lucky_8899", "wechat:lucky_8899", "review"),
    ("QQ as 球球", "百家乐包赢 球球：5351722", "qq:5351722", "review"),
    ("扣Q without a colon", "百家乐包赢 扣Q 5351722", "qq:5351722", "review"),
    (
        "cue + 'id' + colon (电报id：)",
        "百家乐包赢 电报id：naluse_2796",
        "telegram:naluse_2796",
        "review",
    ),
    ("賴 id (LINE)", "百家乐包赢 賴 id starhao_4617", "line:starhao_4617", "review"),
    ("spaced L I N E cue", "casino bonus L I N E : geao2039", "line:geao2039", "review"),
    ("misspelt Telegrm", "casino bonus Telegrm: miro_5887", "telegram:miro_5887", "review"),
    ("wa。me link", "casino bonus wa。me/639273429382", "whatsapp:639273429382", "review"),
    (
        "phone read in English",
        "escort call me one three eight one two three four five six seven eight",
        "phone:13812345678",
        "review",
    ),
    (
        "phone with letters for digits",
        "百家乐包赢 电话：l38-l234-S678",
        "phone:13812345678",
        "review",
    ),
    (
        "phone groups joined by emoji",
        "百家乐包赢 电话 138💋1234💋5678",
        "phone:13812345678",
        "review",
    ),
    (
        "id digits said in English",
        "casino bonus wechat: lucky eight eight nine nine (one word)",
        "wechat:lucky8899",
        "review",
    ),
    (
        "id after its app, far",
        "casino bonus lucky8899 <- that's my wechat",
        "wechat:lucky8899",
        "review",
    ),
    (
        "starred id with Chinese numerals",
        "百家乐包赢 薇❤：l*u*c*k*y*捌捌玖玖（去掉星号）",
        "wechat:lucky8899",
        "review",
    ),
    (
        "wording: lottery plan 彩票计划必中",
        "彩票计划必中 微信：lucky_8899",
        "wechat:lucky_8899",
        "review",
    ),
    ("wording: loan 贷款秒批", "贷款秒批 微信：lucky_8899", "wechat:lucky_8899", "review"),
    ("wording: porn 看片福利", "看片福利 微信：lucky_8899", "wechat:lucky_8899", "review"),
    ("wording: USDT 高价回收", "USDT高价回收 微信：lucky_8899", "wechat:lucky_8899", "review"),
    (
        "wording: crypto profit guaranteed",
        "crypto profit guaranteed wechat: lucky_8899",
        "wechat:lucky_8899",
        "review",
    ),
)


def run_probes(scanner: Any) -> list[dict[str, Any]]:
    """Each probe alone: found, verdict, passed (found and the minimum verdict reached)."""
    out = []
    for name, text, expected, minimum in PROBES:
        result = scanner.scan({"id": "p", "surface": "post", "text": text})
        entities = list(result.entities)
        if ":" in expected:
            kind, _, value = expected.partition(":")
            hit = any(
                e.kind in (kind, "phone", "whatsapp")
                and (e.value or "")
                .lower()
                .lstrip("+@")
                .endswith(value.lstrip("86")[-9:] if value.isdigit() else value)
                for e in entities
            )
        else:
            hit = any(e.kind in HOST_KINDS and e.registrable_domain == expected for e in entities)
        passed = hit and RANK[result.verdict] >= RANK[minimum]
        out.append(
            {
                "class": name,
                "text": text,
                "expected": expected,
                "minimum": minimum,
                "verdict": result.verdict,
                "found": hit,
                "passed": passed,
            }
        )
    return out


def evaluate_benign(scanner: Any, data: Path, listed: Callable[[str], bool]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    examples: list[dict[str, Any]] = []
    for b in benign_cases(data, listed):
        row = out.setdefault(b.family, {"items": 0, "act": 0, "review": 0, "wrong_hosts": 0})
        result = scanner.scan({"id": "b", "surface": b.surface, "text": b.text})
        wrong = wrong_hosts(b.text, b.host, list(result.entities))
        row["items"] += 1
        row["act"] += result.verdict == "act"
        row["review"] += result.verdict == "review"
        row["wrong_hosts"] += bool(wrong)
        if result.verdict != "allow" or wrong:
            examples.append(
                {"family": b.family, "text": b.text, "verdict": result.verdict, "wrong": wrong}
            )
    for row in out.values():
        row["act_pct"] = common.pct(row["act"], row["items"])
        row["review_pct"] = common.pct(row["review"], row["items"])
    return {"families": out, "flagged": examples}


def _totals(families: dict[str, Any], kind: str, in_bar: bool | None = None) -> dict[str, Any]:
    rows = [
        r
        for r in families.values()
        if r["kind"] == kind and (in_bar is None or r["in_bar"] == in_bar)
    ]
    n = sum(r["cases"] for r in rows)
    total = {
        "cases": n,
        "recall_pct": common.pct(sum(r["recall"] for r in rows), n),
        "minimum_pct": common.pct(sum(r["minimum_reached"] for r in rows), n),
        "allows": sum(r["allows"] for r in rows),
        "wrong_hosts": sum(r["wrong_hosts"] for r in rows),
        "cut_handles": sum(r["cut_handles"] for r in rows),
    }
    if rows:
        total["peers_pct"] = {
            p: common.pct(sum(r["peers"][p] for r in rows), n) for p in rows[0]["peers"]
        }
    return total


def write_misses(
    report: dict[str, Any], benign: dict[str, Any], probes: list[dict[str, Any]], path: Path
) -> None:
    lines = [
        "# Red-team misses (bench/redteam.py)",
        "",
        "Per family: recall, minimum verdict reached, allows and wrong hosts; then up to "
        f"{EXAMPLES_PER_FAMILY} examples of cases that missed (not found, below the minimum "
        "verdict, or a wrong host).",
        "",
    ]
    for family, row in report["families"].items():
        lines.append(f"## {family} ({row['kind']}, {'in bar' if row['in_bar'] else 'review only'})")
        lines.append("")
        lines.append(
            f"recall {row['recall_pct']} %, minimum verdict {row['minimum_pct']} %, "
            f"allows {row['allows']}/{row['cases']}, wrong hosts {row['wrong_hosts']}, "
            f"cut handles {row['cut_handles']}"
        )
        lines.append("")
        for miss in report["misses"].get(family, [])[:EXAMPLES_PER_FAMILY]:
            text = miss["text"].replace("\n", "⏎")
            lines.append(
                f"- `{text}` → expected `{miss['expected']}`, verdict {miss['verdict']}, "
                f"found {miss['found']}, wrong {miss['wrong']}, "
                f"entities {miss['entities']}"
            )
        lines.append("")
    lines += [
        "## probes: one trick alone",
        "",
        "| class | text | expected | minimum | verdict | found |",
        "|---|---|---|---|---|---|",
    ]
    for p in probes:
        if not p["passed"]:
            text = p["text"].replace("\n", "⏎").replace("|", "\\|")
            lines.append(
                f"| {p['class']} | `{text}` | {p['expected']} | {p['minimum']} | "
                f"{p['verdict']} | {p['found']} |"
            )
    passed = sum(p["passed"] for p in probes)
    lines += ["", f"{passed} of {len(probes)} probes pass (passing ones are not listed).", ""]
    lines += ["## benign controls", ""]
    for item in benign["flagged"][:40]:
        lines.append(
            f"- `{item['text']}` ({item['family']}): {item['verdict']}, wrong {item['wrong']}"
        )
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Held-out red-team suite: Bastion and peers.")
    parser.add_argument("--data", type=Path, default=None)
    parser.add_argument("--home", type=Path, default=Path("/tmp/benchhome"))
    parser.add_argument("--per-family", type=int, default=PER_FAMILY)
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--no-peers", action="store_true")
    parser.add_argument("--family", action="append", default=None, help="only these families")
    args = parser.parse_args(argv)
    data = common.data_dir(args.data)
    home = common.scanner_home(args.home, data)
    scanner = common.load_scanner(home)
    listed = listed_in(home)
    cases = generate(data, listed, per_family=args.per_family, seed=args.seed)
    if args.family:
        cases = [c for c in cases if c.family in args.family]
    peers = {} if args.no_peers else peer_finders()
    report = evaluate(scanner, cases, peers)
    benign = evaluate_benign(scanner, data, listed)
    probes = run_probes(scanner)
    families = report["families"]
    payload = {
        "seed": args.seed,
        "per_family": args.per_family,
        "home": str(home),
        "totals": {
            "links_in_bar": _totals(families, "link", True),
            "links_review_only": _totals(families, "link", False),
            "handles": _totals(families, "handle"),
        },
        "families": families,
        "benign": benign["families"],
        "probes": probes,
        "handle_wording": {
            lure: {**t, "reviewed_pct": common.pct(t["reviewed"], t["found"])}
            for lure, t in sorted(report["wording"].items())
        },
    }
    common.write_result("redteam", payload)
    write_misses(report, benign, probes, common.RESULTS_DIR / "redteam_misses.md")
    peer_names = list(peers)
    rows = []
    for family, row in families.items():
        rows.append(
            [
                family,
                row["kind"] + ("" if row["in_bar"] else " (review)"),
                str(row["cases"]),
                f"{row['recall_pct']}",
                f"{row['minimum_pct']}",
                str(row["allows"]),
                str(row["wrong_hosts"] + row["cut_handles"]),
                *(f"{row['peers_pct'][p]}" for p in peer_names),
            ]
        )
    common.print_table(
        "Red-team suite (Bastion recall / minimum verdict %, peers recall %)",
        ["family", "kind", "n", "recall", "min", "allow", "wrong", *peer_names],
        rows,
    )
    for name, total in payload["totals"].items():
        print(name, total)
    hard = [r for n, r in benign["families"].items() if n.startswith("popular_host_as_")]
    payload["benign_totals"] = {
        name: row
        for name, row in benign["families"].items()
        if not name.startswith("popular_host_as_")
    }
    items = sum(r["items"] for r in hard)
    payload["benign_totals"]["popular_host_under_family_tricks"] = {
        "items": items,
        "act": sum(r["act"] for r in hard),
        "review": sum(r["review"] for r in hard),
        "wrong_hosts": sum(r["wrong_hosts"] for r in hard),
        "act_pct": common.pct(sum(r["act"] for r in hard), items),
        "review_pct": common.pct(sum(r["review"] for r in hard), items),
    }
    common.write_result("redteam", payload)
    for name, row in payload["benign_totals"].items():
        print(f"benign {name}: {row}")
    print(f"probes: {sum(p['passed'] for p in probes)} of {len(probes)} pass")
    for lure, tally in payload["handle_wording"].items():
        print(
            f"handle wording {lure!r}: reviewed {tally['reviewed_pct']} % of {tally['found']} found"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
