"""Statements of reasons and their DSA Transparency Database export."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bastion.enforce import dsa
from bastion.enforce.dsa import DSA_CATEGORIES, validate_dsa
from bastion.enforce.ladder import Decision, Ladder, StrikeRecord
from bastion.enforce.reasons import (
    GroundSpec,
    NotReportable,
    ReasonsConfig,
    StatementOfReasons,
    build_statement,
    describe_facts,
    statement_to_dict,
    to_dsa,
)
from bastion.model import BUILTIN_CATEGORIES, Entity, ScanResult, Violation

NOW = datetime(2026, 11, 20, 10, 0, tzinfo=UTC)
TEXT = "官网 bet888。com 注册送彩金 加V: +8613812345678"


def scan_result() -> ScanResult:
    return ScanResult(
        id="p-1",
        verdict="act",
        entities=[
            Entity(
                "domain", "bet888。com", (3, 13), "bet888.com", "bet888.com", "bet888.com",
                categories=["gambling"], sources=["feed:example-gambling"],
            ),
            Entity(
                "phone", "+8613812345678", (24, 38), "8613812345678",
                categories=["gambling"], sources=["cue:gambling"],
            ),
        ],
        violations=[
            Violation("link.listed", "gambling", "high", 1.0, "disable_link", [0, 1]),
            Violation("handle.cue", "gambling", "medium", 0.7, "review", [1], mode="shadow"),
        ],
        policy_version="pol-3f2a",
    )  # fmt: skip


def decide(history: list[StrikeRecord], outcome: str = "disable_link") -> Decision:
    result = scan_result()
    return Ladder.default().decide(result.violations[0], outcome, history, NOW)


def statement(history: list[StrikeRecord] | None = None, **kwargs: object) -> StatementOfReasons:
    result = scan_result()
    return build_statement(
        result,
        result.violations[0],
        decide(history or []),
        statement_id="sor-p-1-gambling",
        account_id="u-9",
        now=NOW,
        **kwargs,  # type: ignore[arg-type]
    )


def assert_in_vocabulary(record: dict[str, object]) -> None:
    """Independent of validate_dsa: each emitted value is in the encoded enumerations."""
    for key, value in record.items():
        if key in dsa.SINGLE_ENUMS:
            assert value in dsa.SINGLE_ENUMS[key], (key, value)
        elif key in dsa.LIST_ENUMS:
            assert isinstance(value, list) and value
            assert all(v in dsa.LIST_ENUMS[key] for v in value), (key, value)
        else:
            assert key in dsa.KNOWN_FIELDS, key
    for key in dsa.REQUIRED:
        assert record.get(key), key


def test_statement_holds_facts_ground_automation_scope_and_redress() -> None:
    sor = statement()
    assert [f.span for f in sor.facts] == [(3, 13), (24, 38)]
    assert TEXT[3:13] == sor.facts[0].raw
    assert sor.rules == ("link.listed",)
    assert sor.policy_version == "pol-3f2a"
    assert sor.ground.ground == "terms" and "gambling" in sor.ground.reference
    assert sor.automated_detection and sor.automated_decision == "full"
    assert sor.territorial_scope == dsa.EU_COUNTRIES
    assert sor.redress.appeal_deadline == NOW + timedelta(days=183)
    assert sor.redress.appeal_url == "/appeals/sor-p-1-gambling"
    assert sor.redress.options == (
        "internal_complaint",
        "out_of_court_settlement",
        "judicial_redress",
    )


def test_first_strike_exports_a_valid_incompatible_content_record() -> None:
    record = to_dsa(statement())
    assert validate_dsa(record) == []
    assert_in_vocabulary(record)
    assert record["decision_visibility"] == ["DECISION_VISIBILITY_CONTENT_DISABLED"]
    assert record["decision_ground"] == "DECISION_GROUND_INCOMPATIBLE_CONTENT"
    assert record["category"] == "STATEMENT_CATEGORY_OTHER_VIOLATION_TC"
    assert record["category_specification"] == ["KEYWORD_GOODS_SERVICES_NOT_PERMITTED"]
    assert record["automated_detection"] == "Yes"
    assert record["automated_decision"] == "AUTOMATED_DECISION_FULLY"
    assert record["source_type"] == "SOURCE_VOLUNTARY"
    assert record["application_date"] == "2026-11-20"
    assert record["puid"] == "sor-p-1-gambling"
    assert "decision_account" not in record and "decision_monetary" not in record


def test_facts_name_domains_but_never_personal_data() -> None:
    facts = to_dsa(statement())["decision_facts"]
    assert "bet888.com" in facts and "link.listed" in facts and "pol-3f2a" in facts
    assert "8613812345678" not in facts and "+86" not in facts
    assert "1 phone" in facts and "1 domain" in facts


def test_escalated_strikes_map_to_monetary_and_account_fields() -> None:
    history = [StrikeRecord("gambling", "high", NOW - timedelta(days=d)) for d in (1, 2)]
    record = to_dsa(statement(history))
    assert validate_dsa(record) == []
    assert_in_vocabulary(record)
    assert record["decision_visibility"] == ["DECISION_VISIBILITY_CONTENT_REMOVED"]
    assert record["decision_account"] == "DECISION_ACCOUNT_SUSPENDED"
    assert record["end_date_account_restriction"] == "2026-11-27"
    assert "strike 3" in record["decision_facts"]
    history.append(StrikeRecord("gambling", "high", NOW - timedelta(days=3)))
    record = to_dsa(statement(history))
    assert record["decision_account"] == "DECISION_ACCOUNT_TERMINATED"
    assert "end_date_account_restriction" not in record


def test_illegal_ground_uses_the_legal_fields_and_category() -> None:
    config = ReasonsConfig(
        grounds={
            "gambling": GroundSpec(
                "illegal",
                "Glücksspielstaatsvertrag 2021 § 4 (DE)",
                "Unlicensed online gambling offered to residents of Germany.",
                "https://example.test/law/gluestv",
            ),
            "default": ReasonsConfig().grounds["default"],
        },
        territorial_scope=("DE",),
    )
    record = to_dsa(statement(config=config, has_images=True, account_type="business"))
    assert validate_dsa(record) == []
    assert_in_vocabulary(record)
    assert record["decision_ground"] == "DECISION_GROUND_ILLEGAL_CONTENT"
    assert record["illegal_content_legal_ground"].startswith("Glücksspielstaatsvertrag")
    assert "incompatible_content_ground" not in record
    assert record["category"] == "STATEMENT_CATEGORY_UNSAFE_AND_PROHIBITED_PRODUCTS"
    assert record["territorial_scope"] == ["DE"]
    assert record["content_type"] == ["CONTENT_TYPE_IMAGE", "CONTENT_TYPE_TEXT"]
    assert record["account_type"] == "ACCOUNT_TYPE_BUSINESS"
    assert record["decision_ground_reference_url"] == "https://example.test/law/gluestv"


def test_every_builtin_category_maps_into_the_taxonomy_on_both_grounds() -> None:
    for category in BUILTIN_CATEGORIES:
        for ground in ("illegal", "terms"):
            mapped = DSA_CATEGORIES[(category, ground)]
            assert mapped.category in dsa.STATEMENT_CATEGORY
            assert set(mapped.keywords) <= dsa.KEYWORDS
            assert len(mapped.other) <= 500
            assert mapped.other or "KEYWORD_OTHER" not in mapped.keywords


def test_action_and_source_maps_stay_inside_the_enumerations() -> None:
    assert set(dsa.VISIBILITY_OF.values()) <= set(dsa.DECISION_VISIBILITY)
    for field_name, value, _rank in dsa.RESTRICTION_OF.values():
        assert value in dsa.SINGLE_ENUMS[field_name]
        assert field_name in dsa.END_FIELD
    assert set(dsa.SOURCE_OF.values()) == set(dsa.SOURCE_TYPE)
    assert set(dsa.AUTOMATION_OF.values()) == set(dsa.AUTOMATED_DECISION)


def test_statement_to_dict_is_json_ready() -> None:
    history = [StrikeRecord("gambling", "high", NOW - timedelta(days=d)) for d in (1, 2)]
    plain = json.loads(json.dumps(statement_to_dict(statement(history)), ensure_ascii=False))
    assert plain["statement_id"] == "sor-p-1-gambling"
    assert plain["decided_at"] == "2026-11-20T10:00:00Z"
    assert plain["facts"][0]["span"] == [3, 13]
    suspend = next(a for a in plain["actions"] if a["kind"] == "temp_suspend")
    assert suspend["duration"] == 7 * 86400 and suspend["expires_at"] == "2026-11-27T10:00:00Z"
    assert plain["redress"]["appeal_deadline"] == "2027-05-22T10:00:00Z"
    assert plain["dsa_category"]["category"] == "STATEMENT_CATEGORY_OTHER_VIOLATION_TC"


def test_custom_category_maps_to_other_violation_on_terms_only() -> None:
    config = ReasonsConfig()
    custom = config.dsa_category("crypto_pump", "terms")
    assert custom.category == "STATEMENT_CATEGORY_OTHER_VIOLATION_TC"
    assert custom.other == "crypto_pump"
    with pytest.raises(ValueError, match="no DSA category for custom category 'crypto_pump'"):
        config.dsa_category("crypto_pump", "illegal")


def test_warning_only_statement_is_not_reportable() -> None:
    result = scan_result()
    violation = Violation("link.listed", "porn", "low", 1.0, "disable_link", [0])
    ladder = Ladder.from_text(
        "version: 1\ndecay: 1d\nladders:\n  default: {low: [warn], medium: [warn],"
        " high: [warn], critical: [ban]}\n"
    )
    decision = ladder.decide(violation, "disable_link", [], NOW)
    kept = Decision(
        decision.status, decision.actions[1:], True, 1, "porn", "low", "default", "link.listed"
    )
    sor = build_statement(result, violation, kept, statement_id="s1", account_id="u", now=NOW)
    assert not sor.reportable
    with pytest.raises(NotReportable):
        to_dsa(sor)


def test_bad_inputs_are_refused() -> None:
    result = scan_result()
    decision = decide([])
    with pytest.raises(ValueError, match="statement_id"):
        build_statement(
            result, result.violations[0], decision, statement_id="a b", account_id="u", now=NOW
        )
    with pytest.raises(ValueError, match="source 'rumour'"):
        statement(source="rumour")
    with pytest.raises(ValueError, match="do not belong together"):
        build_statement(
            result, result.violations[1], decision, statement_id="s", account_id="u", now=NOW
        )
    review = Ladder.default().decide(result.violations[0], "review", [], NOW)
    with pytest.raises(ValueError, match="status 'review'"):
        build_statement(
            result, result.violations[0], review, statement_id="s", account_id="u", now=NOW
        )
    with pytest.raises(ValueError, match="six months"):
        ReasonsConfig(appeal_window=timedelta(days=30))
    with pytest.raises(ValueError, match="EU/EEA"):
        ReasonsConfig(territorial_scope=("US",))
    with pytest.raises(ValueError, match="appeal_url_template"):
        ReasonsConfig(appeal_url_template="https://x.test/{statement_id.__class__}")


def test_appeal_url_template_is_filled_and_escaped() -> None:
    config = ReasonsConfig(
        appeal_url_template="https://p.test/appeal?s={statement_id}&a={account_id}"
    )
    result = scan_result()
    sor = build_statement(
        result, result.violations[0], decide([]), statement_id="s-1", account_id="u 9&x", now=NOW,
        config=config,
    )  # fmt: skip
    assert sor.redress.appeal_url == "https://p.test/appeal?s=s-1&a=u%209%26x"


def test_validator_rejects_what_the_api_would_reject() -> None:
    good = to_dsa(statement())
    cases = {
        "category": ("STATEMENT_CATEGORY_PORNOGRAPHY_OR_SEXUALIZED_CONTENT", "category"),
        "automated_decision": ("Yes", "automated_decision"),
        "territorial_scope": (["US"], "territorial_scope"),
        "puid": ("has space", "puid"),
        "application_date": ("2019-12-31", "application_date"),
        "decision_facts": ("x" * 5001, "decision_facts"),
    }
    for key, (value, expected) in cases.items():
        bad = dict(good, **{key: value})
        assert any(p.startswith(expected) for p in validate_dsa(bad)), key
    missing = {k: v for k, v in good.items() if k != "incompatible_content_ground"}
    assert "incompatible_content_ground: required" in validate_dsa(missing)[0]
    no_restriction = {k: v for k, v in good.items() if k != "decision_visibility"}
    assert any("decision_visibility" in p for p in validate_dsa(no_restriction))
    assert "decision_visibility_other: required by the OTHER choice" in validate_dsa(
        dict(good, decision_visibility=["DECISION_VISIBILITY_OTHER"])
    )
    assert "surprise: unknown field" in validate_dsa(dict(good, surprise=1))


def test_many_real_gambling_domains_keep_facts_within_the_limit(shared_data: Path) -> None:
    hosts = (shared_data / "sinfonietta-hostfiles" / "gambling.txt").read_text().split()[:400]
    entities = [
        Entity("domain", h, (i * 30, i * 30 + len(h)), h, h, h, categories=["gambling"])
        for i, h in enumerate(hosts)
    ]
    result = ScanResult("p-big", "act", entities, [
        Violation("link.listed", "gambling", "high", 1.0, "remove", list(range(len(hosts))))
    ])  # fmt: skip
    decision = Ladder.default().decide(result.violations[0], "remove", [], NOW)
    sor = build_statement(
        result, result.violations[0], decision, statement_id="big", account_id="u", now=NOW
    )
    assert len(sor.facts) == len(hosts)
    facts = describe_facts(sor)
    assert len(facts) <= 5000 and hosts[0] in facts
    assert validate_dsa(to_dsa(sor)) == []


def test_facts_say_when_a_link_was_in_a_qr_code_of_the_avatar() -> None:
    entity = Entity(
        "url", "https://bet888.com/", (0, 19), "https://bet888.com/", "bet888.com", "bet888.com",
        categories=["gambling"], sources=["feed:x"], origin="image:0:qr", box=(16, 16, 148, 148),
    )  # fmt: skip
    violation = Violation("link.listed", "gambling", "high", 1.0, "remove", [0])
    result = ScanResult("av-1", "act", [entity], [violation], policy_version="p")
    decision = Ladder.default().decide(violation, "remove", [], NOW)
    built = build_statement(
        result, violation, decision, statement_id="sor-av-1", account_id="u-1", now=NOW,
        has_images=True, surface="avatar",
    )  # fmt: skip
    facts = describe_facts(built)
    assert "A QR code or barcode in the avatar links to a site listed as gambling" in facts
    assert built.facts[0].origin == "image:0:qr" and built.facts[0].box == (16, 16, 148, 148)
    record = statement_to_dict(built)
    assert record["facts"][0]["origin"] == "image:0:qr" and record["surface"] == "avatar"
    assert to_dsa(built)["content_type"] == ["CONTENT_TYPE_IMAGE", "CONTENT_TYPE_TEXT"]
    from bastion.service.accounts import statement_from_dict

    again = statement_from_dict(json.loads(json.dumps(record)))
    assert again.facts == built.facts and describe_facts(again) == facts
