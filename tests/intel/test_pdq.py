"""Listed pictures: a ``pdq`` hash list is a feed like any other, and a repost of a listed
picture (resized, recompressed) is an ``image_hash`` entity with the list's category."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image, ImageDraw

from bastion import Scanner
from bastion.extract.images import ImageStage
from bastion.extract.images.hashes import hamming
from bastion.intel import IntelIndex
from bastion.intel.feeds import import_feeds
from bastion.intel.formats import FeedError, detect_format, parse_text
from bastion.model import ImageInput, Item
from tests.extract.images import pictures

HASH = "e7d9186665994155965979e7869d85151869e5861e59165961650616fbe9fae9"


def _poster(shift: int = 0) -> Image.Image:
    image = Image.new("RGB", (400, 300), (250, 200, 40))
    draw = ImageDraw.Draw(image)
    draw.rectangle((20 + shift, 20, 380, 120), fill=(200, 0, 0))
    draw.ellipse((100, 150, 300, 290), fill=(0, 0, 120))
    return image


def _item(image: Image.Image, fmt: str = "PNG", **options: object) -> Item:
    data = pictures.encode(image, fmt, **options)
    return Item(id="p", surface="post", images=("p",), image_data=(ImageInput("p", data),))


def _hash(image: Image.Image) -> str:
    report = ImageStage().read_one(0, ImageInput("x", pictures.encode(image)))
    assert report.pdq is not None
    return report.pdq


def test_pdq_lines_parse_with_headers_labels_and_comments() -> None:
    text = (
        f"pdq_hash,quality,label\n# a comment\n{HASH.upper()},100,poster\n{HASH}\tdup\nnot-a-hash\n"
    )
    feed = parse_text(text, "pdq")
    assert list(feed.rules) == [("pdq", HASH)]
    assert feed.duplicates == 1 and feed.ignored["header"] == 1
    assert feed.examples == [(5, "not a PDQ hash (64 hex digits)")]
    assert detect_format(f"{HASH},100\n{HASH[::-1]},90\n") == "pdq"
    with pytest.raises(FeedError, match="no valid pdq entries"):
        parse_text("abc\n", "pdq")


@pytest.fixture(scope="module")
def poster_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    home = tmp_path_factory.mktemp("pdq-home")
    listed = home / "posters.csv"
    listed.write_text(f"pdq_hash,label\n{_hash(_poster())},casino poster\n", encoding="utf-8")
    import_feeds(home, listed, category="gambling", source="posters")
    return home


def test_the_index_answers_within_the_distance(poster_home: Path) -> None:
    index = IntelIndex.open(poster_home)
    assert index.stats()["pdq_hashes"] == 1
    listed = _hash(_poster())
    match = index.lookup_pdq(listed)
    assert match is not None and match.categories == ("gambling",)
    assert match.match_type == "pdq:0" and match.sources == ("feed:posters",)
    far = "".join("f" if c != "f" else "0" for c in listed)
    assert index.lookup_pdq(far) is None
    assert index.lookup_pdq("zz") is None
    assert IntelIndex.empty().lookup_pdq(listed) is None


def test_a_repost_of_a_listed_picture_is_removed(poster_home: Path) -> None:
    scanner = Scanner.load(poster_home)
    repost = _poster(shift=2).resize((200, 150))
    assert hamming(_hash(repost), _hash(_poster())) <= 31
    result = scanner.scan(_item(repost, "JPEG", quality=40))
    assert result.verdict == "act"
    [entity] = result.entities
    assert (entity.kind, entity.category, entity.origin) == (
        "image_hash",
        "gambling",
        "image:0:pdq",
    )
    assert entity.raw.startswith("pdq:") and entity.box == (0, 0, 200, 150)
    [violation] = result.violations
    assert (violation.rule, violation.outcome) == ("image.listed", "remove")
    assert result.signals[0].origin == "image:0:pdq"


def test_other_pictures_and_flat_ones_are_not_matched(poster_home: Path) -> None:
    scanner = Scanner.load(poster_home)
    other = Image.new("RGB", (400, 300), (255, 255, 255))
    ImageDraw.Draw(other).rectangle((0, 150, 400, 300), fill=(0, 120, 0))
    assert scanner.scan(_item(other)).verdict == "allow"
    flat = scanner.scan(_item(Image.new("RGB", (64, 64), (90, 90, 90))))
    assert flat.entities == [] and flat.images[0].pdq_quality is not None
    assert flat.images[0].pdq_quality < 50


def test_the_allow_list_wins_for_pictures_too(poster_home: Path, tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    listed = home / "posters.txt"
    listed.write_text(_hash(_poster()) + "\n", encoding="utf-8")
    import_feeds(home, listed, category="gambling", source="posters", fmt="pdq")
    import_feeds(home, listed, category="allow", source="ours", fmt="pdq")
    result = Scanner.load(home).scan(_item(_poster()))
    assert result.verdict == "allow" and result.entities[0].allowed
