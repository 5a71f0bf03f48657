"""Unqualified advice: offers of professional advice or services are flagged per domain unless the
account holds a credential for it; talk about health, law or money is not an offer."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from bastion import Scanner
from bastion.cli import app
from bastion.detect.base import DetectContext, Resources
from bastion.detect.credentials import (
    _RAW_TEST,
    Credential,
    CredentialDetector,
    CredentialError,
    CredentialTable,
    may_offer,
    offers_in,
    parse,
    read,
)
from bastion.intel import IntelIndex
from bastion.model import Item
from bastion.policy import Policy
from tests.detect.test_contract import no_io

OFFERS = [
    ("medical", "Natural healer: I cure diabetes in 30 days, DM me for the remedy"),
    ("medical", "祖传秘方，专治失眠，包治包好，私信咨询"),
    ("legal", "Divorce or custody trouble? I can help you win in court, message me"),
    ("legal", "打官司找我，欠款纠纷不赢不收费，加微信"),
    ("financial", "Guaranteed returns 30% a month on my forex signals, DM for access"),
    ("financial", "带你炒股，每天一只涨停牛股，进群免费体验"),
    ("education", "I write essays and dissertations for any class, cheap rates, inbox me"),
    ("education", "代写论文，查重包过，一对一指导"),
    ("psychology", "Anxiety or depression? Book a therapy session with me, first session free"),
    ("psychology", "抑郁焦虑不用吃药，一对一心理疏导，私信预约"),
    ("medical", "專治糖尿病，祖傳秘方，私信諮詢"),  # traditional characters
]
ORDINARY = [
    "My doctor said I should rest for a week",
    "The law passed today, landlords must return deposits",
    "Stocks fell today after the rate decision",
    "I can help you move the sofa on Saturday",
    "Exam tomorrow, wish me luck",
    "My therapist says journaling helps",
    "Book a table for two at eight?",
    "Call me when you get the test results from the hospital",
    "医生说我要多休息",
    "今天新的法律通过了",
    "今天股市大跌，心疼我的基金",
    "我帮你拿快递吧",
    "作业太多了写不完",
    "最近压力好大，有点焦虑",
    "这个骗局已经有很多人上当了，大家注意",
    "买摩托车是王道啊，专治各种不服",
]


@pytest.fixture(scope="module")
def scanner() -> Scanner:
    table = CredentialTable([Credential("dr-li", "medical", "Medical Council", "MC-1")])
    return Scanner(IntelIndex.empty(), Policy.default(), assets={"credentials": table})


@pytest.mark.parametrize(("domain", "text"), OFFERS)
def test_offers_are_flagged_in_their_domain(domain: str, text: str, scanner: Scanner) -> None:
    result = scanner.scan(Item("o", text=text, surface="bio", account_id="someone"))
    signals = [s for s in result.signals if s.detector == "credentials"]
    assert domain in {s.evidence.split(":")[0] for s in signals}, text
    assert all(s.category == "unqualified_advice" for s in signals)
    assert result.verdict == "review"
    assert ("advice.unqualified", "unqualified_advice", "review") in {
        (v.rule, v.category, v.outcome) for v in result.violations
    }


@pytest.mark.parametrize("text", ORDINARY)
def test_talking_about_health_law_or_money_is_not_an_offer(text: str, scanner: Scanner) -> None:
    result = scanner.scan(Item("t", text=text, surface="post", account_id="someone"))
    assert [s for s in result.signals if s.detector == "credentials"] == [], text
    assert offers_in(text) == []


def test_a_credentialed_account_is_never_flagged_for_its_domain(scanner: Scanner) -> None:
    for domain, text in OFFERS:
        result = scanner.scan(Item("c", text=text, surface="bio", account_id="dr-li"))
        flagged = {s.evidence.split(":")[0] for s in result.signals if s.detector == "credentials"}
        assert "medical" not in flagged
        if domain != "medical":
            assert domain in flagged  # a medical licence does not cover legal or financial offers


def test_credential_csv_errors_are_one_line_with_the_line(tmp_path: Path) -> None:
    rows = "account_id,domain,issuer,id\nu1,medical,GMC,1\nu2,astrology,Stars,2\n"
    with pytest.raises(CredentialError, match=r"c.csv line 3: domain 'astrology' is not one of"):
        parse(rows.encode(), "c.csv")
    with pytest.raises(CredentialError, match=r"c.csv line 2: 'issuer' is empty"):
        parse(b"account_id,domain,issuer,id\nu1,legal,,7\n", "c.csv")
    with pytest.raises(CredentialError, match=r"c.csv line 1: the header must be"):
        parse(b"account,domain\n", "c.csv")


def test_import_compiles_atomically_and_keeps_the_old_table_on_error(tmp_path: Path) -> None:
    home = tmp_path / "home"
    good, bad = tmp_path / "good.csv", tmp_path / "bad.csv"
    good.write_text("account_id,domain,issuer,id\nu1,Legal,Bar Council,B-9\nu1,medical,GMC,4\n")
    bad.write_text("account_id,domain,issuer,id\nu2,legal,Bar,1\nu3,legal\n")
    runner = CliRunner()
    done = runner.invoke(app, ["credentials", "import", str(good), "--home", str(home)])
    assert done.exit_code == 0, done.output
    failed = runner.invoke(app, ["credentials", "import", str(bad), "--home", str(home)])
    assert failed.exit_code == 1
    assert "bad.csv line 3: 2 fields, expected 4" in " ".join(failed.output.split())
    table = read(home)
    assert table is not None and table.domains_of("u1") == {"legal", "medical"}
    assert table.domains_of("u2") == frozenset()
    assert [p.name for p in (home / "credentials").iterdir()] == ["credentials.json"]


def test_detect_is_pure_with_a_table() -> None:
    table = CredentialTable([Credential("a", "legal", "Bar", "1")])
    detector = CredentialDetector(Resources(IntelIndex.empty(), {"credentials": table}))
    text = OFFERS[0][1] * 300
    item = Item("p", text=text, account_id="a")
    context = DetectContext(item, text, text, [], Resources(IntelIndex.empty()))
    assert detector.gate(item)
    with no_io():
        first, second = detector.detect(context), detector.detect(context)
    assert first == second and len(first) == 1


def test_an_item_without_an_account_cannot_show_a_credential(scanner: Scanner) -> None:
    result = scanner.scan(Item("n", text=OFFERS[0][1], surface="post"))
    assert [s.evidence.split(":")[0] for s in result.signals] == ["medical"]


def test_only_the_head_of_a_long_text_is_read() -> None:
    filler = "今天天气很好。" * 800  # 5,600 characters
    assert offers_in(OFFERS[1][1] + filler) and not offers_in(filler + OFFERS[1][1])


EVAL_SET = Path(__file__).resolve().parents[2] / "bench" / "eval_sets" / "credentials_eval.jsonl"


def test_the_gate_wants_every_text_the_detector_flags() -> None:
    """The gate (an offer phrase and a domain word on the raw text, any case, both scripts) is
    a superset of what ``detect`` finds: checked on every offer here and in the evaluation set,
    each also in traditional script and in upper case."""
    import json

    from bastion.detect.textterms import simplified_to_traditional
    from bastion.normalize import unmask

    detector = CredentialDetector(Resources(IntelIndex.empty()))
    texts = [text for _, text in OFFERS] + [
        json.loads(line)["text"] for line in EVAL_SET.read_text("utf-8").splitlines() if line
    ]
    flagged = 0
    for base in texts:
        for text in (base, simplified_to_traditional(base), base.upper()):
            if offers_in(unmask(text, weak=True).text):
                flagged += 1
                assert detector.gate(Item("g", text=text)), text
    assert flagged > 100


def test_an_offer_without_a_domain_word_is_not_gated() -> None:
    detector = CredentialDetector(Resources(IntelIndex.empty()))
    assert not detector.gate(Item("g", text="DM me, I can help you move on Saturday"))
    assert not detector.gate(Item("g", text="私信我，周六帮你搬家"))
    assert detector.gate(Item("g", text="DM me, I can help you with your divorce"))
    long_text = "今天天气很好。" * 700 + "DM me for legal advice"
    assert detector.gate(Item("g", text=long_text))  # past the RE2 set's limit: exact patterns
    assert not detector.gate(Item("g", text="今天天气很好。" * 700 + "DM me"))


def _lexicon_pieces() -> list[str]:
    """Every literal run of the lexicon's patterns (both scripts), for texts near the gate."""
    from bastion.detect.advice_lexicon import (
        COMMERCE_EN,
        COMMERCE_ZH,
        OFFER_EN,
        OFFER_ZH,
        SERVICE_EN,
        SERVICE_ZH,
        TOPIC_EN,
        TOPIC_ZH,
    )
    from bastion.detect.textterms import simplified_to_traditional

    patterns = [*OFFER_EN, *OFFER_ZH, *COMMERCE_EN, *COMMERCE_ZH]
    for table in (SERVICE_EN, SERVICE_ZH, TOPIC_EN, TOPIC_ZH):
        patterns.extend(table.values())
    runs = {run for p in patterns for run in re.findall(r"[^\\()\[\]|?*+{}^$.]{1,8}", p)}
    runs |= {simplified_to_traditional(run) for run in runs}
    return sorted(runs)


