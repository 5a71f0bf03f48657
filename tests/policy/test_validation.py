"""Every way a policy file can be wrong fails at load with file, line, key path and choices."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from bastion.policy import Policy, PolicyError

VALID = """\
name: test
categories: [gambling, crypto_fraud]
cues:
  solicitation: [加我, "dm me"]
rules:
  - id: link.listed
    when:
      kinds: [url, domain]
      categories: [any]
    violation: {category: $category, severity: high, confidence: 1.0}
    outcome: disable_link
  - id: handle.diversion
    when:
      kinds: [wechat]
      surfaces: [bio]
      cues: [solicitation]
    violation:
      category: diversion
      severity: medium
      confidence: 0.8
    outcome: review
"""


def _error(text: str, tmp_path: Path, name: str = "x.yaml") -> str:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    with pytest.raises(PolicyError) as caught:
        Policy.load(path)
    return str(caught.value)


def test_valid_template_loads(tmp_path: Path) -> None:
    path = tmp_path / "ok.yaml"
    path.write_text(VALID, encoding="utf-8")
    policy = Policy.load(path)
    assert policy.name == "test"
    assert policy.rule_ids == ("link.listed", "handle.diversion")
    assert policy.categories[-1] == "crypto_fraud"
    assert policy.version.startswith("test@") and len(policy.version) == len("test@") + 12


def test_bad_outcome(tmp_path: Path) -> None:
    message = _error(VALID.replace("outcome: disable_link", "outcome: ban"), tmp_path)
    assert str(tmp_path / "x.yaml") in message
    choices = "allow, review, label, disable_link, remove"
    assert f"line 11: rules[0].outcome: 'ban' is not one of {choices}" in message


def test_unknown_key_lists_valid_keys(tmp_path: Path) -> None:
    message = _error(VALID.replace("      surfaces: [bio]", "      surface: [bio]"), tmp_path)
    assert "line 15: rules[1].when.surface: unknown key 'surface'; valid keys: kinds," in message
    assert "surfaces" in message and "min_count" in message


def test_unknown_top_level_key(tmp_path: Path) -> None:
    message = _error(VALID + "extra: 1\n", tmp_path)
    assert "line 22: extra: unknown key 'extra'; valid keys: name, description," in message


def test_unknown_kind(tmp_path: Path) -> None:
    message = _error(VALID.replace("kinds: [url, domain]", "kinds: [url, website]"), tmp_path)
    assert "line 8: rules[0].when.kinds[1]: 'website' is not one of url, domain, ip," in message


def test_bad_severity(tmp_path: Path) -> None:
    message = _error(VALID.replace("severity: medium", "severity: severe"), tmp_path)
    assert "line 19: rules[1].violation.severity: 'severe' is not one of low, medium, high," in (
        message
    )


def test_duplicate_rule_id(tmp_path: Path) -> None:
    message = _error(VALID.replace("id: handle.diversion", "id: link.listed"), tmp_path)
    assert "line 12: rules[1].id: duplicate rule id 'link.listed' (first used on line 6)" in message


def test_unknown_cue_list(tmp_path: Path) -> None:
    message = _error(VALID.replace("cues: [solicitation]", "cues: [solicit]"), tmp_path)
    assert "line 16: rules[1].when.cues[0]: 'solicit' is not one of solicitation" in message


def test_yaml_syntax_error(tmp_path: Path) -> None:
    message = _error(VALID.replace("kinds: [wechat]", "kinds: [wechat"), tmp_path)
    assert "x.yaml line 15: YAML syntax error:" in message


def test_undeclared_category(tmp_path: Path) -> None:
    text = VALID.replace("categories: [any]", "categories: [gambling, drugs]")
    message = _error(text, tmp_path)
    assert "line 9: rules[0].when.categories[1]: 'drugs' is not one of gambling, porn," in message
    assert "crypto_fraud, any, unlisted, unknown" in message


def test_wrong_type_and_range(tmp_path: Path) -> None:
    message = _error(VALID.replace("confidence: 0.8", "confidence: 8"), tmp_path)
    assert "line 20: rules[1].violation.confidence: Input should be less than or equal to 1" in (
        message
    )
    message = _error(VALID.replace("kinds: [wechat]", "kinds: wechat"), tmp_path)
    assert "line 14: rules[1].when.kinds: Input should be a valid list (got 'wechat')" in message


def test_missing_required_key(tmp_path: Path) -> None:
    message = _error(VALID.replace("    outcome: review\n", ""), tmp_path)
    assert "line 12: rules[1].outcome: required key is missing" in message


def test_duplicate_yaml_key(tmp_path: Path) -> None:
    text = VALID.replace("    outcome: review\n", "    outcome: review\n    outcome: remove\n")
    message = _error(text, tmp_path)
    assert "line 22: rules[1].outcome: duplicate key (first written on line 21)" in message


def test_unquoted_yaml_boolean_gets_a_hint(tmp_path: Path) -> None:
    message = _error(VALID.replace('"dm me"', "no"), tmp_path)
    assert "line 4: cues.solicitation[1]: expected text, got False" in message
    assert "quote it" in message


def test_category_from_entity_needs_listed_entities(tmp_path: Path) -> None:
    message = _error(VALID.replace("categories: [any]", "categories: [any, unlisted]"), tmp_path)
    assert "line 10: rules[0].violation.category: '$category' needs a rule that matches only" in (
        message
    )


def test_categories_and_listed_are_exclusive(tmp_path: Path) -> None:
    text = VALID.replace("categories: [any]", "categories: [any]\n      listed: true")
    assert "rules[0].when.listed: use either 'categories' or 'listed', not both" in _error(
        text, tmp_path
    )


def test_override_checks(tmp_path: Path) -> None:
    text = VALID.replace(
        "    outcome: review\n",
        "    outcome: review\n    overrides:\n      - {surfaces: [post], outcome: remove}\n"
        "      - {surfaces: [bio]}\n",
    )
    message = _error(text, tmp_path)
    assert "line 23: rules[1].overrides[0].surfaces: post not among the rule's surfaces" in message
    assert "line 24: rules[1].overrides[1]: an override needs 'outcome' or 'severity'" in message


def test_reserved_and_malformed_names(tmp_path: Path) -> None:
    message = _error(VALID.replace("crypto_fraud]", "diversion, Bad-Name]"), tmp_path)
    assert "line 2: categories[1]: 'diversion' is not a valid category name" in message
    assert "line 2: categories[2]: 'Bad-Name' is not a valid category name" in message
    message = _error(VALID.replace("id: link.listed", "id: Link Listed"), tmp_path)
    assert "line 6: rules[0].id: 'Link Listed' must be 1-64 of a-z" in message


def test_all_problems_reported_together(tmp_path: Path) -> None:
    text = VALID.replace("outcome: disable_link", "outcome: ban").replace(
        "severity: medium", "severity: severe"
    )
    with pytest.raises(PolicyError) as caught:
        Policy.parse(text, "p.yaml")
    assert len(caught.value.problems) == 2
    assert caught.value.problems[0].startswith("p.yaml line 11:")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", "p.yaml line 1: the policy file is empty"),
        ("- a\n- b\n", "p.yaml line 1: the policy must be a mapping of keys, got list"),
        ("name: x\n1: y\nrules: []\n", "p.yaml line 2: (top level): keys must be text"),
        ("name: x\nrules: !!python/object:os.system {}\n", "p.yaml line 2: YAML syntax error:"),
    ],
)
def test_malformed_documents(text: str, expected: str) -> None:
    with pytest.raises(PolicyError) as caught:
        Policy.parse(text, "p.yaml")
    assert expected in str(caught.value)


def test_unreadable_and_non_utf8_files(tmp_path: Path) -> None:
    with pytest.raises(PolicyError, match="cannot read policy file"):
        Policy.load(tmp_path / "missing.yaml")
    with pytest.raises(PolicyError, match="not UTF-8"):
        Policy.parse(b"name: \xff\xfe\n", "p.yaml")


def test_alias_bomb_is_refused() -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 8)]
    text = "\n".join(lines) + "\nname: x\nrules: []\n"
    with pytest.raises(PolicyError, match="too large"):
        Policy.parse(text, "p.yaml")


def test_merge_keys_are_supported() -> None:
    text = """\
