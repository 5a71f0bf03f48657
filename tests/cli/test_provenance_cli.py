"""``bastion scan`` and ``bastion explain --image`` show what pictures declare about their making
and the label a declared AI picture gets (never a removal)."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from bastion.cli import app
from tests.extract.images import provenance_files as files

runner = CliRunner()


def test_explain_shows_the_manifest_claims_and_the_label(home: Path, tmp_path: Path) -> None:
    signed = tmp_path / "ai.png"
    signed.write_bytes(files.signed(files.picture()))
    declared = tmp_path / "xmp.jpg"
    declared.write_bytes(files.with_xmp(files.xmp_packet("compositeSynthetic")))
    args = ["explain", "--no-feeds", "--image", str(signed), "--image", str(declared)]
    outcome = runner.invoke(app, args, env={"COLUMNS": "250"})
    assert outcome.exit_code == 0, outcome.output
    text = outcome.output
    assert "provenance (what each picture declares about its making)" in text
    for shown in (
        "c2pa.created trainedAlgorithmicMedia by DreamGen Model 5",
        "DreamGen 2.1",
        files.SIGNER_ORG,
        "Valid (signingCredential.untrusted)",
        "compositeSynthetic",
        "unsigned",
        "media.ai_unlabelled",
        "image:0:provenance, image:1:provenance",
        "verdict: label",
    ):
        assert shown in text, shown
    labelled = runner.invoke(app, [*args, "--ai-label"], env={"COLUMNS": "250"})
    assert "verdict: allow" in labelled.output
    as_json = json.loads(runner.invoke(app, [*args, "--json"]).output)
    assert as_json["verdict"] == "label"
    claim = as_json["images"][0]["provenance"][0]
    assert (claim["source"], claim["ai_generated"], claim["validation"]) == ("c2pa", True, "Valid")
    assert as_json["violations"][0]["outcome"] == "label"


def test_explain_says_so_when_a_record_cannot_be_read(home: Path, tmp_path: Path) -> None:
    broken = tmp_path / "broken.png"
    broken.write_bytes(files.corrupt_manifest(files.signed(files.picture())))
    outcome = runner.invoke(
        app, ["explain", "--no-feeds", "--image", str(broken)], env={"COLUMNS": "250"}
    )
    assert outcome.exit_code == 0, outcome.output
    assert "unreadable" in outcome.output and "C2PA manifest could not be read" in outcome.output
    assert "verdict: review" in outcome.output


def test_scan_records_provenance_and_counts_label_verdicts(home: Path, tmp_path: Path) -> None:
    (tmp_path / "ai.png").write_bytes(files.signed(files.picture()))
    (tmp_path / "plain.png").write_bytes(files.picture())
    lines = [
        {"id": "a", "surface": "post", "images": ["ai.png"]},
        {"id": "b", "surface": "post", "images": ["ai.png"], "meta": {"ai_label": True}},
        {"id": "c", "surface": "post", "images": ["plain.png"]},
    ]
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join(json.dumps(line) for line in lines) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    outcome = runner.invoke(
        app, ["scan", "--no-feeds", str(source), "--out", str(out)], env={"COLUMNS": "200"}
    )
    assert outcome.exit_code == 0, outcome.output
    a, b, c = (json.loads(line) for line in out.read_text(encoding="utf-8").splitlines())
    assert [r["verdict"] for r in (a, b, c)] == ["label", "allow", "allow"]
    assert a["images"][0]["provenance"][0]["signer"] == files.SIGNER_ORG
    assert a["violations"][0]["origins"] == ["image:0:provenance"]
    assert "provenance" not in c["images"][0]
    assert "verdict label" in outcome.output
    assert "images declared AI-generated" in outcome.output
