"""Letter styles (``bastion.normalize.letter_styles``): every class of red team 7's fancy text,
in the suite's alphabet and another generator's, alone and composed with other tricks (spelled
dots, 点, messenger cues); and the same glyphs in ordinary text (prices, Russian, Chinese words,
Inuktitut, emoticons, fancy names) left alone.
"""

from __future__ import annotations

import pytest

from bastion.extract import extract_entities, has_candidates
from bastion.normalize import unmask
from bastion.normalize.letter_style_tables import (
    CJK_SHAPES,
    CURRENCY,
    FAUX_CYRILLIC,
    SYLLABICS,
    hooked_letters,
)
from bastion.normalize.letter_styles import cjk_readings
from bastion.normalize.tables import tables


def values(text: str) -> list[tuple[str, str]]:
    """(kind, value) of every entity not withheld."""
    return [(e.kind, e.value) for e in extract_entities(unmask(text)) if "withheld" not in e.flags]


def withheld(text: str) -> list[str]:
    return [e.value for e in extract_entities(unmask(text)) if "withheld" in e.flags]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # currency signs: the suite's alphabet and the generators' variants, dots of every kind
        ("site: Ø₦ⱠɎł₦Đł₳₦₱ØⱤ₦Ӿ ĐØ₮ ł₦₣Ø", "onlyindianpornx.info"),
        ("hot girls live at ӾVłĐ€Ø₴300 ĐØ₮ ₵Ø₥", "xvideos300.com"),
        ("官网：₿€₸$€₹.¢Ø₥ 注册送彩金", "betser.com"),
        ("老虎机 去 ₵₳₴ł₦Ø88点₵Ø₥", "casino88.com"),
        # faux Cyrillic, capitals and lower case, mixed or whole
        ("site: ФИЦЯ.СФМ", "onur.com"),
        ("官网 ДБСdЄ88。com", "abcde88.com"),
        ("go to шдяф88.сфм now", "waro88.com"),
        # syllabics, both generators
        ("ᗷᑕᗰ88.com", "bcm88.com"),
        ("ᘜᓍᓍᕲ ᗩᕵᕵ".replace(" ", "") + ".ᑕᓍᗰ", "goodapp.com"),
        # letters with a hook (same-script look-alikes)
        ("ʋıɑʋıɓɽɑƭe.ꞓoɱ", "viavibrate.com"),
        ("xʋıɗeoʂɠɑƴʂ.ꞓoɱ", "xvideosgays.com"),
        # CJK shapes glued to Latin, beside a dot (点 too)
        ("官网 卂乃88点com 注册", "ab88.com"),
        ("老用户都在玩 千卂ㄥl丂ᗪ乇几t卂ls千.com", "fallsdentalsf.com"),
        ("ㄚcᐯ匚ﾌb卄gҜ爪丂丨y卄dᗪ.info丨补丁", "ycvcjbhgkmsiyhdd.info"),
        # ASCII art, with its leet digits
        ("看 |3e7|-|ub.com", "bethub.com"),
        ("ar|\\|37fli><|*4y.com refund pending", "arnetflixpay.com"),
        ("n3\\/\\/giftst.top", "newgiftst.top"),
        ("fr4(tio|\\|ag3nt.com", "fractionagent.com"),
        # mirror writing: told, or a TLD backwards
        ("moɔ.ɘɿoƨɘvil (mirror writing: hold it to a mirror)", "livesore.com"),
        ("moɔ.ɘvilꙅɿɘbnuƨ", "sunderslive.com"),
    ],
)
def test_styled_hosts_read(text: str, value: str) -> None:
    assert ("domain", value) in values(text)
    assert has_candidates(text)


def test_art_letters_beside_a_pictured_digit_are_read() -> None:
    """ASCII-art strokes glued to a clock face: the face goes on with the art word, the art
    pass reads the strokes and ``normalize.digit_forms`` the face (a digit inside the pictured
    run stays a digit: ``🕑0🕑🕑``)."""
    assert values("><><><|)an🕒.com hot girls (clock faces = digits)") == [
        ("domain", "xxxdan3.com")
    ]
    assert values("|*()r|\\|\\/i|)eos🕑0🕑🕑.com (clock faces = digits)") == [
        ("domain", "pornvideos2022.com")
    ]


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("TG：bao₿₳o_Ʉ$₫₸493", "telegram", "baobao_usdt493"),
        ("微信：ⱠɄ₵₭Ɏ_2024", "wechat", "lucky_2024"),
        ("tg: łʉȼkɏ_ȼłʉƀ89", "telegram", "lucky_club89"),
        ("微信：ДБЯИ88", "wechat", "abrn88"),
        ("Telegram: ᔕᑌGᗩᖇ_vip12", "telegram", "sugar_vip12"),
        ("加LINE 从工从工1234", "line", "mimi1234"),
        ("LINE ID：从工从工_1234", "line", "mimi_1234"),
        ("代购咨询丨賴：s卂ku尺卂9303", "line", "sakura9303"),  # a separator 丨 before
        ("微信：321_ʏʞɔul （镜像字，照镜子读）", "wechat", "lucky_123"),
    ],
)
def test_styled_handles_read(text: str, kind: str, value: str) -> None:
    assert (kind, value) in values(text)


