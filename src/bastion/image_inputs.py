"""Reading an item's images at the edge (``bastion scan``, ``bastion explain --image``, the API).

An input record's ``images`` may name files (absolute, or relative to the input file's folder)
or hold ``data:`` URIs; the API also takes base64 bytes. This module turns each into bytes (or
the reason there are none) within the byte limits, before the scan, so that ``Scanner.scan``
never opens a file. A missing or unreadable file, a remote URL or an image over a limit is an
error on that image only: the item's text and its other images are still scanned.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Final

from bastion.extract.images.inputs import from_data_uri, is_data_uri
from bastion.extract.images.limits import DEFAULT_LIMITS, ImageLimits
from bastion.model import ImageInput, Item

_SCHEME: Final = re.compile(r"[a-zA-Z][a-zA-Z0-9+.-]{1,15}://")
MAX_REF_CHARS: Final = 1_000


def read_file(ref: str, base_dir: Path, limits: ImageLimits) -> ImageInput:
    """One image file's bytes, refusing a file over the byte limit before reading it."""
    shown = ref[:200]
    if len(ref) > MAX_REF_CHARS or "\0" in ref:
        return ImageInput(shown, error="not a usable file path")
    path = Path(ref)
    if not path.is_absolute():
        path = base_dir / path
    try:
        size = path.stat().st_size
        if not path.is_file():
            return ImageInput(shown, error="not a regular file")
        if size > limits.max_image_bytes:
            return ImageInput(
                shown,
                error=f"image of {size:,} bytes is over the limit of {limits.max_image_bytes:,}",
            )
        with path.open("rb") as stream:
            data = stream.read(limits.max_image_bytes + 1)
    except OSError as exc:
        return ImageInput(shown, error=f"cannot read image file: {exc.strerror or exc}")
    if len(data) > limits.max_image_bytes:
        return ImageInput(shown, error=f"image is over the limit of {limits.max_image_bytes:,}")
    return ImageInput(shown, data)


def read_images(
    refs: Sequence[str], base_dir: Path | None, limits: ImageLimits = DEFAULT_LIMITS
) -> tuple[ImageInput, ...]:
    """Every reference as bytes or an error, holding the item to ``max_item_bytes`` together.

    ``base_dir`` is the folder relative paths start from; ``None`` refuses file paths (the API
    reads no files on a caller's behalf)."""
    inputs: list[ImageInput] = []
    for position, ref in enumerate(refs):
        if position >= limits.max_images:
            inputs.append(ImageInput(ref[:200]))  # refused unread by within_item_limits
            continue
        if is_data_uri(ref):
            image = from_data_uri(ref, limits)
        elif _SCHEME.match(ref):
            image = ImageInput(
                ref[:200], error="remote images are not fetched: send the bytes or a file path"
            )
        elif base_dir is None:
            image = ImageInput(ref[:200], error="file paths are not read here: send the bytes")
        else:
            image = read_file(ref, base_dir, limits)
        inputs.append(image)
    return within_item_limits(inputs, limits)


def within_item_limits(
    inputs: Sequence[ImageInput], limits: ImageLimits = DEFAULT_LIMITS
) -> tuple[ImageInput, ...]:
    """The item's images with those past ``max_images``, or past ``max_item_bytes`` counted in
    order, turned into errors (their bytes dropped)."""
    kept: list[ImageInput] = []
    total = 0
    for position, image in enumerate(inputs):
        if position >= limits.max_images:
            refused = f"not read: an item may carry {limits.max_images} images"
            kept.append(ImageInput(image.ref, error=refused))
        elif image.data is not None and total + len(image.data) > limits.max_item_bytes:
            refused = (
                f"the item's images together are over the limit of {limits.max_item_bytes:,} bytes"
            )
            kept.append(ImageInput(image.ref, error=refused))
        else:
            kept.append(image)
            total += len(image.data or b"")
    return tuple(kept)


def with_images(item: Item, base_dir: Path | None, limits: ImageLimits = DEFAULT_LIMITS) -> Item:
    """``item`` with its images read (``Item.image_data``); unchanged when it has none."""
    if not item.images or item.image_data:
        return item
    return dataclasses.replace(item, image_data=read_images(item.images, base_dir, limits))


MAX_TRUST_BYTES: Final = 1 << 20
"""Largest C2PA trust-anchor file read (a list of a few hundred root certificates)."""


def read_trust_anchors(path: Path) -> str | None:
    """The operator's C2PA trust anchors: PEM certificates in ``path``, checked to parse, or
    None when there is no such file. A file that is there but is not a PEM list of X.509
    certificates raises ``ValueError`` naming it: scanning on would silently trust nobody."""
    if not path.is_file():
        return None
    from cryptography import x509  # only when an operator supplies anchors

    if path.stat().st_size > MAX_TRUST_BYTES:
        raise ValueError(f"{path}: C2PA trust anchors over {MAX_TRUST_BYTES:,} bytes")
    data = path.read_bytes()
    try:
        certificates = x509.load_pem_x509_certificates(data)
    except ValueError as exc:
        raise ValueError(f"{path}: not a PEM list of X.509 certificates ({exc})") from None
    if not certificates:
        raise ValueError(f"{path}: holds no certificate")
    return data.decode("ascii")
