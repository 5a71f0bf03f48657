"""The near_duplicates detector through the scanner: a copy of a known farm post is
``content_farm``; a monetized account's further copy on a trending topic is ``clout_chasing``
and climbs the monetization steps of the default ladder; without an index nothing runs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bastion import Scanner
from bastion.detect.near_duplicates import (
    DIRECTORY,
    INDEX_FILE,
    MASS_POSTING,
    TOPICS_FILE,
    NearDuplicateDetector,
)
from bastion.detect.registry import DetectorError
from bastion.enforce.ladder import Ladder
from bastion.model import Item
from bastion.neardup.files import cluster_posts
from bastion.neardup.index import compile_index
from bastion.neardup.minhash import MinHashParams
from bastion.neardup.textnorm import t2s_table
from bastion.neardup.topics import parse_topics, save_topics
from tests.detect.test_contract import context, no_io
from tests.enforce.test_ladder import NOW

FARM = "今天下午约14点，宁波妇儿医院，一妇女携带一婴儿在住院楼跳楼，后抢救无效死亡。"
COPY = "#宁波妇儿医院# 今天下午約14點 寧波婦兒醫院 一婦女攜帶一嬰兒在住院樓跳樓!!後搶救無效死亡😭"
OTHER = "明天上午十点在市图书馆举办读书分享会，欢迎大家带上喜欢的书参加。"


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("farm-home")
    posts = root / "posts.jsonl"
    rows = [
        {"id": "1", "text": FARM, "account_id": "clout"},
        {"id": "2", "text": FARM + "！！", "account_id": "clout"},
        {"id": "3", "text": "【转】" + FARM, "account_id": "helper"},
        {"id": "4", "text": FARM + "[蜡烛]", "account_id": "once"},
        {"id": "5", "text": OTHER, "account_id": "reader"},
    ]
    posts.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    t2s = t2s_table()
    compile_index(cluster_posts(posts, MinHashParams(), t2s)).save(root / DIRECTORY / INDEX_FILE)
    topics = root / "topics.txt"
    topics.write_text("#宁波妇儿医院#\n", encoding="utf-8")
    save_topics(parse_topics(topics, t2s), root / DIRECTORY / TOPICS_FILE)
    return root


@pytest.fixture(scope="module")
def scanner(home: Path) -> Scanner:
    return Scanner.load(home, no_feeds=True)


def item(text: str, account: str = "someone", monetized: bool = False) -> Item:
    meta = {"monetized": True} if monetized else {}
    return Item("x", text=text, surface="post", account_id=account, meta=meta)


def labels(scanner: Scanner, it: Item) -> list[str]:
    return [s.label for s in scanner.scan(it).signals]


def test_a_copy_of_a_known_farm_post_is_content_farm(scanner: Scanner) -> None:
    result = scanner.scan(item(COPY))
    assert [s.label for s in result.signals] == ["content_farm"]
    signal = result.signals[0]
    assert signal.category == "content_farm" and signal.score >= 0.5
    assert "farm cluster c" in signal.evidence and "4 posts by 3 accounts" in signal.evidence
    assert result.verdict == "act"
    assert [(v.rule, v.severity, v.outcome) for v in result.violations] == [
        ("farm.copy", "medium", "remove")
    ]


def test_an_unrelated_post_is_left_alone(scanner: Scanner) -> None:
    assert scanner.scan(item(OTHER)).verdict == "allow"
    assert scanner.scan(item("天气不错")).verdict == "allow"


def test_clout_chasing_needs_money_topic_and_mass_posting(scanner: Scanner) -> None:
    assert labels(scanner, item(COPY, "clout", monetized=True)) == [
        "content_farm",
        "clout_chasing",
    ]
    assert labels(scanner, item(COPY, "clout")) == ["content_farm"]  # not monetized
    assert labels(scanner, item(COPY, "once", monetized=True)) == ["content_farm"]  # 1 < 2
    off_topic = COPY.replace("#宁波妇儿医院# ", "").replace("寧波婦兒醫院", "那家医院")
    assert labels(scanner, item(off_topic, "clout", monetized=True)) == ["content_farm"]
    assert MASS_POSTING == 2


def test_clout_chasing_climbs_the_monetization_steps(scanner: Scanner) -> None:
    result = scanner.scan(item(COPY, "clout", monetized=True))
    clout = next(v for v in result.violations if v.category == "clout_chasing")
    assert (clout.outcome, clout.severity) == ("remove", "high")
    decision = Ladder.default().decide(clout, "remove", [], NOW)
    assert "suspend_monetization" in decision.kinds and "remove_content" in decision.kinds


def test_detect_does_no_io(home: Path, scanner: Scanner) -> None:
    detector = next(d for d in scanner.detectors or () if d.name == "near_duplicates")
    ctx = context(COPY, scanner._resources)
    ctx.item = item(COPY, "clout", monetized=True)
    with no_io():
        signals = detector.detect(ctx)
    assert [s.label for s in signals] == ["content_farm", "clout_chasing"]


def test_without_an_index_the_gate_is_shut(tmp_path: Path) -> None:
    assert NearDuplicateDetector.load_asset(tmp_path) is None
    plain = Scanner.load(tmp_path, no_feeds=True)
    detector = next(d for d in plain.detectors or () if d.name == "near_duplicates")
    assert not detector.gate(item(COPY))
    assert plain.scan(item(COPY)).verdict == "allow"


def test_a_damaged_index_stops_the_load(tmp_path: Path) -> None:
    (tmp_path / DIRECTORY).mkdir()
    (tmp_path / DIRECTORY / INDEX_FILE).write_bytes(b"garbage")
    with pytest.raises(DetectorError, match=r"near_duplicates.*not a cluster index"):
        Scanner.load(tmp_path, no_feeds=True)
