"""The case page's pictures: kept for items the scan did not allow, re-drawn as plain PNG,
blurred until revealed, with the QR and OCR finds boxed from the stored scan result."""

from __future__ import annotations

import base64
import io
import re

from PIL import Image
from sqlalchemy import func, select

from bastion.console.pictures import pictures, preview_png
from bastion.extract.images.decode import ImageError
from bastion.store.models import ItemImage
from tests.api.conftest import BastionClient
from tests.api.test_console import HOSTILE, add_user, sign_in
from tests.extract.images import pictures as drawn

LISTED = "http://12bet.com/register?" + HOSTILE


def _post(client: BastionClient, item: str, qr_text: str) -> str:
    data = base64.b64encode(drawn.encode(drawn.qr(qr_text))).decode()
    response = client.post(
        "/v1/check",
        json={
            "id": item,
            "text": "scan me",
            "account_id": "u-1",
            "images": [{"data": data, "type": "image/png"}],
        },
        headers=client.auth("platform"),
    )
    assert response.status_code == 200, response.text
    report = client.post(
        "/v1/reports",
        json={"item_id": item, "reason": "gambling", "reporter_id": "r-1"},
        headers=client.auth("platform"),
    )
    assert report.status_code == 201, report.text
    verdict: str = response.json()["verdict"]
    return verdict


def _case_page(client: BastionClient) -> tuple[str, str]:
    queue = client.get("/console/queue").text
    number = re.search(r'href="/console/cases/(\d+)"', queue)
    assert number is not None
    return number.group(1), client.get(f"/console/cases/{number.group(1)}").text


def test_a_listed_qr_is_boxed_blurred_and_served_as_a_fresh_png(client: BastionClient) -> None:
    add_user(client, "alice")
    assert _post(client, "q-1", LISTED) != "allow"
    sign_in(client, "alice")
    case_id, page = _case_page(client)
    assert f'href="/console/cases/{case_id}/pictures/0"' in page
    assert 'class="reveal"' in page and "Reveal / blur picture 0" in page
    assert re.search(r'<rect class="box listed" x="\d+" y="\d+" width="\d+"', page)
    assert "12bet.com" in page
    assert "<script>alert" not in page and "&lt;script&gt;" in page
    assert "style=" not in page  # the CSP allows no inline style: boxes are SVG attributes

    served = client.get(f"/console/cases/{case_id}/pictures/0")
    assert served.status_code == 200 and served.headers["content-type"] == "image/png"
    assert served.headers["x-content-type-options"] == "nosniff"
    assert "default-src 'none'" in served.headers["content-security-policy"]
    shown = Image.open(io.BytesIO(served.content))
    assert shown.format == "PNG" and not shown.info.get("exif")
    assert client.get(f"/console/cases/{case_id}/pictures/1").status_code == 404

    client.cookies.clear()
    signed_out = client.get(f"/console/cases/{case_id}/pictures/0", follow_redirects=False)
    assert signed_out.status_code == 303


def test_an_allowed_items_pictures_are_not_kept(client: BastionClient) -> None:
    add_user(client, "alice")
    assert _post(client, "q-2", "https://example.org/recipes") == "allow"
    with client.store.transaction() as session:
        assert session.scalar(select(func.count()).select_from(ItemImage)) == 0
    sign_in(client, "alice")
    _, page = _case_page(client)
    assert "This picture was not kept" in page


def test_boxes_are_clipped_and_malformed_ones_dropped() -> None:
    result = {
        "images": [
            {
                "index": 0,
                "ref": HOSTILE,
                "width": 100,
                "height": 50,
                "codes": [
                    {"decoder": "ocr", "format": "line", "text": "hi", "box": [-5, 10, 500, 40]},
                    {"decoder": "qr", "format": "QRCode", "text": "x", "box": [10, 10, 5, 5]},
                    {"decoder": "qr", "format": "QRCode", "text": "y", "box": ["a", 1, 2, 3]},
                ],
            },
            {"index": 1, "ref": "broken", "error": "corrupt"},
        ]
    }
    entities = [{"kind": "url", "value": "u", "origin": "image:0:qr", "box": [1, 2, 30, 40]}]
    drawn_boxes = pictures(result, {0}, entities)
    assert [b["box"] for b in drawn_boxes[0]["boxes"]] == [(1, 2, 30, 40), (0, 10, 100, 40)]
    assert drawn_boxes[1]["stored"] is False and drawn_boxes[1]["error"] == "corrupt"


def test_the_preview_refuses_what_is_not_a_picture() -> None:
    for data in (b"<svg onload=alert(1)>", b"GIF89a" + b"\x00" * 10, b""):
        try:
            preview_png(data)
        except ImageError:
            continue
        raise AssertionError(f"{data[:10]!r} was drawn")
    wide = Image.new("RGB", (3000, 200), "white")
    out = Image.open(io.BytesIO(preview_png(drawn.encode(wide))))
    assert out.size == (1024, 68)
