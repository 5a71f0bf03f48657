"""Generate ``examples/sample_content.jsonl`` and ``examples/bad_input.jsonl`` (seeded).

The demo must look like a real platform's traffic: mostly ordinary posts, chats and profiles in
Chinese and English, with some dirty lines hiding real listed domains (from the bundled feed,
so ``make demo`` can flag them) and made-up contact handles with every trick of
``bench.tricks``, the same tricks the recall benchmark measures. Clean lines are real UCI SMS
ham (CC BY 4.0, credited in examples/README.md) and hand-written posts. Each record's ``meta``
says whether it is clean or dirty and, for dirty ones, the trick and the expected entity, so a
reader (and tests/test_examples.py) can check the demo output against it.

Run from the repo root: ``python examples/make_sample_content.py [--data DIR]``.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent), str(HERE)]

from content_templates import (  # noqa: E402
    CLEAN_ALLOWED_LINK,
    CLEAN_EN,
    CLEAN_PROFILE,
    CLEAN_ZH,
    DIRTY_HANDLE,
    DIRTY_HOST,
)
from make_images import image_records  # noqa: E402

from bench import tricks  # noqa: E402
from bench.obfuscation_suite import (  # noqa: E402
    deeplink_forms,
    email_forms,
    handle_makers,
    phone_makers,
    suite_host_ok,
)

SEED = 20261120
FEEDS = HERE / "feeds"
OUT = HERE / "sample_content.jsonl"
BAD_OUT = HERE / "bad_input.jsonl"
DEFAULT_DATA = HERE.parent.parent / "shared" / "data"
SMS_HAM_LINES = 70
HOST_ROUNDS = 5
HANDLE_ROUNDS = 2
CATEGORY_WEIGHTS = {"gambling": 5, "porn": 3, "scam": 3, "phishing": 3, "malware": 1}
BAD_LINES = (
    '{"id": "bad-1", "surface": "post", "text": "官网 bet888。com 注册送彩金\n',
    '{"surface": "comment", "text": "a record without an id"}\n',
    '{"id": "bad-3", "surface": "chat", "text": 12345}\n',
)
"""Invalid JSON, missing id, wrong type: one of each error the CLI must report clearly."""


def feed_hosts(category: str) -> list[str]:
    """Hosts of a bundled feed file that are short and swappable enough to disguise."""
    lines = (FEEDS / f"{category}.txt").read_text(encoding="utf-8").splitlines()
    return [h for h in lines if h and not h.startswith("#") and suite_host_ok(h)]


def sms_ham(data: Path, rng: random.Random) -> list[str]:
    path = data / "sms-spam-collection" / "sms_spam.tsv"
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh, delimiter="\t"))[1:]
    ham = [r[1] for r in rows if r[0] == "ham" and 20 <= len(r[1]) <= 200]
    return rng.sample(ham, SMS_HAM_LINES)


def _record(surface: str, text: str, meta: dict[str, Any]) -> dict[str, Any]:
    return {"surface": surface, "text": text, "meta": meta}


def clean_records(data: Path, rng: random.Random) -> list[dict[str, Any]]:
    out = [
        _record("chat", t, {"label": "clean", "source": "uci-sms-ham"}) for t in sms_ham(data, rng)
    ]
    for surface, text in (*CLEAN_ZH, *CLEAN_EN, *CLEAN_PROFILE):
        out.append(_record(surface, text, {"label": "clean", "source": "handwritten"}))
    allowed = rng.sample(feed_hosts("allow"), len(CLEAN_ALLOWED_LINK))
    for (surface, text), host in zip(CLEAN_ALLOWED_LINK, allowed, strict=True):
        meta = {"label": "clean", "source": "handwritten", "allow_listed": host}
        out.append(_record(surface, text.format(x=host), meta))
    return out


def dirty_host_records(rng: random.Random) -> list[dict[str, Any]]:
    """Every host trick ``HOST_ROUNDS`` times, each on a real listed domain in a carrier."""
    pools = {c: feed_hosts(c) for c in CATEGORY_WEIGHTS}
    weighted = [c for c, w in CATEGORY_WEIGHTS.items() for _ in range(w)]
    out = []
    for _ in range(HOST_ROUNDS):
        for trick, obfuscate in tricks.HOST_TRICKS.items():
            category = rng.choice(weighted)
            domain = rng.choice(pools[category])
            surface, template = rng.choice(DIRTY_HOST[category])
            token = obfuscate(domain, rng)
            expect = {"kind": "host", "value": domain, "category": category}
            out.append(_record(surface, template.format(x=token), _dirty(trick, expect)))
    return out


def _dirty(trick: str, expect: dict[str, str]) -> dict[str, Any]:
    return {"label": "dirty", "trick": trick, "expect": expect}


def dirty_handle_records(rng: random.Random) -> list[dict[str, Any]]:
    """Contact handles, phones, e-mails on listed domains, deep links and a few short links."""
    out = []
    makers = [(t, k, m) for t, (k, m) in handle_makers().items()]
    makers += [(t, "phone", m) for t, m in phone_makers().items()]
    for _ in range(HANDLE_ROUNDS):
        for trick, kind, make in makers:
            token, value = make(rng)
            surface, template = rng.choice(DIRTY_HANDLE)
            out.append(
                _record(
                    surface, template.format(x=token), _dirty(trick, {"kind": kind, "value": value})
                )
            )
    scam = rng.sample(feed_hosts("scam"), 3)
    for domain in scam:
        trick, token = rng.choice(
            sorted(email_forms("kefu" + str(rng.randint(1, 99)), domain).items())
        )
        surface, template = rng.choice(DIRTY_HANDLE)
        expect = {"kind": "email", "value": domain, "category": "scam"}
        out.append(_record(surface, template.format(x=token), _dirty(trick, expect)))
    for trick, token in deeplink_forms(rng).items():
        surface, template = rng.choice(DIRTY_HANDLE)
        expect = {"kind": "deeplink", "value": trick.partition(":")[2]}
        out.append(_record(surface, template.format(x=token), _dirty(trick, expect)))
    for host in ("bit.ly", "tinyurl.com", "shorturl.at"):
        code = "".join(
            rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789") for _ in range(7)
        )
        text = rng.choice(
            ("限时活动，点这里 https://{x}", "Limited offer, tap {x} now", "福利领取 {x}")
        )
        meta = {
            "label": "suspicious",
            "trick": "shortener",
            "expect": {"kind": "host", "value": host},
        }
        out.append(_record("comment", text.format(x=f"{host}/{code}"), meta))
    return out


def build(data: Path) -> list[dict[str, Any]]:
    """All records, shuffled, with ids, accounts and timestamps assigned in order."""
    rng = random.Random(SEED)
    records = clean_records(data, rng) + dirty_host_records(rng) + dirty_handle_records(rng)
    rng.shuffle(records)
    clock = datetime(2026, 11, 20, 8, 0, 0, tzinfo=UTC)
    out = []
    for n, record in enumerate(records, start=1):
        clock += timedelta(seconds=rng.randint(5, 600))
        out.append({
            "id": f"s-{n:04d}",
            "platform": "demo",
            "surface": record["surface"],
            "account_id": f"u-{rng.randint(1, 400):03d}",
            "text": record["text"],
            "created_at": clock.strftime("%Y-%m-%dT%H:%M:%SZ"),
            "meta": record["meta"],
        })  # fmt: skip
    # The pictures (make_images.py) come last, from their own seed, so the lines above stay
    # as they were before images existed.
    pictures = random.Random(SEED + 1)
    for n, record in enumerate(image_records(), start=len(out) + 1):
        clock += timedelta(seconds=pictures.randint(5, 600))
        out.append({
            "id": f"s-{n:04d}",
            "platform": "demo",
            "surface": record["surface"],
            "account_id": f"u-{pictures.randint(1, 400):03d}",
            "text": record["text"],
            "images": record["images"],
            "created_at": clock.strftime("%Y-%m-%dT%H:%M:%SZ"),
            "meta": record["meta"],
        })  # fmt: skip
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Generate the sample content (seeded).")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="shared/data directory")
    args = parser.parse_args(argv)
    if not (args.data / "sms-spam-collection").is_dir():
        print(f"error: data directory not found: {args.data} (pass --data)", file=sys.stderr)
        return 2
    records = build(args.data)
    with OUT.open("w", encoding="utf-8") as fh:
        for record in records:
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    BAD_OUT.write_text("".join(BAD_LINES), encoding="utf-8")
    labels: dict[str, int] = {}
    for record in records:
        labels[record["meta"]["label"]] = labels.get(record["meta"]["label"], 0) + 1
    print(f"{len(records)} records -> {OUT.name}: {labels}")
    print(f"{len(BAD_LINES)} bad lines -> {BAD_OUT.name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
