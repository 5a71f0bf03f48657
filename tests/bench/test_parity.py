"""``bench.parity`` finds a changed result and passes identical ones (on a few messages)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from bench import common, parity

EXAMPLE_FEEDS = Path(__file__).resolve().parents[2] / "examples" / "feeds"
TEXTS = [("clean", "chat", "see you at 5"), ("adversarial", "post", "go to bet888 dot com now")]


@pytest.fixture()
def few(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    from bastion.intel.feeds import import_feeds

    home = tmp_path / "home"
    import_feeds(home, EXAMPLE_FEEDS, category="from-file", source="sample")

    def suites(data: Path, home: Path) -> Iterator[tuple[str, str, str]]:
        yield from TEXTS

    monkeypatch.setattr(parity, "suites", suites)
    monkeypatch.setattr(common, "data_dir", lambda path=None: tmp_path)
    return home


def test_identical_dumps_pass_and_a_changed_one_fails(few: Path, tmp_path: Path) -> None:
    before, after = tmp_path / "before.jsonl", tmp_path / "after.jsonl"
    assert parity.main(["--home", str(few), "--out", str(before)]) == 0
    rows: list[dict[str, Any]] = [json.loads(line) for line in before.read_text().splitlines()]
    assert [r["suite"] for r in rows] == ["clean", "adversarial"]
    assert rows[1]["result"]["entities"], "the disguised host is in the dump"
    assert parity.main(["--home", str(few), "--out", str(after), "--against", str(before)]) == 0
    rows[1]["result"]["verdict"] = "allow" if rows[1]["result"]["verdict"] != "allow" else "act"
    before.write_text("".join(json.dumps(r, sort_keys=True) + "\n" for r in rows))
    assert parity.main(["--home", str(few), "--out", str(after), "--against", str(before)]) == 1
