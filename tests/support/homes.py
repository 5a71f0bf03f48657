"""Homes the tests build: the example feeds of ``examples/feeds`` imported through the CLI."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from bastion.cli import app

EXAMPLE_FEEDS = Path(__file__).resolve().parents[2] / "examples" / "feeds"


def import_example_feeds(home: Path, *, source: str | None = None) -> Path:
    """``bastion feeds import examples/feeds --category from-file`` into ``home``; returns it."""
    named = ["--source", source] if source else []
    argv = ["feeds", "import", str(EXAMPLE_FEEDS), "--category", "from-file", *named]
    outcome = CliRunner().invoke(app, [*argv, "--home", str(home)])
    assert outcome.exit_code == 0, outcome.output
    return home
