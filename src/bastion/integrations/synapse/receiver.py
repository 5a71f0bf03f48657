"""Bastion's signed webhooks, applied to the homeserver through Synapse's admin API.

``create_receiver(config)`` is a small ASGI app (run it with uvicorn, or ``bastion-synapse``'s
``python -m bastion.integrations.synapse.receiver``). It verifies each notice's
``Bastion-Signature``, then:

- ``enforcement.decision`` (the scan's automatic decision) and ``case.decided`` (a moderator's
  decision on a case): ``temp_suspend`` suspends the account (``suspend_with``), ``ban``
  deactivates it (``ban_with``), ``remove_content`` redacts the event when it was stored;
- ``action.reversed`` (a granted appeal, a moderator's reversal): undoes the suspension or ban;
- ``account.restored`` (a temporary suspension ran out): lifts the suspension.

Any other event is acknowledged and ignored. When Synapse cannot be reached or refuses, the
receiver answers 503, so Bastion's outbox retries with backoff and dead-letters after its last
attempt; every call is idempotent, so a redelivered notice changes nothing twice.
"""

from __future__ import annotations

import json
import logging
import os
import secrets
from collections import OrderedDict
from collections.abc import AsyncIterator, Callable, Mapping
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Final
from urllib.parse import quote

import httpx
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from bastion.enforce.webhooks import HEADER, NOTICE_HEADER, verify
from bastion.integrations.synapse.items import event_id_of, user_id_of

log = logging.getLogger("bastion.synapse.receiver")
MAX_BODY: Final = 1024 * 1024
SUSPEND_WITH: Final = ("suspend", "shadow_ban")
BAN_WITH: Final = ("deactivate", "suspend", "shadow_ban")
PATH: Final = "/bastion/webhook"


@dataclass(frozen=True, slots=True)
class ReceiverConfig:
    """``synapse_url``: the homeserver's client-server base URL; ``admin_token``: an access token
    of a server admin; ``secret``: the tenant's webhook secret (``whsec_...``)."""

    synapse_url: str
    admin_token: str
    secret: bytes
    suspend_with: str = "suspend"
    ban_with: str = "deactivate"
    tolerance: int = 300

    def __post_init__(self) -> None:
        if self.suspend_with not in SUSPEND_WITH:
            raise ValueError(f"suspend_with must be one of {', '.join(SUSPEND_WITH)}")
        if self.ban_with not in BAN_WITH:
            raise ValueError(f"ban_with must be one of {', '.join(BAN_WITH)}")
        if not self.secret or not self.admin_token:
            raise ValueError("the receiver needs the webhook secret and an admin token")


class SynapseRefused(Exception):
    """Synapse answered an admin call with an error (or could not be reached)."""


class Admin:
    """The handful of admin API calls the receiver makes (all idempotent)."""

    def __init__(self, client: httpx.AsyncClient) -> None:
        self.client = client

    async def _call(self, method: str, path: str, body: Mapping[str, Any] | None = None) -> Any:
        try:
            response = await self.client.request(method, path, json=body)
        except httpx.HTTPError as exc:
            raise SynapseRefused(f"{method} {path}: {type(exc).__name__}") from exc
        if response.status_code >= 300:
            raise SynapseRefused(
                f"{method} {path}: HTTP {response.status_code} {response.text[:200]}"
            )
        return response.json() if response.content else {}

    async def suspend(self, user: str, on: bool) -> None:
        await self._call("PUT", f"/_synapse/admin/v1/suspend/{quote(user)}", {"suspend": on})

    async def shadow_ban(self, user: str, on: bool) -> None:
        await self._call(
            "POST" if on else "DELETE", f"/_synapse/admin/v1/users/{quote(user)}/shadow_ban"
        )

    async def deactivate(self, user: str) -> None:
        await self._call("POST", f"/_synapse/admin/v1/deactivate/{quote(user)}", {"erase": False})

    async def reactivate(self, user: str) -> None:
        await self._call("PUT", f"/_synapse/admin/v2/users/{quote(user)}", {"deactivated": False})

    async def redact(self, event_id: str, reason: str) -> bool:
        """Redact a stored event (False when Synapse never stored it: it was refused)."""
        try:
            found = await self._call("GET", f"/_synapse/admin/v1/fetch_event/{quote(event_id)}")
        except SynapseRefused as exc:
            if "HTTP 404" in str(exc):
                return False
            raise
        room = found.get("event", {}).get("room_id")
        if not isinstance(room, str):
            return False
        txn = secrets.token_hex(8)
        await self._call(
            "PUT",
            f"/_matrix/client/v3/rooms/{quote(room)}/redact/{quote(event_id)}/{txn}",
            {"reason": reason},
        )
        return True


async def restrict(admin: Admin, config: ReceiverConfig, user: str, kind: str) -> str:
    mode = config.ban_with if kind == "ban" else config.suspend_with
    if mode == "suspend":
        await admin.suspend(user, True)
    elif mode == "shadow_ban":
        await admin.shadow_ban(user, True)
    else:
        await admin.deactivate(user)
    return f"{mode} {user}"


