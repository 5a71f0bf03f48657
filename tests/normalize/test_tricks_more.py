"""Tricks the recall benchmark found missing: emoji and ideographic dots before any TLD,
two-label suffixes, kept hyphens in spaced letters, ``at`` as a word, spaced schemes.

Each case gives the exact folded text, the token, its original substring and the tricks in it;
each negative is prose that must come back unchanged (or without an invented ``@``).
"""

from __future__ import annotations

import pytest

from bastion.extract import extract_entities
from bastion.normalize import unmask
from bastion.normalize.hostwords import is_weird_case, plausible_words_host, sentence_break
from tests.support.tricks import TRICK_FIELDS, assert_left_alone, assert_trick_undone

# (original, folded text, token in it, original substring of the token, tricks in the token)
# fmt: off
CASES: list[tuple[str, str, str, str, list[str]]] = [
    # emoji and pictographs written as the dot
    ("老司机都懂的88sports✨com，今晚更新", "老司机都懂的88sports.com，今晚更新", "88sports.com",
     "88sports✨com", ["spelled_dot"]),
    ("Check out km938b🔴com now", "Check out km938b.com now", "km938b.com", "km938b🔴com",
     ["spelled_dot"]),
    ("jesterjackpots🌟co🌟uk", "jesterjackpots.co.uk", "jesterjackpots.co.uk",
     "jesterjackpots🌟co🌟uk", ["spelled_dot"]),
    ("nbet💎site 首充", "nbet.site 首充", "nbet.site", "nbet💎site", ["spelled_dot"]),
    ("bet888•com", "bet888.com", "bet888.com", "bet888•com", ["spelled_dot"]),
    ("官网b🎲e🎲t🎲8🎲8🎲8.com", "官网bet888.com", "bet888.com", "b🎲e🎲t🎲8🎲8🎲8.com",
     ["spaced_letters"]),
    # ideographic dots before TLDs other than .com
    ("地址：deca丶bet 收藏", "地址：deca.bet 收藏", "deca.bet", "deca丶bet", ["spelled_dot"]),
    ("复制jesterjackpots·co·uk到浏览器", "复制jesterjackpots.co.uk到浏览器", "jesterjackpots.co.uk",
     "jesterjackpots·co·uk", ["spelled_dot"]),
    ("lutrija。rs", "lutrija.rs", "lutrija.rs", "lutrija。rs", ["spelled_dot"]),
    ("mpi丶gov丶tr", "mpi.gov.tr", "mpi.gov.tr", "mpi丶gov丶tr", ["spelled_dot"]),
    ("lotto-hh·de", "lotto-hh.de", "lotto-hh.de", "lotto-hh·de", ["spelled_dot"]),
    ("voyeurhit·tube", "voyeurhit.tube", "voyeurhit.tube", "voyeurhit·tube", ["spelled_dot"]),
    ("playiwin丶in", "playiwin.in", "playiwin.in", "playiwin丶in", ["spelled_dot"]),
    ("DEca。Bet", "DEca.Bet", "DEca.Bet", "DEca。Bet", ["spelled_dot"]),
    # two-label public suffixes whose last label is no TLD on its own (za) or a word TLD (in)
    ("shariffmarketing。co。za", "shariffmarketing.co.za", "shariffmarketing.co.za",
     "shariffmarketing。co。za", ["spelled_dot"]),
    ("dreamboat丶co丶in", "dreamboat.co.in", "dreamboat.co.in", "dreamboat丶co丶in",
     ["spelled_dot"]),
    ("centralsystems[.]co[.]za", "centralsystems.co.za", "centralsystems.co.za",
     "centralsystems[.]co[.]za", ["spelled_dot"]),
    ("playiwin dot in", "playiwin.in", "playiwin.in", "playiwin dot in", ["spelled_dot"]),
    # spaced and symbol-separated letters: hyphens kept, short runs, dotted tails
    ("老司机都懂的l o t t o - h h . d e，今晚", "老司机都懂的lotto-hh.de，今晚", "lotto-hh.de",
     "l o t t o - h h . d e", ["spaced_letters"]),
    ("l^o^t^t^o^-^h^h.de", "lotto-hh.de", "lotto-hh.de", "l^o^t^t^o^-^h^h.de",
     ["spaced_letters"]),
    ("x~x~x~-~p~o~r~n.info", "xxx-porn.info", "xxx-porn.info", "x~x~x~-~p~o~r~n.info",
     ["spaced_letters"]),
    ("b.e.t.c.o.m.c.n", "bet.com.cn", "bet.com.cn", "b.e.t.c.o.m.c.n", ["spaced_letters"]),
    ("m^p^i.gov.tr", "mpi.gov.tr", "mpi.gov.tr", "m^p^i.gov.tr", ["spaced_letters"]),
    ("p_a_f.com", "paf.com", "paf.com", "p_a_f.com", ["spaced_letters"]),
    ("h^i^t^o^t^u^b^u.or.jp，", "hitotubu.or.jp，", "hitotubu.or.jp", "h^i^t^o^t^u^b^u.or.jp",
     ["spaced_letters"]),
    ("点击i|n|f|o|d|e|a|l.github.io领取", "点击infodeal.github.io领取", "infodeal.github.io",
     "i|n|f|o|d|e|a|l.github.io", ["spaced_letters"]),
    # a spaced scheme swallows the space before its host
    ("复制h t t p : / / playiwin.in到", "复制http://playiwin.in到", "http://", "h t t p : / / ",
     ["hxxp"]),
    ("see http:// bet888.com", "see http://bet888.com", "http://", "http:// ", ["hxxp"]),
    # " at " is a word unless the address is spelled out and reads as one
    ("verify at 88sports[.]com now", "verify at 88sports.com now", "88sports.com",
     "88sports[.]com", ["spelled_dot"]),
    ("Win big at bethard dot com today!", "Win big at bethard.com today!", "bethard.com",
     "bethard dot com", ["spelled_dot"]),
    ("kefu88 at bet365 dot com", "kefu88@bet365.com", "kefu88@bet365.com",
     "kefu88 at bet365 dot com", ["spelled_at", "spelled_dot"]),
    ("john.doe at example dot com", "john.doe@example.com", "john.doe@example.com",
     "john.doe at example dot com", ["spelled_at", "spelled_dot"]),
    ("me at yahoo dot co dot uk", "me@yahoo.co.uk", "me@yahoo.co.uk",
     "me at yahoo dot co dot uk", ["spelled_at", "spelled_dot"]),
    ("bob[at]bet365[.]com", "bob@bet365.com", "bob@bet365.com", "bob[at]bet365[.]com",
     ["spelled_at", "spelled_dot"]),
    # markup gaps inside a name: comments, soft hyphens and zero-width references render as
    # nothing (never the tail after the gap: ``egranny.net``)
    ("看片地址 liv&shy;egranny.net 永久", "看片地址 livegranny.net 永久", "livegranny.net",
     "liv&shy;egranny.net", ["markup"]),
    ("h<!-- -->awkbu&#8203;zz&#46;com", "hawkbuzz.com", "hawkbuzz.com",
     "h<!-- -->awkbu&#8203;zz&#46;com", ["markup"]),
    ("jebe&shy;<!---->tting<wbr>.com", "jebetting.com", "jebetting.com",
     "jebe&shy;<!---->tting<wbr>.com", ["markup"]),
    # an element the page hides renders as nothing: its text is noise planted in the name
    # (red team 5: ``noisessnews.net`` was reported)
    ('官网 stopre<span style="display:none">noise</span>ssnews&#x2E;net 注册',
     "官网 stopressnews.net 注册", "stopressnews.net",
     'stopre<span style="display:none">noise</span>ssnews&#x2E;net', ["markup"]),
    ("tai<font style='font-size: 0;'>qq</font>sum1.club", "taisum1.club", "taisum1.club",
     "tai<font style='font-size: 0;'>qq</font>sum1.club", ["markup"]),
    ("7renc<span hidden>abc123</span>ontres.com", "7rencontres.com", "7rencontres.com",
     "7renc<span hidden>abc123</span>ontres.com", ["markup"]),
    # the dot word glued in camel case, the TLD maybe in digits, a word glued after it
    ("K8asia85DoTC0m", "K8asia85.com", "K8asia85.com", "K8asia85DoTC0m", ["spelled_dot"]),
    ("Jenny SavagearmstoreDottC0mVIP", "Jenny Savagearmstore.com VIP", "Savagearmstore.com",
     "SavagearmstoreDottC0m", ["spelled_dot"]),
    ("官网RikvipDottTv 注册", "官网Rikvip.tv 注册", "Rikvip.tv", "RikvipDottTv", ["spelled_dot"]),
]
# fmt: on


