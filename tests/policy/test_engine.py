"""Rule semantics on small purpose-written policies: every condition, shadow mode, overrides."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bastion.model import Entity, Item, Violation
from bastion.policy import Policy, verdict_of
from bastion.policy.cues import CueMatcher
from tests.support.work import count_steps

HEAD = """\
name: t
categories: [gambling, scam, drugs]
cues:
  invite: [加我, "dm me"]
  topic: [百家乐]
  official: [官方客服]
rules:
"""


def make(rules: str) -> Policy:
    return Policy.parse(HEAD + rules, "t.yaml")


def entity(kind: str, value: str, *cats: str, flags: tuple[str, ...] = (), cue: str = "") -> Entity:
    return Entity(
        kind, value, (0, 1), value, cue=cue or None, categories=list(cats), flags=[*flags]
    )


def rules_fired(policy: Policy, surface: str, text: str, entities: list[Entity]) -> list[str]:
    item = Item("i", text=text, surface=surface)
    return [f"{v.rule}:{v.category}:{v.entities}" for v in policy.evaluate(item, text, entities)]


RULE = """\
  - id: r
    when: WHEN
    violation: {category: CAT, severity: low, confidence: 0.5}
    outcome: review
"""


def one_rule(when: str, category: str = "diversion") -> Policy:
    return make(RULE.replace("WHEN", when).replace("CAT", category))


@pytest.mark.parametrize(
    ("when", "entities", "text", "fired"),
    [
        ("{kinds: [qq]}", [entity("wechat", "w"), entity("qq", "1")], "", ["r:diversion:[1]"]),
        (
            "{listed: false}",
            [entity("url", "a", "scam"), entity("url", "b")],
            "",
            ["r:diversion:[1]"],
        ),
        (
            "{listed: true}",
            [entity("url", "a", "scam"), entity("url", "b")],
            "",
            ["r:diversion:[0]"],
        ),
        (
            "{categories: [unknown]}",
            [entity("url", "a", "scam"), entity("url", "b")],
            "",
            ["r:diversion:[1]"],
        ),
        ("{categories: [drugs]}", [entity("url", "a", "scam", "drugs")], "", ["r:diversion:[0]"]),
        ("{categories: [gambling]}", [entity("url", "a", "scam", "drugs")], "", []),
        ("{surfaces: [bio]}", [entity("qq", "1")], "", []),
        ("{cues: [invite, topic]}", [entity("qq", "1")], "百家乐", ["r:diversion:[0]"]),
        ("{cues: [invite]}", [entity("qq", "1")], "百家乐", []),
        ("{all_cues: [invite, topic]}", [entity("qq", "1")], "百家乐", []),
        ("{all_cues: [invite, topic]}", [entity("qq", "1")], "加我 百家乐", ["r:diversion:[0]"]),
        ("{not_cues: [official]}", [entity("qq", "1")], "官方客服 QQ", []),
        ("{not_cues: [official]}", [entity("qq", "1")], "QQ", ["r:diversion:[0]"]),
        (
            "{flags: [homoglyph, nfkc]}",
            [entity("url", "a", flags=("nfkc",)), entity("url", "b")],
            "",
            ["r:diversion:[0]"],
        ),
        (
            "{not_flags: [shortener]}",
            [entity("url", "a", flags=("shortener",)), entity("url", "b")],
            "",
            ["r:diversion:[1]"],
        ),
        (
            "{has_cue: true}",
            [entity("phone", "1", cue="tel"), entity("phone", "2")],
            "",
            ["r:diversion:[0]"],
        ),
        (
            "{has_cue: false}",
            [entity("phone", "1", cue="tel"), entity("phone", "2")],
            "",
            ["r:diversion:[1]"],
        ),
        ("{min_count: 2}", [entity("qq", "1"), entity("qq", "1")], "", []),
        ("{min_count: 2}", [entity("qq", "1"), entity("phone", "1")], "", ["r:diversion:[0, 1]"]),
    ],
)
def test_conditions(when: str, entities: list[Entity], text: str, fired: list[str]) -> None:
    assert rules_fired(one_rule(when), "post", text, entities) == fired


def test_category_from_entity_takes_first_matching_category() -> None:
    policy = one_rule("{categories: [drugs, scam]}", "$category")
    ents = [entity("url", "a", "gambling", "drugs", "scam"), entity("url", "b", "scam")]
    assert rules_fired(policy, "post", "", ents) == ["r:drugs:[0]", "r:scam:[1]"]
    any_policy = one_rule("{categories: [any]}", "$category")
    assert rules_fired(any_policy, "post", "", ents) == ["r:gambling:[0]", "r:scam:[1]"]


def test_shadow_mode_is_recorded_but_never_acts() -> None:
    policy = make(
        RULE.replace("WHEN", "{kinds: [url]}")
        .replace("CAT", "scam")
        .replace("outcome: review", "outcome: remove\n    mode: shadow")
    )
    violations = policy.evaluate(Item("i", text="u"), "u", [entity("url", "u")])
    assert [(v.mode, v.outcome) for v in violations] == [("shadow", "remove")]
    assert violations[0].to_dict()["mode"] == "shadow"
    assert verdict_of(violations) == "allow"


def test_overrides_first_matching_surface_wins() -> None:
    policy = make(
        RULE.replace("WHEN", "{kinds: [url]}").replace("CAT", "scam") + "    overrides:\n"
        "      - {surfaces: [bio], outcome: remove, severity: critical}\n"
        "      - {surfaces: [bio, chat], outcome: disable_link}\n"
    )
    ents = [entity("url", "u")]

    def outcome(surface: str) -> tuple[str, str]:
        (violation,) = policy.evaluate(Item("i", text="u", surface=surface), "u", ents)
        return violation.outcome, violation.severity

    assert outcome("bio") == ("remove", "critical")
    assert outcome("chat") == ("disable_link", "low")
    assert outcome("post") == ("review", "low")


def test_disabled_rule_and_reason_template() -> None:
    policy = make(
        RULE.replace("WHEN", "{kinds: [url]}")
        .replace("CAT", "$category")
        .replace("{kinds", "{listed: true, kinds")
        + "    enabled: false\n"
        + RULE.replace("id: r", "id: s")
        .replace("WHEN", "{listed: true}")
        .replace("CAT", "$category")
        .replace("confidence: 0.5}", "confidence: 0.5, reason: 'listed as {category}'}")
    )
    (violation,) = policy.evaluate(Item("i", text="u"), "u", [entity("url", "u", "scam")])
    assert (violation.rule, violation.reason, violation.confidence) == ("s", "listed as scam", 0.5)


def test_rules_with_no_match_on_surface_or_kind_cost_nothing() -> None:
    policy = one_rule("{kinds: [qq], surfaces: [bio], cues: [invite]}")
    assert (
        policy.evaluate(Item("i", text="加我", surface="post"), "加我", [entity("qq", "1")]) == []
    )
    assert (
        policy.evaluate(Item("i", text="加我", surface="bio"), "加我", [entity("url", "1")]) == []
    )


@pytest.mark.parametrize(
    ("outcomes", "verdict"),
    [
        ([], "allow"),
        ([("allow", "enforce")], "allow"),
        ([("review", "enforce"), ("allow", "enforce")], "review"),
        ([("review", "enforce"), ("disable_link", "enforce")], "act"),
        ([("remove", "enforce")], "act"),
        ([("remove", "shadow"), ("review", "enforce")], "review"),
        ([("remove", "shadow"), ("disable_link", "shadow")], "allow"),
    ],
)
def test_verdict_of(outcomes: list[tuple[str, str]], verdict: str) -> None:
    violations = [
        Violation("r", "scam", "low", 1.0, outcome, mode=mode) for outcome, mode in outcomes
    ]
    assert verdict_of(violations) == verdict


def test_cue_matcher_word_boundaries_and_case() -> None:
    matcher = CueMatcher({"a": ["dm me", "Casino"], "b": ["加我"], "c": ["ＶＸ"]})
    assert matcher.names_in("pls DM ME now") == ["a"]
    assert matcher.names_in("admin meeting") == []
    assert matcher.names_in("dm mentor") == []
    assert matcher.names_in("casinos") == []
    assert matcher.names_in("best casino!") == ["a"]
    assert matcher.names_in("快加我吧 vx") == ["b", "c"]
    assert CueMatcher({}).scan("anything") == 0


def test_cue_matcher_mixed_scripts_and_metacharacters() -> None:
    matcher = CueMatcher({"a": ["加v", "call"], "b": ["a.b", "(x)", "£5"], "c": [" "]})
    assert matcher.names_in("快加vx123") == ["a"]
    assert matcher.names_in("please recall it") == []
    assert matcher.names_in("Call now") == ["a"]
    assert matcher.names_in("axb") == []
    assert matcher.names_in("see a.b and (x) for £50") == ["b"]
    assert matcher.mask_of(["c"]) == 4 and matcher.scan("   ") == 0


@settings(max_examples=60, deadline=None)
@given(
    st.text(alphabet="a.1 加我dmeDM百家乐@:/", max_size=2000),
    st.sampled_from(["a." * 25_000, "1" * 50_000, "加我" * 25_000, "dm me " * 8_000]),
)
def test_adversarial_text_is_linear(noise: str, bulk: str) -> None:
    policy = Policy.default()
    ents = [entity("wechat", "x"), entity("url", "y", flags=("spelled_dot",))]
    text = noise + bulk + noise
    violations, steps = count_steps(
        lambda: policy.evaluate(Item("i", text="t", surface="bio"), text, ents)
    )
    assert steps <= 5_000  # the Python work does not grow with the text (worst seen: 250)
    assert all(v.rule in policy.rule_ids for v in violations)
