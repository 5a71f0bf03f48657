"""The contract every registered image decoder passes (the QR reader and OCR): a valid
name, payloads with boxes inside the frame, the same payloads for the same frame, any frame size
and content handled, and no I/O while decoding."""

from __future__ import annotations

import random
from typing import Any

import pytest
from PIL import Image

from bastion.extract.images.base import ImageDecoder, Payload
from bastion.extract.images.registry import registered_decoders
from tests.extract.images import pictures
from tests.extract.images.conftest import LISTED_URL
from tests.extract.images.test_purity import watching
from tests.extract.images.text_pictures import text_picture

FACTORIES = registered_decoders()


@pytest.fixture(params=FACTORIES, ids=[f.name for f in FACTORIES])
def decoder(request: pytest.FixtureRequest) -> ImageDecoder:
    built = request.param()
    assert isinstance(built, ImageDecoder)
    return built


def _frames() -> list[Image.Image]:
    rng = random.Random(3)
    noise = Image.frombytes("L", (160, 120), bytes(rng.randrange(256) for _ in range(160 * 120)))
    return [
        Image.new("L", (1, 1), 255),
        Image.new("L", (3, 900), 0),
        Image.new("L", (640, 480), 128),
        noise,
        pictures.qr(LISTED_URL, scale=3),
        pictures.poster((pictures.qr(LISTED_URL, scale=2), (5, 5)), size=(1600, 1200)),
    ]


FRAMES = _frames()


def _check(payloads: Any, frame: Image.Image) -> list[Payload]:
    assert isinstance(payloads, list)
    for payload in payloads:
        assert isinstance(payload, Payload)
        assert isinstance(payload.text, str) and payload.text
        left, top, right, bottom = payload.box
        assert 0 <= left <= right <= frame.size[0] + 1 and 0 <= top <= bottom <= frame.size[1] + 1
    return payloads


def test_the_name_is_unique_and_plain(decoder: ImageDecoder) -> None:
    assert decoder.name.isidentifier() and decoder.name.islower()
    assert [f.name for f in FACTORIES].count(decoder.name) == 1


@pytest.mark.parametrize("frame", FRAMES, ids=lambda f: f"{f.size[0]}x{f.size[1]}")
def test_any_frame_gives_sound_payloads_without_io(
    decoder: ImageDecoder, frame: Image.Image
) -> None:
    decoder.decode(frame)  # warm
    with watching() as seen:
        first = _check(decoder.decode(frame), frame)
    assert seen == []
    assert decoder.decode(frame) == first  # deterministic


def test_a_code_it_should_read_is_read(decoder: ImageDecoder) -> None:
    if decoder.name == "ocr":
        poster = text_picture(["Visit lucky-spin.net now"]).convert("L")
        assert [p.text for p in decoder.decode(poster)] == ["Visit lucky-spin.net now"]
        return
    if decoder.name != "qr":
        pytest.skip("only the QR and OCR decoders have a known payload here")
    assert [p.text for p in decoder.decode(FRAMES[4])] == [LISTED_URL]
