"""Unqualified advice: offers of professional advice vs. ordinary talk about health, law, money.

Positives: ``bench/eval_sets/credentials_eval.jsonl`` rows with an ``offer`` domain, written as
spammers write them (bios and posts, English and Chinese, five domains), before the detector's
word lists were written and never used to tune them. The same file holds written ordinary
talk (hard negatives: "my doctor said", "股市大跌"). Real ordinary talk, not written by the team:
UCI SMS ham, YouTube ham comments, Weibo posts (both labels) and a seeded sample of Weibo
comments. Each real set is scored whole and on its subset that mentions health, law, money,
school or the mind (``TOPIC``, a list of this bench, not the detector's).

Precision is computed on offers vs. ordinary talk that mentions those topics (the bar's set);
every flagged real text is listed in the results so a reader can judge whether it is really
an offer (real UGC holds some: a Weibo post selling a course is an offer, not a false alarm).
Credentialed accounts: every offer is scored again from an account holding the credential for
its domain: flags in that domain must be 0.

``python -m bench.credentials_eval [--data DIR] [--comments N]``
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import re
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

from bastion.detect.base import DetectContext, Resources
from bastion.detect.credentials import Credential, CredentialDetector, CredentialTable
from bastion.intel import IntelIndex
from bastion.model import Item
from bench import common

SEED = 20261206
EVAL_FILE = common.REPO_ROOT / "bench" / "eval_sets" / "credentials_eval.jsonl"
BAR_RECALL, BAR_PRECISION = 0.90, 0.90
TOPIC = re.compile(
    r"(?i)\b(?:doctor|hospital|medicine|health|sick|ill|pills?|law|legal|court|lawyer|police|"
    r"money|bank|loan|stocks?|invest\w*|cash|pay|paid|school|exam|class|teacher|study|stress|"
    r"depress\w*|anxious|therapy|cure|treatment)\b|医|病|药|健康|法|律师|警|钱|股|银行|投资|理财|"
    r"工资|学|考试|老师|心理|抑郁|焦虑"
)
FIRST_RUN = {
    "date": "2026-12-06",
    "written_offers_recall": "103/104",
    "written_ordinary_false_positives": "0/53",
    "real_sets_whole": "precision 0.880 (14 flags among 4,237 topical real texts, both halves)",
    "note": "first run, before any change. The written file was not used to tune the word lists "
    "after it; the real sets were then split in halves by seed, and only texts the dev half "
    "flagged were looked at and answered (README)",
}


def real_sets(data: Path, comments: int) -> dict[str, list[str]]:
    """Ordinary talk from real data, by set."""
    weibo_posts = [
        json.loads(line)["text"] for line in (data / "weibo-rumor-ced" / "posts.jsonl").open()
    ]
    sample: list[str] = []
    path = data / "weibo-rumor-ced" / "reposts_comments.jsonl.gz"
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        texts = [json.loads(line)["text"] for line in fh]
    random.Random(SEED).shuffle(texts)
    sample = texts[:comments]
    return {
        "sms_ham": [text for label, text in common.sms(data) if label == "ham"],
        "youtube_ham": [text for label, text in common.youtube(data) if label == "0"],
        "weibo_posts": weibo_posts,
        "weibo_comments": sample,
    }


def halves(texts: list[str], name: str) -> tuple[list[str], list[str]]:
    """(dev, test) halves of a real set by seed: word lists may be changed only for what the
    dev half shows; the test half is reported."""
    order = list(range(len(texts)))
    random.Random(f"{SEED}:{name}").shuffle(order)
    cut = len(order) // 2
    return [texts[i] for i in order[:cut]], [texts[i] for i in order[cut:]]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=None)
    parser.add_argument("--comments", type=int, default=50_000)
    parser.add_argument(
        "--half", choices=("dev", "test"), default="test", help="which half of the real sets"
    )
    args = parser.parse_args(argv)
    data = common.data_dir(args.data)
    rows = [json.loads(line) for line in EVAL_FILE.open(encoding="utf-8")]
    offers = [r for r in rows if r.get("offer")]
    written = [r["text"] for r in rows if not r.get("offer")]
    index = IntelIndex.empty()
    plain = CredentialDetector(Resources(index))

    def domains(detector: CredentialDetector, text: str, surface: str, account: str) -> set[str]:
        item = Item("e", text=text, surface=surface, account_id=account)
        if not detector.gate(item):
            return set()
        context = DetectContext(item, text, text, [], Resources(index))
        return {s.evidence.split(":", 1)[0] for s in detector.detect(context)}

    started = time.perf_counter()
    by_domain: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    extra_domain = 0
    for row in offers:
        found = domains(plain, row["text"], row["surface"], "")
        key = f"{row['offer']}/{row['lang']}"
        by_domain[key][1] += 1
        by_domain[key][0] += row["offer"] in found
        extra_domain += bool(found - {row["offer"]})
    hits = sum(h for h, _ in by_domain.values())

    credentialed = CredentialDetector(
        Resources(
            index,
            {
                "credentials": CredentialTable(
                    [
                        Credential(f"acct-{i}", row["offer"], "bench issuer", f"lic-{i}")
                        for i, row in enumerate(offers)
                    ]
                )
            },
        )
    )
    credentialed_flags = sum(
        row["offer"] in domains(credentialed, row["text"], row["surface"], f"acct-{i}")
        for i, row in enumerate(offers)
    )

    negatives: dict[str, dict[str, Any]] = {}
    sets = {"written_ordinary": written}
    for name, texts in real_sets(data, args.comments).items():
        dev, test = halves(texts, name)
        sets[f"{name}:{args.half}"] = dev if args.half == "dev" else test
    topical_flags = topical_total = 0
    for name, texts in sets.items():
        flagged, topical, topical_flagged = [], 0, 0
        for text in texts:
            about = name == "written_ordinary" or TOPIC.search(text) is not None
            topical += about
            found = domains(plain, text, "post", "")
            if found:
                flagged.append({"text": text[:200], "domains": sorted(found)})
                topical_flagged += about
        topical_flags += topical_flagged
        topical_total += topical
        negatives[name] = {
            "texts": len(texts),
            "flagged": len(flagged),
            "flag_rate_pct": common.pct(len(flagged), len(texts)),
            "topical": topical,
            "topical_flagged": topical_flagged,
            "flagged_texts": flagged[:60],
        }
    seconds = time.perf_counter() - started
    recall = hits / len(offers)
    precision = hits / (hits + topical_flags) if hits + topical_flags else 1.0
    table = [[key, f"{h}/{n}", f"{h / n:.2f}"] for key, (h, n) in sorted(by_domain.items())]
    common.print_table(
        "Unqualified advice: recall on written offers", ["domain/lang", "hit", "recall"], table
    )
    common.print_table(
        "Ordinary talk (flags; topical subset)",
        ["set", "texts", "flagged", "topical", "topical flagged"],
        [
            [n, str(v["texts"]), str(v["flagged"]), str(v["topical"]), str(v["topical_flagged"])]
            for n, v in negatives.items()
        ],
    )
    print(
        f"recall {recall:.3f}  precision {precision:.3f} (offers vs. {topical_total} topical "
        f"ordinary texts)  credentialed flags {credentialed_flags}  extra-domain {extra_domain}"
    )
    payload = {
        "bench": "credentials_eval",
        "eval_file": str(EVAL_FILE.relative_to(common.REPO_ROOT)),
        "offers": len(offers),
        "recall": round(recall, 4),
        "precision": round(precision, 4),
        "topical_ordinary": topical_total,
        "topical_flags": topical_flags,
        "recall_by_domain_lang": {k: [h, n] for k, (h, n) in sorted(by_domain.items())},
        "offers_with_an_extra_domain": extra_domain,
        "credentialed_flags": credentialed_flags,
        "ordinary": negatives,
        "bar": {"recall": BAR_RECALL, "precision": BAR_PRECISION, "credentialed_flags": 0},
        "meets_bar": recall >= BAR_RECALL
        and precision >= BAR_PRECISION
        and credentialed_flags == 0,
        "first_run": FIRST_RUN,
        "real_half": args.half,
        "seconds": round(seconds, 2),
    }
    if args.half == "test":
        print(f"wrote {common.write_result('credentials_eval', payload)}")


if __name__ == "__main__":
    main()
