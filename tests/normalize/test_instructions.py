"""Links a reader rebuilds by following the message's words (``bastion.normalize.instructions``).

One family per class of instruction, each member a listed host of the sinfonietta gambling list
written the way red-team spam writes it: found and acted on, with no other host. Guesses (no
word says to join) are found only because the host is listed; the tail a guess cuts off, and
prose that merely sounds like an instruction, never give a host.
"""

from __future__ import annotations

import re

import pytest

from bastion import Item, Scanner
from bastion.normalize import unmask
from bastion.normalize.instructions import GATE, TRIGGER

CERTAIN: dict[str, list[tuple[str, str]]] = {
    "spoken_digits": [
        ("go to bulldog seven seven seven dot com (no spaces)", "bulldog777.com"),
        ("Win big: bola eight eight dot com - type it as one word", "bola88.com"),
        ("one two bet dot com (all one word)", "12bet.com"),
        ("官网 bola eight eight . com 连起来", "bola88.com"),
    ],
    "tld_in_words": [
        ("claim now our site: bwin , domain ending com", "bwin.com"),
        ("site is betway and then .com at the end", "betway.com"),
        ("just google bobcasino , its the .com one not the others", "bobcasino.com"),
        ("hot tips bgbet (ends with .com)", "bgbet.com"),
    ],
    "tld_first_zh": [
        ("快递理赔点击办理，后缀是com，前面是bwin", "bwin.com"),
        ("百家乐包赢，域名后缀.com，主体betway，自己拼一下", "betway.com"),
        ("您的账户存在异常请立即验证，先输入bobcasino再输入点com", "bobcasino.com"),
        ("福利视频免费看，网址：点com前面加上bola88", "bola88.com"),
        ("每日返水无上限，com结尾，名字bgbet", "bgbet.com"),
    ],
    "two_halves": [
        ("网址前半段book，后半段maker7点com，连起来输入", "bookmaker7.com"),
        ("link: first part bull , second part dog777.com (put them together)", "bulldog777.com"),
    ],
    "symbol_is_the_dot": [
        ("Daily cashback bwin=com = is a dot", "bwin.com"),
        ("每日返水无上限 betway=com把=改成.", "betway.com"),
        ("福利视频免费看 bgbet^com（^换成点）", "bgbet.com"),
        ("请立即验证 bola88%com%代表点", "bola88.com"),
        ("FREE 50 spins bobcasino🌹com 🌹 is a dot", "bobcasino.com"),
        ("replace ~ with a dot: bulldog777~com", "bulldog777.com"),
    ],
    "filler_to_drop": [
        ("dont tell anyone bwQiQn.com without the Qs", "bwin.com"),
        ("bob_ca_si_no.com without the _s", "bobcasino.com"),
        ("boZZbcaZZsino.com - delete every ZZ", "bobcasino.com"),
        ("银行卡已冻结请登录解冻 1X8X8bet.com（去掉X）", "188bet.com"),
        ("win big b@et@wa@y.com - delete every @", "betway.com"),
        ("fast withdrawal bu*ll*dog*777.com without the *s", "bulldog777.com"),
    ],
    "insert_the_dot": [
        ("美女主播裸聊 bwincom（在com前加.）", "bwin.com"),
        ("confirm your password betwaycom - add . before com", "betway.com"),
        ("百家乐包赢 bgbetcom（com前面加个点）", "bgbet.com"),
    ],
    "stars_stand_for": [
        ("ETC认证失效请更新 bob***sino.com（星号是ca）", "bobcasino.com"),
        ("real hookups b*in.com (* = w)", "bwin.com"),
    ],
    "counted_digits": [
        ("官网 bola两个8 点 com 注册就送", "bola88.com"),
        ("打不开就换 bulldog三个7点com", "bulldog777.com"),
        ("play at bola double eight dot com (no spaces)", "bola88.com"),
        ("bulldog triple seven dot com (no spaces)", "bulldog777.com"),
        ("join bulldog three times seven dot com (no spaces)", "bulldog777.com"),
    ],
    "filler_named_in_words": [
        ("sports tips bw★in.com (ignore the stars)", "bwin.com"),
        ("百家乐 be♥tw♥ay点com （去掉爱心）", "betway.com"),
        ("register at bgbxxet.com (quita los x)", "bgbet.com"),
        ("bo~bca~sino dot com (bỏ dấu ~)", "bobcasino.com"),
        ("官网 bo★la8★8点com （删掉所有星星）", "bola88.com"),
    ],
    "read_right_to_left": [
        ("Win big tonight moc.niwb read from right to left", "bwin.com"),
        ("百家乐 moc.yawteb 从右往左读", "betway.com"),
    ],
}
GUESSED: list[tuple[str, str]] = [
    ("go to bulldog seven seven seven dot com", "bulldog777.com"),
    ("site is betway and then .com", "betway.com"),
    ("visit my one one circle dot com (no spaces)", "my11circle.com"),
    ("fast withdrawal bobcasinocom (add the dot yourself)", "bobcasino.com"),
]
"""No word makes the reading certain: the host is acted on because the intel lists it."""

