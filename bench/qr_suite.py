"""A generated suite of avatars and posters carrying QR codes, the way spam accounts post them.

Every picture is drawn from a fixed seed: a QR code (segno) of a link to a listed domain, set on
an avatar (the code fills most of it) or a poster (a code among blocks of clutter), 64 to 1024
pixels, with one family of damage each: rotation, perspective, noise, blur, JPEG artefacts,
colour, a logo over the middle, inversion, two codes in one picture, or none. ``bench.images_qr``
scans the suite; ``examples/make_images.py`` draws the demo pictures with the same functions.
Codes are never drawn below ``MIN_MODULE_PIXELS`` a module.
"""

from __future__ import annotations

import io
import math
import random
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

import numpy as np
import segno
from PIL import Image, ImageDraw, ImageFilter, ImageOps

SIZES: Final = (64, 96, 128, 192, 256, 384, 512, 768, 1024)
FAMILIES: Final = (
    "clean",
    "rotation",
    "perspective",
    "noise",
    "blur",
    "jpeg",
    "colour",
    "logo",
    "inverted",
    "two_codes",
)
TEMPLATES: Final = (
    "https://{host}/",
    "http://{host}/reg?c={n}",
    "https://www.{host}/?ref={n}",
    "{host}",
    "http://m.{host}/app",
)
COLOURS: Final = (
    ((20, 20, 120), (250, 240, 200)),
    ((120, 10, 10), (255, 255, 255)),
    ((0, 90, 40), (235, 250, 235)),
    ((60, 30, 90), (255, 220, 120)),
    ((200, 30, 60), (255, 250, 250)),
)
"""(dark, light) pairs a designer would pick: enough luminance contrast for a phone to read."""
MIN_MODULE_PIXELS: Final = 1.5
"""No code is drawn smaller than this many pixels a module (quiet zone included): below it no
decoder, and no phone camera, can tell the modules apart. A picture too small for its code(s)
at that scale is drawn larger than its nominal size (only 64-128 px pictures are)."""


@dataclass(frozen=True, slots=True)
class Picture:
    """One generated picture: its encoded bytes, the payloads it holds, and how it was made."""

    name: str
    data: bytes
    payloads: tuple[str, ...]
    hosts: tuple[str, ...]
    family: str
    side: int
    kind: str


def code_image(text: str, error: str = "m") -> Image.Image:
    """The QR code at one pixel a module with a four-module quiet zone, grey."""
    buffer = io.BytesIO()
    segno.make(text, error=error, micro=False).save(buffer, kind="png", scale=1, border=4)
    buffer.seek(0)
    return Image.open(buffer).convert("L")


