"""Signed webhook notices to the platform: sign, verify, deliver once, and schedule retries.

The signature scheme is the one most platforms already verify (Stripe-style): HMAC-SHA256 over
``"{timestamp}." + body``, sent as ``Bastion-Signature: t=<unix>,v1=<hex>``. The timestamp is
signed so a captured request cannot be replayed outside the tolerance window. Delivery is one
attempt; the caller (the store's outbox worker) persists the outcome and asks ``next_attempt``
when to try again, so retries survive restarts.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Final
from urllib.parse import urlsplit

import httpx

from bastion.enforce.actions import require_aware
from bastion.netguard import AddressRefused

HEADER: Final = "Bastion-Signature"
NOTICE_HEADER: Final = "Bastion-Notice-Id"
SCHEME: Final = "v1"
MAX_HEADER_CHARS: Final = 4096
RETRY_BASE: Final = timedelta(seconds=30)
RETRY_CAP: Final = timedelta(hours=6)
MAX_ATTEMPTS: Final = 8
"""30 s doubling to a 6 h cap, 8 tries: roughly 8.5 hours of retrying before a dead letter."""

RETRYABLE_4XX: Final = frozenset({408, 429})
OUTCOMES: Final = ("delivered", "retry", "failed")


class SignatureError(ValueError):
    """A signature header that cannot even be parsed."""


def sign(secret: bytes, timestamp: int, body: bytes) -> str:
    """The ``Bastion-Signature`` header value for ``body`` sent at ``timestamp`` (unix seconds)."""
    if not isinstance(secret, bytes) or not secret:
        raise ValueError("webhook secret must be non-empty bytes")
    if isinstance(timestamp, bool) or not isinstance(timestamp, int) or timestamp < 0:
        raise ValueError("timestamp must be a non-negative integer of unix seconds")
    mac = hmac.new(secret, f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()
    return f"t={timestamp},{SCHEME}={mac}"


def parse_header(header: str) -> tuple[int, list[str]]:
    """(timestamp, v1 signatures). Several v1 entries are allowed so secrets can be rotated."""
    if not isinstance(header, str) or not header or len(header) > MAX_HEADER_CHARS:
        raise SignatureError("signature header is missing or too long")
    timestamp: int | None = None
    signatures: list[str] = []
    for part in header.split(","):
        key, sep, value = part.strip().partition("=")
        if not sep:
            raise SignatureError(f"malformed signature element {part.strip()[:40]!r}")
        if key == "t":
            if not value.isascii() or not value.isdigit() or len(value) > 12:
                raise SignatureError("signature timestamp must be unix seconds")
            timestamp = int(value)
        elif key == SCHEME:
            signatures.append(value)
    if timestamp is None or not signatures:
        raise SignatureError(f"signature header needs t= and {SCHEME}= elements")
    return timestamp, signatures


def verify(secret: bytes, header: str, body: bytes, now: datetime, tolerance: int = 300) -> bool:
    """True when ``header`` signs ``body`` with ``secret`` within ``tolerance`` seconds of ``now``
    (either side, for clock skew). Constant-time comparison; never raises on a bad header."""
    require_aware(now, "now")
    try:
        timestamp, signatures = parse_header(header)
    except SignatureError:
        return False
    if abs(now.timestamp() - timestamp) > tolerance:
        return False
    expected = sign(secret, timestamp, body).rpartition("=")[2]
    matched = False
    for candidate in signatures:
        matched |= hmac.compare_digest(expected.encode(), candidate.encode("utf-8", "replace"))
    return matched


def next_attempt(
    attempts: int,
    now: datetime,
    *,
    notice_id: str = "",
    base: timedelta = RETRY_BASE,
    cap: timedelta = RETRY_CAP,
    max_attempts: int = MAX_ATTEMPTS,
) -> datetime | None:
    """When to try again after ``attempts`` failed attempts; None means give up (dead letter).

    Exponential backoff with "equal jitter": half the delay is fixed, half is spread by a value
    derived from the notice id, so retries of many notices spread out yet each is reproducible.
    """
    require_aware(now, "now")
    if attempts < 1:
        raise ValueError("attempts counts attempts already made, so it is at least 1")
    if attempts >= max_attempts:
        return None
    delay = min(cap, base * (1 << min(attempts - 1, 40)))
    digest = hashlib.sha256(f"{notice_id}:{attempts}".encode()).digest()
    fraction = int.from_bytes(digest[:8], "big") / 2**64
    return now + delay / 2 + (delay / 2) * fraction


@dataclass(slots=True, frozen=True)
class DeliveryOutcome:
    """One attempt's result. ``status``: delivered, retry (try later) or failed (permanent)."""

    status: str
    http_status: int | None
    error: str
    attempted_at: datetime
    elapsed: float = 0.0

    @property
    def delivered(self) -> bool:
        return self.status == "delivered"


def classify(http_status: int) -> str:
    """2xx delivered; 4xx permanent except 408 and 429; everything else is worth a retry."""
    if 200 <= http_status < 300:
        return "delivered"
    if 400 <= http_status < 500 and http_status not in RETRYABLE_4XX:
        return "failed"
    return "retry"


def deliver(
    client: httpx.Client,
    url: str,
    body: bytes,
    secret: bytes,
    now: datetime,
    *,
    notice_id: str = "",
    timeout: float = 10.0,
) -> DeliveryOutcome:
    """POST ``body`` to ``url`` once, signed; never raises for network or HTTP failures.

    Redirects are not followed (a signed notice must reach the configured URL), and only http
    and https URLs are accepted. The address policy lives in the client: pass one from
    ``bastion.netguard`` (``GuardedClients``); its refusals come back as permanent failures.
    """
    require_aware(now, "now")
    parts = urlsplit(url) if isinstance(url, str) else None
    if parts is None or parts.scheme not in ("http", "https") or not parts.hostname:
        return DeliveryOutcome("failed", None, f"refused URL {str(url)[:80]!r}: need http(s)", now)
    headers = {
        "Content-Type": "application/json",
        "User-Agent": "bastion-webhooks/1",
        HEADER: sign(secret, int(now.timestamp()), body),
    }
    if notice_id:
        headers[NOTICE_HEADER] = notice_id
    try:
        response = client.post(
            url, content=body, headers=headers, timeout=timeout, follow_redirects=False
        )
    except httpx.TimeoutException as exc:
        return DeliveryOutcome("retry", None, f"timeout: {type(exc).__name__}", now)
    except (httpx.UnsupportedProtocol, httpx.InvalidURL) as exc:
        return DeliveryOutcome("failed", None, f"invalid URL: {exc}", now)
    except AddressRefused as exc:
        return DeliveryOutcome("failed", None, f"refused: {exc}", now)
    except httpx.TransportError as exc:
        return DeliveryOutcome("retry", None, f"transport: {type(exc).__name__}: {exc}", now)
    elapsed = response.elapsed.total_seconds()
    status = classify(response.status_code)
    error = "" if status == "delivered" else f"HTTP {response.status_code}"
    return DeliveryOutcome(status, response.status_code, error, now, elapsed)