_PIECES = st.sampled_from(_lexicon_pieces())
_GATE_TEXTS = st.lists(
    st.one_of(_PIECES, st.sampled_from([" ", "，", "K", "ſ", "我", "的", "1", "对"]), st.text()),
    max_size=12,
).map("".join)


@settings(max_examples=3000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_GATE_TEXTS)
def test_the_character_test_never_rejects_what_the_set_accepts(text: str) -> None:
    """``may_offer`` (two class searches) is a necessary condition of the RE2 set it saves."""
    if _RAW_TEST(text):
        assert may_offer(text), text


def test_the_character_test_rejects_ordinary_chinese() -> None:
    assert not may_offer("今天天气很好，我们去公园散步吧")
    assert not CredentialDetector(Resources(IntelIndex.empty())).gate(Item("g", text="哈哈哈哈"))
    for _, text in OFFERS:
        assert may_offer(text)


MARKETING = [
    # a pharmacy's, a jeweller's, a carrier's and an estate agent's sale: commerce words beside
    # topic words, no solicitation
    "益丰大药房会员日来啦！满100减20，具体哪些药品参与优惠请咨询客服热线",
    "即日起黄金每克优惠20元，详情请咨询店内工作人员",
    "流量包翻倍送，详询营业厅",
    "名校旁边全南向明亮的名品户型，投资自用两相宜，欢迎咨询",
    "Our class starts Monday, call us to book a seat",
]
ONE_WORD = [
    "有点狠了！基本翻倍！",  # 翻倍 is a commerce word and a money word: one word, no offer
    "说实话，哪有稳赚的？",
    "为了让后代考学读书，苦了父母了",  # 代考 inside 后代考学
    "真是唯恐天下不乱，造谣的人应该付法律责任，这正是他们想要的",
    "加V人士曝出的消息是假的，这人有病",  # Weibo's 加V is a verified badge
    "欢迎参加我们的法律常识答题活动",  # 加我 inside 参加我们
]


