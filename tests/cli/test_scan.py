"""End-to-end tests of ``bastion scan`` / ``bastion explain`` over a home built from real feeds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bastion import Scanner
from bastion.cli import app

runner = CliRunner()


@pytest.fixture
def feed_home(home: Path, shared_data: Path) -> Path:
    """A home with the real Sinfonietta gambling list and blocklistproject scam list imported."""
    for path, category in (
        (shared_data / "sinfonietta-hostfiles" / "gambling.txt", "gambling"),
        (shared_data / "blocklistproject-lists" / "scam.txt", "scam"),
    ):
        outcome = runner.invoke(
            app,
            ["feeds", "import", str(path), "--category", category, "--source", f"test-{category}"],
        )
        assert outcome.exit_code == 0, outcome.output
    return home


def write_lines(path: Path, lines: list[bytes]) -> Path:
    path.write_bytes(b"\n".join(lines) + b"\n")
    return path


def record(**fields: object) -> bytes:
    return json.dumps(fields, ensure_ascii=False).encode("utf-8")


def test_scan_finds_disguised_listed_domain_and_keeps_order(
    feed_home: Path, tmp_path: Path
) -> None:
    source = write_lines(
        tmp_path / "in.jsonl",
        [
            record(id="clean", surface="post", text="see you at 5, bring the report.pdf"),
            record(id="dirty", surface="post", text="官网 １８８ｂｅｔ。ｃｏｍ 注册送彩金"),
            record(id="spelled", surface="comment", text="try 10bet dot com for free spins"),
        ],
    )
    out = tmp_path / "out.jsonl"
    outcome = runner.invoke(app, ["scan", str(source), "--out", str(out)])
    assert outcome.exit_code == 0, outcome.output
    results = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in results] == ["clean", "dirty", "spelled"]
    assert results[0]["verdict"] == "allow"
    assert results[0]["entities"] == []
    dirty = results[1]
    assert dirty["verdict"] == "act"
    entity = dirty["entities"][0]
    assert entity["registrable_domain"] == "188bet.com"
    assert entity["category"] == "gambling"
    text = "官网 １８８ｂｅｔ。ｃｏｍ 注册送彩金"
    assert text[entity["span"][0] : entity["span"][1]] == "１８８ｂｅｔ。ｃｏｍ"
    assert any(v["outcome"] in ("disable_link", "remove") for v in dirty["violations"])
    assert results[2]["entities"][0]["value"] == "10bet.com"
    assert results[2]["verdict"] == "act"
    assert "items/s" in outcome.output


def test_bad_lines_are_reported_counted_and_do_not_stop_the_run(
    feed_home: Path, tmp_path: Path
) -> None:
    source = write_lines(
        tmp_path / "bad.jsonl",
        [
            record(id="ok-1", text="hello"),
            b"{not json",
            record(text="no id here"),
            record(id="t", text=123),
            b'{"id": "latin1", "text": "caf\xe9"}',
            record(id="ok-2", text="visit 12bet.com"),
        ],
    )
    out = tmp_path / "out.jsonl"
    outcome = runner.invoke(app, ["scan", str(source), "--out", str(out)])
    assert outcome.exit_code == 1
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(lines) == 6
    assert [line.get("line") for line in lines[1:5]] == [2, 3, 4, 5]
    assert "invalid JSON" in lines[1]["error"]
    assert "missing required field 'id'" in lines[2]["error"]
    assert "'text' must be a string" in lines[3]["error"]
    assert "not UTF-8" in lines[4]["error"]
    assert lines[5]["id"] == "ok-2" and lines[5]["verdict"] == "act"
    assert "line 2:" in outcome.output and "line 5:" in outcome.output
    assert "4 bad line(s)" in outcome.output


def test_csv_output_and_stdin(feed_home: Path) -> None:
    data = record(id="a", surface="bio", text="加V: bet_8899 下注 12bet.com") + b"\n"
    outcome = runner.invoke(app, ["scan", "-", "--format", "csv"], input=data)
    assert outcome.exit_code == 0, outcome.output
    header, row = outcome.stdout.splitlines()[:2]
    assert header.split(",")[:2] == ["id", "verdict"]
    assert row.startswith("a,act,")
    assert "gambling" in row


def test_long_text_is_searched_past_the_limit_and_flagged(feed_home: Path, tmp_path: Path) -> None:
    text = "12bet.com " + "the lazy dog " * 40 + " 10bet.com"
    source = write_lines(tmp_path / "long.jsonl", [record(id="long", text=text)])
    out = tmp_path / "out.jsonl"
    outcome = runner.invoke(
        app, ["scan", str(source), "--out", str(out), "--max-text-chars", "100"]
    )
    assert outcome.exit_code == 0, outcome.output
    result = json.loads(out.read_text(encoding="utf-8"))
    assert result["truncated"] is True
    assert [e["value"] for e in result["entities"]] == ["12bet.com", "10bet.com"]
    assert [v["rule"] for v in result["violations"]] == ["link.listed", "scan.truncated"]


@pytest.mark.parametrize("unit", ["\u200b", " ", "\u3000", "\ufe0f"])
def test_filler_before_a_listed_link_does_not_hide_it(
    feed_home: Path, tmp_path: Path, unit: str
) -> None:
    text = unit * 20_000 + "12bet.com"
    source = write_lines(tmp_path / "pad.jsonl", [record(id="pad", text=text)])
    out = tmp_path / "out.jsonl"
    outcome = runner.invoke(app, ["scan", str(source), "--out", str(out)])
    assert outcome.exit_code == 0, outcome.output
    result = json.loads(out.read_text(encoding="utf-8"))
    assert result["verdict"] == "act" and "truncated" not in result
    entity = result["entities"][0]
    assert entity["value"] == "12bet.com" and text[slice(*entity["span"])] == "12bet.com"


def test_missing_input_file_is_a_clear_error(feed_home: Path, tmp_path: Path) -> None:
    outcome = runner.invoke(app, ["scan", str(tmp_path / "nope.jsonl")])
    assert outcome.exit_code == 2
    assert "no such input file" in outcome.output


def test_explain_shows_steps_entities_and_verdict(feed_home: Path) -> None:
    outcome = runner.invoke(app, ["explain", "注册 １２ｂｅｔ 点 com 送彩金"])
    assert outcome.exit_code == 0, outcome.output
    assert "12bet.com" in outcome.output
    assert "gambling" in outcome.output
    assert "detector signals" in outcome.output and "listed" in outcome.output
    assert "verdict: act" in outcome.output


def test_explain_json_carries_signals_and_scans_past_the_limit(feed_home: Path) -> None:
    text = "\u200b" * 25_000 + "12bet.com"
    outcome = runner.invoke(app, ["explain", text, "--json"])
    assert outcome.exit_code == 0, outcome.output
    record = json.loads(outcome.stdout)
    assert record["verdict"] == "act"
    assert record["signals"][0]["label"] == "listed"
    assert record["signals"][0]["entities"] == [0]


def test_scanner_api_matches_the_wire_format(feed_home: Path) -> None:
    scanner = Scanner.load(feed_home)
    result = scanner.scan({"id": 7, "surface": "chat", "text": "go to hxxp://12bet[.]com/reg now"})
    wire = result.to_dict()
    assert wire["id"] == "7"
    assert wire["verdict"] == "act"
    (entity,) = wire["entities"]
    assert entity["kind"] == "url"
    assert entity["registrable_domain"] == "12bet.com"
    assert entity["sources"] == ["feed:test-gambling"]
    assert wire["violations"][0]["category"] == "gambling"


def test_unlisted_link_is_allowed(feed_home: Path) -> None:
    result = Scanner.load(feed_home).scan({"id": "u", "text": "docs at https://example.org/a"})
    assert result.verdict == "allow"
    assert result.entities[0].kind == "url"
    assert result.violations == []
