"""Images through the API: base64 bytes or data: URIs in, decoded at the edge, reported per
image; the API reads no file and fetches no URL on a caller's behalf."""

from __future__ import annotations

import base64
import json

from tests.api.conftest import BastionClient
from tests.extract.images import pictures

LISTED = "https://188bet.com/reg"


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


def test_a_qr_code_in_an_avatar_is_acted_on(api: BastionClient) -> None:
    png = pictures.encode(pictures.qr(LISTED))
    body = {
        "id": "av-1",
        "account_id": "u-9",
        "surface": "avatar",
        "images": [{"data": _b64(png), "type": "image/png"}],
    }
    response = api.post("/v1/check", json=body, headers=api.auth())
    assert response.status_code == 200, response.text
    record = response.json()
    assert record["verdict"] == "act"
    [entity] = record["entities"]
    assert entity["origin"] == "image:0:qr" and entity["registrable_domain"] == "188bet.com"
    assert record["images"][0]["ref"] == f"data:image/png ({len(png):,} bytes)"
    action_id = record["enforcement"]["actions"][0]["id"]
    detail = api.get(f"/v1/actions/{action_id}?format=dsa", headers=api.auth()).json()
    facts = detail["decision_facts"] if "decision_facts" in detail else json.dumps(detail)
    assert "QR code or barcode in the avatar links to a site listed as gambling" in facts


def test_bad_images_are_errors_in_the_result_not_the_request(api: BastionClient) -> None:
    png = pictures.encode(pictures.qr(LISTED))
    body = {
        "id": "p-7",
        "text": "see you at five",
        "images": [
            "data:image/png;base64," + _b64(png[:100]),
            "/etc/passwd",
            "https://cdn.example/x.png",
            {"data": "not base64!"},
        ],
    }
    response = api.post("/v1/check", json=body, headers=api.auth())
    assert response.status_code == 200, response.text
    errors = [image["error"] for image in response.json()["images"]]
    assert "corrupt or truncated" in errors[0]
    assert "file paths are not read here" in errors[1]
    assert "remote images are not fetched" in errors[2]
    assert errors[3] == "image bytes are not valid base64"


def test_the_batch_endpoint_reads_images_too(api: BastionClient) -> None:
    png = pictures.encode(pictures.qr(LISTED))
    items = [
        {"id": "b-1", "images": [{"data": _b64(png)}]},
        {"id": "b-2", "text": "hello"},
    ]
    response = api.post("/v1/items:batch", json={"items": items}, headers=api.auth())
    assert response.status_code == 200, response.text
    first, second = response.json()["results"]
    assert first["verdict"] == "act" and first["entities"][0]["origin"] == "image:0:qr"
    assert second["verdict"] == "allow" and "images" not in second


def test_an_image_field_of_the_wrong_shape_is_a_422(api: BastionClient) -> None:
    body = {"id": "p-8", "images": [{"bytes": "x"}]}
    assert api.post("/v1/check", json=body, headers=api.auth()).status_code == 422


def test_an_ai_picture_is_labelled_through_the_api(api: BastionClient) -> None:
    from tests.extract.images import provenance_files as files

    signed = files.signed(files.picture())
    body = {
        "id": "ai-1",
        "account_id": "u-ai",
        "surface": "post",
        "images": [{"data": _b64(signed), "type": "image/png"}],
    }
    response = api.post("/v1/check", json=body, headers=api.auth())
    assert response.status_code == 200, response.text
    record = response.json()
    assert record["verdict"] == "label"
    assert record["images"][0]["provenance"][0]["digital_source_type"] == (
        "trainedAlgorithmicMedia"
    )
    [action] = record["enforcement"]["actions"]
    assert action["kind"] == "label"
    detail = api.get(f"/v1/actions/{action['id']}?format=dsa", headers=api.auth()).json()
    assert "declares it was made by AI (trainedAlgorithmicMedia" in json.dumps(detail)
    labelled = {**body, "id": "ai-2", "meta": {"ai_label": True}}
    again = api.post("/v1/check", json=labelled, headers=api.auth()).json()
    assert again["verdict"] == "allow" and again["enforcement"]["actions"] == []
