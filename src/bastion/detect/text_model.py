"""Text intent: a linear model that reads the wording of gambling, sex-service, scam and diversion
solicitations, so the policy can act on messages that carry no listed link or handle at all.

The model (``bastion.detect.hashed``: hashed character 1-4-grams and words, scored with numpy)
scores four classes one-vs-rest. A model an operator
trained on their own labelled data (``bastion model train --data FILE``, written to
``<home>/models/text_model.npz``) replaces the one shipped in the package. Classes are named by
category, optionally refined after a dot (``scam.police``); the signal label is the category's
(``intent.scam``) and its evidence names the class, the model and the features that weighed most,
so ``bastion explain`` shows why.

The gate runs the model on the item's raw text (a few tens of microseconds: see
``bench/results/text_model_eval.json``, ``throughput``) and lets through only
texts scoring at least the model's ``gate`` threshold, well below any rule's ``min_score``;
``detect`` then scores the unmasked text.
"""

from __future__ import annotations

import math
import re
import unicodedata
from functools import cache
from importlib import resources as package_files
from pathlib import Path
from typing import Final

from bastion.detect.base import DetectContext, Resources
from bastion.detect.hashed import HashedDoc, HashedModel
from bastion.model import Item, Signal

CATEGORIES: Final = ("gambling", "sexual_services", "scam", "diversion")
LABELS: Final = {category: f"intent.{category}" for category in CATEGORIES}
MODEL_FILE: Final = "models/text_model.npz"
SHIPPED_FILE: Final = "text_model.npz"
MAX_CHARS: Final = 1_000
"""Only the first 1,000 folded characters are read: an intent shows in the opening, and the
cost of a scan stays bounded whatever the length."""
MIN_CHARS: Final = 4
DEFAULT_EMIT: Final = 0.5
DEFAULT_GATE: Final = 0.3
_DIGIT: Final = re.compile(r"[1-9]")
_LONG_NUMBER: Final = re.compile(r"0{7,}")
_WORD: Final = re.compile(r"[a-z0-9][a-z0-9']*")
_FULLWIDTH: Final = re.compile("[\uff01-\uff5e\u3000]+")
_FULLWIDTH_TABLE: Final = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}


_COMMON_FULLWIDTH: Final = tuple(
    (chr(code), chr(code - 0xFEE0)) for code in map(ord, "，！？：；（）")
)
"""The full-width forms of nearly every Chinese text, replaced by ``str.replace`` (the fastest)."""


def _halfwidth(match: re.Match[str]) -> str:
    return match.group().translate(_FULLWIDTH_TABLE)


def text_doc(text: str) -> HashedDoc:
    """The model's view of a text: NFKC, lower case, every digit 0 and a number longer than six
    digits cut to six (an 11-digit phone number otherwise outweighs the words around it), runs of
    space as one; ASCII words (and their pairs) as tokens."""
    folded = text[: 2 * MAX_CHARS]
    # Full-width forms (the comma of most Chinese text) are mapped as NFKC maps them, four times
    # faster than NFKC itself, which then runs only on texts with other compatibility forms.
    for wide, narrow in _COMMON_FULLWIDTH:
        if wide in folded:
            folded = folded.replace(wide, narrow)
    if not unicodedata.is_normalized("NFKC", folded):
        folded = _FULLWIDTH.sub(_halfwidth, folded)
    if not unicodedata.is_normalized("NFKC", folded):
        folded = unicodedata.normalize("NFKC", folded)
    folded = _DIGIT.sub("0", " ".join(folded.lower().split())[:MAX_CHARS])
    if "000000" in folded:
        folded = _LONG_NUMBER.sub("000000", folded)
    return HashedDoc(folded, tuple(_WORD.findall(folded)))


def category_of(class_name: str) -> str:
    """The category a class belongs to (``scam.police`` -> ``scam``)."""
    return class_name.partition(".")[0]


def check_classes(model: HashedModel, where: str) -> HashedModel:
    """A text model may only have classes of the four categories (its signals are declared)."""
    for name in model.classes:
        if category_of(name) not in CATEGORIES:
            raise ValueError(
                f"{where}: class {name!r} is not one of {', '.join(CATEGORIES)} (or a refinement)"
            )
    return model


@cache
def shipped_model() -> HashedModel:
    """The model in the package (read once per process; a packaged file, like the policy)."""
    data = package_files.files("bastion.data").joinpath(SHIPPED_FILE).read_bytes()
    return check_classes(HashedModel.from_bytes(data, f"bastion/data/{SHIPPED_FILE}"), "shipped")


class TextModelDetector:
    """Emits ``intent.<category>`` when the model's probability reaches its ``emit`` threshold."""

    name: Final = "text_model"
    emits: Final = frozenset(LABELS.values())
    optional: Final = True
    """Runs only when an enabled policy rule names one of its labels: it reads every message of
    four or more characters, which costs a scan of clean traffic about ten times its time, so
    the default policy ships its rules switched off (``enabled: false``)."""
    __slots__ = ("_emit", "_gate", "_model", "_tag")

    def __init__(self, resources: Resources) -> None:
        model = resources.asset(self.name, HashedModel) or shipped_model()
        self._model = model
        self._emit = float(model.meta.get("emit", DEFAULT_EMIT))
        self._gate = min(float(model.meta.get("gate", DEFAULT_GATE)), self._emit)
        self._tag = f"{model.meta.get('source', 'model')}@{model.meta.get('version', '?')}"

    @classmethod
    def load_asset(cls, home: Path) -> HashedModel | None:
        """The operator's model in the home, if one was trained; None: use the shipped one."""
        path = home / MODEL_FILE
        if not path.is_file():
            return None
        return check_classes(HashedModel.from_bytes(path.read_bytes(), str(path)), str(path))

    def gate(self, item: Item) -> bool:
        text = item.text
        if len(text) < MIN_CHARS:
            return False
        return self._model.most_likely(text_doc(text)) >= self._gate

    def detect(self, context: DetectContext) -> list[Signal]:
        if len(context.text) < MIN_CHARS:
            return []
        model = self._model
        doc = text_doc(context.text)
        logits = model.logits(doc)
        best: dict[str, tuple[float, int]] = {}
        for column, name in enumerate(model.classes):
            probability = 1.0 / (1.0 + math.exp(-float(logits[column])))
            category = category_of(name)
            if probability >= self._emit and probability > best.get(category, (0.0, 0))[0]:
                best[category] = (probability, column)
        signals = []
        for category in CATEGORIES:
            if category not in best:
                continue
            probability, column = best[category]
            features = ", ".join(model.top_features(doc, column))
            signals.append(
                Signal(
                    detector=self.name,
                    label=LABELS[category],
                    score=round(min(probability, 1.0), 4),
                    evidence=f"{model.classes[column]} ({self._tag}): {features}"[:512],
                    category=category if category != "diversion" else None,
                )
            )
        return signals


SWITCHED_OFF: Final = "(text intent model).\n    enabled: false\n"


def policy_with_model_on() -> str:
    """The packaged default policy with the text-model rules enabled (what an operator who wants
    the model edits by hand; the benches and tests use it)."""
    default = package_files.files("bastion").joinpath("policies/default.yaml").read_text("utf-8")
    switched = default.replace(SWITCHED_OFF, "(text intent model).\n")
    if default.count(SWITCHED_OFF) != 2:
        raise ValueError("the default policy no longer ships its two text-model rules switched off")
    return switched