def scaled(code: Image.Image, side: int) -> Image.Image:
    """The code drawn ``side`` pixels wide: nearest-neighbour up to a whole scale, then a smooth
    resample to the exact size (as a phone screenshot or an upload resize would)."""
    whole = max(1, side // code.size[0] + 1)
    big = code.resize((code.size[0] * whole, code.size[1] * whole), Image.Resampling.NEAREST)
    return big.resize((side, side), Image.Resampling.LANCZOS)


def _poster_canvas(rng: random.Random, width: int, height: int) -> Image.Image:
    canvas = Image.new("L", (width, height), rng.randrange(200, 250))
    draw = ImageDraw.Draw(canvas)
    for _ in range(rng.randrange(4, 12)):
        x, y = rng.randrange(width), rng.randrange(height)
        w, h = rng.randrange(8, max(9, width // 3)), rng.randrange(4, max(5, height // 8))
        draw.rectangle((x, y, x + w, y + h), fill=rng.randrange(0, 200))
    return canvas


def _perspective(image: Image.Image, rng: random.Random) -> Image.Image:
    w, h = image.size
    d = 0.12
    src = [(0, 0), (w, 0), (w, h), (0, h)]
    dst = [(x + rng.uniform(-d, d) * w, y + rng.uniform(-d, d) * h) for x, y in src]
    coeffs = _perspective_coeffs(dst, src)
    return image.transform(
        (w, h), Image.Transform.PERSPECTIVE, coeffs, Image.Resampling.BICUBIC, fillcolor=255
    )


def _perspective_coeffs(
    target: Sequence[tuple[float, float]], source: Sequence[tuple[float, float]]
) -> tuple[float, ...]:
    rows = []
    for (x, y), (u, v) in zip(target, source, strict=True):
        rows.append([x, y, 1, 0, 0, 0, -u * x, -u * y])
        rows.append([0, 0, 0, x, y, 1, -v * x, -v * y])
    a = np.array(rows, dtype=float)
    b = np.array([c for point in source for c in point], dtype=float)
    return tuple(float(c) for c in np.linalg.solve(a, b))


def _logo(image: Image.Image, box: tuple[int, int, int, int], rng: random.Random) -> None:
    left, top, right, bottom = box
    side = int((right - left) * rng.uniform(0.15, 0.22))
    cx, cy = (left + right) // 2, (top + bottom) // 2
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle(
        (cx - side // 2, cy - side // 2, cx + side // 2, cy + side // 2),
        radius=max(1, side // 5),
        fill=rng.randrange(40, 220),
        outline=255,
        width=max(1, side // 12),
    )


def picture(rng: random.Random, hosts: Sequence[str], family: str, side: int, n: int) -> Picture:
    """One picture of ``family`` at ``side`` pixels (the longer side, for posters)."""
    kind = "avatar" if rng.random() < 0.5 or side < 192 else "poster"
    count = 2 if family == "two_codes" else 1
    chosen = tuple(rng.choice(hosts) for _ in range(count))
    payloads = tuple(
        rng.choice(TEMPLATES).format(host=host, n=rng.randrange(1000, 99999)) for host in chosen
    )
    error = "h" if family == "logo" else rng.choice("lmq")
    codes = [code_image(payload, error) for payload in payloads]
    smallest = math.ceil(MIN_MODULE_PIXELS * max(code.size[0] for code in codes))
    if kind == "avatar" and count == 1:
        side = max(side, math.ceil(smallest / 0.8))
        canvas = Image.new("L", (side, side), 255)
        share = rng.uniform(0.8, 0.98)
        places = [((side - int(side * share)) // 2, (side - int(side * share)) // 2)]
        code_side = int(side * share)
    else:
        side = max(side, math.ceil(smallest * count / 0.55))
        width, height = (side, int(side * rng.uniform(0.6, 1.4)))
        height = max(height, math.ceil(smallest / 0.55))
        canvas = _poster_canvas(rng, width, height)
        code_side = int(min(width / count, height) * rng.uniform(0.55, 0.9))
        places = [
            (
                i * (width // count) + rng.randrange(0, max(1, width // count - code_side)),
                rng.randrange(0, max(1, height - code_side)),
            )
            for i in range(count)
        ]
    boxes = []
    for code, place in zip(codes, places, strict=True):
        canvas.paste(scaled(code, code_side), place)
        boxes.append((place[0], place[1], place[0] + code_side, place[1] + code_side))
    image: Image.Image = canvas
    if family == "logo":
        for box in boxes:
            _logo(image, box, rng)
    elif family == "rotation":
        image = image.rotate(
            rng.uniform(5, 355), expand=True, fillcolor=255, resample=Image.Resampling.BICUBIC
        )
    elif family == "perspective":
        margin = max(4, max(image.size) // 6)  # room for the corners to move into
        image = _perspective(ImageOps.expand(image, margin, fill=255), rng)
    elif family == "noise":
        pixels = np.asarray(image, dtype=np.float32)
        noisy = pixels + np.random.default_rng(n).normal(0, rng.uniform(10, 28), pixels.shape)
        image = Image.fromarray(np.clip(noisy, 0, 255).astype(np.uint8))
    elif family == "blur":
        image = image.filter(ImageFilter.GaussianBlur(rng.uniform(0.4, 1.0) * max(1, side / 256)))
    elif family == "inverted":
        image = ImageOps.invert(image)
    rgb: Image.Image
    if family == "colour":
        dark, light = rng.choice(COLOURS)
        rgb = ImageOps.colorize(image, black=dark, white=light)
    else:
        rgb = image.convert("RGB")
    buffer = io.BytesIO()
    if family == "jpeg":
        rgb.save(buffer, "JPEG", quality=rng.randrange(25, 60))
    elif rng.random() < 0.5:
        rgb.save(buffer, "JPEG", quality=rng.randrange(70, 92))
    else:
        rgb.save(buffer, "PNG")
    name = f"{n:05d}-{family}-{kind}-{side}"
    return Picture(name, buffer.getvalue(), payloads, chosen, family, side, kind)


def suite(hosts: Sequence[str], count: int, seed: int = 7) -> list[Picture]:
    """``count`` pictures cycling through every family and size."""
    rng = random.Random(seed)
    pictures = []
    for n in range(count):
        family = FAMILIES[n % len(FAMILIES)]
        side = SIZES[(n // len(FAMILIES)) % len(SIZES)]
        pictures.append(picture(rng, hosts, family, side, n))
    return pictures
