"""Red team 10's classes (``normalize.keyed_codes``, ``.folded``, ``.drawn_o``, ``.rows``,
``.latex``, ``.regional``): read as the message says, or withheld; never another host or id;
benign look-alikes keep their reading."""

from __future__ import annotations

import pytest

from bastion.extract import extract_entities
from bastion.extract.precheck import has_candidates
from bastion.extract.rereading import reread
from bastion.model import WITHHELD_FLAG
from bastion.normalize import unmask

_B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
_ZHUYIN = dict(
    zip(
        "1qaz2wsxedcrfv5tgbyhnujm8ik,9ol.0p;/-",
        "ㄅㄆㄇㄈㄉㄊㄋㄌㄍㄎㄏㄐㄑㄒㄓㄔㄕㄖㄗㄘㄙㄧㄨㄩㄚㄛㄜㄝㄞㄟㄠㄡㄢㄣㄤㄥㄦ",
        strict=True,
    )
)
_RU = dict(zip("qwertyuiopasdfghjklzxcvbnm", "йцукенгшщзфывапролдячсмить", strict=True))
_SQUARE = ("abcde", "fghik", "lmnop", "qrstu", "vwxyz")


def _values(text: str) -> list[tuple[str, str, bool]]:
    entities = reread(text, extract_entities(unmask(text, weak=True), prose_like=True))
    return [(e.kind, e.value.lower(), WITHHELD_FLAG in e.flags) for e in entities]


def _rot47(s: str) -> str:
    return "".join(chr(33 + (ord(c) - 33 + 47) % 94) for c in s)


def _base58(s: str) -> str:
    n, out = int.from_bytes(s.encode(), "big"), ""
    while n:
        n, r = divmod(n, 58)
        out = _B58[r] + out
    return out


def _polybius(s: str) -> str:
    return " ".join(
        next(f"{r}{row.index(c) + 1}" for r, row in enumerate(_SQUARE, 1) if c in row) for c in s
    )


def _roman(n: int) -> str:
    out = ""
    for v, sym in (
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ):
        while n >= v:
            out, n = out + sym, n - v
    return out


def _rail(s: str) -> str:
    return s[0::2] + s[1::2]


def _pairs(s: str) -> str:
    return "".join(s[i : i + 2][::-1] for i in range(0, len(s), 2))


