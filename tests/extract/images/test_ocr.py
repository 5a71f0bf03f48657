"""Text in pictures (``bastion.extract.images.ocr``): lines read by RapidOCR go through the same
unmasking, finders, intel and policy as text, with origin ``image:N:ocr`` and a box per line; a
host split over two lines is read; photos and blank pictures are skipped by the gate before OCR
runs; ``ocr=False`` and ``ocr: false`` in the policy switch it off; the engine loads lazily.

Posters are drawn with Pillow (``text_pictures``); Chinese ones need a CJK font on the machine
and are skipped, saying so, where there is none."""

from __future__ import annotations

import io
import random
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any, cast

import pytest
from PIL import Image

from bastion import Scanner
from bastion.extract.images import ImageDecoder, ImageStage, ocr
from bastion.extract.ocr_lines import continued_pairs
from bastion.model import ImageCode, ImageInput, ImageReport, Item
from bastion.policy import Policy
from bastion.scanner import _add_image_entities
from tests.extract.images import pictures, text_pictures

needs_cjk = pytest.mark.skipif(text_pictures.cjk_font() is None, reason=text_pictures.NO_CJK_FONT)


def _item(*images: Image.Image, text: str = "", surface: str = "post") -> Item:
    data = tuple(
        ImageInput(f"{n}.jpg", pictures.encode(image.convert("RGB"), "JPEG", quality=90))
        for n, image in enumerate(images)
    )
    return Item(
        id="p", text=text, surface=surface, images=tuple(d.ref for d in data), image_data=data
    )


@needs_cjk
def test_a_listed_host_with_a_spelled_dot_on_a_chinese_poster_is_acted_on(
    listed_scanner: Scanner,
) -> None:
    poster = text_pictures.text_picture(["最新网址 bet888 点 com", "加V：bet_8899 注册送彩金"])
    result = listed_scanner.scan(_item(poster, text="今晚一起看球吗"))
    assert result.verdict == "act"
    domain = next(e for e in result.entities if e.kind == "domain")
    assert (domain.value, domain.category, domain.origin) == (
        "bet888.com",
        "gambling",
        "image:0:ocr",
    )
    assert "spelled_dot" in domain.flags
    line = next(c for c in result.images[0].codes if c.decoder == "ocr" and "bet888" in c.text)
    assert domain.box == line.box and line.format == "line" and line.score is not None
    left, top, right, bottom = line.box
    assert 0 <= left < right <= poster.size[0] and 0 <= top < bottom <= poster.size[1]
    assert any(e.kind == "wechat" and e.value == "bet_8899" for e in result.entities)
    assert result.to_dict()["images"][0]["codes"][0]["decoder"] == "ocr"


@needs_cjk
def test_a_host_split_over_two_lines_is_read_whole(listed_scanner: Scanner) -> None:
    poster = text_pictures.text_picture(["最新网址 bet888", "点com 注册就送"], rotate=2)
    result = listed_scanner.scan(_item(poster))
    assert result.verdict == "act"
    domain = next(e for e in result.entities if e.value == "bet888.com")
    lines = [c for c in result.images[0].codes if c.decoder == "ocr"]
    assert len(lines) == 2 and domain.origin == "image:0:ocr"
    assert domain.box == (
        min(c.box[0] for c in lines),
        min(c.box[1] for c in lines),
        max(c.box[2] for c in lines),
        max(c.box[3] for c in lines),
    )


def test_a_listed_host_on_an_english_screenshot_is_acted_on(listed_scanner: Scanner) -> None:
    shot = text_pictures.text_picture(
        ["Free spins every day", "Visit lucky-spin.net now"],
        background=(30, 30, 60),
        fill=(250, 220, 40),
        rotate=-3,
    )
    result = listed_scanner.scan(_item(shot))
    assert result.verdict == "act"
    assert any(
        e.registrable_domain == "lucky-spin.net" and e.origin == "image:0:ocr"
        for e in result.entities
    )


