"""Every trick in the brief: the folded text, the exact original span of the found token, the
trick names reported for it."""

from __future__ import annotations

import pytest

from bastion.normalize import unmask
from tests.support.tricks import TRICK_FIELDS, assert_trick_undone

# (original, expected folded text, token to look up in the folded text, its original substring,
#  trick names inside the token)
# fmt: off
CASES: list[tuple[str, str, str, str, list[str]]] = [
    # 1. NFKC / full width / enclosed digits
    (
        "访问 ｂｅｔ８８８。ｃｏｍ 注册",
        "访问 bet888.com 注册",
        "bet888.com",
        "ｂｅｔ８８８。ｃｏｍ",
        ["nfkc", "spelled_dot"],
    ),
    (
        "mail bob＠ｇｍａｉｌ．ｃｏｍ",
        "mail bob@gmail.com",
        "bob@gmail.com",
        "bob＠ｇｍａｉｌ．ｃｏｍ",
        ["nfkc"],
    ),
    ("𝐛𝐞𝐭𝟖𝟖𝟖.com", "bet888.com", "bet888.com", "𝐛𝐞𝐭𝟖𝟖𝟖.com", ["nfkc"]),
    ("ⓑⓔⓣ⑧⑧⑧.com", "bet888.com", "bet888.com", "ⓑⓔⓣ⑧⑧⑧.com", ["nfkc"]),
    ("qq ❶❷❸➃⓹⑥", "qq 123456", "123456", "❶❷❸➃⓹⑥", ["nfkc"]),
    ("call ⑽⑴⒈", "call 1011", "1011", "⑽⑴⒈", ["nfkc"]),
    ("vx ⑩⑳8", "vx 10208", "10208", "⑩⑳8", ["nfkc"]),
    ("ﬁnd.com", "find.com", "find.com", "ﬁnd.com", ["nfkc"]),
    # 2. invisible / format characters
    (
        "b\u200be\u200dt\u2060888\u00ad.c\ufe0fom",
        "bet888.com",
        "bet888.com",
        "b\u200be\u200dt\u2060888\u00ad.c\ufe0fom",
        ["invisible"],
    ),
    ("\u202ebet888.com\u202c", "bet888.com", "bet888.com", "bet888.com", ["invisible"]),
    ("b̶e̶t̶888.com", "bet888.com", "bet888.com", "b̶e̶t̶888.com", ["combining"]),
    # 3. homoglyphs in mixed tokens
    ("рayрal.com/login", "paypal.com/login", "paypal.com", "рayрal.com", ["homoglyph"]),
    ("go to аррӏе.соm now", "go to apple.com now", "apple.com", "аррӏе.соm", ["homoglyph"]),
    ("ВЕТ888.СОМ", "BET888.COM", "BET888.COM", "ВЕТ888.СОМ", ["homoglyph"]),
    ("gооgle.com", "google.com", "google.com", "gооgle.com", ["homoglyph"]),
    # 4. spaced letters
    (
        "w w w . b e t 8 8 8 . c o m",
        "www.bet888.com",
        "www.bet888.com",
        "w w w . b e t 8 8 8 . c o m",
        ["spaced_letters"],
    ),
    (
        "try b-e-t-8-8-8 .com ok",
        "try bet888.com ok",
        "bet888.com",
        "b-e-t-8-8-8 .com",
        ["spaced_letters", "spelled_dot"],
    ),
    (
        "b🎲e🎲t🎲8🎲8🎲8 . c o m",
        "bet888.com",
        "bet888.com",
        "b🎲e🎲t🎲8🎲8🎲8 . c o m",
        ["spaced_letters"],
    ),
    ("ｗｗｗ． ｂ ｅ ｔ", "www.bet", "www.bet", "ｗｗｗ． ｂ ｅ ｔ", ["nfkc", "spaced_letters"]),
    ("b.e.t.8.8.8.c.o.m", "bet888.com", "bet888.com", "b.e.t.8.8.8.c.o.m", ["spaced_letters"]),
    (
        "w.w.w.b.e.t.8.8.8.c.o.m",
        "www.bet888.com",
        "www.bet888.com",
        "w.w.w.b.e.t.8.8.8.c.o.m",
        ["spaced_letters"],
    ),
    (
        "加 b e t 8 8 8 。c o m 玩",
        "加 bet888.com 玩",
        "bet888.com",
        "b e t 8 8 8 。c o m",
        ["spaced_letters"],
    ),
    # 5. spelled dots
    ("bet888 dot com", "bet888.com", "bet888.com", "bet888 dot com", ["spelled_dot"]),
    ("bet888 DOT com", "bet888.com", "bet888.com", "bet888 DOT com", ["spelled_dot"]),
    ("bet888(dot)com", "bet888.com", "bet888.com", "bet888(dot)com", ["spelled_dot"]),
    ("bet888 [dot] com", "bet888.com", "bet888.com", "bet888 [dot] com", ["spelled_dot"]),
    ("bet888{dot}com", "bet888.com", "bet888.com", "bet888{dot}com", ["spelled_dot"]),
    ("bet888[.]com", "bet888.com", "bet888.com", "bet888[.]com", ["spelled_dot"]),
    ("bet888(.)com", "bet888.com", "bet888.com", "bet888(.)com", ["spelled_dot"]),
    ("bet888{.}com", "bet888.com", "bet888.com", "bet888{.}com", ["spelled_dot"]),
    ("上bet888点com", "上bet888.com", "bet888.com", "bet888点com", ["spelled_dot"]),
    ("bet888。com", "bet888.com", "bet888.com", "bet888。com", ["spelled_dot"]),
    ("bet888．com", "bet888.com", "bet888.com", "bet888．com", ["nfkc"]),
    ("bet888丶com", "bet888.com", "bet888.com", "bet888丶com", ["spelled_dot"]),
    ("bet888·com", "bet888.com", "bet888.com", "bet888·com", ["spelled_dot"]),
    ("bet888、com", "bet888.com", "bet888.com", "bet888、com", ["spelled_dot"]),
    ("bet888﹒com", "bet888.com", "bet888.com", "bet888﹒com", ["nfkc"]),
    ("bet888｡com", "bet888.com", "bet888.com", "bet888｡com", ["spelled_dot"]),
    (
        "www dot bet888 dot co dot uk",
        "www.bet888.co.uk",
        "www.bet888.co.uk",
        "www dot bet888 dot co dot uk",
        ["spelled_dot"],
    ),
    (
        "see kidsmediausa  . com",
        "see kidsmediausa.com",
        "kidsmediausa.com",
        "kidsmediausa  . com",
        ["spelled_dot"],
    ),
    # 6. defanged / spaced schemes
    ("hxxp://bet888.com", "http://bet888.com", "http://", "hxxp://", ["hxxp"]),
    ("HXXPS://bet888.com", "https://bet888.com", "https://", "HXXPS://", ["hxxp"]),
    ("h**p://bet888.com", "http://bet888.com", "http://", "h**p://", ["hxxp"]),
    ("h__p://bet888.com", "http://bet888.com", "http://", "h__p://", ["hxxp"]),
    ("h t t p://bet888.com", "http://bet888.com", "http://", "h t t p://", ["hxxp"]),
    ("ht tp://bet888.com", "http://bet888.com", "http://", "ht tp://", ["hxxp"]),
    ("http[:]//bet888.com", "http://bet888.com", "http://", "http[:]//", ["hxxp"]),
    ("http：／／bet888.com", "http://bet888.com", "http://", "http：／／", ["hxxp", "nfkc"]),
    ("https;//bet888.com", "https://bet888.com", "https://", "https;//", ["hxxp"]),
    ("http[://]bet888.com", "http://bet888.com", "http://", "http[://]", ["hxxp"]),
    ("http:\\\\bet888.com", "http://bet888.com", "http://", "http:\\\\", ["hxxp"]),
    ("hxxp://bet888[.]com/x", "http://bet888.com/x", "bet888.com", "bet888[.]com", ["spelled_dot"]),
    # 7. Chinese numerals
    ("扣扣 一二三四五六七八", "扣扣 12345678", "12345678", "一二三四五六七八", ["cjk_numeral"]),
    ("电话1三8一2三4五6七8", "电话13812345678", "13812345678", "1三8一2三4五6七8", ["cjk_numeral"]),
    ("微信 壹贰叁肆伍陆", "微信 123456", "123456", "壹贰叁肆伍陆", ["cjk_numeral"]),
    ("qq ①②③四五六", "qq 123456", "123456", "①②③四五六", ["cjk_numeral", "nfkc"]),
    # 8. spelled at
    (
        "bob [at] gmail [dot] com",
        "bob@gmail.com",
        "bob@gmail.com",
        "bob [at] gmail [dot] com",
        ["spelled_at", "spelled_dot"],
    ),
    ("bob (at) gmail.com", "bob@gmail.com", "bob@gmail.com", "bob (at) gmail.com", ["spelled_at"]),
    ("bob{at}gmail.com", "bob@gmail.com", "bob@gmail.com", "bob{at}gmail.com", ["spelled_at"]),
    (
        "bob at gmail dot com",
        "bob@gmail.com",
        "bob@gmail.com",
        "bob at gmail dot com",
        ["spelled_at", "spelled_dot"],
    ),
    ("mail bob#gmail.com", "mail bob@gmail.com", "bob@gmail.com", "bob#gmail.com", ["spelled_at"]),
    (
        "Neeru105@ gmail.com",
        "Neeru105@gmail.com",
        "Neeru105@gmail.com",
        "Neeru105@ gmail.com",
        ["spelled_at"],
    ),
]
# fmt: on