async def restore(admin: Admin, config: ReceiverConfig, user: str, kind: str) -> str:
    mode = config.ban_with if kind == "ban" else config.suspend_with
    if mode == "suspend":
        await admin.suspend(user, False)
    elif mode == "shadow_ban":
        await admin.shadow_ban(user, False)
    else:
        await admin.reactivate(user)
    return f"undo {mode} {user}"


async def apply_notice(
    admin: Admin, config: ReceiverConfig, event: str, data: Mapping[str, Any]
) -> list[str]:
    """The admin calls one notice asks for, made in order; returns what was done."""
    account = data.get("account")
    user = user_id_of(account) if isinstance(account, str) else None
    done: list[str] = []
    if event in ("enforcement.decision", "case.decided"):
        actions = data.get("actions") or []
        kinds = [a.get("kind") for a in actions if isinstance(a, Mapping)]
        for kind in ("ban", "temp_suspend"):
            if kind in kinds and user:
                done.append(await restrict(admin, config, user, kind))
                break
        item = data.get("item")
        event_id = event_id_of(item) if isinstance(item, str) else None
        if "remove_content" in kinds and event_id:
            rule = data.get("rule") or ("moderator" if event == "case.decided" else "policy")
            if await admin.redact(event_id, f"Removed by Bastion ({rule})"):
                done.append(f"redact {event_id}")
    elif event == "action.reversed" and user:
        reversed_kinds = {
            op.get("reverses") for op in data.get("operations") or [] if isinstance(op, Mapping)
        }
        for kind in ("ban", "temp_suspend"):
            if kind in reversed_kinds:
                done.append(await restore(admin, config, user, kind))
    elif event == "account.restored" and user:
        after = data.get("after") or {}
        if isinstance(after, Mapping) and after.get("status") == "active":
            done.append(await restore(admin, config, user, "temp_suspend"))
    return done


def create_receiver(
    config: ReceiverConfig,
    *,
    transport: httpx.AsyncBaseTransport | None = None,
    clock: Callable[[], datetime] = lambda: datetime.now(UTC),
) -> Starlette:
    client = httpx.AsyncClient(
        base_url=config.synapse_url.rstrip("/"),
        headers={"Authorization": f"Bearer {config.admin_token}"},
        timeout=10.0,
        transport=transport,
    )
    admin = Admin(client)
    seen: OrderedDict[str, list[str]] = OrderedDict()

    async def webhook(request: Request) -> JSONResponse:
        body = await request.body()
        if len(body) > MAX_BODY:
            return JSONResponse({"error": "body too large"}, status_code=413)
        if not verify(
            config.secret, request.headers.get(HEADER, ""), body, clock(), config.tolerance
        ):
            return JSONResponse({"error": "bad or missing signature"}, status_code=401)
        notice_id = request.headers.get(NOTICE_HEADER, "")
        if notice_id and notice_id in seen:
            return JSONResponse({"duplicate": True, "done": seen[notice_id]})
        try:
            envelope = json.loads(body)
            event, data = envelope["event"], envelope.get("data") or {}
            if not isinstance(event, str) or not isinstance(data, dict):
                raise TypeError("event must be a string and data an object")
        except (ValueError, KeyError, TypeError) as exc:
            return JSONResponse({"error": f"not a Bastion notice: {exc}"}, status_code=400)
        try:
            done = await apply_notice(admin, config, event, data)
        except SynapseRefused as exc:
            log.warning("notice %s (%s) not applied: %s", notice_id, event, exc)
            return JSONResponse({"error": str(exc)}, status_code=503)
        if notice_id:
            seen[notice_id] = done
            while len(seen) > 10_000:
                seen.popitem(last=False)
        log.info("notice %s (%s): %s", notice_id, event, done or "nothing to do")
        return JSONResponse({"event": event, "done": done})

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        yield
        await client.aclose()

    return Starlette(routes=[Route(PATH, webhook, methods=["POST"])], lifespan=lifespan)


def config_from_env(environ: Mapping[str, str] | None = None) -> ReceiverConfig:
    """``BASTION_SYNAPSE_URL``, ``BASTION_SYNAPSE_ADMIN_TOKEN``, ``BASTION_WEBHOOK_SECRET`` and the
    optional ``BASTION_SYNAPSE_SUSPEND_WITH`` / ``BASTION_SYNAPSE_BAN_WITH``."""
    env = os.environ if environ is None else environ
    missing = [
        name
        for name in ("BASTION_SYNAPSE_URL", "BASTION_SYNAPSE_ADMIN_TOKEN", "BASTION_WEBHOOK_SECRET")
        if not env.get(name)
    ]
    if missing:
        raise ValueError(f"the receiver needs {', '.join(missing)}")
    return ReceiverConfig(
        synapse_url=env["BASTION_SYNAPSE_URL"],
        admin_token=env["BASTION_SYNAPSE_ADMIN_TOKEN"],
        secret=env["BASTION_WEBHOOK_SECRET"].encode("utf-8"),
        suspend_with=env.get("BASTION_SYNAPSE_SUSPEND_WITH", "suspend"),
        ban_with=env.get("BASTION_SYNAPSE_BAN_WITH", "deactivate"),
    )


def app_from_env() -> Starlette:
    """uvicorn factory: ``uvicorn --factory bastion.integrations.synapse.receiver:app_from_env``."""
    return create_receiver(config_from_env())
