"""Images in, safely: every bad image is its own clear error, and the work an image can cause is
bounded by counts (pixels decoded, frame sizes a decoder sees), never by a clock."""

from __future__ import annotations

import io
import random

import pytest
from PIL import Image

from bastion.extract.images import ImageStage
from bastion.extract.images.base import Payload
from bastion.extract.images.decode import ImageError, decode_image
from bastion.extract.images.limits import DEFAULT_LIMITS, ImageLimits
from bastion.model import ImageInput, Item
from tests.extract.images import pictures
from tests.extract.images.conftest import LISTED_URL


class FrameRecorder:
    """A decoder that reads nothing and records the size of every frame it is shown."""

    name = "recorder"

    def __init__(self) -> None:
        self.sizes: list[tuple[int, int]] = []

    def decode(self, frame: Image.Image) -> list[Payload]:
        self.sizes.append(frame.size)
        return []


def _report(data: bytes, limits: ImageLimits = DEFAULT_LIMITS) -> tuple[object, FrameRecorder]:
    recorder = FrameRecorder()
    stage = ImageStage(limits, (recorder,))
    return stage.read_one(0, ImageInput("test", data)), recorder


def test_a_png_qr_code_is_decoded_with_its_box(qr_png: bytes) -> None:
    stage = ImageStage()
    report = stage.read_one(0, ImageInput("qr.png", qr_png))
    assert report.error is None
    assert (report.format, report.frames) == ("PNG", 1)
    [code] = report.codes
    assert (code.decoder, code.format, code.text) == ("qr", "QRCode", LISTED_URL)
    left, top, right, bottom = code.box
    assert 0 <= left < right <= report.width and 0 <= top < bottom <= report.height
    assert report.pdq is not None and len(report.pdq) == 64 and report.pdq_quality is not None


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "not an image format"),
        (b"GIF89a" + bytes(range(256)) * 4, "corrupt or truncated"),
        (bytes(random.Random(7).randrange(256) for _ in range(3000)), "not an image format"),
        (b"II*\x00" + b"\x00" * 200, "not an image format"),  # TIFF: not a format Bastion reads
        (b"%PDF-1.7\n" + b"0" * 100, "not an image format"),
    ],
    ids=["empty", "corrupt-gif", "noise", "tiff", "pdf"],
)
def test_unreadable_bytes_are_one_clear_error(data: bytes, reason: str) -> None:
    report, recorder = _report(data)
    assert report.error is not None and reason in report.error  # type: ignore[attr-defined]
    assert "\n" not in report.error  # type: ignore[attr-defined]
    assert recorder.sizes == []


