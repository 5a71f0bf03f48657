"""Statements of reasons (DSA Art. 17): why an account or item was restricted and how to appeal.

``build_statement`` turns a scan result, the violation and the ladder's decision into a structured
statement for the user; ``to_dsa`` exports it in the Transparency Database vocabulary. The export
carries no personal data (Art. 24(5)): handles, phone numbers, e-mail addresses and IPs are
counted by kind, only registrable domains of links are named.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any, Final
from urllib.parse import quote

from bastion.enforce import dsa
from bastion.enforce.actions import PlannedAction, require_aware
from bastion.enforce.dsa import DSA_CATEGORIES, DsaCategory
from bastion.enforce.in_force import HeldAction
from bastion.enforce.ladder import Decision
from bastion.model import ScanResult, Violation

GROUNDS: Final = ("illegal", "terms")
SOURCES: Final = ("voluntary", "notice", "trusted_flagger", "other_notification")
AUTOMATION: Final = ("full", "partial", "none")
ACCOUNT_TYPES: Final = ("private", "business")
REDRESS_OPTIONS: Final = ("internal_complaint", "out_of_court_settlement", "judicial_redress")
NAMED_KINDS: Final = frozenset({"url", "domain", "deeplink", "qr"})
"""Entity kinds whose registrable domain may be named; all other kinds are only counted."""


class NotReportable(ValueError):
    """The statement restricts nothing (e.g. a warning only), so it has no database record."""


@dataclass(slots=True, frozen=True)
class GroundSpec:
    """The legal or contractual ground an operator relies on for one category."""

    ground: str
    reference: str
    explanation: str
    reference_url: str = ""

    def __post_init__(self) -> None:
        if self.ground not in GROUNDS:
            raise ValueError(f"ground {self.ground!r} is not one of {', '.join(GROUNDS)}")
        if not self.reference.strip() or not self.explanation.strip():
            raise ValueError("a ground needs a reference (law or terms section) and an explanation")
        if len(self.reference) > 500 or len(self.explanation) > 2000:
            raise ValueError(
                "ground reference is limited to 500 and explanation to 2000 characters"
            )


def _terms(what: str) -> GroundSpec:
    return GroundSpec(
        "terms",
        f"Terms of Service: prohibited content - {what}",
        f"The content links to or promotes {what}, which the Terms of Service do not allow.",
    )


@dataclass(slots=True, frozen=True)
class ReasonsConfig:
    """Per-category grounds (with a ``default``), scope, appeal window and URL template.

    ``appeal_url_template`` may use ``{statement_id}``, ``{item_id}`` and ``{account_id}``; nothing
    else is expanded. Six months (Art. 20(1)) is the minimum appeal window the DSA allows.
    """

    grounds: Mapping[str, GroundSpec] = field(
        default_factory=lambda: {
            "gambling": _terms("gambling services"),
            "porn": _terms("pornographic material"),
            "sexual_services": _terms("commercial sexual services"),
            "scam": _terms("fraudulent offers"),
            "phishing": _terms("phishing pages that steal credentials"),
            "malware": _terms("malicious software"),
            "content_farm": _terms("copies of one post mass-produced across accounts"),
            "clout_chasing": _terms("copies mass-posted on trending topics for revenue"),
            "synthetic_media": GroundSpec(
                "terms",
                "Terms of Service: disclosure of AI-generated media",
                "A picture in the content declares that it was generated or composited by AI, "
                "and it was posted without the AI label the platform requires; the label was "
                "added. The content stays up.",
            ),
            "impersonation": GroundSpec(
                "terms",
                "Terms of Service: impersonation",
                "The account's name, bio or picture poses as a state, military or media body "
                "that it is not, which the Terms of Service do not allow.",
            ),
            "unqualified_advice": _terms(
                "professional advice or services offered without a credential"
            ),
            "rumour": _terms("claims that fact-checkers have rated false"),
            "default": _terms("content the platform does not allow"),
        }
    )
    territorial_scope: tuple[str, ...] = dsa.EU_COUNTRIES
    appeal_window: timedelta = timedelta(days=183)
    appeal_url_template: str = "/appeals/{statement_id}"
    dsa_categories: Mapping[tuple[str, str], DsaCategory] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if "default" not in self.grounds:
            raise ValueError("ReasonsConfig.grounds needs a 'default' entry")
        bad = [c for c in self.territorial_scope if c not in dsa.EEA_COUNTRIES]
        if bad or not self.territorial_scope:
            raise ValueError(f"territorial_scope must be EU/EEA ISO codes; invalid: {bad}")
        if self.appeal_window < timedelta(days=183):
            raise ValueError("appeal_window must be at least six months (183 days), DSA Art. 20(1)")
        probe = self.appeal_url_template
        for name in ("{statement_id}", "{item_id}", "{account_id}"):
            probe = probe.replace(name, "")
        if "{" in probe or "}" in probe:
            raise ValueError(
                "appeal_url_template may only use {statement_id}, {item_id}, {account_id}"
            )

    def ground_for(self, category: str) -> GroundSpec:
        return self.grounds.get(category) or self.grounds["default"]

    def dsa_category(self, category: str, ground: str) -> DsaCategory:
        found = self.dsa_categories.get((category, ground)) or DSA_CATEGORIES.get(
            (category, ground)
        )
        if found is not None:
            return found
        if ground == "terms":
            return DsaCategory(
                "STATEMENT_CATEGORY_OTHER_VIOLATION_TC", ("KEYWORD_OTHER",), category
            )
        raise ValueError(
            f"no DSA category for custom category {category!r} on illegal grounds; "
            f"add ReasonsConfig.dsa_categories[({category!r}, 'illegal')]"
        )


@dataclass(slots=True, frozen=True)
class EntityFact:
    """An entity the decision relied on, with its span in the original text, or, for one found
    in a picture, its origin (``image:0:qr``) and box (the span then indexes the payload)."""

    kind: str
    raw: str
    span: tuple[int, int]
    value: str
    registrable_domain: str | None
    categories: tuple[str, ...]
    sources: tuple[str, ...]
    origin: str = "text"
    box: tuple[int, int, int, int] | None = None


@dataclass(slots=True, frozen=True)
class ProvenanceFact:
    """What a picture the decision relied on declares about its making (C2PA or XMP), or why
    its provenance record could not be read. ``image`` is the picture's index in the item."""

    image: int
    source: str = ""
    digital_source_type: str | None = None
    generator: str | None = None
    signer: str | None = None
    validation: str | None = None
    error: str | None = None


