"""``bastion scan`` and ``bastion explain --image`` read images at the edge and report them."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from bastion.cli import app
from tests.extract.images import pictures, text_pictures

runner = CliRunner()
LISTED = "https://bet888.com/reg?c=1"


def _home(home: Path) -> Path:
    feed = home / "gambling.txt"
    feed.write_text("bet888.com\n", encoding="utf-8")
    outcome = runner.invoke(
        app, ["feeds", "import", str(feed), "--category", "gambling", "--source", "t"]
    )
    assert outcome.exit_code == 0, outcome.output
    return home


def test_scan_reads_images_beside_the_input_and_keeps_going(home: Path, tmp_path: Path) -> None:
    _home(home)
    folder = tmp_path / "batch"
    (folder / "img").mkdir(parents=True)
    (folder / "img" / "avatar.png").write_bytes(pictures.encode(pictures.qr(LISTED)))
    (folder / "img" / "broken.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 30)
    lines = [
        {"id": "a", "surface": "avatar", "images": ["img/avatar.png"]},
        {"id": "b", "text": "官网 bet888。com", "images": ["img/broken.png", "img/none.png"]},
        {"id": "c", "text": "see you at five"},
    ]
    source = folder / "in.jsonl"
    source.write_text("\n".join(json.dumps(line) for line in lines) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    outcome = runner.invoke(app, ["scan", str(source), "--out", str(out)], env={"COLUMNS": "200"})
    assert outcome.exit_code == 0, outcome.output
    a, b, c = (json.loads(line) for line in out.read_text(encoding="utf-8").splitlines())
    assert a["verdict"] == "act"
    [entity] = a["entities"]
    assert (entity["origin"], entity["registrable_domain"]) == ("image:0:qr", "bet888.com")
    assert a["images"][0]["codes"][0]["text"] == LISTED
    assert b["verdict"] == "act"
    assert "corrupt or truncated" in b["images"][0]["error"]
    assert "cannot read image file" in b["images"][1]["error"]
    assert "images" not in c
    assert "images read" in outcome.output


def test_explain_image_shows_payload_box_and_unmasking(home: Path, tmp_path: Path) -> None:
    _home(home)
    image = tmp_path / "poster.png"
    image.write_bytes(pictures.encode(pictures.qr("官网 bet888点com 注册送彩金")))
    outcome = runner.invoke(app, ["explain", "--image", str(image)], env={"COLUMNS": "250"})
    assert outcome.exit_code == 0, outcome.output
    assert "decoded from images" in outcome.output
    assert "bet888点com" in outcome.output and "bet888.com" in outcome.output
    assert "image:0:qr" in outcome.output
    assert "verdict: act" in outcome.output
    as_json = runner.invoke(app, ["explain", "--image", str(image), "--json"])
    record = json.loads(as_json.output)
    assert record["entities"][0]["box"] == record["images"][0]["codes"][0]["box"]


def test_explain_needs_text_or_image(home: Path) -> None:
    _home(home)
    outcome = runner.invoke(app, ["explain"])
    assert outcome.exit_code == 2


def test_explain_shows_ocr_lines_and_no_ocr_switches_them_off(home: Path, tmp_path: Path) -> None:
    _home(home)
    image = tmp_path / "poster.png"
    picture = text_pictures.text_picture(["Visit bet888.com today", "Free spins"])
    image.write_bytes(pictures.encode(picture))
    outcome = runner.invoke(app, ["explain", "--image", str(image)], env={"COLUMNS": "250"})
    assert outcome.exit_code == 0, outcome.output
    assert "image:0:ocr" in outcome.output and "verdict: act" in outcome.output
    off = runner.invoke(app, ["explain", "--no-ocr", "--image", str(image), "--json"])
    record = json.loads(off.output)
    assert record["verdict"] == "allow" and not record["images"][0].get("codes")
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"id": "p", "images": ["poster.png"]}) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    for flags, verdict in (([], "act"), (["--no-ocr"], "allow")):
        done = runner.invoke(app, ["scan", str(source), "--out", str(out), *flags])
        assert done.exit_code == 0, done.output
        assert json.loads(out.read_text(encoding="utf-8"))["verdict"] == verdict
