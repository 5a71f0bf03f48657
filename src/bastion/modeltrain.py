"""Training the linear text and URL models offline (scikit-learn), and their model cards.

Used by ``bastion model train --data FILE`` (an operator's own labelled texts) and by
``python -m bench.train_text_model`` / ``bench.train_url_model`` (the shipped models). The split
is by a fixed seed, with identical texts kept on one side, so the held-out figures on the card
are about texts the model never saw. scikit-learn is needed here only: the scan path reads the
exported weights with numpy (``bastion.detect.linear``).
"""

from __future__ import annotations

import csv
import hashlib
import json
import math
import random
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

import numpy as np

from bastion.atomic import write_bytes_atomically
from bastion.detect.hashed import DEFAULT_BITS, MAX_N, HashedDoc, HashedModel, buckets_of
from bastion.detect.linear import Doc, LinearModel
from bastion.detect.text_model import CATEGORIES, MODEL_FILE, text_doc

NORMAL: Final = frozenset({"normal", "ham", "benign", "clean", "none", "ok", "legit", "0"})
ALIASES: Final = {
    "porn": "sexual_services",
    "sex": "sexual_services",
    "adult": "sexual_services",
    "fraud": "scam",
    "spam": "scam",
    "phishing": "scam",
    "gamble": "gambling",
    "betting": "gambling",
}
MAX_ROWS: Final = 2_000_000


@dataclass(frozen=True, slots=True)
class Example:
    text: str
    labels: frozenset[str]
    """Class names; empty = normal."""


@dataclass(slots=True)
class Report:
    """Held-out figures: per class, harmful-vs-normal, and single-label macro-F1."""

    per_class: dict[str, dict[str, float]] = field(default_factory=dict)
    binary: dict[str, float] = field(default_factory=dict)
    macro_f1: float = 0.0
    rows: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "rows": self.rows,
            "per_class": self.per_class,
            "harmful_vs_normal": self.binary,
            "macro_f1": self.macro_f1,
        }


def class_name(label: str, where: str) -> str | None:
    """An operator label as a class (``fraud`` -> ``scam``; ``scam.police`` kept); None: normal."""
    label = label.strip().lower().replace(" ", "_")
    if label in NORMAL:
        return None
    head, dot, rest = label.partition(".")
    head = ALIASES.get(head, head)
    if head not in CATEGORIES:
        choices = ", ".join((*CATEGORIES, *sorted(ALIASES), "normal"))
        raise ValueError(f"{where}: label {label!r} is not one of {choices} (or 'scam.<kind>')")
    return head + dot + rest


def read_labelled(path: Path) -> list[Example]:
    """``text,label`` rows from CSV (with a header) or JSONL; a bad row is one ValueError line.

    A label may hold several classes separated by ``|`` (``gambling|diversion``)."""
    examples: list[Example] = []
    try:
        handle = path.open(encoding="utf-8-sig", newline="")
    except OSError as exc:
        raise ValueError(f"{path}: cannot read: {exc.strerror or exc}") from None
    with handle:
        if path.suffix.lower() in (".jsonl", ".ndjson", ".json"):
            records: Iterable[tuple[int, Any]] = (
                (n, _json_line(line, f"{path} line {n}"))
                for n, line in enumerate(handle, 1)
                if line.strip()
            )
        else:
            reader = csv.DictReader(handle)
            if not reader.fieldnames or not {"text", "label"} <= set(reader.fieldnames):
                raise ValueError(f"{path}: the CSV header must name 'text' and 'label' columns")
            records = ((n, row) for n, row in enumerate(reader, 2))
        try:
            for number, record in records:
                where = f"{path} line {number}"
                text, label = record.get("text"), record.get("label")
                if not isinstance(text, str) or not isinstance(label, str | int):
                    raise ValueError(f"{where}: needs a 'text' string and a 'label'")
                names = (class_name(part, where) for part in str(label).split("|"))
                examples.append(Example(text, frozenset(n for n in names if n)))
                if len(examples) > MAX_ROWS:
                    raise ValueError(f"{path}: more than {MAX_ROWS:,} rows")
        except UnicodeDecodeError:
            raise ValueError(f"{path}: not UTF-8 text") from None
    if not examples:
        raise ValueError(f"{path}: no rows")
    return examples


