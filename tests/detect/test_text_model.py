"""The text-intent model: the shipped one reads fraud and solicitation wording, an operator's model
trained with ``bastion model train`` replaces it, and scoring equals the trained linear model."""

from __future__ import annotations

import math
import zlib
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from bastion import Scanner
from bastion.cli import app
from bastion.detect.base import Resources
from bastion.detect.hashed import (
    BATCH_CHARS,
    HashedDoc,
    HashedModel,
    buckets_of,
    present_rows,
)
from bastion.detect.registry import DetectorError
from bastion.detect.text_model import (
    MODEL_FILE,
    TextModelDetector,
    policy_with_model_on,
    shipped_model,
    text_doc,
)
from bastion.intel import IntelIndex
from bastion.model import Item
from bastion.modeltrain import Example, read_labelled, split, train_operator

FRAUD = "您好，这里是上海公安局，您的身份证涉嫌洗钱案件，请立即把资金转入安全账户配合调查。"
PRIZE = "Congratulations! You have won a £1000 prize. Call 09061701461 now to claim your reward."
ORDINARY = ("明天一起吃饭吧，我订了万达广场附近的位子。", "see you at five, bring the report")
MARKETING_AND_REPLIES = (
    "【中国电信】尊敬的客户，感谢您多年的支持！即日起登录电信营业厅APP签到，连续七天可领5G流量，回复TD退订。",
    "尊敬的会员，周末到店购物满三百元积分翻倍，黄金首饰每克减十元，详情咨询门店。",
    "怎么可能，我才不信呢[哈哈]",
)
"""A carrier's and a shop's campaign, and a short reply under a post: the polite greeting,
the prize and the doubt of fraud scripts, none of their asks."""
SCRIPTS = (
    "您好，我是淘宝客服，您购买的商品质量有问题，我们要给您退款，请加我QQ并按提示操作。",
    "尊敬的用户，您的银行卡因异常交易已被冻结，请点击链接验证身份解冻，否则将影响征信。",
)

GAMBLING_ROWS = [f"百家乐真人荷官 首充送彩金{n}元 上分下分秒到 加微信kf{n}" for n in range(30)]
NORMAL_ROWS = [f"周末{n}点一起去公园散步吧，记得带上孩子和水杯" for n in range(30)]
SCAM_ROWS = [f"我是你领导，急需周转{n}万，先转到这个账户，别打电话" for n in range(30)]


@pytest.fixture(scope="module")
def empty_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A home whose policy is the default one with the text-model rules switched on."""
    return intent_on(tmp_path_factory.mktemp("empty-home"))


def intent_on(home: Path) -> Path:
    """``home`` with ``policy.yaml``: the packaged default with its text-model rules enabled."""
    home.mkdir(parents=True, exist_ok=True)
    (home / "policy.yaml").write_text(policy_with_model_on(), encoding="utf-8")
    return home


def test_the_model_is_off_under_the_default_policy(tmp_path: Path) -> None:
    """It reads every message (costly), so it runs only once a policy rule on it is enabled."""
    off = Scanner.load(tmp_path, no_feeds=True)
    assert "text_model" not in [d.name for d in off.detectors or ()]
    assert off.scan({"id": "1", "surface": "chat", "text": FRAUD}).verdict == "allow"
    on = Scanner.load(intent_on(tmp_path / "on"), no_feeds=True)
    assert "text_model" in [d.name for d in on.detectors or ()]
    assert on.scan({"id": "1", "surface": "chat", "text": FRAUD}).verdict == "review"


def _csv(path: Path) -> Path:
    rows = ["text,label"]
    rows += [f"{t},gambling" for t in GAMBLING_ROWS]
    rows += [f"{t},scam.acquaintance" for t in SCAM_ROWS]
    rows += [f"{t},normal" for t in NORMAL_ROWS]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_the_shipped_model_flags_fraud_scripts_and_prize_scams(empty_home: Path) -> None:
    scanner = Scanner.load(empty_home, no_feeds=True)
    # the prize text's premium-rate number after "Call" is a phone offered with prize wording
    expected = {
        FRAUD: [("text.intent", "scam")],
        PRIZE: [("phone.prize", "scam"), ("text.intent", "scam")],
    }
    for text in (FRAUD, PRIZE):
        result = scanner.scan({"id": "1", "surface": "chat", "text": text})
        assert result.verdict == "review", text
        [signal] = [s for s in result.signals if s.detector == "text_model"]
        assert (signal.label, signal.category) == ("intent.scam", "scam")
        assert signal.evidence.startswith(f"scam (shipped@{shipped_model().meta['version']}): ")
        assert [(v.rule, v.category) for v in result.violations] == expected[text]
    for text in ORDINARY:
        result = scanner.scan({"id": "2", "surface": "chat", "text": text})
        assert (result.verdict, result.signals) == ("allow", []), text


def test_campaigns_and_replies_are_not_scripts_that_open_the_same_way(empty_home: Path) -> None:
    scanner = Scanner.load(empty_home, no_feeds=True)
    for text in MARKETING_AND_REPLIES:
        result = scanner.scan({"id": "3", "surface": "chat", "text": text})
        assert result.verdict == "allow", text
    for text in SCRIPTS:
        assert scanner.scan({"id": "4", "surface": "chat", "text": text}).verdict == "review", text


def test_the_gate_skips_short_and_ordinary_texts() -> None:
    detector = TextModelDetector(Resources(IntelIndex.empty()))
    assert not detector.gate(Item("1", text="加v", surface="chat"))
    assert not detector.gate(Item("2", text=ORDINARY[0], surface="chat"))
    assert detector.gate(Item("3", text=FRAUD, surface="chat"))


def _reference_key(name: str, is_word: bool) -> int:
    """A feature's key as the module docstring defines it, computed one feature at a time."""
    if is_word:
        return zlib.crc32(name.encode()) << 16 | (0xA3B1 if " " in name else 0x5157)
    c = [ord(char) for char in name]
    radix, wrap = 2**32 + 15, 2**64
    if len(c) == 1:
        return c[0]
    pair = c[0] + (c[1] << 32)
    if len(c) == 2:
        return pair
    if len(c) == 3:
        return (pair * radix + c[2]) % wrap
    return (pair * radix * radix + c[2] + (c[3] << 32)) % wrap


