"""Queues scoped by role, and reporters: the senior queue for permanent bans and escalations
(a moderator gets 403 claiming or deciding one), reporter reputation and muting."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import func, select

from bastion.enforce import Ladder
from bastion.service.errors import Forbidden
from bastion.service.queues import claim_scoped, scoped_queue
from bastion.store.models import AuditEvent, Case, Report
from tests.api.conftest import BastionClient
from tests.api.test_console import HOSTILE, add_user, csrf_of, sign_in

LADDER = """
version: 1
decay: 90d
count: category
ladders:
  default:
    low: [[warn]]
    medium: [[warn]]
    high: [[warn]]
    critical: [[warn]]
  gambling:
    low: [[ban]]
    medium: [[ban]]
    high: [[ban]]
    critical: [[ban]]
"""
"""Gambling findings ban for good (senior work); everything else warns."""


@pytest.fixture
def ladder() -> Ladder:
    return Ladder.from_text(LADDER)


def _check(client: BastionClient, item: str, text: str, account: str) -> str:
    response = client.post(
        "/v1/check",
        json={"id": item, "text": text, "account_id": account},
        headers=client.auth("platform"),
    )
    assert response.status_code == 200, response.text
    verdict: str = response.json()["verdict"]
    return verdict


def _report(client: BastionClient, item: str, reporter: str, reason: str = "scam") -> int:
    response = client.post(
        "/v1/reports",
        json={"item_id": item, "reason": reason, "reporter_id": reporter},
        headers=client.auth("platform"),
    )
    assert response.status_code == 201, response.text
    report_id: int = response.json()["id"]
    return report_id


def _queue_one_of_each(client: BastionClient) -> None:
    """A gambling review case (its ladder bans: senior) and a reported clean post (warns)."""
    assert _check(client, "g-1", "TG：casino_king888 百家乐包赢", "u-gamble") == "review"
    assert _check(client, "p-1", "lovely weather today", "u-plain") == "allow"
    _report(client, "p-1", "r-1")


def _case_ids(page: str) -> list[str]:
    return re.findall(r'href="/console/cases/(\d+)"', page)


def test_a_moderator_never_sees_senior_work_and_gets_403_reaching_for_it(
    client: BastionClient,
) -> None:
    add_user(client, "alice", "moderator")
    add_user(client, "bob", "senior")
    _queue_one_of_each(client)
    with client.store.transaction() as session:
        ban_case = session.scalars(select(Case).where(Case.reason.not_like("report:%"))).one()
        plain_case = session.scalars(select(Case).where(Case.reason.like("report:%"))).one()

    sign_in(client, "alice")
    queue = client.get("/console/queue")
    assert _case_ids(queue.text) == [str(plain_case.id)]
    assert client.get("/console/queue?scope=senior").status_code == 403
    claimed = client.post(f"/console/cases/{ban_case.id}/claim", data={"csrf": csrf_of(queue.text)})
    assert claimed.status_code == 403 and "senior" in claimed.text
    page = client.post("/console/queue/next", data={"csrf": csrf_of(queue.text)})
    assert f"Case #{plain_case.id}" in page.text
    done = client.post(
        f"/console/cases/{plain_case.id}/decide",
        data={"csrf": csrf_of(page.text), "decision": "uphold"},
    )
    assert "queue is empty" in done.text  # the ban case is not offered to alice

    client.cookies.clear()
    sign_in(client, "bob")
    senior = client.get("/console/queue?scope=senior")
    assert senior.status_code == 200 and _case_ids(senior.text) == [str(ban_case.id)]
    assert "senior queue" in client.get(f"/console/cases/{ban_case.id}").text
    page = client.post(
        "/console/queue/next", data={"csrf": csrf_of(senior.text), "scope": "senior"}
    )
    assert f"Case #{ban_case.id}" in page.text and "ban" in page.text
    client.post(
        f"/console/cases/{ban_case.id}/decide",
        data={"csrf": csrf_of(page.text), "decision": "uphold"},
    )
    account = client.get("/v1/accounts/u-gamble", headers=client.auth("platform")).json()
    assert account["status"] == "banned"


def test_the_service_refuses_a_moderator_the_claim_and_the_decision(
    client: BastionClient, ladder: Ladder
) -> None:
    _queue_one_of_each(client)
    now = client.clock()
    with client.store.transaction() as session:
        rows = scoped_queue(session, client.tenant.id, senior=False, ladder=ladder, now=now)
        assert [senior for _, senior in rows] == [False]
        both = scoped_queue(session, client.tenant.id, senior=True, ladder=ladder, now=now)
        ban_case = next(case for case, senior in both if senior)
        with pytest.raises(Forbidden):
            claim_scoped(
                session,
                client.tenant.id,
                ban_case.id,
                "user:x",
                senior=False,
                ladder=ladder,
                now=now,
            )
    # an API key claims without the console's scope; deciding as a moderator is still refused
    from bastion.service.decide import decide_case
    from bastion.service.review import claim_case

    with pytest.raises(Forbidden), client.store.transaction() as session:
        claim_case(session, client.tenant.id, ban_case.id, "user:x", now=now)
        decide_case(
            session,
            client.tenant.id,
            ban_case.id,
            moderator="user:x",
            decision="uphold",
            now=now,
            ladder=ladder,
            senior=False,
        )


def test_escalating_sends_a_case_to_the_senior_queue(client: BastionClient) -> None:
    add_user(client, "alice", "moderator")
    _check(client, "p-1", "lovely weather today", "u-plain")
    _report(client, "p-1", "r-1")
    sign_in(client, "alice")
    page = client.post(
        "/console/queue/next", data={"csrf": csrf_of(client.get("/console/queue").text)}
    )
    number = re.search(r"Case #(\d+)", page.text)
    assert number is not None
    client.post(
        f"/console/cases/{number.group(1)}/decide",
        data={"csrf": csrf_of(page.text), "decision": "escalate"},
    )
    assert _case_ids(client.get("/console/queue").text) == []
    again = client.post(
        f"/console/cases/{number.group(1)}/claim", data={"csrf": csrf_of(page.text)}
    )
    assert again.status_code == 403


def _decide_all(client: BastionClient, verdicts: dict[str, str]) -> None:
    """Claim and decide every queued case, upholding or dismissing by item id."""
    page = client.post(
        "/console/queue/next", data={"csrf": csrf_of(client.get("/console/queue").text)}
    )
    while "Case #" in page.text:
        item = re.search(r"item <code>([^<]+)</code>", page.text)
        number = re.search(r"Case #(\d+)", page.text)
        assert item is not None and number is not None
        page = client.post(
            f"/console/cases/{number.group(1)}/decide",
            data={"csrf": csrf_of(page.text), "decision": verdicts[item.group(1)]},
        )


def test_reporter_reputation_is_the_share_of_decided_reports_upheld(
    client: BastionClient,
) -> None:
    add_user(client, "alice", "moderator")
    for n in range(4):
        _check(client, f"p-{n}", f"nothing to see {n}", f"u-{n}")
    _report(client, "p-0", "r-good")
    _report(client, "p-1", "r-good")
    _report(client, "p-2", "r-noisy")
    _report(client, "p-3", "r-noisy")
    sign_in(client, "alice")
    _decide_all(client, {"p-0": "uphold", "p-1": "uphold", "p-2": "dismiss", "p-3": "dismiss"})
    _check(client, "p-4", "still nothing", "u-4")
    _report(client, "p-4", "r-noisy")
    page = client.get("/console/reports").text
    assert "2/2 upheld (100 %)" in page
    assert "0/2 upheld (0 %) · 3 filed" in page


def test_a_muted_reporter_is_stored_and_counted_but_never_queued(client: BastionClient) -> None:
    add_user(client, "alice", "moderator")
    for n in range(3):
        _check(client, f"p-{n}", f"nothing to see {n}", f"u-{n}")
    _report(client, "p-0", HOSTILE)
    sign_in(client, "alice")
    reports = client.get("/console/reports")
    assert "<script>alert" not in reports.text and "&lt;script&gt;" in reports.text
    muted = client.post(
        "/console/reporters/mute",
        data={"csrf": csrf_of(reports.text), "reporter": f"id:{HOSTILE}", "reason": HOSTILE},
    )
    assert "Reporter muted" in muted.text
    assert "<img src=x" not in muted.text and "&lt;img src=x" in muted.text
    queued_before = len(_case_ids(client.get("/console/queue").text))

    report_id = _report(client, "p-1", HOSTILE)
    assert len(_case_ids(client.get("/console/queue").text)) == queued_before
    with client.store.transaction() as session:
        stored = session.get(Report, report_id)
        assert stored is not None and stored.case_id is None
        events = session.scalars(
            select(AuditEvent.action).where(AuditEvent.action.like("reporter.%"))
        ).all()
        assert events == ["reporter.muted"]
    page = client.get("/console/reports").text
    assert "1 report(s) from muted reporters" in page
    outcome = client.get(f"/v1/reports/{report_id}", headers=client.auth("moderator"))
    assert outcome.json()["status"] == "received"

    again = client.post(
        "/console/reporters/mute",
        data={"csrf": csrf_of(page), "reporter": f"id:{HOSTILE}", "reason": "twice"},
    )
    assert "already muted" in again.text
    client.post(
        "/console/reporters/unmute", data={"csrf": csrf_of(page), "reporter": f"id:{HOSTILE}"}
    )
    _report(client, "p-2", HOSTILE)
    assert len(_case_ids(client.get("/console/queue").text)) == queued_before + 1
    with client.store.transaction() as session:
        assert session.scalar(select(func.count()).select_from(Report)) == 3
        events = session.scalars(
            select(AuditEvent.action).where(AuditEvent.action.like("reporter.%"))
        ).all()
        assert events == ["reporter.muted", "reporter.unmuted"]


def test_muting_needs_a_reason_and_a_known_reporter(client: BastionClient) -> None:
    add_user(client, "alice", "moderator")
    _check(client, "p-0", "nothing to see", "u-0")
    _report(client, "p-0", "r-1")
    sign_in(client, "alice")
    token = csrf_of(client.get("/console/reports").text)
    for reporter, reason, error in (
        ("id:r-1", " ", "give a reason"),
        ("id:nobody", "spam", "no report by this reporter"),
        ("someone", "spam", "is not id:"),
    ):
        page = client.post(
            "/console/reporters/mute", data={"csrf": token, "reporter": reporter, "reason": reason}
        )
        assert error in page.text, page.text[:300]


def test_the_api_mutes_and_unmutes_with_the_same_service(client: BastionClient) -> None:
    _check(client, "p-0", "nothing to see", "u-0")
    _report(client, "p-0", "r-1")
    moderator = client.auth("moderator")
    before = client.get("/v1/reporters", params={"reporter": "id:r-1"}, headers=moderator)
    assert before.json() == {
        "reporter": "id:r-1",
        "reports": 1,
        "decided": 0,
        "upheld": 0,
        "reputation": None,
        "muted": False,
    }
    body = {"reporter": "id:r-1", "reason": "spam"}
    assert client.post("/v1/reporters:mute", json=body, headers=moderator).json()["muted"]
    assert client.post("/v1/reporters:mute", json=body, headers=moderator).status_code == 409
    assert (
        client.post("/v1/reporters:mute", json=body, headers=client.auth("platform")).status_code
        == 403
    )
    _check(client, "p-1", "still nothing", "u-1")
    _report(client, "p-1", "r-1")
    queue = client.get("/v1/review/queue", headers=moderator).json()["cases"]
    assert len(queue) == 1
    unmuted = client.post("/v1/reporters:unmute", json=body, headers=moderator).json()
    assert unmuted["muted"] is False and unmuted["reports"] == 2
