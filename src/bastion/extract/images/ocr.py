"""Text in pictures with RapidOCR (PP-OCRv4 Chinese and English models shipped in its wheel).

OCR costs a hundred times a QR pass, and most pictures (photos, blank avatars) hold no text, so
every frame first meets ``may_hold_text``: a grey thumbnail of ``GATE_SIDE`` pixels with fewer
than ``GATE_MIN_STEPS`` sharp steps between neighbours (the edges of strokes), or with so many
(``GATE_MAX_SHARE``) or so few flat ones (``GATE_MIN_FLAT``) that they are noise or texture, is
skipped. Smooth photographs, flat images and noise fall under it; lettering of a dozen pixels or
more on a plain or smooth ground does not. Frames that pass are reduced to ``MAX_SIDE`` (or
enlarged to ``MIN_SIDE`` when small, for the small print of avatars), the detector finds the
lines, the ``MAX_LINES`` first in reading order are recognised (no angle classifier: posters
are upright or slightly turned, which the detector's rotated boxes absorb), and each line with
a score of ``MIN_SCORE`` or more is a payload of format ``line`` with its box. The scanner
reads each line like text and also joins a line to the one under it
(``bastion.extract.ocr_lines``) so a host split over two lines is read. The recogniser drops
spaces between words; a ``dot`` it glued between a label and a top-level domain
(``csgofastdotcom``) is spaced again (``attempt`` ``respaced``) and, being a guess, only yields
a host a feed lists. A line that holds a messenger cue or a host is read again inside margins of
its ground (``MARGINS``); what reads otherwise is reported beside the line (``readings``): an id
so read goes to review flagged ``ocr_unsure``, a host counts only when a feed lists it.

The engine (about 16 MB of models, 0.3 s to load) is built on the first frame that passes the
gate, once per decoder (so once per scanner), under a lock; importing this module loads no
model and imports neither RapidOCR nor onnxruntime. Inference runs on one thread per call.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from math import ceil, floor
from typing import Any, Final

import numpy as np
import re2
from PIL import Image

from bastion.extract.images import ocr_nbest
from bastion.extract.images.base import Payload
from bastion.normalize.cues import CUES
from bastion.normalize.re2syntax import to_re2
from bastion.suffixes import is_tld

GATE_SIDE: Final = 256
"""Longer side of the gate's thumbnail."""
GATE_STEP: Final = 0.4
"""A step between neighbouring thumbnail pixels is sharp at this share of the thumbnail's grey
range (so pale text on a pale poster counts) and ``GATE_MIN_STEP`` levels at least (so a flat
picture with a faint texture does not)."""
GATE_MIN_STEP: Final = 24
GATE_MIN_STEPS: Final = 12
"""Sharp steps at or above which a frame may hold text: a short word of 30 px on a 1600 px
poster makes about 50, a 16 px handle on a 160 px avatar about 700; a smooth photograph none."""
GATE_MIN_FLAT: Final = 0.6
"""Share of near-flat neighbour steps (under a tenth of the grey range) a frame needs: lettering
sits on a plain or smooth ground (0.95 and more on every picture of ``bench.images_ocr``), where
grain and noise, reduced or not, leave under half the steps flat (0.43 for a 2,048 px JPEG of
noise, which would otherwise pass with thousands of sharp steps)."""
GATE_MAX_SHARE: Final = 0.2
"""Share of sharp steps above which a frame is noise or fine texture, not text: a phone
screenshot packed with 12 px text makes 0.07, 22 px Chinese lines 0.10, pixel noise 0.3."""
MAX_SIDE: Final = 960
"""Longer side above which a frame is reduced before detection (the detector's cost grows with
pixels: 0.9 s for two posters at 640, 2 s at 960, 3.1 s at 1280 on the loaded 2-core machine)."""
MIN_SIDE: Final = 640
"""Longer side below which a frame is enlarged (by at most ``MAX_ENLARGE``), for the small print
of avatars."""
MAX_ENLARGE: Final = 3.0
MAX_LINES: Final = 40
"""Lines recognised per frame, in reading order (a poster with more is read in part)."""
DET_UNCLIP: Final = 1.6
"""How far the detector's text regions are grown back into line boxes (RapidOCR's default)."""
REC_BUDGET: Final = 5_000
"""Recognition work per frame, in pixels of line width at the recogniser's 48 px height (its
cost grows with it: about 0.07 ms of CPU a pixel at a load average of 9 on the 2-core machine,
nearly twice that at 20). Lines are recognised in reading order until the next would pass the
budget (the first always is): a poster's two or three lines take under 2,000, a phone
screenshot's eight chat lines about 5,000; a longer page is read in part, from the top. With
``REGROW_BUDGET`` and the detector, a 50-megapixel page of 60 dense lines costs about 1.0 CPU s
at a load of 9 (1.45 s with 10,000 and an unbounded second reading: 2.6 s at a load of 20, over
the 2 s a picture may take)."""
REGROW_BUDGET: Final = 1_500
"""Recognition work per frame for the second, taller reading of cued lines (``ID_GROW``), in
the same pixels: a spam picture's one or two handle lines take under 1,000."""
IMAGE_REC_BUDGET: Final = REC_BUDGET + REGROW_BUDGET
"""Recognition work per image, all its frames and both readings together: the second frame of
an animation gets what the first left (a slideshow of twelve text slides cost 2 CPU s at a load
of 20 when each of its two frames had a full budget)."""
REGROW_LINES: Final = 4
"""Cued lines per frame read a second time (``ID_GROW``): a spam picture carries one or two
handles; a page of forty cued lines must not double the recogniser's work."""
FRAMES_PER_IMAGE: Final = 2
"""Sampled frames of an animation OCR reads (the first two: the image stage samples at most
four, spread over the animation); the second gets what the first left of
``IMAGE_REC_BUDGET``."""
MIN_SCORE: Final = 0.6
"""Recogniser confidence under which a line is dropped as noise."""

