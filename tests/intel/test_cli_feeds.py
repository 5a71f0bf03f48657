"""``bastion feeds`` through Typer's CliRunner: import, list, lookup, remove, errors."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from bastion.cli.feeds import feeds_app
from tests.support.loopback import LoopbackReceiver

runner = CliRunner()


def test_import_list_lookup(home: Path, shared_data: Path) -> None:
    gambling = shared_data / "sinfonietta-hostfiles" / "gambling.txt"
    result = runner.invoke(feeds_app, ["import", str(gambling), "--category", "gambling"])
    assert result.exit_code == 0, result.output
    assert "imported gambling/gambling (domains)" in result.output
    assert "1,849 entries" in result.output
    assert "index " in result.output and "host keys" in result.output
    porn = shared_data / "v2fly-domain-list-community" / "category-porn.tsv"
    result = runner.invoke(
        feeds_app, ["import", str(porn), "-c", "porn", "-s", "v2fly", "--format", "v2fly"]
    )
    assert result.exit_code == 0, result.output
    assert "regexp 90" in result.output
    listing = runner.invoke(feeds_app, ["list"])
    assert listing.exit_code == 0, listing.output
    for text in ("gambling", "v2fly", "porn", "domain 1,849", "current index"):
        assert text in listing.output
    as_json = json.loads(runner.invoke(feeds_app, ["list", "--json"]).output)
    assert {(m["source"], m["category"]) for m in as_json} == {
        ("gambling", "gambling"),
        ("v2fly", "porn"),
    }
    assert as_json[0]["sha256"] and as_json[0]["imported_at"]
    first = gambling.read_text().split()[0]
    lookup = runner.invoke(
        feeds_app, ["lookup", f"www.{first}", "example.org", f"http://{first}/x"]
    )
    assert lookup.exit_code == 0, lookup.output
    lines = lookup.output.splitlines()
    host, categories, matched, sources = lines[0].split("\t")
    assert host == f"www.{first}" and "gambling" in categories.split(",")
    assert matched == f"domain:{first}" and "feed:gambling" in sources.split(",")
    assert lines[1] == "example.org\tnot listed"
    assert "gambling" in lines[2]


def test_bad_file_exits_nonzero_with_line_numbers(home: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text("# only junk\nnot a domain\nfoo..bar\n")
    result = runner.invoke(feeds_app, ["import", str(bad), "--category", "scam"])
    assert result.exit_code == 1
    assert "no valid domains entries" in result.output
    assert "line 2:" in result.output and "line 3:" in result.output
    assert not (home / "feeds").exists()


def test_partially_bad_file_reports_skipped_lines(home: Path, tmp_path: Path) -> None:
    feed = tmp_path / "mixed.txt"
    feed.write_text("bet888.com\nnot a domain\nbet999.com\n-bad-.com\n")
    result = runner.invoke(feeds_app, ["import", str(feed), "-c", "gambling"])
    assert result.exit_code == 0, result.output
    assert "skipped 2 bad lines" in result.output
    assert "line 2: more than one token" in result.output
    assert "line 4:" in result.output


def test_directory_from_file_and_remove(home: Path, tmp_path: Path) -> None:
    folder = tmp_path / "examples"
    folder.mkdir()
    (folder / "gambling.txt").write_text("bet888.com\n")
    (folder / "scam.txt").write_text("0.0.0.0 scam-shop.example\n")
    result = runner.invoke(
        feeds_app, ["import", str(folder), "--category", "from-file", "--source", "sample"]
    )
    assert result.exit_code == 0, result.output
    assert "sample/gambling (domains)" in result.output
    assert "sample/scam (hosts)" in result.output
    removed = runner.invoke(feeds_app, ["remove", "sample", "--category", "scam"])
    assert removed.exit_code == 0, removed.output
    lookup = runner.invoke(feeds_app, ["lookup", "scam-shop.example", "bet888.com"])
    assert lookup.output.splitlines()[0] == "scam-shop.example\tnot listed"
    assert "gambling" in lookup.output.splitlines()[1]
    missing = runner.invoke(feeds_app, ["remove", "nope"])
    assert missing.exit_code == 1 and "no stored feed nope" in missing.output


def test_usage_errors(home: Path, tmp_path: Path) -> None:
    result = runner.invoke(feeds_app, ["import", str(tmp_path / "none.txt"), "-c", "scam"])
    assert result.exit_code == 1 and "no such file" in result.output
    feed = tmp_path / "f.txt"
    feed.write_text("bet888.com\n")
    result = runner.invoke(feeds_app, ["import", str(feed), "-c", "scam", "--format", "xml"])
    assert result.exit_code == 1 and "unknown format 'xml'" in result.output
    result = runner.invoke(feeds_app, ["import", str(feed), "-c", "Bad Category"])
    assert result.exit_code == 1 and "invalid category" in result.output
    assert runner.invoke(feeds_app, ["lookup", "x.com"]).exit_code == 1
    assert "no feeds imported" in runner.invoke(feeds_app, ["list"]).output


def test_import_url_needs_allow_private(home: Path, loopback_receiver: LoopbackReceiver) -> None:
    url = loopback_receiver.serve("/scam.txt", b"scam-shop.example\n")
    refused = runner.invoke(feeds_app, ["import", url, "-c", "scam"])
    assert refused.exit_code == 1 and "non-public address" in refused.output
    result = runner.invoke(feeds_app, ["import", url, "-c", "scam", "--allow-private"])
    assert result.exit_code == 0, result.output
    assert f"from {url}" in result.output