def _halves(s: str) -> str:
    return s[len(s) // 2 :] + s[: len(s) // 2]


def _zh(n: int) -> str:
    digits = "零一二三四五六七八九"
    if n < 10:
        return digits[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else digits[tens]) + "十" + (digits[ones] if ones else "")


READ = [
    # (text, kind, value)
    (f"{_rot47('moonriver.cc')}（ROT47解密）", "domain", "moonriver.cc"),
    (f"rot-47 it: {_rot47('luckyspin.top')} today", "domain", "luckyspin.top"),
    (f"{_base58('moonriver.cc')}（base58解码）", "domain", "moonriver.cc"),
    (
        "Unicode码位：" + " ".join(f"U+{ord(c):04X}" for c in "luckyspin.top"),
        "domain",
        "luckyspin.top",
    ),
    (f"Polybius square, row then column: {_polybius('moonriver')} . cc", "domain", "moonriver.cc"),
    (f"棋盘密码5×5（i和j同格）：{_polybius('luckyspin')} . top", "domain", "luckyspin.top"),
    (
        f"{_rail('luckyspin')}.top (the 1st, 3rd, 5th... characters first, then the 2nd, 4th...)",
        "domain",
        "luckyspin.top",
    ),
    (f"先写第1、3、5…个字符，再写第2、4、6…个：{_rail('moonriver')}.cc", "domain", "moonriver.cc"),
    (
        f"{_pairs('luckyspin')}.top (every two characters are swapped, swap them back)",
        "domain",
        "luckyspin.top",
    ),
    (f"飞机 @{_pairs('sunshine_88')}（每两个字符调换了顺序）", "telegram", "sunshine_88"),
    (f"名字前后两半对调了：{_halves('luckyspin8')}.top", "domain", "luckyspin8.top"),
    (
        f"the two halves of the name are swapped: {_halves('moonriver8')}.cc",
        "domain",
        "moonriver8.cc",
    ),
    (
        "忘了切输入法，用注音键盘打的：" + "".join(_ZHUYIN[c] for c in "luckyspin") + ".top",
        "domain",
        "luckyspin.top",
    ),
    (
        "LINE ID " + "".join(_ZHUYIN[c] for c in "yoyo5108") + "（注音鍵盤忘了切）",
        "line",
        "yoyo5108",
    ),
    (
        "набрано в русской раскладке: "
        + "".join(_RU[c] for c in "luckyspin")
        + "."
        + "".join(_RU[c] for c in "top"),
        "domain",
        "luckyspin.top",
    ),
    (
        "俄文键盘没切换："
        + "".join(_RU[c] for c in "moonriver")
        + "."
        + "".join(_RU[c] for c in "cc"),
        "domain",
        "moonriver.cc",
    ),
    (
        "ТГ: @" + "".join(_RU[c] for c in "bibicoco") + "64 (набрано в русской раскладке)",
        "telegram",
        "bibicoco64",
    ),
    (
        "、".join(_zh(ord(c) - 96) for c in "luckyspin")
        + "，点top（字母按序号写的（一=a，二=b…））",
        "domain",
        "luckyspin.top",
    ),
    (
        "、".join([_zh(23), _zh(9), _zh(14), "〔7〕", "〔9〕"]) + "，点site（字母按序号写的）",
        "domain",
        "win79.site",
    ),
    (
        "IP每段是二进制：http://10110100.01110010.10101000.11010100/dl",
        "url",
        "http://180.114.168.212/dl",
    ),
    (
        "IP written in Roman numerals: http://"
        + ".".join(_roman(n) for n in (117, 84, 114, 102))
        + "/app.apk",
        "url",
        "http://117.84.114.102/app.apk",
    ),
    ("the server's reverse DNS is 122.220.55.77.in-addr.arpa", "ip", "77.55.220.122"),
    (
        "BEGIN:VCARD\nVERSION:4.0\nURL;TYPE=work:https://luckyspin.t\n op/\nEND:VCARD",
        "url",
        "https://luckyspin.top/",
    ),
    ("BEGIN:VCARD\r\nURL:https://moonriver.c\r\n\tc/\r\nEND:VCARD", "url", "https://moonriver.cc/"),
    ("下单luckyspin.t⚪p", "domain", "luckyspin.top"),
    ("More info: moonriver.c⭘m", "domain", "moonriver.com"),
    ("zo88.◌rg", "domain", "zo88.org"),
    (
        "go\n| # | char |\n|---|---|\n| 1 | z |\n| 2 | o |\n| 3 | 8 |\n| 4 | . |\n| 5 | c◯m |\n",
        "domain",
        "zo8.com",
    ),
    ("> what's the site again?\nmoonriver\n> and the ending?\n.cc\n", "domain", "moonriver.cc"),
    ("登录\\texttt{moonriver}\\,.\\,\\texttt{cc}", "domain", "moonriver.cc"),
    ("下单$\\mathtt{luckyspin}.\\mathtt{top}$", "domain", "luckyspin.top"),
    ("\\url{luckyspin}\\verb|.|top", "domain", "luckyspin.top"),
    ("\\textbf{lu}\\textit{ckyspin}{.}top", "domain", "luckyspin.top"),
    ("入口🇱 🇺 🇨 🇰 🇾 8️⃣ 8️⃣  .  🇹 🇴 🇵", "domain", "lucky88.top"),
    ("> 扣扣多少？\n81040229 加我备注来意", "qq", "81040229"),
    ("한/영 전환 깜빡했어요: 냐ㅜ.채ㅡ", "domain", "sin.com"),
    ("TG @ㅡㅐㅐㅜ_88 (Korean keyboard still on)", "telegram", "moon_88"),
    ("набрано в русской раскладке: іщтщ.сщь", "domain", "sono.com"),
    ("> what's your telegram?\n@moon_river88, say who sent you", "telegram", "moon_river88"),
    (f"金沙棋牌({_rot47('moonriver.cc')}（ROT47解密）)", "domain", "moonriver.cc"),
    (f"ROT47: {_rot47('moonriver.cc')}_vip", "domain", "moonriver.cc"),
    (f"ROT47解密：{_rot47('imoon.cc')}娱乐", "domain", "imoon.cc"),
]


@pytest.mark.parametrize(("text", "kind", "value"), READ)
def test_read_as_the_message_says(text: str, kind: str, value: str) -> None:
    values = _values(text)
    assert (kind, value, False) in values, values
    assert all(v == value or w for k, v, w in values if k == kind), values


def test_grid_read_along_its_diagonal() -> None:
    grid = "M Z N C\nT O G R\nF C O I\nH S Z N"
    text = f"read the diagonal top-left to bottom-right, then add .cc:\n{grid}"
    assert ("domain", "moon.cc", False) in _values(text)
    assert unmask(text).text.endswith(" moon.cc ")


WITHHELD = [
    # (text, the value a naive reading gives): withheld or absent, never reported
    ("http://CXVII.LXXXIV.CXIV.CII/app.apk", "cxvii.lxxxiv.cxiv.cii"),
    ("Polybius square: 14 31 44 51 52 35 . it", "143144515235.it"),
    ("Polybius square: 21 24 33 14 . org", "14.org"),
    ("the two halves of the name are swapped: yspinluck.top", "yspinluck.top"),
    ("新地址用维吉尼亚加密了：nhwwohtxwjen.net（密钥私聊我要）", "nhwwohtxwjen.net"),
    ("new address, Vigenère encrypted: bmd4.com (DM me for the key)", "bmd4.com"),
    ("BEGIN:VCARD\nURL:https://blxbymhjva.in\n fo/\nEND:VCARD", "blxbymhjva.in"),
    ("从左上到右下沿对角线读出名字，后面加 .xyz：\nJ L I N\nN F F N\nU C A W\nC N E I", "aw.cn"),
]


@pytest.mark.parametrize(("text", "naive"), WITHHELD)
def test_never_the_wrong_value(text: str, naive: str) -> None:
    for kind, value, withheld in _values(text):
        assert withheld or not value.endswith(naive.lower()), (kind, value)


PLAIN = [
    "ROT13 和 base64 都不是加密",
    "U+00E9 是 é 的码位",
    "棋盘密码是古希腊人发明的",
    "\\textbf{Theorem 2.1} Let $G$ be a group.",
    "$\\frac{1}{2}mv^2$ 就是动能",
    "Nc3 e5 Nf3 Nc6 Bb5 a6",
    "firmware v2.10.3 is out",
    "Chapter XII.IV of the book",
    "| 1 | a |\n| 2 | b |\n| 3 | c |\n| 4 | d |",
    "我用注音输入法打字很快",
    "한영키가 고장났어요. 자판이 이상해요",
    "раскладка клавиатуры сломалась",
    "🇯🇵 🇰🇷 flags and 1️⃣ 2️⃣ keycaps",
    "the ⚪ bullet ◯ list",
    "server at 192.168.1.1 and 10.0.0.1.in-addr.arpa zone",
    "> what's your wechat?\nsorry, I don't use it",
]


@pytest.mark.parametrize("text", PLAIN)
def test_plain_text_keeps_its_reading(text: str) -> None:
    assert not any(withheld for _, _, withheld in _values(text)), _values(text)
    hosts = [v for k, v, _ in _values(text) if k in ("domain", "url")]
    assert hosts == [], hosts


def test_hints_alone_are_not_candidates() -> None:
    assert not has_candidates("棋盘密码是古希腊人发明的")
    assert not has_candidates("我用注音输入法打字很快")


README_ROWS = [
    # the README's unmask-table rows for red team 10, example by example
    ("C62=bceC62=]E@A（ROT47解密）", "domain", "real346real.top"),
    (
        "U+0071 U+0071 U+006F U+006E U+006F U+0066 U+002E U+0069 U+006E U+0066 U+006F",
        "domain",
        "qqonof.info",
    ),
    ("棋盘密码5×5（i和j同格）：14 31 44 51 52 35 . it", "domain", "dltvwp.it"),
    ("wn9i7.com（先写第1、3、5…个字符，再写第2、4、6…个）", "domain", "win79.com"),
    ("og88.ca (every two characters are swapped)", "domain", "go88.ca"),
    ("名字前后两半对调了：ilfshotm.dk", "domain", "hotmilfs.dk"),
    ("二十三、九、十四、〔7〕、〔9〕，点site（字母按序号写的）", "domain", "win79.site"),
    ("3CP25p4asABs5Uhqj（base58解码）", "domain", "taison1.club"),
    ("注音键盘打的：ㄣㄟㄐㄙㄘㄟㄘㄟ.com", "domain", "pornhoho.com"),
    ("набрано в русской раскладке: ййщтща.штащ", "domain", "qqonof.info"),
    ("ТГ: @ишишсщсщ64 (набрано в русской раскладке)", "telegram", "bibicoco64"),
    ("http://10110100.01110010.10101000.11010100/dl", "url", "http://180.114.168.212/dl"),
    (
        "IP written in Roman numerals: http://CXVII.LXXXIV.CXIV.CII/login",
        "url",
        "http://117.84.114.102/login",
    ),
    ("reverse DNS: 122.220.55.77.in-addr.arpa", "ip", "77.55.220.122"),
    ("BEGIN:VCARD\nURL:https://blxbymhjva.in\n fo/\nEND:VCARD", "url", "https://blxbymhjva.info/"),
    ("\\texttt{elsieschool}\\,.\\,\\texttt{com}", "domain", "elsieschool.com"),
    ("\\url{killoftheday}\\verb+.+com", "domain", "killoftheday.com"),
    ("> what's the site again?\nblxbymhjva\n> and the ending?\n.info", "domain", "blxbymhjva.info"),
    ("🇧 🇪 🇹 8️⃣ 8️⃣  .  🇨 🇴 🇲", "domain", "bet88.com"),
    ("rog303.c⚪m", "domain", "rog303.com"),
]


@pytest.mark.parametrize(("text", "kind", "value"), README_ROWS)
def test_readme_rows(text: str, kind: str, value: str) -> None:
    found = [(e.kind, e.value) for e in extract_entities(unmask(text))]
    assert (kind, value) in found, found


def test_a_plain_link_beside_a_swapped_one_is_not_swapped() -> None:
    text = "官网 google.com 不是这个，真的是 og88.ca（每两个字符调换了顺序，换回来）"
    values = _values(text)
    assert ("domain", "go88.ca", False) in values, values
    assert not any(v == "ogoglec.om" or v.startswith("ogogle") for _, v, _ in values), values


TALK = [
    # cipher and transposition words in talk beside a plain link: never another host
    ("swap each pair in the array, docs at python.org", "python.org"),
    ("zigzag pattern on the sleeve, shop at example.com", "example.com"),
    ("罗马数字 on the clock face, see example.com", "example.com"),
]


@pytest.mark.parametrize(("text", "host"), TALK)
def test_cipher_talk_keeps_a_plain_link(text: str, host: str) -> None:
    values = _values(text)
    assert ("domain", host, False) in values, values
