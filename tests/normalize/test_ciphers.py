"""Ciphers named by the message, small Roman letters, reversed ids, pinyin digits: read as the
message says, or withheld; never another host or id (red team 8, issue 6)."""

from __future__ import annotations

import pytest

from bastion.extract import extract_entities
from bastion.extract.rereading import reread
from bastion.model import WITHHELD_FLAG
from bastion.normalize import unmask


def _values(text: str) -> list[tuple[str, str, bool]]:
    entities = reread(text, extract_entities(unmask(text, weak=True), prose_like=True))
    return [(e.kind, e.value.lower(), WITHHELD_FLAG in e.flags) for e in entities]


READ = [
    # (text, kind, value): each cipher composed with another trick
    ("（A=1 … Z=26）看 2-9-5-12-5-18-20.de", "domain", "bielert.de"),
    (
        "VIP (every letter moved one forward, undo it: bdctuzqesjktms.sv)",
        "domain",
        "acbstypdrijslr.ru",
    ),
    ("每个字母往前退一位：https&colon;&sol;&sol;updpnjy&period;upq", "url", "https://tocomix.top"),
    ("ｘｃｌｏｈｕａｂｆｑｅｚ.ｖａ (rot13 it)", "domain", "kpybuhnosdrm.in"),
    ("联系Telegram：@dvnakvnb4796（ROT13）", "telegram", "qianxiao4796"),
    ("LINE txffulfgv6379 (shift letters back by one)", "line", "sweetkefu6379"),
    ("登录2 555 555 33 6 999 . com（九宫格按键）", "domain", "allemy.com"),
    ("有事Telegram QHhpYW9jb2NvMzkxMg==（base64解码）", "telegram", "xiaococo3912"),
    ("got paid -> v(bet.com (numbers typed with shift on)", "domain", "v9bet.com"),
    ("18+ only ★=e: v★g★tiffin.com", "domain", "vegetiffin.com"),
    ("s☯d☯15.com（☯=o）", "domain", "sodo15.com"),
    ("LIVE eⅼⅼⅰptⅰⅽaⅼⅰⅼ.ⅽoⅿ", "domain", "ellipticalil.com"),
    ("进kⅰⅿsaⅨⅧ.ⅽoⅿ看", "domain", "kimsa98.com"),
    ("老地方ⅰ9bet76.ⅽoⅿ，注册", "domain", "i9bet76.com"),
    ("有事微信\u202e31pivnaiq\u202c", "wechat", "qianvip13"),
    ("官网数字用拼音写的：lucky bā bā.win", "domain", "lucky88.win"),
    ("VIP (k bā asia bā jiǔ.com (numbers in pinyin))", "domain", "k8asia89.com"),
    ("→ h🅰️rdteentube.©️o〽️", "domain", "hardteentube.com"),
    ("📍totobet decimal point com | DM", "domain", "totobet.com"),
    ("Claim ꓚꓧꓰꓰꓣ🯶🯸.com", "domain", "cheer68.com"),
    ("Golden Palace Casino ꓐꓰꓣꓔꓲꓡ.ꓚꓳꓟ", "domain", "bertil.com"),
    ("【ETC】请进入mⲉjaⲛeⲥⲁmⲣⲟuⲧ.ⲥom认证", "domain", "mejanecampout.com"),
    ("vip https:\\\\\u202eꓐꓴꓡꓚ.88ꓬꓮꓟ\u202c\\", "url", "https://may88.club"),
    ("LIVE → bj288 ㄉㄧㄢˇ com", "domain", "bj288.com"),
    ("Lucky | k8win ㄉㄧㄢ ㄎㄤ ㄇㄨˇ", "domain", "k8win.com"),
    ("进k8win占+灬com看", "domain", "k8win.com"),
    (
        "足浴 摩尔斯电码：.--. --- .-- ... --- -- . -.. . -. .-.-.- -.-. --- --",
        "domain",
        "powsomeden.com",
    ),
    ("官网.-. .- ... - -.-- ...-- ....- .-.-.- - --- .--.（摩斯密码）", "domain", "rasty34.top"),
    ("盲文写的网址：⠃⠕⠙⠽⠞⠁⠇⠅⠲⠉⠕⠍兑换", "domain", "bodytalk.com"),
    ("LINE：⠓⠁⠕⠽⠥⠝.⠓⠁⠏⠏⠽8570（盲文，数字照抄）", "line", "haoyun.happy8570"),
]


@pytest.mark.parametrize(("text", "kind", "value"), READ)
def test_read_as_the_message_says(text: str, kind: str, value: str) -> None:
    values = _values(text)
    assert (kind, value, False) in values, values
    assert all(v == value or w for k, v, w in values if k == kind), values


WITHHELD = [
    # (text, the value a naive reading gives): withheld or absent, never reported
    ("老司机都懂 k🙈live🙈🙈.com（数字私聊问客服）", "live.com"),
    ("new link bom❓❓.com (ask admin)", "bom.com"),
    ("新网址 euro****sports.com", "sports.com"),
    ("QQ: 683751OBZ", "683751"),
    ("WA：+6三 98七三91 eight 4一2", "+63987391"),
    ("caesar cipher: bdctuzqesjktms.sv", "bdctuzqesjktms.sv"),
    ("bā.win", "xn--b-oha.win"),
    ("T9 taps: 7 1111 2 . com", "1111.com"),
    ("p®️i〽️e©️urves.x", "e.x"),
]


@pytest.mark.parametrize(("text", "naive"), WITHHELD)
def test_never_the_wrong_value(text: str, naive: str) -> None:
    for kind, value, withheld in _values(text):
        assert withheld or not value.endswith(naive.lower()), (kind, value)


PLAIN = [
    "Morse practice tonight: ... --- ... means help",
    "bet🔴com",
    "Walmart®.com",
    "price $2k and 1+1=2 today",
    "I like ROT13 puzzles, see rot13.com",
]


@pytest.mark.parametrize("text", PLAIN)
def test_plain_text_keeps_its_reading(text: str) -> None:
    assert not any(withheld for _, _, withheld in _values(text))
