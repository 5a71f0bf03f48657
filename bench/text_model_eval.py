"""Text-intent and URL model evaluation: ``python -m bench.text_model_eval [--data DIR]``.

Every figure is on rows the measured model never trained on (the fixed split of
``bench.train_text_model.parts`` / ``bench.train_url_model.parts``):

* shipped model + default policy, no feeds: harmful-vs-normal precision / recall on the held-out
  English SMS and Chinese telecom-fraud splits (the shipped model saw no telecom row at all);
  also the model's own best recall at precision >= 0.95 (threshold chosen on the test rows, so
  an upper bound, labelled as such);
* operator path (b): ``train_operator`` on the train splits of both sets, then macro-F1 on their
  test splits, and the same through ``Scanner.load`` of that home;
* false positives on clean real text: held-out SMS ham, YouTube ham, weibo posts and comments;
* throughput on one core (``uptime`` recorded beside it);
* URL model: ROC-AUC and precision at recall on held-out listed vs benign hosts, per category,
  and the share of Tranco top-100k hosts it would flag (Tranco: evaluation only).

Writes ``bench/results/text_model_eval.json``.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
import types
import unicodedata
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Final

import numpy as np
import numpy.typing as npt

from bastion import Scanner
from bastion.detect.base import DetectContext, Detector
from bastion.detect.hashed import HashedModel
from bastion.detect.linear import Doc, LinearModel
from bastion.detect.text_model import policy_with_model_on, shipped_model, text_doc
from bastion.detect.url_model import host_doc
from bastion.detect.url_model import shipped_model as url_model
from bastion.model import Item, Signal
from bastion.modeltrain import Example, evaluate, train_operator
from bench import train_text_model as texts
from bench import train_url_model as urls
from bench.common import REPO_ROOT, RESULTS_DIR, data_dir

WEIBO_COMMENTS = 5_000
SEED = 99
THRESHOLDS = (0.5, 0.6, 0.7, 0.8, 0.9)


def _prf(truth: np.ndarray, said: np.ndarray) -> dict[str, float]:
    tp, fp, fn = int((truth & said).sum()), int((~truth & said).sum()), int((truth & ~said).sum())
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return {
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(2 * precision * recall / (precision + recall), 4) if tp else 0.0,
        "tp": tp,
        "fp": fp,
        "fn": fn,
    }


def _best_recall(truth: np.ndarray, scores: np.ndarray, min_precision: float) -> dict[str, float]:
    """Highest recall at precision >= ``min_precision`` over all thresholds (an upper bound)."""
    order = np.argsort(-scores, kind="stable")
    hits = np.cumsum(truth[order])
    precision = hits / np.arange(1, len(order) + 1)
    ok = np.nonzero(precision >= min_precision)[0]
    if not len(ok):
        return {"recall": 0.0, "threshold": 1.0}
    last = ok[-1]
    return {
        "recall": round(float(hits[last] / max(truth.sum(), 1)), 4),
        "threshold": round(float(scores[order[last]]), 4),
    }


def _auc(truth: np.ndarray, scores: np.ndarray) -> float:
    ranks = np.argsort(np.argsort(scores, kind="stable"), kind="stable") + 1
    positives, negatives = int(truth.sum()), int((~truth).sum())
    if not positives or not negatives:
        return 0.0
    return round(
        float((ranks[truth].sum() - positives * (positives + 1) / 2) / (positives * negatives)), 4
    )


FRAUD_AND_SPAM: Final = frozenset(
    {"scam", "phishing", "malware", "gambling", "porn", "sexual_services", "diversion"}
)
"""The categories that count as "flagging fraud and spam" (the bar): a review for another
category (``unqualified_advice`` from the credentials detector, ``suspicious_link`` from the URL
model) is a verdict, counted in ``policy_no_feeds``, but no fraud or spam finding."""


def _verdicts(scanner: Scanner, rows: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """Per row: any verdict but allow; and a verdict with a fraud or spam category."""
    results = [
        scanner.scan({"id": str(i), "surface": "chat", "text": text}) for i, text in enumerate(rows)
    ]
    flagged = np.array([r.verdict != "allow" for r in results], dtype=bool)
    fraud = np.array(
        [
            r.verdict != "allow" and any(v.category in FRAUD_AND_SPAM for v in r.violations)
            for r in results
        ],
        dtype=bool,
    )
    return flagged, fraud


def _flagged(scanner: Scanner, rows: Sequence[str]) -> np.ndarray:
    return _verdicts(scanner, rows)[0]


def _shipped(
    scanner: Scanner, model: HashedModel, sets: dict[str, list[Example]]
) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, rows in sets.items():
        truth = np.array([bool(e.labels) for e in rows])
        scores = model.probabilities_many([text_doc(e.text) for e in rows]).max(axis=1)
        flagged, fraud = _verdicts(scanner, [e.text for e in rows])
        out[name] = {
            "rows": len(rows),
            "harmful": int(truth.sum()),
            "policy_no_feeds_fraud_or_spam": _prf(truth, fraud),
            "policy_no_feeds": _prf(truth, flagged),
            "model_at_emit_0.5": _prf(truth, scores >= 0.5),
            "best_recall_at_precision_0.95_upper_bound": _best_recall(truth, scores, 0.95),
            "model_by_threshold": {str(c): _prf(truth, scores >= c) for c in THRESHOLDS},
        }
    return out


def _weibo(root: Path) -> list[str]:
    folder = root / "weibo-rumor-ced"
    with (folder / "posts.jsonl").open(encoding="utf-8") as fh:
        posts = [json.loads(line)["text"] for line in fh if line.strip()]
    with gzip.open(folder / "reposts_comments.jsonl.gz", "rt", encoding="utf-8") as fh:
        comments = [json.loads(line)["text"] for line in fh]
    return posts + random.Random(SEED).sample(comments, WEIBO_COMMENTS)


def _false_positives(
    scanner: Scanner, model: HashedModel, clean: dict[str, list[str]]
) -> dict[str, Any]:
    out = {}
    for name, rows in clean.items():
        flagged, fraud = _verdicts(scanner, rows)
        scores = model.probabilities_many([text_doc(text) for text in rows]).max(axis=1)
        out[name] = {
            "model_rate_by_threshold": {
                str(c): round(float((scores >= c).mean()), 5) for c in THRESHOLDS
            },
            "rows": len(rows),
            "flagged": int(flagged.sum()),
            "rate": round(float(flagged.mean()), 5),
            "flagged_fraud_or_spam": int(fraud.sum()),
            "examples": [rows[i][:80] for i in np.nonzero(flagged)[0][:5]],
        }
    return out


def _operator(tests: dict[str, list[Example]], trains: dict[str, list[Example]]) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="bastion-textmodel-") as temp:
        home = Path(temp)
        data = home / "train.csv"
        with data.open("w", encoding="utf-8", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow(["text", "label"])
            for rows in trains.values():
                for e in rows:
                    writer.writerow([e.text, "|".join(sorted(e.labels)) or "normal"])
        started = time.perf_counter()
        model, _ = train_operator(data, home, seed=texts.SPLIT_SEED, test_fraction=0.0)
        seconds = time.perf_counter() - started
        (home / "policy.yaml").write_text(policy_with_model_on(), encoding="utf-8")
        scanner = Scanner.load(home, no_feeds=True)
        out: dict[str, Any] = {
            "train_rows": sum(map(len, trains.values())),
            "train_seconds": round(seconds, 1),
            "selection": model.meta.get("selection", {}),
        }
        for name, rows in tests.items():
            report = evaluate(model, [text_doc(e.text) for e in rows], [e.labels for e in rows])
            truth = np.array([bool(e.labels) for e in rows])
            out[name] = {
                **report.to_dict(),
                "policy_no_feeds": _prf(truth, _flagged(scanner, [e.text for e in rows])),
            }
        return out


class _Ungated:
    """The text model with its gate shut: what a scan costs when it runs only on items the
    finders already want (the scanner as it was before the model)."""

    def __init__(self, inner: Detector) -> None:
        self.inner, self.name, self.emits = inner, inner.name, inner.emits

    def gate(self, item: Item) -> bool:
        return False

    def detect(self, context: DetectContext) -> list[Signal]:
        return self.inner.detect(context)


def _rate(function: Callable[[str], object], rows: list[str]) -> dict[str, int]:
    wall, cpu = time.perf_counter(), time.process_time()
    for text in rows:
        function(text)
    return {
        "wall_per_s": round(len(rows) / (time.perf_counter() - wall)),
        "cpu_per_s": round(len(rows) / (time.process_time() - cpu)),
    }


PREVIOUS: Final = "ef3705b"
"""The commit whose text model (exact n-grams matched by Aho-Corasick, ``bastion.detect.linear``)
the throughput part measures as a peer, read from git history."""


def _previous_model() -> tuple[LinearModel, Callable[[str], Doc]] | None:
    """The previous text model and its featurizer (full NFKC, exact n-gram strings), or None
    outside a git checkout holding that commit."""
    try:
        data = subprocess.run(
            ["git", "show", f"{PREVIOUS}:src/bastion/data/text_model.npz"],
            cwd=REPO_ROOT,
            capture_output=True,
            check=True,
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        return None
    digit, long_number = re.compile(r"[1-9]"), re.compile(r"0{7,}")
    word = re.compile(r"[a-z0-9][a-z0-9']*")

    def doc(text: str) -> Doc:
        folded = text[:2000]
        if not unicodedata.is_normalized("NFKC", folded):
            folded = unicodedata.normalize("NFKC", folded)
        folded = digit.sub("0", " ".join(folded.lower().split())[:1000])
        if "000000" in folded:
            folded = long_number.sub("000000", folded)
        return Doc(folded, tuple(word.findall(folded)), 4, True, 1)

    return LinearModel.from_bytes(data, PREVIOUS), doc


PREVIOUS_HASHED: Final = "dbaea8d"
"""The commit whose hashed-model scorer (one document at a time, float32 sums) the batch
scorer replaced: its ``detect/hashed.py`` and ``detect/text_model.py`` are read from git history
and run in this process beside the current ones."""
ROUNDS: Final = 5


def _previous_hashed() -> Callable[[str], npt.NDArray[np.float64]] | None:
    """The ``PREVIOUS_HASHED`` scorer of the shipped model (its own folding, featurizing and
    scoring), or None outside a git checkout holding that commit."""
    sources = {}
    for name in ("hashed", "text_model"):
        try:
            sources[name] = subprocess.run(
                ["git", "show", f"{PREVIOUS_HASHED}:src/bastion/detect/{name}.py"],
                cwd=REPO_ROOT,
                capture_output=True,
                check=True,
                text=True,
            ).stdout
        except (OSError, subprocess.CalledProcessError):
            return None
    modules = {name: types.ModuleType(f"bench_{PREVIOUS_HASHED}_{name}") for name in sources}
    exec(
        compile(sources["hashed"], f"{PREVIOUS_HASHED}:hashed.py", "exec"), vars(modules["hashed"])
    )
    current = sys.modules["bastion.detect.hashed"]
    sys.modules["bastion.detect.hashed"] = modules["hashed"]  # its text_model imports that one
    try:
        exec(
            compile(sources["text_model"], f"{PREVIOUS_HASHED}:text_model.py", "exec"),
            vars(modules["text_model"]),
        )
    finally:
        sys.modules["bastion.detect.hashed"] = current
    previous = vars(modules["text_model"])
    model, doc = previous["shipped_model"](), previous["text_doc"]
    return lambda text: model.probabilities(doc(text))


def _throughput(model: HashedModel, scanner: Scanner, rows: list[str]) -> dict[str, Any]:
    """Messages per second of the model, of its gate (paid by every message) and of a whole
    scan with and without the model's gate, same process, same messages; and, interleaved over
    ``ROUNDS`` rounds so all see the same load, the model one message at a time and in batches
    (``probabilities_many``), the scorer it replaced (``PREVIOUS_HASHED``) and the previous text
    model (``PREVIOUS``): per-round rates, their medians and the median of the per-round ratios."""
    detectors = tuple(scanner.detectors or ())
    text = next(d for d in detectors if d.name == "text_model")
    ungated = Scanner(
        scanner.index,
        scanner.policy,
        detectors=tuple(_Ungated(d) if d is text else d for d in detectors),
    )
    load = os.getloadavg()
    items = [Item(str(i), text=t, surface="chat") for i, t in enumerate(rows)]
    position = {t: i for i, t in enumerate(rows)}
    out = {
        "messages": len(rows),
        "mean_chars": round(sum(map(len, rows)) / len(rows), 1),
        "model": _rate(lambda t: model.probabilities(text_doc(t)), rows),
        "gate": _rate(lambda t: text.gate(items[position[t]]), rows),
        "scan_no_feeds": _rate(lambda t: scanner.scan(items[position[t]]), rows),
        "scan_no_feeds_gate_shut": _rate(lambda t: ungated.scan(items[position[t]]), rows),
        "passed_gate": round(sum(text.gate(item) for item in items) / len(items), 4),
        "loadavg_1_5_15_before": [round(x, 2) for x in load],
        "loadavg_1_5_15_after": [round(x, 2) for x in os.getloadavg()],
        "note": "one process; wall clock at the load shown; cpu = per CPU second of the process",
    }

    def each(score: Callable[[str], object]) -> Callable[[list[str]], object]:
        return lambda texts: [score(t) for t in texts]

    scorers: dict[str, Callable[[list[str]], object]] = {
        "this_batch": lambda texts: model.probabilities_many([text_doc(t) for t in texts]),
        "this_one_at_a_time": each(lambda t: model.probabilities(text_doc(t))),
    }
    hashed_before = _previous_hashed()
    if hashed_before is not None:
        scorers[PREVIOUS_HASHED] = each(hashed_before)
        batch = model.probabilities_many([text_doc(t) for t in rows])
        before = np.array([hashed_before(t) for t in rows])
        out["max_probability_difference_batch_vs_" + PREVIOUS_HASHED] = float(
            np.abs(batch - before).max()
        )
    previous = _previous_model()
    if previous is not None:
        old, old_doc = previous
        scorers[PREVIOUS] = each(lambda t: old.probabilities(old_doc(t)))
    rates: dict[str, list[float]] = {name: [] for name in scorers}
    load = os.getloadavg()
    for _ in range(ROUNDS):
        for name, score in scorers.items():
            cpu = time.process_time()
            score(rows)
            rates[name].append(len(rows) / (time.process_time() - cpu))
    out["peer_rounds"] = ROUNDS
    out["peer_model_cpu_per_s_by_round"] = {
        name: [round(r) for r in values] for name, values in rates.items()
    }
    out["peer_model_cpu_per_s"] = {
        name: round(statistics.median(values)) for name, values in rates.items()
    }
    out["peer_speedup_median_of_rounds"] = {
        f"{name}_vs_{base}": round(
            statistics.median(a / b for a, b in zip(rates[name], rates[base], strict=True)), 2
        )
        for name in ("this_batch", "this_one_at_a_time")
        for base in scorers
        if base not in ("this_batch", "this_one_at_a_time")
    }
    out["loadavg_1_5_15_before_peer"] = [round(x, 2) for x in load]
    out["loadavg_1_5_15_after_peer"] = [round(x, 2) for x in os.getloadavg()]
    return out


def _url(root: Path) -> dict[str, Any]:
    model = url_model()
    _, test = urls.parts(root)
    scores = np.array([float(model.probabilities(host_doc(h))[0]) for h, _, _ in test])
    truth = np.array([bad for _, _, bad in test])
    emit = float(model.meta["emit"])
    out: dict[str, Any] = {
        "test_hosts": len(test),
        "roc_auc": _auc(truth, scores),
        f"at_emit_{emit}": _prf(truth, scores >= emit),
        "precision_at_recall": {},
        "per_category": {},
    }
    order = np.argsort(-scores, kind="stable")
    hits = np.cumsum(truth[order])
    for target in (0.5, 0.8, 0.9):
        k = int(np.searchsorted(hits, target * truth.sum())) + 1
        out["precision_at_recall"][str(target)] = round(float(hits[k - 1] / k), 4)
    benign = ~truth
    for category in sorted({c for _, c, bad in test if bad}):
        mine = np.array([c == category for _, c, _ in test])
        both = mine | benign
        out["per_category"][category] = {
            "hosts": int(mine.sum()),
            "roc_auc_vs_benign": _auc(truth[both], scores[both]),
            f"recall_at_emit_{emit}": round(float((scores[mine] >= emit).mean()), 4),
        }
    for category in sorted({c for _, c, bad in test if not bad}):
        mine = np.array([c == category for _, c, _ in test])
        out["per_category"][category] = {
            "hosts": int(mine.sum()),
            f"flagged_at_emit_{emit}": round(float((scores[mine] >= emit).mean()), 4),
        }
    with (root / "tranco-top-100k" / "tranco_top_100k.tsv").open(encoding="utf-8") as fh:
        tranco = [row["domain"] for row in csv.DictReader(fh, delimiter="\t")]
    flagged = sum(float(model.probabilities(host_doc(h))[0]) >= emit for h in tranco)
    out["tranco"] = {
        "hosts": len(tranco),
        "flagged_at_emit": flagged,
        "rate": round(flagged / len(tranco), 4),
        "note": "popular hosts, not a clean list (it holds adult and gambling sites)",
    }
    return out


PARTS = ("shipped", "false_positives", "throughput", "operator", "url_model")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=None)
    parser.add_argument(
        "--only",
        default=",".join(PARTS),
        help="comma-separated parts to run; the others are kept from the last results file",
    )
    args = parser.parse_args(argv)
    only = set(args.only.split(","))
    if only - set(PARTS):
        raise SystemExit(f"error: --only takes {', '.join(PARTS)}")
    root = data_dir(args.data)
    sets = {"sms": texts.sms(root), "telecom": texts.telecom(root), "youtube": texts.youtube(root)}
    trains, tests = {}, {}
    for name, rows in sets.items():
        trains[name], tests[name] = texts.parts(rows)
    with tempfile.TemporaryDirectory(prefix="bastion-textmodel-") as empty:
        (Path(empty) / "policy.yaml").write_text(policy_with_model_on(), encoding="utf-8")
        scanner = Scanner.load(Path(empty), no_feeds=True)
    model = shipped_model()
    path = RESULTS_DIR / "text_model_eval.json"
    results: dict[str, Any] = json.loads(path.read_text("utf-8")) if path.is_file() else {}
    results.update(
        {
            "command": "python -m bench.text_model_eval",
            "split": {"seed": texts.SPLIT_SEED, "test_fraction": texts.TEST_FRACTION},
            "shipped_model": {"version": model.meta["version"], "features": len(model.buckets)},
        }
    )
    if "shipped" in only:
        print("shipped model + default policy, no feeds ...", flush=True)
        results["shipped"] = _shipped(scanner, model, {k: tests[k] for k in ("sms", "telecom")})
    if "false_positives" in only:
        print("false positives on clean text ...", flush=True)
        clean = {
            "sms_ham_held_out": [e.text for e in tests["sms"] if not e.labels],
            "youtube_ham_held_out": [e.text for e in tests["youtube"] if not e.labels],
            "telecom_normal_held_out": [e.text for e in tests["telecom"] if not e.labels],
            "weibo_posts_and_comments": _weibo(root),
        }
        results["false_positives"] = _false_positives(scanner, model, clean)
    if "throughput" in only:
        print("throughput ...", flush=True)
        mix = [e.text for name in ("sms", "telecom") for e in tests[name]]
        results["throughput"] = _throughput(model, scanner, mix)
    if "operator" in only:
        print("operator path (b) ...", flush=True)
        results["operator"] = _operator(
            {k: tests[k] for k in ("sms", "telecom")}, {k: trains[k] for k in ("sms", "telecom")}
        )
    if "url_model" in only:
        print("url model ...", flush=True)
        results["url_model"] = _url(root)
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(json.dumps(results, indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main()
