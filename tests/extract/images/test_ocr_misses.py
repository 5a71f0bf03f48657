"""The classes of OCR misses found on the held-out suites of ``bench.images_ocr`` (seeds 97 and
71), one test each: a cued line read with doubt (its handles go to review, not lost), a glyph
read alone overruling the recogniser (the line's own reading stays beside it), an id cut at a
space before ``on Telegram`` (closed both ways), a row the detector cut in two boxes (read as
one line), and a dot lost before any top-level domain after a scheme or a ``www`` (a guess,
kept only when listed). The pictures' lines are given as the recogniser read them."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
from PIL import Image

from bastion.extract.images import ocr, ocr_nbest
from bastion.extract.ocr_lines import beside, continued_pairs
from bastion.extract.ocr_readings import OCR_GUESS, OCR_UNSURE, readings
from bastion.model import Entity, ImageCode, ImageReport
from bastion.scanner import _add_image_entities
from tests.extract.images.test_ocr_ids import _FakeEngine
from tests.extract.images.test_ocr_readings import _scan, _scanner


def _report(*codes: ImageCode) -> ImageReport:
    report = ImageReport(0, "p.jpg", width=400, height=300)
    report.codes = list(codes)
    return report


def _entities(*codes: ImageCode) -> list[Entity]:
    entities: list[Entity] = []
    _add_image_entities([_report(*codes)], "", entities)
    return entities


# A cued line scored under 0.9 (加V:xuv3ah at 0.862): its handle goes to review, not lost.


def test_a_handle_on_a_doubtful_line_is_kept_unsure_not_dropped() -> None:
    (handle,) = _entities(ImageCode("ocr", "line", "加V:xuv3ah", (0, 0, 99, 20), score=0.862))
    assert (handle.kind, handle.value) == ("wechat", "xuv3ah")
    assert OCR_UNSURE in handle.flags and "prose_like" not in handle.flags
    sure = _entities(ImageCode("ocr", "line", "加V:xuv3ah", (0, 0, 99, 20), score=0.95))
    assert [(e.value, e.flags) for e in sure] == [("xuv3ah", [])]


def test_a_doubtful_line_still_yields_hosts_and_phones_only_when_listed() -> None:
    line = ImageCode("ocr", "line", "visit bel888.com call 13812345678", (0, 0, 99, 20), score=0.7)
    found = _entities(line)
    assert found and all("prose_like" in e.flags and OCR_UNSURE not in e.flags for e in found)


def test_a_picture_with_a_doubtful_handle_goes_to_review() -> None:
    scanner = _scanner("listed-elsewhere.com")

    class _Doubtful:
        decoders: tuple[Any, ...] = ()

        def read(self, item: Any) -> list[ImageReport]:
            code = ImageCode("ocr", "line", "加V：aylrnc", (10, 10, 200, 40), score=0.87)
            return [_report(ImageCode("ocr", "line", "代理招商 日结", (10, 50, 200, 80)), code)]

    scanner._images = _Doubtful()  # type: ignore[assignment]
    from bastion.model import Item

    result = scanner.scan(Item(id="1", surface="post", images=("p.jpg",)))
    assert result.verdict == "review"
    assert [(e.value, OCR_UNSURE in e.flags) for e in result.entities] == [("aylrnc", True)]


# A glyph read alone overrules a doubtful one (etp87tl's l at 0.69 read alone as 1): the line's
# own reading is reported beside it.


class _RecognisingEngine(_FakeEngine):
    """A fake engine whose recogniser exists (``_recogniser`` finds it)."""

    def __init__(self, line: str) -> None:
        super().__init__(line, line)


def test_a_glyph_read_alone_keeps_the_lines_own_reading_beside_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    engine = _RecognisingEngine("加V : etp87tl")
    recogniser = type("Recogniser", (), {"glyphs": None})()
    monkeypatch.setattr(ocr, "_recogniser", lambda engine: recogniser)
    monkeypatch.setattr(ocr, "read_alone", lambda reader, crop, text, budget: "加V : etp87t1")
    monkeypatch.setattr(ocr, "round_by_height", lambda recogniser, crop, text: text)
    monkeypatch.setattr(ocr, "_other_readings", lambda recogniser, crop, first, text: ())
    monkeypatch.setattr(ocr, "margin_readings", lambda recogniser, crop, text, budget: ())
    (line,) = ocr.read_lines(engine, Image.new("L", (640, 120), 255))
    assert (line.text, line.attempt, line.readings) == (
        "加V : etp87t1",
        "glyphs",
        ("加V : etp87tl",),
    )
    monkeypatch.setattr(ocr, "read_alone", lambda reader, crop, text, budget: text)
    (line,) = ocr.read_lines(engine, Image.new("L", (640, 120), 255))
    assert (line.text, line.readings) == ("加V : etp87tl", ())  # nothing overruled: one way


def test_both_readings_of_an_overruled_glyph_are_unsure_handles() -> None:
    code = ImageCode(
        "ocr", "line", "加V : etp87t1", (0, 0, 99, 20), score=0.947, readings=("加V : etp87tl",)
    )
    assert [(e.value, OCR_UNSURE in e.flags) for e in _entities(code)] == [
        ("etp87t1", True),
        ("etp87tl", True),
    ]


# An underscore read as a space before "on Telegram" (@svnm 61 on Telegram).


@pytest.mark.parametrize(
    ("text", "ident"),
    [
        ("Contact:@svnm 61 on Telegram", "svnm 61"),
        ("Contact: @svnm 61 via telegram", "svnm 61"),
        ("Contact:@svnmab on Telegram", "svnmab"),
        ("Contact:@svnm 61x4 on Telegram", "svnm"),  # a longer piece is a word of its own
        ("Contact:@svnm 61 on Telegrams", "svnm"),
    ],
)
def test_a_short_piece_before_on_telegram_ends_the_id(text: str, ident: str) -> None:
    span = ocr_nbest.id_span(text)
    assert span is not None and text[span[0] : span[1]] == ident


def test_an_id_cut_at_a_space_before_on_telegram_is_read_closed_both_ways() -> None:
    text = "Contact:@svnm 61 on Telegram"
    others = ocr_nbest.other_ids(text, np.zeros((0, 2)), ["", "a"])
    assert others == ["svnm61", "svnm_61"]
    code = ImageCode(
        "ocr",
        "line",
        text,
        (0, 0, 99, 20),
        score=0.973,
        readings=tuple(ocr_nbest.with_id(text, i) for i in others),
    )
    found = [(e.kind, e.value, OCR_UNSURE in e.flags) for e in _entities(code)]
    assert ("telegram", "svnm_61", True) in found and ("telegram", "svnm61", True) in found


# A row the detector cut at a wide space (官网 lstlines 点 / com side by side).


def _line(text: str, box: tuple[int, int, int, int]) -> ImageCode:
    return ImageCode("ocr", "line", text, box, score=0.97)


def test_two_boxes_of_one_row_continue_each_other() -> None:
    codes = [
        _line("com", (420, 100, 500, 140)),
        _line("官网 lstlines 点", (40, 104, 380, 142)),
        _line("首存即送88元", (40, 160, 300, 198)),
        _line("far away", (700, 100, 800, 140)),  # a gap of five heights: another column
    ]
    pairs = continued_pairs(codes)
    assert (1, 0) in pairs and (1, 2) in pairs
    assert not any(b == 3 or a == 3 for a, b in pairs) and (0, 1) not in pairs
    assert not beside(_line("a", (0, 0, 100, 30)), _line("b", (110, 40, 200, 70)))  # next row


def test_a_host_cut_at_a_wide_space_is_read_across_the_boxes() -> None:
    scanner = _scanner("1stlines.com")
    stage_lines = [
        _line("com", (420, 100, 500, 140)),
        _line("官网 lstlines 点", (40, 104, 380, 142)),
    ]

    class _Row:
        decoders: tuple[Any, ...] = ()

        def read(self, item: Any) -> list[ImageReport]:
            return [_report(*stage_lines)]

    scanner._images = _Row()  # type: ignore[assignment]
    from bastion.model import Item

    result = scanner.scan(Item(id="1", surface="post", images=("p.jpg",)))
    assert result.verdict == "act"
    assert [(e.value, OCR_GUESS in e.flags) for e in result.entities] == [("1stlines.com", True)]


# A dot lost before a top-level domain the common list lacks, after a scheme or a www.


@pytest.mark.parametrize(
    ("line", "guessed"),
    [
        ("https:/betwayptvip", "https:/betway.pt/vip"),
        ("https://hrwagerag/vip", "https://hrwager.ag/vip"),
        ("wwwsurfcasino", "www.surf.casino"),
    ],
)
def test_a_dot_lost_after_a_scheme_or_www_is_guessed(line: str, guessed: str) -> None:
    assert guessed in [r.text for r in readings(line) if r.guess]


def test_no_url_guess_without_a_scheme_or_www_or_with_the_dot_there() -> None:
    for line in ("surfcasino tonight", "www.surf.casino", "https://example.com/vip"):
        assert not any(r.text.startswith(("www.surf.", "https://ex.")) for r in readings(line))


def test_a_url_guess_counts_only_when_listed() -> None:
    scanner = _scanner("surf.casino")
    listed = _scan(scanner, "wwwsurfcasino", "Daily bonus for new pla")
    assert listed.verdict == "act"
    (entity,) = listed.entities
    assert entity.registrable_domain == "surf.casino" and OCR_GUESS in entity.flags
    unlisted = _scan(scanner, "https://hrwagerag/vip")
    assert unlisted.verdict == "allow" and unlisted.entities == []
