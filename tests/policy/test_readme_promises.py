"""README's promises about the default policy, each checked through a real Scanner.

README ("Policy"): a listed link is disable_link (remove on profile surfaces; phishing and malware
critical); a handle pushed with solicitation wording on a profile surface is a diversion sent to
review; handles with gambling / sex / scam wording go to review on any surface; unknown links,
shorteners and plain phone numbers are allowed; link.obfuscated is shadow only; the operator allow
list always wins.
"""

from __future__ import annotations

import pytest

from bastion import Scanner
from bastion.intel.feeds import import_feeds
from bastion.model import SURFACES
from tests.conftest import REPO

PROFILE = ("username", "display_name", "bio", "avatar")
MESSAGES = tuple(s for s in SURFACES if s not in PROFILE)


@pytest.fixture(scope="module")
def scanner(tmp_path_factory: pytest.TempPathFactory) -> Scanner:
    home = tmp_path_factory.mktemp("promises-home")
    import_feeds(home, REPO / "examples" / "feeds", category="from-file", source="sample")
    allow = tmp_path_factory.mktemp("ops") / "allow.txt"
    allow.write_text("12bet.com\n", encoding="utf-8")
    import_feeds(home, allow, category="allow", source="operator")
    return Scanner.load(home)


def _scan(scanner: Scanner, text: str, surface: str) -> tuple[str, list[tuple[str, str, str]]]:
    result = scanner.scan({"id": "1", "text": text, "surface": surface})
    return result.verdict, [(v.rule, v.outcome, v.severity) for v in result.violations]


HARMFUL_HANDLES = [
    "TG：casino_king888 百家乐包赢",
    "飞机 @tg_casino_vip 每日爆分",
    "扣扣：①②③④⑤⑥⑦⑧⑨ 彩金天天送",
    "WhatsApp +1 202 555 0147 guaranteed profit crypto signals",
    "加微信 mm_8899 同城约 上门服务",
    "wechat: lily_99 escort hookup",
    "QQ 12345678 刷单 日赚500",
    "USDT高价回收 微信：kefu_8899",
    "彩票计划必中 QQ：2659312",
    "看片福利 加V：fuli_6688",
    "贷款秒批 无需面签 电报 @daikuan88",
    "crypto profit guaranteed WhatsApp +1 202 555 0147",
    "earn $500 daily, telegram: @signals_pro",
    "free spins jackpot tonight, wechat id: lucky_777",
    # wording families red team 5 found allowed: age gates, massage, private pictures, porn
    # resources, loans, "I made $...", cash-only bargains, "customer service is off, add me"
    "🔞福利 加V：abc_12345",
    "18+ content telegram @amy_hot99",
    "VIP massage whatsapp +44 7700 900123",
    "dm me on telegram @lily_x9 for private pics",
    "会所 SPA 预约 微信 spa_8899",
    "想要资源的加 QQ 123456789",
    "loans approved instantly WeChat: loan_8899",
    "I made $5k last week, ask telegram @rich_guy8",
    "iPhone 15 $99 cash only, whatsapp +1 202 555 0147",
    "客服下班了，加我私人 微信 abc12345",
]


@pytest.mark.parametrize("surface", SURFACES)
@pytest.mark.parametrize("text", HARMFUL_HANDLES)
def test_handles_with_harmful_wording_are_reviewed_on_every_surface(
    scanner: Scanner, text: str, surface: str
) -> None:
    verdict, violations = _scan(scanner, text, surface)
    assert verdict == "review", (text, surface, violations)
    assert any(rule.startswith("handle.") for rule, _, _ in violations)


@pytest.mark.parametrize("surface", SURFACES)
def test_listed_link_is_disabled_and_removed_on_profiles(scanner: Scanner, surface: str) -> None:
    verdict, violations = _scan(scanner, "官网 04647.club 注册", surface)
    outcome = "remove" if surface in PROFILE else "disable_link"
    assert (verdict, violations) == ("act", [("link.listed", outcome, "high")])


@pytest.mark.parametrize("host", ["000mnnv.wcomhost.com", "25z5g623wpqpdwis.onion.to"])
def test_phishing_and_malware_are_critical(scanner: Scanner, host: str) -> None:
    verdict, violations = _scan(scanner, f"login at https://{host}/x", "chat")
    assert (verdict, violations) == ("act", [("link.dangerous", "disable_link", "critical")])


@pytest.mark.parametrize("surface", PROFILE)
def test_handle_with_solicitation_on_a_profile_is_diversion_review(
    scanner: Scanner, surface: str
) -> None:
    verdict, violations = _scan(scanner, "商务合作 加我 vx abc_123", surface)
    assert (verdict, violations) == ("review", [("handle.diversion", "review", "medium")])


@pytest.mark.parametrize("surface", MESSAGES)
@pytest.mark.parametrize(
    "text",
    [
        "see example.org for the agenda",
        "short link https://bit.ly/3abcDEF",
        "有事打我电话 13812345678",
        "我的微信 abc_123 加我聊聊",
        "call me on +1 202 555 0147 tonight",
        "massage chair for sale, call 13812345678",
        "release notes for 2018+ devices: telegram @devteam1",
    ],
)
def test_unknown_links_shorteners_and_plain_contacts_are_allowed(
    scanner: Scanner, text: str, surface: str
) -> None:
    assert _scan(scanner, text, surface) == ("allow", [])


def test_obfuscated_unlisted_link_is_recorded_in_shadow_only(scanner: Scanner) -> None:
    result = scanner.scan({"id": "1", "text": "注册 ｎｅｗｓｉｔｅ８８．ｃｏｍ", "surface": "post"})
    assert result.verdict == "allow"
    assert [(v.rule, v.mode) for v in result.violations] == [("link.obfuscated", "shadow")]


def test_operator_allow_list_wins(scanner: Scanner) -> None:
    result = scanner.scan({"id": "1", "text": "官网 12bet.com", "surface": "bio"})
    assert result.verdict == "allow"
    assert result.entities[0].allowed and result.entities[0].categories == []


def test_readme_states_these_promises() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for phrase in ("go to review on any", "`mode: shadow`", "plain phone numbers are allowed"):
        assert phrase in readme.replace("\n", " ")
