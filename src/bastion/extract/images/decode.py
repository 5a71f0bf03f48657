"""Bounded decoding of untrusted image bytes with Pillow, into grey frames the decoders read.

Only PNG, JPEG, GIF, WebP and BMP are opened (Pillow's other plugins, some of which call out
to external programs, are never consulted). Before a pixel is decoded the header's size is
checked against ``ImageLimits.max_pixels``; a larger JPEG is decoded at a reduced DCT scale, any
other is refused. Animations are sampled: at most ``max_frames`` frames, spread over those the
per-image pixel budget reaches. EXIF orientation is applied, transparency is laid on white (a
QR code drawn on a transparent background reads as printed), and frames larger than
``work_pixels`` are reduced before a decoder sees them. Whatever goes wrong is an ``ImageError``
with one clear line, never a crash.
"""

from __future__ import annotations

import io
import math
import warnings
from dataclasses import dataclass
from typing import Final

from PIL import (
    BmpImagePlugin,
    GifImagePlugin,
    Image,
    JpegImagePlugin,
    MpoImagePlugin,
    PngImagePlugin,
    UnidentifiedImageError,
    WebPImagePlugin,
)

from bastion.extract.images.limits import ImageLimits

FORMATS: Final = ("PNG", "JPEG", "GIF", "WEBP", "BMP")
_PLUGINS: Final = (
    BmpImagePlugin,
    GifImagePlugin,
    JpegImagePlugin,
    MpoImagePlugin,
    PngImagePlugin,
    WebPImagePlugin,
)
"""Imported here so that opening an image never imports a plugin (no import at scan time):
a JPEG with a multi-picture header (phone cameras write them) is opened by the MPO plugin."""
TILE_FACTOR: Final = 3
"""A frame reduced by this much or more keeps its full size for the ``tiles`` pass: at a
reduction by 2 a code of two pixels a module is still read (one pixel a module), at 3 it is
lost (measured on 12 and 27 megapixel posters)."""
_ORIENTATION: Final = 0x0112
_TRANSPOSE: Final = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}
"""EXIF orientation -> the transposition that shows the image upright (as ImageOps does)."""

_SIGNATURES: Final = (
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"GIF87a", "GIF"),
    (b"GIF89a", "GIF"),
    (b"BM", "BMP"),
)

# Pillow warns (and in tests, raises) for headers over its own bomb threshold; the size check
# below refuses those images with a clear error, so the warning says nothing new.
warnings.filterwarnings("ignore", category=Image.DecompressionBombWarning)


class ImageError(ValueError):
    """An image that cannot be read within the limits; the message is one line."""


@dataclass(slots=True)
class Frame:
    """One grey frame as the decoders see it. Image coordinates are frame coordinates times
    ``scale`` (above 1 when the frame was reduced to ``work_pixels``)."""

    position: int
    image: Image.Image
    scale: float
    full: Image.Image | None = None
    """The first frame before a reduction by 3 or more (None otherwise): the ``tiles`` pass
    reads it piece by piece when the reduced frame gave nothing."""
    full_scale: float = 1.0
    """Image coordinates per pixel of ``full``."""


@dataclass(slots=True)
class DecodedImage:
    """The readable part of an image: its format, upright size, sampled frames and the work."""

    format: str
    width: int
    height: int
    frames: list[Frame]
    decoded_pixels: int


def decode_image(data: bytes, limits: ImageLimits) -> DecodedImage:
    """Open ``data`` within ``limits``; raise ``ImageError`` saying why it cannot be read."""
    if len(data) > limits.max_image_bytes:
        raise ImageError(
            f"image of {len(data):,} bytes is over the limit of {limits.max_image_bytes:,}"
        )
    try:
        return _decode(data, limits)
    except ImageError:
        raise
    except UnidentifiedImageError:
        claimed = _claimed_format(data)
        if claimed is not None:
            reason = f"corrupt or truncated {claimed} image: its header does not parse"
            raise ImageError(reason) from None
        raise ImageError(
            f"not an image format Bastion reads ({', '.join(FORMATS)}) or not an image at all"
        ) from None
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise ImageError(f"refused as a decompression bomb: {exc}") from None
    except MemoryError:
        raise ImageError("image needs more memory than is available to decode") from None
    except Exception as exc:  # Pillow raises many kinds on hostile input; each is this image's
        reason = str(exc).splitlines()[0][:200] if str(exc) else type(exc).__name__
        raise ImageError(f"corrupt or truncated image: {reason}") from None


