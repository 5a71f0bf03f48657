"""Webhook signing, verification, backoff, and delivery against a real loopback receiver."""

from __future__ import annotations

import json
import socket
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import httpx
import pytest

from bastion.enforce.webhooks import (
    MAX_ATTEMPTS,
    NOTICE_HEADER,
    RETRY_CAP,
    DeliveryOutcome,
    classify,
    deliver,
    next_attempt,
    parse_header,
    sign,
    verify,
)
from tests.support.loopback import LoopbackReceiver

SECRET = b"whsec_test_3f9a0c"
NOW = datetime(2026, 11, 20, 10, 0, tzinfo=UTC)
TS = int(NOW.timestamp())
BODY = json.dumps({"event": "action.applied", "item": "p-1", "action": "disable_link"}).encode()


@pytest.fixture
def receiver(loopback_receiver: LoopbackReceiver) -> LoopbackReceiver:
    """The shared loopback receiver, checking signatures under SECRET like a platform would."""
    loopback_receiver.secret = SECRET
    return loopback_receiver


@pytest.fixture
def client() -> Iterator[httpx.Client]:
    with httpx.Client() as c:
        yield c


def test_sign_format_and_round_trip() -> None:
    header = sign(SECRET, TS, BODY)
    assert header.startswith(f"t={TS},v1=") and len(header.split("v1=")[1]) == 64
    assert verify(SECRET, header, BODY, NOW)
    assert parse_header(header) == (TS, [header.split("v1=")[1]])


def test_known_answer() -> None:
    """Pinned (HMAC-SHA256 of b'1700000000.{"a":1}' under b'secret') so a platform's verifier
    written from the docs agrees byte for byte."""
    header = sign(b"secret", 1700000000, b'{"a":1}')
    assert (
        header == "t=1700000000,v1=49f24e537407743fa4a0242bb63b94b9a47ee99cbbe071ccd8a22550ae411686"
    )


def test_tampering_fails() -> None:
    header = sign(SECRET, TS, BODY)
    assert not verify(SECRET, header, BODY + b" ", NOW)
    assert not verify(b"another-secret", header, BODY, NOW)
    forged = header[:-1] + ("0" if header[-1] != "0" else "1")
    assert not verify(SECRET, forged, BODY, NOW)
    shifted = header.replace(f"t={TS}", f"t={TS + 1}")
    assert not verify(SECRET, shifted, BODY, NOW)


def test_replay_outside_tolerance_fails_both_ways() -> None:
    header = sign(SECRET, TS, BODY)
    assert verify(SECRET, header, BODY, NOW + timedelta(seconds=300))
    assert not verify(SECRET, header, BODY, NOW + timedelta(seconds=301))
    assert not verify(SECRET, header, BODY, NOW - timedelta(seconds=301))
    assert verify(SECRET, header, BODY, NOW + timedelta(hours=1), tolerance=3600)


def test_rotated_secrets_any_v1_may_match() -> None:
    old = sign(b"old-secret", TS, BODY).split(",")[1]
    new = sign(SECRET, TS, BODY).split(",")[1]
    assert verify(SECRET, f"t={TS},{old},{new}", BODY, NOW)
    assert not verify(SECRET, f"t={TS},{old}", BODY, NOW)


@pytest.mark.parametrize(
    "header",
    ["", "garbage", f"t={TS}", "v1=abc", "t=-5,v1=ab", f"t={TS}x,v1=ab", "t=1," + "v1=a," * 2000],
)
def test_malformed_headers_are_rejected_without_raising(header: str) -> None:
    assert not verify(SECRET, header, BODY, NOW)


def test_sign_refuses_bad_input() -> None:
    with pytest.raises(ValueError, match="secret"):
        sign(b"", TS, BODY)
    with pytest.raises(ValueError, match="timestamp"):
        sign(SECRET, -1, BODY)


def test_next_attempt_backs_off_with_bounded_deterministic_jitter() -> None:
    delays = []
    for attempts in range(1, MAX_ATTEMPTS):
        at = next_attempt(attempts, NOW, notice_id="n-1")
        assert at is not None
        assert at == next_attempt(attempts, NOW, notice_id="n-1")
        delay = at - NOW
        nominal = min(RETRY_CAP, timedelta(seconds=30) * 2 ** (attempts - 1))
        assert nominal / 2 <= delay <= nominal
        delays.append(delay)
    assert delays[0] < delays[3] < delays[-1] <= RETRY_CAP
    assert next_attempt(MAX_ATTEMPTS, NOW, notice_id="n-1") is None
    spread = {next_attempt(3, NOW, notice_id=f"n-{i}") for i in range(50)}
    assert len(spread) > 40
    with pytest.raises(ValueError, match="at least 1"):
        next_attempt(0, NOW)


