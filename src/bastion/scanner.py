"""The pure scan core: one item in, one result out, no I/O after ``Scanner.load``.

The CLI, the HTTP API and the Spark job all call ``Scanner.scan``; nothing re-implements it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bastion.canon import canonicalize_entity
from bastion.config import resolve_home
from bastion.detect.reputation import ReputationDetector
from bastion.extract import extract_entities, has_candidates
from bastion.extract.hosts import PROSE_LIKE
from bastion.intel import IntelIndex
from bastion.model import DEFAULT_MAX_TEXT_CHARS, Entity, Item, ScanResult, Violation
from bastion.normalize import UnmaskStep, unmask
from bastion.policy import Policy, verdict_of

POLICY_FILE = "policy.yaml"


@dataclass(slots=True)
class Explanation:
    """Everything ``bastion explain`` shows: how the text was unmasked and why each verdict."""

    original: str
    folded: str
    steps: list[UnmaskStep]
    result: ScanResult
    prechecked: bool


@dataclass(slots=True)
class Scanner:
    """Unmask, extract, canonicalize, classify and decide, for one item at a time.

    Deterministic for a given intel index and policy; safe to share between threads (read-only).
    """

    index: IntelIndex
    policy: Policy
    max_text_chars: int = DEFAULT_MAX_TEXT_CHARS
    reputation: ReputationDetector = field(init=False)

    def __post_init__(self) -> None:
        if self.max_text_chars < 1:
            raise ValueError("max_text_chars must be at least 1")
        self.reputation = ReputationDetector(self.index)

    @classmethod
    def load(
        cls,
        home: Path | str | None = None,
        *,
        policy_path: Path | str | None = None,
        max_text_chars: int = DEFAULT_MAX_TEXT_CHARS,
        no_feeds: bool = False,
    ) -> Scanner:
        """Open the compiled intel index and the policy under ``home`` (``resolve_home`` rules).

        A home without an index raises ``MissingIndexError``: scanning on with no feeds would
        allow every listed link, so ``no_feeds=True`` must ask for that explicitly (it ignores
        any index). A home without ``policy.yaml`` uses the packaged default policy;
        ``policy_path`` overrides both.
        """
        root = resolve_home(home)
        index = IntelIndex.empty() if no_feeds else IntelIndex.open(root)
        if policy_path is not None:
            policy = Policy.load(Path(policy_path))
        elif (root / POLICY_FILE).is_file():
            policy = Policy.load(root / POLICY_FILE)
        else:
            policy = Policy.default()
        return cls(index=index, policy=policy, max_text_chars=max_text_chars)

    def scan(self, item: Item | dict[str, Any]) -> ScanResult:
        """Scan one item (an ``Item`` or an input-format dict, validated) and decide a verdict.

        Most messages hold nothing link-like: ``has_candidates`` answers that in about a
        microsecond and the empty result is returned at once.
        """
        if type(item) is not Item and not isinstance(item, Item):
            item = Item.from_dict(item)
        text = item.text
        if type(text) is not str:
            raise TypeError(f"item text must be a str, got {type(text).__name__}")
        truncated = len(text) > self.max_text_chars
        if truncated:
            text = text[: self.max_text_chars]
        if not has_candidates(text):
            return ScanResult(item.id, "allow", [], [], truncated, self.policy.version)
        unmasked = unmask(text, weak=True)
        entities = self._classify(extract_entities(unmasked, prose_like=True))
        violations = self.policy.evaluate(item, unmasked.text, entities)
        return self._result(item, entities, violations, truncated)

    def explain(self, text: str, *, surface: str = "post") -> Explanation:
        """Scan ``text`` recording every unmasking step, for humans reading ``bastion explain``."""
        item = Item(id="explain", text=text[: self.max_text_chars], surface=surface)
        unmasked = unmask(item.text, explain=True, weak=True)
        entities = self._classify(extract_entities(unmasked, prose_like=True))
        violations = self.policy.evaluate(item, unmasked.text, entities)
        result = self._result(item, entities, violations, len(text) > self.max_text_chars)
        return Explanation(
            original=item.text,
            folded=unmasked.text,
            steps=list(unmasked.steps),
            result=result,
            prechecked=has_candidates(item.text),
        )

    def _classify(self, entities: list[Entity]) -> list[Entity]:
        for entity in entities:
            canonicalize_entity(entity)
        self.reputation.annotate(entities)
        return [e for e in entities if e.categories or PROSE_LIKE not in e.flags]

    def _result(
        self, item: Item, entities: list[Entity], violations: list[Violation], truncated: bool
    ) -> ScanResult:
        return ScanResult(
            id=item.id,
            verdict=verdict_of(violations),
            entities=entities,
            violations=violations,
            truncated=truncated,
            policy_version=self.policy.version,
        )
