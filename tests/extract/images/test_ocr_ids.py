"""Handle ids read by OCR (``bastion.extract.images.ocr``): the detector's boxes hug the letters'
body and cut off an underscore under the baseline, which the recogniser then drops
(``mgza539rz5``) or reads as a space (``t.me/vbddb3rm 8l``). A line holding a messenger cue is
read again from a taller box, and the second reading replaces the first only where it puts
underscores back or closes spaces; a space beside an underscore in such a line is closed. No
letter of a reading is ever changed (``l`` for ``1`` stays as read)."""

from __future__ import annotations

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
