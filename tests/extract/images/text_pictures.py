"""Pictures with text drawn by Pillow, for the OCR tests and ``bench.images_ocr``.

Latin letters are drawn with DejaVu Sans (Pillow's packaged fonts are bitmaps too small to
read); Chinese characters with the machine's CJK font, found with ``fc-list :lang=zh``
(``fonts-droid-fallback`` on Debian). Where there is none, ``CJK_FONT`` is None and the Chinese
tests are skipped, saying so.
"""

from __future__ import annotations

import shutil
import subprocess
from functools import cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

LATIN_FONTS = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSerif-Bold.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf",
)
Colour = tuple[int, int, int]


@cache
def latin_fonts() -> tuple[str, ...]:
    return tuple(path for path in LATIN_FONTS if Path(path).is_file())


@cache
def cjk_font() -> str | None:
    """A font file with Chinese glyphs, or None."""
    if shutil.which("fc-list") is None:
        return None
    listed = subprocess.run(
        ["fc-list", ":lang=zh", "file"], capture_output=True, text=True, check=False
    ).stdout
    files = sorted(line.split(":")[0].strip() for line in listed.splitlines() if line.strip())
    return files[0] if files else None


NO_CJK_FONT = "no font with Chinese glyphs on this machine (fc-list :lang=zh is empty)"


def _is_cjk(char: str) -> bool:
    return ord(char) >= 0x2E80


@cache
def _font(path: str, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(path, size)


def draw_line(
    draw: ImageDraw.ImageDraw,
    place: tuple[int, int],
    text: str,
    *,
    size: int = 32,
    fill: Colour = (0, 0, 0),
    latin: str | None = None,
) -> int:
    """Draw ``text`` at ``place``, each run in a font that has its glyphs; the width drawn."""
    latin_path = latin or latin_fonts()[0]
    cjk_path = cjk_font() or latin_path
    x, y = place
    run = ""
    for index, char in enumerate(text + "\0"):
        if run and (char == "\0" or _is_cjk(char) != _is_cjk(run[-1])):
            font = _font(cjk_path if _is_cjk(run[-1]) else latin_path, size)
            draw.text((x, y), run, font=font, fill=fill)
            x += round(draw.textlength(run, font=font))
            run = ""
        if index < len(text):
            run += char
    return x - place[0]


def text_picture(
    lines: list[str],
    *,
    size: tuple[int, int] = (640, 360),
    background: Colour = (250, 246, 235),
    fill: Colour = (20, 20, 20),
    font_size: int = 34,
    latin: str | None = None,
    rotate: float = 0.0,
) -> Image.Image:
    """A poster: ``lines`` drawn one under another on a flat background."""
    image = Image.new("RGB", size, background)
    draw = ImageDraw.Draw(image)
    top = max(8, (size[1] - len(lines) * font_size * 3 // 2) // 2)
    for line in lines:
        draw_line(draw, (font_size, top), line, size=font_size, fill=fill, latin=latin)
        top += font_size * 3 // 2
    if rotate:
        image = image.rotate(
            rotate, expand=True, fillcolor=background, resample=Image.Resampling.BICUBIC
        )
    return image


def photo(seed: int, size: tuple[int, int] = (480, 360)) -> Image.Image:
    """A stand-in for a photograph with no text: smooth random colour fields with soft shapes
    and fine grain (no sharp strokes)."""
    import random

    rng = random.Random(seed)
    small = Image.new("RGB", (6, 5))
    small.putdata([tuple(rng.randrange(40, 230) for _ in range(3)) for _ in range(30)])
    image = small.resize(size, Image.Resampling.BICUBIC)
    draw = ImageDraw.Draw(image)
    for _ in range(6):
        x, y = rng.randrange(size[0]), rng.randrange(size[1])
        r = rng.randrange(20, 90)
        colour = tuple(rng.randrange(30, 230) for _ in range(3))
        draw.ellipse((x - r, y - r, x + r, y + r), fill=colour)
    from PIL import ImageFilter

    image = image.filter(ImageFilter.GaussianBlur(3))
    import numpy as np

    # Seeded grain (Pillow's effect_noise draws from an unseeded C generator, so the same seed
    # gave another picture on every run).
    noise = np.random.default_rng(seed).normal(128, 12, (size[1], size[0]))
    grain = Image.fromarray(noise.clip(0, 255).astype(np.uint8), "L").convert("RGB")
    return Image.blend(image, grain, 0.08)
