"""``bastion entities import`` / ``list``: CSV and JSON Lines, one error line per problem with its
line number, nothing imported on any problem, the old registry kept, the packaged one by default."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bastion.cli import app
from bastion.entities import COMPILED, load_document
from tests.conftest import REPO

runner = CliRunner()


def invoke(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_a_csv_imports_and_lists(tmp_path: Path) -> None:
    source = tmp_path / "e.csv"
    source.write_text(
        "name,kind,aliases,verified_accounts\n"
        "中国军网,military,解放军报,81.cn|@chinamil\n"
        "Federal Bureau of Investigation,government,FBI,fbi.gov\n"
        "中国军网,military,军网,\n",
        encoding="utf-8",
    )
    code, out, _ = invoke("entities", "import", str(source), "--home", str(tmp_path))
    assert code == 0
    assert "imported 2 entities (government 1, military 1)" in out
    assert "1 duplicates merged" in out
    document = load_document(tmp_path)
    army = document["entries"][0]
    assert army["aliases"] == ["解放军报", "军网"]
    assert army["verified_accounts"] == ["81.cn", "@chinamil"]
    code, out, _ = invoke("entities", "list", "--home", str(tmp_path), "--kind", "military")
    assert code == 0 and "中国军网" in out and "Federal Bureau" not in out and "imported" in out
    code, out, _ = invoke("entities", "list", "--home", str(tmp_path), "--json")
    assert [json.loads(line)["name"] for line in out.splitlines()] == [
        "中国军网",
        "Federal Bureau of Investigation",
    ]


def test_json_lines_take_lists_or_bar_strings(tmp_path: Path) -> None:
    source = tmp_path / "e.jsonl"
    source.write_text(
        json.dumps({"name": "新华社", "kind": "news_media", "aliases": ["新华通讯社"]})
        + "\n\n"
        + json.dumps({"name": "CCTV", "kind": "news_media", "verified_accounts": "cctv|@cctv"})
        + "\n",
        encoding="utf-8",
    )
    code, _, _ = invoke("entities", "import", str(source), "--home", str(tmp_path))
    assert code == 0
    entries = load_document(tmp_path)["entries"]
    assert entries[1]["verified_accounts"] == ["cctv", "@cctv"]


@pytest.mark.parametrize(
    ("content", "suffix", "problems"),
    [
        (
            "name,kind\nA Real Name,army\n,military\nok name,official\n",
            ".csv",
            [
                "line 2: kind 'army' is not one of military, news_media, anchor, government, "
                "public_institution, official, brand",
                "line 3: 'name' is required",
            ],
        ),
        ("name,kind,colour\nX Y Z,brand,red\n", ".csv", ["line 2: unknown column 'colour'"]),
        ("title,kind\nX,brand\n", ".csv", ["line 1: header lacks 'name'"]),
        (
            '{"name": "X Y", "kind": "brand"}\n{"name": "Z\n[1, 2]\n',
            ".jsonl",
            ["line 2: invalid JSON", "line 3: a line must be a JSON object"],
        ),
        (
            '{"name": "Acme Corp", "kind": "brand", "logo": "missing.png"}\n',
            ".jsonl",
            ["line 1: logo", "missing.png", "cannot be read"],
        ),
        (
            '{"name": "Acme Corp", "kind": "brand", "verified_accounts": "a b"}\n',
            ".jsonl",
            ["line 1: verified account 'a b' holds a space"],
        ),
    ],
)
def test_every_problem_is_one_line_and_nothing_is_imported(
    tmp_path: Path, content: str, suffix: str, problems: list[str]
) -> None:
    good = tmp_path / "good.csv"
    good.write_text("name,kind\nFederal Bureau of Investigation,government\n", encoding="utf-8")
    assert invoke("entities", "import", str(good), "--home", str(tmp_path))[0] == 0
    before = (tmp_path / COMPILED).read_bytes()
    bad = tmp_path / f"bad{suffix}"
    bad.write_text(content, encoding="utf-8")
    code, _, err = invoke("entities", "import", str(bad), "--home", str(tmp_path))
    assert code == 1
    lines = [line for line in err.splitlines() if line.startswith("error:")]
    for problem in problems:
        assert any(problem in line for line in lines), (problem, err)
    assert all(line.startswith(f"error: {bad} line ") for line in lines)
    assert "nothing imported" in err
    assert (tmp_path / COMPILED).read_bytes() == before
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".entities-")]


def test_not_utf8_is_named_by_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_bytes(b"name,kind\nok one,brand\n\xff\xfe,brand\n")
    code, _, err = invoke("entities", "import", str(bad), "--home", str(tmp_path))
    assert code == 1 and f"{bad} line 3: not UTF-8" in err


def test_add_default_keeps_the_packaged_entries(tmp_path: Path) -> None:
    source = tmp_path / "e.csv"
    source.write_text("name,kind\n某某融媒体中心,news_media\n", encoding="utf-8")
    code, _, _ = invoke("entities", "import", str(source), "--add-default", "--home", str(tmp_path))
    assert code == 0
    names = {e["name"] for e in load_document(tmp_path)["entries"]}
    packaged = {e["name"] for e in load_document(tmp_path / "nowhere")["entries"]}
    assert names == packaged | {"某某融媒体中心"}


def test_list_shows_the_packaged_registry_of_an_empty_home(tmp_path: Path) -> None:
    code, out, _ = invoke("entities", "list", "--home", str(tmp_path))
    assert code == 0 and "packaged default" in out
    code, _, err = invoke("entities", "list", "--home", str(tmp_path), "--kind", "army")
    assert code == 1 and "kind 'army' is not one of" in err


def test_the_packaged_registry_is_built_from_the_licensed_data(shared_data: Path) -> None:
    """``python -m bench.build_entities --check``: the shipped file is what the sources give."""
    from bench.build_entities import OUT, build

    assert OUT == REPO / "src" / "bastion" / "data" / "entities_default.json.gz"
    assert OUT.read_bytes() == build(shared_data)
