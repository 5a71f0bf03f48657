"""Values read in the order their layout gives (bastion.normalize.reading_order, red team 7):
numbered pieces, staircases, doubled characters, line ends, every other character; each class
alone and composed with another trick, and the shapes of prose left alone.

Every example is invented beyond the red-team suite."""

from __future__ import annotations

import pytest

from bastion.extract import extract_entities, has_candidates
from bastion.normalize import unmask
from bastion.normalize.reading_order import (
    MAX_PIECE,
    MAX_STEPS,
    _doubled,
    _numbered,
    _staircases,
    telestich,
)
from tests.support.readings import hosts_read


def _read(text: str) -> list[tuple[str, str, bool]]:
    assert has_candidates(text), "the scanner must reach the reader"
    return [
        (e.kind, e.value, "withheld" in e.flags)
        for e in extract_entities(unmask(text, weak=True), prose_like=True)
    ]


def _stairs(value: str, step: int = 2) -> str:
    return "\n".join(" " * (step * i) + ch for i, ch in enumerate(value))


NUMBERED = [
    ("site: (2) 888  (3) .vip  (1) lucky (put the pieces in order)", "domain", "lucky888.vip"),
    ("官网 ③ .com  ① win  ② 77hub （按序号拼起来）", "domain", "win77hub.com"),
    ("第2段 slot  第1段 mega  第3段 .net", "domain", "megaslot.net"),
    ("part 2: 888, part 3: .bet, part 1: happy", "domain", "happy888.bet"),
    ("part 2: 777 / part 1: lucky / part 3: .vip (in order)", "domain", "lucky777.vip"),
    ("go #3 .club  #1 x  #2 o99 (join the pieces)", "domain", "xo99.club"),
    ("VX：(二) _52  (一) tiantian  (三) 0 （按顺序拼起来）", "wechat", "tiantian_520"),
    ("WhatsApp me: 2) 591234  3) 567  1) +6 (in order)", "whatsapp", "+6591234567"),
    # composed: full-width letters, a spelled dot, a Chinese dot, a sum in a piece
    ("官网 ② ｂｅｔ  ① ｍｅｇａ  ③ 点com （按序号拼起来）", "domain", "megabet.com"),
    ("(3) dot org  (1) hope  (2) fund (in order)", "domain", "hopefund.org"),
    ("详情 ② fun(40+8)  ① my  ③ 。net （按序号拼起来）", "domain", "myfun48.net"),
]


@pytest.mark.parametrize(("text", "kind", "value"), NUMBERED)
def test_numbered_pieces_are_put_in_order(text: str, kind: str, value: str) -> None:
    assert (kind, value, False) in _read(text)


STAIRS = [
    ("free spins\n" + _stairs("sun6.win") + "\n limited", "domain", "sun6.win"),
    ("领取补贴\n" + _stairs("tyclo.com", 3), "domain", "tyclo.com"),
    ("phone: \n" + _stairs("13912345678"), "phone", "13912345678"),
    ("联系电话 \n" + _stairs("15888801234") + "  速来", "phone", "15888801234"),
    # composed: a Chinese dot, full-width letters, a Chinese numeral run
    ("官网\n" + _stairs("bet88点com"), "domain", "bet88.com"),
    ("官网\n" + _stairs("ｋｉｎｇ99.ｔｏｐ"), "domain", "king99.top"),
]


@pytest.mark.parametrize(("text", "kind", "value"), STAIRS)
def test_a_staircase_of_single_characters_is_one_value(text: str, kind: str, value: str) -> None:
    assert (kind, value, False) in _read(text)


DOUBLED = [
    ("everyone is on ffrreeeebbeett..ccoomm (every character is typed twice)", "lucky"),
    ("官网：bbaaoo8888..vviipp （每个字符都打了两遍）", "lucky"),
    ("go ccaassiinnoo..nneett, (each letter doubled)", "lucky"),
    # composed: a Chinese dot typed twice, full-width letters
    ("官网 kkiinngg7777点点ccoomm （每个字符都打了两遍）", "lucky"),
    ("官网 ｗｗｉｉｎｎ9999。。ｃｃｏｏｍｍ （每个字母都写了两遍）", "lucky"),
]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        (DOUBLED[0][0], "freebet.com"),
        (DOUBLED[1][0], "bao88.vip"),
        (DOUBLED[2][0], "casino.net"),
        (DOUBLED[3][0], "king77.com"),
        (DOUBLED[4][0], "win99.com"),
    ],
)
def test_doubled_characters_are_read_once(text: str, value: str) -> None:
    assert ("domain", value, False) in _read(text)


EVERY_OTHER = [
    ("site: lqubcxkjyz8v8q.xcjowmk (read every other character)", "domain", "lucky88.com"),
    ("rxaxiznzuqrx.qxvyjzw blah Lounge (Main St) (read every other character)", "domain",
     "rainur.xyz"),
    ("官网 w好i运n来8发8旺.福v财i好p来 （隔一个字读一个）", "domain", "win88.vip"),
    ("飞机：k旺i运k运i财_发b财o财t好2财9福 （隔一个字读一个）", "telegram", "kiki_bot29"),
    ("w发i旺n好8运8来.财t福o好p旺 体验店（人民路店）（隔一个字读一个）", "domain", "win88.top"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "kind", "value"), EVERY_OTHER)
