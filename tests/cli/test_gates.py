"""``python -m bastion.cli.gates``: a failed or partial build says so and exits non-zero."""

from __future__ import annotations

import pytest
import typer

from bastion.cli import gates


def _fake(reports: dict[str, dict[str, object] | Exception]) -> object:
    def warm(engine: str) -> dict[str, object]:
        report = reports[engine]
        if isinstance(report, Exception):
            raise report
        return report

    return warm


def test_a_build_that_leaves_sets_on_re2_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    fake = _fake({"hyperscan": {"engine": "hyperscan"}, "auto": {"engine": "auto", "on_re2": 2}})
    monkeypatch.setattr(gates, "_warm", fake)
    with pytest.raises(typer.Exit) as raised:
        gates.build_command()
    assert raised.value.exit_code == 1


def test_a_crashed_warm_up_is_one_line_and_exit_1(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(gates, "_warm", _fake({"hyperscan": RuntimeError("MemoryError")}))
    with pytest.raises(typer.Exit) as raised:
        gates.build_command()
    assert raised.value.exit_code == 1
    assert capsys.readouterr().err.strip() == "gates build failed: MemoryError"


def test_without_hyperscan_the_gates_stay_on_re2(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(gates, "_warm", _fake({"hyperscan": {"engine": "re2"}}))
    gates.build_command()
    assert "stay on RE2" in capsys.readouterr().err


def test_the_warm_up_runs_in_a_child_that_reports_its_engine() -> None:
    report = gates._warm("re2")
    assert report == {"engine": "re2", "on_re2": 0}
