"""Handle classes of the third red team, by family, through ``Scanner.scan``: ids split over a
chat log or over profile fields, a QQ mailbox, cue words said in zhuyin, slang or other
languages, spoken and filler symbols, international WhatsApp numbers across emoji gaps. Every
example gives exactly its entity on every surface; with harmful wording it is never allowed;
the negatives are the prose and chat shapes the joiners must leave alone (no wrong handle).
"""

from __future__ import annotations

import pytest

from bastion import Item, Scanner
from bastion.model import SURFACES
from tests.extract.conftest import assert_handle_on_every_surface, default_scanner

FAMILIES: dict[str, list[tuple[str, str, str]]] = {
    "chat_log_pieces": [
        (
            "[09:15] 阿强: 加我微信\n[09:15] 阿强: tony88\n[09:16] 阿强: 21abc",
            "wechat",
            "tony8821abc",
        ),
        ("[21:02] Amy: add my QQ\n[21:02] Amy: 5521\n[21:03] Amy: 09876", "qq", "552109876"),
        (
            "08:40 小王：my telegram is\n08:40 小王：bet_k\n08:41 小王：ing77",
            "telegram",
            "bet_king77",
        ),
        (
            "客服小李 10:01\n加我飞机\n客服小李 10:01\nvip_s\n客服小李 10:02\nport9",
            "telegram",
            "vip_sport9",
        ),
    ],
    "profile_fields": [
        ("用户名：飞机在简介\n个人简介：sun_vip77｜欢迎", "telegram", "sun_vip77"),
        ("昵称：找我扣扣\n简介：30219876 交个朋友", "qq", "30219876"),
        ("name: wechat below\nbio: rosie_2024 hi", "wechat", "rosie_2024"),
        ("昵称：绿泡泡见简介\n签名：lucky8899", "wechat", "lucky8899"),
    ],
    "zhuyin_cue": [
        ("ㄨㄟˊ ㄒㄧㄣˋ：rain_5566", "wechat", "rain_5566"),
        ("ㄨㄟ ㄒㄧㄣ：sunny-1234", "wechat", "sunny-1234"),
        ("ㄎㄡˋ ㄎㄡˋ：33445566", "qq", "33445566"),
        ("ㄈㄟ ㄐㄧ：moon_club8", "telegram", "moon_club8"),
    ],
    "slang_and_decorated_cue": [
        ("小绿：amy_3321", "wechat", "amy_3321"),
        ("🟢：lily-8877", "wechat", "lily-8877"),
        ("加卫星：rose2266", "wechat", "rose2266"),
        ("Q裙：77889900", "qq", "77889900"),
        ("扣裙：77889900", "qq", "77889900"),
        ("V❤️：happy-520", "wechat", "happy-520"),
        ("Q🌸：77889900", "qq", "77889900"),
    ],
    "foreign_and_aliased_cue": [
        ("微信（WeChat）ID→coco-2211", "wechat", "coco-2211"),
        ("텔레 @vip_room88 연락", "telegram", "vip_room88"),
        ("LINEのID→momo1122", "line", "momo1122"),
        ("LINE官方帳號：@shop887", "line", "@shop887"),
        ("賴搜尋ID amy5566", "line", "amy5566"),
    ],
    "table_bars": [
        ("| 方式 | 号码 |\n|---|---|\n| QQ | 44556677 |", "qq", "44556677"),
        ("| app | id |\n|---|---|\n| Telegram | star_9988 |", "telegram", "star_9988"),
    ],
    "spoken_symbols": [
        ("wechat id: kiki dash 20756", "wechat", "kiki-20756"),
        ("微信号：meili横杠81071", "wechat", "meili-81071"),
        ("t dot me slash star_9988", "telegram", "star_9988"),
        ("wa.me slash 6281234567890", "whatsapp", "6281234567890"),
    ],
    "filler_symbol_to_drop": [
        ("wechat: r$o$s$e$_$7$7 (remove every $)", "wechat", "rose_77"),
        ("vx：l*u*c*k*y*8*8*9 （把*全部去掉）", "wechat", "lucky889"),
        ("telegram: b#e#t#9#9#w#i#n (remove all #)", "telegram", "bet99win"),
    ],
    "whatsapp_across_emoji_gaps": [
        ("WhatsApp +44🔸7911🔸123456", "whatsapp", "+447911123456"),
        ("whatsapp me: +1 （415） 555-2671", "whatsapp", "+14155552671"),
        ("WA ☎ +62🔹812🔹3456🔹7890", "whatsapp", "+6281234567890"),
    ],
    "vertical_id_with_underscore": [
        ("飞机👇\ns\nu\nn\n_\nc\nl\nu\nb", "telegram", "sun_club"),
    ],
}
CASES = [(family, *case) for family, cases in FAMILIES.items() for case in cases]
HARMFUL = [
    "百家乐包赢",
    "betting tips, sure wins tonight",
    "lonely tonight? private show",
    "loan approved instantly",
    "同城约 上门",
]