@pytest.mark.parametrize(TRICK_FIELDS, CASES)
def test_trick_is_undone(
    original: str, folded: str, token: str, raw: str, tricks: list[str]
) -> None:
    assert_trick_undone(original, folded, token, raw, tricks)


PROSE = [
    "I love😍you",
    "haha🎉new year",
    "good🌟day everyone",
    "Tom·Ford 的新款",
    "hello。world",
    "good morning。love you",
    "goodbye。my love",
    "哈哈Kao。Sb",
    "WanwenQuan丶Ge",
    "1、IT 2、AI",
    "学习java、ai",
    "What FLOWER does DOT compare herself to?",
    "a dot on the map",
    "come at 5 dot com?",
    "我累了。goodbye。my love",
    "今天好开心this。is",
    "谢谢thanks。love你",
    "我的love丶life最重要",
    "我在home。me",
    "周末去shop。now吗",
    "hi (to you). Com on",
    "thanks (to you). com",
    "RedDotTeam wins",
    "a <!-- comment --> here",
]


@pytest.mark.parametrize("text", PROSE)
def test_prose_with_new_separators_is_left_alone(text: str) -> None:
    assert_left_alone(text)


@pytest.mark.parametrize(
    "text",
    [
        'see <span style="font-size:0.9em">bet888</span>.com',
        'see <span aria-hidden="true">bet888</span>.com',
        'see <b class="hiddenish">bet888</b>.com',
    ],
)
def test_elements_that_show_keep_their_text(text: str) -> None:
    assert "bet888" in unmask(text).text


