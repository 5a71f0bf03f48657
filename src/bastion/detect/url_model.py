"""Lexical URL model: how suspicious an unlisted host looks from its name alone.

A feed knows only the hosts it lists; a fresh gambling or phishing domain is unknown until it is
reported. This detector scores the host of every link, domain or e-mail that no feed lists (and
that is not allowed, not a shortener, not prose) with a linear model (``bastion.detect.linear``)
over its character n-grams and a few shape tokens: the public suffix, its length, digits,
hyphens, labels and character entropy, bucketed. It was trained on listed hosts (block lists
under MIT / Unlicense) against benign ones (v2fly categories, the CC0 US .gov list), split by
registrable domain (``bench/train_url_model.py``, card in ``bastion/data/url_model.md``).

It emits ``url_model.suspicious`` naming the entity, which the default policy sends to review.
It never looks at a listed host, so it can never change what the feeds decided.
"""

from __future__ import annotations

import math
from collections import Counter
from functools import cache
from importlib import resources as package_files
from typing import Final

from bastion.detect.base import DetectContext, Resources
from bastion.detect.linear import Doc, LinearModel
from bastion.extract.hosts import PROSE_LIKE
from bastion.model import Item, Signal
from bastion.suffixes import registrable_domain

LABEL: Final = "url_model.suspicious"
SHIPPED_FILE: Final = "url_model.npz"
KINDS: Final = frozenset({"url", "domain", "email", "deeplink"})
SKIP_FLAGS: Final = frozenset({PROSE_LIKE, "shortener", "ip_host"})
MAX_HOSTS: Final = 64
"""At most this many distinct hosts are scored per item (a list of 1,000 links costs no more)."""
DEFAULT_EMIT: Final = 0.99
RESERVED: Final = frozenset({"example.com", "example.net", "example.org"})
"""Names reserved for documentation (RFC 2606): placeholders, never anyone's site. Hosts under
the reserved TLDs (``.example``, ``.test``, ``.invalid``, ``.localhost``) and under no known
public suffix at all have no registrable domain and are not scored either."""
_WWW: Final = ("www.", "www1.", "www2.", "www3.", "ww.", "wap.", "m.")


def _bucket(value: int, edges: tuple[int, ...]) -> str:
    for edge in edges:
        if value <= edge:
            return str(edge)
    return f">{edges[-1]}"


def site_name(host: str) -> str:
    """``host`` without a leading ``www.``-like label (``www.``, ``m.``, ``wap.``): a
    convention of the web, not a property of the site. The block lists write many hosts with it
    and the benign lists almost none, so a model that saw it learnt "www. is suspicious" and
    sent ``www.youtube.com`` to review."""
    for prefix in _WWW:
        if host.startswith(prefix) and "." in host[len(prefix) :]:
            return host[len(prefix) :]
    return host


def host_doc(host: str) -> Doc:
    """The model's view of a host: ``^host$`` for n-grams; words and shape buckets as tokens."""
    host = site_name(host.lower().strip("."))[-253:]
    labels = host.split(".")
    name = labels[-2] if len(labels) > 1 else labels[0]
    suffix = labels[-1] if len(labels) > 1 else ""
    letters = [ch for ch in host if ch != "."]
    counts = Counter(letters)
    entropy = -sum(n / len(letters) * math.log2(n / len(letters)) for n in counts.values())
    digits = sum(ch.isdigit() for ch in host)
    tokens = (
        f"tld={suffix}",
        f"len={_bucket(len(name), (3, 5, 7, 9, 12, 15, 20, 30))}",
        f"digits={_bucket(digits, (0, 1, 2, 3, 4, 6, 9))}",
        f"hyphens={_bucket(host.count('-'), (0, 1, 2, 3))}",
        f"labels={_bucket(len(labels), (2, 3, 4, 5))}",
        f"entropy={round(entropy * 2) / 2 if letters else 0}",
        f"shape={'mixed' if digits and digits < len(name) else 'digits' if digits else 'alpha'}",
    )
    return Doc(f"^{host}$", tokens, 4, False)


@cache
def shipped_model() -> LinearModel:
    """The model in the package (read once per process, like the default policy)."""
    data = package_files.files("bastion.data").joinpath(SHIPPED_FILE).read_bytes()
    return LinearModel.from_bytes(data, f"bastion/data/{SHIPPED_FILE}")


class UrlModelDetector:
    """Scores unlisted hosts; one signal per entity at or above the model's ``emit`` score."""

    name: Final = "url_model"
    emits: Final = frozenset({LABEL})
    gates: Final = False
    """Its gate is never true (it reads only entities or pictures): the scanner skips it."""
    __slots__ = ("_emit", "_model", "_tag")

    def __init__(self, resources: Resources) -> None:
        model = shipped_model()
        self._model = model
        self._emit = float(model.meta.get("emit", DEFAULT_EMIT))
        self._tag = f"url_model@{model.meta.get('version', '?')}"

    def gate(self, item: Item) -> bool:
        return False

    def detect(self, context: DetectContext) -> list[Signal]:
        model = self._model
        scored: dict[str, tuple[float, str]] = {}
        signals: list[Signal] = []
        for position, entity in enumerate(context.entities):
            if entity.kind not in KINDS or entity.allowed or entity.categories:
                continue
            host = entity.host or (entity.value if entity.kind == "domain" else "")
            if not host or "." not in host or not SKIP_FLAGS.isdisjoint(entity.flags):
                continue
            site = registrable_domain(host)
            if site is None or site in RESERVED:
                continue
            if host not in scored:
                if len(scored) == MAX_HOSTS:
                    continue
                doc = host_doc(host)
                found = model.matches(doc)
                logit = float(model.logits(doc, found)[0])
                probability = 1.0 / (1.0 + math.exp(-logit))
                features = ", ".join(model.top_features(found, 0, 3))
                scored[host] = (probability, features)
            probability, features = scored[host]
            if probability >= self._emit:
                signals.append(
                    Signal(
                        detector=self.name,
                        label=LABEL,
                        score=round(probability, 4),
                        evidence=f"{host} ({self._tag}): {features}"[:512],
                        entities=[position],
                        origin=entity.origin,
                    )
                )
        return signals
