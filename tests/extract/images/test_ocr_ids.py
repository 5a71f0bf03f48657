"""Handle ids read by OCR (``bastion.extract.images.ocr``): the detector's boxes hug the letters'
body and cut off an underscore under the baseline, which the recogniser then drops
(``mgza539rz5``) or reads as a space (``t.me/vbddb3rm 8l``). A line holding a messenger cue is
read again from a taller box, and the second reading replaces the first only where it puts
underscores back or closes spaces; a space beside an underscore in such a line is closed. The
taller reading changes no letter; a look-alike glyph of the id read with doubt (``l`` for a
``1`` between letters) is read again alone, and changes only to its kin read surely."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any, cast

import numpy as np
import pytest
from PIL import Image

from bastion import Scanner
from bastion.extract.images import ImageDecoder, ImageStage, ocr
from bastion.model import ImageInput
from tests.extract.images import pictures, text_pictures
from tests.extract.images.test_ocr import _item


class _FakeEngine:
    """RapidOCR's four calls ``read_lines`` makes, over one detected line: the recogniser reads
    ``short`` from a crop as tall as the box and ``tall`` from a taller one."""

    def __init__(self, short: str, tall: str, height: int = 20) -> None:
        self.short, self.tall, self.height = short, tall, height
        self.crop_heights: list[int] = []

    def text_det(self, array: Any) -> tuple[Any, float]:
        box = np.array([[10, 10], [200, 10], [200, 10 + self.height], [10, 10 + self.height]])
        return np.array([box], dtype=np.float32), 0.0

    def sorted_boxes(self, boxes: Any) -> list[Any]:
        return list(boxes)

    def get_crop_img_list(self, array: Any, boxes: list[Any]) -> list[Any]:
        return [np.zeros((round(b[3][1] - b[0][1]), 10, 3), np.uint8) for b in boxes]

    def text_rec(self, crops: list[Any]) -> tuple[list[tuple[str, float]], float]:
        self.crop_heights.extend(crop.shape[0] for crop in crops)
        return [(self.tall if c.shape[0] > self.height else self.short, 0.95) for c in crops], 0.0


FRAME = Image.new("L", (640, 120), 255)


@pytest.mark.parametrize(
    ("short", "tall", "read", "attempt"),
    [
        ("微信mgza539rz5", "微信mgza539r_z5", "微信mgza539r_z5", "grown"),
        ("t.me/vbddb3rm 8l", "t.me/vbddb3rm_8l", "t.me/vbddb3rm_8l", "grown"),
        ("加V：ab c12", "加V:abc12", "加V:abc12", "grown"),
        # a letter changed: the taller reading is not taken, whatever it says
        ("Telegram @yzoln8o6", "Telegram @yzo1n8o6", "Telegram @yzoln8o6", "plain"),
        ("微信uiplz0", "微信uip1z_0", "微信uiplz0", "plain"),
        # an underscore taken away is not a mend
        ("Telegram @spin_88", "Telegram @spin88", "Telegram @spin_88", "plain"),
        # a space beside an underscore in a cued line is closed
        ("Telegram @hohe _kj", "Telegram @h0he_kj", "Telegram @hohe_kj", "closed"),
    ],
)
def test_a_cued_line_is_mended_only_by_underscores_and_spaces(
    short: str, tall: str, read: str, attempt: str
) -> None:
    engine = _FakeEngine(short, tall)
    (line,) = ocr.read_lines(engine, FRAME)
    assert (line.text, line.attempt) == (read, attempt)
    assert engine.crop_heights[0] == 20 and engine.crop_heights[1] > 20  # grown downwards


def test_a_line_without_a_cue_is_read_once_and_kept_as_read() -> None:
    engine = _FakeEngine("See you at 7 _pm", "See you at 7_pm")
    (line,) = ocr.read_lines(engine, FRAME)
    assert (line.text, line.attempt) == ("See you at 7 _pm", "plain")
    assert engine.crop_heights == [20]


def test_the_taller_box_stays_inside_the_frame() -> None:
    engine = _FakeEngine("微信abc", "微信a_bc", height=110)
    ocr.read_lines(engine, FRAME)
    # the frame is enlarged to MIN_SIDE; the grown box is clipped to the working array
    assert engine.crop_heights[1] <= round(FRAME.size[1] * ocr.MIN_SIDE / FRAME.size[0])


@pytest.mark.parametrize(
    ("lines", "size", "font", "handle"),
    [
        # read "t.me/ozck uk" (the id cut at the space) from the detector's box alone
        (["Join our channel", "t.me/ozck_uk"], (160, 160), 16, "ozck_uk"),
        (["Join our channel", "t.me/ozck_uk"], (200, 200), 14, "ozck_uk"),
        (["VIP signals group", "Telegram @spin_kq"], (640, 480), 40, "spin_kq"),
    ],
)
def test_an_underscore_in_a_handle_on_a_picture_is_read(
    listed_scanner: Scanner, lines: list[str], size: tuple[int, int], font: int, handle: str
) -> None:
    picture = text_pictures.text_picture(lines, size=size, font_size=font)
    result = listed_scanner.scan(_item(picture))
    assert handle in [e.value for e in result.entities if e.kind == "telegram"], [
        (c.text, c.attempt) for c in result.images[0].codes
    ]


MONO = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf"
needs_mono = pytest.mark.skipif(not Path(MONO).is_file(), reason="no DejaVu Sans Mono")


def _jpeg_of(lines: list[str], font: int) -> Image.Image:
    picture = text_pictures.text_picture(lines, font_size=font, latin=MONO, rotate=1.5)
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", quality=75)
    return Image.open(io.BytesIO(buffer.getvalue()))


@needs_mono
@pytest.mark.parametrize(
    ("ident", "font"),
    [
        # a 1 between letters, in a face where it is narrow: the recogniser reads "l" in context
        ("r1fy_a3", 28),
        ("uat1ythk_q6", 28),
        ("dvn1cmu_x8", 40),
        ("h1jn_tz", 40),
        # the same ids with an l: read alone, an l is a 1 only with doubt, so they stay
        ("rlfy_a3", 28),
        ("uatlythk_q6", 28),
        ("dvnlcmu_x8", 40),
        ("hljn_tz", 40),
        ("drum_lm", 40),
    ],
)
def test_a_doubtful_look_alike_in_an_id_is_read_alone(
    listed_scanner: Scanner, ident: str, font: int
) -> None:
    picture = _jpeg_of(["Join our channel", f"t.me/{ident}"], font)
    result = listed_scanner.scan(_item(picture))
    assert ident in [e.value for e in result.entities if e.kind == "telegram"], [
        (c.text, c.attempt) for c in result.images[0].codes
    ]


def _reader(line: str, sure: dict[int, float], lone: list[tuple[str, float]]) -> Any:
    """A glyph reader: ``line`` from the whole crop (each glyph 10 px wide, confident unless
    ``sure`` says otherwise), ``lone`` from any narrower window."""
    calls: list[int] = []

    def read(crop: Any) -> list[tuple[str, float, float]]:
        calls.append(crop.shape[1])
        if crop.shape[1] < 10 * len(line):
            return [(c, p, 5.0) for c, p in lone]
        return [(c, sure.get(i, 0.99), 10 * i + 5.0) for i, c in enumerate(line)]

    read.calls = calls  # type: ignore[attr-defined]
    return read


CROP = np.zeros((20, 400, 3), np.uint8)


@pytest.mark.parametrize(
    ("line", "doubt", "lone", "read"),
    [
        ("t.me/rlfy_a3", {6: 0.64}, [("1", 0.99)], "t.me/r1fy_a3"),  # the 1 read alone
        ("微信jxi3b4m250", {11: 0.6}, [("o", 0.9)], "微信jxi3b4m25o"),  # an o read alone
        ("t.me/rlfy_a3", {6: 0.99}, [("1", 0.99)], "t.me/rlfy_a3"),  # sure: not read again
        ("t.me/drum_lm", {10: 0.53}, [("1", 0.36)], "t.me/drum_lm"),  # alone, a doubtful 1
        ("t.me/q2clh_e2", {8: 0.9}, [("C", 0.4), ("I", 0.4)], "t.me/q2clh_e2"),  # two glyphs
        ("t.me/rlfy_a3", {6: 0.64}, [("f", 0.99)], "t.me/rlfy_a3"),  # not a look-alike of l
        ("Telegram @abc", {2: 0.5}, [("1", 0.99)], "Telegram @abc"),  # the cue is left alone
        ("See you at 7 pm", {}, [("1", 0.99)], "See you at 7 pm"),  # no cue, no id
    ],
)
def test_only_doubtful_look_alikes_of_the_id_change_and_only_to_their_kin(
    line: str, doubt: dict[int, float], lone: list[tuple[str, float]], read: str
) -> None:
    reader = _reader(line, doubt, lone)
    budget = ocr._Budget(10_000)
    assert ocr.read_alone(reader, CROP, line, budget) == read
    assert budget.left < 10_000  # the work is counted


def test_a_line_read_otherwise_the_second_time_is_left_as_it_is() -> None:
    reader = _reader("t.me/rlfy_a4", {6: 0.5}, [("1", 0.99)])
    assert ocr.read_alone(reader, CROP, "t.me/rlfy_a3", ocr._Budget()) == "t.me/rlfy_a3"
    assert reader.calls == [400]  # placed, not read again
    spaced = _reader("t.me/rlfy_a3", {6: 0.5}, [("1", 0.99)])  # the mended line has an _
    assert ocr.read_alone(spaced, CROP, "t.me/rlfy a3", ocr._Budget()) == "t.me/r1fy a3"


def test_at_most_a_few_glyphs_a_line_are_read_alone() -> None:
    line = "t.me/" + "l" * 12
    reader = _reader(line, {i: 0.5 for i in range(len(line))}, [("1", 0.99)])
    assert ocr.read_alone(reader, CROP, line, ocr._Budget()) == "t.me/" + "1" * 3 + "l" * 9
    assert len(reader.calls) == 1 + ocr.LONE_GLYPHS


class _WideEngine(_FakeEngine):
    """Many detected lines, each ``width`` pixels wide and 24 high, all holding a cue."""

    def __init__(self, lines: int, width: int) -> None:
        super().__init__("t.me/spin 88", "t.me/spin_88", height=24)
        self.lines, self.width = lines, width
        self.batches: list[list[int]] = []

    def text_det(self, array: Any) -> tuple[Any, float]:
        boxes = [
            [[0, 30 * n], [self.width, 30 * n], [self.width, 30 * n + 24], [0, 30 * n + 24]]
            for n in range(self.lines)
        ]
        return np.array(boxes, dtype=np.float32), 0.0

    def get_crop_img_list(self, array: Any, boxes: list[Any]) -> list[Any]:
        return [
            np.zeros((round(b[3][1] - b[0][1]), round(b[1][0] - b[0][0]), 3), np.uint8)
            for b in boxes
        ]

    def text_rec(self, crops: list[Any]) -> tuple[list[tuple[str, float]], float]:
        self.batches.append([c.shape[1] * 48 // c.shape[0] for c in crops])
        return super().text_rec(crops)


def test_recognition_work_per_frame_is_capped() -> None:
    engine = _WideEngine(lines=40, width=900)  # 1,800 px a line at 48 px high
    lines = ocr.read_lines(engine, Image.new("L", (960, 1300), 255))
    first, second = engine.batches
    assert sum(first) <= ocr.REC_BUDGET < sum(first) + first[0]
    # the taller second reading: a few cued lines, within their own budget (the first always)
    assert 1 <= len(second) <= ocr.REGROW_LINES
    assert sum(second) <= ocr.REGROW_BUDGET < sum(second) + second[0]
    assert len(lines) == len(first)
    single = _WideEngine(lines=1, width=950)
    ocr.read_lines(single, Image.new("L", (960, 40), 255))
    assert len(single.batches[0]) == 1  # the first line is read even when it alone is wide


def test_the_frames_of_one_image_share_its_recognition_budget() -> None:
    decoder = ocr.OcrDecoder()
    engine = _WideEngine(lines=40, width=900)
    decoder._engine = engine
    slide = text_pictures.text_picture(["slide t.me/spin_88"]).convert("L")
    with decoder.image_scope():
        decoder.decode(slide)
        decoder.decode(slide)
        decoder.decode(slide)  # nothing left: not even detected
    spent = [sum(batch) for batch in engine.batches]
    # the first frame read and read again taller; the second gets its first line (always read)
    assert len(engine.batches) == 3 and len(engine.batches[2]) == 1
    assert spent[0] <= ocr.REC_BUDGET and spent[1] <= ocr.REGROW_BUDGET
    assert spent[0] + spent[1] <= ocr.IMAGE_REC_BUDGET < sum(spent)
    assert decoder.runs == 2
    with decoder.image_scope():  # the next image starts afresh
        decoder.decode(slide)
    assert decoder.runs == 3 and engine.batches[3] == engine.batches[0]


class _CountingDecoder:
    name = "counting"
    frames_per_image = 2

    def __init__(self) -> None:
        self.calls = 0

    def decode(self, frame: Image.Image) -> list[Any]:
        self.calls += 1
        return []


def test_a_decoder_reads_no_more_frames_of_an_animation_than_it_asks() -> None:
    frames = [Image.new("L", (64, 64), 40 * n) for n in range(6)]
    counting = _CountingDecoder()
    stage = ImageStage(decoders=(cast(ImageDecoder, counting),))
    report = stage.read_one(0, ImageInput("a.gif", pictures.animated_gif(frames)))
    assert report.frames == 4 and counting.calls == 2
    assert ocr.OcrDecoder.frames_per_image == ocr.FRAMES_PER_IMAGE < report.frames