def test_every_other_character_with_letters_or_ideographs_between(
    text: str, kind: str, value: str
) -> None:
    assert (kind, value, False) in _read(text)


@pytest.mark.parametrize(
    ("text", "host"),
    [
        (
            "slots tonight\nwhat a club\nI love this time\nnothing like a night\n"
            "gate 7\nso good.\nmeet me at the magic\nwhat a radio\nI love this room\n"
            "(read the last character of each line)",
            "bet7.com",
        ),
        ("注册送彩金\n今天好开心b\n晚安啦e\n明天见t\n加油鸭9\n就这样。\n周末愉快c\n晚安啦o\n加油鸭m\n"
         "（看每行最后一个字符）", "bet9.com"),
        # composed: full-width letters at the line ends, a Chinese dot line
        ("老虎机\n好运连连ｗ\n晚安啦ｉ\n明天见ｎ\n加油鸭8\n一点\n晚安啦ｖ\n加油鸭ｉ\n明天见ｐ\n"
         "（看每行最后一个字符）", "win8.vip"),
    ],
)  # fmt: skip
def test_the_last_character_of_each_line(text: str, host: str) -> None:
    assert host in hosts_read(text)
    assert has_candidates(text)


def test_a_chinese_header_bounds_the_line_ends_block() -> None:
    text = "老虎机天天返水\n晚安啦v\n加油鸭b\n明天见7\n就这样。\n晚安啦c\n加油鸭o\n明天见m\n"
    text += "（看每行最后一个字符）"
    assert [value.strip() for _, _, value in telestich(text)] == ["vb7。com"]


def test_an_english_header_may_open_the_block_so_both_are_read() -> None:
    text = "free spins\nwhat a club\nwhat a time\nroom 8\nso good.\nwhat a magic\n" + (
        "nothing like a radio\nI love this room\n(read the last character of each line)"
    )
    assert [value.strip() for _, _, value in telestich(text)][:2] == ["sbe8.com", "be8.com"]


@pytest.mark.parametrize(
    "text",
    [
        "① 早上开会\n② 中午吃饭\n③ 下午交报告",  # a list, one item a line
        "1) eggs  2) milk  3) bread",  # in order, no hint to join
        "(1) 会议  (2) 午饭",
        "roses are red\n  violets are blue\n    sugar is sweet",  # indented lines of words
        "a\nb\nc",  # too few steps
        "I need coffee.\nSo do I!\nOk",
        "the meeting was good (every character is typed twice) really",
        "aabbccdd is a test",  # pairs but no hint
        "第二段 很好  第一段 不错",  # not numbered pieces of a value: no hint, prose
        "(2) hi  (1) see",
    ],
)
def test_prose_shapes_are_left_alone(text: str) -> None:
    assert not [e for e in extract_entities(unmask(text, weak=True), prose_like=True)]
    assert not hosts_read(text)


def test_a_host_in_a_piece_before_the_last_is_kept_as_written() -> None:
    assert [v for _, v, _ in _read("notes: (2) bet.com  (1) hi (in order)")] == ["bet.com"]
    assert _read("notes: (2) bet.com  (1) hi") == [("domain", "bet.com", False)]


def test_a_value_cut_at_a_glyph_of_the_layout_is_withheld() -> None:
    # 龘 is a glyph no pass reads: ``bongda.com`` would be a tail of the name
    found = _read("老虎机\n" + _stairs("bk龘bongda.com"))
    assert found and all(withheld for _, _, withheld in found)
    found = _read("详情 (2) 龘nit  (3) .top  (1) co (in order)")
    assert all(withheld for _, _, withheld in found)


def test_the_readers_are_bounded() -> None:
    """Steps, pieces and lines are capped: a long staircase gives values of at most
    ``MAX_STEPS`` characters; a piece longer than ``MAX_PIECE`` ends the run."""
    tall = "\n".join(" " * i + "a" for i in range(3 * MAX_STEPS))
    assert all(len(g[3][0][2].strip()) <= MAX_STEPS for g in _staircases(tall))
    long_piece = "x" * (MAX_PIECE + 5)
    assert _numbered(f"(2) {long_piece}  (1) ab  (3) .com (in order)") == []
    flat = "ab" * 5000
    assert _doubled(flat + " (every character is typed twice)") == []


def test_pieces_said_with_part_and_a_bare_tld_are_a_guess_kept_when_listed() -> None:
    """``part 3: com`` gives no dot: the joined ``happy888com`` is the guessed reading's."""
    unmasked = unmask("part 2: 888, part 3: com, part 1: happy", weak=True)
    assert "happy888com" in unmasked.text
    guessed = extract_entities(unmasked, prose_like=True)
    assert all("prose_like" in e.flags for e in guessed)
