"""QR codes however spammers post them, and retries that run only where they can pay."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
import zxingcpp
from PIL import Image

from bastion import Scanner
from bastion.extract.images import ImageStage, qr
from bastion.extract.images.qr import QrDecoder
from bastion.model import ImageInput, Item
from tests.extract.images import pictures
from tests.extract.images.conftest import LISTED_URL

OTHER = "https://lucky-spin.net/go"


def _texts(image: Image.Image, decoder: QrDecoder | None = None) -> list[str]:
    return sorted(payload.text for payload in (decoder or QrDecoder()).decode(image))


CASES: dict[str, Callable[[], Image.Image]] = {
    "small": lambda: pictures.qr(LISTED_URL, scale=2, border=2),
    "rotated": lambda: pictures.rotated(
        pictures.poster((pictures.qr(LISTED_URL, scale=3), (40, 30))), 33
    ),
    "upside down": lambda: pictures.rotated(pictures.qr(LISTED_URL, scale=3), 180),
    "inverted": lambda: pictures.inverted(pictures.qr(LISTED_URL, scale=3)),
    "low contrast": lambda: pictures.low_contrast(pictures.qr(LISTED_URL, scale=3)),
    "blurred": lambda: pictures.blurred(pictures.qr(LISTED_URL, scale=4)),
    "logo": lambda: pictures.with_logo(pictures.qr(LISTED_URL, scale=4, error="h")),
    "in a poster": lambda: pictures.poster((pictures.qr(LISTED_URL, scale=3), (300, 150))),
}


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_every_family_is_read(case: str) -> None:
    assert _texts(CASES[case]()) == [LISTED_URL]


def test_several_codes_in_one_picture_are_all_read() -> None:
    poster = pictures.poster(
        (pictures.qr(LISTED_URL, scale=3), (10, 10)),
        (pictures.qr(OTHER, scale=3), (250, 120)),
    )
    found = QrDecoder().decode(poster)
    assert sorted(p.text for p in found) == sorted([LISTED_URL, OTHER])
    boxes = {p.text: p.box for p in found}
    assert boxes[LISTED_URL][0] < 120 and boxes[OTHER][0] > 240


def test_a_blurred_tiny_avatar_needs_a_retry_and_says_which() -> None:
    tiny = pictures.blurred(pictures.qr(LISTED_URL).resize((64, 64), Image.Resampling.LANCZOS), 1.1)
    assert _texts(tiny, QrDecoder(retries=False)) == []
    [found] = QrDecoder().decode(tiny)
    assert found.text == LISTED_URL and found.attempt in {name for name, _, _ in qr.RETRIES}


class CallCounter:
    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.calls: list[tuple[int, int]] = []
        real = zxingcpp.read_barcodes

        def counted(image: Image.Image, **options: Any) -> Any:
            self.calls.append(image.size)
            return real(image, **options)

        monkeypatch.setattr(zxingcpp, "read_barcodes", counted)


def test_a_large_picture_with_no_code_gets_no_qr_retry(monkeypatch: pytest.MonkeyPatch) -> None:
    counter = CallCounter(monkeypatch)
    photo = pictures.poster(size=(900, 700))
    assert QrDecoder().decode(photo) == []
    # the first pass at full size, then only the other symbologies on a reduced frame
    assert counter.calls[0] == (900, 700)
    assert len(counter.calls) == 2 and max(counter.calls[1]) <= qr.OTHER_FORMATS_SIDE


def test_a_code_found_first_stops_the_passes(monkeypatch: pytest.MonkeyPatch) -> None:
    counter = CallCounter(monkeypatch)
    assert _texts(pictures.qr(LISTED_URL)) == [LISTED_URL]
    assert len(counter.calls) == 1


def test_the_payload_is_scanned_like_text(listed_scanner: Scanner) -> None:
    """A QR payload is unmasked, found, looked up and decided exactly as text would be."""
    code = pictures.qr("官网 bet888点com 加V：bet_8899 注册送彩金", scale=3)
    data = pictures.encode(pictures.poster((code, (100, 40))))
    item = Item(
        id="poster",
        surface="post",
        text="今晚一起看球吗",
        images=("poster.png",),
        image_data=(ImageInput("poster.png", data),),
    )
    result = listed_scanner.scan(item)
    assert result.verdict == "act"
    domain, wechat = result.entities
    assert (domain.value, domain.category, domain.origin) == (
        "bet888.com",
        "gambling",
        "image:0:qr",
    )
    assert "spelled_dot" in domain.flags
    payload = result.images[0].codes[0].text
    assert payload[domain.span[0] : domain.span[1]] == "bet888点com"
    assert domain.box == result.images[0].codes[0].box and domain.box[0] >= 100
    assert (wechat.kind, wechat.value, wechat.origin) == ("wechat", "bet_8899", "image:0:qr")
    record = result.to_dict()
    assert record["entities"][0]["origin"] == "image:0:qr" and "box" in record["entities"][0]


def test_an_unlisted_qr_link_in_a_clean_picture_is_allowed(listed_scanner: Scanner) -> None:
    data = pictures.encode(pictures.qr("https://example.org/menu"))
    item = Item(id="menu", images=("m.png",), image_data=(ImageInput("m.png", data),))
    result = listed_scanner.scan(item)
    assert result.verdict == "allow" and result.entities[0].host == "example.org"


def test_codes_repeated_across_frames_are_reported_once() -> None:
    code = pictures.qr(LISTED_URL, scale=3)
    frames = [code.copy() for _ in range(4)]
    for n, frame in enumerate(frames):
        frame.putpixel((n, 0), 0)
    report = ImageStage().read_one(0, ImageInput("a.gif", pictures.animated_gif(frames)))
    assert report.frames == 4 and [c.text for c in report.codes] == [LISTED_URL]


def test_a_listed_link_in_a_picture_removes_it_where_text_disables_the_link(
    listed_scanner: Scanner,
) -> None:
    """A QR code cannot be disabled like a link: the picture carrying it must go."""
    data = pictures.encode(pictures.qr(LISTED_URL))
    pictured = listed_scanner.scan(
        Item(id="p", surface="post", images=("q.png",), image_data=(ImageInput("q.png", data),))
    )
    written = listed_scanner.scan(Item(id="t", surface="post", text=f"see {LISTED_URL}"))
    assert [(v.rule, v.outcome) for v in pictured.violations] == [("image.link_listed", "remove")]
    assert [(v.rule, v.outcome) for v in written.violations] == [("link.listed", "disable_link")]
