"""What the module tells Synapse about one item, and the sentence the user reads when refused."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final

from bastion.model import ScanResult

CATEGORY_WORDS: Final = {
    "gambling": "a gambling site",
    "porn": "a pornography site",
    "sexual_services": "sexual services",
    "scam": "a scam",
    "phishing": "a phishing site",
    "malware": "a site that spreads malware",
    "diversion": "an off-platform contact",
}
SURFACE_WORDS: Final = {
    "chat": "This message",
    "display_name": "This name",
    "username": "This username",
    "bio": "This topic",
    "post": "This upload",
}
MAX_REASON: Final = 300


@dataclass(frozen=True, slots=True)
class Decision:
    """``refuse``: reject with M_FORBIDDEN and ``reason``; ``verdict`` is Bastion's (allow, review,
    act, label) or ``unavailable`` when Bastion could not be asked; ``rule`` the first rule."""

    verdict: str
    refuse: bool
    reason: str = ""
    rule: str = ""
    category: str = ""

    def error_fields(self) -> dict[str, Any]:
        """The fields added to Synapse's error body (``error`` replaces its generic message)."""
        fields: dict[str, Any] = {"error": self.reason, "org.bastion.verdict": self.verdict}
        if self.rule:
            fields["org.bastion.rule"] = self.rule
        if self.category:
            fields["org.bastion.category"] = self.category
        return fields


ALLOWED: Final = Decision("allow", False)


def refusal_reason(surface: str, category: str, rule: str, *, review: bool) -> str:
    """One plain sentence: what was refused, why, and where to turn."""
    what = SURFACE_WORDS.get(surface, "This content")
    why = CATEGORY_WORDS.get(category, f"content Bastion classes as {category or 'harmful'}")
    verb = "may point to" if review else "points to"
    text = (
        f"{what} was not accepted: it {verb} {why} (rule {rule}). "
        "If you think this is a mistake, ask this server's moderators."
    )
    return text[:MAX_REASON]


def decide(
    surface: str,
    verdict: str,
    violations: Sequence[Mapping[str, Any]],
    strict_surfaces: frozenset[str],
) -> Decision:
    """``act`` refuses; ``review`` refuses only on a strict surface (a name), else passes (a case
    is opened by ingest); ``allow`` and ``label`` pass."""
    refuse = verdict == "act" or (verdict == "review" and surface in strict_surfaces)
    first: Mapping[str, Any] = {}
    for violation in violations:
        if violation.get("mode", "enforce") == "enforce":
            first = violation
            break
    rule, category = str(first.get("rule", "")), str(first.get("category", ""))
    if not refuse:
        return Decision(verdict, False, rule=rule, category=category)
    reason = refusal_reason(surface, category, rule, review=verdict == "review")
    return Decision(verdict, True, reason, rule, category)


def decide_result(result: ScanResult, surface: str, strict_surfaces: frozenset[str]) -> Decision:
    violations = [
        {"rule": v.rule, "category": v.category, "mode": v.mode} for v in result.violations
    ]
    return decide(surface, result.verdict, violations, strict_surfaces)


def unavailable(surface: str, *, refuse: bool) -> Decision:
    """Bastion could not be asked: pass (fail open) or refuse (fail closed) with a retry hint."""
    if not refuse:
        return Decision("unavailable", False)
    what = SURFACE_WORDS.get(surface, "This content")
    reason = f"{what} could not be checked right now and was not accepted; try again shortly."
    return Decision("unavailable", True, reason)