def _json_line(line: str, where: str) -> Any:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise ValueError(f"{where}: invalid JSON ({exc.msg})") from None
    if not isinstance(record, dict):
        raise ValueError(f"{where}: a line must be a JSON object with 'text' and 'label'")
    return record


def split(
    examples: Sequence[Example], seed: int, test_fraction: float, key: Callable[[str], str]
) -> tuple[list[Example], list[Example]]:
    """Train and test parts by a seeded shuffle of distinct keys (identical texts together)."""
    groups: dict[str, list[Example]] = {}
    for example in examples:
        groups.setdefault(key(example.text), []).append(example)
    keys = list(groups)
    random.Random(seed).shuffle(keys)
    cut = round(test_fraction * len(keys))
    test = [e for k in keys[:cut] for e in groups[k]]
    train = [e for k in keys[cut:] for e in groups[k]]
    return train, test


GRID: Final = tuple((c, weight) for c in (5.0, 20.0, 50.0) for weight in (None, "balanced"))
"""What ``bastion model train`` chooses from, by macro-F1 on a validation part of its training
rows: the regularisation C, and whether rare classes weigh as much as common ones."""


def fit(
    docs: Sequence[Doc],
    targets: Sequence[frozenset[str]],
    classes: Sequence[str],
    *,
    seed: int,
    c: float,
    min_df: int = 2,
    max_features: int = 80_000,
    meta: dict[str, Any],
    grid: Sequence[tuple[float, str | None]] = (),
    usable: Callable[[str], bool] | None = None,
) -> LinearModel:
    """One-vs-rest logistic regression over the docs' features; the strongest kept.

    With a ``grid``, a fifth of the training rows (by ``seed``) is held back to choose C and
    the class weighting by single-label macro-F1; the chosen setting is then fitted on every
    training row and recorded in ``meta["selection"]``."""
    matrix, patterns = _vectorize(docs, min_df, usable)
    weights, bias, meta = _fit_chosen(matrix, targets, classes, seed, c, grid, meta)
    strength = np.abs(weights).max(axis=1)
    keep = np.argsort(-strength, kind="stable")[:max_features]
    keep = np.sort(keep[strength[keep] > 0])
    return LinearModel(
        [patterns[i] for i in keep],
        weights[keep].astype(np.float16).astype(np.float32),
        bias.astype(np.float32),
        list(classes),
        {**meta, "features_seen": len(patterns), "features_kept": len(keep)},
    )


def fit_hashed(
    docs: Sequence[HashedDoc],
    targets: Sequence[frozenset[str]],
    classes: Sequence[str],
    *,
    seed: int,
    c: float,
    bits: int = DEFAULT_BITS,
    min_df: int = 2,
    max_features: int = 80_000,
    meta: dict[str, Any],
    grid: Sequence[tuple[float, str | None]] = (),
    usable: Callable[[str], bool] | None = None,
) -> HashedModel:
    """``fit`` over hashed features (``bastion.detect.hashed``): the text-intent model."""
    matrix, columns = _vectorize_hashed(docs, bits, min_df, usable)
    weights, bias, meta = _fit_chosen(matrix, targets, classes, seed, c, grid, meta)
    strength = np.abs(weights).max(axis=1)
    keep = np.argsort(-strength, kind="stable")[:max_features]
    keep = np.sort(keep[strength[keep] > 0])
    return HashedModel(
        columns[keep],
        weights[keep].astype(np.float16).astype(np.float32),
        bias.astype(np.float32),
        list(classes),
        {
            **meta,
            "bits": bits,
            "max_n": MAX_N,
            "features_seen": len(columns),
            "features_kept": len(keep),
        },
    )


