"""How much an image may cost: bytes at the edge, pixels and frames in the core.

Every bound here holds before the expensive step it guards: bytes are counted before decoding,
the pixel count is read from the header before any pixel is decoded, and frames are decoded
only while the per-image pixel budget lasts. So a decompression bomb, a 50-megapixel poster or
a GIF of ten thousand frames costs a bounded, small amount of work, and says why in the result.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

MIB: Final = 1 << 20


@dataclass(frozen=True, slots=True)
class ImageLimits:
    """Per-image and per-item bounds (defaults suit avatars and posters of a social platform)."""

    max_images: int = 16
    """Images read per item; the rest are reported as skipped."""
    max_image_bytes: int = 5 * MIB
    """Encoded size of one image."""
    max_item_bytes: int = 12 * MIB
    """Encoded size of all images of one item together."""
    max_pixels: int = 40_000_000
    """Header size (width x height) an image may declare. A larger JPEG is decoded at a reduced
    scale (its DCT allows 1/2, 1/4, 1/8 for almost nothing) when that brings it under; any
    other larger image is refused unread."""
    pixel_budget: int = 64_000_000
    """Pixels decoded per image over all its frames (a GIF decodes every frame it passes)."""
    max_frames: int = 4
    """Frames of an animation that are examined, spread over the ones the budget reaches."""
    work_pixels: int = 4_194_304
    """Frames larger than this (2048 x 2048) are reduced before the decoders look at them."""
    max_payload_chars: int = 4_096
    """Characters of one decoded payload that are scanned (a QR code holds at most ~7,000)."""

    def __post_init__(self) -> None:
        for name in self.__dataclass_fields__:
            if getattr(self, name) < 1:
                raise ValueError(f"image limit {name} must be at least 1")


DEFAULT_LIMITS: Final = ImageLimits()