def test_scoring_equals_the_linear_model_over_every_feature() -> None:
    """The vectorized keys are the documented ones (n-grams padded with NUL at the end, words,
    word pairs), and the score is the linear model over the distinct buckets present."""
    model = shipped_model()
    weight_of = dict(zip(model.buckets.tolist(), model.weights, strict=True))
    for text in (FRAUD, PRIZE, *ORDINARY, "ａａａ 888 aaaa", "ab"):
        doc = text_doc(text)
        keys, names = doc.keys(), doc.names()
        length = len(doc.chars)
        assert len(keys) == len(names) == doc.size
        for position, (key, name) in enumerate(zip(keys.tolist(), names, strict=True)):
            n = position // length + 1 if position < 4 * length else 0
            padded = (doc.chars + "\x03" * 3)[position % length :][:n] if n else name
            assert key == _reference_key(padded, is_word=not n), (text, name)
        expected = _reference_logits(model, doc, weight_of)
        assert np.allclose(model.logits(doc), expected, rtol=0, atol=1e-9)
        assert np.allclose(model.logits_many([doc])[0], expected, rtol=0, atol=1e-9)


def _reference_logits(
    model: HashedModel, doc: HashedDoc, weight_of: dict[int, np.ndarray] | None = None
) -> np.ndarray:
    """The linear model over the distinct buckets present, one feature at a time, in float64
    (the scorer before batches, whose float32 sum differed from this by float32 rounding)."""
    if weight_of is None:
        weight_of = dict(zip(model.buckets.tolist(), model.weights, strict=True))
    present = set(buckets_of(doc.keys(), model.bits).tolist())
    dense = np.zeros(len(model.classes))
    for bucket in present:
        dense += weight_of.get(bucket, 0.0)
    logits: np.ndarray = dense / math.sqrt(max(doc.size, 1)) + model.bias.astype(np.float64)
    return logits


def _sigmoids(logits: np.ndarray) -> np.ndarray:
    return np.array([[1.0 / (1.0 + math.exp(-x)) for x in row] for row in logits])


def test_batch_scores_equal_the_reference_on_the_held_out_rows(shared_data: Path) -> None:
    """Every held-out SMS and telecom row (several batches of ``BATCH_CHARS``): the batch
    probabilities are the one-at-a-time ones, and on every seventh row the feature-by-feature
    model's, to 1e-9."""
    from bench import train_text_model as texts

    rows = [
        e.text for rows in (texts.sms, texts.telecom) for e in texts.parts(rows(shared_data))[1]
    ]
    model, docs = shipped_model(), [text_doc(text) for text in rows]
    assert sum(len(doc.chars) for doc in docs) > 10 * BATCH_CHARS
    batch = model.probabilities_many(docs)
    one_by_one = np.array([model.probabilities(doc) for doc in docs])
    sample = slice(None, None, 7)  # the feature-by-feature reference is slow: every 7th row
    reference = _sigmoids(np.array([_reference_logits(model, doc) for doc in docs[sample]]))
    assert np.abs(batch - one_by_one).max() <= 1e-9
    assert np.abs(batch[sample] - reference).max() <= 1e-9
    assert [model.most_likely(doc) for doc in docs[:50]] == pytest.approx(
        batch[:50].max(axis=1), abs=1e-9
    )


