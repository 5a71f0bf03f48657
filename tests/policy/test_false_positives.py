"""The default policy on real clean messages: act <= 0.1 %, review <= 1 %.

Entities come from a deliberately over-eager stand-in extractor (every 5-12 digit run is a phone or
QQ number, every @name a Telegram handle, every URL a shortener), so the policy is judged against
more handles than the real extractor would find. Data: ../shared/data (evaluation only).
"""

from __future__ import annotations

import csv
import gzip
import itertools
import json
import re
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from bastion.model import Entity, Item
from bastion.policy import Policy, verdict_of

_DIGITS = re.compile(r"(?<!\d)\d{5,12}(?!\d)")
_WECHAT = re.compile(
    r"(?:微信|vx|v信|wx|威信|薇信|weixin)[:：\s号]{0,3}([A-Za-z][-_A-Za-z0-9]{5,19})", re.I
)
_AT = re.compile(r"@([A-Za-z][A-Za-z0-9_]{4,31})")
_URL = re.compile(r"https?://[!-~]{1,200}")


def over_eager_entities(text: str) -> list[Entity]:
    found = []
    for m in _DIGITS.finditer(text):
        kind = "phone" if len(m.group()) >= 7 else "qq"
        found.append(Entity(kind, m.group(), m.span(), m.group()))
    for m in _WECHAT.finditer(text):
        found.append(Entity("wechat", m.group(1), m.span(1), m.group(1).lower(), cue="微信"))
    for m in _AT.finditer(text):
        found.append(Entity("telegram", m.group(1), m.span(1), m.group(1).lower()))
    for m in _URL.finditer(text):
        found.append(Entity("url", m.group(), m.span(), m.group(), flags=["shortener"]))
    return found


def _sms(data: Path, label: str) -> Iterator[str]:
    with open(data / "sms-spam-collection" / "sms_spam.tsv", newline="", encoding="utf-8") as f:
        yield from (
            text
            for row_label, text in itertools.islice(csv.reader(f, delimiter="\t"), 1, None)
            if row_label == label
        )


def _telecom(data: Path, normal: bool) -> Iterator[str]:
    path = data / "telecom-fraud-texts-5" / "telecom_fraud_texts.csv"
    with open(path, newline="", encoding="utf-8") as f:
        yield from (row["text"] for row in csv.DictReader(f) if (row["label_id"] == "0") == normal)


def _weibo_comments(data: Path, limit: int) -> Iterator[str]:
    with gzip.open(
        data / "weibo-rumor-ced" / "reposts_comments.jsonl.gz", "rt", encoding="utf-8"
    ) as f:
        for line in itertools.islice(f, limit):
            yield json.loads(line)["text"]


def _youtube_ham(data: Path) -> Iterator[str]:
    path = data / "youtube-spam-collection" / "youtube_spam.csv"
    with open(path, newline="", encoding="utf-8") as f:
        yield from (row["CONTENT"] for row in csv.DictReader(f) if row["CLASS"] == "0")


def _weibo_posts(data: Path) -> Iterator[str]:
    with open(data / "weibo-rumor-ced" / "posts.jsonl", encoding="utf-8") as f:
        yield from (json.loads(line)["text"] for line in f)


def verdicts(texts: Iterator[str], surface: str) -> tuple[Counter[str], int]:
    policy = Policy.default()
    counts: Counter[str] = Counter()
    with_entities = 0
    for number, text in enumerate(texts):
        entities = over_eager_entities(text)
        with_entities += bool(entities)
        item = Item(str(number), text=text, surface=surface)
        counts[verdict_of(policy.evaluate(item, text, entities))] += 1
    return counts, with_entities


CLEAN = [
    pytest.param(lambda data: _sms(data, "ham"), "chat", id="sms-ham"),
    pytest.param(lambda data: _telecom(data, normal=True), "chat", id="chinese-sms-normal"),
    pytest.param(lambda data: _weibo_comments(data, 600_000), "comment", id="weibo-comments"),
    pytest.param(_weibo_posts, "post", id="weibo-posts"),
    pytest.param(_youtube_ham, "comment", id="youtube-ham"),
]


@pytest.mark.parametrize(("texts", "surface"), CLEAN)
def test_clean_messages_rarely_flagged(
    texts: Callable[[Path], Iterator[str]], surface: str, shared_data: Path
) -> None:
    counts, with_entities = verdicts(texts(shared_data), surface)
    total = sum(counts.values())
    assert total > 500 and with_entities > 0
    assert counts["act"] <= total * 0.001
    assert counts["review"] <= total * 0.01


def test_spam_is_caught_by_handle_rules(shared_data: Path) -> None:
    counts, _ = verdicts(_sms(shared_data, "spam"), "chat")
    assert counts["review"] >= sum(counts.values()) * 0.05