@pytest.mark.parametrize("text", MARKETING + ONE_WORD)
def test_a_sale_or_a_word_read_twice_is_not_an_offer(text: str) -> None:
    assert offers_in(text) == [], text


@pytest.mark.parametrize(
    ("domain", "text"),
    [
        ("medical", "专业治疗不孕不育，欢迎咨询"),  # commerce word + service word
        ("financial", "想炒股的找我，带你赚钱"),  # solicitation + topic word
        ("legal", "We offer visa and immigration help, DM me"),
        ("medical", "大药房老中医坐诊，私信我开方"),
    ],
)
def test_a_solicitation_or_a_service_still_makes_an_offer(domain: str, text: str) -> None:
    assert domain in {offer.domain for offer in offers_in(text)}, text


@pytest.mark.parametrize(
    "text",
    [
        "周末聚餐加我微信 abc-12 / running club chat is on telegram, I'm @crypto_tian212",
        "add me, my gamer tag is stock_guru88",
        "加我 @loan_king7 一起打球",
    ],
)
def test_a_topic_word_inside_an_account_name_is_no_topic(text: str) -> None:
    """Red team 6: ``@crypto_tian212`` names an account, not the financial topic."""
    assert offers_in(text) == []


def test_skipping_the_patterns_the_set_did_not_find_changes_no_offer(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """``offers_in`` reads only the regexes whose patterns its RE2 set found: the offers equal
    those of reading every regex, on every offer, sale and ordinary text here and in the
    evaluation set, each also in traditional script and upper case."""
    import json

    from bastion.detect import credentials
    from bastion.detect.textterms import simplified_to_traditional

    texts = [t for _, t in OFFERS] + ORDINARY + MARKETING + ONE_WORD
    texts += [json.loads(line)["text"] for line in EVAL_SET.read_text("utf-8").splitlines() if line]
    cases = [v for t in texts for v in (t, simplified_to_traditional(t), t.upper())]
    skipping = [offers_in(text) for text in cases]
    test = type(credentials._FOLDED_TEST)

    def every_pattern(self: object, text: str) -> frozenset[int] | None:
        return None if test.__call__(self, text) else frozenset()  # type: ignore[arg-type]

    monkeypatch.setattr(test, "hits", every_pattern)
    assert [offers_in(text) for text in cases] == skipping
    assert sum(map(bool, skipping)) > 100
