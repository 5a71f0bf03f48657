"""Near-duplicate clustering: normalisation survives what farms change, clusters group copies and
nothing else, the index answers queries and refuses damaged files, topics import or fail."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import numpy.typing as npt
import pytest

from bastion.neardup.cluster import Clusterer, component_labels
from bastion.neardup.files import PostsError, cluster_posts, write_clusters
from bastion.neardup.index import ClusterIndex, compile_index
from bastion.neardup.minhash import (
    MIN_CHARS,
    MinHashParams,
    signature_one,
    signatures,
    similarity,
)
from bastion.neardup.textnorm import normalise, t2s_table
from bastion.neardup.topics import Topics, TopicsError, parse_topics, save_topics

T2S = t2s_table()
POST = "今天下午约14点，宁波妇儿医院，一妇女携带一婴儿在住院楼跳楼，后抢救无效死亡。"
COPIES = [  # punctuation, emoji, hashtags, swapped phrases, traditional, full-width + noise
    "今天下午约14点 宁波妇儿医院 一妇女携带一婴儿在住院楼跳楼!!!后抢救无效死亡……",
    "今天下午约14点，宁波妇儿医院，一妇女😭携带一婴儿在住院楼跳楼，后抢救无效死亡。[蜡烛]🙏",
    "#宁波突发# 今天下午约14点，宁波妇儿医院，一妇女携带一婴儿在住院楼跳楼，后抢救无效死亡。#news",
    "宁波妇儿医院，今天下午约14点，一妇女携带一婴儿在住院楼跳楼，后抢救无效死亡。",
    "今天下午約14點，寧波婦兒醫院，一婦女攜帶一嬰兒在住院樓跳樓，後搶救無效死亡。",
    "今天下午约１４点，宁波妇儿医院 https://t.cn/abc @某人 一妇女携带一婴儿在住院楼跳楼，"
    "后抢救无效死亡。",
]
OTHER = [
    "明天上午十点在市图书馆举办读书分享会，欢迎大家带上喜欢的书参加。",
    "The quick brown fox jumps over the lazy dog near the river bank.",
    "Congratulations! You have won a free cruise, call now to claim your prize today.",
]
PARAMS = MinHashParams()


def sig_of(text: str) -> npt.NDArray[np.uint16]:
    sig, usable = signatures([normalise(text, T2S)], PARAMS)
    assert usable[0]
    row: npt.NDArray[np.uint16] = sig[0]
    return row


def test_normalise_drops_what_farms_change() -> None:
    assert normalise(POST, T2S) == normalise(COPIES[0], T2S) == normalise(COPIES[1], T2S)
    assert normalise(POST, T2S) == normalise(COPIES[2], T2S) == normalise(COPIES[4], T2S)
    assert normalise(POST, T2S) == normalise(COPIES[5], T2S)
    assert normalise("ＨＥＬＬＯ，World!!", T2S) == "helloworld"


def test_keep_tags_keeps_hashtag_words_for_topics() -> None:
    assert "宁波突发" in normalise(COPIES[2], T2S, keep_tags=True)
    assert "宁波突发" not in normalise(COPIES[2], T2S)


@pytest.mark.parametrize("copy", COPIES)
def test_every_light_edit_stays_above_the_threshold(copy: str) -> None:
    assert similarity(sig_of(POST), sig_of(copy)[None, :])[0] >= PARAMS.threshold


@pytest.mark.parametrize("other", OTHER)
def test_different_texts_stay_below_the_threshold(other: str) -> None:
    assert similarity(sig_of(POST), sig_of(other)[None, :])[0] < PARAMS.threshold


def test_swapped_english_words_stay_near() -> None:
    one = sig_of("free followers for everyone who shares this video right now")
    two = sig_of("free followers for everyone who shares this right now video")
    assert similarity(one, two[None, :])[0] >= PARAMS.threshold


def test_short_texts_get_no_signature() -> None:
    sig, usable = signatures(["转发微博", "x" * MIN_CHARS, ""], PARAMS)
    assert usable.tolist() == [False, True, False] and sig.shape == (1, PARAMS.num_perm)


def test_signatures_do_not_depend_on_the_batch() -> None:
    texts = [normalise(t, T2S) for t in [POST, *OTHER]]
    together, _ = signatures(texts, PARAMS)
    alone = np.stack([signatures([t], PARAMS)[0][0] for t in texts])
    one = np.stack([row for t in texts if (row := signature_one(t, PARAMS)) is not None])
    assert np.array_equal(together, alone) and np.array_equal(together, one)
    assert signature_one("转发微博", PARAMS) is None


def _clusterer(texts: list[str]) -> Clusterer:
    clusterer = Clusterer(t2s=T2S)
    ids = [f"i{n}" for n in range(len(texts))]
    clusterer.add(ids, texts, [f"a{n % 3}" for n in range(len(texts))])
    return clusterer


def test_copies_form_one_cluster_and_others_none() -> None:
    texts = [OTHER[0], POST, *COPIES, OTHER[1], OTHER[2], "转发微博", "转发微博"]
    clusters = _clusterer(texts).clusters()
    assert [c.members for c in clusters] == [tuple(range(1, 2 + len(COPIES)))]


def test_transitive_copies_join_one_component() -> None:
    sig = np.zeros((3, PARAMS.num_perm), np.uint16)
    sig[1, 40:] = 1  # row 1 agrees with row 0 on 40 rows (of 64) and with row 2 on 40
    sig[2, :24] = 2
    sig[2, 40:] = 1  # rows 0 and 2 agree on 16 only
    labels = component_labels(sig, MinHashParams(threshold=0.6))
    assert labels.tolist() == [0, 0, 0]


def write_posts(path: Path, texts: list[str], accounts: list[str] | None = None) -> None:
    accounts = accounts or [f"a{n}" for n in range(len(texts))]
    lines = [
        json.dumps({"id": f"p{n}", "text": t, "account_id": a}, ensure_ascii=False)
        for n, (t, a) in enumerate(zip(texts, accounts, strict=True))
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_clusters_file_has_one_line_per_cluster(tmp_path: Path) -> None:
    posts, out = tmp_path / "posts.jsonl", tmp_path / "clusters.jsonl"
    write_posts(posts, [POST, OTHER[0], *COPIES[:2], OTHER[1]])
    run = cluster_posts(posts, PARAMS, T2S, batch=2)  # batches do not split clusters
    write_clusters(run, out)
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(lines) == 1 and set(lines[0]) == {"cluster", "members"}
    assert lines[0]["members"] == ["p0", "p2", "p3"]
    assert lines[0]["cluster"].startswith("c")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"id": "a", "text": "hello there friend"}\nnot json\n', "line 2"),
        ('{"text": "no id here at all"}\n', "line 1: missing required field 'id'"),
        ('{"id": "a", "text": "one text here"}\n{"id": "a", "text": "two"}\n', "appears twice"),
    ],
)
def test_a_bad_posts_file_fails_in_one_line_and_writes_nothing(
    tmp_path: Path, content: str, message: str
) -> None:
    posts = tmp_path / "posts.jsonl"
    posts.write_text(content, encoding="utf-8")
    with pytest.raises(PostsError) as caught:
        cluster_posts(posts, PARAMS, T2S)
    assert message in str(caught.value) and "\n" not in str(caught.value)


def build_index(tmp_path: Path) -> ClusterIndex:
    posts = tmp_path / "posts.jsonl"
    texts = [POST, *COPIES, *OTHER, OTHER[0] + "!", OTHER[0] + "?"]
    accounts = ["farm", "farm", "farm", *[f"x{n}" for n in range(len(texts) - 3)]]
    accounts[-2:] = ["solo", "solo"]  # OTHER[0] copied by one account only: not a farm
    accounts[len(COPIES) + 1] = "solo"
    write_posts(posts, texts, accounts)
    index = compile_index(cluster_posts(posts, PARAMS, T2S), min_members=3, min_accounts=2)
    path = tmp_path / "home" / "clusters.npz"
    index.save(path)
    return ClusterIndex.load(path)


def test_index_finds_a_new_copy_and_counts_posts_per_account(tmp_path: Path) -> None:
    index = build_index(tmp_path)
    assert len(index) == 1
    hit = index.query(
        sig_of("宁波妇儿医院今天下午约14点，一妇女携带一婴儿在住院楼跳楼！后抢救无效死亡")
    )
    assert hit is not None and hit.similarity >= 0.5 and hit.size == 1 + len(COPIES)
    assert index.posts_by(hit.cluster, "farm") == 3
    assert index.posts_by(hit.cluster, "nobody") == 0 and index.posts_by(hit.cluster, "") == 0
    assert index.query(sig_of(OTHER[1])) is None
    assert index.query(sig_of(OTHER[0])) is None  # one account's own repeats are no farm


def test_a_damaged_or_foreign_index_fails_in_one_line(tmp_path: Path) -> None:
    path = tmp_path / "clusters.npz"
    path.write_bytes(b"not an index")
    with pytest.raises(ValueError, match="not a cluster index"):
        ClusterIndex.load(path)
    np.savez(path, meta=np.frombuffer(b'{"format": "other"}', dtype=np.uint8))
    with pytest.raises(ValueError, match="not a cluster index of format"):
        ClusterIndex.load(path)


def test_saving_over_an_index_is_atomic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    index = build_index(tmp_path)
    path = tmp_path / "home" / "clusters.npz"
    before = path.read_bytes()

    def broken(*args: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr("os.replace", broken)
    with pytest.raises(OSError):
        index.save(path)
    assert path.read_bytes() == before
    assert [p.name for p in path.parent.iterdir()] == ["clusters.npz"]


def test_topics_import_match_and_refuse_short_ones(tmp_path: Path) -> None:
    source = tmp_path / "topics.txt"
    source.write_text("#寧波婦兒醫院#\n\nWorld Cup Final\n", encoding="utf-8")
    topics = parse_topics(source, T2S)
    save_topics(topics, tmp_path / "topics.json")
    loaded = Topics.load(tmp_path / "topics.json")
    assert loaded.find(normalise(COPIES[0], T2S, keep_tags=True)) == "#寧波婦兒醫院#"
    assert loaded.find(normalise("who wins the world-cup final?", T2S, keep_tags=True))
    assert loaded.find(normalise(OTHER[0], T2S, keep_tags=True)) is None
    source.write_text("宁波\nai\n", encoding="utf-8")
    with pytest.raises(TopicsError, match="line 2: 'ai' is too short"):
        parse_topics(source, T2S)