@pytest.mark.parametrize(
    "lines",
    [
        ["Happy birthday Anna!", "See you at 7 pm"],
        ["SALE 50% OFF", "Tuesday only, all shoes"],
        ["Meeting notes", "1. budget  2. hiring"],
    ],
)
def test_pictures_of_ordinary_text_are_allowed(listed_scanner: Scanner, lines: list[str]) -> None:
    result = listed_scanner.scan(_item(text_pictures.text_picture(lines)))
    assert result.verdict == "allow"
    assert any(c.decoder == "ocr" for c in result.images[0].codes)


@needs_cjk
def test_a_chinese_picture_of_ordinary_text_is_allowed(listed_scanner: Scanner) -> None:
    picture = text_pictures.text_picture(["今晚一起看球吗", "明天下午三点开会"])
    result = listed_scanner.scan(_item(picture))
    assert result.verdict == "allow"


def _counting_stage() -> tuple[ImageStage, ocr.OcrDecoder]:
    decoder = ocr.OcrDecoder()
    return ImageStage(decoders=(cast(ImageDecoder, decoder),)), decoder


def test_the_gate_skips_photos_and_blank_pictures_before_ocr() -> None:
    stage, decoder = _counting_stage()
    quiet = [text_pictures.photo(seed) for seed in range(6)]
    quiet += [Image.new("RGB", (400, 400), (200, 180, 160)), Image.new("L", (64, 64), 255)]
    rng = random.Random(3)
    quiet.append(Image.frombytes("L", (300, 300), bytes(rng.randrange(256) for _ in range(90_000))))
    noise = Image.frombytes("L", (1024, 1024), bytes(rng.randrange(256) for _ in range(1 << 20)))
    quiet.append(Image.open(io.BytesIO(pictures.encode(noise, "JPEG", quality=90))))
    stage.read(_item(*quiet))
    assert (decoder.runs, decoder.gate_skips) == (0, len(quiet))
    assert decoder._engine is None  # nothing was worth loading the models for
    stage.read(_item(text_pictures.text_picture(["Visit lucky-spin.net now"])))
    assert (decoder.runs, decoder.gate_skips) == (1, len(quiet))


def test_the_gate_lets_small_pale_and_dense_text_through() -> None:
    for picture in (
        text_pictures.text_picture(
            [f"line {n} of a busy chat screen" for n in range(40)], size=(414, 720), font_size=12
        ),
        text_pictures.text_picture(["@spinwin88"], size=(160, 160), font_size=16),
        text_pictures.text_picture(
            ["lucky-spin.net"], background=(235, 235, 235), fill=(150, 150, 150)
        ),
    ):
        assert ocr.may_hold_text(picture.convert("L"))


def test_work_per_picture_is_capped(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr, "MAX_LINES", 3)
    many = text_pictures.text_picture(
        [f"line {n} of the notice" for n in range(8)], size=(640, 640), font_size=28
    )
    seen: list[tuple[int, int]] = []
    decoder = ocr.OcrDecoder()
    engine = decoder.engine()
    original = engine.text_det

    def spy(array: Any) -> Any:
        seen.append(array.shape[:2])
        return original(array)

    monkeypatch.setattr(engine, "text_det", spy)
    lines = decoder.decode(Image.new("L", (4000, 3000), 255))  # blank: gated, never detected
    assert lines == [] and seen == []
    big = many.resize((3200, 3200)).convert("L")
    assert len(decoder.decode(big)) <= 3
    assert max(seen[-1]) <= ocr.MAX_SIDE


def test_no_ocr_and_the_policy_switch_turn_it_off(tmp_path: Path) -> None:
    scanner = Scanner.load(tmp_path, no_feeds=True, ocr=False)
    assert "ocr" not in [d.name for d in scanner._images.decoders]
    assert Policy.default().ocr is True
    source = (Path(__file__).parents[3] / "policies" / "default.yaml").read_text("utf-8")
    (tmp_path / "policy.yaml").write_text(source.replace("\nrules:", "\nocr: false\nrules:", 1))
    off = Scanner.load(tmp_path, no_feeds=True)
    assert off.policy.ocr is False
    assert "ocr" not in [d.name for d in off._images.decoders]
    on = Scanner.load(tmp_path / "none", no_feeds=True)
    assert "ocr" in [d.name for d in on._images.decoders]
    result = off.scan(_item(text_pictures.text_picture(["Visit lucky-spin.net now"])))
    assert not any(c.decoder == "ocr" for c in result.images[0].codes)