@pytest.mark.parametrize(TRICK_FIELDS, CASES)
def test_trick_is_undone(
    original: str, folded: str, token: str, raw: str, tricks: list[str]
) -> None:
    assert_trick_undone(original, folded, token, raw, tricks)


def test_whole_text_span_is_whole_original() -> None:
    original = "w w w . b e t 8 8 8 . c o m"
    result = unmask(original)
    assert result.to_original(0, len(result.text)) == (0, len(original))


def test_invisible_span_covers_deleted_chars() -> None:
    original = "x b\u200be\u200bt888.com y"
    result = unmask(original)
    assert result.text == "x bet888.com y"
    assert result.to_original(2, 12) == (2, 14)
    assert result.tricks_in(0, 1) == []
    assert result.tricks_in(2, 12) == ["invisible"]


def test_explain_records_steps() -> None:
    result = unmask("访问 ｂｅｔ８８８。ｃｏｍ", explain=True)
    steps = [(s.name, s.before, s.after) for s in result.steps]
    assert ("nfkc", "ｂｅｔ８８８", "bet888") in steps
    assert ("spelled_dot", "ｂｅｔ８８８。ｃｏｍ", "bet888.com") in steps
    for step in result.steps:
        lo, hi = step.original_span
        assert result.original[lo:hi] == step.before


def test_explain_is_off_by_default() -> None:
    assert unmask("bet888 dot com").steps == []


def test_enclosed_and_ellipsis_do_not_invent_punctuation() -> None:
    assert unmask("等等… ⑴ ⒈").text == "等等… 1 1"


def test_bad_input_is_a_clear_error() -> None:
    with pytest.raises(TypeError, match="needs a str"):
        unmask(b"bytes")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="outside"):
        unmask("abc").to_original(2, 5)
    with pytest.raises(ValueError, match="outside"):
        unmask("b e t 8 8 8 . c o m").to_original(3, 1)
