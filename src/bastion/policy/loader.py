"""Read and validate a policy file; every problem is reported with file, line, key path and choices.

YAML is composed to nodes first so each key path keeps the line it was written on; pydantic checks
the structure; the checks that depend on the file itself (declared categories, cue list names,
duplicate rule ids) run here. Nothing in this module runs at scan time.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import yaml

from bastion.model import (
    BUILTIN_CATEGORIES,
    ENTITY_FLAGS,
    ENTITY_KINDS,
    ORIGINS,
    OUTCOMES,
    SEVERITIES,
    SURFACES,
)

if TYPE_CHECKING:  # pydantic is imported when a policy is loaded, never by the scan path
    from pydantic import ValidationError

    from bastion.policy.schema import PolicySpec, RuleSpec

MODES = ("enforce", "shadow")
MATCH_ANY = "any"
MATCH_UNLISTED = ("unlisted", "unknown")
DIVERSION = "diversion"
FROM_ENTITY = "$category"
RESERVED = frozenset({MATCH_ANY, *MATCH_UNLISTED, DIVERSION, FROM_ENTITY})
PROVENANCE_PREFIX = "provenance."
PROVENANCE_OUTCOMES = ("allow", "review", "label")
"""What a rule on provenance signals alone may do: a picture's declared origin is a reason to
label it or have a person look, never to remove content or disable a link."""

_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.\-]{0,63}")
_IDENT = re.compile(r"[a-z][a-z0-9_]{0,39}")
_RULE_ID = re.compile(r"[a-z0-9][a-z0-9_.\-]{0,63}")
_MAX_NODES = 200_000

Path = tuple[str | int, ...]


class PolicyError(ValueError):
    """A policy file that cannot be used. ``problems`` holds one line per problem found."""

    def __init__(self, problems: list[str] | str) -> None:
        self.problems = [problems] if isinstance(problems, str) else list(problems)
        super().__init__("\n".join(self.problems))


@dataclass(frozen=True, slots=True)
class LoadedPolicy:
    spec: PolicySpec
    version: str
    categories: tuple[str, ...]


def format_path(path: Iterable[str | int]) -> str:
    """``('rules', 3, 'outcome')`` -> ``rules[3].outcome``, the form operators see in messages."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        elif part != "[key]":
            out += f".{part}" if out else part
    return out or "(top level)"


