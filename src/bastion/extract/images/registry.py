"""The image decoder registry: the one place where QR reading and OCR plug in.

A built-in decoder is one module in ``bastion.extract.images`` plus one line in ``BUILTIN``;
another package adds one with an entry point in the ``bastion.image_decoders`` group naming a
class with a ``name`` and a ``decode(frame)`` method, built with no arguments. Registration is
read when a scanner is built; a broken entry point or a duplicate name is a ``DecoderError``
then, never a silent skip.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import import_module
from typing import Any, Final

from bastion.extract.images.base import ImageDecoder

ENTRY_POINT_GROUP: Final = "bastion.image_decoders"
BUILTIN: Final = (
    "bastion.extract.images.qr:QrDecoder",
    "bastion.extract.images.ocr:OcrDecoder",
)
"""``module:attribute`` of each built-in decoder class, in the order they run."""
_NAME = re.compile(r"[a-z][a-z0-9_]{0,31}")


class DecoderError(ValueError):
    """An image decoder that cannot be registered or built; the message is one line."""


def _checked(factory: Any, where: str) -> Any:
    name = getattr(factory, "name", None)
    if not callable(factory) or not isinstance(name, str) or not _NAME.fullmatch(name):
        raise DecoderError(f"{where}: an image decoder needs a 'name' (a-z, 0-9, '_')")
    return factory


@cache
def registered_decoders() -> tuple[Any, ...]:
    """Every decoder class, built-ins first. Cached: entry points are read once."""
    from importlib.metadata import entry_points  # load time only

    factories = []
    for reference in BUILTIN:
        module, _, attribute = reference.partition(":")
        factories.append(_checked(getattr(import_module(module), attribute), reference))
    for point in sorted(entry_points(group=ENTRY_POINT_GROUP), key=lambda p: p.name):
        where = f"entry point {point.name!r} ({point.value})"
        try:
            loaded = point.load()
        except Exception as exc:  # a third-party import can fail any way; report it in one line
            raise DecoderError(f"{where} cannot be loaded: {type(exc).__name__}: {exc}") from None
        factories.append(_checked(loaded, where))
    names = [factory.name for factory in factories]
    for name in names:
        if names.count(name) > 1:
            raise DecoderError(f"two image decoders are named {name!r}")
    return tuple(factories)


def load_decoders() -> tuple[ImageDecoder, ...]:
    """One instance of every registered decoder."""
    decoders = []
    for factory in registered_decoders():
        decoder = factory()
        if not isinstance(decoder, ImageDecoder):
            raise DecoderError(f"image decoder {factory.name!r} lacks decode()")
        decoders.append(decoder)
    return tuple(decoders)
