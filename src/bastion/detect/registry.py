"""The detector registry: built-in detectors and third-party ones from Python entry points.

A built-in detector is one module in ``bastion.detect`` plus one line in ``BUILTIN``. A package
adds its own with an entry point in the ``bastion.detectors`` group naming a detector class (or
any factory with ``name`` and ``emits`` attributes, called with the scanner's ``Resources``)::

    [project.entry-points."bastion.detectors"]
    lookalike = "acme_bastion.lookalike:LookalikeDetector"

Built-ins run first, in ``BUILTIN`` order, then entry points by name. Registration is read once
per process, when the first scanner or policy is loaded; a broken entry point, a duplicate name or
an undeclared label is a ``DetectorError`` then, never a silent skip.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from importlib import import_module
from typing import TYPE_CHECKING, Any, Final, cast

from bastion.detect.base import AssetLoader, Detector, DetectorFactory, Resources

if TYPE_CHECKING:
    from pathlib import Path

ENTRY_POINT_GROUP: Final = "bastion.detectors"
BUILTIN: Final = (
    "bastion.detect.reputation:ReputationDetector",
    "bastion.detect.provenance:ProvenanceDetector",
    "bastion.detect.impersonation:ImpersonationDetector",
    "bastion.detect.near_duplicates:NearDuplicateDetector",
    "bastion.detect.rumours:RumourDetector",
    "bastion.detect.credentials:CredentialDetector",
    "bastion.detect.text_model:TextModelDetector",
    "bastion.detect.url_model:UrlModelDetector",
    "bastion.detect.unnamed_handles:UnnamedHandleDetector",
    "bastion.detect.withheld_tlds:WithheldTldDetector",
    "bastion.detect.unread_hosts:UnreadHostDetector",
    "bastion.detect.masked_names:MaskedNameDetector",
    "bastion.detect.listed_names:ListedNameDetector",
    "bastion.detect.decode_hints:DecodeHintDetector",
)
"""``module:attribute`` of each built-in detector factory, in the order they run."""

_LABEL = re.compile(r"[a-z][a-z0-9_.\-]{0,63}")


class DetectorError(ValueError):
    """A detector that cannot be registered or built; the message is one line."""


def _checked(factory: Any, where: str) -> DetectorFactory:
    name, emits = getattr(factory, "name", None), getattr(factory, "emits", None)
    if not callable(factory) or not isinstance(name, str) or not _LABEL.fullmatch(name):
        raise DetectorError(f"{where}: a detector needs a 'name' (a-z, 0-9, '_', '.', '-')")
    if not isinstance(emits, frozenset) or not all(
        isinstance(label, str) and _LABEL.fullmatch(label) for label in emits
    ):
        raise DetectorError(
            f"{where}: detector {name!r} must declare 'emits' as a frozenset of labels "
            "(a-z, 0-9, '_', '.', '-')"
        )
    return cast("DetectorFactory", factory)


def _builtin(reference: str) -> DetectorFactory:
    module, _, attribute = reference.partition(":")
    return _checked(getattr(import_module(module), attribute), f"built-in {reference}")


@cache
def registered() -> tuple[DetectorFactory, ...]:
    """Every detector factory, built-ins first. Cached: entry points are read once."""
    from importlib.metadata import entry_points  # load time only; it pulls in email/socket

    factories = [_builtin(reference) for reference in BUILTIN]
    for point in sorted(entry_points(group=ENTRY_POINT_GROUP), key=lambda p: p.name):
        where = f"entry point {point.name!r} ({point.value})"
        try:
            loaded = point.load()
        except Exception as exc:  # a third-party import can fail any way; report it in one line
            raise DetectorError(f"{where} cannot be loaded: {type(exc).__name__}: {exc}") from None
        factories.append(_checked(loaded, where))
    seen: set[str] = set()
    for factory in factories:
        if factory.name in seen:
            raise DetectorError(f"two detectors are named {factory.name!r}")
        seen.add(factory.name)
    return tuple(factories)


def declared_labels(
    factories: Iterable[DetectorFactory | Detector] | None = None,
) -> frozenset[str]:
    """Every label the given detectors (default: all registered) declare they emit."""
    chosen = registered() if factories is None else factories
    return frozenset(label for factory in chosen for label in factory.emits)


def load_assets(home: Path) -> dict[str, object]:
    """Every registered detector's asset from ``home`` (``AssetLoader``), by detector name.

    Called at the edge (``Scanner.load``), never during a scan. A loader's ``ValueError`` or
    ``OSError`` becomes a one-line ``DetectorError`` naming the detector."""
    assets: dict[str, object] = {}
    for factory in registered():
        if not isinstance(factory, AssetLoader):
            continue
        try:
            loaded = factory.load_asset(home)
        except (OSError, ValueError) as exc:
            raise DetectorError(f"detector {factory.name!r} cannot load its data: {exc}") from None
        if loaded is not None:
            assets[factory.name] = loaded
    return assets


def load_detectors(resources: Resources) -> tuple[Detector, ...]:
    """Build every registered detector over ``resources``, checking each keeps its declaration."""
    detectors: list[Detector] = []
    for factory in registered():
        detector = factory(resources)
        if not isinstance(detector, Detector):
            raise DetectorError(f"detector {factory.name!r} lacks gate() or detect()")
        if detector.name != factory.name or detector.emits != factory.emits:
            raise DetectorError(
                f"detector {factory.name!r} built with a different name or labels than it declares"
            )
        detectors.append(detector)
    return tuple(detectors)
