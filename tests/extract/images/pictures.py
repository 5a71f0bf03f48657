"""Small generated pictures for the image tests: QR codes drawn with segno, encoded by Pillow.

Everything is made in memory, a few kilobytes each; the session-scoped fixtures in
``conftest.py`` build them once."""

from __future__ import annotations

import io
import struct
import zlib

import segno
from PIL import Image, ImageDraw, ImageFilter, ImageOps


def qr(text: str, *, scale: int = 4, border: int = 4, error: str = "m") -> Image.Image:
    """A QR code in grey, ``scale`` pixels a module."""
    buffer = io.BytesIO()
    segno.make(text, error=error, micro=False).save(buffer, kind="png", scale=scale, border=border)
    buffer.seek(0)
    return Image.open(buffer).convert("L")


def encode(image: Image.Image, fmt: str = "PNG", **options: object) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format=fmt, **options)
    return buffer.getvalue()


def poster(
    *codes: tuple[Image.Image, tuple[int, int]], size: tuple[int, int] = (480, 320)
) -> Image.Image:
    """A light grey canvas with each code pasted at its place."""
    canvas = Image.new("L", size, 235)
    for code, place in codes:
        canvas.paste(code, place)
    return canvas


def rotated(image: Image.Image, degrees: float) -> Image.Image:
    return image.rotate(degrees, expand=True, fillcolor=255, resample=Image.Resampling.BICUBIC)


def low_contrast(image: Image.Image) -> Image.Image:
    """Modules 60 grey levels apart, the way a washed-out photo shows them."""
    return image.point(lambda v: 150 if v < 128 else 210)


def blurred(image: Image.Image, radius: float = 1.2) -> Image.Image:
    return image.filter(ImageFilter.GaussianBlur(radius))


def inverted(image: Image.Image) -> Image.Image:
    return ImageOps.invert(image)


def with_logo(image: Image.Image, share: float = 0.22) -> Image.Image:
    """A filled square over the middle (error correction H survives it)."""
    out = image.copy()
    side = int(min(out.size) * share)
    left = (out.size[0] - side) // 2
    top = (out.size[1] - side) // 2
    ImageDraw.Draw(out).rectangle((left, top, left + side, top + side), fill=90)
    return out


def transparent(image: Image.Image) -> bytes:
    """Dark modules on a fully transparent background, as PNG."""
    rgba = Image.new("RGBA", image.size, (0, 0, 0, 0))
    mask = image.point(lambda v: 255 if v < 128 else 0)
    rgba.paste((20, 20, 20, 255), mask=mask)
    return encode(rgba)


def animated_gif(frames: list[Image.Image]) -> bytes:
    buffer = io.BytesIO()
    frames[0].save(buffer, "GIF", save_all=True, append_images=frames[1:], duration=80, loop=0)
    return buffer.getvalue()


def png_header_only(width: int, height: int) -> bytes:
    """A PNG that declares ``width`` x ``height`` but holds one tiny compressed row: a
    decompression bomb's header without its payload."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body))
            + kind
            + body
            + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\0" * 64))
        + chunk(b"IEND", b"")
    )
