"""Disguised messenger cues, spaced ids and phones, by family, through ``Scanner.scan``.

Each family is a way of hiding the cue or the id; every example must give the right entity
(kind and canonical value) on every surface, and with gambling or fraud wording and an
invitation the default policy must send it to review or further. The negatives are real prose
shapes (dates, prices, order numbers, ordinary words that share a cue's characters).
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from bastion import Item, Scanner
from bastion.model import SURFACES
from tests.extract.conftest import REPO, default_scanner

FAMILIES: dict[str, list[tuple[str, str, str]]] = {
    "symbol_inside_cue": [
        ("加薇❤信：abc8899", "wechat", "abc8899"),
        ("微 信 abc8899", "wechat", "abc8899"),
        ("微-信：abc8899", "wechat", "abc8899"),
        ("微💗信 abc8899", "wechat", "abc8899"),
        ("V 信：abc8899", "wechat", "abc8899"),
        ("微\n信：abc8899", "wechat", "abc8899"),
        ("Q.Q 10225467", "qq", "10225467"),
        ("Q Q：10225467", "qq", "10225467"),
        ("扣-扣 10225467", "qq", "10225467"),
        ("企⭐鹅 10225467", "qq", "10225467"),
        ("飞✨机 @bet_vip88", "telegram", "bet_vip88"),
        ("T G @casino_king", "telegram", "casino_king"),
        ("whats app +1 202 555 0147", "whatsapp", "+12025550147"),
    ],
    "homophone_cue": [
        ("徽芯 abc8899", "wechat", "abc8899"),
        ("威❤：7788abc", "wechat", "7788abc"),
        ("危信：lily_99", "wechat", "lily_99"),
        ("威芯 abc8899", "wechat", "abc8899"),
        ("薇芯：abc8899", "wechat", "abc8899"),
        ("蔻蔻 10225467", "qq", "10225467"),
        ("抠抠：10225467", "qq", "10225467"),
        ("寇寇 10225467", "qq", "10225467"),
        ("扌口扌口 10225467", "qq", "10225467"),
        ("加扣 10225467", "qq", "10225467"),
        ("🐧 10225467", "qq", "10225467"),
        ("企饿 10225467", "qq", "10225467"),
        ("灰机：bet_vip88", "telegram", "bet_vip88"),
        ("飞鸡 @bet_vip88", "telegram", "bet_vip88"),
        ("电豹 @bet_vip88", "telegram", "bet_vip88"),
        ("✈️ @bet_vip88", "telegram", "bet_vip88"),
        ("🛩 @bet_vip88", "telegram", "bet_vip88"),
    ],
    "pinyin_and_abbreviation": [
        ("v➕ bet_6688", "wechat", "bet_6688"),
        ("kou扣 1234567890", "qq", "1234567890"),
        ("wechat id: lily99", "wechat", "lily99"),
        ("weixin: abc8899", "wechat", "abc8899"),
        ("wei xin abc8899", "wechat", "abc8899"),
        ("v x abc8899", "wechat", "abc8899"),
        ("WeChat号 lily99", "wechat", "lily99"),
        ("vchat: lily99", "wechat", "lily99"),
        ("koukou 10225467", "qq", "10225467"),
        ("kou kou 10225467", "qq", "10225467"),
        ("qq号码：10225467", "qq", "10225467"),
        ("tele: @bet_vip88", "telegram", "bet_vip88"),
        ("telegram id: bet_vip88", "telegram", "bet_vip88"),
        ("feiji bet_vip88", "telegram", "bet_vip88"),
        ("dianbao: bet_vip88", "telegram", "bet_vip88"),
        ("tg: @bet_vip88", "telegram", "bet_vip88"),
        ("wsp 0812345678", "whatsapp", "0812345678"),
        ("WhatsApp: +44 7700 900123", "whatsapp", "+447700900123"),
        ("Line ID: lucky_77", "line", "lucky_77"),
    ],
    "traditional_and_fullwidth": [
        ("微訊：abc8899", "wechat", "abc8899"),
        ("電報 @bet_vip88", "telegram", "bet_vip88"),
        ("飛機：bet_vip88", "telegram", "bet_vip88"),
        ("賴：lucky_77", "line", "lucky_77"),
        ("ＶＸ：ａｂｃ８８９９", "wechat", "abc8899"),
        ("ｑｑ　１０２２５４６７", "qq", "10225467"),
        ("扣扣：①②③④⑤⑥⑦⑧⑨", "qq", "123456789"),
    ],
    "spaced_id": [
        ("加qq 1 0 2 2 5 4 6 7 8", "qq", "102254678"),
        ("扣扣：1-0-2-2-5-4-6-7", "qq", "10225467"),
        ("微信：a b c 8 8 9 9", "wechat", "abc8899"),
        ("vx a.b.c.8.8.9.9", "wechat", "abc8899"),
        ("微信「abc8899」", "wechat", "abc8899"),
        ("vx（abc8899）", "wechat", "abc8899"),
    ],
    "cue_after_id": [
        ("abc8899 (vx)", "wechat", "abc8899"),
        ("1234567890扣", "qq", "1234567890"),
        ("10225467 QQ", "qq", "10225467"),
        ("bet_vip88【飞机】", "telegram", "bet_vip88"),
    ],
    "phone": [
        ("热线1 8 0 0 7 2 6 5 5 4 6", "phone", "18007265546"),
        ("1.3.8.1.2.3.4.5.6.7.8", "phone", "13812345678"),
        ("电话138-1234-5678", "phone", "13812345678"),
        ("tel 138.1234.5678", "phone", "13812345678"),
        ("+86 138 1234 5678", "phone", "+8613812345678"),
        ("+86-13812345678", "phone", "+8613812345678"),
        ("(+86)13812345678", "phone", "+8613812345678"),
        ("0086 138 1234 5678", "phone", "+8613812345678"),
        ("+86 1 3 8 1 2 3 4 5 6 7 8", "phone", "+8613812345678"),
        ("①③⑧-①②③④-⑤⑥⑦⑧", "phone", "13812345678"),
        ("热线 一三八一二三四五六七八", "phone", "13812345678"),
        ("call +1 202 555 0147", "phone", "+12025550147"),
    ],
}
CASES = [(family, *case) for family, cases in FAMILIES.items() for case in cases]
HARMFUL = [
    "联系我 百家乐包赢",
    "contact me, guaranteed profit crypto signals",
    "加我 上门服务 包夜",
]


@pytest.fixture(scope="module")
def scanner() -> Scanner:
    return default_scanner()


@pytest.mark.parametrize(("family", "text", "kind", "value"), CASES)
def test_family_gives_the_entity_on_every_surface(
    scanner: Scanner, family: str, text: str, kind: str, value: str
) -> None:
    for surface in SURFACES:
        result = scanner.scan(Item(id="x", text=f"{text} 😀", surface=surface))
        got = [(e.kind, e.value) for e in result.entities]
        assert got == [(kind, value)], (family, surface, got)
        (entity,) = result.entities
        assert entity.raw == text[entity.span[0] : entity.span[1]]


@pytest.mark.parametrize(("family", "text", "kind", "value"), CASES)
@pytest.mark.parametrize("wording", HARMFUL)
def test_family_with_harmful_wording_is_not_allowed(
    scanner: Scanner, family: str, text: str, kind: str, value: str, wording: str
) -> None:
    if kind == "phone":
        pytest.skip("a plain phone number is allowed by design unless listed or prize bait")
    for surface in SURFACES:
        result = scanner.scan(Item(id="x", text=f"{text}\n{wording}", surface=surface))
        assert (kind, value) in [(e.kind, e.value) for e in result.entities], (family, surface)
        assert result.verdict in ("review", "act"), (family, surface, result.to_dict())


@pytest.mark.parametrize(
    "text",
    [
        "我相信 2024年会更好",
        "每月扣 50000元工资",
        "扣 12 分，扣款 123456 元",
        "坐飞机 CA1234 去北京",
        "飞机票 3000元，电报局 1920年",
        "明治维新 1868年",
        "唯心：abc123 主义",
        "充电宝 10000mAh",
        "微信支付 满100减20",
        "QQ音乐 会员 12元",
        "赵薇：abc123",
        "权威：abc123 发布",
        "威信 50000元",
        "稍微等一下 abc123",
        "订单号 20261124001 已发货",
        "日期 2026-11-24 金额 13800.00 元",
        "会议 10:30，房间 1 2 3",
        "价格 1 3 8 元",
        "1 3 8 1 2 3 4 5 6 7 8 9 0",
        "Line up at 10:30 with 12345 people",
        "what app do you use?",
        "A T G C sequence",
        "order 4401234567 shipped",
        "I will text you tomorrow, qq",
        "The Wa River is 12345 km",
        "订单 20261124001 扣 50 元",
        "充值 100000 QQ币",
        "deadline 2024 line",
        "深圳航空所属ZH955T飞机，疑机械故障",
        "波音 B737MAX飞机 停飞",
        "TCs SAE Box326 CW25WX 150ppm",
        "size 30 w x 40 h, 2024 v x 5000",
        "飞机 @Tasha杀手 好看",
    ],
)
def test_prose_has_no_handle_or_phone(scanner: Scanner, text: str) -> None:
    result = scanner.scan(Item(id="x", text=text, surface="comment"))
    assert result.entities == [], [(e.kind, e.value) for e in result.entities]
    assert result.verdict == "allow"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("热线 138 1234 5678 2024年12月", [("phone", "13812345678")]),
        ("QQ 12345678 2024", [("qq", "12345678")]),
        ("QQ 1 2 3 4 5 6 7 8 2024", [("qq", "12345678")]),
        ("联系电话 1 3 8 1 2 3 4 5 6 7 8，2024-12-01 截止", [("phone", "13812345678")]),
        ("微信 13812345678，价格 99 元", [("wechat", "13812345678")]),
    ],
)
def test_numbers_are_not_glued_to_dates_or_prices(
    scanner: Scanner, text: str, expected: list[tuple[str, str]]
) -> None:
    result = scanner.scan(Item(id="x", text=text, surface="chat"))
    assert [(e.kind, e.value) for e in result.entities] == expected


def test_homophone_table_is_generated_from_its_script() -> None:
    pytest.importorskip("pypinyin")
    done = subprocess.run(
        [sys.executable, "-m", "bench.build_cue_homophones", "--check"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
