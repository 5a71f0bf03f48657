"""Session-scoped pictures and a scanner whose feeds list ``bet888.com`` as gambling."""

from __future__ import annotations

from pathlib import Path

import pytest

from bastion import Scanner
from bastion.intel.feeds import import_feeds
from tests.extract.images import pictures

LISTED_URL = "https://bet888.com/reg?c=1"


@pytest.fixture(scope="session")
def listed_scanner(tmp_path_factory: pytest.TempPathFactory) -> Scanner:
    home = tmp_path_factory.mktemp("images-home")
    feed = home / "gambling.txt"
    feed.write_text("bet888.com\nlucky-spin.net\n", encoding="utf-8")
    import_feeds(home, feed, category="gambling", source="test")
    return Scanner.load(home)


@pytest.fixture(scope="session")
def qr_png() -> bytes:
    return pictures.encode(pictures.qr(LISTED_URL))


@pytest.fixture(scope="session")
def picture_dir(tmp_path_factory: pytest.TempPathFactory, qr_png: bytes) -> Path:
    """A folder of image files as an input file's neighbours would be."""
    folder = tmp_path_factory.mktemp("pictures")
    (folder / "avatars").mkdir()
    (folder / "avatars" / "qr.png").write_bytes(qr_png)
    (folder / "broken.png").write_bytes(qr_png[: len(qr_png) // 2])
    (folder / "notes.txt").write_text("not an image", encoding="utf-8")
    return folder
