"""Text without a disguised link must come back unchanged: the unmasker may never invent one."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from bastion.normalize import unmask
from tests.support.tricks import assert_left_alone

UNCHANGED = [
    "一点点",
    "我一点都不想去，差一点就迟到了。",
    "好的。明天见",
    "好的。com的事情明天再说",
    "苹果、香蕉、橘子",
    "学习java、ai",
    "他说：一二三，开始！",
    "二〇二四年一月",
    "I got a dot",
    "I got a dot on my shirt.",
    "It was a dot com company in the dot com bubble.",
    "Mr.Smith arrived at 3.14 p.m. today",
    "see report.pdf and notes.txt",
    "e.g. net income rose",
    "Meet at 10 a.m. in the U.S.A. office",
    "Woke up at 7. How was your night?",
    "ONLY 2. No gravy. Only 2.",
    "Oh k...i'm watching here:)",
    "K..k..i'm also fine:)",
    "visit us at example.com",
    "look at bet888.com today",
    "see https://example.com/a?b=1 now",
    "mail me: bob@gmail.com",
    "a + b = c and x - y - z",
    "1, 2, 3, 4, 5 and 6",
    "version 1.2.3.4 released",
    ":-) :P ^_^ (>_<) ...",
    "Price: $3.50 / 2 = $1.75",
    "C# and F# are languages; #hashtag",
    "The answer is 42.",
    "сайт.рф и почта.рф",
    "Привет, как дела?",
    "Γεια σου κόσμε",
    "안녕하세요. 반갑습니다.",
    "こんにちは。元気ですか。",
    "",
]


@pytest.mark.parametrize("text", UNCHANGED)
def test_prose_is_left_alone(text: str) -> None:
    assert_left_alone(text)


_CONTEXTUAL = {"spelled_dot", "spaced_letters", "spelled_at", "hxxp", "cjk_numeral"}


def _ham(data: Path) -> list[str]:
    texts: list[str] = []
    sms = data / "sms-spam-collection" / "sms_spam.tsv"
    with sms.open(encoding="utf-8", newline="") as handle:
        texts += [row[1] for row in csv.reader(handle, delimiter="\t") if row[0] == "ham"]
    weibo = data / "weibo-rumor-ced" / "posts.jsonl"
    with weibo.open(encoding="utf-8") as handle:
        texts += [json.loads(line)["text"] for line in handle]
    return texts


def test_real_ham_rarely_triggers_contextual_folds(shared_data: Path) -> None:
    """English SMS ham and Chinese Weibo posts: contextual tricks fire on < 0.1% of messages."""
    texts = _ham(shared_data)
    fired = [t for t in texts if any(n in _CONTEXTUAL for n, _, _ in unmask(t).tricks)]
    assert len(texts) > 5000
    assert len(fired) <= len(texts) // 1000, fired[:10]
