"""The PDQ hash taken through the C++ function ``pdqhash`` wraps equals the package's own
``pdqhash.compute`` bit for bit, on every shape of grey frame, and the faster path is the one
in use with the pinned package."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image

from bastion.extract.images import hashes
from tests.extract.images import pictures


def _frames() -> list[Image.Image]:
    rng = np.random.default_rng(20261207)
    frames = [Image.new("L", (1, 1), 0), Image.new("L", (64, 64), 255)]
    for n in range(40):
        height, width = (int(v) for v in rng.integers(1, 420, 2))
        noise = (rng.random((height, width)) * 255).astype(np.uint8)
        if n % 2:
            noise = np.cumsum(noise, axis=1, dtype=np.uint8)
        frames.append(Image.fromarray(noise))
    code = pictures.qr("https://bet888.com/x", scale=5)
    frames += [code, pictures.poster((code, (20, 30))), pictures.blurred(code)]
    return frames


def test_the_pinned_package_exports_the_native_hasher() -> None:
    assert hashes._NATIVE is not None


@pytest.mark.parametrize("frame", _frames(), ids=lambda f: "x".join(map(str, f.size)))
def test_native_hash_equals_the_packages(frame: Image.Image) -> None:
    assert hashes.frame_hash(frame) == hashes.package_hash(frame)


def test_an_rgb_frame_is_hashed_as_its_grey() -> None:
    grey = pictures.poster((pictures.qr("https://bet888.com/x"), (40, 40)))
    assert hashes.pdq_hash(grey.convert("RGB")) == hashes.pdq_hash(grey)


def test_a_large_frame_is_reduced_before_hashing_and_stays_near_its_full_size_hash() -> None:
    code = pictures.qr("https://bet888.com/landing", scale=12)
    big = pictures.poster((code, (100, 80)), size=(1000, 760))
    reduced, _ = hashes.pdq_hash(big)
    full, _ = hashes.package_hash(big)
    assert hashes.frame_hash(big)[0] == full
    assert hashes.hamming(reduced, full) <= 31
