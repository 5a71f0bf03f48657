"""The image stage of the scan core: bytes in, image reports and decoded payloads out.

``ImageStage.read`` takes an item's images as the edge read them (``Item.image_data``; the core
never opens a file), decodes each within ``ImageLimits``, hashes its first frame (PDQ) and runs
every registered decoder (``registry``) on its sampled frames. One image's failure is its own
``error``; the rest of the item is scanned as usual. The scanner then sends each payload
through the same unmasking, finders, intel and policy as text.

Importing this package loads Pillow, whose JPEG and GIF plugins import ``subprocess`` (for
optional external tools that reading never calls), so the scanner imports it when it is built,
not on the scan core's import path; ``tests/extract/images/test_purity.py`` proves that reading
images runs no process, opens no file and imports nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from bastion.extract.images.base import ImageDecoder, Payload
from bastion.extract.images.decode import ImageError, decode_image
from bastion.extract.images.hashes import pdq_hash
from bastion.extract.images.inputs import inline_inputs
from bastion.extract.images.limits import DEFAULT_LIMITS, ImageLimits
from bastion.extract.images.registry import load_decoders
from bastion.model import ImageCode, ImageInput, ImageReport, Item

__all__ = ["ImageDecoder", "ImageLimits", "ImageStage", "Payload"]


@dataclass(slots=True)
class ImageStage:
    """Decode, hash and read an item's images; built once per scanner."""

    limits: ImageLimits = DEFAULT_LIMITS
    decoders: tuple[ImageDecoder, ...] = field(default_factory=load_decoders)

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
        seen: set[tuple[str, str, str]] = set()
        cap = self.limits.max_payload_chars
        for frame in decoded.frames:
            for decoder in self.decoders:
                for payload in decoder.decode(frame.image):
                    key = (decoder.name, payload.format, payload.text)
                    if key in seen:
                        continue
                    seen.add(key)
                    box = tuple(round(v * frame.scale) for v in payload.box)
                    report.codes.append(
                        ImageCode(
                            decoder=decoder.name,
                            format=payload.format,
                            text=payload.text[:cap],
                            box=(box[0], box[1], box[2], box[3]),
                            frame=frame.position,
                            attempt=payload.attempt,
                        )
                    )
        return report
