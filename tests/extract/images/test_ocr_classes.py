"""The classes of OCR misses left on the held-out suites of ``bench.images_ocr`` (seeds 71, 97
and 131) after the margin and n-best readings, one test group each, with the lines as the
recogniser read them:

- an ``l``/``1`` or ``o``/``0`` of an id read as its neighbours read, at high confidence
  (``d415bk5y`` for ``d4l5bk5y``, ``kpp6_03`` for ``kpp6_o3``): every reading is reported and the
  picture goes to review, never one id taken for sure;
- spaces the recogniser put inside a host (``www.haj per. com``): closed as a guess, kept only
  when a feed lists the host;
- a spelled ``dot`` glued before a top-level domain outside the common few (``eurofootball
  dotbg``): spaced again as a guess;
- the generator's 128 px avatars whose line runs past the edge: version 2 draws them readable,
  version 1 (every earlier figure) is unchanged.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bastion.extract.images.ocr import respaced
from bastion.extract.ocr_readings import (
    MAX_LOOKALIKE_GLYPHS,
    OCR_GUESS,
    OCR_UNSURE,
    lookalike_ids,
    lookalike_readings,
    readings,
)
from bastion.model import Entity, ImageCode, ImageReport
from bastion.scanner import _add_image_entities
from tests.extract.images.test_ocr_readings import _scan, _scanner


def _entities(text: str, score: float = 0.97) -> list[Entity]:
    report = ImageReport(0, "p.jpg", width=400, height=300)
    report.codes = [ImageCode("ocr", "line", text, (0, 0, 99, 20), score=score)]
    entities: list[Entity] = []
    _add_image_entities([report], "", entities)
    return entities


# An l/1 or o/0 read as its neighbours read: every reading, to review.


@pytest.mark.parametrize(
    ("read", "also"),
    [
        ("d415bk5y", "d4l5bk5y"),  # a 1 between digits may be an l
        ("gmkpks_19", "gmkpks_l9"),  # an underscore is skipped: the neighbour is the 9
        ("kpp6_03", "kpp6_o3"),  # a 0 after a digit may be an o
        ("rlfy_a3", "r1fy_a3"),  # an l between letters may be a 1
    ],
)
def test_a_lookalike_read_as_its_neighbours_is_read_both_ways(read: str, also: str) -> None:
    assert also in lookalike_ids(read)


def test_a_lookalike_read_against_its_neighbours_is_its_own() -> None:
    assert lookalike_ids("xuv0ah") == []  # a 0 between letters: the glyph's own shape
    assert lookalike_ids("ab1cd") == []
    assert lookalike_ids("xov0ah") == ["x0v0ah"]  # the o between letters may be a 0


def test_ids_of_one_class_are_not_read_otherwise() -> None:
    assert lookalike_ids("10203040") == []  # a QQ number holds digits
    assert lookalike_ids("helloworld") == []  # letters alone: a word or a name
    assert lookalike_ids("d4v5bk5y") == []  # no look-alike glyph


def test_readings_are_bounded_singles_first() -> None:
    ids = lookalike_ids("x2130405060")  # five swayed glyphs: the first three read both ways
    assert len(ids) == 2**MAX_LOOKALIKE_GLYPHS - 1
    assert ids[:3] == ["x2l30405060", "x213o405060", "x21304o5060"]
    assert ids[-1] == "x2l3o4o5060"


def test_every_reading_of_the_handle_is_reported_unsure() -> None:
    found = _entities("飞机@d415bk5y")
    assert {(e.kind, e.value) for e in found} == {
        ("telegram", "d415bk5y"),
        ("telegram", "d4l5bk5y"),
    }
    assert all(OCR_UNSURE in e.flags for e in found)
    assert all(e.raw == "d415bk5y" for e in found)


def test_a_handle_with_no_swayed_glyph_is_read_one_way() -> None:
    (found,) = _entities("加V：d4v5bk5y")
    assert (found.value, found.flags) == ("d4v5bk5y", [])


def test_lookalike_readings_keep_the_line_around_the_id() -> None:
    line = "Telegram @oj517nj"
    (handle,) = (e for e in _entities(line) if e.value == "oj517nj")
    assert "Telegram @oj5l7nj" in lookalike_readings(line, [handle])


def test_a_picture_whose_handle_reads_two_ways_goes_to_review() -> None:
    scanner = _scanner("listed-elsewhere.com")
    result = _scan(scanner, "担保交易不怕跑路", "飞机@d415bk5y")
    assert result.verdict == "review"
    assert {e.value for e in result.entities} >= {"d415bk5y", "d4l5bk5y"}


# Spaces inside a host: a guess, kept only when listed.


def test_spaces_inside_a_host_are_closed_as_a_guess() -> None:
    texts = [r.text for r in readings("www.haj per. com") if r.guess]
    assert "www.hajper.com" in texts
    assert "Play now at bet365.com today" in [
        r.text for r in readings("Play now at bet 365.com today")
    ]
    assert not [r for r in readings("See you at 7 pm") if r.guess]


def test_a_host_with_spaces_counts_only_when_listed() -> None:
    scanner = _scanner("hajper.com")
    listed = _scan(scanner, "Chat", "www.haj per. com", "Daily bonus for new players")
    assert listed.verdict == "act"
    assert any(
        e.registrable_domain == "hajper.com" and OCR_GUESS in e.flags for e in listed.entities
    )
    other = _scan(scanner, "Chat", "www.haj pex. com", "Daily bonus for new players")
    assert other.verdict == "allow" and other.entities == []


def test_ordinary_lines_with_dots_yield_nothing_unlisted() -> None:
    scanner = _scanner("hajper.com")
    for line in ("1. budget 2. hiring 3. dates", "Room 301, third floor. Lift on the left"):
        result = _scan(scanner, line)
        assert result.verdict == "allow" and result.entities == []


# A spelled dot glued before any top-level domain.


def test_a_dot_glued_before_any_tld_is_spaced() -> None:
    assert respaced("eurofootball dotbg") == "eurofootball dot bg"
    assert respaced("casinolasvegasdotno") == "casinolasvegas dot no"
    assert respaced("csgofastdotcom") == "csgofast dot com"


def test_a_dot_before_letters_that_are_no_tld_stays() -> None:
    assert respaced("eurofootball dotqx") == "eurofootball dotqx"
    assert respaced("polkadot") == "polkadot"
    assert respaced("dotted line") == "dotted line"


# The generator: version 2 draws no avatar whose line runs past its edge; version 1 unchanged.


def _hosts() -> list[str]:
    return ["sverigeautomaten.com", "mrjackpotspins.com", "fikacasino.com", "eurofootball.bg"]


def test_generator_2_draws_every_line_inside_the_picture() -> None:
    from bench import images_ocr

    data = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
    if not data.is_file():
        pytest.skip("no DejaVu fonts")
    old = images_ocr.suite(_hosts(), 45, 0, 0, seed=71, fresh=True)
    new = images_ocr.suite(_hosts(), 45, 0, 0, seed=71, fresh=True, generator=2)
    assert any(p.clipped for p in old)
    assert not any(p.clipped for p in new)
    assert {p.suite for p in old} == {"holdout"} and {p.suite for p in new} == {"holdout-g2"}
    again = images_ocr.suite(_hosts(), 45, 0, 0, seed=71, fresh=True)
    assert [p.data for p in again] == [p.data for p in old]  # byte for byte, run to run
    with pytest.raises(ValueError, match="generator"):
        images_ocr.suite(_hosts(), 1, 0, 0, seed=71, fresh=True, generator=9)