def test_a_truncated_image_is_an_error(qr_png: bytes) -> None:
    for cut in (len(qr_png) // 2, len(qr_png) // 3, 40):
        report, _ = _report(qr_png[:cut])
        assert report.error is not None, cut  # type: ignore[attr-defined]


def test_too_many_bytes_is_refused_before_decoding(qr_png: bytes) -> None:
    with pytest.raises(ImageError, match="over the limit"):
        decode_image(qr_png, ImageLimits(max_image_bytes=len(qr_png) - 1))


@pytest.mark.parametrize("side", [20_000, 65_000])
def test_a_decompression_bomb_is_refused_from_its_header(side: int) -> None:
    report, recorder = _report(pictures.png_header_only(side, side))
    assert "pixels" in report.error or "bomb" in report.error  # type: ignore[attr-defined]
    assert report.decoded_pixels == 0 and recorder.sizes == []  # type: ignore[attr-defined]


@pytest.fixture(scope="session")
def big_jpeg() -> bytes:
    """50 megapixels of JPEG (a white page with a QR code in a corner)."""
    page = Image.new("L", (8000, 6250), 255)
    page.paste(pictures.qr(LISTED_URL, scale=24), (200, 200))
    return pictures.encode(page, "JPEG", quality=60)


def test_a_50_megapixel_jpeg_is_decoded_reduced_and_bounded(big_jpeg: bytes) -> None:
    report, recorder = _report(big_jpeg)
    assert report.error is None  # type: ignore[attr-defined]
    assert (report.width, report.height) == (8000, 6250)  # type: ignore[attr-defined]
    assert report.decoded_pixels <= DEFAULT_LIMITS.max_pixels  # type: ignore[attr-defined]
    assert all(w * h <= DEFAULT_LIMITS.work_pixels for w, h in recorder.sizes)
    found = ImageStage().read_one(0, ImageInput("big", big_jpeg))
    assert [code.text for code in found.codes] == [LISTED_URL]
    left, top, _, _ = found.codes[0].box
    assert abs(left - 200) < 120 and abs(top - 200) < 120  # in the page's own pixels


def test_a_big_png_is_refused_unread() -> None:
    limits = ImageLimits(max_pixels=100_000)
    data = pictures.encode(Image.new("L", (400, 400), 255))
    report, recorder = _report(data, limits)
    assert "over the limit of 100,000" in report.error  # type: ignore[attr-defined]
    assert recorder.sizes == []


def test_animated_frames_are_sampled_within_the_pixel_budget() -> None:
    code = pictures.qr(LISTED_URL, scale=3)
    frames = []
    for n in range(40):  # every frame differs, or the GIF writer merges them
        frame = code.copy() if n == 30 else Image.new("L", code.size, 255)
        frame.putpixel((n, 0), 0)
        frames.append(frame)
    data = pictures.animated_gif(frames)
    per_frame = code.size[0] * code.size[1]
    limits = ImageLimits(pixel_budget=per_frame * 12, max_frames=4)
    report, recorder = _report(data, limits)
    assert report.error is None  # type: ignore[attr-defined]
    assert len(recorder.sizes) == report.frames <= 4  # type: ignore[attr-defined]
    assert report.decoded_pixels <= limits.pixel_budget  # type: ignore[attr-defined]
    wide = ImageLimits(pixel_budget=per_frame * 64, max_frames=8)
    found = ImageStage(wide).read_one(0, ImageInput("anim.gif", data))
    assert [(c.text, c.frame) for c in found.codes] == [(LISTED_URL, 30)]


def test_exif_orientation_is_applied() -> None:
    upright = pictures.poster((pictures.qr(LISTED_URL, scale=3), (20, 20)), size=(360, 240))
    exif = Image.Exif()
    exif[0x0112] = 6  # stored turned; shown rotated 90 degrees clockwise
    stored = upright.transpose(Image.Transpose.ROTATE_90)
    data = pictures.encode(stored, "JPEG", quality=90, exif=exif)
    report = ImageStage().read_one(0, ImageInput("photo.jpg", data))
    assert (report.width, report.height) == (360, 240)
    [code] = report.codes
    assert code.box[0] < 120 and code.box[1] < 120  # top left, as a person sees it


def test_a_code_on_a_transparent_background_is_read() -> None:
    report = ImageStage().read_one(
        0, ImageInput("t.png", pictures.transparent(pictures.qr(LISTED_URL)))
    )
    assert [code.text for code in report.codes] == [LISTED_URL]


@pytest.mark.parametrize("fmt", ["JPEG", "WEBP", "BMP", "GIF"])
def test_every_supported_format_is_read(fmt: str) -> None:
    data = pictures.encode(pictures.qr(LISTED_URL, scale=5).convert("RGB"), fmt)
    report = ImageStage().read_one(0, ImageInput(f"qr.{fmt.lower()}", data))
    assert report.format == fmt and [code.text for code in report.codes] == [LISTED_URL]


def test_an_item_keeps_its_text_when_every_image_is_bad(listed_scanner: object) -> None:
    item = Item(
        id="x",
        text="官网 bet888.com",
        images=("a.png", "b.png"),
        image_data=(ImageInput("a.png", b"junk"), ImageInput("b.png", error="cannot read")),
    )
    result = listed_scanner.scan(item)  # type: ignore[attr-defined]
    assert result.verdict == "act"
    assert [image.error is not None for image in result.images] == [True, True]
    assert result.to_dict()["images"][1] == {"index": 1, "ref": "b.png", "error": "cannot read"}


def test_images_past_the_item_limit_are_reported_not_read(qr_png: bytes) -> None:
    stage = ImageStage(ImageLimits(max_images=2))
    inputs = tuple(ImageInput(f"{n}.png", qr_png) for n in range(3))
    item = Item(id="x", images=tuple(i.ref for i in inputs), image_data=inputs)
    reports = stage.read(item)
    assert [r.error is None for r in reports] == [True, True, False]
    assert "may carry 2 images" in (reports[2].error or "")


def test_every_mode_pillow_decodes_reaches_the_decoders_in_grey() -> None:
    for mode in ("1", "L", "LA", "P", "RGB", "RGBA", "I;16"):
        image = Image.new(mode, (40, 30))
        report, recorder = _report(pictures.encode(image))
        assert report.error is None, mode  # type: ignore[attr-defined]
        assert recorder.sizes == [(40, 30)], mode


def test_bytes_that_are_not_images_never_raise() -> None:
    rng = random.Random(11)
    seeds = [pictures.encode(pictures.qr("x")), pictures.encode(Image.new("RGB", (9, 9)), "GIF")]
    for _ in range(60):
        data = bytearray(rng.choice(seeds))
        for _ in range(rng.randrange(1, 12)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        report, _ = _report(bytes(data))
        assert report.error is None or "\n" not in report.error  # type: ignore[attr-defined]


def test_limits_are_validated() -> None:
    with pytest.raises(ValueError, match="max_frames"):
        ImageLimits(max_frames=0)
    assert io  # the module's buffers are used by the pictures helpers


def test_a_multi_picture_jpeg_from_a_phone_camera_is_read() -> None:
    first = pictures.qr(LISTED_URL, scale=4).convert("RGB")
    buffer = io.BytesIO()
    first.save(buffer, "MPO", save_all=True, append_images=[Image.new("RGB", first.size)])
    report = ImageStage().read_one(0, ImageInput("phone.jpg", buffer.getvalue()))
    assert (report.format, report.frames) == ("MPO", 2)
    assert [code.text for code in report.codes] == [LISTED_URL]


def test_a_small_code_on_a_big_poster_is_found_in_full_size_tiles() -> None:
    """Reduced by 3 or more, two-pixel modules vanish; the tiles pass reads the full size."""
    limits = ImageLimits(work_pixels=250 * 250)
    page = Image.new("L", (1000, 800), 230)
    page.paste(pictures.qr(LISTED_URL, scale=2), (40, 500))
    data = pictures.encode(page)
    [code] = ImageStage(limits).read_one(0, ImageInput("poster", data)).codes
    assert (code.text, code.attempt) == (LISTED_URL, "tiles")
    assert abs(code.box[0] - 48) <= 2 and abs(code.box[1] - 508) <= 2
    _, recorder = _report(data, limits)
    tiles = recorder.sizes[1:]  # the reduced frame first, then every tile once
    step = 250 - 250 // 8
    assert len(tiles) <= -(-1000 // step) * -(-800 // step)
    assert all(w * h <= limits.work_pixels for w, h in recorder.sizes)
