"""The PDQ perceptual hash of an image, so that one poster reposted by many accounts is one
listing: two hashes within a small Hamming distance are the same picture, resized, recompressed
or slightly cropped. PDQ reads luminance only, so the grey frame loses nothing it would use."""

from __future__ import annotations

from typing import Final

import numpy as np
import pdqhash
from PIL import Image

HASH_SIDE: Final = 512
"""PDQ's reference downsamples to 64x64 through a blur; a frame is first reduced to this side
(as the reference implementation advises), which keeps the hash cost flat in the image size."""
PDQ_BITS: Final = 256


def pdq_hash(frame: Image.Image) -> tuple[str, int]:
    """``(hex, quality)``: 64 hex digits of the 256 bits, most significant first, and PDQ's
    quality in 0-100 (below about 50 the image is too flat for its hash to mean much)."""
    if max(frame.size) > HASH_SIDE:
        frame = frame.copy()
        frame.thumbnail((HASH_SIDE, HASH_SIDE), Image.Resampling.BILINEAR)
    grey = np.asarray(frame, dtype=np.uint8)
    rgb = np.ascontiguousarray(np.repeat(grey[:, :, None], 3, axis=2))
    bits, quality = pdqhash.compute(rgb)
    return np.packbits(np.asarray(bits, dtype=np.uint8)).tobytes().hex(), int(quality)


def hamming(left: str, right: str) -> int:
    """Bits that differ between two hex hashes of the same length."""
    return (int(left, 16) ^ int(right, 16)).bit_count()
