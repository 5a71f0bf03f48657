"""Draw the demo's pictures (``examples/images/``): avatars and posters carrying QR codes, and
one picture that declares itself AI-generated.

Spam accounts put their links where text filters do not look: a QR code as the avatar, a poster
with a code in the corner and the site spelt out around it. Each picture here is listed in
``PICTURES`` with the record that posts it and the finding it should give; ``image_records`` is
what ``make_sample_content.py`` appends to the sample content, so ``make demo`` scans them, and
one deliberately truncated file shows how a broken image is reported (on that image only).
``poster-ai.jpg`` carries the IPTC digital source type ``trainedAlgorithmicMedia`` in its XMP
packet, as image generators write it: posted without an AI label it gets the verdict ``label``
(rule ``media.ai_unlabelled``), never a removal. (Its declaration is XMP, not a signed C2PA
manifest: a signature would differ on every run and need a key in the repository.)

The codes are drawn with ``bench.qr_suite`` (segno), small PNGs of a few kilobytes. Run from the
repo root: ``python examples/make_images.py``.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path
from typing import Any, Final

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent), str(HERE)]

from PIL import Image, ImageDraw  # noqa: E402

from bench.qr_suite import code_image, scaled  # noqa: E402

IMAGES: Final = HERE / "images"
PICTURES: Final[tuple[dict[str, Any], ...]] = (
    {
        "file": "avatar-casino.png",
        "surface": "avatar",
        "text": "",
        "payloads": ["https://188bet.com/reg?c=8899"],
        "expect": {"kind": "host", "value": "188bet.com", "category": "gambling"},
    },
    {
        "file": "avatar-inverted.png",
        "surface": "avatar",
        "text": "",
        "payloads": ["http://04647.club/vip"],
        "invert": True,
        "expect": {"kind": "host", "value": "04647.club", "category": "porn"},
    },
    {
        "file": "poster-spelt.png",
        "surface": "post",
        "text": "周末福利，扫码领取",
        "payloads": ["最新网址 188bet点com 加V：bet_8899"],
        "expect": {"kind": "host", "value": "188bet.com", "category": "gambling"},
    },
    {
        "file": "poster-two-codes.png",
        "surface": "moment",
        "text": "Limited offer, scan now",
        "payloads": ["https://1001-amulette.de/deal", "https://188bet.com/"],
        "expect": {"kind": "host", "value": "1001-amulette.de", "category": "scam"},
    },
    {
        "file": "menu-clean.png",
        "surface": "post",
        "text": "今天的菜单，扫码看全部",
        "payloads": ["https://21circuitcourtar.gov/menu"],
        "clean": True,
    },
    {
        "file": "broken.png",
        "surface": "bio",
        "text": "合作请私信 official account",
        "payloads": ["https://188bet.com/"],
        "truncate": True,
        "clean": True,
    },
    {
        "file": "poster-ai.jpg",
        "surface": "post",
        "text": "AI 画的海边日落 sunset by the sea",
        "payloads": [],
        "ai": "trainedAlgorithmicMedia",
    },
)
"""Every picture: its file, the record that posts it, its codes and what the scan should find."""


IPTC_SOURCE_TYPE: Final = "http://cv.iptc.org/newscodes/digitalsourcetype/"


def xmp_packet(source_type: str) -> bytes:
    """The XMP an image generator writes: its digital source type and its name."""
    return (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/">'
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        '<rdf:Description rdf:about=""'
        ' xmlns:Iptc4xmpExt="http://iptc.org/std/Iptc4xmpExt/2008-02-29/"'
        ' xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmp:CreatorTool="Demo Image Model 1.0"'
        f' Iptc4xmpExt:DigitalSourceType="{IPTC_SOURCE_TYPE}{source_type}"/>'
        '</rdf:RDF></x:xmpmeta><?xpacket end="w"?>'
    ).encode()


def draw_ai(spec: dict[str, Any]) -> bytes:
    """A small "sunset" (sky gradient, sun, sea) as JPEG with the generator's XMP."""
    ramp = Image.linear_gradient("L").resize((240, 160))
    sky = Image.merge(
        "RGB",
        (
            Image.eval(ramp, lambda v: 255 - v // 3),
            Image.eval(ramp, lambda v: 120 + v // 3),
            Image.eval(ramp, lambda v: 90 + v // 2),
        ),
    )
    board = ImageDraw.Draw(sky)
    board.ellipse((150, 60, 200, 110), fill=(255, 214, 120))
    board.rectangle((0, 110, 240, 160), fill=(30, 70, 120))
    buffer = io.BytesIO()
    sky.save(buffer, "JPEG", quality=80, xmp=xmp_packet(spec["ai"]))
    return buffer.getvalue()


def draw(spec: dict[str, Any]) -> bytes:
    """One picture as PNG bytes: an avatar when it has one code, else a poster with blocks
    (the AI-declared picture: a JPEG, see ``draw_ai``)."""
    if spec.get("ai"):
        return draw_ai(spec)
    payloads: list[str] = spec["payloads"]
    if spec["surface"] == "avatar":
        image = scaled(code_image(payloads[0], "h"), 160)
    else:
        image = Image.new("L", (480, 300), 236)
        board = ImageDraw.Draw(image)
        board.rectangle((16, 16, 464, 60), fill=40)
        board.rectangle((16, 250, 300, 284), fill=150)
        side = 170 if len(payloads) == 1 else 150
        for n, payload in enumerate(payloads):
            image.paste(scaled(code_image(payload, "m"), side), (280 - n * 250 + n * 10, 70))
    if spec.get("invert"):
        image = Image.eval(image, lambda v: 255 - v)
    buffer = io.BytesIO()
    image.save(buffer, "PNG", optimize=True)
    data = buffer.getvalue()
    return data[: len(data) // 2] if spec.get("truncate") else data


def image_records() -> list[dict[str, Any]]:
    """The records posting the pictures (no id, account or time: the caller numbers them)."""
    records = []
    for spec in PICTURES:
        meta: dict[str, Any]
        if spec.get("ai"):
            meta = {"label": "ai_declared", "source": "generated-image", "expect": "label"}
        elif spec.get("clean"):
            meta = {"label": "clean", "source": "generated-image"}
        else:
            meta = {"label": "dirty", "trick": "qr_code", "expect": spec["expect"]}
        record: dict[str, Any] = {"surface": spec["surface"], "text": spec["text"]}
        record["images"] = [f"images/{spec['file']}"]
        record["meta"] = meta
        records.append(record)
    return records


def main() -> int:
    IMAGES.mkdir(exist_ok=True)
    for spec in PICTURES:
        data = draw(spec)
        (IMAGES / spec["file"]).write_bytes(data)
        print(f"{spec['file']}: {len(data):,} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
