"""Other readings of the id on an OCR line (``bastion.extract.images.ocr_nbest``): the readings
the recogniser nearly made, from its own step probabilities (a CTC beam search), and ``o``/``0``
judged by height. Each reading of a handle is reported flagged ``ocr_unsure`` and the default
policy sends the item to review."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from bastion.extract.images import ocr_nbest
from bastion.extract.ocr_readings import OCR_UNSURE, unsure_handles
from bastion.model import Entity, ImageCode, ImageReport, Item
from bastion.policy import Policy, verdict_of
from bastion.scanner import _add_image_entities

CHARACTERS = ["<blank>", *"微信uiplz0o1 _rmcjfaxVT@egn:"]


def _probs(*steps: dict[str, float]) -> np.ndarray[Any, Any]:
    """Step probabilities: each step's glyphs as given, the rest blank; a blank between steps
    (as the recogniser puts between glyphs)."""
    rows = []
    for step in steps:
        row = np.zeros(len(CHARACTERS), np.float32)
        for char, p in step.items():
            row[CHARACTERS.index(char)] = p
        row[0] = max(0.0, 1 - sum(step.values()))
        rows.append(row)
        blank = np.zeros(len(CHARACTERS), np.float32)
        blank[0] = 1
        rows.append(blank)
    return np.stack(rows)


def _line(text: str, doubt: dict[int, dict[str, float]] | None = None) -> np.ndarray[Any, Any]:
    doubt = doubt or {}
    return _probs(*(doubt.get(i, {c: 0.99}) for i, c in enumerate(text)))


def test_the_beam_search_gives_the_reading_the_recogniser_nearly_made() -> None:
    probs = _line("微信uiplz0", {5: {"l": 0.55, "1": 0.44}, 7: {"0": 0.56, "o": 0.43}})
    readings = [text for text, _ in ocr_nbest.beam_search(probs, CHARACTERS)]
    assert readings[0] == "微信uiplz0"
    assert {"微信uip1z0", "微信uiplzo", "微信uip1zo"} <= set(readings)


@pytest.mark.parametrize(
    ("text", "doubt", "others"),
    [
        # a look-alike read with doubt: its rival is another reading
        ("微信uiplz0", {7: {"0": 0.56, "o": 0.43}}, ["uiplzo"]),
        # read surely: no other reading (under MIN_RATIO of the likeliest)
        ("微信uiplz0", {7: {"0": 0.96, "o": 0.03}}, []),
        # a space inside the id at the end of the line: closed, and read as an underscore
        ("微信 mcmjof r", {}, ["mcmjofr", "mcmjof_r"]),
        # a rival that only takes the underscore away is not a reading of the id
        ("微信 uip_lz", {6: {"_": 0.5, " ": 0.01}}, []),
        # no cue, no id, no readings
        ("uiplz0", {1: {"i": 0.5, "l": 0.49}}, []),
    ],
)
def test_other_ids(text: str, doubt: dict[int, dict[str, float]], others: list[str]) -> None:
    assert ocr_nbest.other_ids(text, _line(text, doubt), CHARACTERS) == others


@pytest.mark.parametrize(
    ("text", "ident"),
    [
        ("微信 mcmjof r", "mcmjof r"),
        ("Contact.@m1tja7n28onTelegram", "m1tja7n28"),
        ("Telegram @yzoln8o6", "yzoln8o6"),
        ("加V：uatlythk_q6", "uatlythk_q6"),
        ("t.me/rlfy_a3", "rlfy_a3"),
        ("See you at 7 pm", None),
        ("微信 abc", None),  # too short for an id
    ],
)
def test_the_id_after_a_cue(text: str, ident: str | None) -> None:
    span = ocr_nbest.id_span(text)
    assert (text[span[0] : span[1]] if span else None) == ident


def test_an_id_replaced_keeps_the_on_of_on_telegram_a_word() -> None:
    assert ocr_nbest.with_id("Contact:@pub9wi9gbon Telegram", "pub9wi9gb") == (
        "Contact:@pub9wi9gb on Telegram"
    )
    assert ocr_nbest.with_id("微信 mcmjof r", "mcmjof_r") == "微信 mcmjof_r"


@pytest.mark.parametrize(
    ("ident", "heights", "judged"),
    [
        # an o after digits read 0, x-height tall: an o
        ("jxi3b4m250", [45, 24, 36, 36, 28, 36, 26, 36, 36, 26], "jxi3b4m25o"),
        # a 0 as tall as the digits stays
        ("r5r0tny", [25, 34, 24, 35, 32, 25, 33], "r5r0tny"),
        ("k037ogz90", [21, 22, 21, 21, 16, 22, 15, 21, 27], "k037ogz90"),
        ("k037ogz9o", [21, 22, 21, 21, 16, 22, 15, 21, 27], "k037ogz90"),
        # no x-height letter to compare with: left as read
        ("r0oopqj", [17, 24, 17, 17, 24, 18, 30], "r0oopqj"),
        # half-way between: left as read
        ("hap0_rg", [24, 16, 23, 20, 0, 15, 22], "hap0_rg"),
    ],
)
def test_round_glyphs_are_judged_by_their_height(
    ident: str, heights: list[int], judged: str
) -> None:
    assert ocr_nbest.round_glyphs(ident, heights) == judged


def test_ink_heights_on_either_ground() -> None:
    crop = np.full((40, 30, 3), 230, np.uint8)
    crop[10:30, 2:8] = 20  # a tall glyph
    crop[18:30, 12:18] = 20  # a short one
    assert ocr_nbest.ink_heights(crop, [(0, 10), (10, 20), (20, 30)]) == [20, 12, 0]
    assert ocr_nbest.ink_heights(255 - crop, [(0, 10), (10, 20)]) == [20, 12]


def _code(text: str, *readings: str) -> ImageReport:
    report = ImageReport(0, "p.jpg", width=400, height=100)
    report.codes = [
        ImageCode("ocr", "line", text, (10, 10, 390, 50), score=0.97, readings=readings)
    ]
    return report


def test_every_reading_of_an_unsure_handle_is_reported_flagged() -> None:
    entities: list[Entity] = []
    _add_image_entities([_code("微信 uip1z0", "微信 uip1zo", "微信 uiplz0")], "", entities)
    handles = [(e.kind, e.value, OCR_UNSURE in e.flags) for e in entities]
    assert handles == [
        ("wechat", "uip1z0", True),
        ("wechat", "uip1zo", True),
        ("wechat", "uiplz0", True),
    ]
    assert all(e.origin == "image:0:ocr" and e.box == (10, 10, 390, 50) for e in entities)


def test_a_line_read_one_way_is_not_unsure() -> None:
    entities: list[Entity] = []
    _add_image_entities([_code("微信 uip1z0")], "", entities)
    assert [(e.value, e.flags) for e in entities] == [("uip1z0", [])]
    assert unsure_handles("微信 uip1z0", (), []) == []


def test_a_reading_yields_only_handles() -> None:
    found = unsure_handles("visit bet888.com 微信 uip1z0", ("visit bet888.com 微信 uip1zo",), [])
    assert [(e.kind, e.value) for e in found] == [("wechat", "uip1zo")]


def test_an_unsure_handle_in_a_picture_goes_to_review_and_is_one_handle() -> None:
    policy = Policy.default()
    unsure = [
        Entity("telegram", v, (0, 8), v, origin="image:0:ocr", flags=[OCR_UNSURE])
        for v in ("yzoln8o6", "yzo1n8o6", "yzoln806")
    ]
    text = "VIP signals group Telegram @yzoln8o6"
    violations = policy.evaluate(Item("i", text=text, surface="post"), text, unsure)
    assert [(v.rule, v.outcome) for v in violations] == [("handle.unsure_reading", "review")]
    assert verdict_of(violations) == "review"
    sure = [Entity("telegram", "yzoln8o6", (0, 8), "yzoln8o6", origin="image:0:ocr")]
    assert verdict_of(policy.evaluate(Item("i", text=text, surface="post"), text, sure)) == "allow"
