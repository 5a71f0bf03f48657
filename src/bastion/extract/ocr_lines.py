"""Which OCR lines continue one another, so a host split over two lines is read whole.

A poster breaks ``最新网址 bet888`` / ``点com`` over two lines; read alone, neither holds a host.
The scanner reads each line, then each pair this module names joined by a newline (which the
unmasker reads through like a space), keeping only what crosses the join. Geometry decides: the
second line starts under the first (its top within ``MAX_GAP`` line heights of the first's
bottom) and the two overlap horizontally, or the second starts just right of the first on the
same row (the detector cut the row at a wide space). Pure functions over image codes, kept outside
``bastion.extract.images`` so the scan core imports it without Pillow.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from bastion.model import ImageCode

OCR_DECODER: Final = "ocr"
LINE_FORMAT: Final = "line"
SURE_SCORE: Final = 0.9
"""OCR lines read with less confidence than this only yield what a feed lists (``prose_like``):
a misread letter must not be reported as a host the picture does not hold."""
MAX_GAP: Final = 1.0
"""Largest gap between two lines, in heights of the first, for the second to continue it."""
MAX_SIDE_GAP: Final = 2.0
"""Largest gap between two boxes of one row, in heights of the first, for the second to continue
it: the detector cuts a row at a wide space (``官网 1stlines 点`` / ``com`` in a monospaced face),
and the two pieces come back as two lines side by side."""


def continues(upper: ImageCode, lower: ImageCode) -> bool:
    """Whether ``lower`` reads as the continuation of ``upper`` on a picture."""
    left, top, right, bottom = upper.box
    height = max(1, bottom - top)
    below = bottom - height // 2 <= lower.box[1] <= bottom + MAX_GAP * height
    overlap = min(right, lower.box[2]) - max(left, lower.box[0])
    return below and overlap > 0


def beside(left: ImageCode, right: ImageCode) -> bool:
    """Whether ``right`` continues ``left`` on the same row: their heights overlap by half the
    shorter one or more and ``right`` starts after ``left`` ends, within ``MAX_SIDE_GAP`` of its
    height."""
    top, bottom = max(left.box[1], right.box[1]), min(left.box[3], right.box[3])
    shorter = max(1, min(left.box[3] - left.box[1], right.box[3] - right.box[1]))
    height = max(1, left.box[3] - left.box[1])
    gap = right.box[0] - left.box[2]
    return bottom - top >= shorter / 2 and -height / 4 <= gap <= MAX_SIDE_GAP * height


def continued_pairs(codes: Sequence[ImageCode]) -> list[tuple[int, int]]:
    """Indexes ``(a, b)`` into ``codes`` of OCR lines of one frame where line ``b`` continues
    line ``a``: for each line, the nearest line under it that overlaps it, and the nearest one
    beside it on its row (``beside``)."""
    lines = [
        i
        for i, code in enumerate(codes)
        if code.decoder == OCR_DECODER and code.format == LINE_FORMAT
    ]
    pairs = []
    for a in lines:
        below = [
            b
            for b in lines
            if b != a and codes[b].frame == codes[a].frame and continues(codes[a], codes[b])
        ]
        if below:
            pairs.append((a, min(below, key=lambda b: (codes[b].box[1], codes[b].box[0]))))
        right = [
            b
            for b in lines
            if b != a and codes[b].frame == codes[a].frame and beside(codes[a], codes[b])
        ]
        if right:
            pair = (a, min(right, key=lambda b: codes[b].box[0]))
            if pair not in pairs:
                pairs.append(pair)
    return pairs
