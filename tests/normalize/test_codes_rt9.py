"""Ciphers and codes the message names the key to (red team 9, ``normalize.hinted_codes``): read
as told, composed with the other tricks (spot dots, full-width, insular letters), or withheld;
never another host or id."""

from __future__ import annotations

import base64

import pytest

from bastion.extract import extract_entities
from bastion.extract.precheck import has_candidates
from bastion.extract.rereading import reread
from bastion.model import WITHHELD_FLAG
from bastion.normalize import unmask


def _values(text: str) -> list[tuple[str, str, bool]]:
    entities = reread(text, extract_entities(unmask(text, weak=True), prose_like=True))
    return [(e.kind, e.value.lower(), WITHHELD_FLAG in e.flags) for e in entities]


def _binary(word: str) -> str:
    return " ".join(f"{ord(c):08b}" for c in word)


def _decimal(word: str) -> str:
    return " ".join(str(ord(c)) for c in word)


_B32 = base64.b32encode(b"luckyspin.top").decode()
_B64_BACK = base64.b64encode(b"moonriver.cc").decode()[::-1]

READ = [
    # (text, kind, value)
    ("领奖Atbash：a换z，b换y，以此类推：ofxpbhkrm.xln", "domain", "luckyspin.com"),
    ("mirror the alphabet, a=z b=y: ofxpbhkrm.xln", "domain", "luckyspin.com"),
    ("ｏｆｘｐｂｈｋｒｍ‧ｘｌｎ（Atbash：a换z，b换y）", "domain", "luckyspin.com"),
    ("tg: t.me/hfmhsrmv_88 (Atbash: a<->z, b<->y)", "telegram", "sunshine_88"),
    ("键盘上每个键都往右错了一位：;ivlu[om/vp,", "domain", "luckypin.com"),
    ("Telegram @ytrsditr_22 (typed one key to the right)", "telegram", "treasure_22"),
    (f"go to {_binary('moonriver.cc')} (binary ASCII)", "domain", "moonriver.cc"),
    (f"十进制ASCII码：{_decimal('moonriver.cc')}", "domain", "moonriver.cc"),
    (f"base32解码：{_B32} 进去", "domain", "luckyspin.top"),
    (f"{_B64_BACK}（先倒过来再base64解码）", "domain", "moonriver.cc"),
    (
        "嗒嗒 / 嗒嗒嗒 / 嗒嗒嗒 / 嗒嘀 / 嘀嗒嘀 点 cc（摩斯电码，嘀是点，嗒是划）",
        "domain",
        "moonr.cc",
    ),
    ("摩斯电码：——  ———  ———  —·  ·—·  ·—·—·—  —·—·  —·—·", "domain", "moonr.cc"),
    ("w99u3ꞏcom（数字都加了1，自己减回去）", "domain", "w88u2.com"),
    ("手机号29090687196（每位数字减1才是真号码）", "phone", "18989576085"),
    ("ꞅpin𝍧𝍥.com（算筹数字）", "domain", "spin86.com"),
    (
        "em ay ex four oh dee ay ess dot com (spelled out letter by letter)",
        "domain",
        "max4odas.com",
    ),
    (
        "VX：ay gee ee en tee kay ee ef you six five six（字母按英文读音写的，连起来）",
        "wechat",
        "agentkefu656",
    ),
    ("viết liền, số đọc bằng chữ: vip tám tám sáu‧com", "domain", "vip886.com"),
    (
        "WhatsApp más seis cero uno cuatro seis dos nueve cuatro ocho seis cuatro",
        "whatsapp",
        "+60146294864",
    ),
    ("qq 0x1A99EC254 (hex, convert to decimal)", "qq", "7140721236"),
    ('=CONCATENATE("luck","yspi","n.top")', "domain", "luckyspin.top"),
    ('=CONCAT("luck";"yspin";".top")', "domain", "luckyspin.top"),
    ('="lu"&"ꞇꞇo"&".com"', "domain", "lutto.com"),
    ("printf '%s%s.%s' lucky spin top", "domain", "luckyspin.top"),
    ("电话：tel:%31%37%32%35%37%31%31%35%38%33%30", "phone", "17257115830"),
]


@pytest.mark.parametrize(("text", "kind", "value"), READ)
def test_read_as_the_message_says(text: str, kind: str, value: str) -> None:
    values = _values(text)
    assert (kind, value, False) in values, values
    assert all(v == value or w for k, v, w in values if k == kind), values


WITHHELD = [
    # (text, the value a naive reading gives): withheld or absent, never reported
    ("k𝍧asia𝍧𝍧.com", "asia.com"),
    ("đăng ký tám tám.tv", "tám.tv"),
    ("atbash: xsilnvyvdup.glk", "xsilnvyvdup.glk"),
    ("binary: 01100011 11111111 01100011", "c.c"),
]


@pytest.mark.parametrize(("text", "naive"), WITHHELD)
def test_never_the_wrong_value(text: str, naive: str) -> None:
    for kind, value, withheld in _values(text):
        assert withheld or not value.endswith(naive.lower()), (kind, value)


PLAIN = [
    "Hôm nay tôi mua ba quả cam và năm quả táo, không đắt",
    "tengo uno dos tres gatos",
    "the key is one to the right of the door",
    "decimal ascii table: 65 is A",
    "see you tee ee: why oh you are so cute",
    "ba mẹ đi làm, atbash is a cipher",
]


@pytest.mark.parametrize("text", PLAIN)
def test_plain_text_keeps_its_reading(text: str) -> None:
    assert not any(withheld for _, _, withheld in _values(text)), _values(text)
    assert _values(text) == []


def test_hints_alone_are_not_candidates() -> None:
    assert not has_candidates("tengo uno dos tres gatos y cuatro perros")
    assert not has_candidates("Hôm nay tôi mua ba quả cam")