@dataclass(slots=True, frozen=True)
class Redress:
    appeal_deadline: datetime
    appeal_url: str
    options: tuple[str, ...] = REDRESS_OPTIONS


@dataclass(slots=True, frozen=True)
class StatementOfReasons:
    """Everything Art. 17(3) asks for, in our own terms; ``to_dsa`` translates it."""

    statement_id: str
    item_id: str
    account_id: str
    decided_at: datetime
    content_date: datetime
    actions: tuple[PlannedAction, ...]
    category: str
    severity: str
    strike_number: int
    ground: GroundSpec
    dsa_category: DsaCategory
    facts: tuple[EntityFact, ...]
    rules: tuple[str, ...]
    policy_version: str
    automated_detection: bool
    automated_decision: str
    territorial_scope: tuple[str, ...]
    source: str
    redress: Redress
    content_types: tuple[str, ...] = ("text",)
    account_type: str | None = None
    surface: str = ""
    """Where the content was (``avatar``, ``post``...), so facts can say "in the avatar"."""
    provenance: tuple[ProvenanceFact, ...] = ()
    """Pictures' declarations the decision rests on (a label for AI-generated media)."""
    held: tuple[HeldAction, ...] = ()
    """Account actions the ladder named but did not take: a restriction in force covers them
    (e.g. the account is already banned), so the statement says so instead of staying silent."""

    @property
    def reportable(self) -> bool:
        return any(a.kind != "warn" for a in self.actions)


def build_statement(
    result: ScanResult,
    violation: Violation,
    decision: Decision,
    *,
    statement_id: str,
    account_id: str,
    now: datetime,
    config: ReasonsConfig | None = None,
    content_date: datetime | None = None,
    has_images: bool = False,
    source: str = "voluntary",
    automated_detection: bool = True,
    automated_decision: str = "full",
    account_type: str | None = None,
    surface: str = "",
) -> StatementOfReasons:
    """The statement for one decision. ``statement_id`` doubles as the DSA ``puid``."""
    config = config or ReasonsConfig()
    require_aware(now, "now")
    if content_date is not None:
        require_aware(content_date, "content_date")
    if not dsa.valid_puid(statement_id):
        raise ValueError("statement_id must be 1-500 characters of a-z, A-Z, 0-9, '-' or '_'")
    for name, value, choices in (
        ("source", source, SOURCES),
        ("automated_decision", automated_decision, AUTOMATION),
        ("account_type", account_type or "private", ACCOUNT_TYPES),
    ):
        if value not in choices:
            raise ValueError(f"{name} {value!r} is not one of {', '.join(choices)}")
    if decision.status != "act" or not decision.actions:
        raise ValueError(f"no statement for a decision with status {decision.status!r}")
    if violation.category != decision.category or violation.rule != decision.rule:
        raise ValueError("violation and decision do not belong together")
    indices = violation.entities or [
        i for i, e in enumerate(result.entities) if violation.category in e.categories
    ]
    facts = []
    for index in indices:
        if not 0 <= index < len(result.entities):
            raise ValueError(f"violation {violation.rule} points at missing entity {index}")
        e = result.entities[index]
        facts.append(
            EntityFact(
                e.kind,
                e.raw,
                e.span,
                e.value,
                e.registrable_domain,
                tuple(e.categories),
                tuple(e.sources),
                e.origin,
                e.box,
            )
        )
    rules = sorted(
        {
            v.rule
            for v in result.violations
            if v.category == violation.category and v.mode == "enforce"
        }
        | {violation.rule}
    )
    ground = config.ground_for(violation.category)
    url = config.appeal_url_template
    for name, value in (
        ("statement_id", statement_id),
        ("item_id", result.id),
        ("account_id", account_id),
    ):
        url = url.replace("{" + name + "}", quote(value, safe=""))
    return StatementOfReasons(
        statement_id=statement_id,
        item_id=result.id,
        account_id=account_id,
        decided_at=now,
        content_date=content_date or now,
        actions=decision.actions,
        category=violation.category,
        severity=violation.severity,
        strike_number=decision.strike_number,
        ground=ground,
        dsa_category=config.dsa_category(violation.category, ground.ground),
        facts=tuple(facts),
        rules=tuple(rules),
        policy_version=result.policy_version,
        automated_detection=automated_detection,
        automated_decision=automated_decision,
        territorial_scope=config.territorial_scope,
        source=source,
        redress=Redress(now + config.appeal_window, url),
        content_types=("text", "image") if has_images else ("text",),
        account_type=account_type,
        surface=surface,
        provenance=provenance_facts(result, violation),
        held=decision.held,
    )


