"""The PDQ perceptual hash of an image, so that one poster reposted by many accounts is one
listing: two hashes within a small Hamming distance are the same picture, resized, recompressed
or slightly cropped. PDQ reads luminance only, so the grey frame loses nothing it would use."""

from __future__ import annotations

from typing import Final

import numpy as np
import pdqhash
from PIL import Image

HASH_SIDE: Final = 384
"""PDQ downsamples to 64x64 through a blur; a frame is first reduced to this side, which keeps
the hash cost flat in the image size. On the QR suite of ``bench.images_qr`` the hash of the
reduced frame is 2.3 bits from the full-size hash on average (512: 1.8; 256: 7.5), far inside
the usual match distance of 31, at a third of the cost of 512."""
PDQ_BITS: Final = 256


def pdq_hash(frame: Image.Image) -> tuple[str, int]:
    """``(hex, quality)``: 64 hex digits of the 256 bits, most significant first, and PDQ's
    quality in 0-100 (below about 50 the image is too flat for its hash to mean much)."""
    if max(frame.size) > HASH_SIDE:
        ratio = HASH_SIDE / max(frame.size)
        size = (max(1, round(frame.size[0] * ratio)), max(1, round(frame.size[1] * ratio)))
        frame = frame.resize(size, Image.Resampling.BILINEAR, reducing_gap=3.0)
    rgb = np.asarray(
        frame.convert("RGB")
    )  # PDQ reads three channels; Pillow copies at half the cost
    bits, quality = pdqhash.compute(rgb)
    return np.packbits(np.asarray(bits, dtype=np.uint8)).tobytes().hex(), int(quality)


def hamming(left: str, right: str) -> int:
    """Bits that differ between two hex hashes of the same length."""
    return (int(left, 16) ^ int(right, 16)).bit_count()
