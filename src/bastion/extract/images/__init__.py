"""The image stage of the scan core: bytes in, image reports and decoded payloads out.

``ImageStage.read`` takes an item's images as the edge read them (``Item.image_data``; the core
never opens a file), decodes each within ``ImageLimits``, hashes its first frame (PDQ) and runs
every registered decoder (``registry``) on its sampled frames. One image's failure is its own
``error``; the rest of the item is scanned as usual. What the image declares about its making
(a C2PA manifest, the XMP digital source type: ``provenance``) is read from its bytes too. The
scanner then sends each payload through the same unmasking, finders, intel and policy as text.

Importing this package loads Pillow, whose JPEG and GIF plugins import ``subprocess`` (for
optional external tools that reading never calls), so the scanner imports it when it is built,
not on the scan core's import path; ``tests/extract/images/test_purity.py`` proves that reading
images runs no process, opens no file and imports nothing.
"""

from __future__ import annotations

import math
from contextlib import ExitStack
from dataclasses import dataclass, field

from PIL import Image

from bastion.extract.images.base import ImageDecoder, Payload
from bastion.extract.images.decode import Frame, ImageError, decode_image
from bastion.extract.images.hashes import pdq_hash
from bastion.extract.images.inputs import inline_inputs
from bastion.extract.images.limits import DEFAULT_LIMITS, ImageLimits
from bastion.extract.images.provenance import C2paReader, ProvenanceError, read_xmp
from bastion.extract.images.registry import load_decoders
from bastion.model import ImageCode, ImageInput, ImageReport, Item

__all__ = ["ImageDecoder", "ImageLimits", "ImageStage", "Payload"]


