"""An instruction to decode or assemble a link or id (red team 9): at least review, even when no
reader undid it; an instruction with no link or handle near it, and ordinary prose, stay
allowed."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bastion import Item, Scanner
from bastion.detect import decode_hints
from bastion.detect.base import re2_text
from bastion.detect.decode_hints import LABEL
from bastion.extract._gates import GATE_MAX
from tests.extract.conftest import default_scanner


@pytest.fixture(scope="module")
def scanner() -> Scanner:
    return default_scanner()


@pytest.mark.parametrize(
    "text",
    [
        # zh
        "小美💕Atbash：a换z，b换y，以此类推：zzimpmgsx.cba",
        "深夜福利，base32解码：NJQXAYLOOBXXE3ROOR3A==== 进去先看",
        "01100011 01111001 01110000 01100011 00101110 01100011（二进制转文字）",
        "彩金客服 摩斯电码：———  ··—·  ··  ···  —···  ·—  —·",
        "字母按英文读音写的，连起来不加空格：aitch you bee ee tee dot com",
        "w99u3.com（数字都加了1，自己减回去）",
        "网址是***.com（***换成x）",
        "键盘上每个键都往右错了一位，往左退回来：[ptmpgo;,,p,.vp,",
        "新网址加密了，老会员都会解：yfnerk‧mvg，注册送58彩金",
        "包上岸的博彩导师，扣：11**971834（星号两位私信问）",
        # en
        "order at mirror the alphabet, a=z b=y: zzimpmgsx.cba",
        "gee ay em ee eye double-u eye en dot vip (say it out loud, no spaces)",
        'free chips at =CONCATENATE("fb","88",".com")',
        "Sign up at reverse it, then base64 decode: =QXZu5CO48We with my code",
        "new link is encrypted, members know the key: kozbgltvgsvikx◦xln",
        "download it from symstpqtxlqk.ni (each part between the dots is written backwards)",
        "🍋=f 🍇=u：torbetandt🍇🍋tॱcom",
        # vi, es, ru, ko, ja
        "đăng ký tại hi tám tám vip ba chấm com (viết liền, số đọc bằng chữ)",
        "entra en be e te ocho ocho punto com, todo junto sin espacios",
        "заходи на бет восемь восемь точка ком, пиши слитно",
        "비 이 티 팔팔 닷 컴 띄어쓰기 없이 붙여서",
        "ビー イー ティー ドット コム、スペースなしで繋げて",
    ],
)
def test_an_instruction_to_decode_beside_a_link_goes_to_review(scanner: Scanner, text: str) -> None:
    """Unless a reader applied the key the message names (flag ``instruction``): the decoded
    value then goes through the lists like any other (normalize.hinted_codes)."""
    result = scanner.scan(Item(id="x", text=text, surface="post"))
    if any("instruction" in e.flags and "withheld" not in e.flags for e in result.entities):
        return
    assert result.verdict in ("review", "act"), result.to_dict()
    assert LABEL in [s.label for s in result.signals], result.to_dict()


@pytest.mark.parametrize(
    "text",
    [
        "I am learning binary search trees this week",
        "PISS IS TALKING IS SOMEONE THAT REALISE U THAT POINT THIS AT IS IT.(NOW READ IT "
        "BACKWARDS)",
        "微信不知道，新浪官方微博是加密消息，都不知道哪个数据包是发微博",
        "@_ssz_ @Shhrek_九日东 @嘀嘀嗒嗒Q 太扯了，影帝啊！！滑雪需小心",
        "WhatsApp chats are end-to-end encrypted",
        "把手机换成新的了，明天见",
        "the password must have no spaces",
        "Morse code was invented in the 1830s.",
        # red team 8's benign: an attachment's encoding, a hobby, a cipher a reader undid
        "data:image/png;base64,UE5HIGZha2UgYnl0ZXMgMzE=",
        "Learning Morse: the letter E is a single dot, T is a single dash",
        "Official info is on awqpw.tbi (ROT13)",
    ],
)
def test_prose_without_a_link_to_decode_is_left_alone(scanner: Scanner, text: str) -> None:
    result = scanner.scan(Item(id="x", text=text, surface="post"))
    assert LABEL not in [s.label for s in result.signals], result.to_dict()


_GATE_PIECES = st.sampled_from(
    ["decode", "DECODE", "base 64", "ROT13", "no spaces", "say it out loud", "解码", "连起来",
     "不加空格", "星号", "xx换成", "**=", "viết liền", "sin espacios", "слитно", "붙여서",
     "繋げて", '=CONCATENATE(', "🍋=f ", "ſpell it out", "\u212aeyboard shift", "a.com"]
)  # fmt: skip
_GATE_CHARS = st.sampled_from([*"decoSPAEx*_=＝ 中文 解码连字a1.\n", *"ſ\u212aİı\ud800"])
_GATE_TEXTS = st.lists(st.one_of(_GATE_PIECES, _GATE_CHARS), max_size=12).map("".join)


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(_GATE_TEXTS)
def test_the_gate_answers_as_its_re2_search(text: str) -> None:
    """The needed-character test and the RE2 set on the bytes never change the answer of the
    hint's RE2 search, lone surrogates and case variants included; nor past ``GATE_MAX``."""
    expected = decode_hints._HINT_RE.search(re2_text(text)) is not None
    assert decode_hints.hinted(text) is expected
    long = text + " " * GATE_MAX
    assert decode_hints.hinted(long) is expected
