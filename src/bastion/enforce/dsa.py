"""The EU DSA Transparency Database vocabulary (API v2, in force since 1 July 2025) and a validator.

Field names, enumerations, limits and required fields follow the database's published API
documentation and statement-attribute explanations (digital-services-act/transparency-database,
``resources/markdown/api-documentation-two.md`` and ``additional-explanation-for-statement-
attributes.md``). ``validate_dsa`` checks a record against exactly these tables, so an export
that passes here is shaped as the API expects; the tests hold every emitted value to them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any, Final

DECISION_VISIBILITY: Final = (
    "DECISION_VISIBILITY_CONTENT_REMOVED",
    "DECISION_VISIBILITY_CONTENT_DISABLED",
    "DECISION_VISIBILITY_CONTENT_DEMOTED",
    "DECISION_VISIBILITY_CONTENT_AGE_RESTRICTED",
    "DECISION_VISIBILITY_CONTENT_INTERACTION_RESTRICTED",
    "DECISION_VISIBILITY_CONTENT_LABELLED",
    "DECISION_VISIBILITY_OTHER",
)
DECISION_MONETARY: Final = (
    "DECISION_MONETARY_SUSPENSION",
    "DECISION_MONETARY_TERMINATION",
    "DECISION_MONETARY_OTHER",
)
DECISION_PROVISION: Final = (
    "DECISION_PROVISION_PARTIAL_SUSPENSION",
    "DECISION_PROVISION_TOTAL_SUSPENSION",
    "DECISION_PROVISION_PARTIAL_TERMINATION",
    "DECISION_PROVISION_TOTAL_TERMINATION",
)
DECISION_ACCOUNT: Final = ("DECISION_ACCOUNT_SUSPENDED", "DECISION_ACCOUNT_TERMINATED")
ACCOUNT_TYPE: Final = ("ACCOUNT_TYPE_BUSINESS", "ACCOUNT_TYPE_PRIVATE")
DECISION_GROUND: Final = ("DECISION_GROUND_ILLEGAL_CONTENT", "DECISION_GROUND_INCOMPATIBLE_CONTENT")
CONTENT_TYPE: Final = (
    "CONTENT_TYPE_APP",
    "CONTENT_TYPE_AUDIO",
    "CONTENT_TYPE_IMAGE",
    "CONTENT_TYPE_PRODUCT",
    "CONTENT_TYPE_SYNTHETIC_MEDIA",
    "CONTENT_TYPE_TEXT",
    "CONTENT_TYPE_VIDEO",
    "CONTENT_TYPE_OTHER",
)
SOURCE_TYPE: Final = (
    "SOURCE_ARTICLE_16",
    "SOURCE_TRUSTED_FLAGGER",
    "SOURCE_TYPE_OTHER_NOTIFICATION",
    "SOURCE_VOLUNTARY",
)
YES_NO: Final = ("Yes", "No")
AUTOMATED_DECISION: Final = (
    "AUTOMATED_DECISION_FULLY",
    "AUTOMATED_DECISION_PARTIALLY",
    "AUTOMATED_DECISION_NOT_AUTOMATED",
)
STATEMENT_CATEGORY: Final = (
    "STATEMENT_CATEGORY_ANIMAL_WELFARE",
    "STATEMENT_CATEGORY_CONSUMER_INFORMATION",
    "STATEMENT_CATEGORY_CYBER_VIOLENCE",
    "STATEMENT_CATEGORY_CYBER_VIOLENCE_AGAINST_WOMEN",
    "STATEMENT_CATEGORY_DATA_PROTECTION_AND_PRIVACY_VIOLATIONS",
    "STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH",
    "STATEMENT_CATEGORY_INTELLECTUAL_PROPERTY_INFRINGEMENTS",
    "STATEMENT_CATEGORY_NEGATIVE_EFFECTS_ON_CIVIC_DISCOURSE_OR_ELECTIONS",
    "STATEMENT_CATEGORY_NOT_SPECIFIED_NOTICE",
    "STATEMENT_CATEGORY_OTHER_VIOLATION_TC",
    "STATEMENT_CATEGORY_PROTECTION_OF_MINORS",
    "STATEMENT_CATEGORY_RISK_FOR_PUBLIC_SECURITY",
    "STATEMENT_CATEGORY_SCAMS_AND_FRAUD",
    "STATEMENT_CATEGORY_SELF_HARM",
    "STATEMENT_CATEGORY_UNSAFE_AND_PROHIBITED_PRODUCTS",
    "STATEMENT_CATEGORY_VIOLENCE",
)
KEYWORDS: Final = frozenset(
    {
        "KEYWORD_ANIMAL_HARM",
        "KEYWORD_ADULT_SEXUAL_MATERIAL",
        "KEYWORD_AGE_SPECIFIC_RESTRICTIONS",
        "KEYWORD_AGE_SPECIFIC_RESTRICTIONS_MINORS",
        "KEYWORD_BIOMETRIC_DATA_BREACH",
        "KEYWORD_BULLYING_AGAINST_GIRLS",
        "KEYWORD_CHILD_SEXUAL_ABUSE_MATERIAL",
        "KEYWORD_CHILD_SEXUAL_ABUSE_MATERIAL_DEEPFAKE",
        "KEYWORD_CONTENT_PROMOTING_EATING_DISORDERS",
        "KEYWORD_COORDINATED_HARM",
        "KEYWORD_COPYRIGHT_INFRINGEMENT",
        "KEYWORD_CYBER_BULLYING_INTIMIDATION",
        "KEYWORD_CYBER_HARASSMENT",
        "KEYWORD_CYBER_HARASSMENT_AGAINST_WOMEN",
        "KEYWORD_CYBER_INCITEMENT",
        "KEYWORD_CYBER_STALKING",
        "KEYWORD_CYBER_STALKING_AGAINST_WOMEN",
        "KEYWORD_DATA_FALSIFICATION",
        "KEYWORD_DEFAMATION",
        "KEYWORD_DESIGN_INFRINGEMENT",
        "KEYWORD_DISCRIMINATION",
        "KEYWORD_MISINFORMATION_DISINFORMATION",
        "KEYWORD_FEMALE_GENDERED_DISINFORMATION",
        "KEYWORD_GEOGRAPHIC_INDICATIONS_INFRINGEMENT",
        "KEYWORD_GEOGRAPHICAL_REQUIREMENTS",
        "KEYWORD_GOODS_SERVICES_NOT_PERMITTED",
        "KEYWORD_GROOMING_SEXUAL_ENTICEMENT_MINORS",
        "KEYWORD_HATE_SPEECH",
        "KEYWORD_HIDDEN_ADVERTISEMENT",
        "KEYWORD_HUMAN_EXPLOITATION",
        "KEYWORD_HUMAN_TRAFFICKING",
        "KEYWORD_ILLEGAL_ORGANIZATIONS",
        "KEYWORD_IMPERSONATION_ACCOUNT_HIJACKING",
        "KEYWORD_INAUTHENTIC_ACCOUNTS",
        "KEYWORD_INAUTHENTIC_LISTINGS",
        "KEYWORD_INAUTHENTIC_USER_REVIEWS",
        "KEYWORD_INCITEMENT_AGAINST_WOMEN",
        "KEYWORD_INCITEMENT_VIOLENCE_HATRED",
        "KEYWORD_INSUFFICIENT_INFORMATION_ON_TRADERS",
        "KEYWORD_LANGUAGE_REQUIREMENTS",
        "KEYWORD_MISLEADING_INFO_CONSUMER_RIGHTS",
        "KEYWORD_MISLEADING_INFO_GOODS_SERVICES",
        "KEYWORD_MISSING_PROCESSING_GROUND",
        "KEYWORD_NON_CONSENSUAL_IMAGE_SHARING",
        "KEYWORD_NON_CONSENSUAL_IMAGE_SHARING_AGAINST_WOMEN",
        "KEYWORD_NON_CONSENSUAL_MATERIAL_DEEPFAKE",
        "KEYWORD_NON_CONSENSUAL_MATERIAL_DEEPFAKE_AGAINST_WOMEN",
        "KEYWORD_NONCOMPLIANCE_PRICING",
        "KEYWORD_NUDITY",
        "KEYWORD_PATENT_INFRINGEMENT",
        "KEYWORD_PHISHING",
        "KEYWORD_PROHIBITED_PRODUCTS",
        "KEYWORD_PYRAMID_SCHEMES",
        "KEYWORD_RIGHT_TO_BE_FORGOTTEN",
        "KEYWORD_RISK_ENVIRONMENTAL_DAMAGE",
        "KEYWORD_RISK_PUBLIC_HEALTH",
        "KEYWORD_SELF_MUTILATION",
        "KEYWORD_STALKING",
        "KEYWORD_SUICIDE",
        "KEYWORD_TERRORIST_CONTENT",
        "KEYWORD_TRADE_SECRET_INFRINGEMENT",
        "KEYWORD_TRADEMARK_INFRINGEMENT",
        "KEYWORD_TRAFFICKING_WOMEN_GIRLS",
        "KEYWORD_UNLAWFUL_SALE_ANIMALS",
        "KEYWORD_UNSAFE_CHALLENGES",
        "KEYWORD_UNSAFE_PRODUCTS",
        "KEYWORD_VIOLATION_EU_LAW",
        "KEYWORD_VIOLATION_NATIONAL_LAW",
        "KEYWORD_OTHER",
    }
)
EU_COUNTRIES: Final = (
    "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU",
    "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK",
)  # fmt: skip
EEA_COUNTRIES: Final = (*EU_COUNTRIES, "IS", "LI", "NO")

TEXT_LIMITS: Final = {
    "decision_visibility_other": 500,
    "decision_monetary_other": 500,
    "decision_facts": 5000,
    "illegal_content_legal_ground": 500,
    "illegal_content_explanation": 2000,
    "incompatible_content_ground": 500,
    "incompatible_content_explanation": 2000,
    "content_type_other": 500,
    "category_specification_other": 500,
    "source_identity": 500,
    "puid": 500,
}
REQUIRED: Final = (
    "decision_ground",
    "content_type",
    "category",
    "territorial_scope",
    "content_date",
    "application_date",
    "decision_facts",
    "source_type",
    "automated_detection",
    "automated_decision",
    "puid",
)
RESTRICTIONS: Final = (
    "decision_visibility",
    "decision_monetary",
    "decision_provision",
    "decision_account",
)
"""At least one restriction is mandatory: a statement records a restriction, not a warning."""

SINGLE_ENUMS: Final[dict[str, tuple[str, ...]]] = {
    "decision_monetary": DECISION_MONETARY,
    "decision_provision": DECISION_PROVISION,
    "decision_account": DECISION_ACCOUNT,
    "account_type": ACCOUNT_TYPE,
    "decision_ground": DECISION_GROUND,
    "category": STATEMENT_CATEGORY,
    "source_type": SOURCE_TYPE,
    "automated_detection": YES_NO,
    "automated_decision": AUTOMATED_DECISION,
    "incompatible_content_illegal": YES_NO,
}
LIST_ENUMS: Final[dict[str, tuple[str, ...] | frozenset[str]]] = {
    "decision_visibility": DECISION_VISIBILITY,
    "content_type": CONTENT_TYPE,
    "category_addition": STATEMENT_CATEGORY,
    "category_specification": KEYWORDS,
    "territorial_scope": EEA_COUNTRIES,
}
END_DATES: Final = {
    "end_date_visibility_restriction": "decision_visibility",
    "end_date_monetary_restriction": "decision_monetary",
    "end_date_service_restriction": "decision_provision",
    "end_date_account_restriction": "decision_account",
}
# Our vocabulary -> DSA values; the tests hold every value to the enumerations above.
SOURCE_OF: Final = {
    "voluntary": "SOURCE_VOLUNTARY",
    "notice": "SOURCE_ARTICLE_16",
    "trusted_flagger": "SOURCE_TRUSTED_FLAGGER",
    "other_notification": "SOURCE_TYPE_OTHER_NOTIFICATION",
}
AUTOMATION_OF: Final = {
    "full": "AUTOMATED_DECISION_FULLY",
    "partial": "AUTOMATED_DECISION_PARTIALLY",
    "none": "AUTOMATED_DECISION_NOT_AUTOMATED",
}
VISIBILITY_OF: Final = {
    "remove_content": "DECISION_VISIBILITY_CONTENT_REMOVED",
    "disable_link": "DECISION_VISIBILITY_CONTENT_DISABLED",
    "label": "DECISION_VISIBILITY_CONTENT_LABELLED",
}
# Action kind -> (field, value, rank): within one field the highest rank wins.
RESTRICTION_OF: Final = {
    "suspend_monetization": ("decision_monetary", "DECISION_MONETARY_SUSPENSION", 1),
    "revoke_monetization": ("decision_monetary", "DECISION_MONETARY_TERMINATION", 2),
    "freeze_followers": ("decision_provision", "DECISION_PROVISION_PARTIAL_SUSPENSION", 1),
    "remove_followers": ("decision_provision", "DECISION_PROVISION_PARTIAL_TERMINATION", 2),
    "temp_suspend": ("decision_account", "DECISION_ACCOUNT_SUSPENDED", 1),
    "ban": ("decision_account", "DECISION_ACCOUNT_TERMINATED", 2),
}
END_FIELD: Final = {v: k for k, v in END_DATES.items()}
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_PUID = re.compile(r"[A-Za-z0-9_\-]{1,500}")
_GROUND_FIELDS: Final = {
    "DECISION_GROUND_ILLEGAL_CONTENT": (
        "illegal_content_legal_ground",
        "illegal_content_explanation",
    ),
    "DECISION_GROUND_INCOMPATIBLE_CONTENT": (
        "incompatible_content_ground",
        "incompatible_content_explanation",
    ),
}
KNOWN_FIELDS: Final = frozenset(
    {*REQUIRED, *RESTRICTIONS, *SINGLE_ENUMS, *LIST_ENUMS, *END_DATES, *TEXT_LIMITS}
    | {"decision_ground_reference_url", "content_language"}
)


@dataclass(slots=True, frozen=True)
class DsaCategory:
    """Where one of our categories sits in the DSA taxonomy for a given ground."""

    category: str
    keywords: tuple[str, ...] = ()
    other: str = ""


DSA_CATEGORIES: Final[dict[tuple[str, str], DsaCategory]] = {
    ("gambling", "illegal"): DsaCategory(
        "STATEMENT_CATEGORY_UNSAFE_AND_PROHIBITED_PRODUCTS", ("KEYWORD_PROHIBITED_PRODUCTS",)
    ),
    ("gambling", "terms"): DsaCategory(
        "STATEMENT_CATEGORY_OTHER_VIOLATION_TC", ("KEYWORD_GOODS_SERVICES_NOT_PERMITTED",)
    ),
    ("porn", "illegal"): DsaCategory(
        "STATEMENT_CATEGORY_PROTECTION_OF_MINORS", ("KEYWORD_AGE_SPECIFIC_RESTRICTIONS_MINORS",)
    ),
    ("porn", "terms"): DsaCategory(
        "STATEMENT_CATEGORY_OTHER_VIOLATION_TC", ("KEYWORD_ADULT_SEXUAL_MATERIAL",)
    ),
    ("sexual_services", "illegal"): DsaCategory(
        "STATEMENT_CATEGORY_VIOLENCE", ("KEYWORD_HUMAN_EXPLOITATION",)
    ),
    ("sexual_services", "terms"): DsaCategory(
        "STATEMENT_CATEGORY_OTHER_VIOLATION_TC",
        ("KEYWORD_ADULT_SEXUAL_MATERIAL", "KEYWORD_GOODS_SERVICES_NOT_PERMITTED"),
    ),
    ("scam", "illegal"): DsaCategory("STATEMENT_CATEGORY_SCAMS_AND_FRAUD"),
    ("scam", "terms"): DsaCategory("STATEMENT_CATEGORY_SCAMS_AND_FRAUD"),
    ("phishing", "illegal"): DsaCategory(
        "STATEMENT_CATEGORY_SCAMS_AND_FRAUD", ("KEYWORD_PHISHING",)
    ),
    ("phishing", "terms"): DsaCategory("STATEMENT_CATEGORY_SCAMS_AND_FRAUD", ("KEYWORD_PHISHING",)),
    ("malware", "illegal"): DsaCategory(
        "STATEMENT_CATEGORY_SCAMS_AND_FRAUD",
        ("KEYWORD_OTHER",),
        "Distribution of malicious software",
    ),
    ("malware", "terms"): DsaCategory(
        "STATEMENT_CATEGORY_SCAMS_AND_FRAUD",
        ("KEYWORD_OTHER",),
        "Distribution of malicious software",
    ),
    # impersonation (detect/impersonation.py): posing as a state, military or media body
    ("impersonation", "illegal"): DsaCategory(
        "STATEMENT_CATEGORY_SCAMS_AND_FRAUD", ("KEYWORD_IMPERSONATION_ACCOUNT_HIJACKING",)
    ),
    ("impersonation", "terms"): DsaCategory(
        "STATEMENT_CATEGORY_SCAMS_AND_FRAUD", ("KEYWORD_IMPERSONATION_ACCOUNT_HIJACKING",)
    ),
    # near_duplicates detector: coordinated copies (content farms) and monetized mass-posting
    ("content_farm", "illegal"): DsaCategory(
        "STATEMENT_CATEGORY_SCAMS_AND_FRAUD", ("KEYWORD_INAUTHENTIC_ACCOUNTS",)
    ),
    ("content_farm", "terms"): DsaCategory(
        "STATEMENT_CATEGORY_OTHER_VIOLATION_TC",
        ("KEYWORD_OTHER",),
        "Mass-produced near-identical posts across accounts (content farm)",
    ),
    ("clout_chasing", "illegal"): DsaCategory(
        "STATEMENT_CATEGORY_SCAMS_AND_FRAUD", ("KEYWORD_INAUTHENTIC_ACCOUNTS",)
    ),
    ("clout_chasing", "terms"): DsaCategory(
        "STATEMENT_CATEGORY_OTHER_VIOLATION_TC",
        ("KEYWORD_OTHER",),
        "Monetized account mass-posting copies on trending topics for revenue",
    ),
    ("unqualified_advice", "illegal"): DsaCategory(
        "STATEMENT_CATEGORY_CONSUMER_INFORMATION", ("KEYWORD_MISLEADING_INFO_GOODS_SERVICES",)
    ),
    ("unqualified_advice", "terms"): DsaCategory(
        "STATEMENT_CATEGORY_CONSUMER_INFORMATION", ("KEYWORD_MISLEADING_INFO_GOODS_SERVICES",)
    ),
    ("rumour", "illegal"): DsaCategory(
        "STATEMENT_CATEGORY_NEGATIVE_EFFECTS_ON_CIVIC_DISCOURSE_OR_ELECTIONS",
        ("KEYWORD_MISINFORMATION_DISINFORMATION",),
    ),
    ("rumour", "terms"): DsaCategory(
        "STATEMENT_CATEGORY_NEGATIVE_EFFECTS_ON_CIVIC_DISCOURSE_OR_ELECTIONS",
        ("KEYWORD_MISINFORMATION_DISINFORMATION",),
    ),
}


def valid_puid(value: str) -> bool:
    return isinstance(value, str) and _PUID.fullmatch(value) is not None


def _date(value: Any) -> date | None:
    if not isinstance(value, str) or not _DATE.fullmatch(value):
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def validate_dsa(record: Mapping[str, Any]) -> list[str]:
    """Problems with a statement record under the API v2 rules; empty when it would be accepted."""
    problems = [f"{k}: unknown field" for k in record if k not in KNOWN_FIELDS]
    problems += [f"{k}: required" for k in REQUIRED if record.get(k) in (None, "", [])]
    if not any(record.get(k) for k in RESTRICTIONS):
        problems.append(f"one of {', '.join(RESTRICTIONS)} is required")
    for key, choices in SINGLE_ENUMS.items():
        if key in record and record[key] not in choices:
            problems.append(f"{key}: {record[key]!r} is not a valid value")
    for key, list_choices in LIST_ENUMS.items():
        if key not in record:
            continue
        values = record[key]
        if not isinstance(values, list) or not values:
            problems.append(f"{key}: must be a non-empty list")
            continue
        problems += [f"{key}: {v!r} is not a valid value" for v in values if v not in list_choices]
        if len(set(values)) != len(values):
            problems.append(f"{key}: duplicate values")
    for key, limit in TEXT_LIMITS.items():
        value = record.get(key)
        if value is not None and (not isinstance(value, str) or len(value) > limit):
            problems.append(f"{key}: must be text of at most {limit} characters")
    if "puid" in record and not valid_puid(record["puid"]):
        problems.append("puid: only a-z, A-Z, 0-9, '-' and '_' are allowed")
    fields = _GROUND_FIELDS.get(record.get("decision_ground", ""), ())
    problems += [
        f"{f}: required for {record['decision_ground']}" for f in fields if not record.get(f)
    ]
    for key, trigger in (
        (
            "decision_visibility_other",
            "DECISION_VISIBILITY_OTHER" in record.get("decision_visibility", ()),
        ),
        ("decision_monetary_other", record.get("decision_monetary") == "DECISION_MONETARY_OTHER"),
        ("content_type_other", "CONTENT_TYPE_OTHER" in record.get("content_type", ())),
    ):
        if trigger and not record.get(key):
            problems.append(f"{key}: required by the OTHER choice")
    problems += _check_dates(record)
    return problems


def _check_dates(record: Mapping[str, Any]) -> list[str]:
    problems = []
    applied = _date(record.get("application_date"))
    if "application_date" in record and (applied is None or applied < date(2020, 1, 1)):
        problems.append("application_date: must be YYYY-MM-DD on or after 2020-01-01")
    content = _date(record.get("content_date"))
    if "content_date" in record and (content is None or content < date(2000, 1, 1)):
        problems.append("content_date: must be YYYY-MM-DD on or after 2000-01-01")
    for key, restriction in END_DATES.items():
        if record.get(key) is None:
            continue
        end = _date(record[key])
        if end is None or (applied is not None and end < applied):
            problems.append(f"{key}: must be YYYY-MM-DD on or after application_date")
        if not record.get(restriction):
            problems.append(f"{key}: set without {restriction}")
    return problems
