"""QR codes and barcodes with zxing-cpp: one cheap pass, cheap retries only when it finds nothing.

The first pass looks for QR and Micro QR codes only, with zxing-cpp's own rotation, inversion and
downscaling: that reads most codes (rotated, inverted, small, several per image, logos in the
middle) in about a millisecond per megapixel. Only a frame where it finds nothing gets the
retries, in order of cost, stopping at the first that finds something. The QR retries run only
where they can pay: ``upscale`` on a small frame, the others where a pass before them saw a code
it could not decode (zxing-cpp reports it with a checksum error). On the suite of
``bench.images_qr`` every picture that ``sharpen`` rescued had such a candidate, and no picture
without a code had one, so a photograph with no code costs the first pass, ``upscale`` when it
is small, and the barcode pass only:

* ``upscale``: small frames enlarged, for codes of one or two pixels a module;
* ``sharpen``: an unsharp mask (on the enlarged frame when small), for blur;
* ``binarise``: contrast stretched and a global threshold, for low contrast and uneven light;
* ``denoise``: a median filter, for noise and JPEG artefacts that break the finder patterns;
* ``barcodes``: every other symbology zxing-cpp reads (Data Matrix, Aztec, PDF417 and linear
  barcodes), on a frame reduced to ``OTHER_FORMATS_SIDE`` (they cost ten times a QR pass on
  photographs, so they run last and small).

Which pass found a code is kept (``ImageCode.attempt``) and ``bench/images_qr.py`` reports what
each retry buys. Inversion needs no retry (zxing-cpp's ``try_invert`` is part of the first pass);
a big picture whose reduction lost a small code is read in full-size tiles by the image stage
(``ImageStage._tiles``), not here.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

import zxingcpp
from PIL import Image, ImageFilter, ImageOps

from bastion.extract.images.base import Payload

QR_FORMATS: Final = zxingcpp.barcode_formats_from_str("QRCode,MicroQRCode")
OTHER_FORMATS: Final = zxingcpp.barcode_formats_from_str(
    "DataMatrix,Aztec,PDF417,MicroPDF417,AllLinear"
)
UPSCALE_BELOW: Final = 320
"""Frames whose shorter side is below this are enlarged by the ``upscale`` retry."""
OTHER_FORMATS_SIDE: Final = 360
"""Longer side at which the other symbologies are searched (about 4 ms on a noisy photograph;
8 ms at 640)."""
MAX_PAYLOADS: Final = 16
"""Codes kept per frame (a poster with more is reported with the first sixteen)."""

Transform = Callable[[Image.Image], tuple[Image.Image, float]]
"""A retry's frame and the factor back to the original frame's pixels."""


def _upscale(frame: Image.Image) -> tuple[Image.Image, float]:
    factor = max(2, -(-UPSCALE_BELOW // max(1, min(frame.size))))
    factor = min(factor, 4)
    size = (frame.size[0] * factor, frame.size[1] * factor)
    return frame.resize(size, Image.Resampling.BICUBIC), 1 / factor


def _sharpen(frame: Image.Image) -> tuple[Image.Image, float]:
    factor = 1.0
    if min(frame.size) < UPSCALE_BELOW:
        frame, factor = _upscale(frame)
    radius = 1.5 / factor
    return frame.filter(ImageFilter.UnsharpMask(radius=radius, percent=200, threshold=0)), factor


def _binarise(frame: Image.Image) -> tuple[Image.Image, float]:
    stretched = ImageOps.autocontrast(frame, cutoff=2)
    return stretched.point(lambda v: 255 if v >= 128 else 0), 1.0


def _denoise(frame: Image.Image) -> tuple[Image.Image, float]:
    return frame.filter(ImageFilter.MedianFilter(3)), 1.0


def _small(frame: Image.Image) -> tuple[Image.Image, float]:
    side = max(frame.size)
    if side <= OTHER_FORMATS_SIDE:
        return frame, 1.0
    factor = side / OTHER_FORMATS_SIDE
    size = (max(1, round(frame.size[0] / factor)), max(1, round(frame.size[1] / factor)))
    return frame.resize(size, Image.Resampling.BOX), factor


RETRIES: Final[tuple[tuple[str, Transform, object], ...]] = (
    ("upscale", _upscale, QR_FORMATS),
    ("sharpen", _sharpen, QR_FORMATS),
    ("binarise", _binarise, QR_FORMATS),
    ("denoise", _denoise, QR_FORMATS),
    ("barcodes", _small, OTHER_FORMATS),
)
"""Name, transform and symbologies of each retry, cheapest first."""


class QrDecoder:
    """Every QR code and barcode zxing-cpp can read in a frame."""

    name: Final = "qr"
    __slots__ = ("retries",)

    def __init__(self, *, retries: bool = True) -> None:
        self.retries = retries

    def decode(self, frame: Image.Image) -> list[Payload]:
        found, seen = _read(frame, QR_FORMATS, 1.0, "plain")
        if found or not self.retries:
            return found
        small = min(frame.size) < UPSCALE_BELOW
        for name, transform, formats in RETRIES:
            if name == "upscale":
                if not small:
                    continue
            elif formats is QR_FORMATS and not seen:
                continue
            changed, factor = transform(frame)
            found, candidate = _read(changed, formats, factor, name)
            if found:
                return found
            seen = seen or candidate
        return []


def _read(
    frame: Image.Image, formats: object, factor: float, attempt: str
) -> tuple[list[Payload], bool]:
    """The codes read, and whether a code was seen that could not be decoded."""
    payloads: list[Payload] = []
    seen: set[tuple[str, str]] = set()
    candidate = False
    codes = zxingcpp.read_barcodes(frame, formats=formats, return_errors=True)  # type: ignore[arg-type]
    for code in codes:
        if not code.valid:
            candidate = True
            continue
        text = code.text
        kind = str(code.format).replace(" ", "")
        if not text or (kind, text) in seen:
            continue
        seen.add((kind, text))
        position = code.position
        corners = (
            position.top_left,
            position.top_right,
            position.bottom_right,
            position.bottom_left,
        )
        xs = [point.x for point in corners]
        ys = [point.y for point in corners]
        box = (
            max(0, round(min(xs) * factor)),
            max(0, round(min(ys) * factor)),
            round(max(xs) * factor),
            round(max(ys) * factor),
        )
        payloads.append(Payload(kind, text, box, attempt))
        if len(payloads) >= MAX_PAYLOADS:
            break
    return payloads, candidate
