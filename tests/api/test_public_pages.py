"""Public pages: report without an account, follow the outcome with the token, transparency."""

from __future__ import annotations

import re

from tests.api.conftest import BastionClient


def _field(page: str, name: str) -> str:
    found = re.search(rf'name="{name}" value="([^"]*)"', page)
    assert found is not None, page[:400]
    return found.group(1)


def _posted(client: BastionClient, item_id: str = "p-1") -> None:
    response = client.post(
        "/v1/check",
        json={"id": item_id, "text": "hello there", "account_id": "u-1"},
        headers=client.auth("platform"),
    )
    assert response.status_code == 200


def _report(client: BastionClient, **fields: str) -> tuple[int, str]:
    form = client.get(f"/p/{client.tenant.slug}/report")
    client.clock.advance(seconds=5)
    data = {
        "issued": _field(form.text, "issued"),
        "kind": "item",
        "target": "p-1",
        "reason": "scam",
        "details": "<script>alert(1)</script>",
        **fields,
    }
    response = client.post(f"/p/{client.tenant.slug}/report", data=data)
    return response.status_code, response.text


def test_a_visitor_reports_and_follows_the_outcome(client: BastionClient) -> None:
    _posted(client)
    status, page = _report(client)
    assert status == 201, page
    report_id = re.search(r'id="report-id">(\d+)<', page)
    token = re.search(r'id="token">([^<]+)<', page)
    assert report_id is not None and token is not None
    path = f"/p/{client.tenant.slug}/reports/{report_id.group(1)}"
    assert "token" not in client.get(path).url.query.decode()
    wrong = client.post(path, data={"token": "rpt_" + "0" * 40})
    assert wrong.status_code == 404 and "does not match" in wrong.text
    shown = client.post(path, data={"token": token.group(1)})
    assert shown.status_code == 200
    assert "Received, waiting for review" in shown.text
    queue = client.get("/v1/review/queue", headers=client.auth("moderator")).json()["cases"]
    assert [c["reason"] for c in queue] == ["report:scam"]


def test_a_form_sent_at_once_or_with_the_hidden_field_filled_is_refused(
    client: BastionClient,
) -> None:
    _posted(client)
    form = client.get(f"/p/{client.tenant.slug}/report")
    quick = client.post(
        f"/p/{client.tenant.slug}/report",
        data={
            "issued": _field(form.text, "issued"),
            "kind": "item",
            "target": "p-1",
            "reason": "scam",
        },
    )
    assert quick.status_code == 400
    status, _ = _report(client, website="http://spam.example")
    assert status == 400
    status, _ = _report(client, issued="99999.forged")
    assert status == 400
    assert client.get("/v1/review/queue", headers=client.auth("moderator")).json()["cases"] == []


def test_one_address_is_limited(client: BastionClient) -> None:
    for n in range(11):
        _posted(client, f"p-{n}")
    statuses = [_report(client, target=f"p-{n}")[0] for n in range(11)]
    assert statuses[:10] == [201] * 10 and statuses[10] == 429


def test_unknown_targets_and_tenants_are_plain_errors(client: BastionClient) -> None:
    status, page = _report(client, target="nope")
    assert status == 404 and "could not find" in page
    assert client.get("/p/no-such-platform/report").status_code == 404


def test_pages_speak_chinese_and_are_locked_down(client: BastionClient) -> None:
    page = client.get(
        f"/p/{client.tenant.slug}/report", headers={"Accept-Language": "zh-CN,zh;q=0.9"}
    )
    assert "举报内容或账号" in page.text and "非法赌博" in page.text
    assert "English" in client.get(f"/p/{client.tenant.slug}/report?lang=zh").text
    csp = page.headers["content-security-policy"]
    assert "form-action 'self'" in csp and "frame-ancestors 'none'" in csp
    assert "<script" not in page.text


def test_the_transparency_page_allows_only_its_own_style(client: BastionClient) -> None:
    page = client.get(f"/p/{client.tenant.slug}/transparency")
    assert page.status_code == 200 and "<svg" in page.text
    csp = page.headers["content-security-policy"]
    assert re.search(r"style-src 'sha256-[A-Za-z0-9+/=]+'", csp)
    assert "unsafe-inline" not in csp and "script-src" not in csp


def test_the_affected_user_appeals_from_the_notice_link(client: BastionClient) -> None:
    checked = client.post(
        "/v1/check",
        json={"id": "g-1", "text": "官网 12bet.com 注册送彩金", "account_id": "u-5"},
        headers=client.auth("platform"),
    ).json()
    assert checked["verdict"] == "act"
    action_id = checked["enforcement"]["actions"][0]["id"]
    record = client.get(f"/v1/actions/{action_id}", headers=client.auth("platform")).json()
    link = record["appeal_link"]
    assert link.startswith(f"/p/{client.tenant.slug}/appeal/{action_id}?k=")
    page = client.get(link)
    assert page.status_code == 200 and "Appeal a decision" in page.text
    assert 'id="ground"' in page.text
    forged = client.get(link[:-1] + ("0" if link[-1] != "0" else "1"))
    assert forged.status_code == 404
    token = link.split("k=")[1]
    sent = client.post(link.split("?")[0], data={"k": token, "statement": "it was a joke"})
    assert sent.status_code == 201 and "did not take the decision" in sent.text
    again = client.post(link.split("?")[0], data={"k": token, "statement": "again"})
    assert again.status_code == 409 and "already been appealed" in again.text
    appeals = client.get("/v1/appeals", headers=client.auth("admin")).json()["appeals"]
    assert [(a["appellant"], a["text"]) for a in appeals] == [("u-5", "it was a joke")]