ID_GROW: Final = 0.35
"""Share of a line's height its box is grown downwards for the second reading of a line that
holds a messenger cue (``GROWN``): the detector's boxes hug the letters' body and cut off an
underscore under the baseline, which the recogniser then drops (``mgza539rz5`` for
``mgza539r_z5``) or reads as a space (``t.me/vbddb3rm 8l``), cutting the id."""
_SPACED_UNDERSCORE = re.compile(
    r"(?<=[A-Za-z0-9]) _(?=[A-Za-z0-9])|(?<=[A-Za-z0-9])_ (?=[A-Za-z0-9])"
)
"""A space the recogniser put beside an underscore inside an id (``@hohe _kj``): ids hold no
spaces, and one beside an underscore is the underscore's own gap read twice."""
_ID_LINE = re2.compile(f"(?:{to_re2('|'.join(CUES))}|@|t\\.me/)")
"""A cue that makes the next word an id: the lines worth a second, taller reading."""
LOOKALIKES: Final = ("1lI|", "0oO")
"""Glyphs the recogniser confuses in a random id, where its reading leans on the neighbours
rather than the shape: a ``1`` between letters read ``l`` (``t.me/rlfy_a3`` for ``r1fy_a3``),
an ``o`` after digits read ``0``. Such a glyph read with doubt (under ``DOUBT``) in the id after
a cue is read again alone (``LONE_WIDTH`` of the line's height around it, the line's full
height kept so a short ``o`` stays short), and the lone reading replaces it when it is another
glyph of the same class read with ``LONE_SURE`` or more; a ``1`` read alone is a ``1``, but
an ``l`` read alone reads ``1`` only with doubt (0.3-0.4 on the bench suites)."""
DOUBT: Final = 0.95
LONE_SURE: Final = 0.8
LONE_WIDTH: Final = 0.5
LONE_GLYPHS: Final = 3
"""Doubtful glyphs read alone per line at most."""
_ID_RUN = re.compile(r"[ :\uff1a]*([A-Za-z0-9_.]+)")
"""The id after a cue: the run of id characters past spaces and a colon."""
MARGINS: Final = (0.1, 0.25)
"""Shares of a line's height of ground put around its crop for the margin readings
(``margin_readings``). The detector's box hugs the letters; read from it, the recogniser
misreads a glyph at the crop's edge or one squeezed by the box's scale with confidence and no
rival in its beam (``yzoln8o6`` for ``yzo1n8o6``, ``kpw2j`` for ``kpw2jj``, ``betoon.com`` for
``betdon.com``). With a margin of ground the letters are smaller in the recogniser's 48 px and
read otherwise; which margin reads a glyph right varies from line to line (``kpw2jj`` at a
tenth, ``yzo1n8o6`` at a quarter), so the crop is read at each, and every reading that differs
is reported beside the line."""
MARGIN_LINES: Final = 4
"""Lines per frame read again inside margins (``MARGINS``): the cued lines and the lines that
hold a host, in reading order (a spam picture carries one or two)."""
_HOST_LINE = re2.compile(r"[A-Za-z0-9](?:[.\x{3002}\x{ff0e}\x{70b9}]| ?dot ?)[A-Za-z0-9]{2}")
"""A line that may hold a host: a label, a dot (``.``, ``。``, ``．``, ``点`` or ``dot``) and
two letters or digits (a top-level domain read with look-alikes: ``c0m``, ``99``)."""
REC_HEIGHT: Final = 48
REC_MIN_RATIO: Final = 320 / 48
"""The recogniser's input: 48 px high, at least 320 px wide (RapidOCR's ``rec_img_shape``)."""
UNSURE_SCORE: Final = 0.89
"""Score given to a re-spaced line: under ``bastion.extract.ocr_lines.SURE_SCORE``, so what it
yields only counts when a feed lists it."""
_GLUED_DOT = re.compile(r"(?i)(?:(?<=[a-z0-9])|(?<=[a-z0-9] ))dot(?=([a-z]{2,6})(?![a-z]))")
"""``dot`` glued to a top-level domain after a label: the recogniser drops the spaces of
``csgofast dot com`` and returns ``csgofastdotcom`` or ``csgofast dotcom`` (``eurofootball
dotbg``). The letters after it must be a top-level domain (``is_tld``), any of them: the
re-spaced line is a guess, read as unsure, so what it yields counts only when a feed lists it."""


