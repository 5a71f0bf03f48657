"""The PDQ perceptual hash of an image, so that one poster reposted by many accounts is one
listing: two hashes within a small Hamming distance are the same picture, resized, recompressed
or slightly cropped. PDQ reads luminance only, so the grey frame loses nothing it would use.

``pdqhash.compute`` takes three channels and makes the luminance in float64 numpy arithmetic,
which cost more than the hash itself. The grey frame already is that luminance, so the hash is
taken by calling the C++ function the package wraps (``pdqHash256FromFloatLuma``, exported by
its extension module) on the frame as float32: the same hash bit for bit
(``tests/extract/images/test_hashes.py``) at a third of the cost. Where that symbol is missing
(another build of the package) the package's own entry point is used."""

from __future__ import annotations

import ctypes
from collections.abc import Callable
from typing import Final

import numpy as np
import pdqhash
from PIL import Image

HASH_SIDE: Final = 384
"""PDQ downsamples to 64x64 through a blur; a frame is first reduced to this side, which keeps
the hash cost flat in the image size. On 600 pictures of the QR suite (``python -m
bench.pdq_side``) the hash of the reduced frame is 2.8 bits from the full-size hash on average
(p95 14; 7.9 on the pictures over 384 px), far inside the usual match distance of 31, at a
quarter of the full-size cost; 256 drifts almost four times as far (10.5, p95 30)."""
PDQ_BITS: Final = 256
_NATIVE_SYMBOL: Final = (
    "_ZN8facebook3pdq7hashing23pdqHash256FromFloatLumaEPfS2_iiPA64_fS4_PA16_fRNS1_7Hash256ERi"
)


def _native_hasher() -> Callable[..., None] | None:
    """``pdqHash256FromFloatLuma(luma, scratch, rows, cols, b64x64, b16x64, b16x16, hash,
    quality)`` from the extension module, or None when this build does not export it."""
    try:
        function = getattr(ctypes.CDLL(pdqhash.bindings.__file__), _NATIVE_SYMBOL)
    except (OSError, AttributeError):
        return None
    function.argtypes = [ctypes.c_void_p] * 2 + [ctypes.c_int] * 2 + [ctypes.c_void_p] * 5
    function.restype = None
    return function  # type: ignore[no-any-return]


_NATIVE: Final = _native_hasher()


def pdq_hash(frame: Image.Image) -> tuple[str, int]:
    """``(hex, quality)``: 64 hex digits of the 256 bits, most significant first, and PDQ's
    quality in 0-100 (below about 50 the image is too flat for its hash to mean much)."""
    if max(frame.size) > HASH_SIDE:
        ratio = HASH_SIDE / max(frame.size)
        size = (max(1, round(frame.size[0] * ratio)), max(1, round(frame.size[1] * ratio)))
        frame = frame.resize(size, Image.Resampling.BILINEAR, reducing_gap=1.0)
    return frame_hash(frame)


def frame_hash(frame: Image.Image) -> tuple[str, int]:
    """``pdq_hash`` of the frame as it is, at whatever size."""
    if frame.mode != "L":
        frame = frame.convert("L")
    if _NATIVE is None:
        return package_hash(frame)
    luma = np.ascontiguousarray(np.asarray(frame, dtype=np.float32))
    scratch = np.empty_like(luma)
    buffers = (np.empty((64, 64), np.float32), np.empty((16, 64), np.float32))
    dct = np.empty((16, 16), np.float32)
    words = np.zeros(16, np.uint16)
    quality = ctypes.c_int(0)
    _NATIVE(
        luma.ctypes.data,
        scratch.ctypes.data,
        luma.shape[0],
        luma.shape[1],
        buffers[0].ctypes.data,
        buffers[1].ctypes.data,
        dct.ctypes.data,
        words.ctypes.data,
        ctypes.byref(quality),
    )
    return "".join(f"{word:04x}" for word in words[::-1].tolist()), quality.value


def package_hash(frame: Image.Image) -> tuple[str, int]:
    """The hash through ``pdqhash.compute`` (three channels of the grey frame, no reduction)."""
    rgb = np.asarray(frame.convert("RGB"))
    bits, quality = pdqhash.compute(rgb)
    return np.packbits(np.asarray(bits, dtype=np.uint8)).tobytes().hex(), int(quality)


def hamming(left: str, right: str) -> int:
    """Bits that differ between two hex hashes of the same length."""
    return (int(left, 16) ^ int(right, 16)).bit_count()
