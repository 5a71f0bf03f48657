"""Values the message says how to compute or edit (red team 7): read as told, or withheld.

Every example here is invented beyond the red-team suite; each class has several."""

from __future__ import annotations

import pytest

from bastion.extract import extract_entities
from bastion.normalize import unmask


def _read(text: str) -> list[tuple[str, str, bool]]:
    return [
        (e.kind, e.value, "withheld" in e.flags)
        for e in extract_entities(unmask(text, weak=True), prose_like=True)
    ]


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("官网：lucky(20+5)win.com", "domain", "lucky25win.com"),
        ("go to bet(100+88).vip (do the sums)", "domain", "bet188.vip"),
        ("site: ꞓasino(3+4+1).net", "domain", "casino8.net"),
        ("加QQ (1000000000+234567890) 算一下", "qq", "1234567890"),
        ("QQ：（500000000＋12345678）", "qq", "512345678"),
    ],
)
def test_sums_are_computed(text: str, kind: str, value: str) -> None:
    assert (kind, value, False) in _read(text)


def test_a_sum_in_prose_is_left_alone() -> None:
    assert _read("the answer is (2+2) and bet.com is fine") == [("domain", "bet.com", False)]


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("VX：mimi-8899 （i和-之间补一个a）", "wechat", "mimia-8899"),
        ("微信：bobo_520 （o和_之间加一个y）", "wechat", "boboy_520"),
        ("WeChat: grce_777 (put the a back between r and c)", "wechat", "grace_777"),
        ("details winnr88.com (put the e back between n and r)", "domain", "winner88.com"),
        ("官网 ꞓhꝁn.com （h和k之间补一个i）", "domain", "chikn.com"),
    ],
)
def test_inserted_letters(text: str, kind: str, value: str) -> None:
    assert (kind, value, False) in _read(text)


def test_an_insert_that_could_go_two_places_is_withheld() -> None:
    found = _read("WeChat: anan_2024 (put the x back between a and n)")
    assert found and all(withheld for _, _, withheld in found)
    overlapping = _read("老用户都在玩 xxxporne 奌 com （x和x之间补一个n）")  # xx twice in xxx
    assert overlapping and all(withheld for _, _, withheld in overlapping)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("微信：lucky-依酒尔寺溜", "lucky-19246"),
        ("VX：meimei_巴尔溜灵依", "meimei_82601"),
        ("微信 tianmi_尔巴伞尔灵 速来", "tianmi_28320"),
    ],
)
def test_sound_alike_digits(text: str, value: str) -> None:
    assert ("wechat", value, False) in _read(text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Telegram: lzuqcwkpyr_t1m2n3 (read every other character)", "lucky_123"),
        ("tg: mqakyobzeu (read every other character)", "maybe"),
    ],
)
def test_every_other_character(text: str, value: str) -> None:
    assert _read(text) == [("telegram", value, False)]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Telegram: implode('_', ['night', 'owl99'])", "night_owl99"),
        ("tg: ['honey','pot','7'].join('_')", "honey_pot_7"),
        ('tg: "_".join(["moon", "cake88"])', "moon_cake88"),
    ],
)
def test_code_joins(text: str, value: str) -> None:
    assert ("telegram", value, False) in _read(text)


def test_code_join_with_a_hyphen_for_wechat() -> None:
    assert ("wechat", "moon-cake88", False) in _read('微信："-".join(["moon", "cake88"])')


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("QQ：⚀⚁⚂⚃⚄⚅⚀⚁⚂", "123456123"),
        ("site: go⚄win⚅.com (dice = digits)", "go5win6.com"),
        ("官网 lucky🕖🕖.net （钟点就是数字）", "lucky77.net"),
    ],
)
def test_dice_and_clock_digits(text: str, value: str) -> None:
    assert any(v == value and not w for _, v, w in _read(text))


@pytest.mark.parametrize(
    "text",
    [
        "site: 4b🕐.tv (clock faces = digits)",  # 4: a digit or a leet a?
        "at x4🕛y.com (clock faces = digits)",  # twelve o'clock: one digit or two?
        "free download at w▢n▢ingbet.xyz",
        "site: bo**bet.com",
        "官网：k□loha□.info",
    ],
)
def test_unsure_values_are_withheld(text: str) -> None:
    found = [(k, v, w) for k, v, w in _read(text) if k == "domain"]
    assert all(withheld for _, _, withheld in found)


@pytest.mark.parametrize(
    "text",
    [
        "meet at 10🕙 see you",
        "see you at 8🕗 ok",
        "dice ⚀⚁ fun",
        "Đurđevac is a town",
        "the score was (3+4) today",
    ],
)
def test_benign_text_reads_nothing(text: str) -> None:
    assert _read(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "everyone is on (f🕕🕗🕘🕘.com (clock faces = digits)",  # ( is a c drawn in ASCII
        "at 5🕘🕘🕘(.com (clock faces = digits)",  # 5: a digit or a leet s?
        "go |b🕐🕑.net (clock faces = digits)",
    ],
)
def test_clock_digits_beside_ascii_art_are_withheld(text: str) -> None:
    found = [(k, v, w) for k, v, w in _read(text) if k == "domain"]
    assert all(withheld for _, _, withheld in found)


@pytest.mark.parametrize(
    "text",
    ["官网：netv*rg*n.com", "site: ca*in*88.vip", "去 w▢n▢88.top"],
)
def test_masks_are_withheld_before_markup_reads_them_as_emphasis(text: str) -> None:
    found = [(k, v, w) for k, v, w in _read(text) if k == "domain"]
    assert found and all(withheld for _, _, withheld in found)


def test_cyrillic_with_digits_under_an_ascii_tld_is_never_reported_as_written() -> None:
    """Withheld once; now ``normalize.letter_styles`` reads a word of faux Cyrillic beside a dot
    as the Latin letters it draws (``Ц`` for ``u``): never the Cyrillic name itself."""
    found = [(v, w) for k, v, w in _read("everyone is on МЦ929点com") if k == "domain"]
    assert found == [("mu929.com", False)]