def respaced(text: str) -> str:
    """The line with the spaces OCR dropped around a spelled ``dot`` before a top-level domain
    put back, so it unmasks as the written ``csgofast dot com`` would."""

    def spaced(match: re.Match[str]) -> str:
        return " dot " if is_tld(match.group(1)) else match.group()

    return _GLUED_DOT.sub(spaced, text).replace("  dot", " dot")


def may_hold_text(frame: Image.Image) -> bool:
    """The cheap gate: does the frame have enough sharp strokes to be worth OCR?"""
    thumb = frame if frame.mode == "L" else frame.convert("L")
    if max(thumb.size) > GATE_SIDE:
        thumb = thumb.copy()
        thumb.thumbnail((GATE_SIDE, GATE_SIDE), Image.Resampling.BOX)
    pixels = np.asarray(thumb, dtype=np.int16)
    if pixels.shape[0] < 2 or pixels.shape[1] < 2:
        return False
    grey_range = int(pixels.max()) - int(pixels.min())
    steps = np.concatenate(
        (np.abs(np.diff(pixels, axis=1)).ravel(), np.abs(np.diff(pixels, axis=0)).ravel())
    )
    sharp = int((steps >= max(GATE_MIN_STEP, GATE_STEP * grey_range)).sum())
    if not GATE_MIN_STEPS <= sharp <= GATE_MAX_SHARE * steps.size:
        return False
    flat = int((steps < max(8, grey_range // 10)).sum())
    return flat >= GATE_MIN_FLAT * steps.size


class _Budget:
    """Recognition pixels an image has left (``IMAGE_REC_BUDGET`` to start)."""

    __slots__ = ("left",)

    def __init__(self, left: int = IMAGE_REC_BUDGET) -> None:
        self.left = left


_IMAGE_BUDGET: ContextVar[_Budget | None] = ContextVar("ocr_image_budget", default=None)
"""The budget of the image being read (``OcrDecoder.image_scope``); per thread and task."""


class OcrDecoder:
    """Every line of Chinese or English text RapidOCR reads in a frame that passes the gate."""

    name: Final = "ocr"
    reads_tiles: Final = False
    """Text stays legible in the 4-megapixel working frame; no full-size tiles for OCR."""
    frames_per_image: Final = FRAMES_PER_IMAGE
    __slots__ = ("_engine", "_lock", "gate_skips", "runs")

    def __init__(self) -> None:
        self._engine: Any = None
        self._lock = threading.Lock()
        self.runs = 0
        """Frames OCR ran on (counted for tests and the benchmark)."""
        self.gate_skips = 0
        """Frames the gate skipped."""

    def engine(self) -> Any:
        """The RapidOCR engine, built once (thread-safe) on first use."""
        if self._engine is None:
            with self._lock:
                if self._engine is None:
                    self._engine = _build_engine()
        return self._engine

    @contextmanager
    def image_scope(self) -> Iterator[None]:
        """The frames decoded inside share one image's recognition budget."""
        token = _IMAGE_BUDGET.set(_Budget())
        try:
            yield
        finally:
            _IMAGE_BUDGET.reset(token)

    def decode(self, frame: Image.Image) -> list[Payload]:
        if not may_hold_text(frame):
            self.gate_skips += 1
            return []
        budget = _IMAGE_BUDGET.get()
        if budget is not None and budget.left <= 0:
            return []
        self.runs += 1
        return read_lines(self.engine(), frame, budget)


def _build_engine() -> Any:
    from rapidocr_onnxruntime import RapidOCR  # loaded on first use, never at import

    return RapidOCR(
        intra_op_num_threads=1,
        inter_op_num_threads=1,
        det_limit_type="max",
        det_limit_side_len=MAX_SIDE,
        max_side_len=MAX_SIDE,
        use_cls=False,
        det_unclip_ratio=DET_UNCLIP,
    )


def _working(frame: Image.Image) -> tuple[np.ndarray[Any, Any], float]:
    """The frame as the detector's 3-channel array at working size, and the factor back."""
    width, height = frame.size
    longer = max(width, height)
    factor = 1.0
    if longer > MAX_SIDE:
        factor = MAX_SIDE / longer
    elif longer < MIN_SIDE:
        factor = min(MIN_SIDE / longer, MAX_ENLARGE)
    if abs(factor - 1) > 0.05:
        size = (max(1, round(width * factor)), max(1, round(height * factor)))
        resample = Image.Resampling.BICUBIC if factor > 1 else Image.Resampling.BOX
        frame = frame.resize(size, resample)
    else:
        factor = 1.0
    grey = np.asarray(frame if frame.mode == "L" else frame.convert("L"))
    return np.ascontiguousarray(np.stack([grey, grey, grey], axis=-1)), 1 / factor


def read_lines(engine: Any, frame: Image.Image, budget: _Budget | None = None) -> list[Payload]:
    """Detect, keep the first ``MAX_LINES`` in reading order, recognise within the frame's
    budgets and what is left of the image's (``budget``); boxes in frame pixels."""
    if min(frame.size) < 8:
        return []
    budget = budget or _Budget()
    array, back = _working(frame)
    boxes, _ = engine.text_det(array)
    if boxes is None or len(boxes) == 0:
        return []
    boxes = engine.sorted_boxes(boxes)[:MAX_LINES]
    crops = _within_budget(engine.get_crop_img_list(array, boxes), min(REC_BUDGET, budget.left))
    boxes = boxes[: len(crops)]
    budget.left -= _width(crops)
    recognised, _ = engine.text_rec(crops)
    regrown = _regrown(engine, array, boxes, recognised, budget)
    recogniser = _recogniser(engine)
    alone, searched, margined = REGROW_LINES, ocr_nbest.MAX_LINES, MARGIN_LINES
    width, height = frame.size
    payloads = []
    for index, (quad, (text, score)) in enumerate(zip(boxes, recognised, strict=True)):
        text = str(text).strip()
        if not text or float(score) < MIN_SCORE:
            continue
        xs = [float(point[0]) * back for point in quad]
        ys = [float(point[1]) * back for point in quad]
        box = (
            max(0, min(width, round(min(xs)))),
            max(0, min(height, round(min(ys)))),
            max(0, min(width, round(max(xs)))),
            max(0, min(height, round(max(ys)))),
        )
        sure = round(float(score), 3)
        attempt = "plain"
        if index in regrown:
            text, taller_score = regrown[index]
            sure, attempt = round(min(sure, taller_score), 3), "grown"
        if _ID_LINE.search(text) and (closed := _SPACED_UNDERSCORE.sub("_", text)) != text:
            text, attempt = closed, "closed"
        others: tuple[str, ...] = ()
        if recogniser is not None and alone > 0 and budget.left > 0 and _ID_LINE.search(text):
            alone -= 1
            first = text
            lone = read_alone(recogniser.glyphs, crops[index], text, budget)
            judged = round_by_height(recogniser, crops[index], lone)
            if judged != text:
                text, attempt = judged, "glyphs"
            if searched > 0:
                searched -= 1
                others = _other_readings(recogniser, crops[index], first, text)
            if judged != lone:  # the recogniser's o or 0, against the height: a reading too
                others = (lone, *(o for o in others if o != lone))[: ocr_nbest.MAX_READINGS]
            if lone != first:  # a glyph read alone overrules a doubtful one: the line's own
                others = (first, *(o for o in others if o != first))[: ocr_nbest.MAX_READINGS]
        if recogniser is not None and margined > 0 and budget.left > 0:
            again = margin_readings(recogniser, crops[index], text, budget)
            margined -= again is not None
            if again:
                others = (*again, *(o for o in others if o not in again))
                others = others[: ocr_nbest.MAX_READINGS]
        spaced = respaced(text)
        if spaced != text:  # a guess at the spaces: reported as read, unsure
            payloads.append(Payload("line", spaced, box, "respaced", min(sure, UNSURE_SCORE)))
            continue
        payloads.append(Payload("line", text, box, attempt, sure, others))
    return payloads


Glyph = tuple[str, float, float]
"""A recognised glyph: the character, the recogniser's confidence, its centre in crop pixels."""
GlyphReader = Callable[[np.ndarray[Any, Any]], list[Glyph]]


class _Recogniser:
    """RapidOCR's recogniser on one crop at a time: its step probabilities (remembered for the
    last crop, so placing glyphs and searching other readings of one crop cost one run) and
    its glyphs (greedy CTC decoding, as RapidOCR's own, keeping each glyph's confidence and
    place)."""

    __slots__ = ("_last", "_rec", "characters")

    def __init__(self, rec: Any, characters: list[str]) -> None:
        self._rec, self.characters = rec, characters
        self._last: tuple[Any, np.ndarray[Any, Any], float] | None = None

    def probs(self, crop: np.ndarray[Any, Any]) -> tuple[np.ndarray[Any, Any], float]:
        """The crop's step probabilities and the width of a step in crop pixels."""
        if self._last is not None and self._last[0] is crop:
            return self._last[1], self._last[2]
        height, width = crop.shape[:2]
        ratio = max(REC_MIN_RATIO, width / max(1, height))
        norm = self._rec.resize_norm_img(crop, ratio)[np.newaxis].astype(np.float32)
        probs = self._rec.session(norm)[0][0]
        per_step = norm.shape[3] / len(probs) * width / max(1, min(norm.shape[3], _width([crop])))
        self._last = (crop, probs, per_step)
        return probs, per_step

    def glyphs(self, crop: np.ndarray[Any, Any]) -> list[Glyph]:
        return [(c, sure, (lo + hi) / 2) for c, sure, lo, hi in self.placed(crop)]

    def placed(self, crop: np.ndarray[Any, Any]) -> list[tuple[str, float, float, float]]:
        """The glyphs with their confidence and the columns of crop their steps span."""
        probs, per_step = self.probs(crop)
        best = probs.argmax(axis=1)
        steps = len(best)
        glyphs = []
        step = 0
        while step < steps:
            index, end = int(best[step]), step
            while end + 1 < steps and best[end + 1] == index:
                end += 1
            if index != 0 and index < len(self.characters):
                sure = float(probs[step, index])
                glyphs.append((self.characters[index], sure, step * per_step, (end + 1) * per_step))
            step = end + 1
        return glyphs


def round_by_height(recogniser: _Recogniser, crop: np.ndarray[Any, Any], text: str) -> str:
    """``text`` (a cued line read from ``crop``) with the ``o`` and ``0`` of its id judged by
    their height (``ocr_nbest.round_glyphs``: the recogniser reads an ``o`` after digits as a
    ``0`` with confidence, the crop shows it x-height tall), or as it was; as ``read_alone``,
    only when the crop's glyphs are the line's (spaces and underscores aside)."""
    span = ocr_nbest.id_span(text)
    if span is None or not any(c in "o0O" for c in text[span[0] : span[1]]):
        return text
    placed = [g for g in recogniser.placed(crop) if g[0] not in "_ "]
    if _squeezed("".join(g[0] for g in placed)) != _squeezed(text):
        return text
    lo = len(_squeezed(text[: span[0]]))
    ident = _squeezed(text[span[0] : span[1]])
    columns = [(floor(g[2]), ceil(g[3])) for g in placed[lo : lo + len(ident)]]
    judged = ocr_nbest.round_glyphs(ident, ocr_nbest.ink_heights(crop, columns))
    if judged == ident:
        return text
    out, seen = list(text), 0
    for index in range(span[0], span[1]):
        if text[index] in "_ ":
            continue
        out[index] = judged[seen]
        seen += 1
    return "".join(out)


def _recogniser(engine: Any) -> _Recogniser | None:
    """The engine's recogniser, or None for an engine without RapidOCR's."""
    rec = getattr(engine, "text_rec", None)
    session = getattr(rec, "session", None)
    characters = getattr(getattr(rec, "postprocess_op", None), "character", None)
    if rec is None or session is None or characters is None:
        return None
    return _Recogniser(rec, characters)


def _other_readings(
    recogniser: _Recogniser, crop: np.ndarray[Any, Any], first: str, text: str
) -> tuple[str, ...]:
    """The line ``text`` (cued, read from ``crop`` as ``first``, then its look-alikes read
    alone) with each other reading of its id (``ocr_nbest``, from ``first``), where the glyphs
    read alone are changed in a reading too (``uiplzo`` with a lone ``1`` is ``uip1zo``); none
    that only takes away an underscore the line as mended has."""
    span, was = ocr_nbest.id_span(text), ocr_nbest.id_span(first)
    if span is None or was is None:
        return ()
    read, before = text[span[0] : span[1]], first[was[0] : was[1]]
    changed = (
        {i: c for i, (b, c) in enumerate(zip(before, read, strict=True)) if b != c}
        if len(before) == len(read)
        else {}
    )
    probs, _ = recogniser.probs(crop)
    out: list[str] = []
    for ident in ocr_nbest.other_ids(first, probs, recogniser.characters):
        if changed and len(ident) == len(before):
            ident = "".join(changed.get(i, c) if c == before[i] else c for i, c in enumerate(ident))
        lost = _squeezed(ident) == _squeezed(read) and ident.count("_") < read.count("_")
        if ident != read and not lost and ident not in out:
            out.append(ident)
    return tuple(ocr_nbest.with_id(text, ident) for ident in out)


def with_margin(crop: np.ndarray[Any, Any], share: float) -> np.ndarray[Any, Any]:
    """``crop`` inside a margin of ``share`` of its height on every side, of its ground (the
    median of its border)."""
    height, width = crop.shape[:2]
    pad = max(2, round(share * height))
    border = np.concatenate((crop[0], crop[-1], crop[:, 0], crop[:, -1]))
    wider = np.empty((height + 2 * pad, width + 2 * pad, *crop.shape[2:]), dtype=crop.dtype)
    wider[...] = np.median(border, axis=0).astype(crop.dtype)
    wider[pad : pad + height, pad : pad + width] = crop
    return wider


def margin_readings(
    recogniser: _Recogniser, crop: np.ndarray[Any, Any], text: str, budget: _Budget
) -> tuple[str, ...] | None:
    """Readings of ``text`` (a line read from ``crop``) the recogniser makes of the crop inside
    each margin of ``MARGINS``, where they differ: for a cued line, the line with the id read so
    (its ``o`` and ``0`` judged by height, an inner space closed both ways) when plausibly the
    same id (``ocr_nbest.plausible``: no underscore lost, as long give or take one glyph); for
    a line that holds a host, the line as read so. None when the line is neither (not read
    again), else the readings that differ (often none)."""
    cued = _ID_LINE.search(text) is not None
    if not cued and not _HOST_LINE.search(text):
        return None
    span = ocr_nbest.id_span(text)
    out: list[str] = []
    for share in MARGINS:
        if budget.left <= 0:
            break
        wider = with_margin(crop, share)
        budget.left -= _width([wider])
        again = "".join(g[0] for g in recogniser.placed(wider)).strip()
        if not cued:
            if again and _squeezed(again) != _squeezed(text) and again not in out:
                out.append(again)
            continue
        again = round_by_height(recogniser, wider, _SPACED_UNDERSCORE.sub("_", again))
        at = ocr_nbest.id_span(again)
        if span is None or at is None:
            continue
        read = text[span[0] : span[1]]
        for ident in ocr_nbest.closed(again[at[0] : at[1]]):
            line = ocr_nbest.with_id(text, ident)
            if ocr_nbest.plausible(ident, read) and line not in out:
                out.append(line)
    return tuple(out)


def read_alone(reader: GlyphReader, crop: np.ndarray[Any, Any], text: str, budget: _Budget) -> str:
    """``text`` (a cued line read from ``crop``, mended or not) with the doubtful look-alike
    glyphs of its id read again alone (``LOOKALIKES``), or as it was. The crop is read once more
    to place its glyphs; when that reading is not ``text`` (spaces and underscores aside), the
    line is left as it is."""
    budget.left -= _width([crop])
    glyphs = [g for g in reader(crop) if g[0] not in "_ "]
    if _squeezed("".join(g[0] for g in glyphs)) != _squeezed(text):
        return text
    cue = _ID_LINE.search(text)
    run = _ID_RUN.match(text, cue.end()) if cue is not None else None
    if run is None:
        return text
    lo = len(_squeezed(text[: run.start(1)]))
    hi = lo + len(_squeezed(run.group(1)))
    height = crop.shape[0]
    changes: dict[int, str] = {}
    for position in range(lo, min(hi, len(glyphs))):
        char, sure, centre = glyphs[position]
        kin = next((c for c in LOOKALIKES if char in c), "")
        if not kin or sure >= DOUBT:
            continue
        if len(changes) >= LONE_GLYPHS or budget.left <= 0:
            break
        left = max(0, round(centre - LONE_WIDTH * height / 2))
        right = min(crop.shape[1], round(centre + LONE_WIDTH * height / 2))
        window = np.ascontiguousarray(crop[:, left:right])
        budget.left -= round(REC_HEIGHT * REC_MIN_RATIO)
        lone = reader(window)
        if len(lone) == 1 and lone[0][0] in kin and lone[0][0] != char and lone[0][1] >= LONE_SURE:
            changes[position] = lone[0][0]
    if not changes:
        return text
    out, seen = [], 0
    for char in text:
        if char in "_ ":
            out.append(char)
            continue
        out.append(changes.get(seen, char))
        seen += 1
    return "".join(out)


def _within_budget(crops: list[Any], budget: int) -> list[Any]:
    """The first crops, in reading order, whose width at 48 px high fits ``budget`` (the first
    always)."""
    spent = 0
    for index, crop in enumerate(crops):
        spent += _width([crop])
        if spent > budget and index:
            return crops[:index]
    return crops


def _width(crops: list[Any]) -> int:
    """Recognition work of ``crops``: their width in pixels at the recogniser's 48 px height."""
    return sum(round(crop.shape[1] * 48 / max(1, crop.shape[0])) for crop in crops)


def _regrown(
    engine: Any, array: np.ndarray[Any, Any], boxes: Any, recognised: Any, budget: _Budget
) -> dict[int, tuple[str, float]]:
    """Lines holding a messenger cue read again from a box grown ``ID_GROW`` of its height
    downwards (at most ``REGROW_LINES``, within ``REGROW_BUDGET``), by index, where the taller
    reading only puts back underscores or closes spaces (the two things a cut-off underscore
    does): no letter of the first reading changes, so the second cannot invent an id, only mend
    one."""
    wanted = [
        i
        for i, (text, score) in enumerate(recognised)
        if float(score) >= MIN_SCORE and _ID_LINE.search(str(text))
    ][:REGROW_LINES]
    if not wanted or budget.left <= 0:
        return {}
    limit = np.array([array.shape[1] - 1, array.shape[0] - 1], dtype=np.float32)
    grown = []
    for i in wanted:
        quad = np.array(boxes[i], dtype=np.float32)
        quad[3] = np.clip(quad[3] + ID_GROW * (quad[3] - quad[0]), 0, limit)
        quad[2] = np.clip(quad[2] + ID_GROW * (quad[2] - quad[1]), 0, limit)
        grown.append(quad)
    crops = _within_budget(engine.get_crop_img_list(array, grown), min(REGROW_BUDGET, budget.left))
    wanted = wanted[: len(crops)]
    budget.left -= _width(crops)
    taller, _ = engine.text_rec(crops)
    mended = {}
    for i, (text, score) in zip(wanted, taller, strict=True):
        first, second = str(recognised[i][0]).strip(), str(text).strip()
        if _mends(first, second):
            mended[i] = (second, float(score))
    return mended


def _mends(first: str, second: str) -> bool:
    """Whether ``second`` is ``first`` with underscores put back or spaces closed, and nothing
    else (a full-width colon read as a plain one aside)."""
    if second == first or second.count("_") < first.count("_"):
        return False
    if second.count("_") == first.count("_") and second.count(" ") >= first.count(" "):
        return False
    return _squeezed(first) == _squeezed(second)


def _squeezed(text: str) -> str:
    return text.replace("_", "").replace(" ", "").replace("\uff1a", ":")