@pytest.mark.parametrize(
    "status,expected",
    [(200, "delivered"), (204, "delivered"), (400, "failed"), (401, "failed"), (404, "failed"),
     (408, "retry"), (429, "retry"), (500, "retry"), (503, "retry"), (302, "retry")],
)  # fmt: skip
def test_classify(status: int, expected: str) -> None:
    assert classify(status) == expected


def test_delivery_is_signed_and_verified_by_the_receiver(
    receiver: LoopbackReceiver, client: httpx.Client
) -> None:
    outcome = deliver(client, receiver.url(), BODY, SECRET, datetime.now(UTC), notice_id="n-7")
    assert outcome.delivered and outcome.http_status == 204 and outcome.error == ""
    (got,) = receiver.received
    assert (got.body, got.valid, got.header(NOTICE_HEADER)) == (BODY, True, "n-7")


def test_wrong_secret_is_a_permanent_failure(
    receiver: LoopbackReceiver, client: httpx.Client
) -> None:
    outcome = deliver(client, receiver.url(), BODY, b"wrong", datetime.now(UTC))
    assert (outcome.status, outcome.http_status) == ("failed", 401)
    assert receiver.received[0].valid is False


def run_until_settled(
    client: httpx.Client, receiver: LoopbackReceiver, notice_id: str
) -> tuple[list[DeliveryOutcome], bool]:
    """The outbox worker's loop, with a simulated clock; returns outcomes and dead-letter flag."""
    clock = datetime.now(UTC)
    outcomes: list[DeliveryOutcome] = []
    for attempts in range(1, 100):
        outcome = deliver(
            client,
            receiver.url(),
            BODY,
            SECRET,
            datetime.now(UTC),
            notice_id=notice_id,
        )
        outcomes.append(outcome)
        if outcome.status != "retry":
            return outcomes, False
        later = next_attempt(attempts, clock, notice_id=notice_id)
        if later is None:
            return outcomes, True
        assert later > clock
        clock = later
    raise AssertionError("retry loop did not settle")


def test_retries_until_delivered(receiver: LoopbackReceiver, client: httpx.Client) -> None:
    receiver.statuses = [503] * 3
    outcomes, dead = run_until_settled(client, receiver, "n-retry")
    assert not dead
    assert [o.status for o in outcomes] == ["retry", "retry", "retry", "delivered"]
    assert [o.http_status for o in outcomes] == [503, 503, 503, 204]
    assert len(receiver.received) == 4 and all(r.valid for r in receiver.received)


def test_429_is_retried(receiver: LoopbackReceiver, client: httpx.Client) -> None:
    receiver.statuses = [429]
    outcomes, dead = run_until_settled(client, receiver, "n-429")
    assert [o.http_status for o in outcomes] == [429, 204] and not dead


def test_dead_letter_after_max_attempts(receiver: LoopbackReceiver, client: httpx.Client) -> None:
    receiver.statuses = [503] * 1000
    outcomes, dead = run_until_settled(client, receiver, "n-dead")
    assert dead and len(outcomes) == MAX_ATTEMPTS
    assert len(receiver.received) == MAX_ATTEMPTS


def test_4xx_is_permanent_without_retry(receiver: LoopbackReceiver, client: httpx.Client) -> None:
    receiver.statuses = [422] * 5
    outcomes, dead = run_until_settled(client, receiver, "n-422")
    assert [(o.status, o.http_status) for o in outcomes] == [("failed", 422)] and not dead


def test_timeout_is_retried(receiver: LoopbackReceiver, client: httpx.Client) -> None:
    receiver.hold()  # answers only after the test: the 0.2 s client timeout is certain
    outcome = deliver(client, receiver.url(), BODY, SECRET, datetime.now(UTC), timeout=0.2)
    assert outcome.status == "retry" and outcome.http_status is None
    assert outcome.error.startswith("timeout")


def test_connection_refused_is_retried(client: httpx.Client) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    outcome = deliver(client, f"http://127.0.0.1:{port}/x", BODY, SECRET, NOW, timeout=30)
    assert outcome.status == "retry" and outcome.error.startswith("transport")


@pytest.mark.parametrize(
    "url", ["file:///etc/passwd", "ftp://example.test/x", "gopher://h/", "javascript:alert(1)",
            "http:///nohost", "//example.test/x", "example.test/hook", ""],
)  # fmt: skip
def test_non_http_urls_are_refused_without_a_request(client: httpx.Client, url: str) -> None:
    outcome = deliver(client, url, BODY, SECRET, NOW)
    assert outcome.status == "failed" and outcome.http_status is None
    assert "refused URL" in outcome.error