@pytest.mark.parametrize(
    "text",
    [
        "Total: ₱1,250.00 only ฿350 each, ₩5,000 per ticket, €12.50 cash, ₵40 taxi",
        "paid $264 and US$5",
        "ВНИМАНИЕ: СРОЧНО ЗВОНИТЕ НАМ",
        "我们工厂从下午三点开始工作，口罩已经发下去了",
        "山下几个人从乙地出发。丁先生长期住在这里",
        "ᐃᓄᒃᑎᑐᑦ ᑕᑯᓐᓇᕐᓗ ᐅᖃᐅᓯᖅ",
        "₳ⱠɆӾ ₴₥ł₮Ⱨ",
        "|3 <3 (>_<) \\(^o^)/ ¯\\_(ツ)_/¯ |-| |_| () >< print() a|b",
        "ɘvil (no mirror here)",
        "I made $5k last week, €20 a day",
    ],
)
def test_ordinary_text_gets_no_host(text: str) -> None:
    assert values(text) == []


def test_json_escaped_slashes_are_slashes() -> None:
    assert values('{"url":"https:\\/\\/bet.com\\/x"}') == [("url", "https://bet.com/x")]


def test_russian_stays_russian() -> None:
    assert values("Привет.рф мы тут, звоните завтра") == [("domain", "привет.рф")]


def test_unsure_reads_are_withheld() -> None:
    # dice glued to the styled name go on with it: the digit pass reads them (no mask)
    assert values("site: ₱ØrnØⱧĐ⚁⚃.₵Ø₥") == [("domain", "pornohd24.com")]
    # ``ㄩ`` is ``u`` in one generator and ``v`` in another
    assert withheld("LINE ID：从工ㄩ工_1234")
    # ``ł`` is an ``i`` among currency signs, an ``l`` among stroke letters; alone, either
    assert values("加LINE kikł_1437") == []
    assert ("line", "yuki.5548") in values("加LINE yɄkł.5548")
    # a leet digit at an art word's edge may be a digit: ``dan3`` or ``dane``
    assert values("><><><|)an3.com hot girls") == []
    # an art letter the pass does not know, glued before: the rest is only the name's tail
    assert values("site: fmi|2go|2|)|{]{ig.xyz") == []


def test_alphabets_are_whole() -> None:
    """Each style reads every letter a-z (the generators' alphabets, not one spammer's)."""
    az = set("abcdefghijklmnopqrstuvwxyz")
    assert az - set(SYLLABICS.values()) == set()
    assert az - set(CURRENCY.values()) == set("jqv")  # drawn with the Latin capitals
    assert az - set(CJK_SHAPES.values()) == {"v"}  # ``ᐯ``, a syllabic, in that generator
    homoglyph = tables().homoglyph
    cyrillic = {homoglyph[ord(c)].lower() for c in "СРКМЅЈТХОУ"}
    assert az - set(FAUX_CYRILLIC.values()) - cyrillic == set("dglqz")  # Latin in the style
    hooked = hooked_letters()
    assert {hooked[ord(c)] for c in "ɓɗƙƴɠɦȥ"} == set("bdkyghz")
    assert homoglyph[ord("ʋ")] == "v"
    assert homoglyph[ord("ƴ")] == "y"


def test_words_of_shapes_only_are_a_second_reading() -> None:
    """A host written only in CJK shapes has no Latin letter to anchor it: the main reading
    leaves it (it may be Chinese), the second reading folds it, both ways for ``ㄩ``."""
    text = "福利 几o几t口几卄e几丅a工 㸃 丅口尸 名额有限"
    assert values(text) == []
    assert any("nontonhentai.top" in read for _, _, read in cjk_readings(text))
    reads = [read for _, _, read in cjk_readings("去 乂ㄩ乂点匚口从")]
    assert any("xux点com" in r for r in reads) and any("xvx点com" in r for r in reads)
    assert cjk_readings("我们工厂从下午三点开始工作，口罩已经发下去了") == []
