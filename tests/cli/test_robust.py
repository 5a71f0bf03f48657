"""Nothing fails open, no line stops a run, every error is one clear line.

Most cases run the Typer app in process (``invoke``); a few run the installed ``bastion`` script
in a real subprocess (``run_cli``), so what an operator sees is checked too: the exit status,
stderr, and no traceback.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path
from typing import NamedTuple

import pytest
from typer.testing import CliRunner

from bastion import Scanner
from bastion.cli import app
from bastion.cli.scan import parse_line
from bastion.intel import MissingIndexError
from bastion.model import InputError
from tests.store import conftest as _store_fixtures

pg_database_url = _store_fixtures.pg_database_url
pg_schema_url = _store_fixtures.pg_schema_url
runner = CliRunner()
BASTION = Path(sys.executable).with_name("bastion")
LISTED = "casino-listed-host.com"
MARKUP = "[a-z0-9-]{0,63}"


class Run(NamedTuple):
    returncode: int
    stdout: str
    stderr: str


def run_cli(*args: str, env: dict[str, str] | None = None) -> Run:
    """The installed script in a subprocess, with no BASTION_* variable but those in ``env``."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith("BASTION_")}
    done = subprocess.run(
        [str(BASTION), *args],
        env={**clean, "COLUMNS": "200", **(env or {})},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    return Run(done.returncode, done.stdout, done.stderr)


def invoke(*args: str, env: dict[str, str] | None = None) -> Run:
    """The Typer app in process, like ``run_cli``; an uncaught exception fails the test."""
    unset: dict[str, str | None] = {k: None for k in os.environ if k.startswith("BASTION_")}
    result = runner.invoke(app, list(args), env={**unset, "COLUMNS": "200", **(env or {})})
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError(f"uncaught {result.exception!r}") from result.exception
    return Run(result.exit_code, result.stdout, result.stderr)


def one_error_line(result: Run, *needles: str) -> str:
    """The run failed with exactly one ``error:`` line on stderr holding every needle."""
    assert result.returncode != 0, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("error: "), lines
    for needle in needles:
        assert needle in lines[0], (needle, lines[0])
    return lines[0]


@pytest.fixture
def feed_home(home: Path, tmp_path: Path) -> Path:
    """``home`` (also $BASTION_HOME) with one listed gambling host."""
    feed = tmp_path / "gambling.txt"
    feed.write_text(f"{LISTED}\n", encoding="utf-8")
    result = runner.invoke(
        app, ["feeds", "import", str(feed), "-c", "gambling", "-f", "domains", "-s", "t"]
    )
    assert result.exit_code == 0, result.output
    return home


def jsonl(path: Path, *lines: bytes) -> Path:
    path.write_bytes(b"\n".join(lines) + b"\n")
    return path


def rec(**fields: object) -> bytes:
    return json.dumps(fields, ensure_ascii=False).encode()


# --- nothing fails open ---------------------------------------------------------------------


def test_scanner_load_refuses_a_home_without_an_index(tmp_path: Path) -> None:
    with pytest.raises(MissingIndexError, match="no compiled intel index under"):
        Scanner.load(tmp_path / "typo")
    empty = Scanner.load(tmp_path / "typo", no_feeds=True)
    assert empty.index.version == "empty"
    assert not (tmp_path / "typo").exists()


def test_no_feeds_ignores_an_existing_index(feed_home: Path) -> None:
    item = {"id": "1", "text": f"play at {LISTED}"}
    assert Scanner.load(feed_home).scan(item).verdict == "act"
    assert Scanner.load(feed_home, no_feeds=True).scan(item).verdict == "allow"


@pytest.mark.parametrize(
    "argv",
    [
        ["scan", "{input}"],
        ["explain", f"see {LISTED}"],
        ["serve", "--port", "9"],
    ],
)
def test_scan_explain_serve_refuse_a_home_without_an_index(tmp_path: Path, argv: list[str]) -> None:
    source = jsonl(tmp_path / "in.jsonl", rec(id="1", text=f"see {LISTED}"))
    typo = tmp_path / "typo-home"
    args = [a.replace("{input}", str(source)) for a in argv]
    run = run_cli if argv[0] == "scan" else invoke
    result = run(*args, "--home", str(typo))
    one_error_line(result, "no compiled intel index under", str(typo), "--no-feeds")
    assert result.stdout == ""
    assert not typo.exists()


@pytest.mark.slow
def test_no_feeds_scans_and_says_so(tmp_path: Path) -> None:
    source = jsonl(tmp_path / "in.jsonl", rec(id="1", text=f"see {LISTED}"))
    result = run_cli("scan", str(source), "--home", str(tmp_path / "new"), "--no-feeds")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["verdict"] == "allow"
    assert "none (--no-feeds)" in result.stderr
    assert "scanned with --no-feeds" in result.stderr
    explained = invoke("explain", f"see {LISTED}", "--home", str(tmp_path), "--no-feeds")
    assert explained.returncode == 0, explained.stderr
    assert "intel index: none (--no-feeds)" in explained.stdout


@pytest.mark.parametrize(
    "argv",
    [
        ["audit", "verify"],
        ["report", "--from", "2026-01-01", "--to", "2026-01-31"],
        ["tenants", "list"],
    ],
)
def test_read_only_commands_never_create_a_store(tmp_path: Path, argv: list[str]) -> None:
    typo = tmp_path / "typo-home"
    one_error_line(invoke(*argv, "--home", str(typo)), "no Bastion store at", str(typo))
    assert not typo.exists()
    existing = tmp_path / "existing"
    existing.mkdir()
    one_error_line(invoke(*argv, "--home", str(existing)), "no Bastion store at")
    assert list(existing.iterdir()) == []


@pytest.mark.postgres
def test_read_only_commands_do_not_create_tables_in_an_empty_database(
    pg_schema_url: str, tmp_path: Path
) -> None:
    env = {"BASTION_DATABASE_URL": pg_schema_url}
    result = invoke("audit", "verify", "--home", str(tmp_path), env=env)
    one_error_line(result, "holds no Bastion store")
    made = invoke("tenants", "create", "Acme", "--home", str(tmp_path), env=env)
    assert made.returncode == 0, made.stderr
    assert invoke("audit", "verify", "--home", str(tmp_path), env=env).stdout.startswith("ok: ")


# --- a database that is down --------------------------------------------------------------


@pytest.fixture
def closed_port() -> int:
    """A loopback TCP port nothing listens on (bound, then released without listen())."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.mark.parametrize(
    "argv",
    [
        ["tenants", "list"],
        ["tenants", "create", "Acme"],
        ["tenants", "key", "acme"],
        ["report", "--from", "2026-01-01", "--to", "2026-01-31"],
        ["audit", "verify"],
        ["serve", "--port", "9"],
    ],
)
def test_a_database_that_is_down_is_one_line(
    feed_home: Path, closed_port: int, argv: list[str]
) -> None:
    url = f"postgresql://bastion:secret@127.0.0.1:{closed_port}/bastion"
    run = run_cli if argv[0] == "serve" else invoke
    result = run(*argv, "--home", str(feed_home), env={"BASTION_DATABASE_URL": url})
    line = one_error_line(result, "cannot open the store", f"127.0.0.1:{closed_port}")
    assert "OperationalError" in line and "secret" not in line


# --- no line stops a run --------------------------------------------------------------------


def test_a_line_nested_3000_deep_is_that_lines_error(feed_home: Path, tmp_path: Path) -> None:
    deep = b'{"id": "deep", "text": "x", "meta": {"a": ' + b"[" * 3000 + b"]" * 3000 + b"}}"
    source = jsonl(
        tmp_path / "in.jsonl",
        rec(id="1", text="hi"),
        deep,
        rec(id="3", text=f"see {LISTED}"),
    )
    result = run_cli("scan", str(source), "--home", str(feed_home))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and "RecursionError" not in result.stderr
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(out) == 3
    assert out[1] == {"id": None, "line": 2, "error": "invalid JSON: nested too deeply"}
    assert out[2]["id"] == "3" and out[2]["verdict"] == "act"
    assert "line 2: invalid JSON: nested too deeply" in result.stderr


@pytest.mark.parametrize("where", ["missing-dir/out.jsonl", "is-a-dir", "readonly/out.jsonl"])
def test_an_unwritable_out_is_one_line_and_nothing_is_scanned(
    feed_home: Path, tmp_path: Path, where: str
) -> None:
    (tmp_path / "is-a-dir").mkdir()
    readonly = tmp_path / "readonly"
    readonly.mkdir()
    readonly.chmod(0o500)
    source = jsonl(tmp_path / "in.jsonl", rec(id="1", text="hi"))
    try:
        if where.startswith("readonly") and os.access(readonly, os.W_OK):
            pytest.skip("running as a user who can write anywhere (root)")
        out = str(tmp_path / where)
        run = run_cli if where == "is-a-dir" else invoke
        result = run("scan", str(source), "--out", out, "--home", str(feed_home))
    finally:
        readonly.chmod(0o700)
    one_error_line(result, "cannot write", where)
    assert "items/s" not in result.stdout + result.stderr


def test_output_line_n_answers_input_line_n_with_blank_lines(
    feed_home: Path, tmp_path: Path
) -> None:
    source = jsonl(
        tmp_path / "in.jsonl",
        rec(id="a", text="hi"),
        b"",
        rec(id="b", text=f"see {LISTED}"),
        b"   \t\r",
        rec(id="c", text="bye"),
    )
    result = runner.invoke(app, ["scan", str(source)])
    assert result.exit_code == 0, result.stderr
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(out) == 5
    assert [r.get("id") for r in out] == ["a", None, "b", None, "c"]
    assert out[1] == {"id": None, "line": 2, "skipped": "blank line"}
    assert out[3] == {"id": None, "line": 4, "skipped": "blank line"}
    assert out[2]["verdict"] == "act"
    assert "blank lines (skipped)" in result.stderr
    as_csv = runner.invoke(app, ["scan", str(source), "--format", "csv"])
    rows = as_csv.stdout.splitlines()
    assert len(rows) == 1 + 5
    assert rows[2].endswith("line 2: skipped: blank line") and rows[3].startswith("b,act")


def test_a_byte_order_mark_on_line_one_is_accepted(feed_home: Path, tmp_path: Path) -> None:
    source = jsonl(
        tmp_path / "in.jsonl",
        b"\xef\xbb\xbf" + rec(id="1", text=f"see {LISTED}"),
        b"\xef\xbb\xbf" + rec(id="2", text="a BOM inside the file is still an error"),
    )
    result = runner.invoke(app, ["scan", str(source)])
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert out[0]["id"] == "1" and out[0]["verdict"] == "act"
    assert out[1]["line"] == 2 and "invalid JSON" in out[1]["error"]


def test_markup_in_error_messages_is_shown_not_swallowed(feed_home: Path, tmp_path: Path) -> None:
    source = jsonl(tmp_path / "in.jsonl", rec(id="1", text="hi", surface=MARKUP))
    result = invoke("scan", str(source), "--home", str(feed_home))
    assert result.returncode == 1
    assert MARKUP in result.stderr, result.stderr
    explained = invoke("explain", f"[bold]see[/bold] {LISTED} {MARKUP}", "--home", str(feed_home))
    assert explained.returncode == 0, explained.stderr
    assert f"[bold]see[/bold] {LISTED} {MARKUP}" in explained.stdout
    missing = invoke("tenants", "key", MARKUP, "--home", str(feed_home))
    one_error_line(missing, MARKUP)
    listed = invoke("feeds", "remove", MARKUP, "--home", str(feed_home))
    one_error_line(listed, MARKUP)


def test_a_policy_that_does_not_load_is_one_line(feed_home: Path, tmp_path: Path) -> None:
    policy = tmp_path / "p.yaml"
    policy.write_text("rules: [[[\n", encoding="utf-8")
    result = invoke("explain", "hi", "--policy", str(policy), "--home", str(feed_home))
    one_error_line(result, str(policy))


def test_json_error_messages_read_once() -> None:
    with pytest.raises(InputError, match=r"^invalid JSON: Invalid control character at column 10$"):
        parse_line(b'{"id": "a\x01"}')