def provenance_facts(result: ScanResult, violation: Violation) -> tuple[ProvenanceFact, ...]:
    """The declarations of the pictures whose provenance fired the violation (origins
    ``image:N:provenance``), at most four."""
    facts: list[ProvenanceFact] = []
    images = {report.index: report for report in result.images}
    for origin in violation.origins:
        kind, _, rest = origin.partition(":")
        index, _, decoder = rest.partition(":")
        report = images.get(int(index)) if index.isdigit() else None
        if kind != "image" or decoder != "provenance" or report is None:
            continue
        declared = [claim for claim in report.provenance if claim.ai]
        facts.extend(
            ProvenanceFact(
                report.index,
                claim.source,
                claim.digital_source_type,
                claim.generator,
                claim.signer,
                claim.validation,
            )
            for claim in declared
        )
        if not declared and report.provenance_error:
            facts.append(ProvenanceFact(report.index, error=report.provenance_error))
    return tuple(facts[:4])


def statement_to_dict(statement: StatementOfReasons) -> dict[str, Any]:
    """JSON-ready form of the full statement (for the user notice, the API and the audit log)."""
    return {k: plain(getattr(statement, k)) for k in StatementOfReasons.__dataclass_fields__}


def plain(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat().replace("+00:00", "Z")
    if isinstance(value, timedelta):
        return int(value.total_seconds())
    if isinstance(value, tuple | list):
        return [plain(v) for v in value]
    if hasattr(value, "__dataclass_fields__"):
        return {k: plain(getattr(value, k)) for k in value.__dataclass_fields__}
    return value


def describe_facts(statement: StatementOfReasons) -> str:
    """Facts and circumstances in plain words, without personal data (for ``decision_facts``)."""
    domains = sorted(
        {
            f.registrable_domain
            for f in statement.facts
            if f.kind in NAMED_KINDS and f.registrable_domain
        }
    )
    counts: dict[str, int] = {}
    for fact in statement.facts:
        counts[fact.kind] = counts.get(fact.kind, 0) + 1
    if statement.provenance and not counts:
        counts["picture provenance record"] = len(statement.provenance)
    found = ", ".join(f"{n} {kind}" for kind, n in sorted(counts.items())) or "no extracted entity"
    parts = [
        f"{'Automated' if statement.automated_detection else 'Manual'} review of the content found "
        f"{found} classified as {statement.category} (severity {statement.severity}).",
    ]
    if domains:
        parts.append(f"Linked domains: {', '.join(domains)}.")
    pictured = [fact for fact in statement.facts if fact.origin.startswith("image:")]
    parts.extend(_picture_fact(fact, statement) for fact in pictured[:3])
    parts.extend(_provenance_sentence(fact, statement) for fact in statement.provenance)
    version = statement.policy_version or "unversioned"
    parts.append(f"Rules: {', '.join(statement.rules)}; policy version {version}.")
    if statement.strike_number > 1:
        parts.append(
            f"This is strike {statement.strike_number} on the account within the decay window."
        )
    parts.append(f"Actions: {', '.join(_action_text(a) for a in statement.actions)}.")
    if statement.held:
        held = "; ".join(f"{h.kind} ({h.reason})" for h in statement.held)
        parts.append(f"No new account action: {held}.")
    text = " ".join(parts)
    limit = dsa.TEXT_LIMITS["decision_facts"]
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _where(number: int, surface: str) -> str:
    if surface == "avatar":
        return "the avatar" if number == 1 else f"avatar picture {number}"
    return f"picture {number} of the {surface or 'content'}"


def _provenance_sentence(fact: ProvenanceFact, statement: StatementOfReasons) -> str:
    """ "Picture 1 of the post declares it was made by AI (trainedAlgorithmicMedia, in a C2PA
    manifest whose signature is valid)." No generator or signer name: they may name a person."""
    where = _where(fact.image + 1, statement.surface)
    where = where[0].upper() + where[1:]
    if fact.error is not None:
        return f"{where} carries a provenance record that could not be read."
    if fact.source == "c2pa":
        how = f"in a C2PA manifest, validation {fact.validation or 'unknown'}"
    else:
        how = "in its XMP metadata (unsigned)"
    return f"{where} declares it was made by AI ({fact.digital_source_type}, {how})."


def _picture_fact(fact: EntityFact, statement: StatementOfReasons) -> str:
    """One sentence on a finding in a picture: "A QR code in the avatar links to a site listed
    as gambling (bet888.com)." No personal data: domains and categories only."""
    _, index, decoder = [*fact.origin.split(":"), "", ""][:3]
    number = int(index) + 1 if index.isdigit() else 1
    where = _where(number, statement.surface)
    listed = ", ".join(fact.categories) or "listed"
    if decoder == "pdq":
        return f"{where[0].upper()}{where[1:]} matches a picture listed as {listed}."
    code = "A QR code or barcode" if decoder == "qr" else f"Text read by {decoder}"
    if fact.registrable_domain:
        return f"{code} in {where} links to a site listed as {listed} ({fact.registrable_domain})."
    return f"{code} in {where} holds a {fact.kind} contact listed as {listed}."


def _action_text(action: PlannedAction) -> str:
    if action.expires_at is not None:
        return f"{action.kind} until {action.expires_at.astimezone(UTC):%Y-%m-%d %H:%M} UTC"
    return action.kind


def _day(value: datetime) -> str:
    return value.astimezone(UTC).strftime("%Y-%m-%d")


def to_dsa(statement: StatementOfReasons) -> dict[str, Any]:
    """The statement as a Transparency Database API v2 record. Raises NotReportable for warnings."""
    if not statement.reportable:
        raise NotReportable(f"statement {statement.statement_id} restricts nothing (warning only)")
    record: dict[str, Any] = {}
    visibility = [
        dsa.VISIBILITY_OF[a.kind] for a in statement.actions if a.kind in dsa.VISIBILITY_OF
    ]
    if visibility:
        record["decision_visibility"] = sorted(set(visibility))
    ranks: dict[str, tuple[int, str, datetime | None]] = {}
    for action in statement.actions:
        if action.kind not in dsa.RESTRICTION_OF:
            continue
        key, value, rank = dsa.RESTRICTION_OF[action.kind]
        if key not in ranks or rank > ranks[key][0]:
            ranks[key] = (rank, value, action.expires_at)
    for key, (_, value, expires) in sorted(ranks.items()):
        record[key] = value
        if expires is not None:
            record[dsa.END_FIELD[key]] = _day(expires)
    if statement.account_type:
        record["account_type"] = "ACCOUNT_TYPE_" + statement.account_type.upper()
    ground = statement.ground
    if ground.ground == "illegal":
        record["decision_ground"] = "DECISION_GROUND_ILLEGAL_CONTENT"
        record["illegal_content_legal_ground"] = ground.reference
        record["illegal_content_explanation"] = ground.explanation
    else:
        record["decision_ground"] = "DECISION_GROUND_INCOMPATIBLE_CONTENT"
        record["incompatible_content_ground"] = ground.reference
        record["incompatible_content_explanation"] = ground.explanation
    if ground.reference_url:
        record["decision_ground_reference_url"] = ground.reference_url
    mapped = statement.dsa_category
    record["category"] = mapped.category
    if mapped.keywords:
        record["category_specification"] = list(mapped.keywords)
    if mapped.other:
        record["category_specification_other"] = mapped.other[:500]
    record["content_type"] = sorted("CONTENT_TYPE_" + t.upper() for t in statement.content_types)
    record["territorial_scope"] = list(statement.territorial_scope)
    record["content_date"] = _day(statement.content_date)
    record["application_date"] = _day(statement.decided_at)
    record["decision_facts"] = describe_facts(statement)
    record["source_type"] = dsa.SOURCE_OF[statement.source]
    record["automated_detection"] = "Yes" if statement.automated_detection else "No"
    record["automated_decision"] = dsa.AUTOMATION_OF[statement.automated_decision]
    record["puid"] = statement.statement_id
    return record
