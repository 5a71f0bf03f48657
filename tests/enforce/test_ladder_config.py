"""Ladder YAML validation: every problem names file, line, key path and the valid choices."""

from __future__ import annotations

from pathlib import Path

import pytest

from bastion.enforce.actions import ACTION_KINDS
from bastion.enforce.ladder import Ladder, LadderError

VALID_DEFAULT = """\
  default:
    low: [warn]
    medium: [warn]
    high: [warn]
    critical: [ban]
"""


def problems_of(text: str, tmp_path: Path) -> list[str]:
    path = tmp_path / "ladder.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(LadderError) as info:
        Ladder.load(path)
    for problem in info.value.problems:
        assert problem.startswith(f"{path} line "), problem
    return info.value.problems


def test_unknown_action_reports_line_key_and_choices(tmp_path: Path) -> None:
    text = (
        "version: 1\ndecay: 90d\nladders:\n"
        + VALID_DEFAULT
        + (
            "  gambling:\n    high:\n"
            "      - [disable_link, warn]\n"
            "      - [disable_link, suspend]\n"
        )
    )
    (problem,) = problems_of(text, tmp_path)
    assert " line 12: ladders.gambling.high[1][1]: unknown action 'suspend'" in problem
    assert ", ".join(ACTION_KINDS) in problem


def test_unknown_severity_and_top_level_keys(tmp_path: Path) -> None:
    text = (
        "version: 1\ndecay: 90d\nwindow: 30d\nladders:\n"
        + VALID_DEFAULT
        + ("  porn:\n    severe: [warn]\n")
    )
    found = problems_of(text, tmp_path)
    assert any(
        " line 3: window: unknown key 'window'; valid: version, decay, count, ladders" in p
        for p in found
    )
    assert any(
        " line 11: ladders.porn.severe: unknown key 'severe'; valid: low, medium, high, critical"
        in p
        for p in found
    )


def test_duration_rules(tmp_path: Path) -> None:
    text = (
        "version: 1\ndecay: 3 months\nladders:\n"
        + VALID_DEFAULT
        + (
            "  scam:\n"
            "    high:\n"
            "      - [temp_suspend]\n"
            "      - [ban: 7d]\n"
            "      - [temp_suspend: 0d]\n"
            "      - [temp_suspend: forever]\n"
        )
    )
    found = problems_of(text, tmp_path)
    joined = "\n".join(found)
    assert " line 2: decay: duration '3 months' must be a number with unit h, d or w" in joined
    assert " line 11: ladders.scam.high[0][0]: temp_suspend needs a duration" in joined
    assert " line 12: ladders.scam.high[1][0]: ban takes no duration" in joined
    assert " line 13: ladders.scam.high[2][0]: duration '0d' must be positive" in joined
    assert " line 14: ladders.scam.high[3][0]: duration 'forever'" in joined
    assert len(found) == 5


def test_default_ladder_is_required_and_complete(tmp_path: Path) -> None:
    missing = problems_of("version: 1\ndecay: 9d\nladders:\n  porn:\n    low: [warn]\n", tmp_path)
    assert any("ladders.default: required" in p for p in missing)
    partial = "version: 1\ndecay: 9d\nladders:\n  default:\n    low: [warn]\n"
    (problem,) = problems_of(partial, tmp_path)
    assert "must define every severity; missing: medium, high, critical" in problem


def test_version_and_structure_errors(tmp_path: Path) -> None:
    found = problems_of("version: two\nladders: [1, 2]\n", tmp_path)
    joined = "\n".join(found)
    assert " line 1: version: must be an integer, got 'two'" in joined
    assert " line 2: ladders: must be a mapping, got a list" in joined
    assert " line 1: decay: required key is missing" in joined
    (problem,) = problems_of("version: 3\ndecay: 1d\nladders:\n" + VALID_DEFAULT, tmp_path)
    assert "line 1: version: unsupported version 3; valid: 1" in problem


def test_step_shapes(tmp_path: Path) -> None:
    text = (
        "version: 1\ndecay: 9d\nladders:\n"
        + VALID_DEFAULT
        + (
            "  porn:\n"
            "    low: []\n"
            "    medium: [[], [warn, warn]]\n"
            "    high: [{warn: 1d, ban: 2d}]\n"
            "    critical: warn\n"
        )
    )
    joined = "\n".join(problems_of(text, tmp_path))
    assert " line 10: ladders.porn.low: must be a non-empty list of steps" in joined
    assert " line 11: ladders.porn.medium[0]: a step needs at least one action" in joined
    assert " line 11: ladders.porn.medium[1][1]: action 'warn' appears twice" in joined
    assert " line 12: ladders.porn.high[0]: an action is a name or 'name: duration'" in joined
    assert (
        " line 13: ladders.porn.critical: must be a non-empty list of steps, got 'warn'" in joined
    )


def test_duplicate_keys_and_bad_category_names(tmp_path: Path) -> None:
    text = (
        "version: 1\ndecay: 9d\nladders:\n"
        + VALID_DEFAULT
        + ("  Gambling-VN:\n    low: [warn]\n  scam:\n    low: [warn]\n  scam:\n    low: [ban]\n")
    )
    joined = "\n".join(problems_of(text, tmp_path))
    assert " line 9: ladders.Gambling-VN: category names are lower-case" in joined
    assert " line 13: ladders.scam: duplicate key" in joined


def test_invalid_yaml_and_empty_and_missing_file(tmp_path: Path) -> None:
    (problem,) = problems_of("version: 1\nladders:\n  default: [\n", tmp_path)
    assert "invalid YAML" in problem
    (problem,) = problems_of("", tmp_path)
    assert "ladder file is empty" in problem
    with pytest.raises(LadderError, match="ladder file not found"):
        Ladder.load(tmp_path / "nope.yaml")


def test_count_scope_choices(tmp_path: Path) -> None:
    text = "version: 1\ndecay: 9d\ncount: tenant\nladders:\n" + VALID_DEFAULT
    (problem,) = problems_of(text, tmp_path)
    assert " line 3: count: got 'tenant'; valid: category, account" in problem


def test_a_valid_file_with_every_action_kind_loads(tmp_path: Path) -> None:
    every = ", ".join(
        f"{k}: 2d" if k in {"temp_suspend", "suspend_monetization", "freeze_followers"} else k
        for k in ACTION_KINDS
    )
    path = tmp_path / "ok.yaml"
    path.write_text(
        "version: 1\ndecay: 12h\nladders:\n" + VALID_DEFAULT + f"  porn:\n    low: [[{every}]]\n",
        encoding="utf-8",
    )
    ladder = Ladder.load(path)
    _, steps = ladder.steps_for("porn", "low")
    assert tuple(a.kind for a in steps[0]) == ACTION_KINDS
