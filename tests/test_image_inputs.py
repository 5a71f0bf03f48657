"""Images are read at the edge, within byte limits, and each failure is that image's own error."""

from __future__ import annotations

import base64
from pathlib import Path

from bastion.extract.images.inputs import NOT_READ, inline_inputs
from bastion.extract.images.limits import ImageLimits
from bastion.image_inputs import read_images, with_images
from bastion.model import Item
from tests.extract.images.conftest import picture_dir, qr_png

__all__ = ["picture_dir", "qr_png"]


def _uri(data: bytes, media: str = "image/png") -> str:
    return f"data:{media};base64," + base64.b64encode(data).decode()


def test_paths_are_read_relative_to_the_input_folder_or_absolute(picture_dir: Path) -> None:
    relative, absolute = read_images(
        ["avatars/qr.png", str(picture_dir / "avatars" / "qr.png")], picture_dir
    )
    assert relative.data == absolute.data and relative.data is not None
    assert relative.ref == "avatars/qr.png" and relative.error is None


def test_each_unreadable_reference_is_its_own_error(picture_dir: Path, qr_png: bytes) -> None:
    inputs = read_images(
        [
            "missing.png",
            "avatars",
            "https://cdn.example/a.png",
            "data:image/png;base64,@@@",
            "data:image/png,rawbytes",
            "data:nonsense",
            _uri(qr_png),
        ],
        picture_dir,
    )
    errors = [image.error for image in inputs]
    assert "cannot read image file" in (errors[0] or "")
    assert errors[1] == "not a regular file"
    assert "remote images are not fetched" in (errors[2] or "")
    assert errors[3] == "image bytes are not valid base64"
    assert errors[4] == "data: URI is not base64-encoded"
    assert "malformed data: URI" in (errors[5] or "")
    assert errors[6] is None and inputs[6].data == qr_png
    assert inputs[6].ref == f"data:image/png ({len(qr_png):,} bytes)"


def test_byte_limits_hold_per_image_and_per_item(picture_dir: Path, qr_png: bytes) -> None:
    small = ImageLimits(max_image_bytes=len(qr_png) - 1)
    [file_image, inline_image] = read_images(["avatars/qr.png", _uri(qr_png)], picture_dir, small)
    assert "over the limit" in (file_image.error or "")
    assert "over the limit" in (inline_image.error or "")
    per_item = ImageLimits(max_item_bytes=len(qr_png) * 2)
    inputs = read_images(["avatars/qr.png"] * 3, picture_dir, per_item)
    assert [image.error is None for image in inputs] == [True, True, False]
    assert "together are over the limit" in (inputs[2].error or "")
    capped = read_images(["avatars/qr.png"] * 3, picture_dir, ImageLimits(max_images=1))
    assert [image.error is None for image in capped] == [True, False, False]


def test_without_a_folder_no_file_is_read(picture_dir: Path) -> None:
    [image] = read_images([str(picture_dir / "avatars" / "qr.png")], None)
    assert image.data is None and "file paths are not read here" in (image.error or "")


def test_the_core_reads_data_uris_and_never_files(qr_png: bytes) -> None:
    uri, path = inline_inputs([_uri(qr_png), "/etc/passwd"], ImageLimits())
    assert uri.data == qr_png
    assert path.data is None and path.error == NOT_READ


def test_with_images_fills_image_data_once(picture_dir: Path) -> None:
    item = Item(id="1", images=("avatars/qr.png",))
    read = with_images(item, picture_dir)
    assert len(read.image_data) == 1 and read.image_data[0].data is not None
    assert with_images(read, None) is read
    assert with_images(Item(id="2", text="x"), picture_dir).image_data == ()
