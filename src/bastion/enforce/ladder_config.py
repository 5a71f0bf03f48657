"""Parse and validate ladder YAML, reporting every problem with file, line, key path and choices.

The YAML is composed to nodes (never constructed to Python objects first) so each problem can name
the line it was written on. All problems are collected before raising, so an operator fixes a file
in one pass instead of one error per run.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Final

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from bastion.enforce.actions import (
    ACTION_KINDS,
    DURATION_ALLOWED,
    DURATION_REQUIRED,
    ActionStep,
    parse_duration,
)
from bastion.model import SEVERITIES

SUPPORTED_VERSIONS: Final = (1,)
COUNT_SCOPES: Final = ("category", "account")
TOP_KEYS: Final = ("version", "decay", "count", "ladders")
CATEGORY_KEYS: Final = (*SEVERITIES, "decay")
MAX_STEPS: Final = 20
MAX_ACTIONS_PER_STEP: Final = 10
MAX_CATEGORIES: Final = 500
MAX_PROBLEMS: Final = 100
_CATEGORY = re.compile(r"[a-z][a-z0-9_]{0,39}")
_INT_TAG: Final = "tag:yaml.org,2002:int"

Steps = tuple[tuple[ActionStep, ...], ...]


class LadderError(ValueError):
    """A ladder file that cannot be used; ``problems`` holds one line per problem found."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass(slots=True)
class LadderSpec:
    version: int
    decay: timedelta
    count: str
    ladders: dict[str, dict[str, Steps]]
    decay_overrides: dict[str, timedelta] = field(default_factory=dict)


class _Checker:
    """Walks composed nodes, collecting problems as ``source line N: path: message``."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.problems: list[str] = []
        self.roots: set[str] = set()
        self.dropped = 0

    def fail(self, node: Node | None, path: str, message: str) -> None:
        line = node.start_mark.line + 1 if node is not None else 1
        self.roots.add(".".join(path.split("[", 1)[0].split(".")[:2]))
        if len(self.problems) >= MAX_PROBLEMS:
            self.dropped += 1
            return
        self.problems.append(f"{self.source} line {line}: {path or '(top level)'}: {message}")

    def raise_if_failed(self) -> None:
        if self.dropped:
            self.problems.append(f"{self.source}: ... and {self.dropped} more problems")
        if self.problems:
            raise LadderError(self.problems)

    def mapping(
        self, node: Node, path: str, valid: tuple[str, ...] | None
    ) -> Iterator[tuple[str, Node, Node]]:
        """(key, key node, value node) of a mapping; reports non-mappings, duplicates, bad keys."""
        if not isinstance(node, MappingNode):
            self.fail(node, path, f"must be a mapping, got {_kind(node)}")
            return
        seen: set[str] = set()
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                self.fail(key_node, path, "keys must be plain strings")
                continue
            key = str(key_node.value)
            sub = f"{path}.{_clip(key)}" if path else _clip(key)
            if key in seen:
                self.fail(key_node, sub, "duplicate key")
                continue
            seen.add(key)
            if valid is not None and key not in valid:
                self.fail(key_node, sub, f"unknown key {_clip(key)!r}; valid: {', '.join(valid)}")
                continue
            yield key, key_node, value_node

    def duration(self, node: Node, path: str) -> timedelta | None:
        if not isinstance(node, ScalarNode) or not node.value:
            self.fail(node, path, f"must be a duration like 12h, 7d or 2w, got {_kind(node)}")
            return None
        try:
            return parse_duration(str(node.value))
        except ValueError as exc:
            self.fail(node, path, str(exc))
            return None


def _clip(text: str) -> str:
    return text if len(text) <= 40 else text[:37] + "..."


def _kind(node: Node | None) -> str:
    if isinstance(node, MappingNode):
        return "a mapping"
    if isinstance(node, SequenceNode):
        return "a list"
    if isinstance(node, ScalarNode):
        return repr(_clip(str(node.value))) if node.value else "an empty value"
    return "nothing"


def parse_ladder(text: str, source: str) -> LadderSpec:
    """Validate ladder YAML text and return the spec; raise LadderError listing all problems."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 1
        problem = getattr(exc, "problem", None) or str(exc)
        raise LadderError([f"{source} line {line}: invalid YAML: {problem}"]) from None
    if root is None:
        raise LadderError([f"{source} line 1: ladder file is empty; needs {', '.join(TOP_KEYS)}"])
    check = _Checker(source)
    spec = LadderSpec(version=0, decay=timedelta(0), count="category", ladders={})
    present: set[str] = set()
    for key, key_node, value in check.mapping(root, "", TOP_KEYS):
        present.add(key)
        if key == "version":
            _version(check, value, spec)
        elif key == "decay":
            spec.decay = check.duration(value, "decay") or timedelta(0)
        elif key == "count":
            if not isinstance(value, ScalarNode) or value.value not in COUNT_SCOPES:
                check.fail(value, "count", f"got {_kind(value)}; valid: {', '.join(COUNT_SCOPES)}")
            else:
                spec.count = str(value.value)
        else:
            _ladders(check, key_node, value, spec)
    if isinstance(root, MappingNode):
        for key in ("version", "decay", "ladders"):
            if key not in present:
                check.fail(root, key, "required key is missing")
    check.raise_if_failed()
    return spec