def _decode(data: bytes, limits: ImageLimits) -> DecodedImage:
    image = Image.open(io.BytesIO(data), formats=FORMATS)
    kind = image.format or "unknown"
    width, height = image.size
    if width < 1 or height < 1:
        raise ImageError(f"image declares an empty size {width}x{height}")
    if width * height > limits.max_pixels:
        if kind != "JPEG":
            raise ImageError(
                f"image of {width}x{height} = {width * height:,} pixels is over the limit of "
                f"{limits.max_pixels:,}"
            )
        factor = 2 ** math.ceil(math.log2(math.sqrt(width * height / limits.max_pixels)))
        image.draft("L", (math.ceil(width / factor), math.ceil(height / factor)))
        if image.size[0] * image.size[1] > limits.max_pixels:
            raise ImageError(
                f"JPEG of {width}x{height} pixels cannot be reduced under {limits.max_pixels:,}"
            )
    elif kind == "JPEG" and image.mode != "L":
        image.draft("L", image.size)  # decode the luminance only: the frames are grey anyway
    orientation = image.getexif().get(_ORIENTATION)
    transpose = _TRANSPOSE.get(orientation) if isinstance(orientation, int) else None
    scale_back = width / image.size[0]
    per_frame = image.size[0] * image.size[1]
    count = max(1, int(getattr(image, "n_frames", 1)))
    reachable = min(count, max(1, limits.pixel_budget // per_frame))
    positions = _spread(reachable, limits.max_frames)
    frames = []
    for position in positions:
        if position:
            image.seek(position)
        frame = _grey(image)
        if transpose is not None:
            frame = frame.transpose(transpose)
        reduced = _reduced(position, frame, scale_back, limits.work_pixels)
        if position:
            reduced.full = None
        frames.append(reduced)
    # A GIF decodes every frame it passes on the way to a later one; count them all.
    decoded = per_frame * ((positions[-1] + 1) if kind == "GIF" else len(positions))
    if transpose in (
        Image.Transpose.TRANSPOSE,
        Image.Transpose.TRANSVERSE,
        Image.Transpose.ROTATE_90,
        Image.Transpose.ROTATE_270,
    ):
        width, height = height, width
    return DecodedImage(kind, width, height, frames, decoded)


def _claimed_format(data: bytes) -> str | None:
    """The format whose signature opens ``data``, if one Bastion reads."""
    for signature, name in _SIGNATURES:
        if data.startswith(signature):
            return name
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "WEBP"
    return None


def _spread(reachable: int, wanted: int) -> list[int]:
    """``wanted`` frame positions spread evenly over ``range(reachable)``, first frame first."""
    if reachable <= wanted:
        return list(range(reachable))
    step = reachable / wanted
    return sorted({int(i * step) for i in range(wanted)})


def _grey(image: Image.Image) -> Image.Image:
    """The current frame in grey, transparent parts laid on white."""
    mode = image.mode
    if mode in ("RGBA", "LA", "PA") or (mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        white = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        white.alpha_composite(rgba)
        return white.convert("L")
    return image.convert("L")


def _reduced(position: int, frame: Image.Image, scale: float, work_pixels: int) -> Frame:
    pixels = frame.size[0] * frame.size[1]
    if pixels <= work_pixels:
        return Frame(position, frame, scale)
    factor = math.ceil(math.sqrt(pixels / work_pixels))
    full = frame if factor >= TILE_FACTOR else None
    return Frame(position, frame.reduce(factor), scale * factor, full, scale)