@dataclass(slots=True)
class ImageStage:
    """Decode, hash and read an item's images; built once per scanner."""

    limits: ImageLimits = DEFAULT_LIMITS
    decoders: tuple[ImageDecoder, ...] = field(default_factory=load_decoders)
    c2pa: C2paReader = field(default_factory=C2paReader)

    @classmethod
    def built(
        cls,
        limits: ImageLimits = DEFAULT_LIMITS,
        *,
        ocr: bool = True,
        trust_anchors: str | None = None,
    ) -> ImageStage:
        """A stage with every registered decoder, less OCR when ``ocr`` is false; C2PA
        manifests are checked against ``trust_anchors`` (PEM) when given."""
        decoders = load_decoders()
        if not ocr:
            decoders = tuple(d for d in decoders if d.name != "ocr")
        return cls(limits, decoders, C2paReader(trust_anchors))

    def inputs_of(self, item: Item) -> tuple[ImageInput, ...]:
        """The edge's reading of the item's images, or, for a caller that read none, what can
        be had without I/O (data URIs)."""
        if item.image_data:
            return item.image_data
        return inline_inputs(item.images, self.limits)

    def read(self, item: Item) -> list[ImageReport]:
        """One report per image of the item, in order; never raises for a bad image."""
        inputs = self.inputs_of(item)
        reports = []
        for index, image in enumerate(inputs):
            if index >= self.limits.max_images:
                reports.append(
                    ImageReport(
                        index,
                        image.ref,
                        error=f"not read: an item may carry {self.limits.max_images} images",
                    )
                )
                continue
            reports.append(self.read_one(index, image))
        return reports

    def read_one(self, index: int, image: ImageInput) -> ImageReport:
        if image.error is not None or image.data is None:
            return ImageReport(index, image.ref, error=image.error or "no image bytes")
        try:
            decoded = decode_image(image.data, self.limits)
        except ImageError as exc:
            return ImageReport(index, image.ref, size=len(image.data), error=str(exc))
        report = ImageReport(
            index,
            image.ref,
            size=len(image.data),
            format=decoded.format,
            width=decoded.width,
            height=decoded.height,
            frames=len(decoded.frames),
            decoded_pixels=decoded.decoded_pixels,
        )
        report.pdq, report.pdq_quality = pdq_hash(decoded.frames[0].image)
        self._provenance(report, image.data, decoded.format)
        with ExitStack() as scopes:
            for decoder in self.decoders:
                scope = getattr(decoder, "image_scope", None)
                if scope is not None:  # work a decoder bounds per image, not per frame
                    scopes.enter_context(scope())
            self._frames(report, decoded.frames)
        return report

    def _frames(self, report: ImageReport, frames: list[Frame]) -> None:
        seen: set[tuple[str, str, str]] = set()
        for position, frame in enumerate(frames):
            found = 0
            for decoder in self.decoders:
                if position >= _frames_per_image(decoder):
                    continue
                for payload in decoder.decode(frame.image):
                    added = self._add(report, seen, decoder.name, payload, frame, frame.scale)
                    found += added if _reads_tiles(decoder) else 0
            if not found and frame.full is not None:
                self._tiles(report, seen, frame, frame.full)

    def _provenance(self, report: ImageReport, data: bytes, image_format: str) -> None:
        """The C2PA manifest and the XMP digital source type, each a claim; a manifest that
        cannot be read is the image's ``provenance_error`` (its pixels are read anyway)."""
        try:
            manifest = self.c2pa.read(data, image_format)
        except ProvenanceError as exc:
            report.provenance_error = str(exc)
            manifest = None
        if manifest is not None:
            report.provenance.append(manifest)
        declared = read_xmp(data)
        if declared is not None:
            report.provenance.append(declared)

    def _tiles(
        self, report: ImageReport, seen: set[tuple[str, str, str]], frame: Frame, full: Image.Image
    ) -> None:
        """The ``tiles`` pass: a frame reduced by ``TILE_FACTOR`` or more where no tile-reading
        decoder (QR; OCR sets ``reads_tiles = False``: text stays legible reduced) found anything is
        read again at full size, in overlapping tiles of at most ``work_pixels`` (a small code on
        a big poster loses its modules in the reduction). Full size is at most ``max_pixels``,
        so there are at most about ``max_pixels / work_pixels`` tiles (16 at the defaults)."""
        side = math.isqrt(self.limits.work_pixels)
        step = side - side // 8
        width, height = full.size
        for top in range(0, max(1, height - side // 8), step):
            for left in range(0, max(1, width - side // 8), step):
                tile = full.crop((left, top, min(width, left + side), min(height, top + side)))
                for decoder in self.decoders:
                    if not _reads_tiles(decoder):
                        continue
                    for payload in decoder.decode(tile):
                        x0, y0, x1, y1 = payload.box
                        box = (x0 + left, y0 + top, x1 + left, y1 + top)
                        moved = Payload(
                            payload.format,
                            payload.text,
                            box,
                            "tiles",
                            payload.score,
                            payload.readings,
                        )
                        self._add(report, seen, decoder.name, moved, frame, frame.full_scale)

    def _add(
        self,
        report: ImageReport,
        seen: set[tuple[str, str, str]],
        decoder: str,
        payload: Payload,
        frame: Frame,
        scale: float,
    ) -> int:
        """Record a payload once per image (1 if it was new), its box in image pixels."""
        key = (decoder, payload.format, payload.text)
        if key in seen:
            return 0
        seen.add(key)
        box = tuple(round(v * scale) for v in payload.box)
        report.codes.append(
            ImageCode(
                decoder=decoder,
                format=payload.format,
                text=payload.text[: self.limits.max_payload_chars],
                box=(box[0], box[1], box[2], box[3]),
                frame=frame.position,
                attempt=payload.attempt,
                score=payload.score,
                readings=tuple(r[: self.limits.max_payload_chars] for r in payload.readings),
            )
        )
        return 1


def _frames_per_image(decoder: ImageDecoder) -> int:
    """Sampled frames of an image the decoder reads (all, unless it says fewer: OCR's work per
    frame is high enough that four frames of text would pass the image's time budget)."""
    return int(getattr(decoder, "frames_per_image", 1 << 30))


def _reads_tiles(decoder: ImageDecoder) -> bool:
    return bool(getattr(decoder, "reads_tiles", True))