def test_a_hidden_link_is_still_read() -> None:
    assert "bet888.com" in unmask('hi <span style="display:none">bet888.com</span> there').text


@pytest.mark.parametrize(
    "text",
    [
        "Your account is locked, verify at 88sports[.]com now",
        "Claim your reward at uk88 dot vip before midnight",
        "Win big at deca[.]bet today!",
        "meet me at the mall dot com",
    ],
)
def test_the_word_at_is_not_an_email(text: str) -> None:
    assert "@" not in unmask(text).text


@pytest.mark.parametrize(
    ("label", "weird"),
    [
        *[("DEca", True), ("LuTrIjA", True), ("HPAv", True), ("sYnotTip", False)],
        *[("iPhone", False), ("WanwenQuan", False), ("Hello", False), ("BET", False)],
        *[("bet", False), ("x", False)],
    ],
)
def test_weird_case(label: str, weird: bool) -> None:
    assert is_weird_case(label) is weird


def test_word_hosts_and_sentence_breaks() -> None:
    assert plausible_words_host("lutrija", "rs")
    assert plausible_words_host("deca", "bet")
    assert plausible_words_host("toptrumps", "in")
    assert not plausible_words_host("message", "it")
    assert not plausible_words_host("her", "love")
    assert not plausible_words_host("x", "com")
    assert sentence_break("end", "Next")
    assert sentence_break("Kao", "Sb")
    assert not sentence_break("DEca", "Bet")
    assert not sentence_break("bet888", "Com")
    assert not sentence_break("end", "next")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("see \n> https://pu\n> ssyporn4u.\n> com/x\n> 1", "https://pussyporn4u.com/x1"),
        ("Visit \n> https://yy\n> live.tv/ac\n> count", "https://yylive.tv/account"),
        ("new link \n> https://e\n> asygirlno\n> w.com/acc", "https://easygirlnow.com/acc"),
        ("> bet\n> 888.\n> com", "bet888.com"),
    ],
)
def test_a_quoted_wrapped_link_is_read_whole(text: str, value: str) -> None:
    """Mail quote marks before a link wrapped at a fixed width go (red team 5: the host ``pu``
    and the tail ``live.tv`` were reported)."""
    found = [e.value for e in extract_entities(unmask(text, weak=True), prose_like=True)]
    assert found == [value]


@pytest.mark.parametrize("text", ["> I agree.\n> See you soon.\nok", "> yes\n> no", "a > b\nc > d"])
def test_quoted_prose_reads_no_host(text: str) -> None:
    assert extract_entities(unmask(text, weak=True), prose_like=True) == []
