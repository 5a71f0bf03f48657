"""The README cannot drift: every command, format, kind, surface and action must be documented."""

from __future__ import annotations

import re

import pytest
import typer

from bastion.cli import app
from bastion.detect.registry import declared_labels
from bastion.enforce.actions import ACTION_KINDS
from bastion.intel import FORMATS
from bastion.model import (
    BUILTIN_CATEGORIES,
    DETECTION_SOURCES,
    ENTITY_KINDS,
    OUTCOMES,
    SURFACES,
    VERDICTS,
)
from tests.conftest import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")


def command_paths() -> list[str]:
    root = typer.main.get_command(app)
    paths: list[str] = []
    for name, command in getattr(root, "commands", {}).items():
        subcommands = getattr(command, "commands", None)
        if subcommands:
            paths.extend(f"bastion {name} {sub}" for sub in subcommands)
        else:
            paths.append(f"bastion {name}")
    assert len(paths) > 5, paths
    return sorted(paths)


@pytest.mark.parametrize("path", command_paths())
def test_every_cli_command_is_in_the_readme(path: str) -> None:
    assert path in README, f"README does not mention `{path}`"


@pytest.mark.parametrize(
    "word",
    [*FORMATS, *ENTITY_KINDS, *SURFACES, *BUILTIN_CATEGORIES, *ACTION_KINDS],
)
def test_every_vocabulary_word_is_in_the_readme(word: str) -> None:
    spaced = word.replace("_", " ")
    assert re.search(rf"\b({re.escape(word)}|{re.escape(spaced)})\b", README), word


def test_the_readme_setup_is_the_two_make_commands() -> None:
    setup = README.split("## Set-up", 1)[1].split("##", 1)[0]
    assert "make demo" in setup and "make test" in setup


@pytest.mark.parametrize(
    "word", [*VERDICTS, *OUTCOMES, *DETECTION_SOURCES[:-1], *sorted(declared_labels()), "ai_label"]
)
def test_every_verdict_outcome_detection_source_and_signal_is_in_the_readme(word: str) -> None:
    assert re.search(rf"`[^`]*\b{re.escape(word)}\b[^`]*`", README), word


def test_every_screenshot_the_readme_shows_exists() -> None:
    shown = re.findall(r"\]\((docs/screenshots/[^)]+\.png)\)", README)
    assert len(shown) >= 8
    missing = [path for path in shown if not (REPO / path).is_file()]
    assert missing == [], f"run `make screenshots`: {missing}"


def test_make_test_runs_a_process_per_core_as_the_readme_says() -> None:
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    recipe = makefile.split("\ntest: lint\n", 1)[1].split("\n\n", 1)[0]
    assert "pytest -n $(TEST_WORKERS) --dist loadfile --no-loadscope-reorder" in recipe
    assert re.search(r"^TEST_WORKERS \?= auto$", makefile, re.M)
    assert "`make test TEST_WORKERS=0`" in README and "pytest-xdist" in README