def _fit_chosen(
    matrix: Any,
    targets: Sequence[frozenset[str]],
    classes: Sequence[str],
    seed: int,
    c: float,
    grid: Sequence[tuple[float, str | None]],
    meta: dict[str, Any],
) -> tuple[np.ndarray, np.ndarray, dict[str, Any]]:
    """The weights and bias of every class, the grid's choice (if any) recorded in the meta."""
    labels = np.array([[name in target for name in classes] for target in targets], dtype=bool)
    rows = matrix.shape[0]
    for column, name in enumerate(classes):
        if labels[:, column].all() or not labels[:, column].any():
            raise ValueError(f"class {name!r} needs examples both with and without it")
    weighting: str | None = None
    order = list(range(rows))
    random.Random(seed).shuffle(order)
    held = np.array(sorted(order[: len(order) // 5]), dtype=np.int64)
    kept = np.array(sorted(order[len(order) // 5 :]), dtype=np.int64)
    # Too few rows of some class to hold any back: keep the given setting.
    if grid and labels[kept].any(axis=0).all() and labels[held].any(axis=0).any():
        tried: dict[str, float] = {}
        best = -1.0
        for option_c, option_weight in grid:
            weights, bias = _fit_matrix(matrix[kept], labels[kept], seed, option_c, option_weight)
            probabilities = 1 / (1 + np.exp(-(matrix[held] @ weights + bias)))
            score = _macro_f1(probabilities, labels[held], 0.5)
            tried[f"C={option_c:g}, class_weight={option_weight}"] = round(score, 4)
            if score > best:
                best, c, weighting = score, option_c, option_weight
        selection = {"validation_macro_f1": tried, "c": c, "class_weight": weighting}
        meta = {**meta, "selection": selection}
    weights, bias = _fit_matrix(matrix, labels, seed, c, weighting)
    return weights, bias, {**meta, "c": c}


def _vectorize(
    docs: Sequence[Doc], min_df: int, usable: Callable[[str], bool] | None = None
) -> tuple[Any, list[str]]:
    """The docs as a sparse matrix over the features in ``min_df`` docs: present = 1/sqrt(size)."""
    from scipy.sparse import csr_matrix

    df: Counter[str] = Counter()
    for doc in docs:
        df.update(set(doc.features()))
    patterns = sorted(f for f, n in df.items() if n >= min_df and (usable is None or usable(f)))
    if not patterns:
        raise ValueError(f"too little data: no feature occurs in {min_df} training texts")
    vocab = {f: i for i, f in enumerate(patterns)}
    rows, cols, vals = [], [], []
    for row, doc in enumerate(docs):
        present = {vocab[f] for f in doc.features() if f in vocab}
        scale = 1.0 / math.sqrt(max(doc.size, 1))
        rows += [row] * len(present)
        cols += sorted(present)
        vals += [scale] * len(present)
    shape = (len(docs), len(vocab))
    return csr_matrix((vals, (rows, cols)), shape=shape, dtype=np.float64), patterns


def _vectorize_hashed(
    docs: Sequence[HashedDoc], bits: int, min_df: int, usable: Callable[[str], bool] | None
) -> tuple[Any, np.ndarray]:
    """The docs as a sparse matrix over the buckets present in ``min_df`` docs (present =
    1/sqrt(size)), and each column's bucket. ``usable`` drops features by their text."""
    from scipy.sparse import csr_matrix

    present: list[np.ndarray] = []
    for doc in docs:
        keys = doc.keys()
        if usable is not None:
            keys = keys[np.array([usable(name) for name in doc.names()], dtype=bool)]
        present.append(np.unique(buckets_of(keys, bits)))
    everything = np.concatenate(present) if present else np.zeros(0, dtype=np.intp)
    df = np.bincount(everything, minlength=1 << bits)
    columns = np.nonzero(df >= min_df)[0]
    if not columns.size:
        raise ValueError(f"too little data: no feature occurs in {min_df} training texts")
    column_of = np.full(1 << bits, -1, dtype=np.int64)
    column_of[columns] = np.arange(columns.size)
    rows, cols, vals = [], [], []
    for row, (doc, found) in enumerate(zip(docs, present, strict=True)):
        mine = column_of[found]
        mine = mine[mine >= 0]
        rows.append(np.full(mine.size, row, dtype=np.int64))
        cols.append(mine)
        vals.append(np.full(mine.size, 1.0 / math.sqrt(max(doc.size, 1))))
    shape = (len(docs), columns.size)
    matrix = csr_matrix(
        (np.concatenate(vals), (np.concatenate(rows), np.concatenate(cols))),
        shape=shape,
        dtype=np.float64,
    )
    return matrix, columns.astype(np.int64)


def _fit_matrix(
    matrix: Any, labels: np.ndarray, seed: int, c: float, weighting: str | None
) -> tuple[np.ndarray, np.ndarray]:
    from sklearn.linear_model import LogisticRegression

    weights = np.zeros((matrix.shape[1], labels.shape[1]), dtype=np.float64)
    bias = np.zeros(labels.shape[1], dtype=np.float64)
    for column in range(labels.shape[1]):
        learner = LogisticRegression(
            C=c, solver="liblinear", random_state=seed, max_iter=1000, class_weight=weighting
        )
        learner.fit(matrix, labels[:, column].astype(np.int8))
        weights[:, column] = learner.coef_[0]
        bias[column] = learner.intercept_[0]
    return weights, bias


def _macro_f1(probabilities: np.ndarray, labels: np.ndarray, threshold: float) -> float:
    """Single-label macro-F1: the most probable class if it reaches ``threshold``, else normal
    (column -1); classes absent from ``labels`` and predictions are left out."""
    best = probabilities.argmax(axis=1)
    predicted = np.where(probabilities.max(axis=1) >= threshold, best, -1)
    actual = np.where(labels.any(axis=1), labels.argmax(axis=1), -1)
    f1s = []
    for name in range(-1, labels.shape[1]):
        tp = int(((predicted == name) & (actual == name)).sum())
        fp = int(((predicted == name) & (actual != name)).sum())
        fn = int(((predicted != name) & (actual == name)).sum())
        if tp + fn:
            f1s.append(2 * tp / (2 * tp + fp + fn))
    return sum(f1s) / len(f1s) if f1s else 0.0


def _prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
        "support": tp + fn,
    }


def evaluate(model: Any, docs: Sequence[Any], targets: Sequence[frozenset[str]]) -> Report:
    """Figures at the model's ``emit`` threshold, computed with the exported (scan-time) model."""
    threshold = float(model.meta.get("emit", 0.5))
    many = getattr(model, "probabilities_many", None)  # a hashed model scores a batch at once
    if many is not None:
        probabilities = many(docs).reshape(len(docs), -1)
    else:
        probabilities = np.array([model.probabilities(doc) for doc in docs]).reshape(len(docs), -1)
    report = Report(rows=len(docs))
    for column, name in enumerate(model.classes):
        truth = np.array([name in t for t in targets])
        said = probabilities[:, column] >= threshold
        if not truth.any() and not said.any():
            continue  # a class this part has no rows of, and never predicted: nothing to say
        report.per_class[name] = _prf(
            int((truth & said).sum()), int((~truth & said).sum()), int((truth & ~said).sum())
        )
    harmful = np.array([bool(t) for t in targets])
    flagged = probabilities.max(axis=1) >= threshold
    report.binary = _prf(
        int((harmful & flagged).sum()),
        int((~harmful & flagged).sum()),
        int((harmful & ~flagged).sum()),
    )
    # Single label: the most probable class if it reaches the threshold, else normal.
    names = ["normal", *model.classes]
    best = probabilities.argmax(axis=1)
    predicted = [
        model.classes[b] if probabilities[i, b] >= threshold else "normal"
        for i, b in enumerate(best)
    ]
    actual = [min(t) if t else "normal" for t in targets]
    f1s = []
    for name in names:
        tp = sum(p == name == a for p, a in zip(predicted, actual, strict=True))
        fp = sum(p == name != a for p, a in zip(predicted, actual, strict=True))
        fn = sum(a == name != p for p, a in zip(predicted, actual, strict=True))
        if tp + fn:
            f1s.append(_prf(tp, fp, fn)["f1"])
            if name == "normal":
                report.per_class["normal"] = _prf(tp, fp, fn)
    report.macro_f1 = round(sum(f1s) / len(f1s), 4) if f1s else 0.0
    return report


def card(model: LinearModel | HashedModel, title: str, lines: Sequence[str]) -> str:
    """The model card in Markdown: what it was trained on, how, and its held-out figures."""
    meta = model.meta
    held_out = meta.get("held_out", {})
    out = [f"# {title}", "", *lines, ""]
    out += [
        f"- version: `{meta.get('version')}`; classes: {', '.join(model.classes)}",
        f"- seeds: split {meta.get('split_seed')}, training {meta.get('train_seed')}; "
        f"test fraction {meta.get('test_fraction')}",
        f"- features: char {meta.get('min_n', 1)}..{meta.get('max_n')}-grams"
        + (" + word 1-2-grams" if meta.get("bigrams") else " + tokens")
        + (f", hashed into 2**{meta['bits']} buckets" if "bits" in meta else "")
        + f"; {meta.get('features_kept')} kept of {meta.get('features_seen')}; C = {meta.get('c')}",
        f"- thresholds: emit {meta.get('emit')}, gate {meta.get('gate')}",
    ]
    if "selection" in meta:
        tried = "; ".join(f"{k}: {v}" for k, v in meta["selection"]["validation_macro_f1"].items())
        out.append(f"- chosen by macro-F1 on a fifth of the training rows held back: {tried}")
    out.append("")
    for part, figures in held_out.items():
        out += [f"## Held-out: {part} ({figures['rows']} rows)", ""]
        out += ["| class | precision | recall | F1 | support |", "|---|---|---|---|---|"]
        for name, f in figures["per_class"].items():
            out.append(
                f"| {name} | {f['precision']} | {f['recall']} | {f['f1']} | {f['support']} |"
            )
        b = figures["harmful_vs_normal"]
        out += [
            f"| harmful vs normal | {b['precision']} | {b['recall']} | {b['f1']} "
            f"| {b['support']} |",
            "",
            f"Single-label macro-F1: {figures['macro_f1']}",
            "",
        ]
    return "\n".join(out)


def version_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:12]


write_atomically = write_bytes_atomically
"""Kept under its old name for the callers of this module."""


def train_operator(
    data: Path,
    home: Path,
    *,
    seed: int = 1234,
    test_fraction: float = 0.2,
    c: float = 20.0,
    max_features: int = 120_000,
) -> tuple[HashedModel, Path]:
    """Path (b): train on the operator's file, measure on its held-out part, write both."""
    examples = read_labelled(data)
    train, test = split(examples, seed, test_fraction, key=lambda t: text_doc(t).chars)
    classes = sorted({name for e in train for name in e.labels})
    if not classes:
        raise ValueError(f"{data}: no harmful labels in the training part")
    meta: dict[str, Any] = {
        "source": "operator",
        "data": data.name,
        "data_sha256": hashlib.sha256(data.read_bytes()).hexdigest()[:16],
        "split_seed": seed,
        "train_seed": seed,
        "test_fraction": test_fraction,
        "train_rows": len(train),
        "test_rows": len(test),
        "min_n": 1,
        "max_n": MAX_N,
        "bigrams": True,
        "c": c,
        "emit": 0.5,
        "gate": 0.3,
    }
    model = fit_hashed(
        [text_doc(e.text) for e in train],
        [e.labels for e in train],
        classes,
        seed=seed,
        c=c,
        max_features=max_features,
        meta=meta,
        grid=GRID,
    )
    if test:
        figures = evaluate(model, [text_doc(e.text) for e in test], [e.labels for e in test])
        model.meta["held_out"] = {data.name: figures.to_dict()}
    model.meta["version"] = version_of(model.to_bytes())
    target = home / MODEL_FILE
    text = card(
        model,
        "Text intent model (operator-trained)",
        [
            f"Trained by `bastion model train` on `{data}` (sha256 {meta['data_sha256']}…): "
            f"{len(train)} training rows, {len(test)} held out by seed {seed}.",
        ],
    )
    write_atomically(target.with_suffix(".md"), text.encode("utf-8"))
    write_atomically(target, model.to_bytes())
    return model, target
