"""The moderator console over HTTP: sign-in, sessions, CSRF, queue, case page, decisions, appeals.

The full day in a real browser is ``test_console_browser.py``; these pin the rules."""

from __future__ import annotations

import re

import pytest
from httpx import Response

from bastion.service.errors import InvalidInput
from bastion.service.users import authenticate, create_user, disable_user, reset_password
from tests.api.conftest import BastionClient

PASSWORD = "correct horse battery"
HOSTILE = "<script>alert('x')</script><img src=x onerror=alert(1)>"


def add_user(client: BastionClient, username: str, role: str = "moderator") -> None:
    with client.store.transaction() as session:
        create_user(session, client.tenant.id, username, PASSWORD, role)


def sign_in(client: BastionClient, username: str, password: str = PASSWORD) -> None:
    form = client.get("/console/login")
    token = re.search(r'name="csrf" value="([^"]+)"', form.text)
    assert token is not None
    client.post(
        "/console/login",
        data={
            "csrf": token.group(1),
            "tenant": client.tenant.slug,
            "username": username,
            "password": password,
        },
        follow_redirects=False,
    )


def csrf_of(page: str) -> str:
    found = re.search(r'name="csrf" value="([^"]+)"', page)
    assert found is not None, page[:500]
    return found.group(1)


def claim_next(client: BastionClient) -> Response:
    token = csrf_of(client.get("/console/queue").text)
    response: Response = client.post("/console/queue/next", data={"csrf": token})
    return response


def queued(client: BastionClient, count: int, text: str = "TG：casino_king888 百家乐包赢") -> None:
    for n in range(count):
        response = client.post(
            "/v1/check",
            json={"id": f"c-{n}", "text": f"{text} {n}", "account_id": f"u-{n}"},
            headers=client.auth("platform"),
        )
        assert response.status_code == 200 and response.json()["verdict"] == "review"


def test_passwords_are_hashed_and_checked(client: BastionClient) -> None:
    add_user(client, "alice")
    with client.store.transaction() as session:
        user = authenticate(session, client.tenant.id, "alice", PASSWORD)
        assert user is not None and user.password_hash.startswith("$argon2id$")
        assert authenticate(session, client.tenant.id, "alice", "wrong password!!") is None
        assert authenticate(session, client.tenant.id, "nobody", PASSWORD) is None
        with pytest.raises(InvalidInput, match="12-256"):
            create_user(session, client.tenant.id, "bob", "short", "moderator")


def test_pages_need_a_session_and_a_wrong_password_gets_none(client: BastionClient) -> None:
    add_user(client, "alice")
    assert client.get("/console/queue", follow_redirects=False).headers["location"] == (
        "/console/login"
    )
    sign_in(client, "alice", "not the password")
    assert client.get("/console/queue", follow_redirects=False).status_code == 303
    sign_in(client, "alice")
    page = client.get("/console/queue")
    assert page.status_code == 200 and "Review queue" in page.text
    cookie = next(c for c in client.cookies.jar if c.name == "bastion_session")
    assert cookie.has_nonstandard_attr("HttpOnly")
    assert "frame-ancestors 'none'" in page.headers["content-security-policy"]


def test_a_post_without_the_form_token_changes_nothing(client: BastionClient) -> None:
    add_user(client, "alice")
    queued(client, 1)
    sign_in(client, "alice")
    forged = client.post("/console/queue/next", data={"csrf": "forged"}, follow_redirects=False)
    assert "expired" in forged.headers["location"]
    assert "claimed" not in client.get("/console/queue").text
    assert client.get("/console/queue").text.count("/console/cases/") == 1


def test_reset_and_disable_end_open_sessions(client: BastionClient) -> None:
    add_user(client, "alice")
    sign_in(client, "alice")
    assert client.get("/console/queue").status_code == 200
    with client.store.transaction() as session:
        reset_password(session, client.tenant.id, "alice", PASSWORD + "!")
    assert client.get("/console/queue", follow_redirects=False).status_code == 303
    sign_in(client, "alice", PASSWORD + "!")
    assert client.get("/console/queue").status_code == 200
    with client.store.transaction() as session:
        disable_user(session, client.tenant.id, "alice")
    assert client.get("/console/queue", follow_redirects=False).status_code == 303


def test_claim_next_shows_the_case_with_entities_marked_and_escaped(
    client: BastionClient,
) -> None:
    add_user(client, "alice")
    response = client.post(
        "/v1/check",
        json={"id": "x-1", "text": f"TG：casino_king888 百家乐包赢 {HOSTILE}", "account_id": "u-9"},
        headers=client.auth("platform"),
    )
    assert response.json()["verdict"] == "review"
    sign_in(client, "alice")
    queue = client.get("/console/queue")
    claimed = client.post("/console/queue/next", data={"csrf": csrf_of(queue.text)})
    assert claimed.status_code == 200 and "Case #" in claimed.text
    assert '<mark class="entity"' in claimed.text and "casino_king888" in claimed.text
    assert "<script>alert" not in claimed.text and "&lt;script&gt;" in claimed.text
    assert 'id="decide-uphold"' in claimed.text


