"""Image references that need no I/O: ``data:`` URIs and base64 strings become bytes here.

The edges (``bastion.image_inputs`` for files, the API for base64 bodies) and the core share
this, so an inline image is decoded and bounded the same way wherever it arrives. A reference
that names a file is not read here: the core never opens files.
"""

from __future__ import annotations

import base64
import binascii
import re
from collections.abc import Sequence
from typing import Final

from bastion.extract.images.limits import ImageLimits
from bastion.model import ImageInput

DATA_URI: Final = re.compile(r"data:([\w.+/-]{0,100})((?:;[\w=.+-]{1,64}){0,4}),", re.ASCII)
_SPACE: Final = re.compile(r"\s+")
NOT_READ: Final = (
    "not read: image files are read by the edge (bastion scan, bastion.image_inputs), "
    "not by Scanner.scan"
)


def is_data_uri(ref: str) -> bool:
    return ref[:5].lower() == "data:"


def describe_inline(media_type: str, size: int) -> str:
    """The ``ref`` kept for an inline image: its type and size, never the bytes themselves."""
    return f"data:{media_type or 'application/octet-stream'} ({size:,} bytes)"


def from_base64(text: str, limits: ImageLimits, *, media_type: str = "") -> ImageInput:
    """Decode base64 image bytes, refusing text that would decode past the byte limit unread."""
    cleaned = _SPACE.sub("", text)
    if len(cleaned) * 3 // 4 > limits.max_image_bytes + 3:
        return ImageInput(
            describe_inline(media_type, len(cleaned) * 3 // 4),
            error=f"image of about {len(cleaned) * 3 // 4:,} bytes is over the limit of "
            f"{limits.max_image_bytes:,}",
        )
    try:
        data = base64.b64decode(cleaned, validate=True)
    except (binascii.Error, ValueError):
        return ImageInput(describe_inline(media_type, 0), error="image bytes are not valid base64")
    ref = describe_inline(media_type, len(data))
    if len(data) > limits.max_image_bytes:
        limit = limits.max_image_bytes
        return ImageInput(ref, error=f"image of {len(data):,} bytes is over the limit of {limit:,}")
    return ImageInput(ref, data)


def from_data_uri(ref: str, limits: ImageLimits) -> ImageInput:
    """A ``data:[type][;base64],...`` URI as bytes, or the reason it cannot be."""
    head = DATA_URI.match(ref)
    if head is None:
        return ImageInput("data: URI", error="malformed data: URI (expected data:TYPE;base64,...)")
    media_type, params = head[1].lower(), head[2].lower()
    if ";base64" not in params:
        return ImageInput(describe_inline(media_type, 0), error="data: URI is not base64-encoded")
    return from_base64(ref[head.end() :], limits, media_type=media_type)


def inline_inputs(refs: Sequence[str], limits: ImageLimits) -> tuple[ImageInput, ...]:
    """What the core can make of an item's ``images`` with no I/O: data URIs decoded, anything
    else reported as not read (the CLI and API read files before the scan)."""
    return tuple(
        from_data_uri(ref, limits) if is_data_uri(ref) else ImageInput(ref[:200], error=NOT_READ)
        for ref in refs
    )