CASES = [(family, text, host) for family, members in CERTAIN.items() for text, host in members]
SURFACES = ("post", "chat", "username")


@pytest.mark.parametrize(("family", "text", "host"), [*CASES, *(("guessed", *c) for c in GUESSED)])
def test_listed_host_is_rebuilt_and_acted_on(
    scanner: Scanner, family: str, text: str, host: str
) -> None:
    for surface in SURFACES:
        result = scanner.scan(Item(id=family, text=text, surface=surface))
        hosts = [e.registrable_domain for e in result.entities]
        assert hosts == [host], (surface, hosts)
        assert result.verdict == "act", (surface, result.to_dict())


@pytest.mark.parametrize(("family", "text", "host"), CASES)
def test_a_certain_reading_is_in_the_main_reading(family: str, text: str, host: str) -> None:
    """No guess: the host is in the main reading, not flagged as a cut or guessed join (an
    earlier fold may have done part of the work: ``bgbet^com`` is a stand-in dot already)."""
    folded = unmask(text)
    assert host in folded.text.lower()
    names = {name for name, _, _ in folded.tricks}
    assert not names & {"weak_dot", "weak_join", "split_word"}, (family, names)


@pytest.mark.parametrize(
    ("text", "reported"),
    [
        ("Go to sodo one four dot com", []),
        ("go to xoso seven eight eight dot com", []),
        ("site is zorblax and then .com", []),
        ("just google lytework , its the .com one", ["lytework.com"]),
        ("first part space , second part fucker.com (put them together)", ["spacefucker.com"]),
        ("网址前半段aish，后半段abilal点com，连起来输入", ["aishabilal.com"]),
        ("learn java and then .net later", []),
        ("mansion double eight dot com (no spaces)", ["mansion88.com"]),
        ("fsl double one dot com (no spaces)", ["fsl11.com"]),
        ("w两个8club 点 com", ["w88club.com"]),
        ("norges★aut★o★maten.com (ignore the stars)", ["norgesautomaten.com"]),
        ("to♥ng♥g♥a88点com （去掉爱心）", ["tongga88.com"]),
    ],
)
def test_the_tail_of_an_instruction_is_never_a_host(
    scanner: Scanner, text: str, reported: list[str]
) -> None:
    """``four.com``, ``then.com``, ``fucker.com``: what a phrase leaves when read word by word."""
    result = scanner.scan(Item(id="tail", text=text, surface="post"))
    assert [e.registrable_domain for e in result.entities] == reported


PROSE = [
    "python file extension .py is common",
    "see example.com without the e",
    "Remove the cover then dot the i's",
    "I scored one two three. Com'on",
    "what a happy ending com on",
    "the script ends with .py",
    "read it from right to left, ok",
    "一点点小事，先输入密码再输入验证码",
    "后缀是什么？前面是谁",
    "第一段写得好，第二段一般",
    "价格 = 是 5 元",
    "x = is a variable, replace x with y",
    "delete every file then dot your name",
    "add the dot yourself, the sentence is unfinished",
    "5 * means times, 3 * 4 = 12",
    "我有两个8岁的孩子. com",
    "double points at checkout today",
    "ignore the stars tonight, they are pretty",
    "skip the a: bnn",
]


@pytest.mark.parametrize("text", PROSE)
def test_prose_that_sounds_like_an_instruction_gets_no_host(scanner: Scanner, text: str) -> None:
    result = scanner.scan(Item(id="prose", text=text, surface="post"))
    hosts = [e.registrable_domain for e in result.entities]
    assert hosts in ([], ["example.com"]), hosts
    assert result.verdict == "allow"


def test_every_case_holds_the_trigger_and_the_gate() -> None:
    """``TRIGGER`` (the pre-check's clause) and its cheap superset ``GATE`` (the unmasker's)."""
    trigger, gate = re.compile(TRIGGER), re.compile(GATE)
    for _, text, _ in [*CASES, *(("guessed", *c) for c in GUESSED)]:
        assert trigger.search(text), text
        assert gate.search(text), text


def test_a_count_on_several_digits_is_unsure() -> None:
    """``luck三个82``: three 8s then 2, or three 82s? The count is taken for the first digit and
    the host flagged ``ambiguous_host``: listed, acted on; unlisted, a person looks."""
    folded = unmask("zzqq三个82 点 com")
    assert "zzqq8882.com" in folded.text
    assert "ambiguous_host" in {name for name, _, _ in folded.tricks}


def test_a_letter_filler_must_stand_twice_inside_the_name() -> None:
    """``(ignore the x) xbox.com``: an x at the edge of a name is the name's own."""
    assert unmask("(ignore the x) xbox.com and xenix.org").text.endswith("xbox.com and xenix.org")
