"""The packaged default policy: a table of (surface, entities, text) -> violations and verdict."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from bastion.model import Entity, Item
from bastion.policy import Policy, verdict_of
from bastion.policy.schema import SPEC_AT

ROOT = Path(__file__).resolve().parents[2]


def link(value: str, *categories: str, kind: str = "domain", flags: tuple[str, ...] = ()) -> Entity:
    host = value.split("/")[2] if "://" in value else value
    return Entity(
        kind=kind,
        raw=value,
        span=(0, len(value)),
        value=value,
        host=host,
        registrable_domain=host,
        categories=list(categories),
        sources=[f"feed:{c}" for c in categories],
        flags=list(flags),
    )


def handle(kind: str, value: str, *categories: str, cue: str | None = None) -> Entity:
    return Entity(kind, value, (0, len(value)), value, cue=cue, categories=list(categories))


@pytest.fixture(scope="module")
def policy() -> Policy:
    return Policy.default()


def test_default_policy_loads_and_is_linked_at_repo_root(policy: Policy) -> None:
    assert policy.name == "default"
    assert policy.version.startswith("default@")
    linked = ROOT / "policies" / "default.yaml"
    assert linked.is_symlink()
    assert os.readlink(linked) == "../src/bastion/policies/default.yaml"
    assert Policy.load(linked).version == policy.version
    assert set(policy.categories) >= {"gambling", "porn", "sexual_services", "scam", "phishing"}


def test_every_policy_key_is_documented_in_the_default_policy() -> None:
    header = (ROOT / "policies" / "default.yaml").read_text(encoding="utf-8").split("\nname:")[0]
    documented = {line.split()[1] for line in header.splitlines() if len(line.split()) > 1}
    for model in SPEC_AT.values():
        missing = set(model.model_fields) - documented
        assert not missing, f"{model.__name__} keys missing from default.yaml comments: {missing}"


# (surface, entities, folded text, [(rule, category, outcome, mode, entity indexes)], verdict)
CASES = [
    pytest.param(
        "post",
        [link("bet888.com", "gambling")],
        "官网 bet888.com 注册送彩金",
        [("link.listed", "gambling", "disable_link", "enforce", [0])],
        "act",
        id="listed-gambling-domain-in-post",
    ),
    pytest.param(
        "bio",
        [link("https://bet888.com/r", "gambling", kind="url")],
        "https://bet888.com/r",
        [("link.listed", "gambling", "remove", "enforce", [0])],
        "act",
        id="listed-link-in-bio-removes",
    ),
    pytest.param(
        "chat",
        [link("login-paypa1.com", "phishing", "scam"), link("8.8.4.4", "malware", kind="ip")],
        "verify at login-paypa1.com or 8.8.4.4",
        [
            ("link.listed", "scam", "disable_link", "enforce", [0]),
            ("link.dangerous", "phishing", "disable_link", "enforce", [0]),
            ("link.dangerous", "malware", "disable_link", "enforce", [1]),
        ],
        "act",
        id="dangerous-categories-and-one-violation-per-rule-per-entity",
    ),
    pytest.param(
        "post",
        [link("a.bet", "gambling"), link("b.bet", "gambling"), link("c.xxx", "porn")],
        "a.bet b.bet c.xxx",
        [
            ("link.listed", "gambling", "disable_link", "enforce", [0, 1]),
            ("link.listed", "porn", "disable_link", "enforce", [2]),
        ],
        "act",
        id="dedup-per-rule-and-category",
    ),
    pytest.param(
        "post",
        [link("example.org"), link("https://t.co/abc", kind="url", flags=("shortener",))],
        "see example.org and https://t.co/abc",
        [],
        "allow",
        id="unknown-link-and-shortener-allowed",
    ),
    pytest.param(
        "chat",
        [handle("phone", "13812345678", cue="电话")],
        "有事打我电话 13812345678",
        [],
        "allow",
        id="plain-phone-in-chat-allowed",
    ),
    pytest.param(
        "post",
        [handle("wechat", "abc_123", cue="微信")],
        "我的微信 abc_123 加我聊聊",
        [],
        "allow",
        id="handle-with-invitation-only-in-post-allowed",
    ),
    pytest.param(
        "bio",
        [handle("wechat", "abc_123", cue="vx")],
        "商务合作 加我 vx abc_123",
        [("handle.diversion", "diversion", "review", "enforce", [0])],
        "review",
        id="handle-with-solicitation-in-bio",
    ),
    pytest.param(
        "username",
        [handle("qq", "12345678", cue="QQ")],
        "Dm ME qq 12345678",
        [("handle.diversion", "diversion", "review", "enforce", [0])],
        "review",
        id="english-cue-case-insensitive-in-username",
    ),
    pytest.param(
        "bio",
        [handle("telegram", "nice_day", cue="飞机")],
        "飞机 nice_day",
        [],
        "allow",
        id="handle-without-cue-in-bio",
    ),
    pytest.param(
        "comment",
        [handle("wechat", "bc8888", cue="微信")],
        "百家乐 上分 加我微信 bc8888",
        [("handle.gambling", "gambling", "review", "enforce", [0])],
        "review",
        id="handle-with-gambling-solicitation-in-comment",
    ),
    pytest.param(
        "chat",
        [handle("telegram", "sweet", cue="tg")],
        "同城约 包夜 私聊 tg sweet",
        [("handle.sexual_services", "sexual_services", "review", "enforce", [0])],
        "review",
        id="handle-with-sex-solicitation-in-chat",
    ),
    pytest.param(
        "post",
        [handle("qq", "99887766", cue="QQ")],
        "兼职刷单 日赚500 咨询QQ 99887766",
        [("handle.scam", "scam", "review", "enforce", [0])],
        "review",
        id="handle-with-scam-solicitation-in-post",
    ),
    pytest.param(
        "chat",
        [handle("phone", "09061701461")],
        "WINNER!! you have won a £900 prize. To claim call 09061701461",
        [("phone.prize", "scam", "review", "enforce", [0])],
        "review",
        id="premium-rate-prize-bait",
    ),
    pytest.param(
        "post",
        [handle("wechat", "bad_agent", "gambling", cue="微信")],
        "微信 bad_agent",
        [("handle.listed", "gambling", "remove", "enforce", [0])],
        "act",
        id="listed-handle-removed",
    ),
    pytest.param(
        "comment",
        [handle("wechat", "aa1111"), handle("qq", "22222222"), handle("line", "cc3333")],
        "私聊 aa1111 22222222 cc3333",
        [("handle.many", "diversion", "review", "enforce", [0, 1, 2])],
        "review",
        id="three-distinct-handles-with-cue",
    ),
    pytest.param(
        "comment",
        [handle("wechat", "aa1111"), handle("wechat", "aa1111"), handle("qq", "22222222")],
        "私聊 aa1111 aa1111 22222222",
        [],
        "allow",
        id="repeated-handle-counts-once",
    ),
    pytest.param(
        "post",
        [link("bet888.com", flags=("spelled_dot",))],
        "bet888 dot com",
        [("link.obfuscated", "evasion", "review", "shadow", [0])],
        "allow",
        id="obfuscated-unlisted-link-is-shadow-only",
    ),
    pytest.param(
        "post",
        [link("bet888.com", "gambling", flags=("nfkc",))],
        "bet888.com",
        [("link.listed", "gambling", "disable_link", "enforce", [0])],
        "act",
        id="obfuscated-listed-link-acts-not-shadow",
    ),
]


@pytest.mark.parametrize(("surface", "entities", "text", "expected", "verdict"), CASES)
def test_default_policy_table(
    policy: Policy,
    surface: str,
    entities: list[Entity],
    text: str,
    expected: list[tuple[str, str, str, str, list[int]]],
    verdict: str,
) -> None:
    violations = policy.evaluate(Item("i", text=text, surface=surface), text, entities)
    got = [(v.rule, v.category, v.outcome, v.mode, v.entities) for v in violations]
    assert got == expected
    assert verdict_of(violations) == verdict
    for violation in violations:
        assert violation.reason and "{category}" not in violation.reason


def test_allowed_entities_never_match(policy: Policy) -> None:
    allowed = link("bet888.com", "gambling")
    allowed.allowed = True
    item = Item("i", text="x", surface="bio")
    assert policy.evaluate(item, "加我 bet888.com", [allowed]) == []
    listed = link("other.bet", "gambling")
    violations = policy.evaluate(item, "加我 bet888.com other.bet", [allowed, listed])
    assert [(v.rule, v.entities) for v in violations] == [("link.listed", [1])]


def test_link_visit_surface_disables_listed_links(policy: Policy) -> None:
    url = link("http://bet888.com/x", "gambling", kind="url")
    item = Item("i", text=url.value, surface="link_visit")
    assert verdict_of(policy.evaluate(item, url.value, [url])) == "act"


def test_no_entities_is_allow(policy: Policy) -> None:
    assert policy.evaluate(Item("i", text="百家乐 加我"), "百家乐 加我", []) == []