def test_deciding_moves_to_the_next_case(client: BastionClient) -> None:
    add_user(client, "alice")
    queued(client, 3)
    sign_in(client, "alice")
    page = client.post(
        "/console/queue/next", data={"csrf": csrf_of(client.get("/console/queue").text)}
    )
    seen = []
    for _ in range(3):
        number = re.search(r"Case #(\d+)", page.text)
        assert number is not None
        seen.append(number.group(1))
        page = client.post(
            f"/console/cases/{number.group(1)}/decide",
            data={"csrf": csrf_of(page.text), "decision": "dismiss"},
        )
    assert len(set(seen)) == 3
    assert "the queue is empty" in page.text.lower()


def test_appeals_go_to_a_senior_who_did_not_decide(client: BastionClient) -> None:
    add_user(client, "alice", "senior")
    add_user(client, "bob", "senior")
    add_user(client, "carol", "moderator")
    queued(client, 1)
    sign_in(client, "alice")
    page = client.post(
        "/console/queue/next", data={"csrf": csrf_of(client.get("/console/queue").text)}
    )
    number = re.search(r"Case #(\d+)", page.text)
    assert number is not None
    client.post(
        f"/console/cases/{number.group(1)}/decide",
        data={"csrf": csrf_of(page.text), "decision": "uphold"},
    )
    actions = client.get("/v1/accounts/u-0", headers=client.auth("platform")).json()["actions"]
    reviewer_action = next(a for a in actions if a.get("actor") == "reviewer")
    filed = client.post(
        "/v1/appeals",
        json={"action_id": reviewer_action["id"], "appellant": "u-0", "text": "not me"},
        headers=client.auth("platform"),
    )
    assert filed.status_code == 201, filed.text
    assert "No appeals for you" in client.get("/console/appeals").text
    client.cookies.clear()
    sign_in(client, "carol")
    assert "needs the senior role" in client.get("/console/appeals").text
    client.cookies.clear()
    sign_in(client, "bob")
    appeals = client.get("/console/appeals")
    assert "not me" in appeals.text
    decided = client.post(
        f"/console/appeals/{filed.json()['id']}/decide",
        data={"csrf": csrf_of(appeals.text), "grant": "1", "notes": "fair"},
    )
    assert "granted" in decided.text
    account = client.get("/v1/accounts/u-0", headers=client.auth("platform")).json()
    assert account["active_strikes"] == 0


def test_users_are_scoped_to_their_tenant(client: BastionClient) -> None:
    with client.store.transaction() as session:
        create_user(session, client.other.id, "mallory", PASSWORD, "admin")
    queued(client, 1)
    form = client.get("/console/login")
    client.post(
        "/console/login",
        data={
            "csrf": csrf_of(form.text),
            "tenant": client.other.slug,
            "username": "mallory",
            "password": PASSWORD,
        },
    )
    assert "Nothing to review" in client.get("/console/queue").text


def test_bulk_decides_only_the_selected_cases(client: BastionClient) -> None:
    add_user(client, "alice")
    queued(client, 3)
    sign_in(client, "alice")
    queue = client.get("/console/queue")
    ids = re.findall(r'name="cases" value="(\d+)"', queue.text)
    assert len(ids) == 3 and "casino_king888" in queue.text
    done = client.post(
        "/console/queue/bulk",
        data={"csrf": csrf_of(queue.text), "decision": "dismiss", "cases": ids[:2]},
    )
    assert "2 case(s) dismissed" in done.text
    assert re.findall(r'name="cases" value="(\d+)"', done.text) == ids[2:]


def test_every_page_in_the_navigation_opens(client: BastionClient) -> None:
    add_user(client, "alice", "admin")
    queued(client, 1, text=f"TG：casino_king888 百家乐包赢 {HOSTILE}")
    _posted_and_reported(client)
    sign_in(client, "alice")
    queue = client.get("/console/queue").text
    links = re.findall(r'<a href="(/console/[a-z]+)"', queue)
    assert set(links) >= {
        "/console/queue",
        "/console/reports",
        "/console/appeals",
        "/console/campaigns",
        "/console/policy",
        "/console/intel",
    }
    for link in links:
        page = client.get(link)
        assert page.status_code == 200, link
        assert "<script>alert" not in page.text
    reports = client.get("/console/reports").text
    assert "scam ×1" in reports
    policy = client.get("/console/policy").text
    assert "link.obfuscated" in policy and "shadow" in policy
    assert re.search(r"<code>handle.gambling</code>.*?<td class=\"n\">1</td>", policy, re.S)
    lookup = client.get("/console/intel", params={"q": "注册 12bet点com"}).text
    assert "12bet.com" in lookup and "gambling" in lookup
    account = client.get("/console/accounts/u-0").text
    assert "u-0" in account and "active strike" in account


def _posted_and_reported(client: BastionClient) -> None:
    client.post(
        "/v1/check",
        json={"id": "r-1", "text": "hello", "account_id": "u-7"},
        headers=client.auth("platform"),
    )
    made = client.post(
        "/v1/reports", json={"item_id": "r-1", "reason": "scam"}, headers=client.auth("public")
    )
    assert made.status_code == 201
