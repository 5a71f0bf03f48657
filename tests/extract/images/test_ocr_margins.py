"""A line read again inside margins of ground (``bastion.extract.images.ocr.margin_readings``):
the recogniser misreads a glyph of a crop that hugs the letters with confidence and no rival in
its beam (``yzoln8o6``, ``kpw2j``, ``betoon.com``); the same crop inside a margin reads
otherwise. A cued line's id so read is another reading (its handles go to review flagged
``ocr_unsure``); a line holding a host read so is another reading whose hosts are guesses
(``ocr_guess``: kept only when a feed lists them)."""

from __future__ import annotations

from typing import Any, cast

import numpy as np
import pytest

from bastion.extract.hosts import PROSE_LIKE
from bastion.extract.images import ocr
from bastion.extract.ocr_readings import OCR_GUESS, OCR_UNSURE, GuessBudget, other_hosts
from bastion.model import HOST_KINDS, Entity, ImageCode, ImageReport, Item
from bastion.scanner import _add_image_entities
from tests.extract.images.test_ocr_readings import _scanner


class _FakeRecogniser:
    """Reads ``first`` from a crop with no margin and ``by_margin[share]`` inside a margin of
    ``share`` of its height (told by the crop's height), glyphs spread evenly."""

    def __init__(self, height: int, by_margin: dict[float, str]) -> None:
        self.height, self.by_margin = height, by_margin
        self.heights: list[int] = []

    def placed(self, crop: np.ndarray[Any, Any]) -> list[tuple[str, float, float, float]]:
        self.heights.append(crop.shape[0])
        share = next(s for s in ocr.MARGINS if crop.shape[0] == self.height + 2 * round(s * 20))
        text = self.by_margin.get(share, "")
        return [(c, 0.99, 4.0 * i, 4.0 * i + 3) for i, c in enumerate(text)]


def _readings(text: str, by_margin: dict[float, str]) -> tuple[str, ...] | None:
    crop = np.full((20, 200, 3), 255, np.uint8)
    fake = _FakeRecogniser(20, by_margin)
    return ocr.margin_readings(cast(Any, fake), crop, text, ocr._Budget())


@pytest.mark.parametrize(
    ("text", "by_margin", "readings"),
    [
        # a glyph read otherwise inside a margin: the line with that id is another reading
        ("Telegram @yzoln8c6", {0.25: "Telegram @yzo1n8c6"}, ("Telegram @yzo1n8c6",)),
        # a glyph dropped at the crop's edge, read inside a margin
        ("加V: kpw2j", {0.1: "加V:kpw2jj", 0.25: "加V:kpw2ij"}, ("加V: kpw2jj", "加V: kpw2ij")),
        ("微信 hq7tmr", {0.1: "微信 hq7tmrr"}, ("微信 hq7tmrr",)),
        # the same id, or the same but for case and spaces around it: nothing to report
        ("t.me/vbddb3rm", {0.1: "t.me/vbddb3rm", 0.25: "t.me/ vbddb3rm"}, ()),
        ("微信 hq7tmr", {0.1: "微信 HQ7TMR"}, ()),
        # not plausibly the same id: an underscore lost, two glyphs more
        ("Telegram @spin_kq", {0.1: "Telegram @spinkq"}, ()),
        ("微信 hq7tmr", {0.25: "微信 hq7tmrabc"}, ()),
        # a line holding a host read otherwise: the line as read inside the margin
        ("www.betoon.com", {0.1: "www.betdon.com", 0.25: "www.betdon.com"}, ("www.betdon.com",)),
        ("最新网址 bet88点c0m", {0.25: "最新网址 bet88点com"}, ("最新网址 bet88点com",)),
        ("jun8 dot biz", {0.1: "jun8 dot biz", 0.25: "jun 8 dot biz"}, ()),
    ],
)
def test_a_line_read_otherwise_inside_a_margin_gives_another_reading(
    text: str, by_margin: dict[float, str], readings: tuple[str, ...]
) -> None:
    assert _readings(text, by_margin) == readings


@pytest.mark.parametrize("text", ["Happy birthday Anna!", "1. budget 2. hiring", "今晚一起看球吗"])
def test_a_line_with_no_cue_and_no_host_is_not_read_again(text: str) -> None:
    assert _readings(text, {0.1: "anything"}) is None


