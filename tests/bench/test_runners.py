"""Smoke tests of the false-positive and throughput benchmarks on a few real messages."""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from bench import common, throughput
from bench.false_positives import clean_sets, measure
from bench.throughput import best_rate, message_mix
from bench.throughput import measure as measure_speed

EXAMPLE_FEEDS = Path(__file__).resolve().parents[2] / "examples" / "feeds"


@pytest.fixture(scope="module")
def scanner(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """A real scanner over the bundled sample feed."""
    from bastion.intel.feeds import import_feeds

    home = tmp_path_factory.mktemp("bench-home")
    import_feeds(home, EXAMPLE_FEEDS, category="from-file", source="sample")
    return common.load_scanner(home)


def test_message_mix_is_fixed_and_mixed(shared_data: Path) -> None:
    mix = message_mix(shared_data, 3000)
    assert mix == message_mix(shared_data, 3000)
    assert len(mix) == 3000 and all(mix)
    assert sum(any("\u4e00" <= c <= "\u9fff" for c in t) for t in mix) > 300
    assert sum(t.isascii() for t in mix) > 300


def test_best_rate_takes_the_fastest_pass_after_a_warm_up(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """On a simulated clock (passes take 0.05, 0.01, 0.03 s after a warm-up), so the machine's
    load cannot reorder them."""
    clock = [100.0]
    monkeypatch.setattr(throughput, "time", SimpleNamespace(perf_counter=lambda: clock[0]))
    pauses = iter([7.0, 0.05, 0.01, 0.03])

    def one_pass() -> None:
        clock[0] += next(pauses)

    rate, timings = best_rate(one_pass, 1000, 3)
    assert timings == [0.05, 0.01, 0.03]
    assert rate == pytest.approx(1000 / 0.01)


def test_clean_sets_hold_only_benign_labels(shared_data: Path) -> None:
    sets = clean_sets(shared_data, 50)
    assert set(sets) == {"sms_ham", "weibo_comments", "telecom_normal"}
    spam = {t for label, t in common.sms(shared_data) if label == "spam"}
    assert not spam & set(sets["sms_ham"][1])
    assert len(sets["weibo_comments"][1]) == 50


def test_false_positive_measure_counts_and_lists_offenders(scanner: Any) -> None:
    texts = ["see you at 7:30", "", "官网 188bet。com 注册送彩金", "ok lar"]
    result = measure(scanner, "chat", texts)
    assert result["messages"] == 3
    flagged = result["act"] + result["review"]
    assert flagged == len(result["offenders"]) == 1
    offender = result["offenders"][0]
    assert offender["index"] == 2
    assert any(e["value"].endswith("188bet.com") for e in offender["entities"])
    assert result["bar_met"] is False
    assert result["rules"] == {"link.listed": 1}
    assert offender["signals"] and offender["signals"][0].startswith("reputation: ")


def test_throughput_measure_reports_rates(scanner: Any, shared_data: Path) -> None:
    result = measure_speed(scanner, message_mix(shared_data, 300), repeats=1, urlextract_sample=30)
    assert result["messages"] == 300 and result["urlextract_sample"] == 30
    for key in ("bastion_msg_per_s", "linkify_msg_per_s", "urlextract_msg_per_s"):
        assert result[key] > 0
    assert result["vs_linkify"] == pytest.approx(
        result["bastion_msg_per_s"] / result["linkify_msg_per_s"], rel=0.01
    )
    assert result["bastion_latency"]["p50_us"] <= result["bastion_latency"]["p99_us"]


def test_run_all_runs_each_benchmark_and_reports_absent_ones(
    shared_data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bench import run_all

    monkeypatch.setattr(common, "RESULTS_DIR", tmp_path)
    outcome = run_all.run(("obfuscation_suite", "not_a_benchmark"), tmp_path, shared_data)
    assert outcome["obfuscation_suite"]["status"] == "ok"
    assert outcome["not_a_benchmark"] == {"status": "absent"}
    summary = json.loads((tmp_path / "obfuscation_suite.json").read_text(encoding="utf-8"))
    assert summary["cases"] > 10_000 and "emoji_separator" in summary["tricks"]


def test_scan_stages_times_every_stage_and_pass(scanner: Any) -> None:
    """Each stage gets a figure, and every registered pass a row; timing leaves the unmasker as
    it was (the scan after it equals the scan before)."""
    from bastion.model import Item
    from bench import scan_stages

    texts = ["官网 bet888[.]c0m 注册", "visit bet888 dot com", "bob [at] gmail dot com", "hi"]
    before = [scanner.scan(Item(id="x", text=t)) for t in texts]
    stages = scan_stages.stage_times(scanner, texts, 1)
    assert set(stages) == {"precheck", "unmask", "extract", "decide", "scan"}
    passes = scan_stages.pass_times(scanner, texts)
    assert passes["defang"]["calls"] >= 1 and passes["spelled_dot"]["changed"] >= 1
    assert [scanner.scan(Item(id="x", text=t)) for t in texts] == before


def test_path_counts_say_how_far_scans_went(scanner: Any, shared_data: Path) -> None:
    texts = ["see you at 7:30", "官网 188bet。com 注册送彩金", "DM me for legal advice", "ok"]
    counts = throughput.path_counts(scanner, texts)
    assert counts["precheck_hit_pct"] >= counts["entities_pct"] == 25.0
    assert counts["gate_wants_pct"]["credentials"] == 25.0
    assert "reputation" in counts["skipped_gate_detectors"]
    assert "credentials" in counts["gated_detectors"]
    clean = throughput.clean_messages(shared_data, 3000)
    spam = {t for label, t in common.sms(shared_data) if label == "spam"}
    assert clean and set(clean) <= set(message_mix(shared_data, 3000)) and not spam & set(clean)


def test_scan_cpu_gives_a_median_and_a_fastest_pass(scanner: Any) -> None:
    from bench import scan_cpu

    figures = scan_cpu.cpu_us(scanner, ["see you at 7:30", "官网 188bet。com 注册", "ok"], 3)
    assert set(figures) == {"median_us", "min_us"}
    assert 0 < figures["min_us"] <= figures["median_us"]