TRICKY = st.sampled_from(list("ab z'091９ＡＢ，。：Σσ很好加微信\x03\x00\t\u3000\u0301é𝔸ﬁ"))


@given(
    st.lists(
        st.one_of(st.text(TRICKY, max_size=40), st.text(max_size=40), st.just("")), max_size=12
    )
)
def test_batch_scores_equal_the_reference_on_any_texts(rows: list[str]) -> None:
    """Any texts, with empty ones, NUL, the padding character, combining marks, full-width and
    astral characters among them: batch equals one at a time and the reference, to 1e-9."""
    model = shipped_model()
    docs = [text_doc(text) for text in rows]
    batch = model.logits_many(docs)
    assert batch.shape == (len(rows), len(model.classes))
    for row, doc in zip(batch, docs, strict=True):
        assert np.abs(row - _reference_logits(model, doc)).max() <= 1e-9
        assert np.abs(row - model.logits(doc)).max() <= 1e-9


def test_a_batch_too_wide_for_32_bits_is_sorted_in_64() -> None:
    """A batch whose document numbers times the row width pass 2**31 (an operator model with
    many kept buckets) gives the same pairs as a narrow one."""
    model = shipped_model()
    docs = [text_doc(text) for text in (FRAUD, PRIZE, *ORDINARY, *SCRIPTS, "", "ab", FRAUD)]
    index = np.zeros(1 << model.bits, dtype=np.int32)
    index[model.buckets] = np.arange(1, len(model.buckets) + 1, dtype=np.int32)
    narrow = present_rows(docs, model.bits, index, 17)
    wide = present_rows(docs, model.bits, index, 29)
    assert len(docs) << 29 >= 2**31 and wide[0].dtype == np.int64
    assert narrow[0].dtype == np.int32
    for a, b in zip(narrow, wide, strict=True):
        assert a.tolist() == b.tolist()


def test_a_model_survives_its_file_and_a_damaged_file_is_one_error() -> None:
    doc = HashedDoc("abab", ("cd",))
    buckets = np.unique(buckets_of(doc.keys(), 12))
    model = HashedModel(
        buckets,
        np.ones((len(buckets), 1), np.float32),
        np.zeros(1, np.float32),
        ["scam"],
        {"bits": 12},
    )
    again = HashedModel.from_bytes(model.to_bytes(), "x.npz")
    assert np.allclose(again.logits(doc), model.logits(doc))
    assert np.allclose(model.logits(doc), [len(buckets) / math.sqrt(doc.size)])
    named = model.top_features(doc, 0)
    assert named and all(name in doc.names() and len(name) > 1 for name in named)
    with pytest.raises(ValueError, match=r"^x\.npz: unreadable model"):
        HashedModel.from_bytes(b"not a model", "x.npz")
    with pytest.raises(ValueError, match="model buckets must lie in"):
        HashedModel(
            np.array([1 << 12]),
            np.ones((1, 1), np.float32),
            np.zeros(1, np.float32),
            ["scam"],
            {"bits": 12},
        )


def test_the_operator_model_replaces_the_shipped_one(tmp_path: Path) -> None:
    home = tmp_path / "home"
    model, path = train_operator(_csv(tmp_path / "data.csv"), home, seed=3, test_fraction=0.25)
    assert path == home / MODEL_FILE and path.is_file()
    assert model.classes == ["gambling", "scam.acquaintance"]
    card = path.with_suffix(".md").read_text(encoding="utf-8")
    assert "| class | precision | recall | F1 | support |" in card
    assert "| scam.acquaintance |" in card and "seeds: split 3" in card
    assert not list(home.joinpath("models").glob(".*.tmp"))
    scanner = Scanner.load(intent_on(home), no_feeds=True)
    result = scanner.scan({"id": "1", "surface": "chat", "text": SCAM_ROWS[0]})
    [signal] = result.signals
    assert signal.label == "intent.scam"
    assert signal.evidence.startswith(f"scam.acquaintance (operator@{model.meta['version']})")


def test_an_unreadable_operator_model_stops_the_load(tmp_path: Path) -> None:
    (tmp_path / MODEL_FILE).parent.mkdir(parents=True)
    (tmp_path / MODEL_FILE).write_bytes(b"garbage")
    with pytest.raises(DetectorError, match=r"^detector 'text_model' cannot load its data: "):
        Scanner.load(tmp_path, no_feeds=True)


