"""A site's name with its ending held back (red team 7): reviewed, never given a guessed ending;
prose that talks about endings without a name before them is left alone."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bastion import Item, Scanner
from bastion.detect import masked_names, withheld_tlds
from bastion.detect.base import re2_text
from tests.extract.conftest import default_scanner


@pytest.fixture(scope="module")
def scanner() -> Scanner:
    return default_scanner()


@pytest.mark.parametrize(
    "text",
    [
        "casino bonus 100% - site is vbet88 dot (ask me for the ending)",
        "free spins: v8club + the usual ending, dm me",
        "hot girls, type k8asia56 and you know what goes after the dot",
        "注册送彩金，官网 tt128 点 后缀私聊问我",
        "福利视频，网址signsbybarry，后面自己加（懂的都懂）",
        "破解版免费下载 搜 gsmdqrmqddqtuv 加上常见后缀",
        # composed with other tricks: full-width letters, a name in spaced capitals
        "百家乐 官网 ｖｂｅｔ８８ 点 后缀私聊问我",
        "slots tonight: BET-WIN88 + the usual ending",
        # red team 9: the old ending, "you know which"
        "找不到的搜cf688，后面加老后缀就行",
        "老地方换域名了，前缀aw8vn2，后缀你懂的，进去送彩金",
        "same name as before, i99904, you know which ending",
    ],
)
def test_a_name_with_its_ending_held_back_goes_to_review(scanner: Scanner, text: str) -> None:
    result = scanner.scan(Item(id="x", text=text, surface="post"))
    assert result.verdict == "review", result.to_dict()
    assert "link.tld_withheld" in [v.rule for v in result.violations]
    assert not [e for e in result.entities if e.host]


@pytest.mark.parametrize(
    "text",
    [
        "what is the usual ending of a German word?",
        "the suffix -ness makes a noun",
        "域名后缀有很多种，比如 com 和 net",
        "ask me for the ending of the movie",
        "后面自己加油吧",
        "what is the usual ending, I wonder",
        "后缀你懂的是什么意思",
    ],
)
def test_prose_about_endings_is_left_alone(scanner: Scanner, text: str) -> None:
    result = scanner.scan(Item(id="x", text=text, surface="post"))
    assert "link.tld_withheld" not in [v.rule for v in result.violations]


@pytest.mark.parametrize(
    "text",
    [
        "your account is locked, verify now | w_rldphobi_guide.com",
        "free spins daily | luc?y8?.com",
        "joysex_mi_.com丨私密相册 解锁",
        "楼主说得对，同城约 去 sumose__.ch",
        # composed: a mask of another shape, full-width capitals around it
        "hot pics at CA□TORRI□E.COM",
    ],
)
def test_a_name_with_two_masked_characters_goes_to_review(scanner: Scanner, text: str) -> None:
    result = scanner.scan(Item(id="x", text=text, surface="post"))
    assert result.verdict == "review", result.to_dict()
    assert not [e for e in result.entities if e.host and "_" in e.host]


@pytest.mark.parametrize(
    "text",
    [
        "run python test_case_one.py again",
        "see my_notes_v2.md for details",
        "mail first_last_name@example.com",
        "what?? really?? ok.",
    ],
)
def test_file_names_and_questions_are_no_masked_names(scanner: Scanner, text: str) -> None:
    result = scanner.scan(Item(id="x", text=text, surface="post"))
    assert "link.masked_name" not in [v.rule for v in result.violations]


_GATE_PIECES = st.sampled_from(
    ["ending", "EXTENSION", "Suffix", "ſuffix", "endİng", "endıng", "tld", "TlD",
     "goes after the dot", "后缀", "後綴", "后面自己加", "后面你加", "w_r_d.com", "a?b?.cc", ".x"]
)  # fmt: skip
_GATE_CHARS = st.sampled_from(
    [*"endingEXTSUFIXtldgoafrhDOT _?？*＊□▢■.-a1中后缀後綴面自己你加", *"ſ\u212aİı\ud800"]
)
_GATE_TEXTS = st.lists(st.one_of(_GATE_PIECES, _GATE_CHARS), max_size=12).map("".join)


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(_GATE_TEXTS)
def test_the_gates_answer_as_their_re2_search(text: str) -> None:
    """The shortcuts before each gate's RE2 search (``str.lower`` on ASCII text, a hint class,
    a mask-pair search) never change its answer, lone surrogates and case variants included."""
    assert withheld_tlds.wants(text) is (withheld_tlds._GATE_RE.search(re2_text(text)) is not None)
    assert masked_names.wants(text) is (masked_names._GATE_RE.search(re2_text(text)) is not None)


@pytest.mark.parametrize(
    "text",
    [
        "ſuffix",
        "TLD",
        "Ending 中",
        "\u212aX tld 中",
        "后面你加",
        "w_rldphobi_guide.com",
        "a\ud800b\ud800c.com",
    ],
)
def test_the_gates_read_case_variants_and_surrogates(text: str) -> None:
    assert withheld_tlds.wants(text) or masked_names.wants(text)
