"""The image stage is part of the pure scan core: reading images opens no file, starts no
process, touches no network and imports nothing once the scanner is built.

Pillow's JPEG and GIF plugins import ``subprocess`` (for optional external encoders that reading
never calls), so ``bastion.extract.images`` is loaded when a scanner is built, outside the import
path that ``tests/test_import_contract.py`` checks; this test checks it apart."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from PIL import Image

from bastion.extract.images import ImageStage
from bastion.model import ImageInput, Item
from tests.extract.images import pictures
from tests.extract.images import provenance_files as signed_files
from tests.extract.images.conftest import LISTED_URL
from tests.test_import_contract import FORBIDDEN, _modules_after_import

PILLOW_PLUGIN_IMPORTS = frozenset({"subprocess", "selectors"})
_IO_EVENTS = ("open", "import", "subprocess.", "os.system", "os.exec", "os.spawn", "socket.")
_watch: dict[str, Any] = {"on": False, "seen": []}


def _audit(event: str, args: tuple[Any, ...]) -> None:
    if _watch["on"] and event.startswith(_IO_EVENTS):
        _watch["seen"].append((event, str(args)[:120]))


sys.addaudithook(_audit)  # inert unless a test is inside watching()


@contextmanager
def watching() -> Iterator[list[tuple[str, str]]]:
    _watch["on"], _watch["seen"] = True, []
    try:
        yield _watch["seen"]
    finally:
        _watch["on"] = False


def test_the_image_stage_imports_no_io_library_beyond_pillows_plugins() -> None:
    loaded = _modules_after_import(("bastion.extract.images",))
    bad = {m for m in loaded if m.split(".")[0] in FORBIDDEN - PILLOW_PLUGIN_IMPORTS}
    assert not bad, f"the image stage imports I/O libraries: {sorted(bad)}"


def test_reading_images_does_no_io() -> None:
    code = pictures.qr(LISTED_URL)
    samples = [
        pictures.encode(code),
        pictures.encode(code.convert("RGB"), "JPEG"),
        pictures.encode(code.convert("RGB"), "WEBP"),
        pictures.animated_gif([code, Image.new("L", code.size, 255)]),
        pictures.encode(code, "BMP"),
        b"GIF89a\x00\x01junk",
        pictures.png_header_only(30_000, 30_000),
        signed_files.signed(signed_files.picture()),
        signed_files.signed(signed_files.picture(), remote_url="http://127.0.0.1:9/m.c2pa"),
        signed_files.with_xmp(signed_files.xmp_packet("trainedAlgorithmicMedia")),
    ]
    stage = ImageStage()
    item = Item(
        id="p",
        images=tuple(str(n) for n in range(len(samples))),
        image_data=tuple(ImageInput(str(n), data) for n, data in enumerate(samples)),
    )
    stage.read(item)  # warm: the first read may import a codec module lazily
    with watching() as seen:
        reports = stage.read(item)
    assert seen == []
    codes = [code for report in reports for code in report.codes if code.decoder == "qr"]
    assert len(codes) == 5
    # C2PA (native code, fed from memory) and XMP were read too, and the remote manifest's
    # reference was not followed: no socket event above.
    assert [r.declared_ai for r in reports[-3:]] == [True, False, True]
    assert (reports[-2].provenance_error or "").startswith("C2PA manifest is remote")