def test_the_engine_is_built_once_under_threads(monkeypatch: pytest.MonkeyPatch) -> None:
    built: list[int] = []

    def slow_build() -> object:
        built.append(1)
        threading.Event().wait(0.05)
        return object()

    monkeypatch.setattr(ocr, "_build_engine", slow_build)
    decoder = ocr.OcrDecoder()
    engines: list[object] = []
    threads = [threading.Thread(target=lambda: engines.append(decoder.engine())) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(built) == 1 and len({id(e) for e in engines}) == 1


def test_building_a_scanner_loads_no_ocr_model() -> None:
    code = (
        "import sys\n"
        "from bastion import Scanner\n"
        "Scanner.load(sys.argv[1], no_feeds=True)\n"
        "print(sorted(m for m in sys.modules if m.startswith(('rapidocr', 'onnxruntime'))))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, "/nonexistent-home"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert out.strip() == "[]"


def _line(text: str, box: tuple[int, int, int, int], score: float = 0.99) -> ImageCode:
    return ImageCode("ocr", "line", text, box, score=score)


def test_lines_continue_only_below_and_overlapping() -> None:
    codes = [
        _line("最新网址 bet888", (10, 10, 200, 40)),
        _line("点com", (12, 48, 90, 78)),
        _line("far right", (400, 48, 500, 78)),
        _line("far below", (10, 300, 200, 330)),
        ImageCode("qr", "QRCode", "https://x.test", (0, 0, 9, 9)),
    ]
    assert continued_pairs(codes) == [(0, 1)]


def test_an_unsure_line_yields_only_listed_hosts() -> None:
    report = ImageReport(0, "a.png", width=300, height=100)
    report.codes = [_line("visit bel888.com", (0, 0, 200, 30), score=0.7)]
    entities: list[Any] = []
    _add_image_entities([report], "", entities)
    assert entities and all("prose_like" in e.flags for e in entities)


def test_a_dot_glued_by_ocr_is_spaced_again_and_counts_only_when_listed() -> None:
    assert ocr.respaced("csgofastdotcom") == "csgofast dot com"
    assert ocr.respaced("Telegram: spin88dotnet!") == "Telegram: spin88 dot net!"
    assert ocr.respaced("fortunelegends dotcom") == "fortunelegends dot com"
    for plain in ("dotcom", "antidote", "a dotcomer", "robotdot", "dot com"):
        assert ocr.respaced(plain) == plain
    report = ImageReport(0, "a.png", width=300, height=100)
    report.codes = [ImageCode("ocr", "line", "csgofast dot com", (0, 0, 9, 9), 0, "respaced", 0.89)]
    entities: list[Any] = []
    _add_image_entities([report], "", entities)
    read = [e for e in entities if "ocr_guess" not in e.flags]
    assert [e.value for e in read] == ["csgofast.com"] and "prose_like" in read[0].flags


def test_a_host_read_by_ocr_counts_only_when_listed_a_handle_as_read() -> None:
    report = ImageReport(0, "a.png", width=300, height=100)
    report.codes = [_line("hawalicasino.com 加V：bet_8899", (0, 0, 200, 30), score=0.99)]
    entities: list[Any] = []
    _add_image_entities([report], "", entities)
    host, handle, *guesses = entities
    assert host.value == "hawalicasino.com" and "prose_like" in host.flags
    assert guesses and all({"prose_like", "ocr_guess"} <= set(e.flags) for e in guesses)
    assert handle.value == "bet_8899" and "prose_like" not in handle.flags


def test_an_unlisted_host_on_a_picture_is_not_reported(listed_scanner: Scanner) -> None:
    result = listed_scanner.scan(_item(text_pictures.text_picture(["Visit example.org today"])))
    assert result.verdict == "allow" and result.entities == []
    assert any("example.org" in c.text for c in result.images[0].codes)