def _version(check: _Checker, node: Node, spec: LadderSpec) -> None:
    if not isinstance(node, ScalarNode) or node.tag != _INT_TAG:
        check.fail(node, "version", f"must be an integer, got {_kind(node)}")
        return
    version = int(node.value)
    if version not in SUPPORTED_VERSIONS:
        valid = ", ".join(str(v) for v in SUPPORTED_VERSIONS)
        check.fail(node, "version", f"unsupported version {version}; valid: {valid}")
        return
    spec.version = version


def _ladders(check: _Checker, key_node: Node, node: Node, spec: LadderSpec) -> None:
    if isinstance(node, MappingNode) and len(node.value) > MAX_CATEGORIES:
        check.fail(node, "ladders", f"at most {MAX_CATEGORIES} categories")
        return
    for category, cat_key, cat_node in check.mapping(node, "ladders", None):
        path = f"ladders.{category}"
        if not _CATEGORY.fullmatch(category):
            check.fail(cat_key, path, "category names are lower-case letters, digits and _")
            continue
        rows: dict[str, Steps] = {}
        for key, _, value in check.mapping(cat_node, path, CATEGORY_KEYS):
            if key == "decay":
                decay = check.duration(value, f"{path}.decay")
                if decay is not None:
                    spec.decay_overrides[category] = decay
                continue
            steps = _steps(check, value, f"{path}.{key}")
            if steps is not None:
                rows[key] = steps
        if isinstance(cat_node, MappingNode) and not rows and not _has_errors_under(check, path):
            check.fail(cat_node, path, f"needs at least one severity: {', '.join(SEVERITIES)}")
        spec.ladders[category] = rows
    default = spec.ladders.get("default")
    if isinstance(node, MappingNode):
        if default is None and not _has_errors_under(check, "ladders.default"):
            check.fail(
                key_node, "ladders.default", "required: the fallback ladder for any category"
            )
        elif default is not None:
            missing = [s for s in SEVERITIES if s not in default]
            if missing and not _has_errors_under(check, "ladders.default"):
                check.fail(
                    key_node,
                    "ladders.default",
                    f"must define every severity; missing: {', '.join(missing)}",
                )


def _has_errors_under(check: _Checker, path: str) -> bool:
    """Whether ``path`` (``ladders.<category>``) already has a problem; avoids follow-on noise."""
    return path in check.roots


def _steps(check: _Checker, node: Node, path: str) -> Steps | None:
    """A severity row: a non-empty list of steps, each one action or a list of actions."""
    if not isinstance(node, SequenceNode) or not node.value:
        check.fail(node, path, f"must be a non-empty list of steps, got {_kind(node)}")
        return None
    if len(node.value) > MAX_STEPS:
        check.fail(node, path, f"at most {MAX_STEPS} steps")
        return None
    steps: list[tuple[ActionStep, ...]] = []
    ok = True
    for index, step_node in enumerate(node.value):
        step_path = f"{path}[{index}]"
        items = step_node.value if isinstance(step_node, SequenceNode) else [step_node]
        if not items:
            check.fail(step_node, step_path, "a step needs at least one action")
            ok = False
            continue
        if len(items) > MAX_ACTIONS_PER_STEP:
            check.fail(step_node, step_path, f"at most {MAX_ACTIONS_PER_STEP} actions per step")
            ok = False
            continue
        actions: list[ActionStep] = []
        for position, item in enumerate(items):
            sub = (
                step_path if not isinstance(step_node, SequenceNode) else f"{step_path}[{position}]"
            )
            action = _action(check, item, sub)
            if action is None:
                ok = False
            elif any(a.kind == action.kind for a in actions):
                check.fail(item, sub, f"action {action.kind!r} appears twice in one step")
                ok = False
            else:
                actions.append(action)
        steps.append(tuple(actions))
    return tuple(steps) if ok else None


def _action(check: _Checker, node: Node, path: str) -> ActionStep | None:
    """``warn`` or ``{temp_suspend: 7d}``."""
    duration_node: Node | None = None
    if isinstance(node, ScalarNode):
        kind = str(node.value)
    elif isinstance(node, MappingNode) and len(node.value) == 1:
        key_node, duration_node = node.value[0]
        kind = str(key_node.value) if isinstance(key_node, ScalarNode) else ""
    else:
        check.fail(node, path, f"an action is a name or 'name: duration', got {_kind(node)}")
        return None
    if kind not in ACTION_KINDS:
        check.fail(node, path, f"unknown action {_clip(kind)!r}; valid: {', '.join(ACTION_KINDS)}")
        return None
    if duration_node is None:
        if kind in DURATION_REQUIRED:
            check.fail(node, path, f"{kind} needs a duration, e.g. '{kind}: 7d'")
            return None
        return ActionStep(kind)
    if kind not in DURATION_ALLOWED:
        allowed = ", ".join(sorted(DURATION_ALLOWED))
        check.fail(node, path, f"{kind} takes no duration; only {allowed} do")
        return None
    duration = check.duration(duration_node, path)
    return ActionStep(kind, duration) if duration is not None else None