def test_the_margin_is_the_crops_ground_on_every_side() -> None:
    crop = np.full((20, 50, 3), 230, np.uint8)
    crop[5:15, 10:40] = 20  # the ink
    wider = ocr.with_margin(crop, 0.25)
    assert wider.shape == (30, 60, 3)
    assert (wider[:5] == 230).all() and (wider[:, :5] == 230).all()
    assert (wider[5:25, 5:55] == crop).all()
    grey = ocr.with_margin(np.zeros((4, 9), np.uint8), 0.1)
    assert grey.shape == (8, 13)  # two pixels at least


def test_the_margin_readings_are_paid_from_the_images_budget() -> None:
    crop = np.full((20, 200, 3), 255, np.uint8)
    budget = ocr._Budget(1)
    fake = _FakeRecogniser(20, {0.1: "Telegram @yzo1n8c6"})
    assert ocr.margin_readings(cast(Any, fake), crop, "Telegram @yzoln8c6", budget) == (
        "Telegram @yzo1n8c6",
    )
    assert budget.left < 0 and set(fake.heights) == {24}  # the second margin is not read


def test_hosts_of_another_reading_are_guesses() -> None:
    found = [Entity("url", "www.betoon.com", (0, 14), "www.betoon.com")]
    budget = GuessBudget()
    hosts = other_hosts("www.betoon.com", ["www.betdon.com 微信 hq7tmr"], found, budget)
    assert hosts[0].value == "www.betdon.com"  # then its own guesses (betd0n.com)
    assert all(e.kind in HOST_KINDS for e in hosts)  # no handle
    assert all(OCR_GUESS in e.flags and PROSE_LIKE in e.flags for e in hosts)
    assert all(e.span[1] <= len("www.betoon.com") for e in hosts)
    assert budget.left < GuessBudget().left
    assert other_hosts("www.betoon.com", ["www.betdon.com"], found, GuessBudget(0)) == []


class _Stage:
    """An image stage that returns one OCR line with its other readings."""

    decoders: tuple[Any, ...] = ()

    def __init__(self, line: str, *readings: str) -> None:
        self.line, self.readings = line, readings

    def read(self, item: Item) -> list[ImageReport]:
        report = ImageReport(0, "p.jpg", width=400, height=100)
        box = (10, 10, 390, 50)
        report.codes = [
            ImageCode("ocr", "line", self.line, box, score=0.97, readings=self.readings)
        ]
        return [report]


def _verdict(listed: str, line: str, *readings: str) -> tuple[str, list[tuple[str, list[str]]]]:
    scanner = _scanner(listed)
    scanner._images = _Stage(line, *readings)  # type: ignore[assignment]
    result = scanner.scan(Item(id="1", surface="post", images=("p.jpg",)))
    return result.verdict, [(e.value, e.flags) for e in result.entities]


@pytest.mark.parametrize(
    ("listed", "line", "reading"),
    [
        ("betdon.com", "www.betoon.com", "www.betdon.com"),
        ("bet1688.com", "最新网址 betl688点com", "最新网址 bet1688点com"),
        ("kaisa99.net", "Play now: kalsa99.net", "Play now: kaisa99.net"),
    ],
)
def test_a_host_read_inside_a_margin_counts_only_when_a_feed_lists_it(
    listed: str, line: str, reading: str
) -> None:
    verdict, entities = _verdict(listed, line, reading)
    assert verdict == "act"
    assert any(OCR_GUESS in flags for _, flags in entities)
    assert _verdict("other-casino.com", line, reading) == ("allow", [])


def test_a_handle_read_inside_a_margin_is_unsure() -> None:
    report = ImageReport(0, "p.jpg", width=400, height=100)
    report.codes = [
        ImageCode(
            "ocr", "line", "加V: kpw2j", (10, 10, 390, 50), score=0.97, readings=("加V: kpw2jj",)
        )
    ]
    entities: list[Entity] = []
    _add_image_entities([report], "", entities)
    assert [(e.kind, e.value, OCR_UNSURE in e.flags) for e in entities] == [
        ("wechat", "kpw2jj", True)
    ]