def test_a_model_of_the_earlier_format_is_refused_with_one_line(tmp_path: Path) -> None:
    from bastion.detect.linear import LinearModel

    old = LinearModel(["ab"], np.ones((1, 1), np.float32), np.zeros(1, np.float32), ["scam"], {})
    (tmp_path / MODEL_FILE).parent.mkdir(parents=True)
    (tmp_path / MODEL_FILE).write_bytes(old.to_bytes())
    with pytest.raises(ValueError) as caught:
        TextModelDetector.load_asset(tmp_path)
    assert "format 'bastion-linear-2': train it again with `bastion model train`" in str(
        caught.value
    )
    assert "\n" not in str(caught.value)


def test_a_model_with_an_unknown_class_is_refused(tmp_path: Path) -> None:
    model = HashedModel(
        np.array([7]), np.ones((1, 1), np.float32), np.zeros(1, np.float32), ["hate"], {}
    )
    (tmp_path / MODEL_FILE).parent.mkdir(parents=True)
    (tmp_path / MODEL_FILE).write_bytes(model.to_bytes())
    with pytest.raises(ValueError, match="class 'hate' is not one of gambling"):
        TextModelDetector.load_asset(tmp_path)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("a.csv", "text,label\nhello,weird\n", "a.csv line 2: label 'weird' is not one of"),
        ("b.csv", "body,label\nhello,spam\n", "b.csv: the CSV header must name 'text' and 'label'"),
        ("c.jsonl", '{"text": "x", "label": "spam"}\n{oops\n', "c.jsonl line 2: invalid JSON"),
        ("d.jsonl", '{"text": 5, "label": "spam"}\n', "d.jsonl line 1: needs a 'text' string"),
    ],
)
def test_bad_training_data_is_one_line(
    tmp_path: Path, name: str, content: str, message: str
) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ValueError) as caught:
        read_labelled(path)
    assert message in str(caught.value) and "\n" not in str(caught.value)


def test_labels_map_to_classes(tmp_path: Path) -> None:
    path = tmp_path / "x.jsonl"
    path.write_text(
        '{"text": "a", "label": "ham"}\n{"text": "b", "label": "fraud|porn"}\n'
        '{"text": "c", "label": "scam.police"}\n',
        encoding="utf-8",
    )
    assert [e.labels for e in read_labelled(path)] == [
        frozenset(),
        frozenset({"scam", "sexual_services"}),
        frozenset({"scam.police"}),
    ]


def test_the_split_is_fixed_by_its_seed_and_keeps_copies_together() -> None:
    examples = [Example(f"text {n % 40}", frozenset()) for n in range(100)]
    train, test = split(examples, 5, 0.3, key=str)
    assert (train, test) == split(examples, 5, 0.3, key=str)
    assert {e.text for e in train}.isdisjoint({e.text for e in test})
    assert len({e.text for e in test}) == 12
    assert split(examples, 6, 0.3, key=str)[1] != test


def test_bastion_model_train(tmp_path: Path) -> None:
    runner = CliRunner()
    data = _csv(tmp_path / "data.csv")
    home = tmp_path / "home"
    outcome = runner.invoke(app, ["model", "train", "--data", str(data), "--home", str(home)])
    assert outcome.exit_code == 0, outcome.output
    assert "held out (data.csv" in outcome.output and "macro-F1" in outcome.output
    assert (home / MODEL_FILE).is_file()
    bad = tmp_path / "bad.csv"
    bad.write_text("text,label\nhello,weird\n", encoding="utf-8")
    outcome = runner.invoke(app, ["model", "train", "--data", str(bad), "--home", str(home)])
    assert outcome.exit_code == 1
    assert "error: " in outcome.output and "label 'weird'" in outcome.output


def test_the_readme_example_and_folding_promises() -> None:
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    assert f"(`{FRAUD}`: `intent.scam`, 0.99)" in readme
    assert shipped_model().probabilities(text_doc(FRAUD))[2] >= 0.99
    assert text_doc("CALL 13812345678 Now").chars == "call 000000 now"
    assert text_doc("Ｆｒｅｅ  spins\u3000NOW").tokens == ("free", "spins", "now")
    assert len(text_doc("很" * 5_000).chars) == 1_000


def test_repeating_a_text_does_not_push_its_score_up() -> None:
    model, once = shipped_model(), "今天天气很好，我们去公园散步吧。"
    assert model.probabilities(text_doc(once)).max() < 0.1
    assert model.probabilities(text_doc(once * 60)).max() < 0.1
