"""The raw material of the generated platform, all from the real sets in ``shared/data``.

Clean text: UCI SMS ham, Weibo reposts/comments, the normal class of the Chinese telecom texts and
YouTube ham comments (evaluation use; nothing here ships). Dirty text: registrable domains from
the real gambling, porn, scam and phishing lists, each *calibrated* by scanning it in plain form,
so an item's ground-truth category is what the feeds actually say about its link, and handles
written with the tricks of ``bench.obfuscation_suite``.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

from bastion.model import Item
from bastion.scanner import Scanner
from bench import common, obfuscation_suite

SCENARIO_FEEDS: Final = tuple(
    f for f in common.EVAL_FEEDS if f[1] in ("gambling", "porn", "scam", "phishing", "malware")
)
"""The real lists the scenario's intel home is built from: (path, category, format, source)."""

LINK_CATEGORIES: Final = ("gambling", "porn", "scam", "phishing")
HANDLE_CATEGORIES: Final = ("gambling", "scam", "sexual_services")
HANDLE_KINDS: Final = ("wechat", "qq", "telegram")
MAX_BIO: Final = 120


@dataclass(slots=True)
class Corpus:
    """Clean texts per use and calibrated dirty ingredients; everything sorted, so seeded picks
    are reproducible."""

    posts: list[str]
    comments: list[str]
    chats: list[str]
    bios: list[str]
    domains: dict[str, list[str]] = field(default_factory=dict)
    handle_makers: list[str] = field(default_factory=list)


def _clean_lines(texts: list[str], limit: int | None = None) -> list[str]:
    out = [" ".join(t.split()) for t in texts]
    out = [t for t in out if t and "\x00" not in t]
    return out[:limit] if limit is not None else out


def load(data: Path, scanner: Scanner, *, weibo: int, domains_per_category: int) -> Corpus:
    """Read the clean sets (``weibo`` Weibo lines at most) and calibrate listed domains."""
    ham = _clean_lines([t for label, t in common.sms(data) if label == "ham"])
    telecom = _clean_lines([t for label, t in common.telecom(data) if label == "0"])
    youtube = _clean_lines([t for label, t in common.youtube(data) if label == "0"])
    weibo_lines = _clean_lines(common.weibo_comments(data, weibo))
    bios = sorted({t[:MAX_BIO] for t in (*ham, *weibo_lines[:20_000]) if 4 <= len(t) <= 200})
    corpus = Corpus(
        posts=weibo_lines + telecom + youtube,
        comments=weibo_lines + youtube + ham,
        chats=ham + telecom + weibo_lines[:20_000],
        bios=bios,
    )
    corpus.domains = calibrated_domains(data, scanner, domains_per_category)
    corpus.handle_makers = sorted(
        name
        for name, (kind, _) in obfuscation_suite.handle_makers().items()
        if kind in HANDLE_KINDS
    )
    return corpus


def calibrated_domains(data: Path, scanner: Scanner, per_category: int) -> dict[str, list[str]]:
    """Real listed domains by the category the scanner acts on when they appear in plain form.

    A domain listed under two categories counts where the policy puts it; one the scanner does
    not act on (an allow-listed or unparsable entry) is dropped, so ground truth never disagrees
    with the lists about what a link *is*.
    """
    rng = random.Random(2026)
    out: dict[str, list[str]] = {c: [] for c in LINK_CATEGORIES}
    for _, domain in obfuscation_suite.select_domains(data, per_category, rng):
        result = scanner.scan(Item(id="calibrate", text=f"see {domain} now", surface="post"))
        acting = [v for v in result.violations if v.mode == "enforce" and v.outcome != "review"]
        if acting and acting[0].category in out:
            out[acting[0].category].append(domain)
    empty = [c for c, hosts in out.items() if not hosts]
    if empty:
        raise RuntimeError(f"no listed domain survived calibration for {empty}; check the feeds")
    return {c: sorted(hosts) for c, hosts in out.items()}