@pytest.fixture(scope="module")
def scanner() -> Scanner:
    return default_scanner()


@pytest.mark.parametrize(("family", "text", "kind", "value"), CASES)
def test_family_gives_the_entity_on_every_surface(
    scanner: Scanner, family: str, text: str, kind: str, value: str
) -> None:
    assert_handle_on_every_surface(scanner, family, text, kind, value)


@pytest.mark.parametrize(("family", "text", "kind", "value"), CASES)
@pytest.mark.parametrize("wording", HARMFUL)
def test_family_with_harmful_wording_is_not_allowed(
    scanner: Scanner, family: str, text: str, kind: str, value: str, wording: str
) -> None:
    for surface in SURFACES:
        result = scanner.scan(Item(id="x", text=f"{text}\n{wording}", surface=surface))
        assert (kind, value) in [(e.kind, e.value) for e in result.entities], (family, surface)
        assert result.verdict in ("review", "act"), (family, surface, result.to_dict())


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("QQ邮箱：20241234@qq。com", "20241234"),
        ("发我邮箱 887766554(at)qq点com", "887766554"),
        ("mail me at 55667788@qq.com", "55667788"),
    ],
)
def test_a_qq_mailbox_also_offers_its_qq_number(scanner: Scanner, text: str, number: str) -> None:
    result = scanner.scan(Item(id="x", text=text, surface="post"))
    got = [(e.kind, e.value) for e in result.entities]
    assert ("qq", number) in got
    assert ("email", f"{number}@qq.com") in got


@pytest.mark.parametrize(
    "text",
    [
        # a chat log: the pieces come from someone else, or end in a reply word, or no cue
        "[09:15] 阿强: 加我微信\n[09:15] 小美: abc\n[09:16] 小美: 123",
        "[09:15] 阿强: 加我微信\n[09:15] 阿强: ok\n[09:16] 阿强: sure",
        "[09:15] 阿强: 吃饭了吗\n[09:15] 阿强: room\n[09:16] 阿强: 302",
        # a profile whose field names a messenger without pointing on, or a name holding 薇
        "昵称：小薇\n简介：hello123 喜欢旅游",
        "用户名：飞机爱好者\n简介：b737max 机长",
        # mail that is not a QQ mailbox; prose with dash and slash
        "write to 20241234@example.com",
        "add a dash of salt and 2 cups of flour",
        "the ratio is 3 slash 4 of the total",
        # a filler symbol with no instruction; an international number that is not valid
        "wechat: a$b$c$1$2$3",
        "WhatsApp +99🔸123🔸45",
    ],
)
def test_shapes_left_alone(scanner: Scanner, text: str) -> None:
    result = scanner.scan(Item(id="x", text=text, surface="post"))
    handles = [(e.kind, e.value) for e in result.entities if e.kind != "email"]
    assert handles == [], (text, handles)


@pytest.mark.parametrize(
    "wording",
    [
        "fixed matches, sure win",  # tipsters
        "토토 가입",  # Korean: sports betting
        "バカラ",  # Japanese: baccarat
        "แทงบอล",  # Thai: football betting
        "nhà cái uy tín",  # Vietnamese: bookmaker
        "hot pics, private show",
        "조건만남",  # Korean: paid dating
        "instant loan, no credit check",
        "内部消息 无视黑白",
    ],
)
def test_harmful_wording_of_every_kind_sends_a_handle_to_review(
    scanner: Scanner, wording: str
) -> None:
    for surface in SURFACES:
        result = scanner.scan(Item(id="x", text=f"telegram: vip_room88 {wording}", surface=surface))
        assert ("telegram", "vip_room88") in [(e.kind, e.value) for e in result.entities]
        assert result.verdict in ("review", "act"), (wording, surface, result.to_dict())


@pytest.mark.parametrize("wording", ["fixed matches, sure win", "토토 가입", "instant loan"])
def test_harmful_wording_without_a_handle_is_allowed(scanner: Scanner, wording: str) -> None:
    result = scanner.scan(Item(id="x", text=f"news today: {wording}", surface="post"))
    assert result.verdict == "allow", result.to_dict()
