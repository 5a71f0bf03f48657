"""The shape of a policy file, as pydantic models used only at load time.

Pydantic checks structure and types (unknown keys, lists, numbers); membership checks that depend
on the file itself (declared categories, cue list names) live in ``bastion.policy.loader`` so that
every message can carry a line number and the list of valid choices.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

NonEmptyList = Annotated[list[str], Field(min_length=1)]


class _Spec(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class WhenSpec(_Spec):
    """Conditions on one entity, or on one detector signal, and on the item it sits in; all given
    conditions must hold."""

    kinds: NonEmptyList | None = None
    categories: NonEmptyList | None = None
    listed: bool | None = None
    surfaces: NonEmptyList | None = None
    cues: NonEmptyList | None = None
    all_cues: NonEmptyList | None = None
    not_cues: NonEmptyList | None = None
    flags: NonEmptyList | None = None
    not_flags: NonEmptyList | None = None
    has_cue: bool | None = None
    origins: NonEmptyList | None = None
    min_count: int = Field(default=1, ge=1, le=1000)
    signals: NonEmptyList | None = None
    min_score: float = Field(default=0.0, ge=0.0, le=1.0)
    ai_label: bool | None = None


class ViolationSpec(_Spec):
    """What is recorded when a rule fires."""

    category: str
    severity: str
    confidence: float = Field(ge=0.0, le=1.0)
    reason: str = ""


class OverrideSpec(_Spec):
    """A different outcome or severity on some surfaces (e.g. remove a profile, not a link)."""

    surfaces: NonEmptyList
    outcome: str | None = None
    severity: str | None = None


class RuleSpec(_Spec):
    id: str
    description: str = ""
    enabled: bool = True
    mode: str = "enforce"
    when: WhenSpec
    violation: ViolationSpec
    outcome: str
    overrides: list[OverrideSpec] = Field(default_factory=list)


class PolicySpec(_Spec):
    name: str
    description: str = ""
    categories: list[str] = Field(default_factory=list)
    cues: dict[str, NonEmptyList] = Field(default_factory=dict)
    ocr: bool = True
    rules: list[RuleSpec]


SPEC_AT: dict[tuple[str, ...], type[BaseModel]] = {
    (): PolicySpec,
    ("rules",): RuleSpec,
    ("rules", "when"): WhenSpec,
    ("rules", "violation"): ViolationSpec,
    ("rules", "overrides"): OverrideSpec,
}
"""Which model a mapping at a given key path (list indexes dropped) is; names valid keys."""