class _Lines:
    """Key path -> 1-based line, built from composed YAML nodes."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.lines: dict[Path, int] = {}

    def line(self, path: Path) -> int:
        for end in range(len(path), -1, -1):
            found = self.lines.get(path[:end])
            if found is not None:
                return found
        return 1

    def problem(self, path: Path, message: str) -> str:
        where = format_path(path)
        return f"{self.source} line {self.line(path)}: {where}: {message}"

    def index(self, node: yaml.Node, path: Path, budget: list[int]) -> list[str]:
        """Record lines under ``node`` and report duplicate or non-string mapping keys."""
        budget[0] -= 1
        if budget[0] < 0:
            return [f"{self.source}: policy file is too large (over {_MAX_NODES} YAML nodes)"]
        self.lines.setdefault(path, node.start_mark.line + 1)
        problems: list[str] = []
        if isinstance(node, yaml.MappingNode):
            seen: dict[str, int] = {}
            merged: list[yaml.Node] = []
            for key_node, value_node in node.value:
                key_line = key_node.start_mark.line + 1
                if key_node.tag == "tag:yaml.org,2002:merge":
                    many = isinstance(value_node, yaml.SequenceNode)
                    merged += value_node.value if many else [value_node]
                    continue
                if (
                    not isinstance(key_node, yaml.ScalarNode)
                    or key_node.tag != yaml.resolver.BaseResolver.DEFAULT_SCALAR_TAG
                ):
                    problems.append(
                        f"{self.source} line {key_line}: {format_path(path)}: keys must be text"
                    )
                    continue
                key = str(key_node.value)
                if key in seen:
                    problems.append(
                        f"{self.source} line {key_line}: {format_path((*path, key))}: "
                        f"duplicate key (first written on line {seen[key]})"
                    )
                    continue
                seen[key] = key_line
                self.lines.setdefault((*path, key), key_line)
                problems += self.index(value_node, (*path, key), budget)
            for value_node in merged:
                problems += self.index(value_node, path, budget)
        elif isinstance(node, yaml.SequenceNode):
            for position, child in enumerate(node.value):
                problems += self.index(child, (*path, position), budget)
        return problems


def _compose(data: bytes, source: str) -> tuple[Any, _Lines]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise PolicyError([f"{source}: not UTF-8 text (byte {exc.start})"]) from None
    lines = _Lines(source)
    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            raise PolicyError([f"{source} line 1: the policy file is empty"])
        problems = lines.index(node, (), [_MAX_NODES])
        if problems:
            raise PolicyError(problems)
        document = loader.construct_document(node)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else 1
        reason = " ".join(part for part in (exc.context, exc.problem) if part)
        raise PolicyError([f"{source} line {line}: YAML syntax error: {reason}"]) from None
    except yaml.YAMLError as exc:
        raise PolicyError([f"{source}: YAML error: {exc}"]) from None
    except RecursionError:
        raise PolicyError([f"{source}: YAML nested too deeply"]) from None
    finally:
        loader.dispose()
    if not isinstance(document, dict):
        kind = type(document).__name__
        raise PolicyError([f"{source} line 1: the policy must be a mapping of keys, got {kind}"])
    return document, lines


def _pydantic_problems(error: ValidationError, lines: _Lines) -> list[str]:
    from bastion.policy.schema import SPEC_AT

    problems = []
    for item in error.errors():
        loc: Path = tuple(part for part in item["loc"] if part != "[key]")
        kind = item["type"]
        if kind == "extra_forbidden":
            model = SPEC_AT.get(tuple(p for p in loc[:-1] if isinstance(p, str)))
            valid = ", ".join(model.model_fields) if model is not None else ""
            message = f"unknown key {loc[-1]!r}; valid keys: {valid}"
        elif kind == "missing":
            message = "required key is missing"
        elif kind == "string_type" and isinstance(item["input"], bool | int | float):
            message = (
                f"expected text, got {item['input']!r} (YAML reads yes/no/on/off/numbers; quote it)"
            )
        else:
            message = f"{item['msg']} (got {item['input']!r})"
        problems.append(lines.problem(loc, message))
    return problems


def _choices(values: Iterable[str]) -> str:
    return ", ".join(values)


_ENTITY_KEYS = ("kinds", "categories", "listed", "flags", "not_flags", "has_cue", "origins")


class _Checker:
    """The checks that need the whole file: declared names, references and duplicates."""

    def __init__(self, spec: PolicySpec, lines: _Lines, signal_labels: frozenset[str]) -> None:
        self.spec = spec
        self.lines = lines
        self.signal_labels = tuple(sorted(signal_labels))
        self.problems: list[str] = []
        extra = [c for c in spec.categories if c not in BUILTIN_CATEGORIES]
        self.categories = tuple(dict.fromkeys((*BUILTIN_CATEGORIES, *extra)))

    def fail(self, path: Path, message: str) -> None:
        self.problems.append(self.lines.problem(path, message))

    def members(self, path: Path, values: list[str] | None, valid: Iterable[str]) -> None:
        allowed = tuple(valid)
        for position, value in enumerate(values or ()):
            if value not in allowed:
                self.fail((*path, position), f"{value!r} is not one of {_choices(allowed)}")

    def one_of(self, path: Path, value: str | None, valid: Iterable[str]) -> None:
        allowed = tuple(valid)
        if value is not None and value not in allowed:
            self.fail(path, f"{value!r} is not one of {_choices(allowed)}")

    def run(self) -> None:
        spec = self.spec
        if not _NAME.fullmatch(spec.name):
            self.fail(("name",), f"{spec.name!r} must be 1-64 letters, digits, '_', '.' or '-'")
        for position, category in enumerate(spec.categories):
            if category in RESERVED or not _IDENT.fullmatch(category):
                self.fail(
                    ("categories", position),
                    f"{category!r} is not a valid category name (lower-case letters, digits and "
                    f"'_'; not one of {_choices(sorted(RESERVED))})",
                )
        for name, words in spec.cues.items():
            if not _IDENT.fullmatch(name):
                self.fail(
                    ("cues", name),
                    f"cue list name {name!r} must be lower-case letters, digits, '_'",
                )
            for position, word in enumerate(words):
                if not word.strip():
                    self.fail(("cues", name, position), "cue words must not be blank")
        first_line: dict[str, int] = {}
        for position, rule in enumerate(spec.rules):
            path: Path = ("rules", position)
            if rule.id in first_line:
                self.fail(
                    (*path, "id"),
                    f"duplicate rule id {rule.id!r} (first used on line {first_line[rule.id]})",
                )
            else:
                first_line[rule.id] = self.lines.line((*path, "id"))
            self.rule(path, rule)

    def rule(self, path: Path, rule: RuleSpec) -> None:
        if not _RULE_ID.fullmatch(rule.id):
            self.fail((*path, "id"), f"{rule.id!r} must be 1-64 of a-z, 0-9, '_', '.', '-'")
        elif rule.id.startswith("scan."):
            self.fail((*path, "id"), f"{rule.id!r}: ids starting 'scan.' are the scanner's own")
        when = rule.when
        at = (*path, "when")
        self.members((*at, "kinds"), when.kinds, ENTITY_KINDS)
        self.members((*at, "surfaces"), when.surfaces, SURFACES)
        self.members(
            (*at, "categories"), when.categories, (*self.categories, MATCH_ANY, *MATCH_UNLISTED)
        )
        if when.categories is not None and when.listed is not None:
            self.fail((*at, "listed"), "use either 'categories' or 'listed', not both")
        for key in ("cues", "all_cues", "not_cues"):
            self.members((*at, key), getattr(when, key), self.spec.cues)
        for key in ("flags", "not_flags"):
            self.members((*at, key), getattr(when, key), ENTITY_FLAGS)
        self.members((*at, "origins"), when.origins, ORIGINS)
        self.signals(at, rule)
        self.provenance_only(path, rule)
        violation = rule.violation
        self.one_of(
            (*path, "violation", "category"),
            violation.category,
            (FROM_ENTITY, *self.categories, DIVERSION),
        )
        if violation.category == FROM_ENTITY and not _only_listed(rule) and not when.signals:
            self.fail(
                (*path, "violation", "category"),
                "'$category' needs a rule that matches only listed entities: set "
                "'listed: true' or 'categories' without unlisted/unknown",
            )
        self.one_of((*path, "violation", "severity"), violation.severity, SEVERITIES)
        self.one_of((*path, "outcome"), rule.outcome, OUTCOMES)
        self.one_of((*path, "mode"), rule.mode, MODES)
        for position, override in enumerate(rule.overrides):
            at = (*path, "overrides", position)
            self.members((*at, "surfaces"), override.surfaces, SURFACES)
            outside = [s for s in override.surfaces if when.surfaces and s not in when.surfaces]
            if outside and when.surfaces is not None:
                self.fail(
                    (*at, "surfaces"),
                    f"{_choices(outside)} not among the rule's surfaces "
                    f"({_choices(when.surfaces)}), so the override can never apply",
                )
            self.one_of((*at, "outcome"), override.outcome, OUTCOMES)
            self.one_of((*at, "severity"), override.severity, SEVERITIES)
            if override.outcome is None and override.severity is None:
                self.fail(at, "an override needs 'outcome' or 'severity'")

    def signals(self, at: Path, rule: RuleSpec) -> None:
        """A rule matches entities or detector signals, never both; labels must be emitted."""
        when = rule.when
        if not when.signals:
            if "min_score" in when.model_fields_set:
                self.fail((*at, "min_score"), "'min_score' needs 'signals'")
            return
        if not self.signal_labels:
            for position, label in enumerate(when.signals):
                self.fail(
                    (*at, "signals", position), f"{label!r}: no loaded detector emits signals"
                )
        else:
            self.members((*at, "signals"), when.signals, self.signal_labels)
        used = [key for key in _ENTITY_KEYS if getattr(when, key) is not None]
        if when.min_count != 1:
            used.append("min_count")
        for key in used:
            self.fail(
                (*at, key),
                f"a rule matches entities or signals, not both: {key!r} cannot go with 'signals'",
            )

    def provenance_only(self, path: Path, rule: RuleSpec) -> None:
        """A rule matching only provenance signals may label or review, nothing stronger."""
        labels = rule.when.signals or ()
        if not labels or not all(label.startswith(PROVENANCE_PREFIX) for label in labels):
            return
        outcomes = [((*path, "outcome"), rule.outcome)] + [
            ((*path, "overrides", n, "outcome"), o.outcome) for n, o in enumerate(rule.overrides)
        ]
        for at, outcome in outcomes:
            if outcome is not None and outcome in OUTCOMES and outcome not in PROVENANCE_OUTCOMES:
                self.fail(
                    at,
                    f"{outcome!r}: a picture's provenance alone never removes content or "
                    f"disables a link; use one of {', '.join(PROVENANCE_OUTCOMES)}",
                )


def _only_listed(rule: RuleSpec) -> bool:
    when = rule.when
    if when.categories is not None:
        return not any(c in MATCH_UNLISTED for c in when.categories)
    return when.listed is True


def load_policy(data: bytes, source: str, signal_labels: frozenset[str]) -> LoadedPolicy:
    """Validate policy bytes; ``source`` names the file in error messages; ``signal_labels`` are
    the labels the loaded detectors declare, the only ones ``when.signals`` may name."""
    from pydantic import ValidationError

    from bastion.policy.schema import PolicySpec

    document, lines = _compose(data, source)
    try:
        spec = PolicySpec.model_validate(document)
    except ValidationError as exc:
        raise PolicyError(_pydantic_problems(exc, lines)) from None
    checker = _Checker(spec, lines, signal_labels)
    checker.run()
    if checker.problems:
        raise PolicyError(checker.problems)
    digest = hashlib.sha256(data).hexdigest()[:12]
    return LoadedPolicy(spec=spec, version=f"{spec.name}@{digest}", categories=checker.categories)
