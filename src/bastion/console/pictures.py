"""A case's pictures for the console: re-drawn as a small PNG, with their finds' boxes.

Stored picture bytes are hostile: the console never sends them back as they came. They are
opened by Pillow's raster plugins only (the formats the scanner reads), refused past the
scanner's pixel limit (a large JPEG is reduced while decoding), turned upright by their EXIF
orientation (the boxes are in upright pixels), flattened to the first frame in RGB and written
as a fresh PNG of at most ``MAX_SIDE`` pixels a side: no metadata, script or second format can
ride along. The boxes come from the stored scan result: each entity found in the picture (QR or
OCR, ``origin`` ``image:N:...``) and each code read from it.
"""

from __future__ import annotations

import io
import math
from typing import Any, Final

from PIL import Image, ImageOps

from bastion.extract.images.decode import FORMATS, ImageError
from bastion.extract.images.limits import DEFAULT_LIMITS, ImageLimits

MAX_SIDE: Final = 1024
MAX_BOXES: Final = 64


def preview_png(data: bytes, limits: ImageLimits = DEFAULT_LIMITS) -> bytes:
    """The first frame of ``data`` upright, as a PNG of at most ``MAX_SIDE`` a side.

    Raises ``ImageError`` for bytes that are no readable picture within ``limits``."""
    if len(data) > limits.max_image_bytes:
        raise ImageError("picture over the byte limit")
    try:
        image = Image.open(io.BytesIO(data), formats=FORMATS)
        width, height = image.size
        if width < 1 or height < 1:
            raise ImageError("empty picture")
        if width * height > limits.max_pixels:
            if image.format != "JPEG":
                raise ImageError("picture over the pixel limit")
            factor = 2 ** math.ceil(math.log2(math.sqrt(width * height / limits.max_pixels)))
            image.draft("RGB", (math.ceil(width / factor), math.ceil(height / factor)))
            if image.size[0] * image.size[1] > limits.max_pixels:
                raise ImageError("picture over the pixel limit")
        upright = ImageOps.exif_transpose(image.convert("RGBA"))
        flat = Image.new("RGB", upright.size, "white")
        flat.paste(upright, mask=upright.getchannel("A"))
        flat.thumbnail((MAX_SIDE, MAX_SIDE))
        out = io.BytesIO()
        flat.save(out, format="PNG", optimize=False)
        return out.getvalue()
    except ImageError:
        raise
    except Exception as exc:  # Pillow raises many kinds on hostile input
        raise ImageError(f"unreadable picture: {type(exc).__name__}") from None


def _box(raw: Any, width: int, height: int) -> tuple[int, int, int, int] | None:
    """A ``[left, top, right, bottom]`` clipped to the picture, or None when malformed."""
    if not isinstance(raw, list | tuple) or len(raw) != 4:
        return None
    if not all(isinstance(v, int | float) and math.isfinite(v) for v in raw):
        return None
    left, top = max(0, int(raw[0])), max(0, int(raw[1]))
    right, bottom = min(width, int(raw[2])), min(height, int(raw[3]))
    if right <= left or bottom <= top:
        return None
    return left, top, right, bottom


def pictures(
    result: dict[str, Any], stored: set[int], entities: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """Each picture of a scan result, its size, and the boxes of what was found in it."""
    out = []
    for report in result.get("images") or ():
        if not isinstance(report, dict) or not isinstance(report.get("index"), int):
            continue
        index = report["index"]
        width, height = report.get("width") or 0, report.get("height") or 0
        if not (isinstance(width, int) and isinstance(height, int)):
            width = height = 0
        boxes = []
        prefix = f"image:{index}:"
        for number, entity in enumerate(entities):
            origin = str(entity.get("origin", ""))
            box = _box(entity.get("box"), width, height) if origin.startswith(prefix) else None
            if box is not None:
                listed = entity.get("category")
                label = f"#{number} {entity.get('kind', '')} {entity.get('value', '')}"
                boxes.append(
                    {
                        "box": box,
                        "kind": "listed" if listed else "find",
                        "label": label + (f" ({listed})" if listed else ""),
                        "via": origin.removeprefix(prefix),
                    }
                )
        for code in report.get("codes") or ():
            box = _box(code.get("box"), width, height) if isinstance(code, dict) else None
            if box is not None:
                text = str(code.get("text", ""))[:200]
                boxes.append(
                    {
                        "box": box,
                        "kind": "code",
                        "label": f"{code.get('decoder', '')} {code.get('format', '')}: {text}",
                        "via": str(code.get("decoder", "")),
                    }
                )
        out.append(
            {
                "index": index,
                "ref": str(report.get("ref", ""))[:200],
                "width": width,
                "height": height,
                "error": report.get("error"),
                "stored": index in stored and width > 0 and height > 0,
                "boxes": boxes[:MAX_BOXES],
            }
        )
    return out
