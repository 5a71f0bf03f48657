"""Bodies and ids the API cannot use: plain problems, never a field dump or a stored dead id."""

from __future__ import annotations

import json

import pytest

from bastion.api.schemas import MAX_ID_CHARS
from tests.api.conftest import BastionClient
from tests.api.test_app import ITEM, assert_problem

JSON_HEADERS = {"Content-Type": "application/json"}


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (b'{"id": "p-1", "text": "hello",}', "Expecting property name"),
        (b"{not json", "Expecting property name"),
        (b'{"id": "p-1", "text": "hello"', "Expecting ',' delimiter"),
    ],
)
def test_invalid_json_is_one_plain_sentence(
    client: BastionClient, body: bytes, reason: str
) -> None:
    response = client.post("/v1/check", content=body, headers={**client.auth(), **JSON_HEADERS})
    problem = assert_problem(response, 422)
    assert problem["detail"].startswith("request body is not valid JSON: "), problem
    assert reason in problem["detail"]
    assert "invalid fields" not in problem["detail"]
    assert "errors" not in problem


@pytest.mark.parametrize(
    ("body", "detail"),
    [
        (b"[]", "request body must be a JSON object, not an array"),
        (b'"p-1"', "request body must be a JSON object, not a string"),
        (b"null", "request body must be a JSON object, not null"),
        (b"12", "request body must be a JSON object, not a number"),
        (b"", "request body is missing: send a JSON object"),
    ],
)
def test_a_body_that_is_not_an_object_is_one_plain_sentence(
    client: BastionClient, body: bytes, detail: str
) -> None:
    response = client.post("/v1/check", content=body, headers={**client.auth(), **JSON_HEADERS})
    assert assert_problem(response, 422)["detail"] == detail


def test_json_nested_too_deeply_is_a_plain_400(client: BastionClient) -> None:
    body = b'{"id": "p-1", "text": "x", "meta": {"a": ' + b"[" * 3000 + b"]" * 3000 + b"}}"
    response = client.post("/v1/check", content=body, headers={**client.auth(), **JSON_HEADERS})
    problem = assert_problem(response, 400)
    assert problem["detail"] == "request body is not valid JSON: nested too deeply"


@pytest.mark.parametrize(
    "content_type", ["text/plain", "application/x-www-form-urlencoded", "application/xml", None]
)
def test_a_body_that_is_not_declared_json_gets_415(
    client: BastionClient, content_type: str | None
) -> None:
    headers = client.auth() | ({"Content-Type": content_type} if content_type else {})
    for path, body in (("/v1/check", ITEM), ("/v1/items:batch", {"items": [ITEM]})):
        response = client.post(path, content=json.dumps(body).encode(), headers=headers)
        problem = assert_problem(response, 415)
        assert "application/json" in problem["detail"]
        if content_type:
            assert content_type in problem["detail"]


def test_json_with_a_charset_or_a_json_suffix_is_accepted(client: BastionClient) -> None:
    for content_type in ("application/json; charset=utf-8", "application/merge-patch+json"):
        response = client.post(
            "/v1/check",
            content=json.dumps(ITEM).encode(),
            headers={**client.auth(), "Content-Type": content_type},
        )
        assert response.status_code == 200, response.text


BAD_IDS = [
    "u/1",
    "../admin",
    "a b",
    "50%",
    "x?y=1",
    "frag#1",
    ".",
    "..",
    "-leading-dash",
    "ü-user",
    "tab\tid",
    "x" * (MAX_ID_CHARS + 1),
]


@pytest.mark.parametrize("bad", BAD_IDS)
def test_ids_that_cannot_be_served_back_are_refused(client: BastionClient, bad: str) -> None:
    for field in ("id", "account_id"):
        response = client.post("/v1/check", json={**ITEM, field: bad}, headers=client.auth())
        problem = assert_problem(response, 422)
        assert [e["field"] for e in problem["errors"]] == [field]
        assert "A-Z a-z 0-9" in problem["errors"][0]["detail"]
    report = client.post(
        "/v1/reports", json={"account_id": bad, "reason": "spam"}, headers=client.auth()
    )
    assert_problem(report, 422)
    appeal = client.post(
        "/v1/appeals", json={"action_id": 1, "appellant": bad}, headers=client.auth()
    )
    assert_problem(appeal, 422)


def test_ids_in_the_grammar_round_trip_through_the_account_path(client: BastionClient) -> None:
    account = "user.name+tag@example.org:7~" + "z" * (MAX_ID_CHARS - 28)
    assert len(account) == MAX_ID_CHARS
    item = {**ITEM, "id": 12345, "account_id": account}
    checked = client.post("/v1/check", json=item, headers=client.auth())
    assert checked.status_code == 200, checked.text
    assert checked.json()["verdict"] == "act"
    view = client.get(f"/v1/accounts/{account}", headers=client.auth())
    assert view.status_code == 200, view.text
    assert view.json()["id"] == account


def test_an_account_path_outside_the_grammar_is_422(client: BastionClient) -> None:
    for bad in ("%C3%BC-user", "a%20b", "x" * (MAX_ID_CHARS + 1)):
        response = client.get(f"/v1/accounts/{bad}", headers=client.auth())
        assert_problem(response, 422)
