"""``bastion clusters`` and ``bastion topics import``: files written whole or not at all, and
every mistake one ``error:`` line."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from bastion.cli import app
from bastion.detect.near_duplicates import DIRECTORY, INDEX_FILE, TOPICS_FILE

runner = CliRunner()
FARM = "今天下午约14点，宁波妇儿医院，一妇女携带一婴儿在住院楼跳楼，后抢救无效死亡。"


def posts_file(tmp_path: Path) -> Path:
    rows = [
        {"id": "a", "text": FARM, "account_id": "u1"},
        {"id": "b", "text": "#热门# " + FARM + "😭", "account_id": "u2"},
        {"id": "c", "text": FARM.replace("，", " "), "account_id": "u3"},
        {"id": "d", "text": "明天上午十点在市图书馆举办读书分享会。", "account_id": "u4"},
    ]
    path = tmp_path / "posts.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    return path


def test_clusters_writes_the_file_and_the_index(tmp_path: Path) -> None:
    out, home = tmp_path / "clusters.jsonl", tmp_path / "home"
    result = runner.invoke(
        app,
        ["clusters", "--in", str(posts_file(tmp_path)), "--out", str(out), "--index",
         "--home", str(home)],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "4 posts: 1 clusters holding 3 posts" in result.output
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [line["members"] for line in lines] == [["a", "b", "c"]]
    assert (home / DIRECTORY / INDEX_FILE).is_file()
    assert "indexed 1 farm clusters" in result.output


def test_clusters_bad_input_is_one_error_line_and_keeps_the_old_output(tmp_path: Path) -> None:
    posts, out = tmp_path / "posts.jsonl", tmp_path / "clusters.jsonl"
    out.write_text("old\n", encoding="utf-8")
    posts.write_text('{"id": "a", "text": "fine text here"}\n{"id": 5.5}\n', encoding="utf-8")
    result = runner.invoke(app, ["clusters", "--in", str(posts), "--out", str(out)])
    assert result.exit_code == 1
    assert result.output.startswith("error:") and "line 2" in result.output
    assert out.read_text(encoding="utf-8") == "old\n"


def test_clusters_needs_something_to_do(tmp_path: Path) -> None:
    result = runner.invoke(app, ["clusters", "--in", str(posts_file(tmp_path))])
    assert result.exit_code == 1 and "nothing to do" in result.output


def test_topics_import_replaces_or_keeps_the_topics(tmp_path: Path) -> None:
    source, home = tmp_path / "topics.txt", tmp_path / "home"
    source.write_text("#宁波妇儿医院#\nworld cup final\n", encoding="utf-8")
    result = runner.invoke(app, ["topics", "import", str(source), "--home", str(home)])
    assert result.exit_code == 0 and "imported 2 trending topics" in result.output
    before = (home / DIRECTORY / TOPICS_FILE).read_bytes()
    source.write_text("ok topic here\nx\n", encoding="utf-8")
    result = runner.invoke(app, ["topics", "import", str(source), "--home", str(home)])
    assert result.exit_code == 1 and "line 2" in result.output
    assert (home / DIRECTORY / TOPICS_FILE).read_bytes() == before
