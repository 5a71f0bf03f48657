"""The image decoder interface: what turns one grey frame into payloads (QR codes, later text).

A decoder has a ``name`` (it becomes the origin's last part, ``image:0:qr``) and a
``decode(frame)`` that returns every payload it reads with its box in frame pixels. Like a
detector it is pure and deterministic: no I/O, no state between frames, bounded work per
frame. ``tests/extract/images/test_decoder_contract.py`` holds every registered decoder to that.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from PIL import Image


@dataclass(frozen=True, slots=True)
class Payload:
    """Text read from a frame: the symbology or kind, the text, its box and the finding pass;
    ``score`` is a recogniser's confidence where it gives one (OCR lines)."""

    format: str
    text: str
    box: tuple[int, int, int, int]
    attempt: str = "plain"
    score: float | None = None
    readings: tuple[str, ...] = ()
    """Other readings of the text: what the recogniser nearly made of an id, and what it made
    of a line holding an id or a host read again inside a margin (OCR lines)."""


@runtime_checkable
class ImageDecoder(Protocol):
    """What the image stage calls for every sampled frame."""

    name: str

    def decode(self, frame: Image.Image) -> list[Payload]:
        """Every payload in a grey (mode ``L``) frame; boxes in the frame's pixels."""
        ...
