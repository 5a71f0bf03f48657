"""Policies at scan time: precompiled rules turn annotated entities into violations.

Everything that can be decided without the item is decided at load: rules are grouped by surface
and then by entity kind, overrides are resolved per surface, cue lists become bit masks. So
``evaluate`` walks each entity once through the few rules that can apply to its kind, and scans the
text for cue words only when a rule that needs cues already has a matching entity.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from bastion.detect.registry import declared_labels
from bastion.model import AI_LABEL_META, ENTITY_KINDS, SURFACES, Entity, Item, Signal, Violation
from bastion.policy.cues import CueError, CueMatcher
from bastion.policy.loader import (
    FROM_ENTITY,
    MATCH_ANY,
    MATCH_UNLISTED,
    PolicyError,
    load_policy,
)

if TYPE_CHECKING:
    from bastion.policy.schema import RuleSpec

_ACTING = frozenset({"disable_link", "remove"})
DEFAULT_SOURCE = "bastion/policies/default.yaml"


class _Rule:
    """One rule with its entity conditions precompiled; surface-specific parts live in _Slot."""

    __slots__ = (
        "ai_label",
        "all_mask",
        "any_listed",
        "any_mask",
        "cats",
        "confidence",
        "fixed_category",
        "flags_any",
        "flags_none",
        "has_cue",
        "id",
        "labels",
        "min_count",
        "min_score",
        "mode",
        "needs_cues",
        "not_mask",
        "origins",
        "reason",
        "unlisted",
    )

    def __init__(self, spec: RuleSpec, cues: CueMatcher) -> None:
        when = spec.when
        self.id = spec.id
        self.mode = spec.mode
        self.confidence = float(spec.violation.confidence)
        category = spec.violation.category
        self.fixed_category = None if category == FROM_ENTITY else category
        self.reason = spec.violation.reason or spec.description
        self.flags_any = frozenset(when.flags) if when.flags else None
        self.flags_none = frozenset(when.not_flags) if when.not_flags else None
        self.has_cue = when.has_cue
        self.origins = frozenset(when.origins) if when.origins else None
        self.min_count = when.min_count
        self.any_mask = cues.mask_of(when.cues)
        self.all_mask = cues.mask_of(when.all_cues)
        self.not_mask = cues.mask_of(when.not_cues)
        self.needs_cues = bool(self.any_mask or self.all_mask or self.not_mask)
        self.labels = frozenset(when.signals or ())
        self.min_score = when.min_score
        self.ai_label = when.ai_label
        names = when.categories
        if names is None and when.listed is None:
            self.cats: frozenset[str] | None = None
            self.any_listed = self.unlisted = True
        elif names is None:
            self.cats = frozenset()
            self.any_listed = when.listed is True
            self.unlisted = when.listed is False
        else:
            self.cats = frozenset(names) - {MATCH_ANY, *MATCH_UNLISTED}
            self.any_listed = MATCH_ANY in names
            self.unlisted = any(name in MATCH_UNLISTED for name in names)

    def cues_hold(self, cue_mask: int) -> bool:
        return not (
            (self.any_mask and not cue_mask & self.any_mask)
            or cue_mask & self.all_mask != self.all_mask
            or cue_mask & self.not_mask
        )

    def signal_category(self, signal: Signal) -> str | None:
        """The violation category a signal yields under this rule; None if it does not match."""
        if signal.label not in self.labels or signal.score < self.min_score:
            return None
        return self.fixed_category or signal.category

    def category_for(self, entity: Entity) -> str | None:
        """The violation category the entity yields under this rule; None if it does not match."""
        flags = entity.flags
        if self.flags_any is not None and self.flags_any.isdisjoint(flags):
            return None
        if self.flags_none is not None and not self.flags_none.isdisjoint(flags):
            return None
        if self.has_cue is not None and bool(entity.cue) is not self.has_cue:
            return None
        if self.origins is not None and entity.origin.partition(":")[0] not in self.origins:
            return None
        listed = entity.categories
        if not listed:
            return self.fixed_category if self.unlisted else None
        if self.any_listed:
            return self.fixed_category or listed[0]
        cats = self.cats
        if cats:
            for category in listed:
                if category in cats:
                    return self.fixed_category or category
        return None


class _Slot:
    """A rule as it applies on one surface: overrides already resolved."""

    __slots__ = ("order", "outcome", "rule", "severity")

    def __init__(self, order: int, rule: _Rule, outcome: str, severity: str) -> None:
        self.order = order
        self.rule = rule
        self.outcome = outcome
        self.severity = severity


_Table = dict[str, dict[str, tuple[_Slot, ...]]]


def _compile(
    specs: list[RuleSpec], cues: CueMatcher
) -> tuple[_Table, dict[str, tuple[_Slot, ...]]]:
    """Entity rules by surface and kind; signal rules by surface."""
    table: dict[str, dict[str, list[_Slot]]] = {s: {k: [] for k in ENTITY_KINDS} for s in SURFACES}
    by_signal: dict[str, list[_Slot]] = {s: [] for s in SURFACES}
    for order, spec in enumerate(specs):
        if not spec.enabled:
            continue
        rule = _Rule(spec, cues)
        for surface in spec.when.surfaces or SURFACES:
            outcome, severity = spec.outcome, spec.violation.severity
            for override in spec.overrides:
                if surface in override.surfaces:
                    outcome = override.outcome or outcome
                    severity = override.severity or severity
                    break
            slot = _Slot(order, rule, outcome, severity)
            if rule.labels:
                by_signal[surface].append(slot)
                continue
            for kind in spec.when.kinds or ENTITY_KINDS:
                table[surface][kind].append(slot)
    entity_table = {
        surface: {kind: tuple(slots) for kind, slots in by_kind.items() if slots}
        for surface, by_kind in table.items()
    }
    return entity_table, {surface: tuple(slots) for surface, slots in by_signal.items() if slots}


class Policy:
    """A validated, compiled policy. Build with ``load``, ``default`` or ``parse``."""

    __slots__ = (
        "_cues",
        "_signal_table",
        "_table",
        "active_signal_labels",
        "categories",
        "name",
        "ocr",
        "rule_ids",
        "rules",
        "signal_labels",
        "version",
    )

    def __init__(
        self, data: bytes, source: str, signal_labels: Collection[str] | None = None
    ) -> None:
        known = declared_labels() if signal_labels is None else frozenset(signal_labels)
        loaded = load_policy(data, source, known)
        spec = loaded.spec
        self.name: str = spec.name
        self.version: str = loaded.version
        self.categories: tuple[str, ...] = loaded.categories
        self.ocr: bool = spec.ocr
        """Whether text in pictures is read (``ocr: false`` switches the costly OCR pass off)."""
        self.rule_ids: tuple[str, ...] = tuple(rule.id for rule in spec.rules)
        self.rules: tuple[RuleSpec, ...] = tuple(spec.rules)
        """The rules as written (for people reading the policy: the console's policy page)."""
        try:
            self._cues = CueMatcher(spec.cues)
        except CueError as exc:
            raise PolicyError([f"{source}: cues: {exc}"]) from None
        self._table, self._signal_table = _compile(list(spec.rules), self._cues)
        self.signal_labels: frozenset[str] = frozenset(
            label for rule in spec.rules for label in rule.when.signals or ()
        )
        """The signal labels this policy's rules name; the scanner's detectors must emit them."""
        self.active_signal_labels: frozenset[str] = frozenset(
            label for rule in spec.rules if rule.enabled for label in rule.when.signals or ()
        )
        """The labels its enabled rules (enforced or shadow) name: an ``optional`` detector runs
        only when one of its labels is here."""

    @classmethod
    def parse(
        cls,
        data: bytes | str,
        source: str = "<policy>",
        *,
        signal_labels: Collection[str] | None = None,
    ) -> Policy:
        """A policy from text, e.g. uploaded by an operator; ``source`` names it in errors.

        ``signal_labels`` (everywhere here) are the labels ``when.signals`` may name: by default
        those every registered detector declares (``bastion.detect.registry``)."""
        data = data.encode("utf-8") if isinstance(data, str) else data
        return cls(data, source, signal_labels)

    @classmethod
    def load(cls, path: Path | str, *, signal_labels: Collection[str] | None = None) -> Policy:
        path = Path(path)
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise PolicyError([f"{path}: cannot read policy file: {exc.strerror or exc}"]) from None
        return cls(data, str(path), signal_labels)

    @classmethod
    def default(cls, *, signal_labels: Collection[str] | None = None) -> Policy:
        """The packaged default policy (the repository's policies/default.yaml)."""
        resource = resources.files("bastion") / "policies" / "default.yaml"
        return cls(resource.read_bytes(), DEFAULT_SOURCE, signal_labels)

    def cue_lists_in(self, folded_text: str) -> list[str]:
        """Names of the policy's cue lists that occur in the text (for explanations)."""
        return self._cues.names_in(folded_text)

    def evaluate(
        self,
        item: Item,
        folded_text: str,
        entities: list[Entity],
        signals: Sequence[Signal] = (),
    ) -> list[Violation]:
        """Violations for one item: one per (rule, category), naming every matching entity."""
        hits: dict[int, tuple[_Slot, dict[str, list[int]], dict[str, list[str]]]] = {}
        cue_mask = -1
        if signals:
            for slot in self._signal_table.get(item.surface, ()):
                rule = slot.rule
                if rule.ai_label is not None and rule.ai_label is not _ai_labelled(item):
                    continue
                if rule.needs_cues:
                    if cue_mask < 0:
                        cue_mask = self._cues.scan(folded_text)
                    if not rule.cues_hold(cue_mask):
                        continue
                for signal in signals:
                    category = rule.signal_category(signal)
                    if category is None or _about_allowed(signal, entities):
                        continue
                    found = hits.get(slot.order)
                    if found is None:
                        found = hits[slot.order] = (slot, {}, {})
                    named = [i for i in signal.entities if not entities[i].allowed]
                    found[1].setdefault(category, []).extend(named)
                    _seen(found[2].setdefault(category, []), signal.origin)
        by_kind = self._table.get(item.surface) if entities else None
        if not by_kind:
            return self._violations(hits, entities) if hits else []
        for position, entity in enumerate(entities):
            if entity.allowed:
                continue
            slots = by_kind.get(entity.kind)
            if slots is None:
                continue
            for slot in slots:
                rule = slot.rule
                if rule.ai_label is not None and rule.ai_label is not _ai_labelled(item):
                    continue
                if rule.needs_cues:
                    if cue_mask < 0:
                        cue_mask = self._cues.scan(folded_text)
                    if not rule.cues_hold(cue_mask):
                        continue
                category = rule.category_for(entity)
                if category is None:
                    continue
                found = hits.get(slot.order)
                if found is None:
                    hits[slot.order] = (slot, {category: [position]}, {category: [entity.origin]})
                else:
                    found[1].setdefault(category, []).append(position)
                    _seen(found[2].setdefault(category, []), entity.origin)
        return self._violations(hits, entities) if hits else []

    @staticmethod
    def _violations(
        hits: dict[int, tuple[_Slot, dict[str, list[int]], dict[str, list[str]]]],
        entities: list[Entity],
    ) -> list[Violation]:
        violations: list[Violation] = []
        for order in sorted(hits):
            slot, by_category, origins = hits[order]
            rule = slot.rule
            if rule.min_count > 1 and not _enough(rule.min_count, by_category, entities):
                continue
            for category, positions in by_category.items():
                if rule.labels:
                    positions = sorted(set(positions))
                violations.append(
                    Violation(
                        rule=rule.id,
                        category=category,
                        severity=slot.severity,
                        confidence=rule.confidence,
                        outcome=slot.outcome,
                        entities=positions,
                        mode=rule.mode,
                        reason=rule.reason.replace("{category}", category),
                        origins=origins.get(category, []),
                    )
                )
        return violations


def _seen(origins: list[str], origin: str) -> None:
    if origin not in origins:
        origins.append(origin)


def _ai_labelled(item: Item) -> bool:
    """The platform says the item already carries an AI label (``meta.ai_label: true``)."""
    return item.meta.get(AI_LABEL_META) is True


def _about_allowed(signal: Signal, entities: list[Entity]) -> bool:
    """A signal about entities that are all on the operator's allow list matches no rule, as the
    entities themselves would not."""
    named = signal.entities
    if any(not 0 <= i < len(entities) for i in named):
        raise ValueError(f"signal {signal.label!r} of {signal.detector!r} names a missing entity")
    return bool(named) and all(entities[i].allowed for i in named)


def _enough(minimum: int, by_category: dict[str, list[int]], entities: list[Entity]) -> bool:
    distinct = {
        (entities[p].kind, entities[p].value)
        for positions in by_category.values()
        for p in positions
    }
    return len(distinct) >= minimum


def verdict_of(violations: list[Violation]) -> str:
    """'act' if an enforced violation disables a link or removes content, 'review' if one asks for
    review, 'label' if one asks only for a label, else 'allow'. Shadow-mode violations are
    recorded but never change the verdict."""
    verdict = "allow"
    for violation in violations:
        if violation.mode != "enforce":
            continue
        if violation.outcome in _ACTING:
            return "act"
        if violation.outcome == "review":
            verdict = "review"
        elif violation.outcome == "label" and verdict == "allow":
            verdict = "label"
    return verdict