name: merged
cues: {s: [加我]}
rules:
  - id: a
    when: &handles {kinds: [wechat, qq], cues: [s]}
    violation: &v {category: diversion, severity: low, confidence: 0.5}
    outcome: review
  - id: b
    when: {<<: *handles, surfaces: [bio]}
    violation: {<<: *v, severity: high}
    outcome: review
"""
    assert Policy.parse(text).rule_ids == ("a", "b")
    bad = text.replace("surfaces: [bio]", "surfaces: [bio], colour: red")
    with pytest.raises(PolicyError, match=r"line 9: rules\[1\]\.when\.colour: unknown key"):
        Policy.parse(bad)


@pytest.mark.parametrize("key", ["flags", "not_flags"])
def test_misspelt_flag_is_a_load_error_with_line_and_choices(key: str, tmp_path: Path) -> None:
    text = VALID.replace(
        "      kinds: [url, domain]\n", f"      kinds: [url, domain]\n      {key}: [spelled_dott]\n"
    )
    message = _error(text, tmp_path)
    assert f"line 9: rules[0].when.{key}[0]: 'spelled_dott' is not one of nfkc, " in message
    assert "spelled_dot, " in message and "shortener" in message


def test_every_declared_flag_loads(tmp_path: Path) -> None:
    from bastion.model import ENTITY_FLAGS

    path = tmp_path / "ok.yaml"
    flags = ", ".join(ENTITY_FLAGS)
    path.write_text(
        VALID.replace(
            "      kinds: [url, domain]\n", f"      kinds: [url, domain]\n      flags: [{flags}]\n"
        ),
        encoding="utf-8",
    )
    assert Policy.load(path).name == "test"


def test_origins_name_text_or_image_only(tmp_path: Path) -> None:
    text = VALID.replace(
        "      kinds: [url, domain]\n", "      kinds: [url, domain]\n      origins: [images]\n"
    )
    message = _error(text, tmp_path)
    assert "line 9: rules[0].when.origins[0]: 'images' is not one of text, image" in message
