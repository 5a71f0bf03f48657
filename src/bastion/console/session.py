"""Console sessions in a signed cookie, and the CSRF tokens of their forms.

The cookie holds the user id, tenant, the user's ``session_version``, an expiry and a random
nonce, signed with HMAC-SHA256; it is ``HttpOnly``, ``SameSite=Strict`` and ``Secure`` when the
console is served over HTTPS. Nothing secret is inside. A password reset or a disable bumps the
version in the store, which ends every session signed under the old one at once.

Every form carries a CSRF token derived from the session nonce (the sign-in form's from a
pre-session cookie), checked on every POST: SameSite already stops cross-site posts in current
browsers, the token stops them in the others.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Final

COOKIE: Final = "bastion_session"
LOGIN_COOKIE: Final = "bastion_login"
TTL: Final = timedelta(hours=12)
MAX_COOKIE: Final = 512


@dataclass(frozen=True, slots=True)
class Claims:
    user_id: int
    tenant_id: int
    version: int
    expires: int
    nonce: str


def _mac(secret: bytes, purpose: str, payload: bytes) -> str:
    digest = hmac.new(secret, purpose.encode() + b"\0" + payload, hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).decode("ascii").rstrip("=")


def issue(secret: bytes, user_id: int, tenant_id: int, version: int, now: datetime) -> str:
    claims = {
        "u": user_id,
        "t": tenant_id,
        "v": version,
        "e": int((now + TTL).timestamp()),
        "n": secrets.token_urlsafe(12),
    }
    payload = base64.urlsafe_b64encode(json.dumps(claims, separators=(",", ":")).encode())
    body = payload.decode("ascii").rstrip("=")
    return f"{body}.{_mac(secret, 'session', body.encode())}"


def read(secret: bytes, value: str | None, now: datetime) -> Claims | None:
    """The claims of a cookie this server signed and that has not expired, else None."""
    if not value or len(value) > MAX_COOKIE or value.count(".") != 1:
        return None
    body, mac = value.split(".")
    if not hmac.compare_digest(_mac(secret, "session", body.encode()), mac):
        return None
    try:
        raw = json.loads(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))
        claims = Claims(int(raw["u"]), int(raw["t"]), int(raw["v"]), int(raw["e"]), str(raw["n"]))
    except (ValueError, KeyError, TypeError):
        return None
    if claims.expires < now.timestamp():
        return None
    return claims


def csrf_token(secret: bytes, nonce: str) -> str:
    return _mac(secret, "csrf", nonce.encode())


def csrf_ok(secret: bytes, nonce: str | None, token: str | None) -> bool:
    if not nonce or not token or len(token) > 64:
        return False
    return hmac.compare_digest(csrf_token(secret, nonce), token)


def login_nonce() -> str:
    return secrets.token_urlsafe(16)
