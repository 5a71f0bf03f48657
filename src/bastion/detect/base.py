"""The detector interface: how reputation, lookalike, models and third-party checks plug into scan.

A detector is built once per ``Scanner`` from read-only ``Resources`` and then called per item:

* ``gate(item)`` is a cheap test (a field read, a length, a set test; microseconds at most) that
  says the detector wants the item even when the finders see nothing link-like in it. The scanner
  returns the empty result at once when the item has no pictures, no entity was found (no finder
  candidate, or a pre-check false alarm that unmasking left as written) *and* no gate is true;
  when some gates are true, only those detectors run. A detector whose gate can never be true
  (it reads only entities or pictures, or it was built without its data) may say so with a
  ``gates`` attribute that is False: the scanner then never calls its gate. Without that
  attribute the gate is called.
* ``detect(context)`` runs on every item that passed that pre-check and returns signals, each
  with a label the detector declared in ``emits``. It may annotate the entities it is given
  (reputation sets their categories), but it does no I/O, keeps no state between items and gives
  the same signals for the same context: the scan core stays pure and deterministic.

Detectors run in registry order, so a later one sees the entities an earlier one annotated.
Policies match signals by label and score (``when: signals``), and a policy naming a label that
no loaded detector emits fails at load. ``tests/detect/test_contract.py`` holds every registered
detector to this contract.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any, Protocol, TypeVar, runtime_checkable

from bastion.intel import IntelIndex
from bastion.model import Entity, ImageReport, Item, Signal

_Asset = TypeVar("_Asset")
_NO_ASSETS: Mapping[str, object] = MappingProxyType({})


@dataclass(frozen=True, slots=True)
class Resources:
    """What a detector may hold on to: read-only, loaded before scanning starts.

    ``assets`` holds what the edge loaded for each detector (its ``load_asset(home)``, by
    detector name): a protected-entity registry, a credential table, a cluster index, a model.
    The detector reads it with ``asset``; the scan core itself never opens a file.
    """

    index: IntelIndex
    assets: Mapping[str, object] = field(default_factory=lambda: _NO_ASSETS)

    def asset(self, name: str, kind: type[_Asset]) -> _Asset | None:
        """The asset loaded for detector ``name``, or None when its home has none.

        A value of another type is a programming error (two detectors sharing a name), so it
        raises rather than being ignored."""
        value = self.assets.get(name)
        if value is None:
            return None
        if not isinstance(value, kind):
            raise TypeError(f"asset {name!r} is a {type(value).__name__}, not {kind.__name__}")
        return value


@dataclass(slots=True)
class DetectContext:
    """One item as a detector sees it.

    ``text`` is the unmasked (folded) text the finders searched; ``original`` is the item's text
    as written. ``entities`` are canonicalized, in reading order (those decoded from images
    last, with their ``origin``); signal ``entities`` index them. ``images`` reports what was
    read from each of the item's images (size, PDQ hash, decoded codes, or an error).
    """

    item: Item
    text: str
    original: str
    entities: Sequence[Entity]
    resources: Resources
    images: Sequence[ImageReport] = field(default_factory=tuple)


@runtime_checkable
class Detector(Protocol):
    """What the scanner calls. ``name`` is unique; ``emits`` lists every label it may return."""

    @property
    def name(self) -> str: ...

    @property
    def emits(self) -> frozenset[str]: ...

    def gate(self, item: Item) -> bool:
        """True if the item must be scanned even with no finder candidate in its text."""
        ...

    def detect(self, context: DetectContext) -> list[Signal]:
        """Signals for one item; labels only from ``emits``."""
        ...


class DetectorFactory(Protocol):
    """A registered detector: its name and labels are known before it is built (read-only, so
    a class declaring them ``Final`` is a factory too)."""

    @property
    def name(self) -> str: ...

    @property
    def emits(self) -> frozenset[str]: ...

    def __call__(self, resources: Resources) -> Detector: ...


@runtime_checkable
class AssetLoader(Protocol):
    """A detector factory that reads files of its own from the Bastion home (the edge calls
    this in ``Scanner.load``; the result goes to ``Resources.assets`` under the detector's name).

    Return None when the home holds nothing for it; raise ``ValueError`` with one line when what
    it holds is unreadable (a scan must not run on silently without a registry it was given)."""

    @property
    def name(self) -> str: ...

    def load_asset(self, home: Path) -> Any: ...


def re2_text(text: str) -> str:
    """``text`` for an RE2 search: lone surrogates replaced (RE2 reads UTF-8, and a detector's
    gate words hold none of them), so hostile input cannot make a gate raise."""
    return text if text.isascii() else text.encode("utf-8", "replace").decode("utf-8")
